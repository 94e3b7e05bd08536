"""Golden cases for ops/clip_ops.py: clip_by_value, clip_by_norm, global_norm, clip_by_global_norm,
clip_by_average_norm (names, shapes, values, errors)."""

CASES = {
    "clip_by_value": """
x = tf.constant([[-2., 0.5], [3., 1.]])
c = tf.clip_by_value(x, 0., 1.)
c2 = tf.clip_by_value(x, tf.constant([0., -1.]), 2., name="cv")
c3 = tf.clip_by_value(tf.constant([1, 5, 9]), 2, 6)
for t in (c, c2, c3):
    out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs])
with tf.Session() as sess:
    out(sess.run([c, c2, c3]))
""",
    "clip_by_value_error_broadcast": "tf.clip_by_value(tf.zeros([2]), tf.zeros([3, 2]), 1.)\n",
    "clip_by_value_error_dtype": "tf.clip_by_value(tf.constant([1, 2]), 0.5, 1.5)\n",
    "clip_by_norm": """
x = tf.constant([[3., 4.], [0., 1.]])
c = tf.clip_by_norm(x, 2.)
c2 = tf.clip_by_norm(x, 1., axes=[1], name="cn")
c3 = tf.clip_by_norm(tf.zeros([2]), 1.)
for t in (c, c2, c3):
    out(t.name, t.op.type, str(t.shape))
with tf.Session() as sess:
    out(sess.run([c, c2, c3]))
""",
    "global_norm": """
a = tf.constant([3., 4.])
b = tf.constant([[12.]])
n = tf.global_norm([a, b])
n2 = tf.global_norm([a, None, b], name="gn")
out(n.name, n.op.type, str(n.shape), n2.name)
with tf.Session() as sess:
    out(sess.run([n, n2]))
""",
    "global_norm_error_type": "tf.global_norm(tf.constant([1.]))\n",
    "clip_by_global_norm": """
a = tf.constant([3., 4.])
b = tf.constant([[12.]])
clipped, norm = tf.clip_by_global_norm([a, None, b], 6.5)
out([None if t is None else t.name for t in clipped], norm.name)
c2, n2 = tf.clip_by_global_norm([a], 100., use_norm=tf.constant(5.), name="cg")
out([t.name for t in c2], n2.name)
with tf.Session() as sess:
    out(sess.run([clipped[0], clipped[2], norm, c2[0]]))
""",
    "clip_by_global_norm_nan": """
a = tf.constant([np.inf, 1.])
clipped, norm = tf.clip_by_global_norm([a], 1.)
with tf.Session() as sess:
    out(sess.run([clipped[0], norm]))
""",
    "clip_by_global_norm_error_type": "tf.clip_by_global_norm(tf.constant([1.]), 1.)\n",
    "clip_by_average_norm": """
x = tf.constant([[3., 4.], [0., 0.]])
c = tf.clip_by_average_norm(x, 1.)
out(c.name, c.op.type, str(c.shape))
with tf.Session() as sess:
    out(sess.run(c))
""",
}
