"""`tf.train`: optimizers, the global step, learning-rate schedules and moving averages.

Explicit imports, one name per line; every name is TF's public `tf.compat.v1.train` name.
"""
from scopeflow.train.adagrad import AdadeltaOptimizer
from scopeflow.train.adagrad import AdagradOptimizer
from scopeflow.train.adam import AdamOptimizer
from scopeflow.train.ftrl import FtrlOptimizer
from scopeflow.train.gradient_descent import GradientDescentOptimizer
from scopeflow.train.momentum import MomentumOptimizer
from scopeflow.train.optimizer import Optimizer
from scopeflow.train.rmsprop import RMSPropOptimizer
from scopeflow.train.training_util import assert_global_step
from scopeflow.train.training_util import create_global_step
from scopeflow.train.training_util import get_global_step
from scopeflow.train.training_util import get_or_create_global_step
from scopeflow.train.training_util import global_step
from scopeflow.train.learning_rate_decay import cosine_decay
from scopeflow.train.learning_rate_decay import cosine_decay_restarts
from scopeflow.train.learning_rate_decay import exponential_decay
from scopeflow.train.learning_rate_decay import inverse_time_decay
from scopeflow.train.learning_rate_decay import natural_exp_decay
from scopeflow.train.learning_rate_decay import piecewise_constant
from scopeflow.train.learning_rate_decay import piecewise_constant_decay
from scopeflow.train.learning_rate_decay import polynomial_decay
from scopeflow.train.moving_averages import ExponentialMovingAverage
