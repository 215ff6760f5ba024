"""Plain text for a terminal: exercises, routines and screenings.

Pure functions from values to strings, wrapped at
:data:`~backroutine._wrapping.WIDTH` columns; no printing and no I/O, so the
command line and apps render alike.  The output depends only on the values,
never on the terminal or the clock.  The words are in the current language.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Final

from backroutine._advice import WHAT_TO_FEEL
from backroutine._builtin import default_catalog
from backroutine._catalog import Catalog
from backroutine._dose_words import dose_text
from backroutine._facts import (
    EXERCISE_ADVICE,
    NOT_PLANNED_FOR,
    ROUTINE_ADVICE,
    advice_fields,
    capital,
    caution_groups,
    caution_texts,
    exercise_facts,
    getting_down,
    listing,
    not_planned_for,
    not_renderable,
    other_safety,
    person_name,
    position_words,
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
from backroutine._model import (
    Caution,
    Exercise,
    Finding,
    Routine,
    RoutineStep,
    Screening,
)
from backroutine._public import publish
from backroutine._signs import (
    SEEK_HELP_HEADING,
    SEEK_HELP_LEAD,
    SEEK_HELP_SIGNS,
    SIGN_WORDS,
    URGENCY_WORDS,
)
from backroutine._timing import Pace
from backroutine._traffic_light import HOW_TO_SCORE, SIGNS_FIRST, ZONES
from backroutine._vocabulary import Urgency
from backroutine._wrapping import WIDTH, wrap

_INDENT: Final = "  "


def _fields(pairs: Iterable[tuple[str, str]], *, indent: str = "") -> list[str]:
    """Labelled lines with their values aligned, each wrapped under its value."""
    pairs = tuple(pairs)
    column = max(len(label) for label, _value in pairs) + 2
    lines: list[str] = []
    for label, value in pairs:
        head = f"{indent}{label}:".ljust(len(indent) + column)
        lines += wrap(value, indent=head, hang=" " * len(head))
    return lines


def _title(text: str) -> list[str]:
    lines = wrap(text)
    return [*lines, "=" * max(map(len, lines))]


def bullets(items: Iterable[str], *, indent: str) -> list[str]:
    """*items* as ``- `` lines after *indent*, each wrapped under its text."""
    lines: list[str] = []
    for item in items:
        lines += wrap(item, indent=f"{indent}- ", hang=f"{indent}  ")
    return lines


def caution_lines(
    cautions: Iterable[Caution], *, indent: str, personal: bool = True
) -> list[str]:
    """Cautions for one person as bullets, under headings after *indent*.

    *cautions* are those that concern the person, as
    :meth:`Routine.cautions <backroutine.Routine.cautions>` gives them:
    when *personal* (the person's conditions are known), those about their
    conditions under ``For you:``, then the others under ``Take care:``;
    otherwise all under ``Take care:``.  *cautions* are data, shown as they
    are; the headings are in the current language.
    """
    lines: list[str] = []
    for heading, texts in caution_groups(cautions, personal=personal):
        lines.append(f"{indent}{heading}:")
        lines += bullets(texts, indent=indent + _INDENT)
    return lines


def _section(
    heading: str, items: tuple[str, ...], *, numbered: bool, indent: str = ""
) -> list[str]:
    """A heading and *items* under it, after *indent*; nothing if there are none.

    Headed on its own (``Steps``) after a blank line at the left margin, or
    within a step (``Steps:``) when indented.  *heading* is as shown, in the
    current language.
    """
    if not items:
        return []
    lines = [f"{indent}{heading}:"] if indent else ["", heading]
    inner = indent + _INDENT
    if not numbered:
        return lines + bullets(items, indent=inner)
    width = len(str(len(items)))
    for number, item in enumerate(items, start=1):
        mark = f"{number:>{width}}."
        lines += wrap(
            item, indent=f"{inner}{mark} ", hang=" " * (len(inner + mark) + 1)
        )
    return lines


_BOX_RULE: Final = "*"
"""What draws the lines above and below the seek-help box."""


def seek_help_box() -> list[str]:
    """The seek-help box: the emergency signs and what to do, between rules.

    A rule that names it (``*** Seek help now ***...``), what to do and
    when, each emergency sign as a bullet, and a closing rule, each line
    :data:`~backroutine._wrapping.WIDTH` wide at most; in the current
    language.
    """
    # The box's first line, before its list of emergency signs.
    intro = f"{capital(_(SEEK_HELP_LEAD))}:"
    return [
        f"{_BOX_RULE * 3} {_(SEEK_HELP_HEADING)} ".ljust(WIDTH, _BOX_RULE),
        *wrap(intro),
        *bullets(map(_, SEEK_HELP_SIGNS), indent=_INDENT),
        _BOX_RULE * WIDTH,
    ]


def exercise_list_text(catalog: Catalog) -> str:
    """A short block for each exercise in *catalog*, in catalog order.

    Each block gives the id (what ``backroutine show`` takes), the name, the
    position, the targets and the dose; blocks are separated by blank lines.
    """
    if not catalog.exercises:
        # Translators: what the list of exercises says when it has none.
        return _("No exercises.") + "\n"
    blocks: list[str] = []
    for exercise in catalog:
        lines = wrap(exercise.id)
        lines += wrap(exercise.name, indent=_INDENT)
        lines += _fields(
            [
                (_("Position"), position_words(exercise.position)),
                # Translators: a label of the list of exercises, before the
                # body areas an exercise works: "Targets: lower back, hips".
                (_("Targets"), listing(exercise.targets)),
                # Translators: a label of the list of exercises, before how
                # much of an exercise to do: "Dose: 10 reps, hold 5 seconds".
                (_("Dose"), dose_text(exercise.dosage)),
            ],
            indent=_INDENT,
        )
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _paragraph(text: str) -> list[str]:
    """*text* wrapped as a paragraph within a section, after a blank line."""
    return ["", *wrap(text, indent=_INDENT)]


def _feel_lines() -> list[str]:
    """What to feel and the pain traffic light, as a section."""
    # Translators: a heading of a handout.
    heading = _("How it should feel")
    lines = ["", heading, *wrap(_(WHAT_TO_FEEL), indent=_INDENT)]
    lines += _paragraph(_(HOW_TO_SCORE))
    for zone in ZONES:
        colour, text = zone_words(zone.colour, zone.when, zone.next_time)
        lines += wrap(f"{colour}: {text}", indent=f"{_INDENT}- ", hang=f"{_INDENT}  ")
    return lines + _paragraph(_(SIGNS_FIRST))


def _getting_down_lines(value: Routine | Exercise) -> list[str]:
    """How to get down to the floor and up, as a section, if it is needed."""
    advice = getting_down(value)
    if advice is None:
        return []
    down = tuple(map(_, advice.down))
    up = tuple(map(_, advice.up))
    return [
        "",
        _(advice.heading),
        *wrap(_(advice.lead), indent=_INDENT),
        "",
        # Translators: a heading, before the steps to get down to the floor.
        *_section(_("To get down"), down, numbered=True, indent=_INDENT),
        # Translators: a heading, before the steps to get up from the floor.
        *_section(_("To get up"), up, numbered=True, indent=_INDENT),
    ]


def _how_to(exercise: Exercise, *, indent: str) -> list[str]:
    """The numbered steps, why it helps and cues, each headed after *indent*."""
    return [
        *_section(_("Steps"), exercise.instructions, numbered=True, indent=indent),
        *_section(_("Why it helps"), exercise.benefits, numbered=False, indent=indent),
        *_section(_("Cues"), exercise.cues, numbered=False, indent=indent),
    ]


def exercise_text(exercise: Exercise, catalog: Catalog | None = None) -> str:
    """One exercise in full, for a person to read and follow.

    The name (and clinical name) and id, the summary, the facts in plain
    words (position, what it works and how it moves the back, when it
    suits, how much and how often, what is needed, its level, and its
    easier and harder versions in *catalog*, the built-in one if None),
    the seek-help box and the stop rule, what to feel and the pain traffic
    light, how to get down to the floor if it is done there, then the
    numbered steps, why it helps, cues, every caution, and the conditions
    whose safety rules leave it out, and why.
    """
    if catalog is None:
        catalog = default_catalog(current_language())
    facts = exercise_facts(exercise, catalog)
    cautions = caution_texts(exercise.cautions)
    lines = [
        *_title(person_name(exercise)),
        # Translators: an exercise's id, what "backroutine show" takes.
        *wrap(_("id: {id}").format(id=exercise.id)),
        "",
        *wrap(exercise.summary),
        "",
        *_fields(facts),
        "",
        *seek_help_box(),
        "",
        *_fields(advice_fields(EXERCISE_ADVICE)),
        *_feel_lines(),
        *_getting_down_lines(exercise),
        # Translators: a heading of a handout, before an exercise's steps.
        *_section(_("Steps"), exercise.instructions, numbered=True),
        # Translators: a heading of a handout, before what an exercise does
        # for the person.
        *_section(_("Why it helps"), exercise.benefits, numbered=False),
        # Translators: a heading of a handout, before short reminders of how
        # to do an exercise well.
        *_section(_("Cues"), exercise.cues, numbered=False),
        # Translators: a heading of a handout, before an exercise's cautions.
        *_section(_("Cautions"), cautions, numbered=False),
        *_section(_(NOT_PLANNED_FOR), not_planned_for(exercise), numbered=False),
    ]
    return "\n".join(lines) + "\n"


def _step_lines(  # noqa: PLR0913 (a step, where it stands, and what it shows)
    number: int,
    width: int,
    step: RoutineStep,
    routine: Routine,
    *,
    seconds: float,
    often: bool,
    catalog: Catalog,
) -> list[str]:
    """A numbered step: its facts, how to do it, and its person's cautions."""
    head = f"{_INDENT}{number:>{width}}. "
    hang = " " * len(head)
    fields = step_fields(
        step,
        seconds=seconds,
        often=often,
        catalog=catalog,
        conditions=routine.conditions or (),
    )
    lines = [
        *wrap(person_name(step.exercise), indent=head, hang=hang),
        *_fields(fields, indent=hang),
        *_how_to(step.exercise, indent=hang),
    ]
    personal = routine.conditions is not None
    cautions = routine.cautions(step.exercise)
    return lines + caution_lines(cautions, indent=hang, personal=personal)


def routine_text(
    routine: Routine, pace: Pace | None = None, catalog: Catalog | None = None
) -> str:
    """A routine for a person to read and follow, in plain words.

    The name, when it is for, what it works, how long it takes (by the
    timing model of *pace*, the default pace if None, computed from the
    steps) and how often; then, before any exercise, the seek-help box,
    the stop rule, when to see a specialist and the rest of the routine's
    safety advice; what to feel and the pain traffic light; how to get down
    to the floor and back up, if a step is done there; then each step
    numbered, with its exercise's name (and clinical name), position, dose
    with its units, how long it takes, how often (where the exercises
    differ), its easier and harder versions in *catalog* (the built-in one
    if None), note, steps, why it helps, cues and the cautions that concern
    the routine's person (those about their conditions under "For you",
    then those anyone may need under "Take care"); then the routine's
    notes, as they are.

    Args:
        routine: The routine.
        pace: The timing model for the times; None for the default.
        catalog: Where to find the easier and harder versions; None for
            the built-in catalog.

    Returns:
        The text, no line wider than :data:`~backroutine._wrapping.WIDTH`,
        ending with a newline.
    """
    if catalog is None:
        catalog = default_catalog(current_language())
    lines = [
        *_title(routine.name),
        *_fields(routine_facts(routine, pace)),
        "",
        *seek_help_box(),
        "",
        *_fields(advice_fields(ROUTINE_ADVICE)),
        # Translators: a heading of a handout, before a routine's safety advice.
        *_section(_("Safety"), other_safety(routine), numbered=False),
        *_feel_lines(),
        *_getting_down_lines(routine),
        "",
        # Translators: a heading of a handout, before a routine's exercises.
        _("Exercises"),
    ]
    width = len(str(len(routine.steps)))
    often = routine_frequency(routine) is None
    seconds = step_seconds(routine, pace)
    for number, step in enumerate(routine.steps, start=1):
        if number > 1:
            lines.append("")
        lines += _step_lines(
            number,
            width,
            step,
            routine,
            seconds=seconds[number - 1],
            often=often,
            catalog=catalog,
        )
    # Translators: a heading of a handout, before a routine's notes.
    lines += _section(_("Notes"), routine.notes, numbered=False)
    return "\n".join(lines) + "\n"


def _urgency_heading(screening: Screening) -> str:
    """How urgent *screening* is, in the words that head it.

    Said loudly, with what to do, when it stops exercise (``URGENT: see a
    doctor soon``); otherwise the urgency's name (``See a professional``).
    """
    words = URGENCY_WORDS[screening.urgency]
    if screening.stops_exercise:
        # Translators: the heading of a screening that stops exercise: the
        # urgency (in capitals), then what to do: "URGENT: see a doctor today".
        heading = _("{urgency}: {what_to_do}")
        return heading.format(
            urgency=_(words.name).upper(), what_to_do=_(words.in_short)
        )
    return capital(_(words.name))


def _tier_lines(urgency: Urgency, findings: Iterable[Finding]) -> list[str]:
    """The signs of one urgency: its heading, each sign in words, what to do.

    The urgency and the signs in the current language; the advice as the
    findings give it.
    """
    found = tuple(findings)
    lines = ["", f"{capital(_(URGENCY_WORDS[urgency].name))}:"]
    signs = (_(SIGN_WORDS[finding.sign]) for finding in found)
    lines += bullets(signs, indent=_INDENT)
    for advice in dict.fromkeys(finding.advice for finding in found):
        lines += wrap(advice)
    return lines


def screening_text(screening: Screening, *, language: str | None = None) -> str:
    """A screening for a person to read and act on.

    A heading that says how urgent it is in plain words (for example
    ``EMERGENCY: call emergency services now``), underlined; then every
    warning sign given, grouped by urgency, the most urgent first, each
    group headed by its urgency, then its signs in words, then what to do
    about them; then the advice for the most urgent signs.

    Args:
        screening: The screening, as :func:`backroutine.screen` gives it.
        language: The language of the headings and the signs' words; None
            for the screening's own (``Screening.language``).

    Returns:
        The text, no line wider than :data:`~backroutine._wrapping.WIDTH`,
        ending with a newline.
    """
    with speaking_for(language, screening.language):
        return _screening_text(screening)


def _screening_text(screening: Screening) -> str:
    lines = _title(_urgency_heading(screening))
    tiers = itertools.groupby(screening.findings, key=lambda finding: finding.urgency)
    for urgency, findings in tiers:
        lines += _tier_lines(urgency, findings)
    lines += ["", *wrap(screening.advice)]
    return "\n".join(lines) + "\n"


def to_text(
    value: Routine | Exercise,
    *,
    pace: Pace | None = None,
    catalog: Catalog | None = None,
    language: str | None = None,
) -> str:
    """A routine or an exercise as plain text, for a terminal.

    What ``backroutine plan`` and ``backroutine show`` print: the same
    handout as :func:`to_markdown`, in the same plain words, laid out for
    a screen.  A routine gives its name, when it is for, what it works, how
    long it takes and how often; the seek-help box (the emergency signs
    and what to do), the stop rule, when to see a specialist and the rest
    of its safety advice; what to feel and the pain traffic light; how to
    get down to the floor and back up, when a step is on the floor; then
    each exercise numbered with its position, dose, time, versions, note,
    steps, why it helps, cues and the cautions that concern the routine's
    person; then the notes.  An exercise gives its summary and facts, the
    seek-help box and the stop rule, what to feel, numbered steps, why it
    helps, cues and all its cautions.

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
        The text, no line wider than 80 characters, ending with a newline.
        Equal values give equal text.

    Raises:
        TypeError: *value* is neither a routine nor an exercise.
        UnknownLanguageError: *language*, or the routine's, is not one
            backroutine writes (a :class:`ValueError`).
    """
    own = value.language if isinstance(value, Routine) else current_language()
    with speaking_for(language, own):
        return _to_text(value, pace, catalog)


def _to_text(
    value: Routine | Exercise, pace: Pace | None, catalog: Catalog | None
) -> str:
    if isinstance(value, Routine):
        return routine_text(value, pace, catalog)
    if isinstance(value, Exercise):
        return exercise_text(value, catalog)
    raise TypeError(not_renderable("to_text", value))


publish(to_text)
