"""slim arg_scope: golden cases recorded from tf-slim 1.1 (tests/golden/cases/slim_arg_scope.py)."""
from tests.golden import golden_test

test_golden = golden_test("slim_arg_scope")
