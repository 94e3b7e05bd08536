"""ExponentialMovingAverage and assign_moving_average against the reference."""
from tests.golden import golden_test

test_golden = golden_test("train_ema")
