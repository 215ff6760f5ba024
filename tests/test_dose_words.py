from typing import Any

import attrs
import pytest

from backroutine import Dosage, ExerciseSet, Hold, Laterality, Span
from backroutine._dose_words import HANDOUT, dose_fields, dose_text
from tests.helpers import alternating

BASE = Dosage(sets=Span.exactly(1), reps=Span(8, 10), hold_seconds=Span(10, 15))


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


class TestStepDose:
    def test_alike_sets(self) -> None:
        """Alike sets read as one dose, with the rest between them."""
        sets = (
            ExerciseSet(reps=10, hold=Hold(5), rest_after_seconds=30),
            ExerciseSet(reps=10, hold=Hold(5)),
        )
        expected = "2 sets of 10 reps, hold 5 seconds, rest 30 seconds between sets"
        assert [("Dose", expected)] == dose_fields(sets)

    def test_per_side(self) -> None:
        """Per-side reps count on each side."""
        expected = "1 set of 8 reps each side, alternating, hold 10 seconds"
        assert [("Dose", expected)] == dose_fields((alternating(8, 10),))

    def test_rest_after_the_last_set(self) -> None:
        """A rest after the last set is said, after the sets."""
        sets = (ExerciseSet(reps=3, rest_after_seconds=1),) * 2
        expected = "2 sets of 3 reps, rest 1 second between sets, then rest 1 second"
        assert [("Dose", expected)] == dose_fields(sets)

    def test_sets_that_differ(self) -> None:
        """Sets that differ in reps, hold, sides or rest get a line each."""
        sets = (
            ExerciseSet(reps=3, rest_after_seconds=10),
            ExerciseSet(reps=3, rest_after_seconds=20),
            ExerciseSet(reps=3, laterality=Laterality.LEFT),
        )
        assert [
            ("Set 1", "3 reps, then rest 10 seconds"),
            ("Set 2", "3 reps, then rest 20 seconds"),
            ("Set 3", "3 reps, left side only"),
        ] == dose_fields(sets)


class TestHandoutDose:
    def test_issue_example(self) -> None:
        """A handout words alike sets as "2 sets of 10, hold 5 seconds, each side"."""
        each_side = ExerciseSet(reps=10, hold=Hold(5), laterality=Laterality.EACH_SIDE)
        expected = "2 sets of 10, hold 5 seconds, each side"
        assert [("Dose", expected)] == dose_fields((each_side,) * 2, HANDOUT)

    def test_alternating(self) -> None:
        """Alternating sides come last, after the hold."""
        expected = "1 set of 8, hold 10 seconds, each side, alternating"
        assert [("Dose", expected)] == dose_fields((alternating(8, 10),), HANDOUT)

    def test_one_side_and_rest(self) -> None:
        """One side is named after the hold, then the rest between sets."""
        left = ExerciseSet(reps=6, laterality=Laterality.LEFT, rest_after_seconds=20)
        expected = (
            "3 sets of 6, left side only, rest 20 seconds between sets, "
            "then rest 20 seconds"
        )
        assert [("Dose", expected)] == dose_fields((left,) * 3, HANDOUT)

    def test_single_rep(self) -> None:
        """A single rep keeps its unit: "1 set of 1 rep", not "1 set of 1"."""
        once = ExerciseSet(reps=1, hold=Hold(30))
        expected = "1 set of 1 rep, hold 30 seconds"
        assert [("Dose", expected)] == dose_fields((once,), HANDOUT)

    def test_sets_that_differ(self) -> None:
        """Sets that differ get a line each, with their reps counted in words."""
        sets = (
            ExerciseSet(reps=10, hold=Hold(5), rest_after_seconds=30),
            ExerciseSet(reps=8, hold=Hold(3), laterality=Laterality.EACH_SIDE),
        )
        assert [
            ("Set 1", "10 reps, hold 5 seconds, then rest 30 seconds"),
            ("Set 2", "8 reps, hold 3 seconds, each side"),
        ] == dose_fields(sets, HANDOUT)
