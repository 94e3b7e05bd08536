"""Golden cases for ops/linalg_ops.py and the tf.linalg namespace: decompositions, determinant, inverse,
solvers, diagonals, band part, trace, transpose, norm.

QR and SVD factors are not unique (column signs; the extra columns of full_matrices), and LAPACK builds
differ: values are recorded as reconstructions, orthogonality checks and sign-normalised factors.
"""


_ONES = "ones = lambda *shape: tf.constant(np.ones(shape, np.float32))\n"


def _describe(names):
    return "for t in (" + names + "):\n    out(t.name, t.op.type, str(t.shape), t.dtype.name)\n"


CASES = {
    "qr_structure": """
a = tf.constant(np.ones((2, 4, 3), np.float32))
r = tf.qr(a)
f = tf.linalg.qr(a, full_matrices=True, name="full")
p = tf.qr(tf.placeholder(tf.float32, [None, 4, None]))
u = tf.qr(tf.placeholder(tf.float64, None))
w = tf.qr([[1., 2., 3.], [4., 5., 6.]])
out(type(r).__name__, r._fields, r.q.op.get_attr("full_matrices"), f.q.op.get_attr("full_matrices"))
out([i.name for i in w.q.op.inputs])
""" + _describe("r.q, r.r, f.q, f.r, p.q, p.r, u.q, u.r, w.q, w.r"),
    "qr_values": """
a = np.array([[2., -1.], [1., 3.], [0., 1.]])
q, r = tf.qr(a)
qf, rf = tf.qr(a, full_matrices=True)
with tf.Session() as sess:
    q, r, qf, rf = sess.run([q, r, qf, rf])
signs = np.sign(np.diag(r))
out(np.round(q * signs, 6), np.round(r * signs[:, None], 6))
out(np.round(q @ r, 6), np.round(qf @ rf, 6), bool(np.allclose(qf.T @ qf, np.eye(3))),
    bool(np.allclose(np.tril(rf, -1), 0)))
""",
    "qr_error_rank": "tf.qr(tf.constant([1., 2.]))\n",
    "qr_error_dtype": "tf.qr(tf.constant([[1, 2]]))\n",
    "svd_structure": """
a = tf.constant(np.ones((2, 3, 4), np.float32))
s, u, v = tf.svd(a)
sf, uf, vf = tf.svd(a, full_matrices=True, name="full")
only = tf.svd(tf.constant(np.ones((4, 3))), compute_uv=False)
ps, pu, pv = tf.svd(tf.placeholder(tf.float32, [None, 4, None]))
out(type(tf.svd(a)).__name__, only.op.get_attr("compute_uv"), [str(t.shape) for t in only.op.outputs])
""" + _describe("s, u, v, sf, uf, vf, only, ps, pu, pv"),
    "svd_values": """
a = np.array([[3., 1., 1.], [-1., 3., 1.]])
s, u, v = tf.svd(a)
sf, uf, vf = tf.svd(a, full_matrices=True)
s_only = tf.linalg.svd(a.T, compute_uv=False)
with tf.Session() as sess:
    s, u, v, sf, uf, vf, s_only = sess.run([s, u, v, sf, uf, vf, s_only])
out(np.round(s, 6), np.round(s_only, 6), np.round(sf, 6), u.shape, v.shape, uf.shape, vf.shape)
out(np.round(u @ np.diag(s) @ v.T, 6), bool(np.allclose(vf.T @ vf, np.eye(3))),
    bool(np.allclose(uf.T @ uf, np.eye(2))))
""",
    "svd_error_rank": "tf.svd(tf.constant([1., 2.]))\n",
    "determinant_inverse": """
m = tf.constant([[4., 1.], [1., 3.]])
b = tf.constant(np.array([[[2., 0.], [0., 2.]], [[1., 2.], [3., 4.]]]))
ts = [tf.matrix_determinant(m), tf.linalg.det(b), tf.matrix_inverse(m), tf.linalg.inv(m, adjoint=True, name="inv"),
      tf.matrix_inverse(b), tf.matrix_determinant(tf.placeholder(tf.float32, [None, 3, None])),
      tf.matrix_inverse(tf.placeholder(tf.float32, [None, None, 3])), tf.matrix_determinant([[1., 2.], [3., 4.]])]
for t in ts:
    out(t.name, t.op.type, str(t.shape), t.dtype.name)
out(ts[3].op.get_attr("adjoint"), [i.name for i in ts[-1].op.inputs])
with tf.Session() as sess:
    vals = sess.run([ts[0], ts[1], ts[2], ts[3], ts[4], ts[7]])
out(*[np.round(v, 5) for v in vals])
""",
    "determinant_error_square": "tf.matrix_determinant(tf.constant(np.ones((2, 3), np.float32)))\n",
    "determinant_error_rank": "tf.matrix_determinant(tf.constant([1.]))\n",
    "determinant_error_dtype": "tf.matrix_determinant(tf.constant([[1, 2], [3, 4]]))\n",
    "inverse_error_square": "tf.matrix_inverse(tf.constant(np.ones((2, 3), np.float32)))\n",
    "cholesky": """
m = tf.constant([[4., 2.], [2., 3.]])
upper_ignored = tf.constant([[4., 100.], [2., 3.]])
c = tf.cholesky(m)
c2 = tf.linalg.cholesky(upper_ignored, name="chol")
p = tf.cholesky(tf.placeholder(tf.float64, [None, None, 3]))
""" + _describe("c, c2, p") + """with tf.Session() as sess:
    out(*[np.round(v, 5) for v in sess.run([c, c2])])
""",
    "cholesky_error_square": "tf.cholesky(tf.constant(np.ones((2, 3), np.float32)))\n",
    "cholesky_error_dtype": "tf.cholesky(tf.constant([[1, 2], [3, 4]]))\n",
    "solve": """
m = tf.constant([[4., 1.], [1., 3.]])
rhs = tf.constant([[1., 2., 0.], [0., 1., 1.]])
lower = tf.constant([[2., 0.], [1., 4.]])
ts = [tf.matrix_solve(m, rhs), tf.linalg.solve(m, rhs, adjoint=True), tf.matrix_triangular_solve(lower, rhs),
      tf.linalg.triangular_solve(lower, rhs, lower=False, adjoint=True, name="ts"),
      tf.matrix_triangular_solve(tf.constant(np.ones((3, 2, 2), np.float32)) + tf.eye(2), rhs),
      tf.matrix_triangular_solve([[1., 0.], [2., 1.]], [[1.], [1.]])]
for t in ts:
    out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs])
out(ts[3].op.get_attr("lower"), ts[3].op.get_attr("adjoint"))
with tf.Session() as sess:
    out(*[np.round(v, 5) for v in sess.run(ts)])
""",
    "solve_error_rows": _ONES + "tf.matrix_solve(ones(2, 2), ones(3, 2))\n",
    "solve_error_batch": _ONES + "tf.matrix_solve(ones(3, 2, 2), ones(4, 2, 2))\n",
    "solve_error_batch_rank": _ONES + "tf.matrix_solve(ones(3, 2, 2), ones(2, 2))\n",
    "triangular_solve_error_rank": _ONES + "tf.matrix_triangular_solve(ones(2, 2), tf.constant([1., 2.]))\n",
    "triangular_solve_error_rows": _ONES + "tf.matrix_triangular_solve(ones(2, 2), ones(1, 3))\n",
    "triangular_solve_error_batch": _ONES + "tf.matrix_triangular_solve(ones(3, 2, 2), ones(2, 2, 2))\n",
    "triangular_solve_error_dtype": "tf.matrix_triangular_solve(tf.constant([[1]]), tf.constant([[1]]))\n",
    "tensor_diag": """
d = tf.diag([1., 2.])
d2 = tf.linalg.tensor_diag(tf.constant([[1, 2], [3, 4]]))
p = tf.diag(tf.placeholder(tf.float32, [None, 3]))
dp = tf.diag_part(tf.constant(np.arange(16.).reshape(2, 2, 2, 2)))
dp2 = tf.linalg.tensor_diag_part([[1., 2.], [3., 4.]])
pp = tf.diag_part(tf.placeholder(tf.float32, [None, 3, 2, None]))
""" + _describe("d, d2, p, dp, dp2, pp") + """out([i.name for i in d.op.inputs], [i.name for i in dp2.op.inputs])
with tf.Session() as sess:
    out(*sess.run([d, d2, dp, dp2]))
""",
    "tensor_diag_error_scalar": "tf.diag(tf.constant(1.))\n",
    "tensor_diag_error_dtype": "tf.diag(tf.constant([True]))\n",
    "tensor_diag_part_error_odd": "tf.diag_part(tf.constant([1., 2., 3.]))\n",
    "tensor_diag_part_error_dims": "tf.diag_part(tf.constant(np.ones((2, 3, 3, 2), np.float32)))\n",
    "matrix_diag": """
x = tf.constant(np.arange(24.).reshape(2, 3, 4).astype(np.float32))
ts = [tf.linalg.diag([1., 2.]), tf.matrix_diag([[1, 2], [3, 4]], name="md"), tf.linalg.diag_part(x),
      tf.matrix_diag_part(x, name="mdp"), tf.linalg.diag_part(x, k=1), tf.linalg.diag_part(x, k=-1),
      tf.linalg.diag_part(tf.placeholder(tf.float32, [None, 3, None])),
      tf.linalg.set_diag(tf.zeros([2, 3]), [7., 8.]), tf.matrix_set_diag(tf.ones([2, 2]), [0., 5.], name="sd")]
for t in ts:
    out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs])
with tf.Session() as sess:
    vals = sess.run(ts[:6] + ts[7:])
out(*vals)
""",
    "matrix_diag_part_error_rank": "tf.linalg.diag_part(tf.constant([1., 2.]))\n",
    "matrix_diag_part_error_bound": "tf.linalg.diag_part(tf.constant(np.ones((2, 3), np.float32)), k=5)\n",
    "matrix_diag_part_error_lower": "tf.linalg.diag_part(tf.constant(np.ones((2, 3), np.float32)), k=-2)\n",
    "trace": """
ts = [tf.trace(tf.constant([[4., 1.], [1., 3.]])), tf.linalg.trace(tf.constant(np.arange(18).reshape(2, 3, 3))),
      tf.trace([[1., 2.], [3., 4.]], name="tr")]
for t in ts:
    out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs],
        [i.name for i in t.op.inputs[0].op.inputs])
with tf.Session() as sess:
    out(*sess.run(ts))
""",
    "trace_error_rank": "tf.trace(tf.constant([1., 2.]))\n",
    "band_part": """
x = tf.constant(np.arange(1., 17.).reshape(4, 4).astype(np.float32))
ts = [tf.matrix_band_part(x, 1, -1), tf.linalg.band_part(x, 0, 0), tf.matrix_band_part(x, -1, 1, name="bp"),
      tf.matrix_band_part(tf.constant(np.ones((2, 3, 3), np.int32)), 1, 0),
      tf.linalg.band_part(x, tf.constant(2, tf.int64), tf.constant(0, tf.int64))]
for t in ts:
    out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs], t.op.get_attr("Tindex").name)
with tf.Session() as sess:
    out(*sess.run(ts))
""",
    "band_part_error_index_types": "tf.matrix_band_part(tf.ones([2, 2]), 1, tf.constant(0, tf.int64))\n",
    "matrix_transpose": """
x = tf.constant(np.arange(12.).reshape(2, 2, 3).astype(np.float32))
ts = [tf.matrix_transpose(x), tf.linalg.matrix_transpose(x, name="mt"), tf.linalg.transpose([[1, 2, 3]]),
      tf.linalg.adjoint(tf.constant([[1., 2.]]))]
for t in ts:
    out(t.name, t.op.type, str(t.shape), t.dtype.name, [i.name for i in t.op.inputs])
u = tf.matrix_transpose(tf.placeholder(tf.float32, None))
out(u.name, str(u.shape), [(o.name, o.type) for o in tf.get_default_graph().get_operations()
                            if o.name.startswith("matrix_transpose_2/")])
with tf.Session() as sess:
    out(*sess.run(ts))
    out(sess.run(u, {u.op.inputs[0]: np.ones((2, 1, 3, 4), np.float32)}).shape)
""",
    "matrix_transpose_error_rank": "tf.matrix_transpose(tf.constant([1., 2.]))\n",
    "norm_vector": """
x = tf.constant([[3., -4.], [1., 2.]])
ts = [tf.norm(x), tf.norm(x, ord=1), tf.norm(x, ord=np.inf), tf.norm(x, ord=3), tf.norm(x, ord=2, axis=0),
      tf.norm(x, ord=1, axis=1, keepdims=True), tf.norm(x, ord=np.inf, axis=-1), tf.norm(x, ord=0.5, axis=0),
      tf.norm([3., 4.]), tf.linalg.norm(x, axis=1, name="nn"), tf.norm(x, keep_dims=True)]
for t in ts:
    ops = [o for o in tf.get_default_graph().get_operations() if o.name.startswith(t.name.split("/")[0] + "/")]
    out(t.name, str(t.shape), t.dtype.name, [(o.name, o.type) for o in ops])
out(ts[0].op.get_attr("squeeze_dims"), ts[4].op.get_attr("squeeze_dims"), ts[6].op.get_attr("squeeze_dims"))
with tf.Session() as sess:
    out(*[np.round(v, 5) for v in sess.run(ts)])
""",
    "norm_matrix": """
x = tf.constant(np.array([[[1., -2., 0.], [3., 4., -1.]], [[0., 1., 1.], [2., -2., 5.]]], np.float32))
ts = [tf.norm(x, ord="fro", axis=[1, 2]), tf.norm(x, ord="euclidean", axis=(2, 1)),
      tf.norm(x, ord=1, axis=[1, 2]), tf.norm(x, ord=np.inf, axis=[1, 2]),
      tf.norm(x, ord=1, axis=(-1, -2), keepdims=True), tf.norm(x, ord=np.inf, axis=[0, 2])]
for t in ts:
    ops = [o for o in tf.get_default_graph().get_operations() if o.name.startswith(t.name.split("/")[0] + "/")]
    out(t.name, str(t.shape), t.dtype.name, [(o.name, o.type) for o in ops])
with tf.Session() as sess:
    out(*[np.round(v, 5) for v in sess.run(ts)])
""",
    "norm_matrix_2": """
x = tf.constant(np.array([[[1., -2., 0.], [3., 4., -1.]], [[0., 1., 1.], [2., -2., 5.]]]))
ts = [tf.norm(x, ord=2, axis=[1, 2]), tf.norm(x, ord=2, axis=[0, 2], keepdims=True),
      tf.norm(x[0], ord=2, axis=[1, 0])]
out([(t.name, t.dtype.name) for t in ts])
with tf.Session() as sess:
    vals = sess.run(ts)
out(*[(np.round(v, 5), v.shape) for v in vals])
""",
    "norm_error_vector_ord": "tf.norm(tf.ones([2, 2]), ord=0)\n",
    "norm_error_vector_fro": "tf.norm(tf.ones([2, 2]), ord='fro')\n",
    "norm_error_matrix_ord": "tf.norm(tf.ones([2, 2]), ord='nuc', axis=[0, 1])\n",
    "norm_error_axis_repeated": "tf.norm(tf.ones([2, 2]), axis=[0, 0])\n",
    "norm_error_axis_three": "tf.norm(tf.ones([2, 2]), axis=[0, 1, 2])\n",
    "norm_error_axis_type": "tf.norm(tf.ones([2, 2]), axis='a')\n",
    "norm_error_int": "tf.norm(tf.constant([[1, 2]]))\n",
    "linalg_namespace": """
a = tf.constant([[1., 2.], [3., 4.]])
ts = [tf.linalg.matmul(a, a), tf.linalg.eye(2), tf.linalg.tensordot(a, a, 1), tf.linalg.einsum("ij,jk->ik", a, a)]
for t in ts:
    out(t.name, t.op.type, str(t.shape))
out(tf.linalg.det is tf.matrix_determinant, tf.linalg.inv is tf.matrix_inverse, tf.linalg.norm is tf.norm,
    tf.linalg.transpose is tf.linalg.matrix_transpose, tf.linalg.eye is tf.eye)
with tf.Session() as sess:
    out(*sess.run(ts))
""",
    "orthogonal_initializer_graph": """
w = tf.orthogonal_initializer(gain=2.0, seed=9)([3, 5])
out([(o.name, o.type) for o in tf.get_default_graph().get_operations() if o.type != "Const"])
out(w.name, str(w.shape))
with tf.Session() as sess:
    v = sess.run(w)
out(bool(np.allclose(v @ v.T, 4 * np.eye(3), atol=1e-5)))
""",
}
