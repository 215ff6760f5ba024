"""A programme as an iCalendar file: read back, and expanded independently."""

from __future__ import annotations

import datetime as dt
import pathlib
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events

from backroutine import (
    InvalidValueError,
    Programme,
    Weekday,
    dumps,
    estimate_duration,
)
from backroutine._signs import SEEK_HELP_HEADING, SEEK_HELP_LEAD, SEEK_HELP_SIGNS
from backroutine.ical import DEFAULT_TIMES, to_ical
from tests.helpers import morning_and_bedtime
from tests.test_cli import CommandLine

LONDON = ZoneInfo("Europe/London")
# The clocks go forward in London on 2027-03-28: inside four weeks from here.
BEFORE_SUMMER_TIME = dt.date(2027, 3, 15)
CLOCKS_CHANGE = dt.date(2027, 3, 28)


def programme(start: dt.date | None = BEFORE_SUMMER_TIME) -> Programme:
    """Morning and bedtime, 5 days a week, for 4 weeks, from *start*."""
    return morning_and_bedtime(start)


def events(data: bytes) -> list[dict[str, Any]]:
    """The events of the calendar *data*, read back: their properties by name."""
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def scheduled(
    programme: Programme, slot_id: str, time: dt.time, tz: ZoneInfo | None = None
) -> list[dt.datetime]:
    """Each programme day from its start to its end, at *time*: the schedule."""
    assert programme.start is not None
    last = programme.end(programme.start)
    days = (
        programme.start + dt.timedelta(days=offset)
        for offset in range((last - programme.start).days + 1)
    )
    assert slot_id in [slot.id for slot in programme.slots]
    return [
        dt.datetime.combine(day, time, tz)
        for day in days
        if Weekday.of(day) in programme.days
    ]


def expanded(data: bytes, summary: str) -> list[dt.datetime]:
    """The starts of the event called *summary*, as another library expands them.

    Over a window wider than the programme on both sides, so that an
    occurrence before its start or after its end would show.
    """
    calendar = icalendar.Calendar.from_ical(data)
    occurrences = recurring_ical_events.of(calendar).between(
        dt.date(2026, 1, 1), dt.date(2028, 12, 31)
    )
    return sorted(
        event["DTSTART"].dt for event in occurrences if str(event["SUMMARY"]) == summary
    )


class TestReadBack:
    """The file is a calendar that icalendar reads: one event per slot."""

    def test_one_event_per_slot_with_its_summary_and_duration(self) -> None:
        found = events(to_ical(programme()))
        assert [slot.routine.name for slot in programme().slots] == [
            str(event["SUMMARY"]) for event in found
        ]
        for slot, event in zip(programme().slots, found, strict=True):
            assert estimate_duration(slot.routine) <= 6 * 60
            assert dt.timedelta(minutes=6) == event["DURATION"].dt
            assert f"{programme().id}-{slot.id}@backroutine" == str(event["UID"])

    def test_the_description_lists_the_exercises_and_the_seek_help_box(
        self,
    ) -> None:
        for slot, event in zip(
            programme().slots, events(to_ical(programme())), strict=True
        ):
            description = str(event["DESCRIPTION"])
            for step in slot.routine.steps:
                assert step.exercise.name in description
            box = description.split(SEEK_HELP_HEADING, 1)[1]
            assert SEEK_HELP_LEAD in box.lower()
            for sign in SEEK_HELP_SIGNS:
                assert f"- {sign}" in box

    def test_the_rule_is_weekly_on_the_programme_days(self) -> None:
        rule = events(to_ical(programme()))[0]["RRULE"]
        assert ["WEEKLY"] == rule["FREQ"]
        assert ["MO", "TU", "WE", "FR", "SA"] == rule["BYDAY"]
        floating = dt.datetime(2027, 4, 11, 7, 30)  # noqa: DTZ001 (floating)
        assert [floating] == rule["UNTIL"]

    def test_floating_times_carry_no_time_zone(self) -> None:
        data = to_ical(programme())
        assert b"VTIMEZONE" not in data
        assert all(event["DTSTART"].dt.tzinfo is None for event in events(data))


class TestSchedule:
    """The recurrences, expanded by recurring_ical_events, are the programme's."""

    def test_floating_times_are_each_programme_day_at_the_slot_time(self) -> None:
        data = to_ical(programme())
        for slot in programme().slots:
            time = DEFAULT_TIMES[slot.request.time_of_day]
            expected = scheduled(programme(), slot.id, time)
            assert 20 == len(expected)
            assert expected == expanded(data, slot.routine.name)

    def test_times_given_for_a_slot_are_kept(self) -> None:
        early = dt.time(6, 45)
        data = to_ical(programme(), at={"morning": early})
        morning, bedtime = programme().slots
        assert scheduled(programme(), "morning", early) == expanded(
            data, morning.routine.name
        )
        assert scheduled(programme(), "bedtime", dt.time(21, 30)) == expanded(
            data, bedtime.routine.name
        )

    def test_a_time_zone_keeps_the_clock_time_across_summer_time(self) -> None:
        data = to_ical(programme(), tz=LONDON)
        assert b"BEGIN:VTIMEZONE" in data
        assert b"TZID:Europe/London" in data
        for event in events(data):
            # RFC 5545: with a DTSTART in a time zone, UNTIL is in UTC.
            (until,) = event["RRULE"]["UNTIL"]
            assert dt.timedelta(0) == until.utcoffset()
        for slot, clock in zip(
            programme().slots, (dt.time(7, 30), dt.time(21, 30)), strict=True
        ):
            starts = expanded(data, slot.routine.name)
            assert scheduled(programme(), slot.id, clock, LONDON) == starts
            assert {clock} == {start.time() for start in starts}
            before = [s for s in starts if s.date() < CLOCKS_CHANGE]
            after = [s for s in starts if s.date() > CLOCKS_CHANGE]
            assert {dt.timedelta(0)} == {s.utcoffset() for s in before}
            assert {dt.timedelta(hours=1)} == {s.utcoffset() for s in after}


class TestDeterminism:
    def test_the_same_programme_gives_the_same_bytes(self) -> None:
        assert to_ical(programme()) == to_ical(programme())
        assert to_ical(programme(), tz=LONDON) == to_ical(programme(), tz=LONDON)

    def test_the_stamp_is_the_first_day_not_the_clock(self) -> None:
        stamps = {event["DTSTAMP"].dt for event in events(to_ical(programme()))}
        assert {dt.datetime(2027, 3, 15, tzinfo=dt.timezone.utc)} == stamps


class TestStart:
    def test_no_start_is_a_clear_error(self) -> None:
        with pytest.raises(InvalidValueError, match="no start date") as caught:
            to_ical(programme(None))
        assert "start" == caught.value.field

    def test_a_start_for_a_programme_without_one(self) -> None:
        data = to_ical(programme(None), start=BEFORE_SUMMER_TIME)
        morning = programme(None).slots[0]
        assert scheduled(programme(), "morning", dt.time(7, 30)) == expanded(
            data, morning.routine.name
        )

    def test_the_first_event_is_on_the_first_programme_day(self) -> None:
        # A Thursday: the first of the days (Mon, Tue, Wed, Fri, Sat) is Friday.
        thursday = dt.date(2027, 3, 18)
        first = events(to_ical(programme(None), start=thursday))[0]
        friday = dt.datetime(2027, 3, 19, 7, 30)  # noqa: DTZ001 (floating)
        assert friday == first["DTSTART"].dt

    def test_an_unknown_slot_is_refused(self) -> None:
        with pytest.raises(InvalidValueError, match=r"'noon'.*morning, bedtime"):
            to_ical(programme(), at={"noon": dt.time(12)})

    @pytest.mark.parametrize(
        ("arguments", "field", "words"),
        [
            ({"start": "2027-03-15"}, "start", "must be a datetime.date"),
            ({"start": dt.date(2027, 3, 16)}, "start", "the programme's own start"),
            ({"at": {"morning": "07:00"}}, "at['morning']", "a datetime.time"),
            (
                {"at": {"morning": dt.time(7, tzinfo=dt.UTC)}},
                "at['morning']",
                "without a time zone",
            ),
        ],
    )
    def test_bad_arguments_are_named(
        self, arguments: dict[str, object], field: str, words: str
    ) -> None:
        with pytest.raises(InvalidValueError, match=words) as caught:
            to_ical(programme(), **arguments)  # type: ignore[arg-type]
        assert field == caught.value.field


@pytest.fixture
def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> CommandLine:
    return CommandLine(capsys, monkeypatch)


class TestCommand:
    def test_calendar_writes_the_file(
        self, run: CommandLine, tmp_path: pathlib.Path
    ) -> None:
        source = tmp_path / "programme.json"
        source.write_text(dumps(programme(None)), encoding="utf-8")
        out = tmp_path / "programme.ics"
        args = ["calendar", str(source), "--out", str(out), "--at", "morning=06:45"]
        assert "" == run.ok(*args, "--start", "2027-03-15", "--tz", "Europe/London")
        expected = to_ical(
            programme(None),
            at={"morning": dt.time(6, 45)},
            start=BEFORE_SUMMER_TIME,
            tz=LONDON,
        )
        assert expected == out.read_bytes()

    @pytest.mark.parametrize(
        ("at", "status", "error"),
        [
            ("nonsense", 2, "expected SLOT=HH:MM"),
            ("morning=25:00", 2, "expected SLOT=HH:MM"),
            # A slot's name is the programme's to give: bad input, as for next.
            ("noon=12:00", 1, "--at: the programme has no slot 'noon'"),
        ],
    )
    def test_a_bad_at_is_refused(
        self,
        run: CommandLine,
        tmp_path: pathlib.Path,
        at: str,
        status: int,
        error: str,
    ) -> None:
        source = tmp_path / "programme.json"
        source.write_text(dumps(programme()), encoding="utf-8")
        out = tmp_path / "programme.ics"
        lines = run.failed(
            "calendar", str(source), "--out", str(out), "--at", at, status=status
        )
        assert error in lines[-1]
        assert not out.exists()

    def test_no_start_is_bad_input(
        self, run: CommandLine, tmp_path: pathlib.Path
    ) -> None:
        source = tmp_path / "programme.json"
        source.write_text(dumps(programme(None)), encoding="utf-8")
        out = tmp_path / "programme.ics"
        lines = run.failed("calendar", str(source), "--out", str(out), status=1)
        expected = (
            "backroutine: error: the programme has no start date: give its "
            "first day with --start"
        )
        assert [expected] == lines

    @pytest.mark.parametrize(
        ("options", "error"),
        [
            (
                ["--tz", "Mars/Olympus"],
                (
                    "argument --tz: unknown time zone 'Mars/Olympus'; give one such "
                    "as Europe/London"
                ),
            ),
            (
                ["--at", "morning=06:00", "--at", "morning=07:00"],
                (
                    "backroutine calendar: error: argument --at: two times for the "
                    "slot 'morning'"
                ),
            ),
        ],
    )
    def test_bad_usage(
        self, run: CommandLine, tmp_path: pathlib.Path, options: list[str], error: str
    ) -> None:
        source = tmp_path / "programme.json"
        source.write_text(dumps(programme()), encoding="utf-8")
        out = tmp_path / "programme.ics"
        lines = run.failed(
            "calendar", str(source), "--out", str(out), *options, status=2
        )
        assert lines[-1].endswith(error)
        assert not out.exists()
