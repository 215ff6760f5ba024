"""The value classes: guidance, sets, exercises, steps and routines.

Every class is frozen, slotted and keyword-only (``Span`` and ``Hold`` also
take their fields by position, as in ``Span(3, 5)``), every field is checked
when a value is built, and collections are tuples, so equal values are equal
and hash alike.  Nothing here knows about JSON, files or the clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import attrs

from backroutine import _spec as v
from backroutine._spec import (
    Integer,
    Items,
    Maybe,
    Member,
    Nested,
    Number,
    Slug,
    Text,
    Value,
)
from backroutine._text import plural
from backroutine._vocabulary import (
    Bias,
    BodyArea,
    Condition,
    Difficulty,
    Equipment,
    Laterality,
    Occasion,
    Position,
    TimeOfDay,
    Urgency,
    WarningSign,
)

MAX_SETS: Final = 10
"""The most sets a step or a dosage may have."""
MAX_REPS: Final = 100
"""The most reps a set may have (per side for per-side work)."""
MAX_HOLD_SECONDS: Final = 600
"""The longest static hold, in seconds."""
MAX_REST_SECONDS: Final = 600
"""The longest rest, in seconds."""
MAX_SPAN: Final = 10_000
"""The largest number a :class:`Span` may hold."""
MAX_ID_LENGTH: Final = 64
"""The longest exercise id."""
MAX_NAME_LENGTH: Final = 120
"""The longest name of an exercise or a routine."""
MAX_TEXT_LENGTH: Final = 1_000
"""The longest sentence: a summary, a step, a cue, a note."""
MAX_TEXT_ITEMS: Final = 50
"""The most sentences in one list: steps, benefits, cues, notes."""
MAX_STEPS: Final = 1_000
"""The most steps a routine may have."""


# One named converter per element type: the attrs mypy plugin types
# ``__init__`` from a converter's annotation, and only for named functions,
# so a generic one would leave callers with ``Iterable[T]``.
def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return v.to_tuple(value)


def _areas(value: Iterable[BodyArea]) -> tuple[BodyArea, ...]:
    return v.to_tuple(value)


def _times(value: Iterable[TimeOfDay]) -> tuple[TimeOfDay, ...]:
    return v.to_tuple(value)


def _occasions(value: Iterable[Occasion]) -> tuple[Occasion, ...]:
    return v.to_tuple(value)


def _equipment(value: Iterable[Equipment]) -> tuple[Equipment, ...]:
    return v.to_tuple(value)


def _conditions(value: Iterable[Condition]) -> tuple[Condition, ...]:
    return v.to_tuple(value)


def _signs(value: Iterable[WarningSign]) -> tuple[WarningSign, ...]:
    return v.to_tuple(value)


def _cautions(value: Iterable[Caution]) -> tuple[Caution, ...]:
    return v.to_tuple(value)


def _sets(value: Iterable[ExerciseSet]) -> tuple[ExerciseSet, ...]:
    return v.to_tuple(value)


def _steps(value: Iterable[RoutineStep]) -> tuple[RoutineStep, ...]:
    return v.to_tuple(value)


def _texts(*, min_count: int = 0) -> Items:
    return Items(Text(MAX_TEXT_LENGTH), min_count=min_count, max_count=MAX_TEXT_ITEMS)


_enums = Items.members


@attrs.frozen(repr=False, eq=False, getstate_setstate=False)
class Span(Value):
    """An inclusive range of whole numbers, such as "10 to 15 reps".

    Args:
        low: The smallest number.
        high: The largest number, at least *low*; equal to *low* for an
            exact number.
    """

    low: int = attrs.field(validator=Integer(0, MAX_SPAN))
    high: int = attrs.field(validator=Integer(0, MAX_SPAN))

    def __attrs_post_init__(self) -> None:
        if self.high < self.low:
            msg = f"must be at least the low end, {self.low} (got {self.high})"
            v.refuse("high", msg, rule="low_above_high", value=self.high)

    @classmethod
    def exactly(cls, number: int) -> Span:
        """The span that holds only *number*."""
        return cls(number, number)

    def __contains__(self, number: object) -> bool:
        return type(number) is int and self.low <= number <= self.high


def _span_within(low: int, high: int, unit: str) -> Nested:
    """A :class:`Span` of *unit* whose ends both lie from *low* to *high*."""
    end = Integer(low, high)
    return Nested(Span, narrow=(("low", end), ("high", end)), unit=unit)


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class Dosage(Value):
    """The guidance an exercise comes with, as ranges.

    A catalog says "8 to 10 reps, hold 10 to 15 seconds"; a routine picks
    exact numbers within that guidance (see :class:`ExerciseSet`).

    Args:
        sets: How many sets.
        reps: Reps in a set; per side for ``alternating`` and ``each_side``.
        hold_seconds: How long each rep is held, or None for a moving
            exercise without a hold.
        laterality: Which sides a set works.
        rest_seconds: Rest between sets.
    """

    sets: Span = attrs.field(validator=_span_within(1, MAX_SETS, "sets"))
    reps: Span = attrs.field(validator=_span_within(1, MAX_REPS, "reps"))
    hold_seconds: Span | None = attrs.field(
        validator=Maybe(_span_within(1, MAX_HOLD_SECONDS, "seconds")), default=None
    )
    laterality: Laterality = attrs.field(
        validator=Member(Laterality), default=Laterality.BILATERAL
    )
    rest_seconds: int = attrs.field(
        validator=Integer(0, MAX_REST_SECONDS, unit="seconds"), default=0
    )


@attrs.frozen(repr=False, eq=False, getstate_setstate=False)
class Hold(Value):
    """One static hold.

    Args:
        seconds: How long to hold.
    """

    seconds: int = attrs.field(validator=Integer(1, MAX_HOLD_SECONDS, unit="seconds"))


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class ExerciseSet(Value):
    """One concrete set in a routine: exact numbers, not ranges.

    Args:
        reps: How many reps; per side for ``alternating`` and ``each_side``.
        hold: The hold in each rep, or None for a moving exercise.
        laterality: Which sides the set works.
        rest_after_seconds: Rest after the set.
    """

    reps: int = attrs.field(validator=Integer(1, MAX_REPS, unit="reps"))
    hold: Hold | None = attrs.field(validator=Maybe(Nested(Hold)), default=None)
    laterality: Laterality = attrs.field(
        validator=Member(Laterality), default=Laterality.BILATERAL
    )
    rest_after_seconds: int = attrs.field(
        validator=Integer(0, MAX_REST_SECONDS, unit="seconds"), default=0
    )

    @property
    def total_reps(self) -> int:
        """Reps over all sides, twice ``reps`` for per-side work."""
        return self.reps * self.laterality.sides


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class Caution(Value):
    """When to take care with an exercise, and what to do.

    Args:
        about: The condition or situation it concerns, in a few words a
            person can read, such as "spinal stenosis" or "sore knees".
        advice: What to do, as a sentence.
        conditions: The conditions it concerns, for apps to filter by;
            empty for a situation that is not a condition.
    """

    about: str = attrs.field(validator=Text(MAX_NAME_LENGTH))
    advice: str = attrs.field(validator=Text(MAX_TEXT_LENGTH))
    conditions: tuple[Condition, ...] = attrs.field(
        default=(), converter=_conditions, validator=_enums(Condition)
    )

    @property
    def text(self) -> str:
        """The caution as one line of text, what it is about and then what to do."""
        return f"{self.about[:1].upper()}{self.about[1:]}: {self.advice}"


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class Exercise(Value):
    """One exercise: what it is, when it suits, how to do it and how much.

    Args:
        id: A slug that names the exercise, such as ``spine-press-up``.
        name: The name shown to people.
        summary: One or two sentences on what the exercise is and does.
        instructions: The steps, in order.
        position: The body position it is done in.
        targets: The body areas it works, most important first.
        bias: The spinal direction it moves towards.
        times: The times of day it suits.
        occasions: The situations it suits, such as after long sitting.
        dosage: How much, as guidance ranges.
        benefits: Why it helps.
        cues: What to pay attention to while doing it.
        cautions: When to take care or leave it out.
        equipment: What it needs besides the floor.
        difficulty: How demanding it is.
    """

    id: str = attrs.field(validator=Slug(MAX_ID_LENGTH))
    name: str = attrs.field(validator=Text(MAX_NAME_LENGTH))
    summary: str = attrs.field(validator=Text(MAX_TEXT_LENGTH))
    instructions: tuple[str, ...] = attrs.field(
        converter=_strings, validator=_texts(min_count=1)
    )
    position: Position = attrs.field(validator=Member(Position))
    targets: tuple[BodyArea, ...] = attrs.field(
        converter=_areas, validator=_enums(BodyArea, min_count=1)
    )
    bias: Bias = attrs.field(validator=Member(Bias))
    times: tuple[TimeOfDay, ...] = attrs.field(
        converter=_times, validator=_enums(TimeOfDay)
    )
    occasions: tuple[Occasion, ...] = attrs.field(
        converter=_occasions, validator=_enums(Occasion), default=()
    )
    dosage: Dosage = attrs.field(validator=Nested(Dosage))
    benefits: tuple[str, ...] = attrs.field(
        converter=_strings, validator=_texts(), default=()
    )
    cues: tuple[str, ...] = attrs.field(
        converter=_strings, validator=_texts(), default=()
    )
    cautions: tuple[Caution, ...] = attrs.field(
        default=(),
        converter=_cautions,
        validator=Items(Nested(Caution), max_count=MAX_TEXT_ITEMS),
    )
    equipment: tuple[Equipment, ...] = attrs.field(
        converter=_equipment, validator=_enums(Equipment), default=()
    )
    difficulty: Difficulty = attrs.field(
        validator=Member(Difficulty), default=Difficulty.BEGINNER
    )

    def works(self, area: BodyArea) -> bool:
        """Whether this exercise targets *area* or one of its parts."""
        return area.covers_any(self.targets)


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class RoutineStep(Value):
    """One exercise in a routine, with the sets to do.

    Args:
        exercise: The exercise, in full (not only its id), so that a routine
            stands on its own.
        sets: The sets, in order.
        note: Why this step is here (the planner fills it in), or None.
    """

    exercise: Exercise = attrs.field(validator=Nested(Exercise, share=True))
    sets: tuple[ExerciseSet, ...] = attrs.field(
        converter=_sets,
        validator=Items(Nested(ExerciseSet), min_count=1, max_count=MAX_SETS),
    )
    note: str | None = attrs.field(validator=Maybe(Text(MAX_TEXT_LENGTH)), default=None)


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class Routine(Value):
    """A sequence of exercises with their sets, to be done in order.

    Args:
        name: The name shown to people.
        time_of_day: When the routine is meant for, or None.
        targets: The body areas the routine is for.
        steps: The exercises with their sets, in order.
        notes: Anything a person should know about the routine as a whole.
        safety: Advice shown with the routine; a planned routine always
            carries some.
    """

    name: str = attrs.field(validator=Text(MAX_NAME_LENGTH))
    time_of_day: TimeOfDay | None = attrs.field(
        validator=Maybe(Member(TimeOfDay)), default=None
    )
    targets: tuple[BodyArea, ...] = attrs.field(
        converter=_areas, validator=_enums(BodyArea), default=()
    )
    steps: tuple[RoutineStep, ...] = attrs.field(
        converter=_steps,
        validator=Items(Nested(RoutineStep), min_count=1, max_count=MAX_STEPS),
    )
    notes: tuple[str, ...] = attrs.field(
        converter=_strings, validator=_texts(), default=()
    )
    safety: tuple[str, ...] = attrs.field(
        converter=_strings, validator=_texts(), default=()
    )

    @property
    def exercises(self) -> tuple[Exercise, ...]:
        """The exercise of each step, in order."""
        return tuple(step.exercise for step in self.steps)


MAX_MINUTES: Final = 240
"""The longest time budget a plan request may ask for, in minutes."""
MAX_EXCLUDED: Final = 10_000
"""The most exercise ids a plan request may exclude."""


def _minutes(value: float) -> float:
    # An int budget becomes the equal float, so that equal requests (8 and
    # 8.0 are equal) are written as identical JSON.
    return float(value) if type(value) is int else value


def _positions(value: Iterable[Position]) -> tuple[Position, ...]:
    return v.to_tuple(value)


def _biases(value: Iterable[Bias]) -> tuple[Bias, ...]:
    return v.to_tuple(value)


def _equipment_at_hand(
    value: Iterable[Equipment] | None,
) -> tuple[Equipment, ...] | None:
    return None if value is None else v.to_tuple(value)


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class PlanRequest(Value):
    """What a person asks the planner for.

    Args:
        time_of_day: When the routine is for.
        targets: The body areas to work; an area includes its parts. Empty
            leaves the areas open; by default, the lower back.
        minutes: The time budget. The only field that may have a fraction:
            a whole number such as ``8`` is read as ``8.0``, and written back
            as ``8.0``.
        occasion: A situation the routine is for: exercises that suit it
            qualify as well as those that suit the time of day.
        avoid_positions: Positions to leave out, such as ``prone``.
        avoid_biases: Spinal biases to leave out, such as ``extension``.
        exclude: Exercise ids to leave out. The planner refuses an id its
            catalog does not hold (:class:`~backroutine.UnknownExerciseError`),
            so that a typo does not pass silently; the loader does not check
            this, as it does not know the catalog.
        equipment: The equipment at hand: only exercises that need nothing
            else qualify. An empty list means none at hand; None means
            anything.
        max_difficulty: The most demanding level to include, or None for any.
        conditions: The person's health conditions: the planner leaves out
            what the safety rules advise against for each, and says so.
        warning_signs: Warning signs the person has: with an emergency or
            urgent one the planner plans nothing and raises
            :class:`~backroutine.SeekCareError`; with one that says to see
            a professional it plans, and puts that advice first.
    """

    time_of_day: TimeOfDay = attrs.field(validator=Member(TimeOfDay))
    targets: tuple[BodyArea, ...] = attrs.field(
        default=(BodyArea.LOWER_BACK,),
        converter=_areas,
        validator=_enums(BodyArea),
    )
    minutes: float = attrs.field(
        default=10.0,
        converter=_minutes,
        validator=Number(0, MAX_MINUTES, exclusive_minimum=True, unit="minutes"),
    )
    occasion: Occasion | None = attrs.field(
        default=None, validator=Maybe(Member(Occasion))
    )
    avoid_positions: tuple[Position, ...] = attrs.field(
        default=(), converter=_positions, validator=_enums(Position)
    )
    avoid_biases: tuple[Bias, ...] = attrs.field(
        default=(), converter=_biases, validator=_enums(Bias)
    )
    exclude: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=Items(Slug(MAX_ID_LENGTH), max_count=MAX_EXCLUDED, unique=True),
    )
    equipment: tuple[Equipment, ...] | None = attrs.field(
        default=None,
        converter=_equipment_at_hand,
        validator=Maybe(_enums(Equipment)),
    )
    max_difficulty: Difficulty | None = attrs.field(
        default=None, validator=Maybe(Member(Difficulty))
    )
    conditions: tuple[Condition, ...] = attrs.field(
        default=(), converter=_conditions, validator=_enums(Condition)
    )
    warning_signs: tuple[WarningSign, ...] = attrs.field(
        default=(), converter=_signs, validator=_enums(WarningSign)
    )


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class Screening(Value):
    """What warning signs say to do: how soon to seek care, and why.

    Build one with :func:`backroutine.screen`.

    Args:
        urgency: The highest urgency among the signs given.
        signs: The signs that set the urgency (empty for none).
        advice: What to do, in words a person can act on.
    """

    urgency: Urgency = attrs.field(validator=Member(Urgency))
    signs: tuple[WarningSign, ...] = attrs.field(
        converter=_signs, validator=_enums(WarningSign)
    )
    advice: str = attrs.field(validator=Text(MAX_TEXT_LENGTH))

    def __attrs_post_init__(self) -> None:
        if (self.urgency is Urgency.NONE) != (not self.signs):
            msg = (
                "must be empty exactly when the urgency is none (got "
                f"{plural(len(self.signs), 'sign')} for {self.urgency.value!r})"
            )
            v.refuse("signs", msg, rule="urgency_signs", value=self.signs)

    @property
    def stops_exercise(self) -> bool:
        """Whether to seek care instead of exercising (urgent or emergency)."""
        return self.urgency.level >= Urgency.URGENT.level
