"""Golden cases: partitioners and PartitionedVariable from tf.get_variable."""
CASES = {
    "fixed_size_partitioner_names": """
v = tf.get_variable("w", [5, 2], partitioner=tf.fixed_size_partitioner(3))
parts = list(v)
out(type(v).__name__, v.name, str(v.get_shape()), v.dtype.name, len(v), v._get_partitions())
out([(p.name, str(p.shape)) for p in parts], [p.name for p in v._get_variable_list()])
out([p._get_save_slice_info().var_offset for p in parts], [p._get_save_slice_info().var_shape for p in parts])
out([p._get_save_slice_info().full_name for p in parts], [p._get_save_slice_info().full_shape for p in parts])
out([(o.name, o.type) for o in tf.get_default_graph().get_operations()][:14])
out([v.name for v in tf.global_variables()], [v.name for v in tf.trainable_variables()])
""",
    "partitioned_as_tensor": """
v = tf.get_variable("w", partitioner=tf.fixed_size_partitioner(2),
                    initializer=tf.constant(np.arange(8.0, dtype=np.float32).reshape(4, 2)))
t = tf.convert_to_tensor(v)
y = v * 2.0
out(t.name, t.op.type, t.op.inputs[0].op.name, t.op.inputs[0].op.type, str(t.shape), y.name)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run(t), sess.run(list(v)))
""",
    "partitioned_single_part_as_tensor": """
v = tf.get_variable("w", [1, 2], partitioner=tf.fixed_size_partitioner(3))
t = tf.convert_to_tensor(v)
out(len(list(v)), t.name, t.op.type, t.op.inputs[0].name)
""",
    "partitioned_axis1": """
v = tf.get_variable("w", [2, 5], partitioner=tf.fixed_size_partitioner(2, axis=1))
out(v._get_partitions(), [str(p.shape) for p in v], [p._get_save_slice_info().var_offset for p in v])
t = tf.convert_to_tensor(v)
out(t.op.inputs[0].op.name, str(t.shape))
""",
    "partitioned_tensor_initializer": """
init = tf.constant(np.arange(6.0, dtype=np.float32).reshape(3, 2))
v = tf.get_variable("w", initializer=init, partitioner=tf.fixed_size_partitioner(2))
out([(p.name, str(p.shape), p.initial_value.name, p.initial_value.op.type) for p in v])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run(list(v)))
""",
    "partitioned_reuse": """
with tf.variable_scope("s", partitioner=tf.fixed_size_partitioner(2)):
    v = tf.get_variable("w", [4])
with tf.variable_scope("s", reuse=True):
    out(tf.get_variable("w", [4]) is v)
with tf.variable_scope("s", reuse=True, partitioner=tf.fixed_size_partitioner(2)):
    out(tf.get_variable("w", [4]) is v)
with tf.variable_scope("s", reuse=True):
    out(tf.get_variable("w/part_0", [2]).name, tf.get_variable("w/part_1", [2]) is list(v)[1])
with tf.variable_scope("s", reuse=tf.AUTO_REUSE, partitioner=tf.fixed_size_partitioner(2)):
    out(tf.get_variable("w", [4]) is v)
""",
    "partitioned_reuse_wrong_partitions": """
with tf.variable_scope("s"):
    tf.get_variable("w", [4], partitioner=tf.fixed_size_partitioner(2))
with tf.variable_scope("s", reuse=True):
    tf.get_variable("w", [4], partitioner=tf.fixed_size_partitioner(4))
""",
    "partitioned_reuse_wrong_shape": """
tf.get_variable("w", [4], partitioner=tf.fixed_size_partitioner(2))
with tf.variable_scope("", reuse=True):
    tf.get_variable("w", [6], partitioner=tf.fixed_size_partitioner(2))
""",
    "partitioned_reuse_wrong_dtype": """
tf.get_variable("w", [4], partitioner=tf.fixed_size_partitioner(2))
with tf.variable_scope("", reuse=True):
    tf.get_variable("w", [4], dtype=tf.int32, partitioner=tf.fixed_size_partitioner(2))
""",
    "partitioned_already_exists": """
tf.get_variable("w", [4], partitioner=tf.fixed_size_partitioner(2))
tf.get_variable("w", [4], partitioner=tf.fixed_size_partitioner(2))
""",
    "partitioned_does_not_exist": """
with tf.variable_scope("", reuse=True):
    tf.get_variable("w", [4], partitioner=tf.fixed_size_partitioner(2))
""",
    "partitioned_then_unpartitioned": """
tf.get_variable("w", [4], partitioner=tf.fixed_size_partitioner(2))
tf.get_variable("w", [4])
""",
    "unpartitioned_then_partitioned": """
tf.get_variable("w", [4])
tf.get_variable("w", [4], partitioner=tf.fixed_size_partitioner(2))
""",
    "partitioned_shape_not_fully_defined": """
tf.get_variable("w", [None, 2], partitioner=tf.fixed_size_partitioner(2))
""",
    "partitioned_scalar_is_not_partitioned": """
v = tf.get_variable("w", [], partitioner=tf.fixed_size_partitioner(2))
out(type(v).__name__, v.name)
""",
    "partitioned_unknown_rank_shape": """
tf.get_variable("w", partitioner=tf.fixed_size_partitioner(2))
""",
    "partitioner_bad_return": """
tf.get_variable("w", [4], partitioner=lambda shape, dtype: 3)
""",
    "partitioner_wrong_rank": """
tf.get_variable("w", [4, 2], partitioner=lambda shape, dtype: [2])
""",
    "partitioner_zero": """
tf.get_variable("w", [4, 2], partitioner=lambda shape, dtype: [0, 1])
""",
    "partitioner_two_axes": """
tf.get_variable("w", [4, 2], partitioner=lambda shape, dtype: [2, 2])
""",
    "partitioner_all_ones": """
v = tf.get_variable("w", [4, 2], partitioner=lambda shape, dtype: [1, 1])
out([p.name for p in v], v._get_partitions(), len(v))
""",
    "fixed_size_partitioner_more_shards_than_rows": """
v = tf.get_variable("w", [2, 3], partitioner=tf.fixed_size_partitioner(5))
out(v._get_partitions(), [str(p.shape) for p in v])
""",
    "variable_axis_size_partitioner": """
p = tf.variable_axis_size_partitioner(max_shard_bytes=64)
out(p(shape=tf.TensorShape([10, 4]), dtype=tf.float32), p(shape=tf.TensorShape([3, 100]), dtype=tf.float32))
out(tf.variable_axis_size_partitioner(64, axis=1)(shape=tf.TensorShape([10, 40]), dtype=tf.float64))
out(tf.variable_axis_size_partitioner(64, max_shards=2)(shape=tf.TensorShape([10, 4]), dtype=tf.float32))
out(tf.variable_axis_size_partitioner(64)(shape=tf.TensorShape([10, 4]), dtype=tf.string))
v = tf.get_variable("w", [10, 4], partitioner=p)
out([str(x.shape) for x in v])
""",
    "variable_axis_size_partitioner_errors": """
for args in [(0,), (10, 0, 0), (10, 0, 16, -1)]:
    try:
        tf.variable_axis_size_partitioner(*args)
    except ValueError as e:
        out(str(e))
p = tf.variable_axis_size_partitioner(10)
for shape, dtype in [([3, 4], tf.float32), (tf.TensorShape([None, 4]), tf.float32), (tf.TensorShape([3]), tf.float32)]:
    try:
        p(shape=shape, dtype=dtype)
    except ValueError as e:
        out(str(e))
""",
    "min_max_variable_partitioner": """
p = tf.min_max_variable_partitioner(max_partitions=4, min_slice_size=64)
out(p(shape=tf.TensorShape([10, 4]), dtype=tf.float32), p(shape=tf.TensorShape([2, 4]), dtype=tf.float32))
out(p(shape=tf.TensorShape([100, 4]), dtype=tf.float32), p(shape=tf.TensorShape([10, 4]), dtype=tf.string))
out(tf.min_max_variable_partitioner()(shape=tf.TensorShape([10, 4]), dtype=tf.float32))
out(tf.min_max_variable_partitioner(3, axis=1, min_slice_size=8)(shape=tf.TensorShape([2, 10]), dtype=tf.float32))
v = tf.get_variable("w", [10, 4], partitioner=p)
out([str(x.shape) for x in v])
try:
    tf.min_max_variable_partitioner(axis=2)(shape=tf.TensorShape([4, 4]), dtype=tf.float32)
except ValueError as e:
    out(str(e))
""",
    "fixed_size_partitioner_direct": """
p = tf.fixed_size_partitioner(3, axis=1)
out(p(shape=tf.TensorShape([4, 7]), dtype=tf.float32), p(shape=tf.TensorShape([4, 2]), dtype=tf.float32))
p(tf.TensorShape([4, 2]), tf.float32)
""",
    "partitioned_reuse_part_directly_with_partitioner": """
tf.get_variable("w", [4], partitioner=tf.fixed_size_partitioner(2))
with tf.variable_scope("", reuse=True, partitioner=tf.fixed_size_partitioner(2)):
    tf.get_variable("w/part_0", [2])
""",
    "partitioned_with_regularizer_and_scope_names": """
reg = lambda w: tf.reduce_sum(w)
with tf.variable_scope("s", partitioner=tf.fixed_size_partitioner(2), regularizer=reg):
    v = tf.get_variable("w", [4, 3])
out([l.name for l in tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)])
""",
    "partitioned_variable_methods": """
v = tf.get_variable("w", [4], partitioner=tf.fixed_size_partitioner(2))
out(v.name, v.get_shape().as_list(), str(v.shape), v.dtype.name, v._partition_axes())
a = v.assign(np.arange(4.0, dtype=np.float32))
out(type(a).__name__)
""",
    "partitioned_convert_wrong_dtype": """
v = tf.get_variable("w", [4], partitioner=tf.fixed_size_partitioner(2))
tf.convert_to_tensor(v, dtype=tf.int32)
""",
    "partitioned_in_name_scope": """
with tf.name_scope("ns"):
    v = tf.get_variable("w", [4], partitioner=tf.fixed_size_partitioner(2))
    t = tf.convert_to_tensor(v)
out([p.name for p in v], t.name, t.op.inputs[0].op.name)
""",
    "partitioned_default_initializer_ops": """
v = tf.get_variable("w", [4], partitioner=tf.fixed_size_partitioner(2))
out([(o.name, o.type) for o in tf.get_default_graph().get_operations()])
""",
    "partitioned_int_default_initializer": """
v = tf.get_variable("w", [4], dtype=tf.int32, partitioner=tf.fixed_size_partitioner(2))
out([(o.name, o.type) for o in tf.get_default_graph().get_operations()])
""",
    "partitioned_python_initializer": """
v = tf.get_variable("w", initializer=[1.0, 2.0, 3.0], partitioner=tf.fixed_size_partitioner(2))
out([(o.name, o.type) for o in tf.get_default_graph().get_operations()])
""",
}
