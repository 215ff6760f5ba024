"""Rule specs: what each field of a value class accepts, stated once, as data.

Every field of every value class has a spec as its attrs validator: a small
frozen value that says what the field accepts (a whole number within
bounds, text of at most so many characters, a member of an enum, a tuple of
something, another value class...).  Everything else is derived from it:

- here, the check that runs when a value is built, and its message, such as
  ``'reps' must be at least 1 (got 0)``;
- in :mod:`backroutine._schema`, the JSON Schema fragment of the field;
- in :mod:`backroutine._compiled`, the generated code that reads and writes
  the field;
- in :mod:`backroutine.testing`, the Hypothesis strategy that draws it;
- in the docs, the field's row in the JSON format's tables.

So adding a field is one line in the model, and the five can never drift
apart.  Specs compose: :class:`Maybe` and :class:`Items` wrap other specs,
:class:`Nested` names another value class.

This module also holds :class:`Value`, the base of every value class, which
keeps a value from being changed once built, and lets it cross process
boundaries (pickle, copy).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import operator
import reprlib
import sys
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from enum import Enum
from typing import TYPE_CHECKING, Any, Final, NoReturn, TypeVar

import attrs

from backroutine._text import plural
from backroutine.exceptions import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    import re

T = TypeVar("T")

# -- text: one definition of white space, for Python and ECMAScript alike ----

WHITESPACE: Final = (
    "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
r"""Every character that counts as white space in text, and no other.

It is what Python's ``str.isspace()`` calls white space, and what an
ECMAScript regular expression's ``\\s`` matches (which adds U+FEFF), listed
character by character so that neither language's Unicode tables decide:
text that is "not blank" holds a character outside this list, the same in
every language.
"""


def _character_class(characters: str) -> str:
    r"""*characters* for a bracketed character class, as ``\uXXXX`` escapes.

    Consecutive code points become ranges.  The escapes mean the same in
    Python's ``re`` and in ECMAScript with the ``u`` flag.
    """
    points = sorted(map(ord, characters))
    parts = []
    start = previous = points[0]
    for point in [*points[1:], -1]:
        if point == previous + 1:
            previous = point
            continue
        parts.append(
            f"\\u{start:04X}"
            if start == previous
            else f"\\u{start:04X}-\\u{previous:04X}"
        )
        start = previous = point
    return "".join(parts)


_WS_CLASS: Final = _character_class(WHITESPACE)
TEXT_PATTERN: Final = f"[^{_WS_CLASS}]"
"""Text that is not blank, as a JSON Schema pattern: a character outside
:data:`WHITESPACE`.

A pattern matches anywhere in the text, so this finds the first character
that is not white space.  It reads the same in ECMAScript (with the ``u``
flag, as Ajv runs it), Python's ``re`` and Rust's ``regex`` (as
``jsonschema-rs`` runs it), and accepts exactly the strings of Unicode
characters that :class:`Text` accepts.  :class:`Text` also refuses a
lone surrogate, which no UTF-8 text can hold and many regular expression
engines cannot name: that rule is the loader's alone.
"""


def encodable(value: str) -> bool:
    """Whether *value* can be written as UTF-8: it holds no lone surrogate."""
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


SLUG_PATTERN: Final = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""An exercise id, as a JSON Schema (ECMA-262) pattern."""


@functools.cache
def slug_match() -> Callable[[str], re.Match[str] | None]:
    """The ``fullmatch`` of the slug pattern, compiled on first use.

    ``fullmatch``, not ``match`` with ``$``: Python's ``$`` also matches
    before a final line break, ECMAScript's does not.
    """
    import re  # noqa: PLC0415 (only when an id is first checked: import is quick)

    return re.compile(SLUG_PATTERN[1:-1]).fullmatch


_YEAR: Final = "(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"
_LEAP_YEAR: Final = (
    "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
)
DATE_PATTERN: Final = (
    f"^(?:{_YEAR}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))"
    f"|{_LEAP_YEAR}-02-29)$"
)
"""A calendar date written ``YYYY-MM-DD``, as a JSON Schema (ECMA-262) pattern.

Exactly the dates :class:`dt.date` holds, from 0001-01-01 to
9999-12-31, leap days included: so a schema validator and the loader
accept the same text, and a generator that draws from the pattern draws
only real dates.
"""


@functools.cache
def date_match() -> Callable[[str], re.Match[str] | None]:
    """The ``fullmatch`` of :data:`DATE_PATTERN`, compiled on first use."""
    import re  # noqa: PLC0415 (only when a date is first read: import is quick)

    return re.compile(DATE_PATTERN[1:-1]).fullmatch


def read_date(text: object) -> dt.date | None:
    """The date *text* writes as ``YYYY-MM-DD``, or None if it is not one."""
    if type(text) is not str or not date_match()(text):
        return None
    return dt.date.fromisoformat(text)


# -- showing values in messages ------------------------------------------------

MAX_SHOWN: Final = 60
"""The most characters of a value a message shows."""

_REPR: Final = reprlib.Repr()
_REPR.maxlevel = 3
_REPR.maxstring = MAX_SHOWN + 2
_REPR.maxother = MAX_SHOWN
_REPR.maxlong = 40


def show(value: object) -> str:
    """A short ``repr`` of *value* for a message, cut if it is long.

    An enum member shows as its value, the way JSON writes it.  The work
    done is bounded whatever the value: a string of a billion characters,
    a list nested a million deep or an integer of a million digits shows
    in a few dozen characters, and a value whose ``repr`` fails shows as
    its type.
    """
    if isinstance(value, enum.Enum):
        value = value.value
    try:
        if type(value) is str:
            text = repr(value[: MAX_SHOWN + 1])
        elif type(value) is dt.date:
            text = repr(value.isoformat())
        elif type(value) is int and value.bit_length() > 128:
            text = f"<an integer of {value.bit_length()} bits>"
        else:
            text = _REPR.repr(value)
    except Exception:  # noqa: BLE001 (any object may be handed to structure())
        text = f"<{type(value).__name__} object>"
    if len(text) > MAX_SHOWN:
        text = text[: MAX_SHOWN - 3] + "..."
    return text


def _a(name: str) -> str:
    return f"an {name}" if name[0] in "AEIOU" else f"a {name}"


# -- problems ------------------------------------------------------------------


class Problem(Exception):  # noqa: N818 (internal signal, never escapes)
    """A spec's complaint, before it knows which field it is about.

    Attributes:
        problem: What is wrong, with the value: ``must be at least 1 (got 0)``.
        rule: The rule broken, as a short name such as ``"minimum"``.
        value: The value refused.
        where: Where within the field: ``[2]``, ``.low``, or empty.
        wrong_type: Whether the value is of the wrong type.
    """

    def __init__(
        self,
        problem: str,
        *,
        rule: str,
        value: object,
        where: str = "",
        wrong_type: bool = False,
    ) -> None:
        super().__init__(problem)
        self.problem = problem
        self.rule = rule
        self.value = value
        self.where = where
        self.wrong_type = wrong_type

    def inside(self, where: str) -> Problem:
        """This problem, found inside the part of a value at *where*."""
        self.where = where + self.where
        return self

    def at(self, name: str) -> InvalidValueError:
        """The error to raise for the field *name*."""
        error = InvalidTypeError if self.wrong_type else InvalidValueError
        return error(name + self.where, self.problem, rule=self.rule, value=self.value)


def wrong_type(expected: str, value: object) -> NoReturn:
    """Raise the :class:`Problem` of a *value* that is not *expected*.

    A member of another enum shows as ``BodyArea.CORE``, so that it is not
    taken for the value expected.
    """
    got = (
        f"{type(value).__name__}.{value.name}"
        if isinstance(value, enum.Enum)
        else show(value)
    )
    problem = f"must be {expected} (got {got})"
    raise Problem(problem, rule="type", value=value, wrong_type=True)


def refuse(field: str, problem: str, *, rule: str, value: object) -> NoReturn:
    """Raise :class:`~backroutine.exceptions.InvalidValueError` for *field*.

    For the rules that involve more than one field, checked after the
    fields themselves (``__attrs_post_init__``).
    """
    raise InvalidValueError(field, problem, rule=rule, value=value)


# -- specs ---------------------------------------------------------------------


class Spec:
    """What a field accepts; as an attrs validator, it checks the field.

    Each kind of spec is a small immutable value whose attributes (its
    ``__slots__``) are the rule's parameters, and implements :meth:`check`.
    Specs are plain classes rather than attrs classes: the model builds a
    hundred of them at import, and plain classes cost almost nothing to
    define.
    """

    __slots__ = ()

    def _set(self, **values: object) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def _names(self) -> tuple[str, ...]:
        names: tuple[str, ...] = type(self).__slots__
        return names

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._names())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Spec) or type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._names())
        return f"{type(self).__name__}({values})"

    def check(self, value: Any) -> None:
        """Raise :class:`Problem` unless *value* is acceptable."""
        raise NotImplementedError

    def __call__(
        self, _instance: object, attribute: attrs.Attribute[Any], value: Any
    ) -> None:
        try:
            self.check(value)
        except Problem as problem:
            raise problem.at(attribute.name) from None


class Integer(Spec):
    """A whole number from *minimum* to *maximum*; never a bool or a float.

    Attributes:
        minimum: The smallest number allowed.
        maximum: The largest number allowed.
        unit: What the number counts, such as ``"seconds"``, or None.
    """

    __slots__ = ("minimum", "maximum", "unit")  # noqa: RUF023 (in the order of __init__)
    minimum: int
    maximum: int
    unit: str | None

    def __init__(self, minimum: int, maximum: int, *, unit: str | None = None) -> None:
        self._set(minimum=minimum, maximum=maximum, unit=unit)

    def check(self, value: Any) -> None:
        if type(value) is not int:
            wrong_type("an integer", value)
        if value < self.minimum:
            problem = f"must be at least {self.minimum} (got {show(value)})"
            raise Problem(problem, rule="minimum", value=value)
        if value > self.maximum:
            problem = f"must be at most {self.maximum} (got {show(value)})"
            raise Problem(problem, rule="maximum", value=value)


class Number(Spec):
    """A finite number, an int or a float (never a bool), within bounds.

    Attributes:
        minimum: The smallest number allowed.
        maximum: The largest number allowed, or None for any finite number.
        exclusive_minimum: Whether *minimum* itself is refused.
        unit: What the number measures, such as ``"minutes"``, or None.
    """

    __slots__ = ("minimum", "maximum", "exclusive_minimum", "unit")  # noqa: RUF023 (in the order of __init__)
    minimum: float
    maximum: float | None
    exclusive_minimum: bool
    unit: str | None

    def __init__(
        self,
        minimum: float,
        maximum: float | None = None,
        *,
        exclusive_minimum: bool = False,
        unit: str | None = None,
    ) -> None:
        self._set(
            minimum=minimum,
            maximum=maximum,
            exclusive_minimum=exclusive_minimum,
            unit=unit,
        )

    @property
    def bounds(self) -> str:
        """The bounds in words: ``above 0 and at most 240``, ``from 0 to 600``."""
        if self.maximum is None:
            return f"a finite number of at least {self.minimum!r}"
        if self.exclusive_minimum:
            return f"above {self.minimum!r} and at most {self.maximum!r}"
        return f"from {self.minimum!r} to {self.maximum!r}"

    def check(self, value: Any) -> None:
        if type(value) is not float and type(value) is not int:
            wrong_type(f"a number of {self.unit}" if self.unit else "a number", value)
        low, high = self.minimum, self.maximum
        above = low < value if self.exclusive_minimum else low <= value
        # Written so that NaN, which fails every comparison, is refused.
        if not (above and value <= (sys.float_info.max if high is None else high)):
            rule = "maximum" if above else "minimum"
            problem = f"must be {self.bounds} (got {show(value)})"
            raise Problem(problem, rule=rule, value=value)


class Text(Spec):
    """A string that is not blank, of at most *max_length* characters.

    Not blank means it holds a character outside :data:`WHITESPACE`.  Lone
    surrogates are refused: they cannot be written as UTF-8, so a value
    holding one could never be saved.

    Attributes:
        max_length: The most characters (Unicode code points) allowed.
    """

    __slots__ = ("max_length",)
    max_length: int

    def __init__(self, max_length: int) -> None:
        self._set(max_length=max_length)

    def check(self, value: Any) -> None:
        if type(value) is not str:
            wrong_type("a string", value)
        if not value.strip(WHITESPACE):
            problem = f"must not be blank (got {show(value)})"
            raise Problem(problem, rule="blank", value=value)
        if len(value) > self.max_length:
            problem = _too_long(self.max_length, value)
            raise Problem(problem, rule="max_length", value=value)
        if not encodable(value):
            problem = (
                "must be valid Unicode text, with no lone surrogates "
                f"(got {show(value)})"
            )
            raise Problem(problem, rule="surrogate", value=value)


def _too_long(max_length: int, value: str) -> str:
    return f"must be at most {max_length} characters long (got {len(value)})"


class Slug(Spec):
    """Lower-case ASCII letters and digits in words joined by single hyphens.

    Attributes:
        max_length: The most characters allowed.
    """

    __slots__ = ("max_length",)
    max_length: int

    def __init__(self, max_length: int) -> None:
        self._set(max_length=max_length)

    def check(self, value: Any) -> None:
        if type(value) is not str:
            wrong_type("a string", value)
        if len(value) > self.max_length:
            problem = _too_long(self.max_length, value)
            raise Problem(problem, rule="max_length", value=value)
        if not slug_match()(value):
            problem = (
                "must be lower-case letters and digits in words joined by "
                f"single hyphens, such as 'spine-press-up' (got {show(value)})"
            )
            raise Problem(problem, rule="slug", value=value)


class Flag(Spec):
    """True or false: a bool, never a number standing in for one."""

    __slots__ = ()

    def check(self, value: Any) -> None:
        if type(value) is not bool:
            wrong_type("true or false", value)


class Date(Spec):
    """A calendar date: a :class:`datetime.date`, never a datetime.

    Written in JSON as ``YYYY-MM-DD`` (:data:`DATE_PATTERN`).  A date has no
    time zone: it is the day where the person is.
    """

    __slots__ = ()

    def check(self, value: Any) -> None:
        if type(value) is not dt.date:
            wrong_type("a date", value)


class Member(Spec):
    """A member of an enum whose values are strings.

    Attributes:
        enum: The enum.
    """

    __slots__ = ("enum",)
    enum: type[Enum]

    def __init__(self, enum_type: type[Enum]) -> None:
        self._set(enum=enum_type)

    def check(self, value: Any) -> None:
        if not isinstance(value, self.enum):
            wrong_type(_a(self.enum.__name__), value)


class Nested(Spec):
    """An instance of another value class, optionally with narrower fields.

    Attributes:
        cls: The value class.
        narrow: For some of its fields, a spec that narrows the class's own
            (for example the ends of a :class:`~backroutine.Span` that counts
            sets), as ``(name, spec)`` pairs.
        share: Whether equal values read from one document may be shared
            (read once, written once): for values that repeat, such as the
            exercises of a routine.
        unit: What the value counts, such as ``"seconds"``, or None.
    """

    __slots__ = ("cls", "narrow", "share", "unit")
    cls: type
    narrow: tuple[tuple[str, Spec], ...]
    share: bool
    unit: str | None

    def __init__(
        self,
        cls: type,
        *,
        narrow: tuple[tuple[str, Spec], ...] = (),
        share: bool = False,
        unit: str | None = None,
    ) -> None:
        self._set(cls=cls, narrow=narrow, share=share, unit=unit)

    def check(self, value: Any) -> None:
        if not isinstance(value, self.cls):
            wrong_type(_a(self.cls.__name__), value)
        for name, spec in self.narrow:
            try:
                spec.check(getattr(value, name))
            except Problem as problem:
                raise problem.inside(f".{name}") from None


class Maybe(Spec):
    """None, or a value that another spec accepts.

    Attributes:
        inner: The spec of the value when it is not None.
    """

    __slots__ = ("inner",)
    inner: Spec

    def __init__(self, inner: Spec) -> None:
        self._set(inner=inner)

    def check(self, value: Any) -> None:
        if value is not None:
            self.inner.check(value)


class Items(Spec):
    """A tuple of values that another spec accepts.

    A field with this spec takes any iterable that is a sequence, through
    its converter (see :func:`to_tuple`), and holds a tuple.

    Attributes:
        item: The spec of each item.
        max_count: The most items allowed.
        min_count: The fewest items allowed.
        unique: Whether an item may appear only once.
    """

    __slots__ = ("item", "max_count", "min_count", "unique")
    item: Spec
    max_count: int
    min_count: int
    unique: bool

    def __init__(
        self, item: Spec, *, max_count: int, min_count: int = 0, unique: bool = False
    ) -> None:
        self._set(item=item, max_count=max_count, min_count=min_count, unique=unique)

    @classmethod
    def members(cls, enum_type: type[Enum], *, min_count: int = 0) -> Items:
        """Members of *enum_type*, each at most once."""
        return cls(
            Member(enum_type),
            max_count=len(enum_type.__members__),
            min_count=min_count,
            unique=True,
        )

    def check(self, value: Any) -> None:
        if type(value) is not tuple:
            wrong_type("a list or tuple", value)
        count = len(value)
        if count < self.min_count:
            least = plural(self.min_count, "item")
            problem = f"must hold at least {least} (got {count})"
            raise Problem(problem, rule="min_items", value=value)
        if count > self.max_count:
            problem = (
                f"must hold at most {plural(self.max_count, 'item')} (got {count})"
            )
            raise Problem(problem, rule="max_items", value=value)
        check = self.item.check
        for index, item in enumerate(value):
            try:
                check(item)
            except Problem as problem:
                raise problem.inside(f"[{index}]") from None
        if self.unique:
            _check_unique(value)


def _check_unique(values: tuple[Any, ...]) -> None:
    seen: set[object] = set()
    for index, item in enumerate(values):
        if item in seen:
            problem = f"must not repeat an item (got {show(item)} again)"
            raise Problem(problem, rule="unique", value=item, where=f"[{index}]")
        seen.add(item)


def spec_of(field: attrs.Attribute[Any]) -> Spec:
    """The spec of an attrs *field*, which is its validator.

    Raises:
        TypeError: The field has no spec, with what to write instead.
    """
    spec = field.validator
    if not isinstance(spec, Spec):
        msg = (
            f"the field {field.name!r} has no rule spec as its validator "
            f"(got {spec!r}); give it one from backroutine._spec, such as "
            "attrs.field(validator=Text(MAX_TEXT_LENGTH))"
        )
        raise TypeError(msg)
    return spec


def classes_named(spec: Spec) -> tuple[type, ...]:
    """The value classes *spec* names, at any depth: what its values hold."""
    if isinstance(spec, Nested):
        return (spec.cls,)
    if isinstance(spec, Maybe):
        return classes_named(spec.inner)
    if isinstance(spec, Items):
        return classes_named(spec.item)
    return ()


def fields_of(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    """The fields of the value class *cls* that its documents hold, in order."""
    return tuple(field for field in attrs.fields(cls) if field.init)


def to_tuple(value: Iterable[T]) -> tuple[T, ...]:
    """Turn a list or other sequence into a tuple, leaving nonsense alone.

    Strings, mappings and sets are iterable but are not the ordered sequence
    a field wants: they, like non-iterables, pass through unchanged so that
    the field's spec refuses them with a message naming the field.
    """
    if type(value) is tuple:
        return value
    if isinstance(
        value, (str, bytes, bytearray, Mapping, AbstractSet)
    ) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]  # refused by the field's spec
    return tuple(value)


# -- values ----------------------------------------------------------------------


_COMPARED: Final[dict[type, Callable[[Any], Any]]] = {}
_SHOWN: Final[dict[type, tuple[str, ...]]] = {}


def _compared(cls: type) -> Callable[[Any], Any]:
    """A getter of the fields of *cls* that equality and hashing compare."""
    getter = _COMPARED.get(cls)
    if getter is None:
        names = [field.name for field in attrs.fields(cls) if field.eq]
        getter = _COMPARED[cls] = operator.attrgetter(*names)
    return getter


def _shown(cls: type) -> tuple[str, ...]:
    """The fields of *cls* its repr shows."""
    names = _SHOWN.get(cls)
    if names is None:
        names = _SHOWN[cls] = tuple(f.name for f in attrs.fields(cls) if f.repr)
    return names


class Value:
    """The base of every value class: built once, never changed.

    attrs' frozen classes refuse ``value.x = ...``, but a second call of
    ``__init__`` or of attrs' ``__setstate__`` would still change a value in
    place.  A value class derives from this base and is declared with
    ``@attrs.frozen(..., repr=False, eq=False, getstate_setstate=False)``:
    it then has no ``__setstate__``, ``__init__`` refuses to run twice, and
    pickling and copying rebuild a value through its class, which checks
    every field.  Copies of an immutable value are the value itself.

    ``__repr__``, ``__eq__`` and ``__hash__`` are written once here, as
    attrs would generate them for each class (``Span(low=1, high=2)``;
    equal when of the same class with equal fields): generating them per
    class is most of what defining a class costs, at every import.
    """

    __slots__ = ()

    def __attrs_pre_init__(self) -> None:
        first = type(self).__attrs_attrs__[0].name  # type: ignore[attr-defined]
        try:
            getattr(self, first)
        except AttributeError:
            return  # a new value: its first field is not set yet
        # attrs' own error for changing a frozen value ("can't set attribute").
        raise attrs.exceptions.FrozenInstanceError

    def __repr__(self) -> str:
        cls = type(self)
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _shown(cls))
        return f"{cls.__qualname__}({shown})"

    def __eq__(self, other: object) -> bool:
        cls = type(self)
        if type(other) is not cls:
            return NotImplemented
        compared = _compared(cls)
        return bool(compared(self) == compared(other))

    def __hash__(self) -> int:
        cls = type(self)
        return hash((cls, _compared(cls)(self)))

    def __reduce__(self) -> tuple[Any, ...]:
        fields = {
            str(field.alias): getattr(self, field.name)
            for field in fields_of(type(self))
        }
        # functools.partial, so that a pickle names only the public class.
        return functools.partial(type(self), **fields), ()

    def __copy__(self) -> Value:
        return self

    def __deepcopy__(self, _memo: object) -> Value:
        return self
