"""Records golden cases under the reference TensorFlow (never imported by scopeflow or its tests).

Usage:  $(../shared/tools/tf1ref --python) tools/record_golden.py AREA [AREA ...]   (or --all)
Runs each snippet of tests/golden/cases/AREA.py with tensorflow.compat.v1 (v2 behaviour disabled) and
writes tests/golden/AREA.json. Run from the repository root.
"""
import json
import os
import pathlib
import sys
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
warnings.filterwarnings("ignore")
ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import tensorflow.compat.v1 as tf  # noqa: E402

tf.disable_v2_behavior()
tf.logging.set_verbosity(tf.logging.ERROR)
sys.modules["tensorflow"] = tf

from tests.golden import GOLDEN_DIR, load_cases  # noqa: E402
from tests.golden.harness import run_case  # noqa: E402


def record(area):
    cases = load_cases(area)
    result = {name: {"snippet": snippet, "records": run_case(tf, snippet)} for name, snippet in cases.items()}
    path = GOLDEN_DIR / f"{area}.json"
    path.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n")
    print(f"{area}: {len(result)} cases -> {path.relative_to(ROOT)}")


if __name__ == "__main__":
    areas = sys.argv[1:]
    if areas == ["--all"]:
        areas = sorted(p.stem for p in (GOLDEN_DIR / "cases").glob("*.py") if p.stem != "__init__")
    for area in areas:
        record(area)
