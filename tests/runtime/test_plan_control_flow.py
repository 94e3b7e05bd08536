"""runtime/plan.py with control flow: ops built by a cond/while function are owned by the construct's
op, never scheduled on their own, and reaching one from outside is an InvalidArgumentError."""
import numpy as np
import pytest

import scopeflow as tf
from scopeflow.runtime.plan import order_ops, prune_to_fetches


def test_owned_ops_are_not_scheduled_and_owner_depends_on_captures():
    with tf.Graph().as_default() as g:
        x = tf.placeholder(tf.float32, [], name="x")
        c = tf.constant(3.0, name="c")
        r = tf.cond(x > 0., lambda: x + c, lambda: x * 2.)
        owner = r.op.inputs[0].op
        owned = {op for op, o in g._control_flow_owner.items() if o is owner}
        assert sorted(op.name for op in owned) == ["cond/add", "cond/mul", "cond/mul/y"]
        assert [t.name for t in owner.inputs] == ["Greater:0", "x:0", "c:0"]
        needed = prune_to_fetches([r.op], set())
        assert not needed & owned
        ordered = [op.name for op in order_ops(needed, set())]
        assert ordered.index("c") < ordered.index(owner.name) < ordered.index("cond/Merge")


def test_fetching_an_owned_tensor_is_an_error():
    with tf.Graph().as_default():
        x = tf.constant(1.0)
        inner = []

        def body(i):
            inner.append(i * 2)
            return i + 1

        tf.while_loop(lambda i: i < 3, body, [tf.constant(0)])
        with tf.Session() as sess:
            with pytest.raises(tf.errors.InvalidArgumentError, match="'while/Identity' is built inside"):
                sess.run(inner[0])
            assert sess.run(x) == np.float32(1.0)


def test_using_an_inner_tensor_in_another_construct_fails_at_build():
    with tf.Graph().as_default():
        leaked = []

        def body(i):
            tf.cond(i > 0, lambda: leaked.append(i * 3) or leaked[-1], lambda: i)
            return i + leaked[0]

        with pytest.raises(ValueError, match="Cannot use 'while/cond/mul' as input to 'while/add'"):
            tf.while_loop(lambda i: i < 3, body, [tf.constant(1)])


def test_a_variable_read_in_the_body_is_owned_but_a_variable_built_there_is_not():
    with tf.Graph().as_default() as g:
        v = tf.Variable(0.0, name="v")
        reads = []

        def body(i):
            w = tf.get_variable("w", [], initializer=tf.zeros_initializer())   # its `w/read` stays outside
            with tf.control_dependencies([tf.assign_add(v, 1.0)]):
                reads.append(v.read_value())
                return i + tf.cast(reads[-1] + w, tf.int32)

        r = tf.while_loop(lambda i: i < 10, body, [tf.constant(0)], parallel_iterations=1)
        owner = r.op.inputs[0].op
        owned = sorted(op.name for op, o in g._control_flow_owner.items() if o is owner)
        assert "while/read" in owned and "while/AssignAdd" in owned   # runs after the assign, per iteration
        assert "w/read" not in owned and "w" not in owned
        assert [c.name for c in reads[0].op.control_inputs] == ["while/AssignAdd"]
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            assert sess.run(r) == 10 and sess.run(v) == np.float32(4.0)   # reads 1, 2, 3, 4
