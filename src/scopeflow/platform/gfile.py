"""`tf.gfile`: TF's file API over the local file system (GFile, Exists, Glob, MakeDirs, Walk ...).

Invariants (observed in the reference): failures raise `tf.errors` classes with TF's text, mostly
"PATH; strerror" (NotFoundError "x; No such file or directory", FailedPreconditionError "d; Is a
directory"); `GFile` opens lazily (a "w" GFile never written creates no file; a closed one reopens on
read); text mode reads and writes UTF-8 bytes with no newline translation, and `read(n)` reads n *bytes*;
`tell`/`size`/`seek` count bytes. Listings keep the directory's own order (no sorting), and `Glob` of a
pattern without a directory yields "./name". Only local paths are supported.
"""
import errno as _errno
import fnmatch as _fnmatch
import os as _os
import shutil as _shutil
import sys as _sys

from scopeflow.framework import errors as _errors
from scopeflow.platform import tf_logging as _tf_logging

__all__ = ["Copy", "DeleteRecursively", "Exists", "FastGFile", "GFile", "Glob", "IsDirectory",
           "ListDirectory", "MakeDirs", "MkDir", "Open", "Remove", "Rename", "Stat", "Walk"]

_ERRNO_TO_ERROR = {
    _errno.ENOENT: _errors.NotFoundError,
    _errno.EACCES: _errors.PermissionDeniedError,
    _errno.EPERM: _errors.PermissionDeniedError,
    _errno.EEXIST: _errors.AlreadyExistsError,
    _errno.EISDIR: _errors.FailedPreconditionError,
    _errno.ENOTDIR: _errors.FailedPreconditionError,
    _errno.ENOTEMPTY: _errors.FailedPreconditionError,
}


def _path(path):
    """A str path from str, bytes or _os.PathLike (TF accepts all three)."""
    path = _os.fspath(path)
    return path.decode("utf-8") if isinstance(path, bytes) else path


def _os_error(error, path):
    """TF's error for an OSError: "PATH; strerror", PATH being the one the failing call named."""
    cls = _ERRNO_TO_ERROR.get(error.errno, _errors.UnknownError)
    where = _path(error.filename) if error.filename is not None else path
    text = _os.strerror(error.errno) if error.errno else str(error)
    return cls(None, None, f"{where}; {text}")


def _already_exists():
    return _errors.AlreadyExistsError(None, None, "file already exists")


class GFile:
    """A file with TF's semantics; `mode` is one of r, w, a, r+, w+, a+ (with an optional "b")."""

    def __init__(self, name, mode="r"):
        self.__name = name
        self.__mode = mode
        self._path = _path(name)
        self._read_buf = None
        self._writable_file = None
        self._binary = "b" in mode
        mode = mode.replace("b", "")
        if mode not in ("r", "w", "a", "r+", "w+", "a+"):
            raise _errors.InvalidArgumentError(
                None, None, "mode is not 'r' or 'w' or 'a' or 'r+' or 'w+' or 'a+'")
        self._read_check_passed = mode in ("r", "r+", "a+", "w+")
        self._write_check_passed = mode in ("a", "w", "r+", "a+", "w+")
        self._append = "a" in mode

    name = property(lambda self: self.__name, doc="Returns the file name.")
    mode = property(lambda self: self.__mode, doc="Returns the mode in which the file was opened.")

    def _preread_check(self):
        if not self._read_check_passed:
            raise _errors.PermissionDeniedError(None, None, "File isn't open for reading")
        if self._read_buf is None:
            try:
                self._read_buf = open(self._path, "rb")  # noqa: SIM115  closed by close()
            except OSError as error:
                raise _os_error(error, self._path) from None

    def _prewrite_check(self):
        if not self._write_check_passed:
            raise _errors.PermissionDeniedError(None, None, "File isn't open for writing")
        if self._writable_file is None:
            try:
                self._writable_file = open(self._path, "ab" if self._append else "wb")  # noqa: SIM115
            except OSError as error:
                raise _os_error(error, self._path) from None

    def _prepare_value(self, data):
        return data if self._binary else data.decode("utf-8")

    def size(self):
        """The size of the file in bytes."""
        return Stat(self.__name).length

    def write(self, file_content):
        """Writes `file_content` (str is written as UTF-8) at the end of what was written so far."""
        self._prewrite_check()
        if isinstance(file_content, str):
            file_content = file_content.encode("utf-8")
        self._writable_file.write(file_content)

    def read(self, n=-1):
        """Reads `n` bytes (all that is left if n == -1); str in text mode."""
        self._preread_check()
        return self._prepare_value(self._read_buf.read(None if n == -1 else n))

    def readline(self):
        """Reads the next line, "\\n" included ("" at the end of the file)."""
        self._preread_check()
        return self._prepare_value(self._read_buf.readline())

    def readlines(self):
        """All remaining lines, as a list."""
        self._preread_check()
        return [self._prepare_value(line) for line in self._read_buf.readlines()]

    def seek(self, offset=None, whence=0, position=None):
        """Moves the read position to byte `offset` relative to `whence` (0 start, 1 here, 2 end)."""
        self._preread_check()
        if position is not None:
            _warn_deprecated("seek", "calling FileIO.seek (from tensorflow.python.lib.io.file_io) with position",
                             "position is deprecated in favor of the offset argument.")
            offset = position if offset is None else offset
        self._read_buf.seek(offset, whence)

    def tell(self):
        """The current byte position (read position, or bytes written so far)."""
        if self._read_check_passed:
            self._preread_check()
            return self._read_buf.tell()
        self._prewrite_check()
        return self._writable_file.tell()

    def seekable(self):
        """Always True."""
        return True

    def flush(self):
        """Pushes written data to the file system, so other readers see it."""
        if self._writable_file is not None:
            self._writable_file.flush()

    def close(self):
        """Closes the file; a later read opens it again from the start."""
        for attr in ("_read_buf", "_writable_file"):
            handle = getattr(self, attr)
            if handle is not None:
                handle.close()
                setattr(self, attr, None)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration()
        return line

    next = __next__

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:  # noqa: BLE001  interpreter shutdown; nothing useful to report
            pass


Open = GFile

_deprecations_warned = set()


def _warn_deprecated(key, what, instructions):
    """TF's once-per-function deprecation warning, naming the user's call site (2 frames up)."""
    if key in _deprecations_warned:
        return
    _deprecations_warned.add(key)
    frame = _sys._getframe(2)
    _tf_logging.warning("From %s:%d: %s is deprecated and will be removed in a future version.\n"
                        "Instructions for updating:\n%s", frame.f_code.co_filename, frame.f_lineno, what,
                        instructions)


class FastGFile(GFile):
    """Deprecated alias of GFile; like TF, warns once on first use."""

    def __init__(self, name, mode="r"):
        _warn_deprecated("FastGFile", "FastGFile.__init__ (from tensorflow.python.platform.gfile)",
                         "Use tf.gfile.GFile.")
        super().__init__(name, mode)


class _FileStatistics:
    """What `Stat` returns: `length` (bytes), `mtime_nsec` (int), `is_directory` (not a tf.gfile name)."""

    def __init__(self, length=0, mtime_nsec=0, is_directory=False):
        self.length = length
        self.mtime_nsec = mtime_nsec
        self.is_directory = is_directory


_FileStatistics.__name__ = _FileStatistics.__qualname__ = "FileStatistics"  # TF's type name


def Exists(filename):  # noqa: N802  TF's names
    """Whether a file or directory exists."""
    return _os.path.exists(_path(filename))


def IsDirectory(dirname):  # noqa: N802
    """Whether `dirname` is a directory."""
    return _os.path.isdir(_path(dirname))


def ListDirectory(dirname):  # noqa: N802
    """The entries of a directory (names only, the directory's own order)."""
    path = _path(dirname)
    if not _os.path.isdir(path):
        raise _errors.NotFoundError(None, None, f"Could not find directory {path}")
    try:
        return _os.listdir(path)
    except OSError as error:
        raise _os_error(error, path) from None


def MakeDirs(dirname):  # noqa: N802
    """Creates a directory and any missing parents; an existing directory is fine."""
    path = _path(dirname)
    prefix = ""
    for part in path.split("/"):
        prefix = _os.path.join(prefix, part) if prefix else (part or "/")
        if part and _os.path.exists(prefix) and not _os.path.isdir(prefix):
            raise _errors.FailedPreconditionError(None, None, f"{prefix} is not a directory")
    try:
        if path:
            _os.makedirs(path, exist_ok=True)
    except OSError as error:
        raise _os_error(error, path) from None


def MkDir(dirname):  # noqa: N802
    """Creates one directory; its parent must exist. An existing path is not an error (observed)."""
    path = _path(dirname)
    try:
        _os.mkdir(path)
    except FileExistsError:
        pass
    except OSError as error:
        raise _os_error(error, path) from None


def _glob_one(pattern):
    pattern = pattern.rstrip("/") or pattern
    wild = [i for i, c in enumerate(pattern) if c in "*?["]
    if not wild:
        return [pattern] if pattern and _os.path.lexists(pattern) else []
    slash = pattern.rfind("/", 0, wild[0])
    base = "." if slash == -1 else (pattern[:slash] or "/")
    found = [base]
    for component in pattern[slash + 1:].split("/"):
        matches = []
        for directory in found:
            if _os.path.isdir(directory):
                matches += [_os.path.join(directory, name) for name in _os.listdir(directory)
                            if _fnmatch.fnmatchcase(name, component)]
        found = matches
    return found


def Glob(filename):  # noqa: N802
    """Paths matching a pattern (or a list of patterns, results concatenated in order)."""
    if isinstance(filename, (list, tuple)):
        return [match for pattern in filename for match in _glob_one(_path(pattern))]
    return _glob_one(_path(filename))


def Remove(filename):  # noqa: N802
    """Deletes a file (FailedPreconditionError for a directory)."""
    path = _path(filename)
    try:
        _os.remove(path)
    except OSError as error:
        raise _os_error(error, path) from None


def DeleteRecursively(dirname):  # noqa: N802
    """Deletes a directory tree, or a single file."""
    path = _path(dirname)
    if not _os.path.lexists(path):
        raise _errors.NotFoundError(None, None, f"{path} not found")
    try:
        if _os.path.isdir(path) and not _os.path.islink(path):
            _shutil.rmtree(path)
        else:
            _os.remove(path)
    except OSError as error:
        raise _os_error(error, path) from None


def Copy(oldpath, newpath, overwrite=False):  # noqa: N802
    """Copies a file; AlreadyExistsError "file already exists" unless `overwrite`."""
    src, dst = _path(oldpath), _path(newpath)
    if not overwrite and _os.path.exists(dst):
        raise _already_exists()
    try:
        _shutil.copyfile(src, dst)
    except OSError as error:
        raise _os_error(error, src) from None


def Rename(oldname, newname, overwrite=False):  # noqa: N802
    """Renames a file or directory; AlreadyExistsError "file already exists" unless `overwrite`."""
    src, dst = _path(oldname), _path(newname)
    if not overwrite and _os.path.exists(dst):
        raise _already_exists()
    try:
        _os.replace(src, dst)
    except OSError as error:
        raise _os_error(error, src) from None


def Stat(filename):  # noqa: N802
    """The `FileStatistics` of a path."""
    path = _path(filename)
    try:
        st = _os.stat(path)
    except OSError as error:
        raise _os_error(error, path) from None
    return _FileStatistics(st.st_size, st.st_mtime_ns, _os.path.isdir(path))


def _walk(top, topdown, onerror):
    top = _path(top)
    try:
        listing = ListDirectory(top)
    except _errors.NotFoundError as error:
        if onerror is not None:
            onerror(error)
        return
    subdirs = [name for name in listing if IsDirectory(_os.path.join(top, name))]
    files = [name for name in listing if name not in subdirs]
    if topdown:
        yield top, subdirs, files
    for subdir in subdirs:
        yield from _walk(_os.path.join(top, subdir), topdown, onerror)
    if not topdown:
        yield top, subdirs, files


def Walk(top, in_order=True):  # noqa: N802
    """Yields (dirname, subdirs, files) for each directory under `top`; nothing if `top` is missing."""
    return _walk(top, in_order, None)
