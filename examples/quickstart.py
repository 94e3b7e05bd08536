"""The README's quickstart, as a TF1 script: `scopeflow run examples/quickstart.py`."""
import tensorflow as tf

x = tf.placeholder(tf.float32, [None, 3], name="x")
w = tf.constant([[1.], [2.], [3.]])
with tf.name_scope("layer"):
    y = tf.matmul(x, w) + 1.0
print(y.name, y.shape)
with tf.Session() as sess:
    print(sess.run(y, feed_dict={x: [[1, 1, 1]]}))
