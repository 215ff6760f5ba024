"""Words for people, shared by every layer that writes them.

Enum values as words, lists joined the way a sentence joins them, and
counts with their words in agreement.  Every "1 set", "2 sets" the library
writes comes from :func:`plural` or :func:`word_for`, so that no message
falls back on "set(s)".
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Literal

from backroutine._i18n import _, ngettext


def words(member: enum.Enum) -> str:
    """An enum member's value as words: ``"lower back"`` for ``LOWER_BACK``."""
    return str(member.value).replace("_", " ")


def join(items: Iterable[str], *, word: Literal["and", "or"] = "and") -> str:
    """*items* as a sentence lists them: ``"a, b and c"``, or with ``"or"``.

    In the current language: the separator and the last link are messages,
    so that a language joins its own way (``"a, b y c"``).
    """
    listed = list(items)
    if len(listed) <= 1:
        return "".join(listed)
    # Translators: the separator of all but the last two items of a list.
    comma = _(", ")
    first = comma.join(listed[:-1])
    if word == "or":
        # Translators: the end of a list of choices: "a, b or c".
        return _("{items} or {last}").format(items=first, last=listed[-1])
    # Translators: the end of a list: "a, b and c".
    return _("{items} and {last}").format(items=first, last=listed[-1])


def join_some(items: Iterable[str], *, limit: int = 3) -> str:
    """Up to *limit* of *items* joined, then how many more there are.

    Names and ids can be many (a catalog may hold thousands) and long, and
    a note must stay within the model's length for text.
    """
    listed = list(items)
    if len(listed) <= limit:
        return join(listed)
    more = len(listed) - limit
    message = ngettext("{items} and {count} more", "{items} and {count} more", more)
    return message.format(items=_(", ").join(listed[:limit]), count=more)


def word_for(count: float, singular: str, plural_form: str | None = None) -> str:
    """The form of a word that agrees with *count*: singular for exactly one.

    ``word_for(1, "set")`` is ``"set"``; for any other count, 0 and
    fractions included, the plural: *plural_form* if given (for irregular
    words, and for verbs: ``word_for(n, "suits", "suit")``), else *singular*
    with an ``s``.
    """
    if count == 1:
        return singular
    return singular + "s" if plural_form is None else plural_form


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """*count* and the word that agrees with it: ``"1 set"``, ``"3 sets"``.

    *plural_form* is the plural where adding ``s`` does not make it, as
    :func:`word_for` takes it.
    """
    return f"{count} {word_for(count, singular, plural_form)}"
