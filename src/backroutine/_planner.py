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

Everything a routine says to a person (its name, its notes, each step's
note, its safety advice) and every reason a plan cannot be made is written
in the language of the call (:func:`backroutine._i18n.speaking`).  The
safety rules keep their reasons in English, as data: the planner compares
them in English and translates them as it writes them down.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Final

import attrs

from backroutine._advice import GENERAL_ADVICE
from backroutine._builtin import default_catalog
from backroutine._catalog import Catalog
from backroutine._durations import minutes_text
from backroutine._i18n import N_, _, current_language, ngettext, speaking
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
from backroutine._text import join, join_some, words
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


def _own_reason(rule: ConditionRule) -> Callable[[Exercise], str | None]:
    """Why *rule* leaves an exercise out, in the current language.

    A rule keeps its own reasons as messages in English, and they are
    translated here; a caution's advice comes from the exercise, in the
    words it is written in, and is left as it is.
    """
    own = rule.reasons

    def why_not(exercise: Exercise) -> str | None:
        reason = rule.why_not(exercise)
        if reason is None or reason not in own:
            return reason
        return _(reason)

    return why_not


def _constraints(request: PlanRequest) -> list[_Constraint]:
    """Each constraint of *request*, described for a person.

    In the current language: the descriptions, the labels, and the reasons
    of a rule's own, which the notes and a planning error say as they are.
    """
    signs = request.warning_signs
    found = [
        _Constraint(
            # Translators: a constraint of a plan request, in an error that
            # says what it rules out: {condition} is a health condition.
            _("the safety rule for {condition}").format(condition=words(condition)),
            _own_reason(rule),
            rule,
            words(condition),
            frozenset(_(reason) for reason in rule.reasons),
        )
        for condition in request.conditions
        for rule in (CONDITION_RULES[condition],)
    ]
    if not frozenset(signs).isdisjoint(LEG_SYMPTOMS):
        nerve_reason = _(NERVE_REASON)
        found.append(
            _Constraint(
                # Translators: a constraint of a plan request, in an error
                # that says what it rules out.
                _("the safety rule for pain spreading down a leg"),
                lambda e: nerve_reason if e.tensions_sciatic_nerve else None,
                # Translators: what exercises were left out for, in a note:
                # "Left out for pain spreading down a leg: ...".
                label=_("pain spreading down a leg"),
                own=frozenset({nerve_reason}),
            )
        )
    if request.avoid_positions:
        positions = frozenset(request.avoid_positions)
        count = len(request.avoid_positions)
        # Translators: a constraint of a plan request, in an error that says
        # what it rules out: {positions} lists positions ("supine and prone").
        avoiding = ngettext(
            "avoiding the {positions} position",
            "avoiding the {positions} positions",
            count,
        ).format(positions=join(words(p) for p in request.avoid_positions))
        found.append(
            _Constraint.unless(avoiding, lambda e: e.position not in positions)
        )
    if request.avoid_biases:
        biases = request.avoid_biases
        names = join(words(b) for b in biases)
        found.append(
            _Constraint.unless(
                # Translators: a constraint of a plan request: {movements}
                # lists directions of movement ("flexion and rotation").
                _("avoiding {movements}").format(movements=names),
                lambda e: not any(e.moves_towards(b) for b in biases),
            )
        )
    if request.exclude:
        excluded = frozenset(request.exclude)
        found.append(
            _Constraint.unless(
                # Translators: a constraint of a plan request: {ids} lists the
                # ids of the exercises the person excluded.
                _("excluding {ids}").format(ids=join_some(request.exclude)),
                lambda e: e.id not in excluded,
            )
        )
    if request.equipment is not None:
        at_hand = frozenset(request.equipment)
        if request.equipment:
            names = join(words(q) for q in request.equipment)
            # Translators: a constraint of a plan request: {equipment} lists
            # what the person has ("a mat and a chair").
            with_equipment = _("with {equipment} at hand").format(equipment=names)
        else:
            # Translators: a constraint of a plan request.
            with_equipment = _("with no equipment at hand")
        found.append(
            _Constraint.unless(
                with_equipment, lambda e: at_hand.issuperset(e.equipment)
            )
        )
    if request.max_difficulty is not None:
        level = request.max_difficulty.level
        found.append(
            _Constraint.unless(
                # Translators: a constraint of a plan request: {difficulty} is
                # "beginner", "intermediate" or "advanced".
                _("at most {difficulty} difficulty").format(
                    difficulty=words(request.max_difficulty)
                ),
                lambda e: e.difficulty.level <= level,
            )
        )
    return found


def _plain_when(request: PlanRequest) -> str:
    """The time of day and occasion of *request*, in a person's words."""
    if request.occasion is None:
        return plain(request.time_of_day)
    return join((plain(request.time_of_day), plain(request.occasion)), word="or")


def _when(request: PlanRequest) -> str:
    if request.occasion is None:
        return words(request.time_of_day)
    return join((words(request.time_of_day), words(request.occasion)), word="or")


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
    raise _none_left(request, catalog, constraints, suited=suited, working=working)


def _none_left(
    request: PlanRequest,
    catalog: Catalog,
    constraints: list[_Constraint],
    *,
    suited: int,
    working: int,
) -> PlanningError:
    """The error when no exercise is left: what rules them out, what to ask.

    *suited* exercises suit the time of day or occasion, and *working* of
    them work an area asked for (all, with none asked for).
    """
    when = _when(request)
    if not suited:
        # Translators: why no routine can be planned, shown after "error: ";
        # {when} is a time of day, or a time of day or an occasion.
        msg = _(
            "no exercise in the catalog suits {when}; "
            "choose another time of day or occasion"
        ).format(when=when)
        return PlanningError(msg)
    areas = join(words(area) for area in request.targets)
    if not working:
        # Translators: why no routine can be planned; {when} is a time of day
        # (or occasion), {areas} lists body areas ("lower back and hips").
        msg = _(
            "no exercise that suits {when} works the {areas}; ask for "
            "other areas, or another time of day or occasion"
        ).format(when=when, areas=areas)
        return PlanningError(msg)
    blocking = [constraint for constraint in constraints if constraint.ruled_out]
    # Translators: the separator of the constraints an error lists, each
    # saying how many exercises it rules out.
    listed = _("; ").join(
        # Translators: {constraint} is a constraint of the request ("the
        # safety rule for pregnancy"), {count} how many exercises it rules out.
        ngettext(
            "{constraint} rules out {count}", "{constraint} rules out {count}", count
        ).format(constraint=constraint.description, count=count)
        for constraint in blocking
        for count in (constraint.count,)
    )
    what_to_ask = _what_to_ask(request, catalog, constraints)
    if areas:
        # Translators: why no routine can be planned. {count} exercises suit
        # {when} (a time of day or occasion) and work {areas} (body areas);
        # {constraints} lists what each constraint rules out; {what_to_ask}
        # says what to change ("relax a constraint, or choose ...").
        msg = ngettext(
            "{count} exercise suits {when} and works the {areas}, but the "
            "constraints leave none ({constraints}); {what_to_ask}",
            "{count} exercises suit {when} and work the {areas}, but the "
            "constraints leave none ({constraints}); {what_to_ask}",
            working,
        ).format(
            count=working,
            when=when,
            areas=areas,
            constraints=listed,
            what_to_ask=what_to_ask,
        )
    else:
        # Translators: why no routine can be planned. {count} exercises suit
        # {when} (a time of day or occasion); {constraints} lists what each
        # constraint rules out; {what_to_ask} says what to change.
        msg = ngettext(
            "{count} exercise suits {when}, but the constraints leave none "
            "({constraints}); {what_to_ask}",
            "{count} exercises suit {when}, but the constraints leave none "
            "({constraints}); {what_to_ask}",
            working,
        ).format(count=working, when=when, constraints=listed, what_to_ask=what_to_ask)
    reasons = tuple(
        PlanningReason(
            constraint=constraint.description,
            reason=reason,
            ruled_out=tuple(exercise.id for exercise in exercises),
        )
        for constraint in blocking
        for reason, exercises in constraint.ruled_out.items()
    )
    return PlanningError(msg, reasons=reasons)


def _what_to_ask(
    request: PlanRequest, catalog: Catalog, constraints: list[_Constraint]
) -> str:
    """What to change when the constraints leave nothing: never a safety rule.

    The areas that exercises suiting the time and meeting every constraint
    work, when there are any; a constraint to relax, when one the person
    chose (not a safety rule) blocks.
    """
    blocking = [c for c in constraints if c.ruled_out]
    relax = any(c.label is None for c in blocking)
    other_areas: set[BodyArea] = set()
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
        if relax:
            # Translators: what to change, at the end of an error after a
            # semicolon; {areas} lists the body areas that are left.
            ways = _(
                "relax a constraint, or ask for other areas (what is left works "
                "the {areas}), or choose another time of day or occasion"
            )
        else:
            # Translators: what to change, at the end of an error after a
            # semicolon; {areas} lists the body areas that are left.
            ways = _(
                "ask for other areas (what is left works the {areas}), or choose "
                "another time of day or occasion"
            )
        return ways.format(areas=names)
    if relax:
        # Translators: what to change, at the end of an error after a
        # semicolon.
        return _("relax a constraint, or choose another time of day or occasion")
    # Translators: what to change, at the end of an error after a semicolon.
    return _("choose another time of day or occasion")


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
        # Translators: a step's note: {areas} lists body areas ("lower back
        # and hips"), {when} when it suits ("in the morning and after sitting
        # for a long time").
        return _("Works the {areas}; good to do {when}.").format(areas=areas, when=when)
    # Translators: a step's note: {when} says when it suits ("in the morning").
    return _("Good to do {when}.").format(when=when)


def _area_order(area: BodyArea) -> int:
    return list(BodyArea).index(area)


def _name(request: PlanRequest) -> str:
    """The occasion, or else the time of day, and the areas asked for."""
    when = words(request.occasion or request.time_of_day)
    if not request.targets:
        # Translators: a routine's name, capitalised: {when} is a time of day
        # or an occasion ("morning", "after sitting").
        name = _("{when} routine").format(when=when)
    else:
        areas = join(plain(area) for area in request.targets)
        # Translators: a routine's name, capitalised: {when} is a time of day
        # or an occasion ("morning"), {areas} the body areas it is for.
        name = _("{when}: {areas}").format(when=when, areas=areas)
    return name[:1].upper() + name[1:]


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
    # Translators: a routine's note: {names} lists exercises imported from
    # another data set ("Cat-cow, Bridge and 2 more").
    message = ngettext(
        "Not checked for back conditions: {names}. If you have one, ask a "
        "professional before doing it.",
        "Not checked for back conditions: {names}. If you have one, ask a "
        "professional before doing them.",
        len(unchecked),
    )
    return [message.format(names=join_some(unchecked))]


SHORTER_BY: Final = 60.0
"""Seconds of the budget left unused before a routine says why it is shorter."""


def _progressed(request: PlanRequest) -> list[str]:
    """At a later step of progression, that it is not a first session."""
    if request.progression == 0:
        return []
    # Translators: a routine's note: {step} is a number; "in the green" is
    # the green light of the pain traffic light.
    note = _(
        "Doses at step {step} of each exercise's progression: "
        "for after earlier sessions stayed in the green, not for a first session."
    ).format(step=request.progression)
    return [note]


SHORTER_THAN: Final = "Shorter than the"
"""How the note starts, in English, that says why a routine is well short of
its minutes; in any language, :func:`says_shorter` tells that note."""

# The note that says why a routine is well short of its minutes: for areas
# asked for or for any, at a first session's dose or at a later step.
# Translators: a routine's note: {minutes} is the time asked for ("10
# minutes"), {areas} lists the body areas asked for ("lower back and hips").
_SHORTER_FOR_AREAS: Final = N_(
    "Shorter than the {minutes} asked for: it holds every suitable exercise for "
    "the {areas} that fits, once each, at a first session's dose; doses rise "
    "over sessions, not to fill the time."
)
# Translators: a routine's note: {minutes} is the time asked for ("10
# minutes"), {areas} lists the body areas asked for, {step} is a number.
_SHORTER_FOR_AREAS_AT_STEP: Final = N_(
    "Shorter than the {minutes} asked for: it holds every suitable exercise for "
    "the {areas} that fits, once each, at step {step} of its progression; doses "
    "rise over sessions, not to fill the time."
)
# Translators: a routine's note: {minutes} is the time asked for ("10
# minutes"), {when} a time of day or occasion ("in the morning").
_SHORTER_FOR_WHEN: Final = N_(
    "Shorter than the {minutes} asked for: it holds every exercise that suits "
    "{when} that fits, once each, at a first session's dose; doses rise over "
    "sessions, not to fill the time."
)
# Translators: a routine's note: {minutes} is the time asked for ("10
# minutes"), {when} a time of day or occasion, {step} is a number.
_SHORTER_FOR_WHEN_AT_STEP: Final = N_(
    "Shorter than the {minutes} asked for: it holds every exercise that suits "
    "{when} that fits, once each, at step {step} of its progression; doses rise "
    "over sessions, not to fill the time."
)
_SHORTER: Final = (
    _SHORTER_FOR_AREAS,
    _SHORTER_FOR_AREAS_AT_STEP,
    _SHORTER_FOR_WHEN,
    _SHORTER_FOR_WHEN_AT_STEP,
)


def _pattern(message: str) -> re.Pattern[str]:
    """What text *message* formats into: its placeholders stand for anything."""
    parts = re.split(r"\{\w+\}", message)
    return re.compile(".+?".join(re.escape(part) for part in parts), re.DOTALL)


def says_shorter(note: str) -> bool:
    """Whether *note* says why a routine is well short of its minutes.

    In English or in the current language: a programme asks it of the
    notes of a routine planned in either.
    """
    return any(
        pattern.match(note)
        for message in _SHORTER
        for pattern in {_pattern(message), _pattern(_(message))}
    )


def _shorter(plan: _Plan, request: PlanRequest) -> list[str]:
    """Why the routine is well short of the time asked for, if it is."""
    if plan.out_of_time or request.minutes * 60 - plan.used < SHORTER_BY:
        return []
    first = request.progression == 0
    if request.targets:
        message = _SHORTER_FOR_AREAS if first else _SHORTER_FOR_AREAS_AT_STEP
    else:
        message = _SHORTER_FOR_WHEN if first else _SHORTER_FOR_WHEN_AT_STEP
    sentences = [
        _(message).format(
            minutes=minutes_text(request.minutes * 60),
            areas=join(plain(area) for area in request.targets),
            when=_plain_when(request),
            step=request.progression,
        )
    ]
    if plan.too_long_on_back:
        # Translators: a sentence added to the note on why a routine is short.
        sentences.append(
            _("Others would keep you lying on your back too long at a time.")
        )
    if plan.out_of_order:
        # Translators: a sentence added to the note on why a routine is short.
        sentences.append(
            _(
                "Others are easier or harder versions of exercises in it, done in a "
                "position that would put the harder one first."
            )
        )
    return [" ".join(sentences)]


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
            # Translators: a routine's note: {area} is a body area asked for,
            # {minutes} the longest time at a time lying on the back.
            note = _(
                "Not covered: {area} (its exercises are done lying on your back, "
                "and none fits in the {minutes} at a time kept for that)."
            ).format(area=plain(area), minutes=minutes_text(plan.on_back))
        elif for_area:
            # Translators: a routine's note: {area} is a body area asked for.
            note = _(
                "Not covered: {area} (no exercise for this area fits in the "
                "time; allow more minutes)."
            ).format(area=plain(area))
        else:
            # Translators: a routine's note: {area} is a body area asked for,
            # {when} a time of day or occasion ("in the morning").
            note = _(
                "Not covered: {area} (no exercise to do {when} works this area)."
            ).format(area=plain(area), when=_plain_when(request))
        notes.append(note)
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
            # Translators: a routine's note: {condition} is a health condition
            # ("pregnancy"), {minutes} a time ("3 minutes").
            note = _(
                "With {condition}, the time lying on your back is "
                "kept to at most {minutes} in a row."
            )
            notes.append(note.format(condition=words(rule.condition), minutes=most))
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
            # Translators: a routine's note: {condition} is a health condition
            # ("pregnancy"), {names} lists the exercises of the routine that
            # carry a caution about it.
            message = ngettext(
                "With {condition}, take care with {names}: see its cautions.",
                "With {condition}, take care with {names}: see the cautions of each.",
                len(concerned),
            )
            notes.append(
                message.format(condition=words(concern), names=join_some(concerned))
            )
    return notes


def _left_out(constraint: _Constraint) -> list[str]:
    """The notes on what a safety *constraint* left out: one per reason of its own.

    The exercises left out by their own cautions share one note, whatever
    the catalog, so that the notes stay within the model's limits.
    """
    condition, own, ruled_out = constraint.label, constraint.own, constraint.ruled_out
    # Translators: a routine's note: {condition} is a health condition or a
    # symptom ("pregnancy"), {names} lists exercises, {reason} is one or more
    # sentences saying why they were left out.
    left_out = _("Left out for {condition}: {names}. {reason}")
    notes = [
        left_out.format(
            condition=condition,
            names=join_some(e.name for e in exercises),
            reason=reason,
        )
        for reason, exercises in ruled_out.items()
        if reason in own
    ]
    by_caution = {r: found for r, found in ruled_out.items() if r not in own}
    if len(by_caution) == 1:
        ((reason, exercises),) = by_caution.items()
        names = join_some(e.name for e in exercises)
        notes.append(left_out.format(condition=condition, names=names, reason=reason))
    elif by_caution:
        names = join_some(e.name for found in by_caution.values() for e in found)
        # Translators: a routine's note: {condition} is a health condition or
        # a symptom ("pregnancy"), {names} lists exercises.
        note = _("Left out for {condition}, as their cautions advise: {names}.")
        notes.append(note.format(condition=condition, names=names))
    return notes


def _safety(request: PlanRequest, screening: Screening) -> tuple[str, ...]:
    """The advice a routine carries: screening and conditions first.

    Then the article's advice (the stop rule and when to see a specialist
    among it), and last the seek-help box, whatever the signs.
    """
    advice = []
    if screening.urgency is not Urgency.NONE:
        advice.append(screening.advice)  # in the language it was screened in
    for condition in request.conditions:
        rule = CONDITION_RULES[condition]
        advice.extend(_(text) for text in (rule.advice, rule.stop_signs) if text)
    advice.extend(_(text) for text in GENERAL_ADVICE)
    return (*advice, _(SEEK_HELP))


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
        language=current_language(),
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
        # Translators: why no routine can be planned: {names} lists exercises,
        # {minutes} the longest time at a time lying on the back ("3 minutes").
        message = ngettext(
            "{names} fits in the time, but each is done lying on your back for "
            "longer than the {minutes} at a time allowed; allow exercises in "
            "other positions, or choose another time of day",
            "{names} fit in the time, but each is done lying on your back for "
            "longer than the {minutes} at a time allowed; allow exercises in "
            "other positions, or choose another time of day",
            len(fitting),
        )
        return PlanningError(message.format(names=names, minutes=minutes_text(on_back)))
    shortest = min(candidates, key=lambda c: (plan.cost_of_adding(c), c.rank))
    needs = minutes_text(plan.cost_of_adding(shortest), at_least=True)
    if request.progression == 0:
        # Translators: why no routine can be planned: {name} is an exercise's
        # name in quotes, {needs} and {minutes} are times ("2.5 minutes").
        message = _(
            "the shortest suitable exercise, {name}, needs {needs} at a first "
            "session's dose, more than the {minutes} asked for; allow at least "
            "{needs}"
        )
    else:
        # Translators: why no routine can be planned: {name} is an exercise's
        # name in quotes, {needs} and {minutes} are times ("2.5 minutes"),
        # {step} a number.
        message = _(
            "the shortest suitable exercise, {name}, needs {needs} at step {step} "
            "of its progression, more than the {minutes} asked for; allow at "
            "least {needs}"
        )
    msg = message.format(
        name=repr(shortest.exercise.name),
        needs=needs,
        step=request.progression,
        minutes=minutes_text(budget),
    )
    return PlanningError(msg)


def plan_routine(
    request: PlanRequest,
    catalog: Catalog | None = None,
    pace: Pace | None = None,
    *,
    language: str | None = None,
) -> Routine:
    """Compose a routine for *request* from *catalog*, timed by *pace*.

    The same request, catalog, pace and language always give the same
    routine.

    Args:
        request: What to plan for.
        catalog: The exercises to choose from; None for the built-in ones,
            in *language*.  A catalog given keeps its own words: read its
            translation onto it with :meth:`Catalog.translated`.
        pace: The timing model; None for the default pace.
        language: The language of the routine's words (``"en"``, ``"es"``
            or ``"de"``, or a locale of one such as ``"es_MX"``): its name,
            notes and safety advice, and any error's message.  The routine
            says it in its ``language``.  None for English, or the
            language of the call this one is made within.

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
        UnknownLanguageError: *language* is not one backroutine writes (a
            :class:`ValueError`).
    """
    with speaking(language) as spoken:
        return _plan_routine(request, catalog, pace, spoken)


def _plan_routine(
    request: PlanRequest, catalog: Catalog | None, pace: Pace | None, language: str
) -> Routine:
    screening = screen(request.warning_signs)
    if screening.stops_exercise:
        raise SeekCareError(screening)
    # A sign may name a condition (a fall, with osteoporosis): its rule
    # applies as if the person had named it.
    conditions = conditions_of(request.conditions, request.warning_signs)
    if conditions != request.conditions:
        request = attrs.evolve(request, conditions=conditions)
    catalog = default_catalog(language) if catalog is None else catalog
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
            # Translators: why no routine can be planned: {minutes} is a time.
            msg = _("nothing fits in {minutes}; allow a little more time").format(
                minutes=minutes_text(budget)
            )
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
