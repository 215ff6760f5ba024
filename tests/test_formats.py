"""Dates and numbers the way each language writes them (Babel, else ISO)."""

from __future__ import annotations

import datetime as dt

import pytest

from backroutine import _formats
from backroutine._durations import minutes_text
from backroutine._formats import day_text, number_text, percent_text
from backroutine._i18n import speaking

DAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("language", "day", "number"),
    [
        ("en", "Monday 7 December 2026", "0.25"),
        ("es", "lunes, 7 de diciembre de 2026", "0,25"),
        ("de", "Montag, 7. Dezember 2026", "0,25"),
    ],
)
def test_each_language_writes_its_own(language: str, day: str, number: str) -> None:
    """A day and a fraction as the language writes them."""
    with speaking(language):
        assert (day, number) == (day_text(DAY), number_text(0.25))


def test_english_needs_no_library(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without Babel, English is as it always was."""
    monkeypatch.setattr(_formats, "babel", lambda: None)
    assert ("Monday 7 December 2026", "8.5") == (day_text(DAY), number_text(8.5))


def test_without_babel_another_language_writes_iso(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without Babel, a day in Spanish is 2026-12-07: never an English month."""
    monkeypatch.setattr(_formats, "babel", lambda: None)
    with speaking("es"):
        assert ("2026-12-07", "8.5") == (day_text(DAY), number_text(8.5))


@pytest.mark.parametrize(
    ("value", "text"),
    [(8, "8"), (8.0, "8"), (8.5, "8.5"), (0.25, "0.25"), (7.999, "8")],
)
def test_numbers_have_at_most_two_decimals(value: float, text: str) -> None:
    """Whole numbers have no decimals; others at most two, no trailing zeros."""
    assert text == number_text(value)


def test_minutes_with_a_fraction_use_the_language_s_comma() -> None:
    """A plan's minutes in German: 2,5, not 2.5."""
    with speaking("de"):
        assert minutes_text(150).startswith("2,5")
    assert minutes_text(150).startswith("2.5 ")


@pytest.mark.parametrize(
    ("language", "text"), [("en", "40%"), ("es", "40\xa0%"), ("de", "40\xa0%")]
)
def test_percentages_as_each_language_writes_them(language: str, text: str) -> None:
    """A share as a whole percentage, with the language's space before the sign."""
    with speaking(language):
        assert text == percent_text(0.4)
