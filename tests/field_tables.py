"""The field tables of ``docs/json-format.md``, generated from the rule specs.

Each object of the format has a section headed ``### `Name``` whose table
lists its fields: JSON type, required or default, unit, range and limits,
and meaning.  All of it comes from the model: the specs say the type, the
unit and the limits, the defaults are the fields' defaults, and the meaning
is the field's entry under ``Args:`` in the class's docstring.  So a field
added to the model gets its row from ``python tests/regenerate.py``, and
``tests/test_docs.py`` checks that the page is current.
"""

from __future__ import annotations

import enum
import json
import re
from typing import Any

import attrs

import backroutine
from backroutine import _spec as v
from backroutine._documents import KINDS
from backroutine._schema import docstring_parts, json_value

HEADER = (
    "| field | JSON type | required or default | unit | range and limits | meaning |\n"
    "|---|---|---|---|---|---|\n"
)


def _number(value: float) -> str:
    return f"{value:,}"


def json_type(spec: v.Spec) -> str:  # noqa: C901, PLR0911 (one return per spec)
    """The JSON type of a value of *spec*, in words."""
    if isinstance(spec, v.Integer):
        return "integer"
    if isinstance(spec, v.Number):
        return "number"
    if isinstance(spec, (v.Text, v.Slug)):
        return "string"
    if isinstance(spec, v.Date):
        return "string (date)"
    if isinstance(spec, v.Flag):
        return "boolean"
    if isinstance(spec, v.Member):
        return f"string (`{spec.enum.__name__}`)"
    if isinstance(spec, v.Nested):
        return f"`{spec.cls.__name__}`"
    if isinstance(spec, v.Maybe):
        return f"{json_type(spec.inner)} or null"
    if isinstance(spec, v.Items):
        item = json_type(spec.item)
        if item.startswith("`"):
            return f"array of {item}"
        noun, _, rest = item.partition(" ")
        return f"array of {noun}s{' ' + rest if rest else ''}"
    msg = f"no JSON type for {spec!r}"
    raise TypeError(msg)


def limits(spec: v.Spec) -> str:  # noqa: C901, PLR0911 (one branch per spec)
    """The range and limits of a value of *spec*, in words ("" for none)."""
    if isinstance(spec, v.Integer):
        return f"{_number(spec.minimum)} to {_number(spec.maximum)}"
    if isinstance(spec, v.Number):
        if spec.maximum is None:
            return f"at least {_number(spec.minimum)}"
        if spec.exclusive_minimum:
            low, high = _number(spec.minimum), _number(spec.maximum)
            return f"above {low} and at most {high}"
        return f"{_number(spec.minimum)} to {_number(spec.maximum)}"
    if isinstance(spec, v.Text):
        return f"1 to {_number(spec.max_length)} characters, not blank"
    if isinstance(spec, v.Date):
        return "`YYYY-MM-DD`, a real calendar date"
    if isinstance(spec, v.Slug):
        return f"a slug of at most {_number(spec.max_length)} characters"
    if isinstance(spec, v.Nested):
        alike = {limits(inner) for _, inner in spec.narrow}
        if len(alike) == 1:
            names = " and ".join(f"`{name}`" for name, _ in spec.narrow)
            return f"{names} each {alike.pop()}"
        return ", ".join(f"`{name}` {limits(inner)}" for name, inner in spec.narrow)
    if isinstance(spec, v.Maybe):
        return limits(spec.inner)
    if isinstance(spec, v.Items):
        text = f"{_number(spec.min_count)} to {_number(spec.max_count)} items"
        if spec.unique:
            text += ", no repeats"
        item = limits(spec.item)
        return f"{text}, each {item}" if item else text
    return ""


def unit(spec: v.Spec) -> str:
    """What a value of *spec* counts or measures ("" for nothing)."""
    if isinstance(spec, v.Maybe):
        return unit(spec.inner)
    return getattr(spec, "unit", None) or ""


def _markdown(text: str) -> str:
    """Docstring text as Markdown: roles and double backticks as code, null."""
    text = re.sub(r":\w+:`~?(?:[\w.]*\.)?(\w+)`", r"`\1`", text)
    text = re.sub(r"``([^`]+)``", r"`\1`", text)
    return re.sub(r"\bNone\b", "null", text).replace("|", "\\|")


def meanings(cls: type) -> dict[str, str]:
    """The ``Args:`` entries of *cls*'s docstring, by field name, as Markdown."""
    _, args = docstring_parts(cls)
    return {name: _markdown(text) for name, text in args.items()}


def default(field: attrs.Attribute[Any]) -> str:
    """The "required or default" cell of *field*."""
    if field.default is attrs.NOTHING:
        return "required"
    value = json.dumps(json_value(field.default), ensure_ascii=False)
    return f"default `{value}`"


def table(cls: type) -> str:
    """The Markdown table of the fields of *cls*."""
    described = meanings(cls)
    rows = []
    for field in v.fields_of(cls):
        spec = v.spec_of(field)
        cells = [
            f"`{field.name}`",
            json_type(spec),
            default(field),
            unit(spec),
            limits(spec),
            described.get(field.name, ""),
        ]
        rows.append(
            "|" + "|".join(f" {cell} " if cell else " " for cell in cells) + "|\n"
        )
    return HEADER + "".join(rows)


def object_classes() -> list[type]:
    """Every class the documents hold, the document classes first."""
    found: dict[type, None] = {}

    def walk(cls: type) -> None:
        if cls in found or issubclass(cls, enum.Enum):
            return
        found[cls] = None
        for field in v.fields_of(cls):
            for named in v.classes_named(v.spec_of(field)):
                walk(named)

    for cls in KINDS.values():
        walk(cls)
    return list(found)


def with_tables(page: str) -> str:
    """*page* (json-format.md) with the table under each object's heading redone."""
    for cls in object_classes():
        heading = f"### `{cls.__name__}`\n"
        if heading not in page:
            msg = f"docs/json-format.md has no section headed {heading.strip()}"
            raise ValueError(msg)
        head, rest = page.split(heading, 1)
        match = re.search(r"^\|.*\n(?:\|.*\n)*", rest, re.MULTILINE)
        section_end = re.search(r"^##", rest, re.MULTILINE)
        if match is None or (section_end and match.start() > section_end.start()):
            msg = f"the section {heading.strip()} has no table"
            raise ValueError(msg)
        rest = rest[: match.start()] + table(cls) + rest[match.end() :]
        page = head + heading + rest
    return page


EXAMPLE_HEADING = "## A complete example"


def with_current_example(page: str) -> str:
    """*page* with its complete example written as the current version writes it.

    The example is read (migrated, if it is of an older version) and written
    back, so that a field added to the model, or a new version, shows in it.
    """
    head, rest = page.split(EXAMPLE_HEADING + "\n", 1)
    match = re.search(r"^```json\n(.*?)\n```$", rest, re.DOTALL | re.MULTILINE)
    if match is None:
        msg = f"docs/json-format.md has no ```json block under {EXAMPLE_HEADING!r}"
        raise ValueError(msg)
    example = backroutine.dumps(backroutine.load_document(match.group(1)), indent=2)
    rest = rest[: match.start(1)] + example + rest[match.end(1) :]
    return head + EXAMPLE_HEADING + "\n" + rest
