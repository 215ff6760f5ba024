"""Field rules for the value classes, with messages that say what and where.

attrs' built-in validators word their messages as ``'reps' must be >= 1: 0``.
The JSON loader reports problems as ``$.steps[0].sets[1].reps: must be at
least 1 (got 0)``, so the rules here raise errors that carry the field's
location and the problem separately: the model shows both, the loader
prefixes the location with the document path.  One set of rules serves both.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from typing import Any, Final, NoReturn, TypeVar

import attrs

T = TypeVar("T")


@attrs.frozen
class Rule:
    """A check of one value, usable as an attrs validator.

    Its :attr:`check` raises :class:`Problem` when a value is wrong; as a
    validator it turns that into a :class:`FieldError` naming the field.
    Rules compose: :func:`items` and :func:`optional` wrap other rules.

    Each rule also says what it accepts as a JSON Schema fragment, so that
    the published schemas come from the very rules the loader enforces.
    Classes and enums appear as ``$ref`` to ``#/$defs/<name>``; :attr:`refs`
    lists them for the schema generator to define.
    """

    check: Callable[[Any], None]
    schema: Mapping[str, Any] = attrs.field(factory=dict)
    refs: tuple[type, ...] = ()

    def __call__(
        self, _instance: object, attribute: attrs.Attribute[Any], value: Any
    ) -> None:
        try:
            self.check(value)
        except Problem as problem:
            raise problem.at(attribute.name) from None


class Problem(Exception):  # noqa: N818 (internal signal, never escapes)
    """A rule's complaint, before it knows which field it is about."""

    def __init__(
        self, problem: str, *, where: str = "", wrong_type: bool = False
    ) -> None:
        super().__init__(problem)
        self.problem = problem
        self.where = where
        self.wrong_type = wrong_type

    def at(self, name: str) -> FieldError:
        """The error to raise for the field *name*."""
        location = name + self.where
        if self.wrong_type:
            return FieldTypeError(location, self.problem)
        return FieldValueError(location, self.problem)


class FieldError(Exception):
    """A field of a value class was given a value its rules refuse.

    Attributes:
        location: The field, with an index or sub-field where it helps:
            ``reps``, ``instructions[2]``, ``dosage.reps.low``.
        problem: What is wrong, with the value: ``must be at least 1 (got 0)``.
    """

    def __init__(self, location: str, problem: str) -> None:
        super().__init__(f"{location!r} {problem}")
        self.location = location
        self.problem = problem


class FieldValueError(FieldError, ValueError):
    """A field's value is of the right type but breaks a rule."""


class FieldTypeError(FieldError, TypeError):
    """A field's value is of the wrong type."""


def show(value: object) -> str:
    """A short ``repr`` of *value* for a message, cut if it is long.

    An enum member shows as its value, the way JSON writes it.
    """
    text = repr(value.value if isinstance(value, enum.Enum) else value)
    if len(text) > 60:
        text = text[:57] + "..."
    return text


def wrong_type(expected: str, value: object) -> NoReturn:
    raise Problem(f"must be {expected} (got {show(value)})", wrong_type=True)


def ref(cls: type) -> dict[str, Any]:
    """The JSON Schema reference to the definition of *cls*."""
    return {"$ref": f"#/$defs/{cls.__name__}"}


def integer(low: int, high: int) -> Rule:
    """A whole number from *low* to *high*, both included; never a bool or float."""

    def rule(value: Any) -> None:
        if type(value) is not int:
            wrong_type("an integer", value)
        if value < low:
            raise Problem(f"must be at least {low} (got {value!r})")
        if value > high:
            raise Problem(f"must be at most {high} (got {value!r})")

    return Rule(rule, {"type": "integer", "minimum": low, "maximum": high})


def encodable(value: str) -> bool:
    """Whether *value* can be written as UTF-8: it holds no lone surrogate."""
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def text(max_length: int) -> Rule:
    """A string that is not blank, at most *max_length* characters long.

    Lone surrogates are refused: they cannot be written as UTF-8, so a value
    holding one could never be saved.
    """

    def rule(value: Any) -> None:
        if type(value) is not str:
            wrong_type("a string", value)
        if not value.strip():
            raise Problem(f"must not be blank (got {show(value)})")
        if len(value) > max_length:
            raise Problem(
                f"must be at most {max_length} characters long (got {len(value)})"
            )
        if not encodable(value):
            raise Problem(
                f"must be valid Unicode text, with no lone surrogates "
                f"(got {show(value)})"
            )

    schema = {"type": "string", "minLength": 1, "maxLength": max_length}
    return Rule(rule, {**schema, "pattern": NON_BLANK_PATTERN})


SLUG_PATTERN: Final = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""An exercise id, as a JSON Schema (ECMA-262) pattern."""
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # with fullmatch: no "\n" at the end
NON_BLANK_PATTERN: Final = r"\S"
"""Text that is not blank holds a character that is not white space."""


def slug(max_length: int) -> Rule:
    """Lower-case letters and digits in words joined by single hyphens."""

    def rule(value: Any) -> None:
        if type(value) is not str:
            wrong_type("a string", value)
        if len(value) > max_length:
            raise Problem(
                f"must be at most {max_length} characters long (got {len(value)})"
            )
        if not _SLUG.fullmatch(value):
            raise Problem(
                "must be lower-case letters and digits in words joined by "
                f"single hyphens, such as 'spine-press-up' (got {show(value)})"
            )

    schema = {"type": "string", "maxLength": max_length, "pattern": SLUG_PATTERN}
    return Rule(rule, schema)


def _a(name: str) -> str:
    return f"an {name}" if name[0] in "AEIOU" else f"a {name}"


def member(enum_type: type[enum.Enum]) -> Rule:
    """A member of *enum_type*."""
    expected = _a(enum_type.__name__)

    def rule(value: Any) -> None:
        if not isinstance(value, enum_type):
            wrong_type(expected, value)

    return Rule(rule, ref(enum_type), (enum_type,))


def instance(cls: type) -> Rule:
    """An instance of *cls*."""
    expected = _a(cls.__name__)

    def rule(value: Any) -> None:
        if not isinstance(value, cls):
            wrong_type(expected, value)

    return Rule(rule, ref(cls), (cls,))


def optional(inner: Rule) -> Rule:
    """None, or a value that *inner* accepts."""

    def rule(value: Any) -> None:
        if value is not None:
            inner.check(value)

    return Rule(rule, {"anyOf": [inner.schema, {"type": "null"}]}, inner.refs)


def _check_unique(values: tuple[Any, ...]) -> None:
    seen: set[object] = set()
    for index, item in enumerate(values):
        if item in seen:
            problem = f"must not repeat an item (got {show(item)} again)"
            raise Problem(problem, where=f"[{index}]")
        seen.add(item)


def items(
    inner: Rule, *, min_count: int = 0, max_count: int, unique: bool = False
) -> Rule:
    """A tuple of *min_count* to *max_count* values that *inner* accepts."""

    def rule(value: Any) -> None:
        if type(value) is not tuple:
            wrong_type("a list or tuple", value)
        count = len(value)
        if count < min_count:
            what = "item" if min_count == 1 else "items"
            raise Problem(f"must hold at least {min_count} {what} (got {count})")
        if count > max_count:
            raise Problem(f"must hold at most {max_count} items (got {count})")
        for index, item in enumerate(value):
            try:
                inner.check(item)
            except Problem as problem:
                problem.where = f"[{index}]{problem.where}"
                raise
        if unique:
            _check_unique(value)

    schema: dict[str, Any] = {"type": "array", "items": inner.schema}
    if min_count:
        schema["minItems"] = min_count
    schema["maxItems"] = max_count
    if unique:
        schema["uniqueItems"] = True
    return Rule(rule, schema, inner.refs)


def to_tuple(value: Iterable[T]) -> tuple[T, ...]:
    """Turn a list or other sequence into a tuple, leaving nonsense alone.

    Strings, mappings and sets are iterable but are not the ordered sequence
    a field wants: they, like non-iterables, pass through unchanged so that
    the field's rule refuses them with a message naming the field.
    """
    if type(value) is tuple:
        return value
    if isinstance(
        value, (str, bytes, bytearray, Mapping, AbstractSet)
    ) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]  # refused by the field's rule
    return tuple(value)
