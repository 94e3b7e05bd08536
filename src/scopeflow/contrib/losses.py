"""`tf.contrib.losses`: the legacy loss functions (logits/predictions first), aliases of `slim.losses`."""
from scopeflow.slim.losses import absolute_difference
from scopeflow.slim.losses import add_loss
from scopeflow.slim.losses import compute_weighted_loss
from scopeflow.slim.losses import cosine_distance
from scopeflow.slim.losses import get_losses
from scopeflow.slim.losses import get_regularization_losses
from scopeflow.slim.losses import get_total_loss
from scopeflow.slim.losses import hinge_loss
from scopeflow.slim.losses import log_loss
from scopeflow.slim.losses import mean_pairwise_squared_error
from scopeflow.slim.losses import mean_squared_error
from scopeflow.slim.losses import sigmoid_cross_entropy
from scopeflow.slim.losses import softmax_cross_entropy
from scopeflow.slim.losses import sparse_softmax_cross_entropy
