"""Growing the format is cheap: a field or a kind in one place, versions by migration.

A throwaway class with one field of every spec shape goes through the
reader, the writer, the schema, the strategies and the docs' field table
with no code of its own; a throwaway next version of the format migrates the
released version 1 fixtures and reads them.
"""

from __future__ import annotations

import copy
import enum
import hashlib
import json
import pathlib
from typing import Any
from unittest import mock

import attrs
import jsonschema
import pytest
from hypothesis import given

import backroutine
from backroutine import (
    InvalidDocumentError,
    Span,
    UnsupportedVersionError,
    load_document,
    testing,
)
from backroutine import _converter as converter
from backroutine import _spec as v
from backroutine._documents import FORMAT, Format
from backroutine._migrations import MIGRATIONS
from backroutine._schema import document_schema
from tests.field_tables import table

FIXTURES = pathlib.Path(__file__).parent / "fixtures"


class Shade(enum.Enum):
    """How dark."""

    LIGHT = "light"
    DARK = "dark"


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class Part(v.Value):
    """A part.

    Args:
        size: How big.
    """

    size: int = attrs.field(validator=v.Integer(1, 9))


def _parts(value: Any) -> tuple[Part, ...]:
    return v.to_tuple(value)


def _shades(value: Any) -> tuple[Shade, ...]:
    return v.to_tuple(value)


def _labels(value: Any) -> tuple[str, ...]:
    return v.to_tuple(value)


def _grid(value: Any) -> tuple[tuple[int, ...], ...]:
    rows = v.to_tuple(value)
    if type(rows) is tuple and all(type(row) is tuple for row in rows):
        return rows  # as the reader makes it: unchanged
    return tuple(v.to_tuple(row) for row in rows)


def _maybe_parts(value: Any) -> tuple[Part, ...] | None:
    return None if value is None else v.to_tuple(value)


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class Everything(v.Value):
    """A throwaway class with one field of every spec shape.

    Args:
        count: A whole number.
        weight: A number with a fraction.
        label: Some text.
        code: A slug.
        shade: A member of an enum.
        part: A nested value.
        span: A nested value with narrowed fields.
        maybe_label: Text, or None.
        parts: Nested values.
        shades: Members, each once.
        labels: Texts.
        grid: Lists of whole numbers.
        maybe_parts: Nested values, or None.
    """

    count: int = attrs.field(validator=v.Integer(0, 10, unit="reps"))
    weight: float = attrs.field(
        validator=v.Number(0, 5, exclusive_minimum=True, unit="kilograms")
    )
    label: str = attrs.field(validator=v.Text(20))
    code: str = attrs.field(validator=v.Slug(20))
    shade: Shade = attrs.field(validator=v.Member(Shade))
    part: Part = attrs.field(validator=v.Nested(Part, share=True))
    span: Span = attrs.field(
        validator=v.Nested(
            Span, narrow=(("low", v.Integer(1, 5)), ("high", v.Integer(1, 5)))
        )
    )
    maybe_label: str | None = attrs.field(default=None, validator=v.Maybe(v.Text(20)))
    parts: tuple[Part, ...] = attrs.field(
        default=(), converter=_parts, validator=v.Items(v.Nested(Part), max_count=3)
    )
    shades: tuple[Shade, ...] = attrs.field(
        default=(), converter=_shades, validator=v.Items.members(Shade)
    )
    labels: tuple[str, ...] = attrs.field(
        default=("one",),
        converter=_labels,
        validator=v.Items(v.Text(10), min_count=1, max_count=2),
    )
    grid: tuple[tuple[int, ...], ...] = attrs.field(
        default=(),
        converter=_grid,
        validator=v.Items(v.Items(v.Integer(0, 3), max_count=2), max_count=2),
    )
    maybe_parts: tuple[Part, ...] | None = attrs.field(
        default=None,
        converter=_maybe_parts,
        validator=v.Maybe(v.Items(v.Nested(Part), max_count=2, unique=True)),
    )


THROWAWAY = Format(classes=(Everything,))


def _no_fallback(*args: object) -> object:
    raise AssertionError(f"fell back to the detailed reader for {args!r}")


def example() -> Everything:
    return Everything(
        count=3,
        weight=2.5,
        label="héllo",
        code="a-b",
        shade=Shade.DARK,
        part=Part(size=2),
        span=Span(1, 4),
        maybe_label="x",
        parts=[Part(size=1), Part(size=9)],
        shades=[Shade.LIGHT],
        labels=["a", "b"],
        grid=[[0, 1], [3]],
        maybe_parts=[Part(size=5)],
    )


class TestAFieldOfEveryShape:
    @given(testing.values(Everything))
    def test_round_trip(self, value: Everything) -> None:
        """Any drawn value is written and read back equal, by the fast path."""
        with mock.patch.object(converter, "_detailed", _no_fallback):
            self._round_trip(value)

    def _round_trip(self, value: Everything) -> None:
        text = converter.dumps(value, fmt=THROWAWAY)
        assert value == converter.loads(text, Everything, fmt=THROWAWAY)
        document = converter.unstructure(value, fmt=THROWAWAY)
        assert json.loads(text) == document
        assert value == converter.structure(document, Everything, fmt=THROWAWAY)

    @given(testing.values(Everything))
    def test_the_schema_accepts_what_is_written(self, value: Everything) -> None:
        """The generated schema accepts every document the writer writes."""
        schema = document_schema(Everything, THROWAWAY)
        jsonschema.Draft202012Validator.check_schema(schema)
        document = converter.unstructure(value, fmt=THROWAWAY)
        jsonschema.Draft202012Validator(schema).validate(document)

    def test_the_schema_says_each_rule(self) -> None:
        """Each field's schema comes from its spec."""
        properties = document_schema(Everything, THROWAWAY)["properties"]
        assert 10 == properties["count"]["maximum"]
        assert 0 == properties["weight"]["exclusiveMinimum"]
        assert v.TEXT_PATTERN == properties["label"]["pattern"]
        assert v.SLUG_PATTERN == properties["code"]["pattern"]
        assert {"$ref": "#/$defs/Shade"} == {
            key: value
            for key, value in properties["shade"].items()
            if key != "description"
        }
        assert 5 == properties["span"]["properties"]["high"]["maximum"]
        assert {"type": "null"} in properties["maybe_label"]["anyOf"]
        assert 2 == properties["grid"]["items"]["maxItems"]
        assert ["one"] == properties["labels"]["default"]

    @pytest.mark.parametrize(
        ("change", "problem"),
        [
            ({"count": 11}, "$.count: must be at most 10 (got 11)"),
            ({"weight": 0}, "$.weight: must be above 0 and at most 5 (got 0)"),
            ({"label": " "}, "$.label: must not be blank (got ' ')"),
            ({"code": "A"}, "$.code: must be lower-case letters"),
            ({"shade": "grey"}, "$.shade: must be one of 'light', 'dark'"),
            ({"part": {"size": 0}}, "$.part.size: must be at least 1 (got 0)"),
            ({"span": {"low": 1, "high": 6}}, "$.span.high: must be at most 5"),
            ({"maybe_label": 5}, "$.maybe_label: must be a string (got 5)"),
            ({"parts": [{"size": 1}] * 4}, "$.parts: must hold at most 3 items"),
            ({"shades": ["dark", "dark"]}, "$.shades[1]: must not repeat"),
            ({"labels": []}, "$.labels: must hold at least 1 item (got 0)"),
            ({"grid": [[0, 4]]}, "$.grid[0][1]: must be at most 3 (got 4)"),
            ({"maybe_parts": [{"size": 2}] * 2}, "$.maybe_parts[1]: must not repeat"),
            ({"colour": "red"}, "$.colour: is not a known field"),
        ],
    )
    def test_each_rule_refuses_with_its_path(
        self, change: dict[str, Any], problem: str
    ) -> None:
        """A broken rule is refused with its path, by the detailed reader."""
        document = converter.unstructure(example(), fmt=THROWAWAY) | change
        with pytest.raises(InvalidDocumentError) as caught:
            converter.structure(document, Everything, fmt=THROWAWAY)
        assert 1 == len(caught.value.problems)
        assert caught.value.problems[0].startswith(problem)

    def test_defaults_may_be_left_out(self) -> None:
        """A field with a default may be missing from a document."""
        document = converter.unstructure(example(), fmt=THROWAWAY)
        for name in ("maybe_label", "parts", "shades", "labels", "grid"):
            del document[name]
        read = converter.structure(document, Everything, fmt=THROWAWAY)
        assert ("one",) == read.labels
        assert None is read.maybe_label

    def test_the_docs_table_has_a_row_per_field(self) -> None:
        """The field table for the docs names every field, with its limits."""
        rows = table(Everything).splitlines()[2:]
        assert [f.name for f in v.fields_of(Everything)] == [
            row.split("`")[1] for row in rows
        ]
        assert (
            "| `weight` | number | required | kilograms | above 0 and at most 5 |"
            in (table(Everything))
        )
        assert "`low` and `high` each 1 to 5" in table(Everything)

    def test_the_kind_is_named_after_the_class(self) -> None:
        """A class registered as a kind is named in snake case."""
        assert {"everything": Everything} == dict(THROWAWAY.kinds)
        assert '"kind":"everything"' in converter.dumps(example(), fmt=THROWAWAY)


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class Routine(backroutine.Routine):
    """A throwaway next version of the routine: it names the app that wrote it.

    Args:
        source: The app that wrote it, as a slug.
    """

    source: str = attrs.field(validator=v.Slug(35))


CURRENT = FORMAT.version
NEXT = CURRENT + 1


def to_next(document: dict[str, Any]) -> dict[str, Any]:
    """The current version to the next: routines name their source, unknown before."""
    if document["kind"] == "routine":
        document = {**document, "source": "unknown"}
    return {**document, "version": NEXT}


NEXT_FORMAT = Format(
    classes=tuple(
        Routine if cls is backroutine.Routine else cls for cls in FORMAT.classes
    ),
    migrations=(*FORMAT.migrations, to_next),
)


class TestMigrations:
    def test_a_version_1_fixture_migrates_and_loads(self) -> None:
        """The released routine fixture loads under the next version, migrated."""
        text = (FIXTURES / "v1" / "routine.json").read_text(encoding="utf-8")
        current = backroutine.loads(text, backroutine.Routine)
        migrated = converter.loads(text, Routine, fmt=NEXT_FORMAT)
        assert "unknown" == migrated.source
        fields = {f.name: getattr(current, f.name) for f in v.fields_of(type(current))}
        assert Routine(**fields, source="unknown") == migrated

    def test_output_is_always_the_newest_version(self) -> None:
        """A migrated document is written back in the next version."""
        text = (FIXTURES / "v1" / "routine.json").read_text(encoding="utf-8")
        migrated = converter.loads(text, Routine, fmt=NEXT_FORMAT)
        written = json.loads(converter.dumps(migrated, fmt=NEXT_FORMAT))
        assert (NEXT, "unknown") == (written["version"], written["source"])
        assert migrated == converter.loads(
            json.dumps(written), Routine, fmt=NEXT_FORMAT
        )

    @pytest.mark.parametrize("kind", ["catalog", "exercise", "plan_request"])
    def test_other_kinds_migrate_too(self, kind: str) -> None:
        """Every kind's version 1 fixture loads under the next version."""
        text = (FIXTURES / "v1" / f"{kind}.json").read_text(encoding="utf-8")
        cls = NEXT_FORMAT.class_of(kind)
        assert backroutine.loads(text, cls) == converter.loads(
            text, cls, fmt=NEXT_FORMAT
        )

    def test_a_migration_leaves_the_caller_s_document_alone(self) -> None:
        """Migrating works on a copy: structure() does not change its input."""
        document = json.loads((FIXTURES / "v1" / "routine.json").read_bytes())
        before = copy.deepcopy(document)
        converter.structure(document, Routine, fmt=NEXT_FORMAT)
        assert before == document

    def test_a_newer_version_is_refused(self) -> None:
        """The version after the next is unknown to the next version's reader."""
        document = json.loads((FIXTURES / "v1" / "routine.json").read_bytes())
        document["version"] = NEXT + 1
        with pytest.raises(UnsupportedVersionError) as caught:
            converter.structure(document, Routine, fmt=NEXT_FORMAT)
        assert tuple(range(1, NEXT + 1)) == caught.value.supported

    def test_the_version_counts_the_migrations(self) -> None:
        """Version 1 has no migration; each later version adds one."""
        assert 1 + len(MIGRATIONS) == FORMAT.version == backroutine.FORMAT_VERSION
        assert NEXT == NEXT_FORMAT.version
        assert range(1, NEXT + 1) == NEXT_FORMAT.readable


class TestReleasedFixtures:
    def test_every_released_version_has_fixtures(self) -> None:
        """tests/fixtures/vN exists for every version up to the current one."""
        found = sorted(path.name for path in FIXTURES.iterdir() if path.is_dir())
        assert [f"v{n}" for n in FORMAT.readable] == found

    @pytest.mark.parametrize(
        "path",
        sorted(FIXTURES.glob("v*/*.json")),
        ids=lambda path: f"{path.parent.name}/{path.name}",
    )
    def test_every_fixture_loads(self, path: pathlib.Path) -> None:
        """Each fixture of each released version loads, as its kind says."""
        value = load_document(path.read_bytes())
        assert path.stem == FORMAT.kind_of(type(value))


def test_fixtures_are_never_edited() -> None:
    """Every released fixture is byte for byte what was released.

    tests/fixtures/SHA256SUMS lists them; a new version's fixtures are added
    to it (sha256sum vN/*.json), and no line of it ever changes.
    """
    listed = {}
    for line in (FIXTURES / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split()
        listed[name] = digest
    found = {
        str(path.relative_to(FIXTURES)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in FIXTURES.glob("v*/*.json")
    }
    assert listed == found


@pytest.mark.parametrize(
    "path", sorted(FIXTURES.glob("v*/*.json")), ids=lambda path: path.name
)
def test_a_fixture_says_the_version_of_its_folder(path: pathlib.Path) -> None:
    """A released fixture's version is the version of its folder."""
    document = json.loads(path.read_bytes())
    assert f"v{document['version']}" == path.parent.name
