"""The `scopeflow` command: `scopeflow run SCRIPT [ARGS...]` runs a TF1 script on scopeflow.

`run` behaves like `python SCRIPT ARGS...` with `tensorflow` (and `tf_slim`, once scopeflow.slim exists)
aliased to scopeflow: the script runs as `__main__`, sees `sys.argv == [SCRIPT, *ARGS]` and has its own
directory first on `sys.path`. `main` returns the exit status instead of calling `sys.exit`, except for
argparse's own usage errors (status 2).
"""
import argparse
import os
import runpy
import sys

import scopeflow
from scopeflow._aliases import install_tensorflow_aliases


def _parser():
    parser = argparse.ArgumentParser(prog="scopeflow", description="TensorFlow 1.x graph mode on JAX.")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = commands.add_parser("run", help="run a TF1 script with `import tensorflow` bound to scopeflow",
                              description="Run SCRIPT as __main__ with tensorflow aliased to scopeflow.")
    run.add_argument("script", metavar="SCRIPT", help="path of the Python script")
    rest = run.add_argument("args", metavar="ARGS", nargs=argparse.REMAINDER, help="passed to the script")
    rest.required = False  # argparse marks REMAINDER positionals required, misreporting a missing SCRIPT
    return parser


def _script_frames(tb, script):
    """The traceback from the script's first frame on (None if it never ran, e.g. a SyntaxError), so
    errors read as `python SCRIPT` prints them."""
    while tb is not None and tb.tb_frame.f_code.co_filename != script:
        tb = tb.tb_next
    return tb


def run_script(script, args):
    """Runs `script` as `__main__` with tensorflow aliased; returns the process exit status."""
    try:
        with open(script, "rb"):
            pass
    except OSError as error:  # a directory too: only script files are run
        print(f"scopeflow: can't open file {script!r}: [Errno {error.errno}] {error.strerror}",
              file=sys.stderr)
        return 2
    install_tensorflow_aliases()
    sys.argv = [script, *args]
    sys.path.insert(0, os.path.dirname(os.path.realpath(script)))
    try:
        runpy.run_path(script, run_name="__main__")
    except Exception as error:  # SystemExit and KeyboardInterrupt propagate as under python
        tb = _script_frames(error.__traceback__, script)
        sys.excepthook(type(error), error.with_traceback(tb), tb)
        return 1
    return 0


def main(argv=None):
    """Entry point of `scopeflow` and `python -m scopeflow`; returns the exit status."""
    parser = _parser()
    options = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if options.version:
        print(f"scopeflow {scopeflow.__version__}")
        return 0
    if options.command == "run":
        return run_script(options.script, options.args)
    parser.print_usage(sys.stderr)
    return 2
