"""Time to build a graph with 1,000 `tf.get_variable` calls under nested variable scopes: scopeflow vs TF.

Usage: python bench/variables_build.py [--tf PYTHON]   (default: the tf1ref interpreter, if it exists)
The TensorFlow column runs this same file in the TF environment (`--worker tf`), in the same run.
Each build: 10 layers x 10 blocks x 10 variables (default glorot initializer, 8 ops each), the layers
re-entered once with reuse=True (shared, no new ops), and an AUTO_REUSE scope. Medians of several builds.
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import time

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
        tf.logging.set_verbosity(tf.logging.ERROR)
        print(json.dumps(measure(tf)))
        return
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "src"))
    import scopeflow as sf
    ours = measure(sf)
    python = _tf_python(args.tf)
    theirs = measure_tf(python) if python else None
    tf_ms = theirs["build_ms"] if theirs else float("nan")
    print(f"{'':34}{'scopeflow':>12}{'TensorFlow':>12}{'TF/scopeflow':>14}")
    print(f"{'build, ms (1,000 get_variable)':34}{ours['build_ms']:12.1f}{tf_ms:12.1f}{tf_ms / ours['build_ms']:14.2f}")
    print(f"{'variables created':34}{ours['variables']:12d}{theirs['variables'] if theirs else 0:12d}")


if __name__ == "__main__":
    main()
