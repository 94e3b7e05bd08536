"""Per-`run` overhead of a trivial train step: one scalar variable, loss v*v, GradientDescent.

Usage: python bench/train_step_overhead.py [--quick] [--tf PYTHON | --no-tf] [--no-jax]
Two loops per column, same run, same machine: `sess.run(train_op)` (a target only: nothing comes back,
a step may be dispatched before the previous one finished) and `sess.run([train_op, loss])` (the loss
value comes back to numpy every step, so each run waits for its step). The JAX column is one jitted
step with the variable donated; its second loop converts the loss to numpy each step. Figures are
microseconds per step (median and best chunk, and CPU time; the timer and rounds of bench/_train.py).
"""
import numpy as np

from _train import add_options, run_rounds, steps_per_second, table


def add_arguments(parser):
    add_options(parser, learning_rate=0.1)
    parser.set_defaults(chunk_seconds=0.4)


def measure(tf, args):
    """Microseconds per `run` of the trivial train step, without and with a fetched loss."""
    with tf.Graph().as_default() as graph:
        v = tf.Variable(1.0, name="v")
        loss = v * v
        train_op = tf.train.GradientDescentOptimizer(args.learning_rate).minimize(loss)
        init = tf.global_variables_initializer()
    sess = tf.Session(graph=graph)
    sess.run(init)
    sync = lambda: sess.run(v)  # noqa: E731
    target = (steps_per_second(lambda: sess.run(train_op), sync, args))
    fetched = (steps_per_second(lambda: sess.run([train_op, loss]), sync, args))
    sess.close()
    return {"target": target, "fetch": fetched}


def measure_jax(args):
    import jax
    import jax.numpy as jnp
    lr = np.float32(args.learning_rate)

    def train_step(v):
        loss, grad = jax.value_and_grad(lambda w: w * w)(v)
        return v - lr * grad, loss

    jitted = jax.jit(train_step, donate_argnums=(0,))
    holder = [jnp.ones((), jnp.float32)]

    def step():
        holder[0], _ = jitted(holder[0])

    def step_fetch():
        holder[0], loss = jitted(holder[0])
        np.asarray(loss)

    sync = lambda: jax.block_until_ready(holder[0])  # noqa: E731
    return {"target": (steps_per_second(step, sync, args)),
            "fetch": (steps_per_second(step_fetch, sync, args))}


def main():
    ours, theirs, jax_row, args, loads = run_rounds(__file__, measure, measure_jax, add_arguments)
    loops = [("run(train_op)", "target"), ("run([train_op, loss])", "fetch")]
    rows = [(f"{label}, {what}", ours[key], theirs and theirs[key], jax_row and jax_row[key], figure, ".1f", False)
            for what, figure in [("us/step", "us_per_step"), ("best us/step", "best_us_per_step"),
                                 ("CPU us/step", "cpu_us_per_step")]
            for label, key in loops]
    table("Trivial train step (one scalar variable, GradientDescent): time per run", rows, loads,
          note="ratios > 1: scopeflow takes less time per step than that column")

if __name__ == "__main__":
    main()
