"""tf.nn misc ops: golden cases recorded from TF (tests/golden/ops_nn_misc.json)."""
from tests.golden import golden_test

test_golden = golden_test("ops_nn_misc")


def test_doctests():
    import doctest

    from scopeflow.ops import nn_conv, nn_misc, nn_norm, nn_pool, nn_xent
    for module in (nn_conv, nn_pool, nn_norm, nn_xent, nn_misc):
        assert doctest.testmod(module).failed == 0, module.__name__
