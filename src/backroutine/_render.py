"""Text for people: exercises, routines, cues and screenings in plain words.

Pure functions from values to strings, wrapped at :data:`WIDTH` columns; no
printing and no I/O, so the command line and apps render alike.  The output
depends only on the values, never on the terminal or the clock.
"""

from __future__ import annotations

import enum
import math
import textwrap
from collections.abc import Iterable
from types import MappingProxyType
from typing import Final

from backroutine._advice import STOP_RULE
from backroutine._catalog import Catalog
from backroutine._model import (
    Cue,
    Dosage,
    Exercise,
    ExerciseSet,
    Routine,
    RoutineStep,
    Screening,
    Span,
)
from backroutine._safety import SIGN_WORDS
from backroutine._timing import Pace, estimate_duration
from backroutine._vocabulary import Bias, Laterality, Position, Urgency

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


def _reps_text(reps: Span, hold_seconds: Span | None, laterality: Laterality) -> str:
    """The reps of one set in plain words: ``8 reps each side, alternating``."""
    text = _count(reps, "rep") + _SIDES[laterality]
    if hold_seconds is not None:
        text += f", hold {_count(hold_seconds, 'second')}"
    return text


def _sets_text(
    sets: Span,
    reps: Span,
    hold_seconds: Span | None,
    laterality: Laterality,
    rest_seconds: int,
) -> str:
    """Sets of alike reps in plain words, with the rest between them."""
    text = f"{_count(sets, 'set')} of {_reps_text(reps, hold_seconds, laterality)}"
    if rest_seconds and sets.high > 1:
        rest = _count(Span.exactly(rest_seconds), "second")
        text += f", rest {rest} between sets"
    return text


def dose_text(dosage: Dosage) -> str:
    """A dosage in plain words.

    For example ``1 set of 10 to 15 reps, hold 3 to 5 seconds``, or
    ``1 set of 8 to 10 reps each side, alternating, hold 10 to 15 seconds``
    (for per-side work the reps count on each side).  A moving exercise has
    no hold; rest is mentioned only where there can be more than one set.
    """
    return _sets_text(
        dosage.sets,
        dosage.reps,
        dosage.hold_seconds,
        dosage.laterality,
        dosage.rest_seconds,
    )


def _then_rest(seconds: int) -> str:
    return f", then rest {_count(Span.exactly(seconds), 'second')}" if seconds else ""


def _hold_span(exercise_set: ExerciseSet) -> Span | None:
    hold = exercise_set.hold
    return None if hold is None else Span.exactly(hold.seconds)


def _dose_fields(sets: tuple[ExerciseSet, ...]) -> list[tuple[str, str]]:
    """A step's sets in plain words, as labelled lines.

    Alike sets (the same reps, hold and sides, the same rest between them)
    make one line, such as ``("Dose", "2 sets of 10 reps, hold 5 seconds,
    rest 30 seconds between sets")``; sets that differ get a line each,
    ``("Set 1", "10 reps, hold 5 seconds, then rest 30 seconds")``.  A rest
    after the last set is given as ``then rest ...``.
    """
    first = sets[0]
    shape = (first.reps, first.hold, first.laterality)
    between = {exercise_set.rest_after_seconds for exercise_set in sets[:-1]}
    alike = all(
        (exercise_set.reps, exercise_set.hold, exercise_set.laterality) == shape
        for exercise_set in sets
    )
    if alike and len(between) <= 1:
        text = _sets_text(
            Span.exactly(len(sets)),
            Span.exactly(first.reps),
            _hold_span(first),
            first.laterality,
            min(between, default=0),
        )
        return [("Dose", text + _then_rest(sets[-1].rest_after_seconds))]
    return [
        (
            f"Set {number}",
            _reps_text(
                Span.exactly(exercise_set.reps),
                _hold_span(exercise_set),
                exercise_set.laterality,
            )
            + _then_rest(exercise_set.rest_after_seconds),
        )
        for number, exercise_set in enumerate(sets, start=1)
    ]


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
        *_section("Cautions", tuple(c.text for c in exercise.cautions), numbered=False),
    ]
    return "\n".join(lines) + "\n"


def _plural(number: int, unit: str) -> str:
    return f"{number} {unit}" if number == 1 else f"{number} {unit}s"


def duration_text(seconds: float) -> str:
    """A length of time for people, to the nearest second.

    ``45 seconds`` under a minute, ``8 minutes`` for whole minutes, else
    ``about 8 minutes (7 min 59 s)``, with hours as ``1 h 2 min 5 s``.
    """
    whole = math.floor(seconds + 0.5)
    if whole < 60:
        return _plural(whole, "second")
    minutes, rest = divmod(whole, 60)
    if not rest:
        return _plural(minutes, "minute")
    hours, within_hour = divmod(minutes, 60)
    exact = f"{within_hour} min {rest} s"
    if hours:
        exact = f"{hours} h {exact}"
    about = _plural(math.floor(whole / 60 + 0.5), "minute")
    return f"about {about} ({exact})"


def _bullets(items: Iterable[str], *, indent: str) -> list[str]:
    """*items* as ``- `` lines after *indent*, each wrapped under its text."""
    lines: list[str] = []
    for item in items:
        lines += _wrap(item, indent=f"{indent}- ", hang=f"{indent}  ")
    return lines


def _step_lines(number: int, width: int, step: RoutineStep) -> list[str]:
    head = f"{_INDENT}{number:>{width}}. "
    hang = " " * len(head)
    fields = [("Position", _position(step.exercise.position))]
    fields += _dose_fields(step.sets)
    if step.note is not None:
        fields.append(("Note", step.note))
    lines = [
        *_wrap(step.exercise.name, indent=head, hang=hang),
        *_fields(fields, indent=hang),
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
        The text, no line wider than :data:`WIDTH`, ending with a newline.
    """
    facts = []
    if routine.time_of_day is not None:
        facts.append(("Time of day", _words(routine.time_of_day)))
    if routine.targets:
        facts.append(("Targets", _listing(routine.targets)))
    facts.append(("Total time", duration_text(estimate_duration(routine, pace))))
    lines = [
        *_title(routine.name),
        *_fields(facts),
        "",
        *_fields([("Stop rule", STOP_RULE)]),
        # The stop rule is shown above; a planned routine's safety repeats it.
        *_section(
            "Safety",
            tuple(advice for advice in routine.safety if advice != STOP_RULE),
            numbered=False,
        ),
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


_URGENCY_HEADINGS: Final = MappingProxyType(
    {
        Urgency.EMERGENCY: "EMERGENCY: call emergency services now",
        Urgency.URGENT: "URGENT: see a doctor soon",
        Urgency.SEE_PROFESSIONAL: "See a professional",
        Urgency.NONE: "No warning signs",
    }
)


def screening_text(screening: Screening) -> str:
    """A screening for a person to read and act on.

    A heading that says how urgent it is in plain words (for example
    ``EMERGENCY: call emergency services now``), underlined; the warning
    signs that set the urgency, in words; then the advice.

    Args:
        screening: The screening, as :func:`backroutine.screen` gives it.

    Returns:
        The text, no line wider than :data:`WIDTH`, ending with a newline.
    """
    lines = _title(_URGENCY_HEADINGS[screening.urgency])
    if screening.signs:
        label = "Warning sign" if len(screening.signs) == 1 else "Warning signs"
        lines += ["", f"{label}:"]
        lines += _bullets(
            (SIGN_WORDS[sign] for sign in screening.signs), indent=_INDENT
        )
    lines += ["", *_wrap(screening.advice)]
    return "\n".join(lines) + "\n"


def clock_text(seconds: float) -> str:
    """A time from the start as a clock shows it: ``01:05``, ``1:02:05``.

    Whole seconds, cut rather than rounded (a cue at 59.6 s shows
    ``00:59``, the second it starts in); an hour or more as ``h:mm:ss``.
    """
    minutes, rest = divmod(math.floor(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}:{minutes:02}:{rest:02}"
    return f"{minutes:02}:{rest:02}"


def cue_line(cue: Cue) -> str:
    """One timer cue on one line: its start time, two spaces, its text.

    For example ``00:00  Get ready for Child's pose. ...``.  Line breaks and
    runs of spaces in the text become single spaces, so that the line stays
    one line; it is not wrapped.
    """
    return f"{clock_text(cue.start_seconds)}  {' '.join(cue.text.split())}"


def timeline_text(cues: Iterable[Cue]) -> str:
    """Cues one per line (see :func:`cue_line`), each ending with a newline."""
    return "".join(f"{cue_line(cue)}\n" for cue in cues)
