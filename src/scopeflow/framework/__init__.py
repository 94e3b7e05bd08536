"""Graph-building core: Graph, Operation, Tensor, dtypes, shapes, naming, op registry, errors."""
