"""Golden cases for tf.layers convolutions and pooling (names, shapes, values, errors)."""

_OPS = """
def ops_since(n):
    return [o.name + ":" + o.type for o in tf.get_default_graph().get_operations()[n:]
            if "/Initializer/" not in o.name and not o.name.endswith(("/Assign", "/read"))]
def nops():
    return len(tf.get_default_graph().get_operations())
def vars_():
    return [(v.name, str(v.shape)) for v in tf.global_variables()]
"""

CASES = {
    "conv2d_graph": _OPS + """
x = tf.placeholder(tf.float32, [None, 8, 8, 3])
n = nops()
y = tf.layers.conv2d(x, 4, 3, activation=tf.nn.relu)
z = tf.layers.conv2d(x, 2, (3, 2), strides=2, padding="same")
out(ops_since(n), y.name, str(y.shape), z.name, str(z.shape), vars_())
""",
    "conv2d_channels_first": _OPS + """
x = tf.placeholder(tf.float32, [None, 3, 8, 8])
n = nops()
y = tf.layers.conv2d(x, 4, 3, data_format="channels_first")
out(ops_since(n), y.name, str(y.shape), vars_())
""",
    "conv2d_values": _OPS + """
x = tf.constant(np.arange(32, dtype=np.float32).reshape(1, 4, 4, 2))
y = tf.layers.conv2d(x, 2, 2, kernel_initializer=tf.constant_initializer(0.5),
                     bias_initializer=tf.constant_initializer(1.0))
z = tf.layers.conv2d(x, 1, 3, padding="same", strides=2, kernel_initializer=tf.ones_initializer())
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(*sess.run([y, z]))
""",
    "conv2d_class_reuse": _OPS + """
x = tf.placeholder(tf.float32, [None, 6, 6, 3])
l = tf.layers.Conv2D(2, 3, name="c")
a = l(x)
b = l(x)
c = tf.layers.conv2d(x, 2, 3, name="shared")
d = tf.layers.conv2d(x, 2, 3, name="shared", reuse=True)
out(a.name, b.name, c.name, d.name, repr(l.input_spec), vars_())
""",
    "conv1d_graph": _OPS + """
x = tf.placeholder(tf.float32, [None, 8, 3])
n = nops()
y = tf.layers.conv1d(x, 4, 3)
out(ops_since(n), y.name, str(y.shape), vars_())
""",
    "conv1d_values": _OPS + """
x = tf.constant(np.arange(12, dtype=np.float32).reshape(1, 6, 2))
y = tf.layers.conv1d(x, 1, 2, kernel_initializer=tf.ones_initializer())
z = tf.layers.conv1d(x, 1, 3, padding="causal", kernel_initializer=tf.ones_initializer())
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(str(z.shape), *sess.run([y, z]))
""",
    "conv1d_dilated": _OPS + """
x = tf.placeholder(tf.float32, [None, 8, 3])
n = nops()
y = tf.layers.conv1d(x, 4, 3, dilation_rate=2)
out(ops_since(n), y.name, str(y.shape))
""",
    "conv3d_graph": _OPS + """
x = tf.placeholder(tf.float32, [None, 4, 4, 4, 3])
n = nops()
y = tf.layers.conv3d(x, 2, 3)
out(ops_since(n), y.name, str(y.shape), vars_())
""",
    "separable_conv2d_graph": _OPS + """
x = tf.placeholder(tf.float32, [None, 8, 8, 3])
n = nops()
y = tf.layers.separable_conv2d(x, 4, 3, depth_multiplier=2)
out(ops_since(n), y.name, str(y.shape), vars_())
""",
    "separable_conv1d_graph": _OPS + """
x = tf.placeholder(tf.float32, [None, 8, 3])
n = nops()
y = tf.layers.separable_conv1d(x, 4, 3)
out(ops_since(n), y.name, str(y.shape), vars_())
""",
    "conv2d_transpose_graph": _OPS + """
x = tf.placeholder(tf.float32, [None, 4, 4, 3])
n = nops()
y = tf.layers.conv2d_transpose(x, 2, 3, strides=2, padding="same")
out(ops_since(n), y.name, str(y.shape), vars_())
""",
    "conv2d_transpose_values": _OPS + """
x = tf.constant(np.arange(8, dtype=np.float32).reshape(1, 2, 2, 2))
y = tf.layers.conv2d_transpose(x, 1, 2, strides=2, kernel_initializer=tf.ones_initializer())
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(str(y.shape), sess.run(y))
""",
    "conv3d_transpose_graph": _OPS + """
x = tf.placeholder(tf.float32, [None, 2, 2, 2, 3])
n = nops()
y = tf.layers.conv3d_transpose(x, 2, 3)
out(ops_since(n), y.name, str(y.shape), vars_())
""",
    "pool_graph": _OPS + """
x = tf.placeholder(tf.float32, [None, 8, 8, 3])
x1 = tf.placeholder(tf.float32, [None, 8, 3])
x3 = tf.placeholder(tf.float32, [None, 4, 4, 4, 3])
n = nops()
ys = [tf.layers.max_pooling2d(x, 2, 2), tf.layers.average_pooling2d(x, 3, 2, padding="same"),
      tf.layers.max_pooling2d(x, 2, 2, data_format="channels_first"),
      tf.layers.max_pooling1d(x1, 2, 2), tf.layers.average_pooling1d(x1, 2, 2, data_format="channels_first"),
      tf.layers.max_pooling3d(x3, 2, 2), tf.layers.average_pooling3d(x3, 2, 2, data_format="channels_first"),
      tf.layers.MaxPooling2D(2, 1, name="mp")(x)]
out(ops_since(n), [(y.name, str(y.shape)) for y in ys])
""",
    "pool_values": _OPS + """
x = tf.constant(np.arange(32, dtype=np.float32).reshape(1, 4, 4, 2))
x1 = tf.constant(np.arange(12, dtype=np.float32).reshape(1, 6, 2))
ys = [tf.layers.max_pooling2d(x, 2, 2), tf.layers.average_pooling2d(x, 3, 2, padding="same"),
      tf.layers.max_pooling1d(x1, 2, 2), tf.layers.average_pooling1d(x1, 3, 1),
      tf.layers.average_pooling1d(x1, 2, 2, data_format="channels_first")]
with tf.Session() as sess:
    out(*sess.run(ys))
""",
    "cnn_small": _OPS + """
x = tf.placeholder(tf.float32, [None, 8, 8, 1])
h = tf.layers.conv2d(x, 2, 3, padding="same", activation=tf.nn.relu, kernel_initializer=tf.constant_initializer(0.1))
h = tf.layers.max_pooling2d(h, 2, 2)
h = tf.layers.flatten(h)
y = tf.layers.dense(h, 3, kernel_initializer=tf.constant_initializer(0.01))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(y.name, str(y.shape), vars_(), sess.run(y, {x: np.ones((2, 8, 8, 1), np.float32)}))
""",
    "bad_conv2d_rank": _OPS + """
try:
    tf.layers.conv2d(tf.placeholder(tf.float32, [2, 8, 8]), 2, 3)
except ValueError as e:
    out(str(e), vars_())
tf.layers.conv2d(tf.placeholder(tf.float32, [2, 8, 8, None]), 2, 3)
""",
    "bad_conv2d_unknown_channel_no_vars": _OPS + """
try:
    tf.layers.conv2d(tf.placeholder(tf.float32, [2, 8, 8, None]), 2, 3)
except ValueError:
    out(vars_())
""",
    "bad_conv2d_padding": _OPS + """
tf.layers.conv2d(tf.placeholder(tf.float32, [2, 8, 8, 3]), 2, 3, padding="full")
""",
    "bad_conv2d_data_format": _OPS + """
tf.layers.conv2d(tf.placeholder(tf.float32, [2, 8, 8, 3]), 2, 3, data_format="NHWC")
""",
    "bad_conv2d_kernel_size": _OPS + """
tf.layers.conv2d(tf.placeholder(tf.float32, [2, 8, 8, 3]), 2, (3, 3, 3))
""",
    "bad_conv2d_strides": _OPS + """
tf.layers.conv2d(tf.placeholder(tf.float32, [2, 8, 8, 3]), 2, 3, strides=(1, 2, 3))
""",
    "bad_conv2d_too_small": _OPS + """
try:
    tf.layers.conv2d(tf.placeholder(tf.float32, [2, 2, 2, 3]), 2, 5)
except ValueError as e:
    out(str(e), vars_())
""",
    "bad_pool_rank": _OPS + """
tf.layers.max_pooling2d(tf.placeholder(tf.float32, [2, 8, 8]), 2, 2)
""",
    "bad_pool_padding": _OPS + """
tf.layers.max_pooling2d(tf.placeholder(tf.float32, [2, 8, 8, 3]), 2, 2, padding="bad")
""",
    "bad_pool_strides_none": _OPS + """
tf.layers.MaxPooling2D(2, None)
""",
}
