"""Drive a simple text timer from a routine's timeline.

Run it with ``python examples/text_timer.py [--time TIME] [--minutes N]``
to plan a routine and be guided through it, or with ``--routine FILE`` to be
guided through a routine saved as JSON (by ``plan_and_save.py``, say).
Each cue of ``timeline(routine)`` is printed as ``mm:ss  text``, where
``mm:ss`` is when the cue starts in the routine, and the timer then waits
for as long as the cue lasts.  ``--speed 10`` runs ten times faster and
``--speed 0`` does not wait at all, for a quick look (or a test).
"""

from __future__ import annotations

import argparse
import math
import pathlib
import sys
import time
from collections.abc import Callable, Sequence
from typing import TextIO

from backroutine import (
    BackroutineError,
    Cue,
    InvalidDocumentError,
    PlanRequest,
    Routine,
    TimeOfDay,
    loads,
    plan_routine,
    timeline,
)

Sleep = Callable[[float], object]
"""A function that waits for a number of seconds, such as ``time.sleep``."""


def clock(seconds: float) -> str:
    """*seconds* from the start as ``mm:ss``, such as ``01:05`` for 65.0."""
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes:02d}:{rest:02d}"


def run(
    cues: Sequence[Cue],
    *,
    speed: float = 1.0,
    sleep: Sleep = time.sleep,
    out: TextIO | None = None,
) -> None:
    """Print each cue as ``mm:ss  text``, then wait for as long as it lasts.

    The time printed is when the cue starts in the routine, not the time on
    the wall clock, so a routine reads the same at any speed.

    Args:
        cues: The cues to run through, as :func:`backroutine.timeline` gives.
        speed: How many times faster than real time: 1 for real time, 10 for
            ten times faster, 0 to not wait at all.
        sleep: What waits; each call gets a cue's length divided by *speed*.
        out: Where to print; None for standard output.
    """
    for cue in cues:
        print(f"{clock(cue.start_seconds)}  {cue.text}", file=out, flush=True)
        if speed > 0 and cue.seconds > 0:
            sleep(cue.seconds / speed)


def speed_type(text: str) -> float:
    """An argparse ``type`` for ``--speed``: a finite number, at least 0."""
    try:
        speed = float(text)
    except ValueError:
        speed = math.nan
    if not (math.isfinite(speed) and speed >= 0):
        msg = f"expected a number of at least 0, such as 1, 10 or 0 (got {text!r})"
        raise argparse.ArgumentTypeError(msg)
    return speed


TIMES = {moment.value: moment for moment in TimeOfDay}


def parser() -> argparse.ArgumentParser:
    """The command line's options."""
    result = argparse.ArgumentParser(
        description="Be guided through a routine by a text timer.",
        epilog="example: %(prog)s --time bedtime --minutes 5 --speed 10",
    )
    result.add_argument(
        "--time",
        choices=TIMES,
        help="plan a routine for this time of day (default: morning)",
    )
    result.add_argument(
        "--minutes",
        type=float,
        help="plan a routine of at most this many minutes (default: 5)",
    )
    result.add_argument(
        "--routine",
        metavar="FILE",
        help="run the routine saved in FILE instead of planning one",
    )
    result.add_argument(
        "--speed",
        type=speed_type,
        default=1.0,
        help="how many times faster than real time; 0 to not wait (default: 1)",
    )
    return result


def routine_from(args: argparse.Namespace) -> Routine:
    """The routine the options ask for: read from a file, or planned.

    Raises:
        OSError: The routine's file cannot be read.
        BackroutineError: The file holds no valid routine, or the plan
            cannot be made.
        ValueError: The plan's options are out of range.
    """
    if args.routine is not None:
        return loads(pathlib.Path(args.routine).read_bytes(), Routine)
    request = PlanRequest(
        time_of_day=TIMES[args.time or "morning"],
        minutes=5.0 if args.minutes is None else args.minutes,
    )
    return plan_routine(request)


def main(argv: Sequence[str]) -> None:
    """Run the timer through the routine *argv* asks for."""
    options = parser()
    args = options.parse_args(argv)
    if args.routine is not None and (args.time or args.minutes is not None):
        options.error("--routine runs a saved routine: leave out --time and --minutes")
    try:
        routine = routine_from(args)
    except InvalidDocumentError as error:
        print(f"error: {args.routine} holds no valid routine:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        raise SystemExit(1) from None
    except OSError as error:
        print(f"error: cannot read {args.routine}: {error.strerror}", file=sys.stderr)
        raise SystemExit(1) from None
    except BackroutineError as error:
        print(f"error: {error}", file=sys.stderr)
        raise SystemExit(1) from None
    except ValueError as error:
        options.error(str(error))
    try:
        run(timeline(routine), speed=args.speed)
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
        raise SystemExit(130) from None


if __name__ == "__main__":
    main(sys.argv[1:])
