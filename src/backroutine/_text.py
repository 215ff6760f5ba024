"""Words for people, shared by every layer that writes them.

Enum values as words, and lists joined the way a sentence joins them.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable


def words(member: enum.Enum) -> str:
    """An enum member's value as words: ``"lower back"`` for ``LOWER_BACK``."""
    return str(member.value).replace("_", " ")


def join(items: Iterable[str]) -> str:
    """*items* as a sentence lists them: ``"a, b and c"``."""
    listed = list(items)
    if len(listed) <= 1:
        return "".join(listed)
    return ", ".join(listed[:-1]) + " and " + listed[-1]


def join_some(items: Iterable[str], *, limit: int = 3) -> str:
    """Up to *limit* of *items* joined, then how many more there are.

    Names and ids can be many (a catalog may hold thousands) and long, and
    a note must stay within the model's length for text.
    """
    listed = list(items)
    if len(listed) <= limit:
        return join(listed)
    return f"{', '.join(listed[:limit])} and {len(listed) - limit} more"
