"""Golden cases for tf.nn normalization: moments, batch_normalization, fused_batch_norm, l2_normalize, lrn."""
_SHOW = """
def show(*ts):
    for t in ts:
        out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs])
def ops():
    out([(o.name, o.type) for o in tf.get_default_graph().get_operations()])
x = (np.arange(2 * 3 * 3 * 3, dtype=np.float32).reshape(2, 3, 3, 3) * 7 % 11 - 4) / 3
"""

CASES = {k: _SHOW + v for k, v in {
    "moments": """
p = tf.placeholder(tf.float32, [None, 3, 3, 3])
m, v = tf.nn.moments(p, [0, 1, 2])
m2, v2 = tf.nn.moments(p, [1], keep_dims=True, name="m")
m3, v3 = tf.nn.moments(p, axes=[0, 2], keepdims=True)
show(m, v, m2, v2, m3, v3)
ops()
with tf.Session() as sess:
    out(sess.run([m, v, m2, v2, m3, v3], {p: x}))
""",
    "moments_float16": """
m, v = tf.nn.moments(tf.constant(x[0, 0].astype(np.float16)), [1])
show(m, v)
ops()
with tf.Session() as sess:
    out(sess.run([m, v]))
""",
    "batch_normalization": """
p = tf.placeholder(tf.float32, [None, 3])
mean, var = tf.constant([0.5, -1., 2.]), tf.constant([1., 0.25, 4.])
t = tf.nn.batch_normalization(p, mean, var, tf.constant([0.1, 0.2, 0.3]), tf.constant([2., 1., 0.5]), 1e-3)
u = tf.nn.batch_normalization(p, mean, var, None, None, 1e-3, name="b")
v = tf.nn.batch_normalization(p, mean, var, tf.constant([0.1, 0.2, 0.3]), None, 0.01)
show(t, u, v)
ops()
with tf.Session() as sess:
    out(sess.run([t, u, v], {p: x[0, 0]}))
""",
    "fused_batch_norm_training": """
p = tf.placeholder(tf.float32, [None, 3, 3, 3])
y, m, v = tf.nn.fused_batch_norm(p, tf.constant([1., 2., 0.5]), tf.constant([0., 0.1, -0.2]))
show(y, m, v)
out([tuple(str(t.shape) for t in y.op.outputs), [t.dtype.name for t in y.op.outputs]])
out([y.op.get_attr(n) for n in ("epsilon", "exponential_avg_factor", "data_format", "is_training")], y.op.get_attr("U").name)
ops()
with tf.Session() as sess:
    out(sess.run(y, {p: x}))
""",
    "fused_batch_norm_inference": """
# TF 2.21's grappler rewrites an inference FusedBatchNormV3 into element-wise ops and loses outputs 1
# and 2 (fetching them fails there), so only y is run
p = tf.placeholder(tf.float32, [None, 3, 3, 3])
y, m, v = tf.nn.fused_batch_norm(p, tf.constant([1., 2., 0.5]), tf.constant([0., 0.1, -0.2]),
                                 mean=tf.constant([0.1, 0.2, -0.3]), variance=tf.constant([1., 0.5, 2.]),
                                 is_training=False, epsilon=1e-6, name="fb")
show(y, m, v)
out(y.op.get_attr("epsilon"))
with tf.Session() as sess:
    out(sess.run(y, {p: x}))
""",
    "fused_batch_norm_nchw_and_avg_factor": """
c = tf.constant(np.transpose(x, (0, 3, 1, 2)))
y, m, v = tf.nn.fused_batch_norm(c, tf.ones([3]), tf.zeros([3]), data_format="NCHW")
p = tf.placeholder(tf.float32, [None, 3, 3, 3])
y2, m2, v2 = tf.nn.fused_batch_norm(p, tf.ones([3]), tf.zeros([3]), mean=tf.constant([1., 1., 1.]),
                                    variance=tf.constant([2., 2., 2.]), exponential_avg_factor=0.25)
show(y, m, y2, m2)
with tf.Session() as sess:
    out(sess.run([y, m, v, y2, m2, v2], {p: x}))
""",
    "fused_batch_norm_float16": """
y, m, v = tf.nn.fused_batch_norm(tf.constant(x.astype(np.float16)), tf.ones([3]), tf.zeros([3]))
show(y, m, v)
with tf.Session() as sess:
    out(sess.run([m, v]))
""",
    "l2_normalize": """
p = tf.placeholder(tf.float32, [None, 3])
ts = [tf.nn.l2_normalize(p, axis=1), tf.nn.l2_normalize(p, dim=0, name="n"), tf.nn.l2_normalize(p),
      tf.nn.l2_normalize(p, [0, 1], epsilon=100.)]
show(*ts)
ops()
with tf.Session() as sess:
    out(sess.run(ts, {p: x[0, 0]}))
""",
    "lrn": """
v = (np.arange(1 * 2 * 2 * 7, dtype=np.float32).reshape(1, 2, 2, 7) * 3 % 8) / 4
ts = [tf.nn.lrn(tf.constant(v)), tf.nn.local_response_normalization(tf.constant(v), 2, 1.5, 0.1, 0.75, name="l"),
      tf.nn.lrn(tf.constant(v), depth_radius=1, bias=2, alpha=0.5, beta=1)]
show(*ts)
out([ts[1].op.get_attr(n) for n in ("depth_radius", "bias", "alpha", "beta")])
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "fused_training_gradients": """
xv = tf.constant(np.arange(8, dtype=np.float32).reshape(2, 2, 1, 2) / 4)
scale, offset = tf.constant([2.0, 3.0]), tf.constant([0.0, 1.0])
y, mean, var = tf.nn.fused_batch_norm(xv, scale, offset, epsilon=0.001)
w = tf.constant((np.array([1.0, -2.0]) * (np.arange(8).reshape(2, 2, 1, 2) % 3)).astype(np.float32))
grads = tf.gradients(tf.reduce_sum(y * w), [xv, scale, offset])
stats = tf.gradients(tf.reduce_sum(mean * 3.0) + tf.reduce_sum(var), [xv, scale, offset])
mixed = tf.gradients(tf.reduce_sum(tf.sin(y)) + tf.reduce_sum(mean), xv)
with tf.Session() as sess:
    out(sess.run(grads))
    out([None if g is None else sess.run(g) for g in stats])
    out(sess.run(mixed))
""",
    "fused_training_gradients_nchw": """
xv = tf.constant((np.arange(24, dtype=np.float32).reshape(2, 3, 2, 2) * 7 % 5) / 3)
y, mean, var = tf.nn.fused_batch_norm(xv, tf.constant([1.0, 2.0, 0.5]), tf.constant([0.0, 1.0, -1.0]),
                                      epsilon=0.01, data_format="NCHW")
w = tf.constant((np.arange(24).reshape(2, 3, 2, 2) % 4 - 1.5).astype(np.float32))
with tf.Session() as sess:
    out(sess.run(tf.gradients(tf.reduce_sum(y * w), xv)))
""",
    "err_fused_rank": 'tf.nn.fused_batch_norm(tf.ones([2, 3]), tf.ones([3]), tf.zeros([3]))',
    "err_fused_channels": 'tf.nn.fused_batch_norm(tf.ones([2, 4, 4, 3]), tf.ones([4]), tf.zeros([4]))',
    "err_fused_inference_without_mean": 'tf.nn.fused_batch_norm(tf.ones([2, 4, 4, 3]), tf.ones([3]), tf.zeros([3]), is_training=False)',
    "err_fused_float64": 'tf.nn.fused_batch_norm(tf.ones([2, 4, 4, 3], tf.float64), tf.ones([3]), tf.zeros([3]))',
    "err_lrn_rank": 'tf.nn.lrn(tf.ones([2, 3]))',
    "err_lrn_float64": 'tf.nn.lrn(tf.ones([1, 2, 2, 3], tf.float64))',
    "err_moments_keep_dims_both": 'tf.nn.moments(tf.ones([2, 3]), [0], keep_dims=True, keepdims=True)',
    "err_l2_normalize_axis_and_dim": 'tf.nn.l2_normalize(tf.ones([2, 3]), axis=0, dim=0)',
}.items()}
