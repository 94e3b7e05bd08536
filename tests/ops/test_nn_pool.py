"""tf.nn pooling: golden cases recorded from TF (tests/golden/ops_nn_pool.json) plus kernel checks."""
from tests.golden import golden_test

test_golden = golden_test("ops_nn_pool")


import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402
from hypothesis import given, settings, strategies as st  # noqa: E402
from jax import lax  # noqa: E402

from scopeflow.ops import nn_pool  # noqa: E402


@settings(max_examples=15, deadline=None)
@given(k=st.integers(1, 3), s=st.integers(1, 3), size=st.integers(3, 7), same=st.booleans(),
       seed=st.integers(0, 100))
def test_max_pool_kernels_match_reduce_window_and_route_gradient_to_one_element(k, s, size, same, seed):
    """Both formulations (tiled reshape, strided patches) give reduce_window's values; each window's
    gradient lands on exactly one element holding the window's maximum (TF's MaxPoolGrad)."""
    x = jnp.asarray(np.random.RandomState(seed).randint(0, 3, (1, size, size, 2)).astype(np.float32))
    padding = "SAME" if same else "VALID"
    window, strides = (1, k, k, 1), (1, s, s, 1)
    y = nn_pool.max_pool_kernel(x, ksize=window, strides=strides, padding=padding.encode())
    expected = lax.reduce_window(x, -np.inf, lax.max, window, strides, padding)
    np.testing.assert_array_equal(np.asarray(y), np.asarray(expected))
    weights = jnp.arange(1, y.size + 1, dtype=jnp.float32).reshape(y.shape)
    grad = jax.grad(lambda a: jnp.sum(nn_pool.max_pool_kernel(a, ksize=window, strides=strides,
                                                              padding=padding.encode()) * weights))(x)
    np.testing.assert_array_equal(np.asarray(grad), _first_max_grad(np.asarray(x), np.asarray(weights), k, s,
                                                                     padding))


def _first_max_grad(x, g, k, s, padding):
    """Reference MaxPoolGrad: each window's gradient to its first maximum in row-major order."""
    size = x.shape[1]
    out = g.shape[1]
    lo = max((out - 1) * s + k - size, 0) // 2 if padding == "SAME" else 0
    grad = np.zeros_like(x)
    for c in range(x.shape[3]):
        for i in range(out):
            for j in range(out):
                cells = [(r, q) for r in range(i * s - lo, i * s - lo + k) for q in range(j * s - lo, j * s - lo + k)
                         if 0 <= r < size and 0 <= q < size]
                best = max(cells, key=lambda rq: (x[0, rq[0], rq[1], c], -cells.index(rq)))
                grad[0, best[0], best[1], c] += g[0, i, j, c]
    return grad


def test_avg_pool_same_counts_only_in_bounds_elements():
    x = jnp.ones((1, 5, 5, 1), jnp.float32)
    y = nn_pool.avg_pool_kernel(x, ksize=(1, 3, 3, 1), strides=(1, 2, 2, 1), padding=b"SAME")
    np.testing.assert_allclose(np.asarray(y), np.ones((1, 3, 3, 1)))
