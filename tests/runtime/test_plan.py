"""runtime/plan.py: pruning stops at feeds and keeps control inputs; order is topological, ties by id."""
import pytest

import scopeflow as tf
from scopeflow.runtime.plan import order_ops, prune_to_fetches


def _names(ops):
    return sorted(op.name for op in ops)


def test_prune_keeps_only_what_fetches_need():
    with tf.Graph().as_default():
        a = tf.constant(1., name="a")
        tf.constant(2., name="unused")
        b = tf.identity(a, name="b")
        assert _names(prune_to_fetches([b.op], set())) == ["a", "b"]


def test_prune_stops_at_fed_tensors_and_follows_control_inputs():
    with tf.Graph().as_default():
        a = tf.constant(1., name="a")
        side = tf.constant(2., name="side")
        with tf.control_dependencies([side]):
            b = tf.identity(a, name="b")
        assert _names(prune_to_fetches([b.op], {a})) == ["b", "side"]


def test_order_honours_control_edges_added_later():
    with tf.Graph().as_default():
        first = tf.constant(1., name="first")
        late = tf.constant(2., name="late")
        first.op._add_control_input(late.op)     # an edge to a newer op
        ops = prune_to_fetches([first.op], set())
        assert [op.name for op in order_ops(ops, set())] == ["late", "first"]


def test_order_breaks_ties_by_creation():
    with tf.Graph().as_default():
        ops = [tf.constant(float(i), name=f"c{i}").op for i in range(5)]
        assert [op.name for op in order_ops(set(ops), set())] == [f"c{i}" for i in range(5)]


def test_cycle_is_reported():
    with tf.Graph().as_default():
        a = tf.constant(1., name="a")
        b = tf.identity(a, name="b")
        a.op._add_control_input(b.op)
        with pytest.raises(ValueError, match="cycle"):
            order_ops({a.op, b.op}, set())
