"""The public TF1 surface: explicit imports, one name per line, grouped by the module that owns them.

Every name here is TF's public name; `import scopeflow as tf` and `import scopeflow.compat.v1 as tf`
both see exactly this module's names.
"""
# --- dtypes (framework/dtypes.py) ---
from scopeflow.framework import dtypes
from scopeflow.framework.dtypes import DType
from scopeflow.framework.dtypes import QUANTIZED_DTYPES
from scopeflow.framework.dtypes import as_dtype
from scopeflow.framework.dtypes import bfloat16
from scopeflow.framework.dtypes import bool  # noqa: A004  TF's name
from scopeflow.framework.dtypes import complex64
from scopeflow.framework.dtypes import complex128
from scopeflow.framework.dtypes import double
from scopeflow.framework.dtypes import float16
from scopeflow.framework.dtypes import float32
from scopeflow.framework.dtypes import float64
from scopeflow.framework.dtypes import half
from scopeflow.framework.dtypes import int8
from scopeflow.framework.dtypes import int16
from scopeflow.framework.dtypes import int32
from scopeflow.framework.dtypes import int64
from scopeflow.framework.dtypes import qint8
from scopeflow.framework.dtypes import qint16
from scopeflow.framework.dtypes import qint32
from scopeflow.framework.dtypes import quint8
from scopeflow.framework.dtypes import quint16
from scopeflow.framework.dtypes import resource
from scopeflow.framework.dtypes import string
from scopeflow.framework.dtypes import uint8
from scopeflow.framework.dtypes import uint16
from scopeflow.framework.dtypes import uint32
from scopeflow.framework.dtypes import uint64
from scopeflow.framework.dtypes import variant
# --- shapes (framework/tensor_shape.py) ---
from scopeflow.framework.tensor_shape import Dimension
from scopeflow.framework.tensor_shape import TensorShape
from scopeflow.framework.tensor_shape import dimension_at_index
from scopeflow.framework.tensor_shape import dimension_value
# --- errors (framework/errors.py) ---
from scopeflow.framework import errors
# --- graph, ops, scopes (framework/) ---
from scopeflow.framework.constant_op import constant
from scopeflow.framework.constant_op import convert_to_tensor
from scopeflow.framework.constant_op import register_tensor_conversion_function
from scopeflow.framework.default_session import get_default_session
from scopeflow.framework.graph import Graph
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.graph import reset_default_graph
from scopeflow.framework.graph_keys import GraphKeys
from scopeflow.framework.scopes import add_to_collection
from scopeflow.framework.scopes import add_to_collections
from scopeflow.framework.scopes import colocate_with
from scopeflow.framework.scopes import control_dependencies
from scopeflow.framework.scopes import device
from scopeflow.framework.scopes import executing_eagerly
from scopeflow.framework.scopes import get_collection
from scopeflow.framework.scopes import get_collection_ref
from scopeflow.framework.scopes import init_scope
from scopeflow.framework.scopes import name_scope
from scopeflow.framework.tensor import Operation
from scopeflow.framework.tensor import Tensor
from scopeflow.framework.tensor_proto import make_ndarray
from scopeflow.framework.tensor_proto import make_tensor_proto
# --- ops/ (array_ops.py) ---
from scopeflow.ops.array_ops import identity
from scopeflow.ops.array_ops import placeholder
from scopeflow.ops.array_ops import placeholder_with_default
# --- ops/ (math_ops.py) ---
# --- ops/ (random_ops.py) ---
# --- ops/ (control_flow_ops.py, logging_ops.py) ---
# --- client ---
from scopeflow.client.config import ConfigProto
from scopeflow.client.config import GPUOptions
from scopeflow.client.config import GraphOptions
from scopeflow.client.config import OptimizerOptions
from scopeflow.client.config import RunMetadata
from scopeflow.client.config import RunOptions
from scopeflow.client.session import InteractiveSession
from scopeflow.client.session import Session
# --- behaviour switches (compat) ---
from scopeflow.compat.switches import *  # noqa: F401,F403  (explicit list in switches.__all__)
