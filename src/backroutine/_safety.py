"""Safety as data: general advice, condition rules, and warning-sign screening.

Everything here is data a person can read and an app can act on: which
exercises each condition advises against and why, how urgent each warning
sign is, and what to do about it.  backroutine does not diagnose: it carries
widely given advice so an app can show it, filter by it, and stop planning
when a sign says to seek care.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

import attrs

from backroutine import _spec as v
from backroutine._advice import STOP_RULE
from backroutine._model import Exercise, Screening
from backroutine._public import publish
from backroutine._text import join
from backroutine._vocabulary import (
    Bias,
    Condition,
    Difficulty,
    Position,
    Urgency,
    WarningSign,
)


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class ConditionRule(v.Value):
    """What a condition advises against, and why.

    Args:
        condition: The condition.
        avoid_biases: Spinal biases to leave out.
        avoid_positions: Positions to leave out.
        only_biases: If not None, the only biases to keep.
        max_difficulty: If not None, the most demanding level to keep.
        reason: Why, in words a person can read.
        advice: What to do besides, shown with a planned routine.
    """

    condition: Condition
    avoid_biases: tuple[Bias, ...] = ()
    avoid_positions: tuple[Position, ...] = ()
    only_biases: tuple[Bias, ...] | None = None
    max_difficulty: Difficulty | None = None
    reason: str
    advice: str | None = None

    def advises_against(self, exercise: Exercise) -> bool:
        """Whether this rule leaves *exercise* out."""
        return (
            exercise.bias in self.avoid_biases
            or exercise.position in self.avoid_positions
            or (self.only_biases is not None and exercise.bias not in self.only_biases)
            or (
                self.max_difficulty is not None
                and exercise.difficulty.level > self.max_difficulty.level
            )
        )


_BACKWARDS = (
    "Bending backwards narrows the spinal canal and the spaces the nerves "
    "leave by, which can bring on symptoms; bending forwards usually eases them."
)

CONDITION_RULES: Final[Mapping[Condition, ConditionRule]] = MappingProxyType(
    {
        rule.condition: rule
        for rule in (
            ConditionRule(
                condition=Condition.SPINAL_STENOSIS,
                avoid_biases=(Bias.EXTENSION,),
                reason=_BACKWARDS,
            ),
            ConditionRule(
                condition=Condition.SPONDYLOLISTHESIS,
                avoid_biases=(Bias.EXTENSION,),
                reason=(
                    "Bending backwards loads the back of the vertebra, where a "
                    "slipped or cracked vertebra is weakest."
                ),
            ),
            ConditionRule(
                condition=Condition.FACET_JOINT_PAIN,
                avoid_biases=(Bias.EXTENSION,),
                reason=(
                    "Bending backwards presses the small facet joints at the "
                    "back of the spine together."
                ),
            ),
            ConditionRule(
                condition=Condition.DISC_HERNIATION,
                avoid_biases=(Bias.FLEXION,),
                reason=(
                    "Bending forwards squeezes the front of the discs and can "
                    "push a herniated disc further towards the nerves."
                ),
            ),
            ConditionRule(
                condition=Condition.OSTEOPOROSIS,
                avoid_biases=(Bias.FLEXION,),
                reason=(
                    "Bending the spine forwards loads the front of the "
                    "vertebrae, which fragile bones may not bear."
                ),
                advice=(
                    "With osteoporosis, keep any twisting gentle and unloaded, "
                    "and never force a stretch."
                ),
            ),
            ConditionRule(
                condition=Condition.PREGNANCY,
                avoid_positions=(Position.PRONE,),
                reason="Lying face down presses on the abdomen.",
                advice=(
                    "In pregnancy, after the first trimester, do not lie flat on "
                    "your back for long: keep those exercises short or prop "
                    "yourself up, and ask your midwife or doctor what suits you."
                ),
            ),
            ConditionRule(
                condition=Condition.RECENT_BACK_SURGERY,
                only_biases=(Bias.NEUTRAL,),
                max_difficulty=Difficulty.BEGINNER,
                reason=(
                    "After back surgery the spine should move only as the "
                    "surgical team allows, so only gentle exercises that keep "
                    "it neutral are planned."
                ),
                advice=(
                    "After back surgery, follow your surgical team's "
                    "instructions first, and do only exercises they have cleared."
                ),
            ),
        )
    }
)
"""The rule for each condition, from widely given physiotherapy advice."""


SIGN_URGENCY: Final[Mapping[WarningSign, Urgency]] = MappingProxyType(
    {
        WarningSign.SADDLE_NUMBNESS: Urgency.EMERGENCY,
        WarningSign.BLADDER_OR_BOWEL_CHANGE: Urgency.EMERGENCY,
        WarningSign.BOTH_LEGS_WEAK_OR_NUMB: Urgency.EMERGENCY,
        WarningSign.SERIOUS_TRAUMA: Urgency.EMERGENCY,
        WarningSign.FEVER: Urgency.URGENT,
        WarningSign.UNEXPLAINED_WEIGHT_LOSS: Urgency.URGENT,
        WarningSign.CANCER_HISTORY: Urgency.URGENT,
        WarningSign.NIGHT_PAIN: Urgency.URGENT,
        WarningSign.PROGRESSIVE_LEG_WEAKNESS: Urgency.URGENT,
        WarningSign.BACK_SHAPE_CHANGE: Urgency.URGENT,
        WarningSign.PAIN_BELOW_KNEE: Urgency.SEE_PROFESSIONAL,
        WarningSign.PERSISTENT_PAIN: Urgency.SEE_PROFESSIONAL,
        WarningSign.WORSENING_PAIN: Urgency.SEE_PROFESSIONAL,
    }
)
"""How urgent each warning sign is."""

SIGN_WORDS: Final[Mapping[WarningSign, str]] = MappingProxyType(
    {
        WarningSign.SADDLE_NUMBNESS: "numbness around the genitals or buttocks",
        WarningSign.BLADDER_OR_BOWEL_CHANGE: (
            "new trouble passing urine, or loss of bladder or bowel control"
        ),
        WarningSign.BOTH_LEGS_WEAK_OR_NUMB: "weakness or numbness in both legs",
        WarningSign.SERIOUS_TRAUMA: "back pain after a serious accident or fall",
        WarningSign.FEVER: "a fever or chills",
        WarningSign.UNEXPLAINED_WEIGHT_LOSS: "weight loss without trying",
        WarningSign.CANCER_HISTORY: "a history of cancer",
        WarningSign.NIGHT_PAIN: "pain that is worse at night or not eased by rest",
        WarningSign.PROGRESSIVE_LEG_WEAKNESS: "leg weakness that is getting worse",
        WarningSign.BACK_SHAPE_CHANGE: "a lump or a change in the shape of the back",
        WarningSign.PAIN_BELOW_KNEE: "pain that spreads down a leg, below the knee",
        WarningSign.PERSISTENT_PAIN: "pain that has lasted for a few weeks",
        WarningSign.WORSENING_PAIN: "pain that keeps getting worse",
    }
)
"""Each warning sign in words a person can read."""


@attrs.frozen(kw_only=True)
class UrgencyWords:
    """An urgency in words a person can read: its name and what to do.

    A screening's heading, the command line's list of signs by urgency and
    a screening's advice all take their words from here.

    Args:
        name: What the urgency is called, such as ``see a professional``.
        in_short: What to do, in a few words, such as ``see a doctor soon``.
        advice: What to do, in full, with ``{signs}`` where the signs that
            set the urgency go, in words.
    """

    name: str
    in_short: str
    advice: str


URGENCY_WORDS: Final[Mapping[Urgency, UrgencyWords]] = MappingProxyType(
    {
        Urgency.EMERGENCY: UrgencyWords(
            name="emergency",
            in_short="call emergency services now",
            advice=(
                "Call emergency services or go to an emergency department now, "
                "and do not exercise. With back pain, this can mean pressure on "
                "the nerves of the spine or another injury that needs treatment "
                "straight away: {signs}."
            ),
        ),
        Urgency.URGENT: UrgencyWords(
            name="urgent",
            in_short="see a doctor soon",
            advice=(
                "See a doctor soon, today or tomorrow if you can, and do not "
                "start these exercises until then. With back pain, this needs a "
                "medical check first: {signs}."
            ),
        ),
        Urgency.SEE_PROFESSIONAL: UrgencyWords(
            name="see a professional",
            in_short="exercise gently",
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
            advice="No warning signs given. Exercise gently. " + STOP_RULE,
        ),
    }
)
"""Each urgency in words: the one place its heading and advice come from."""


# Any number of signs: repeats count once.
_SIGNS = v.Items(v.Member(WarningSign), max_count=sys.maxsize)


def screen(signs: Iterable[WarningSign]) -> Screening:
    """What the warning signs a person has say to do.

    Args:
        signs: The signs, in any order; repeats count once.

    Returns:
        The screening: the highest urgency among the signs, the signs at
        that urgency, and advice a person can act on.  With no signs, the
        urgency is ``none``.

    Raises:
        TypeError: Something that is not a :class:`WarningSign` was given.
    """
    given = v.to_tuple(signs)
    try:
        _SIGNS.check(given)
    except v.Problem as problem:
        raise problem.at("signs") from None
    urgency = max(
        (SIGN_URGENCY[sign] for sign in given),
        key=lambda u: u.level,
        default=Urgency.NONE,
    )
    setting = tuple(
        sign for sign in WarningSign if sign in given and SIGN_URGENCY[sign] is urgency
    )
    signs_in_words = join(SIGN_WORDS[s] for s in setting)
    advice = URGENCY_WORDS[urgency].advice.format(signs=signs_in_words)
    return Screening(urgency=urgency, signs=setting, advice=advice)


publish(ConditionRule, screen)
