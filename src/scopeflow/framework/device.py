"""Device strings as TF1 records them on ops: parse, merge an inner scope over an outer one, print.

`/gpu:0` becomes `/device:GPU:0`; an inner spec fills only the fields it names (`/job:w/task:1` then
`/gpu:1` gives `/job:w/task:1/device:GPU:1`). Pure functions; the graph keeps the device stack.
"""
import functools

_FIELDS = ("job", "replica", "task", "device")


@functools.lru_cache(maxsize=256)
def parse(spec):
    """'/job:w/gpu:1' -> {'job': 'w', 'device': 'GPU:1'} (None and '' give {})."""
    fields = {}
    for part in (spec or "").split("/"):
        if not part:
            continue
        key, _, value = part.partition(":")
        key_lower = key.lower()
        if key_lower in ("job", "replica", "task"):
            fields[key_lower] = value
        elif key_lower == "device":
            kind, _, index = value.partition(":")
            fields["device"] = f"{kind.upper()}:{index or '*'}"
        elif key_lower in ("cpu", "gpu", "tpu") or key == "*":
            fields["device"] = f"{key.upper()}:{value or '*'}"
        else:
            raise ValueError(f"Unknown attribute: '{part}' in '{spec}'")
    return fields


def merge(outer, inner):
    """The device string of `inner` applied inside `outer`."""
    fields = dict(parse(outer))
    fields.update(parse(inner))
    return to_string(fields)


def to_string(fields):
    out = []
    for key in _FIELDS:
        if key in fields:
            out.append(f"/device:{fields[key]}" if key == "device" else f"/{key}:{fields[key]}")
    return "".join(out)


def canonical(spec):
    return to_string(parse(spec))
