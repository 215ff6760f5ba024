"""Translations of a catalog: the built-in ones complete, and every check on them."""

from __future__ import annotations

import json
import pathlib
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import backroutine
from backroutine import (
    CatalogTranslation,
    CautionText,
    ExerciseText,
    InvalidDocumentError,
    PhaseText,
    default_catalog,
    dumps,
    loads,
    testing,
)
from backroutine._i18n import DEFAULT_LANGUAGE, LANGUAGES
from backroutine._translation import placeholders
from tests.helpers import examples

PACKAGE = pathlib.Path(backroutine.__file__).parent
TRANSLATED = [language for language in LANGUAGES if language != DEFAULT_LANGUAGE]

# Words a language spells as English does, field by field: each checked by
# hand (a name of a condition that is the same word in Spanish).
SAME_AS_ENGLISH: dict[str, set[str]] = {"es": {"osteoporosis"}, "de": set()}


def _translation_data(language: str) -> dict[str, Any]:
    path = PACKAGE / f"exercises.{language}.json"
    data: dict[str, Any] = json.loads(path.read_bytes())
    return data


def _texts(exercise: backroutine.Exercise) -> list[str]:
    """Every text of *exercise* a person reads."""
    return [
        exercise.name,
        *([exercise.clinical_name] if exercise.clinical_name else []),
        exercise.summary,
        *exercise.instructions,
        *exercise.benefits,
        *exercise.cues,
        *(
            part
            for caution in exercise.cautions
            for part in (caution.about, caution.advice)
        ),
        *(phase.name for phase in exercise.phases if phase.name),
    ]


@pytest.mark.parametrize("language", TRANSLATED)
class TestBuiltIn:
    def test_every_word_is_translated(self, language: str) -> None:
        """No text of a built-in exercise is left in English."""
        english = {e.id: _texts(e) for e in default_catalog()}
        for exercise in default_catalog(language):
            pairs = zip(english[exercise.id], _texts(exercise), strict=True)
            same = {mine for mine, theirs in pairs if mine == theirs}
            assert same <= SAME_AS_ENGLISH[language], (exercise.id, same)

    def test_only_words_change(self, language: str) -> None:
        """The translated catalog differs from the English in words alone."""
        english = default_catalog()
        for exercise in default_catalog(language):
            own = english[exercise.id]
            assert exercise.dosage == own.dosage
            assert [p.moves for p in exercise.phases] == [p.moves for p in own.phases]
            assert [c.conditions for c in exercise.cautions] == [
                c.conditions for c in own.cautions
            ]
            assert exercise.harder == own.harder

    def test_the_file_writes_back_as_it_is(self, language: str) -> None:
        """The file is canonical: what dumps writes, so diffs stay small."""
        path = PACKAGE / f"exercises.{language}.json"
        translation = loads(path.read_bytes(), CatalogTranslation)
        assert language == translation.language
        assert path.read_text(encoding="utf-8") == dumps(translation, indent=2) + "\n"

    def test_a_missing_field_fails_a_complete_language(self, language: str) -> None:
        """A complete language with one step left out is refused, with its path."""
        data = _translation_data(language)
        del data["exercises"][2]["instructions"]
        translation = loads(json.dumps(data), CatalogTranslation)
        with pytest.raises(InvalidDocumentError) as caught:
            default_catalog().translated(translation, complete=True)
        assert [
            "$.exercises[2].instructions: is missing (the language is complete)"
        ] == list(caught.value.problems)
        # Not complete: the exercise keeps its English steps.
        partial = default_catalog().translated(translation)
        third = data["exercises"][2]["id"]
        assert default_catalog()[third].instructions == partial[third].instructions

    def test_a_missing_exercise_fails_a_complete_language(self, language: str) -> None:
        """Leaving out a whole exercise is refused too."""
        data = _translation_data(language)
        gone = data["exercises"].pop()
        translation = loads(json.dumps(data), CatalogTranslation)
        with pytest.raises(InvalidDocumentError) as caught:
            default_catalog().translated(translation, complete=True)
        assert [
            f"$.exercises: must translate {gone['id']!r} (the language is complete)"
        ] == list(caught.value.problems)

    def test_a_broken_placeholder_is_refused(self, language: str) -> None:
        """A translation that adds a placeholder the English lacks is refused."""
        data = _translation_data(language)
        data["exercises"][0]["cues"][1] += " {seconds}"
        translation = loads(json.dumps(data), CatalogTranslation)
        with pytest.raises(InvalidDocumentError) as caught:
            default_catalog().translated(translation)
        assert [
            (
                "$.exercises[0].cues[1]: must have the placeholders of the exercise's "
                "own text, [] (got ['{seconds}'])"
            )
        ] == list(caught.value.problems)


def test_the_built_in_english_has_no_placeholders() -> None:
    """The check above relies on it: a brace in a translation is stray."""
    assert not [
        text for e in default_catalog() for text in _texts(e) if placeholders(text)
    ]


def test_each_language_is_read_once() -> None:
    """The translated catalog is made once a language, like the English one."""
    assert default_catalog("es") is default_catalog("es_ES.UTF-8")
    assert default_catalog("de") is not default_catalog("es")


def test_an_unknown_language_is_refused() -> None:
    """A language with no words is a ValueError naming those there are."""
    with pytest.raises(
        ValueError, match=r"language must be one of 'en', 'es', 'de' \(got 'fr'\)"
    ):
        default_catalog("fr")


class TestChecks:
    """Each way a translation can fail to fit its catalog, with its path."""

    def _problems(self, *texts: ExerciseText, complete: bool = False) -> list[str]:
        translation = CatalogTranslation(language="fr", exercises=texts)
        with pytest.raises(InvalidDocumentError) as caught:
            default_catalog().translated(translation, complete=complete)
        assert "catalog_translation" == caught.value.kind
        return list(caught.value.problems)

    def test_an_unknown_id_suggests_the_nearest(self) -> None:
        """An id the catalog lacks is refused, with the ids it may mean."""
        assert [
            "$.exercises[0].id: is not in the catalog (got 'cat-cwo'); did you mean 'cat-cow'?"
        ] == self._problems(ExerciseText(id="cat-cwo", name="Chat-vache"))

    def test_a_list_of_another_length(self) -> None:
        """A list has one item for each of the exercise's."""
        cautions = len(default_catalog()["cat-cow"].cautions)
        assert [
            (
                f"$.exercises[0].cautions: must have {cautions} items, as exercise "
                f"'cat-cow' has (got 1)"
            )
        ] == self._problems(
            ExerciseText(id="cat-cow", cautions=[CautionText(about="a", advice="b")])
        )

    def test_a_name_for_a_phase_that_has_none(self) -> None:
        """Nothing is translated that the exercise leaves empty."""
        tilt = default_catalog()["supine-posterior-pelvic-tilt"]
        assert 1 == len(tilt.phases)
        assert tilt.phases[0].name is None
        assert [
            (
                "$.exercises[0].phases[0].name: must be null, as exercise "
                "'supine-posterior-pelvic-tilt' has nothing there (got 'inclinaison')"
            )
        ] == self._problems(
            ExerciseText(
                id="supine-posterior-pelvic-tilt",
                phases=[PhaseText(name="inclinaison")],
            )
        )

    def test_a_percent_placeholder(self) -> None:
        """``%s`` counts as a placeholder as much as ``{name}`` does."""
        assert [
            (
                "$.exercises[0].summary: must have the placeholders of the exercise's "
                "own text, [] (got ['%s'])"
            )
        ] == self._problems(ExerciseText(id="cat-cow", summary="Le chat %s"))

    def test_each_exercise_once(self) -> None:
        """Two entries for one exercise are refused when built."""
        with pytest.raises(ValueError, match=r"must translate each exercise once"):
            CatalogTranslation(
                language="fr",
                exercises=[ExerciseText(id="cat-cow"), ExerciseText(id="cat-cow")],
            )

    def test_nothing_else_changes(self) -> None:
        """Only the fields given change: the rest keep the catalog's words."""
        catalog = default_catalog().translated(
            CatalogTranslation(
                language="fr",
                exercises=[
                    ExerciseText(
                        id="cat-cow",
                        name="Chat-vache",
                        phases=[PhaseText(name="chat"), PhaseText(name="vache")],
                    )
                ],
            )
        )
        own = default_catalog()["cat-cow"]
        cat_cow = catalog["cat-cow"]
        assert ("Chat-vache", ["chat", "vache"]) == (
            cat_cow.name,
            [p.name for p in cat_cow.phases],
        )
        assert attrs.evolve(cat_cow, name=own.name, phases=own.phases) == own
        assert [e for e in catalog if e.id != "cat-cow"] == [
            e for e in default_catalog() if e.id != "cat-cow"
        ]


@given(st.data())
@settings(max_examples=examples(50, locally=10))
def test_a_translation_of_every_field_round_trips(data: st.DataObject) -> None:
    """Any catalog's own words, given back as a translation, change nothing."""
    catalog = data.draw(testing.catalogs(max_size=3))
    translation = CatalogTranslation(
        language="en",
        exercises=[
            ExerciseText(
                id=e.id,
                name=e.name,
                clinical_name=e.clinical_name,
                summary=e.summary,
                instructions=e.instructions,
                benefits=e.benefits,
                cues=e.cues,
                cautions=[
                    CautionText(about=c.about, advice=c.advice) for c in e.cautions
                ],
                phases=[PhaseText(name=p.name) for p in e.phases],
            )
            for e in catalog
        ],
    )
    assert catalog == catalog.translated(translation, complete=True)
    assert translation == loads(dumps(translation), CatalogTranslation)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Hold {seconds} seconds, {reps} times", ["{reps}", "{seconds}"]),
        ("{reps} veces, {seconds} segundos", ["{reps}", "{seconds}"]),
        ("Work at 50% effort", []),
        ("Mit 50 % Anstrengung", []),
        ("Braces written out: {{name}}", []),
        ("%s and %(count)d", ["%(count)d", "%s"]),
    ],
)
def test_placeholders_in_any_order_and_not_in_prose(
    text: str, found: list[str]
) -> None:
    """A translation may reorder placeholders; a per cent sign in prose is none."""
    assert found == placeholders(text)
