"""Per-`Session.run` overhead on a tiny graph and graph-building cost per op: scopeflow vs TF vs jax.jit.

Usage: python bench/overhead.py [--tf PYTHON]   (default: the tf1ref interpreter, if it exists)
The TensorFlow column runs this same file in the TF environment (`--worker tf`), in the same run.
Figures are medians of several repeats, in microseconds.
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import time

import numpy as np

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


def _tf_python(explicit):
    if explicit:
        return explicit
    tool = pathlib.Path(__file__).resolve().parents[2] / "shared" / "tools" / "tf1ref"
    if not tool.exists():
        return None
    out = subprocess.run([str(tool), "--python"], capture_output=True, text=True)
    path = out.stdout.strip()
    return path if path and os.path.exists(path) else None


def measure_tf(python):
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", CUDA_VISIBLE_DEVICES="", TF_ENABLE_ONEDNN_OPTS="0")
    out = subprocess.run([python, __file__, "--worker", "tf"], capture_output=True, text=True, env=env)
    if out.returncode != 0:
        print(f"TensorFlow column skipped: {out.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
        return None
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tf", help="python interpreter with TensorFlow installed")
    parser.add_argument("--worker", choices=["tf"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker == "tf":
        import tensorflow.compat.v1 as tf
        tf.disable_v2_behavior()
        print(json.dumps(measure(tf)))
        return
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "src"))
    import scopeflow as sf
    ours = measure(sf)
    jax_row = measure_jax()
    python = _tf_python(args.tf)
    theirs = measure_tf(python) if python else None
    print(f"{'':28}{'scopeflow':>12}{'TensorFlow':>12}{'jax.jit':>10}{'TF/scopeflow':>14}")
    for key, label in [("run_feed_us", "run() with a feed, us"), ("run_const_us", "run() no feed, us"),
                       ("build_us_per_op", "build, us per op")]:
        tf_value = theirs[key] if theirs else float("nan")
        jax_value = jax_row.get(key, float("nan"))
        print(f"{label:28}{ours[key]:12.1f}{tf_value:12.1f}{jax_value:10.1f}{tf_value / ours[key]:14.2f}")


if __name__ == "__main__":
    main()
