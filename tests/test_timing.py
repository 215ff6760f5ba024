import math
import re
from collections import Counter
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from backroutine import (
    SEEK_HELP,
    Bias,
    BodyArea,
    Caution,
    Condition,
    Cue,
    CueKind,
    Dosage,
    Exercise,
    ExerciseSet,
    Hold,
    Laterality,
    Pace,
    Position,
    Routine,
    RoutineStep,
    Span,
    estimate_duration,
    timeline,
)
from backroutine._advice import SEE_SPECIALIST, STOP_RULE
from backroutine._model import MAX_NAME_LENGTH, MAX_TEXT_LENGTH
from backroutine.testing import paces, routines
from tests.helpers import (
    OSTEOPOROSIS_CAUTION,
    PREGNANCY_CAUTION,
    PRESS_UP,
    SPREADING_CAUTION,
    STENOSIS_CAUTION,
    TWIST,
    emergency_words,
    make_exercise,
    make_routine,
    planned,
    twist_routine,
)

# The worked examples use the default pace: get ready 10 s, move 2 s,
# release 2 s, switch side 5 s, change exercise 10 s, change position 10 s.


def named_exercise(
    exercise_id: str = "pelvic-tilt", position: Position = Position.SUPINE
) -> Exercise:
    """An exercise named after its id, whose first instruction is to lie down."""
    return make_exercise(
        id=exercise_id,
        name=exercise_id.replace("-", " ").capitalize(),
        summary="Gently moves the lower back.",
        instructions=["Lie on your back.", "Move slowly."],
        position=position,
        targets=[BodyArea.LOWER_BACK],
        bias=Bias.FLEXION,
        times=[],
        dosage=Dosage(sets=Span(1, 2), reps=Span(1, 10)),
    )


def one_set(**fields: Any) -> Routine:
    """A routine of one exercise done in one set made of *fields*."""
    return make_routine(
        RoutineStep(exercise=named_exercise(), sets=[ExerciseSet(**fields)])
    )


def shape(cues: tuple[Cue, ...]) -> list[tuple[CueKind, float, float]]:
    return [(cue.kind, cue.start_seconds, cue.seconds) for cue in cues]


def with_set(
    routine: Routine, step_index: int, set_index: int, **changes: Any
) -> Routine:
    """*routine* with one of its sets changed."""
    steps = list(routine.steps)
    step = steps[step_index]
    sets = list(step.sets)
    sets[set_index] = attrs.evolve(sets[set_index], **changes)
    steps[step_index] = attrs.evolve(step, sets=sets)
    return attrs.evolve(routine, steps=steps)


def pick_set(routine: Routine, data: st.DataObject) -> tuple[int, int]:
    """Draw the index of a step of *routine* and of one of its sets."""
    step_index = data.draw(st.integers(0, len(routine.steps) - 1))
    set_index = data.draw(st.integers(0, len(routine.steps[step_index].sets) - 1))
    return step_index, set_index


def ordered_pair(low: int, high: int) -> st.SearchStrategy[tuple[int, int]]:
    """Two different numbers from *low* to *high*, smaller first."""
    return st.integers(low, high - 1).flatmap(
        lambda first: st.tuples(st.just(first), st.integers(first + 1, high))
    )


class TestTimelineProperties:
    @given(routines(), paces())
    def test_contiguous_to_the_duration(self, routine: Routine, pace: Pace) -> None:
        """Cues run back to back from 0 to a zero-length done at the duration."""
        cues = timeline(routine, pace)

        assert 0.0 == cues[0].start_seconds
        # Exact equality: each cue starts where the one before ends, and the
        # duration adds up the same lengths in the same order.
        assert [cue.end_seconds for cue in cues[:-1]] == [
            cue.start_seconds for cue in cues[1:]
        ]
        assert (CueKind.DONE, estimate_duration(routine, pace), 0) == (
            cues[-1].kind,
            cues[-1].start_seconds,
            cues[-1].seconds,
        )
        assert [CueKind.DONE] == [cue.kind for cue in cues if cue.kind is CueKind.DONE]

    @given(routines(), paces())
    def test_cues_belong_to_their_step(self, routine: Routine, pace: Pace) -> None:
        """Each cue names the exercise, set and rep of its step, every rep cued."""
        cues = timeline(routine, pace)
        exercise_ids = {exercise.id for exercise in routine.exercises}
        starts = (CueKind.GET_READY, CueKind.NEXT_EXERCISE)
        counts = Counter(cue.kind for cue in cues)
        total_reps = sum(
            exercise_set.total_reps
            for step in routine.steps
            for exercise_set in step.sets
        )

        assert [None] == [cue.exercise_id for cue in cues if cue.exercise_id is None]
        assert set() == {cue.exercise_id for cue in cues[:-1]} - exercise_ids
        assert (len(routine.steps), total_reps, total_reps) == (
            counts[CueKind.GET_READY] + counts[CueKind.NEXT_EXERCISE],
            counts[CueKind.MOVE],
            counts[CueKind.RELEASE],
        )
        # Walk the steps in order: ids may repeat from one step to another.
        step_index = -1
        for cue in cues[:-1]:
            step_index += cue.kind in starts
            step = routine.steps[step_index]
            assert step.exercise.id == cue.exercise_id
            if cue.set_number is not None:
                assert True is (1 <= cue.set_number <= len(step.sets))
            if cue.rep_number is not None:
                assert cue.set_number is not None
                reps = step.sets[cue.set_number - 1].reps
                assert True is (1 <= cue.rep_number <= reps)

    @given(routines(), paces())
    def test_deterministic(self, routine: Routine, pace: Pace) -> None:
        """The same routine and pace give the same duration every time."""
        assert estimate_duration(routine, pace) == estimate_duration(routine, pace)

    # This test and the next change one set: short routines do (and are quick).
    @given(routines(max_steps=2), paces(), st.data())
    def test_grows_with_a_hold(
        self, routine: Routine, pace: Pace, data: st.DataObject
    ) -> None:
        """A longer hold in any set makes the routine longer."""
        step_index, set_index = pick_set(routine, data)
        short, long = data.draw(ordered_pair(1, 600))

        shorter = with_set(routine, step_index, set_index, hold=Hold(short))
        longer = with_set(routine, step_index, set_index, hold=Hold(long))

        assert True is (
            estimate_duration(shorter, pace) < estimate_duration(longer, pace)
        )

    @given(routines(max_steps=2), paces(), st.data())
    def test_grows_with_a_rep(
        self, routine: Routine, pace: Pace, data: st.DataObject
    ) -> None:
        """Adding a rep to a set with a hold makes the routine longer."""
        step_index, set_index = pick_set(routine, data)
        reps = data.draw(st.integers(1, 99))
        hold = Hold(data.draw(st.integers(1, 600)))

        before = with_set(routine, step_index, set_index, reps=reps, hold=hold)
        after = with_set(routine, step_index, set_index, reps=reps + 1, hold=hold)

        assert True is (
            estimate_duration(before, pace) < estimate_duration(after, pace)
        )


STARTS = (CueKind.GET_READY, CueKind.NEXT_EXERCISE)
"""The kinds of cue that start an exercise."""


class TestSafetyAndCautions:
    @pytest.mark.parametrize(
        "routine",
        [
            pytest.param(planned(), id="planned"),
            pytest.param(twist_routine(), id="hand-built"),
        ],
    )
    def test_first_cue_carries_the_seek_help_box(self, routine: Routine) -> None:
        """The first cue's safety has the box, the stop rule and the specialist."""
        first, *others = timeline(routine)
        assert SEEK_HELP in first.safety
        assert STOP_RULE in first.safety
        assert SEE_SPECIALIST in first.safety
        safety = " ".join(first.safety)
        assert [] == [words for words in emergency_words() if words not in safety]
        assert [] == [cue for cue in others if cue.safety]

    def test_first_cue_says_the_stop_rule(self) -> None:
        """The first cue's text, what a voice says, still has the stop rule."""
        assert STOP_RULE in timeline(twist_routine())[0].text

    @pytest.mark.parametrize(
        ("conditions", "twist", "press_up"),
        [
            (
                (Condition.OSTEOPOROSIS,),
                (OSTEOPOROSIS_CAUTION, SPREADING_CAUTION),
                (SPREADING_CAUTION,),
            ),
            (
                (Condition.SPINAL_STENOSIS, Condition.PREGNANCY),
                (PREGNANCY_CAUTION, SPREADING_CAUTION),
                (STENOSIS_CAUTION, SPREADING_CAUTION),
            ),
            ((), (SPREADING_CAUTION,), (SPREADING_CAUTION,)),
        ],
        ids=["osteoporosis", "stenosis and pregnancy", "no conditions"],
    )
    def test_cautions_for_the_person(
        self,
        conditions: tuple[Condition, ...],
        twist: tuple[Caution, ...],
        press_up: tuple[Caution, ...],
    ) -> None:
        """The cue that starts an exercise has its cautions for this person only."""
        cues = timeline(twist_routine(*conditions))
        assert [(TWIST.id, twist), (PRESS_UP.id, press_up)] == [
            (cue.exercise_id, cue.cautions) for cue in cues if cue.kind in STARTS
        ]
        assert [] == [cue for cue in cues if cue.kind not in STARTS and cue.cautions]

    def test_no_caution_in_a_cue_text(self) -> None:
        """Cautions are data beside the cue, never in the text a voice says."""
        all_conditions = twist_routine(*Condition)
        everyone = [*TWIST.cautions, *PRESS_UP.cautions]
        for cue in timeline(all_conditions):
            assert [] == [c.about for c in everyone if c.advice in cue.text]

    @given(routines(), paces())
    def test_every_step_starts_with_its_cautions(
        self, routine: Routine, pace: Pace
    ) -> None:
        """Whatever the routine, each step's first cue has its person's cautions."""
        cues = timeline(routine, pace)
        assert [routine.cautions(step.exercise) for step in routine.steps] == [
            cue.cautions for cue in cues if cue.kind in STARTS
        ]


class TestWorkedExamples:
    def test_bilateral_hold(self) -> None:
        """A bilateral set of 3 reps with a 5 s hold: move, hold, release each rep."""
        routine = one_set(reps=3, hold=Hold(5))
        tilt = "pelvic-tilt"
        # 10 to get ready, then 3 reps of 2 + 5 + 2 = 9 s: 10 + 3 * 9 = 37.
        expected = [
            (
                CueKind.GET_READY,
                0.0,
                10,
                f"Get ready for Pelvic tilt. {STOP_RULE} Lie on your back.",
                tilt,
                None,
                None,
            ),
            (CueKind.MOVE, 10.0, 2, "Rep 1 of 3: move into position.", tilt, 1, 1),
            (CueKind.HOLD, 12.0, 5, "Hold for 5 seconds.", tilt, 1, 1),
            (CueKind.RELEASE, 17.0, 2, "Release slowly.", tilt, 1, 1),
            (CueKind.MOVE, 19.0, 2, "Rep 2 of 3: move into position.", tilt, 1, 2),
            (CueKind.HOLD, 21.0, 5, "Hold for 5 seconds.", tilt, 1, 2),
            (CueKind.RELEASE, 26.0, 2, "Release slowly.", tilt, 1, 2),
            (CueKind.MOVE, 28.0, 2, "Rep 3 of 3: move into position.", tilt, 1, 3),
            (CueKind.HOLD, 30.0, 5, "Hold for 5 seconds.", tilt, 1, 3),
            (CueKind.RELEASE, 35.0, 2, "Release slowly.", tilt, 1, 3),
            (CueKind.DONE, 37.0, 0, "Done: well done.", None, None, None),
        ]

        assert 37.0 == estimate_duration(routine)
        assert expected == [
            (
                cue.kind,
                cue.start_seconds,
                cue.seconds,
                cue.text,
                cue.exercise_id,
                cue.set_number,
                cue.rep_number,
            )
            for cue in timeline(routine)
        ]

    def test_each_side(self) -> None:
        """Each side: all reps on the left, a switch, then all reps on the right."""
        routine = one_set(reps=2, hold=Hold(3), laterality=Laterality.EACH_SIDE)
        # 10 to get ready; a rep is 2 + 3 + 2 = 7 s; 2 reps a side, a 5 s
        # switch between: 10 + 2 * 7 + 5 + 2 * 7 = 43.
        expected = [
            (CueKind.GET_READY, 0.0, 10, None),
            (CueKind.MOVE, 10.0, 2, 1),
            (CueKind.HOLD, 12.0, 3, 1),
            (CueKind.RELEASE, 15.0, 2, 1),
            (CueKind.MOVE, 17.0, 2, 2),
            (CueKind.HOLD, 19.0, 3, 2),
            (CueKind.RELEASE, 22.0, 2, 2),
            (CueKind.SWITCH_SIDE, 24.0, 5, None),
            (CueKind.MOVE, 29.0, 2, 1),
            (CueKind.HOLD, 31.0, 3, 1),
            (CueKind.RELEASE, 34.0, 2, 1),
            (CueKind.MOVE, 36.0, 2, 2),
            (CueKind.HOLD, 38.0, 3, 2),
            (CueKind.RELEASE, 41.0, 2, 2),
            (CueKind.DONE, 43.0, 0, None),
        ]
        cues = timeline(routine)

        assert 43.0 == estimate_duration(routine)
        assert expected == [
            (cue.kind, cue.start_seconds, cue.seconds, cue.rep_number) for cue in cues
        ]
        assert [
            "Rep 1 of 2, left side: move into position.",
            "Rep 2 of 2, left side: move into position.",
            "Rep 1 of 2, right side: move into position.",
            "Rep 2 of 2, right side: move into position.",
        ] == [cue.text for cue in cues if cue.kind is CueKind.MOVE]

    def test_alternating(self) -> None:
        """Alternating: sides take turns rep by rep, with no switch cue."""
        routine = one_set(reps=2, laterality=Laterality.ALTERNATING)
        # 10 to get ready; a rep without a hold is 2 + 2 = 4 s, done 2 times
        # on each of 2 sides: 10 + 4 * 4 = 26.
        expected = [
            (CueKind.GET_READY, 0.0, 10, None),
            (CueKind.MOVE, 10.0, 2, 1),
            (CueKind.RELEASE, 12.0, 2, 1),
            (CueKind.MOVE, 14.0, 2, 1),
            (CueKind.RELEASE, 16.0, 2, 1),
            (CueKind.MOVE, 18.0, 2, 2),
            (CueKind.RELEASE, 20.0, 2, 2),
            (CueKind.MOVE, 22.0, 2, 2),
            (CueKind.RELEASE, 24.0, 2, 2),
            (CueKind.DONE, 26.0, 0, None),
        ]
        cues = timeline(routine)

        assert 26.0 == estimate_duration(routine)
        assert expected == [
            (cue.kind, cue.start_seconds, cue.seconds, cue.rep_number) for cue in cues
        ]
        assert [
            "Rep 1 of 2, left side: move into position.",
            "Rep 1 of 2, right side: move into position.",
            "Rep 2 of 2, left side: move into position.",
            "Rep 2 of 2, right side: move into position.",
        ] == [cue.text for cue in cues if cue.kind is CueKind.MOVE]

    @pytest.mark.parametrize(
        ("laterality", "side"),
        [(Laterality.LEFT, "left"), (Laterality.RIGHT, "right")],
    )
    def test_one_side(self, laterality: Laterality, side: str) -> None:
        """A one-sided set names its side and never switches."""
        routine = one_set(reps=2, laterality=laterality)
        # 10 to get ready, then 2 reps of 2 + 2 = 4 s: 10 + 8 = 18.
        cues = timeline(routine)

        assert 18.0 == estimate_duration(routine)
        assert [
            f"Rep 1 of 2, {side} side: move into position.",
            f"Rep 2 of 2, {side} side: move into position.",
        ] == [cue.text for cue in cues if cue.kind is CueKind.MOVE]
        assert [] == [cue for cue in cues if cue.kind is CueKind.SWITCH_SIDE]

    def test_moving_without_hold(self) -> None:
        """A moving set has a move then a release per rep, and no hold."""
        routine = one_set(reps=2)
        # 10 to get ready, then 2 reps of 2 + 2 = 4 s: 10 + 8 = 18.
        expected = [
            (CueKind.GET_READY, 0.0, 10),
            (CueKind.MOVE, 10.0, 2),
            (CueKind.RELEASE, 12.0, 2),
            (CueKind.MOVE, 14.0, 2),
            (CueKind.RELEASE, 16.0, 2),
            (CueKind.DONE, 18.0, 0),
        ]

        assert (18.0, expected) == (
            estimate_duration(routine),
            shape(timeline(routine)),
        )

    def test_rest_between_sets(self) -> None:
        """A set with rest after it is followed by a rest cue; one without is not."""
        routine = make_routine(
            RoutineStep(
                exercise=named_exercise(),
                sets=[
                    ExerciseSet(reps=1, rest_after_seconds=30),
                    ExerciseSet(reps=1, rest_after_seconds=0),
                ],
            )
        )
        # 10 to get ready, 1 rep of 2 + 2 = 4 s, 30 s rest, 1 more rep of
        # 4 s: 10 + 4 + 30 + 4 = 48.
        expected = [
            (CueKind.GET_READY, 0.0, 10, None),
            (CueKind.MOVE, 10.0, 2, 1),
            (CueKind.RELEASE, 12.0, 2, 1),
            (CueKind.REST, 14.0, 30, 1),
            (CueKind.MOVE, 44.0, 2, 2),
            (CueKind.RELEASE, 46.0, 2, 2),
            (CueKind.DONE, 48.0, 0, None),
        ]
        cues = timeline(routine)

        assert 48.0 == estimate_duration(routine)
        assert expected == [
            (cue.kind, cue.start_seconds, cue.seconds, cue.set_number) for cue in cues
        ]
        assert ["Rest for 30 seconds."] == [
            cue.text for cue in cues if cue.kind is CueKind.REST
        ]

    def test_no_rest(self) -> None:
        """Sets without rest follow each other with no rest cue."""
        routine = make_routine(
            RoutineStep(
                exercise=named_exercise(),
                sets=[ExerciseSet(reps=1), ExerciseSet(reps=1)],
            )
        )
        # 10 to get ready, then 2 sets of 1 rep of 2 + 2 = 4 s: 10 + 8 = 18.
        cues = timeline(routine)

        assert 18.0 == estimate_duration(routine)
        assert [] == [cue for cue in cues if cue.kind is CueKind.REST]

    @pytest.mark.parametrize(
        ("seconds", "expected"),
        [
            (1, ["Hold for 1 second.", "Rest for 1 second."]),
            (2, ["Hold for 2 seconds.", "Rest for 2 seconds."]),
        ],
    )
    def test_hold_and_rest_in_words(self, seconds: int, expected: list[str]) -> None:
        """A hold and a rest say their seconds in words that agree, one or more."""
        held = ExerciseSet(reps=1, hold=Hold(seconds), rest_after_seconds=seconds)
        routine = make_routine(
            RoutineStep(exercise=named_exercise(), sets=[held, ExerciseSet(reps=1)])
        )
        pauses = {CueKind.HOLD, CueKind.REST}
        assert expected == [cue.text for cue in timeline(routine) if cue.kind in pauses]

    @pytest.mark.parametrize(
        ("position", "change", "duration"),
        [
            # 10 to get ready, 1 rep of 4 s, 10 to change exercise, 1 rep of
            # 4 s: 10 + 4 + 10 + 4 = 28.
            (Position.SUPINE, 10, 28.0),
            # The same, plus 10 to change position: 28 + 10 = 38.
            (Position.PRONE, 20, 38.0),
        ],
    )
    def test_next_exercise(
        self, position: Position, change: float, duration: float
    ) -> None:
        """Changing exercise takes longer when the next one is in another position."""
        routine = make_routine(
            RoutineStep(exercise=named_exercise(), sets=[ExerciseSet(reps=1)]),
            RoutineStep(
                exercise=named_exercise("press-up", position),
                sets=[ExerciseSet(reps=1)],
            ),
        )
        cues = timeline(routine)
        changes = [cue for cue in cues if cue.kind is CueKind.NEXT_EXERCISE]

        assert duration == estimate_duration(routine)
        assert [(14.0, change, "press-up", "Next: Press up. Lie on your back.")] == [
            (cue.start_seconds, cue.seconds, cue.exercise_id, cue.text)
            for cue in changes
        ]

    def test_get_ready_first(self) -> None:
        """The first cue gets ready for the first exercise, naming it."""
        routine = make_routine(
            RoutineStep(exercise=named_exercise("cat-cow"), sets=[ExerciseSet(reps=1)]),
            RoutineStep(exercise=named_exercise(), sets=[ExerciseSet(reps=1)]),
        )
        first = timeline(routine)[0]

        assert (CueKind.GET_READY, 0.0, 10, "cat-cow", None, None) == (
            first.kind,
            first.start_seconds,
            first.seconds,
            first.exercise_id,
            first.set_number,
            first.rep_number,
        )
        assert first.text.startswith("Get ready for Cat cow.")

    def test_kind_counts(self) -> None:
        """A small routine has the expected number of cues of each kind."""
        routine = make_routine(
            RoutineStep(
                exercise=named_exercise(),
                sets=[
                    ExerciseSet(
                        reps=2,
                        hold=Hold(5),
                        laterality=Laterality.EACH_SIDE,
                        rest_after_seconds=20,
                    ),
                    ExerciseSet(reps=3),
                ],
            ),
            RoutineStep(
                exercise=named_exercise("press-up", Position.PRONE),
                sets=[
                    ExerciseSet(reps=1, hold=Hold(2), laterality=Laterality.ALTERNATING)
                ],
            ),
        )
        # Get ready 10; set 1: 2 reps a side of 2 + 5 + 2 = 9 s, a 5 s switch
        # and 20 s rest: 18 + 18 + 5 + 20 = 61; set 2: 3 reps of 4 s = 12;
        # change exercise and position 10 + 10 = 20; last set: 1 rep a side
        # of 2 + 2 + 2 = 6 s = 12.  10 + 61 + 12 + 20 + 12 = 115.
        expected = {
            CueKind.GET_READY: 1,
            CueKind.MOVE: 4 + 3 + 2,
            CueKind.HOLD: 4 + 0 + 2,
            CueKind.RELEASE: 4 + 3 + 2,
            CueKind.SWITCH_SIDE: 1,
            CueKind.REST: 1,
            CueKind.NEXT_EXERCISE: 1,
            CueKind.DONE: 1,
        }

        assert (115.0, expected) == (
            estimate_duration(routine),
            dict(Counter(cue.kind for cue in timeline(routine))),
        )

    def test_default_pace(self) -> None:
        """Without a pace, the default pace is used."""
        routine = one_set(reps=2, hold=Hold(3))
        pace = Pace(move_seconds=2.5)
        assert (timeline(routine, Pace()), timeline(routine, pace)) == (
            timeline(routine),
            timeline(routine, pace),
        )
        assert True is (estimate_duration(routine) < estimate_duration(routine, pace))

    def test_custom_pace(self) -> None:
        """A pace given replaces the default lengths, fractions included."""
        routine = one_set(reps=2, hold=Hold(3))
        pace = Pace(get_ready_seconds=5, move_seconds=1.5, release_seconds=2.5)
        # 5 to get ready, then 2 reps of 1.5 + 3 + 2.5 = 7 s: 5 + 14 = 19.
        expected = [
            (CueKind.GET_READY, 0.0, 5),
            (CueKind.MOVE, 5.0, 1.5),
            (CueKind.HOLD, 6.5, 3),
            (CueKind.RELEASE, 9.5, 2.5),
            (CueKind.MOVE, 12.0, 1.5),
            (CueKind.HOLD, 13.5, 3),
            (CueKind.RELEASE, 16.5, 2.5),
            (CueKind.DONE, 19.0, 0),
        ]

        assert (19.0, expected) == (
            estimate_duration(routine, pace),
            shape(timeline(routine, pace)),
        )


class TestLimits:
    def test_longer_than_a_day(self) -> None:
        """A valid routine longer than a day still has a timeline."""
        routine = one_set(reps=100, hold=Hold(600), laterality=Laterality.EACH_SIDE)
        # 10 to get ready, 2 * 100 reps of 2 + 600 + 2 = 604 s and a 5 s
        # switch: 10 + 120800 + 5 = 120815 s, more than a day.
        assert (120_815.0, 120_815.0) == (
            estimate_duration(routine),
            timeline(routine)[-1].start_seconds,
        )

    def test_longest_texts(self) -> None:
        """An exercise with the longest name and instruction still has cues."""
        exercise = attrs.evolve(
            named_exercise(),
            name="N" * MAX_NAME_LENGTH,
            instructions=["I" * MAX_TEXT_LENGTH],
        )
        routine = make_routine(
            RoutineStep(exercise=exercise, sets=[ExerciseSet(reps=1)]),
            RoutineStep(exercise=exercise, sets=[ExerciseSet(reps=1)]),
        )
        # 10 to get ready, 4 s rep, 10 to change, 4 s rep: 28.
        assert 28.0 == timeline(routine)[-1].start_seconds


FIELDS = [field.name for field in attrs.fields(Pace)]


class TestPace:
    def test_documented_defaults(self) -> None:
        """The defaults the docstring gives are the actual defaults."""
        documented = re.findall(
            r"(\w+_seconds): [^()]*\(default (\d+)\)", Pace.__doc__ or ""
        )

        assert {field.name: field.default for field in attrs.fields(Pace)} == {
            name: int(seconds) for name, seconds in documented
        }

    @pytest.mark.parametrize("field", FIELDS)
    @pytest.mark.parametrize("seconds", [0, 600, 2.5, 0.1, 600.0])
    def test_accepted(self, field: str, seconds: float) -> None:
        """Any number from 0 to 600 seconds, whole or not, is accepted."""
        assert seconds == getattr(Pace(**{field: seconds}), field)

    @pytest.mark.parametrize("field", FIELDS)
    @pytest.mark.parametrize(
        ("seconds", "error", "problem"),
        [
            (-1, ValueError, r"must be from 0 to 600 \(got -1\)"),
            (-0.5, ValueError, r"must be from 0 to 600 \(got -0.5\)"),
            (600.5, ValueError, r"must be from 0 to 600 \(got 600.5\)"),
            (601, ValueError, r"must be from 0 to 600 \(got 601\)"),
            (math.nan, ValueError, r"must be from 0 to 600 \(got nan\)"),
            (math.inf, ValueError, r"must be from 0 to 600 \(got inf\)"),
            (-math.inf, ValueError, r"must be from 0 to 600 \(got -inf\)"),
            ("2", TypeError, r"must be a number of seconds \(got '2'\)"),
            (True, TypeError, r"must be a number of seconds \(got True\)"),
            (None, TypeError, r"must be a number of seconds \(got None\)"),
        ],
    )
    def test_refused(
        self, field: str, seconds: Any, error: type[Exception], problem: str
    ) -> None:
        """Negative, huge, NaN, infinite and non-numbers are refused, naming the field."""
        with pytest.raises(error, match=f"^'{field}' {problem}$"):
            Pace(**{field: seconds})

    def test_rep_seconds(self) -> None:
        """A rep is the move, the hold if any, and the release."""
        pace = Pace(move_seconds=1.5, release_seconds=2)
        assert (3.5, 13.5) == (pace.rep_seconds(None), pace.rep_seconds(10))

    def test_change_seconds(self) -> None:
        """Changing position costs extra on top of changing exercise."""
        pace = Pace(change_exercise_seconds=7, change_position_seconds=3)
        supine = named_exercise()
        prone = named_exercise("press-up", Position.PRONE)
        assert (7, 10) == (
            pace.change_seconds(supine, named_exercise("knee-roll")),
            pace.change_seconds(supine, prone),
        )


class TestCue:
    def test_end_seconds(self) -> None:
        """A cue ends at its start plus its length."""
        cue = Cue(start_seconds=2.5, seconds=4, kind=CueKind.HOLD, text="Hold.")
        assert 6.5 == cue.end_seconds

    @pytest.mark.parametrize(
        ("fields", "error", "message"),
        [
            (
                {"start_seconds": -1},
                ValueError,
                r"^'start_seconds' must be a finite number of at least 0 \(got -1\)$",
            ),
            (
                {"start_seconds": -0.5},
                ValueError,
                r"^'start_seconds' must be a finite number of at least 0 \(got -0.5\)$",
            ),
            (
                {"seconds": math.nan},
                ValueError,
                r"^'seconds' must be a finite number of at least 0 \(got nan\)$",
            ),
            (
                {"start_seconds": "0"},
                TypeError,
                r"^'start_seconds' must be a number \(got '0'\)$",
            ),
        ],
    )
    def test_refused(
        self, fields: dict[str, Any], error: type[Exception], message: str
    ) -> None:
        """Negative, NaN and non-number times are refused, naming the field."""
        cue_fields: dict[str, Any] = {
            "start_seconds": 0.0,
            "seconds": 1,
            "kind": CueKind.MOVE,
            "text": "Move.",
            **fields,
        }
        with pytest.raises(error, match=message):
            Cue(**cue_fields)


class TestSetsSeconds:
    @given(
        paces(),
        st.tuples(
            st.integers(1, 4),
            st.integers(1, 12),
            st.none() | st.integers(1, 40),
            st.sampled_from(Laterality),
            st.integers(0, 60),
        ),
    )
    def test_agrees_with_the_timeline(
        self, pace: Pace, dose: tuple[int, int, int | None, Laterality, int]
    ) -> None:
        """The closed form the planner uses is the length of the timeline's cues."""
        sets, reps, hold, laterality, rest = dose
        exercise_sets = [
            ExerciseSet(
                reps=reps,
                hold=None if hold is None else Hold(hold),
                laterality=laterality,
                rest_after_seconds=rest if number < sets else 0,
            )
            for number in range(1, sets + 1)
        ]
        routine = make_routine(
            RoutineStep(exercise=named_exercise(), sets=exercise_sets)
        )
        timed = estimate_duration(routine, pace) - pace.get_ready_seconds
        closed = pace.sets_seconds(
            sets=sets,
            reps=reps,
            hold_seconds=hold,
            laterality=laterality,
            rest_seconds=rest,
        )
        assert timed == pytest.approx(closed, rel=1e-12, abs=1e-9)
