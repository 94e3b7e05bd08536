"""Golden cases for tf.contrib.layers' training helpers and slim.learning / slim.losses (tf-slim 1.1).

`layers` is tf.contrib.layers under scopeflow and tf_slim (its successor) under the reference.
"""
from tests.slim.prelude import PRELUDE as _P

_MODEL = """
xv = np.array([[1.0, 2.0], [3.0, -1.0], [0.5, 0.5], [-2.0, 1.0]], np.float32)
yv = np.array([[1.0], [0.0], [2.0], [-1.0]], np.float32)
h = layers.fully_connected(tf.constant(xv), 3, weights_initializer=tf.constant_initializer(0.3),
                           biases_initializer=tf.constant_initializer(0.1), scope="h")
p = layers.fully_connected(h, 1, activation_fn=None, weights_initializer=tf.constant_initializer(-0.2),
                           scope="p")
loss = tf.reduce_mean(tf.square(p - yv))
gs = tf.train.get_or_create_global_step()
"""


def _steps(fetch, n=3):
    return f"""
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    res = [sess.run({fetch}) for _ in range({n})]
    out(res, sess.run(tf.trainable_variables()), sess.run(gs))
"""


CASES = {
    "optimize_loss_sgd": _P + _MODEL + """
train = layers.optimize_loss(loss, gs, 0.1, "SGD")
out(train.name, vars_(), names(tf.get_collection(tf.GraphKeys.TRAIN_OP)))
""" + _steps("train"),
    "optimize_loss_clip_decay": _P + _MODEL + """
decay = lambda lr, step: tf.train.exponential_decay(lr, step, 1, 0.5)
train = layers.optimize_loss(loss, gs, 0.1, "Momentum", clip_gradients=0.5, learning_rate_decay_fn=decay,
                             name="opt")
out(train.name, vars_())
""" + _steps("train"),
    "optimize_loss_optimizer_forms": _P + _MODEL + """
a = layers.optimize_loss(loss, gs, 0.05, tf.train.AdamOptimizer, summaries=["loss"])
b = layers.optimize_loss(loss, None, None, tf.train.GradientDescentOptimizer(0.01), name="b")
c = layers.optimize_loss(loss, gs, tf.constant(0.01), lambda lr: tf.train.GradientDescentOptimizer(lr),
                         increment_global_step=False, gradient_multipliers={"p/weights:0": 2.0}, name="c")
out(names([a, b, c]), vars_())
""" + _steps("a") + _steps("b", 1) + _steps("c", 2),
    "optimize_loss_update_ops": _P + _MODEL + """
counter = tf.Variable(0.0, name="counter", trainable=False)
tf.add_to_collection(tf.GraphKeys.UPDATE_OPS, tf.assign_add(counter, 1.0))
train = layers.optimize_loss(loss, gs, 0.1, "SGD", clip_gradients=lambda gv: [(g * 0.5, v) for g, v in gv])
""" + _steps("train", 2) + """
    out(sess.run(counter))
""",
    "optimize_loss_errors": _P + _MODEL + """
cases = [dict(learning_rate=-1.0, optimizer="SGD"), dict(learning_rate=1, optimizer="SGD"),
         dict(learning_rate=None, optimizer="SGD"), dict(learning_rate=0.1, optimizer="Nope"),
         dict(learning_rate=0.1, optimizer="SGD", summaries=["weights"]),
         dict(learning_rate=0.1, optimizer="SGD", clip_gradients=1),
         dict(learning_rate=0.1, optimizer=3), dict(learning_rate=0.1, optimizer=lambda lr: 3)]
for kwargs in cases:
    try:
        layers.optimize_loss(loss, gs, **kwargs)
        out("ok")
    except ValueError as e:
        out(str(e).splitlines()[0])
""",
    "create_train_op": _P + _MODEL + """
counter = tf.Variable(0.0, name="counter", trainable=False)
tf.add_to_collection(tf.GraphKeys.UPDATE_OPS, tf.assign_add(counter, 1.0))
train = slim.learning.create_train_op(loss, tf.train.GradientDescentOptimizer(0.1), clip_gradient_norm=0.5)
out(train.name, vars_(), names(tf.get_collection(tf.GraphKeys.TRAIN_OP)),
    [o.name for o in tf.get_default_graph().get_operations() if "update_barrier" in o.name])
""" + _steps("train", 2) + """
    out(sess.run(counter))
""",
    "create_train_op_options": _P + _MODEL + """
train = slim.learning.create_train_op(loss, tf.train.GradientDescentOptimizer(0.1), global_step=None,
                                      variables_to_train=tf.trainable_variables("p"), check_numerics=False,
                                      gradient_multipliers={"p/weights": 3.0}, update_ops=[])
out(train.name, vars_())
""" + _steps("train", 2),
    "sparse_gradients_clipped": _P + """
emb = tf.get_variable("emb", [5, 2], initializer=tf.constant_initializer(np.arange(10.0).reshape(5, 2)))
gs = tf.train.get_or_create_global_step()
loss = tf.reduce_sum(tf.square(tf.nn.embedding_lookup(emb, tf.constant([1, 3, 1]))))
a = slim.learning.create_train_op(loss, tf.train.GradientDescentOptimizer(0.1), clip_gradient_norm=1.0,
                                  gradient_multipliers={"emb": 0.5})
b = layers.optimize_loss(loss, gs, 0.1, "SGD", gradient_multipliers={"emb:0": 2.0})
""" + _steps("a", 1) + _steps("b", 1),
    "apply_regularization": _P + _MODEL + """
total = layers.apply_regularization(layers.l2_regularizer(0.5), tf.trainable_variables("h"))
w = layers.apply_regularization(layers.l1_regularizer(0.1), [tf.trainable_variables()[2]])
out(total.name, w.name, names(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)), *init_run([total, w]))
try:
    layers.apply_regularization(layers.l1_regularizer(0.1))
except ValueError as e:
    out(str(e))
""",
    "slim_losses": _P + """
logits = tf.constant([[1.0, 2.0, 0.5], [0.1, -1.0, 2.0]])
onehot = tf.constant([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
a = slim.losses.softmax_cross_entropy(logits, onehot)
b = slim.losses.softmax_cross_entropy(logits, onehot, label_smoothing=0.1, weights=2.0)
c = slim.losses.sparse_softmax_cross_entropy(logits, tf.constant([1, 2]))
d = slim.losses.sigmoid_cross_entropy(logits, onehot)
e = slim.losses.mean_squared_error(logits, onehot, weights=tf.constant([[1.0], [0.0]]))
f = slim.losses.absolute_difference(logits, onehot)
g = slim.losses.log_loss(tf.sigmoid(logits), onehot)
h = slim.losses.hinge_loss(logits, onehot)
i = slim.losses.cosine_distance(tf.nn.l2_normalize(logits, 1), onehot, axis=1)
t = slim.losses.get_total_loss()
out(len(slim.losses.get_losses()), str(h.shape), t.name)
out(*init_run([a, b, c, d, e, f, g, h, i, t]))
""",
    "initializers_and_summaries": _P + """
w = tf.get_variable("w", [3, 4], initializer=layers.xavier_initializer(seed=1))
v = tf.get_variable("v", [2, 2, 3, 4], initializer=layers.variance_scaling_initializer(mode="FAN_AVG"))
u = tf.get_variable("u", [5], initializer=layers.xavier_initializer_conv2d(uniform=False))
wv, vv, uv = init_run([w, v, u])
out(wv.shape, vv.shape, uv.shape, bool(np.abs(wv).max() <= np.sqrt(6.0 / 7)), float(np.abs(vv).max()) < 2.0)
out(layers.summarize_tensor(tf.constant("s")), layers.summarize_tensors([tf.constant(True)]))
""",
}
