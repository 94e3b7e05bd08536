"""Graph building: names, scopes, control dependencies, devices, collections (golden + properties)."""
import pytest

import scopeflow as tf
from scopeflow.framework import naming
from tests.golden import golden_test

test_golden = golden_test("framework_graph")


def test_ops_keep_creation_order_and_ids():
    with tf.Graph().as_default() as g:
        ops = [tf.constant(float(i)).op for i in range(5)]
        assert g.get_operations() == ops
        assert [op._id for op in ops] == sorted(op._id for op in ops)
        assert g.version == 5


def test_name_scope_reentry_by_returned_string():
    with tf.Graph().as_default():
        with tf.name_scope("outer") as outer:
            pass
        with tf.name_scope(outer):
            c = tf.constant(1.)
        assert c.name == "outer/Const:0"


def test_default_graph_is_per_thread():
    import threading
    g = tf.Graph()
    seen = []
    with g.as_default():
        t = threading.Thread(target=lambda: seen.append(tf.get_default_graph() is g))
        t.start()
        t.join()
        assert tf.get_default_graph() is g
    assert seen == [False]


def test_control_inputs_skip_ops_already_inputs():
    with tf.Graph().as_default():
        a = tf.constant(1., name="a")
        with tf.control_dependencies([a]):
            b = tf.identity(a, name="b")       # a is already an input
        assert b.op.control_inputs == []


def test_collections_by_scope_regex_match_prefix():
    with tf.Graph().as_default():
        with tf.name_scope("tower_1"):
            t1 = tf.constant(1.)
        with tf.name_scope("tower_10"):
            t10 = tf.constant(1.)
        tf.add_to_collection("c", t1)
        tf.add_to_collection("c", t10)
        assert tf.get_collection("c", scope="tower_1") == [t1, t10]
        assert tf.get_collection("c", scope="tower_1/") == [t1]
        assert naming.join("tower_1", "x") == "tower_1/x"


test_golden_constant = golden_test("framework_constant")
