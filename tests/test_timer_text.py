import pytest

from backroutine import Cue, CueKind, timeline
from backroutine._timer_text import cue_line, timeline_text
from tests.helpers import small_routine


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


class TestTimelineText:
    def test_one_line_per_cue(self) -> None:
        """Each cue gets a line, in order, from 00:00 to the done cue."""
        cues = timeline(small_routine())
        lines = timeline_text(cues).splitlines()
        assert [cue_line(c) for c in cues] == lines
        assert "00:00  Get ready for Supine lower trunk rotation." == lines[0][:49]
        assert "07:42  Done: well done." == lines[-1]

    def test_empty(self) -> None:
        """No cues, no text."""
        assert "" == timeline_text([])
