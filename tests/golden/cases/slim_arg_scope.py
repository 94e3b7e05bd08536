"""Golden cases for slim's arg_scope: defaults, nesting, overrides, re-entry, errors (tf-slim 1.1)."""
from tests.slim.prelude import PRELUDE as _P

_F = """
@slim.add_arg_scope
def f(x, a=1, b=2, c=3):
    return (x, a, b, c)
@slim.add_arg_scope
def g(y, a=10):
    return (y, a)
def plain(x, a=1):
    return x
"""

CASES = {
    "defaults_and_overrides": _P + _F + """
out(f(0))
with slim.arg_scope([f], a=5):
    out(f(0), f(0, a=6), g(0))
    with slim.arg_scope([f, g], a=8):
        out(f(0), g(0), f(0, b=9))
        with slim.arg_scope([g], a=11), slim.arg_scope([f], b=7, c=4):
            out(f(0), g(0), f(0, c=5))
    out(f(0), g(0))
out(f(0), g(0))
""",
    "reenter_saved_scope": _P + _F + """
with slim.arg_scope([f], a=5, c=0) as sc:
    out(sorted(sc[slim.arg_scope_func_key(f)].items()))
with slim.arg_scope([g], a=4):
    with slim.arg_scope(sc):
        out(f(0), g(0))
    out(f(0), g(0))
out(len(slim.current_arg_scope()))
""",
    "decorated_metadata": _P + _F + """
out(f.__name__, slim.has_arg_scope(f), slim.has_arg_scope(plain), slim.arg_scoped_arguments(f),
    slim.arg_scoped_arguments(g))
out(slim.has_arg_scope(slim.conv2d), slim.has_arg_scope(slim.repeat), slim.has_arg_scope(slim.model_variable),
    slim.conv2d is slim.convolution2d, slim.conv2d.__name__, slim.fully_connected.__name__)
""",
    "errors": _P + _F + """
for args, kwargs in (([[plain]], {"a": 1}), ([plain], {"a": 1}), ([{}], {"a": 1}), ([(f, plain)], {})):
    try:
        with slim.arg_scope(*args, **kwargs):
            out("entered")
    except (ValueError, TypeError) as e:
        out(type(e).__name__, str(e).splitlines()[0])
out(f(0))
""",
    "layers_in_arg_scope": _P + """
x = tf.placeholder(tf.float32, [2, 8, 8, 3])
with slim.arg_scope([slim.conv2d, slim.fully_connected], activation_fn=tf.nn.tanh,
                    weights_regularizer=slim.l2_regularizer(0.1)):
    with slim.arg_scope([slim.conv2d], padding="VALID", stride=2):
        a = slim.conv2d(x, 4, [3, 3], scope="conv1")
        b = slim.conv2d(a, 4, [1, 1], padding="SAME", scope="conv2")
    c = slim.fully_connected(slim.flatten(b), 3, scope="fc")
    d = slim.fully_connected(c, 2, activation_fn=None, weights_regularizer=None, scope="logits")
out(names([a, b, c, d]), [str(t.shape) for t in (a, b, c, d)], vars_(),
    names(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)))
""",
    "normalizer_in_arg_scope": _P + """
x = tf.placeholder(tf.float32, [2, 4, 4, 3])
t = tf.placeholder(tf.bool, [])
with slim.arg_scope([slim.batch_norm], is_training=t, decay=0.9):
    with slim.arg_scope([slim.conv2d], normalizer_fn=slim.batch_norm, normalizer_params={"scale": True}):
        y = slim.conv2d(x, 4, [3, 3], scope="conv1")
        z = slim.conv2d(y, 4, [3, 3], scope="conv2", normalizer_fn=None)
out(names([y, z]), vars_(), colls())
""",
    "model_variable_in_arg_scope": _P + """
with slim.arg_scope([slim.model_variable], initializer=tf.ones_initializer(), device="/cpu:0"):
    v = slim.model_variable("v", [2])
    w = slim.model_variable("w", [1], initializer=tf.zeros_initializer())
out(v.name, v.device, w.device, names(tf.model_variables()), *init_run([v, w]))
""",
}
