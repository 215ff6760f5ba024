"""Plain text for a terminal: exercises, routines and screenings.

Pure functions from values to strings, wrapped at
:data:`~backroutine._wrapping.WIDTH` columns; no printing and no I/O, so the
command line and apps render alike.  The output depends only on the values,
never on the terminal or the clock.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Final

from backroutine._advice import STOP_RULE
from backroutine._catalog import Catalog
from backroutine._dose_words import TEXT, dose_text
from backroutine._facts import (
    exercise_facts,
    listing,
    not_renderable,
    position_words,
    routine_facts,
    safety_after_stop_rule,
    step_fields,
)
from backroutine._model import Exercise, Finding, Routine, RoutineStep, Screening
from backroutine._public import publish
from backroutine._signs import SIGN_WORDS, URGENCY_WORDS
from backroutine._timing import Pace
from backroutine._vocabulary import Urgency
from backroutine._wrapping import wrap

_INDENT: Final = "  "


def _fields(pairs: Iterable[tuple[str, str]], *, indent: str = "") -> list[str]:
    """Labelled lines with their values aligned, each wrapped under its value."""
    pairs = tuple(pairs)
    column = max(len(label) for label, _ in pairs) + 2
    lines: list[str] = []
    for label, value in pairs:
        head = f"{indent}{label}:".ljust(len(indent) + column)
        lines += wrap(value, indent=head, hang=" " * len(head))
    return lines


def _title(text: str) -> list[str]:
    lines = wrap(text)
    return [*lines, "=" * max(map(len, lines))]


def _bullets(items: Iterable[str], *, indent: str) -> list[str]:
    """*items* as ``- `` lines after *indent*, each wrapped under its text."""
    lines: list[str] = []
    for item in items:
        lines += wrap(item, indent=f"{indent}- ", hang=f"{indent}  ")
    return lines


def _section(heading: str, items: tuple[str, ...], *, numbered: bool) -> list[str]:
    if not items:
        return []
    lines = ["", heading]
    if not numbered:
        return lines + _bullets(items, indent=_INDENT)
    width = len(str(len(items)))
    for number, item in enumerate(items, start=1):
        mark = f"{number:>{width}}."
        lines += wrap(item, indent=f"{_INDENT}{mark} ", hang=" " * (len(mark) + 3))
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
        lines = wrap(exercise.id)
        lines += wrap(exercise.name, indent=_INDENT)
        lines += _fields(
            [
                ("Position", position_words(exercise.position)),
                ("Targets", listing(exercise.targets)),
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
    lines = [
        *_title(exercise.name),
        *wrap(f"id: {exercise.id}"),
        "",
        *wrap(exercise.summary),
        "",
        *_fields(exercise_facts(exercise, TEXT)),
        *_section("Steps", exercise.instructions, numbered=True),
        *_section("Why it helps", exercise.benefits, numbered=False),
        *_section("Cues", exercise.cues, numbered=False),
        *_section("Cautions", tuple(c.text for c in exercise.cautions), numbered=False),
    ]
    return "\n".join(lines) + "\n"


def _step_lines(number: int, width: int, step: RoutineStep) -> list[str]:
    head = f"{_INDENT}{number:>{width}}. "
    hang = " " * len(head)
    lines = [
        *wrap(step.exercise.name, indent=head, hang=hang),
        *_fields(step_fields(step, TEXT), indent=hang),
    ]
    if step.exercise.cautions:
        lines.append(f"{hang}Take care:")
        lines += _bullets(
            (caution.text for caution in step.exercise.cautions),
            indent=hang + _INDENT,
        )
    return lines


def routine_text(routine: Routine, pace: Pace | None = None) -> str:
    """A routine for a person to read and follow.

    The name, the time of day, the targets and the total time (by the
    timing model of *pace*, the default pace if None); then, before any
    exercise, the stop rule and the routine's safety advice; then each step
    numbered, with its exercise, position, sets in plain words, note and
    the exercise's cautions ("Take care"); then the routine's notes.

    Args:
        routine: The routine.
        pace: The timing model for the total time; None for the default.

    Returns:
        The text, no line wider than :data:`~backroutine._wrapping.WIDTH`,
        ending with a newline.
    """
    lines = [
        *_title(routine.name),
        *_fields(routine_facts(routine, pace)),
        "",
        *_fields([("Stop rule", STOP_RULE)]),
        *_section("Safety", safety_after_stop_rule(routine), numbered=False),
        "",
        "Exercises",
    ]
    width = len(str(len(routine.steps)))
    for number, step in enumerate(routine.steps, start=1):
        if number > 1:
            lines.append("")
        lines += _step_lines(number, width, step)
    lines += _section("Notes", routine.notes, numbered=False)
    return "\n".join(lines) + "\n"


def _urgency_heading(screening: Screening) -> str:
    """How urgent *screening* is, in the words that head it.

    Said loudly, with what to do, when it stops exercise (``URGENT: see a
    doctor soon``); otherwise the urgency's name (``See a professional``).
    """
    words = URGENCY_WORDS[screening.urgency]
    if screening.stops_exercise:
        return f"{words.name.upper()}: {words.in_short}"
    return words.name.capitalize()


def _tier_lines(urgency: Urgency, findings: Iterable[Finding]) -> list[str]:
    """The signs of one urgency: its heading, each sign in words, what to do."""
    found = tuple(findings)
    lines = ["", f"{URGENCY_WORDS[urgency].name.capitalize()}:"]
    lines += _bullets((SIGN_WORDS[finding.sign] for finding in found), indent=_INDENT)
    for advice in dict.fromkeys(finding.advice for finding in found):
        lines += wrap(advice)
    return lines


def screening_text(screening: Screening) -> str:
    """A screening for a person to read and act on.

    A heading that says how urgent it is in plain words (for example
    ``EMERGENCY: call emergency services now``), underlined; then every
    warning sign given, grouped by urgency, the most urgent first, each
    group headed by its urgency, then its signs in words, then what to do
    about them; then the advice for the most urgent signs.

    Args:
        screening: The screening, as :func:`backroutine.screen` gives it.

    Returns:
        The text, no line wider than :data:`~backroutine._wrapping.WIDTH`,
        ending with a newline.
    """
    lines = _title(_urgency_heading(screening))
    tiers = itertools.groupby(screening.findings, key=lambda finding: finding.urgency)
    for urgency, findings in tiers:
        lines += _tier_lines(urgency, findings)
    lines += ["", *wrap(screening.advice)]
    return "\n".join(lines) + "\n"


def to_text(value: Routine | Exercise, *, pace: Pace | None = None) -> str:
    """A routine or an exercise as plain text, for a terminal.

    What ``backroutine plan`` and ``backroutine show`` print.  A routine
    gives its name, time of day, targets and total time, the stop rule and
    safety advice, then each exercise numbered with its position, sets in
    plain words, note and cautions, then the notes.  An exercise gives its
    summary and facts, numbered steps, why it helps, cues and cautions.

    Args:
        value: The :class:`~backroutine.Routine` or
            :class:`~backroutine.Exercise` to render.
        pace: The timing model for a routine's total time; None for the
            default :class:`~backroutine.Pace`.  Unused for an exercise.

    Returns:
        The text, no line wider than 80 characters, ending with a newline.
        Equal values give equal text.

    Raises:
        TypeError: *value* is neither a routine nor an exercise.
    """
    if isinstance(value, Routine):
        return routine_text(value, pace)
    if isinstance(value, Exercise):
        return exercise_text(value)
    raise TypeError(not_renderable("to_text", value))


publish(to_text)
