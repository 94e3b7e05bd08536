"""tf.nn normalization: golden cases recorded from TF (tests/golden/ops_nn_norm.json)."""
import numpy as np

import scopeflow as tf
from tests.golden import golden_test

test_golden = golden_test("ops_nn_norm")


def test_training_normalization_gradient_matches_autodiff_of_the_forward():
    """The hand-written backward of fused_batch_norm (training) equals JAX autodiff of the forward formula
    for y's cotangent; cotangents of the batch statistics flow nowhere, as in TF (golden case
    `fused_training_gradients`: d(sum(batch_mean))/dx = 0)."""
    import jax
    from scopeflow.ops import nn_norm
    rng = np.random.RandomState(0)
    x, dy = rng.randn(2, 3, 4, 5), rng.randn(2, 3, 4, 5)
    scale, offset, dmean, dvar = rng.rand(5) + 0.5, rng.randn(5), rng.randn(5), rng.randn(5)
    args = ((0, 1, 2), (1, 1, 1, 5), 1e-3)

    def custom(x, scale, offset):
        return nn_norm._normalize_in_training(x, scale, offset, *args)

    def plain(x, scale, offset):
        return nn_norm._normalize_forward(x, scale, offset, *args)[0]

    zeros = np.zeros(5)
    ours = jax.vjp(custom, x, scale, offset)[1]((dy, dmean, dvar))
    reference = jax.vjp(plain, x, scale, offset)[1]((dy, zeros, zeros))
    for got, want in zip(ours, reference):
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-12)
