"""Golden cases: every sharing mistake of tf.get_variable / tf.variable_scope gives TF's error."""
CASES = {
    "already_exists": """
with tf.variable_scope("foo"):
    tf.get_variable("v", [1])
with tf.variable_scope("foo"):
    tf.get_variable("v", [1])
""",
    "already_exists_root": """
tf.get_variable("v", [1])
tf.get_variable("v", [1])
""",
    "does_not_exist": """
with tf.variable_scope("bar", reuse=True):
    tf.get_variable("v", [1])
""",
    "does_not_exist_tf_variable": """
with tf.variable_scope("bar"):
    tf.Variable(1.0, name="v")
with tf.variable_scope("bar", reuse=True):
    tf.get_variable("v", [])
""",
    "shape_mismatch": """
with tf.variable_scope("s"):
    tf.get_variable("v", [1, 2])
with tf.variable_scope("s", reuse=True):
    tf.get_variable("v", [2])
""",
    "shape_mismatch_auto_reuse": """
with tf.variable_scope("s", reuse=tf.AUTO_REUSE):
    tf.get_variable("v", [3])
    tf.get_variable("v", [4, 5])
""",
    "dtype_mismatch": """
with tf.variable_scope("s"):
    tf.get_variable("v", [1])
with tf.variable_scope("s", reuse=True):
    tf.get_variable("v", [1], dtype=tf.int32)
""",
    "constant_initializer_with_shape": """
tf.get_variable("v", [2], initializer=tf.constant([1.0, 2.0]))
""",
    "python_initializer_with_shape": """
tf.get_variable("v", [2], initializer=[1.0, 2.0])
""",
    "shape_not_fully_defined": """
tf.get_variable("v", [None, 2])
""",
    "shape_unknown_with_no_arg_initializer_ok": """
v = tf.get_variable("v", initializer=lambda: tf.zeros([2]))
out(str(v.shape))
""",
    "no_shape_no_initializer": """
tf.get_variable("v")
""",
    "initializer_dtype_mismatch": """
tf.get_variable("v", initializer=tf.constant(1), dtype=tf.float32)
""",
    "initializer_dtype_mismatch_python": """
tf.get_variable("v", initializer=1.5, dtype=tf.int32)
""",
    "initializer_dtype_check_side_effect": """
try:
    with tf.variable_scope("s"):
        tf.get_variable("v", initializer=[1, 2], dtype=tf.float32)
except ValueError as e:
    out(str(e))
out([op.name for op in tf.get_default_graph().get_operations()])
""",
    "string_dtype_default_initializer": """
v = tf.get_variable("v", [2], dtype=tf.string)
out(v.dtype.name, v.initial_value.op.name)
""",
    "complex_dtype_requires_initializer": """
tf.get_variable("v", [2], dtype=tf.complex64)
""",
    "unknown_dtype": """
tf.get_variable("v", [2], dtype="nonsense")
""",
    "bad_name": """
tf.get_variable("a b", [1])
""",
    "non_callable_custom_getter": """
tf.get_variable("v", [1], custom_getter=3)
""",
    "non_callable_custom_getter_scope": """
with tf.variable_scope("s", custom_getter=3):
    pass
""",
    "non_callable_partitioner": """
tf.get_variable("v", [4], partitioner=3)
""",
    "failed_get_variable_leaves_graph_unchanged": """
tf.get_variable("v", [1])
n_ops = len(tf.get_default_graph().get_operations())
for bad in (lambda: tf.get_variable("v", [1]), lambda: tf.get_variable("w", [None]),
            lambda: tf.get_variable("x", [1], initializer=tf.constant([1.0]))):
    try:
        bad()
    except ValueError as e:
        out(str(e).split("\\n")[0])
out(len(tf.get_default_graph().get_operations()) - n_ops, len(tf.global_variables()))
""",
    "invalid_initializer_object": """
tf.get_variable("v", [2], initializer="zeros")
""",
    "already_exists_with_trailing_message": """
try:
    tf.get_variable("v", [1])
    tf.get_variable("v", [1])
except ValueError as e:
    lines = str(e).split("\\n")
    out(lines[0], lines[1], lines[2].strip().startswith("File"), len([l for l in lines if "tensorflow" in l]))
""",
    "synchronization_on_read_trainable": """
v = tf.get_variable("v", [1], synchronization=tf.VariableSynchronization.ON_READ)
out(v.trainable, [x.name for x in tf.trainable_variables()])
tf.get_variable("w", [1], synchronization=tf.VariableSynchronization.ON_READ, trainable=True)
""",
    "synchronization_on_read_explicit_trainable": """
S = tf.VariableSynchronization
w = tf.get_variable("w", [1], synchronization=S.ON_READ, trainable=True)
v = tf.Variable([1.], synchronization=S.ON_READ, trainable=True, name="v")
u = tf.Variable([1.], synchronization=S.ON_READ, name="u")
u2 = tf.Variable([1.], synchronization=S.ON_READ, trainable=False, name="u2")
x = tf.get_variable("x", [1], synchronization=S.ON_READ, trainable=False)
r = tf.Variable([1.], synchronization=S.ON_READ, trainable=True, name="r", use_resource=True)
out([(t.name, t.trainable, str(t.synchronization)) for t in (w, v, u, u2, x, r)])
out([t.name for t in tf.trainable_variables()], [t.name for t in tf.global_variables()])
""",
}
