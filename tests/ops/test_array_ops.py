"""Array ops: golden cases recorded from TF (tests/golden/ops_array.json) plus hand-written checks."""
from tests.golden import golden_test

_DYNAMIC = "a value-dependent output shape cannot be compiled by the jitted runtime"
test_golden = golden_test("ops_array", xfail={
    "where_coordinates": _DYNAMIC + " (Where of a run-time condition)",
    "fill_fed_dims": _DYNAMIC + " (dims from a fed placeholder)",
})
