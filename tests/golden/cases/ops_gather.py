"""Golden cases for ops/gather_ops.py: gather_nd, gather with batch_dims, scatter_nd, boolean_mask, unique,
dynamic_partition / dynamic_stitch (names, shapes, values, TF's errors)."""

CASES = {
    "gather_nd_names_shapes": """
p = tf.placeholder(tf.float32, [None, 3, 4], name="p")
i = tf.placeholder(tf.int64, [5, 2], name="i")
ts = [tf.gather_nd(p, i), tf.gather_nd(p, [[0, 1, 2]]), tf.gather_nd(p, [1], name="g"),
      tf.gather_nd(tf.placeholder(tf.float32), i), tf.gather_nd(p, tf.placeholder(tf.int32, [None, 3]))]
for t in ts:
    out(t.name, t.op.type, str(t.shape), t.dtype.name, [x.name for x in t.op.inputs],
        t.op.get_attr("Tindices").name, t.op.get_attr("Tparams").name)
""",
    "gather_nd_values": """
c = tf.constant(np.arange(24, dtype=np.float32).reshape(2, 3, 4))
p = tf.placeholder(tf.int32, [None, 2])
with tf.Session() as sess:
    out(sess.run([tf.gather_nd(c, [[0, 1], [1, 2]]), tf.gather_nd(c, [[[1, 0, 3]], [[0, 2, 1]]]),
                  tf.gather_nd(c, [1]), tf.gather_nd(c, p)], {p: [[1, 1], [0, 0], [1, 0]]}))
""",
    "gather_nd_error_rank": "tf.gather_nd(tf.zeros([2, 3]), [[0, 1, 2]])\n",
    "gather_nd_error_scalar_params": "tf.gather_nd(tf.constant(1.), [[0]])\n",
    "gather_batch_dims": """
c = tf.constant(np.arange(24).reshape(2, 3, 4))
i = tf.constant([[0, 2], [1, 1]])
g = tf.gather(c, i, batch_dims=1)
g2 = tf.gather(c, i, axis=2, batch_dims=1)
g3 = tf.gather(c, [[[0], [1], [3]], [[2], [2], [0]]], axis=-1, batch_dims=2)
for t in (g, g2, g3):
    out(t.name, str(t.shape), t.op.get_attr("batch_dims"))
with tf.Session() as sess:
    out(sess.run([g, g2, g3]))
""",
    "gather_batch_dims_negative_and_defaults": """
c = tf.constant(np.arange(24).reshape(2, 3, 4))
i = tf.constant([[0, 2], [1, 1]])
ts = [tf.gather(c, i, batch_dims=-1), tf.gather(c, i, axis=1, batch_dims=-1), tf.gather(c, i, batch_dims=-2),
      tf.gather(c, i, axis=0, batch_dims=1), tf.gather(c, i, axis=tf.constant(0), batch_dims=1),
      tf.gather(c, i, axis=tf.constant(-2, tf.int64), batch_dims=1, name="g"),
      tf.gather(c, i, axis=-1, batch_dims=1.0), tf.gather(c, i, axis=1, batch_dims=None)]
for t in ts:
    out(t.name, str(t.shape), t.op.get_attr("batch_dims"), [x.name for x in t.op.inputs], t.op.get_attr("Taxis").name)
with tf.Session() as sess:
    out(sess.run(ts[:3] + ts[5:]))
""",
    "gather_batch_dims_unknown_shapes": """
p = tf.placeholder(tf.float32, [None, None, 3], name="p")
pi = tf.placeholder(tf.int32, [None, None], name="pi")
ax = tf.placeholder(tf.int32, [], name="ax")
ts = [tf.gather(p, [[0, 1], [1, 2]], batch_dims=1), tf.gather(tf.constant(np.ones((2, 3, 4))), pi, batch_dims=-1),
      tf.gather(p, pi, batch_dims=1, axis=2), tf.gather(tf.placeholder(tf.float32), pi, batch_dims=1),
      tf.gather(p, tf.placeholder(tf.int32), batch_dims=-1, axis=2), tf.gather(p, pi, batch_dims=1, axis=ax),
      tf.gather(p, pi, batch_dims=-1, axis=ax), tf.gather(p, pi, batch_dims=-2, axis=ax)]
for t in ts:
    out(t.name, str(t.shape))
with tf.Session() as sess:
    out(sess.run(ts[2], {p: np.arange(12, dtype=np.float32).reshape(2, 2, 3), pi: [[2, 0, 0], [1, 1, 2]]}))
""",
    "gather_batch_dims_build_errors": """
c = tf.constant(np.arange(24).reshape(2, 3, 4))
i = [[0, 1], [1, 2]]
for kwargs in [dict(batch_dims=-3), dict(batch_dims=3, axis=2), dict(batch_dims=4, axis=2), dict(batch_dims=3),
               dict(batch_dims=1, axis=3), dict(batch_dims=1, axis=-4), dict(batch_dims=-3, axis=5),
               dict(batch_dims=1, axis=[1]), dict(axis=1.5), dict(batch_dims=tf.constant(1)),
               dict(batch_dims="1", axis=1), dict(batch_dims=[1], axis=1)]:
    try:
        tf.gather(c, i, **kwargs)
    except (TypeError, ValueError) as e:
        out(sorted(kwargs), type(e).__name__, str(e))
for params, indices, kwargs in [(tf.constant(1.), [0], {}), (tf.constant(1.), [0], dict(batch_dims=-1)),
                                (c, 0, dict(batch_dims=1)), (c, 0, dict(batch_dims=-1, axis=1)),
                                (c, [0.5], dict(axis=1)), (tf.placeholder(tf.float32), i, dict(batch_dims=3, axis=2)),
                                (tf.constant([1., 2.]), tf.placeholder(tf.int32), dict(batch_dims=5, axis=-1))]:
    try:
        tf.gather(params, indices, **kwargs)
    except (TypeError, ValueError) as e:
        out(sorted(kwargs), type(e).__name__, str(e))
""",
    "gather_batch_dims_error_batch_mismatch": """
g = tf.gather(tf.constant(np.arange(24).reshape(2, 3, 4)), [[0, 1], [1, 2], [0, 0]], batch_dims=1)
out(g.name, str(g.shape))
with tf.Session() as sess:
    sess.run(g)
""",
    "gather_batch_dims_error_axis_before_batch": """
g = tf.gather(tf.constant(np.arange(24).reshape(2, 3, 4)), [[0, 1], [1, 2]], axis=-3, batch_dims=-1)
out(g.name, str(g.shape), g.op.get_attr("batch_dims"))
with tf.Session() as sess:
    sess.run(g)
""",
    "gather_batch_dims_gradient": """
v = tf.Variable(np.arange(24, dtype=np.float32).reshape(2, 3, 4), name="v")
ys = [tf.gather(v, [[0, 1], [1, 1]], batch_dims=1, axis=1), tf.gather(v, [[0, 1], [1, 0]]),
      tf.gather(v, [[2, 0, 2], [1, 1, 3]], axis=2, batch_dims=-1), tf.gather(v, [2, 0], axis=2)]
grads = [tf.gradients(tf.reduce_sum(y * y), v)[0] for y in ys]
out([isinstance(g, tf.IndexedSlices) for g in grads], [g.dense_shape.name for g in grads if hasattr(g, "dense_shape")])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    values = sess.run(grads)
    out([v if isinstance(v, np.ndarray) else (v.values, v.indices, v.dense_shape) for v in values])
""",
    "gather_batch_dims_optimizer_step": """
v = tf.Variable(np.arange(12, dtype=np.float32).reshape(2, 6), name="v")
w = tf.Variable(np.arange(12, dtype=np.float32).reshape(6, 2), name="w")
loss = tf.reduce_sum(tf.square(tf.gather(v, [[0, 5, 5], [1, 2, 3]], batch_dims=1))) + \
    tf.reduce_sum(tf.gather(w, [[0, 5], [5, 1]]) * 3.)
opt = tf.train.MomentumOptimizer(0.1, 0.9)
grads = opt.compute_gradients(loss)
out([(type(g).__name__ == "IndexedSlices", x.name) for g, x in grads])
step = opt.apply_gradients(grads)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    sess.run(step)
    sess.run(step)
    out(sess.run([v, w, opt.get_slot(v, "momentum"), opt.get_slot(w, "momentum")]))
""",
    "gather_axis_values": """
c = tf.constant(np.arange(12, dtype=np.float32).reshape(3, 4))
p = tf.placeholder(tf.int64, [None])
with tf.Session() as sess:
    out(sess.run([tf.gather(c, [2, 0]), tf.gather(c, [[1], [3]], axis=1), tf.gather(c, p, axis=-1)],
                 {p: [3, 3, 0]}))
""",
    "scatter_nd": """
s = tf.scatter_nd([[0], [2], [0]], [1., 2., 3.], [4])
s2 = tf.scatter_nd(tf.constant([[1, 0], [0, 1]]), tf.constant([[5, 6], [7, 8]]), tf.constant([2, 2, 2]))
s3 = tf.scatter_nd([[1]], tf.placeholder(tf.float32, [1, 3]), [2, 3], name="sc")
for t in (s, s2, s3):
    out(t.name, t.op.type, str(t.shape), t.dtype.name, [x.name for x in t.op.inputs])
with tf.Session() as sess:
    out(sess.run([s, s2, s3], {s3.op.inputs[1]: [[1., 2., 3.]]}))
""",
    "scatter_nd_error_updates": "tf.scatter_nd([[0], [1]], [1., 2., 3.], [4])\n",
    "boolean_mask": """
x = tf.constant([[1, 2], [3, 4], [5, 6]])
m = tf.boolean_mask(x, [True, False, True])
m2 = tf.boolean_mask(x, [[True, False], [False, True], [True, True]], name="bm")
m3 = tf.boolean_mask(x, [False, True], axis=1)
for t in (m, m2, m3):
    out(t.name, t.op.type, str(t.shape), t.dtype.name)
with tf.Session() as sess:
    out(sess.run([m, m2, m3]))
""",
    "boolean_mask_structure": """
x = tf.constant([[1, 2], [3, 4], [5, 6]])
p = tf.placeholder(tf.float32, [None, 3, 4], name="p")
m = tf.boolean_mask(x, [True, False, True])
m2 = tf.boolean_mask(p, tf.constant(np.arange(12).reshape(3, 4) % 5 == 0), axis=1, name="bm")
out([(o.name, o.type, [t.name for t in o.inputs]) for o in tf.get_default_graph().get_operations()])
out(str(m2.shape))
with tf.Session() as sess:
    out(sess.run([m, m2], {p: np.arange(24, dtype=np.float32).reshape(2, 3, 4)}))
""",
    "boolean_mask_error_rank": "tf.boolean_mask(tf.zeros([2]), [[True, False]])\n",
    "boolean_mask_error_shape": "tf.boolean_mask(tf.zeros([2, 3]), [True, False, True])\n",
    "boolean_mask_error_scalar": "tf.boolean_mask(tf.zeros([2]), True)\n",
    "unique": """
u, idx = tf.unique([4, 1, 4, 2, 1])
v = tf.unique(tf.constant([1.5, 1.5]), out_idx=tf.int64, name="uu")
for t in (u, idx, v.y, v.idx):
    out(t.name, t.op.type, str(t.shape), t.dtype.name)
with tf.Session() as sess:
    out(sess.run([u, idx, v.y, v.idx]))
""",
    "unique_with_counts": """
r = tf.unique_with_counts(tf.constant([3, 3, 1]))
out([(t.name, str(t.shape), t.dtype.name) for t in r])
with tf.Session() as sess:
    out(sess.run(list(r)))
""",
    "unique_error_rank": "tf.unique(tf.zeros([2, 2]))\n",
    "dynamic_partition": """
parts = tf.dynamic_partition(tf.constant([[1., 2.], [3., 4.], [5., 6.]]), [1, 0, 1], 3)
out([(t.name, t.op.type, str(t.shape)) for t in parts])
with tf.Session() as sess:
    out(sess.run(parts))
""",
    "dynamic_stitch": """
s = tf.dynamic_stitch([[0, 2], [1, 3]], [[[1., 1.], [3., 3.]], [[2., 2.], [4., 4.]]])
s2 = tf.dynamic_stitch([tf.constant(1), [0, 2]], [tf.constant(7), [5, 6]], name="ds")
for t in (s, s2):
    out(t.name, t.op.type, str(t.shape), t.dtype.name, t.op.get_attr("N"))
with tf.Session() as sess:
    out(sess.run([s, s2]))
""",
    "resource_gather_structure": """
v = tf.get_variable("v", [4, 3], use_resource=True)
p = tf.placeholder(tf.int64, [None, 2], name="p")
ts = [tf.gather(v, [0, 2]), tf.gather(v, [1], name="foo"), tf.gather(v, p), tf.gather(v, 1, axis=0),
      tf.gather(v, [1], axis=1), tf.nn.embedding_lookup(v, [1, 1]), tf.nn.embedding_lookup(v, p, name="emb")]
for t in ts:
    op = t.op if t.op.type != "Identity" else t.op.inputs[0].op
    attrs = {k: str(op.get_attr(k)) for k in ("batch_dims", "dtype", "validate_indices", "Tindices", "Tparams")
             if k in op.node_def.attr}
    out(t.name, str(t.shape), op.name, op.type, [x.name for x in op.inputs], attrs, op.colocation_groups())
out([o.name for o in tf.get_default_graph().get_operations() if o.type == "ReadVariableOp"])
""",
    "resource_gather_errors": """
v = tf.get_variable("v", [4, 3], use_resource=True)
s = tf.get_variable("s", [], use_resource=True)
for params, indices in [(v, tf.constant([1], tf.int16)), (v, [0.5]), (s, [0])]:
    try:
        tf.gather(params, indices)
    except (TypeError, ValueError) as e:
        out(type(e).__name__, str(e))
try:
    tf.nn.embedding_lookup(v, tf.constant([1], tf.int16))
except TypeError as e:
    out(str(e))
out([o.name for o in tf.get_default_graph().get_operations() if o.name.startswith(("Gather", "embedding"))])
""",
    "resource_gather_values_and_gradient": """
v = tf.get_variable("v", initializer=np.arange(12, dtype=np.float32).reshape(4, 3), use_resource=True)
g = tf.gather(v, [[3, 0], [1, 3]])
e = tf.nn.embedding_lookup(v, [2, 2, 0])
loss = tf.reduce_sum(g * g) + tf.reduce_sum(e)
gv = tf.gradients(tf.reduce_sum(g * g), v)[0]
out(type(gv).__name__, gv.values.name, gv.indices.name, gv.dense_shape.name)
ge = tf.gradients(loss, v)[0]
out(type(ge).__name__, ge.values.name, ge.indices.name)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run([g, e, gv.values, gv.indices, gv.dense_shape, ge.values, ge.indices]))
""",
    "resource_embedding_optimizer_steps": """
ids = tf.constant([2, 0, 2])
def make(name):
    v = tf.get_variable(name, initializer=np.arange(12, dtype=np.float32).reshape(4, 3) / 10., use_resource=True)
    return v, tf.reduce_sum(tf.square(tf.nn.embedding_lookup(v, ids) - 1.))
opts = [tf.train.GradientDescentOptimizer(0.1), tf.train.MomentumOptimizer(0.1, 0.9),
        tf.train.AdagradOptimizer(0.1), tf.train.AdamOptimizer(0.1), tf.train.RMSPropOptimizer(0.1)]
steps = []
for i, opt in enumerate(opts):
    v, loss = make("v%d" % i)
    (grad, _), = opt.compute_gradients(loss, [v])
    out(type(grad).__name__, grad.values.name)
    steps.append((v, opt.apply_gradients([(grad, v)])))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for _ in range(2):
        sess.run([op for _, op in steps])
    out(sess.run([v for v, _ in steps]))
""",
}
