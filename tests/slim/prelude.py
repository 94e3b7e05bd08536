"""Shared prelude of the slim / contrib golden cases: `slim` and `layers` in both environments.

Under scopeflow they are `tf.contrib.slim` / `tf.contrib.layers`. The reference (TF 2.21) has no
tf.contrib; there they are tf-slim 1.1 (TF 1.15's contrib.layers moved out), made to run on TF 2.21 by
restoring `ops.Tensor`, `ops.IndexedSlices`, `control_flow_ops.cond`, `variable_scope.variable` and the `tf_keras.legacy_tf_layers` module path it imports (TF1_NOTES: without
these `slim.batch_norm` fails there). The helpers list ops, variables and collections compactly.
"""
PRELUDE = '''
import sys
if hasattr(tf, "contrib"):
    slim, layers = tf.contrib.slim, tf.contrib.layers
else:
    import importlib
    from tensorflow.python.framework import ops as _ops
    from tensorflow.python.ops import control_flow_ops as _cfo, variable_scope as _vs
    _ops.Tensor, _ops.IndexedSlices, _cfo.cond, _vs.variable = tf.Tensor, tf.IndexedSlices, tf.cond, tf.Variable
    for _m in ("", ".base", ".normalization", ".core", ".convolutional", ".pooling"):
        sys.modules["tf_keras.legacy_tf_layers" + _m] = importlib.import_module("tf_keras.src.legacy_tf_layers" + _m)
    import tf_slim as slim
    layers = slim
def ops_since(n):
    return [o.name + ":" + o.type for o in tf.get_default_graph().get_operations()[n:]
            if "/Initializer/" not in o.name and not o.name.endswith(("/Assign", "/read"))]
def nops():
    return len(tf.get_default_graph().get_operations())
def vars_(vs=None):
    return [(v.name, str(v.shape)) for v in (tf.global_variables() if vs is None else vs)]
def names(xs):
    return [x.name for x in xs]
def colls():
    return (names(tf.trainable_variables()), names(tf.model_variables()),
            names(tf.get_collection(tf.GraphKeys.UPDATE_OPS)),
            names(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)))
def init_run(fetches, feed_dict=None):
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        return sess.run(fetches, feed_dict)
'''
