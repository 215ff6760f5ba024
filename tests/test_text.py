import pytest

from backroutine._text import plural, word_for


class TestWordFor:
    def test_one(self) -> None:
        """Exactly one takes the singular."""
        assert "set" == word_for(1, "set")

    @pytest.mark.parametrize("count", [0, 2, 10, 0.5, 1.25])
    def test_other_counts(self, count: float) -> None:
        """Any other count, none and fractions included, takes the plural."""
        assert "sets" == word_for(count, "set")

    def test_irregular(self) -> None:
        """An irregular plural, or a verb, is given in full."""
        assert ("suits", "suit") == (
            word_for(1, "suits", "suit"),
            word_for(3, "suits", "suit"),
        )
        assert "children" == word_for(2, "child", "children")


class TestPlural:
    @pytest.mark.parametrize(
        ("count", "expected"),
        [(0, "0 exercises"), (1, "1 exercise"), (3, "3 exercises")],
    )
    def test_regular(self, count: int, expected: str) -> None:
        """The count comes first, then the word that agrees with it."""
        assert expected == plural(count, "exercise")

    def test_irregular(self) -> None:
        """The plural form given is used for any count but one."""
        assert ["1 child", "2 children"] == [
            plural(n, "child", "children") for n in (1, 2)
        ]
