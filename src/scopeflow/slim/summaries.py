"""slim's `summarize_*` helpers, as no-ops: scopeflow has no summary system yet.

tf-slim's contract lets a summarizer return None (it does so for string and bool tensors), so each
function here builds nothing and returns None (the list forms return one None per tensor). Code that
merges summaries (`tf.summary.merge_all`) is outside this module. Replace these with real summary ops
once summary/ exists.
"""
import functools
import re

from scopeflow.framework.graph import get_default_graph
from scopeflow.framework.graph_keys import GraphKeys


def summarize_tensor(tensor, tag=None):
    """Would add a scalar (rank 0) or histogram summary of `tensor`; builds nothing, returns None."""
    return None


def summarize_activation(op):
    """Would summarise an activation (and its zero fraction for ReLUs); builds nothing, returns None."""
    return None


def summarize_tensors(tensors, summarizer=summarize_tensor):
    return [summarizer(tensor) for tensor in tensors]


def summarize_collection(collection, name_filter=None, summarizer=summarize_tensor):
    """`summarizer` over the collection's tensors whose op names match `name_filter`."""
    tensors = [t for t in get_default_graph().get_collection(collection)
               if name_filter is None or re.match(name_filter, t.op.name)]
    return summarize_tensors(tensors, summarizer)


summarize_variables = functools.partial(summarize_collection, GraphKeys.GLOBAL_VARIABLES)
summarize_weights = functools.partial(summarize_collection, GraphKeys.WEIGHTS)
summarize_biases = functools.partial(summarize_collection, GraphKeys.BIASES)


def summarize_activations(name_filter=None, summarizer=summarize_activation):
    return summarize_collection(GraphKeys.ACTIVATIONS, name_filter, summarizer)


__all__ = ["summarize_tensor", "summarize_activation", "summarize_tensors", "summarize_collection",
           "summarize_variables", "summarize_weights", "summarize_biases", "summarize_activations"]
