"""Lengths of time for people: in words, and as a clock shows them.

Every layer that shows a length of time takes its words from here:

- :func:`seconds_text` for a pause or a hold given in whole seconds
  (``rest 30 seconds``);
- :func:`duration_text` for how long something takes, to the nearest
  second (a routine's total time);
- :func:`minutes_text` for a time budget, in the minutes a plan request
  asks in, to the hundredth (the planner's notes and messages);
- :func:`clock_text` for a time from the start, as a timer's clock shows it;
The words are in the current language; a day of the calendar is
:func:`backroutine._formats.day_text`'s.
"""

from __future__ import annotations

import math

from backroutine._formats import number_text
from backroutine._i18n import _, ngettext, pgettext


def seconds_text(seconds: int) -> str:
    """Whole seconds in words: ``1 second``, ``30 seconds``."""
    return ngettext("{count} second", "{count} seconds", seconds).format(count=seconds)


def _minutes(count: int) -> str:
    """Whole minutes in words: ``1 minute``, ``8 minutes``."""
    return ngettext("{count} minute", "{count} minutes", count).format(count=count)


def duration_text(seconds: float, *, exact: bool = True) -> str:
    """A length of time for people, to the nearest second.

    ``45 seconds`` under a minute, ``8 minutes`` for whole minutes, else
    ``about 8 minutes (7 min 59 s)``, with hours as ``1 h 2 min 5 s``; not
    *exact*, only ``about 8 minutes``.
    """
    whole = math.floor(seconds + 0.5)
    if whole < 60:
        return seconds_text(whole)
    minutes, rest = divmod(whole, 60)
    if not rest:
        return _minutes(minutes)
    rounded = math.floor(whole / 60 + 0.5)
    # Translators: a length of time rounded to whole minutes.
    about = ngettext("about {count} minute", "about {count} minutes", rounded)
    about = about.format(count=rounded)
    if not exact:
        return about
    hours, within_hour = divmod(minutes, 60)
    if hours:
        # Translators: an exact length of time, abbreviated: "1 h 2 min 5 s".
        clock = _("{hours} h {minutes} min {seconds} s")
    else:
        # Translators: an exact length of time, abbreviated: "7 min 59 s".
        clock = _("{minutes} min {seconds} s")
    clock = clock.format(hours=hours, minutes=within_hour, seconds=rest)
    # Translators: a length of time: {about} is in whole minutes ("about 8
    # minutes"), {exact} to the second ("7 min 59 s").
    return _("{about} ({exact})").format(about=about, exact=clock)


def minutes_text(seconds: float, *, at_least: bool = False) -> str:
    """*seconds* in minutes, to the hundredth: ``0.25 minutes``, ``8 minutes``.

    With *at_least*, rounded up, so that the number given is enough.
    """
    hundredths = seconds / 60 * 100
    hundredths = math.ceil(hundredths) if at_least else round(hundredths)
    whole, fraction = divmod(hundredths, 100)
    if not fraction:
        return _minutes(whole)
    minutes = number_text(hundredths / 100)
    # Translators: a number of minutes with a fraction, such as "0.25
    # minutes" or "8.5 minutes".
    return pgettext("fraction", "{count} minutes").format(count=minutes)


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
