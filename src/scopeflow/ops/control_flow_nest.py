"""Nested structures for control flow (TF's `nest` as cond/while_loop/map_fn use it).

A nest is a Tensor-like leaf or a list, tuple, namedtuple or dict of nests; dicts flatten in sorted key
order. `pack` rebuilds a structure from a flat list (the inverse of `flatten`); `assert_same` raises
TF's ValueError (TypeError where TF checks sequence types) when two structures differ.
"""
_NOT_SAME = "The two structures don't have the same nested structure."


def is_sequence(value):
    return isinstance(value, (list, tuple, dict))


def flatten(structure):
    """The leaves of `structure`, depth first, dict values in sorted key order."""
    if isinstance(structure, dict):
        return [leaf for key in sorted(structure) for leaf in flatten(structure[key])]
    if isinstance(structure, (list, tuple)):
        return [leaf for item in structure for leaf in flatten(item)]
    return [structure]


def _rebuild(template, items):
    if isinstance(template, dict):
        return type(template)((key, value) for key, value in zip(sorted(template), items))
    if isinstance(template, tuple) and hasattr(template, "_fields"):   # namedtuple
        return type(template)(*items)
    return type(template)(items)


def pack(structure, flat):
    """`flat` packed into the shape of `structure`."""
    flat = iter(flat)

    def build(template):
        if isinstance(template, dict):
            return _rebuild(template, [build(template[key]) for key in sorted(template)])
        if isinstance(template, (list, tuple)):
            return _rebuild(template, [build(item) for item in template])
        return next(flat)

    return build(structure)


def assert_same(a, b, check_types=False):
    """TF's `nest.assert_same_structure`: ValueError on a different nesting, TypeError (check_types)
    on a list where a tuple was (golden: control_while.json while_structure_mismatch)."""
    if is_sequence(a) != is_sequence(b):
        raise ValueError(_NOT_SAME)
    if not is_sequence(a):
        return
    if check_types and type(a) is not type(b):
        raise TypeError(_NOT_SAME)
    if isinstance(a, dict) != isinstance(b, dict) or len(a) != len(b):
        raise ValueError(_NOT_SAME)
    if isinstance(a, dict):
        if sorted(a) != sorted(b):
            raise ValueError(_NOT_SAME)
        pairs = [(a[key], b[key]) for key in sorted(a)]
    else:
        pairs = zip(a, b)
    for x, y in pairs:
        assert_same(x, y, check_types)
