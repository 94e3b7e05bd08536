"""tf.Print / tf.print / tf.Assert at run time: the printed text is the reference's, byte for byte.

Expected texts were printed by the reference (tf1ref, TF 2.21 compat.v1) for the same graphs; the golden
harness cannot capture stderr, so they live here.
"""
import sys

import numpy as np
import pytest

import scopeflow as tf
from scopeflow.ops.logging_ops import summarize_v1, summarize_v2

PRINT_EXPECTED = """\
M:[0.333333343 2 1e+10 1e-07 -0 inf nan 123456792][0.33333333333333331 2 10000000000 1e-07 0.1][0.333251953 2][1 0][1099511627776][200][abc][a b c]
[0.333333343 2 1e+10 1e-07 -0 inf nan 123456792]
[...][...][...]
[[[0 1 2][3 4 5]][[6...]]...]
[]
[[0 1 2][3...]...]
[[[0][1][2][3]]...]
just msg
[[0 1 2]...]
[5][2.5][1.5][s]
"""

PRINT_V2_EXPECTED = """\
[0.333333343 2 1e+10 1e-07 -0 inf nan 123456792] [0.33333333333333331 2 10000000000 1e-07 0.1] [0.333251953 2] [1 0] [1099511627776] [200] "abc"
abc
[[0 ... 3]
 ...
 [8 ... 11]]
[ ...]
[[[0 ... 3]
  ...
  [8 ... 11]]

 ...

 [[48 ... 51]
  ...
  [56 ... 59]]]
[0 1 2 ... 4 5 6]
[0 1 2 3 4 5]
[["ab" "c"]]
[1 2 3 4 5]|str|"abc"|7|{'a': 2.5, 'k': [1 2 3 4 5]}|[[1 2 3 4 5], 1.0]|("abc",)|None|True|array([1, 2])
[[0 1 2 3]
 [4 5 6 7]
 [8 9 10 11]
 ...
 [28 29 30 31]
 [32 33 34 35]
 [36 37 38 39]]END
"""


@pytest.fixture
def graph():
    with tf.Graph().as_default() as g:
        yield g


def _values():
    f32 = tf.constant(np.array([1 / 3, 2.0, 1e10, 1e-7, -0.0, np.inf, np.nan, 123456789.0], np.float32))
    f64 = tf.constant(np.array([1 / 3, 2.0, 1e10, 1e-7, 0.1], np.float64))
    half = tf.constant(np.array([1 / 3, 2.0], np.float16))
    return f32, f64, half, tf.constant([True, False]), tf.constant(np.array([2**40], np.int64)), \
        tf.constant(np.array([200], np.uint8)), tf.constant("abc")


def test_print_text_and_first_n(graph, capsys):
    f32, f64, half, b, i64, u8, s = _values()
    m34 = tf.constant(np.arange(12).reshape(3, 4))
    ops = [tf.Print(f32, [f32, f64, half, b, i64, u8, s, tf.constant(["a b", "c"])], "M:", summarize=100),
           tf.Print(f32, [f32], summarize=-1),
           tf.Print(f32, [m34, m34, tf.constant(5)], summarize=0),
           tf.Print(f32, [tf.constant(np.arange(12).reshape(2, 2, 3))], summarize=7),
           tf.Print(f32, [tf.constant(np.zeros((2, 0)))], summarize=7),
           tf.Print(f32, [tf.constant(np.arange(6).reshape(2, 3))], summarize=4),
           tf.Print(f32, [tf.constant(np.arange(6).reshape(1, 6, 1))], summarize=4),
           tf.Print(f32, [], "just msg"),
           tf.Print(f32, [tf.constant(np.arange(6).reshape(2, 3))], summarize=3)]
    counted = tf.Print(f32, [tf.constant(5), tf.constant(2.5), 1.5, "s"], first_n=2)
    with tf.Session() as sess:
        values = sess.run(ops + [counted])
        assert capsys.readouterr().err == PRINT_EXPECTED
        np.testing.assert_array_equal(values[0], sess.run(f32))     # Print passes its input through
        for _ in range(2):
            sess.run(counted)
        assert capsys.readouterr().err == "[5][2.5][1.5][s]\n"      # third run: first_n=2 reached
    with tf.Session() as sess:
        sess.run(counted)
    assert capsys.readouterr().err == "[5][2.5][1.5][s]\n"          # the count is per session


def test_print_v2_text(graph, capsys):
    f32, f64, half, b, i64, u8, s = _values()
    x = tf.constant([1, 2, 3, 4, 5])
    ops = [tf.print(f32, f64, half, b, i64, u8, s, summarize=100),
           tf.print(s),
           tf.print(tf.constant(np.arange(12).reshape(3, 4)), summarize=1),
           tf.print(tf.constant(np.arange(12)), summarize=0),
           tf.print(tf.constant(np.arange(60).reshape(5, 3, 4)), summarize=1),
           tf.print(tf.constant(np.arange(7)), summarize=3),
           tf.print(tf.constant(np.arange(6)), summarize=3),
           tf.print(tf.constant([["ab", "c"]])),
           tf.print(x, "str", s, 7, {"k": x, "a": 2.5}, [x, 1.0], (s,), None, True, np.array([1, 2]), sep="|"),
           tf.print(tf.constant(np.arange(40).reshape(10, 4)), end="END\n")]
    with tf.Session() as sess:
        assert [sess.run(op) for op in ops] == [None] * len(ops)   # one run each: a run's order is free
    captured = capsys.readouterr()
    assert (captured.err, captured.out) == (PRINT_V2_EXPECTED, "")


def test_print_v2_streams(graph, capsys, tmp_path):
    target = tmp_path / "log.txt"
    ops = [tf.print("to", tf.constant([1.5]), output_stream=sys.stdout, sep="-", end="!"),
           tf.print(tf.constant(2), output_stream=f"file://{target}")]
    with tf.Session() as sess:
        sess.run(ops)
        sess.run(ops[1])
    assert capsys.readouterr().out == "to-[1.5]!"
    assert target.read_text() == "2\n2\n"


def test_summaries_of_strings_and_scalars():
    assert summarize_v1(np.array("hi", dtype=object), 3) == "hi"
    assert summarize_v1(np.array(7), 0) == "..."
    assert summarize_v2(np.array([b"x y"], dtype=object), 3) == '["x y"]'
    assert summarize_v2(np.array(2.5), 3) == "2.5"


def test_assert_passes_and_fails_with_tf_text(graph):
    x = tf.constant([1, 2, 3, 4])
    ok = tf.Assert(tf.constant(True), ["fine", x])
    bad = tf.Assert(tf.reduce_all(tf.constant([True, False])), ["bad", x], summarize=2)
    with tf.Session() as sess:
        assert sess.run(ok) is None
        with pytest.raises(tf.errors.OpError, match=r"assertion failed: \[bad\] \[1 2\.\.\.\]"):
            sess.run(bad)


def test_assert_failing_inside_a_run_is_invalid_argument(graph):
    p = tf.placeholder_with_default(1, [])
    check = tf.Assert(tf.less(p, 0), ["bad", p])
    with tf.Session() as sess:
        with pytest.raises(tf.errors.InvalidArgumentError, match=r"assertion failed: \[bad\] \[1\]"):
            sess.run(check)
