"""tf.metrics: (value, update_op) names, local variables and collections, values over update runs."""
_FEEDS = """
labels = tf.placeholder(tf.int64, [None], name="labels")
preds = tf.placeholder(tf.int64, [None], name="preds")
batches = [([1, 0, 1, 1], [1, 1, 0, 1]), ([0, 0, 1, 0], [0, 1, 1, 0]), ([1, 1], [0, 1])]
"""

CASES = {
    "accuracy_and_mean": """
labels = tf.placeholder(tf.int64, [None], name="labels")
preds = tf.placeholder(tf.int64, [None], name="preds")
v = tf.placeholder(tf.float32, [None], name="v")
acc, acc_up = tf.metrics.accuracy(labels, preds)
m, m_up = tf.metrics.mean(v)
out(acc.name, acc.op.type, acc_up.name, acc_up.op.type, m.name, m_up.name)
out([x.name for x in tf.local_variables()], [x.name for x in tf.get_collection(tf.GraphKeys.METRIC_VARIABLES)])
out([x.name for x in tf.global_variables()], [x.name for x in tf.trainable_variables()])
with tf.Session() as sess:
    sess.run(tf.local_variables_initializer())
    out(sess.run([acc, m]))
    out(sess.run([acc_up, m_up], {labels: [1, 2, 3], preds: [1, 2, 0], v: [1., 2.]}))
    out(sess.run([acc, m]))
    out(sess.run([acc_up, m_up], {labels: [1], preds: [0], v: [6.]}))
    out(sess.run([acc, m]))
    sess.run(tf.local_variables_initializer())
    out(sess.run([acc, m]))
""",
    "weighted_mean_and_accuracy": """
v = tf.constant([[1., 2.], [3., 4.]])
m, up = tf.metrics.mean(v, weights=[[1.], [0.5]])
m2, up2 = tf.metrics.mean(v, weights=0.5, name="half")
acc, acc_up = tf.metrics.accuracy([1, 2, 3], [1, 2, 0], weights=[1., 2., 3.])
out(m.name, m2.name, acc.name, [x.name for x in tf.local_variables()])
with tf.Session() as sess:
    sess.run(tf.local_variables_initializer())
    out(sess.run([up, up2, acc_up]))
    out(sess.run([up, up2, acc_up]))
    out(sess.run([m, m2, acc]))
""",
    "second_metric_names": """
a = tf.metrics.mean([1.])
b = tf.metrics.mean([2.])
with tf.variable_scope("eval"):
    c = tf.metrics.accuracy([1], [1])
out([t.name for t in a + b + c], [x.name for x in tf.local_variables()])
""",
    "collections": """
m, up = tf.metrics.mean([1., 3.], metrics_collections=["m"], updates_collections=["u"])
r, r_up = tf.metrics.root_mean_squared_error([1., 2.], [2., 2.], metrics_collections=["m"], updates_collections=[tf.GraphKeys.UPDATE_OPS])
out([x.name for x in tf.get_collection("m")], [x.name for x in tf.get_collection("u")], [x.name for x in tf.get_collection(tf.GraphKeys.UPDATE_OPS)])
""",
    "counts_precision_recall": _FEEDS + """
res = {"tp": tf.metrics.true_positives(labels, preds), "fp": tf.metrics.false_positives(labels, preds),
       "fn": tf.metrics.false_negatives(labels, preds), "tn": tf.metrics.true_negatives(labels, preds),
       "precision": tf.metrics.precision(labels, preds), "recall": tf.metrics.recall(labels, preds)}
out({k: (a.name, a.op.type, b.name, b.op.type) for k, (a, b) in res.items()})
out([x.name for x in tf.local_variables()])
with tf.Session() as sess:
    sess.run(tf.local_variables_initializer())
    out(sess.run({k: a for k, (a, b) in res.items()}))
    for l, p in batches:
        out(sess.run({k: b for k, (a, b) in res.items()}, {labels: l, preds: p}))
        out(sess.run({k: a for k, (a, b) in res.items()}))
""",
    "weighted_precision": """
p, up = tf.metrics.precision([1, 0, 1, 1], [1, 1, 0, 1], weights=[1., 2., 3., 0.5])
r, r_up = tf.metrics.recall([True, False, True], [True, True, False], weights=[[2.], [1.], [1.]])
with tf.Session() as sess:
    sess.run(tf.local_variables_initializer())
    out(sess.run([up, r_up]), sess.run([p, r]))
""",
    "regression_metrics": """
labels = tf.placeholder(tf.float32, [None], name="labels")
preds = tf.placeholder(tf.float32, [None], name="preds")
res = {"mse": tf.metrics.mean_squared_error(labels, preds), "mae": tf.metrics.mean_absolute_error(labels, preds),
       "rmse": tf.metrics.root_mean_squared_error(labels, preds)}
out({k: (a.name, b.name) for k, (a, b) in res.items()})
out([x.name for x in tf.local_variables()])
with tf.Session() as sess:
    sess.run(tf.local_variables_initializer())
    for l, p in [([1., 0., 1., 1.], [0.9, 0.6, 0.3, 0.8]), ([2., 3.], [1., 5.])]:
        out(sess.run({k: b for k, (a, b) in res.items()}, {labels: l, preds: p}))
        out(sess.run({k: a for k, (a, b) in res.items()}))
""",
    "mean_iou": _FEEDS + """
iou, up = tf.metrics.mean_iou(labels, preds, num_classes=3)
out(iou.name, iou.dtype.name, up.name, up.op.type, str(up.shape), up.dtype.name)
out([(x.name, str(x.shape), x.dtype.name) for x in tf.local_variables()])
with tf.Session() as sess:
    sess.run(tf.local_variables_initializer())
    out(sess.run(iou))
    for l, p in batches:
        out(sess.run(up, {labels: l, preds: p}))
        out(sess.run(iou))
""",
    "auc": """
labels = tf.placeholder(tf.int64, [None], name="labels")
scores = tf.placeholder(tf.float32, [None], name="scores")
res = {"roc": tf.metrics.auc(labels, scores, num_thresholds=5),
       "roc200": tf.metrics.auc(labels, scores),
       "pr": tf.metrics.auc(labels, scores, num_thresholds=7, curve="PR", summation_method="careful_interpolation"),
       "pr_trap": tf.metrics.auc(labels, scores, num_thresholds=7, curve="PR"),
       "minoring": tf.metrics.auc(labels, scores, num_thresholds=6, summation_method="minoring"),
       "majoring": tf.metrics.auc(labels, scores, num_thresholds=6, summation_method="majoring"),
       "given": tf.metrics.auc(labels, scores, thresholds=[0.7, 0.2, 0.5])}
out({k: (a.name, a.op.type, b.name) for k, (a, b) in res.items()})
out([(x.name, str(x.shape)) for x in tf.local_variables()][:4])
with tf.Session() as sess:
    sess.run(tf.local_variables_initializer())
    for l, s in [([1, 0, 1, 1], [0.9, 0.6, 0.3, 0.8]), ([0, 0, 1], [0.1, 0.7, 0.55])]:
        out(sess.run({k: b for k, (a, b) in res.items()}, {labels: l, scores: s}))
        out(sess.run({k: a for k, (a, b) in res.items()}))
""",
    "weighted_auc": """
scores = tf.constant([0.9, 0.6, 0.3, 0.8, 0.1])
a, up = tf.metrics.auc([1, 0, 1, 1, 0], scores, weights=[1., 2., 1., 0.5, 1.], num_thresholds=10)
with tf.Session() as sess:
    sess.run(tf.local_variables_initializer())
    out(sess.run(up), sess.run(a))
""",
    "error_uninitialized": """
v, _ = tf.metrics.mean([1., 2.])
with tf.Session() as sess:
    sess.run(v)
""",
    "error_accuracy_shapes": """
tf.metrics.accuracy(tf.constant([1, 2, 3]), tf.constant([1, 2]))
""",
    "error_mse_shapes": """
tf.metrics.mean_squared_error(tf.constant([[1., 2., 3.]]), tf.constant([[1., 2.]]))
""",
    "error_mean_weights": """
tf.metrics.mean(tf.constant([[1., 2.], [3., 4.]]), weights=tf.constant([[1., 2., 3.]]))
""",
    "error_precision_shapes": """
tf.metrics.precision(tf.constant([1, 0, 1]), tf.constant([[1, 0], [1, 1]]))
""",
    "error_auc_curve": """
tf.metrics.auc([1, 0], [0.5, 0.2], curve="XY")
""",
    "error_auc_summation": """
tf.metrics.auc([1, 0], tf.constant([0.5, 0.2]), summation_method="simpson")
""",
    "error_auc_list_predictions": """
tf.metrics.auc([1, 0], [0.5, 0.2])
""",
}
