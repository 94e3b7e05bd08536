"""tf.layers convolutions and pooling: golden cases recorded from the reference."""
from tests.golden import golden_test

test_golden = golden_test("layers_conv")
