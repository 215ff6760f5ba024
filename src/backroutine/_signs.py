"""Warning signs as data: how urgent each is, in words, and what to do.

Three tiers, as widely given for back pain: an emergency (call emergency
services now), urgent (a doctor today), and see a professional (keep moving
gently meanwhile).  The screening, the command line, every planned routine,
every handout and the first cue of every timer take their words from here,
so each sign and tier is stated once.  This module sits with the model, below
everything that shows these words.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import attrs

from backroutine._advice import STOP_RULE
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
        WarningSign.SADDLE_NUMBNESS: (
            "numbness or tingling around the genitals or buttocks"
        ),
        WarningSign.BLADDER_OR_BOWEL_CHANGE: (
            "new trouble passing urine, or loss of bladder or bowel control"
        ),
        WarningSign.BOTH_LEGS_WEAK_OR_NUMB: "weakness or numbness in both legs",
        WarningSign.BOTH_LEGS_PAIN_OR_TINGLING: "pain or tingling in both legs",
        WarningSign.SEXUAL_FUNCTION_LOSS: (
            "a new loss of sexual function, such as trouble getting an erection"
        ),
        WarningSign.CHEST_PAIN: "chest pain",
        WarningSign.SERIOUS_TRAUMA: "back pain after a serious accident or fall",
        WarningSign.FEVER: "a high temperature, or feeling hot and shivery",
        WarningSign.UNEXPLAINED_WEIGHT_LOSS: "weight loss without trying",
        WarningSign.CANCER_HISTORY: "new back pain after having had cancer",
        WarningSign.NIGHT_PAIN: "pain that is worse at night or not eased by rest",
        WarningSign.PROGRESSIVE_LEG_WEAKNESS: "leg weakness that is getting worse",
        WarningSign.BACK_SHAPE_CHANGE: (
            "a lump or swelling in the back, or a change in its shape"
        ),
        WarningSign.PAIN_ON_COUGH_OR_SNEEZE: (
            "pain made worse by coughing, sneezing or opening the bowels"
        ),
        WarningSign.PAIN_BETWEEN_SHOULDER_BLADES: (
            "pain high in the back, between the shoulder blades"
        ),
        WarningSign.PAIN_BELOW_KNEE: "pain that spreads down a leg, below the knee",
        WarningSign.PERSISTENT_PAIN: "pain that has lasted for a few weeks",
        WarningSign.WORSENING_PAIN: "pain that keeps getting worse",
        WarningSign.FALL_WITH_OSTEOPOROSIS: (
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
            name="emergency",
            in_short="call emergency services now",
            action=(
                "Call emergency services or go to an emergency department now; "
                "do not exercise."
            ),
            advice=(
                "Call emergency services or go to an emergency department now, "
                "and do not exercise. With back pain, this can mean pressure on "
                "the nerves of the spine or another problem that needs treatment "
                "straight away: {signs}."
            ),
        ),
        Urgency.URGENT: UrgencyWords(
            name="urgent",
            in_short="see a doctor today",
            action=(
                "Get an urgent appointment with a doctor today, in person or "
                "by phone, before you exercise."
            ),
            advice=(
                "Get an urgent appointment with a doctor today, in person or by "
                "phone, and do not start these exercises until then. With back "
                "pain, this needs a medical check first: {signs}."
            ),
        ),
        Urgency.SEE_PROFESSIONAL: UrgencyWords(
            name="see a professional",
            in_short="exercise gently",
            action="See a physiotherapist, a spine specialist or your doctor.",
            advice=(
                "See a physiotherapist, a spine specialist or your doctor, "
                "because this may have a cause that needs checking: {signs}. "
                "Gentle exercise is usually fine meanwhile; stop any exercise "
                "that makes it worse."
            ),
        ),
        Urgency.NONE: UrgencyWords(
            name="no warning signs",
            in_short="exercise gently",
            action="Exercise gently.",
            advice="No warning signs given. Exercise gently. " + STOP_RULE,
        ),
    }
)
"""Each urgency in words: the one place its heading and advice come from."""


def signs_at(urgency: Urgency) -> tuple[WarningSign, ...]:
    """The warning signs of *urgency*, in the vocabulary's order."""
    return tuple(sign for sign in WarningSign if SIGN_URGENCY[sign] is urgency)


SEEK_HELP_HEADING: Final = "Seek help now"
"""What the seek-help box is called, as its heading says it."""

SEEK_HELP_LEAD: Final = (
    "stop, and call emergency services or go to an emergency department, if "
    "you have any of these"
)
"""What to do, and when: the words between the heading and the signs."""

SEEK_HELP_SIGNS: Final = tuple(SIGN_WORDS[sign] for sign in signs_at(Urgency.EMERGENCY))
"""The emergency signs in words, in the vocabulary's order."""

SEEK_HELP: Final = (
    f"{SEEK_HELP_HEADING}: {SEEK_HELP_LEAD}: {'; '.join(SEEK_HELP_SIGNS)}."
)
"""The seek-help box: the emergency signs and what to do, in one sentence.

Every planned routine, every handout and the first cue of every timeline
carry it, whether or not a sign was reported: a person reads it once and
knows what to watch for.  A handout lays it out as a box, from its parts:
:data:`SEEK_HELP_HEADING`, :data:`SEEK_HELP_LEAD` and
:data:`SEEK_HELP_SIGNS`.
"""
