"""Warning signs as data: how urgent each is, in words, and what to do.

Three tiers, as widely given for back pain: an emergency (call emergency
services now), urgent (a doctor today), and see a professional (keep moving
gently meanwhile).  The screening, the command line, every planned routine,
every handout and the first cue of every timer take their words from here,
so each sign and tier is stated once.  This module sits with the model, below
everything that shows these words.

The words are messages in English, kept in English here (they are data an
app may compare against): whatever shows them translates them there
(``_(SIGN_WORDS[sign])``), in the language of the call, as :func:`screen
<backroutine.screen>` and the planner do.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import attrs

from backroutine._i18n import N_
from backroutine._vocabulary import Urgency, WarningSign

SIGN_URGENCY: Final[Mapping[WarningSign, Urgency]] = MappingProxyType(
    {
        WarningSign.SADDLE_NUMBNESS: Urgency.EMERGENCY,
        WarningSign.BLADDER_OR_BOWEL_CHANGE: Urgency.EMERGENCY,
        WarningSign.BOTH_LEGS_WEAK_OR_NUMB: Urgency.EMERGENCY,
        WarningSign.BOTH_LEGS_PAIN_OR_TINGLING: Urgency.EMERGENCY,
        WarningSign.SEXUAL_FUNCTION_LOSS: Urgency.EMERGENCY,
        WarningSign.CHEST_PAIN: Urgency.EMERGENCY,
        WarningSign.SERIOUS_TRAUMA: Urgency.EMERGENCY,
        WarningSign.FEVER: Urgency.URGENT,
        WarningSign.UNEXPLAINED_WEIGHT_LOSS: Urgency.URGENT,
        WarningSign.CANCER_HISTORY: Urgency.URGENT,
        WarningSign.NIGHT_PAIN: Urgency.URGENT,
        WarningSign.PROGRESSIVE_LEG_WEAKNESS: Urgency.URGENT,
        WarningSign.BACK_SHAPE_CHANGE: Urgency.URGENT,
        WarningSign.PAIN_ON_COUGH_OR_SNEEZE: Urgency.URGENT,
        WarningSign.PAIN_BETWEEN_SHOULDER_BLADES: Urgency.URGENT,
        WarningSign.PAIN_BELOW_KNEE: Urgency.SEE_PROFESSIONAL,
        WarningSign.PERSISTENT_PAIN: Urgency.SEE_PROFESSIONAL,
        WarningSign.WORSENING_PAIN: Urgency.SEE_PROFESSIONAL,
        WarningSign.FALL_WITH_OSTEOPOROSIS: Urgency.SEE_PROFESSIONAL,
    }
)
"""How urgent each warning sign is."""

SIGN_WORDS: Final[Mapping[WarningSign, str]] = MappingProxyType(
    {
        # Translators: the warning signs, each a phrase that a sentence
        # lists after a colon ("...: chest pain; fever."), or a list item.
        WarningSign.SADDLE_NUMBNESS: N_(
            "numbness or tingling around the genitals or buttocks"
        ),
        WarningSign.BLADDER_OR_BOWEL_CHANGE: N_(
            "new trouble passing urine, or loss of bladder or bowel control"
        ),
        WarningSign.BOTH_LEGS_WEAK_OR_NUMB: N_("weakness or numbness in both legs"),
        WarningSign.BOTH_LEGS_PAIN_OR_TINGLING: N_("pain or tingling in both legs"),
        WarningSign.SEXUAL_FUNCTION_LOSS: N_(
            "a new loss of sexual function, such as trouble getting an erection"
        ),
        WarningSign.CHEST_PAIN: N_("chest pain"),
        WarningSign.SERIOUS_TRAUMA: N_("back pain after a serious accident or fall"),
        WarningSign.FEVER: N_("a high temperature, or feeling hot and shivery"),
        WarningSign.UNEXPLAINED_WEIGHT_LOSS: N_("weight loss without trying"),
        WarningSign.CANCER_HISTORY: N_("new back pain after having had cancer"),
        WarningSign.NIGHT_PAIN: N_("pain that is worse at night or not eased by rest"),
        WarningSign.PROGRESSIVE_LEG_WEAKNESS: N_("leg weakness that is getting worse"),
        WarningSign.BACK_SHAPE_CHANGE: N_(
            "a lump or swelling in the back, or a change in its shape"
        ),
        WarningSign.PAIN_ON_COUGH_OR_SNEEZE: N_(
            "pain made worse by coughing, sneezing or opening the bowels"
        ),
        WarningSign.PAIN_BETWEEN_SHOULDER_BLADES: N_(
            "pain high in the back, between the shoulder blades"
        ),
        WarningSign.PAIN_BELOW_KNEE: N_("pain that spreads down a leg, below the knee"),
        WarningSign.PERSISTENT_PAIN: N_("pain that has lasted for a few weeks"),
        WarningSign.WORSENING_PAIN: N_("pain that keeps getting worse"),
        WarningSign.FALL_WITH_OSTEOPOROSIS: N_(
            "back pain after a minor fall, with osteoporosis"
        ),
    }
)
"""Each warning sign in words a person can read."""


@attrs.frozen(kw_only=True)
class UrgencyWords:
    """An urgency in words a person can read: its name and what to do.

    A screening's heading, its findings, the command line's list of signs by
    urgency and the seek-help box all take their words from here.

    Args:
        name: What the urgency is called, such as ``see a professional``.
        in_short: What to do, in a few words, such as ``see a doctor today``.
        action: What to do, as one sentence, said of each sign at this
            urgency.
        advice: What to do, in full, with ``{signs}`` where the signs that
            set the urgency go, in words.
    """

    name: str
    in_short: str
    action: str
    advice: str


URGENCY_WORDS: Final[Mapping[Urgency, UrgencyWords]] = MappingProxyType(
    {
        Urgency.EMERGENCY: UrgencyWords(
            # Translators: the name of the most urgent tier of warning signs,
            # shown as a heading (capitalised) over its signs.
            name=N_("emergency"),
            # Translators: what to do for an emergency sign, in a few words,
            # beside the sign in a list of signs.
            in_short=N_("call emergency services now"),
            action=N_(
                "Call emergency services or go to an emergency department now; "
                "do not exercise."
            ),
            # Translators: {signs} is the list of the emergency signs the
            # person has, joined by commas and "and".
            advice=N_(
                "Call emergency services or go to an emergency department now, "
                "and do not exercise. With back pain, this can mean pressure on "
                "the nerves of the spine or another problem that needs treatment "
                "straight away: {signs}."
            ),
        ),
        Urgency.URGENT: UrgencyWords(
            # Translators: the name of the tier of warning signs that need a
            # doctor today, shown as a heading (capitalised) over its signs.
            name=N_("urgent"),
            in_short=N_("see a doctor today"),
            action=N_(
                "Get an urgent appointment with a doctor today, in person or "
                "by phone, before you exercise."
            ),
            # Translators: {signs} is the list of the urgent signs the person
            # has, joined by commas and "and".
            advice=N_(
                "Get an urgent appointment with a doctor today, in person or by "
                "phone, and do not start these exercises until then. With back "
                "pain, this needs a medical check first: {signs}."
            ),
        ),
        Urgency.SEE_PROFESSIONAL: UrgencyWords(
            # Translators: the name of the tier of warning signs that need a
            # professional's check, shown as a heading (capitalised).
            name=N_("see a professional"),
            in_short=N_("exercise gently"),
            action=N_("See a physiotherapist, a spine specialist or your doctor."),
            # Translators: {signs} is the list of the signs the person has,
            # joined by commas and "and".
            advice=N_(
                "See a physiotherapist, a spine specialist or your doctor, "
                "because this may have a cause that needs checking: {signs}. "
                "Gentle exercise is usually fine meanwhile; stop any exercise "
                "that makes it worse."
            ),
        ),
        Urgency.NONE: UrgencyWords(
            # Translators: the heading of a screening with no warning sign.
            name=N_("no warning signs"),
            in_short=N_("exercise gently"),
            action=N_("Exercise gently."),
            # Translators: ends with the stop rule: use the same words as its
            # own translation ("Stop an exercise if it makes your pain worse...").
            advice=N_(
                "No warning signs given. Exercise gently. Stop an exercise if it "
                "makes your pain worse, causes new pain, or sends symptoms down a "
                "leg."
            ),
        ),
    }
)
"""Each urgency in words: the one place its heading and advice come from.

The advice of no warning signs ends with :data:`~backroutine._advice.STOP_RULE`,
written out so that it is one message (a test checks that the two agree)."""


def signs_at(urgency: Urgency) -> tuple[WarningSign, ...]:
    """The warning signs of *urgency*, in the vocabulary's order."""
    return tuple(sign for sign in WarningSign if SIGN_URGENCY[sign] is urgency)


# Translators: the heading of the box of emergency signs shown with every
# routine and handout.
SEEK_HELP_HEADING: Final = N_("Seek help now")
"""What the seek-help box is called, as its heading says it."""

# Translators: in the seek-help box, between its heading and the emergency
# signs (a list follows after a colon); may be shown capitalised.
SEEK_HELP_LEAD: Final = N_(
    "stop, and call emergency services or go to an emergency department, if "
    "you have any of these"
)
"""What to do, and when: the words between the heading and the signs."""

SEEK_HELP_SIGNS: Final = tuple(SIGN_WORDS[sign] for sign in signs_at(Urgency.EMERGENCY))
"""The emergency signs in words, in the vocabulary's order."""

# Translators: the seek-help box in one sentence: its heading ("Seek help
# now"), what to do, and each emergency sign, as they are translated on
# their own for handouts: use the same words as those translations.
SEEK_HELP: Final = N_(
    "Seek help now: stop, and call emergency services or go to an emergency "
    "department, if you have any of these: numbness or tingling around the "
    "genitals or buttocks; new trouble passing urine, or loss of bladder or "
    "bowel control; weakness or numbness in both legs; pain or tingling in both "
    "legs; a new loss of sexual function, such as trouble getting an erection; "
    "chest pain; back pain after a serious accident or fall."
)
"""The seek-help box: the emergency signs and what to do, in one sentence.

Every planned routine, every handout and the first cue of every timeline
carry it, whether or not a sign was reported: a person reads it once and
knows what to watch for.  A handout lays it out as a box, from its parts:
:data:`SEEK_HELP_HEADING`, :data:`SEEK_HELP_LEAD` and
:data:`SEEK_HELP_SIGNS`.  It is written out as one message, in English, so
that a translator sees the whole sentence and ``_(SEEK_HELP)`` gives it in
the language of the call; a test checks that it is made of its parts.
"""
