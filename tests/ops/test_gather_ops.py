"""Gather ops: golden cases recorded from TF (tests/golden/ops_gather.json) plus hand-written checks."""
from tests.golden import golden_test

test_golden = golden_test("ops_gather", xfail={
    "gather_batch_dims": "GatherV2 (ops/slicing.py) ignores batch_dims in its inference and kernel",
})
