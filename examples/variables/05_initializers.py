"""Lesson 5: the initializers of tf.get_variable, and initial values of tf.Variable.

The list of the seed tutorial "tensorflow的变量初始化和scope" (shared/seeds/000), one variable each.
Deterministic initializers print their values exactly. Random ones print what does not depend on the
random generator: name, shape, dtype, where the initial value lives in the graph, and checks of the
distribution (bounds, mean and spread within generous tolerances, orthogonality), so the output can be
compared line for line with TensorFlow's. Note that an initializer takes no shape: get_variable passes
its own `shape` to it.
"""
import numpy as np
import tensorflow as tf

variables = []


def get(name, shape, initializer, dtype=tf.float32):
    v = tf.get_variable(name, shape, dtype=dtype, initializer=initializer)
    variables.append(v)
    return v


def describe(v, value):
    print(v.name, v.shape, v.dtype.name, value.dtype, '<-', v.initial_value.op.name)


def stats(value, mean, std, bound=None, tol=0.1):
    """Whether the sample mean/std are within `tol` * std of what the distribution promises (the
    tolerance is about 10 standard errors for 10,000 samples), and all values within +-bound."""
    checks = [abs(value.mean() - mean) < tol * std, abs(value.std() - std) < tol * std]
    if bound is not None:
        checks.append(bool(np.all(np.abs(value - mean) <= bound)))
    return [bool(c) for c in checks]


# --- deterministic initializers: exact values -------------------------------------------------------
const = get('const', [2, 3], tf.constant_initializer(0.5))
const_list = get('const_list', [2, 3], tf.constant_initializer([1, 2, 3, 4, 5, 6]))
const_pad = get('const_pad', [5], tf.constant_initializer([1, 2]))  # pads with the last value
zeros = get('zeros', [2, 2], tf.zeros_initializer())
ones = get('ones', [2, 2], tf.ones_initializer())
int_default = get('int_default', [3], None, dtype=tf.int32)  # default for integers: zeros
identity = get('identity', [2, 3], tf.initializers.identity(gain=3.0))
# The initializer may also be a value (numpy array or Tensor); the shape then comes from the value.
from_numpy = tf.get_variable('from_numpy', initializer=np.array([[1, 2], [3, 4]], dtype=np.float32))
from_tensor = tf.get_variable('from_tensor', initializer=tf.constant([7, 8, 9]))
variables += [from_numpy, from_tensor]

# --- random initializers: statistics ---------------------------------------------------------------
n = [100, 100]  # 10,000 samples, fan_in = fan_out = 100
conv = [3, 3, 4, 8]  # a conv kernel: fan_in = 3 * 3 * 4 = 36, fan_out = 3 * 3 * 8 = 72
normal = get('normal', n, tf.random_normal_initializer(mean=1.0, stddev=0.5, seed=1))
normal_again = get('normal_again', n, tf.random_normal_initializer(mean=1.0, stddev=0.5, seed=1))
truncated = get('truncated', n, tf.truncated_normal_initializer(mean=0.0, stddev=1.0, seed=2))
uniform = get('uniform', n, tf.random_uniform_initializer(minval=-1.0, maxval=1.0, seed=3))
unit_scaling = get('unit_scaling', n, tf.uniform_unit_scaling_initializer(factor=1.0, seed=4))
vs_normal = get('vs_normal', n, tf.variance_scaling_initializer(
    scale=2.0, mode='fan_in', distribution='truncated_normal', seed=5))
vs_uniform = get('vs_uniform', conv, tf.variance_scaling_initializer(
    scale=1.0, mode='fan_avg', distribution='uniform', seed=6))
glorot_uniform = get('glorot_uniform', conv, tf.glorot_uniform_initializer(seed=7))
glorot_normal = get('glorot_normal', n, tf.glorot_normal_initializer(seed=8))
he_uniform = get('he_uniform', conv, tf.initializers.he_uniform(seed=14))
orthogonal = get('orthogonal', [3, 5], tf.orthogonal_initializer(gain=2.0, seed=9))
orthogonal_square = get('orthogonal_square', [4, 4], tf.orthogonal_initializer(seed=10))

# --- tf.Variable takes an initial value (a Tensor), not an initializer ------------------------------
# Watch the names of the initial values: TF makes op names unique ignoring case, and the variables
# above took "const", "zeros" and "ones", so from_tensor's tf.constant above is "Const_1", the one
# below "Const_2", and tf.zeros / tf.ones below are "zeros_1" / "ones_1".
v_zeros = tf.Variable(tf.zeros([2, 3], dtype=tf.int32), name='v_zeros')
v_ones = tf.Variable(tf.ones([3]), name='v_ones')
v_fill = tf.Variable(tf.fill([2, 2], 9.0), name='v_fill')
v_constant = tf.Variable(tf.constant(-1.0, shape=[2, 2]), name='v_constant')
v_normal = tf.Variable(tf.random_normal([100, 100], mean=0.0, stddev=2.0, seed=11), name='v_normal')
v_truncated = tf.Variable(tf.truncated_normal([100, 100], stddev=0.1, seed=12), name='v_truncated')
v_uniform = tf.Variable(tf.random_uniform([100, 100], minval=2, maxval=12, seed=13), name='v_uniform')
variables += [v_zeros, v_ones, v_fill, v_constant, v_normal, v_truncated, v_uniform]

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    values = dict(zip(variables, sess.run(variables)))
    # Running the initializers again in the same session draws new numbers: a random op continues
    # its stream from run to run ...
    sess.run(tf.global_variables_initializer())
    same_session = dict(zip(variables, sess.run(variables)))
with tf.Session() as sess:
    # ... while a new session starts every stream afresh: with op seeds, the first run repeats.
    sess.run(tf.global_variables_initializer())
    new_session = dict(zip(variables, sess.run(variables)))

print('== exact values')
for v in (const, const_list, const_pad, zeros, ones, int_default, identity, from_numpy, from_tensor,
          v_zeros, v_ones, v_fill, v_constant):
    describe(v, values[v])
    print(values[v])

print('== random values: [mean ok, std ok, within bound]')
trunc = 0.87962566103423978  # std of a standard normal truncated to +-2 standard deviations
checks = [
    (normal, stats(values[normal], 1.0, 0.5)),
    (truncated, stats(values[truncated], 0.0, trunc, bound=2.0)),
    (uniform, stats(values[uniform], 0.0, 2.0 / np.sqrt(12.0), bound=1.0)),
    # uniform_unit_scaling: uniform in +-factor * sqrt(3 / fan_in)
    (unit_scaling, stats(values[unit_scaling], 0.0, np.sqrt(1.0 / 100), bound=np.sqrt(3.0 / 100))),
    # variance_scaling, truncated normal: std sqrt(scale / fan_in) after truncation at +-2 sigma
    (vs_normal, stats(values[vs_normal], 0.0, np.sqrt(2.0 / 100),
                      bound=2 * np.sqrt(2.0 / 100) / trunc)),
    # variance_scaling, uniform, fan_avg on a conv kernel: limit sqrt(3 * scale / ((36 + 72) / 2))
    (vs_uniform, stats(values[vs_uniform], 0.0, np.sqrt(1.0 / 54), bound=np.sqrt(3.0 / 54), tol=0.2)),
    # glorot (xavier) uniform on a conv kernel: limit sqrt(6 / (fan_in + fan_out))
    (glorot_uniform, stats(values[glorot_uniform], 0.0, np.sqrt(2.0 / 108), bound=np.sqrt(6.0 / 108),
                           tol=0.2)),
    # he uniform: variance_scaling(2.0, fan_in, uniform), limit sqrt(6 / fan_in)
    (he_uniform, stats(values[he_uniform], 0.0, np.sqrt(2.0 / 36), bound=np.sqrt(6.0 / 36), tol=0.2)),
    # glorot normal: truncated normal with std sqrt(2 / (fan_in + fan_out))
    (glorot_normal, stats(values[glorot_normal], 0.0, 0.1, bound=2 * 0.1 / trunc)),
    (v_normal, stats(values[v_normal], 0.0, 2.0)),
    (v_truncated, stats(values[v_truncated], 0.0, 0.1 * trunc, bound=0.2)),
    (v_uniform, stats(values[v_uniform], 7.0, 10.0 / np.sqrt(12.0), bound=5.0)),
]
for v, result in checks:
    describe(v, values[v])
    print('  ', result)

print('== orthogonal: W W^T = gain^2 I for the 3 x 5 matrix (its rows), W^T W = I for 4 x 4')
for v, product, expected in ((orthogonal, values[orthogonal] @ values[orthogonal].T, 4.0 * np.eye(3)),
                             (orthogonal_square, values[orthogonal_square].T @ values[orthogonal_square],
                              np.eye(4))):
    describe(v, values[v])
    print('  ', bool(np.allclose(product, expected, atol=1e-5)))

print('== seeds')
# The same op seed gives the same numbers, even in two different variables.
print(bool(np.array_equal(values[normal], values[normal_again])))
print('new session repeats all values:', all(np.array_equal(values[v], new_session[v]) for v in variables))
random = [v for v, _ in checks] + [normal_again, orthogonal, orthogonal_square]
print('same session, second run: random values changed:',
      [v.op.name for v in random if np.array_equal(values[v], same_session[v])] == [])
print('same session, second run: other values unchanged:',
      all(np.array_equal(values[v], same_session[v]) for v in variables if v not in random))
