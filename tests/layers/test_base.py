"""Hand-written checks of the Layer base that golden data cannot express (naming helpers, doctests)."""
import doctest

import pytest
from hypothesis import given, strategies as st

import scopeflow as tf
from scopeflow.layers import base, core, normalization, utils


@pytest.mark.parametrize("class_name, expected", [
    ("Conv2DTranspose", "conv2d_transpose"), ("BatchNormalization", "batch_normalization"),
    ("MaxPooling2D", "max_pooling2d"), ("SeparableConv1D", "separable_conv1d"), ("Dense", "dense")])
def test_to_snake_case(class_name, expected):
    assert base.to_snake_case(class_name) == expected


@given(st.integers(1, 5), st.integers(1, 9))
def test_normalize_tuple_int_repeats(n, value):
    assert utils.normalize_tuple(value, n, "strides") == (value,) * n


@given(st.lists(st.integers(1, 9), min_size=1, max_size=4), st.integers(1, 4))
def test_normalize_tuple_length_checked(values, n):
    if len(values) == n:
        assert utils.normalize_tuple(values, n, "kernel_size") == tuple(values)
    else:
        with pytest.raises(ValueError, match=f"must be a tuple of {n} integers"):
            utils.normalize_tuple(values, n, "kernel_size")


def test_failed_first_call_leaves_no_variables_and_layer_unbuilt():
    with tf.Graph().as_default():
        layer = tf.layers.Conv2D(2, 3)
        with pytest.raises(ValueError, match="channel dimension of the inputs should be defined"):
            layer(tf.placeholder(tf.float32, [1, 5, 5, None]))
        assert tf.global_variables() == [] and not layer.built
        y = layer(tf.placeholder(tf.float32, [1, 5, 5, 2]))   # the same layer can still be built
        assert [v.name for v in layer.variables] == ["conv2d/kernel:0", "conv2d/bias:0"]
        assert y.shape.as_list() == [1, 3, 3, 2]


def test_update_ops_are_not_run_unless_fetched():
    with tf.Graph().as_default():
        x = tf.constant([[1.0], [3.0]])
        y = tf.layers.batch_normalization(x, training=True, momentum=0.5)
        moving_mean = tf.global_variables()[2]
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            sess.run(y)
            assert sess.run(moving_mean).tolist() == [0.0]
            sess.run(tf.get_collection(tf.GraphKeys.UPDATE_OPS))
            assert sess.run(moving_mean).tolist() == [1.0]


@pytest.mark.parametrize("module", [base, core, normalization])
def test_doctests(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
