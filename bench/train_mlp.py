"""Training steps/s of an MLP 784-1024-1024-10 (relu, softmax cross-entropy), Adam, batch 256, float32.

Usage: python bench/train_mlp.py [--quick] [--tf PYTHON | --no-tf] [--no-jax]
Three columns from the same run on the same machine: scopeflow, TensorFlow compat.v1 (this file re-run
under the tf1ref interpreter, bench/_compare.py) and the same model written directly in JAX (one jitted
step, hand-written Adam, parameters and slots donated). Each step feeds a new numpy batch (4 batches
cycled), as a TF1 input loop does. Figures: steps/s and CPU time per step, pooled over rounds (bench/_train.py).
"""
import numpy as np

from _train import add_options, loss_note, run_rounds, session_steps_per_second, step_rows, steps_per_second, table


def add_arguments(parser):
    add_options(parser, batch=256, inputs=784, hidden=1024, classes=10, learning_rate=1e-3)


def batches(args, count=4):
    rng = np.random.RandomState(0)
    return [(rng.randn(args.batch, args.inputs).astype(np.float32),
             rng.randint(0, args.classes, size=args.batch).astype(np.int32)) for _ in range(count)]


def build(tf, args):
    """The TF1 model: placeholders, two relu layers, logits, mean cross-entropy, Adam's train op."""
    x = tf.placeholder(tf.float32, [None, args.inputs], name="x")
    labels = tf.placeholder(tf.int32, [None], name="labels")
    h = x
    for i, width in enumerate([args.hidden, args.hidden, args.classes]):
        w = tf.get_variable(f"w{i}", [h.shape[-1], width], tf.float32, tf.glorot_uniform_initializer())
        b = tf.get_variable(f"b{i}", [width], tf.float32, tf.zeros_initializer())
        h = tf.matmul(h, w) + b
        if i < 2:
            h = tf.nn.relu(h)
    loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=h))
    train_op = tf.train.AdamOptimizer(args.learning_rate).minimize(loss)
    return x, labels, loss, train_op, b


def measure(tf, args):
    """Steps/s of `sess.run(train_op, feed)` for a TF1-style module `tf` (scopeflow or TF's compat.v1)."""
    data = batches(args)
    with tf.Graph().as_default() as graph:
        x, labels, loss, train_op, last_bias = build(tf, args)
        init = tf.global_variables_initializer()
    return session_steps_per_second(tf, graph, init, (x, labels), train_op, loss, last_bias, data, args)


# ---- the same model in JAX -----------------------------------------------------------------------------------
def measure_jax(args):
    import jax
    import jax.numpy as jnp

    rng = np.random.RandomState(1)
    params = []
    fan_in = args.inputs
    for width in [args.hidden, args.hidden, args.classes]:
        limit = np.sqrt(6.0 / (fan_in + width))
        params += [rng.uniform(-limit, limit, (fan_in, width)).astype(np.float32), np.zeros(width, np.float32)]
        fan_in = width
    params = [jnp.asarray(p) for p in params]
    state = (params, [jnp.zeros_like(p) for p in params], [jnp.zeros_like(p) for p in params],
             jnp.ones((), jnp.float32), jnp.ones((), jnp.float32))
    lr, beta1, beta2, eps = np.float32(args.learning_rate), np.float32(0.9), np.float32(0.999), np.float32(1e-8)

    def loss_fn(params, x, y):
        h = x
        for i in range(0, len(params), 2):
            h = h @ params[i] + params[i + 1]
            if i < len(params) - 2:
                h = jax.nn.relu(h)
        logp = jax.nn.log_softmax(h)
        return -jnp.mean(jnp.take_along_axis(logp, y[:, None], axis=1))

    def train_step(state, x, y):
        params, m, v, b1p, b2p = state
        grads = jax.grad(loss_fn)(params, x, y)
        b1p, b2p = b1p * beta1, b2p * beta2
        alpha = lr * jnp.sqrt(1 - b2p) / (1 - b1p)
        m = [mi + (g - mi) * (1 - beta1) for mi, g in zip(m, grads)]
        v = [vi + (g * g - vi) * (1 - beta2) for vi, g in zip(v, grads)]
        params = [p - alpha * mi / (jnp.sqrt(vi) + eps) for p, mi, vi in zip(params, m, v)]
        return params, m, v, b1p, b2p

    jitted = jax.jit(train_step, donate_argnums=(0,))
    data = batches(args)
    holder = [state, 0]

    def step():
        xs, ys = data[holder[1] % len(data)]
        holder[0] = jitted(holder[0], xs, ys)
        holder[1] += 1

    result = steps_per_second(step, lambda: jax.block_until_ready(holder[0]), args)
    result["loss"] = float(loss_fn(holder[0][0], *data[0]))
    return result


def main():
    ours, theirs, jax_row, args, loads = run_rounds(__file__, measure, measure_jax, add_arguments)
    title = (f"MLP {args.inputs}-{args.hidden}-{args.hidden}-{args.classes}, Adam, batch {args.batch}, "
             "float32: train steps per second")
    table(title, step_rows(ours, theirs, jax_row), loads, note=loss_note(ours, theirs, jax_row))


if __name__ == "__main__":
    main()
