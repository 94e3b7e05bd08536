"""tf.train optimizers against the reference: names, update values over three steps, errors."""
from tests.golden import golden_test

test_golden = golden_test("train_optimizers")
