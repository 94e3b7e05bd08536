"""Golden cases for ops/segment_ops.py: segment_* and unsorted_segment_*, bincount, confusion_matrix."""

CASES = {
    "segment_names_shapes": """
p = tf.placeholder(tf.float32, [None, 3], name="p")
ts = [tf.segment_sum(p, [0, 0, 1]), tf.segment_mean(p, [0, 1]), tf.segment_max(p, [0, 1], name="sm"),
      tf.math.segment_min(p, [0]), tf.math.segment_prod(p, [0]),
      tf.unsorted_segment_sum(p, [0, 2], 4), tf.unsorted_segment_max(p, [0, 1], tf.constant(3, tf.int64)),
      tf.math.unsorted_segment_min(p, [0], 2), tf.math.unsorted_segment_prod(p, [0], 2),
      tf.unsorted_segment_mean(p, [0, 1], 2), tf.unsorted_segment_sqrt_n(p, [0, 1], 2),
      tf.segment_sum(tf.placeholder(tf.float32), [0])]
for t in ts:
    out(t.name, t.op.type, str(t.shape), t.dtype.name)
""",
    "segment_values": """
x = tf.constant([[1., 2.], [3., 4.], [5., 6.], [7., 8.]])
ids = tf.constant([0, 0, 1, 3])
with tf.Session() as sess:
    out(sess.run([tf.segment_sum(x, ids), tf.segment_mean(x, ids), tf.segment_max(x, ids),
                  tf.math.segment_min(x, ids), tf.math.segment_prod(x, ids)]))
""",
    "unsorted_segment_values": """
x = tf.constant([[1., 2.], [3., 4.], [5., 6.], [7., 8.]])
ids = tf.constant([2, 0, 2, -1])
xi = tf.constant([4, 1, 7, 2])
with tf.Session() as sess:
    out(sess.run([tf.unsorted_segment_sum(x, ids, 3), tf.unsorted_segment_max(x, ids, 3),
                  tf.math.unsorted_segment_min(x, ids, 3), tf.math.unsorted_segment_prod(x, ids, 3),
                  tf.unsorted_segment_mean(x, ids, 3), tf.unsorted_segment_sqrt_n(x, ids, 3),
                  tf.unsorted_segment_max(xi, [0, 0, 2, 2], 3), tf.unsorted_segment_sum(tf.reshape(xi, [2, 2]), [[0, 1], [1, 1]], 2)]))
""",
    "segment_error_rank": "tf.segment_sum(tf.zeros([2, 2]), [[0, 1]])\n",
    "unsorted_segment_error_shape": "tf.unsorted_segment_sum(tf.zeros([2, 2]), [0, 1, 1], 2)\n",
    "bincount": """
b = tf.bincount([1, 2, 2, 5])
b2 = tf.bincount(tf.constant([0, 1, 1]), weights=[0.5, 1., 2.], minlength=4)
b3 = tf.bincount(tf.constant([3, 0, 3]), maxlength=2, dtype=tf.int64)
for t in (b, b2, b3):
    out(t.name, t.op.type, t.dtype.name)
with tf.Session() as sess:
    out(sess.run([b, b2, b3]))
""",
    "bincount_empty": """
b = tf.bincount(tf.constant([], tf.int32))
with tf.Session() as sess:
    out(sess.run(b))
""",
    "confusion_matrix": """
c = tf.confusion_matrix([0, 1, 2, 1], [0, 2, 2, 1])
c2 = tf.confusion_matrix(tf.constant([0, 1]), tf.constant([1, 1]), num_classes=3, weights=[2., 3.],
                         dtype=tf.float32, name="cm")
for t in (c, c2):
    out(t.name, t.op.type, str(t.shape), t.dtype.name)
with tf.Session() as sess:
    out(sess.run([c, c2]))
""",
}
