import re

import pytest

from backroutine import SEEK_HELP, Caution, Condition, Cue, CueKind, timeline
from backroutine._advice import SEE_SPECIALIST, STOP_RULE
from backroutine._timer_text import cue_line, cue_lines, timeline_text
from backroutine._wrapping import WIDTH
from tests.helpers import (
    OSTEOPOROSIS_CAUTION,
    PREGNANCY_CAUTION,
    ROTATION,
    SPREADING_CAUTION,
    STENOSIS_CAUTION,
    emergency_words,
    one_line,
    small_routine,
    twist_routine,
)

TIMED_LINE = re.compile(r"^\d\d:\d\d  \S")


def cue(start: float, text: str = "Hold for 5 seconds.") -> Cue:
    return Cue(start_seconds=start, seconds=5, kind=CueKind.HOLD, text=text)


class TestCueLine:
    @pytest.mark.parametrize(
        ("start", "clock"),
        [
            (0, "00:00"),
            (65, "01:05"),
            (59.9, "00:59"),
            (599, "09:59"),
            (3599, "59:59"),
            (3600, "1:00:00"),
            (3725, "1:02:05"),
            (36_000, "10:00:00"),
        ],
    )
    def test_clock(self, start: float, clock: str) -> None:
        """The start reads as mm:ss, or h:mm:ss from an hour, in whole seconds."""
        assert f"{clock}  Hold for 5 seconds." == cue_line(cue(start))

    def test_one_line(self) -> None:
        """Line breaks and runs of spaces in a cue's text become single spaces."""
        assert "00:10  Rest, then go." == cue_line(cue(10, "Rest,\n  then\tgo."))


class TestCueLines:
    def test_plain_cue(self) -> None:
        """A cue without advice or cautions is its one line."""
        assert [cue_line(cue(3))] == cue_lines(cue(3))

    def test_cautions_under_the_line(self) -> None:
        """A cue's cautions follow its line, under its text, the person's first."""
        with_cautions = Cue(
            start_seconds=3600,
            seconds=10,
            kind=CueKind.NEXT_EXERCISE,
            text="Next: Twist.",
            cautions=[SPREADING_CAUTION, OSTEOPOROSIS_CAUTION],
        )
        assert [
            "1:00:00  Next: Twist.",
            "         For you:",
            f"           - {OSTEOPOROSIS_CAUTION.text}",
            "         Take care:",
            f"           - {SPREADING_CAUTION.text}",
        ] == cue_lines(with_cautions)

    def test_steps_under_the_line(self) -> None:
        """A cue's steps follow its line, numbered and wrapped under its text."""
        with_steps = Cue(
            start_seconds=70,
            seconds=10,
            kind=CueKind.NEXT_EXERCISE,
            text="Next: Twist. Lie on your back.",
            steps=["Lie down.", "Lower both knees " + "slowly " * 12 + "to one side."],
        )
        assert [
            "01:10  Next: Twist. Lie on your back.",
            "       Steps:",
            "         1. Lie down.",
            (
                "         2. Lower both knees slowly slowly slowly slowly slowly "
                "slowly slowly"
            ),
            "            slowly slowly slowly slowly slowly to one side.",
        ] == cue_lines(with_steps)

    def test_ten_steps_line_up(self) -> None:
        """With ten steps or more, the numbers are right-aligned."""
        many = Cue(
            start_seconds=0,
            seconds=10,
            kind=CueKind.GET_READY,
            text="Get ready.",
            steps=[f"Step {number}." for number in range(1, 11)],
        )
        lines = cue_lines(many)
        assert ["          1. Step 1.", "         10. Step 10."] == [
            lines[2],
            lines[-1],
        ]

    def test_steps_before_cautions(self) -> None:
        """Under a cue's line, its steps come first, then its cautions."""
        both = Cue(
            start_seconds=0,
            seconds=10,
            kind=CueKind.NEXT_EXERCISE,
            text="Next: Twist.",
            steps=["Lie down."],
            cautions=[SPREADING_CAUTION],
        )
        assert [
            "00:00  Next: Twist.",
            "       Steps:",
            "         1. Lie down.",
            "       Take care:",
            f"         - {SPREADING_CAUTION.text}",
        ] == cue_lines(both)

    def test_only_the_box(self) -> None:
        """Advice that is only the seek-help box is the box, a blank line, the line."""
        first = Cue(
            start_seconds=0,
            seconds=10,
            kind=CueKind.GET_READY,
            text="Get ready.",
            safety=[SEEK_HELP],
        )
        lines = cue_lines(first)
        assert lines[0].startswith("*** Seek help now ***")
        assert ["*" * WIDTH, "", "00:00  Get ready."] == lines[-3:]

    def test_advice_before_the_line(self) -> None:
        """A cue's advice comes first: the box, the rest, then a blank line."""
        first = Cue(
            start_seconds=0,
            seconds=10,
            kind=CueKind.GET_READY,
            text="Get ready.",
            safety=["Go slow.", SEEK_HELP],
        )
        lines = cue_lines(first)
        assert lines[0].startswith("*** Seek help now ***")
        assert ["", "Before you start", "  - Go slow.", "", "00:00  Get ready."] == (
            lines[-5:]
        )


class TestTimelineText:
    def test_every_cue_in_order(self) -> None:
        """Each cue gets its line, in order, from 00:00 to the done cue."""
        cues = timeline(small_routine())
        lines = timeline_text(cues).splitlines()
        cue_lines_shown = [line for line in lines if line[:1].isdigit()]
        assert [cue_line(c) for c in cues] == cue_lines_shown
        assert cue_lines_shown[0].startswith(f"00:00  Get ready for {ROTATION.name}.")
        assert lines[-1].startswith("07:")
        assert lines[-1].endswith("Done: well done.")

    def test_seek_help_box_before_the_cues(self) -> None:
        """The box, with every emergency sign as a bullet, comes before 00:00."""
        text = timeline_text(timeline(small_routine()))
        before = text[: text.index("\n00:00  ")].splitlines()
        box = before[: before.index("*" * WIDTH) + 1]
        assert box[0].startswith("*** Seek help now ***")
        assert "Stop, and call emergency services" in one_line("\n".join(box))
        signs = [line[4:] for line in box if line.startswith("  - ")]
        assert emergency_words() == signs

    def test_advice_before_the_cues(self) -> None:
        """The stop rule and when to see a specialist come before 00:00, once."""
        text = timeline_text(timeline(small_routine()))
        before = one_line(text[: text.index("\n00:00  ")])
        assert STOP_RULE in before
        assert SEE_SPECIALIST in before
        assert SEEK_HELP not in one_line(text)
        assert 1 == text.count("Seek help now")

    def test_every_exercise_has_its_steps(self) -> None:
        """Under the cue that starts each exercise, all its steps, in order."""
        routine = small_routine()
        text = one_line(timeline_text(timeline(routine)))
        for step in routine.steps:
            at = text.index(f" {step.exercise.name}. ")
            for number, instruction in enumerate(step.exercise.instructions, 1):
                at = text.index(f"{number}. {instruction}", at)

    def test_the_first_cue_says_the_stop_rule(self) -> None:
        """The first cue's own line still says the stop rule, for a voice to say."""
        text = timeline_text(timeline(small_routine()))
        first = next(line for line in text.splitlines() if line.startswith("00:00"))
        assert STOP_RULE in first

    @pytest.mark.parametrize(
        ("conditions", "twist", "hidden"),
        [
            (
                (Condition.OSTEOPOROSIS,),
                [("For you", OSTEOPOROSIS_CAUTION), ("Take care", SPREADING_CAUTION)],
                [PREGNANCY_CAUTION, STENOSIS_CAUTION],
            ),
            (
                (),
                [("Take care", SPREADING_CAUTION)],
                [OSTEOPOROSIS_CAUTION, PREGNANCY_CAUTION, STENOSIS_CAUTION],
            ),
        ],
        ids=["osteoporosis", "no conditions"],
    )
    def test_cautions_for_the_person(
        self,
        conditions: tuple[Condition, ...],
        twist: list[tuple[str, Caution]],
        hidden: list[Caution],
    ) -> None:
        """Each exercise's first cue has its cautions for this person under it."""
        cues = timeline(twist_routine(*conditions))
        lines = timeline_text(cues).splitlines()
        # Under each exercise's first line, its steps, then its cautions.
        first = next(at for at, line in enumerate(lines) if line.startswith("00:00"))
        assert "       Steps:" == lines[first + 1]
        start = lines.index("       For you:" if conditions else "       Take care:")
        expected: list[str] = []
        for heading, caution in twist:
            expected += [f"       {heading}:", f"         - {caution.text}"]
        assert expected == lines[start : start + len(expected)]
        assert cue_line(cues[1]) == lines[start + len(expected)]
        press_up = next(at for at, line in enumerate(lines) if "Next: " in line)
        assert "       Steps:" == lines[press_up + 1]
        cautions = lines.index("       Take care:", press_up)
        assert [
            "       Take care:",
            f"         - {SPREADING_CAUTION.text}",
        ] == lines[cautions : cautions + 2]
        assert TIMED_LINE.match(lines[cautions + 2])
        assert [] == [c.about for c in hidden if c.advice in one_line("\n".join(lines))]

    def test_empty(self) -> None:
        """No cues, no text."""
        assert "" == timeline_text([])
