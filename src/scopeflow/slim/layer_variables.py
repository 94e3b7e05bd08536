"""How slim layers create their variables: through `model_variable`, renamed by a custom getter.

slim layers are tf.layers classes built inside `variable_scope(scope, default, custom_getter=getter)`
where `getter` renames the layer's `kernel` to `weights` and `bias` to `biases` (so `conv1/weights:0`)
and makes every variable a model variable (MODEL_VARIABLES). The layer still applies its regularizers
under its own weight names, hence `conv1/kernel/Regularizer/...` for `conv1/weights` (TF1_NOTES).
"""
from scopeflow.framework.graph import get_default_graph
from scopeflow.ops.partitioned_variables import PartitionedVariable
from scopeflow.ops.variables import VariableAggregation, VariableSynchronization
from scopeflow.slim import utils
from scopeflow.slim.variables import model_variable

WEIGHTS_AND_BIASES = {"bias": "biases", "kernel": "weights"}


def model_variable_getter(getter, name, shape=None, dtype=None, initializer=None, regularizer=None,
                          trainable=True, collections=None, caching_device=None, partitioner=None, rename=None,
                          use_resource=None, synchronization=VariableSynchronization.AUTO,
                          aggregation=VariableAggregation.NONE, **_):
    """A custom getter creating `name` (its last component renamed by `rename`) as a model variable."""
    scope, _, short_name = name.rpartition("/")
    if rename and short_name in rename:
        name = (scope + "/" if scope else "") + rename[short_name]
    return model_variable(name, shape=shape, dtype=dtype, initializer=initializer, regularizer=regularizer,
                          collections=collections, trainable=trainable, caching_device=caching_device,
                          partitioner=partitioner, custom_getter=getter, use_resource=use_resource,
                          synchronization=synchronization, aggregation=aggregation)


def build_variable_getter(rename=None):
    """The layer getter: `model_variable_getter` with `rename` fixed (scope getters still chain)."""
    def layer_variable_getter(getter, *args, **kwargs):
        kwargs["rename"] = rename
        return model_variable_getter(getter, *args, **kwargs)
    return layer_variable_getter


def add_variable_to_collections(variable, collections_set, collections_name):
    """Adds `variable` (each part of a partitioned one) to the collections named for `collections_name`."""
    collections = utils.get_variable_collections(collections_set, collections_name) or []
    parts = list(variable) if isinstance(variable, PartitionedVariable) else [variable]
    graph = get_default_graph()
    for collection in collections:
        for var in parts:
            if var not in graph.get_collection(collection):
                graph.add_to_collection(collection, var)


__all__ = ["WEIGHTS_AND_BIASES", "model_variable_getter", "build_variable_getter", "add_variable_to_collections"]
