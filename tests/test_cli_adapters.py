"""The adapter commands, export and import, run in this process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from garmin_fit_sdk import Decoder, Stream

from backroutine import Catalog, Routine, loads
from tests.test_cli import CommandLine, run

__all__ = ["run"]  # the fixture, imported for these tests

DATA_SET = Path(__file__).parent / "data" / "free-exercise-db" / "exercises.json"


@pytest.fixture
def routine(run: CommandLine, tmp_path: Path) -> Path:
    """A bedtime routine, saved as JSON."""
    path = tmp_path / "routine.json"
    run.ok("plan", "--time", "bedtime", "--minutes", "5",
           "--format", "json", "--out", str(path))  # fmt: skip
    return path


@pytest.fixture
def programme(run: CommandLine, tmp_path: Path) -> Path:
    """A morning and bedtime programme, saved as JSON."""
    path = tmp_path / "programme.json"
    run.ok("programme", "--time", "morning", "--time", "bedtime", "--minutes", "6",
           "--start", "2026-12-07", "--format", "json", "--out", str(path))  # fmt: skip
    return path


@pytest.fixture
def documents(routine: Path, programme: Path) -> dict[str, Path]:
    """The routine and the programme, by the names the cases give them."""
    return {"ROUTINE": routine, "PROGRAMME": programme}


class TestExport:
    def test_a_routine_as_fhir(
        self, run: CommandLine, routine: Path, tmp_path: Path
    ) -> None:
        out = tmp_path / "routine.fhir.json"
        run.ok("export", "--format", "fhir", str(routine), "--out", str(out),
               "--subject", "Patient/123")  # fmt: skip
        text = out.read_text(encoding="utf-8")
        bundle = Bundle.model_validate_json(text)
        resources = json.loads(text)["entry"]
        assert len(bundle.entry or ()) == len(resources)
        plan = resources[0]["resource"]
        assert "CarePlan" == plan["resourceType"]
        assert "Patient/123" == plan["subject"]["reference"]
        steps = loads(routine.read_text(encoding="utf-8"), Routine).steps
        assert len(steps) == len(resources) - 1

    def test_a_programme_as_fhir(
        self, run: CommandLine, programme: Path, tmp_path: Path
    ) -> None:
        out = tmp_path / "programme.fhir.json"
        run.ok("export", "--format", "FHIR", str(programme), "--out", str(out))
        data = json.loads(out.read_text(encoding="utf-8"))
        whens = {
            when
            for entry in data["entry"]
            if entry["resource"]["resourceType"] == "ServiceRequest"
            for when in entry["resource"]["occurrenceTiming"]["repeat"]["when"]
        }
        assert {"MORN", "HS"} == whens

    def test_a_routine_as_a_fit_workout(
        self, run: CommandLine, routine: Path, tmp_path: Path
    ) -> None:
        out = tmp_path / "routine.fit"
        run.ok("export", "--format", "fit", str(routine), "--out", str(out))
        data = bytearray(out.read_bytes())
        assert Decoder(Stream.from_byte_array(data)).check_integrity()
        messages, errors = Decoder(Stream.from_byte_array(data)).read()
        assert [] == errors
        name = loads(routine.read_text(encoding="utf-8"), Routine).name
        assert name == messages["workout_mesgs"][0]["wkt_name"]

    @pytest.mark.parametrize(
        ("args", "expected"),
        [
            (
                ["--format", "fit", "PROGRAMME"],
                (
                    1,
                    (
                        "a FIT workout is one routine: give a routine, such as next "
                        "--format json writes for a session of the programme"
                    ),
                ),
            ),
            (
                ["--format", "fit", "ROUTINE", "--subject", "Patient/1"],
                (2, "backroutine export: error: --subject is for --format fhir only"),
            ),
            (
                ["--format", "gpx", "ROUTINE"],
                (2, "invalid choice: 'gpx' (choose from 'fhir', 'fit')"),
            ),
        ],
    )
    def test_refused(
        self,
        run: CommandLine,
        documents: dict[str, Path],
        args: list[str],
        expected: tuple[int, str],
    ) -> None:
        out = documents["ROUTINE"].with_name("out")
        given = [str(documents.get(arg, arg)) for arg in args]
        result = run("export", *given, "--out", str(out))
        status, error = expected
        assert (status, "") == (result.status, result.out)
        assert result.err.splitlines()[-1].endswith(error)
        assert not out.exists()

    def test_another_kind_of_document(self, run: CommandLine, tmp_path: Path) -> None:
        catalog = tmp_path / "catalog.json"
        run.ok("exercises", "--format", "json", "--out", str(catalog))
        lines = run.failed("export", "--format", "fhir", str(catalog),
                           "--out", str(tmp_path / "x"), status=1)  # fmt: skip
        assert [
            (
                f"backroutine: error: {catalog}: is a Catalog document: give a routine "
                "or a programme"
            )
        ] == lines


class TestImport:
    def test_free_exercise_db_then_plan_from_it(
        self, run: CommandLine, tmp_path: Path
    ) -> None:
        out, report = tmp_path / "catalog.json", tmp_path / "unread.txt"
        said = run.ok("import", "free-exercise-db", str(DATA_SET),
                      "--out", str(out), "--report", str(report))  # fmt: skip
        catalog = loads(out.read_text(encoding="utf-8"), Catalog)
        assert said.startswith(f"imported {len(catalog)} exercises into {out}, ")
        assert f"every one, with its reasons: {report}\n" in said
        assert report.read_text(encoding="utf-8").count("\n") > 0
        planned = loads(
            run.ok("plan", "--time", "evening", "--target", "hamstrings",
                   "--catalog", str(out), "--format", "json"),
            Routine,
        )  # fmt: skip
        assert {e.id for e in planned.exercises} <= {e.id for e in catalog}
        lines = run.failed("plan", "--time", "evening", "--target", "hamstrings",
                           "--catalog", str(out), "--condition", "pregnancy",
                           status=1)  # fmt: skip
        assert "the safety rule for pregnancy rules out" in lines[0]

    def test_a_file_that_is_not_the_data_set(
        self, run: CommandLine, tmp_path: Path
    ) -> None:
        wrong = tmp_path / "wrong.json"
        wrong.write_text('{"exercises": []}', encoding="utf-8")
        lines = run.failed("import", "free-exercise-db", str(wrong),
                           "--out", str(tmp_path / "c.json"), status=1)  # fmt: skip
        assert [
            (
                f"backroutine: error: {wrong}: free-exercise-db data must be a list "
                "(got dict)"
            )
        ] == lines


class TestBesideTheBuiltInExercises:
    def test_an_import_plans_beside_the_built_in_exercises(
        self, run: CommandLine, tmp_path: Path
    ) -> None:
        """Imported ids never clash with the built-in ones, which win."""
        out = tmp_path / "catalog.json"
        run.ok("import", "free-exercise-db", str(DATA_SET), "--out", str(out))
        imported = {e.id for e in loads(out.read_text(encoding="utf-8"), Catalog)}
        assert "childs-pose" not in imported
        both = ["--catalog", "built-in", "--catalog", str(out)]
        planned = loads(
            run.ok("plan", "--time", "bedtime", "--minutes", "8", *both,
                   "--condition", "spinal-stenosis", "--format", "json"),
            Routine,
        )  # fmt: skip
        assert planned.steps
        assert not imported & {e.id for e in planned.exercises}
        assert any(n.endswith("ask a professional before doing it.")
                   for n in planned.notes)  # fmt: skip

    def test_catalogs_that_share_an_id(self, run: CommandLine, tmp_path: Path) -> None:
        everything = tmp_path / "all.json"
        run.ok("exercises", "--format", "json", "--out", str(everything))
        lines = run.failed("plan", "--time", "bedtime", "--catalog", str(everything),
                           "--catalog", "built-in", status=1)  # fmt: skip
        assert [
            (
                "backroutine: error: --catalog: the exercise "
                f"'supine-posterior-pelvic-tilt' is in both {everything} and built-in"
            )
        ] == lines

    def test_nothing_is_written_when_the_report_cannot_be(
        self, run: CommandLine, tmp_path: Path
    ) -> None:
        out, report = tmp_path / "catalog.json", tmp_path / "none" / "unread.txt"
        lines = run.failed("import", "free-exercise-db", str(DATA_SET),
                           "--out", str(out), "--report", str(report),
                           status=1)  # fmt: skip
        assert [
            (
                f"backroutine: error: cannot write {str(report)!r}: its directory "
                "does not exist"
            )
        ] == lines
        assert not out.exists()


class TestStandardInput:
    def test_import_from_standard_input(self, run: CommandLine, tmp_path: Path) -> None:
        out = tmp_path / "catalog.json"
        text = DATA_SET.read_text(encoding="utf-8")
        said = run.ok("import", "free-exercise-db", "-", "--out", str(out), stdin=text)
        from_file = tmp_path / "from-file.json"
        run.ok("import", "free-exercise-db", str(DATA_SET), "--out", str(from_file))
        assert from_file.read_bytes() == out.read_bytes()
        assert said.startswith("imported ")

    def test_standard_input_that_is_not_json(
        self, run: CommandLine, tmp_path: Path
    ) -> None:
        result = run("import", "free-exercise-db", "-",
                     "--out", str(tmp_path / "c.json"), stdin="[1,")  # fmt: skip
        assert 1 == result.status
        assert result.err.startswith("backroutine: error: standard input: ")

    def test_a_blank_subject(self, run: CommandLine, routine: Path) -> None:
        out = routine.with_name("out.json")
        lines = run.failed("export", "--format", "fhir", str(routine),
                           "--out", str(out), "--subject", " ", status=1)  # fmt: skip
        assert [
            (
                "backroutine: error: 'subject' must be a reference such as "
                "'Patient/123', not blank (got ' ')"
            )
        ] == lines
