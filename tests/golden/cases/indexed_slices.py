"""Golden cases for tf.IndexedSlices: the class, its dense conversion, Session.run fetches
(IndexedSlicesValue), the IndexedSlices gradient of gather / embedding_lookup (names, shapes, values,
concatenation of several gathers) and the optimizers' sparse updates over three steps on an
embedding-lookup loss with repeated ids, where a row left out of a step keeps its value and slots (a
dense update would move it).
"""
_SHOW = """
def desc(g):
    if g is None or isinstance(g, tf.Tensor):
        return None if g is None else ("Tensor", g.name, str(g.shape), g.dtype.name)
    return (type(g).__name__, g.values.name, str(g.values.shape), g.indices.name, str(g.indices.shape),
            None if g.dense_shape is None else (g.dense_shape.name, str(g.dense_shape.shape), g.dense_shape.op.type),
            g.dtype.name, g.name, g.op.name)

def kind(g):
    return "Tensor" if isinstance(g, tf.Tensor) else type(g).__name__

def run(*fetches):
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        values = sess.run(list(fetches))
        out([type(v).__name__ for v in values], values)
"""

_SPARSE_STEPS = """
emb = tf.Variable([[1.0, -2.0], [0.5, 0.25], [3.0, 1.0], [-1.0, 2.0], [0.1, -0.3]], name="emb")
ids = tf.placeholder(tf.int32, [4], name="ids")
e = tf.nn.embedding_lookup(emb, ids)
loss = tf.reduce_sum(e * tf.constant([[1.0, 2.0], [-1.0, 0.5], [0.3, 0.3], [2.0, -1.0]])) + tf.reduce_sum(e * e) * 0.5
opt = {opt}
train = opt.minimize(loss)
out(sorted(set(o.type for o in tf.get_default_graph().get_operations()
               if "/update_emb/" in o.name and not o.type.startswith("_"))
           - {{"Const", "Shape", "StridedSlice", "Unique", "UnsortedSegmentSum"}}))
slots = [opt.get_slot(emb, n) for n in opt.get_slot_names()]
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step_ids in ([0, 2, 0, 4], [1, 1, 3, 2], [4, 3, 4, 0]):   # rows touched, then left, then again
        sess.run(train, {{ids: step_ids}})
        out(sess.run([emb] + slots))
"""

_OPTIMIZERS = {
    "gd": "tf.train.GradientDescentOptimizer(0.1)",
    "momentum": "tf.train.MomentumOptimizer(0.1, 0.9)",
    "momentum_nesterov": "tf.train.MomentumOptimizer(0.1, 0.9, use_nesterov=True)",
    "adagrad": "tf.train.AdagradOptimizer(0.1)",
    "rmsprop": "tf.train.RMSPropOptimizer(0.1)",
    "rmsprop_momentum": "tf.train.RMSPropOptimizer(0.1, decay=0.8, momentum=0.5)",
    "rmsprop_centered": "tf.train.RMSPropOptimizer(0.1, momentum=0.5, centered=True)",
    "ftrl": "tf.train.FtrlOptimizer(0.1)",
    "ftrl_l1_l2": "tf.train.FtrlOptimizer(0.3, l1_regularization_strength=0.05, l2_regularization_strength=0.1)",
    "ftrl_shrinkage": ("tf.train.FtrlOptimizer(0.3, l1_regularization_strength=0.01, "
                       "l2_shrinkage_regularization_strength=0.1)"),
    "ftrl_power": "tf.train.FtrlOptimizer(0.3, learning_rate_power=-0.7, initial_accumulator_value=0.5)",
    "adadelta": "tf.train.AdadeltaOptimizer(1.0)",
    "adam": "tf.train.AdamOptimizer(0.1)",
    "adam_betas": "tf.train.AdamOptimizer(0.05, beta1=0.8, beta2=0.99, epsilon=1e-3)",
}

CASES = {k: _SHOW + v for k, v in {
    "class": """
v = tf.constant([[1., 2.], [3., 4.]])
i = tf.constant([1, 0])
s = tf.IndexedSlices(v, i, tf.constant([5, 2]))
out(str(s), s.name, s.dtype.name, s.op.name, s.device, s.graph is tf.get_default_graph())
out(s.values is v, s.indices is i, s.dense_shape.name)
s2 = tf.IndexedSlices(v, i)
out(str(s2), s2.dense_shape)
n = -s
out(type(n).__name__, n.values.op.type, n.values.name, n.indices is i, n.dense_shape is s.dense_shape)
""",
    "to_dense": """
s = tf.IndexedSlices(tf.constant([[1., 2.], [3., 4.], [5., 6.]]), tf.constant([1, 3, 1]), tf.constant([5, 2]))
d = tf.convert_to_tensor(s)
out(d.name, str(d.shape), d.dtype.name, d.op.type, [t.name for t in d.op.inputs], d.op.inputs[2].op.type)
with tf.name_scope("scope"):
    d2 = tf.convert_to_tensor(s, name="dense")
out(d2.name, d2.op.inputs[2].name)
d3 = tf.convert_to_tensor(s, dtype=tf.float32)
out(d3.name, (s.values * 2.).name)
p = tf.placeholder(tf.float32, [None, 2], name="p")
d4 = tf.convert_to_tensor(tf.IndexedSlices(s.values, s.indices, tf.shape(p)))
out(d4.name, str(d4.shape))
with tf.Session() as sess:
    out(sess.run([d, d4 * 2.], {p: np.zeros((4, 2), np.float32)}))
""",
    "to_dense_errors": """
s = tf.IndexedSlices(tf.constant([[1., 2.]]), tf.constant([0]))
for dtype in (None, tf.int32):
    try:
        tf.convert_to_tensor(s if dtype is None else tf.IndexedSlices(s.values, s.indices, tf.constant([2, 2])),
                             dtype=dtype)
    except ValueError as e:
        out(type(e).__name__, str(e))
""",
    "fetch": """
v = tf.constant([[1., 2.], [3., 4.]])
i = tf.constant([1, 0])
s = tf.IndexedSlices(v, i, tf.constant([5, 2], name="shape"))
s2 = tf.IndexedSlices(v * 2., i)
with tf.Session() as sess:
    r = sess.run(s)
    out(type(r).__name__, r._fields, r)
    r2 = sess.run(s2)
    out(type(r2).__name__, r2.dense_shape is None, r2)
    nested = sess.run({"a": [s, v], "b": (s2,)})
    out(sorted(nested), [type(x).__name__ for x in nested["a"]], type(nested["b"][0]).__name__, nested)
    out(sess.run([s.values, s, i]))
""",
    "gather_gradient": """
emb = tf.Variable(np.arange(12, dtype=np.float32).reshape(4, 3), name="emb")
e = tf.nn.embedding_lookup(emb, [1, 3, 1])
loss = tf.reduce_sum(e * e)
g = tf.gradients(loss, [emb])[0]
out(desc(g))
out(str(g))
run(g, tf.convert_to_tensor(g))
""",
    "gather_gradient_constant": """
params = tf.constant([[1., 2.], [3., 4.], [5., 6.]])
g = tf.gradients(tf.reduce_sum(tf.gather(params, [[2, 0], [1, 2]]) * 3.), params)[0]
out(desc(g))
run(g)
""",
    "gather_gradient_int64_ids": """
params = tf.constant([[1., 2.], [3., 4.], [5., 6.]])
g = tf.gradients(tf.reduce_sum(tf.gather(params, tf.constant([2, 0], tf.int64))), params)[0]
out(desc(g))
run(g)
""",
    "gather_gradient_unknown_shape": """
p = tf.placeholder(tf.float32, [None, 2], name="p")
g = tf.gradients(tf.reduce_sum(tf.gather(p, [1, 0]) * 2.), p)[0]
out(desc(g))
q = tf.placeholder(tf.float32, name="q")
g2 = tf.gradients(tf.reduce_sum(tf.gather(q, [1, 0])), q)[0]
out(desc(g2))
with tf.Session() as sess:
    out(sess.run(g, {p: np.ones((3, 2), np.float32)}))
""",
    "several_gathers": """
emb = tf.Variable(np.arange(8, dtype=np.float32).reshape(4, 2), name="emb")
loss = tf.reduce_sum(tf.gather(emb, [3])) * 2. + tf.reduce_sum(tf.gather(emb, [0, 1]))
g = tf.gradients(loss, emb)[0]
out(desc(g))
p = tf.constant([[1., 2.], [3., 4.], [5., 6.]])
g2 = tf.gradients(tf.reduce_sum(tf.gather(p, [2, 0])) + tf.reduce_sum(tf.gather(p, [[1], [1]])), p)[0]
out(desc(g2))
run(g, g2)
""",
    "dense_cases": """
emb = tf.Variable(np.arange(8, dtype=np.float32).reshape(4, 2), name="emb")
mixed = tf.gradients(tf.reduce_sum(tf.gather(emb, [1, 1])) + tf.reduce_sum(emb * 2.), emb)[0]
axis1 = tf.gradients(tf.reduce_sum(tf.gather(emb, [[1], [0]], axis=1)), emb)[0]
out(desc(mixed), kind(axis1), str(axis1.shape))
run(mixed, axis1)
""",
    "other_xs": """
emb = tf.Variable(np.arange(8, dtype=np.float32).reshape(4, 2), name="emb")
h = tf.identity(tf.gather(emb, [0, 0]))
gs = tf.gradients(tf.reduce_sum(h * h), [emb, h, emb])
out([kind(g) for g in gs], gs[0] is gs[2])
x = tf.Variable(2.0, name="x")
emb2 = emb * x
gs2 = tf.gradients(tf.reduce_sum(tf.gather(emb2, [0, 1, 0])), [x, emb2])
out([kind(g) for g in gs2])
stopped = tf.gradients(tf.reduce_sum(tf.gather(emb, [0, 1])), emb, stop_gradients=[emb])[0]
out(kind(stopped))
run(gs[0], gs[1], gs2[0], gs2[1], stopped)
""",
    "tuple_and_clip": """
emb = tf.Variable(np.arange(8, dtype=np.float32).reshape(4, 2), name="emb")
g = tf.gradients(tf.reduce_sum(tf.gather(emb, [0, 1, 1]) * 3.), emb)[0]
t = tf.tuple([g, emb.value()])
out(kind(t[0]), t[0].values.name, t[0].indices.name, t[0].dense_shape.name, t[1].name)
clipped, norm = tf.clip_by_global_norm([g, emb * 1.], 2.0)
out(kind(clipped[0]), clipped[0].values.name, clipped[0].indices.name, norm.name, tf.global_norm([g]).name)
run(t[0], clipped[0], clipped[1], norm, tf.global_norm([g]))
""",
    "hessian": """
emb = tf.Variable(np.arange(6, dtype=np.float32).reshape(3, 2), name="emb")
h = tf.hessians(tf.reduce_sum(tf.gather(emb, [0, 2, 0]) ** 3), emb)[0]
out(kind(h), str(h.shape))
run(h)
""",
    "resource_variable": """
r = tf.get_variable("r", initializer=np.arange(6, dtype=np.float32).reshape(3, 2), use_resource=True)
e = tf.nn.embedding_lookup(r, [0, 2, 2])
g = tf.gradients(tf.reduce_sum(e * e), r)[0]
out(type(g).__name__, g.values.name, str(g.values.shape), g.indices.name, str(g.dense_shape.shape))
run(g)
""",
    "apply_duplicates": """
emb = tf.Variable([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], name="emb")
grad = tf.IndexedSlices(tf.constant([[1.0, 1.0], [2.0, -1.0], [0.5, 0.5]]), tf.constant([2, 0, 2]),
                        tf.constant([3, 2]))
steps = [tf.train.GradientDescentOptimizer(0.5), tf.train.AdagradOptimizer(0.5), tf.train.MomentumOptimizer(0.5, 0.5),
         tf.train.AdamOptimizer(0.5)]
trains = [opt.apply_gradients([(grad, emb)]) for opt in steps]
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for t in trains:
        sess.run(t)
        out(sess.run(emb))
""",
    "apply_errors": """
emb = tf.Variable(np.ones((3, 2), np.float32), name="emb")
for opt in (tf.train.MomentumOptimizer(0.1, 0.9), tf.train.AdagradOptimizer(0.1),
            tf.train.GradientDescentOptimizer(0.1)):
    for vals, idx in (([[1., 2., 3.]], [0]), ([[1., 2.]], [[0]]), ([[1., 2.], [3., 4.]], [0]), ([[1., 2.]], [0.5])):
        try:
            opt.apply_gradients([(tf.IndexedSlices(tf.constant(vals), tf.constant(idx), tf.constant([3, 2])), emb)])
            out("built")
        except (TypeError, ValueError) as e:
            out(type(e).__name__, str(e).split(" for '")[0])
""",
    "resource_optimizers": """
r = tf.get_variable("r", initializer=np.arange(6, dtype=np.float32).reshape(3, 2) - 2., use_resource=True)
loss = tf.reduce_sum(tf.nn.embedding_lookup(r, [0, 2, 0]) * tf.constant([[1., 2.], [3., 4.], [-1., 0.5]]))
trains = [tf.train.MomentumOptimizer(0.1, 0.9).minimize(loss), tf.train.AdagradOptimizer(0.1).minimize(loss),
          tf.train.GradientDescentOptimizer(0.1).minimize(loss), tf.train.AdamOptimizer(0.1).minimize(loss)]
out(sorted(o.type for o in tf.get_default_graph().get_operations() if o.type.startswith("ResourceSparse")))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for t in trains:
        sess.run(t)
        sess.run(t)
        out(sess.run(r))
""",
    **{f"sparse_{name}": _SPARSE_STEPS.format(opt=opt) for name, opt in _OPTIMIZERS.items()},
}.items()}
