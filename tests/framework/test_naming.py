"""framework/naming.py: TF's unique-name rules (hypothesis properties + golden examples)."""
import pytest
from hypothesis import given, strategies as st

from scopeflow.framework import naming

names = st.sampled_from(["a", "A", "a_1", "b", "a_1_1", "x", "X_2", "conv", "conv_1"])


@given(st.lists(names, max_size=30))
def test_unique_never_returns_a_name_in_use(requests):
    counts = {}
    produced = []
    for name in requests:
        new = naming.unique(name, counts)
        assert new.lower() not in {p.lower() for p in produced}
        produced.append(new)


@given(st.lists(names, max_size=20), names)
def test_unmarked_name_is_what_the_next_call_returns(history, name):
    counts = {}
    for h in history:
        naming.unique(h, counts)
    peek = naming.unique(name, counts, mark_as_used=False)
    assert naming.unique(name, counts) == peek


@given(st.from_regex(r"[a-z]{1,6}", fullmatch=True), st.integers(1, 50))
def test_split_number_undoes_suffix(base, n):
    assert naming.split_number(f"{base}_{n}") == (base, n)
    assert naming.split_number(base) == (base, 0)


def test_unique_matches_reference_sequence():
    counts = {}
    # observed in the reference: foo foo_1 Foo_2 foo_1_1 FOO_3 (golden: framework_graph.json)
    assert [naming.unique(n, counts) for n in ["foo", "foo", "Foo", "foo_1", "FOO"]] == \
        ["foo", "foo_1", "Foo_2", "foo_1_1", "FOO_3"]


@pytest.mark.parametrize("name,at_root", [("a b", True), ("_x", True), ("x:1", False)])
def test_invalid_scope_names_raise(name, at_root):
    with pytest.raises(ValueError, match="is not a valid .*scope name"):
        naming.check_scope_name(name, at_root)
