"""The message catalogs: current, complete in every language, and compiled.

The template (``backroutine.pot``) is what ``pybabel extract`` finds in the
code; each language's ``.po`` translates every message of it, plural forms
and placeholders included; and the ``.mo`` files shipped in the package are
exactly what ``pybabel compile`` makes of the ``.po`` files.
"""

from __future__ import annotations

import io
import pathlib
import re
from collections.abc import Iterator

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from backroutine import _timing
from backroutine._i18n import (
    DEFAULT_LANGUAGE,
    DOMAIN,
    LANGUAGES,
    LOCALE_DIR,
    _,
    speaking,
)

ROOT = pathlib.Path(__file__).parent.parent
TEMPLATE = pathlib.Path(LOCALE_DIR) / f"{DOMAIN}.pot"
TRANSLATED = [language for language in LANGUAGES if language != DEFAULT_LANGUAGE]
# A str.format field: its name, up to any conversion or format spec.
FIELD = re.compile(r"\{([^{}!:]*)(?:[!:][^{}]*)?\}")


def _read(path: pathlib.Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def _po(language: str) -> pathlib.Path:
    return pathlib.Path(LOCALE_DIR) / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def _keys(catalog: Catalog) -> set[tuple[str, str | None]]:
    """Each message of *catalog* as (id, context); a plural's id is its singular."""
    return {
        (message.id if isinstance(message.id, str) else message.id[0], message.context)
        for message in catalog
        if message.id
    }


def _fields(text: str) -> set[str]:
    return set(FIELD.findall(text.replace("{{", "").replace("}}", "")))


def _forms(message: Message) -> Iterator[tuple[str, str]]:
    """Each translated form of *message*, with the English it translates."""
    if isinstance(message.id, str):
        assert isinstance(message.string, str)
        yield message.id, message.string
        return
    singular, plural = message.id[0], message.id[1]
    forms = tuple(message.string or ())
    for index, form in enumerate(forms):
        yield (singular if index == 0 and len(forms) > 1 else plural), form


def test_the_template_is_what_the_code_marks(tmp_path: pathlib.Path) -> None:
    """``pybabel extract`` finds exactly the messages of the committed template.

    When this fails, extract again and update the catalogs (docs/languages.md).
    """
    extracted = tmp_path / "extracted.pot"
    CommandLineInterface().run(  # type: ignore[no-untyped-call]
        [
            "pybabel",
            "--quiet",
            "extract",
            "--mapping-file",
            str(ROOT / "babel.cfg"),
            "--add-comments=Translators:",
            "--output-file",
            str(extracted),
            str(ROOT),
        ]
    )
    assert _keys(_read(extracted)) == _keys(_read(TEMPLATE))


@pytest.mark.parametrize("language", TRANSLATED)
class TestCatalog:
    def test_every_message_is_translated(self, language: str) -> None:
        """A complete language translates every message, in every plural form."""
        catalog = _read(_po(language))
        assert _keys(catalog) == _keys(_read(TEMPLATE)), "update the catalog"
        untranslated = [
            message.id
            for message in catalog
            if message.id
            and (
                message.fuzzy
                or not all(form for _, form in _forms(message))
                or (
                    not isinstance(message.id, str)
                    and len(tuple(message.string or ())) != catalog.num_plurals
                )
            )
        ]
        assert [] == untranslated

    def test_placeholders_are_kept(self, language: str) -> None:
        """Each translation has the fields of its English, no more and no fewer.

        A plural's forms may leave out the count where the language says
        "one" in words, but name nothing the English does not.
        """
        broken = []
        for message in _read(_po(language)):
            if not message.id:
                continue
            for english, form in _forms(message):
                wanted, got = _fields(english), _fields(form)
                plural = not isinstance(message.id, str)
                if got != wanted and not (plural and got <= wanted):
                    broken.append((english, form))
        assert [] == broken

    def test_the_compiled_catalog_matches(self, language: str) -> None:
        """The shipped ``.mo`` is what ``pybabel compile`` makes of the ``.po``."""
        compiled = io.BytesIO()
        write_mo(compiled, _read(_po(language)))
        shipped = _po(language).with_suffix(".mo").read_bytes()
        assert compiled.getvalue() == shipped, (
            "compile the catalogs: pybabel compile -d src/backroutine/locale -D backroutine"
        )

    def test_the_catalog_says_its_language(self, language: str) -> None:
        """The header names the language, and the CLDR's plural rule for it.

        gettext picks each plural form by the header's rule: Spanish has
        three (one, many for millions, other), German two.
        """
        catalog = _read(_po(language))
        assert language == str(catalog.locale)
        assert Catalog(locale=language).plural_forms == catalog.plural_forms


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_shortest_timer_cues_are_one_word(language: str) -> None:
    """The last wording of each timer cue is one word in every language.

    The timing model gives no cue less time than one word takes to say, so
    a translation of "Hold." in two words could not be said in its time.
    """
    wordings = [
        value
        for value in [*vars(_timing).values(), *_timing._SIDED_MOVE.values()]
        if isinstance(value, _timing._Wordings)
    ]
    assert len(wordings) >= 6
    with speaking(language):
        said = [
            _(wording.templates[-1]).format(**wording._example())
            for wording in wordings
        ]
    assert [] == [text for text in said if len(text.split()) != 1]
