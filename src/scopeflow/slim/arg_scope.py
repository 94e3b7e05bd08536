"""tf-slim's `arg_scope`: default keyword arguments for functions decorated with `add_arg_scope`.

An arg scope is a dict `{function key: {argument: value}}`; entering `arg_scope([f, g], k=v)` pushes a
copy of the current scope with `k=v` merged into each listed function's defaults (inner scopes override
outer ones, explicit call arguments override both). Entering `arg_scope(saved_dict)` pushes that dict
again. The stack is per thread; the table of decorated functions is filled at decoration time only.
Errors as tf-slim: a list entry that was not decorated is a ValueError whose message is tf-slim's
(unformatted) argument tuple; a non-list, non-dict first argument is a TypeError (golden:
slim_arg_scope.json).
"""
import contextlib
import functools
import threading

_DECORATED_OPS = {}   # function key -> names of its keyword arguments (filled by add_arg_scope only)


class _ArgStack(threading.local):
    def __init__(self):
        self.items = [{}]


_STACK = _ArgStack()


def current_arg_scope():
    """The innermost arg scope: a dict `{function key: {argument: default}}`."""
    if not _STACK.items:
        _STACK.items.append({})
    return _STACK.items[-1]


def arg_scope_func_key(op):
    """The key under which `op`'s defaults are stored (its undecorated function's `str`)."""
    return getattr(op, "_key_op", str(op))


def _name_op(op):
    return (op.__module__, op.__name__)


def _kwarg_names(func):
    # tf-slim's rule, kept as is: the last len(defaults) entries of co_varnames up to the argument count
    kwargs_length = len(func.__defaults__) if func.__defaults__ else 0
    return func.__code__.co_varnames[-kwargs_length:func.__code__.co_argcount]


@contextlib.contextmanager
def _pushed(scope):
    _STACK.items.append(scope)
    try:
        yield scope
    finally:
        _STACK.items.pop()


@contextlib.contextmanager
def arg_scope(list_ops_or_scope, **kwargs):
    """Sets `kwargs` as defaults for each function in `list_ops_or_scope` (or re-enters a saved scope).

    >>> import scopeflow.slim as slim
    >>> @slim.add_arg_scope
    ... def f(x, scale=1):
    ...     return x * scale
    >>> with slim.arg_scope([f], scale=10):
    ...     print(f(2), f(2, scale=3))
    20 6
    """
    if isinstance(list_ops_or_scope, dict):
        if kwargs:
            raise ValueError("When attempting to re-use a scope by suppling adictionary, kwargs must be empty.")
        with _pushed(list_ops_or_scope.copy()) as scope:
            yield scope
        return
    if not isinstance(list_ops_or_scope, (list, tuple)):
        raise TypeError("list_ops_or_scope must either be a list/tuple or reused scope (i.e. dict)")
    scope = current_arg_scope().copy()
    for op in list_ops_or_scope:
        key = arg_scope_func_key(op)
        if not has_arg_scope(op):
            raise ValueError("%s is not decorated with @add_arg_scope", _name_op(op))
        merged = scope[key].copy() if key in scope else {}
        merged.update(kwargs)
        scope[key] = merged
    with _pushed(scope):
        yield scope


def add_arg_scope(func):
    """Decorates `func` so that `arg_scope([func], ...)` can set its keyword defaults."""
    key = arg_scope_func_key(func)

    @functools.wraps(func)
    def func_with_args(*args, **kwargs):
        defaults = current_arg_scope().get(key)
        if defaults:
            merged = defaults.copy()
            merged.update(kwargs)
            kwargs = merged
        return func(*args, **kwargs)

    _DECORATED_OPS[key] = _kwarg_names(func)
    func_with_args._key_op = key
    return func_with_args


def has_arg_scope(func):
    """True when `func` was decorated with `add_arg_scope`."""
    return arg_scope_func_key(func) in _DECORATED_OPS


def arg_scoped_arguments(func):
    """The keyword argument names an arg scope can set for the decorated `func`."""
    if not has_arg_scope(func):   # tf-slim asserts here
        raise AssertionError()
    return _DECORATED_OPS[arg_scope_func_key(func)]


__all__ = ["arg_scope", "add_arg_scope", "current_arg_scope", "has_arg_scope", "arg_scoped_arguments",
           "arg_scope_func_key"]
