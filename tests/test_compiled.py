"""The generated fast paths agree with the detailed converter, which they skip."""

import copy
import enum
import linecache
from typing import Any
from unittest import mock

import attrs
import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from backroutine import (
    Catalog,
    Dosage,
    Exercise,
    ExerciseSet,
    Hold,
    InvalidDocumentError,
    PlanRequest,
    Routine,
    RoutineStep,
    Span,
    _compiled,
    _converter,
    default_catalog,
    dumps,
    loads,
    structure,
    unstructure,
)
from backroutine import _spec as v
from backroutine._documents import FORMAT, KINDS, Document
from backroutine.testing import documents
from tests.helpers import mutated


def body(value: Document) -> dict[str, Any]:
    """The document of *value* without its envelope, as fresh mutable data."""
    document = copy.deepcopy(unstructure(value))
    del document["kind"], document["version"]
    return document


def fast(data: Any, cls: type, *, shared: bool = False) -> Any:
    """The fast path's value, or None if it refuses (only ever with Refused)."""
    try:
        return _compiled.structurer(cls)(data, {} if shared else None)
    except _compiled.Refused:
        return None


def detailed(data: Any, cls: type) -> Any:
    """The detailed converter's value, or None if it refuses."""
    try:
        return _converter._detailed(data, cls, FORMAT.kind_of(cls))
    except InvalidDocumentError:
        return None


def _reachable(cls: type, seen: set[type]) -> set[type]:
    """*cls* and every value class its fields' specs name."""
    if cls in seen:
        return seen
    seen.add(cls)
    for field in v.fields_of(cls):
        for named in v.classes_named(v.spec_of(field)):
            _reachable(named, seen)
    return seen


class Odd(v.Spec):
    """A spec the generator does not know."""

    __slots__ = ()

    def check(self, value: object) -> None:
        """Accept anything."""


def repeating_routine() -> Routine:
    """A routine whose steps repeat the same exercise objects."""
    catalog = default_catalog()
    steps = [
        RoutineStep(
            exercise=exercise,
            sets=[ExerciseSet(reps=5, hold=Hold(2)), ExerciseSet(reps=6)],
            note=f"Step {number}.",
        )
        for number, exercise in enumerate([*catalog][:4] * 5)
    ]
    return Routine(name="Again and again", steps=steps)


class TestAgreement:
    @given(documents(), st.data(), st.booleans())
    def test_fast_and_detailed_agree(
        self, value: Document, data: st.DataObject, mutate: bool
    ) -> None:
        """Both accept a document with equal values, or both refuse it."""
        cls = type(value)
        document = mutated(body(value), data) if mutate else body(value)
        expected = detailed(copy.deepcopy(document), cls)
        assert expected == fast(copy.deepcopy(document), cls)
        if type(document) is dict:  # sharing needs JSON-like keys
            assert expected == fast(document, cls, shared=True)

    @given(documents())
    def test_valid_documents_take_the_fast_path(self, value: Document) -> None:
        """A valid document never falls back to the detailed converter."""

        def fallback(*args: object) -> Any:
            raise AssertionError(f"fell back for {args!r}")

        with mock.patch.object(_converter, "_detailed", fallback):
            assert value == loads(dumps(value), type(value))
            assert value == structure(unstructure(value), type(value))
            assert value == _converter.load_document(dumps(value))

    def test_invalid_documents_fall_back_for_messages(self) -> None:
        """The detailed converter still says what is wrong, and where."""
        document = unstructure(repeating_routine())
        document["steps"][3]["sets"][1]["reps"] = 0
        with pytest.raises(InvalidDocumentError) as caught:
            structure(document, Routine)
        assert caught.value.problems == (
            "$.steps[3].sets[1].reps: must be at least 1 (got 0)",
        )

    @given(documents())
    def test_values_built_without_init_are_whole(self, value: Document) -> None:
        """Values built without __init__ equal, and hash like, ones built normally."""
        built = fast(body(value), type(value))
        assert built is not None
        normal = attrs.evolve(value)  # through __init__
        assert normal == built
        assert built == normal
        assert hash(normal) == hash(built)
        assert repr(normal) == repr(built)
        assert dumps(normal) == dumps(built)
        if isinstance(built, Catalog):
            assert value.ids == built.ids  # type: ignore[union-attr]
            for exercise in built:
                assert built[exercise.id] is exercise

    def test_equal_exercises_are_shared(self) -> None:
        """With sharing, equal exercises are read once; without, apart."""
        text = dumps(repeating_routine())
        loaded = loads(text, Routine)
        assert loaded.steps[0].exercise is loaded.steps[4].exercise
        document = body(repeating_routine())
        apart = fast(document, Routine)
        assert apart.steps[0].exercise == apart.steps[4].exercise
        assert apart.steps[0].exercise is not apart.steps[4].exercise

    def test_minutes_as_int_become_float(self) -> None:
        """An int budget is kept as the equal float, as the model's converter does."""
        request = fast({"time_of_day": "morning", "minutes": 8}, PlanRequest)
        assert type(request.minutes) is float
        assert PlanRequest(time_of_day=request.time_of_day, minutes=8) == request
        for minutes in (True, 0, 241, float("nan"), float("inf"), "8"):
            data = {"time_of_day": "morning", "minutes": minutes}
            assert fast(data, PlanRequest) is None
            assert detailed(data, PlanRequest) is None

    def test_tuples_are_accepted_like_lists(self) -> None:
        """structure() callers may give tuples where JSON has arrays."""
        document = body(repeating_routine())
        document["steps"] = tuple(document["steps"])
        assert repeating_routine() == fast(document, Routine)


class TestPostInit:
    def test_span_low_above_high(self) -> None:
        """A span whose low end is above its high end is still refused."""
        assert fast({"low": 5, "high": 3}, Span) is None
        assert Span(3, 5) == fast({"low": 3, "high": 5}, Span)
        exercise = default_catalog()["spine-press-up"]
        document = unstructure(exercise)
        document["dosage"]["reps"] = {"low": 10, "high": 8}
        assert fast(body(exercise) | {"dosage": document["dosage"]}, Exercise) is None
        with pytest.raises(InvalidDocumentError, match=r"\$\.dosage\.reps"):
            structure(document, Exercise)

    def test_duplicate_catalog_ids(self) -> None:
        """A catalog with an id twice is still refused."""
        exercise = default_catalog()["spine-press-up"]
        document = unstructure(Catalog([exercise]))
        document["exercises"] *= 2
        assert fast(body(Catalog([exercise])) | document, Catalog) is None
        with pytest.raises(InvalidDocumentError, match="must be unique"):
            structure(document, Catalog)


class TestGeneration:
    @pytest.mark.parametrize("cls", [Catalog, Exercise, PlanRequest, Routine])
    def test_every_document_class_generates(self, cls: type) -> None:
        """Each document class, and each class it holds, gets both functions."""
        assert cls in KINDS.values()
        classes = _reachable(cls, set())
        assert cls in classes
        for each in classes:
            reader = _compiled.structurer(each)
            assert reader is _compiled.structurer(each)  # made once
            writer = _compiled.unstructurer(each)
            assert writer is _compiled.unstructurer(each)
            assert "raise _Refused" in reader.__source__  # type: ignore[attr-defined]

    @pytest.mark.parametrize(
        "spec",
        [
            Odd(),
            v.Maybe(Odd()),
            v.Items(Odd(), max_count=3),
            v.Items(v.Maybe(Odd()), max_count=3),
            v.Nested(Span, narrow=(("low", Odd()),)),
            v.Nested(Span, narrow=(("low", v.Items(Odd(), max_count=1)),)),
        ],
    )
    def test_unknown_specs(self, spec: v.Spec) -> None:
        """A spec the generator does not know, at any depth, fails generation."""

        @attrs.frozen
        class Thing:
            thing: object = attrs.field(validator=spec)

        with pytest.raises(_compiled.UnknownSpecError, match=r"Odd\(\)"):
            _compiled.structurer(Thing)

    def test_unknown_spec_cannot_be_written(self) -> None:
        """A spec the generator does not know cannot be written either."""

        @attrs.frozen
        class Thing:
            thing: object = attrs.field(validator=v.Items(Odd(), max_count=1))

        with pytest.raises(_compiled.UnknownSpecError, match="cannot write"):
            _compiled.unstructurer(Thing)

    def test_field_without_a_spec_raises(self) -> None:
        """A field checked by something other than a spec says what to do."""

        @attrs.frozen
        class Thing:
            thing: int = attrs.field(validator=attrs.validators.instance_of(int))

        with pytest.raises(TypeError, match="'thing' has no rule spec"):
            _compiled.structurer(Thing)

    def test_mutable_default_raises(self) -> None:
        """A default that could change is refused at generation."""

        @attrs.frozen
        class Thing:
            thing: tuple[int, ...] = attrs.field(
                factory=tuple, validator=v.Items(v.Integer(0, 1), max_count=2)
            )

        with pytest.raises(_compiled.UnknownSpecError, match="immutable"):
            _compiled.structurer(Thing)

    def test_enum_values_must_be_strings(self) -> None:
        """An enum with values other than strings fails generation."""

        class Number(enum.Enum):
            ONE = 1

        @attrs.frozen
        class Thing:
            thing: Number = attrs.field(validator=v.Member(Number))

        with pytest.raises(_compiled.UnknownSpecError, match="strings"):
            _compiled.structurer(Thing)

    def test_source_is_in_linecache(self) -> None:
        """Tracebacks and profilers can show the generated source."""
        reader = _compiled.structurer(Routine)
        filename = reader.__code__.co_filename
        assert filename.startswith("<backroutine generated structure_Routine")
        lines = linecache.getlines(filename)
        assert reader.__source__ == "".join(lines)  # type: ignore[attr-defined]
        assert lines[0].startswith("def structure_Routine(o, shared):")


class TestWriting:
    @pytest.mark.parametrize("indent", [None, 2])
    def test_repeated_exercises_write_the_same_bytes(self, indent: int | None) -> None:
        """Repeats written once as fragments give exactly orjson's text."""
        routine = repeating_routine()
        option = 0 if indent is None else orjson.OPT_INDENT_2
        expected = orjson.dumps(unstructure(routine), option=option).decode()
        assert expected == dumps(routine, indent=indent)

    @given(documents())
    def test_generated_dict_is_unstructure(self, value: Document) -> None:
        """The generated writer gives the parsed form of unstructure."""
        made = _compiled.unstructurer(type(value))(value, None)
        expected = unstructure(value)
        del expected["kind"], expected["version"]
        assert expected == orjson.loads(orjson.dumps(made))

    def test_dosage_writes_its_spans(self) -> None:
        """Nested classes written inline keep their fields and order."""
        dosage = Dosage(sets=Span(1, 2), reps=Span(3, 4), hold_seconds=Span(5, 6))
        made = _compiled.unstructurer(Dosage)(dosage, None)
        assert {"low": 5, "high": 6} == made["hold_seconds"]
        assert list(made) == [f.name for f in attrs.fields(Dosage)]
