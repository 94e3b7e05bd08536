"""`tf.io.gfile`: TF2-style names (`exists`, `makedirs`, `glob`, `GFile` ...) over gfile.py.

Invariants (observed in the reference): these are separate functions from `tf.gfile`'s, with TF2's
parameter names (`rename(src, dst, overwrite=False)`, `walk(top, topdown=True, onerror=None)`), the same
behaviour and errors; `GFile` is the very same class as `tf.gfile.GFile`.
"""
import os as _os

from scopeflow.platform import gfile as _gfile
from scopeflow.platform.gfile import GFile

__all__ = ["GFile", "copy", "exists", "get_registered_schemes", "glob", "isdir", "join", "listdir",
           "makedirs", "mkdir", "remove", "rename", "rmtree", "stat", "walk"]


def copy(src, dst, overwrite=False):
    """Copies a file; AlreadyExistsError unless `overwrite`."""
    _gfile.Copy(src, dst, overwrite)


def exists(path):
    """Whether a path exists."""
    return _gfile.Exists(path)


def get_registered_schemes():
    """The file-system schemes that work: only local paths in scopeflow."""
    return ["file", ""]


def glob(pattern):
    """Paths matching a pattern (or list of patterns)."""
    return _gfile.Glob(pattern)


def isdir(path):
    """Whether `path` is a directory."""
    return _gfile.IsDirectory(path)


def join(path, *paths):
    """Joins path components as os.path.join does ('a', '/c' -> '/c')."""
    return _os.path.join(path, *paths)


def listdir(path):
    """The entries of a directory."""
    return _gfile.ListDirectory(path)


def makedirs(path):
    """Creates a directory and its missing parents."""
    _gfile.MakeDirs(path)


def mkdir(path):
    """Creates one directory."""
    _gfile.MkDir(path)


def remove(path):
    """Deletes a file."""
    _gfile.Remove(path)


def rename(src, dst, overwrite=False):
    """Renames a file or directory; AlreadyExistsError unless `overwrite`."""
    _gfile.Rename(src, dst, overwrite)


def rmtree(path):
    """Deletes a directory tree."""
    _gfile.DeleteRecursively(path)


def stat(path):
    """The FileStatistics (length, mtime_nsec, is_directory) of a path."""
    return _gfile.Stat(path)


def walk(top, topdown=True, onerror=None):
    """Yields (dirname, subdirs, files); a missing `top` goes to `onerror` (if given) and yields nothing.

    (TF 2.21's walk raises UnboundLocalError after calling `onerror`; scopeflow just stops.)
    """
    return _gfile._walk(top, topdown, onerror)
