"""Safety as data: general advice, condition rules, and warning-sign screening.

Everything here is data a person can read and an app can act on: which
exercises each condition advises against and why, how urgent each warning
sign is, and what to do about it.  backroutine does not diagnose: it carries
widely given advice so an app can show it, filter by it, and stop planning
when a sign says to seek care.

The words are messages in English, kept in English in the data (the rules
are public, and their reasons are compared): whatever turns them into text
for a person translates them there, in the language of the call, as
:func:`screen` does for a screening and the planner for a routine.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

import attrs

from backroutine import _spec as v
from backroutine._i18n import N_, _, speaking
from backroutine._model import Caution, Exercise, Finding, Screening
from backroutine._public import publish
from backroutine._signs import (
    SEEK_HELP,
    SIGN_URGENCY,
    SIGN_WORDS,
    URGENCY_WORDS,
    UrgencyWords,
    signs_at,
)
from backroutine._text import join
from backroutine._vocabulary import (
    Condition,
    Movement,
    Position,
    Urgency,
    WarningSign,
)

NOT_CHECKED: Final = Caution(
    # Translators: what a caution is about, shown capitalised before its
    # advice, for an exercise imported from another data set.
    about=N_("not checked for health conditions"),
    advice=N_("Not checked for this condition: ask a professional before doing it."),
    conditions=tuple(Condition),
    leave_out=True,
)
"""The caution of an exercise whose movements are not known, such as one
imported from another data set: it leaves the exercise out for every
condition, and the routine's notes give its advice as the reason.  As a
caution it is data, so it survives JSON; an exercise that carries a
changed copy is still left out for every condition, with the rule's own
reasons."""


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class ConditionRule(v.Value):
    """What a condition advises against, and why.

    A rule reads every phase of an exercise (:attr:`Exercise.movements
    <backroutine.Exercise.movements>`), its other facts, and its cautions:
    a caution marked ``leave_out`` for the condition leaves it out too.

    Args:
        condition: The condition.
        avoid_movements: Movements of the spine to leave out, in any phase.
        reason: Why, in words a person can read.  Like the other texts, a
            message in English, translated where it is shown.
        avoid_loaded_or_end_range: Movements to leave out when the exercise
            loads the spine or a phase takes them to the end of their range.
        loaded_reason: Why those are left out, if not *reason*.
        avoid_positions: Positions to leave out.
        position_reason: Why those are left out, if not *reason*.
        early_after_surgery_only: Whether only exercises usually allowed in
            the first weeks after back surgery are kept.
        max_seconds_on_back: If not None, the longest spell lying on the back,
            in seconds by the timing model.
        advice: What to do besides, shown with a planned routine.
        stop_signs: Signs, particular to the condition, that mean stop and
            contact a professional; shown with a planned routine.
    """

    condition: Condition
    avoid_movements: tuple[Movement, ...] = ()
    reason: str
    avoid_loaded_or_end_range: tuple[Movement, ...] = ()
    loaded_reason: str | None = None
    avoid_positions: tuple[Position, ...] = ()
    position_reason: str | None = None
    early_after_surgery_only: bool = False
    max_seconds_on_back: int | None = None
    advice: str | None = None
    stop_signs: str | None = None

    def why_not(self, exercise: Exercise) -> str | None:  # noqa: PLR0911 (one return per reason)
        """Why this rule leaves *exercise* out, or None if it does not.

        Leg symptoms rule out nerve-tensioning stretches whatever the
        condition, so that rule is not a condition's: the planner applies
        it for the warning signs of a request.

        An exercise that carries
        :data:`~backroutine.free_exercise_db.NOT_CHECKED` is left out with its
        advice as the reason, before the rule looks at anything else: its
        movements were never read, so the rule's own reasons would claim
        what nobody knows.
        """
        if NOT_CHECKED in exercise.cautions:
            return NOT_CHECKED.advice
        if self.early_after_surgery_only and not exercise.early_after_surgery:
            return self.reason
        if not exercise.movements.isdisjoint(self.avoid_movements):
            return self.reason
        for movement in self.avoid_loaded_or_end_range:
            if movement in exercise.movements and (
                exercise.loads_spine or exercise.moves_to_end_range(movement)
            ):
                return self.loaded_reason or self.reason
        if exercise.position in self.avoid_positions:
            return self.position_reason or self.reason
        for caution in exercise.cautions:
            if caution.leave_out and self.condition in caution.conditions:
                return caution.advice
        return None

    @property
    def reasons(self) -> frozenset[str]:
        """The reasons of the rule's own, besides those cautions give.

        The advice of :data:`~backroutine.free_exercise_db.NOT_CHECKED` is
        one of every rule's, as every rule applies it first: a routine's
        notes then say it on its own, never merged with the cautions of
        other exercises.
        """
        given = (self.reason, self.loaded_reason, self.position_reason)
        own = (reason for reason in given if reason is not None)
        return frozenset((*own, NOT_CHECKED.advice))

    def advises_against(self, exercise: Exercise) -> bool:
        """Whether this rule leaves *exercise* out (see :meth:`why_not`)."""
        return self.why_not(exercise) is not None


NERVE_REASON: Final = N_(
    "With pain spreading down a leg, a stretch that pulls on the sciatic nerve "
    "can irritate a nerve that is already pressed on."
)
"""Why a nerve-tensioning stretch is left out with leg symptoms."""

LEG_SYMPTOMS: Final = (
    WarningSign.PAIN_BELOW_KNEE,
    WarningSign.BOTH_LEGS_PAIN_OR_TINGLING,
)
"""Signs of an irritated nerve: with any, no stretch that tensions the sciatic
nerve is planned, whatever the person's conditions."""

SIGN_CONDITIONS: Final[Mapping[WarningSign, Condition]] = MappingProxyType(
    {WarningSign.FALL_WITH_OSTEOPOROSIS: Condition.OSTEOPOROSIS}
)
"""Signs that name a condition: its rule applies as if the person had named it."""


def conditions_of(
    conditions: Iterable[Condition], signs: Iterable[WarningSign]
) -> tuple[Condition, ...]:
    """*conditions*, then those that *signs* name, each once, in order."""
    named = (SIGN_CONDITIONS[s] for s in signs if s in SIGN_CONDITIONS)
    return tuple(dict.fromkeys((*conditions, *named)))


_BACKWARDS = N_(
    "Bending backwards narrows the spinal canal and the spaces the nerves "
    "leave by, which can bring on symptoms; bending forwards usually eases them."
)

CONDITION_RULES: Final[Mapping[Condition, ConditionRule]] = MappingProxyType(
    {
        rule.condition: rule
        for rule in (
            ConditionRule(
                condition=Condition.SPINAL_STENOSIS,
                avoid_movements=(Movement.EXTENSION,),
                reason=_BACKWARDS,
            ),
            ConditionRule(
                condition=Condition.SPONDYLOLISTHESIS,
                avoid_movements=(Movement.EXTENSION,),
                reason=N_(
                    "Bending backwards loads the back of the vertebra, where a "
                    "slipped or cracked vertebra is weakest."
                ),
            ),
            ConditionRule(
                condition=Condition.FACET_JOINT_PAIN,
                avoid_movements=(Movement.EXTENSION,),
                reason=N_(
                    "Bending backwards presses the small facet joints at the "
                    "back of the spine together."
                ),
            ),
            ConditionRule(
                condition=Condition.DISC_HERNIATION,
                avoid_movements=(Movement.FLEXION,),
                reason=N_(
                    "Bending forwards squeezes the front of the discs and can "
                    "push a herniated disc further towards the nerves."
                ),
            ),
            ConditionRule(
                condition=Condition.OSTEOPOROSIS,
                avoid_movements=(Movement.FLEXION,),
                reason=N_(
                    "Bending the spine forwards loads the front of the "
                    "vertebrae, which fragile bones may not bear."
                ),
                avoid_loaded_or_end_range=(Movement.ROTATION,),
                loaded_reason=N_(
                    "Twisting under load, or as far as the spine will go, "
                    "strains vertebrae that fragile bones may not bear."
                ),
                advice=N_(
                    "With osteoporosis, keep any twisting gentle and unloaded, "
                    "and never force a stretch."
                ),
            ),
            ConditionRule(
                condition=Condition.PREGNANCY,
                avoid_positions=(Position.PRONE,),
                reason=N_("Lying face down presses on the bump."),
                max_seconds_on_back=180,
                advice=N_(
                    "In pregnancy, lying flat on your back for long can let the "
                    "womb press on a large vein and make you dizzy: time on your "
                    "back is kept to 3 minutes at a time, and if you feel dizzy or "
                    "sick, roll onto your side. Ask your midwife or doctor what "
                    "suits you."
                ),
                stop_signs=N_(
                    "In pregnancy, stop and contact your midwife or doctor if you "
                    "have vaginal bleeding, fluid leaking, regular painful "
                    "contractions, dizziness or feeling faint, breathlessness "
                    "before you start, chest pain, a headache, pain or swelling "
                    "in a calf, or muscle weakness that affects your balance."
                ),
            ),
            ConditionRule(
                condition=Condition.RECENT_BACK_SURGERY,
                early_after_surgery_only=True,
                # Besides what an exercise says of itself, what DOMAIN.md
                # rules out in the first weeks, so that an exercise marked
                # early by mistake is still left out.
                avoid_movements=(Movement.ROTATION,),
                avoid_loaded_or_end_range=(Movement.FLEXION, Movement.EXTENSION),
                avoid_positions=(
                    Position.KNEELING,
                    Position.HALF_KNEELING,
                    Position.QUADRUPED,
                ),
                reason=N_(
                    "In the first weeks after back surgery, only small, gentle "
                    "exercises are usually allowed: no bending forwards or "
                    "backwards as far as you can, no twisting, no lifting and "
                    "no kneeling, until the surgical team clears them."
                ),
                advice=N_(
                    "After back surgery, follow your surgical team's "
                    "instructions first, and do only the exercises they have "
                    "cleared. Do the exercises lying down on your bed if getting "
                    "down to the floor means kneeling, and get up by rolling "
                    "onto your side first, as your team showed you."
                ),
            ),
        )
    }
)
"""The rule for each condition, from widely given physiotherapy advice."""


# Any number of signs: repeats count once.
_SIGNS = v.Items(v.Member(WarningSign), max_count=sys.maxsize)


def screen(signs: Iterable[WarningSign], *, language: str | None = None) -> Screening:
    """What the warning signs a person has say to do.

    Args:
        signs: The signs, in any order; repeats count once.
        language: The language of the advice (``"en"``, ``"es"`` or
            ``"de"``); None for English, or the language of the call this
            one is made within.  The screening says it in its ``language``.

    Returns:
        The screening: every sign, each with its urgency and what to do,
        the most urgent first (a more urgent sign never hides a less urgent
        one); the highest urgency; and advice for it a person can act on.
        With no signs, the urgency is ``none``.

    Raises:
        TypeError: Something that is not a :class:`WarningSign` was given.
        UnknownLanguageError: *language* is not one backroutine writes (a
            :class:`ValueError`).
    """
    with speaking(language) as spoken:
        return _screen(signs, spoken)


def _screen(signs: Iterable[WarningSign], language: str) -> Screening:
    given = v.to_tuple(signs)
    try:
        _SIGNS.check(given)
    except v.Problem as problem:
        raise problem.at("signs") from None
    present = frozenset(given)
    ordered = sorted(
        (sign for sign in WarningSign if sign in present),
        key=lambda sign: -SIGN_URGENCY[sign].level,
    )
    findings = tuple(
        Finding(
            sign=sign,
            urgency=SIGN_URGENCY[sign],
            advice=_(URGENCY_WORDS[SIGN_URGENCY[sign]].action),
        )
        for sign in ordered
    )
    urgency = findings[0].urgency if findings else Urgency.NONE
    setting = (f.sign for f in findings if f.urgency is urgency)
    signs_in_words = join(_(SIGN_WORDS[sign]) for sign in setting)
    advice = _(URGENCY_WORDS[urgency].advice).format(signs=signs_in_words)
    return Screening(
        urgency=urgency, findings=findings, advice=advice, language=language
    )


__all__ = [
    "CONDITION_RULES",
    "LEG_SYMPTOMS",
    "NERVE_REASON",
    "NOT_CHECKED",
    "SEEK_HELP",
    "SIGN_CONDITIONS",
    "SIGN_URGENCY",
    "SIGN_WORDS",
    "URGENCY_WORDS",
    "ConditionRule",
    "UrgencyWords",
    "conditions_of",
    "screen",
    "signs_at",
]

publish(ConditionRule, screen)
