"""Random ops: random_normal, truncated_normal, random_uniform, random_shuffle, random_crop, multinomial
(categorical), random_gamma, random_poisson, with TF1's op types, names and seed attrs.

Every random op carries `seed`/`seed2` from `random_seed.get_seed` (graph and op seed rules) and its
kernel draws from `ctx.rng_key()`: the seed pair folded with a per-session run counter, so each run draws
anew, a new Session on the same graph repeats a seeded stream, and 0/0 gives a per-session stream. Values
never match TF bit for bit; op types, names, shapes and dtypes do (golden: tests/golden/ops_random.json).
The arithmetic TF wraps around the kernels (Mul, AddV2, Sub, RealDiv, Maximum, Broadcast*, FloorMod,
Slice ...) is built by op type; those ops are declared by math_ops / array_ops.
"""
import jax
import jax.numpy as jnp
import numpy as np

from scopeflow.framework import errors
from scopeflow.framework.random_seed import get_seed
from scopeflow.framework.registry import declare
from scopeflow.framework.tensor_shape import TensorShape
from scopeflow.ops import reduction_ops, shape_ops, slicing
from scopeflow.ops.array_build import scalar_value, shape_value
from scopeflow.ops.common import convert_to_tensor, create1, dtypes, name_scope
from scopeflow.ops.control_flow_ops import with_dependencies
from scopeflow.ops.logging_ops import Assert

_SHAPE_DTYPES = (dtypes.int32, dtypes.int64)
_UNIFORM_DTYPES = (dtypes.float16, dtypes.bfloat16, dtypes.float32, dtypes.float64, dtypes.int32, dtypes.int64)
_POISSON_DTYPES = (dtypes.float16, dtypes.float32, dtypes.float64, dtypes.int32, dtypes.int64)
_SEEDS = {"seed": 0, "seed2": 0}


# ---- build time: shapes ---------------------------------------------------------------------------
def _not_allowed(param, dtype, allowed):
    names = ", ".join(d.name for d in allowed)
    return TypeError(f"Value passed to parameter '{param}' has DataType {dtype.name} not in list of allowed "
                     f"values: {names}")


def _known_dims(shape):
    """What the build knows of a 1-D shape tensor's values; a negative dim is unknown until run time."""
    dims = shape_value(shape)
    return None if dims is None else tuple(None if d is None or d < 0 else d for d in dims)


def _shape_input(ctx, shape):
    """Checks a `shape` input (int32/int64, rank 1) as TF's op builder and shape function do."""
    if shape.dtype.base_dtype not in _SHAPE_DTYPES:
        raise _not_allowed("shape", shape.dtype, _SHAPE_DTYPES)
    _check_rank(ctx, shape, 1)
    return _known_dims(shape)


def _check_rank(ctx, tensor, rank):
    if tensor._shape is not None and len(tensor._shape) != rank:
        raise ctx.error(f"Shape must be rank {rank} but is rank {len(tensor._shape)}")


def _concat(dims, tail):
    return None if dims is None or tail is None else tuple(dims) + tuple(tail)


# ---- run time: static values, TF's run-time errors -------------------------------------------------
def _run_error(op, text):
    return errors.InvalidArgumentError(op.node_def, op, errors.with_node(text, op.name))


def _static(ctx, value, what):
    """`value` as numpy at trace time: XLA needs a random op's shape when the run is compiled."""
    try:
        return np.asarray(value)
    except (jax.errors.TracerArrayConversionError, jax.errors.ConcretizationTypeError):
        op = ctx.op
        raise errors.UnimplementedError(
            op.node_def, op, errors.with_node(
                f"scopeflow compiles each run with static shapes: the {what} of {op.type} must be a "
                "constant or come from static shapes, not from a fed or computed value", op.name)) from None


def _dims(ctx, shape):
    dims = tuple(int(d) for d in _static(ctx, shape, "shape").reshape(-1))
    for d in dims:
        if d < 0:
            raise _run_error(ctx.op, f"Dimension {d} must be >= 0")
    return dims


# ---- declarations ----------------------------------------------------------------------------------
def _declare_float(tf_type, draw):
    """A float random op of a `shape` input: RandomStandardNormal, TruncatedNormal, RandomUniform."""
    def infer(ctx, shape, *, dtype, **_):
        return [(_shape_input(ctx, shape), dtype)]

    def kernel(ctx, shape, *, dtype, **_):
        return draw(ctx.rng_key(), _dims(ctx, shape), dtypes.jax_dtype(dtype))

    declare(tf_type, infer, kernel, attrs={"dtype": dtypes.float32, **_SEEDS}, random=True)


_declare_float("RandomStandardNormal", lambda key, dims, dt: jax.random.normal(key, dims, dt))
_declare_float("TruncatedNormal", lambda key, dims, dt: jax.random.truncated_normal(key, -2.0, 2.0, dims, dt))
_declare_float("RandomUniform", lambda key, dims, dt: jax.random.uniform(key, dims, dt))


def _uniform_int_infer(ctx, shape, minval, maxval, *, Tout, **_):  # noqa: N803  TF's attr name
    dims = _shape_input(ctx, shape)
    for arg, t in (("minval", minval), ("maxval", maxval)):
        if t._shape is not None and len(t._shape) != 0:
            dims_text = ",".join("?" if d is None else str(d) for d in t._shape)
            raise ctx.error(f"{arg} must be a scalar; got a tensor of shape [{dims_text}]")
    return [(dims, Tout)]


def _uniform_int_kernel(ctx, shape, minval, maxval, *, Tout, **_):  # noqa: N803
    if isinstance(minval, np.ndarray) and isinstance(maxval, np.ndarray) and minval >= maxval:
        raise _run_error(ctx.op, f"Need minval < maxval, got {minval} >= {maxval}")
    return jax.random.randint(ctx.rng_key(), _dims(ctx, shape), minval, maxval, dtypes.jax_dtype(Tout))


declare("RandomUniformInt", _uniform_int_infer, _uniform_int_kernel, attrs={"Tout": dtypes.int32, **_SEEDS},
        random=True)


def _shuffle_kernel(ctx, value, **_):
    if np.ndim(value) == 0:
        return value
    return jax.random.permutation(ctx.rng_key(), value, axis=0, independent=False)


declare("RandomShuffle", lambda ctx, value, **_: [(value._shape, value.dtype.base_dtype)], _shuffle_kernel,
        attrs=dict(_SEEDS), random=True)


def _multinomial_infer(ctx, logits, num_samples, *, output_dtype, **_):
    _check_rank(ctx, logits, 2)
    _check_rank(ctx, num_samples, 0)
    count = scalar_value(num_samples)
    if count is not None and count < 0:
        message = str(ctx.error(f"Dimension size, given by scalar input 1, must be non-negative but is {count}"))
        raise ValueError(f"{message[:-1]} and with computed input tensors: input[1] = <{count}>.")
    batch = None if logits._shape is None else logits._shape[0]
    return [((batch, count), output_dtype)]


def _multinomial_kernel(ctx, logits, num_samples, *, output_dtype, **_):
    count = int(_static(ctx, num_samples, "num_samples"))
    samples = jax.random.categorical(ctx.rng_key(), logits, axis=-1, shape=(count, logits.shape[0]))
    return samples.T.astype(dtypes.jax_dtype(output_dtype))


declare("Multinomial", _multinomial_infer, _multinomial_kernel, attrs={"output_dtype": dtypes.int64, **_SEEDS},
        random=True)


def _gamma_infer(ctx, shape, alpha, **_):
    return [(_concat(_shape_input(ctx, shape), alpha._shape), alpha.dtype.base_dtype)]


def _gamma_kernel(ctx, shape, alpha, *, T, **_):  # noqa: N803
    dims = _dims(ctx, shape) + tuple(np.shape(alpha))
    return jax.random.gamma(ctx.rng_key(), alpha, dims, dtypes.jax_dtype(T))


declare("RandomGamma", _gamma_infer, _gamma_kernel, attrs={"T": dtypes.float32, **_SEEDS}, type_attr="S",
        random=True)


def _poisson_infer(ctx, shape, rate, *, dtype, **_):
    if dtype not in _POISSON_DTYPES:
        raise _not_allowed("dtype", dtype, _POISSON_DTYPES)
    return [(_concat(_shape_input(ctx, shape), rate._shape), dtype)]


def _poisson_kernel(ctx, shape, rate, *, dtype, **_):
    dims = _dims(ctx, shape) + tuple(np.shape(rate))
    rate = jnp.asarray(rate, jnp.float64 if rate.dtype == jnp.float64 else jnp.float32)
    return jax.random.poisson(ctx.rng_key(threefry=True), rate, dims, jnp.int64).astype(dtypes.jax_dtype(dtype))


declare("RandomPoissonV2", _poisson_infer, _poisson_kernel, attrs={"R": dtypes.float32, "dtype": dtypes.int64,
                                                                    **_SEEDS}, type_attr="S", random=True)


# ---- API -------------------------------------------------------------------------------------------
def _shape_tensor(shape):
    """TF's `shape` argument as a tensor named 'shape' (an empty list is int32, a TensorShape a list)."""
    if isinstance(shape, TensorShape):
        shape = shape.as_list()
    empty = isinstance(shape, (list, tuple)) and not shape
    return convert_to_tensor(shape, dtype=dtypes.int32 if empty else None, name="shape")


def _seed_attrs(seed):
    seed1, seed2 = get_seed(seed)
    return {"seed": seed1 or 0, "seed2": seed2 or 0}


def _scaled(op_type, shape, mean, stddev, dtype, seed, name, default_name):
    with name_scope(name, default_name, [shape, mean, stddev]) as scope:
        dtype = dtypes.as_dtype(dtype)
        shape = _shape_tensor(shape)
        mean = convert_to_tensor(mean, dtype=dtype, name="mean")
        stddev = convert_to_tensor(stddev, dtype=dtype, name="stddev")
        rnd = create1(op_type, [shape], None, dtype=dtype, **_seed_attrs(seed))
        return create1("AddV2", [create1("Mul", [rnd, stddev], "mul"), mean], scope)


def random_normal(shape, mean=0.0, stddev=1.0, dtype=dtypes.float32, seed=None, name=None):
    """`tf.random_normal`: RandomStandardNormal, then `mul` by stddev and an AddV2 of mean.

    >>> import scopeflow as tf
    >>> with tf.Graph().as_default():
    ...     print(random_normal([2, 3]).name)
    random_normal:0
    """
    return _scaled("RandomStandardNormal", shape, mean, stddev, dtype, seed, name, "random_normal")


def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=dtypes.float32, seed=None, name=None):
    """`tf.truncated_normal`: normal values redrawn beyond two standard deviations."""
    return _scaled("TruncatedNormal", shape, mean, stddev, dtype, seed, name, "truncated_normal")


def random_uniform(shape, minval=0, maxval=None, dtype=dtypes.float32, seed=None, name=None):
    """`tf.random_uniform`: RandomUniform scaled to [minval, maxval), or RandomUniformInt for ints.

    Like the reference, the default float range [0, 1) returns `RandomUniform` itself and a Python 0
    minval returns `.../Mul` (golden: ops_random.json, uniform_* cases).
    """
    dtype = dtypes.as_dtype(dtype)
    if dtype not in _UNIFORM_DTYPES:
        raise ValueError(f"Argument `dtype` got invalid value {dtype}. Accepted dtypes are "
                         f"({', '.join(repr(d) for d in _UNIFORM_DTYPES)}).")
    if maxval is None:
        if dtype.is_integer:
            raise ValueError(f"Must specify maxval for integer dtype {dtype!r}")
        maxval = 1
    min_is_zero = isinstance(minval, int) and minval == 0
    max_is_one = isinstance(maxval, int) and maxval == 1
    with name_scope(name, "random_uniform", [shape, minval, maxval]) as scope:
        shape = _shape_tensor(shape)
        if dtype.is_integer:
            minval = convert_to_tensor(minval, dtype=dtype, name="min")
            maxval = convert_to_tensor(maxval, dtype=dtype, name="max")
            return create1("RandomUniformInt", [shape, minval, maxval], scope, Tout=dtype, **_seed_attrs(seed))
        if min_is_zero and max_is_one:
            return create1("RandomUniform", [shape], None, dtype=dtype, **_seed_attrs(seed))
        minval = convert_to_tensor(minval, dtype=dtype, name="min")
        maxval = convert_to_tensor(maxval, dtype=dtype, name="max")
        rnd = create1("RandomUniform", [shape], None, dtype=dtype, **_seed_attrs(seed))
        if min_is_zero:
            return create1("Mul", [rnd, maxval], None)
        return create1("AddV2", [create1("Mul", [rnd, create1("Sub", [maxval, minval], "sub")], "mul"), minval],
                       scope)


def random_shuffle(value, seed=None, name=None):
    """`tf.random_shuffle`: a permutation along the first dimension."""
    seeds = _seed_attrs(seed)
    with name_scope(name, "RandomShuffle", [value]) as scope:
        value = convert_to_tensor(value, name="value")
        return create1("RandomShuffle", [value], scope, **seeds)


def random_crop(value, size, seed=None, name=None):
    """`tf.random_crop`: a Slice of `size` at a random offset, after an Assert that it fits."""
    with name_scope(name, "random_crop", [value, size]) as scope:
        value = convert_to_tensor(value, name="value")
        size = convert_to_tensor(size, dtype=dtypes.int32, name="size")
        shape = shape_ops.shape(value)
        check = Assert(reduction_ops.reduce_all(shape >= size), ["Need value.shape >= size, got ", shape, size],
                       summarize=1000)
        shape = with_dependencies([check], shape)
        limit = shape - size + 1
        offset = random_uniform(shape_ops.shape(shape), dtype=size.dtype, maxval=size.dtype.max, seed=seed) % limit
        return slicing.slice(value, offset, size, name=scope)


def _multinomial(logits, num_samples, seed, output_dtype):
    logits = convert_to_tensor(logits, name="logits")
    seeds = _seed_attrs(seed)
    with name_scope(None, "Multinomial", [logits]) as scope:
        num_samples = convert_to_tensor(num_samples, dtype=dtypes.int32, name="num_samples")
        return create1("Multinomial", [logits, num_samples], scope, output_dtype=dtypes.as_dtype(output_dtype),
                       **seeds)


def multinomial(logits, num_samples, seed=None, name=None, output_dtype=None):
    """`tf.multinomial`: class indices drawn from 2-D `logits`, int64 unless `output_dtype` says."""
    with name_scope(name, "multinomial", [logits]):
        return _multinomial(logits, num_samples, seed, output_dtype or dtypes.int64)


def categorical(logits, num_samples, dtype=None, seed=None, name=None):
    """`tf.random.categorical`: `multinomial` under the name `categorical`."""
    with name_scope(name, "categorical", [logits]):
        return _multinomial(logits, num_samples, seed, dtype or dtypes.int64)


def random_gamma(shape, alpha, beta=None, dtype=dtypes.float32, seed=None, name=None):
    """`tf.random_gamma`: samples of shape `shape + broadcast(alpha, beta).shape`, divided by beta."""
    with name_scope(name, "random_gamma", [shape, alpha, beta]):
        dtype = dtypes.as_dtype(dtype)
        shape = _shape_tensor(shape)
        alpha = convert_to_tensor(alpha, name="alpha", dtype=dtype)
        beta = convert_to_tensor(beta if beta is not None else 1, name="beta", dtype=dtype)
        tiny = np.finfo(dtype.as_numpy_dtype).tiny    # ValueError for integer dtypes, as in TF
        broadcast = create1("BroadcastArgs", [shape_ops.shape(alpha), shape_ops.shape(beta)], None)
        alpha = create1("BroadcastTo", [alpha, broadcast], None)
        gamma = create1("RandomGamma", [shape, alpha], None, T=dtype, **_seed_attrs(seed))
        quotient = create1("RealDiv", [gamma, beta], "truediv")
        with name_scope(None, "Maximum", [quotient]) as scope:
            floor = convert_to_tensor(tiny, dtype=dtype, name="x")
            return create1("Maximum", [floor, quotient], scope)


def random_poisson(lam, shape, dtype=dtypes.float32, seed=None, name=None):
    """`tf.random_poisson`: samples of shape `shape + lam.shape` (op RandomPoissonV2)."""
    with name_scope(name, "random_poisson", [lam, shape]):
        shape = _shape_tensor(shape)
        seeds = _seed_attrs(seed)
        with name_scope(None, "RandomPoissonV2", [shape, lam]) as scope:
            rate = convert_to_tensor(lam, name="rate")
            return create1("RandomPoissonV2", [shape, rate], scope, R=rate.dtype.base_dtype,
                           dtype=dtypes.as_dtype(dtype), **seeds)


__all__ = ["random_normal", "truncated_normal", "random_uniform", "random_shuffle", "random_crop", "multinomial",
           "categorical", "random_gamma", "random_poisson"]
