"""The LOSSES collection: `add_loss`, `get_losses`, `get_total_loss`, and the regularization-loss getters
(re-exported from ops/losses_regularization.py).

Invariant: losses are kept in the graph's `losses` collection in the order they were added; the total
is one `AddN` named `total_loss` over them (then the regularization losses), as TF builds it.
"""
from scopeflow.framework.graph_keys import GraphKeys
from scopeflow.framework.scopes import add_to_collection, get_collection
from scopeflow.ops.losses_regularization import get_regularization_loss, get_regularization_losses
from scopeflow.ops.reduction_ops import add_n


def add_loss(loss, loss_collection=GraphKeys.LOSSES):
    """Adds `loss` to `loss_collection` (nothing when the collection is None or empty)."""
    if loss_collection:
        add_to_collection(loss_collection, loss)


def get_losses(scope=None, loss_collection=GraphKeys.LOSSES):
    """The losses in `loss_collection` whose names match `scope` (a regex, from the start)."""
    return get_collection(loss_collection, scope)


def get_total_loss(add_regularization_losses=True, name="total_loss", scope=None):
    """The sum (`AddN` named `name`) of the losses, plus the regularization losses by default.

    >>> import scopeflow as tf
    >>> _ = tf.losses.absolute_difference([1.], [2.])
    >>> tf.losses.get_total_loss().name
    'total_loss:0'
    """
    losses = get_losses(scope)
    if add_regularization_losses:
        losses += get_regularization_losses(scope)
    return add_n(losses, name=name)


__all__ = ["add_loss", "get_losses", "get_total_loss", "get_regularization_loss", "get_regularization_losses"]
