"""Hand-written checks of variable scopes: user frames in "already exists", per-thread scope state,
the store's collection key, and hypothesis properties over random nests of variable_scope / name_scope /
get_variable (unique names, reuse returns the same object, names never depend on name_scope).
"""
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import scopeflow as tf
from scopeflow.framework import naming


def _make_variable():
    return tf.get_variable("v", [1])   # the line the error must point at


def _make_through_helper():
    return _make_variable()


def test_already_exists_lists_user_frames_innermost_first():
    with tf.Graph().as_default():
        _make_through_helper()
        with pytest.raises(ValueError, match="Variable v already exists, disallowed") as info:
            _make_through_helper()
    text = str(info.value)
    first, blank, *frames = text.split("\n")
    assert first.endswith("in VarScope? Originally defined at:") and blank == ""
    frame_lines = [line for line in frames if line.startswith("  File ")]
    assert __file__ in frame_lines[0] and "in _make_variable" in frame_lines[0]
    assert "in _make_through_helper" in frame_lines[1]
    assert "return tf.get_variable(\"v\", [1])" in frames[1]   # source line follows its frame
    assert len(frame_lines) <= 5
    assert not any("/scopeflow/" in line for line in frame_lines)


def test_resource_variable_already_exists_has_no_frames():
    with tf.Graph().as_default():
        tf.get_variable("r", [1], use_resource=True)
        with pytest.raises(ValueError) as info:
            tf.get_variable("r", [1])
    assert str(info.value).endswith("reuse=tf.AUTO_REUSE in VarScope?")


def test_store_lives_in_tuple_keyed_collection():
    with tf.Graph().as_default() as g:
        tf.get_variable("v", [1])
        store = g.get_collection(("__variable_store",))
        assert len(store) == 1 and type(store[0]).__name__ == "VariableStore"
        assert sorted(g.get_all_collection_keys()) == ["trainable_variables", "variables"]


def test_variable_scope_state_is_per_thread():
    seen = {}
    with tf.Graph().as_default() as g:
        with tf.variable_scope("main_thread", reuse=True):
            def other():
                with g.as_default():
                    seen["scope"] = tf.get_variable_scope().name
                    seen["reuse"] = tf.get_variable_scope().reuse
                    seen["name"] = tf.get_variable("w", [1]).name
            t = threading.Thread(target=other)
            t.start()
            t.join()
        # the variable made in the other thread is shared through the graph's one store
        with tf.variable_scope("", reuse=True):
            assert tf.get_variable("w", [1]).name == "w:0"
    assert seen == {"scope": "", "reuse": False, "name": "w:0"}


def test_scope_exit_restores_state_after_error():
    with tf.Graph().as_default():
        with pytest.raises(ValueError, match="does not exist"):
            with tf.variable_scope("a", reuse=True):
                tf.get_variable("missing", [1])
        assert tf.get_variable_scope().name == ""
        assert tf.get_default_graph().get_name_scope() == ""
        with pytest.raises(TypeError, match="name_or_scope must be a string"):
            with tf.variable_scope(3.5):
                pass
        assert tf.get_variable_scope().name == "" and tf.get_default_graph().get_name_scope() == ""


def test_unique_subscope_is_case_sensitive_and_skips_used_suffixes():
    counts = {"a/d": 1, "a/d_1": 1, "a/D": 0}
    assert naming.unique_subscope("a", "d", counts) == "d_2"
    assert naming.unique_subscope("a", "D", counts) == "D"
    assert naming.unique_subscope("", "d", counts) == "d"


# ---- properties over random programs -------------------------------------------------------------
_SCOPES = ("a", "b")
_NAME_SCOPES = ("n", "m")
_VARS = ("v", "w")
_REUSE = (None, True, "auto")

_program = st.recursive(
    st.tuples(st.just("gv"), st.sampled_from(_VARS)),
    lambda children: st.one_of(
        st.tuples(st.just("vs"), st.sampled_from(_SCOPES), st.sampled_from(_REUSE), st.lists(children, max_size=3)),
        st.tuples(st.just("ns"), st.sampled_from(_NAME_SCOPES), st.lists(children, max_size=3))),
    max_leaves=10)


def _run(program, keep_name_scopes=True):
    """Runs `program` in a fresh graph; returns [(expected full name, outcome)] and the store model."""
    log = []
    created = {}

    def walk(node, path, reuse):
        kind = node[0]
        if kind == "gv":
            full = naming.join(path, node[1])
            try:
                v = tf.get_variable(node[1], [1])
            except ValueError as exc:
                kind = "already exists" if "already exists" in str(exc) else "does not exist"
                assert str(exc).startswith(f"Variable {full} {kind}")
                log.append((full, kind))
                return
            log.append((full, v.name))
            if full in created:
                assert created[full] is v, "reuse must return the very same variable"
            created[full] = v
        elif kind == "ns":
            if keep_name_scopes:
                with tf.name_scope(node[1]):
                    for child in node[2]:
                        walk(child, path, reuse)
            else:
                for child in node[2]:
                    walk(child, path, reuse)
        else:
            own = tf.AUTO_REUSE if node[2] == "auto" else node[2]
            with tf.variable_scope(node[1], reuse=own) as scope:
                effective = own or reuse
                assert scope.reuse == (effective or False)
                for child in node[3]:
                    walk(child, naming.join(path, node[1]), effective)

    with tf.Graph().as_default():
        for node in program:
            walk(node, "", None)
    return log, created


def _expected(program):
    """The model: which get_variable calls create, share, or fail, from reuse rules alone."""
    made, log = set(), []

    def walk(node, path, reuse):
        if node[0] == "gv":
            full = naming.join(path, node[1])
            if full in made:
                log.append((full, f"{full}:0" if reuse else "already exists"))
            elif reuse is True:
                log.append((full, "does not exist"))
            else:
                made.add(full)
                log.append((full, f"{full}:0"))
        elif node[0] == "ns":
            for child in node[2]:
                walk(child, path, reuse)
        else:
            own = "auto" if node[2] == "auto" else node[2]
            for child in node[3]:
                walk(child, naming.join(path, node[1]), own or reuse)

    for node in program:
        walk(node, "", None)
    return log


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_program, max_size=4))
def test_random_nests_follow_the_reuse_model(program):
    log, created = _run(program)
    assert log == _expected(program)
    names = [v.name for v in created.values()]
    assert len(names) == len(set(names))
    assert all(v.name == f"{full}:0" for full, v in created.items())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_program, max_size=4))
def test_get_variable_names_never_depend_on_name_scope(program):
    with_scopes, _ = _run(program, keep_name_scopes=True)
    without, _ = _run(program, keep_name_scopes=False)
    assert with_scopes == without
