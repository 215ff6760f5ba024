import re
from typing import Any

import attrs
import pytest
from hypothesis import given

from backroutine import Dosage, ExerciseSet, Frequency, Hold, Laterality, Span
from backroutine._dose_words import (
    DEFAULT_FREQUENCY,
    dose_fields,
    dose_text,
    frequency_text,
)
from backroutine.testing import dosages, exercise_sets
from tests.helpers import alternating

BASE = Dosage(sets=Span.exactly(1), reps=Span(8, 10), hold_seconds=Span(10, 15))


def dosage(**changes: Any) -> Dosage:
    return attrs.evolve(BASE, **changes)


# Every number in a dose is followed by its unit: "2 sets", "10 reps", "8 to
# 10 slow reps", "hold 20 seconds", "rest 30 seconds".
_UNIT = re.compile(r"\b(\d+)( to \d+)? (?:slow )?(?:sets?|reps?|seconds?)\b")


def has_every_unit(text: str) -> bool:
    """Whether every number in *text* is followed by its unit."""
    numbers = re.findall(r"\d+", text)
    counted = sum(1 + bool(match.group(2)) for match in _UNIT.finditer(text))
    return len(numbers) == counted


class TestDoseText:
    def test_bilateral(self) -> None:
        """One set is its reps alone, each number with its unit."""
        assert "10 to 15 reps, hold 3 to 5 seconds" == dose_text(
            dosage(reps=Span(10, 15), hold_seconds=Span(3, 5))
        )

    def test_alternating(self) -> None:
        """Alternating reps count per side, and switch sides each time."""
        assert (
            "8 to 10 reps each side, hold 10 to 15 seconds, switching sides each time"
            == dose_text(dosage(laterality=Laterality.ALTERNATING))
        )

    def test_each_side(self) -> None:
        """Reps on each side in turn count per side, one side at a time."""
        assert (
            "8 to 10 reps each side, hold 10 to 15 seconds, one side at a time"
            == dose_text(dosage(laterality=Laterality.EACH_SIDE))
        )

    @pytest.mark.parametrize("side", [Laterality.LEFT, Laterality.RIGHT])
    def test_one_side(self, side: Laterality) -> None:
        """A set on one side only names the side."""
        assert (
            f"8 to 10 reps on the {side.value} side only, hold 10 to 15 seconds"
            == dose_text(dosage(laterality=side))
        )

    def test_moving(self) -> None:
        """A moving exercise has slow reps and no hold."""
        assert "2 to 3 sets of 12 slow reps" == dose_text(
            dosage(sets=Span(2, 3), reps=Span.exactly(12), hold_seconds=None)
        )

    def test_singular(self) -> None:
        """Exactly one of a thing is singular."""
        assert "1 rep, hold 1 second" == dose_text(
            dosage(reps=Span.exactly(1), hold_seconds=Span.exactly(1))
        )

    def test_rest_between_sets(self) -> None:
        """Rest is given between sets, and only where there is more than one."""
        assert "3 sets of 8 to 10 slow reps, rest 30 seconds between sets" == (
            dose_text(dosage(sets=Span.exactly(3), hold_seconds=None, rest_seconds=30))
        )
        assert "8 to 10 slow reps" == dose_text(
            dosage(hold_seconds=None, rest_seconds=30)
        )

    @given(dosages())
    def test_every_number_has_its_unit(self, guidance: Dosage) -> None:
        """Whatever the guidance, every number in its words has a unit."""
        assert has_every_unit(dose_text(guidance)), dose_text(guidance)


class TestStepDose:
    @pytest.mark.parametrize(
        ("sets", "expected"),
        [
            pytest.param(
                [ExerciseSet(reps=2, hold=Hold(20))],
                "2 reps, hold 20 seconds",
                id="one set held",
            ),
            pytest.param(
                [alternating(8, 10)],
                "8 reps each side, hold 10 seconds, switching sides each time",
                id="alternating",
            ),
            pytest.param(
                [ExerciseSet(reps=10)],
                "10 slow reps",
                id="one set moving",
            ),
            pytest.param(
                [ExerciseSet(reps=10, hold=Hold(5))] * 2,
                "2 sets of 10 reps, hold 5 seconds",
                id="two sets",
            ),
            pytest.param(
                [ExerciseSet(reps=6, laterality=Laterality.ALTERNATING)],
                "6 slow reps each side, switching sides each time",
                id="moving each side",
            ),
            pytest.param(
                [ExerciseSet(reps=2, hold=Hold(20), laterality=Laterality.EACH_SIDE)],
                "2 reps each side, hold 20 seconds, one side at a time",
                id="each side",
            ),
        ],
    )
    def test_the_issue_examples(self, sets: list[ExerciseSet], expected: str) -> None:
        """Each number with its unit; one set is just its reps."""
        assert [("How much", expected)] == dose_fields(tuple(sets))

    def test_alike_sets(self) -> None:
        """Alike sets read as one dose, with the rest between them."""
        sets = (
            ExerciseSet(reps=10, hold=Hold(5), rest_after_seconds=30),
            ExerciseSet(reps=10, hold=Hold(5)),
        )
        expected = "2 sets of 10 reps, hold 5 seconds, rest 30 seconds between sets"
        assert [("How much", expected)] == dose_fields(sets)

    def test_rest_after_the_last_set(self) -> None:
        """A rest after the last set is said, after the sets."""
        sets = (ExerciseSet(reps=3, rest_after_seconds=1),) * 2
        expected = (
            "2 sets of 3 slow reps, rest 1 second between sets, then rest 1 second"
        )
        assert [("How much", expected)] == dose_fields(sets)

    def test_single_rep(self) -> None:
        """A single rep keeps its unit: "1 rep", never a bare "1"."""
        once = ExerciseSet(reps=1, hold=Hold(30))
        assert [("How much", "1 rep, hold 30 seconds")] == dose_fields((once,))

    def test_sets_that_differ(self) -> None:
        """Sets that differ in reps, hold, sides or rest get a line each."""
        sets = (
            ExerciseSet(reps=10, hold=Hold(5), rest_after_seconds=30),
            ExerciseSet(reps=3, rest_after_seconds=20),
            ExerciseSet(reps=8, hold=Hold(3), laterality=Laterality.LEFT),
        )
        assert [
            ("Set 1", "10 reps, hold 5 seconds, then rest 30 seconds"),
            ("Set 2", "3 slow reps, then rest 20 seconds"),
            ("Set 3", "8 reps on the left side only, hold 3 seconds"),
        ] == dose_fields(sets)

    @given(exercise_sets(), exercise_sets())
    def test_every_number_has_its_unit(
        self, first: ExerciseSet, second: ExerciseSet
    ) -> None:
        """Whatever the sets, every dose line gives every number its unit."""
        for sets in [(first,), (first, second), (first, first)]:
            for label, text in dose_fields(sets):
                assert label == "How much" or re.fullmatch(r"Set \d+", label)
                assert has_every_unit(text), text


class TestFrequencyText:
    @pytest.mark.parametrize(
        ("frequency", "expected"),
        [
            (Frequency.daily(), "once a day, every day"),
            (Frequency.daily(2), "twice a day, every day"),
            (Frequency.daily(3), "3 times a day, every day"),
            (
                Frequency(times_a_day=Span(1, 2), days_a_week=Span(2, 3)),
                "once or twice a day, 2 to 3 days a week",
            ),
            (
                Frequency(times_a_day=Span(2, 4), days_a_week=Span.exactly(1)),
                "2 to 4 times a day, 1 day a week",
            ),
            (
                Frequency(times_a_day=Span.exactly(1), days_a_week=Span(1, 7)),
                "once a day, every day if you can, and at least 1 day a week",
            ),
        ],
    )
    def test_words(self, frequency: Frequency, expected: str) -> None:
        """How often, in words: times a day, then days a week."""
        assert expected == frequency_text(frequency)

    def test_default(self) -> None:
        """Where no exercise says, once a day: daily is best, 3 days at least."""
        assert (
            "once a day, every day if you can, and at least 3 days a week"
            == frequency_text(DEFAULT_FREQUENCY)
        )
