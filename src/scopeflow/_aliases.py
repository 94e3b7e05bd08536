"""Makes `import tensorflow` (and `tf_slim`) resolve to scopeflow, for `scopeflow run` and for tests.

One finder on `sys.meta_path` maps `tensorflow[.X.Y]` to `scopeflow[.X.Y]` and `tf_slim[.X]` to
`scopeflow.slim[.X]`, lazily, at any depth. Invariants: an alias is the very same module object as its
target (`sys.modules["tensorflow.compat.v1"] is scopeflow.compat.v1`), the target keeps its own
`__name__` and `__spec__`, and a name whose target does not exist is left to the other finders, so
`tf_slim` stays unaliased (or the real package) while `scopeflow.slim` is missing.
"""
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys

# alias package -> scopeflow package it stands for
ALIASES = {"tensorflow": "scopeflow", "tf_slim": "scopeflow.slim"}


def _target_name(fullname):
    """'tensorflow.compat.v1' -> 'scopeflow.compat.v1'; None for names that are not aliased."""
    for alias, target in ALIASES.items():
        if fullname == alias or fullname.startswith(alias + "."):
            return target + fullname[len(alias):]
    return None


class _AliasLoader(importlib.abc.Loader):
    """Hands the import system the already-imported target module instead of a new one."""

    def __init__(self, target_name):
        self.target_name = target_name
        self.target_spec = None

    def create_module(self, spec):
        module = importlib.import_module(self.target_name)
        self.target_spec = getattr(module, "__spec__", None)
        return module

    def exec_module(self, module):
        # The import system has just stamped the alias spec on the module; give the target its own back.
        module.__spec__ = self.target_spec


class TensorflowAliasFinder(importlib.abc.MetaPathFinder):
    """Finds `tensorflow...` and `tf_slim...` as aliases of existing scopeflow modules."""

    def find_spec(self, fullname, path=None, target=None):
        target_name = _target_name(fullname)
        if target_name is None:
            return None
        try:
            target_spec = importlib.util.find_spec(target_name)
        except ModuleNotFoundError:  # e.g. `tf_slim` while the scopeflow.slim package is not written yet
            return None
        if target_spec is None:
            return None
        return importlib.machinery.ModuleSpec(
            fullname, _AliasLoader(target_name),
            is_package=target_spec.submodule_search_locations is not None)


def install_tensorflow_aliases():
    """Puts the alias finder first on `sys.meta_path` (once); later imports of tensorflow get scopeflow.

    Process-wide and permanent: call it in a process that will never need the real TensorFlow.
    """
    if not any(isinstance(finder, TensorflowAliasFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, TensorflowAliasFinder())
