"""The pain traffic light, as data: what pain after exercising says to do next.

A person scores their pain from 0 to 10 while exercising, soon after, and
the next morning.  Green (0 to 3, settling soon after) says to carry on and
do a little more next time; amber (4 or 5, or not settled by the next
morning), to stay at the same dose; red (6 or more, or worse the next day),
to go back a step or to the easier version, and to see a professional if
it keeps happening.  A warning sign overrides the light.

Every handout shows the zones in these words; a programme reads the same
zones (their pain scores and the change of step) to dose the next session.
The words are messages in English, translated where they are shown
(``_(zone.when)``); a zone's colour is also its name in data, so it stays
English in a zone, and is translated only as a word shown to a person.
This module sits with the model, below everything that shows or uses them.
"""

from __future__ import annotations

from typing import Final

import attrs

from backroutine._i18n import N_
from backroutine._model import Span

PAIN_SCALE: Final = Span(0, 10)
"""The pain scores a person gives: 0 for none, 10 for the worst imaginable."""


@attrs.frozen(kw_only=True)
class Zone:
    """One light of the traffic light: when it shows, and what to do next.

    Args:
        colour: What the light is called: ``green``, ``amber`` or ``red``.
        pain: The pain scores, within :data:`PAIN_SCALE`, that show it.
        when: When it shows, in words a person reads after the colour: the
            pain scores, and how the pain behaves afterwards.
        next_time: What to do at the next session, in words.
        step: How the next session's step of progression changes: 1 up,
            0 the same, -1 back.
    """

    colour: str
    pain: Span
    when: str
    next_time: str
    step: int


GREEN: Final = Zone(
    # Translators: the colour of a light of the pain traffic light, shown
    # capitalised before what it means ("Green: pain of 0 to 3 ...").
    colour=N_("green"),
    pain=Span(0, 3),
    # Translators: when the light is green; shown capitalised after the
    # colour, and followed by a full stop.
    when=N_("pain of 0 to 3 that settles soon after you finish"),
    next_time=N_(
        "Carry on, and do a little more next time: hold a little longer first, "
        "then add a few reps. When an exercise feels easy, try its harder "
        "version."
    ),
    step=1,
)
"""Carry on, and progress one step next time."""

AMBER: Final = Zone(
    # Translators: the colour of a light of the pain traffic light (between
    # green and red), shown capitalised before what it means.
    colour=N_("amber"),
    pain=Span(4, 5),
    # Translators: when the light is amber; shown capitalised after the
    # colour, and followed by a full stop.
    when=N_("pain of 4 or 5, or pain that has not settled by the next morning"),
    next_time=N_("Do the same amount next time; do not add more yet."),
    step=0,
)
"""Stay at the same dose next time."""

RED: Final = Zone(
    # Translators: the colour of a light of the pain traffic light, shown
    # capitalised before what it means.
    colour=N_("red"),
    pain=Span(6, 10),
    # Translators: when the light is red; shown capitalised after the
    # colour, and followed by a full stop.
    when=N_("pain of 6 or more, or pain that is worse the next day"),
    next_time=N_(
        "Next time, go back a step (a shorter hold or fewer reps) or do the "
        "easier version. If this keeps happening, see a physiotherapist or "
        "your doctor."
    ),
    step=-1,
)
"""Go back a step or to the easier version; see a professional if it recurs."""

ZONES: Final = (GREEN, AMBER, RED)
"""The zones from the least pain to the most; their scores cover the scale."""

HOW_TO_SCORE: Final = N_(
    "Score your pain from 0 (none) to 10 (the worst you can imagine) while you "
    "exercise, soon after you finish, and again the next morning, and let the "
    "score set your next session:"
)
"""How to use the light, in words that lead into its zones."""

# Translators: "Seek help now" is the heading of the seek-help box: use
# the same words as that heading's translation.
SIGNS_FIRST: Final = N_(
    "Whatever the colour, a warning sign comes first: stop and get help as the "
    "Seek help now box says, and see a professional if your pain "
    "persists, gets worse or spreads down a leg."
)
"""That any warning sign overrides the light, in words.

It names the seek-help box by its heading,
:data:`~backroutine._signs.SEEK_HELP_HEADING`, written out so that the
sentence is one message (a test checks that the two agree)."""


WORSE_BY: Final = 2
"""How many points more the next morning than straight after is "worse the
next day", whatever the scores: a rise of one point is within what a
person's scoring varies by."""


def zone_of(pain: int, next_morning: int | None = None) -> Zone:
    """The zone that pain during or straight after exercise shows.

    *pain* is scored from 0 to 10 during or straight after, *next_morning*
    the next morning (None when not known).

    - Red: *pain* in red's scores, or a next morning in them; or a next
      morning worse the next day: :data:`WORSE_BY` points or more above
      *pain*, or above it and beyond green's scores.
    - Amber: *pain* in amber's scores, or a next morning beyond green's
      (not settled).
    - Green otherwise.
    """
    morning = -1 if next_morning is None else next_morning
    if pain >= RED.pain.low or morning >= RED.pain.low:
        return RED
    if morning >= pain + WORSE_BY or (morning > pain and morning > GREEN.pain.high):
        return RED
    if pain >= AMBER.pain.low or morning > GREEN.pain.high:
        return AMBER
    return GREEN
