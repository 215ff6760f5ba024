"""Easier and harder versions, and doses in a clinician's numbers.

A first session starts at the low end of each exercise's guidance; each
step of progression lengthens the hold first, then adds repetitions, then
sets, in the round numbers a clinician writes (DOMAIN.md, "Dose").
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from backroutine import (
    Catalog,
    Difficulty,
    Dosage,
    Exercise,
    Frequency,
    InvalidValueError,
    Occasion,
    Position,
    Span,
    TimeOfDay,
    default_catalog,
    testing,
)
from backroutine._model import is_round_hold, is_round_reps


def dose(dosage: Dosage, step: int) -> tuple[int, int, int | None]:
    """(sets, reps, hold) at *step*."""
    sets = dosage.at_step(step)
    hold = sets[0].hold
    return len(sets), sets[0].reps, None if hold is None else hold.seconds


class TestRoundHolds:
    @pytest.mark.parametrize(
        ("low", "high", "expected"),
        [
            (3, 5, (3, 5)),  # "a few seconds"
            (10, 15, (10, 15)),
            (20, 30, (20, 30)),  # no 25: clinicians write 10, 15, 20, 30
            (15, 30, (15, 20, 30)),
            (5, 20, (5, 10, 15, 20)),
            (60, 120, (60, 90, 120)),  # no 65 or 85 seconds
            (21, 23, (21,)),  # no round number: the low end alone
            (12, 30, (15, 20, 30)),  # the first round number in the range
        ],
    )
    def test_the_numbers_a_clinician_writes(
        self, low: int, high: int, expected: tuple[int, ...]
    ) -> None:
        dosage = Dosage(sets=Span(1, 1), reps=Span(2, 3), hold_seconds=Span(low, high))
        assert expected == dosage.round_holds()

    def test_none_for_a_moving_exercise(self) -> None:
        assert () == Dosage(sets=Span(1, 1), reps=Span(5, 10)).round_holds()

    @given(testing.dosages(max_hold_seconds=120))
    def test_within_the_guidance_and_round_when_it_can_be(self, dosage: Dosage) -> None:
        holds = dosage.round_holds()
        span = dosage.hold_seconds
        if span is None:
            assert () == holds
            return
        assert all(seconds in span for seconds in holds)
        assert list(holds) == sorted(set(holds))
        if any(is_round_hold(s) for s in range(span.low, span.high + 1)):
            assert all(is_round_hold(s) for s in holds)
        else:
            assert (span.low,) == holds


class TestRoundReps:
    @pytest.mark.parametrize(
        ("low", "high", "expected"),
        [
            (10, 15, (10, 12, 15)),  # no 14
            (5, 10, (5, 6, 8, 10)),  # no 9
            (2, 3, (2, 3)),
            (7, 11, (7, 8, 10, 11)),  # the guidance's own ends are kept
        ],
    )
    def test_the_numbers_a_clinician_writes(
        self, low: int, high: int, expected: tuple[int, ...]
    ) -> None:
        assert expected == Dosage(sets=Span(1, 1), reps=Span(low, high)).round_reps()


class TestSteps:
    def test_a_first_session_is_the_low_end(self) -> None:
        tilt = default_catalog()["supine-posterior-pelvic-tilt"].dosage
        assert (1, 10, 3) == dose(tilt, 0)

    def test_holds_then_repetitions_then_sets(self) -> None:
        dosage = Dosage(sets=Span(1, 2), reps=Span(10, 15), hold_seconds=Span(10, 20))
        assert [
            (1, 10, 10),
            (1, 10, 15),
            (1, 10, 20),
            (1, 12, 20),
            (1, 15, 20),
            (2, 15, 20),
        ] == [dose(dosage, step) for step in range(dosage.top_step + 1)]
        assert 5 == dosage.top_step

    def test_past_the_top_stays_at_the_top(self) -> None:
        dosage = Dosage(sets=Span(1, 1), reps=Span(2, 3), hold_seconds=Span(30, 30))
        assert dose(dosage, dosage.top_step) == dose(dosage, 1_000)

    def test_a_negative_step_is_refused(self) -> None:
        dosage = Dosage(sets=Span(1, 1), reps=Span(2, 3))
        with pytest.raises(InvalidValueError, match=r"'step' must be at least 0"):
            dosage.at_step(-1)

    @given(testing.dosages(max_sets=4, max_reps=30, max_hold_seconds=90), st.data())
    def test_every_step_is_within_guidance_and_never_less(
        self, dosage: Dosage, data: st.DataObject
    ) -> None:
        step = data.draw(st.integers(0, dosage.top_step + 2))
        sets, reps, hold = dose(dosage, step)
        before = dose(dosage, max(step - 1, 0))
        assert sets in dosage.sets
        assert reps in dosage.round_reps()
        if hold is not None:
            assert hold in dosage.round_holds()
        # Nothing goes down from one step to the next, and one thing goes up.
        changed = [
            later != earlier
            for earlier, later in zip(before, (sets, reps, hold), strict=True)
        ]
        assert sum(changed) <= 1
        assert all(
            later is None or earlier is None or later >= earlier
            for earlier, later in zip(before, (sets, reps, hold), strict=True)
        )
        assert is_round_reps(reps) or reps in (dosage.reps.low, dosage.reps.high)


def exercise(exercise_id: str, *harder: str) -> Exercise:
    return attrs.evolve(
        default_catalog()["supine-posterior-pelvic-tilt"], id=exercise_id, harder=harder
    )


class TestVersions:
    def test_nearest_first_each_once(self) -> None:
        catalog = Catalog(
            [
                exercise("a", "b", "c"),
                exercise("b", "d"),
                exercise("c", "d"),
                exercise("d"),
            ]
        )
        assert ["b", "c", "d"] == [e.id for e in catalog.harder_than("a")]
        assert ["b", "c", "a"] == [e.id for e in catalog.easier_than("d")]
        assert () == catalog.harder_than("d")

    def test_an_unknown_id_is_refused(self) -> None:
        with pytest.raises(
            InvalidValueError,
            match=r"'exercises\[0\]\.harder\[1\]' must be the id of an exercise "
            r"in the catalog \(got 'sphnix'\)",
        ):
            Catalog([exercise("a", "b", "sphnix"), exercise("b")])

    def test_a_cycle_is_refused(self) -> None:
        with pytest.raises(
            InvalidValueError, match=r"must not lead back .* \(got a -> b -> c -> a\)"
        ):
            Catalog([exercise("a", "b"), exercise("b", "c"), exercise("c", "a")])

    def test_an_exercise_is_not_its_own_harder_version(self) -> None:
        with pytest.raises(
            InvalidValueError, match=r"'harder' must not name the exercise"
        ):
            exercise("a", "a")

    def test_asking_about_an_unknown_id(self) -> None:
        with pytest.raises(LookupError, match="sphnix"):
            default_catalog().harder_than("sphnix")

    def test_a_selection_keeps_the_links_within_it(self) -> None:
        lying = attrs.evolve(exercise("b"), position=Position.PRONE)
        catalog = Catalog([exercise("a", "b", "c"), lying, exercise("c")])
        selected = catalog.select(position=Position.SUPINE)
        assert ("a", "c") == selected.ids
        assert ("c",) == selected["a"].harder
        assert ("b", "c") == catalog["a"].harder

    @given(testing.catalogs(max_size=6))
    def test_generated_catalogs_link_without_cycles(self, catalog: Catalog) -> None:
        for found in catalog:
            harder = {e.id for e in catalog.harder_than(found.id)}
            easier = {e.id for e in catalog.easier_than(found.id)}
            assert found.id not in harder | easier
            assert not harder & easier


class TestFrequency:
    def test_daily(self) -> None:
        assert Frequency(
            times_a_day=Span(2, 2), days_a_week=Span(7, 7)
        ) == Frequency.daily(2)

    def test_at_most_seven_days_a_week(self) -> None:
        with pytest.raises(InvalidValueError, match=r"days_a_week"):
            Frequency(times_a_day=Span(1, 1), days_a_week=Span(7, 8))


def test_best_times_are_among_the_times_it_suits() -> None:
    tilt = default_catalog()["supine-posterior-pelvic-tilt"]
    with pytest.raises(InvalidValueError, match=r"'best_times' must be among the"):
        attrs.evolve(tilt, times=(TimeOfDay.MORNING,), best_times=(TimeOfDay.BEDTIME,))


def ids(found: tuple[Exercise, ...]) -> list[str]:
    """The ids of *found*, in order."""
    return [exercise.id for exercise in found]


class TestBuiltInVersions:
    """The built-in catalog's chains, warm-ups and frequencies, as DOMAIN.md gives them.

    "Progressions and regressions" and "Ordering within a routine": prone
    lying, then prone on elbows, then press-ups; lying, then seated flexion;
    pelvic tilt lying, then against a wall; bird dog one limb at a time
    before arm and leg together; single before double knee-to-chest;
    cat-cow warms the back before bird dog.
    """

    def test_lying_face_down_then_the_sphinx_then_the_press_up(self) -> None:
        """Lying face down leads to the sphinx, and the sphinx to the press-up."""
        catalog = default_catalog()
        assert ["prone-on-elbows", "spine-press-up"] == ids(
            catalog.harder_than("prone-lying")
        )
        assert ["prone-on-elbows", "prone-lying"] == ids(
            catalog.easier_than("spine-press-up")
        )

    def test_one_knee_before_both_then_sitting(self) -> None:
        """One knee to the chest, then both, then the forward bend on a chair."""
        catalog = default_catalog()
        assert ["double-knee-to-chest", "seated-forward-flexion"] == ids(
            catalog.harder_than("single-knee-to-chest")
        )
        assert ["single-knee-to-chest"] == ids(
            catalog.easier_than("double-knee-to-chest")
        )

    def test_one_limb_before_arm_and_leg_together(self) -> None:
        """The bird dog's easier version moves one arm or one leg at a time."""
        catalog = default_catalog()
        assert ["bird-dog-one-limb"] == ids(catalog.easier_than("bird-dog"))
        assert ["bird-dog"] == ids(catalog.harder_than("bird-dog-one-limb"))

    def test_the_tilt_lying_then_against_a_wall(self) -> None:
        """The pelvic tilt lying on the back leads to the tilt against a wall."""
        catalog = default_catalog()
        assert ["standing-wall-pelvic-tilt"] == ids(
            catalog.harder_than("supine-posterior-pelvic-tilt")
        )

    def test_each_link_is_the_same_movement(self) -> None:
        """A harder version moves the spine the same way, never a new way."""
        catalog = default_catalog()
        for easier in catalog:
            for harder_id in easier.harder:
                harder = catalog[harder_id]
                assert harder.movements == easier.movements, (easier.id, harder_id)
                assert harder.difficulty.level >= easier.difficulty.level

    def test_the_new_versions_are_gentle(self) -> None:
        """Lying face down and one limb at a time suit beginners, dosed as DOMAIN says."""
        catalog = default_catalog()
        one_limb, bird_dog = catalog["bird-dog-one-limb"], catalog["bird-dog"]
        assert Difficulty.BEGINNER is one_limb.difficulty
        assert bird_dog.dosage == one_limb.dosage
        assert one_limb.loads_spine
        assert Difficulty.BEGINNER is catalog["prone-lying"].difficulty

    def test_cat_cow_warms_up(self) -> None:
        """Cat-cow is the only built-in warm-up."""
        assert ["cat-cow"] == [e.id for e in default_catalog() if e.warm_up]


class TestBuiltInWhenAndHowOften:
    """The founding article's three: when they suit, and how often."""

    @pytest.mark.parametrize(
        "exercise_id",
        [
            "supine-posterior-pelvic-tilt",
            "supine-lower-trunk-rotation",
            "spine-press-up",
        ],
    )
    def test_the_article_says_daily(self, exercise_id: str) -> None:
        """Each of the article's exercises is done once a day, every day."""
        assert Frequency.daily() == default_catalog()[exercise_id].frequency

    def test_only_the_article_says_how_often(self) -> None:
        """The other sources give no frequency of their own for an exercise."""
        assert {
            "supine-posterior-pelvic-tilt",
            "supine-lower-trunk-rotation",
            "spine-press-up",
        } == {e.id for e in default_catalog() if e.frequency is not None}

    def test_the_rotation_suits_any_time_and_bedtime_best(self) -> None:
        """The lower trunk rotation suits every time of day, before bed most of all."""
        rotation = default_catalog()["supine-lower-trunk-rotation"]
        assert set(TimeOfDay) == set(rotation.times)
        assert (TimeOfDay.BEDTIME,) == rotation.best_times
        assert Occasion.AFTER_ACTIVITY in rotation.occasions
