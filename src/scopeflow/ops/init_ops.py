"""Initializers (`tf.zeros_initializer`, `tf.glorot_uniform_initializer` ...): TF1's classes and aliases.

An initializer is a value object: `init(shape, dtype=None, partition_info=None)` builds the ops TF builds
(`zeros`, `random_uniform/...`, `truncated_normal/...`, `Qr` ...) and `get_config()` gives back its
constructor arguments. Random initializers only pass their `seed` on to random_ops, so TF's graph/op
seed rules apply unchanged. Fan computation and the truncated-normal correction are TF's (golden:
tests/golden/init_ops.json holds the reference statistics).
"""
import math

import numpy as np

from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import constant
from scopeflow.framework.scopes import name_scope
from scopeflow.framework.tensor import Tensor
from scopeflow.framework.tensor_shape import as_shape
from scopeflow.ops import fill_ops, math_ops, random_ops, shape_ops
from scopeflow.ops.common import create, create1

# TF's constant: the std of a standard normal truncated to [-2, 2] is 0.8796...; dividing by it gives
# the truncated draw the requested variance
_TRUNCATED_STD = .87962566103423978


def _dims(shape):
    shape = as_shape(shape)
    return [d.value for d in shape.dims]


def _compute_fans(shape):
    """(fan_in, fan_out) as TF computes them; conv kernels multiply by the receptive field size."""
    if len(shape) < 1:
        return 1, 1
    if len(shape) == 1:
        return int(shape[0]), int(shape[0])
    if len(shape) == 2:
        return int(shape[0]), int(shape[1])
    receptive_field = 1
    for dim in shape[:-2]:
        receptive_field *= dim
    return int(shape[-2] * receptive_field), int(shape[-1] * receptive_field)


def _float_dtype(dtype):
    dtype = dtypes.as_dtype(dtype)
    if not dtype.is_floating:
        raise ValueError(f"Argument `dtype` is expected to be floating point. Received: {dtype}.")
    return dtype


class Initializer:
    """Base class: `__call__(shape, dtype=None, partition_info=None)` -> Tensor; `get_config()`."""

    def __call__(self, shape, dtype=None, partition_info=None):
        raise NotImplementedError

    def get_config(self):
        return {}

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        if "dtype" in config:
            config["dtype"] = dtypes.as_dtype(config["dtype"])
        return cls(**config)


class Zeros(Initializer):
    """`tf.zeros_initializer`: a tensor of zeros (`zeros:0`)."""

    def __init__(self, dtype=dtypes.float32):
        self.dtype = dtypes.as_dtype(dtype)

    def __call__(self, shape, dtype=None, partition_info=None):
        return fill_ops.zeros(_dims(shape), self.dtype if dtype is None else dtypes.as_dtype(dtype))

    def get_config(self):
        return {"dtype": self.dtype.name}


class Ones(Zeros):
    """`tf.ones_initializer`: a tensor of ones (`ones:0`)."""

    def __call__(self, shape, dtype=None, partition_info=None):
        return fill_ops.ones(_dims(shape), self.dtype if dtype is None else dtypes.as_dtype(dtype))


class Constant(Initializer):
    """`tf.constant_initializer(value)`: a `Const`; a short list is padded with its last value.

    >>> import scopeflow as tf
    >>> with tf.Graph().as_default(), tf.Session() as sess:
    ...     print(sess.run(tf.constant_initializer([1, 2])([5])))
    [1. 2. 2. 2. 2.]
    """

    def __init__(self, value=0, dtype=dtypes.float32, verify_shape=False):
        if not (np.isscalar(value) or isinstance(value, (list, tuple, np.ndarray))):
            raise TypeError(f"Invalid type for initial value={value} of type: {_type_name(value)}. Expected "
                            "Python scalar, list or tuple of values, or numpy.ndarray.")
        self.value = value
        self.dtype = dtypes.as_dtype(dtype)
        self._verify_shape = verify_shape

    def __call__(self, shape, dtype=None, partition_info=None, verify_shape=None):
        dtype = self.dtype if dtype is None else dtypes.as_dtype(dtype)
        verify_shape = self._verify_shape if verify_shape is None else verify_shape
        return constant(self.value, dtype=dtype, shape=_dims(shape), verify_shape=verify_shape)

    def get_config(self):
        return {"value": self.value, "dtype": self.dtype.name}


def _type_name(value):
    return "SymbolicTensor" if isinstance(value, Tensor) else type(value).__name__


class RandomUniform(Initializer):
    """`tf.random_uniform_initializer(minval=0, maxval=None)`: `random_uniform` (int dtypes too)."""

    def __init__(self, minval=.0, maxval=None, seed=None, dtype=dtypes.float32):
        self.minval, self.maxval, self.seed = minval, maxval, seed
        self.dtype = dtypes.as_dtype(dtype)

    def __call__(self, shape, dtype=None, partition_info=None):
        dtype = self.dtype if dtype is None else dtypes.as_dtype(dtype)
        return random_ops.random_uniform(shape, self.minval, self.maxval, dtype, seed=self.seed)

    def get_config(self):
        return {"minval": self.minval, "maxval": self.maxval, "seed": self.seed, "dtype": self.dtype.name}


class RandomNormal(Initializer):
    """`tf.random_normal_initializer(mean=0.0, stddev=1.0)`: `random_normal`."""
    _op = "random_normal"

    def __init__(self, mean=0.0, stddev=1.0, seed=None, dtype=dtypes.float32):
        self.mean, self.stddev, self.seed = mean, stddev, seed
        self.dtype = _float_dtype(dtype)

    def __call__(self, shape, dtype=None, partition_info=None):
        dtype = self.dtype if dtype is None else dtypes.as_dtype(dtype)
        fn = getattr(random_ops, self._op)
        return fn(shape, self.mean, self.stddev, dtype, seed=self.seed)

    def get_config(self):
        return {"mean": self.mean, "stddev": self.stddev, "seed": self.seed, "dtype": self.dtype.name}


class TruncatedNormal(RandomNormal):
    """`tf.truncated_normal_initializer(mean=0.0, stddev=1.0)`: `truncated_normal` (redraws beyond 2 std)."""
    _op = "truncated_normal"


class UniformUnitScaling(Initializer):
    """`tf.uniform_unit_scaling_initializer(factor=1.0)`: uniform in +-sqrt(3 / input_size) * factor."""

    def __init__(self, factor=1.0, seed=None, dtype=dtypes.float32):
        self.factor, self.seed = factor, seed
        self.dtype = _float_dtype(dtype)

    def __call__(self, shape, dtype=None, partition_info=None):
        dtype = self.dtype if dtype is None else dtypes.as_dtype(dtype)
        scale_shape = _dims(partition_info.full_shape if partition_info is not None else shape)
        input_size = 1.0
        for dim in scale_shape[:-1]:
            input_size *= float(dim)
        max_val = math.sqrt(3 / max(input_size, 1.0)) * self.factor
        return random_ops.random_uniform(shape, -max_val, max_val, dtype, seed=self.seed)

    def get_config(self):
        return {"factor": self.factor, "seed": self.seed, "dtype": self.dtype.name}


_MODES = ("fan_in", "fan_out", "fan_avg")
_DISTRIBUTIONS = ("normal", "uniform", "truncated_normal", "untruncated_normal")


class VarianceScaling(Initializer):
    """`tf.variance_scaling_initializer(scale=1.0, mode="fan_in", distribution="truncated_normal")`.

    Variance `scale / n` with n = fan_in, fan_out or their mean; "normal" means truncated_normal.
    """

    def __init__(self, scale=1.0, mode="fan_in", distribution="truncated_normal", seed=None,
                 dtype=dtypes.float32):
        if scale <= 0.:
            raise ValueError(f"Argument `scale` must be a positive float. Received: {scale}")
        if mode not in _MODES:
            raise ValueError(f"Argument `mode` should be one of ('fan_in', 'fan_out', 'fan_avg'). "
                             f"Received: {mode}")
        distribution = distribution.lower()
        if distribution not in _DISTRIBUTIONS:
            # TF's text lacks the quote before uniform (observed)
            raise ValueError("Argument `distribution` should be one of ('normal', uniform', "
                             f"'truncated_normal', 'untruncated_normal'). Received: {distribution}")
        self.scale, self.mode, self.distribution, self.seed = scale, mode, distribution, seed
        self.dtype = _float_dtype(dtype)

    def __call__(self, shape, dtype=None, partition_info=None):
        dtype = self.dtype if dtype is None else dtypes.as_dtype(dtype)
        scale_shape = _dims(partition_info.full_shape if partition_info is not None else shape)
        fan_in, fan_out = _compute_fans(scale_shape)
        n = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2.0}[self.mode]
        scale = self.scale / max(1., n)
        if self.distribution in ("normal", "truncated_normal"):
            stddev = math.sqrt(scale) / _TRUNCATED_STD
            return random_ops.truncated_normal(shape, 0.0, stddev, dtype, seed=self.seed)
        if self.distribution == "untruncated_normal":
            return random_ops.random_normal(shape, 0.0, math.sqrt(scale), dtype, seed=self.seed)
        limit = math.sqrt(3.0 * scale)
        return random_ops.random_uniform(shape, -limit, limit, dtype, seed=self.seed)

    def get_config(self):
        return {"scale": self.scale, "mode": self.mode, "distribution": self.distribution, "seed": self.seed,
                "dtype": self.dtype.name}


def _two_dimensional_error(shape):
    return ValueError("The tensor to initialize, specified by argument `shape` must be at least "
                      f"two-dimensional. Received shape={shape}")


class Orthogonal(Initializer):
    """`tf.orthogonal_initializer(gain=1.0)`: Q of the QR of a normal matrix, sign-fixed, times gain."""

    def __init__(self, gain=1.0, seed=None, dtype=dtypes.float32):
        self.gain, self.seed = gain, seed
        self.dtype = _float_dtype(dtype)

    def __call__(self, shape, dtype=None, partition_info=None):
        dtype = self.dtype if dtype is None else dtypes.as_dtype(dtype)
        dims = _dims(shape)
        if len(dims) < 2:
            raise _two_dimensional_error(shape)
        num_rows = int(np.prod(dims[:-1]))
        num_cols = dims[-1]
        flat_shape = (num_cols, num_rows) if num_rows < num_cols else (num_rows, num_cols)
        a = random_ops.random_normal(flat_shape, dtype=dtype, seed=self.seed)
        qr = create("Qr", [a], None, full_matrices=False)
        q, r = qr._outputs
        q = q * math_ops.sign(create1("DiagPart", [r]))   # TF: `q *= ...`, named `mul`
        if num_rows < num_cols:
            with name_scope(None, "matrix_transpose", [q]):
                q = shape_ops.transpose(q, [1, 0])
        return self.gain * shape_ops.reshape(q, dims)

    def get_config(self):
        return {"gain": self.gain, "seed": self.seed, "dtype": self.dtype.name}


class Identity(Initializer):
    """`tf.initializers.identity(gain=1.0)`: `gain * eye(rows, cols)` for 2-D shapes."""

    def __init__(self, gain=1.0, dtype=dtypes.float32):
        self.gain = gain
        self.dtype = _float_dtype(dtype)

    def __call__(self, shape, dtype=None, partition_info=None):
        dtype = self.dtype if dtype is None else dtypes.as_dtype(dtype)
        full_shape = _dims(partition_info.full_shape if partition_info is not None else shape)
        if len(full_shape) != 2:
            raise _two_dimensional_error(shape)
        initializer = fill_ops.eye(*full_shape, dtype=dtype)
        if partition_info is not None:   # this partition's block of the full identity
            with name_scope(None, "Slice") as scope:
                begin = constant(list(partition_info.var_offset), dtype=dtypes.int32, name="begin")
                size = constant(_dims(shape), dtype=dtypes.int32, name="size")
                initializer = create1("Slice", [initializer, begin, size], scope, Index=dtypes.int32)
        return self.gain * initializer

    def get_config(self):
        return {"gain": self.gain, "dtype": self.dtype.name}


class GlorotUniform(VarianceScaling):
    """`tf.glorot_uniform_initializer`: uniform, variance 1 / fan_avg (limit sqrt(6 / (in + out)))."""

    def __init__(self, seed=None, dtype=dtypes.float32):
        super().__init__(1.0, "fan_avg", "uniform", seed, dtype)

    def get_config(self):
        return {"seed": self.seed, "dtype": self.dtype.name}


class GlorotNormal(GlorotUniform):
    """`tf.glorot_normal_initializer`: truncated normal, variance 1 / fan_avg."""

    def __init__(self, seed=None, dtype=dtypes.float32):
        VarianceScaling.__init__(self, 1.0, "fan_avg", "truncated_normal", seed, dtype)


def lecun_normal(seed=None):
    return VarianceScaling(scale=1., mode="fan_in", distribution="truncated_normal", seed=seed)


def lecun_uniform(seed=None):
    return VarianceScaling(scale=1., mode="fan_in", distribution="uniform", seed=seed)


def he_normal(seed=None):
    return VarianceScaling(scale=2., mode="fan_in", distribution="truncated_normal", seed=seed)


def he_uniform(seed=None):
    return VarianceScaling(scale=2., mode="fan_in", distribution="uniform", seed=seed)


# TF's public aliases
zeros_initializer = Zeros
ones_initializer = Ones
constant_initializer = Constant
random_uniform_initializer = RandomUniform
random_normal_initializer = RandomNormal
truncated_normal_initializer = TruncatedNormal
uniform_unit_scaling_initializer = UniformUnitScaling
variance_scaling_initializer = VarianceScaling
glorot_uniform_initializer = GlorotUniform
glorot_normal_initializer = GlorotNormal
orthogonal_initializer = Orthogonal
identity_initializer = Identity

__all__ = ["Initializer", "Zeros", "Ones", "Constant", "RandomUniform", "RandomNormal", "TruncatedNormal",
           "UniformUnitScaling", "VarianceScaling", "Orthogonal", "Identity", "GlorotUniform",
           "GlorotNormal", "lecun_normal", "lecun_uniform", "he_normal", "he_uniform", "zeros_initializer",
           "ones_initializer", "constant_initializer", "random_uniform_initializer",
           "random_normal_initializer", "truncated_normal_initializer", "uniform_unit_scaling_initializer",
           "variance_scaling_initializer", "glorot_uniform_initializer", "glorot_normal_initializer",
           "orthogonal_initializer", "identity_initializer"]
