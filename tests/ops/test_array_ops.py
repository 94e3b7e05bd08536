"""Array ops: golden cases recorded from TF (tests/golden/ops_array.json) plus hand-written checks."""
from tests.golden import golden_test

_DYNAMIC = "a value-dependent output shape cannot be compiled by the jitted runtime"
test_golden = golden_test("ops_array", xfail={
    "where_coordinates": _DYNAMIC + " (Where of a run-time condition)",
    "fill_fed_dims": _DYNAMIC + " (dims from a fed placeholder)",
})


import numpy as np  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import scopeflow as tf  # noqa: E402
from scopeflow.ops.array_build import const_value  # noqa: E402

_SHAPE = (3, 4, 2)
_bound = st.one_of(st.none(), st.integers(-6, 6))
_slice = st.builds(slice, _bound, _bound, st.one_of(st.none(), st.integers(-3, 3).filter(bool)))
_item = st.one_of(st.integers(-2, 1), _slice, st.just(None))


@settings(max_examples=150, deadline=None)
@given(st.lists(_item, min_size=0, max_size=3), st.booleans())
def test_getitem_matches_numpy(items, ellipsis):
    """t[spec] infers numpy's shape at build time and folds to numpy's values (no session needed)."""
    spec = tuple(items[:1]) + ((Ellipsis,) if ellipsis else ()) + tuple(items[1:])
    value = np.arange(24).reshape(_SHAPE)
    expected = value[spec]
    with tf.Graph().as_default():
        t = tf.constant(value)[spec]
        assert t.shape.as_list() == list(expected.shape)
        np.testing.assert_array_equal(const_value(t), expected)


@pytest.mark.parametrize("shape, target, expected", [
    ((None, 3), [-1, 3], [None, 3]),
    ((2, 6), [3, -1], [3, 4]),
    ((2, 6), [-1], [12]),
    ((None, 6), [2, -1, 3], [2, None, 3]),
])
def test_reshape_infers_minus_one(shape, target, expected):
    with tf.Graph().as_default():
        assert tf.reshape(tf.placeholder(tf.float32, shape), target).shape.as_list() == expected


def test_reshape_error_carries_partial_shape():
    with tf.Graph().as_default():
        with pytest.raises(ValueError, match=r"input tensors computed as partial shapes: input\[1\] = \[\?,4\]"):
            tf.reshape(tf.zeros([2, 3]), [-1, 4])


def test_shape_of_partly_known_input_folds_known_dims():
    """tf.shape(x)[1] of a known dim is a build-time value, so reshape keeps it (TF's refiner does too)."""
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 5])
        assert tf.reshape(x, [-1, tf.shape(x)[1]]).shape.as_list() == [None, 5]
        assert tf.zeros([tf.shape(x)[0], tf.shape(x)[1]]).shape.as_list() == [None, 5]
