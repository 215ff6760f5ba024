"""How closely a programme was followed: sessions done against sessions due.

:func:`adherence` reads a programme's log up to a day and sums it up, week
by week of the programme (done, due, and the slots missed), and exercise
by exercise (what was done each time, and the pain it gave), for a
handout's "How it went" section, a chart, or an app.

A result, not a document: :class:`Adherence` has no ``kind`` and is not
read back with :func:`~backroutine.loads`; :func:`as_plain` gives it as
plain JSON values for the command line's ``--format json``.

Like the rest of the library: pure, deterministic, no clock.  Annotations
are evaluated, not postponed, as in :mod:`backroutine._programme_model`:
the classes report the package as their module, which does not export
:mod:`datetime`.
"""

import datetime as dt
from collections.abc import Sequence

import attrs

from backroutine._catalog import Catalog
from backroutine._model import ExerciseSet
from backroutine._programme import check_log, latest, log_advice, start_of
from backroutine._programme_model import ExerciseDone, Programme, Session
from backroutine._public import publish
from backroutine._safety import screen
from backroutine._vocabulary import Weekday

__all__ = [
    "Adherence",
    "AdherenceWeek",
    "ExercisePoint",
    "ExerciseProgress",
    "adherence",
    "as_plain",
]


@attrs.frozen(kw_only=True)
class AdherenceWeek:
    """One week of a programme, up to the day asked about.

    Args:
        number: The week of the programme, 1 for the first.
        first_day: Its first day.
        done: How many of its due sessions were logged (a slot on a day it
            was due).
        due: How many sessions were due in it, up to the day asked about:
            the programme's days that fall in it, times its slots.
        missed: Each due session not logged, as its day and slot id, in
            the order of the days, then of the day's slots.
        extra: Sessions logged on days the programme does not ask for,
            which do not count as done.
    """

    number: int
    first_day: dt.date
    done: int
    due: int
    missed: tuple[tuple[dt.date, str], ...]
    extra: int = 0


@attrs.frozen(kw_only=True)
class ExercisePoint:
    """One time an exercise was done: how much, and the pain it gave.

    Args:
        date: The day it was done.
        slot: The slot whose session it was part of.
        sets: How many sets were done.
        reps: The reps of the first set (per side where sides alternate).
        hold_seconds: The hold of the first set, in seconds, or None for a
            moving exercise.
        dose: The whole amount done, one number to compare over time: the
            seconds held over every rep of every set, or for a moving
            exercise, the reps of every set (each side counted).
        pain: The pain during or straight after it, from 0 to 10.
        next_morning: The session's pain the next morning, or None.
    """

    date: dt.date
    slot: str
    sets: int
    reps: int
    hold_seconds: int | None
    dose: int
    pain: int
    next_morning: int | None


@attrs.frozen(kw_only=True)
class ExerciseProgress:
    """An exercise's points over time, as the log has them.

    Args:
        exercise: The exercise's id.
        points: Each time it was done, by date (then slot order in the log).
    """

    exercise: str
    points: tuple[ExercisePoint, ...]


@attrs.frozen(kw_only=True)
class Adherence:
    """How closely a programme was followed, up to a day.

    Made by :func:`adherence`; compare two with ``==``.

    Args:
        programme: The programme's id.
        start: The programme's first day, or None when it has no start and
            no session was logged: then nothing is due and nothing done.
        until: The last day counted.
        weeks: Each week of the programme begun by *until*, first to last,
            never past the programme's last week.
        exercises: Each exercise done, in the order first done, with its
            points over time.
        advice: What the log says to do before going on, first of all, as
            :func:`~backroutine.next_session` puts it first: what its warning
            signs say, and to see a professional when an exercise hurt twice
            running or pain has not settled; empty when nothing.
        stopped: The day a warning sign that says to seek care was logged,
            or None: the programme stops there, and nothing after it is due.
    """

    programme: str
    start: dt.date | None
    until: dt.date
    weeks: tuple[AdherenceWeek, ...]
    exercises: tuple[ExerciseProgress, ...]
    advice: tuple[str, ...] = ()
    stopped: dt.date | None = None

    @property
    def done(self) -> int:
        """The due sessions logged, over every week."""
        return sum(week.done for week in self.weeks)

    @property
    def due(self) -> int:
        """The sessions due, over every week."""
        return sum(week.due for week in self.weeks)

    @property
    def missed(self) -> tuple[tuple[dt.date, str], ...]:
        """Every due session not logged, as its day and slot id."""
        return tuple(missed for week in self.weeks for missed in week.missed)

    @property
    def percentage(self) -> float | None:
        """The sessions done as a percentage of those due; None if none was due."""
        if not self.due:
            return None
        return 100 * self.done / self.due


def _dose(sets: tuple[ExerciseSet, ...]) -> int:
    return sum(s.total_reps * (1 if s.hold is None else s.hold.seconds) for s in sets)


def _point(session: Session, done: ExerciseDone) -> ExercisePoint:
    first = done.sets[0]
    return ExercisePoint(
        date=session.date,
        slot=session.slot,
        sets=len(done.sets),
        reps=first.reps,
        hold_seconds=None if first.hold is None else first.hold.seconds,
        dose=_dose(done.sets),
        pain=done.pain,
        next_morning=session.next_morning,
    )


def _week(  # noqa: PLR0913 (which week, and the log read against it)
    programme: Programme,
    number: int,
    first_day: dt.date,
    last_day: dt.date,
    logged: set[tuple[dt.date, str]],
    *,
    stopped: dt.date | None,
) -> AdherenceWeek:
    """Week *number*, from *first_day* to *last_day* (both counted).

    On the day the programme *stopped*, only the sessions logged count.
    """
    due_days = set(programme.days)
    done = due = extra = 0
    missed: list[tuple[dt.date, str]] = []
    day = first_day
    while day <= last_day:
        if Weekday.of(day) in due_days:
            for slot in programme.slots:
                if day == stopped and (day, slot.id) not in logged:
                    continue
                due += 1
                if (day, slot.id) in logged:
                    done += 1
                else:
                    missed.append((day, slot.id))
        else:
            extra += sum((day, slot.id) in logged for slot in programme.slots)
        day += dt.timedelta(days=1)
    return AdherenceWeek(
        number=number,
        first_day=first_day,
        done=done,
        due=due,
        missed=tuple(missed),
        extra=extra,
    )


def adherence(
    programme: Programme,
    sessions: Sequence[Session],
    *,
    until: dt.date,
    catalog: Catalog | None = None,
    language: str | None = None,
) -> Adherence:
    """Sum up how closely *programme* was followed, up to the day *until*.

    A session appended again for the same slot and day (with the next
    morning's pain, say) counts once: the later record is the one read,
    as :func:`~backroutine.next_session` reads it.  Sessions after
    *until*, or after the programme's last day, are left out.  The same
    programme, log and day always give the same summary.

    Args:
        programme: The programme.
        sessions: Its log, in the order written (see
            :func:`~backroutine.read_log`).
        until: The last day to count: the caller's "today".
        catalog: The catalog the programme was planned from; None for the
            built-in one.
        language: The language of the advice it carries (what the log
            says to do before going on); None for the programme's own.

    Returns:
        The weeks begun by *until* with their sessions done, due and
        missed, and each exercise's points over time.  With no start and
        no session, or *until* before the start, no week.

    Raises:
        InvalidDocumentError: The log is not this programme's (as
            :func:`~backroutine.next_session` checks it); each problem
            names the session's place in the log, ``session 3``.
    """
    check_log(programme, sessions, catalog)
    start = start_of(programme, sessions)
    advice = log_advice(
        programme, sessions, on=until, catalog=catalog, language=language
    )
    if start is None:
        return Adherence(
            programme=programme.id,
            start=None,
            until=until,
            weeks=(),
            exercises=(),
            advice=advice,
        )
    stopped = next(
        (
            s.date
            for s in latest(sessions)
            if s.date <= until and screen(s.warning_signs).stops_exercise
        ),
        None,
    )
    last = min(until, programme.end(start), stopped or until)
    kept = [s for s in latest(sessions) if start <= s.date <= last]
    logged = {(s.date, s.slot) for s in kept}
    weeks = []
    for number in range(1, programme.weeks + 1):
        first_day = start + dt.timedelta(weeks=number - 1)
        if first_day > last:
            break
        last_day = min(first_day + dt.timedelta(days=6), last)
        weeks.append(
            _week(programme, number, first_day, last_day, logged, stopped=stopped)
        )
    points: dict[str, list[ExercisePoint]] = {}
    for session in kept:
        for done in session.exercises:
            points.setdefault(done.exercise, []).append(_point(session, done))
    return Adherence(
        programme=programme.id,
        start=start,
        until=until,
        weeks=tuple(weeks),
        exercises=tuple(
            ExerciseProgress(exercise=exercise, points=tuple(found))
            for exercise, found in points.items()
        ),
        advice=advice,
        stopped=stopped,
    )


def _day(day: dt.date) -> str:
    return day.isoformat()


def as_plain(summary: Adherence) -> dict[str, object]:
    """*summary* as plain JSON values: dicts, lists, numbers, ``YYYY-MM-DD``.

    Not a document of the JSON format (it has no ``kind`` and is never
    read back); what ``backroutine adherence --format json`` prints.
    """
    return {
        "programme": summary.programme,
        "advice": list(summary.advice),
        "stopped": None if summary.stopped is None else _day(summary.stopped),
        "start": None if summary.start is None else _day(summary.start),
        "until": _day(summary.until),
        "done": summary.done,
        "due": summary.due,
        "percentage": summary.percentage,
        "weeks": [
            {
                "number": week.number,
                "first_day": _day(week.first_day),
                "done": week.done,
                "due": week.due,
                "extra": week.extra,
                "missed": [
                    {"date": _day(day), "slot": slot} for day, slot in week.missed
                ],
            }
            for week in summary.weeks
        ],
        "exercises": {
            progress.exercise: [
                {
                    "date": _day(point.date),
                    "slot": point.slot,
                    "sets": point.sets,
                    "reps": point.reps,
                    "hold_seconds": point.hold_seconds,
                    "dose": point.dose,
                    "pain": point.pain,
                    "next_morning": point.next_morning,
                }
                for point in progress.points
            ]
            for progress in summary.exercises
        },
    }


publish(Adherence, AdherenceWeek, ExercisePoint, ExerciseProgress, adherence)
