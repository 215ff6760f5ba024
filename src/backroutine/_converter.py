"""The one cattrs converter behind :func:`backroutine.dumps` and friends.

cattrs' preconf converters coerce: ``"5"`` becomes an int, ``5.7`` becomes
``5``, ``"abc"`` the tuple ``('a', 'b', 'c')``.  This converter refuses all of
that.  Scalars pass through untouched, so that the model's own field rules
(one set of rules for Python and JSON alike) refuse a wrong type; arrays must
be arrays, objects must be objects, enums must be one of their values, and
unknown keys are refused.  Every failure comes out as an
:class:`~backroutine.exceptions.InvalidDocumentError` listing each problem
with its JSON path.

Reading takes a fast path first: a function generated for the class from
its fields' rules (see :mod:`backroutine._compiled`), with every check
inline and no cattrs.  Only when it refuses does the detailed converter read
the document again, to say what is wrong and where; valid documents never
pay for the error reporting.  Within one document, equal exercises (a
routine often repeats one) are read once and shared: values are immutable,
so sharing is safe, and it saves both time and memory.

Writing uses a function generated for the class too: it builds the
document's dicts and lists directly, and orjson writes them in one call.

This module imports cattrs and orjson; it is loaded on first use of JSON, so
that ``import backroutine`` stays quick.
"""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any, Final, TypeVar, get_args, get_origin

import attrs
import orjson
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, override
from cattrs.preconf.orjson import OrjsonConverter, make_converter

from backroutine import _validation as v
from backroutine._catalog import Catalog
from backroutine._compiled import structurer, unstructurer
from backroutine._documents import (
    CLASSES,
    FORMAT_VERSION,
    READABLE_VERSIONS,
    class_of,
    kind_of,
)
from backroutine._model import Exercise, PlanRequest, Routine
from backroutine.exceptions import InvalidDocumentError, UnsupportedVersionError

T = TypeVar("T")

_ENVELOPE: Final = ("kind", "version")


def _passthrough(value: Any, _type: type) -> Any:
    return value


def _structure_enum_factory(enum_type: type[enum.Enum]) -> Callable[[Any, type], Any]:
    by_value = {member.value: member for member in enum_type}
    expected = ", ".join(map(repr, by_value))

    def structure(value: Any, _type: type) -> enum.Enum:
        member = by_value.get(value) if type(value) is str else None
        if member is None:
            problem = f"must be one of {expected} (got {v.show(value)})"
            raise v.Problem(problem, wrong_type=type(value) is not str)
        return member

    return structure


def _structure_tuple_factory(
    converter: OrjsonConverter,
) -> Callable[[Any], Callable[[Any, type], Any]]:
    """Arrays to tuples, each item's failure noted with its index."""

    def factory(tuple_type: Any) -> Callable[[Any, type], Any]:
        item_type = get_args(tuple_type)[0]
        structure_item = converter.get_structure_hook(item_type)

        def structure(value: Any, _type: type) -> tuple[Any, ...]:
            if type(value) is not list and type(value) is not tuple:
                raise v.Problem(f"must be an array (got {v.show(value)})")
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


# The values read so far in the current document, by their JSON text, when
# equal values may be shared (see _compiled: exercises are shared).
_SHARED: ContextVar[dict[bytes, Any] | None] = ContextVar("shared", default=None)


def _checked(
    hook: Callable[[Any, Any], Any], attribute: attrs.Attribute[Any]
) -> Callable[[Any, Any], Any]:
    """*hook*, followed by the field's own validator.

    The class checks its fields again when it is built, but it is built only
    once every field has structured: checking each field here as well lets
    one pass report every problem in a document, not just the first layer.
    """
    validate = attribute.validator
    assert validate is not None  # noqa: S101 (only fields with validators)
    name_length = len(attribute.name)

    def structure(value: Any, type_: Any) -> Any:
        result = hook(value, type_)
        try:
            validate(None, attribute, result)
        except v.FieldError as error:
            where = error.location[name_length:]
            raise v.Problem(error.problem, where=where) from None
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
            for attribute in attrs.fields(cls)
            if attribute.init and attribute.validator is not None
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
                raise v.Problem(f"must be an object (got {v.show(value)})")
            return generated(value, cls)

        return structure

    return factory


def _is_tuple(type_: Any) -> bool:
    return get_origin(type_) is tuple


def _is_enum(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, enum.Enum)


def _unstructure_enum(member: enum.Enum) -> Any:
    return member.value


def _make_converter() -> OrjsonConverter:
    """The detailed converter, which says every problem."""
    converter = make_converter(forbid_extra_keys=True, detailed_validation=True)
    for scalar in (int, float, str, bool):
        converter.register_structure_hook(scalar, _passthrough)
    converter.register_structure_hook_factory(_is_enum, _structure_enum_factory)
    converter.register_structure_hook_factory(
        _is_tuple, _structure_tuple_factory(converter)
    )
    converter.register_structure_hook_factory(
        attrs.has, _structure_attrs_factory(converter)
    )
    converter.register_unstructure_hook(enum.Enum, _unstructure_enum)
    return converter


CONVERTER: Final = _make_converter()


def _key(path: str, key: object) -> str:
    if isinstance(key, str) and key.isidentifier():
        return f"{path}.{key}"
    quoted = orjson.dumps(key).decode() if isinstance(key, str) else repr(key)
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
        allowed = ", ".join(field.name for field in attrs.fields(error.cl))
        for key in sorted(error.extra_fields):
            yield f"{_key(path, key)}: is not a known field (known: {allowed})"
    elif isinstance(error, v.Problem):
        yield f"{path}{error.where}: {error.problem}"
    elif isinstance(error, v.FieldError):
        yield f"{_located(path, error.location)}: {error.problem}"
    elif isinstance(error, KeyError):
        yield f"{path}: is required"
    else:
        yield f"{path}: {error}"


def _envelope_problems(document: dict[str, Any], kind: str) -> list[str]:
    found = []
    declared = document.get("kind")
    if declared is None:
        found.append("$.kind: is required")
    elif declared != kind:
        found.append(f"$.kind: must be {kind!r} (got {v.show(declared)})")
    version = document.get("version")
    if version is None:
        found.append("$.version: is required")
    elif type(version) is not int:
        found.append(f"$.version: must be an integer (got {v.show(version)})")
    elif version < 1:
        found.append(f"$.version: must be at least 1 (got {version})")
    elif version not in READABLE_VERSIONS:
        raise UnsupportedVersionError(version, READABLE_VERSIONS, kind=kind)
    return found


def structure(document: Any, cls: type[T]) -> T:
    """Build a *cls* from the Python form of a document (see the package)."""
    kind = kind_of(cls)
    if type(document) is not dict:
        problem = (
            f"$: must be a {kind} document, a JSON object (got {v.show(document)})"
        )
        raise InvalidDocumentError([problem], kind=kind)
    if found := _envelope_problems(document, kind):
        raise InvalidDocumentError(found, kind=kind)
    body = {key: value for key, value in document.items() if key not in _ENVELOPE}
    read = structurer(cls)
    with contextlib.suppress(Exception):  # Refused, or any surprise: see below
        value: T = read(body, _SHARED.get())
        return value
    return _detailed(body, cls, kind)  # it says what is wrong, and where


def _detailed(body: dict[str, Any], cls: type[T], kind: str) -> T:
    """Read *body* with the detailed converter, which names every problem."""
    try:
        return CONVERTER.structure(body, cls)
    except (ClassValidationError, IterableValidationError, ValueError, TypeError) as e:
        raise InvalidDocumentError(problems(e), kind=kind) from None


@contextlib.contextmanager
def _sharing() -> Iterator[None]:
    """Share equal values read within the block (one parsed JSON document).

    Only for data that came from JSON text: its keys are JSON text, so equal
    text means equal values.
    """
    token = _SHARED.set({})
    try:
        yield
    finally:
        _SHARED.reset(token)


def unstructure(value: Any) -> dict[str, Any]:
    """The Python form of *value* as a document (see the package)."""
    kind = kind_of(type(value))
    return {"kind": kind, "version": FORMAT_VERSION, **CONVERTER.unstructure(value)}


def dumps(value: Any, *, indent: int | None = None) -> str:
    """*value* as JSON text (see the package).

    The same text as ``orjson.dumps(unstructure(value))``, made faster: a
    function generated for the class (see :mod:`backroutine._compiled`)
    builds the document's dicts and lists directly, and orjson writes them,
    with the enums and scalars in them, in one call.
    """
    kind = kind_of(type(value))
    if indent is None:
        option = 0
    elif indent == 2:
        option = orjson.OPT_INDENT_2
    else:
        msg = f"indent must be None or 2 (got {indent!r})"
        raise ValueError(msg)
    document = {
        "kind": kind,
        "version": FORMAT_VERSION,
        # Repeated values are written once, as compact text: not indented.
        **unstructurer(type(value))(value, {} if indent is None else None),
    }
    return orjson.dumps(document, option=option).decode()


def _parsed(data: object, kind: str | None) -> Any:
    """The Python data of the JSON text *data*; a document of *kind* if known."""
    if not isinstance(data, (str, bytes, bytearray, memoryview)):
        problem = (
            f"$: must be JSON text as str or bytes (got {type(data).__name__}); "
            "use backroutine.structure() for data already parsed"
        )
        raise InvalidDocumentError([problem], kind=kind)
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as error:
        raise InvalidDocumentError(
            [f"$: is not valid JSON ({error})"], kind=kind
        ) from None


def loads(data: object, cls: type[T]) -> T:
    """Read a *cls* from JSON text (see the package); *data* is checked here."""
    kind = kind_of(cls)
    document = _parsed(data, kind)
    with _sharing():
        return structure(document, cls)


def load_document(data: object) -> Catalog | Exercise | PlanRequest | Routine:
    """Read a document of any kind from JSON text, as its ``kind`` says.

    The document's ``"kind"`` picks the class, then the same strict rules as
    :func:`loads` apply.

    Raises:
        InvalidDocumentError: *data* is not a valid document, whatever the
            reason: not JSON text, not a JSON object, without a known
            ``kind``, or not valid for its kind.  Its ``kind`` is None until
            the document's kind is known.
    """
    document = _parsed(data, None)
    kinds = ", ".join(map(repr, sorted(CLASSES)))
    if type(document) is not dict:
        problem = f"$: must be a JSON object with a kind (got {v.show(document)})"
        raise InvalidDocumentError([problem])
    if "kind" not in document:
        raise InvalidDocumentError([f"$.kind: is required, one of {kinds}"])
    declared = document["kind"]
    try:
        cls: type[Catalog | Exercise | PlanRequest | Routine] = class_of(declared)
    except ValueError:
        problem = f"$.kind: must be one of {kinds} (got {v.show(declared)})"
        raise InvalidDocumentError([problem]) from None
    with _sharing():
        return structure(document, cls)
