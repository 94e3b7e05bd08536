"""`tf.contrib`: the TF 1.x contrib paths scopeflow provides, as aliases into slim/ and layers/.

`tf.contrib.layers`, `tf.contrib.framework`, `tf.contrib.losses` and `tf.contrib.slim` (the very
`scopeflow.slim` module, also importable as `scopeflow.contrib.slim` / `tensorflow.contrib.slim`).
No logic lives here.
"""
import sys

from scopeflow import slim
from scopeflow.contrib import framework
from scopeflow.contrib import layers
from scopeflow.contrib import losses

sys.modules[__name__ + ".slim"] = slim   # `import tensorflow.contrib.slim as slim` gets scopeflow.slim itself
