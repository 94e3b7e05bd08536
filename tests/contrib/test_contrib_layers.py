"""tf.contrib.layers training helpers, slim.learning and slim.losses: golden cases from tf-slim 1.1."""
from tests.golden import golden_test

test_golden = golden_test("contrib_layers")
