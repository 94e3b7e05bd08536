"""tf.Variable: golden cases (tests/golden/cases/variables.py) and run-time properties TF shows."""
import numpy as np
import pytest

import scopeflow as tf
from tests.golden import golden_test

test_golden = golden_test("variables")


@pytest.fixture
def graph():
    with tf.Graph().as_default() as g:
        yield g


def test_train_step_reuses_one_program(graph):
    w = tf.Variable([1.0, 2.0], name="w")
    step = w.assign_add([1.0, 1.0])
    with tf.Session() as sess:
        sess.run(w.initializer)
        before = len(sess._programs)
        for _ in range(5):
            sess.run(step)
        assert len(sess._programs) == before + 1
        np.testing.assert_array_equal(sess.run(w), [6.0, 7.0])


def test_uninitialized_error_names_the_consumer(graph):
    w = tf.Variable([1.0, 2.0], name="w")
    y = w * 2.0
    with tf.Session() as sess:
        with pytest.raises(tf.errors.FailedPreconditionError,
                           match="Attempting to use uninitialized value w") as info:
            sess.run(y)
    assert info.value.op is not None and info.value.op.name in ("w/read", "mul")


def test_is_initialized_follows_the_session_state(graph):
    # a program traced while `w` was uninitialized must not keep answering False
    w = tf.Variable(1.0, name="w")
    check = tf.is_variable_initialized(w)
    with tf.Session() as sess:
        assert not sess.run(check)
        sess.run(w.initializer)
        assert sess.run(check)
    with tf.Session() as sess:
        assert not sess.run(check)


def test_resource_is_initialized_and_program_reuse(graph):
    v = tf.Variable([1.0], name="v", use_resource=True)
    inc = v.assign_add([2.0])
    with tf.Session() as sess:
        assert not sess.run(v.is_initialized())
        sess.run(v.initializer)
        assert sess.run(v.is_initialized())
        values = [sess.run(inc)[0] for _ in range(3)]
    assert values == [3.0, 5.0, 7.0]


def test_initializer_reads_value_assigned_in_same_run(graph):
    # initial values that read other variables see them initialized earlier in the same run
    a = tf.Variable(3.0, name="a")
    b = tf.Variable(a.initialized_value() + 1.0, name="b")
    with tf.Session() as sess:
        sess.run([a.initializer, b.initializer])
        assert sess.run(b) == 4.0


def test_variable_class_dispatch(graph):
    from scopeflow.ops.variables import RefVariable, ResourceVariable
    assert type(tf.Variable(1.0)) is RefVariable
    assert type(tf.Variable(1.0, use_resource=True)) is ResourceVariable
    assert isinstance(tf.Variable(1.0, use_resource=True), tf.Variable)


def test_variables_are_added_after_building(graph):
    with pytest.raises(ValueError, match="initial_value must have a shape specified"):
        tf.Variable(tf.placeholder(tf.float32, [None]))
    assert tf.global_variables() == [] and tf.trainable_variables() == []
