"""A programme as an iCalendar file, for a person's calendar app.

:func:`to_ical` writes a :class:`~backroutine.Programme` as an RFC 5545
calendar: one recurring event for each of its slots, on the programme's
days of the week, from its first day to its last, at a clock time for
the slot, as long as the slot's routine takes.  Each event says which
exercises to do, at what dose, and when to stop and get help.

The file is built with the `icalendar <https://icalendar.readthedocs.io>`_
library: install the ``calendar`` extra, ``pip install
'backroutine[calendar]'``.

Annotations here are evaluated, not postponed, so that the documentation
names the classes (``datetime.time``), not this module's alias for theirs.
"""

import datetime as dt
import math
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final
from zoneinfo import ZoneInfo

from backroutine._dose_words import HOW_MUCH, dose_fields
from backroutine._facts import person_name
from backroutine._i18n import _, current_language, speaking_for
from backroutine._model import Routine
from backroutine._programme_model import DEFAULT_TIMES, Programme, Slot
from backroutine._signs import SEEK_HELP_HEADING, SEEK_HELP_LEAD, SEEK_HELP_SIGNS
from backroutine._timing import estimate_duration
from backroutine._vocabulary import Weekday
from backroutine.exceptions import InvalidValueError

try:
    import icalendar
except ImportError as error:  # pragma: no cover (the extra is in the tests)
    msg = (
        "backroutine.ical needs the icalendar library: "
        "pip install 'backroutine[calendar]'"
    )
    raise ImportError(msg, name=error.name) from error

__all__ = ["DEFAULT_TIMES", "to_ical"]

_PRODID: Final = "-//backroutine//backroutine programme//EN"
"""What the calendar says made it (its ``PRODID``)."""

_BYDAY: Final = MappingProxyType({day: day.value[:2].upper() for day in Weekday})
"""Each day of the week as iCalendar spells it: ``MO``, ``TU``, ..."""


def to_ical(
    programme: Programme,
    *,
    at: Mapping[str, dt.time] | None = None,
    start: dt.date | None = None,
    tz: ZoneInfo | None = None,
    language: str | None = None,
) -> bytes:
    """A programme as an iCalendar (RFC 5545) file.

    Each slot is one event that repeats weekly (``RRULE:FREQ=WEEKLY``) on
    the programme's days (``BYDAY``) until its last day (``UNTIL``): it
    starts on the first of those days from the programme's first day, at
    the slot's clock time, and lasts the slot's minutes, rounded up to whole
    minutes: the time its doses rise into over the weeks (or, should it be
    longer, as long as its first routine takes,
    :func:`~backroutine.estimate_duration`).
    Its summary is the routine's name; its description lists each exercise
    with its dose, then the seek-help box: the emergency signs and what to
    do.  Its ``UID`` is made from the programme's id and the slot's, so
    that a calendar app updates the events when the file is imported
    again; its ``DTSTAMP`` is midnight UTC of the first day, so that the
    same arguments always give the same bytes.

    Args:
        programme: The programme, as :func:`~backroutine.plan_programme`
            plans it.
        at: The clock time of a slot, by its id (``{"morning":
            datetime.time(6, 45)}``); a slot not named is at
            :data:`DEFAULT_TIMES` for its time of day.
        start: The first day, for a programme that has no start of its
            own; None to use the programme's.
        tz: The time zone of the clock times, whose ``VTIMEZONE`` the file
            then carries; None for floating times, at that clock time
            wherever the person is, as suits a personal routine.
        language: The language of the seek-help box and the doses; None
            for the programme's own.

    Returns:
        The calendar, as the bytes of an ``.ics`` file (UTF-8, lines ending
        in CRLF).

    Raises:
        InvalidValueError: Neither the programme nor *start* gives the
            first day; *start* differs from the programme's own; *at*
            names a slot the programme does not have, or gives something
            other than a clock time without a time zone.
        UnknownLanguageError: *language*, or the programme's, is not one
            backroutine writes (a :class:`ValueError`).
    """
    with speaking_for(language, programme.language):
        return _calendar(programme, at=at, start=start, tz=tz)


def _calendar(
    programme: Programme,
    *,
    at: Mapping[str, dt.time] | None,
    start: dt.date | None,
    tz: ZoneInfo | None,
) -> bytes:
    first = _first_day(programme, start)
    times = _times(programme, at or {})
    last = programme.end(first)
    calendar = icalendar.Calendar()
    calendar.add("prodid", _PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", programme.name)
    calendar.add("x-wr-calname", programme.name)
    stamp = dt.datetime.combine(first, dt.time(), dt.timezone.utc)
    day = first
    while Weekday.of(day) not in programme.days:
        day += dt.timedelta(days=1)
    for slot in programme.slots:
        until = dt.datetime.combine(last, times[slot.id], tz)
        if tz is not None:
            # RFC 5545: with a DTSTART in a time zone, UNTIL is in UTC.
            until = until.astimezone(dt.timezone.utc)
        start_at = dt.datetime.combine(day, times[slot.id], tz)
        calendar.add_component(_event(programme, slot, start_at, until, stamp))
    if tz is not None:
        calendar.add_missing_timezones(
            first_date=first - dt.timedelta(days=1),
            last_date=last + dt.timedelta(days=1),
        )
    data: bytes = calendar.to_ical()
    return data


def _first_day(programme: Programme, start: dt.date | None) -> dt.date:
    """The programme's first day: its own start, else *start*."""
    if start is not None and (type(start) is not dt.date):
        msg = f"must be a datetime.date (got {start!r})"
        raise InvalidValueError("start", msg, rule="type", value=start)
    if programme.start is None:
        if start is None:
            msg = (
                "must be given: the programme has no start date of its own "
                "(pass its first day, as a datetime.date)"
            )
            raise InvalidValueError("start", msg, rule="required", value=None)
        return start
    if start is not None and start != programme.start:
        msg = (
            f"must be the programme's own start, {programme.start.isoformat()}, "
            f"or None (got {start.isoformat()})"
        )
        raise InvalidValueError("start", msg, rule="start", value=start)
    return programme.start


def _times(programme: Programme, at: Mapping[str, dt.time]) -> dict[str, dt.time]:
    """The clock time of each slot, by its id: as *at* says, else the default."""
    ids = [slot.id for slot in programme.slots]
    for slot_id, time in at.items():
        if slot_id not in ids:
            msg = (
                f"names no slot of the programme: {slot_id!r} (it has {', '.join(ids)})"
            )
            raise InvalidValueError("at", msg, rule="unknown_slot", value=slot_id)
        if type(time) is not dt.time or time.tzinfo is not None:
            msg = (
                f"must give each slot a datetime.time without a time zone "
                f"(got {time!r} for {slot_id!r})"
            )
            raise InvalidValueError(f"at[{slot_id!r}]", msg, rule="type", value=time)
    return {
        slot.id: at.get(slot.id, DEFAULT_TIMES[slot.request.time_of_day])
        for slot in programme.slots
    }


def _event(
    programme: Programme,
    slot: Slot,
    start: dt.datetime,
    until: dt.datetime,
    stamp: dt.datetime,
) -> icalendar.Event:
    """The event of *slot*, weekly on the programme's days from *start* to *until*."""
    minutes = math.ceil(
        max(
            slot.request.minutes * 60,
            estimate_duration(slot.routine, language=current_language()),
        )
        / 60
    )
    event = icalendar.Event()
    event.add("uid", f"{programme.id}-{slot.id}@backroutine")
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("duration", dt.timedelta(minutes=minutes))
    event.add(
        "rrule",
        {
            "freq": "WEEKLY",
            "byday": [_BYDAY[weekday] for weekday in programme.days],
            "until": until,
        },
    )
    event.add("summary", slot.routine.name)
    event.add("description", _description(slot.routine))
    return event


def _description(routine: Routine) -> str:
    """Each exercise with its dose, one a line, then the seek-help box.

    The box in its words, as a handout has them, but not wrapped: a
    calendar app wraps the lines to its own width.
    """
    lines = []
    how_much = _(HOW_MUCH)
    for number, step in enumerate(routine.steps, start=1):
        dose = "; ".join(
            text if label in {HOW_MUCH, how_much} else f"{label}: {text}"
            for label, text in dose_fields(step.sets)
        )
        lines.append(f"{number}. {person_name(step.exercise)}: {dose}")
    lead = _(SEEK_HELP_LEAD)
    box = [
        _(SEEK_HELP_HEADING),
        f"{lead[:1].upper()}{lead[1:]}:",
        *(f"- {_(sign)}" for sign in SEEK_HELP_SIGNS),
    ]
    return "\n".join([*lines, "", *box])
