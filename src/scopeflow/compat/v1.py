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
from scopeflow.ops.shape_ops import expand_dims
from scopeflow.ops.shape_ops import rank
from scopeflow.ops.shape_ops import reshape
from scopeflow.ops.shape_ops import shape
from scopeflow.ops.shape_ops import size
from scopeflow.ops.shape_ops import squeeze
from scopeflow.ops.shape_ops import transpose
from scopeflow.ops.join_ops import concat
from scopeflow.ops.join_ops import pad
from scopeflow.ops.join_ops import split
from scopeflow.ops.join_ops import stack
from scopeflow.ops.join_ops import tile
from scopeflow.ops.join_ops import unstack
from scopeflow.ops.fill_ops import eye
from scopeflow.ops.fill_ops import fill
from scopeflow.ops.fill_ops import linspace
from scopeflow.ops.fill_ops import one_hot
from scopeflow.ops.fill_ops import ones
from scopeflow.ops.fill_ops import ones_like
from scopeflow.ops.fill_ops import range
from scopeflow.ops.fill_ops import zeros
from scopeflow.ops.fill_ops import zeros_like
from scopeflow.ops.slicing import gather
from scopeflow.ops.slicing import newaxis
from scopeflow.ops.slicing import slice
from scopeflow.ops.slicing import strided_slice
from scopeflow.ops.slicing import where
from scopeflow.ops.fill_ops import linspace as lin_space
# --- ops/ (math_ops.py) ---
from scopeflow.ops import math
from scopeflow.ops import tensor_operators as _tensor_operators  # noqa: F401  fills Tensor's operators
from scopeflow.ops.math_ops import add
from scopeflow.ops.math_ops import subtract
from scopeflow.ops.math_ops import multiply
from scopeflow.ops.math_ops import divide
from scopeflow.ops.math_ops import truediv
from scopeflow.ops.math_ops import div
from scopeflow.ops.math_ops import floordiv
from scopeflow.ops.math_ops import floormod
from scopeflow.ops.math_ops import mod
from scopeflow.ops.math_ops import realdiv
from scopeflow.ops.math_ops import truncatediv
from scopeflow.ops.math_ops import truncatemod
from scopeflow.ops.math_ops import pow  # noqa: A004
from scopeflow.ops.math_ops import maximum
from scopeflow.ops.math_ops import minimum
from scopeflow.ops.math_ops import squared_difference
from scopeflow.ops.math_ops import atan2
from scopeflow.ops.math_ops import equal
from scopeflow.ops.math_ops import not_equal
from scopeflow.ops.math_ops import less
from scopeflow.ops.math_ops import less_equal
from scopeflow.ops.math_ops import greater
from scopeflow.ops.math_ops import greater_equal
from scopeflow.ops.math_ops import logical_and
from scopeflow.ops.math_ops import logical_or
from scopeflow.ops.math_ops import logical_not
from scopeflow.ops.math_ops import logical_xor
from scopeflow.ops.math_ops import square
from scopeflow.ops.math_ops import sqrt
from scopeflow.ops.math_ops import rsqrt
from scopeflow.ops.math_ops import exp
from scopeflow.ops.math_ops import log
from scopeflow.ops.math_ops import log1p
from scopeflow.ops.math_ops import expm1
from scopeflow.ops.math_ops import abs  # noqa: A004
from scopeflow.ops.math_ops import negative
from scopeflow.ops.math_ops import sign
from scopeflow.ops.math_ops import reciprocal
from scopeflow.ops.math_ops import floor
from scopeflow.ops.math_ops import ceil
from scopeflow.ops.math_ops import round  # noqa: A004
from scopeflow.ops.math_ops import sin
from scopeflow.ops.math_ops import cos
from scopeflow.ops.math_ops import tan
from scopeflow.ops.math_ops import asin
from scopeflow.ops.math_ops import acos
from scopeflow.ops.math_ops import atan
from scopeflow.ops.math_ops import sinh
from scopeflow.ops.math_ops import cosh
from scopeflow.ops.math_ops import erf
from scopeflow.ops.math_ops import erfc
from scopeflow.ops.math_ops import lgamma
from scopeflow.ops.math_ops import digamma
from scopeflow.ops.math_ops import sigmoid
from scopeflow.ops.math_ops import tanh
from scopeflow.ops.math_ops import is_finite
from scopeflow.ops.math_ops import is_nan
from scopeflow.ops.math_ops import is_inf
from scopeflow.ops.math_ops import cast
from scopeflow.ops.math_ops import to_float
from scopeflow.ops.math_ops import to_double
from scopeflow.ops.math_ops import to_int32
from scopeflow.ops.math_ops import to_int64
from scopeflow.ops.math_ops import to_bfloat16
from scopeflow.ops.math_ops import saturate_cast
from scopeflow.ops.reduction_ops import reduce_sum
from scopeflow.ops.reduction_ops import reduce_mean
from scopeflow.ops.reduction_ops import reduce_max
from scopeflow.ops.reduction_ops import reduce_min
from scopeflow.ops.reduction_ops import reduce_prod
from scopeflow.ops.reduction_ops import reduce_all
from scopeflow.ops.reduction_ops import reduce_any
from scopeflow.ops.reduction_ops import reduce_logsumexp
from scopeflow.ops.reduction_ops import argmax
from scopeflow.ops.reduction_ops import argmin
from scopeflow.ops.reduction_ops import cumsum
from scopeflow.ops.reduction_ops import cumprod
from scopeflow.ops.reduction_ops import add_n
from scopeflow.ops.reduction_ops import matmul
# --- ops/ (nn_ops.py) ---
from scopeflow.ops import nn
# --- ops/ (random_ops.py) ---
from scopeflow.framework.random_seed import set_random_seed
from scopeflow.ops import random_namespace as random
from scopeflow.ops.random_ops import multinomial
from scopeflow.ops.random_ops import random_crop
from scopeflow.ops.random_ops import random_gamma
from scopeflow.ops.random_ops import random_normal
from scopeflow.ops.random_ops import random_poisson
from scopeflow.ops.random_ops import random_shuffle
from scopeflow.ops.random_ops import random_uniform
from scopeflow.ops.random_ops import truncated_normal
# --- ops/ (control_flow_ops.py, logging_ops.py) ---
from scopeflow.ops.control_flow_ops import group
from scopeflow.ops.control_flow_ops import no_op
from scopeflow.ops.control_flow_ops import tuple  # noqa: A004  TF's public name
from scopeflow.ops.logging_ops import Assert
from scopeflow.ops.logging_ops import Print
from scopeflow.ops.logging_ops import print_v2 as print  # noqa: A004
# --- ops/ (variables.py, state_ops.py) ---
from scopeflow.ops.variables import Variable
from scopeflow.ops.variables import VariableAggregation
from scopeflow.ops.variables import VariableSynchronization
from scopeflow.ops.variable_collections import all_variables
from scopeflow.ops.variable_collections import assert_variables_initialized
from scopeflow.ops.variable_collections import global_variables
from scopeflow.ops.variable_collections import global_variables_initializer
from scopeflow.ops.variable_collections import initialize_all_variables
from scopeflow.ops.variable_collections import initialize_local_variables
from scopeflow.ops.variable_collections import initialize_variables
from scopeflow.ops.variable_collections import is_variable_initialized
from scopeflow.ops.variable_collections import local_variables
from scopeflow.ops.variable_collections import local_variables_initializer
from scopeflow.ops.variable_collections import model_variables
from scopeflow.ops.variable_collections import moving_average_variables
from scopeflow.ops.variable_collections import report_uninitialized_variables
from scopeflow.ops.variable_collections import trainable_variables
from scopeflow.ops.variable_collections import variables_initializer
from scopeflow.ops.state_ops import assign
from scopeflow.ops.state_ops import assign_add
from scopeflow.ops.state_ops import assign_sub
from scopeflow.ops.state_ops import count_up_to
from scopeflow.ops.state_ops import scatter_add
from scopeflow.ops.state_ops import scatter_div
from scopeflow.ops.state_ops import scatter_max
from scopeflow.ops.state_ops import scatter_min
from scopeflow.ops.state_ops import scatter_mul
from scopeflow.ops.state_ops import scatter_sub
from scopeflow.ops.state_ops import scatter_update
# --- ops/ (init_ops.py) ---
from scopeflow.ops.init_ops import constant_initializer
from scopeflow.ops.init_ops import glorot_normal_initializer
from scopeflow.ops.init_ops import glorot_uniform_initializer
from scopeflow.ops.init_ops import ones_initializer
from scopeflow.ops.init_ops import orthogonal_initializer
from scopeflow.ops.init_ops import random_normal_initializer
from scopeflow.ops.init_ops import random_uniform_initializer
from scopeflow.ops.init_ops import truncated_normal_initializer
from scopeflow.ops.init_ops import uniform_unit_scaling_initializer
from scopeflow.ops.init_ops import variance_scaling_initializer
from scopeflow.ops.init_ops import zeros_initializer
from scopeflow.ops import initializers
# --- ops/ (variable_scope.py) ---
from scopeflow.ops.variable_scope import AUTO_REUSE
from scopeflow.ops.variable_scope import VariableScope
from scopeflow.ops.variable_scope import get_local_variable
from scopeflow.ops.variable_scope import get_variable
from scopeflow.ops.variable_scope import get_variable_scope
from scopeflow.ops.variable_scope import no_regularizer
from scopeflow.ops.variable_scope import variable_op_scope
from scopeflow.ops.variable_scope import variable_scope
from scopeflow.ops.partitioned_variables import fixed_size_partitioner
from scopeflow.ops.partitioned_variables import min_max_variable_partitioner
from scopeflow.ops.partitioned_variables import variable_axis_size_partitioner
# --- platform (app, flags, logging, gfile) ---
from scopeflow.platform import app
from scopeflow.platform import flags
from scopeflow.platform import gfile
from scopeflow.platform import tf_logging as logging
# --- ops/ (issue 5 array and math extras) ---
from scopeflow.ops import debugging
from scopeflow.ops.check_ops import add_check_numerics_ops
from scopeflow.ops.check_ops import assert_equal
from scopeflow.ops.check_ops import assert_greater
from scopeflow.ops.check_ops import assert_greater_equal
from scopeflow.ops.check_ops import assert_integer
from scopeflow.ops.check_ops import assert_less
from scopeflow.ops.check_ops import assert_less_equal
from scopeflow.ops.check_ops import assert_near
from scopeflow.ops.check_ops import assert_negative
from scopeflow.ops.check_ops import assert_non_negative
from scopeflow.ops.check_ops import assert_non_positive
from scopeflow.ops.check_ops import assert_none_equal
from scopeflow.ops.check_ops import assert_positive
from scopeflow.ops.check_ops import assert_rank
from scopeflow.ops.check_ops import assert_rank_at_least
from scopeflow.ops.check_ops import assert_rank_in
from scopeflow.ops.check_ops import assert_scalar
from scopeflow.ops.check_ops import assert_type
from scopeflow.ops.check_ops import check_numerics
from scopeflow.ops.check_ops import is_non_decreasing
from scopeflow.ops.check_ops import is_numeric_tensor
from scopeflow.ops.check_ops import is_strictly_increasing
from scopeflow.ops.check_ops import verify_tensor_all_finite
from scopeflow.ops.clip_ops import clip_by_average_norm
from scopeflow.ops.clip_ops import clip_by_global_norm
from scopeflow.ops.clip_ops import clip_by_norm
from scopeflow.ops.clip_ops import clip_by_value
from scopeflow.ops.clip_ops import global_norm
from scopeflow.ops.extra_math_ops import accumulate_n
from scopeflow.ops.extra_math_ops import count_nonzero
from scopeflow.ops.extra_math_ops import einsum
from scopeflow.ops.extra_math_ops import tensordot
from scopeflow.ops.gather_ops import boolean_mask
from scopeflow.ops.gather_ops import dynamic_partition
from scopeflow.ops.gather_ops import dynamic_stitch
from scopeflow.ops.gather_ops import gather_nd
from scopeflow.ops.gather_ops import scatter_nd
from scopeflow.ops.gather_ops import unique
from scopeflow.ops.gather_ops import unique_with_counts
from scopeflow.ops.segment_ops import bincount
from scopeflow.ops.segment_ops import confusion_matrix
from scopeflow.ops.segment_ops import segment_max
from scopeflow.ops.segment_ops import segment_mean
from scopeflow.ops.segment_ops import segment_min
from scopeflow.ops.segment_ops import segment_prod
from scopeflow.ops.segment_ops import segment_sum
from scopeflow.ops.segment_ops import unsorted_segment_max
from scopeflow.ops.segment_ops import unsorted_segment_mean
from scopeflow.ops.segment_ops import unsorted_segment_min
from scopeflow.ops.segment_ops import unsorted_segment_prod
from scopeflow.ops.segment_ops import unsorted_segment_sqrt_n
from scopeflow.ops.segment_ops import unsorted_segment_sum
from scopeflow.ops.transform_ops import broadcast_dynamic_shape
from scopeflow.ops.transform_ops import broadcast_static_shape
from scopeflow.ops.transform_ops import broadcast_to
from scopeflow.ops.transform_ops import depth_to_space
from scopeflow.ops.transform_ops import meshgrid
from scopeflow.ops.transform_ops import reverse
from scopeflow.ops.transform_ops import reverse_v2
from scopeflow.ops.transform_ops import sequence_mask
from scopeflow.ops.transform_ops import space_to_depth
from scopeflow.ops.transform_ops import where_v2
# --- losses, metrics ---
from scopeflow import losses
from scopeflow import metrics
# --- train (train/) ---
from scopeflow import train
# --- ops/ (control flow: cond, while_loop, functional) ---
from scopeflow.ops.control_flow_cond import case
from scopeflow.ops.control_flow_cond import cond
from scopeflow.ops.control_flow_while import while_loop
from scopeflow.ops.functional_ops import foldl
from scopeflow.ops.functional_ops import foldr
from scopeflow.ops.functional_ops import map_fn
from scopeflow.ops.functional_ops import scan
# --- ops/ (gradients_impl.py) ---
from scopeflow.ops.custom_gradient import custom_gradient
from scopeflow.ops.custom_gradient import identity_n
from scopeflow.ops.gradient_registry import NotDifferentiable
from scopeflow.ops.gradient_registry import RegisterGradient
from scopeflow.ops.gradient_registry import no_gradient
from scopeflow.ops.gradients_impl import AggregationMethod
from scopeflow.ops.gradients_impl import UnconnectedGradients
from scopeflow.ops.gradients_impl import gradients
from scopeflow.ops.gradients_impl import hessians
from scopeflow.ops.gradients_impl import stop_gradient
# --- layers (layers/) ---
from scopeflow import layers
# --- ops/ (issue 5 nn: nn_conv/pool/norm/xent/misc; tf.nn names are in ops/nn.py) ---
from scopeflow.ops.nn_conv_dilated import batch_to_space_nd
from scopeflow.ops.nn_conv_dilated import space_to_batch_nd
# --- contrib (contrib/) ---
from scopeflow import contrib
# --- indexed slices ---
from scopeflow.framework.indexed_slices import IndexedSlices
from scopeflow.framework.indexed_slices import IndexedSlicesValue
# --- ops/ (linalg_ops.py) ---
from scopeflow.ops import linalg
from scopeflow.ops.linalg_norm import norm
from scopeflow.ops.linalg_ops import cholesky
from scopeflow.ops.linalg_ops import diag
from scopeflow.ops.linalg_ops import diag_part
from scopeflow.ops.linalg_ops import matrix_band_part
from scopeflow.ops.linalg_ops import matrix_determinant
from scopeflow.ops.linalg_ops import matrix_diag
from scopeflow.ops.linalg_ops import matrix_diag_part
from scopeflow.ops.linalg_ops import matrix_inverse
from scopeflow.ops.linalg_ops import matrix_set_diag
from scopeflow.ops.linalg_ops import matrix_solve
from scopeflow.ops.linalg_ops import matrix_transpose
from scopeflow.ops.linalg_ops import matrix_triangular_solve
from scopeflow.ops.linalg_ops import qr
from scopeflow.ops.linalg_ops import svd
from scopeflow.ops.linalg_ops import trace
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
