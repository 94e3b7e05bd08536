"""A per-thread stack with a context manager that checks it pops what it pushed.

The graph keeps its scope state (name scope, control dependencies, devices, variable scopes) in these,
one `ThreadLocalStacks` per graph, so two threads building one graph never see each other's scopes.
"""
import contextlib
import threading


class Stack:
    __slots__ = ("items",)

    def __init__(self, bottom=()):
        self.items = list(bottom)

    @property
    def top(self):
        return self.items[-1] if self.items else None

    @contextlib.contextmanager
    def pushed(self, item):
        self.items.append(item)
        depth = len(self.items)
        try:
            yield item
        finally:
            assert len(self.items) == depth and self.items[-1] is item, "scope stack popped out of order"
            self.items.pop()


class ThreadLocalState(threading.local):
    """Per-thread scope state of one graph; fields start fresh in every thread."""

    def __init__(self):
        self.name_scope = ""           # current name scope, without trailing slash
        self.control_controllers = []  # _ControlDependencies, innermost last
        self.devices = []              # device strings or functions, innermost last
        self.colocation = []           # ops to colocate with, innermost last
        self.variable_scope = None     # set by ops/variable_scope.py
        self.extra = {}                # other per-thread scope stacks keyed by owner
