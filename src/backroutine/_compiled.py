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

import collections
import contextlib
import enum
import itertools
import linecache
import sys
import threading
import types
from collections.abc import Callable
from typing import Any, Final, cast

import attrs
import orjson

from backroutine._spec import (
    WHITESPACE,
    Date,
    Flag,
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
    read_date,
    slug_match,
    spec_of,
)

__all__ = ["Refused", "UnknownSpecError", "forget", "structurer", "unstructurer"]


class Refused(Exception):  # noqa: N818 (internal signal, never escapes)
    """The fast path does not accept a document; the detailed path says why."""


class UnknownSpecError(TypeError):
    """A field's spec is of a shape the code generator does not know."""


_MISSING: Final = object()
_FRAGMENT: Final = getattr(orjson, "Fragment", None)  # orjson 3.9.12 and later
_IMMUTABLE: Final = (type(None), bool, int, float, str, enum.Enum)
_LARGEST_FLOAT: Final = sys.float_info.max

Envelope = tuple[tuple[str, object], ...]
"""The fields a whole document holds besides the value's: its kind and version."""
Structure = Callable[[Any, "dict[Any, Any] | None"], Any]
Unstructure = Callable[[Any, "dict[int, Any] | None"], Any]

_STRUCTURERS: dict[tuple[type, int], Structure] = {}
_UNSTRUCTURERS: dict[tuple[type, bool, Envelope, bool], Unstructure] = {}
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

# The one character of WHITESPACE that str.isspace() does not count.
_FEFF: Final = "\ufeff"
# The most lists of enum values remembered, by their values, per enum: the
# same few lists (of body areas, of times of day) come again and again.
_MAX_REMEMBERED: Final = 4096


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
        # What Text.check accepts, cheapest test first.  WHITESPACE is what
        # str.isspace() calls white space, and U+FEFF: ASCII text that is
        # not all isspace() is not blank; other text is when it holds no
        # U+FEFF, or something besides WHITESPACE, and no lone surrogate.
        return (
            f"type({x}) is str and 0 < len({x}) <= {spec.max_length!r} "
            f"and not {x}.isspace() and ({x}.isascii() or "
            f"({_FEFF!r} not in {x} or {x}.strip(_WS)) and _encodable({x}))"
        )
    if isinstance(spec, Flag):
        return f"type({x}) is bool"
    if isinstance(spec, Slug):
        match = gen.name("slug", slug_match())
        return f"type({x}) is str and len({x}) <= {spec.max_length!r} and {match}({x})"
    return None


def _member(gen: _Generator, spec: Member, x: str) -> str:
    """An expression for the member of *x*, None if *x* is not one's value."""
    members = {member.value: member for member in spec.enum}
    if not all(type(value) is str for value in members):
        msg = f"{spec.enum.__name__}: enum values must be strings"
        raise UnknownSpecError(msg)
    by_value = gen.name(spec.enum.__name__, members)
    return f"({by_value}.get({x}) if type({x}) is str else None)"


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
    elif isinstance(spec, Date):
        gen.emit(indent, f"{out} = {gen.name('date', read_date)}({x})")
        gen.emit(indent, f"if {out} is None:")
        gen.emit(indent + 1, "raise _Refused")
    elif isinstance(spec, Member):
        gen.emit(indent, f"{out} = {_member(gen, spec, x)}")
        gen.emit(indent, f"if {out} is None:")
        gen.emit(indent + 1, "raise _Refused")
    elif isinstance(spec, Nested):
        _read_nested(gen, spec, x, out, indent)
    elif isinstance(spec, Items):
        _read_items(gen, spec, x, out, indent)
    else:
        raise _unknown(spec, "read")


def _read_nested(gen: _Generator, spec: Nested, x: str, out: str, indent: int) -> None:
    target = spec.cls
    if spec.share:
        read = gen.name(target.__name__, structurer(target))
        share = gen.name("share", _sharer(target))
        gen.emit(indent, f"{out} = {share}({read}, {x}, shared)")
    else:
        _read_object(gen, target, x, out, indent)
    for name, narrower in spec.narrow:
        test = _condition(gen, narrower, f"{out}.{name}")
        if test is None:
            raise _unknown(narrower, "narrow a nested field to")
        gen.emit(indent, f"if not ({test}):")
        gen.emit(indent + 1, "raise _Refused")


def _read_items(gen: _Generator, spec: Items, x: str, out: str, indent: int) -> None:
    gen.emit(indent, f"if type({x}) is not list and type({x}) is not tuple:")
    gen.emit(indent + 1, "raise _Refused")
    gen.emit(indent, f"if not {spec.min_count!r} <= len({x}) <= {spec.max_count!r}:")
    gen.emit(indent + 1, "raise _Refused")
    item = gen.local("i")
    condition = _condition(gen, spec.item, item)
    if condition is not None:
        gen.emit(indent, f"for {item} in {x}:")
        gen.emit(indent + 1, f"if not ({condition}):")
        gen.emit(indent + 2, "raise _Refused")
        gen.emit(indent, f"{out} = tuple({x})")
        if spec.unique:
            gen.emit(indent, f"if len(set({out})) != len({out}):")
            gen.emit(indent + 1, "raise _Refused")
    elif isinstance(spec.item, Member):
        _read_members(gen, spec, x, out, indent)
    else:  # any other spec, item by item
        value, values = gen.local("v"), gen.local("l")
        gen.emit(indent, f"{values} = []")
        gen.emit(indent, f"for {item} in {x}:")
        _read(gen, spec.item, item, value, indent + 1)
        gen.emit(indent + 1, f"{values}.append({value})")
        gen.emit(indent, f"{out} = tuple({values})")
        if spec.unique:
            gen.emit(indent, f"if len(set({out})) != len({out}):")
            gen.emit(indent + 1, "raise _Refused")


def _read_members(gen: _Generator, spec: Items, x: str, out: str, indent: int) -> None:
    """Lines that read a list of enum values, remembered by their values."""
    assert isinstance(spec.item, Member)  # noqa: S101 (the caller's promise)
    item = gen.local("i")
    remembered = gen.name("remembered", {})
    key = gen.local("k")
    gen.emit(indent, f"{key} = tuple({x})")
    # Only strings themselves may be looked up: a subclass of str that
    # equals a value must not pass for it, nor an object's own __hash__ run.
    # Data parsed from JSON text (shared is a dict) holds nothing else.
    gen.emit(indent, "if shared is None:")
    gen.emit(indent + 1, f"for {item} in {key}:")
    gen.emit(indent + 2, f"if type({item}) is not str:")
    gen.emit(indent + 3, "raise _Refused")
    gen.emit(indent, "try:")
    gen.emit(indent + 1, f"{out} = {remembered}.get({key})")
    gen.emit(indent, "except TypeError:")  # an item that cannot be hashed
    gen.emit(indent + 1, "raise _Refused from None")
    gen.emit(indent, f"if {out} is None:")
    expression = _member(gen, spec.item, item)
    gen.emit(indent + 1, f"{out} = tuple([{expression} for {item} in {key}])")
    gen.emit(indent + 1, f"if None in {out}:")
    gen.emit(indent + 2, "raise _Refused")
    if spec.unique:
        # Values and members match one to one, and strings hash faster than
        # members: the values are compared instead.
        gen.emit(indent + 1, f"if len(set({key})) != len({key}):")
        gen.emit(indent + 2, "raise _Refused")
    gen.emit(indent + 1, f"if len({remembered}) < {_MAX_REMEMBERED}:")
    gen.emit(indent + 2, f"{remembered}[{key}] = {out}")


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


def _as_read(value: object) -> object:
    """*value* as the parsed JSON data that reads as it, for a default."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return tuple(_as_read(item) for item in value)
    if attrs.has(type(value)):
        return unstructurer(type(value), plain=True)(value, None)
    return value


def _default(gen: _Generator, cls: type, field: attrs.Attribute[Any]) -> str:
    """The name of the raw data a missing *field* reads as: its default."""
    default = field.default
    if isinstance(default, attrs.Factory) or not _is_immutable(default):  # type: ignore[arg-type]
        msg = (
            f"{cls.__name__}.{field.name}: the default must be an immutable "
            f"value, such as () for a tuple (got {default!r})"
        )
        raise UnknownSpecError(msg)
    if field.converter is not None:
        default = _converter_of(field)(default)
    return gen.name("default", _as_read(default))


def _check_converter(cls: type, field: attrs.Attribute[Any], spec: Spec) -> None:
    # The tuples built here are what the model's converters make.
    sample = _sample(spec)
    if _converter_of(field)(sample) is not sample:
        msg = (
            f"{cls.__name__}.{field.name}: the converter must return a tuple "
            "it is given unchanged, as the model's converters do"
        )
        raise UnknownSpecError(msg)


def _read_object(  # noqa: PLR0913 (where from, where to, and how)
    gen: _Generator, cls: type, o: str, out: str, indent: int, *, extra: int = 0
) -> None:
    """Lines that read a *cls* value from the raw *o* into *out*.

    When the object holds every field (as the writer writes it), each is
    looked up directly; otherwise the fields left out take their defaults,
    and any key that is not a field is refused, but for *extra* keys the
    caller has checked (a document's kind and version).
    """
    fields = fields_of(cls)
    raws = {field.name: gen.local("r") for field in fields}
    gen.emit(indent, f"if type({o}) is not dict:")
    gen.emit(indent + 1, "raise _Refused")
    gen.emit(indent, f"if len({o}) == {len(fields) + extra}:")
    gen.emit(indent + 1, "try:")
    for field in fields:
        gen.emit(indent + 2, f"{raws[field.name]} = {o}[{field.name!r}]")
    gen.emit(indent + 1, "except KeyError:")
    gen.emit(indent + 2, "raise _Refused from None")
    gen.emit(indent, "else:")
    # Unknown keys: each field found is counted; the dict holds nothing else
    # exactly when its size is that count.
    seen = gen.local("seen")
    required = sum(field.default is attrs.NOTHING for field in fields)
    gen.emit(indent + 1, f"{seen} = {required + extra}")
    for field in fields:
        raw = raws[field.name]
        gen.emit(indent + 1, f"{raw} = {o}.get({field.name!r}, _MISSING)")
        gen.emit(indent + 1, f"if {raw} is _MISSING:")
        if field.default is attrs.NOTHING:
            gen.emit(indent + 2, "raise _Refused")
        else:
            gen.emit(indent + 2, f"{raw} = {_default(gen, cls, field)}")
            gen.emit(indent + 1, "else:")
            gen.emit(indent + 2, f"{seen} += 1")
    gen.emit(indent + 1, f"if len({o}) != {seen}:")
    gen.emit(indent + 2, "raise _Refused")
    values = {}
    for field in fields:
        spec = spec_of(field)
        value = values[field.name] = gen.local("f")
        _read(gen, spec, raws[field.name], value, indent)
        if field.converter is None:
            continue
        if _holds_items(spec):
            _check_converter(cls, field, spec)
        else:
            convert = gen.name("convert", field.converter)
            gen.emit(indent, f"{value} = {convert}({value})")
    # Built without __init__, which would check every field again: each
    # field is set as object.__setattr__ would, through its slot.
    gen.emit(indent, f"{out} = _new({gen.name(cls.__name__, cls)})")
    for field in fields:
        slot = next(
            (k.__dict__[field.name] for k in cls.__mro__ if field.name in k.__dict__),
            None,
        )
        if isinstance(slot, types.MemberDescriptorType):
            set_slot = gen.name("slot", slot.__set__)
            gen.emit(indent, f"{set_slot}({out}, {values[field.name]})")
        else:
            gen.emit(indent, f"_osa({out}, {field.name!r}, {values[field.name]})")
    if hasattr(cls, "__attrs_post_init__"):
        gen.emit(indent, "try:")
        gen.emit(indent + 1, f"{out}.__attrs_post_init__()")
        gen.emit(indent, "except Exception:")
        gen.emit(indent + 1, "raise _Refused from None")


def _generate_structure(cls: type, *, extra: int) -> Structure:
    gen = _Generator(cls)
    gen.names["_MISSING"] = _MISSING
    name = f"structure_{cls.__name__}{'_document' if extra else ''}"
    gen.emit(0, f"def {name}(o, shared):")
    _read_object(gen, cls, "o", "self", 1, extra=extra)
    gen.emit(1, "return self")
    function: Structure = gen.compile(name)
    return function


MAX_REMEMBERED_VALUES: Final = 256
"""How many shared values (exercises) are remembered across documents, each way."""


_MEMORIES: Final[list[_Recent]] = []


def forget() -> None:
    """Forget every value remembered across documents, read or written.

    For measuring the first reading or writing of a document; nothing else
    needs it, since values are remembered by their whole JSON text.
    """
    for memory in _MEMORIES:
        memory.values.clear()


class _Recent:
    """A bounded memory of recent values, the oldest forgotten first.

    Safe to use from several threads at once: each operation is one step
    on an ordered dict (in C), and forgetting tolerates another thread
    forgetting first.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.values: collections.OrderedDict[Any, Any] = collections.OrderedDict()
        _MEMORIES.append(self)

    def get(self, key: Any) -> Any:
        return self.values.get(key)

    def put(self, key: Any, value: Any) -> None:
        values = self.values
        if key not in values and len(values) >= self.size:
            # Another thread may have forgotten the oldest first.
            with contextlib.suppress(KeyError):
                values.popitem(last=False)
        values[key] = value


Share = Callable[[Structure, Any, "dict[Any, Any] | None"], Any]
_SHARERS: Final[dict[type, Share]] = {}


REMEMBER: Final = object()
"""A key of the memo of one document: present when its values may be remembered
across documents (see :func:`_sharer`)."""
MAX_REMEMBERED_TEXT: Final = 16 * 1024
"""The longest JSON text of a value remembered across documents, in bytes."""


def _sharer(cls: type) -> Share:  # noqa: C901 (one closure, its cases in order)
    """The function that reads equal values of *cls* once, and shares them.

    Values are immutable, so sharing them is safe, and it saves time and
    memory when documents repeat them, as routines repeat the exercises of
    a catalog.  A value is found by its first text field (an exercise's
    id), and shared only when the data's JSON text is exactly the text of
    the data the value was read from, or that the value is written as: the
    same text reads as the same value, so ``1`` never stands for ``1.0`` or
    ``true``, and a changed exercise is read and checked anew (and is the
    one shared from then on).

    Within one document every repeat is shared.  Across documents, the last
    :data:`MAX_REMEMBERED_VALUES` values read are remembered, each with its
    text, only from documents whose memo holds :data:`REMEMBER` (small
    ones: see :func:`backroutine._converter.loads`) and only when their text
    is at most :data:`MAX_REMEMBERED_TEXT` long, so that what is remembered
    stays small whatever the documents.  Only for data parsed from JSON
    text (*shared* is a dict), whose text is what it says.
    """
    found = _SHARERS.get(cls)
    if found is not None:
        return found
    key_field = next(
        (f.name for f in fields_of(cls) if isinstance(spec_of(f), (Slug, Text))),
        None,
    )
    write = unstructurer(cls)
    recent = _Recent(MAX_REMEMBERED_VALUES)
    remembered = recent.values

    def text_of(o: Any) -> bytes:
        try:
            return orjson.dumps(o)
        except TypeError:  # not JSON data, such as an integer too large
            raise Refused from None

    def remember(key: str, seen: list[Any]) -> None:
        if len(seen[1]) <= MAX_REMEMBERED_TEXT:
            recent.put(key, seen)

    def share(read: Structure, o: Any, shared: dict[Any, Any] | None) -> Any:
        if shared is None or type(o) is not dict:
            return read(o, shared)
        key = o.get(key_field) if key_field is not None else None
        if type(key) is not str:
            return read(o, shared)
        across = REMEMBER in shared
        # [a value of this class with that id, the text it reads from]
        seen = shared.get((cls, key))
        if seen is None and across:
            seen = remembered.get(key)
        if seen is None:
            value = read(o, shared)
            seen = shared[cls, key] = [value, text_of(o) if across else None]
            if across:
                remember(key, seen)
            return value
        value, text = seen
        if text is None:  # a repeat within a large document: make the text now
            text = seen[1] = orjson.dumps(write(value, None))
        incoming = text_of(o)
        if incoming == text:
            shared[cls, key] = seen
            return value
        # The same id with other content: a value of its own, shared from now.
        value = read(o, shared)
        seen = shared[cls, key] = [value, incoming]
        if across:
            remember(key, seen)
        return value

    share.recent = recent  # type: ignore[attr-defined]  # for the tests
    _SHARERS[cls] = share
    return share


# Generating is done under one lock: two threads reading their first
# documents at once must not see a function half made.  Reentrant, since
# making one class's functions makes those of the classes it holds.
_GENERATING: Final = threading.RLock()


def structurer(cls: type, *, extra: int = 0) -> Structure:
    """The generated structure function of *cls*, made once.

    It takes the parsed data and the memo of shared values (a dict for one
    document while sharing, else None), and raises :class:`Refused` for
    anything invalid.  With *extra*, the data may hold that many keys
    besides the fields, which the caller has checked: a whole document's
    kind and version.
    """
    key = (cls, extra)
    function = _STRUCTURERS.get(key)
    if function is None:
        with _GENERATING:
            function = _STRUCTURERS.get(key)
            if function is None:
                function = _STRUCTURERS[key] = _generate_structure(cls, extra=extra)
    return function


# -- writing -------------------------------------------------------------------


def _write(gen: _Generator, spec: Spec, x: str, *, plain: bool) -> str:  # noqa: PLR0911 (one return per spec)
    """An expression for the JSON form of *x*, which obeys *spec*.

    With *plain*, only dicts, lists and scalars; otherwise tuples and
    orjson fragments may stand in for lists and repeated values.
    """
    if isinstance(spec, (Integer, Number, Text, Slug, Flag)):
        return x
    if isinstance(spec, Date):
        return f"{x}.isoformat()"
    if isinstance(spec, Member):
        # What .value gives, without the cost of its descriptor.
        return f"{x}._value_"
    if isinstance(spec, Maybe):
        inner = _write(gen, spec.inner, x, plain=plain)
        return x if inner == x else f"(None if {x} is None else {inner})"
    if isinstance(spec, Items):
        item = gen.local("i")
        inner = _write(gen, spec.item, item, plain=plain)
        if inner == item:
            return f"list({x})" if plain else x
        listed = f"[{inner} for {item} in {x}]"
        # An empty tuple is written as [] just the same, without a list.
        return listed if plain else f"({x} and {listed})"
    if isinstance(spec, Nested):
        target = spec.cls
        if spec.share:
            made = unstructurer(target, plain=plain, shared=True)
            write = gen.name(target.__name__, made)
            return f"{write}({x}, memo)"
        return _dict_display(gen, target, x, plain=plain)
    raise _unknown(spec, "write")


def _dict_display(gen: _Generator, cls: type, x: str, *, plain: bool) -> str:
    """A dict display of the fields of the *cls* value *x*, in field order."""
    entries = [
        f"{field.name!r}: "
        + _write(gen, spec_of(field), f"{x}.{field.name}", plain=plain)
        for field in fields_of(cls)
    ]
    return "{" + ", ".join(entries) + "}"


def _generate_unstructure(
    cls: type, *, plain: bool, envelope: Envelope, shared: bool
) -> Unstructure:
    gen = _Generator(cls)
    gen.names["_Fragment"] = _FRAGMENT
    name = f"unstructure_{cls.__name__}{'_plain' if plain else ''}"
    if envelope:
        name += "_document"
    if shared:
        name += "_shared"
    gen.emit(0, f"def {name}(o, memo):")
    made = _dict_display(gen, cls, "o", plain=plain)
    if envelope:
        head = ", ".join(f"{key!r}: {value!r}" for key, value in envelope)
        made = "{" + head + ", " + made[1:]
    if plain or not shared or _FRAGMENT is None:
        gen.emit(1, f"return {made}")
    else:
        # A shared value (an exercise) is written once, as a fragment of
        # compact JSON text, and remembered, with the value so that its id
        # stays its own: the next documents that hold it reuse the text.
        gen.names["_written"] = _Recent(MAX_REMEMBERED_VALUES)
        gen.emit(1, "if memo is None:")  # indented output: no fragments
        gen.emit(2, f"return {made}")
        gen.emit(1, "key = id(o)")
        gen.emit(1, "found = _written.get(key)")
        gen.emit(1, "if found is not None and found[0] is o:")
        gen.emit(2, "return found[1]")
        gen.emit(1, f"text = _Fragment(_dumps({made}))")
        gen.emit(1, "_written.put(key, (o, text))")
        gen.emit(1, "return text")
    return cast("Unstructure", gen.compile(name))


def unstructurer(
    cls: type, *, plain: bool = False, envelope: Envelope = (), shared: bool = False
) -> Unstructure:
    """The generated function that makes the JSON data of a *cls* value.

    It takes the value and a memo, a dict for one call, or None.  With
    *plain*, the data holds only dicts, lists, strings, numbers and None.
    Otherwise tuples stand for lists and, for a *shared* value given a memo
    (compact output), the data is an orjson ``Fragment`` of its JSON text,
    remembered for the next documents that hold the same value.  With an
    *envelope*, the data is a whole document, its fields first.
    """
    key = (cls, plain, envelope, shared)
    function = _UNSTRUCTURERS.get(key)
    if function is None:
        with _GENERATING:
            function = _UNSTRUCTURERS.get(key)
            if function is None:
                function = _UNSTRUCTURERS[key] = _generate_unstructure(
                    cls, plain=plain, envelope=envelope, shared=shared
                )
    return function
