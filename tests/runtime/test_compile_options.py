"""runtime/compile_options: which XLA options Session programs get, and that a program compiled with them
keeps YNNPACK for dots but not for convolutions (the measured choice on CPU)."""
import jax
import numpy as np
import pytest

import scopeflow as tf
from scopeflow.runtime import compile_options

YNN = "xla_cpu_experimental_ynn_fusion_type"
cpu_only = pytest.mark.skipif(jax.default_backend() != "cpu", reason="the options are XLA:CPU's")


@cpu_only
def test_cpu_programs_keep_ynnpack_for_dots_and_reductions_only(monkeypatch):
    monkeypatch.delenv("XLA_FLAGS", raising=False)
    monkeypatch.delenv("SCOPEFLOW_XLA_DEFAULTS", raising=False)
    assert compile_options.compiler_options() == {
        YNN: "LIBRARY_FUSION_TYPE_INDIVIDUAL_DOT,LIBRARY_FUSION_TYPE_REDUCE"}


def test_the_users_xla_flags_win(monkeypatch):
    monkeypatch.setenv("XLA_FLAGS", f"--{YNN}=")
    assert compile_options.compiler_options() is None


def test_switched_off_by_environment(monkeypatch):
    monkeypatch.delenv("XLA_FLAGS", raising=False)
    monkeypatch.setenv("SCOPEFLOW_XLA_DEFAULTS", "0")
    assert compile_options.compiler_options() is None


def test_an_option_this_xla_rejects_is_dropped():
    assert compile_options._accepted(((YNN, "NOT_A_FUSION_TYPE"),)) is False
    assert compile_options._accepted((("xla_cpu_enable_fast_math", False),)) is True


@cpu_only
def test_session_compiles_convolutions_without_ynnpack(monkeypatch):
    monkeypatch.delenv("XLA_FLAGS", raising=False)
    monkeypatch.delenv("SCOPEFLOW_XLA_DEFAULTS", raising=False)
    x = np.ones((1, 8, 8, 32), np.float32)   # XLA:CPU gives YNNPACK convolutions from 32 channels on
    w = np.ones((3, 3, 32, 2), np.float32)
    with tf.Graph().as_default(), tf.Session() as sess:
        y = tf.nn.conv2d(tf.placeholder(tf.float32, x.shape, name="x"), tf.constant(w), [1, 1, 1, 1], "SAME")
        z = tf.matmul(tf.reshape(y, [64, 2]), tf.constant(np.ones((2, 3), np.float32)))
        got = sess.run(z, {"x:0": x})
        program = next(iter(sess._programs.values()))
        state = sess._state
        args = (tuple(state[k] for k in program.donated), tuple(state[k] for k in program.read_only), (x,))
        hlo = program.jitted.lower(*args).compile().as_text()
    assert got[9].tolist() == [576.0] * 3   # an inner pixel: 9 taps x 32 channels, x 2 output channels
    fusions = [line for line in hlo.splitlines() if "__ynn_fusion" in line]
    assert fusions and not any("conv_general_dilated" in line for line in fusions)
