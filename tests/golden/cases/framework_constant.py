"""Golden cases: tf.constant and convert_to_tensor — dtype inference, shape=, verify_shape, errors."""
CASES = {
    "inferred_dtypes": """
for v in [1, 1.5, True, "s", [1, 2.5], np.float64(2), np.array([1, 2]), 2**40, [[1, 2], [3, 4]], [],
          np.array([1, 2], np.int8), [True, False], b"bytes"]:
    c = tf.constant(v)
    out(c.dtype.name, str(c.shape), c.op.type, c.name)
""",
    "values": """
with tf.Session() as sess:
    out(sess.run(tf.constant([1, 2.5])), sess.run(tf.constant(2**40)), sess.run(tf.constant([[1, 2], [3, 4]])))
    out(sess.run(tf.constant(np.arange(6, dtype=np.float64).reshape(2, 3))), sess.run(tf.constant(True)))
    out(sess.run(tf.constant([1, 2], dtype=tf.float32)), sess.run(tf.constant(3, dtype=tf.int64)))
    out(sess.run(tf.constant(1.5, dtype=tf.float64)), sess.run(tf.constant([1, 2], dtype=tf.uint8)))
""",
    "shape_broadcast_and_pad": """
with tf.Session() as sess:
    out(sess.run(tf.constant(1., shape=[2, 3])), sess.run(tf.constant([1, 2, 3], shape=[5])))
    out(sess.run(tf.constant([1, 2, 3, 4], shape=[2, 2])), sess.run(tf.constant([1, 2], shape=[2], verify_shape=True)))
    out(str(tf.constant(7, shape=[])), str(tf.constant([[1, 2, 3]], shape=[3]).shape))
""",
    "verify_shape_mismatch": """
tf.constant([1, 2], shape=[3], verify_shape=True)
""",
    "too_many_values": """
tf.constant([1, 2, 3], shape=[2])
""",
    "float_to_int_rejected": """
tf.constant(1.5, dtype=tf.int32)
""",
    "int_to_string_rejected": """
tf.convert_to_tensor([1, 2], dtype=tf.string)
""",
    "none_rejected": """
tf.constant(None)
""",
    "object_rejected": """
tf.convert_to_tensor(object)
""",
    "ragged_rejected": """
tf.constant([[1], [2, 3]])
""",
    "convert_tensor_wrong_dtype": """
x = tf.placeholder(tf.float32, [None, 3], name="x")
tf.convert_to_tensor(x, dtype=tf.int32)
""",
    "convert_passthrough_and_names": """
x = tf.placeholder(tf.float32, [None, 3], name="x")
out(tf.convert_to_tensor(x) is x, tf.convert_to_tensor(1.5, name="foo").name)
out(tf.convert_to_tensor(1, preferred_dtype=tf.float32).dtype.name)
out(tf.convert_to_tensor("a", preferred_dtype=tf.int32).dtype.name)
out(tf.convert_to_tensor(np.zeros(3, np.float64)).dtype.name)
with tf.name_scope("s"):
    out(tf.constant(1.).name, tf.constant(1., name="k").name)
""",
    "constant_op_attrs": """
c = tf.constant([1, 2], name="c")
out(c.op.get_attr("dtype").name, c.op.get_attr("value").shape if hasattr(c.op.get_attr("value"), "shape") else None)
out(c.op.node_def.name, c.op.node_def.op, list(c.op.inputs))
""",
}
