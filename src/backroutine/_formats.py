"""Dates and numbers written the way the current language writes them.

English is written as backroutine always wrote it, with no library needed:
``Monday 7 December 2026``, ``0.25``.  Another language's dates and numbers
are Babel's, from the Unicode CLDR (``lunes, 7 de diciembre de 2026``,
``0,25``), when Babel is installed (``pip install 'backroutine[languages]'``).
Without it, a date is written ``2026-12-07``, which every reader can read,
and a number with a point: never an English month name in a Spanish
sentence.
"""

from __future__ import annotations

import datetime as dt
import functools
from types import ModuleType
from typing import Final

from backroutine._i18n import DEFAULT_LANGUAGE, current_language

_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS: Final = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)


@functools.cache
def babel() -> tuple[ModuleType, ModuleType] | None:
    """Babel's ``dates`` and ``numbers`` modules, or None when not installed."""
    try:
        from babel import dates, numbers  # noqa: PLC0415 (optional, and slow to import)
    except ImportError:
        return None
    return dates, numbers


def day_text(day: dt.date) -> str:
    """A day as a person reads it: ``Monday 7 December 2026``.

    In English, spelled out here, not by ``strftime``, whose words follow
    the process's locale; in another language, Babel's full date.
    """
    language = current_language()
    if language == DEFAULT_LANGUAGE:
        return (
            f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"
        )
    modules = babel()
    if modules is None:
        return day.isoformat()
    dates, _ = modules
    text: str = dates.format_date(day, "full", locale=language)
    return text


def number_text(number: float) -> str:
    """A number of up to two decimals: ``0.25`` in English, ``0,25`` in Spanish.

    Whole numbers have no decimals: ``8``.
    """
    text = f"{number:.2f}".rstrip("0").rstrip(".")
    language = current_language()
    modules = babel()
    if language == DEFAULT_LANGUAGE or modules is None or "." not in text:
        return text
    _, numbers = modules
    written: str = numbers.format_decimal(float(text), format="0.##", locale=language)
    return written


def percent_text(share: float) -> str:
    """A share from 0 to 1 as a whole percentage: ``40%``, ``40 %`` in Spanish."""
    whole = round(100 * share)
    language = current_language()
    modules = babel()
    if language == DEFAULT_LANGUAGE or modules is None:
        return f"{whole}%"
    _, numbers = modules
    written: str = numbers.format_percent(whole / 100, locale=language)
    return written
