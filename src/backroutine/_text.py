"""Words for people, shared by every layer that writes them.

Enum values as words, lists joined the way a sentence joins them, and
counts with their words in agreement.  Every "1 set", "2 sets" the library
writes comes from :func:`plural` or :func:`word_for`, so that no message
falls back on "set(s)".

An enum member's words are a message of their own, in :data:`_WORDS`, so
that they are written in the current language; the English of each is its
value with spaces for underscores, which a test holds them to.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Final, Literal

from backroutine._i18n import _, current_language, ngettext, pgettext
from backroutine._vocabulary import (
    Bias,
    BodyArea,
    Condition,
    Difficulty,
    Equipment,
    Laterality,
    Movement,
    Occasion,
    Position,
    TimeOfDay,
    Urgency,
    WarningSign,
)

# Where a language changes the last link of a list before a sound: Spanish
# writes "e" for "y" before an i sound ("e Inclinación", "e hinchazón", but
# "y hielo", a diphthong) and "u" for "o" before an o sound ("u hombros").
_LINK_SOUNDS: Final[Mapping[str, Mapping[str, re.Pattern[str]]]] = {
    "es": {
        "and": re.compile(r"h?[ií](?![aeiouáéíóú])", re.IGNORECASE),
        "or": re.compile(r"h?[oó]", re.IGNORECASE),
    },
}

# Each member's words, lower case as within a sentence, translated when
# called: a message is looked up in the language of the moment, never at
# import.  The context is the enum, for words that mean different things
# in different enums (the "none" of an urgency).
_WORDS: Final[Mapping[enum.Enum, Callable[[], str]]] = MappingProxyType(
    {
        # Translators: A health condition, within a sentence: "the safety rule
        # for spinal stenosis".
        Condition.SPINAL_STENOSIS: lambda: pgettext("condition", "spinal stenosis"),
        Condition.SPONDYLOLISTHESIS: lambda: pgettext("condition", "spondylolisthesis"),
        Condition.FACET_JOINT_PAIN: lambda: pgettext("condition", "facet joint pain"),
        Condition.DISC_HERNIATION: lambda: pgettext("condition", "disc herniation"),
        Condition.OSTEOPOROSIS: lambda: pgettext("condition", "osteoporosis"),
        Condition.PREGNANCY: lambda: pgettext("condition", "pregnancy"),
        Condition.RECENT_BACK_SURGERY: lambda: pgettext(
            "condition", "recent back surgery"
        ),
        # Translators: A warning sign's short name.
        WarningSign.SADDLE_NUMBNESS: lambda: pgettext(
            "warning sign", "saddle numbness"
        ),
        WarningSign.BLADDER_OR_BOWEL_CHANGE: lambda: pgettext(
            "warning sign", "bladder or bowel change"
        ),
        WarningSign.BOTH_LEGS_WEAK_OR_NUMB: lambda: pgettext(
            "warning sign", "both legs weak or numb"
        ),
        WarningSign.BOTH_LEGS_PAIN_OR_TINGLING: lambda: pgettext(
            "warning sign", "both legs pain or tingling"
        ),
        WarningSign.SEXUAL_FUNCTION_LOSS: lambda: pgettext(
            "warning sign", "sexual function loss"
        ),
        WarningSign.CHEST_PAIN: lambda: pgettext("warning sign", "chest pain"),
        WarningSign.SERIOUS_TRAUMA: lambda: pgettext("warning sign", "serious trauma"),
        WarningSign.FEVER: lambda: pgettext("warning sign", "fever"),
        WarningSign.UNEXPLAINED_WEIGHT_LOSS: lambda: pgettext(
            "warning sign", "unexplained weight loss"
        ),
        WarningSign.CANCER_HISTORY: lambda: pgettext("warning sign", "cancer history"),
        WarningSign.NIGHT_PAIN: lambda: pgettext("warning sign", "night pain"),
        WarningSign.PROGRESSIVE_LEG_WEAKNESS: lambda: pgettext(
            "warning sign", "progressive leg weakness"
        ),
        WarningSign.BACK_SHAPE_CHANGE: lambda: pgettext(
            "warning sign", "back shape change"
        ),
        WarningSign.PAIN_ON_COUGH_OR_SNEEZE: lambda: pgettext(
            "warning sign", "pain on cough or sneeze"
        ),
        WarningSign.PAIN_BETWEEN_SHOULDER_BLADES: lambda: pgettext(
            "warning sign", "pain between shoulder blades"
        ),
        WarningSign.PAIN_BELOW_KNEE: lambda: pgettext(
            "warning sign", "pain below knee"
        ),
        WarningSign.PERSISTENT_PAIN: lambda: pgettext(
            "warning sign", "persistent pain"
        ),
        WarningSign.WORSENING_PAIN: lambda: pgettext("warning sign", "worsening pain"),
        WarningSign.FALL_WITH_OSTEOPOROSIS: lambda: pgettext(
            "warning sign", "fall with osteoporosis"
        ),
        # Translators: How soon to seek care.
        Urgency.NONE: lambda: pgettext("urgency", "none"),
        Urgency.SEE_PROFESSIONAL: lambda: pgettext("urgency", "see professional"),
        Urgency.URGENT: lambda: pgettext("urgency", "urgent"),
        Urgency.EMERGENCY: lambda: pgettext("urgency", "emergency"),
        # Translators: An exercise's level, shown as "Level: beginner".
        Difficulty.BEGINNER: lambda: pgettext("difficulty", "beginner"),
        Difficulty.INTERMEDIATE: lambda: pgettext("difficulty", "intermediate"),
        Difficulty.ADVANCED: lambda: pgettext("difficulty", "advanced"),
        # Translators: A time of day a routine is for.
        TimeOfDay.MORNING: lambda: pgettext("time of day", "morning"),
        TimeOfDay.MIDDAY: lambda: pgettext("time of day", "midday"),
        TimeOfDay.EVENING: lambda: pgettext("time of day", "evening"),
        TimeOfDay.BEDTIME: lambda: pgettext("time of day", "bedtime"),
        # Translators: A situation an exercise suits.
        Occasion.AFTER_SITTING: lambda: pgettext("occasion", "after sitting"),
        Occasion.AFTER_ACTIVITY: lambda: pgettext("occasion", "after activity"),
        # Translators: A part of the body an exercise works.
        BodyArea.LOWER_BACK: lambda: pgettext("body area", "lower back"),
        BodyArea.LUMBAR_SPINE: lambda: pgettext("body area", "lumbar spine"),
        BodyArea.ABDOMINALS: lambda: pgettext("body area", "abdominals"),
        BodyArea.CORE: lambda: pgettext("body area", "core"),
        BodyArea.HIPS: lambda: pgettext("body area", "hips"),
        BodyArea.HIP_FLEXORS: lambda: pgettext("body area", "hip flexors"),
        BodyArea.GLUTES: lambda: pgettext("body area", "glutes"),
        BodyArea.HAMSTRINGS: lambda: pgettext("body area", "hamstrings"),
        BodyArea.OBLIQUES: lambda: pgettext("body area", "obliques"),
        # Translators: A body position an exercise is done in.
        Position.SUPINE: lambda: pgettext("position", "supine"),
        Position.PRONE: lambda: pgettext("position", "prone"),
        Position.SIDE_LYING: lambda: pgettext("position", "side lying"),
        Position.QUADRUPED: lambda: pgettext("position", "quadruped"),
        Position.KNEELING: lambda: pgettext("position", "kneeling"),
        Position.HALF_KNEELING: lambda: pgettext("position", "half kneeling"),
        Position.SEATED: lambda: pgettext("position", "seated"),
        Position.STANDING: lambda: pgettext("position", "standing"),
        # Translators: The direction an exercise moves the spine towards.
        Bias.FLEXION: lambda: pgettext("spinal direction", "flexion"),
        Bias.EXTENSION: lambda: pgettext("spinal direction", "extension"),
        Bias.ROTATION: lambda: pgettext("spinal direction", "rotation"),
        Bias.NEUTRAL: lambda: pgettext("spinal direction", "neutral"),
        Bias.MIXED: lambda: pgettext("spinal direction", "mixed"),
        # Translators: A direction a phase of an exercise moves the spine in.
        Movement.FLEXION: lambda: pgettext("movement", "flexion"),
        Movement.EXTENSION: lambda: pgettext("movement", "extension"),
        Movement.ROTATION: lambda: pgettext("movement", "rotation"),
        Movement.SIDE_BENDING: lambda: pgettext("movement", "side bending"),
        # Translators: Which side of the body a set works.
        Laterality.BILATERAL: lambda: pgettext("side", "bilateral"),
        Laterality.ALTERNATING: lambda: pgettext("side", "alternating"),
        Laterality.EACH_SIDE: lambda: pgettext("side", "each side"),
        Laterality.LEFT: lambda: pgettext("side", "left"),
        Laterality.RIGHT: lambda: pgettext("side", "right"),
        # Translators: Something an exercise needs.
        Equipment.MAT: lambda: pgettext("equipment", "mat"),
        Equipment.PILLOW: lambda: pgettext("equipment", "pillow"),
        Equipment.TOWEL: lambda: pgettext("equipment", "towel"),
        Equipment.CHAIR: lambda: pgettext("equipment", "chair"),
        Equipment.WALL: lambda: pgettext("equipment", "wall"),
    }
)


def spelled(member: enum.Enum) -> str:
    """How the command line spells *member*: its value with hyphens (``lower-back``)."""
    return str(member.value).replace("_", "-")


def value_words(member: enum.Enum) -> str:
    """An enum member's value as words, in English whatever the language.

    ``"lower back"`` for ``LOWER_BACK``: the value a command-line option
    takes, spelled with spaces.
    """
    return str(member.value).replace("_", " ")


def words(member: enum.Enum) -> str:
    """An enum member as words, in the current language: ``"lower back"``.

    The words of a member the vocabulary shows people are a message; a
    member of any other enum is its value with spaces for underscores.
    """
    found = _WORDS.get(member)
    return value_words(member) if found is None else found()


def join(items: Iterable[str], *, word: Literal["and", "or"] = "and") -> str:
    """*items* as a sentence lists them: ``"a, b and c"``, or with ``"or"``.

    In the current language: the separator and the last link are messages,
    so that a language joins its own way (``"a, b y c"``), and changes its
    link before a sound where it does (Spanish ``"a e Inclinación"``).
    """
    listed = list(items)
    if len(listed) <= 1:
        return "".join(listed)
    # Translators: the separator of all but the last two items of a list.
    comma = _(", ")
    first, last = comma.join(listed[:-1]), listed[-1]
    sound = _LINK_SOUNDS.get(current_language(), {}).get(word)
    before = sound is not None and sound.match(last.lstrip("'\"«“¿¡")) is not None
    if word == "or":
        if before:
            # Translators: "a, b or c" where the last item begins with the
            # sound that changes the link in some languages (Spanish "u"
            # before an o sound); elsewhere, the same as "{items} or {last}".
            link = pgettext("before a sound", "{items} or {last}")
        else:
            # Translators: the end of a list of choices: "a, b or c".
            link = _("{items} or {last}")
    elif before:
        # Translators: "a, b and c" where the last item begins with the sound
        # that changes the link in some languages (Spanish "e" before an i
        # sound); elsewhere, the same as "{items} and {last}".
        link = pgettext("before a sound", "{items} and {last}")
    else:
        # Translators: the end of a list: "a, b and c".
        link = _("{items} and {last}")
    return link.format(items=first, last=last)


def join_some(items: Iterable[str], *, limit: int = 3) -> str:
    """Up to *limit* of *items* joined, then how many more there are.

    Names and ids can be many (a catalog may hold thousands) and long, and
    a note must stay within the model's length for text.
    """
    listed = list(items)
    if len(listed) <= limit:
        return join(listed)
    more = len(listed) - limit
    message = ngettext("{items} and {count} more", "{items} and {count} more", more)
    return message.format(items=_(", ").join(listed[:limit]), count=more)


def word_for(count: float, singular: str, plural_form: str | None = None) -> str:
    """The form of a word that agrees with *count*: singular for exactly one.

    ``word_for(1, "set")`` is ``"set"``; for any other count, 0 and
    fractions included, the plural: *plural_form* if given (for irregular
    words, and for verbs: ``word_for(n, "suits", "suit")``), else *singular*
    with an ``s``.
    """
    if count == 1:
        return singular
    return singular + "s" if plural_form is None else plural_form


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """*count* and the word that agrees with it: ``"1 set"``, ``"3 sets"``.

    *plural_form* is the plural where adding ``s`` does not make it, as
    :func:`word_for` takes it.
    """
    return f"{count} {word_for(count, singular, plural_form)}"
