"""Golden cases for the initializers (issue 4, section 3): graph structure, configs, errors, statistics.

Random values cannot match TF's bit for bit, so statistics are checked inside the snippet against TF's
formulas (the recorded result is True/False) and shapes/dtypes/names are recorded as they are.
"""

_OPS = "[(o.name, o.type) for o in tf.get_default_graph().get_operations()]"

# draws `init` for `shape` and prints (mean, std, min, max) closeness to the expected moments
_STATS = """
def stats(init, shape, mean, std, low=None, high=None, dtype=tf.float32):
    x = init(shape, dtype=dtype)
    with tf.Session() as sess:
        v = sess.run(x)
    ok_mean = abs(float(v.mean()) - mean) < 0.03 * max(std, 1e-3) * 3
    ok_std = abs(float(v.std()) - std) < 0.03 * std
    ok_low = low is None or float(v.min()) >= low - 1e-6
    ok_high = high is None or float(v.max()) <= high + 1e-6
    out(x.name, x.dtype.name, str(x.shape), ok_mean, ok_std, ok_low, ok_high)
"""

CASES = {
    "structure_zeros_ones_constant": f"""
tf.zeros_initializer()([2, 3])
tf.zeros_initializer()([40, 30])
tf.zeros_initializer(dtype=tf.int32)([2])
tf.ones_initializer()([2, 3])
tf.constant_initializer([1, 2])([5])
tf.constant_initializer(3)([2, 2], dtype=tf.int32)
out({_OPS})
""",
    "structure_random": f"""
tf.random_normal_initializer()([2, 3])
tf.truncated_normal_initializer()([2, 3])
tf.random_uniform_initializer()([2, 3])
tf.random_uniform_initializer(0, 10, dtype=tf.int32)([2, 3])
tf.uniform_unit_scaling_initializer()([2, 3])
out({_OPS})
""",
    "structure_variance_scaling": f"""
tf.variance_scaling_initializer()([2, 3])
tf.variance_scaling_initializer(distribution="uniform")([2, 3])
tf.variance_scaling_initializer(distribution="untruncated_normal")([2, 3])
tf.glorot_uniform_initializer()([2, 3])
tf.glorot_normal_initializer()([2, 3])
tf.initializers.he_normal()([2, 3])
tf.initializers.lecun_uniform()([2, 3])
out({_OPS})
""",
    "structure_orthogonal": f"""
tf.orthogonal_initializer()([2, 3])
tf.orthogonal_initializer(gain=2.)([3, 2])
out({_OPS})
""",
    "structure_identity": f"""
x = tf.initializers.identity()([2, 3])
out(x.name, {_OPS})
""",
    "values_deterministic": """
xs = [tf.zeros_initializer()([2, 3]), tf.ones_initializer(dtype=tf.int64)([2]),
      tf.constant_initializer([1, 2])([5]), tf.constant_initializer(3)([2, 2], dtype=tf.int32),
      tf.constant_initializer([[1, 2], [3, 4]])([2, 2]), tf.initializers.identity(gain=3.)([2, 3]),
      tf.initializers.identity()([3, 2], dtype=tf.float64), tf.zeros_initializer()([40, 30])]
with tf.Session() as sess:
    vals = sess.run(xs)
out(vals[:-1], vals[-1].shape, float(vals[-1].sum()))
""",
    "configs": """
inits = [tf.zeros_initializer(), tf.ones_initializer(dtype=tf.int32), tf.constant_initializer([1, 2]),
         tf.random_normal_initializer(1., 2., seed=3), tf.truncated_normal_initializer(),
         tf.random_uniform_initializer(), tf.random_uniform_initializer(0, 3),
         tf.uniform_unit_scaling_initializer(factor=2.), tf.variance_scaling_initializer(),
         tf.variance_scaling_initializer(2., "fan_avg", "NORMAL", seed=1), tf.orthogonal_initializer(),
         tf.initializers.identity(), tf.glorot_uniform_initializer(), tf.glorot_normal_initializer(seed=5),
         tf.initializers.he_normal(), tf.initializers.he_uniform(), tf.initializers.lecun_normal(),
         tf.initializers.lecun_uniform()]
out([(type(i).__name__, i.get_config()) for i in inits])
""",
    "namespace": """
names = ["constant", "global_variables", "glorot_normal", "glorot_uniform", "he_normal", "he_uniform",
         "identity", "lecun_normal", "lecun_uniform", "local_variables", "ones", "orthogonal", "random_normal",
         "random_uniform", "truncated_normal", "uniform_unit_scaling", "variables", "variance_scaling", "zeros"]
out([hasattr(tf.initializers, n) for n in names])
out(tf.initializers.zeros is tf.zeros_initializer, tf.initializers.glorot_uniform is tf.glorot_uniform_initializer)
""",
    "constant_verify_shape": """
tf.constant_initializer([1, 2], verify_shape=True)([5])
""",
    "constant_bad_type": """
tf.constant_initializer({"a": 1})
""",
    "ones_string_error": """
tf.ones_initializer()([2], dtype=tf.string)
""",
    "random_normal_int_dtype": """
tf.random_normal_initializer(dtype=tf.int32)
""",
    "random_normal_int_call": """
tf.random_normal_initializer()([2], dtype=tf.int32)
""",
    "glorot_int_call": """
tf.glorot_uniform_initializer()([2], dtype=tf.int32)
""",
    "variance_scaling_bad_scale": """
tf.variance_scaling_initializer(scale=-1.)
""",
    "variance_scaling_bad_mode": """
tf.variance_scaling_initializer(mode="x")
""",
    "variance_scaling_bad_distribution": """
tf.variance_scaling_initializer(distribution="x")
""",
    "orthogonal_1d": """
tf.orthogonal_initializer()([2])
""",
    "orthogonal_tensorshape": """
tf.orthogonal_initializer()(tf.TensorShape([2]))
""",
    "identity_3d": """
tf.initializers.identity()([2, 2, 2])
""",
    "stats_random_normal": _STATS + """
stats(tf.random_normal_initializer(1.0, 2.0), [200, 300], 1.0, 2.0)
stats(tf.truncated_normal_initializer(0.0, 1.0), [200, 300], 0.0, 0.8796, -2.0, 2.0)
""",
    "stats_random_uniform": _STATS + """
stats(tf.random_uniform_initializer(-1.0, 3.0), [200, 300], 1.0, 4.0 / 12 ** 0.5, -1.0, 3.0)
stats(tf.random_uniform_initializer(), [200, 300], 0.5, 1.0 / 12 ** 0.5, 0.0, 1.0)
stats(tf.uniform_unit_scaling_initializer(factor=2.0), [300, 200], 0.0, 2.0 * (3 / 300.) ** 0.5 / 3 ** 0.5,
      -2.0 * (3 / 300.) ** 0.5, 2.0 * (3 / 300.) ** 0.5)
""",
    "stats_variance_scaling_modes": _STATS + """
# fan_in = 100, fan_out = 600 (a [100, 600] matrix); the truncated draw is corrected to the wanted std
stats(tf.variance_scaling_initializer(), [100, 600], 0.0, (1 / 100.) ** 0.5, -2 * (1 / 100.) ** 0.5 / .8796,
      2 * (1 / 100.) ** 0.5 / .8796)
stats(tf.variance_scaling_initializer(2.0, "fan_out", "untruncated_normal"), [100, 600], 0.0, (2 / 600.) ** 0.5)
stats(tf.variance_scaling_initializer(1.0, "fan_avg", "uniform"), [100, 600], 0.0, (1 / 350.) ** 0.5,
      -(3 / 350.) ** 0.5, (3 / 350.) ** 0.5)
""",
    "stats_conv_fans": _STATS + """
# a 3x3 conv kernel with 20 input and 40 output channels: fan_in = 180, fan_out = 360
stats(tf.glorot_uniform_initializer(), [3, 3, 20, 40], 0.0, (2 / 540.) ** 0.5, -(6 / 540.) ** 0.5,
      (6 / 540.) ** 0.5)
stats(tf.glorot_normal_initializer(), [3, 3, 20, 40], 0.0, (2 / 540.) ** 0.5)
stats(tf.initializers.he_normal(), [3, 3, 20, 40], 0.0, (2 / 180.) ** 0.5)
stats(tf.initializers.he_uniform(), [3, 3, 20, 40], 0.0, (2 / 180.) ** 0.5, -(6 / 180.) ** 0.5,
      (6 / 180.) ** 0.5)
stats(tf.initializers.lecun_normal(), [3, 3, 20, 40], 0.0, (1 / 180.) ** 0.5)
stats(tf.initializers.lecun_uniform(), [3, 3, 20, 40], 0.0, (1 / 180.) ** 0.5)
""",
    "orthogonal_values": """
xs = [tf.orthogonal_initializer()([4, 6]), tf.orthogonal_initializer(gain=2.)([6, 4]),
      tf.orthogonal_initializer()([2, 3, 5])]
with tf.Session() as sess:
    a, b, c = sess.run(xs)
out(np.allclose(a @ a.T, np.eye(4), atol=1e-5), np.allclose(b.T @ b, 4 * np.eye(4), atol=1e-4))
c2 = c.reshape(6, 5)
out(np.allclose(c2.T @ c2, np.eye(5), atol=1e-5), a.shape, b.shape, c.shape)
""",
    "seeded_determinism": """
tf.set_random_seed(7)
a = tf.glorot_uniform_initializer(seed=3)([3, 4])
b = tf.glorot_uniform_initializer(seed=3)([3, 4])
with tf.Session() as sess:
    va, vb = sess.run([a, b])
    va2 = sess.run(a)
with tf.Session() as sess:
    va3 = sess.run(a)
out(bool((va == vb).all()), bool((va == va2).all()), bool((va == va3).all()))
""",
    "variable_with_initializer": """
w = tf.Variable(tf.zeros_initializer()([2]), name="z")
g = tf.Variable(lambda: tf.glorot_uniform_initializer()([2, 2]), name="g")
c = tf.Variable(lambda: tf.constant_initializer(5.)([3]), name="c")
out(w.initial_value.name, g.initial_value.name, c.initial_value.name)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out(sess.run(w), sess.run(c), sess.run(g).shape)
""",
    "initializer_without_shape": """
tf.Variable(tf.glorot_uniform_initializer(), name="z")
""",
}
