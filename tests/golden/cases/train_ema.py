"""Golden cases for tf.train.ExponentialMovingAverage and assign_moving_average (issue 5 section 3).

assign_moving_average is not public in tf.compat.v1: the snippets import it from each library's module.
"""
_IMPORT = """
if tf.__name__.startswith("scopeflow"):
    from scopeflow.train.moving_averages import assign_moving_average
else:   # the reference, while recording
    from tensorflow.python.training.moving_averages import assign_moving_average
"""

CASES = {
    "apply_variable_and_tensor": """
w = tf.Variable([1.0, 2.0], name="w")
x = tf.placeholder(tf.float32, [], name="x")
ema = tf.train.ExponentialMovingAverage(0.9)
up = ema.apply([w, x])
out(up.name, up.type, ema.name, [c.name for c in up.control_inputs])
out(ema.average(w).name, ema.average(x).name, ema.average_name(w), ema.average_name(x))
out(ema.average(w).trainable, str(ema.average(x).shape), ema.average(w).op.colocation_groups())
out([v.name for v in tf.moving_average_variables()], [v.name for v in tf.global_variables()],
    [v.name for v in tf.trainable_variables()])
out([(o.name, o.type, [i.name for i in o.inputs]) for o in tf.get_default_graph().get_operations()
     if o.name.startswith("ExponentialMovingAverage")])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run([ema.average(w), ema.average(x)]))
    for i in range(3):
        sess.run(w.assign(w * 2.0))
        sess.run(up, {x: float(i + 1)})
        out(sess.run([ema.average(w), ema.average(x)]))
""",
    "num_updates_and_name": """
gs = tf.train.get_or_create_global_step()
w = tf.Variable([1.0, 2.0], name="w")
ema = tf.train.ExponentialMovingAverage(0.99, num_updates=gs, name="EMA")
up = ema.apply([w])
out(up.name, ema.average(w).name)
out([(o.name, o.type, [i.name for i in o.inputs]) for o in tf.get_default_graph().get_operations()
     if o.name.startswith("EMA")])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i in range(3):
        sess.run(w.assign_add([1.0, 1.0]))
        sess.run(up)
        sess.run(gs.assign_add(5))
        out(sess.run(ema.average(w)))
""",
    "zero_debias_tensor": """
x = tf.placeholder(tf.float32, [2], name="x")
ema = tf.train.ExponentialMovingAverage(0.8, zero_debias=True)
up = ema.apply([x])
out(ema.average(x).name, sorted(v.name for v in tf.global_variables()))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i in range(3):
        sess.run(up, {x: [1.0 + i, 2.0 * i]})
        out(sess.run(ema.average(x)))
""",
    "apply_default_and_twice": """
w = tf.Variable(1.0, name="w")
v = tf.Variable(2.0, name="v", trainable=False)
ema = tf.train.ExponentialMovingAverage(0.5)
a = ema.apply()
b = ema.apply([w])
out(a.name, b.name, ema.average(w).name, ema.average(v), ema.average_name(v))
out([x.name for x in tf.global_variables()])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    sess.run(w.assign(3.0))
    sess.run(a)
    sess.run(b)
    out(sess.run(ema.average(w)))
""",
    "variables_to_restore": """
w = tf.Variable(1.0, name="w")
v = tf.Variable(2.0, name="v", trainable=False)
u = tf.Variable(3.0, name="u", trainable=False)
ema = tf.train.ExponentialMovingAverage(0.5)
ema.apply([w, u])
out(sorted((k, val.name) for k, val in ema.variables_to_restore().items()))
out(sorted((k, val.name) for k, val in ema.variables_to_restore([v]).items()))
""",
    "average_name_before_apply": """
with tf.name_scope("ns"):
    w = tf.Variable(1.0, name="w")
ema = tf.train.ExponentialMovingAverage(0.5, name="avg")
out(ema.average_name(w), ema.average(w))
ema.apply([w])
out(ema.average_name(w), ema.average(w).name)
""",
    "apply_in_variable_scope": """
with tf.variable_scope("model"):
    w = tf.get_variable("w", [2], initializer=tf.ones_initializer())
with tf.variable_scope("outer"):
    ema = tf.train.ExponentialMovingAverage(0.5)
    up = ema.apply([w])
out(up.name, ema.average(w).name, ema.average_name(w))
""",
    "error_integer_variable": """
tf.train.ExponentialMovingAverage(0.9).apply([tf.Variable(1, name="i")])
""",
    "average_not_applied": """
out(tf.train.ExponentialMovingAverage(0.9).average(tf.Variable(1.0)))
""",
    "assign_moving_average_debiased": _IMPORT + """
v = tf.Variable([1.0, 2.0], name="v")
value = tf.placeholder(tf.float32, [2], name="value")
r = assign_moving_average(v, value, 0.9)
out(r.name, r.op.type, sorted(x.name for x in tf.global_variables()))
out([(o.name, o.type, [i.name for i in o.inputs]) for o in tf.get_default_graph().get_operations()
     if o.name.startswith("AssignMovingAvg")])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i in range(3):
        out(sess.run(r, {value: [3.0 + i, 4.0 - i]}))
""",
    "assign_moving_average_plain": _IMPORT + """
v = tf.Variable([1.0, 2.0], name="v")
r = assign_moving_average(v, tf.constant([3.0, 4.0]), 0.75, zero_debias=False, name="ma")
out(r.name, r.op.type, [(o.name, o.type) for o in tf.get_default_graph().get_operations()[4:]])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out([sess.run(r) for _ in range(3)])
""",
}
