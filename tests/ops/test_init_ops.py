"""Initializers: golden cases (tests/golden/cases/init_ops.py) and contrib's initializers."""
import math

import numpy as np
import pytest

import scopeflow as tf
from scopeflow.ops import contrib_initializers
from tests.golden import golden_test

test_golden = golden_test("init_ops")


@pytest.fixture
def graph():
    with tf.Graph().as_default() as g:
        yield g


def _draw(tensor):
    with tf.Session() as sess:
        return sess.run(tensor)


@pytest.mark.parametrize("uniform", [True, False])
def test_xavier_matches_contrib_formula(graph, uniform):
    # contrib: n = (fan_in + fan_out) / 2 over the last two dims times the receptive field (3*3*20, 3*3*40);
    # uniform limit sqrt(3 / n), truncated normal stddev sqrt(1.3 / n) before truncation at 2 stddev
    init = contrib_initializers.xavier_initializer(uniform=uniform, seed=1)
    value = _draw(init([3, 3, 20, 40]))
    n = (180 + 360) / 2.0
    if uniform:
        limit = math.sqrt(3.0 / n)
        assert value.min() >= -limit and value.max() <= limit
        assert abs(value.std() - limit / math.sqrt(3)) < 0.03 * limit / math.sqrt(3)
    else:
        stddev = math.sqrt(1.3 / n)
        assert abs(value).max() <= 2 * stddev + 1e-6
        assert abs(value.std() - stddev * 0.8796) < 0.03 * stddev


def test_contrib_variance_scaling_default_is_he(graph):
    value = _draw(contrib_initializers.variance_scaling_initializer(seed=2)([200, 300]))
    stddev = math.sqrt(1.3 * 2.0 / 200)
    assert abs(value.std() - stddev * 0.8796) < 0.03 * stddev
    assert contrib_initializers.xavier_initializer_conv2d is contrib_initializers.xavier_initializer


def test_contrib_errors(graph):
    with pytest.raises(TypeError, match="Cannot create initializer for non-floating point type."):
        contrib_initializers.variance_scaling_initializer(dtype=tf.int32)
    with pytest.raises(TypeError, match=r"Unknown mode FAN_X \[FAN_IN, FAN_OUT, FAN_AVG\]"):
        contrib_initializers.variance_scaling_initializer(mode="FAN_X")


def test_partition_info_uses_full_shape(graph):
    class PartitionInfo:
        full_shape = [100, 600]
        var_offset = [0, 300]
    init = tf.variance_scaling_initializer(distribution="uniform", seed=1)
    value = _draw(init([100, 300], partition_info=PartitionInfo()))
    assert value.max() <= math.sqrt(3.0 / 100) and value.std() > 0.8 * math.sqrt(1 / 100.0)
    block = _draw(tf.initializers.identity()([2, 2], partition_info=type("P", (), {
        "full_shape": [4, 4], "var_offset": [2, 2]})()))
    np.testing.assert_array_equal(block, np.eye(2, dtype=np.float32))
