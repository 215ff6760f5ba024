"""A programme's words for people are marked for translation.

No catalog is needed: the language's translations are replaced by one that
wraps every message it translates in «…», so that a sentence shows whether
it went through gettext.  A programme is planned and dosed from a log with
every light (green, amber, red, red again, a long gap) in "Spanish", and
every note the programme's code writes must carry the marks, as must its
handout's headings, table, summary and chart, and the words the calendar,
FHIR and FIT adapters write themselves.  Exercise names, instructions and
the planner's own notes are not this code's words, and are left alone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import attrs
import pytest

from backroutine import (
    ExerciseDone,
    Pace,
    PlanRequest,
    Programme,
    ProgrammeRequest,
    Routine,
    Session,
    TimeOfDay,
    Weekday,
    next_session,
    plan_programme,
)
from backroutine._adherence import Adherence, AdherenceWeek, adherence
from backroutine._programme_handout import (
    adherence_text,
    programme_markdown,
    schedule_fields,
)

pytestmark = pytest.mark.usefixtures("marked")

START = dt.date(2026, 12, 7)  # a Monday
DAYS = Weekday.spread(5)  # Monday, Tuesday, Wednesday, Friday, Saturday


def programme() -> Programme:
    """A two-week bedtime programme on five days a week, planned in Spanish."""
    request = ProgrammeRequest(
        slots=[PlanRequest(time_of_day=TimeOfDay.BEDTIME, minutes=10)],
        weeks=2,
        days=DAYS,
        start=START,
    )
    return plan_programme(request)


def session(
    planned: Programme,
    day: int,
    steps_and_pains: Sequence[tuple[int, int]],
    *,
    next_morning: int | None = None,
) -> Session:
    """A session *day* days after the start: each exercise's step, and its pain."""
    routine = planned.slots[0].routine
    return Session(
        programme=planned.id,
        slot=planned.slots[0].id,
        date=START + dt.timedelta(days=day),
        exercises=[
            ExerciseDone(
                exercise=step.exercise.id,
                sets=step.exercise.dosage.at_step(at),
                pain=pain,
            )
            for step, (at, pain) in zip(routine.steps, steps_and_pains, strict=True)
        ],
        next_morning=next_morning,
    )


def dosed(planned: Programme, log: Sequence[Session], day: int) -> Routine:
    return next_session(planned, log, on=START + dt.timedelta(days=day))


def is_marked(text: str) -> bool:
    """Whether *text* is messages that went through gettext, from end to end."""
    return text.startswith("«") and text.endswith("»")


def code_notes(planned: Programme, routine: Routine) -> list[str]:
    """The notes the programme's code wrote: all but the planner's own.

    The planner's notes of the first routine follow its note on the first
    sessions; a step's note says why its dose is what it is, then gives the
    planner's note on the exercise, which is left out here.
    """
    first = planned.slots[0].routine
    planners = {step.note for step in first.steps if step.note is not None}
    notes = [note for note in routine.notes if note not in first.notes[1:]]
    for step in routine.steps:
        note = step.note or ""
        for planner in planners:
            note = note.removesuffix(f" {planner}")
        if note not in planners | {""}:
            notes.append(note)
    return notes


def found(pattern: str, text: str) -> bool:
    """Whether *pattern* is in *text*, each ``{placeholder}`` as any text.

    Runs of whitespace count as one space: a handout wraps its lines.
    """
    parts = re.split(r"\{\w+\}", " ".join(pattern.split()))
    flat = " ".join(text.split())
    return re.search(".+?".join(re.escape(part) for part in parts), flat) is not None


def test_a_planned_programme_is_marked() -> None:
    planned = programme()
    room, *_ = planned.slots[0].routine.notes
    assert found("«The first sessions take {took} of the {minutes} this routine", room)
    assert found("«{routines}, «{count} days a week», for {count} weeks»", planned.name)


def test_every_note_of_a_dosed_routine_is_marked() -> None:
    planned = programme()
    assert len(planned.slots[0].routine.steps) == 2  # the log does both
    log = [
        session(planned, 0, [(0, 1), (0, 1)]),
        session(planned, 1, [(0, 2), (0, 5)]),  # green twice running; amber
        session(planned, 2, [(1, 8), (0, 8)]),  # red; red at its first dose
        session(planned, 4, [(0, 7), (0, 7)]),  # red twice running
    ]
    gap = [session(planned, 0, [(1, 1), (1, 1)], next_morning=2)]
    routines = [
        dosed(planned, [], -1),  # before the start, on a Sunday
        dosed(planned, log[:1], 1),  # green once
        dosed(planned, log[:2], 2),  # a step up; the same dose
        dosed(planned, log[:2], 3),  # held on a rest day (a Thursday)
        dosed(planned, log[:3], 3),  # a step back; its easier version
        dosed(planned, log, 5),  # hurt twice running: left out, see someone
        dosed(planned, gap, 1),  # green once, and the next morning's pain
        dosed(planned, gap, 20),  # a long gap
        dosed(planned, gap, 40),  # a longer one, after the programme ended
    ]
    notes = [note for routine in routines for note in code_notes(planned, routine)]
    assert [note for note in notes if not is_marked(note)] == []
    for message in (
        "«The programme starts on {day}.»",
        "««Sunday» is not one of the programme's days: ",
        "«{exercise}: that went well («pain of 1»): the same dose once more",
        (
            "«{exercise}: you held «{count} seconds» with little pain («pain of "
            "2»): «{count} seconds» today.»"
        ),
        "«{exercise}: some pain («pain of 5»): the same dose today; ",
        "«Dosed from how your last sessions went.»",
        "«{exercise}: the same dose as last time: today is a rest day.»",
        (
            "«{exercise}: you held «{count} seconds» and it hurt («pain of 8»): "
            "«{count} seconds» today.»"
        ),
        "«{exercise}: it hurt («pain of 8»): do its easier version today, {easier}.»",
        "«{exercise} is left out: it hurt twice running («pain of 7») even at ",
        "«It has hurt twice running: see a physiotherapist or your doctor soon.»",
        "«{exercise}: that went well («pain of 1, 2 the next morning»): ",
        "«{exercise}: {days} days since you last did it: one step back.»",
        "«{exercise}: {days} days since you last did it: back to its first dose ",
        "«The programme ended on {day}: ask your physiotherapist whether ",
    ):
        assert any(found(message, note) for note in notes), message
    # The note on the first sessions is known by its message in any
    # language, and left out once the doses change.
    assert any("The first sessions take" in note for note in routines[0].notes)
    assert not any("The first sessions take" in note for note in routines[2].notes)
    assert found(
        "«See a physiotherapist or your doctor soon, and add nothing to your doses "
        "until you have: ««an exercise hurt twice running» and «pain did not "
        "settle over several sessions running»».»",
        routines[5].safety[0],
    )


def test_the_handout_and_the_summary_are_marked() -> None:
    planned = programme()
    log = [
        session(planned, 0, [(0, 1), (0, 1)]),
        session(planned, 1, [(0, 2), (0, 5)]),
        session(planned, 2, [(1, 8), (0, 8)]),
        session(planned, 4, [(0, 7), (0, 7)]),
    ]
    until = START + dt.timedelta(days=6)
    markdown = programme_markdown(planned, log, until=until)
    for message in (
        "## «Before you go on»",
        "- «See a physiotherapist or your doctor soon",
        "- **«Which days»:** ««Monday»«, »«Tuesday»",
        "- **«How often»:** «once a day: {routines}»",
        "- **«For how long»:** «2 weeks, from {start} to {end}»",
        "## «How it went»",
        "«Up to {day}: 4 of 5 sessions done (80\xa0%).»",
        "| «Week» | «From» | «Done» | «Due» | «Missed» |",
        "### «Pain and amount done»",
        "«The solid line is your pain after each day's sessions",
        '<title id="chart-title">«Pain and amount done, day by day»</title>',
        "«Pain on each of 4 days with a session, from {first} to {last}: ",
        "«The amount done went from {first}% to {last}% of the most done in a day.»",
        "«Behind the pain line, bands for the traffic light: «green for 0 to 3»",
        ">«Pain, 0 to 10»</text>",
        ">«Days with a session. Solid line: pain. Dashed line: amount done ",
    ):
        assert found(message, markdown), message
    text = adherence_text(planned, adherence(planned, log, until=until))
    for message in (
        "«Before you go on»:",
        "«Up to {day}: 4 of 5 sessions done (80\xa0%).»",
        "«Week 1 (from {day}): 4 of 5 done»",
        "«missed {day}: {routines}»",
    ):
        assert found(message, text), message
    unstarted = attrs.evolve(planned, start=None)
    markdown = programme_markdown(unstarted, [])
    assert found("«{count} weeks, from the day of your first session»", markdown)
    assert found("## «How it went» «No session has been logged yet.»", markdown)


def test_the_adapters_own_words_are_marked() -> None:
    from backroutine import fhir, fit, ical  # noqa: PLC0415 (extras, on first use)

    planned = programme()
    routine = planned.slots[0].routine
    assert "\n«Seek help now»\n" in ical._description(routine)
    names = [step.get("wkt_step_name") for step in fit._workout_steps(routine, Pace())]
    assert found("«Get ready: {exercise}»", names[0] or "")
    assert "«Release»" in names
    plan = fhir.to_fhir(planned)["entry"][0]["resource"]
    assert plan["subject"]["display"] == "«The person the plan is for»"
    assert found("«{routines}; on ««Monday»«, »«Tuesday»", plan["description"])


def test_counts_agree_in_their_messages() -> None:
    times = [TimeOfDay.MORNING, TimeOfDay.MIDDAY, TimeOfDay.BEDTIME]
    request = ProgrammeRequest(
        slots=[PlanRequest(time_of_day=time, minutes=4) for time in times],
        weeks=1,
    )
    planned = plan_programme(request)
    fields = dict(schedule_fields(planned, None))
    assert found("«3 times a day: {routines}»", fields["«How often»"])
    assert fields["«Which days»"] == "«every day»"
    assert found("«{routines}, «every day», for 1 week»", planned.name)
    nothing_due = Adherence(
        programme=planned.id,
        start=START,
        until=START,
        weeks=(AdherenceWeek(number=1, first_day=START, done=0, due=0, missed=()),),
        exercises=(),
    )
    text = adherence_text(planned, nothing_due)
    assert found("«Up to {day}: 0 of 0 sessions done.»", text)
