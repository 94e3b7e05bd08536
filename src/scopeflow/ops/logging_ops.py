"""Printing and assertions that act when a run executes: `tf.Print` (Print), `tf.print` (StringFormat ->
PrintV2) and `tf.Assert` (Assert).

Kernels print through `jax.debug.callback`, so output appears once per run, never while a program is
traced. Text follows the reference (golden: tests/golden/ops_control.json; printed text in
tests/ops/test_logging_ops.py): `Print` writes `message` then `[summary]` per data tensor to stderr,
summarizing the first `summarize` elements TF's way (`[[1 2][3...]...]`); `tf.print` formats like numpy
with `summarize` items at each end of a dimension. Strings cannot live in XLA: a StringFormat output
only feeds PrintV2 (fetching it is not supported), and string constants travel outside the program.
"""
import math
import pprint
import sys

import jax
import jax.numpy as jnp
import numpy as np

from scopeflow.framework import errors
from scopeflow.framework.registry import op
from scopeflow.framework.tensor import Tensor
from scopeflow.ops.common import convert_to_tensor, create, create1, dtypes, name_scope

_COUNTER_PREFIX = "rng/"   # session counters the runtime zero-fills and savers skip, like random streams
_STREAMS_HELP = ("Supported streams are sys.stdout, sys.stderr, tf.logging.info, tf.logging.warning, "
                 "tf.logging.error. File needs to be in the form of 'file://<filepath>'.")


def _bytes(text):
    """String attributes are bytes, as `op.get_attr` returns them in TF."""
    return text.encode() if isinstance(text, str) else bytes(text)


# ---- element and tensor text ----------------------------------------------------------------------
def _float_text(short, full, np_type):
    """TF prints the shortest of %.{short}g / %.{full}g that reads back as the same value."""
    def text(x):
        x = float(x)
        if math.isnan(x):
            return "nan"
        if math.isinf(x):
            return "inf" if x > 0 else "-inf"
        brief = "%.*g" % (short, x)
        return brief if np_type(brief) == np_type(x) else "%.*g" % (full, x)
    return text


def _element_text(dtype, quote):
    """A function printing one element of an array of numpy `dtype` as TF does."""
    if dtype == object or dtype.kind in "SU":
        def string(x):
            x = x.decode("utf-8", "replace") if isinstance(x, bytes) else str(x)
            return f'"{x}"' if quote else x
        return string
    if dtype == np.bool_:
        return lambda x: "1" if x else "0"
    if dtype.kind == "f" or dtype.name == "bfloat16":
        return _float_text(15, 17, np.float64) if dtype == np.float64 else _float_text(6, 9, np.float32)
    if dtype.kind == "c":
        part = _float_text(15, 17, np.float64) if dtype == np.complex128 else _float_text(6, 9, np.float32)
        return lambda x: f"({part(x.real)},{part(x.imag)})"
    return lambda x: str(int(x))


def summarize_v1(array, limit):
    """`Print`/`Assert` text of one tensor (without the outer brackets): the first `limit` elements in
    nested brackets, `...` where printing stopped; a negative `limit` prints everything."""
    array = np.asarray(array)
    flat = array.reshape(-1)
    if flat.size == 0:
        return ""
    limit = flat.size if limit < 0 else limit
    text = _element_text(array.dtype, quote=False)
    parts, shape, index = [], array.shape, [0]

    def walk(dim):
        if index[0] >= limit:
            return
        if dim >= len(shape) - 1:
            for i in range(shape[dim] if shape else 1):
                if index[0] >= limit:
                    if dim > 0:
                        parts.append("...")
                    return
                parts.append((" " if i else "") + text(flat[index[0]]))
                index[0] += 1
            return
        for _ in range(shape[dim]):
            opened = index[0] < limit
            if opened:
                parts.append("[")
            walk(dim + 1)
            if opened:
                parts.append("]")

    walk(0)
    if limit < flat.size:
        parts.append("...")
    return "".join(parts)


def summarize_v2(array, summarize):
    """`tf.print` text of one tensor: numpy-like, `summarize` items at each end of a long dimension."""
    array = np.asarray(array)
    text = _element_text(array.dtype, quote=True)
    if array.ndim == 0:
        return text(array[()])

    def block(a, depth):
        n = a.shape[0]
        sep = " " if a.ndim == 1 else "\n" * (a.ndim - 1) + " " * (depth + 1)
        elide = 0 <= summarize and 2 * summarize < n
        out = []
        for i in range(n):
            if elide and summarize <= i < n - summarize:
                if i == summarize:
                    out.append(sep + "...")
                continue
            out.append((sep if i else "") + (text(a[i]) if a.ndim == 1 else block(a[i], depth + 1)))
        return "[" + "".join(out) + "]"

    return block(array, 0)


# ---- running host code when a run executes --------------------------------------------------------
def _on_run(emit, values):
    """Calls `emit(numpy values)` each time the run executes; string values stay outside XLA."""
    kept = {i: v for i, v in enumerate(values) if isinstance(v, np.ndarray) and v.dtype == object}
    traced = [v for i, v in enumerate(values) if i not in kept]

    def host(*arrays):
        arrays = iter(arrays)
        emit([kept[i] if i in kept else np.asarray(next(arrays)) for i in range(len(values))])

    jax.debug.callback(host, *traced, ordered=True)   # prints keep the run's op order


def _times_run(ctx):
    """How many runs of this session already executed `ctx.op` (a session counter)."""
    key = f"{_COUNTER_PREFIX}{ctx.op.name}:printed"
    count = ctx.read(key) if ctx.has(key) else jnp.zeros((), jnp.int64)
    ctx.write(key, count + 1)
    return count


def _write(stream, text):
    if stream.startswith("file://"):
        with open(stream[len("file://"):], "a") as f:
            f.write(text)
        return
    target = sys.stdout if stream == "stdout" else sys.stderr
    target.write(text)
    target.flush()


# ---- Print ---------------------------------------------------------------------------------------
@op("Print", attrs={"U": [], "message": b"", "first_n": -1, "summarize": 3}, context=True)
class PrintOp:
    @staticmethod
    def infer(ctx, x, *data, **_):
        return [(x._shape, x.dtype.base_dtype)]

    @staticmethod
    def kernel(ctx, x, *data, U, message, first_n, summarize):  # noqa: N803  TF's attr name
        def emit(values):
            count, values = values[0], values[1:]
            if first_n < 0 or count < first_n:
                _write("stderr", message.decode() + "".join(f"[{summarize_v1(v, summarize)}]" for v in values) + "\n")

        _on_run(emit, [_times_run(ctx) if first_n >= 0 else np.zeros((), np.int64), *data])
        return x


def Print(input_, data, message=None, first_n=None, summarize=None, name=None):  # noqa: N802  TF's name
    """`tf.Print`: passes `input_` through and prints `message` and `data` to stderr when it runs."""
    with name_scope(name, "Print", [input_] + list(data)) as scope:
        input_ = convert_to_tensor(input_, name="input")
        data = [convert_to_tensor(d, name=f"data_{i}") for i, d in enumerate(data)]
        return create1("Print", [input_] + data, scope, U=[d.dtype.base_dtype for d in data],
                       message=_bytes(message or ""), first_n=-1 if first_n is None else first_n,
                       summarize=3 if summarize is None else summarize)


# ---- tf.print --------------------------------------------------------------------------------------
class _Formatted:
    """What a StringFormat output is inside a run: the template and the values to fill in."""

    def __init__(self, template, placeholder, summarize, values):
        self.template, self.placeholder, self.summarize, self.values = template, placeholder, summarize, values

    def render(self, values):
        pieces = self.template.split(self.placeholder)
        out = [pieces[0]]
        for value, piece in zip(values, pieces[1:]):
            out.append(summarize_v2(value, self.summarize) + piece)
        return "".join(out)


@op("StringFormat", attrs={"T": [], "template": b"%s", "placeholder": b"%s", "summarize": 3}, type_attr=None)
class StringFormatOp:
    @staticmethod
    def infer(ctx, *inputs, **_):
        return [((), dtypes.string)]

    @staticmethod
    def kernel(*inputs, T, template, placeholder, summarize):  # noqa: N803
        return _Formatted(template.decode(), placeholder.decode(), summarize, list(inputs))


@op("PrintV2", attrs={"output_stream": b"stderr", "end": b"\n"}, type_attr=None, stateful=True)
class PrintV2Op:
    @staticmethod
    def infer(ctx, text, **_):
        return []

    @staticmethod
    def kernel(text, *, output_stream, end):
        output_stream, end = output_stream.decode(), end.decode()
        if isinstance(text, _Formatted):
            _on_run(lambda values: _write(output_stream, text.render(values) + end), text.values)
        else:
            _on_run(lambda values: _write(output_stream, summarize_v1(values[0], -1) + end), [text])
        return []


class _Slot:
    """Where a tensor goes in a tf.print template; prints as the placeholder inside containers."""

    def __repr__(self):
        return "{}"


_SLOT = _Slot()


def _stream_name(stream):
    if stream is sys.stderr or stream is sys.__stderr__:
        return "stderr"
    if stream is sys.stdout or stream is sys.__stdout__:
        return "stdout"
    if isinstance(stream, str) and stream.startswith("file://"):
        return stream
    level = getattr(stream, "__name__", None)
    if callable(stream) and "logging" in getattr(stream, "__module__", "") and level in ("info", "warning",
                                                                                         "error"):
        return f"log({level})"
    raise ValueError(f"Unsupported output stream, logging level, or file.{stream}. {_STREAMS_HELP}")


def _template(inputs, sep):
    """TF's StringFormat template for `inputs` (nested Python values and tensors) and its tensors."""
    tensors = []

    def mark(x):
        if isinstance(x, Tensor) or hasattr(x, "_as_graph_element"):
            tensors.append(convert_to_tensor(x))
            return _SLOT
        if isinstance(x, dict):
            return {k: mark(x[k]) for k in sorted(x)}
        if isinstance(x, list):
            return [mark(v) for v in x]
        if isinstance(x, tuple) and not hasattr(x, "_fields"):
            return tuple(mark(v) for v in x)
        return x

    parts = []
    for x in inputs:
        marked = mark(x)
        parts.append(marked if isinstance(marked, str) else "{}" if marked is _SLOT else pprint.pformat(marked))
    return sep.join(parts), tensors


def print_v2(*inputs, **kwargs):
    """`tf.print`: an Operation (PrintV2) printing `inputs` (tensors in nested Python values) when run."""
    output_stream = kwargs.pop("output_stream", sys.stderr)
    summarize = kwargs.pop("summarize", 3)
    sep = kwargs.pop("sep", " ")
    end = kwargs.pop("end", "\n")
    name = kwargs.pop("name", None)
    if kwargs:
        raise ValueError(f"Unrecognized keyword arguments for tf.print: {kwargs}")
    stream = _stream_name(output_stream)
    single = inputs[0] if len(inputs) == 1 else None
    if isinstance(single, Tensor) and single.dtype.base_dtype == dtypes.string and single._shape == ():
        text = single
    else:
        template, tensors = _template(inputs, sep)
        text = create1("StringFormat", tensors, f"{name}_format" if name else None, template=_bytes(template),
                       placeholder=b"{}", summarize=summarize, T=[t.dtype.base_dtype for t in tensors])
    return create("PrintV2", [text], name, output_stream=_bytes(stream), end=_bytes(end))


# ---- Assert --------------------------------------------------------------------------------------
def _assert_text(values, summarize):
    return "assertion failed: " + " ".join(f"[{summarize_v1(v, summarize)}]" for v in values)


@op("Assert", attrs={"T": [], "summarize": 3}, type_attr=None, context=True)
class AssertOp:
    @staticmethod
    def infer(ctx, condition, *data, **_):
        if condition._shape is not None and len(condition._shape) != 0:
            raise ctx.error(f"Shape must be rank 0 but is rank {len(condition._shape)}")
        return []

    @staticmethod
    def kernel(ctx, condition, *data, T, summarize):  # noqa: N803
        op = ctx.op

        def failure(values):
            text = errors.with_node(_assert_text(values, summarize), op.name)
            return errors.InvalidArgumentError(op.node_def, op, text)

        # decided now when known at compile time; else on the host, failing the run with TF's error
        # naming this op (runtime/program.py `check_at_run`)
        ctx.check_at_run(condition, data, failure)
        return []


def Assert(condition, data, summarize=None, name=None):  # noqa: N802  TF's name
    """`tf.Assert`: an op failing the run, printing `data`, when `condition` is false.

    TF guards non-string/int32 data with a `tf.cond` (`AssertGuard`); scopeflow always builds the plain
    `Assert/Assert` op.
    """
    with name_scope(name, "Assert", [condition, data]):
        for d in data:   # TF converts the data once for its dtype check (those Consts stay unused)
            if not isinstance(d, Tensor):
                convert_to_tensor(d)
        with name_scope(None, "Assert", [condition]) as scope:
            condition = convert_to_tensor(condition, name="condition")
            data = [convert_to_tensor(d, name=f"data_{i}") for i, d in enumerate(data)]
            return create("Assert", [condition] + data, scope, T=[d.dtype.base_dtype for d in data],
                          summarize=3 if summarize is None else summarize)


__all__ = ["Print", "print_v2", "Assert", "summarize_v1", "summarize_v2"]
