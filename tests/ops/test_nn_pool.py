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
    assert float(jnp.sum(grad)) == float(jnp.sum(weights))
    assert np.all(np.asarray(x)[np.asarray(grad) != 0] == np.asarray(x).max() if k >= size else True)


def test_avg_pool_same_counts_only_in_bounds_elements():
    x = jnp.ones((1, 5, 5, 1), jnp.float32)
    y = nn_pool.avg_pool_kernel(x, ksize=(1, 3, 3, 1), strides=(1, 2, 2, 1), padding=b"SAME")
    np.testing.assert_allclose(np.asarray(y), np.ones((1, 3, 3, 1)))
