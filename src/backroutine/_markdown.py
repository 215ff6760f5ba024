"""A printable handout in Markdown (CommonMark): a routine or an exercise.

Text that comes from data goes through :func:`_escape` once, where it is
placed, so that it reads literally; labels and words made here need none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from backroutine._dose_words import HANDOUT
from backroutine._facts import (
    EXERCISE_ADVICE,
    NOT_PLANNED_FOR,
    ROUTINE_ADVICE,
    TAKE_CARE,
    caution_groups,
    caution_texts,
    exercise_facts,
    not_planned_for,
    not_renderable,
    other_safety,
    routine_facts,
    step_fields,
)
from backroutine._model import Exercise, Routine
from backroutine._public import publish
from backroutine._signs import SEEK_HELP_HEADING, SEEK_HELP_LEAD, SEEK_HELP_SIGNS
from backroutine._timing import Pace
from backroutine._wrapping import WIDTH, wrap

# Characters with a meaning anywhere in a line (emphasis, code, links, HTML,
# entities, and GFM's tables and strikethrough).
_INLINE: Final = re.compile(r"([\\`*_\[\]<&|~])")
# Characters with a meaning at the start of a line: a heading, a quote, a
# bullet, a setext underline.
_LINE_START: Final = re.compile(r"^([#>+=-])")
# A number that would start an ordered list: "1." or "12)".
_LIST_NUMBER: Final = re.compile(r"^([0-9]{1,9})([.)])$")


def _escape(text: str) -> str:
    """*text* as Markdown source that reads literally, on one line.

    Every character with a meaning inline is escaped with a backslash; so is
    whatever would start a block (a heading, a quote, a list item, a rule)
    were its word to begin a line, as any word may once the text is wrapped.
    Runs of whitespace become single spaces, as Markdown shows them anyway.
    """
    words = []
    for word in text.split():
        escaped = _INLINE.sub(r"\\\1", word)
        escaped = _LINE_START.sub(r"\\\1", escaped)
        words.append(_LIST_NUMBER.sub(r"\1\\\2", escaped))
    return " ".join(words)


def _lines(text: str, *, indent: str = "", hang: str = "") -> list[str]:
    """Markdown source wrapped at spaces only, so that no word is broken."""
    return wrap(text, indent=indent, hang=hang, whole_words=True)


_SETEXT_UNDERLINES: Final = "=-"
"""What underlines a setext heading at levels 1 and 2, the only two it has."""


def _heading(level: int, text: str, *, number: int | None = None) -> list[str]:
    """A heading for *text*, numbered ``N.`` if *number* is given.

    An ATX heading (``## 1. Name``) where it fits on a line; otherwise, at
    level 1 or 2, a setext heading wrapped over lines and underlined.
    """
    escaped = _escape(text)
    label = escaped if number is None else f"{number}. {escaped}"
    line = f"{'#' * level} {label}"
    if len(line) <= WIDTH or level > len(_SETEXT_UNDERLINES):
        return [line]
    if number is not None:
        # At the start of a line, "1." would start a list instead.
        label = f"{number}\\. {escaped}"
    lines = _lines(label)
    return [*lines, _SETEXT_UNDERLINES[level - 1] * max(map(len, lines))]


def _fields(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """Labelled facts as a bullet list: ``- **Label:** value``."""
    lines: list[str] = []
    for label, value in pairs:
        lines += _lines(f"- **{label}:** {_escape(value)}", hang="  ")
    return lines


def _list(items: Iterable[str], *, numbered: bool) -> list[str]:
    """*items* as a bullet list, or numbered ``1.``, each wrapped under its text."""
    lines: list[str] = []
    for number, item in enumerate(items, start=1):
        mark = f"{number}." if numbered else "-"
        hang = " " * (len(mark) + 1)
        lines += _lines(_escape(item), indent=f"{mark} ", hang=hang)
    return lines


def _section(
    level: int, heading: str, items: tuple[str, ...], *, numbered: bool = False
) -> list[list[str]]:
    """A heading and a list of *items*; nothing if there are none."""
    if not items:
        return []
    return [_heading(level, heading), _list(items, numbered=numbered)]


def _seek_help_box() -> list[str]:
    """The seek-help box as a quote: a bold heading, then the emergency signs."""
    intro = f"**{SEEK_HELP_HEADING}:** {_escape(SEEK_HELP_LEAD)}:"
    return [
        *_lines(intro, indent="> "),
        ">",
        *(f"> {line}" for line in _list(SEEK_HELP_SIGNS, numbered=False)),
    ]


def _exercise_sections(
    exercise: Exercise, level: int, cautions: list[tuple[str, tuple[str, ...]]]
) -> list[list[str]]:
    """The numbered steps, why it helps, cues and *cautions*, headed at *level*.

    *cautions* are headed groups of cautions' texts, each its own section.
    """
    sections = [
        *_section(level, "Steps", exercise.instructions, numbered=True),
        *_section(level, "Why it helps", exercise.benefits),
        *_section(level, "Cues", exercise.cues),
    ]
    for heading, texts in cautions:
        sections += _section(level, heading, texts)
    return sections


def _document(blocks: Iterable[list[str]]) -> str:
    """Blocks of lines, a blank line between them, ending with a newline."""
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def _exercise_markdown(exercise: Exercise) -> str:
    return _document(
        [
            _heading(1, exercise.name),
            _lines(_escape(exercise.summary)),
            _fields(exercise_facts(exercise, HANDOUT)),
            _heading(2, "Before you start"),
            _seek_help_box(),
            _fields(EXERCISE_ADVICE),
            *_exercise_sections(
                exercise,
                2,
                [
                    (TAKE_CARE, caution_texts(exercise.cautions)),
                    (NOT_PLANNED_FOR, not_planned_for(exercise)),
                ],
            ),
        ]
    )


def _routine_markdown(routine: Routine, pace: Pace | None) -> str:
    blocks = [
        _heading(1, routine.name),
        _fields(routine_facts(routine, pace)),
        _heading(2, "Before you start"),
        _seek_help_box(),
        [*_fields(ROUTINE_ADVICE), *_list(other_safety(routine), numbered=False)],
    ]
    for number, step in enumerate(routine.steps, start=1):
        cautions = caution_groups(
            routine.cautions(step.exercise), personal=routine.conditions is not None
        )
        blocks += [
            _heading(2, step.exercise.name, number=number),
            _fields(step_fields(step, HANDOUT)),
            *_exercise_sections(step.exercise, 3, cautions),
        ]
    blocks += _section(2, "Notes", routine.notes)
    return _document(blocks)


def to_markdown(value: Routine | Exercise, *, pace: Pace | None = None) -> str:
    """A routine or an exercise as a printable handout, in Markdown.

    CommonMark a person can print or a Markdown viewer can show.  A routine
    gives a ``#`` title; its time of day, targets and total time; under
    *Before you start*, the seek-help box as a quote (a bold *Seek help
    now*, what to do, and the emergency signs as a list), then a list of the
    stop rule, when to see a specialist and the rest of its safety advice;
    then a ``## N. Name`` section per exercise with its position,
    the dose in plain words ("2 sets of 10, hold 5 seconds, each side"), the
    step's note, then the numbered steps, *Why it helps*, *Cues*, and the
    cautions that concern the routine's person: *For you* (about their
    conditions) and *Take care* (anyone may need them); then the notes.  An
    exercise gives its title, summary and facts, *Before you start* with
    the seek-help box and the stop rule, then the same sections, with all
    its cautions under *Take care*.

    Text from the values (names, steps, notes...) is escaped, so that it
    reads literally: an exercise named ``*bold*`` is not shown in bold.

    Args:
        value: The :class:`~backroutine.Routine` or
            :class:`~backroutine.Exercise` to render.
        pace: The timing model for a routine's total time; None for the
            default :class:`~backroutine.Pace`.  Unused for an exercise.

    Returns:
        The Markdown source, ending with a newline, with no line wider than
        80 characters unless one word is (words and links are never broken).
        Equal values give equal text.

    Raises:
        TypeError: *value* is neither a routine nor an exercise.
    """
    if isinstance(value, Routine):
        return _routine_markdown(value, pace)
    if isinstance(value, Exercise):
        return _exercise_markdown(value)
    raise TypeError(not_renderable("to_markdown", value))


publish(to_markdown)
