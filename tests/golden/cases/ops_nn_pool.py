"""Golden cases for tf.nn pooling: names, op types, attrs, shapes, messages, values (ties included)."""
_SHOW = """
def show(*ts):
    for t in ts:
        out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs])
def attrs(t, *names):
    out([t.op.get_attr(n) for n in names])
x = (np.arange(2 * 6 * 6 * 2, dtype=np.float32).reshape(2, 6, 6, 2) * 7 % 11 - 5) / 4
"""

CASES = {k: _SHOW + v for k, v in {
    "max_pool_2d": """
p = tf.placeholder(tf.float32, [None, 6, 6, 2])
ts = [tf.nn.max_pool(p, [1, 2, 2, 1], [1, 2, 2, 1], "VALID"), tf.nn.max_pool(p, 3, 2, "SAME"),
      tf.nn.max_pool(p, [3, 3], [2, 2], "VALID", name="mp"), tf.nn.max_pool2d(p, 2, 1, "SAME"),
      tf.nn.max_pool_v2(p, 3, 3, "VALID"), tf.nn.max_pool(p, [1, 2, 2, 1], 1, [[0, 0], [1, 1], [0, 1], [0, 0]])]
show(*ts)
attrs(ts[0], "ksize", "strides", "padding", "data_format", "explicit_paddings")
attrs(ts[-1], "padding", "explicit_paddings")
with tf.Session() as sess:
    out(sess.run(ts, {p: x}))
""",
    "avg_pool_2d": """
p = tf.placeholder(tf.float32, [None, 6, 6, 2])
ts = [tf.nn.avg_pool(p, [1, 2, 2, 1], [1, 2, 2, 1], "VALID"), tf.nn.avg_pool(p, 3, 2, "SAME"),
      tf.nn.avg_pool(p, [1, 3, 3, 1], [1, 2, 2, 1], "SAME", name="ap"), tf.nn.avg_pool2d(p, 4, 3, "SAME"),
      tf.nn.avg_pool(p, [1, 5, 5, 1], [1, 1, 1, 1], "VALID")]
show(*ts)
attrs(ts[0], "ksize", "strides", "padding", "data_format")
with tf.Session() as sess:
    out(sess.run(ts, {p: x}))
""",
    "pool_int_and_f64": """
i = tf.constant(np.arange(16, dtype=np.int32).reshape(1, 4, 4, 1) % 5)
d = tf.constant(x.astype(np.float64))
ts = [tf.nn.max_pool(i, 2, 2, "VALID"), tf.nn.max_pool(d, 2, 2, "SAME"), tf.nn.avg_pool(d, 3, 1, "SAME")]
show(*ts)
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "pool_nchw_build": """
ts = [tf.nn.max_pool(tf.ones([2, 3, 8, 8]), [1, 1, 2, 2], [1, 1, 2, 2], "VALID", data_format="NCHW"),
      tf.nn.avg_pool(tf.ones([2, 3, 8, 8]), 3, 2, "SAME", data_format="NCHW")]
show(*ts)
attrs(ts[1], "ksize", "strides")
""",
    "pool_1d": """
p = tf.placeholder(tf.float32, [None, 6, 2])
ts = [tf.nn.max_pool1d(p, 2, 2, "VALID"), tf.nn.avg_pool1d(p, 3, 2, "SAME"), tf.nn.avg_pool1d(p, 2, 1, "VALID", name="a1")]
show(*ts)
out([(o.name, o.type) for o in tf.get_default_graph().get_operations()])
with tf.Session() as sess:
    out(sess.run(ts, {p: x[:, 0]}))
""",
    "pool_3d": """
v = (np.arange(2 * 4 * 4 * 4 * 2, dtype=np.float32).reshape(2, 4, 4, 4, 2) * 5 % 13) / 3
p = tf.placeholder(tf.float32, [None, 4, 4, 4, 2])
ts = [tf.nn.max_pool3d(p, [1, 2, 2, 2, 1], [1, 2, 2, 2, 1], "VALID"), tf.nn.avg_pool3d(p, 3, 2, "SAME"),
      tf.nn.max_pool3d(p, 3, 1, "SAME", name="m3")]
show(*ts)
attrs(ts[0], "ksize", "strides", "padding", "data_format")
with tf.Session() as sess:
    out(sess.run(ts, {p: v}))
""",
    "max_pool_with_argmax": """
p = tf.constant(x)
out_, arg = tf.nn.max_pool_with_argmax(p, [1, 2, 2, 1], [1, 2, 2, 1], "SAME")
o2, a2 = tf.nn.max_pool_with_argmax(p, [1, 3, 3, 1], [1, 2, 2, 1], "VALID", include_batch_in_index=True)
show(out_, arg, a2)
attrs(out_, "ksize", "Targmax", "include_batch_in_index")
with tf.Session() as sess:
    out(sess.run([out_, arg, o2, a2]))
""",
    "pool_unknown_shapes": """
ts = [tf.nn.max_pool(tf.placeholder(tf.float32), 2, 2, "SAME"),
      tf.nn.avg_pool(tf.placeholder(tf.float32, [None, None, 7, 3]), 3, 2, "VALID")]
show(*ts)
""",
    "err_max_pool_padding": 'tf.nn.max_pool(tf.ones([1, 4, 4, 3]), 2, 2, "FULL")',
    "err_avg_pool_padding": 'tf.nn.avg_pool(tf.ones([1, 4, 4, 3]), 2, 2, "EXPLICIT")',
    "err_max_pool_data_format": 'tf.nn.max_pool(tf.ones([1, 4, 4, 3]), 2, 2, "VALID", data_format="NCWH")',
    "err_avg_pool_data_format": 'tf.nn.avg_pool(tf.ones([1, 4, 4, 3]), 2, 2, "VALID", data_format="NCWH")',
    "err_max_pool_rank": 'tf.nn.max_pool(tf.ones([8, 8, 3]), [1, 2, 2, 1], [1, 2, 2, 1], "VALID")',
    "err_max_pool_window": 'tf.nn.max_pool(tf.ones([1, 2, 2, 3]), [1, 3, 3, 1], 1, "VALID")',
    "err_max_pool_ksize_length": 'tf.nn.max_pool(tf.ones([1, 4, 4, 3]), [2, 2, 1], 1, "VALID")',
    "err_avg_pool_int": 'tf.nn.avg_pool(tf.ones([1, 4, 4, 3], tf.int32), 2, 1, "VALID")',
    "err_max_pool_bool": 'tf.nn.max_pool(tf.ones([1, 4, 4, 3], tf.bool), 2, 1, "VALID")',
    "err_max_pool3d_data_format": 'tf.nn.max_pool3d(tf.ones([2, 4, 6, 6, 3]), 2, 2, "SAME", data_format="NHWC")',
    "err_avg_pool3d_rank": 'tf.nn.avg_pool3d(tf.ones([2, 4, 6, 3]), 2, 2, "SAME")',
}.items()}
