"""`tf.random`: TF1's (compat.v1) names for the random ops and seeds; no logic of its own.

Imported by compat/v1.py as `random` (the file has another name so it never shadows the standard
library's `random` inside the package). `tf.random.normal is tf.random_normal`, and so on.
"""
from scopeflow.framework.random_seed import get_seed
from scopeflow.framework.random_seed import set_random_seed
from scopeflow.ops.random_ops import categorical
from scopeflow.ops.random_ops import multinomial
from scopeflow.ops.random_ops import random_gamma as gamma
from scopeflow.ops.random_ops import random_normal as normal
from scopeflow.ops.random_ops import random_poisson as poisson
from scopeflow.ops.random_ops import random_shuffle as shuffle
from scopeflow.ops.random_ops import random_uniform as uniform
from scopeflow.ops.random_ops import truncated_normal

__all__ = ["categorical", "gamma", "get_seed", "multinomial", "normal", "poisson", "set_random_seed",
           "shuffle", "truncated_normal", "uniform"]
