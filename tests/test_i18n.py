"""The language a call speaks: read from a locale, the environment, or a document."""

from __future__ import annotations

import pathlib
import threading

import pytest

from backroutine import _i18n
from backroutine._i18n import (
    _,
    current_language,
    language_from_environment,
    language_of,
    speaking,
    speaking_for,
)
from backroutine.exceptions import BackroutineError, UnknownLanguageError


@pytest.mark.parametrize(
    ("locale", "language"),
    [
        ("es", "es"),
        ("ES", "es"),
        ("es_MX", "es"),
        ("es-419", "es"),
        ("de_AT.UTF-8", "de"),
        ("de_DE@euro", "de"),
        ("en_GB", "en"),
        ("C", "en"),
        ("POSIX", "en"),
        ("C.UTF-8", "en"),
    ],
)
def test_a_locale_names_its_language(locale: str, language: str) -> None:
    """Region, encoding and modifier are beside the point: the language is."""
    assert language == language_of(locale)


def test_an_unknown_language_is_refused_with_those_there_are() -> None:
    """A ValueError and a BackroutineError, naming the languages there are."""
    with pytest.raises(UnknownLanguageError) as caught:
        language_of("fr_FR")
    assert str(caught.value) == "language must be one of 'en', 'es', 'de' (got 'fr_FR')"
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, BackroutineError)


@pytest.mark.parametrize("locale", [None, 5, b"es"])
def test_a_language_is_a_string(locale: object) -> None:
    """Anything else is a TypeError that says what was given."""
    with pytest.raises(TypeError, match=r"language must be a string such as 'es'"):
        language_of(locale)


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "de_DE.UTF-8", "LC_MESSAGES": "es_ES.UTF-8"}, "es"),
        ({"LANG": "de_DE.UTF-8", "LC_ALL": "C"}, "en"),
        ({"LANGUAGE": "fr:es:de", "LANG": "de_DE.UTF-8"}, "es"),
        ({"LANGUAGE": "", "LANG": "es_ES"}, "es"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANGUAGE": "fr", "LANG": "de_DE"}, "en"),
    ],
)
def test_the_environment_names_a_language_as_gettext_reads_it(
    environ: dict[str, str], language: str
) -> None:
    """The first variable set decides; a language without words is English."""
    assert language == language_from_environment(environ)


def test_speaking_sets_the_language_for_the_block_only() -> None:
    """Nested blocks speak their own, and each gives back the one before."""
    assert "en" == current_language()
    with speaking("de_AT") as outer:
        assert ("de", "de") == (outer, current_language())
        with speaking(None) as kept:
            assert "de" == kept
        with speaking("es"):
            assert "es" == current_language()
        assert "de" == current_language()
    assert "en" == current_language()


def test_each_thread_speaks_its_own() -> None:
    """The language is a context variable: another thread starts in English."""
    seen: list[str] = []
    with speaking("es"):
        thread = threading.Thread(target=lambda: seen.append(current_language()))
        thread.start()
        thread.join()
        assert "es" == current_language()
    assert ["en"] == seen


@pytest.mark.parametrize(
    ("language", "own", "spoken"),
    [(None, "es", "es"), ("de", "es", "de"), (None, "fr", "en"), (None, "es_MX", "es")],
)
def test_a_document_speaks_its_own_unless_told(
    language: str | None, own: str, spoken: str
) -> None:
    """One it has no words for is written about in English."""
    with speaking_for(language, own) as said:
        assert (spoken, spoken) == (said, current_language())


def test_a_language_asked_for_must_have_words() -> None:
    """Unlike a document's own, a language asked for is never replaced."""
    with pytest.raises(UnknownLanguageError), speaking_for("fr", "es"):
        pass  # pragma: no cover (never reached)


def test_a_missing_catalog_says_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path
) -> None:
    """A broken installation fails clearly, rather than falling back to English."""
    monkeypatch.setattr(_i18n, "LOCALE_DIR", str(tmp_path))
    _i18n.translations.cache_clear()
    try:
        with (
            pytest.raises(RuntimeError, match=r"the 'de' messages are missing"),
            speaking("de"),
        ):
            pass  # pragma: no cover (never reached)
    finally:
        monkeypatch.undo()
        _i18n.translations.cache_clear()
    with speaking("de"):
        assert "Wann" == _("When")
