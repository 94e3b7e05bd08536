"""`tf.Session` and `tf.InteractiveSession`: fetch, feed, and call the runtime's compiled Programs.

A session owns the values of its graph's variables and random-stream counters (device arrays, in
`_state`) and one Program per (fetch tensors, target ops, fed tensors); jax.jit re-specialises a
Program per feed shape. Invariants: a closed session refuses every call; `_state` only grows (keys
are never dropped) so a Program's reads stay satisfiable.
"""
import os

import numpy as np

from scopeflow.client.feeds import FeedConverter
from scopeflow.client.fetches import FetchStructure, structure_key
from scopeflow.framework import default_session, errors
from scopeflow.framework.graph import get_default_graph
from scopeflow.runtime.program import build_program


class BaseSession:
    def __init__(self, target="", graph=None, config=None):
        self._graph = graph if graph is not None else get_default_graph()
        self._target = target
        self._config = config
        self._closed = False
        self._state = {}
        self._programs = {}
        self._structures = {}
        self._feeds = FeedConverter(self._graph)
        self._seed = int.from_bytes(os.urandom(4), "little")   # streams of unseeded random ops
        self._default_contexts = []

    graph = property(lambda self: self._graph)
    graph_def = property(lambda self: self._graph.as_graph_def())
    sess_str = property(lambda self: self._target)

    def list_devices(self):
        import jax
        return [_DeviceAttributes(d) for d in jax.devices()]

    def as_default(self):
        return _DefaultSession(self)

    def close(self):
        self._closed = True
        self._state.clear()
        self._programs.clear()

    def _check_open(self):
        if self._closed:
            raise errors.closed_session()

    def _structure(self, fetches):
        key = structure_key(fetches)
        structure = self._structures.get(key) if key is not None else None
        if structure is None:
            structure = FetchStructure(self._graph, fetches)
            if key is not None:
                self._structures[key] = structure
        return structure

    def _program(self, structure, feed_tensors, feed_values):
        key = (structure.tensors, structure.targets, feed_tensors)
        program = self._programs.get(key)
        if program is None:
            specs = [(v.shape, v.dtype) for v in feed_values]
            program = build_program(structure.tensors, structure.targets, feed_tensors, specs,
                                    self._state, self._seed)
            self._programs[key] = program
        return program

    def run(self, fetches, feed_dict=None, options=None, run_metadata=None):
        if self._closed:
            raise errors.closed_session()
        if not self._graph._ops:
            raise RuntimeError("The Session graph is empty. Add operations to the graph before calling run().")
        structure = self._structure(fetches)
        feed_tensors, feed_values = self._feeds.convert(feed_dict) if feed_dict else ((), ())
        if not structure.tensors and not structure.targets:
            return structure.build(())
        program = self._program(structure, feed_tensors, feed_values)
        values = program(self._state, feed_values)
        return structure.build([_to_numpy(v) for v in values])

    def partial_run_setup(self, fetches, feeds=None):
        raise errors.UnimplementedError(None, None, "partial_run is not supported by scopeflow")

    def make_callable(self, fetches, feed_list=None, accept_options=False):
        """A function running `fetches` with positional feeds for `feed_list`."""
        feed_list = list(feed_list or ())

        def callable_(*args, **kwargs):
            if len(args) != len(feed_list):
                raise ValueError(f"Expected {len(feed_list)} positional arguments, got {len(args)}")
            return self.run(fetches, dict(zip(feed_list, args)))
        return callable_

    def __enter__(self):
        context = self.as_default()
        context.__enter__()
        self._default_contexts.append(context)
        return self

    def __exit__(self, exc_type, exc, tb):
        self._default_contexts.pop().__exit__(exc_type, exc, tb)
        self.close()

    def __del__(self):
        pass


def _to_numpy(value):
    array = np.array(value)     # a writable copy, as TF returns; 0-d values become numpy scalars
    return array[()] if array.ndim == 0 else array


class _DefaultSession:
    def __init__(self, session):
        self._session = session

    def __enter__(self):
        default_session.push(self._session)
        self._graph_context = self._session.graph.as_default()
        self._graph_context.__enter__()
        return self._session

    def __exit__(self, exc_type, exc, tb):
        self._graph_context.__exit__(exc_type, exc, tb)
        default_session.pop(self._session)


class _DeviceAttributes:
    def __init__(self, device):
        kind = "GPU" if device.platform == "gpu" else device.platform.upper()
        self.name = f"/job:localhost/replica:0/task:0/device:{kind}:{device.id}"
        self.device_type = kind
        self.memory_limit_bytes = 0
        self.incarnation = 0


class Session(BaseSession):
    pass


class InteractiveSession(BaseSession):
    """A session that installs itself as the default session (and its graph as default) at creation."""

    def __init__(self, target="", graph=None, config=None):
        super().__init__(target, graph, config)
        self._interactive_context = self.as_default()
        self._interactive_context.__enter__()

    def close(self):
        if not self._closed and self._interactive_context is not None:
            context, self._interactive_context = self._interactive_context, None
            try:
                context.__exit__(None, None, None)
            except AssertionError:
                pass
        super().close()
