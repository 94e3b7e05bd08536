"""tf.metrics: golden cases (names, local variables, values over update runs, errors), plus streaming
properties checked against numpy over several batches."""
import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scopeflow as tf
from scopeflow.metrics import metrics_impl
from tests.golden import golden_test

test_golden = golden_test("metrics")


@pytest.fixture(scope="module")
def streaming():
    """One session over fixed-size batches: mean, accuracy, precision, recall and their reset."""
    graph = tf.Graph()
    with graph.as_default():
        values = tf.placeholder(tf.float32, [4])
        labels = tf.placeholder(tf.int64, [4])
        preds = tf.placeholder(tf.int64, [4])
        metrics = {"mean": tf.metrics.mean(values), "accuracy": tf.metrics.accuracy(labels, preds),
                   "precision": tf.metrics.precision(labels, preds), "recall": tf.metrics.recall(labels, preds)}
        updates = {k: u for k, (_, u) in metrics.items()}
        results = {k: v for k, (v, _) in metrics.items()}
        reset = tf.local_variables_initializer()
        sess = tf.Session(graph=graph)

    def run(batches):
        sess.run(reset)
        for v, l, p in batches:
            sess.run(updates, {values: v, labels: l, preds: p})
        return sess.run(results)
    yield run
    sess.close()


_BATCH = st.tuples(st.lists(st.floats(-100, 100, allow_subnormal=False, width=32), min_size=4, max_size=4),
                   st.lists(st.integers(0, 1), min_size=4, max_size=4),
                   st.lists(st.integers(0, 1), min_size=4, max_size=4))


@settings(max_examples=20, deadline=None)
@given(st.lists(_BATCH, min_size=1, max_size=4))
def test_streaming_metrics_equal_numpy_over_all_batches(streaming, batches):
    got = streaming(batches)
    v = np.concatenate([np.array(b[0], np.float32) for b in batches])
    l = np.concatenate([b[1] for b in batches]).astype(bool)
    p = np.concatenate([b[2] for b in batches]).astype(bool)
    tp, fp, fn = np.sum(l & p), np.sum(~l & p), np.sum(l & ~p)
    np.testing.assert_allclose(got["mean"], v.mean(), rtol=1e-5, atol=1e-4)
    np.testing.assert_allclose(got["accuracy"], np.mean(l == p), rtol=1e-6)
    np.testing.assert_allclose(got["precision"], tp / (tp + fp) if tp + fp else 0.0, rtol=1e-6)
    np.testing.assert_allclose(got["recall"], tp / (tp + fn) if tp + fn else 0.0, rtol=1e-6)


def test_metric_variables_are_local_and_not_trainable():
    with tf.Graph().as_default():
        tf.metrics.auc(tf.constant([1, 0]), tf.constant([0.3, 0.6]), num_thresholds=4)
        names = [v.name for v in tf.local_variables()]
        assert names == ["auc/true_positives:0", "auc/false_negatives:0", "auc/true_negatives:0",
                         "auc/false_positives:0"]
        assert tf.global_variables() == [] and tf.trainable_variables() == []
        assert tf.get_collection(tf.GraphKeys.METRIC_VARIABLES) == tf.local_variables()


def test_doctests():
    with tf.Graph().as_default():
        result = doctest.testmod(metrics_impl, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
