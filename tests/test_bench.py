"""A smoke run of the benchmark in ``bench/``: it runs and prints every row.

No timing assertions: timings belong in the benchmark, not in tests.  The
benchmark compares with msgspec and pydantic, which the test tools install.
"""

from __future__ import annotations

import enum
import json
import re
import sys
from pathlib import Path

import attrs
import msgspec
import pytest

# bench/ is not installed: import it from the repository.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import backroutine  # noqa: E402 (after the path is set)
from backroutine._spec import fields_of  # noqa: E402
from bench import run, vocabulary  # noqa: E402

# Every row of a quick run, with whether it carries a target (met or MISSED).
QUICK_ROWS = {
    "dumps small vs msgspec": True,
    "dumps small vs pydantic": False,
    "loads small vs msgspec": True,
    "loads small vs pydantic": False,
    "loads small vs msgspec (no text pattern)": False,
    "dumps small, nothing remembered vs msgspec": False,
    "dumps small, nothing remembered vs pydantic": False,
    "loads small, nothing remembered vs msgspec": False,
    "loads small, nothing remembered vs pydantic": False,
    "dumps large vs msgspec": True,
    "dumps large vs pydantic": False,
    "loads large vs msgspec": True,
    "loads large vs pydantic": False,
    "loads large vs msgspec (no text pattern)": False,
    "dumps large distinct vs msgspec": False,
    "dumps large distinct vs pydantic": False,
    "loads large distinct vs msgspec": False,
    "loads large distinct vs pydantic": False,
    "loads large distinct vs msgspec (no text pattern)": False,
    "plan_routine, 100 exercises": False,
    "plan_routine, 1,000 exercises": True,
    "plan_routine, 1,000 exercises, time": True,
    "process: python -c pass": False,
    "process: import attrs": False,
    "process: import cattrs": False,
    "process: import backroutine": True,
    "process: backroutine plan --format text": True,
    "import: the rule specs' own time (_spec)": False,
    "import backroutine imports cattrs/orjson": True,
    "memory, loaded large routine vs msgspec": True,
    "memory, loaded large routine vs pydantic": False,
    "memory, loaded large distinct routine vs msgspec": False,
    "memory, loaded large distinct routine vs pydantic": False,
}


def table_rows(output: str) -> dict[str, list[str]]:
    """The table's rows by measurement: the cells after the name."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("measurement"))
    rows = {}
    for line in lines[start + 2 :]:
        if not line.strip():
            break
        cells = re.split(r"\s{2,}", line.strip())
        rows[cells[0]] = cells[1:]
    return rows


@pytest.mark.no_cover  # timings under a tracer would mean nothing
def test_a_quick_run_prints_every_row_with_its_verdict(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert 0 == run.main(["--quick", "--repeat", "1"])
    output = capsys.readouterr().out
    assert "Python " in output
    assert "msgspec " in output
    assert "pydantic " in output
    rows = table_rows(output)
    assert list(QUICK_ROWS) == list(rows)
    for name, has_target in QUICK_ROWS.items():
        verdict = rows[name][-1]
        if has_target:
            assert verdict in {"met", "MISSED"}, name
        else:
            assert "-" == verdict, name


def test_the_benchmark_enums_hold_backroutines_values() -> None:
    run.check_vocabulary()
    assert {e.__name__ for e in vocabulary.ALL_ENUMS} == {
        "TimeOfDay",
        "Occasion",
        "BodyArea",
        "Position",
        "Laterality",
        "Bias",
        "Movement",
        "Equipment",
        "Difficulty",
        "Condition",
    }


@pytest.mark.parametrize(
    "library", [run.MSGSPEC, run.PYDANTIC], ids=["msgspec", "pydantic"]
)
def test_the_benchmark_models_read_and_write_backroutines_json(
    library: run.Library,
) -> None:
    data = backroutine.dumps(run.large_routine(steps=3)).encode()
    written = library.dumps(library.loads(data))
    assert isinstance(written, (str, bytes))
    assert json.loads(data) == json.loads(written)


@pytest.mark.parametrize(
    "library", [run.MSGSPEC, run.PYDANTIC], ids=["msgspec", "pydantic"]
)
@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("reps", "2"),
        ("reps", 0),
        ("reps", 2.0),
        ("unknown", 1),
        ("version", backroutine.FORMAT_VERSION + 1),
    ],
)
def test_the_benchmark_models_are_strict(
    library: run.Library, where: str, value: object
) -> None:
    document = backroutine.unstructure(run.small_routine())
    if where == "version":
        document["version"] = value
    else:
        document["steps"][0]["sets"][0][where] = value
    data = json.dumps(document).encode()
    with pytest.raises((ValueError, msgspec.ValidationError)):
        library.loads(data)


def _required_only(value: object) -> object:
    """*value* as JSON data, each field with a default left out, however deep."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [_required_only(item) for item in value]
    if not attrs.has(type(value)):
        return value
    return {
        field.name: _required_only(getattr(value, field.name))
        for field in fields_of(type(value))
        if field.default is attrs.NOTHING
    }


@pytest.mark.parametrize(
    "library",
    [run.MSGSPEC, run.PYDANTIC, run.MSGSPEC_PLAIN],
    ids=["msgspec", "pydantic", "msgspec-plain"],
)
def test_the_benchmark_models_take_defaults_from_the_model(
    library: run.Library,
) -> None:
    document = _required_only(run.small_routine())
    assert isinstance(document, dict)
    envelope = {"kind": "routine", "version": backroutine.FORMAT_VERSION}
    data = json.dumps({**envelope, **document}).encode()
    written = library.dumps(library.loads(data))
    assert isinstance(written, (str, bytes))
    expected = backroutine.dumps(backroutine.loads(data, backroutine.Routine))
    assert json.loads(expected) == json.loads(written)


@pytest.mark.parametrize(
    "library", [run.MSGSPEC, run.PYDANTIC], ids=["msgspec", "pydantic"]
)
@pytest.mark.parametrize("field", ["name", "steps"])
def test_the_benchmark_models_require_what_the_model_requires(
    library: run.Library, field: str
) -> None:
    document = backroutine.unstructure(run.small_routine())
    del document[field]
    with pytest.raises((ValueError, msgspec.ValidationError)):
        library.loads(json.dumps(document).encode())


def test_repeat_must_be_at_least_one(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run.main(["--repeat", "0"])
    assert 2 == exit_info.value.code
    assert "--repeat must be at least 1" in capsys.readouterr().err
