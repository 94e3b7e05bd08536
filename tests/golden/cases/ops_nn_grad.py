"""Golden gradient values through tf.nn ops (values only: the gradient graphs' names are gradients_impl's)."""
_SETUP = """
x = (np.arange(2 * 6 * 6 * 3, dtype=np.float32).reshape(2, 6, 6, 3) * 7 % 11 - 5) / 4
w = (np.arange(3 * 3 * 3 * 4, dtype=np.float32).reshape(3, 3, 3, 4) % 7 - 3) / 4
def grads(y, xs, seed=None):
    gs = tf.gradients(y, xs)
    with tf.Session() as sess:
        out(sess.run(gs))
"""

CASES = {k: _SETUP + v for k, v in {
    "max_pool_ties_first_max": """
a = tf.constant(np.array([[1., 3., 3., 0.], [3., 0., 2., 2.], [5., 5., 1., 1.], [5., 5., 1., 1.]],
                         np.float32).reshape(1, 4, 4, 1))
grads([tf.nn.max_pool(a, 2, 2, "VALID") * [[[[1.]], [[2.]]], [[[3.]], [[4.]]]]], [a])
grads([tf.nn.max_pool(a, 3, 1, "SAME")], [a])
grads([tf.nn.max_pool(a, 3, 2, "VALID")], [a])
""",
    "pool_gradients": """
p = tf.constant(x)
weights = tf.constant(np.arange(2 * 3 * 3 * 3, dtype=np.float32).reshape(2, 3, 3, 3))
grads([tf.nn.max_pool(p, 2, 2, "VALID") * weights], [p])
grads([tf.nn.avg_pool(p, 3, 2, "SAME") * weights], [p])
grads([tf.nn.max_pool(p, 3, 2, "SAME") * weights], [p])
""",
    "conv_gradients": """
p, k = tf.constant(x), tf.constant(w)
y = tf.nn.conv2d(p, k, [1, 2, 2, 1], "SAME")
grads([tf.reduce_sum(y * y)], [p, k])
t = tf.nn.conv2d_transpose(p[:, :3, :3, :], k[:, :, :2, :3], [2, 6, 6, 2], 2, "SAME")
grads([tf.reduce_sum(t * t)], [k])
d = tf.nn.depthwise_conv2d(p, k[:, :, :, :2], [1, 1, 1, 1], "VALID")
grads([tf.reduce_sum(d * d)], [p, k])
""",
    "batch_norm_and_xent_gradients": """
p = tf.constant(x)
scale, offset = tf.constant([1., 2., 0.5]), tf.constant([0., 0.1, -0.2])
y, m, v = tf.nn.fused_batch_norm(p, scale, offset)
z = tf.reshape(y, [2, -1])[:, :4]
loss = tf.nn.softmax_cross_entropy_with_logits_v2(labels=[[0., 1., 0., 0.], [0.5, 0., 0., 0.5]], logits=z)
sparse = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=[2, 1], logits=z)
grads([loss, sparse], [p, scale, offset])
mm, vv = tf.nn.moments(p, [0, 1, 2])
grads([tf.nn.batch_normalization(p, mm, vv, offset, scale, 1e-3) * p], [p])
""",
    "misc_gradients": """
p = tf.constant(x[0, 0])
b = tf.constant([0.5, -1., 2.])
grads([tf.nn.bias_add(p, b) ** 2], [p, b])
grads([tf.nn.l2_normalize(p, axis=1) * [1., 2., 3.]], [p])
grads([tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.ones([6, 3]) * 0.3, logits=p)], [p])
q = tf.constant(x)
grads([tf.nn.lrn(q, 2, 1.5, 0.1, 0.75) * q], [q])
e = tf.constant(np.arange(12, dtype=np.float32).reshape(4, 3))
g = tf.gradients(tf.nn.embedding_lookup(e, [1, 3, 1]) * 2., [e])[0]
with tf.Session() as sess:
    out(sess.run(tf.convert_to_tensor(g)))
""",
}.items()}
