"""Golden cases for the global step and tf.train's learning-rate schedules (issue 5 section 3): names,
dtypes and values at several steps (one compiled program fed several step values)."""


def _schedule(expr, steps="[0, 1, 5, 10, 15, 40, 100, 250]"):
    return f"""
step = tf.placeholder(tf.int64, [], name="step")
lr = {expr}
out(lr.name, lr.dtype.name, str(lr.shape))
with tf.Session() as sess:
    out([float(np.round(sess.run(lr, {{step: s}}), 7)) for s in {steps}])
"""


CASES = {
    "exponential": _schedule("tf.train.exponential_decay(0.1, step, 10, 0.9)"),
    "exponential_staircase": _schedule("tf.train.exponential_decay(0.1, step, 10, 0.5, staircase=True, "
                                       "name='foo')"),
    "exponential_tensor_lr": _schedule("tf.train.exponential_decay(tf.constant(0.2, tf.float64), step, 7, 0.8)"),
    "natural_exp": _schedule("tf.train.natural_exp_decay(0.1, step, 10, 0.5)"),
    "natural_exp_staircase": _schedule("tf.train.natural_exp_decay(0.1, step, 10, 0.5, staircase=True)"),
    "inverse_time": _schedule("tf.train.inverse_time_decay(0.1, step, 10, 0.5)"),
    "inverse_time_staircase": _schedule("tf.train.inverse_time_decay(0.1, step, 10, 0.5, staircase=True)"),
    "polynomial": _schedule("tf.train.polynomial_decay(0.1, step, 100, 0.01, power=0.5)"),
    "polynomial_linear": _schedule("tf.train.polynomial_decay(0.1, step, 100)"),
    "polynomial_cycle": _schedule("tf.train.polynomial_decay(0.1, step, 30, 0.01, power=2.0, cycle=True)"),
    "cosine": _schedule("tf.train.cosine_decay(0.1, step, 100, alpha=0.1)"),
    "cosine_no_alpha": _schedule("tf.train.cosine_decay(0.5, step, 40)"),
    "cosine_restarts": _schedule("tf.train.cosine_decay_restarts(0.1, step, 10)"),
    "cosine_restarts_constant_period": _schedule("tf.train.cosine_decay_restarts(0.1, step, 10, t_mul=1.0, "
                                                 "m_mul=0.5, alpha=0.1)"),
    "piecewise": _schedule("tf.train.piecewise_constant(step, [5, 10], [1.0, 0.5, 0.1])"),
    "piecewise_int32": """
x = tf.placeholder(tf.int32, [], name="x")
lr = tf.train.piecewise_constant(x, [2, 4, 6], [0.4, 0.3, 0.2, 0.1], name="pc")
out(lr.name, lr.dtype.name)
with tf.Session() as sess:
    out([float(np.round(sess.run(lr, {x: s}), 7)) for s in range(8)])
""",
    "piecewise_errors": """
x = tf.placeholder(tf.int32, [])
for make in (lambda: tf.train.piecewise_constant(x, [5, 6], [1.0, 0.5]),
             lambda: tf.train.piecewise_constant(x, [5.0], [1.0, 0.5]),
             lambda: tf.train.piecewise_constant(x, [5], [1.0, 2])):
    try:
        make()
    except ValueError as e:
        out(str(e))
""",
    "exponential_names": """
gs = tf.train.get_or_create_global_step()
lr = tf.train.exponential_decay(0.1, gs, 10, 0.9, staircase=True)
out([(o.name, o.type, [i.name for i in o.inputs]) for o in tf.get_default_graph().get_operations()[4:]])
""",
    "polynomial_and_cosine_names": """
gs = tf.train.get_or_create_global_step()
a = tf.train.polynomial_decay(0.1, gs, 100, 0.01, power=0.5, cycle=True)
b = tf.train.cosine_decay(0.1, gs, 100, alpha=0.1)
c = tf.train.inverse_time_decay(0.1, gs, 10, 0.5)
d = tf.train.natural_exp_decay(0.1, gs, 10, 0.5)
out(a.name, b.name, c.name, d.name)
out([(o.name, o.type, [i.name for i in o.inputs]) for o in tf.get_default_graph().get_operations()[4:]])
""",
    "schedule_drives_optimizer": """
gs = tf.train.get_or_create_global_step()
w = tf.Variable([1.0, -2.0], name="w")
lr = tf.train.exponential_decay(0.5, gs, 1, 0.5)
train = tf.train.GradientDescentOptimizer(lr).apply_gradients([(w * 1.0, w)], global_step=gs)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for _ in range(3):
        sess.run(train)
    out(sess.run([w, gs, lr]))
""",
    "schedule_errors": """
for make in (lambda: tf.train.exponential_decay(0.1, None, 10, 0.9),
             lambda: tf.train.cosine_decay(0.1, None, 10)):
    try:
        make()
    except ValueError as e:
        out(str(e))
""",
    "global_step_create": """
step = tf.train.get_or_create_global_step()
out(step.name, step.dtype.name, str(step.shape), step.trainable, step.op.type, step.initializer.name)
out(step is tf.train.get_global_step(), step is tf.train.get_or_create_global_step())
out([v.name for v in tf.get_collection(tf.GraphKeys.GLOBAL_STEP)], [v.name for v in tf.global_variables()],
    tf.trainable_variables())
out([o.name for o in tf.get_default_graph().get_operations()])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    sess.run(tf.assign_add(step, 3))
    out(tf.train.global_step(sess, step), type(tf.train.global_step(sess, step)).__name__)
""",
    "global_step_in_scopes": """
with tf.variable_scope("foo"):
    with tf.name_scope("bar"):
        g = tf.train.create_global_step()
out(g.name, tf.train.get_global_step().name)
""",
    "global_step_none": """
out(tf.train.get_global_step())
g = tf.Graph()
with g.as_default():
    tf.train.create_global_step()
out(tf.train.get_global_step(), tf.train.get_global_step(g).name)
""",
    "global_step_twice": """
tf.train.create_global_step()
tf.train.create_global_step()
""",
    "global_step_by_name": """
v = tf.Variable(0, name="global_step")
out(tf.train.get_global_step().name, tf.get_collection("global_step"))
""",
    "global_step_float": """
v = tf.Variable(0.0, name="global_step")
tf.train.get_global_step()
""",
    "global_step_not_scalar": """
v = tf.Variable([0, 1], name="global_step")
tf.train.get_global_step()
""",
    "global_step_multiple": """
tf.add_to_collection("global_step", tf.Variable(0, name="a"))
tf.add_to_collection("global_step", tf.Variable(0, name="b"))
out(tf.train.get_global_step())
""",
}
