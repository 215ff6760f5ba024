"""A programme as a printable handout in Markdown, with how it went so far.

The schedule in plain words, each slot's routine as
:func:`~backroutine.to_markdown` writes it (its headings one level down,
under the programme's title), and with a log, a "How it went" section:
sessions done and due week by week, the sessions missed, and a chart of
pain and of the amount done (see :mod:`backroutine._chart`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Final

from backroutine._adherence import Adherence, adherence
from backroutine._catalog import Catalog
from backroutine._chart import ChartDay, pain_and_dose_svg
from backroutine._durations import day_text
from backroutine._markdown import (
    _document,
    _escape,
    _fields,
    _heading,
    _paragraph,
    to_markdown,
)
from backroutine._programme import start_of
from backroutine._programme_model import EVERY_DAY, Programme, Session
from backroutine._public import publish
from backroutine._render_text import to_text
from backroutine._text import join, plural
from backroutine._vocabulary import Weekday
from backroutine._wrapping import wrap

__all__ = [
    "adherence_text",
    "chart_days",
    "programme_markdown",
    "programme_text",
    "schedule_fields",
]

_TIMES: Final = {1: "once a day", 2: "twice a day"}
_SETEXT: Final = re.compile(r"^(=+|-+)$")
ROUTINES_WITHHELD: Final = (
    "The routines are not shown: a warning sign in the log says to seek care "
    "before exercising again. Once a professional has seen you, ask them for "
    "a new programme."
)
"""What a handout says in place of the routines, once the programme stopped."""
BEFORE_GOING_ON: Final = "Before you go on"
"""The heading of what a log says to do first."""


def _which_days(days: tuple[Weekday, ...]) -> str:
    if set(days) == set(EVERY_DAY):
        return "every day"
    ordered = sorted(set(days), key=lambda day: day.number)
    return join(day.value.capitalize() for day in ordered)


def schedule_fields(
    programme: Programme, start: dt.date | None
) -> list[tuple[str, str]]:
    """The programme's schedule as labelled facts, in plain words."""
    slots = [slot.id.replace("-", " ") for slot in programme.slots]
    count = len(slots)
    often = _TIMES.get(count, f"{count} times a day")
    weeks = plural(programme.weeks, "week")
    if start is None:
        how_long = f"{weeks}, from the day of your first session"
    else:
        end = programme.end(start)
        how_long = f"{weeks}, from {day_text(start)} to {day_text(end)}"
    return [
        ("Which days", _which_days(programme.days)),
        ("How often", f"{often}: {join(slots)}"),
        ("For how long", how_long),
    ]


def _demoted(markdown: str) -> list[list[str]]:
    """*markdown*'s blocks, every heading one level further down.

    :func:`~backroutine.to_markdown` escapes a ``#`` that starts a word, so
    a line starting with one is a heading; a setext heading (a long title,
    underlined) becomes an ATX one, as setext has only two levels.
    """
    blocks = []
    for block in markdown.rstrip("\n").split("\n\n"):
        lines = block.split("\n")
        if len(lines) > 1 and _SETEXT.match(lines[-1]):
            level = 1 if lines[-1][0] == "=" else 2
            lines = [f"{'#' * (level + 1)} {' '.join(lines[:-1])}"]
        else:
            lines = [f"#{line}" if line.startswith("#") else line for line in lines]
        blocks.append(lines)
    return blocks


def _missed_by_day(
    missed: tuple[tuple[dt.date, str], ...],
) -> dict[dt.date, list[str]]:
    """The slots missed on each day, in words, the days in order."""
    by_day: dict[dt.date, list[str]] = {}
    for day, slot in missed:
        by_day.setdefault(day, []).append(slot.replace("-", " "))
    return by_day


def _missed_words(missed: tuple[tuple[dt.date, str], ...]) -> str:
    if not missed:
        return "none"
    return "; ".join(
        f"{day_text(day)} ({join(slots)})"
        for day, slots in _missed_by_day(missed).items()
    )


def _table(summary: Adherence) -> list[str]:
    rows = [
        "| Week | From | Done | Due | Missed |",
        "|---|---|---|---|---|",
    ]
    for week in summary.weeks:
        cells = (
            str(week.number),
            _escape(day_text(week.first_day)),
            str(week.done),
            str(week.due),
            _escape(_missed_words(week.missed)),
        )
        rows.append(f"| {' | '.join(cells)} |")
    return rows


def chart_days(summary: Adherence) -> list[ChartDay]:
    """Each day with an exercise logged: its worst pain, and all it did."""
    pain: dict[dt.date, int] = {}
    dose: dict[dt.date, int] = {}
    for progress in summary.exercises:
        for point in progress.points:
            pain[point.date] = max(pain.get(point.date, 0), point.pain)
            dose[point.date] = dose.get(point.date, 0) + point.dose
    return [ChartDay(date=d, pain=pain[d], dose=dose[d]) for d in sorted(pain)]


def _how_it_went(summary: Adherence) -> list[list[str]]:
    blocks = [_heading(2, "How it went")]
    if not summary.weeks:
        blocks.append(_paragraph(f"Nothing was due by {day_text(summary.until)}."))
        return blocks
    blocks += [_paragraph(f"{_done_words(summary)}."), _table(summary)]
    days = chart_days(summary)
    if days:
        blocks += [
            _heading(3, "Pain and amount done"),
            _paragraph(
                "The solid line is your pain after each day's sessions (the worst "
                "of the day), over the traffic light's colours; the dashed line is "
                "how much you did (the seconds you held, or the moves you made), "
                "with the most you did in a day at the top."
            ),
            pain_and_dose_svg(days).split("\n"),
        ]
    return blocks


def _done_words(summary: Adherence) -> str:
    said = (
        f"Up to {day_text(summary.until)}: {summary.done} of "
        f"{plural(summary.due, 'session')} done"
    )
    share = summary.percentage
    return said if share is None else f"{said} ({round(share)}%)"


def _before_going_on(summary: Adherence) -> list[str]:
    """What the log says to do first, in sentences; empty when nothing."""
    said = list(summary.advice)
    if summary.stopped is not None:
        said.append(
            f"The programme stopped on {day_text(summary.stopped)}, when a warning "
            "sign was noted: nothing after it counts as missed."
        )
    return said


def adherence_text(programme: Programme, summary: Adherence) -> str:
    """A short summary for a terminal: each week's sessions done and missed.

    What the log says to do before going on comes first.
    """
    lines = [*wrap(programme.name), ""]
    first = _before_going_on(summary)
    if first:
        lines.append(f"{BEFORE_GOING_ON}:")
        for sentence in first:
            lines += wrap(sentence, indent="  - ", hang="    ")
        lines.append("")
    if not summary.weeks:
        lines += wrap(f"Nothing was due by {day_text(summary.until)}.")
        return "\n".join(lines) + "\n"
    lines += [*wrap(f"{_done_words(summary)}."), ""]
    for week in summary.weeks:
        head = (
            f"Week {week.number} (from {day_text(week.first_day)}): "
            f"{week.done} of {week.due} done"
        )
        lines += wrap(head)
        for day, slots in _missed_by_day(week.missed).items():
            lines += wrap(f"missed {day_text(day)}: {join(slots)}", indent="  ")
    return "\n".join(lines) + "\n"


def programme_markdown(
    programme: Programme,
    sessions: Sequence[Session] | None = None,
    *,
    until: dt.date | None = None,
    catalog: Catalog | None = None,
) -> str:
    """A programme as a printable handout in Markdown, with how it went.

    The programme's name as the ``#`` title; its schedule in plain words
    (which days, how many times a day and which routines, for how many
    weeks, from which day when known); then, given a log, *How it went*:
    sessions done of those due up to *until*, a table of the weeks (done,
    due, and the sessions missed) and a chart of pain and of the amount
    done, as inline SVG; then each slot's routine as
    :func:`~backroutine.to_markdown` writes it, its headings one level
    down.

    Args:
        programme: The programme.
        sessions: Its log, in the order written; None for a handout with
            no *How it went*.
        until: The last day to count; None for the day of the last
            session.  Unused without *sessions*.
        catalog: The catalog the programme was planned from; None for the
            built-in one.

    Returns:
        The Markdown source, ending with a newline.  The same arguments
        always give the same text.

    Raises:
        InvalidDocumentError: The log is not this programme's (see
            :func:`~backroutine.adherence`).
    """
    start = start_of(programme, sessions or ())
    blocks = [
        _heading(1, programme.name),
        _fields(schedule_fields(programme, start)),
    ]
    stopped = False
    if sessions is not None:
        last = max((session.date for session in sessions), default=None)
        day = until or last or start
        if day is None:
            blocks.append(_heading(2, "How it went"))
            blocks.append(_paragraph("No session has been logged yet."))
        else:
            summary = adherence(programme, sessions, until=day, catalog=catalog)
            stopped = summary.stopped is not None
            first = _before_going_on(summary)
            if first:
                blocks.insert(1, _heading(2, BEFORE_GOING_ON))
                items = [
                    line
                    for sentence in first
                    for line in wrap(f"- {_escape(sentence)}", hang="  ")
                ]
                blocks.insert(2, items)
            blocks += _how_it_went(summary)
    if stopped:
        blocks.append(_paragraph(ROUTINES_WITHHELD))
    else:
        for slot in programme.slots:
            blocks += _demoted(to_markdown(slot.routine, catalog=catalog))
    return _document(blocks)


def programme_text(programme: Programme, *, catalog: Catalog | None = None) -> str:
    """A programme as plain text: its name, its schedule, then each routine.

    *catalog* is the one it was planned from, for each exercise's versions;
    None for the built-in one.
    """
    lines = [programme.name, "=" * len(programme.name), ""]
    lines += [
        f"{label}: {value}"
        for label, value in schedule_fields(programme, programme.start)
    ]
    routines = [to_text(slot.routine, catalog=catalog) for slot in programme.slots]
    return "\n".join(lines) + "\n\n\n" + "\n\n".join(routines)


publish(programme_markdown)
