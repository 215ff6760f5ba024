import itertools
import os
import subprocess
import sys
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from backroutine import (
    CONDITION_RULES,
    Bias,
    BodyArea,
    Catalog,
    Caution,
    Condition,
    Difficulty,
    Dosage,
    Equipment,
    Exercise,
    Occasion,
    Pace,
    PlanningError,
    PlanRequest,
    Position,
    Routine,
    RoutineStep,
    SeekCareError,
    Span,
    TimeOfDay,
    UnknownExerciseError,
    default_catalog,
    dumps,
    estimate_duration,
    plan_routine,
)
from backroutine._planner import _Choice, _Plan, _Versions
from backroutine._safety import LEG_SYMPTOMS, conditions_of
from backroutine._timing import lead_ins
from backroutine.testing import catalogs, dosages, exercises, paces, plan_requests
from tests.helpers import make_exercise


def suits(exercise: Exercise, request: PlanRequest) -> bool:
    """Whether *exercise* suits the request's time of day or occasion."""
    return request.time_of_day in exercise.times or (
        request.occasion is not None and request.occasion in exercise.occasions
    )


def allowed(exercise: Exercise, request: PlanRequest) -> bool:
    """Whether *exercise* meets every constraint of *request*."""
    return (
        exercise.position not in request.avoid_positions
        and not any(exercise.moves_towards(bias) for bias in request.avoid_biases)
        and exercise.id not in request.exclude
        and (
            request.equipment is None
            or set(exercise.equipment) <= set(request.equipment)
        )
        and (
            request.max_difficulty is None
            or exercise.difficulty.level <= request.max_difficulty.level
        )
        and not any(
            CONDITION_RULES[condition].advises_against(exercise)
            for condition in conditions_of(request.conditions, request.warning_signs)
        )
        and not (
            exercise.tensions_sciatic_nerve
            and not set(LEG_SYMPTOMS).isdisjoint(request.warning_signs)
        )
    )


def fits_on_back(exercise: Exercise, request: PlanRequest, pace: Pace) -> bool:
    """Whether *exercise* at the dose asked for keeps a condition's spell on the back.

    The planner bounds a spell by each step with the longest lead-in to it.
    """
    limits = [
        rule.max_seconds_on_back
        for rule in (CONDITION_RULES[c] for c in request.conditions)
        if rule.max_seconds_on_back is not None
    ]
    if not limits or exercise.position is not Position.SUPINE:
        return True
    ready, change = lead_ins(exercise, pace)
    lead_in = max(ready, change + pace.change_position_seconds)
    alone = estimate_duration(dosed_routine(exercise, request.progression), pace)
    return alone - ready + lead_in <= min(limits)


def dosed_routine(exercise: Exercise, step: int = 0) -> Routine:
    """A routine of *exercise* alone at *step* of its progression."""
    return Routine(
        name="Dosed",
        steps=[RoutineStep(exercise=exercise, sets=exercise.dosage.at_step(step))],
    )


def position_changes(steps: Any) -> int:
    positions = [step.exercise.position for step in steps]
    return sum(a is not b for a, b in itertools.pairwise(positions))


def within_guidance(step: RoutineStep) -> bool:
    dosage = step.exercise.dosage
    holds = [s.hold.seconds if s.hold else None for s in step.sets]
    return (
        len(step.sets) in dosage.sets
        and all(s.reps in dosage.reps for s in step.sets)
        and all(s.laterality is dosage.laterality for s in step.sets)
        and all(
            (h is None) if dosage.hold_seconds is None else (h in dosage.hold_seconds)
            for h in holds
        )
    )


def plan(**fields: Any) -> Routine:
    return plan_routine(PlanRequest(**fields))


class TestWorkedExamples:
    def test_bedtime_lower_back(self) -> None:
        """Eight minutes at bedtime give three or more exercises and use the time."""
        routine = plan(
            time_of_day=TimeOfDay.BEDTIME, targets=[BodyArea.LOWER_BACK], minutes=8
        )
        seconds = estimate_duration(routine)
        assert 5 * 60 <= seconds <= 8 * 60
        assert len({e.id for e in routine.exercises}) >= 3
        assert all(TimeOfDay.BEDTIME in e.times for e in routine.exercises)
        assert any(e.works(BodyArea.LOWER_BACK) for e in routine.exercises)
        assert TimeOfDay.BEDTIME is routine.time_of_day
        assert (BodyArea.LOWER_BACK,) == routine.targets

    def test_midday_after_sitting_builds_up_to_the_press_up(self) -> None:
        """With time for it, the press-up comes after lying face down and the sphinx.

        In five minutes a first session starts with easier exercises, not the
        press-up, the top of its chain.
        """
        five = plan(
            time_of_day=TimeOfDay.MIDDAY, occasion=Occasion.AFTER_SITTING, minutes=5
        )
        assert "spine-press-up" not in [e.id for e in five.exercises]
        twelve = plan(
            time_of_day=TimeOfDay.MIDDAY, occasion=Occasion.AFTER_SITTING, minutes=12
        )
        ids = [e.id for e in twelve.exercises]
        assert ["prone-lying", "prone-on-elbows", "spine-press-up"] == [
            i for i in ids if i.startswith(("prone", "spine"))
        ]
        assert estimate_duration(twelve) <= 12 * 60

    def test_morning_without_extension(self) -> None:
        """A morning plan that avoids extension holds no extension exercise."""
        routine = plan(
            time_of_day=TimeOfDay.MORNING, avoid_biases=[Bias.EXTENSION], minutes=15
        )
        assert routine.steps
        assert all(e.bias is not Bias.EXTENSION for e in routine.exercises)

    def test_one_minute(self) -> None:
        """A one-minute budget still gives a routine, within the minute."""
        routine = plan(time_of_day=TimeOfDay.MORNING, minutes=1)
        assert 1 <= len(routine.steps)
        assert estimate_duration(routine) <= 60

    def test_an_int_budget_is_the_same_as_a_float(self) -> None:
        """Eight minutes as an int and as a float plan the same routine."""
        assert dumps(plan(time_of_day=TimeOfDay.EVENING, minutes=8)) == dumps(
            plan(time_of_day=TimeOfDay.EVENING, minutes=8.0)
        )

    def test_safety_advice_is_carried(self) -> None:
        """Every planned routine carries the article's safety advice."""
        safety = " ".join(plan(time_of_day=TimeOfDay.EVENING).safety).lower()
        assert "slowly" in safety
        assert "comfortable" in safety
        assert "stop" in safety
        assert "down a leg" in safety
        assert "persists" in safety

    def test_notes_say_why(self) -> None:
        """Each step's note names what it covers and when it suits."""
        routine = plan(
            time_of_day=TimeOfDay.MIDDAY,
            occasion=Occasion.AFTER_SITTING,
            targets=[BodyArea.LOWER_BACK, BodyArea.HIPS],
        )
        for step in routine.steps:
            assert step.note is not None
            assert "good to do " in step.note
        assert any("lower back" in (s.note or "") for s in routine.steps)
        assert any("hips" in (s.note or "") for s in routine.steps)

    def test_uncovered_area_is_noted(self) -> None:
        """An area no suitable exercise works is named in the routine's notes."""
        routine = plan(
            time_of_day=TimeOfDay.BEDTIME,
            targets=[BodyArea.LOWER_BACK, BodyArea.HIP_FLEXORS],
        )
        assert (
            "Not covered: front of the hips (no exercise to do before bed works "
            "this area)."
        ) in routine.notes
        assert not any(e.works(BodyArea.HIP_FLEXORS) for e in routine.exercises)

    def test_area_short_of_time_is_noted(self) -> None:
        """An area whose exercises do not fit in the time is named too."""
        routine = plan(
            time_of_day=TimeOfDay.BEDTIME,
            targets=[BodyArea.LOWER_BACK, BodyArea.HAMSTRINGS],
            minutes=1.5,
        )
        assert (
            "Not covered: backs of the thighs (no exercise for this area fits in "
            "the time; allow more minutes)."
        ) in routine.notes

    def test_area_parts_count(self) -> None:
        """Asking for the hips is met by an exercise for the glutes or hip flexors."""
        routine = plan(time_of_day=TimeOfDay.MIDDAY, targets=[BodyArea.HIPS])
        hips = [e for e in routine.exercises if e.works(BodyArea.HIPS)]
        assert hips
        # Some are chosen for a part of the hips, not the hips themselves.
        assert any(BodyArea.HIPS not in e.targets for e in hips)
        assert routine.steps[0].note is not None

    def test_occasion_widens_the_choice(self) -> None:
        """With an occasion, exercises that suit only the occasion qualify too."""
        without = plan(time_of_day=TimeOfDay.BEDTIME, minutes=60)
        with_occasion = plan(
            time_of_day=TimeOfDay.BEDTIME, occasion=Occasion.AFTER_SITTING, minutes=60
        )
        assert all(TimeOfDay.BEDTIME in e.times for e in without.exercises)
        assert any(TimeOfDay.BEDTIME not in e.times for e in with_occasion.exercises)

    def test_variety_then_a_shorter_routine(self) -> None:
        """With time to spare, every suitable exercise once, and a note on why."""
        catalog = default_catalog()
        request = PlanRequest(time_of_day=TimeOfDay.EVENING, targets=(), minutes=240)
        routine = plan_routine(request)
        suitable = {e.id for e in catalog if suits(e, request)}
        chosen = {e.id for e in routine.exercises}
        # What is left out is a version of a chosen exercise in a position
        # that would put the harder one first.
        for left_out in suitable - chosen:
            related = {e.id for e in catalog.harder_than(left_out)} | {
                e.id for e in catalog.easier_than(left_out)
            }
            assert related & chosen, left_out
        assert estimate_duration(routine) < 60 * 60
        assert any(
            note.startswith("Shorter than the 240 minutes asked for")
            for note in routine.notes
        )

    def test_a_first_session_is_the_low_end_in_round_numbers(self) -> None:
        """A generous budget does not raise a dose: each is a first session's."""
        routine = plan(time_of_day=TimeOfDay.EVENING, minutes=240)
        for step in routine.steps:
            dosage = step.exercise.dosage
            assert within_guidance(step)
            assert dosage.sets.low == len(step.sets)
            assert dosage.reps.low == step.sets[0].reps
            hold = step.sets[0].hold
            if hold is not None:
                assert dosage.round_holds()[0] == hold.seconds

    def test_a_later_step_of_progression(self) -> None:
        """A request for step 2 doses every exercise at its step 2."""
        first = plan(time_of_day=TimeOfDay.BEDTIME, minutes=30)
        later = plan(time_of_day=TimeOfDay.BEDTIME, minutes=30, progression=2)
        assert [e.id for e in first.exercises] == [e.id for e in later.exercises]
        for step in later.steps:
            assert step.exercise.dosage.at_step(2) == step.sets
        assert estimate_duration(later) > estimate_duration(first)

    def test_morning_goes_from_lying_to_standing(self) -> None:
        """A morning routine starts lying down; other routines end lying down."""
        morning = plan(time_of_day=TimeOfDay.MORNING, minutes=30)
        evening = plan(time_of_day=TimeOfDay.EVENING, minutes=30)
        assert Position.SUPINE is morning.exercises[0].position
        assert Position.SUPINE is evening.exercises[-1].position


def one_of_three(*exercises: Exercise, **request: Any) -> str:
    """The id of the one exercise a budget of one exercise gets."""
    routine = plan_routine(PlanRequest(minutes=0.75, **request), Catalog(exercises))
    assert 1 == len(routine.steps)  # each takes 30 s with getting ready; two, 60 s
    return routine.steps[0].exercise.id


def small_exercise(exercise_id: str, **changes: Any) -> Exercise:
    fields: dict[str, Any] = {
        "id": exercise_id,
        "name": exercise_id,
        "summary": "A small exercise.",
        "instructions": ["Do it."],
        "position": Position.SUPINE,
        "targets": [BodyArea.LOWER_BACK],
        "bias": Bias.NEUTRAL,
        "times": [TimeOfDay.MIDDAY],
        "dosage": Dosage(sets=Span.exactly(1), reps=Span.exactly(5)),
    }
    return Exercise(**{**fields, **changes})


class TestPriorities:
    def test_most_areas_first(self) -> None:
        """Covering areas, the exercise that covers the most comes first."""
        assert "all-three" == one_of_three(
            small_exercise("back-only"),
            small_exercise("hips-only", targets=[BodyArea.HIPS]),
            small_exercise(
                "all-three",
                targets=[BodyArea.LOWER_BACK, BodyArea.HIPS, BodyArea.CORE],
            ),
            time_of_day=TimeOfDay.MIDDAY,
            targets=[BodyArea.LOWER_BACK, BodyArea.HIPS, BodyArea.CORE],
        )

    def test_covering_comes_before_fit(self) -> None:
        """An exercise for a requested area wins over a better fit for no area."""
        assert "for-the-back" == one_of_three(
            small_exercise(
                "best-fit",
                targets=[BodyArea.HAMSTRINGS],
                occasions=[Occasion.AFTER_SITTING],
            ),
            small_exercise("for-the-back"),
            time_of_day=TimeOfDay.MIDDAY,
            occasion=Occasion.AFTER_SITTING,
            targets=[BodyArea.LOWER_BACK],
        )

    @pytest.mark.parametrize("targets", [[BodyArea.LOWER_BACK], []])
    def test_best_fit_first(self, targets: list[BodyArea]) -> None:
        """Among equals, the exercise suiting both time and occasion comes first."""
        assert "time-and-occasion" == one_of_three(
            small_exercise("time-only"),
            small_exercise(
                "occasion-only", times=[], occasions=[Occasion.AFTER_SITTING]
            ),
            small_exercise("time-and-occasion", occasions=[Occasion.AFTER_SITTING]),
            time_of_day=TimeOfDay.MIDDAY,
            occasion=Occasion.AFTER_SITTING,
            targets=targets,
        )


class TestConstraints:
    def test_avoid_positions(self) -> None:
        """Avoided positions are left out."""
        routine = plan(
            time_of_day=TimeOfDay.MIDDAY,
            avoid_positions=[Position.PRONE, Position.STANDING],
            minutes=30,
        )
        assert not {Position.PRONE, Position.STANDING} & {
            e.position for e in routine.exercises
        }

    def test_exclude(self) -> None:
        """Excluded exercises are left out."""
        routine = plan(
            time_of_day=TimeOfDay.MIDDAY, exclude=["spine-press-up"], minutes=30
        )
        assert "spine-press-up" not in [e.id for e in routine.exercises]

    def test_unknown_exclude_id(self) -> None:
        """A typo in an excluded id is an error naming it, not silently ignored."""
        with pytest.raises(UnknownExerciseError) as caught:
            plan(time_of_day=TimeOfDay.MIDDAY, exclude=["spine-pressup"])
        assert "spine-pressup" == caught.value.exercise_id
        assert "spine-press-up" in caught.value.suggestions

    def test_equipment_at_hand(self) -> None:
        """With no equipment at hand, exercises that need some are left out."""
        routine = plan(
            time_of_day=TimeOfDay.EVENING, targets=(), equipment=[], minutes=60
        )
        assert all(not e.equipment for e in routine.exercises)
        with_towel = plan(
            time_of_day=TimeOfDay.EVENING,
            targets=(),
            equipment=[Equipment.TOWEL],
            minutes=60,
        )
        assert "supine-hamstring-stretch" in [e.id for e in with_towel.exercises]

    def test_max_difficulty(self) -> None:
        """Exercises above the highest difficulty are left out."""
        routine = plan(
            time_of_day=TimeOfDay.MORNING,
            max_difficulty=Difficulty.BEGINNER,
            minutes=60,
        )
        assert all(e.difficulty is Difficulty.BEGINNER for e in routine.exercises)


class TestPlanningErrors:
    def test_budget_too_small(self) -> None:
        """A budget below the shortest exercise says how much time it needs."""
        with pytest.raises(PlanningError) as caught:
            plan(time_of_day=TimeOfDay.BEDTIME, minutes=0.2)
        message = str(caught.value)
        assert "the shortest suitable exercise" in message
        assert "at a first session's dose" in message
        assert "allow at least" in message
        assert isinstance(caught.value, ValueError)

    def test_budget_in_the_message_is_exact(self) -> None:
        """The message gives the budget to the hundredth, and enough time rounded up."""
        with pytest.raises(PlanningError) as caught:
            plan(time_of_day=TimeOfDay.BEDTIME, minutes=0.25)
        message = str(caught.value)
        assert "more than the 0.25 minutes asked for" in message
        needed = float(message.rsplit("allow at least ", 1)[1].split(maxsplit=1)[0])
        plan(time_of_day=TimeOfDay.BEDTIME, minutes=needed)

    def test_nothing_suits_the_time(self) -> None:
        """A catalog with nothing for the time of day says so."""
        catalog = default_catalog().select(time_of_day=TimeOfDay.MIDDAY)
        only_midday = Catalog(
            attrs.evolve(e, times=[TimeOfDay.MIDDAY], best_times=[], occasions=[])
            for e in catalog
        )
        with pytest.raises(
            PlanningError, match="no exercise in the catalog suits bedtime"
        ):
            plan_routine(PlanRequest(time_of_day=TimeOfDay.BEDTIME), only_midday)

    def test_constraints_leave_nothing(self) -> None:
        """When constraints rule everything out, the message names them."""
        with pytest.raises(PlanningError) as caught:
            plan(
                time_of_day=TimeOfDay.BEDTIME,
                avoid_positions=[Position.SUPINE, Position.SIDE_LYING],
                avoid_biases=[Bias.FLEXION],
            )
        message = str(caught.value)
        assert "the constraints leave none" in message
        assert "avoiding the supine and side lying positions rules out" in message
        assert "avoiding flexion rules out" in message
        assert (
            "relax a constraint, or choose another time of day or occasion" in message
        )

    def test_constraints_leave_nothing_of_many(self) -> None:
        """The message counts the suitable exercises in words that agree: many."""
        with pytest.raises(PlanningError) as caught:
            plan(
                time_of_day=TimeOfDay.BEDTIME,
                avoid_positions=[Position.SUPINE, Position.SIDE_LYING],
                avoid_biases=[Bias.FLEXION],
            )
        suitable = len(
            default_catalog().select(
                time_of_day=TimeOfDay.BEDTIME, target=BodyArea.LOWER_BACK
            )
        )
        assert str(caught.value).startswith(
            f"{suitable} exercises suit bedtime and work the lower back, but the "
            "constraints leave none ("
        )

    def test_constraints_leave_nothing_of_one(self) -> None:
        """The message counts the suitable exercises in words that agree: one."""
        press_up_only = Catalog([default_catalog()["spine-press-up"]])
        request = PlanRequest(
            time_of_day=TimeOfDay.MIDDAY, avoid_biases=[Bias.EXTENSION]
        )
        with pytest.raises(PlanningError) as caught:
            plan_routine(request, press_up_only)
        assert str(caught.value).startswith(
            "1 exercise suits midday and works the lower back, but the constraints "
            "leave none ("
        )


EVERYDAY_EXERCISES = exercises(
    dosages=dosages(max_sets=3, max_reps=15, max_hold_seconds=30, max_rest_seconds=30)
)


@st.composite
def planning_cases(draw: st.DrawFn) -> tuple[Catalog, PlanRequest, Pace]:
    """A catalog, a request and a pace, most exercises suiting the request.

    Left to chance, few generated exercises suit a generated request and few
    fit its budget, and the planner would mostly refuse.  So about half the
    exercises are made to suit the request's time of day, three cases in
    four have doses, a pace and a budget of everyday size, and half the
    requests drop most of the constraints; the rest keep the full range.
    """
    everyday = draw(st.sampled_from([True, True, True, False]))
    catalog = draw(
        catalogs(
            min_size=1,
            max_size=10,
            exercises=EVERYDAY_EXERCISES if everyday else exercises(),
        )
    )
    request = draw(plan_requests(exercise_ids=catalog.ids))
    if draw(st.booleans()):
        # Constraints drawn at random rule out most of a small catalog.
        request = attrs.evolve(
            request,
            equipment=None,
            max_difficulty=None,
            avoid_biases=(),
            avoid_positions=request.avoid_positions[:1],
            exclude=request.exclude[:1],
        )
    if everyday:
        request = attrs.evolve(request, minutes=draw(st.floats(2, 30)))
    suited = draw(st.lists(st.booleans(), min_size=len(catalog), max_size=len(catalog)))
    catalog = Catalog(
        attrs.evolve(e, times=(*e.times, request.time_of_day))
        if make_suit and request.time_of_day not in e.times
        else e
        for e, make_suit in zip(catalog, suited, strict=True)
    )
    pace = draw(paces(max_seconds=20) if everyday else paces())
    return catalog, request, pace


REQUESTS_AND_CATALOGS = planning_cases()


def plan_or_error(
    catalog: Catalog, request: PlanRequest, pace: Pace
) -> Routine | PlanningError:
    try:
        return plan_routine(request, catalog, pace)
    except PlanningError as error:
        return error


class TestProperties:
    @given(REQUESTS_AND_CATALOGS)
    def test_valid_within_budget_and_constraints(
        self, case: tuple[Catalog, PlanRequest, Pace]
    ) -> None:
        """A plan keeps the budget and every constraint, within each guidance."""
        catalog, request, pace = case
        result = plan_or_error(catalog, request, pace)
        if isinstance(result, PlanningError):
            budget = request.minutes * 60
            fitting = [
                e.id
                for e in catalog
                if suits(e, request)
                and allowed(e, request)
                and fits_on_back(e, request, pace)
                and (not request.targets or any(e.works(a) for a in request.targets))
                and estimate_duration(dosed_routine(e, request.progression), pace)
                <= budget
            ]
            assert [] == fitting
            return
        assert estimate_duration(result, pace) <= request.minutes * 60
        ids = [e.id for e in result.exercises]
        assert len(set(ids)) == len(ids)
        for step in result.steps:
            assert step.exercise in catalog
            assert suits(step.exercise, request)
            assert allowed(step.exercise, request)
            assert within_guidance(step)
            assert step.exercise.dosage.at_step(request.progression) == step.sets
            assert step.note
            if request.targets:
                assert any(step.exercise.works(a) for a in request.targets)
        assert result.safety

    @given(REQUESTS_AND_CATALOGS)
    def test_deterministic(self, case: tuple[Catalog, PlanRequest, Pace]) -> None:
        """The same request, catalog and pace give the same routine, to the byte."""
        first = plan_or_error(*case)
        second = plan_or_error(*case)
        if isinstance(first, PlanningError):
            assert isinstance(second, PlanningError)
            assert str(first) == str(second)
        else:
            assert isinstance(second, Routine)
            assert dumps(first) == dumps(second)

    @given(REQUESTS_AND_CATALOGS)
    def test_positions_change_as_few_times_as_possible(
        self, case: tuple[Catalog, PlanRequest, Pace]
    ) -> None:
        """No order of the same steps changes position fewer times."""
        result = plan_or_error(*case)
        if isinstance(result, PlanningError):
            return
        distinct = len({e.position for e in result.exercises})
        assert distinct - 1 == position_changes(result.steps)
        if len(result.steps) <= 6:
            fewest = min(
                position_changes(order)
                for order in itertools.permutations(result.steps)
            )
            assert fewest == position_changes(result.steps)


def first_session(exercise_id: str) -> _Choice:
    """A built-in exercise as the planner takes it, at a first session's dose."""
    exercise = default_catalog()[exercise_id]
    return _Choice.at_step(
        exercise, rank=0, fit=(), best=False, covers=frozenset(), step=0
    ).timed(Pace())


def new_plan(budget: float = 600, on_back: float | None = None) -> _Plan:
    order = {position: index for index, position in enumerate(Position)}
    return _Plan(budget, Pace(), order, _Versions(default_catalog()), on_back)


def state(plan: _Plan) -> tuple[Any, ...]:
    """All that a plan holds, to compare over time."""
    return (
        [c.exercise.id for c in plan.choices],
        set(plan.positions),
        plan.used,
        plan.used_on_back,
        plan.head,
        [(c.exercise.id, used) for c, used, _, _ in plan.history],
    )


class TestRoundingBackstop:
    """_Plan.undo, the backstop for a plan that rounding pushed over budget."""

    def test_time_on_the_back_is_kept_and_taken_back(self) -> None:
        """Only steps lying on the back count towards the spell, each with its lead-in."""
        plan = new_plan(on_back=180)
        start = state(plan)
        bridge, bird_dog = first_session("glute-bridge"), first_session("bird-dog")
        for choice in (bird_dog, bridge):
            assert plan.fits(choice)
            plan.add(choice)
        assert plan.lead_in(bridge) + bridge.seconds(plan.pace) == plan.used_on_back
        for _ in range(2):
            plan.undo()
        assert start == state(plan)

    def test_a_spell_too_long_on_the_back_does_not_fit(self) -> None:
        plan = new_plan(on_back=30)
        assert not plan.fits(first_session("single-knee-to-chest"))
        assert plan.too_long_on_back
        assert not plan.out_of_time

    def test_undo_takes_back_in_reverse_order(self) -> None:
        """Additions are undone last first, back to an empty plan."""
        plan = new_plan()
        states = [state(plan)]
        for exercise_id in ("cat-cow", "spine-press-up", "glute-bridge"):
            plan.add(first_session(exercise_id))
            states.append(state(plan))
        for expected in reversed(states[:-1]):
            plan.undo()
            assert expected == state(plan)
        assert ([], set(), 0.0) == (plan.choices, plan.positions, plan.used)

    def test_plan_routine_undoes_what_rounding_pushed_over(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An addition the timing model finds over budget is taken back, and it fits.

        The planner's running total and the timing model's sum of the same
        parts can differ in the last bit; the timing model judges.  Here the
        planner's total is made to fall short by a second, as rounding could.
        """
        request = PlanRequest(time_of_day=TimeOfDay.MORNING, targets=(), minutes=5)
        undone: list[str] = []
        undo, cost = _Plan.undo, _Plan.cost_of_adding

        def spy(plan: _Plan) -> None:
            undone.append(plan.history[-1][0].exercise.id)
            undo(plan)

        monkeypatch.setattr(_Plan, "undo", spy)
        monkeypatch.setattr(
            _Plan, "cost_of_adding", lambda plan, choice: cost(plan, choice) - 20
        )
        routine = plan_routine(request)
        assert undone
        assert estimate_duration(routine) <= request.minutes * 60
        assert undone[0] not in [e.id for e in routine.exercises]


class TestAcrossProcesses:
    def test_same_routine_whatever_the_hash_seed(self) -> None:
        """Two processes with different hash seeds plan the same bytes."""
        code = (
            "from backroutine import *; "
            "print(dumps(plan_routine(PlanRequest(time_of_day=TimeOfDay.MIDDAY, "
            "targets=[BodyArea.LOWER_BACK, BodyArea.HIPS, BodyArea.CORE], "
            "occasion=Occasion.AFTER_SITTING, minutes=12, "
            "conditions=[Condition.PREGNANCY]))))"
        )
        outputs = {
            subprocess.run(
                [sys.executable, "-c", code],
                capture_output=True,
                text=True,
                check=True,
                timeout=60,
                env={**os.environ, "PYTHONHASHSEED": seed},
            ).stdout
            for seed in ("1", "2", "3")
        }
        assert 1 == len(outputs)
        assert '"kind":"routine"' in outputs.pop()


class TestOnlyItsOwnErrors:
    def test_many_exercises_left_out_by_their_own_cautions(self) -> None:
        """Sixty cautions that each leave an exercise out share one note."""
        catalog = Catalog(
            make_exercise(
                id=f"hug-{number}",
                name=f"Hug {number}",
                position=Position.SEATED,
                times=[TimeOfDay.EVENING],
                cautions=[
                    Caution(
                        about="pregnancy",
                        advice=f"Leave it out: reason {number}.",
                        conditions=[Condition.PREGNANCY],
                        leave_out=True,
                    )
                ]
                if number
                else [],
            )
            for number in range(61)
        )
        request = PlanRequest(
            time_of_day=TimeOfDay.EVENING, minutes=60, conditions=[Condition.PREGNANCY]
        )
        routine = plan_routine(request, catalog)
        assert ["hug-0"] == [e.id for e in routine.exercises]
        left_out = [n for n in routine.notes if n.startswith("Left out")]
        expected = (
            "Left out for pregnancy, as their cautions advise: Hug 1, Hug 2, Hug 3 "
            "and 57 more."
        )
        assert [expected] == left_out

    def test_one_exercise_left_out_by_its_caution_says_why(self) -> None:
        """A single caution's advice is the reason the note gives."""
        hug = make_exercise(
            id="hug",
            name="Hug",
            position=Position.SEATED,
            times=[TimeOfDay.EVENING],
            cautions=[
                Caution(
                    about="pregnancy",
                    advice="Leave it out: it squeezes the bump.",
                    conditions=[Condition.PREGNANCY],
                    leave_out=True,
                )
            ],
        )
        other = attrs.evolve(hug, id="other", name="Other", cautions=())
        routine = plan_routine(
            PlanRequest(
                time_of_day=TimeOfDay.EVENING, conditions=[Condition.PREGNANCY]
            ),
            Catalog([hug, other]),
        )
        assert ["other"] == [e.id for e in routine.exercises]
        assert (
            "Left out for pregnancy: Hug. Leave it out: it squeezes the bump."
            in routine.notes
        )

    def test_many_cautions_for_the_condition(self) -> None:
        """Sixty exercises with a caution for the person's condition still plan.

        The notes once held a pointer per caution and passed the model's limit
        of 50, so the planner raised the model's error for a valid request.
        """
        caution = Caution(
            about="pregnancy",
            advice="Keep it short.",
            conditions=[Condition.PREGNANCY],
        )
        catalog = Catalog(
            make_exercise(
                id=f"gentle-{number}",
                name=f"Gentle {number}",
                position=Position.SEATED,
                times=[TimeOfDay.EVENING],
                dosage=Dosage(sets=Span.exactly(1), reps=Span.exactly(1)),
                cautions=[caution],
            )
            for number in range(60)
        )
        request = PlanRequest(
            time_of_day=TimeOfDay.EVENING, minutes=60, conditions=[Condition.PREGNANCY]
        )
        routine = plan_routine(request, catalog)
        assert 60 == len(routine.steps)
        assert all(caution in routine.cautions(e) for e in routine.exercises)
        pointers = [n for n in routine.notes if n.startswith("With pregnancy, take")]
        expected = (
            "With pregnancy, take care with Gentle 0, Gentle 1, Gentle 2 and 57 more: "
            "see the cautions of each."
        )
        assert [expected] == pointers

    @given(
        catalogs(max_size=8),
        plan_requests(min_minutes=1),
        st.booleans(),
    )
    def test_any_catalog(
        self, catalog: Catalog, request: PlanRequest, exclude_all: bool
    ) -> None:
        """Whatever the catalog, only the planner's three errors come out."""
        if exclude_all:
            request = attrs.evolve(request, exclude=catalog.ids)
        try:
            routine = plan_routine(request, catalog)
        except (PlanningError, SeekCareError, UnknownExerciseError):
            return
        assert isinstance(routine, Routine)

    def test_one_exercise_with_a_caution_reads_in_the_singular(self) -> None:
        """A single exercise concerned is pointed to as one, not 'each'."""
        caution = Caution(
            about="pregnancy", advice="Keep it short.", conditions=[Condition.PREGNANCY]
        )
        catalog = Catalog(
            [
                make_exercise(
                    id="gentle",
                    name="Gentle",
                    position=Position.SEATED,
                    times=[TimeOfDay.EVENING],
                    dosage=Dosage(sets=Span.exactly(1), reps=Span.exactly(1)),
                    cautions=[caution],
                )
            ]
        )
        request = PlanRequest(
            time_of_day=TimeOfDay.EVENING, minutes=5, conditions=[Condition.PREGNANCY]
        )
        notes = plan_routine(request, catalog).notes
        assert "With pregnancy, take care with Gentle: see its cautions." in notes
