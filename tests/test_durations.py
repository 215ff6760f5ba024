import pytest

from backroutine._durations import (
    clock_text,
    duration_text,
    minutes_text,
    seconds_text,
)


class TestSecondsText:
    @pytest.mark.parametrize(
        ("seconds", "expected"), [(0, "0 seconds"), (1, "1 second"), (30, "30 seconds")]
    )
    def test_seconds(self, seconds: int, expected: str) -> None:
        """Whole seconds read with the word that agrees with them."""
        assert expected == seconds_text(seconds)


class TestDurationText:
    @pytest.mark.parametrize(
        ("seconds", "expected"),
        [
            (0, "0 seconds"),
            (1, "1 second"),
            (44.4, "44 seconds"),
            (59.5, "1 minute"),
            (480, "8 minutes"),
            (479, "about 8 minutes (7 min 59 s)"),
            (449, "about 7 minutes (7 min 29 s)"),
            (90, "about 2 minutes (1 min 30 s)"),
            (3600, "60 minutes"),
            (3725, "about 62 minutes (1 h 2 min 5 s)"),
        ],
    )
    def test_duration(self, seconds: float, expected: str) -> None:
        """Durations read to the nearest second, with whole minutes approximate."""
        assert expected == duration_text(seconds)

    @pytest.mark.parametrize(
        ("seconds", "expected"),
        [
            (44.4, "44 seconds"),
            (480, "8 minutes"),
            (479, "about 8 minutes"),
            (90, "about 2 minutes"),
            (3725, "about 62 minutes"),
        ],
    )
    def test_not_exact(self, seconds: float, expected: str) -> None:
        """Not exact, a duration past a minute is only about so many minutes."""
        assert expected == duration_text(seconds, exact=False)


class TestMinutesText:
    @pytest.mark.parametrize(
        ("seconds", "expected"),
        [
            (15, "0.25 minutes"),
            (60, "1 minute"),
            (60.2, "1 minute"),
            (90, "1.5 minutes"),
            (479, "7.98 minutes"),
            (480, "8 minutes"),
        ],
    )
    def test_to_the_hundredth(self, seconds: float, expected: str) -> None:
        """Minutes read to the nearest hundredth, without trailing zeros."""
        assert expected == minutes_text(seconds)

    @pytest.mark.parametrize(
        ("seconds", "expected"),
        [(60, "1 minute"), (60.2, "1.01 minutes"), (66.5, "1.11 minutes")],
    )
    def test_at_least(self, seconds: float, expected: str) -> None:
        """Rounded up, the minutes given are never fewer than the seconds."""
        assert expected == minutes_text(seconds, at_least=True)


class TestClockText:
    @pytest.mark.parametrize(
        ("seconds", "expected"),
        [(0, "00:00"), (59.9, "00:59"), (65, "01:05"), (3725, "1:02:05")],
    )
    def test_clock(self, seconds: float, expected: str) -> None:
        """Whole seconds, cut, as mm:ss, or h:mm:ss from an hour."""
        assert expected == clock_text(seconds)
