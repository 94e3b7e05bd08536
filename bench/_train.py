"""What the train-step benchmarks share: their options, the steps/s timer and the three-column table.

A benchmark times `step()` (one training step, possibly dispatched asynchronously) in chunks of `n`
steps, each ended by `sync()` (waits until every dispatched step is done), after warm-up steps that
compile. The figure is the median over chunks of steps per second; the first step's time (trace +
compile + run) is reported as `first_step_s`. Every column (scopeflow, TensorFlow, hand-written JAX) is
timed by this same function, in the same process run, so the columns compare like with like.
"""
import argparse
import os
import statistics
import time


def add_options(parser, **defaults):
    """The options every train benchmark takes; `defaults` sets the model sizes of one script."""
    parser.add_argument("--quick", action="store_true", help="smoke run: short chunks, few repeats")
    parser.add_argument("--no-jax", action="store_true", help="skip the hand-written JAX column")
    parser.add_argument("--chunks", type=int, default=None, help="timed chunks (median over them)")
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
    """{'steps_per_s' (median over chunks), 'best_steps_per_s' (fastest chunk), 'spread' (min, max),
    'cpu_ms_per_step' (median process CPU time, all threads), 'steps' timed, 'first_step_s'}.

    On a shared box the best chunk is the wall-clock figure least disturbed by other work, the median
    shows how steady it was, and CPU time per step (the work done, whatever the waiting) barely moves
    with the load: compare columns by it when the load is high."""
    chunks = args.chunks or (3 if args.quick else 10)
    seconds = 0.3 if args.quick else (args.chunk_seconds or 1.0)
    start = time.perf_counter()
    step()
    sync()
    first = time.perf_counter() - start
    for _ in range(args.warmup):
        step()
    sync()
    if args.steps:
        n, chunks = args.steps, 1 if args.chunks is None else chunks
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
    return {"steps_per_s": statistics.median(samples), "best_steps_per_s": max(samples),
            "spread": [min(samples), max(samples)], "cpu_ms_per_step": statistics.median(cpu),
            "steps": n * chunks, "first_step_s": first}


def load():
    """The 1-minute load average (other work on the box distorts every column)."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def table(title, rows, note=""):
    """Prints `rows` = [(label, scopeflow dict, TF dict or None, JAX dict or None, key, fmt)] as
    scopeflow | TensorFlow | JAX | scopeflow/TF | scopeflow/JAX (ratios of rates: > 1 means faster)."""
    print(f"\n{title}   (load {load():.2f}, {os.cpu_count()} CPUs)")
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
    """The two rows every train benchmark prints: steps/s and the first step's time."""
    return [("train steps/s (median)", ours, theirs, jax_row, "steps_per_s", ".1f", True),
            ("train steps/s (best chunk)", ours, theirs, jax_row, "best_steps_per_s", ".1f", True),
            ("CPU ms per step (all threads)", ours, theirs, jax_row, "cpu_ms_per_step", ".1f", False),
            ("first step incl. compile, s", ours, theirs, jax_row, "first_step_s", ".2f", False)]


def loss_note(*rows):
    """The loss each column reached (a sanity check that every column trained the same model)."""
    names = ["scopeflow", "TF", "JAX"]
    parts = [f"{name} {row['loss']:.3f}" for name, row in zip(names, rows) if row and "loss" in row]
    return "loss after the timed steps: " + ", ".join(parts) if parts else ""
