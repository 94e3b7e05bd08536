"""The global step: `create_global_step`, `get_global_step`, `get_or_create_global_step`,
`assert_global_step` and `global_step(sess, tensor)`.

The global step is an int64 scalar `get_variable` named `global_step` in the current variable scope (name
scopes are ignored), non-trainable, in GLOBAL_VARIABLES and GLOBAL_STEP. Lookup prefers the GLOBAL_STEP
collection and falls back to the tensor `global_step:0` (golden: tests/golden/train_schedules.json).
"""
from scopeflow.framework import dtypes
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.graph_keys import GraphKeys
from scopeflow.framework.tensor import Tensor
from scopeflow.ops import init_ops
from scopeflow.ops.variable_scope import get_variable
from scopeflow.ops.variables import Variable, VariableAggregation
from scopeflow.platform import tf_logging as logging


def assert_global_step(global_step_tensor):
    """Raises TF's TypeError unless `global_step_tensor` is an integer scalar Variable or Tensor."""
    if not isinstance(global_step_tensor, (Variable, Tensor)):
        raise TypeError(f'Existing "global_step" must be a Variable or Tensor: {global_step_tensor}.')
    if not global_step_tensor.dtype.base_dtype.is_integer:
        raise TypeError(f'Existing "global_step" does not have integer type: {global_step_tensor.dtype}')
    shape = global_step_tensor.get_shape()
    if shape.ndims != 0 and shape.is_fully_defined():
        raise TypeError(f'Existing "global_step" is not scalar: {shape}')


def get_global_step(graph=None):
    """The global step Variable (or `global_step:0` tensor) of `graph`, or None."""
    graph = graph or get_default_graph()
    collection = graph.get_collection(GraphKeys.GLOBAL_STEP)
    if len(collection) > 1:
        logging.error("Multiple tensors in global_step collection.")
        return None
    if collection:
        step = collection[0]
    else:
        try:
            step = graph.get_tensor_by_name("global_step:0")
        except KeyError:
            return None
    assert_global_step(step)
    return step


def create_global_step(graph=None):
    """Creates the global step (`global_step:0`, int64_ref); ValueError if one exists."""
    graph = graph or get_default_graph()
    if get_global_step(graph) is not None:
        raise ValueError('"global_step" already exists.')
    with graph.as_default(), graph.name_scope(None):
        return get_variable(GraphKeys.GLOBAL_STEP, shape=[], dtype=dtypes.int64,
                            initializer=init_ops.zeros_initializer(), trainable=False,
                            aggregation=VariableAggregation.ONLY_FIRST_REPLICA,
                            collections=[GraphKeys.GLOBAL_VARIABLES, GraphKeys.GLOBAL_STEP])


def get_or_create_global_step(graph=None):
    """The global step of `graph`, created first if missing.

    >>> import scopeflow as tf
    >>> with tf.Graph().as_default():
    ...     step = tf.train.get_or_create_global_step()
    ...     print(step.name, step.dtype.name, step is tf.train.get_global_step())
    global_step:0 int64_ref True
    """
    graph = graph or get_default_graph()
    step = get_global_step(graph)
    return create_global_step(graph) if step is None else step


def global_step(sess, global_step_tensor):
    """The global step's current value as a Python int."""
    return int(sess.run(global_step_tensor))


__all__ = ["assert_global_step", "get_global_step", "create_global_step", "get_or_create_global_step",
           "global_step"]
