"""Gradient tensor names as TF 1.15 gives them: per consumer op type, with and without gating
(GATE_OP, what optimizers pass), aggregation, optimizers on small models (split from gradients.py)."""
from tests.golden.cases.gradients import _SHOW
from tests.slim.prelude import PRELUDE as _SLIM

_NAMES = """
def gname(g):
    if g is None:
        return None
    if isinstance(g, tf.IndexedSlices):
        return [g.values.name, g.indices.name]
    return g.name

def P(shape, name="x"):
    return tf.placeholder(tf.float32, shape, name=name)

def grad_names(label, build, gates=(False, True)):
    '''`build() -> (y, xs)` in a fresh graph: the xs' gradient names with grad_ys given, per gate.'''
    found = []
    for gate in gates:
        with tf.Graph().as_default():
            y, xs = build()
            gs = tf.gradients(y, xs, grad_ys=tf.ones_like(y), gate_gradients=gate)
            found.append([gname(g) for g in gs])
    out(label, *found)

def unary(label, shape, f):
    def build():
        x = P(shape)
        return f(x), [x]
    grad_names(label, build)

def binary(label, shapes, f, gates=(False, True)):
    def build():
        xs = [P(s, "x%d" % i) for i, s in enumerate(shapes)]
        return f(*xs), xs
    grad_names(label, build, gates)

def grads_and_vars(gvs):
    return [(gname(g), v.name) for g, v in gvs]

def update_inputs(op_type):
    return [[t.name for t in o.inputs] for o in tf.get_default_graph().get_operations() if o.type == op_type]
"""

_MODEL = """
def conv_bn_dense(x, training=True):
    h = tf.layers.conv2d(x, 4, 3, padding="same", use_bias=False)
    h = tf.nn.relu(tf.layers.batch_normalization(h, training=training))
    h = tf.layers.max_pooling2d(h, 2, 2)
    h = tf.layers.conv2d(h, 2, 3, activation=tf.nn.relu)
    return tf.layers.dense(tf.layers.flatten(h), 3)
"""

_NAME_CASES = {
    "names_broadcasting": """
shapes = [([2, 3], [2, 3]), ([2, 3], [3]), ([2, 3], []), ([], [2, 3]), ([None, 3], [None, 3]), ([None, 3], [3]),
          ([2, 1], [1, 3]), ([None, 3], [1, 3]), (None, [3])]
ops = [("add", lambda a, b: a + b), ("Add", tf.add), ("sub", lambda a, b: a - b), ("mul", lambda a, b: a * b),
       ("truediv", lambda a, b: a / b), ("maximum", tf.maximum), ("minimum", tf.minimum),
       ("squared_difference", tf.squared_difference), ("pow", tf.pow), ("atan2", tf.atan2)]
for label, f in ops:
    for sa, sb in shapes:
        binary("%s %s %s" % (label, sa, sb), [sa, sb], f)
""",
    "names_broadcast_shapes": """
import itertools
shapes = [None, []] + [list(s) for n in (1, 2) for s in itertools.product([None, 1, 3], repeat=n)]
for sa, sb in itertools.product(shapes, shapes):
    binary("%s %s" % (sa, sb), [sa, sb], lambda a, b: a * b, gates=(False,))
""",
    "names_matmul": """
for ta, tb in [(False, False), (False, True), (True, False), (True, True)]:
    binary("MatMul %s %s" % (ta, tb), [[4, 3] if ta else [3, 4], [5, 4] if tb else [4, 5]],
           lambda a, b: tf.matmul(a, b, transpose_a=ta, transpose_b=tb))
    binary("BatchMatMul %s %s" % (ta, tb), [[2, 4, 3] if ta else [2, 3, 4], [2, 5, 4] if tb else [2, 4, 5]],
           lambda a, b: tf.matmul(a, b, transpose_a=ta, transpose_b=tb))
for sa, sb in [([2, 3, 4], [4, 5]), ([None, 3, 4], [None, 4, 5]), ([2, 3, 4], [1, 4, 5]), ([None, 3, 4], [4, 5])]:
    binary("BatchMatMul %s %s" % (sa, sb), [sa, sb], tf.matmul)
unary("MatMul by a constant", [3, 2], lambda x: tf.matmul(x, tf.ones([2, 2])))
""",
    "names_nn": """
binary("bias_add NHWC", [[2, 3, 4, 5], [5]], tf.nn.bias_add)
binary("bias_add NCHW", [[2, 3, 4, 5], [3]], lambda a, b: tf.nn.bias_add(a, b, data_format="NCHW"))
binary("bias_add 2d", [[None, 5], [5]], tf.nn.bias_add)
for pad in ("SAME", "VALID"):
    binary("conv2d " + pad, [[None, 6, 6, 3], [3, 3, 3, 4]], lambda a, w: tf.nn.conv2d(a, w, [1, 1, 1, 1], pad))
binary("conv2d strided", [[2, 6, 6, 3], [3, 3, 3, 4]], lambda a, w: tf.nn.conv2d(a, w, [1, 2, 2, 1], "SAME"))
binary("depthwise_conv2d", [[2, 6, 6, 3], [3, 3, 3, 2]],
       lambda a, w: tf.nn.depthwise_conv2d(a, w, [1, 1, 1, 1], "SAME"))
binary("depthwise_conv2d_native", [[2, 6, 6, 3], [3, 3, 3, 2]],
       lambda a, w: tf.nn.depthwise_conv2d_native(a, w, [1, 1, 1, 1], "SAME"))
binary("separable_conv2d", [[2, 6, 6, 3], [3, 3, 3, 2], [1, 1, 6, 4]],
       lambda a, d, p: tf.nn.separable_conv2d(a, d, p, [1, 1, 1, 1], "SAME"))
binary("conv2d_transpose", [[2, 6, 6, 4], [3, 3, 3, 4]],
       lambda a, w: tf.nn.conv2d_transpose(a, w, [2, 6, 6, 3], [1, 1, 1, 1]))
binary("fused_batch_norm training", [[2, 4, 4, 3], [3], [3]], lambda x, s, o: tf.nn.fused_batch_norm(x, s, o)[0])
binary("fused_batch_norm inference", [[2, 4, 4, 3], [3], [3]],
       lambda x, s, o: tf.nn.fused_batch_norm(x, s, o, tf.zeros([3]), tf.ones([3]), is_training=False)[0])
binary("fused_batch_norm scale only", [[2, 4, 4, 3], [3]],
       lambda x, s: tf.nn.fused_batch_norm(x, s, tf.zeros([3]))[0])
unary("max_pool", [2, 4, 4, 3], lambda x: tf.nn.max_pool(x, [1, 2, 2, 1], [1, 2, 2, 1], "VALID"))
unary("avg_pool", [2, 4, 4, 3], lambda x: tf.nn.avg_pool(x, [1, 2, 2, 1], [1, 2, 2, 1], "VALID"))
binary("softmax_cross_entropy_with_logits_v2", [[3, 4], [3, 4]],
       lambda l, y: tf.nn.softmax_cross_entropy_with_logits_v2(labels=y, logits=l))
unary("sparse_softmax_cross_entropy_with_logits", [3, 4], lambda l: tf.nn.sparse_softmax_cross_entropy_with_logits(
    labels=tf.constant([0, 1, 3]), logits=l))
binary("sigmoid_cross_entropy_with_logits", [[3, 4], [3, 4]],
       lambda l, y: tf.nn.sigmoid_cross_entropy_with_logits(labels=y, logits=l))
unary("dropout", [3, 2], lambda x: tf.nn.dropout(x, keep_prob=0.5))
unary("l2_normalize", [3, 2], lambda x: tf.nn.l2_normalize(x, 1))
unary("lrn", [1, 4, 4, 2], tf.nn.lrn)
unary("moments", [4, 3], lambda x: tf.add_n(tf.nn.moments(x, [0])))
""",
    "names_unary": """
fs = [("square", tf.square), ("relu", tf.nn.relu), ("relu6", tf.nn.relu6), ("elu", tf.nn.elu),
      ("selu", tf.nn.selu), ("leaky_relu", tf.nn.leaky_relu), ("tanh", tf.tanh), ("sigmoid", tf.sigmoid),
      ("sqrt", tf.sqrt), ("rsqrt", tf.rsqrt), ("reciprocal", tf.reciprocal), ("exp", tf.exp), ("log", tf.log),
      ("log1p", tf.log1p), ("expm1", tf.expm1), ("neg", tf.negative), ("abs", tf.abs), ("softplus", tf.nn.softplus),
      ("softmax", tf.nn.softmax), ("log_softmax", tf.nn.log_softmax), ("sin", tf.sin), ("cos", tf.cos),
      ("erf", tf.erf), ("l2_loss", tf.nn.l2_loss), ("identity", tf.identity), ("x * x", lambda x: x * x),
      ("floor + x", lambda x: tf.floor(x) + x), ("stop_gradient + x", lambda x: tf.stop_gradient(x) + x),
      ("check_numerics", lambda x: tf.check_numerics(x, "bad")), ("print", lambda x: tf.Print(x, [x]))]
for label, f in fs:
    for shape in ([3, 2], [None, 2]):
        unary("%s %s" % (label, shape), shape, f)
""",
    "names_array": """
fs = [("transpose", tf.transpose), ("transpose perm", lambda x: tf.transpose(x, [1, 0])),
      ("reshape", lambda x: tf.reshape(x, [-1])), ("expand_dims", lambda x: tf.expand_dims(x, 0)),
      ("squeeze", lambda x: tf.squeeze(tf.reshape(x, [-1, 1, 2]), 1)), ("pad", lambda x: tf.pad(x, [[1, 1], [0, 0]])),
      ("pad constant", lambda x: tf.pad(x, [[1, 1], [0, 0]], constant_values=1.)),
      ("pad reflect", lambda x: tf.pad(x, [[1, 1], [0, 0]], mode="REFLECT")),
      ("strided_slice", lambda x: x[1:, :1]), ("strided_slice shrink", lambda x: x[1]),
      ("slice", lambda x: tf.slice(x, [1, 0], [1, 2])), ("tile", lambda x: tf.tile(x, [2, 1])),
      ("cast float64", lambda x: tf.cast(x, tf.float64)), ("cast int", lambda x: tf.cast(tf.cast(x, tf.int32), tf.float32) + x),
      ("stack", lambda x: tf.stack([x, x * 2.])), ("unstack", lambda x: tf.unstack(x)[1]),
      ("unstack both", lambda x: tf.unstack(x, axis=1)[0] * tf.unstack(x, axis=1)[1]),
      ("split", lambda x: tf.split(x, 3)[1]), ("split sizes", lambda x: tf.split(x, [1, 2])[0]),
      ("concat one", lambda x: tf.concat([x], 0)), ("concat constant", lambda x: tf.concat([x, tf.ones([3, 2])], 0)),
      ("gather", lambda x: tf.gather(x, [2, 0])), ("gather axis 1", lambda x: tf.gather(x, [1, 0], axis=1)),
      ("clip_by_value", lambda x: tf.clip_by_value(x, 0., 1.)), ("broadcast_to", lambda x: tf.broadcast_to(x, [2, 3, 2])),
      ("add_n", lambda x: tf.add_n([x, x * 2., x]))]
for label, f in fs:
    unary(label, [3, 2], f)
unary("fill", [], lambda v: tf.fill([2, 3], v))
for n in (2, 3):
    binary("concat %d" % n, [[2, 3]] * n, lambda *xs: tf.concat(xs, 1))
    binary("stack %d" % n, [[2, 3]] * n, lambda *xs: tf.stack(xs, 1))
binary("concat unknown", [[None, 3], [None, 3]], lambda a, b: tf.concat([a, b], 0))
binary("where", [[3, 2], [3, 2]], lambda a, b: tf.where(a > 0., a, b))
binary("where_v2", [[3, 2], [3, 2]], lambda a, b: tf.where_v2(a > 0., a, b))
binary("add_n of two", [[3, 2], [3, 2]], lambda a, b: tf.add_n([a, b, a]))
""",
    "names_reductions": """
fs = [("sum", tf.reduce_sum), ("sum 0", lambda x: tf.reduce_sum(x, 0)), ("sum -1", lambda x: tf.reduce_sum(x, -1)),
      ("sum [1, 0]", lambda x: tf.reduce_sum(x, [1, 0])), ("sum keepdims", lambda x: tf.reduce_sum(x, 1, keepdims=True)),
      ("sum all keepdims", lambda x: tf.reduce_sum(x, keepdims=True)),
      ("mean", tf.reduce_mean), ("mean 0", lambda x: tf.reduce_mean(x, 0)), ("max", tf.reduce_max),
      ("max 1", lambda x: tf.reduce_max(x, 1)), ("min 1", lambda x: tf.reduce_min(x, 1))]
for label, f in fs:
    for shape in ([3, 2], [None, 2], None):
        unary("%s %s" % (label, shape), shape, f)
unary("sum scalar", [], tf.reduce_sum)
unary("sum rank 1", [None], lambda x: tf.reduce_sum(x, 0))
unary("sum dynamic axis", [3, 2], lambda x: tf.reduce_sum(x, tf.placeholder(tf.int32, [])))
""",
    "names_aggregation": """
x = tf.placeholder(tf.float32, [2], name="x")
y = x * 2.
z = x * 3.
c = tf.constant([1., 2.])
out([gname(g) for g in tf.gradients(x, x)], [gname(g) for g in tf.gradients([x, x], x)])
out([gname(g) for g in tf.gradients([y, z], x)], [gname(g) for g in tf.gradients([y, z], x, grad_ys=[None, tf.ones([2])])])
out([gname(g) for g in tf.gradients([c, y], x)], [gname(g) for g in tf.gradients(y, [x, y])])
out([gname(g) for g in tf.gradients(y * y, x, grad_ys=[[0.5, 1.]])])
h = x * x
k = h * h + h
out([gname(g) for g in tf.gradients(k, [x, h])], [gname(g) for g in tf.gradients(k, [x, h], gate_gradients=True)])
a = tf.placeholder(tf.float32, [2], name="a")
u = a * 2.
v = u + a
q = v * u + a
for gate in (False, True):
    out([gname(g) for g in tf.gradients(q, [a, u, v], gate_gradients=gate)])
    out([gname(g) for g in tf.gradients(q, [a, v, u], gate_gradients=gate)])
out([gname(g) for g in tf.gradients(q, a, stop_gradients=[u])])
w = tf.Variable([1., 2.], name="w")
loss = tf.reduce_sum(w * 2. + w * 3.)
out([gname(g) for g in tf.gradients(loss, w)], [gname(g) for g in tf.gradients(loss, w, gate_gradients=True)])
m = tf.placeholder(tf.float32, [3, 2], name="m")
out([gname(g) for g in tf.gradients(tf.reduce_sum(tf.matmul(m, tf.transpose(m))), m)])
""",
    "names_variables": """
x = tf.placeholder(tf.float32, [None, 2], name="x")
w = tf.Variable(tf.ones([2, 3]), name="w")
v = tf.get_variable("v", initializer=tf.ones([3]))
r = tf.get_variable("r", initializer=tf.ones([3]), use_resource=True)
e = tf.get_variable("e", initializer=tf.ones([5, 3]))
ids = tf.constant([0, 3])
loss = tf.reduce_sum(tf.matmul(x, w) * v + r) + tf.reduce_sum(tf.gather(e, ids)) + tf.reduce_sum(tf.nn.embedding_lookup(e, ids))
for gate in (False, True):
    out([gname(g) for g in tf.gradients(loss, [w, v, r, e, w.value()], gate_gradients=gate)])
""",
    "names_custom_gradient_function": """
@tf.RegisterGradient("NamesPassThrough")
def _pass(op, grad):
    return grad
@tf.RegisterGradient("NamesDouble")
def _double(op, grad):
    return grad * 2.
x = tf.placeholder(tf.float32, [3], name="x")
g = tf.get_default_graph()
with g.gradient_override_map({"Identity": "NamesPassThrough", "Tanh": "NamesDouble"}):
    a = tf.identity(x)
    b = tf.tanh(x)
with g.gradient_override_map({"Sign": "Identity"}):
    s = tf.sign(x)
out([gname(t) for t in tf.gradients(a * 3., x)], prefix(tf.gradients(b, x)[0], 2), [gname(t) for t in tf.gradients(s, x)])
""",
    "optimizer_compute_gradients": """
x = tf.placeholder(tf.float32, [None, 4], name="x")
w = tf.Variable(tf.zeros([4, 3]), name="w")
b = tf.Variable(tf.zeros([3]), name="b")
loss = tf.reduce_mean(tf.square(tf.matmul(x, w) + b))
out([gname(g) for g in tf.gradients(loss, [w, b])])
opt = tf.train.GradientDescentOptimizer(0.1)
out(grads_and_vars(opt.compute_gradients(loss)))
out(grads_and_vars(opt.compute_gradients(loss, gate_gradients=tf.train.Optimizer.GATE_NONE)))
out(grads_and_vars(opt.compute_gradients(loss, gate_gradients=tf.train.Optimizer.GATE_GRAPH)))
out(grads_and_vars(opt.compute_gradients(loss, var_list=[b])))
""",
    "optimizer_dense": """
x = tf.placeholder(tf.float32, [None, 4], name="x")
labels = tf.placeholder(tf.int32, [None], name="labels")
h = tf.layers.dense(x, 8, activation=tf.nn.relu)
h = tf.layers.dropout(h, 0.5, training=True)
logits = tf.layers.dense(h, 3)
loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits))
opt = tf.train.MomentumOptimizer(0.1, 0.9)
out(grads_and_vars(opt.compute_gradients(loss)))
train = opt.minimize(loss)
out(update_inputs("ApplyMomentum"))
""",
    "optimizer_conv_bn": _MODEL + """
x = tf.placeholder(tf.float32, [None, 8, 8, 3], name="x")
loss = tf.reduce_mean(tf.square(conv_bn_dense(x)))
opt = tf.train.GradientDescentOptimizer(0.1)
out(grads_and_vars(opt.compute_gradients(loss)))
out(grads_and_vars(opt.compute_gradients(loss, gate_gradients=tf.train.Optimizer.GATE_NONE)))
with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
    train = opt.minimize(loss)
out(update_inputs("ApplyGradientDescent"))
out([gname(g) for g in tf.gradients(loss, tf.trainable_variables() + [x])])
""",
    "names_unfused_batch_norm": """
x = tf.placeholder(tf.float32, [None, 4], name="x")
h = tf.layers.batch_normalization(tf.layers.dense(x, 3), training=True, fused=False)
loss = tf.reduce_sum(tf.nn.sigmoid(h))
for gate in (False, True):
    out([gname(g) for g in tf.gradients(loss, tf.trainable_variables() + [x], gate_gradients=gate)])
m, v = tf.nn.moments(x, [0])
y = tf.nn.batch_normalization(x, m, v, None, None, 1e-3)
out([gname(g) for g in tf.gradients(tf.reduce_sum(y * y), x)])
""",
    "optimizer_resource_variables": """
x = tf.placeholder(tf.float32, [None, 4], name="x")
with tf.variable_scope("net", use_resource=True):
    h = tf.layers.dense(x, 3, activation=tf.nn.tanh)
    e = tf.get_variable("emb", initializer=tf.ones([5, 3]))
loss = tf.reduce_sum(h) + tf.reduce_sum(e.read_value() * 2.)
opt = tf.train.GradientDescentOptimizer(0.1)
out(grads_and_vars(opt.compute_gradients(loss)))
""",
    "names_resource_gather": """
e = tf.get_variable("emb", initializer=tf.ones([5, 3]), use_resource=True)
g = tf.gradients(tf.reduce_sum(tf.gather(e, [1, 2])), e)[0]
out(gname(g))
""",
    "names_fused_batch_norm_mean_variance": """
x, m, v = P([2, 4, 4, 3]), P([3], "m"), P([3], "v")
y = tf.nn.fused_batch_norm(x, tf.ones([3]), tf.zeros([3]), m, v, is_training=False)[0]
out([gname(g) for g in tf.gradients(y, [x, m, v])])
""",
    "optimizer_slim": _SLIM + """
x = tf.placeholder(tf.float32, [None, 8, 8, 3], name="x")
h = slim.conv2d(x, 4, [3, 3], normalizer_fn=slim.batch_norm, normalizer_params={"is_training": True}, scope="conv1")
h = slim.max_pool2d(h, [2, 2], scope="pool1")
h = slim.fully_connected(slim.flatten(h), 5, scope="fc1")
logits = slim.fully_connected(h, 3, activation_fn=None, scope="logits")
loss = tf.reduce_mean(tf.square(logits))
opt = tf.train.GradientDescentOptimizer(0.1)
out(grads_and_vars(opt.compute_gradients(loss)))
""",
}

CASES = {k: _SHOW + _NAMES + v for k, v in _NAME_CASES.items()}
