"""Lesson 1: tf.Variable vs tf.get_variable, and what tf.name_scope does to each.

The first two programs of the seed tutorial "Tensorflow共享变量机制理解与应用" (shared/seeds/001), plus
the graph a variable leaves behind. Run: `scopeflow run examples/variables/01_variable_vs_get_variable.py`.
Only deterministic things are printed (names, shapes, dtypes, exact values, error lines), so the output
can be compared line for line with TensorFlow's.
"""
import os

import numpy as np
import tensorflow as tf

# --- Part 1: under a name_scope -------------------------------------------------------------------
# tf.get_variable ignores name_scope: its name comes from the *variable* scope only (here the root).
# tf.Variable behaves like any op: it is prefixed by the name_scope, and a clash is resolved by adding
# "_1", "_2", ... to the new name instead of raising.
with tf.name_scope('name_scope_x'):
    var1 = tf.get_variable(name='var1', shape=[1], dtype=tf.float32)
    var3 = tf.Variable(name='var2', initial_value=[2], dtype=tf.float32)
    var4 = tf.Variable(name='var2', initial_value=[2], dtype=tf.float32)

print(var1.name)  # var1:0             <- no 'name_scope_x/' prefix
print(var3.name)  # name_scope_x/var2:0
print(var4.name)  # name_scope_x/var2_1:0  <- renamed to avoid the clash

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    # var1 has no initializer, so get_variable uses glorot_uniform: random, so we print only its shape
    # and that it lies in glorot's bound sqrt(6 / (fan_in + fan_out)) = sqrt(6 / 2) for shape [1].
    value1 = sess.run(var1)
    print(var1.name, value1.shape, value1.dtype, bool(np.all(np.abs(value1) <= np.sqrt(3.0))))
    print(var3.name, sess.run(var3))
    print(var4.name, sess.run(var4))

# --- Part 2: what a variable is in the graph -------------------------------------------------------
# A TF1 (ref) variable is a `VariableV2` op named after the variable; its initializer is the `Assign`
# op `<name>/Assign`, and other ops read it through the Identity `<name>/read`. With get_variable, the
# initial value is built under `<name>/Initializer/`; with tf.Variable it is the constant
# `<name>/initial_value`.
for v in (var1, var3):
    print(v.op.name, v.op.type, v.dtype.name, v.shape)
    print('  initializer:', v.initializer.name, v.initializer.type)
    print('  initial value:', v.initial_value.name)
    print('  read by consumers as:', v.value().name)

# --- Part 3: the same name twice with get_variable -------------------------------------------------
# get_variable never renames. Asking for an existing name without reuse is an error, and TF points at
# the line of *your* program where the variable was first created ("Originally defined at:").
with tf.Graph().as_default():
    with tf.name_scope('name_scope_1'):
        var1 = tf.get_variable(name='var1', shape=[1], dtype=tf.float32)
        try:
            var2 = tf.get_variable(name='var1', shape=[1], dtype=tf.float32)
        except ValueError as error:
            message = str(error)
            print('ValueError:', message.splitlines()[0])
            # The first frame listed after "Originally defined at:" is the line above that created var1.
            frames = [line.strip() for line in message.splitlines() if __file__ in line]
            print(frames[0].replace(__file__, os.path.basename(__file__)))
    # The failed call added nothing: the graph still holds only var1.
    print([v.name for v in tf.global_variables()])
