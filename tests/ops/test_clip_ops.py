"""Clip ops: golden cases recorded from TF (tests/golden/ops_clip.json) plus hand-written checks."""
from tests.golden import golden_test

_CLASS = "TF's message names the Python class of the argument (tensorflow's SymbolicTensor)"
test_golden = golden_test("ops_clip", xfail={
    "global_norm_error_type": _CLASS,
    "clip_by_global_norm_error_type": _CLASS,
})
