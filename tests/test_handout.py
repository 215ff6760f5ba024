"""A handout in plain words, in Markdown and in text alike.

What a handout holds, whichever way it is laid out: names a person
understands, plain words for every position and movement, the unit on every
dose, how often, what to feel and the pain traffic light, each exercise's
easier and harder versions, how to get down to the floor and back up, and
times computed from the routine.  The golden handouts show all of it for one
routine built by hand; ``python tests/regenerate.py`` writes them again.
"""

import itertools
import re
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backroutine import (
    BodyArea,
    Catalog,
    Condition,
    Exercise,
    ExerciseSet,
    Frequency,
    Hold,
    PlanningError,
    PlanRequest,
    Position,
    Routine,
    RoutineStep,
    Span,
    TimeOfDay,
    default_catalog,
    estimate_duration,
    plan_routine,
    to_markdown,
    to_text,
)
from backroutine._advice import ONTO_THE_BED, TO_THE_FLOOR, WHAT_TO_FEEL
from backroutine._dose_words import DEFAULT_FREQUENCY, frequency_text
from backroutine._durations import duration_text
from backroutine._facts import person_name, step_seconds
from backroutine._plain_words import SHOWN, plain
from backroutine._traffic_light import (
    AMBER,
    GREEN,
    HOW_TO_SCORE,
    PAIN_SCALE,
    RED,
    SIGNS_FIRST,
    ZONES,
)
from backroutine.testing import exercise_sets, plan_requests
from tests.helpers import (
    FLOOR,
    KNEE_ROCK,
    examples,
    golden_plan,
    golden_routine,
    one_line,
)
from tests.test_dose_words import has_every_unit
from tests.test_markdown import outline

Render = Callable[..., str]

RENDERERS = [
    pytest.param(to_markdown, id="markdown"),
    pytest.param(to_text, id="text"),
]

GOLDEN = Path(__file__).parent / "golden"
CATALOG = default_catalog()


def flat(handout: str) -> str:
    """What a handout says, on one line, without Markdown's bold marks."""
    return one_line(handout.replace("**", ""))


_TEXT_FIELD = re.compile(r"( *)([A-Z][A-Za-z0-9 ]*):( +)(\S.*)")


def _text_fields(text: str) -> list[tuple[str, str]]:
    """The labelled lines of a text handout, each value joined from its lines."""
    found: list[tuple[str, str]] = []
    column = 0
    for line in text.splitlines():
        match = _TEXT_FIELD.fullmatch(line)
        if match:
            column = len(line) - len(match.group(4))
            found.append((match.group(2), match.group(4)))
        elif column and line[:column].isspace() and not line[column].isspace():
            label, value = found[-1]
            found[-1] = (label, f"{value} {line[column:]}")
        else:
            column = 0
    return found


def fields(handout: str) -> list[tuple[str, str]]:
    """The labelled facts of a handout, in order, whichever its format."""
    if not handout.startswith("# "):
        return _text_fields(handout)
    found = []
    for kind, text in outline(handout):
        label, colon, value = text.partition(": ")
        if kind == "item" and colon:
            found.append((label, value))
    return found


def said(handout: str, *labels: str) -> list[str]:
    """The values of the facts of *handout* labelled one of *labels*."""
    return [
        value
        for label, value in fields(handout)
        if label in labels or (label.startswith("Set ") and "Set" in labels)
    ]


def without_clinical_names(text: str, exercises: tuple[Exercise, ...]) -> str:
    """*text* without the clinical names shown in brackets after the names."""
    for exercise in exercises:
        text = text.replace(person_name(exercise), exercise.name)
    return text


def steps_of(*exercises: Exercise, sets: int = 1) -> list[RoutineStep]:
    """A step of each of *exercises*, of *sets* alike sets of 2 held reps."""
    return [
        RoutineStep(exercise=exercise, sets=[ExerciseSet(reps=2, hold=Hold(5))] * sets)
        for exercise in exercises
    ]


def routine_of(*exercises: Exercise, **changes: Any) -> Routine:
    """A routine of a step of each of *exercises*, with *changes*."""
    return attrs.evolve(Routine(name="R", steps=steps_of(*exercises)), **changes)


STANDING = attrs.evolve(
    KNEE_ROCK, id="standing-rock", name="Standing rock", position=Position.STANDING
)


@st.composite
def built_in_routines(draw: st.DrawFn) -> Routine:
    """Routines of built-in exercises, any sets, for anyone, at any time."""
    exercises = draw(st.lists(st.sampled_from(CATALOG.exercises), min_size=1))
    steps = [
        RoutineStep(
            exercise=exercise,
            sets=draw(st.lists(exercise_sets(), min_size=1, max_size=3)),
        )
        for exercise in exercises[:6]
    ]
    return Routine(
        name="Routine",
        time_of_day=draw(st.none() | st.sampled_from(TimeOfDay)),
        targets=draw(st.lists(st.sampled_from(BodyArea), unique=True, max_size=3)),
        steps=steps,
        conditions=draw(
            st.none() | st.lists(st.sampled_from(Condition), unique=True, max_size=2)
        ),
    )


TECHNICAL = re.compile(
    r"\b(supine|prone|quadruped|flexion|extension|lumbar)\b", re.IGNORECASE
)
"""Words a handout leaves to the data: a person reads plain ones instead."""


def technical_words(handout: str, exercises: tuple[Exercise, ...]) -> list[str]:
    """The technical words *handout* shows, but in clinical names in brackets."""
    return TECHNICAL.findall(without_clinical_names(flat(handout), exercises))


class TestPlainWords:
    @pytest.mark.parametrize("enum", SHOWN, ids=lambda enum: enum.__name__)
    def test_every_member_has_plain_words(self, enum: type[Enum]) -> None:
        """Every member of every enum a handout shows has plain words."""
        for member in enum:
            assert [] == TECHNICAL.findall(plain(member)), member
            assert "_" not in plain(member)

    @pytest.mark.parametrize(
        ("member", "words"),
        [
            (Position.SUPINE, "lying on your back"),
            (Position.QUADRUPED, "on your hands and knees"),
            (Position.PRONE, "lying face down"),
            (BodyArea.LUMBAR_SPINE, "lower spine"),
            (TimeOfDay.BEDTIME, "before bed"),
        ],
    )
    def test_words(self, member: Position, words: str) -> None:
        """A technical value has the words a person uses."""
        assert words == plain(member)

    @pytest.mark.parametrize("render", RENDERERS)
    @given(routine=built_in_routines())
    def test_any_routine_of_built_in_exercises(
        self, render: Render, routine: Routine
    ) -> None:
        """A routine of built-in exercises reads in plain words throughout."""
        assert [] == technical_words(render(routine), routine.exercises)

    @pytest.mark.parametrize("render", RENDERERS)
    @settings(max_examples=examples(30))
    @given(request=plan_requests(max_minutes=20))
    def test_any_planned_routine(self, render: Render, request: PlanRequest) -> None:
        """A planned routine reads in plain words, its name and notes too."""
        try:
            routine = plan_routine(request)
        except PlanningError:
            return
        assert [] == technical_words(flat(render(routine)), routine.exercises)

    @pytest.mark.parametrize("render", RENDERERS)
    @pytest.mark.parametrize("exercise_id", CATALOG.ids)
    def test_every_built_in_exercise(self, render: Render, exercise_id: str) -> None:
        """Each built-in exercise's own handout reads in plain words (but its id)."""
        exercise = CATALOG[exercise_id]
        handout = render(exercise).replace(f"id: {exercise_id}", "")
        assert [] == technical_words(handout, (exercise,))

    @pytest.mark.parametrize("render", RENDERERS)
    def test_positions_and_movements(self, render: Render) -> None:
        """The position and movement are said in plain words, not the values."""
        twist = attrs.evolve(KNEE_ROCK, position=Position.QUADRUPED)
        said = flat(render(twist))
        assert "Position: on your hands and knees" in said
        assert "Movement: twisting" in said
        assert "Works: lower back and sides of the waist" in said
        assert "Suits: in the evening or before bed" in said
        assert "quadruped" not in said
        assert "rotation" not in said


class TestNames:
    @pytest.mark.parametrize("render", RENDERERS)
    def test_clinical_name_in_brackets(self, render: Render) -> None:
        """The name a person understands comes first, the clinical one after."""
        tilt = attrs.evolve(
            KNEE_ROCK,
            name="Pelvic tilt lying on your back",
            clinical_name="Supine posterior pelvic tilt",
        )
        shown = "Pelvic tilt lying on your back (Supine posterior pelvic tilt)"
        assert shown == person_name(tilt)
        assert f"1. {shown}" in flat(render(routine_of(tilt)))
        assert flat(render(tilt)).lstrip("# ").startswith(shown)

    def test_brackets_do_not_nest(self) -> None:
        """A clinical name's own brackets become "or": brackets never nest."""
        sphinx = attrs.evolve(
            KNEE_ROCK,
            name="Resting on your elbows lying face down",
            clinical_name="Prone on elbows (sphinx)",
        )
        assert (
            "Resting on your elbows lying face down (Prone on elbows, or sphinx)"
            == person_name(sphinx)
        )

    @pytest.mark.parametrize("clinical", [None, "KNEE ROCK"])
    def test_no_clinical_name(self, clinical: str | None) -> None:
        """Without a clinical name, or with the same one, the name stands alone."""
        assert "Knee rock" == person_name(
            attrs.evolve(KNEE_ROCK, clinical_name=clinical)
        )


def dose_lines(handout: str) -> list[str]:
    """The dose of each step, or of each set, as *handout* says it."""
    return said(handout, "How much", "Set")


class TestUnits:
    @pytest.mark.parametrize("render", RENDERERS)
    @given(routine=built_in_routines())
    def test_every_dose_line(self, render: Render, routine: Routine) -> None:
        """Every step's dose, or each of its sets, gives every number its unit."""
        lines = dose_lines(render(routine))
        assert len(lines) >= len(routine.steps)
        assert [] == [line for line in lines if not has_every_unit(line)]

    @pytest.mark.parametrize("render", RENDERERS)
    def test_doses(self, render: Render) -> None:
        """Reps, sides and holds in words, one set as its reps, more counted."""
        assert [
            "10 reps, hold 3 seconds",
            "2 reps each side, hold 20 seconds, one side at a time",
            "5 reps, hold 10 seconds",
            "8 reps each side, hold 10 seconds, switching sides each time",
        ] == dose_lines(render(golden_routine()))
        moving = attrs.evolve(
            golden_routine(),
            steps=[
                RoutineStep(exercise=KNEE_ROCK, sets=[ExerciseSet(reps=6)]),
                RoutineStep(exercise=KNEE_ROCK, sets=[ExerciseSet(reps=10)] * 2),
            ],
        )
        assert ["6 slow reps", "2 sets of 10 slow reps"] == dose_lines(render(moving))


def with_frequencies(*frequencies: Frequency | None) -> Routine:
    """A routine of knee rocks, each of its own id and *frequencies*."""
    return routine_of(
        *(
            attrs.evolve(KNEE_ROCK, id=f"rock-{number}", frequency=frequency)
            for number, frequency in enumerate(frequencies)
        )
    )


DAILY = Frequency.daily()
TWICE = Frequency(times_a_day=Span.exactly(2), days_a_week=Span(3, 5))


class TestHowOften:
    @pytest.mark.parametrize("render", RENDERERS)
    @pytest.mark.parametrize(
        ("frequencies", "said"),
        [
            pytest.param((DAILY, DAILY), "once a day, every day", id="agreeing"),
            pytest.param((DAILY, None), "once a day, every day", id="one says"),
            pytest.param(
                (None, None), frequency_text(DEFAULT_FREQUENCY), id="none says"
            ),
        ],
    )
    def test_once_for_the_routine(
        self, render: Render, frequencies: tuple[Frequency | None], said: str
    ) -> None:
        """When the exercises agree, or none says, the routine says it once."""
        handout = flat(render(with_frequencies(*frequencies)))
        assert f"How often: {said} " in handout
        assert 1 == handout.count("How often:")
        assert handout.index("How often:") < handout.index("Seek help now")

    @pytest.mark.parametrize("render", RENDERERS)
    def test_with_each_exercise_when_they_differ(self, render: Render) -> None:
        """When the exercises differ, each step says its own, the default for none."""
        handout = render(with_frequencies(DAILY, TWICE, None))
        assert [
            "as each exercise says",
            "once a day, every day",
            "twice a day, 3 to 5 days a week",
            "once a day, every day if you can, and at least 3 days a week",
        ] == said(handout, "How often")

    @pytest.mark.parametrize("render", RENDERERS)
    def test_exercise(self, render: Render) -> None:
        """An exercise's own handout says how often, from its data."""
        assert "How often: twice a day, 3 to 5 days a week" in flat(
            render(attrs.evolve(KNEE_ROCK, frequency=TWICE))
        )


class TestTrafficLight:
    def test_zones_cover_the_scale(self) -> None:
        """Green, amber and red cover 0 to 10 in turn: up, the same, back."""
        assert (GREEN, AMBER, RED) == ZONES
        assert PAIN_SCALE.low == ZONES[0].pain.low
        assert PAIN_SCALE.high == ZONES[-1].pain.high
        for lower, higher in itertools.pairwise(ZONES):
            assert lower.pain.high + 1 == higher.pain.low
        assert [1, 0, -1] == [zone.step for zone in ZONES]

    def test_words_agree_with_the_scores(self) -> None:
        """Each zone's words name its lowest pain score."""
        for zone in ZONES:
            assert f"{zone.pain.low} " in zone.when

    @pytest.mark.parametrize("render", RENDERERS)
    @pytest.mark.parametrize(
        "value", [golden_routine(), KNEE_ROCK], ids=["routine", "exercise"]
    )
    def test_section(self, render: Render, value: Routine | Exercise) -> None:
        """What to feel, how to score pain, each zone, and signs first."""
        handout = flat(render(value))
        start = handout.index("How it should feel")
        section = handout[start:]
        assert section.index(WHAT_TO_FEEL) < section.index(HOW_TO_SCORE)
        for zone in ZONES:
            line = f"{zone.colour.capitalize()}: {zone.when.capitalize()}."
            assert f"{line} {zone.next_time}" in section
        assert SIGNS_FIRST in section
        assert handout.index("Seek help now") < start

    @pytest.mark.parametrize("render", RENDERERS)
    def test_before_the_exercises(self, render: Render) -> None:
        """The light is read before the first exercise."""
        handout = flat(render(golden_routine()))
        first = person_name(golden_routine().steps[0].exercise)
        assert handout.index("Red: ") < handout.index(f"1. {first}")


EASY = attrs.evolve(KNEE_ROCK, id="easy-rock", name="Easy rock", harder=["knee-rock"])
GENTLE = attrs.evolve(
    KNEE_ROCK, id="gentle-rock", name="Gentle rock", harder=["knee-rock"]
)
ROCK = attrs.evolve(KNEE_ROCK, harder=["big-rock"])
BIG = attrs.evolve(KNEE_ROCK, id="big-rock", name="Big rock", harder=["huge-rock"])
HUGE = attrs.evolve(KNEE_ROCK, id="huge-rock", name="Huge rock")
VERSIONS = Catalog([EASY, ROCK, BIG, HUGE])


class TestVersions:
    @pytest.mark.parametrize("render", RENDERERS)
    @pytest.mark.parametrize(
        "value", [routine_of(ROCK), ROCK], ids=["routine", "exercise"]
    )
    def test_nearest_by_name(self, render: Render, value: Routine | Exercise) -> None:
        """The nearest easier and harder versions are named; further ones not."""
        handout = flat(render(value, catalog=VERSIONS))
        assert "Easier version: Easy rock " in handout
        assert "Harder version: Big rock " in handout
        assert "Huge rock" not in handout

    @pytest.mark.parametrize("render", RENDERERS)
    def test_several(self, render: Render) -> None:
        """Several versions are named together: any of them will do."""
        catalog = Catalog([EASY, GENTLE, ROCK, BIG, HUGE])
        handout = flat(render(routine_of(ROCK), catalog=catalog))
        assert "Easier versions: Easy rock or Gentle rock " in handout

    @pytest.mark.parametrize("render", RENDERERS)
    def test_unknown_link_ignored(self, render: Render) -> None:
        """A link to an id the catalog does not hold is left out, not an error."""
        linked = attrs.evolve(ROCK, harder=["no-such-rock", "big-rock"])
        for value in (routine_of(linked), linked):
            handout = flat(render(value, catalog=VERSIONS))
            assert "Harder version: Big rock " in handout
            assert "no-such-rock" not in handout

    @pytest.mark.parametrize("render", RENDERERS)
    def test_from_another_catalog(self, render: Render) -> None:
        """An exercise the catalog does not hold shows what the catalog can find."""
        stranger = attrs.evolve(KNEE_ROCK, id="stranger", harder=["huge-rock"])
        handout = flat(render(routine_of(stranger), catalog=VERSIONS))
        assert "Harder version: Huge rock " in handout
        assert "Easier version" not in handout
        lost = attrs.evolve(stranger, harder=["nowhere"])
        for catalog in (VERSIONS, Catalog()):
            labels = [
                label for label, _ in fields(render(routine_of(lost), catalog=catalog))
            ]
            assert [] == [label for label in labels if "version" in label]

    @pytest.mark.parametrize("render", RENDERERS)
    def test_built_in_catalog_by_default(self, render: Render) -> None:
        """Without a catalog, the versions are looked up in the built-in one."""
        linked = attrs.evolve(KNEE_ROCK, harder=["double-knee-to-chest"])
        name = CATALOG["double-knee-to-chest"].name
        assert f"Harder version: {name} " in flat(render(linked))
        assert render(routine_of(linked), catalog=CATALOG) == render(routine_of(linked))
        empty = [label for label, _ in fields(render(linked, catalog=Catalog()))]
        assert "Harder version" not in empty


class TestFloor:
    @pytest.mark.parametrize("render", RENDERERS)
    @pytest.mark.parametrize("position", list(Position), ids=lambda p: p.value)
    def test_only_with_a_step_on_the_floor(
        self, render: Render, position: Position
    ) -> None:
        """How to get down and up is shown when, and only when, a step is there."""
        step = attrs.evolve(STANDING, id="step", position=position)
        handout = flat(render(routine_of(STANDING, step)))
        shown = handout.count(TO_THE_FLOOR.heading)
        assert (1 if position in FLOOR else 0) == shown

    @pytest.mark.parametrize("render", RENDERERS)
    def test_once_before_the_exercises(self, render: Render) -> None:
        """Said once, before the first exercise, however many steps are down."""
        routine = golden_routine()
        handout = flat(render(routine))
        assert 1 == handout.count(TO_THE_FLOOR.heading)
        first = person_name(routine.steps[0].exercise)
        assert handout.index(TO_THE_FLOOR.heading) < handout.index(f"1. {first}")
        for step in (*TO_THE_FLOOR.down, *TO_THE_FLOOR.up):
            assert step in handout

    @pytest.mark.parametrize("render", RENDERERS)
    def test_exercise(self, render: Render) -> None:
        """An exercise on the floor says how to get down; one standing does not."""
        assert TO_THE_FLOOR.heading in flat(render(KNEE_ROCK))
        assert TO_THE_FLOOR.heading not in flat(render(STANDING))

    @pytest.mark.parametrize("render", RENDERERS)
    def test_after_back_surgery(self, render: Render) -> None:
        """After back surgery, no kneeling: on and off a bed by a log roll."""
        routine = routine_of(KNEE_ROCK, conditions=[Condition.RECENT_BACK_SURGERY])
        handout = flat(render(routine))
        assert TO_THE_FLOOR.heading not in handout
        assert ONTO_THE_BED.heading in handout
        bed = " ".join((ONTO_THE_BED.lead, *ONTO_THE_BED.down, *ONTO_THE_BED.up))
        assert "on one knee" not in bed
        assert "hands and knees" not in bed


class TestTimes:
    @pytest.mark.parametrize("render", RENDERERS)
    def test_total_follows_the_steps(self, render: Render) -> None:
        """Edit a routine's steps and its total time changes with them."""
        routine = golden_routine()
        edited = attrs.evolve(routine, steps=routine.steps[:2])
        before, after = estimate_duration(routine), estimate_duration(edited)
        assert before != after
        assert f"Takes: {duration_text(before)} " in flat(render(routine))
        assert f"Takes: {duration_text(after)} " in flat(render(edited))
        assert f"Takes: {duration_text(before)} " not in flat(render(edited))

    @pytest.mark.parametrize("render", RENDERERS)
    def test_never_read_from_notes(self, render: Render) -> None:
        """Stale figures in the notes are shown as they are, never as the time."""
        stale = "Planned to take about 7.98 minutes of the 8 minutes asked for."
        routine = attrs.evolve(golden_routine(), notes=[stale])
        handout = flat(render(routine))
        assert stale in handout
        assert f"Takes: {duration_text(estimate_duration(routine))} " in handout

    @pytest.mark.parametrize("render", RENDERERS)
    def test_each_step(self, render: Render) -> None:
        """Each step says how long it takes; the steps add up to the whole."""
        routine = golden_routine()
        seconds = step_seconds(routine, None)
        assert len(routine.steps) == len(seconds)
        assert estimate_duration(routine) == pytest.approx(sum(seconds))
        assert [
            duration_text(estimate_duration(routine)),
            *(duration_text(s, exact=False) for s in seconds),
        ] == said(render(routine), "Takes")


class TestGolden:
    @pytest.mark.parametrize(
        ("render", "name"),
        [
            pytest.param(to_markdown, "handout.md", id="markdown"),
            pytest.param(to_text, "handout.txt", id="text"),
        ],
    )
    def test_golden_handout(self, render: Render, name: str) -> None:
        """The golden routine renders as its file; regenerate.py rewrites it."""
        expected = (GOLDEN / name).read_text(encoding="utf-8")
        stale = f"tests/golden/{name} is out of date: run python tests/regenerate.py"
        assert expected == render(golden_routine()), stale

    @pytest.mark.parametrize("language", ["es", "de"])
    @pytest.mark.parametrize(
        ("render", "suffix"),
        [
            pytest.param(to_markdown, "md", id="markdown"),
            pytest.param(to_text, "txt", id="text"),
        ],
    )
    def test_golden_handout_in_another_language(
        self, render: Render, suffix: str, language: str
    ) -> None:
        """A routine planned in Spanish or German renders as its file.

        The files were read as a person would read them; regenerate.py
        rewrites them after a deliberate change to the words.
        """
        name = f"handout.{language}.{suffix}"
        expected = (GOLDEN / name).read_text(encoding="utf-8")
        stale = f"tests/golden/{name} is out of date: run python tests/regenerate.py"
        assert expected == render(golden_plan(language)), stale


class TestForThePerson:
    """What a handout sends a person to, the rules of their conditions allow."""

    @pytest.mark.parametrize("render", RENDERERS)
    def test_no_version_the_conditions_rule_out(self, render: Render) -> None:
        """In pregnancy, one knee to the chest names no harder version.

        Its harder version hugs both knees into the bump, which the
        pregnancy rule leaves out, and the traffic light says to try it.
        """
        single = CATALOG["single-knee-to-chest"]
        double = CATALOG["double-knee-to-chest"]
        step = RoutineStep(exercise=single, sets=single.dosage.at_step(0))
        anyone = Routine(name="Knees", steps=[step], conditions=())
        pregnant = attrs.evolve(anyone, conditions=(Condition.PREGNANCY,))
        assert double.name in flat(render(anyone))
        assert double.name not in flat(render(pregnant))

    @pytest.mark.parametrize("render", RENDERERS)
    def test_lying_face_down_only_when_a_step_is(self, render: Render) -> None:
        """Getting down mentions the front only for a step done face down."""
        tilt = CATALOG["supine-posterior-pelvic-tilt"]
        sphinx = CATALOG["prone-on-elbows"]
        on_back = Routine(
            name="Back", steps=[RoutineStep(exercise=tilt, sets=tilt.dosage.at_step(0))]
        )
        face_down = attrs.evolve(
            on_back,
            steps=(
                *on_back.steps,
                RoutineStep(exercise=sphinx, sets=sphinx.dosage.at_step(0)),
            ),
        )
        assert "onto your front" not in flat(render(on_back))
        assert "onto your front" in flat(render(face_down))
