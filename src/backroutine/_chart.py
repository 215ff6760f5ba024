"""A small chart of pain and of the amount done, day by day, as SVG.

Written by hand, not with a plotting library: the core depends on attrs,
cattrs and orjson alone, and the chart is a few dozen lines of SVG (two
lines over the traffic light's bands), which a Markdown handout holds
inline and a browser shows as it is.  The same days always give the same
text, with no blank line in it, so that CommonMark keeps it as one HTML
block.

The bands are the traffic light's zones (:data:`~backroutine._traffic_light.ZONES`),
each from half a point below its lowest score to half a point above its
highest, within the pain scale: the chart can never disagree with the
handout's light.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from typing import Final

import attrs

from backroutine._formats import percent_text
from backroutine._i18n import N_, _, ngettext
from backroutine._traffic_light import PAIN_SCALE, ZONES, Zone

WIDTH: Final = 640
HEIGHT: Final = 260
_LEFT: Final = 64
_RIGHT: Final = 24
_TOP: Final = 16
_BOTTOM: Final = 56

FILLS: Final = {"green": "#2e7d32", "amber": "#f9a825", "red": "#c62828"}
"""The fill of each zone's band, by its colour's name, drawn faint."""

_BAND_WORDS: Final = {
    # Translators: a band of the traffic light behind a chart's pain line,
    # in a list after "bands for the traffic light:"; {low} to {high} are the
    # pain scores it covers.
    "green": N_("green for {low} to {high}"),
    # Translators: a band of the traffic light behind a chart's pain line,
    # in a list after "bands for the traffic light:"; {low} to {high} are the
    # pain scores it covers.
    "amber": N_("amber for {low} to {high}"),
    # Translators: a band of the traffic light behind a chart's pain line,
    # in a list after "bands for the traffic light:"; {low} to {high} are the
    # pain scores it covers.
    "red": N_("red for {low} to {high}"),
}
"""Each zone's band in words, by its colour's name, for the chart's description."""


@attrs.frozen(kw_only=True)
class ChartDay:
    """One day with a session: the worst pain, and the amount done that day."""

    date: dt.date
    pain: int
    dose: int


def _x(day: dt.date, first: dt.date, last: dt.date) -> float:
    span = (last - first).days
    inner = WIDTH - _LEFT - _RIGHT
    if span == 0:
        return _LEFT + inner / 2
    return _LEFT + inner * (day - first).days / span


def pain_y(pain: float) -> float:
    """Where a pain score sits on the chart, from the bottom (0) up."""
    inner = HEIGHT - _TOP - _BOTTOM
    low, high = PAIN_SCALE.low, PAIN_SCALE.high
    return _TOP + inner * (high - pain) / (high - low)


def band_edges(zone: Zone) -> tuple[float, float]:
    """The pain scores a zone's band covers: half a point beyond its own."""
    return (
        max(PAIN_SCALE.low, zone.pain.low - 0.5),
        min(PAIN_SCALE.high, zone.pain.high + 0.5),
    )


def _number(value: float) -> str:
    return f"{value:.1f}"


def _band(zone: Zone) -> str:
    low, high = band_edges(zone)
    top, bottom = pain_y(high), pain_y(low)
    return (
        f'<rect class="band-{zone.colour}" x="{_LEFT}" y="{_number(top)}" '
        f'width="{WIDTH - _LEFT - _RIGHT}" height="{_number(bottom - top)}" '
        f'fill="{FILLS[zone.colour]}" fill-opacity="0.15"/>'
    )


def _description(days: Sequence[ChartDay]) -> str:
    first, last = days[0], days[-1]
    pains = [day.pain for day in days]
    # Translators: the description of a chart, for a screen reader. {count}
    # is its days, {first} and {last} are dates (YYYY-MM-DD), {low} and
    # {high} the least and the most pain, {first_pain} and {last_pain} the pain
    # on the first and the last day, from 0 to 10. With one day, only
    # {count}, {first} and {low} (its pain).
    pain = ngettext(
        "Pain on {count} day with a session, {first}: {low} out of 10.",
        "Pain on each of {count} days with a session, from {first} to {last}: "
        "from {low} to {high} out of 10; the first day {first_pain}, the last "
        "day {last_pain}.",
        len(days),
    )
    said = [
        pain.format(
            count=len(days),
            first=first.date.isoformat(),
            last=last.date.isoformat(),
            low=min(pains),
            high=max(pains),
            first_pain=first.pain,
            last_pain=last.pain,
        )
    ]
    highest = max(day.dose for day in days)
    if highest:
        # Translators: the description of a chart, for a screen reader;
        # {first} and {last} are percentages, written as the language writes
        # them ("40%", "40 %").
        amount = _(
            "The amount done went from {first} to {last} of the most done in a day."
        )
        said.append(
            amount.format(
                first=percent_text(first.dose / highest),
                last=percent_text(last.dose / highest),
            )
        )
    bands = _(", ").join(
        _(_BAND_WORDS[zone.colour]).format(low=zone.pain.low, high=zone.pain.high)
        for zone in ZONES
    )
    # Translators: the description of a chart, for a screen reader; {bands}
    # lists the bands, such as "green for 0 to 3, amber for 4 to 6, red for 7
    # to 10".
    behind = _("Behind the pain line, bands for the traffic light: {bands}.")
    said.append(behind.format(bands=bands))
    return " ".join(said)


def _svg_text(text: str) -> str:
    """*text* as the content of an SVG element."""
    return html.escape(text, quote=False)


def pain_and_dose_svg(days: Sequence[ChartDay]) -> str:
    """A chart of the pain and the amount done on each day, as an SVG element.

    A solid line for the pain (0 at the bottom, 10 at the top, over the
    traffic light's bands), a dashed one for the amount done (the most
    done in a day at the top), a point per day, days placed by date.

    Raises:
        ValueError: *days* is empty: there is nothing to draw.
    """
    if not days:
        msg = "a chart needs at least one day with a session (got none)"
        raise ValueError(msg)
    days = sorted(days, key=lambda day: day.date)
    first, last = days[0].date, days[-1].date
    highest = max(day.dose for day in days) or 1
    pain_points = " ".join(
        f"{_number(_x(d.date, first, last))},{_number(pain_y(d.pain))}" for d in days
    )
    low, high = PAIN_SCALE.low, PAIN_SCALE.high
    # The amount done is drawn on the pain scale's height: the most at the top.
    dose_points = " ".join(
        f"{_number(_x(d.date, first, last))},"
        f"{_number(pain_y(low + (high - low) * d.dose / highest))}"
        for d in days
    )
    base = HEIGHT - _BOTTOM
    middle = _number(_TOP + (base - _TOP) / 2)
    scores = sorted({low, high, *(zone.pain.low for zone in ZONES)})
    ticks = [
        (
            f'<text x="{_LEFT - 6}" y="{_number(pain_y(score) + 4)}" '
            f'text-anchor="end">{score}</text>'
        )
        for score in scores
    ]
    # Translators: the title of a chart of pain and of the amount done.
    title = _svg_text(_("Pain and amount done, day by day"))
    # Translators: the label of a chart's axis of pain; {low} and {high} are
    # the ends of the pain scale, 0 and 10.
    pain_label = _svg_text(_("Pain, {low} to {high}").format(low=low, high=high))
    # Translators: the label under a chart's axis of days; keep it short: it is
    # one line under a chart 640 pixels wide.
    days_label = _(
        "Days with a session. Solid line: pain. Dashed line: amount done "
        "(top: the most in a day)."
    )
    lines = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" '
            f'height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
            'aria-labelledby="chart-title chart-desc" font-family="sans-serif" '
            'font-size="12">'
        ),
        f'<title id="chart-title">{title}</title>',
        f'<desc id="chart-desc">{_svg_text(_description(days))}</desc>',
        *(_band(zone) for zone in ZONES),
        (
            f'<line x1="{_LEFT}" y1="{base}" x2="{WIDTH - _RIGHT}" y2="{base}" '
            'stroke="#555"/>'
        ),
        f'<line x1="{_LEFT}" y1="{_TOP}" x2="{_LEFT}" y2="{base}" stroke="#555"/>',
        *ticks,
        (
            f'<polyline class="dose" points="{dose_points}" fill="none" '
            'stroke="#1565c0" stroke-width="2" stroke-dasharray="6 4"/>'
        ),
        (
            f'<polyline class="pain" points="{pain_points}" fill="none" '
            'stroke="#212121" stroke-width="2"/>'
        ),
        (
            f'<text x="16" y="{middle}" text-anchor="middle" '
            f'transform="rotate(-90 16 {middle})">{pain_label}</text>'
        ),
        f'<text x="{_LEFT}" y="{base + 20}">{first.isoformat()}</text>',
        (
            f'<text x="{WIDTH - _RIGHT}" y="{base + 20}" text-anchor="end">'
            f"{last.isoformat()}</text>"
        ),
        (
            f'<text x="{WIDTH // 2}" y="{base + 40}" text-anchor="middle">'
            f"{_svg_text(days_label)}</text>"
        ),
        "</svg>",
    ]
    return "\n".join(lines)


__all__ = ["ChartDay", "band_edges", "pain_and_dose_svg", "pain_y"]
