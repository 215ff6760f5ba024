"""A dose in words: "2 sets of 10 reps, hold 5 seconds, each side".

The guidance an exercise comes with (a :class:`~backroutine.Dosage`, in
ranges) and the sets a routine's step prescribes (exact numbers) are put
into the same words, in one of two wordings: for a terminal, or for a
printed handout.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import attrs

from backroutine._durations import seconds_text
from backroutine._model import Dosage, ExerciseSet, Span
from backroutine._text import word_for
from backroutine._vocabulary import Laterality

_SIDES: Final = MappingProxyType(
    {
        Laterality.BILATERAL: "",
        Laterality.ALTERNATING: " each side, alternating",
        Laterality.EACH_SIDE: " each side, one side at a time",
        Laterality.LEFT: ", left side only",
        Laterality.RIGHT: ", right side only",
    }
)
# A handout names the sides last: "2 sets of 10, hold 5 seconds, each side".
_HANDOUT_SIDES: Final = MappingProxyType(
    {
        Laterality.BILATERAL: "",
        Laterality.ALTERNATING: ", each side, alternating",
        Laterality.EACH_SIDE: ", each side",
        Laterality.LEFT: ", left side only",
        Laterality.RIGHT: ", right side only",
    }
)


@attrs.frozen(kw_only=True)
class Wording:
    """How a dose is put into words: for a terminal or for a handout."""

    sides: Mapping[Laterality, str]
    """What follows the reps (or the hold) for each laterality."""
    sides_last: bool
    """Whether the sides come after the hold rather than after the reps."""
    bare_reps: bool
    """Whether "2 sets of 10" leaves out "reps" (kept for a single rep)."""


TEXT: Final = Wording(sides=_SIDES, sides_last=False, bare_reps=False)
"""The wording for a terminal: ``2 sets of 10 reps each side, one side at a time``."""
HANDOUT: Final = Wording(sides=_HANDOUT_SIDES, sides_last=True, bare_reps=True)
"""The wording for a handout: ``2 sets of 10, hold 5 seconds, each side``."""


def _number(span: Span) -> str:
    """*span* as a number or a range: "10", "8 to 10"."""
    return str(span.low) if span.low == span.high else f"{span.low} to {span.high}"


def _count(span: Span, unit: str) -> str:
    """*span* with *unit*, singular only for exactly one: "1 set", "8 to 10 reps"."""
    return f"{_number(span)} {word_for(span.high, unit)}"


def _reps_text(
    reps: Span,
    hold_seconds: Span | None,
    laterality: Laterality,
    wording: Wording = TEXT,
    *,
    of_sets: bool = False,
) -> str:
    """The reps of one set in plain words: ``8 reps each side, alternating``.

    With *of_sets*, the words follow "N sets of", where *wording* may leave
    out "reps".
    """
    if of_sets and wording.bare_reps and reps.high > 1:
        count = _number(reps)
    else:
        count = _count(reps, "rep")
    hold = "" if hold_seconds is None else f", hold {_count(hold_seconds, 'second')}"
    sides = wording.sides[laterality]
    return count + hold + sides if wording.sides_last else count + sides + hold


def _sets_text(  # noqa: PLR0913 (a dose's parts, then how to word them)
    sets: Span,
    reps: Span,
    hold_seconds: Span | None,
    laterality: Laterality,
    rest_seconds: int,
    *,
    wording: Wording = TEXT,
) -> str:
    """Sets of alike reps in plain words, with the rest between them."""
    each = _reps_text(reps, hold_seconds, laterality, wording, of_sets=True)
    text = f"{_count(sets, 'set')} of {each}"
    if rest_seconds and sets.high > 1:
        text += f", rest {seconds_text(rest_seconds)} between sets"
    return text


def dosage_words(dosage: Dosage, wording: Wording) -> str:
    """A dosage in plain words, in *wording* (see :func:`dose_text`)."""
    return _sets_text(
        dosage.sets,
        dosage.reps,
        dosage.hold_seconds,
        dosage.laterality,
        dosage.rest_seconds,
        wording=wording,
    )


def dose_text(dosage: Dosage) -> str:
    """A dosage in plain words.

    For example ``1 set of 10 to 15 reps, hold 3 to 5 seconds``, or
    ``1 set of 8 to 10 reps each side, alternating, hold 10 to 15 seconds``
    (for per-side work the reps count on each side).  A moving exercise has
    no hold; rest is mentioned only where there can be more than one set.
    """
    return dosage_words(dosage, TEXT)


def _then_rest(seconds: int) -> str:
    return f", then rest {seconds_text(seconds)}" if seconds else ""


def _hold_span(exercise_set: ExerciseSet) -> Span | None:
    hold = exercise_set.hold
    return None if hold is None else Span.exactly(hold.seconds)


def dose_fields(
    sets: tuple[ExerciseSet, ...], wording: Wording = TEXT
) -> list[tuple[str, str]]:
    """A step's sets in plain words, as labelled lines.

    Alike sets (the same reps, hold and sides, the same rest between them)
    make one line, such as ``("Dose", "2 sets of 10 reps, hold 5 seconds,
    rest 30 seconds between sets")``; sets that differ get a line each,
    ``("Set 1", "10 reps, hold 5 seconds, then rest 30 seconds")``.  A rest
    after the last set is given as ``then rest ...``.  *wording* says how:
    a handout says ``2 sets of 10, hold 5 seconds, each side``.
    """
    first = sets[0]
    shape = (first.reps, first.hold, first.laterality)
    between = {exercise_set.rest_after_seconds for exercise_set in sets[:-1]}
    alike = all(
        (exercise_set.reps, exercise_set.hold, exercise_set.laterality) == shape
        for exercise_set in sets
    )
    if alike and len(between) <= 1:
        text = _sets_text(
            Span.exactly(len(sets)),
            Span.exactly(first.reps),
            _hold_span(first),
            first.laterality,
            min(between, default=0),
            wording=wording,
        )
        return [("Dose", text + _then_rest(sets[-1].rest_after_seconds))]
    return [
        (
            f"Set {number}",
            _reps_text(
                Span.exactly(exercise_set.reps),
                _hold_span(exercise_set),
                exercise_set.laterality,
                wording,
            )
            + _then_rest(exercise_set.rest_after_seconds),
        )
        for number, exercise_set in enumerate(sets, start=1)
    ]
