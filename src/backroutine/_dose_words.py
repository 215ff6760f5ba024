"""A dose in words, each number with its unit: "2 sets of 10 reps, hold 5 seconds".

The guidance an exercise comes with (a :class:`~backroutine.Dosage`, in
ranges) and the sets a routine's step prescribes (exact numbers) are put
into the same words, for a terminal and a printed handout alike:

- one set is just its reps (``10 reps, hold 5 seconds``), more are counted
  (``2 sets of 10 reps``);
- reps on each side say so after the count, and how to switch sides last
  (``8 reps each side, hold 10 seconds, switching sides each time``);
- a moving exercise, without a hold, has ``slow`` reps (``6 slow reps``).

How often to do it is worded here too, from a :class:`~backroutine.Frequency`
(``once a day, every day``), with the default a handout gives where no
exercise says.
"""

from __future__ import annotations

from typing import Final

from backroutine._durations import seconds_text
from backroutine._model import Dosage, ExerciseSet, Frequency, Span
from backroutine._plain_words import SIDES
from backroutine._text import word_for
from backroutine._vocabulary import Laterality

HOW_MUCH: Final = "How much"
"""The label of a dose, where its sets are alike."""


def _number(span: Span) -> str:
    """*span* as a number or a range: "10", "8 to 10"."""
    return str(span.low) if span.low == span.high else f"{span.low} to {span.high}"


def _count(span: Span, unit: str) -> str:
    """*span* with *unit*, singular only for exactly one: "1 set", "8 to 10 reps"."""
    return f"{_number(span)} {word_for(span.high, unit)}"


def _reps_text(reps: Span, hold_seconds: Span | None, laterality: Laterality) -> str:
    """The reps of one set in plain words: ``8 reps each side, hold 10 seconds``.

    A moving exercise's reps are slow: ``6 slow reps``.
    """
    after_reps, last = SIDES[laterality]
    unit = "rep" if hold_seconds is not None else "slow rep"
    parts = [" ".join(filter(None, (_count(reps, unit), after_reps)))]
    if hold_seconds is not None:
        parts.append(f"hold {_count(hold_seconds, 'second')}")
    if last:
        parts.append(last)
    return ", ".join(parts)


def _sets_text(
    sets: Span,
    reps: Span,
    hold_seconds: Span | None,
    laterality: Laterality,
    rest_seconds: int,
) -> str:
    """Sets of alike reps in plain words, with the rest between them.

    A single set is its reps alone; rest is said only where there can be
    more than one set.
    """
    each = _reps_text(reps, hold_seconds, laterality)
    if sets.high == 1:
        return each
    text = f"{_count(sets, 'set')} of {each}"
    if rest_seconds:
        text += f", rest {seconds_text(rest_seconds)} between sets"
    return text


def dose_text(dosage: Dosage) -> str:
    """A dosage in plain words.

    For example ``10 to 15 reps, hold 3 to 5 seconds``, or ``1 to 2 sets of
    8 to 10 reps each side, hold 10 to 15 seconds, switching sides each
    time, rest 30 seconds between sets`` (for per-side work the reps count
    on each side).  A moving exercise has slow reps and no hold.
    """
    return _sets_text(
        dosage.sets,
        dosage.reps,
        dosage.hold_seconds,
        dosage.laterality,
        dosage.rest_seconds,
    )


def _then_rest(seconds: int) -> str:
    return f", then rest {seconds_text(seconds)}" if seconds else ""


def _hold_span(exercise_set: ExerciseSet) -> Span | None:
    hold = exercise_set.hold
    return None if hold is None else Span.exactly(hold.seconds)


def dose_fields(sets: tuple[ExerciseSet, ...]) -> list[tuple[str, str]]:
    """A step's sets in plain words, as labelled lines.

    Alike sets (the same reps, hold and sides, the same rest between them)
    make one line, such as ``("How much", "2 sets of 10 reps, hold 5
    seconds, rest 30 seconds between sets")``; sets that differ get a line
    each, ``("Set 1", "10 reps, hold 5 seconds, then rest 30 seconds")``.
    A rest after the last set is given as ``then rest ...``.
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
        )
        return [(HOW_MUCH, text + _then_rest(sets[-1].rest_after_seconds))]
    return [
        (
            f"Set {number}",
            _reps_text(
                Span.exactly(exercise_set.reps),
                _hold_span(exercise_set),
                exercise_set.laterality,
            )
            + _then_rest(exercise_set.rest_after_seconds),
        )
        for number, exercise_set in enumerate(sets, start=1)
    ]


DEFAULT_FREQUENCY: Final = Frequency(
    times_a_day=Span.exactly(1), days_a_week=Span(3, 7)
)
"""How often to exercise where no exercise says: once a day, most days.

Gentle stretching does most good done daily, and at least 2 to 3 days a
week (ACSM); home programmes commonly say once or twice a day.  A routine
is planned for one time of day, so the default is once a day, every day
if possible and at least 3 days a week.
"""

_TIMES: Final = {1: "once", 2: "twice"}


def _times_a_day(times: Span) -> str:
    if times.low == times.high:
        return f"{_TIMES.get(times.low, f'{times.low} times')} a day"
    if times.high in _TIMES:
        return f"{_TIMES[times.low]} or {_TIMES[times.high]} a day"
    return f"{_number(times)} times a day"


def _days_a_week(days: Span) -> str:
    if days.low == 7:
        return "every day"
    if days.high == 7:
        at_least = _count(Span.exactly(days.low), "day")
        return f"every day if you can, and at least {at_least} a week"
    return f"{_count(days, 'day')} a week"


def frequency_text(frequency: Frequency) -> str:
    """How often, in plain words: ``once a day, every day``.

    ``twice a day, 3 to 5 days a week``; a week that reaches every day is
    said as the best and the least: ``once a day, every day if you can, and
    at least 3 days a week``.
    """
    return (
        f"{_times_a_day(frequency.times_a_day)}, {_days_a_week(frequency.days_a_week)}"
    )
