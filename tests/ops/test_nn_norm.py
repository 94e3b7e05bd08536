"""tf.nn normalization: golden cases recorded from TF (tests/golden/ops_nn_norm.json)."""
import numpy as np

import scopeflow as tf
from tests.golden import golden_test

test_golden = golden_test("ops_nn_norm")

GOLDEN_FUSED_GRADIENTS = (   # printed by tf1ref for test_fused_batch_norm_gradients_in_a_graph
    [[[[-3.2130892276763916, -3.2045435905456543]], [[4.286967754364014, 9.647812843322754]]],
     [[[1.071029782295227, -9.647812843322754]], [[-2.1449079513549805, 3.2045435905456543]]]],
    [-0.446499764919281, -1.785999059677124],
    [3.0, -8.0],
)


def test_training_normalization_gradient_matches_autodiff_of_the_forward():
    """The hand-written backward of fused_batch_norm (training) equals JAX autodiff of the forward formula,
    for the output and for cotangents on the batch statistics (a loss using the batch mean/variance)."""
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

    cotangents = (dy, dmean, dvar)
    ours = jax.vjp(custom, x, scale, offset)[1](cotangents)
    reference = jax.vjp(plain, x, scale, offset)[1](cotangents)
    for got, want in zip(ours, reference):
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-12)


def test_fused_batch_norm_gradients_in_a_graph():
    """d(sum(y * w))/d(x, scale, offset) for a training-mode fused_batch_norm: values from TF 1.15
    (tf1ref), x = arange(8).reshape(2, 2, 1, 2) / 4, w = [1, -2] per channel, scale [2, 3], offset [0, 1]."""
    with tf.Graph().as_default():
        x = tf.constant(np.arange(8, dtype=np.float32).reshape(2, 2, 1, 2) / 4)
        scale, offset = tf.constant([2.0, 3.0]), tf.constant([0.0, 1.0])
        y, mean, var = tf.nn.fused_batch_norm(x, scale, offset, epsilon=0.001)
        w = tf.constant((np.array([1.0, -2.0]) * (np.arange(8).reshape(2, 2, 1, 2) % 3)).astype(np.float32))
        gx, gs, go = tf.gradients(tf.reduce_sum(y * w), [x, scale, offset])
        with tf.Session() as sess:
            got = sess.run([gx, gs, go])
    for value, want in zip(got, GOLDEN_FUSED_GRADIENTS):
        np.testing.assert_allclose(value, want, rtol=1e-5, atol=1e-5)
