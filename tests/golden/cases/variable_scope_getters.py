"""Golden cases: custom getters, regularizers (get_variable, scopes, contrib.layers) and their losses.

`R` is `tf.contrib.layers` where it exists; the reference (TF 2.x) has no tf.contrib, so there the same
functions come from tf_slim, which re-exports TF 1.15's contrib regularizers unchanged.
"""
_R = 'R = tf.contrib.layers if hasattr(tf, "contrib") else __import__("tf_slim")\n'

CASES = {
    "custom_getter_on_get_variable": """
calls = []
def getter(getter, name, *args, **kwargs):
    calls.append((name, sorted(kwargs)))
    return getter(name + "_x", *args, **kwargs)
v = tf.get_variable("v", [1], custom_getter=getter)
out(v.name, calls)
""",
    "custom_getter_on_scope": """
def getter(getter, name, *args, **kwargs):
    kwargs["trainable"] = False
    return getter(name, *args, **kwargs)
with tf.variable_scope("s", custom_getter=getter) as s:
    v = tf.get_variable("v", [1])
    out(s.custom_getter is getter)
    with tf.variable_scope("child") as c:
        w = tf.get_variable("w", [1])
        out(c.custom_getter is getter)
out(v.name, w.name, [x.name for x in tf.trainable_variables()])
""",
    "custom_getter_nested_order": """
log = []
def make(tag):
    def getter(getter, name, *args, **kwargs):
        log.append("enter " + tag)
        v = getter(name, *args, **kwargs)
        log.append("exit " + tag)
        return v
    return getter
with tf.variable_scope("a", custom_getter=make("outer")):
    with tf.variable_scope("b", custom_getter=make("inner")):
        tf.get_variable("v", [1])
out(log)
""",
    "custom_getter_explicit_replaces_scope": """
log = []
def make(tag):
    def getter(getter, name, *args, **kwargs):
        log.append(tag)
        return getter(name, *args, **kwargs)
    return getter
with tf.variable_scope("a", custom_getter=make("scope")):
    tf.get_variable("v", [1], custom_getter=make("explicit"))
out(log)
""",
    "custom_getter_reenter_captured_scope": """
log = []
def make(tag):
    def getter(getter, name, *args, **kwargs):
        log.append(tag)
        return getter(name, *args, **kwargs)
    return getter
with tf.variable_scope("a", custom_getter=make("first")) as a:
    pass
with tf.variable_scope(a, custom_getter=make("second")):
    tf.get_variable("v", [1])
out(log)
with tf.variable_scope("b", custom_getter=make("outer")):
    with tf.variable_scope(a):
        tf.get_variable("w", [1])
out(log)
""",
    "custom_getter_kwargs": """
seen = {}
def getter(getter, **kwargs):
    seen.update(kwargs)
    return getter(**kwargs)
tf.get_variable("v", [2], custom_getter=getter)
out(sorted(k for k in seen if k != "getter"), seen["name"], seen["shape"], seen["dtype"].name, seen["reuse"],
    seen["trainable"], seen["validate_shape"])
def no_constraint(getter, name, shape=None, dtype=None, initializer=None, regularizer=None, reuse=None,
                  trainable=None, collections=None, caching_device=None, partitioner=None, validate_shape=True,
                  use_resource=None, synchronization=None, aggregation=None):
    return getter(name, shape=shape, dtype=dtype)
out(tf.get_variable("w", [2], custom_getter=no_constraint).name)
""",
    "custom_getter_returns_other": """
def getter(getter, name, *args, **kwargs):
    v = getter(name, *args, **kwargs)
    return tf.identity(v, name="wrapped")
with tf.variable_scope("s", custom_getter=getter):
    t = tf.get_variable("v", [1])
out(isinstance(t, tf.Tensor), t.name)
with tf.variable_scope("s", reuse=True, custom_getter=getter):
    t2 = tf.get_variable("v", [1])
out(t2.name)
""",
    "custom_getter_with_partitioner": """
names = []
def getter(getter, name, *args, **kwargs):
    names.append((name, kwargs["partitioner"] is not None))
    return getter(name, *args, **kwargs)
v = tf.get_variable("w", [4], custom_getter=getter, partitioner=tf.fixed_size_partitioner(2))
out(names, type(v).__name__)
""",
    "regularizer_on_get_variable": """
def reg(w):
    return tf.reduce_sum(w, name="r")
with tf.variable_scope("s"):
    with tf.name_scope("ns"):
        v = tf.get_variable("v", [2], regularizer=reg)
losses = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
out([l.name for l in losses], losses[0].op.colocation_groups())
""",
    "regularizer_on_scope": """
with tf.variable_scope("s", regularizer=lambda w: tf.reduce_sum(w)) as s:
    a = tf.get_variable("a", [2])
    b = tf.get_variable("b", [2], regularizer=lambda w: tf.reduce_mean(w))
    with tf.variable_scope("c"):
        c = tf.get_variable("c", [2])
    d = tf.get_variable("d", [2], regularizer=tf.no_regularizer)
out([l.name for l in tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)], s.regularizer is not None)
out([l.name for l in tf.losses.get_regularization_losses()], [l.name for l in tf.losses.get_regularization_losses("s/c")])
""",
    "regularizer_reuse_adds_nothing": """
with tf.variable_scope("s", regularizer=lambda w: tf.reduce_sum(w)):
    tf.get_variable("a", [2])
with tf.variable_scope("s", reuse=True, regularizer=lambda w: tf.reduce_sum(w)):
    tf.get_variable("a", [2])
out(len(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)))
""",
    "regularizer_returning_none": """
v = tf.get_variable("v", [2], regularizer=lambda w: None)
out(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES), [o.name for o in tf.get_default_graph().get_operations()][-1])
""",
    "get_regularization_loss": """
with tf.variable_scope("s", regularizer=lambda w: tf.reduce_sum(w)):
    a = tf.get_variable("a", [2], initializer=tf.ones_initializer())
    b = tf.get_variable("b", [3], initializer=tf.ones_initializer())
total = tf.losses.get_regularization_loss()
only_a = tf.losses.get_regularization_loss(scope="s/a")
none = tf.losses.get_regularization_loss(scope="nothing")
named = tf.losses.get_regularization_loss(name="my_loss")
out(total.name, total.op.type, only_a.name, none.name, none.op.type, named.name)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run([total, only_a, none, named]))
""",
    "get_regularization_loss_empty": """
t = tf.losses.get_regularization_loss()
out(t.name, t.op.type, t.dtype.name, tf.losses.get_regularization_losses())
""",
    "contrib_l2_regularizer": _R + """
w = tf.constant([[1.0, -2.0], [3.0, 4.0]], name="w")
l2 = R.l2_regularizer(0.5)(w)
l1 = R.l1_regularizer(0.1)(w)
l1l2 = R.l1_l2_regularizer(0.1, 0.5)(w)
scoped = R.l2_regularizer(0.5, scope="mine")(w)
out(l2.name, l1.name, l1l2.name, scoped.name)
out([(o.name, o.type) for o in tf.get_default_graph().get_operations()])
with tf.Session() as sess:
    out(sess.run([l2, l1, l1l2, scoped]))
""",
    "contrib_regularizer_scale_zero": _R + """
w = tf.constant([1.0], name="w")
out(R.l2_regularizer(0.0)(w), R.l1_regularizer(0.0)(w))
out(R.l1_l2_regularizer(0.0, 0.5)(w).name, R.l1_l2_regularizer(0.5, 0.0)(w).name, R.l1_l2_regularizer(0.0, 0.0)(w))
""",
    "contrib_regularizer_negative_scale": _R + """
for make in (R.l1_regularizer, R.l2_regularizer):
    try:
        make(-1.0)
    except ValueError as e:
        out(str(e))
for args in ((1, 0.5), (0.5, 1)):
    try:
        R.l1_l2_regularizer(*args)
    except ValueError as e:
        out(str(e))
R.l2_regularizer(2)
""",
    "contrib_regularizer_bad_scale_type": _R + """
R.l2_regularizer("x")
""",
    "contrib_regularizer_tensor_scale": _R + """
w = tf.constant([1.0, 2.0], name="w")
s = tf.constant(0.5, name="s")
r = R.l2_regularizer(s)(w)
out(r.name, [(o.name, o.type) for o in tf.get_default_graph().get_operations()])
""",
    "contrib_regularizer_float64": _R + """
w = tf.constant([1.0, 2.0], dtype=tf.float64, name="w")
r = R.l1_regularizer(0.5)(w)
out(r.dtype.name)
with tf.Session() as sess:
    out(sess.run(r))
""",
    "contrib_sum_regularizer": _R + """
w = tf.constant([1.0, -2.0], name="w")
r = R.sum_regularizer([R.l1_regularizer(0.5), None, R.l2_regularizer(1.0)])
out(r(w).name, R.sum_regularizer([]), R.sum_regularizer([None]))
r2 = R.sum_regularizer([R.l1_regularizer(0.5), lambda x: None], scope="total")
out(r2(w).name, R.sum_regularizer([lambda x: None])(w))
with tf.Session() as sess:
    out(sess.run(r(w)))
""",
    "contrib_apply_regularization": _R + """
a = tf.get_variable("a", initializer=[1.0, -2.0])
b = tf.get_variable("b", initializer=[3.0])
p = R.apply_regularization(R.l2_regularizer(0.5), [a, b])
out(p.name, p.op.type, [l.name for l in tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)])
out([o.name for o in tf.get_default_graph().get_operations() if o.name.startswith("get_reg")])
p2 = R.apply_regularization(lambda w: None, [a])
out(p2.name)
tf.add_to_collection(tf.GraphKeys.WEIGHTS, a)
p3 = R.apply_regularization(R.l1_regularizer(1.0))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run([p, p2, p3]))
""",
    "contrib_apply_regularization_no_weights": _R + """
R.apply_regularization(R.l2_regularizer(0.5))
""",
    "contrib_apply_regularization_non_scalar": _R + """
a = tf.constant([1.0, 2.0])
R.apply_regularization(lambda w: w * 2.0, [a])
""",
    "contrib_regularizer_on_scope": _R + """
with tf.variable_scope("layer", regularizer=R.l2_regularizer(0.1)):
    w = tf.get_variable("w", initializer=[[1.0, 2.0]])
losses = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
out([l.name for l in losses], [(o.name, o.type) for o in tf.get_default_graph().get_operations()][-4:])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run(tf.losses.get_regularization_loss()))
""",
    "get_local_variable_with_custom_getter": """
seen = []
def getter(getter, name, *args, **kwargs):
    seen.append((name, kwargs["trainable"], kwargs["collections"]))
    return getter(name, *args, **kwargs)
with tf.variable_scope("s", custom_getter=getter):
    tf.get_local_variable("l", [1])
out(seen)
""",
    "initializer_on_scope_and_override": """
with tf.variable_scope("s", initializer=tf.constant_initializer(3.0)):
    a = tf.get_variable("a", [2])
    b = tf.get_variable("b", [2], initializer=tf.constant_initializer(4.0))
    with tf.variable_scope("inner", initializer=tf.constant_initializer(5.0)):
        c = tf.get_variable("c", [2])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run([a, b, c]))
""",
    "initializer_on_scope_applies_to_ints": """
with tf.variable_scope("s", initializer=tf.constant_initializer(3.0)):
    tf.get_variable("d", [2], dtype=tf.int32)
""",
    "constraint_passed_through": """
def constraint(x):
    return tf.clip_by_value(x, 0.0, 1.0)
with tf.variable_scope("s", constraint=constraint) as s:
    v = tf.get_variable("v", [1])
    w = tf.get_variable("w", [1], constraint=None)
    with tf.variable_scope("child") as c:
        x = tf.get_variable("x", [1])
        out(c.constraint is constraint, x.constraint is constraint)
with tf.variable_scope(s) as s2:
    out(s2.constraint is constraint, tf.get_variable("y", [1]).constraint is constraint)
with tf.variable_scope(s, constraint=lambda x: x) as s3:
    out(s3.constraint is constraint)
out(s.constraint is constraint, v.constraint is constraint, w.constraint is constraint)
""",
    "scope_settings_inherited": """
reg = lambda w: None
part = tf.fixed_size_partitioner(2)
with tf.variable_scope("s", regularizer=reg, partitioner=part, caching_device="/cpu:0", dtype=tf.float16,
                       use_resource=False) as s:
    with tf.variable_scope("c") as c:
        out(c.regularizer is reg, c.partitioner is part, c.caching_device, c.dtype.name, c.use_resource)
    with tf.variable_scope("d", partitioner=None, dtype=None) as d:
        out(d.partitioner is part, d.dtype.name)
with tf.variable_scope("t"):
    with tf.variable_scope(s) as s2:
        out(s2.regularizer is reg, s2.caching_device, s2.dtype.name, s2.name)
""",
}
