import json
import pathlib
import subprocess
import sys

import pytest

from backroutine import Routine, loads

EXAMPLES = sorted((pathlib.Path(__file__).parent.parent / "examples").glob("*.py"))


def run(script: pathlib.Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(script), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


class TestExamples:
    def test_there_are_examples(self) -> None:
        """The examples folder is not empty."""
        assert EXAMPLES

    @pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
    def test_runs(self, script: pathlib.Path) -> None:
        """Every example runs to the end without an error."""
        result = run(script)
        assert ("", 0) == (result.stderr, result.returncode)
        assert result.stdout

    def test_compose_routine_writes_a_routine(self, tmp_path: pathlib.Path) -> None:
        """The compose example writes a routine document that loads."""
        out = tmp_path / "routine.json"
        script = next(p for p in EXAMPLES if p.name == "compose_routine.py")
        result = run(script, str(out))
        assert 0 == result.returncode
        routine = loads(out.read_bytes(), Routine)
        assert "Evening unwind" == routine.name
        assert "routine" == json.loads(out.read_text(encoding="utf-8"))["kind"]
