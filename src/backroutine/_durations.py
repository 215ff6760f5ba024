"""Lengths of time for people: in words, and as a clock shows them."""

from __future__ import annotations

import math

from backroutine._text import plural


def duration_text(seconds: float) -> str:
    """A length of time for people, to the nearest second.

    ``45 seconds`` under a minute, ``8 minutes`` for whole minutes, else
    ``about 8 minutes (7 min 59 s)``, with hours as ``1 h 2 min 5 s``.
    """
    whole = math.floor(seconds + 0.5)
    if whole < 60:
        return plural(whole, "second")
    minutes, rest = divmod(whole, 60)
    if not rest:
        return plural(minutes, "minute")
    hours, within_hour = divmod(minutes, 60)
    exact = f"{within_hour} min {rest} s"
    if hours:
        exact = f"{hours} h {exact}"
    about = plural(math.floor(whole / 60 + 0.5), "minute")
    return f"about {about} ({exact})"


def clock_text(seconds: float) -> str:
    """A time from the start as a clock shows it: ``01:05``, ``1:02:05``.

    Whole seconds, cut rather than rounded (a cue at 59.6 s shows
    ``00:59``, the second it starts in); an hour or more as ``h:mm:ss``.
    """
    minutes, rest = divmod(math.floor(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}:{minutes:02}:{rest:02}"
    return f"{minutes:02}:{rest:02}"
