"""The command line's own messages for people are marked for translation.

No catalog is needed: the language's translations are replaced by one that
wraps every message it translates in «…», so that a line shows whether it
went through gettext.  What the command line builds itself is checked here
(what it logged, imported, or why nothing was planned); the text of a
routine or a screening is the renderers', and their tests' concern.
Help, usage errors and JSON stay English, and so unmarked.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backroutine import _i18n
from tests.test_cli import CommandLine, run

__all__ = ["run"]  # the fixture, imported for these tests

pytestmark = pytest.mark.usefixtures("marked")

DATA_SET = Path(__file__).parent / "data" / "free-exercise-db" / "exercises.json"


@pytest.fixture(autouse=True)
def spanish_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line speaks the environment's language when not told."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "es_ES.UTF-8")


@pytest.fixture
def programme(run: CommandLine, tmp_path: Path) -> Path:
    """A one-week morning programme, saved as JSON, in "Spanish"."""
    path = tmp_path / "programme.json"
    with _i18n.speaking(_i18n.DEFAULT_LANGUAGE):
        run.ok("programme", "--time", "morning", "--minutes", "4", "--weeks", "1",
               "--start", "2026-12-07", "--format", "json", "--lang", "es",
               "--out", str(path))  # fmt: skip
    return path


def test_log_says_what_it_logged(
    run: CommandLine, programme: Path, tmp_path: Path
) -> None:
    out = run.ok("log", str(programme), "--log", str(tmp_path / "log.jsonl"),
                 "--date", "2026-12-07", "--slot", "morning", "--pain", "2")  # fmt: skip
    assert "«logged the morning session of 2026-12-07»\n" == out


def test_log_stopped_by_a_warning_sign(
    run: CommandLine, programme: Path, tmp_path: Path
) -> None:
    err = run.stopped("log", str(programme), "--log", str(tmp_path / "log.jsonl"),
                      "--date", "2026-12-07", "--slot", "morning", "--pain", "2",
                      "--sign", "saddle-numbness")  # fmt: skip
    first, blank = err.splitlines()[:2]
    assert "backroutine: «nothing planned: warning signs say to seek care instead»" == (
        first
    )
    assert "" == blank


def test_plan_stopped_by_a_warning_sign(run: CommandLine) -> None:
    err = run.stopped("plan", "--time", "bedtime", "--sign", "saddle-numbness")
    assert err.startswith(
        "backroutine: «nothing planned: warning signs say to seek care instead»\n\n"
    )


def test_filters_no_exercise_matches(run: CommandLine) -> None:
    lines = run.failed("exercises", "--time", "bedtime", "--position", "standing",
                       status=1)  # fmt: skip
    assert [
        "backroutine: error: «no exercise matches --time bedtime --position standing»"
    ] == lines


def test_import_says_what_it_read(run: CommandLine, tmp_path: Path) -> None:
    data = json.loads(DATA_SET.read_text(encoding="utf-8"))[:40]
    out, report = tmp_path / "catalog.json", tmp_path / "unread.txt"
    said = run.ok("import", "free-exercise-db", "-", "--out", str(out),
                  "--report", str(report), stdin=json.dumps(data))  # fmt: skip
    lines = said.splitlines()
    assert lines[0].startswith("«imported ")
    assert lines[0].endswith(" with a dose read from their instructions»")
    assert lines[1].startswith("«not imported: ")
    assert f"«every one, with its reasons: {report}»" == lines[-1]
    assert all(line.startswith("«") and line.endswith("»") for line in lines)


def test_help_and_usage_errors_stay_english(run: CommandLine) -> None:
    """Help is for developers: nothing in it is translated, lists included."""
    help_ = run.ok("calendar", "--help")
    assert "(default: 07:30 in the morning, " in help_
    assert "«" not in help_
    result = run("plan", "--time", "bedtime", "--time", "morning")
    assert (2, "") == (result.status, result.out)
    assert "«" not in result.err


def test_json_says_its_language_and_keeps_its_codes(run: CommandLine) -> None:
    """A screening's advice is in the language, and says so; codes are not."""
    result = run("screen", "--sign", "fever", "--format", "json")
    document = json.loads(result.out)
    assert ("screening", "es", "urgent") == (
        document["kind"],
        document["language"],
        document["urgency"],
    )
    assert document["advice"].startswith("«")
    assert ["fever"] == [finding["sign"] for finding in document["findings"]]
