"""A timeline for a terminal: each cue on one line, after its clock time."""

from __future__ import annotations

from collections.abc import Iterable

from backroutine._durations import clock_text
from backroutine._timing import Cue


def cue_line(cue: Cue) -> str:
    """One timer cue on one line: its start time, two spaces, its text.

    For example ``00:00  Get ready for Child's pose. ...``.  Line breaks and
    runs of spaces in the text become single spaces, so that the line stays
    one line; it is not wrapped.
    """
    return f"{clock_text(cue.start_seconds)}  {' '.join(cue.text.split())}"


def timeline_text(cues: Iterable[Cue]) -> str:
    """Cues one per line (see :func:`cue_line`), each ending with a newline."""
    return "".join(f"{cue_line(cue)}\n" for cue in cues)
