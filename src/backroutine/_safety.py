"""Safety advice as data: what every planned routine carries."""

from __future__ import annotations

from typing import Final

GENERAL_ADVICE: Final = (
    "Move slowly and gently, and stay within a range that feels comfortable.",
    (
        "Stop an exercise if it makes your pain worse, causes new pain, or "
        "sends symptoms down a leg."
    ),
    (
        "If your pain persists, gets worse, or spreads down a leg, see a spine "
        "specialist or another health professional: lasting pain can have a "
        "cause that needs checking."
    ),
    "Little and often works best: do these regularly, without forcing them.",
)
"""The advice every planned routine carries, from the founding article."""
