"""tf.logging: constants, verbosity, TF's stderr format and the every-n / first-n counters. Expected values
were observed with the reference (tf1ref); the output format is checked in a subprocess because the
handler TF installs depends on the process's logging state at import."""
import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from scopeflow.platform import tf_logging

SRC = Path(__file__).resolve().parents[2] / "src"

SCRIPT = """
import tensorflow.compat.v1 as tf
print(tf.logging.get_verbosity(), tf.logging.DEBUG, tf.logging.INFO, tf.logging.WARN, tf.logging.ERROR,
      tf.logging.FATAL)
tf.logging.info("hidden info")
tf.logging.warning("warn %d", 3)
tf.logging.warn("warn2")
tf.logging.error("err")
tf.logging.set_verbosity(tf.logging.INFO)
tf.logging.info("info now %s", "x")
tf.logging.debug("dbg")
tf.logging.log(tf.logging.INFO, "log %d", 1)
for i in range(5): tf.logging.log_every_n(tf.logging.INFO, "every %d", 2, i)
for i in range(5): tf.logging.log_first_n(tf.logging.INFO, "first %d", 2, i)
tf.logging.vlog(1, "vlog1")
tf.logging.vlog(20, "vlog20")
tf.logging.set_verbosity(tf.logging.DEBUG)
tf.logging.debug("dbg2")
tf.logging.vlog(1, "vlog1b")
tf.logging.log_if(tf.logging.INFO, "if %s", True, "yes")
tf.logging.log_if(tf.logging.INFO, "if %s", False, "no")
tf.logging.info("pct %s")
tf.logging.info({"a": 1})
print(tf.logging.get_verbosity())
tf.logging.fatal("fatal!")
print("after fatal")
"""

# tf1ref's stderr for SCRIPT. log_first_n prints nothing: every top-level call of a script shares one
# counter with log_every_n (TF's token is the first frame outside the script), already at 5.
EXPECTED_STDERR = """\
WARNING:tensorflow:warn 3
WARNING:tensorflow:warn2
ERROR:tensorflow:err
INFO:tensorflow:info now x
INFO:tensorflow:log 1
INFO:tensorflow:every 0
INFO:tensorflow:every 2
INFO:tensorflow:every 4
INFO:tensorflow:vlog20
DEBUG:tensorflow:dbg2
INFO:tensorflow:if yes
INFO:tensorflow:pct %s
INFO:tensorflow:{'a': 1}
CRITICAL:tensorflow:fatal!
"""


def test_script_output_format_and_default_verbosity(tmp_path):
    (tmp_path / "log.py").write_text(textwrap.dedent(SCRIPT))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])))
    result = subprocess.run([sys.executable, "-m", "scopeflow", "run", "log.py"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "30 10 20 30 40 50\n10\nafter fatal\n"
    assert result.stderr == EXPECTED_STDERR


def test_public_names_match_tf():
    import scopeflow as tf
    assert tf.logging is tf_logging
    assert sorted(n for n in dir(tf.logging) if not n.startswith("_")) == [
        "DEBUG", "ERROR", "FATAL", "INFO", "TaskLevelStatusMessage", "WARN", "debug", "error", "fatal", "flush",
        "get_verbosity", "info", "log", "log_every_n", "log_first_n", "log_if", "set_verbosity", "vlog", "warn",
        "warning"]


@pytest.fixture
def verbosity():
    saved = logging.getLogger("tensorflow").level
    yield
    logging.getLogger("tensorflow").setLevel(saved)


def test_set_verbosity_accepts_level_names(verbosity):
    tf_logging.set_verbosity("INFO")
    assert tf_logging.get_verbosity() == 20
    tf_logging.set_verbosity(tf_logging.ERROR)
    assert tf_logging.get_verbosity() == 40


def test_flush_is_not_implemented_as_in_tf():
    with pytest.raises(NotImplementedError):
        tf_logging.flush()


def test_counters_are_per_call_site_outside_the_callers_file(verbosity, caplog):
    """Two call sites in one file share a token (the frame that called into that file)."""
    tf_logging.set_verbosity(tf_logging.INFO)
    code = ("for i in range(4): tf_logging.log_first_n(20, 'first %d', 2, i)\n"
            "for i in range(4): tf_logging.log_first_n(20, 'firstB %d', 2, i)\n"
            "for i in range(4): tf_logging.log_every_n(20, 'every %d', 3, i)\n")
    with caplog.at_level(logging.INFO, logger="tensorflow"):
        exec(compile(code, "<script>", "exec"), {"tf_logging": tf_logging})
    assert [r.getMessage() for r in caplog.records] == ["first 0", "first 1", "every 1"]
