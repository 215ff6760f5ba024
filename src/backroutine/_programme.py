"""Programmes over weeks: planned once, then dosed session by session from a log.

:func:`plan_programme` plans each slot's first routine with the planner.
:func:`next_session` reads the log of sessions and gives the routine to do
next: each exercise by the pain traffic light (see
:mod:`backroutine._traffic_light`), one step at a time along its dose
(holds, then repetitions, then sets, :meth:`~backroutine.Dosage.at_step`)
and its versions (the catalog's ``harder`` links), every change said in
plain words in the step's note.  Nothing here reads the clock: the caller
says what day it is.

How an exercise's next dose is found, from the log up to that day, as a
physiotherapist would dose it:

- It is followed in its own slot's sessions (a morning and a bedtime
  routine progress each at their own pace), with its easier and harder
  versions; a version that is also another exercise's of the same routine
  is followed by neither, and moved to by neither.  A slot has one session
  a day: one logged again replaces the one before.  The last session that
  did it decides (when it did two of its versions, the one that hurt most).
- Its dose is what was done (:meth:`~backroutine.Dosage.step_of`), not what
  was prescribed: a session cut short is not taken for progress.
- Green twice running at one dose: a step up (a longer hold, then more
  reps, then another set); at the top of its guidance, its nearest harder
  version the slot allows, at a first dose.  Green once: the same dose
  once more.  Amber: the same dose.  Red: a step back; at a first dose, its
  easier version (at the dose last done of it, else its first), or, when
  the routine already holds its easier version, it is left out; with no
  easier version, the same dose, only as far as it is comfortable.
- Red twice running: the step back, and the advice to see a professional
  first in every routine of the programme, as when pain has not settled
  (amber or red) over :data:`UNSETTLED_SESSIONS` sessions running.  Red
  twice at its gentlest: left out until then; a routine with nothing left
  is a :class:`PlanningError`.
- After more than :data:`LONG_GAP_DAYS` days without it: a step back.
- No step up while the log holds a warning sign that says to see a
  professional, for an exercise whose caution concerns the person's
  condition, or past the slot's minutes or a condition's time lying on the
  back (the last steps up are held back first).  A warning sign that says
  to seek care stops the programme: :class:`~backroutine.SeekCareError`.
- The routine's notes say when the day is not one of the programme's, or
  when the programme has ended.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import itertools
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from typing import Final, Literal

import attrs

from backroutine._builtin import default_catalog
from backroutine._catalog import Catalog
from backroutine._durations import duration_text, minutes_text
from backroutine._formats import day_text
from backroutine._i18n import N_, _, current_language, ngettext, speaking, speaking_for
from backroutine._json import dumps
from backroutine._model import (
    Exercise,
    ExerciseSet,
    Frequency,
    PlanRequest,
    Routine,
    RoutineStep,
    Screening,
    Span,
)
from backroutine._planner import plan_routine, says_shorter, suits
from backroutine._programme_model import (
    EVERY_DAY,
    Programme,
    ProgrammeRequest,
    Session,
    Slot,
    slot_id,
)
from backroutine._public import publish
from backroutine._safety import CONDITION_RULES, screen
from backroutine._text import join, words
from backroutine._timing import Pace, estimate_duration, spells
from backroutine._traffic_light import AMBER, GREEN, RED, ZONES, Zone, zone_of
from backroutine._vocabulary import Position, Weekday
from backroutine.exceptions import (
    InvalidDocumentError,
    InvalidTypeError,
    InvalidValueError,
    PlanningError,
    SeekCareError,
)

__all__ = [
    "check_log",
    "latest",
    "log_advice",
    "next_session",
    "plan_programme",
    "start_of",
]


def plan_programme(
    request: ProgrammeRequest,
    catalog: Catalog | None = None,
    pace: Pace | None = None,
    *,
    language: str | None = None,
) -> Programme:
    """Plan a programme: each slot's first routine, with the planner.

    The same request, catalog, pace and language always give the same
    programme, and the same id, unless the request names one.

    Args:
        request: What to plan.
        catalog: The exercises to choose from; None for the built-in ones,
            in *language*.
        pace: The timing model; None for the default pace.
        language: The language of its words, as for
            :func:`~backroutine.plan_routine`: every slot's routine is
            planned in it.  None for English, or the language of the call
            this one is made within.

    Raises:
        SeekCareError: The person's warning signs say to seek care first.
        UnknownExerciseError: A slot excludes an id the catalog lacks.
        PlanningError: A slot cannot be planned; the message names the slot.
        UnknownLanguageError: *language* is not one backroutine writes (a
            :class:`ValueError`).
    """
    with speaking(language):
        return _plan_programme(request, catalog, pace)


def _plan_programme(
    request: ProgrammeRequest, catalog: Catalog | None, pace: Pace | None
) -> Programme:
    slots = []
    for plan in request.slots:
        name = slot_id(plan)
        try:
            routine = _first_routine(plan, catalog, pace)
        except PlanningError as error:
            # Translators: what a programme says when one of its routines
            # cannot be planned. {slot} is when it is done ("morning", "after
            # sitting"); {problem} is why, such as "No exercise fits ...".
            message = _("the {slot} routine: {problem}").format(
                slot=_slot_words(plan), problem=error
            )
            raise PlanningError(message, reasons=error.reasons) from None
        schedule = Frequency(
            times_a_day=Span.exactly(1), days_a_week=Span.exactly(len(request.days))
        )
        routine = attrs.evolve(routine, frequency=schedule)
        slots.append(Slot(id=name, request=plan, routine=routine))
    return Programme(
        id=request.id or _made_id(request),
        name=request.name or _made_name(request),
        slots=slots,
        days=request.days,
        weeks=request.weeks,
        start=request.start,
        conditions=request.slots[0].conditions,
    )


# Translators: a note of a programme's first routine. {took} is about how
# long its first sessions take ("about 4 minutes"); {minutes} is the time the
# routine has ("8 minutes").
FIRST_SESSIONS_TAKE: Final = N_(
    "The first sessions take {took} of the {minutes} this routine has: the "
    "doses rise into the rest over the weeks."
)
"""The note that says how much of a slot's minutes its first sessions take:
a note about the first sessions, left out of later ones."""

FIRST_SESSION_SHARE: Final = 0.5
"""The share of a slot's minutes its first sessions are planned in.

Doses rise over sessions (a longer hold, more reps, another set) to about
twice a first session's time at the top of most exercises' guidance: a
first routine in half the minutes has room to grow within them, and holds
fewer exercises, as a home programme does.
"""


def _first_routine(
    plan: PlanRequest, catalog: Catalog | None, pace: Pace | None
) -> Routine:
    """A slot's first routine, in :data:`FIRST_SESSION_SHARE` of its minutes.

    In all its minutes when nothing fits in the share, or when the share
    already holds every suitable exercise (the planner's note then says so
    for the minutes asked for).
    """
    share = attrs.evolve(plan, minutes=plan.minutes * FIRST_SESSION_SHARE)
    try:
        routine = plan_routine(share, catalog, pace)
    except PlanningError:
        return plan_routine(plan, catalog, pace)
    if any(says_shorter(note) for note in routine.notes):
        return plan_routine(plan, catalog, pace)
    room = _(FIRST_SESSIONS_TAKE).format(
        took=duration_text(estimate_duration(routine, pace), exact=False),
        minutes=minutes_text(plan.minutes * 60),
    )
    return attrs.evolve(routine, notes=(room, *routine.notes))


def _made_id(request: ProgrammeRequest) -> str:
    """An id made from the request: the same request gives the same id."""
    digest = hashlib.sha256(dumps(request).encode("utf-8")).hexdigest()
    return f"programme-{digest[:12]}"


def _made_name(request: ProgrammeRequest) -> str:
    """``Morning and bedtime, every day, for 4 weeks``."""
    whens = join(_slot_words(plan) for plan in request.slots)
    days = len(request.days)
    if days == len(EVERY_DAY):
        # Translators: how often a programme's routines are done, in its name.
        often = _("every day")
    else:
        # Translators: how often a programme's routines are done, in its name.
        often = ngettext("{count} day a week", "{count} days a week", days).format(
            count=days
        )
    # Translators: a programme's name. {routines} are its routines, by when
    # they are done ("morning and bedtime"); {often} is "every day" or "3 days
    # a week"; {count} is its weeks.
    name = ngettext(
        "{routines}, {often}, for {count} week",
        "{routines}, {often}, for {count} weeks",
        request.weeks,
    )
    return _first_up(name.format(routines=whens, often=often, count=request.weeks))


def _first_up(text: str) -> str:
    """*text* with its first letter a capital, and the rest as it is."""
    return text[:1].upper() + text[1:]


def _slot_words(plan: PlanRequest) -> str:
    """When a slot's routine is done, in words: ``morning``, ``after sitting``."""
    return words(plan.occasion or plan.time_of_day)


_WEEKDAY_NAMES: Final = {
    Weekday.MONDAY: N_("Monday"),
    Weekday.TUESDAY: N_("Tuesday"),
    Weekday.WEDNESDAY: N_("Wednesday"),
    Weekday.THURSDAY: N_("Thursday"),
    Weekday.FRIDAY: N_("Friday"),
    Weekday.SATURDAY: N_("Saturday"),
    Weekday.SUNDAY: N_("Sunday"),
}


def weekday_name(day: Weekday) -> str:
    """The name of *day* in the current language: ``Monday``."""
    return _(_WEEKDAY_NAMES[day])


@functools.cache
def _pattern(message: str) -> re.Pattern[str]:
    """*message* as a pattern that any values of its placeholders fill."""
    parts = []
    for literal, field, _spec, _conversion in string.Formatter().parse(message):
        parts.append(re.escape(literal))
        if field is not None:
            parts.append(".+?")
    return re.compile("".join(parts), re.DOTALL)


def _fills(text: str, message: str) -> bool:
    """Whether *text* is *message* filled in, in English or the current language.

    A programme keeps its notes as text, in the language it was planned
    in; a note is known by its message, not by its words.
    """
    return any(_pattern(template).fullmatch(text) for template in {message, _(message)})


# -- the log against its programme ---------------------------------------------


def start_of(programme: Programme, sessions: Sequence[Session]) -> dt.date | None:
    """The programme's first day: its start, or else its first session's day."""
    if programme.start is not None:
        return programme.start
    return min((session.date for session in sessions), default=None)


def _versions(catalog: Catalog, exercise_id: str) -> frozenset[str]:
    """*exercise_id* and every easier and harder version the catalog links."""
    if exercise_id not in catalog:
        return frozenset({exercise_id})
    linked = (*catalog.easier_than(exercise_id), *catalog.harder_than(exercise_id))
    return frozenset({exercise_id, *(exercise.id for exercise in linked)})


def check_log(
    programme: Programme, sessions: Sequence[Session], catalog: Catalog | None = None
) -> None:
    """Check that *sessions* are a log of *programme*.

    Each session must name the programme's id and one of its slots, be
    dated no earlier than its start, and name only exercises of that slot,
    or their easier or harder versions in *catalog*.

    Raises:
        InvalidDocumentError: With every problem, each starting with the
            session's place in the log (``session 3``, which is line 3 of a
            log file read by :func:`~backroutine.read_log`) and the field.
    """
    catalog = default_catalog() if catalog is None else catalog
    known = {
        slot.id: frozenset().union(
            *(_versions(catalog, e.id) for e in slot.routine.exercises)
        )
        for slot in programme.slots
    }
    problems = []
    for number, session in enumerate(sessions, start=1):
        where = f"session {number}: $"
        if session.programme != programme.id:
            problems.append(
                f"{where}.programme: must be {programme.id!r}, this programme's id "
                f"(got {session.programme!r}: a session of another programme)"
            )
            continue
        if session.slot not in known:
            slots = ", ".join(repr(slot) for slot in known)
            problems.append(
                f"{where}.slot: must be one of the programme's slots, {slots} "
                f"(got {session.slot!r})"
            )
            continue
        if programme.start is not None and session.date < programme.start:
            problems.append(
                f"{where}.date: must be on or after the programme's start, "
                f"{programme.start.isoformat()} (got {session.date.isoformat()!r})"
            )
        for index, done in enumerate(session.exercises):
            if done.exercise not in known[session.slot]:
                problems.append(
                    f"{where}.exercises[{index}].exercise: must be an exercise of "
                    f"the {session.slot!r} routine or one of its versions "
                    f"(got {done.exercise!r})"
                )
    if problems:
        raise InvalidDocumentError(problems, kind="session")


def latest(sessions: Iterable[Session]) -> list[Session]:
    """One session per slot and day, the last written, in date and log order.

    A session appended again (with the next morning's pain, say) replaces
    the one written before it.
    """
    kept: dict[tuple[dt.date, str], Session] = {}
    for session in sessions:
        kept.pop((session.date, session.slot), None)
        kept[session.date, session.slot] = session
    return sorted(kept.values(), key=lambda session: session.date)


# -- the next session ----------------------------------------------------------

SEE_SOMEONE_SOON: Final = (
    "See a physiotherapist or your doctor soon, and add nothing to your doses "
    "until you have"
)
"""How the advice starts, in English, that a log calls for when an exercise
hurt twice running, or pain did not settle; put first in every routine of
the programme from then on, and no dose is raised.  The whole advice is
one message, in :func:`_advice`."""

# Translators: why to see a professional, after "See a physiotherapist or
# your doctor soon, and add nothing to your doses until you have:".
HURT_TWICE: Final = N_("an exercise hurt twice running")
# Translators: why to see a professional, after "See a physiotherapist or
# your doctor soon, and add nothing to your doses until you have:".
UNSETTLED: Final = N_("pain did not settle over several sessions running")

LONG_GAP_DAYS: Final = 14
"""After more than this many days without an exercise, it comes back a step lower."""

LONG_BREAK_DAYS: Final = 28
"""After more than this many days without an exercise, it starts again at a
first session's dose, to build up anew."""

UNSETTLED_SESSIONS: Final = 3
"""Sessions running with pain beyond green after which to see someone."""

_SEVERITY: Final = {zone.colour: rank for rank, zone in enumerate(ZONES)}


@attrs.frozen
class _Record:
    """One day's verdict on an exercise: what was done, and the light."""

    date: dt.date
    exercise: Exercise
    step: int
    short: bool  # less than a first session's dose
    pain: int
    next_morning: int | None
    zone: Zone


@attrs.frozen
class _Next:
    """An exercise's next dose, and why, in words."""

    exercise: Exercise | None  # None: left out
    step: int
    because: str | None  # the change, in words; None for a first session
    # For a step up, which a limit may take back: the dose it came from.
    came_from: tuple[Exercise, int] | None = None


def _reaches(done: Sequence[ExerciseSet], target: Sequence[ExerciseSet]) -> bool:
    """Whether every set *done* reached the sets, reps and hold of *target*."""
    need = target[0]
    return (
        len(done) >= len(target)
        and all(one.reps >= need.reps for one in done)
        and all(
            need.hold is None
            or (one.hold is not None and one.hold.seconds >= need.hold.seconds)
            for one in done
        )
    )


def _history(
    versions: frozenset[str],
    sessions: Sequence[Session],
    exercises: Mapping[str, Exercise],
) -> list[_Record]:
    """Each session's deciding record of an exercise (any of its *versions*).

    *sessions* are one slot's, one a day (:func:`latest`).  When a session
    did two of the versions, the one that hurt most (then the lower dose)
    decides.
    """
    by_day: dict[dt.date, _Record] = {}
    for session in sessions:
        for done in session.exercises:
            if done.exercise not in versions:
                continue
            exercise = exercises[done.exercise]
            dosage = exercise.dosage
            record = _Record(
                date=session.date,
                exercise=exercise,
                step=dosage.step_of(done.sets),
                short=not _reaches(done.sets, dosage.at_step(0)),
                pain=done.pain,
                next_morning=session.next_morning,
                zone=zone_of(done.pain, session.next_morning),
            )
            kept = by_day.get(record.date)
            if kept is None or _worse(record, kept):
                by_day[record.date] = record
    return [by_day[day] for day in sorted(by_day)]


def _worse(record: _Record, than: _Record) -> bool:
    mine, theirs = _SEVERITY[record.zone.colour], _SEVERITY[than.zone.colour]
    if mine != theirs:
        return mine > theirs
    return record.step < than.step


def _dose_words(sets: tuple[ExerciseSet, ...]) -> dict[str, str]:
    """Each part of a dose that can change, in words: the hold, reps, sets."""
    first = sets[0]
    said = {
        "sets": ngettext("{count} set", "{count} sets", len(sets)).format(
            count=len(sets)
        ),
        "reps": ngettext("{count} rep", "{count} reps", first.reps).format(
            count=first.reps
        ),
    }
    if first.hold is not None:
        seconds = first.hold.seconds
        said["hold"] = ngettext("{count} second", "{count} seconds", seconds).format(
            count=seconds
        )
    return said


_Part = Literal["hold", "reps", "sets"]


def _what_changed(
    exercise: Exercise, before: int, after: int
) -> tuple[_Part, str, str]:
    """Which part of the dose changes from *before* to *after*, and both, in words.

    The hold, else the reps, else the sets: a step changes one of them.
    """
    old = _dose_words(exercise.dosage.at_step(before))
    new = _dose_words(exercise.dosage.at_step(after))
    parts: tuple[_Part, ...] = ("hold", "reps", "sets")
    part: _Part = next((p for p in parts if old.get(p) != new.get(p)), "sets")
    return part, old[part], new[part]


def _pain_words(record: _Record) -> str:
    """The pain a record gives, as the notes say it in brackets."""
    if record.next_morning is not None and record.next_morning != record.pain:
        # Translators: how much an exercise hurt, in brackets in a note:
        # "(pain of 2, 4 the next morning)", on the scale of 0 to 10.
        return _("pain of {pain}, {next_morning} the next morning").format(
            pain=record.pain, next_morning=record.next_morning
        )
    # Translators: how much an exercise hurt, in brackets in a note: "(pain
    # of 2)", on the scale of 0 to 10.
    return _("pain of {pain}").format(pain=record.pain)


def _stepped_up(part: _Part) -> str:
    """The note of a step up of *part* of the dose, as a message to fill in."""
    if part == "hold":
        # Translators: a note on an exercise in a programme's routine;
        # {exercise} is its name, {before} and {after} the hold before and
        # today ("10 seconds"), {pain} how much it hurt ("pain of 2").
        return _(
            "{exercise}: you held {before} with little pain ({pain}): {after} today."
        )
    # Translators: a note on an exercise in a programme's routine; {exercise}
    # is its name, {before} and {after} the reps or the sets before and today
    # ("8 reps", "2 sets"), {pain} how much it hurt ("pain of 2").
    return _("{exercise}: you did {before} with little pain ({pain}): {after} today.")


def _stepped_down(part: _Part) -> str:
    """The note of a step back of *part* of the dose, as a message to fill in."""
    if part == "hold":
        # Translators: a note on an exercise in a programme's routine;
        # {exercise} is its name, {before} and {after} the hold before and
        # today ("15 seconds"), {pain} how much it hurt ("pain of 7").
        return _("{exercise}: you held {before} and it hurt ({pain}): {after} today.")
    # Translators: a note on an exercise in a programme's routine; {exercise}
    # is its name, {before} and {after} the reps or the sets before and today
    # ("10 reps", "3 sets"), {pain} how much it hurt ("pain of 7").
    return _("{exercise}: you did {before} and it hurt ({pain}): {after} today.")


_Held = Literal["sign", "see", "rest", "caution"]
"""Why no dose of a routine is raised today."""


def _held_note(why: _Held, exercise: str) -> str:
    """The note of an exercise whose dose is not raised today, and why."""
    if why == "sign":
        # Translators: a note on an exercise in a programme's routine, whose
        # dose is kept today; {exercise} is its name.
        message = _(
            "{exercise}: the same dose today: you noted a sign to see a "
            "professional about; add no more until you have."
        )
    elif why == "see":
        # Translators: a note on an exercise in a programme's routine, whose
        # dose is kept today; {exercise} is its name.
        message = _(
            "{exercise}: the same dose today: see a physiotherapist or your "
            "doctor before adding more."
        )
    elif why == "rest":
        # Translators: a note on an exercise in a programme's routine, whose
        # dose is kept today; {exercise} is its name.
        message = _("{exercise}: the same dose as last time: today is a rest day.")
    else:
        # Translators: a note on an exercise in a programme's routine, whose
        # dose is kept today; {exercise} is its name.
        message = _(
            "{exercise}: the same dose today: its caution for your condition asks "
            "to keep it so, unless a professional advises more."
        )
    return message.format(exercise=exercise)


@attrs.frozen
class _Moves:
    """Where an exercise may move in a slot, and what holds its dose.

    Its own versions that the slot allows, but not one in *taken* (the
    other exercises of the routine), which would then be done twice.
    *held* says why no step up is taken at all, or is None.
    """

    catalog: Catalog
    allowed: frozenset[str]
    taken: frozenset[str]
    on: dt.date
    held: _Held | None = None

    def harder(self, exercise: Exercise) -> Exercise | None:
        return self._first(self.catalog.harder_than(exercise.id))

    def easier(self, exercise: Exercise) -> Exercise | None:
        return self._first(self.catalog.easier_than(exercise.id))

    def easier_in_routine(self, exercise: Exercise) -> Exercise | None:
        return next(
            (e for e in self.catalog.easier_than(exercise.id) if e.id in self.taken),
            None,
        )

    def _first(self, versions: Iterable[Exercise]) -> Exercise | None:
        return next(
            (e for e in versions if e.id in self.allowed and e.id not in self.taken),
            None,
        )


def _next(
    start: Exercise, start_step: int, history: list[_Record], moves: _Moves
) -> _Next:
    """The next dose of an exercise that started at *start*, from its *history*."""
    if not history:
        return _Next(start, start_step, None)
    last = history[-1]
    exercise, step = last.exercise, last.step
    gap = (moves.on - last.date).days
    if last.zone is RED:
        return _red(history, moves)
    if gap > LONG_BREAK_DAYS and step > 0:
        # Translators: a note on an exercise in a programme's routine.
        # {exercise} is its name; {days} is how many days since it was done.
        because = ngettext(
            "{exercise}: {days} day since you last did it: back to its first "
            "dose today, to build up again.",
            "{exercise}: {days} days since you last did it: back to its first "
            "dose today, to build up again.",
            gap,
        ).format(exercise=exercise.name, days=gap)
        return _Next(exercise, 0, because)
    if gap > LONG_GAP_DAYS and step > 0:
        # Translators: a note on an exercise in a programme's routine.
        # {exercise} is its name; {days} is how many days since it was done.
        because = ngettext(
            "{exercise}: {days} day since you last did it: one step back.",
            "{exercise}: {days} days since you last did it: one step back.",
            gap,
        ).format(exercise=exercise.name, days=gap)
        return _Next(exercise, step - 1, because)
    if last.zone is AMBER:
        # Translators: a note on an exercise in a programme's routine.
        # {exercise} is its name; {pain} says how much it hurt, such as "pain
        # of 4".
        because = _(
            "{exercise}: some pain ({pain}): the same dose today; do not add more yet."
        ).format(exercise=exercise.name, pain=_pain_words(last))
        return _Next(exercise, step, because)
    return _green(history, moves)


def concerns(history: Sequence[_Record]) -> frozenset[str]:
    """What an exercise's history says to see a professional about, if anything.

    :data:`HURT_TWICE` when two sessions running were red, and
    :data:`UNSETTLED` when :data:`UNSETTLED_SESSIONS` running were not
    green, anywhere in it: once said, it stays said.
    """
    found = set()
    zones = [record.zone for record in history]
    if any(a is RED and b is RED for a, b in itertools.pairwise(zones)):
        found.add(HURT_TWICE)
    run = UNSETTLED_SESSIONS
    if any(
        all(zone is not GREEN for zone in zones[i : i + run])
        for i in range(len(zones) - run + 1)
    ):
        found.add(UNSETTLED)
    return frozenset(found)


def _green(history: list[_Record], moves: _Moves) -> _Next:
    last = history[-1]
    exercise, step = last.exercise, last.step
    name, pain = exercise.name, _pain_words(last)
    if last.short:
        # Translators: a note on an exercise in a programme's routine; {exercise} is its
        # name, {pain} how much it hurt ("pain of 2").
        because = _(
            "{exercise}: you did less than its first dose ({pain}): the same dose "
            "today."
        ).format(exercise=name, pain=pain)
        return _Next(exercise, step, because)
    before = history[-2] if len(history) > 1 else None
    if before is None or not _steady(before, last):
        if before is not None and before.zone is RED:
            # Translators: a note on an exercise in a programme's routine; {exercise} is
            # its name, {pain} how much it hurt ("pain of 2").
            message = _(
                "{exercise}: that went well ({pain}), but it hurt the time before: "
                "the same dose today, and a step up after another good session."
            )
        else:
            # Translators: a note on an exercise in a programme's routine; {exercise} is
            # its name, {pain} how much it hurt ("pain of 2").
            message = _(
                "{exercise}: that went well ({pain}): the same dose once more "
                "today, and a step up if it goes as well."
            )
        return _Next(exercise, step, message.format(exercise=name, pain=pain))
    if moves.held is not None:
        return _Next(exercise, step, _held_note(moves.held, name))
    if step < exercise.dosage.top_step:
        part, did, today = _what_changed(exercise, step, step + 1)
        because = _stepped_up(part).format(
            exercise=name, before=did, pain=pain, after=today
        )
        return _Next(exercise, step + 1, because, came_from=(exercise, step))
    harder = moves.harder(exercise)
    if harder is None:
        # Translators: a note on an exercise in a programme's routine; {exercise} is its
        # name, {pain} how much it hurt ("pain of 2").
        because = _(
            "{exercise}: you have reached the most this programme suggests for it "
            "({pain}): keep going at this level."
        ).format(exercise=name, pain=pain)
        return _Next(exercise, step, because)
    # Translators: a note on an exercise in a programme's routine; {exercise} is its
    # name, {pain} how much it hurt ("pain of 2"), {harder} the name of its harder
    # version.
    because = _(
        "{exercise}: the most this programme suggests for it went well ({pain}): "
        "try its harder version today, {harder}, at its first dose."
    ).format(exercise=name, pain=pain, harder=harder.name)
    return _Next(harder, 0, because, came_from=(exercise, step))


def _steady(before: _Record, last: _Record) -> bool:
    """Whether *before* went well at the dose *last* went well at, too."""
    return (
        before.zone is GREEN
        and not before.short
        and (before.exercise.id, before.step) == (last.exercise.id, last.step)
    )


def _red(history: list[_Record], moves: _Moves) -> _Next:
    last = history[-1]
    exercise, step = last.exercise, last.step
    name, pain = exercise.name, _pain_words(last)
    twice = len(history) > 1 and history[-2].zone is RED
    again = ""
    if twice:
        # Translators: a sentence after a note on an exercise that hurt.
        again = " " + _(
            "It has hurt twice running: see a physiotherapist or your doctor soon."
        )
    if step > 0:
        part, did, today = _what_changed(exercise, step, step - 1)
        because = _stepped_down(part).format(
            exercise=name, before=did, pain=pain, after=today
        )
        return _Next(exercise, step - 1, because + again)
    in_routine = moves.easier_in_routine(exercise)
    if in_routine is not None:
        # Translators: a note on an exercise in a programme's routine; {exercise} is its
        # name, {pain} how much it hurt ("pain of 2"), {easier} the name of its easier
        # version.
        because = _(
            "{exercise} is left out: it hurt ({pain}) at its first dose. Keep doing "
            "its easier version in this routine, {easier}."
        ).format(exercise=name, pain=pain, easier=in_routine.name)
        return _Next(None, 0, because + again)
    easier = moves.easier(exercise)
    if easier is not None:
        done_before = [r.step for r in history if r.exercise.id == easier.id]
        back = done_before[-1] if done_before else 0
        # Translators: a note on an exercise in a programme's routine; {exercise} is its
        # name, {pain} how much it hurt ("pain of 2"), {easier} the name of its easier
        # version.
        because = _(
            "{exercise}: it hurt ({pain}): do its easier version today, {easier}."
        ).format(exercise=name, pain=pain, easier=easier.name)
        return _Next(easier, back, because + again)
    if not twice:
        # Translators: a note on an exercise in a programme's routine; {exercise} is its
        # name, {pain} how much it hurt ("pain of 2").
        because = _(
            "{exercise}: it hurt ({pain}) even at its gentlest dose: the same "
            "today, only as far as it stays comfortable, or leave it out. If it "
            "hurts again, see a physiotherapist or your doctor."
        ).format(exercise=name, pain=pain)
        return _Next(exercise, step, because)
    # Translators: a note on an exercise in a programme's routine; {exercise} is its
    # name, {pain} how much it hurt ("pain of 2").
    because = _(
        "{exercise} is left out: it hurt twice running ({pain}) even at its "
        "gentlest dose. Leave it out until you have seen a physiotherapist or "
        "your doctor."
    ).format(exercise=name, pain=pain)
    return _Next(None, 0, because)


def _slot_for(
    programme: Programme, sessions: Sequence[Session], on: dt.date, slot: str | None
) -> Slot:
    if slot is not None:
        found = next((s for s in programme.slots if s.id == slot), None)
        if found is None:
            known = ", ".join(repr(s.id) for s in programme.slots)
            problem = f"must be one of the programme's slots, {known} (got {slot!r})"
            raise InvalidValueError("slot", problem, rule="slot", value=slot)
        return found
    done = {session.slot for session in sessions if session.date == on}
    return next((s for s in programme.slots if s.id not in done), programme.slots[0])


def _check_day(name: str, day: object) -> None:
    if type(day) is not dt.date:
        problem = f"must be a date, a datetime.date (got {day!r})"
        raise InvalidTypeError(name, problem, rule="type", value=day)


def _exercises(programme: Programme, catalog: Catalog) -> dict[str, Exercise]:
    """Every exercise a log of *programme* may name, by id.

    The catalog's, and each routine's own, as the programme holds it in
    full: a log stays readable with a catalog that lacks one.
    """
    known = {exercise.id: exercise for exercise in catalog}
    for slot in programme.slots:
        known.update((e.id, e) for e in slot.routine.exercises)
    return known


def next_session(  # noqa: PLR0913 (what, from which log, when, and with what)
    programme: Programme,
    sessions: Sequence[Session],
    *,
    on: dt.date,
    slot: str | None = None,
    catalog: Catalog | None = None,
    pace: Pace | None = None,
    language: str | None = None,
) -> Routine:
    """The routine to do next on the day *on*, dosed by the log's traffic light.

    Only the sessions dated on or before *on* are read.  The same
    programme, log and day always give the same routine.

    Args:
        programme: The programme.
        sessions: Its log, in the order written (see
            :func:`~backroutine.read_log`).
        on: The day the session is for: the caller's "today".
        slot: The slot's id; None for the first slot not yet logged that
            day (the first slot when all are).
        catalog: The catalog the programme was planned from, for the
            exercises' easier and harder versions; None for the built-in one.
        pace: The timing model, for the slot's minutes and a condition's
            time limits.
        language: The language of the notes that explain each dose; None
            for the programme's own (:attr:`Programme.language`).

    Raises:
        SeekCareError: A session in the log records a warning sign that
            says to seek care: nothing is planned.
        PlanningError: Every exercise of the slot hurt twice running at its
            gentlest dose: there is nothing left to do before a
            professional has seen the person.
        InvalidDocumentError: The log is not this programme's: each
            session must name its id, one of its slots, a day no earlier
            than its start, and the exercises of that slot or their
            versions.
        InvalidValueError: *slot* is not one of the programme's slots.
        InvalidTypeError: *on* is not a date.
        UnknownLanguageError: *language*, or the programme's, is not one
            backroutine writes (a :class:`ValueError`).
    """
    _check_day("on", on)
    with speaking_for(language, programme.language):
        return _next_session(
            programme, sessions, on=on, slot=slot, catalog=catalog, pace=pace
        )


def _next_session(  # noqa: PLR0913 (next_session's arguments, passed on)
    programme: Programme,
    sessions: Sequence[Session],
    *,
    on: dt.date,
    slot: str | None,
    catalog: Catalog | None,
    pace: Pace | None,
) -> Routine:
    catalog = default_catalog(current_language()) if catalog is None else catalog
    pace = Pace() if pace is None else pace
    check_log(programme, sessions, catalog)
    sessions = latest(s for s in sessions if s.date <= on)
    screening, found, doses = _read(programme, sessions, catalog, on)
    if screening.stops_exercise:
        raise SeekCareError(screening)
    chosen = _slot_for(programme, sessions, on, slot)
    advice = _advice(screening, found)
    notes = _day_notes(programme, sessions, on)
    return doses[chosen.id].within_limits(pace, advice=advice, notes=notes)


def _read(
    programme: Programme, sessions: Sequence[Session], catalog: Catalog, on: dt.date
) -> tuple[Screening, frozenset[str], dict[str, _Dosing]]:
    """A log's warning signs and concerns, and each slot's doses.

    *sessions* are one a slot and day (:func:`latest`), up to *on*.
    """
    signs = dict.fromkeys(sign for s in sessions for sign in s.warning_signs)
    screening = screen(tuple(signs))
    known = _exercises(programme, catalog)
    lines = {
        slot.id: _Line.all(slot, sessions, catalog, known) for slot in programme.slots
    }
    found = frozenset().union(
        *(concerns(line.history) for each in lines.values() for line in each)
    )
    held: _Held | None = None
    if screening.findings:
        held = "sign"
    elif found:
        held = "see"
    elif Weekday.of(on) not in programme.days:
        held = "rest"
    doses = {
        slot.id: _Dosing.of(slot, lines[slot.id], catalog, on=on, held=held)
        for slot in programme.slots
    }
    return screening, found, doses


def _advice(screening: Screening, found: frozenset[str]) -> list[str]:
    advice = [screening.advice] if screening.findings else []
    if found:
        why = join(_(c) for c in sorted(found, key=[HURT_TWICE, UNSETTLED].index))
        # Translators: advice put first in a programme's routines. {reasons}
        # says why: "an exercise hurt twice running", or "pain did not settle
        # over several sessions running", or both.
        see = _(
            "See a physiotherapist or your doctor soon, and add nothing to your "
            "doses until you have: {reasons}."
        )
        advice.append(see.format(reasons=why))
    return advice


def log_advice(
    programme: Programme,
    sessions: Sequence[Session],
    *,
    on: dt.date,
    catalog: Catalog | None = None,
    language: str | None = None,
) -> tuple[str, ...]:
    """What a programme's log up to *on* says to do before going on, if anything.

    What its warning signs say (to seek care, or to see a professional),
    then, once an exercise has hurt twice running or pain has not settled
    over several sessions, to see a professional (:data:`SEE_SOMEONE_SOON`,
    and why): the advice
    :func:`next_session` puts first, for a summary or a handout to show
    first too.  In *language*, else the programme's.
    """
    _check_day("on", on)
    with speaking_for(language, programme.language) as spoken:
        catalog = default_catalog(spoken) if catalog is None else catalog
        check_log(programme, sessions, catalog)
        sessions = latest(s for s in sessions if s.date <= on)
        screening, found, _doses = _read(programme, sessions, catalog, on)
        return tuple(_advice(screening, found))


def _day_notes(
    programme: Programme, sessions: Sequence[Session], on: dt.date
) -> list[str]:
    """What to know about the day *on* in the programme, in words."""
    notes = []
    start = start_of(programme, sessions)
    if start is not None and on < start:
        # Translators: a note of a programme's routine; {day} is a date.
        notes.append(_("The programme starts on {day}.").format(day=day_text(start)))
    elif start is not None and on > programme.end(start):
        # Translators: a note of a programme's routine; {day} is a date.
        ended = _(
            "The programme ended on {day}: ask your physiotherapist whether to "
            "go on, and how."
        )
        notes.append(ended.format(day=day_text(programme.end(start))))
    if Weekday.of(on) not in programme.days:
        # Translators: a note of a programme's routine; {weekday} is a day of
        # the week, such as "Sunday".
        rest = _(
            "{weekday} is not one of the programme's days: a day to rest, unless "
            "you want to do the routine gently."
        )
        notes.append(rest.format(weekday=weekday_name(Weekday.of(on))))
    return notes


@attrs.frozen
class _Line:
    """One exercise of a slot's routine, the versions it follows, and its history."""

    step: RoutineStep
    own: frozenset[str]  # its versions no other exercise of the routine has
    others: frozenset[str]  # the other exercises of the routine
    history: list[_Record]

    @property
    def start(self) -> Exercise:
        return self.step.exercise

    @classmethod
    def all(
        cls,
        slot: Slot,
        sessions: Sequence[Session],
        catalog: Catalog,
        known: Mapping[str, Exercise],
    ) -> list[_Line]:
        """Each exercise of *slot*'s routine, followed in the slot's *sessions*."""
        mine = [s for s in sessions if s.slot == slot.id]
        chains = {e.id: _versions(catalog, e.id) for e in slot.routine.exercises}
        lines = []
        for step in slot.routine.steps:
            start = step.exercise
            # A version that is also another exercise's of the routine is
            # followed by neither, and moved to by neither: it would be done
            # twice, and no session could say which of the two it was for.
            others = frozenset(chains) - {start.id}
            shared = frozenset().union(*(chains[other] for other in others))
            own = chains[start.id] - shared | {start.id}
            lines.append(cls(step, own, others, _history(own, mine, known)))
        return lines


@attrs.frozen
class _Dosing:
    """A slot's routine at the doses the log gives, and what it says."""

    slot: Slot
    plans: list[tuple[RoutineStep, _Next]]
    on: dt.date
    cautious: frozenset[int]  # steps whose cautions concern the person

    @classmethod
    def of(
        cls,
        slot: Slot,
        lines: Sequence[_Line],
        catalog: Catalog,
        *,
        on: dt.date,
        held: _Held | None,
    ) -> _Dosing:
        """The doses of *slot*'s exercises, each from its *lines*' history.

        *held*, if not None, says why no dose is raised today.
        """
        allowed = frozenset(e.id for e in catalog if suits(slot.request, e))
        plans: list[tuple[RoutineStep, _Next]] = []
        cautious = set()
        for index, line in enumerate(lines):
            mine_held = held
            if mine_held is None and any(
                caution.conditions and caution.keep_dose
                for caution in slot.routine.cautions(line.start)
            ):
                cautious.add(index)
                mine_held = "caution"
            moves = _Moves(catalog, allowed & line.own, line.others, on, mine_held)
            start_step = line.start.dosage.step_of(line.step.sets)
            plans.append(
                (line.step, _next(line.start, start_step, line.history, moves))
            )
        return cls(slot, plans, on, frozenset(cautious))

    def routine(
        self,
        *,
        advice: Sequence[str],
        notes: Sequence[str],
        held: Mapping[int, str] | None = None,
    ) -> Routine:
        """The routine, but for the steps up *held* back (by index, and why)."""
        held = held or {}
        steps = []
        left_out = []
        for index, (step, nxt) in enumerate(self.plans):
            exercise, dose, because = nxt.exercise, nxt.step, nxt.because
            if index in held and nxt.came_from is not None:
                (exercise, dose), because = nxt.came_from, held[index]
            if exercise is None:
                left_out.append(because or "")
                continue
            note = step.note if because is None else f"{because} {step.note or ''}"
            steps.append(
                RoutineStep(
                    exercise=exercise,
                    sets=exercise.dosage.at_step(dose),
                    note=None if note is None else note.strip(),
                )
            )
        base = self.slot.routine
        if not steps:
            # Translators: why a programme's routine cannot be given; {slot} is
            # when it is done ("morning", "after sitting").
            msg = _(
                "nothing to do in the {slot} routine: every exercise in it hurt "
                "twice running at its gentlest dose; see a physiotherapist or "
                "your doctor before going on with the programme"
            ).format(slot=_slot_words(self.slot.request))
            raise PlanningError(msg)
        changed = any(nxt.because is not None for _step, nxt in self.plans)
        # Translators: a note of a programme's routine, whose doses changed.
        dosed = [_("Dosed from how your last sessions went.")] if changed else []
        kept = [
            note
            for note in base.notes
            if not (changed and _fills(note, FIRST_SESSIONS_TAKE))
        ]
        return Routine(
            name=base.name,
            time_of_day=base.time_of_day,
            targets=base.targets,
            steps=steps,
            notes=(*notes, *dosed, *left_out, *kept),
            safety=(*advice, *base.safety),
            conditions=base.conditions,
            frequency=base.frequency,
            language=current_language(),
        )

    def within_limits(
        self, pace: Pace, *, advice: Sequence[str], notes: Sequence[str]
    ) -> Routine:
        """The routine, with steps up held back until it keeps within its limits.

        Its slot's minutes, and a condition's time lying on the back: the
        last steps up are held back first.
        """
        routine = self.routine(advice=advice, notes=notes)
        budget = self.slot.request.minutes * 60
        on_back = min(
            (
                seconds
                for c in self.slot.routine.conditions or ()
                if (seconds := CONDITION_RULES[c].max_seconds_on_back) is not None
            ),
            default=None,
        )
        raised = [
            i for i, (_step, n) in enumerate(self.plans) if n.came_from is not None
        ]
        held: dict[int, str] = {}
        while raised:
            if on_back is not None and (
                max(spells(routine, Position.SUPINE, pace), default=0) > on_back
            ):
                # Translators: a note on an exercise in a programme's routine;
                # {exercise} is its name, {minutes} a length of time ("5 minutes").
                message = _(
                    "{exercise}: kept at the same dose today, so that lying on "
                    "your back stays under {minutes} at a time."
                )
                minutes = minutes_text(on_back)
            elif estimate_duration(routine, pace) > budget:
                # Translators: a note on an exercise in a programme's routine;
                # {exercise} is its name, {minutes} a length of time ("5 minutes").
                message = _(
                    "{exercise}: kept at the same dose today, so that the routine "
                    "stays within the {minutes} you have."
                )
                minutes = minutes_text(budget)
            else:
                break
            index = raised.pop()
            name = self.plans[index][1].came_from[0].name  # type: ignore[index]
            held[index] = message.format(exercise=name, minutes=minutes)
            routine = self.routine(advice=advice, notes=notes, held=held)
        return routine


publish(plan_programme, next_session)
