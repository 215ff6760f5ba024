"""Reading and writing documents: :func:`backroutine.loads` and friends.

Reading runs the function generated for the class from its fields' specs
(see :mod:`backroutine._compiled`), with every check inline.  Only when it
refuses does the detailed cattrs converter (:mod:`backroutine._detailed`)
read the document again, to say what is wrong and where: valid documents
never pay for the error reporting, nor for importing cattrs.  Every failure
comes out as an :class:`~backroutine.exceptions.InvalidDocumentError`
listing each problem with its JSON path.  Within one JSON document, equal
exercises (a routine often repeats one) are read once and shared.

A document of an older version of the format is migrated to the current
one first (see :mod:`backroutine._migrations`), so the readers only ever
read the current version.

Writing runs a function generated for the class too: it builds the
document's dicts and lists directly, and orjson writes them in one call.
:func:`unstructure` runs the same generated writer, asking for plain data.

Every function takes the :class:`~backroutine._documents.Format` to follow,
the library's own by default, so that tests can try a format with other
kinds or versions through the very same code.

This module imports orjson; it is loaded on first use of JSON, so that
``import backroutine`` stays quick.
"""

from __future__ import annotations

from typing import Any, Final, TypeVar

import orjson

from backroutine import _spec as v
from backroutine._compiled import REMEMBER, Refused, structurer, unstructurer
from backroutine._documents import FORMAT, MAX_DOCUMENT_BYTES, Document, Format
from backroutine.exceptions import InvalidDocumentError, UnsupportedVersionError

T = TypeVar("T")

_ENVELOPE: Final = ("kind", "version")
_LARGEST_INT64: Final = 2**63 - 1


def _version_problem(document: dict[str, Any], kind: str, fmt: Format) -> str | None:
    """What is wrong with the document's version, if anything.

    Raises:
        UnsupportedVersionError: The version is newer than *fmt* reads.
    """
    if "version" not in document:
        return "$.version: is required"
    version = document["version"]
    # A JSON integer too large for 64 bits is read as a float: it is a
    # version too, just one no library will ever write.
    huge = type(version) is float and version > _LARGEST_INT64
    if type(version) is not int and not huge:
        return f"$.version: must be an integer (got {v.show(version)})"
    if version < 1:
        return f"$.version: must be at least 1 (got {v.show(version)})"
    if huge or version > fmt.version:
        raise UnsupportedVersionError(version, fmt.readable, kind=kind)
    return None


def _envelope_problems(document: dict[str, Any], kind: str, fmt: Format) -> list[str]:
    found = []
    declared = document.get("kind")
    if "kind" not in document:
        found.append("$.kind: is required")
    elif type(declared) is not str or declared != kind:
        found.append(f"$.kind: must be {kind!r} (got {v.show(declared)})")
    version = _version_problem(document, kind, fmt)
    if version is not None:
        found.append(version)
    return found


def structure(
    document: Any,
    cls: type[T],
    *,
    fmt: Format = FORMAT,
    shared: dict[Any, Any] | None = None,
) -> T:
    """Build a *cls* from the Python form of a document (see the package).

    *shared* is the memo of equal values to share, for data parsed from
    JSON text; None for data from elsewhere.
    """
    kind = fmt.kind_of(cls)
    current = (
        type(document) is dict
        and type(document.get("kind")) is str
        and document["kind"] == kind
        and type(document.get("version")) is int
        and document["version"] == fmt.version
    )
    if not current:  # refused, or of an older version
        if type(document) is not dict:
            problem = (
                f"$: must be a JSON object, a document of kind {kind!r} "
                f"(got {v.show(document)})"
            )
            raise InvalidDocumentError([problem], kind=kind)
        if found := _envelope_problems(document, kind, fmt):
            raise InvalidDocumentError(found, kind=kind)
        document = _upgraded(document, kind, fmt)
    try:
        try:
            value: T = structurer(cls, extra=len(_ENVELOPE))(document, shared)
        except Refused:  # the detailed path says why
            pass
        else:
            return value
        body = {key: value for key, value in document.items() if key not in _ENVELOPE}
        return _detailed(body, cls, kind)  # it says what is wrong, and where
    except RecursionError:
        raise InvalidDocumentError(["$: is nested too deeply"], kind=kind) from None


def _upgraded(document: dict[str, Any], kind: str, fmt: Format) -> dict[str, Any]:
    """*document*, of an older version, migrated to the current one.

    A migration reads data nobody has checked yet: whatever goes wrong in
    it is the document's fault, and said so.
    """
    version = document["version"]
    try:
        upgraded = fmt.upgrade(document, version)
    except RecursionError:
        raise InvalidDocumentError(["$: is nested too deeply"], kind=kind) from None
    except Exception as error:  # noqa: BLE001 (any failure of a migration)
        problem = (
            f"$: a version {version} document that cannot be read as version "
            f"{fmt.version} ({type(error).__name__}: {v.show(str(error))})"
        )
        raise InvalidDocumentError([problem], kind=kind) from None
    if (
        type(upgraded) is not dict
        or _envelope_problems(upgraded, kind, fmt)
        or upgraded["version"] != fmt.version
    ):
        problem = f"$: its migration from version {version} did not give a document"
        raise InvalidDocumentError([problem], kind=kind)
    return upgraded


def _detailed(body: dict[str, Any], cls: type[T], kind: str) -> T:
    """Read *body* with the detailed converter, which names every problem."""
    from backroutine import _detailed as detailed  # noqa: PLC0415 (cattrs: on failure)

    return detailed.read(body, cls, kind)


def _envelope(kind: str, fmt: Format) -> tuple[tuple[str, object], ...]:
    return (("kind", kind), ("version", fmt.version))


def unstructure(value: Any, *, fmt: Format = FORMAT) -> dict[str, Any]:
    """The Python form of *value* as a document (see the package)."""
    cls = type(value)
    write = unstructurer(cls, plain=True, envelope=_envelope(fmt.kind_of(cls), fmt))
    document: dict[str, Any] = write(value, None)
    return document


def dumps(value: Any, *, indent: int | None = None, fmt: Format = FORMAT) -> str:
    """*value* as JSON text (see the package).

    The same text as ``orjson.dumps(unstructure(value))``, made faster: the
    generated writer may hand orjson tuples, and a value repeated within
    the document is written once and reused as a fragment of JSON text.
    """
    cls = type(value)
    write = unstructurer(cls, envelope=_envelope(fmt.kind_of(cls), fmt))
    if indent is None:
        # Repeated values are written once, as compact text: not indented.
        return orjson.dumps(write(value, {})).decode()
    if indent == 2:
        return orjson.dumps(write(value, None), option=orjson.OPT_INDENT_2).decode()
    msg = f"indent must be None or 2 (got {v.show(indent)})"
    raise ValueError(msg)


def _size_problem(
    data: str | bytes | bytearray | memoryview, max_bytes: int
) -> str | None:
    """Why *data* is too large to read, if it is, before parsing it."""
    size = len(data) if not isinstance(data, memoryview) else data.nbytes
    if isinstance(data, str) and max_bytes // 4 < size <= max_bytes:
        # A character takes 1 to 4 bytes of UTF-8: count only when it matters.
        size = len(data.encode("utf-8", "surrogatepass"))
    if size <= max_bytes:
        return None
    return f"$: is too large to read: more than {max_bytes:,} bytes"


def _decode_problem(
    data: str | bytes | bytearray | memoryview, error: orjson.JSONDecodeError
) -> str:
    """Why *data* is not a JSON document, in the library's words."""
    if isinstance(data, str):
        try:
            data.encode("utf-8")
        except UnicodeEncodeError as failure:
            return (
                "$: is not valid Unicode text (a lone surrogate at "
                f"character {failure.start})"
            )
    else:
        raw = bytes(data)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as failure:
            return f"$: is not UTF-8 (invalid byte at offset {failure.start})"
        if "\x00" in text:
            # Valid UTF-8 but never JSON: what UTF-16 text without a byte
            # order mark looks like.
            return (
                "$: is not UTF-8 JSON text (a NUL byte at offset "
                f"{raw.index(0)}, as in UTF-16)"
            )
        data = text
    if data.startswith("\ufeff"):
        return "$: starts with a byte order mark, which JSON text must not have"
    if not data.strip(" \t\n\r"):
        return "$: is empty"
    return f"$: is not JSON (line {error.lineno}, column {error.colno})"


def parse(
    data: object, kind: str | None, *, max_bytes: int = MAX_DOCUMENT_BYTES
) -> Any:
    """The Python data of the JSON text *data*; a document of *kind* if known.

    Raises:
        InvalidDocumentError: *data* is not JSON text, is too large, or is
            not JSON.
    """
    if type(max_bytes) is not int or max_bytes < 0:
        msg = f"max_bytes must be a whole number of bytes (got {v.show(max_bytes)})"
        raise TypeError(msg)
    if not isinstance(data, (str, bytes, bytearray, memoryview)):
        problem = (
            f"$: must be JSON text as str or bytes (got {type(data).__name__}); "
            "use backroutine.structure() for data already parsed"
        )
        raise InvalidDocumentError([problem], kind=kind)
    too_large = _size_problem(data, max_bytes)
    if too_large is not None:
        raise InvalidDocumentError([too_large], kind=kind)
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as error:
        reason = str(error)
        where = f"line {error.lineno}, column {error.colno}"
        if "depth limit" in reason or "recursion" in reason.lower():
            problem = f"$: is nested too deeply ({where})"
        elif "surrogate in string" in reason:
            # An escape such as \ud800 alone: JSON that is not Unicode text.
            problem = f"$: holds a lone surrogate, which is not Unicode text ({where})"
        else:
            problem = _decode_problem(data, error)
        raise InvalidDocumentError([problem], kind=kind) from None


MAX_REMEMBERING_BYTES: Final = 64 * 1024
"""The largest document whose exercises are remembered for the next ones.

Routines of a catalog's exercises are small; a large document shares its
repeats within itself, and is not worth remembering (see ``_sharer``).
"""


def _memo(data: Any) -> dict[Any, Any]:
    """The memo of shared values for reading the JSON text *data*."""
    small = len(data) <= MAX_REMEMBERING_BYTES
    return {REMEMBER: True} if small else {}


def loads(
    data: object,
    cls: type[T],
    *,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    fmt: Format = FORMAT,
) -> T:
    """Read a *cls* from JSON text (see the package); *data* is checked here."""
    kind = fmt.kind_of(cls)
    document = parse(data, kind, max_bytes=max_bytes)
    return structure(document, cls, fmt=fmt, shared=_memo(data))


def load_document(
    data: object, *, max_bytes: int = MAX_DOCUMENT_BYTES, fmt: Format = FORMAT
) -> Document:
    """Read a document of any kind from JSON text (see the package)."""
    document = parse(data, None, max_bytes=max_bytes)
    kinds = ", ".join(map(repr, sorted(fmt.kinds)))
    if type(document) is not dict:
        problem = f"$: must be a JSON object with a kind (got {v.show(document)})"
        raise InvalidDocumentError([problem])
    if "kind" not in document:
        raise InvalidDocumentError([f"$.kind: is required, one of {kinds}"])
    declared = document["kind"]
    try:
        cls = fmt.class_of(declared)
    except ValueError:
        problem = f"$.kind: must be one of {kinds} (got {v.show(declared)})"
        raise InvalidDocumentError([problem]) from None
    read: Document = structure(document, cls, fmt=fmt, shared=_memo(data))
    return read
