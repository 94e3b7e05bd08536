"""Golden cases: graph building — names, name scopes, control dependencies, devices, collections."""
CASES = {
    "issue_example": """
x = tf.placeholder(tf.float32, [None, 3], name="x")
w = tf.constant([[1.], [2.], [3.]])
with tf.name_scope("layer"):
    y = tf.matmul(x, w) + 1.0
out(y.name, str(y.shape), y.op.type, repr(y), str(y))
with tf.Session() as sess:
    out(sess.run(y, feed_dict={x: [[1, 1, 1]]}))
""",
    "unique_names_ignore_case": """
g = tf.get_default_graph()
out([g.unique_name(n) for n in ["foo", "foo", "Foo", "foo_1", "FOO"]])
out(g.unique_name("foo", mark_as_used=False), g.unique_name("foo"))
out(tf.constant(1., name="x_1").name, tf.constant(1., name="x").name, tf.constant(1., name="x").name)
""",
    "name_scope_nesting": """
with tf.name_scope("a") as s1:
    out(s1, tf.constant(1).name)
    with tf.name_scope("b") as s2:
        out(s2, tf.constant(1).name)
    with tf.name_scope("b") as s3:
        out(s3)
with tf.name_scope("a") as s4:
    out(s4)
with tf.name_scope("a/") as s5:
    out(s5, tf.constant(1).name)
with tf.name_scope("a_1") as s6:
    out(s6)
with tf.name_scope("a"):
    with tf.name_scope(None) as s7:
        out(s7, tf.constant(1).name)
    with tf.name_scope("") as s8:
        out(s8)
with tf.name_scope(None, "Def") as d1:
    out(d1)
with tf.name_scope(None, "Def") as d2:
    out(d2)
with tf.name_scope("", "Def") as d3:
    out(d3)
out(tf.get_default_graph().get_name_scope())
""",
    "name_scope_invalid_root": """
with tf.name_scope("a b"):
    pass
""",
    "name_scope_invalid_nested": """
with tf.name_scope("ok"):
    with tf.name_scope("-fine") as s:
        out(s)
    with tf.name_scope("x:1"):
        pass
""",
    "invalid_op_name": """
tf.constant(1., name="a:b")
""",
    "op_names_default_and_collide": """
c = tf.constant(3, name="add")
a = tf.constant([1., 2.])
out(c.name, (a + a).name, tf.add(a, a).name, tf.identity(a, name="Add").name)
""",
    "tensor_and_op_reprs": """
a = tf.constant([1., 2.])
b = a + a
out(repr(b), str(b), repr(b.op), b.op.name, b.op.type, b.value_index, b.dtype.name)
out([t.name for t in b.op.inputs], [t.name for t in b.op.outputs], [o.name for o in a.consumers()])
out(b.op.get_attr("T").name, b.op.control_inputs, b.op.device)
""",
    "node_def_text": """
x = tf.placeholder(tf.float32, [None, 3], name="x")
y = tf.identity(x, name="y")
out(y.op.node_def.name, y.op.node_def.op, list(y.op.node_def.input))
""",
    "get_by_name": """
a = tf.constant(1., name="a")
g = tf.get_default_graph()
out(g.get_tensor_by_name("a:0").name, g.get_operation_by_name("a").name)
out(g.as_graph_element("a").name, g.as_graph_element("a:0").name)
out(len(g.get_operations()), [op.name for op in g.get_operations()])
""",
    "get_tensor_missing": """
tf.constant(1., name="a")
tf.get_default_graph().get_tensor_by_name("nope:0")
""",
    "get_tensor_bad_index": """
tf.constant(1., name="a")
tf.get_default_graph().get_tensor_by_name("a:1")
""",
    "get_tensor_op_name": """
tf.constant(1., name="a")
tf.get_default_graph().get_tensor_by_name("a")
""",
    "get_operation_missing": """
tf.get_default_graph().get_operation_by_name("nope")
""",
    "get_operation_tensor_name": """
tf.constant(1., name="a")
tf.get_default_graph().get_operation_by_name("a:0")
""",
    "get_tensor_invalid_name": """
tf.constant(1., name="a")
tf.get_default_graph().get_tensor_by_name("a:x")
""",
    "as_graph_element_bad_type": """
tf.get_default_graph().as_graph_element(3)
""",
    "control_dependencies": """
a = tf.constant(1., name="a")
b = tf.constant(2., name="b")
with tf.control_dependencies([a]):
    c = tf.constant(3., name="c")
    with tf.control_dependencies([b.op]):
        d = tf.constant(4., name="d")
        e = tf.identity(c, name="e")
    with tf.control_dependencies(None):
        f = tf.constant(5., name="f")
out([o.name for o in c.op.control_inputs], [o.name for o in d.op.control_inputs])
out([o.name for o in e.op.control_inputs], [o.name for o in f.op.control_inputs])
""",
    "devices": """
with tf.device("/gpu:0"):
    d = tf.constant(1.)
    with tf.device("/cpu:0"):
        d2 = tf.constant(1.)
    with tf.device(None):
        d3 = tf.constant(1.)
with tf.device("/job:w/task:1"):
    with tf.device("/gpu:1"):
        d4 = tf.constant(1.)
with tf.device("/device:GPU:2"):
    d5 = tf.constant(1.)
out(d.device, d2.device, d3.device, d4.device, d5.device, d.op.device)
""",
    "collections": """
g = tf.get_default_graph()
tf.add_to_collection("things", tf.constant(1., name="apple"))
tf.add_to_collection("things", tf.constant(2., name="banana"))
tf.add_to_collection("things", 7)
tf.add_to_collections(["a", "b"], tf.constant(3., name="cherry"))
out([getattr(t, "name", t) for t in tf.get_collection("things")])
out([t.name for t in tf.get_collection("things", scope="ban")])
out([t.name for t in tf.get_collection("things", scope="a")])
out(tf.get_collection("nothing"), sorted(g.get_all_collection_keys()))
ref = tf.get_collection_ref("things")
ref.append(8)
out(len(tf.get_collection("things")), tf.GraphKeys.GLOBAL_VARIABLES, tf.GraphKeys.TRAINABLE_VARIABLES)
out(tf.GraphKeys.UPDATE_OPS, tf.GraphKeys.REGULARIZATION_LOSSES, tf.GraphKeys.LOSSES)
""",
    "finalized_graph": """
g = tf.get_default_graph()
tf.constant(1.)
g.finalize()
out(g.finalized)
tf.constant(2.)
""",
    "reset_default_graph_nested": """
tf.reset_default_graph()
""",
    "default_graph_stack": """
g1 = tf.get_default_graph()
g2 = tf.Graph()
with g2.as_default():
    c = tf.constant(1.)
    out(tf.get_default_graph() is g2, c.graph is g2)
out(tf.get_default_graph() is g1)
""",
    "tensor_bool_error": """
bool(tf.constant(1.))
""",
    "tensor_iter_error": """
iter(tf.placeholder(tf.float32, [None]))
""",
    "tensor_equality_is_identity": """
a = tf.constant(1.)
b = tf.constant(1.)
out(a == a, a == b, a != b, len({a, b}))
""",
    "set_shape": """
x = tf.placeholder(tf.float32, [None, 3])
x.set_shape([2, None])
out(str(x.shape), str(x.get_shape()), x.shape.as_list())
""",
    "set_shape_incompatible": """
x = tf.placeholder(tf.float32, [None, 3])
x.set_shape([2, 4])
""",
    "executing_eagerly": """
out(tf.executing_eagerly())
""",
}
