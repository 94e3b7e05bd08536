"""Golden cases for tf.nn activations: names, op types, shapes, dtypes, messages and values (see tests/golden)."""
_SHOW = """
def show(*ts):
    for t in ts:
        out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs])
"""

CASES = {k: _SHOW + v for k, v in {
    "activations": """
x = tf.constant([[1., -2., 3.], [-4., 0.5, -0.5]])
ts = [getattr(tf.nn, n)(x) for n in ["relu", "relu6", "elu", "selu", "softplus", "softsign", "leaky_relu",
                                     "softmax", "log_softmax", "sigmoid", "tanh"]]
ts += [tf.nn.relu(x * 3.), tf.nn.relu6(x * 3., name="r6"), tf.math.softplus(x), tf.math.softmax(x)]
show(*ts)
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "integer_activations": """
i = tf.constant([-3, 0, 4, 9])
ts = [tf.nn.relu(i), tf.nn.relu6(i), tf.nn.leaky_relu(i), tf.nn.relu(tf.constant([-1, 2], tf.int64))]
show(*ts)
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "leaky_relu_alpha": """
x = tf.constant([-2., -0.5, 0., 3.])
ts = [tf.nn.leaky_relu(x), tf.nn.leaky_relu(x, alpha=0.1), tf.nn.leaky_relu(x, alpha=2), tf.nn.leaky_relu(x, 0.3, name="lr")]
show(*ts)
out([t.op.get_attr("alpha") for t in ts])
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "softmax_axes": """
x = tf.constant([[1., 2., 3.], [1., 5., -1.]])
ts = [tf.nn.softmax(x, axis=-1), tf.nn.softmax(x, dim=-1), tf.nn.softmax(x, axis=1), tf.nn.softmax(x, axis=0),
      tf.nn.log_softmax(x, axis=0), tf.nn.log_softmax(x, 1)]
out([(t.op.type, str(t.shape), t.dtype.name) for t in ts])
out([t.name for t in ts[:3]] + [t.name for t in ts[5:]])
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "softmax_3d_middle_axis": """
x = tf.constant(np.arange(12, dtype=np.float32).reshape(2, 3, 2) / 4)
t = tf.nn.softmax(x, axis=1)
out(t.op.type, str(t.shape))
with tf.Session() as sess:
    out(sess.run(t))
""",
    "unknown_shapes": """
p = tf.placeholder(tf.float32, [None, 3])
u = tf.placeholder(tf.float32)
ts = [tf.nn.softmax(p), tf.nn.softmax(u), tf.nn.relu(u), tf.nn.log_softmax(p), tf.nn.elu(p)]
show(*ts)
with tf.Session() as sess:
    out(sess.run(ts[0], {p: np.array([[1., 2., 3.]], np.float32)}))
""",
    "names_in_scope": """
x = tf.constant([1., -1.])
with tf.name_scope("layer"):
    ts = [tf.nn.relu(x), tf.nn.relu(x), tf.nn.sigmoid(x, name="act"), tf.nn.leaky_relu(x), tf.nn.softmax(x),
          tf.nn.relu([1., -2.])]
show(*ts)
""",
    "l2_loss": """
x = tf.constant([[1., 2.], [3., 4.]])
ts = [tf.nn.l2_loss(x), tf.nn.l2_loss([1., 2.], name="l2"), tf.nn.l2_loss(tf.constant([0.5], tf.float64))]
show(*ts)
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "err_l2_loss_int": "tf.nn.l2_loss(tf.constant([1]))",
    "err_softmax_axis_and_dim": "tf.nn.softmax(tf.constant([[1.]]), axis=1, dim=1)",
    "err_log_softmax_axis_and_dim": "tf.nn.log_softmax(tf.constant([[1.]]), axis=1, dim=1)",
    "err_softmax_axis": "tf.nn.softmax(tf.constant([[1., 2.]]), axis=2)",
    "err_softmax_scalar": "tf.nn.softmax(tf.constant(1.))",
    "err_elu_int": "tf.nn.elu(tf.constant([1]))",
    "err_softmax_int": "tf.nn.softmax(tf.constant([1]))",
    "err_relu6_bool": "tf.nn.relu6(tf.constant([True]))",
    "err_relu_bool": "tf.nn.relu(tf.constant([True]))",
    "err_selu_int": "tf.nn.selu(tf.constant([1, 2]))",
}.items()}
