"""`tf.ConfigProto`, `GPUOptions`, `GraphOptions`, `RunOptions`, `RunMetadata`: TF1's session settings.

scopeflow accepts every field a TF1 script sets (the protobuf's field names, nested messages created on
first access) so such scripts run unchanged; XLA decides placement and memory, so the values are kept
for inspection only. An unknown field name raises ValueError as protobuf does.
"""


class _Message:
    """A protobuf-like message: known fields with defaults; nested messages by class."""
    FIELDS = {}

    def __init__(self, **kwargs):
        for name, default in self.FIELDS.items():
            object.__setattr__(self, name, default() if isinstance(default, type) else default)
        for name, value in kwargs.items():
            if name not in self.FIELDS:
                raise ValueError(f'Protocol message {type(self).__name__} has no "{name}" field.')
            setattr(self, name, value)

    def __setattr__(self, name, value):
        if name not in self.FIELDS:
            raise AttributeError(f"Assignment not allowed (no field \"{name}\" in protocol message object).")
        object.__setattr__(self, name, value)

    def __repr__(self):
        changed = [f"{k}: {v!r}" for k, v in vars(self).items()
                   if not isinstance(v, _Message) and v != self.FIELDS[k]]
        return "\n".join(changed)

    def CopyFrom(self, other):
        for k, v in vars(other).items():
            object.__setattr__(self, k, v)

    def SerializeToString(self):
        return repr(self).encode()


class GPUOptions(_Message):
    FIELDS = {"per_process_gpu_memory_fraction": 0.0, "allow_growth": False, "allocator_type": "",
              "deferred_deletion_bytes": 0, "visible_device_list": "", "polling_active_delay_usecs": 0,
              "polling_inactive_delay_msecs": 0, "force_gpu_compatible": False, "experimental": None}


class OptimizerOptions(_Message):
    ON_1, L1, L0, DEFAULT, OFF = 1, 0, -1, 0, 2
    FIELDS = {"do_common_subexpression_elimination": False, "do_constant_folding": False,
              "max_folded_constant_in_bytes": 0, "do_function_inlining": False, "opt_level": 0,
              "global_jit_level": 0}


class GraphOptions(_Message):
    FIELDS = {"enable_recv_scheduling": False, "optimizer_options": OptimizerOptions,
              "build_cost_model": 0, "build_cost_model_after": 0, "infer_shapes": False,
              "place_pruned_graph": False, "enable_bfloat16_sendrecv": False, "timeline_step": 0,
              "rewrite_options": None}


class ConfigProto(_Message):
    FIELDS = {"device_count": dict, "intra_op_parallelism_threads": 0, "inter_op_parallelism_threads": 0,
              "use_per_session_threads": False, "session_inter_op_thread_pool": list,
              "placement_period": 0, "device_filters": list, "gpu_options": GPUOptions,
              "allow_soft_placement": False, "log_device_placement": False,
              "graph_options": GraphOptions, "operation_timeout_in_ms": 0, "rpc_options": None,
              "cluster_def": None, "isolate_session_state": False, "experimental": None}


class RunOptions(_Message):
    NO_TRACE, SOFTWARE_TRACE, HARDWARE_TRACE, FULL_TRACE = 0, 1, 2, 3
    FIELDS = {"trace_level": 0, "timeout_in_ms": 0, "inter_op_thread_pool": 0,
              "output_partition_graphs": False, "debug_options": None,
              "report_tensor_allocations_upon_oom": False, "experimental": None}


class RunMetadata(_Message):
    FIELDS = {"step_stats": None, "cost_graph": None, "partition_graphs": list, "function_graphs": list}
