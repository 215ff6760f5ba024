"""Programmes over weeks: planned once, then dosed session by session from a log.

:func:`plan_programme` plans each slot's first routine with the planner.
:func:`next_session` reads the log of sessions and gives the routine to do
next: each exercise by the pain traffic light (see
:mod:`backroutine._traffic_light`), one step at a time along its dose
(holds, then repetitions, then sets, :meth:`~backroutine.Dosage.at_step`)
and its versions (the catalog's ``harder`` links), every change said in
plain words in the step's note.  Nothing here reads the clock: the caller
says what day it is.

How an exercise's next dose is found, from the log up to that day:

- An exercise of a slot is followed in that slot's sessions (a morning
  and a bedtime routine progress each at their own pace), with its easier
  and harder versions: a session that did any of them counts for it, but
  for a version that is also another's of the same routine (when a
  routine holds two versions of one exercise), which neither follows nor
  moves to.  A slot has one session a day (one logged again replaces the
  one before), so the dose changes at most a step a day.  The last
  session that did it decides; when that session did two of its versions,
  the one that hurt most (then the lower dose).
- Its dose is what was done (:meth:`~backroutine.Dosage.step_of`), not what
  was prescribed: a session cut short is not taken for progress.
- Green: one step up; at the top of the guidance, the nearest harder
  version the slot allows, at its first step.  Amber: the same.  Red: one
  step back; at the first step, the nearest easier version the slot
  allows, at its top step; with none, the same dose, only as far as it is
  comfortable.  Red twice running: the step back, and the advice to see a
  professional first in the routine's safety advice; with no step back,
  the exercise is left out until a professional has seen the person, and
  when that leaves nothing, no routine is given (:class:`PlanningError`).
- Never more time lying on the back than a condition allows (pregnancy):
  a step up that would pass it is not taken.
- A warning sign in the log that says to seek care stops the programme:
  :class:`~backroutine.SeekCareError`, as the planner raises.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from typing import Final

import attrs

from backroutine._builtin import default_catalog
from backroutine._catalog import Catalog
from backroutine._durations import minutes_text
from backroutine._json import dumps
from backroutine._model import Exercise, ExerciseSet, Routine, RoutineStep
from backroutine._planner import plan_routine, suits
from backroutine._programme_model import (
    EVERY_DAY,
    ExerciseDone,
    Programme,
    ProgrammeRequest,
    Session,
    Slot,
    slot_id,
)
from backroutine._public import publish
from backroutine._safety import CONDITION_RULES, screen
from backroutine._text import join, plural
from backroutine._timing import Pace, spells
from backroutine._traffic_light import AMBER, GREEN, RED, Zone, zone_of
from backroutine._vocabulary import Position
from backroutine.exceptions import (
    InvalidDocumentError,
    InvalidValueError,
    PlanningError,
    SeekCareError,
)

__all__ = ["check_log", "next_session", "plan_programme", "start_of"]

SEE_SOMEONE: Final = "see a physiotherapist or your doctor"


def plan_programme(
    request: ProgrammeRequest, catalog: Catalog | None = None, pace: Pace | None = None
) -> Programme:
    """Plan a programme: each slot's first routine, with the planner.

    The same request, catalog and pace always give the same programme, and
    the same id, unless the request names one.

    Args:
        request: What to plan.
        catalog: The exercises to choose from; None for the built-in ones.
        pace: The timing model; None for the default pace.

    Raises:
        SeekCareError: The person's warning signs say to seek care first.
        UnknownExerciseError: A slot excludes an id the catalog lacks.
        PlanningError: A slot cannot be planned; the message names the slot.
    """
    slots = []
    for plan in request.slots:
        name = slot_id(plan)
        try:
            routine = plan_routine(plan, catalog, pace)
        except PlanningError as error:
            message = f"the {name} routine: {error}"
            raise PlanningError(message, reasons=error.reasons) from None
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


def _made_id(request: ProgrammeRequest) -> str:
    """An id made from the request: the same request gives the same id."""
    digest = hashlib.sha256(dumps(request).encode("utf-8")).hexdigest()
    return f"programme-{digest[:12]}"


def _made_name(request: ProgrammeRequest) -> str:
    """``Morning and bedtime, every day, for 4 weeks``."""
    whens = [slot_id(plan).replace("-", " ") for plan in request.slots]
    days = len(request.days)
    often = "every day" if days == len(EVERY_DAY) else f"{days} days a week"
    return f"{join(whens).capitalize()}, {often}, for {plural(request.weeks, 'week')}"


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


@attrs.frozen
class _Record:
    """One day's verdict on an exercise: what was done, and the light."""

    date: dt.date
    exercise: Exercise
    step: int
    pain: int
    next_morning: int | None
    zone: Zone


@attrs.frozen
class _Next:
    """An exercise's next dose, and why, in words."""

    exercise: Exercise | None  # None: left out
    step: int
    because: str | None  # the change, in words; None for a first session
    see_someone: bool = False
    # For a step up, which a limit may take back: the dose it came from.
    came_from: tuple[Exercise, int] | None = None


def _record(session: Session, done: ExerciseDone, catalog: Catalog) -> _Record | None:
    if done.exercise not in catalog:  # pragma: no cover (check_log refused it)
        return None
    exercise = catalog[done.exercise]
    return _Record(
        date=session.date,
        exercise=exercise,
        step=exercise.dosage.step_of(done.sets),
        pain=done.pain,
        next_morning=session.next_morning,
        zone=zone_of(done.pain, session.next_morning),
    )


def _history(
    versions: frozenset[str], sessions: Sequence[Session], catalog: Catalog
) -> list[_Record]:
    """Each day's deciding record of an exercise (any of its *versions*).

    *sessions* are one slot's, one a day (:func:`latest`).
    """
    by_day: dict[dt.date, _Record] = {}
    for session in sessions:
        for done in session.exercises:
            if done.exercise not in versions:
                continue
            record = _record(session, done, catalog)
            if record is None:  # pragma: no cover
                continue
            kept = by_day.get(record.date)
            if kept is None or _worse(record, kept):
                by_day[record.date] = record
    return [by_day[day] for day in sorted(by_day)]


_SEVERITY: Final = {GREEN.colour: 0, AMBER.colour: 1, RED.colour: 2}


def _worse(record: _Record, than: _Record) -> bool:
    mine, theirs = _SEVERITY[record.zone.colour], _SEVERITY[than.zone.colour]
    if mine != theirs:
        return mine > theirs
    return record.step < than.step


def _dose_words(sets: tuple[ExerciseSet, ...]) -> dict[str, str]:
    """Each part of a dose that can change, in words: the hold, reps, sets."""
    first = sets[0]
    words = {"sets": plural(len(sets), "set"), "reps": plural(first.reps, "rep")}
    if first.hold is not None:
        words["hold"] = plural(first.hold.seconds, "second")
    return words


def _what_changed(exercise: Exercise, before: int, after: int) -> tuple[str, str]:
    """What was done at *before* and what to do at *after*, in words."""
    old = _dose_words(exercise.dosage.at_step(before))
    new = _dose_words(exercise.dosage.at_step(after))
    for part, did in (("hold", "held"), ("reps", "did"), ("sets", "did")):
        if old.get(part) != new.get(part):
            return f"you {did} {old[part]}", f"{new[part]} today"
    return "you did it", "the same today"  # pragma: no cover (steps differ)


def _pain_words(record: _Record) -> str:
    said = f"pain of {record.pain}"
    if record.next_morning is not None and record.next_morning != record.pain:
        said += f", {record.next_morning} the next morning"
    return said


@attrs.frozen
class _Moves:
    """Where an exercise may move in a slot: its own versions the slot allows.

    Not to one in *taken*, which would then be done twice.
    """

    catalog: Catalog
    allowed: frozenset[str]
    taken: frozenset[str]

    def harder(self, exercise: Exercise) -> Exercise | None:
        return self._first(self.catalog.harder_than(exercise.id))

    def easier(self, exercise: Exercise) -> Exercise | None:
        return self._first(self.catalog.easier_than(exercise.id))

    def _first(self, versions: Iterable[Exercise]) -> Exercise | None:
        return next(
            (e for e in versions if e.id in self.allowed and e.id not in self.taken),
            None,
        )


def _next(  # noqa: PLR0911 (one return per light and place in the chain)
    start: Exercise, start_step: int, history: list[_Record], moves: _Moves
) -> _Next:
    """The next dose of an exercise that started at *start*, from its *history*."""
    if not history:
        return _Next(start, start_step, None)
    last = history[-1]
    exercise, step, dosage = last.exercise, last.step, last.exercise.dosage
    name = exercise.name
    if last.zone is GREEN:
        if step < dosage.top_step:
            did, today = _what_changed(exercise, step, step + 1)
            because = f"{name}: {did} with little pain ({_pain_words(last)}): {today}."
            return _Next(exercise, step + 1, because, came_from=(exercise, step))
        harder = moves.harder(exercise)
        if harder is None:
            because = (
                f"{name}: the top of its dose went well ({_pain_words(last)}): "
                "keep it there."
            )
            return _Next(exercise, step, because)
        because = (
            f"{name}: the top of its dose went well ({_pain_words(last)}): try the "
            f"harder version today, {harder.name}, at its first dose."
        )
        return _Next(harder, 0, because, came_from=(exercise, step))
    if last.zone is AMBER:
        because = (
            f"{name}: some pain ({_pain_words(last)}): the same dose today; "
            "do not add more yet."
        )
        return _Next(exercise, step, because)
    twice = len(history) >= 2 and history[-2].zone is RED
    again = f" It hurt twice running: {SEE_SOMEONE} before doing more." if twice else ""
    if step > 0:
        did, today = _what_changed(exercise, step, step - 1)
        because = f"{name}: {did} and it hurt ({_pain_words(last)}): {today}.{again}"
        return _Next(exercise, step - 1, because, see_someone=twice)
    easier = moves.easier(exercise)
    if easier is not None:
        because = (
            f"{name}: it hurt ({_pain_words(last)}): do the easier version today, "
            f"{easier.name}.{again}"
        )
        return _Next(easier, easier.dosage.top_step, because, see_someone=twice)
    if not twice:
        because = (
            f"{name}: it hurt ({_pain_words(last)}) even at its gentlest dose: "
            "the same today, only as far as it stays comfortable, or leave it "
            f"out. If it hurts again, {SEE_SOMEONE}."
        )
        return _Next(exercise, step, because)
    because = (
        f"{name} is left out: it hurt twice running ({_pain_words(last)}) even "
        f"at its gentlest dose. Leave it out until you have "
        f"{SEE_SOMEONE.replace('see ', 'seen ')}."
    )
    return _Next(None, 0, because, see_someone=True)


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


def next_session(  # noqa: PLR0913 (what, from which log, when, and with what)
    programme: Programme,
    sessions: Sequence[Session],
    *,
    on: dt.date,
    slot: str | None = None,
    catalog: Catalog | None = None,
    pace: Pace | None = None,
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
        catalog: The catalog the programme was planned from; None for the
            built-in one.
        pace: The timing model, for the time limits of a condition.

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
    """
    catalog = default_catalog() if catalog is None else catalog
    pace = Pace() if pace is None else pace
    check_log(programme, sessions, catalog)
    sessions = latest(s for s in sessions if s.date <= on)
    signs = dict.fromkeys(sign for s in sessions for sign in s.warning_signs)
    screening = screen(tuple(signs))
    if screening.stops_exercise:
        raise SeekCareError(screening)
    chosen = _slot_for(programme, sessions, on, slot)
    request = chosen.request
    allowed = frozenset(e.id for e in catalog if suits(request, e))
    mine = [s for s in sessions if s.slot == chosen.id]
    chains = {e.id: _versions(catalog, e.id) for e in chosen.routine.exercises}
    plans: list[tuple[RoutineStep, _Next]] = []
    for step in chosen.routine.steps:
        start = step.exercise
        # A version that is also another exercise's of the routine is
        # followed by neither, and moved to by neither: it would be done
        # twice, and no session could say which of the two it was for.
        shared = frozenset().union(
            *(chain for other, chain in chains.items() if other != start.id)
        )
        own = chains[start.id] - shared | {start.id}
        history = _history(own, mine, catalog)
        moves = _Moves(catalog, allowed & own, frozenset())
        start_step = start.dosage.step_of(step.sets)
        plans.append((step, _next(start, start_step, history, moves)))
    advice = screening.advice if screening.findings else None
    return _Dosing(chosen, plans, advice, on).within_limits(pace)


@attrs.frozen
class _Dosing:
    """A slot's routine at the doses the log gives, and what it says."""

    slot: Slot
    plans: list[tuple[RoutineStep, _Next]]
    advice: str | None  # what a warning sign in the log says, if anything
    on: dt.date

    def routine(
        self, held: frozenset[int] = frozenset(), held_because: str | None = None
    ) -> Routine:
        """The routine, but for the steps up *held* back (by their index)."""
        steps = []
        notes = []
        see_someone = False
        for index, (step, nxt) in enumerate(self.plans):
            exercise, dose, because = nxt.exercise, nxt.step, nxt.because
            if index in held and nxt.came_from is not None:
                (exercise, dose), because = nxt.came_from, held_because
            if exercise is None:
                notes.append(because or "")
                see_someone = True
                continue
            see_someone = see_someone or nxt.see_someone
            note = step.note if because is None else f"{because} {step.note or ''}"
            steps.append(
                RoutineStep(
                    exercise=exercise,
                    sets=exercise.dosage.at_step(dose),
                    note=None if note is None else note.strip(),
                )
            )
        base = self.slot.routine
        safety = list(base.safety)
        if see_someone:
            safety.insert(
                0,
                f"An exercise hurt twice running, or at its gentlest: {SEE_SOMEONE} "
                "before you go on with the programme.",
            )
        if self.advice is not None:
            safety.insert(0, self.advice)
        if any(nxt.because is not None for _, nxt in self.plans):
            day = self.on.isoformat()
            notes.insert(0, f"Dosed for {day} from how your last sessions went.")
        if not steps:
            msg = (
                f"nothing to do in the {self.slot.id} routine: every exercise in "
                f"it hurt twice running at its gentlest dose; {SEE_SOMEONE} "
                "before going on with the programme"
            )
            raise PlanningError(msg)
        return Routine(
            name=base.name,
            time_of_day=base.time_of_day,
            targets=base.targets,
            steps=steps,
            notes=(*notes, *base.notes),
            safety=safety,
            conditions=base.conditions,
        )

    def within_limits(self, pace: Pace) -> Routine:
        """The routine, with steps up held back until no condition's limit is passed.

        The last steps up are held back first.
        """
        routine = self.routine()
        limit = min(
            (
                seconds
                for c in self.slot.routine.conditions or ()
                if (seconds := CONDITION_RULES[c].max_seconds_on_back) is not None
            ),
            default=None,
        )
        if limit is None:
            return routine
        raised = [i for i, (_, n) in enumerate(self.plans) if n.came_from is not None]
        held: set[int] = set()
        because = (
            "Kept at the same dose: lying on your back stays under "
            f"{minutes_text(limit)} at a time."
        )
        while max(spells(routine, Position.SUPINE, pace), default=0) > limit and raised:
            held.add(raised.pop())
            routine = self.routine(frozenset(held), because)
        return routine


publish(plan_programme, next_session)
