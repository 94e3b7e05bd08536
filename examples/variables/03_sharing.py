"""Lesson 3: sharing variables with tf.variable_scope and tf.get_variable.

The sharing programs of the seed tutorials (shared/seeds/001 and 003), in the order they teach them:
  1. scope.reuse_variables() inside the scope;
  2. re-opening the scope by name with reuse=True;
  3. re-opening the scope by the captured scope object with reuse=True;
  4. tf.AUTO_REUSE: create on the first call, share afterwards;
and the two classic mistakes, caught so that their first line is printed.
Only deterministic things are printed, so the output can be compared line for line with TensorFlow's.
"""
import numpy as np
import tensorflow as tf


def first_line(error):
    return str(error).splitlines()[0]


# --- 1. scope.reuse_variables() ---------------------------------------------------------------------
# After reuse_variables(), get_variable returns the existing variable. tf.Variable never shares: it
# always creates a new variable, renamed to var2_1.
with tf.Graph().as_default():
    with tf.variable_scope('variable_scope_y') as scope:
        var1 = tf.get_variable(name='var1', shape=[1], dtype=tf.float32)
        scope.reuse_variables()  # from here on, this scope shares
        var1_reuse = tf.get_variable(name='var1')
        var2 = tf.Variable(initial_value=[2.], name='var2', dtype=tf.float32)
        var2_reuse = tf.Variable(initial_value=[2.], name='var2', dtype=tf.float32)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        # var1 is random (glorot_uniform); what matters is that var1_reuse *is* var1.
        print(var1.name, var1_reuse.name, var1_reuse is var1)
        print(np.array_equal(sess.run(var1), sess.run(var1_reuse)))
        print(var2.name, sess.run(var2))
        print(var2_reuse.name, sess.run(var2_reuse))
    print(len(tf.global_variables()))  # 3: var1 once, var2 twice

# --- 2. reuse=True by name, 3. reuse=True by scope object -------------------------------------------
with tf.Graph().as_default():
    with tf.variable_scope('foo') as foo_scope:
        v = tf.get_variable('v', [1], initializer=tf.constant_initializer(1.0))
    with tf.variable_scope('foo', reuse=True):
        v1 = tf.get_variable('v', [1])
    with tf.variable_scope(foo_scope, reuse=True):
        v2 = tf.get_variable('v')  # shape and dtype may be left out when reusing
    print(v1 == v, v1 is v, v2 is v)  # the seed prints `v1 == v`: True
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        print(sess.run(v2))

# --- seed 003: two scopes, two variables; reuse shares only within one scope -------------------------
with tf.Graph().as_default():
    with tf.variable_scope("scope1"):
        v1 = tf.get_variable("v1", [3, 3], tf.float32, initializer=tf.constant_initializer(1))
        print(v1.name)
    with tf.variable_scope("scope2"):
        v1 = tf.get_variable("v1", [3, 3], tf.float32, initializer=tf.constant_initializer(1))
        print(v1.name)
    with tf.variable_scope("scope1", reuse=True):
        v1_share = tf.get_variable("v1", [3, 3], tf.float32, initializer=tf.constant_initializer(1))
        print(v1_share.name)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        print(sess.run(v1_share))
    # Without reuse, asking for scope2/v1 again is an error.
    try:
        with tf.variable_scope("scope2"):
            tf.get_variable("v1", [3, 3], tf.float32, initializer=tf.constant_initializer(1))
    except ValueError as error:
        print('ValueError:', first_line(error))

# --- 4. tf.AUTO_REUSE ---------------------------------------------------------------------------------
# With AUTO_REUSE the same function can be called any number of times: the first call creates, the
# others share. (With reuse=True the first call would fail: nothing to reuse yet.)
with tf.Graph().as_default():
    def demo():
        with tf.variable_scope("demo", reuse=tf.AUTO_REUSE):
            v = tf.get_variable("v", [1])
        return v
    v1 = demo()
    v2 = demo()
    print(v1.name, v2.name, v1 is v2, [v.name for v in tf.global_variables()])
    with tf.variable_scope('foo', reuse=tf.AUTO_REUSE):
        v = tf.get_variable('v', [1])
        v1 = tf.get_variable('v')
    print(v.name, v1 is v)

# --- reuse is inherited, and cannot be switched off inside a reusing scope ------------------------------
with tf.Graph().as_default():
    with tf.variable_scope("outer"):
        with tf.variable_scope("inner"):
            w = tf.get_variable("w", [1])
    with tf.variable_scope("outer", reuse=True):
        print(tf.get_variable_scope().reuse)
        with tf.variable_scope("inner"):  # reuse=None: inherits True
            print(tf.get_variable_scope().reuse, tf.get_variable("w") is w)
        with tf.variable_scope("inner", reuse=False):  # False inside a reusing scope stays True
            print(tf.get_variable_scope().reuse, tf.get_variable("w") is w)
    with tf.variable_scope("outer", reuse=tf.AUTO_REUSE):
        print(tf.get_variable_scope().reuse is tf.AUTO_REUSE)

# --- the two classic errors -------------------------------------------------------------------------------
with tf.Graph().as_default():
    # reuse=False (the default) and the name exists: "already exists".
    try:
        with tf.variable_scope("foo", reuse=False):
            v = tf.get_variable("v", [1], initializer=tf.constant_initializer(1.0))
            v1 = tf.get_variable("v", [1])
    except ValueError as error:
        print('ValueError:', first_line(error))
    # reuse=True and the name does not exist: "does not exist".
    try:
        with tf.variable_scope("bar", reuse=True):
            v1 = tf.get_variable("v", [1])
    except ValueError as error:
        print('ValueError:', first_line(error))
    # A variable made by tf.Variable cannot be shared: get_variable does not know it.
    with tf.variable_scope("baz"):
        tf.Variable([1.0], name="v")
    try:
        with tf.variable_scope("baz", reuse=True):
            tf.get_variable("v", [1])
    except ValueError as error:
        print('ValueError:', first_line(error))
    # Reusing with a different shape is an error too.
    try:
        with tf.variable_scope("foo", reuse=True):
            tf.get_variable("v", [2])
    except ValueError as error:
        print('ValueError:', first_line(error))
    print([v.name for v in tf.global_variables()])
