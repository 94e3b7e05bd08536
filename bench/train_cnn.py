"""Training steps/s of a small CNN on 32x32x3 inputs, Momentum, batch 64, float32.

Model: 3 x (conv 3x3 SAME, no bias -> batch norm in training mode -> relu), max pool 2x2, dense to 10
classes, mean softmax cross-entropy. The batch-norm moving averages are assigned by ops in UPDATE_OPS,
and the train op is built under `control_dependencies(UPDATE_OPS)` as TF1 scripts do.
Usage: python bench/train_cnn.py [--quick] [--tf PYTHON | --no-tf] [--no-jax] [--style nn|layers]
  [--jax-pool reduce_window|reshape]
`--style nn` (default) builds with tf.nn.conv2d / tf.nn.fused_batch_norm / tf.nn.max_pool and
get_variable; `--style layers` with tf.layers.conv2d / batch_normalization / max_pooling2d / dense.
The same model function runs on scopeflow and on TensorFlow compat.v1 (bench/_compare.py). The JAX
column is the model written directly in JAX (one jitted step, hand-written momentum, buffers donated):
by default as a JAX user writes it (max pool through `lax.reduce_window`, as flax's max_pool);
`--jax-pool reshape` uses the reshape-and-max pool (bench/nn_kernels.py), XLA:CPU's fast formulation.
"""
import numpy as np

from _train import add_options, loss_note, run_rounds, session_steps_per_second, step_rows, steps_per_second, table

EPSILON = 1e-3
BN_MOMENTUM = 0.99


def add_arguments(parser):
    add_options(parser, batch=64, size=32, channels=3, filters=32, classes=10, learning_rate=0.01,
                momentum=0.9, style="nn", jax_pool="reduce_window")


def batches(args, count=4):
    rng = np.random.RandomState(0)
    return [(rng.randn(args.batch, args.size, args.size, args.channels).astype(np.float32),
             rng.randint(0, args.classes, size=args.batch).astype(np.int32)) for _ in range(count)]


def _batch_norm(tf, h):
    """Training-mode batch norm with tf.nn.fused_batch_norm; the moving averages' updates go to
    UPDATE_OPS (what tf.layers.batch_normalization does)."""
    depth = h.shape[-1]
    gamma = tf.get_variable("gamma", [depth], tf.float32, tf.ones_initializer())
    beta = tf.get_variable("beta", [depth], tf.float32, tf.zeros_initializer())
    moving_mean = tf.get_variable("moving_mean", [depth], tf.float32, tf.zeros_initializer(), trainable=False)
    moving_var = tf.get_variable("moving_variance", [depth], tf.float32, tf.ones_initializer(), trainable=False)
    y, mean, variance = tf.nn.fused_batch_norm(h, gamma, beta, epsilon=EPSILON, is_training=True)
    for moving, batch in [(moving_mean, mean), (moving_var, variance)]:
        update = tf.assign_sub(moving, (moving - batch) * (1 - BN_MOMENTUM))
        tf.add_to_collection(tf.GraphKeys.UPDATE_OPS, update)
    return y


def model(tf, x, args):
    """Logits of the CNN for a TF1-style module `tf`, written once for scopeflow and TensorFlow."""
    h = x
    for i in range(3):
        with tf.variable_scope(f"conv{i}"):
            if args.style == "layers":
                h = tf.layers.conv2d(h, args.filters, 3, padding="same", use_bias=False)
                h = tf.layers.batch_normalization(h, momentum=BN_MOMENTUM, epsilon=EPSILON, training=True)
            else:
                w = tf.get_variable("kernel", [3, 3, h.shape[-1], args.filters], tf.float32,
                                    tf.glorot_uniform_initializer())
                h = tf.nn.conv2d(h, w, [1, 1, 1, 1], "SAME")
                h = _batch_norm(tf, h)
            h = tf.nn.relu(h)
    if args.style == "layers":
        h = tf.layers.max_pooling2d(h, 2, 2)
        h = tf.reshape(h, [-1, (args.size // 2) ** 2 * args.filters])
        return tf.layers.dense(h, args.classes)
    h = tf.nn.max_pool(h, [1, 2, 2, 1], [1, 2, 2, 1], "VALID")
    h = tf.reshape(h, [-1, (args.size // 2) ** 2 * args.filters])
    w = tf.get_variable("dense/kernel", [h.shape[-1], args.classes], tf.float32, tf.glorot_uniform_initializer())
    b = tf.get_variable("dense/bias", [args.classes], tf.float32, tf.zeros_initializer())
    return tf.matmul(h, w) + b


def build(tf, args):
    x = tf.placeholder(tf.float32, [None, args.size, args.size, args.channels], name="x")
    labels = tf.placeholder(tf.int32, [None], name="labels")
    logits = model(tf, x, args)
    loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits))
    with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
        train_op = tf.train.MomentumOptimizer(args.learning_rate, args.momentum).minimize(loss)
    return x, labels, loss, train_op


def measure(tf, args):
    """Steps/s of `sess.run(train_op, feed)` for a TF1-style module `tf` (scopeflow or TF's compat.v1)."""
    data = batches(args)
    with tf.Graph().as_default() as graph:
        x, labels, loss, train_op = build(tf, args)
        init = tf.global_variables_initializer()
        moving = [v for v in tf.global_variables() if "moving_mean" in v.name][-1]
    return session_steps_per_second(tf, graph, init, (x, labels), train_op, loss, moving, data, args)


# ---- the same model in JAX -----------------------------------------------------------------------------------
def _glorot(rng, shape, fan_in, fan_out):
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, shape).astype(np.float32)


def measure_jax(args):
    import jax
    import jax.numpy as jnp
    from jax import lax

    rng = np.random.RandomState(1)
    params, stats = {}, {}
    cin = args.channels
    for i in range(3):
        params[f"conv{i}"] = _glorot(rng, (3, 3, cin, args.filters), 9 * cin, 9 * args.filters)
        params[f"gamma{i}"] = np.ones(args.filters, np.float32)
        params[f"beta{i}"] = np.zeros(args.filters, np.float32)
        stats[f"mean{i}"] = np.zeros(args.filters, np.float32)
        stats[f"var{i}"] = np.ones(args.filters, np.float32)
        cin = args.filters
    flat = (args.size // 2) ** 2 * args.filters
    params["dense"] = _glorot(rng, (flat, args.classes), flat, args.classes)
    params["bias"] = np.zeros(args.classes, np.float32)
    params = {k: jnp.asarray(v) for k, v in params.items()}
    stats = {k: jnp.asarray(v) for k, v in stats.items()}
    velocity = {k: jnp.zeros_like(v) for k, v in params.items()}
    lr, momentum, eps = np.float32(args.learning_rate), np.float32(args.momentum), np.float32(EPSILON)
    decay = np.float32(1 - BN_MOMENTUM)

    def pool(h):
        if args.jax_pool == "reshape":
            n, height, width, c = h.shape
            return h.reshape(n, height // 2, 2, width // 2, 2, c).max(axis=(2, 4))
        return lax.reduce_window(h, -jnp.inf, lax.max, (1, 2, 2, 1), (1, 2, 2, 1), "VALID")

    def loss_fn(params, x, y):
        h, batch_stats = x, {}
        for i in range(3):
            h = lax.conv_general_dilated(h, params[f"conv{i}"], (1, 1), "SAME",
                                         dimension_numbers=("NHWC", "HWIO", "NHWC"))
            mean = jnp.mean(h, axis=(0, 1, 2))
            var = jnp.var(h, axis=(0, 1, 2))
            h = (h - mean) * lax.rsqrt(var + eps) * params[f"gamma{i}"] + params[f"beta{i}"]
            h = jax.nn.relu(h)
            count = h.shape[0] * h.shape[1] * h.shape[2]
            batch_stats[f"mean{i}"], batch_stats[f"var{i}"] = mean, var * np.float32(count / (count - 1))
        h = pool(h).reshape(h.shape[0], -1)
        logits = h @ params["dense"] + params["bias"]
        logp = jax.nn.log_softmax(logits)
        return -jnp.mean(jnp.take_along_axis(logp, y[:, None], axis=1)), batch_stats

    def train_step(state, x, y):
        params, velocity, stats = state
        grads, batch_stats = jax.grad(loss_fn, has_aux=True)(params, x, y)
        velocity = {k: velocity[k] * momentum + grads[k] for k in params}
        params = {k: params[k] - lr * velocity[k] for k in params}
        stats = {k: stats[k] - (stats[k] - batch_stats[k]) * decay for k in stats}
        return params, velocity, stats

    jitted = jax.jit(train_step, donate_argnums=(0,))
    data = batches(args)
    holder = [(params, velocity, stats), 0]

    def step():
        xs, ys = data[holder[1] % len(data)]
        holder[0] = jitted(holder[0], xs, ys)
        holder[1] += 1

    result = steps_per_second(step, lambda: jax.block_until_ready(holder[0]), args)
    result["loss"] = float(loss_fn(holder[0][0], *data[0])[0])
    return result


def main():
    ours, theirs, jax_row, args, loads = run_rounds(__file__, measure, measure_jax, add_arguments)
    title = (f"CNN 3x(conv3x3-{args.filters} + BN + relu), maxpool, dense; {args.size}x{args.size}x"
             f"{args.channels}, Momentum, batch {args.batch} (style {args.style}, JAX pool {args.jax_pool})")
    table(title, step_rows(ours, theirs, jax_row), loads, note=loss_note(ours, theirs, jax_row))


if __name__ == "__main__":
    main()
