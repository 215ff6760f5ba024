import pytest

from backroutine._durations import duration_text


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
