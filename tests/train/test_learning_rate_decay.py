"""Learning-rate schedules and the global step against the reference."""
from tests.golden import golden_test

test_golden = golden_test("train_schedules")
