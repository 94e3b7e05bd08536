"""tf.losses: result names, LOSSES collection, values for each reduction, build-time errors."""
_DATA = """
labels = tf.constant([[0., 1., 1.], [1., 0., 0.]], name="labels")
preds = tf.constant([[0.2, 0.7, 0.4], [0.9, 0.4, 0.1]], name="preds")
logits = tf.constant([[0.5, 2.0, -1.0], [1.5, -0.3, 0.2]], name="logits")
"""

CASES = {
    "regression_losses": _DATA + """
ls = [tf.losses.mean_squared_error(labels, preds), tf.losses.absolute_difference(labels, preds),
      tf.losses.huber_loss(labels, preds, delta=0.3), tf.losses.log_loss(labels, preds),
      tf.losses.hinge_loss(labels, logits), tf.losses.cosine_distance(labels, preds, axis=1),
      tf.losses.mean_pairwise_squared_error(labels, preds)]
out([(l.name, l.op.type, str(l.shape), l.dtype.name) for l in ls])
out([l.name for l in tf.get_collection(tf.GraphKeys.LOSSES)])
with tf.Session() as sess:
    out(sess.run(ls))
""",
    "cross_entropy_losses": _DATA + """
sparse = tf.constant([1, 0], name="sparse")
ls = [tf.losses.softmax_cross_entropy(labels, logits), tf.losses.softmax_cross_entropy(labels, logits, label_smoothing=0.1),
      tf.losses.sparse_softmax_cross_entropy(sparse, logits),
      tf.losses.sparse_softmax_cross_entropy(tf.constant([[1], [2]]), logits, weights=[[1.], [3.]]),
      tf.losses.sigmoid_cross_entropy(labels, logits), tf.losses.sigmoid_cross_entropy(labels, logits, label_smoothing=0.2)]
out([(l.name, l.op.type, str(l.shape)) for l in ls])
out([l.name for l in tf.losses.get_losses()])
with tf.Session() as sess:
    out(sess.run(ls))
""",
    "softmax_labels_stop_gradient": _DATA + """
l = tf.losses.softmax_cross_entropy(labels, logits, label_smoothing=0.1)
g = tf.get_default_graph()
out(g.get_operation_by_name("softmax_cross_entropy_loss/labels_stop_gradient").type)
out(g.get_operation_by_name("softmax_cross_entropy_loss/xentropy").type)
out(g.get_operation_by_name("softmax_cross_entropy_loss/num_present").type)
""",
    "reductions": """
l = tf.constant([[1., 2.], [3., 0.]], name="l")
w = tf.constant([[1.], [0.5]], name="w")
R = tf.losses.Reduction
rs = [R.NONE, R.SUM, R.MEAN, R.SUM_OVER_BATCH_SIZE, R.SUM_BY_NONZERO_WEIGHTS, R.SUM_OVER_NONZERO_WEIGHTS]
ls = [tf.losses.compute_weighted_loss(l, w, reduction=r) for r in rs]
out(rs, R.all())
out([(x.name, x.op.type, str(x.shape)) for x in ls])
with tf.Session() as sess:
    out(sess.run(ls))
""",
    "zero_weights": """
l = tf.constant([1., 2., 3.])
ls = [tf.losses.compute_weighted_loss(l, 0.0), tf.losses.compute_weighted_loss(l, [0., 0., 0.]),
      tf.losses.compute_weighted_loss(l, [0., 2., 0.]), tf.losses.mean_squared_error([1., 2.], [1., 4.], weights=0.)]
with tf.Session() as sess:
    out(sess.run(ls))
""",
    "weighted_loss_dtypes": """
a = tf.losses.compute_weighted_loss(tf.constant([1., 2.], tf.float64), 2.0)
b = tf.losses.compute_weighted_loss(tf.constant([1, 2]), 2.0)
c = tf.losses.mean_squared_error(tf.constant([1, 2]), tf.constant([1, 4]))
d = tf.losses.absolute_difference(tf.constant([1., 2.], tf.float64), tf.constant([1., 4.]))
out([(x.name, x.op.type, x.dtype.name) for x in (a, b, c, d)])
with tf.Session() as sess:
    out(sess.run([a, b, c, d]))
""",
    "scope_and_collection": """
a = tf.losses.mean_squared_error([1., 2.], [1., 3.], scope="mine")
b = tf.losses.absolute_difference([1., 2.], [1., 3.], loss_collection=None)
c = tf.losses.compute_weighted_loss([1., 2.], loss_collection="other")
with tf.name_scope("outer"):
    d = tf.losses.huber_loss([1., 2.], [1., 3.])
out(a.name, b.name, c.name, d.name)
out([x.name for x in tf.losses.get_losses()], [x.name for x in tf.losses.get_losses(loss_collection="other")])
out([x.name for x in tf.losses.get_losses(scope="outer")])
""",
    "add_loss_and_total": """
x = tf.constant(2.0, name="x")
tf.losses.add_loss(x)
tf.losses.add_loss(x * 3.0, loss_collection=None)
a = tf.losses.mean_squared_error([1., 2.], [1., 4.])
w = tf.get_variable("w", [2], initializer=tf.ones_initializer(), regularizer=lambda v: tf.reduce_sum(v) * 0.5)
total = tf.losses.get_total_loss()
no_reg = tf.losses.get_total_loss(add_regularization_losses=False, name="no_reg")
reg = tf.losses.get_regularization_loss()
out(total.name, total.op.type, no_reg.name, reg.name, [l.name for l in tf.losses.get_regularization_losses()])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run([total, no_reg, reg]))
""",
    "total_loss_empty": """
tf.losses.get_total_loss()
""",
    "dynamic_weights_ok": """
l = tf.placeholder(tf.float32, [None, 2], name="l")
w = tf.placeholder(tf.float32, [None, 1], name="w")
x = tf.losses.compute_weighted_loss(l, w)
out(x.name)
with tf.Session() as sess:
    out(sess.run(x, {l: [[1, 2], [3, 4]], w: [[1], [0]]}))
    out(sess.run(x, {l: [[1, 2], [3, 4], [5, 6]], w: [[1], [0], [2]]}))
""",
    "dynamic_weights_bad": """
l = tf.placeholder(tf.float32, [None, 2], name="l")
w = tf.placeholder(tf.float32, [None, 1], name="w")
x = tf.losses.compute_weighted_loss(l, w)
with tf.Session() as sess:
    sess.run(x, {l: [[1, 2], [3, 4]], w: [[1], [0], [1]]})
""",
    "dynamic_weights_unknown_rank_bad": """
l = tf.placeholder(tf.float32, [None, 2], name="l")
w = tf.placeholder(tf.float32, name="w")
x = tf.losses.compute_weighted_loss(l, w)
with tf.Session() as sess:
    out(sess.run(x, {l: [[1, 2], [3, 4]], w: 2.}))
    sess.run(x, {l: [[1, 2], [3, 4]], w: [1, 2, 3]})
""",
    "dynamic_weights_unknown_rank_ok": """
l = tf.placeholder(tf.float32, [None, 2], name="l")
w = tf.placeholder(tf.float32, name="w")
lu = tf.placeholder(tf.float32, name="lu")
wk = tf.placeholder(tf.float32, [None, 1], name="wk")
xs = [tf.losses.compute_weighted_loss(l, w), tf.losses.compute_weighted_loss(l, w, reduction=tf.losses.Reduction.NONE),
      tf.losses.compute_weighted_loss(lu, wk), tf.losses.mean_squared_error(l, l * 2., w)]
out([x.name for x in xs])
with tf.Session() as sess:
    for wv in ([[1.], [0.]], [[1., 2.]], [[2., 3.], [4., 0.]], [[3.]]):
        out(sess.run(xs[:2] + xs[3:], {l: [[1, 2], [3, 4]], w: wv}))
    out(sess.run(xs[2], {lu: [[1, 2], [3, 4], [5, 6]], wk: [[1], [0], [2]]}))
""",
    "dynamic_weights_unknown_rank_lower_rank": """
l = tf.placeholder(tf.float32, [None, 2], name="l")
w = tf.placeholder(tf.float32, name="w")
x = tf.losses.compute_weighted_loss(l, w)
with tf.Session() as sess:
    sess.run(x, {l: [[1, 2], [3, 4]], w: [1., 2.]})
""",
    "dynamic_values_unknown_rank_bad": """
l = tf.placeholder(tf.float32, name="l")
w = tf.placeholder(tf.float32, [None, 1], name="w")
x = tf.losses.compute_weighted_loss(l, w)
with tf.Session() as sess:
    out(sess.run(x, {l: [[1, 2], [3, 4]], w: [[1], [2]]}))
    sess.run(x, {l: [[1, 2, 3]], w: [[1], [2]]})
""",
    "error_shapes_mismatch": _DATA + """
tf.losses.mean_squared_error(labels, tf.constant([[0.2, 0.7], [0.9, 0.4]]))
""",
    "error_xent_shapes": _DATA + """
tf.losses.softmax_cross_entropy(labels, tf.constant([[0.2, 0.7], [0.9, 0.4]]))
""",
    "error_sigmoid_shapes": _DATA + """
tf.losses.sigmoid_cross_entropy(tf.constant([[1., 0.]]), logits)
""",
    "error_hinge_shapes": _DATA + """
tf.losses.hinge_loss(labels, tf.constant([[0.2, 0.7], [0.9, 0.4]]))
""",
    "error_weights_rank": _DATA + """
tf.losses.absolute_difference(labels, preds, weights=tf.constant([1., 2.]))
""",
    "error_weights_list_rank": _DATA + """
tf.losses.log_loss(labels, preds, weights=[1., 2., 3.])
""",
    "error_weights_dims": _DATA + """
tf.losses.mean_squared_error(labels, preds, weights=tf.constant([[1.], [2.], [3.]]))
""",
    "error_weights_unknown_dim": _DATA + """
tf.losses.huber_loss(labels, preds, weights=tf.placeholder(tf.float32, [None]))
""",
    "error_weights_none": _DATA + """
tf.losses.mean_squared_error(labels, preds, weights=None)
""",
    "error_labels_none": _DATA + """
tf.losses.absolute_difference(None, preds)
""",
    "error_predictions_none": _DATA + """
tf.losses.mean_squared_error(labels, None)
""",
    "error_onehot_none": _DATA + """
tf.losses.softmax_cross_entropy(None, logits)
""",
    "error_logits_none": _DATA + """
tf.losses.sigmoid_cross_entropy(labels, None)
""",
    "error_bad_reduction": _DATA + """
tf.losses.mean_squared_error(labels, preds, reduction="mean")
""",
    "error_validate": """
tf.losses.Reduction.validate("sum")
""",
    "error_cosine_axis": _DATA + """
tf.losses.cosine_distance(labels, preds)
""",
    "error_sparse_rank": _DATA + """
tf.losses.sparse_softmax_cross_entropy(tf.constant([[1, 0, 1]]), logits)
""",
}
