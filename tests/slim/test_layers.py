"""slim layers: golden cases recorded from tf-slim 1.1 (tests/golden/cases/slim_layers.py)."""
from tests.golden import golden_test

test_golden = golden_test("slim_layers")
