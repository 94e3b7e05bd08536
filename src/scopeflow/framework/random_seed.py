"""TF1's seed rules: `set_random_seed` stores the graph seed; `get_seed(op_seed)` gives an op's seed pair.

Rules, as the reference shows them (golden: ops_random.json):
- neither seed: (None, None); random ops then carry seed=0, seed2=0, which the runtime turns into a
  stream of its own per Session (nondeterministic);
- op seed only: (DEFAULT_GRAPH_SEED, op seed);
- graph seed only: (graph seed, the graph's seed offset), the offset counting such requests per graph, so
  two graphs built the same way get the same seeds (TF 1.15 used the op count, `graph._last_id`);
- seeds are reduced modulo 2**31 - 1, and a pair (0, 0) becomes (0, 2**31 - 1), since 0/0 means unseeded.
"""
from scopeflow.framework.graph import get_default_graph

DEFAULT_GRAPH_SEED = 87654321
_MAXINT32 = 2**31 - 1


def _truncate(seed):
    return seed % _MAXINT32


def set_random_seed(seed):
    """`tf.set_random_seed`: sets the default graph's seed (None clears it)."""
    get_default_graph().seed = seed


def get_seed(op_seed):
    """The (graph seed, op seed) pair a random op is built with, following TF1's rules.

    >>> import scopeflow as tf
    >>> with tf.Graph().as_default():
    ...     print(get_seed(None), get_seed(3))
    ...     tf.set_random_seed(0)
    ...     print(get_seed(0), get_seed(None), get_seed(None))
    (None, None) (87654321, 3)
    (0, 2147483647) (0, 2147483647) (0, 1)
    """
    graph = get_default_graph()
    global_seed = graph.seed
    if global_seed is not None:
        if op_seed is None:
            op_seed = graph._seed_offset
            graph._seed_offset = op_seed + 1
        seeds = _truncate(global_seed), _truncate(op_seed)
    elif op_seed is not None:
        seeds = DEFAULT_GRAPH_SEED, _truncate(op_seed)
    else:
        return None, None
    if seeds == (0, 0):
        return 0, _MAXINT32
    return seeds


__all__ = ["DEFAULT_GRAPH_SEED", "get_seed", "set_random_seed"]
