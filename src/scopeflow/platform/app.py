"""`tf.app`: `run(main=None, argv=None)` and the `flags` module, as TF 1.15 scripts observe them via absl.

What `run` does, in order (observed in the reference): defines `--help`/`-?`, `--helpshort`, `--helpfull`;
parses `sys.argv` (or `argv`) with `FLAGS(..., known_only=True)`, so unknown flags reach `main` untouched
and a bad value raises its IllegalFlagValueError as a traceback; installs absl's log handler on the root
logger and sets the root level to INFO (so `tf.logging.info` then prints twice: `INFO:tensorflow:msg` and
`I1123 12:06:04.774053 140093956766592 script.py:22] msg`); finally `sys.exit(main(argv_left))`, argv[0]
kept. `--help` prints the usage to stdout and exits with status 1, as absl does.
"""
import logging as _logging
import os as _os
import sys as _sys
import threading as _threading
import time as _time

from scopeflow.platform import flags
from scopeflow.platform import _flag_types as _flag_types

__all__ = ["flags", "run"]

_HELP_FLAG_NAMES = ("help", "helpshort", "helpfull")


def run(main=None, argv=None):
    """Parses flags, then runs `main(argv_left)` and exits with its return value."""
    main = main or _sys.modules["__main__"].main
    _define_help_flags()
    args = flags.FLAGS(_sys.argv if argv is None else argv, known_only=True)
    _use_absl_handler()
    _sys.exit(main(args))


def _usage(shorthelp=False, writeto_stdout=True):
    """Prints absl's usage text: the script's docstring (or "USAGE: prog [flags]") and its flags."""
    stream = _sys.stdout if writeto_stdout else _sys.stderr
    program = _sys.argv[0] if _sys.argv else ""
    doc = getattr(_sys.modules.get("__main__"), "__doc__", None)
    if not doc:
        doc = f"\n       USAGE: {program} [flags]"
    else:
        specifiers = doc.count("%") - 2 * doc.count("%%")
        try:
            doc %= (program,) * specifiers
        except (TypeError, ValueError, KeyError):
            pass
    stream.write(doc)
    flag_text = flags.FLAGS.main_module_help() if shorthelp else flags.FLAGS.get_help()
    if flag_text:
        stream.write("\nflags:\n" + flag_text + "\n")
    if shorthelp:
        stream.write("\nTry --helpfull to get a list of all flags.\n")
    stream.flush()


class _HelpKind:
    """A boolean flag kind whose parse prints the usage and exits 1 (absl's help flags)."""

    def __init__(self, shorthelp):
        self.shorthelp = shorthelp

    def __call__(self, flag, arg):
        if _flag_types.BOOLEAN.convert(flag, arg):
            _usage(shorthelp=self.shorthelp)
            _sys.exit(1)
        return False


def _define_help_flags():
    if "help" in flags.FLAGS:
        return
    for name, short, text, shorthelp in [("help", "?", "show this help", True),
                                         ("helpshort", None, "show this help", True),
                                         ("helpfull", None, "show full help", False)]:
        kind = _flag_types.Kind(_HelpKind(shorthelp), serialize=_flag_types.BOOLEAN.serialize, boolean=True)
        flags.FLAGS._register(_flag_types.Flag(kind, name, False, text, short_name=short,
                                               module_name="absl.app"))


class _AbslFormatter(_logging.Formatter):
    """absl's line: `I1123 12:06:04.774053 140093956766592 file.py:22] message`.

    absl reserves FATAL for its own fatal records, so a Python CRITICAL prints as `E... CRITICAL - msg`.
    """

    def format(self, record):
        message = record.getMessage()
        if record.levelno >= _logging.CRITICAL:
            letter, message = "E", f"CRITICAL - {message}"
        elif record.levelno >= _logging.ERROR:
            letter = "E"
        elif record.levelno >= _logging.WARNING:
            letter = "W"
        else:
            letter = "I"
        when = _time.localtime(record.created)
        micros = int((record.created - int(record.created)) * 1e6)
        line = (f"{letter}{when.tm_mon:02d}{when.tm_mday:02d} {when.tm_hour:02d}:{when.tm_min:02d}:"
                f"{when.tm_sec:02d}.{micros:06d} {_threading.get_ident():5d} "
                f"{_os.path.basename(record.pathname)}:{record.lineno}] {message}")
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


class _AbslHandler(_logging.StreamHandler):
    """Writes absl-formatted records to the current `_sys.stderr`."""

    def __init__(self):
        super().__init__(_sys.stderr)
        self.setFormatter(_AbslFormatter())

    @property
    def stream(self):
        return _sys.stderr

    @stream.setter
    def stream(self, value):
        pass


def _use_absl_handler():
    root = _logging.getLogger()
    if not any(isinstance(handler, _AbslHandler) for handler in root.handlers):
        root.addHandler(_AbslHandler())
    root.setLevel(_logging.INFO)
    # JAX is scopeflow's machinery, not the user's: keep its INFO chatter out of the script's log.
    jax_logger = _logging.getLogger("jax")
    if jax_logger.level == _logging.NOTSET:
        jax_logger.setLevel(_logging.WARNING)
