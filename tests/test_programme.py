"""Programmes: planning one, its log, and the next session by the traffic light.

The worked examples use a small catalog of their own, one chain of three
versions of an exercise (gentle, then middle, then hardest), each with the
same guidance: 1 or 2 sets of 6 to 8 reps, held 5 to 10 seconds.  Its
steps of progression are so known by heart:

====  ====  ====  =====
step  sets  reps  hold
====  ====  ====  =====
0     1     6     5 s
1     1     6     10 s
2     1     8     10 s
3     2     8     10 s
====  ====  ====  =====
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backroutine import (
    BodyArea,
    Catalog,
    Caution,
    Condition,
    Dosage,
    Exercise,
    ExerciseDone,
    ExerciseSet,
    Hold,
    InvalidDocumentError,
    InvalidTypeError,
    InvalidValueError,
    PlanningError,
    PlanRequest,
    Position,
    Programme,
    ProgrammeRequest,
    Routine,
    RoutineStep,
    SeekCareError,
    Session,
    Slot,
    Span,
    TimeOfDay,
    WarningSign,
    Weekday,
    append_session,
    dumps,
    estimate_duration,
    loads,
    next_session,
    plan_programme,
    read_log,
)
from backroutine._programme import HURT_TWICE, SEE_SOMEONE_SOON, UNSETTLED
from backroutine._traffic_light import AMBER, GREEN, RED, zone_of
from backroutine.testing import sessions as any_session
from tests.helpers import examples, make_exercise

START = dt.date(2026, 12, 7)  # a Monday
GUIDANCE = Dosage(sets=Span(1, 2), reps=Span(6, 8), hold_seconds=Span(5, 10))


def version(exercise_id: str, **changes: Any) -> Exercise:
    fields: dict[str, Any] = {
        "id": exercise_id,
        "name": exercise_id.capitalize(),
        "times": [TimeOfDay.BEDTIME],
        "dosage": GUIDANCE,
    }
    fields.update(changes)
    return make_exercise(**fields)


def chain_catalog() -> Catalog:
    """Gentle, then middle, then hardest; and a neighbour on its own."""
    return Catalog(
        [
            version("gentle", harder=["middle"]),
            version("middle", harder=["hardest"]),
            version("hardest"),
            version("neighbour"),
        ]
    )


CATALOG = chain_catalog()


def programme_of(*exercise_ids: str, **changes: Any) -> Programme:
    """A one-slot bedtime programme of *exercise_ids*, each at its first step."""
    steps = [
        RoutineStep(exercise=CATALOG[i], sets=CATALOG[i].dosage.at_step(0))
        for i in exercise_ids
    ]
    conditions = changes.pop("conditions", ())
    minutes = changes.pop("minutes", 10)
    request = PlanRequest(
        time_of_day=TimeOfDay.BEDTIME, conditions=conditions, minutes=minutes
    )
    routine = Routine(
        name="Bedtime",
        time_of_day=TimeOfDay.BEDTIME,
        steps=steps,
        conditions=conditions,
    )
    fields: dict[str, Any] = {
        "id": "test-programme",
        "name": "Bedtime, every day, for 4 weeks",
        "slots": [Slot(id="bedtime", request=request, routine=routine)],
        "start": START,
        "conditions": conditions,
    }
    fields.update(changes)
    return Programme(**fields)


def did(
    exercise_id: str,
    step: int,
    pain: int,
    *,
    day: int = 0,
    next_morning: int | None = None,
    **changes: Any,
) -> Session:
    """A bedtime session, *day* days after the start, of one exercise at *step*."""
    fields: dict[str, Any] = {
        "programme": "test-programme",
        "slot": "bedtime",
        "date": START + dt.timedelta(days=day),
        "exercises": [
            ExerciseDone(
                exercise=exercise_id,
                sets=CATALOG[exercise_id].dosage.at_step(step),
                pain=pain,
            )
        ],
        "next_morning": next_morning,
    }
    fields.update(changes)
    return Session(**fields)


def twice(exercise_id: str, step: int, pain: int, **changes: Any) -> list[Session]:
    """Two good sessions running at *step*, on the first two days: the second
    with *pain*."""
    return [
        did(exercise_id, step, pain=1),
        did(exercise_id, step, pain, day=1, **changes),
    ]


def both_done(**pains: int) -> list[ExerciseDone]:
    """Each exercise named, done at its first dose, with its pain."""
    return [
        ExerciseDone(exercise=name, sets=GUIDANCE.at_step(0), pain=pain)
        for name, pain in pains.items()
    ]


def next_of(programme: Programme, log: list[Session], day: int = 1) -> Routine:
    on = START + dt.timedelta(days=day)
    return next_session(programme, log, on=on, catalog=CATALOG)


def dose(routine: Routine, index: int = 0) -> tuple[str, int, int, int | None]:
    """(exercise, sets, reps, hold) of step *index*."""
    step = routine.steps[index]
    first = step.sets[0]
    hold = None if first.hold is None else first.hold.seconds
    return step.exercise.id, len(step.sets), first.reps, hold


class TestZones:
    @pytest.mark.parametrize(
        ("pain", "next_morning", "zone"),
        [
            (0, None, GREEN),
            (3, None, GREEN),
            (3, 3, GREEN),
            (2, 3, GREEN),  # a point worse, still within green's scores
            (1, 3, RED),  # two points worse the next day
            (4, None, AMBER),
            (5, None, AMBER),
            (5, 4, AMBER),  # not settled by the next morning
            (3, 4, RED),  # worse the next day
            (2, 5, RED),
            (6, None, RED),
            (1, 6, RED),
            (10, 0, RED),
        ],
    )
    def test_zone_of(self, pain: int, next_morning: int | None, zone: object) -> None:
        """The traffic light of DOMAIN.md, scores and the next morning."""
        assert zone is zone_of(pain, next_morning)


class TestTheLight:
    def test_no_log_is_the_first_session(self) -> None:
        """Before any session, each exercise is at the step it was planned at."""
        routine = next_of(programme_of("middle"), [])
        assert ("middle", 1, 6, 5) == dose(routine)
        assert routine.steps[0].note is None

    def test_green_once_keeps_the_dose_once_more(self) -> None:
        routine = next_of(programme_of("middle"), [did("middle", 0, pain=2)])
        assert ("middle", 1, 6, 5) == dose(routine)
        assert routine.steps[0].note == (
            "Middle: that went well (pain of 2): the same dose once more today, and "
            "a step up if it goes as well."
        )

    def test_green_lengthens_the_hold_first(self) -> None:
        routine = next_of(programme_of("middle"), twice("middle", 0, pain=2), 2)
        assert ("middle", 1, 6, 10) == dose(routine)
        assert routine.steps[0].note == (
            "Middle: you held 5 seconds with little pain (pain of 2): 10 seconds today."
        )

    def test_green_then_adds_reps(self) -> None:
        routine = next_of(programme_of("middle"), twice("middle", 1, pain=0), 2)
        assert ("middle", 1, 8, 10) == dose(routine)
        assert "you did 6 reps with little pain (pain of 0): 8 reps today." in str(
            routine.steps[0].note
        )

    def test_green_then_adds_a_set(self) -> None:
        routine = next_of(programme_of("middle"), twice("middle", 2, pain=3), 2)
        assert ("middle", 2, 8, 10) == dose(routine)
        assert "you did 1 set with little pain (pain of 3): 2 sets today." in str(
            routine.steps[0].note
        )

    def test_green_at_the_top_moves_to_the_harder_version(self) -> None:
        routine = next_of(programme_of("middle"), twice("middle", 3, pain=1), 2)
        assert ("hardest", 1, 6, 5) == dose(routine)
        assert "try its harder version today, Hardest, at its first dose." in str(
            routine.steps[0].note
        )

    def test_green_at_the_top_of_the_chain_keeps_the_dose(self) -> None:
        programme = programme_of("hardest")
        routine = next_of(programme, twice("hardest", 3, pain=1), 2)
        assert ("hardest", 2, 8, 10) == dose(routine)
        assert "reached the most this programme suggests for it (pain of 1): " in str(
            routine.steps[0].note
        )

    def test_amber_keeps_the_dose(self) -> None:
        routine = next_of(programme_of("middle"), [did("middle", 2, pain=4)])
        assert ("middle", 1, 8, 10) == dose(routine)
        assert "some pain (pain of 4): the same dose today" in str(
            routine.steps[0].note
        )

    def test_amber_when_not_settled_by_the_next_morning(self) -> None:
        log = [did("middle", 2, pain=5, next_morning=4)]
        routine = next_of(programme_of("middle"), log)
        assert ("middle", 1, 8, 10) == dose(routine)
        assert "(pain of 5, 4 the next morning)" in str(routine.steps[0].note)

    def test_red_steps_back(self) -> None:
        routine = next_of(programme_of("middle"), [did("middle", 2, pain=7)])
        assert ("middle", 1, 6, 10) == dose(routine)
        assert "you did 8 reps and it hurt (pain of 7): 6 reps today." in str(
            routine.steps[0].note
        )
        assert "see a physiotherapist" not in " ".join(routine.safety)

    def test_red_when_worse_the_next_day(self) -> None:
        log = [did("middle", 1, pain=2, next_morning=5)]
        routine = next_of(programme_of("middle"), log)
        assert ("middle", 1, 6, 5) == dose(routine)

    def test_red_at_the_first_step_moves_to_the_easier_version(self) -> None:
        """Never done before, the easier version starts at its first dose."""
        routine = next_of(programme_of("middle"), [did("middle", 0, pain=6)])
        assert ("gentle", 1, 6, 5) == dose(routine)
        assert "do its easier version today, Gentle." in str(routine.steps[0].note)

    def test_red_after_moving_up_returns_to_the_easier_versions_dose(self) -> None:
        log = [did("gentle", 3, pain=1), did("middle", 0, pain=7, day=1)]
        routine = next_of(programme_of("gentle"), log, day=2)
        assert ("gentle", 2, 8, 10) == dose(routine)

    def test_red_at_the_first_step_with_the_easier_version_in_the_routine(
        self,
    ) -> None:
        """It is left out: the person already does its easier version."""
        programme = programme_of("gentle", "middle")
        log = [did("middle", 0, pain=7, exercises=both_done(gentle=1, middle=7))]
        routine = next_of(programme, log)
        assert ["gentle"] == [step.exercise.id for step in routine.steps]
        assert (
            "Middle is left out: it hurt (pain of 7) at its first dose. Keep doing "
            "its easier version in this routine, Gentle."
        ) in routine.notes

    def test_red_at_the_bottom_of_the_chain_keeps_the_dose_with_advice(self) -> None:
        routine = next_of(programme_of("gentle"), [did("gentle", 0, pain=8)])
        assert ("gentle", 1, 6, 5) == dose(routine)
        assert (
            "even at its gentlest dose: the same today, only as far as it stays "
            "comfortable, or leave it out. If it hurts again, see a "
            "physiotherapist or your doctor."
        ) in str(routine.steps[0].note)

    def test_red_twice_running_steps_back_and_says_to_see_someone(self) -> None:
        log = [did("middle", 3, pain=6), did("middle", 2, pain=7, day=1)]
        routine = next_of(programme_of("middle"), log, day=2)
        assert ("middle", 1, 6, 10) == dose(routine)
        assert (
            "It has hurt twice running: see a physiotherapist or your doctor soon."
        ) in str(routine.steps[0].note)
        assert f"{SEE_SOMEONE_SOON}: {HURT_TWICE}." == routine.safety[0]

    def test_the_advice_stays_after_a_good_session_and_no_dose_rises(self) -> None:
        log = [
            did("middle", 3, pain=6),
            did("middle", 2, pain=7, day=1),
            did("middle", 1, pain=1, day=2),
            did("middle", 1, pain=1, day=3),
        ]
        routine = next_of(programme_of("middle"), log, day=4)
        assert f"{SEE_SOMEONE_SOON}: {HURT_TWICE}." == routine.safety[0]
        assert ("middle", 1, 6, 10) == dose(routine)
        assert (
            "Middle: the same dose today: see a physiotherapist or your doctor "
            "before adding more."
        ) == routine.steps[0].note

    def test_red_twice_at_the_bottom_leaves_the_exercise_out(self) -> None:
        log = [
            did("gentle", 0, pain=7),
            did("gentle", 0, pain=7, day=1),
        ]
        programme = programme_of("gentle", "neighbour")
        routine = next_of(programme, log, day=2)
        assert ["neighbour"] == [step.exercise.id for step in routine.steps]
        assert any(note.startswith("Gentle is left out") for note in routine.notes)
        assert routine.safety[0].startswith(SEE_SOMEONE_SOON)

    def test_nothing_left_is_a_planning_error(self) -> None:
        log = [did("gentle", 0, pain=7), did("gentle", 0, pain=9, day=1)]
        with pytest.raises(PlanningError, match="see a physiotherapist"):
            next_of(programme_of("gentle"), log, day=2)

    def test_green_then_red_returns_to_the_earlier_dose(self) -> None:
        log = [did("middle", 1, pain=1), did("middle", 2, pain=7, day=1)]
        assert ("middle", 1, 6, 10) == dose(next_of(programme_of("middle"), log, 2))


class TestCare:
    """What a physiotherapist adds to the light: pace, gaps, limits, advice."""

    def test_after_a_red_one_good_session_is_not_enough_to_step_up(self) -> None:
        log = [did("middle", 2, pain=7), did("middle", 1, pain=1, day=1)]
        routine = next_of(programme_of("middle"), log, day=2)
        assert ("middle", 1, 6, 10) == dose(routine)
        assert "but it hurt the time before: the same dose today" in str(
            routine.steps[0].note
        )
        log.append(did("middle", 1, pain=1, day=2))
        assert ("middle", 1, 8, 10) == dose(next_of(programme_of("middle"), log, 3))

    def test_after_a_long_gap_a_step_back(self) -> None:
        routine = next_of(programme_of("middle"), [did("middle", 2, pain=1)], day=20)
        assert ("middle", 1, 6, 10) == dose(routine)
        assert "Middle: 20 days since you last did it: one step back." == str(
            routine.steps[0].note
        )

    def test_after_a_long_break_back_to_a_first_dose(self) -> None:
        routine = next_of(programme_of("middle"), [did("middle", 3, pain=1)], day=63)
        assert ("middle", 1, 6, 5) == dose(routine)
        assert (
            "Middle: 63 days since you last did it: back to its first dose today, "
            "to build up again."
        ) == routine.steps[0].note

    def test_pain_that_does_not_settle_says_to_see_someone(self) -> None:
        log = [did("middle", 1, pain=4, day=day) for day in range(2)]
        assert () == next_of(programme_of("middle"), log, 2).safety
        log.append(did("middle", 1, pain=5, day=2, next_morning=4))
        routine = next_of(programme_of("middle"), log, 3)
        assert f"{SEE_SOMEONE_SOON}: {UNSETTLED}." == routine.safety[0]
        assert ("middle", 1, 6, 10) == dose(routine)

    def test_a_session_cut_short_is_not_progress(self) -> None:
        short = [ExerciseDone(exercise="middle", sets=[ExerciseSet(reps=2)], pain=1)]
        routine = next_of(
            programme_of("middle"), [did("middle", 0, 1, exercises=short)]
        )
        assert ("middle", 1, 6, 5) == dose(routine)
        assert "you did less than its first dose (pain of 1): the same dose" in str(
            routine.steps[0].note
        )

    def test_a_step_up_keeps_within_the_minutes_of_the_slot(self) -> None:
        at_two = programme_of("middle")
        step_two = Routine(
            name="Bedtime",
            steps=[RoutineStep(exercise=CATALOG["middle"], sets=GUIDANCE.at_step(2))],
        )
        minutes = estimate_duration(step_two) / 60 + 0.1
        tight = programme_of("middle", minutes=minutes)
        log = twice("middle", 2, pain=1)
        assert ("middle", 2, 8, 10) == dose(next_of(at_two, log, 2))
        routine = next_of(tight, log, 2)
        assert ("middle", 1, 8, 10) == dose(routine)
        assert str(routine.steps[0].note).startswith(
            "Middle: kept at the same dose today, so that the routine stays within "
        )

    @staticmethod
    def after_two_good_sessions(caution: Caution) -> RoutineStep:
        """The next step of an exercise with *caution*, for a pregnant person."""
        catalog = Catalog([version("careful", cautions=[caution])])
        pregnant = [Condition.PREGNANCY]
        routine = Routine(
            name="Bedtime",
            steps=[RoutineStep(exercise=catalog["careful"], sets=GUIDANCE.at_step(0))],
            conditions=pregnant,
        )
        request = PlanRequest(time_of_day=TimeOfDay.BEDTIME, conditions=pregnant)
        programme = programme_of(
            "middle",
            slots=[Slot(id="bedtime", request=request, routine=routine)],
            conditions=pregnant,
        )
        log = [
            Session(
                programme=programme.id,
                slot="bedtime",
                date=START + dt.timedelta(days=day),
                exercises=both_done(careful=1),
            )
            for day in range(2)
        ]
        on = START + dt.timedelta(days=2)
        return next_session(programme, log, on=on, catalog=catalog).steps[0]

    def test_a_caution_for_the_persons_condition_holds_the_dose(self) -> None:
        step = self.after_two_good_sessions(
            Caution(
                about="holds in pregnancy",
                advice="Keep the holds short.",
                conditions=[Condition.PREGNANCY],
                keep_dose=True,
            )
        )
        assert GUIDANCE.at_step(0) == step.sets
        assert "its caution for your condition asks to keep it so" in str(step.note)

    def test_a_caution_about_something_else_lets_the_dose_rise(self) -> None:
        step = self.after_two_good_sessions(
            Caution(
                about="the bump",
                advice="Spread your knees wide.",
                conditions=[Condition.PREGNANCY],
            )
        )
        assert GUIDANCE.at_step(1) == step.sets

    def test_a_rest_day_gives_the_last_dose(self) -> None:
        programme = programme_of("middle", days=[Weekday.MONDAY, Weekday.TUESDAY])
        log = twice("middle", 0, pain=1)
        assert ("middle", 1, 6, 10) == dose(next_of(programme, log, day=7))
        rest = next_of(programme, log, day=2)
        assert ("middle", 1, 6, 5) == dose(rest)
        assert (
            "Middle: the same dose as last time: today is a rest day."
            == rest.steps[0].note
        )

    def test_a_day_before_the_start_says_when_it_starts(self) -> None:
        routine = next_of(programme_of("middle"), [], day=-3)
        assert "The programme starts on Monday 7 December 2026." in routine.notes

    def test_the_first_sessions_note_leaves_once_dosed_from_the_log(self) -> None:
        programme = plan_programme(
            ProgrammeRequest(
                slots=[PlanRequest(time_of_day=TimeOfDay.BEDTIME, minutes=8)],
                start=START,
            )
        )
        (slot,) = programme.slots
        first = next_session(programme, [], on=START)
        assert first.notes[0].startswith("The first sessions take about ")
        log = [
            Session(
                programme=programme.id,
                slot="bedtime",
                date=START,
                exercises=[
                    ExerciseDone(exercise=s.exercise.id, sets=s.sets, pain=1)
                    for s in slot.routine.steps
                ],
            )
        ]
        later = next_session(programme, log, on=START + dt.timedelta(days=1))
        assert not any(n.startswith("The first sessions") for n in later.notes)
        assert "Dosed from how your last sessions went." in later.notes

    def test_a_day_off_the_schedule_says_so(self) -> None:
        programme = programme_of("middle", days=[Weekday.MONDAY])
        routine = next_of(programme, [], day=1)
        assert (
            "Tuesday is not one of the programme's days: a day to rest, unless you "
            "want to do the routine gently."
        ) in routine.notes

    def test_after_the_last_day_it_says_the_programme_has_ended(self) -> None:
        programme = programme_of("middle", weeks=1)
        assert not any("ended" in note for note in next_of(programme, [], 6).notes)
        assert (
            "The programme ended on Sunday 13 December 2026: ask your "
            "physiotherapist whether to go on, and how."
        ) in next_of(programme, [], day=7).notes

    def test_red_twice_in_one_slot_is_said_in_every_slot(self) -> None:
        bedtime = programme_of("middle").slots[0]
        morning = Slot(
            id="morning",
            request=PlanRequest(time_of_day=TimeOfDay.MORNING),
            routine=bedtime.routine,
        )
        programme = programme_of("middle", slots=[morning, bedtime])
        log = [did("middle", 2, pain=7), did("middle", 1, pain=7, day=1)]
        on = START + dt.timedelta(days=2)
        routine = next_session(programme, log, on=on, slot="morning", catalog=CATALOG)
        assert f"{SEE_SOMEONE_SOON}: {HURT_TWICE}." == routine.safety[0]
        assert ("middle", 1, 6, 5) == dose(routine)  # its own log is empty

    def test_the_day_must_be_a_date(self) -> None:
        with pytest.raises(InvalidTypeError, match="'on' must be a date"):
            next_session(programme_of("middle"), [], on="2026-12-08")  # type: ignore[arg-type]

    def test_a_catalog_without_the_programmes_exercises_still_reads_the_log(
        self,
    ) -> None:
        routine = next_session(
            programme_of("middle"),
            twice("middle", 0, pain=1),
            on=START + dt.timedelta(days=2),
            catalog=Catalog([version("neighbour")]),
        )
        assert ("middle", 1, 6, 10) == dose(routine)


class TestWarningSigns:
    def test_a_sign_that_says_to_seek_care_stops_the_programme(self) -> None:
        log = [did("middle", 0, pain=2, warning_signs=[WarningSign.SADDLE_NUMBNESS])]
        with pytest.raises(SeekCareError) as stopped:
            next_of(programme_of("middle"), log)
        assert WarningSign.SADDLE_NUMBNESS in stopped.value.screening.signs

    def test_a_sign_that_says_to_see_a_professional_comes_first(self) -> None:
        log = twice("middle", 0, 2, warning_signs=[WarningSign.PAIN_BELOW_KNEE])
        routine = next_of(programme_of("middle"), log, 2)
        assert "physiotherapist" in routine.safety[0]
        assert ("middle", 1, 6, 5) == dose(routine)  # no step up
        assert "you noted a sign to see a professional about" in str(
            routine.steps[0].note
        )

    def test_a_sign_logged_after_the_day_asked_for_is_not_read(self) -> None:
        log = [did("middle", 0, pain=2, day=5, warning_signs=[WarningSign.FEVER])]
        assert ("middle", 1, 6, 5) == dose(next_of(programme_of("middle"), log, 1))


class TestWhatCounts:
    def test_what_was_done_not_what_was_prescribed(self) -> None:
        """Fewer reps than the step asked for count as the step they reached."""
        done = ExerciseDone(
            exercise="middle",
            sets=[
                ExerciseSet(reps=6, hold=CATALOG["middle"].dosage.at_step(2)[0].hold)
            ],
            pain=1,
        )
        log = [did("middle", 1, pain=1), did("middle", 2, 1, day=1, exercises=[done])]
        assert ("middle", 1, 8, 10) == dose(next_of(programme_of("middle"), log, 2))

    def test_a_session_logged_again_replaces_the_earlier(self) -> None:
        """Logged again the same day, with the next morning's pain."""
        first = did("middle", 2, pain=1)
        again = did("middle", 2, pain=1, next_morning=6)
        routine = next_of(programme_of("middle"), [first, again])
        assert ("middle", 1, 6, 10) == dose(routine)

    def test_of_two_versions_done_in_one_session_the_one_that_hurt_decides(
        self,
    ) -> None:
        both = [
            ExerciseDone(exercise="gentle", sets=GUIDANCE.at_step(3), pain=1),
            ExerciseDone(exercise="middle", sets=GUIDANCE.at_step(1), pain=5),
        ]
        log = [did("middle", 0, pain=0, exercises=both)]
        assert ("middle", 1, 6, 10) == dose(next_of(programme_of("middle"), log))

    def test_the_default_slot_is_the_first_not_yet_logged_that_day(self) -> None:
        programme = plan_programme(
            ProgrammeRequest(
                slots=[
                    PlanRequest(time_of_day=TimeOfDay.MORNING, minutes=5),
                    PlanRequest(time_of_day=TimeOfDay.BEDTIME, minutes=5),
                ],
                start=START,
            )
        )
        morning = programme.slots[0].routine
        log = [
            Session(
                programme=programme.id,
                slot="morning",
                date=START,
                exercises=[
                    ExerciseDone(exercise=s.exercise.id, sets=s.sets, pain=1)
                    for s in morning.steps
                ],
            )
        ]
        assert "Bedtime: lower back" == next_session(programme, log, on=START).name
        tomorrow = START + dt.timedelta(days=1)
        assert "Morning: lower back" == next_session(programme, log, on=tomorrow).name


class TestLimits:
    def test_a_step_up_never_passes_the_time_on_the_back_in_pregnancy(self) -> None:
        """Pregnancy allows 3 minutes at a time lying on the back."""
        guidance = Dosage(sets=Span(1, 1), reps=Span(10, 10), hold_seconds=Span(10, 20))
        exercise = version("lying", dosage=guidance, position=Position.SUPINE)
        catalog = Catalog([exercise])
        steps = [RoutineStep(exercise=exercise, sets=guidance.at_step(1))]
        programme = programme_of("middle", conditions=[Condition.PREGNANCY])
        slot = programme.slots[0]
        routine = Routine(
            name="Bedtime",
            time_of_day=TimeOfDay.BEDTIME,
            steps=steps,
            conditions=[Condition.PREGNANCY],
        )
        programme = Programme(
            id=programme.id,
            name=programme.name,
            slots=[Slot(id="bedtime", request=slot.request, routine=routine)],
            start=START,
            conditions=[Condition.PREGNANCY],
        )
        log = [
            Session(
                programme=programme.id,
                slot="bedtime",
                date=START + dt.timedelta(days=day),
                exercises=[
                    ExerciseDone(exercise="lying", sets=guidance.at_step(1), pain=1)
                ],
            )
            for day in range(2)
        ]
        on = START + dt.timedelta(days=2)
        held = next_session(programme, log, on=on, catalog=catalog).steps[0]
        assert held.sets[0].hold == Hold(15)
        assert held.note == (
            "Lying: kept at the same dose today, so that lying on your back stays "
            "under 3 minutes at a time."
        )
        free = attrs_evolve_conditions(programme)
        raised = next_session(free, log, on=on, catalog=catalog).steps[0]
        assert raised.sets[0].hold == Hold(20)


def attrs_evolve_conditions(programme: Programme) -> Programme:
    """*programme* for a person with no conditions."""
    slot = programme.slots[0]
    routine = Routine(
        name=slot.routine.name,
        time_of_day=slot.routine.time_of_day,
        steps=slot.routine.steps,
        conditions=(),
    )
    request = PlanRequest(time_of_day=TimeOfDay.BEDTIME)
    return Programme(
        id=programme.id,
        name=programme.name,
        slots=[Slot(id=slot.id, request=request, routine=routine)],
        start=programme.start,
    )


class TestLogAgainstItsProgramme:
    def test_another_programmes_session(self) -> None:
        log = [did("middle", 0, pain=1), did("middle", 0, 1, programme="other")]
        with pytest.raises(InvalidDocumentError) as refused:
            next_of(programme_of("middle"), log)
        assert refused.value.problems == (
            (
                "session 2: $.programme: must be 'test-programme', this programme's "
                "id (got 'other': a session of another programme)"
            ),
        )

    def test_a_session_before_the_start(self) -> None:
        log = [did("middle", 0, pain=1, day=-1)]
        with pytest.raises(InvalidDocumentError) as refused:
            next_of(programme_of("middle"), log)
        assert refused.value.problems == (
            (
                "session 1: $.date: must be on or after the programme's start, "
                "2026-12-07 (got '2026-12-06')"
            ),
        )

    def test_an_unknown_exercise(self) -> None:
        log = [did("neighbour", 0, pain=1)]
        with pytest.raises(InvalidDocumentError) as refused:
            next_of(programme_of("middle"), log)
        assert refused.value.problems == (
            (
                "session 1: $.exercises[0].exercise: must be an exercise of the "
                "'bedtime' routine or one of its versions (got 'neighbour')"
            ),
        )

    def test_an_unknown_slot(self) -> None:
        log = [did("middle", 0, pain=1, slot="noon")]
        with pytest.raises(InvalidDocumentError, match=r"session 1: \$\.slot: must"):
            next_of(programme_of("middle"), log)

    def test_a_pain_score_of_eleven(self) -> None:
        with pytest.raises(InvalidValueError, match="'pain' must be at most 10"):
            ExerciseDone(exercise="middle", sets=[ExerciseSet(reps=1)], pain=11)


class TestLogFile:
    def test_round_trip(self, tmp_path: Path) -> None:
        log = tmp_path / "log.jsonl"
        written = [did("middle", 0, pain=2), did("middle", 1, pain=4, day=1)]
        for session in written:
            append_session(log, session)
        assert tuple(written) == read_log(log)
        assert 2 == log.read_bytes().count(b"\n")

    def test_a_bad_line_is_named(self, tmp_path: Path) -> None:
        log = tmp_path / "log.jsonl"
        append_session(log, did("middle", 0, pain=2))
        line = dumps(did("middle", 0, pain=3)).replace('"pain":3', '"pain":11')
        with log.open("a", encoding="utf-8") as file:
            file.write(line + "\n")
        with pytest.raises(InvalidDocumentError) as refused:
            read_log(log)
        assert refused.value.problems == (
            "line 2: $.exercises[0].pain: must be at most 10 (got 11)",
        )

    def test_a_blank_line_is_named(self, tmp_path: Path) -> None:
        log = tmp_path / "log.jsonl"
        append_session(log, did("middle", 0, pain=2))
        with log.open("a", encoding="utf-8") as file:
            file.write("\n")
        append_session(log, did("middle", 0, pain=2, day=1))
        with pytest.raises(InvalidDocumentError, match="line 2: is blank"):
            read_log(log)

    def test_a_last_line_cut_short_is_reported_and_blocks_appending(
        self, tmp_path: Path
    ) -> None:
        log = tmp_path / "log.jsonl"
        append_session(log, did("middle", 0, pain=2))
        whole = dumps(did("middle", 0, pain=2, day=1))
        with log.open("a", encoding="utf-8") as file:
            file.write(whole[: len(whole) // 2])
        with pytest.raises(InvalidDocumentError) as refused:
            read_log(log)
        assert 1 == len(refused.value.problems)
        assert refused.value.problems[0].startswith("line 2: is cut short")
        before = log.read_bytes()
        with pytest.raises(InvalidDocumentError, match="does not end with a line"):
            append_session(log, did("middle", 0, pain=2, day=2))
        assert before == log.read_bytes()

    @settings(max_examples=10)
    @given(st.lists(any_session(), min_size=1, max_size=4))
    def test_any_sessions_round_trip_and_appending_never_rewrites(
        self, tmp_path_factory: pytest.TempPathFactory, written: list[Session]
    ) -> None:
        log = tmp_path_factory.mktemp("log") / "log.jsonl"
        for session in written:
            before = log.read_bytes() if log.exists() else b""
            append_session(log, session)
            assert log.read_bytes().startswith(before)
            assert loads(dumps(session), Session) == session
        assert tuple(written) == read_log(log)


# -- properties over made-up logs ----------------------------------------------

PAINS = st.lists(
    st.tuples(st.integers(0, 10), st.none() | st.integers(0, 10)), max_size=12
)


def follow(programme: Programme, pains: list[tuple[int, int | None]]) -> list[Routine]:
    """Do every day's routine as given, with *pains*; the routines given."""
    log: list[Session] = []
    given_ = []
    for day, (pain, morning) in enumerate(pains):
        try:
            routine = next_of(programme, log, day)
        except PlanningError:
            break
        given_.append(routine)
        log.append(
            Session(
                programme=programme.id,
                slot="bedtime",
                date=START + dt.timedelta(days=day),
                exercises=[
                    ExerciseDone(exercise=s.exercise.id, sets=s.sets, pain=pain)
                    for s in routine.steps
                ],
                next_morning=morning,
            )
        )
    return given_


class TestProperties:
    @settings(max_examples=examples(25))
    @given(PAINS, st.sampled_from(["gentle", "middle", "hardest"]))
    def test_a_step_never_leaves_the_guidance(
        self, pains: list[tuple[int, int | None]], start: str
    ) -> None:
        """Every dose given is within its exercise's guidance, in its chain."""
        for routine in follow(programme_of(start), pains):
            for step in routine.steps:
                assert step.exercise.id in {"gentle", "middle", "hardest"}
                guidance = step.exercise.dosage
                assert guidance.sets.low <= len(step.sets) <= guidance.sets.high
                for one in step.sets:
                    assert guidance.reps.low <= one.reps <= guidance.reps.high
                    assert one.hold is not None
                    assert guidance.hold_seconds is not None
                    hold = guidance.hold_seconds
                    assert hold.low <= one.hold.seconds <= hold.high

    @settings(max_examples=examples(25))
    @given(PAINS, st.sampled_from(["gentle", "middle", "hardest"]))
    def test_green_then_red_returns_to_the_dose_before(
        self, pains: list[tuple[int, int | None]], start: str
    ) -> None:
        programme = programme_of(start)
        days = [*pains, (1, None), (7, None), (1, None)]
        routines = follow(programme, days)
        if len(routines) < len(days):  # nothing was left to do: see someone
            return
        before, after_green, after_red = routines[-3], routines[-2], routines[-1]
        if dose(after_green) != dose(before):  # green moved it up
            assert dose(before) == dose(after_red)

    @settings(max_examples=10)
    @given(PAINS)
    def test_the_same_programme_and_log_give_the_same_session(
        self, pains: list[tuple[int, int | None]]
    ) -> None:
        programme = programme_of("middle")
        log: list[Session] = []
        for day, (pain, morning) in enumerate(pains):
            log.append(did("middle", day % 4, pain, day=day, next_morning=morning))
        on = START + dt.timedelta(days=len(pains))
        first = dumps(next_session(programme, log, on=on, catalog=CATALOG))
        again_programme = loads(dumps(programme), Programme)
        again_log = [loads(dumps(s), Session) for s in log]
        again = next_session(again_programme, again_log, on=on, catalog=CATALOG)
        assert first == dumps(again)


class TestPlanProgramme:
    def request(self, **changes: Any) -> ProgrammeRequest:
        fields: dict[str, Any] = {
            "slots": [
                PlanRequest(time_of_day=TimeOfDay.MORNING, minutes=6),
                PlanRequest(time_of_day=TimeOfDay.BEDTIME, minutes=6),
            ],
            "weeks": 4,
            "days": Weekday.spread(3),
        }
        fields.update(changes)
        return ProgrammeRequest(**fields)

    def test_each_slot_is_planned_by_the_planner(self) -> None:
        programme = plan_programme(self.request())
        assert ["morning", "bedtime"] == [slot.id for slot in programme.slots]
        assert programme.name == "Morning and bedtime, 3 days a week, for 4 weeks"
        for slot in programme.slots:
            assert slot.routine.time_of_day is slot.request.time_of_day
            assert BodyArea.LOWER_BACK in slot.routine.targets

    def test_each_exercise_starts_at_the_step_asked_for(self) -> None:
        slots = [PlanRequest(time_of_day=TimeOfDay.BEDTIME, minutes=6, progression=1)]
        (slot,) = plan_programme(self.request(slots=slots)).slots
        assert {
            step.exercise.id: min(1, step.exercise.dosage.top_step)
            for step in slot.routine.steps
        } == slot.steps
        assert 1 in slot.steps.values()

    def test_the_first_routine_takes_about_half_the_minutes(self) -> None:
        (slot,) = plan_programme(
            self.request(slots=[PlanRequest(time_of_day=TimeOfDay.BEDTIME, minutes=8)])
        ).slots
        assert estimate_duration(slot.routine) <= 4 * 60
        assert slot.routine.notes[0].startswith("The first sessions take about ")
        assert "of the 8 minutes this routine has" in slot.routine.notes[0]

    def test_when_nothing_fits_in_half_the_first_routine_takes_them_all(
        self,
    ) -> None:
        (slot,) = plan_programme(
            self.request(slots=[PlanRequest(time_of_day=TimeOfDay.BEDTIME, minutes=1)])
        ).slots
        assert 30 < estimate_duration(slot.routine) <= 60
        assert not any(n.startswith("The first sessions") for n in slot.routine.notes)

    def test_the_same_request_gives_the_same_programme_and_id(self) -> None:
        first, again = plan_programme(self.request()), plan_programme(self.request())
        assert dumps(first) == dumps(again)
        assert first.id.startswith("programme-")
        assert first.id != plan_programme(self.request(weeks=5)).id
        assert "mine" == plan_programme(self.request(id="mine")).id

    def test_a_slot_that_cannot_be_planned_is_named(self) -> None:
        request = self.request(
            slots=[PlanRequest(time_of_day=TimeOfDay.BEDTIME, minutes=0.1)]
        )
        with pytest.raises(PlanningError, match=r"^the bedtime routine: "):
            plan_programme(request)

    def test_warning_signs_stop_planning(self) -> None:
        signs = [WarningSign.CHEST_PAIN]
        request = self.request(
            slots=[PlanRequest(time_of_day=TimeOfDay.MORNING, warning_signs=signs)]
        )
        with pytest.raises(SeekCareError):
            plan_programme(request)

    def test_two_slots_at_one_time_are_refused(self) -> None:
        with pytest.raises(InvalidValueError, match="got 1 slot twice: morning"):
            self.request(
                slots=[
                    PlanRequest(time_of_day=TimeOfDay.MORNING),
                    PlanRequest(time_of_day=TimeOfDay.MORNING, minutes=5),
                ]
            )

    def test_slots_are_for_one_person(self) -> None:
        with pytest.raises(InvalidValueError) as refused:
            self.request(
                slots=[
                    PlanRequest(time_of_day=TimeOfDay.MORNING),
                    PlanRequest(
                        time_of_day=TimeOfDay.BEDTIME, conditions=[Condition.PREGNANCY]
                    ),
                ]
            )
        assert "slots[1].conditions" == refused.value.field

    def test_a_start_must_leave_room_for_the_weeks(self) -> None:
        with pytest.raises(InvalidValueError) as refused:
            self.request(start=dt.date(9999, 12, 4))
        assert (
            "'start' must leave room for 4 weeks before the end of the calendar: "
            "9999-12-03 at the latest (got '9999-12-04')"
        ) == str(refused.value)
        assert self.request(start=dt.date(9999, 12, 3)).start is not None

    def test_a_programmes_slots_have_ids_of_their_own(self) -> None:
        slot = programme_of("middle").slots[0]
        with pytest.raises(InvalidValueError, match="must each have an id of its"):
            programme_of("middle", slots=[slot, slot])

    def test_a_slot_by_its_id(self) -> None:
        programme = programme_of("middle")
        assert programme.slots[0] is programme.slot("bedtime")
        with pytest.raises(KeyError, match="no slot 'noon' \\(it has bedtime\\)"):
            programme.slot("noon")

    def test_a_session_names_each_exercise_once(self) -> None:
        with pytest.raises(InvalidValueError, match="got middle twice"):
            did("middle", 0, 1, exercises=both_done(middle=1) * 2)

    def test_spread_days(self) -> None:
        assert (Weekday.MONDAY, Weekday.WEDNESDAY, Weekday.FRIDAY) == Weekday.spread(3)
        assert tuple(Weekday) == Weekday.spread(7)
        with pytest.raises(ValueError, match="from 1 to 7"):
            Weekday.spread(0)
