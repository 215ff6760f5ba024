"""Generated readers and writers for the document classes: the fast paths.

For each class, once and on first use, Python source is generated from the
rules of its fields (each :class:`~backroutine._validation.Rule` says what it
accepts as a JSON Schema fragment, the same fragment the published schemas
come from), compiled with ``exec``, and cached, the way attrs and cattrs
generate code:

- a *structure* function that turns parsed JSON data into a value, with
  every check inline.  Instances are built without calling ``__init__``
  (which would check every field again): the fields are set directly, then
  ``__attrs_post_init__`` runs as it would.  Any failure raises
  :class:`Refused`, which carries no message: the caller then reads the
  document again with the detailed converter, to say what is wrong and where.
- an *unstructure* function that builds the dict of a value directly, for
  orjson to write in one call.

A rule whose schema has a shape the generator does not know is an error when
the code is generated, not a check silently left out.
"""

from __future__ import annotations

import enum
import itertools
import types
from collections.abc import Callable, Mapping
from typing import Any, Final, cast

import attrs
import orjson

from backroutine import _validation as v
from backroutine._model import Exercise

__all__ = ["Refused", "UnknownShapeError", "structurer", "unstructurer"]


class Refused(Exception):  # noqa: N818 (internal signal, never escapes)
    """The fast path does not accept a document; the detailed path says why."""


class UnknownShapeError(TypeError):
    """A field's rule has a schema the code generator does not know."""


_SHARED_CLASSES: Final = frozenset({Exercise})
"""Classes whose equal values within one document are read once and shared."""

_MISSING: Final = object()
_FRAGMENT: Final = getattr(orjson, "Fragment", None)  # orjson 3.9.12 and later
_IMMUTABLE: Final = (type(None), bool, int, float, str, enum.Enum)

Structure = Callable[[Any, "dict[bytes, Any] | None"], Any]
Unstructure = Callable[[Any, "dict[int, Any] | None"], Any]

_STRUCTURERS: dict[type, Structure] = {}
_UNSTRUCTURERS: dict[type, Unstructure] = {}


def _is_immutable(value: object) -> bool:
    if isinstance(value, tuple):
        return all(_is_immutable(item) for item in value)
    return isinstance(value, _IMMUTABLE)


def _rule_of(field: attrs.Attribute[Any]) -> v.Rule:
    rule = field.validator
    if not isinstance(rule, v.Rule):
        msg = f"{field.name}: the field's validator is not a Rule (got {rule!r})"
        raise UnknownShapeError(msg)
    return rule


class _Generator:
    """The source of one class's functions, and the names it refers to."""

    def __init__(self, cls: type) -> None:
        self.names: dict[str, Any] = {
            "_Refused": Refused,
            "_new": object.__new__,
            "_osa": object.__setattr__,
            "_dumps": orjson.dumps,
            "_encodable": v.encodable,
            "_cls": cls,
        }
        self.lines: list[str] = []
        self._counter = itertools.count()

    def name(self, prefix: str, value: object) -> str:
        """A fresh global name for *value* in the generated code."""
        name = f"_{prefix}{next(self._counter)}"
        self.names[name] = value
        return name

    def emit(self, indent: int, line: str) -> None:
        self.lines.append("    " * indent + line)

    def local(self, prefix: str = "x") -> str:
        return f"{prefix}{next(self._counter)}"

    # -- what one schema fragment accepts -----------------------------------

    def _ref_target(self, schema: Mapping[str, Any], refs: tuple[type, ...]) -> type:
        reference = schema["$ref"]
        for target in refs:
            if reference == f"#/$defs/{target.__name__}":
                return target
        msg = f"unknown reference {reference!r} (refs: {refs!r})"
        raise UnknownShapeError(msg)

    def condition(self, schema: Mapping[str, Any], x: str) -> str | None:
        """A test that *x* is valid, for a scalar *schema*; None if not scalar."""
        kind = schema.get("type")
        if kind == "integer" and set(schema) == {"type", "minimum", "maximum"}:
            low, high = schema["minimum"], schema["maximum"]
            return f"type({x}) is int and {low!r} <= {x} <= {high!r}"
        if kind == "number" and set(schema) == {"type", "exclusiveMinimum", "maximum"}:
            low, high = schema["exclusiveMinimum"], schema["maximum"]
            # Never a bool; NaN fails the comparison, infinity the bound.
            return (
                f"(type({x}) is float or type({x}) is int) "
                f"and {low!r} < {x} <= {high!r}"
            )
        if kind == "string":
            return self._string_condition(schema, x)
        return None

    def _string_condition(self, schema: Mapping[str, Any], x: str) -> str:
        known = {"type", "minLength", "maxLength", "pattern"}
        if not set(schema) <= known or "maxLength" not in schema:
            msg = f"unknown string schema {dict(schema)!r}"
            raise UnknownShapeError(msg)
        tests = [f"type({x}) is str"]
        pattern = schema.get("pattern")
        if pattern == v.NON_BLANK_PATTERN:
            tests.append(f"{x}.strip()")  # the loader's rule: str.strip
        minimum = schema.get("minLength", 0)
        if minimum > (1 if pattern == v.NON_BLANK_PATTERN else 0):
            tests.append(f"len({x}) >= {minimum!r}")
        tests.append(f"len({x}) <= {schema['maxLength']!r}")
        if pattern == v.SLUG_PATTERN:
            tests.append(f"{self.name('slug', v._SLUG.fullmatch)}({x})")  # noqa: SLF001
        elif pattern == v.NON_BLANK_PATTERN:
            # A JSON string is Unicode text: no lone surrogates.
            tests.append(f"_encodable({x})")
        elif pattern is not None:
            msg = f"unknown string pattern {pattern!r}"
            raise UnknownShapeError(msg)
        return " and ".join(tests)

    def field(  # noqa: C901 (one branch per shape)
        self,
        schema: Mapping[str, Any],
        refs: tuple[type, ...],
        x: str,
        out: str,
        indent: int,
    ) -> None:
        """Lines that check the raw *x* and set *out* to its value."""
        condition = self.condition(schema, x)
        if condition is not None:
            self.emit(indent, f"if not ({condition}):")
            self.emit(indent + 1, "raise _Refused")
            self.emit(indent, f"{out} = {x}")
        elif set(schema) == {"anyOf"}:
            options = schema["anyOf"]
            if len(options) != 2 or options[1] != {"type": "null"}:
                msg = f"unknown anyOf {options!r}"
                raise UnknownShapeError(msg)
            self.emit(indent, f"if {x} is None:")
            self.emit(indent + 1, f"{out} = None")
            self.emit(indent, "else:")
            self.field(options[0], refs, x, out, indent + 1)
        elif "$ref" in schema:
            target = self._ref_target(schema, refs)
            if set(schema) == {"$ref"}:
                self.emit(indent, f"{out} = {self.item(schema, refs, x)}")
                if issubclass(target, enum.Enum):
                    self.emit(indent, f"if {out} is None:")
                    self.emit(indent + 1, "raise _Refused")
            elif set(schema) == {"$ref", "properties"} and attrs.has(target):
                self.emit(indent, f"{out} = {self.item(v.ref(target), refs, x)}")
                for name, bounds in schema["properties"].items():
                    if set(bounds) != {"minimum", "maximum"}:
                        msg = f"unknown property bounds {bounds!r}"
                        raise UnknownShapeError(msg)
                    low, high = bounds["minimum"], bounds["maximum"]
                    self.emit(indent, f"if not {low!r} <= {out}.{name} <= {high!r}:")
                    self.emit(indent + 1, "raise _Refused")
            else:
                msg = f"unknown reference schema {dict(schema)!r}"
                raise UnknownShapeError(msg)
        elif schema.get("type") == "array":
            self._array(schema, refs, x, out, indent)
        else:
            msg = f"unknown schema {dict(schema)!r}"
            raise UnknownShapeError(msg)

    def _array(
        self,
        schema: Mapping[str, Any],
        refs: tuple[type, ...],
        x: str,
        out: str,
        indent: int,
    ) -> None:
        known = {"type", "items", "minItems", "maxItems", "uniqueItems"}
        if not set(schema) <= known or "maxItems" not in schema:
            msg = f"unknown array schema {dict(schema)!r}"
            raise UnknownShapeError(msg)
        low, high = schema.get("minItems", 0), schema["maxItems"]
        self.emit(indent, f"if type({x}) is not list and type({x}) is not tuple:")
        self.emit(indent + 1, "raise _Refused")
        self.emit(indent, f"if not {low!r} <= len({x}) <= {high!r}:")
        self.emit(indent + 1, "raise _Refused")
        items = schema["items"]
        item = self.local("i")
        unique = out
        condition = self.condition(items, item)
        if condition is not None:
            self.emit(indent, f"for {item} in {x}:")
            self.emit(indent + 1, f"if not ({condition}):")
            self.emit(indent + 2, "raise _Refused")
            self.emit(indent, f"{out} = tuple({x})")
        else:
            expression = self.item(items, refs, item)
            self.emit(indent, f"{out} = tuple([{expression} for {item} in {x}])")
            if issubclass(self._ref_target(items, refs), enum.Enum):
                self.emit(indent, f"if None in {out}:")
                self.emit(indent + 1, "raise _Refused")
                # Values and members match one to one, and strings hash
                # faster than members: the values are compared instead.
                unique = x
        if schema.get("uniqueItems", False):
            self.emit(indent, f"if len(set({unique})) != len({unique}):")
            self.emit(indent + 1, "raise _Refused")

    def item(self, schema: Mapping[str, Any], refs: tuple[type, ...], x: str) -> str:
        """An expression for a bare ``$ref``: a class's value, or an enum member.

        For an enum, None stands for a value that is not one of its members.
        """
        if set(schema) != {"$ref"}:
            msg = f"unknown item schema {dict(schema)!r}"
            raise UnknownShapeError(msg)
        target = self._ref_target(schema, refs)
        if issubclass(target, enum.Enum):
            members = {member.value: member for member in target}
            if not all(type(value) is str for value in members):
                msg = f"{target.__name__}: enum values must be strings"
                raise UnknownShapeError(msg)
            by_value = self.name(target.__name__, members)
            return f"({by_value}.get({x}) if type({x}) is str else None)"
        if attrs.has(target):
            return f"{self.name(target.__name__, structurer(target))}({x}, shared)"
        msg = f"unknown reference target {target!r}"
        raise UnknownShapeError(msg)


def _generate_structure(cls: type) -> Structure:
    attrs.resolve_types(cls)
    gen = _Generator(cls)
    fields = [field for field in attrs.fields(cls) if field.init]
    required = sum(field.default is attrs.NOTHING for field in fields)
    optional = len(fields) - required
    gen.names["_MISSING"] = _MISSING
    name = f"structure_{cls.__name__}"
    gen.emit(0, f"def {name}(o, shared):")
    gen.emit(1, "if type(o) is not dict:")
    gen.emit(2, "raise _Refused")
    # Unknown keys: each field found is counted (`seen`); the dict holds
    # nothing else exactly when its size is that count.
    if optional:
        gen.emit(1, f"if len(o) > {len(fields)}:")
        gen.emit(2, "raise _Refused")
        gen.emit(1, f"seen = {required}")
    else:
        gen.emit(1, f"if len(o) != {len(fields)}:")
        gen.emit(2, "raise _Refused")
    if cls in _SHARED_CLASSES:
        gen.emit(1, "if shared is not None:")
        gen.emit(2, "try:")
        gen.emit(3, "key = _dumps(o)")
        gen.emit(2, "except TypeError:")  # not JSON data (an int too large)
        gen.emit(3, "raise _Refused from None")
        gen.emit(2, "found = shared.get(key)")
        gen.emit(2, "if found is not None:")
        gen.emit(3, "return found")
    results = [(field.name, _emit_field(gen, cls, field)) for field in fields]
    if optional:
        gen.emit(1, "if len(o) != seen:")
        gen.emit(2, "raise _Refused")
    # Built without __init__, which would check every field again: each
    # field is set as object.__setattr__ would, through its slot.
    gen.emit(1, "self = _new(_cls)")
    for field_name, out in results:
        slot = next(
            (k.__dict__[field_name] for k in cls.__mro__ if field_name in k.__dict__),
            None,
        )
        if isinstance(slot, types.MemberDescriptorType):
            gen.emit(1, f"{gen.name('slot', slot.__set__)}(self, {out})")
        else:
            gen.emit(1, f"_osa(self, {field_name!r}, {out})")
    if hasattr(cls, "__attrs_post_init__"):
        gen.emit(1, "try:")
        gen.emit(2, "self.__attrs_post_init__()")
        gen.emit(1, "except Exception:")
        gen.emit(2, "raise _Refused from None")
    if cls in _SHARED_CLASSES:
        gen.emit(1, "if shared is not None:")
        gen.emit(2, "shared[key] = self")
    gen.emit(1, "return self")
    function: Structure = _compile(gen, name)
    return function


def _converter_of(field: attrs.Attribute[Any]) -> Callable[[Any], Any]:
    return cast("Callable[[Any], Any]", field.converter)


def _emit_field(gen: _Generator, cls: type, field: attrs.Attribute[Any]) -> str:
    """Lines that read *field* from ``o``; the name of the local holding it."""
    rule = _rule_of(field)
    raw, out = gen.local("r"), f"f_{field.name}"
    indent = 1
    if field.default is not attrs.NOTHING:
        default = field.default
        if isinstance(default, attrs.Factory) or not _is_immutable(default):  # type: ignore[arg-type]
            msg = f"{cls.__name__}.{field.name}: default must be immutable"
            raise UnknownShapeError(msg)
        if field.converter is not None:
            default = _converter_of(field)(default)
        gen.emit(1, f"{raw} = o.get({field.name!r}, _MISSING)")
        gen.emit(1, f"if {raw} is _MISSING:")
        gen.emit(2, f"{out} = {gen.name('default', default)}")
        gen.emit(1, "else:")
        gen.emit(2, "seen += 1")
        indent = 2
    else:
        gen.emit(1, f"{raw} = o.get({field.name!r}, _MISSING)")
        gen.emit(1, f"if {raw} is _MISSING:")
        gen.emit(2, "raise _Refused")
    gen.field(rule.schema, rule.refs, raw, out, indent)
    if field.converter is None:
        return out
    if _is_array(rule.schema):
        # The tuples built here are what the model's converters make.
        sample = ("sample",)
        if _converter_of(field)(sample) is not sample:
            msg = f"{cls.__name__}.{field.name}: converter changes a tuple"
            raise UnknownShapeError(msg)
    else:
        gen.emit(indent, f"{out} = {gen.name('convert', field.converter)}({out})")
    return out


def _is_array(schema: Mapping[str, Any]) -> bool:
    if set(schema) == {"anyOf"}:
        return any(_is_array(option) for option in schema["anyOf"])
    return schema.get("type") == "array"


def _compile(gen: _Generator, name: str) -> Any:
    source = "\n".join(gen.lines) + "\n"
    filename = f"<backroutine generated {name}>"
    code = compile(source, filename, "exec")
    namespace = dict(gen.names)
    exec(code, namespace)  # noqa: S102 (source generated here, from the rules)
    function = namespace[name]
    function.__source__ = source
    return function


def structurer(cls: type) -> Structure:
    """The generated structure function of *cls*, made once.

    It takes the parsed data and the memo of shared values (a dict while
    sharing, else None), and raises :class:`Refused` for anything invalid.
    """
    function = _STRUCTURERS.get(cls)
    if function is None:
        function = _STRUCTURERS[cls] = _generate_structure(cls)
    return function


# -- writing ------------------------------------------------------------------


def _value_expression(  # noqa: PLR0911 (one return per shape)
    gen: _Generator, schema: Mapping[str, Any], refs: tuple[type, ...], x: str
) -> str:
    """An expression for the JSON form of *x*, which obeys *schema*."""
    if set(schema) == {"anyOf"}:
        options = schema["anyOf"]
        if len(options) != 2 or options[1] != {"type": "null"}:
            msg = f"unknown anyOf {options!r}"
            raise UnknownShapeError(msg)
        inner = _value_expression(gen, options[0], refs, x)
        return x if inner == x else f"(None if {x} is None else {inner})"
    if "$ref" in schema and set(schema) <= {"$ref", "properties"}:
        target = gen._ref_target(schema, refs)  # noqa: SLF001
        if issubclass(target, enum.Enum):
            # What .value gives, without the cost of its descriptor; faster
            # than orjson's own writing of enum members, too.
            return f"{x}._value_"
        if attrs.has(target) and target in _SHARED_CLASSES:
            return f"{gen.name(target.__name__, unstructurer(target))}({x}, memo)"
        if attrs.has(target):
            return _dict_literal(gen, target, x)  # inline: no call
        msg = f"unknown reference target {target!r}"
        raise UnknownShapeError(msg)
    kind = schema.get("type")
    if kind == "array":
        item = gen.local("i")
        inner = _value_expression(gen, schema["items"], refs, item)
        if inner == item:
            return x
        # An empty tuple is written as [] just the same, without a list.
        return f"({x} and [{inner} for {item} in {x}])"
    if kind in {"integer", "number", "string"}:
        return x
    msg = f"unknown schema {dict(schema)!r}"
    raise UnknownShapeError(msg)


def _dict_literal(gen: _Generator, cls: type, x: str) -> str:
    """A dict display of the fields of the *cls* value *x*, in field order."""
    entries = []
    for field in attrs.fields(cls):
        if field.init:
            rule = _rule_of(field)
            value = _value_expression(gen, rule.schema, rule.refs, f"{x}.{field.name}")
            entries.append(f"{field.name!r}: {value}")
    return "{" + ", ".join(entries) + "}"


def _generate_unstructure(cls: type) -> Unstructure:
    attrs.resolve_types(cls)
    gen = _Generator(cls)
    gen.names["_Fragment"] = _FRAGMENT
    name = f"unstructure_{cls.__name__}"
    gen.emit(0, f"def {name}(o, memo):")
    made = _dict_literal(gen, cls, "o")
    if cls in _SHARED_CLASSES:
        # Within one call, a value that repeats is made once; from its
        # second use on, it is written once, as a fragment of JSON text.
        gen.emit(1, "if memo is None:")
        gen.emit(2, f"return {made}")
        gen.emit(1, "key = id(o)")
        gen.emit(1, "found = memo.get(key)")
        gen.emit(1, "if found is None:")
        gen.emit(2, f"found = memo[key] = {made}")
        gen.emit(1, "elif _Fragment is not None and type(found) is dict:")
        gen.emit(2, "found = memo[key] = _Fragment(_dumps(found))")
        gen.emit(1, "return found")
    else:
        gen.emit(1, f"return {made}")
    return _compile(gen, name)  # type: ignore[no-any-return]


def unstructurer(cls: type) -> Unstructure:
    """The generated function that makes the JSON-ready dict of a *cls*.

    It takes the value and a memo, a dict for one call to fill, or None.
    With a memo, a repeated value may come back as an orjson ``Fragment``
    of compact JSON text: give a memo only for compact output.
    """
    function = _UNSTRUCTURERS.get(cls)
    if function is None:
        function = _UNSTRUCTURERS[cls] = _generate_unstructure(cls)
    return function
