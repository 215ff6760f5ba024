import datetime as dt
import json
import pathlib
import xml.etree.ElementTree as ET
from functools import cache

import attrs
import pytest

import backroutine
from backroutine import (
    ExerciseDone,
    InvalidDocumentError,
    PlanRequest,
    Programme,
    ProgrammeRequest,
    Session,
    TimeOfDay,
    WarningSign,
    Weekday,
    adherence,
    append_session,
    cli,
    dumps,
    plan_programme,
    programme_markdown,
)
from backroutine._chart import ChartDay, band_edges, pain_and_dose_svg, pain_y
from backroutine._programme import HURT_TWICE, SEE_SOMEONE_SOON
from backroutine._programme_handout import adherence_text, chart_days
from backroutine._traffic_light import ZONES

SVG = "{http://www.w3.org/2000/svg}"
MONDAY = dt.date(2026, 12, 7)


def day(offset: int) -> dt.date:
    """The day *offset* days after the programme's first, a Monday."""
    return MONDAY + dt.timedelta(days=offset)


@cache
def programme() -> Programme:
    """Morning and bedtime, Monday, Wednesday and Friday, 2 weeks from MONDAY."""
    return plan_programme(
        ProgrammeRequest(
            slots=[
                PlanRequest(time_of_day=TimeOfDay.MORNING, minutes=8),
                PlanRequest(time_of_day=TimeOfDay.BEDTIME, minutes=8),
            ],
            weeks=2,
            days=Weekday.spread(3),
            start=MONDAY,
        )
    )


def session(
    slot: str, offset: int, pain: int, *, next_morning: int | None = None
) -> Session:
    """A session of *slot*'s first exercise as planned, *offset* days in."""
    step = programme().slot(slot).routine.steps[0]
    return Session(
        programme=programme().id,
        slot=slot,
        date=day(offset),
        exercises=[ExerciseDone(exercise=step.exercise.id, sets=step.sets, pain=pain)],
        next_morning=next_morning,
    )


def log() -> list[Session]:
    """Two weeks, with gaps; Wednesday's morning logged again the next day."""
    return [
        session("morning", 0, 2),
        session("bedtime", 0, 3),
        session("morning", 2, 4),
        session("bedtime", 4, 2),
        session("morning", 2, 4, next_morning=5),  # the same session, again
        session("morning", 7, 1),
        session("bedtime", 7, 1),
        session("morning", 9, 6),
    ]


class TestAdherence:
    """Sessions done and due, week by week, and each exercise's points."""

    def test_done_and_due_per_week(self) -> None:
        """Week 1 has 6 due and 4 done; week 2, up to Wednesday, 4 due and 3."""
        summary = adherence(programme(), log(), until=day(9))
        assert [(1, day(0), 4, 6), (2, day(7), 3, 4)] == [
            (w.number, w.first_day, w.done, w.due) for w in summary.weeks
        ]
        assert (7, 10, 70.0) == (summary.done, summary.due, summary.percentage)

    def test_missed_sessions_exactly(self) -> None:
        """Each due slot not logged is missed, by day, then slot."""
        summary = adherence(programme(), log(), until=day(9))
        assert ((day(2), "bedtime"), (day(4), "morning")) == summary.weeks[0].missed
        assert ((day(9), "bedtime"),) == summary.weeks[1].missed
        assert (*summary.weeks[0].missed, *summary.weeks[1].missed) == summary.missed

    def test_a_session_logged_again_counts_once(self) -> None:
        """The later record replaces the earlier: one point, with its next morning."""
        summary = adherence(programme(), log(), until=day(9))
        first = programme().slot("morning").routine.steps[0].exercise.id
        points = next(p for p in summary.exercises if p.exercise == first).points
        assert [day(0), day(2), day(7), day(9)] == [p.date for p in points]
        assert (4, 5) == (points[1].pain, points[1].next_morning)

    def test_points_say_what_was_done(self) -> None:
        """A point holds the sets, reps and hold done, and their whole amount."""
        summary = adherence(programme(), log(), until=day(9))
        step = programme().slot("bedtime").routine.steps[0]
        points = next(
            p for p in summary.exercises if p.exercise == step.exercise.id
        ).points
        first = step.sets[0]
        hold = None if first.hold is None else first.hold.seconds
        assert (len(step.sets), first.reps, hold) == (
            points[0].sets,
            points[0].reps,
            points[0].hold_seconds,
        )
        expected = sum(
            s.total_reps * (s.hold.seconds if s.hold else 1) for s in step.sets
        )
        assert expected == points[0].dose

    def test_until_before_the_start(self) -> None:
        """Nothing is due before the first day: no week, no percentage."""
        summary = adherence(programme(), [], until=day(-1))
        assert ((), 0, 0, None) == (
            summary.weeks,
            summary.done,
            summary.due,
            summary.percentage,
        )

    def test_never_past_the_end(self) -> None:
        """A day long after the end counts the programme's weeks only."""
        summary = adherence(programme(), log(), until=day(100))
        assert [6, 6] == [week.due for week in summary.weeks]

    def test_no_start_and_no_sessions(self) -> None:
        """Without a start or a session, the summary is empty."""
        unstarted = Programme(
            id="p", name="P", slots=programme().slots, days=programme().days
        )
        summary = adherence(unstarted, [], until=day(3))
        assert (None, (), (), 0) == (
            summary.start,
            summary.weeks,
            summary.exercises,
            summary.done,
        )

    def test_a_day_not_due_is_extra(self) -> None:
        """A session on a Tuesday is not done of the due, but counted as extra."""
        summary = adherence(programme(), [session("morning", 1, 1)], until=day(1))
        assert (0, 2, 1) == (
            summary.weeks[0].done,
            summary.weeks[0].due,
            summary.weeks[0].extra,
        )

    def test_a_log_of_another_programme(self) -> None:
        """A session of another programme is refused, naming its place in the log."""
        stranger = [session("morning", 0, 1), session("morning", 2, 1)]
        stranger[1] = Session(
            programme="someone-else",
            slot="morning",
            date=day(2),
            exercises=stranger[1].exercises,
        )
        with pytest.raises(InvalidDocumentError) as raised:
            adherence(programme(), stranger, until=day(9))
        assert 1 == len(raised.value.problems)
        assert raised.value.problems[0].startswith("session 2: $.programme")

    def test_deterministic_and_exported(self) -> None:
        """The same log gives an equal summary; the names are the package's."""
        assert adherence(programme(), log(), until=day(9)) == adherence(
            programme(), log(), until=day(9)
        )
        assert "backroutine" == backroutine.Adherence.__module__
        assert "adherence" in backroutine.__all__


class TestChart:
    """The chart of pain and amount done, as SVG."""

    @staticmethod
    def tree() -> ET.Element:
        summary = adherence(programme(), log(), until=day(9))
        return ET.fromstring(pain_and_dose_svg(chart_days(summary)))  # noqa: S314

    def test_parses_and_is_labelled(self) -> None:
        """It is well-formed SVG with a title and a description."""
        tree = self.tree()
        assert f"{SVG}svg" == tree.tag
        title = tree.find(f"{SVG}title")
        assert title is not None
        assert "Pain" in (title.text or "")
        assert tree.find(f"{SVG}desc") is not None

    def test_one_point_per_session_day(self) -> None:
        """Both lines have a point for each of the 5 days with a session."""
        tree = self.tree()
        for name in ("pain", "dose"):
            line = tree.find(f"{SVG}polyline[@class='{name}']")
            assert line is not None
            assert 5 == len(line.attrib["points"].split())

    def test_the_worst_pain_of_the_day_is_drawn(self) -> None:
        """Monday's sessions hurt 2 and 3: the point is at 3."""
        days = chart_days(adherence(programme(), log(), until=day(9)))
        assert 3 == days[0].pain
        line = self.tree().find(f"{SVG}polyline[@class='pain']")
        assert line is not None
        first_y = float(line.attrib["points"].split()[0].split(",")[1])
        assert pain_y(3) == pytest.approx(first_y, abs=0.05)

    def test_bands_come_from_the_zones(self) -> None:
        """A band per zone, spanning its scores, half a point beyond each end."""
        tree = self.tree()
        for zone in ZONES:
            band = tree.find(f"{SVG}rect[@class='band-{zone.colour}']")
            assert band is not None
            low, high = band_edges(zone)
            assert pain_y(high) == pytest.approx(float(band.attrib["y"]), abs=0.05)
            height = pain_y(low) - pain_y(high)
            assert height == pytest.approx(float(band.attrib["height"]), abs=0.1)
        assert (0, 3.5) == band_edges(ZONES[0])

    def test_no_blank_line_and_no_days_refused(self) -> None:
        """The SVG stays one HTML block; an empty chart is refused."""
        text = pain_and_dose_svg([ChartDay(date=day(0), pain=1, dose=0)])
        assert "\n\n" not in text
        with pytest.raises(ValueError, match="at least one day"):
            pain_and_dose_svg([])


class TestHandout:
    """The programme as a Markdown handout."""

    def test_schedule_in_words(self) -> None:
        """Which days, how often, and from when, in plain words."""
        text = programme_markdown(programme())
        assert text.startswith(f"# {programme().name}\n")
        assert "Monday, Wednesday and Friday" in text
        assert "twice a day: morning and bedtime" in text
        assert "2 weeks, from Monday 7 December 2026 to Sunday 20 December" in text
        assert "How it went" not in text

    def test_each_slot_routine_one_level_down(self) -> None:
        """Each slot's routine is there, its title a level-2 heading."""
        text = programme_markdown(programme())
        for slot in programme().slots:
            assert f"\n## {slot.routine.name}\n" in text
        assert 1 == text.count("\n# ") + text.startswith("# ")

    def test_how_it_went(self) -> None:
        """With a log: the total, a row per week, and the chart."""
        text = programme_markdown(programme(), log(), until=day(9))
        assert "7 of 10 sessions done (70%)" in text
        assert "| 1 | Monday 7 December 2026 | 4 | 6 |" in text
        assert "Wednesday 9 December 2026 (bedtime)" in text
        assert text.count("<svg ") == 1


class TestCommandLine:
    """``backroutine adherence``, run in this process."""

    @staticmethod
    def files(tmp_path: pathlib.Path) -> tuple[str, str]:
        path = tmp_path / "programme.json"
        path.write_text(dumps(programme()), encoding="utf-8")
        log_path = tmp_path / "log.jsonl"
        for each in log():
            append_session(log_path, each)
        return str(path), str(log_path)

    def test_json(
        self, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--format json prints the weeks with dates as YYYY-MM-DD."""
        path, log_path = self.files(tmp_path)
        argv = [path, "--log", log_path, "--date", "2026-12-16", "--format", "json"]
        assert 0 == cli.main(["adherence", *argv])
        data = json.loads(capsys.readouterr().out)
        assert (7, 10) == (data["done"], data["due"])
        assert [{"date": "2026-12-16", "slot": "bedtime"}] == data["weeks"][1]["missed"]

    def test_text_and_bad_input(
        self, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Text names the missed days; a log of another programme exits 1."""
        path, log_path = self.files(tmp_path)
        assert 0 == cli.main(
            ["adherence", path, "--log", log_path, "--date", "2026-12-16"]
        )
        out = capsys.readouterr().out
        assert "missed Wednesday 9 December 2026: bedtime" in out
        other = tmp_path / "other.jsonl"
        wrong = Session(
            programme="someone-else", slot="morning", date=day(0), exercises=[]
        )
        append_session(other, wrong)
        argv = ["adherence", path, "--log", str(other), "--date", "2026-12-16"]
        assert 1 == cli.main(argv)
        captured = capsys.readouterr()
        assert ("", 1) == (captured.out, len(captured.err.splitlines()))
        assert "session 1: $.programme" in captured.err

    def test_bad_date_is_bad_usage(
        self, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A day not written YYYY-MM-DD exits 2."""
        path, log_path = self.files(tmp_path)
        assert 2 == cli.main(
            ["adherence", path, "--log", log_path, "--date", "16/12/2026"]
        )
        assert "YYYY-MM-DD" in capsys.readouterr().err


class TestBeforeGoingOn:
    """What the log says to do first comes first, in the summary and handout."""

    def test_a_sign_that_says_to_seek_care_stops_the_count(self) -> None:
        stopped = attrs.evolve(
            session("morning", 2, 2), warning_signs=[WarningSign.SADDLE_NUMBNESS]
        )
        sessions = [session("morning", 0, 2), stopped]
        summary = adherence(programme(), sessions, until=day(9))
        assert day(2) == summary.stopped
        assert [1] == [week.number for week in summary.weeks]
        assert all(missed <= day(2) for missed, _ in summary.missed)
        assert summary.advice[0].startswith("Call emergency services")
        text = adherence_text(programme(), summary)
        assert text.split("\n")[2] == "Before you go on:"
        assert "The programme stopped on Wednesday 9 December 2026" in text
        markdown = programme_markdown(programme(), sessions, until=day(9))
        assert markdown.index("## Before you go on") < markdown.index("## How it went")
        assert "The routines are not shown: a warning sign" in markdown
        assert "How much" not in markdown

    def test_on_the_day_it_stopped_only_what_was_logged_counts(self) -> None:
        stopped = attrs.evolve(
            session("morning", 2, 2), warning_signs=[WarningSign.CHEST_PAIN]
        )
        summary = adherence(programme(), [stopped], until=day(9))
        assert (1, 3) == (summary.done, summary.due)
        assert ((day(0), "morning"), (day(0), "bedtime")) == summary.missed

    def test_red_twice_running_says_to_see_someone(self) -> None:
        sessions = [session("morning", 0, 7), session("morning", 2, 8)]
        summary = adherence(programme(), sessions, until=day(3))
        assert (f"{SEE_SOMEONE_SOON}: {HURT_TWICE}.",) == summary.advice
        assert summary.stopped is None
        assert "Before you go on" not in adherence_text(
            programme(), adherence(programme(), sessions[:1], until=day(3))
        )


class TestHandoutEdges:
    def test_no_session_yet(self) -> None:
        unstarted = attrs.evolve(programme(), start=None)
        text = programme_markdown(unstarted, [])
        assert "No session has been logged yet." in text
        assert "from the day of your first session" in text

    def test_nothing_due_yet(self) -> None:
        summary = adherence(programme(), [], until=day(-1))
        assert "Nothing was due by Sunday 6 December 2026." in adherence_text(
            programme(), summary
        )
        assert "Nothing was due by Sunday 6 December 2026\\." in programme_markdown(
            programme(), [], until=day(-1)
        )

    def test_a_week_with_nothing_missed(self) -> None:
        full = [session(slot, offset, 1) for offset in (0, 2, 4) for slot in (
            "morning", "bedtime")]  # fmt: skip
        text = programme_markdown(programme(), full, until=day(6))
        assert "| 1 | Monday 7 December 2026 | 6 | 6 | none |" in text
