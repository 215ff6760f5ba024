"""What a handout shows of an exercise, a step and a routine, worked out once.

Plain text and Markdown lay the same facts out differently: ``Position:
lying on your back`` aligned in a terminal, ``- **Position:** ...`` in a
handout.  The facts, in plain words, are worked out here once for both:
names a person understands, the dose with its units, how often, the time
each part takes (computed from the routine, never read from its notes), the
easier and harder versions found in a catalog, and whether the person needs
to get down to the floor.

Labels, headings and words are in the current language; the constants
here are messages in English, translated where they are used.
"""

from __future__ import annotations

import enum
import re
import reprlib
from collections.abc import Iterable
from typing import Final

from backroutine._advice import (
    FLOOR_POSITIONS,
    ONTO_THE_BED,
    SEE_SPECIALIST,
    STOP_RULE,
    TO_THE_FLOOR,
    TO_THE_FLOOR_AND_FRONT,
    GettingDown,
)
from backroutine._catalog import Catalog
from backroutine._dose_words import (
    DEFAULT_FREQUENCY,
    HOW_MUCH,
    dose_fields,
    dose_text,
    frequency_text,
)
from backroutine._durations import duration_text
from backroutine._i18n import DEFAULT_LANGUAGE, N_, _, current_language, ngettext
from backroutine._model import Caution, Exercise, Frequency, Routine, RoutineStep
from backroutine._plain_words import plain, plain_list
from backroutine._safety import CONDITION_RULES
from backroutine._signs import SEEK_HELP
from backroutine._text import join, spelled, value_words, words
from backroutine._timing import Pace, estimate_duration, timeline
from backroutine._vocabulary import Bias, Condition, CueKind, Movement, Position

# Translators: a label of a handout: "How often: once a day, every day".
HOW_OFTEN: Final = N_("How often")
"""The label of how often to do a routine or an exercise."""

# Translators: a label of a handout: "Takes: about 8 minutes".
TAKES: Final = N_("Takes")
"""The label of how long a routine or a step takes."""


_ALSO_CALLED: Final = re.compile(r"(.+?) \(([^()]+)\)")
"""A clinical name with another name in brackets: ``Prone on elbows (sphinx)``."""


def person_name(exercise: Exercise) -> str:
    """The name a person reads: the name, then the clinical name in brackets.

    ``Pelvic tilt lying on your back (Supine posterior pelvic tilt)``; the
    name alone where there is no clinical name, or it says the same.  A
    clinical name's own brackets become ", or", so that brackets do not
    nest: ``(Prone on elbows, or sphinx)``.
    """
    clinical = exercise.clinical_name
    if clinical is None or clinical.casefold() == exercise.name.casefold():
        return exercise.name
    also = _ALSO_CALLED.fullmatch(clinical)
    if also is not None:
        # Translators: a clinical name's other name, in the brackets after an
        # exercise's name: "Prone on elbows, or sphinx".
        clinical = _("{name}, or {other_name}").format(name=also[1], other_name=also[2])
    # Translators: an exercise's name, then its clinical name: "Pelvic tilt
    # lying on your back (Supine posterior pelvic tilt)".
    return _("{name} ({clinical_name})").format(
        name=exercise.name, clinical_name=clinical
    )


def listing(members: Iterable[enum.Enum]) -> str:
    """*members* in words separated by commas, or ``none``, for a listing.

    In English, the words are the values the command line's options take
    (``lower back`` for ``--target lower-back``); in another language, its
    own words for them, as a person reads them.
    """
    # Translators: what a listing of values says when there are none:
    # "Targets: none".
    return _(", ").join(map(words, members)) or _("none")


def position_words(position: Position) -> str:
    """A position's value, with its plain words in brackets, for a listing.

    ``supine (lying on your back)``: an exercise listing names the value
    that ``--position`` takes (as the option takes it whatever the
    language: ``half-kneeling`` in another language, whose words are in
    the brackets); a handout says only the plain words.
    """
    # Translators: a position as the command line's --position option takes
    # it ({value}, not translated), then in plain words: "supine (lying on
    # your back)".
    value = (
        value_words(position)
        if current_language() == DEFAULT_LANGUAGE
        else spelled(position)
    )
    return _("{value} ({words})").format(value=value, words=plain(position))


def _movement_words(exercise: Exercise) -> str:
    """How the exercise moves the back, in every phase: ``bending forward``."""
    moves = [move for move in Movement if move in exercise.movements]
    return plain_list(moves) if moves else plain(Bias.NEUTRAL)


def _suits(exercise: Exercise) -> str | None:
    """When the exercise suits, the best times last, or None if it says not."""
    when = plain_list((*exercise.times, *exercise.occasions), word="or", empty="")
    if not when:
        return None
    if exercise.best_times:
        best = plain_list(exercise.best_times, word="or")
        # Translators: when an exercise suits, then when it suits best:
        # "in the morning or in the evening; best before bed".
        when = _("{when}; best {best}").format(when=when, best=best)
    return when


def versions(
    exercise: Exercise, catalog: Catalog, conditions: Iterable[Condition] = ()
) -> list[tuple[str, str]]:
    """The nearest easier and harder versions of *exercise*, by name.

    The easier ones are the exercises of *catalog* that name it as their
    harder version; the harder ones, those its own ``harder`` ids name that
    *catalog* holds.  An id the catalog does not hold is left out, as is
    everything for an exercise from another catalog that it cannot find:
    a handout shows what it can, and never fails for a missing version.  A
    version the safety rule of one of *conditions* advises against is left
    out too: the traffic light sends the person to these versions.
    """
    rules = [CONDITION_RULES[condition] for condition in conditions]

    def allowed(version: Exercise) -> bool:
        return not any(rule.advises_against(version) for rule in rules)

    harder = [
        found.name
        for i in exercise.harder
        if (found := catalog.get(i)) is not None and allowed(found)
    ]
    known = exercise.id in catalog
    easier = [
        other.name
        for other in catalog
        if known and exercise.id in other.harder and allowed(other)
    ]
    fields = []
    if easier:
        # Translators: a label of a handout, before the names of easier
        # versions of an exercise.
        label = ngettext("Easier version", "Easier versions", len(easier))
        fields.append((label, join(easier, word="or")))
    if harder:
        # Translators: a label of a handout, before the names of harder
        # versions of an exercise.
        label = ngettext("Harder version", "Harder versions", len(harder))
        fields.append((label, join(harder, word="or")))
    return fields


def exercise_facts(exercise: Exercise, catalog: Catalog) -> list[tuple[str, str]]:
    """Position, what it works and moves, when, how much and often, and versions."""
    facts = [
        # Translators: labels of a handout's facts about an exercise, each
        # followed by a colon and its value: "Position: lying on your back".
        (_("Position"), plain(exercise.position)),
        # Translators: "Works: lower back, buttocks".
        (_("Works"), plain_list(exercise.targets)),
        # Translators: how an exercise moves the back: "Movement: twisting".
        (_("Movement"), _movement_words(exercise)),
    ]
    suits = _suits(exercise)
    if suits is not None:
        # Translators: when an exercise suits: "Suits: in the morning".
        facts.append((_("Suits"), suits))
    facts += [
        (_(HOW_MUCH), dose_text(exercise.dosage)),
        (_(HOW_OFTEN), frequency_text(exercise.frequency or DEFAULT_FREQUENCY)),
        # Translators: what an exercise needs: "You need: nothing".
        (_("You need"), plain_list(exercise.equipment, empty=_("nothing"))),
        # Translators: how demanding an exercise is: "Level: beginner".
        (_("Level"), words(exercise.difficulty)),
        *versions(exercise, catalog),
    ]
    return facts


def routine_frequency(routine: Routine) -> Frequency | None:
    """How often to do the whole routine, or None where its exercises differ.

    The routine's own frequency when it has one (a programme's schedule);
    else the frequency its exercises give, when those that give one agree; the
    default (:data:`~backroutine._dose_words.DEFAULT_FREQUENCY`) when none
    does; None when they give different ones, each then said with its own
    exercise.
    """
    if routine.frequency is not None:
        return routine.frequency
    given = {e.frequency for e in routine.exercises if e.frequency is not None}
    if len(given) > 1:
        return None
    return given.pop() if given else DEFAULT_FREQUENCY


_STEP_STARTS: Final = frozenset({CueKind.GET_READY, CueKind.NEXT_EXERCISE})
"""The cues that start a step in a timeline."""


def step_seconds(routine: Routine, pace: Pace | None) -> tuple[float, ...]:
    """How long each step takes, from getting ready for it to the next one.

    Read off the routine's timeline, whose every step starts with a cue to
    get ready or to go on to it, so the steps add up to its duration.
    """
    seconds: list[float] = []
    for cue in timeline(routine, pace, language=current_language()):
        if cue.kind in _STEP_STARTS:
            seconds.append(0.0)
        seconds[-1] += cue.seconds
    return tuple(seconds)


def step_fields(
    step: RoutineStep,
    *,
    seconds: float,
    often: bool,
    catalog: Catalog,
    conditions: Iterable[Condition] = (),
) -> list[tuple[str, str]]:
    """A step's position, dose, time, how often if *often*, versions and note.

    *seconds* is how long the step takes; *often* says whether the step says
    how often, as it does when the routine's exercises differ; the versions
    are those the rules of the person's *conditions* allow.
    """
    exercise = step.exercise
    fields = [(_("Position"), plain(exercise.position)), *dose_fields(step.sets)]
    fields.append((_(TAKES), duration_text(seconds, exact=False)))
    if often:
        frequency = exercise.frequency or DEFAULT_FREQUENCY
        fields.append((_(HOW_OFTEN), frequency_text(frequency)))
    fields += versions(exercise, catalog, conditions)
    if step.note is not None:
        # Translators: a label of a handout, before a step's own note.
        fields.append((_("Note"), step.note))
    return fields


def routine_facts(routine: Routine, pace: Pace | None) -> list[tuple[str, str]]:
    """When, what it works (where given), how long it takes, and how often.

    The time is computed from the routine's steps by the timing model of
    *pace*, whatever its notes say.
    """
    facts = []
    if routine.time_of_day is not None:
        # Translators: a label of a handout: "When: before bed".
        facts.append((_("When"), plain(routine.time_of_day)))
    if routine.targets:
        facts.append((_("Works"), plain_list(routine.targets)))
    took = estimate_duration(routine, pace, language=current_language())
    facts.append((_(TAKES), duration_text(took)))
    frequency = routine_frequency(routine)
    if frequency is None:
        # Translators: how often to do a routine whose exercises differ.
        often = _("as each exercise says")
    else:
        often = frequency_text(frequency)
    facts.append((_(HOW_OFTEN), often))
    return facts


def getting_down(value: Routine | Exercise) -> GettingDown | None:
    """How to get down to the floor and back up, if anything is done there.

    None when no step is on the floor (lying, kneeling, on hands and
    knees); after back surgery, how to use a bed instead, as a person is
    not to kneel until the surgical team says so.
    """
    exercises = value.exercises if isinstance(value, Routine) else (value,)
    if not any(e.position in FLOOR_POSITIONS for e in exercises):
        return None
    conditions = value.conditions if isinstance(value, Routine) else None
    if conditions and Condition.RECENT_BACK_SURGERY in conditions:
        return ONTO_THE_BED
    if any(e.position is Position.PRONE for e in exercises):
        return TO_THE_FLOOR_AND_FRONT
    return TO_THE_FLOOR


ROUTINE_ADVICE: Final = (
    # Translators: labels of a handout's advice: "Stop rule: stop any
    # exercise that...", "See a specialist: if your pain persists...".
    (N_("Stop rule"), STOP_RULE),
    (N_("See a specialist"), SEE_SPECIALIST),
)
"""The advice every routine's handout shows, with the seek-help box.

Labels and advice in English: :func:`advice_fields` gives them translated.
"""

EXERCISE_ADVICE: Final = ROUTINE_ADVICE
"""The advice every exercise's handout shows, with the seek-help box."""


def advice_fields(
    advice: Iterable[tuple[str, str]] = ROUTINE_ADVICE,
) -> list[tuple[str, str]]:
    """Labelled *advice*, its labels and texts in the current language."""
    return [(_(label), _(text)) for label, text in advice]


_SHOWN_APART: Final = frozenset((SEEK_HELP, *(text for _label, text in ROUTINE_ADVICE)))
"""What a routine's handout always shows, so never again among its safety."""


def other_safety(routine: Routine) -> tuple[str, ...]:
    """The routine's safety advice but what every handout shows on its own.

    The seek-help box, the stop rule and when to see a specialist are shown
    apart, whatever the routine's safety, in English or in the current
    language; a planned routine's safety holds them too, and they are not
    repeated.  The rest is in the current language where it is the
    library's own advice (a routine planned in another language holds it
    in that language's words), and as the routine gives it otherwise.
    """
    shown = _SHOWN_APART | {_(advice) for advice in _SHOWN_APART}
    return tuple(_(advice) for advice in routine.safety if advice not in shown)


# Translators: the heading of the conditions an exercise is not planned for,
# each with the reason.
NOT_PLANNED_FOR: Final = N_("Not planned for")
"""The heading of the conditions whose safety rules leave an exercise out."""


def not_planned_for(exercise: Exercise) -> tuple[str, ...]:
    """The conditions whose rules leave *exercise* out, each with the reason.

    Derived from the rules themselves, so that an exercise's handout never
    suggests what the planner would refuse.
    """
    found = []
    for condition, rule in CONDITION_RULES.items():
        reason = rule.why_not(exercise)
        if reason is not None:
            name = words(condition)
            # Translators: a condition an exercise is not planned for, and
            # why: "Spinal stenosis: Bending backwards narrows the spaces...".
            text = _("{condition}: {reason}")
            found.append(text.format(condition=capital(name), reason=_(reason)))
    return tuple(found)


# Translators: the heading of a step's cautions about the person's own
# conditions.
FOR_YOU: Final = N_("For you")
"""The heading of a step's cautions about the person's own conditions."""

# Translators: the heading of cautions anyone may need.
TAKE_CARE: Final = N_("Take care")
"""The heading of cautions anyone may need, and of an exercise's cautions."""


def caution_groups(
    cautions: Iterable[Caution], *, personal: bool = True
) -> list[tuple[str, tuple[str, ...]]]:
    """Cautions for one person, headed, as each caution's text.

    *cautions* are those that concern the person, as
    :meth:`Routine.cautions <backroutine.Routine.cautions>` gives them (and
    a cue carries them): when *personal* (the person's conditions are
    known), the ones about a condition are about one of the person's, and
    come under :data:`FOR_YOU`, and those about no condition under
    :data:`TAKE_CARE`; otherwise every caution comes under
    :data:`TAKE_CARE`.  A heading without cautions is left out.
    """
    given = tuple(cautions)
    if not personal:
        texts = caution_texts(given)
        return [(_(TAKE_CARE), texts)] if texts else []
    groups = [
        (_(FOR_YOU), caution_texts(c for c in given if c.conditions)),
        (_(TAKE_CARE), caution_texts(c for c in given if not c.conditions)),
    ]
    return [(heading, texts) for heading, texts in groups if texts]


def caution_texts(cautions: Iterable[Caution]) -> tuple[str, ...]:
    """Each caution as one line of text: what it is about, then what to do."""
    return tuple(caution.text for caution in cautions)


def capital(text: str) -> str:
    """*text* with its first letter a capital, the rest as it is."""
    return f"{text[:1].upper()}{text[1:]}"


def zone_words(colour: str, when: str, next_time: str) -> tuple[str, str]:
    """A zone of the pain traffic light as a handout says it, translated.

    Its colour capitalised (``Green``), and when it shows and what to do
    next as sentences (``Pain of 0 to 3 that settles soon after you
    finish. Carry on, ...``).
    """
    # Translators: a zone of the pain traffic light: {when} says when it
    # shows ("pain of 0 to 3 that settles soon after you finish", made to
    # start with a capital), {next_time} what to do next time.
    text = _("{when}. {next_time}").format(
        when=capital(_(when)), next_time=_(next_time)
    )
    return capital(_(colour)), text


def not_renderable(function: str, value: object) -> str:
    """The message when *function* is given something it cannot render."""
    return (
        f"{function}() takes a Routine or an Exercise "
        f"(got {reprlib.repr(value)}, of type {type(value).__qualname__})"
    )
