"""tf.nn pooling: golden cases recorded from TF (tests/golden/ops_nn_pool.json) plus kernel checks."""
from tests.golden import golden_test

test_golden = golden_test("ops_nn_pool")
