"""Math family: golden cases recorded from TF (tests/golden/ops_math.json) plus properties of our own."""
import jax
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scopeflow as tf
from scopeflow.framework.registry import REGISTRY
from scopeflow.ops import math_ops, nn_ops, reduction_ops  # noqa: F401  (declarations)
from tests.golden import golden_test

_ARRAY_OPS = "needs the array ops StopGradient and SelectV2, not declared yet"
test_golden = golden_test("ops_math", xfail={
    case: _ARRAY_OPS for case in ("reduce_logsumexp", "reduce_logsumexp_graph")
    if not {"StopGradient", "SelectV2"} <= REGISTRY.keys()})


@pytest.fixture
def graph():
    with tf.Graph().as_default() as g:
        yield g


def _example_dtype(op_type):
    _, _, allowed, fixed = math_ops.SIGNATURES[op_type]
    if fixed is not None:
        return fixed
    return tf.float32 if allowed is None or tf.float32 in allowed else allowed[0]


_ELEMENTWISE = sorted(t for t, (args, *_rest) in math_ops.SIGNATURES.items()
                      if REGISTRY[t].attrs.keys() <= {"incompatible_shape_error", "alpha"}
                      and len(args) <= 2 and t not in ("ClipByValue",))


@pytest.mark.parametrize("op_type", _ELEMENTWISE)
def test_infer_agrees_with_kernel(graph, op_type):
    """Build-time shape and dtype equal what the JAX kernel produces (broadcasting (2, 1) with (3,))."""
    args = math_ops.SIGNATURES[op_type][0]
    dtype = _example_dtype(op_type)
    shapes = [(2, 1), (3,)][:len(args)]
    inputs = [tf.placeholder(dtype, s) for s in shapes]
    out = math_ops.apply_op(op_type, inputs)
    decl = REGISTRY[op_type]
    specs = [jax.ShapeDtypeStruct(s, np.dtype(dtype.as_numpy_dtype)) for s in shapes]
    result = jax.eval_shape(lambda *a: decl.kernel(*a, **out.op._attrs), *specs)
    assert tuple(result.shape) == tuple(out.shape.as_list())
    assert np.dtype(result.dtype) == np.dtype(out.dtype.as_numpy_dtype)


_dims = st.lists(st.sampled_from([1, 2, 3, None]), max_size=3)


@settings(max_examples=60, deadline=None)
@given(_dims, _dims)
def test_binary_broadcast_matches_numpy(a, b):
    """Known dims broadcast as numpy does; a mismatch is TF's 'Dimensions must be equal' ValueError."""
    with tf.Graph().as_default():
        x, y = tf.placeholder(tf.float32, a), tf.placeholder(tf.float32, b)
        known_a = [2 if d is None else d for d in a]
        known_b = [2 if d is None else d for d in b]
        try:
            expected = np.broadcast_shapes(tuple(known_a), tuple(known_b))
        except ValueError:
            expected = None
        try:
            shape = (x * y).shape.as_list()
        except ValueError as exc:
            assert "Dimensions must be equal" in str(exc)
            assert expected is None or None in a + b
            return
        assert len(shape) == max(len(a), len(b))
        if expected is not None:
            assert all(d is None or d == e for d, e in zip(shape, expected))


def test_reflected_operator_converts_to_tensor_dtype(graph):
    x = tf.constant([1, 2], tf.int64)
    y = 3 - x
    assert (y.op.type, y.dtype, y.op.inputs[0].name) == ("Sub", tf.int64, "sub/x:0")
    with pytest.raises(TypeError, match="Expected int64, but got 1.5 of type 'float'"):
        1.5 * x


def test_shape_arithmetic_stays_numpy():
    """Constant-only arithmetic answers with numpy, so XLA sees static values (shapes, axes)."""
    kernel = REGISTRY["Mul"].kernel
    assert isinstance(kernel(np.int32(2), np.int32(3)), np.integer)
    assert isinstance(REGISTRY["Cast"].kernel(np.int32(2), SrcT=tf.int32, DstT=tf.float32, Truncate=False),
                      np.ndarray)


def test_float32_matmul_is_full_precision(graph):
    a = np.random.RandomState(0).randn(64, 64).astype(np.float32)
    with tf.Session() as sess:
        got = sess.run(tf.matmul(tf.constant(a), tf.constant(a)))
    np.testing.assert_allclose(got, a.astype(np.float64) @ a.astype(np.float64), rtol=1e-5, atol=1e-4)


def test_division_by_a_constant_divides(graph):
    """x / 100. is a real division, as TF's: XLA's reciprocal rewrite would give 1 - 100/100 = -2.2e-8."""
    x = tf.placeholder(tf.float32, [3])
    y = 1.0 - x / 100.0
    z = x / tf.constant([2.0, 4.0, 0.5])   # powers of two: multiplying is exact, no barrier needed
    with tf.Session() as sess:
        got, halves = sess.run([y, z], {x: [100.0, 99.0, 3.0]})
    np.testing.assert_array_equal(got, (np.float32(1) - np.float32([100, 99, 3]) / np.float32(100)))
    assert got[0] == 0.0
    np.testing.assert_array_equal(halves, [50.0, 24.75, 6.0])


def test_mean_divides_by_the_count(graph):
    """reduce_mean of [a, 0, 0] is a / 3 exactly, as TF's Mean (XLA alone multiplies by 1/3: 15 of these
    59 values would be one ulp off)."""
    v = tf.placeholder(tf.float32, [3])
    m = tf.reduce_mean(v)
    values = np.linspace(0.1, 7.3, 59).astype(np.float32)
    with tf.Session() as sess:
        got = np.array([sess.run(m, {v: [a, 0, 0]}) for a in values])
    np.testing.assert_array_equal(got, values / np.float32(3))
