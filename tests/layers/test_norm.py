"""tf.layers batch normalization: golden cases recorded from the reference."""
from tests.golden import golden_test

test_golden = golden_test("layers_norm")
