"""The built-in exercises, loaded from ``exercises.json`` like any app's catalog.

Their words in other languages are beside them, one file a language
(``exercises.es.json``), read as any app's translations are.
"""

from __future__ import annotations

import functools

from backroutine._catalog import Catalog
from backroutine._i18n import DEFAULT_LANGUAGE, current_language, language_of
from backroutine._json import loads


def _data(name: str) -> bytes:
    # pkgutil reads package data through the package's loader, like
    # importlib.resources, at a fraction of the import cost.
    import pkgutil  # noqa: PLC0415 (only when the catalog is first asked for)

    data = pkgutil.get_data("backroutine", name)
    if data is None:  # pragma: no cover (only for loaders that cannot read)
        msg = f"the built-in {name} cannot be read from this installation"
        raise RuntimeError(msg)
    return data


def default_catalog(language: str | None = None) -> Catalog:
    """The exercises that ship with backroutine, in *language*.

    They are read from the package's data file through the same strict
    loader that reads an app's own catalog, once; the catalog is immutable,
    so every call returns the same one.  In a language other than English,
    every exercise's words are translated: the built-in translations are
    complete, and checked to be when read.

    Args:
        language: One of the languages backroutine writes (``"en"``,
            ``"es"``, ``"de"``), or a locale of one (``"es_MX"``); None for
            English, or the language of the call this one is made within.

    Raises:
        UnknownLanguageError: A language backroutine has no words for (a
            :class:`ValueError`).
    """
    return _catalog(current_language() if language is None else language_of(language))


@functools.cache
def _catalog(language: str) -> Catalog:
    if language == DEFAULT_LANGUAGE:
        return loads(_data("exercises.json"), Catalog)
    from backroutine._translation import CatalogTranslation  # noqa: PLC0415

    translation = loads(_data(f"exercises.{language}.json"), CatalogTranslation)
    # Onto the English catalog, read once for every language.
    return _catalog(DEFAULT_LANGUAGE).translated(translation, complete=True)
