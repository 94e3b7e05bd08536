"""The optimizers' update ops: declarations, shape checks, and kernels run through a session."""
import numpy as np
import pytest

import scopeflow as tf
from scopeflow.framework.registry import lookup
from scopeflow.train.training_ops import apply_op

APPLY_TYPES = ("ApplyGradientDescent", "ApplyMomentum", "ApplyAdam", "ApplyRMSProp", "ApplyCenteredRMSProp",
               "ApplyAdagrad", "ApplyAdadelta", "ApplyFtrl", "ApplyFtrlV2")


@pytest.fixture
def graph():
    with tf.Graph().as_default() as g:
        yield g


@pytest.mark.parametrize("op_type", APPLY_TYPES)
def test_update_ops_take_references_and_read_write_state(op_type):
    for declared in (op_type, "Resource" + op_type):
        decl = lookup(declared)
        assert decl.ref_inputs and decl.context and decl.stateful, declared
        assert decl.attrs["use_locking"] is False and "T" in decl.attrs


def test_ref_update_outputs_the_variable_reference(graph):
    w = tf.Variable([1.0, 2.0], name="w")
    op = apply_op("ApplyGradientDescent", w, [], 0.5, [1.0, 1.0])
    out = op.outputs[0]
    assert (op.name, out.name, out.dtype.name, str(out.shape)) == (
        "ApplyGradientDescent", "ApplyGradientDescent:0", "float32_ref", "(2,)")
    assert [t.name for t in op.inputs] == ["w:0", "ApplyGradientDescent/alpha:0", "ApplyGradientDescent/delta:0"]


def test_resource_update_has_no_outputs_and_updates_the_handle(graph):
    w = tf.Variable([1.0, 2.0], name="w", use_resource=True)
    op = apply_op("ApplyGradientDescent", w, [], 0.5, [1.0, -1.0])
    assert op.type == "ResourceApplyGradientDescent" and list(op.outputs) == []
    with tf.Session() as sess:
        sess.run(w.initializer)
        sess.run(op)
        np.testing.assert_allclose(sess.run(w), [0.5, 2.5])


def test_hyper_parameters_must_be_scalars(graph):
    w = tf.Variable([1.0, 2.0], name="w")
    m = tf.Variable([0.0, 0.0], name="m")
    with pytest.raises(ValueError, match=r"^Shape must be rank 0 but is rank 1 for '\{\{node ApplyMomentum\}\}"):
        apply_op("ApplyMomentum", w, [m], 0.1, [1.0, 1.0], [0.9, 0.9])


def test_slot_shapes_merge_with_the_variable(graph):
    w = tf.Variable([1.0, 2.0], name="w")
    m = tf.Variable([0.0, 0.0, 0.0], name="m")
    with pytest.raises(ValueError, match="Dimension 0 in both shapes must be equal, but are 2 and 3"):
        apply_op("ApplyMomentum", w, [m], 0.1, [1.0, 1.0], 0.9)


# Reference values: tf.raw_ops.ApplyFtrl / ApplyFtrlV2 with multiply_linear_by_lr=True, run twice under
# TF 2.21 compat.v1 (not reachable through FtrlOptimizer, so not a golden case).
FTRL_BY_LR = {
    "ApplyFtrl": ([0.00807061, -1.227381, 0.63221836], [0.6, 2.2, 0.38], [-0.02142438, 2.0584922, -0.40671638]),
    "ApplyFtrlV2": ([-0.15530829, -0.7965021, 0.45384744], [0.6, 2.2, 0.38],
                    [0.1446198, 1.2441938, -0.32200116]),
}


@pytest.mark.parametrize("op_type", sorted(FTRL_BY_LR))
def test_ftrl_multiply_linear_by_lr_matches_reference(graph, op_type):
    w = tf.Variable([1.0, -2.0, 0.01], name="w")
    accum = tf.Variable([0.1, 0.2, 0.3], name="a")
    linear = tf.Variable([0.0, 0.5, -0.5], name="l")
    grad = tf.constant([0.5, -1.0, 0.2])
    if op_type == "ApplyFtrl":
        op = apply_op(op_type, w, [accum, linear], grad, 0.3, 0.05, 0.1, -0.6, multiply_linear_by_lr=True)
    else:
        op = apply_op(op_type, w, [accum, linear], grad, 0.3, 0.05, 0.1, 0.2, -0.5, multiply_linear_by_lr=True)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run(op)
        sess.run(op)
        for got, want in zip(sess.run([w, accum, linear]), FTRL_BY_LR[op_type]):
            np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-7)
