"""tf.map_fn / foldl / foldr / scan: result names and op types, fn argument names, nests, values, errors."""
CASES = {
    "map_fn_basic": """
x = tf.constant([[1., 2.], [3., 4.], [5., 6.]])
def f(r):
    out(r.name, str(r.shape))
    y = r * 2.
    out(y.name)
    return y
m = tf.map_fn(f, x)
out(m.name, m.op.type, str(m.shape))
with tf.Session() as sess:
    out(sess.run(m))
""",
    "map_fn_dtype_change": """
x = tf.constant([1, 2, 3])
m = tf.map_fn(lambda v: tf.cast(v, tf.float32) * 0.5, x, dtype=tf.float32)
with tf.Session() as sess:
    out(m.dtype.name, sess.run(m))
""",
    "map_fn_tuple_elems": """
a = tf.constant([1., 2., 3.])
b = tf.constant([10., 20., 30.])
m = tf.map_fn(lambda t: (t[0] + t[1], t[0] * t[1]), (a, b), dtype=(tf.float32, tf.float32))
out(("Tensor" if isinstance(m, tf.Tensor) else type(m).__name__), [t.name for t in m])
with tf.Session() as sess:
    out(sess.run(m))
""",
    "map_fn_placeholder_unknown_batch": """
x = tf.placeholder(tf.float32, [None, 2])
m = tf.map_fn(lambda r: tf.reduce_sum(r), x)
out(str(m.shape))
with tf.Session() as sess:
    out(sess.run(m, {x: np.arange(8, dtype=np.float32).reshape(4, 2)}))
""",
    "map_fn_reads_variable": """
v = tf.Variable([1., -1.], name="v")
m = tf.map_fn(lambda r: r * v, tf.constant([[1., 2.], [3., 4.]]), name="scaled")
out(m.name)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run(m))
""",
    "map_fn_not_callable": """
tf.map_fn(3, tf.constant([1., 2.]))
""",
    "map_fn_scalar_elems": """
tf.map_fn(lambda v: v, tf.constant(1.))
""",
    "foldl_basic": """
x = tf.constant([1., 2., 3., 4.])
def f(a, v):
    out(a.name, v.name)
    return a + v
r = tf.foldl(f, x)
r2 = tf.foldl(lambda a, v: a * v, x, initializer=tf.constant(10.))
out(r.name, r.op.type, r2.name)
with tf.Session() as sess:
    out(sess.run([r, r2]))
""",
    "foldr_basic": """
x = tf.constant([1., 2., 3.])
r = tf.foldr(lambda a, v: a * 10. + v, x)
r2 = tf.foldr(lambda a, v: a * 10. + v, x, initializer=tf.constant(0.))
out(r.name, r.op.type)
with tf.Session() as sess:
    out(sess.run([r, r2]))
""",
    "foldl_tuple_initializer": """
x = tf.constant([1., 2., 3.])
r = tf.foldl(lambda a, v: (a[0] + v, a[1] * v), x, initializer=(tf.constant(0.), tf.constant(1.)))
out(("Tensor" if isinstance(r, tf.Tensor) else type(r).__name__), [t.name for t in r])
with tf.Session() as sess:
    out(sess.run(r))
""",
    "scan_basic": """
x = tf.constant([1., 2., 3., 4.])
def f(a, v):
    out(a.name, v.name)
    return a + v
s = tf.scan(f, x)
s2 = tf.scan(lambda a, v: a + v, x, reverse=True)
s3 = tf.scan(lambda a, v: a * v, x, initializer=tf.constant(2.))
out(s.name, s.op.type, str(s.shape))
with tf.Session() as sess:
    out(sess.run([s, s2, s3]))
""",
    "scan_tuple_accumulator": """
x = tf.constant([1., 2., 3.])
s = tf.scan(lambda a, v: (a[0] + v, a[1] * v), x, initializer=(tf.constant(0.), tf.constant(1.)))
out(("Tensor" if isinstance(s, tf.Tensor) else type(s).__name__), [t.name for t in s])
with tf.Session() as sess:
    out(sess.run(s))
""",
    "scan_matrix_rows": """
x = tf.reshape(tf.range(6.), [3, 2])
s = tf.scan(lambda a, r: a + r, x, initializer=tf.zeros([2]))
with tf.Session() as sess:
    out(str(s.shape), sess.run(s))
""",
    "scan_initializer_shape_mismatch": """
x = tf.constant([1., 2.])
tf.scan(lambda a, v: tf.stack([a, a]), x, initializer=tf.constant(0.))
""",
    "foldl_not_callable": """
tf.foldl(None, tf.constant([1., 2.]))
""",
}
