"""The train benchmarks (bench/train_*.py) still run: each measure, on scopeflow and in hand-written JAX,
for 2 steps at tiny sizes. No timing is asserted and TensorFlow is never imported."""
import importlib
import math
import pathlib
import sys

import pytest

import scopeflow

BENCH = pathlib.Path(__file__).resolve().parents[2] / "bench"
TINY = {"train_mlp": dict(batch=4, inputs=6, hidden=8, classes=3),
        "train_cnn": dict(batch=2, size=4, channels=2, filters=3, classes=3),
        "train_step_overhead": {}}
QUICK = dict(steps=2, warmup=0, chunks=1, final_loss=False)


def _bench(name):
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    module = importlib.import_module(name)
    timing = importlib.import_module("_train")
    return module, timing.options(module.add_arguments, **TINY[name], **QUICK)


def _check(result):
    rows = [result] if "steps_per_s" in result else list(result.values())
    for row in rows:
        assert row["steps_per_s"] > 0 and math.isfinite(row["first_step_s"])
    if "loss" in result:   # the JAX columns report it always
        assert math.isfinite(result["loss"])


@pytest.mark.parametrize("name", sorted(TINY))
def test_scopeflow_measure_runs(name):
    module, args = _bench(name)
    _check(module.measure(scopeflow, args))


@pytest.mark.parametrize("name", sorted(TINY))
def test_jax_measure_runs(name):
    module, args = _bench(name)
    _check(module.measure_jax(args))


def test_cnn_layers_style_runs():
    module, args = _bench("train_cnn")
    args.style = "layers"
    _check(module.measure(scopeflow, args))
