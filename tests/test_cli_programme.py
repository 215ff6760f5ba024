"""The programme commands: programme, log and next, run in this process."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

from backroutine import Catalog, Programme, Routine, dumps, loads, read_log
from tests.test_cli import CommandLine, run

__all__ = ["run"]  # the fixture, imported for these tests


@pytest.fixture
def programme(run: CommandLine, tmp_path: Path) -> Path:
    """A morning and bedtime programme, 3 days a week, saved as JSON."""
    path = tmp_path / "programme.json"
    run.ok(
        "programme",
        "--time", "morning",
        "--time", "bedtime",
        "--minutes", "6",
        "--weeks", "4",
        "--days-per-week", "3",
        "--start", "2026-12-07",
        "--format", "json",
        "--out", str(path),
    )  # fmt: skip
    return path


def test_programme_prints_its_schedule_and_routines(run: CommandLine) -> None:
    out = run.ok(
        "programme", "--time", "morning", "--time", "bedtime", "--minutes", "6"
    )
    assert out.startswith("Morning and bedtime, every day, for 4 weeks\n")
    assert "Which days: every day\nHow often: twice a day: morning and bedtime\n" in out
    assert "\nMorning: lower back\n" in out
    assert "\nBedtime: lower back\n" in out


def test_programme_json_is_a_programme(programme: Path) -> None:
    read = loads(programme.read_text(encoding="utf-8"), Programme)
    assert ["morning", "bedtime"] == [slot.id for slot in read.slots]
    assert "2026-12-07" == json.loads(programme.read_text())["start"]


def test_log_then_next(run: CommandLine, programme: Path, tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    common = [str(programme), "--log", str(log)]
    first = run.ok("next", *common[:3], "--date", "2026-12-07", "--format", "json")
    out = run.ok(
        "log", *common, "--date", "2026-12-07", "--slot", "morning", "--pain", "2"
    )
    assert "logged the morning session of 2026-12-07\n" == out
    (session,) = read_log(log)
    before = loads(first, Routine)
    assert [s.exercise.id for s in before.steps] == [
        done.exercise for done in session.exercises
    ]
    again = loads(
        run.ok("next", *common, "--date", "2026-12-09", "--format", "json"), Routine
    )
    assert "Morning: lower back" == again.name
    assert [s.sets for s in before.steps] == [s.sets for s in again.steps]
    assert "that went well (pain of 2): the same dose once more" in str(
        again.steps[0].note
    )
    run.ok("log", *common, "--date", "2026-12-09", "--slot", "morning", "--pain", "1")
    after = loads(
        run.ok("next", *common, "--date", "2026-12-11", "--format", "json"), Routine
    )
    assert [s.sets for s in before.steps] != [s.sets for s in after.steps]
    assert "with little pain (pain of 1)" in str(after.steps[0].note)


def test_a_warning_sign_is_logged_then_stops(
    run: CommandLine, programme: Path, tmp_path: Path
) -> None:
    log = tmp_path / "log.jsonl"
    common = [str(programme), "--log", str(log), "--date", "2026-12-07"]
    err = run.stopped(
        "log", *common, "--slot", "bedtime", "--pain", "3", "--sign", "saddle-numbness"
    )
    assert "nothing planned" in err
    assert 1 == len(read_log(log))
    assert "Call emergency services" in run.stopped("next", *common)


@pytest.mark.parametrize(
    ("args", "status", "error"),
    [
        (
            ["--slot", "morning"],
            2,
            ("backroutine log: error: --pain required, unless --session gives it all"),
        ),
        (
            ["--slot", "noon", "--pain", "1"],
            1,
            (
                "backroutine: error: --slot must be one of the programme's slots, "
                "'morning', 'bedtime' (got 'noon')"
            ),
        ),
        (
            ["--slot", "morning", "--pain", "11"],
            2,
            (
                "backroutine log: error: argument --pain: expected a pain score, a "
                "whole number from 0 to 10 (got '11')"
            ),
        ),
    ],
)
def test_log_refuses(
    run: CommandLine,
    programme: Path,
    args: list[str],
    status: int,
    error: str,
) -> None:
    log = programme.with_name("log.jsonl")
    result = run(
        "log", str(programme), "--log", str(log), "--date", "2026-12-08", *args
    )
    assert (status, "") == (result.status, result.out)
    assert error == result.err.splitlines()[-1]
    assert not log.exists()


def test_log_before_the_start_names_the_session(
    run: CommandLine, programme: Path, tmp_path: Path
) -> None:
    log = tmp_path / "log.jsonl"
    lines = run.failed(
        "log", str(programme), "--log", str(log), "--date", "2026-12-01",
        "--slot", "morning", "--pain", "1",
        status=1,
    )  # fmt: skip
    assert [
        (
            "backroutine: error: invalid session document: the session: $.date: must be "
            "on or after the programme's start, 2026-12-07 (got '2026-12-01')"
        )
    ] == lines


def test_next_without_a_log_is_the_first_session(
    run: CommandLine, programme: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "none.jsonl"
    out = run.ok(
        "next", str(programme), "--log", str(missing), "--date", "2026-12-09",
        "--slot", "bedtime", "--format", "json",
    )  # fmt: skip
    first = loads(programme.read_text(encoding="utf-8"), Programme).slots[1].routine
    assert first == loads(out, Routine)
    assert not missing.exists()


def test_log_needs_a_readable_log(
    run: CommandLine, programme: Path, tmp_path: Path
) -> None:
    lines = run.failed(
        "log", str(programme), "--log", str(tmp_path), "--date", "2026-12-08",
        "--slot", "bedtime", "--pain", "1",
        status=1,
    )  # fmt: skip
    assert [
        (
            f"backroutine: error: cannot read {str(tmp_path)!r}: it is a directory, "
            "not a file"
        )
    ] == lines


def test_days_per_week_within_a_week(run: CommandLine) -> None:
    lines = run.failed(
        "programme", "--time", "morning", "--days-per-week", "9", status=1
    )
    assert ["backroutine: error: --days-per-week must be from 1 to 7 (got 9)"] == lines


def test_a_bad_date_is_bad_usage(run: CommandLine, programme: Path) -> None:
    result = run("next", str(programme), "--log", "x", "--date", "2026-02-30")
    assert 2 == result.status
    assert result.err.endswith(
        "argument --date: expected a date written YYYY-MM-DD, such as 2026-12-07 "
        "(got '2026-02-30')\n"
    )


def test_logging_a_session_again_keeps_what_was_done(
    run: CommandLine, programme: Path, tmp_path: Path
) -> None:
    """Adding the next morning's pain later records the same sets again."""
    log = tmp_path / "log.jsonl"
    common = [str(programme), "--log", str(log), "--date", "2026-12-07"]
    run.ok("log", *common, "--slot", "morning", "--pain", "2")
    run.ok("log", *common, "--slot", "morning", "--pain", "2", "--next-morning", "1")
    first, again = read_log(log)
    assert [d.sets for d in first.exercises] == [d.sets for d in again.exercises]
    assert (None, 1) == (first.next_morning, again.next_morning)


def test_a_whole_session_from_a_file(
    run: CommandLine, programme: Path, tmp_path: Path
) -> None:
    log = tmp_path / "log.jsonl"
    run.ok("log", str(programme), "--log", str(log), "--date", "2026-12-07",
           "--slot", "morning", "--pain", "2")  # fmt: skip
    (session,) = read_log(log)
    saved = tmp_path / "session.json"
    saved.write_text(dumps(attrs.evolve(session, slot="noon")), encoding="utf-8")
    lines = run.failed(
        "log", str(programme), "--log", str(log), "--session", str(saved), status=1
    )
    assert [
        (
            "backroutine: error: invalid session document: "
            f"{saved}: $.slot: must be one of the programme's slots, 'morning', "
            "'bedtime' (got 'noon')"
        )
    ] == lines
    saved.write_text(dumps(attrs.evolve(session, note="Stiff.")), encoding="utf-8")
    result = run("log", str(programme), "--log", str(log), "--session", str(saved),
                 "--pain", "3")  # fmt: skip
    assert (2, ("backroutine log: error: --session gives the whole session: leave "
            "out --pain\n")) == (result.status, result.err)  # fmt: skip
    run.ok("log", str(programme), "--log", str(log), "--session", str(saved))
    assert "Stiff." == read_log(log)[-1].note


def test_next_as_text_and_markdown(run: CommandLine, programme: Path) -> None:
    args = ["next", str(programme), "--log", "none.jsonl", "--date", "2026-12-09"]
    text = run.ok(*args)
    assert text.startswith("Morning: lower back\n")
    assert "How often: once a day, 3 days a week" in text
    assert run.ok(*args, "--format", "markdown").startswith("# Morning: lower back\n")


def test_a_start_too_late_in_the_calendar(run: CommandLine) -> None:
    lines = run.failed(
        "programme", "--time", "morning", "--start", "9999-12-30", status=1
    )
    assert lines[0].startswith("backroutine: error: --start must leave room for 4 ")


def test_a_log_in_a_directory_that_does_not_exist(
    run: CommandLine, programme: Path, tmp_path: Path
) -> None:
    log = tmp_path / "missing" / "log.jsonl"
    lines = run.failed(
        "log", str(programme), "--log", str(log), "--date", "2026-12-07",
        "--slot", "morning", "--pain", "1",
        status=1,
    )  # fmt: skip
    assert [
        (f"backroutine: error: cannot write {str(log)!r}: its directory does not exist")
    ] == lines


def test_adherence_needs_its_log(run: CommandLine, programme: Path) -> None:
    lines = run.failed(
        "adherence", str(programme), "--log", "none.jsonl", "--date", "2026-12-09",
        status=1,
    )  # fmt: skip
    assert [
        "backroutine: error: cannot read 'none.jsonl': the file does not exist"
    ] == lines


def test_plan_and_programme_from_a_catalog_file(
    run: CommandLine, tmp_path: Path
) -> None:
    """--catalog plans from the exercises of a catalog document only."""
    catalog = tmp_path / "bedtime.json"
    run.ok("exercises", "--time", "bedtime", "--position", "supine",
           "--format", "json", "--out", str(catalog))  # fmt: skip
    ids = {e.id for e in loads(catalog.read_text(encoding="utf-8"), Catalog)}
    planned = loads(
        run.ok("plan", "--time", "bedtime", "--catalog", str(catalog),
               "--format", "json"),
        Routine,
    )  # fmt: skip
    assert {e.id for e in planned.exercises} <= ids
    out = tmp_path / "programme.json"
    run.ok("programme", "--time", "bedtime", "--catalog", str(catalog),
           "--format", "json", "--out", str(out))  # fmt: skip
    programme = loads(out.read_text(encoding="utf-8"), Programme)
    assert {e.id for e in programme.slots[0].routine.exercises} <= ids
    routine = loads(
        run.ok("next", str(out), "--log", str(tmp_path / "log.jsonl"),
               "--date", "2026-12-09", "--catalog", str(catalog),
               "--format", "json"),
        Routine,
    )  # fmt: skip
    assert programme.slots[0].routine.exercises == routine.exercises


def test_a_catalog_that_is_not_one(run: CommandLine, tmp_path: Path) -> None:
    routine = tmp_path / "routine.json"
    run.ok("plan", "--time", "bedtime", "--format", "json", "--out", str(routine))
    lines = run.failed("plan", "--time", "bedtime", "--catalog", str(routine), status=1)
    assert lines[0].startswith(
        "backroutine: error: invalid catalog document: $.kind: must be 'catalog'"
    )
