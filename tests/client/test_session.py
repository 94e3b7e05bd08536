"""Session.run: fetch nests, feeds, errors (golden) and program reuse (no recompilation)."""
import numpy as np
import pytest

import scopeflow as tf
from tests.golden import golden_test

test_golden = golden_test("client_session")


def test_second_run_reuses_the_program():
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None], name="x")
        y = x * 2.0
        with tf.Session() as sess:
            sess.run(y, {x: [1.]})
            sess.run(y, {x: [1., 2.]})
            sess.run([y], {x: [1.]})
            assert len(sess._programs) == 1


def test_fetched_arrays_are_writable_copies():
    with tf.Graph().as_default():
        c = tf.constant([1., 2.])
        with tf.Session() as sess:
            a = sess.run(c)
            a[0] = 5.
            assert sess.run(c).tolist() == [1., 2.]


def test_kernel_error_names_the_op():
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, None, name="x")
        y = tf.placeholder(tf.float32, None, name="y")
        z = tf.add(x, y, name="z")
        with tf.Session() as sess:
            with pytest.raises(tf.errors.InvalidArgumentError, match=r"node z\}\}") as info:
                sess.run(z, {x: np.ones(2), y: np.ones(3)})
            assert info.value.op is z.op
