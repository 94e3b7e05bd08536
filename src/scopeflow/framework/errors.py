"""TF's exception classes (`tf.errors`) and, at the bottom, the text of TF's user-facing messages.

Invariants: every class, code and message here was observed in the reference (TF 1.15 graph semantics);
`OpError.args` is always `()` and its text lives in `message`; this module imports nothing from scopeflow.
"""
import traceback
import types
import warnings

# TF's `tf.errors.__all__` (observed); the message builders below are scopeflow-internal.
__all__ = [
    "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
    "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
    "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED", "OpError", "CancelledError",
    "UnknownError", "InvalidArgumentError", "DeadlineExceededError", "NotFoundError", "AlreadyExistsError",
    "PermissionDeniedError", "UnauthenticatedError", "ResourceExhaustedError", "FailedPreconditionError",
    "AbortedError", "OutOfRangeError", "UnimplementedError", "InternalError", "UnavailableError",
    "DataLossError", "exception_type_from_error_code", "error_code_from_exception_type",
    "raise_exception_on_not_ok_status",
]

OK = 0
CANCELLED = 1
UNKNOWN = 2
INVALID_ARGUMENT = 3
DEADLINE_EXCEEDED = 4
NOT_FOUND = 5
ALREADY_EXISTS = 6
PERMISSION_DENIED = 7
RESOURCE_EXHAUSTED = 8
FAILED_PRECONDITION = 9
ABORTED = 10
OUT_OF_RANGE = 11
UNIMPLEMENTED = 12
INTERNAL = 13
UNAVAILABLE = 14
DATA_LOSS = 15
UNAUTHENTICATED = 16


class OpError(Exception):
    """The base class for TensorFlow exceptions; TF raises one of the subclasses below."""

    def __init__(self, node_def, op, message, error_code, *args):
        # TF calls Exception.__init__ with no arguments: `e.args == ()`, the text is `e.message`.
        super().__init__()
        self._node_def = node_def
        self._op = op
        self._message = message
        self._error_code = error_code
        # A 5th positional argument is TF2's `experimental_payloads`; further ones are ignored, as in TF.
        self._experimental_payloads = args[0] if args else {}

    def __reduce__(self):
        return type(self), (self._node_def, self._op, self._message, self._error_code,
                            self._experimental_payloads)

    message = property(lambda self: self._message, doc="The error message that describes the error.")
    op = property(lambda self: self._op, doc="The operation that failed, or None.")
    node_def = property(lambda self: self._node_def, doc="The `NodeDef` proto of the op that failed.")
    error_code = property(lambda self: self._error_code, doc="The integer error code of the error.")
    experimental_payloads = property(lambda self: self._experimental_payloads,
                                     doc="A dictionary describing the details of the error.")

    def __str__(self):
        if self._op is None:
            return self._message
        parts = [f"{self._message}\n\nOriginal stack trace for {self._op.name!r}:\n"]
        parts += traceback.format_list(getattr(self._op, "traceback", None) or [])
        original = getattr(self._op, "_original_op", None)
        while original is not None:
            parts.append(f"\n...which was originally created as op {original.name!r}, defined at:\n")
            parts += traceback.format_list(getattr(original, "traceback", None) or [])
            original = getattr(original, "_original_op", None)
        return "".join(parts)


_CODE_TO_EXCEPTION_CLASS = {}  # filled by _error_class below, at import


def _error_class(name, code, doc):
    """A subclass of `OpError` with TF's signature `(node_def, op, message, *args)` and a fixed code."""

    def __init__(self, node_def, op, message, *args):
        OpError.__init__(self, node_def, op, message, code, *args)

    def __reduce__(self):
        return type(self), (self._node_def, self._op, self._message, self._experimental_payloads)

    cls = type(name, (OpError,), {"__init__": __init__, "__reduce__": __reduce__, "__doc__": doc,
                                  "__module__": __name__, "__qualname__": name})
    _CODE_TO_EXCEPTION_CLASS[code] = cls
    return cls


# Docstring first lines as TF's (observed).
CancelledError = _error_class("CancelledError", CANCELLED, "Raised when an operation is cancelled.")
UnknownError = _error_class("UnknownError", UNKNOWN, "Unknown error.")
InvalidArgumentError = _error_class(
    "InvalidArgumentError", INVALID_ARGUMENT, "Raised when an operation receives an invalid argument.")
DeadlineExceededError = _error_class(
    "DeadlineExceededError", DEADLINE_EXCEEDED,
    "Raised when a deadline expires before an operation could complete.")
NotFoundError = _error_class(
    "NotFoundError", NOT_FOUND, "Raised when a requested entity (e.g., a file or directory) was not found.")
AlreadyExistsError = _error_class(
    "AlreadyExistsError", ALREADY_EXISTS, "Raised when an entity that we attempted to create already exists.")
PermissionDeniedError = _error_class(
    "PermissionDeniedError", PERMISSION_DENIED,
    "Raised when the caller does not have permission to run an operation.")
UnauthenticatedError = _error_class(
    "UnauthenticatedError", UNAUTHENTICATED,
    "Raised when the request does not have valid authentication credentials.")
ResourceExhaustedError = _error_class(
    "ResourceExhaustedError", RESOURCE_EXHAUSTED,
    "Raised when some resource has been exhausted while running operation.")
FailedPreconditionError = _error_class(
    "FailedPreconditionError", FAILED_PRECONDITION,
    "Raised when some prerequisites are not met when running an operation.")
AbortedError = _error_class(
    "AbortedError", ABORTED, "Raised when an operation was aborted, typically due to a concurrent action.")
OutOfRangeError = _error_class(
    "OutOfRangeError", OUT_OF_RANGE, "Raised when an operation iterates past the valid range.")
UnimplementedError = _error_class(
    "UnimplementedError", UNIMPLEMENTED, "Raised when an operation has not been implemented.")
InternalError = _error_class(
    "InternalError", INTERNAL, "Raised when the system experiences an internal error.")
UnavailableError = _error_class(
    "UnavailableError", UNAVAILABLE, "Raised when the runtime is currently unavailable.")
DataLossError = _error_class(
    "DataLossError", DATA_LOSS, "Raised when unrecoverable data loss or corruption is encountered.")
_EXCEPTION_CLASS_TO_CODE = {cls: code for code, cls in _CODE_TO_EXCEPTION_CLASS.items()}


def exception_type_from_error_code(error_code):
    """The `OpError` subclass for `error_code`; raises KeyError for OK and unknown codes, as TF does."""
    return _CODE_TO_EXCEPTION_CLASS[error_code]


def error_code_from_exception_type(cls):
    """The code of an `OpError` subclass; for any other class TF warns and *returns* an UnknownError."""
    try:
        return _EXCEPTION_CLASS_TO_CODE[cls]
    except KeyError:
        warnings.warn("Unknown class exception")
        return UnknownError(None, None, "Unknown class exception", None)


def _make_specific_exception(node_def, op, message, error_code):
    """An instance of the subclass for `error_code`, falling back to UnknownError for unknown codes."""
    cls = _CODE_TO_EXCEPTION_CLASS.get(error_code, UnknownError)
    return cls(node_def, op, message)


class raise_exception_on_not_ok_status:  # noqa: N801  TF's public (lower-case) class name
    """Context manager yielding a status; on exit raises the matching `OpError` if its code is not OK."""

    def __enter__(self):
        # TF yields a C TF_Status; ours is a plain record the body may set `code` and `message` on.
        self.status = types.SimpleNamespace(code=OK, message="")
        return self.status

    def __exit__(self, type_arg, value_arg, traceback_arg):
        # An exception from the body propagates unchanged (observed in the reference).
        if self.status.code != OK:
            raise _make_specific_exception(None, None, self.status.message, self.status.code)


# ======================================================================================================
# Message builders
# ======================================================================================================
r"""Message builders: TF's user-facing message templates live here as small functions (add yours below).

Call sites never format TF's wording themselves, so one golden test covers each text. A builder's
docstring quotes the text observed in the reference; it returns the string, or the exception instance
when TF's exception type is part of the behaviour. Kernel (run-time) messages: TF 1.15 puts the kernel
text on the first line, then "\n\t [[{{node x}}]]" (`with_node`); the reference's TF2 runtime prefixes
"Graph execution error:\n\nDetected at node 'x' defined at (most recent call last):\n<frames>\nNode: 'x'\n"
(without the "Detected" part when a fetched variable itself fails). Builders return the kernel text.
"""

# C++ DataTypeString names that differ from the Python names (observed in the placeholder message).
_CPP_DTYPE_NAMES = {"float32": "float", "float64": "double", "float16": "half"}


def with_node(text, node_name):
    r"""Appends TF's node trailer: "Attempting to use uninitialized value w\n\t [[{{node w/read}}]]"."""
    return f"{text}\n\t [[{{{{node {node_name}}}}}]]"


def placeholder_not_fed(name, dtype_name, shape):
    """InvalidArgumentError text: "You must feed a value for placeholder tensor 'x' with dtype float and
    shape [?,3]". `dtype_name` is the Python name (float32); `shape` is a dims list (None = unknown dim)
    or None (unknown rank). Unknown rank *and scalars* omit the shape: "... tensor 'x' with dtype double".
    """
    text = (f"You must feed a value for placeholder tensor '{name}' with dtype "
            f"{_CPP_DTYPE_NAMES.get(dtype_name, dtype_name)}")
    if shape:
        text += " and shape [" + ",".join("?" if d is None else str(d) for d in shape) + "]"
    return text


def uninitialized_value(variable_name):
    """FailedPreconditionError text: "Attempting to use uninitialized value w" (a scoped variable prints
    'scope/u'; the node is 'w/read', or '_retval_w_0_0' when the variable itself is fetched)."""
    return f"Attempting to use uninitialized value {variable_name}"


def feed_shape_mismatch(value_shape, tensor_name, tensor_shape):
    """ValueError: "Cannot feed value of shape (2,) for Tensor x:0, which has shape (?, 3)". No quotes in
    the reference (TF 1.15 printed "Tensor 'x:0', which has shape '(?, 3)'"). `tensor_shape` is a dims
    list (None = unknown dim); unknown-rank tensors accept any shape."""
    dims = ["?" if d is None else str(d) for d in tensor_shape]  # TensorShape's str(): (?, 3), (5,), ()
    shape = "(" + ", ".join(dims) + ("," if len(dims) == 1 else "") + ")"
    return ValueError(f"Cannot feed value of shape {tuple(value_shape)} for Tensor {tensor_name}, "
                      f"which has shape {shape}")


def closed_session():
    """RuntimeError: "Attempted to use a closed Session." """
    return RuntimeError("Attempted to use a closed Session.")


def graph_finalized():
    """RuntimeError: "Graph is finalized and cannot be modified." """
    return RuntimeError("Graph is finalized and cannot be modified.")


def tensor_not_found(name, op_name):
    """KeyError: "The name 'nope:0' refers to a Tensor which does not exist. The operation, 'nope', does
    not exist in the graph." """
    return KeyError(f"The name {name!r} refers to a Tensor which does not exist. The operation, "
                    f"{op_name!r}, does not exist in the graph.")


def output_not_found(name, op_name, num_outputs):
    """KeyError: "The name 'x:1' refers to a Tensor which does not exist. The operation, 'x', exists but
    only has 1 outputs." """
    return KeyError(f"The name {name!r} refers to a Tensor which does not exist. The operation, "
                    f"{op_name!r}, exists but only has {num_outputs} outputs.")


def operation_not_found(name):
    """KeyError: "The name 'nope' refers to an Operation not in the graph." """
    return KeyError(f"The name {name!r} refers to an Operation not in the graph.")


def tensor_name_looks_like_op(name):
    """ValueError: "The name 'nope' looks like an (invalid) Operation name, not a Tensor. Tensor names
    must be of the form "<op_name>:<output_index>"." (seen when a feed_dict key is an op name)."""
    return ValueError(f"The name {name!r} looks like an (invalid) Operation name, not a Tensor. Tensor "
                      'names must be of the form "<op_name>:<output_index>".')


def not_in_this_graph(kind, element):
    """ValueError: 'Tensor Tensor("c:0", shape=(), dtype=float32) is not an element of this graph.'
    `kind` is 'Tensor' or 'Operation'; `element` prints with str() (an Operation prints its NodeDef)."""
    return ValueError(f"{kind} {element} is not an element of this graph.")


def fetch_not_interpretable(fetch, cause):
    """ValueError from Session.run for a fetch its graph lacks; `cause` is the lookup's exception:
    'Argument `fetch` = nope:0 cannot be interpreted as a Tensor. ("The name 'nope:0' refers to a Tensor
    which does not exist. The operation, 'nope', does not exist in the graph.")'
    'Argument `fetch` = nope cannot be interpreted as a Tensor. ("The name 'nope' refers to an Operation
    not in the graph.")'
    'Argument `fetch` = Tensor("c:0", shape=(), dtype=float32) cannot be interpreted as a Tensor. (Tensor
    Tensor("c:0", shape=(), dtype=float32) is not an element of this graph.)'
    The double quotes come from str(KeyError). TF 1.15 itself began "Fetch argument 'nope:0' ...".
    """
    return ValueError(f"Argument `fetch` = {fetch} cannot be interpreted as a Tensor. ({cause})")


def feed_key_not_interpretable(cause):
    """TypeError: "Cannot interpret feed_dict key as Tensor: The name 'nope:0' refers to a Tensor which
    does not exist. The operation, 'nope', does not exist in the graph." (the cause's text, unquoted)."""
    return TypeError(f"Cannot interpret feed_dict key as Tensor: {cause.args[0]}")


def invalid_scope_name(name, at_root):
    r"""ValueError for a name_scope name TF rejects (tf.get_variable('a b') raises the root one too):
    "'a b' is not a valid root scope name. A root scope name has to match the following pattern:
    ^[A-Za-z0-9.][A-Za-z0-9_.\\/>-]*$"
    "'a b' is not a valid scope name. A scope name has to match the following pattern: ^[A-Za-z0-9_.\\/>-]*$"
    """
    if at_root:
        return ValueError(f"'{name}' is not a valid root scope name. A root scope name has to match the "
                          r"following pattern: ^[A-Za-z0-9.][A-Za-z0-9_.\\/>-]*$")
    return ValueError(f"'{name}' is not a valid scope name. A scope name has to match the following "
                      r"pattern: ^[A-Za-z0-9_.\\/>-]*$")


def invalid_node_name(name):
    r"""ValueError for an op name TF rejects; the pattern shows as a compiled regex's repr:
    "`a b` is not a valid node name. Accepted names conform to Regex
    /re.compile('^[A-Za-z0-9.][A-Za-z0-9_.\\\\/>-]*$')/"
    """
    return ValueError(f"`{name}` is not a valid node name. Accepted names conform to Regex "
                      r"/re.compile('^[A-Za-z0-9.][A-Za-z0-9_.\\\\/>-]*$')/")
