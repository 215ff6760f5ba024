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
from backroutine._signs import SIGN_URGENCY
from backroutine._spec import (
    Flag,
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
    Movement,
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
MAX_LANGUAGE_LENGTH: Final = 35
"""The longest language tag, as BCP 47 advises (``es``, ``pt-br``)."""
DEFAULT_LANGUAGE: Final = "en"
"""The language of a routine or a screening that does not say: English."""
MAX_TEXT_LENGTH: Final = 1_000
"""The longest sentence: a summary, a step, a cue, a note."""
MAX_TEXT_ITEMS: Final = 50
"""The most sentences in one list: steps, benefits, cues, notes."""
MAX_STEPS: Final = 1_000
"""The most steps a routine may have."""
MAX_PHASES: Final = 10
"""The most phases an exercise may list."""
MAX_VERSIONS: Final = 20
"""The most harder versions an exercise may name."""
MAX_TIMES_A_DAY: Final = 10
"""The most times a day a frequency may ask for."""
ROUND_HOLDS: Final = frozenset({1, 2, 3, 5, 10, 15, 20, 30, 45, 60})
"""The holds a clinician writes, in seconds, up to a minute; then every 30."""
ROUND_REPS: Final = frozenset({8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 75, 100})
"""The repetitions a clinician writes above 6 (up to 6, any)."""


def is_round_hold(seconds: int) -> bool:
    """Whether a clinician would write a hold of *seconds*: 5, 10, 20, 30, 45, 90."""
    return seconds in ROUND_HOLDS or (seconds > 60 and seconds % 30 == 0)


def is_round_reps(count: int) -> bool:
    """Whether a clinician would write *count* repetitions: up to 6, 8, 10, 12."""
    return count <= 6 or count in ROUND_REPS


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


def _known_conditions(
    value: Iterable[Condition] | None,
) -> tuple[Condition, ...] | None:
    return None if value is None else v.to_tuple(value)


def _signs(value: Iterable[WarningSign]) -> tuple[WarningSign, ...]:
    return v.to_tuple(value)


def _cautions(value: Iterable[Caution]) -> tuple[Caution, ...]:
    return v.to_tuple(value)


def _movements(value: Iterable[Movement]) -> tuple[Movement, ...]:
    return v.to_tuple(value)


def _phases(value: Iterable[Phase]) -> tuple[Phase, ...]:
    return v.to_tuple(value)


def _findings(value: Iterable[Finding]) -> tuple[Finding, ...]:
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

    def round_holds(self) -> tuple[int, ...]:
        """The holds within the guidance a clinician would write, shortest first.

        1, 2, 3 and 5 seconds, then 10, 15, 20, 30, 45 and 60, then every
        30 seconds.  Guidance with no such number in
        its range (11 to 14 seconds, say) gives its low end alone.  Empty
        for a moving exercise.
        """
        if self.hold_seconds is None:
            return ()
        low, high = self.hold_seconds.low, self.hold_seconds.high
        found = tuple(s for s in range(low, high + 1) if is_round_hold(s))
        return found or (low,)

    def round_reps(self) -> tuple[int, ...]:
        """The repetitions in the guidance a clinician would write, fewest first.

        The low end, then any number up to 6 and 8, 10, 12, 15, 20, 25,
        30, ..., and the high end.
        """
        low, high = self.reps.low, self.reps.high
        between = (n for n in range(low + 1, high) if is_round_reps(n))
        return tuple(dict.fromkeys((low, *between, high)))

    def _ladder(self) -> list[tuple[int, int, int | None]]:
        """Every step of progression, as (sets, reps, hold), from a first session."""
        holds = self.round_holds() or (None,)
        reps = self.round_reps()
        sets = self.sets
        steps = [(sets.low, reps[0], hold) for hold in holds]
        steps.extend((sets.low, count, holds[-1]) for count in reps[1:])
        more_sets = range(sets.low + 1, sets.high + 1)
        steps.extend((count, reps[-1], holds[-1]) for count in more_sets)
        return steps

    @property
    def top_step(self) -> int:
        """The last step of progression within the guidance (0 if only one)."""
        return len(self._ladder()) - 1

    def step_of(self, sets: Iterable[ExerciseSet]) -> int:
        """The step of progression that *sets*, as done, reached.

        The highest step of :meth:`at_step` whose sets, repetitions and hold
        are each no more than what every set done managed: the fewest
        repetitions and the shortest hold of any set count, so that a set
        cut short is not taken for progress.  Sets that fall short of a
        first session are step 0.
        """
        done = tuple(sets)
        if not done:
            return 0
        count = len(done)
        reps = min(one.reps for one in done)
        hold = min(0 if one.hold is None else one.hold.seconds for one in done)
        reached = 0
        for step, (need_sets, need_reps, need_hold) in enumerate(self._ladder()):
            if count >= need_sets and reps >= need_reps and hold >= (need_hold or 0):
                reached = step
        return reached

    def at_step(self, step: int = 0) -> tuple[ExerciseSet, ...]:
        """The sets to do at *step* of progression, in a clinician's numbers.

        Step 0 is a first session: the low end of every range, the hold at
        the shortest of :meth:`round_holds`.  Each step up lengthens the
        hold to the next of :meth:`round_holds` first, then the repetitions
        to the next of :meth:`round_reps`, then adds a set.  A step past
        :attr:`top_step` stays at the top of the guidance: what comes next
        is the harder version.

        Raises:
            InvalidValueError: *step* is negative.
        """
        if step < 0:
            v.refuse(
                "step", f"must be at least 0 (got {step})", rule="minimum", value=step
            )
        ladder = self._ladder()
        sets, reps, hold = ladder[min(step, len(ladder) - 1)]
        return tuple(
            ExerciseSet(
                reps=reps,
                hold=None if hold is None else Hold(hold),
                laterality=self.laterality,
                rest_after_seconds=self.rest_seconds if number < sets else 0,
            )
            for number in range(1, sets + 1)
        )


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class Frequency(Value):
    """How often to do an exercise or a routine.

    Args:
        times_a_day: How many times on a day it is done.
        days_a_week: On how many days of a week; 7 is every day.
    """

    times_a_day: Span = attrs.field(
        validator=_span_within(1, MAX_TIMES_A_DAY, "times a day")
    )
    days_a_week: Span = attrs.field(validator=_span_within(1, 7, "days a week"))

    @classmethod
    def daily(cls, times: int = 1) -> Frequency:
        """Every day, *times* a day."""
        return cls(times_a_day=Span.exactly(times), days_a_week=Span.exactly(7))


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
        leave_out: Whether the exercise should be left out altogether for
            these conditions (the planner does), rather than done with
            care; *advice* then says why.
        keep_dose: Whether its dose should not rise for these conditions
            without a professional's advice, as *advice* says (such as "do
            fewer at a time", or "follow your surgical team"): a programme
            keeps the exercise at its dose for them.  Only for the
            conditions it names.
    """

    about: str = attrs.field(validator=Text(MAX_NAME_LENGTH))
    advice: str = attrs.field(validator=Text(MAX_TEXT_LENGTH))
    conditions: tuple[Condition, ...] = attrs.field(
        default=(), converter=_conditions, validator=_enums(Condition)
    )
    leave_out: bool = attrs.field(default=False, validator=Flag())
    keep_dose: bool = attrs.field(default=False, validator=Flag())

    def __attrs_post_init__(self) -> None:
        if self.leave_out and not self.conditions:
            msg = "must name the conditions to leave the exercise out for (got none)"
            v.refuse("conditions", msg, rule="leave_out_conditions", value=())

    def concerns(self, conditions: Iterable[Condition]) -> bool:
        """Whether this caution is about one of *conditions*."""
        return not frozenset(self.conditions).isdisjoint(conditions)

    @property
    def text(self) -> str:
        """The caution as one line of text, what it is about and then what to do."""
        return f"{self.about[:1].upper()}{self.about[1:]}: {self.advice}"


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class Phase(Value):
    """One phase of an exercise, and how it moves the spine.

    Cat-cow has two phases: the cat rounds the back (flexion), the cow
    arches it (extension).  Condition rules read every phase, so one label
    per exercise cannot hide a movement a condition advises against.

    Args:
        name: What the phase is called, such as ``cat``, or None for an
            exercise done in one phase.
        moves: The directions the phase moves the lower back; empty when the
            spine is held still (neutral).
        end_range: Whether the phase takes a movement to the end of its
            range, rather than a small or comfortable part of it.
    """

    name: str | None = attrs.field(default=None, validator=Maybe(Text(MAX_NAME_LENGTH)))
    moves: tuple[Movement, ...] = attrs.field(
        default=(), converter=_movements, validator=Items.members(Movement)
    )
    end_range: bool = attrs.field(default=False, validator=Flag())


# What a bias says about movement when an exercise does not list its phases:
# a mixed one is taken to bend both ways, as cat-cow does.
_BIAS_MOVES: Final = {
    Bias.FLEXION: frozenset({Movement.FLEXION}),
    Bias.EXTENSION: frozenset({Movement.EXTENSION}),
    Bias.ROTATION: frozenset({Movement.ROTATION}),
    Bias.NEUTRAL: frozenset(),
    Bias.MIXED: frozenset({Movement.FLEXION, Movement.EXTENSION}),
}


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class Exercise(Value):
    """One exercise: what it is, when it suits, how to do it and how much.

    Args:
        id: A slug that names the exercise, such as ``spine-press-up``.
        name: The name shown to people, in plain words ("Pelvic tilt lying
            on your back").
        clinical_name: The name a clinician would use ("Supine posterior
            pelvic tilt"), when it differs from *name*; a handout shows it
            in brackets after the name.
        summary: One or two sentences on what the exercise is and does.
        instructions: The steps, in order.
        position: The body position it is done in.
        targets: The body areas it works, most important first.
        bias: The spinal direction it mainly moves towards: a label for
            people and queries.  The safety rules read :attr:`movements`,
            which holds this direction and every phase's.
        phases: How each phase moves the spine, in order; empty when the
            exercise is described by its *bias* alone (a mixed one is then
            taken to bend both forwards and backwards).  They must agree
            with the bias: a flexion, extension or rotation exercise moves
            that way in some phase, a mixed one more than one way, and a
            neutral one not at all.
        tensions_sciatic_nerve: Whether it stretches the sciatic nerve
            (a straight leg raised, for example), which can irritate a
            nerve already pressed on.
        loads_spine: Whether it holds the spine still while the limbs or the
            trunk put load on it (bird dog, dead bug).
        early_after_surgery: Whether it is among the small, gentle
            exercises usually allowed in the first weeks after back
            surgery, once the surgical team agrees.
        times: The times of day it suits.
        best_times: The times of day among *times* it suits best, when its
            sources single some out (the lower trunk rotation suits any
            time, before bed most of all); the planner prefers it then.
        occasions: The situations it suits, such as after long sitting.
        dosage: How much, as guidance ranges.
        frequency: How often to do it, where its sources say; None where
            they do not.
        benefits: Why it helps.
        cues: What to pay attention to while doing it.
        cautions: When to take care or leave it out.
        equipment: What it needs besides the floor.
        difficulty: How demanding it is.
        warm_up: Whether it warms the back up for the exercises after it:
            a routine puts it first among the exercises in its position.
        harder: The ids of its harder versions, the next step up once its
            guidance is easy (the sphinx names the press-up).  Its easier
            versions are those that name it; a :class:`Catalog` checks that
            every id is known and that no chain of versions comes back on
            itself, and answers both ways
            (:meth:`Catalog.harder_than`, :meth:`Catalog.easier_than`).
    """

    id: str = attrs.field(validator=Slug(MAX_ID_LENGTH))
    name: str = attrs.field(validator=Text(MAX_NAME_LENGTH))
    clinical_name: str | None = attrs.field(
        default=None, validator=Maybe(Text(MAX_NAME_LENGTH))
    )
    summary: str = attrs.field(validator=Text(MAX_TEXT_LENGTH))
    instructions: tuple[str, ...] = attrs.field(
        converter=_strings, validator=_texts(min_count=1)
    )
    position: Position = attrs.field(validator=Member(Position))
    targets: tuple[BodyArea, ...] = attrs.field(
        converter=_areas, validator=_enums(BodyArea, min_count=1)
    )
    bias: Bias = attrs.field(validator=Member(Bias))
    phases: tuple[Phase, ...] = attrs.field(
        default=(),
        converter=_phases,
        validator=Items(Nested(Phase), max_count=MAX_PHASES),
    )
    tensions_sciatic_nerve: bool = attrs.field(default=False, validator=Flag())
    loads_spine: bool = attrs.field(default=False, validator=Flag())
    early_after_surgery: bool = attrs.field(default=False, validator=Flag())
    times: tuple[TimeOfDay, ...] = attrs.field(
        converter=_times, validator=_enums(TimeOfDay)
    )
    best_times: tuple[TimeOfDay, ...] = attrs.field(
        converter=_times, validator=_enums(TimeOfDay), default=()
    )
    occasions: tuple[Occasion, ...] = attrs.field(
        converter=_occasions, validator=_enums(Occasion), default=()
    )
    dosage: Dosage = attrs.field(validator=Nested(Dosage))
    frequency: Frequency | None = attrs.field(
        default=None, validator=Maybe(Nested(Frequency))
    )
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
    warm_up: bool = attrs.field(default=False, validator=Flag())
    harder: tuple[str, ...] = attrs.field(
        default=(),
        converter=_strings,
        validator=Items(Slug(MAX_ID_LENGTH), max_count=MAX_VERSIONS, unique=True),
    )

    def __attrs_post_init__(self) -> None:
        if not set(self.best_times) <= set(self.times):
            others = sorted(t.value for t in set(self.best_times) - set(self.times))
            msg = f"must be among the times it suits (got {others})"
            v.refuse("best_times", msg, rule="best_among_times", value=self.best_times)
        if self.id in self.harder:
            msg = f"must not name the exercise itself (got {self.id!r})"
            v.refuse("harder", msg, rule="harder_itself", value=self.harder)
        if not self.phases:
            return
        moved = {move for phase in self.phases for move in phase.moves}
        if self.bias is Bias.MIXED:
            agrees = len(moved) > 1
            expected = "move the spine more than one way, as its bias is mixed"
        elif self.bias is Bias.NEUTRAL:
            agrees = not moved
            expected = "hold the spine still, as its bias is neutral"
        else:
            agrees = _BIAS_MOVES[self.bias] <= moved
            expected = f"move the spine in {self.bias.value}, its bias"
        if not agrees:
            got = sorted(move.value for move in moved)
            msg = f"must {expected} (got {got})"
            v.refuse("phases", msg, rule="bias_phases", value=self.phases)

    def works(self, area: BodyArea) -> bool:
        """Whether this exercise targets *area* or one of its parts."""
        return area.covers_any(self.targets)

    @property
    def movements(self) -> frozenset[Movement]:
        """Every direction the exercise moves the spine, in any phase.

        With its phases listed, the directions they move; without, the
        direction its ``bias`` says (both forwards and backwards for a
        mixed one).  The phases must agree with the bias, so the bias's own
        direction is always among them.
        """
        if self.phases:
            return frozenset(move for phase in self.phases for move in phase.moves)
        return _BIAS_MOVES[self.bias]

    def moves_towards(self, bias: Bias) -> bool:
        """Whether the exercise moves the spine as *bias* says, in any phase.

        ``flexion``, ``extension`` and ``rotation`` ask whether any phase
        moves that way; ``mixed``, whether it is labelled mixed or moves
        more than one way; ``neutral``, whether it is labelled neutral or
        never moves the spine.
        """
        movements = self.movements
        if bias is Bias.NEUTRAL:
            return self.bias is Bias.NEUTRAL or not movements
        if bias is Bias.MIXED:
            return self.bias is Bias.MIXED or len(movements) > 1
        return _BIAS_MOVES[bias] <= movements

    def moves_to_end_range(self, movement: Movement) -> bool:
        """Whether a phase takes *movement* to the end of its range."""
        return any(p.end_range and movement in p.moves for p in self.phases)


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
        conditions: The health conditions of the person it is for, or None
            when they are not known (a routine written by hand, or one of
            format version 1): the cautions about them are the ones shown
            with the routine (:meth:`cautions`).  The planner always fills
            it in, empty when the person named none.
        frequency: How often to do the whole routine, when something says
            so, such as the schedule of the programme it is part of; None
            for as often as its exercises say.
        language: The language of its words, as a lower-case BCP 47 tag
            (``en``, ``es``, ``de``): its name, notes and safety advice,
            and the text of its exercises.  Rendering writes its headings
            in the same language.
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
    conditions: tuple[Condition, ...] | None = attrs.field(
        default=None, converter=_known_conditions, validator=Maybe(_enums(Condition))
    )
    frequency: Frequency | None = attrs.field(
        default=None, validator=Maybe(Nested(Frequency))
    )
    language: str = attrs.field(
        default=DEFAULT_LANGUAGE, validator=Slug(MAX_LANGUAGE_LENGTH)
    )

    @property
    def exercises(self) -> tuple[Exercise, ...]:
        """The exercise of each step, in order."""
        return tuple(step.exercise for step in self.steps)

    def cautions(self, exercise: Exercise) -> tuple[Caution, ...]:
        """The cautions of *exercise* that concern this routine's person.

        Those about the person's ``conditions`` come first, then those
        about no condition (such as sore knees), which anyone may need;
        those about conditions the person does not have are left out, and
        stay on the exercise as data.  When the conditions are not known
        (None), every caution concerns the person, as the exercise lists
        them.
        """
        if self.conditions is None:
            return exercise.cautions
        mine = tuple(c for c in exercise.cautions if c.concerns(self.conditions))
        general = tuple(c for c in exercise.cautions if not c.conditions)
        return mine + general


MAX_MINUTES: Final = 240
"""The longest time budget a plan request may ask for, in minutes."""
MAX_PROGRESSION: Final = 1_000
"""The highest step of progression a request may ask for."""
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
        progression: The step of progression to dose each exercise at
            (:meth:`Dosage.at_step`): 0, the default, is a first session,
            at the low end of every exercise's guidance.
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
    progression: int = attrs.field(default=0, validator=Integer(0, MAX_PROGRESSION))


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class Finding(Value):
    """One warning sign a person has, how urgent it is, and what to do.

    Args:
        sign: The warning sign.
        urgency: How soon it says to seek care: the sign's own urgency, as
            the safety rules give it.
        advice: What to do about it, in words a person can act on.
    """

    sign: WarningSign = attrs.field(validator=Member(WarningSign))
    urgency: Urgency = attrs.field(validator=Member(Urgency))
    advice: str = attrs.field(validator=Text(MAX_TEXT_LENGTH))

    def __attrs_post_init__(self) -> None:
        tier = SIGN_URGENCY[self.sign]
        if self.urgency is not tier:
            msg = (
                f"must be {tier.value!r}, the urgency of {self.sign.value!r} "
                f"(got {self.urgency.value!r})"
            )
            v.refuse("urgency", msg, rule="sign_urgency", value=self.urgency)


def _most_urgent_first(finding: Finding) -> int:
    return -finding.urgency.level


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class Screening(Value):
    """What warning signs say to do: every sign, how soon to seek care, and why.

    Build one with :func:`backroutine.screen`.  A screening is also a
    document (kind ``screening``), so a web back end can send it as the
    body of a refusal.

    Args:
        urgency: The highest urgency among the signs given, ``none`` for
            none.
        findings: Every sign given, once each, with its urgency and
            advice, the most urgent first: a more urgent sign never hides
            a less urgent one.
        advice: What to do first, for the most urgent signs, in words a
            person can act on.
        language: The language of the advice, as a lower-case BCP 47 tag.
    """

    urgency: Urgency = attrs.field(validator=Member(Urgency))
    findings: tuple[Finding, ...] = attrs.field(
        default=(),
        converter=_findings,
        validator=Items(Nested(Finding), max_count=len(WarningSign)),
    )
    advice: str = attrs.field(validator=Text(MAX_TEXT_LENGTH))
    language: str = attrs.field(
        default=DEFAULT_LANGUAGE, validator=Slug(MAX_LANGUAGE_LENGTH)
    )

    def __attrs_post_init__(self) -> None:
        findings = self.findings
        signs = [finding.sign for finding in findings]
        if len(set(signs)) != len(signs):
            msg = f"must name each sign once (got {[s.value for s in signs]})"
            v.refuse("findings", msg, rule="unique_signs", value=findings)
        if list(findings) != sorted(findings, key=_most_urgent_first):
            msg = "must list the most urgent signs first"
            v.refuse("findings", msg, rule="most_urgent_first", value=findings)
        highest = findings[0].urgency if findings else Urgency.NONE
        if self.urgency is not highest:
            msg = (
                f"must be {highest.value!r}, the highest urgency of the "
                f"{plural(len(findings), 'sign')} found (got {self.urgency.value!r})"
            )
            v.refuse("urgency", msg, rule="highest_urgency", value=self.urgency)

    @property
    def signs(self) -> tuple[WarningSign, ...]:
        """Every sign given, the most urgent first."""
        return tuple(finding.sign for finding in self.findings)

    @property
    def stops_exercise(self) -> bool:
        """Whether to seek care instead of exercising (urgent or emergency)."""
        return self.urgency.level >= Urgency.URGENT.level
