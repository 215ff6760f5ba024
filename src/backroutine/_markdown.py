"""A printable handout in Markdown (CommonMark): a routine or an exercise.

Text that comes from data goes through :func:`_escape` once, where it is
placed, so that it reads literally; labels and words made here need none.
The words are in the current language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from backroutine._advice import WHAT_TO_FEEL
from backroutine._builtin import default_catalog
from backroutine._catalog import Catalog
from backroutine._facts import (
    EXERCISE_ADVICE,
    NOT_PLANNED_FOR,
    ROUTINE_ADVICE,
    TAKE_CARE,
    advice_fields,
    caution_groups,
    caution_texts,
    exercise_facts,
    getting_down,
    not_planned_for,
    not_renderable,
    other_safety,
    person_name,
    routine_facts,
    routine_frequency,
    step_fields,
    step_seconds,
    zone_words,
)
from backroutine._i18n import (
    _,
    current_language,
    speaking_for,
)
from backroutine._model import Exercise, Routine
from backroutine._public import publish
from backroutine._signs import SEEK_HELP_HEADING, SEEK_HELP_LEAD, SEEK_HELP_SIGNS
from backroutine._timing import Pace
from backroutine._traffic_light import HOW_TO_SCORE, SIGNS_FIRST, ZONES
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
    intro = f"**{_(SEEK_HELP_HEADING)}:** {_escape(_(SEEK_HELP_LEAD))}:"
    # Wrapped with the quote's mark, so that a long sign keeps to the width.
    signs = [
        line
        for sign in SEEK_HELP_SIGNS
        for line in _lines(_escape(_(sign)), indent="> - ", hang=">   ")
    ]
    return [*_lines(intro, indent="> "), ">", *signs]


def _paragraph(text: str) -> list[str]:
    """*text* as a paragraph, read literally."""
    return _lines(_escape(text))


def _feel_sections(level: int) -> list[list[str]]:
    """What to feel and the pain traffic light, headed at *level*."""
    light: list[str] = []
    for zone in ZONES:
        colour, text = zone_words(zone.colour, zone.when, zone.next_time)
        light += _lines(f"**{colour}:** {_escape(text)}", indent="- ", hang="  ")
    return [
        # Translators: a heading of a handout.
        _heading(level, _("How it should feel")),
        _paragraph(_(WHAT_TO_FEEL)),
        _paragraph(_(HOW_TO_SCORE)),
        light,
        _paragraph(_(SIGNS_FIRST)),
    ]


def _getting_down_sections(value: Routine | Exercise, level: int) -> list[list[str]]:
    """How to get down to the floor and up, headed at *level*, if it is needed."""
    advice = getting_down(value)
    if advice is None:
        return []
    down = tuple(map(_, advice.down))
    up = tuple(map(_, advice.up))
    return [
        _heading(level, _(advice.heading)),
        _paragraph(_(advice.lead)),
        # Translators: a heading, before the steps to get down to the floor.
        *_section(level + 1, _("Getting down"), down, numbered=True),
        # Translators: a heading, before the steps to get up from the floor.
        *_section(level + 1, _("Getting up"), up, numbered=True),
    ]


def _before_you_start(value: Routine | Exercise, advice: list[str]) -> list[list[str]]:
    """The seek-help box and *advice*, what to feel, and getting down if needed."""
    return [
        # Translators: a heading of a handout, before its safety advice.
        _heading(2, _("Before you start")),
        _seek_help_box(),
        advice,
        *_feel_sections(2),
        *_getting_down_sections(value, 2),
    ]


def _exercise_sections(
    exercise: Exercise, level: int, cautions: list[tuple[str, tuple[str, ...]]]
) -> list[list[str]]:
    """The numbered steps, why it helps, cues and *cautions*, headed at *level*.

    *cautions* are headed groups of cautions' texts, each its own section.
    """
    sections = [
        *_section(level, _("Steps"), exercise.instructions, numbered=True),
        *_section(level, _("Why it helps"), exercise.benefits),
        *_section(level, _("Cues"), exercise.cues),
    ]
    for heading, texts in cautions:
        sections += _section(level, heading, texts)
    return sections


def _document(blocks: Iterable[list[str]]) -> str:
    """Blocks of lines, a blank line between them, ending with a newline."""
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def _exercise_markdown(exercise: Exercise, catalog: Catalog) -> str:
    return _document(
        [
            _heading(1, person_name(exercise)),
            _paragraph(exercise.summary),
            _fields(exercise_facts(exercise, catalog)),
            *_before_you_start(exercise, _fields(advice_fields(EXERCISE_ADVICE))),
            *_exercise_sections(
                exercise,
                2,
                [
                    (_(TAKE_CARE), caution_texts(exercise.cautions)),
                    (_(NOT_PLANNED_FOR), not_planned_for(exercise)),
                ],
            ),
        ]
    )


def _routine_markdown(routine: Routine, pace: Pace | None, catalog: Catalog) -> str:
    advice = [
        *_fields(advice_fields(ROUTINE_ADVICE)),
        *_list(other_safety(routine), numbered=False),
    ]
    blocks = [
        _heading(1, routine.name),
        _fields(routine_facts(routine, pace)),
        *_before_you_start(routine, advice),
    ]
    often = routine_frequency(routine) is None
    seconds = step_seconds(routine, pace)
    for number, step in enumerate(routine.steps, start=1):
        cautions = caution_groups(
            routine.cautions(step.exercise), personal=routine.conditions is not None
        )
        fields = step_fields(
            step,
            seconds=seconds[number - 1],
            often=often,
            catalog=catalog,
            conditions=routine.conditions or (),
        )
        blocks += [
            _heading(2, person_name(step.exercise), number=number),
            _fields(fields),
            *_exercise_sections(step.exercise, 3, cautions),
        ]
    blocks += _section(2, _("Notes"), routine.notes)
    return _document(blocks)


def to_markdown(
    value: Routine | Exercise,
    *,
    pace: Pace | None = None,
    catalog: Catalog | None = None,
    language: str | None = None,
) -> str:
    """A routine or an exercise as a printable handout, in Markdown.

    CommonMark a person can print or a Markdown viewer can show, in plain
    words: "lying on your back", not "supine"; "bending forward", not
    "flexion".  A routine gives a ``#`` title; when it is for, what it
    works, how long it takes (computed from its steps, never read from its
    notes) and how often to do it; under *Before you start*, the seek-help
    box as a quote (a bold *Seek help now*, what to do, and the emergency
    signs as a list), then a list of the stop rule, when to see a
    specialist and the rest of its safety advice; *How it should feel*,
    with the pain traffic light; how to get down to the floor and back up,
    when a step is on the floor; then a ``## N. Name (Clinical name)``
    section per exercise with its position, the dose with its units ("2
    sets of 10 reps, hold 5 seconds"), how long it takes, how often when
    the exercises differ, its easier and harder versions, the step's note,
    then the numbered steps, *Why it helps*, *Cues*, and the cautions that
    concern the routine's person: *For you* (about their conditions) and
    *Take care* (anyone may need them); then the notes, as they are.  An
    exercise gives its title, summary and facts, then the same parts, with
    all its cautions under *Take care* and the conditions it is *Not
    planned for*.

    Text from the values (names, steps, notes...) is escaped, so that it
    reads literally: an exercise named ``*bold*`` is not shown in bold.

    Args:
        value: The :class:`~backroutine.Routine` or
            :class:`~backroutine.Exercise` to render.
        pace: The timing model for a routine's times; None for the
            default :class:`~backroutine.Pace`.  Unused for an exercise.
        catalog: Where to find each exercise's easier and harder versions;
            None for :func:`~backroutine.default_catalog`.  A version it
            does not hold is left out.
        language: The language of the headings and the words around the
            exercises' own; None for a routine's own language
            (``Routine.language``), and for an exercise English, or
            the language of the call this one is made within.

    Returns:
        The Markdown source, ending with a newline, with no line wider than
        80 characters unless one word is (words and links are never broken).
        Equal values give equal text.

    Raises:
        TypeError: *value* is neither a routine nor an exercise.
        UnknownLanguageError: *language*, or the routine's, is not one
            backroutine writes (a :class:`ValueError`).
    """
    own = value.language if isinstance(value, Routine) else current_language()
    with speaking_for(language, own):
        return _to_markdown(value, pace, catalog)


def _to_markdown(
    value: Routine | Exercise, pace: Pace | None, catalog: Catalog | None
) -> str:
    if catalog is None:
        catalog = default_catalog(current_language())
    if isinstance(value, Routine):
        return _routine_markdown(value, pace, catalog)
    if isinstance(value, Exercise):
        return _exercise_markdown(value, catalog)
    raise TypeError(not_renderable("to_markdown", value))


publish(to_markdown)
