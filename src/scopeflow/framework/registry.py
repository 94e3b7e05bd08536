"""The op registry: one declaration per TF op type (type name, build-time inference, JAX kernel).

Filled at import time by `@op` in ops/ modules and read by graph building (infer) and the runtime
(kernel); nothing else mutates it. A declaration's `attrs` are its attributes with defaults: all of them
reach `infer` and `kernel` as keyword arguments, and they print in TF's node text. `type_attr` names the
attribute ("T") that TF derives from the first input's dtype; it is shown but never passed on.
"""
import dataclasses

REGISTRY = {}


@dataclasses.dataclass(frozen=True)
class OpDecl:
    type: str
    infer: object            # (ctx, *input_tensors, **attrs) -> [(shape tuple | None, DType), ...]
    kernel: object           # (*arrays, **attrs) -> array | sequence of arrays; with `context`: (ctx, ...)
    attrs: dict              # attribute name -> default
    type_attr: str | None    # attribute shown from the first input's dtype, e.g. "T"
    stateful: bool           # reads or writes session state: never deduplicated, never constant-folded
    context: bool            # the kernel's first argument is the runtime's run context
    random: bool             # draws random numbers: the runtime gives it its own stream
    ref_inputs: bool         # takes variable references (VarRef) as they are, e.g. Assign; other
                             # kernels get the variable's value as of their own place in the run order


def op(type_name, *, attrs=None, type_attr="T", stateful=False, context=False, random=False,
       ref_inputs=False):
    """Class decorator registering `cls.infer` and `cls.kernel` as the declaration of `type_name`."""
    def register(cls):
        if type_name in REGISTRY:
            raise AssertionError(f"op {type_name} declared twice")
        REGISTRY[type_name] = OpDecl(type_name, cls.infer, cls.kernel, dict(attrs or {}), type_attr,
                                     stateful or random or context, context or random, random, ref_inputs)
        return cls
    return register


def declare(type_name, infer, kernel, **flags):
    """Registers a declaration from plain functions (for families built from a table)."""
    cls = type(type_name, (), {"infer": staticmethod(infer), "kernel": staticmethod(kernel)})
    return op(type_name, **flags)(cls)


def lookup(type_name):
    try:
        return REGISTRY[type_name]
    except KeyError:
        raise ValueError(f"Op type not registered '{type_name}'") from None
