"""free-exercise-db read into a catalog: doses from prose, the report, safety."""

from __future__ import annotations

import json
import pathlib

import attrs
import pytest

from backroutine import (
    Catalog,
    Condition,
    Dosage,
    Equipment,
    Laterality,
    PlanningError,
    PlanRequest,
    Position,
    Span,
    TimeOfDay,
    default_catalog,
    dumps,
    loads,
    plan_routine,
)
from backroutine.free_exercise_db import (
    DEFAULT_POSITION,
    DEFAULT_STRETCH_DOSAGE,
    NOT_CHECKED,
    Imported,
    import_catalog,
    read_dosage,
    read_position,
    slugify,
)

ROOT = pathlib.Path(__file__).parents[1]
# The whole data set, as released (see its README.md): a clean clone, as CI
# runs, imports every exercise.
DATA = ROOT / "tests" / "data" / "free-exercise-db" / "exercises.json"


@pytest.fixture(scope="module")
def data_set() -> Imported:
    """The whole data set, imported once for the module."""
    return import_catalog(DATA)


def _hold(low: int, high: int, laterality: Laterality = Laterality.BILATERAL) -> Dosage:
    return Dosage(
        sets=Span.exactly(1),
        reps=Span.exactly(1),
        hold_seconds=Span(low, high),
        laterality=laterality,
    )


def _reps(low: int, high: int, laterality: Laterality = Laterality.BILATERAL) -> Dosage:
    return Dosage(sets=Span.exactly(1), reps=Span(low, high), laterality=laterality)


class TestDosePhrases:
    @pytest.mark.parametrize(
        ("prose", "expected"),
        [
            ("Hold for 10 to 20 seconds.", _hold(10, 20)),
            ("Hold for 30 seconds.", _hold(30, 30)),
            (
                "Hold for 10-20 seconds and then switch sides.",
                _hold(10, 20, Laterality.EACH_SIDE),
            ),
            (
                "Hold for 10 seconds, and repeat for your other side.",
                _hold(10, 10, Laterality.EACH_SIDE),
            ),
            (
                "Hold for 20-30 seconds, and repeat on the other side.",
                _hold(20, 30, Laterality.EACH_SIDE),
            ),
            ("Hold the stretch for 1 minute.", _hold(60, 60)),
            ("Squeeze for 10 or more seconds.", _hold(10, 10)),
            ("During the 20 second hold, breathe normally.", _hold(20, 20)),
            ("Do 10 repetitions.", _reps(10, 10)),
            ("Repeat for 10-15 reps.", _reps(10, 15)),
            (
                "Repeat 5-10 times, and then switch legs.",
                _reps(5, 10, Laterality.EACH_SIDE),
            ),
            (
                "Continue alternating for 10-20 repetitions.",
                _reps(10, 20, Laterality.ALTERNATING),
            ),
            (
                "Do 2-3 sets of 8 reps.",
                Dosage(sets=Span(2, 3), reps=Span.exactly(8)),
            ),
            ("Relax and breathe.", None),
            ("Repeat for the recommended amount of repetitions.", None),
        ],
    )
    def test_phrase(self, prose: str, expected: Dosage | None) -> None:
        """Each phrase reads as a worked example says."""
        assert expected == read_dosage([prose])

    def test_out_of_range(self) -> None:
        """A hold longer than a dosage allows is refused, not cut short."""
        with pytest.raises(ValueError, match="hold_seconds"):
            read_dosage(["Run for 30 minutes."])


class TestFields:
    @pytest.mark.parametrize(
        ("prose", "expected"),
        [
            ("Lie on your back with your knees bent.", Position.SUPINE),
            ("Lie face down on the floor.", Position.PRONE),
            ("Start off on your hands and knees.", Position.QUADRUPED),
            ("Kneel on one knee.", Position.HALF_KNEELING),
            ("Sit on the floor with your legs straight.", Position.SEATED),
            ("Stand with your feet apart.", Position.STANDING),
            ("Roll over the foam.", None),
        ],
    )
    def test_position(self, prose: str, expected: Position | None) -> None:
        """The first position the prose names is the exercise's."""
        assert expected == read_position([prose])

    def test_slug(self) -> None:
        """Ids are the data set's, as slugs."""
        assert ["3-4-sit-up", "lower-back-smr"] == [
            slugify("3_4_Sit-Up"),
            slugify("Lower_Back-SMR"),
        ]

    def test_defaults(self, data_set: Imported) -> None:
        """What the data set does not say gets the documented defaults."""
        for exercise in data_set.catalog:
            assert tuple(TimeOfDay) == exercise.times
            assert () == exercise.occasions
            assert (NOT_CHECKED,) == exercise.cautions
            assert not exercise.early_after_surgery

    def test_worked_example(self, data_set: Imported) -> None:
        """A stretch reads with its position, targets, level and dose."""
        exercise = data_set.catalog["ankle-on-the-knee"]
        assert Position.SUPINE == exercise.position
        assert "Ankle On The Knee" == exercise.name
        assert _hold(10, 20, Laterality.EACH_SIDE) == exercise.dosage
        assert () == exercise.equipment

    def test_default_dose(self, data_set: Imported) -> None:
        """A stretch with no dose in its prose gets the default, and is reported.

        Its prose still says to do the other leg: the default, each side.
        """
        exercise = data_set.catalog["chair-leg-extended-stretch"]
        assert (
            attrs.evolve(DEFAULT_STRETCH_DOSAGE, laterality=Laterality.EACH_SIDE)
            == exercise.dosage
        )
        assert "chair-leg-extended-stretch" not in data_set.dosed
        reasons = {u.source_id: u.reasons for u in data_set.unread}
        assert (
            "no dose in the instructions: the default dose"
            in reasons["Chair_Leg_Extended_Stretch"]
        )

    def test_equipment_from_prose(self, data_set: Imported) -> None:
        """Equipment 'other' is what the prose names, when the vocabulary has it."""
        assert (Equipment.CHAIR,) == data_set.catalog[
            "chair-leg-extended-stretch"
        ].equipment


class TestReport:
    def test_known_unreadable(self, data_set: Imported) -> None:
        """The report names each exercise it could not read, with why."""
        reasons = {u.source_id: u.reasons for u in data_set.unread}
        assert "no instructions" in reasons["Iron_Cross"]
        assert "no muscle maps to a body area" in reasons["Barbell_Curl"]
        assert (
            "equipment 'foam roll' has no word in the vocabulary" in reasons["Adductor"]
        )
        assert any("category 'powerlifting'" in r for r in reasons["Band_Good_Morning"])
        assert any("out of range" in r for r in reasons["Trail_Running_Walking"])
        assert "unmapped muscles: calves" in reasons["90_90_Hamstring"]
        for source_id in (
            "Iron_Cross",
            "Barbell_Curl",
            "Adductor",
            "Trail_Running_Walking",
        ):
            assert slugify(source_id) not in data_set.catalog

    def test_unmapped_muscles(self, data_set: Imported) -> None:
        """Muscle names with no body area are reported, sorted."""
        assert "quadriceps" in data_set.unmapped_muscles
        assert "lower back" not in data_set.unmapped_muscles
        assert sorted(data_set.unmapped_muscles) == list(data_set.unmapped_muscles)

    def test_positions_not_read(self, data_set: Imported) -> None:
        """An exercise whose prose names no position is reported with the default."""
        for unread in data_set.unread:
            if any("no position" in r for r in unread.reasons) and unread.imported:
                assert (
                    DEFAULT_POSITION
                    == data_set.catalog[slugify(unread.source_id)].position
                )

    def test_not_a_list(self) -> None:
        """Data that is not a list of exercises is refused."""
        with pytest.raises(TypeError, match="must be a list"):
            import_catalog({"id": "x"})  # type: ignore[arg-type]

    def test_malformed_items(self) -> None:
        """Malformed exercises are reported, never raised."""
        got = import_catalog([1, {"name": "x"}, {"id": "a", "name": "A"}])
        assert 0 == len(got.catalog)
        assert 3 == len(got.unread)

    def test_parsed_data(self) -> None:
        """Parsed data imports as the file does."""
        data = json.loads(DATA.read_text(encoding="utf-8"))
        assert import_catalog(DATA) == import_catalog(data)


class TestCatalog:
    def test_round_trip(self, data_set: Imported) -> None:
        """The imported catalog round-trips through dumps and loads."""
        assert data_set.catalog == loads(dumps(data_set.catalog), Catalog)

    def test_plans_without_conditions(self, data_set: Imported) -> None:
        """A person with no condition gets a routine of imported exercises,
        the same from the catalog read back from JSON, with a note to ask a
        professional first should they have a back condition after all."""
        request = PlanRequest(time_of_day=TimeOfDay.MORNING, minutes=10)
        routine = plan_routine(request, data_set.catalog)
        assert routine.steps
        again = loads(dumps(data_set.catalog), Catalog)
        assert dumps(routine) == dumps(plan_routine(request, again))
        (note,) = [n for n in routine.notes if n.startswith("Not checked for back")]
        assert all(step.exercise.name in note for step in routine.steps[:2])

    @pytest.mark.parametrize("condition", list(Condition))
    @pytest.mark.parametrize("time", list(TimeOfDay))
    def test_conditions_leave_them_out(
        self, data_set: Imported, condition: Condition, time: TimeOfDay
    ) -> None:
        """With any condition, no imported exercise is planned, and the notes
        say why, in a note of its own."""
        builtin = default_catalog()
        imported = [e for e in data_set.catalog if e.id not in builtin]
        catalog = Catalog((*builtin, *imported))
        request = PlanRequest(time_of_day=time, minutes=8, conditions=[condition])
        try:
            routine = plan_routine(request, catalog)
        except PlanningError as error:
            assert NOT_CHECKED.advice in str(error.reasons)  # noqa: PT017
            return
        assert not any(e in imported for e in routine.exercises)
        assert any(note.endswith(NOT_CHECKED.advice) for note in routine.notes)


class TestReadCarefully:
    def test_sides_without_a_dose(self, data_set: Imported) -> None:
        """'Switch sides' in the prose makes the default dose each side's."""
        exercise = data_set.catalog["one-knee-to-chest"]
        assert "one-knee-to-chest" not in data_set.dosed
        assert Laterality.EACH_SIDE is exercise.dosage.laterality

    def test_a_partner_exercise_is_left_out(self, data_set: Imported) -> None:
        unread = {u.source_id: u for u in data_set.unread}
        assert "prone-manual-hamstring" not in data_set.catalog
        assert ("done with a partner: not a home exercise for one",) == unread[
            "Prone_Manual_Hamstring"
        ].reasons
        assert not unread["Prone_Manual_Hamstring"].imported


class TestWholeDataSet:
    def test_imports(self, data_set: Imported) -> None:
        """All 873 exercises are read or reported, without an exception."""
        imported = len(data_set.catalog)
        dropped = sum(not u.imported for u in data_set.unread)
        assert 873 == imported + dropped

    def test_the_committed_data_set_is_whole(self) -> None:
        """The file the tests keep is the whole data set: its 873 exercises,
        123 of them stretches, each with an id of its own."""
        whole = json.loads(DATA.read_text(encoding="utf-8"))
        assert 873 == len(whole) == len({e["id"] for e in whole})
        assert 123 == sum(e["category"] == "stretching" for e in whole)

    def test_round_trip(self, data_set: Imported) -> None:
        """The whole import round-trips through dumps and loads."""
        assert data_set.catalog == loads(dumps(data_set.catalog), Catalog)
