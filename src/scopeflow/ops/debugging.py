"""`tf.debugging`: the public names of the debugging namespace, one explicit import per line (no logic)."""
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
from scopeflow.ops.check_ops import verify_tensor_all_finite as assert_all_finite
from scopeflow.ops.check_ops import is_non_decreasing
from scopeflow.ops.check_ops import is_numeric_tensor
from scopeflow.ops.check_ops import is_strictly_increasing
from scopeflow.ops.logging_ops import Assert
from scopeflow.ops.math_ops import is_finite
from scopeflow.ops.math_ops import is_inf
from scopeflow.ops.math_ops import is_nan
