"""How TF prints nodes: the one-line node text of error messages and the NodeDef text proto.

Pure formatting of attribute values (DType, bool, int, float, str, shapes, lists, constant values);
no graph state. Attribute order is by name, as TF's error messages show it.
"""
import numpy as np

# dtype name -> TF's DataType enum name (observed in node text: DT_FLOAT, DT_INT32 ...)
_ENUM_NAMES = {"float32": "DT_FLOAT", "float64": "DT_DOUBLE", "float16": "DT_HALF", "bfloat16": "DT_BFLOAT16",
               "bool": "DT_BOOL", "string": "DT_STRING", "resource": "DT_RESOURCE", "variant": "DT_VARIANT"}


def enum_name(dtype):
    name = dtype.name
    ref = name.endswith("_ref")
    base = name[:-4] if ref else name
    return _ENUM_NAMES.get(base, "DT_" + base.upper()) + ("_REF" if ref else "")


def _is_dtype(value):
    return type(value).__name__ == "DType"


def _is_shape(value):
    return type(value).__name__ == "TensorShape"


def _shape_text(shape):
    if shape.ndims is None:
        return "<unknown>"
    return "[" + ",".join("?" if d.value is None else str(d.value) for d in shape.dims) + "]"


def attr_text(value):
    """One attribute value as TF's node text prints it: DT_FLOAT, false, [1, 2], "SAME", [?,3]."""
    if _is_dtype(value):
        return enum_name(value)
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return f"{float(value):g}"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bytes):
        return f'"{value.decode("latin1")}"'
    if _is_shape(value):
        return _shape_text(value)
    if isinstance(value, np.ndarray):
        shown = " ".join(str(x) for x in value.ravel()[:10].tolist())
        return f"Tensor<type: {enum_name_of_numpy(value.dtype)} shape: {list(value.shape)} values: {shown}>"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(attr_text(v) for v in value) + "]"
    return str(value)


def enum_name_of_numpy(np_dtype):
    return {"float32": "float", "float64": "double", "int32": "int32", "int64": "int64",
            "bool": "bool"}.get(str(np_dtype), str(np_dtype))


def _proto_value(value, indent):
    pad = "  " * indent
    if _is_dtype(value):
        return [f"{pad}type: {enum_name(value)}"]
    if isinstance(value, (bool, np.bool_)):
        return [f"{pad}b: {'true' if value else 'false'}"]
    if isinstance(value, (int, np.integer)):
        return [f"{pad}i: {int(value)}"]
    if isinstance(value, (float, np.floating)):
        return [f"{pad}f: {float(value):g}"]
    if isinstance(value, (str, bytes)):
        text = value.decode("latin1") if isinstance(value, bytes) else value
        return [f'{pad}s: "{text}"']
    if _is_shape(value):
        lines = [f"{pad}shape {{"]
        if value.ndims is None:
            lines.append(f"{pad}  unknown_rank: true")
        for d in value.dims or ():
            lines += [f"{pad}  dim {{", f"{pad}    size: {-1 if d.value is None else d.value}", f"{pad}  }}"]
        return lines + [f"{pad}}}"]
    if isinstance(value, np.ndarray):
        lines = [f"{pad}tensor {{", f"{pad}  tensor_shape {{"]
        for n in value.shape:
            lines += [f"{pad}    dim {{", f"{pad}      size: {n}", f"{pad}    }}"]
        lines.append(f"{pad}  }}")
        lines += [f"{pad}  val: {x}" for x in value.ravel()[:10].tolist()]
        return lines + [f"{pad}}}"]
    if isinstance(value, (list, tuple)):
        lines = [f"{pad}list {{"]
        for v in value:
            lines += _proto_value(v, indent + 1)
        return lines + [f"{pad}}}"]
    return [f'{pad}s: "{value}"']


def node_def_text(name, op_type, inputs, device, attrs):
    """A NodeDef in TF's text-proto form, as `print(op.node_def)` shows it."""
    lines = [f'name: "{name}"', f'op: "{op_type}"'] + [f'input: "{i}"' for i in inputs]
    if device:
        lines.append(f'device: "{device}"')
    for key, value in attrs.items():
        lines += ["attr {", f'  key: "{key}"', "  value {"] + _proto_value(value, 2) + ["  }", "}"]
    return "\n".join(lines) + "\n"
