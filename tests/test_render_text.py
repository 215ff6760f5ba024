import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from backroutine import (
    SEEK_HELP,
    Bias,
    BodyArea,
    Catalog,
    Caution,
    Condition,
    Dosage,
    Exercise,
    ExerciseSet,
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
    plan_routine,
    screen,
    to_text,
)
from backroutine._advice import SEE_SPECIALIST, STOP_RULE
from backroutine._facts import person_name
from backroutine._render_text import (
    exercise_list_text,
    exercise_text,
    routine_text,
    screening_text,
)
from backroutine._signs import SIGN_URGENCY, SIGN_WORDS, URGENCY_WORDS, signs_at
from backroutine._wrapping import WIDTH
from backroutine.testing import catalogs, exercises, paces, routines
from tests.helpers import (
    KNEE_ROCK,
    OSTEOPOROSIS_CAUTION,
    PREGNANCY_CAUTION,
    PRESS_UP,
    ROTATION,
    SPREADING_CAUTION,
    STENOSIS_CAUTION,
    emergency_words,
    one_line,
    planned,
    small_routine,
    tiers_shown,
    twist_routine,
)

SEEK_HELP_TEXT = """\
*** Seek help now **************************************************************
Stop, and call emergency services or go to an emergency department, if you have
any of these:
  - numbness or tingling around the genitals or buttocks
  - new trouble passing urine, or loss of bladder or bowel control
  - weakness or numbness in both legs
  - pain or tingling in both legs
  - a new loss of sexual function, such as trouble getting an erection
  - chest pain
  - back pain after a serious accident or fall
********************************************************************************
"""

ROUTINE_ADVICE_TEXT = """\
Stop rule:        Stop an exercise if it makes your pain worse, causes new pain,
                  or sends symptoms down a leg.
See a specialist: If your pain persists, gets worse, or spreads down a leg, see
                  a spine specialist or another health professional: lasting
                  pain can have a cause that needs checking.
"""

FEEL_TEXT = """\
How it should feel
  You should feel a gentle stretch, or your muscles working, but not pain. Mild
  discomfort that eases soon after you stop is fine.

  Score your pain from 0 (none) to 10 (the worst you can imagine) while you
  exercise, soon after you finish, and again the next morning, and let the score
  set your next session:
  - Green: Pain of 0 to 3 that settles soon after you finish. Carry on, and do a
    little more next time: hold a little longer first, then add a few reps. When
    an exercise feels easy, try its harder version.
  - Amber: Pain of 4 or 5, or pain that has not settled by the next morning. Do
    the same amount next time; do not add more yet.
  - Red: Pain of 6 or more, or pain that is worse the next day. Next time, go
    back a step (a shorter hold or fewer reps) or do the easier version. If this
    keeps happening, see a physiotherapist or your doctor.

  Whatever the colour, a warning sign comes first: stop and get help as the Seek
  help now box says, and see a professional if your pain persists, gets worse or
  spreads down a leg.
"""

FLOOR_TEXT = """\
Getting down to the floor and back up
  Take your time, and put your mat beside a sturdy chair, or the side of a bed,
  that you can lean on. If getting down to the floor is too hard, or it hurts,
  do the exercises that lie on your back, front or side on a firm bed instead.

  To get down:
    1. Stand beside the chair, hold it with one hand and step one foot back.
    2. Bend your knees and lower your back knee gently to the floor, then bring
       the other knee down beside it.
    3. Put your hands on the floor, so that you are on your hands and knees.
    4. To lie down, move your knees a little to one side, lower that hip to the
       floor, and let yourself down onto your side, taking your weight on your
       arms.
    5. Bend your knees and roll onto your back, or onto your front, moving your
       shoulders and hips together.
  To get up:
    1. Bend your knees and roll onto your side, moving your shoulders and hips
       together.
    2. Push yourself up with your arms onto your hands and knees.
    3. Move next to the chair and put both hands on its seat.
    4. Bring one foot forward, flat on the floor, so that you are kneeling on
       one knee.
    5. Push up through your front leg, helped by your arms, to stand. Stand
       still for a moment before you walk, in case you feel light-headed.
"""

PRESS_UP_TEXT = f"""\
Press-up lying face down (Spine press-up, or prone press-up)
============================================================
id: spine-press-up

Lying face down, you press your upper body up on your hands while your hips stay
on the floor, gently bending the lower back backwards to undo the forward-bent
posture of long sitting or bending.

Position:       lying face down
Works:          lower spine, front of the hips and stomach muscles
Movement:       arching backwards
Suits:          in the middle of the day or after sitting for a long time
How much:       8 to 10 reps, hold 3 to 5 seconds
How often:      once a day, every day
You need:       nothing
Level:          beginner
Easier version: Resting on your elbows lying face down

{SEEK_HELP_TEXT}
{ROUTINE_ADVICE_TEXT}
{FEEL_TEXT}
{FLOOR_TEXT}
Steps
  1. Lie face down with your palms on the floor beneath your shoulders.
  2. Press your upper body up slowly, keeping your hips and pelvis on the floor.
  3. Hold for a few seconds with your lower back relaxed.
  4. Lower yourself slowly back down.

Why it helps
  - Eases the tightness that long sitting or bending forward leaves in the lower
    back.
  - Relieves compression in the lower back by bending it gently backwards.
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
  - Pregnancy: Lying face down presses on the bump: ease your back with cat-cow
    or a pelvic tilt on your hands and knees instead.
  - Pain spreading into a buttock or down a leg: Stop the exercise, and see a
    professional if it keeps happening.

Not planned for
  - Spinal stenosis: Bending backwards narrows the spinal canal and the spaces
    the nerves leave by, which can bring on symptoms; bending forwards usually
    eases them.
  - Spondylolisthesis: Bending backwards loads the back of the vertebra, where a
    slipped or cracked vertebra is weakest.
  - Facet joint pain: Bending backwards presses the small facet joints at the
    back of the spine together.
  - Pregnancy: Lying face down presses on the bump.
  - Recent back surgery: In the first weeks after back surgery, only small,
    gentle exercises are usually allowed: no bending forwards or backwards as
    far as you can, no twisting, no lifting and no kneeling, until the surgical
    team clears them.
"""


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


SMALL_ROUTINE_TEXT = f"""\
Before bed
==========
When:      before bed
Works:     lower back
Takes:     about 8 minutes (7 min 45 s)
How often: once a day, every day

{SEEK_HELP_TEXT}
{ROUTINE_ADVICE_TEXT}
Safety
  - Stop if it hurts.

{FEEL_TEXT}
{FLOOR_TEXT}
Exercises
  1. {person_name(ROTATION)}
     Position: lying on your back
     How much: 8 reps each side, hold 12 seconds, switching sides each time
     Takes:    about 4 minutes
     Note:     Eases the lower back before sleep.
     Steps:
       1. Lie on your back with your knees bent and your feet on the floor.
       2. Keeping both shoulders flat on the floor, slowly lower both knees to
          one side as far as is comfortable.
       3. Hold the stretch.
       4. Bring your knees back up to the middle.
       5. Repeat to the other side.
     Why it helps:
       - Makes the spine more mobile.
       - Brings more blood flow to the lower back.
       - Eases tightness in the lower back and hips.
       - Helps prevent the stiffness that comes from poor posture or sitting
         still for long.
     Cues:
       - Feel the stretch in the muscles and ligaments around your spine and
         hips; it helps them regain their natural range of motion.
       - Keep both shoulders on the floor and move slowly.

  2. {person_name(PRESS_UP)}
     Position:       lying face down
     Set 1:          10 reps, hold 5 seconds, then rest 30 seconds
     Set 2:          8 reps, hold 3 seconds
     Takes:          about 3 minutes
     Easier version: Resting on your elbows lying face down
     Steps:
       1. Lie face down with your palms on the floor beneath your shoulders.
       2. Press your upper body up slowly, keeping your hips and pelvis on the
          floor.
       3. Hold for a few seconds with your lower back relaxed.
       4. Lower yourself slowly back down.
     Why it helps:
       - Eases the tightness that long sitting or bending forward leaves in the
         lower back.
       - Relieves compression in the lower back by bending it gently backwards.
       - Makes the spine more flexible.
       - Can ease pressure on the discs and nerves of the lower back.
     Cues:
       - Let your arms do the work while your back and buttocks stay relaxed.
       - Press up only as far as is comfortable; a partial press-up is fine.
     Take care:
       - Spinal stenosis: Bending backwards may bring on your symptoms: ask a
         professional before you do this exercise.
       - Pain spreading down a leg: Stop the exercise.

Notes
  - Go gently.
"""


class TestRoutineText:
    def test_small_routine(self) -> None:
        """A routine renders exactly as a person reads it."""
        assert SMALL_ROUTINE_TEXT == routine_text(small_routine())

    def test_planned_routine(self) -> None:
        """Each step's exercise and note, the notes and the safety, each once.

        The seek-help sentence of the routine's safety is shown as the box.
        """
        routine = plan_routine(PlanRequest(time_of_day=TimeOfDay.BEDTIME, minutes=8))
        text = routine_text(routine)
        flat = " ".join(text.split())
        assert text.startswith(f"{routine.name}\n")
        for number, step in enumerate(routine.steps, start=1):
            assert f"\n  {number}. {person_name(step.exercise)}\n" in text
            assert step.note is not None
            assert step.note in flat
        assert SEEK_HELP in routine.safety
        for advice in (*routine.notes, *routine.safety):
            if advice != SEEK_HELP:
                assert (advice, 1) == (advice, flat.count(advice))
        assert SEEK_HELP not in flat
        assert "\nSafety\n" in text
        assert [] == [line for line in text.splitlines() if len(line) > WIDTH]

    def test_stop_rule_before_the_first_exercise(self) -> None:
        """The stop rule comes after the title block, before any exercise."""
        text = routine_text(small_routine())
        flat = " ".join(text.split())
        assert f"Stop rule: {STOP_RULE}" in flat
        assert flat.index(STOP_RULE) < flat.index(
            f"1. {small_routine().steps[0].exercise.name}"
        )
        assert text.index("\nTakes:") < text.index("\nStop rule:")

    def test_safety_before_the_first_exercise(self) -> None:
        """The routine's safety advice comes before the exercises, in order."""
        text = routine_text(small_routine())
        assert text.index("\nSafety\n") < text.index("\nExercises\n")

    def test_cautions_with_their_step(self) -> None:
        """A step lists its cautions, after its dose and before the next step.

        The routine is built by hand: its person's conditions are not known,
        so every caution is shown, under Take care.
        """
        routine = attrs.evolve(
            small_routine(), steps=list(reversed(small_routine().steps))
        )
        lines = routine_text(routine).splitlines()
        take_care = lines.index("     Take care:")
        assert [
            "       - Spinal stenosis: Bending backwards may bring on your symptoms: ask a",
            "         professional before you do this exercise.",
            f"       - {SPREADING_CAUTION.text}",
            "",
            f"  2. {person_name(ROTATION)}",
        ] == lines[take_care + 1 : take_care + 6]

    @given(routines())
    def test_every_caution_for_the_person_under_its_step(
        self, routine: Routine
    ) -> None:
        """Every caution that concerns the person is shown, whatever the routine."""
        flat = " ".join(routine_text(routine).split())
        for step in routine.steps:
            for caution in routine.cautions(step.exercise):
                assert " ".join(caution.text.split()) in flat

    def test_pace(self) -> None:
        """The total time follows the pace it is given."""
        slow = Pace(move_seconds=4, release_seconds=4)
        assert "Takes:     about 10 minutes (10 min 1 s)\n" in routine_text(
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
        """Without a time of day, targets, notes or safety, those are left out.

        The seek-help box, the stop rule, when to see a specialist, what to
        feel and the traffic light stay; standing, no floor section.
        """
        bare = Exercise(
            id="stand-tall",
            name="Stand tall",
            summary="Stand up straight.",
            instructions=["Stand tall and breathe out."],
            position=Position.STANDING,
            targets=[BodyArea.LOWER_BACK],
            bias=Bias.NEUTRAL,
            times=[],
            dosage=Dosage(sets=Span.exactly(1), reps=Span.exactly(1)),
        )
        routine = Routine(
            name="R", steps=[RoutineStep(exercise=bare, sets=[ExerciseSet(reps=1)])]
        )
        assert (
            "R\n=\nTakes:     14 seconds\n"
            "How often: once a day, every day if you can, and at least 3 days a "
            "week\n\n"
            f"{SEEK_HELP_TEXT}\n{ROUTINE_ADVICE_TEXT}\n{FEEL_TEXT}\n"
            "Exercises\n"
            "  1. Stand tall\n"
            "     Position: standing\n"
            "     How much: 1 slow rep\n"
            "     Takes:    14 seconds\n"
            "     Steps:\n"
            "       1. Stand tall and breathe out.\n"
        ) == routine_text(routine)

    def test_many_steps_align(self) -> None:
        """With ten steps or more, the numbers are right-aligned."""
        bare = attrs.evolve(PRESS_UP, cautions=())
        step = RoutineStep(exercise=bare, sets=[ExerciseSet(reps=1)])
        text = routine_text(Routine(name="R", steps=[step] * 10))
        name = person_name(PRESS_UP)
        assert f"\n   1. {name}\n" in text
        assert f"\n  10. {name}\n" in text
        assert re.search(r"\n      How much: +1 slow rep\n", text)
        assert "\n        1. " in text


def seek_help_box(text: str) -> str:
    """The seek-help box in *text*, from its top rule to its bottom rule."""
    top = text.index("\n*** Seek help now ***") + 1
    bottom = text.index("\n" + "*" * WIDTH + "\n", top) + WIDTH + 2
    return text[top:bottom]


class TestSeekHelpBox:
    @pytest.mark.parametrize(
        "value",
        [
            pytest.param(planned(), id="planned routine"),
            pytest.param(
                attrs.evolve(small_routine(), safety=()), id="routine without safety"
            ),
            pytest.param(default_catalog()["spine-press-up"], id="exercise"),
        ],
    )
    def test_every_emergency_sign_and_what_to_do(
        self, value: Routine | Exercise
    ) -> None:
        """The box says what to do, then lists each emergency sign in words."""
        box = seek_help_box(to_text(value))
        signs = [f"  - {words}" for words in emergency_words()]
        assert "Stop, and call emergency services" in box
        assert signs == [line for line in box.splitlines() if line.startswith("  - ")]

    @pytest.mark.parametrize(
        ("value", "first"),
        [
            pytest.param(small_routine(), "\nExercises\n", id="routine"),
            pytest.param(KNEE_ROCK, "\nSteps\n", id="exercise"),
        ],
    )
    def test_before_the_exercises(self, value: Routine | Exercise, first: str) -> None:
        """The box and the stop rule come before the exercises or the steps."""
        text = to_text(value)
        box = text.index(seek_help_box(text))
        assert box < text.index("\nStop rule:") < text.index(first)

    @given(routines())
    def test_every_routine(self, routine: Routine) -> None:
        """Any routine shows the box, the stop rule and when to see a specialist."""
        text = routine_text(routine)
        flat = one_line(text)
        assert seek_help_box(text) in text
        assert STOP_RULE in flat
        assert SEE_SPECIALIST in flat

    @given(exercises())
    def test_every_exercise(self, exercise: Exercise) -> None:
        """Any exercise shows the box and the stop rule."""
        text = exercise_text(exercise)
        assert seek_help_box(text) in text
        assert STOP_RULE in one_line(text)

    def test_said_once(self) -> None:
        """Advice the routine's safety holds as well is not shown twice."""
        routine = attrs.evolve(
            small_routine(), safety=[SEEK_HELP, SEE_SPECIALIST, STOP_RULE, "Go slow."]
        )
        text = routine_text(routine)
        flat = one_line(text)
        assert (1, 1, 1) == tuple(
            text.count(said)
            for said in ("\n*** Seek help now ", "\nStop rule:", "See a specialist:")
        )
        assert (0, 1, 1) == tuple(
            flat.count(said) for said in (SEEK_HELP, STOP_RULE, SEE_SPECIALIST)
        )
        assert "\nSafety\n  - Go slow.\n\nHow it should feel\n" in text


class TestCautionsForThePerson:
    def test_the_persons_conditions_first(self) -> None:
        """Cautions about the person's conditions come first, marked for them."""
        text = routine_text(twist_routine(Condition.OSTEOPOROSIS))
        twist = text[text.index("\n  1. ") : text.index("\n  2. ")]
        assert [
            "     For you:",
            f"       - {OSTEOPOROSIS_CAUTION.text}",
            "     Take care:",
            f"       - {SPREADING_CAUTION.text}",
        ] == twist.splitlines()[-4:]

    @pytest.mark.parametrize(
        ("conditions", "shown", "hidden"),
        [
            (
                (Condition.OSTEOPOROSIS,),
                [OSTEOPOROSIS_CAUTION, SPREADING_CAUTION],
                [PREGNANCY_CAUTION, STENOSIS_CAUTION],
            ),
            (
                (Condition.PREGNANCY, Condition.SPINAL_STENOSIS),
                [PREGNANCY_CAUTION, STENOSIS_CAUTION, SPREADING_CAUTION],
                [OSTEOPOROSIS_CAUTION],
            ),
            (
                (),
                [SPREADING_CAUTION],
                [OSTEOPOROSIS_CAUTION, PREGNANCY_CAUTION, STENOSIS_CAUTION],
            ),
        ],
        ids=["osteoporosis", "pregnancy and stenosis", "no conditions"],
    )
    def test_only_the_persons(
        self,
        conditions: tuple[Condition, ...],
        shown: list[Caution],
        hidden: list[Caution],
    ) -> None:
        """Cautions about other conditions are left out; general ones stay."""
        flat = one_line(routine_text(twist_routine(*conditions)))
        assert [] == [c.about for c in shown if one_line(c.text) not in flat]
        assert [] == [c.about for c in hidden if c.advice in flat]
        assert ("For you:" in flat) is bool(conditions)

    def test_an_exercise_keeps_all_its_cautions(self) -> None:
        """An exercise's own handout shows every caution it has."""
        flat = one_line(exercise_text(PRESS_UP))
        assert STENOSIS_CAUTION.text in flat
        assert SPREADING_CAUTION.text in flat


TIERS = [Urgency.EMERGENCY, Urgency.URGENT, Urgency.SEE_PROFESSIONAL]


def tier_heading(urgency: Urgency) -> str:
    """The line that heads a screening's signs of *urgency*."""
    return f"{URGENCY_WORDS[urgency].name.capitalize()}:"


class TestScreeningText:
    def test_every_tier(self) -> None:
        """Signs of every tier: each tier, most urgent first, its signs and action."""
        expected = """\
EMERGENCY: call emergency services now
======================================

Emergency:
  - numbness or tingling around the genitals or buttocks
  - chest pain
Call emergency services or go to an emergency department now; do not exercise.

Urgent:
  - a high temperature, or feeling hot and shivery
Get an urgent appointment with a doctor today, in person or by phone, before you
exercise.

See a professional:
  - pain that spreads down a leg, below the knee
See a physiotherapist, a spine specialist or your doctor.

Call emergency services or go to an emergency department now, and do not
exercise. With back pain, this can mean pressure on the nerves of the spine or
another problem that needs treatment straight away: numbness or tingling around
the genitals or buttocks and chest pain.
"""
        screening = screen(
            [
                WarningSign.PAIN_BELOW_KNEE,
                WarningSign.CHEST_PAIN,
                WarningSign.FEVER,
                WarningSign.SADDLE_NUMBNESS,
            ]
        )
        assert expected == screening_text(screening)

    @pytest.mark.parametrize("sign", list(WarningSign), ids=lambda s: s.value)
    def test_each_sign_alone(self, sign: WarningSign) -> None:
        """A sign alone is shown in words, under its tier, with what to do."""
        urgency = SIGN_URGENCY[sign]
        text = screening_text(screen([sign]))
        assert [
            (tier_heading(urgency), [SIGN_WORDS[sign]], URGENCY_WORDS[urgency].action)
        ] == tiers_shown(text)
        assert screen([sign]).advice in one_line(text)

    @given(st.lists(st.sampled_from(WarningSign), unique=True))
    def test_any_signs(self, signs: list[WarningSign]) -> None:
        """Any signs: every one in words, under its tier, tiers most urgent first."""
        screening = screen(signs)
        expected = [
            (
                tier_heading(urgency),
                [SIGN_WORDS[sign] for sign in signs_at(urgency) if sign in signs],
                URGENCY_WORDS[urgency].action,
            )
            for urgency in TIERS
            if any(SIGN_URGENCY[sign] is urgency for sign in signs)
        ]
        assert expected == tiers_shown(screening_text(screening))

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
