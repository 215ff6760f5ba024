"""Text for people: exercises and their doses in plain words.

Pure functions from values to strings, wrapped at :data:`WIDTH` columns; no
printing and no I/O, so the command line and apps render alike.  The output
depends only on the values, never on the terminal or the clock.
"""

from __future__ import annotations

import enum
import textwrap
from collections.abc import Iterable
from types import MappingProxyType
from typing import Final

from backroutine._catalog import Catalog
from backroutine._model import Dosage, Exercise, Span
from backroutine._vocabulary import Bias, Laterality, Position

WIDTH: Final = 80
"""The widest line the rendered text has."""

_INDENT: Final = "  "

_POSITIONS: Final = MappingProxyType(
    {
        Position.SUPINE: "lying on your back",
        Position.PRONE: "lying face down",
        Position.SIDE_LYING: "lying on your side",
        Position.QUADRUPED: "on hands and knees",
        Position.HALF_KNEELING: "on one knee",
    }
)
_BIASES: Final = MappingProxyType(
    {
        Bias.FLEXION: "bending forwards",
        Bias.EXTENSION: "bending backwards",
        Bias.ROTATION: "twisting",
        Bias.NEUTRAL: "the spine kept steady",
        Bias.MIXED: "more than one direction",
    }
)
_SIDES: Final = MappingProxyType(
    {
        Laterality.BILATERAL: "",
        Laterality.ALTERNATING: " each side, alternating",
        Laterality.EACH_SIDE: " each side, one side at a time",
        Laterality.LEFT: ", left side only",
        Laterality.RIGHT: ", right side only",
    }
)


def _words(member: enum.Enum) -> str:
    """An enum member's value as words: ``"lower back"`` for ``LOWER_BACK``."""
    return str(member.value).replace("_", " ")


def _listing(members: Iterable[enum.Enum]) -> str:
    return ", ".join(map(_words, members)) or "none"


def _glossed(member: enum.Enum, gloss: str | None) -> str:
    """*member* as words, with *gloss* in brackets if there is one."""
    return f"{_words(member)} ({gloss})" if gloss else _words(member)


def _position(position: Position) -> str:
    return _glossed(position, _POSITIONS.get(position))


def _count(span: Span, unit: str) -> str:
    """*span* with *unit*, singular only for exactly one: "1 set", "8 to 10 reps"."""
    number = str(span.low) if span.low == span.high else f"{span.low} to {span.high}"
    return f"{number} {unit}" if span.high == 1 else f"{number} {unit}s"


def dose_text(dosage: Dosage) -> str:
    """A dosage in plain words.

    For example ``1 set of 10 to 15 reps, hold 3 to 5 seconds``, or
    ``1 set of 8 to 10 reps each side, alternating, hold 10 to 15 seconds``
    (for per-side work the reps count on each side).  A moving exercise has
    no hold; rest is mentioned only where there can be more than one set.
    """
    text = f"{_count(dosage.sets, 'set')} of {_count(dosage.reps, 'rep')}"
    text += _SIDES[dosage.laterality]
    if dosage.hold_seconds is not None:
        text += f", hold {_count(dosage.hold_seconds, 'second')}"
    if dosage.rest_seconds and dosage.sets.high > 1:
        rest = _count(Span.exactly(dosage.rest_seconds), "second")
        text += f", rest {rest} between sets"
    return text


def _wrap(text: str, *, indent: str = "", hang: str = "") -> list[str]:
    """*text* wrapped to :data:`WIDTH`, first line after *indent*, then *hang*."""
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=indent,
        subsequent_indent=hang or indent,
        break_on_hyphens=False,
    )


def _fields(pairs: Iterable[tuple[str, str]], *, indent: str = "") -> list[str]:
    """Labelled lines with their values aligned, each wrapped under its value."""
    pairs = tuple(pairs)
    column = max(len(label) for label, _ in pairs) + 2
    lines: list[str] = []
    for label, value in pairs:
        head = f"{indent}{label}:".ljust(len(indent) + column)
        lines += _wrap(value, indent=head, hang=" " * len(head))
    return lines


def _title(text: str) -> list[str]:
    lines = _wrap(text)
    return [*lines, "=" * max(map(len, lines))]


def _section(heading: str, items: tuple[str, ...], *, numbered: bool) -> list[str]:
    if not items:
        return []
    lines = ["", heading]
    width = len(str(len(items)))
    for number, item in enumerate(items, start=1):
        mark = f"{number:>{width}}." if numbered else "-"
        lines += _wrap(item, indent=f"{_INDENT}{mark} ", hang=" " * (len(mark) + 3))
    return lines


def exercise_list_text(catalog: Catalog) -> str:
    """A short block for each exercise in *catalog*, in catalog order.

    Each block gives the id (what ``backroutine show`` takes), the name, the
    position, the targets and the dose; blocks are separated by blank lines.
    """
    if not catalog.exercises:
        return "No exercises.\n"
    blocks: list[str] = []
    for exercise in catalog:
        lines = _wrap(exercise.id)
        lines += _wrap(exercise.name, indent=_INDENT)
        lines += _fields(
            [
                ("Position", _position(exercise.position)),
                ("Targets", _listing(exercise.targets)),
                ("Dose", dose_text(exercise.dosage)),
            ],
            indent=_INDENT,
        )
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def exercise_text(exercise: Exercise) -> str:
    """One exercise in full, for a person to read and follow.

    The name and id, the summary, the facts (position, targets, bias, when
    it suits, dose, equipment, difficulty), then the numbered steps, why it
    helps, cues and cautions.
    """
    facts = [
        ("Position", _position(exercise.position)),
        ("Targets", _listing(exercise.targets)),
        ("Bias", _glossed(exercise.bias, _BIASES[exercise.bias])),
    ]
    if exercise.times:
        facts.append(("Time of day", _listing(exercise.times)))
    if exercise.occasions:
        facts.append(("Occasions", _listing(exercise.occasions)))
    facts += [
        ("Dose", dose_text(exercise.dosage)),
        ("Equipment", _listing(exercise.equipment)),
        ("Difficulty", _words(exercise.difficulty)),
    ]
    lines = [
        *_title(exercise.name),
        *_wrap(f"id: {exercise.id}"),
        "",
        *_wrap(exercise.summary),
        "",
        *_fields(facts),
        *_section("Steps", exercise.instructions, numbered=True),
        *_section("Why it helps", exercise.benefits, numbered=False),
        *_section("Cues", exercise.cues, numbered=False),
        *_section("Cautions", exercise.cautions, numbered=False),
    ]
    return "\n".join(lines) + "\n"
