from typing import Any

import attrs
import pytest
from hypothesis import given

from backroutine import (
    Catalog,
    Dosage,
    Exercise,
    Laterality,
    Span,
    default_catalog,
)
from backroutine._render import WIDTH, dose_text, exercise_list_text, exercise_text
from backroutine.testing import catalogs, exercises

BASE = Dosage(sets=Span.exactly(1), reps=Span(8, 10), hold_seconds=Span(10, 15))

PRESS_UP_TEXT = """\
Spine press-up
==============
id: spine-press-up

Lying face down, you press your upper body up on your hands while your hips stay
on the floor, gently bending the lower back backwards to undo the forward-bent
posture of long sitting.

Position:    prone (lying face down)
Targets:     lumbar spine, hip flexors, abdominals
Bias:        extension (bending backwards)
Time of day: midday
Occasions:   after sitting
Dose:        1 set of 8 to 10 reps, hold 3 to 5 seconds
Equipment:   none
Difficulty:  beginner

Steps
  1. Lie face down with your palms on the floor beneath your shoulders.
  2. Press your upper body up slowly, keeping your hips and pelvis on the floor.
  3. Hold for a few seconds with your lower back relaxed.
  4. Lower yourself slowly back down.

Why it helps
  - Counters the forward-bent posture of sitting.
  - Relieves compression in the lower back through gentle extension of the
    spine.
  - Makes the spine more flexible.
  - Can ease pressure on the discs and nerves of the lower back.

Cues
  - Let your arms do the work while your back and buttocks stay relaxed.
  - Press up only as far as is comfortable; a partial press-up is fine.

Cautions
  - Bending backwards may not suit people with spinal stenosis; ask a
    professional first.
  - Stop if pain spreads into your buttock or down your leg.
"""


def dosage(**changes: Any) -> Dosage:
    return attrs.evolve(BASE, **changes)


class TestDoseText:
    def test_bilateral(self) -> None:
        """Reps on both sides at once read as a plain count."""
        assert "1 set of 10 to 15 reps, hold 3 to 5 seconds" == dose_text(
            dosage(reps=Span(10, 15), hold_seconds=Span(3, 5))
        )

    def test_alternating(self) -> None:
        """Alternating reps count per side and say that they alternate."""
        assert (
            "1 set of 8 to 10 reps each side, alternating, hold 10 to 15 seconds"
            == dose_text(dosage(laterality=Laterality.ALTERNATING))
        )

    def test_each_side(self) -> None:
        """Reps on each side in turn count per side, one side at a time."""
        assert (
            "1 set of 8 to 10 reps each side, one side at a time, "
            "hold 10 to 15 seconds"
            == dose_text(dosage(laterality=Laterality.EACH_SIDE))
        )

    @pytest.mark.parametrize("side", [Laterality.LEFT, Laterality.RIGHT])
    def test_one_side(self, side: Laterality) -> None:
        """A set on one side only names the side."""
        assert (
            f"1 set of 8 to 10 reps, {side.value} side only, hold 10 to 15 seconds"
            == dose_text(dosage(laterality=side))
        )

    def test_moving(self) -> None:
        """A moving exercise has no hold."""
        assert "2 to 3 sets of 12 reps" == dose_text(
            dosage(sets=Span(2, 3), reps=Span.exactly(12), hold_seconds=None)
        )

    def test_singular(self) -> None:
        """Exactly one of a thing is singular."""
        assert "1 set of 1 rep, hold 1 second" == dose_text(
            dosage(reps=Span.exactly(1), hold_seconds=Span.exactly(1))
        )

    def test_rest_between_sets(self) -> None:
        """Rest is given between sets, and only where there is more than one."""
        assert "3 sets of 8 to 10 reps, rest 30 seconds between sets" == dose_text(
            dosage(sets=Span.exactly(3), hold_seconds=None, rest_seconds=30)
        )
        assert "1 set of 8 to 10 reps" == dose_text(
            dosage(hold_seconds=None, rest_seconds=30)
        )


class TestExerciseText:
    @given(exercises())
    def test_deterministic(self, exercise: Exercise) -> None:
        """The same exercise always renders to the same text."""
        assert exercise_text(exercise) == exercise_text(exercise)

    @given(exercises())
    def test_fits_the_width(self, exercise: Exercise) -> None:
        """No line is wider than 80 characters, whatever the exercise."""
        lines = exercise_text(exercise).splitlines()
        assert [] == [line for line in lines if len(line) > WIDTH]

    def test_press_up(self) -> None:
        """The spine press-up renders exactly as a person reads it."""
        actual = exercise_text(default_catalog()["spine-press-up"])
        assert PRESS_UP_TEXT == actual


class TestExerciseListText:
    @given(catalogs())
    def test_fits_the_width_and_names_every_id(self, catalog: Catalog) -> None:
        """Every id is listed and no line is wider than 80 characters."""
        text = exercise_list_text(catalog)
        assert [] == [line for line in text.splitlines() if len(line) > WIDTH]
        for exercise in catalog:
            assert exercise.id in text

    def test_empty(self) -> None:
        """An empty catalog says so."""
        assert "No exercises.\n" == exercise_list_text(Catalog())
