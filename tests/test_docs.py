"""The JSON format's documentation agrees with the code.

``docs/json-format.md`` is what clients in other languages are written
from, so these tests keep it from drifting: its complete example loads and
is written back to the same text, every field of every document class has a
row in its class's table (and every row is a field), and every value of
every enum the documents use is listed under its enum.
"""

from __future__ import annotations

import enum
import pathlib
import re
import typing

import attrs
import pytest

import backroutine
from backroutine import Catalog, Exercise, PlanRequest, Routine

DOC = pathlib.Path(__file__).parent.parent / "docs" / "json-format.md"
EXAMPLE_HEADING = "## A complete example"
DOCUMENT_CLASSES = (Routine, Exercise, Catalog, PlanRequest)


def _doc() -> str:
    return DOC.read_text(encoding="utf-8")


def _section(heading: str) -> str:
    """The text under the level-3 *heading* (a name in backticks), to the next."""
    text = _doc()
    match = re.search(
        rf"^### `{re.escape(heading)}`\n(.*?)(?=^##)", text, re.DOTALL | re.MULTILINE
    )
    assert match, f"docs/json-format.md has no section headed ### `{heading}`"
    return match.group(1)


def _walk(cls: type, classes: dict[type, None], enums: dict[type, None]) -> None:
    """Collect the attrs classes and enums reachable from the fields of *cls*."""
    if cls in classes:
        return
    classes[cls] = None
    attrs.resolve_types(cls)
    for field in attrs.fields(cls):
        if field.init:
            _walk_type(field.type, classes, enums)


def _walk_type(
    type_: object, classes: dict[type, None], enums: dict[type, None]
) -> None:
    if isinstance(type_, type) and attrs.has(type_):
        _walk(type_, classes, enums)
    elif isinstance(type_, type) and issubclass(type_, enum.Enum):
        enums[type_] = None
    else:
        for argument in typing.get_args(type_):
            _walk_type(argument, classes, enums)


def _reachable() -> tuple[tuple[type, ...], tuple[type[enum.Enum], ...]]:
    classes: dict[type, None] = {}
    enums: dict[type, None] = {}
    for cls in DOCUMENT_CLASSES:
        _walk(cls, classes, enums)
    return tuple(classes), tuple(enums)


CLASSES, ENUMS = _reachable()


def test_the_walk_finds_every_object_type() -> None:
    names = {cls.__name__ for cls in CLASSES}
    assert {
        "Routine",
        "RoutineStep",
        "ExerciseSet",
        "Hold",
        "Exercise",
        "Dosage",
        "Span",
        "Caution",
        "Catalog",
        "PlanRequest",
    } == names
    assert {
        "TimeOfDay",
        "Occasion",
        "BodyArea",
        "Position",
        "Laterality",
        "Bias",
        "Equipment",
        "Difficulty",
        "Condition",
        "WarningSign",
    } == {enum_type.__name__ for enum_type in ENUMS}


def _example() -> str:
    text = _doc()
    assert text.count(EXAMPLE_HEADING + "\n") == 1
    after = text.split(EXAMPLE_HEADING + "\n", 1)[1]
    after = re.split(r"^## ", after, maxsplit=1, flags=re.MULTILINE)[0]
    match = re.search(r"^```json\n(.*?)\n```$", after, re.DOTALL | re.MULTILINE)
    assert match, f"no ```json block under {EXAMPLE_HEADING!r}"
    return match.group(1)


def test_the_complete_example_loads_and_is_written_back_the_same() -> None:
    text = _example()
    routine = backroutine.loads(text, Routine)
    assert text == backroutine.dumps(routine, indent=2)


def test_the_complete_example_is_of_the_current_version() -> None:
    routine = backroutine.loads(_example(), Routine)
    assert backroutine.unstructure(routine)["version"] == backroutine.FORMAT_VERSION
    assert len(routine.steps) >= 2


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_every_field_has_a_row_and_every_row_is_a_field(cls: type) -> None:
    rows = re.findall(r"^\| `(\w+)` \|", _section(cls.__name__), re.MULTILINE)
    fields = [field.name for field in attrs.fields(cls) if field.init]
    assert fields == rows


@pytest.mark.parametrize("enum_type", ENUMS, ids=lambda enum_type: enum_type.__name__)
def test_every_enum_value_is_listed_under_its_enum(enum_type: type[enum.Enum]) -> None:
    section = _section(enum_type.__name__)
    listed = set(re.findall(r"`(\w+)`", section))
    missing = [member.value for member in enum_type if member.value not in listed]
    assert [] == missing


def test_every_field_name_and_enum_value_appears_in_the_doc() -> None:
    text = _doc()
    for cls in CLASSES:
        for field in attrs.fields(cls):
            if field.init:
                assert f"`{field.name}`" in text, f"{cls.__name__}.{field.name}"
    for enum_type in ENUMS:
        for member in enum_type:
            assert f"`{member.value}`" in text, f"{enum_type.__name__}.{member.name}"
