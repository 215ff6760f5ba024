"""Compose a custom routine from the built-in exercises and export it as JSON.

Run it with ``python examples/compose_routine.py [FILE]``: it prints the
routine's JSON, or writes it to FILE.
"""

from __future__ import annotations

import pathlib
import sys

from backroutine import (
    ExerciseSet,
    Hold,
    Laterality,
    Routine,
    RoutineStep,
    TimeOfDay,
    default_catalog,
    dumps,
    loads,
)


def evening_routine() -> Routine:
    """A short evening routine: pelvic tilts, then trunk rotations."""
    catalog = default_catalog()
    tilt = catalog["supine-posterior-pelvic-tilt"]
    rotation = catalog["supine-lower-trunk-rotation"]
    return Routine(
        name="Evening unwind",
        time_of_day=TimeOfDay.EVENING,
        targets=tilt.targets,
        steps=[
            RoutineStep(
                exercise=tilt,
                sets=[ExerciseSet(reps=10, hold=Hold(4))],
                note="Wakes up the muscles that steady the lower back.",
            ),
            RoutineStep(
                exercise=rotation,
                sets=[
                    ExerciseSet(
                        reps=8, hold=Hold(12), laterality=Laterality.ALTERNATING
                    )
                ],
                note="Releases the tension of the day around the spine.",
            ),
        ],
        safety=["Move slowly and stop if the pain gets worse."],
    )


def main(argv: list[str]) -> None:
    """Print the routine's JSON, or write it to the file named in *argv*."""
    routine = evening_routine()
    text = dumps(routine, indent=2)
    assert loads(text, Routine) == routine  # the round trip is lossless
    if argv:
        pathlib.Path(argv[0]).write_text(text + "\n", encoding="utf-8")
        print(f"wrote {argv[0]}")
    else:
        print(text)


if __name__ == "__main__":
    main(sys.argv[1:])
