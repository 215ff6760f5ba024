"""Plan a routine from a few options and save it as JSON.

Run it with ``python examples/plan_and_save.py [--time TIME] [--minutes N]
[--target AREA ...] [--condition CONDITION ...] [--output FILE]``, for
example ``python examples/plan_and_save.py --time bedtime --minutes 8
--condition spinal-stenosis --output bedtime.json``.  It writes the
routine's JSON to FILE, or to standard output without ``--output``, and
prints a one-line summary: to standard output when the JSON went to a file,
to standard error when the JSON went to standard output, so that the JSON
can be piped on untouched.
"""

from __future__ import annotations

import argparse
import enum
import pathlib
import sys
from collections.abc import Iterable, Sequence
from typing import TextIO, TypeVar

from backroutine import (
    BackroutineError,
    BodyArea,
    Condition,
    PlanRequest,
    Routine,
    TimeOfDay,
    dumps,
    estimate_duration,
    plan_routine,
)


def spelled(member: enum.Enum) -> str:
    """How *member* is written on the command line: ``lower_back`` as ``lower-back``."""
    return str(member.value).replace("_", "-")


TIMES = {spelled(time): time for time in TimeOfDay}
AREAS = {spelled(area): area for area in BodyArea}
CONDITIONS = {spelled(condition): condition for condition in Condition}

T = TypeVar("T")


def parser() -> argparse.ArgumentParser:
    """The command line's options."""
    result = argparse.ArgumentParser(
        description="Plan a routine and save it as JSON.",
        epilog="example: %(prog)s --time bedtime --minutes 8 --output bedtime.json",
    )
    result.add_argument(
        "--time",
        choices=TIMES,
        default="morning",
        help="the time of day the routine is for (default: morning)",
    )
    result.add_argument(
        "--minutes",
        type=float,
        default=10.0,
        help="the time budget in minutes, at most 240 (default: 10)",
    )
    result.add_argument(
        "--target",
        choices=AREAS,
        action="append",
        metavar="AREA",
        help="a body area to work; repeat for more (default: lower-back); "
        f"one of {', '.join(AREAS)}",
    )
    result.add_argument(
        "--condition",
        choices=CONDITIONS,
        action="append",
        default=[],
        metavar="CONDITION",
        help="a health condition the planner must respect; repeat for more; "
        f"one of {', '.join(CONDITIONS)}",
    )
    result.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="where to write the JSON (default: standard output)",
    )
    return result


def unique(values: Iterable[T]) -> list[T]:
    """*values* without repeats, in the order first given."""
    return list(dict.fromkeys(values))


def request_from(args: argparse.Namespace) -> PlanRequest:
    """The plan request the parsed options ask for.

    Raises:
        ValueError: An option is out of range, such as 0 minutes.
    """
    targets = [AREAS[target] for target in args.target or ["lower-back"]]
    return PlanRequest(
        time_of_day=TIMES[args.time],
        targets=unique(targets),
        minutes=args.minutes,
        conditions=unique(CONDITIONS[name] for name in args.condition),
    )


def summary(routine: Routine) -> str:
    """One line on *routine*: its name, how many exercises, how long."""
    seconds = estimate_duration(routine)
    count = len(routine.steps)
    exercises = "exercise" if count == 1 else "exercises"
    return f"{routine.name}: {count} {exercises}, {seconds / 60:.1f} minutes"


def save(routine: Routine, output: str | None, stdout: TextIO = sys.stdout) -> None:
    """Write *routine* as JSON to the file *output*, or to *stdout* for None.

    Raises:
        OSError: The file cannot be written.
    """
    text = dumps(routine, indent=2) + "\n"
    if output is None:
        stdout.write(text)
    else:
        pathlib.Path(output).write_text(text, encoding="utf-8")


def main(argv: Sequence[str]) -> None:
    """Plan the routine *argv* asks for, save it and print a summary."""
    options = parser()
    args = options.parse_args(argv)
    try:
        request = request_from(args)
    except ValueError as error:
        options.error(str(error))  # exits with status 2
    try:
        routine = plan_routine(request)
        save(routine, args.output)
    except (BackroutineError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        raise SystemExit(1) from None
    if args.output is None:
        print(summary(routine), file=sys.stderr)
    else:
        print(f"wrote {args.output}: {summary(routine)}")


if __name__ == "__main__":
    main(sys.argv[1:])
