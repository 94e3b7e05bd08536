"""`tf.flags` / `tf.app.flags`: the absl flags API that TF 1.15 scripts use, re-implemented (no absl).

Invariants (observed in the reference): the global `FLAGS` parses `sys.argv` by itself the first time a
flag is read or set before any parse (TF's wrapper), so such a read raises UnrecognizedFlagError for an
unknown `--x` on the command line; a separate `FlagValues()` raises UnparsedFlagAccessError instead.
`FLAGS(argv)` returns `[argv[0]] + non-flag args`; with `known_only=True` (what `tf.app.run` uses) unknown
flags and a `--` stay in that list. Parsing is GNU style: flags and positionals may mix, `--` ends flags.
Messages and exception types are absl's. absl's logging flags (`--logtostderr`, `-v` ...) are accepted
and have no effect.
"""
import inspect as _inspect
import sys as _sys
import warnings as _warnings

from scopeflow.platform import _flag_types as _types
from scopeflow.platform._flag_types import DuplicateFlagError
from scopeflow.platform._flag_types import Error
from scopeflow.platform._flag_types import Flag
from scopeflow.platform._flag_types import IllegalFlagValueError
from scopeflow.platform._flag_types import UnparsedFlagAccessError
from scopeflow.platform._flag_types import UnrecognizedFlagError
from scopeflow.platform._flag_types import ValidationError

__all__ = [
    "FLAGS", "FlagValues", "FlagHolder", "Flag", "Error", "IllegalFlagValueError", "UnrecognizedFlagError",
    "DuplicateFlagError", "UnparsedFlagAccessError", "ValidationError", "DEFINE_string", "DEFINE_integer",
    "DEFINE_float", "DEFINE_boolean", "DEFINE_bool", "DEFINE_list", "DEFINE_enum", "DEFINE_multi_string",
    "DEFINE_multi_integer", "DEFINE_multi_float", "mark_flag_as_required", "mark_flags_as_required",
    "register_validator", "validator",
]

_SUGGESTION_ERROR_RATE = 0.5  # absl suggests names whose prefix is this close (observed: 'nmae' -> name)


class FlagValues:
    """A registry of flags and their parsed values (`FLAGS` is the global one)."""

    def __init__(self, _auto_parse=False):
        d = self.__dict__
        d["_flags"] = {}  # long and short name -> Flag
        d["_parsed"] = False
        d["_auto_parse"] = _auto_parse  # TF's wrapper behaviour, for the global FLAGS only

    # --- attribute access -----------------------------------------------------------------------------
    def _flag_for_access(self, name):
        flag = self.__dict__["_flags"].get(name)
        if flag is None:
            raise AttributeError(name)
        if not self.__dict__["_parsed"]:
            if self.__dict__["_auto_parse"]:
                self(_sys.argv)
            else:
                raise UnparsedFlagAccessError(f"Trying to access flag --{name} before flags were parsed.")
        return flag

    def __getattr__(self, name):
        return self._flag_for_access(name).value

    def __setattr__(self, name, value):
        flag = self._flag_for_access(name)
        flag.value = value
        _assert_validators(flag.validators)
        flag.using_default_value = False

    def __getitem__(self, name):
        return self.__dict__["_flags"][name]

    def __contains__(self, name):
        return name in self.__dict__["_flags"]

    def __iter__(self):
        return iter(self.__dict__["_flags"])

    def __len__(self):
        return len(self.__dict__["_flags"])

    def __dir__(self):
        return sorted(self.__dict__["_flags"])

    # --- registration ---------------------------------------------------------------------------------
    def _register(self, flag):
        # Like absl, one dict holds long and short names (so `FLAGS.v`, `"v" in FLAGS` work).
        flags = self.__dict__["_flags"]
        for name in filter(None, (flag.short_name, flag.name)):
            if name in flags:
                first = flags[name]
                raise DuplicateFlagError(
                    f"The flag '{name}' is defined twice. First from {first.module_name}, second from "
                    f"{flag.module_name}. Description from first occurrence: {first.help}")
        if flag.short_name:
            flags[flag.short_name] = flag
        flags[flag.name] = flag

    def _lookup(self, name):
        return self.__dict__["_flags"].get(name)

    def _unique_flags(self):
        return list({id(flag): flag for flag in self.__dict__["_flags"].values()}.values())

    # --- parsing --------------------------------------------------------------------------------------
    def __call__(self, argv, known_only=False):
        """Parses flags from `argv` (argv[0] is the program); returns `[argv[0]]` + the other args."""
        if isinstance(argv, (str, bytes)):
            raise TypeError("argv should be a tuple/list of strings, not bytes or string.")
        if not argv:
            raise ValueError("argv cannot be an empty list, and must contain the program name as the first "
                             "element.")
        unknown, rest = self._parse_args(list(argv[1:]), known_only)
        for name, _ in unknown:
            suggestions = _suggestions(name, list(self))
            raise UnrecognizedFlagError(name, suggestions=suggestions)
        self.mark_as_parsed()
        self.validate_all_flags()
        return [argv[0]] + rest

    def _parse_args(self, args, known_only):
        unknown, rest = [], []
        i = 0
        while i < len(args):
            arg = args[i]
            i += 1
            if not arg.startswith("-") or arg == "-":
                rest.append(arg)  # GNU style: keep going after a positional
                continue
            if arg == "--":
                if known_only:
                    rest.append(arg)
                rest.extend(args[i:])
                break
            name, has_value, value = arg[2 if arg.startswith("--") else 1:].partition("=")
            flag = self._lookup(name)
            if flag is not None and flag.boolean and not has_value:
                value = "true"
            elif flag is not None and not has_value:
                if i == len(args):
                    raise Error(f"Missing value for flag {arg}")
                value = args[i]
                i += 1
            elif flag is None:
                negated = self._lookup(name[2:]) if name.startswith("no") and not has_value else None
                if negated is None or not negated.boolean:
                    if known_only:
                        rest.append(arg)
                    else:
                        unknown.append((name, arg))
                    continue
                flag, value = negated, "false"
            flag.parse(value)
        return unknown, rest

    def is_parsed(self):
        """Whether flags have been parsed."""
        return self.__dict__["_parsed"]

    def mark_as_parsed(self):
        """Marks the flags parsed without parsing anything."""
        self.__dict__["_parsed"] = True

    def unparse_flags(self):
        """Resets every flag to its default and marks the flags unparsed."""
        for flag in self._unique_flags():
            flag.unparse()
        self.__dict__["_parsed"] = False

    def validate_all_flags(self):
        """Runs every registered validator; raises IllegalFlagValueError for the failing ones."""
        _assert_validators([v for f in self._unique_flags() for v in f.validators])

    # --- queries --------------------------------------------------------------------------------------
    def flag_values_dict(self):
        """{name: value} for every flag."""
        return {name: flag.value for name, flag in self.__dict__["_flags"].items()}

    def get_flag_value(self, name, default):
        """The value of flag `name`, or `default` if no such flag exists."""
        flag = self.__dict__["_flags"].get(name)
        return default if flag is None else flag.value

    def set_default(self, name, value):
        """Changes the default of `name` (and its value, if it was still the default)."""
        self.__dict__["_flags"][name].set_default(value)

    def flags_by_module_dict(self):
        """{module name: [flags defined there]}, modules as absl names them (the script is argv[0])."""
        modules = {}
        for flag in self._unique_flags():
            modules.setdefault(flag.module_name, []).append(flag)
        return modules

    def module_help(self, module):
        """The help text of the flags defined in `module` ("" when there are none)."""
        flags = sorted(self.flags_by_module_dict().get(module, []), key=lambda f: f.name)
        if not flags:
            return ""
        return f"\n{module}:\n" + "\n".join(f.help_text(_types.help_width()) for f in flags)

    def main_module_help(self):
        """The help text of the flags defined by the script."""
        return self.module_help(_sys.argv[0] if _sys.argv else "")

    def get_help(self):
        """The help text of all flags, the script's module first, then the others by name."""
        modules = sorted(self.flags_by_module_dict())
        main = _sys.argv[0] if _sys.argv else ""
        if main in modules:
            modules = [main] + [m for m in modules if m != main]
        return "\n".join(self.module_help(m) for m in modules)

    def __str__(self):
        return self.get_help()


def _assert_validators(validators):
    messages = []
    for flag, checker, message in validators:
        try:
            ok = checker(flag.value)
        except ValidationError as error:
            ok, message = False, str(error)
        if not ok:
            messages.append(f"flag --{flag.name}={flag.value}: {message}")
    if messages:
        raise IllegalFlagValueError("\n".join(messages))


def _distance(a, b):
    """Optimal-string-alignment edit distance (adjacent transpositions count 1)."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def _suggestions(attempt, names):
    """Flag names whose same-length prefix is nearest to `attempt` ('learningrate' -> learning_rate)."""
    if len(attempt) <= 2 or not names:
        return []
    scored = sorted((_distance(attempt, name[:len(attempt)]), name) for name in names)
    best = scored[0][0]
    if best >= _SUGGESTION_ERROR_RATE * len(attempt):
        return []
    return [name for score, name in scored if score == best]


FLAGS = FlagValues(_auto_parse=True)


class FlagHolder:
    """What the DEFINE functions return: a handle whose `.value` reads the flag."""

    def __init__(self, flag_values, flag):
        self._flag_values = flag_values
        self._name = flag.name

    name = property(lambda self: self._name)
    value = property(lambda self: getattr(self._flag_values, self._name))
    default = property(lambda self: self._flag_values[self._name].default)
    present = property(lambda self: bool(self._flag_values[self._name].present))


def _caller_module():
    """The module that called a DEFINE function, as absl names it: the script is `_sys.argv[0]`."""
    frame = _inspect.currentframe().f_back.f_back.f_back  # here <- _define <- DEFINE_x <- caller
    name = frame.f_globals.get("__name__", "")
    return (_sys.argv[0] if _sys.argv else name) if name == "__main__" else name


def _define(kind, name, default, help, flag_values, required, extra, module_name=None):  # noqa: A002
    flag = Flag(kind, name, default, help, short_name=extra.pop("short_name", None),
                module_name=module_name or _caller_module(), **extra)
    flag_values._register(flag)
    if required:
        mark_flag_as_required(name, flag_values)
    return FlagHolder(flag_values, flag)


# The DEFINE functions keep absl's signatures (observed); `**args` takes `short_name` and friends.
def DEFINE_string(name, default, help, flag_values=FLAGS, required=False, **args):  # noqa: A002,N802
    """Defines a string flag."""
    return _define(_types.STRING, name, default, help, flag_values, required, args)


def DEFINE_integer(name, default, help, lower_bound=None, upper_bound=None, flag_values=FLAGS,  # noqa: A002,N802
                   required=False, **args):
    """Defines an integer flag, optionally bounded (`lower_bound` <= value <= `upper_bound`)."""
    return _define(_types.INTEGER, name, default, help, flag_values, required,
                   dict(args, lower_bound=lower_bound, upper_bound=upper_bound))


def DEFINE_float(name, default, help, lower_bound=None, upper_bound=None, flag_values=FLAGS,  # noqa: A002,N802
                 required=False, **args):
    """Defines a float flag, optionally bounded."""
    return _define(_types.FLOAT, name, default, help, flag_values, required,
                   dict(args, lower_bound=lower_bound, upper_bound=upper_bound))


def DEFINE_boolean(name, default, help, flag_values=FLAGS, module_name=None, required=False,  # noqa: A002,N802
                   **args):
    """Defines a boolean flag: `--name`, `--noname`, `--name=false`."""
    return _define(_types.BOOLEAN, name, default, help, flag_values, required, args, module_name)


DEFINE_bool = DEFINE_boolean


def DEFINE_list(name, default, help, flag_values=FLAGS, required=False, **args):  # noqa: A002,N802
    """Defines a comma-separated list flag (`--items=a,b` -> ['a', 'b'])."""
    return _define(_types.LIST, name, default, help, flag_values, required, args)


def DEFINE_enum(name, default, enum_values, help, flag_values=FLAGS, module_name=None,  # noqa: A002,N802
                required=False, **args):
    """Defines a string flag restricted to `enum_values`."""
    return _define(_types.ENUM, name, default, help, flag_values, required,
                   dict(args, enum_values=list(enum_values)), module_name)


def DEFINE_multi_string(name, default, help, flag_values=FLAGS, required=False, **args):  # noqa: A002,N802
    """Defines a repeatable string flag (`--tag a --tag b` -> ['a', 'b'])."""
    return _define(_types.MULTI_STRING, name, default, help, flag_values, required, args)


def DEFINE_multi_integer(name, default, help, lower_bound=None, upper_bound=None,  # noqa: A002,N802
                         flag_values=FLAGS, required=False, **args):
    """Defines a repeatable integer flag."""
    return _define(_types.MULTI_INTEGER, name, default, help, flag_values, required,
                   dict(args, lower_bound=lower_bound, upper_bound=upper_bound))


def DEFINE_multi_float(name, default, help, lower_bound=None, upper_bound=None,  # noqa: A002,N802
                       flag_values=FLAGS, required=False, **args):
    """Defines a repeatable float flag."""
    return _define(_types.MULTI_FLOAT, name, default, help, flag_values, required,
                   dict(args, lower_bound=lower_bound, upper_bound=upper_bound))


def register_validator(flag_name, checker, message="Flag validation failed", flag_values=FLAGS):
    """Adds `checker(value) -> bool` to `flag_name`; checked at every parse and assignment."""
    flag = flag_values[flag_name]
    flag.validators.append((flag, checker, message))


def validator(flag_name, message="Flag validation failed", flag_values=FLAGS):
    """Decorator form of `register_validator`."""
    def decorate(function):
        register_validator(flag_name, function, message=message, flag_values=flag_values)
        return function
    return decorate


def mark_flag_as_required(flag_name, flag_values=FLAGS):
    """Makes parsing fail unless `flag_name` ends up with a value other than None."""
    if flag_values[flag_name].default is not None:
        _warnings.warn(f"Flag --{flag_name} has a non-None default value; therefore, mark_flag_as_required "
                      "will pass even if flag is not specified in the command line!", stacklevel=2)
    register_validator(flag_name, lambda value: value is not None,
                       message=f"Flag --{flag_name} must have a value other than None.", flag_values=flag_values)


def mark_flags_as_required(flag_names, flag_values=FLAGS):
    """`mark_flag_as_required` for each name."""
    for flag_name in flag_names:
        mark_flag_as_required(flag_name, flag_values)


def _define_absl_logging_flags():
    """absl.logging's flags, which TF 1.15 scripts may pass (e.g. `--logtostderr`); accepted, no effect."""
    for kind, name, default, help_text, short in [
            (_types.BOOLEAN, "logtostderr", False, "Should only log to stderr?", None),
            (_types.BOOLEAN, "alsologtostderr", False, "also log to stderr?", None),
            (_types.STRING, "log_dir", "", "directory to write logfiles into", None),
            (_types.INTEGER, "verbosity", -1, "Logging verbosity level. Messages logged at this level or "
             "lower will be included. Set to 1 for debug logging. If the flag was not set or supplied, the "
             "value will be changed from the default of -1 (warning) to 0 (info) after flags are parsed.",
             "v"),
            (_types.STRING, "stderrthreshold", "fatal", "log messages at this level, or more severe, to "
             "stderr, in addition to the logfile.  Possible values are 'debug', 'info', 'warning', "
             "'error', and 'fatal'.  Obsoletes --alsologtostderr. Using --alsologtostderr cancels the "
             "effect of this flag. Please also note that this flag is subject to --verbosity and requires "
             "logfile not be stderr.", None),
            (_types.BOOLEAN, "showprefixforinfo", True, "If False, do not prepend prefix to info messages "
             "when it's logged to stderr, --verbosity is set to INFO level, and python logging is used.",
             None)]:
        FLAGS._register(Flag(kind, name, default, help_text, short_name=short, module_name="absl.logging"))


_define_absl_logging_flags()
