"""Random ops: golden names/shapes/seeds from the reference; stream properties and distribution sanity
are golden cases too (seeded_streams_repeat, graph_seed_repeats_across_graphs, distributions ...)."""
import numpy as np
import pytest

import scopeflow as tf
from scopeflow.framework.random_seed import get_seed
from tests.golden import golden_test

test_golden = golden_test("ops_random", xfail={
})


@pytest.fixture
def graph():
    with tf.Graph().as_default() as g:
        yield g


def test_one_fetch_draws_once_per_run(graph):
    x = tf.random_normal([5], seed=1)
    with tf.Session() as sess:
        a, b = sess.run([x, x + 0.0])
    np.testing.assert_array_equal(a, b)


def test_seed_rules_match_tf(graph):
    assert get_seed(None) == (None, None)
    assert get_seed(5) == (87654321, 5)
    tf.set_random_seed(0)
    assert get_seed(0) == (0, 2**31 - 1)            # 0/0 would mean "unseeded"
    assert [get_seed(None) for _ in range(2)] == [(0, 2**31 - 1), (0, 1)]
    tf.set_random_seed(2**31)
    assert get_seed(2**33) == (1, 4)                  # both reduced modulo 2**31 - 1


def test_fed_shape_is_refused_with_a_tf_error(graph):
    p = tf.placeholder(tf.int32, [2])
    x = tf.random_normal(p)
    with tf.Session() as sess:
        with pytest.raises(tf.errors.UnimplementedError, match="static shapes"):
            sess.run(x, {p: [2, 3]})


def test_random_namespace_names():
    assert tf.random.normal is tf.random_normal and tf.random.uniform is tf.random_uniform
    assert tf.random.set_random_seed is tf.set_random_seed
    import random as stdlib_random
    assert hasattr(stdlib_random, "randint")    # the namespace never shadows the standard library
