"""Golden cases for tf.gradients / tf.hessians / stop_gradient / gradient overrides / custom_gradient.

Gradient tensor names are TF's (ops/gradient_names.py); their cases live in gradient_names.py. These
cases record the `gradients/` prefix, None-ness, shapes, dtypes and values. Gradient names registered with RegisterGradient
are global to the process: each case uses its own. Wrong grad_ys dtypes/shapes record only the exception
type (TF's message names the first op of its gradient graph, which scopeflow does not build).
"""

_SHOW = """
def prefix(t, depth=1):
    return None if t is None else "/".join(t.name.split("/")[:depth])

def show(gs):
    out([None if g is None else (str(g.shape), g.dtype.name) for g in gs])

def run(*fetches):
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        out(sess.run(list(fetches)))
"""

CASES = {k: _SHOW + v for k, v in {
    "name_scopes": """
x = tf.constant([1., 2.], name="x")
y = x * x
out(prefix(tf.gradients(y, x)[0]), prefix(tf.gradients(y, x)[0]))
out(tf.gradients(y, tf.constant(1.)), prefix(tf.gradients(y, [x])[0]))
with tf.name_scope("foo"):
    out(prefix(tf.gradients(y, x)[0], 2))
out(prefix(tf.gradients(y, x, name="mygrad")[0]), prefix(tf.gradients(y, x)[0]))
out(tf.gradients(y, x)[0].op.name.startswith("gradients_5/"))
""",
    "unconnected": """
x = tf.constant([1., 2.], name="x")
z = tf.constant(3., name="z")
i = tf.constant([1, 2])
y = tf.reduce_sum(x * 2.)
out(tf.gradients(y, [z, x])[0], tf.gradients(y, z, unconnected_gradients="none"))
out(tf.gradients(tf.cast(i, tf.float32) * 2., i), tf.gradients(i * 2, i))
out(tf.gradients(tf.constant(3), x), tf.gradients([1.0], x))
zs = tf.gradients(y, [z, i, x], unconnected_gradients=tf.UnconnectedGradients.ZERO)
out([t.name for t in zs[:2]])
show(zs)
run(*zs)
""",
    "unconnected_through_ints": """
x = tf.constant([1.5, 2.5])
y1 = tf.cast(tf.cast(x, tf.int32), tf.float32)
y2 = tf.cast(tf.argmax(x), tf.float32)
y3 = tf.cast(tf.shape(x), tf.float32)
out(tf.gradients(y1, x), tf.gradients(y2, x), tf.gradients(y3, x))
g = tf.gradients(y1 + x * 3., x)
run(g)
""",
    "non_differentiable_ops": """
x = tf.constant([1.5, -2.0])
ys = [tf.floor(x), tf.ceil(x), tf.round(x), x // 1.0, tf.truncatediv(x, 1.0),
      tf.zeros_like(x), tf.ones_like(x), tf.stop_gradient(x)]
out([tf.gradients(y, x)[0] for y in ys])
gs = [tf.gradients(f, x)[0] for f in [tf.sign(x), x % 1.0, tf.Print(x, [x]), tf.floor(x) + x]]
show(gs)
run(*gs)
""",
    "math_ops": """
x = tf.constant([0.5, 1.5, 2.0], name="x")
fs = [x * x, x / 3., 3. / x, tf.exp(x), tf.log(x), tf.tanh(x), tf.sigmoid(x), tf.sqrt(x), tf.square(x),
      tf.pow(x, 3.), tf.abs(x - 1.), tf.sin(x), tf.cos(x), tf.rsqrt(x), tf.reciprocal(x), tf.nn.relu(x - 1.),
      tf.nn.softplus(x), tf.maximum(x, 1.), tf.minimum(x, 1.), tf.squared_difference(x, 1.), tf.erf(x),
      tf.log1p(x), tf.expm1(x), tf.atan(x), -x, tf.nn.elu(x - 1.)]
gs = [tf.gradients(f, x)[0] for f in fs]
show(gs[:2])
run(*gs)
""",
    "matmul": """
a = tf.constant([[1., 2., 3.], [4., 5., 6.]])
b = tf.constant([[1., 0.], [2., 1.], [0., 3.]])
gs = tf.gradients(tf.matmul(a, b), [a, b])
gt = tf.gradients(tf.reduce_sum(tf.matmul(b, a, transpose_a=True, transpose_b=True) ** 2), [a, b])
show(gs + gt)
run(gs, gt)
""",
    "reductions": """
x = tf.constant([[1., 5., 3.], [4., 2., 6.]])
fs = [tf.reduce_sum(x), tf.reduce_mean(x, axis=0), tf.reduce_max(x, axis=1), tf.reduce_min(x),
      tf.reduce_prod(x, axis=1, keepdims=True), tf.reduce_logsumexp(x, axis=1), tf.reduce_mean(x * x)]
gs = [tf.gradients(f, x)[0] for f in fs]
show(gs)
run(*gs)
""",
    "broadcasting": """
a = tf.constant([[1.], [2.]])
b = tf.constant([10., 20., 30.])
c = tf.constant(2.)
y = a * b + c
gs = tf.gradients(y, [a, b, c])
show(gs)
p = tf.placeholder(tf.float32, [None, 3])
gp = tf.gradients(tf.reduce_sum(p * b), [p, b])
show(gp)
with tf.Session() as sess:
    out(sess.run(gs), sess.run(gp, {p: [[1., 2., 3.], [4., 5., 6.]]}))
""",
    "variables": """
w = tf.Variable([1., 2.], name="w")
v = tf.get_variable("v", initializer=[3., 4.])
r = tf.get_variable("r", initializer=[5., 6.], use_resource=True)
loss = tf.reduce_sum(w * v * r)
gs = tf.gradients(loss, [w, v, r])
show(gs)
g2 = tf.gradients(loss, [w.value(), r.handle])
out(tf.gradients(loss, w.read_value()), [prefix(g) for g in g2])
show(g2)
run(gs, g2)
""",
    "variables_dense_layer": """
x = tf.constant([[1., 2.], [3., 4.], [5., 6.]])
with tf.variable_scope("dense"):
    k = tf.get_variable("kernel", initializer=tf.constant([[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]]))
    bias = tf.get_variable("bias", initializer=tf.constant([0.1, 0.2, 0.3]))
h = tf.nn.relu(tf.matmul(x, k) + bias)
loss = tf.reduce_mean(tf.square(h - 1.))
gs = tf.gradients(loss, tf.trainable_variables())
show(gs)
run(loss, gs)
""",
    "grad_ys": """
x = tf.constant([1., 2.], name="x")
y = x * x
z = x * 3.
gs = [tf.gradients(y, x, grad_ys=tf.constant([2., -1.]))[0], tf.gradients(y, x, grad_ys=[[0.5, 1.]])[0],
      tf.gradients([y, z], x, grad_ys=[tf.constant([1., 1.]), None])[0], tf.gradients([y, z], x)[0],
      tf.gradients(x, x)[0], tf.gradients([x, y], x)[0], tf.gradients(y, [x, x])[1]]
show(gs)
run(*gs)
""",
    "grad_ys_errors": """
x = tf.constant([1., 2.], name="x")
y = x * x
for kwargs in [dict(grad_ys=[tf.ones([2]), tf.ones([2])]), dict(unconnected_gradients="bogus"),
               dict(aggregation_method=7)]:
    try:
        tf.gradients(y, x, **kwargs)
    except ValueError as e:
        out(str(e).split("\\n")[0])
for g in [tf.ones([2], tf.float64), tf.ones([2], tf.int32)]:
    try:
        tf.gradients(y, x, grad_ys=g)
    except TypeError:
        out("TypeError")
try:
    tf.gradients(y, x, grad_ys=tf.ones([3]))
except ValueError:
    out("ValueError")
""",
    "stop_gradient": """
x = tf.constant([1., 2.], name="x")
s = tf.stop_gradient(x * 2.)
out(s.name, s.op.type, tf.stop_gradient([1., 2.]).name, tf.stop_gradient(x, name="sg").name)
out(tf.gradients(s, x), tf.gradients(tf.stop_gradient(x) * 2., x))
g = tf.gradients(x * s, x)
a = tf.constant(0.)
b = 2 * a
gab = tf.gradients(a + b, [a, b], stop_gradients=[a, b])
gab2 = tf.gradients(a + b, [a, b])
h = x * 3.
out(tf.gradients(h * h, x, stop_gradients=[h]))
gs = tf.gradients(h * h + x, x, stop_gradients=[h])
run(g, gab, gab2, gs)
""",
    "xs_on_path": """
a = tf.constant([1., 2.])
b = a * 2.
c = b * 3. + a
gs = tf.gradients(c, [a, b])
run(gs)
""",
    "hessians": """
x = tf.constant([1., 2.], name="x")
y = tf.reduce_sum(x * x * x)
h = tf.hessians(y, x)
out([t.name for t in h], str(h[0].shape))
m = tf.constant([[1., 2.], [3., 4.]])
w = tf.Variable([[1., -1.], [0.5, 2.]], name="w")
hm = tf.hessians(tf.reduce_sum(tf.matmul(m, w) ** 2), [w, m])
out(str(hm[0].shape), str(hm[1].shape))
try:
    tf.hessians(y, tf.constant(1.))
except ValueError as e:
    out(str(e))
run(h, hm)
""",
    "nested": """
x = tf.constant([0.5, 1.5], name="x")
y = tf.reduce_sum(tf.sin(x) * x)
g = tf.gradients(y, x)[0]
gg = tf.gradients(g, x)[0]
ggg = tf.gradients(tf.reduce_sum(gg * gg), x)[0]
w = tf.Variable([1., 2.], name="w")
loss = tf.reduce_sum(w ** 3)
gw = tf.gradients(loss, w)[0]
penalty = tf.reduce_sum(gw * gw)
gp = tf.gradients(penalty, w)[0]
show([g, gg, ggg, gp])
run(g, gg, ggg, gp)
""",
    "override": """
@tf.RegisterGradient("ScaleBy3")
def _scale(op, grad):
    return grad * 3.0
try:
    tf.RegisterGradient("ScaleBy3")(_scale)
except KeyError:
    out("KeyError")
try:
    tf.RegisterGradient(3)
except TypeError as e:
    out(str(e))
x = tf.constant([1., -2.], name="x")
g = tf.get_default_graph()
with g.gradient_override_map({"Identity": "ScaleBy3", "Relu": "ScaleBy3"}):
    y = tf.identity(x)
    r = tf.nn.relu(x)
with g.gradient_override_map({"Sign": "Identity"}):
    s = tf.sign(x)
gs = [tf.gradients(y, x)[0], tf.gradients(r * 2., x)[0], tf.gradients(s * 2., x)[0],
      tf.gradients(tf.identity(x) * 2., x)[0]]
out(prefix(gs[0]))
run(*gs)
""",
    "override_not_differentiable": """
tf.NotDifferentiable("NoGradHere")
try:
    tf.no_gradient("NoGradHere")
except KeyError:
    out("KeyError")
x = tf.constant([1., 2.])
with tf.get_default_graph().gradient_override_map({"Identity": "NoGradHere"}):
    y = tf.identity(x)
with tf.get_default_graph().gradient_override_map({"Identity": "NeverRegistered"}):
    z = tf.identity(x)
out(tf.gradients(y * 2., x))
g = tf.gradients(y * 2. + x, x)
try:
    tf.gradients(z, x)
except LookupError as e:
    out(str(e).split(".")[0])
out(tf.gradients(z, x, stop_gradients=[z]))
run(g)
""",
    "custom_gradient": """
@tf.custom_gradient
def log1pexp(x):
    e = tf.exp(x)
    def grad(dy):
        return dy * (1 - 1 / (1 + e))
    return tf.log(1 + e), grad
x = tf.constant([0., 100.], name="x")
y = log1pexp(x)
out(y.name, y.op.type, [t.name for t in y.op.inputs])
@tf.custom_gradient
def two(a, b):
    def grad(dy):
        return dy * 2.0, dy * 3.0
    return a * b, grad
@tf.custom_gradient
def multi(a):
    def grad(d1, d2):
        return d1 + 10 * d2
    return (a * 2.0, a * 3.0), grad
a = tf.constant(1.0)
b = tf.constant(5.0)
c = two(a, b)
m = multi(a)
out(type(m).__name__, [t.name for t in m])
run(y, tf.gradients(y, x), tf.gradients(c, [a, b]), tf.gradients(m[1], a), tf.gradients(m[0] + m[1], a),
    tf.gradients(tf.gradients(c * c, a)[0], [a, b]))
""",
    "random_not_rerun": """
x = tf.constant(np.arange(1., 9., dtype=np.float32))
mask = tf.random_uniform([8], seed=1)
y = x * mask
g = tf.gradients(tf.reduce_sum(y), x)[0]
with tf.Session() as sess:
    yv, gv, mv = sess.run([y, g, mask])
    out(bool(np.allclose(gv, mv)), bool(np.allclose(yv, np.arange(1., 9.) * mv)))
""",
    "float64_and_feeds": """
x = tf.placeholder(tf.float64, [None], name="x")
y = tf.reduce_sum(tf.exp(x) * x)
g = tf.gradients(y, x)[0]
show([g])
with tf.Session() as sess:
    out(sess.run(g, {x: [0., 1., 2.]}), sess.run(g, {x: [1.]}))
""",
    "cond": """
x = tf.constant(2.0)
p = tf.placeholder(tf.bool, [])
y = tf.cond(p, lambda: x * x, lambda: x * 3.)
gy = tf.gradients(y, x)[0]
w = tf.Variable(3.0, name="w")
z = tf.cond(p, lambda: w * x, lambda: tf.square(w))
gz = tf.gradients(z, [w, x])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run([gy, gz], {p: True}), sess.run(gy, {p: False}))
""",
    "while_loop": """
x = tf.constant(2.0)
i0 = tf.constant(0)
_, z = tf.while_loop(lambda i, v: i < 3, lambda i, v: (i + 1, v * x), [i0, tf.constant(1.0)])
gz = tf.gradients(z, x)[0]
with tf.Session() as sess:
    out(sess.run(gz))
""",
    "while_loop_max_iterations": """
x = tf.constant(2.0)
w = tf.Variable(0.5, name="w")
_, z = tf.while_loop(lambda i, v: i < 3, lambda i, v: (i + 1, v * x + w), (tf.constant(0), tf.constant(1.0)),
                     maximum_iterations=5)
gz = tf.gradients(z, [x, w])
run(gz)
""",
    "gather": """
params = tf.constant([[1., 2.], [3., 4.], [5., 6.]])
y = tf.gather(params, [2, 0, 2])
g = tf.gradients(tf.reduce_sum(y * y), params)[0]
run(tf.convert_to_tensor(g))
""",
    "gather_indexed_slices": """
params = tf.constant([[1., 2.], [3., 4.], [5., 6.]])
g = tf.gradients(tf.reduce_sum(tf.gather(params, [2, 0])), params)[0]
out(type(g).__name__)
""",
    "enums": """
out(tf.AggregationMethod.ADD_N, tf.AggregationMethod.DEFAULT, tf.AggregationMethod.EXPERIMENTAL_TREE,
    tf.AggregationMethod.EXPERIMENTAL_ACCUMULATE_N)
out(str(tf.UnconnectedGradients.NONE), tf.UnconnectedGradients.ZERO.value, str(tf.UnconnectedGradients("zero")))
""",
}.items()}

# ---- names of the returned gradients (ops/gradient_names.py) -----------------------------------------
