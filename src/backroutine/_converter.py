"""Reading and writing documents: :func:`backroutine.loads` and friends.

Reading runs the function generated for the class from its fields' rules
(see :mod:`backroutine._compiled`), with every check inline.  Only when it
refuses does the detailed cattrs converter (:mod:`backroutine._detailed`)
read the document again, to say what is wrong and where: valid documents
never pay for the error reporting, nor for importing cattrs.  Every failure
comes out as an :class:`~backroutine.exceptions.InvalidDocumentError`
listing each problem with its JSON path.  Within one document, equal
exercises (a routine often repeats one) are read once and shared: values
are immutable, so sharing is safe, and it saves both time and memory.

Writing runs a function generated for the class too: it builds the
document's dicts and lists directly, and orjson writes them in one call.

This module imports orjson; it is loaded on first use of JSON, so that
``import backroutine`` stays quick.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any, Final, TypeVar

import orjson

from backroutine import _validation as v
from backroutine._catalog import Catalog
from backroutine._compiled import Refused, structurer, unstructurer
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


# The values read so far in the current document, by their JSON text, when
# equal values may be shared (see _compiled: exercises are shared).
_SHARED: ContextVar[dict[bytes, Any] | None] = ContextVar("shared", default=None)


def _envelope_problems(document: dict[str, Any], kind: str) -> list[str]:
    found = []
    declared = document.get("kind")
    if "kind" not in document:
        found.append("$.kind: is required")
    elif declared != kind:
        found.append(f"$.kind: must be {kind!r} (got {v.show(declared)})")
    version = document.get("version")
    if "version" not in document:
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
            f"$: must be a JSON object, a document of kind {kind!r} "
            f"(got {v.show(document)})"
        )
        raise InvalidDocumentError([problem], kind=kind)
    if found := _envelope_problems(document, kind):
        raise InvalidDocumentError(found, kind=kind)
    body = {key: value for key, value in document.items() if key not in _ENVELOPE}
    read = structurer(cls)
    with contextlib.suppress(Refused):  # the detailed path says why
        value: T = read(body, _SHARED.get())
        return value
    return _detailed(body, cls, kind)  # it says what is wrong, and where


def _detailed(body: dict[str, Any], cls: type[T], kind: str) -> T:
    """Read *body* with the detailed converter, which names every problem."""
    from backroutine import _detailed as detailed  # noqa: PLC0415 (cattrs: on failure)

    return detailed.read(body, cls, kind)


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
    from backroutine import _detailed as detailed  # noqa: PLC0415 (imports cattrs)

    kind = kind_of(type(value))
    body = detailed.CONVERTER.unstructure(value)
    return {"kind": kind, "version": FORMAT_VERSION, **body}


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
