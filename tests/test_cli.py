import os
import pathlib
import subprocess
import sys
from importlib import metadata
from typing import NoReturn

import pytest

from backroutine import (
    BackroutineError,
    InvalidDocumentError,
    SeekCareError,
    cli,
    default_catalog,
)
from backroutine._render import exercise_list_text

PRESS_UP = "spine-press-up"
IDS = default_catalog().ids


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m backroutine`` with *args*, as a person would in a shell."""
    return subprocess.run(
        [sys.executable, "-m", "backroutine", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "COLUMNS": "80"},
        timeout=60,
        check=False,
    )


def ok(*args: str) -> str:
    """The standard output of a run that succeeded quietly."""
    result = run(*args)
    assert ("", 0) == (result.stderr, result.returncode)
    return result.stdout


class TestExercises:
    def test_lists_every_built_in_exercise(self) -> None:
        """`exercises` lists the id and name of all three built-in exercises."""
        out = ok("exercises")
        assert 3 == len(IDS)
        for exercise in default_catalog():
            assert f"{exercise.id}\n  {exercise.name}\n" in out

    def test_gives_position_targets_and_dose(self) -> None:
        """Each exercise in the list comes with its position, targets and dose."""
        out = ok("exercises")
        assert "Position: prone (lying face down)" in out
        assert "Targets:  lumbar spine, hip flexors, abdominals" in out
        assert "8 to 10 reps each side, alternating, hold 10 to 15 seconds" in out

    def test_takes_no_arguments(self) -> None:
        """An argument that `exercises` does not take is bad usage."""
        assert 2 == run("exercises", PRESS_UP).returncode


class TestShow:
    def test_shows_the_name_and_id(self) -> None:
        """`show` starts with the exercise's name, underlined, and its id."""
        out = ok("show", PRESS_UP)
        assert out.startswith(f"Spine press-up\n==============\nid: {PRESS_UP}\n")

    def test_numbers_the_steps(self) -> None:
        """The steps are numbered in order."""
        out = ok("show", PRESS_UP)
        steps = default_catalog()[PRESS_UP].instructions
        for number, step in enumerate(steps, start=1):
            assert f"\n  {number}. {step}\n" in out

    def test_shows_the_dose_in_words(self) -> None:
        """The dose reads as words, not as data."""
        out = ok("show", PRESS_UP)
        assert "Dose:        1 set of 8 to 10 reps, hold 3 to 5 seconds\n" in out

    def test_shows_when_it_suits(self) -> None:
        """Enum values read as words, with spaces for underscores."""
        out = ok("show", "supine-posterior-pelvic-tilt")
        assert "Time of day: morning, evening\n" in out
        assert "Occasions:   after sitting\n" in out
        assert "Targets:     abdominals, lower back\n" in out

    def test_needs_an_id(self) -> None:
        """`show` without an id is bad usage, reported without a traceback."""
        result = run("show")
        assert 2 == result.returncode
        assert "the following arguments are required: ID" in result.stderr
        assert "Traceback" not in result.stderr


class TestErrors:
    def test_unknown_id(self) -> None:
        """An unknown id exits 1 with one line naming it and the likely id."""
        result = run("show", "spine-pressup")
        expected = (
            "backroutine: error: unknown exercise id 'spine-pressup'; "
            "did you mean 'spine-press-up'?\n"
        )
        assert (expected, "", 1) == (
            result.stderr,
            result.stdout,
            result.returncode,
        )

    def test_unknown_id_without_suggestion(self) -> None:
        """An id like no other exits 1 with one line and no suggestion."""
        result = run("show", "zzz")
        assert "backroutine: error: unknown exercise id 'zzz'\n" == result.stderr
        assert 1 == result.returncode

    @pytest.mark.parametrize(
        "args", [["bogus"], ["--bogus"], ["show", PRESS_UP, "extra"]]
    )
    def test_bad_usage(self, args: list[str]) -> None:
        """An unknown command, option or extra argument exits 2 with usage."""
        result = run(*args)
        assert 2 == result.returncode
        assert result.stderr.startswith("usage: backroutine")
        assert "Traceback" not in result.stderr
        assert "" == result.stdout

    def test_no_command(self) -> None:
        """Without a command, the help goes to standard error and it exits 2."""
        result = run()
        assert 2 == result.returncode
        assert "" == result.stdout
        assert "commands:" in result.stderr
        assert "show " in result.stderr

    def test_invalid_document_is_one_line_per_problem(self) -> None:
        """Each problem of an invalid document gets a line of its own."""
        error = InvalidDocumentError(["$.name: bad", "$.steps: bad"], kind="routine")
        assert [
            "backroutine: error: invalid routine document: $.name: bad\n",
            "backroutine: error: invalid routine document: $.steps: bad\n",
        ] == cli._error_lines(error)

    @pytest.mark.parametrize(
        ("error", "status"),
        [(BackroutineError("bad"), 1), (SeekCareError("see a doctor"), 3)],
    )
    def test_exit_status(
        self,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        error: BackroutineError,
        status: int,
    ) -> None:
        """Bad input exits 1 and a screening that says to seek care exits 3."""

        def fail() -> NoReturn:
            raise error

        monkeypatch.setattr(cli, "default_catalog", fail)
        assert status == cli.main(["exercises"])
        captured = capsys.readouterr()
        assert (f"backroutine: error: {error}\n", "") == (captured.err, captured.out)


class TestHelpAndVersion:
    @pytest.mark.parametrize("command", [[], ["exercises"], ["show"]])
    def test_help_has_an_example(self, command: list[str]) -> None:
        """Every command's --help ends with an example of its use."""
        out = ok(*command, "--help")
        assert "example" in out
        assert out.rstrip().splitlines()[-1].startswith("  backroutine ")

    def test_version(self) -> None:
        """--version prints the program's name and the installed version."""
        expected = f"backroutine {metadata.version('backroutine')}\n"
        assert expected == ok("--version")

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


class TestEntryPoints:
    def test_python_dash_m(self) -> None:
        """`python -m backroutine` runs the command line."""
        assert exercise_list_text(default_catalog()) == ok("exercises")

    def test_console_script(self) -> None:
        """The installed `backroutine` script gives the same output as -m."""
        script = pathlib.Path(sys.executable).parent / "backroutine"
        if not script.exists():
            pytest.skip("the console script is not installed next to Python")
        result = subprocess.run(
            [str(script), "show", PRESS_UP],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
            check=False,
        )
        assert (ok("show", PRESS_UP), "", 0) == (
            result.stdout,
            result.stderr,
            result.returncode,
        )

    def test_main_returns_the_status(self, capsys: pytest.CaptureFixture[str]) -> None:
        """main() returns the exit status rather than exiting, even for usage."""
        assert 0 == cli.main(["show", PRESS_UP])
        assert 2 == cli.main(["bogus"])
        assert 0 == cli.main(["--help"])
        assert "Spine press-up" in capsys.readouterr().out


class TestWidth:
    @pytest.mark.parametrize(
        "args",
        [
            ["exercises"],
            *(["show", exercise_id] for exercise_id in IDS),
            ["--help"],
            ["exercises", "--help"],
            ["show", "--help"],
        ],
        ids=" ".join,
    )
    def test_lines_fit_80_columns(self, args: list[str]) -> None:
        """No line of output is longer than 80 characters."""
        lines = ok(*args).splitlines()
        assert [] == [line for line in lines if len(line) > 80]
