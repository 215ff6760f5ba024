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

Every phrase is a message, in the current language; the parts of a dose
are separated as the language separates them.
"""

from __future__ import annotations

from typing import Final

from backroutine._i18n import N_, _, ngettext, pgettext
from backroutine._model import Dosage, ExerciseSet, Frequency, Span
from backroutine._plain_words import SIDES
from backroutine._vocabulary import Laterality

HOW_MUCH: Final = N_("How much")
"""The label of a dose, where its sets are alike (in English: translate it)."""


def _number(span: Span) -> str:
    """*span* as a number or a range: "10", "8 to 10"."""
    if span.low == span.high:
        return str(span.low)
    # Translators: a range of numbers, as in "8 to 10 reps".
    return _("{low} to {high}").format(low=span.low, high=span.high)


def _clauses(parts: list[str]) -> str:
    """The parts of a dose, one after the other: "10 reps, hold 5 seconds"."""
    # Translators: what separates the parts of a dose: "8 reps each side,
    # hold 10 seconds, switching sides each time".
    return pgettext("dose", ", ").join(parts)


def _reps_text(reps: Span, hold_seconds: Span | None, laterality: Laterality) -> str:
    """The reps of one set in plain words: ``8 reps each side, hold 10 seconds``.

    A moving exercise's reps are slow: ``6 slow reps``.
    """
    after_reps, last = SIDES[laterality]
    if hold_seconds is not None:
        # Translators: the reps of a set; {count} is a number or a range
        # ("8 to 10 reps").
        text = ngettext("{count} rep", "{count} reps", reps.high)
    else:
        # Translators: the reps of a set of an exercise that moves, without
        # holding; {count} is a number or a range ("8 to 10 slow reps").
        text = ngettext("{count} slow rep", "{count} slow reps", reps.high)
    text = text.format(count=_number(reps))
    if after_reps:
        # Translators: the reps of a set ("8 reps"), then the sides they are
        # done on ("each side", "on the left side only").
        text = _("{reps} {sides}").format(reps=text, sides=_(after_reps))
    parts = [text]
    if hold_seconds is not None:
        # Translators: how long to hold each rep; {count} is a number or a
        # range ("hold 10 to 15 seconds").
        hold = ngettext(
            "hold {count} second", "hold {count} seconds", hold_seconds.high
        )
        parts.append(hold.format(count=_number(hold_seconds)))
    if last:
        parts.append(_(last))
    return _clauses(parts)


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
    # Translators: {count} is a number or a range of sets, {reps} what each
    # set is: "2 sets of 10 reps, hold 5 seconds".
    text = ngettext("{count} set of {reps}", "{count} sets of {reps}", sets.high)
    text = text.format(count=_number(sets), reps=each)
    if rest_seconds:
        rest = ngettext(
            "rest {count} second between sets",
            "rest {count} seconds between sets",
            rest_seconds,
        )
        text = _clauses([text, rest.format(count=rest_seconds)])
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


def _then_rest(text: str, seconds: int) -> str:
    """*text*, then the rest after it, if there is one."""
    if not seconds:
        return text
    # Translators: the rest after a set, or after the last of a step's sets.
    rest = ngettext("then rest {count} second", "then rest {count} seconds", seconds)
    return _clauses([text, rest.format(count=seconds)])


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
        return [(_(HOW_MUCH), _then_rest(text, sets[-1].rest_after_seconds))]
    return [
        (
            # Translators: the label of one set of a step: "Set 2: 10 reps".
            _("Set {number}").format(number=number),
            _then_rest(
                _reps_text(
                    Span.exactly(exercise_set.reps),
                    _hold_span(exercise_set),
                    exercise_set.laterality,
                ),
                exercise_set.rest_after_seconds,
            ),
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


def _times_a_day(times: Span) -> str:
    if (times.low, times.high) == (1, 1):
        return _("once a day")
    if (times.low, times.high) == (2, 2):
        return _("twice a day")
    if (times.low, times.high) == (1, 2):
        return _("once or twice a day")
    # Translators: {count} is a number or a range ("3 to 4 times a day").
    text = ngettext("{count} time a day", "{count} times a day", times.high)
    return text.format(count=_number(times))


def _days_a_week(days: Span) -> str:
    if days.low == 7:
        return _("every day")
    if days.high == 7:
        text = ngettext(
            "every day if you can, and at least {count} day a week",
            "every day if you can, and at least {count} days a week",
            days.low,
        )
        return text.format(count=days.low)
    # Translators: {count} is a number or a range ("3 to 5 days a week").
    text = ngettext("{count} day a week", "{count} days a week", days.high)
    return text.format(count=_number(days))


def frequency_text(frequency: Frequency) -> str:
    """How often, in plain words: ``once a day, every day``.

    ``twice a day, 3 to 5 days a week``; a week that reaches every day is
    said as the best and the least: ``once a day, every day if you can, and
    at least 3 days a week``.
    """
    # Translators: how often: "once a day, every day", "twice a day, 3 to 5
    # days a week".
    return _("{times_a_day}, {days_a_week}").format(
        times_a_day=_times_a_day(frequency.times_a_day),
        days_a_week=_days_a_week(frequency.days_a_week),
    )
