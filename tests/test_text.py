from typing import Literal

import pytest

from backroutine._i18n import speaking
from backroutine._text import join, plural, word_for


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


@pytest.mark.parametrize(
    ("language", "items", "word", "joined"),
    [
        (
            "es",
            ["caderas", "Inclinación pélvica"],
            "and",
            "caderas e Inclinación pélvica",
        ),
        ("es", ["glúteos", "hinchazón"], "and", "glúteos e hinchazón"),
        ("es", ["nieve", "hielo"], "and", "nieve y hielo"),
        ("es", ["caderas", "zona lumbar"], "and", "caderas y zona lumbar"),
        ("es", ["siete", "ocho"], "or", "siete u ocho"),
        ("es", ["mujer", "hombre"], "or", "mujer u hombre"),
        ("es", ["uno", "dos"], "or", "uno o dos"),
        ("de", ["Hüften", "Iliopsoas"], "and", "Hüften und Iliopsoas"),
        ("en", ["hips", "inner thighs"], "and", "hips and inner thighs"),
        ("en", ["seven", "eight"], "or", "seven or eight"),
    ],
)
def test_a_list_s_last_link_follows_the_sound_after_it(
    language: str, items: list[str], word: Literal["and", "or"], joined: str
) -> None:
    """Spanish writes "e" for "y" before an i sound, and "u" for "o" before an o."""
    with speaking(language):
        assert joined == join(items, word=word)
