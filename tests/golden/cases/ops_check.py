"""Golden cases for ops/check_ops.py and tf.debugging: check_numerics and the assert family, static failures
at build time and dynamic failures at run time (InvalidArgumentError naming the op)."""

CASES = {
    "check_numerics": """
x = tf.placeholder(tf.float32, [None, 2], name="x")
c = tf.check_numerics(x, "bad x")
c2 = tf.debugging.check_numerics(tf.constant([1., 2.]), "m", name="cn")
for t in (c, c2):
    out(t.name, t.op.type, str(t.shape), t.op.get_attr("message"))
with tf.Session() as sess:
    out(sess.run([c, c2], {x: [[1., 2.]]}))
""",
    "check_numerics_nan": """
x = tf.placeholder(tf.float32, [2], name="x")
c = tf.check_numerics(x * 2., "bad x")
with tf.Session() as sess:
    sess.run(c, {x: [1., np.nan]})
""",
    "check_numerics_inf": """
x = tf.placeholder(tf.float32, [2], name="x")
c = tf.check_numerics(x, "found", name="chk")
with tf.Session() as sess:
    sess.run(c, {x: [np.inf, 1.]})
""",
    "check_numerics_session_survives": """
x = tf.placeholder(tf.float32, [2], name="x")
v = tf.Variable([1., 1.], name="v")
with tf.control_dependencies([tf.check_numerics(x, "x")]):
    up = tf.assign_add(v, x)
with tf.Session() as sess:
    sess.run(v.initializer)
    out(sess.run(up, {x: [1., 2.]}))
    try:
        sess.run(up, {x: [np.nan, 2.]})
    except tf.errors.InvalidArgumentError as e:
        out("raised", type(e).__name__)
    out(sess.run(v))
""",
    "check_numerics_error_int": "tf.check_numerics(tf.constant([1]), 'm')\n",
    "assert_equal_static": """
a = tf.assert_equal(tf.constant([1, 2]), tf.constant([1, 2]))
b = tf.assert_equal(tf.constant(1), 1, name="eq")
out(a.name, a.type, b.name, b.type)
x = tf.placeholder(tf.float32, [2])
c = tf.assert_equal(x, x)
out(c.name, c.type)
""",
    "assert_equal_static_fail": "tf.assert_equal(tf.constant([1, 2]), tf.constant([1, 3]))\n",
    "assert_equal_static_fail_message": "tf.assert_equal(tf.constant(1.), 2., message='custom')\n",
    "assert_less_static_fail": "tf.assert_less(tf.constant([1, 5]), tf.constant([2, 4]))\n",
    "assert_positive_static_fail": "tf.assert_positive(tf.constant([1, 0, -1]))\n",
    "assert_rank": """
x = tf.placeholder(tf.float32, [None, 2])
a = tf.assert_rank(x, 2)
b = tf.assert_rank_at_least(x, 1)
c = tf.assert_rank_in(x, [1, 2])
d = tf.assert_type(x, tf.float32)
e = tf.assert_scalar(tf.constant(1.))
out(a.name, a.type, b.name, b.type, c.name, d.name, e.name)
""",
    "assert_rank_fail": "tf.assert_rank(tf.zeros([2, 3]), 3)\n",
    "assert_rank_fail_message": "tf.assert_rank(tf.zeros([2, 3]), 1, message='rank!')\n",
    "assert_rank_at_least_fail": "tf.assert_rank_at_least(tf.zeros([2]), 2)\n",
    "assert_rank_in_fail": "tf.assert_rank_in(tf.zeros([2]), [0, 2])\n",
    "assert_type_fail": "tf.assert_type(tf.zeros([2]), tf.int32)\n",
    "assert_scalar_fail": "tf.assert_scalar(tf.zeros([2]))\n",
    "assert_integer_fail": "tf.assert_integer(tf.zeros([2]))\n",
    "assert_less_runtime_pass": """
x = tf.placeholder(tf.float32, [2], name="x")
a = tf.assert_less(x, 3.)
with tf.control_dependencies([a]):
    y = tf.identity(x)
with tf.Session() as sess:
    out(sess.run(y, {x: [1., 2.]}))
""",
    "assert_less_runtime_fail": """
x = tf.placeholder(tf.float32, [2], name="x")
a = tf.assert_less(x, 3.)
with tf.control_dependencies([a]):
    y = tf.identity(x)
with tf.Session() as sess:
    sess.run(y, {x: [1., 5.]})
""",
    "assert_equal_runtime_fail": """
x = tf.placeholder(tf.int32, [3], name="x")
with tf.Session() as sess:
    sess.run(tf.assert_equal(x, 1, message="not ones"), {x: [1, 2, 1]})
""",
    "assert_non_negative_runtime_fail": """
x = tf.placeholder(tf.int32, [2], name="x")
with tf.Session() as sess:
    sess.run(tf.debugging.assert_non_negative(x, name="nn"), {x: [-1, 2]})
""",
    "assert_greater_equal_runtime": """
x = tf.placeholder(tf.int32, [2], name="x")
a = tf.assert_greater_equal(x, tf.constant([0, 1]))
b = tf.assert_greater(x, -1)
c = tf.assert_none_equal(x, 7)
d = tf.assert_non_positive(-x)
e = tf.assert_negative(-x - 1)
f = tf.assert_less_equal(x, 9)
g = tf.assert_near(tf.cast(x, tf.float32), tf.cast(x, tf.float32) + 1e-7)
with tf.Session() as sess:
    out(sess.run([a, b, c, d, e, f, g], {x: [1, 2]}))
""",
    "assert_rank_runtime_fail": """
x = tf.placeholder(tf.float32, name="x")
with tf.Session() as sess:
    sess.run(tf.assert_rank(x, 2), {x: [1., 2.]})
""",
    "is_numeric_tensor": """
out(tf.is_numeric_tensor(tf.constant(1.)), tf.is_numeric_tensor(tf.constant("a")), tf.is_numeric_tensor(3),
    tf.debugging.is_numeric_tensor(tf.constant(True)))
""",
    "is_non_decreasing": """
with tf.Session() as sess:
    out(sess.run([tf.is_non_decreasing([1, 1, 2]), tf.is_strictly_increasing([1, 1, 2]),
                  tf.math.is_strictly_increasing([1, 2, 3])]))
""",
}
