"""`tf.nn`: the public names of the nn namespace, one explicit import per line (no logic).

Other families add their `tf.nn` names here (conv, pooling, losses ...).
"""
from scopeflow.ops.math_ops import sigmoid
from scopeflow.ops.math_ops import tanh
from scopeflow.ops.nn_ops import l2_loss
from scopeflow.ops.nn_ops import relu
from scopeflow.ops.nn_ops import relu6
from scopeflow.ops.nn_ops import elu
from scopeflow.ops.nn_ops import selu
from scopeflow.ops.nn_ops import leaky_relu
from scopeflow.ops.nn_ops import softplus
from scopeflow.ops.nn_ops import softsign
from scopeflow.ops.nn_ops import softmax
from scopeflow.ops.nn_ops import log_softmax
from scopeflow.ops.extra_math_ops import in_top_k
from scopeflow.ops.extra_math_ops import top_k
# --- convolution, pooling, normalization, losses, dropout, embeddings (nn_conv/pool/norm/xent/misc) ---
from scopeflow.ops.nn_conv import conv1d
from scopeflow.ops.nn_conv import conv2d
from scopeflow.ops.nn_conv import conv2d_transpose
from scopeflow.ops.nn_conv import conv3d
from scopeflow.ops.nn_conv import depthwise_conv2d_native
from scopeflow.ops.nn_conv_dilated import atrous_conv2d
from scopeflow.ops.nn_conv_dilated import conv3d_transpose
from scopeflow.ops.nn_conv_dilated import convolution
from scopeflow.ops.nn_conv_dilated import depthwise_conv2d
from scopeflow.ops.nn_conv_dilated import separable_conv2d
from scopeflow.ops.nn_pool import avg_pool
from scopeflow.ops.nn_pool import avg_pool1d
from scopeflow.ops.nn_pool import avg_pool2d
from scopeflow.ops.nn_pool import avg_pool3d
from scopeflow.ops.nn_pool import max_pool
from scopeflow.ops.nn_pool import max_pool1d
from scopeflow.ops.nn_pool import max_pool2d
from scopeflow.ops.nn_pool import max_pool3d
from scopeflow.ops.nn_pool import max_pool_v2
from scopeflow.ops.nn_pool import max_pool_with_argmax
from scopeflow.ops.nn_norm import batch_normalization
from scopeflow.ops.nn_norm import fused_batch_norm
from scopeflow.ops.nn_norm import l2_normalize
from scopeflow.ops.nn_norm import local_response_normalization
from scopeflow.ops.nn_norm import lrn
from scopeflow.ops.nn_norm import moments
from scopeflow.ops.nn_xent import sigmoid_cross_entropy_with_logits
from scopeflow.ops.nn_xent import softmax_cross_entropy_with_logits
from scopeflow.ops.nn_xent import softmax_cross_entropy_with_logits_v2
from scopeflow.ops.nn_xent import sparse_softmax_cross_entropy_with_logits
from scopeflow.ops.nn_xent import weighted_cross_entropy_with_logits
from scopeflow.ops.nn_misc import bias_add
from scopeflow.ops.nn_misc import dropout
from scopeflow.ops.nn_misc import embedding_lookup
from scopeflow.ops.nn_misc import xw_plus_b
