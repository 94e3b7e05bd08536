"""`scopeflow run` / `python -m scopeflow`, run in a subprocess on tiny scripts, as a user would."""
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"


def scopeflow(*args, cwd):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])))
    return subprocess.run([sys.executable, "-m", "scopeflow", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def write(path, code):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(code))
    return path


def run_json(tmp_path, code, *args):
    """Runs `code` as sub/script.py via `scopeflow run`; returns what it printed as JSON."""
    script = write(tmp_path / "sub" / "script.py", code)
    result = scopeflow("run", str(script.relative_to(tmp_path)), *args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_version(tmp_path):
    result = scopeflow("--version", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "scopeflow 0.1.0\n")


def test_script_runs_as_main_with_its_argv_and_directory(tmp_path):
    write(tmp_path / "sub" / "helper.py", "VALUE = 42\n")
    out = run_json(tmp_path, """
        import json, os, sys
        import helper  # found because the script's directory is first on sys.path
        print(json.dumps({"argv": sys.argv, "name": __name__, "path0": sys.path[0], "helper": helper.VALUE}))
    """, "a", "--flag", "-h", "--", "b")
    assert out == {"argv": ["sub/script.py", "a", "--flag", "-h", "--", "b"], "name": "__main__",
                   "path0": os.path.realpath(tmp_path / "sub"), "helper": 42}


def test_tensorflow_imports_resolve_to_scopeflow(tmp_path):
    out = run_json(tmp_path, """
        import json, sys
        import scopeflow, scopeflow.compat.v1
        import tensorflow
        import tensorflow as tf
        import tensorflow.compat.v1 as tf1
        from tensorflow.compat import v1
        from tensorflow import compat
        print(json.dumps({
            "tensorflow": tensorflow is scopeflow and tf is scopeflow,
            "compat.v1": tf1 is scopeflow.compat.v1 and v1 is scopeflow.compat.v1,
            "compat": compat is scopeflow.compat,
            "sys.modules": sys.modules["tensorflow.compat.v1"] is scopeflow.compat.v1,
            "names": [tf.__name__, tf.__spec__.name, tf1.__spec__.name],
            "errors": tf1.errors.InvalidArgumentError.__module__,
        }))
    """)
    assert out == {"tensorflow": True, "compat.v1": True, "compat": True, "sys.modules": True,
                   "names": ["scopeflow", "scopeflow", "scopeflow.compat.v1"],
                   "errors": "scopeflow.framework.errors"}


def test_slim_and_contrib_alias_only_what_exists(tmp_path):
    out = run_json(tmp_path, """
        import importlib, importlib.util, json

        def resolve(alias, target):
            if importlib.util.find_spec(target) is not None:
                return importlib.import_module(alias) is importlib.import_module(target)
            try:
                module = importlib.import_module(alias)
            except ImportError as error:
                return str(error)
            return not module.__name__.startswith("scopeflow")  # an installed real package is left alone

        print(json.dumps([resolve("tf_slim", "scopeflow.slim"),
                          resolve("tensorflow.contrib", "scopeflow.contrib")]))
    """)
    assert out[0] in (True, "No module named 'tf_slim'")
    assert out[1] in (True, "No module named 'tensorflow.contrib'")


def test_install_is_idempotent(tmp_path):
    out = run_json(tmp_path, """
        import json, sys
        from scopeflow._aliases import TensorflowAliasFinder, install_tensorflow_aliases
        install_tensorflow_aliases()
        install_tensorflow_aliases()
        print(json.dumps(sum(isinstance(f, TensorflowAliasFinder) for f in sys.meta_path)))
    """)
    assert out == 1


def test_missing_script_exits_2_with_one_line(tmp_path):
    result = scopeflow("run", "nope.py", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "scopeflow: can't open file 'nope.py': [Errno 2] No such file or directory\n"


@pytest.mark.parametrize("args", [[], ["run"]])
def test_no_subcommand_or_script_prints_usage_and_exits_2(tmp_path, args):
    result = scopeflow(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("usage: scopeflow")


def test_exit_status_and_traceback_are_the_scripts(tmp_path):
    write(tmp_path / "exits.py", "import sys\nsys.exit(3)\n")
    assert scopeflow("run", "exits.py", cwd=tmp_path).returncode == 3
    write(tmp_path / "fails.py", "def f():\n    raise ValueError('bad thing')\n\nf()\n")
    result = scopeflow("run", "fails.py", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "Traceback (most recent call last):",
        '  File "fails.py", line 4, in <module>', "    f()",
        '  File "fails.py", line 2, in f', "    raise ValueError('bad thing')",
        "ValueError: bad thing"]
