"""Load and validate a routine that another app sent.

Run it with ``python examples/receive_routine.py FILE`` (``-`` reads
standard input), or with ``python examples/receive_routine.py --demo`` to
see, without any file, how a good document, a broken one and one in a
newer format are received.

The routine is read strictly with ``backroutine.loads(data, Routine)``: a
valid one is summarised and the exit status is 0; an invalid one is
refused with each problem on a line of its own, starting with the path of
what is wrong (``$.steps[0].sets[0].reps: ...``), and the exit status is 1,
as it is for a document in a newer format than this version of backroutine
reads.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from collections.abc import Sequence
from typing import TextIO

from backroutine import (
    InvalidDocumentError,
    PlanRequest,
    Routine,
    TimeOfDay,
    UnsupportedVersionError,
    dumps,
    estimate_duration,
    loads,
    plan_routine,
    unstructure,
)


def describe(routine: Routine) -> list[str]:
    """A few lines on *routine*: its name, when it is for, its exercises."""
    when = routine.time_of_day.value if routine.time_of_day else "any time"
    minutes = estimate_duration(routine) / 60
    count = len(routine.steps)
    exercises = "exercise" if count == 1 else "exercises"
    header = (
        f"received {routine.name!r}: {count} {exercises}, {when}, "
        f"about {minutes:.1f} minutes"
    )
    numbered = enumerate(routine.exercises, start=1)
    return [header, *(f"  {number}. {exercise.name}" for number, exercise in numbered)]


def version_message(error: UnsupportedVersionError) -> str:
    """What to do about a document in a format version this library cannot read."""
    newest = max(error.supported)
    return (
        f"this routine is in format version {error.version}, but this version "
        f"of backroutine reads format versions up to {newest}: ask the sender to "
        f"export it in format version {newest}, or upgrade backroutine"
    )


def receive(data: str | bytes, out: TextIO, err: TextIO) -> int:
    """Load the routine document *data* strictly and report on it.

    Writes a summary to *out* and returns 0 for a valid routine; writes what
    is wrong to *err* and returns 1 otherwise.
    """
    try:
        routine = loads(data, Routine)
    except UnsupportedVersionError as error:  # before its base class
        print(f"refused: {version_message(error)}", file=err)
        return 1
    except InvalidDocumentError as error:
        count = len(error.problems)
        problems = "problem" if count == 1 else "problems"
        print(f"refused: the routine has {count} {problems}:", file=err)
        for problem in error.problems:
            print(f"  {problem}", file=err)
        return 1
    for line in describe(routine):
        print(line, file=out)
    return 0


def demo_documents() -> dict[str, str]:
    """Three documents, by title: a good one, a broken one, a newer one."""
    routine = plan_routine(PlanRequest(time_of_day=TimeOfDay.EVENING, minutes=5))
    broken = unstructure(routine)
    broken["steps"][0]["sets"][0]["reps"] = "10"  # a string, not a number
    broken["colour"] = "blue"  # a key the format does not know
    newer = unstructure(routine)
    newer["version"] = 99  # a format from the future
    return {
        "a planned routine, as another app would send it": dumps(routine),
        'a broken one: reps "10" and an unknown key': json.dumps(broken),
        "one in a newer format version": json.dumps(newer),
    }


def demo(out: TextIO) -> None:
    """Receive each demo document in turn, reporting everything to *out*."""
    for title, text in demo_documents().items():
        print(f"== {title}", file=out)
        status = receive(text, out, out)
        print(f"(exit status {status})", file=out)


def read(source: str) -> bytes:
    """The bytes of the file *source*, or of standard input for ``-``.

    Raises:
        OSError: The file cannot be read.
    """
    if source == "-":
        return sys.stdin.buffer.read()
    return pathlib.Path(source).read_bytes()


def parser() -> argparse.ArgumentParser:
    """The command line's options."""
    result = argparse.ArgumentParser(
        description="Load and validate a routine another app sent.",
        epilog="example: %(prog)s routine.json, or %(prog)s --demo",
    )
    what = result.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "file", nargs="?", metavar="FILE", help="the routine's JSON; - for stdin"
    )
    what.add_argument(
        "--demo",
        action="store_true",
        help="receive a good and two bad documents built in memory",
    )
    return result


def main(argv: Sequence[str]) -> None:
    """Receive the routine *argv* names, or run the demo."""
    args = parser().parse_args(argv)
    if args.demo:
        demo(sys.stdout)
        return
    try:
        data = read(args.file)
    except OSError as error:
        print(f"refused: cannot read {args.file}: {error.strerror}", file=sys.stderr)
        raise SystemExit(1) from None
    status = receive(data, sys.stdout, sys.stderr)
    if status:
        raise SystemExit(status)


if __name__ == "__main__":
    main(sys.argv[1:])
