"""tf.errors: classes, codes and message builders against what the reference (TF 1.15 semantics) printed.

Every expected value below was observed with /work/shared/tools/tf1ref; no TensorFlow import here.
"""
import pickle
import traceback

import pytest

from scopeflow.framework import errors

CODES = {
    "OK": 0, "CANCELLED": 1, "UNKNOWN": 2, "INVALID_ARGUMENT": 3, "DEADLINE_EXCEEDED": 4, "NOT_FOUND": 5,
    "ALREADY_EXISTS": 6, "PERMISSION_DENIED": 7, "RESOURCE_EXHAUSTED": 8, "FAILED_PRECONDITION": 9,
    "ABORTED": 10, "OUT_OF_RANGE": 11, "UNIMPLEMENTED": 12, "INTERNAL": 13, "UNAVAILABLE": 14,
    "DATA_LOSS": 15, "UNAUTHENTICATED": 16,
}
CLASSES = {
    "CancelledError": 1, "UnknownError": 2, "InvalidArgumentError": 3, "DeadlineExceededError": 4,
    "NotFoundError": 5, "AlreadyExistsError": 6, "PermissionDeniedError": 7, "ResourceExhaustedError": 8,
    "FailedPreconditionError": 9, "AbortedError": 10, "OutOfRangeError": 11, "UnimplementedError": 12,
    "InternalError": 13, "UnavailableError": 14, "DataLossError": 15, "UnauthenticatedError": 16,
}


def test_code_constants_have_tfs_numbers():
    assert {name: getattr(errors, name) for name in CODES} == CODES


def test_all_matches_tf_errors_all():
    expected = sorted([*CODES, *CLASSES, "OpError", "error_code_from_exception_type",
                       "exception_type_from_error_code", "raise_exception_on_not_ok_status"])
    assert sorted(errors.__all__) == expected


@pytest.mark.parametrize("name,code", sorted(CLASSES.items()))
def test_subclass_hierarchy_code_and_text(name, code):
    cls = getattr(errors, name)
    assert cls.__mro__ == (cls, errors.OpError, Exception, BaseException, object)
    assert cls.__name__ == name and cls.__module__ == errors.__name__
    e = cls("nd", None, "boom")
    assert (e.error_code, e.node_def, e.op, e.message, e.args) == (code, "nd", None, "boom", ())
    assert (str(e), repr(e)) == ("boom", f"{name}()")
    assert errors.exception_type_from_error_code(code) is cls
    assert errors.error_code_from_exception_type(cls) == code


def test_invalid_argument_str_as_tf_prints_it():
    e = errors.InvalidArgumentError(None, None, "boom")
    assert (str(e), e.error_code, e.args) == ("boom", 3, ())


def test_op_error_takes_an_explicit_code_and_message_is_read_only():
    e = errors.OpError(None, None, "m", 3)
    assert (e.error_code, e.experimental_payloads) == (3, {})
    assert errors.OpError(None, None, "m", None).error_code is None
    with pytest.raises(AttributeError):
        e.message = "x"
    with pytest.raises(TypeError, match="message"):
        errors.InvalidArgumentError(None, None)


def test_extra_positional_args_are_payloads_not_codes():
    # TF2 forwards a 4th subclass argument as experimental_payloads; the class's code still wins.
    e = errors.InvalidArgumentError(None, None, "m", 7, 8)
    assert (e.error_code, e.experimental_payloads) == (3, 7)
    assert errors.UnknownError(None, None, "m", 5).error_code == 2


class _FakeOp:
    def __init__(self, name, tb, original=None):
        self.name, self.traceback, self._original_op = name, tb, original


def test_str_with_op_appends_the_original_stack_trace():
    original = _FakeOp("orig", [("g.py", 7, "gfn", "line g")])
    tb = traceback.StackSummary.from_list([("f.py", 3, "fn", "code here"), ("h.py", 4, "<module>", None)])
    e = errors.AbortedError("nd", _FakeOp("a", tb, original), "msg")
    assert str(e) == (
        "msg\n\nOriginal stack trace for 'a':\n"
        '  File "f.py", line 3, in fn\n    code here\n  File "h.py", line 4, in <module>\n'
        "\n...which was originally created as op 'orig', defined at:\n"
        '  File "g.py", line 7, in gfn\n    line g\n')
    assert str(errors.AbortedError("nd", _FakeOp("b", []), "msg")) == "msg\n\nOriginal stack trace for 'b':\n"


@pytest.mark.parametrize("code", [0, 17, 99, -1])
def test_exception_type_from_unknown_code_raises_key_error(code):
    with pytest.raises(KeyError, match=str(code)):
        errors.exception_type_from_error_code(code)


@pytest.mark.parametrize("cls", [ValueError, errors.OpError])
def test_error_code_from_other_class_warns_and_returns_an_unknown_error(cls):
    with pytest.warns(UserWarning, match="Unknown class exception"):
        result = errors.error_code_from_exception_type(cls)
    assert type(result) is errors.UnknownError
    assert (result.message, result.error_code) == ("Unknown class exception", 2)


def test_raise_exception_on_not_ok_status():
    with errors.raise_exception_on_not_ok_status() as status:
        pass
    with pytest.raises(errors.NotFoundError, match="no such file") as info:
        with errors.raise_exception_on_not_ok_status() as status:
            status.code, status.message = errors.NOT_FOUND, "no such file"
    assert info.value.error_code == 5
    with pytest.raises(KeyError, match="inner"):
        with errors.raise_exception_on_not_ok_status():
            raise KeyError("inner")


@pytest.mark.parametrize("error", [errors.NotFoundError("nd", None, "m"), errors.OpError("nd", None, "m", 4)])
def test_pickle_round_trip_keeps_type_and_fields(error):
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error)
    assert (back.node_def, back.message, back.error_code) == ("nd", "m", error.error_code)


def test_tf_errors_is_this_module():
    import scopeflow as tf
    assert tf.errors is errors
    assert tf.errors.InvalidArgumentError is errors.InvalidArgumentError


# --- Message builders: each expected string is what the reference printed ---

FEED = "You must feed a value for placeholder tensor "


@pytest.mark.parametrize("args,expected", [
    (("x", "float32", [None, 3]), FEED + "'x' with dtype float and shape [?,3]"),
    (("x", "int32", None), FEED + "'x' with dtype int32"),
    (("x", "float64", []), FEED + "'x' with dtype double"),  # scalars print no shape
    (("x", "string", [2, None, 4]), FEED + "'x' with dtype string and shape [2,?,4]"),
    (("x", "float16", [0]), FEED + "'x' with dtype half and shape [0]"),
    (("sc/inp", "int64", [None]), FEED + "'sc/inp' with dtype int64 and shape [?]"),
])
def test_placeholder_not_fed(args, expected):
    assert errors.placeholder_not_fed(*args) == expected


def test_kernel_text_with_node_trailer():
    # The part of the reference's message after "Node: 'x'\n" (TF 1.15: the whole message).
    text = errors.with_node(errors.placeholder_not_fed("x", "float32", [None, 3]), "x")
    assert text == FEED + "'x' with dtype float and shape [?,3]\n\t [[{{node x}}]]"
    assert errors.with_node(errors.uninitialized_value("scope/u"), "scope/u/read") == \
        "Attempting to use uninitialized value scope/u\n\t [[{{node scope/u/read}}]]"


@pytest.mark.parametrize("value_shape,tensor_name,tensor_shape,expected", [
    ((2,), "x:0", [None, 3], "Cannot feed value of shape (2,) for Tensor x:0, which has shape (?, 3)"),
    ((), "x:0", [None, 3], "Cannot feed value of shape () for Tensor x:0, which has shape (?, 3)"),
    ((3, 2), "a/p:0", [2, 3], "Cannot feed value of shape (3, 2) for Tensor a/p:0, which has shape (2, 3)"),
    ((2,), "q:0", [], "Cannot feed value of shape (2,) for Tensor q:0, which has shape ()"),
    ((1, 1), "x:0", [None], "Cannot feed value of shape (1, 1) for Tensor x:0, which has shape (?,)"),
])
def test_feed_shape_mismatch(value_shape, tensor_name, tensor_shape, expected):
    error = errors.feed_shape_mismatch(value_shape, tensor_name, tensor_shape)
    assert (type(error), str(error)) == (ValueError, expected)


NOPE0 = ("The name 'nope:0' refers to a Tensor which does not exist. The operation, 'nope', does not "
         "exist in the graph.")
TENSOR_C = 'Tensor("c:0", shape=(), dtype=float32)'


@pytest.mark.parametrize("error,expected_type,expected", [
    (errors.closed_session(), RuntimeError, "Attempted to use a closed Session."),
    (errors.graph_finalized(), RuntimeError, "Graph is finalized and cannot be modified."),
    (errors.fetch_not_interpretable("nope:0", errors.tensor_not_found("nope:0", "nope")), ValueError,
     f'Argument `fetch` = nope:0 cannot be interpreted as a Tensor. ("{NOPE0}")'),
    (errors.fetch_not_interpretable("nope", errors.operation_not_found("nope")), ValueError,
     "Argument `fetch` = nope cannot be interpreted as a Tensor. (\"The name 'nope' refers to an "
     "Operation not in the graph.\")"),
    (errors.fetch_not_interpretable("x:1", errors.output_not_found("x:1", "x", 1)), ValueError,
     "Argument `fetch` = x:1 cannot be interpreted as a Tensor. (\"The name 'x:1' refers to a Tensor "
     "which does not exist. The operation, 'x', exists but only has 1 outputs.\")"),
    (errors.fetch_not_interpretable(TENSOR_C, errors.not_in_this_graph("Tensor", TENSOR_C)), ValueError,
     f"Argument `fetch` = {TENSOR_C} cannot be interpreted as a Tensor. (Tensor {TENSOR_C} is not an "
     "element of this graph.)"),
    (errors.fetch_not_interpretable('name: "noop"\nop: "NoOp"\n',
                                    errors.not_in_this_graph("Operation", 'name: "noop"\nop: "NoOp"\n')),
     ValueError, 'Argument `fetch` = name: "noop"\nop: "NoOp"\n cannot be interpreted as a Tensor. '
                 '(Operation name: "noop"\nop: "NoOp"\n is not an element of this graph.)'),
    (errors.feed_key_not_interpretable(errors.tensor_not_found("nope:0", "nope")), TypeError,
     f"Cannot interpret feed_dict key as Tensor: {NOPE0}"),
    (errors.feed_key_not_interpretable(errors.tensor_name_looks_like_op("nope")), TypeError,
     "Cannot interpret feed_dict key as Tensor: The name 'nope' looks like an (invalid) Operation name, "
     'not a Tensor. Tensor names must be of the form "<op_name>:<output_index>".'),
    (errors.feed_key_not_interpretable(errors.not_in_this_graph("Tensor", TENSOR_C)), TypeError,
     f"Cannot interpret feed_dict key as Tensor: Tensor {TENSOR_C} is not an element of this graph."),
    (errors.invalid_scope_name("a b", at_root=True), ValueError,
     "'a b' is not a valid root scope name. A root scope name has to match the following pattern: "
     "^[A-Za-z0-9.][A-Za-z0-9_.\\\\/>-]*$"),
    (errors.invalid_scope_name("b:c", at_root=False), ValueError,
     "'b:c' is not a valid scope name. A scope name has to match the following pattern: "
     "^[A-Za-z0-9_.\\\\/>-]*$"),
    (errors.invalid_node_name("a b"), ValueError,
     "`a b` is not a valid node name. Accepted names conform to Regex "
     "/re.compile('^[A-Za-z0-9.][A-Za-z0-9_.\\\\\\\\/>-]*$')/"),
])
def test_builder_text(error, expected_type, expected):
    assert (type(error), str(error)) == (expected_type, expected)


def test_uninitialized_value_first_line():
    assert errors.uninitialized_value("w") == "Attempting to use uninitialized value w"
