"""What the train-step benchmarks share: their options, the steps/s timer, rounds, the three-column table.

A benchmark times `step()` (one training step, possibly dispatched asynchronously) in chunks of `n`
steps, each ended by `sync()` (waits until every dispatched step is done), after warm-up steps that
compile. Every column (scopeflow, TensorFlow, hand-written JAX) is timed by this same function.

The box is shared (2 cores; other work comes and goes), so `run_rounds` measures the three columns in
several rounds, one after the other in each round, and pools the chunks of all rounds per column: a
burst of load then hits every column rather than the one that happened to run during it. Reported per
column: median and best chunk (steps/s) and the median process CPU time per step (all threads), which
barely moves with the load: compare columns by it when the load was high. The first step's time
(trace + compile + run) comes from the first round.
"""
import argparse
import os
import statistics
import time

from _compare import compare


def add_options(parser, **defaults):
    """The options every train benchmark takes; `defaults` sets the model sizes of one script."""
    parser.add_argument("--quick", action="store_true", help="smoke run: one round of short chunks")
    parser.add_argument("--no-jax", action="store_true", help="skip the hand-written JAX column")
    parser.add_argument("--rounds", type=int, default=None, help="rounds of all columns (default 3)")
    parser.add_argument("--chunks", type=int, default=None, help="timed chunks per round (default 4)")
    parser.add_argument("--chunk-seconds", type=float, default=None, help="target length of a chunk")
    parser.add_argument("--steps", type=int, default=None, help="fixed steps per chunk (no calibration)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed steps after the first one")
    parser.add_argument("--no-final-loss", dest="final_loss", action="store_false",
                        help="skip evaluating the loss after the timed steps (one compile less)")
    for name, value in defaults.items():
        parser.add_argument("--" + name.replace("_", "-"), type=type(value), default=value)


def options(add_arguments, **overrides):
    """The parsed defaults of a script, with `overrides` (for tests: tiny sizes, `steps=2`)."""
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args([])
    for key, value in overrides.items():
        setattr(args, key, value)
    return args


def steps_per_second(step, sync, args):
    """{'samples' (steps/s per chunk), 'cpu_samples' (CPU ms per step per chunk), 'first_step_s'} plus the
    summary figures of `summarize`."""
    chunks = args.chunks or (3 if args.quick else 4)
    seconds = 0.3 if args.quick else (args.chunk_seconds or 1.0)
    start = time.perf_counter()
    step()
    sync()
    first = time.perf_counter() - start
    for _ in range(args.warmup):
        step()
    sync()
    if args.steps:
        n = args.steps
    else:
        start = time.perf_counter()
        for _ in range(3):
            step()
        sync()
        n = max(3, int(seconds / ((time.perf_counter() - start) / 3)))
    samples, cpu = [], []
    for _ in range(chunks):
        start, start_cpu = time.perf_counter(), time.process_time()
        for _ in range(n):
            step()
        sync()
        samples.append(n / (time.perf_counter() - start))
        cpu.append((time.process_time() - start_cpu) / n * 1e3)
    return summarize({"samples": samples, "cpu_samples": cpu, "first_step_s": first})


def session_steps_per_second(tf, graph, init, feeds, train_op, loss, probe, data, args):
    """Steps/s of `sess.run(train_op, feed)` cycling through `data` (pairs fed to the two `feeds`
    placeholders); `probe` is a cheap fetch that waits for the step; adds the final loss if asked."""
    x, labels = feeds
    sess = tf.Session(graph=graph)
    sess.run(init)
    it = iter(range(1 << 62))

    def step():
        xs, ys = data[next(it) % len(data)]
        sess.run(train_op, {x: xs, labels: ys})

    result = steps_per_second(step, lambda: sess.run(probe), args)
    if args.final_loss:
        result["loss"] = float(sess.run(loss, {x: data[0][0], labels: data[0][1]}))
    sess.close()
    return result


def summarize(result):
    """Adds 'steps_per_s' (median chunk), 'best_steps_per_s', 'cpu_ms_per_step' (median) and the same
    as microseconds per step (for the overhead benchmark) to a dict holding 'samples'/'cpu_samples'."""
    samples, cpu = result["samples"], result["cpu_samples"]
    median = statistics.median(samples)
    result.update(steps_per_s=median, best_steps_per_s=max(samples), cpu_ms_per_step=statistics.median(cpu),
                  us_per_step=1e6 / median, best_us_per_step=1e6 / max(samples),
                  cpu_us_per_step=1e3 * statistics.median(cpu))
    return result


def _merge(a, b):
    """Pools the chunks of two rounds of one column (nested dicts for several loops per column)."""
    if a is None or b is None:
        return a if b is None else b
    if "samples" in a:
        merged = dict(a, samples=a["samples"] + b["samples"], cpu_samples=a["cpu_samples"] + b["cpu_samples"])
        return summarize(merged)
    return {k: _merge(v, b.get(k)) if isinstance(v, dict) else v for k, v in a.items()}


def run_rounds(script, measure, measure_jax, add_arguments):
    """(scopeflow, TensorFlow or None, JAX or None, args, loads): each column's chunks pooled over rounds."""
    ours, theirs, args = compare(script, measure, add_arguments=add_arguments)
    jax_row = None if args.no_jax else measure_jax(args)
    loads = [load()]
    for _ in range((args.rounds or (1 if args.quick else 3)) - 1):
        more, more_tf, _ = compare(script, measure, add_arguments=add_arguments)
        more_jax = None if args.no_jax else measure_jax(args)
        ours, theirs, jax_row = _merge(ours, more), _merge(theirs, more_tf), _merge(jax_row, more_jax)
        loads.append(load())
    return ours, theirs, jax_row, args, loads


def load():
    """The 1-minute load average (other work on the box distorts every column)."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def table(title, rows, loads, note=""):
    """Prints `rows` = [(label, scopeflow dict, TF dict or None, JAX dict or None, key, fmt, higher_is_better)]
    as scopeflow | TensorFlow | JAX | scopeflow/TF | scopeflow/JAX; a ratio > 1 means scopeflow is faster."""
    print(f"\n{title}")
    print(f"({os.cpu_count()} CPUs; 1-min load after each round: {', '.join(f'{x:.2f}' for x in loads)})")
    print(f"{'':34}{'scopeflow':>11}{'TensorFlow':>12}{'JAX':>10}{'sf/TF':>9}{'sf/JAX':>9}")
    for label, ours, theirs, jax_row, key, fmt, higher_is_better in rows:
        values = [d[key] if d and key in d else float("nan") for d in (ours, theirs, jax_row)]

        def ratio(other):
            if other != other or not values[0]:
                return float("nan")
            return values[0] / other if higher_is_better else other / values[0]
        print(f"{label:34}{values[0]:11{fmt}}{values[1]:12{fmt}}{values[2]:10{fmt}}"
              f"{ratio(values[1]):9.2f}{ratio(values[2]):9.2f}")
    if all(row[2] is None for row in rows):
        print("TensorFlow column absent (no tf1ref interpreter, or --no-tf): figures shown as nan.")
    if note:
        print(note)


def step_rows(ours, theirs, jax_row):
    """The rows every train benchmark prints."""
    return [("train steps/s (median chunk)", ours, theirs, jax_row, "steps_per_s", ".1f", True),
            ("train steps/s (best chunk)", ours, theirs, jax_row, "best_steps_per_s", ".1f", True),
            ("CPU ms per step (all threads)", ours, theirs, jax_row, "cpu_ms_per_step", ".1f", False),
            ("first step incl. compile, s", ours, theirs, jax_row, "first_step_s", ".2f", False)]


def loss_note(*rows):
    """The loss each column reached (a sanity check that every column trained the same model)."""
    names = ["scopeflow", "TF", "JAX"]
    parts = [f"{name} {row['loss']:.3f}" for name, row in zip(names, rows) if row and "loss" in row]
    return "loss after the timed steps: " + ", ".join(parts) if parts else ""
