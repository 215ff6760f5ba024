"""The planner: a routine for a time of day, target areas and a time budget.

It works in three passes over the exercises that suit the request, each
pass at most linear in the size of the catalog:

1. *Cover*: cover as many requested areas as the budget allows, each time
   taking the exercise that covers the most areas still uncovered (then the
   best fit to the time of day or occasion, then the shortest, then catalog
   order), at its lowest dose.
2. *Variety*: add more suitable exercises, those that work a requested
   area and fit best first, while each fits at its lowest dose.
3. *Volume*: spend what is left raising doses, one step at a time in turn,
   within each exercise's guidance and never past it: holds first, then
   reps, then sets ("lengthen holds before adding repetitions").

The steps are then grouped by position, so the person gets up or down as
few times as possible, and the result is checked against the budget with
the same timing model that :func:`~backroutine.estimate_duration` uses.
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
from backroutine._public import publish
from backroutine._safety import (
    CONDITION_RULES,
    LEG_SYMPTOMS,
    NERVE_REASON,
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
    """An exercise the planner has taken, with its dose so far."""

    exercise: Exercise
    rank: int  # catalog order, the last tie-break
    fit: tuple[str, ...]  # the time of day and occasion it suits
    covers: frozenset[BodyArea]  # requested areas it works
    sets: int
    reps: int
    hold: int | None
    added_for_variety: bool = False

    @classmethod
    def at_lowest_dose(
        cls,
        exercise: Exercise,
        rank: int,
        fit: tuple[str, ...],
        covers: frozenset[BodyArea],
    ) -> _Choice:
        dosage = exercise.dosage
        hold = dosage.hold_seconds.low if dosage.hold_seconds else None
        return cls(exercise, rank, fit, covers, dosage.sets.low, dosage.reps.low, hold)

    def seconds(self, pace: Pace) -> float:
        """How long the step takes at the current dose, changes excluded."""
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


class _Plan:
    """The choices so far and what they cost, by the timing model."""

    def __init__(
        self,
        budget: float,
        pace: Pace,
        on_back: float | None = None,
        *,
        time_of_day: TimeOfDay = TimeOfDay.MIDDAY,
    ) -> None:
        self.budget = budget
        self.pace = pace
        # The longest spell lying on the back, if a condition limits it; the
        # steps done lying on the back are grouped into one spell, whose
        # length is bounded by each step with the longest lead-in to it.
        self.on_back = on_back
        # Which step the routine starts with (it gets ready for it) is the
        # order's to say: the order of _ordered() for this time of day.
        self.time_of_day = time_of_day
        self.first: _Choice | None = None
        # What getting ready for it takes beyond changing to it.
        self.first_head_start = 0.0
        # Whether a step in each other position would come before it.
        self.before_first: dict[Position, bool] = {}
        # Each choice's lead-ins by the timing model, worked out once: the
        # cue that gets ready for it, the cue that changes to it from an
        # exercise in the same position, and the longest it may have.
        self.known_lead_ins: dict[_Choice, tuple[float, float, float]] = {}
        self.choices: list[_Choice] = []
        self.positions: set[Position] = set()
        self.used = 0.0
        self.used_on_back = 0.0  # the bound on the spell, kept as steps come
        # What was done, in order, with its cost and its cost on the back:
        # (choice, None, ...) for an addition, (choice, field, ...) for a
        # raised dose; see undo().
        self.history: list[tuple[_Choice, str | None, float, float]] = []
        # The time used and on the back before each step of the history:
        # undo() restores them, as taking a cost away again may not give
        # back the same float (a lead-in of 10.8 s, a pace in tenths).
        self.totals: list[tuple[float, float]] = []

    def _lead_ins(self, choice: _Choice) -> tuple[float, float, float]:
        """Getting ready for *choice*, changing to it, the longest of its lead-ins.

        Changing to it from an exercise in the same position; the longest
        is with a change of position, or getting ready if that is longer.
        (Callers look in self.known_lead_ins first: the planner weighs every
        exercise of a catalog.)
        """
        ready, change = lead_ins(choice.exercise, self.pace)
        longest = max(ready, change + self.pace.change_position_seconds)
        found = self.known_lead_ins[choice] = (ready, change, longest)
        return found

    def lead_in(self, choice: _Choice) -> float:
        """The longest the cue that starts *choice* may last, wherever it comes."""
        return (self.known_lead_ins.get(choice) or self._lead_ins(choice))[2]

    def _starts_before(self, choice: _Choice, other: _Choice) -> bool:
        """Whether the routine would do *choice* before *other*."""
        return _ordered([other, choice], self.time_of_day)[0] is choice

    def _would_start(self, choice: _Choice) -> bool:
        """Whether the routine would start with *choice* if it were added."""
        first = self.first
        if first is None:
            return True
        position = choice.exercise.position
        if position is first.exercise.position:
            return self._starts_before(choice, first)
        # Steps in different positions go in the order of their positions.
        found = self.before_first.get(position)
        if found is None:
            found = self.before_first[position] = self._starts_before(choice, first)
        return found

    def cost_of_adding(self, choice: _Choice) -> float:
        """What adding *choice* adds to the routine's time, by the timing model.

        The routine is grouped by position: it gets ready for its first step
        and changes exercise before each other one, changing position once
        for each position after the first.  So a step adds its sets and a
        change of exercise (with a change of position if its position is
        new); and if the routine would start with it, getting ready for it
        instead of for the step that started it before.
        """
        ready, change, _ = self.known_lead_ins.get(choice) or self._lead_ins(choice)
        seconds = choice.seconds(self.pace)
        if self.first is None:
            return ready + seconds
        cost = change + seconds
        if choice.exercise.position not in self.positions:
            cost += self.pace.change_position_seconds
        head_start = ready - change - self.first_head_start
        if head_start and self._would_start(choice):
            cost += head_start
        return cost

    def _start_with(self, choice: _Choice | None) -> None:
        """Make *choice* the step the routine starts with."""
        self.first = choice
        self.first_head_start = 0.0
        if choice is not None:
            ready, change, _ = self.known_lead_ins.get(choice) or self._lead_ins(choice)
            self.first_head_start = ready - change
        self.before_first = {}

    def on_back_cost(self, choice: _Choice, extra: float) -> float:
        """What *extra* seconds of *choice* add to the spell on the back."""
        return extra if choice.exercise.position is Position.SUPINE else 0.0

    def fits_on_back(self, choice: _Choice, extra: float) -> bool:
        """Whether *choice*, *extra* seconds longer, keeps time on the back short."""
        back = self.on_back_cost(choice, extra)
        return self.on_back is None or self.used_on_back + back <= self.on_back

    def try_add(self, choice: _Choice) -> bool:
        cost = self.cost_of_adding(choice)
        if len(self.choices) >= MAX_STEPS or self.used + cost > self.budget:
            return False
        extra = self.lead_in(choice) + choice.seconds(self.pace)
        if not self.fits_on_back(choice, extra):
            return False
        back = self.on_back_cost(choice, extra)
        if self._would_start(choice):
            self._start_with(choice)
        self.choices.append(choice)
        self.positions.add(choice.exercise.position)
        self.totals.append((self.used, self.used_on_back))
        self.used += cost
        self.used_on_back += back
        self.history.append((choice, None, cost, back))
        return True

    def try_raise(self, choice: _Choice) -> bool:
        """Raise *choice*'s dose by one notch if its guidance and the budget allow."""
        dosage = choice.exercise.dosage
        before = choice.seconds(self.pace)
        for field, ceiling in (
            ("hold", dosage.hold_seconds.high if dosage.hold_seconds else None),
            ("reps", dosage.reps.high),
            ("sets", dosage.sets.high),
        ):
            current = getattr(choice, field)
            if current is None or ceiling is None or current >= ceiling:
                continue
            setattr(choice, field, current + 1)
            cost = choice.seconds(self.pace) - before
            if self.used + cost <= self.budget and self.fits_on_back(choice, cost):
                back = self.on_back_cost(choice, cost)
                self.totals.append((self.used, self.used_on_back))
                self.used += cost
                self.used_on_back += back
                self.history.append((choice, field, cost, back))
                return True
            setattr(choice, field, current)
        return False

    def undo(self) -> None:
        """Take back the last addition or raise (used only to mend rounding)."""
        choice, field, _, _ = self.history.pop()
        self.used, self.used_on_back = self.totals.pop()
        if field is None:
            self.choices.remove(choice)
            self.positions = {c.exercise.position for c in self.choices}
            ordered = _ordered(self.choices, self.time_of_day)
            self._start_with(ordered[0] if ordered else None)
        else:
            setattr(choice, field, getattr(choice, field) - 1)


def _fit(exercise: Exercise, request: PlanRequest) -> tuple[str, ...]:
    """The time of day and occasion of *request* that *exercise* suits."""
    fit = []
    if request.time_of_day in exercise.times:
        fit.append(words(request.time_of_day))
    if request.occasion is not None and request.occasion in exercise.occasions:
        fit.append(words(request.occasion))
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
    """The exercises that suit *request* and meet its every constraint.

    Raises:
        PlanningError: None is left; the message says what rules them out.
    """
    constraints = _constraints(request)
    suited = 0
    found = []
    for rank, exercise in enumerate(catalog):
        fit = _fit(exercise, request)
        if not fit:
            continue
        suited += 1
        allowed = True
        for constraint in constraints:
            reason = constraint.why_not(exercise)
            if reason is not None:
                constraint.ruled_out.setdefault(reason, []).append(exercise)
                allowed = False
        if allowed:
            covers = frozenset(area for area in request.targets if exercise.works(area))
            found.append(_Choice.at_lowest_dose(exercise, rank, fit, covers))
    if found:
        return _Selection(found, constraints)
    if not suited:
        msg = (
            f"no exercise in the catalog suits {_when(request)}; "
            "choose another time of day or occasion"
        )
        raise PlanningError(msg)
    blocking = [constraint for constraint in constraints if constraint.ruled_out]
    listed = "; ".join(
        f"{constraint.description} rules out {constraint.count}"
        for constraint in blocking
    )
    msg = (
        f"{plural(suited, 'exercise')} {word_for(suited, 'suits', 'suit')} "
        f"{_when(request)}, but the constraints leave "
        f"none ({listed}); relax a constraint, or choose another time of day "
        "or occasion"
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


def _cover(plan: _Plan, candidates: list[_Choice], targets: Iterable[BodyArea]) -> None:
    """Pass 1: cover as many requested areas as fit, most areas first."""
    uncovered = set(targets)
    chosen: set[_Choice] = set()
    while uncovered:
        best = None
        best_key = None
        for choice in candidates:
            gain = len(choice.covers & uncovered)
            if not gain or choice in chosen:
                continue
            cost = plan.cost_of_adding(choice)
            if plan.used + cost > plan.budget or not plan.fits_on_back(
                choice, plan.lead_in(choice) + choice.seconds(plan.pace)
            ):
                continue
            key = (-gain, -len(choice.fit), cost, choice.rank)
            if best_key is None or key < best_key:
                best, best_key = choice, key
        if best is None:
            return
        plan.try_add(best)
        chosen.add(best)
        uncovered -= best.covers


def _add_variety(plan: _Plan, candidates: list[_Choice]) -> None:
    """Pass 2: more suitable exercises at their lowest dose, best fit first."""
    chosen = set(plan.choices)
    rest = [choice for choice in candidates if choice not in chosen]
    rest.sort(key=lambda c: (not c.covers, -len(c.fit), c.rank))
    for choice in rest:
        if plan.try_add(choice):
            choice.added_for_variety = True


def _raise_doses(plan: _Plan) -> None:
    """Pass 3: raise doses in turn, within guidance, while time is left."""
    raising = list(plan.choices)
    while raising:
        raising = [choice for choice in raising if plan.try_raise(choice)]


def _ordered(choices: list[_Choice], time_of_day: TimeOfDay) -> list[_Choice]:
    """*choices* grouped by position, keeping their order within a group."""
    order = _DOWNWARDS[::-1] if time_of_day is TimeOfDay.MORNING else _DOWNWARDS
    rank = {position: index for index, position in enumerate(order)}
    return sorted(choices, key=lambda c: rank[c.exercise.position])


def _note(choice: _Choice) -> str:
    suits = f"suits {join(choice.fit)}"
    if choice.covers:
        areas = join(words(a) for a in sorted(choice.covers, key=_area_order))
        works = f"works the {areas}"
        if choice.added_for_variety:
            return f"Added for variety: {works} and {suits}."
        return f"Chosen because it {works} and {suits}."
    return f"Added for variety: it {suits}."


def _area_order(area: BodyArea) -> int:
    return list(BodyArea).index(area)


def _name(request: PlanRequest) -> str:
    when = words(request.time_of_day).capitalize()
    if not request.targets:
        return f"{when} routine"
    areas = join(words(area) for area in request.targets)
    return f"{when} routine for the {areas}"


def _routine_notes(
    plan: _Plan, request: PlanRequest, selection: _Selection
) -> tuple[str, ...]:
    asked = minutes_text(request.minutes * 60)
    return (
        f"Planned to take about {minutes_text(plan.used)} of the {asked} asked for.",
        *_uncovered(plan, request, selection),
        *_left_out_notes(plan, selection),
        *_caution_pointers(plan, request),
    )


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
            reason = f"no suitable exercise for {_when(request)} works this area"
        notes.append(f"Not covered: {words(area)} ({reason}).")
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
            for choice in _ordered(plan.choices, request.time_of_day)
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
        for c in _ordered(plan.choices, request.time_of_day)
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
    candidates = selection.candidates
    budget = request.minutes * 60
    on_back = min(
        (
            seconds
            for c in request.conditions
            if (seconds := CONDITION_RULES[c].max_seconds_on_back) is not None
        ),
        default=None,
    )
    plan = _Plan(budget, pace, on_back, time_of_day=request.time_of_day)
    _cover(plan, candidates, request.targets)
    _add_variety(plan, candidates)
    if not plan.choices:
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
            raise PlanningError(msg)
        shortest = min(candidates, key=lambda c: (plan.cost_of_adding(c), c.rank))
        needs = plan.cost_of_adding(shortest)
        msg = (
            f"the shortest suitable exercise, {shortest.exercise.name!r}, needs "
            f"{minutes_text(needs, at_least=True)} at its lowest dose, more than the "
            f"{minutes_text(budget)} asked for; allow at least "
            f"{minutes_text(needs, at_least=True)}"
        )
        raise PlanningError(msg)
    _raise_doses(plan)
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


publish(plan_routine)
