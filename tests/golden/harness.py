"""Runs a golden case: one TF1 snippet, executed with a given `tf` module, producing plain-JSON records.

The same function runs a case under the reference (tools/record_golden.py, inside the TF environment) and
under scopeflow (the tests), so a case's snippet is the single source of truth. Invariants: this module
imports neither TensorFlow nor scopeflow; records are JSON-serialisable; an exception ends the case and
becomes a record holding its type name and the first line of its message.
"""
import math
import traceback

import numpy as np

FLOAT_RTOL = 1e-5
FLOAT_ATOL = 1e-6


def normalize(value):
    """A JSON-able form of what a snippet printed: arrays keep dtype and shape, floats are tagged."""
    if isinstance(value, (np.ndarray, np.generic)):
        arr = np.asarray(value)
        if arr.dtype.kind in "SUO":
            items = [x.decode("latin1") if isinstance(x, bytes) else str(x) for x in arr.ravel().tolist()]
            return {"array": items, "dtype": "string", "shape": list(arr.shape)}
        values = arr.tolist()
        if arr.dtype.kind == "c":
            values = [[z.real, z.imag] for z in np.ravel(arr).tolist()]
        return {"array": values, "dtype": str(arr.dtype), "shape": list(arr.shape)}
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, float):
        return {"float": value if math.isfinite(value) else str(value)}
    if isinstance(value, bytes):
        return {"bytes": value.decode("latin1")}
    if isinstance(value, (list, tuple)):
        return [normalize(v) for v in value]
    if isinstance(value, dict):
        return {"dict": {str(k): normalize(v) for k, v in value.items()}}
    return {"str": str(value)}


def first_line(exc):
    """The line a TF 1.15 user saw first. TF 2.21's run-time errors open with 'Graph execution error:'
    and a 'Detected at node' stack; the 1.15 message is the line after the last 'Node: ...' line."""
    text = str(exc)
    if hasattr(exc, "message") and isinstance(getattr(exc, "message"), str):
        text = exc.message
    lines = text.strip().split("\n")
    if lines[0].startswith("Graph execution error:"):
        node_lines = [i for i, line in enumerate(lines) if line.startswith("Node: ")]
        if node_lines and node_lines[-1] + 1 < len(lines):
            return lines[node_lines[-1] + 1]
    return lines[0]


def run_case(tf, snippet, graph_per_case=True):
    """Executes `snippet` with `tf`, `np` and `out(*values)` in scope; returns the records it produced."""
    records = []

    def out(*values):
        records.append([normalize(v) for v in values])

    namespace = {"tf": tf, "np": np, "out": out}
    try:
        if graph_per_case:
            with tf.Graph().as_default():
                exec(compile(snippet, "<golden>", "exec"), namespace)
        else:
            exec(compile(snippet, "<golden>", "exec"), namespace)
    except Exception as exc:  # the snippet's own error is part of what TF printed
        records.append({"raises": type(exc).__name__, "message": first_line(exc),
                        "where": traceback.format_exc().splitlines()[-1][:200]})
    return records


def _close(a, b):
    return math.isclose(a, b, rel_tol=FLOAT_RTOL, abs_tol=FLOAT_ATOL)


def diff(expected, actual, path="$"):
    """Returns a description of the first difference, or None when `actual` matches `expected`."""
    if isinstance(expected, dict) and "array" in expected:
        if not (isinstance(actual, dict) and "array" in actual):
            return f"{path}: expected an array, got {actual!r}"
        for key in ("dtype", "shape"):
            if expected[key] != actual[key]:
                return f"{path}.{key}: expected {expected[key]!r}, got {actual[key]!r}"
        exp = np.asarray(expected["array"], dtype=object).ravel().tolist()
        act = np.asarray(actual["array"], dtype=object).ravel().tolist()
        for i, (e, a) in enumerate(zip(exp, act)):
            if isinstance(e, float) or isinstance(a, float):
                if not (e == a or (math.isnan(e) and math.isnan(a)) or _close(e, a)):
                    return f"{path}[{i}]: expected {e!r}, got {a!r} (array {act!r})"
            elif e != a:
                return f"{path}[{i}]: expected {e!r}, got {a!r}"
        return None
    if isinstance(expected, dict) and "float" in expected:
        if not (isinstance(actual, dict) and "float" in actual):
            return f"{path}: expected float {expected['float']!r}, got {actual!r}"
        e, a = expected["float"], actual["float"]
        if isinstance(e, str) or isinstance(a, str):
            return None if e == a else f"{path}: expected {e!r}, got {a!r}"
        return None if _close(e, a) else f"{path}: expected {e!r}, got {a!r}"
    if isinstance(expected, dict) and "raises" in expected:
        if not (isinstance(actual, dict) and "raises" in actual):
            return f"{path}: expected {expected['raises']}: {expected['message']}, got {actual!r}"
        if (expected["raises"], expected["message"]) != (actual["raises"], actual["message"]):
            return (f"{path}: expected {expected['raises']}: {expected['message']!r}\n"
                    f"          got {actual['raises']}: {actual['message']!r} at {actual.get('where')}")
        return None
    if isinstance(expected, dict):
        if not isinstance(actual, dict) or expected.keys() != actual.keys():
            return f"{path}: expected {expected!r}, got {actual!r}"
        for key in expected:
            found = diff(expected[key], actual[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(expected) != len(actual):
            return f"{path}: expected {expected!r}, got {actual!r}"
        for i, (e, a) in enumerate(zip(expected, actual)):
            found = diff(e, a, f"{path}[{i}]")
            if found:
                return found
        return None
    return None if expected == actual else f"{path}: expected {expected!r}, got {actual!r}"
