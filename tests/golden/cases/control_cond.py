"""tf.cond / tf.case: result names and op types, branch op names, values, structure and pred errors."""
CASES = {
    "cond_names_values": """
x = tf.placeholder(tf.float32, [2], name="x")
p = tf.placeholder(tf.bool, [], name="p")
c = tf.constant(3.0, name="c")
def t():
    y = x + c
    out(y.name)
    return y
def f():
    z = x * 2.0
    out(z.name, z.op.type)
    return z
r = tf.cond(p, t, f)
out(r.name, r.op.type, str(r.shape), r.dtype.name)
with tf.Session() as sess:
    out(sess.run(r, {x: [1., 2.], p: True}), sess.run(r, {x: [1., 2.], p: False}))
""",
    "cond_nested_structures": """
x = tf.constant([1., 2.])
p = tf.constant(False)
r = tf.cond(p, lambda: (x, {"a": x + 1., "b": tf.constant(1)}), lambda: (x * 3., {"a": x - 1., "b": tf.constant(2)}))
out(r[0].name, r[1]["a"].name, r[1]["b"].name, ("Tensor" if isinstance(r, tf.Tensor) else type(r).__name__))
r2 = tf.cond(p, lambda: [x], lambda: [x * 2.])
out(("Tensor" if isinstance(r2, tf.Tensor) else type(r2).__name__), r2.name)
with tf.Session() as sess:
    out(sess.run(r), sess.run(r2))
""",
    "cond_second_names": """
x = tf.constant(2.0)
a = tf.cond(x > 1.0, lambda: x + 1.0, lambda: x - 1.0)
b = tf.cond(x > 1.0, lambda: x + 1.0, lambda: x - 1.0, name="mine")
with tf.name_scope("outer"):
    c = tf.cond(x > 1.0, lambda: tf.identity(x), lambda: tf.square(x))
out(a.name, b.name, c.name)
with tf.Session() as sess:
    out(sess.run([a, b, c]))
""",
    "cond_shapes_merge": """
p = tf.placeholder(tf.bool, [])
a = tf.placeholder(tf.float32, [2, 3])
b = tf.placeholder(tf.float32, [2, None])
r = tf.cond(p, lambda: a, lambda: b)
out(str(r.shape))
c = tf.placeholder(tf.float32, [4])
r2 = tf.cond(p, lambda: a, lambda: c)
out(str(r2.shape))
""",
    "cond_different_structure": """
x = tf.constant(1.0)
tf.cond(tf.constant(True), lambda: (x, x), lambda: x)
""",
    "cond_different_length": """
x = tf.constant(1.0)
tf.cond(tf.constant(True), lambda: [x, x], lambda: [x])
""",
    "cond_different_dtype": """
x = tf.constant(1.0)
tf.cond(tf.constant(True), lambda: x, lambda: tf.constant(1))
""",
    "cond_pred_not_bool": """
x = tf.constant(1.0)
tf.cond(tf.constant(1), lambda: x, lambda: x)
""",
    "cond_pred_not_scalar": """
x = tf.constant(1.0)
tf.cond(tf.constant([True, False]), lambda: x, lambda: x)
""",
    "cond_pred_python_bool": """
x = tf.constant(1.0)
r = tf.cond(True, lambda: x + 1., lambda: x - 1.)
out(r.name, r.op.type)
with tf.Session() as sess:
    out(sess.run(r))
""",
    "cond_true_fn_not_callable": """
x = tf.constant(1.0)
tf.cond(tf.constant(True), x, lambda: x)
""",
    "cond_false_fn_not_callable": """
x = tf.constant(1.0)
tf.cond(tf.constant(True), lambda: x, 3)
""",
    "cond_missing_false_fn": """
x = tf.constant(1.0)
tf.cond(tf.constant(True), lambda: x)
""",
    "cond_fn1_fn2": """
x = tf.constant(1.0)
r = tf.cond(tf.constant(False), fn1=lambda: x + 1., fn2=lambda: x + 2.)
with tf.Session() as sess:
    out(r.name, sess.run(r))
""",
    "cond_fn1_and_true_fn": """
x = tf.constant(1.0)
tf.cond(tf.constant(False), true_fn=lambda: x, fn1=lambda: x, false_fn=lambda: x)
""",
    "cond_branch_returns_none": """
x = tf.constant(1.0)
tf.cond(tf.constant(True), lambda: None, lambda: None)
""",
    "cond_branch_returns_op": """
v = tf.Variable(1.0, name="v")
r = tf.cond(tf.constant(True), lambda: tf.assign(v, 5.0).op, lambda: tf.no_op())
out(r.name, r.op.type)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run(r), sess.run(v))
""",
    "cond_strict_singleton": """
x = tf.constant(1.0)
r = tf.cond(tf.constant(True), lambda: [x], lambda: [x + 1.], strict=True)
r2 = tf.cond(tf.constant(True), lambda: [x], lambda: [x + 1.])
out(("Tensor" if isinstance(r, tf.Tensor) else type(r).__name__), ("Tensor" if isinstance(r2, tf.Tensor) else type(r2).__name__))
""",
    "cond_reads_variable": """
v = tf.Variable([1., 2.], name="v")
p = tf.placeholder(tf.bool, [])
r = tf.cond(p, lambda: v * 2., lambda: v + 0.5)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run(r, {p: True}), sess.run(r, {p: False}))
""",
    "cond_assigns_variable": """
v = tf.Variable(1.0, name="v")
p = tf.placeholder(tf.bool, [])
r = tf.cond(p, lambda: tf.assign_add(v, 10.0), lambda: tf.identity(v))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run(r, {p: True}), sess.run(r, {p: False}), sess.run(v))
    out(sess.run(r, {p: True}), sess.run(v))
""",
    "cond_control_dependency_in_branch": """
v = tf.Variable(0.0, name="v")
p = tf.placeholder(tf.bool, [])
def t():
    with tf.control_dependencies([tf.assign_add(v, 1.0)]):
        return tf.constant(1.0)
r = tf.cond(p, t, lambda: tf.constant(0.0))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    sess.run(r, {p: True}); sess.run(r, {p: False}); sess.run(r, {p: True})
    out(sess.run(v))
""",
    "cond_nested": """
x = tf.placeholder(tf.float32, [])
r = tf.cond(x > 0., lambda: tf.cond(x > 10., lambda: x * 100., lambda: x * 10.), lambda: -x)
out(r.name)
with tf.Session() as sess:
    out([sess.run(r, {x: v}) for v in (20., 2., -3.)])
""",
    "cond_in_outer_control_deps": """
v = tf.Variable(0.0, name="v")
inc = tf.assign_add(v, 1.0)
with tf.control_dependencies([inc]):
    r = tf.cond(tf.constant(True), lambda: tf.constant(1.0), lambda: tf.constant(2.0))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    sess.run(r); sess.run(r)
    out(sess.run(v))
""",
    "case_basic": """
x = tf.placeholder(tf.int32, [])
r = tf.case([(tf.equal(x, 1), lambda: tf.constant(10)), (tf.equal(x, 2), lambda: tf.constant(20))],
            default=lambda: tf.constant(-1))
out(r.name, r.op.type)
with tf.Session() as sess:
    out([sess.run(r, {x: v}) for v in (1, 2, 3)])
""",
    "case_dict_exclusive": """
x = tf.placeholder(tf.int32, [])
r = tf.case({tf.less(x, 5): lambda: tf.constant(1), tf.less(x, 10): lambda: tf.constant(2)},
            default=lambda: tf.constant(3), exclusive=False)
with tf.Session() as sess:
    out([sess.run(r, {x: v}) for v in (1, 7, 12)])
""",
    "case_exclusive_violation": """
x = tf.placeholder(tf.int32, [])
r = tf.case([(tf.less(x, 5), lambda: tf.constant(1)), (tf.less(x, 10), lambda: tf.constant(2))],
            default=lambda: tf.constant(3), exclusive=True)
with tf.Session() as sess:
    out(sess.run(r, {x: 12}))
    out(sess.run(r, {x: 1}))
""",
    "case_no_default": """
x = tf.placeholder(tf.int32, [])
r = tf.case([(tf.less(x, 5), lambda: tf.constant(1)), (tf.less(x, 10), lambda: tf.constant(2))])
out(r.name)
with tf.Session() as sess:
    out([sess.run(r, {x: v}) for v in (1, 7, 12)])
""",
    "case_bad_pairs": """
tf.case([(tf.constant(True), tf.constant(1))], default=lambda: tf.constant(2))
""",
    "case_not_list": """
tf.case(3, default=lambda: tf.constant(2))
""",
    "case_single_pair_structures": """
x = tf.constant(1.0)
r = tf.case([(tf.constant(False), lambda: (x, x + 1.))], default=lambda: (x * 5., x * 6.))
with tf.Session() as sess:
    out(("Tensor" if isinstance(r, tf.Tensor) else type(r).__name__), sess.run(r))
""",
    "cond_read_after_assign_in_branch": """
v = tf.Variable(1.0, name="v")
p = tf.placeholder(tf.bool, [])
def true_fn():
    with tf.control_dependencies([tf.assign_add(v, 1.0)]):
        return v.read_value(), tf.identity(v._ref())
r = tf.cond(p, true_fn, lambda: (tf.constant(-1.0), tf.constant(-2.0)))
with tf.Session() as sess:
    sess.run(v.initializer)
    out(sess.run(r, {p: True}), sess.run(v))
    out(sess.run(r, {p: False}), sess.run(v))
""",
    "cond_grad_uses_forward_variable_values": """
v = tf.Variable(1.0, name="v")
x = tf.constant(3.0)
p = tf.placeholder(tf.bool, [])
def true_fn():
    with tf.control_dependencies([tf.assign_add(v, 1.0)]):
        return x * (v + 0.0)
r = tf.cond(p, true_fn, lambda: x)
g = tf.gradients(r, x)
with tf.Session() as sess:
    sess.run(v.initializer)
    out(sess.run([r, g], {p: True}), sess.run(v))
    out(sess.run([r, g], {p: False}), sess.run(v))
    out(sess.run([r, g], {p: True}), sess.run(v))
""",
}
