"""A programme for a person: its schedule, then each day's routines.

Text or Markdown, each routine as :func:`~backroutine.to_text` or
:func:`~backroutine.to_markdown` writes it, under the programme's schedule
in plain words.
"""

from __future__ import annotations

from backroutine._markdown import to_markdown
from backroutine._programme_model import EVERY_DAY, Programme
from backroutine._render_text import to_text
from backroutine._text import join, plural

__all__ = ["programme_text", "schedule_text"]


def schedule_text(programme: Programme) -> str:
    """When to do the programme's routines, in a sentence.

    ``Every day, in the morning and at bedtime, for 4 weeks, from Monday
    7 December 2026.``
    """
    ordered = sorted(programme.days, key=lambda day: day.number)
    if len(ordered) == len(EVERY_DAY):
        days = "Every day"
    else:
        days = "On " + join(day.value.capitalize() for day in ordered)
    routines = join(slot.routine.name for slot in programme.slots)
    how_often = plural(len(programme.slots), "routine")
    text = (
        f"{days}: {how_often} a day ({routines}), for {plural(programme.weeks, 'week')}"
    )
    if programme.start is not None:
        start = programme.start
        text += f", from {start.strftime('%A')} {start.day} {start.strftime('%B %Y')}"
    return text + "."


def programme_text(programme: Programme, *, markdown: bool = False) -> str:
    """The programme as a handout: its name, its schedule, then each routine."""
    if markdown:
        parts = [f"# {programme.name}\n\n{schedule_text(programme)}\n"]
        parts += [to_markdown(slot.routine) for slot in programme.slots]
        return "\n".join(parts)
    rule = "=" * len(programme.name)
    parts = [f"{programme.name}\n{rule}\n\n{schedule_text(programme)}\n"]
    parts += [to_text(slot.routine) for slot in programme.slots]
    return "\n\n".join(parts)
