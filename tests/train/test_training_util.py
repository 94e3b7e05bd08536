"""The global step helpers (golden cases live in train_schedules) and the doctests of tf.train's modules."""
import doctest

import pytest

import scopeflow as tf
from scopeflow.train import learning_rate_decay, moving_averages, training_util


@pytest.mark.parametrize("module", [training_util, learning_rate_decay, moving_averages])
def test_doctests(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


def test_create_global_step_in_another_graph_leaves_the_default_alone():
    other = tf.Graph()
    with tf.Graph().as_default() as default:
        step = tf.train.create_global_step(other)
        assert step.graph is other and tf.train.get_global_step() is None
        assert tf.train.get_or_create_global_step(other) is step
        assert tf.train.get_global_step(default) is None


def test_assert_global_step_rejects_non_tensors():
    with pytest.raises(TypeError, match='Existing "global_step" must be a Variable or Tensor: 3.'):
        tf.train.assert_global_step(3)
