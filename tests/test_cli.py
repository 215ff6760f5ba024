import errno
import io
import json
import os
import pathlib
import re
import stat
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from importlib import metadata
from typing import Any, NoReturn

import attrs
import pytest

from backroutine import (
    MAX_DOCUMENT_BYTES,
    SEEK_HELP,
    BackroutineError,
    Bias,
    BodyArea,
    Catalog,
    Condition,
    Difficulty,
    Equipment,
    Exercise,
    InvalidDocumentError,
    Occasion,
    PlanningError,
    PlanRequest,
    Position,
    Routine,
    Screening,
    SeekCareError,
    TimeOfDay,
    Urgency,
    WarningSign,
    cli,
    default_catalog,
    dumps,
    json_schema,
    loads,
    plan_routine,
    screen,
    timeline,
    to_markdown,
)
from backroutine._advice import SEE_SPECIALIST, STOP_RULE
from backroutine._durations import clock_text
from backroutine._facts import person_name
from backroutine._render_text import exercise_list_text, routine_text, screening_text
from backroutine._signs import SIGN_URGENCY, SIGN_WORDS, URGENCY_WORDS, signs_at
from backroutine._timer_text import cue_line, timeline_text
from tests.helpers import (
    emergency_words,
    one_line,
    planned,
    run_command,
    tiers_shown,
)

PRESS_UP = "spine-press-up"
IDS = default_catalog().ids
SCHEMAS = pathlib.Path(__file__).parent.parent / "schemas"
KINDS = ("catalog", "exercise", "plan_request", "routine")


BEDTIME = ("plan", "--time", "bedtime", "--target", "lower-back", "--minutes", "8")


@attrs.frozen(kw_only=True)
class Ran:
    """What one run of the command line did: its exit status and output."""

    status: int
    out: str
    err: str


class CommandLine:
    """The command line, run in this process: ``cli.main(argv)`` under capsys."""

    def __init__(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        self._capsys = capsys
        self._monkeypatch = monkeypatch

    def __call__(self, *args: str, stdin: str | None = None) -> Ran:
        """Run ``backroutine`` with *args*, and *stdin* as its standard input."""
        if stdin is not None:
            data = io.BytesIO(stdin.encode("utf-8"))
            self._monkeypatch.setattr(
                sys, "stdin", io.TextIOWrapper(data, encoding="utf-8")
            )
        self._capsys.readouterr()
        try:
            status = cli.main(list(args))
        except KeyboardInterrupt:
            # Let through, it would stop the test run rather than fail a test.
            pytest.fail("main() let KeyboardInterrupt through")
        out, err = self._capsys.readouterr()
        return Ran(status=status, out=out, err=err)

    def ok(self, *args: str, stdin: str | None = None) -> str:
        """The standard output of a run that succeeded quietly."""
        result = self(*args, stdin=stdin)
        assert ("", 0) == (result.err, result.status)
        return result.out

    def failed(self, *args: str, status: int, stdin: str | None = None) -> list[str]:
        """The lines of standard error of a run that failed with *status*."""
        result = self(*args, stdin=stdin)
        assert (status, "") == (result.status, result.out)
        return result.err.splitlines()

    def stopped(self, *args: str) -> str:
        """The standard error of a run that a screening stopped: exit 3, no output."""
        result = self(*args)
        assert (3, "") == (result.status, result.out)
        return result.err


@pytest.fixture
def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> CommandLine:
    """The command line, run in this process, with help wrapped at 80 columns."""
    monkeypatch.setenv("COLUMNS", "80")
    return CommandLine(capsys, monkeypatch)


def bedtime(**changes: Any) -> Routine:
    """The routine the library plans for BEDTIME, with *changes* to the request."""
    return planned(**{"targets": (BodyArea.LOWER_BACK,), **changes})


class TestExercises:
    def test_lists_every_built_in_exercise(self, run: CommandLine) -> None:
        """`exercises` lists the id and name of every built-in exercise."""
        out = run.ok("exercises")
        for exercise in default_catalog():
            assert f"{exercise.id}\n  {exercise.name}\n" in out

    def test_gives_position_targets_and_dose(self, run: CommandLine) -> None:
        """Each exercise in the list comes with its position, targets and dose."""
        out = run.ok("exercises")
        assert "Position: prone (lying face down)" in out
        assert "Targets:  lumbar spine, hip flexors, abdominals" in out
        assert "8 to 10 reps each side, hold 10 to 15 seconds, switching" in out

    def test_takes_no_arguments(self, run: CommandLine) -> None:
        """An argument that `exercises` does not take is bad usage."""
        assert 2 == run("exercises", PRESS_UP).status


def listed(out: str) -> list[str]:
    """The ids that `exercises` listed: its lines that are not indented."""
    return [line for line in out.splitlines() if line and not line[0].isspace()]


class TestExercisesFilters:
    def test_target_includes_its_parts(self, run: CommandLine) -> None:
        """--target hips lists exactly the exercises that work the hips or a part."""
        hips = {BodyArea.HIPS, BodyArea.HIP_FLEXORS, BodyArea.GLUTES}
        expected = [e.id for e in default_catalog() if hips & set(e.targets)]
        assert expected == listed(run.ok("exercises", "--target", "hips"))
        parts_only = [e.id for e in default_catalog() if BodyArea.HIPS not in e.targets]
        assert set(expected) & set(parts_only), "no exercise works only a part"

    def test_time(self, run: CommandLine) -> None:
        """--time bedtime lists exactly the exercises that suit bedtime."""
        expected = [e.id for e in default_catalog() if TimeOfDay.BEDTIME in e.times]
        assert expected == listed(run.ok("exercises", "--time", "bedtime"))
        assert len(expected) < len(default_catalog())

    def test_position(self, run: CommandLine) -> None:
        """--position prone lists exactly the exercises done lying face down."""
        expected = [e.id for e in default_catalog() if e.position is Position.PRONE]
        assert [PRESS_UP, "prone-lying", "prone-on-elbows"] == expected
        assert expected == listed(run.ok("exercises", "--position", "prone"))

    def test_filters_combine(self, run: CommandLine) -> None:
        """Several filters list the exercises that match them all, as blocks."""
        out = run.ok(
            *("exercises", "--target", "lower-back", "--time", "morning"),
            *("--position", "supine"),
        )
        catalog = default_catalog().select(
            target=BodyArea.LOWER_BACK,
            time_of_day=TimeOfDay.MORNING,
            position=Position.SUPINE,
        )
        assert 0 < len(catalog) < len(default_catalog())
        assert exercise_list_text(catalog) == out

    @pytest.mark.parametrize(
        ("hyphens", "underscores"),
        [
            (("--target", "hip-flexors"), ("--target", "hip_flexors")),
            (("--position", "half-kneeling"), ("--position", "half_kneeling")),
        ],
        ids=" ".join,
    )
    def test_spellings(
        self, run: CommandLine, hyphens: tuple[str, str], underscores: tuple[str, str]
    ) -> None:
        """Values are taken in their JSON spelling or with hyphens."""
        assert run.ok("exercises", *hyphens) == run.ok("exercises", *underscores)

    @pytest.mark.parametrize(
        ("option", "value", "what", "choices"),
        [
            ("--target", "lower-bak", "body area", BodyArea),
            ("--time", "night", "time of day", TimeOfDay),
            ("--position", "lying", "position", Position),
        ],
    )
    def test_unknown_value(
        self, run: CommandLine, option: str, value: str, what: str, choices: type[Any]
    ) -> None:
        """An unknown value exits 2 with usage, listing the valid ones."""
        result = run("exercises", option, value)
        valid = ", ".join(member.value.replace("_", "-") for member in choices)
        expected = (
            f"backroutine exercises: error: argument {option}: unknown {what} "
            f"{value!r}; choose from {valid}"
        )
        assert (2, "") == (result.status, result.out)
        assert result.err.startswith("usage: backroutine exercises ")
        assert expected == result.err.splitlines()[-1]

    def test_no_match(self, run: CommandLine) -> None:
        """Filters no exercise matches exit 1 with one line saying so."""
        catalog = default_catalog().select(
            time_of_day=TimeOfDay.BEDTIME, position=Position.STANDING
        )
        assert 0 == len(catalog)
        lines = run.failed(
            "exercises", "--position", "standing", "--time", "bedtime", status=1
        )
        expected = (
            "backroutine: error: no exercise matches --time bedtime --position standing"
        )
        assert [expected] == lines

    def test_help_says_what_no_match_does(self, run: CommandLine) -> None:
        """--help says what happens when no exercise matches."""
        out = one_line(run.ok("exercises", "--help"))
        assert "'no exercise matches'" in out
        assert "the exit status is 1" in out

    @pytest.mark.parametrize(
        ("args", "select"),
        [
            (("--target", "hips"), {"target": BodyArea.HIPS}),
            (("--time", "bedtime"), {"time_of_day": TimeOfDay.BEDTIME}),
            (("--occasion", "after-activity"), {"occasion": Occasion.AFTER_ACTIVITY}),
            (("--position", "prone"), {"position": Position.PRONE}),
            (("--bias", "extension"), {"bias": Bias.EXTENSION}),
            (("--equipment", "towel"), {"equipment": (Equipment.TOWEL,)}),
            (("--no-equipment",), {"equipment": ()}),
            (("--max-difficulty", "beginner"), {"max_difficulty": Difficulty.BEGINNER}),
        ],
        ids=" ".join,
    )
    def test_each_filter_of_select(
        self, run: CommandLine, args: tuple[str, ...], select: dict[str, Any]
    ) -> None:
        """Each filter Catalog.select has is an option, listing what select gives."""
        catalog = default_catalog().select(**select)
        assert 0 < len(catalog) < len(default_catalog())
        assert exercise_list_text(catalog) == run.ok("exercises", *args)

    def test_every_filter_at_once(self, run: CommandLine) -> None:
        """Every filter at once lists what select gives with every criterion."""
        out = run.ok(
            *("exercises", "--target", "lower-back", "--time", "morning"),
            *("--occasion", "after-sitting", "--position", "supine"),
            *("--bias", "flexion", "--no-equipment", "--max-difficulty", "beginner"),
        )
        catalog = default_catalog().select(
            target=BodyArea.LOWER_BACK,
            time_of_day=TimeOfDay.MORNING,
            occasion=Occasion.AFTER_SITTING,
            position=Position.SUPINE,
            bias=Bias.FLEXION,
            equipment=(),
            max_difficulty=Difficulty.BEGINNER,
        )
        assert 0 < len(catalog)
        assert exercise_list_text(catalog) == out

    def test_equipment_at_hand_adds_up(self, run: CommandLine) -> None:
        """Repeated --equipment is all of it at hand: what needs nothing else."""
        out = run.ok("exercises", "--equipment", "towel", "--equipment", "chair")
        at_hand = default_catalog().select(equipment=(Equipment.TOWEL, Equipment.CHAIR))
        for alone in (Equipment.TOWEL, Equipment.CHAIR):
            assert len(default_catalog().select(equipment=(alone,))) < len(at_hand)
        assert exercise_list_text(at_hand) == out

    def test_equipment_or_none(self, run: CommandLine) -> None:
        """--equipment and --no-equipment together are bad usage."""
        result = run("exercises", "--equipment", "mat", "--no-equipment")
        assert (2, "") == (result.status, result.out)
        assert "not allowed with argument" in result.err

    @pytest.mark.parametrize(
        ("option", "keyword", "values"),
        [
            ("--target", "target", [BodyArea.GLUTES, BodyArea.HAMSTRINGS]),
            ("--time", "time_of_day", [TimeOfDay.MIDDAY, TimeOfDay.BEDTIME]),
            (
                "--occasion",
                "occasion",
                [Occasion.AFTER_SITTING, Occasion.AFTER_ACTIVITY],
            ),
            ("--position", "position", [Position.SUPINE, Position.PRONE]),
            ("--bias", "bias", [Bias.FLEXION, Bias.EXTENSION]),
        ],
        ids=lambda value: value if isinstance(value, str) else "",
    )
    def test_repeated_option_lists_any_of_its_values(
        self, run: CommandLine, option: str, keyword: str, values: list[Any]
    ) -> None:
        """A filter given twice lists the exercises that match either value."""
        catalog = default_catalog()
        selections = [catalog.select(**{keyword: value}) for value in values]
        expected = [e.id for e in catalog if any(e.id in s for s in selections)]
        for selection in selections:
            assert 0 < len(selection) < len(expected)
        args = [arg for value in values for arg in (option, value.value)]
        assert expected == listed(run.ok("exercises", *args))

    def test_any_of_each_option_and_every_option(self, run: CommandLine) -> None:
        """Values of one option are alternatives; different options all apply."""
        out = run.ok(
            *("exercises", "--position", "supine", "--position", "prone"),
            *("--time", "midday", "--time", "bedtime", "--bias", "extension"),
        )
        catalog = default_catalog()
        positions = [
            catalog.select(position=p) for p in (Position.SUPINE, Position.PRONE)
        ]
        times = [
            catalog.select(time_of_day=t) for t in (TimeOfDay.MIDDAY, TimeOfDay.BEDTIME)
        ]
        extension = catalog.select(bias=Bias.EXTENSION)
        expected = [
            e.id
            for e in catalog
            if any(e.id in s for s in positions)
            and any(e.id in s for s in times)
            and e.id in extension
        ]
        assert [PRESS_UP, "prone-lying", "prone-on-elbows"] == expected
        assert expected == listed(out)

    def test_repeated_value_counts_once(self, run: CommandLine) -> None:
        """A value given twice lists what it lists once."""
        once = run.ok("exercises", "--position", "prone")
        assert once == run.ok("exercises", "--position", "prone", "--position", "PRONE")

    def test_no_match_names_every_filter_given(self, run: CommandLine) -> None:
        """With no match, the line names each filter and value given, once each."""
        lines = run.failed(
            *("exercises", "--max-difficulty", "advanced", "--no-equipment"),
            *("--position", "standing", "--time", "bedtime", "--position", "seated"),
            *("--time", "Bedtime", "--bias", "rotation", "--occasion", "after-sitting"),
            *("--target", "hamstrings"),
            status=1,
        )
        expected = (
            "backroutine: error: no exercise matches --target hamstrings "
            "--time bedtime --occasion after-sitting --position standing "
            "--position seated --bias rotation --no-equipment "
            "--max-difficulty advanced"
        )
        assert [expected] == lines

    def test_no_match_names_the_equipment(self, run: CommandLine) -> None:
        """The line names the equipment at hand, each thing once."""
        lines = run.failed(
            *("exercises", "--position", "seated", "--equipment", "chair"),
            *("--equipment", "towel", "--equipment", "chair", "--bias", "extension"),
            status=1,
        )
        expected = (
            "backroutine: error: no exercise matches --position seated "
            "--bias extension --equipment chair --equipment towel"
        )
        assert [expected] == lines


class TestExercisesJson:
    def test_every_exercise(self, run: CommandLine) -> None:
        """--format json prints the built-in catalog's document, as dumps writes it."""
        out = run.ok("exercises", "--format", "json")
        assert default_catalog() == loads(out, Catalog)
        assert dumps(default_catalog(), indent=2) + "\n" == out

    def test_the_exercises_selected(self, run: CommandLine) -> None:
        """With filters, the document holds what the text lists, in catalog order."""
        filters = (
            *("--position", "supine", "--position", "prone", "--no-equipment"),
            *("--max-difficulty", "beginner", "--target", "lower-back"),
        )
        catalog = loads(run.ok("exercises", *filters, "--format", "json"), Catalog)
        supine_or_prone = [
            default_catalog().select(
                position=position,
                equipment=(),
                max_difficulty=Difficulty.BEGINNER,
                target=BodyArea.LOWER_BACK,
            )
            for position in (Position.SUPINE, Position.PRONE)
        ]
        ids = {e.id for selected in supine_or_prone for e in selected}
        assert [i for i in default_catalog().ids if i in ids] == list(catalog.ids)
        for exercise in catalog:
            # Linked only to exercises the listing holds, as a selection is.
            whole = default_catalog()[exercise.id]
            assert [i for i in whole.harder if i in ids] == list(exercise.harder)
            assert attrs.evolve(whole, harder=exercise.harder) == exercise
        assert exercise_list_text(catalog) == run.ok("exercises", *filters)

    def test_validates_as_a_catalog(self, run: CommandLine) -> None:
        """The document is one `validate` accepts."""
        out = run.ok("exercises", "--time", "bedtime", "--format", "json")
        assert "ok\n" == run.ok("validate", "-", stdin=out)
        assert '"kind": "catalog"' in out

    def test_text_is_the_default(self, run: CommandLine) -> None:
        """--format text prints what `exercises` prints without it."""
        assert run.ok("exercises") == run.ok("exercises", "--format", "text")

    @pytest.mark.parametrize("output_format", ["text", "json"])
    def test_out_writes_the_file(
        self, run: CommandLine, tmp_path: pathlib.Path, output_format: str
    ) -> None:
        """--out writes to the file what would have been printed, and nothing else."""
        path = tmp_path / "exercises.out"
        args = ("exercises", "--target", "hips", "--format", output_format)
        printed = run.ok(*args)
        assert "" == run.ok(*args, "--out", str(path))
        assert printed == path.read_text(encoding="utf-8")

    def test_no_match(self, run: CommandLine, tmp_path: pathlib.Path) -> None:
        """No match in JSON is the same error, exit 1, and writes no file."""
        path = tmp_path / "exercises.json"
        lines = run.failed(
            *("exercises", "--target", "obliques", "--format", "json"),
            *("--out", str(path)),
            status=1,
        )
        assert ["backroutine: error: no exercise matches --target obliques"] == lines
        assert not path.exists()


class TestShow:
    def test_shows_the_name_and_id(self, run: CommandLine) -> None:
        """`show` starts with the exercise's name, underlined, and its id."""
        out = run.ok("show", PRESS_UP)
        name = person_name(default_catalog()[PRESS_UP])
        assert out.startswith(f"{name}\n{'=' * len(name)}\nid: {PRESS_UP}\n")

    def test_numbers_the_steps(self, run: CommandLine) -> None:
        """The steps are numbered in order."""
        out = run.ok("show", PRESS_UP)
        steps = default_catalog()[PRESS_UP].instructions
        for number, step in enumerate(steps, start=1):
            assert f"\n  {number}. {step}\n" in out

    def test_shows_the_dose_in_words(self, run: CommandLine) -> None:
        """The dose reads as words, not as data."""
        out = run.ok("show", PRESS_UP)
        assert re.search(r"\nHow much: +8 to 10 reps, hold 3 to 5 seconds\n", out)

    def test_shows_when_it_suits(self, run: CommandLine) -> None:
        """Enum values read as plain words."""
        out = run.ok("show", "supine-posterior-pelvic-tilt")
        when = "in the morning, in the evening or after sitting for a long time"
        assert re.search(rf"\nSuits: +{when}\n", out)
        assert re.search(r"\nWorks: +stomach muscles and lower back\n", out)

    def test_markdown(self, run: CommandLine) -> None:
        """--format markdown prints the exercise's handout."""
        out = run.ok("show", PRESS_UP, "--format", "markdown")
        assert to_markdown(default_catalog()[PRESS_UP]) == out
        assert out.startswith(f"# {person_name(default_catalog()[PRESS_UP])}\n\n")

    def test_text_is_the_default(self, run: CommandLine) -> None:
        """--format text prints what `show` prints without it."""
        assert run.ok("show", PRESS_UP) == run.ok("show", PRESS_UP, "--format", "text")

    def test_json_is_not_a_format(self, run: CommandLine) -> None:
        """--format json is bad usage for `show`, naming the formats it takes."""
        lines = run.failed("show", PRESS_UP, "--format", "json", status=2)
        # Some versions of Python quote the choices, others do not.
        assert lines[-1].startswith(
            "backroutine show: error: argument --format: invalid choice: 'json' "
            "(choose from "
        )
        assert lines[-1].replace("'", "").endswith("text, markdown)")

    def test_unknown_id_as_markdown(self, run: CommandLine) -> None:
        """An unknown id is one line and exit 1, whatever the format."""
        lines = run.failed("show", "zzz", "--format", "markdown", status=1)
        assert ["backroutine: error: unknown exercise id 'zzz'"] == lines

    def test_needs_an_id(self, run: CommandLine) -> None:
        """`show` without an id is bad usage, reported without a traceback."""
        result = run("show")
        assert 2 == result.status
        assert "the following arguments are required: ID" in result.err


class TestErrors:
    def test_unknown_id(self, run: CommandLine) -> None:
        """An unknown id exits 1 with one line naming it and the likely id."""
        result = run("show", "spine-pressup")
        expected = (
            "backroutine: error: unknown exercise id 'spine-pressup'; "
            "did you mean 'spine-press-up'?\n"
        )
        assert (expected, "", 1) == (
            result.err,
            result.out,
            result.status,
        )

    def test_unknown_id_without_suggestion(self, run: CommandLine) -> None:
        """An id like no other exits 1 with one line and no suggestion."""
        result = run("show", "zzz")
        assert "backroutine: error: unknown exercise id 'zzz'\n" == result.err
        assert 1 == result.status

    @pytest.mark.parametrize(
        "args", [["bogus"], ["--bogus"], ["show", PRESS_UP, "extra"]]
    )
    def test_bad_usage(self, run: CommandLine, args: list[str]) -> None:
        """An unknown command, option or extra argument exits 2 with usage."""
        result = run(*args)
        assert 2 == result.status
        assert result.err.startswith("usage: backroutine")
        assert "" == result.out

    def test_no_command(self, run: CommandLine) -> None:
        """Without a command, the help goes to standard error and it exits 2."""
        result = run()
        assert 2 == result.status
        assert "" == result.out
        assert "commands:" in result.err
        assert "show " in result.err

    def test_invalid_document_is_one_line_per_problem(self) -> None:
        """Each problem of an invalid document gets a line of its own."""
        error = InvalidDocumentError(["$.name: bad", "$.steps: bad"], kind="routine")
        assert [
            "backroutine: error: invalid routine document: $.name: bad\n",
            "backroutine: error: invalid routine document: $.steps: bad\n",
        ] == cli._error_lines(error)

    def test_bad_input_exits_1(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A BackroutineError exits 1 with its message on one line."""

        def fail(_language: str) -> NoReturn:
            raise BackroutineError("bad")

        monkeypatch.setattr(cli, "default_catalog", fail)
        assert 1 == cli.main(["exercises"])
        captured = capsys.readouterr()
        assert ("backroutine: error: bad\n", "") == (captured.err, captured.out)

    def test_seek_care_exits_3(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A SeekCareError exits 3 with its whole screening on standard error."""
        screening = screen([WarningSign.FEVER])

        def fail(_language: str) -> NoReturn:
            raise SeekCareError(screening)

        monkeypatch.setattr(cli, "default_catalog", fail)
        assert 3 == cli.main(["exercises"])
        captured = capsys.readouterr()
        expected = f"{NOT_PLANNED}\n\n{screening_text(screening)}"
        assert (expected, "") == (captured.err, captured.out)


class TestPlan:
    def test_prints_a_routine_for_a_person(self, run: CommandLine) -> None:
        """`plan` prints the routine's name, its exercises and the safety advice."""
        out = run.ok(*BEDTIME)
        routine = bedtime()
        assert out.startswith(f"{routine.name}\n")
        assert len(routine.steps) >= 3
        for step in routine.steps:
            assert step.exercise.name in out
        assert "\nSafety\n" in out
        for advice in routine.safety:
            if advice != SEEK_HELP:
                assert advice in one_line(out)

    def test_text_is_the_rendered_routine(self, run: CommandLine) -> None:
        """The text is what routine_text gives for the planned routine."""
        assert routine_text(bedtime()) == run.ok(*BEDTIME)

    def test_markdown_is_the_handout(self, run: CommandLine) -> None:
        """--format markdown prints the planned routine's handout."""
        out = run.ok(*BEDTIME, "--format", "markdown")
        assert to_markdown(bedtime()) == out
        assert out.startswith(f"# {bedtime().name}\n\n")

    def test_json_is_the_planned_routine(self, run: CommandLine) -> None:
        """--format json prints the routine's document, as dumps writes it."""
        out = run.ok(*BEDTIME, "--format", "json")
        routine = bedtime()
        assert routine == loads(out, Routine)
        assert dumps(routine, indent=2) + "\n" == out

    @pytest.mark.parametrize("output_format", ["text", "json", "markdown"])
    def test_out_writes_the_file(
        self, run: CommandLine, tmp_path: pathlib.Path, output_format: str
    ) -> None:
        """--out writes to the file what would have been printed, and nothing else."""
        path = tmp_path / "routine.out"
        printed = run.ok(*BEDTIME, "--format", output_format)
        assert "" == run.ok(*BEDTIME, "--format", output_format, "--out", str(path))
        assert printed == path.read_text(encoding="utf-8")

    def test_out_to_a_missing_directory(
        self, run: CommandLine, tmp_path: pathlib.Path
    ) -> None:
        """A file that cannot be written is one line and exit status 1."""
        path = tmp_path / "missing" / "routine.json"
        lines = run.failed(*BEDTIME, "--out", str(path), status=1)
        expected = (
            f"backroutine: error: cannot write {str(path)!r}: "
            "its directory does not exist"
        )
        assert [expected] == lines

    def test_out_to_a_directory(self, run: CommandLine, tmp_path: pathlib.Path) -> None:
        """A directory is one line saying so, exit status 1, and stays empty."""
        lines = run.failed(*BEDTIME, "--out", str(tmp_path), status=1)
        expected = (
            f"backroutine: error: cannot write {str(tmp_path)!r}: "
            "it is a directory, not a file"
        )
        assert ([expected], []) == (lines, list(tmp_path.iterdir()))

    @pytest.mark.parametrize(
        "args",
        [
            ("--occasion", "after-sitting", "--avoid-position", "half-kneeling"),
            ("--occasion", "after_sitting", "--avoid-position", "half_kneeling"),
        ],
        ids=" ".join,
    )
    def test_hyphens_or_underscores(
        self, run: CommandLine, args: tuple[str, ...]
    ) -> None:
        """Enum values are taken in their JSON spelling or with hyphens."""
        out = run.ok(
            "plan", "--time", "midday", "--minutes", "5", *args, "--format", "json"
        )
        request = PlanRequest(
            time_of_day=TimeOfDay.MIDDAY,
            minutes=5,
            occasion=Occasion.AFTER_SITTING,
            avoid_positions=(Position.HALF_KNEELING,),
        )
        assert plan_routine(request) == loads(out, Routine)

    @pytest.mark.parametrize("spelling", ["lower-back", "lower_back"])
    def test_target_spellings(self, run: CommandLine, spelling: str) -> None:
        """Both spellings of an area plan the same routine."""
        args = ("plan", "--time", "bedtime", "--minutes", "8", "--target", spelling)
        assert run.ok(*BEDTIME) == run.ok(*args)

    def test_several_targets_and_constraints(self, run: CommandLine) -> None:
        """Repeatable options add up, and a repeated value counts once."""
        out = run.ok(
            *("plan", "--time", "morning", "--minutes", "6", "--format", "json"),
            *("--target", "lower-back", "--target", "hips", "--target", "hips"),
            *("--avoid-bias", "extension", "--avoid-bias", "rotation"),
            *("--exclude", "cat-cow", "--max-difficulty", "beginner"),
        )
        request = PlanRequest(
            time_of_day=TimeOfDay.MORNING,
            minutes=6,
            targets=(BodyArea.LOWER_BACK, BodyArea.HIPS),
            avoid_biases=(Bias.EXTENSION, Bias.ROTATION),
            exclude=("cat-cow",),
            max_difficulty=Difficulty.BEGINNER,
        )
        routine = loads(out, Routine)
        assert plan_routine(request) == routine
        for exercise in routine.exercises:
            assert exercise.bias not in (Bias.EXTENSION, Bias.ROTATION)
            assert "cat-cow" != exercise.id

    @pytest.mark.parametrize(
        ("args", "equipment"),
        [
            (("--no-equipment",), ()),
            (("--equipment", "mat", "--equipment", "pillow"), ("mat", "pillow")),
        ],
        ids=["none", "mat and pillow"],
    )
    def test_equipment(
        self, run: CommandLine, args: tuple[str, ...], equipment: tuple[str, ...]
    ) -> None:
        """--equipment names what is at hand; --no-equipment means nothing at all."""
        out = run.ok(*BEDTIME, *args, "--format", "json")
        at_hand = tuple(map(Equipment, equipment))
        assert bedtime(equipment=at_hand) == loads(out, Routine)

    def test_equipment_or_none(self, run: CommandLine) -> None:
        """--equipment and --no-equipment together are bad usage."""
        result = run(*BEDTIME, "--equipment", "mat", "--no-equipment")
        assert 2 == result.status
        assert "not allowed with argument" in result.err

    def test_time_is_required(self, run: CommandLine) -> None:
        """Without --time, `plan` is bad usage that names the option."""
        result = run("plan", "--minutes", "8")
        assert 2 == result.status
        assert result.err.endswith(
            "backroutine plan: error: the following arguments are required: --time\n"
        )

    @pytest.mark.parametrize(
        ("option", "value", "what", "choices"),
        [
            ("--target", "lower-bak", "body area", BodyArea),
            ("--time", "night", "time of day", TimeOfDay),
            ("--avoid-position", "Face-Down", "position", Position),
        ],
    )
    def test_unknown_value(
        self, run: CommandLine, option: str, value: str, what: str, choices: type[Any]
    ) -> None:
        """An unknown enum value exits 2 and lists the valid ones, with hyphens."""
        args = ["plan", "--time", "bedtime", option, value]
        result = run(*args)
        valid = ", ".join(member.value.replace("_", "-") for member in choices)
        expected = (
            f"backroutine plan: error: argument {option}: unknown {what} "
            f"{value!r}; choose from {valid}\n"
        )
        assert (2, "", True) == (
            result.status,
            result.out,
            result.err.endswith(expected),
        )
        assert result.err.startswith("usage: backroutine plan ")

    @pytest.mark.parametrize("minutes", ["abc", "nan", "inf", "-inf", "", "8m"])
    def test_minutes_not_a_number(self, run: CommandLine, minutes: str) -> None:
        """Minutes that are not a finite number are bad usage, exit status 2."""
        lines = run.failed(*BEDTIME[:-2], f"--minutes={minutes}", status=2)
        assert (
            "backroutine plan: error: argument --minutes: expected a number of "
            f"minutes, such as 8 or 7.5 (got {minutes!r})"
        ) == lines[-1]

    @pytest.mark.parametrize(
        ("minutes", "shown"), [("0", "0.0"), ("-1", "-1.0"), ("300", "300.0")]
    )
    def test_minutes_out_of_range(
        self, run: CommandLine, minutes: str, shown: str
    ) -> None:
        """A number of minutes the request refuses is bad input, exit status 1."""
        lines = run.failed(*BEDTIME[:-2], f"--minutes={minutes}", status=1)
        expected = (
            "backroutine: error: --minutes must be above 0 and at most 240 "
            f"(got {shown})"
        )
        assert [expected] == lines

    @pytest.mark.parametrize("minutes", ["7.5", "1e1", " 8 "])
    def test_minutes_as_written(self, run: CommandLine, minutes: str) -> None:
        """Minutes may have a fraction or an exponent."""
        out = run.ok(*BEDTIME[:-1], minutes, "--format", "json")
        assert bedtime(minutes=float(minutes)) == loads(out, Routine)

    def test_a_later_step_of_progression(self, run: CommandLine) -> None:
        """--progression plans the request's step, as the library does."""
        out = run.ok(*BEDTIME, "--progression", "2", "--format", "json")
        assert bedtime(progression=2) == loads(out, Routine)
        assert bedtime(progression=2) != bedtime()

    @pytest.mark.parametrize(
        ("step", "status", "expected"),
        [
            (
                "x",
                2,
                (
                    "argument --progression: expected a whole number, such as 0 "
                    "or 3 (got 'x')"
                ),
            ),
            ("-1", 1, "--progression must be at least 0 (got -1)"),
        ],
    )
    def test_a_step_of_progression_that_is_not_one(
        self, run: CommandLine, step: str, status: int, expected: str
    ) -> None:
        lines = run.failed(*BEDTIME, f"--progression={step}", status=status)
        assert lines[-1].endswith(expected)

    def test_unknown_exercise_to_exclude(self, run: CommandLine) -> None:
        """An --exclude id the catalog does not hold exits 1, naming the id."""
        lines = run.failed(*BEDTIME, "--exclude", "spine-pressup", status=1)
        expected = (
            "backroutine: error: unknown exercise id 'spine-pressup'; "
            "did you mean 'spine-press-up'?"
        )
        assert [expected] == lines

    def test_malformed_exercise_to_exclude(self, run: CommandLine) -> None:
        """An --exclude that is not an id at all exits 1, naming the option."""
        lines = run.failed(*BEDTIME, "--exclude", "Spine_Press_Up", status=1)
        assert 1 == len(lines)
        assert lines[0].startswith("backroutine: error: --exclude must be ")
        assert lines[0].endswith("(got 'Spine_Press_Up')")

    def test_impossible_request(self, run: CommandLine) -> None:
        """A request no routine meets exits 1 with the planner's reason."""
        with pytest.raises(PlanningError) as caught:
            bedtime(minutes=0.1)
        lines = run.failed(*BEDTIME[:-1], "0.1", status=1)
        assert [f"backroutine: error: {caught.value}"] == lines
        assert "allow at least" in lines[0]

    def test_avoid_positions_and_exclusions_add_up(self, run: CommandLine) -> None:
        """Repeated --avoid-position and --exclude leave out every one given."""
        out = run.ok(
            *BEDTIME,
            *("--avoid-position", "prone", "--avoid-position", "kneeling"),
            *("--exclude", "double-knee-to-chest", "--exclude", "heel-slides"),
            *("--format", "json"),
        )
        routine = bedtime(
            avoid_positions=(Position.PRONE, Position.KNEELING),
            exclude=("double-knee-to-chest", "heel-slides"),
        )
        assert routine == loads(out, Routine)
        for exercise in routine.exercises:
            assert exercise.position not in (Position.PRONE, Position.KNEELING)
            assert exercise.id not in ("double-knee-to-chest", "heel-slides")

    @pytest.mark.parametrize(
        ("given", "as_in_json"),
        [
            (("--time", "Bedtime"), ("--time", "bedtime")),
            (
                ("--time", "midday", "--target", "Lower-Back"),
                ("--time", "midday", "--target", "lower-back"),
            ),
            (
                ("--time", "midday", "--target", "HIP_FLEXORS"),
                ("--time", "midday", "--target", "hip-flexors"),
            ),
            (
                ("--time", "midday", "--occasion", "After-Sitting"),
                ("--time", "midday", "--occasion", "after-sitting"),
            ),
            (
                ("--time", "midday", "--avoid-position", "SUPINE"),
                ("--time", "midday", "--avoid-position", "supine"),
            ),
            (
                ("--time", "midday", "--avoid-bias", "Extension"),
                ("--time", "midday", "--avoid-bias", "extension"),
            ),
            (
                ("--time", "midday", "--equipment", "Mat"),
                ("--time", "midday", "--equipment", "mat"),
            ),
            (
                ("--time", "midday", "--max-difficulty", "BEGINNER"),
                ("--time", "midday", "--max-difficulty", "beginner"),
            ),
            (
                ("--time", "midday", "--condition", "Spinal-Stenosis"),
                ("--time", "midday", "--condition", "spinal-stenosis"),
            ),
            (
                ("--time", "midday", "--sign", "Pain-Below-Knee"),
                ("--time", "midday", "--sign", "pain-below-knee"),
            ),
            (
                ("--time", "midday", "--format", "JSON"),
                ("--time", "midday", "--format", "json"),
            ),
        ],
        ids=lambda args: " ".join(args[2:] or args),
    )
    def test_values_in_any_case(
        self, run: CommandLine, given: tuple[str, ...], as_in_json: tuple[str, ...]
    ) -> None:
        """Enum values and formats are read in any case, as in JSON or hyphenated."""
        args = ("plan", "--minutes", "6")
        assert run.ok(*args, *as_in_json) == run.ok(*args, *given)

    def test_unknown_value_in_capitals(self, run: CommandLine) -> None:
        """An unknown value in capitals is quoted as typed, with the valid ones."""
        lines = run.failed(
            "plan", "--time", "bedtime", "--target", "LOWER-BAK", status=2
        )
        valid = ", ".join(area.value.replace("_", "-") for area in BodyArea)
        expected = (
            "backroutine plan: error: argument --target: unknown body area "
            f"'LOWER-BAK'; choose from {valid}"
        )
        assert expected == lines[-1]

    def test_the_same_value_twice_is_taken(self, run: CommandLine) -> None:
        """An option of one value given twice with the same value is that value."""
        again = ("--time", "Bedtime", "--minutes", "8.0", "--format", "TEXT")
        assert run.ok(*BEDTIME) == run.ok(*BEDTIME, *again)


ONCE = "error: argument {option}: takes one value (got {first!r}, then {then!r})"


# Options that take one value, each given twice with two values: the command
# line, the option, and the two values as the error message shows them.
GIVEN_TWICE = [
    ("plan --time bedtime --time morning", "--time", ("bedtime", "morning")),
    ("plan --time midday --minutes 8 --minutes 10", "--minutes", ("8", "10")),
    (
        "plan --time midday --minutes 7.5 --minutes 1e1",
        "--minutes",
        ("7.5", "10"),
    ),
    (
        "plan --time midday --occasion after-sitting --occasion After-Activity",
        "--occasion",
        ("after-sitting", "after-activity"),
    ),
    (
        "plan --time midday --max-difficulty beginner --max-difficulty advanced",
        "--max-difficulty",
        ("beginner", "advanced"),
    ),
    (
        "plan --time midday --format json --format markdown",
        "--format",
        ("json", "markdown"),
    ),
    (
        "exercises --max-difficulty intermediate --max-difficulty beginner",
        "--max-difficulty",
        ("intermediate", "beginner"),
    ),
    ("exercises --format text --format json", "--format", ("text", "json")),
    (
        f"show {PRESS_UP} --format markdown --format text",
        "--format",
        ("markdown", "text"),
    ),
    ("screen --format json --format text", "--format", ("json", "text")),
]


class TestOptionsOfOneValue:
    """An option that takes one value, given twice with two, is bad usage."""

    @pytest.mark.parametrize(
        ("command_line", "option", "values"),
        GIVEN_TWICE,
        ids=[case[0] for case in GIVEN_TWICE],
    )
    def test_two_values_are_bad_usage(
        self, run: CommandLine, command_line: str, option: str, values: tuple[str, str]
    ) -> None:
        """Two values exit 2 with the usage and a line naming the option and both."""
        args = command_line.split()
        result = run(*args)
        first, then = values
        line = ONCE.format(option=option, first=first, then=then)
        assert (2, "") == (result.status, result.out)
        assert result.err.startswith(f"usage: backroutine {args[0]} ")
        assert f"backroutine {args[0]}: {line}" == result.err.splitlines()[-1]

    @pytest.mark.parametrize(
        "command", [BEDTIME, ("exercises",), ("screen",)], ids=lambda args: args[0]
    )
    def test_two_out_files(
        self, run: CommandLine, tmp_path: pathlib.Path, command: tuple[str, ...]
    ) -> None:
        """Two --out files are bad usage, and neither is written."""
        first, then = str(tmp_path / "a.txt"), str(tmp_path / "b.txt")
        lines = run.failed(*command, "--out", first, "--out", then, status=2)
        expected = ONCE.format(option="--out", first=first, then=then)
        assert f"backroutine {command[0]}: {expected}" == lines[-1]
        assert [] == list(tmp_path.iterdir())


OLD = "the routine saved before\n"


@pytest.fixture
def old_file(tmp_path: pathlib.Path) -> pathlib.Path:
    """A file that --out is to replace, alone in its directory."""
    path = tmp_path / "routine.txt"
    path.write_text(OLD, encoding="utf-8")
    path.chmod(0o640)
    return path


class TestOutFile:
    """--out replaces the file whole, or leaves it as it was."""

    def test_replaces_the_file(self, run: CommandLine, old_file: pathlib.Path) -> None:
        """The file holds the new text, keeps its mode, and nothing else is left."""
        assert "" == run.ok(*BEDTIME, "--out", str(old_file))
        assert (routine_text(bedtime()), 0o640, [old_file]) == (
            old_file.read_text(encoding="utf-8"),
            stat.S_IMODE(old_file.stat().st_mode),
            list(old_file.parent.iterdir()),
        )

    def test_new_file_has_the_usual_mode(
        self, run: CommandLine, tmp_path: pathlib.Path
    ) -> None:
        """A new file gets the mode open() gives, read-write less the umask."""
        path = tmp_path / "routine.txt"
        umask = os.umask(0o027)
        try:
            run.ok(*BEDTIME, "--out", str(path))
        finally:
            os.umask(umask)
        assert 0o640 == stat.S_IMODE(path.stat().st_mode)

    def test_failed_write_keeps_the_old_file(
        self,
        run: CommandLine,
        monkeypatch: pytest.MonkeyPatch,
        old_file: pathlib.Path,
    ) -> None:
        """A disk that fills up is one line, exit 1; the old file is untouched."""

        def full(_descriptor: int) -> NoReturn:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "fsync", full)
        lines = run.failed(*BEDTIME, "--out", str(old_file), status=1)
        expected = (
            f"backroutine: error: cannot write {str(old_file)!r}: "
            f"{os.strerror(errno.ENOSPC)}"
        )
        assert ([expected], OLD, [old_file]) == (
            lines,
            old_file.read_text(encoding="utf-8"),
            list(old_file.parent.iterdir()),
        )

    def test_directory_not_writable(
        self,
        run: CommandLine,
        monkeypatch: pytest.MonkeyPatch,
        old_file: pathlib.Path,
    ) -> None:
        """A directory where no file can be made is one line, the file untouched."""

        def refused(*_args: object, **_kwargs: object) -> NoReturn:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

        # As root, a read-only directory would not refuse: refuse for it.
        monkeypatch.setattr(tempfile, "mkstemp", refused)
        lines = run.failed(*BEDTIME, "--out", str(old_file), status=1)
        expected = (
            f"backroutine: error: cannot write {str(old_file)!r}: permission denied"
        )
        assert ([expected], OLD) == (lines, old_file.read_text(encoding="utf-8"))

    def test_interrupt_keeps_the_old_file(
        self,
        run: CommandLine,
        monkeypatch: pytest.MonkeyPatch,
        old_file: pathlib.Path,
    ) -> None:
        """Ctrl-C while writing exits 130; the old file is untouched, none left."""

        def interrupted(_descriptor: int) -> NoReturn:
            raise KeyboardInterrupt

        monkeypatch.setattr(os, "fsync", interrupted)
        result = run(*BEDTIME, "--out", str(old_file))
        assert (130, "", "backroutine: interrupted\n") == (
            result.status,
            result.out,
            result.err,
        )
        assert (OLD, [old_file]) == (
            old_file.read_text(encoding="utf-8"),
            list(old_file.parent.iterdir()),
        )

    def test_through_a_symbolic_link(
        self, run: CommandLine, old_file: pathlib.Path
    ) -> None:
        """A link is followed: the file it names is replaced, the link kept."""
        link = old_file.parent / "link.txt"
        link.symlink_to(old_file.name)
        run.ok(*BEDTIME, "--out", str(link))
        assert (True, old_file.name, routine_text(bedtime())) == (
            link.is_symlink(),
            str(link.readlink()),
            old_file.read_text(encoding="utf-8"),
        )

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
    def test_into_a_named_pipe(self, run: CommandLine, tmp_path: pathlib.Path) -> None:
        """A named pipe (or a device) is written to, not replaced by a file."""
        fifo = tmp_path / "fifo"
        os.mkfifo(fifo)
        # Reading first, without waiting: the routine fits in the pipe.
        reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        try:
            run.ok(*BEDTIME, "--out", str(fifo))
            received = b"".join(iter(lambda: os.read(reader, 65536), b""))
        finally:
            os.close(reader)
        assert (routine_text(bedtime()), True) == (
            received.decode("utf-8"),
            stat.S_ISFIFO(fifo.stat().st_mode),
        )


NOT_PLANNED = "backroutine: nothing planned: warning signs say to seek care instead"

STENOSIS = ("plan", "--time", "midday", "--minutes", "20", "--format", "json")


class TestPlanSafety:
    def test_condition_leaves_out_what_it_advises_against(
        self, run: CommandLine
    ) -> None:
        """With spinal stenosis, no extension-biased exercise is planned."""
        out = run.ok(*STENOSIS, "--condition", "spinal-stenosis")
        routine = loads(out, Routine)
        request = PlanRequest(
            time_of_day=TimeOfDay.MIDDAY,
            minutes=20,
            conditions=(Condition.SPINAL_STENOSIS,),
        )
        assert plan_routine(request) == routine
        assert [] == [e.id for e in routine.exercises if e.bias is Bias.EXTENSION]

    def test_condition_notes_what_was_left_out(self, run: CommandLine) -> None:
        """A note names the condition and each exercise it left out."""
        routine = loads(run.ok(*STENOSIS, "--condition", "spinal-stenosis"), Routine)
        left_out = [note for note in routine.notes if "spinal stenosis" in note]
        assert 1 <= len(left_out)
        assert left_out[0].startswith("Left out for spinal stenosis: ")
        assert default_catalog()[PRESS_UP].name in left_out[0]

    def test_without_condition_extension_may_be_planned(self, run: CommandLine) -> None:
        """Without the condition, the same request plans an extension exercise."""
        routine = loads(run.ok(*STENOSIS), Routine)
        assert Bias.EXTENSION in {exercise.bias for exercise in routine.exercises}

    @pytest.mark.parametrize("spelling", ["spinal-stenosis", "spinal_stenosis"])
    def test_condition_spellings(self, run: CommandLine, spelling: str) -> None:
        """Both spellings of a condition plan the same routine."""
        expected = run.ok(*STENOSIS, "--condition", "spinal-stenosis")
        assert expected == run.ok(*STENOSIS, "--condition", spelling)

    def test_several_conditions_and_signs(self, run: CommandLine) -> None:
        """Repeated --condition and --sign add up, and a repeat counts once."""
        out = run.ok(
            *STENOSIS,
            *("--condition", "pregnancy", "--condition", "osteoporosis"),
            *("--condition", "pregnancy"),
            *("--sign", "persistent-pain", "--sign", "pain-below-knee"),
        )
        request = PlanRequest(
            time_of_day=TimeOfDay.MIDDAY,
            minutes=20,
            conditions=(Condition.PREGNANCY, Condition.OSTEOPOROSIS),
            warning_signs=(WarningSign.PERSISTENT_PAIN, WarningSign.PAIN_BELOW_KNEE),
        )
        assert plan_routine(request) == loads(out, Routine)

    def test_see_professional_advice_first_in_json(self, run: CommandLine) -> None:
        """With a see-professional sign, its advice is the first safety line."""
        routine = loads(run.ok(*STENOSIS, "--sign", "pain-below-knee"), Routine)
        advice = screen([WarningSign.PAIN_BELOW_KNEE]).advice
        assert advice == routine.safety[0]

    def test_see_professional_advice_before_the_exercises(
        self, run: CommandLine
    ) -> None:
        """In the text, the see-professional advice comes before any exercise."""
        out = run.ok(*STENOSIS[:-2], "--sign", "pain-below-knee")
        advice = screen([WarningSign.PAIN_BELOW_KNEE]).advice
        flat = one_line(out)
        assert advice in flat
        assert flat.index(advice) < flat.index(" Exercises ")

    def test_stop_rule_before_the_exercises(self, run: CommandLine) -> None:
        """The printed routine gives the stop rule before the first exercise."""
        out = run.ok(*BEDTIME)
        assert out.index("\nStop rule: ") < out.index("\nExercises\n")

    def test_emergency_sign_stops_planning(self, run: CommandLine) -> None:
        """An emergency sign exits 3 with the emergency screening, no traceback."""
        err = run.stopped(*STENOSIS, "--sign", "saddle-numbness")
        screening = screen([WarningSign.SADDLE_NUMBNESS])
        assert f"{NOT_PLANNED}\n\n{screening_text(screening)}" == err
        assert "EMERGENCY: call emergency services now" in err
        assert screening.advice in one_line(err)

    def test_emergency_sign_writes_no_file(
        self, run: CommandLine, tmp_path: pathlib.Path
    ) -> None:
        """A plan stopped by a screening writes no --out file."""
        path = tmp_path / "routine.json"
        run.stopped(*STENOSIS, "--sign", "saddle-numbness", "--out", str(path))
        assert not path.exists()

    @pytest.mark.parametrize(
        "sign", ["fever", "night-pain", "both-legs-weak-or-numb", "serious-trauma"]
    )
    def test_urgent_or_emergency_sign_exits_3(
        self, run: CommandLine, sign: str
    ) -> None:
        """Every urgent or emergency sign stops the text plan as well, exit 3."""
        err = run.stopped(*BEDTIME, "--sign", "pain-below-knee", "--sign", sign)
        assert err.startswith(f"{NOT_PLANNED}\n\n")

    @pytest.mark.parametrize(
        ("option", "value", "what", "choices"),
        [
            ("--condition", "stenosis", "condition", Condition),
            ("--sign", "fevr", "warning sign", WarningSign),
        ],
    )
    def test_unknown_value(
        self, run: CommandLine, option: str, value: str, what: str, choices: type[Any]
    ) -> None:
        """An unknown condition or sign exits 2 and lists the valid ones."""
        lines = run.failed(*BEDTIME, option, value, status=2)
        valid = ", ".join(member.value.replace("_", "-") for member in choices)
        expected = (
            f"backroutine plan: error: argument {option}: unknown {what} "
            f"{value!r}; choose from {valid}"
        )
        assert expected == lines[-1]


def tiers(out: str) -> list[tuple[str, list[WarningSign]]]:
    """The tiers a screening shows, in order, each with its signs."""
    by_words = {SIGN_WORDS[sign]: sign for sign in WarningSign}
    return [
        (heading, [by_words[words] for words in signs])
        for heading, signs, _ in tiers_shown(out)
    ]


class TestScreen:
    def test_urgent(self, run: CommandLine) -> None:
        """An urgent sign prints the urgent screening and exits 3."""
        result = run("screen", "--sign", "fever")
        screening = screen([WarningSign.FEVER])
        assert (screening_text(screening), "", 3) == (
            result.out,
            result.err,
            result.status,
        )
        assert result.out.startswith("URGENT: see a doctor today\n")
        assert f"\n  - {SIGN_WORDS[WarningSign.FEVER]}\n" in result.out
        assert screening.advice in one_line(result.out)

    def test_see_professional(self, run: CommandLine) -> None:
        """A see-professional sign prints its advice and exits 0."""
        out = run.ok("screen", "--sign", "persistent-pain")
        assert screening_text(screen([WarningSign.PERSISTENT_PAIN])) == out
        assert out.startswith("See a professional\n")

    def test_highest_urgency_heads_every_tier(self, run: CommandLine) -> None:
        """With signs of every tier, the emergency heads them and each is shown.

        The signs come emergency first, then urgent, then see a professional,
        whatever order they were given in, each tier with what to do.
        """
        result = run(
            "screen",
            *("--sign", "saddle-numbness", "--sign", "fever"),
            *("--sign", "pain-below-knee"),
        )
        assert (3, "") == (result.status, result.err)
        assert result.out.startswith("EMERGENCY: call emergency services now\n")
        assert [
            ("Emergency:", [WarningSign.SADDLE_NUMBNESS]),
            ("Urgent:", [WarningSign.FEVER]),
            ("See a professional:", [WarningSign.PAIN_BELOW_KNEE]),
        ] == tiers(result.out)
        for urgency in (Urgency.EMERGENCY, Urgency.URGENT, Urgency.SEE_PROFESSIONAL):
            assert URGENCY_WORDS[urgency].action in one_line(result.out)

    @pytest.mark.parametrize("sign", list(WarningSign), ids=lambda s: s.value)
    def test_each_sign_alone(self, run: CommandLine, sign: WarningSign) -> None:
        """Each sign alone is shown in words under its tier, with its exit status."""
        result = run("screen", "--sign", sign.value.replace("_", "-"))
        urgency = SIGN_URGENCY[sign]
        heading = f"{URGENCY_WORDS[urgency].name.capitalize()}:"
        assert [(heading, [sign])] == tiers(result.out)
        assert URGENCY_WORDS[urgency].action in one_line(result.out)
        stops = urgency in {Urgency.EMERGENCY, Urgency.URGENT}
        assert (3 if stops else 0, "") == (result.status, result.err)

    @pytest.mark.parametrize(
        "signs",
        [
            ["worsening-pain", "saddle-numbness"],
            ["fall-with-osteoporosis", "pain-between-shoulder-blades"],
            ["persistent-pain", "chest-pain", "night-pain", "sexual-function-loss"],
            ["pain-on-cough-or-sneeze", "worsening-pain", "fever"],
            ["both-legs-pain-or-tingling", "serious-trauma", "pain-below-knee"],
            [sign.value for sign in reversed(WarningSign)],
        ],
        ids=["two tiers", "lower two", "mixed", "urgent first", "emergency", "all"],
    )
    def test_mixed_signs(self, run: CommandLine, signs: list[str]) -> None:
        """Every sign given is shown in words, by tier, most urgent first."""
        given_signs = [WarningSign(sign.replace("-", "_")) for sign in signs]
        result = run("screen", *(f"--sign={sign}" for sign in signs))
        expected = [
            (
                f"{URGENCY_WORDS[urgency].name.capitalize()}:",
                [sign for sign in signs_at(urgency) if sign in given_signs],
            )
            for urgency in (Urgency.EMERGENCY, Urgency.URGENT, Urgency.SEE_PROFESSIONAL)
            if any(SIGN_URGENCY[sign] is urgency for sign in given_signs)
        ]
        assert expected == tiers(result.out)
        assert screening_text(screen(given_signs)) == result.out

    def test_no_signs(self, run: CommandLine) -> None:
        """Without --sign, it prints the screening for no warning signs, exit 0."""
        out = run.ok("screen")
        assert screening_text(screen([])) == out
        assert out.startswith("No warning signs\n")

    @pytest.mark.parametrize("spelling", ["pain-below-knee", "pain_below_knee"])
    def test_sign_spellings(self, run: CommandLine, spelling: str) -> None:
        """Signs are taken in their JSON spelling or with hyphens."""
        expected = screening_text(screen([WarningSign.PAIN_BELOW_KNEE]))
        assert expected == run.ok("screen", "--sign", spelling, "--sign", spelling)

    def test_unknown_sign(self, run: CommandLine) -> None:
        """An unknown sign exits 2 and lists the valid ones, with hyphens."""
        lines = run.failed("screen", "--sign", "back-ache", status=2)
        valid = ", ".join(sign.value.replace("_", "-") for sign in WarningSign)
        expected = (
            "backroutine screen: error: argument --sign: unknown warning sign "
            f"'back-ache'; choose from {valid}"
        )
        assert expected == lines[-1]

    def test_help_explains_every_sign(self, run: CommandLine) -> None:
        """--help lists each sign with hyphens and in words, and an example."""
        out = run.ok("screen", "--help")
        flat = one_line(out)
        for sign in WarningSign:
            assert f" {sign.value.replace('_', '-')} {SIGN_WORDS[sign]}" in flat
        assert "example:\n  backroutine screen --sign " in out

    def test_help_groups_signs_by_urgency(self, run: CommandLine) -> None:
        """--help heads each group of signs with what to do and the exit status."""
        out = run.ok("screen", "--help")
        assert [
            "  emergency (call emergency services now; exit status 3):",
            "  urgent (see a doctor today; exit status 3):",
            "  see a professional (exercise gently; exit status 0):",
        ] == [line for line in out.splitlines() if "; exit status " in line]

    def test_help_lists_each_sign_under_its_tier(self, run: CommandLine) -> None:
        """--help lists each sign under the heading of its tier, new signs too."""
        out = run.ok("screen", "--help")
        listed: dict[str, list[str]] = {}
        heading = ""
        for line in out.split("options:")[0].splitlines():
            if line.endswith("):") and "; exit status " in line:
                heading = line.strip().partition(" (")[0]
                listed[heading] = []
            elif heading and line.startswith("    ") and line[4] != " ":
                listed[heading].append(line.split()[0])
        assert {
            URGENCY_WORDS[urgency].name: [
                sign.value.replace("_", "-") for sign in signs_at(urgency)
            ]
            for urgency in (Urgency.EMERGENCY, Urgency.URGENT, Urgency.SEE_PROFESSIONAL)
        } == listed
        for new in [
            "chest-pain",
            "sexual-function-loss",
            "both-legs-pain-or-tingling",
            "pain-on-cough-or-sneeze",
            "pain-between-shoulder-blades",
            "fall-with-osteoporosis",
        ]:
            assert new in {sign for signs in listed.values() for sign in signs}


class TestScreenJson:
    @pytest.mark.parametrize(
        "signs",
        [
            [],
            ["persistent-pain"],
            ["fever"],
            ["worsening-pain", "saddle-numbness", "pain-below-knee"],
            [sign.value for sign in WarningSign],
        ],
        ids=["none", "see a professional", "urgent", "three tiers", "all"],
    )
    def test_is_the_screening_document(
        self, run: CommandLine, signs: list[str]
    ) -> None:
        """--format json prints the screening's document, with the text's status."""
        options = [f"--sign={sign}" for sign in signs]
        result = run("screen", *options, "--format", "json")
        screening = screen([WarningSign(sign.replace("-", "_")) for sign in signs])
        status = 3 if screening.stops_exercise else 0
        assert (status, "") == (result.status, result.err)
        assert screening == loads(result.out, Screening)
        assert dumps(screening, indent=2) + "\n" == result.out
        assert run("screen", *options).status == result.status

    def test_validates_as_a_screening(self, run: CommandLine) -> None:
        """The document is one `validate` accepts."""
        result = run("screen", "--sign", "night-pain", "--format", "json")
        assert "ok\n" == run.ok("validate", "-", stdin=result.out)
        assert '"kind": "screening"' in result.out

    def test_text_is_the_default(self, run: CommandLine) -> None:
        """--format text prints what `screen` prints without it."""
        args = ("screen", "--sign", "persistent-pain")
        assert run.ok(*args) == run.ok(*args, "--format", "text")

    @pytest.mark.parametrize("output_format", ["text", "json"])
    def test_out_writes_the_file_and_keeps_the_status(
        self, run: CommandLine, tmp_path: pathlib.Path, output_format: str
    ) -> None:
        """--out writes what would have been printed; seek care still exits 3."""
        path = tmp_path / "screening.out"
        args = ("screen", "--sign", "fever", "--format", output_format)
        printed = run(*args)
        written = run(*args, "--out", str(path))
        assert (3, "", "") == (written.status, written.out, written.err)
        assert printed.out == path.read_text(encoding="utf-8")

    def test_signs_and_format_in_any_case(self, run: CommandLine) -> None:
        """Signs and the format are read in any case."""
        args = ("--sign", "Persistent-Pain", "--sign", "NIGHT_PAIN", "--format", "Json")
        result = run("screen", *args)
        expected = screen([WarningSign.PERSISTENT_PAIN, WarningSign.NIGHT_PAIN])
        assert (3, expected) == (result.status, loads(result.out, Screening))


class TestAnyCase:
    """Values are read in any case by every command."""

    @pytest.mark.parametrize(
        ("given", "as_in_json"),
        [
            (("--target", "Lower-Back"), ("--target", "lower-back")),
            (("--target", "HIP_FLEXORS"), ("--target", "hip-flexors")),
            (("--time", "Bedtime"), ("--time", "bedtime")),
            (("--occasion", "After-Activity"), ("--occasion", "after-activity")),
            (("--position", "SUPINE"), ("--position", "supine")),
            (("--position", "Half_Kneeling"), ("--position", "half-kneeling")),
            (("--bias", "Extension"), ("--bias", "extension")),
            (("--equipment", "TOWEL"), ("--equipment", "towel")),
            (("--max-difficulty", "Beginner"), ("--max-difficulty", "beginner")),
            (("--format", "JSON"), ("--format", "json")),
        ],
        ids=" ".join,
    )
    def test_exercises(
        self, run: CommandLine, given: tuple[str, ...], as_in_json: tuple[str, ...]
    ) -> None:
        """Each option of `exercises` reads its values in any case."""
        assert run.ok("exercises", *as_in_json) == run.ok("exercises", *given)

    @pytest.mark.parametrize(
        ("option", "value", "what", "choices"),
        [
            ("--target", "Lower-Bak", "body area", BodyArea),
            ("--occasion", "AFTER-WORK", "occasion", Occasion),
            ("--bias", "Twist", "bias", Bias),
            ("--equipment", "Ball", "equipment", Equipment),
            ("--max-difficulty", "EASY", "difficulty", Difficulty),
        ],
    )
    def test_unknown_value(
        self, run: CommandLine, option: str, value: str, what: str, choices: type[Any]
    ) -> None:
        """An unknown value is quoted as typed, with the valid ones listed."""
        lines = run.failed("exercises", option, value, status=2)
        valid = ", ".join(member.value.replace("_", "-") for member in choices)
        expected = (
            f"backroutine exercises: error: argument {option}: unknown {what} "
            f"{value!r}; choose from {valid}"
        )
        assert expected == lines[-1]

    def test_unknown_format_is_quoted_as_typed(self, run: CommandLine) -> None:
        """A format that is none of the choices is quoted as typed."""
        lines = run.failed("exercises", "--format", "XML", status=2)
        assert lines[-1].startswith(
            "backroutine exercises: error: argument --format: invalid choice: 'XML' "
        )

    def test_show_format(self, run: CommandLine) -> None:
        """`show --format Markdown` prints the handout."""
        expected = run.ok("show", PRESS_UP, "--format", "markdown")
        assert expected == run.ok("show", PRESS_UP, "--format", "Markdown")

    @pytest.mark.parametrize("spelling", ["Routine", "PLAN-REQUEST", "Plan_Request"])
    def test_schema_kind(self, run: CommandLine, spelling: str) -> None:
        """`schema` reads the kind in any case."""
        kind = spelling.lower().replace("-", "_")
        assert run.ok("schema", kind) == run.ok("schema", spelling)


class TestSeekHelpEverywhere:
    """Every output a person reads has the seek-help box and the stop rule."""

    @pytest.mark.parametrize(
        "args",
        [
            BEDTIME,
            (*BEDTIME, "--format", "text"),
            (*BEDTIME, "--format", "markdown"),
            (*BEDTIME, "--condition", "osteoporosis", "--format", "markdown"),
            ("show", PRESS_UP),
            ("show", PRESS_UP, "--format", "markdown"),
            ("show", "supine-lower-trunk-rotation", "--format", "text"),
        ],
        ids=" ".join,
    )
    def test_handouts(self, run: CommandLine, args: tuple[str, ...]) -> None:
        """The box says what to do, lists each emergency sign, then the stop rule."""
        out = run.ok(*args)
        box = out.index("Seek help now")
        stop_rule = one_line(out[box:]).index(STOP_RULE)
        signs = [f"- {words}" for words in emergency_words()]
        assert [] == [sign for sign in signs if sign not in one_line(out[box:])]
        assert "stop, and call emergency services" in one_line(out[box:]).lower()
        assert all(one_line(out[box:]).index(s) < stop_rule for s in signs)
        assert SEEK_HELP not in one_line(out)

    @pytest.mark.parametrize("format_", ["text", "markdown"])
    def test_routine_says_when_to_see_a_specialist(
        self, run: CommandLine, format_: str
    ) -> None:
        """A routine's handout says when to see a specialist, once."""
        out = one_line(run.ok(*BEDTIME, "--format", format_))
        assert 1 == out.count(SEE_SPECIALIST)
        assert 1 == out.count(STOP_RULE)

    def test_timeline(self, run: CommandLine, routine_file: pathlib.Path) -> None:
        """The timeline shows the box and the advice before its first cue."""
        out = run.ok("timeline", str(routine_file))
        before = out[: out.index("\n00:00  ")]
        assert before.startswith("*** Seek help now ***")
        signs = [f"  - {words}" for words in emergency_words()]
        assert [] == [sign for sign in signs if sign not in before.splitlines()]
        assert STOP_RULE in one_line(before)
        assert SEE_SPECIALIST in one_line(before)


class TestCautionsForThePerson:
    def test_plan_shows_the_persons_cautions(self, run: CommandLine) -> None:
        """A routine planned for a condition shows that condition's cautions only."""
        args = (*BEDTIME, "--condition", "osteoporosis")
        routine = bedtime(conditions=(Condition.OSTEOPOROSIS,))
        for format_ in ("text", "markdown"):
            out = one_line(run.ok(*args, "--format", format_))
            for step in routine.steps:
                for caution in step.exercise.cautions:
                    shown = caution.advice in out
                    mine = caution.concerns(routine.conditions or ())
                    assert (caution.about, shown) == (
                        caution.about,
                        mine or not caution.conditions,
                    )

    def test_timeline_shows_the_persons_cautions(
        self, run: CommandLine, tmp_path: pathlib.Path
    ) -> None:
        """The timeline shows, under each exercise's first cue, its cautions."""
        routine = bedtime(conditions=(Condition.OSTEOPOROSIS,))
        path = tmp_path / "routine.json"
        path.write_text(dumps(routine), encoding="utf-8")
        out = one_line(run.ok("timeline", str(path)))
        for step in routine.steps:
            for caution in routine.cautions(step.exercise):
                assert caution.text in out


TIMED_LINE = re.compile(r"^\d\d:\d\d  \S")


@pytest.fixture
def routine_file(tmp_path: pathlib.Path) -> pathlib.Path:
    """A routine document as `plan --format json` writes it."""
    path = tmp_path / "routine.json"
    path.write_text(dumps(bedtime(), indent=2), encoding="utf-8")
    return path


class TestTimeline:
    def test_prints_the_cues(
        self, run: CommandLine, routine_file: pathlib.Path
    ) -> None:
        """Each cue is a line that starts with its time, from 00:00 to done."""
        lines = run.ok("timeline", str(routine_file)).splitlines()
        cues = timeline(bedtime())
        timed = [line for line in lines if TIMED_LINE.match(line)]
        assert [cue_line(cue) for cue in cues] == timed
        assert timed[0].startswith("00:00  Get ready for ")
        done = cues[-1]
        assert f"{clock_text(done.start_seconds)}  {done.text}" == lines[-1]

    def test_is_the_rendered_timeline(
        self, run: CommandLine, routine_file: pathlib.Path
    ) -> None:
        """The output is what timeline_text gives for the routine's cues."""
        expected = timeline_text(timeline(bedtime()))
        assert expected == run.ok("timeline", str(routine_file))

    def test_reads_standard_input(
        self, run: CommandLine, routine_file: pathlib.Path
    ) -> None:
        """`-` reads the routine from standard input."""
        document = routine_file.read_text(encoding="utf-8")
        assert run.ok("timeline", str(routine_file)) == run.ok(
            "timeline", "-", stdin=document
        )

    def test_from_plan(self, run: CommandLine) -> None:
        """The JSON that `plan` prints is what `timeline` reads."""
        document = run.ok(*BEDTIME, "--format", "json")
        expected = timeline_text(timeline(bedtime()))
        assert expected == run.ok("timeline", "-", stdin=document)

    def test_missing_file(self, run: CommandLine, tmp_path: pathlib.Path) -> None:
        """A file that does not exist is one line naming it, exit status 1."""
        path = str(tmp_path / "nowhere.json")
        lines = run.failed("timeline", path, status=1)
        expected = f"backroutine: error: cannot read {path!r}: the file does not exist"
        assert [expected] == lines

    def test_directory(self, run: CommandLine, tmp_path: pathlib.Path) -> None:
        """A directory is one line saying so, exit status 1."""
        lines = run.failed("timeline", str(tmp_path), status=1)
        expected = (
            f"backroutine: error: cannot read {str(tmp_path)!r}: "
            "it is a directory, not a file"
        )
        assert [expected] == lines

    @pytest.mark.parametrize(
        ("text", "problem"),
        [
            ("not json", "is not JSON (line 1, column 1)"),
            ("", "is empty"),
            ("\ud800", "is not UTF-8 (invalid byte at offset 0)"),
        ],
    )
    def test_not_json(
        self, run: CommandLine, tmp_path: pathlib.Path, text: str, problem: str
    ) -> None:
        """A file that is not JSON is one line, in the library's words, status 1."""
        path = tmp_path / "bad.json"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        lines = run.failed("timeline", str(path), status=1)
        expected = f"backroutine: error: invalid routine document: $: {problem}"
        assert [expected] == lines

    def test_not_a_routine(self, run: CommandLine, tmp_path: pathlib.Path) -> None:
        """Another kind of document is refused, saying which kind it is."""
        path = tmp_path / "catalog.json"
        path.write_text(dumps(default_catalog()), encoding="utf-8")
        lines = run.failed("timeline", str(path), status=1)
        expected = (
            "backroutine: error: invalid routine document: "
            "$.kind: must be 'routine' (got 'catalog')"
        )
        assert [expected] == lines

    def test_one_line_per_problem(self, run: CommandLine) -> None:
        """An invalid routine gets one line for each of its problems."""
        document = (
            '{"kind": "routine", "version": 1, "name": " ", "steps": [], "extra": 1}'
        )
        lines = run.failed("timeline", "-", stdin=document, status=1)
        known = (
            "name, time_of_day, targets, steps, notes, safety, conditions, frequency, "
            "language"
        )
        prefix = "backroutine: error: invalid routine document: "
        assert [
            f"{prefix}$.name: must not be blank (got ' ')",
            f"{prefix}$.steps: must hold at least 1 item (got 0)",
            f"{prefix}$.extra: is not a known field (known: {known})",
        ] == lines

    def test_needs_a_file(self, run: CommandLine) -> None:
        """Without a file, `timeline` is bad usage."""
        assert 2 == run("timeline").status


class TestSchema:
    @pytest.mark.parametrize("kind", KINDS)
    def test_is_the_committed_file(self, run: CommandLine, kind: str) -> None:
        """`schema KIND` prints the committed schema file, character for character."""
        expected = (SCHEMAS / f"{kind}.schema.json").read_bytes().decode("utf-8")
        assert expected == run.ok("schema", kind)

    @pytest.mark.parametrize("kind", KINDS)
    def test_is_the_generated_schema(self, run: CommandLine, kind: str) -> None:
        """The output parses to what json_schema gives for the kind."""
        assert json_schema(kind) == json.loads(run.ok("schema", kind))

    def test_hyphenated_kind(self, run: CommandLine) -> None:
        """plan-request is the same kind as plan_request."""
        assert run.ok("schema", "plan_request") == run.ok("schema", "plan-request")

    @pytest.mark.parametrize("kind", ["workout", "Routines", "plan request", ""])
    def test_unknown_kind(self, run: CommandLine, kind: str) -> None:
        """An unknown kind is bad usage, listing the kinds there are."""
        result = run("schema", kind)
        expected = (
            f"backroutine schema: error: argument KIND: unknown kind {kind!r}; "
            "choose from catalog, catalog-translation, exercise, plan-request, programme, "
            "programme-request, routine, screening, session"
        )
        assert (2, "") == (result.status, result.out)
        assert result.err.startswith("usage: backroutine schema")
        assert expected == result.err.splitlines()[-1]

    def test_needs_a_kind(self, run: CommandLine) -> None:
        """Without a kind, `schema` is bad usage."""
        assert 2 == run("schema").status


def saved(tmp_path: pathlib.Path, text: str, name: str = "document.json") -> str:
    """The path of a file in *tmp_path* that holds *text*."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


class TestValidate:
    def test_planned_routine(self, run: CommandLine, tmp_path: pathlib.Path) -> None:
        """A routine saved by `plan --format json --out` is valid."""
        path = str(tmp_path / "routine.json")
        assert "" == run.ok(*BEDTIME, "--format", "json", "--out", path)
        assert "ok\n" == run.ok("validate", path)

    @pytest.mark.parametrize(
        "value",
        [
            bedtime(),
            default_catalog(),
            default_catalog()[PRESS_UP],
            PlanRequest(
                time_of_day=TimeOfDay.MORNING,
                targets=(BodyArea.LOWER_BACK, BodyArea.HIPS),
                minutes=7.5,
                conditions=(Condition.SPINAL_STENOSIS,),
            ),
        ],
        ids=lambda value: type(value).__name__,
    )
    def test_every_kind(
        self,
        run: CommandLine,
        tmp_path: pathlib.Path,
        value: Routine | Exercise | PlanRequest | Any,
    ) -> None:
        """A valid document of each kind, compact or indented, prints ok."""
        for indent in (None, 2):
            path = saved(tmp_path, dumps(value, indent=indent))
            assert "ok\n" == run.ok("validate", path)

    def test_reads_standard_input(self, run: CommandLine) -> None:
        """`-` reads the document from standard input."""
        document = run.ok(*BEDTIME, "--format", "json")
        assert "ok\n" == run.ok("validate", "-", stdin=document)

    def test_problem_with_its_path(
        self, run: CommandLine, tmp_path: pathlib.Path
    ) -> None:
        """A routine with 0 reps is one line giving the path, exit status 1."""
        document = json.loads(dumps(bedtime()))
        sets = document["steps"][0]["sets"]
        sets.append({**sets[0], "reps": 0})
        path = saved(tmp_path, json.dumps(document))
        expected = (
            "backroutine: error: invalid routine document: "
            "$.steps[0].sets[1].reps: must be at least 1 (got 0)"
        )
        assert [expected] == run.failed("validate", path, status=1)

    def test_one_line_per_problem(self, run: CommandLine) -> None:
        """Each problem of an invalid document gets a line of its own."""
        document = json.loads(dumps(default_catalog()[PRESS_UP]))
        document["name"] = ""
        document["extra"] = True
        lines = run.failed("validate", "-", stdin=json.dumps(document), status=1)
        prefix = "backroutine: error: invalid exercise document: "
        assert 2 == len(lines)
        assert all(line.startswith(f"{prefix}$.") for line in lines)
        assert f"{prefix}$.name: must not be blank (got '')" in lines
        assert any(
            line.startswith(f"{prefix}$.extra: is not a known") for line in lines
        )

    @pytest.mark.parametrize(
        ("text", "problem"),
        [
            pytest.param("[1, 2]", "$: must be a JSON object with a kind (got [1, 2])"),
            pytest.param(
                '{"version": 1, "name": "x"}',
                "$.kind: is required, one of "
                "'catalog', 'catalog_translation', 'exercise', 'plan_request', 'programme', "
                "'programme_request', 'routine', 'screening', 'session'",
            ),
            pytest.param(
                '{"kind": "workout", "version": 1}',
                "$.kind: must be one of 'catalog', 'catalog_translation', 'exercise', 'plan_request', "
                "'programme', 'programme_request', 'routine', 'screening', "
                "'session' (got 'workout')",
            ),
        ],
        ids=["an array", "no kind", "unknown kind"],
    )
    def test_without_a_known_kind(
        self, run: CommandLine, tmp_path: pathlib.Path, text: str, problem: str
    ) -> None:
        """A document whose kind cannot be told is one line with its path."""
        path = saved(tmp_path, text)
        expected = f"backroutine: error: invalid document: {problem}"
        assert [expected] == run.failed("validate", path, status=1)

    @pytest.mark.parametrize("text", ["not json", "", '{"kind": "routine"'])
    def test_not_json(
        self, run: CommandLine, tmp_path: pathlib.Path, text: str
    ) -> None:
        """A file that is not JSON is one line and exit status 1."""
        lines = run.failed("validate", saved(tmp_path, text), status=1)
        assert 1 == len(lines)
        assert lines[0].startswith("backroutine: error: invalid document: $: is ")
        assert "valid JSON" not in lines[0]  # the library's words, not orjson's

    def test_too_large(self, run: CommandLine, tmp_path: pathlib.Path) -> None:
        """A file over the size limit is refused as too large, unread past it."""
        path = tmp_path / "huge.json"
        with path.open("wb") as file:
            file.truncate(MAX_DOCUMENT_BYTES + 1_000_000)  # a sparse file
        lines = run.failed("validate", str(path), status=1)
        expected = (
            "backroutine: error: invalid document: $: is too large to read: "
            f"more than {MAX_DOCUMENT_BYTES:,} bytes"
        )
        assert [expected] == lines

    def test_newer_version(self, run: CommandLine) -> None:
        """A document of a newer format version is one line saying so."""
        document = json.loads(dumps(default_catalog()))
        document["version"] = 3
        lines = run.failed("validate", "-", stdin=json.dumps(document), status=1)
        expected = (
            "backroutine: error: invalid catalog document: $.version: this version "
            "of backroutine reads format versions 1 and 2 (got 3); upgrade "
            "backroutine to read it"
        )
        assert [expected] == lines

    def test_missing_file(self, run: CommandLine, tmp_path: pathlib.Path) -> None:
        """A file that does not exist is one line naming it, exit status 1."""
        path = str(tmp_path / "nowhere.json")
        lines = run.failed("validate", path, status=1)
        expected = f"backroutine: error: cannot read {path!r}: the file does not exist"
        assert [expected] == lines

    def test_needs_a_file(self, run: CommandLine) -> None:
        """Without a file, `validate` is bad usage."""
        assert 2 == run("validate").status


class TestHelpAndVersion:
    @pytest.mark.parametrize(
        "command",
        [
            [],
            ["exercises"],
            ["show"],
            ["plan"],
            ["timeline"],
            ["screen"],
            ["validate"],
            ["schema"],
        ],
    )
    def test_help_has_an_example(self, run: CommandLine, command: list[str]) -> None:
        """Every command's --help ends with an example of its use."""
        out = run.ok(*command, "--help")
        assert "example" in out
        assert out.rstrip().splitlines()[-1].startswith("  backroutine ")

    def test_version(self, run: CommandLine) -> None:
        """--version prints the program's name and the installed version."""
        expected = f"backroutine {metadata.version('backroutine')}\n"
        assert expected == run.ok("--version")

    def test_version_when_not_installed(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--version still answers from a source tree that was never installed."""

        def missing(name: str) -> str:
            raise metadata.PackageNotFoundError(name)

        monkeypatch.setattr(metadata, "version", missing)
        assert 0 == cli.main(["--version"])
        assert "backroutine (version unknown: not installed)\n" == (
            capsys.readouterr().out
        )


class TestMain:
    def test_main_returns_the_status(self, capsys: pytest.CaptureFixture[str]) -> None:
        """main() returns the exit status rather than exiting, even for usage."""
        assert 0 == cli.main(["show", PRESS_UP])
        assert 2 == cli.main(["bogus"])
        assert 0 == cli.main(["--help"])
        assert default_catalog()[PRESS_UP].name in capsys.readouterr().out

    def test_interrupt(self, run: CommandLine, monkeypatch: pytest.MonkeyPatch) -> None:
        """Ctrl-C is one line on standard error and exit status 130."""

        def interrupted(_language: str) -> NoReturn:
            raise KeyboardInterrupt

        monkeypatch.setattr(cli, "default_catalog", interrupted)
        result = run("exercises")
        assert (130, "", "backroutine: interrupted\n") == (
            result.status,
            result.out,
            result.err,
        )

    def test_standard_error_broken(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """When standard error cannot be written either, the status still tells."""
        monkeypatch.setattr(sys, "stderr", Unwritable(BrokenPipeError()))
        assert 1 == cli.main(["show", "zzz"])
        assert "" == capsys.readouterr().out


class Unwritable(io.StringIO):
    """A standard stream that takes text but cannot write it out."""

    def __init__(self, error: OSError, *, buffered: bool = False) -> None:
        super().__init__()
        self.error = error
        self.buffered = buffered

    def write(self, text: str) -> int:
        if self.buffered:
            return len(text)
        raise self.error

    def flush(self) -> None:
        raise self.error


# Commands that print to standard output, each in its own way.
PRINTING = [
    ["exercises"],
    ["show", PRESS_UP, "--format", "markdown"],
    list(BEDTIME),
    ["schema", "routine"],
    ["screen", "--sign", "fever"],
    ["--help"],
    ["show", "--help"],
    ["--version"],
]
CANNOT_WRITE = "backroutine: error: cannot write to standard output: "
CLOSED_PIPE = f"{CANNOT_WRITE}the pipe was closed by the program reading it\n"
CLOSED = f"{CANNOT_WRITE}it is closed\n"
NO_SPACE = f"{CANNOT_WRITE}{os.strerror(errno.ENOSPC)}\n"


class TestOutputFailures:
    """Standard output that cannot be written: one line and a status, in-process."""

    @pytest.mark.parametrize("args", PRINTING, ids=" ".join)
    @pytest.mark.parametrize("buffered", [False, True], ids=["write", "flush"])
    def test_closed_pipe(
        self,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        args: list[str],
        buffered: bool,
    ) -> None:
        """A pipe whose reader has gone exits 141, whether on write or flush."""
        stdout = Unwritable(
            BrokenPipeError(errno.EPIPE, "Broken pipe"), buffered=buffered
        )
        monkeypatch.setattr(sys, "stdout", stdout)
        assert (141, CLOSED_PIPE) == (cli.main(args), capsys.readouterr().err)

    @pytest.mark.parametrize("args", PRINTING, ids=" ".join)
    @pytest.mark.parametrize("buffered", [False, True], ids=["write", "flush"])
    def test_full_disk(
        self,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        args: list[str],
        buffered: bool,
    ) -> None:
        """A full disk exits 74 (EX_IOERR), saying why, whether on write or flush."""
        error = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        monkeypatch.setattr(sys, "stdout", Unwritable(error, buffered=buffered))
        assert (74, NO_SPACE) == (cli.main(args), capsys.readouterr().err)

    @pytest.mark.parametrize("args", PRINTING, ids=" ".join)
    def test_closed(
        self,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        args: list[str],
    ) -> None:
        """Standard output closed (sys.stdout is None) exits 74, saying so."""
        monkeypatch.setattr(sys, "stdout", None)
        assert (74, CLOSED) == (cli.main(args), capsys.readouterr().err)

    def test_bad_descriptor(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A descriptor that cannot be written (EBADF) counts as closed."""
        error = OSError(errno.EBADF, os.strerror(errno.EBADF))
        monkeypatch.setattr(sys, "stdout", Unwritable(error))
        assert (74, CLOSED) == (cli.main(["exercises"]), capsys.readouterr().err)

    def test_not_needed(
        self,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        tmp_path: pathlib.Path,
    ) -> None:
        """A command that prints nothing succeeds with standard output closed."""
        monkeypatch.setattr(sys, "stdout", None)
        path = tmp_path / "routine.txt"
        assert (0, "") == (
            cli.main([*BEDTIME, "--out", str(path)]),
            capsys.readouterr().err,
        )
        assert routine_text(bedtime()) == path.read_text(encoding="utf-8")

    def test_exit_statuses_are_exported(self) -> None:
        """The new statuses are public constants, beside the others."""
        assert (74, 130, 141) == (
            cli.EXIT_IO_ERROR,
            cli.EXIT_INTERRUPTED,
            cli.EXIT_BROKEN_PIPE,
        )
        assert {"EXIT_IO_ERROR", "EXIT_INTERRUPTED", "EXIT_BROKEN_PIPE"} <= set(
            cli.__all__
        )


# Smoke tests: the real entry points, in a process of their own, for what
# only a real process shows: the exit status the shell sees, the streams as
# the operating system gives them, and what Python prints as it exits.


def python_m(
    *args: str, stdout: Any = subprocess.PIPE, prefix: Sequence[str] = ()
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m backroutine`` with *args*, capturing standard error."""
    return subprocess.run(
        [*prefix, sys.executable, "-m", "backroutine", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "80"},
        timeout=60,
        check=False,
    )


DEV_FULL = pathlib.Path("/dev/full")

# main() with files limited to 1000 bytes, a fraction of a routine; the limit
# is lifted again after, so that coverage can save its data.
WITHIN_FILE_SIZE_LIMIT = """
import resource, sys
from backroutine.cli import main
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
resource.setrlimit(resource.RLIMIT_FSIZE, (1000, hard))
status = main(sys.argv[1:])
resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
sys.exit(status)
"""


class TestRealProcess:
    def test_python_dash_m(self) -> None:
        """`python -m backroutine` prints the committed schema, byte for byte."""
        result = python_m("schema", "routine")
        expected = (SCHEMAS / "routine.schema.json").read_bytes()
        assert (expected, b"", 0) == (result.stdout, result.stderr, result.returncode)

    def test_console_script(self, run: CommandLine) -> None:
        """The installed `backroutine` script prints what main() prints."""
        script = pathlib.Path(sys.executable).parent / "backroutine"
        if not script.exists():
            pytest.skip("the console script is not installed next to Python")
        result = run_command([str(script), "show", PRESS_UP])
        assert (run.ok("show", PRESS_UP), "", 0) == (
            result.stdout,
            result.stderr,
            result.returncode,
        )

    @pytest.mark.parametrize(
        ("args", "status", "line"),
        [
            (["show", "zzz"], 1, "backroutine: error: unknown exercise id 'zzz'"),
            (
                ["plan", "--time", "noon"],
                2,
                (
                    "backroutine plan: error: argument --time: unknown time of day "
                    "'noon'; choose from morning, midday, evening, bedtime"
                ),
            ),
            (
                ["plan", "--time", "bedtime", "--time", "morning"],
                2,
                (
                    "backroutine plan: error: argument --time: takes one value "
                    "(got 'bedtime', then 'morning')"
                ),
            ),
            (["plan", "--time", "midday", "--sign", "saddle-numbness"], 3, NOT_PLANNED),
        ],
        ids=["bad input", "bad usage", "given twice", "seek care"],
    )
    def test_exit_status(self, args: list[str], status: int, line: str) -> None:
        """The shell sees the status main() returns, with no traceback."""
        result = python_m(*args)
        stderr = result.stderr.decode("utf-8")
        assert (status, True) == (result.returncode, line in stderr.splitlines())
        assert "Traceback" not in stderr

    def test_screening_as_json(self) -> None:
        """`screen --format json` prints the document and exits 3 for seek care."""
        result = python_m("screen", "--sign", "fever", "--format", "json")
        screening = loads(result.stdout, Screening)
        assert (3, b"", screen([WarningSign.FEVER])) == (
            result.returncode,
            result.stderr,
            screening,
        )

    def test_closed_pipe(self) -> None:
        """A pipe with no reader: exit 141, one line, nothing at Python's exit."""
        reader, writer = os.pipe()
        os.close(reader)  # as `| true` does, before anything is written
        try:
            result = python_m("exercises", stdout=writer)
        finally:
            os.close(writer)
        assert (141, CLOSED_PIPE) == (result.returncode, result.stderr.decode())

    @pytest.mark.skipif(not DEV_FULL.exists(), reason="no /dev/full")
    def test_full_disk(self) -> None:
        """`> /dev/full`: exit 74, one line, nothing at Python's exit."""
        with DEV_FULL.open("wb") as full:
            result = python_m("exercises", stdout=full)
        assert (74, NO_SPACE) == (result.returncode, result.stderr.decode())

    @pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX shell")
    def test_closed_stdout(self) -> None:
        """`>&-`: exit 74, one line saying standard output is closed."""
        closed = ("sh", "-c", 'exec "$@" >&-', "sh")
        result = python_m("exercises", stdout=None, prefix=closed)
        assert (74, CLOSED) == (result.returncode, result.stderr.decode())

    @pytest.mark.skipif(sys.platform == "win32", reason="no file-size limit")
    def test_out_beyond_the_file_size_limit(self, old_file: pathlib.Path) -> None:
        """A write the file-size limit stops leaves the old file, and no other."""
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                WITHIN_FILE_SIZE_LIMIT,
                *BEDTIME,
                "--out",
                str(old_file),
            ],
            capture_output=True,
            timeout=60,
            check=False,
        )
        expected = (
            f"backroutine: error: cannot write {str(old_file)!r}: "
            f"{os.strerror(errno.EFBIG)}\n"
        )
        assert (1, expected) == (result.returncode, result.stderr.decode())
        assert (OLD, [old_file]) == (
            old_file.read_text(encoding="utf-8"),
            list(old_file.parent.iterdir()),
        )


class TestWidth:
    @pytest.mark.parametrize(
        "args",
        [
            ["exercises"],
            ["exercises", "--target", "hips"],
            *(["show", exercise_id] for exercise_id in IDS),
            *(["show", exercise_id, "--format", "markdown"] for exercise_id in IDS),
            ["--help"],
            ["exercises", "--help"],
            ["show", "--help"],
            ["plan", "--help"],
            ["timeline", "--help"],
            ["screen", "--help"],
            ["validate", "--help"],
            ["schema", "--help"],
            list(BEDTIME),
            [*BEDTIME, "--format", "markdown"],
            [*BEDTIME[:-1], "240"],
            [*BEDTIME[:-1], "240", "--format", "markdown"],
            [*BEDTIME, "--condition", "pregnancy", "--sign", "pain-below-knee"],
            ["screen", "--sign", "worsening-pain", "--sign", "persistent-pain"],
        ],
        ids=" ".join,
    )
    def test_lines_fit_80_columns(self, run: CommandLine, args: list[str]) -> None:
        """No line of output is longer than 80 characters."""
        lines = run.ok(*args).splitlines()
        assert [] == [line for line in lines if len(line) > 80]
