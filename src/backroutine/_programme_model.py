"""The values of a programme over weeks, and of its log of sessions.

A :class:`ProgrammeRequest` asks for one or more daily slots (each a
:class:`~backroutine.PlanRequest`: a morning routine, a bedtime one), on
some days of the week, for some weeks; :func:`backroutine.plan_programme`
answers with a :class:`Programme`, whose :class:`Slot` s hold the routine
each starts with.  A :class:`Session` records one session of a slot: what
was done, exercise by exercise, and the pain it gave.

Like the rest of the model: frozen, checked when built, no I/O, no clock.

Annotations here are evaluated, not postponed: a published class's
annotations are looked up in the package, which does not export
:mod:`datetime`, so its fields name the class itself.
"""

import datetime as dt
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

import attrs

from backroutine import _spec as v
from backroutine._model import (
    MAX_ID_LENGTH,
    MAX_NAME_LENGTH,
    MAX_SETS,
    MAX_STEPS,
    MAX_TEXT_LENGTH,
    MAX_TIMES_A_DAY,
    ExerciseSet,
    PlanRequest,
    Routine,
)
from backroutine._spec import Date, Integer, Items, Maybe, Nested, Slug, Text, Value
from backroutine._text import plural
from backroutine._traffic_light import PAIN_SCALE
from backroutine._vocabulary import Condition, TimeOfDay, WarningSign, Weekday

MAX_WEEKS: Final = 52
"""The longest programme, in weeks: a year."""

PAIN: Final = Integer(PAIN_SCALE.low, PAIN_SCALE.high, unit="points of 10")
"""A pain score, on the traffic light's scale: 0 for none, 10 for the worst."""

DEFAULT_TIMES: Final[Mapping[TimeOfDay, dt.time]] = MappingProxyType(
    {
        TimeOfDay.MORNING: dt.time(7, 30),
        TimeOfDay.MIDDAY: dt.time(12, 30),
        TimeOfDay.EVENING: dt.time(18, 30),
        TimeOfDay.BEDTIME: dt.time(21, 30),
    }
)
"""The clock time of a slot, by its time of day, where none is given.

A slot for an occasion (``after-sitting``) is at the time of its time of
day.  For a calendar (:func:`backroutine.ical.to_ical`).
"""

DEFAULT_WEEKS: Final = 4
"""How many weeks a programme lasts unless asked otherwise."""

EVERY_DAY: Final = tuple(Weekday)
"""Every day of the week, Monday first."""


def _requests(value: "Iterable[PlanRequest]") -> "tuple[PlanRequest, ...]":
    return v.to_tuple(value)


def _weekdays(value: "Iterable[Weekday]") -> "tuple[Weekday, ...]":
    return v.to_tuple(value)


def _slots(value: "Iterable[Slot]") -> "tuple[Slot, ...]":
    return v.to_tuple(value)


def _done(value: "Iterable[ExerciseDone]") -> "tuple[ExerciseDone, ...]":
    return v.to_tuple(value)


def _sets(value: "Iterable[ExerciseSet]") -> "tuple[ExerciseSet, ...]":
    return v.to_tuple(value)


def _conditions(value: "Iterable[Condition]") -> "tuple[Condition, ...]":
    return v.to_tuple(value)


def _signs(value: "Iterable[WarningSign]") -> "tuple[WarningSign, ...]":
    return v.to_tuple(value)


def slot_id(request: PlanRequest) -> str:
    """The id of the slot *request* plans: its occasion, else its time of day.

    ``morning``, ``bedtime``, ``after-sitting``: the enum's value with
    hyphens, so that it reads as a slug.
    """
    when: str = (request.occasion or request.time_of_day).value
    return when.replace("_", "-")


def _check_room(start: dt.date | None, weeks: int) -> None:
    """Refuse a *start* too late in the calendar for *weeks* to follow it."""
    if start is not None and start > dt.date.max - dt.timedelta(weeks=weeks):
        last = (dt.date.max - dt.timedelta(weeks=weeks)).isoformat()
        msg = (
            f"must leave room for {plural(weeks, 'week')} before the end of the "
            f"calendar: {last} at the latest (got {start.isoformat()!r})"
        )
        v.refuse("start", msg, rule="room", value=start)


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class ProgrammeRequest(Value):
    """What a person's programme is asked to be.

    Args:
        slots: A routine a day for each, in the order of the day: what the
            planner is asked for at that time (or occasion). Each slot is
            known by its occasion or else its time of day (``morning``,
            ``bedtime``, ``after-sitting``), so no two may share one, and
            the person is the same in every slot: the same conditions and
            warning signs.
        weeks: How many weeks the programme lasts.
        days: The days of the week to exercise on; every day by default.
            :meth:`Weekday.spread` gives a number of days a week spread out.
        start: The first day of the programme, or None for the day of its
            first session.
        name: The programme's name, or None for one made from its slots.
        id: A stable identifier for the programme, which its sessions name,
            or None for one made from the request (the same request gives
            the same id).
    """

    slots: tuple[PlanRequest, ...] = attrs.field(
        converter=_requests,
        validator=Items(Nested(PlanRequest), min_count=1, max_count=MAX_TIMES_A_DAY),
    )
    weeks: int = attrs.field(
        default=DEFAULT_WEEKS, validator=Integer(1, MAX_WEEKS, unit="weeks")
    )
    days: tuple[Weekday, ...] = attrs.field(
        default=EVERY_DAY,
        converter=_weekdays,
        validator=Items.members(Weekday, min_count=1),
    )
    start: dt.date | None = attrs.field(default=None, validator=Maybe(Date()))
    name: str | None = attrs.field(default=None, validator=Maybe(Text(MAX_NAME_LENGTH)))
    id: str | None = attrs.field(default=None, validator=Maybe(Slug(MAX_ID_LENGTH)))

    def __attrs_post_init__(self) -> None:
        _check_room(self.start, self.weeks)
        ids = [slot_id(request) for request in self.slots]
        twice = sorted({slot for slot in ids if ids.count(slot) > 1})
        if twice:
            msg = (
                "must each be for another time of day or occasion "
                f"(got {plural(len(twice), 'slot')} twice: {', '.join(twice)})"
            )
            v.refuse("slots", msg, rule="unique_slots", value=self.slots)
        first = self.slots[0]
        for index, request in enumerate(self.slots[1:], start=1):
            for name in ("conditions", "warning_signs"):
                if set(getattr(request, name)) != set(getattr(first, name)):
                    msg = (
                        f"must be the same in every slot: it is one person "
                        f"(slot {ids[index]!r} differs from {ids[0]!r})"
                    )
                    v.refuse(
                        f"slots[{index}].{name}",
                        msg,
                        rule="same_person",
                        value=getattr(request, name),
                    )


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class Slot(Value):
    """One routine a day of a programme: when, and what it starts with.

    Args:
        id: The slot's stable identifier, which sessions name: its
            occasion, else its time of day (``morning``, ``after-sitting``).
        request: What the planner was asked for.
        routine: The routine of the first session, as planned: each
            exercise at the dose it starts at.
    """

    id: str = attrs.field(validator=Slug(MAX_ID_LENGTH))
    request: PlanRequest = attrs.field(validator=Nested(PlanRequest))
    routine: Routine = attrs.field(validator=Nested(Routine))

    @property
    def steps(self) -> dict[str, int]:
        """Each exercise's step of progression, by its id, as the routine doses it.

        Read from the routine's sets (:meth:`Dosage.step_of`), so that the
        dose is said once: the routine is what the person does.
        """
        return {
            step.exercise.id: step.exercise.dosage.step_of(step.sets)
            for step in self.routine.steps
        }


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class Programme(Value):
    """A home exercise programme: routines a day, on some days, for some weeks.

    Build one with :func:`backroutine.plan_programme`; follow it with
    :func:`backroutine.next_session`.

    Args:
        id: The programme's stable identifier, which its sessions name.
        name: The name shown to people.
        slots: Each routine a day, in the order of the day.
        days: The days of the week to exercise on.
        weeks: How many weeks it lasts.
        start: Its first day, or None for the day of its first session.
        conditions: The person's health conditions, as every slot's routine
            was planned for.
    """

    id: str = attrs.field(validator=Slug(MAX_ID_LENGTH))
    name: str = attrs.field(validator=Text(MAX_NAME_LENGTH))
    slots: tuple[Slot, ...] = attrs.field(
        converter=_slots,
        validator=Items(Nested(Slot), min_count=1, max_count=MAX_TIMES_A_DAY),
    )
    days: tuple[Weekday, ...] = attrs.field(
        default=EVERY_DAY,
        converter=_weekdays,
        validator=Items.members(Weekday, min_count=1),
    )
    weeks: int = attrs.field(
        default=DEFAULT_WEEKS, validator=Integer(1, MAX_WEEKS, unit="weeks")
    )
    start: dt.date | None = attrs.field(default=None, validator=Maybe(Date()))
    conditions: tuple[Condition, ...] = attrs.field(
        default=(), converter=_conditions, validator=Items.members(Condition)
    )

    def __attrs_post_init__(self) -> None:
        _check_room(self.start, self.weeks)
        ids = [slot.id for slot in self.slots]
        if len(set(ids)) != len(ids):
            msg = f"must each have an id of its own (got {ids})"
            v.refuse("slots", msg, rule="unique_slots", value=ids)

    @property
    def language(self) -> str:
        """The language of the programme's words, which is its first routine's.

        :func:`~backroutine.plan_programme` plans every slot in one
        language; a programme put together otherwise may mix them, and its
        handout's headings follow the first.
        """
        return self.slots[0].routine.language

    def slot(self, slot_id: str) -> Slot:
        """The slot called *slot_id*.

        Raises:
            KeyError: The programme has no such slot; the message names
                those it has.
        """
        for slot in self.slots:
            if slot.id == slot_id:
                return slot
        known = ", ".join(slot.id for slot in self.slots)
        msg = f"the programme has no slot {slot_id!r} (it has {known})"
        raise KeyError(msg)

    def end(self, start: dt.date) -> dt.date:
        """The last day of the programme, had it started on *start*."""
        return start + dt.timedelta(weeks=self.weeks, days=-1)


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class ExerciseDone(Value):
    """One exercise of a session: what was done, and the pain it gave.

    Args:
        exercise: The id of the exercise done.
        sets: The sets done, as they were done.
        pain: The pain during the exercise or straight after it, from 0
            (none) to 10 (the worst imaginable).
    """

    exercise: str = attrs.field(validator=Slug(MAX_ID_LENGTH))
    sets: tuple[ExerciseSet, ...] = attrs.field(
        converter=_sets,
        validator=Items(Nested(ExerciseSet), min_count=1, max_count=MAX_SETS),
    )
    pain: int = attrs.field(validator=PAIN)


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class Session(Value):
    """One session of a programme's slot, as the person did it.

    Args:
        programme: The id of the programme it belongs to.
        slot: The id of the slot it was the routine of.
        date: The day it was done, where the person is.
        exercises: Each exercise done, in the order done.
        next_morning: The pain the next morning, from 0 to 10, or None
            when not (yet) known. To add it later, append the session again
            with it: the later record of a slot's session on a day is the
            one that counts.
        warning_signs: Any warning signs the person had.
        note: Anything else the person wants to say, or None.
    """

    programme: str = attrs.field(validator=Slug(MAX_ID_LENGTH))
    slot: str = attrs.field(validator=Slug(MAX_ID_LENGTH))
    date: dt.date = attrs.field(validator=Date())
    exercises: tuple[ExerciseDone, ...] = attrs.field(
        converter=_done, validator=Items(Nested(ExerciseDone), max_count=MAX_STEPS)
    )
    next_morning: int | None = attrs.field(default=None, validator=Maybe(PAIN))
    warning_signs: tuple[WarningSign, ...] = attrs.field(
        default=(), converter=_signs, validator=Items.members(WarningSign)
    )
    note: str | None = attrs.field(default=None, validator=Maybe(Text(MAX_TEXT_LENGTH)))

    def __attrs_post_init__(self) -> None:
        ids = [done.exercise for done in self.exercises]
        if len(set(ids)) != len(ids):
            twice = sorted({i for i in ids if ids.count(i) > 1})
            msg = f"must name each exercise once (got {', '.join(twice)} twice)"
            v.refuse("exercises", msg, rule="unique_exercises", value=twice)


__all__ = [
    "ExerciseDone",
    "Programme",
    "ProgrammeRequest",
    "Session",
    "Slot",
    "slot_id",
]
