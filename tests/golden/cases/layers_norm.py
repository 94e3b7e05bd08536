"""Golden cases for tf.layers batch normalization: variables, fused/unfused graphs, UPDATE_OPS, values."""

_OPS = """
def ops_since(n):
    return [o.name + ":" + o.type for o in tf.get_default_graph().get_operations()[n:]
            if "/Initializer/" not in o.name and not o.name.endswith(("/Assign", "/read"))]
def nops():
    return len(tf.get_default_graph().get_operations())
def vars_():
    return [(v.name, str(v.shape)) for v in tf.global_variables()]
def colls():
    return ([v.name for v in tf.trainable_variables()], [v.name for v in tf.global_variables()],
            [v.name for v in tf.moving_average_variables()], [v.name for v in tf.model_variables()],
            [o.name for o in tf.get_collection(tf.GraphKeys.UPDATE_OPS)])
"""

CASES = {
    "bn_fused_inference_graph": _OPS + """
x = tf.placeholder(tf.float32, [None, 4, 4, 3])
n = nops()
y = tf.layers.batch_normalization(x)
out(ops_since(n), y.name, str(y.shape), vars_(), colls())
""",
    "bn_fused_training_graph": _OPS + """
x = tf.placeholder(tf.float32, [None, 4, 4, 3])
n = nops()
y = tf.layers.batch_normalization(x, training=True)
out(ops_since(n), y.name, str(y.shape), colls())
""",
    "bn_unfused_inference_graph": _OPS + """
x = tf.placeholder(tf.float32, [None, 3])
n = nops()
y = tf.layers.batch_normalization(x)
out(ops_since(n), y.name, str(y.shape), colls())
""",
    "bn_unfused_training_graph": _OPS + """
x = tf.placeholder(tf.float32, [None, 3])
n = nops()
y = tf.layers.batch_normalization(x, training=True, momentum=0.9)
out(ops_since(n), y.name, str(y.shape), colls())
""",
    "bn_fused_false_rank4": _OPS + """
x = tf.placeholder(tf.float32, [None, 2, 2, 3])
n = nops()
y = tf.layers.batch_normalization(x, training=True, fused=False)
out(ops_since(n), y.name, colls())
""",
    "bn_channels_first_axis1": _OPS + """
x = tf.placeholder(tf.float32, [None, 3, 4, 4])
n = nops()
y = tf.layers.batch_normalization(x, axis=1, training=True)
z = tf.layers.batch_normalization(tf.placeholder(tf.float32, [None, 3, 4]), axis=1, training=True)
out(ops_since(n), y.name, z.name, vars_())
""",
    "bn_center_scale_false": _OPS + """
x = tf.placeholder(tf.float32, [None, 4, 4, 3])
n = nops()
y = tf.layers.batch_normalization(x, center=False, scale=False)
z = tf.layers.batch_normalization(tf.placeholder(tf.float32, [None, 3]), center=False, scale=False)
out(ops_since(n), y.name, z.name, vars_())
""",
    "bn_values_inference": _OPS + """
v = np.arange(24, dtype=np.float32).reshape(2, 2, 2, 3)
x = tf.constant(v)
y = tf.layers.batch_normalization(x, gamma_initializer=tf.constant_initializer(2.0),
                                  beta_initializer=tf.constant_initializer(0.5),
                                  moving_mean_initializer=tf.constant_initializer(1.0),
                                  moving_variance_initializer=tf.constant_initializer(4.0))
z = tf.layers.batch_normalization(tf.constant(v.reshape(8, 3)), epsilon=0.01,
                                  moving_variance_initializer=tf.constant_initializer(2.0))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(*sess.run([y, z]))
""",
    "bn_values_training_fused": _OPS + """
v = (np.arange(48, dtype=np.float32).reshape(4, 2, 2, 3) % 7) * 0.5
x = tf.constant(v)
y = tf.layers.batch_normalization(x, training=True, momentum=0.5)
mm, mv = tf.global_variables()[2:4]
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run(y))
    out(*sess.run([mm, mv]))
    sess.run(tf.get_collection(tf.GraphKeys.UPDATE_OPS))
    out(*sess.run([mm, mv]))
""",
    "bn_values_training_unfused": _OPS + """
v = (np.arange(24, dtype=np.float32).reshape(8, 3) % 5) * 0.5
x = tf.constant(v)
y = tf.layers.batch_normalization(x, training=True, momentum=0.9, epsilon=0.01)
mm, mv = tf.global_variables()[2:4]
with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
    train = tf.identity(y)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run(y))
    out(*sess.run([mm, mv]))
    sess.run(train)
    sess.run(train)
    out(*sess.run([mm, mv]))
""",
    "bn_class_reuse": _OPS + """
x = tf.placeholder(tf.float32, [None, 3])
bn = tf.layers.BatchNormalization(name="bn")
a = bn(x, training=True)
b = bn(x, training=False)
c = tf.layers.batch_normalization(x, name="shared", training=True)
d = tf.layers.batch_normalization(x, name="shared", reuse=True, training=True)
out(a.name, b.name, c.name, d.name, [o.name for o in bn.updates], [v.name for v in bn.variables],
    [v.name for v in bn.trainable_weights], [v.name for v in bn.non_trainable_weights], vars_(), colls())
""",
    "bn_training_tensor": _OPS + """
x = tf.placeholder(tf.float32, [None, 3])
t = tf.placeholder(tf.bool, [])
y = tf.layers.batch_normalization(x, training=t)
v = (np.arange(12, dtype=np.float32).reshape(4, 3) % 5)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(y.name, str(y.shape), colls())
    out(sess.run(y, {x: v, t: True}), sess.run(y, {x: v, t: False}))
""",
    "bn_training_tensor_fused": _OPS + """
x = tf.placeholder(tf.float32, [None, 2, 2, 3])
t = tf.placeholder(tf.bool, [])
y = tf.layers.batch_normalization(x, training=t)
v = (np.arange(24, dtype=np.float32).reshape(2, 2, 2, 3) % 5)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(y.name, str(y.shape), colls())
    out(sess.run(y, {x: v, t: True}), sess.run(y, {x: v, t: False}))
""",
    "bn_regularizer": _OPS + """
x = tf.placeholder(tf.float32, [None, 3])
y = tf.layers.batch_normalization(x, gamma_regularizer=tf.nn.l2_loss, beta_regularizer=tf.nn.l2_loss)
out([t.name for t in tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)])
""",
    "bad_bn_unknown_axis_dim": _OPS + """
try:
    tf.layers.batch_normalization(tf.placeholder(tf.float32, [2, None]))
except ValueError as e:
    out(str(e), vars_())
""",
    "bad_bn_unknown_rank": _OPS + """
tf.layers.batch_normalization(tf.placeholder(tf.float32))
""",
    "bad_bn_axis": _OPS + """
tf.layers.batch_normalization(tf.placeholder(tf.float32, [2, 3]), axis=3)
""",
}
