"""TF1/TF2 behaviour switches: scopeflow is always TF1 graph mode, so most are recorded no-ops.

`enable_resource_variables` / `disable_resource_variables` do change what `tf.Variable` builds; the
variables module reads `resource_variables_enabled()`.
"""
_settings = {"resource_variables": False, "v2_tensorshape": False}


def disable_v2_behavior():
    _settings["resource_variables"] = False


def enable_v2_behavior():
    raise NotImplementedError("scopeflow implements TF1 graph mode only; enable_v2_behavior is not supported")


def disable_eager_execution():
    pass


def enable_eager_execution(config=None, device_policy=None, execution_mode=None):
    raise NotImplementedError("scopeflow implements TF1 graph mode only; eager execution is not supported")


def enable_resource_variables():
    _settings["resource_variables"] = True


def disable_resource_variables():
    _settings["resource_variables"] = False


def resource_variables_enabled():
    return _settings["resource_variables"]


def disable_v2_tensorshape():
    _settings["v2_tensorshape"] = False


def enable_v2_tensorshape():
    _settings["v2_tensorshape"] = True


def disable_control_flow_v2():
    pass


def enable_control_flow_v2():
    pass


def disable_tensor_equality():
    pass


__all__ = ["disable_v2_behavior", "enable_v2_behavior", "disable_eager_execution", "enable_eager_execution",
           "enable_resource_variables", "disable_resource_variables", "resource_variables_enabled",
           "disable_v2_tensorshape", "enable_v2_tensorshape", "disable_control_flow_v2",
           "enable_control_flow_v2", "disable_tensor_equality"]
