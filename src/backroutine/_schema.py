"""JSON Schemas (draft 2020-12) for each kind of document, from the model.

cattrs has no schema generator, so this is a short walker over
``attrs.fields``.  It takes each field's JSON Schema from the rule that
validates the field (see :class:`backroutine._validation.Rule`), so the
schema and the loader share one set of rules; it adds what the converter
adds: the envelope (``kind`` and ``version``), required fields (those
without a default), and no properties beyond the fields.  Descriptions come
from the docstrings.

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

from backroutine import _validation as v
from backroutine._documents import FORMAT_VERSION, class_of

DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"

# Cross-field rules that a schema cannot express, said in the description.
_LOADER_ONLY: Final = {
    "Span": "The loader also checks that low is at most high.",
    "Catalog": "The loader also checks that no two exercises share an id.",
}


def _plain(text: str) -> str:
    """Docstring text for readers in any language: no Sphinx roles, null."""
    text = re.sub(r":\w+:`~?(?:[\w.]*\.)?(\w+)`", r"\1", text)
    text = re.sub(r"``([^`]+)``", r"\1", text)
    return re.sub(r"\bNone\b", "null", text)


def _summary_and_args(obj: object) -> tuple[str, dict[str, str]]:
    """The first paragraph of *obj*'s docstring, and its ``Args:`` entries."""
    doc = _plain(inspect.getdoc(obj) or "")
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


def _json_value(value: object) -> object:
    """A default value as JSON data."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [_json_value(item) for item in value]
    return value


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
    definitions[name] = _object(cls, definitions)


def _object(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    """The schema of the JSON object that *cls* is written as."""
    summary, args = _summary_and_args(cls)
    if name_rule := _LOADER_ONLY.get(cls.__name__):
        summary = f"{summary} {name_rule}"
    properties: dict[str, Any] = {}
    required = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        rule = field.validator
        if not isinstance(rule, v.Rule):  # pragma: no cover (every field has one)
            msg = f"{cls.__name__}.{field.name} has no rule to describe"
            raise TypeError(msg)
        schema: dict[str, Any] = {}
        if field.name in args:
            schema["description"] = args[field.name]
        schema.update(copy.deepcopy(dict(rule.schema)))
        if field.default is attrs.NOTHING:
            required.append(field.name)
        else:
            schema["default"] = _json_value(field.default)
        properties[field.name] = schema
        for referred in rule.refs:
            _define(referred, definitions)
    return {
        "description": summary,
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


@functools.cache
def _document(kind: str) -> dict[str, Any]:
    cls = class_of(kind)
    definitions: dict[str, Any] = {}
    body = _object(cls, definitions)
    envelope = {
        "kind": {"description": "What the document is.", "const": kind},
        "version": {
            "description": "The version of the backroutine JSON format.",
            "const": FORMAT_VERSION,
        },
    }
    return {
        "$schema": DIALECT,
        "$id": f"urn:backroutine:schema:{kind}:{FORMAT_VERSION}",
        "title": f"backroutine {kind.replace('_', ' ')} document",
        "description": body["description"],
        "type": "object",
        "properties": {**envelope, **body["properties"]},
        "required": ["kind", "version", *body["required"]],
        "additionalProperties": False,
        "$defs": dict(sorted(definitions.items())),
    }


def json_schema(kind: str) -> dict[str, Any]:
    """The schema of documents of *kind*: see :func:`backroutine.json_schema`."""
    return copy.deepcopy(_document(kind))
