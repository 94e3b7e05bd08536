"""Lesson 7: regularization losses through a variable_scope regularizer.

From the seed tutorial "tensorflow杂记" (shared/seeds/002): give `regularizer=` to tf.variable_scope (or
to tf.get_variable) and every variable created in it gets a loss term, added to the collection
tf.GraphKeys.REGULARIZATION_LOSSES; the training loss then adds their sum. A regularizer is any function
from a variable to a scalar Tensor (tf.contrib.layers.l1_regularizer(scale) is one such function; here
we write ours with core ops). Only deterministic things are printed: names, and exact values of the
losses for constant-initialized variables (scales are powers of two, so every sum is exact).
"""
import tensorflow as tf


def l1_regularizer(scale):
    def l1(weights):
        return tf.multiply(scale, tf.reduce_sum(tf.abs(weights)), name='l1_regularizer')
    return l1


def l2_regularizer(scale):
    def l2(weights):
        return tf.multiply(scale, tf.nn.l2_loss(weights), name='l2_regularizer')
    return l2


# The seed's program: the scope gives a default initializer and a regularizer; the variable overrides
# the initializer and keeps the scope's regularizer.
regularizer = l1_regularizer(0.5)
with tf.variable_scope('var', initializer=tf.random_normal_initializer(), regularizer=regularizer):
    weight = tf.get_variable('weight', shape=[8], initializer=tf.ones_initializer())
    # get_variable's own regularizer wins over the scope's: 0.25 * sum(x^2) / 2
    bias = tf.get_variable('bias', shape=[4], initializer=tf.constant_initializer(2.0),
                           regularizer=l2_regularizer(0.25))
    # A regularizer returning None adds nothing.
    free = tf.get_variable('free', shape=[3], initializer=tf.zeros_initializer(),
                           regularizer=lambda w: None)
    # Non-trainable variables are regularized too.
    frozen = tf.get_variable('frozen', shape=[2], initializer=tf.constant_initializer(-4.0),
                             trainable=False)
    # tf.Variable knows nothing of scope regularizers: no loss.
    plain = tf.Variable([1.0, 1.0], name='plain')
    # Sharing does not add a second loss.
    with tf.variable_scope('sub'):
        shared = tf.get_variable('shared', [2], initializer=tf.constant_initializer(1.0))
    with tf.variable_scope('sub', reuse=True):
        shared_again = tf.get_variable('shared', [2])

# Each loss is built in a name scope "<variable name>/Regularizer/".
losses = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
for loss in losses:
    print(loss.name, loss.shape, loss.dtype.name)
print(len(losses), plain.name, free.name, shared_again is shared)

# Summing them: by hand, and with tf.losses' helpers.
total = tf.add_n(losses, name='total_by_hand')
helper_losses = tf.losses.get_regularization_losses()
helper_total = tf.losses.get_regularization_loss()
print(total.name, helper_total.name, [l.name for l in helper_losses] == [l.name for l in losses])
# Only variables under "var/sub" (a name-prefix filter):
sub_total = tf.losses.get_regularization_loss(scope='var/sub', name='sub_loss')
print(sub_total.name)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    # weight: 0.5 * 8 = 4; bias: 0.25 * (4 * 2^2) / 2 = 2; frozen: 0.5 * 8 = 4; shared: 0.5 * 2 = 1
    for loss, value in zip(losses, sess.run(losses)):
        print(loss.op.name, float(value))
    print([float(x) for x in sess.run([total, helper_total, sub_total])])
    # A model's training loss adds the regularization term:
    data_loss = tf.constant(1.5)
    print(float(sess.run(data_loss + helper_total)))
