"""The benchmark's msgspec and pydantic models, derived from the rule specs.

Each field of a backroutine value class has a rule spec (see
:mod:`backroutine._spec`); :class:`Models` turns each spec into a type
annotation with constraints, and each value class into a class of the other
library with the same fields, under the same names, in the same order, with
the same defaults.  What is library-specific (how to state a constraint, how
to make a class, how a regular expression is anchored) is a :class:`Dialect`,
given by ``models_msgspec`` and ``models_pydantic``.  A field added to the
model is so picked up by both with no edit in ``bench/``.

From spec to annotation:

- ``Integer``: ``int`` with ``ge`` and ``le``.
- ``Number``: ``float`` with ``ge`` (or ``gt``) and ``le``, the largest
  finite float when the spec has no maximum.
- ``Text``: ``str`` with ``min_length=1``, ``max_length`` and, unless left
  out (``text_pattern=False``), the library's own non-blank pattern,
  :data:`backroutine._spec.TEXT_PATTERN`.
- ``Slug``: ``str`` with ``max_length`` and the slug pattern.
- ``Date``: ``dt.date``, which both read from ``YYYY-MM-DD``.
- ``Member``: the plain twin of the enum (see :mod:`bench.vocabulary`).
- ``Nested``: the derived class of the value class; narrowed, a class of its
  own whose narrowed fields take the narrower spec (a ``Span`` of sets has
  both ends from 1 to 10, not 0 to 10,000).
- ``Maybe``: ``T | None``.
- ``Items``: ``tuple[T, ...]`` with ``max_length``, and ``min_length`` when
  the spec has a minimum.

What the specs say and the derived models do not (so the other libraries'
figures are, if anything, a little flattering): that items are unique
(``Items(unique=True)``, the enum lists), and, as neither library has a
declarative form for them, the rules a value class checks beyond its
fields' specs (a ``Span``'s high end at least its low end) and text holding
no lone surrogate.  ``Nested(share=True)`` is backroutine's own economy (an
exercise repeated in a document is read once): the derived models read every
copy anew.

A document class (``Routine``) also gets the envelope, first: ``kind`` and
``version``, each the one value backroutine writes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import inspect
import sys
from collections.abc import Callable, Mapping
from typing import Annotated, Any, Final, Generic, Literal, TypeVar

import attrs

import backroutine
from backroutine import _spec as v
from backroutine._documents import FORMAT
from bench.vocabulary import plain

# Typed loosely: these build types from values at run time, which a type
# checker cannot follow (and need not: a derived class is typed by its base).
_ANNOTATED: Final[Any] = Annotated
_LITERAL: Final[Any] = Literal
_TUPLE: Final[Any] = tuple

REQUIRED: Final = attrs.NOTHING
"""The default of a required field."""

Class = TypeVar("Class")
"""The base of the derived classes: ``msgspec.Struct``, ``pydantic.BaseModel``."""


@dataclasses.dataclass(frozen=True)
class Field:
    """A field of a derived class.

    Attributes:
        name: Its name, in the class and in JSON.
        annotation: Its type, constraints included.
        default: Its default, or :data:`REQUIRED`.
    """

    name: str
    annotation: Any
    default: object = REQUIRED


@dataclasses.dataclass(frozen=True)
class Dialect(Generic[Class]):
    """How one library states what the specs say.

    Attributes:
        constraint: What goes in ``Annotated[T, ...]``, called with keywords
            ``ge``, ``gt``, ``le``, ``min_length``, ``max_length`` and
            ``pattern``: ``msgspec.Meta`` or ``pydantic.Field``.
        make_class: Makes a class from its name, docstring and fields.
        slug_pattern: The slug pattern as the library's regex engine
            anchors it.
        number: More keywords of the constraint of a ``Number``.
    """

    constraint: Callable[..., object]
    make_class: Callable[[str, str, list[Field]], type[Class]]
    slug_pattern: str
    number: Mapping[str, object] = dataclasses.field(default_factory=dict)


def _summary(cls: type) -> str:
    """The first paragraph of *cls*'s docstring, on one line."""
    doc = inspect.getdoc(cls) or cls.__name__
    return " ".join(doc.split("\n\n")[0].split())


def default_of(value: object) -> object:
    """A field's default in the derived model's terms: enums become plain.

    :data:`REQUIRED` stays itself.
    """
    if value is REQUIRED:
        return value
    if isinstance(value, enum.Enum):
        return plain(type(value))(value.value)
    if isinstance(value, tuple):
        return tuple(default_of(item) for item in value)
    if value is None or type(value) in {int, float, str, bool}:
        return value
    msg = f"no default in a derived model for {value!r}"
    raise TypeError(msg)


class Models(Generic[Class]):
    """The classes derived for one library, each made once, when first asked.

    Args:
        dialect: How the library states constraints and makes classes.
        prefix: Put before each class's name (``"Plain"`` for the twins
            without the text pattern).
        text_pattern: Whether text must match the non-blank pattern.
    """

    def __init__(
        self, dialect: Dialect[Class], *, prefix: str = "", text_pattern: bool = True
    ) -> None:
        self.dialect = dialect
        self.prefix = prefix
        self.text_pattern = text_pattern
        self._made: dict[tuple[type, tuple[tuple[str, v.Spec], ...]], type[Class]] = {}
        self._documents: dict[type, type[Class]] = {}
        self._names: set[str] = set()

    def document(self, cls: type) -> type[Class]:
        """The class of a whole document of *cls*, envelope first."""
        made = self._documents.get(cls)
        if made is None:
            envelope = [
                Field("kind", _LITERAL[FORMAT.kind_of(cls)]),
                Field("version", _LITERAL[backroutine.FORMAT_VERSION]),
            ]
            fields = envelope + self.fields(cls)
            made = self._documents[cls] = self._make(
                cls.__name__, _summary(cls), fields
            )
        return made

    def fields(
        self, cls: type, narrow: Mapping[str, v.Spec] | None = None
    ) -> list[Field]:
        """The fields of the value class *cls*, with the specs in *narrow* instead."""
        narrow = narrow or {}
        return [
            Field(
                field.name,
                self.annotation(narrow.get(field.name, v.spec_of(field))),
                default_of(field.default),
            )
            for field in v.fields_of(cls)
        ]

    def nested(self, spec: v.Nested) -> type[Class]:
        """The class of a value *spec* accepts: narrowed, a class of its own."""
        key = (spec.cls, spec.narrow)
        made = self._made.get(key)
        if made is None:
            name, doc = spec.cls.__name__, _summary(spec.cls)
            if spec.narrow:
                name += f"Of{(spec.unit or 'Narrowed').title()}"
                ranges = ", ".join(f"{field} {inner!r}" for field, inner in spec.narrow)
                doc = f"{doc} Narrowed: {ranges}."
            fields = self.fields(spec.cls, dict(spec.narrow))
            made = self._made[key] = self._make(name, doc, fields)
        return made

    def _make(self, name: str, doc: str, fields: list[Field]) -> type[Class]:
        name = unique = self.prefix + name
        number = 1
        while unique in self._names:
            number += 1
            unique = f"{name}{number}"
        self._names.add(unique)
        return self.dialect.make_class(unique, doc, fields)

    def _constrained(self, base: type, **constraints: object) -> Any:
        return _ANNOTATED[base, self.dialect.constraint(**constraints)]

    def annotation(self, spec: v.Spec) -> Any:
        """The type of a value *spec* accepts, with its constraints."""
        if isinstance(spec, v.Member):
            return plain(spec.enum)
        if isinstance(spec, v.Nested):
            return self.nested(spec)
        if isinstance(spec, v.Maybe):
            return self.annotation(spec.inner) | None
        if isinstance(spec, v.Items):
            counts: dict[str, object] = {"max_length": spec.max_count}
            if spec.min_count:
                counts["min_length"] = spec.min_count
            items = _TUPLE[self.annotation(spec.item), ...]
            return self._constrained(items, **counts)
        return self._scalar(spec)

    def _scalar(self, spec: v.Spec) -> Any:
        """The type of a number or a string *spec* accepts."""
        if isinstance(spec, v.Integer):
            return self._constrained(int, ge=spec.minimum, le=spec.maximum)
        if isinstance(spec, v.Number):
            low = "gt" if spec.exclusive_minimum else "ge"
            high = sys.float_info.max if spec.maximum is None else spec.maximum
            bounds = {low: spec.minimum, "le": high, **self.dialect.number}
            return self._constrained(float, **bounds)
        if isinstance(spec, v.Text):
            text: dict[str, object] = {"min_length": 1, "max_length": spec.max_length}
            if self.text_pattern:
                text["pattern"] = v.TEXT_PATTERN
            return self._constrained(str, **text)
        if isinstance(spec, v.Flag):
            return bool
        if isinstance(spec, v.Date):
            return dt.date
        if isinstance(spec, v.Slug):
            pattern = self.dialect.slug_pattern
            return self._constrained(str, max_length=spec.max_length, pattern=pattern)
        msg = f"no derived type for the spec {spec!r}"
        raise TypeError(msg)
