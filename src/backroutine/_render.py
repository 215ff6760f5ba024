"""Text for people: exercises, routines, cues and screenings in plain words.

Pure functions from values to strings, wrapped at :data:`WIDTH` columns; no
printing and no I/O, so the command line and apps render alike.  The output
depends only on the values, never on the terminal or the clock.

Two forms: plain text for a terminal, and Markdown (CommonMark) for a
printable handout, in which text that comes from data is escaped so that it
reads literally.
"""

from __future__ import annotations

import enum
import math
import re
import reprlib
import textwrap
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

import attrs

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
from backroutine._text import plural, word_for
from backroutine._text import words as _words
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
# A handout names the sides last: "2 sets of 10, hold 5 seconds, each side".
_HANDOUT_SIDES: Final = MappingProxyType(
    {
        Laterality.BILATERAL: "",
        Laterality.ALTERNATING: ", each side, alternating",
        Laterality.EACH_SIDE: ", each side",
        Laterality.LEFT: ", left side only",
        Laterality.RIGHT: ", right side only",
    }
)


@attrs.frozen(kw_only=True)
class _Wording:
    """How a dose is put into words: for a terminal or for a handout."""

    sides: Mapping[Laterality, str]
    """What follows the reps (or the hold) for each laterality."""
    sides_last: bool
    """Whether the sides come after the hold rather than after the reps."""
    bare_reps: bool
    """Whether "2 sets of 10" leaves out "reps" (kept for a single rep)."""


_TEXT: Final = _Wording(sides=_SIDES, sides_last=False, bare_reps=False)
_HANDOUT: Final = _Wording(sides=_HANDOUT_SIDES, sides_last=True, bare_reps=True)


def _listing(members: Iterable[enum.Enum]) -> str:
    return ", ".join(map(_words, members)) or "none"


def _glossed(member: enum.Enum, gloss: str | None) -> str:
    """*member* as words, with *gloss* in brackets if there is one."""
    return f"{_words(member)} ({gloss})" if gloss else _words(member)


def _position(position: Position) -> str:
    return _glossed(position, _POSITIONS.get(position))


def _number(span: Span) -> str:
    """*span* as a number or a range: "10", "8 to 10"."""
    return str(span.low) if span.low == span.high else f"{span.low} to {span.high}"


def _count(span: Span, unit: str) -> str:
    """*span* with *unit*, singular only for exactly one: "1 set", "8 to 10 reps"."""
    return f"{_number(span)} {word_for(span.high, unit)}"


def _reps_text(
    reps: Span,
    hold_seconds: Span | None,
    laterality: Laterality,
    wording: _Wording = _TEXT,
    *,
    of_sets: bool = False,
) -> str:
    """The reps of one set in plain words: ``8 reps each side, alternating``.

    With *of_sets*, the words follow "N sets of", where *wording* may leave
    out "reps".
    """
    if of_sets and wording.bare_reps and reps.high > 1:
        count = _number(reps)
    else:
        count = _count(reps, "rep")
    hold = "" if hold_seconds is None else f", hold {_count(hold_seconds, 'second')}"
    sides = wording.sides[laterality]
    return count + hold + sides if wording.sides_last else count + sides + hold


def _sets_text(  # noqa: PLR0913 (a dose's parts, then how to word them)
    sets: Span,
    reps: Span,
    hold_seconds: Span | None,
    laterality: Laterality,
    rest_seconds: int,
    *,
    wording: _Wording = _TEXT,
) -> str:
    """Sets of alike reps in plain words, with the rest between them."""
    each = _reps_text(reps, hold_seconds, laterality, wording, of_sets=True)
    text = f"{_count(sets, 'set')} of {each}"
    if rest_seconds and sets.high > 1:
        rest = plural(rest_seconds, "second")
        text += f", rest {rest} between sets"
    return text


def _dosage_words(dosage: Dosage, wording: _Wording) -> str:
    return _sets_text(
        dosage.sets,
        dosage.reps,
        dosage.hold_seconds,
        dosage.laterality,
        dosage.rest_seconds,
        wording=wording,
    )


def dose_text(dosage: Dosage) -> str:
    """A dosage in plain words.

    For example ``1 set of 10 to 15 reps, hold 3 to 5 seconds``, or
    ``1 set of 8 to 10 reps each side, alternating, hold 10 to 15 seconds``
    (for per-side work the reps count on each side).  A moving exercise has
    no hold; rest is mentioned only where there can be more than one set.
    """
    return _dosage_words(dosage, _TEXT)


def _then_rest(seconds: int) -> str:
    return f", then rest {plural(seconds, 'second')}" if seconds else ""


def _hold_span(exercise_set: ExerciseSet) -> Span | None:
    hold = exercise_set.hold
    return None if hold is None else Span.exactly(hold.seconds)


def _dose_fields(
    sets: tuple[ExerciseSet, ...], wording: _Wording = _TEXT
) -> list[tuple[str, str]]:
    """A step's sets in plain words, as labelled lines.

    Alike sets (the same reps, hold and sides, the same rest between them)
    make one line, such as ``("Dose", "2 sets of 10 reps, hold 5 seconds,
    rest 30 seconds between sets")``; sets that differ get a line each,
    ``("Set 1", "10 reps, hold 5 seconds, then rest 30 seconds")``.  A rest
    after the last set is given as ``then rest ...``.  *wording* says how:
    a handout says ``2 sets of 10, hold 5 seconds, each side``.
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
            wording=wording,
        )
        return [("Dose", text + _then_rest(sets[-1].rest_after_seconds))]
    return [
        (
            f"Set {number}",
            _reps_text(
                Span.exactly(exercise_set.reps),
                _hold_span(exercise_set),
                exercise_set.laterality,
                wording,
            )
            + _then_rest(exercise_set.rest_after_seconds),
        )
        for number, exercise_set in enumerate(sets, start=1)
    ]


def _wrap(
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
    if not numbered:
        return lines + _bullets(items, indent=_INDENT)
    width = len(str(len(items)))
    for number, item in enumerate(items, start=1):
        mark = f"{number:>{width}}."
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


def _exercise_facts(exercise: Exercise, wording: _Wording) -> list[tuple[str, str]]:
    """Position, targets, bias, when it suits, dose, equipment and difficulty."""
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
        ("Dose", _dosage_words(exercise.dosage, wording)),
        ("Equipment", _listing(exercise.equipment)),
        ("Difficulty", _words(exercise.difficulty)),
    ]
    return facts


def exercise_text(exercise: Exercise) -> str:
    """One exercise in full, for a person to read and follow.

    The name and id, the summary, the facts (position, targets, bias, when
    it suits, dose, equipment, difficulty), then the numbered steps, why it
    helps, cues and cautions.
    """
    lines = [
        *_title(exercise.name),
        *_wrap(f"id: {exercise.id}"),
        "",
        *_wrap(exercise.summary),
        "",
        *_fields(_exercise_facts(exercise, _TEXT)),
        *_section("Steps", exercise.instructions, numbered=True),
        *_section("Why it helps", exercise.benefits, numbered=False),
        *_section("Cues", exercise.cues, numbered=False),
        *_section("Cautions", tuple(c.text for c in exercise.cautions), numbered=False),
    ]
    return "\n".join(lines) + "\n"


def duration_text(seconds: float) -> str:
    """A length of time for people, to the nearest second.

    ``45 seconds`` under a minute, ``8 minutes`` for whole minutes, else
    ``about 8 minutes (7 min 59 s)``, with hours as ``1 h 2 min 5 s``.
    """
    whole = math.floor(seconds + 0.5)
    if whole < 60:
        return plural(whole, "second")
    minutes, rest = divmod(whole, 60)
    if not rest:
        return plural(minutes, "minute")
    hours, within_hour = divmod(minutes, 60)
    exact = f"{within_hour} min {rest} s"
    if hours:
        exact = f"{hours} h {exact}"
    about = plural(math.floor(whole / 60 + 0.5), "minute")
    return f"about {about} ({exact})"


def _bullets(items: Iterable[str], *, indent: str) -> list[str]:
    """*items* as ``- `` lines after *indent*, each wrapped under its text."""
    lines: list[str] = []
    for item in items:
        lines += _wrap(item, indent=f"{indent}- ", hang=f"{indent}  ")
    return lines


def _step_fields(step: RoutineStep, wording: _Wording) -> list[tuple[str, str]]:
    """A step's position, its sets in plain words and its note."""
    fields = [("Position", _position(step.exercise.position))]
    fields += _dose_fields(step.sets, wording)
    if step.note is not None:
        fields.append(("Note", step.note))
    return fields


def _step_lines(number: int, width: int, step: RoutineStep) -> list[str]:
    head = f"{_INDENT}{number:>{width}}. "
    hang = " " * len(head)
    lines = [
        *_wrap(step.exercise.name, indent=head, hang=hang),
        *_fields(_step_fields(step, _TEXT), indent=hang),
    ]
    if step.exercise.cautions:
        lines.append(f"{hang}Take care:")
        lines += _bullets(
            (caution.text for caution in step.exercise.cautions),
            indent=hang + _INDENT,
        )
    return lines


def _routine_facts(routine: Routine, pace: Pace | None) -> list[tuple[str, str]]:
    """The time of day and targets, where given, and the total time."""
    facts = []
    if routine.time_of_day is not None:
        facts.append(("Time of day", _words(routine.time_of_day)))
    if routine.targets:
        facts.append(("Targets", _listing(routine.targets)))
    facts.append(("Total time", duration_text(estimate_duration(routine, pace))))
    return facts


def _safety_after_stop_rule(routine: Routine) -> tuple[str, ...]:
    """The routine's safety advice but the stop rule, which is shown first."""
    # A planned routine's safety repeats the stop rule.
    return tuple(advice for advice in routine.safety if advice != STOP_RULE)


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
    lines = [
        *_title(routine.name),
        *_fields(_routine_facts(routine, pace)),
        "",
        *_fields([("Stop rule", STOP_RULE)]),
        *_section("Safety", _safety_after_stop_rule(routine), numbered=False),
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
        lines += ["", f"{word_for(len(screening.signs), 'Warning sign')}:"]
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


# Markdown: a printable handout, in CommonMark.  Text from data goes through
# _md_escape once, where it is placed; labels and words made here need none.

# Characters with a meaning anywhere in a line (emphasis, code, links, HTML,
# entities, and GFM's tables and strikethrough).
_MD_INLINE: Final = re.compile(r"([\\`*_\[\]<&|~])")
# Characters with a meaning at the start of a line: a heading, a quote, a
# bullet, a setext underline.
_MD_LINE_START: Final = re.compile(r"^([#>+=-])")
# A number that would start an ordered list: "1." or "12)".
_MD_LIST_NUMBER: Final = re.compile(r"^([0-9]{1,9})([.)])$")


def _md_escape(text: str) -> str:
    """*text* as Markdown source that reads literally, on one line.

    Every character with a meaning inline is escaped with a backslash; so is
    whatever would start a block (a heading, a quote, a list item, a rule)
    were its word to begin a line, as any word may once the text is wrapped.
    Runs of whitespace become single spaces, as Markdown shows them anyway.
    """
    words = []
    for word in text.split():
        escaped = _MD_INLINE.sub(r"\\\1", word)
        escaped = _MD_LINE_START.sub(r"\\\1", escaped)
        words.append(_MD_LIST_NUMBER.sub(r"\1\\\2", escaped))
    return " ".join(words)


def _md_lines(text: str, *, indent: str = "", hang: str = "") -> list[str]:
    """Markdown source wrapped at spaces only, so that no word is broken."""
    return _wrap(text, indent=indent, hang=hang, whole_words=True)


_SETEXT_UNDERLINES: Final = "=-"
"""What underlines a setext heading at levels 1 and 2, the only two it has."""


def _md_heading(level: int, text: str, *, number: int | None = None) -> list[str]:
    """A heading for *text*, numbered ``N.`` if *number* is given.

    An ATX heading (``## 1. Name``) where it fits on a line; otherwise, at
    level 1 or 2, a setext heading wrapped over lines and underlined.
    """
    escaped = _md_escape(text)
    label = escaped if number is None else f"{number}. {escaped}"
    line = f"{'#' * level} {label}"
    if len(line) <= WIDTH or level > len(_SETEXT_UNDERLINES):
        return [line]
    if number is not None:
        # At the start of a line, "1." would start a list instead.
        label = f"{number}\\. {escaped}"
    lines = _md_lines(label)
    return [*lines, _SETEXT_UNDERLINES[level - 1] * max(map(len, lines))]


def _md_fields(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """Labelled facts as a bullet list: ``- **Label:** value``."""
    lines: list[str] = []
    for label, value in pairs:
        lines += _md_lines(f"- **{label}:** {_md_escape(value)}", hang="  ")
    return lines


def _md_list(items: Iterable[str], *, numbered: bool) -> list[str]:
    """*items* as a bullet list, or numbered ``1.``, each wrapped under its text."""
    lines: list[str] = []
    for number, item in enumerate(items, start=1):
        mark = f"{number}." if numbered else "-"
        hang = " " * (len(mark) + 1)
        lines += _md_lines(_md_escape(item), indent=f"{mark} ", hang=hang)
    return lines


def _md_section(
    level: int, heading: str, items: tuple[str, ...], *, numbered: bool = False
) -> list[list[str]]:
    """A heading and a list of *items*; nothing if there are none."""
    if not items:
        return []
    return [_md_heading(level, heading), _md_list(items, numbered=numbered)]


def _md_exercise_sections(exercise: Exercise, level: int) -> list[list[str]]:
    """The numbered steps, why it helps, cues and cautions, headed at *level*."""
    cautions = tuple(caution.text for caution in exercise.cautions)
    return [
        *_md_section(level, "Steps", exercise.instructions, numbered=True),
        *_md_section(level, "Why it helps", exercise.benefits),
        *_md_section(level, "Cues", exercise.cues),
        *_md_section(level, "Take care", cautions),
    ]


def _md_document(blocks: Iterable[list[str]]) -> str:
    """Blocks of lines, a blank line between them, ending with a newline."""
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def _exercise_markdown(exercise: Exercise) -> str:
    return _md_document(
        [
            _md_heading(1, exercise.name),
            _md_lines(_md_escape(exercise.summary)),
            _md_fields(_exercise_facts(exercise, _HANDOUT)),
            *_md_exercise_sections(exercise, level=2),
        ]
    )


def _routine_markdown(routine: Routine, pace: Pace | None) -> str:
    stop_rule = f"**Stop rule:** {_md_escape(STOP_RULE)}"
    blocks = [
        _md_heading(1, routine.name),
        _md_fields(_routine_facts(routine, pace)),
        _md_heading(2, "Before you start"),
        _md_lines(stop_rule, indent="> "),
    ]
    safety = _safety_after_stop_rule(routine)
    if safety:
        blocks.append(_md_list(safety, numbered=False))
    for number, step in enumerate(routine.steps, start=1):
        blocks += [
            _md_heading(2, step.exercise.name, number=number),
            _md_fields(_step_fields(step, _HANDOUT)),
            *_md_exercise_sections(step.exercise, level=3),
        ]
    blocks += _md_section(2, "Notes", routine.notes)
    return _md_document(blocks)


def _not_renderable(function: str, value: object) -> str:
    return (
        f"{function}() takes a Routine or an Exercise "
        f"(got {reprlib.repr(value)}, of type {type(value).__qualname__})"
    )


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
    raise TypeError(_not_renderable("to_text", value))


def to_markdown(value: Routine | Exercise, *, pace: Pace | None = None) -> str:
    """A routine or an exercise as a printable handout, in Markdown.

    CommonMark a person can print or a Markdown viewer can show.  A routine
    gives a ``#`` title; its time of day, targets and total time; under
    *Before you start*, the stop rule as a quote and the safety advice; then
    a ``## N. Name`` section per exercise with its position, the dose in
    plain words ("2 sets of 10, hold 5 seconds, each side"), the step's
    note, then the numbered steps, *Why it helps*, *Cues* and *Take care*;
    then the notes.  An exercise gives its title, summary and facts, then
    the same sections.

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
    raise TypeError(_not_renderable("to_markdown", value))
