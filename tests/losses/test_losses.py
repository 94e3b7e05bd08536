"""tf.losses: golden cases (names, collections, values, errors) plus reduction properties checked
against numpy formulas, and gradients through the cross-entropy losses."""
import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scopeflow as tf
from scopeflow.losses import losses_impl, util, weighting
from tests.golden import golden_test

test_golden = golden_test("losses")

_FLOATS = st.floats(-10, 10, allow_nan=False, allow_subnormal=False, width=32)  # XLA flushes subnormals
_WEIGHTS = st.sampled_from([0.0, 0.5, 1.0, 2.0])


@pytest.fixture(scope="module")
def reductions():
    """One graph and session: each reduction of a fed [2, 3] loss with fed [2, 1] weights."""
    graph = tf.Graph()
    with graph.as_default():
        losses = tf.placeholder(tf.float32, [2, 3])
        weights = tf.placeholder(tf.float32, [2, 1])
        R = tf.losses.Reduction
        kinds = [R.NONE, R.SUM, R.MEAN, R.SUM_OVER_BATCH_SIZE, R.SUM_BY_NONZERO_WEIGHTS]
        outputs = [tf.losses.compute_weighted_loss(losses, weights, reduction=r) for r in kinds]
        sess = tf.Session(graph=graph)
    yield lambda l, w: dict(zip(kinds, sess.run(outputs, {losses: l, weights: w})))
    sess.close()


@settings(max_examples=25, deadline=None)
@given(st.lists(_FLOATS, min_size=6, max_size=6), st.lists(_WEIGHTS, min_size=2, max_size=2))
def test_reductions_match_their_definitions(reductions, values, weight_list):
    l = np.array(values, np.float32).reshape(2, 3)
    w = np.array(weight_list, np.float32).reshape(2, 1)
    got = reductions(l, w)
    weighted = l * w
    R = tf.losses.Reduction
    np.testing.assert_allclose(got[R.NONE], weighted, rtol=1e-6, atol=1e-30)
    np.testing.assert_allclose(got[R.SUM], weighted.sum(), rtol=1e-5, atol=1e-5)
    total_weight = (np.ones_like(l) * w).sum()
    present = np.count_nonzero(np.broadcast_to(w, l.shape))
    np.testing.assert_allclose(got[R.MEAN], weighted.sum() / total_weight if total_weight else 0.0,
                               rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(got[R.SUM_OVER_BATCH_SIZE], weighted.sum() / l.size, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(got[R.SUM_BY_NONZERO_WEIGHTS], weighted.sum() / present if present else 0.0,
                               rtol=1e-5, atol=1e-5)


def test_softmax_cross_entropy_gradients():
    """d loss / d logits is (softmax - smoothed labels) / batch; labels get no gradient (StopGradient)."""
    with tf.Graph().as_default():
        labels_np = np.array([[0., 1., 0.], [1., 0., 0.]], np.float32)
        logits_np = np.array([[0.5, 2.0, -1.0], [1.5, -0.3, 0.2]], np.float32)
        labels, logits = tf.constant(labels_np), tf.constant(logits_np)
        loss = tf.losses.softmax_cross_entropy(labels, logits, label_smoothing=0.3)
        grad_logits, grad_labels = tf.gradients(loss, [logits, labels])
        assert grad_labels is None
        with tf.Session() as sess:
            got = sess.run(grad_logits)
    smoothed = labels_np * 0.7 + 0.1
    softmax = np.exp(logits_np) / np.exp(logits_np).sum(axis=1, keepdims=True)
    np.testing.assert_allclose(got, (softmax - smoothed) / 2, rtol=1e-5, atol=1e-6)


def test_huber_loss_is_quadratic_then_linear():
    with tf.Graph().as_default():
        errors = np.array([0.1, 0.5, 2.0, -3.0], np.float32)
        loss = tf.losses.huber_loss(tf.zeros([4]), tf.constant(errors), delta=1.0,
                                    reduction=tf.losses.Reduction.NONE)
        with tf.Session() as sess:
            got = sess.run(loss)
    a = np.abs(errors)
    np.testing.assert_allclose(got, np.where(a <= 1, 0.5 * a * a, a - 0.5), rtol=1e-6)


def test_losses_are_in_the_graph_of_their_inputs():
    graph = tf.Graph()
    with graph.as_default():
        loss = tf.losses.mean_squared_error([1., 2.], [1., 3.])
    assert loss.graph is graph
    assert graph.get_collection(tf.GraphKeys.LOSSES) == [loss]
    assert tf.get_default_graph() is not graph


@pytest.mark.parametrize("module", [losses_impl, util, weighting])
def test_doctests(module):
    with tf.Graph().as_default():
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
