"""tf.while_loop: result and body-argument names, nests, maximum_iterations, shape invariants, errors."""
CASES = {
    "while_names_values": """
x = tf.placeholder(tf.float32, [2], name="x")
def cond(i, v):
    out("cond", i.name, i.op.type, v.name)
    return i < 3
def body(i, v):
    out("body", i.name, i.op.type, v.name)
    a = i + 1
    m = v * 2.0
    out(a.name, m.name)
    return a, m
r = tf.while_loop(cond, body, [tf.constant(0), x])
out(("Tensor" if isinstance(r, tf.Tensor) else type(r).__name__), [t.name for t in r], r[0].op.type, [str(t.shape) for t in r])
with tf.Session() as sess:
    out(sess.run(r, {x: [1., 2.]}))
""",
    "while_maximum_iterations": """
x = tf.placeholder(tf.float32, [2], name="x")
def cond(i, v):
    out("cond", i.name, (i < 100).name)
    return i < 100
def body(i, v):
    out("body", i.name, v.name, (i + 1).name)
    return [i + 1, v * 2.0]
r = tf.while_loop(cond, body, [tf.constant(0), x], maximum_iterations=4)
out([t.name for t in r])
with tf.Session() as sess:
    out(sess.run(r, {x: [1., 2.]}))
""",
    "while_maximum_iterations_tensor": """
n = tf.placeholder(tf.int32, [])
r = tf.while_loop(lambda i: i < 100, lambda i: i + 2, [tf.constant(0)], maximum_iterations=n)
with tf.Session() as sess:
    out(r.name, sess.run(r, {n: 5}), sess.run(r, {n: 0}))
""",
    "while_single_var_structures": """
i0 = tf.constant(0)
r1 = tf.while_loop(lambda i: i < 3, lambda i: i + 1, [i0])
r2 = tf.while_loop(lambda i: i < 3, lambda i: [i + 1], [i0])
r3 = tf.while_loop(lambda i: i < 3, lambda i: [i + 1], [i0], return_same_structure=True)
r4 = tf.while_loop(lambda i: i < 3, lambda i: i + 1, (i0,))
out(("Tensor" if isinstance(r1, tf.Tensor) else type(r1).__name__), ("Tensor" if isinstance(r2, tf.Tensor) else type(r2).__name__), ("Tensor" if isinstance(r3, tf.Tensor) else type(r3).__name__), ("Tensor" if isinstance(r4, tf.Tensor) else type(r4).__name__))
with tf.Session() as sess:
    out(sess.run([r1, r2, r3, r4]))
""",
    "while_nested_loop_vars": """
x = tf.constant([1., 2.])
def body(a):
    i, (u, d) = a
    return ((i + 1, (u + 1., {"k": d["k"] * 2})),)
r = tf.while_loop(lambda a: a[0] < 3, body, [(tf.constant(0), (x, {"k": tf.constant(1)}))])
out(("Tensor" if isinstance(r, tf.Tensor) else type(r).__name__), r[0][0].name, r[0][1][0].name, r[0][1][1]["k"].name)
with tf.Session() as sess:
    out(sess.run(r))
""",
    "while_dict_loop_vars": """
r = tf.while_loop(lambda d: d["a"] < 5, lambda d: {"a": d["a"] + 2, "b": d["b"] * 3}, {"a": tf.constant(0), "b": tf.constant(1.)})
out(("Tensor" if isinstance(r, tf.Tensor) else type(r).__name__), sorted(r), r["a"].name, r["b"].name)
with tf.Session() as sess:
    out(sess.run(r))
""",
    "while_python_number_loop_vars": """
r = tf.while_loop(lambda i, s: i < 4, lambda i, s: (i + 1, s + tf.cast(i, tf.float32)), [0, 0.])
out([t.name for t in r], [t.dtype.name for t in r])
with tf.Session() as sess:
    out(sess.run(r))
""",
    "while_shape_changes_error": """
x = tf.constant([1., 2.])
tf.while_loop(lambda i, v: i < 3, lambda i, v: (i + 1, tf.concat([v, v], 0)), [tf.constant(0), x])
""",
    "while_shape_invariants": """
x = tf.constant([1., 2.])
r = tf.while_loop(lambda i, v: i < 3, lambda i, v: (i + 1, v * 2.), [tf.constant(0), x],
                  shape_invariants=[tf.TensorShape([]), tf.TensorShape([None])])
out(str(r[1].shape))
with tf.Session() as sess:
    out(sess.run(r))
""",
    "while_shape_invariant_incompatible": """
x = tf.constant([1., 2.])
tf.while_loop(lambda i, v: i < 3, lambda i, v: (i + 1, v), [tf.constant(0), x],
              shape_invariants=[tf.TensorShape([]), tf.TensorShape([3])])
""",
    "while_unknown_shape_in": """
x = tf.placeholder(tf.float32, [None, 2])
r = tf.while_loop(lambda i, v: i < 2, lambda i, v: (i + 1, v + 1.), [tf.constant(0), x])
out(str(r[1].shape))
with tf.Session() as sess:
    out(sess.run(r, {x: np.ones((3, 2), np.float32)}))
""",
        "while_structure_mismatch": """
tf.while_loop(lambda i, j: i < 3, lambda i, j: (i + 1,), [tf.constant(0), tf.constant(1)])
""",
    "while_cond_not_callable": """
tf.while_loop(3, lambda i: i, [tf.constant(0)])
""",
    "while_body_not_callable": """
tf.while_loop(lambda i: i < 3, 3, [tf.constant(0)])
""",
    "while_empty_loop_vars": """
tf.while_loop(lambda: True, lambda: (), [])
""",
    "while_cond_not_bool": """
tf.while_loop(lambda i: i, lambda i: i + 1, [tf.constant(0)])
""",
    "while_reads_variable": """
v = tf.Variable(3.0, name="v")
r = tf.while_loop(lambda i, s: i < 4, lambda i, s: (i + 1, s + v), [tf.constant(0), tf.constant(0.)])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run(r))
""",
    "while_assigns_variable": """
v = tf.Variable(0.0, name="v")
def body(i):
    with tf.control_dependencies([tf.assign_add(v, 2.0)]):
        return i + 1
r = tf.while_loop(lambda i: i < 5, body, [tf.constant(0)])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run(r), sess.run(v))
""",
    "while_nested_loops": """
def outer_body(i, acc):
    j = tf.while_loop(lambda j, s: j < i, lambda j, s: (j + 1, s + j), [tf.constant(0), tf.constant(0)])
    out(j[1].name)
    return i + 1, acc + j[1]
r = tf.while_loop(lambda i, acc: i < 5, outer_body, [tf.constant(0), tf.constant(0)])
with tf.Session() as sess:
    out(sess.run(r))
""",
    "while_with_cond_inside": """
def body(i, s):
    s2 = tf.cond(tf.equal(i % 2, 0), lambda: s + i, lambda: s - i)
    out(s2.name)
    return i + 1, s2
r = tf.while_loop(lambda i, s: i < 6, body, [tf.constant(0), tf.constant(0)])
with tf.Session() as sess:
    out(sess.run(r))
""",
    "while_captures_placeholder": """
x = tf.placeholder(tf.float32, [2])
n = tf.placeholder(tf.int32, [])
r = tf.while_loop(lambda i, v: i < n, lambda i, v: (i + 1, v + x), [tf.constant(0), tf.zeros([2])])
with tf.Session() as sess:
    out(sess.run(r, {x: [1., 2.], n: 3}), sess.run(r, {x: [0.5, 0.5], n: 0}))
""",
    "while_named": """
with tf.name_scope("s"):
    r = tf.while_loop(lambda i: i < 3, lambda i: i + 1, [tf.constant(0)], name="loop")
r2 = tf.while_loop(lambda i: i < 3, lambda i: tf.identity(i + 1), [tf.constant(0)])
out(r.name, r2.name, r2.op.inputs[0].op.name if False else "")
""",
    "while_body_identity_names": """
def body(i):
    j = tf.identity(i)
    out(j.name)
    return j + 1
r = tf.while_loop(lambda i: i < 3, body, [tf.constant(0)], maximum_iterations=10)
out(r.name)
""",
    "while_parallel_back_prop_swap": """
r = tf.while_loop(lambda i: i < 3, lambda i: i + 1, [tf.constant(0)], parallel_iterations=1, back_prop=False,
                  swap_memory=True)
with tf.Session() as sess:
    out(sess.run(r))
""",
    # gradients through loops whose trip count is known only at run time (control_flow_while_grad.py)
    "while_grad_data_dependent_trip_count": """
x = tf.placeholder(tf.float32, [])
_, z = tf.while_loop(lambda i, v: v < 50., lambda i, v: (i + 1, v * x), [tf.constant(0), x])
g = tf.gradients(z, x)[0]
out(g.dtype.name, str(g.shape))
with tf.Session() as sess:
    out(sess.run([z, g], {x: 2.}), sess.run([z, g], {x: 3.}), sess.run([z, g], {x: 60.}))
""",
    "while_grad_placeholder_trip_count": """
x = tf.placeholder(tf.float32, [2])
n = tf.placeholder(tf.int32, [])
a0 = tf.constant([1., -1.])
_, a = tf.while_loop(lambda i, a: i < n, lambda i, a: (i + 1, a * x + 1.), [tf.constant(0), a0])
g = tf.gradients(tf.reduce_sum(a * a), [x, a0])
with tf.Session() as sess:
    for k in (0, 1, 4):
        out(k, sess.run([a, g], {x: [0.5, 2.], n: k}))
""",
    "while_grad_nested_tuple_loop_vars": """
x = tf.constant([1., 2.])
y = tf.constant(3.)
def body(i, pair):
    u, (v, w) = pair
    return i + 1, (u * y + v, (tf.sin(v) * w, w + u[0]))
_, (u, (v, w)) = tf.while_loop(lambda i, p: i < 3, body, [tf.constant(0), (x, (tf.constant([0.5, 0.25]), y))])
g = tf.gradients(tf.reduce_sum(u) + tf.reduce_sum(v * v) + w, [x, y])
with tf.Session() as sess:
    out(sess.run([u, v, w]), sess.run(g))
""",
    "while_grad_reads_variable": """
w = tf.Variable([[0.5, -0.2], [0.1, 0.3]], name="w")
x = tf.placeholder(tf.float32, [1, 2])
n = tf.placeholder(tf.int32, [])
_, h = tf.while_loop(lambda i, h: i < n, lambda i, h: (i + 1, tf.tanh(tf.matmul(h, w))), [tf.constant(0), x])
g = tf.gradients(tf.reduce_sum(h), [w, x])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run(g, {x: [[1., 2.]], n: 5}), sess.run(g, {x: [[1., 2.]], n: 0}))
""",
    "while_grad_zero_iterations": """
x = tf.constant(2.)
v0 = tf.constant(3.)
_, z = tf.while_loop(lambda i, v: i < 0, lambda i, v: (i + 1, v * x), [tf.constant(0), v0])
g = tf.gradients(z, [x, v0])
out([t is None for t in g])
with tf.Session() as sess:
    out(sess.run([z] + [t for t in g if t is not None]))
""",
    "while_grad_dynamic_maximum_iterations": """
x = tf.placeholder(tf.float32, [])
m = tf.placeholder(tf.int32, [])
_, z = tf.while_loop(lambda i, v: i < 10, lambda i, v: (i + 1, v * x), (tf.constant(0), tf.constant(1.)),
                     maximum_iterations=m)
g = tf.gradients(z, x)[0]
with tf.Session() as sess:
    out(sess.run([z, g], {x: 2., m: 3}), sess.run([z, g], {x: 2., m: 20}), sess.run([z, g], {x: 2., m: 0}))
""",
    "while_grad_nested_loops": """
x = tf.placeholder(tf.float32, [])
n = tf.placeholder(tf.int32, [])
def outer(i, acc):
    _, p = tf.while_loop(lambda j, p: j < i, lambda j, p: (j + 1, p * x), [tf.constant(0), tf.constant(1.)])
    return i + 1, acc + p
_, s = tf.while_loop(lambda i, acc: i < n, outer, [tf.constant(0), tf.constant(0.)])
g = tf.gradients(s, x)[0]
with tf.Session() as sess:
    out(sess.run([s, g], {x: 2., n: 4}), sess.run([s, g], {x: 0.5, n: 6}))
""",
    "while_grad_cond_in_body": """
x = tf.placeholder(tf.float32, [])
def body(i, v):
    return i + 1, tf.cond(v < 5., lambda: v * x, lambda: v + x * x)
_, z = tf.while_loop(lambda i, v: v < 30., body, [tf.constant(0), tf.constant(1.)])
g = tf.gradients(z, x)[0]
with tf.Session() as sess:
    out(sess.run([z, g], {x: 2.}), sess.run([z, g], {x: 3.}))
""",
    "while_grad_minimize": """
w = tf.Variable(0.5, name="w")
x = tf.placeholder(tf.float32, [])
# grows by (1 + w) until it passes 10: how many steps that takes depends on w and on the fed x
_, v = tf.while_loop(lambda i, v: v < 10., lambda i, v: (i + 1, v * (1. + w)), [tf.constant(0), x])
loss = tf.square(v - 20.)
train = tf.train.GradientDescentOptimizer(0.001).minimize(loss)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for feed in (1., 1., 3.):
        out(sess.run([loss, train], {x: feed})[0], sess.run(w))
""",
    "while_read_after_assign_in_body": """
v = tf.Variable(0.0, name="v")
def body(i, a, b, c):
    with tf.control_dependencies([tf.assign_add(v, 1.0)]):
        r = v.read_value()
        out(r.name, r.op.type)
        return i + 1, a + r, b + tf.identity(v), c + tf.identity(v._ref())
# parallel_iterations=1: TF1 otherwise lets a read overlap the next iteration's assign_add
r = tf.while_loop(lambda i, *_: i < 3, body, [tf.constant(0), 0., 0., 0.], parallel_iterations=1)
with tf.Session() as sess:
    sess.run(v.initializer)
    out(sess.run(r), sess.run(v))
    out(sess.run(r), sess.run(v))
""",
    "while_read_after_assign_also_used_as_data": """
v = tf.Variable(0.0, name="v")
def body(i, a):
    inc = tf.assign_add(v, 1.0)
    with tf.control_dependencies([inc]):
        return i + 1, a + v.read_value() + 0.0 * inc
r = tf.while_loop(lambda i, a: i < 3, body, [tf.constant(0), 0.], parallel_iterations=1)
with tf.Session() as sess:
    sess.run(v.initializer)
    out(sess.run(r), sess.run(v))
""",
    "while_body_assigns_variable_written_before_loop": """
v = tf.Variable(5.0, name="v")
reset = tf.assign(v, 0.0)
def body(i):
    with tf.control_dependencies([tf.assign_add(v, 1.0)]):
        return i + 1
with tf.control_dependencies([reset]):
    r = tf.while_loop(lambda i: i < 3, body, [tf.constant(0)], parallel_iterations=1)
with tf.Session() as sess:
    sess.run(v.initializer)
    out(sess.run(r), sess.run(v))
""",
    "while_grad_uses_forward_variable_values": """
v = tf.Variable(0.0, name="v")
x = tf.constant(2.0)
def body(i, acc):
    with tf.control_dependencies([tf.assign_add(v, 1.0)]):
        r = v + 0.0
    return i + 1, acc + x * r * r
r = tf.while_loop(lambda i, a: i < 3, body, [tf.constant(0), 0.], parallel_iterations=1)
g = tf.gradients(r[1], x)
with tf.Session() as sess:
    sess.run(v.initializer)
    out(sess.run([r, g]), sess.run(v))
    out(sess.run([r, g]), sess.run(v))
""",

    # TF builds a loop's gradient as a second loop and refuses to differentiate it (ops/gradient_loops.py)
    "second_order_unbounded": """
x = tf.placeholder(tf.float32, [])
_, z = tf.while_loop(lambda i, v: i < 3, lambda i, v: [i + 1, v * x], [tf.constant(0), tf.constant(1.)])
g = tf.gradients(z, x)[0]
with tf.Session() as sess:
    out(sess.run([z, g], {x: 2.}))
tf.gradients(g, x)
""",
    "second_order_static_maximum_iterations": """
x = tf.placeholder(tf.float32, [])
_, z = tf.while_loop(lambda i, v: i < 3, lambda i, v: [i + 1, v * x], [tf.constant(0), tf.constant(1.)],
                     maximum_iterations=5)
g = tf.gradients(z, x)[0]
with tf.Session() as sess:
    out(sess.run([z, g], {x: 2.}))
tf.gradients(g, x)
""",
    "second_order_fed_maximum_iterations": """
x = tf.placeholder(tf.float32, [])
m = tf.placeholder(tf.int32, [])
_, z = tf.while_loop(lambda i, v: i < 3, lambda i, v: [i + 1, v * x], [tf.constant(0), tf.constant(1.)],
                     maximum_iterations=m)
g = tf.gradients(z, x)[0]
tf.gradients(g, x)
""",
    "second_order_map_fn_and_foldl": """
x = tf.placeholder(tf.float32, [2])
g = tf.gradients(tf.foldl(lambda a, e: a * e, x, initializer=tf.constant(1.)), x)[0]
try:
    tf.gradients(g, x)
except TypeError as e:
    out("foldl", str(e))
g = tf.gradients(tf.reduce_sum(tf.map_fn(lambda e: e * e * e, x)), x)[0]
tf.gradients(g, x)
""",
    "second_order_nested_loops": """
x = tf.placeholder(tf.float32, [])
def outer(i, acc):
    _, p = tf.while_loop(lambda j, p: j < i, lambda j, p: [j + 1, p * x], [tf.constant(0), tf.constant(1.)],
                         maximum_iterations=3)
    return (i + 1, acc + p)
_, s = tf.while_loop(lambda i, acc: i < 3, outer, [tf.constant(0), tf.constant(0.)])
g = tf.gradients(s, x)[0]
with tf.Session() as sess:
    out(sess.run([s, g], {x: 2.}))
tf.gradients(g, x)
""",
    "second_order_loop_in_cond": """
x = tf.placeholder(tf.float32, [])
z = tf.cond(x > 0., lambda: tf.while_loop(lambda i, v: i < 3, lambda i, v: [i + 1, v * x],
                                          [tf.constant(0), tf.constant(1.)])[1], lambda: x)
g = tf.gradients(z, x)[0]
tf.gradients(g, x)
""",
    "second_order_allowed": """
x = tf.placeholder(tf.float32, [])
y = tf.placeholder(tf.float32, [])
def power(x, **kwargs):
    return tf.while_loop(lambda i, v: i < 3, lambda i, v: [i + 1, v * x], [tf.constant(0), tf.constant(1.)],
                         **kwargs)[1]
z = power(x)
gz = tf.gradients(z, x)[0]
feed = {x: 2., y: 3.}
with tf.Session() as sess:
    # the second gradient does not pass the loop's gradient
    out(sess.run(tf.gradients(power(x) * y, y)[0], feed))
    out(sess.run(tf.gradients(tf.gradients(power(x) * y, y)[0], x), feed))
    out(sess.run(tf.gradients([gz, y * y], y), feed))
    out(sess.run(tf.gradients(tf.stop_gradient(gz) * x, x), feed))
    nb = power(x, back_prop=False) + x * x * x
    out(sess.run(tf.gradients(tf.gradients(nb, x)[0], x), feed))
    m = tf.reduce_sum(tf.map_fn(lambda e: e * e * e, tf.stack([x, y]), back_prop=False)) + x * x * x
    out(sess.run(tf.gradients(tf.gradients(m, x)[0], x), feed))
    # ... but a gradient of y's gradient that passes the loop's gradient does
    tf.gradients(tf.gradients(power(x) * y, x)[0], y)
""",
    "second_order_stop_gradients_arg": """
x = tf.placeholder(tf.float32, [])
_, z = tf.while_loop(lambda i, v: i < 3, lambda i, v: [i + 1, v * x], [tf.constant(0), tf.constant(1.)])
g = tf.gradients(z, x)[0]
tf.gradients(g * x, x, stop_gradients=[g])
""",
    "second_order_hessians": """
x = tf.placeholder(tf.float32, [])
_, z = tf.while_loop(lambda i, v: i < 3, lambda i, v: [i + 1, v * x], [tf.constant(0), tf.constant(1.)])
tf.hessians(z, x)
""",
    "second_order_hessians_named_loops": """
x = tf.placeholder(tf.float32, [])
with tf.name_scope("a"):
    _, z = tf.while_loop(lambda i, v: i < 3, lambda i, v: [i + 1, v * x], [tf.constant(0), tf.constant(1.)],
                         maximum_iterations=4, name="power")
with tf.name_scope("b"):
    tf.hessians(z, x)
""",
    "second_order_hessians_per_x": """
x = tf.placeholder(tf.float32, [])
y = tf.placeholder(tf.float32, [])
_, p = tf.while_loop(lambda i, v: i < 3, lambda i, v: [i + 1, v * x], [tf.constant(0), tf.constant(1.)])
z = p * y * y
h = tf.hessians(z, y)
with tf.Session() as sess:
    out(h[0].name, sess.run(h, {x: 2., y: 3.}))
tf.hessians(z, [y, x])
""",
    "second_order_hessians_map_fn": """
x = tf.placeholder(tf.float32, [2])
tf.hessians(tf.reduce_sum(tf.map_fn(lambda e: e * e * e, x)), x)
""",
    "second_order_hessians_loop_in_cond": """
x = tf.placeholder(tf.float32, [])
z = tf.cond(x > 0., lambda: tf.while_loop(lambda i, v: i < 3, lambda i, v: [i + 1, v * x],
                                          [tf.constant(0), tf.constant(1.)])[1], lambda: x)
z2 = z + tf.while_loop(lambda i, v: i < 3, lambda i, v: [i + 1, v * x], [tf.constant(0), tf.constant(1.)],
                       back_prop=False)[1]
tf.hessians(z2, x)
""",
    "second_order_hessians_are_loops": """
x = tf.placeholder(tf.float32, [2])
h = tf.hessians(tf.reduce_sum(x * x * x * x), x)[0]
g = tf.gradients(h, x)[0]
nb = tf.hessians(tf.while_loop(lambda i, v: i < 3, lambda i, v: [i + 1, v * x], [tf.constant(0), x],
                               back_prop=False)[1][0] + tf.reduce_sum(x * x * x), x)[0]
with tf.Session() as sess:
    out(sess.run([g, nb], {x: [1., 2.]}))
try:
    tf.hessians(tf.reduce_sum(h), x)
except ValueError as e:
    out("hessians of hessians", str(e))
tf.gradients(g, x)
""",
}
