"""Documents of format version 2 keep loading, and version 1 reads as version 2.

Version 2 is open: it gathers the changes of the next release and is fixed
when a release in the CHANGELOG names it.  Until then its fixtures, in
``tests/fixtures/v2/``, may still change with it; once it is released, they
are never edited again (``docs/evolving.md``).

The version 1 fixtures (``tests/fixtures/v1/``, see ``test_compat``) read
as version 2 values with every new field spelled out below: what version 1
could not say takes the default that keeps its meaning.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib

import attrs
import pytest

import backroutine
from backroutine import (
    Bias,
    BodyArea,
    Catalog,
    Caution,
    Condition,
    Dosage,
    Exercise,
    ExerciseDone,
    ExerciseSet,
    Finding,
    Frequency,
    Hold,
    Laterality,
    Movement,
    Occasion,
    Phase,
    PlanRequest,
    Position,
    Programme,
    ProgrammeRequest,
    Routine,
    RoutineStep,
    Screening,
    Session,
    Slot,
    Span,
    TimeOfDay,
    Urgency,
    WarningSign,
    Weekday,
    screen,
)
from backroutine._translation import CatalogTranslation, ExerciseText, PhaseText
from tests import test_compat as v1

FIXTURES = pathlib.Path(__file__).parent / "fixtures"


def cat_cow() -> Exercise:
    """An exercise with every version 2 field set: two phases, each named."""
    return Exercise(
        id="cat-cow",
        name="Chat-vache · 猫と牛",
        clinical_name="Quadruped spinal flexion and extension",
        summary="On hands and knees, round the back and then let it dip.",
        instructions=(
            "Start on hands and knees.",
            "Breathe out and round your back (cat).",
            "Breathe in and let it dip gently (cow).",
        ),
        position=Position.QUADRUPED,
        targets=(BodyArea.LOWER_BACK,),
        bias=Bias.MIXED,
        phases=(
            Phase(name="cat", moves=(Movement.FLEXION,)),
            Phase(name="cow", moves=(Movement.EXTENSION,), end_range=True),
        ),
        tensions_sciatic_nerve=False,
        loads_spine=True,
        early_after_surgery=False,
        times=(TimeOfDay.MORNING,),
        dosage=Dosage(sets=Span(1, 1), reps=Span(5, 10)),
        frequency=Frequency(times_a_day=Span(1, 2), days_a_week=Span(5, 7)),
        cautions=(
            Caution(
                about="spinal stenosis",
                advice="Leave out the cow: arching narrows the spinal canal.",
                conditions=(Condition.SPINAL_STENOSIS,),
                leave_out=True,
            ),
            Caution(
                about="pregnancy",
                advice="Let your back come only to flat; do no more at a time.",
                conditions=(Condition.PREGNANCY,),
                keep_dose=True,
            ),
        ),
        warm_up=True,
    )


def heel_slides() -> Exercise:
    """An exercise allowed early after surgery, with a phase that names nothing."""
    return Exercise(
        id="heel-slides",
        name="Heel slides",
        summary="Lying on your back, slide one heel away and back.",
        instructions=("Slide one heel along the floor, then back.",),
        position=Position.SUPINE,
        targets=(BodyArea.ABDOMINALS,),
        bias=Bias.NEUTRAL,
        phases=(Phase(),),
        early_after_surgery=True,
        times=(TimeOfDay.MORNING, TimeOfDay.EVENING),
        best_times=(TimeOfDay.EVENING,),
        dosage=Dosage(
            sets=Span(1, 2), reps=Span(8, 10), laterality=Laterality.ALTERNATING
        ),
        frequency=Frequency.daily(2),
        harder=("towel-hamstring-stretch",),
    )


def hamstring_stretch() -> Exercise:
    """An exercise that tensions the sciatic nerve."""
    return Exercise(
        id="towel-hamstring-stretch",
        name="Towel hamstring stretch",
        summary="Lying on your back, raise one straight leg with a towel.",
        instructions=("Loop a towel round one foot and raise the straight leg.",),
        position=Position.SUPINE,
        targets=(BodyArea.HAMSTRINGS,),
        bias=Bias.NEUTRAL,
        tensions_sciatic_nerve=True,
        times=(TimeOfDay.EVENING,),
        dosage=Dosage(
            sets=Span(1, 1),
            reps=Span(2, 3),
            hold_seconds=Span(20, 30),
            laterality=Laterality.EACH_SIDE,
        ),
    )


def expected_routine() -> Routine:
    return Routine(
        name="Evening, with osteoporosis",
        time_of_day=TimeOfDay.EVENING,
        targets=(BodyArea.LOWER_BACK,),
        steps=(
            RoutineStep(
                exercise=heel_slides(),
                sets=(ExerciseSet(reps=8, laterality=Laterality.ALTERNATING),),
            ),
            RoutineStep(
                exercise=hamstring_stretch(),
                sets=(
                    ExerciseSet(reps=2, hold=Hold(20), laterality=Laterality.EACH_SIDE),
                ),
                note="Stretches the back of the thighs.",
            ),
        ),
        safety=("Stop if your pain gets worse.",),
        conditions=(Condition.OSTEOPOROSIS, Condition.PREGNANCY),
        frequency=Frequency(times_a_day=Span.exactly(1), days_a_week=Span(3, 5)),
    )


def expected_exercise() -> Exercise:
    return cat_cow()


def expected_catalog() -> Catalog:
    return Catalog([cat_cow(), heel_slides(), hamstring_stretch()])


def expected_plan_request() -> PlanRequest:
    return PlanRequest(
        time_of_day=TimeOfDay.BEDTIME,
        minutes=9.0,
        conditions=(Condition.DISC_HERNIATION,),
        progression=3,
        warning_signs=(
            WarningSign.PAIN_BELOW_KNEE,
            WarningSign.FALL_WITH_OSTEOPOROSIS,
        ),
    )


EMERGENCY = (
    "Call emergency services or go to an emergency department now; do not exercise."
)


def expected_screening() -> Screening:
    return Screening(
        urgency=Urgency.EMERGENCY,
        findings=(
            Finding(
                sign=WarningSign.SADDLE_NUMBNESS,
                urgency=Urgency.EMERGENCY,
                advice=EMERGENCY,
            ),
            Finding(
                sign=WarningSign.CHEST_PAIN, urgency=Urgency.EMERGENCY, advice=EMERGENCY
            ),
            Finding(
                sign=WarningSign.PAIN_ON_COUGH_OR_SNEEZE,
                urgency=Urgency.URGENT,
                advice=(
                    "Get an urgent appointment with a doctor today, in person or "
                    "by phone, before you exercise."
                ),
            ),
            Finding(
                sign=WarningSign.PAIN_BELOW_KNEE,
                urgency=Urgency.SEE_PROFESSIONAL,
                advice="See a physiotherapist, a spine specialist or your doctor.",
            ),
        ),
        advice=(
            "Call emergency services or go to an emergency department now, and "
            "do not exercise. With back pain, this can mean pressure on the "
            "nerves of the spine or another problem that needs treatment straight "
            "away: numbness or tingling around the genitals or buttocks and chest "
            "pain."
        ),
    )


def test_the_screening_fixture_is_what_screen_gives() -> None:
    """The spelled-out screening is the one screen() makes of its signs."""
    signs = [
        WarningSign.PAIN_BELOW_KNEE,
        WarningSign.CHEST_PAIN,
        WarningSign.PAIN_ON_COUGH_OR_SNEEZE,
        WarningSign.SADDLE_NUMBNESS,
    ]
    assert expected_screening() == screen(signs)


def expected_programme_request() -> ProgrammeRequest:
    return ProgrammeRequest(
        slots=(
            PlanRequest(time_of_day=TimeOfDay.MORNING, minutes=6.0),
            PlanRequest(
                time_of_day=TimeOfDay.EVENING,
                occasion=Occasion.AFTER_SITTING,
                minutes=5.0,
            ),
        ),
        weeks=6,
        days=(Weekday.MONDAY, Weekday.WEDNESDAY, Weekday.FRIDAY),
        start=dt.date(2027, 2, 28),
        name="Mornings and after work",
        id="clinic-4711",
    )


def expected_programme() -> Programme:
    routine = expected_routine()
    return Programme(
        id="clinic-4711",
        name="Mornings and after work",
        slots=(
            Slot(
                id="bedtime",
                request=PlanRequest(time_of_day=TimeOfDay.BEDTIME, minutes=5.0),
                routine=routine,
            ),
        ),
        days=(Weekday.TUESDAY, Weekday.SATURDAY),
        weeks=3,
        start=dt.date(2028, 2, 29),
        conditions=(Condition.OSTEOPOROSIS,),
    )


def expected_session() -> Session:
    return Session(
        programme="clinic-4711",
        slot="bedtime",
        date=dt.date(2028, 3, 4),
        exercises=(
            ExerciseDone(
                exercise="cat-cow",
                sets=(ExerciseSet(reps=8, laterality=Laterality.BILATERAL),),
                pain=2,
            ),
            ExerciseDone(
                exercise="heel-slides",
                sets=(
                    ExerciseSet(
                        reps=5,
                        hold=Hold(3),
                        laterality=Laterality.EACH_SIDE,
                        rest_after_seconds=30,
                    ),
                    ExerciseSet(reps=4, laterality=Laterality.EACH_SIDE),
                ),
                pain=4,
            ),
        ),
        next_morning=5,
        warning_signs=(WarningSign.PAIN_BELOW_KNEE,),
        note="Stiff after the long drive.",
    )


def expected_catalog_translation() -> CatalogTranslation:
    """Some of the catalog fixture's words in Spanish, some left out.

    Cat-cow's phases are named; heel slides keep their cautions and cues
    (they have none) and their summary in English; the hamstring stretch is
    not translated at all.
    """
    return CatalogTranslation(
        language="es",
        exercises=(
            ExerciseText(
                id="heel-slides",
                name="Deslizamiento de talones",
                instructions=("Deslice un talón por el suelo, y de vuelta.",),
                phases=(PhaseText(),),
            ),
            ExerciseText(
                id="cat-cow",
                name="Gato-vaca",
                phases=(PhaseText(name="gato"), PhaseText(name="vaca")),
            ),
        ),
    )


def test_the_translation_fixture_translates_the_catalog_fixture() -> None:
    """Read onto the catalog, the fixture changes the words it gives, only."""
    catalog = expected_catalog().translated(expected_catalog_translation())
    assert ["Gato-vaca", "Deslizamiento de talones", "Towel hamstring stretch"] == [
        exercise.name for exercise in catalog
    ]
    assert ("gato", "vaca") == tuple(p.name for p in catalog["cat-cow"].phases)
    assert expected_catalog()["heel-slides"].summary == catalog["heel-slides"].summary


EXPECTED = {
    "routine": expected_routine,
    "exercise": expected_exercise,
    "catalog": expected_catalog,
    "plan_request": expected_plan_request,
    "screening": expected_screening,
    "programme_request": expected_programme_request,
    "programme": expected_programme,
    "session": expected_session,
    "catalog_translation": expected_catalog_translation,
}


@pytest.mark.parametrize("kind", EXPECTED)
def test_version_2_fixture_loads(kind: str) -> None:
    """Each version 2 fixture loads to its value, spelled out above."""
    data = (FIXTURES / "v2" / f"{kind}.json").read_bytes()
    assert EXPECTED[kind]() == backroutine.load_document(data)


def test_the_screening_fixture_lists_every_sign_most_urgent_first() -> None:
    """The screening document keeps every sign, each with its urgency."""
    data = json.loads((FIXTURES / "v2" / "screening.json").read_bytes())
    assert "emergency" == data["urgency"]
    assert [
        ("saddle_numbness", "emergency"),
        ("chest_pain", "emergency"),
        ("pain_on_cough_or_sneeze", "urgent"),
        ("pain_below_knee", "see_professional"),
    ] == [(f["sign"], f["urgency"]) for f in data["findings"]]


# Version 1 read as version 2: every new field spelled out.

NEW_EXERCISE_FIELDS = {
    "clinical_name": None,
    "phases": (),
    "tensions_sciatic_nerve": False,
    "loads_spine": False,
    "early_after_surgery": False,
    "best_times": (),
    "frequency": None,
    "warm_up": False,
    "harder": (),
}


def _as_version_2_exercise(exercise: Exercise) -> Exercise:
    cautions = tuple(attrs.evolve(c, leave_out=False) for c in exercise.cautions)
    return attrs.evolve(
        exercise,
        phases=(),
        tensions_sciatic_nerve=False,
        loads_spine=False,
        early_after_surgery=False,
        cautions=cautions,
    )


def test_version_1_exercise_reads_with_the_new_fields_at_their_defaults() -> None:
    """A version 1 exercise has no phases, and no new fact set to true."""
    loaded = backroutine.loads(v1._read("exercise.json"), Exercise)
    assert _as_version_2_exercise(v1.expected_exercise()) == loaded
    assert {f: getattr(loaded, f) for f in NEW_EXERCISE_FIELDS} == NEW_EXERCISE_FIELDS
    assert all(caution.leave_out is False for caution in loaded.cautions)


def test_a_version_1_mixed_exercise_is_taken_to_bend_both_ways() -> None:
    """Version 1 said only "mixed": the rules see flexion and extension."""
    loaded = backroutine.loads(v1._read("exercise.json"), Exercise)
    assert Bias.MIXED is loaded.bias
    assert frozenset({Movement.FLEXION, Movement.EXTENSION}) == loaded.movements


def test_version_1_catalog_reads_with_each_bias_as_its_movement() -> None:
    """Each version 1 exercise's movements are what its bias says."""
    loaded = backroutine.loads(v1._read("catalog.json"), Catalog)
    assert Catalog(map(_as_version_2_exercise, v1.expected_catalog())) == loaded
    assert {
        "prone-press-up": {Movement.EXTENSION},
        "wall-sit": set(),
        "half-kneeling-twist": {Movement.ROTATION},
        "seated-pelvic-rock": {Movement.FLEXION, Movement.EXTENSION},
    } == {exercise.id: set(exercise.movements) for exercise in loaded}


def test_version_1_routine_reads_with_no_conditions() -> None:
    """A version 1 routine did not record its person's conditions: unknown."""
    loaded = backroutine.loads(v1._read("routine.json"), Routine)
    expected = v1.expected_routine()
    steps = tuple(
        attrs.evolve(step, exercise=_as_version_2_exercise(step.exercise))
        for step in expected.steps
    )
    assert attrs.evolve(expected, steps=steps, conditions=None) == loaded
    # Unknown: every caution of every exercise is shown, as version 1 did.
    assert loaded.conditions is None
    assert all(loaded.cautions(e) == e.cautions for e in loaded.exercises)


def test_version_1_plan_request_reads_as_a_first_session() -> None:
    """A version 1 request asked for what is now step 0: a first session."""
    loaded = backroutine.loads(v1._read("plan_request.json"), PlanRequest)
    assert v1.expected_plan_request() == loaded
    assert 0 == loaded.progression


@pytest.mark.parametrize("kind", ["routine", "exercise", "catalog", "plan_request"])
def test_version_1_is_written_back_as_version_2(kind: str) -> None:
    """Reading version 1 and writing gives version 2, new fields included."""
    value = backroutine.load_document(v1._read(f"{kind}.json"))
    written = json.loads(backroutine.dumps(value))
    assert 2 == written["version"]
    if kind == "exercise":
        assert ([], False, False, False) == (
            written["phases"],
            written["tensions_sciatic_nerve"],
            written["loads_spine"],
            written["early_after_surgery"],
        )
        assert [False] == [c["leave_out"] for c in written["cautions"]]
        assert ([], None, None, False, []) == (
            written["best_times"],
            written["clinical_name"],
            written["frequency"],
            written["warm_up"],
            written["harder"],
        )
    if kind == "plan_request":
        assert 0 == written["progression"]
    if kind == "routine":
        assert written["conditions"] is None
