"""Words for people, shared by every layer that writes them.

Enum values as words, lists joined the way a sentence joins them, and
counts with their words in agreement.  Every "1 set", "2 sets" the library
writes comes from :func:`plural` or :func:`word_for`, so that no message
falls back on "set(s)".
"""

from __future__ import annotations

import enum
from collections.abc import Iterable


def words(member: enum.Enum) -> str:
    """An enum member's value as words: ``"lower back"`` for ``LOWER_BACK``."""
    return str(member.value).replace("_", " ")


def join(items: Iterable[str], *, word: str = "and") -> str:
    """*items* as a sentence lists them: ``"a, b and c"``, or with *word*."""
    listed = list(items)
    if len(listed) <= 1:
        return "".join(listed)
    return f"{', '.join(listed[:-1])} {word} {listed[-1]}"


def join_some(items: Iterable[str], *, limit: int = 3) -> str:
    """Up to *limit* of *items* joined, then how many more there are.

    Names and ids can be many (a catalog may hold thousands) and long, and
    a note must stay within the model's length for text.
    """
    listed = list(items)
    if len(listed) <= limit:
        return join(listed)
    return f"{', '.join(listed[:limit])} and {len(listed) - limit} more"


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
