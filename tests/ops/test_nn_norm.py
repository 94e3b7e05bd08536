"""tf.nn normalization: golden cases recorded from TF (tests/golden/ops_nn_norm.json)."""
from tests.golden import golden_test

test_golden = golden_test("ops_nn_norm")
