"""Hand-written slim / contrib checks golden data cannot express: import aliases, no-op summaries,
per-thread arg scopes, an arg_scope merge property, and the doctests."""
import doctest
import importlib
import threading

import pytest
from hypothesis import given, strategies as st

import scopeflow as tf
import scopeflow.slim as slim
from scopeflow.slim import layers_core, learning, normalization

arg_scope_lib = importlib.import_module("scopeflow.slim.arg_scope")   # the package attribute is the function
from tests.test_cli import run_json


@pytest.fixture(autouse=True)
def fresh_graph():
    with tf.Graph().as_default() as graph:
        yield graph


def test_tf_slim_and_contrib_imports_resolve_to_scopeflow_slim_under_scopeflow_run(tmp_path):
    out = run_json(tmp_path, """
        import json
        import tensorflow as tf
        import tf_slim as slim
        import tensorflow.contrib.slim as contrib_slim
        from tensorflow.contrib import layers
        x = tf.placeholder(tf.float32, [1, 4, 4, 3])
        y = slim.conv2d(x, 2, [3, 3], scope="conv1")
        print(json.dumps([slim.__name__, contrib_slim is slim, tf.contrib.slim is slim,
                          layers.conv2d is slim.conv2d, y.name,
                          [v.name for v in slim.get_model_variables()]]))
    """)
    assert out == ["scopeflow.slim", True, True, True, "conv1/Relu:0", ["conv1/weights:0", "conv1/biases:0"]]


def test_summaries_build_nothing_and_return_none():
    x = tf.placeholder(tf.float32, [2, 3])
    y = slim.fully_connected(x, 2, scope="fc")
    tf.add_to_collection(tf.GraphKeys.ACTIVATIONS, y)
    before = len(tf.get_default_graph().get_operations())
    assert slim.summarize_tensor(y) is None
    assert slim.summarize_activation(y) is None
    assert slim.summarize_variables() == [None, None]
    assert slim.summarize_activations() == [None]
    assert slim.summarize_collection(tf.GraphKeys.GLOBAL_VARIABLES, name_filter="fc/b") == [None]
    assert learning.add_gradients_summaries([(y, None)]) == []
    assert len(tf.get_default_graph().get_operations()) == before


def test_arg_scope_is_per_thread():
    @slim.add_arg_scope
    def f(a=1):
        return a

    seen = []
    with slim.arg_scope([f], a=5):
        thread = threading.Thread(target=lambda: seen.append(f()))
        thread.start()
        thread.join()
        assert f() == 5
    assert seen == [1]


def test_arg_scope_error_leaves_the_stack_unchanged():
    def plain(a=1):
        return a
    depth = len(arg_scope_lib._STACK.items)
    with pytest.raises(ValueError, match="is not decorated with @add_arg_scope"):
        with slim.arg_scope([plain], a=2):
            pass
    assert len(arg_scope_lib._STACK.items) == depth


def test_failed_layer_call_leaves_no_variables():
    with pytest.raises(ValueError, match="The channel dimension of the inputs should be defined"):
        slim.conv2d(tf.placeholder(tf.float32, [1, 4, 4, None]), 2, 3, scope="c")
    with pytest.raises(ValueError, match="data_format has to be either NCHW or NHWC"):
        slim.batch_norm(tf.placeholder(tf.float32, [1, 3]), data_format="NCWH")
    assert tf.global_variables() == []


@given(st.lists(st.tuples(st.sampled_from(["f", "g", "fg"]), st.dictionaries(st.sampled_from("ab"),
                                                                              st.integers(0, 9), max_size=2)),
                max_size=4))
def test_nested_arg_scopes_merge_like_dict_updates(scopes):
    @slim.add_arg_scope
    def f(a=-1, b=-1):
        return {"a": a, "b": b}

    @slim.add_arg_scope
    def g(a=-1, b=-1):
        return {"a": a, "b": b}

    expected = {"f": {"a": -1, "b": -1}, "g": {"a": -1, "b": -1}}
    contexts = []
    for which, kwargs in scopes:
        ops = [{"f": f, "g": g}[name] for name in which]
        contexts.append(slim.arg_scope(ops, **kwargs))
        for name in which:
            expected[name].update(kwargs)
    for context in contexts:
        context.__enter__()
    try:
        assert (f(), g()) == (expected["f"], expected["g"])
    finally:
        for context in reversed(contexts):
            context.__exit__(None, None, None)
    assert slim.current_arg_scope() == {}


@pytest.mark.parametrize("module", [arg_scope_lib, layers_core, learning, normalization])
def test_doctests(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
