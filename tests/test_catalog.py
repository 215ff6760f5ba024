import pytest
from hypothesis import given

from backroutine import (
    Bias,
    BodyArea,
    Catalog,
    Condition,
    Difficulty,
    Equipment,
    Exercise,
    Laterality,
    Occasion,
    Position,
    Span,
    TimeOfDay,
    UnknownExerciseError,
    default_catalog,
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
        """A selection is an ordered subset of the catalog."""
        selected = catalog.select(position=probe.position, bias=probe.bias)
        assert [e for e in catalog if e in selected] == list(selected)
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

    def test_lower_trunk_rotation(self) -> None:
        """The lower trunk rotation carries the article's facts."""
        rotation = default_catalog()[ROTATION]
        assert Position.SUPINE is rotation.position
        assert Bias.ROTATION is rotation.bias
        assert {BodyArea.LOWER_BACK, BodyArea.HIPS, BodyArea.CORE} == set(
            rotation.targets
        )
        assert TimeOfDay.BEDTIME in rotation.times
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
        assert "sitting" in benefits
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


# DOMAIN.md's table "More gentle exercises in common use": position and bias.
COMMON = {
    "single-knee-to-chest": (Position.SUPINE, Bias.FLEXION),
    "double-knee-to-chest": (Position.SUPINE, Bias.FLEXION),
    "cat-cow": (Position.QUADRUPED, Bias.MIXED),
    "childs-pose": (Position.KNEELING, Bias.FLEXION),
    "glute-bridge": (Position.SUPINE, Bias.NEUTRAL),
    "bird-dog": (Position.QUADRUPED, Bias.NEUTRAL),
    "dead-bug": (Position.SUPINE, Bias.NEUTRAL),
    "figure-four-stretch": (Position.SUPINE, Bias.NEUTRAL),
    "supine-hamstring-stretch": (Position.SUPINE, Bias.NEUTRAL),
    "prone-on-elbows": (Position.PRONE, Bias.EXTENSION),
    "standing-back-extension": (Position.STANDING, Bias.EXTENSION),
    "seated-forward-flexion": (Position.SEATED, Bias.FLEXION),
    "half-kneeling-hip-flexor-stretch": (Position.HALF_KNEELING, Bias.NEUTRAL),
}


class TestRicherCatalog:
    def test_size(self) -> None:
        """The built-in catalog holds the article's three and the table's thirteen."""
        assert len(default_catalog()) >= 15
        assert set(COMMON) <= set(default_catalog().ids)

    @pytest.mark.parametrize(("exercise_id", "expected"), COMMON.items())
    def test_position_and_bias(
        self, exercise_id: str, expected: tuple[Position, Bias]
    ) -> None:
        """Each common exercise has the position and bias the table gives it."""
        exercise = default_catalog()[exercise_id]
        assert expected == (exercise.position, exercise.bias)
        assert exercise.times or exercise.occasions
        assert exercise.cautions
        assert len(exercise.instructions) >= 3

    def test_towel_for_the_hamstring_stretch(self) -> None:
        """The hamstring stretch needs the towel it is done with."""
        assert (Equipment.TOWEL,) == default_catalog()[
            "supine-hamstring-stretch"
        ].equipment
