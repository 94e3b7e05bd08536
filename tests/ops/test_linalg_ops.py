"""Linear algebra: golden cases recorded from TF (tests/golden/ops_linalg.json) plus properties of the
kernels against numpy (decompositions are compared through what is unique about them)."""
from tests.golden import golden_test

test_golden = golden_test("ops_linalg")


import numpy as np  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import scopeflow as tf  # noqa: E402
from scopeflow.framework.registry import REGISTRY  # noqa: E402


@settings(max_examples=8, deadline=None)
@given(st.integers(1, 4), st.integers(1, 4), st.booleans())
def test_qr_and_svd_kernels_reconstruct(m, n, full):
    a = np.random.default_rng(m * 10 + n).standard_normal((2, m, n))
    q, r = REGISTRY["Qr"].kernel(a, full_matrices=full)
    np.testing.assert_allclose(np.asarray(q) @ np.asarray(r), a, atol=1e-10)
    assert np.allclose(np.tril(np.asarray(r), -1), 0)
    s, u, v = REGISTRY["Svd"].kernel(a, compute_uv=True, full_matrices=full)
    k = min(m, n)
    rebuilt = np.asarray(u)[..., :k] * np.asarray(s)[..., None, :] @ np.swapaxes(np.asarray(v)[..., :k], -1, -2)
    np.testing.assert_allclose(rebuilt, a, atol=1e-10)
    np.testing.assert_allclose(np.asarray(s), np.linalg.svd(a, compute_uv=False), atol=1e-10)


def test_cholesky_reads_only_the_lower_triangle():
    with tf.Graph().as_default():
        c = tf.cholesky(tf.constant([[4., 1e6], [2., 5.]], tf.float64))
        with tf.Session() as sess:
            np.testing.assert_allclose(sess.run(c), [[2., 0.], [1., 2.]])


def test_float16_decompositions_keep_dtype():
    with tf.Graph().as_default():
        a = tf.constant([[2., 1.], [1., 3.]], tf.float16)
        q, r = tf.qr(a)
        d = tf.matrix_determinant(a)
        with tf.Session() as sess:
            qv, rv, dv = sess.run([q, r, d])
    assert qv.dtype == rv.dtype == dv.dtype == np.float16
    assert abs(float(dv) - 5.0) < 1e-2


def test_band_part_of_unknown_counts_fed_at_run_time():
    with tf.Graph().as_default():
        lower = tf.placeholder(tf.int64, [])
        band = tf.matrix_band_part(tf.ones([3, 3]), lower, tf.constant(0, tf.int64))
        with tf.Session() as sess:
            np.testing.assert_array_equal(sess.run(band, {lower: 1}), [[1, 0, 0], [1, 1, 0], [0, 1, 1]])


def test_diag_band_is_not_supported():
    with tf.Graph().as_default():
        with pytest.raises(NotImplementedError, match="band of diagonals"):
            tf.linalg.diag_part(tf.ones([3, 3]), k=(-1, 1))
