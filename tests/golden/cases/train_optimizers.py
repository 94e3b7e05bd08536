"""Golden cases for tf.train's optimizers (issue 5 section 3): slot and op names, update values over three
steps, learning rates as floats, Tensors, Variables and feeds, global_step, scopes, and TF's errors.

The `step_*` cases apply a hand-made gradient (2w - 1 for w, b*b for b) so they need no tf.gradients;
the `minimize_*` cases go through compute_gradients.
"""

_OPTIMIZERS = {
    "gd": "tf.train.GradientDescentOptimizer(0.1)",
    "gd_tensor_lr": "tf.train.GradientDescentOptimizer(tf.constant(0.1))",
    "momentum": "tf.train.MomentumOptimizer(0.1, 0.9)",
    "momentum_nesterov": "tf.train.MomentumOptimizer(0.1, 0.9, use_nesterov=True)",
    "adam": "tf.train.AdamOptimizer(0.1)",
    "adam_tensor_lr": "tf.train.AdamOptimizer(tf.constant(0.05), beta1=0.8, beta2=0.99, epsilon=1e-3)",
    "rmsprop": "tf.train.RMSPropOptimizer(0.1)",
    "rmsprop_momentum": "tf.train.RMSPropOptimizer(0.1, decay=0.8, momentum=0.5)",
    "rmsprop_centered": "tf.train.RMSPropOptimizer(0.1, momentum=0.5, centered=True)",
    "adagrad": "tf.train.AdagradOptimizer(0.1)",
    "adagrad_initial": "tf.train.AdagradOptimizer(0.2, initial_accumulator_value=1.0)",
    "adadelta": "tf.train.AdadeltaOptimizer(1.0)",
    "adadelta_rho": "tf.train.AdadeltaOptimizer(0.5, rho=0.9, epsilon=1e-6)",
    "ftrl": "tf.train.FtrlOptimizer(0.1)",
    "ftrl_l1_l2": "tf.train.FtrlOptimizer(0.3, l1_regularization_strength=0.05, l2_regularization_strength=0.1)",
    "ftrl_shrinkage": ("tf.train.FtrlOptimizer(0.3, l1_regularization_strength=0.01, "
                       "l2_shrinkage_regularization_strength=0.1)"),
    "ftrl_power": "tf.train.FtrlOptimizer(0.3, learning_rate_power=-0.7, initial_accumulator_value=0.5)",
    "ftrl_beta": "tf.train.FtrlOptimizer(0.3, l2_regularization_strength=0.1, beta=0.2)",
}

_STEP = """
w = tf.Variable([1.0, -2.0, 3.0], name="w")
b = tf.Variable(0.25, name="b")
opt = {opt}
train = opt.apply_gradients([(w * 2.0 - 1.0, w), (b * b, b)])
out(train.name, train.type, opt.get_name(), opt.get_slot_names(), [v.name for v in opt.variables()])
out([(o.name, o.type, [i.name for i in o.inputs]) for o in tf.get_default_graph().get_operations()
     if "update_" in o.name])
out([opt.get_slot(v, n).name for v in (w, b) for n in opt.get_slot_names()])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for _ in range(3):
        sess.run(train)
        out(*sess.run([w, b] + opt.variables()))
"""

CASES = {f"step_{name}": _STEP.format(opt=expr) for name, expr in _OPTIMIZERS.items()}

CASES.update({
    "step_adam_float64": """
w = tf.Variable(np.array([1.0, -2.0]), name="w")
opt = tf.train.AdamOptimizer(0.1)
train = opt.apply_gradients([(w * 2.0, w)])
out([(o.name, o.type) for o in tf.get_default_graph().get_operations() if o.name.startswith("Adam")])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for _ in range(3):
        sess.run(train)
    out(*sess.run([w] + opt.variables()))
""",
    "step_resource_variables": """
w = tf.Variable([1.0, -2.0], name="w", use_resource=True)
opt = tf.train.AdamOptimizer(0.1)
train = opt.apply_gradients([(w * 2.0, w)], global_step=tf.train.get_or_create_global_step())
out(train.name, train.type, [v.name for v in opt.variables()])
out([(o.name, o.type) for o in tf.get_default_graph().get_operations() if "update_" in o.name])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for _ in range(3):
        sess.run(train)
    out(*sess.run([w] + opt.variables()))
""",
    "lr_variable_and_feed": """
w = tf.Variable([1.0, -2.0], name="w")
lr = tf.Variable(0.1, name="lr")
fed = tf.placeholder(tf.float32, [], name="fed_lr")
t1 = tf.train.GradientDescentOptimizer(lr).apply_gradients([(w * 0.5, w)])
t2 = tf.train.MomentumOptimizer(fed, 0.5).apply_gradients([(w * 0.5 + 1.0, w)])
out([i.name for i in t1.control_inputs[0].inputs], [i.name for i in t2.control_inputs[0].inputs])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    sess.run(t1)
    sess.run(lr.assign(0.5))
    sess.run(t1)
    out(sess.run(w))
    for value in (0.1, 0.2, 0.3):
        sess.run(t2, {fed: value})
    out(sess.run(w))
""",
    "lr_callable_and_float64_tensor": """
w = tf.Variable([1.0, -2.0], name="w")
t1 = tf.train.GradientDescentOptimizer(lambda: 0.5).apply_gradients([(w * 1.0, w)])
t2 = tf.train.GradientDescentOptimizer(tf.constant(0.25, tf.float64)).apply_gradients([(w * 1.0, w)])
out([(o.name, o.type) for o in tf.get_default_graph().get_operations() if "GradientDescent" in o.name])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    sess.run(t1)
    sess.run(t2)
    out(sess.run(w))
""",
    "global_step": """
w = tf.Variable([1.0, -2.0], name="w")
gs = tf.train.get_or_create_global_step()
opt = tf.train.AdamOptimizer(0.1)
train = opt.apply_gradients([(w * 2.0, w)], global_step=gs)
out(train.name, train.type, [i.name for i in train.inputs], [c.name for c in train.control_inputs])
update = tf.get_default_graph().get_operation_by_name("Adam/update")
out(update.type, [c.name for c in update.control_inputs])
value = tf.get_default_graph().get_operation_by_name("Adam/value")
out(value.type, [c.name for c in value.control_inputs])
out([(o.name, [c.name for c in o.control_inputs]) for o in tf.get_default_graph().get_operations()
     if o.name.startswith("Adam/mul") or o.name.startswith("Adam/Assign")])
out([o.name for o in tf.get_collection(tf.GraphKeys.TRAIN_OP)])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out([sess.run(train) for _ in range(3)], sess.run(gs), sess.run(w))
""",
    "named_train_ops": """
w = tf.Variable([1.0, -2.0], name="w")
opt = tf.train.MomentumOptimizer(0.1, 0.9, name="Mom")
t1 = opt.apply_gradients([(w * 2.0, w)], name="first")
t2 = opt.apply_gradients([(w * 2.0, w)])
t3 = opt.apply_gradients([(w * 2.0, w)])
out(t1.name, t2.name, t3.name, [v.name for v in opt.variables()], opt.get_slot(w, "momentum").name)
out([o.name for o in tf.get_default_graph().get_operations() if o.type == "ApplyMomentum"])
out([o.name for o in tf.get_collection(tf.GraphKeys.TRAIN_OP)])
""",
    "two_optimizers_one_variable": """
w = tf.Variable([1.0, -2.0], name="w")
a1 = tf.train.AdamOptimizer(0.1)
a2 = tf.train.AdamOptimizer(0.2)
t1 = a1.apply_gradients([(w * 2.0, w)])
t2 = a2.apply_gradients([(w * 2.0, w)])
out(t1.name, t2.name, [v.name for v in a1.variables()], [v.name for v in a2.variables()])
""",
    "name_scope": """
w = tf.Variable([1.0, 2.0], name="w")
with tf.name_scope("train"):
    opt = tf.train.AdamOptimizer(0.1)
    t = opt.apply_gradients([(w * 2.0, w)])
out(t.name, [v.name for v in opt.variables()])
out([o.name for o in tf.get_default_graph().get_operations() if o.type in ("VariableV2", "ApplyAdam")])
""",
    "variable_scope": """
with tf.variable_scope("model"):
    w = tf.get_variable("w", [2], initializer=tf.ones_initializer())
with tf.variable_scope("opt"):
    opt = tf.train.AdamOptimizer(0.1)
    t = opt.apply_gradients([(w * 2.0, w)], name="train_op")
out(t.name, [v.name for v in opt.variables()])
opt2 = tf.train.RMSPropOptimizer(0.1, centered=True)
t2 = opt2.apply_gradients([(w * 2.0, w)])
out(t2.name, [v.name for v in opt2.variables()], [opt2.get_slot(w, n).name for n in opt2.get_slot_names()])
out([o.name for o in tf.get_default_graph().get_operations() if o.type.startswith("Apply")])
""",
    "slot_properties": """
w = tf.Variable([[1.0, 2.0]], name="w")
opt = tf.train.AdagradOptimizer(0.1)
t = opt.apply_gradients([(w * 2.0, w)])
s = opt.get_slot(w, "accumulator")
out(s.name, str(s.shape), s.dtype.name, s.trainable, s.op.colocation_groups())
out(opt.get_slot(w, "nope"), opt.get_slot(tf.Variable(1.0, name="other"), "accumulator"))
out([v.name for v in tf.trainable_variables()], [v.name for v in tf.global_variables()])
upd = tf.get_default_graph().get_operation_by_name("Adagrad/update_w/ApplyAdagrad")
out(upd.outputs[0].name, upd.outputs[0].dtype.name, str(upd.outputs[0].shape), upd.colocation_groups())
out(upd.get_attr("use_locking"), upd.get_attr("update_slots"), upd.get_attr("T").name)
""",
    "update_ops_before_apply": """
w = tf.Variable([1.0, -2.0], name="w")
counter = tf.Variable(0.0, name="counter")
tf.add_to_collection(tf.GraphKeys.UPDATE_OPS, tf.assign_add(counter, 1.0))
with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
    train = tf.train.MomentumOptimizer(0.1, 0.9).apply_gradients([(w * 2.0, w)])
out([c.name for c in train.control_inputs])
out([o.name for o in tf.get_default_graph().get_operations() if o.name.startswith("w/Momentum")])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for _ in range(3):
        sess.run(train)
    out(sess.run([w, counter]))
""",
    "use_locking_attr": """
w = tf.Variable([1.0, -2.0], name="w")
t = tf.train.GradientDescentOptimizer(0.1, use_locking=True, name="SGD").apply_gradients([(w * 2.0, w)])
upd = tf.get_default_graph().get_operation_by_name("SGD/update_w/ApplyGradientDescent")
out(t.name, upd.get_attr("use_locking"))
""",
    "error_no_variables_provided": """
tf.train.GradientDescentOptimizer(0.1).apply_gradients([])
""",
    "error_no_gradients_apply": """
w = tf.Variable([1.0, 2.0], name="w")
tf.train.GradientDescentOptimizer(0.1).apply_gradients([(None, w)])
""",
    "error_shape_mismatch": """
w = tf.Variable([1.0, 2.0], name="w")
tf.train.GradientDescentOptimizer(0.1).apply_gradients([(tf.constant([1.0, 2.0, 3.0]), w)])
""",
    "error_rank_mismatch_adam": """
w = tf.Variable([1.0, 2.0], name="w")
tf.train.AdamOptimizer(0.1).apply_gradients([(tf.constant([[1.0, 2.0]]), w)])
""",
    "error_scalar_gradient_momentum": """
w = tf.Variable([1.0, 2.0], name="w")
tf.train.MomentumOptimizer(0.1, 0.9).apply_gradients([(tf.constant(1.0), w)])
""",
    "error_learning_rate_not_scalar": """
w = tf.Variable([1.0, 2.0], name="w")
tf.train.GradientDescentOptimizer(tf.constant([0.1, 0.2])).apply_gradients([(tf.constant([0.5, 0.5]), w)])
""",
    "error_gradient_dtype": """
w = tf.Variable([1.0, 2.0], name="w")
tf.train.GradientDescentOptimizer(0.1).apply_gradients([(tf.constant([1.0, 2.0], tf.float64), w)])
""",
    "error_gradient_string": """
w = tf.Variable([1.0, 2.0], name="w")
tf.train.GradientDescentOptimizer(0.1).apply_gradients([("x", w)])
""",
    "error_not_a_variable": """
w = tf.constant([1.0, 2.0])
tf.train.GradientDescentOptimizer(0.1).apply_gradients([(tf.constant([1.0, 2.0]), w)])
""",
    "error_gate_gradients": """
w = tf.Variable([1.0, 2.0], name="w")
tf.train.GradientDescentOptimizer(0.1).minimize(tf.reduce_sum(w), gate_gradients=5)
""",
    "error_integer_loss": """
w = tf.Variable([1, 2], name="w")
tf.train.GradientDescentOptimizer(0.1).minimize(tf.reduce_sum(w))
""",
    "error_no_variables_to_optimize": """
tf.train.GradientDescentOptimizer(0.1).minimize(tf.constant(1.0))
""",
    "error_empty_var_list": """
w = tf.Variable([1.0, 2.0], name="w")
tf.train.AdamOptimizer(0.1).minimize(tf.reduce_sum(w), var_list=[])
""",
    "error_optimizer_arguments": """
for make in (lambda: tf.train.AdagradOptimizer(0.1, initial_accumulator_value=0.0),
             lambda: tf.train.FtrlOptimizer(0.1, l1_regularization_strength=-1.0),
             lambda: tf.train.FtrlOptimizer(0.1, learning_rate_power=0.5),
             lambda: tf.train.FtrlOptimizer(0.1, initial_accumulator_value=-0.5),
             lambda: tf.train.FtrlOptimizer(0.1, l2_shrinkage_regularization_strength=-0.5),
             lambda: tf.train.GradientDescentOptimizer(0.1, name="")):
    try:
        make()
        out("ok")
    except ValueError as e:
        out(str(e))
""",
    "minimize_gd_and_adam": """
w = tf.Variable([1.0, -2.0, 3.0], name="w")
b = tf.Variable(0.5, name="b")
x = tf.placeholder(tf.float32, [None, 3], name="x")
loss = tf.reduce_mean(tf.square(tf.reduce_sum(x * w, axis=1) + b - 1.0))
gs = tf.train.get_or_create_global_step()
t1 = tf.train.GradientDescentOptimizer(0.05).minimize(loss)
t2 = tf.train.AdamOptimizer(0.1).minimize(loss, global_step=gs)
out(t1.name, t1.type, t2.name, t2.type)
data = np.array([[1.0, 2.0, 0.5], [0.5, -1.0, 2.0]], np.float32)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for _ in range(3):
        out(sess.run([loss, t1], {x: data})[0])
    for _ in range(3):
        sess.run(t2, {x: data})
    out(sess.run([w, b, gs, loss], {x: data}))
""",
    "minimize_var_list_and_compute_gradients": """
w = tf.Variable([1.0, -2.0], name="w")
v = tf.Variable([3.0, 4.0], name="v")
loss = tf.reduce_sum(w * w) + 0.0 * tf.reduce_sum(v)
opt = tf.train.MomentumOptimizer(0.1, 0.9)
gv = opt.compute_gradients(tf.reduce_sum(w * w))
out([(g is None, var.name) for g, var in gv])
t = opt.minimize(loss, var_list=[w])
out([v2.name for v2 in opt.variables()])
gv2 = opt.compute_gradients(tf.reduce_sum(w * w), grad_loss=tf.constant(2.0))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run(gv2[0][0]))
    for _ in range(3):
        sess.run(t)
    out(sess.run([w, v]))
""",
    "compute_gradients_gate_graph_and_callable_loss": """
w = tf.Variable([1.0, -2.0], name="w")
opt = tf.train.GradientDescentOptimizer(0.1)
gv = opt.compute_gradients(tf.reduce_sum(w * w), gate_gradients=tf.train.Optimizer.GATE_GRAPH)
out(gv[0][0].name, gv[0][1].name, tf.train.Optimizer.GATE_NONE, tf.train.Optimizer.GATE_OP)
out(opt.compute_gradients(lambda: tf.reduce_sum(w * 3.0)))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run(gv[0][0]))
""",
    "minimize_no_gradients": """
w = tf.Variable([1.0, 2.0], name="w")
x = tf.constant(3.0)
tf.train.GradientDescentOptimizer(0.1).minimize(x * 2.0)
""",
    "minimize_update_ops": """
x = tf.placeholder(tf.float32, [2], name="x")
w = tf.Variable([1.0, -2.0], name="w")
mean = tf.Variable([0.0, 0.0], name="moving_mean", trainable=False)
tf.add_to_collection(tf.GraphKeys.UPDATE_OPS, tf.assign(mean, mean * 0.5 + x * 0.5))
loss = tf.reduce_sum(tf.square(w - x))
with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
    train = tf.train.GradientDescentOptimizer(0.25).minimize(loss)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for _ in range(3):
        sess.run(train, {x: [1.0, 1.0]})
    out(sess.run([w, mean]))
""",
})
