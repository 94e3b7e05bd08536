"""Gradients through tf.nn ops: values recorded from TF (tests/golden/ops_nn_grad.json)."""
from tests.golden import golden_test

test_golden = golden_test("ops_nn_grad")
