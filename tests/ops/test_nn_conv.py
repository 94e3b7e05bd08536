"""tf.nn convolutions: golden cases recorded from TF (tests/golden/ops_nn_conv.json) plus kernel checks."""
from tests.golden import golden_test

test_golden = golden_test("ops_nn_conv", xfail={
    "atrous_rate_2": "rate > 1 builds SpaceToBatchND / BatchToSpaceND in TF; those ops are not declared yet"})
