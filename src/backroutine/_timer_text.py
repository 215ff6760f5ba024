"""A timeline for a terminal: each cue on one line, after its clock time.

A cue's text is what a timer says; what it carries as data is printed
where a person reading along needs it: the advice the first cue carries
comes before it, with the seek-help box; the steps of the exercise a cue
starts, and the cautions it carries for the routine's person, come under
its line.  The words made here are in the current language.
"""

from __future__ import annotations

from collections.abc import Iterable

from backroutine._durations import clock_text
from backroutine._i18n import _
from backroutine._render_text import bullets, caution_lines, seek_help_box
from backroutine._signs import SEEK_HELP
from backroutine._timing import Cue
from backroutine._wrapping import wrap


def cue_line(cue: Cue) -> str:
    """One timer cue on one line: its start time, two spaces, its text.

    For example ``00:00  Get ready for Child's pose. ...``.  Line breaks and
    runs of spaces in the text become single spaces, so that the line stays
    one line; it is not wrapped.
    """
    return f"{clock_text(cue.start_seconds)}  {' '.join(cue.text.split())}"


def _safety_lines(safety: tuple[str, ...]) -> list[str]:
    """A cue's advice, to read before it: the box, then the rest, listed.

    Each block is followed by a blank line.
    """
    box = {SEEK_HELP, _(SEEK_HELP)}  # in English, or as a timeline says it
    blocks = [seek_help_box()] if not box.isdisjoint(safety) else []
    rest = tuple(advice for advice in safety if advice not in box)
    if rest:
        # Translators: a heading, before the advice to read before starting.
        heading = _("Before you start")
        blocks.append([heading, *bullets(rest, indent="  ")])
    return [line for block in blocks for line in (*block, "")]


def _step_lines(steps: tuple[str, ...], *, indent: str) -> list[str]:
    """An exercise's steps, numbered under ``Steps:`` after *indent*."""
    if not steps:
        return []
    # Translators: a heading of a handout, before an exercise's steps.
    heading = _("Steps")
    lines = [f"{indent}{heading}:"]
    width = len(str(len(steps)))
    for number, step in enumerate(steps, start=1):
        mark = f"{indent}  {number:>{width}}. "
        lines += wrap(step, indent=mark, hang=" " * len(mark))
    return lines


def cue_lines(cue: Cue, *, personal: bool = True) -> list[str]:
    """One timer cue as lines: its advice, its line, its steps and cautions.

    The advice the cue carries (the first cue of a timeline: the seek-help
    box, the stop rule, when to see a specialist) comes first, then a blank
    line; then :func:`cue_line`; then, wrapped under its text, the steps of
    the exercise it starts (numbered under ``Steps:``) and the cautions it
    carries for the routine's person (``For you:`` for those about the
    person's conditions, then ``Take care:``; all under ``Take care:``
    unless *personal*, when the person's conditions are not known).
    """
    lines = _safety_lines(cue.safety) if cue.safety else []
    indent = " " * (len(clock_text(cue.start_seconds)) + 2)
    steps = _step_lines(cue.steps, indent=indent)
    cautions = caution_lines(cue.cautions, indent=indent, personal=personal)
    return [*lines, cue_line(cue), *steps, *cautions]


def timeline_text(cues: Iterable[Cue], *, personal: bool = True) -> str:
    """Cues as :func:`cue_lines` gives them, each line ending with a newline.

    *personal*: whether the routine knows its person's conditions (see
    :func:`cue_lines`).
    """
    return "".join(
        f"{line}\n" for cue in cues for line in cue_lines(cue, personal=personal)
    )
