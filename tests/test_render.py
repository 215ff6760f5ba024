import string
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from backroutine import (
    Bias,
    BodyArea,
    Catalog,
    Caution,
    Condition,
    Cue,
    CueKind,
    Dosage,
    Equipment,
    Exercise,
    ExerciseSet,
    Hold,
    Laterality,
    Pace,
    PlanRequest,
    Position,
    Routine,
    RoutineStep,
    Span,
    TimeOfDay,
    Urgency,
    WarningSign,
    default_catalog,
    dumps,
    loads,
    plan_routine,
    screen,
    timeline,
    to_markdown,
    to_text,
)
from backroutine._advice import STOP_RULE
from backroutine._render import (
    _HANDOUT,
    WIDTH,
    _dose_fields,
    _exercise_facts,
    _md_escape,
    _md_list,
    _routine_facts,
    _step_fields,
    cue_line,
    dose_text,
    duration_text,
    exercise_list_text,
    exercise_text,
    routine_text,
    screening_text,
    timeline_text,
)
from backroutine.testing import catalogs, exercises, paces, routines

BASE = Dosage(sets=Span.exactly(1), reps=Span(8, 10), hold_seconds=Span(10, 15))

PRESS_UP_TEXT = """\
Spine press-up
==============
id: spine-press-up

Lying face down, you press your upper body up on your hands while your hips stay
on the floor, gently bending the lower back backwards to undo the forward-bent
posture of long sitting.

Position:    prone (lying face down)
Targets:     lumbar spine, hip flexors, abdominals
Bias:        extension (bending backwards)
Time of day: midday
Occasions:   after sitting
Dose:        1 set of 8 to 10 reps, hold 3 to 5 seconds
Equipment:   none
Difficulty:  beginner

Steps
  1. Lie face down with your palms on the floor beneath your shoulders.
  2. Press your upper body up slowly, keeping your hips and pelvis on the floor.
  3. Hold for a few seconds with your lower back relaxed.
  4. Lower yourself slowly back down.

Why it helps
  - Counters the forward-bent posture of sitting.
  - Relieves compression in the lower back through gentle extension of the
    spine.
  - Makes the spine more flexible.
  - Can ease pressure on the discs and nerves of the lower back.

Cues
  - Let your arms do the work while your back and buttocks stay relaxed.
  - Press up only as far as is comfortable; a partial press-up is fine.

Cautions
  - Spinal stenosis: Bending backwards narrows the spinal canal and may bring on
    your symptoms: ask a professional before you do this exercise.
  - Spondylolysis, spondylolisthesis or facet joint pain: Bending backwards
    loads the back of your spine and can make these worse: check with a
    professional before you do this exercise.
  - Pregnancy: Avoid exercises that have you lying face down, and ask your
    midwife or doctor for another way to ease your back.
  - Pain spreading into a buttock or down a leg: Stop the exercise, and see a
    professional if it keeps happening.
"""


def dosage(**changes: Any) -> Dosage:
    return attrs.evolve(BASE, **changes)


class TestDoseText:
    def test_bilateral(self) -> None:
        """Reps on both sides at once read as a plain count."""
        assert "1 set of 10 to 15 reps, hold 3 to 5 seconds" == dose_text(
            dosage(reps=Span(10, 15), hold_seconds=Span(3, 5))
        )

    def test_alternating(self) -> None:
        """Alternating reps count per side and say that they alternate."""
        assert (
            "1 set of 8 to 10 reps each side, alternating, hold 10 to 15 seconds"
            == dose_text(dosage(laterality=Laterality.ALTERNATING))
        )

    def test_each_side(self) -> None:
        """Reps on each side in turn count per side, one side at a time."""
        assert (
            "1 set of 8 to 10 reps each side, one side at a time, "
            "hold 10 to 15 seconds"
            == dose_text(dosage(laterality=Laterality.EACH_SIDE))
        )

    @pytest.mark.parametrize("side", [Laterality.LEFT, Laterality.RIGHT])
    def test_one_side(self, side: Laterality) -> None:
        """A set on one side only names the side."""
        assert (
            f"1 set of 8 to 10 reps, {side.value} side only, hold 10 to 15 seconds"
            == dose_text(dosage(laterality=side))
        )

    def test_moving(self) -> None:
        """A moving exercise has no hold."""
        assert "2 to 3 sets of 12 reps" == dose_text(
            dosage(sets=Span(2, 3), reps=Span.exactly(12), hold_seconds=None)
        )

    def test_singular(self) -> None:
        """Exactly one of a thing is singular."""
        assert "1 set of 1 rep, hold 1 second" == dose_text(
            dosage(reps=Span.exactly(1), hold_seconds=Span.exactly(1))
        )

    def test_rest_between_sets(self) -> None:
        """Rest is given between sets, and only where there is more than one."""
        assert "3 sets of 8 to 10 reps, rest 30 seconds between sets" == dose_text(
            dosage(sets=Span.exactly(3), hold_seconds=None, rest_seconds=30)
        )
        assert "1 set of 8 to 10 reps" == dose_text(
            dosage(hold_seconds=None, rest_seconds=30)
        )


class TestExerciseText:
    @given(exercises())
    def test_deterministic(self, exercise: Exercise) -> None:
        """The same exercise always renders to the same text."""
        assert exercise_text(exercise) == exercise_text(exercise)

    @given(exercises())
    def test_fits_the_width(self, exercise: Exercise) -> None:
        """No line is wider than 80 characters, whatever the exercise."""
        lines = exercise_text(exercise).splitlines()
        assert [] == [line for line in lines if len(line) > WIDTH]

    def test_press_up(self) -> None:
        """The spine press-up renders exactly as a person reads it."""
        actual = exercise_text(default_catalog()["spine-press-up"])
        assert PRESS_UP_TEXT == actual


class TestExerciseListText:
    @given(catalogs())
    def test_fits_the_width_and_names_every_id(self, catalog: Catalog) -> None:
        """Every id is listed and no line is wider than 80 characters."""
        text = exercise_list_text(catalog)
        assert [] == [line for line in text.splitlines() if len(line) > WIDTH]
        for exercise in catalog:
            assert exercise.id in text

    def test_empty(self) -> None:
        """An empty catalog says so."""
        assert "No exercises.\n" == exercise_list_text(Catalog())


# The built-in exercises with cautions of the tests' own, so that the texts
# below do not change whenever the catalog's wording does.
ROTATION = attrs.evolve(default_catalog()["supine-lower-trunk-rotation"], cautions=())
STENOSIS_CAUTION = Caution(
    about="spinal stenosis",
    advice="Bending backwards may bring on your symptoms: ask a professional "
    "before you do this exercise.",
    conditions=[Condition.SPINAL_STENOSIS],
)
SPREADING_CAUTION = Caution(
    about="pain spreading down a leg", advice="Stop the exercise."
)
PRESS_UP = attrs.evolve(
    default_catalog()["spine-press-up"],
    cautions=[STENOSIS_CAUTION, SPREADING_CAUTION],
)

SMALL_ROUTINE_TEXT = """\
Before bed
==========
Time of day: bedtime
Targets:     lower back
Total time:  about 8 minutes (7 min 42 s)

Stop rule: Stop an exercise if it makes your pain worse, causes new pain, or
           sends symptoms down a leg.

Safety
  - Stop if it hurts.

Exercises
  1. Supine lower trunk rotation
     Position: supine (lying on your back)
     Dose:     1 set of 8 reps each side, alternating, hold 12 seconds
     Note:     Eases the lower back before sleep.

  2. Spine press-up
     Position: prone (lying face down)
     Set 1:    10 reps, hold 5 seconds, then rest 30 seconds
     Set 2:    8 reps, hold 3 seconds
     Take care:
       - Spinal stenosis: Bending backwards may bring on your symptoms: ask a
         professional before you do this exercise.
       - Pain spreading down a leg: Stop the exercise.

Notes
  - Go gently.
"""


def alternating(reps: int, hold: int) -> ExerciseSet:
    return ExerciseSet(reps=reps, hold=Hold(hold), laterality=Laterality.ALTERNATING)


def small_routine() -> Routine:
    return Routine(
        name="Before bed",
        time_of_day=TimeOfDay.BEDTIME,
        targets=[BodyArea.LOWER_BACK],
        steps=[
            RoutineStep(
                exercise=ROTATION,
                sets=[alternating(8, 12)],
                note="Eases the lower back before sleep.",
            ),
            RoutineStep(
                exercise=PRESS_UP,
                sets=[
                    ExerciseSet(reps=10, hold=Hold(5), rest_after_seconds=30),
                    ExerciseSet(reps=8, hold=Hold(3)),
                ],
            ),
        ],
        notes=["Go gently."],
        safety=["Stop if it hurts."],
    )


class TestRoutineText:
    def test_small_routine(self) -> None:
        """A routine renders exactly as a person reads it."""
        assert SMALL_ROUTINE_TEXT == routine_text(small_routine())

    def test_planned_routine(self) -> None:
        """Each step's exercise and note, the notes and the safety are all there."""
        routine = plan_routine(PlanRequest(time_of_day=TimeOfDay.BEDTIME, minutes=8))
        text = routine_text(routine)
        flat = " ".join(text.split())
        assert text.startswith(f"{routine.name}\n")
        for number, step in enumerate(routine.steps, start=1):
            assert f"\n  {number}. {step.exercise.name}\n" in text
            assert step.note is not None
            assert step.note in flat
        for advice in (*routine.notes, *routine.safety):
            assert advice in flat
        assert "\nSafety\n" in text
        assert [] == [line for line in text.splitlines() if len(line) > WIDTH]

    def test_stop_rule_before_the_first_exercise(self) -> None:
        """The stop rule comes after the title block, before any exercise."""
        text = routine_text(small_routine())
        flat = " ".join(text.split())
        assert f"Stop rule: {STOP_RULE}" in flat
        assert flat.index(STOP_RULE) < flat.index(ROTATION.name)
        assert text.index("\nTotal time:") < text.index("\nStop rule:")

    def test_safety_before_the_first_exercise(self) -> None:
        """The routine's safety advice comes before the exercises, in order."""
        text = routine_text(small_routine())
        assert text.index("\nSafety\n") < text.index("\nExercises\n")

    def test_cautions_with_their_step(self) -> None:
        """A step lists its exercise's cautions, after its dose and before the next."""
        routine = attrs.evolve(
            small_routine(), steps=list(reversed(small_routine().steps))
        )
        text = routine_text(routine)
        lines = text.splitlines()
        take_care = lines.index("     Take care:")
        assert [
            f"       - {SPREADING_CAUTION.text}",
            "",
            "  2. Supine lower trunk rotation",
        ] == lines[take_care + 3 : take_care + 6]
        flat = " ".join(text.split())
        assert STENOSIS_CAUTION.text in flat
        assert 1 == text.count("Take care:")

    @given(routines())
    def test_every_caution_under_its_step(self, routine: Routine) -> None:
        """Every caution of every step is shown, whatever the routine."""
        flat = " ".join(routine_text(routine).split())
        for step in routine.steps:
            for caution in step.exercise.cautions:
                assert " ".join(caution.text.split()) in flat

    def test_pace(self) -> None:
        """The total time follows the pace it is given."""
        slow = Pace(move_seconds=4, release_seconds=4)
        assert "Total time:  about 10 minutes (9 min 58 s)\n" in routine_text(
            small_routine(), slow
        )

    @given(routines())
    def test_deterministic(self, routine: Routine) -> None:
        """The same routine always renders to the same text."""
        assert routine_text(routine) == routine_text(routine)

    @given(routines(), paces())
    def test_fits_the_width(self, routine: Routine, pace: Pace) -> None:
        """No line is wider than 80 characters, whatever the routine."""
        lines = routine_text(routine, pace).splitlines()
        assert [] == [line for line in lines if len(line) > WIDTH]

    @given(routines())
    def test_names_every_step(self, routine: Routine) -> None:
        """Every step's exercise name and note appear, whatever the routine."""
        flat = " ".join(routine_text(routine).split())
        for step in routine.steps:
            assert " ".join(step.exercise.name.split()) in flat
            if step.note is not None:
                assert " ".join(step.note.split()) in flat

    def test_without_optional_parts(self) -> None:
        """Without a time of day, targets, notes or safety, those are left out."""
        bare = attrs.evolve(PRESS_UP, cautions=())
        routine = Routine(
            name="R", steps=[RoutineStep(exercise=bare, sets=[ExerciseSet(reps=1)])]
        )
        assert (
            "R\n=\nTotal time: 14 seconds\n\n"
            "Stop rule: Stop an exercise if it makes your pain worse, causes new "
            "pain, or\n           sends symptoms down a leg.\n\n"
            "Exercises\n"
            "  1. Spine press-up\n"
            "     Position: prone (lying face down)\n"
            "     Dose:     1 set of 1 rep\n"
        ) == routine_text(routine)

    def test_many_steps_align(self) -> None:
        """With ten steps or more, the numbers are right-aligned."""
        bare = attrs.evolve(PRESS_UP, cautions=())
        step = RoutineStep(exercise=bare, sets=[ExerciseSet(reps=1)])
        text = routine_text(Routine(name="R", steps=[step] * 10))
        assert "\n   1. Spine press-up\n" in text
        assert "\n  10. Spine press-up\n" in text
        assert "\n      Dose:     1 set of 1 rep\n" in text


class TestStepDose:
    def test_alike_sets(self) -> None:
        """Alike sets read as one dose, with the rest between them."""
        sets = (
            ExerciseSet(reps=10, hold=Hold(5), rest_after_seconds=30),
            ExerciseSet(reps=10, hold=Hold(5)),
        )
        expected = "2 sets of 10 reps, hold 5 seconds, rest 30 seconds between sets"
        assert [("Dose", expected)] == _dose_fields(sets)

    def test_per_side(self) -> None:
        """Per-side reps count on each side."""
        expected = "1 set of 8 reps each side, alternating, hold 10 seconds"
        assert [("Dose", expected)] == _dose_fields((alternating(8, 10),))

    def test_rest_after_the_last_set(self) -> None:
        """A rest after the last set is said, after the sets."""
        sets = (ExerciseSet(reps=3, rest_after_seconds=1),) * 2
        expected = "2 sets of 3 reps, rest 1 second between sets, then rest 1 second"
        assert [("Dose", expected)] == _dose_fields(sets)

    def test_sets_that_differ(self) -> None:
        """Sets that differ in reps, hold, sides or rest get a line each."""
        sets = (
            ExerciseSet(reps=3, rest_after_seconds=10),
            ExerciseSet(reps=3, rest_after_seconds=20),
            ExerciseSet(reps=3, laterality=Laterality.LEFT),
        )
        assert [
            ("Set 1", "3 reps, then rest 10 seconds"),
            ("Set 2", "3 reps, then rest 20 seconds"),
            ("Set 3", "3 reps, left side only"),
        ] == _dose_fields(sets)


class TestDurationText:
    @pytest.mark.parametrize(
        ("seconds", "expected"),
        [
            (0, "0 seconds"),
            (1, "1 second"),
            (44.4, "44 seconds"),
            (59.5, "1 minute"),
            (480, "8 minutes"),
            (479, "about 8 minutes (7 min 59 s)"),
            (449, "about 7 minutes (7 min 29 s)"),
            (90, "about 2 minutes (1 min 30 s)"),
            (3600, "60 minutes"),
            (3725, "about 62 minutes (1 h 2 min 5 s)"),
        ],
    )
    def test_duration(self, seconds: float, expected: str) -> None:
        """Durations read to the nearest second, with whole minutes approximate."""
        assert expected == duration_text(seconds)


def cue(start: float, text: str = "Hold for 5 seconds.") -> Cue:
    return Cue(start_seconds=start, seconds=5, kind=CueKind.HOLD, text=text)


class TestCueLine:
    @pytest.mark.parametrize(
        ("start", "clock"),
        [
            (0, "00:00"),
            (65, "01:05"),
            (59.9, "00:59"),
            (599, "09:59"),
            (3599, "59:59"),
            (3600, "1:00:00"),
            (3725, "1:02:05"),
            (36_000, "10:00:00"),
        ],
    )
    def test_clock(self, start: float, clock: str) -> None:
        """The start reads as mm:ss, or h:mm:ss from an hour, in whole seconds."""
        assert f"{clock}  Hold for 5 seconds." == cue_line(cue(start))

    def test_one_line(self) -> None:
        """Line breaks and runs of spaces in a cue's text become single spaces."""
        assert "00:10  Rest, then go." == cue_line(cue(10, "Rest,\n  then\tgo."))


class TestTimelineText:
    def test_one_line_per_cue(self) -> None:
        """Each cue gets a line, in order, from 00:00 to the done cue."""
        cues = timeline(small_routine())
        lines = timeline_text(cues).splitlines()
        assert [cue_line(c) for c in cues] == lines
        assert "00:00  Get ready for Supine lower trunk rotation." == lines[0][:49]
        assert "07:42  Done: well done." == lines[-1]

    def test_empty(self) -> None:
        """No cues, no text."""
        assert "" == timeline_text([])


class TestScreeningText:
    def test_emergency(self) -> None:
        """An emergency says to call emergency services and names its sign."""
        expected = """\
EMERGENCY: call emergency services now
======================================

Warning sign:
  - numbness around the genitals or buttocks

Call emergency services or go to an emergency department now, and do not
exercise. With back pain, this can mean pressure on the nerves of the spine or
another injury that needs treatment straight away: numbness around the genitals
or buttocks.
"""
        screening = screen([WarningSign.WORSENING_PAIN, WarningSign.SADDLE_NUMBNESS])
        assert Urgency.EMERGENCY is screening.urgency
        assert expected == screening_text(screening)

    def test_urgent(self) -> None:
        """An urgent screening says to see a doctor soon and lists its signs."""
        screening = screen([WarningSign.NIGHT_PAIN, WarningSign.FEVER])
        text = screening_text(screening)
        assert text.startswith(
            "URGENT: see a doctor soon\n=========================\n\n"
            "Warning signs:\n"
            "  - a fever or chills\n"
            "  - pain that is worse at night or not eased by rest\n\n"
        )
        assert screening.advice in " ".join(text.split())

    def test_see_professional(self) -> None:
        """A see-professional screening says so, with its sign and advice."""
        screening = screen([WarningSign.PAIN_BELOW_KNEE])
        text = screening_text(screening)
        assert text.startswith(
            "See a professional\n==================\n\n"
            "Warning sign:\n"
            "  - pain that spreads down a leg, below the knee\n\n"
        )
        assert screening.advice in " ".join(text.split())

    def test_none(self) -> None:
        """Without warning signs, it says so and gives the general advice."""
        expected = """\
No warning signs
================

No warning signs given. Exercise gently. Stop an exercise if it makes your pain
worse, causes new pain, or sends symptoms down a leg.
"""
        assert expected == screening_text(screen([]))

    @pytest.mark.parametrize("sign", list(WarningSign), ids=lambda s: s.value)
    def test_every_sign_fits_the_width(self, sign: WarningSign) -> None:
        """Each sign's screening names it in words within 80 columns."""
        text = screening_text(screen([sign]))
        assert [] == [line for line in text.splitlines() if len(line) > WIDTH]
        assert text.endswith("\n")

    def test_all_signs_fit_the_width(self) -> None:
        """Even every sign at once stays within 80 columns."""
        text = screening_text(screen(list(WarningSign)))
        assert [] == [line for line in text.splitlines() if len(line) > WIDTH]


class TestHandoutDose:
    def test_issue_example(self) -> None:
        """A handout words alike sets as "2 sets of 10, hold 5 seconds, each side"."""
        each_side = ExerciseSet(reps=10, hold=Hold(5), laterality=Laterality.EACH_SIDE)
        expected = "2 sets of 10, hold 5 seconds, each side"
        assert [("Dose", expected)] == _dose_fields((each_side,) * 2, _HANDOUT)

    def test_alternating(self) -> None:
        """Alternating sides come last, after the hold."""
        expected = "1 set of 8, hold 10 seconds, each side, alternating"
        assert [("Dose", expected)] == _dose_fields((alternating(8, 10),), _HANDOUT)

    def test_one_side_and_rest(self) -> None:
        """One side is named after the hold, then the rest between sets."""
        left = ExerciseSet(reps=6, laterality=Laterality.LEFT, rest_after_seconds=20)
        expected = (
            "3 sets of 6, left side only, rest 20 seconds between sets, "
            "then rest 20 seconds"
        )
        assert [("Dose", expected)] == _dose_fields((left,) * 3, _HANDOUT)

    def test_single_rep(self) -> None:
        """A single rep keeps its unit: "1 set of 1 rep", not "1 set of 1"."""
        once = ExerciseSet(reps=1, hold=Hold(30))
        expected = "1 set of 1 rep, hold 30 seconds"
        assert [("Dose", expected)] == _dose_fields((once,), _HANDOUT)

    def test_sets_that_differ(self) -> None:
        """Sets that differ get a line each, with their reps counted in words."""
        sets = (
            ExerciseSet(reps=10, hold=Hold(5), rest_after_seconds=30),
            ExerciseSet(reps=8, hold=Hold(3), laterality=Laterality.EACH_SIDE),
        )
        assert [
            ("Set 1", "10 reps, hold 5 seconds, then rest 30 seconds"),
            ("Set 2", "8 reps, hold 3 seconds, each side"),
        ] == _dose_fields(sets, _HANDOUT)


class TestMarkdownEscape:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("*bold*", r"\*bold\*"),
            ("_it_ a_b", r"\_it\_ a\_b"),
            ("1. x", r"1\. x"),
            ("12) x", r"12\) x"),
            ("# not a heading #", r"\# not a heading \#"),
            ("> not a quote", r"\> not a quote"),
            ("- not + a list", r"\- not \+ a list"),
            ("===", r"\==="),
            ("`code` [link](url) <b>", r"\`code\` \[link\](url) \<b>"),
            ("&amp; a|b ~~c~~ back\\slash", r"\&amp; a\|b \~\~c\~\~ back\\slash"),
            (
                "Child's pose (gently), knee-to-chest: 1.5 s!",
                "Child's pose (gently), knee-to-chest: 1.5 s!",
            ),
        ],
    )
    def test_escapes(self, text: str, expected: str) -> None:
        """Characters Markdown reads as markup get a backslash; others stay."""
        assert expected == _md_escape(text)

    def test_whitespace(self) -> None:
        """Line breaks, tabs and runs of spaces become single spaces."""
        assert "a b c" == _md_escape("  a\n\t b   c \u2028")


def commonmark() -> MarkdownIt:
    """A CommonMark parser."""
    return MarkdownIt("commonmark")


def _literal(inline: Any) -> str:
    """What an inline token shows, with line breaks as spaces."""
    parts: list[str] = []
    for child in inline.children:
        if child.type in {"text", "text_special"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
    return "".join(parts)


def _check_markup(inline: Any) -> None:
    """Fail unless the only inline markup is a bold label ending with a colon."""
    children = [child.type for child in inline.children]
    markup = set(children) - {"text", "text_special", "softbreak"}
    assert markup <= {"strong_open", "strong_close"}, children
    for at, kind in enumerate(children):
        if kind == "strong_open":
            assert inline.children[at + 1].content.endswith(":")


def _kind(open_: list[str]) -> str:
    """The kind of block an inline token is in, from the blocks open around it."""
    if open_[-1].startswith("h"):
        return open_[-1]
    for container, kind in [
        ("ordered_list_open", "numbered"),
        ("bullet_list_open", "item"),
        ("blockquote_open", "quote"),
    ]:
        if container in open_:
            return kind
    return "paragraph"


def outline(markdown: str) -> list[tuple[str, str]]:
    """Each block of rendered *markdown* as (kind, the text it shows).

    The kind is a heading's tag (``h1``...), ``item`` or ``numbered`` for a
    list item, ``quote`` or ``paragraph``.  Inline markup other than a bold
    label ending with a colon fails the test: data must read literally.
    """
    blocks: list[tuple[str, str]] = []
    open_: list[str] = []
    for token in commonmark().parse(markdown):
        if token.nesting == 1:
            open_.append(token.tag if token.type == "heading_open" else token.type)
        elif token.nesting == -1:
            open_.pop()
        elif token.type == "inline":
            _check_markup(token)
            blocks.append((_kind(open_), _literal(token)))
    return blocks


def shown(text: str) -> str:
    """*text* as Markdown shows it: whitespace runs as spaces, NUL replaced."""
    return " ".join(text.split()).replace("\x00", "\ufffd")


def _exercise_outline(exercise: Exercise, level: int) -> list[tuple[str, str]]:
    heading = f"h{level}"
    blocks: list[tuple[str, str]] = []
    for title, kind, items in [
        ("Steps", "numbered", exercise.instructions),
        ("Why it helps", "item", exercise.benefits),
        ("Cues", "item", exercise.cues),
        ("Take care", "item", tuple(c.text for c in exercise.cautions)),
    ]:
        if items:
            blocks.append((heading, title))
            blocks += [(kind, shown(item)) for item in items]
    return blocks


def routine_outline(routine: Routine) -> list[tuple[str, str]]:
    """The blocks a routine's handout should show, from the routine alone."""
    blocks = [("h1", shown(routine.name))]
    blocks += [("item", f"{k}: {v}") for k, v in _routine_facts(routine, None)]
    blocks += [("h2", "Before you start"), ("quote", f"Stop rule: {STOP_RULE}")]
    blocks += [("item", shown(s)) for s in routine.safety if s != STOP_RULE]
    for number, step in enumerate(routine.steps, start=1):
        blocks.append(("h2", f"{number}. {shown(step.exercise.name)}"))
        fields = _step_fields(step, _HANDOUT)
        blocks += [("item", f"{label}: {shown(value)}") for label, value in fields]
        blocks += _exercise_outline(step.exercise, 3)
    if routine.notes:
        blocks.append(("h2", "Notes"))
        blocks += [("item", shown(note)) for note in routine.notes]
    return blocks


# Characters Markdown may read as markup, often, among any others.
_MARKUP_PRONE = st.text(
    st.one_of(
        st.sampled_from(string.punctuation + string.digits + " \n"),
        st.characters(exclude_characters="\x00", exclude_categories=["Cs"]),
    ),
    min_size=1,
    max_size=300,
)


class TestMarkdownEscapeRendered:
    @given(_MARKUP_PRONE)
    def test_paragraph_reads_literally(self, text: str) -> None:
        """Escaped text renders as one paragraph showing exactly the text."""
        assume(text.split())
        assert [("paragraph", shown(text))] == outline(_md_escape(text))

    @given(_MARKUP_PRONE)
    def test_wrapped_list_item_reads_literally(self, text: str) -> None:
        """Wrapped in a numbered list item, the text still shows as it is."""
        assume(text.split())
        markdown = "\n".join(_md_list([text], numbered=True))
        assert [("numbered", shown(text))] == outline(markdown)


# Hand-built, so that the expected handouts do not change with the catalog.
KNEE_ROCK = Exercise(
    id="knee-rock",
    name="Knee rock",
    summary="Rock your bent knees gently from side to side.",
    instructions=[
        "Lie on your back with your knees bent.",
        (
            "Let your knees sway slowly to one side, then the other, as far as "
            "is comfortable and no further."
        ),
    ],
    position=Position.SUPINE,
    targets=[BodyArea.LOWER_BACK, BodyArea.OBLIQUES],
    bias=Bias.ROTATION,
    times=[TimeOfDay.EVENING, TimeOfDay.BEDTIME],
    dosage=Dosage(
        sets=Span(1, 2),
        reps=Span(8, 10),
        hold_seconds=Span(3, 5),
        laterality=Laterality.EACH_SIDE,
        rest_seconds=30,
    ),
    benefits=["Loosens the lower back."],
    cues=["Keep both shoulders on the floor."],
    cautions=[Caution(about="sore hips", advice="Rock only a little way.")],
    equipment=[Equipment.MAT],
)
PRONE_REST = Exercise(
    id="prone-rest",
    name="Prone rest",
    summary="Lie face down and let your back settle.",
    instructions=["Lie face down with your arms by your sides and breathe slowly."],
    position=Position.PRONE,
    targets=[BodyArea.LOWER_BACK],
    bias=Bias.NEUTRAL,
    times=[],
    dosage=Dosage(
        sets=Span.exactly(1), reps=Span.exactly(1), hold_seconds=Span(30, 60)
    ),
)


def wind_down() -> Routine:
    """A two-step routine whose safety repeats the stop rule, as planned ones do."""
    rock = ExerciseSet(reps=10, hold=Hold(5), laterality=Laterality.EACH_SIDE)
    return Routine(
        name="Wind-down",
        time_of_day=TimeOfDay.BEDTIME,
        targets=[BodyArea.LOWER_BACK],
        steps=[
            RoutineStep(
                exercise=KNEE_ROCK,
                sets=[attrs.evolve(rock, rest_after_seconds=30), rock],
                note="Eases the lower back before sleep.",
            ),
            RoutineStep(
                exercise=PRONE_REST,
                sets=[
                    ExerciseSet(reps=1, hold=Hold(45), rest_after_seconds=15),
                    ExerciseSet(reps=1, hold=Hold(30)),
                ],
            ),
        ],
        notes=["Go gently."],
        safety=["Move slowly.", STOP_RULE],
    )


WIND_DOWN_MARKDOWN = """\
# Wind-down

- **Time of day:** bedtime
- **Targets:** lower back
- **Total time:** about 9 minutes (8 min 48 s)

## Before you start

> **Stop rule:** Stop an exercise if it makes your pain worse, causes new pain,
> or sends symptoms down a leg.

- Move slowly.

## 1. Knee rock

- **Position:** supine (lying on your back)
- **Dose:** 2 sets of 10, hold 5 seconds, each side, rest 30 seconds between
  sets
- **Note:** Eases the lower back before sleep.

### Steps

1. Lie on your back with your knees bent.
2. Let your knees sway slowly to one side, then the other, as far as is
   comfortable and no further.

### Why it helps

- Loosens the lower back.

### Cues

- Keep both shoulders on the floor.

### Take care

- Sore hips: Rock only a little way.

## 2. Prone rest

- **Position:** prone (lying face down)
- **Set 1:** 1 rep, hold 45 seconds, then rest 15 seconds
- **Set 2:** 1 rep, hold 30 seconds

### Steps

1. Lie face down with your arms by your sides and breathe slowly.

## Notes

- Go gently.
"""

KNEE_ROCK_MARKDOWN = """\
# Knee rock

Rock your bent knees gently from side to side.

- **Position:** supine (lying on your back)
- **Targets:** lower back, obliques
- **Bias:** rotation (twisting)
- **Time of day:** evening, bedtime
- **Dose:** 1 to 2 sets of 8 to 10, hold 3 to 5 seconds, each side, rest 30
  seconds between sets
- **Equipment:** mat
- **Difficulty:** beginner

## Steps

1. Lie on your back with your knees bent.
2. Let your knees sway slowly to one side, then the other, as far as is
   comfortable and no further.

## Why it helps

- Loosens the lower back.

## Cues

- Keep both shoulders on the floor.

## Take care

- Sore hips: Rock only a little way.
"""


def fits(markdown: str) -> list[str]:
    """The lines of *markdown* wider than 80 characters."""
    return [line for line in markdown.splitlines() if len(line) > WIDTH]


class TestToMarkdown:
    def test_routine(self) -> None:
        """A hand-built routine renders as exactly this handout."""
        assert WIND_DOWN_MARKDOWN == to_markdown(wind_down())

    def test_routine_reads_as_its_outline(self) -> None:
        """Parsed as CommonMark, the handout has the blocks it should."""
        assert routine_outline(wind_down()) == outline(to_markdown(wind_down()))

    def test_exercise(self) -> None:
        """An exercise alone has its summary and facts, then the same sections."""
        assert KNEE_ROCK_MARKDOWN == to_markdown(KNEE_ROCK)

    def test_without_optional_parts(self) -> None:
        """Without time of day, targets, safety, notes or note, those are left out."""
        routine = Routine(
            name="R",
            steps=[RoutineStep(exercise=PRONE_REST, sets=[ExerciseSet(reps=1)])],
        )
        assert (
            "# R\n\n"
            "- **Total time:** 14 seconds\n\n"
            "## Before you start\n\n"
            "> **Stop rule:** Stop an exercise if it makes your pain worse, "
            "causes new pain,\n> or sends symptoms down a leg.\n\n"
            "## 1. Prone rest\n\n"
            "- **Position:** prone (lying face down)\n"
            "- **Dose:** 1 set of 1 rep\n\n"
            "### Steps\n\n"
            f"1. {PRONE_REST.instructions[0]}\n"
        ) == to_markdown(routine)

    def test_pace(self) -> None:
        """The total time follows the pace it is given."""
        slow = Pace(move_seconds=4, release_seconds=4)
        fast, slower = to_markdown(wind_down()), to_markdown(wind_down(), pace=slow)
        assert "- **Total time:** about 9 minutes (8 min 48 s)\n" in fast
        assert "- **Total time:** about 12 minutes (11 min 36 s)\n" in slower

    def test_spine_press_up(self) -> None:
        """The built-in press-up has its numbered steps and dose in plain words."""
        exercise = default_catalog()["spine-press-up"]
        markdown = to_markdown(exercise)
        assert markdown.startswith("# Spine press-up\n\n")
        assert "\n- **Dose:** 1 set of 8 to 10, hold 3 to 5 seconds\n" in markdown
        flat = " ".join(markdown.split())
        for number, step in enumerate(exercise.instructions, start=1):
            assert f" {number}. {step} " in f"{flat} "
        assert "## Steps" in markdown
        assert "## Take care" in markdown

    def test_escapes_data(self) -> None:
        """Names and steps that look like Markdown are shown literally."""
        odd = attrs.evolve(
            KNEE_ROCK,
            name="*bold*",
            instructions=["1. x", "# not a heading", "see [this](https://a.b/c_d)"],
        )
        routine = attrs.evolve(
            wind_down(),
            name="<b>Hi</b>",
            steps=[RoutineStep(exercise=odd, sets=[ExerciseSet(reps=1)])],
        )
        markdown = to_markdown(routine)
        assert markdown.startswith("# \\<b>Hi\\</b>\n")
        assert "\n## 1. \\*bold\\*\n" in markdown
        assert "\n1. 1\\. x\n2. \\# not a heading\n" in markdown
        assert "\n3. see \\[this\\](https://a.b/c\\_d)\n" in markdown
        assert routine_outline(routine) == outline(markdown)

    def test_long_names(self) -> None:
        """A name too long for a heading line becomes a wrapped setext heading."""
        name = " ".join(["Stretch"] * 15)
        exercise = attrs.evolve(PRONE_REST, name=name)
        routine = Routine(
            name=name,
            steps=[RoutineStep(exercise=exercise, sets=[ExerciseSet(reps=1)])],
        )
        markdown = to_markdown(routine)
        assert [] == fits(markdown)
        assert markdown.startswith(f"{' '.join(['Stretch'] * 10)}\n")
        assert f"\n1\\. {' '.join(['Stretch'] * 9)}\n" in markdown
        assert routine_outline(routine) == outline(markdown)
        assert ("h1", name) == outline(to_markdown(exercise))[0]

    @given(routines())
    def test_deterministic(self, routine: Routine) -> None:
        """Equal routines, even built apart, give the same handout."""
        assert to_markdown(routine) == to_markdown(loads(dumps(routine), Routine))

    @given(exercises())
    def test_exercise_deterministic(self, exercise: Exercise) -> None:
        """Equal exercises, even built apart, give the same handout."""
        assert to_markdown(exercise) == to_markdown(loads(dumps(exercise), Exercise))

    @given(routines(), paces())
    def test_fits_the_width(self, routine: Routine, pace: Pace) -> None:
        """No line is wider than 80 characters, whatever the routine."""
        assert [] == fits(to_markdown(routine, pace=pace))

    @given(exercises())
    def test_exercise_fits_the_width(self, exercise: Exercise) -> None:
        """No line is wider than 80 characters, whatever the exercise."""
        assert [] == fits(to_markdown(exercise))

    @given(routines())
    def test_reads_literally(self, routine: Routine) -> None:
        """Parsed as CommonMark, any routine's handout shows its data as given."""
        assert routine_outline(routine) == outline(to_markdown(routine))

    @given(exercises())
    def test_exercise_reads_literally(self, exercise: Exercise) -> None:
        """Parsed as CommonMark, any exercise's handout shows its data as given."""
        facts = _exercise_facts(exercise, _HANDOUT)
        expected = [
            ("h1", shown(exercise.name)),
            ("paragraph", shown(exercise.summary)),
            *(("item", f"{label}: {value}") for label, value in facts),
            *_exercise_outline(exercise, 2),
        ]
        assert expected == outline(to_markdown(exercise))

    def test_planned_routine(self) -> None:
        """A planned routine's handout fits the width and reads as its outline."""
        routine = plan_routine(PlanRequest(time_of_day=TimeOfDay.BEDTIME, minutes=8))
        markdown = to_markdown(routine)
        assert [] == fits(markdown)
        assert routine_outline(routine) == outline(markdown)

    @pytest.mark.parametrize("value", [default_catalog(), "spine-press-up", None])
    def test_not_a_routine(self, value: object) -> None:
        """Anything but a routine or an exercise is a TypeError naming it."""
        with pytest.raises(TypeError) as caught:
            to_markdown(value)  # type: ignore[arg-type]
        assert str(caught.value).startswith(
            "to_markdown() takes a Routine or an Exercise (got "
        )
        assert f"of type {type(value).__name__})" in str(caught.value)


class TestToText:
    def test_routine(self) -> None:
        """A routine's text is the terminal text, at the pace given."""
        slow = Pace(move_seconds=4)
        assert routine_text(small_routine()) == to_text(small_routine())
        assert routine_text(small_routine(), slow) == to_text(
            small_routine(), pace=slow
        )

    def test_exercise(self) -> None:
        """An exercise's text is the terminal text."""
        assert exercise_text(KNEE_ROCK) == to_text(KNEE_ROCK)

    def test_not_a_routine(self) -> None:
        """Anything but a routine or an exercise is a TypeError naming it."""
        with pytest.raises(TypeError) as caught:
            to_text(default_catalog())  # type: ignore[arg-type]
        assert str(caught.value).startswith("to_text() takes a Routine or an Exercise")
        assert "of type Catalog)" in str(caught.value)
