import enum
import re

import pytest

from backroutine import (
    Bias,
    BodyArea,
    Difficulty,
    Equipment,
    Laterality,
    Occasion,
    Position,
    TimeOfDay,
)

ENUMS: tuple[type[enum.Enum], ...] = (
    TimeOfDay,
    Occasion,
    BodyArea,
    Position,
    Laterality,
    Bias,
    Equipment,
    Difficulty,
)


class TestValues:
    @pytest.mark.parametrize("enum_type", ENUMS)
    def test_values_are_lower_snake_names(self, enum_type: type[enum.Enum]) -> None:
        """Every value is the member's name in lower case: the JSON format."""
        for member in enum_type:
            assert member.name.lower() == member.value
            assert re.fullmatch(r"[a-z]+(_[a-z]+)*", member.value)

    def test_design_members(self) -> None:
        """The members the design promises exist with their values."""
        assert {"morning", "midday", "evening", "bedtime"} <= {
            m.value for m in TimeOfDay
        }
        assert {"after_sitting", "after_activity"} <= {m.value for m in Occasion}
        assert {
            "lower_back",
            "lumbar_spine",
            "abdominals",
            "core",
            "hips",
            "hip_flexors",
            "glutes",
            "hamstrings",
            "obliques",
        } <= {m.value for m in BodyArea}
        assert {
            "supine",
            "prone",
            "side_lying",
            "quadruped",
            "kneeling",
            "half_kneeling",
            "seated",
            "standing",
        } <= {m.value for m in Position}
        assert {"bilateral", "alternating", "each_side", "left", "right"} <= {
            m.value for m in Laterality
        }
        assert {"flexion", "extension", "rotation", "neutral", "mixed"} <= {
            m.value for m in Bias
        }
        assert {"mat", "pillow", "towel", "chair", "wall"} <= {
            m.value for m in Equipment
        }
        assert {"beginner", "intermediate", "advanced"} <= {m.value for m in Difficulty}


class TestBodyArea:
    @pytest.mark.parametrize(
        ("whole", "part"),
        [
            (BodyArea.LOWER_BACK, BodyArea.LUMBAR_SPINE),
            (BodyArea.CORE, BodyArea.ABDOMINALS),
            (BodyArea.CORE, BodyArea.OBLIQUES),
            (BodyArea.HIPS, BodyArea.HIP_FLEXORS),
            (BodyArea.HIPS, BodyArea.GLUTES),
        ],
    )
    def test_parts(self, whole: BodyArea, part: BodyArea) -> None:
        """A part belongs to its whole, and not the other way round."""
        assert whole.covers(part)
        assert not part.covers(whole)
        assert whole is part.parent
        assert part in whole.parts

    @pytest.mark.parametrize("area", list(BodyArea))
    def test_covers_itself(self, area: BodyArea) -> None:
        """Every area covers itself."""
        assert area.covers(area)

    def test_unrelated_areas(self) -> None:
        """Areas in different families do not cover each other."""
        assert not BodyArea.LOWER_BACK.covers(BodyArea.GLUTES)
        assert not BodyArea.HAMSTRINGS.covers(BodyArea.HIPS)
        assert not BodyArea.CORE.covers(BodyArea.HIP_FLEXORS)

    def test_top_level_areas(self) -> None:
        """Areas without a parent are the wholes and the hamstrings."""
        top = {area for area in BodyArea if area.parent is None}
        assert {
            BodyArea.LOWER_BACK,
            BodyArea.CORE,
            BodyArea.HIPS,
            BodyArea.HAMSTRINGS,
        } == top

    def test_parts_of_a_part(self) -> None:
        """A part has no parts of its own."""
        assert () == BodyArea.GLUTES.parts


class TestLateralityAndDifficulty:
    def test_sides(self) -> None:
        """Per-side work counts two sides; everything else one."""
        assert {
            Laterality.BILATERAL: 1,
            Laterality.ALTERNATING: 2,
            Laterality.EACH_SIDE: 2,
            Laterality.LEFT: 1,
            Laterality.RIGHT: 1,
        } == {side: side.sides for side in Laterality}

    def test_levels_are_ordered(self) -> None:
        """Difficulty levels rise from beginner to advanced."""
        assert [1, 2, 3] == [d.level for d in Difficulty]


class TestCoversAny:
    def test_agrees_with_covers(self) -> None:
        """covers_any is covers for any of several areas, for every pair."""
        for area in BodyArea:
            for other in BodyArea:
                for third in BodyArea:
                    expected = area.covers(other) or area.covers(third)
                    assert expected == area.covers_any([other, third])
            assert not area.covers_any([])
