"""Golden cases for ops/transform_ops.py: reverse, sequence_mask, meshgrid, broadcast_to / BroadcastArgs,
space_to_depth / depth_to_space, where_v2 (SelectV2), and pad modes / tile through their public names."""

CASES = {
    "reverse": """
x = tf.constant([[1, 2, 3], [4, 5, 6]])
r = tf.reverse(x, [1])
r2 = tf.reverse(x, [0, -1], name="rr")
r3 = tf.reverse_v2(tf.placeholder(tf.float32, [None, 3]), tf.constant([0], tf.int64))
for t in (r, r2, r3):
    out(t.name, t.op.type, str(t.shape), [i.name for i in t.op.inputs], t.op.get_attr("Tidx").name)
with tf.Session() as sess:
    out(sess.run([r, r2]))
""",
    "reverse_error_axis": "tf.reverse(tf.zeros([2, 3]), [2])\n",
    "reverse_error_duplicate": "tf.reverse(tf.zeros([2, 3]), [1, -1])\n",
    "sequence_mask": """
m = tf.sequence_mask([1, 3, 2], 4)
m2 = tf.sequence_mask(tf.constant([[1], [0]]), dtype=tf.float32, name="sm")
m3 = tf.sequence_mask(tf.placeholder(tf.int32, [None]), 5)
for t in (m, m2, m3):
    out(t.name, t.op.type, str(t.shape), t.dtype.name)
with tf.Session() as sess:
    out(sess.run([m, m2, m3], {m3.op.inputs[1].op.inputs[0].op.inputs[0]: [2, 0]}))
""",
    "meshgrid": """
a, b = tf.meshgrid([1, 2], [3, 4, 5])
c, d = tf.meshgrid(tf.constant([1., 2.]), tf.constant([3., 4., 5.]), indexing="ij", name="mg")
e = tf.meshgrid([1, 2], [3], [4, 5, 6])
for t in (a, b, c, d) + tuple(e):
    out(t.name, t.op.type, str(t.shape), t.dtype.name)
with tf.Session() as sess:
    out(sess.run([a, b, c, d] + list(e)))
""",
    "meshgrid_error_indexing": "tf.meshgrid([1], [2], indexing='xz')\n",
    "broadcast_to": """
b = tf.broadcast_to([1, 2], [3, 2])
b2 = tf.broadcast_to(tf.constant([[1.], [2.]]), tf.constant([2, 2, 3]), name="bt")
b3 = tf.broadcast_to(tf.placeholder(tf.float32, [None, 1]), [4, 3])
for t in (b, b2, b3):
    out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs])
with tf.Session() as sess:
    out(sess.run([b, b2]))
""",
    "broadcast_to_error": "tf.broadcast_to(tf.zeros([3]), [2, 2])\n",
    "broadcast_dynamic_shape": """
s = tf.broadcast_dynamic_shape(tf.constant([2, 1]), tf.constant([3]))
s2 = tf.broadcast_static_shape(tf.TensorShape([2, 1]), tf.TensorShape([None, 3]))
out(s.name, s.op.type, str(s.shape), s.dtype.name, str(s2))
with tf.Session() as sess:
    out(sess.run(s))
""",
    "space_to_depth": """
x = tf.constant(np.arange(16, dtype=np.float32).reshape(1, 4, 4, 1))
s = tf.space_to_depth(x, 2)
d = tf.depth_to_space(s, 2, name="d2s")
s2 = tf.space_to_depth(tf.placeholder(tf.float32, [None, 6, 4, 3]), 2)
for t in (s, d, s2):
    out(t.name, t.op.type, str(t.shape), t.op.get_attr("block_size"), t.op.get_attr("data_format"))
with tf.Session() as sess:
    out(sess.run([s, d]))
""",
    "space_to_depth_nchw_shape": """
s = tf.space_to_depth(tf.zeros([1, 3, 4, 6]), 2, data_format="NCHW")
d = tf.depth_to_space(tf.zeros([1, 8, 2, 3]), 2, data_format="NCHW")
out(str(s.shape), str(d.shape))
""",
    "space_to_depth_error_divisible": "tf.space_to_depth(tf.zeros([1, 3, 4, 1]), 2)\n",
    "depth_to_space_error_divisible": "tf.depth_to_space(tf.zeros([1, 2, 2, 3]), 2)\n",
    "where_v2": """
w = tf.where_v2([True, False], [1, 2], [3, 4])
w2 = tf.where_v2(tf.constant([[True], [False]]), tf.constant([1., 2., 3.]), 0., name="wv")
w3 = tf.where_v2([False, True])
for t in (w, w2, w3):
    out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs])
with tf.Session() as sess:
    out(sess.run([w, w2, w3]))
""",
    "where_v2_error_shapes": "tf.where_v2([True, False, True], [1, 2], [3, 4])\n",
    "where_three_args_rows": """
x = tf.where(tf.constant([True, False]), tf.constant([[1, 2], [3, 4]]), tf.constant([[5, 6], [7, 8]]))
with tf.Session() as sess:
    out(x.name, x.op.type, sess.run(x))
""",
    "pad_modes": """
x = tf.constant([[1, 2, 3], [4, 5, 6]])
ts = [tf.pad(x, [[1, 1], [2, 2]]), tf.pad(x, [[1, 1], [2, 2]], "REFLECT"),
      tf.pad(x, [[1, 1], [2, 2]], "SYMMETRIC"), tf.pad(x, [[0, 1], [1, 0]], constant_values=9)]
out([(t.name, t.op.type, str(t.shape)) for t in ts])
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "tile_values": """
t = tf.tile(tf.constant([[1, 2]]), [2, 3])
with tf.Session() as sess:
    out(t.name, str(t.shape), sess.run(t))
""",
    "random_gamma_broadcast": """
g = tf.random_gamma([3], tf.constant([1., 2.]), tf.constant([[1.], [2.]]), seed=1)
out(g.name, str(g.shape), g.dtype.name)
with tf.Session() as sess:
    out(sess.run(g).shape)
""",
    "reduce_logsumexp_runs": """
x = tf.constant([[0., 1.], [2., 3.]])
r = tf.reduce_logsumexp(x, axis=1)
with tf.Session() as sess:
    out(r.name, np.round(sess.run(r), 5))
""",
}
