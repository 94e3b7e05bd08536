"""slim variables: golden cases recorded from tf-slim 1.1 (tests/golden/cases/slim_variables.py)."""
from tests.golden import golden_test

test_golden = golden_test("slim_variables")
