"""Golden cases for ops/extra_math_ops.py: top_k, in_top_k, count_nonzero, tensordot, einsum, accumulate_n."""

CASES = {
    "top_k": """
x = tf.constant([[1., 5., 3.], [4., 4., 0.]])
v, i = tf.nn.top_k(x, 2)
r = tf.math.top_k(tf.placeholder(tf.float32, [None, 4]), k=tf.constant(3), sorted=False, name="tk")
for t in (v, i, r.values, r.indices):
    out(t.name, t.op.type, str(t.shape), t.dtype.name)
out(v.op.get_attr("sorted"), r.values.op.get_attr("sorted"), [t.name for t in v.op.inputs])
with tf.Session() as sess:
    out(sess.run([v, i, tf.nn.top_k([3, 1, 2]).indices]))
""",
    "top_k_error_k": "tf.nn.top_k(tf.zeros([2, 3]), 4)\n",
    "top_k_error_negative": "tf.nn.top_k(tf.zeros([3]), -1)\n",
    "in_top_k": """
p = tf.constant([[0.1, 0.8, 0.1], [0.3, 0.3, 0.4], [0.2, 0.2, 0.6]])
a = tf.nn.in_top_k(p, [1, 0, 2], 1)
b = tf.math.in_top_k(p, tf.constant([0, 1, 1], tf.int64), 2, name="itk")
for t in (a, b):
    out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs])
with tf.Session() as sess:
    out(sess.run([a, b]))
""",
    "in_top_k_error_rank": "tf.nn.in_top_k(tf.zeros([3]), [0], 1)\n",
    "count_nonzero": """
x = tf.constant([[0., 1., 2.], [0., 0., 3.]])
ts = [tf.count_nonzero(x), tf.count_nonzero(x, axis=1), tf.count_nonzero(x, 0, keepdims=True, dtype=tf.int32),
      tf.count_nonzero(tf.constant([True, False]), name="cnz"), tf.math.count_nonzero(x, reduction_indices=[0])]
for t in ts:
    out(t.name, t.op.type, str(t.shape), t.dtype.name)
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "tensordot": """
a = tf.constant(np.arange(6, dtype=np.float32).reshape(2, 3))
b = tf.constant(np.arange(12, dtype=np.float32).reshape(3, 4))
c = tf.constant(np.arange(24, dtype=np.float32).reshape(2, 3, 4))
ts = [tf.tensordot(a, b, 1), tf.tensordot(a, b, [[1], [0]]), tf.tensordot(c, a, [[0, 1], [0, 1]]),
      tf.tensordot(a, a, 0, name="outer"), tf.tensordot(c, b, axes=([1, 2], [0, 1]))]
for t in ts:
    out(t.name, t.op.type, str(t.shape))
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "tensordot_placeholder": """
p = tf.placeholder(tf.float32, [None, 3])
t = tf.tensordot(p, tf.ones([3, 2]), 1)
out(t.name, t.op.type, str(t.shape))
with tf.Session() as sess:
    out(sess.run(t, {p: np.ones((2, 3), np.float32)}))
""",
    "tensordot_error_axes": "tf.tensordot(tf.zeros([2, 3]), tf.zeros([4, 2]), 1)\n",
    "einsum": """
a = tf.constant(np.arange(6, dtype=np.float32).reshape(2, 3))
b = tf.constant(np.arange(12, dtype=np.float32).reshape(3, 4))
ts = [tf.einsum("ij,jk->ik", a, b), tf.einsum("ij->ji", a, name="tr"), tf.einsum("ij,ij->i", a, a),
      tf.einsum("bij,bjk->bik", tf.ones([2, 2, 3]), tf.ones([2, 3, 1])), tf.einsum("ii", tf.eye(3))]
for t in ts:
    out(t.name, t.op.type, str(t.shape))
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "accumulate_n": """
a = tf.constant([1., 2.])
s = tf.accumulate_n([a, a, tf.constant([3., 4.])])
s2 = tf.math.accumulate_n([a], name="acc")
for t in (s, s2):
    out(t.name, t.op.type, str(t.shape))
with tf.Session() as sess:
    out(sess.run([s, s2]))
""",
    "accumulate_n_error_shape": "tf.accumulate_n([tf.zeros([2]), tf.zeros([3])])\n",
    "batch_matmul": """
x = tf.constant(np.arange(12, dtype=np.float32).reshape(2, 2, 3))
y = tf.constant(np.arange(6, dtype=np.float32).reshape(3, 2))
m = tf.matmul(x, y)
m2 = tf.matmul(x, x, transpose_b=True)
out(m.name, m.op.type, str(m.shape), m2.name, str(m2.shape))
with tf.Session() as sess:
    out(sess.run([m, m2]))
""",
}
