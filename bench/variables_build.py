"""Time to build a graph with 1,000 `tf.get_variable` calls under nested variable scopes: scopeflow vs TF.

Usage: python bench/variables_build.py [--tf PYTHON | --no-tf]   (default: the tf1ref interpreter)
The TensorFlow column runs this same file in the TF environment (bench/_compare.py), in the same run.
Each build: 10 layers x 10 blocks x 10 variables (default glorot initializer, 8 ops each), the layers
re-entered once with reuse=True (shared, no new ops), and an AUTO_REUSE scope. Medians of several builds.
"""
import statistics
import time

from _compare import compare, ratio

REPEATS = 5


def build(tf):
    """Builds the benchmark graph in a fresh Graph; returns how many variables were created."""
    with tf.Graph().as_default() as graph:
        for layer in range(10):
            with tf.variable_scope(f"layer{layer}"):
                for block in range(10):
                    with tf.name_scope("ops"), tf.variable_scope(f"block{block}"):
                        for i in range(10):
                            tf.get_variable(f"w{i}", [4, 4])
        with tf.variable_scope("layer0", reuse=True):
            for block in range(10):
                with tf.variable_scope(f"block{block}"):
                    tf.get_variable("w0", [4, 4])
        with tf.variable_scope("shared", reuse=tf.AUTO_REUSE):
            for _ in range(10):
                tf.get_variable("v", [2])
        return len(graph.get_collection("variables"))


def measure(tf):
    """{'build_ms': median milliseconds per build, 'variables': count, 'ops': op count}."""
    build(tf)   # warm caches (imports, signature caches)
    samples = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        count = build(tf)
        samples.append((time.perf_counter() - start) * 1e3)
    return {"build_ms": statistics.median(samples), "variables": count}


def main():
    ours, theirs, _ = compare(__file__, lambda tf, args: measure(tf))
    tf_ms = theirs["build_ms"] if theirs else float("nan")
    print(f"{'':34}{'scopeflow':>12}{'TensorFlow':>12}{'TF/scopeflow':>14}")
    print(f"{'build, ms (1,000 get_variable)':34}{ours['build_ms']:12.1f}{tf_ms:12.1f}{ratio(theirs, ours, 'build_ms'):14.2f}")
    print(f"{'variables created':34}{ours['variables']:12d}{theirs['variables'] if theirs else 0:12d}")


if __name__ == "__main__":
    main()
