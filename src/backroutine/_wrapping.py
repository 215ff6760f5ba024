"""Text wrapped to the one width that every rendering keeps to."""

from __future__ import annotations

import textwrap
from typing import Final

WIDTH: Final = 80
"""The widest line the rendered text has."""


def wrap(
    text: str, *, indent: str = "", hang: str = "", whole_words: bool = False
) -> list[str]:
    """*text* wrapped to :data:`WIDTH`, first line after *indent*, then *hang*.

    Lines break at spaces, never at hyphens; a word too long for a line is
    broken unless *whole_words*, in which case it overflows the line.
    """
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=indent,
        subsequent_indent=hang or indent,
        break_long_words=not whole_words,
        break_on_hyphens=False,
    )
