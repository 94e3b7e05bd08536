"""`tf.losses.get_regularization_losses` / `get_regularization_loss`: the REGULARIZATION_LOSSES collection.

The tf.losses module re-exports these two. Invariant: with no losses in scope the total is a plain
`Const` 0.0 (named `Const`), as TF's (golden: variable_scope_getters/get_regularization_loss*).
"""
from scopeflow.framework.constant_op import constant
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.graph_keys import GraphKeys
from scopeflow.ops.reduction_ops import add_n


def get_regularization_losses(scope=None):
    """The regularization losses whose names match `scope` (a regex, from the start), in order."""
    return get_default_graph().get_collection(GraphKeys.REGULARIZATION_LOSSES, scope)


def get_regularization_loss(scope=None, name="total_regularization_loss"):
    """The sum (`AddN` named `name`) of the regularization losses in `scope`, or a Const 0.0."""
    losses = get_regularization_losses(scope)
    if losses:
        return add_n(losses, name=name)
    return constant(0.0)


__all__ = ["get_regularization_losses", "get_regularization_loss"]
