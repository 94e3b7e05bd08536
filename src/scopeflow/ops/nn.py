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
