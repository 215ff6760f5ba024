"""JSON Schemas (draft 2020-12) for each kind of document, from the specs.

cattrs has no schema generator, so this is a short walker over
``attrs.fields``.  It takes each field's JSON Schema from its spec (see
:mod:`backroutine._spec`), the same spec the loader enforces, and adds what
the reader adds: the envelope (``kind`` and ``version``), required fields
(those without a default), and no properties beyond the fields.
Descriptions come from the docstrings.

A few rules cannot be said in JSON Schema; the loader alone enforces them
(``docs/json-format.md`` lists them).
"""

from __future__ import annotations

import copy
import enum
import functools
import inspect
import re
from typing import Any, Final

import attrs

from backroutine._documents import FORMAT, Format
from backroutine._spec import (
    DATE_PATTERN,
    SLUG_PATTERN,
    TEXT_PATTERN,
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
    fields_of,
    spec_of,
)

DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"

# Cross-field rules that a schema cannot express, said in the description.
LOADER_ONLY: Final = {
    "Span": "The loader also checks that low is at most high.",
    "Catalog": "The loader also checks that no two exercises share an id.",
}


def _plain(text: str) -> str:
    """Docstring text for readers in any language: no Sphinx roles, null."""
    text = re.sub(r":\w+:`~?(?:[\w.]*\.)?(\w+)`", r"\1", text)
    text = re.sub(r"``([^`]+)``", r"\1", text)
    return re.sub(r"\bNone\b", "null", text)


def docstring_parts(obj: object) -> tuple[str, dict[str, str]]:
    """The first paragraph of *obj*'s docstring, and its ``Args:`` entries.

    As written (Sphinx roles and all), each on one line.
    """
    doc = inspect.getdoc(obj) or ""
    paragraphs = doc.split("\n\n")
    summary = " ".join(paragraphs[0].split())
    args: dict[str, str] = {}
    match = re.search(r"^Args:\n((?:[ ]{4}.*\n?|\n)+)", doc, re.MULTILINE)
    if match:
        name = None
        for line in match.group(1).splitlines():
            entry = re.match(r"^ {4}(\w+): (.*)$", line)
            if entry:
                name = entry.group(1)
                args[name] = entry.group(2)
            elif name is not None and line.strip():
                args[name] += " " + line.strip()
    return summary, args


def _summary_and_args(obj: object) -> tuple[str, dict[str, str]]:
    """:func:`docstring_parts`, in plain words for readers in any language."""
    summary, args = docstring_parts(obj)
    return _plain(summary), {name: _plain(text) for name, text in args.items()}


def json_value(value: object) -> object:
    """A default value as JSON data."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [json_value(item) for item in value]
    return value


def _ref(cls: type) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{cls.__name__}"}


def fragment(spec: Spec, definitions: dict[str, Any]) -> dict[str, Any]:  # noqa: C901, PLR0911, PLR0912 (one branch per spec)
    """The JSON Schema of the values *spec* accepts.

    The classes and enums it names are added to *definitions*.
    """
    if isinstance(spec, Integer):
        return {"type": "integer", "minimum": spec.minimum, "maximum": spec.maximum}
    if isinstance(spec, Number):
        bound = "exclusiveMinimum" if spec.exclusive_minimum else "minimum"
        schema: dict[str, Any] = {"type": "number", bound: spec.minimum}
        if spec.maximum is not None:
            schema["maximum"] = spec.maximum
        return schema
    if isinstance(spec, Text):
        return {
            "type": "string",
            "minLength": 1,
            "maxLength": spec.max_length,
            "pattern": TEXT_PATTERN,
        }
    if isinstance(spec, Slug):
        return {"type": "string", "maxLength": spec.max_length, "pattern": SLUG_PATTERN}
    if isinstance(spec, Flag):
        return {"type": "boolean"}
    if isinstance(spec, Date):
        return {"type": "string", "pattern": DATE_PATTERN}
    if isinstance(spec, Member):
        _define(spec.enum, definitions)
        return _ref(spec.enum)
    if isinstance(spec, Nested):
        _define(spec.cls, definitions)
        if not spec.narrow:
            return _ref(spec.cls)
        narrowed = {name: fragment(inner, definitions) for name, inner in spec.narrow}
        return {**_ref(spec.cls), "type": "object", "properties": narrowed}
    if isinstance(spec, Maybe):
        return {"anyOf": [fragment(spec.inner, definitions), {"type": "null"}]}
    if isinstance(spec, Items):
        schema = {"type": "array", "items": fragment(spec.item, definitions)}
        if spec.min_count:
            schema["minItems"] = spec.min_count
        schema["maxItems"] = spec.max_count
        if spec.unique:
            schema["uniqueItems"] = True
        return schema
    msg = f"cannot describe a field with the spec {spec!r}"
    raise TypeError(msg)


def _define(cls: type, definitions: dict[str, Any]) -> None:
    """Add the definition of *cls*, and of what it refers to, to *definitions*."""
    name = cls.__name__
    if name in definitions:
        return
    if issubclass(cls, enum.Enum):
        summary, _ = _summary_and_args(cls)
        definitions[name] = {
            "description": summary,
            "type": "string",
            "enum": [member.value for member in cls],
        }
        return
    definitions[name] = {}  # reserved first: a class may refer to itself
    definitions[name] = object_schema(cls, definitions)


def object_schema(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    """The schema of the JSON object that the value class *cls* is written as."""
    summary, args = _summary_and_args(cls)
    if name_rule := LOADER_ONLY.get(cls.__name__):
        summary = f"{summary} {name_rule}"
    properties: dict[str, Any] = {}
    required = []
    for field in fields_of(cls):
        schema: dict[str, Any] = {}
        if field.name in args:
            schema["description"] = args[field.name]
        schema.update(fragment(spec_of(field), definitions))
        if field.default is attrs.NOTHING:
            required.append(field.name)
        else:
            schema["default"] = json_value(field.default)
        properties[field.name] = schema
    return {
        "description": summary,
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def document_schema(cls: type, fmt: Format = FORMAT) -> dict[str, Any]:
    """The schema of documents of the class *cls*, in the format *fmt*."""
    kind = fmt.kind_of(cls)
    definitions: dict[str, Any] = {}
    body = object_schema(cls, definitions)
    envelope = {
        "kind": {"description": "What the document is.", "const": kind},
        "version": {
            "description": "The version of the backroutine JSON format.",
            "const": fmt.version,
        },
    }
    return {
        "$schema": DIALECT,
        "$id": f"urn:backroutine:schema:{kind}:{fmt.version}",
        "title": f"backroutine {kind.replace('_', ' ')} document",
        "description": body["description"],
        "type": "object",
        "properties": {**envelope, **body["properties"]},
        "required": ["kind", "version", *body["required"]],
        "additionalProperties": False,
        "$defs": dict(sorted(definitions.items())),
    }


@functools.cache
def _document(kind: str) -> dict[str, Any]:
    return document_schema(FORMAT.class_of(kind))


def json_schema(kind: str) -> dict[str, Any]:
    """The schema of documents of *kind*: see :func:`backroutine.json_schema`."""
    FORMAT.class_of(kind)  # a clear ValueError for anything else, hashable or not
    return copy.deepcopy(_document(kind))
