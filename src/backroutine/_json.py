"""The public JSON functions: ``dumps``, ``loads``, ``structure``, ``unstructure``.

A document is a JSON object that names its ``kind`` (``"routine"``,
``"exercise"``, ``"catalog"`` or ``"plan_request"``) and the ``version`` of
the format it follows, beside the fields of the value::

    {"kind": "routine", "version": 1, "name": "...", "steps": [...], ...}

The converter (and with it cattrs and orjson) is imported on first use, so
that ``import backroutine`` stays quick for apps that never touch JSON.
"""

from __future__ import annotations

from typing import Any, TypeVar

from backroutine._documents import MAX_DOCUMENT_BYTES, Document

T = TypeVar("T", bound=Document)


def dumps(value: Document, *, indent: int | None = None) -> str:
    """Write *value* as a JSON document.

    Equal values give identical text, and non-ASCII text is written as it
    is (UTF-8), not escaped.

    Args:
        value: A :class:`~backroutine.Routine`, :class:`~backroutine.Exercise`,
            :class:`~backroutine.Catalog` or :class:`~backroutine.PlanRequest`.
        indent: None for compact output, or 2 to indent by two spaces.

    Returns:
        The JSON text.

    Raises:
        TypeError: *value* is not of a document class.
        ValueError: *indent* is neither None nor 2.
    """
    from backroutine import _converter  # noqa: PLC0415 (imported on first use)

    return _converter.dumps(value, indent=indent)


def loads(data: str | bytes, cls: type[T], *, max_bytes: int = MAX_DOCUMENT_BYTES) -> T:
    """Read a JSON document written by :func:`dumps` (or by another app).

    Reading is strict: wrong types are refused rather than coerced
    (``"5"`` is not a number, ``5.7`` is not a whole number), as are unknown
    keys, unknown enum values and numbers out of range.  A document of an
    older version of the format is migrated to the current one first.

    Args:
        data: The JSON text, as ``str`` or UTF-8 ``bytes``.
        cls: The class to read: :class:`~backroutine.Routine`,
            :class:`~backroutine.Exercise`, :class:`~backroutine.Catalog` or
            :class:`~backroutine.PlanRequest`.
        max_bytes: The largest document to read, in bytes of UTF-8 (16 MiB
            by default); larger input is refused before it is parsed.

    Returns:
        The value the document describes.

    Raises:
        InvalidDocumentError: The document is not valid, whatever the reason
            (too large, not UTF-8, not JSON, not a valid document of its
            kind); its ``problems`` list each problem with its path.
        UnsupportedVersionError: The document follows a newer version of the
            format than this library reads (a kind of InvalidDocumentError).
        TypeError: *cls* is not a document class.
    """
    from backroutine import _converter  # noqa: PLC0415 (imported on first use)

    return _converter.loads(data, cls, max_bytes=max_bytes)


def load_document(
    data: str | bytes, *, max_bytes: int = MAX_DOCUMENT_BYTES
) -> Document:
    """Read a document of any kind from JSON text, as its ``kind`` says.

    The document's ``"kind"`` picks the class, then the same strict rules as
    :func:`loads` apply: what ``backroutine validate`` runs.

    Args:
        data: The JSON text, as ``str`` or UTF-8 ``bytes``.
        max_bytes: The largest document to read, in bytes (16 MiB by
            default).

    Returns:
        A :class:`~backroutine.Routine`, :class:`~backroutine.Exercise`,
        :class:`~backroutine.Catalog` or :class:`~backroutine.PlanRequest`:
        whichever the document is (see :data:`~backroutine.Document`).

    Raises:
        InvalidDocumentError: *data* is not a valid document, whatever the
            reason: not JSON text, not a JSON object, without a known
            ``kind``, or not valid for its kind.  Its ``kind`` is None until
            the document's kind is known.
        UnsupportedVersionError: The document follows a newer version of the
            format than this library reads.
    """
    from backroutine import _converter  # noqa: PLC0415 (imported on first use)

    return _converter.load_document(data, max_bytes=max_bytes)


def unstructure(value: Document) -> dict[str, Any]:
    """The document for *value* as Python data, for apps that embed it.

    The result holds only dicts, lists, strings, numbers and None, and
    equals what parsing :func:`dumps`' text would give: the two share one
    generated writer.

    Raises:
        TypeError: *value* is not of a document class.
    """
    from backroutine import _converter  # noqa: PLC0415 (imported on first use)

    return _converter.unstructure(value)


def structure(document: Any, cls: type[T]) -> T:
    """Build a *cls* from a document already parsed into Python data.

    The same strict rules as :func:`loads` apply.

    Raises:
        InvalidDocumentError: The document is not valid.
        TypeError: *cls* is not a document class.
    """
    from backroutine import _converter  # noqa: PLC0415 (imported on first use)

    return _converter.structure(document, cls)


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of documents of *kind*.

    The schema is generated from the same rules the loader enforces, so
    what it accepts, :func:`loads` reads, but for the few rules JSON Schema
    cannot express (listed in the JSON format's documentation).

    Args:
        kind: ``"routine"``, ``"exercise"``, ``"catalog"`` or
            ``"plan_request"``.

    Returns:
        A new dict each time, ready for ``json.dumps``.

    Raises:
        ValueError: *kind* is not a kind of document (the message lists the
            kinds).
    """
    from backroutine import _schema  # noqa: PLC0415 (imported on first use)

    return _schema.json_schema(kind)
