"""tf.app.run and tf.flags: scripts run through `scopeflow run` in a subprocess (as a user runs them), and
FlagValues parsing in-process. Every expected value was observed with the reference (tf1ref)."""
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from scopeflow.platform import flags

SRC = Path(__file__).resolve().parents[2] / "src"

TRAIN = '''import json
import tensorflow.compat.v1 as tf

flags = tf.app.flags
FLAGS = flags.FLAGS
flags.DEFINE_string("name", "bob", "a name")
flags.DEFINE_integer("n", 3, "a number")
flags.DEFINE_float("lr", 0.1, "learning rate")
flags.DEFINE_boolean("verbose", False, "be loud")
flags.DEFINE_bool("fast", True, "go fast")
flags.DEFINE_list("items", "a,b", "some items")
flags.DEFINE_enum("mode", "train", ["train", "eval"], "the mode")
flags.DEFINE_multi_string("tag", [], "tags")
try:
    early = FLAGS.name
except Exception as e:
    early = type(e).__name__ + ": " + str(e)
tf.logging.info("hidden before run")
tf.logging.warning("warned before run")


def main(argv):
    print(json.dumps({"argv": argv, "early": early, "name": FLAGS.name, "n": FLAGS.n, "lr": FLAGS.lr,
                      "verbose": FLAGS.verbose, "fast": FLAGS.fast, "items": FLAGS.items, "mode": FLAGS.mode,
                      "tag": FLAGS.tag, "verbosity": tf.logging.get_verbosity()}))
    tf.logging.info("inside main %d", FLAGS.n)
    return FLAGS.n if FLAGS.n < 10 else "bye"


if __name__ == "__main__":
    tf.app.run()
'''

# What `tf1ref train.py --help` printed (stdout), exit status 1.
TRAIN_HELP = """
       USAGE: train.py [flags]
flags:

train.py:
  --[no]fast: go fast
    (default: 'true')
  --items: some items
    (default: 'a,b')
    (a comma separated list)
  --lr: learning rate
    (default: '0.1')
    (a number)
  --mode: <train|eval>: the mode
    (default: 'train')
  --n: a number
    (default: '3')
    (an integer)
  --name: a name
    (default: 'bob')
  --tag: tags;
    repeat this option to specify a list of values
    (default: '[]')
  --[no]verbose: be loud
    (default: 'false')

Try --helpfull to get a list of all flags.
"""

ABSL_LINE = re.compile(r"^I\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ train\.py:26\] inside main (\d+)$")


def run_script(tmp_path, code, *args):
    (tmp_path / "train.py").write_text(textwrap.dedent(code))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])))
    return subprocess.run([sys.executable, "-m", "scopeflow", "run", "train.py", *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)


def test_run_parses_flags_calls_main_and_exits_with_its_value(tmp_path):
    result = run_script(tmp_path, TRAIN, "--name=al", "--n", "5", "--lr=2", "--verbose", "--nofast",
                        "--items=x,y,z", "--mode", "eval", "--tag", "a", "--tag=b", "pos1", "--bogus=1", "--",
                        "--n=7")
    assert result.returncode == 5, result.stderr
    # Reading FLAGS before app.run parses sys.argv (TF's wrapper) and so trips on --bogus; app.run parses
    # with known_only=True, passing --bogus and everything after -- to main; --tag parsed twice appends.
    assert json.loads(result.stdout) == {
        "argv": ["train.py", "pos1", "--bogus=1", "--", "--n=7"],
        "early": "UnrecognizedFlagError: Unknown command line flag 'bogus'",
        "name": "al", "n": 5, "lr": 2.0, "verbose": True, "fast": False, "items": ["x", "y", "z"],
        "mode": "eval", "tag": ["a", "b", "a", "b"], "verbosity": 20}
    lines = result.stderr.splitlines()
    # Default verbosity WARN hides the INFO before run; inside run the root is INFO with absl's handler,
    # so each record prints in TF's format and in absl's.
    assert lines[:2] == ["WARNING:tensorflow:warned before run", "INFO:tensorflow:inside main 5"]
    assert ABSL_LINE.match(lines[2]).group(1) == "5" and len(lines) == 3


def test_run_defaults_and_non_int_return(tmp_path):
    result = run_script(tmp_path, TRAIN, "--n=12", "--fast=false")
    out = json.loads(result.stdout)
    assert (out["argv"], out["early"], out["name"], out["fast"], out["tag"]) == (["train.py"], "bob", "bob",
                                                                                 False, [])
    # sys.exit("bye") prints the string and exits 1
    assert result.returncode == 1 and result.stderr.splitlines()[-1] == "bye"


def test_bad_value_is_a_traceback_exit_1(tmp_path):
    result = run_script(tmp_path, TRAIN, "--n=abc")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines()[-1] == ("scopeflow.platform.flags.IllegalFlagValueError: flag --n=abc: "
                                              "invalid literal for int() with base 10: 'abc'")
    assert "During handling of the above exception" in result.stderr


def test_help_prints_usage_and_exits_1(tmp_path):
    result = run_script(tmp_path, TRAIN, "--help")
    assert (result.returncode, result.stdout) == (1, TRAIN_HELP)


def test_required_flag_docstring_usage_and_explicit_main(tmp_path):
    code = '''
        """My tool.

        Usage: %s --data_dir=DIR
        """
        import tensorflow.compat.v1 as tf
        tf.flags.DEFINE_string("data_dir", None, "where data lives")
        tf.flags.DEFINE_integer("steps", 10, "how many steps", short_name="s", lower_bound=1)
        tf.flags.mark_flag_as_required("data_dir")
        tf.app.run(lambda argv: print(argv, tf.flags.FLAGS.data_dir, tf.flags.FLAGS.steps))
    '''
    missing = run_script(tmp_path, code)
    assert missing.returncode == 1
    assert missing.stderr.splitlines()[-1].endswith(
        "IllegalFlagValueError: flag --data_dir=None: Flag --data_dir must have a value other than None.")
    ok = run_script(tmp_path, code, "--data_dir=/x", "-s", "4")
    assert (ok.returncode, ok.stdout) == (0, "['train.py'] /x 4\n")
    helped = run_script(tmp_path, code, "--helpshort")
    assert helped.returncode == 1
    assert helped.stdout == ("My tool.\n\nUsage: train.py --data_dir=DIR\n\nflags:\n\ntrain.py:\n"
                             "  --data_dir: where data lives\n  -s,--steps: how many steps\n"
                             "    (default: '10')\n    (a positive integer)\n\n"
                             "Try --helpfull to get a list of all flags.\n")


# --- FlagValues in-process ------------------------------------------------------------------------------
@pytest.fixture
def fv():
    values = flags.FlagValues()
    flags.DEFINE_integer("k", 1, "k", flag_values=values)
    flags.DEFINE_float("x", 1.5, "x", lower_bound=0, flag_values=values)
    flags.DEFINE_integer("m", 2, "m", lower_bound=0, upper_bound=5, flag_values=values)
    flags.DEFINE_string("name", "x", "a name", flag_values=values)
    flags.DEFINE_string("learning_rate", "x", "lr", flag_values=values)
    flags.DEFINE_bool("bb", "true", "b", flag_values=values)
    flags.DEFINE_list("l", ["a", "b"], "list", flag_values=values)
    flags.DEFINE_multi_string("ms", "one", "ms", flag_values=values)
    return values


def test_unparsed_access_and_parse_returns_remaining(fv):
    with pytest.raises(flags.UnparsedFlagAccessError, match=r"^Trying to access flag --k before flags were "
                                                            r"parsed\.$"):
        fv.k
    assert fv(["prog", "a", "--k=4", "b", "-", "-k=8"]) == ["prog", "a", "b", "-"]
    assert fv.k == 8
    assert fv(["prog", "--", "--k=9"]) == ["prog", "--k=9"]
    assert fv(["prog", "--k", "7"]) == ["prog"] and fv.k == 7
    assert fv(["prog", "--bb=0", "--l=", "--ms", "two", "--ms=three"]) == ["prog"]
    assert (fv.bb, fv.l, fv.ms) == (False, [], ["two", "three"])
    assert fv(["prog", "--unknown", "--k=2"], known_only=True) == ["prog", "--unknown"] and fv.k == 2
    fv.k = 42
    assert fv["k"].value == 42 and "k" in fv and fv.is_parsed()
    fv.unparse_flags()
    assert not fv.is_parsed() and fv["k"].value == 1 and fv["ms"].value == ["one"]


@pytest.mark.parametrize("argv, error, message", [
    (["p", "--nmae=2"], flags.UnrecognizedFlagError, "Unknown command line flag 'nmae'. Did you mean: name ?"),
    (["p", "--learningrate=2"], flags.UnrecognizedFlagError,
     "Unknown command line flag 'learningrate'. Did you mean: learning_rate ?"),
    (["p", "--lr=2"], flags.UnrecognizedFlagError, "Unknown command line flag 'lr'"),
    (["p", "--noname"], flags.UnrecognizedFlagError, "Unknown command line flag 'noname'. Did you mean: name ?"),
    (["p", "--k"], flags.Error, "Missing value for flag --k"),
    (["p", "--x=-1"], flags.IllegalFlagValueError, "flag --x=-1: -1.0 is not a non-negative number"),
    (["p", "--m=9"], flags.IllegalFlagValueError, "flag --m=9: 9 is not an integer in the range [0, 5]"),
    (["p", "--k=abc"], flags.IllegalFlagValueError,
     "flag --k=abc: invalid literal for int() with base 10: 'abc'"),
    (["p", "--bb=maybe"], flags.IllegalFlagValueError,
     "flag --bb=maybe: ('Non-boolean argument to boolean flag', 'maybe')"),
    ("abc", TypeError, "argv should be a tuple/list of strings, not bytes or string."),
])
def test_parse_errors(fv, argv, error, message):
    with pytest.raises(error) as info:
        fv(argv)
    assert str(info.value) == message


def test_definition_errors(fv):
    with pytest.raises(flags.DuplicateFlagError, match=r"^The flag 'k' is defined twice\. First from "
                                                       r"tests\.platform\.test_app_flags, second from "):
        flags.DEFINE_integer("k", 3, "again", flag_values=fv)
    with pytest.raises(flags.IllegalFlagValueError, match=r"^flag --e=z: value should be one of <a>$"):
        flags.DEFINE_enum("e", "z", ["a"], "bad default", flag_values=fv)
    with pytest.raises(flags.IllegalFlagValueError,
                       match=r"^flag --s2=3: flag value must be a string, found \"<class 'int'>\"$"):
        flags.DEFINE_string("s2", 3, "nonstring default", flag_values=fv)
    assert "s2" not in fv


def test_validators_and_holder(fv):
    holder = flags.DEFINE_integer("even", 2, "even", flag_values=fv)
    flags.register_validator("even", lambda v: v % 2 == 0, message="must be even", flag_values=fv)
    with pytest.raises(flags.IllegalFlagValueError, match=r"^flag --even=3: must be even$"):
        fv(["p", "--even=3"])
    fv(["p", "--even=4"])
    assert (holder.name, holder.value, holder.default, holder.present) == ("even", 4, 2, True)


def test_help_text_wraps_like_absl():
    values = flags.FlagValues()
    flags.DEFINE_integer("x", 1, "An x flag whose help text is long enough that it must wrap around the eighty "
                         "column limit of absl help.", flag_values=values)
    flags.DEFINE_multi_integer("mi", [1, 2], "mi", flag_values=values)
    flags.DEFINE_float("f", None, "f", upper_bound=3, flag_values=values)
    assert values["x"].help_text() == (
        "  --x: An x flag whose help text is long enough that it must wrap around the\n"
        "    eighty column limit of absl help.\n    (default: '1')\n    (an integer)")
    assert values["mi"].help_text() == ("  --mi: mi;\n    repeat this option to specify a list of values\n"
                                        "    (default: '[1, 2]')\n    (an integer)")
    assert values["f"].help_text() == "  --f: f\n    (number <= 3)"


def test_public_names_match_tf():
    import scopeflow as tf
    assert tf.app.flags is tf.flags
    assert [n for n in dir(tf.app) if not n.startswith("_")] == ["flags", "run"]
    # absl's logging flags are defined (scripts pass --logtostderr), with `v` as verbosity's short name
    assert {"logtostderr", "alsologtostderr", "log_dir", "v", "verbosity"} <= set(tf.flags.FLAGS)
