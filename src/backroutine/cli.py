"""The ``backroutine`` command line.

Call :func:`main` with the arguments after the program's name; it returns the
exit status::

    backroutine exercises
    backroutine show spine-press-up

Errors go to standard error, one line per problem, with exit status 1 for
bad input, 2 for bad usage and 3 when a screening says to seek care instead
of exercising; a :class:`~backroutine.BackroutineError` never ends in a
traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import metadata
from typing import Final

import attrs

from backroutine._builtin import default_catalog
from backroutine._render import exercise_list_text, exercise_text
from backroutine.exceptions import (
    BackroutineError,
    InvalidDocumentError,
    SeekCareError,
)

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_OK",
    "EXIT_SEEK_CARE",
    "EXIT_USAGE",
    "main",
]

PROG: Final = "backroutine"

EXIT_OK: Final = 0
"""Success."""
EXIT_BAD_INPUT: Final = 1
"""The input was understood but is wrong, such as an unknown exercise id."""
EXIT_USAGE: Final = 2
"""The command line itself is wrong: a missing or unknown argument."""
EXIT_SEEK_CARE: Final = 3
"""A screening says to seek care instead of exercising."""

_Run = Callable[[argparse.Namespace], int]


@attrs.frozen(kw_only=True)
class _Command:
    """One subcommand: its name, its help texts, its arguments and its work."""

    name: str
    summary: str
    description: str
    example: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: _Run


def _write(text: str) -> None:
    sys.stdout.write(text)


# The subcommands: one function each that does the work, and one that adds
# its arguments where it has any.


def _exercises(_args: argparse.Namespace) -> int:
    _write(exercise_list_text(default_catalog()))
    return EXIT_OK


def _show_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "exercise_id", metavar="ID", help="the exercise's id, as listed by exercises"
    )


def _show(args: argparse.Namespace) -> int:
    _write(exercise_text(default_catalog()[args.exercise_id]))
    return EXIT_OK


def _no_arguments(_parser: argparse.ArgumentParser) -> None:
    pass


_COMMANDS: Final = (
    _Command(
        name="exercises",
        summary="list the built-in exercises",
        description=(
            "List the built-in exercises: id, name, position, targets and dose."
        ),
        example="backroutine exercises",
        add_arguments=_no_arguments,
        run=_exercises,
    ),
    _Command(
        name="show",
        summary="show one exercise in full",
        description=(
            "Show one exercise in full: what it is, when it suits, how much,\n"
            "how to do it step by step, why it helps and what to watch for."
        ),
        example="backroutine show spine-press-up",
        add_arguments=_show_arguments,
        run=_show,
    ),
)


def _version() -> str:
    try:
        return metadata.version("backroutine")
    except metadata.PackageNotFoundError:
        # Run from a source tree that was never installed.
        return "(version unknown: not installed)"


def _examples(*commands: str) -> str:
    label = "example:" if len(commands) == 1 else "examples:"
    return "\n  ".join([label, *commands])


def _command_list() -> str:
    # Listed by hand rather than by argparse, which before Python 3.13
    # misaligns the help of subcommand names longer than its options; the
    # usage line is written by hand because the list is hidden from argparse.
    width = max(len(command.name) for command in _COMMANDS)
    lines = [f"  {command.name:<{width}}  {command.summary}" for command in _COMMANDS]
    return "\n".join(["commands:", *lines])


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        usage="%(prog)s [-h] [--version] COMMAND ...",
        description="Gentle exercise routines for the lower back.\n\n"
        + _command_list(),
        epilog=_examples(*(command.example for command in _COMMANDS)),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {_version()}")
    subparsers = parser.add_subparsers(metavar="COMMAND", help=argparse.SUPPRESS)
    for command in _COMMANDS:
        subparser = subparsers.add_parser(
            command.name,
            description=command.description,
            epilog=_examples(command.example),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        command.add_arguments(subparser)
        subparser.set_defaults(run=command.run)
    return parser


def _error_lines(error: BackroutineError) -> list[str]:
    """One line per problem, each naming the program."""
    if isinstance(error, InvalidDocumentError) and len(error.problems) > 1:
        what = f"invalid {error.kind} document" if error.kind else "invalid document"
        problems = [f"{what}: {problem}" for problem in error.problems]
    else:
        problems = [str(error)]
    return [f"{PROG}: error: {problem}\n" for problem in problems]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status.

    Args:
        argv: The arguments after the program's name; None for
            ``sys.argv[1:]``.

    Returns:
        0 on success, 1 for bad input, 2 for bad usage, 3 when a screening
        says to seek care.  Usable as ``sys.exit(main())``.
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        # argparse exits after --help and --version (0) and on bad usage (2).
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    run: _Run | None = getattr(args, "run", None)
    if run is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return run(args)
    except BackroutineError as error:
        sys.stderr.writelines(_error_lines(error))
        return EXIT_SEEK_CARE if isinstance(error, SeekCareError) else EXIT_BAD_INPUT
