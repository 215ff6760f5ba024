"""The founding article's advice, as text shared by every layer that shows it.

The timer's first cue, the planner's routines and the printed handout all
carry these words; they live here, below all of them, so each can import
them.  So does what a handout says beside them: what a person should feel,
and how to get down to the floor and back up.
"""

from __future__ import annotations

from typing import Final

import attrs

from backroutine._i18n import N_
from backroutine._vocabulary import Position

STOP_RULE: Final = N_(
    "Stop an exercise if it makes your pain worse, causes new pain, or sends "
    "symptoms down a leg."
)
"""The rule a timer says at the start, in one sentence."""

SEE_SPECIALIST: Final = N_(
    "If your pain persists, gets worse, or spreads down a leg, see a spine "
    "specialist or another health professional: lasting pain can have a "
    "cause that needs checking."
)
"""When to see a specialist, in one sentence: every handout shows it."""

GENERAL_ADVICE: Final = (
    N_("Move slowly and gently, and stay within a range that feels comfortable."),
    STOP_RULE,
    N_(
        "Pain that moves back towards the middle of your back as you exercise "
        "is usually a good sign: that exercise is usually fine to go on with."
    ),
    SEE_SPECIALIST,
    N_("Little and often works best: do these regularly, without forcing them."),
)
"""The advice every planned routine carries, from the founding article.

Each is a message in English: whatever shows it translates it there
(``_(advice)``), in the language of the call.
"""

WHAT_TO_FEEL: Final = N_(
    "You should feel a gentle stretch, or your muscles working, but not pain. "
    "Mild discomfort that eases soon after you stop is fine."
)
"""What a person should feel while exercising, in two sentences."""

FLOOR_POSITIONS: Final = frozenset(
    {
        Position.SUPINE,
        Position.PRONE,
        Position.SIDE_LYING,
        Position.QUADRUPED,
        Position.KNEELING,
        Position.HALF_KNEELING,
    }
)
"""The positions that are on the floor: a handout says how to get down and up."""


@attrs.frozen(kw_only=True)
class GettingDown:
    """How to get down to exercise lying or kneeling, and back up, in steps.

    Every text is a message in English: whatever shows it translates each
    (``_(text)``), in the language of the call.

    Args:
        heading: What the advice is called.
        lead: What to know first, in a sentence or two.
        down: The steps to get down, in order.
        up: The steps to get back up, in order.
    """

    heading: str
    lead: str
    down: tuple[str, ...]
    up: tuple[str, ...]


def _to_the_floor(*, face_down: bool) -> GettingDown:
    """Getting down to the floor by way of kneeling, and back up with a chair.

    Lying face down is named only when *face_down*: a routine without such a
    step may be for someone who must not lie so (in pregnancy).
    """
    if face_down:
        lead = N_(
            "Take your time, and put your mat beside a sturdy chair, or the side "
            "of a bed, that you can lean on. If getting down to the floor is too "
            "hard, or it hurts, do the exercises that lie on your back, front or "
            "side on a firm bed instead."
        )
        roll = N_(
            "Bend your knees and roll onto your back, or onto your front, moving "
            "your shoulders and hips together."
        )
    else:
        lead = N_(
            "Take your time, and put your mat beside a sturdy chair, or the side "
            "of a bed, that you can lean on. If getting down to the floor is too "
            "hard, or it hurts, do the exercises that lie on your back or side on "
            "a firm bed instead."
        )
        roll = N_(
            "Bend your knees and roll onto your back, moving your shoulders and "
            "hips together."
        )
    return GettingDown(
        heading=N_("Getting down to the floor and back up"),
        lead=lead,
        down=(
            N_("Stand beside the chair, hold it with one hand and step one foot back."),
            N_(
                "Bend your knees and lower your back knee gently to the floor, "
                "then bring the other knee down beside it."
            ),
            N_("Put your hands on the floor, so that you are on your hands and knees."),
            N_(
                "To lie down, move your knees a little to one side, lower that hip "
                "to the floor, and let yourself down onto your side, taking your "
                "weight on your arms."
            ),
            roll,
        ),
        up=(
            N_(
                "Bend your knees and roll onto your side, moving your shoulders and "
                "hips together."
            ),
            N_("Push yourself up with your arms onto your hands and knees."),
            N_("Move next to the chair and put both hands on its seat."),
            N_(
                "Bring one foot forward, flat on the floor, so that you are "
                "kneeling on one knee."
            ),
            N_(
                "Push up through your front leg, helped by your arms, to stand. "
                "Stand still for a moment before you walk, in case you feel "
                "light-headed."
            ),
        ),
    )


TO_THE_FLOOR: Final = _to_the_floor(face_down=False)
"""Getting down to the floor and back up, for a routine with no step face down."""

TO_THE_FLOOR_AND_FRONT: Final = _to_the_floor(face_down=True)
"""Getting down to the floor, for a routine with a step lying face down."""

ONTO_THE_BED: Final = GettingDown(
    heading=N_("Lying down on your bed and getting up, after back surgery"),
    lead=N_(
        "Until your surgical team says you may get down onto your knees, do the "
        "exercises that lie down on your bed rather than on the floor. Get on "
        "and off it by rolling like a log, your shoulders and hips moving "
        "together, without twisting."
    ),
    down=(
        N_("Sit on the side of the bed, about halfway along it."),
        N_(
            "Let yourself down onto your side, taking your weight on your arms, "
            "as you lift both legs onto the bed together."
        ),
        N_(
            "Bend your knees and roll onto your back, keeping your shoulders and "
            "hips in line."
        ),
    ),
    up=(
        N_(
            "Bend your knees and roll onto your side, keeping your shoulders and "
            "hips in line."
        ),
        N_(
            "Lower your legs over the side of the bed as you push yourself up to "
            "sitting with your arms."
        ),
        N_("Sit for a moment before you stand up."),
    ),
)
"""Getting on and off a bed by a log roll, for the first weeks after surgery."""
