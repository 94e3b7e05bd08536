"""`Dimension` and `TensorShape`, TF1 style: indexing a shape gives a `Dimension`, unknown is `?`.

A TensorShape is immutable and stores `_dims`: None (unknown rank) or a tuple of `int | None`.
Dimension objects are made only when asked for; `TensorShape._from_tuple` wraps an already valid tuple
unchecked, for graph building, and `broadcast_shapes` works on the same tuples. Behaviour and messages
are the TF 1.15 reference's (see the tests). This module imports nothing from scopeflow.
"""
import math
import operator

_SHAPE_HINT = ("A shape should either be single dimension (e.g. 10), or an iterable of dimensions "
               "(e.g. [1, 10, None]).")


def _dim_value(value):
    """The checked `int | None` for a dimension-like value (int, None, Dimension, anything __index__)."""
    if value is None:
        return None
    if isinstance(value, Dimension):
        return value._value
    if not isinstance(value, int):  # an int (bool too: TF keeps Dimension(True)) is kept as it is
        try:
            value = operator.index(value)
        except TypeError:
            raise TypeError("Dimension value must be integer or None or have an __index__ method, got "
                            f"value '{value!r}' with type '{type(value)!r}'") from None
    if value < 0:
        raise ValueError(f"Dimension {value} must be >= 0")
    return value


def _make_dimension(value):
    """A Dimension around an already checked `int | None`."""
    dimension = object.__new__(Dimension)
    dimension._value = value
    return dimension


def _binary(fn, catch=True, wrap=False, reflected=False):
    """A Dimension operator; `catch` turns a non-dimension operand into NotImplemented, `wrap` makes
    the result (Dimension(None) if either side is unknown, else None) a Dimension."""
    def method(self, other):
        try:
            other = as_dimension(other)
        except (TypeError, ValueError):
            if catch:
                return NotImplemented
            raise
        if self._value is None or other._value is None:
            return _make_dimension(None) if wrap else None
        result = fn(other._value, self._value) if reflected else fn(self._value, other._value)
        return Dimension(result) if wrap else result
    return method


class Dimension:
    """The size of one axis of a TensorShape: an int >= 0, or None when unknown (printed `?`)."""
    __slots__ = ("_value",)

    def __init__(self, value):
        self._value = _dim_value(value)

    @property
    def value(self):
        return self._value

    def __repr__(self):
        return f"Dimension({self._value!r})"

    def __str__(self):
        return "?" if self._value is None else str(self._value)

    def __index__(self):
        return self._value

    __int__ = __index__

    def __bool__(self):
        return bool(self._value)

    # Equality: None when either side is unknown; a value that is no dimension is simply unequal.
    __eq__ = _binary(operator.eq)
    __ne__ = _binary(operator.ne)
    __hash__ = None  # TF: Dimension is unhashable

    # Ordering: None when either side is unknown; a bad operand raises (observed in the reference).
    __lt__ = _binary(operator.lt, catch=False)
    __le__ = _binary(operator.le, catch=False)
    __gt__ = _binary(operator.gt, catch=False)
    __ge__ = _binary(operator.ge, catch=False)

    # Arithmetic: unknown is contagious (even `? * 0`); a result below zero raises ValueError.
    __add__, __radd__ = _binary(operator.add, wrap=True), _binary(operator.add, wrap=True, reflected=True)
    __sub__, __rsub__ = _binary(operator.sub, wrap=True), _binary(operator.sub, wrap=True, reflected=True)
    __mul__, __rmul__ = _binary(operator.mul, wrap=True), _binary(operator.mul, wrap=True, reflected=True)
    __mod__, __rmod__ = _binary(operator.mod, wrap=True), _binary(operator.mod, wrap=True, reflected=True)
    __floordiv__ = _binary(operator.floordiv, wrap=True)
    __rfloordiv__ = _binary(operator.floordiv, wrap=True, reflected=True)

    def __truediv__(self, other):
        raise TypeError(f"unsupported operand type(s) for /: 'Dimension' and '{type(other).__name__}', "
                        "please use // instead")

    def __rtruediv__(self, other):
        raise TypeError(f"unsupported operand type(s) for /: '{type(other).__name__}' and 'Dimension', "
                        "please use // instead")

    def is_compatible_with(self, other):
        """True if `other` could be the same size: equal, or either one unknown."""
        other = as_dimension(other)
        return self._value is None or other._value is None or self._value == other._value

    def assert_is_compatible_with(self, other):
        """Raises ValueError if `other` is not compatible with this Dimension."""
        if not self.is_compatible_with(other):
            raise ValueError(f"Dimensions {self} and {other} are not compatible")

    def merge_with(self, other):
        """The more specific of two compatible dimensions; ValueError if they differ."""
        other = as_dimension(other)
        self.assert_is_compatible_with(other)
        return self if self._value is not None else other


def as_dimension(value):
    """Converts `value` to a Dimension (returned as is if it already is one)."""
    return value if isinstance(value, Dimension) else Dimension(value)


def dimension_value(dimension):
    """The `int | None` value of a Dimension; anything else is returned unchanged."""
    return dimension._value if isinstance(dimension, Dimension) else dimension


def dimension_at_index(shape, index):
    """`shape[index]` as a Dimension; Dimension(None) for any index of an unknown-rank shape."""
    if not isinstance(shape, TensorShape):
        raise AssertionError()  # TF raises a bare AssertionError here (observed)
    return shape[index]


def _shape_dims(dims):
    """The `_dims` for TensorShape(dims): None, or a tuple of `int | None`."""
    if dims is None:
        return None
    if isinstance(dims, (list, tuple)):
        return tuple(d if (d.__class__ is int and d >= 0) else _dim_value(d) for d in dims)
    if isinstance(dims, TensorShape):
        return dims._dims
    try:
        items = iter(dims)
    except TypeError:
        return (_dim_value(dims),)  # a single dimension: TensorShape(3)
    values = []
    for d in items:
        try:
            values.append(_dim_value(d))
        except TypeError as e:
            raise TypeError(f"Failed to convert '{dims!r}' to a shape: '{d!r}'could not be converted to a "
                            f"dimension. {_SHAPE_HINT}") from e
    return tuple(values)


class TensorShape:
    """The static shape of a Tensor: unknown rank, or a list of possibly unknown Dimensions."""
    __slots__ = ("_dims",)

    def __init__(self, dims):
        self._dims = _shape_dims(dims)

    @classmethod
    def _from_tuple(cls, dims):
        """Wraps `dims` (None or a tuple of int >= 0 | None) without checking it."""
        shape = object.__new__(cls)
        shape._dims = dims
        return shape

    @property
    def dims(self):
        return None if self._dims is None else [_make_dimension(v) for v in self._dims]

    @property
    def ndims(self):
        return None if self._dims is None else len(self._dims)

    rank = ndims

    def as_list(self):
        if self._dims is None:
            raise ValueError("as_list() is not defined on an unknown TensorShape.")
        return list(self._dims)

    def __len__(self):
        if self._dims is None:
            raise ValueError("Cannot take the length of shape with unknown rank.")
        return len(self._dims)

    def __iter__(self):
        if self._dims is None:
            raise ValueError("Cannot iterate over a shape with unknown rank.")
        return iter([_make_dimension(v) for v in self._dims])

    def __bool__(self):
        return self._dims is not None

    def __getitem__(self, key):
        if self._dims is not None:
            if isinstance(key, slice):
                return TensorShape._from_tuple(self._dims[key])
            try:
                return _make_dimension(self._dims[key])
            except IndexError:
                raise IndexError("list index out of range") from None  # TF's wording (a list there)
            except TypeError as e:
                raise TypeError(str(e).replace("tuple indices", "list indices")) from None
        if not isinstance(key, slice):
            return _make_dimension(None)
        if key.step is not None:
            raise ValueError("Steps are not yet handled")
        # Observed: only a slice with a known, non-negative stop has a known rank.
        start = 0 if key.start is None else key.start
        if key.stop is None or start < 0 or key.stop < 0:
            return TensorShape._from_tuple(None)
        return TensorShape._from_tuple((None,) * max(key.stop - start, 0))

    def __repr__(self):
        if self._dims is None:
            return "TensorShape(None)"
        return "TensorShape([" + ", ".join(f"Dimension({v!r})" for v in self._dims) + "])"

    def __str__(self):
        if self._dims is None:
            return "<unknown>"
        text = ["?" if v is None else str(v) for v in self._dims]
        return f"({text[0]},)" if len(text) == 1 else "(" + ", ".join(text) + ")"

    def __eq__(self, other):
        # Observed: unknown dims and unknown ranks compare equal to themselves.
        try:
            other = as_shape(other)
        except TypeError:
            return NotImplemented
        return self._dims == other._dims

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self):
        return hash(self._dims)

    def is_fully_defined(self):
        return self._dims is not None and None not in self._dims

    def assert_is_fully_defined(self):
        if not self.is_fully_defined():
            raise ValueError(f"Shape {self} is not fully defined")

    def num_elements(self):
        """The number of elements, or None unless the shape is fully defined."""
        return math.prod(self._dims) if self.is_fully_defined() else None

    def is_compatible_with(self, other):
        """True if some fully defined shape could match both (unknown rank matches anything)."""
        return _dims_compatible(self._dims, as_shape(other)._dims)

    def assert_is_compatible_with(self, other):
        if not self.is_compatible_with(other):
            raise ValueError(f"Shapes {self} and {other} are incompatible")  # `other` as given (observed)

    def merge_with(self, other):
        """The most specific shape compatible with both; ValueError if they are incompatible."""
        other = as_shape(other)
        if self._dims is None:
            return other
        if other._dims is None:
            return self
        if not _dims_compatible(self._dims, other._dims):
            raise ValueError(f"Shapes {self} and {other} are not compatible")
        merged = tuple(a if a is not None else b for a, b in zip(self._dims, other._dims))
        return TensorShape._from_tuple(merged)

    def most_specific_compatible_shape(self, other):
        """The most specific shape that both `self` and `other` are compatible with."""
        other = as_shape(other)
        if self._dims is None or other._dims is None or len(self._dims) != len(other._dims):
            return TensorShape._from_tuple(None)
        return TensorShape._from_tuple(tuple(a if a == b else None for a, b in zip(self._dims, other._dims)))

    def concatenate(self, other):
        other = as_shape(other)
        if self._dims is None or other._dims is None:
            return TensorShape._from_tuple(None)
        return TensorShape._from_tuple(self._dims + other._dims)

    __add__ = concatenate

    def __radd__(self, other):
        return as_shape(other).concatenate(self)

    def assert_same_rank(self, other):
        other = as_shape(other)
        if self._dims is not None and other._dims is not None and len(self._dims) != len(other._dims):
            raise ValueError(f"Shapes {self} and {other} must have the same rank")

    def assert_has_rank(self, rank):
        if self._dims is not None and len(self._dims) != rank:
            raise ValueError(f"Shape {self} must have rank {rank}")

    def with_rank(self, rank):
        """This shape, with unknown rank made `rank`; ValueError if the rank is known and differs."""
        if self._dims is not None and len(self._dims) == rank:
            return self
        try:
            return self.merge_with(unknown_shape(rank=rank))
        except ValueError:
            raise ValueError(f"Shape {self} must have rank {rank}") from None

    def with_rank_at_least(self, rank):
        if self._dims is not None and len(self._dims) < rank:
            raise ValueError(f"Shape {self} must have rank at least {rank}")
        return self

    def with_rank_at_most(self, rank):
        if self._dims is not None and len(self._dims) > rank:
            raise ValueError(f"Shape {self} must have rank at most {rank}")
        return self


def _dims_compatible(a, b):
    if a is None or b is None:
        return True
    if len(a) != len(b):
        return False
    return all(x is None or y is None or x == y for x, y in zip(a, b))


def as_shape(shape):
    """Converts `shape` to a TensorShape (returned as is if it already is one)."""
    return shape if isinstance(shape, TensorShape) else TensorShape(shape)


def unknown_shape(rank=None, **kwargs):
    """A shape of unknown rank, or of known `rank` with every dimension unknown."""
    if rank is None and "ndims" in kwargs:
        rank = kwargs.pop("ndims")
    if kwargs:
        raise TypeError(f"Unknown argument: {kwargs}")
    return TensorShape._from_tuple(None if rank is None else (None,) * rank)


def scalar():
    """TensorShape([]) (TF 1.x, deprecated there)."""
    return TensorShape._from_tuple(())


def vector(length):
    """TensorShape([length]) (TF 1.x, deprecated there)."""
    return TensorShape([length])


def matrix(rows, cols):
    """TensorShape([rows, cols]) (TF 1.x, deprecated there)."""
    return TensorShape([rows, cols])


class BroadcastError(ValueError):
    """Two dimensions that do not broadcast; `x` and `y` let the caller write TF's full message."""

    def __init__(self, x, y):
        super().__init__(f"Dimensions must be equal, but are {x} and {y}")
        self.x, self.y = x, y


def broadcast_shapes(a, b):
    """Numpy broadcasting over `_dims` tuples (None = unknown rank), as TF infers it at build time.

    An unknown dim against a known one > 1 gives the known one, else unknown. The first mismatch,
    counting from the leading output dim, raises BroadcastError (observed: [2, 5] + [3, 6] names 2, 3).
    >>> broadcast_shapes((None, 1), (3, 4))
    (3, 4)
    """
    if a is None or b is None:
        return None
    rank = max(len(a), len(b))
    a = (1,) * (rank - len(a)) + a
    b = (1,) * (rank - len(b)) + b
    out = []
    for x, y in zip(a, b):
        if x is None or y is None:
            known = y if x is None else x
            out.append(known if known is not None and known > 1 else None)
        elif x == y or y == 1:
            out.append(x)
        elif x == 1:
            out.append(y)
        else:
            raise BroadcastError(x, y)
    return tuple(out)
