"""Golden cases: tf.variable_scope / tf.get_variable naming, sharing and reuse (no Session runs)."""
CASES = {
    "get_variable_ignores_name_scope": """
with tf.name_scope("ns"):
    v = tf.get_variable("v", [2])
    w = tf.Variable(1.0, name="w")
    c = tf.constant(1.0)
    with tf.variable_scope("vs"):
        u = tf.get_variable("u", [1])
        d = tf.constant(1.0)
out(v.name, w.name, c.name, u.name, d.name, v.op.type, v.dtype.name, str(v.shape))
out(v.op.name, v.initializer.name)
""",
    "variable_scope_basic": """
with tf.variable_scope("foo") as scope:
    v = tf.get_variable("v", [1])
    c = tf.constant(1.0)
    out(scope.name, scope.original_name_scope, scope.reuse, tf.get_variable_scope() is scope)
    out(tf.get_variable_scope().name, tf.get_default_graph().get_name_scope())
out(v.name, c.name, tf.get_variable_scope().name, tf.get_variable_scope().reuse)
out(sorted(tf.get_default_graph().get_all_collection_keys()))
""",
    "reenter_by_string": """
with tf.variable_scope("my_scope"):
    v = tf.get_variable("v", [1])
with tf.variable_scope("my_scope") as s:
    c = tf.constant(1.0)
    out(s.name, s.original_name_scope, c.name)
with tf.variable_scope("my_scope", reuse=True) as s:
    v2 = tf.get_variable("v", [1])
    out(s.name, s.original_name_scope, tf.constant(1.0).name, v2 is v, v2.name)
""",
    "reenter_by_object": """
with tf.variable_scope("inner") as captured:
    v = tf.get_variable("v", [1])
    out(tf.constant(1.0).name)
with tf.variable_scope(captured) as s:
    out(s.name, s.original_name_scope, s is captured, tf.constant(1.0).name, s.reuse)
    out(tf.get_variable("w", [1]).name)
with tf.variable_scope(captured, reuse=True) as s:
    out(tf.get_variable("v", [1]) is v, s.reuse, captured.reuse)
""",
    "reenter_object_inside_other_scope": """
with tf.variable_scope("inner") as inner:
    pass
with tf.variable_scope("outer") as outer:
    with tf.variable_scope(inner) as s:
        c = tf.constant(1.0)
        w = tf.get_variable("w", [1])
        out(s.name, s.original_name_scope, c.name, w.name, tf.get_default_graph().get_name_scope())
        with tf.variable_scope("deeper") as d:
            out(d.name, d.original_name_scope, tf.get_variable("x", [1]).name, tf.constant(2.0).name)
    out(tf.get_variable_scope().name)
""",
    "reenter_object_twice_and_nested_name_scope": """
with tf.name_scope("ns"):
    with tf.variable_scope("a") as a:
        out(a.original_name_scope)
with tf.variable_scope(a) as s:
    out(s.original_name_scope, tf.constant(1.0).name)
with tf.variable_scope(a):
    out(tf.constant(1.0).name)
with tf.name_scope("ns2"):
    with tf.variable_scope(a):
        out(tf.constant(1.0).name, tf.get_variable("q", [1]).name)
""",
    "auxiliary_name_scope_false": """
with tf.variable_scope("x", auxiliary_name_scope=False) as a:
    out(a.name, repr(a.original_name_scope), tf.constant(1.0).name, tf.get_variable("w", [1]).name)
with tf.name_scope("outer"):
    with tf.variable_scope("y", auxiliary_name_scope=False) as b:
        out(b.name, repr(b.original_name_scope), tf.constant(1.0).name)
with tf.variable_scope("z") as z:
    pass
with tf.variable_scope(z, auxiliary_name_scope=False) as z2:
    out(z2.name, z2.original_name_scope, tf.constant(1.0).name)
with tf.variable_scope("z"):
    out(tf.constant(1.0).name)
""",
    "auxiliary_name_scope_reenter_name_scope": """
with tf.variable_scope("layer") as vs:
    pass
with tf.variable_scope(vs, auxiliary_name_scope=False) as vs1:
    with tf.name_scope(vs1.original_name_scope):
        out(tf.constant(1.0).name, tf.get_variable("k", [1]).name)
""",
    "default_name_uniquing": """
names = []
for _ in range(3):
    with tf.variable_scope(None, default_name="layer") as s:
        names.append((s.name, s.original_name_scope, tf.get_variable("w", [1]).name, tf.constant(1.).name))
out(names)
with tf.variable_scope("layer_1", reuse=True) as s:
    out(s.name, tf.get_variable("w", [1]).name)
with tf.variable_scope("top"):
    for _ in range(2):
        with tf.variable_scope(None, default_name="d") as s:
            out(s.name, s.original_name_scope)
with tf.variable_scope("top"):
    with tf.variable_scope(None, default_name="d") as s:
        out(s.name, s.original_name_scope)
""",
    "default_name_ignored_when_name_given": """
with tf.variable_scope("given", default_name="dflt") as s:
    out(s.name, s.original_name_scope)
with tf.variable_scope(None, default_name="given") as s:
    out(s.name, s.original_name_scope)
""",
    "default_name_with_values": """
a = tf.constant(1.0, name="a")
with tf.variable_scope(None, "Default", [a]) as s:
    out(s.name, s.original_name_scope, tf.constant(1.).name)
with tf.variable_scope("named", "Default", [a]) as s:
    out(s.name, s.original_name_scope)
""",
    "empty_string_scope": """
with tf.variable_scope("") as s:
    out(repr(s.name), repr(s.original_name_scope), tf.get_variable("v", [1]).name, tf.constant(1.0).name)
with tf.variable_scope("a"):
    with tf.variable_scope("") as s:
        out(repr(s.name), repr(s.original_name_scope), tf.get_variable("v", [1]).name, tf.constant(1.0).name)
""",
    "empty_string_scope_reuse_auto": """
ws = []
for i in range(3):
    with tf.variable_scope("", reuse=tf.AUTO_REUSE):
        ws.append(tf.get_variable("kernel", [1]))
        out(tf.constant(1.0).name)
out([w.name for w in ws], ws[0] is ws[2])
""",
    "none_scope_requires_default_name": """
with tf.variable_scope(None):
    pass
""",
    "none_scope_with_reuse": """
with tf.variable_scope(None, default_name="d", reuse=True):
    pass
""",
    "bad_scope_type": """
with tf.variable_scope(3):
    pass
""",
    "bad_reuse_value": """
with tf.variable_scope("x", reuse="yes"):
    pass
""",
    "bad_auxiliary_name_scope": """
with tf.variable_scope("x", auxiliary_name_scope=1):
    pass
""",
    "reuse_inherited": """
with tf.variable_scope("a"):
    v = tf.get_variable("v", [1])
    with tf.variable_scope("b"):
        w = tf.get_variable("w", [1])
with tf.variable_scope("a", reuse=True) as a:
    out(a.reuse, tf.get_variable("v", [1]) is v)
    with tf.variable_scope("b") as b:
        out(b.reuse, tf.get_variable("w", [1]) is w)
    with tf.variable_scope("b", reuse=False) as b:
        out(b.reuse, tf.get_variable("w", [1]) is w)
    with tf.variable_scope(None, default_name="b") as b2:
        out(b2.name, b2.reuse)
out(tf.get_variable_scope().reuse)
""",
    "reuse_false_is_none": """
with tf.variable_scope("a", reuse=False) as a:
    out(a.reuse)
with tf.variable_scope("b", reuse=None) as b:
    out(b.reuse)
""",
    "reuse_variables_method": """
with tf.variable_scope("foo") as scope:
    v = tf.get_variable("v", [1])
    out(scope.reuse)
    scope.reuse_variables()
    out(scope.reuse, tf.get_variable_scope().reuse)
    v1 = tf.get_variable("v", [1])
    with tf.variable_scope("sub") as sub:
        out(sub.reuse)
out(v1 is v, scope.reuse)
with tf.variable_scope(scope) as s2:
    out(s2.reuse)
with tf.variable_scope("foo") as s3:
    out(s3.reuse)
""",
    "captured_scope_reuse_not_inherited": """
with tf.variable_scope("cap") as cap:
    pass
with tf.variable_scope("outer", reuse=True):
    with tf.variable_scope(cap) as s:
        out(s.reuse, tf.get_variable("v", [1]).name)
    with tf.variable_scope("str") as s:
        out(s.reuse)
""",
    "auto_reuse": """
def f():
    with tf.variable_scope("auto", reuse=tf.AUTO_REUSE) as s:
        return tf.get_variable("v", [1]), s
v1, s1 = f()
v2, s2 = f()
out(v1 is v2, v1.name, s1.reuse is tf.AUTO_REUSE, str(s1.reuse), s2.original_name_scope)
with tf.variable_scope("auto", reuse=tf.AUTO_REUSE):
    with tf.variable_scope("inner", reuse=True) as i:
        out(str(i.reuse))
    with tf.variable_scope("inner2") as i2:
        out(str(i2.reuse), tf.get_variable("x", [1]).name)
        out(tf.get_variable("x", [1]).name)
n = len(tf.global_variables())
out(n, [v.name for v in tf.global_variables()])
""",
    "nested_scopes_and_name_scopes": """
with tf.variable_scope("a"):
    with tf.name_scope("n"):
        with tf.variable_scope("b") as b:
            x = tf.get_variable("x", [1])
            c = tf.constant(1.0)
            out(b.name, b.original_name_scope, x.name, c.name, x.op.name)
        with tf.name_scope("n2"):
            y = tf.Variable(2.0, name="y")
    out(y.name)
""",
    "scope_name_with_slash": """
with tf.variable_scope("a/b") as s:
    out(s.name, s.original_name_scope, tf.get_variable("v", [1]).name, tf.constant(1.0).name)
with tf.variable_scope("a"):
    with tf.variable_scope("b", reuse=True):
        out(tf.get_variable("v", [1]).name)
""",
    "get_variable_name_with_slash": """
with tf.variable_scope("s"):
    v = tf.get_variable("sub/v", [1])
out(v.name, v.op.name)
with tf.variable_scope("s", reuse=True):
    with tf.variable_scope("sub"):
        out(tf.get_variable("v", [1]) is v)
""",
    "name_collision_with_name_scope": """
with tf.name_scope("w"):
    tf.constant(1.0)
v = tf.get_variable("w", [1])
out(v.name, v.op.name)
u = tf.Variable(1.0, name="u")
u2 = tf.get_variable("u", [1])
out(u.name, u2.name)
""",
    "variable_then_get_variable_same_name": """
with tf.variable_scope("s"):
    a = tf.Variable(1.0, name="v")
    b = tf.get_variable("v", [])
out(a.name, b.name, a is b)
with tf.variable_scope("s", reuse=True):
    out(tf.get_variable("v", []) is b)
""",
    "scope_get_collection": """
with tf.variable_scope("foo") as foo:
    a = tf.get_variable("a", [1])
    b = tf.get_variable("b", [1], trainable=False)
    c = tf.get_local_variable("c", [1])
with tf.variable_scope("foo_bar"):
    d = tf.get_variable("d", [1])
out([v.name for v in foo.global_variables()], [v.name for v in foo.trainable_variables()])
out([v.name for v in foo.local_variables()], [v.name for v in foo.get_collection("variables")])
out([v.name for v in tf.get_variable_scope().global_variables()])
""",
    "variable_scope_properties": """
init = tf.constant_initializer(0.5)
with tf.variable_scope("p", initializer=init, dtype=tf.float64, use_resource=False) as p:
    out(p.initializer is init, p.dtype.name, p.use_resource, p.regularizer, p.caching_device, p.partitioner,
        p.custom_getter, p.constraint)
    v = tf.get_variable("v", [2])
    out(v.dtype.name)
    with tf.variable_scope("child") as c:
        out(c.initializer is init, c.dtype.name)
root = tf.get_variable_scope()
out(repr(root.name), repr(root.original_name_scope), root.reuse, root.initializer, root.dtype.name, root.use_resource)
""",
    "variable_scope_setters": """
with tf.variable_scope("s") as s:
    s.set_dtype(tf.float16)
    s.set_initializer(tf.zeros_initializer())
    s.set_use_resource(False)
    s.set_caching_device("/cpu:0")
    v = tf.get_variable("v", [2])
    out(v.dtype.name, s.caching_device)
    s.set_partitioner(None)
    s.set_regularizer(None)
    s.set_custom_getter(None)
with tf.variable_scope("t"):
    out(tf.get_variable("w", [1]).dtype.name)
""",
    "variable_scope_object_constructor": """
s = tf.VariableScope(True, name="made")
out(s.name, repr(s.original_name_scope), s.reuse, s.dtype.name)
with tf.variable_scope(s) as e:
    out(e.name, repr(e.original_name_scope), e.reuse, tf.constant(1.0).name)
s2 = tf.VariableScope(False, name="made2", name_scope="ns_given/")
with tf.variable_scope(s2) as e2:
    out(e2.original_name_scope, tf.constant(1.0).name, tf.get_variable("v", [1]).name)
""",
    "variable_scope_values_graph": """
g = tf.Graph()
with g.as_default():
    a = tf.constant(1.0, name="a")
with tf.variable_scope("s", values=[a]) as s:
    v = tf.get_variable("v", [1])
    out(v.graph is g, tf.get_default_graph() is g)
out(tf.get_default_graph() is g)
""",
    "variable_op_scope": """
a = tf.constant(1.0)
with tf.variable_op_scope([a], None, default_name="vos") as s:
    out(s.name, s.original_name_scope, tf.get_variable("v", [1]).name)
with tf.variable_op_scope([a], "given") as s:
    out(s.name)
""",
    "initializer_kinds": """
with tf.variable_scope("i"):
    a = tf.get_variable("a", initializer=tf.constant([1.0, 2.0]))
    b = tf.get_variable("b", initializer=[[1, 2], [3, 4]])
    c = tf.get_variable("c", initializer=np.float64(3.0))
    d = tf.get_variable("d", [3], initializer=tf.zeros_initializer)
    e = tf.get_variable("e", [2], initializer=lambda shape, dtype, partition_info=None: tf.ones(shape, dtype))
    f = tf.get_variable("f", initializer=lambda: tf.constant([7, 8]))
    g = tf.get_variable("g", [2], dtype=tf.int32)
    h = tf.get_variable("h", [2], dtype=tf.bool)
    k = tf.get_variable("k", [1, 2], initializer=tf.constant_initializer(5))
out([(v.name, v.dtype.name, str(v.shape)) for v in (a, b, c, d, e, f, g, h, k)])
out([v.initial_value.name for v in (a, b, c, d, e, f, g, h, k)])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run([a, b, c, d, e, f, g, h, k]))
""",
    "default_initializer_ops": """
v = tf.get_variable("v", [2, 3])
ops = [(o.name, o.type) for o in tf.get_default_graph().get_operations()]
out(ops)
i = tf.get_variable("i", [2], dtype=tf.int64)
out([(o.name, o.type) for o in tf.get_default_graph().get_operations()][len(ops):])
""",
    "default_initializer_statistics": """
v = tf.get_variable("v", [200, 300])
with tf.Session() as sess:
    sess.run(v.initializer)
    x = sess.run(v)
limit = np.sqrt(6.0 / 500)
out(bool(np.abs(x).max() <= limit), bool(np.abs(x).max() > 0.9 * limit), bool(abs(x.mean()) < 0.01), x.dtype.name)
""",
    "get_variable_in_control_dependencies": """
c = tf.constant(1.0, name="c")
with tf.control_dependencies([c]):
    v = tf.get_variable("v", [1])
    w = tf.Variable(1.0, name="w")
    d = tf.constant(2.0, name="d")
out([op.name for op in v.initializer.control_inputs], [op.name for op in v.op.control_inputs])
out([op.name for op in d.op.control_inputs])
""",
    "get_variable_device_scope": """
with tf.device("/cpu:0"):
    v = tf.get_variable("v", [1])
out(v.device, v.op.device)
""",
    "trainable_and_collections": """
a = tf.get_variable("a", [1])
b = tf.get_variable("b", [1], trainable=False)
c = tf.get_variable("c", [1], collections=["mine"])
d = tf.get_variable("d", [1], collections=["mine", tf.GraphKeys.GLOBAL_VARIABLES], trainable=True)
e = tf.get_local_variable("e", [1])
cols = ["mine"]
f = tf.get_local_variable("f", [1], collections=cols)
out([v.name for v in tf.global_variables()], [v.name for v in tf.trainable_variables()])
out([v.name for v in tf.local_variables()], [v.name for v in tf.get_collection("mine")], cols)
out(sorted(tf.get_default_graph().get_all_collection_keys()), e.trainable if hasattr(e, "trainable") else None)
""",
    "get_local_variable_reuse": """
with tf.variable_scope("s"):
    l = tf.get_local_variable("l", [1])
with tf.variable_scope("s", reuse=True):
    out(tf.get_local_variable("l", [1]) is l, tf.get_variable("l", [1]) is l)
""",
    "dtype_ref_base": """
v = tf.get_variable("v", [1], dtype=tf.float32._as_ref)
out(v.dtype.name)
with tf.variable_scope("", reuse=True):
    out(tf.get_variable("v", [1], dtype=tf.float32) is v)
""",
    "shape_forms": """
a = tf.get_variable("a", tf.TensorShape([2, 3]))
b = tf.get_variable("b", (4,))
c = tf.get_variable("c", [])
d = tf.get_variable("d", np.array([2, 2]))
out([str(v.shape) for v in (a, b, c, d)])
with tf.variable_scope("", reuse=True):
    out(tf.get_variable("a", [2, None]) is a, tf.get_variable("a") is a, tf.get_variable("c", []) is c)
""",
}
