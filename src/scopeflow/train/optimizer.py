"""`tf.train.Optimizer`: the base of TF1's optimizers (minimize = compute_gradients + apply_gradients).

`apply_gradients` builds, as TF does: slots (outside control dependencies), then inside the name scope
`<name>/`: the hyper-parameter tensors (`_prepare`), one update op per variable under `update_<var op
name>/` colocated with the variable, and a NoOp `<name>` grouping them (`_finish`); with `global_step`
the train op is instead the `AssignAdd` named `<name>` after a group named `<name>/update`. The train op
joins the TRAIN_OP collection. A subclass supplies `_create_slots`, `_prepare`, `_apply_dense` (and
optionally `_finish`, and `_apply_sparse` for IndexedSlices gradients, whose duplicate indices are summed
first); its state lives in slots (`get_slot`) and non-slot variables (`beta1_power`).
Messages are TF's (golden: tests/golden/train_optimizers.json).
"""
from scopeflow.framework import dtypes
from scopeflow.framework.constant_op import convert_to_tensor
from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.graph_keys import GraphKeys
from scopeflow.framework.indexed_slices import IndexedSlices
from scopeflow.framework.scopes import control_dependencies, get_collection, get_collection_ref, init_scope
from scopeflow.framework.scopes import name_scope
from scopeflow.framework.tensor import Tensor
from scopeflow.ops import control_flow_ops, math_ops, state_ops
from scopeflow.ops.gradients_impl import gradients
from scopeflow.ops.variables import Variable
from scopeflow.train import slot_creator, sparse_training_ops

# TF lists the float types in this order in "Invalid type" messages (golden: train_optimizers.json)
_VALID_DTYPES = (dtypes.float32, dtypes.float64, dtypes.float16, dtypes.bfloat16)


def _var_key(var):
    return (var.op.graph, var.op.name)


def _is_sparse(grad):
    """An IndexedSlices-like gradient (values, indices, dense_shape) given to apply_gradients."""
    return not isinstance(grad, Tensor) and hasattr(grad, "indices") and hasattr(grad, "values")


class Optimizer:
    """Base class: `Optimizer(use_locking, name)`; subclasses are the `tf.train.*Optimizer` classes."""
    GATE_NONE = 0
    GATE_OP = 1
    GATE_GRAPH = 2

    def __init__(self, use_locking, name):
        if not name:
            raise ValueError("Must specify the optimizer name")
        self._use_locking = use_locking
        self._name = name
        self._slots = {}             # slot name -> {(graph, var op name): slot variable}
        self._non_slot_dict = {}     # (name, graph) -> variable, e.g. Adam's beta1_power
        self._hyper_t = {}           # hyper-parameter name -> Tensor, rebuilt by each apply_gradients

    def get_name(self):
        return self._name

    # ---- the public API --------------------------------------------------------------------------
    def minimize(self, loss, global_step=None, var_list=None, gate_gradients=GATE_OP, aggregation_method=None,
                 colocate_gradients_with_ops=False, name=None, grad_loss=None):
        """Adds ops computing the gradients of `loss` and applying them; returns the train op."""
        grads_and_vars = self.compute_gradients(
            loss, var_list=var_list, gate_gradients=gate_gradients, aggregation_method=aggregation_method,
            colocate_gradients_with_ops=colocate_gradients_with_ops, grad_loss=grad_loss)
        if not any(g is not None for g, _ in grads_and_vars):
            raise ValueError("No gradients provided for any variable, check your graph for ops that do not "
                             f"support gradients, between variables {[str(v) for _, v in grads_and_vars]} "
                             f"and loss {loss}.")
        return self.apply_gradients(grads_and_vars, global_step=global_step, name=name)

    def compute_gradients(self, loss, var_list=None, gate_gradients=GATE_OP, aggregation_method=None,
                          colocate_gradients_with_ops=False, grad_loss=None):
        """A list of (gradient or None, variable) for `var_list` (default: the trainable variables)."""
        if callable(loss):
            return self._callable_loss_gradients(loss, var_list, grad_loss)
        if gate_gradients not in (self.GATE_NONE, self.GATE_OP, self.GATE_GRAPH):
            raise ValueError("gate_gradients must be one of: Optimizer.GATE_NONE, Optimizer.GATE_OP, "
                             f"Optimizer.GATE_GRAPH.  Not {gate_gradients}")
        self._assert_valid_dtypes([loss])
        if grad_loss is not None:
            self._assert_valid_dtypes([grad_loss])
        if var_list is None:
            var_list = (get_collection(GraphKeys.TRAINABLE_VARIABLES)
                        + get_collection(GraphKeys.TRAINABLE_RESOURCE_VARIABLES))
        else:
            var_list = list(control_flow_ops._flatten([var_list]))
        var_list = var_list + get_collection(GraphKeys._STREAMING_MODEL_PORTS)
        if not var_list:
            raise ValueError("No variables to optimize.")
        targets = [v._ref() if isinstance(v, Variable) else v for v in var_list]
        grads = gradients(loss, targets, grad_ys=grad_loss, gate_gradients=(gate_gradients == self.GATE_OP),
                           aggregation_method=aggregation_method,
                           colocate_gradients_with_ops=colocate_gradients_with_ops)
        if gate_gradients == self.GATE_GRAPH:
            grads = control_flow_ops.tuple(grads)
        grads_and_vars = list(zip(grads, var_list))
        self._assert_valid_dtypes([v for g, v in grads_and_vars
                                   if g is not None and v.dtype != dtypes.resource])
        return grads_and_vars

    def _callable_loss_gradients(self, loss, var_list, grad_loss):
        """TF differentiates a callable loss on a GradientTape, which by default watches only trainable
        resource variables: with ref variables and no var_list the result is empty (golden)."""
        loss = loss()
        if var_list is None:
            var_list = [v for v in get_collection(GraphKeys.TRAINABLE_VARIABLES) if v._is_resource]
        var_list = list(control_flow_ops._flatten([var_list]))
        if not var_list:
            return []
        return list(zip(gradients(loss, [v._ref() for v in var_list], grad_ys=grad_loss), var_list))

    def apply_gradients(self, grads_and_vars, global_step=None, name=None):
        """Adds the update ops for (gradient, variable) pairs; returns the train op (see module doc)."""
        grads_and_vars = tuple(grads_and_vars)
        if not grads_and_vars:
            raise ValueError("No variables provided.")
        converted = [(self._convert_gradient(g), v) for g, v in grads_and_vars]
        var_list = [v for g, v in converted if g is not None]
        if not var_list:
            raise ValueError(f"No gradients provided for any variable: {[str(v) for _, v in converted]}.")
        with init_scope():
            self._create_slots(var_list)
        graph = get_default_graph()
        update_ops = []
        with name_scope(name, self._name) as name:
            self._hyper_t = {}
            self._prepare()
            for grad, var in converted:
                if grad is None:
                    continue
                with name_scope("update_" + var.op.name), graph.colocate_with(var.op):
                    update_ops.append(self._update_op(grad, var))
            if global_step is None:
                train_op = self._finish(update_ops, name)
            else:
                with control_dependencies([self._finish(update_ops, "update")]):
                    with graph.colocate_with(global_step.op):
                        train_op = state_ops.assign_add(global_step, 1, name=name)
            if isinstance(train_op, Tensor):
                train_op = train_op.op
            collection = get_collection_ref(GraphKeys.TRAIN_OP)
            if train_op not in collection:
                collection.append(train_op)
            return train_op

    def get_slot(self, var, name):
        """The slot `name` (e.g. "m") made for `var`, or None."""
        named = self._slots.get(name)
        return named.get(_var_key(var)) if named else None

    def get_slot_names(self):
        return sorted(self._slots)

    def variables(self):
        """The optimizer's variables in the current graph (slots and non-slot variables), by name."""
        graph = get_default_graph()
        found = [v for (_, g), v in self._non_slot_dict.items() if g is graph]
        found += [v for slots in self._slots.values() for v in slots.values() if v.op.graph is graph]
        return sorted(found, key=lambda v: v.name)

    # ---- pieces shared by the subclasses ----------------------------------------------------------
    @staticmethod
    def _convert_gradient(grad):
        if grad is None or _is_sparse(grad):
            return grad
        try:
            return convert_to_tensor(grad)
        except (TypeError, ValueError):
            raise TypeError(f"Gradient must be convertible to a Tensor or IndexedSlices, or None: {grad}") \
                from None

    def _assert_valid_dtypes(self, tensors):
        for t in tensors:
            dtype = t.dtype.base_dtype
            if dtype not in _VALID_DTYPES:
                raise ValueError(f"Invalid type {dtype!r} for {t.name}, expected: "
                                 f"[{', '.join(repr(d) for d in _VALID_DTYPES)}].")

    def _update_op(self, grad, var):
        if not isinstance(var, Variable):
            raise NotImplementedError("Trying to update a Tensor ", var)
        if _is_sparse(grad):
            update = self._apply_sparse_duplicate_indices(grad, var)
        else:
            update = self._apply_dense(grad, var)
        if var.constraint is None:
            return update
        with control_dependencies([update]):
            return var.assign(var.constraint(var))

    def _apply_sparse_duplicate_indices(self, grad, var):
        """TF's default for an IndexedSlices gradient: duplicate indices summed, then `_apply_sparse`."""
        values, indices = sparse_training_ops.deduplicate(grad.values, grad.indices)
        return self._apply_sparse(IndexedSlices(values, indices, getattr(grad, "dense_shape", None)), var)

    def _apply_sparse(self, grad, var):
        raise NotImplementedError()

    def _finish(self, update_ops, name_scope_name):
        return control_flow_ops.group(*update_ops, name=name_scope_name)

    def _create_slots(self, var_list):
        pass

    def _prepare(self):
        pass

    def _apply_dense(self, grad, var):
        raise NotImplementedError()

    @staticmethod
    def _call_if_callable(param):
        return param() if callable(param) else param

    def _prepare_hyper(self, **params):
        """`_prepare` for most optimizers: each hyper-parameter (called if callable) as a Tensor named
        after it (`Adam/learning_rate`), in the given order; a Tensor or Variable is used as it is."""
        for name, value in params.items():
            self._hyper_t[name] = convert_to_tensor(self._call_if_callable(value), name=name)

    def _hyper(self, name, var):
        """The hyper-parameter tensor `name` in `var`'s dtype (a `Cast` under `update_<var>/` if needed)."""
        return math_ops.cast(self._hyper_t[name], var.dtype.base_dtype)

    def _slot_dict(self, slot_name):
        return self._slots.setdefault(slot_name, {})

    def _zeros_slot(self, var, slot_name, op_name):
        named = self._slot_dict(slot_name)
        key = _var_key(var)
        if key not in named:
            named[key] = slot_creator.create_zeros_slot(var, op_name)
        return named[key]

    def _get_or_make_slot(self, var, val, slot_name, op_name):
        named = self._slot_dict(slot_name)
        key = _var_key(var)
        if key not in named:
            named[key] = slot_creator.create_slot(var, val, op_name)
        return named[key]

    def _get_or_make_slot_with_initializer(self, var, initializer, shape, dtype, slot_name, op_name):
        named = self._slot_dict(slot_name)
        key = _var_key(var)
        if key not in named:
            named[key] = slot_creator.create_slot_with_initializer(var, initializer, shape, dtype, op_name)
        return named[key]

    def _create_non_slot_variable(self, initial_value, name, colocate_with):
        key = (name, colocate_with.graph)
        if key not in self._non_slot_dict:
            with colocate_with.graph.colocate_with(colocate_with.op):
                self._non_slot_dict[key] = Variable(initial_value, name=name, trainable=False,
                                                    use_resource=getattr(colocate_with, "_is_resource", False))
        return self._non_slot_dict[key]

    def _get_non_slot_variable(self, name, graph=None):
        return self._non_slot_dict.get((name, graph or get_default_graph()))


__all__ = ["Optimizer"]
