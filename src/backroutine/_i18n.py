"""The language words are written in: gettext catalogs and the current language.

Every message the library shows a person is marked in the code with one of
the functions here, so that ``pybabel extract`` finds it:

- :func:`_` for a message (``gettext``);
- :func:`ngettext` for a message that agrees with a count: the catalog of
  each language holds its plural forms, so no code adds an "s";
- :func:`pgettext` for a message whose words alone are ambiguous: the
  context tells the translator which sense is meant;
- :func:`N_` to mark a message that is kept as a constant and translated
  where it is used.

These are gettext's own names, which ``pybabel extract`` looks for without
being told.  Messages take their values by name, ``str.format`` style
(``"{count} sets"``), so that a translation may put them in any order.

The language is a context variable, set for the length of a call by
:func:`speaking`: a public function that writes words takes a ``language``
argument and speaks it while it works, so that the functions below it need
no argument to pass along, and two threads or tasks can each speak their
own.  The catalogs are the standard library's ``gettext`` reading the
compiled ``.mo`` files shipped in the package; Babel is needed only to make
them, and, when installed, to write dates and numbers the way the language
does (:mod:`backroutine._formats`).
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import os
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import gettext

DOMAIN: Final = "backroutine"
"""The gettext domain of the library's messages."""

LOCALE_DIR: Final = os.path.join(os.path.dirname(__file__), "locale")  # noqa: PTH118, PTH120 (pathlib costs start-up time)
"""Where the message catalogs are: ``LOCALE_DIR/<language>/LC_MESSAGES``."""

DEFAULT_LANGUAGE: Final = "en"
"""The language of the messages in the code, and of the built-in exercises."""

LANGUAGES: Final = ("en", "es", "de")
"""The languages backroutine writes: every message and every built-in
exercise is translated into each of them."""

_SPEAKING: contextvars.ContextVar[str] = contextvars.ContextVar(
    "backroutine_language", default=DEFAULT_LANGUAGE
)


def _tag(locale: str) -> str:
    """The language part of a locale name: ``"es"`` for ``"es_ES.UTF-8"``."""
    name = locale.split(".", 1)[0].split("@", 1)[0]
    return name.replace("-", "_").split("_", 1)[0].lower()


def language_of(locale: object) -> str:
    """The language of *locale*, one of :data:`LANGUAGES`.

    *locale* is a string: a language (``"es"``), a locale as BCP 47 or POSIX
    writes it (``"es-MX"``, ``"de_AT.UTF-8"``), or ``"C"`` or ``"POSIX"``,
    which mean English.

    Raises:
        UnknownLanguageError: *locale* is not one of :data:`LANGUAGES`.
        TypeError: *locale* is not a string.
    """
    tag = _tag(locale) if isinstance(locale, str) else None
    if tag is None:
        msg = f"language must be a string such as 'es' (got {locale!r})"
        raise TypeError(msg)
    if tag in {"c", "posix"}:
        return DEFAULT_LANGUAGE
    if tag not in LANGUAGES:
        # Imported here: the exceptions' module speaks English through this one.
        from backroutine.exceptions import UnknownLanguageError  # noqa: PLC0415

        choices = ", ".join(repr(language) for language in LANGUAGES)
        msg = f"language must be one of {choices} (got {locale!r})"
        raise UnknownLanguageError(msg)
    return tag


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for, as Python's gettext reads it.

    The first of ``LANGUAGE`` (a colon-separated list), ``LC_ALL``,
    ``LC_MESSAGES`` and ``LANG`` that is set decides, as it does for
    gettext; within ``LANGUAGE``, the first language backroutine has. A
    locale it has no translation for, or none at all, gives English: the
    environment describes the machine, and is no reason to refuse to speak.
    """
    environ = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if not value:
            continue
        for locale in value.split(":"):
            with contextlib.suppress(ValueError):
                return language_of(locale)
        return DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


@functools.cache
def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalog of *language*, read once.

    English is the messages as written, so it has no catalog.  A language
    of :data:`LANGUAGES` whose catalog is missing is a broken installation,
    and says so rather than falling back to English.
    """
    import gettext  # noqa: PLC0415 (only once words are first written)

    if language == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    try:
        return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language])
    except FileNotFoundError:
        path = os.path.join(LOCALE_DIR, language, "LC_MESSAGES", f"{DOMAIN}.mo")  # noqa: PTH118
        msg = f"the {language!r} messages are missing from this installation: {path}"
        raise RuntimeError(msg) from None


def current_language() -> str:
    """The language messages are being written in."""
    return _SPEAKING.get()


@contextlib.contextmanager
def speaking(language: str | None) -> Iterator[str]:
    """Write messages in *language* within the block; None keeps the current one.

    Yields the language, as :func:`language_of` reads it.
    """
    if language is None:
        yield _SPEAKING.get()
        return
    resolved = language_of(language)
    translations(resolved)  # a missing catalog fails here, not mid-sentence
    token = _SPEAKING.set(resolved)
    try:
        yield resolved
    finally:
        _SPEAKING.reset(token)


def speaking_for(
    language: str | None, own: str
) -> contextlib.AbstractContextManager[str]:
    """Speak *language*, else a document's *own* language, within the block.

    For the functions that write about a document (a routine, a screening,
    a programme): with no *language*, the document's own.  A document in a
    language backroutine has no words for (another app's, in ``fr``) is
    still read, timed and rendered: the words backroutine adds are then
    English, around the document's own.
    """
    if language is None:
        try:
            language = language_of(own)
        except ValueError:
            language = DEFAULT_LANGUAGE
    return speaking(language)


def _(message: str) -> str:
    """*message* in the current language."""
    return translations(_SPEAKING.get()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message that agrees with *count*, in the current language.

    *singular* and *plural* are the English forms; each language's catalog
    holds as many forms as its grammar needs.  The count is not filled in:
    the message names it, as ``"{count} sets"``, and the caller formats it.
    """
    return translations(_SPEAKING.get()).ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """*message*, in the sense *context* names, in the current language."""
    return translations(_SPEAKING.get()).pgettext(context, message)


def N_(message: str) -> str:  # noqa: N802 (gettext's own name for the marker)
    """Mark *message* for translation where it is used, and return it unchanged."""
    return message
