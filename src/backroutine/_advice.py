"""The founding article's advice, as text shared by every layer that shows it.

The timer's first cue, the planner's routines and the printed handout all
carry these words; they live here, below all of them, so each can import
them.
"""

from __future__ import annotations

from typing import Final

STOP_RULE: Final = (
    "Stop an exercise if it makes your pain worse, causes new pain, or sends "
    "symptoms down a leg."
)
"""The rule a timer says at the start, in one sentence."""

SEE_SPECIALIST: Final = (
    "If your pain persists, gets worse, or spreads down a leg, see a spine "
    "specialist or another health professional: lasting pain can have a "
    "cause that needs checking."
)
"""When to see a specialist, in one sentence: every handout shows it."""

GENERAL_ADVICE: Final = (
    "Move slowly and gently, and stay within a range that feels comfortable.",
    STOP_RULE,
    (
        "Pain that moves back towards the middle of your back as you exercise "
        "is usually a good sign: that exercise is usually fine to go on with."
    ),
    SEE_SPECIALIST,
    "Little and often works best: do these regularly, without forcing them.",
)
"""The advice every planned routine carries, from the founding article."""
