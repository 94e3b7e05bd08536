"""Golden cases recorded from the reference: `golden_test(area)` makes a parametrized pytest test.

tests/golden/cases/<area>.py holds CASES = {name: snippet}; tests/golden/<area>.json holds what TF 1.15
(TF 2.21 compat.v1, v2 behaviour disabled) recorded for each. Record with:
    $(../shared/tools/tf1ref --python) tools/record_golden.py <area>
A case named in CASES but missing from the JSON fails with that instruction.
"""
import importlib
import json
import pathlib

from tests.golden.harness import diff, run_case

GOLDEN_DIR = pathlib.Path(__file__).parent


def load_cases(area):
    return importlib.import_module(f"tests.golden.cases.{area}").CASES


def load_recorded(area):
    path = GOLDEN_DIR / f"{area}.json"
    return json.loads(path.read_text()) if path.exists() else {}


def check_case(area, name, tf_module=None):
    import pytest

    import scopeflow.compat.v1 as sf

    snippet = load_cases(area)[name]
    recorded = load_recorded(area).get(name)
    if recorded is None or recorded["snippet"] != snippet:
        pytest.fail(f"golden case {area}/{name} is not recorded (or its snippet changed): run "
                    f"$(../shared/tools/tf1ref --python) tools/record_golden.py {area}")
    actual = run_case(tf_module or sf, snippet)
    problem = diff(recorded["records"], actual)
    assert problem is None, f"{area}/{name}: {problem}\nsnippet:{snippet}"


def golden_test(area, xfail=()):
    """A test function checking every case of `area`; names in `xfail` are strict known gaps."""
    import pytest

    params = [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=xfail[name]))
              if name in xfail else name for name in load_cases(area)]

    @pytest.mark.parametrize("case", params)
    def test_golden(case):
        check_case(area, case)

    return test_golden
