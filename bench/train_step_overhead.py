"""Per-`run` overhead of a trivial train step: one scalar variable, loss v*v, GradientDescent.

Usage: python bench/train_step_overhead.py [--quick] [--tf PYTHON | --no-tf] [--no-jax]
Two loops per column, same run, same machine: `sess.run(train_op)` (a target only: nothing comes back,
a step may be dispatched before the previous one finished) and `sess.run([train_op, loss])` (the loss
value comes back to numpy every step, so each run waits for its step). The JAX column is one jitted
step with the variable donated; its second loop converts the loss to numpy each step. Figures are
microseconds per step (median over chunks; the steps/s timer of bench/_train.py, inverted).
"""
import numpy as np

from _compare import compare
from _train import add_options, steps_per_second, table


def add_arguments(parser):
    add_options(parser, learning_rate=0.1)
    parser.set_defaults(chunk_seconds=0.4)


def _us(result):
    return {**result, "us_per_step": 1e6 / result["steps_per_s"], "best_us_per_step": 1e6 / result["best_steps_per_s"],
            "cpu_us_per_step": 1e3 * result["cpu_ms_per_step"]}


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
    target = _us(steps_per_second(lambda: sess.run(train_op), sync, args))
    fetched = _us(steps_per_second(lambda: sess.run([train_op, loss]), sync, args))
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
    return {"target": _us(steps_per_second(step, sync, args)),
            "fetch": _us(steps_per_second(step_fetch, sync, args))}


def main():
    ours, theirs, args = compare(__file__, measure, add_arguments=add_arguments)
    jax_row = None if args.no_jax else measure_jax(args)
    pick = lambda row, key: row[key] if row else None  # noqa: E731
    rows = [("run(train_op), us/step", ours["target"], pick(theirs, "target"), pick(jax_row, "target"),
             "us_per_step", ".1f", False),
            ("run([train_op, loss]), us/step", ours["fetch"], pick(theirs, "fetch"), pick(jax_row, "fetch"),
             "us_per_step", ".1f", False)]
    rows += [(label.replace("us/step", "best us/step"), ours_, theirs_, jax_, "best_us_per_step", ".1f", False)
             for label, ours_, theirs_, jax_, *_ in list(rows)]
    rows += [(label.replace("us/step", "CPU us/step"), ours_, theirs_, jax_, "cpu_us_per_step", ".1f", False)
             for label, ours_, theirs_, jax_, *_ in rows[:2]]
    table("Trivial train step (one scalar variable, GradientDescent): time per run", rows,
          note="ratios > 1: scopeflow takes less time per step than that column")


if __name__ == "__main__":
    main()
