"""tf.gfile / tf.io.gfile on the local file system. Expected values and messages were observed with the
reference (tf1ref) on the same relative paths (the tests chdir into tmp_path)."""
import os

import pytest

from scopeflow.framework import errors
from scopeflow.platform import gfile as g
from scopeflow.platform import io_gfile as io


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    g.MakeDirs("a/b/c")
    g.MkDir("a/b/d")
    with g.GFile("a/f.txt", "w") as f:
        assert f.write("hello\nworld\n") is None
        f.write("third")
    return tmp_path


def test_read_modes():
    assert g.GFile("a/f.txt").read() == "hello\nworld\nthird"
    assert g.GFile("a/f.txt", "rb").read() == b"hello\nworld\nthird"
    assert g.GFile("a/f.txt").readlines() == ["hello\n", "world\n", "third"]
    assert list(g.GFile("a/f.txt")) == ["hello\n", "world\n", "third"]
    assert list(g.GFile("a/f.txt", "rb")) == [b"hello\n", b"world\n", b"third"]
    assert g.Open("a/f.txt").read(4) == "hell" and g.Open is g.GFile and io.GFile is g.GFile
    f = g.GFile("a/f.txt")
    out = [f.readline(), f.tell(), f.readline(), f.read(2), f.tell(), f.size()]
    f.seek(1)
    out.append(f.read(3))
    f.seek(-1, 2)
    out.append(f.read())
    assert out == ["hello\n", 6, "world\n", "th", 14, 17, "ell", "d"]
    f.close()
    assert f.read() == "hello\nworld\nthird"  # a closed GFile reopens (observed)
    assert (f.name, f.mode, f.seekable()) == ("a/f.txt", "r", True)


def test_write_modes_are_lazy_and_buffered():
    with g.GFile("empty.txt", "w"):
        pass
    assert not os.path.exists("empty.txt")  # no write, no file
    f = g.GFile("v.txt", "w")
    f.write("abc")
    before = g.GFile("v.txt").read()
    f.flush()
    assert (before, g.GFile("v.txt").read(), f.tell()) == ("", "abc", 3)
    f.close()
    with g.GFile("v.txt", "a") as f:
        f.write(b"de")
    assert g.GFile("v.txt").read() == "abcde"
    with g.GFile("u.txt", "w") as f:
        f.write("é\nb")
    u = g.GFile("u.txt")
    with pytest.raises(UnicodeDecodeError):  # read(n) reads n bytes, then decodes (observed)
        u.read(1)
    assert g.GFile("u.txt").size() == 4


def test_fast_gfile_reads_and_warns_once(caplog):
    g._deprecations_warned.discard("FastGFile")
    with caplog.at_level("WARNING", logger="tensorflow"):
        assert g.FastGFile("a/f.txt", "rb").read() == b"hello\nworld\nthird"
        g.FastGFile("a/f.txt")
    assert [r.getMessage() for r in caplog.records] == [
        f"From {__file__}:{test_fast_gfile_reads_and_warns_once.__code__.co_firstlineno + 3}: FastGFile.__init__ "
        "(from tensorflow.python.platform.gfile) is deprecated and will be removed in a future version.\n"
        "Instructions for updating:\nUse tf.gfile.GFile."]


@pytest.mark.parametrize("call, error, message", [
    (lambda: g.GFile("nope").read(), errors.NotFoundError, "nope; No such file or directory"),
    (lambda: g.GFile("nope").size(), errors.NotFoundError, "nope; No such file or directory"),
    (lambda: g.GFile(".").read(), errors.FailedPreconditionError, ".; Is a directory"),
    (lambda: g.GFile("x", "q"), errors.InvalidArgumentError,
     "mode is not 'r' or 'w' or 'a' or 'r+' or 'w+' or 'a+'"),
    (lambda: g.GFile("w.txt", "w").read(), errors.PermissionDeniedError, "File isn't open for reading"),
    (lambda: g.GFile("a/f.txt", "r").write("x"), errors.PermissionDeniedError, "File isn't open for writing"),
    (lambda: g.GFile("a/f.txt", "w").seek(0), errors.PermissionDeniedError, "File isn't open for reading"),
    (lambda: g.MkDir("z/y"), errors.NotFoundError, "z/y; No such file or directory"),
    (lambda: g.MakeDirs("a/f.txt/q"), errors.FailedPreconditionError, "a/f.txt is not a directory"),
    (lambda: g.ListDirectory("nope"), errors.NotFoundError, "Could not find directory nope"),
    (lambda: g.ListDirectory("a/f.txt"), errors.NotFoundError, "Could not find directory a/f.txt"),
    (lambda: g.Copy("a/f.txt", "a/b"), errors.AlreadyExistsError, "file already exists"),
    (lambda: g.Copy("a/f.txt", "a/b", overwrite=True), errors.FailedPreconditionError, "a/b; Is a directory"),
    (lambda: g.Copy("nope", "a/h.txt"), errors.NotFoundError, "nope; No such file or directory"),
    (lambda: g.Rename("a/b", "a/f.txt"), errors.AlreadyExistsError, "file already exists"),
    (lambda: g.Rename("a/f.txt", "a/b", overwrite=True), errors.FailedPreconditionError,
     "a/f.txt; Is a directory"),
    (lambda: g.Rename("nope", "a/x"), errors.NotFoundError, "nope; No such file or directory"),
    (lambda: g.Stat("nope"), errors.NotFoundError, "nope; No such file or directory"),
    (lambda: g.Remove("nope"), errors.NotFoundError, "nope; No such file or directory"),
    (lambda: g.Remove("a/b"), errors.FailedPreconditionError, "a/b; Is a directory"),
    (lambda: g.DeleteRecursively("nope"), errors.NotFoundError, "nope not found"),
    (lambda: io.rmtree("nope"), errors.NotFoundError, "nope not found"),
])
def test_errors_have_tf_types_and_messages(call, error, message):
    with pytest.raises(error) as info:
        call()
    assert (info.value.message, info.value.op, info.value.node_def) == (message, None, None)


def test_directory_functions():
    assert (g.Exists("a/f.txt"), g.Exists("nope"), g.Exists(""), g.IsDirectory("a"), g.IsDirectory("nope")) == (
        True, False, False, True, False)
    g.MakeDirs("a/b/c")  # existing: fine
    g.MkDir("a/b/d")  # existing: fine (observed)
    assert sorted(g.ListDirectory("a")) == ["b", "f.txt"] and sorted(g.ListDirectory(b"a/")) == ["b", "f.txt"]
    g.Copy("a/f.txt", "a/g.txt")
    g.Copy("a/f.txt", "a/g.txt", overwrite=True)
    g.Rename("a/g.txt", "a/h.txt")
    assert g.GFile("a/h.txt").read() == "hello\nworld\nthird" and not g.Exists("a/g.txt")
    st = g.Stat("a/f.txt")
    assert (type(st).__name__, st.length, st.is_directory, type(st.mtime_nsec)) == ("FileStatistics", 17, False,
                                                                                    int)
    assert g.Stat("a").is_directory
    g.Remove("a/h.txt")
    g.DeleteRecursively("a/f.txt")  # a file is fine too
    g.DeleteRecursively("a")
    assert not g.Exists("a")


def test_walk_orders():
    walked = [(d, sorted(s), f) for d, s, f in g.Walk("a")]
    assert walked[0] == ("a", ["b"], ["f.txt"]) and walked[1] == ("a/b", ["c", "d"], [])
    top_down = [d for d, _, _ in g.Walk("a")]
    bottom_up = [d for d, _, _ in g.Walk("a", in_order=False)]
    assert top_down[:2] == ["a", "a/b"] and bottom_up[-2:] == ["a/b", "a"]
    assert sorted(top_down) == sorted(bottom_up) == ["a", "a/b", "a/b/c", "a/b/d"]
    assert [d for d, _, _ in io.walk("a/", topdown=False)][-1] == "a/"
    assert list(g.Walk("nope")) == [] and list(g.Walk("a/f.txt")) == []
    seen = []
    assert list(io.walk("nope", onerror=seen.append)) == []
    assert [e.message for e in seen] == ["Could not find directory nope"]


def test_glob():
    for name in "zbx":
        g.GFile(name + ".t", "w").write(name)
    g.GFile(".hid", "w").write("h")
    # no directory in the pattern -> "./name"; hidden files match; a trailing / is ignored
    assert sorted(g.Glob("*")) == ["./.hid", "./a", "./b.t", "./x.t", "./z.t"]
    assert sorted(g.Glob("a/*")) == sorted(g.Glob("a/*/")) == ["a/b", "a/f.txt"]
    assert sorted(g.Glob("a/*/?")) == ["a/b/c", "a/b/d"]
    assert [p[2] for p in g.Glob(["b*", "x*", "b*"])] == ["b", "x", "b"]  # concatenated, duplicates kept
    assert g.Glob("nodir/*") == [] and g.Glob("a/f.txt") == ["a/f.txt"] and io.glob("*.none") == []


def test_io_gfile_names():
    assert sorted(n for n in dir(io) if not n.startswith("_")) == [
        "GFile", "copy", "exists", "get_registered_schemes", "glob", "isdir", "join", "listdir", "makedirs",
        "mkdir", "remove", "rename", "rmtree", "stat", "walk"]
    assert sorted(n for n in dir(g) if not n.startswith("_")) == [
        "Copy", "DeleteRecursively", "Exists", "FastGFile", "GFile", "Glob", "IsDirectory", "ListDirectory",
        "MakeDirs", "MkDir", "Open", "Remove", "Rename", "Stat", "Walk"]
    assert io.join("a", "b", "/c", "d") == "/c/d"
    io.makedirs("m/n")
    io.mkdir("m/o")
    io.copy("a/f.txt", "m/f")
    io.rename("m/f", "m/g", overwrite=True)
    assert (io.exists("m/g"), io.isdir("m/o"), sorted(io.listdir("m")), io.stat("m/g").length) == (
        True, True, ["g", "n", "o"], 17)
    io.remove("m/g")
    io.rmtree("m")
    assert not io.exists("m")
