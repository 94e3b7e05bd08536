"""Which ops a run needs, in which order: prune to the fetches, then order topologically.

Invariants: a fed tensor is a cut (its producer runs only if something else needs it); the order honours
data and control edges, and ties go to creation order, so a plan is deterministic for a given graph.

Control flow: an op built by a cond branch, a loop body or a map_fn function is owned by the construct's
op (`graph._control_flow_owner`, filled by ops/control_flow_subgraph.py). It is never scheduled on its
own: only its owner's kernel runs it, and the owner has as inputs everything its owned ops read from
outside, so ordering the owner orders them. Reaching an owned op from outside is an error.
"""
import heapq

from scopeflow.framework import errors


def _owned_error(op, owner):
    return errors.InvalidArgumentError(
        op.node_def, op, f"'{op.name}' is built inside the control-flow construct '{owner.name}' and only "
        "runs inside it: fetch or use the construct's outputs instead.")


def prune_to_fetches(fetch_ops, fed_tensors):
    """The set of ops needed to compute `fetch_ops` when `fed_tensors` are given."""
    needed = set()
    stack = list(fetch_ops)
    owners = stack[0]._graph._control_flow_owner if stack else None
    while stack:
        op = stack.pop()
        if op in needed:
            continue
        if owners and op in owners:
            raise _owned_error(op, owners[op])
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
