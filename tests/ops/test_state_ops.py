"""State op declarations: shape functions, TF's attrs, and reads/writes threaded through a run."""
import numpy as np
import pytest

import scopeflow as tf
from scopeflow.framework.registry import lookup
from scopeflow.ops import state_ops


@pytest.fixture
def graph():
    with tf.Graph().as_default() as g:
        yield g


def test_ref_ops_are_declared_with_ref_inputs():
    for op_type in ("Assign", "AssignAdd", "AssignSub", "ScatterUpdate", "ScatterAdd", "ScatterSub",
                    "IsVariableInitialized", "CountUpTo", "ReadVariableOp", "AssignVariableOp",
                    "AssignAddVariableOp", "AssignSubVariableOp", "VarIsInitializedOp"):
        decl = lookup(op_type)
        assert decl.ref_inputs and decl.context and decl.stateful, op_type


def test_variable_op_outputs_a_ref_dtype(graph):
    ref = state_ops.variable_op_v2([2, 3], tf.float32, name="v")
    assert (ref.name, ref.dtype.name, str(ref.shape)) == ("v:0", "float32_ref", "(2, 3)")
    assert ref.op.type == "VariableV2"
    assert ref.op.get_attr("container") == "" and ref.op.get_attr("shared_name") == ""


def test_node_text_shows_base_type(graph):
    w = tf.Variable([1.0, 2.0], name="w")
    with pytest.raises(ValueError, match=r"Assign\[T=DT_FLOAT, use_locking=true, validate_shape=true\]"):
        tf.assign(w, [1.0, 2.0, 3.0])
    assert w.initializer.get_attr("T") == tf.float32


def test_unknown_rank_merges(graph):
    v = tf.Variable(tf.placeholder_with_default([1.0, 2.0], None), validate_shape=False, name="v")
    a = tf.assign(v, [[1.0]])
    assert str(a.shape) == "(1, 1)"


def test_scatter_on_non_ref_is_rejected(graph):
    with pytest.raises(TypeError, match="'ScatterUpdate' Op requires that input 'ref' be a mutable tensor"):
        tf.scatter_update(tf.constant([1.0]), [0], [2.0])


def test_scatter_2d_rows(graph):
    w = tf.Variable(np.zeros((3, 2), np.float32), name="w")
    up = tf.scatter_add(w, [2, 0, 2], np.ones((3, 2), np.float32))
    with tf.Session() as sess:
        sess.run(w.initializer)
        np.testing.assert_array_equal(sess.run(up), [[1, 1], [0, 0], [2, 2]])


def test_writes_in_one_run_follow_control_dependencies(graph):
    v = tf.Variable(1.0, name="v")
    first = tf.assign(v, 5.0)
    with tf.control_dependencies([first]):
        second = tf.assign_add(v, 1.0)
    with tf.control_dependencies([second]):
        result = v + 0.0
    with tf.Session() as sess:
        sess.run(v.initializer)
        assert sess.run(result) == 6.0


def test_resource_read_error_text(graph):
    a = tf.Variable(1.0, name="a", use_resource=True)
    b = tf.Variable(1.0, name="b", use_resource=True)
    with tf.Session() as sess:
        sess.run(a.initializer)
        with pytest.raises(tf.errors.FailedPreconditionError,
                           match="message=Resource localhost/b/N10tensorflow3VarE does not exist."):
            sess.run(b.value())
