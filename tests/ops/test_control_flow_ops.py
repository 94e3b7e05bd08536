"""no_op / group / tuple: golden names and control inputs, plus the run order they impose."""
import numpy as np
import pytest

import scopeflow as tf
from tests.golden import golden_test

test_golden = golden_test("ops_control")


@pytest.fixture
def graph():
    with tf.Graph().as_default() as g:
        yield g


def test_group_runs_its_inputs(graph):
    v = tf.placeholder_with_default(np.float32(3.0), [])
    with tf.Session() as sess:
        assert sess.run(tf.group(v, tf.no_op())) is None


def test_tuple_gates_every_output_on_all_inputs(graph):
    a, b = tf.constant(1.0), tf.constant([2, 3])
    ta, tb = tf.tuple([a, b])
    gate = ta.op.control_inputs[0]
    assert gate is tb.op.control_inputs[0] and gate.type == "NoOp"
    assert {op.name for op in gate.control_inputs} == {a.op.name, b.op.name}
    with tf.Session() as sess:
        va, vb = sess.run([ta, tb])
    assert va == 1.0 and vb.tolist() == [2, 3]


def test_with_dependencies_names_an_identity(graph):
    from scopeflow.ops.control_flow_ops import with_dependencies
    a = tf.constant(1.0)
    n = tf.no_op()
    y = with_dependencies([n], a)
    assert (y.name, y.op.type, [c.name for c in y.op.control_inputs]) == (
        "control_dependency:0", "Identity", ["NoOp"])
