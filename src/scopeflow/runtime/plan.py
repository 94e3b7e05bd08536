"""Which ops a run needs, in which order: prune to the fetches, then order topologically.

Invariants: a fed tensor is a cut (its producer runs only if something else needs it); the order honours
data and control edges, and ties go to creation order, so a plan is deterministic for a given graph.
"""
import heapq


def prune_to_fetches(fetch_ops, fed_tensors):
    """The set of ops needed to compute `fetch_ops` when `fed_tensors` are given."""
    needed = set()
    stack = list(fetch_ops)
    while stack:
        op = stack.pop()
        if op in needed:
            continue
        needed.add(op)
        for t in op._inputs:
            if t not in fed_tensors and t._op not in needed:
                stack.append(t._op)
        stack.extend(c for c in op._control_inputs if c not in needed)
    # an op all of whose outputs are fed does not run unless a control edge asks for it
    return needed


def order_ops(ops, fed_tensors):
    """Topological order of `ops` (data and control edges inside the set), ties by creation order."""
    waiting = {}
    users = {}
    for op in ops:
        deps = {t._op for t in op._inputs if t not in fed_tensors and t._op in ops}
        deps.update(c for c in op._control_inputs if c in ops)
        waiting[op] = len(deps)
        for dep in deps:
            users.setdefault(dep, []).append(op)
    ready = [(op._id, op) for op, n in waiting.items() if n == 0]
    heapq.heapify(ready)
    ordered = []
    while ready:
        _, op = heapq.heappop(ready)
        ordered.append(op)
        for user in users.get(op, ()):
            waiting[user] -= 1
            if waiting[user] == 0:
                heapq.heappush(ready, (user._id, user))
    if len(ordered) != len(ops):
        stuck = sorted((op for op in ops if waiting[op] > 0), key=lambda o: o._id)
        raise ValueError(f"Graph has a cycle through {stuck[0].name!r}")
    return ordered
