"""tf.variable_scope / tf.get_variable: golden naming, sharing, partitioning and regularization cases.

The getters/partition cases use `tf.contrib.layers` regularizers and `tf.losses`; until those packages
exist in scopeflow, the cases run against a view of `scopeflow.compat.v1` that adds them from
ops/regularizers.py and ops/losses_regularization.py (the modules they will re-export).
"""
import types

import pytest

import scopeflow.compat.v1 as sf
from scopeflow.ops import losses_regularization, regularizers
from tests.golden import check_case, golden_test, load_cases

test_golden = golden_test("variable_scope")
test_golden_errors = golden_test("variable_scope_errors")


class _TfView(types.ModuleType):
    """scopeflow.compat.v1 plus `contrib.layers` and `losses` where scopeflow lacks them."""

    def __init__(self):
        super().__init__("tf_view")
        self.contrib = getattr(sf, "contrib", None) or types.SimpleNamespace(layers=regularizers)
        self.losses = getattr(sf, "losses", None) or losses_regularization

    def __getattr__(self, name):
        return getattr(sf, name)


_GETTERS_XFAIL = {}


def _params(area, xfail):
    return [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=xfail[name])) if name in xfail
            else name for name in load_cases(area)]


@pytest.mark.parametrize("case", _params("variable_scope_getters", _GETTERS_XFAIL))
def test_golden_getters(case):
    check_case("variable_scope_getters", case, tf_module=_TfView())


@pytest.mark.parametrize("case", _params("variable_scope_partition", {}))
def test_golden_partition(case):
    check_case("variable_scope_partition", case, tf_module=_TfView())
