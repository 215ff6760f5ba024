"""The enums of the benchmark models, derived from backroutine's vocabulary.

:func:`plain` makes, for one of backroutine's enums, a plain ``enum.Enum``
of the same name with the same members (names and values, in order), as a
msgspec or pydantic user would write it: none of the behaviour of
backroutine's own enums (methods such as ``BodyArea.covers``, members that
hash by identity in C), so that the benchmark's models owe backroutine
nothing but the JSON values.  :data:`ALL_ENUMS` holds one for each enum a
routine document's fields name, found by walking the rule specs, so that a
member or an enum added to the model needs no edit here.
"""

from __future__ import annotations

import enum
import functools
from typing import Any, Final

import backroutine
from backroutine import _spec as v

# enum.Enum's functional form, typed loosely: mypy wants a literal name.
_ENUM: Final[Any] = enum.Enum


@functools.cache
def plain(enum_type: type[enum.Enum]) -> type[enum.Enum]:
    """A plain enum with the members of backroutine's *enum_type*, made once."""
    members = [(member.name, member.value) for member in enum_type]
    made: type[enum.Enum] = _ENUM(
        enum_type.__name__, members, module=__name__, qualname=enum_type.__name__
    )
    made.__doc__ = enum_type.__doc__
    return made


def enums_named(spec: v.Spec, found: dict[type[enum.Enum], None]) -> None:
    """Add each enum *spec* names, however deep, to *found* (in order met)."""
    if isinstance(spec, v.Member):
        found[spec.enum] = None
    elif isinstance(spec, v.Maybe):
        enums_named(spec.inner, found)
    elif isinstance(spec, v.Items):
        enums_named(spec.item, found)
    elif isinstance(spec, v.Nested):
        narrowed = dict(spec.narrow)
        for field in v.fields_of(spec.cls):
            enums_named(narrowed.get(field.name, v.spec_of(field)), found)


def _document_enums(cls: type) -> tuple[type[enum.Enum], ...]:
    found: dict[type[enum.Enum], None] = {}
    enums_named(v.Nested(cls), found)
    return tuple(plain(enum_type) for enum_type in found)


ALL_ENUMS: Final = _document_enums(backroutine.Routine)
"""The plain twin of every enum a routine document names, in the order met."""
