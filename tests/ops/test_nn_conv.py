"""tf.nn convolutions: golden cases recorded from TF (tests/golden/ops_nn_conv.json) plus kernel checks."""
from tests.golden import golden_test

test_golden = golden_test("ops_nn_conv")
