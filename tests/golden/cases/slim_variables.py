"""Golden cases for slim's variables module: creation, collections, queries, assign_from_values."""
from tests.slim.prelude import PRELUDE as _P

_NET = """
x = tf.placeholder(tf.float32, [2, 4, 4, 3])
with tf.variable_scope("net"):
    y = slim.conv2d(x, 2, [1, 1], scope="conv1")
    y = slim.conv2d(y, 2, [1, 1], scope="conv2")
    y = slim.fully_connected(slim.flatten(y), 3, scope="logits")
gs = tf.train.get_or_create_global_step()
other = tf.get_variable("aux/weights", [1])
"""

CASES = {
    "variable_and_model_variable": _P + """
a = slim.variable("a", [2, 3], initializer=tf.zeros_initializer())
with tf.variable_scope("s"):
    b = slim.model_variable("b", [3], regularizer=slim.l2_regularizer(0.5), initializer=tf.ones_initializer())
    c = slim.variable("c", [1], collections=["mine"], trainable=False)
    d = slim.variable("d", [], device="/cpu:0")
out(names([a, b, c, d]), d.device, names(tf.global_variables()), names(tf.model_variables()),
    names(tf.trainable_variables()), names(tf.get_collection("mine")), colls()[3])
""",
    "variable_reuse_and_getter": _P + """
log = []
def getter(name, *args, **kwargs):
    log.append((name, kwargs.pop("reuse"), sorted(kwargs)))
    return tf.get_variable(name, *args, **kwargs)
with tf.variable_scope("s"):
    a = slim.variable("a", [1], custom_getter=getter)
with tf.variable_scope("s", reuse=True):
    b = slim.variable("a", [1], custom_getter=getter)
    c = slim.model_variable("a", [1])
out(a is b, a is c, log, names(tf.model_variables()))
""",
    "local_and_global_variable": _P + """
a = slim.local_variable([1.0, 2.0], name="loc")
b = slim.global_variable(3, name="glob")
out(a.name, b.name, names(tf.local_variables()), names(tf.global_variables()), names(tf.trainable_variables()))
""",
    "queries": _P + _NET + """
out(names(slim.get_variables()), names(slim.get_variables("net/conv1")), names(slim.get_variables(suffix="biases")))
out(names(slim.get_model_variables()), names(slim.get_model_variables("net", "weights")))
out(names(slim.get_variables_by_name("weights")), names(slim.get_variables_by_suffix("ts")),
    names(slim.get_trainable_variables("net/logits")), names(slim.get_local_variables()))
with tf.variable_scope("net") as sc:
    out(names(slim.get_variables(sc)))
""",
    "variables_to_restore": _P + _NET + """
out(names(slim.get_variables_to_restore()))
out(names(slim.get_variables_to_restore(include=["net"], exclude=["net/logits", "net/conv1/biases"])))
out(names(slim.get_variables_to_restore(exclude=["global_step"])))
for bad in ({"include": "net"}, {"exclude": "net"}):
    try:
        slim.get_variables_to_restore(**bad)
    except TypeError as e:
        out(str(e))
""",
    "unique_variable": _P + _NET + """
out(slim.get_unique_variable("net/conv1/weights").name)
for name in ("net/conv3/weights", "net/conv1"):
    try:
        slim.get_unique_variable(name)
    except ValueError as e:
        out(str(e))
""",
    "assign_from_values": _P + """
a = tf.get_variable("a", [2, 2], initializer=tf.zeros_initializer())
b = tf.get_variable("s/b", [3], initializer=tf.zeros_initializer(), dtype=tf.float64)
op, feed = slim.assign_from_values({"a": np.arange(4.0).reshape(4), "s/b": np.ones(3)})
out(op.name, op.type, sorted(t.name for t in feed), sorted(str(t.shape) for t in feed))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    sess.run(op, feed)
    out(*sess.run([a, b]))
    slim.assign_from_values_fn({"a": np.full([2, 2], 7.0)})(sess)
    out(sess.run(a))
try:
    slim.assign_from_values({"nope": np.ones(1)})
except ValueError as e:
    out(str(e))
""",
    "filter_variables": _P + _NET + """
vs = tf.global_variables()
out(names(slim.filter_variables(vs, include_patterns=["conv"], exclude_patterns=["biases"])),
    names(slim.filter_variables(vs, include_patterns=["net"], reg_search=False)),
    slim.get_variable_full_name(vs[0]))
""",
}
