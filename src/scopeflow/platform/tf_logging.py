"""`tf.logging`: TF's thin layer over the Python logger named "tensorflow".

Invariants (observed in the reference): records go to `logging.getLogger("tensorflow")`; at import, if
the root logger has no handler, that logger gets one stderr handler printing `LEVEL:tensorflow:message`
(Python's BASIC_FORMAT, so `fatal` prints `CRITICAL:tensorflow:...` and does not exit). The verbosity
is the logger's effective level, WARN (30) by default, INFO inside `tf.app.run` (whose handler makes
the root logger INFO, see app.py). `log_every_n` / `log_first_n` count per *token*, which TF takes from
the first frame outside the caller's file, so all top-level calls of one script share one counter.
"""
import logging as _logging
import sys as _sys
import threading as _threading

# TF's values; tf.logging has WARN but no WARNING (observed).
DEBUG = _logging.DEBUG
INFO = _logging.INFO
WARN = _logging.WARN
ERROR = _logging.ERROR
FATAL = _logging.FATAL

_logger = None
_logger_lock = _threading.Lock()
_log_counter_per_token = {}


class _StderrHandler(_logging.StreamHandler):
    """A StreamHandler that writes to whatever `sys.stderr` is at emit time (so redirections apply)."""

    def __init__(self):
        super().__init__(_sys.stderr)

    @property
    def stream(self):
        return _sys.stderr

    @stream.setter
    def stream(self, value):  # StreamHandler.__init__ assigns it; the live sys.stderr always wins
        pass


def _get_logger():
    """The "tensorflow" logger, given TF's stderr handler on first use unless the root is configured."""
    global _logger
    if _logger is not None:
        return _logger
    with _logger_lock:
        if _logger is None:
            logger = _logging.getLogger("tensorflow")
            # Like TF: don't add a handler when the root logger already has one (no double logging).
            if not _logging.getLogger().handlers:
                handler = _StderrHandler()
                handler.setFormatter(_logging.Formatter(_logging.BASIC_FORMAT, None))
                logger.addHandler(handler)
            _logger = logger
    return _logger


# `stacklevel` makes handlers that print file:line (app.run's absl-style one) name the user's call site:
# 1 is `_log` itself, 2 its caller in this module, 3 the user (one more per helper in between).
def _log(level, msg, args, kwargs, stacklevel):
    _get_logger().log(level, msg, *args, stacklevel=stacklevel, **kwargs)


def log(level, msg, *args, **kwargs):
    """Logs `msg % args` at `level`."""
    _log(level, msg, args, kwargs, 3)


def debug(msg, *args, **kwargs):
    """Logs `msg % args` at DEBUG."""
    _log(DEBUG, msg, args, kwargs, 3)


def info(msg, *args, **kwargs):
    """Logs `msg % args` at INFO."""
    _log(INFO, msg, args, kwargs, 3)


def warning(msg, *args, **kwargs):
    """Logs `msg % args` at WARN."""
    _log(WARN, msg, args, kwargs, 3)


def warn(msg, *args, **kwargs):
    """Logs `msg % args` at WARN (TF's older name)."""
    _log(WARN, msg, args, kwargs, 3)


def error(msg, *args, **kwargs):
    """Logs `msg % args` at ERROR."""
    _log(ERROR, msg, args, kwargs, 3)


def fatal(msg, *args, **kwargs):
    """Logs `msg % args` at FATAL (printed as CRITICAL); like TF, it does not exit."""
    _log(FATAL, msg, args, kwargs, 3)


def vlog(level, msg, *args, **kwargs):
    """Logs at the numeric `level` (TF passes it straight to the Python logger)."""
    _log(level, msg, args, kwargs, 3)


def log_if(level, msg, condition, *args):
    """Logs `msg % args` at `level` only if `condition` is true."""
    if condition:
        _log(level, msg, args, {}, 3)


def _next_count_for_caller():
    """The count for the caller's token; TF's token is the first frame outside the caller's own file."""
    frame = _sys._getframe(2)  # 0: here, 1: log_every_n / log_first_n, 2: their caller
    filename = frame.f_code.co_filename
    while frame is not None and frame.f_code.co_filename == filename:
        frame = frame.f_back
    token = ("<unknown>", 0) if frame is None else (frame.f_code.co_filename, frame.f_lineno)
    count = _log_counter_per_token.get(token, -1) + 1
    _log_counter_per_token[token] = count
    return count


def log_every_n(level, msg, n, *args):
    """Logs on the 1st call and then every `n`-th call (counted per token, see the module docstring)."""
    if _next_count_for_caller() % n == 0:
        _log(level, msg, args, {}, 3)


def log_first_n(level, msg, n, *args):
    """Logs only the first `n` calls (counted per token, see the module docstring)."""
    if _next_count_for_caller() < n:
        _log(level, msg, args, {}, 3)


def flush():
    """Not implemented in TF either (it raises NotImplementedError)."""
    raise NotImplementedError()


def TaskLevelStatusMessage(msg):  # noqa: N802  TF's name
    """Logs `msg` at ERROR, as TF does."""
    _log(ERROR, msg, (), {}, 3)


def get_verbosity():
    """The effective level of the "tensorflow" logger (WARN = 30 by default)."""
    return _get_logger().getEffectiveLevel()


def set_verbosity(v):
    """Sets the level of the "tensorflow" logger (a number or a level name such as "INFO")."""
    _get_logger().setLevel(v)


# TF sets its logger up while `tensorflow` is imported, so a handler that `tf.app.run` adds to the root
# later does not stop `INFO:tensorflow:` lines (observed: inside app.run both formats print).
_get_logger()
