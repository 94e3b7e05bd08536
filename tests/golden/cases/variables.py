"""Golden cases for tf.Variable, the assign/scatter ops and the variable collections (issue 4, section 1)."""


def _ops(start=0):
    return ("[(o.name, o.type, [i.name for i in o.inputs], [c.name for c in o.control_inputs]) "
            f"for o in tf.get_default_graph().get_operations()[{start}:]]")


CASES = {
    "structure": f"""
w = tf.Variable([1., 2.], name="w")
out({_ops()})
out(w.name, w.op.name, w.op.type, w.dtype.name, str(w.shape), str(w.get_shape()), w.device)
out(w.initializer.name, w.initial_value.name, w.value().name, w.read_value().name, w._ref().name)
out(w.initializer.get_attr("use_locking"), w.initializer.get_attr("validate_shape"))
out(repr(w), str(w.op.get_attr("dtype").name), w._as_graph_element().name)
""",
    "names_and_scopes": """
a = tf.Variable(1.0)
b = tf.Variable(2, name="w")
c = tf.Variable(3.0, name="w")
with tf.name_scope("s"):
    d = tf.Variable(lambda: tf.ones([2]), name="v")
    e = tf.Variable(tf.zeros([3]), name="u")
    f = tf.Variable(1.0, name="v")
out(a.name, a.initial_value.name, b.name, b.dtype.name, c.name)
out(d.name, d.initial_value.name, d.initializer.name, d.value().name)
out(e.name, e.initial_value.name, f.name, f.read_value().name)
""",
    "dtype_argument": """
a = tf.Variable(1, dtype=tf.float64, name="a")
b = tf.Variable(lambda: [1, 2], dtype=tf.int64, name="b")
out(a.dtype.name, a.initial_value.dtype.name, b.dtype.name, b.initial_value.name)
""",
    "init_and_read": """
w = tf.Variable([1., 2.], name="w")
i = tf.Variable(7, name="i")
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run(w), sess.run(i), sess.run([w.value(), w.read_value(), w + 1.0]))
""",
    "uninitialized_read": """
w = tf.Variable([1., 2.], name="w")
with tf.Session() as sess:
    sess.run(w.value())
""",
    "uninitialized_scoped": """
with tf.variable_scope("scope") if hasattr(tf, "variable_scope") else tf.name_scope("scope"):
    u = tf.Variable(1.0, name="u")
with tf.Session() as sess:
    sess.run(u + 1.0)
""",
    "uninitialized_assign_add": """
w = tf.Variable([1., 2.], name="w")
with tf.Session() as sess:
    sess.run(w.assign_add([1., 1.]))
""",
    "assign_ops": f"""
w = tf.Variable([1., 2.], name="w")
a = w.assign([3., 4.])
b = w.assign_add([1., 1.])
c = w.assign_sub([1., 1.], read_value=False)
d = tf.assign(w, [5., 6.])
e = tf.assign_add(w, [1., 1.], name="inc")
out({_ops(4)})
out(a.name, a.dtype.name, str(a.shape), b.name, c.name, c.type, d.name, e.name)
out(a.op.get_attr("use_locking"), d.op.get_attr("use_locking"), b.op.get_attr("use_locking"))
with tf.Session() as sess:
    sess.run(w.initializer)
    out(sess.run(a), sess.run(b), sess.run(c), sess.run(w), sess.run(d), sess.run(e))
""",
    "assign_train_loop": """
step = tf.Variable(0, name="step")
inc = tf.assign_add(step, 1)
with tf.Session() as sess:
    sess.run(step.initializer)
    out([sess.run(inc) for _ in range(4)], sess.run(step))
""",
    "assign_control_dependencies": """
v = tf.Variable(1.0, name="v")
a = tf.assign(v, 10.0)
with tf.control_dependencies([a]):
    y = tf.identity(v)
    z = v.read_value()
with tf.Session() as sess:
    sess.run(v.initializer)
    out(sess.run([y, z]))
    sess.run(v.initializer)
    out(sess.run(z), sess.run(v))
""",
    "assign_shape_error": """
w = tf.Variable([1., 2.], name="w")
w.assign([1., 2., 3.])
""",
    "assign_add_rank_error": """
w = tf.Variable([1., 2.], name="w")
tf.assign_add(w, 1.)
""",
    "assign_dtype_error": """
w = tf.Variable([1., 2.], name="w")
w.assign(tf.constant([1, 2]))
""",
    "assign_python_dtype_error": """
i = tf.Variable([1, 2], name="i")
tf.assign(i, 1.5)
""",
    "assign_int_list_to_float": """
w = tf.Variable([1., 2.], name="w")
a = w.assign([3, 4])
out(a.name, [i.name for i in a.op.inputs], a.op.inputs[1].dtype.name)
""",
    "assign_validate_shape_false": """
w = tf.Variable([1., 2.], name="w")
a = tf.assign(w, [1., 2., 3.], validate_shape=False)
out(str(a.shape), a.op.get_attr("validate_shape"))
""",
    "validate_shape_false_variable": """
v = tf.Variable(tf.placeholder_with_default([1., 2.], [None]), validate_shape=False, name="v")
out(str(v.shape), str(v.value().shape))
""",
    "unknown_shape_error": """
tf.Variable(tf.placeholder(tf.float32, [None, 2]))
""",
    "no_initial_value": """
tf.Variable(None)
""",
    "bad_constraint": """
tf.Variable(1.0, constraint=3)
""",
    "bad_collections": """
tf.Variable(tf.zeros([2]), collections="abc")
""",
    "bad_name": """
tf.Variable(1.0, name="a b")
""",
    "dtype_conflict_python": """
tf.Variable(1.0, dtype=tf.int32)
""",
    "dtype_conflict_tensor": """
tf.Variable(tf.constant(1.0), dtype=tf.int32)
""",
    "expected_shape_ignored": """
out(str(tf.Variable(1.0, expected_shape=[3]).shape))
""",
    "collections": """
a = tf.Variable(1.0, name="a")
b = tf.Variable(2.0, name="b", trainable=False)
c = tf.Variable(3.0, name="c", collections=["mine"])
d = tf.Variable(4.0, name="d", collections=[tf.GraphKeys.LOCAL_VARIABLES], trainable=False)
e = tf.Variable(5.0, name="e", collections=[tf.GraphKeys.GLOBAL_VARIABLES, tf.GraphKeys.MODEL_VARIABLES])
names = lambda vs: [v.name for v in vs]
out(names(tf.global_variables()), names(tf.trainable_variables()), names(tf.local_variables()))
out(names(tf.get_collection("mine")), names(tf.model_variables()), names(tf.all_variables()))
out(names(tf.moving_average_variables()), names(tf.global_variables("a|b")), b.trainable, c.trainable)
""",
    "initializer_ops": """
w = tf.Variable(1.0, name="w")
v = tf.Variable(2.0, name="v")
l = tf.Variable(3.0, name="l", collections=[tf.GraphKeys.LOCAL_VARIABLES])
g = tf.global_variables_initializer()
g2 = tf.initialize_all_variables()
lo = tf.local_variables_initializer()
m = tf.variables_initializer([v], name="myinit")
e = tf.variables_initializer([])
iv = tf.initialize_variables([w])
for op in (g, g2, lo, m, e, iv):
    out(op.name, op.type, [c.name for c in op.control_inputs])
""",
    "is_variable_initialized": """
w = tf.Variable(1.0, name="w")
v = tf.Variable(2.0, name="v")
r = tf.is_variable_initialized(w)
out(r.name, r.dtype.name, str(r.shape), r.op.type)
with tf.Session() as sess:
    out(sess.run(r))
    sess.run(w.initializer)
    out(sess.run(r), sess.run(tf.is_variable_initialized(v)))
""",
    "assert_variables_initialized": """
w = tf.Variable([1., 2.], name="w")
v = tf.Variable(2.0, name="v")
a = tf.assert_variables_initialized()
b = tf.assert_variables_initialized([w])
out(a.name, a.op.type, [i.name for i in a.op.inputs], b.name, b.op.type, [i.name for i in b.op.inputs])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run(a))
""",
    "report_uninitialized_structure": """
w = tf.Variable(1.0, name="w")
v = tf.Variable(2.0, name="v")
r = tf.report_uninitialized_variables()
g = tf.get_default_graph()
out(r.name, r.dtype.name, str(r.shape))
out([o.name for o in g.get_operations() if o.type in ("IsVariableInitialized", "Pack", "LogicalNot")])
""",
    "report_uninitialized_values": """
w = tf.Variable(1.0, name="w")
v = tf.Variable(2.0, name="v")
r = tf.report_uninitialized_variables()
with tf.Session() as sess:
    out(sess.run(r))
    sess.run(w.initializer)
    out(sess.run(r))
    sess.run(v.initializer)
    out(sess.run(r))
""",
    "initialized_value": """
w = tf.Variable([1., 2.], name="w")
v2 = tf.Variable(w.initialized_value() * 2, name="v2")
v3 = tf.Variable(v2.initialized_value() + w.initialized_value(), name="v3")
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run([w, v2, v3]))
""",
    "initialized_value_names": """
w = tf.Variable([1., 2.], name="w")
out(w.initialized_value().name)
""",
    "scatter_ops": """
w = tf.Variable([1., 2., 3.], name="w")
u = tf.scatter_update(w, [0], [5.])
a = tf.scatter_add(w, [1, 2], [1., 1.])
s = tf.scatter_sub(w, [2], [10.])
m = tf.scatter_mul(w, [0], [2.])
d = tf.scatter_div(w, [0], [4.])
mx = tf.scatter_max(w, [1], [100.])
mn = tf.scatter_min(w, [1], [-1.])
out([t.name for t in (u, a, s, m, d, mx, mn)], u.dtype.name, u.op.get_attr("use_locking"),
    a.op.get_attr("use_locking"), [i.name for i in u.op.inputs])
with tf.Session() as sess:
    sess.run(w.initializer)
    out([sess.run(t) for t in (u, a, s, m, d, mx, mn)])
""",
    "scatter_method_type_error": """
w = tf.Variable([1., 2., 3.], name="w")
w.scatter_sub(tf.constant([5.]))
""",
    "scatter_shape_error": """
w = tf.Variable([1., 2.], name="w")
tf.scatter_update(w, [0], [5., 6.])
""",
    "scatter_indices_dtype_error": """
w = tf.Variable([1., 2.], name="w")
tf.scatter_update(w, [0.], [5.])
""",
    "count_up_to": """
i = tf.Variable(0, name="i")
c = i.count_up_to(3)
out(c.name, c.dtype.name, c.op.type)
with tf.Session() as sess:
    sess.run(i.initializer)
    out([sess.run(c) for _ in range(3)], sess.run(i))
""",
    "count_up_to_errors": """
w = tf.Variable([1., 2.], name="w")
w.count_up_to(3)
""",
    "load_and_eval": """
w = tf.Variable([1., 2.], name="w")
with tf.Session() as sess:
    sess.run(w.initializer)
    w.load([7., 8.], sess)
    out(sess.run(w), w.eval(session=sess))
    with sess.as_default():
        w.load([9., 10.])
        out(w.eval(), w.value().eval())
""",
    "eval_without_session": """
w = tf.Variable([1., 2.], name="w")
w.eval()
""",
    "feed_variable": """
w = tf.Variable([1., 2.], name="w")
y = w * 2.0
with tf.Session() as sess:
    out(sess.run(y, {w: [5., 6.]}))
""",
    "operators": """
w = tf.Variable([1., 2.], name="w")
x = tf.Variable(3, name="x")
exprs = [w + 1., 1. + w, w - 1., 2. - w, w * w, w / 2., -w, abs(w), w ** 2., w[0], w > 1., x // 2, x % 2]
out([(t.name, t.op.type) for t in exprs])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run(exprs))
""",
    "python_protocols": """
w = tf.Variable([1., 2.], name="w")
out(w == w, w != w, bool(w), w.graph is tf.get_default_graph(), w.trainable, w.constraint)
out(tf.convert_to_tensor(w).name, tf.identity(w).name, str(tf.convert_to_tensor(w).dtype.name))
""",
    "iterate_error": """
w = tf.Variable([1., 2.], name="w")
list(w)
""",
    "conversion_dtype_error": """
w = tf.Variable([1., 2.], name="w")
tf.convert_to_tensor(w, dtype=tf.int32)
""",
    "to_proto": """
w = tf.Variable([1., 2.], name="w")
p = w.to_proto()
out(p.variable_name, p.initializer_name, p.snapshot_name, p.initial_value_name, p.trainable, p.is_resource)
w2 = tf.Variable.from_proto(p)
out(w2.name, w2.initializer.name, w2.value().name, w2.initial_value.name)
""",
    "caching_device": """
v = tf.Variable(1.0, caching_device="/cpu:0", name="v")
out(v.value().device, v.value().name)
""",
    "resource_structure": f"""
w = tf.Variable([1., 2.], name="w", use_resource=True)
out({_ops()})
out(repr(w), w.name, w.dtype.name, str(w.shape), w.handle.name, w.handle.dtype.name)
out(w.initializer.name, w.initial_value.name, w._as_graph_element().name, type(w).__name__)
""",
    "resource_values": """
w = tf.Variable([1., 2.], name="w", use_resource=True)
a = w.assign([3., 4.])
b = w.assign_add([1., 1.])
c = w.assign_sub([1., 1.], read_value=False)
y = w + 1.0
out(c.name, c.type, y.name)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run(w), sess.run(a), sess.run(b), sess.run(c), sess.run([w, y]))
""",
    "resource_uninitialized": """
w = tf.Variable([1., 2.], name="w", use_resource=True)
with tf.Session() as sess:
    sess.run(w.value())
""",
    "resource_uninitialized_update": """
w = tf.Variable([1., 2.], name="w", use_resource=True)
with tf.Session() as sess:
    sess.run(w.assign_add([1., 1.]))
""",
    "resource_assign_shape_error": """
w = tf.Variable([1., 2.], name="w", use_resource=True)
w.assign([1., 2., 3.])
""",
    "resource_conversion_error": """
w = tf.Variable([1., 2.], name="w", use_resource=True)
tf.convert_to_tensor(w, dtype=tf.int32)
""",
    "enable_resource_variables": """
tf.enable_resource_variables()
try:
    w = tf.Variable(1.0, name="w")
    out(w.op.type, w.dtype.name)
finally:
    tf.disable_resource_variables()
v = tf.Variable(1.0, name="v")
out(v.op.type, v.dtype.name)
""",
    "count_up_to_limit": """
v = tf.Variable(0, name="v")
c = tf.count_up_to(v, 2)
sess = tf.Session()
sess.run(v.initializer)
out(sess.run(c), sess.run(c))
try:
    sess.run(c)
except tf.errors.OutOfRangeError as e:
    out("OutOfRangeError", [line for line in e.message.splitlines() if line.startswith("Reached")])
out(sess.run(v))
""",
}
