import copy
import json
import pathlib
import re
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import backroutine
from backroutine import (
    Catalog,
    Exercise,
    InvalidDocumentError,
    PlanRequest,
    Routine,
    TimeOfDay,
    WarningSign,
    default_catalog,
    dumps,
    json_schema,
    screen,
    structure,
    unstructure,
)
from backroutine._documents import KINDS as CLASSES
from backroutine.testing import catalogs, documents, exercises, plan_requests, routines
from tests.helpers import JSON_VALUES, REFUSALS, document, mutated
from tests.regenerate import schema_text

SCHEMAS = pathlib.Path(__file__).parent.parent / "schemas"
KINDS = sorted(CLASSES)


def _ecma_pattern(
    validator: Any, pattern: str, instance: Any, _schema: Any
) -> Iterator[jsonschema.ValidationError]:
    # JSON Schema patterns follow ECMA-262, where "$" is the end of the text;
    # Python's re lets "$" match before a final newline, so say it plainly.
    if validator.is_type(instance, "string") and not re.search(
        pattern.replace("$", r"\Z"), instance
    ):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


Validator = jsonschema.validators.extend(
    jsonschema.Draft202012Validator, {"pattern": _ecma_pattern}
)
VALIDATORS = {kind: Validator(json_schema(kind)) for kind in KINDS}

# What the loader alone enforces (docs/json-format.md lists these rules): a
# document the schema accepts may still fail on these, and only on these.
LOADER_ONLY = (
    "must be at least the low end",  # a span's low is at most its high
    "must be unique in a catalog",  # exercise ids
    "must be an integer (got",  # 5.0 is an integer to JSON Schema
    "must not be blank",  # white space beyond what \S knows
)


def schema_errors(kind: str, instance: Any) -> list[str]:
    return [error.message for error in VALIDATORS[kind].iter_errors(instance)]


def load_problems(cls: type, instance: Any) -> tuple[str, ...]:
    try:
        structure(instance, cls)
    except InvalidDocumentError as error:
        return error.problems
    return ()


class TestSchemaFiles:
    @pytest.mark.parametrize("kind", KINDS)
    def test_committed_schema_is_current(self, kind: str) -> None:
        """The committed schema is what the code generates."""
        committed = (SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")
        assert committed == schema_text(kind), (
            f"schemas/{kind}.schema.json is out of date: run python tests/regenerate.py"
        )

    @pytest.mark.parametrize("kind", KINDS)
    def test_is_a_valid_draft_2020_12_schema(self, kind: str) -> None:
        """Each schema is itself valid JSON Schema, draft 2020-12."""
        schema = json_schema(kind)
        jsonschema.Draft202012Validator.check_schema(schema)
        assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]
        version = backroutine.FORMAT_VERSION
        assert f"urn:backroutine:schema:{kind}:{version}" == schema["$id"]
        assert schema["title"]
        assert schema["description"]

    @pytest.mark.parametrize("kind", KINDS)
    def test_closed_objects_everywhere(self, kind: str) -> None:
        """Every object in every schema refuses properties it does not name."""
        schema = json_schema(kind)
        objects = [schema, *schema["$defs"].values()]
        for obj in objects:
            if obj.get("type") == "object":
                assert obj["additionalProperties"] is False
                assert set(obj["required"]) <= set(obj["properties"])

    def test_unknown_kind(self) -> None:
        """Asking for a kind that does not exist names the kinds that do."""
        with pytest.raises(
            ValueError,
            match="kind must be one of 'catalog', 'catalog_translation', 'exercise'",
        ):
            json_schema("workout")

    def test_fresh_copy(self) -> None:
        """Changing a returned schema does not change the next one."""
        schema = json_schema("routine")
        schema["title"] = "changed"
        assert "changed" != json_schema("routine")["title"]


class TestGeneratedDocumentsValidate:
    @given(documents())
    def test_every_document_validates(
        self, value: Routine | Exercise | Catalog | PlanRequest
    ) -> None:
        """Whatever dumps writes, its schema accepts."""
        instance = json.loads(dumps(value))
        assert [] == schema_errors(instance["kind"], instance)

    def test_built_in_catalog_validates(self) -> None:
        """The built-in catalog is a valid catalog document."""
        assert [] == schema_errors("catalog", unstructure(default_catalog()))


# Refusals from the strictness table that only the loader can see.
LOADER_ONLY_REFUSALS = {"a whole float for an int", "a span upside down"}


def _objects(value: Any, path: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every JSON object in *value*, with its path."""
    if isinstance(value, dict):
        yield path, value
        for key, item in value.items():
            yield from _objects(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _objects(item, f"{path}[{index}]")


def fixture(kind: str) -> Any:
    """The version 2 fixture of *kind*, as parsed JSON."""
    path = pathlib.Path(__file__).parent / "fixtures" / "v2" / f"{kind}.json"
    return json.loads(path.read_text(encoding="utf-8"))


class TestRefusalsAgree:
    @pytest.mark.parametrize(
        ("what", "change"),
        [(what, change) for what, change, _ in REFUSALS],
        ids=[what for what, _, _ in REFUSALS],
    )
    def test_strictness_table(self, what: str, change: Any) -> None:
        """Each refusal of the loader's strictness table is a refusal of the schema too."""
        doc = document()
        change(doc)
        assert load_problems(Routine, doc)
        if what in LOADER_ONLY_REFUSALS:
            assert [] == schema_errors("routine", doc)
        else:
            assert schema_errors("routine", doc)

    @pytest.mark.parametrize("kind", KINDS)
    def test_extra_key_at_every_level(self, kind: str) -> None:
        """An unknown key in any object, at any depth, is refused by both."""
        values = {
            "routine": document(),
            "exercise": unstructure(default_catalog()["spine-press-up"]),
            # A few exercises hold every kind of object; every one would
            # only repeat them, at a cost that grows with the square.
            "catalog": unstructure(
                Catalog(default_catalog()[i] for i in ("spine-press-up", "cat-cow"))
            ),
            "plan_request": unstructure(PlanRequest(time_of_day=TimeOfDay.MORNING)),
            "screening": unstructure(
                screen([WarningSign.CHEST_PAIN, WarningSign.PAIN_BELOW_KNEE])
            ),
        }
        # The programme's kinds: their version 2 fixtures, which are small.
        value = values.get(kind) or fixture(kind)
        paths = [path for path, _ in _objects(value)]
        assert paths
        for path in paths:
            doc = copy.deepcopy(value)
            target = dict(_objects(doc))[path]
            target["surprise"] = 1
            assert schema_errors(kind, doc), path
            assert [f"{path}.surprise"] == [
                p.split(":")[0] for p in load_problems(CLASSES[kind], doc)
            ]

    def test_missing_required_field_at_every_level(self) -> None:
        """A required field left out anywhere is refused by both."""
        value = document()
        schema = json_schema("routine")
        checked = 0
        for path, obj in _objects(value):
            for key in list(obj):
                if key == "conditions" and obj.get("leave_out") is True:
                    continue  # a loader-only rule (json-format.md, rule 7)
                if key == "moves":
                    continue  # a loader-only rule (json-format.md, rule 9)
                doc = copy.deepcopy(value)
                del dict(_objects(doc))[path][key]
                by_schema = bool(schema_errors("routine", doc))
                by_loader = bool(load_problems(Routine, doc))
                assert by_schema == by_loader, f"{path}.{key}"
                checked += by_loader
        assert checked >= len(schema["required"])

    @given(
        st.one_of(
            routines(max_steps=2),
            exercises(),
            catalogs(max_size=2),
            plan_requests(stopping_signs=True),
        ),
        st.data(),
    )
    def test_what_the_schema_accepts_loads(
        self, value: Routine | Exercise | Catalog | PlanRequest, data: st.DataObject
    ) -> None:
        """A changed document that the schema accepts loads, but for loader-only rules."""
        kind = unstructure(value)["kind"]
        doc = mutated(unstructure(value), data)
        accepted = not schema_errors(kind, doc)
        problems = load_problems(CLASSES[kind], doc)
        if accepted:
            assert all(any(rule in p for rule in LOADER_ONLY) for p in problems), (
                problems
            )
        if not problems:
            assert accepted

    @given(
        st.sampled_from(KINDS),
        st.dictionaries(st.text(max_size=12), JSON_VALUES, max_size=6),
    )
    def test_arbitrary_fields_agree(self, kind: str, fields: dict[str, Any]) -> None:
        """For arbitrary fields in a valid envelope, what loads the schema accepts."""
        doc = {**fields, "kind": kind, "version": backroutine.FORMAT_VERSION}
        if not load_problems(CLASSES[kind], doc):
            assert [] == schema_errors(kind, doc)
        if schema_errors(kind, doc):
            assert load_problems(CLASSES[kind], doc)
