"""Golden cases for the math family: names, op types, shapes, dtypes, messages and values (see tests/golden)."""
_SHOW = """
def show(*ts):
    for t in ts:
        out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs])
"""

CASES = {k: _SHOW + v for k, v in {
    "binary_functions": """
x = tf.constant([[1., -2., 3.], [-4., 5., 6.5]])
y = tf.constant([2., 3., -2.])
ts = [tf.add(x, y), tf.add(x, 1.0), tf.subtract(x, y), tf.multiply(x, 2.), tf.truediv(x, y), tf.divide(x, y),
      tf.divide(x, y, name="d"), tf.div(x, y), tf.floordiv(x, y), tf.floormod(x, y), tf.mod(x, y),
      tf.pow(x, 2.), tf.maximum(x, y), tf.minimum(x, 0.), tf.squared_difference(x, y), tf.realdiv(x, y),
      tf.truncatediv(x, y), tf.truncatemod(x, y), tf.atan2(x, y)]
show(*ts)
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "python_operators": """
x = tf.constant([[1., -2., 3.], [-4., 5., 6.5]])
m = tf.constant([[1.], [2.], [3.]])
ts = [x + 1, 1 + x, x - 1, 1 - x, x * 2, 2 * x, x / 2, 2 / x, x // 2, 2 // x, x % 2, 2 % x, x ** 2, 2 ** x,
      x @ m, [[1., 2.]] @ x, -x, abs(x), x + x]
show(*ts)
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "integer_division": """
i = tf.constant([7, -7, 9])
j = tf.constant([2, 2, -4])
ts = [i / j, i / 2, 2 / i, tf.truediv(i, j), tf.divide(i, j), tf.div(i, j), i // j, i % j,
      tf.truncatediv(i, j), tf.truncatemod(i, j), tf.floordiv(i, j), tf.floormod(i, j),
      tf.constant([1, 2], tf.int8) / tf.constant([2, 4], tf.int8),
      tf.constant([1, 2], tf.int64) / 3, tf.constant([1, 2], tf.uint8) / 3,
      tf.constant([1, 2], tf.int16) / 3, tf.constant([1., 2.], tf.float16) / 3]
show(*ts)
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "comparison_and_logic": """
x = tf.constant([[1., -2., 3.], [-4., 5., 6.5]])
b = tf.constant([True, False, True])
c = tf.constant([True, True, False])
ts = [x < 1, x <= 1, x > 1, x >= 1, 1 < x, 2. >= x, tf.equal(x, 3.), tf.not_equal(x, 3.), tf.less(x, 0.),
      tf.less_equal(x, 0.), tf.greater(x, 0.), tf.greater_equal(x, 0.), ~b, b & c, b | c, b ^ c, True & b,
      False | b, True ^ b, tf.logical_and(b, c), tf.logical_or(b, c), tf.logical_not(b), tf.logical_xor(b, c)]
show(*ts)
out(ts[6].op.get_attr("incompatible_shape_error"))
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "xor_graph": """
b = tf.constant([True, False])
b ^ b
tf.logical_xor(b, b)
out([(op.name, op.type, [i.name for i in op.inputs]) for op in tf.get_default_graph().get_operations()])
""",
    "unary_float": """
x = tf.constant([[0.5, -1.5, 2.5], [-0.25, 3., 0.75]])
names = ["square", "sqrt", "rsqrt", "exp", "log", "log1p", "expm1", "abs", "negative", "sign", "reciprocal",
         "floor", "ceil", "round", "sin", "cos", "tan", "erf", "erfc", "sigmoid", "tanh", "asin", "acos",
         "atan", "sinh", "cosh", "lgamma", "digamma", "is_finite", "is_nan", "is_inf"]
pos = tf.abs(x)
ts = [getattr(tf, n)(pos if n in ("sqrt", "rsqrt", "log", "lgamma", "digamma") else
                     x * 0.5 if n in ("asin", "acos") else x) for n in names]
show(*ts)
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "unary_int": """
i = tf.constant([3, -2, 0, 5])
ts = [tf.abs(i), tf.negative(i), tf.sign(i), tf.square(i), tf.round(i), -i, abs(i)]
show(*ts)
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "round_half_even": """
x = tf.constant([0.5, 1.5, 2.5, -0.5, -1.5, 2.4, -2.6])
with tf.Session() as sess:
    out(sess.run([tf.round(x), tf.floor(x), tf.ceil(x), tf.sign(x)]))
""",
    "python_values_as_inputs": """
ts = [tf.square(3.), tf.add(1, 2), tf.maximum([1., 5.], 3.), tf.sigmoid(0.), tf.logical_not(True),
      tf.equal([1, 2], 2), tf.pow(2, 10)]
show(*ts)
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "names_in_scopes": """
x = tf.constant([1., 2.])
with tf.name_scope("s"):
    ts = [tf.add(x, 1.), x + 1, -x, x / 2, tf.constant([1, 2]) / 2, tf.multiply(x, x, name="m"), x * x,
          tf.sqrt(x, name="root"), tf.cast(x, tf.int32), tf.logical_xor(x > 1, x < 2), tf.matmul([[1.]], [[2.]])]
    with tf.name_scope("inner"):
        ts += [tf.reduce_sum(x), tf.reduce_mean(x, 0, name="m"), tf.argmax(x), x ** 2]
ts += [tf.add(x, x, name="s/add"), tf.add(x, x, name="explicit"), tf.subtract(x, x, name="explicit")]
show(*ts)
""",
    "err_int_plus_float": "i = tf.constant([1, 2])\ni + 1.5",
    "err_float_plus_int_reflected": "i = tf.constant([1, 2])\n1.5 + i",
    "err_tensor_dtype_mismatch": "tf.constant([1., 2.]) + tf.constant([1, 2])",
    "err_add_python_first": "tf.add(1, tf.constant([1., 2.]))",
    "err_add_python_second": "tf.add(tf.constant([1, 2]), 1.5)",
    "err_python_operand_conversion": """
i = tf.constant([1, 2])
b = tf.constant([True])
import operator
calls = [(tf.subtract, i, 1.5), (tf.multiply, i, [1.5]), (tf.maximum, i, 1.5), (tf.minimum, i, np.float32(1.5)),
         (tf.pow, i, 1.5), (tf.floormod, i, 1.5), (tf.floordiv, i, 1.5), (tf.squared_difference, i, 1.5),
         (tf.less, i, 1.5), (tf.equal, i, 1.5), (tf.not_equal, b, 1), (tf.logical_or, b, 1.5), (tf.atan2, i, 1.5),
         (tf.add, i, [1.5]), (operator.add, i, 1.5), (operator.sub, i, 1.5), (operator.mul, i, 1.5),
         (operator.mod, i, 1.5), (operator.pow, i, 1.5), (operator.lt, i, 1.5), (operator.or_, b, 1)]
for k, (fn, x, y) in enumerate(calls):
    try:
        fn(x, y)
        out(k, "ok")
    except TypeError as e:
        out(k, str(e))
""",
    "err_multiply_mismatch": "tf.multiply(tf.constant([1, 2]), tf.constant([1., 2.]))",
    "err_compare_mismatch": "tf.constant([1., 2.]) < tf.constant([1, 2])",
    "err_truediv_mismatch": "tf.constant([1, 2]) / tf.constant([1., 2.])",
    "err_truediv_python": "tf.divide(tf.constant([1, 2]), 1.5)",
    "err_pow_mismatch": "tf.constant([1., 2.]) ** tf.constant([1, 2])",
    "err_sqrt_int": "tf.sqrt(tf.constant([1, 2]))",
    "err_floor_int": "tf.floor(tf.constant([1, 2]))",
    "err_add_bool": "b = tf.constant([True])\ntf.add(b, 1)",
    "err_logical_and_float": "tf.logical_and(tf.constant([1.]), tf.constant([True]))",
    "err_logical_not_int": "tf.logical_not(tf.constant([1]))",
    "err_bool_and_int": "b = tf.constant([True])\nb & 1",
    "err_less_bool": "b = tf.constant([True])\nb < b",
    "err_broadcast": "tf.add(tf.constant(np.ones((2, 3), np.float32)), tf.constant(np.ones((3, 2), np.float32)))",
    "err_broadcast_operator": "tf.constant(np.ones((2, 3), np.float32)) * tf.constant(np.ones(2, np.float32))",
    "err_broadcast_placeholders": "tf.placeholder(tf.float32, [2, 3]) - tf.placeholder(tf.float32, [3, 3])",
    "unknown_dims_broadcast": """
p = tf.placeholder(tf.float32, [None, 3])
q = tf.placeholder(tf.float32, [2, None])
u = tf.placeholder(tf.float32)
r = tf.placeholder(tf.float32, [None, None, 3])
ts = [p + q, p + tf.constant([1.]), p * u, r + p, r + tf.placeholder(tf.float32, [None]),
      tf.placeholder(tf.float32, [1, 3]) + tf.placeholder(tf.float32, [None, 1]), tf.sqrt(p), p < q, tf.cast(u, tf.int32)]
out([str(t.shape) for t in ts])
with tf.Session() as sess:
    out(sess.run(ts[0], {p: np.ones((2, 3), np.float32), q: np.full((2, 3), 2., np.float32)}))
""",
    "cast_family": """
x = tf.constant([[1.7, -2.5], [0., 3.2]])
i = tf.constant([1, 0, -3])
ts = [tf.cast(x, tf.int32), tf.cast(x, tf.float32), tf.cast(i, "float64", name="c"), tf.to_float(i),
      tf.to_int32(x), tf.to_int64(x), tf.to_double(i), tf.to_float(x), tf.cast([1, 2], tf.float32),
      tf.cast(1.5, tf.int32), tf.cast(x, tf.bool), tf.cast(i, tf.bool), tf.cast(tf.constant([True, False]), tf.float32)]
show(*ts)
out([(t.op.get_attr("SrcT").name, t.op.get_attr("DstT").name, t.op.get_attr("Truncate")) for t in ts
     if t.op.type == "Cast"])
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "saturate_cast": """
x = tf.constant([-1.5, 300.7, 2.5, 1e10])
ts = [tf.saturate_cast(x, tf.uint8), tf.saturate_cast(x, tf.int32), tf.saturate_cast(tf.constant([1, -300]), tf.int8)]
out([(op.name, op.type, op.outputs[0].dtype.name) for op in tf.get_default_graph().get_operations()])
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "matmul_names_and_values": """
a = tf.constant([[1., 2., 3.], [4., 5., 6.]])
b = tf.constant([[1., 0.], [0., 1.], [2., 2.]])
ts = [tf.matmul(a, b), tf.matmul(a, a, transpose_b=True), tf.matmul(a, a, adjoint_a=True),
      tf.matmul(a, b, name="mm"), tf.matmul(b, a, transpose_a=True, transpose_b=True),
      tf.matmul(a, [[1.], [2.], [3.]]), tf.matmul(a, a, a_is_sparse=True, transpose_b=True),
      tf.matmul(tf.constant([[1, 2]]), tf.constant([[3], [4]]))]
show(*ts)
out([(t.op.get_attr("transpose_a"), t.op.get_attr("transpose_b")) for t in ts])
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "batch_matmul": """
x = tf.constant(np.arange(24, dtype=np.float32).reshape(2, 3, 4))
y = tf.constant(np.arange(8, dtype=np.float32).reshape(4, 2))
u = tf.placeholder(tf.float32)
ts = [tf.matmul(x, y), tf.matmul(tf.constant(np.ones((2, 3), np.float32)), tf.constant(np.ones((5, 3, 2), np.float32))),
      tf.matmul(x, x, transpose_b=True), tf.matmul(x, x, adjoint_a=True), tf.matmul(u, y), x @ y]
show(*ts)
out([(t.op.get_attr("adj_x"), t.op.get_attr("adj_y")) for t in ts])
with tf.Session() as sess:
    out(sess.run(ts[:4] + ts[5:]))
""",
    "matmul_unknown_dims": """
p = tf.placeholder(tf.float32, [None, 3])
q = tf.placeholder(tf.float32, [2, None])
out([str(t.shape) for t in [tf.matmul(p, q, transpose_a=True), tf.matmul(q, p),
                            tf.matmul(p, tf.placeholder(tf.float32, [None, 4, 3]), transpose_b=True)]])
""",
    "err_matmul_inner": "tf.matmul(tf.constant(np.ones((2, 3), np.float32)), tf.constant(np.ones((2, 3), np.float32)))",
    "err_matmul_rank": "tf.matmul(tf.constant(np.ones(3, np.float32)), tf.constant(np.ones((3, 3), np.float32)))",
    "err_matmul_batch_inner": "tf.matmul(tf.constant(np.ones((4, 2, 3), np.float32)), tf.constant(np.ones((4, 2, 3), np.float32)))",
    "err_matmul_batch_dims": "tf.matmul(tf.constant(np.ones((2, 3, 4), np.float32)), tf.constant(np.ones((5, 4, 2), np.float32)))",
    "err_matmul_dtype": "tf.matmul(tf.constant(np.ones((2, 3), np.float32)), tf.constant(np.ones((3, 3))))",
    "err_matmul_python_shape": "tf.matmul(tf.constant(np.ones((2, 3), np.float32)), [[1, 2], [3, 4]])",
    "err_matmul_transpose_and_adjoint": """
a = tf.constant(np.ones((2, 2), np.float32))
try:
    tf.matmul(a, a, transpose_a=True, adjoint_a=True)
except ValueError as e:
    out(str(e))
out(tf.matmul(a, a).name)
""",
    "err_matmul_placeholders": "tf.matmul(tf.placeholder(tf.float32, [None, 3]), tf.placeholder(tf.float32, [2, None]))",
    "add_n": """
x = tf.constant([[1., 2.], [3., 4.]])
p = tf.placeholder(tf.float32, [None, 2])
ts = [tf.add_n([x, x, x]), tf.add_n([x]), tf.add_n([x, [[1., 1.], [2., 2.]]]), tf.add_n([x, x], name="s2"),
      tf.add_n([p, tf.placeholder(tf.float32)]), tf.add_n([p, tf.placeholder(tf.float32, [3, None])])]
show(*ts)
out(ts[0].op.get_attr("N"))
with tf.Session() as sess:
    out(sess.run(ts[:4]))
""",
    "add_n_single_named": "x = tf.constant([1.])\nt = tf.add_n([x], name='one')\nout(t.name, t.op.type)",
    "err_add_n_empty": "tf.add_n([])",
    "err_add_n_tensor": "tf.add_n(tf.constant([1., 2.]))",
    "err_add_n_types": "tf.add_n([tf.constant([1.]), tf.constant([1])])",
    "err_add_n_shapes": "tf.add_n([tf.constant(np.ones((2, 3), np.float32)), tf.constant(np.ones((3, 3), np.float32))])",
    "reductions": """
x = tf.constant([[1., 2., 3.], [4., 5., 6.]])
ts = []
for f in [tf.reduce_sum, tf.reduce_mean, tf.reduce_max, tf.reduce_min, tf.reduce_prod]:
    ts += [f(x), f(x, 1), f(x, [0, 1], keepdims=True), f(x, -1, keep_dims=True), f(x, reduction_indices=0),
           f(x, axis=(0, 1)), f(x, [0, 0])]
show(*ts)
out([(t.op.get_attr("keep_dims"), t.op.get_attr("Tidx").name) for t in ts])
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "reductions_bool_and_int": """
b = tf.constant([[True, False], [True, True]])
i = tf.constant([[1, 2, 4], [-3, 5, 6]])
ts = [tf.reduce_all(b), tf.reduce_any(b, 0), tf.reduce_all(b, 1, keepdims=True), tf.reduce_mean(i),
      tf.reduce_mean(i, 0), tf.reduce_mean(i, 1), tf.reduce_sum(i, 1), tf.reduce_prod(i), tf.reduce_max(i, 0),
      tf.reduce_sum(i, axis=tf.constant(1, tf.int64)), tf.reduce_sum(i, axis=np.int64(0)),
      tf.reduce_mean(tf.constant([1., 2.], tf.float64)), tf.reduce_all([True, False])]
show(*ts)
out([t.op.get_attr("Tidx").name for t in ts if t.op.type != "Const"])
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "reductions_unknown_shapes": """
p = tf.placeholder(tf.float32, [None, 3])
u = tf.placeholder(tf.float32)
a = tf.placeholder(tf.int32)
ts = [tf.reduce_sum(p, 0), tf.reduce_sum(p, 1, keepdims=True), tf.reduce_max(u, 1), tf.reduce_max(u, 1, keepdims=True),
      tf.reduce_sum(p), tf.reduce_sum(p, a), tf.reduce_sum(p, a, keepdims=True),
      tf.reduce_sum(p, tf.placeholder(tf.int32, [1])), tf.reduce_mean(p, -1, keep_dims=True)]
show(*ts)
with tf.Session() as sess:
    out(sess.run(ts[:2] + ts[4:5], {p: np.ones((2, 3), np.float32)}))
""",
    "reduce_unknown_rank_all_axes": """
u = tf.placeholder(tf.float32)
t = tf.reduce_sum(u)
show(t)
out([(op.name, op.type, [i.name for i in op.inputs]) for op in tf.get_default_graph().get_operations()])
with tf.Session() as sess:
    out(sess.run(t, {u: np.ones((2, 3), np.float32)}))
""",
    "reduce_python_list": """
t = tf.reduce_sum([1, 2, 3])
show(t)
out([(op.name, op.type) for op in tf.get_default_graph().get_operations()])
with tf.Session() as sess:
    out(sess.run(t))
""",
    "reduce_list_of_tensors": """
a = tf.constant(1.)
b = tf.constant(2.)
t = tf.reduce_mean([a, b])
show(t)
out([(op.name, op.type, [i.name for i in op.inputs]) for op in tf.get_default_graph().get_operations()])
with tf.Session() as sess:
    out(sess.run(t))
""",
    "numpy_operands": """
x = tf.constant([1., 2., 3.])
ts = [np.ones(3, np.float32) + x, np.float32(2) * x, np.ones(3) - x, x * np.arange(3), tf.add(x, np.ones(3))]
show(*ts)
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "reduce_scalar": """
t = tf.reduce_sum(tf.constant(3.))
show(t)
out([(op.name, op.type) for op in tf.get_default_graph().get_operations()])
with tf.Session() as sess:
    out(sess.run(t))
""",
    "err_reduce_axis": "tf.reduce_sum(tf.constant(np.ones((2, 3), np.float32)), 2)",
    "err_reduce_axis_negative": "tf.reduce_mean(tf.constant(np.ones((2, 3), np.float32)), -3)",
    "err_reduce_axis_list": "tf.reduce_max(tf.constant(np.ones((2, 3), np.float32)), [0, 5])",
    "err_reduce_float_axis": "tf.reduce_sum(tf.constant([1., 2.]), axis=1.0)",
    "err_reduce_bool": "tf.reduce_sum(tf.constant([True]))",
    "err_reduce_all_float": "tf.reduce_all(tf.constant([1.]))",
    "err_reduce_both_axis": "x = tf.constant([[1.]])\ntf.reduce_sum(x, axis=1, reduction_indices=1)",
    "err_reduce_both_keepdims": "x = tf.constant([[1.]])\ntf.reduce_sum(x, keepdims=True, keep_dims=True)",
    "reduce_logsumexp": """
x = tf.constant([[1., 2., 3.], [4., 5., 600.]])
ts = [tf.reduce_logsumexp(x), tf.reduce_logsumexp(x, 1), tf.reduce_logsumexp(x, 1, keepdims=True)]
show(*ts)
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "reduce_logsumexp_graph": """
x = tf.constant([[1., 2., 3.], [4., 5., 6.]])
tf.reduce_logsumexp(x, 1)
out([(op.name, op.type, [i.name for i in op.inputs], str(op.outputs[0].shape))
     for op in tf.get_default_graph().get_operations()])
""",
    "argmax_argmin": """
x = tf.constant([[1., 7., 3.], [9., 5., 9.]])
p = tf.placeholder(tf.float32, [None, 3])
ts = [tf.argmax(x), tf.argmax(x, 1), tf.argmin(x, 1, output_type=tf.int32), tf.argmax(x, dimension=1),
      tf.argmax(p, 1), tf.argmax(p, tf.placeholder(tf.int32)), tf.argmin(tf.constant([3, 1, 2], tf.int64), 0),
      tf.argmax(tf.constant([False, True])), tf.argmax(x, -1, name="am")]
show(*ts)
out([(t.op.get_attr("output_type").name, t.op.get_attr("Tidx").name) for t in ts])
with tf.Session() as sess:
    out(sess.run(ts[:4] + ts[6:]))
""",
    "err_argmax_axis_and_dimension": "tf.argmax(tf.constant([[1.]]), axis=1, dimension=1)",
    "err_argmax_axis": "tf.argmax(tf.constant(np.ones((2, 3), np.float32)), 2)",
    "err_argmax_output_type": "tf.argmax(tf.constant([1., 2.]), 0, output_type=tf.float32)",
    "cumulative": """
x = tf.constant([[1., 2., 3.], [4., 5., 6.]])
ts = [tf.cumsum(x), tf.cumsum(x, 1), tf.cumsum(x, 1, exclusive=True), tf.cumsum(x, 1, reverse=True),
      tf.cumsum(x, 1, exclusive=True, reverse=True), tf.cumprod(x, 1), tf.cumprod(x, 0, exclusive=True),
      tf.cumprod(x, -1, exclusive=True, reverse=True), tf.cumsum(tf.constant([1, 2, 3]))]
show(*ts)
out([(t.op.get_attr("exclusive"), t.op.get_attr("reverse")) for t in ts])
with tf.Session() as sess:
    out(sess.run(ts))
""",
    "floor_ops_negative_values": """
x = tf.constant([7., -7., 7.5, -7.5])
y = tf.constant([2., 2., -2., -2.])
i = tf.constant([7, -7, 7, -7])
j = tf.constant([2, 2, -2, -2])
with tf.Session() as sess:
    out(sess.run([x // y, x % y, i // j, i % j, tf.truncatediv(i, j), tf.truncatemod(i, j),
                  tf.truncatemod(x, y), i * j, i - j, tf.maximum(i, j), tf.pow(i, 2), tf.pow(x, 0.5)]))
""",
    "shape_arithmetic_in_run": """
x = tf.constant([[1., 2.], [3., 4.]])
n = tf.constant(2) * 3 - 1
with tf.Session() as sess:
    out(sess.run([n, tf.cast(n, tf.float32), tf.maximum(n, 7), n // 2, n % 4]))
""",
}.items()}
