"""Golden cases for tf.nn convolutions: names, op types, attrs, shapes (unknown batch too), messages, values."""
_SHOW = """
def show(*ts):
    for t in ts:
        out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs])
def ops():
    out([(o.name, o.type) for o in tf.get_default_graph().get_operations()])
def attrs(t, *names):
    out([t.op.get_attr(n) if not isinstance(t.op.get_attr(n), type(tf.float32)) else t.op.get_attr(n).name
         for n in names])
x = np.arange(2 * 5 * 5 * 3, dtype=np.float32).reshape(2, 5, 5, 3) / 50 - 1
w = (np.arange(3 * 3 * 3 * 4, dtype=np.float32).reshape(3, 3, 3, 4) % 7 - 3) / 4
"""

CASES = {k: _SHOW + v for k, v in {
    "conv2d_same_valid_strides": """
p = tf.placeholder(tf.float32, [None, 5, 5, 3])
ts = [tf.nn.conv2d(p, w, [1, 1, 1, 1], "SAME"), tf.nn.conv2d(p, w, [1, 2, 2, 1], "SAME"),
      tf.nn.conv2d(p, w, 2, "VALID", name="c"), tf.nn.conv2d(p, w, [2, 1], "VALID"),
      tf.nn.conv2d(p, w, 1, "SAME", dilations=2), tf.nn.conv2d(p, w, 1, "VALID", dilations=[1, 2, 1, 1])]
show(*ts)
attrs(ts[1], "strides", "padding", "data_format", "dilations", "explicit_paddings", "use_cudnn_on_gpu", "T")
with tf.Session() as sess:
    out(sess.run(ts, {p: x}))
""",
    "conv2d_explicit_padding": """
t = tf.nn.conv2d(tf.constant(x), w, [1, 2, 1, 1], [[0, 0], [1, 2], [0, 1], [0, 0]])
show(t)
attrs(t, "padding", "explicit_paddings")
with tf.Session() as sess:
    out(sess.run(t))
""",
    "conv2d_grouped_and_int": """
a = tf.constant(np.arange(32, dtype=np.float32).reshape(1, 2, 4, 4) / 10)
b = tf.constant(np.arange(16, dtype=np.float32).reshape(1, 2, 2, 4) / 10 - 0.5)
i = tf.nn.conv2d(tf.ones([1, 3, 3, 1], tf.int32), tf.ones([2, 2, 1, 2], tf.int32), 1, "SAME")
g = tf.nn.conv2d(a, b, 1, "SAME")
show(g, i)
with tf.Session() as sess:
    out(sess.run([g]))
""",
    "conv2d_unknown_shapes": """
ts = [tf.nn.conv2d(tf.placeholder(tf.float32), w, 1, "SAME"),
      tf.nn.conv2d(tf.placeholder(tf.float32, [None, None, None, 3]), w, 2, "VALID"),
      tf.nn.conv2d(tf.placeholder(tf.float32, [4, 9, None, 3]), tf.placeholder(tf.float32), 2, "VALID")]
show(*ts)
""",
    "conv2d_nchw_build": """
t = tf.nn.conv2d(tf.ones([2, 3, 8, 8]), tf.ones([3, 3, 3, 4]), [1, 1, 2, 2], "SAME", data_format="NCHW")
u = tf.nn.conv2d(tf.ones([2, 3, 8, 8]), tf.ones([3, 3, 3, 4]), 2, "VALID", data_format="NCHW")
show(t, u)
attrs(u, "strides", "data_format")
""",
    "conv1d": """
p = tf.placeholder(tf.float32, [None, 5, 3])
t = tf.nn.conv1d(p, w[0], 2, "SAME")
u = tf.nn.conv1d(p, w[1], 1, "VALID", name="c1", dilations=2)
show(t, u)
ops()
attrs(u.op.inputs[0], "strides", "dilations", "data_format")
with tf.Session() as sess:
    out(sess.run([t, u], {p: x[:, 0]}))
""",
    "conv1d_ncw_build": """
t = tf.nn.conv1d(tf.ones([2, 3, 10]), tf.ones([3, 3, 4]), 1, "VALID", data_format="NCW")
show(t)
attrs(t.op.inputs[0], "strides", "data_format")
""",
    "conv3d": """
v = np.arange(2 * 3 * 4 * 4 * 2, dtype=np.float32).reshape(2, 3, 4, 4, 2) / 40 - 1
k = np.arange(2 * 2 * 2 * 2 * 3, dtype=np.float32).reshape(2, 2, 2, 2, 3) % 5 / 4 - 0.5
p = tf.placeholder(tf.float32, [None, 3, 4, 4, 2])
ts = [tf.nn.conv3d(p, k, [1, 1, 1, 1, 1], "SAME"), tf.nn.conv3d(p, k, [1, 1, 2, 2, 1], "VALID", name="c3")]
show(*ts)
attrs(ts[0], "strides", "padding", "data_format", "dilations")
with tf.Session() as sess:
    out(sess.run(ts, {p: v}))
""",
    "conv2d_transpose": """
p = tf.placeholder(tf.float32, [None, 3, 3, 4])
k = np.transpose(w, (0, 1, 3, 2))[:, :, :2, :]
t = tf.nn.conv2d_transpose(p, w[:, :, :2, :], [2, 6, 6, 2], [1, 2, 2, 1], "SAME")
u = tf.nn.conv2d_transpose(p, w[:, :, :2, :], [2, 7, 7, 2], 2, "VALID", name="up")
v = tf.nn.conv2d_transpose(p, w[:, :, :2, :], tf.constant([2, 5, 5, 2]), 2, "SAME")
show(t, u, v)
attrs(t, "strides", "padding", "data_format")
ops()
with tf.Session() as sess:
    out(sess.run([t, u, v], {p: x[:, :3, :3, :].repeat(2, axis=3)[..., :4]}))
""",
    "conv2d_transpose_placeholder_shape": """
t = tf.nn.conv2d_transpose(tf.ones([5, 4, 4, 4]), tf.ones([3, 3, 2, 4]), tf.placeholder(tf.int32, [4]),
                           [1, 2, 2, 1], "SAME")
show(t)
""",
    "depthwise_conv2d": """
p = tf.placeholder(tf.float32, [None, 5, 5, 3])
k = w[:, :, :, :2]
t = tf.nn.depthwise_conv2d(p, k, [1, 1, 1, 1], "SAME")
u = tf.nn.depthwise_conv2d(p, k, [1, 2, 2, 1], "VALID", name="dw")
v = tf.nn.depthwise_conv2d_native(p, k, [1, 2, 2, 1], "SAME")
show(t, u, v)
ops()
attrs(t, "strides", "padding", "data_format", "dilations", "explicit_paddings")
g = tf.get_default_graph()
with tf.Session() as sess:
    out(sess.run([t, u, v, g.get_tensor_by_name("depthwise/Shape:0"), g.get_tensor_by_name("depthwise/dilation_rate:0")],
                 {p: x}))
""",
    "separable_conv2d": """
p = tf.placeholder(tf.float32, [None, 5, 5, 3])
pw = np.arange(6 * 2, dtype=np.float32).reshape(1, 1, 6, 2) / 10 - 0.3
t = tf.nn.separable_conv2d(p, w[:, :, :, :2], pw, [1, 1, 1, 1], "SAME")
u = tf.nn.separable_conv2d(p, w[:, :, :, :2], pw, [1, 2, 2, 1], "VALID", name="sep")
show(t, u)
ops()
with tf.Session() as sess:
    out(sess.run([t, u], {p: x}))
""",
    "atrous_rate_1": """
t = tf.nn.atrous_conv2d(tf.constant(x), w, 1, "SAME")
show(t)
with tf.Session() as sess:
    out(sess.run(t))
""",
    "atrous_rate_2": """
t = tf.nn.atrous_conv2d(tf.placeholder(tf.float32, [None, 5, 5, 3]), w, 2, "SAME")
d = tf.nn.depthwise_conv2d(tf.constant(x), w[:, :, :, :1], [1, 1, 1, 1], "VALID", rate=[2, 2])
show(t, d)
with tf.Session() as sess:
    out(sess.run(d))
""",
    "atrous_values_and_space_to_batch": """
p = tf.placeholder(tf.float32, [None, 5, 5, 3])
ts = [tf.nn.atrous_conv2d(p, w, 2, "SAME"), tf.nn.atrous_conv2d(p, w[:2, :2], 2, "VALID", name="at"),
      tf.nn.convolution(p, w, "SAME", dilation_rate=[1, 3]),
      tf.nn.separable_conv2d(p, w[:, :, :, :1], np.ones([1, 1, 3, 2], np.float32), [1, 1, 1, 1], "SAME", rate=[2, 2]),
      tf.space_to_batch_nd(p, [2, 2], [[0, 1], [1, 0]]),
      tf.batch_to_space_nd(tf.reshape(tf.range(16.), [4, 2, 2, 1]), [2, 2], [[0, 1], [1, 0]])]
show(*ts)
ops()
with tf.Session() as sess:
    out(sess.run(ts, {p: x}))
""",
    "err_conv2d_lowercase_padding": 'tf.nn.conv2d(tf.ones([1, 4, 4, 3]), tf.ones([3, 3, 3, 4]), 1, "same")',
    "err_conv2d_bad_data_format": 'tf.nn.conv2d(tf.ones([1, 4, 4, 3]), tf.ones([3, 3, 3, 4]), 1, "SAME", data_format="NCWH")',
    "err_conv2d_channels": 'tf.nn.conv2d(tf.placeholder(tf.float32, [None, 8, 8, 3]), tf.ones([3, 3, 4, 4]), 1, "SAME")',
    "err_conv2d_rank": 'tf.nn.conv2d(tf.ones([8, 8, 3]), tf.ones([3, 3, 3, 4]), [1, 1, 1, 1], "SAME")',
    "err_conv2d_filter_rank": 'tf.nn.conv2d(tf.ones([1, 8, 8, 3]), tf.ones([3, 3, 4]), 1, "SAME")',
    "err_conv2d_dtype": 'tf.nn.conv2d(tf.ones([1, 8, 8, 3]), tf.ones([3, 3, 3, 4], tf.float64), 1, "SAME")',
    "err_conv2d_int64": 'tf.nn.conv2d(tf.ones([1, 8, 8, 3], tf.int64), tf.ones([3, 3, 3, 4], tf.int64), 1, "SAME")',
    "err_conv2d_window_too_big": 'tf.nn.conv2d(tf.ones([1, 2, 2, 3]), tf.ones([3, 3, 3, 4]), 1, "VALID")',
    "err_conv2d_strides_length": 'tf.nn.conv2d(tf.ones([1, 8, 8, 3]), tf.ones([3, 3, 3, 4]), [1, 1, 1], "SAME")',
    "err_conv2d_explicit_batch": 'tf.nn.conv2d(tf.ones([1, 8, 8, 3]), tf.ones([3, 3, 3, 4]), 1, [[1, 1], [1, 2], [0, 1], [0, 0]])',
    "err_conv2d_explicit_length": 'tf.nn.conv2d(tf.ones([1, 8, 8, 3]), tf.ones([3, 3, 3, 4]), 1, [[1, 2], [0, 1]])',
    "err_conv1d_data_format": 'tf.nn.conv1d(tf.ones([2, 10, 3]), tf.ones([3, 3, 4]), 1, "VALID", data_format="NDHWC")',
    "err_conv1d_channels": 'tf.nn.conv1d(tf.ones([2, 3, 10]), tf.ones([3, 3, 4]), 1, "VALID", data_format="NHWC")',
    "err_conv3d_channels": 'tf.nn.conv3d(tf.ones([1, 4, 6, 6, 2]), tf.ones([2, 3, 3, 3, 5]), [1, 1, 2, 2, 1], "SAME")',
    "err_conv3d_data_format": 'tf.nn.conv3d(tf.ones([1, 4, 6, 6, 2]), tf.ones([2, 3, 3, 2, 5]), [1, 1, 1, 1, 1], "SAME", data_format="NHWC")',
    "err_conv3d_explicit": 'tf.nn.conv3d(tf.ones([1, 4, 6, 6, 2]), tf.ones([2, 3, 3, 2, 5]), [1, 1, 1, 1, 1], "EXPLICIT")',
    "err_conv2d_transpose_channels": 'tf.nn.conv2d_transpose(tf.ones([5, 4, 4, 4]), tf.ones([3, 3, 2, 3]), [5, 8, 8, 2], [1, 2, 2, 1], "SAME")',
    "err_conv2d_transpose_output_shape": 'tf.nn.conv2d_transpose(tf.ones([5, 4, 4, 4]), tf.ones([3, 3, 2, 4]), [5, 8, 8], [1, 2, 2, 1], "SAME")',
    "err_conv2d_transpose_padding": 'tf.nn.conv2d_transpose(tf.ones([5, 4, 4, 4]), tf.ones([3, 3, 2, 4]), [5, 8, 8, 2], [1, 2, 2, 1], "FULL")',
    "err_depthwise_channels": 'tf.nn.depthwise_conv2d(tf.ones([2, 8, 8, 3]), tf.ones([3, 3, 4, 2]), [1, 1, 1, 1], "SAME")',
    "err_separable_pointwise": 'tf.nn.separable_conv2d(tf.ones([2, 8, 8, 3]), tf.ones([3, 3, 3, 2]), tf.ones([2, 1, 6, 5]), [1, 1, 1, 1], "SAME")',
    "err_atrous_rate_0": 'tf.nn.atrous_conv2d(tf.ones([2, 8, 8, 3]), tf.ones([3, 3, 3, 2]), 0, "VALID")',
}.items()}
