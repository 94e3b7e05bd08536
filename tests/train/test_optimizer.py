"""Optimizer base behaviour beyond the golden cases: one compiled train step with donated variable
buffers (issue 5 section 4), subclassing hooks, and per-graph optimizer variables."""
import numpy as np
import pytest

import scopeflow as tf
from scopeflow.train.training_ops import apply_op


@pytest.fixture
def graph():
    with tf.Graph().as_default() as g:
        yield g


def _mlp_train_step(optimizer):
    x = tf.placeholder(tf.float32, [None, 3], name="x")
    y = tf.placeholder(tf.float32, [None], name="y")
    w = tf.Variable([[0.1], [-0.2], [0.3]], name="w")
    b = tf.Variable(0.0, name="b")
    loss = tf.reduce_mean(tf.square(tf.reshape(tf.matmul(x, w), [-1]) + b - y))
    step = tf.train.get_or_create_global_step()
    return x, y, loss, optimizer.minimize(loss, global_step=step)


def test_train_step_compiles_once_and_donates_every_updated_buffer(graph):
    x, y, loss, train = _mlp_train_step(tf.train.AdamOptimizer(0.1))
    data = {x: np.ones((4, 3), np.float32), y: np.arange(4, dtype=np.float32)}
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess._programs.clear()
        losses = [sess.run(loss, data)]
        for _ in range(5):
            sess.run(train, data)
            losses.append(sess.run(loss, data))
        train_programs = [p for p in sess._programs.values() if train in p.ops]
        assert len(train_programs) == 1 and len(sess._programs) == 2   # the train step and the loss fetch
        assert set(train_programs[0].donated) == {
            "w", "b", "w/Adam", "w/Adam_1", "b/Adam", "b/Adam_1", "beta1_power", "beta2_power", "global_step"}
        assert losses[-1] < losses[0] / 2
        assert sess.run(tf.train.get_global_step()) == 5


def test_new_batch_size_reuses_the_program_entry(graph):
    x, y, loss, train = _mlp_train_step(tf.train.MomentumOptimizer(0.01, 0.9))
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess._programs.clear()
        for batch in (4, 8, 4):
            sess.run(train, {x: np.ones((batch, 3), np.float32), y: np.zeros(batch, np.float32)})
        assert len(sess._programs) == 1
        assert sess.run(tf.train.get_global_step()) == 3


class _SignSGD(tf.train.Optimizer):
    """A user optimizer written against TF1's subclass hooks: var -= lr * sign(grad), counted in a slot."""

    def __init__(self, learning_rate, name="SignSGD"):
        super().__init__(False, name)
        self._lr = learning_rate

    def _create_slots(self, var_list):
        for v in var_list:
            self._zeros_slot(v, "count", self._name)

    def _prepare(self):
        self._prepare_hyper(learning_rate=self._lr)

    def _apply_dense(self, grad, var):
        count = self.get_slot(var, "count")
        step = apply_op("ApplyGradientDescent", var, [], self._hyper("learning_rate", var), tf.sign(grad))
        return tf.group(step, tf.assign_add(count, tf.ones_like(grad)))


def test_subclass_hooks_build_slots_and_updates(graph):
    w = tf.Variable([1.0, -2.0], name="w")
    opt = _SignSGD(0.5)
    train = opt.apply_gradients([(w * 3.0, w)])
    assert train.name == "SignSGD" and opt.get_slot_names() == ["count"]
    assert [v.name for v in opt.variables()] == ["w/SignSGD:0"]
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for _ in range(3):
            sess.run(train)
        np.testing.assert_allclose(sess.run([w, opt.get_slot(w, "count")]), [[0.0, -0.5], [3.0, 3.0]])


def test_variables_lists_only_the_current_graph():
    opt = tf.train.AdamOptimizer(0.1)
    g1, g2 = tf.Graph(), tf.Graph()
    with g1.as_default():
        w = tf.Variable([1.0], name="w")
        opt.apply_gradients([(w * 1.0, w)])
    with g2.as_default():
        v = tf.Variable([1.0], name="v")
        opt.apply_gradients([(v * 1.0, v)])
        assert [x.name for x in opt.variables()] == ["beta1_power:0", "beta2_power:0", "v/Adam:0", "v/Adam_1:0"]
    with g1.as_default():
        assert [x.name for x in opt.variables()] == ["beta1_power:0", "beta2_power:0", "w/Adam:0", "w/Adam_1:0"]


def test_constraint_is_applied_after_the_update(graph):
    w = tf.Variable([1.0, -2.0], name="w", constraint=lambda t: tf.clip_by_value(t, -1.0, 1.0))
    train = tf.train.GradientDescentOptimizer(1.0).apply_gradients([(tf.constant([-3.0, 3.0]), w)])
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run(train)
        np.testing.assert_allclose(sess.run(w), [1.0, -1.0])


class _Slices:
    """An IndexedSlices-shaped gradient (values, indices, dense_shape), as a gather's gradient is in TF."""

    def __init__(self, values, indices, dense_shape=None):
        self.values, self.indices, self.dense_shape = values, indices, dense_shape


def test_sparse_gradient_descent_is_a_scatter_sub(graph):
    w = tf.Variable([1.0, 2.0, 3.0], name="w")
    grad = _Slices(tf.constant([1.0, 4.0]), tf.constant([0, 2]))
    train = tf.train.GradientDescentOptimizer(0.5).apply_gradients([(grad, w)])
    update = train.control_inputs[0]
    assert (update.name, update.type) == ("GradientDescent/update_w/ScatterSub", "ScatterSub")
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        sess.run(train)
        np.testing.assert_allclose(sess.run(w), [0.5, 2.0, 1.0])
