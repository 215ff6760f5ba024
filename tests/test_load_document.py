import copy
import json
from typing import Any

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
    UnsupportedVersionError,
    default_catalog,
    dumps,
    loads,
    unstructure,
)
from backroutine._converter import load_document
from backroutine.testing import documents
from tests.helpers import planned

KINDS = "'catalog', 'catalog_translation', 'exercise', 'plan_request', 'programme', 'programme_request', 'routine', 'screening', 'session'"


def routine_document() -> dict[str, Any]:
    """A valid routine document as fresh, mutable Python data."""
    return copy.deepcopy(unstructure(planned()))


def refusal(data: object) -> InvalidDocumentError:
    """The error load_document raises for *data*."""
    with pytest.raises(InvalidDocumentError) as caught:
        load_document(data)
    return caught.value


class TestLoads:
    @given(documents())
    def test_any_kind(self, value: Routine | Exercise | Catalog | PlanRequest) -> None:
        """A document of any kind loads to the value it was written from."""
        loaded = load_document(dumps(value))
        assert value == loaded
        assert type(value) is type(loaded)

    @pytest.mark.parametrize(
        "value",
        [
            planned(),
            default_catalog(),
            default_catalog()["spine-press-up"],
            PlanRequest(time_of_day=TimeOfDay.MORNING),
        ],
        ids=lambda value: type(value).__name__,
    )
    def test_text_or_bytes(
        self, value: Routine | Exercise | Catalog | PlanRequest
    ) -> None:
        """Indented text and UTF-8 bytes load the same as loads reads them."""
        text = dumps(value, indent=2)
        expected = loads(text, type(value))
        assert expected == load_document(text)
        assert expected == load_document(text.encode())


class TestRefusals:
    @pytest.mark.parametrize(
        ("data", "problem"),
        [
            pytest.param(
                '{"kind": "workout", "version": 1}',
                f"$.kind: must be one of {KINDS} (got 'workout')",
                id="unknown kind",
            ),
            pytest.param(
                '{"kind": "Routine"}',
                f"$.kind: must be one of {KINDS} (got 'Routine')",
                id="kind in the wrong case",
            ),
            pytest.param(
                '{"kind": "plan-request"}',
                f"$.kind: must be one of {KINDS} (got 'plan-request')",
                id="kind with a hyphen",
            ),
            pytest.param(
                '{"kind": 5}',
                f"$.kind: must be one of {KINDS} (got 5)",
                id="kind a number",
            ),
            pytest.param(
                '{"kind": ["routine"]}',
                f"$.kind: must be one of {KINDS} (got ['routine'])",
                id="kind an array",
            ),
            pytest.param(
                '{"kind": null}',
                f"$.kind: must be one of {KINDS} (got None)",
                id="kind null",
            ),
            pytest.param(
                '{"version": 1, "name": "x"}',
                f"$.kind: is required, one of {KINDS}",
                id="no kind",
            ),
            pytest.param(
                "[]",
                "$: must be a JSON object with a kind (got [])",
                id="an array",
            ),
            pytest.param(
                '"routine"',
                "$: must be a JSON object with a kind (got 'routine')",
                id="a string",
            ),
            pytest.param(
                "null",
                "$: must be a JSON object with a kind (got None)",
                id="null",
            ),
        ],
    )
    def test_without_a_known_kind(self, data: str, problem: str) -> None:
        """A document whose kind cannot be told is one problem, with its path."""
        error = refusal(data)
        assert ([problem], None) == (list(error.problems), error.kind)
        assert f"invalid document: {problem}" == str(error)

    @pytest.mark.parametrize(
        ("data", "problem"),
        [
            ("", "$: is empty"),
            (b" \n\t", "$: is empty"),
            ("not json", "$: is not JSON (line 1, column 1)"),
            ("{", "$: is not JSON (line 1, column 2)"),
            ('{\n  "kind": "routine",\n  oops\n}', "$: is not JSON (line 3, column 3)"),
            (b"\xff\xfe\x00", "$: is not UTF-8 (invalid byte at offset 0)"),
            (
                "\ud800",
                "$: is not valid Unicode text (a lone surrogate at character 0)",
            ),
            ("NaN", "$: is not JSON (line 1, column 1)"),
        ],
    )
    def test_not_json(self, data: str | bytes, problem: str) -> None:
        """Text that is not JSON is one problem at the root, in the library's words."""
        error = refusal(data)
        assert (problem,) == error.problems

    @pytest.mark.parametrize("data", [None, 5, {"kind": "routine"}, ["x"]])
    def test_not_text(self, data: Any) -> None:
        """load_document wants text; anything else is refused, saying so."""
        error = refusal(data)
        assert 1 == len(error.problems)
        assert error.problems[0].startswith("$: must be JSON text as str or bytes")

    def test_invalid_for_its_kind(self) -> None:
        """A document of a known kind is checked as strictly as loads checks it."""
        doc = routine_document()
        doc["steps"][0]["sets"][0]["reps"] = 0
        error = refusal(json.dumps(doc))
        assert (
            ["$.steps[0].sets[0].reps: must be at least 1 (got 0)"],
            "routine",
        ) == (list(error.problems), error.kind)

    def test_every_problem_is_listed(self) -> None:
        """Every problem of a document of a known kind is reported."""
        data = '{"kind": "routine", "version": 1, "name": " ", "steps": [], "x": 1}'
        with pytest.raises(InvalidDocumentError) as from_loads:
            loads(data, Routine)
        assert from_loads.value.problems == refusal(data).problems

    def test_missing_version(self) -> None:
        """The kind is known, so a missing version is a problem of that kind."""
        error = refusal('{"kind": "exercise"}')
        assert (["$.version: is required"], "exercise") == (
            list(error.problems),
            error.kind,
        )

    def test_newer_version(self) -> None:
        """A newer format version is refused as loads refuses it."""
        doc = routine_document()
        newer = backroutine.FORMAT_VERSION + 1
        doc["version"] = newer
        with pytest.raises(UnsupportedVersionError) as caught:
            load_document(json.dumps(doc))
        assert (newer, "routine") == (caught.value.version, caught.value.kind)


class TestRobustness:
    @given(st.binary())
    def test_arbitrary_bytes(self, data: bytes) -> None:
        """Arbitrary bytes either load or raise InvalidDocumentError."""
        try:
            loaded = load_document(data)
        except InvalidDocumentError as error:
            problems = error.problems
        else:
            problems = (f"$ loaded {loaded!r}",)
        assert problems

    @given(
        st.dictionaries(
            st.sampled_from(["kind", "version", "name", "steps", "id"]),
            st.none()
            | st.integers()
            | st.text()
            | st.sampled_from(["catalog", "exercise", "plan_request", "routine"]),
        )
    )
    def test_arbitrary_objects(self, document: dict[str, Any]) -> None:
        """Any object either loads or raises InvalidDocumentError with paths."""
        try:
            loaded = load_document(json.dumps(document))
        except InvalidDocumentError as error:
            problems = error.problems
        else:
            problems = (f"$ loaded {loaded!r}",)
        assert problems
        assert all(problem.startswith("$") for problem in problems)
