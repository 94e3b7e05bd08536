"""The flag kinds behind `tf.flags` (string, integer, float, boolean, list, enum, multi_*), absl's errors,
and the per-flag help text. Private helper of flags.py.

Invariants (observed in the reference): a bad value raises IllegalFlagValueError "flag --NAME=ARG: WHY",
where WHY is the converter's own message ("invalid literal for int() ...", "value should be one of
<a|b>", "-1.0 is not a non-negative number"); defaults go through the same converter at definition;
a multi flag given again appends (also across two parses, as absl does).
"""
import csv
import dataclasses
import shutil
import sys
import textwrap
import typing


class Error(Exception):
    """The base class for all flag errors."""


class IllegalFlagValueError(Error):
    """Raised when a flag is given an illegal value."""


class DuplicateFlagError(Error):
    """Raised when a flag is defined twice."""


class UnparsedFlagAccessError(Error):
    """Raised when a flag is read before the flags were parsed."""


class ValidationError(Error):
    """Raised by a validator to reject a value with its own message."""


class UnrecognizedFlagError(Error):
    """Raised for a command-line flag that is not defined: "Unknown command line flag 'x'"."""

    def __init__(self, flagname, flagvalue="", suggestions=None):
        self.flagname = flagname
        self.flagvalue = flagvalue
        tip = f". Did you mean: {', '.join(suggestions)} ?" if suggestions else ""
        super().__init__(f"Unknown command line flag '{flagname}'{tip}")


for _cls in (Error, IllegalFlagValueError, DuplicateFlagError, UnparsedFlagAccessError, ValidationError,
             UnrecognizedFlagError):
    _cls.__module__ = "scopeflow.platform.flags"  # where users import them from (tracebacks name it)


# --- converters: (flag, raw value) -> value; TypeError/ValueError become IllegalFlagValueError --------
def _string(flag, arg):
    if not isinstance(arg, str):
        raise ValueError(f'flag value must be a string, found "{type(arg)}"')
    return arg


def _number_help(flag, name, article):
    low, high = flag.lower_bound, flag.upper_bound
    if low is not None and high is not None:
        return f"{article} {name} in the range [{low}, {high}]"
    if low == 0:
        return f"a non-negative {name}"
    if low == 1:
        return f"a positive {name}"
    if high == 0:
        return f"a non-positive {name}"
    if high == -1:
        return f"a negative {name}"
    if high is not None:
        return f"{name} <= {high}"
    if low is not None:
        return f"{name} >= {low}"
    return f"{article} {name}"


def _check_bounds(flag, value, name, article):
    low, high = flag.lower_bound, flag.upper_bound
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValueError(f"{value} is not {_number_help(flag, name, article)}")
    return value


def _integer(flag, arg):
    if isinstance(arg, str):
        base = 10
        if len(arg) > 2 and arg[0] == "0" and arg[1] in "ox":
            base = 8 if arg[1] == "o" else 16
        value = int(arg, base)
    elif isinstance(arg, int):
        value = arg
    else:
        raise TypeError(f"Expect argument to be a string or int, found {type(arg)}")
    return _check_bounds(flag, value, "integer", "an")


def _float(flag, arg):
    if isinstance(arg, str):
        value = float(arg)
    elif isinstance(arg, (int, float)):
        value = float(arg)
    else:
        raise TypeError(f"Expect argument to be a string, int, or float, found {type(arg)}")
    return _check_bounds(flag, value, "number", "a")


def _boolean(flag, arg):
    if isinstance(arg, str):
        if arg.lower() in ("true", "t", "1"):
            return True
        if arg.lower() in ("false", "f", "0"):
            return False
        raise ValueError("Non-boolean argument to boolean flag", arg)
    if isinstance(arg, int) and arg in (0, 1):  # bool is an int too
        return bool(arg)
    raise TypeError("Non-boolean argument to boolean flag", arg)


def _list(flag, arg):
    if isinstance(arg, list):
        return arg
    if not arg:
        return []
    return [item.strip() for item in next(csv.reader([arg], strict=True))]


def _enum(flag, arg):
    if arg not in flag.enum_values:
        raise ValueError(f"value should be one of <{'|'.join(flag.enum_values)}>")
    return arg


@dataclasses.dataclass(frozen=True)
class Kind:
    """One flag type: its converter, how help prints its default, and its syntactic help."""
    convert: typing.Callable
    serialize: typing.Callable = str
    syntactic_help: typing.Callable = lambda flag: None
    boolean: bool = False
    multi: bool = False


STRING = Kind(_string)
INTEGER = Kind(_integer, syntactic_help=lambda flag: _number_help(flag, "integer", "an"))
FLOAT = Kind(_float, syntactic_help=lambda flag: _number_help(flag, "number", "a"))
BOOLEAN = Kind(_boolean, serialize=lambda value: "true" if value else "false", boolean=True)
LIST = Kind(_list, serialize=lambda value: ",".join(str(v) for v in value),
            syntactic_help=lambda flag: "a comma separated list")
ENUM = Kind(_enum)
MULTI_STRING = Kind(_string, multi=True)
MULTI_INTEGER = dataclasses.replace(INTEGER, multi=True)
MULTI_FLOAT = dataclasses.replace(FLOAT, multi=True)


def help_width():
    """absl's help width: the terminal's when stdout is one, else 80 columns."""
    try:
        if sys.stdout.isatty():
            return shutil.get_terminal_size((80, 24)).columns
    except (AttributeError, ValueError):
        pass
    return 80


class Flag:
    """One defined flag: its kind, names, default, current value and validators."""

    def __init__(self, kind, name, default, help, short_name=None, module_name=None,  # noqa: A002
                 lower_bound=None, upper_bound=None, enum_values=None, **_absl_only_options):
        self.kind = kind
        self.name = name
        self.help = help or "(no help available)"
        self.short_name = short_name
        self.module_name = module_name
        self.lower_bound = lower_bound
        self.upper_bound = upper_bound
        self.enum_values = enum_values
        self.boolean = kind.boolean
        self.validators = []  # (flag, checker, message)
        self.present = 0
        self.default = self.value = None
        self.using_default_value = True
        self.set_default(default)

    def _convert(self, arg):
        try:
            if self.kind.multi:
                items = arg if isinstance(arg, list) else [arg]
                return [self.kind.convert(self, item) for item in items]
            return self.kind.convert(self, arg)
        except (TypeError, ValueError) as error:
            # Raised inside the handler, so a traceback reads "During handling of ..." as absl's does.
            raise IllegalFlagValueError(f"flag --{self.name}={arg}: {error}")

    def parse(self, arg):
        """Sets the value from a command-line string; a multi flag appends."""
        value = self._convert(arg)
        if self.kind.multi:
            if self.present:
                self.value.extend(value)
            else:
                self.value = value
            self.present += len(value)
        else:
            self.value = value
            self.present += 1
        self.using_default_value = False

    def set_default(self, value):
        self.default = None if value is None else self._convert(value)
        if self.using_default_value:
            self.value = list(self.default) if isinstance(self.default, list) else self.default

    def unparse(self):
        self.using_default_value = True
        self.set_default(self.default)
        self.present = 0

    def help_text(self, width=80):
        """absl's lines for this flag, e.g. "  -s,--steps: how many steps\\n    (default: '10')..."."""
        name = f"--[no]{self.name}" if self.boolean else f"--{self.name}"
        head = f"-{self.short_name},{name}" if self.short_name else name
        if self.enum_values is not None:
            head += f": <{'|'.join(self.enum_values)}>"
        paragraphs = [f"{head}: {self.help}"]
        if self.kind.multi:
            paragraphs[0] += ";"
            paragraphs.append("repeat this option to specify a list of values")
        if self.default is not None:
            paragraphs.append(f"(default: {self.kind.serialize(self.default)!r})")
        syntax = self.kind.syntactic_help(self)
        if syntax:
            paragraphs.append(f"({syntax})")
        lines = []
        for i, paragraph in enumerate("\n".join(paragraphs).split("\n")):
            lines += textwrap.wrap(paragraph, width, initial_indent="  " if i == 0 else "    ",
                                   subsequent_indent="    ") or [""]
        return "\n".join(lines)
