"""`tf.linalg`: TF1's (compat.v1) names of the linear-algebra namespace; no logic of its own.

`tf.linalg.det is tf.matrix_determinant`, `tf.linalg.diag` is the MatrixDiagV3 `matrix_diag` while
`tf.linalg.tensor_diag` is the Diag op (`tf.diag`), as in TF.
"""
from scopeflow.ops.clip_ops import global_norm
from scopeflow.ops.extra_math_ops import einsum
from scopeflow.ops.extra_math_ops import tensordot
from scopeflow.ops.fill_ops import eye
from scopeflow.ops.linalg_ops import adjoint
from scopeflow.ops.linalg_ops import cholesky
from scopeflow.ops.linalg_ops import diag as tensor_diag
from scopeflow.ops.linalg_ops import diag_part as tensor_diag_part
from scopeflow.ops.linalg_ops import matrix_band_part as band_part
from scopeflow.ops.linalg_ops import matrix_determinant as det
from scopeflow.ops.linalg_ops import matrix_diag as diag
from scopeflow.ops.linalg_ops import matrix_diag_part as diag_part
from scopeflow.ops.linalg_ops import matrix_inverse as inv
from scopeflow.ops.linalg_ops import matrix_set_diag as set_diag
from scopeflow.ops.linalg_ops import matrix_solve as solve
from scopeflow.ops.linalg_ops import matrix_transpose
from scopeflow.ops.linalg_ops import matrix_transpose as transpose
from scopeflow.ops.linalg_ops import matrix_triangular_solve as triangular_solve
from scopeflow.ops.linalg_norm import norm
from scopeflow.ops.linalg_ops import qr
from scopeflow.ops.linalg_ops import svd
from scopeflow.ops.linalg_ops import trace
from scopeflow.ops.nn_norm import l2_normalize
from scopeflow.ops.reduction_ops import matmul

__all__ = ["adjoint", "band_part", "cholesky", "det", "diag", "diag_part", "einsum", "eye", "global_norm", "inv",
           "l2_normalize", "matmul", "matrix_transpose", "norm", "qr", "set_diag", "solve", "svd", "tensor_diag",
           "tensor_diag_part", "tensordot", "trace", "transpose", "triangular_solve"]
