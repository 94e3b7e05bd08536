"""`tf.contrib.layers`: slim's layers, initializers, regularizers, summaries and `optimize_loss`.

tf-slim 1.1 is TF 1.15's contrib.layers moved out of TensorFlow, so every name here is an alias of the
scopeflow.slim function of the same name (no logic of its own).
"""
from scopeflow.slim.arg_scope import add_arg_scope  # noqa: F401  (contrib.layers re-exported it)
from scopeflow.slim.layers import avg_pool2d
from scopeflow.slim.layers import avg_pool3d
from scopeflow.slim.layers import batch_norm
from scopeflow.slim.layers import bias_add
from scopeflow.slim.layers import conv1d
from scopeflow.slim.layers import conv2d
from scopeflow.slim.layers import conv2d_transpose
from scopeflow.slim.layers import conv3d
from scopeflow.slim.layers import conv3d_transpose
from scopeflow.slim.layers import convolution
from scopeflow.slim.layers import convolution1d
from scopeflow.slim.layers import convolution2d
from scopeflow.slim.layers import convolution2d_transpose
from scopeflow.slim.layers import convolution3d
from scopeflow.slim.layers import convolution3d_transpose
from scopeflow.slim.layers import dropout
from scopeflow.slim.layers import elu
from scopeflow.slim.layers import flatten
from scopeflow.slim.layers import fully_connected
from scopeflow.slim.layers import layer_norm
from scopeflow.slim.layers import linear
from scopeflow.slim.layers import max_pool2d
from scopeflow.slim.layers import max_pool3d
from scopeflow.slim.layers import one_hot_encoding
from scopeflow.slim.layers import relu
from scopeflow.slim.layers import relu6
from scopeflow.slim.layers import repeat
from scopeflow.slim.layers import separable_conv2d
from scopeflow.slim.layers import separable_convolution2d
from scopeflow.slim.layers import softmax
from scopeflow.slim.layers import stack
from scopeflow.slim.layers import unit_norm
from scopeflow.ops.contrib_initializers import variance_scaling_initializer
from scopeflow.ops.contrib_initializers import xavier_initializer
from scopeflow.ops.contrib_initializers import xavier_initializer_conv2d
from scopeflow.ops.regularizers import apply_regularization
from scopeflow.ops.regularizers import l1_l2_regularizer
from scopeflow.ops.regularizers import l1_regularizer
from scopeflow.ops.regularizers import l2_regularizer
from scopeflow.ops.regularizers import sum_regularizer
from scopeflow.slim.optimizers import OPTIMIZER_CLS_NAMES
from scopeflow.slim.optimizers import OPTIMIZER_SUMMARIES
from scopeflow.slim.optimizers import optimize_loss
from scopeflow.slim.summaries import summarize_activation
from scopeflow.slim.summaries import summarize_activations
from scopeflow.slim.summaries import summarize_biases
from scopeflow.slim.summaries import summarize_collection
from scopeflow.slim.summaries import summarize_tensor
from scopeflow.slim.summaries import summarize_tensors
from scopeflow.slim.summaries import summarize_variables
from scopeflow.slim.summaries import summarize_weights

