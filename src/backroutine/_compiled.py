"""Generated readers and writers for the value classes: the fast paths.

For each class, once and on first use, Python source is generated from the
specs of its fields (see :mod:`backroutine._spec`), compiled, and cached,
the way attrs and cattrs generate code.  The source is registered with
:mod:`linecache`, so tracebacks, debuggers and profilers show it.

- A *structure* function turns parsed JSON data into a value, with every
  check inline.  Values are built without calling ``__init__`` (which would
  check every field again): the fields are set directly through their
  slots, then ``__attrs_post_init__`` runs as it would.  Any failure raises
  :class:`Refused`, which carries no message: the caller then reads the
  document again with the detailed converter, to say what is wrong and
  where.
- An *unstructure* function builds the JSON data of a value directly: for
  orjson to write in one call (:func:`backroutine.dumps`), or as plain
  dicts and lists (:func:`backroutine.unstructure`).  One generator makes
  both, so the two always agree.

Nothing here names a value class: any class whose fields have specs gets
its functions.  A spec the generator does not know is an error when the
code is generated, never a check silently left out.
"""

from __future__ import annotations

import enum
import itertools
import linecache
import types
from collections.abc import Callable
from typing import Any, Final, cast

import attrs
import orjson

from backroutine._spec import (
    WHITESPACE,
    Integer,
    Items,
    Maybe,
    Member,
    Nested,
    Number,
    Slug,
    Spec,
    Text,
    encodable,
    fields_of,
    slug_match,
    spec_of,
)

__all__ = ["Refused", "UnknownSpecError", "structurer", "unstructurer"]


class Refused(Exception):  # noqa: N818 (internal signal, never escapes)
    """The fast path does not accept a document; the detailed path says why."""


class UnknownSpecError(TypeError):
    """A field's spec is of a shape the code generator does not know."""


_MISSING: Final = object()
_FRAGMENT: Final = getattr(orjson, "Fragment", None)  # orjson 3.9.12 and later
_IMMUTABLE: Final = (type(None), bool, int, float, str, enum.Enum)
_LARGEST_FLOAT: Final = 1.7976931348623157e308

Structure = Callable[[Any, "dict[Any, Any] | None"], Any]
Unstructure = Callable[[Any, "dict[int, Any] | None"], Any]

_STRUCTURERS: dict[type, Structure] = {}
_UNSTRUCTURERS: dict[tuple[type, bool], Unstructure] = {}
_generated = itertools.count()


def _is_immutable(value: object) -> bool:
    if isinstance(value, tuple):
        return all(_is_immutable(item) for item in value)
    return isinstance(value, _IMMUTABLE)


class _Generator:
    """The source of one generated function, and the names it refers to."""

    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.names: dict[str, Any] = {
            "_Refused": Refused,
            "_new": object.__new__,
            "_osa": object.__setattr__,
            "_dumps": orjson.dumps,
            "_encodable": encodable,
            "_WS": WHITESPACE,
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

    def local(self, prefix: str) -> str:
        return f"{prefix}{next(self._counter)}"

    def compile(self, name: str) -> Any:
        """Compile the lines as the module of the function *name*; return it."""
        source = "\n".join(self.lines) + "\n"
        filename = f"<backroutine generated {name} {next(_generated)}>"
        code = compile(source, filename, "exec")
        # As cattrs does: so that tracebacks and profilers show the source.
        linecache.cache[filename] = (
            len(source),
            None,
            source.splitlines(True),
            filename,
        )
        namespace = dict(self.names)
        exec(code, namespace)  # noqa: S102 (source generated here, from the specs)
        function = namespace[name]
        function.__source__ = source
        return function


def _unknown(spec: Spec, what: str) -> UnknownSpecError:
    return UnknownSpecError(f"cannot {what} a field with the spec {spec!r}")


# -- reading -------------------------------------------------------------------


def _condition(gen: _Generator, spec: Spec, x: str) -> str | None:
    """A test that the raw *x* is valid, for a scalar *spec*; None otherwise."""
    if isinstance(spec, Integer):
        return f"type({x}) is int and {spec.minimum!r} <= {x} <= {spec.maximum!r}"
    if isinstance(spec, Number):
        low = f"{spec.minimum!r} {'<' if spec.exclusive_minimum else '<='} {x}"
        high = _LARGEST_FLOAT if spec.maximum is None else spec.maximum
        # Never a bool; NaN fails the comparison, infinity the bound.
        return f"(type({x}) is float or type({x}) is int) and {low} <= {high!r}"
    if isinstance(spec, Text):
        # What Text.check accepts, cheapest test first.
        return (
            f"type({x}) is str and len({x}) <= {spec.max_length!r} "
            f"and {x}.strip(_WS) and ({x}.isascii() or _encodable({x}))"
        )
    if isinstance(spec, Slug):
        match = gen.name("slug", slug_match())
        return f"type({x}) is str and len({x}) <= {spec.max_length!r} and {match}({x})"
    return None


def _expression(gen: _Generator, spec: Spec, x: str) -> str | None:
    """An expression for the value of *x*, for a member or a nested value.

    For a member, the expression is None when *x* is not one of the enum's
    values; a nested value's function raises :class:`Refused` itself.
    """
    if isinstance(spec, Member):
        members = {member.value: member for member in spec.enum}
        if not all(type(value) is str for value in members):
            msg = f"{spec.enum.__name__}: enum values must be strings"
            raise UnknownSpecError(msg)
        by_value = gen.name(spec.enum.__name__, members)
        return f"({by_value}.get({x}) if type({x}) is str else None)"
    if isinstance(spec, Nested) and not spec.narrow:
        read = gen.name(spec.cls.__name__, _structurer_for(spec.cls))
        if spec.share:
            share = gen.name("share", _sharer(spec.cls))
            return f"{share}({read}, {x}, shared)"
        return f"{read}({x}, shared)"
    return None


def _read(gen: _Generator, spec: Spec, x: str, out: str, indent: int) -> None:
    """Lines that check the raw *x* and set *out* to its value."""
    condition = _condition(gen, spec, x)
    if condition is not None:
        gen.emit(indent, f"if not ({condition}):")
        gen.emit(indent + 1, "raise _Refused")
        gen.emit(indent, f"{out} = {x}")
    elif isinstance(spec, Maybe):
        gen.emit(indent, f"if {x} is None:")
        gen.emit(indent + 1, f"{out} = None")
        gen.emit(indent, "else:")
        _read(gen, spec.inner, x, out, indent + 1)
    elif isinstance(spec, Member):
        gen.emit(indent, f"{out} = {_expression(gen, spec, x)}")
        gen.emit(indent, f"if {out} is None:")
        gen.emit(indent + 1, "raise _Refused")
    elif isinstance(spec, Nested):
        whole = spec.whole
        gen.emit(indent, f"{out} = {_expression(gen, whole, x)}")
        for name, narrower in spec.narrow:
            test = _condition(gen, narrower, f"{out}.{name}")
            if test is None:
                raise _unknown(narrower, "narrow a nested field to")
            gen.emit(indent, f"if not ({test}):")
            gen.emit(indent + 1, "raise _Refused")
    elif isinstance(spec, Items):
        _read_items(gen, spec, x, out, indent)
    else:
        raise _unknown(spec, "read")


def _read_items(gen: _Generator, spec: Items, x: str, out: str, indent: int) -> None:
    gen.emit(indent, f"if type({x}) is not list and type({x}) is not tuple:")
    gen.emit(indent + 1, "raise _Refused")
    gen.emit(indent, f"if not {spec.min_count!r} <= len({x}) <= {spec.max_count!r}:")
    gen.emit(indent + 1, "raise _Refused")
    item = gen.local("i")
    unique = out
    condition = _condition(gen, spec.item, item)
    expression = _expression(gen, spec.item, item)
    if condition is not None:
        gen.emit(indent, f"for {item} in {x}:")
        gen.emit(indent + 1, f"if not ({condition}):")
        gen.emit(indent + 2, "raise _Refused")
        gen.emit(indent, f"{out} = tuple({x})")
    elif expression is not None:
        gen.emit(indent, f"{out} = tuple([{expression} for {item} in {x}])")
        if isinstance(spec.item, Member):
            gen.emit(indent, f"if None in {out}:")
            gen.emit(indent + 1, "raise _Refused")
            # Values and members match one to one, and strings hash faster
            # than members: the values are compared instead.
            unique = x
    else:  # any other spec, item by item
        value, values = gen.local("v"), gen.local("l")
        gen.emit(indent, f"{values} = []")
        gen.emit(indent, f"for {item} in {x}:")
        _read(gen, spec.item, item, value, indent + 1)
        gen.emit(indent + 1, f"{values}.append({value})")
        gen.emit(indent, f"{out} = tuple({values})")
    if spec.unique:
        gen.emit(indent, f"if len(set({unique})) != len({unique}):")
        gen.emit(indent + 1, "raise _Refused")


def _converter_of(field: attrs.Attribute[Any]) -> Callable[[Any], Any]:
    return cast("Callable[[Any], Any]", field.converter)


def _sample(spec: Spec) -> object:
    """A value of the shape the reader builds for *spec*: tuples of items."""
    if isinstance(spec, Maybe):
        return _sample(spec.inner)
    if isinstance(spec, Items):
        return (_sample(spec.item),)
    return object()


def _holds_items(spec: Spec) -> bool:
    return isinstance(spec, Items) or (
        isinstance(spec, Maybe) and _holds_items(spec.inner)
    )


def _read_field(gen: _Generator, field: attrs.Attribute[Any]) -> str:
    """Lines that read *field* from ``o``; the name of the local holding it."""
    cls = gen.cls
    spec = spec_of(field)
    raw, out = gen.local("r"), f"f_{field.name}"
    indent = 1
    gen.emit(1, f"{raw} = o.get({field.name!r}, _MISSING)")
    gen.emit(1, f"if {raw} is _MISSING:")
    if field.default is attrs.NOTHING:
        gen.emit(2, "raise _Refused")
    else:
        default = field.default
        if isinstance(default, attrs.Factory) or not _is_immutable(default):  # type: ignore[arg-type]
            msg = (
                f"{cls.__name__}.{field.name}: the default must be an immutable "
                f"value, such as () for a tuple (got {default!r})"
            )
            raise UnknownSpecError(msg)
        if field.converter is not None:
            default = _converter_of(field)(default)
        gen.emit(2, f"{out} = {gen.name('default', default)}")
        gen.emit(1, "else:")
        gen.emit(2, "seen += 1")
        indent = 2
    _read(gen, spec, raw, out, indent)
    if field.converter is None:
        return out
    if _holds_items(spec):
        # The tuples built here are what the model's converters make.
        sample = _sample(spec)
        if _converter_of(field)(sample) is not sample:
            msg = (
                f"{cls.__name__}.{field.name}: the converter must return a tuple "
                "it is given unchanged, as the model's converters do"
            )
            raise UnknownSpecError(msg)
    else:
        gen.emit(indent, f"{out} = {gen.name('convert', field.converter)}({out})")
    return out


def _generate_structure(cls: type) -> Structure:
    gen = _Generator(cls)
    fields = fields_of(cls)
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
    results = [(field.name, _read_field(gen, field)) for field in fields]
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
    gen.emit(1, "return self")
    function: Structure = gen.compile(name)
    return function


def _sharer(cls: type) -> Callable[[Structure, Any, dict[Any, Any] | None], Any]:
    """A function that reads equal values of *cls* in one document once.

    Values are immutable, so sharing them is safe, and it saves time and
    memory when a document repeats them, as a routine repeats exercises.
    A value is looked up by its first text field (an exercise's id), and
    shared only when its JSON text is the same as the first one's, so that
    ``1`` never stands for ``1.0`` or ``true``.
    """
    key_field = next(
        (f.name for f in fields_of(cls) if isinstance(spec_of(f), (Slug, Text))),
        None,
    )

    def share(read: Structure, o: Any, shared: dict[Any, Any] | None) -> Any:
        if shared is None or type(o) is not dict:
            return read(o, shared)
        key = o.get(key_field) if key_field is not None else None
        if type(key) is not str:
            return read(o, shared)
        found = shared.get((read, key))
        if found is None:
            value = read(o, shared)
            shared[read, key] = [o, value, None]
            return value
        first, value, text = found
        if o is first:
            return value
        try:
            if text is None:
                text = found[2] = orjson.dumps(first)
            if orjson.dumps(o) == text:
                return value
        except TypeError:  # not JSON data, such as an integer too large
            raise Refused from None
        return read(o, shared)

    return share


_IN_PROGRESS: Final[set[type]] = set()


def _structurer_for(cls: type) -> Structure:
    """The structure function of *cls*, or, while it is being made, a stand-in."""
    if cls in _IN_PROGRESS:  # a class that holds itself: look it up when called

        def later(o: Any, shared: dict[Any, Any] | None) -> Any:
            return _STRUCTURERS[cls](o, shared)

        return later
    return structurer(cls)


def structurer(cls: type) -> Structure:
    """The generated structure function of *cls*, made once.

    It takes the parsed data and the memo of shared values (a dict for one
    document while sharing, else None), and raises :class:`Refused` for
    anything invalid.
    """
    function = _STRUCTURERS.get(cls)
    if function is None:
        _IN_PROGRESS.add(cls)
        try:
            function = _STRUCTURERS[cls] = _generate_structure(cls)
        finally:
            _IN_PROGRESS.discard(cls)
    return function


# -- writing -------------------------------------------------------------------


def _write(  # noqa: PLR0911 (one return per spec)
    gen: _Generator, spec: Spec, x: str, *, plain: bool, inlined: tuple[type, ...]
) -> str:
    """An expression for the JSON form of *x*, which obeys *spec*.

    With *plain*, only dicts, lists and scalars; otherwise tuples and
    orjson fragments may stand in for lists and repeated values.
    """
    if isinstance(spec, (Integer, Number, Text, Slug)):
        return x
    if isinstance(spec, Member):
        # What .value gives, without the cost of its descriptor.
        return f"{x}._value_"
    if isinstance(spec, Maybe):
        inner = _write(gen, spec.inner, x, plain=plain, inlined=inlined)
        return x if inner == x else f"(None if {x} is None else {inner})"
    if isinstance(spec, Items):
        item = gen.local("i")
        inner = _write(gen, spec.item, item, plain=plain, inlined=inlined)
        if inner == item:
            return f"list({x})" if plain else x
        listed = f"[{inner} for {item} in {x}]"
        # An empty tuple is written as [] just the same, without a list.
        return listed if plain else f"({x} and {listed})"
    if isinstance(spec, Nested):
        target = spec.cls
        if spec.share or target in inlined:
            write = gen.name(target.__name__, unstructurer(target, plain=plain))
            return f"{write}({x}, memo)"
        return _dict_display(gen, target, x, plain=plain, inlined=(*inlined, target))
    raise _unknown(spec, "write")


def _dict_display(
    gen: _Generator, cls: type, x: str, *, plain: bool, inlined: tuple[type, ...]
) -> str:
    """A dict display of the fields of the *cls* value *x*, in field order."""
    entries = [
        f"{field.name!r}: "
        + _write(gen, spec_of(field), f"{x}.{field.name}", plain=plain, inlined=inlined)
        for field in fields_of(cls)
    ]
    return "{" + ", ".join(entries) + "}"


def _generate_unstructure(cls: type, *, plain: bool) -> Unstructure:
    gen = _Generator(cls)
    gen.names["_Fragment"] = _FRAGMENT
    name = f"unstructure_{cls.__name__}{'_plain' if plain else ''}"
    gen.emit(0, f"def {name}(o, memo):")
    made = _dict_display(gen, cls, "o", plain=plain, inlined=(cls,))
    if plain:
        gen.emit(1, f"return {made}")
    else:
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
    return cast("Unstructure", gen.compile(name))


def unstructurer(cls: type, *, plain: bool = False) -> Unstructure:
    """The generated function that makes the JSON data of a *cls* value.

    It takes the value and a memo, a dict for one call to fill, or None.
    With *plain*, the data holds only dicts, lists, strings, numbers and
    None (the memo is unused).  Otherwise tuples stand for lists and, with
    a memo, a repeated value may come back as an orjson ``Fragment`` of
    compact JSON text: give a memo only for compact output.
    """
    key = (cls, plain)
    function = _UNSTRUCTURERS.get(key)
    if function is None:
        function = _UNSTRUCTURERS[key] = _generate_unstructure(cls, plain=plain)
    return function
