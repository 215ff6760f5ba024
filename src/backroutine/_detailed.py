"""The detailed cattrs converter: the one that says what is wrong, and where.

cattrs' preconf converters coerce: ``"5"`` becomes an int, ``5.7`` becomes
``5``, ``"abc"`` the tuple ``('a', 'b', 'c')``.  This converter refuses all of
that.  Scalars pass through untouched, so that the model's own field rules
(one set of rules for Python and JSON alike) refuse a wrong type; arrays must
be arrays, objects must be objects, enums must be one of their values, and
unknown keys are refused.  With cattrs' detailed validation, and each
field's rule run as it is read, one pass finds every problem, and
:func:`problems` words each as ``path: message``.

Reading valid documents does not need it (see :mod:`backroutine._converter`),
so it, and cattrs with it, is imported only when a document fails.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Callable, Iterator
from typing import Any, Final, TypeVar, get_args, get_origin

import attrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, override
from cattrs.preconf.orjson import OrjsonConverter, make_converter

from backroutine import _spec as v
from backroutine.exceptions import InvalidDocumentError, InvalidValueError

T = TypeVar("T")


def _passthrough(value: Any, _type: type) -> Any:
    return value


def _structure_enum_factory(enum_type: type[enum.Enum]) -> Callable[[Any, type], Any]:
    by_value = {member.value: member for member in enum_type}
    expected = ", ".join(map(repr, by_value))

    def structure(value: Any, _type: type) -> enum.Enum:
        member = by_value.get(value) if type(value) is str else None
        if member is None:
            problem = f"must be one of {expected} (got {v.show(value)})"
            raise v.Problem(
                problem, rule="enum", value=value, wrong_type=type(value) is not str
            )
        return member

    return structure


def _structure_date(value: Any, _type: type) -> dt.date:
    date = v.read_date(value)
    if date is None:
        problem = f"must be a date written YYYY-MM-DD (got {v.show(value)})"
        raise v.Problem(
            problem, rule="date", value=value, wrong_type=type(value) is not str
        )
    return date


def _structure_tuple_factory(
    converter: OrjsonConverter,
) -> Callable[[Any], Callable[[Any, type], Any]]:
    """Arrays to tuples, each item's failure noted with its index."""

    def factory(tuple_type: Any) -> Callable[[Any, type], Any]:
        item_type = get_args(tuple_type)[0]
        structure_item = converter.get_structure_hook(item_type)

        def structure(value: Any, _type: type) -> tuple[Any, ...]:
            if type(value) is not list and type(value) is not tuple:
                problem = f"must be an array (got {v.show(value)})"
                raise v.Problem(problem, rule="type", value=value, wrong_type=True)
            items = []
            errors = []
            for index, item in enumerate(value):
                try:
                    items.append(structure_item(item, item_type))
                except Exception as error:  # noqa: BLE001 (collected, re-raised below)
                    note = IterableValidationNote(
                        f"Structuring item @ index {index}", index, item_type
                    )
                    error.__notes__ = [*getattr(error, "__notes__", ()), note]
                    errors.append(error)
            if errors:
                message = f"While structuring {tuple_type!r}"
                raise IterableValidationError(message, errors, tuple_type)
            return tuple(items)

        return structure

    return factory


def _checked(
    hook: Callable[[Any, Any], Any], attribute: attrs.Attribute[Any]
) -> Callable[[Any, Any], Any]:
    """*hook*, followed by the field's own validator.

    The class checks its fields again when it is built, but it is built only
    once every field has structured: checking each field here as well lets
    one pass report every problem in a document, not just the first layer.
    """
    validate = v.spec_of(attribute)
    name_length = len(attribute.name)

    def structure(value: Any, type_: Any) -> Any:
        result = hook(value, type_)
        try:
            validate(None, attribute, result)
        except InvalidValueError as error:
            where = error.field[name_length:]
            raise v.Problem(
                error.problem, rule=error.rule, value=error.value, where=where
            ) from None
        return result

    return structure


def _structure_attrs_factory(
    converter: OrjsonConverter,
) -> Callable[[Any], Callable[[Any, type], Any]]:
    def factory(cls: type) -> Callable[[Any, type], Any]:
        attrs.resolve_types(cls)
        overrides: dict[str, Any] = {
            attribute.name: override(
                struct_hook=_checked(
                    converter.get_structure_hook(attribute.type), attribute
                )
            )
            for attribute in v.fields_of(cls)
        }
        generated: Callable[[Any, type], Any] = make_dict_structure_fn(
            cls,
            converter,
            _cattrs_forbid_extra_keys=True,
            _cattrs_detailed_validation=True,
            **overrides,
        )

        def structure(value: Any, _type: type) -> Any:
            if type(value) is not dict:
                problem = f"must be an object (got {v.show(value)})"
                raise v.Problem(problem, rule="type", value=value, wrong_type=True)
            return generated(value, cls)

        return structure

    return factory


def _is_tuple(type_: Any) -> bool:
    return get_origin(type_) is tuple


def _is_enum(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, enum.Enum)


def _make_converter() -> OrjsonConverter:
    """The detailed converter, which says every problem."""
    converter = make_converter(forbid_extra_keys=True, detailed_validation=True)
    for scalar in (int, float, str, bool):
        converter.register_structure_hook(scalar, _passthrough)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_structure_hook_factory(_is_enum, _structure_enum_factory)
    converter.register_structure_hook_factory(
        _is_tuple, _structure_tuple_factory(converter)
    )
    converter.register_structure_hook_factory(
        attrs.has, _structure_attrs_factory(converter)
    )
    return converter


CONVERTER: Final = _make_converter()


def _key(path: str, key: object) -> str:
    """*path* and then *key*: ``$.name``, or ``$["my key"]`` for other keys.

    A key is shown as JSON shows it, cut like any value shown in a message
    (see :func:`~backroutine._spec.show`); a key that JSON could not hold
    (a lone surrogate, or not a string) still shows.
    """
    if isinstance(key, str) and key.isidentifier() and len(key) <= v.MAX_SHOWN:
        return f"{path}.{key}"
    if isinstance(key, str):
        shown = key[: v.MAX_SHOWN]
        # ensure_ascii: a lone surrogate becomes an escape, as JSON writes it.
        quoted = json.dumps(shown)
        if len(shown) < len(key):
            quoted = quoted[:-1] + '..."'
    else:
        quoted = v.show(key)
    return f"{path}[{quoted}]"


def _located(path: str, location: str) -> str:
    return path + location if location.startswith("[") else f"{path}.{location}"


def problems(error: BaseException, path: str = "$") -> Iterator[str]:
    """Each problem in *error* as ``path: message``, in document order."""
    if isinstance(error, (ClassValidationError, IterableValidationError)):
        with_notes, without = error.group_exceptions()
        for inner, note in with_notes:
            if isinstance(note, IterableValidationNote):
                yield from problems(inner, f"{path}[{note.index}]")
            else:
                yield from problems(inner, _key(path, note.name))
        for inner in without:
            yield from problems(inner, path)
    elif isinstance(error, ForbiddenExtraKeysError):
        allowed = ", ".join(f.name for f in attrs.fields(error.cl) if f.init)
        for key in sorted(error.extra_fields, key=repr):
            yield f"{_key(path, key)}: is not a known field (known: {allowed})"
    elif isinstance(error, v.Problem):
        yield f"{path}{error.where}: {error.problem}"
    elif isinstance(error, InvalidValueError):
        yield f"{_located(path, error.field)}: {error.problem}"
    elif isinstance(error, KeyError):
        yield f"{path}: is required"
    else:
        yield f"{path}: {error}"


def read(body: dict[str, Any], cls: type[T], kind: str) -> T:
    """Read the fields of a document of *kind*, or say every problem.

    Raises:
        InvalidDocumentError: With each problem as ``path: message``.
    """
    try:
        return CONVERTER.structure(body, cls)
    except (ClassValidationError, IterableValidationError, ValueError, TypeError) as e:
        raise InvalidDocumentError(problems(e), kind=kind) from None
