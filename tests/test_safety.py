import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from backroutine import (
    CONDITION_RULES,
    Catalog,
    Caution,
    Condition,
    CueKind,
    Finding,
    Movement,
    PlanningError,
    PlanRequest,
    Position,
    Screening,
    SeekCareError,
    TimeOfDay,
    Urgency,
    WarningSign,
    default_catalog,
    dumps,
    loads,
    plan_routine,
    screen,
    timeline,
)
from backroutine._advice import GENERAL_ADVICE, STOP_RULE
from backroutine._model import MAX_NAME_LENGTH, MAX_TEXT_LENGTH
from backroutine._safety import SIGN_URGENCY
from backroutine._signs import SEEK_HELP

EMERGENCY = [s for s in WarningSign if SIGN_URGENCY[s] is Urgency.EMERGENCY]
URGENT = [s for s in WarningSign if SIGN_URGENCY[s] is Urgency.URGENT]
SEE_PROFESSIONAL = [
    s for s in WarningSign if SIGN_URGENCY[s] is Urgency.SEE_PROFESSIONAL
]


class TestConditionRules:
    def test_every_condition_has_a_rule_with_a_reason(self) -> None:
        """Each condition has a rule, and each rule says why."""
        assert set(Condition) == set(CONDITION_RULES)
        for condition, rule in CONDITION_RULES.items():
            assert condition is rule.condition
            assert len(rule.reason) > 20

    @pytest.mark.parametrize(
        ("condition", "movement"),
        [
            (Condition.SPINAL_STENOSIS, Movement.EXTENSION),
            (Condition.SPONDYLOLISTHESIS, Movement.EXTENSION),
            (Condition.FACET_JOINT_PAIN, Movement.EXTENSION),
            (Condition.DISC_HERNIATION, Movement.FLEXION),
            (Condition.OSTEOPOROSIS, Movement.FLEXION),
        ],
    )
    def test_direction_rules(self, condition: Condition, movement: Movement) -> None:
        """Each directional condition advises against its direction, in any phase.

        Osteoporosis also leaves out loaded or end-range twisting, and a
        caution may leave an exercise out for its condition.
        """
        rule = CONDITION_RULES[condition]
        catalog = default_catalog()
        against = {e.id for e in catalog if rule.advises_against(e)}
        moving = {e.id for e in catalog if movement in e.movements}
        assert moving <= against
        for exercise in catalog:
            if exercise.id in against - moving:
                assert Movement.ROTATION in exercise.movements or any(
                    c.leave_out and condition in c.conditions for c in exercise.cautions
                ), exercise.id

    def test_pregnancy_leaves_out_lying_face_down(self) -> None:
        """In pregnancy, prone exercises are left out and the supine advice given."""
        rule = CONDITION_RULES[Condition.PREGNANCY]
        catalog = default_catalog()
        prone = {e.id for e in catalog if e.position is Position.PRONE}
        assert prone | {"double-knee-to-chest"} == {
            e.id for e in catalog if rule.advises_against(e)
        }
        assert rule.advice is not None
        assert "on your back" in rule.advice
        assert 180 == rule.max_seconds_on_back

    def test_recent_surgery_keeps_only_exercises_allowed_early(self) -> None:
        """After surgery only the exercises marked as allowed early remain."""
        rule = CONDITION_RULES[Condition.RECENT_BACK_SURGERY]
        catalog = default_catalog()
        kept = {e.id for e in catalog if not rule.advises_against(e)}
        assert {e.id for e in catalog if e.early_after_surgery} == kept
        assert "supine-posterior-pelvic-tilt" in kept
        assert "half-kneeling-hip-flexor-stretch" not in kept


class TestPlanningWithConditions:
    def test_spinal_stenosis(self) -> None:
        """With spinal stenosis, no extension exercise, and the notes say what and why."""
        routine = plan_routine(
            PlanRequest(
                time_of_day=TimeOfDay.MIDDAY,
                conditions=[Condition.SPINAL_STENOSIS],
                minutes=20,
            )
        )
        assert routine.steps
        assert all(Movement.EXTENSION not in e.movements for e in routine.exercises)
        left_out = [n for n in routine.notes if n.startswith("Left out for spinal")]
        assert 1 == len(left_out)
        assert default_catalog()["spine-press-up"].name in left_out[0]
        assert CONDITION_RULES[Condition.SPINAL_STENOSIS].reason in left_out[0]

    def test_exercise_cautions_for_the_condition_are_noted(self) -> None:
        """A chosen exercise's caution about the person's condition is in the notes."""
        routine = plan_routine(
            PlanRequest(
                time_of_day=TimeOfDay.EVENING,
                conditions=[Condition.OSTEOPOROSIS],
                minutes=30,
            )
        )
        concerned = [
            e.name
            for e in routine.exercises
            if any(Condition.OSTEOPOROSIS in c.conditions for c in e.cautions)
        ]
        assert concerned
        pointers = [n for n in routine.notes if n.startswith("With osteoporosis")]
        assert 1 == len(pointers)
        assert all(name in pointers[0] for name in concerned[:3])
        see = "its cautions" if len(concerned) == 1 else "the cautions of each"
        assert pointers[0].endswith(f": see {see}.")

    def test_notes_stay_valid_for_large_catalogs_and_long_text(self) -> None:
        """Many left-out exercises and the longest cautions still give valid notes."""
        press_up = default_catalog()["spine-press-up"]
        long_caution = Caution(
            about="s" * MAX_NAME_LENGTH,
            advice="a" * MAX_TEXT_LENGTH,
            conditions=[Condition.PREGNANCY],
        )
        left_out = [
            attrs.evolve(press_up, id=f"press-up-{n}", name=f"{n:03} " + "n" * 110)
            for n in range(500)
        ]
        kept = attrs.evolve(
            default_catalog()["glute-bridge"],
            times=[TimeOfDay.MIDDAY],
            name="b" * MAX_NAME_LENGTH,
            cautions=[long_caution],
        )
        routine = plan_routine(
            PlanRequest(
                time_of_day=TimeOfDay.MIDDAY,
                targets=(),
                conditions=[Condition.SPINAL_STENOSIS, Condition.PREGNANCY],
                minutes=5,
            ),
            Catalog([*left_out, kept]),
        )
        assert [kept.id] == [e.id for e in routine.exercises]
        assert any("and 497 more." in note for note in routine.notes)
        assert all(len(note) <= MAX_TEXT_LENGTH for note in routine.notes)

    def test_surgery_advice_comes_first(self) -> None:
        """After surgery, the routine first says to follow the surgical team."""
        routine = plan_routine(
            PlanRequest(
                time_of_day=TimeOfDay.MORNING,
                conditions=[Condition.RECENT_BACK_SURGERY],
            )
        )
        assert "surgical team" in routine.safety[0]
        assert all(e.early_after_surgery for e in routine.exercises)
        assert (*GENERAL_ADVICE, SEEK_HELP) == routine.safety[1:]

    def test_conditions_that_leave_nothing(self) -> None:
        """When the rules rule out everything, the error names the rules."""
        with pytest.raises(
            PlanningError, match="the safety rule for disc herniation rules out"
        ):
            plan_routine(
                PlanRequest(
                    time_of_day=TimeOfDay.BEDTIME,
                    conditions=[Condition.DISC_HERNIATION],
                    avoid_positions=[Position.SUPINE, Position.SIDE_LYING],
                )
            )


class TestScreening:
    def test_no_signs(self) -> None:
        """No signs: no urgency, no signs, and the stop rule as advice."""
        screening = screen([])
        assert (Urgency.NONE, ()) == (screening.urgency, screening.signs)
        assert not screening.stops_exercise
        assert STOP_RULE in screening.advice

    def test_emergency(self) -> None:
        """Saddle numbness calls for emergency services, and stops exercise."""
        screening = screen([WarningSign.SADDLE_NUMBNESS])
        assert Urgency.EMERGENCY is screening.urgency
        assert (WarningSign.SADDLE_NUMBNESS,) == screening.signs
        assert screening.advice.startswith("Call emergency services")
        assert (
            "numbness or tingling around the genitals or buttocks" in screening.advice
        )
        assert screening.stops_exercise

    def test_urgent(self) -> None:
        """A fever with back pain calls for a doctor soon, and stops exercise."""
        screening = screen([WarningSign.FEVER])
        assert Urgency.URGENT is screening.urgency
        assert screening.advice.startswith(
            "Get an urgent appointment with a doctor today"
        )
        assert "a high temperature" in screening.advice
        assert screening.stops_exercise

    def test_see_professional(self) -> None:
        """Pain below the knee calls for a professional, but exercise may go on."""
        screening = screen([WarningSign.PAIN_BELOW_KNEE])
        assert Urgency.SEE_PROFESSIONAL is screening.urgency
        assert screening.advice.startswith("See a physiotherapist")
        assert "below the knee" in screening.advice
        assert not screening.stops_exercise

    def test_tiers_follow_the_domain_table(self) -> None:
        """Each sign has the urgency the domain table gives it."""
        assert {
            "saddle_numbness",
            "bladder_or_bowel_change",
            "both_legs_weak_or_numb",
            "both_legs_pain_or_tingling",
            "sexual_function_loss",
            "chest_pain",
            "serious_trauma",
        } == {s.value for s in EMERGENCY}
        assert {
            "fever",
            "unexplained_weight_loss",
            "cancer_history",
            "night_pain",
            "progressive_leg_weakness",
            "back_shape_change",
            "pain_on_cough_or_sneeze",
            "pain_between_shoulder_blades",
        } == {s.value for s in URGENT}
        assert {
            "pain_below_knee",
            "persistent_pain",
            "worsening_pain",
            "fall_with_osteoporosis",
        } == {s.value for s in SEE_PROFESSIONAL}

    @given(st.lists(st.sampled_from(WarningSign)))
    def test_highest_urgency_wins(self, signs: list[WarningSign]) -> None:
        """The urgency is the highest of the signs; every sign is kept, most urgent first."""
        screening = screen(signs)
        highest = max((SIGN_URGENCY[s].level for s in signs), default=0)
        assert highest == screening.urgency.level
        assert sorted(set(signs), key=list(WarningSign).index) == sorted(
            screening.signs, key=list(WarningSign).index
        )
        levels = [finding.urgency.level for finding in screening.findings]
        assert sorted(levels, reverse=True) == levels
        assert screening == screen(reversed(signs))

    def test_any_number_of_repeats(self) -> None:
        """Repeated signs count once, however many there are."""
        assert screen([WarningSign.FEVER]) == screen([WarningSign.FEVER] * 20_000)

    def test_refuses_what_is_not_a_sign(self) -> None:
        """A string is not a sign: the error says which item and what it got."""
        with pytest.raises(
            TypeError, match=r"'signs\[1\]' must be a WarningSign \(got 'fever'\)"
        ):
            screen([WarningSign.FEVER, "fever"])  # type: ignore[list-item]

    def test_screening_urgency_is_its_highest_finding(self) -> None:
        """A screening's urgency is its first finding's, none for none."""
        fever = screen([WarningSign.FEVER]).findings
        with pytest.raises(ValueError, match="'urgency' must be 'urgent', the highest"):
            Screening(urgency=Urgency.NONE, findings=fever, advice="x")
        with pytest.raises(ValueError, match="'urgency' must be 'none', the highest"):
            Screening(urgency=Urgency.URGENT, findings=[], advice="x")

    def test_findings_come_most_urgent_first_once_each(self) -> None:
        """A screening built by hand must list each sign once, most urgent first."""
        findings = screen([WarningSign.FEVER, WarningSign.CHEST_PAIN]).findings
        with pytest.raises(ValueError, match="must list the most urgent signs first"):
            Screening(urgency=Urgency.EMERGENCY, findings=findings[::-1], advice="x")
        with pytest.raises(ValueError, match="must name each sign once"):
            Screening(urgency=Urgency.EMERGENCY, findings=findings[:1] * 2, advice="x")

    def test_a_finding_has_its_sign_s_urgency(self) -> None:
        """A finding cannot call chest pain anything but an emergency."""
        with pytest.raises(ValueError, match="'urgency' must be 'emergency'"):
            Finding(sign=WarningSign.CHEST_PAIN, urgency=Urgency.URGENT, advice="x")


class TestPlanningWithSigns:
    @pytest.mark.parametrize("sign", EMERGENCY + URGENT)
    def test_stopping_signs_plan_nothing(self, sign: WarningSign) -> None:
        """Every emergency and urgent sign stops planning with the screening."""
        request = PlanRequest(time_of_day=TimeOfDay.EVENING, warning_signs=[sign])
        with pytest.raises(SeekCareError) as caught:
            plan_routine(request)
        assert screen([sign]) == caught.value.screening
        assert caught.value.screening.advice == str(caught.value)

    @pytest.mark.parametrize("sign", SEE_PROFESSIONAL)
    def test_see_professional_plans_with_the_advice_first(
        self, sign: WarningSign
    ) -> None:
        """A see-professional sign still plans, with its advice first in safety."""
        routine = plan_routine(
            PlanRequest(time_of_day=TimeOfDay.EVENING, warning_signs=[sign])
        )
        assert routine.steps
        assert screen([sign]).advice == routine.safety[0]
        # A fall with osteoporosis applies the osteoporosis rule, and its advice.
        osteoporosis = CONDITION_RULES[Condition.OSTEOPOROSIS].advice
        named = (osteoporosis,) if sign is WarningSign.FALL_WITH_OSTEOPOROSIS else ()
        assert (*named, *GENERAL_ADVICE, SEEK_HELP) == routine.safety[1:]

    def test_stopping_sign_wins_over_a_mild_one(self) -> None:
        """With a mild and an urgent sign together, nothing is planned."""
        request = PlanRequest(
            time_of_day=TimeOfDay.EVENING,
            warning_signs=[WarningSign.PERSISTENT_PAIN, WarningSign.NIGHT_PAIN],
        )
        with pytest.raises(SeekCareError) as caught:
            plan_routine(request)
        assert Urgency.URGENT is caught.value.screening.urgency

    def test_a_stopping_sign_comes_before_other_errors(self) -> None:
        """Care comes first: a stopping sign is reported even for a bad exclude id."""
        request = PlanRequest(
            time_of_day=TimeOfDay.EVENING,
            exclude=["no-such-exercise"],
            warning_signs=[WarningSign.SERIOUS_TRAUMA],
        )
        with pytest.raises(SeekCareError):
            plan_routine(request)


class TestCuesAndDocuments:
    def test_first_cue_carries_the_stop_rule(self) -> None:
        """The first get-ready cue says when to stop."""
        cues = timeline(plan_routine(PlanRequest(time_of_day=TimeOfDay.MIDDAY)))
        assert CueKind.GET_READY is cues[0].kind
        assert STOP_RULE in cues[0].text

    def test_each_exercise_starts_with_this_person_s_cautions(self) -> None:
        """The cue that starts each exercise carries its person's cautions, as data."""
        routine = plan_routine(
            PlanRequest(
                time_of_day=TimeOfDay.EVENING,
                minutes=20,
                conditions=[Condition.OSTEOPOROSIS],
            )
        )
        starts = [
            cue
            for cue in timeline(routine)
            if cue.kind in (CueKind.GET_READY, CueKind.NEXT_EXERCISE)
        ]
        assert len(routine.steps) == len(starts)
        for step, cue in zip(routine.steps, starts, strict=True):
            assert step.exercise.id == cue.exercise_id
            assert routine.cautions(step.exercise) == cue.cautions
            for caution in step.exercise.cautions:
                assert caution.advice not in cue.text
                mine = Condition.OSTEOPOROSIS in caution.conditions
                assert (caution in cue.cautions) is (mine or not caution.conditions)
        assert any(
            Condition.OSTEOPOROSIS in c.conditions
            for cue in starts
            for c in cue.cautions
        )

    def test_request_round_trip(self) -> None:
        """Conditions and signs survive a round trip through JSON."""
        request = PlanRequest(
            time_of_day=TimeOfDay.BEDTIME,
            conditions=[Condition.PREGNANCY, Condition.OSTEOPOROSIS],
            warning_signs=[WarningSign.WORSENING_PAIN],
        )
        text = dumps(request)
        assert '"conditions":["pregnancy","osteoporosis"]' in text
        assert '"warning_signs":["worsening_pain"]' in text
        assert request == loads(text, PlanRequest)

    def test_structured_cautions_in_json(self) -> None:
        """An exercise's cautions are objects naming what, what to do, and conditions."""
        document = loads(dumps(default_catalog()), type(default_catalog()))
        press_up = document["spine-press-up"]
        assert any(Condition.SPINAL_STENOSIS in c.conditions for c in press_up.cautions)
