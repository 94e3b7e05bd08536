"""Per-`Session.run` overhead on a tiny graph and graph-building cost per op: scopeflow vs TF vs jax.jit.

Usage: python bench/overhead.py [--tf PYTHON | --no-tf]   (default: the tf1ref interpreter, if any)
The TensorFlow column runs this same file in the TF environment (bench/_compare.py), in the same run.
Figures are medians of several repeats, in microseconds.
"""
import statistics
import time

import numpy as np

from _compare import compare, ratio

RUNS = 2000
BUILD_OPS = 3000
REPEATS = 5


def _median_us(fn, n):
    samples = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        fn(n)
        samples.append((time.perf_counter() - start) / n * 1e6)
    return statistics.median(samples)


def measure(tf):
    """Returns {'run_feed_us', 'run_const_us', 'build_us_per_op'} for a TF1-style module `tf`."""
    graph = tf.Graph()
    with graph.as_default():
        x = tf.placeholder(tf.float32, [None, 3], name="x")
        w = tf.constant([[1.], [2.], [3.]])
        y = tf.matmul(x, w) + 1.0
        c = tf.constant(2.0) * 3.0
    feed = np.ones((1, 3), np.float32)
    sess = tf.Session(graph=graph)
    sess.run(y, {x: feed})
    sess.run(c)

    def run_feed(n):
        for _ in range(n):
            sess.run(y, {x: feed})

    def run_const(n):
        for _ in range(n):
            sess.run(c)

    def build(n):
        with tf.Graph().as_default():
            a = tf.placeholder(tf.float32, [None, 8], name="a")
            b = tf.constant(np.ones((8, 8), np.float32))
            for i in range(n // 3):
                a = tf.matmul(a, b)
                a = a + 1.0           # a Const and an AddV2
        return a

    result = {"run_feed_us": _median_us(run_feed, RUNS), "run_const_us": _median_us(run_const, RUNS),
              "build_us_per_op": _median_us(build, BUILD_OPS)}
    sess.close()
    return result


def measure_jax():
    import jax
    import jax.numpy as jnp
    w = jnp.asarray([[1.], [2.], [3.]], jnp.float32)
    f = jax.jit(lambda x: x @ w + 1.0)
    feed = np.ones((1, 3), np.float32)
    np.asarray(f(feed))

    def run(n):
        for _ in range(n):
            np.asarray(f(feed))
    return {"run_feed_us": _median_us(run, RUNS)}


def main():
    ours, theirs, _ = compare(__file__, lambda tf, args: measure(tf))
    jax_row = measure_jax()
    print(f"{'':28}{'scopeflow':>12}{'TensorFlow':>12}{'jax.jit':>10}{'TF/scopeflow':>14}")
    for key, label in [("run_feed_us", "run() with a feed, us"), ("run_const_us", "run() no feed, us"),
                       ("build_us_per_op", "build, us per op")]:
        tf_value = theirs[key] if theirs else float("nan")
        print(f"{label:28}{ours[key]:12.1f}{tf_value:12.1f}{jax_row.get(key, float('nan')):10.1f}"
              f"{ratio(theirs, ours, key):14.2f}")


if __name__ == "__main__":
    main()
