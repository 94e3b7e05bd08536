"""framework/tensor_shape.py against what the reference (TF 1.15 semantics, tf1ref) printed.

Every literal expected value below was observed in the reference; no TensorFlow import here.
"""
import pickle

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from scopeflow.framework.tensor_shape import (BroadcastError, Dimension, TensorShape, as_dimension, as_shape,
                                              broadcast_shapes, dimension_at_index, dimension_value, matrix,
                                              scalar, unknown_shape, vector)

D, S = Dimension, TensorShape
dims = st.one_of(st.none(), st.integers(0, 4))
dim_lists = st.lists(dims, max_size=4)
shapes = st.one_of(st.none(), dim_lists)
HINT = ("could not be converted to a dimension. A shape should either be single dimension (e.g. 10), or an "
        "iterable of dimensions (e.g. [1, 10, None]).")
BAD_DIM = "Dimension value must be integer or None or have an __index__ method, got value "


# --- Dimension -----------------------------------------------------------------------------------

def test_dimension_basics():
    # observed in TF 1.15 reference
    assert (repr(D(3)), repr(D(None)), str(D(3)), str(D(None))) == ("Dimension(3)", "Dimension(None)", "3", "?")
    assert D(D(3)).value == 3 and D(D(None)).value is None
    assert type(D(np.int64(3)).value) is int
    assert D(True).value is True and repr(D(True)) == "Dimension(True)"
    assert int(D(3)) == 3 and D(3).__index__() == 3 and D(None).__index__() is None
    assert [1, 2, 3, 4][D(1)] == 2 and float(D(3)) == 3.0
    assert (bool(D(0)), bool(D(None)), bool(D(3))) == (False, False, True)
    with pytest.raises(TypeError, match=r"__int__ returned non-int \(type NoneType\)"):
        int(D(None))
    with pytest.raises(TypeError, match="unhashable type: 'Dimension'"):
        hash(D(3))


@pytest.mark.parametrize("value, shown", [  # observed in TF 1.15 reference
    (1.0, "'1.0' with type '<class 'float'>'"), (1.5, "'1.5' with type '<class 'float'>'"),
    ("3", "''3'' with type '<class 'str'>'"), ([1], "'[1]' with type '<class 'list'>'"),
    (np.float32(2.0), "'np.float32(2.0)' with type '<class 'numpy.float32'>'"),
])
def test_dimension_rejects(value, shown):
    with pytest.raises(TypeError) as info:
        D(value)
    assert str(info.value) == BAD_DIM + shown


def test_dimension_negative():
    with pytest.raises(ValueError, match=r"^Dimension -1 must be >= 0$"):  # observed in TF 1.15 reference
        D(-1)


@pytest.mark.parametrize("expr, expected", [  # observed in TF 1.15 reference
    ("D(3) == D(3)", True), ("D(3) == 3", True), ("D(3) == D(None)", None), ("D(None) == D(None)", None),
    ("D(None) != D(None)", None), ("D(3) != D(4)", True), ("D(3) != 3", False), ("D(3) == 'a'", False),
    ("D(3) == None", None), ("D(3) != None", None), ("D(3) == 3.0", False), ("D(3) == [3]", False),
    ("D(3) == -1", False), ("D(3) == np.int64(3)", True), ("3 == D(3)", True),
    ("D(3) < D(4)", True), ("D(3) < 4", True), ("D(3) < D(None)", None), ("D(3) <= D(3)", True),
    ("D(3) > 2", True), ("D(3) >= D(None)", None), ("4 > D(3)", True),
    ("D(3) + D(4)", D(7)), ("D(3) + 4", D(7)), ("4 + D(3)", D(7)), ("D(3) + None", "Dimension(None)"),
    ("D(None) + 3", "Dimension(None)"), ("D(3) - 1", D(2)), ("10 - D(3)", D(7)),
    ("D(None) - 1", "Dimension(None)"), ("D(3) * D(4)", D(12)), ("2 * D(3)", D(6)),
    ("D(None) * 0", "Dimension(None)"), ("D(0) * D(None)", "Dimension(None)"),
    ("D(7) // D(2)", D(3)), ("7 // D(2)", D(3)), ("D(None) // 2", "Dimension(None)"), ("D(7) % 3", D(1)),
    ("7 % D(3)", D(1)), ("D(None) % 3", "Dimension(None)"), ("D(7) % D(None)", "Dimension(None)"),
])
def test_dimension_operators(expr, expected):
    result = eval(expr)
    if isinstance(expected, str):
        assert repr(result) == expected
    elif isinstance(expected, D):
        assert type(result) is D and result.value == expected.value
    else:
        assert result is expected


@pytest.mark.parametrize("expr, error, message", [  # observed in TF 1.15 reference
    ("D(3) - D(4)", ValueError, "Dimension -1 must be >= 0"),
    ("D(3) + 'a'", TypeError, "unsupported operand type(s) for +: 'Dimension' and 'str'"),
    ("D(3) + 1.5", TypeError, "unsupported operand type(s) for +: 'Dimension' and 'float'"),
    ("D(3) + -1", TypeError, "unsupported operand type(s) for +: 'Dimension' and 'int'"),
    ("D(3) < -1", ValueError, "Dimension -1 must be >= 0"),
    ("D(3) < 'a'", TypeError, "Dimension value must be integer or None or have an __index__ method, got "
                              "value ''a'' with type '<class 'str'>'"),
    ("D(7) / D(2)", TypeError,
     "unsupported operand type(s) for /: 'Dimension' and 'Dimension', please use // instead"),
    ("D(7) / 2", TypeError, "unsupported operand type(s) for /: 'Dimension' and 'int', please use // instead"),
    ("7 / D(2)", TypeError, "unsupported operand type(s) for /: 'int' and 'Dimension', please use // instead"),
    ("D(7) / 'a'", TypeError, "unsupported operand type(s) for /: 'Dimension' and 'str', please use // instead"),
    ("-D(3)", TypeError, "bad operand type for unary -: 'Dimension'"),
    ("D(3) ** 2", TypeError, "unsupported operand type(s) for ** or pow(): 'Dimension' and 'int'"),
    ("D(7) // 0", ZeroDivisionError, None),
    ("D(3).merge_with(4)", ValueError, "Dimensions 3 and 4 are not compatible"),
    ("D(3).assert_is_compatible_with(4)", ValueError, "Dimensions 3 and 4 are not compatible"),
])
def test_dimension_operator_errors(expr, error, message):
    with pytest.raises(error) as info:
        eval(expr)
    if message is not None:
        assert str(info.value) == message


def test_dimension_compatibility_and_merge():
    # observed in TF 1.15 reference
    assert D(3).is_compatible_with(3) and not D(3).is_compatible_with(4)
    assert D(3).is_compatible_with(None) and D(None).is_compatible_with(4)
    assert D(3).merge_with(3).value == 3 and D(3).merge_with(None).value == 3
    assert D(None).merge_with(5).value == 5 and D(None).merge_with(None).value is None
    assert D(3).merge_with(D(None)).value == 3
    with pytest.raises(TypeError, match="got value ''a'' with type"):
        D(3).merge_with("a")


def test_dimension_helpers():
    # observed in TF 1.15 reference
    assert dimension_value(D(3)) == 3 and dimension_value(3) == 3
    assert dimension_value(None) is None and dimension_value(D(None)) is None
    assert as_dimension(3).value == 3 and as_dimension(D(3)).value == 3
    assert repr(dimension_at_index(S([1, 2]), 1)) == "Dimension(2)"
    assert repr(dimension_at_index(S(None), 1)) == "Dimension(None)"
    with pytest.raises(IndexError, match="^list index out of range$"):
        dimension_at_index(S([1, 2]), 5)
    with pytest.raises(AssertionError):
        dimension_at_index([1, 2], 1)


# --- TensorShape: construction, printing, indexing ---------------------------------------------------

@pytest.mark.parametrize("dims, expected", [  # observed in TF 1.15 reference
    ([None, 3], "TensorShape([Dimension(None), Dimension(3)])"), (None, "TensorShape(None)"),
    ([], "TensorShape([])"), (3, "TensorShape([Dimension(3)])"),
    ((2, 3), "TensorShape([Dimension(2), Dimension(3)])"),
    ([np.int64(3)], "TensorShape([Dimension(3)])"), ([D(3), None], "TensorShape([Dimension(3), Dimension(None)])"),
    (S([1]), "TensorShape([Dimension(1)])"), (D(4), "TensorShape([Dimension(4)])"),
    ([True], "TensorShape([Dimension(True)])"), (np.array([2, 3]), "TensorShape([Dimension(2), Dimension(3)])"),
    (b"ab", "TensorShape([Dimension(97), Dimension(98)])"),
    (iter([1, 2]), "TensorShape([Dimension(1), Dimension(2)])"),
    ({1: 2}, "TensorShape([Dimension(1)])"),
])
def test_shape_construction(dims, expected):
    assert repr(S(dims)) == expected


@pytest.mark.parametrize("dims, error, message", [  # observed in TF 1.15 reference
    ("abc", TypeError, "Failed to convert ''abc'' to a shape: ''a''" + HINT),
    (np.array([1.5]), TypeError, "Failed to convert 'array([1.5])' to a shape: 'np.float64(1.5)'" + HINT),
    ([1.5], TypeError, BAD_DIM + "'1.5' with type '<class 'float'>'"),
    (("a",), TypeError, BAD_DIM + "''a'' with type '<class 'str'>'"),
    ([[1]], TypeError, BAD_DIM + "'[1]' with type '<class 'list'>'"),
    (1.5, TypeError, BAD_DIM + "'1.5' with type '<class 'float'>'"),
    ([-1], ValueError, "Dimension -1 must be >= 0"), ([None, -2], ValueError, "Dimension -2 must be >= 0"),
    (-3, ValueError, "Dimension -3 must be >= 0"),
])
def test_shape_construction_errors(dims, error, message):
    with pytest.raises(error) as info:
        S(dims)
    assert str(info.value) == message


def test_shape_str_and_accessors():
    # observed in TF 1.15 reference
    assert [str(S(d)) for d in ([None, 3], None, [], [3])] == ["(?, 3)", "<unknown>", "()", "(3,)"]
    assert repr(S([None, 3]).dims) == "[Dimension(None), Dimension(3)]" and S(None).dims is None
    assert (S([None, 3]).ndims, S(None).ndims, S(None).rank, S([]).ndims) == (2, None, None, 0)
    assert S([None, 3]).as_list() == [None, 3] and S([]).as_list() == []
    assert type(S([np.int32(3)]).as_list()[0]) is int
    assert len(S([None, 3])) == 2 and repr(list(S([None, 3]))) == "[Dimension(None), Dimension(3)]"
    assert (bool(S(None)), bool(S([])), bool(S([0]))) == (False, True, True)
    assert 3 in S([1, 3])


@pytest.mark.parametrize("call, message", [  # observed in TF 1.15 reference
    (lambda: S(None).as_list(), "as_list() is not defined on an unknown TensorShape."),
    (lambda: len(S(None)), "Cannot take the length of shape with unknown rank."),
    (lambda: list(S(None)), "Cannot iterate over a shape with unknown rank."),
    (lambda: S([None, 3]).assert_is_fully_defined(), "Shape (?, 3) is not fully defined"),
    (lambda: S(None).assert_is_fully_defined(), "Shape <unknown> is not fully defined"),
    (lambda: S(None)[::-1], "Steps are not yet handled"), (lambda: S(None)[0:3:1], "Steps are not yet handled"),
])
def test_unknown_rank_errors(call, message):
    with pytest.raises(ValueError) as info:
        call()
    assert str(info.value) == message


@pytest.mark.parametrize("dims, key, expected", [  # observed in TF 1.15 reference
    ([None, 3], 1, "Dimension(3)"), ([None, 3], 0, "Dimension(None)"), ([None, 3], -1, "Dimension(3)"),
    ([None, 3], slice(0, 1), "TensorShape([Dimension(None)])"), ([2, 3], D(1), "Dimension(3)"),
    ([2, 3], np.int64(1), "Dimension(3)"),
    ([2, 3], slice(None, None, -1), "TensorShape([Dimension(3), Dimension(2)])"),
    ([1, 2, 3], slice(5, None), "TensorShape([])"),
    (None, 1, "Dimension(None)"), (None, -1, "Dimension(None)"), (None, "a", "Dimension(None)"),
    (None, slice(1, 3), "TensorShape([Dimension(None), Dimension(None)])"),
    (None, slice(None, 3), "TensorShape([Dimension(None), Dimension(None), Dimension(None)])"),
    (None, slice(0, 0), "TensorShape([])"), (None, slice(3, 1), "TensorShape([])"),
    (None, slice(-3, -1), "TensorShape(None)"), (None, slice(0, -1), "TensorShape(None)"),
    (None, slice(-3, 2), "TensorShape(None)"), (None, slice(2, None), "TensorShape(None)"),
    (None, slice(None), "TensorShape(None)"),
])
def test_getitem(dims, key, expected):
    assert repr(S(dims)[key]) == expected


@pytest.mark.parametrize("key, error, message", [  # observed in TF 1.15 reference
    (5, IndexError, "list index out of range"), (-4, IndexError, "list index out of range"),
    ("a", TypeError, "list indices must be integers or slices, not str"),
    (1.0, TypeError, "list indices must be integers or slices, not float"),
    (None, TypeError, "list indices must be integers or slices, not NoneType"),
    (D(None), TypeError, "__index__ returned non-int (type NoneType)"),
])
def test_getitem_errors(key, error, message):
    with pytest.raises(error) as info:
        S([1, 2, 3])[key]
    assert str(info.value) == message


# --- TensorShape: comparison and combination ---------------------------------------------------------

@pytest.mark.parametrize("a, b, expected", [  # observed in TF 1.15 reference: unknowns equal themselves
    ([None, 3], S([None, 3]), True), ([1, 3], [1, 3], True), ([1, 3], (1, 3), True), (None, S(None), True),
    (None, S([1]), False), ([1, 3], "abc", False), ([1, 3], None, False), ([1, 3], 3, False), ([3], 3, True),
    ([3], [D(3)], True), ([None], [None], True), ([1, 2], np.array([1, 2]), True), ([1], [1.5], False),
    ([], [], True), ([], (), True), (None, None, True),
])
def test_shape_equality(a, b, expected):
    assert (S(a) == b) is expected and (S(a) != b) is (not expected)


def test_shape_equality_and_hash_details():
    assert (1, 2) == S([1, 2]) and [D(1), D(2)] == S([1, 2])  # observed in TF 1.15 reference
    assert hash(S([1, 3])) == hash((1, 3))  # observed in TF 1.15 reference
    with pytest.raises(ValueError, match="Dimension -1 must be >= 0"):
        S([1]) == [-1]  # observed: only TypeError makes == False
    with pytest.raises(TypeError, match="'<' not supported between instances of 'TensorShape'"):
        S([2, 3]) < S([2, 3])


def test_num_elements_and_fully_defined():
    # observed in TF 1.15 reference
    assert [S(d).num_elements() for d in ([2, 3], [], [None, 3], None, [0, None])] == [6, 1, None, None, None]
    assert [S(d).is_fully_defined() for d in ([1, 3], [None, 3], None)] == [True, False, False]


@pytest.mark.parametrize("a, b, expected", [  # observed in TF 1.15 reference
    ([None, 3], [2, None], "TensorShape([Dimension(2), Dimension(3)])"),
    ([None, 3], None, "TensorShape([Dimension(None), Dimension(3)])"),
    (None, [1, 2], "TensorShape([Dimension(1), Dimension(2)])"), (None, None, "TensorShape(None)"),
    ([1, None, 3], [None, 2, None], "TensorShape([Dimension(1), Dimension(2), Dimension(3)])"),
])
def test_merge_with(a, b, expected):
    assert repr(S(a).merge_with(b)) == expected


@pytest.mark.parametrize("call, error, message", [  # observed in TF 1.15 reference
    (lambda: S([None, 3]).merge_with([2, 4]), ValueError, "Shapes (?, 3) and (2, 4) are not compatible"),
    (lambda: S([None, 3]).merge_with([2]), ValueError, "Shapes (?, 3) and (2,) are not compatible"),
    (lambda: S([None, 3]).assert_is_compatible_with([2, 4]), ValueError,
     "Shapes (?, 3) and [2, 4] are incompatible"),
    (lambda: S([1, 2]).assert_is_compatible_with((3, 4)), ValueError, "Shapes (1, 2) and (3, 4) are incompatible"),
    (lambda: S([1, 2]).assert_is_compatible_with(S([1])), ValueError, "Shapes (1, 2) and (1,) are incompatible"),
    (lambda: S([None, 3]).assert_same_rank([2]), ValueError, "Shapes (?, 3) and (2,) must have the same rank"),
    (lambda: S([None, 3]).with_rank(3), ValueError, "Shape (?, 3) must have rank 3"),
    (lambda: S([None, 3]).with_rank_at_least(3), ValueError, "Shape (?, 3) must have rank at least 3"),
    (lambda: S([None, 3]).with_rank_at_most(1), ValueError, "Shape (?, 3) must have rank at most 1"),
    (lambda: S([1, 2]).assert_has_rank(3), ValueError, "Shape (1, 2) must have rank 3"),
    (lambda: S([1, 2]).with_rank(1.5), TypeError, "can't multiply sequence by non-int of type 'float'"),
    (lambda: S([None, 3]).with_rank_at_least(None), TypeError,
     "'<' not supported between instances of 'int' and 'NoneType'"),
    (lambda: S([1, 2]).merge_with("ab"), TypeError, "Failed to convert ''ab'' to a shape: ''a''" + HINT),
    (lambda: S([1, 2]).is_compatible_with("ab"), TypeError, "Failed to convert ''ab'' to a shape: ''a''" + HINT),
])
def test_shape_method_errors(call, error, message):
    with pytest.raises(error) as info:
        call()
    assert str(info.value) == message


def test_shape_methods():
    # observed in TF 1.15 reference
    assert repr(S([None, 3]).concatenate([2])) == "TensorShape([Dimension(None), Dimension(3), Dimension(2)])"
    assert repr(S([None, 3]).concatenate(None)) == "TensorShape(None)"
    assert repr(S(None).concatenate([1])) == "TensorShape(None)"
    assert (S([2, 3]) + S([4])).as_list() == [2, 3, 4] and (S([2, 3]) + [4]).as_list() == [2, 3, 4]
    assert ([4] + S([2, 3])).as_list() == [4, 2, 3]
    assert [S([None, 3]).is_compatible_with(x) for x in ([2, 3], [2, 4], [2], None)] == [True, False, False, True]
    assert S([]).is_compatible_with(S([1])) is False and S(None).assert_is_compatible_with([1]) is None
    assert S([None, 3]).assert_same_rank(None) is None and S(None).assert_same_rank([1, 2]) is None
    assert repr(S(None).with_rank(3)) == "TensorShape([Dimension(None), Dimension(None), Dimension(None)])"
    assert S([1, 2]).with_rank(D(2)).as_list() == [1, 2] and S([1, 2]).with_rank(None).as_list() == [1, 2]
    assert S(None).with_rank_at_least(1).ndims is None and S(None).with_rank_at_most(1).ndims is None
    assert S([None, 3]).with_rank_at_least(1).as_list() == [None, 3]
    assert S([None, 3]).with_rank_at_most(3).as_list() == [None, 3]
    assert S([None, 3]).most_specific_compatible_shape([2, 3]).as_list() == [None, 3]
    assert S([1, 3]).most_specific_compatible_shape([2, 3]).as_list() == [None, 3]
    assert S([1, 3]).most_specific_compatible_shape([2]).ndims is None
    assert S([1, 3]).most_specific_compatible_shape(None).ndims is None
    assert S([1, 3]).most_specific_compatible_shape([1, 3]).as_list() == [1, 3]


def test_module_functions():
    # observed in TF 1.15 reference (scalar/vector/matrix: TF 1.x API, shapes as named)
    assert repr(unknown_shape()) == "TensorShape(None)" and repr(unknown_shape(rank=0)) == "TensorShape([])"
    assert repr(unknown_shape(2)) == "TensorShape([Dimension(None), Dimension(None)])"
    assert repr(unknown_shape(ndims=2)) == "TensorShape([Dimension(None), Dimension(None)])"
    assert scalar().as_list() == [] and vector(3).as_list() == [3] and vector(None).as_list() == [None]
    assert matrix(2, None).as_list() == [2, None]
    assert repr(as_shape([1, 2])) == "TensorShape([Dimension(1), Dimension(2)])" and as_shape(None).ndims is None
    shape = S([1])
    assert as_shape(shape) is shape and S._from_tuple((None, 3)) == S([None, 3])
    assert pickle.loads(pickle.dumps(S([None, 3]))) == S([None, 3])
    assert pickle.loads(pickle.dumps(S(None))) == S(None)
    assert pickle.loads(pickle.dumps(D(3))).value == 3


@pytest.mark.parametrize("a, b, expected", [  # observed in TF 1.15 reference (static shape of a + b)
    ((None,), (0,), (None,)), ((None,), (1,), (None,)), ((None,), (3,), (3,)), ((None,), (None,), (None,)),
    ((2, 1), (1, 3), (2, 3)), ((3,), (2, 1), (2, 3)), (None, (3,), None), ((0,), (1,), (0,)),
    ((1,), (None,), (None,)),
])
def test_broadcast_shapes(a, b, expected):
    assert broadcast_shapes(a, b) == expected


@pytest.mark.parametrize("a, b, x, y", [  # observed: "Dimensions must be equal, but are X and Y"
    ((0,), (3,), 0, 3), ((2,), (3,), 2, 3), ((2, 2), (3, 1, 3), 2, 3), ((2, 5), (3, 6), 2, 3),
    ((4, 2, 5), (3, 6), 2, 3), ((None, 5), (3, 6), 5, 6), ((2, 3), (2,), 3, 2),
])
def test_broadcast_errors(a, b, x, y):
    with pytest.raises(BroadcastError) as info:
        broadcast_shapes(a, b)
    assert (info.value.x, info.value.y) == (x, y)
    assert str(info.value) == f"Dimensions must be equal, but are {x} and {y}"
    assert isinstance(info.value, ValueError)


# --- properties ---------------------------------------------------------------------------------------

@given(shapes, shapes)
def test_merge_with_commutes_when_it_succeeds(a, b):
    try:
        ab = S(a).merge_with(b)
    except ValueError:
        with pytest.raises(ValueError):
            S(b).merge_with(a)
        return
    assert ab == S(b).merge_with(a)
    assert ab.is_compatible_with(a) and ab.is_compatible_with(b)


@given(shapes, shapes)
def test_is_compatible_with_is_symmetric(a, b):
    assert S(a).is_compatible_with(b) == S(b).is_compatible_with(a)
    assert S(a).is_compatible_with(b) == _merges(a, b)


def _merges(a, b):
    try:
        S(a).merge_with(b)
        return True
    except ValueError:
        return False


@given(st.one_of(st.none(), dim_lists.map(tuple)), st.one_of(st.none(), dim_lists.map(tuple)))
def test_broadcast_shapes_is_symmetric(a, b):
    try:
        ab = broadcast_shapes(a, b)
    except BroadcastError as e:
        with pytest.raises(BroadcastError) as info:
            broadcast_shapes(b, a)
        assert (info.value.x, info.value.y) == (e.y, e.x)  # same position, operands swapped
        return
    assert ab == broadcast_shapes(b, a)
    if ab is not None and a is not None and b is not None:
        assert len(ab) == max(len(a), len(b))


@given(dim_lists)
def test_as_list_round_trips(dim_values):
    shape = S(dim_values)
    assert shape.as_list() == dim_values and S(shape.as_list()) == shape
    assert S(shape.dims) == shape and [d.value for d in shape] == dim_values
    assert S._from_tuple(tuple(dim_values)) == shape and hash(shape) == hash(tuple(dim_values))
    assert str(shape) == ("(" + ", ".join("?" if v is None else str(v) for v in dim_values)
                          + ("," if len(dim_values) == 1 else "") + ")")
