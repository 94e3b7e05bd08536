"""Golden cases for slim's layers: variable / op / output names, collections, values, errors.

Recorded from tf-slim 1.1 (see tests/slim/prelude.py for how it runs on the reference).
"""
from tests.slim.prelude import PRELUDE as _P

_X4 = "x = tf.constant(np.arange(2 * 4 * 4 * 3, dtype=np.float32).reshape(2, 4, 4, 3) / 50.0)\n"
_C = "w_init = tf.constant_initializer(0.1); b_init = tf.constant_initializer(0.2)\n"

CASES = {
    "conv2d_graph": _P + """
x = tf.placeholder(tf.float32, [None, 8, 8, 3])
n = nops()
y = slim.conv2d(x, 4, [3, 3], scope="conv1")
out(ops_since(n), y.name, str(y.shape), vars_(), colls())
""",
    "conv2d_default_scopes": _P + """
x = tf.placeholder(tf.float32, [2, 8, 8, 3])
a = slim.conv2d(x, 4, 3)
b = slim.conv2d(a, 4, 3, stride=2, padding="VALID", activation_fn=None)
c = slim.fully_connected(slim.flatten(b), 5)
d = slim.fully_connected(c, 2, activation_fn=tf.nn.sigmoid)
out(names([a, b, c, d]), [str(t.shape) for t in (a, b, c, d)], vars_())
""",
    "conv2d_reuse": _P + """
x = tf.placeholder(tf.float32, [2, 4, 4, 3])
a = slim.conv2d(x, 2, [1, 1], scope="c")
b = slim.conv2d(x, 2, [1, 1], scope="c", reuse=True)
out(a.name, b.name, vars_())
try:
    slim.conv2d(x, 2, [1, 1], scope="c")
except ValueError as e:
    out(str(e).splitlines()[0])
""",
    "conv2d_values": _P + _X4 + _C + """
y = slim.conv2d(x, 2, [2, 2], weights_initializer=w_init, biases_initializer=b_init, scope="c")
z = slim.conv2d(x, 2, [3, 3], stride=2, padding="VALID", weights_initializer=w_init, activation_fn=None,
                biases_initializer=None, scope="d")
out(vars_(), *init_run([y, z]))
""",
    "conv2d_rate": _P + _X4 + _C + """
y = slim.conv2d(x, 2, [2, 2], rate=2, weights_initializer=w_init, scope="c")
out(y.name, str(y.shape), init_run(y))
""",
    "conv1d_conv3d": _P + """
a = slim.conv1d(tf.placeholder(tf.float32, [2, 5, 3]), 4, 3, scope="c1")
b = slim.conv3d(tf.placeholder(tf.float32, [2, 4, 4, 4, 3]), 4, [2, 2, 2], scope="c3")
c = slim.convolution(tf.placeholder(tf.float32, [2, 4, 4, 3]), 4, 2)
out(names([a, b, c]), [str(t.shape) for t in (a, b, c)], vars_())
""",
    "conv2d_normalizer": _P + """
x = tf.placeholder(tf.float32, [2, 4, 4, 3])
y = slim.conv2d(x, 4, [3, 3], normalizer_fn=slim.batch_norm, normalizer_params={"scale": True}, scope="conv1")
out(y.name, vars_(), colls())
""",
    "conv2d_regularizers": _P + _X4 + _C + """
y = slim.conv2d(x, 2, [1, 1], weights_initializer=w_init, biases_initializer=b_init, scope="conv1",
                weights_regularizer=slim.l2_regularizer(0.5), biases_regularizer=slim.l1_regularizer(0.25))
regs = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
out(names(regs), init_run(regs))
""",
    "conv2d_collections": _P + """
x = tf.placeholder(tf.float32, [2, 4, 4, 3])
a = slim.conv2d(x, 2, [1, 1], scope="a", variables_collections=["mine"], outputs_collections="ends")
b = slim.conv2d(a, 2, [1, 1], scope="b", variables_collections={"weights": ["w_only"]},
                outputs_collections=["ends"])
c = slim.max_pool2d(b, 2, outputs_collections="ends")
ends = slim.utils.convert_collection_to_dict("ends")
out(names(tf.get_collection("mine")), names(tf.get_collection("w_only")), list(ends), names(ends.values()))
out(a.aliases, c.aliases)
""",
    "conv2d_transpose": _P + """
x = tf.placeholder(tf.float32, [2, 4, 4, 3])
n = nops()
y = slim.conv2d_transpose(x, 5, [3, 3], stride=2, scope="up")
z = slim.conv2d_transpose(x, 2, 2, padding="VALID")
out(ops_since(n), names([y, z]), str(y.shape), str(z.shape), vars_())
""",
    "conv2d_transpose_values": _P + _X4 + _C + """
y = slim.conv2d_transpose(x, 2, [2, 2], stride=2, weights_initializer=w_init, biases_initializer=b_init)
out(str(y.shape), init_run(y))
""",
    "separable_conv2d": _P + _X4 + _C + """
n = nops()
y = slim.separable_conv2d(x, 4, [3, 3], depth_multiplier=2, scope="sep", weights_initializer=w_init)
z = slim.separable_conv2d(x, None, [3, 3], depth_multiplier=2, scope="dw", weights_initializer=w_init)
out(ops_since(n), names([y, z]), str(y.shape), str(z.shape), vars_())
out(*init_run([y, z]))
""",
    "fully_connected_graph": _P + """
x = tf.placeholder(tf.float32, [None, 3])
n = nops()
y = slim.fully_connected(x, 4, scope="fc")
z = slim.fully_connected(tf.placeholder(tf.float32, [2, 5, 3]), 2)
out(ops_since(n), y.name, z.name, str(z.shape), vars_(), colls())
""",
    "fully_connected_values": _P + """
x = tf.constant([[1.0, -2.0, 3.0], [0.5, 0.25, -1.0]])
y = slim.fully_connected(x, 2, weights_initializer=tf.constant_initializer([[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]]),
                         biases_initializer=tf.constant_initializer([0.01, -0.02]))
z = slim.fully_connected(x, 2, activation_fn=None, biases_initializer=None,
                         weights_initializer=tf.ones_initializer())
out(vars_(), *init_run([y, z]))
""",
    "fully_connected_normalizer": _P + """
x = tf.placeholder(tf.float32, [None, 3])
y = slim.fully_connected(x, 4, normalizer_fn=slim.batch_norm, scope="fc")
out(y.name, vars_(), colls())
""",
    "relu_linear_shorthands": _P + """
x = tf.placeholder(tf.float32, [None, 3])
out(slim.relu(x, 2).name, slim.linear(x, 2).name, slim.relu6(x, 2).name, slim.elu(x, 2).name, vars_())
""",
    "pooling": _P + _X4 + """
n = nops()
a = slim.max_pool2d(x, [2, 2])
b = slim.avg_pool2d(x, 3, stride=1, padding="SAME", scope="avg")
c = slim.max_pool2d(x, [3, 3], stride=2, padding="SAME")
out(ops_since(n), names([a, b, c]), [str(t.shape) for t in (a, b, c)])
out(*init_run([a, b, c]))
""",
    "flatten_dropout": _P + _X4 + """
n = nops()
f = slim.flatten(x)
d = slim.dropout(f, 0.5, is_training=False)
e = slim.dropout(f, keep_prob=0.5, scope="drop")
out(ops_since(n), names([f, d, e]), str(f.shape), str(e.shape))
fv, dv, ev = init_run([f, d, e])
out(bool((dv == fv).all()), sorted(set(np.round(ev[ev != 0] / fv[ev != 0], 4).tolist())))
""",
    "dropout_training_tensor": _P + _X4 + """
t = tf.placeholder(tf.bool, [])
d = slim.dropout(x, 0.5, is_training=t)
out(d.name, str(d.shape))
xv, dv = init_run([x, d], {t: False})
out(bool((xv == dv).all()))
""",
    "one_hot_softmax": _P + """
n = nops()
o = slim.one_hot_encoding(tf.constant([0, 2, 1]), 3)
s = slim.softmax(tf.constant([[[1.0, 2.0, 3.0], [0.0, 0.0, 1.0]]]))
out(ops_since(n), o.name, s.name, str(s.shape), *init_run([o, s]))
""",
    "unit_norm_bias_add": _P + """
x = tf.constant([[3.0, 4.0], [1.0, 0.0]])
u = slim.unit_norm(x, 1)
b = slim.bias_add(x, initializer=tf.constant_initializer(0.5))
out(u.name, b.name, vars_(), *init_run([u, b]))
""",
    "layer_norm": _P + """
x = tf.constant(np.arange(12, dtype=np.float32).reshape(2, 2, 3) ** 1.5)
n = nops()
y = slim.layer_norm(x)
z = slim.layer_norm(x, begin_norm_axis=-1, center=False, scope="ln")
out(ops_since(n), y.name, z.name, vars_(), colls())
out(*init_run([y, z]))
""",
    "repeat_stack": _P + """
x = tf.placeholder(tf.float32, [2, 4, 4, 3])
a = slim.repeat(x, 3, slim.conv2d, 4, [3, 3], scope="conv3")
b = slim.stack(slim.flatten(a), slim.fully_connected, [5, 6], scope="fc")
c = slim.stack(x, slim.conv2d, [(4, [3, 3]), (2, [1, 1], 2)], scope="cs")
d = slim.repeat(x, 2, slim.conv2d, 2, [1, 1])
e = slim.stack(b, slim.fully_connected, [3])
out(names([a, b, c, d, e]), vars_())
""",
    "bad_rank_and_format": _P + """
x2 = tf.placeholder(tf.float32, [2, 3])
def attempt(fn):
    try:
        fn()
        out("ok")
    except (ValueError, TypeError) as e:
        out(type(e).__name__, str(e).splitlines()[0])
attempt(lambda: slim.conv2d(x2, 2, 3))
attempt(lambda: slim.conv2d(tf.placeholder(tf.float32, [2, 4, 4, 3]), 2, 3, data_format="NHCW"))
attempt(lambda: slim.conv2d(tf.placeholder(tf.float32, [2, 4, 4, 3]), 2, 3, padding="MIDDLE"))
attempt(lambda: slim.conv2d(tf.placeholder(tf.float32, [2, 4, 4, None]), 2, 3))
attempt(lambda: slim.max_pool2d(tf.placeholder(tf.float32, [2, 4, 4, 3]), 2, data_format="NCWH"))
attempt(lambda: slim.fully_connected(x2, 2.0))
attempt(lambda: slim.fully_connected(tf.placeholder(tf.float32, [2, None]), 2))
attempt(lambda: slim.conv2d_transpose(tf.placeholder(tf.float32, [2, 4, 4, 3]), 2, 3, data_format="NCDHW"))
attempt(lambda: slim.stack(x2, slim.fully_connected, 3))
out(vars_())
""",
    "batch_norm_layer_path": _P + """
x = tf.placeholder(tf.float32, [None, 2, 2, 3])
y = slim.batch_norm(x)
z = slim.batch_norm(x, scale=True, is_training=False, scope="bn")
out(y.name, z.name, vars_(), colls())
""",
    "batch_norm_rank2_fused_graph": _P + """
x = tf.placeholder(tf.float32, [None, 3])
n = nops()
y = slim.batch_norm(x, decay=0.9)
out(ops_since(n), y.name, str(y.shape), vars_(), colls())
""",
    "batch_norm_in_place_graph": _P + """
x = tf.placeholder(tf.float32, [None, 2, 2, 3])
n = nops()
y = slim.batch_norm(x, updates_collections=None, scale=True, decay=0.5)
out(ops_since(n), y.name, vars_(), colls())
""",
    "batch_norm_training_values": _P + """
xv = (np.arange(24, dtype=np.float32).reshape(2, 2, 2, 3) ** 1.3) / 10
x = tf.constant(xv)
y = slim.batch_norm(x, decay=0.5, scale=True, param_initializers={"gamma": tf.constant_initializer(2.0)})
mm = tf.model_variables()[2]
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    yv = sess.run(y)
    before = sess.run(mm)
    sess.run(tf.get_collection(tf.GraphKeys.UPDATE_OPS))
    out(yv, before, sess.run(mm))
""",
    "batch_norm_in_place_values": _P + """
xv = (np.arange(12, dtype=np.float32).reshape(4, 3) ** 1.2) / 10
y = slim.batch_norm(tf.constant(xv), updates_collections=None, decay=0.5)
z = slim.batch_norm(tf.constant(xv), updates_collections=None, is_training=False, scope="inf")
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run(y), sess.run(tf.model_variables()[1:3]), sess.run(z), colls())
""",
    "batch_norm_is_training_tensor": _P + """
xv = (np.arange(24, dtype=np.float32).reshape(2, 2, 2, 3) ** 1.3) / 10
t = tf.placeholder(tf.bool, [])
y = slim.batch_norm(tf.constant(xv), is_training=t, decay=0.5)
z = slim.batch_norm(tf.constant(xv[:, 0, 0]), is_training=t, decay=0.5, scope="flat")
out(y.name, z.name, vars_(), names(tf.get_collection(tf.GraphKeys.UPDATE_OPS)))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run([y, z], {t: True}), sess.run([y, z], {t: False}))
""",
    "batch_norm_zero_debias": _P + """
x = tf.placeholder(tf.float32, [None, 2, 2, 3])
y = slim.batch_norm(x, zero_debias_moving_mean=True)
out(y.name, vars_(), colls())
""",
    "batch_norm_unfused": _P + """
xv = (np.arange(24, dtype=np.float32).reshape(2, 4, 3) ** 1.3) / 10
y = slim.batch_norm(tf.constant(xv), decay=0.5, updates_collections=None, center=False)
out(y.name, vars_(), colls(), init_run(y))
""",
    "batch_norm_errors": _P + """
def attempt(fn):
    try:
        fn()
        out("ok")
    except (ValueError, TypeError) as e:
        out(type(e).__name__, str(e).splitlines()[0])
attempt(lambda: slim.batch_norm(tf.placeholder(tf.float32)))
attempt(lambda: slim.batch_norm(tf.placeholder(tf.float32, [2, None])))
attempt(lambda: slim.batch_norm(tf.placeholder(tf.float32, [2, 3]), data_format="NCWH"))
attempt(lambda: slim.batch_norm(tf.placeholder(tf.float32, [2, 3, 3]), updates_collections=None))
out(vars_())
""",
}
