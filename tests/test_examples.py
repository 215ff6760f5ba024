import importlib.util
import io
import json
import pathlib
import subprocess
from types import ModuleType

import attrs
import pytest

from backroutine import (
    Bias,
    CueKind,
    InvalidDocumentError,
    PlanRequest,
    Routine,
    TimeOfDay,
    dumps,
    estimate_duration,
    loads,
    plan_routine,
    timeline,
    unstructure,
)
from tests.helpers import planned, run_python

EXAMPLES_DIR = pathlib.Path(__file__).parent.parent / "examples"
EXAMPLES = sorted(EXAMPLES_DIR.glob("*.py"))

# The arguments each example is run with to check that it runs to the end;
# an example not listed here runs without any.
ARGUMENTS: dict[str, list[str]] = {
    "receive_routine.py": ["--demo"],
    "text_timer.py": ["--speed", "0", "--minutes", "2"],
}


def run(
    name: str, *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the example *name* with *args*, warnings as errors."""
    return run_python("-W", "error", str(EXAMPLES_DIR / name), *args, input=stdin)


def load_example(name: str) -> ModuleType:
    """Import the example *name* (which is not in a package) as a module."""
    path = EXAMPLES_DIR / name
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def broken_document() -> str:
    """A routine document with reps as a string and a key the format does not know."""
    document = unstructure(planned(time_of_day=TimeOfDay.EVENING, minutes=5))
    document["steps"][0]["sets"][0]["reps"] = "10"
    document["colour"] = "blue"
    return json.dumps(document)


class TestExamples:
    def test_there_are_examples(self) -> None:
        """The examples folder is not empty."""
        assert EXAMPLES

    def test_arguments_name_examples(self) -> None:
        """Every example given arguments in the table exists."""
        assert set() == set(ARGUMENTS) - {script.name for script in EXAMPLES}

    @pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
    def test_runs(self, script: pathlib.Path) -> None:
        """Every example runs to the end with exit status 0 and prints something."""
        result = run(script.name, *ARGUMENTS.get(script.name, []))
        assert 0 == result.returncode, result.stderr
        assert "Traceback" not in result.stderr
        assert result.stdout.strip()


class TestComposeRoutine:
    def test_writes_a_routine(self, tmp_path: pathlib.Path) -> None:
        """The compose example writes a routine document that loads."""
        out = tmp_path / "routine.json"
        result = run("compose_routine.py", str(out))
        assert 0 == result.returncode
        routine = loads(out.read_bytes(), Routine)
        assert "Evening unwind" == routine.name
        assert "routine" == json.loads(out.read_text(encoding="utf-8"))["kind"]


class TestPlanAndSave:
    def test_writes_a_routine_within_the_budget(self, tmp_path: pathlib.Path) -> None:
        """The file written loads as a routine for the time asked, within the budget."""
        out = tmp_path / "bedtime.json"
        result = run(
            "plan_and_save.py", "--time", "bedtime", "--minutes", "6", "-o", str(out)
        )
        assert ("", 0) == (result.stderr, result.returncode)
        routine = loads(out.read_bytes(), Routine)
        assert TimeOfDay.BEDTIME == routine.time_of_day
        assert estimate_duration(routine) <= 6 * 60
        expected = f"wrote {out}: {routine.name}: {len(routine.steps)} exercises, "
        assert expected == result.stdout[: len(expected)]

    def test_prints_the_json_and_the_summary_apart(self) -> None:
        """Without --output the JSON goes to standard output and the summary to standard error."""
        result = run("plan_and_save.py", "--minutes", "4")
        assert 0 == result.returncode
        routine = loads(result.stdout, Routine)
        assert estimate_duration(routine) <= 4 * 60
        assert 1 == len(result.stderr.splitlines())
        assert result.stderr.startswith(f"{routine.name}: ")

    def test_respects_a_condition(self, tmp_path: pathlib.Path) -> None:
        """With spinal stenosis the midday routine holds no extension exercise."""
        out = tmp_path / "midday.json"
        args = ["--time", "midday", "--condition", "spinal-stenosis", "-o", str(out)]
        assert 0 == run("plan_and_save.py", *args).returncode
        biases = {
            exercise.bias for exercise in loads(out.read_bytes(), Routine).exercises
        }
        assert Bias.EXTENSION not in biases

    def test_refuses_an_impossible_budget(self) -> None:
        """A budget too small for any exercise exits 1 with the planner's advice."""
        result = run("plan_and_save.py", "--minutes", "0.1")
        assert 1 == result.returncode
        assert "allow at least" in result.stderr
        assert "Traceback" not in result.stderr


class TestReceiveRoutine:
    def test_refuses_a_broken_document(self, tmp_path: pathlib.Path) -> None:
        """A broken document exits 1 and prints each problem, with its path, on a line."""
        source = tmp_path / "broken.json"
        source.write_text(broken_document(), encoding="utf-8")
        with pytest.raises(InvalidDocumentError) as caught:
            loads(broken_document(), Routine)
        result = run("receive_routine.py", str(source))
        assert 1 == result.returncode
        lines = result.stderr.splitlines()
        assert [f"  {problem}" for problem in caught.value.problems] == lines[1:]
        paths = [line.split(":")[0].strip() for line in lines[1:]]
        assert ["$.steps[0].sets[0].reps", "$.colour"] == paths

    def test_accepts_a_good_document(self, tmp_path: pathlib.Path) -> None:
        """A valid document exits 0 and is summarised with its exercises."""
        routine = planned(time_of_day=TimeOfDay.EVENING, minutes=5)
        source = tmp_path / "good.json"
        source.write_text(dumps(routine), encoding="utf-8")
        result = run("receive_routine.py", str(source))
        assert ("", 0) == (result.stderr, result.returncode)
        lines = result.stdout.splitlines()
        assert lines[0].startswith(f"received {routine.name!r}: ")
        expected = [f"  {n}. {e.name}" for n, e in enumerate(routine.exercises, 1)]
        assert expected == lines[1:]

    @pytest.mark.parametrize(
        ("steps", "counted"), [(1, "1 exercise"), (2, "2 exercises")]
    )
    def test_counts_exercises_in_words(self, steps: int, counted: str) -> None:
        """The summary counts the exercises in words that agree with the count."""
        routine = planned(time_of_day=TimeOfDay.EVENING, minutes=5)
        routine = attrs.evolve(routine, steps=routine.steps[:steps])
        header = load_example("receive_routine.py").describe(routine)[0]
        assert header.startswith(f"received {routine.name!r}: {counted}, evening, ")

    @pytest.mark.parametrize(
        ("colour", "counted"), [(False, "1 problem"), (True, "2 problems")]
    )
    def test_counts_problems_in_words(self, colour: bool, counted: str) -> None:
        """The refusal counts the problems in words that agree with the count."""
        document = json.loads(broken_document())
        if not colour:
            del document["colour"]
        out, err = io.StringIO(), io.StringIO()
        status = load_example("receive_routine.py").receive(
            json.dumps(document), out, err
        )
        assert 1 == status
        first = err.getvalue().splitlines()[0]
        assert f"refused: the routine has {counted}:" == first

    def test_reads_standard_input(self) -> None:
        """With - the document is read from standard input."""
        result = run(
            "receive_routine.py",
            "-",
            stdin=dumps(planned(time_of_day=TimeOfDay.EVENING, minutes=5)),
        )
        assert ("", 0) == (result.stderr, result.returncode)

    def test_refuses_a_newer_version(self, tmp_path: pathlib.Path) -> None:
        """A document in format version 99 exits 1 asking for an older format or an upgrade."""
        document = unstructure(planned(time_of_day=TimeOfDay.EVENING, minutes=5))
        document["version"] = 99
        source = tmp_path / "newer.json"
        source.write_text(json.dumps(document), encoding="utf-8")
        result = run("receive_routine.py", str(source))
        assert 1 == result.returncode
        expected = (
            "refused: this routine is in format version 99, but this version of "
            "backroutine reads format versions up to 2: ask the sender to export "
            "it in format version 2, or upgrade backroutine\n"
        )
        assert expected == result.stderr

    def test_refuses_text_that_is_not_json(self, tmp_path: pathlib.Path) -> None:
        """A file that is not JSON exits 1 with one problem at the root."""
        source = tmp_path / "notes.txt"
        source.write_text("stretch twice a day", encoding="utf-8")
        result = run("receive_routine.py", str(source))
        assert 1 == result.returncode
        assert "  $: is not JSON (line 1, column 1)" == result.stderr.splitlines()[1]

    def test_demo_shows_every_outcome(self) -> None:
        """The demo receives one good and two refused documents."""
        result = run("receive_routine.py", "--demo")
        statuses = [
            line for line in result.stdout.splitlines() if "exit status" in line
        ]
        assert ["(exit status 0)", "(exit status 1)", "(exit status 1)"] == statuses


class TestTextTimer:
    def test_speed_zero_prints_every_cue(self) -> None:
        """With --speed 0 it prints one line per cue, from 00:00 to the done cue."""
        result = run("text_timer.py", "--speed", "0", "--minutes", "2")
        assert ("", 0) == (result.stderr, result.returncode)
        routine = plan_routine(PlanRequest(time_of_day=TimeOfDay.MORNING, minutes=2))
        cues = timeline(routine)
        lines = result.stdout.splitlines()
        assert len(cues) == len(lines)
        assert lines[0].startswith("00:00  Get ready for ")
        minutes, seconds = divmod(int(estimate_duration(routine)), 60)
        assert f"{minutes:02d}:{seconds:02d}  Done: well done." == lines[-1]
        assert CueKind.DONE == cues[-1].kind

    def test_runs_a_saved_routine(self, tmp_path: pathlib.Path) -> None:
        """With --routine it runs through the cues of the routine in the file."""
        routine = planned(time_of_day=TimeOfDay.EVENING, minutes=3)
        source = tmp_path / "routine.json"
        source.write_text(dumps(routine), encoding="utf-8")
        result = run("text_timer.py", "--routine", str(source), "--speed", "0")
        assert 0 == result.returncode
        assert len(timeline(routine)) == len(result.stdout.splitlines())

    @pytest.mark.parametrize("speed", [1, 10, 0.5])
    def test_sleeps_for_the_routine_duration(self, speed: float) -> None:
        """The runner sleeps, in all, the routine's duration divided by the speed."""
        text_timer = load_example("text_timer.py")
        routine = planned(time_of_day=TimeOfDay.EVENING, minutes=5)
        recorded: list[float] = []
        text_timer.run(
            timeline(routine), speed=speed, sleep=recorded.append, out=io.StringIO()
        )
        assert estimate_duration(routine) == pytest.approx(sum(recorded) * speed)
        assert all(seconds > 0 for seconds in recorded)

    def test_prints_cue_times_whatever_the_speed(self) -> None:
        """The times printed are the cues' starts, the same at any speed."""
        text_timer = load_example("text_timer.py")
        cues = timeline(planned(time_of_day=TimeOfDay.EVENING, minutes=5))
        printed: list[str] = []
        for speed in (0, 1, 10):
            out = io.StringIO()
            text_timer.run(cues, speed=speed, sleep=lambda _: None, out=out)
            printed.append(out.getvalue())
        assert printed[0] == printed[1] == printed[2]
        expected = [text_timer.clock(cue.start_seconds) for cue in cues]
        assert expected == [line[:5] for line in printed[0].splitlines()]

    def test_speed_zero_never_sleeps(self) -> None:
        """At speed 0 the runner does not call the sleep function."""
        text_timer = load_example("text_timer.py")
        recorded: list[float] = []
        text_timer.run(
            timeline(planned(time_of_day=TimeOfDay.EVENING, minutes=5)),
            speed=0,
            sleep=recorded.append,
            out=io.StringIO(),
        )
        assert [] == recorded

    @pytest.mark.parametrize(
        ("seconds", "expected"),
        [(0, "00:00"), (9.9, "00:09"), (65, "01:05"), (3600, "60:00")],
    )
    def test_clock(self, seconds: float, expected: str) -> None:
        """Seconds are shown as whole minutes and seconds."""
        assert expected == load_example("text_timer.py").clock(seconds)


class TestCustomExercise:
    def test_plans_the_custom_exercise(self) -> None:
        """The custom exercise's id is among the planned exercises printed."""
        result = run("custom_exercise.py")
        assert ("", 0) == (result.stderr, result.returncode)
        printed = [
            line.split()[0].removesuffix(":")
            for line in result.stdout.splitlines()
            if line.startswith("  ")
        ]
        assert "standing-pelvic-tilt" in printed
        routine = load_example("custom_exercise.py").plan_with_custom_exercise()
        assert [exercise.id for exercise in routine.exercises] == printed
