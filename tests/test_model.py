import copy
import pickle
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import backroutine
from backroutine import (
    CONDITION_RULES,
    BackroutineError,
    BodyArea,
    Catalog,
    CatalogTranslation,
    Caution,
    CautionText,
    ConditionRule,
    Cue,
    Dosage,
    Exercise,
    ExerciseDone,
    ExerciseSet,
    ExerciseText,
    Finding,
    Frequency,
    Hold,
    InvalidTypeError,
    InvalidValueError,
    Laterality,
    Pace,
    Phase,
    PhaseText,
    PlanRequest,
    Programme,
    ProgrammeRequest,
    Routine,
    RoutineStep,
    Screening,
    Session,
    Slot,
    Span,
    WarningSign,
    default_catalog,
    testing,
    timeline,
)
from backroutine import _spec as v
from tests.helpers import make_exercise, make_routine


class TestSpan:
    def test_exactly(self) -> None:
        """Span.exactly(n) holds only n."""
        assert Span(low=4, high=4) == Span.exactly(4)

    def test_positional_and_keyword(self) -> None:
        """A span can be built by position or by keyword."""
        assert Span(low=3, high=5) == Span(3, 5)

    def test_contains(self) -> None:
        """A span contains its ends and what lies between, and only whole numbers."""
        span = Span(3, 5)
        assert [False, True, True, True, False] == [n in span for n in range(2, 7)]
        assert 4.0 not in span
        assert True not in Span(0, 2)

    def test_low_above_high(self) -> None:
        """A span whose high end is below its low end is refused."""
        with pytest.raises(
            ValueError, match=r"'high' must be at least the low end, 5 \(got 3\)"
        ):
            Span(5, 3)

    @pytest.mark.parametrize(
        ("low", "high", "error", "message"),
        [
            (-1, 2, ValueError, r"'low' must be at least 0 \(got -1\)"),
            (1, 10_001, ValueError, r"'high' must be at most 10000 \(got 10001\)"),
            (1.5, 2, TypeError, r"'low' must be an integer \(got 1.5\)"),
            (1, "2", TypeError, r"'high' must be an integer \(got '2'\)"),
            (False, 2, TypeError, r"'low' must be an integer \(got False\)"),
        ],
    )
    def test_refused(
        self, low: object, high: object, error: type[Exception], message: str
    ) -> None:
        """Negative, huge and non-integer ends are refused, naming the end."""
        with pytest.raises(error, match=message):
            Span(low, high)  # type: ignore[arg-type]


class TestDosage:
    def test_defaults(self) -> None:
        """A dosage needs only sets and reps; the rest has plain defaults."""
        dosage = Dosage(sets=Span(1, 2), reps=Span(8, 10))
        assert (None, Laterality.BILATERAL, 0) == (
            dosage.hold_seconds,
            dosage.laterality,
            dosage.rest_seconds,
        )

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"sets": Span(0, 2)}, r"'sets\.low' must be at least 1 \(got 0\)"),
            ({"sets": Span(1, 11)}, r"'sets\.high' must be at most 10 \(got 11\)"),
            ({"reps": Span(1, 101)}, r"'reps\.high' must be at most 100 \(got 101\)"),
            (
                {"hold_seconds": Span(1, 601)},
                r"'hold_seconds\.high' must be at most 600 \(got 601\)",
            ),
            ({"rest_seconds": -1}, r"'rest_seconds' must be at least 0 \(got -1\)"),
            ({"reps": (1, 2)}, r"'reps' must be a Span \(got \(1, 2\)\)"),
            ({"laterality": "alternating"}, r"'laterality' must be a Laterality"),
        ],
    )
    def test_refused(self, changes: dict[str, Any], message: str) -> None:
        """Ranges outside the limits and values of the wrong type are refused."""
        fields: dict[str, Any] = {"sets": Span(1, 1), "reps": Span(1, 2), **changes}
        with pytest.raises((ValueError, TypeError), match=message):
            Dosage(**fields)


class TestHoldAndSet:
    @pytest.mark.parametrize(
        ("seconds", "ok"), [(0, False), (1, True), (600, True), (601, False)]
    )
    def test_hold_bounds(self, seconds: int, ok: bool) -> None:
        """A hold lasts from 1 to 600 seconds."""
        if ok:
            assert seconds == Hold(seconds).seconds
        else:
            with pytest.raises(ValueError, match="'seconds' must be at"):
                Hold(seconds)

    def test_set_defaults(self) -> None:
        """A set needs only reps: no hold, both sides together, no rest."""
        assert ExerciseSet(reps=5) == ExerciseSet(
            reps=5, hold=None, laterality=Laterality.BILATERAL, rest_after_seconds=0
        )

    @pytest.mark.parametrize(
        ("laterality", "total"),
        [
            (Laterality.ALTERNATING, 16),
            (Laterality.EACH_SIDE, 16),
            (Laterality.LEFT, 8),
        ],
    )
    def test_total_reps(self, laterality: Laterality, total: int) -> None:
        """Reps count per side for per-side work."""
        assert total == ExerciseSet(reps=8, laterality=laterality).total_reps

    @pytest.mark.parametrize(
        ("changes", "error", "message"),
        [
            ({"reps": 0}, ValueError, r"'reps' must be at least 1 \(got 0\)"),
            ({"reps": 1_000_000}, ValueError, r"'reps' must be at most 100"),
            ({"reps": 5.7}, TypeError, r"'reps' must be an integer \(got 5.7\)"),
            ({"hold": 5}, TypeError, r"'hold' must be a Hold \(got 5\)"),
            (
                {"rest_after_seconds": 601},
                ValueError,
                r"'rest_after_seconds' must be at most 600",
            ),
        ],
    )
    def test_set_refused(
        self, changes: dict[str, Any], error: type[Exception], message: str
    ) -> None:
        """A set refuses nonsense, naming the field and the value."""
        with pytest.raises(error, match=message):
            ExerciseSet(**{"reps": 5, **changes})

    def test_keyword_only(self) -> None:
        """Sets take keywords only, so reps and rest cannot trade places."""
        with pytest.raises(TypeError):
            ExerciseSet(5)  # type: ignore[call-arg]


class TestExercise:
    def test_lists_become_tuples(self) -> None:
        """Lists given for collections are kept as tuples."""
        exercise = make_exercise()
        assert ("Kneel on all fours.", "Round your back.", "Arch it.") == (
            exercise.instructions
        )
        assert (BodyArea.LOWER_BACK,) == exercise.targets

    def test_equal_values_hash_alike(self) -> None:
        """Two exercises built alike are equal and hash alike."""
        assert make_exercise() == make_exercise()
        assert hash(make_exercise()) == hash(make_exercise())

    def test_frozen(self) -> None:
        """An exercise cannot be changed in place; evolve makes a new one."""
        exercise = make_exercise()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            exercise.name = "Other"  # type: ignore[misc]
        assert "Other" == attrs.evolve(exercise, name="Other").name

    def test_works_includes_parts(self) -> None:
        """An exercise targeting a part works the whole it belongs to."""
        exercise = make_exercise(targets=[BodyArea.GLUTES])
        assert exercise.works(BodyArea.HIPS)
        assert exercise.works(BodyArea.GLUTES)
        assert not exercise.works(BodyArea.HIP_FLEXORS)

    @pytest.mark.parametrize(
        ("changes", "error", "message"),
        [
            ({"id": "Cat Cow"}, ValueError, r"'id' must be lower-case letters"),
            ({"id": "cat--cow"}, ValueError, r"'id' must be lower-case letters"),
            ({"id": "cat-cow\n"}, ValueError, r"'id' must be lower-case letters"),
            ({"id": "a" * 65}, ValueError, r"'id' must be at most 64 characters"),
            ({"name": "   "}, ValueError, r"'name' must not be blank \(got '   '\)"),
            ({"name": ""}, ValueError, r"'name' must not be blank"),
            ({"name": "x" * 121}, ValueError, r"'name' must be at most 120 characters"),
            ({"name": "bad \ud800"}, ValueError, r"'name' must be valid Unicode text"),
            (
                {"instructions": "Kneel."},
                TypeError,
                r"'instructions' must be a list or tuple",
            ),
            (
                {"instructions": []},
                ValueError,
                r"'instructions' must hold at least 1 item",
            ),
            (
                {"instructions": ["Kneel.", ""]},
                ValueError,
                r"'instructions\[1\]' must not be blank",
            ),
            (
                {"instructions": ["Kneel.", 3]},
                TypeError,
                r"'instructions\[1\]' must be a string",
            ),
            ({"targets": []}, ValueError, r"'targets' must hold at least 1 item"),
            (
                {"targets": [BodyArea.CORE, BodyArea.CORE]},
                ValueError,
                r"'targets\[1\]' must not repeat an item \(got 'core' again\)",
            ),
            (
                {"targets": {BodyArea.CORE}},
                TypeError,
                r"'targets' must be a list or tuple",
            ),
            (
                {"position": "supine"},
                TypeError,
                r"'position' must be a Position \(got 'supine'\)",
            ),
            ({"times": ["morning"]}, TypeError, r"'times\[0\]' must be a TimeOfDay"),
            ({"dosage": None}, TypeError, r"'dosage' must be a Dosage \(got None\)"),
            (
                {"cues": ["x" * 1001]},
                ValueError,
                r"'cues\[0\]' must be at most 1000 characters",
            ),
            (
                {"cautions": ["ok"] * 51},
                ValueError,
                r"'cautions' must hold at most 50 items",
            ),
        ],
    )
    def test_refused(
        self, changes: dict[str, Any], error: type[Exception], message: str
    ) -> None:
        """Every field refuses what its rules forbid, naming field, rule and value."""
        with pytest.raises(error, match=message):
            make_exercise(**changes)

    def test_non_ascii_text(self) -> None:
        """Text in any script is kept as given."""
        assert (
            "Étirement du dos, 背中"
            == make_exercise(name="Étirement du dos, 背中").name
        )


class TestRoutine:
    def test_exercises(self) -> None:
        """A routine lists the exercise of each step in order."""
        other = make_exercise(id="bird-dog")
        routine = make_routine(
            steps=[
                RoutineStep(exercise=make_exercise(), sets=[ExerciseSet(reps=5)]),
                RoutineStep(exercise=other, sets=[ExerciseSet(reps=6)]),
            ]
        )
        assert ("cat-cow", "bird-dog") == tuple(e.id for e in routine.exercises)

    def test_defaults(self) -> None:
        """A custom routine needs only a name and steps."""
        routine = make_routine()
        assert (None, (), (), ()) == (
            routine.time_of_day,
            routine.targets,
            routine.notes,
            routine.safety,
        )

    @pytest.mark.parametrize(
        ("changes", "error", "message"),
        [
            ({"steps": []}, ValueError, r"'steps' must hold at least 1 item \(got 0\)"),
            ({"steps": ["cat-cow"]}, TypeError, r"'steps\[0\]' must be a RoutineStep"),
            (
                {"time_of_day": "bedtime"},
                TypeError,
                r"'time_of_day' must be a TimeOfDay",
            ),
            ({"safety": [" "]}, ValueError, r"'safety\[0\]' must not be blank"),
        ],
    )
    def test_refused(
        self, changes: dict[str, Any], error: type[Exception], message: str
    ) -> None:
        """A routine refuses empty steps and values of the wrong type."""
        with pytest.raises(error, match=message):
            make_routine(**changes)

    def test_step_needs_a_set(self) -> None:
        """A step holds from 1 to 10 sets."""
        with pytest.raises(ValueError, match=r"'sets' must hold at least 1 item"):
            RoutineStep(exercise=make_exercise(), sets=[])
        with pytest.raises(ValueError, match=r"'sets' must hold at most 10 items"):
            RoutineStep(exercise=make_exercise(), sets=[ExerciseSet(reps=1)] * 11)

    def test_step_note_may_not_be_blank(self) -> None:
        """A step's note is None or real text."""
        with pytest.raises(ValueError, match=r"'note' must not be blank"):
            RoutineStep(exercise=make_exercise(), sets=[ExerciseSet(reps=1)], note="")


# Every public value class, and a strategy for its values.
VALUE_STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    Span: testing.spans(),
    Dosage: testing.dosages(),
    Hold: testing.holds(),
    ExerciseSet: testing.exercise_sets(),
    Caution: testing.cautions(),
    Exercise: testing.exercises(),
    RoutineStep: testing.routine_steps(),
    Routine: testing.routines(),
    Catalog: testing.catalogs(),
    PlanRequest: testing.plan_requests(),
    Pace: testing.paces(),
    Cue: st.builds(timeline, testing.routines()).flatmap(st.sampled_from),
    Screening: testing.screenings(),
    Finding: testing.findings(),
    Phase: testing.values(Phase),
    Frequency: testing.values(Frequency),
    ConditionRule: st.sampled_from(list(CONDITION_RULES.values())),
    ProgrammeRequest: testing.programme_requests(),
    Programme: testing.programmes(max_slots=1),
    Slot: testing.values(Slot, routine=testing.routines(max_steps=1)),
    Session: testing.sessions(),
    ExerciseDone: testing.values(ExerciseDone),
    CatalogTranslation: testing.catalog_translations(),
    ExerciseText: testing.values(ExerciseText),
    CautionText: testing.values(CautionText),
    PhaseText: testing.values(PhaseText),
}
ANY_VALUE = st.one_of(*VALUE_STRATEGIES.values())


def test_every_public_value_class_is_covered() -> None:
    """Each public attrs class of the package has a strategy above."""
    public = {
        value
        for value in (getattr(backroutine, name) for name in backroutine.__all__)
        if isinstance(value, type) and attrs.has(value)
    }
    assert public == set(VALUE_STRATEGIES)


class TestImmutable:
    @given(ANY_VALUE)
    def test_init_again_is_refused(self, value: Any) -> None:
        """Calling __init__ on a built value refuses, and changes nothing."""
        before = copy.copy(attrs.asdict(value, recurse=False))
        fields = {
            f.name: getattr(value, f.name) for f in attrs.fields(type(value)) if f.init
        }
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            value.__init__(**fields)
        assert before == attrs.asdict(value, recurse=False)

    def test_init_again_cannot_change_the_default_catalog(self) -> None:
        """The shared built-in catalog cannot be emptied through __init__."""
        catalog = default_catalog()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            catalog.__init__([])  # type: ignore[misc]
        assert len(default_catalog()) > 0

    @pytest.mark.parametrize("cls", list(VALUE_STRATEGIES), ids=lambda c: c.__name__)
    def test_no_setstate(self, cls: type) -> None:
        """No value class has a __setstate__ that could change a value in place."""
        assert not hasattr(cls, "__setstate__")


class TestAcrossProcesses:
    @given(ANY_VALUE)
    def test_pickles_and_copies_to_an_equal_value(self, value: Any) -> None:
        """Every value pickles, copies and deep-copies to an equal value."""
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            assert value == pickle.loads(pickle.dumps(value, protocol))  # noqa: S301
        assert value == copy.copy(value)
        assert value == copy.deepcopy(value)

    def test_pickle_names_only_public_paths(self) -> None:
        """A pickle refers to backroutine's public names, not its private modules."""
        data = pickle.dumps(default_catalog())
        assert b"backroutine._" not in data
        assert b"backroutine" in data

    def test_catalog_still_finds_by_id(self) -> None:
        """A catalog sent through pickle still finds its exercises by id."""
        catalog = pickle.loads(pickle.dumps(default_catalog()))  # noqa: S301
        assert catalog["spine-press-up"] == default_catalog()["spine-press-up"]


class TestInvalidValueError:
    def test_carries_field_rule_and_value(self) -> None:
        """The error says which field, which rule and which value."""
        with pytest.raises(InvalidValueError) as caught:
            ExerciseSet(reps=0)
        error = caught.value
        assert ("reps", "minimum", 0) == (error.field, error.rule, error.value)
        assert "must be at least 1 (got 0)" == error.problem
        assert "'reps' must be at least 1 (got 0)" == str(error)
        assert isinstance(error, ValueError)
        assert isinstance(error, BackroutineError)

    def test_wrong_type_is_also_a_type_error(self) -> None:
        """A value of the wrong type is an InvalidTypeError, also a TypeError."""
        with pytest.raises(InvalidTypeError) as caught:
            Hold("5")  # type: ignore[arg-type]
        assert isinstance(caught.value, TypeError)
        assert ("seconds", "type", "5") == (
            caught.value.field,
            caught.value.rule,
            caught.value.value,
        )

    @pytest.mark.parametrize(
        ("build", "field", "rule"),
        [
            (lambda: Span(5, 3), "high", "low_above_high"),
            (lambda: make_exercise(name="  "), "name", "blank"),
            (lambda: make_exercise(name="\ufeff"), "name", "blank"),
            (lambda: make_exercise(name="x" * 121), "name", "max_length"),
            (lambda: make_exercise(name="a\ud800"), "name", "surrogate"),
            (lambda: make_exercise(id="Cat Cow"), "id", "slug"),
            (lambda: make_exercise(instructions=[]), "instructions", "min_items"),
            (
                lambda: make_exercise(targets=[BodyArea.CORE] * 2),
                "targets[1]",
                "unique",
            ),
            (
                lambda: make_exercise(instructions=["ok", " "]),
                "instructions[1]",
                "blank",
            ),
            (lambda: Catalog([make_exercise()] * 2), "exercises[1].id", "unique_id"),
            (
                lambda: Dosage(sets=Span(1, 11), reps=Span(1, 1)),
                "sets.high",
                "maximum",
            ),
        ],
    )
    def test_rule_names(self, build: Any, field: str, rule: str) -> None:
        """Each rule has a short name an app can act on, and the field says where."""
        with pytest.raises(InvalidValueError) as caught:
            build()
        assert (field, rule) == (caught.value.field, caught.value.rule)


class TestWrittenOnce:
    @pytest.mark.parametrize(
        "cls",
        [c for c in VALUE_STRATEGIES if c is not Catalog],
        ids=lambda c: c.__name__,
    )
    def test_repr_eq_and_hash_are_the_base_s(self, cls: type) -> None:
        """attrs generates no repr, eq or hash of its own for a value class."""
        base = vars(v.Value)
        for name in ("__repr__", "__eq__", "__hash__"):
            assert getattr(cls, name) is base[name], name

    @given(ANY_VALUE, ANY_VALUE)
    def test_equality_is_by_class_and_fields(self, one: Any, other: Any) -> None:
        """Equal exactly when of one class with equal fields, and hashing alike."""
        same = type(one) is type(other) and all(
            getattr(one, f.name) == getattr(other, f.name)
            for f in attrs.fields(type(one))
            if f.eq
        )
        assert same == (one == other)
        assert one == attrs.evolve(one)
        assert hash(one) == hash(attrs.evolve(one))

    def test_repr_names_each_field(self) -> None:
        """A repr reads as the call that builds the value."""
        assert "Span(low=1, high=2)" == repr(Span(1, 2))
        assert "Hold(seconds=5)" == repr(Hold(5))


def _raised(make: Any) -> BaseException:
    try:
        make()
    except backroutine.BackroutineError as error:
        return error
    raise AssertionError("nothing was raised")


@pytest.mark.parametrize(
    "make",
    [
        lambda: Hold(0),
        lambda: Hold("5"),  # type: ignore[arg-type]
        lambda: backroutine.loads("not json", Routine),
        lambda: backroutine.loads('{"kind": "routine", "version": 9}', Routine),
        lambda: default_catalog()["press-up"],
        lambda: backroutine.plan_routine(
            PlanRequest(
                time_of_day=backroutine.TimeOfDay.BEDTIME,
                warning_signs=[WarningSign.FEVER],
            )
        ),
        lambda: backroutine.plan_routine(
            PlanRequest(time_of_day=backroutine.TimeOfDay.BEDTIME, minutes=0.01)
        ),
    ],
    ids=["value", "type", "document", "version", "unknown", "seek-care", "planning"],
)
def test_errors_cross_process_boundaries(make: Any) -> None:
    """Every public exception pickles and copies to one that says the same."""
    error = _raised(make)
    for again in (pickle.loads(pickle.dumps(error)), copy.copy(error)):  # noqa: S301
        assert type(error) is type(again)
        assert str(error) == str(again)
        assert vars(error) == vars(again)


def test_a_member_of_another_enum_is_named_as_such() -> None:
    """A member of the wrong enum shows as Enum.NAME, not as a value to trust."""
    with pytest.raises(InvalidTypeError) as caught:
        ExerciseSet(reps=1, laterality=BodyArea.CORE)  # type: ignore[arg-type]
    assert "'laterality' must be a Laterality (got BodyArea.CORE)" == str(caught.value)
