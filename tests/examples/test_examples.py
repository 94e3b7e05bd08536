"""The example scripts of examples/variables/, run with `scopeflow run`, against TF's recorded output.

Each `examples/variables/NAME.py` prints only what TF prints deterministically (names, shapes, dtypes,
exact values, first lines of errors); `tests/examples/golden/NAME.txt` is what the reference printed:
    cd /work/main && /work/shared/tools/tf1ref examples/variables/NAME.py \
        > tests/examples/golden/NAME.txt 2>/dev/null
The scripts run from the repository root under their relative path, as they were recorded.
"""
import difflib
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "variables"
GOLDEN = Path(__file__).resolve().parent / "golden"
NAMES = sorted(path.stem for path in EXAMPLES.glob("*.py"))

# Examples that cannot pass yet, and what they are missing (strict: they fail loudly once fixed).
XFAIL = {}


def scopeflow_run(script, cwd=ROOT):
    """`python -m scopeflow run SCRIPT` in a subprocess, as a user runs an example."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])))
    return subprocess.run([sys.executable, "-m", "scopeflow", "run", str(script)],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def _params():
    for name in NAMES:
        marks = [pytest.mark.xfail(strict=True, reason=XFAIL[name])] if name in XFAIL else []
        yield pytest.param(name, marks=marks, id=name)


@pytest.mark.parametrize("name", list(_params()))
def test_example_prints_what_tf_printed(name):
    golden = GOLDEN / f"{name}.txt"
    if not golden.exists():
        pytest.fail(f"no golden output for {name}; record it with: /work/shared/tools/tf1ref "
                    f"examples/variables/{name}.py > tests/examples/golden/{name}.txt 2>/dev/null")
    expected = golden.read_text().splitlines()
    result = scopeflow_run(f"examples/variables/{name}.py")
    actual = result.stdout.splitlines()
    if actual != expected or result.returncode != 0:
        diff = "\n".join(difflib.unified_diff(expected, actual, f"TF: golden/{name}.txt",
                                              f"scopeflow run {name}.py", lineterm=""))
        stderr = "\n".join(result.stderr.splitlines()[-25:])
        pytest.fail(f"{name}.py (exit status {result.returncode}) differs from TF's output:\n{diff}\n"
                    f"--- stderr (last lines) ---\n{stderr}", pytrace=False)


def test_every_golden_file_has_its_example():
    assert sorted(path.stem for path in GOLDEN.glob("*.txt")) == NAMES


def test_conv2d_example_takes_the_seeds_contrib_initializer(tmp_path):
    """04_conv2d_auto_reuse.py must use the seed's tf.contrib.layers.xavier_initializer_conv2d() on
    scopeflow; its fallback exists only for the reference, which has no tf.contrib."""
    script = tmp_path / "contrib.py"
    script.write_text("import tensorflow as tf\n"
                      "init = tf.contrib.layers.xavier_initializer_conv2d()\n"
                      "w = tf.get_variable('w', [2, 2, 1, 1], initializer=init)\n"
                      "print(w.name, w.shape)\n")
    result = scopeflow_run(script, cwd=tmp_path)
    assert result.stdout == "w:0 (2, 2, 1, 1)\n", result.stderr
