"""`slim.layers`: every slim layer function in one namespace (tf-slim's `tf_slim.layers.layers`).

Explicit imports only; the functions live in layers_conv.py, layers_core.py and normalization.py.
"""
import functools

from scopeflow.ops import nn_ops
from scopeflow.slim.layers_conv import DATA_FORMAT_NCDHW
from scopeflow.slim.layers_conv import DATA_FORMAT_NCHW
from scopeflow.slim.layers_conv import DATA_FORMAT_NDHWC
from scopeflow.slim.layers_conv import DATA_FORMAT_NHWC
from scopeflow.slim.layers_conv import conv1d
from scopeflow.slim.layers_conv import conv2d
from scopeflow.slim.layers_conv import conv2d_transpose
from scopeflow.slim.layers_conv import conv3d
from scopeflow.slim.layers_conv import conv3d_transpose
from scopeflow.slim.layers_conv import convolution
from scopeflow.slim.layers_conv import convolution1d
from scopeflow.slim.layers_conv import convolution2d
from scopeflow.slim.layers_conv import convolution2d_transpose
from scopeflow.slim.layers_conv import convolution3d
from scopeflow.slim.layers_conv import convolution3d_transpose
from scopeflow.slim.layers_conv import separable_conv2d
from scopeflow.slim.layers_conv import separable_convolution2d
from scopeflow.slim.layers_core import avg_pool2d
from scopeflow.slim.layers_core import avg_pool3d
from scopeflow.slim.layers_core import bias_add
from scopeflow.slim.layers_core import dropout
from scopeflow.slim.layers_core import flatten
from scopeflow.slim.layers_core import fully_connected
from scopeflow.slim.layers_core import l2_normalize
from scopeflow.slim.layers_core import max_pool2d
from scopeflow.slim.layers_core import max_pool3d
from scopeflow.slim.layers_core import one_hot_encoding
from scopeflow.slim.layers_core import repeat
from scopeflow.slim.layers_core import softmax
from scopeflow.slim.layers_core import stack
from scopeflow.slim.layers_core import unit_norm
from scopeflow.slim.normalization import batch_norm
from scopeflow.slim.normalization import layer_norm

# tf-slim's fully connected shorthands (a layer, not an activation: `slim.relu(x, 10)` has weights)
elu = functools.partial(fully_connected, activation_fn=nn_ops.elu)
relu = functools.partial(fully_connected, activation_fn=nn_ops.relu)
relu6 = functools.partial(fully_connected, activation_fn=nn_ops.relu6)
linear = functools.partial(fully_connected, activation_fn=None)
