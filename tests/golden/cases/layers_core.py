"""Golden cases for tf.layers core layers (Dense, Dropout, Flatten) and the Layer base class."""

_OPS = """
def ops_since(n):
    return [o.name + ":" + o.type for o in tf.get_default_graph().get_operations()[n:]]
def nops():
    return len(tf.get_default_graph().get_operations())
def vars_():
    return [(v.name, str(v.shape)) for v in tf.global_variables()]
"""

CASES = {
    "dense_graph": _OPS + """
x = tf.placeholder(tf.float32, [None, 3])
n = nops()
y = tf.layers.dense(x, 4, activation=tf.nn.relu)
out(ops_since(n), y.name, str(y.shape), vars_())
out([v.name for v in tf.trainable_variables()])
""",
    "dense_names_and_scopes": _OPS + """
x = tf.placeholder(tf.float32, [None, 3])
a = tf.layers.dense(x, 2)
with tf.name_scope("ns"):
    b = tf.layers.dense(x, 2, use_bias=False)
with tf.variable_scope("outer"):
    c = tf.layers.dense(x, 2, name="dd")
out(a.name, b.name, c.name, vars_())
""",
    "dense_class_reuse": _OPS + """
x = tf.placeholder(tf.float32, [None, 3])
l = tf.layers.Dense(3, name="foo")
out(l.name, l.built, l.dtype, l.trainable)
a = l(x)
with tf.name_scope("ns2"):
    b = l(x)
out(a.name, b.name, l.built, l.dtype, l._scope.name, l.scope_name, repr(l.input_spec))
out([v.name for v in l.variables], [v.name for v in l.trainable_weights], [v.name for v in l.non_trainable_weights],
    [v.name for v in l.weights], [v.name for v in l.trainable_variables], l.kernel.name, l.bias.name, vars_())
""",
    "dense_object_names": _OPS + """
names = [tf.layers.Dense(3).name for i in range(3)]
x = tf.placeholder(tf.float32, [None, 3])
y = tf.layers.dense(x, 4)
l = tf.layers.Dense(3)
z = l(x)
out(names, l.name, l._scope.name, tf.layers.Conv2D(3, 3).name, tf.layers.BatchNormalization().name, vars_())
""",
    "dense_name_reuse": _OPS + """
x = tf.placeholder(tf.float32, [2, 3])
a = tf.layers.dense(x, 2, name="d")
b = tf.layers.dense(x, 2, name="d", reuse=True)
out(a.name, b.name, vars_())
with tf.variable_scope("s", reuse=tf.AUTO_REUSE):
    c = tf.layers.dense(x, 2, name="e")
    d = tf.layers.dense(x, 2, name="e")
out(c.name, d.name, vars_())
tf.layers.dense(x, 2, name="d")
""",
    "dense_name_reuse_missing": _OPS + """
x = tf.placeholder(tf.float32, [2, 3])
n = nops()
try:
    tf.layers.dense(x, 2, name="dense_7", reuse=True)
except ValueError as e:
    out(str(e).split("\\n")[0], vars_(), nops() - n)
""",
    "dense_reuse_shape_mismatch": _OPS + """
tf.layers.dense(tf.placeholder(tf.float32, [2, 3]), 2, name="d")
tf.layers.dense(tf.placeholder(tf.float32, [2, 4]), 2, name="d", reuse=True)
""",
    "dense_rank3": _OPS + """
x = tf.placeholder(tf.float32, [None, 5, 3])
n = nops()
y = tf.layers.dense(x, 4)
out(ops_since(n), y.name, str(y.shape))
x2 = tf.placeholder(tf.float32, [2, 5, 3])
n = nops()
y2 = tf.layers.dense(x2, 4, kernel_initializer=tf.ones_initializer())
out(ops_since(n), y2.name, str(y2.shape))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run(y2, {x2: np.arange(30, dtype=np.float32).reshape(2, 5, 3)}))
""",
    "dense_values": _OPS + """
x = tf.constant([[1., 2., 3.], [4., 5., 6.]])
y = tf.layers.dense(x, 2, kernel_initializer=tf.constant_initializer([[1., 0.], [0., 1.], [1., -1.]]),
                    bias_initializer=tf.constant_initializer([0.5, -0.5]), activation=tf.nn.relu)
z = tf.layers.dense(x, 1, kernel_initializer=tf.ones_initializer(), use_bias=False)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(*sess.run([y, z]))
""",
    "dense_float64": _OPS + """
x = tf.placeholder(tf.float64, [2, 3])
y = tf.layers.dense(x, 1)
out(y.dtype.name, vars_(), [v.dtype.name for v in tf.global_variables()])
""",
    "dense_regularizers": _OPS + """
x = tf.placeholder(tf.float32, [None, 3])
n = nops()
y = tf.layers.dense(x, 4, kernel_regularizer=tf.nn.l2_loss, bias_regularizer=lambda b: tf.reduce_sum(b),
                    activity_regularizer=lambda a: tf.reduce_mean(a))
out(ops_since(n), [t.name for t in tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)])
l = tf.layers.Dense(2, kernel_regularizer=tf.nn.l2_loss)
l(x)
out([t.name for t in l.losses], [t.name for t in tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)])
""",
    "dense_regularizer_values": _OPS + """
x = tf.constant([[1., 2.], [3., 4.]])
y = tf.layers.dense(x, 2, kernel_initializer=tf.constant_initializer(2.0), kernel_regularizer=tf.nn.l2_loss,
                    activity_regularizer=tf.reduce_sum)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)))
""",
    "dense_trainable_false": _OPS + """
x = tf.placeholder(tf.float32, [None, 3])
l = tf.layers.Dense(2, trainable=False)
l(x)
out([v.name for v in tf.trainable_variables()], [v.name for v in tf.global_variables()],
    [v.name for v in l.trainable_weights], [v.name for v in l.non_trainable_weights])
""",
    "dense_in_variable_scope_initializer": _OPS + """
x = tf.constant([[1., 1.]])
with tf.variable_scope("vs", initializer=tf.constant_initializer(3.0)):
    y = tf.layers.dense(x, 1)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(y.name, vars_(), sess.run(y))
""",
    "bad_dense_rank1": _OPS + """
try:
    tf.layers.dense(tf.placeholder(tf.float32, [3]), 2)
except ValueError as e:
    out(str(e), vars_(), nops())
""",
    "bad_dense_unknown_last_dim": _OPS + """
try:
    tf.layers.dense(tf.placeholder(tf.float32, [2, None]), 2)
except ValueError as e:
    out(str(e), vars_(), nops())
tf.layers.dense(tf.placeholder(tf.float32), 2)
""",
    "bad_dense_int_input": _OPS + """
tf.layers.dense(tf.placeholder(tf.int32, [2, 3]), 2)
""",
    "bad_dense_incompatible_second_call": _OPS + """
l = tf.layers.Dense(2)
l(tf.placeholder(tf.float32, [2, 3]))
l(tf.placeholder(tf.float32, [2, 4]))
""",
    "flatten": _OPS + """
x = tf.placeholder(tf.float32, [None, 4, 2, 3])
n = nops()
a = tf.layers.flatten(x)
b = tf.layers.flatten(tf.placeholder(tf.float32, [None, None, 3]))
c = tf.layers.flatten(x, data_format="channels_first")
d = tf.layers.flatten(tf.placeholder(tf.float32, [2]))
e = tf.layers.Flatten()(tf.placeholder(tf.float32, [3, None]))
out(ops_since(n), [(t.name, str(t.shape)) for t in (a, b, c, d, e)])
v = np.arange(24, dtype=np.float32).reshape(1, 4, 2, 3)
with tf.Session() as sess:
    out(*sess.run([a, c], {x: v}))
""",
    "dropout_graph": _OPS + """
x = tf.placeholder(tf.float32, [None, 4, 3])
n = nops()
a = tf.layers.dropout(x, 0.3)
b = tf.layers.dropout(x, 0.3, training=True, noise_shape=[1, 4, 1], seed=3)
c = tf.layers.dropout(x, 0.0, training=True)
d = tf.layers.Dropout(0.5, name="drop")(x, training=True)
out(ops_since(n), [(t.name, str(t.shape)) for t in (a, b, c, d)])
""",
    "dropout_values": _OPS + """
x = tf.ones([200, 10])
tf.set_random_seed(1)
a = tf.layers.dropout(x, 0.5, training=True)
b = tf.layers.dropout(x, 0.5, training=False)
with tf.Session() as sess:
    av, bv = sess.run([a, b])
    out(sorted(set(np.round(av.ravel(), 4).tolist())), bool(0.4 < (av == 0).mean() < 0.6), bv)
""",
    "bad_dropout_rate": _OPS + """
tf.layers.dropout(tf.placeholder(tf.float32, [2, 3]), rate=1.5, training=True)
""",
    "layer_base_custom": _OPS + """
class Scale(tf.layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight("w", shape=[int(input_shape[-1])], initializer=tf.ones_initializer())
        self.c = self.add_weight("count", shape=[], dtype=tf.int32, trainable=False)
        self.built = True
    def call(self, inputs):
        self.add_update(tf.assign_add(self.c, 1))
        self.add_loss(tf.reduce_sum(self.w))
        return inputs * self.w
l = Scale()
x = tf.placeholder(tf.float32, [None, 2])
y = l(x)
y2 = l.apply(x)
out(l.name, y.name, y2.name, [v.name for v in l.trainable_weights], [v.name for v in l.non_trainable_weights],
    [o.name for o in l.updates], [t.name for t in l.losses], [o.name for o in tf.get_collection(tf.GraphKeys.UPDATE_OPS)],
    [t.name for t in tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)], vars_())
""",
    "layer_scope_name_unbuilt": _OPS + """
tf.layers.Dense(2).scope_name
""",
}
