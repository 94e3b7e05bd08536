"""runtime/program.py run-time checks: a failing `ctx.check_at_run` (Assert, CheckNumerics) fails the run
with the InvalidArgumentError its op built, names that op, and commits no state; passing runs reuse one
compiled program; programs without checks keep donating their variables."""
import numpy as np
import pytest

import scopeflow as tf


@pytest.fixture
def graph():
    with tf.Graph().as_default() as g:
        yield g


def _program(sess):
    (program,) = [p for p in sess._programs.values() if p.checked]
    return program


def test_failing_assert_names_its_op_and_state_survives(graph):
    x = tf.placeholder(tf.float32, [2], name="x")
    v = tf.Variable([1., 1.], name="v")
    check = tf.Assert(tf.reduce_all(x > 0), ["x:", x], name="positive")
    with tf.control_dependencies([check]):
        step = tf.assign_add(v, x)
    with tf.Session() as sess:
        sess.run(v.initializer)
        np.testing.assert_allclose(sess.run(step, {x: [1., 2.]}), [2., 3.])
        with pytest.raises(tf.errors.InvalidArgumentError, match=r"assertion failed: \[x:\] \[-1 2\]") as info:
            sess.run(step, {x: [-1., 2.]})
        assert info.value.op is check
        assert "{{node positive/Assert}}" in info.value.message
        np.testing.assert_allclose(sess.run(v), [2., 3.])        # the failed step committed nothing
        np.testing.assert_allclose(sess.run(step, {x: [1., 1.]}), [3., 4.])
        assert _program(sess).donated == ()


def test_first_failing_check_in_creation_order_is_reported(graph):
    x = tf.placeholder(tf.float32, [2], name="x")
    first = tf.check_numerics(x, "first")
    second = tf.check_numerics(x * 2., "second")
    with tf.Session() as sess:
        with pytest.raises(tf.errors.InvalidArgumentError, match="first : Tensor had Inf and NaN values") as info:
            sess.run([second, first], {x: [np.nan, np.inf]})
        assert info.value.op is first.op


def test_passing_runs_reuse_the_compiled_program(graph):
    x = tf.placeholder(tf.float32, [3], name="x")
    y = tf.check_numerics(x, "m") * 2.
    with tf.Session() as sess:
        for value in ([1., 2., 3.], [4., 5., 6.]):
            np.testing.assert_allclose(sess.run(y, {x: value}), np.multiply(value, 2.))
        with pytest.raises(tf.errors.InvalidArgumentError, match="m : Tensor had NaN values"):
            sess.run(y, {x: [1., np.nan, 3.]})
        np.testing.assert_allclose(sess.run(y, {x: [1., 1., 1.]}), [2., 2., 2.])
        assert len(sess._programs) == 1


def test_programs_without_checks_still_donate(graph):
    v = tf.Variable([1., 2.], name="v")
    step = tf.assign_add(v, [1., 1.])
    with tf.Session() as sess:
        sess.run(v.initializer)
        sess.run(step)
        programs = [p for p in sess._programs.values() if "v" in p.writes and "v" in p.reads]
        assert programs and all(p.donated == ("v",) and not p.checked for p in programs)


def test_assert_known_false_when_compiled_fails_before_the_run(graph):
    check = tf.Assert(tf.constant(False), [tf.constant([1, 2])], name="never")
    with tf.Session() as sess:
        with pytest.raises(tf.errors.InvalidArgumentError, match=r"assertion failed: \[1 2\]"):
            sess.run(check)


def test_each_feed_shape_commits_the_state_its_own_trace_wrote():
    """One program holds a trace per feed shape; a shape-dependent cond writes v for one shape and w for
    the other, and going back to the first shape must write v again (TF: v=1, w=0 after the last run)."""
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None])
        v, w = tf.Variable(0., name="v"), tf.Variable(0., name="w")
        op = tf.cond(tf.equal(tf.shape(x)[0], 5), lambda: tf.assign(v, 1.), lambda: tf.assign(w, 2.))
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            sess.run(op, {x: np.zeros(5, np.float32)})
            sess.run(op, {x: np.zeros(1, np.float32)})
            assert sess.run([v, w]) == [1.0, 2.0]
            sess.run(tf.global_variables_initializer())
            sess.run(op, {x: np.zeros(5, np.float32)})
            assert sess.run([v, w]) == [1.0, 0.0]


def test_assigning_one_variable_to_another_keeps_both():
    """`assign(v, w)` writes w's value into v; a later donated update of v must leave w intact."""
    with tf.Graph().as_default():
        w = tf.Variable(3.0, name="w")
        v = tf.Variable(0.0, name="v")
        copy = tf.assign(v, w)
        bump = tf.assign_add(v, 1.0)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            sess.run(copy)
            sess.run(bump)
            sess.run(bump)
            assert sess.run([v, w]) == [5.0, 3.0]
