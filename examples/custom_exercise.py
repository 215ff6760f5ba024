"""Add your own exercise to a catalog and plan with it.

Run it with ``python examples/custom_exercise.py``.  It describes a gentle
standing pelvic tilt against a wall, adds it to the built-in exercises, and
plans a short break at the desk, where nothing is done on the floor: the
planner picks the new exercise, and the script lists what it planned.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from backroutine import (
    Bias,
    BodyArea,
    Catalog,
    Caution,
    Condition,
    Dosage,
    Equipment,
    Exercise,
    Occasion,
    PlanRequest,
    Position,
    Routine,
    Span,
    TimeOfDay,
    default_catalog,
    plan_routine,
)

CUSTOM_ID = "standing-pelvic-tilt"
"""The id of the exercise this example adds."""


def standing_pelvic_tilt() -> Exercise:
    """A gentle pelvic tilt done standing with the back against a wall."""
    return Exercise(
        id=CUSTOM_ID,
        name="Standing pelvic tilt",
        summary=(
            "Standing with your back against a wall, you tip your pelvis to "
            "press the small of your back towards the wall: the supine pelvic "
            "tilt, for when lying down is not an option."
        ),
        instructions=[
            (
                "Stand with your back against a wall, your feet a small step in "
                "front of it and your knees soft."
            ),
            "Tighten your stomach muscles.",
            (
                "Tip your pelvis so that the small of your back presses gently "
                "towards the wall."
            ),
            "Hold the tilt for a few seconds, breathing normally.",
            "Let go and return to the starting position.",
        ],
        position=Position.STANDING,
        targets=[BodyArea.ABDOMINALS, BodyArea.LOWER_BACK],
        bias=Bias.FLEXION,
        times=[TimeOfDay.MORNING, TimeOfDay.MIDDAY],
        occasions=[Occasion.AFTER_SITTING],
        dosage=Dosage(sets=Span(1, 1), reps=Span(8, 12), hold_seconds=Span(3, 5)),
        benefits=[
            "Wakes up the muscles that steady the lower back after sitting.",
            "Needs no floor space: a wall at work or at home will do.",
        ],
        cues=["Keep the movement small; your shoulders stay against the wall."],
        cautions=[
            Caution(
                about="a recent or flared-up disc herniation",
                advice="Keep the tilt small, and stop and ask a professional "
                "if it brings on pain in your back or leg.",
                conditions=[Condition.DISC_HERNIATION],
            ),
            Caution(
                about="poor balance",
                advice="Keep a sturdy chair within reach, and stop if you feel dizzy.",
            ),
        ],
        equipment=[Equipment.WALL],
    )


def desk_break_request() -> PlanRequest:
    """A five-minute midday break at the desk, with nothing on the floor."""
    floor = [
        Position.SUPINE,
        Position.PRONE,
        Position.SIDE_LYING,
        Position.QUADRUPED,
        Position.KNEELING,
        Position.HALF_KNEELING,
    ]
    return PlanRequest(
        time_of_day=TimeOfDay.MIDDAY,
        occasion=Occasion.AFTER_SITTING,
        targets=[BodyArea.LOWER_BACK],
        minutes=5,
        avoid_positions=floor,
    )


def plan_with_custom_exercise() -> Routine:
    """Plan the desk break from the built-in catalog plus the new exercise."""
    catalog = Catalog([*default_catalog(), standing_pelvic_tilt()])
    return plan_routine(desk_break_request(), catalog)


def main(argv: Sequence[str]) -> None:
    """Plan with the custom exercise and list what was planned."""
    argparse.ArgumentParser(
        description="Add your own exercise to a catalog and plan with it."
    ).parse_args(argv)
    routine = plan_with_custom_exercise()
    print(f"planned {routine.name!r}:")
    for step in routine.steps:
        mark = " (custom)" if step.exercise.id == CUSTOM_ID else ""
        print(f"  {step.exercise.id}{mark}: {step.note}")
    if CUSTOM_ID not in {exercise.id for exercise in routine.exercises}:
        print(f"{CUSTOM_ID} was not picked", file=sys.stderr)
        raise SystemExit(1)
    print(f"{CUSTOM_ID} is among the planned exercises.")


if __name__ == "__main__":
    main(sys.argv[1:])
