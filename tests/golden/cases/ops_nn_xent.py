"""Golden cases for tf.nn cross-entropy losses: graphs (names, op types), shapes, dtypes, messages, values."""
_SHOW = """
def show(*ts):
    for t in ts:
        out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs])
def ops():
    out([(o.name, o.type) for o in tf.get_default_graph().get_operations()])
logits = np.array([[1., 2., -1., 0.5], [0., -3., 4., 1.], [2., 2., 2., 2.]], np.float32)
labels = np.array([[0., 1., 0., 0.], [0.25, 0.25, 0.5, 0.], [1., 0., 0., 0.]], np.float32)
"""

CASES = {k: _SHOW + v for k, v in {
    "softmax_v2": """
p = tf.placeholder(tf.float32, [None, 4])
t = tf.nn.softmax_cross_entropy_with_logits_v2(labels=labels, logits=p)
u = tf.nn.softmax_cross_entropy_with_logits_v2(labels=tf.constant(labels), logits=tf.constant(logits), name="x")
show(t, u)
ops()
with tf.Session() as sess:
    out(sess.run([t, u], {p: logits}))
""",
    "softmax_v1_stop_gradient": """
p = tf.placeholder(tf.float32, [None, 4])
t = tf.nn.softmax_cross_entropy_with_logits(labels=tf.constant(labels), logits=p)
show(t)
ops()
with tf.Session() as sess:
    out(sess.run(t, {p: logits}))
""",
    "softmax_op_outputs": """
t = tf.nn.softmax_cross_entropy_with_logits_v2(labels=labels, logits=logits)
op = tf.get_default_graph().get_operation_by_name("softmax_cross_entropy_with_logits")
show(*op.outputs)
with tf.Session() as sess:
    out(sess.run(list(op.outputs)))
""",
    "softmax_axis_and_rank3": """
a = tf.nn.softmax_cross_entropy_with_logits_v2(labels=labels.T, logits=logits.T, axis=0)
b = tf.nn.softmax_cross_entropy_with_logits_v2(labels=labels.reshape(3, 2, 2), logits=logits.reshape(3, 2, 2))
c = tf.nn.softmax_cross_entropy_with_logits_v2(labels=labels[0], logits=logits[0])
d = tf.nn.softmax_cross_entropy_with_logits(labels=labels.T, logits=logits.T, dim=0)
show(a, b, c, d)
with tf.Session() as sess:
    out(sess.run([a, b, c, d]))
""",
    "softmax_unknown_and_casts": """
u = tf.nn.softmax_cross_entropy_with_logits_v2(labels=tf.placeholder(tf.float32), logits=tf.placeholder(tf.float32))
h = tf.nn.softmax_cross_entropy_with_logits_v2(labels=labels, logits=tf.constant(logits, tf.float16))
f = tf.nn.softmax_cross_entropy_with_logits_v2(labels=tf.constant(labels, tf.float64), logits=logits)
show(u, h, f)
with tf.Session() as sess:
    out(sess.run([h, f]))
""",
    "sparse_softmax": """
lp = tf.placeholder(tf.int32, [None])
p = tf.placeholder(tf.float32, [None, 4])
t = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=lp, logits=p)
u = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.constant([1, 2, 0], tf.int64), logits=logits, name="s")
show(t, u)
ops()
with tf.Session() as sess:
    out(sess.run([t, u], {p: logits, lp: [3, 0, 2]}))
""",
    "sparse_softmax_rank3_and_half": """
t = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.constant([[1, 2], [0, 3]]), logits=logits[:2].reshape(2, 2, 2)[:, :, :].repeat(2, axis=2))
h = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=[1, 2, 0], logits=tf.constant(logits, tf.float16))
show(t, h)
op = tf.get_default_graph().get_operation_by_name("SparseSoftmaxCrossEntropyWithLogits/SparseSoftmaxCrossEntropyWithLogits")
show(*op.outputs)
out(op.get_attr("Tlabels").name)
with tf.Session() as sess:
    out(sess.run([t, h, op.outputs[1]]))
""",
    "sigmoid": """
p = tf.placeholder(tf.float32, [None, 4])
t = tf.nn.sigmoid_cross_entropy_with_logits(labels=labels, logits=p)
u = tf.nn.sigmoid_cross_entropy_with_logits(labels=[1., 0.], logits=[0.5, -20.], name="sg")
show(t, u)
ops()
with tf.Session() as sess:
    out(sess.run([t, u], {p: logits * 10}))
""",
    "weighted": """
p = tf.placeholder(tf.float32, [None, 4])
t = tf.nn.weighted_cross_entropy_with_logits(targets=labels, logits=p, pos_weight=2.)
u = tf.nn.weighted_cross_entropy_with_logits(labels=tf.constant(labels), logits=p, pos_weight=tf.constant(0.5), name="w")
show(t, u)
ops()
with tf.Session() as sess:
    out(sess.run([t, u], {p: logits}))
""",
    "err_softmax_class_mismatch": 'tf.nn.softmax_cross_entropy_with_logits_v2(labels=tf.ones([2, 3]), logits=tf.ones([2, 4]))',
    "err_softmax_missing_labels": 'tf.nn.softmax_cross_entropy_with_logits(logits=tf.ones([2, 4]))',
    "err_softmax_int": 'tf.nn.softmax_cross_entropy_with_logits_v2(labels=tf.ones([2, 4], tf.int32), logits=tf.ones([2, 4], tf.int32))',
    "err_sparse_rank": 'tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.constant([[1, 2]]), logits=tf.ones([2, 4]))',
    "err_sparse_dims": 'tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.constant([1, 2, 3]), logits=tf.ones([2, 4]))',
    "err_sparse_float_labels": 'tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.constant([1., 2.]), logits=tf.ones([2, 4]))',
    "err_sparse_scalar_logits": 'tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.constant(1), logits=tf.constant(1.))',
    "err_sparse_missing_logits": 'tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.constant([1]))',
    "err_sigmoid_shapes": 'tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.ones([2, 3]), logits=tf.ones([2, 4]))',
    "err_sigmoid_missing_labels": 'tf.nn.sigmoid_cross_entropy_with_logits(logits=tf.ones([2]))',
    "err_weighted_shapes": 'tf.nn.weighted_cross_entropy_with_logits(labels=tf.ones([2, 3]), logits=tf.ones([2, 4]), pos_weight=2.)',
}.items()}
