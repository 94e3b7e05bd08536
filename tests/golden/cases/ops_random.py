"""Golden cases for random ops: op types, names, shapes, dtypes, seed attrs, errors; values only as
properties (TF's random bits are not reproduced)."""

_OPS = "out([(op.name, op.type, [t.name for t in op.inputs]) for op in tf.get_default_graph().get_operations()])\n"
_SEEDS = ("def seeds(t):\n"
          "    while t.op.type not in ('RandomStandardNormal', 'RandomUniform', 'TruncatedNormal',"
          " 'RandomUniformInt', 'RandomShuffle'):\n"
          "        t = t.op.inputs[0]\n"
          "    return [t.op.get_attr('seed'), t.op.get_attr('seed2')]\n")

CASES = {
    "normal_names": """
x = tf.random_normal([2, 3])
out(x.name, str(x.shape), x.dtype.name, x.op.type)
r = tf.get_default_graph().get_operation_by_name('random_normal/RandomStandardNormal')
out(r.get_attr('seed'), r.get_attr('seed2'), r.get_attr('dtype').name, r.get_attr('T').name)
""" + _OPS,
    "normal_args": """
x = tf.random_normal([2, 3], mean=1.0, stddev=2.0, dtype=tf.float64, seed=5, name='rn')
y = tf.random.normal([4], name='')
out(x.name, str(x.shape), x.dtype.name, y.name)
""" + _OPS,
    "truncated_names": """
x = tf.truncated_normal([4], stddev=0.1, dtype=tf.float16)
y = tf.random.truncated_normal([1, 2], seed=3)
out(x.name, str(x.shape), x.dtype.name, y.name, str(y.shape))
""" + _OPS,
    "uniform_variants": """
names = [tf.random_uniform([3]).name, tf.random_uniform([3], maxval=5.).name,
         tf.random_uniform([3], minval=1.).name, tf.random_uniform([3], minval=0., maxval=1.).name,
         tf.random_uniform([3], minval=0, maxval=1, dtype=tf.float64).name,
         tf.random_uniform([3], maxval=tf.constant(2.)).name, tf.random_uniform([3], maxval=1.0, name='ru').name,
         tf.random.uniform([2], 2., 3.).name]
out(names)
""" + _OPS,
    "uniform_int": """
x = tf.random_uniform([3], minval=2, maxval=7, dtype=tf.int64, name='ri')
y = tf.random_uniform([2, 2], maxval=10, dtype=tf.int32)
out(x.name, x.dtype.name, str(x.shape), x.op.get_attr('Tout').name, x.op.get_attr('T').name)
out(y.name, y.dtype.name, str(y.shape))
""" + _OPS,
    "uniform_int_range": """
x = tf.random_uniform([500], minval=-3, maxval=4, dtype=tf.int32, seed=1)
with tf.Session() as sess:
    v = sess.run(x)
out(v.dtype.name, int(v.min()) >= -3, int(v.max()) <= 3, sorted(set(v.tolist())) == list(range(-3, 4)))
""",
    "uniform_no_maxval_int": "tf.random_uniform([2], dtype=tf.int32)",
    "uniform_bad_dtype": "tf.random_uniform([2], dtype=tf.string)",
    "uniform_bool_dtype": "tf.random_uniform([2], dtype=tf.bool)",
    "uniform_min_not_scalar": "tf.random_uniform([2], minval=[1, 2], maxval=3, dtype=tf.int32)",
    "uniform_int_empty_range": """
x = tf.random_uniform([2], minval=5, maxval=5, dtype=tf.int32)
with tf.Session() as sess:
    sess.run(x)
""",
    "normal_int_dtype": "tf.random_normal([2], dtype=tf.int32)",
    "normal_mean_broadcast_error": "tf.random_normal([2], mean=tf.constant([1., 2., 3.]))",
    "normal_mean_broadcasts": """
x = tf.random_normal([2], mean=tf.constant([[1.], [2.]]))
out(x.name, str(x.shape))
""",
    "normal_mean_dtype_error": "tf.random_normal([2], mean=tf.constant(1, tf.int32))",
    "shape_arguments": """
p = tf.placeholder(tf.int32, [2])
out(str(tf.random_normal(p).shape), str(tf.random_normal(tf.placeholder(tf.int32)).shape),
    str(tf.random_normal(tf.placeholder(tf.int32, [None])).shape), str(tf.random_normal([2, -1]).shape),
    str(tf.random_normal(tf.TensorShape([2, 3])).shape), str(tf.random_normal([]).shape))
x = tf.random_normal(np.array([2, 3], np.int64))
out(str(x.shape), x.op.inputs[0].op.inputs[0].dtype.name)
q = tf.placeholder(tf.float32, [None, 3])
out(str(tf.random_uniform(tf.shape(q)).shape))
""",
    "shape_rank2": "tf.random_normal([[2]])",
    "shape_rank0": "tf.random_normal(2)",
    "shape_float": "tf.random_normal([2.5])",
    "shape_negative_at_run": """
with tf.Session() as sess:
    sess.run(tf.random_normal([2, -1]))
""",
    "seed_rules": """
g = tf.get_default_graph()
out(list(tf.random.get_seed(None)), list(tf.random.get_seed(3)), g.seed)
tf.set_random_seed(7)
out(g.seed, list(tf.random.get_seed(None)), list(tf.random.get_seed(None)), list(tf.random.get_seed(0)),
    list(tf.random.get_seed(2**33)))
tf.set_random_seed(0)
out(list(tf.random.get_seed(0)), list(tf.random.get_seed(None)))
tf.random.set_random_seed(-1)
out(list(tf.random.get_seed(None)), list(tf.random.get_seed(-5)))
tf.set_random_seed(None)
out(list(tf.random.get_seed(None)), list(tf.random.get_seed(0)))
""",
    "seed_attrs": _SEEDS + """
out(seeds(tf.random_normal([2])), seeds(tf.random_normal([2], seed=4)), seeds(tf.random_uniform([2], seed=0)))
tf.set_random_seed(1)
a = tf.random_normal([2]); b = tf.constant(1.); c = tf.random_normal([2]); d = tf.random_uniform([2])
e = tf.truncated_normal([2], seed=9); f = tf.random_uniform([2], maxval=3, dtype=tf.int32)
out(seeds(a), seeds(c), seeds(d), seeds(e), seeds(f))
tf.set_random_seed(2**31 - 1)
out(seeds(tf.random_normal([2], seed=0)), seeds(tf.random_shuffle([1, 2])[0:]))
""",
    "seeded_streams_repeat": """
x = tf.random_normal([3], seed=1)
y = tf.random_uniform([2], seed=2)
runs = []
for _ in range(2):
    with tf.Session() as sess:
        runs.append([sess.run([x, y]) for _ in range(3)])
same = all(np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1]) for a, b in zip(runs[0], runs[1]))
differ = not np.array_equal(runs[0][0][0], runs[0][1][0])
out(same, differ)
""",
    "graph_seed_repeats_across_graphs": """
def build():
    tf.set_random_seed(42)
    return tf.random_normal([4]), tf.truncated_normal([3]), tf.random_shuffle(np.arange(6))
values = []
for _ in range(2):
    with tf.Graph().as_default():
        fetches = build()
        with tf.Session() as sess:
            values.append(sess.run(fetches))
out([np.array_equal(a, b) for a, b in zip(*values)], np.array_equal(values[0][0][:3], values[0][1]))
""",
    "unseeded_differs_between_sessions": """
x, y = tf.random_normal([8]), tf.random_normal([8])
with tf.Session() as sess:
    a, b = sess.run([x, y])
with tf.Session() as sess:
    c = sess.run(x)
out(np.array_equal(a, c), np.array_equal(a, b))
""",
    "distributions": """
n = tf.random_normal([2000], mean=1.0, stddev=2.0, seed=3)
t = tf.truncated_normal([2000], stddev=0.5, seed=4)
u = tf.random_uniform([2000], minval=-1., maxval=3., seed=5)
with tf.Session() as sess:
    a, b, c = sess.run([n, t, u])
out(abs(float(a.mean()) - 1.0) < 0.2, abs(float(a.std()) - 2.0) < 0.2)
out(float(np.abs(b).max()) <= 1.0, abs(float(b.std()) - 0.44) < 0.05)
out(float(c.min()) >= -1.0, float(c.max()) < 3.0, abs(float(c.mean()) - 1.0) < 0.15)
""",
    "shuffle": """
x = tf.random_shuffle(np.arange(10), seed=1)
y = tf.random.shuffle(tf.constant([[1, 2], [3, 4], [5, 6]]), name='sh')
z = tf.random_shuffle(3)
out(x.name, str(x.shape), x.dtype.name, y.name, str(z.shape))
""" + _OPS + """
with tf.Session() as sess:
    a, b, c = sess.run([x, y, z])
out(sorted(a.tolist()) == list(range(10)), sorted(b.tolist()), int(c))
""",
    "multinomial": """
a = tf.multinomial([[1., 2.]], 3)
b = tf.multinomial([[1., 2.]], 3, output_dtype=tf.int32, name='mn')
c = tf.random.categorical([[1., 2.]], 3, dtype=tf.int32)
d = tf.random.multinomial(tf.placeholder(tf.float32, [None, 4]), 5)
e = tf.multinomial([[1., 2.]], tf.placeholder(tf.int32))
out([(t.name, str(t.shape), t.dtype.name) for t in (a, b, c, d, e)])
""" + _OPS + """
f = tf.multinomial([[-50., 0., -50.], [0., -50., -50.]], 4, seed=1)
with tf.Session() as sess:
    out(sess.run(f))
""",
    "multinomial_rank_error": "tf.multinomial([1., 2.], 3)",
    "multinomial_negative_samples": "tf.multinomial([[1., 2.]], -1)",
    "gamma": """
x = tf.random_gamma([3], 2.0)
y = tf.random.gamma([2, 3], [[1.], [2.]], beta=[3., 4.], dtype=tf.float64, seed=1)
out(x.name, str(x.shape), x.dtype.name, y.name, str(y.shape), y.dtype.name)
""" + _OPS + """
with tf.Session() as sess:
    a, b = sess.run([x, y])
out(bool((a > 0).all()), bool((b > 0).all()), a.shape, b.shape)
""",
    "gamma_int_dtype": "tf.random_gamma([2], 3, dtype=tf.int32)",
    "poisson": """
x = tf.random_poisson(3.0, [4])
y = tf.random.poisson([1., 2.], [4], dtype=tf.int32, seed=2)
z = tf.random_poisson(tf.constant([[1.], [2.]], tf.float64), [5], dtype=tf.int64)
out([(t.name, str(t.shape), t.dtype.name) for t in (x, y, z)])
out(y.op.get_attr('R').name, y.op.get_attr('S').name, y.op.get_attr('dtype').name)
""" + _OPS + """
w = tf.random_poisson(4.0, [2000], seed=3)
with tf.Session() as sess:
    v = sess.run(w)
out(abs(float(v.mean()) - 4.0) < 0.3, bool((v == np.round(v)).all()), float(v.min()) >= 0.0)
""",
    "poisson_bool_dtype": "tf.random_poisson(3., [2], dtype=tf.bool)",
    "crop_graph": """
x = tf.random_crop(tf.zeros([5, 5]), [2, 2])
y = tf.random_crop(tf.zeros([4, 5, 3]), [2, 3, 3], name='rc')
out(x.name, str(x.shape), y.name, str(y.shape))
""" + _OPS + """
out([[c.name for c in op.control_inputs] for op in tf.get_default_graph().get_operations()])
""",
    "crop_run": """
x = tf.random_crop(tf.reshape(tf.range(20), [4, 5]), [2, 3], seed=1)
with tf.Session() as sess:
    v = sess.run(x)
out(v.shape, bool((np.diff(v, axis=1) == 1).all()), bool((np.diff(v, axis=0) == 5).all()))
""",
    "crop_rank_error": "tf.random_crop(tf.zeros([4, 5, 3]), [2, 3])",
}
