import math
import re
from collections import Counter
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
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
    default_catalog,
    estimate_duration,
    speaking_seconds,
    timeline,
)
from backroutine._advice import SEE_SPECIALIST, STOP_RULE
from backroutine._i18n import _, speaking
from backroutine._model import MAX_NAME_LENGTH, MAX_TEXT_LENGTH
from backroutine._timing import (
    DONE_TEXT,
    ONE_WORD_SECONDS,
    START_ADVICE,
    lead_in_seconds,
    lead_ins,
)
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
# Their first cue says 27 words ("Get ready for Pelvic tilt. Lie on your
# back." and the 18 of the stop rule): 10.8 s at 150 words a minute, longer
# than the pace's 10 s, so it lasts 10.8 s.
READY = 10.8

# The properties added with speakable cues: fewer examples than the profile
# may ask for, as each spells out whole routines (the suite stays quick).
SOME = settings(max_examples=min(50, settings().max_examples))
GET_READY_TILT = f"Get ready for Pelvic tilt. Lie on your back. {STOP_RULE}"


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


STARTS = (CueKind.GET_READY, CueKind.NEXT_EXERCISE)
"""The kinds of cue that start an exercise."""

PACED = {
    CueKind.MOVE: "move_seconds",
    CueKind.RELEASE: "release_seconds",
    CueKind.SWITCH_SIDE: "switch_side_seconds",
}
"""The kinds of cue the pace times, and the field of the pace for each."""


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

    @SOME
    @given(routines(), paces())
    def test_every_cue_can_be_said_within_it(
        self, routine: Routine, pace: Pace
    ) -> None:
        """At 150 words a minute, each cue's text fits its length, whatever the pace.

        The final cue is 0 seconds long: its few words, said as the timer
        stops, take at most 2 seconds.
        """
        *cues, done = timeline(routine, pace)

        assert [] == [
            (cue.kind, cue.seconds, cue.text)
            for cue in cues
            if speaking_seconds(cue.text) > cue.seconds
        ]
        with speaking(routine.language):
            done_text = _(DONE_TEXT)
        assert (CueKind.DONE, 0, done_text) == (done.kind, done.seconds, done.text)
        assert True is (speaking_seconds(done.text) <= 2)

    @SOME
    @given(routines(), paces())
    def test_lengths_keep_to_the_pace_and_the_routine(
        self, routine: Routine, pace: Pace
    ) -> None:
        """Each cue lasts what the pace or the routine says, or as long as its words.

        The cue that starts an exercise lasts the pace's time for it, or as
        long as its words take if that is longer; a move, a release and a
        switch of side last the pace's time, or one word's if that is
        longer; a hold and a rest last what the set says.
        """
        cues = timeline(routine, pace)
        starts = iter(routine.steps)
        previous = None
        expected: float
        for cue in cues[:-1]:
            if cue.kind is CueKind.GET_READY:
                step = next(starts)
                expected = max(pace.get_ready_seconds, speaking_seconds(cue.text))
            elif cue.kind is CueKind.NEXT_EXERCISE:
                step = next(starts)
                expected = max(pace.change_exercise_seconds, speaking_seconds(cue.text))
                if previous is not step.exercise.position:
                    expected += pace.change_position_seconds
            elif cue.kind in PACED:
                expected = max(getattr(pace, PACED[cue.kind]), ONE_WORD_SECONDS)
            else:
                exercise_set = step.sets[(cue.set_number or 0) - 1]
                hold = exercise_set.hold
                if cue.kind is CueKind.HOLD and hold is not None:
                    expected = hold.seconds
                else:
                    expected = exercise_set.rest_after_seconds
            previous = step.exercise.position
            assert (cue.kind, expected) == (cue.kind, cue.seconds)

    @SOME
    @given(routines(), paces())
    def test_lead_ins_and_sets_add_up_to_the_duration(
        self, routine: Routine, pace: Pace
    ) -> None:
        """The lead-in of each step and its sets' closed form add up to the duration.

        The planner costs steps this way, so it agrees with the timeline: in
        the routine's language, whose words the lead-ins take time to say.
        """
        with speaking(routine.language):
            total = self._added_up(routine, pace)
        assert estimate_duration(routine, pace) == pytest.approx(
            total, rel=1e-12, abs=1e-9
        )

    @staticmethod
    def _added_up(routine: Routine, pace: Pace) -> float:
        total = 0.0
        previous = None
        for step in routine.steps:
            total += lead_in_seconds(
                step.exercise,
                pace,
                first=previous is None,
                new_position=previous is not step.exercise.position,
            )
            for exercise_set in step.sets:
                total += exercise_set.rest_after_seconds + pace.sets_seconds(
                    sets=1,
                    reps=exercise_set.reps,
                    hold_seconds=exercise_set.hold.seconds
                    if exercise_set.hold
                    else None,
                    laterality=exercise_set.laterality,
                    rest_seconds=0,
                )
            previous = step.exercise.position
        return total

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
        """Each step's first cue has its person's cautions and its steps, alone."""
        cues = timeline(routine, pace)
        assert [
            (routine.cautions(step.exercise), step.exercise.instructions)
            for step in routine.steps
        ] == [(cue.cautions, cue.steps) for cue in cues if cue.kind in STARTS]
        assert [] == [
            cue
            for cue in cues
            if cue.kind not in STARTS and (cue.cautions or cue.steps)
        ]


class TestWorkedExamples:
    def test_bilateral_hold(self) -> None:
        """A bilateral set of 3 reps with a 5 s hold: move, hold, release each rep."""
        routine = one_set(reps=3, hold=Hold(5))
        tilt = "pelvic-tilt"
        # 10.8 to get ready, then 3 reps of 2 + 5 + 2 = 9 s: 10.8 + 3 * 9 = 37.8.
        expected = [
            (CueKind.GET_READY, 0.0, READY, GET_READY_TILT, tilt, None, None),
            (CueKind.MOVE, 10.8, 2, "Rep 1 of 3.", tilt, 1, 1),
            (CueKind.HOLD, 12.8, 5, "Hold for 5 seconds.", tilt, 1, 1),
            (CueKind.RELEASE, 17.8, 2, "Release slowly.", tilt, 1, 1),
            (CueKind.MOVE, 19.8, 2, "Rep 2 of 3.", tilt, 1, 2),
            (CueKind.HOLD, 21.8, 5, "Hold for 5 seconds.", tilt, 1, 2),
            (CueKind.RELEASE, 26.8, 2, "Release slowly.", tilt, 1, 2),
            (CueKind.MOVE, 28.8, 2, "Rep 3 of 3.", tilt, 1, 3),
            (CueKind.HOLD, 30.8, 5, "Hold for 5 seconds.", tilt, 1, 3),
            (CueKind.RELEASE, 35.8, 2, "Release slowly.", tilt, 1, 3),
            (CueKind.DONE, 37.8, 0, "Done: well done.", None, None, None),
        ]

        assert 37.8 == estimate_duration(routine)
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
        # 10.8 to get ready; a rep is 2 + 3 + 2 = 7 s; 2 reps a side, a 5 s
        # switch between: 10.8 + 2 * 7 + 5 + 2 * 7 = 43.8.
        expected = [
            (CueKind.GET_READY, 0.0, READY, None),
            (CueKind.MOVE, 10.8, 2, 1),
            (CueKind.HOLD, 12.8, 3, 1),
            (CueKind.RELEASE, 15.8, 2, 1),
            (CueKind.MOVE, 17.8, 2, 2),
            (CueKind.HOLD, 19.8, 3, 2),
            (CueKind.RELEASE, 22.8, 2, 2),
            (CueKind.SWITCH_SIDE, 24.8, 5, None),
            (CueKind.MOVE, 29.8, 2, 1),
            (CueKind.HOLD, 31.8, 3, 1),
            (CueKind.RELEASE, 34.8, 2, 1),
            (CueKind.MOVE, 36.8, 2, 2),
            (CueKind.HOLD, 38.8, 3, 2),
            (CueKind.RELEASE, 41.8, 2, 2),
            (CueKind.DONE, 43.8, 0, None),
        ]
        cues = timeline(routine)

        assert 43.8 == estimate_duration(routine)
        assert expected == [
            (cue.kind, cue.start_seconds, cue.seconds, cue.rep_number) for cue in cues
        ]
        # "Left side: rep 1 of 2." is 6 words, 2.4 s: more than a 2 s move.
        assert [
            "Left: rep 1 of 2.",
            "Left: rep 2 of 2.",
            "Right: rep 1 of 2.",
            "Right: rep 2 of 2.",
        ] == [cue.text for cue in cues if cue.kind is CueKind.MOVE]
        assert ["Switch to the other side."] == [
            cue.text for cue in cues if cue.kind is CueKind.SWITCH_SIDE
        ]

    def test_alternating(self) -> None:
        """Alternating: sides take turns rep by rep, with no switch cue."""
        routine = one_set(reps=2, laterality=Laterality.ALTERNATING)
        # 10.8 to get ready; a rep without a hold is 2 + 2 = 4 s, done 2 times
        # on each of 2 sides: 10.8 + 4 * 4 = 26.8.
        expected = [
            (CueKind.GET_READY, 0.0, READY, None),
            (CueKind.MOVE, 10.8, 2, 1),
            (CueKind.RELEASE, 12.8, 2, 1),
            (CueKind.MOVE, 14.8, 2, 1),
            (CueKind.RELEASE, 16.8, 2, 1),
            (CueKind.MOVE, 18.8, 2, 2),
            (CueKind.RELEASE, 20.8, 2, 2),
            (CueKind.MOVE, 22.8, 2, 2),
            (CueKind.RELEASE, 24.8, 2, 2),
            (CueKind.DONE, 26.8, 0, None),
        ]
        cues = timeline(routine)

        assert 26.8 == estimate_duration(routine)
        assert expected == [
            (cue.kind, cue.start_seconds, cue.seconds, cue.rep_number) for cue in cues
        ]
        assert [
            "Left: rep 1 of 2.",
            "Right: rep 1 of 2.",
            "Left: rep 2 of 2.",
            "Right: rep 2 of 2.",
        ] == [cue.text for cue in cues if cue.kind is CueKind.MOVE]

    @pytest.mark.parametrize(
        ("laterality", "side"),
        [(Laterality.LEFT, "Left"), (Laterality.RIGHT, "Right")],
    )
    def test_one_side(self, laterality: Laterality, side: str) -> None:
        """A one-sided set names its side and never switches."""
        routine = one_set(reps=2, laterality=laterality)
        # 10.8 to get ready, then 2 reps of 2 + 2 = 4 s: 10.8 + 8 = 18.8.
        cues = timeline(routine)

        assert 18.8 == estimate_duration(routine)
        assert [f"{side}: rep 1 of 2.", f"{side}: rep 2 of 2."] == [
            cue.text for cue in cues if cue.kind is CueKind.MOVE
        ]
        assert [] == [cue for cue in cues if cue.kind is CueKind.SWITCH_SIDE]

    def test_moving_without_hold(self) -> None:
        """A moving set has a move then a release per rep, and no hold."""
        routine = one_set(reps=2)
        # 10.8 to get ready, then 2 reps of 2 + 2 = 4 s: 10.8 + 8 = 18.8.
        expected = [
            (CueKind.GET_READY, 0.0, READY),
            (CueKind.MOVE, 10.8, 2),
            (CueKind.RELEASE, 12.8, 2),
            (CueKind.MOVE, 14.8, 2),
            (CueKind.RELEASE, 16.8, 2),
            (CueKind.DONE, 18.8, 0),
        ]

        assert (18.8, expected) == (
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
        # 10.8 to get ready, 1 rep of 2 + 2 = 4 s, 30 s rest, 1 more rep of
        # 4 s: 10.8 + 4 + 30 + 4 = 48.8.
        expected = [
            (CueKind.GET_READY, 0.0, READY, None),
            (CueKind.MOVE, 10.8, 2, 1),
            (CueKind.RELEASE, 12.8, 2, 1),
            (CueKind.REST, 14.8, 30, 1),
            (CueKind.MOVE, 44.8, 2, 2),
            (CueKind.RELEASE, 46.8, 2, 2),
            (CueKind.DONE, 48.8, 0, None),
        ]
        cues = timeline(routine)

        assert 48.8 == estimate_duration(routine)
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
        # 10.8 to get ready, then 2 sets of 1 rep of 2 + 2 = 4 s: 18.8.
        cues = timeline(routine)

        assert 18.8 == estimate_duration(routine)
        assert [] == [cue for cue in cues if cue.kind is CueKind.REST]

    @pytest.mark.parametrize(
        ("seconds", "expected"),
        [
            # "Hold for 1 second." is 4 words, 1.6 s: more than the second.
            (1, ["Hold.", "Rest."]),
            (2, ["Hold for 2 seconds.", "Rest for 2 seconds."]),
            (600, ["Hold for 600 seconds.", "Rest for 600 seconds."]),
        ],
    )
    def test_hold_and_rest_in_words(self, seconds: int, expected: list[str]) -> None:
        """A hold and a rest say their seconds, when there is time to say them."""
        held = ExerciseSet(reps=1, hold=Hold(seconds), rest_after_seconds=seconds)
        routine = make_routine(
            RoutineStep(exercise=named_exercise(), sets=[held, ExerciseSet(reps=1)])
        )
        pauses = {CueKind.HOLD, CueKind.REST}
        assert expected == [cue.text for cue in timeline(routine) if cue.kind in pauses]

    @pytest.mark.parametrize(
        ("position", "change", "duration", "where"),
        [
            # 10.8 to get ready, 1 rep of 4 s, 10 to change exercise (its
            # 7 words take 2.8 s), 1 rep of 4 s: 10.8 + 4 + 10 + 4 = 28.8.
            (Position.SUPINE, 10, 28.8, "Lie on your back."),
            # The same, plus 10 to change position: 28.8 + 10 = 38.8.
            (Position.PRONE, 20, 38.8, "Lie face down."),
        ],
    )
    def test_next_exercise(
        self, position: Position, change: float, duration: float, where: str
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
        assert [(14.8, change, "press-up", f"Next: Press up. {where}")] == [
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

        assert (CueKind.GET_READY, 0.0, READY, "cat-cow", None, None) == (
            first.kind,
            first.start_seconds,
            first.seconds,
            first.exercise_id,
            first.set_number,
            first.rep_number,
        )
        assert f"Get ready for Cat cow. Lie on your back. {STOP_RULE}" == first.text

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
        # Get ready 10.8; set 1: 2 reps a side of 2 + 5 + 2 = 9 s, a 5 s
        # switch and 20 s rest: 18 + 18 + 5 + 20 = 61; set 2: 3 reps of 4 s
        # = 12; change exercise and position 10 + 10 = 20; last set: 1 rep a
        # side of 2 + 2 + 2 = 6 s = 12.  10.8 + 61 + 12 + 20 + 12 = 115.8.
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

        assert (115.8, expected) == (
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
        pace = Pace(get_ready_seconds=12, move_seconds=1.5, release_seconds=2.5)
        # 12 to get ready (its words take 10.8 s), then 2 reps of
        # 1.5 + 3 + 2.5 = 7 s: 12 + 14 = 26.
        expected = [
            (CueKind.GET_READY, 0.0, 12),
            (CueKind.MOVE, 12.0, 1.5),
            (CueKind.HOLD, 13.5, 3),
            (CueKind.RELEASE, 16.5, 2.5),
            (CueKind.MOVE, 19.0, 1.5),
            (CueKind.HOLD, 20.5, 3),
            (CueKind.RELEASE, 23.5, 2.5),
            (CueKind.DONE, 26.0, 0),
        ]
        cues = timeline(routine, pace)

        assert (26.0, expected) == (estimate_duration(routine, pace), shape(cues))
        # "Rep 1 of 2." is 4 words, 1.6 s: more than a 1.5 s move.
        assert ["Rep 1.", "Rep 2."] == [
            cue.text for cue in cues if cue.kind is CueKind.MOVE
        ]


WORDS = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
"""A word as a reader counts one, for the tests' own count."""


def said_in(text: str) -> float:
    """How long *text* takes to say at 150 words a minute: 0.4 s a word."""
    return len(WORDS.findall(text)) * 0.4


GET_INTO = {
    Position.SUPINE: "Lie on your back.",
    Position.PRONE: "Lie face down.",
    Position.SIDE_LYING: "Lie on your side.",
    Position.QUADRUPED: "Get on your hands and knees.",
    Position.KNEELING: "Kneel on the floor.",
    Position.HALF_KNEELING: "Kneel on one knee.",
    Position.SEATED: "Sit down.",
    Position.STANDING: "Stand up.",
}
"""What the cue that starts an exercise says of each position."""


class TestSpeakingSeconds:
    @pytest.mark.parametrize(
        ("text", "seconds"),
        [
            ("Hold.", 0.4),
            ("Release slowly.", 0.8),
            # An apostrophe keeps a word whole; a hyphen splits it.
            ("Child's pose", 0.8),
            ("Double knee-to-chest stretch", 2.0),
            # A number is a word; punctuation takes no time.
            ("Left: rep 10 of 12.", 2.0),
            ("  ... -- !", 0.0),
            ("", 0.0),
            ("Genou à la poitrine", 1.6),
        ],
    )
    def test_words_at_150_a_minute(self, text: str, seconds: float) -> None:
        """By default, each word takes 0.4 seconds to say."""
        assert seconds == pytest.approx(speaking_seconds(text))

    def test_rate(self) -> None:
        """At 60 words a minute, a word takes a second."""
        assert 3.0 == speaking_seconds("Stand up tall.", words_per_minute=60)

    @pytest.mark.parametrize("rate", [0, -150, math.nan, math.inf])
    def test_refused_rates(self, rate: float) -> None:
        """A rate that is not a finite number above 0 is refused, naming it."""
        message = (
            r"^'words_per_minute' must be a finite number above 0 \(got "
            f"{re.escape(repr(rate))}"
            r"\)$"
        )
        with pytest.raises(ValueError, match=message):
            speaking_seconds("Hold.", words_per_minute=rate)

    @given(st.text(max_size=200))
    def test_agrees_with_a_plain_count(self, text: str) -> None:
        """Any text takes 0.4 s a word, counted as the tests count words."""
        assert said_in(text) == pytest.approx(speaking_seconds(text))


class TestSpeakableCues:
    def test_bedtime_first_cue(self) -> None:
        """A bedtime routine's first cue can be said in it; the rest is data.

        It used to say the first instruction too: 40 words (16 s to say) in
        10 s.  The steps, the cautions and the advice are data beside it.
        """
        routine = planned()
        first = timeline(routine)[0]
        exercise = routine.steps[0].exercise
        text = (
            f"Get ready for {exercise.name}. {GET_INTO[exercise.position]} {STOP_RULE}"
        )

        assert (CueKind.GET_READY, text) == (first.kind, first.text)
        assert max(10, said_in(text)) == pytest.approx(first.seconds)
        assert True is (said_in(first.text) <= first.seconds)
        assert exercise.instructions == first.steps
        assert routine.cautions(exercise) == first.cautions
        assert [] == [advice for advice in START_ADVICE if advice not in first.safety]

    def test_childs_pose_first(self) -> None:
        """Child's pose first: its name, where to get, the stop rule; steps as data."""
        pose = default_catalog()["childs-pose"]
        routine = make_routine(RoutineStep(exercise=pose, sets=[ExerciseSet(reps=1)]))
        first = timeline(routine)[0]
        text = (
            f"Get ready for {pose.name}. Kneel on the floor. Stop an exercise "
            "if it makes your pain worse, causes new pain, or sends symptoms "
            "down a leg."
        )
        # Longer than the pace's 10 s to get ready: as long as the words.
        assert speaking_seconds(text) > Pace().get_ready_seconds
        assert (
            text,
            speaking_seconds(text),
            pose.instructions,
            START_ADVICE,
        ) == (first.text, first.seconds, first.steps, first.safety)
        assert 5 == len(first.steps)

    @pytest.mark.parametrize(("position", "where"), GET_INTO.items())
    def test_positions_in_plain_words(self, position: Position, where: str) -> None:
        """The cue that starts an exercise says its position in plain words.

        With a pace of no time, each lasts exactly as long as its words.
        """
        exercise = named_exercise("stretch", position)
        routine = make_routine(
            RoutineStep(exercise=exercise, sets=[ExerciseSet(reps=1)]),
            RoutineStep(exercise=exercise, sets=[ExerciseSet(reps=1)]),
        )
        texts = [
            f"Get ready for Stretch. {where} {STOP_RULE}",
            f"Next: Stretch. {where}",
        ]
        instant = Pace(get_ready_seconds=0, change_exercise_seconds=0)
        starts = [c for c in timeline(routine, instant) if c.kind in STARTS]
        assert texts == [cue.text for cue in starts]
        assert [pytest.approx(said_in(text)) for text in texts] == [
            cue.seconds for cue in starts
        ]

    def test_long_name_lengthens_the_start_cues(self) -> None:
        """A name of many words makes getting ready and the next cue longer."""
        long_name = " ".join("abcdefghij" * 6)  # 60 words, 119 characters
        short = named_exercise()
        long = attrs.evolve(named_exercise("long-stretch"), name=long_name)
        routine = make_routine(
            RoutineStep(exercise=long, sets=[ExerciseSet(reps=1)]),
            RoutineStep(exercise=short, sets=[ExerciseSet(reps=1)]),
            RoutineStep(
                exercise=attrs.evolve(long, position=Position.PRONE),
                sets=[ExerciseSet(reps=1)],
            ),
        )
        # Get ready: 3 + 60 + 4 + 18 = 85 words, 34 s; the short name's next
        # cue fits its 10 s; the long one's, 1 + 60 + 3 = 64 words, 25.6 s,
        # plus 10 to change position.  34 + 4 + 10 + 4 + 35.6 + 4 = 91.6.
        starts = [
            (cue.start_seconds, cue.seconds)
            for cue in timeline(routine)
            if cue.kind in STARTS
        ]
        assert [(0.0, 34.0), (38.0, 10), (52.0, pytest.approx(35.6))] == starts
        assert pytest.approx(91.6) == estimate_duration(routine)

    def test_fast_pace_shortens_the_words(self) -> None:
        """At a fast pace, moves and releases say less, down to a word."""
        routine = make_routine(
            RoutineStep(
                exercise=named_exercise(),
                sets=[
                    ExerciseSet(reps=1, laterality=Laterality.EACH_SIDE),
                    ExerciseSet(reps=1),
                ],
            )
        )
        pace = Pace(move_seconds=1.2, release_seconds=0.5, switch_side_seconds=0)
        assert [
            (CueKind.MOVE, 1.2, "Left: rep 1."),
            (CueKind.RELEASE, 0.5, "Release."),
            # No time at all: as long as its one word, 0.4 s.
            (CueKind.SWITCH_SIDE, 0.4, "Switch."),
            (CueKind.MOVE, 1.2, "Right: rep 1."),
            (CueKind.RELEASE, 0.5, "Release."),
            (CueKind.MOVE, 1.2, "Rep 1."),
            (CueKind.RELEASE, 0.5, "Release."),
        ] == [
            (cue.kind, cue.seconds, cue.text) for cue in timeline(routine, pace)[1:-1]
        ]

    @pytest.mark.parametrize(
        ("move", "sided", "bilateral"),
        [
            (3, "Left side: rep 1 of 12.", "Rep 1 of 12."),
            (2, "Left: rep 1 of 12.", "Rep 1 of 12."),
            (1.6, "Left: rep 1.", "Rep 1 of 12."),
            (1.2, "Left: rep 1.", "Rep 1."),
            (1, "Left.", "Rep 1."),
            (0.5, "Left.", "1."),
            (0, "Left.", "1."),
        ],
    )
    def test_move_words(self, move: float, sided: str, bilateral: str) -> None:
        """A move says the most its time allows: side, rep and count."""
        step = RoutineStep(
            exercise=named_exercise(),
            sets=[
                ExerciseSet(reps=12, laterality=Laterality.LEFT),
                ExerciseSet(reps=12),
            ],
        )
        moves = [
            cue.text
            for cue in timeline(make_routine(step), Pace(move_seconds=move))
            if cue.kind is CueKind.MOVE and cue.rep_number == 1
        ]
        assert [sided, bilateral] == moves


class TestLeadIns:
    def test_default_pace(self) -> None:
        """Getting ready and changing exercise take the pace's time when words fit."""
        press_up = default_catalog()["spine-press-up"]
        # Get ready: the name, where to get and the stop rule, longer than
        # 10 s; next: "Next:", the name and where to get, which fit in 10 s.
        ready = speaking_seconds(
            f"Get ready for {press_up.name}. Lie face down. {STOP_RULE}"
        )
        assert ready > Pace().get_ready_seconds
        assert (ready, 10, 20) == (
            lead_in_seconds(press_up, Pace(), first=True),
            lead_in_seconds(press_up, Pace(), first=False),
            lead_in_seconds(press_up, Pace(), first=False, new_position=True),
        )

    def test_first_has_no_change_of_position(self) -> None:
        """Getting into position is part of getting ready."""
        press_up = default_catalog()["spine-press-up"]
        assert lead_in_seconds(press_up, Pace(), first=True) == lead_in_seconds(
            press_up, Pace(), first=True, new_position=True
        )

    @given(paces())
    def test_pair(self, pace: Pace) -> None:
        """lead_ins() gives getting ready and changing in the same position."""
        press_up = default_catalog()["spine-press-up"]
        assert (
            lead_in_seconds(press_up, pace, first=True),
            lead_in_seconds(press_up, pace, first=False),
        ) == lead_ins(press_up, pace)


class TestLimits:
    def test_longer_than_a_day(self) -> None:
        """A valid routine longer than a day still has a timeline."""
        routine = one_set(reps=100, hold=Hold(600), laterality=Laterality.EACH_SIDE)
        # 10.8 to get ready, 2 * 100 reps of 2 + 600 + 2 = 604 s and a 5 s
        # switch: 10.8 + 120800 + 5 = 120815.8 s, more than a day.
        assert (120_815.8, 120_815.8) == (
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
        cues = timeline(routine)
        # The name is one word: 26 words to get ready, 10.4 s; 4 s rep, 10 to
        # change, 4 s rep: 28.4.
        assert 28.4 == cues[-1].start_seconds
        assert [exercise.instructions] * 2 == [
            cue.steps for cue in cues if cue.kind in STARTS
        ]


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

    def test_rep_seconds_of_a_word_at_least(self) -> None:
        """A move and a release shorter than a word last a word, 0.4 s."""
        pace = Pace(move_seconds=0, release_seconds=0.25)
        assert (0.8, 10.8) == (pace.rep_seconds(None), pace.rep_seconds(10))

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
        ready = lead_in_seconds(named_exercise(), pace, first=True)
        timed = estimate_duration(routine, pace) - ready
        closed = pace.sets_seconds(
            sets=sets,
            reps=reps,
            hold_seconds=hold,
            laterality=laterality,
            rest_seconds=rest,
        )
        assert timed == pytest.approx(closed, rel=1e-12, abs=1e-9)
