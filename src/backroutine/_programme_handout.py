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
from backroutine._formats import day_text, percent_text
from backroutine._i18n import (
    N_,
    _,
    current_language,
    ngettext,
    pgettext,
    speaking_for,
)
from backroutine._markdown import (
    _document,
    _escape,
    _fields,
    _heading,
    _paragraph,
    to_markdown,
)
from backroutine._programme import start_of, weekday_name
from backroutine._programme_model import EVERY_DAY, Programme, Session
from backroutine._public import publish
from backroutine._render_text import to_text
from backroutine._text import join, words
from backroutine._vocabulary import Weekday
from backroutine._wrapping import wrap

__all__ = [
    "adherence_text",
    "chart_days",
    "programme_markdown",
    "programme_text",
    "schedule_fields",
]

_SETEXT: Final = re.compile(r"^(=+|-+)$")
# Translators: in a programme's handout, in place of its routines.
ROUTINES_WITHHELD: Final = N_(
    "The routines are not shown: a warning sign in the log says to seek care "
    "before exercising again. Once a professional has seen you, ask them for "
    "a new programme."
)
"""What a handout says in place of the routines, once the programme stopped."""
# Translators: a heading of a programme's handout, over what its log says to
# do first, such as to see a professional.
BEFORE_GOING_ON: Final = N_("Before you go on")
"""The heading of what a log says to do first."""
# Translators: a heading of a programme's handout, over its sessions done.
HOW_IT_WENT: Final = N_("How it went")
"""The heading of how a programme went, by its log."""


def _which_days(days: tuple[Weekday, ...]) -> str:
    if set(days) == set(EVERY_DAY):
        # Translators: which days a programme's routines are done.
        return _("every day")
    ordered = sorted(set(days), key=lambda day: day.number)
    return join(weekday_name(day) for day in ordered)


def _slot_names(programme: Programme) -> dict[str, str]:
    """When each slot's routine is done, in words, by the slot's id."""
    return {
        slot.id: words(slot.request.occasion or slot.request.time_of_day)
        for slot in programme.slots
    }


def _how_often(count: int, routines: str) -> str:
    """How many routines a day, and which: ``twice a day: morning and bedtime``."""
    if count == 1:
        # Translators: how often a programme's routines are done; {routines}
        # are their names, by when they are done ("morning").
        message = _("once a day: {routines}")
    elif count == 2:
        # Translators: how often a programme's routines are done; {routines}
        # are their names, by when they are done ("morning and bedtime").
        message = _("twice a day: {routines}")
    else:
        # Translators: how often a programme's routines are done; {routines}
        # are their names, by when they are done ("morning, midday and
        # bedtime").
        message = ngettext(
            "{count} time a day: {routines}", "{count} times a day: {routines}", count
        )
    return message.format(count=count, routines=routines)


def schedule_fields(
    programme: Programme, start: dt.date | None
) -> list[tuple[str, str]]:
    """The programme's schedule as labelled facts, in plain words."""
    slots = list(_slot_names(programme).values())
    weeks = programme.weeks
    if start is None:
        # Translators: how long a programme lasts, when its first day is not
        # known yet.
        how_long = ngettext(
            "{count} week, from the day of your first session",
            "{count} weeks, from the day of your first session",
            weeks,
        ).format(count=weeks)
    else:
        end = programme.end(start)
        # Translators: how long a programme lasts; {start} and {end} are dates.
        how_long = ngettext(
            "{count} week, from {start} to {end}",
            "{count} weeks, from {start} to {end}",
            weeks,
        ).format(count=weeks, start=day_text(start), end=day_text(end))
    return [
        # Translators: a label of a programme's schedule, before the days.
        (_("Which days"), _which_days(programme.days)),
        # Translators: a label of a programme's schedule, before how many
        # times a day and which routines.
        (_("How often"), _how_often(len(slots), join(slots))),
        # Translators: a label of a programme's schedule, before its weeks.
        (_("For how long"), how_long),
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
    missed: tuple[tuple[dt.date, str], ...], names: dict[str, str]
) -> dict[dt.date, list[str]]:
    """The slots missed on each day, in words (*names*, by id), the days in order."""
    by_day: dict[dt.date, list[str]] = {}
    for day, slot in missed:
        by_day.setdefault(day, []).append(names.get(slot, slot.replace("-", " ")))
    return by_day


def _missed_words(
    missed: tuple[tuple[dt.date, str], ...], names: dict[str, str]
) -> str:
    if not missed:
        # Translators: in the "Missed" column of a programme's weeks: no
        # session was missed that week.
        return pgettext("sessions missed", "none")
    return "; ".join(
        f"{day_text(day)} ({join(slots)})"
        for day, slots in _missed_by_day(missed, names).items()
    )


def _table(programme: Programme, summary: Adherence) -> list[str]:
    names = _slot_names(programme)
    headings = (
        # Translators: a column heading of a programme's weeks: its number.
        pgettext("table of weeks", "Week"),
        # Translators: a column heading of a programme's weeks: its first day.
        pgettext("table of weeks", "From"),
        # Translators: a column heading of a programme's weeks: the sessions
        # done.
        pgettext("table of weeks", "Done"),
        # Translators: a column heading of a programme's weeks: the sessions
        # due.
        pgettext("table of weeks", "Due"),
        # Translators: a column heading of a programme's weeks: the sessions
        # missed, by day.
        pgettext("table of weeks", "Missed"),
    )
    rows = [
        f"| {' | '.join(_escape(heading) for heading in headings)} |",
        "|---|---|---|---|---|",
    ]
    for week in summary.weeks:
        cells = (
            str(week.number),
            _escape(day_text(week.first_day)),
            str(week.done),
            str(week.due),
            _escape(_missed_words(week.missed, names)),
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


def _nothing_due(summary: Adherence) -> str:
    # Translators: how a programme went, when no session was due yet; {day}
    # is a date.
    return _("Nothing was due by {day}.").format(day=day_text(summary.until))


def _how_it_went(programme: Programme, summary: Adherence) -> list[list[str]]:
    blocks = [_heading(2, _(HOW_IT_WENT))]
    if not summary.weeks:
        blocks.append(_paragraph(_nothing_due(summary)))
        return blocks
    blocks += [_paragraph(_done_words(summary)), _table(programme, summary)]
    days = chart_days(summary)
    if days:
        blocks += [
            # Translators: a heading of a programme's handout, over a chart.
            _heading(3, _("Pain and amount done")),
            _paragraph(
                # Translators: what the chart of a programme's handout shows.
                _(
                    "The solid line is your pain after each day's sessions (the "
                    "worst of the day), over the traffic light's colours; the "
                    "dashed line is how much you did (the seconds you held, or the "
                    "moves you made), with the most you did in a day at the top."
                )
            ),
            pain_and_dose_svg(days).split("\n"),
        ]
    return blocks


def _done_words(summary: Adherence) -> str:
    """The sessions done of those due, as a sentence."""
    share = summary.percentage
    if share is None:
        # Translators: how a programme went; {day} is a date, {done} and
        # {count} are numbers of sessions.
        message = ngettext(
            "Up to {day}: {done} of {count} session done.",
            "Up to {day}: {done} of {count} sessions done.",
            summary.due,
        )
    else:
        # Translators: how a programme went; {day} is a date, {done} and
        # {count} are numbers of sessions, {percent} is the share done, as
        # the language writes a percentage ("85%", "85 %").
        message = ngettext(
            "Up to {day}: {done} of {count} session done ({percent}).",
            "Up to {day}: {done} of {count} sessions done ({percent}).",
            summary.due,
        )
    return message.format(
        day=day_text(summary.until),
        done=summary.done,
        count=summary.due,
        percent=None if share is None else percent_text(share / 100),
    )


def _before_going_on(summary: Adherence) -> list[str]:
    """What the log says to do first, in sentences; empty when nothing."""
    said = list(summary.advice)
    if summary.stopped is not None:
        # Translators: what a programme's log says first; {day} is a date.
        stopped = _(
            "The programme stopped on {day}, when a warning sign was noted: "
            "nothing after it counts as missed."
        )
        said.append(stopped.format(day=day_text(summary.stopped)))
    return said


def adherence_text(
    programme: Programme, summary: Adherence, *, language: str | None = None
) -> str:
    """A short summary for a terminal: each week's sessions done and missed.

    What the log says to do before going on comes first.  In *language*,
    else the programme's.
    """
    with speaking_for(language, programme.language):
        return _adherence_text(programme, summary)


def _adherence_text(programme: Programme, summary: Adherence) -> str:
    lines = [*wrap(programme.name), ""]
    first = _before_going_on(summary)
    if first:
        lines.append(f"{_(BEFORE_GOING_ON)}:")
        for sentence in first:
            lines += wrap(sentence, indent="  - ", hang="    ")
        lines.append("")
    if not summary.weeks:
        lines += wrap(_nothing_due(summary))
        return "\n".join(lines) + "\n"
    lines += [*wrap(_done_words(summary)), ""]
    names = _slot_names(programme)
    for week in summary.weeks:
        # Translators: a week of a programme, in a summary; {number} is the
        # week's number, {day} its first day, {done} and {due} numbers of
        # sessions.
        head = _("Week {number} (from {day}): {done} of {due} done").format(
            number=week.number,
            day=day_text(week.first_day),
            done=week.done,
            due=week.due,
        )
        lines += wrap(head)
        for day, slots in _missed_by_day(week.missed, names).items():
            # Translators: the sessions missed on a day, under a week of a
            # programme; {day} is a date, {routines} the routines missed, by
            # when they are done ("morning and bedtime").
            missed = _("missed {day}: {routines}").format(
                day=day_text(day), routines=join(slots)
            )
            lines += wrap(missed, indent="  ")
    return "\n".join(lines) + "\n"


def programme_markdown(
    programme: Programme,
    sessions: Sequence[Session] | None = None,
    *,
    until: dt.date | None = None,
    catalog: Catalog | None = None,
    language: str | None = None,
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
        language: The language of the headings and sentences; None for
            the programme's own (:attr:`Programme.language`).  Its
            routines' words are the ones they were planned in.

    Returns:
        The Markdown source, ending with a newline.  The same arguments
        always give the same text.

    Raises:
        InvalidDocumentError: The log is not this programme's (see
            :func:`~backroutine.adherence`).
        UnknownLanguageError: *language*, or the programme's, is not one
            backroutine writes (a :class:`ValueError`).
    """
    with speaking_for(language, programme.language):
        return _programme_markdown(programme, sessions, until, catalog)


def _programme_markdown(
    programme: Programme,
    sessions: Sequence[Session] | None,
    until: dt.date | None,
    catalog: Catalog | None,
) -> str:
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
            blocks.append(_heading(2, _(HOW_IT_WENT)))
            # Translators: how a programme went, when its log is empty.
            blocks.append(_paragraph(_("No session has been logged yet.")))
        else:
            summary = adherence(
                programme,
                sessions,
                until=day,
                catalog=catalog,
                language=current_language(),
            )
            stopped = summary.stopped is not None
            first = _before_going_on(summary)
            if first:
                blocks.insert(1, _heading(2, _(BEFORE_GOING_ON)))
                items = [
                    line
                    for sentence in first
                    for line in wrap(f"- {_escape(sentence)}", hang="  ")
                ]
                blocks.insert(2, items)
            blocks += _how_it_went(programme, summary)
    if stopped:
        blocks.append(_paragraph(_(ROUTINES_WITHHELD)))
    else:
        for slot in programme.slots:
            routine = to_markdown(
                slot.routine, catalog=catalog, language=current_language()
            )
            blocks += _demoted(routine)
    return _document(blocks)


def programme_text(
    programme: Programme,
    *,
    catalog: Catalog | None = None,
    language: str | None = None,
) -> str:
    """A programme as plain text: its name, its schedule, then each routine.

    *catalog* is the one it was planned from, for each exercise's versions;
    None for the built-in one.  In *language*, else the programme's.
    """
    with speaking_for(language, programme.language):
        return _programme_text(programme, catalog)


def _programme_text(programme: Programme, catalog: Catalog | None) -> str:
    lines = [programme.name, "=" * len(programme.name), ""]
    lines += [
        f"{label}: {value}"
        for label, value in schedule_fields(programme, programme.start)
    ]
    routines = [
        to_text(slot.routine, catalog=catalog, language=current_language())
        for slot in programme.slots
    ]
    return "\n".join(lines) + "\n\n\n" + "\n\n".join(routines)


publish(programme_markdown)
