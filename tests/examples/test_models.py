"""examples/models/: slim-style VGG-16, ResNet-v1-50 and an Inception block build exactly TF1's variables.

Each example, run with `scopeflow run ... --list`, prints its variables (name, shape), logits, end
points (and for ResNet / Inception the UPDATE_OPS / regularization-loss counts); they must equal what
the reference builds (tests/examples/golden/models_slim.json, recorded by tools/record_models.py): tf-slim's
own `nets` for VGG / ResNet, the example's own `build` run under TF for the Inception block (tiny
32x32 input, so its end points' names and shapes are compared too). Training is exercised by running
the examples themselves (slow).
"""
import json
from pathlib import Path

import pytest

from tests.examples.test_examples import ROOT
from tests.test_cli import scopeflow

GOLDEN = json.loads((Path(__file__).resolve().parent / "golden" / "models_slim.json").read_text())
PARAMS = {"vgg16_slim": 134301514, "resnet_v1_50_slim": 23528522,   # trainable, 10 classes
          "inception_block_slim": 624314}


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_model_variables_match_tf_slim(name):
    result = scopeflow("run", f"examples/models/{name}.py", "--list", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    ours = json.loads(result.stdout.strip().splitlines()[-1])
    expected = GOLDEN[name]
    assert ours["variables"] == expected["variables"]
    assert {k: v for k, v in ours.items() if k != "variables"} == \
        {k: v for k, v in expected.items() if k != "variables"}
    trainable = sum(_size(shape) for var, shape in expected["variables"]
                    if not var.endswith(("moving_mean", "moving_variance")))
    assert trainable == PARAMS[name]


def _size(shape):
    size = 1
    for dim in shape:
        size *= dim
    return size
