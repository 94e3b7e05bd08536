"""`tf.losses`: TF1's loss functions, the LOSSES collection helpers and `Reduction` (explicit imports;
the logic lives in losses_impl.py, weighting.py and util.py)."""
from scopeflow.losses.losses_impl import absolute_difference
from scopeflow.losses.losses_impl import cosine_distance
from scopeflow.losses.losses_impl import hinge_loss
from scopeflow.losses.losses_impl import huber_loss
from scopeflow.losses.losses_impl import log_loss
from scopeflow.losses.losses_impl import mean_pairwise_squared_error
from scopeflow.losses.losses_impl import mean_squared_error
from scopeflow.losses.losses_impl import sigmoid_cross_entropy
from scopeflow.losses.losses_impl import softmax_cross_entropy
from scopeflow.losses.losses_impl import sparse_softmax_cross_entropy
from scopeflow.losses.util import add_loss
from scopeflow.losses.util import get_losses
from scopeflow.losses.util import get_regularization_loss
from scopeflow.losses.util import get_regularization_losses
from scopeflow.losses.util import get_total_loss
from scopeflow.losses.weighting import Reduction
from scopeflow.losses.weighting import compute_weighted_loss

__all__ = ["Reduction", "absolute_difference", "add_loss", "compute_weighted_loss", "cosine_distance",
           "get_losses", "get_regularization_loss", "get_regularization_losses", "get_total_loss", "hinge_loss",
           "huber_loss", "log_loss", "mean_pairwise_squared_error", "mean_squared_error", "sigmoid_cross_entropy",
           "softmax_cross_entropy", "sparse_softmax_cross_entropy"]
