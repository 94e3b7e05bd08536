"""Golden cases for tf.nn bias_add, xw_plus_b, dropout and embedding_lookup."""
_SHOW = """
def show(*ts):
    for t in ts:
        out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs])
def ops():
    out([(o.name, o.type) for o in tf.get_default_graph().get_operations()])
"""

CASES = {k: _SHOW + v for k, v in {
    "bias_add": """
p = tf.placeholder(tf.float32, [None, 2, 3])
ts = [tf.nn.bias_add(p, tf.constant([1., 2., 3.])), tf.nn.bias_add(p, [0.5, -1.], data_format="NCHW", name="b"),
      tf.nn.bias_add([[1., 2.]], [1., 2.]), tf.nn.bias_add(tf.ones([2, 2], tf.int32), tf.constant([1, 2])),
      tf.nn.bias_add(tf.ones([1, 2, 1, 1, 1]), [3., 4.], data_format="NCDHW")]
show(*ts)
out(ts[1].op.get_attr("data_format"), ts[0].op.get_attr("data_format"))
with tf.Session() as sess:
    out(sess.run(ts, {p: np.arange(12, dtype=np.float32).reshape(2, 2, 3)}))
""",
    "xw_plus_b": """
t = tf.nn.xw_plus_b(tf.constant([[1., 2.], [3., 4.]]), tf.constant([[1., 0., 2.], [0.5, 1., -1.]]), tf.constant([0.1, 0.2, 0.3]))
show(t)
ops()
with tf.Session() as sess:
    out(sess.run(t))
""",
    "dropout_names": """
p = tf.placeholder(tf.float32, [None, 3])
t = tf.nn.dropout(p, 0.8)
u = tf.nn.dropout(p, rate=0.25, name="d")
k = tf.placeholder(tf.float32)
v = tf.nn.dropout(tf.ones([2, 3]), keep_prob=k)
w = tf.nn.dropout(tf.ones([4, 3]), 0.5, noise_shape=[4, 1], seed=1)
show(t, u, v, w)
ops()
""",
    "dropout_values": """
x = tf.constant(np.arange(1, 401, dtype=np.float32).reshape(20, 20))
t = tf.nn.dropout(x, keep_prob=0.5, seed=3)
n = tf.nn.dropout(tf.ones([50, 4]), rate=0.5, noise_shape=[50, 1])
with tf.Session() as sess:
    a, m = sess.run([t, n])
kept = a != 0
out(bool(np.allclose(a[kept], 2 * x.eval(session=tf.Session())[kept])), bool(0.3 < kept.mean() < 0.7))
out(bool(np.all((m == 0) | (m == 2))), bool(np.all(m == m[:, :1])))
""",
    "dropout_identity": """
x = tf.ones([4, 3])
out(tf.nn.dropout(x, 1.0) is x, tf.nn.dropout(x, rate=0.0) is x, tf.nn.dropout(x, rate=0).name)
d = tf.nn.dropout(tf.ones([2], tf.float64), 0.5)
u = tf.nn.dropout(tf.placeholder(tf.float32), 0.5)
show(d, u)
""",
    "embedding_lookup": """
params = tf.constant(np.arange(30, dtype=np.float32).reshape(10, 3))
ids = tf.placeholder(tf.int64, [None, 2])
t = tf.nn.embedding_lookup(params, ids)
u = tf.nn.embedding_lookup([params], [1, 2], name="e")
v = tf.nn.embedding_lookup(params, [0, 9], max_norm=5.)
show(t, u, v)
ops()
with tf.Session() as sess:
    out(sess.run([t, u, v], {ids: [[1, 2], [9, 0]]}))
""",
    "embedding_lookup_variable": """
w = tf.Variable(tf.ones([4, 2]), name="emb")
t = tf.nn.embedding_lookup(w, tf.constant([3, 1, 3]))
show(t)
with tf.Session() as sess:
    sess.run(w.initializer)
    out(sess.run(t))
""",
    "err_bias_add_channels": 'tf.nn.bias_add(tf.placeholder(tf.float32, [None, 8, 8, 3]), tf.ones([4]))',
    "err_bias_add_rank1": 'tf.nn.bias_add(tf.ones([4]), tf.ones([4]))',
    "err_bias_add_bias_rank": 'tf.nn.bias_add(tf.ones([2, 4]), tf.ones([1, 4]))',
    "err_bias_add_data_format": 'tf.nn.bias_add(tf.ones([2, 4]), tf.ones([4]), data_format="NHCW")',
    "err_bias_add_dtype": 'tf.nn.bias_add(tf.ones([2, 4]), tf.ones([4], tf.float64))',
    "err_bias_add_nchw_rank2": 'tf.nn.bias_add(tf.ones([2, 3]), tf.ones([3]), data_format="NCHW")',
    "err_bias_add_bool": 'tf.nn.bias_add(tf.ones([2, 3], tf.bool), tf.ones([3], tf.bool))',
    "err_dropout_keep_prob_range": 'tf.nn.dropout(tf.ones([4, 3]), 1.5)',
    "err_dropout_rate_one": 'tf.nn.dropout(tf.ones([4, 3]), rate=1.0)',
    "err_dropout_both": 'tf.nn.dropout(tf.ones([4, 3]), 0.5, rate=0.5)',
    "err_dropout_none": 'tf.nn.dropout(tf.ones([4, 3]))',
    "err_dropout_int": 'tf.nn.dropout(tf.ones([4, 3], tf.int32), 0.5)',
    "err_embedding_empty": 'tf.nn.embedding_lookup([], [1, 2])',
    "err_embedding_float_ids": 'tf.nn.embedding_lookup(tf.ones([10, 3]), tf.constant([1., 2.]))',
}.items()}
