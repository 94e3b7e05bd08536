"""tf.gradients family: golden cases recorded from TF (tests/golden/gradients.json) plus own tests of the
plan (which ops a gradient re-runs), overrides, naming, a compiled train step and doctests."""
import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scopeflow as tf
from scopeflow.framework.registry import REGISTRY
from scopeflow.ops import custom_gradient, gradient_names, gradients_impl
from tests.golden import golden_test

test_golden = golden_test("gradients")
test_golden_names = golden_test("gradient_names")


@pytest.fixture
def graph():
    with tf.Graph().as_default() as g:
        yield g


def _plan(gradient):
    return gradient.op.inputs[0].op.get_attr("plan")


def test_one_gradient_op_per_call(graph):
    x = tf.constant([1., 2.], name="x")
    w = tf.Variable([3., 4.], name="w")
    loss = tf.reduce_sum(x * w)
    gx, gw = tf.gradients(loss, [x, w])
    assert gx.op.type == "Identity" and gx.op.inputs[0].op is gw.op.inputs[0].op
    gradient = gx.op.inputs[0].op
    assert gradient.type == "SymbolicGradient" and gradient.name == "gradients/SymbolicGradient"
    # TF's names (golden: gradients.json names_*): the last op of the Mul gradient for each input
    assert (gx.name, gw.name) == ("gradients/mul_grad/Mul:0", "gradients/mul_grad/Mul_1:0")
    assert gw.dtype == tf.float32   # the variable's base dtype, not float32_ref
    assert "SymbolicGradient" in str(gradient.node_def)


def test_plan_reruns_only_the_path(graph):
    """Ops off the path (the random mask, other branches, shape computations) are not re-run."""
    x = tf.constant([1., 2.], name="x")
    mask = tf.random_uniform([2], name="mask")
    unused = tf.exp(x, name="unused")
    y = tf.reduce_sum(x * mask * tf.cast(tf.shape(x)[0], tf.float32), name="y")
    plan = _plan(tf.gradients(y, x)[0])
    rerun = {t.op.name for t in plan.recomputed}
    assert rerun == {"mul", "mul_1", "y"}
    assert "mask" not in rerun and "unused" not in rerun and unused.op.name == "unused"


def test_duplicate_xs_share_one_output(graph):
    x = tf.constant(2.0)
    g = tf.gradients(x * x, [x, x])
    assert g[0] is g[1]
    assert len(_plan(g[0]).xs) == 1


def test_several_consumers_named_like_tfs_sum(graph):
    w = tf.Variable(1.0, name="w")
    g = tf.gradients(w * 2. + w * 3., w)[0]
    assert g.name == "gradients/AddN:0"


def test_name_rules_are_for_declared_op_types():
    """A rule for an op type scopeflow never builds could not apply (a typo, or a gap to say so)."""
    assert [t for t in gradient_names.RULES if t not in REGISTRY] == []


def test_outputs_of_one_tf_op_come_from_one_identity_n(graph):
    """TF's offset and scale gradients are outputs 2 and 1 of `FusedBatchNormGradV3`: one IdentityN, whose
    output 0 (no x asks for it) repeats another gradient; each output carries its own x's gradient."""
    x = tf.constant(np.arange(24, dtype=np.float32).reshape(2, 2, 2, 3))
    scale, offset = tf.Variable(tf.ones([3]), name="scale"), tf.Variable(tf.zeros([3]), name="offset")
    y = tf.nn.fused_batch_norm(x, scale, offset)[0]
    g_offset, g_scale = tf.gradients(tf.reduce_sum(y * 2.), [offset, scale])
    assert g_offset.op is g_scale.op and g_offset.op.type == "IdentityN"
    assert (g_offset.name, g_scale.name) == ("gradients/FusedBatchNormV3_grad/FusedBatchNormGradV3:2",
                                             "gradients/FusedBatchNormV3_grad/FusedBatchNormGradV3:1")
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        offset_value, scale_value = sess.run([g_offset, g_scale])
    np.testing.assert_allclose(offset_value, [16., 16., 16.])   # d/d offset of sum(2 y): 2 per element
    np.testing.assert_allclose(scale_value, [0., 0., 0.], atol=1e-4)   # 2 * sum of the normalized x


def test_xs_given_one_tensor_by_tf_share_it(graph):
    a, b = tf.constant([1., 2.], name="a"), tf.constant([3., 4.], name="b")
    ga, gb = tf.gradients(a + b, [a, b])
    assert ga is gb and ga.name == "gradients/grad_ys_0:0"   # TF's Add passes its incoming gradient on
    with tf.Session() as sess:
        assert sess.run(ga).tolist() == [1., 1.]


@pytest.mark.parametrize("build, name", [
    (lambda x: tf.reduce_prod(x), "gradients/Prod_grad/Identity:0"),                  # no rule for Prod
    (lambda x: tf.cond(tf.constant(True), lambda: x * x, lambda: x), "gradients/cond/If_grad/Identity:0"),
])
def test_unmodelled_names_keep_the_consumer_scope(graph, build, name):
    x = tf.constant([1., 2.], name="x")
    assert tf.gradients(build(x), x)[0].name == name


def test_override_is_recorded_when_the_op_is_built(graph):
    x = tf.constant(1.0)
    with graph.gradient_override_map({"Identity": "SomeGrad"}):
        y = tf.identity(x)
        z = tf.exp(x)
    assert graph._gradient_op_types == {y.op: "SomeGrad"}
    assert z.op not in graph._gradient_op_types


def test_lookup_error_only_for_ops_on_the_path(graph):
    x = tf.constant([1., 2.])
    with graph.gradient_override_map({"Identity": "NotRegisteredAnywhere"}):
        off_path = tf.identity(x)
    assert off_path.op.type == "Identity"
    assert tf.gradients(x * 2., x)[0] is not None
    with pytest.raises(LookupError, match="No gradient defined for operation'Identity'"):
        tf.gradients(off_path, x)


def test_register_gradient_rejects_declared_op_types():
    with pytest.raises(KeyError, match="Registering two gradient with name 'MatMul'!"):
        tf.RegisterGradient("MatMul")(lambda op, grad: grad)


def test_custom_gradient_registers_fresh_names(graph):
    @tf.custom_gradient
    def double(x):
        return x * 2., lambda dy: dy * 5.

    a, b = double(tf.constant(1.)), double(tf.constant(2.))
    names = {graph._gradient_op_types[a.op], graph._gradient_op_types[b.op]}
    assert len(names) == 2 and all(n.startswith("CustomGradient-") for n in names)
    with tf.Session() as sess:
        assert sess.run(tf.gradients(a + b, [a.op.inputs[1], b.op.inputs[1]])) == [5., 5.]


def test_train_step_matches_numpy(graph):
    """Plain gradient descent on least squares, 3 compiled steps against the same steps in numpy."""
    rng = np.random.RandomState(0)
    xs, ys = rng.randn(8, 3).astype(np.float32), rng.randn(8, 1).astype(np.float32)
    w0 = rng.randn(3, 1).astype(np.float32)
    x, y = tf.placeholder(tf.float32, [None, 3]), tf.placeholder(tf.float32, [None, 1])
    w = tf.Variable(w0, name="w")
    loss = tf.reduce_mean(tf.square(tf.matmul(x, w) - y))
    train = tf.assign_sub(w, 0.1 * tf.gradients(loss, w)[0])
    expected = w0.astype(np.float64)
    for _ in range(3):
        expected = expected - 0.1 * 2 * xs.T @ (xs @ expected - ys) / len(xs)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for _ in range(3):
            sess.run(train, {x: xs, y: ys})
        np.testing.assert_allclose(sess.run(w), expected, rtol=1e-5)


def test_resource_variable_gradient_after_update_in_same_run(graph):
    """The gradient is taken at the variable's value where the gradient op runs (after its control deps)."""
    r = tf.get_variable("r", initializer=2.0, use_resource=True)
    update = r.assign(5.0)
    with tf.control_dependencies([update]):
        g = tf.gradients(tf.square(r.read_value()), r)[0]
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        assert sess.run(g) == 10.0


@settings(max_examples=8, deadline=None)
@given(st.lists(st.sampled_from([1, 2, 3]), min_size=1, max_size=3),
       st.lists(st.sampled_from([1, 3]), min_size=0, max_size=3))
def test_broadcast_gradient_sums_to_input_shape(a_shape, b_shape):
    """d sum(a * b) / da is b broadcast to the product's shape, summed back to a's shape."""
    rank = max(len(a_shape), len(b_shape))
    a_full = [1] * (rank - len(a_shape)) + a_shape
    b_full = [1] * (rank - len(b_shape)) + b_shape
    if any(p != q and 1 not in (p, q) for p, q in zip(a_full, b_full)):
        return
    b_val = np.arange(1, 1 + int(np.prod(b_shape)), dtype=np.float32).reshape(b_shape)
    with tf.Graph().as_default():
        a = tf.constant(np.ones(a_shape, np.float32))
        g = tf.gradients(tf.reduce_sum(a * tf.constant(b_val)), a)[0]
        assert g.shape.as_list() == a_shape
        with tf.Session() as sess:
            value = sess.run(g)
    out_shape = np.broadcast_shapes(tuple(a_shape), tuple(b_shape))
    expected = np.broadcast_to(b_val, out_shape)
    axes = tuple(i for i in range(len(out_shape)) if i < rank - len(a_shape) or a_full[i] == 1 != out_shape[i])
    expected = expected.sum(axis=axes).reshape(a_shape) if axes else expected.reshape(a_shape)
    np.testing.assert_allclose(value, expected)


@pytest.mark.parametrize("module", [gradients_impl, custom_gradient])
def test_doctests(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


def test_print_on_the_path_prints_once_per_run(graph, capfd):
    x = tf.constant([1., 2.])
    y = tf.Print(x, [x], "seen ")
    g = tf.gradients(y * 2., x)[0]
    with tf.Session() as sess:
        _, value = sess.run([y, g])
    assert value.tolist() == [2., 2.]
    assert capfd.readouterr().err.count("seen ") == 1
