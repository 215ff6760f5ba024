"""The planner: a routine for a time of day, target areas and a time budget.

Every exercise is dosed at the step of progression the request asks for,
by default a first session: the low end of its guidance, in a clinician's
round numbers (:meth:`~backroutine.Dosage.at_step`).  The budget is a
ceiling, not a quota: doses are never raised to fill it.  The planner works
in two passes over the exercises that suit the request:

1. *Cover*: cover as many requested areas as the budget allows, each time
   taking the exercise that covers the most areas still uncovered (then the
   best fit to the time of day or occasion, then the shortest, then catalog
   order).
2. *Variety*: add more suitable exercises that work a requested area, best
   fit first and in the positions already used before new ones, while each
   fits.  Nothing is added only to fill time: when the suitable exercises
   run out first, the routine is shorter, and its notes say why.

The steps are then grouped by position, so the person gets down to the
floor once and changes position as few times as possible, and ordered
gentle before deeper within each position: a warm-up first, and never an
exercise after a harder version of itself.  An exercise whose easier or
harder version is already in the routine in a position that comes the
wrong way round is left out.  The result is checked against the budget
with the same timing model that :func:`~backroutine.estimate_duration`
uses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final

import attrs

from backroutine._advice import GENERAL_ADVICE
from backroutine._builtin import default_catalog
from backroutine._catalog import Catalog
from backroutine._durations import minutes_text
from backroutine._model import (
    MAX_STEPS,
    Exercise,
    ExerciseSet,
    Hold,
    PlanRequest,
    Routine,
    RoutineStep,
    Screening,
)
from backroutine._plain_words import plain
from backroutine._public import publish
from backroutine._safety import (
    CONDITION_RULES,
    LEG_SYMPTOMS,
    NERVE_REASON,
    NOT_CHECKED,
    SEEK_HELP,
    ConditionRule,
    conditions_of,
    screen,
)
from backroutine._text import join, join_some, plural, word_for, words
from backroutine._timing import Pace, estimate_duration, lead_ins, spells
from backroutine._vocabulary import BodyArea, Position, TimeOfDay, Urgency
from backroutine.exceptions import (
    PlanningError,
    PlanningReason,
    SeekCareError,
    UnknownExerciseError,
)

# From standing down to lying, the order in which a routine changes position;
# a morning routine runs it the other way, from bed to standing.
_DOWNWARDS: Final = (
    Position.STANDING,
    Position.SEATED,
    Position.HALF_KNEELING,
    Position.KNEELING,
    Position.QUADRUPED,
    Position.PRONE,
    Position.SIDE_LYING,
    Position.SUPINE,
)


@attrs.define(eq=False)
class _Choice:
    """An exercise the planner may take, at the dose the request asks for."""

    exercise: Exercise
    rank: int  # catalog order, the last tie-break
    fit: tuple[str, ...]  # the time of day and occasion it suits
    best: bool  # whether the time of day is among its best times
    covers: frozenset[BodyArea]  # requested areas it works
    sets: int
    reps: int
    hold: int | None
    # How long the cue that starts it lasts, first in the routine (get
    # ready) or after another exercise (next exercise): see timed().
    ready: float = 0.0
    change: float = 0.0
    # How many easier versions of it are among the candidates: the easiest
    # version comes first, as a first session starts gently.
    depth: int = 0

    @classmethod
    def at_step(  # noqa: PLR0913 (what the planner knows of a candidate)
        cls,
        exercise: Exercise,
        *,
        rank: int,
        fit: tuple[str, ...],
        best: bool,
        covers: frozenset[BodyArea],
        step: int,
    ) -> _Choice:
        sets = exercise.dosage.at_step(step)
        hold = sets[0].hold
        return cls(
            exercise,
            rank,
            fit,
            best,
            covers,
            len(sets),
            sets[0].reps,
            None if hold is None else hold.seconds,
        )

    def timed(self, pace: Pace) -> _Choice:
        """The choice with the lengths of its starting cues, by *pace*."""
        self.ready, self.change = lead_ins(self.exercise, pace)
        return self

    @property
    def key(self) -> tuple[int, int, bool, int]:
        """The easiest version first, then the best fit, a best time, then rank."""
        return (self.depth, -len(self.fit), not self.best, self.rank)

    def seconds(self, pace: Pace) -> float:
        """How long the step takes at its dose, changes excluded."""
        dosage = self.exercise.dosage
        return pace.sets_seconds(
            sets=self.sets,
            reps=self.reps,
            hold_seconds=self.hold,
            laterality=dosage.laterality,
            rest_seconds=dosage.rest_seconds,
        )

    def sets_to_do(self) -> tuple[ExerciseSet, ...]:
        dosage = self.exercise.dosage
        hold = None if self.hold is None else Hold(self.hold)
        return tuple(
            ExerciseSet(
                reps=self.reps,
                hold=hold,
                laterality=dosage.laterality,
                rest_after_seconds=dosage.rest_seconds if number < self.sets else 0,
            )
            for number in range(1, self.sets + 1)
        )


class _Versions:
    """The harder versions of each exercise, followed through the catalog."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.found: dict[str, frozenset[str]] = {}

    def above(self, exercise: Exercise) -> frozenset[str]:
        """The ids of every harder version of *exercise*, however far up."""
        known = self.found.get(exercise.id)
        if known is not None:
            return known
        seen: set[str] = set()
        todo = list(exercise.harder)
        while todo:
            exercise_id = todo.pop()
            if exercise_id in seen:
                continue
            seen.add(exercise_id)
            harder = self.catalog.get(exercise_id)
            if harder is not None:
                todo.extend(harder.harder)
        found = self.found[exercise.id] = frozenset(seen)
        return found


class _Plan:
    """The choices so far and what they cost, by the timing model."""

    def __init__(
        self,
        budget: float,
        pace: Pace,
        positions: dict[Position, int],
        versions: _Versions,
        on_back: float | None = None,
    ) -> None:
        self.budget = budget
        self.pace = pace
        # Where each position comes in the routine, and the chains of
        # versions: an easier version must come before a harder one.
        self.order = positions
        self.versions = versions
        # The longest spell lying on the back, if a condition limits it; the
        # steps done lying on the back are grouped into one spell, whose
        # length is bounded by each step with the longest lead-in to it.
        self.on_back = on_back
        self.choices: list[_Choice] = []
        self.positions: set[Position] = set()
        self.used = 0.0
        self.used_on_back = 0.0  # the bound on the spell, kept as steps come
        # The routine starts with one step's get-ready cue instead of its
        # next-exercise cue, and which step comes first is known only once
        # they are ordered: the plan keeps the most that could add.
        self.head: float | None = None
        # Why suitable exercises were left out: the time ran out, the time
        # on the back would be too long, or the order of versions.
        self.out_of_time = False
        self.too_long_on_back = False
        self.out_of_order = False
        # What was added, in order, with the totals and the head before it,
        # restored exactly by undo().
        self.history: list[tuple[_Choice, float, float, float | None]] = []

    def cost_of_adding(self, choice: _Choice) -> float:
        """What *choice* adds to the routine's time, at most.

        Exact for the first step (its get-ready cue and its sets); for the
        next ones, their next-exercise cue, a change of position when it is
        a new one, and their sets, plus what it adds if it might start the
        routine with a longer head start than any step so far.
        """
        extra = choice.change + choice.seconds(self.pace)
        if self.choices and choice.exercise.position not in self.positions:
            extra += self.pace.change_position_seconds
        head = choice.ready - choice.change
        if self.head is None:
            return extra + head
        return extra + max(0.0, head - self.head)

    def lead_in(self, choice: _Choice) -> float:
        """The longest cue that can start *choice*, for its time on the back."""
        return max(choice.ready, choice.change + self.pace.change_position_seconds)

    def on_back_cost(self, choice: _Choice, extra: float) -> float:
        """What *extra* seconds of *choice* add to the spell on the back."""
        return extra if choice.exercise.position is Position.SUPINE else 0.0

    def fits_on_back(self, choice: _Choice) -> bool:
        """Whether *choice* keeps the time on the back short."""
        back = self.on_back_cost(
            choice, self.lead_in(choice) + choice.seconds(self.pace)
        )
        return self.on_back is None or self.used_on_back + back <= self.on_back

    def in_order(self, choice: _Choice) -> bool:
        """Whether *choice* can come gentle before deeper with the choices so far.

        In one position, the order within it can always put an easier
        version first; across positions, the easier one's position must
        come first in the routine.
        """
        exercise = choice.exercise
        above = self.versions.above(exercise)
        where = self.order[exercise.position]
        for chosen in self.choices:
            other = chosen.exercise
            if other.position is exercise.position:
                continue
            there = self.order[other.position]
            if exercise.id in self.versions.above(other) and there > where:
                return False
            if other.id in above and where > there:
                return False
        return True

    def fits(self, choice: _Choice) -> bool:
        """Whether *choice* can be added; notes whether time alone stops it."""
        if not self.fits_on_back(choice):
            self.too_long_on_back = True
            return False
        if not self.in_order(choice):
            self.out_of_order = True
            return False
        if len(self.choices) >= MAX_STEPS or (
            self.used + self.cost_of_adding(choice) > self.budget
        ):
            self.out_of_time = True
            return False
        return True

    def add(self, choice: _Choice) -> None:
        cost = self.cost_of_adding(choice)
        back = self.on_back_cost(
            choice, self.lead_in(choice) + choice.seconds(self.pace)
        )
        self.history.append((choice, self.used, self.used_on_back, self.head))
        self.choices.append(choice)
        self.positions.add(choice.exercise.position)
        self.used += cost
        self.used_on_back += back
        head = choice.ready - choice.change
        self.head = head if self.head is None else max(self.head, head)

    def undo(self) -> None:
        """Take back the last addition (used only to mend rounding)."""
        choice, self.used, self.used_on_back, self.head = self.history.pop()
        self.choices.remove(choice)
        self.positions = {c.exercise.position for c in self.choices}
        self.out_of_time = True


def _fit(exercise: Exercise, request: PlanRequest) -> tuple[str, ...]:
    """The time of day and occasion of *request* that *exercise* suits."""
    fit = []
    if request.time_of_day in exercise.times:
        fit.append(plain(request.time_of_day))
    if request.occasion is not None and request.occasion in exercise.occasions:
        fit.append(plain(request.occasion))
    return tuple(fit)


@attrs.define
class _Constraint:
    """One constraint of a request, and the suitable exercises it ruled out.

    *why_not* says why the constraint rules an exercise out, or None if it
    does not; a condition's rule may give different reasons for different
    exercises.
    """

    description: str
    why_not: Callable[[Exercise], str | None]
    rule: ConditionRule | None = None
    # For a safety constraint, what the notes say it was for ("pregnancy"),
    # and its reasons of its own (not a caution's).
    label: str | None = None
    own: frozenset[str] = frozenset()
    ruled_out: dict[str, list[Exercise]] = attrs.Factory(dict)

    @classmethod
    def unless(
        cls, description: str, allows: Callable[[Exercise], bool]
    ) -> _Constraint:
        """A constraint that rules out what *allows* refuses, for its description."""
        return cls(description, lambda e: None if allows(e) else description)

    @property
    def count(self) -> int:
        return sum(len(exercises) for exercises in self.ruled_out.values())


def _constraints(request: PlanRequest) -> list[_Constraint]:
    """Each constraint of *request*, described for a person."""
    signs = request.warning_signs
    found = [
        _Constraint(
            f"the safety rule for {words(condition)}",
            rule.why_not,
            rule,
            words(condition),
            rule.reasons,
        )
        for condition in request.conditions
        for rule in (CONDITION_RULES[condition],)
    ]
    if not frozenset(signs).isdisjoint(LEG_SYMPTOMS):
        found.append(
            _Constraint(
                "the safety rule for pain spreading down a leg",
                lambda e: NERVE_REASON if e.tensions_sciatic_nerve else None,
                label="pain spreading down a leg",
                own=frozenset({NERVE_REASON}),
            )
        )
    if request.avoid_positions:
        positions = frozenset(request.avoid_positions)
        names = join(words(p) for p in request.avoid_positions)
        found.append(
            _Constraint.unless(
                f"avoiding the {names} "
                + word_for(len(request.avoid_positions), "position"),
                lambda e: e.position not in positions,
            )
        )
    if request.avoid_biases:
        biases = request.avoid_biases
        names = join(words(b) for b in biases)
        found.append(
            _Constraint.unless(
                f"avoiding {names}",
                lambda e: not any(e.moves_towards(b) for b in biases),
            )
        )
    if request.exclude:
        excluded = frozenset(request.exclude)
        found.append(
            _Constraint.unless(
                f"excluding {join_some(request.exclude)}",
                lambda e: e.id not in excluded,
            )
        )
    if request.equipment is not None:
        at_hand = frozenset(request.equipment)
        names = join(words(q) for q in request.equipment) or "no equipment"
        found.append(
            _Constraint.unless(
                f"with {names} at hand", lambda e: at_hand.issuperset(e.equipment)
            )
        )
    if request.max_difficulty is not None:
        level = request.max_difficulty.level
        found.append(
            _Constraint.unless(
                f"at most {request.max_difficulty.value} difficulty",
                lambda e: e.difficulty.level <= level,
            )
        )
    return found


def _plain_when(request: PlanRequest) -> str:
    """The time of day and occasion of *request*, in a person's words."""
    when = plain(request.time_of_day)
    if request.occasion is not None:
        when += f" or {plain(request.occasion)}"
    return when


def _when(request: PlanRequest) -> str:
    when = words(request.time_of_day)
    if request.occasion is not None:
        when += f" or {words(request.occasion)}"
    return when


@attrs.frozen
class _Selection:
    """The exercises that suit a request, and the constraints that narrowed them."""

    candidates: list[_Choice]
    constraints: list[_Constraint]


def _select(request: PlanRequest, catalog: Catalog) -> _Selection:
    """The exercises that suit *request*, work an area asked for, meet its rules.

    Only those that suit the time and work an area asked for (any, with no
    area named) are weighed against the constraints, so the notes on what a
    constraint left out name only exercises the person could have had.

    Raises:
        PlanningError: None is left; the message says what rules them out.
    """
    constraints = _constraints(request)
    suited = working = 0
    found = []
    for rank, exercise in enumerate(catalog):
        fit = _fit(exercise, request)
        if not fit:
            continue
        suited += 1
        covers = frozenset(area for area in request.targets if exercise.works(area))
        if request.targets and not covers:
            continue
        working += 1
        allowed = True
        for constraint in constraints:
            reason = constraint.why_not(exercise)
            if reason is not None:
                constraint.ruled_out.setdefault(reason, []).append(exercise)
                allowed = False
        if allowed:
            best = request.time_of_day in exercise.best_times
            found.append(
                _Choice.at_step(
                    exercise,
                    rank=rank,
                    fit=fit,
                    best=best,
                    covers=covers,
                    step=request.progression,
                )
            )
    if found:
        return _Selection(found, constraints)
    if not suited:
        msg = (
            f"no exercise in the catalog suits {_when(request)}; "
            "choose another time of day or occasion"
        )
        raise PlanningError(msg)
    areas = join(words(area) for area in request.targets)
    if not working:
        msg = (
            f"no exercise that suits {_when(request)} works the {areas}; ask for "
            "other areas, or another time of day or occasion"
        )
        raise PlanningError(msg)
    blocking = [constraint for constraint in constraints if constraint.ruled_out]
    listed = "; ".join(
        f"{constraint.description} rules out {constraint.count}"
        for constraint in blocking
    )
    work = f" and {word_for(working, 'works', 'work')} the {areas}" if areas else ""
    msg = (
        f"{plural(working, 'exercise')} {word_for(working, 'suits', 'suit')} "
        f"{_when(request)}{work}, but the constraints leave "
        f"none ({listed}); {_what_to_ask(request, catalog, constraints)}"
    )
    reasons = tuple(
        PlanningReason(
            constraint=constraint.description,
            reason=reason,
            ruled_out=tuple(exercise.id for exercise in exercises),
        )
        for constraint in blocking
        for reason, exercises in constraint.ruled_out.items()
    )
    raise PlanningError(msg, reasons=reasons)


def _what_to_ask(
    request: PlanRequest, catalog: Catalog, constraints: list[_Constraint]
) -> str:
    """What to change when the constraints leave nothing: never a safety rule.

    The areas that exercises suiting the time and meeting every constraint
    work, when there are any; a constraint to relax, when one the person
    chose (not a safety rule) blocks.
    """
    blocking = [c for c in constraints if c.ruled_out]
    ways = []
    if any(c.label is None for c in blocking):
        ways.append("relax a constraint")
    if request.targets:
        other_areas = {
            area
            for exercise in catalog
            if _fit(exercise, request)
            and all(c.why_not(exercise) is None for c in constraints)
            for area in exercise.targets
        }
        if other_areas:
            names = join(words(a) for a in sorted(other_areas, key=_area_order))
            ways.append(f"ask for other areas (what is left works the {names})")
    ways.append("choose another time of day or occasion")
    return ", or ".join(ways)


def _count_easier(candidates: list[_Choice], versions: _Versions) -> None:
    """Set each candidate's depth: how many of its easier versions are candidates."""
    by_id = {choice.exercise.id: choice for choice in candidates}
    for choice in candidates:
        for harder in versions.above(choice.exercise):
            found = by_id.get(harder)
            if found is not None:
                found.depth += 1


def _cover(plan: _Plan, candidates: list[_Choice], targets: Iterable[BodyArea]) -> None:
    """Pass 1: cover as many requested areas as fit, most areas first."""
    uncovered = set(targets)
    chosen: set[_Choice] = set()
    while uncovered:
        best = None
        best_key = None
        for choice in candidates:
            gain = len(choice.covers & uncovered)
            if not gain or choice in chosen or not plan.fits(choice):
                continue
            depth, fit, not_best, rank = choice.key
            key = (-gain, depth, fit, not_best, plan.cost_of_adding(choice), rank)
            if best_key is None or key < best_key:
                best, best_key = choice, key
        if best is None:
            return
        plan.add(best)
        chosen.add(best)
        uncovered -= best.covers


def _add_variety(plan: _Plan, candidates: list[_Choice], *, any_area: bool) -> None:
    """Pass 2: more suitable exercises, best fit first, in the positions used first.

    With areas asked for, only exercises that work one of them; with none,
    any that suits.  Each pass over the rest adds what fits in the positions
    already used; then the best that fits in a new position opens it, and
    the next pass begins.  At most one pass per position.
    """
    chosen = set(plan.choices)
    rest = sorted(
        (c for c in candidates if c not in chosen and (any_area or c.covers)),
        key=lambda c: c.key,
    )
    while rest:
        for choice in rest:
            if choice.exercise.position in plan.positions and plan.fits(choice):
                plan.add(choice)
        rest = [c for c in rest if c not in plan.choices]
        opening = next((c for c in rest if plan.fits(c)), None)
        if opening is None:
            return
        plan.add(opening)
        rest.remove(opening)


def _ordered(plan: _Plan) -> list[_Choice]:
    """The choices grouped by position, gentle before deeper within each.

    Within a position: never after a harder version of itself (easier
    versions first, whatever else), then as :func:`_gentleness` says.
    """
    ordered: list[_Choice] = []
    groups: dict[Position, list[_Choice]] = {}
    for choice in sorted(plan.choices, key=lambda c: plan.order[c.exercise.position]):
        groups.setdefault(choice.exercise.position, []).append(choice)
    for group in groups.values():
        ids = {c.exercise.id for c in group}
        waiting = {
            c.exercise.id: {
                other.exercise.id
                for other in group
                if c.exercise.id in plan.versions.above(other.exercise)
            }
            for c in group
        }
        left = sorted(group, key=_gentleness)
        while left:
            # The first whose easier versions here are all placed: there is
            # always one, as the catalog's chains have no cycle.
            ready = next(c for c in left if not waiting[c.exercise.id] & ids)
            ordered.append(ready)
            left.remove(ready)
            ids.discard(ready.exercise.id)
    return ordered


def _gentleness(choice: _Choice) -> tuple[bool, int, bool, bool, int]:
    """Gentle first: a warm-up, the easier difficulty, then small movements.

    Within a difficulty, an exercise that holds the spine still under load
    (bird dog) comes after one that does not, and one that takes a movement
    to the end of its range after one that does not.
    """
    exercise = choice.exercise
    end_range = any(phase.end_range for phase in exercise.phases)
    return (
        not exercise.warm_up,
        exercise.difficulty.level,
        exercise.loads_spine,
        end_range,
        choice.rank,
    )


def _note(choice: _Choice) -> str:
    """Why the step is there, in plain words."""
    when = join(choice.fit)
    if choice.covers:
        areas = join(plain(a) for a in sorted(choice.covers, key=_area_order))
        return f"Works the {areas}; good to do {when}."
    return f"Good to do {when}."


def _area_order(area: BodyArea) -> int:
    return list(BodyArea).index(area)


def _name(request: PlanRequest) -> str:
    """The occasion, or else the time of day, and the areas asked for."""
    when = words(request.occasion or request.time_of_day).capitalize()
    if not request.targets:
        return f"{when} routine"
    return f"{when}: {join(plain(area) for area in request.targets)}"


def _routine_notes(
    plan: _Plan, request: PlanRequest, selection: _Selection
) -> tuple[str, ...]:
    return (
        *_progressed(request),
        *_shorter(plan, request),
        *_uncovered(plan, request, selection),
        *_left_out_notes(plan, selection),
        *_caution_pointers(plan, request),
        *_not_checked(plan),
    )


def _not_checked(plan: _Plan) -> list[str]:
    """Which chosen exercises no one checked for back conditions, if any.

    Only a person with no condition is given them (:data:`NOT_CHECKED`
    leaves them out for every one): the note says to ask first, should
    they have one after all.
    """
    unchecked = [
        choice.exercise.name
        for choice in _ordered(plan)
        if NOT_CHECKED in choice.exercise.cautions
    ]
    if not unchecked:
        return []
    names = join_some(unchecked)
    return [
        f"Not checked for back conditions: {names}. If you have one, ask a "
        "professional before doing " + word_for(len(unchecked), "it", "them") + "."
    ]


SHORTER_BY: Final = 60.0
"""Seconds of the budget left unused before a routine says why it is shorter."""


def _progressed(request: PlanRequest) -> list[str]:
    """At a later step of progression, that it is not a first session."""
    if request.progression == 0:
        return []
    note = (
        f"Doses at step {request.progression} of each exercise's progression: "
        "for after earlier sessions stayed in the green, not for a first session."
    )
    return [note]


SHORTER_THAN: Final = "Shorter than the"
"""How the note starts that says why a routine is well short of its minutes."""


def _shorter(plan: _Plan, request: PlanRequest) -> list[str]:
    """Why the routine is well short of the time asked for, if it is."""
    if plan.out_of_time or request.minutes * 60 - plan.used < SHORTER_BY:
        return []
    asked = minutes_text(request.minutes * 60)
    if request.targets:
        areas = join(plain(area) for area in request.targets)
        which = f"every suitable exercise for the {areas}"
    else:
        which = f"every exercise that suits {_plain_when(request)}"
    note = (
        f"{SHORTER_THAN} {asked} asked for: it holds {which} that fits, once "
        f"each, at {_dose_asked(request)}; doses rise over sessions, not to fill "
        "the time."
    )
    if plan.too_long_on_back:
        note += " Others would keep you lying on your back too long at a time."
    if plan.out_of_order:
        note += (
            " Others are easier or harder versions of exercises in it, done in a "
            "position that would put the harder one first."
        )
    return [note]


def _dose_asked(request: PlanRequest) -> str:
    if request.progression == 0:
        return "a first session's dose"
    return f"step {request.progression} of its progression"


def _uncovered(plan: _Plan, request: PlanRequest, selection: _Selection) -> list[str]:
    """A note for each requested area no step works, saying why."""
    covered = set().union(*(choice.covers for choice in plan.choices))
    notes = []
    for area in request.targets:
        if area in covered:
            continue
        for_area = [c for c in selection.candidates if area in c.covers]
        if (
            for_area
            and plan.on_back is not None
            and all(c.exercise.position is Position.SUPINE for c in for_area)
        ):
            reason = (
                "its exercises are done lying on your back, and none fits in the "
                f"{minutes_text(plan.on_back)} at a time kept for that"
            )
        elif for_area:
            reason = "no exercise for this area fits in the time; allow more minutes"
        else:
            reason = f"no exercise to do {_plain_when(request)} works this area"
        notes.append(f"Not covered: {plain(area)} ({reason}).")
    return notes


def _left_out_notes(plan: _Plan, selection: _Selection) -> list[str]:
    """What each safety constraint left out, and the time kept on the back."""
    notes = []
    on_back = any(c.exercise.position is Position.SUPINE for c in plan.choices)
    for constraint in selection.constraints:
        if constraint.label is not None:
            notes.extend(_left_out(constraint))
        rule = constraint.rule
        if rule is not None and rule.max_seconds_on_back is not None and on_back:
            most = minutes_text(rule.max_seconds_on_back)
            notes.append(
                f"With {words(rule.condition)}, the time lying on your back is "
                f"kept to at most {most} in a row."
            )
    return notes


def _caution_pointers(plan: _Plan, request: PlanRequest) -> list[str]:
    """For each condition, the chosen exercises with a caution about it."""
    notes = []
    for concern in request.conditions:
        # A pointer, not the advice itself: the advice is with the exercise.
        # One note per condition, whatever the catalog, so that the notes
        # stay within the model's limits (at most 40 of them: one, one per
        # area, one for leg symptoms, and per condition at most one per
        # reason of its rule (two at most), one for the exercises its
        # cautions leave out, one on time on the back, and this one).
        concerned = [
            choice.exercise.name
            for choice in _ordered(plan)
            if any(
                concern in caution.conditions for caution in choice.exercise.cautions
            )
        ]
        if concerned:
            names = join_some(concerned)
            see = word_for(len(concerned), "its cautions", "the cautions of each")
            notes.append(f"With {words(concern)}, take care with {names}: see {see}.")
    return notes


def _left_out(constraint: _Constraint) -> list[str]:
    """The notes on what a safety *constraint* left out: one per reason of its own.

    The exercises left out by their own cautions share one note, whatever
    the catalog, so that the notes stay within the model's limits.
    """
    condition, own, ruled_out = constraint.label, constraint.own, constraint.ruled_out
    notes = [
        f"Left out for {condition}: {join_some(e.name for e in exercises)}. {reason}"
        for reason, exercises in ruled_out.items()
        if reason in own
    ]
    by_caution = {r: found for r, found in ruled_out.items() if r not in own}
    if len(by_caution) == 1:
        ((reason, exercises),) = by_caution.items()
        names = join_some(e.name for e in exercises)
        notes.append(f"Left out for {condition}: {names}. {reason}")
    elif by_caution:
        names = join_some(e.name for found in by_caution.values() for e in found)
        notes.append(f"Left out for {condition}, as their cautions advise: {names}.")
    return notes


def _safety(request: PlanRequest, screening: Screening) -> tuple[str, ...]:
    """The advice a routine carries: screening and conditions first.

    Then the article's advice (the stop rule and when to see a specialist
    among it), and last the seek-help box, whatever the signs.
    """
    advice = []
    if screening.urgency is not Urgency.NONE:
        advice.append(screening.advice)
    for condition in request.conditions:
        rule = CONDITION_RULES[condition]
        advice.extend(text for text in (rule.advice, rule.stop_signs) if text)
    return (*advice, *GENERAL_ADVICE, SEEK_HELP)


def _build(
    plan: _Plan, request: PlanRequest, selection: _Selection, screening: Screening
) -> Routine:
    steps = [
        RoutineStep(exercise=c.exercise, sets=c.sets_to_do(), note=_note(c))
        for c in _ordered(plan)
    ]
    return Routine(
        name=_name(request),
        time_of_day=request.time_of_day,
        targets=request.targets,
        steps=steps,
        notes=_routine_notes(plan, request, selection),
        safety=_safety(request, screening),
        conditions=request.conditions,
    )


def _nothing_fits(
    plan: _Plan, candidates: list[_Choice], request: PlanRequest
) -> PlanningError:
    """The error when no candidate fits: in the time, or in the time on the back."""
    budget, on_back = plan.budget, plan.on_back
    fitting = [c for c in candidates if plan.cost_of_adding(c) <= budget]
    if fitting and on_back is not None:
        # Each fits the time asked for, so the time on the back rules
        # them out: every one is done lying on the back, too long.
        names = join_some(c.exercise.name for c in fitting)
        msg = (
            f"{names} {word_for(len(fitting), 'fits', 'fit')} in the time, "
            "but each is done lying on your back for longer than the "
            f"{minutes_text(on_back)} at a time allowed; allow exercises in "
            "other positions, or choose another time of day"
        )
        return PlanningError(msg)
    shortest = min(candidates, key=lambda c: (plan.cost_of_adding(c), c.rank))
    needs = plan.cost_of_adding(shortest)
    msg = (
        f"the shortest suitable exercise, {shortest.exercise.name!r}, needs "
        f"{minutes_text(needs, at_least=True)} at {_dose_asked(request)}, more "
        "than the "
        f"{minutes_text(budget)} asked for; allow at least "
        f"{minutes_text(needs, at_least=True)}"
    )
    return PlanningError(msg)


def plan_routine(
    request: PlanRequest, catalog: Catalog | None = None, pace: Pace | None = None
) -> Routine:
    """Compose a routine for *request* from *catalog*, timed by *pace*.

    The same request, catalog and pace always give the same routine.

    Args:
        request: What to plan for.
        catalog: The exercises to choose from; None for the built-in ones.
        pace: The timing model; None for the default pace.

    Returns:
        A routine that takes at most ``request.minutes`` by *pace*, whose
        steps each say in their note why they are there, and which carries
        the safety advice: first what the warning signs say, then what the
        conditions call for, then the article's advice.  Its notes name what
        the conditions left out, and why.

    Raises:
        SeekCareError: ``request.warning_signs`` hold an emergency or urgent
            sign: nothing is planned, and the error's ``screening`` says
            what to do.
        UnknownExerciseError: ``request.exclude`` names an id the catalog
            does not hold.
        PlanningError: No routine can meet the request; the message says
            what blocks it and what to relax.
    """
    screening = screen(request.warning_signs)
    if screening.stops_exercise:
        raise SeekCareError(screening)
    # A sign may name a condition (a fall, with osteoporosis): its rule
    # applies as if the person had named it.
    conditions = conditions_of(request.conditions, request.warning_signs)
    if conditions != request.conditions:
        request = attrs.evolve(request, conditions=conditions)
    catalog = default_catalog() if catalog is None else catalog
    pace = Pace() if pace is None else pace
    for exercise_id in request.exclude:
        if exercise_id not in catalog:
            raise UnknownExerciseError(exercise_id, catalog.nearest_ids(exercise_id))
    selection = _select(request, catalog)
    candidates = [choice.timed(pace) for choice in selection.candidates]
    versions = _Versions(catalog)
    _count_easier(candidates, versions)
    budget = request.minutes * 60
    on_back = min(
        (
            seconds
            for c in request.conditions
            if (seconds := CONDITION_RULES[c].max_seconds_on_back) is not None
        ),
        default=None,
    )
    downwards = (
        _DOWNWARDS[::-1] if request.time_of_day is TimeOfDay.MORNING else _DOWNWARDS
    )
    order = {position: index for index, position in enumerate(downwards)}
    plan = _Plan(budget, pace, order, versions, on_back)
    _cover(plan, candidates, request.targets)
    _add_variety(plan, candidates, any_area=not request.targets)
    if not plan.choices:
        raise _nothing_fits(plan, candidates, request)
    routine = _build(plan, request, selection, screening)
    # The passes add up costs in their own order, the timing model in its
    # own: with a pace in fractions of a second the two can differ in the
    # last bit.  The timing model is the judge.
    while estimate_duration(routine, pace) > budget or (
        on_back is not None
        and max(spells(routine, Position.SUPINE, pace), default=0) > on_back
    ):
        plan.undo()
        if not plan.choices:  # pragma: no cover (no search has reached it)
            msg = f"nothing fits in {minutes_text(budget)}; allow a little more time"
            raise PlanningError(msg)
        routine = _build(plan, request, selection, screening)
    return routine


def suits(request: PlanRequest, exercise: Exercise) -> bool:
    """Whether the planner may choose *exercise* for *request*.

    It suits the request's time of day or occasion, works an area asked
    for (any, when none is), and no constraint of the request, safety rules
    first, rules it out.  A programme asks this of the easier and harder
    versions it moves a person to.
    """
    if not _fit(exercise, request):
        return False
    if request.targets and not any(exercise.works(a) for a in request.targets):
        return False
    conditions = conditions_of(request.conditions, request.warning_signs)
    if conditions != request.conditions:
        request = attrs.evolve(request, conditions=conditions)
    return all(c.why_not(exercise) is None for c in _constraints(request))


publish(plan_routine)
