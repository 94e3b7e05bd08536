"""Lesson 2: tf.name_scope names ops, tf.variable_scope names variables (and ops).

From the seed tutorials "tensorflow的变量初始化和scope" (shared/seeds/000) and "tensorflow杂记" (002):
  - name_scope prefixes ops and tf.Variable, but get_variable ignores it;
  - variable_scope prefixes get_variable *and* opens a name_scope of the same name for ops;
  - re-entering a variable_scope gives its variables the same prefix, but its ops a new, uniquified one.
Only deterministic things are printed, so the output can be compared line for line with TensorFlow's.
"""
import tensorflow as tf

# --- Part 1: the seed's two programs, each in a fresh graph ----------------------------------------
with tf.Graph().as_default():
    with tf.name_scope("my_scope"):
        # get_variable ignores name_scope for its name
        v1 = tf.get_variable("var1", [1], dtype=tf.float32)
        v2 = tf.Variable(1, name="var2", dtype=tf.float32)
        a = tf.add(v1, v2)
    print(v1.name)  # var1:0
    print(v2.name)  # my_scope/var2:0
    print(a.name)   # my_scope/Add:0

with tf.Graph().as_default():
    with tf.variable_scope("my_scope"):
        v1 = tf.get_variable("var1", [1], dtype=tf.float32)
        v2 = tf.Variable(1, name="var2", dtype=tf.float32)
        a = tf.add(v1, v2)
    print(v1.name)  # my_scope/var1:0
    print(v2.name)  # my_scope/var2:0
    print(a.name)   # my_scope/Add:0

# --- Part 2: both kinds of scope in one graph -------------------------------------------------------
# Name scopes are unique per graph. A variable_scope named like an existing name scope still puts its
# variables under "my_scope/", but its ops go to the next free name scope, "my_scope_1/".
with tf.Graph().as_default():
    with tf.name_scope("my_scope"):
        x = tf.constant(1.0, name="x")
    with tf.variable_scope("my_scope"):
        w = tf.get_variable("w", [1])
        y = tf.multiply(x, w)
    print(x.name, w.name, y.name)

# --- Part 3: nesting ----------------------------------------------------------------------------------
# Inside variable_scope("outer"), a name_scope("inner") changes op names only.
with tf.Graph().as_default():
    with tf.variable_scope("outer") as outer:
        with tf.name_scope("inner"):
            w = tf.get_variable("w", [2])
            b = tf.Variable([0.0, 0.0], name="b")
            y = w * 2.0 + b
        with tf.variable_scope("deeper"):
            u = tf.get_variable("u", [2])
            z = tf.identity(u)
    print(w.name, b.name, y.name)
    print(u.name, z.name)
    # A VariableScope object knows its variable prefix (`name`) and the name scope it opened first.
    print(outer.name, outer.original_name_scope, tf.get_variable_scope().name == "")

# --- Part 4: re-entering a variable scope ----------------------------------------------------------
with tf.Graph().as_default():
    with tf.variable_scope("foo") as foo_scope:
        v = tf.get_variable("v", [1])
        op1 = tf.identity(v)
    # By name: the same variables ("foo/v"), a new name scope for ops ("foo_1/").
    with tf.variable_scope("foo", reuse=True):
        v_again = tf.get_variable("v")
        op2 = tf.identity(v_again)
    # By the captured scope object: again the same variables, and again a fresh name scope for ops.
    with tf.variable_scope(foo_scope, reuse=True):
        v_again2 = tf.get_variable("v")
        op3 = tf.identity(v_again2)
        inside = tf.get_variable_scope()
    # auxiliary_name_scope=False: the variable scope is entered without opening any name scope.
    with tf.variable_scope("foo", reuse=True, auxiliary_name_scope=False):
        op4 = tf.identity(v)
    print(v.name, v_again.name, v_again2.name, v is v_again, v is v_again2)
    print(op1.name, op2.name, op3.name, op4.name)
    print(inside.name, inside.original_name_scope)

# --- Part 5: scopes without a name -----------------------------------------------------------------
# default_name is used when name_or_scope is None, and is made unique like an op name.
with tf.Graph().as_default():
    with tf.variable_scope(None, default_name="layer") as s1:
        w1 = tf.get_variable("w", [1])
    with tf.variable_scope(None, default_name="layer") as s2:
        w2 = tf.get_variable("w", [1])
    print(s1.name, s2.name, w1.name, w2.name)
    # The empty name is the root scope: no prefix for variables or ops.
    with tf.variable_scope("") as root:
        w3 = tf.get_variable("w3", [1])
        c = tf.constant(0.0)
    print(repr(root.name), w3.name, c.name)
