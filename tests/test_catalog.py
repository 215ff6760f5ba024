import re
from typing import NamedTuple

import attrs
import pytest
from hypothesis import given

from backroutine import (
    CONDITION_RULES,
    Bias,
    BodyArea,
    Catalog,
    Condition,
    Difficulty,
    Equipment,
    Exercise,
    Laterality,
    Movement,
    Occasion,
    PlanRequest,
    Position,
    Routine,
    RoutineStep,
    Span,
    TimeOfDay,
    UnknownExerciseError,
    default_catalog,
    dumps,
    loads,
    plan_routine,
)
from backroutine.testing import catalogs, exercises
from tests.helpers import make_exercise

TILT = "supine-posterior-pelvic-tilt"
ROTATION = "supine-lower-trunk-rotation"
PRESS_UP = "spine-press-up"


@pytest.fixture
def small() -> Catalog:
    return Catalog(
        [
            make_exercise(id="cat-cow"),
            make_exercise(
                id="bridge",
                position=Position.SUPINE,
                targets=[BodyArea.GLUTES, BodyArea.CORE],
                bias=Bias.NEUTRAL,
                times=[TimeOfDay.MIDDAY],
                occasions=[Occasion.AFTER_SITTING],
                difficulty=Difficulty.INTERMEDIATE,
            ),
            make_exercise(
                id="towel-stretch",
                position=Position.SUPINE,
                targets=[BodyArea.HAMSTRINGS],
                bias=Bias.NEUTRAL,
                times=[TimeOfDay.BEDTIME],
                equipment=[Equipment.TOWEL],
            ),
        ]
    )


class TestCatalog:
    def test_mapping_behaviour(self, small: Catalog) -> None:
        """A catalog has a length, an order, membership by id and lookup by id."""
        assert 3 == len(small)
        assert ("cat-cow", "bridge", "towel-stretch") == small.ids
        assert ["cat-cow", "bridge", "towel-stretch"] == [e.id for e in small]
        assert "bridge" in small
        assert "plank" not in small
        assert "bridge" == small["bridge"].id
        assert small.get("plank") is None

    def test_contains_an_exercise(self, small: Catalog) -> None:
        """An exercise is in a catalog only if the catalog holds that very value."""
        assert small["bridge"] in small
        assert make_exercise(id="bridge") not in small

    def test_unknown_id(self, small: Catalog) -> None:
        """An unknown id raises UnknownExerciseError naming it and the nearest ids."""
        with pytest.raises(UnknownExerciseError) as caught:
            small["brigde"]
        assert "brigde" == caught.value.exercise_id
        assert ("bridge",) == caught.value.suggestions
        assert "unknown exercise id 'brigde'; did you mean 'bridge'?" == str(
            caught.value
        )
        assert isinstance(caught.value, LookupError)

    def test_unknown_id_without_suggestion(self, small: Catalog) -> None:
        """An id like nothing known gets no suggestion."""
        with pytest.raises(UnknownExerciseError) as caught:
            small["zzzzzz"]
        assert () == caught.value.suggestions
        assert "unknown exercise id 'zzzzzz'" == str(caught.value)

    @pytest.mark.parametrize("key", [5, None, ("cat-cow",)])
    def test_lookup_by_something_not_an_id(self, small: Catalog, key: object) -> None:
        """Looking up something that is not an id is an unknown id, without suggestions."""
        with pytest.raises(UnknownExerciseError) as caught:
            small[key]  # type: ignore[index]
        assert () == caught.value.suggestions

    def test_duplicate_ids(self) -> None:
        """Two exercises with one id are refused, naming the id and where."""
        with pytest.raises(
            ValueError,
            match=r"'exercises\[1\]\.id' must be unique in a catalog \(got 'cat-cow' again\)",
        ):
            Catalog([make_exercise(), make_exercise()])

    def test_not_exercises(self) -> None:
        """Anything but exercises is refused."""
        with pytest.raises(TypeError, match=r"'exercises\[0\]' must be an Exercise"):
            Catalog(["cat-cow"])  # type: ignore[list-item]

    def test_equality(self, small: Catalog) -> None:
        """Catalogs with the same exercises in the same order are equal."""
        assert Catalog(list(small)) == small
        assert hash(Catalog(list(small))) == hash(small)
        assert Catalog(reversed(list(small))) != small

    def test_empty(self) -> None:
        """An empty catalog is allowed."""
        assert 0 == len(Catalog())

    def test_repr_names_ids(self, small: Catalog) -> None:
        """The repr lists the ids, not every field."""
        assert "Catalog(<3 exercises: 'cat-cow', 'bridge', 'towel-stretch'>)" == repr(
            small
        )


class TestSelect:
    def test_by_target_includes_parts(self, small: Catalog) -> None:
        """Selecting an area finds exercises that work one of its parts."""
        assert ("bridge",) == small.select(target=BodyArea.HIPS).ids
        assert ("bridge",) == small.select(target=BodyArea.GLUTES).ids
        assert () == small.select(target=BodyArea.HIP_FLEXORS).ids

    def test_by_each_criterion(self, small: Catalog) -> None:
        """Each criterion narrows the catalog on its own."""
        assert ("bridge",) == small.select(time_of_day=TimeOfDay.MIDDAY).ids
        assert ("bridge",) == small.select(occasion=Occasion.AFTER_SITTING).ids
        assert ("bridge", "towel-stretch") == small.select(position=Position.SUPINE).ids
        assert ("cat-cow",) == small.select(bias=Bias.MIXED).ids
        assert ("cat-cow", "towel-stretch") == small.select(
            max_difficulty=Difficulty.BEGINNER
        ).ids

    def test_by_equipment_at_hand(self, small: Catalog) -> None:
        """Equipment at hand keeps exercises that need nothing else."""
        assert ("cat-cow", "bridge") == small.select(equipment=[]).ids
        assert small.ids == small.select(equipment=[Equipment.TOWEL]).ids

    def test_criteria_combine(self, small: Catalog) -> None:
        """Criteria combine with and, and None leaves the catalog whole."""
        assert small == small.select()
        assert () == small.select(position=Position.SUPINE, bias=Bias.MIXED).ids

    @given(catalogs(), exercises())
    def test_select_keeps_order_and_values(
        self, catalog: Catalog, probe: Exercise
    ) -> None:
        """A selection is an ordered subset of the catalog, links within it kept."""
        selected = catalog.select(position=probe.position, bias=probe.bias)
        assert [e.id for e in catalog if e.id in selected] == list(selected.ids)
        for exercise in selected:
            whole = catalog[exercise.id]
            assert [i for i in whole.harder if i in selected] == list(exercise.harder)
            assert attrs.evolve(whole, harder=exercise.harder) == exercise
        assert all(e.position is probe.position for e in selected)


class TestDefaultCatalog:
    def test_holds_the_article_exercises(self) -> None:
        """The built-in catalog holds the article's three exercises."""
        assert {TILT, ROTATION, PRESS_UP} <= set(default_catalog().ids)

    def test_is_shared(self) -> None:
        """The built-in catalog is loaded once and shared."""
        assert default_catalog() is default_catalog()

    def test_pelvic_tilt(self) -> None:
        """The pelvic tilt carries the article's facts."""
        tilt = default_catalog()[TILT]
        assert Position.SUPINE is tilt.position
        assert Bias.FLEXION is tilt.bias
        assert {BodyArea.ABDOMINALS, BodyArea.LOWER_BACK} == set(tilt.targets)
        assert {TimeOfDay.MORNING, TimeOfDay.EVENING} <= set(tilt.times)
        assert Occasion.AFTER_SITTING in tilt.occasions
        assert Span(3, 5) == tilt.dosage.hold_seconds
        assert Span(10, 15) == tilt.dosage.reps
        assert Laterality.BILATERAL is tilt.dosage.laterality
        text = " ".join(tilt.instructions).lower()
        assert "knees bent" in text
        assert "flat" in text
        benefits = " ".join(tilt.benefits).lower()
        assert "posture" in benefits
        assert "stiffness" in benefits
        assert "align" in benefits
        assert "over time" in benefits

    def test_lower_trunk_rotation(self) -> None:
        """The lower trunk rotation carries the article's facts."""
        rotation = default_catalog()[ROTATION]
        assert Position.SUPINE is rotation.position
        assert Bias.ROTATION is rotation.bias
        assert {BodyArea.LOWER_BACK, BodyArea.HIPS, BodyArea.CORE} == set(
            rotation.targets
        )
        assert set(TimeOfDay) == set(rotation.times)
        assert (TimeOfDay.BEDTIME,) == rotation.best_times
        assert Occasion.AFTER_ACTIVITY in rotation.occasions
        assert Span(10, 15) == rotation.dosage.hold_seconds
        assert Span(8, 10) == rotation.dosage.reps
        assert Laterality.ALTERNATING is rotation.dosage.laterality
        text = " ".join(rotation.instructions).lower()
        assert "shoulders" in text
        assert "other side" in text
        benefits = " ".join(rotation.benefits).lower()
        assert "mobil" in benefits
        assert "blood flow" in benefits

    def test_press_up(self) -> None:
        """The spine press-up carries the article's facts."""
        press_up = default_catalog()[PRESS_UP]
        assert Position.PRONE is press_up.position
        assert Bias.EXTENSION is press_up.bias
        assert {BodyArea.LUMBAR_SPINE, BodyArea.HIP_FLEXORS, BodyArea.ABDOMINALS} == (
            set(press_up.targets)
        )
        assert TimeOfDay.MIDDAY in press_up.times
        assert Occasion.AFTER_SITTING in press_up.occasions
        assert Span(3, 5) == press_up.dosage.hold_seconds
        assert Span(8, 10) == press_up.dosage.reps
        text = " ".join(press_up.instructions).lower()
        assert "face down" in text
        assert "hips" in text
        benefits = " ".join(press_up.benefits).lower()
        assert "sitting or bending" in benefits
        assert "tightness" in benefits
        assert "discs" in benefits
        assert Condition.SPINAL_STENOSIS in {
            condition
            for caution in press_up.cautions
            for condition in caution.conditions
        }

    def test_every_exercise_needs_no_equipment_or_says_so(self) -> None:
        """The article's exercises need nothing but the floor and suit beginners."""
        for exercise_id in (TILT, ROTATION, PRESS_UP):
            exercise = default_catalog()[exercise_id]
            assert () == exercise.equipment
            assert Difficulty.BEGINNER is exercise.difficulty


# DOMAIN.md, "More gentle exercises in common use" and "Movement in each
# phase", "Pregnancy" and "After back surgery": for each exercise, its
# position, its bias (the table's label), every direction it moves the
# spine in any phase, and which of its flags are set.
NERVE = "tensions_sciatic_nerve"
LOADED = "loads_spine"
EARLY = "early_after_surgery"
FLAGS = (NERVE, LOADED, EARLY)
NONE: frozenset[Movement] = frozenset()
FLEXES = frozenset({Movement.FLEXION})
EXTENDS = frozenset({Movement.EXTENSION})


class Facts(NamedTuple):
    position: Position
    bias: Bias
    movements: frozenset[Movement]
    flags: frozenset[str] = frozenset()


FACTS = {
    # The founding article's three.
    TILT: Facts(Position.SUPINE, Bias.FLEXION, FLEXES, frozenset({EARLY})),
    ROTATION: Facts(Position.SUPINE, Bias.ROTATION, frozenset({Movement.ROTATION})),
    PRESS_UP: Facts(Position.PRONE, Bias.EXTENSION, EXTENDS),
    # The table of more gentle exercises.
    "single-knee-to-chest": Facts(Position.SUPINE, Bias.FLEXION, FLEXES),
    "double-knee-to-chest": Facts(Position.SUPINE, Bias.FLEXION, FLEXES),
    "cat-cow": Facts(Position.QUADRUPED, Bias.MIXED, FLEXES | EXTENDS),
    "childs-pose": Facts(Position.KNEELING, Bias.FLEXION, FLEXES),
    "glute-bridge": Facts(Position.SUPINE, Bias.NEUTRAL, NONE),
    "bird-dog": Facts(Position.QUADRUPED, Bias.NEUTRAL, NONE, frozenset({LOADED})),
    "dead-bug": Facts(Position.SUPINE, Bias.NEUTRAL, NONE, frozenset({LOADED})),
    # DOMAIN.md's first table calls it neutral, but its "Movement in each
    # phase": drawing the leg to the chest flexes the lower back, so its
    # label says flexion, and its phase agrees.
    "figure-four-stretch": Facts(Position.SUPINE, Bias.FLEXION, FLEXES),
    "supine-hamstring-stretch": Facts(
        Position.SUPINE, Bias.NEUTRAL, NONE, frozenset({NERVE})
    ),
    "prone-on-elbows": Facts(Position.PRONE, Bias.EXTENSION, EXTENDS),
    # "Progressions and regressions": the gentlest of the chain to the
    # press-up, and the bird dog one limb at a time.
    "prone-lying": Facts(Position.PRONE, Bias.EXTENSION, EXTENDS),
    "bird-dog-one-limb": Facts(
        Position.QUADRUPED, Bias.NEUTRAL, NONE, frozenset({LOADED})
    ),
    "standing-back-extension": Facts(Position.STANDING, Bias.EXTENSION, EXTENDS),
    "seated-forward-flexion": Facts(Position.SEATED, Bias.FLEXION, FLEXES),
    "half-kneeling-hip-flexor-stretch": Facts(
        Position.HALF_KNEELING, Bias.NEUTRAL, NONE
    ),
    # The small, neutral exercises of the first weeks after back surgery.
    "abdominal-bracing": Facts(Position.SUPINE, Bias.NEUTRAL, NONE, frozenset({EARLY})),
    "heel-slides": Facts(Position.SUPINE, Bias.NEUTRAL, NONE, frozenset({EARLY})),
    "glute-squeeze": Facts(Position.SUPINE, Bias.NEUTRAL, NONE, frozenset({EARLY})),
    # The pelvic tilt in other positions, pregnancy favourites among them.
    "standing-wall-pelvic-tilt": Facts(
        Position.STANDING, Bias.FLEXION, FLEXES, frozenset({EARLY})
    ),
    "seated-pelvic-tilt": Facts(
        Position.SEATED, Bias.FLEXION, FLEXES, frozenset({EARLY})
    ),
    # Kneeling: not in the first weeks after back surgery.
    "quadruped-pelvic-tilt": Facts(Position.QUADRUPED, Bias.FLEXION, FLEXES),
    "side-lying-clamshell": Facts(Position.SIDE_LYING, Bias.NEUTRAL, NONE),
}
NEW = (
    "abdominal-bracing",
    "heel-slides",
    "glute-squeeze",
    "standing-wall-pelvic-tilt",
    "seated-pelvic-tilt",
    "quadruped-pelvic-tilt",
    "side-lying-clamshell",
)
# The fuller bends go as far as the back will round; the rest stay within
# a small or comfortable part of their range.
END_RANGE = {"double-knee-to-chest", "childs-pose", "seated-forward-flexion"}


def flags(exercise: Exercise) -> frozenset[str]:
    """The names of the flags set on *exercise*."""
    return frozenset(flag for flag in FLAGS if getattr(exercise, flag))


class TestRicherCatalog:
    def test_every_exercise_has_its_facts(self) -> None:
        """Every built-in exercise is among those whose facts are checked, and no more."""
        assert set(FACTS) == set(default_catalog().ids)
        assert len(FACTS) == len(default_catalog())

    @pytest.mark.parametrize(("exercise_id", "expected"), FACTS.items(), ids=FACTS)
    def test_position_bias_movements_and_flags(
        self, exercise_id: str, expected: Facts
    ) -> None:
        """Each exercise has the position, bias, movements and flags DOMAIN gives it."""
        exercise = default_catalog()[exercise_id]
        actual = Facts(exercise.position, exercise.bias, exercise.movements)
        assert expected == actual._replace(flags=flags(exercise))

    @pytest.mark.parametrize("exercise_id", FACTS)
    def test_is_complete(self, exercise_id: str) -> None:
        """Each exercise says when it suits, how to do it and what to watch for."""
        exercise = default_catalog()[exercise_id]
        assert exercise.times or exercise.occasions
        assert exercise.cautions
        assert len(exercise.instructions) >= 3
        assert exercise.phases

    @pytest.mark.parametrize("exercise_id", FACTS)
    def test_end_of_range(self, exercise_id: str) -> None:
        """Only the fuller forward bends go to the end of their range."""
        exercise = default_catalog()[exercise_id]
        expected = exercise_id in END_RANGE
        assert expected == any(phase.end_range for phase in exercise.phases)

    def test_cat_cow_bends_both_ways_in_named_phases(self) -> None:
        """Cat-cow rounds the back in the cat and arches it in the cow."""
        phases = default_catalog()["cat-cow"].phases
        assert [("cat", (Movement.FLEXION,)), ("cow", (Movement.EXTENSION,))] == [
            (phase.name, phase.moves) for phase in phases
        ]

    def test_figure_four_flexes(self) -> None:
        """The figure-4 stretch flexes the lower back, and says so."""
        figure_four = default_catalog()["figure-four-stretch"]
        assert Bias.FLEXION is figure_four.bias
        assert figure_four.moves_towards(Bias.FLEXION)
        assert not figure_four.moves_towards(Bias.NEUTRAL)

    def test_hamstring_stretch_tensions_the_nerve(self) -> None:
        """Only the straight-leg hamstring stretch tensions the sciatic nerve."""
        nerve = [e.id for e in default_catalog() if e.tensions_sciatic_nerve]
        assert ["supine-hamstring-stretch"] == nerve

    def test_towel_for_the_hamstring_stretch(self) -> None:
        """The hamstring stretch needs the towel it is done with."""
        assert (Equipment.TOWEL,) == default_catalog()[
            "supine-hamstring-stretch"
        ].equipment


class TestNewExercises:
    @pytest.mark.parametrize("exercise_id", NEW)
    def test_complete_like_the_others(self, exercise_id: str) -> None:
        """Each new exercise is as complete as the built-in ones."""
        exercise = default_catalog()[exercise_id]
        assert exercise.summary
        assert exercise.targets
        assert exercise.times
        assert exercise.benefits
        assert exercise.cues
        assert Difficulty.BEGINNER is exercise.difficulty
        assert 1 <= exercise.dosage.reps.low <= exercise.dosage.reps.high

    def test_targets_most_important_first(self) -> None:
        """Heel slides train the stomach muscles; the clamshell the buttocks, then hips."""
        catalog = default_catalog()
        assert (BodyArea.ABDOMINALS, BodyArea.CORE) == catalog["heel-slides"].targets
        assert (BodyArea.GLUTES, BodyArea.HIPS) == catalog[
            "side-lying-clamshell"
        ].targets

    def test_equipment(self) -> None:
        """The wall tilt needs a wall, the seated tilt a chair, the rest nothing."""
        catalog = default_catalog()
        assert {exercise_id: catalog[exercise_id].equipment for exercise_id in NEW} == {
            **dict.fromkeys(NEW, ()),
            "standing-wall-pelvic-tilt": (Equipment.WALL,),
            "seated-pelvic-tilt": (Equipment.CHAIR,),
        }

    def test_doses(self) -> None:
        """The new exercises' guidance is in the ranges clinic handouts give."""
        catalog = default_catalog()
        doses = {
            exercise_id: (
                catalog[exercise_id].dosage.reps,
                catalog[exercise_id].dosage.hold_seconds,
                catalog[exercise_id].dosage.laterality,
            )
            for exercise_id in NEW
        }
        assert {
            "abdominal-bracing": (Span(5, 10), Span(5, 10), Laterality.BILATERAL),
            "heel-slides": (Span(8, 10), None, Laterality.ALTERNATING),
            "glute-squeeze": (Span(8, 10), Span(5, 10), Laterality.BILATERAL),
            "standing-wall-pelvic-tilt": (
                Span(8, 12),
                Span(5, 10),
                Laterality.BILATERAL,
            ),
            "seated-pelvic-tilt": (Span(8, 12), Span(3, 5), Laterality.BILATERAL),
            "quadruped-pelvic-tilt": (Span(8, 12), Span(3, 5), Laterality.BILATERAL),
            "side-lying-clamshell": (Span(10, 15), None, Laterality.EACH_SIDE),
        } == doses


class TestGentlestVersions:
    def test_lying_face_down_is_cautioned_as_the_chain_it_starts(self) -> None:
        """Lying face down carries the cautions of the sphinx and the press-up."""
        catalog = default_catalog()

        def about(exercise_id: str) -> list[tuple[tuple[Condition, ...], bool]]:
            return [(c.conditions, c.leave_out) for c in catalog[exercise_id].cautions]

        assert about("prone-on-elbows") == about("prone-lying")
        assert about(PRESS_UP) == about("prone-lying")

    def test_lying_face_down_is_one_long_rest(self) -> None:
        """Lying face down is one relaxed spell of one to two minutes."""
        dosage = default_catalog()["prone-lying"].dosage
        assert (Span(1, 1), Span(1, 1), Span(60, 120)) == (
            dosage.sets,
            dosage.reps,
            dosage.hold_seconds,
        )


class TestBuiltInSafety:
    @pytest.mark.parametrize("exercise_id", ["childs-pose", "cat-cow"])
    def test_kneeling_in_pregnancy_has_its_version(self, exercise_id: str) -> None:
        """Child's pose and cat-cow say how to make room for the bump.

        Both are planned in pregnancy (cat-cow is a favourite): the handout
        shows the pregnancy caution under them for a pregnant person.
        """
        exercise = default_catalog()[exercise_id]
        routine = Routine(
            name="Pregnancy",
            steps=[RoutineStep(exercise=exercise, sets=exercise.dosage.at_step(0))],
            conditions=[Condition.PREGNANCY],
        )
        assert any(
            Condition.PREGNANCY in caution.conditions and "bump" in caution.advice
            for caution in routine.cautions(exercise)
        )

    def test_every_exercise_is_valid(self) -> None:
        """Every built-in exercise passes the model's checks again and round-trips."""
        catalog = default_catalog()
        for exercise in catalog:
            attrs.validate(exercise)
            assert exercise == attrs.evolve(exercise)
        assert catalog == loads(dumps(catalog), Catalog)

    @pytest.mark.parametrize("condition", CONDITION_RULES)
    def test_enough_left_for_each_condition(self, condition: Condition) -> None:
        """Each condition's rule leaves at least three built-in exercises."""
        rule = CONDITION_RULES[condition]
        allowed = [e.id for e in default_catalog() if not rule.advises_against(e)]
        assert len(allowed) >= 3, allowed

    @pytest.mark.parametrize("time_of_day", TimeOfDay)
    @pytest.mark.parametrize("condition", CONDITION_RULES)
    def test_a_routine_for_each_condition(
        self, condition: Condition, time_of_day: TimeOfDay
    ) -> None:
        """A request with any one condition gets a routine its rule allows."""
        rule = CONDITION_RULES[condition]
        request = PlanRequest(
            time_of_day=time_of_day, targets=(), conditions=[condition]
        )
        routine = plan_routine(request)
        assert not [e.id for e in routine.exercises if rule.advises_against(e)]

    def test_after_surgery_only_the_early_ones(self) -> None:
        """After back surgery, exactly the exercises marked early are allowed."""
        rule = CONDITION_RULES[Condition.RECENT_BACK_SURGERY]
        catalog = default_catalog()
        allowed = {e.id for e in catalog if not rule.advises_against(e)}
        assert {e.id for e in catalog if e.early_after_surgery} == allowed
        assert TILT in allowed
        assert {
            "abdominal-bracing",
            "heel-slides",
            "glute-squeeze",
            "standing-wall-pelvic-tilt",
        } <= allowed

    def test_early_ones_are_small_and_neutral(self) -> None:
        """Early after surgery: no kneeling, twisting, loading or end of range."""
        kneeling = {Position.KNEELING, Position.HALF_KNEELING, Position.QUADRUPED}
        for exercise in default_catalog():
            if exercise.early_after_surgery:
                assert exercise.position not in kneeling, exercise.id
                assert Movement.ROTATION not in exercise.movements, exercise.id
                assert not exercise.loads_spine, exercise.id
                assert not any(p.end_range for p in exercise.phases), exercise.id
                assert any(
                    Condition.RECENT_BACK_SURGERY in c.conditions
                    for c in exercise.cautions
                ), exercise.id


class TestPregnancy:
    rule = CONDITION_RULES[Condition.PREGNANCY]

    def test_double_knee_to_chest_is_left_out(self) -> None:
        """Hugging both knees into the bump is left out, with the caution's reason."""
        exercise = default_catalog()["double-knee-to-chest"]
        left_out = [
            c
            for c in exercise.cautions
            if c.leave_out and Condition.PREGNANCY in c.conditions
        ]
        assert 1 == len(left_out)
        assert left_out[0].advice == self.rule.why_not(exercise)

    def test_nothing_face_down(self) -> None:
        """No exercise lying face down is allowed in pregnancy."""
        for exercise in default_catalog():
            if exercise.position is Position.PRONE:
                assert self.rule.advises_against(exercise), exercise.id

    def test_time_on_the_back_is_kept_short(self) -> None:
        """Each exercise done lying on the back says to keep that spell short."""
        for exercise in default_catalog():
            if exercise.position is Position.SUPINE and not self.rule.advises_against(
                exercise
            ):
                (caution,) = (
                    c for c in exercise.cautions if Condition.PREGNANCY in c.conditions
                )
                assert not caution.leave_out
                assert "3 minutes" in caution.advice, exercise.id

    def test_favourites_are_allowed(self) -> None:
        """Cat-cow, the tilt on all fours, the wall tilt and the clamshell stay."""
        catalog = default_catalog()
        for exercise_id in (
            "cat-cow",
            "quadruped-pelvic-tilt",
            "standing-wall-pelvic-tilt",
            "side-lying-clamshell",
        ):
            assert not self.rule.advises_against(catalog[exercise_id]), exercise_id


# DOMAIN.md, "What a handout holds": plain words for people ("lying on your
# back", "bending forward"); the clinical terms stay in the data (position,
# bias, targets) and in an exercise's clinical name.
JARGON = re.compile(
    r"\b(supine|prone|quadruped|flexion|flexors?|extension|extensors?|lumbar"
    r"|posterior|anterior|piriformis)\b",
    re.IGNORECASE,
)


def person_facing(exercise: Exercise) -> dict[str, str]:
    """Every text of *exercise* a person reads, by where it is; not its clinical name."""
    texts = {
        "name": exercise.name,
        "summary": exercise.summary,
        **{f"instructions[{i}]": text for i, text in enumerate(exercise.instructions)},
        **{f"benefits[{i}]": text for i, text in enumerate(exercise.benefits)},
        **{f"cues[{i}]": text for i, text in enumerate(exercise.cues)},
        **{f"phases[{i}].name": p.name or "" for i, p in enumerate(exercise.phases)},
    }
    for i, caution in enumerate(exercise.cautions):
        texts[f"cautions[{i}].about"] = caution.about
        texts[f"cautions[{i}].advice"] = caution.advice
    return texts


def jargon(exercise: Exercise) -> dict[str, list[str]]:
    """The clinical terms in what a person reads of *exercise*, by where they are."""
    return {
        where: JARGON.findall(text)
        for where, text in person_facing(exercise).items()
        if JARGON.search(text)
    }


class TestPlainWords:
    @pytest.mark.parametrize("exercise_id", default_catalog().ids)
    def test_no_clinical_terms_in_what_a_person_reads(self, exercise_id: str) -> None:
        """Names, steps, reasons, cues and cautions say it in everyday words."""
        assert {} == jargon(default_catalog()[exercise_id])

    def test_the_scan_finds_jargon(self) -> None:
        """The scan catches a clinical term wherever a person would read it."""
        press_up = default_catalog()[PRESS_UP]
        caution = attrs.evolve(press_up.cautions[0], advice="Avoid lumbar extension.")
        worded = attrs.evolve(
            press_up,
            name="Prone press-up",
            cues=("Keep the hip flexors relaxed.",),
            cautions=(caution,),
        )
        assert {
            "name": ["Prone"],
            "cues[0]": ["flexors"],
            "cautions[0].advice": ["lumbar", "extension"],
        } == jargon(worded)

    @pytest.mark.parametrize(
        ("exercise_id", "heading"),
        [
            (TILT, "supine posterior pelvic tilt"),
            (ROTATION, "supine lower trunk rotation"),
            (PRESS_UP, "spine press-up"),
        ],
    )
    def test_the_article_names_are_the_clinical_names(
        self, exercise_id: str, heading: str
    ) -> None:
        """The article's headings are its exercises' clinical names, not their names."""
        exercise = default_catalog()[exercise_id]
        assert exercise.clinical_name is not None
        assert heading in exercise.clinical_name.lower()
        assert heading not in exercise.name.lower()

    @pytest.mark.parametrize("exercise_id", default_catalog().ids)
    def test_a_clinical_name_differs_from_the_name(self, exercise_id: str) -> None:
        """A clinical name is given only where it says something the name does not."""
        exercise = default_catalog()[exercise_id]
        assert exercise.clinical_name is None or (
            exercise.clinical_name.lower() != exercise.name.lower()
        )
