"""TF1's naming rules as pure functions over plain data; `Graph` holds the counters and asks here.

Invariants: `unique` never returns a name already marked in `counts`; counting ignores case, as TF does
(`Foo` after `foo` becomes `Foo_1`); a name produced by `unique` is marked so an explicit later `x_1`
collides with it and becomes `x_1_1`. Nothing else in scopeflow appends `_N` or joins with `/`.
"""
import re

# TF's patterns (observed: name_scope / node-name ValueErrors in the reference)
ROOT_SCOPE_PATTERN = r"^[A-Za-z0-9.][A-Za-z0-9_.\\/>-]*$"
SCOPE_PATTERN = r"^[A-Za-z0-9_.\\/>-]*$"
_ROOT_RE = re.compile(ROOT_SCOPE_PATTERN)
_SCOPE_RE = re.compile(SCOPE_PATTERN)
_NODE_RE = re.compile(ROOT_SCOPE_PATTERN)
_NUMBERED = re.compile(r"^(.*)_([0-9]+)$")


def unique(name, counts, mark_as_used=True):
    """The first of `name`, `name_1`, `name_2`... not in `counts` (keys lower-cased), marking it used.

    >>> counts = {}
    >>> [unique(n, counts) for n in ("foo", "foo", "Foo", "foo_1")]
    ['foo', 'foo_1', 'Foo_2', 'foo_1_1']
    """
    key = name.lower()
    i = counts.get(key, 0)
    if mark_as_used:
        counts[key] = i + 1
    if i > 0:
        base = key
        while key in counts:
            key = f"{base}_{i}"
            i += 1
        if mark_as_used:
            counts[key] = 1
        name = f"{name}_{i - 1}"
    return name


def join(scope, name):
    """`scope` is '' (root) or a scope name without trailing slash."""
    return f"{scope}/{name}" if scope else name


def split_number(name):
    """'conv_3' -> ('conv', 3); 'conv' -> ('conv', 0)."""
    match = _NUMBERED.match(name)
    return (match.group(1), int(match.group(2))) if match else (name, 0)


def check_scope_name(name, at_root):
    """Raises TF's ValueError for a name_scope name that TF rejects."""
    if at_root and not _ROOT_RE.match(name):
        raise ValueError(f"'{name}' is not a valid root scope name. A root scope name has to match the "
                         f"following pattern: {ROOT_SCOPE_PATTERN}")
    if not at_root and not _SCOPE_RE.match(name):
        raise ValueError(f"'{name}' is not a valid scope name. A scope name has to match the following "
                         f"pattern: {SCOPE_PATTERN}")


def check_op_name(name):
    """Raises TF's ValueError for an op name TF rejects."""
    if not _NODE_RE.match(name):
        raise ValueError(f"`{name}` is not a valid node name. Accepted names conform to Regex "
                         f"/re.compile('{ROOT_SCOPE_PATTERN.replace(chr(92), chr(92) * 2)}')/")


def unique_subscope(scope, prefix, counts):
    """The first of `prefix`, `prefix_1`, `prefix_2`... whose full name under `scope` has no count in
    `counts` (variable scopes' `default_name`; exact-case keys, counts left unchanged).

    >>> unique_subscope("top", "d", {"top/d": 1, "top/d_1": 2})
    'd_2'
    """
    full = join(scope, prefix)
    if not counts.get(full):
        return prefix
    i = 1
    while counts.get(f"{full}_{i}"):
        i += 1
    return f"{prefix}_{i}"
