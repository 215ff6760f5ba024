"""What the planner plans, read as a physiotherapist would read it.

The rules here are DOMAIN.md's, restated independently of the library's own
rule data: a property test checks every condition over generated catalogs
and requests, and worked examples check the cases a clinician found in the
first release (cat-cow past five condition rules, 20 minutes on the back in
pregnancy, a hip flexor stretch after back surgery, a nerve stretch with
sciatica).
"""

from __future__ import annotations

import itertools

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backroutine import (
    CONDITION_RULES,
    SEEK_HELP,
    Bias,
    BodyArea,
    Catalog,
    Condition,
    CueKind,
    Exercise,
    ExerciseSet,
    Movement,
    Pace,
    Phase,
    PlanningError,
    PlanRequest,
    Position,
    Routine,
    RoutineStep,
    TimeOfDay,
    Urgency,
    WarningSign,
    default_catalog,
    plan_routine,
    screen,
    spells,
    timeline,
    to_markdown,
)
from backroutine._advice import GENERAL_ADVICE, STOP_RULE
from backroutine._safety import LEG_SYMPTOMS as LEG_SIGNS
from backroutine._signs import SIGN_WORDS
from backroutine.testing import catalogs, plan_requests
from tests.helpers import examples

LEG_SYMPTOMS = frozenset(LEG_SIGNS)

# DOMAIN.md, "Cautions as data" and "Movement in each phase": the movements
# each condition rules out, in any phase.
FORBIDDEN = {
    Condition.SPINAL_STENOSIS: {Movement.EXTENSION},
    Condition.SPONDYLOLISTHESIS: {Movement.EXTENSION},
    Condition.FACET_JOINT_PAIN: {Movement.EXTENSION},
    Condition.DISC_HERNIATION: {Movement.FLEXION},
    Condition.OSTEOPOROSIS: {Movement.FLEXION},
}
# Pregnancy: at most 3 minutes in a row lying on the back.
MOST_SECONDS_ON_BACK = 180


def moves(exercise: Exercise) -> set[Movement]:
    """Every movement of *exercise*: each phase's, and what its label says."""
    found = {move for phase in exercise.phases for move in phase.moves}
    labelled = {
        Bias.FLEXION: {Movement.FLEXION},
        Bias.EXTENSION: {Movement.EXTENSION},
        Bias.ROTATION: {Movement.ROTATION},
    }.get(exercise.bias, set())
    if exercise.bias is Bias.MIXED and not exercise.phases:
        labelled = {Movement.FLEXION, Movement.EXTENSION}
    return found | labelled


def breaks(condition: Condition, exercise: Exercise, signs: set[WarningSign]) -> str:
    """What in *exercise* DOMAIN.md's rule for *condition* forbids ("" for nothing)."""
    forbidden = moves(exercise) & FORBIDDEN.get(condition, set())
    if forbidden:
        return f"moves {sorted(m.value for m in forbidden)}"
    if condition is Condition.OSTEOPOROSIS and Movement.ROTATION in moves(exercise):
        end_range = any(
            p.end_range and Movement.ROTATION in p.moves for p in exercise.phases
        )
        if exercise.loads_spine or end_range:
            return "twists loaded or to the end of the range"
    if (
        condition is Condition.DISC_HERNIATION
        and exercise.tensions_sciatic_nerve
        and signs & LEG_SYMPTOMS
    ):
        return "tensions the sciatic nerve with leg symptoms"
    if condition is Condition.PREGNANCY and exercise.position is Position.PRONE:
        return "lies face down"
    if condition is Condition.RECENT_BACK_SURGERY and not exercise.early_after_surgery:
        return "is not allowed early after surgery"
    left_out = any(
        caution.leave_out and condition in caution.conditions
        for caution in exercise.cautions
    )
    return "is left out by its own caution" if left_out else ""


def check(routine: Routine, request: PlanRequest) -> None:
    """*routine* breaks none of DOMAIN.md's rules for *request*'s conditions.

    A fall with osteoporosis says the person has osteoporosis; pain spreading
    below the knee rules out nerve stretches whatever the conditions.
    """
    signs = set(request.warning_signs)
    conditions = [*request.conditions]
    if WarningSign.FALL_WITH_OSTEOPOROSIS in signs:
        conditions += [Condition.OSTEOPOROSIS]
    for step in routine.steps:
        for condition in conditions:
            broken = breaks(condition, step.exercise, signs)
            assert not broken, f"{step.exercise.id} {broken} ({condition.value})"
        assert not (signs & LEG_SYMPTOMS and step.exercise.tensions_sciatic_nerve)
    if Condition.PREGNANCY in request.conditions:
        longest = max(spells(routine, Position.SUPINE), default=0)
        assert longest <= MOST_SECONDS_ON_BACK
    assert SEEK_HELP in routine.safety
    assert set(GENERAL_ADVICE) <= set(routine.safety)
    assert tuple(dict.fromkeys(conditions)) == routine.conditions


class TestEveryConditionOverGeneratedCatalogs:
    @pytest.mark.parametrize("condition", list(Condition))
    @settings(max_examples=examples(40, locally=10))
    @given(
        catalog=catalogs(min_size=1, max_size=6),
        request=plan_requests(min_minutes=1, max_minutes=30),
        data=st.data(),
    )
    def test_no_step_breaks_the_rule(
        self,
        condition: Condition,
        catalog: Catalog,
        request: PlanRequest,
        data: st.DataObject,
    ) -> None:
        """No planned step has a phase or fact the condition's rule forbids."""
        # Pain below the knee is a sign the planner still plans with.
        leg_pain = (WarningSign.PAIN_BELOW_KNEE,) if data.draw(st.booleans()) else ()
        # Every exercise suits the time of day, so that most requests plan
        # and the rules, not the time, decide what is left out.
        catalog = Catalog(
            attrs.evolve(exercise, times=tuple(TimeOfDay)) for exercise in catalog
        )
        request = attrs.evolve(
            request,
            conditions=(*dict.fromkeys((condition, *request.conditions)),),
            warning_signs=(*dict.fromkeys((*request.warning_signs, *leg_pain)),),
        )
        try:
            routine = plan_routine(request, catalog)
        except PlanningError:
            return
        check(routine, request)

    @pytest.mark.parametrize("condition", list(Condition))
    @settings(max_examples=examples(40, locally=10))
    @given(request=plan_requests(min_minutes=3, max_minutes=30))
    def test_no_step_breaks_the_rule_with_the_built_in_catalog(
        self, condition: Condition, request: PlanRequest
    ) -> None:
        """The built-in exercises keep every rule for any request."""
        request = attrs.evolve(
            request, conditions=(*dict.fromkeys((condition, *request.conditions)),)
        )
        try:
            routine = plan_routine(request)
        except PlanningError:
            return
        check(routine, request)


def _every_request() -> list[PlanRequest]:
    """Each condition alone and in pairs, each time of day, 3 to 30 minutes."""
    pairs = [(c,) for c in Condition] + list(itertools.combinations(Condition, 2))
    return [
        # Any area: the rules are what is checked, and each condition leaves
        # some areas with nothing at some times (after surgery, nothing for
        # the lower back at bedtime).
        PlanRequest(
            time_of_day=time, targets=(), minutes=minutes, conditions=conditions
        )
        for conditions in pairs
        for time in TimeOfDay
        for minutes in (3, 8, 15, 30)
    ]


@pytest.mark.no_cover
def test_every_condition_alone_and_in_pairs_at_every_time() -> None:
    """Each condition and pair of them, at every time of day, for 3 to 30 minutes."""
    planned = 0
    for request in _every_request():
        try:
            routine = plan_routine(request)
        except PlanningError:
            continue
        check(routine, request)
        planned += 1
    # Nearly every request gets a routine: the catalog has gentle options.
    assert planned >= 0.9 * len(_every_request())


def _plan(
    time: TimeOfDay, minutes: float, *conditions: Condition, **more: object
) -> Routine:
    """A routine for *time*, any area unless *more* names some."""
    fields: dict[str, object] = {"targets": (), **more}
    return plan_routine(
        PlanRequest(time_of_day=time, minutes=minutes, conditions=conditions, **fields)  # type: ignore[arg-type]
    )


def _ids(routine: Routine) -> list[str]:
    return [step.exercise.id for step in routine.steps]


class TestWorkedExamples:
    """The cases a clinician found in the first release, each failing on it."""

    @pytest.mark.parametrize(
        "condition",
        [
            Condition.OSTEOPOROSIS,
            Condition.DISC_HERNIATION,
            Condition.SPINAL_STENOSIS,
            Condition.SPONDYLOLISTHESIS,
            Condition.FACET_JOINT_PAIN,
        ],
    )
    def test_cat_cow_is_not_planned(self, condition: Condition) -> None:
        """Cat-cow bends both ways, so five condition rules leave it out."""
        assert "cat-cow" in _ids(_plan(TimeOfDay.MORNING, 30))
        routine = _plan(TimeOfDay.MORNING, 30, condition)
        assert "cat-cow" not in _ids(routine)
        assert any("Cat-cow" in note for note in routine.notes if "Left out" in note)

    @pytest.mark.parametrize(
        "condition", [Condition.DISC_HERNIATION, Condition.OSTEOPOROSIS]
    )
    def test_figure_4_is_not_planned_where_flexion_is_ruled_out(
        self, condition: Condition
    ) -> None:
        """Drawing the leg to the chest bends the lower back forward."""
        assert "figure-four-stretch" in _ids(_plan(TimeOfDay.BEDTIME, 30))
        assert "figure-four-stretch" not in _ids(
            _plan(TimeOfDay.BEDTIME, 30, condition)
        )

    def test_no_nerve_stretch_with_a_disc_and_leg_pain(self) -> None:
        """A straight-leg stretch pulls on a nerve a disc may already press on."""
        without = _plan(TimeOfDay.EVENING, 30, Condition.DISC_HERNIATION)
        assert "supine-hamstring-stretch" in _ids(without)
        routine = _plan(
            TimeOfDay.EVENING,
            30,
            Condition.DISC_HERNIATION,
            warning_signs=[WarningSign.PAIN_BELOW_KNEE],
        )
        assert "supine-hamstring-stretch" not in _ids(routine)
        assert any("sciatic nerve" in note for note in routine.notes)

    def test_pregnancy_spends_at_most_3_minutes_at_a_time_on_the_back(self) -> None:
        """The evening half hour in pregnancy: short spells on the back, no bump hugging."""
        routine = _plan(TimeOfDay.EVENING, 30, Condition.PREGNANCY)
        assert max(spells(routine, Position.SUPINE), default=0) <= 180
        assert "double-knee-to-chest" not in _ids(routine)
        assert all(e.position is not Position.PRONE for e in routine.exercises)
        # Still a useful routine: most of it off the back.
        assert len(routine.steps) >= 4
        off_back = [e for e in routine.exercises if e.position is not Position.SUPINE]
        assert len(off_back) >= 3

    def test_an_area_left_out_by_the_time_on_the_back_says_so(self) -> None:
        """The note blames the 3 minutes on the back, not the minutes asked for."""
        routine = _plan(
            TimeOfDay.BEDTIME,
            12,
            Condition.OSTEOPOROSIS,
            Condition.PREGNANCY,
            targets=[BodyArea.LOWER_BACK, BodyArea.GLUTES],
        )
        assert (
            "Not covered: lower back (its exercises are done lying on your back, "
            "and none fits in the 3 minutes at a time kept for that)."
        ) in routine.notes

    def test_a_fall_with_osteoporosis_plans_as_osteoporosis(self) -> None:
        """The sign says the person has osteoporosis: no deep forward bends."""
        routine = _plan(
            TimeOfDay.BEDTIME, 8, warning_signs=[WarningSign.FALL_WITH_OSTEOPOROSIS]
        )
        assert (Condition.OSTEOPOROSIS,) == routine.conditions
        assert all(Movement.FLEXION not in e.movements for e in routine.exercises)
        lower_back = _plan(TimeOfDay.BEDTIME, 8, targets=[BodyArea.LOWER_BACK])
        assert "childs-pose" in _ids(lower_back)

    def test_no_nerve_stretch_with_leg_pain_whatever_the_conditions(self) -> None:
        """Pain below the knee alone is enough to leave the nerve stretch out."""
        assert "supine-hamstring-stretch" in _ids(_plan(TimeOfDay.BEDTIME, 30))
        routine = _plan(
            TimeOfDay.BEDTIME, 30, warning_signs=[WarningSign.PAIN_BELOW_KNEE]
        )
        assert "supine-hamstring-stretch" not in _ids(routine)
        assert any(n.startswith("Left out for pain spreading") for n in routine.notes)

    def test_pregnancy_safety_holds_the_stop_signs(self) -> None:
        """The routine says when to stop and call the midwife."""
        routine = _plan(TimeOfDay.MORNING, 10, Condition.PREGNANCY)
        assert any(
            "midwife" in advice and "bleeding" in advice for advice in routine.safety
        )

    def test_after_surgery_the_pelvic_tilt_not_the_hip_flexor_stretch(self) -> None:
        """The gentle exercises allowed early, starting with the pelvic tilt."""
        for time in TimeOfDay:
            routine = _plan(time, 15, Condition.RECENT_BACK_SURGERY)
            assert "half-kneeling-hip-flexor-stretch" not in _ids(routine)
            assert all(e.early_after_surgery for e in routine.exercises)
        routine = _plan(TimeOfDay.MORNING, 15, Condition.RECENT_BACK_SURGERY)
        assert "supine-posterior-pelvic-tilt" in _ids(routine)
        assert "surgical team" in routine.safety[0]

    def test_every_routine_carries_the_seek_help_box(self) -> None:
        """With no sign reported, the emergency signs are still there."""
        routine = _plan(TimeOfDay.BEDTIME, 8)
        assert SEEK_HELP == routine.safety[-1]
        emergency = [s for s in WarningSign if screen([s]).urgency is Urgency.EMERGENCY]
        for sign in emergency:
            assert SIGN_WORDS[sign] in SEEK_HELP

    def test_the_first_cue_carries_the_seek_help_box(self) -> None:
        """The timer starts with the stop rule and, as data, the seek-help box."""
        first = timeline(_plan(TimeOfDay.MIDDAY, 10))[0]
        assert CueKind.GET_READY is first.kind
        assert STOP_RULE in first.text
        assert SEEK_HELP in first.safety
        assert set(GENERAL_ADVICE) <= set(first.safety)

    def test_avoiding_a_bias_reads_every_phase(self) -> None:
        """Avoiding extension leaves out cat-cow, whose cow phase arches the back."""
        routine = _plan(TimeOfDay.MORNING, 30, avoid_biases=[Bias.EXTENSION])
        assert "cat-cow" not in _ids(routine)
        assert all(Movement.EXTENSION not in e.movements for e in routine.exercises)


class TestTheRulesCannotBeTalkedRound:
    def test_a_mixed_exercise_must_say_which_ways_it_moves(self) -> None:
        """Phases that hold still cannot hide a mixed exercise's movements."""
        cat_cow = default_catalog()["cat-cow"]
        with pytest.raises(ValueError, match="'phases' must move the spine more"):
            attrs.evolve(cat_cow, phases=(Phase(name="cat"), Phase(name="cow")))
        with pytest.raises(ValueError, match="'phases' must move the spine more"):
            attrs.evolve(cat_cow, phases=cat_cow.phases[:1])

    @pytest.mark.parametrize(
        ("bias", "moves"),
        [
            (Bias.FLEXION, (Movement.EXTENSION,)),
            (Bias.EXTENSION, ()),
            (Bias.ROTATION, (Movement.FLEXION,)),
            (Bias.NEUTRAL, (Movement.FLEXION,)),
        ],
    )
    def test_phases_agree_with_the_bias(
        self, bias: Bias, moves: tuple[Movement, ...]
    ) -> None:
        """A label and its phases cannot disagree."""
        tilt = default_catalog()["supine-posterior-pelvic-tilt"]
        with pytest.raises(ValueError, match="'phases' must"):
            attrs.evolve(tilt, bias=bias, phases=(Phase(moves=moves),))

    def test_an_exercise_marked_early_by_mistake_is_still_left_out(self) -> None:
        """After surgery, no twisting, no kneeling, nothing to the end of its range."""
        rule = CONDITION_RULES[Condition.RECENT_BACK_SURGERY]
        catalog = default_catalog()
        for exercise_id in (
            "supine-lower-trunk-rotation",
            "quadruped-pelvic-tilt",
            "half-kneeling-hip-flexor-stretch",
        ):
            marked = attrs.evolve(catalog[exercise_id], early_after_surgery=True)
            assert rule.advises_against(marked), exercise_id
        bend = attrs.evolve(
            catalog["supine-posterior-pelvic-tilt"],
            phases=(Phase(moves=(Movement.FLEXION,), end_range=True),),
        )
        assert rule.advises_against(bend)

    def test_only_the_time_on_the_back_blocks_says_so(self) -> None:
        """When every exercise fits the time but not 3 minutes on the back."""
        slow = Pace(move_seconds=20, release_seconds=20)
        with pytest.raises(PlanningError, match="lying on your back for longer"):
            plan_routine(
                PlanRequest(
                    time_of_day=TimeOfDay.BEDTIME,
                    targets=(),
                    minutes=30,
                    conditions=[Condition.PREGNANCY, Condition.RECENT_BACK_SURGERY],
                ),
                pace=slow,
            )


class TestSpells:
    def test_each_unbroken_spell_in_a_position(self) -> None:
        """Spells add up the cues of consecutive exercises in one position."""
        catalog = default_catalog()
        steps = [
            RoutineStep(exercise=catalog[exercise_id], sets=[ExerciseSet(reps=2)])
            for exercise_id in (
                "heel-slides",
                "glute-squeeze",
                "side-lying-clamshell",
                "abdominal-bracing",
            )
        ]
        routine = Routine(name="Spells", steps=steps)
        pace = Pace()
        cues = timeline(routine, pace)
        on_back = {"heel-slides", "glute-squeeze", "abdominal-bracing"}
        runs: list[float] = []
        previous = False
        for cue in cues:
            now = cue.exercise_id in on_back
            if now and previous:
                runs[-1] += cue.seconds
            elif now:
                runs.append(cue.seconds)
            previous = now
        assert 2 == len(runs)
        assert tuple(runs) == spells(routine, Position.SUPINE, pace)
        assert (
            sum(c.seconds for c in cues if c.exercise_id == "side-lying-clamshell"),
        ) == (spells(routine, Position.SIDE_LYING, pace))
        assert () == spells(routine, Position.PRONE, pace)


class TestUnknownConditions:
    def test_a_routine_that_does_not_know_its_person_shows_every_caution(self) -> None:
        """None is not known: every caution is shown, under Take care."""
        planned = _plan(TimeOfDay.EVENING, 10)
        assert () == planned.conditions
        unknown = attrs.evolve(planned, conditions=None)
        for exercise in unknown.exercises:
            assert exercise.cautions == unknown.cautions(exercise)
            assert all(not c.conditions for c in planned.cautions(exercise))
        handout = to_markdown(unknown)
        assert "### For you" not in handout
        assert any(
            caution.text.split(":")[0] in handout
            for exercise in unknown.exercises
            for caution in exercise.cautions
            if caution.conditions
        )


class TestScreeningKeepsEverySign:
    TIERS = (Urgency.EMERGENCY, Urgency.URGENT, Urgency.SEE_PROFESSIONAL)

    @pytest.mark.parametrize("sign", list(WarningSign))
    def test_each_sign_alone(self, sign: WarningSign) -> None:
        """A sign alone is kept, with its tier and advice."""
        screening = screen([sign])
        assert (sign,) == screening.signs
        finding = screening.findings[0]
        assert finding.urgency is screening.urgency is not Urgency.NONE
        assert finding.advice

    @given(st.lists(st.sampled_from(WarningSign), min_size=2, unique=True))
    def test_mixed_signs_are_all_kept_most_urgent_first(
        self, signs: list[WarningSign]
    ) -> None:
        """However the tiers mix, nothing is dropped, and the most urgent come first."""
        screening = screen(signs)
        assert set(signs) == set(screening.signs)
        assert len(signs) == len(screening.findings)
        ranks = [self.TIERS.index(f.urgency) for f in screening.findings]
        assert sorted(ranks) == ranks
        assert screening.findings[0].urgency is screening.urgency

    def test_one_sign_of_each_tier(self) -> None:
        """Saddle numbness, fever and pain below the knee: all three, in that order."""
        screening = screen(
            [
                WarningSign.PAIN_BELOW_KNEE,
                WarningSign.FEVER,
                WarningSign.SADDLE_NUMBNESS,
            ]
        )
        assert (
            WarningSign.SADDLE_NUMBNESS,
            WarningSign.FEVER,
            WarningSign.PAIN_BELOW_KNEE,
        ) == screening.signs
        assert [f.urgency for f in screening.findings] == list(self.TIERS)
