"""What every bench script shares: run `measure(tf)` here on scopeflow and, in a subprocess, on TF.

A bench script defines `measure(tf) -> dict` and calls `compare(__file__, measure, argv)`; the TF column
runs the same script with `--worker tf` under the reference interpreter (tf1ref's, or `--tf PYTHON`),
so both columns come from the same machine in the same run. Returns (ours, theirs or None, args).
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]


def tf_python(explicit=None):
    if explicit:
        return explicit
    tool = ROOT.parent / "shared" / "tools" / "tf1ref"
    if not tool.exists():
        return None
    out = subprocess.run([str(tool), "--python"], capture_output=True, text=True)
    path = out.stdout.strip()
    return path if path and os.path.exists(path) else None


def _measure_tf(script, python, extra):
    # TF's own default kernels (oneDNN on x86), the ones a TF user gets: TF_ENABLE_ONEDNN_OPTS is left as the
    # caller's environment has it (record_golden.py turns it off for bit-stable values; a benchmark must not)
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", CUDA_VISIBLE_DEVICES="", TF_USE_LEGACY_KERAS="1")
    out = subprocess.run([python, script, "--worker", "tf", *extra], capture_output=True, text=True, env=env)
    if out.returncode != 0:
        print(f"TensorFlow column skipped: {out.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
        return None
    return json.loads(out.stdout.strip().splitlines()[-1])


def compare(script, measure, argv=None, add_arguments=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--tf", help="python interpreter with TensorFlow installed")
    parser.add_argument("--no-tf", action="store_true", help="skip the TensorFlow column")
    parser.add_argument("--worker", choices=["tf"], help=argparse.SUPPRESS)
    if add_arguments:
        add_arguments(parser)
    args = parser.parse_args(argv)
    if args.worker == "tf":
        import tensorflow.compat.v1 as tf
        tf.disable_v2_behavior()
        tf.logging.set_verbosity(tf.logging.ERROR)
        print(json.dumps(measure(tf, args)))
        sys.exit(0)
    sys.path.insert(0, str(ROOT / "src"))
    import scopeflow
    ours = measure(scopeflow, args)
    python = None if args.no_tf else tf_python(args.tf)
    extra = [a for a in (argv if argv is not None else sys.argv[1:]) if not a.startswith("--tf")]
    theirs = _measure_tf(script, python, extra) if python else None
    return ours, theirs, args


def ratio(theirs, ours, key):
    return theirs[key] / ours[key] if theirs and ours.get(key) else float("nan")
