"""Golden cases for the array ops (ops/array_ops, shape_ops, join_ops, fill_ops, slicing)."""


CASES = {
    # ---- placeholders and identity ----------------------------------------------------------------
    "placeholder_printing": """
x = tf.placeholder(tf.float32, [None, 3], name="x")
u = tf.placeholder(tf.int32)
s = tf.placeholder(tf.int32, [])
out(str(x), repr(x), str(x.shape), str(u), repr(u), str(u.shape), str(s), str(s.shape))
""",
    "placeholder_with_default": """
a = tf.placeholder_with_default([1., 2.], [None])
b = tf.placeholder_with_default(3, [], name="b")
with tf.name_scope("ns"):
    c = tf.placeholder_with_default(tf.constant([[1, 2]]), [None, 2])
for t in (a, b, c):
    out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs])
with tf.Session() as sess:
    out(sess.run([a, b, c]), sess.run(a, {a: [5., 6., 7.]}))
""",
    "identity": """
x = tf.placeholder(tf.float32, [None, 3], name="x")
with tf.name_scope("ns"):
    i = tf.identity(x)
j = tf.identity([1, 2], name="j")
out(i.name, i.op.type, str(i.shape), j.name, [t.name for t in j.op.inputs])
""",
    # ---- reshape ----------------------------------------------------------------------------------
    "reshape_names_shapes": """
x = tf.placeholder(tf.float32, [None, 3], name="x")
s = tf.placeholder(tf.int32, [2])
ts = [tf.reshape(x, [-1]), tf.reshape(x, (3, -1)), tf.reshape(x, tf.constant([3, -1])), tf.reshape(x, s),
      tf.reshape(x, tf.shape(x)), tf.reshape(x, [-1, 6], name="r"), tf.reshape(x, [tf.shape(x)[0], 3]),
      tf.reshape(x, [-1, tf.shape(x)[1]]), tf.reshape(tf.placeholder(tf.float32), [2, -1])]
with tf.name_scope("ns"):
    ts.append(tf.reshape(x, [-1, 1]))
for t in ts:
    out(t.name, t.op.type, str(t.shape), [i.name for i in t.op.inputs])
""",
    "reshape_values": """
c = tf.constant(np.arange(6, dtype=np.float32))
x = tf.placeholder(tf.float32, [None, 3])
r = tf.reshape(x, [-1])
with tf.Session() as sess:
    out(sess.run([tf.reshape(c, [2, 3]), tf.reshape(c, [-1, 2]), tf.reshape(c, [3, 1, 2]),
                  r, tf.reshape(x, tf.stack([3, -1]))], {x: np.ones((2, 3), np.float32)}))
""",
    "reshape_error_elements": "c = tf.constant([[1, 2, 3], [4, 5, 6]])\ntf.reshape(c, [4])\n",
    "reshape_error_divisible": "c = tf.constant([[1, 2, 3], [4, 5, 6]])\ntf.reshape(c, [-1, 4])\n",
    "reshape_error_partial_input": "x = tf.placeholder(tf.float32, [None, 3])\ntf.reshape(x, [2, 2])\n",
    "reshape_error_rank": "c = tf.constant([[1, 2, 3], [4, 5, 6]])\ntf.reshape(c, [[2, 3]])\n",
    "reshape_two_unknowns": """
t = tf.reshape(tf.constant([[1, 2, 3], [4, 5, 6]]), [-1, -1])
out(str(t.shape))
""",
    # ---- transpose --------------------------------------------------------------------------------
    "transpose_names": """
x = tf.placeholder(tf.float32, [None, 3, 2], name="x")
ts = [tf.transpose(x), tf.transpose(x, [1, 0, 2]), tf.transpose(x, name="tt"), tf.transpose(x, [0, 0, 1])]
u = tf.transpose(tf.placeholder(tf.float32))
for t in ts + [u]:
    out(t.name, t.op.type, str(t.shape), [i.name for i in t.op.inputs])
c = tf.constant(np.arange(6).reshape(2, 3))
with tf.Session() as sess:
    out(sess.run([tf.transpose(c), tf.transpose(c, [1, 0]), tf.transpose(tf.reshape(c, [1, 2, 3]), [2, 0, 1])]))
""",
    "transpose_error_length": "tf.transpose(tf.constant([[1, 2, 3], [4, 5, 6]]), [0])\n",
    "transpose_error_range": "tf.transpose(tf.constant([[1, 2, 3], [4, 5, 6]]), [0, 2])\n",
    # ---- concat -----------------------------------------------------------------------------------
    "concat_names_shapes": """
x = tf.placeholder(tf.float32, [None, 3], name="x")
ts = [tf.concat([x, x], 0), tf.concat([x, x], -1), tf.concat([x], 0), tf.concat([x, x], 1, name="cc"),
      tf.concat([x, [[1., 2., 3.]]], 0), tf.concat([x, x], tf.placeholder(tf.int32, []))]
with tf.name_scope("ns"):
    ts.append(tf.concat([x, x], 0))
for t in ts:
    out(t.name, t.op.type, str(t.shape), [i.name for i in t.op.inputs])
with tf.Session() as sess:
    out(sess.run([tf.concat([[1, 2], [3]], 0), tf.concat([[[1]], [[2]]], 1)]))
""",
    "concat_error_dtype": "tf.concat([tf.constant([1]), tf.constant([1.0])], 0)\n",
    "concat_error_dims": "tf.concat([tf.constant([[1, 2, 3], [4, 5, 6]]), tf.constant([[1, 2]])], 0)\n",
    "concat_error_axis": "tf.concat([tf.constant([[1, 2]]), tf.constant([[1, 2]])], 2)\n",
    "concat_error_negative_axis": "tf.concat([tf.constant([[1, 2]]), tf.constant([[1, 2]])], -3)\n",
    "concat_error_empty": "tf.concat([], 0)\n",
    # ---- stack / unstack --------------------------------------------------------------------------
    "stack_names_shapes": """
x = tf.placeholder(tf.float32, [None, 3], name="x")
ts = [tf.stack([x, x]), tf.stack([x, x], axis=1), tf.stack([x, x], axis=-1), tf.stack([1, 2]),
      tf.stack([1, 2], name="s"), tf.stack([[1, 2], [3, 4]], axis=1), tf.stack([x[0, 0], 1.])]
for t in ts:
    out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs])
with tf.Session() as sess:
    out(sess.run(ts[3:6]))
""",
    "stack_error_rank": "tf.stack([tf.constant([[1, 2]]), tf.constant([1, 2])])\n",
    "stack_error_dims": "tf.stack([tf.constant([[1, 2, 3], [4, 5, 6]]), tf.constant([[1, 2]])])\n",
    "stack_error_axis": "tf.stack([tf.constant([1, 2]), tf.constant([1, 2])], axis=3)\n",
    "unstack_names_values": """
x = tf.placeholder(tf.float32, [None, 3], name="x")
parts = tf.unstack(x, axis=1)
out([(t.name, str(t.shape)) for t in parts], parts[0].op.type)
c = tf.constant(np.arange(6).reshape(2, 3))
with tf.Session() as sess:
    out(sess.run(tf.unstack(c)), sess.run(tf.unstack(c, axis=-1, name="u")))
""",
    "unstack_error_unknown_dim": "tf.unstack(tf.placeholder(tf.float32, [None, 3]))\n",
    "unstack_error_unknown_rank": "tf.unstack(tf.placeholder(tf.float32))\n",
    "unstack_error_axis": "tf.unstack(tf.constant([[1, 2]]), axis=2)\n",
    "unstack_error_num": "tf.unstack(tf.constant([[1, 2, 3], [4, 5, 6]]), num=3)\n",
    # ---- auto-packing -----------------------------------------------------------------------------
    "autopack": """
x = tf.placeholder(tf.float32, [None, 3], name="x")
ts = [tf.convert_to_tensor([x[0, 0], 2.0]), tf.convert_to_tensor([[x[0, 0], 2.0], [3., 4.]]),
      tf.convert_to_tensor([x[0, 0], 2.0], name="cv"), tf.convert_to_tensor([[x[0, 0], 2.0], [x[0, 1], 4.]])]
with tf.name_scope("ns"):
    ts.append(tf.convert_to_tensor([x[0, 0], 2.0]))
for t in ts:
    out(t.name, t.op.type, str(t.shape), [i.name for i in t.op.inputs])
with tf.Session() as sess:
    out(sess.run(ts, {x: [[1., 2., 3.]]}))
""",
    "autopack_error_dtype": """
x = tf.placeholder(tf.float32, [None, 3], name="x")
tf.convert_to_tensor([x[0, 0], tf.constant([1, 2])[0]])
""",
    # ---- split ------------------------------------------------------------------------------------
    "split_names_values": """
x = tf.placeholder(tf.float32, [None, 3], name="x")
a = tf.split(x, 3, axis=1)
b = tf.split(x, [1, 2], axis=1)
d = tf.split(x, [1, -1], axis=1, name="sv")
for t in a + b + d:
    out(t.name, t.op.type, str(t.shape), [i.name for i in t.op.inputs])
c = tf.constant(np.arange(12).reshape(2, 6))
with tf.Session() as sess:
    out(sess.run(tf.split(c, 2, 1) + tf.split(c, [1, 2, 3], 1) + tf.split(c, [2, -1], -1)))
""",
    "split_error_divisible": "tf.split(tf.constant([[1, 2, 3], [4, 5, 6]]), 2, axis=1)\n",
    "split_error_sizes": "tf.split(tf.constant([[1, 2, 3], [4, 5, 6]]), [1, 1], axis=1)\n",
    "split_error_axis": "tf.split(tf.constant([[1, 2, 3], [4, 5, 6]]), 3, axis=2)\n",
    # ---- squeeze / expand_dims ----------------------------------------------------------------------
    "squeeze_expand_dims": """
p = tf.placeholder(tf.float32, [1, 2, 1])
x = tf.placeholder(tf.float32, [None, 3], name="x")
ts = [tf.squeeze(p), tf.squeeze(p, [0]), tf.squeeze(p, axis=-1, name="sq"),
      tf.squeeze(tf.placeholder(tf.float32, [None, 2, 1])), tf.squeeze(tf.placeholder(tf.float32)),
      tf.expand_dims(x, 0), tf.expand_dims(x, -1), tf.expand_dims(x, 1, name="ed"),
      tf.expand_dims(tf.placeholder(tf.float32), 1)]
for t in ts:
    out(t.name, t.op.type, str(t.shape), [i.name for i in t.op.inputs])
with tf.Session() as sess:
    out(sess.run([tf.squeeze([[1], [2]]), tf.expand_dims([1, 2], 0)]))
""",
    "squeeze_error_dim": "tf.squeeze(tf.constant([[1, 2, 3], [4, 5, 6]]), [0])\n",
    "squeeze_error_range": "tf.squeeze(tf.constant([[1, 2, 3], [4, 5, 6]]), [5])\n",
    "expand_dims_error_range": "tf.expand_dims(tf.constant([[1, 2, 3], [4, 5, 6]]), 3)\n",
    "expand_dims_error_negative": "tf.expand_dims(tf.constant([[1, 2, 3], [4, 5, 6]]), -4)\n",
    # ---- shape / size / rank ------------------------------------------------------------------------
    "shape_size_rank": """
x = tf.placeholder(tf.float32, [None, 3], name="x")
z = tf.zeros([2, 3])
ts = [tf.shape(x), tf.shape(z), tf.shape(x, out_type=tf.int64), tf.shape(x, name="s"),
      tf.shape(tf.placeholder(tf.float32)), tf.size(x), tf.size(z), tf.size(x, out_type=tf.int64),
      tf.rank(x), tf.rank(tf.placeholder(tf.float32)), tf.rank(x, name="r")]
for t in ts:
    out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs])
with tf.Session() as sess:
    out(sess.run([ts[0], ts[1], ts[2], ts[5], ts[6], ts[8]], {x: np.zeros((4, 3), np.float32)}))
""",
    # ---- constructors -----------------------------------------------------------------------------
    "zeros_ones": """
x = tf.placeholder(tf.float32, [None, 3], name="x")
p = tf.placeholder(tf.int32, [])
ts = [tf.zeros([2, 3]), tf.zeros([2], tf.int32), tf.zeros([]), tf.zeros([20, 60]), tf.zeros(tf.shape(x)),
      tf.zeros((2,), name="z"), tf.zeros([p, 3]), tf.ones([2, 3]), tf.ones([40, 30]), tf.ones(tf.shape(x)),
      tf.ones([2], tf.bool), tf.zeros([1], tf.string)]
for t in ts:
    out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs])
with tf.Session() as sess:
    v = sess.run([ts[0], ts[1], ts[2], ts[4], ts[9], ts[10]], {x: np.zeros((1, 3), np.float32)})
    out(v, sess.run(ts[3]).shape, float(sess.run(ts[8]).sum()))
""",
    "zeros_like_ones_like": """
x = tf.placeholder(tf.float32, [None, 3], name="x")
k = tf.placeholder(tf.float32, [2, 3])
c = tf.constant([1, 2])
ts = [tf.zeros_like(x), tf.zeros_like(c), tf.zeros_like(k), tf.zeros_like(x, dtype=tf.int32),
      tf.ones_like(x), tf.ones_like(c), tf.ones_like(k), tf.ones_like(x, dtype=tf.int32), tf.zeros_like(c, name="zl")]
for t in ts:
    out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs])
with tf.Session() as sess:
    out(sess.run(ts[:2] + ts[3:6] + ts[7:], {x: np.ones((2, 3), np.float32)}))
""",
    "fill": """
ts = [tf.fill([2, 3], 1.0), tf.fill([2], 5, name="f"), tf.fill([2], "a"),
      tf.fill(tf.placeholder(tf.int32, [2]), 1.0), tf.fill([tf.placeholder(tf.int32, []), 2], 1.)]
for t in ts:
    out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs])
with tf.Session() as sess:
    out(sess.run(ts[:2]))
""",
    "fill_fed_dims": """
p = tf.placeholder(tf.int32, [])
with tf.Session() as sess:
    out(sess.run([tf.zeros([p, 3]), tf.fill([2, p], 7), tf.range(p)], {p: 2}))
""",
    "range": """
ts = [tf.range(5), tf.range(1, 5), tf.range(0., 1., 0.25), tf.range(5, dtype=tf.float32),
      tf.range(tf.constant(3)), tf.range(tf.placeholder(tf.int32, [])), tf.range(1, 5.5),
      tf.range(0, 1, 0.3, dtype=tf.float64), tf.range(10, 1, -3, name="down")]
for t in ts:
    out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs])
with tf.Session() as sess:
    out(sess.run(ts[:5] + ts[6:]))
""",
    "range_error_delta": "tf.range(0, 5, 0)\n",
    "range_error_order": "tf.range(5, 1)\n",
    "range_error_negative": "tf.range(1, 5, -1)\n",
    "linspace": """
a = tf.linspace(0., 1., 5)
b = tf.lin_space(-1., 1., 3, name="ls")
out(a.name, a.op.type, str(a.shape), a.dtype.name, b.name, str(b.shape))
with tf.Session() as sess:
    out(sess.run([a, b, tf.linspace(2., 3., 1)]))
""",
    "eye": """
ts = [tf.eye(3), tf.eye(2, 3), tf.eye(2, batch_shape=[4]), tf.eye(2, dtype=tf.int32), tf.eye(3, 2, name="e")]
for t in ts:
    out(t.name, t.op.type, str(t.shape), t.dtype.name)
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "one_hot": """
ts = [tf.one_hot([1, 2], 3), tf.one_hot(tf.placeholder(tf.int32, [None]), 4, on_value=5, off_value=0),
      tf.one_hot([1], 3, axis=0), tf.one_hot([[0, 2]], 3, dtype=tf.int64, name="oh")]
for t in ts:
    out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs])
with tf.Session() as sess:
    out(sess.run([ts[0], ts[2], ts[3], tf.one_hot([0, 1], 2, on_value=2., off_value=-1.)]))
""",
    # ---- tile / pad -------------------------------------------------------------------------------
    "tile_pad": """
x = tf.placeholder(tf.float32, [None, 3], name="x")
ts = [tf.tile(x, [2, 1]), tf.tile(x, tf.placeholder(tf.int32, [2])), tf.pad(x, [[1, 1], [0, 2]]),
      tf.pad(x, [[1, 1], [0, 2]], constant_values=3), tf.pad(x, [[1, 1], [0, 2]], mode="REFLECT"),
      tf.pad(x, [[0, 0], [1, 1]], name="pp")]
for t in ts:
    out(t.name, t.op.type, str(t.shape), [i.name for i in t.op.inputs])
c = tf.constant([[1, 2, 3], [4, 5, 6]])
with tf.Session() as sess:
    out(sess.run([tf.tile(c, [2, 2]), tf.pad(c, [[1, 0], [0, 1]]), tf.pad(c, [[0, 0], [1, 1]], constant_values=9),
                  tf.pad(c, [[1, 1], [2, 2]], mode="REFLECT"), tf.pad(c, [[1, 1], [1, 1]], mode="symmetric")]))
""",
    "tile_error_rank": "tf.tile(tf.constant([[1, 2, 3], [4, 5, 6]]), [2])\n",
    "pad_error_rank": "tf.pad(tf.constant([[1, 2, 3], [4, 5, 6]]), [[1, 1]])\n",
    # ---- slicing ----------------------------------------------------------------------------------
    "getitem_names_shapes": """
x = tf.placeholder(tf.float32, [None, 3, 4], name="x")
i = tf.placeholder(tf.int32, [])
ts = [x[0], x[:, 1], x[..., 1:3], x[:, None, ::-1], x[tf.newaxis], x[1:-1, :2, 3], x[::2, 1:, -1],
      x[i], x[:, i:], x[i, ..., i], x[:i], x[1:i]]
with tf.name_scope("ns"):
    ts.append(x[0])
for t in ts:
    attrs = [t.op.get_attr(m) for m in ("begin_mask", "end_mask", "ellipsis_mask", "new_axis_mask",
                                        "shrink_axis_mask")]
    out(t.name, t.op.type, str(t.shape), [i.name for i in t.op.inputs], attrs)
out([o.name for o in tf.get_default_graph().get_operations()])
""",
    "getitem_values": """
c = tf.constant(np.arange(24).reshape(2, 3, 4))
with tf.Session() as sess:
    out(sess.run([c[1, ::-1, 1::2], c[..., -1], c[None, :, None, 0], c[-1:0:-1], c[:, 5:], c[:, -10:2],
                  c[1], c[:, :, tf.newaxis, 2], c[0, 1, 2]]))
t = c[:, 5:]
out(str(t.shape), str(c[:, -10:2].shape), str(c[-1:0:-1].shape), str(c[::-1].shape))
""",
    "getitem_error_bounds": "tf.constant([[1, 2, 3], [4, 5, 6]])[2]\n",
    "getitem_error_too_many": "tf.constant([[1, 2, 3], [4, 5, 6]])[0, 0, 0]\n",
    "getitem_error_float": "tf.constant([[1, 2, 3], [4, 5, 6]])[1.5]\n",
    "getitem_error_string": "tf.constant([[1, 2, 3], [4, 5, 6]])['a']\n",
    "getitem_error_float_tensor": "tf.constant([[1, 2, 3], [4, 5, 6]])[tf.constant(1.0)]\n",
    "getitem_error_vector_tensor": "tf.constant([[1, 2, 3], [4, 5, 6]])[tf.constant([1, 2])]\n",
    "getitem_error_zero_step": "tf.constant([[1, 2, 3], [4, 5, 6]])[:, ::0]\n",
    "getitem_error_ellipses": "tf.constant([[1, 2, 3], [4, 5, 6]])[..., ...]\n",
    "strided_slice_function": """
x = tf.placeholder(tf.float32, [None, 3, 4], name="x")
a = tf.strided_slice(x, [0, 1], [2, 3])
b = tf.strided_slice(x, [0], [1], [1], shrink_axis_mask=1)
for t in (a, b):
    out(t.name, t.op.type, str(t.shape), [i.name for i in t.op.inputs])
c = tf.constant(np.arange(12).reshape(3, 4))
with tf.Session() as sess:
    out(sess.run([tf.strided_slice(c, [0, 1], [3, 4], [2, 2]), tf.strided_slice(c, [1], [2], shrink_axis_mask=1)]))
""",
    "slice_gather": """
x = tf.placeholder(tf.float32, [None, 3], name="x")
ts = [tf.slice(x, [0, 1], [-1, 2]), tf.slice(x, [1, 1], [2, 1]), tf.gather(x, [0, 2], axis=1), tf.gather(x, 1),
      tf.gather(x, tf.constant([[0, 1]])), tf.gather(x, [0], name="g")]
for t in ts:
    out(t.name, t.op.type, str(t.shape), [i.name for i in t.op.inputs])
c = tf.constant(np.arange(12).reshape(3, 4))
with tf.Session() as sess:
    out(sess.run([tf.slice(c, [1, 0], [2, -1]), tf.slice(c, [0, 2], [1, 2]), tf.gather(c, [2, 0]),
                  tf.gather(c, [[1], [3]], axis=1)]))
""",
    "slice_error_rank": "tf.slice(tf.constant([[1, 2, 3], [4, 5, 6]]), [0], [1])\n",
    # ---- where --------------------------------------------------------------------------------------
    "where": """
x = tf.placeholder(tf.float32, [None, 3], name="x")
b = tf.placeholder(tf.bool, [None])
ts = [tf.where(x > 0), tf.where(x > 0, x, x),
      tf.where(tf.constant([True, False]), tf.constant([1, 2]), tf.constant([3, 4])),
      tf.where(b, tf.placeholder(tf.float32, [None, 2]), tf.placeholder(tf.float32, [3, 2])),
      tf.where([True, False], [1., 2.], [3., 4.], name="w")]
for t in ts:
    out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs])
c = tf.constant([[1, -2], [-3, 4]])
with tf.Session() as sess:
    out(sess.run([tf.where(c > 0, c, -c), tf.where([True, False], c, tf.zeros_like(c)), ts[2], ts[4]]))
""",
    "where_coordinates": """
c = tf.constant([[1, -2], [-3, 4]])
w = tf.where(c > 0)
out(w.name, str(w.shape), w.dtype.name)
with tf.Session() as sess:
    out(sess.run(w))
""",
    "where_error_rank": "c = tf.constant([[1, 2, 3], [4, 5, 6]])\ntf.where(c > 1, c, tf.constant([1, 2]))\n",
    "where_error_one_none": "tf.where(tf.constant([True]), tf.constant([1]))\n",
    "where_error_dtype": "tf.where(tf.constant([True]), tf.constant([1]), tf.constant([1.0]))\n",
    # ---- feeding through shape arithmetic ---------------------------------------------------------
    "dynamic_shape_run": """
x = tf.placeholder(tf.float32, [None, 3], name="x")
y = tf.reshape(x, [tf.shape(x)[0] * 3])
z = tf.tile(tf.expand_dims(x, 0), [2, 1, 1])
with tf.Session() as sess:
    out(sess.run([y, z, tf.shape(z), tf.size(x), tf.rank(x), tf.zeros_like(x), tf.ones_like(x)],
                 {x: [[1., 2., 3.], [4., 5., 6.]]}))
""",
}
