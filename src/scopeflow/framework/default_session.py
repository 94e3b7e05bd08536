"""The per-thread default-session stack (`Session.as_default`, `tf.get_default_session`).

Lives in framework so `Tensor.eval` / `Operation.run` can find a session without importing client/.
"""
import threading

_local = threading.local()


def _stack():
    if not hasattr(_local, "stack"):
        _local.stack = []
    return _local.stack


def get_default_session():
    stack = _stack()
    return stack[-1] if stack else None


def push(session):
    _stack().append(session)


def pop(session):
    stack = _stack()
    assert stack and stack[-1] is session, "default session popped out of order"
    stack.pop()


def session_for_eval(graph, session):
    """The session `eval`/`run` use, with TF's errors when there is none or it runs another graph."""
    session = session or get_default_session()
    if session is None:
        raise ValueError("Cannot evaluate tensor using `eval()`: No default session is registered. Use "
                         "`with sess.as_default()` or pass an explicit session to `eval(session=sess)`")
    if session.graph is not graph:
        raise ValueError("Cannot use the given session to evaluate tensor: the tensor's graph is "
                         "different from the session's graph.")
    return session
