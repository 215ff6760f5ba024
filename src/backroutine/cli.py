"""The ``backroutine`` command line.

Call :func:`main` with the arguments after the program's name; it returns the
exit status::

    backroutine exercises --target hips
    backroutine show spine-press-up --format markdown
    backroutine plan --time bedtime --target lower-back --minutes 8
    backroutine timeline routine.json
    backroutine screen --sign fever
    backroutine validate routine.json
    backroutine schema routine
    backroutine adherence programme.json --log log.jsonl --date 2026-12-20

Errors go to standard error, one line per problem, with exit status 1 for
bad input (``exercises`` with filters that no exercise matches is bad input
too) and 2 for bad usage; a :class:`~backroutine.BackroutineError` never
ends in a traceback.

Options read the same way in every command:

- an option that takes several values accumulates when repeated:
  ``exercises --position supine --position prone`` lists the exercises
  done in either position (any of an option's values, and every option
  given), ``plan --avoid-bias flexion --avoid-bias rotation`` avoids both;
- an option that takes one value, such as ``plan --time``, given twice with
  different values is bad usage naming the option (the same value twice is
  taken), never the last one silently;
- enum values, formats and kinds are read in any case, with hyphens or
  underscores: ``Lower-Back``, ``lower-back`` and ``lower_back`` are the
  same area.

Exit status 3 means that warning signs say to seek care instead of
exercising (an urgent or emergency screening), and the screening is printed
in full, the same text either way:

- ``screen`` prints it to standard output (or its ``--out`` file), since it
  is what was asked for, as text or with ``--format json`` as its document,
  and exits 0 when the signs allow gentle exercise, 3 when they do not,
  whatever the format;
- ``plan --sign ...`` stopped by a screening prints nothing to standard
  output (which may be piped into a file) and writes no ``--out`` file: on
  standard error, one line saying that nothing was planned and why, a blank
  line, then the screening.

When the output cannot be written or the command is interrupted, standard
error gets one line naming the program, never a traceback, and the exit
status is the conventional one:

- 141 (128 + SIGPIPE, what a shell reports for a program killed by it) when
  standard output is a pipe whose reader has stopped reading, as ``head``
  does once it has the lines it wants;
- 74 (``EX_IOERR`` in ``sysexits.h``) when standard output cannot be
  written otherwise: a full disk, or standard output closed;
- 130 (128 + SIGINT) when interrupted, as by Ctrl-C.

``--out FILE`` (of ``plan``, ``exercises`` and ``screen``) writes a
temporary file beside *FILE*, then renames it over *FILE*: a write that
fails (a full disk, a file-size limit) or an interrupt leaves *FILE* as it
was, and no temporary file behind.
"""

from __future__ import annotations

import argparse
import datetime as dt
import enum
import errno
import math
import os
import pathlib
import stat
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from backroutine._builtin import default_catalog
from backroutine._catalog import Catalog
from backroutine._documents import KINDS, MAX_DOCUMENT_BYTES
from backroutine._i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    N_,
    _,
    current_language,
    language_from_environment,
    language_of,
    ngettext,
    speaking,
    speaking_for,
)
from backroutine._json import dumps, json_schema, load_document, loads
from backroutine._markdown import to_markdown
from backroutine._model import MAX_MINUTES, PlanRequest, Routine
from backroutine._plain_words import plain
from backroutine._planner import plan_routine
from backroutine._programme_model import (
    DEFAULT_TIMES,
    DEFAULT_WEEKS,
    MAX_WEEKS,
    ExerciseDone,
    Programme,
    ProgrammeRequest,
    Session,
)
from backroutine._render_text import exercise_list_text, screening_text, to_text
from backroutine._safety import SIGN_WORDS, URGENCY_WORDS, screen, signs_at
from backroutine._spec import read_date
from backroutine._text import join, spelled, word_for
from backroutine._timer_text import timeline_text
from backroutine._timing import timeline
from backroutine._traffic_light import PAIN_SCALE
from backroutine._translation import CatalogTranslation
from backroutine._vocabulary import (
    Bias,
    BodyArea,
    Condition,
    Difficulty,
    Equipment,
    Occasion,
    Position,
    TimeOfDay,
    Urgency,
    WarningSign,
    Weekday,
)
from backroutine.exceptions import (
    BackroutineError,
    InvalidDocumentError,
    InvalidValueError,
    SeekCareError,
)

if TYPE_CHECKING:
    import zoneinfo

    from _typeshed import SupportsWrite

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_BROKEN_PIPE",
    "EXIT_INTERRUPTED",
    "EXIT_IO_ERROR",
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
EXIT_IO_ERROR: Final = 74
"""Standard output cannot be written: a full disk, or it is closed.

``EX_IOERR`` in ``sysexits.h``.
"""
EXIT_INTERRUPTED: Final = 130
"""Interrupted, as by Ctrl-C: 128 + SIGINT, as a shell reports it."""
EXIT_BROKEN_PIPE: Final = 141
"""Standard output is a pipe whose reader has stopped reading.

128 + SIGPIPE: what a shell reports for a program that SIGPIPE killed.
"""

# Translators: on standard error, after "backroutine: ", when warning
# signs stop a routine (or a logged session) with exit status 3; the
# screening, which says what to do, follows.
_NOT_PLANNED: Final = N_("nothing planned: warning signs say to seek care instead")
"""The line on standard error before the screening that stopped ``plan``,
after the program's name: a message, translated where it is written."""

_Run = Callable[[argparse.Namespace], int]
_E = TypeVar("_E", bound=enum.Enum)
_T = TypeVar("_T")


@attrs.frozen(kw_only=True)
class _Command:
    """One subcommand: its name, its help texts, its arguments and its work."""

    name: str
    summary: str
    description: str
    example: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: _Run
    words: bool = True
    """Whether it writes words for people, and so takes ``--lang``."""


class _BadInputError(BackroutineError):
    """Input the command line cannot use, such as a file that does not exist."""


class _UsageError(BackroutineError):
    """Options that cannot go together, or one missing: bad usage (exit 2)."""


class _OutputError(Exception):
    """Standard output cannot be written; the OSError says why, None if closed."""

    def __init__(self, error: OSError | None) -> None:
        super().__init__(error)
        self.error = error


def _write(text: str) -> None:
    """Write *text* to standard output, raising _OutputError if it cannot."""
    # Python sets sys.stdout to None when file descriptor 1 is closed.
    if sys.stdout is None:
        raise _OutputError(None)
    try:
        sys.stdout.write(text)
    except OSError as error:
        raise _OutputError(error) from None


def _flush() -> None:
    """Flush standard output, raising _OutputError if it cannot be written."""
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except OSError as error:
        raise _OutputError(error) from None


def _complain(text: str) -> None:
    """Write *text* to standard error, if it can be written at all."""
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (AttributeError, OSError, ValueError):
        # Standard error is closed or broken: the exit status has to say it.
        pass


# Command-line values: enum values in their JSON spelling or with hyphens
# (``lower-back``), numbers of minutes.  A value that is not one of these is
# bad usage (exit 2), reported by argparse with the usage line.


def _spellings(enum_type: type[enum.Enum]) -> str:
    return ", ".join(spelled(member) for member in enum_type)


def _enum_type(enum_type: type[_E], what: str) -> Callable[[str], _E]:
    """An argparse ``type`` that reads a member of *enum_type*, in any case."""

    def parse(text: str) -> _E:
        try:
            return enum_type(text.replace("-", "_").lower())
        except ValueError:
            msg = f"unknown {what} {text!r}; choose from {_spellings(enum_type)}"
            raise argparse.ArgumentTypeError(msg) from None

    return parse


def _any_case(*choices: str) -> Callable[[str], str]:
    """An argparse ``type`` for an option with *choices*, read in any case.

    Text that is none of them is returned as given, so that argparse's
    message about the choices quotes what was typed.
    """

    def parse(text: str) -> str:
        lowered = text.lower()
        return lowered if lowered in choices else text

    return parse


def _shown(value: object) -> str:
    """*value* as the command line spells it, quoted: 'lower-back', '7.5'."""
    if isinstance(value, enum.Enum):
        text = spelled(value)
    elif isinstance(value, float):
        text = format(value, "g")
    else:
        text = str(value)
    return repr(text)


_GIVEN: Final = "_given_once"
"""Where _Once keeps, in the namespace being parsed, the values it took."""


class _Once(argparse.Action):
    """Store the value of an option that takes one; another value is bad usage.

    argparse keeps the last value of an option given twice, so that ``plan
    --time morning --time bedtime`` would plan for bedtime without a word.
    The same value again is harmless, and taken.
    """

    def __call__(
        self,
        _parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        _option_string: str | None = None,
    ) -> None:
        given: dict[str, object] = vars(namespace).setdefault(_GIVEN, {})
        if self.dest in given and given[self.dest] != values:
            first = _shown(given[self.dest])
            msg = f"takes one value (got {first}, then {_shown(values)})"
            raise argparse.ArgumentError(self, msg)
        given[self.dest] = values
        setattr(namespace, self.dest, values)


def _minutes(text: str) -> float:
    """An argparse ``type`` that reads a finite number, such as 8 or 7.5."""
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        msg = f"expected a number of minutes, such as 8 or 7.5 (got {text!r})"
        raise argparse.ArgumentTypeError(msg)
    return number


def _step(text: str) -> int:
    """An argparse ``type`` that reads a whole number, such as 0 or 3."""
    try:
        return int(text)
    except ValueError:
        msg = f"expected a whole number, such as 0 or 3 (got {text!r})"
        raise argparse.ArgumentTypeError(msg) from None


def _unique(values: Iterable[_T] | None) -> tuple[_T, ...]:
    """*values* without repeats, in the order first given."""
    return tuple(dict.fromkeys(values or ()))


# The subcommands: one function each that does the work, and one that adds
# its arguments where it has any.


# Options that several commands share: the same spellings, the same errors.


def _add_time(
    parser: argparse.ArgumentParser, help_: str, *, required: bool = False
) -> None:
    """``--time``: one time of day, or with *required* False, several."""
    parser.add_argument(
        "--time",
        required=required,
        action=_Once if required else "append",
        type=_enum_type(TimeOfDay, "time of day"),
        metavar="TIME",
        help=f"{help_}: {_spellings(TimeOfDay)}",
    )


def _add_equipment(parser: argparse.ArgumentParser) -> None:
    """``--equipment`` (what is at hand, repeatable) or ``--no-equipment``."""
    at_hand = parser.add_mutually_exclusive_group()
    at_hand.add_argument(
        "--equipment",
        action="append",
        type=_enum_type(Equipment, "equipment"),
        metavar="E",
        help="equipment at hand; repeat for each thing at hand: when given, only "
        f"exercises that need nothing else (default: anything): "
        f"{_spellings(Equipment)}",
    )
    at_hand.add_argument(
        "--no-equipment",
        action="store_true",
        help="only exercises that need no equipment at all",
    )


def _at_hand(args: argparse.Namespace) -> tuple[Equipment, ...] | None:
    """The equipment at hand that ``--equipment`` says; None for anything."""
    if args.no_equipment:
        return ()
    if args.equipment is not None:
        return _unique(args.equipment)
    return None


def _add_max_difficulty(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-difficulty",
        action=_Once,
        type=_enum_type(Difficulty, "difficulty"),
        metavar="D",
        help=f"the most demanding level to include: {_spellings(Difficulty)}",
    )


def _add_format(parser: argparse.ArgumentParser, *choices: str, help_: str) -> None:
    parser.add_argument(
        "--format",
        action=_Once,
        type=_any_case(*choices),
        choices=choices,
        default="text",
        help=help_,
    )


def _add_out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        action=_Once,
        metavar="FILE",
        help="write to FILE instead of standard output, printing nothing else",
    )


_BUILT_IN: Final = "built-in"
"""How ``--catalog`` names the built-in exercises."""


def _add_catalog(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--catalog",
        action="append",
        metavar="FILE",
        help="a catalog JSON document to take the exercises from, such as "
        f"import free-exercise-db writes, or {_BUILT_IN} for the built-in "
        "exercises; repeat to take them from several, which must not share "
        "an id (default: the built-in exercises)",
    )


def _catalog_of(args: argparse.Namespace) -> Catalog | None:
    """The catalog ``--catalog`` names, or None for the built-in one.

    Several are one catalog of all their exercises, in the order given.
    """
    if args.catalog is None:
        return None
    found: dict[str, str] = {}
    exercises = []
    for source in _unique(args.catalog):
        catalog = (
            default_catalog(current_language())
            if source == _BUILT_IN
            else _in_language(loads(_read(source), Catalog), source)
        )
        for exercise in catalog:
            if exercise.id in found:
                msg = (
                    f"--catalog: the exercise {exercise.id!r} is in both "
                    f"{found[exercise.id]} and {source}"
                )
                raise _BadInputError(msg)
            found[exercise.id] = source
            exercises.append(exercise)
    return Catalog(exercises)


def _in_language(catalog: Catalog, source: str) -> Catalog:
    """*catalog*, read from *source*, in the current language where it has one.

    An app's catalog ``my.json`` has its words in Spanish beside it, in
    ``my.es.json``, a ``catalog_translation`` document; without one, its
    exercises keep their own words.
    """
    language = current_language()
    if language == DEFAULT_LANGUAGE or source == "-":
        return catalog
    path = pathlib.Path(source)
    beside = path.with_name(f"{path.name.removesuffix('.json')}.{language}.json")
    if not beside.is_file():
        return catalog
    translation = loads(_read(str(beside)), CatalogTranslation)
    if language_of(translation.language) != language:
        msg = (
            f"{beside}: must be the {language!r} translation of {source} "
            f"(it says {translation.language!r})"
        )
        raise _BadInputError(msg)
    try:
        return catalog.translated(translation)
    except InvalidDocumentError as error:
        problems = [f"{beside}: {problem}" for problem in error.problems]
        raise InvalidDocumentError(problems, kind=error.kind) from None


def _language(value: str) -> str:
    """The language ``--lang`` names, or a usage error saying which there are."""
    try:
        return language_of(value)
    except ValueError:
        msg = f"unknown language {value!r}; choose from {', '.join(LANGUAGES)}"
        raise argparse.ArgumentTypeError(msg) from None


def _add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        type=_language,
        metavar="LANG",
        help=f"the language to write in: {', '.join(LANGUAGES)} (default: the "
        "language of the document read, else LANGUAGE, LC_ALL, LC_MESSAGES "
        "or LANG, else en)",
    )


_MARKDOWN_HELP: Final = (
    "markdown: a printable handout, as to_markdown writes it (CommonMark)"
)

_NO_MATCH: Final = "no exercise matches"
_ANY_OF: Final = "repeat for any of several"
"""How the help of a filter of exercises says that its values accumulate."""


def _exercises_arguments(parser: argparse.ArgumentParser) -> None:
    add = parser.add_argument
    add(
        "--target",
        action="append",
        type=_enum_type(BodyArea, "body area"),
        metavar="AREA",
        help="only exercises that work this area or one of its parts; "
        f"{_ANY_OF}: {_spellings(BodyArea)}",
    )
    _add_time(parser, f"only exercises that suit this time of day; {_ANY_OF}")
    add(
        "--occasion",
        action="append",
        type=_enum_type(Occasion, "occasion"),
        metavar="O",
        help=f"only exercises that suit this occasion; {_ANY_OF}: "
        f"{_spellings(Occasion)}",
    )
    add(
        "--position",
        action="append",
        type=_enum_type(Position, "position"),
        metavar="P",
        help=f"only exercises done in this position; {_ANY_OF}: {_spellings(Position)}",
    )
    add(
        "--bias",
        action="append",
        type=_enum_type(Bias, "bias"),
        metavar="B",
        help=f"only exercises with this spinal bias; {_ANY_OF}: {_spellings(Bias)}",
    )
    _add_equipment(parser)
    _add_max_difficulty(parser)
    _add_format(
        parser,
        "text",
        "json",
        help_="text for a person (default); json: the exercises listed, as a "
        "catalog document, as dumps(catalog, indent=2) writes it",
    )
    _add_out(parser)


def _selected(args: argparse.Namespace) -> Catalog:
    """The built-in exercises that the filters of ``exercises`` select.

    An exercise is selected when it matches every option given, and for an
    option given more than once, any of its values.
    """
    catalog = default_catalog(current_language()).select(
        equipment=_at_hand(args), max_difficulty=args.max_difficulty
    )
    for alternatives in (
        [catalog.select(target=area) for area in _unique(args.target)],
        [catalog.select(time_of_day=time) for time in _unique(args.time)],
        [catalog.select(occasion=occasion) for occasion in _unique(args.occasion)],
        [catalog.select(position=position) for position in _unique(args.position)],
        [catalog.select(bias=bias) for bias in _unique(args.bias)],
    ):
        if alternatives:
            ids = {exercise.id for selected in alternatives for exercise in selected}
            catalog = _within(catalog, ids)
    return catalog


def _within(catalog: Catalog, ids: set[str]) -> Catalog:
    """The exercises of *catalog* with these *ids*, linked only among themselves.

    As :meth:`Catalog.select` does, an exercise keeps only the harder
    versions the listing holds: a catalog refuses a link to an id it lacks.
    """
    return Catalog(
        attrs.evolve(exercise, harder=[i for i in exercise.harder if i in ids])
        for exercise in catalog
        if exercise.id in ids
    )


def _filters(args: argparse.Namespace) -> list[str]:
    """The filters of ``exercises`` given, as options, each value once."""
    given: list[str] = []
    for option, values in (
        ("--target", args.target),
        ("--time", args.time),
        ("--occasion", args.occasion),
        ("--position", args.position),
        ("--bias", args.bias),
        ("--equipment", args.equipment),
    ):
        given += (f"{option} {spelled(value)}" for value in _unique(values))
    if args.no_equipment:
        given.append("--no-equipment")
    if args.max_difficulty is not None:
        given.append(f"--max-difficulty {spelled(args.max_difficulty)}")
    return given


def _exercises(args: argparse.Namespace) -> int:
    catalog = _selected(args)
    if not catalog.exercises:
        # Translators: on standard error, after "backroutine: error: ", when
        # the filters of the exercises command select no exercise; {options}
        # are the filters as typed, such as "--target hips --time bedtime".
        message = _("no exercise matches {options}")
        raise _BadInputError(message.format(options=" ".join(_filters(args))))
    if args.format == "json":
        text = dumps(catalog, indent=2) + "\n"
    else:
        text = exercise_list_text(catalog)
    _output(text, args.out)
    return EXIT_OK


def _show_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "exercise_id", metavar="ID", help="the exercise's id, as listed by exercises"
    )
    _add_format(
        parser,
        "text",
        "markdown",
        help_=f"text for a person to read on screen (default), or {_MARKDOWN_HELP}",
    )


def _show(args: argparse.Namespace) -> int:
    exercise = default_catalog(current_language())[args.exercise_id]
    render = to_markdown if args.format == "markdown" else to_text
    _write(render(exercise))
    return EXIT_OK


def _plan_arguments(parser: argparse.ArgumentParser) -> None:
    _add_time(parser, "when the routine is for", required=True)
    _request_arguments(parser, occasion=True)
    _add_catalog(parser)
    _add_format(
        parser,
        "text",
        "json",
        "markdown",
        help_="text for a person (default); json: the routine document, "
        "as dumps(routine, indent=2) writes it, to save or to time; or "
        + _MARKDOWN_HELP,
    )
    _add_out(parser)


def _request_arguments(parser: argparse.ArgumentParser, *, occasion: bool) -> None:
    """The options of a plan request, but its time of day: areas, minutes..."""
    add = parser.add_argument
    add(
        "--target",
        action="append",
        type=_enum_type(BodyArea, "body area"),
        metavar="AREA",
        help="a body area to work, with its parts; repeat for more "
        f"(default: lower-back): {_spellings(BodyArea)}",
    )
    add(
        "--minutes",
        action=_Once,
        type=_minutes,
        default=10,
        metavar="N",
        help=f"the time budget in minutes, above 0 and at most {MAX_MINUTES} "
        "(default: 10)",
    )
    add(
        "--progression",
        action=_Once,
        type=_step,
        default=0,
        metavar="STEP",
        help="the step of progression to dose each exercise at: 0, a first "
        "session (default), then each step a longer hold, then more "
        "repetitions, then more sets, within each exercise's guidance",
    )
    if not occasion:
        _person_arguments(parser)
        return
    add(
        "--occasion",
        action=_Once,
        type=_enum_type(Occasion, "occasion"),
        metavar="O",
        help="a situation the routine is for; exercises that suit it qualify "
        f"as well as those that suit the time: {_spellings(Occasion)}",
    )
    _person_arguments(parser)


def _person_arguments(parser: argparse.ArgumentParser) -> None:
    """What to leave out, what is at hand, and the person's health."""
    add = parser.add_argument
    add(
        "--avoid-position",
        action="append",
        type=_enum_type(Position, "position"),
        metavar="P",
        help=f"leave out a position; repeatable: {_spellings(Position)}",
    )
    add(
        "--avoid-bias",
        action="append",
        type=_enum_type(Bias, "bias"),
        metavar="B",
        help=f"leave out a spinal bias; repeatable: {_spellings(Bias)}",
    )
    add(
        "--exclude",
        action="append",
        metavar="ID",
        help="leave out an exercise, by its id as listed by exercises; repeatable",
    )
    _add_equipment(parser)
    _add_max_difficulty(parser)
    add(
        "--condition",
        action="append",
        type=_enum_type(Condition, "condition"),
        metavar="C",
        help="a health condition you have; exercises its safety rules advise "
        "against are left out, and the routine's notes say which and why; "
        f"repeatable: {_spellings(Condition)}",
    )
    add(
        "--sign",
        action="append",
        type=_enum_type(WarningSign, "warning sign"),
        metavar="S",
        help=f"a warning sign you have; repeatable: {_spellings(WarningSign)}. "
        "With a sign that says to see a professional, the routine is planned "
        "and that advice comes first; with an urgent or emergency sign nothing "
        "is planned, the screening goes to standard error and the exit status "
        "is 3 (what each sign means: backroutine screen --help)",
    )


# The command line's names for PlanRequest's fields, for its error messages.
_PLAN_OPTIONS: Final = {
    "time_of_day": "--time",
    "targets": "--target",
    "minutes": "--minutes",
    "occasion": "--occasion",
    "avoid_positions": "--avoid-position",
    "avoid_biases": "--avoid-bias",
    "exclude": "--exclude",
    "equipment": "--equipment",
    "max_difficulty": "--max-difficulty",
    "conditions": "--condition",
    "warning_signs": "--sign",
    "progression": "--progression",
}


def _plan_request(
    args: argparse.Namespace, time_of_day: TimeOfDay | None = None
) -> PlanRequest:
    """The plan request of *args*, for *time_of_day* if not ``--time``."""
    targets: dict[str, Any] = (
        {} if args.target is None else {"targets": _unique(args.target)}
    )
    try:
        return PlanRequest(
            time_of_day=args.time if time_of_day is None else time_of_day,
            minutes=args.minutes,
            occasion=getattr(args, "occasion", None),
            avoid_positions=_unique(args.avoid_position),
            avoid_biases=_unique(args.avoid_bias),
            exclude=_unique(args.exclude),
            equipment=_at_hand(args),
            max_difficulty=args.max_difficulty,
            conditions=_unique(args.condition),
            warning_signs=_unique(args.sign),
            progression=args.progression,
            **targets,
        )
    except InvalidValueError as error:
        field = error.field.partition("[")[0]
        option = _PLAN_OPTIONS.get(field, field)
        raise _BadInputError(f"{option} {error.problem}") from None


def _output(text: str, out: str | None) -> None:
    """Write *text* to the file *out*, or to standard output if None."""
    if out is None:
        _write(text)
        return
    _save(out, text)


def _save(out: str, data: str | bytes) -> None:
    """Write *data* to the file *out*, or say in one line why it cannot."""
    try:
        _write_file(out, data)
    except OSError as error:
        reason = _reason(error, missing="its directory does not exist")
        raise _BadInputError(f"cannot write {out!r}: {reason}") from None


def _write_file(path: str, text: str | bytes) -> None:
    """Replace the file *path* with *text*, all at once or not at all.

    Text is written as UTF-8, bytes as they are.

    The text goes to a temporary file in the same directory, which then
    takes the place of *path*: a failed write, or an interrupt, leaves
    *path* as it was, and the temporary file is removed.
    """
    import tempfile  # noqa: PLC0415 (slow to import, as pathlib; --out only)
    from pathlib import Path  # noqa: PLC0415

    data = text.encode("utf-8") if isinstance(text, str) else text
    given = Path(path)
    try:
        mode: int | None = given.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        # A device or a named pipe, such as /dev/stdout, is written to, never
        # replaced; open() refuses a directory, as it should.
        with given.open("wb") as file:
            file.write(data)
        return
    # Through a symbolic link, to the file it names, as open() would write.
    target = given.resolve()
    handle, name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        # mkstemp makes the file private: give it the mode the file had, or
        # the one open() gives a new file.
        temporary.chmod(_new_file_mode() if mode is None else stat.S_IMODE(mode))
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _new_file_mode() -> int:
    """The mode open() gives a new file: read and write for all, less the umask."""
    # The umask can only be read by setting it: set it back at once.
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _plan(args: argparse.Namespace) -> int:
    catalog = _catalog_of(args)
    _output_routine(plan_routine(_plan_request(args), catalog), args, catalog)
    return EXIT_OK


def _output_routine(
    routine: Routine, args: argparse.Namespace, catalog: Catalog | None
) -> None:
    """*routine* in ``--format`` to ``--out``: its versions from *catalog*."""
    if args.format == "json":
        text = dumps(routine, indent=2) + "\n"
    elif args.format == "markdown":
        text = to_markdown(routine, catalog=catalog, language=args.lang)
    else:
        text = to_text(routine, catalog=catalog, language=args.lang)
    _output(text, args.out)


def _timeline_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        metavar="FILE",
        help="a routine JSON document, such as plan --format json writes, "
        "or - for standard input",
    )


def _reason(error: OSError, *, missing: str) -> str:
    """Why an operation on a file failed, in words; *missing* if not found."""
    if isinstance(error, FileNotFoundError):
        return missing
    if isinstance(error, IsADirectoryError):
        return "it is a directory, not a file"
    if isinstance(error, PermissionError):
        return "permission denied"
    return error.strerror or str(error)


def _read(source: str) -> bytes:
    """The bytes of the file *source*, or of standard input for ``-``.

    At most one byte more than the largest document the library reads: a
    larger input is refused as too large without reading it all.
    """
    most = MAX_DOCUMENT_BYTES + 1
    if source == "-":
        return sys.stdin.buffer.read(most)
    try:
        with open(source, "rb") as file:  # noqa: PTH123 (pathlib is slow to import)
            return file.read(most)
    except OSError as error:
        reason = _reason(error, missing="the file does not exist")
        raise _BadInputError(f"cannot read {source!r}: {reason}") from None


def _timeline(args: argparse.Namespace) -> int:
    routine = loads(_read(args.file), Routine)
    personal = routine.conditions is not None
    cues = timeline(routine, language=args.lang)
    with speaking_for(args.lang, routine.language):
        _write(timeline_text(cues, personal=personal))
    return EXIT_OK


def _screen_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sign",
        action="append",
        type=_enum_type(WarningSign, "warning sign"),
        metavar="S",
        help="a warning sign you have; repeatable (default: none): "
        f"{_spellings(WarningSign)}",
    )
    _add_format(
        parser,
        "text",
        "json",
        help_="text for a person (default); json: the screening document, "
        "as dumps(screening, indent=2) writes it; the exit status is the same",
    )
    _add_out(parser)


def _screen(args: argparse.Namespace) -> int:
    screening = screen(_unique(args.sign))
    if args.format == "json":
        text = dumps(screening, indent=2) + "\n"
    else:
        text = screening_text(screening)
    _output(text, args.out)
    return EXIT_SEEK_CARE if screening.stops_exercise else EXIT_OK


def _signs_by_urgency() -> str:
    """Every warning sign, spelled for the command line, grouped by urgency."""
    width = max(len(spelled(sign)) for sign in WarningSign) + 2
    hang = " " * (4 + width)
    lines: list[str] = []
    for urgency in sorted(Urgency, key=lambda u: -u.level):
        signs = signs_at(urgency)
        if not signs:
            continue
        words = URGENCY_WORDS[urgency]
        status = EXIT_SEEK_CARE if screen(signs).stops_exercise else EXIT_OK
        lines += ["", f"  {words.name} ({words.in_short}; exit status {status}):"]
        for sign in signs:
            lines += textwrap.wrap(
                SIGN_WORDS[sign],
                width=80,
                initial_indent=f"    {spelled(sign):<{width}}",
                subsequent_indent=hang,
                break_on_hyphens=False,
            )
    return "\n".join(lines)


def _validate_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        metavar="FILE",
        help="a JSON document of any kind, or - for standard input",
    )


def _validate(args: argparse.Namespace) -> int:
    # The reader loads on first use, and cattrs only if the document is invalid.
    from backroutine._converter import load_document  # noqa: PLC0415

    load_document(_read(args.file))
    _write("ok\n")
    return EXIT_OK


def _kind_spellings() -> str:
    return ", ".join(kind.replace("_", "-") for kind in sorted(KINDS))


def _kind(text: str) -> str:
    """An argparse ``type`` that reads a kind of document, such as routine."""
    kind = text.replace("-", "_").lower()
    if kind not in KINDS:
        msg = f"unknown kind {text!r}; choose from {_kind_spellings()}"
        raise argparse.ArgumentTypeError(msg)
    return kind


def _schema_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "kind",
        metavar="KIND",
        type=_kind,
        help=f"the kind of document: {_kind_spellings()}",
    )


def _schema(args: argparse.Namespace) -> int:
    schema = json_schema(args.kind)
    import json  # noqa: PLC0415 (only this command needs it)

    _write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


# -- programmes ------------------------------------------------------------------


def _date(text: str) -> dt.date:
    """An argparse ``type`` that reads a date written YYYY-MM-DD."""
    day = read_date(text)
    if day is None:
        msg = f"expected a date written YYYY-MM-DD, such as 2026-12-07 (got {text!r})"
        raise argparse.ArgumentTypeError(msg)
    return day


def _pain(text: str) -> int:
    """An argparse ``type`` that reads a pain score from 0 to 10."""
    score = int(text) if text.isascii() and text.isdigit() else -1
    if not PAIN_SCALE.low <= score <= PAIN_SCALE.high:
        msg = f"expected a pain score, a whole number from 0 to 10 (got {text!r})"
        raise argparse.ArgumentTypeError(msg)
    return score


def _programme_arguments(parser: argparse.ArgumentParser) -> None:
    add = parser.add_argument
    parser.add_argument(
        "--time",
        required=True,
        action="append",
        type=_enum_type(TimeOfDay, "time of day"),
        metavar="TIME",
        help="a time of day for a routine, each day; repeat for more, such as "
        f"--time morning --time bedtime: {_spellings(TimeOfDay)}",
    )
    add(
        "--weeks",
        action=_Once,
        type=_step,
        default=DEFAULT_WEEKS,
        metavar="N",
        help=f"how many weeks, from 1 to {MAX_WEEKS} (default: {DEFAULT_WEEKS})",
    )
    add(
        "--days-per-week",
        action=_Once,
        type=_step,
        default=7,
        metavar="N",
        help="on how many days a week, spread out: 7 is every day (default), "
        "3 is Monday, Wednesday and Friday",
    )
    add(
        "--start",
        action=_Once,
        type=_date,
        metavar="YYYY-MM-DD",
        help="the programme's first day (default: the day of its first session)",
    )
    _request_arguments(parser, occasion=False)
    _add_catalog(parser)
    _add_format(
        parser,
        "text",
        "json",
        "markdown",
        help_="text for a person (default); json: the programme document, "
        "which the log, next, adherence and calendar commands read; or "
        "markdown: a printable handout of every routine and the schedule",
    )
    _add_out(parser)


def _programme(args: argparse.Namespace) -> int:
    try:
        days = Weekday.spread(args.days_per_week)
    except ValueError:
        msg = f"--days-per-week must be from 1 to 7 (got {args.days_per_week})"
        raise _BadInputError(msg) from None
    slots = [_plan_request(args, time) for time in _unique(args.time)]
    try:
        request = ProgrammeRequest(
            slots=slots, weeks=args.weeks, days=days, start=args.start
        )
    except InvalidValueError as error:
        raise _BadInputError(f"--{error.field} {error.problem}") from None
    from backroutine._programme import plan_programme  # noqa: PLC0415 (the programme commands only: kept off start-up)
    from backroutine._programme_handout import (  # noqa: PLC0415 (the programme commands only: kept off start-up)
        programme_markdown,
        programme_text,
    )

    catalog = _catalog_of(args)
    programme = plan_programme(request, catalog)
    if args.format == "json":
        text = dumps(programme, indent=2) + "\n"
    else:
        text = (
            programme_markdown(programme, catalog=catalog)
            if args.format == "markdown"
            else programme_text(programme, catalog=catalog)
        )
    _output(text, args.out)
    return EXIT_OK


def _add_programme_and_log(
    parser: argparse.ArgumentParser, *, log_help: str, date_required: bool = True
) -> None:
    parser.add_argument(
        "programme",
        metavar="PROGRAMME",
        help="a programme JSON document, as programme --format json writes it",
    )
    parser.add_argument(
        "--log", required=True, action=_Once, metavar="FILE.jsonl", help=log_help
    )
    parser.add_argument(
        "--date",
        required=date_required,
        action=_Once,
        type=_date,
        metavar="YYYY-MM-DD",
        help="the day, where the person is"
        + ("" if date_required else " (required without --session)"),
    )


def _log_arguments(parser: argparse.ArgumentParser) -> None:
    _add_programme_and_log(
        parser,
        log_help="the log to add the session to, one session a line; made if "
        "it does not exist; earlier lines are never rewritten",
        date_required=False,
    )
    _add_catalog(parser)
    add = parser.add_argument
    add(
        "--slot",
        action=_Once,
        metavar="SLOT",
        help="the routine done, by its slot: morning, bedtime... "
        "(required without --session)",
    )
    add(
        "--pain",
        action=_Once,
        type=_pain,
        metavar="N",
        help="the pain during or straight after, 0 (none) to 10 (the worst "
        "imaginable) (required without --session)",
    )
    add(
        "--next-morning",
        action=_Once,
        type=_pain,
        metavar="N",
        help="the pain the next morning, 0 to 10, if known; to add it later, "
        "log the session again with it",
    )
    add(
        "--sign",
        action="append",
        type=_enum_type(WarningSign, "warning sign"),
        metavar="S",
        help=f"a warning sign you had; repeatable: {_spellings(WarningSign)}",
    )
    add("--note", action=_Once, metavar="TEXT", help="anything else to record")
    add(
        "--session",
        action=_Once,
        metavar="FILE.json",
        help="a session document to add as it is, instead of the routine "
        "done as prescribed",
    )


def _read_programme(path: str) -> Programme:
    return loads(_read(path), Programme)


def _read_log(path: str, *, missing_ok: bool = False) -> tuple[Session, ...]:
    from backroutine._log import read_log  # noqa: PLC0415 (the programme commands only: kept off start-up)

    try:
        return read_log(path)
    except FileNotFoundError:
        if missing_ok:
            return ()
        raise _BadInputError(f"cannot read {path!r}: the file does not exist") from None
    except OSError as error:
        reason = _reason(error, missing="the file does not exist")
        raise _BadInputError(f"cannot read {path!r}: {reason}") from None


_SESSION_PARTS: Final = ("date", "slot", "pain", "next_morning", "sign", "note")
"""The options that make up a session, which --session gives whole instead."""


def _log(args: argparse.Namespace) -> int:
    programme = _read_programme(args.programme)
    sessions = _read_log(args.log, missing_ok=True)
    catalog = _catalog_of(args)
    if args.session is not None:
        given = [
            "--" + name.replace("_", "-")
            for name in _SESSION_PARTS
            if vars(args)[name] is not None
        ]
        if given:
            msg = f"--session gives the whole session: leave out {', '.join(given)}"
            raise _UsageError(msg)
        session = loads(_read(args.session), Session)
        where = args.session
    else:
        missing = [
            f"--{name}" for name in ("date", "slot", "pain") if vars(args)[name] is None
        ]
        if missing:
            msg = f"{' and '.join(missing)} required, unless --session gives it all"
            raise _UsageError(msg)
        session = _done_as_prescribed(programme, sessions, args, catalog)
        where = None
    _check_new(programme, sessions, session, where=where, catalog=catalog)
    from backroutine._log import append_session  # noqa: PLC0415 (the programme commands only: kept off start-up)

    try:
        append_session(args.log, session)
    except OSError as error:
        reason = _reason(error, missing="its directory does not exist")
        raise _BadInputError(f"cannot write {args.log!r}: {reason}") from None
    # In the programme's language, unless --lang says another.
    with speaking_for(args.lang, programme.language):
        screening = screen(session.warning_signs)
        if screening.stops_exercise:
            raise SeekCareError(screening)
        # Translators: said once a session is added to the log; {slot} is the
        # programme's id of the routine, as typed after --slot ("morning",
        # "bedtime"), which stays as it is; {date} is the day, as YYYY-MM-DD.
        logged = _("logged the {slot} session of {date}")
        day = session.date.isoformat()
        _write(logged.format(slot=session.slot, date=day) + "\n")
    return EXIT_OK


def _done_as_prescribed(
    programme: Programme,
    sessions: Sequence[Session],
    args: argparse.Namespace,
    catalog: Catalog | None,
) -> Session:
    """The session of ``--slot`` on ``--date``, done as it was prescribed.

    A session logged again (to add the next morning's pain) was done as the
    first record of it says; else, as :func:`next_session` gives it, from
    the log without that day's record of the slot.
    """
    before = [s for s in sessions if (s.date, s.slot) == (args.date, args.slot)]
    if before:
        exercises = [
            ExerciseDone(exercise=done.exercise, sets=done.sets, pain=args.pain)
            for done in before[0].exercises
        ]
    else:
        prescribed = _next_routine(programme, sessions, args, catalog)
        exercises = [
            ExerciseDone(exercise=step.exercise.id, sets=step.sets, pain=args.pain)
            for step in prescribed.steps
        ]
    return Session(
        programme=programme.id,
        slot=args.slot,
        date=args.date,
        exercises=exercises,
        next_morning=args.next_morning,
        warning_signs=_unique(args.sign),
        note=args.note,
    )


def _check_new(
    programme: Programme,
    sessions: Sequence[Session],
    session: Session,
    *,
    where: str | None,
    catalog: Catalog | None,
) -> None:
    """Refuse a log that is not *programme*'s, or a *session* that would not be.

    The log's problems name its lines (``session 3``); the new session's,
    *where* it came from, or ``the session``.
    """
    from backroutine._programme import check_log  # noqa: PLC0415 (the programme commands only: kept off start-up)

    check_log(programme, sessions, catalog)
    try:
        check_log(programme, [session], catalog)
    except InvalidDocumentError as error:
        name = where or "the session"
        problems = [p.replace("session 1: ", f"{name}: ", 1) for p in error.problems]
        raise InvalidDocumentError(problems, kind="session") from None


def _next_arguments(parser: argparse.ArgumentParser) -> None:
    _add_programme_and_log(
        parser,
        log_help="the programme's log, one session a line; a log not yet made "
        "has no sessions, and gives the first session",
    )
    _add_catalog(parser)
    parser.add_argument(
        "--slot",
        action=_Once,
        metavar="SLOT",
        help="the routine to give, by its slot (default: the first not yet "
        "logged that day)",
    )
    _add_format(
        parser,
        "text",
        "json",
        "markdown",
        help_="text for a person (default); json: the routine document; or "
        + _MARKDOWN_HELP,
    )
    _add_out(parser)


def _next_routine(
    programme: Programme,
    sessions: Sequence[Session],
    args: argparse.Namespace,
    catalog: Catalog | None,
) -> Routine:
    """The routine :func:`next_session` gives, for ``--date`` and ``--slot``."""
    from backroutine._programme import next_session  # noqa: PLC0415 (the programme commands only: kept off start-up)

    try:
        return next_session(
            programme,
            sessions,
            on=args.date,
            slot=args.slot,
            catalog=catalog,
            language=args.lang,
        )
    except InvalidValueError as error:
        raise _BadInputError(f"--{error.field} {error.problem}") from None


def _next(args: argparse.Namespace) -> int:
    programme = _read_programme(args.programme)
    sessions = _read_log(args.log, missing_ok=True)
    catalog = _catalog_of(args)
    _output_routine(_next_routine(programme, sessions, args, catalog), args, catalog)
    return EXIT_OK


# -- the calendar: a programme as an iCalendar file ------------------------------


def _slot_time(text: str) -> tuple[str, dt.time]:
    """An argparse ``type`` that reads ``SLOT=HH:MM``, such as morning=06:45."""
    slot, _, clock = text.partition("=")
    hours, colon, minutes = clock.partition(":")
    digits = hours + minutes
    if (
        not slot
        or not colon
        or (len(hours), len(minutes)) != (2, 2)
        or not (digits.isascii() and digits.isdigit())
        or int(hours) > 23
        or int(minutes) > 59
    ):
        msg = f"expected SLOT=HH:MM, such as morning=06:45 (got {text!r})"
        raise argparse.ArgumentTypeError(msg)
    return slot.lower().replace("_", "-"), dt.time(int(hours), int(minutes))


def _zone(text: str) -> zoneinfo.ZoneInfo:
    """An argparse ``type`` that reads a time zone, such as Europe/London."""
    import zoneinfo  # noqa: PLC0415 (the calendar command only: kept off start-up)

    try:
        return zoneinfo.ZoneInfo(text)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        msg = f"unknown time zone {text!r}; give one such as Europe/London"
        raise argparse.ArgumentTypeError(msg) from None


def _calendar_arguments(parser: argparse.ArgumentParser) -> None:
    # Help is English whatever language is spoken: join() and plain() speak it.
    with speaking(DEFAULT_LANGUAGE):
        default_times = join(
            (f"{time:%H:%M} {plain(when)}" for when, time in DEFAULT_TIMES.items()),
            word="or",
        )
    add = parser.add_argument
    add("file", metavar="PROGRAMME", help="a programme JSON document, or -")
    add("--out", action=_Once, required=True, metavar="FILE", help="the .ics file")
    add(
        "--at",
        action="append",
        type=_slot_time,
        metavar="SLOT=HH:MM",
        help="the clock time of a slot, such as morning=06:45; repeatable "
        f"(default: {default_times}, by its time of day)",
    )
    add(
        "--start",
        action=_Once,
        type=_date,
        metavar="YYYY-MM-DD",
        help="the first day, for a programme that has no start of its own",
    )
    add(
        "--tz",
        action=_Once,
        type=_zone,
        metavar="ZONE",
        help="the time zone of the times, such as Europe/London "
        "(default: floating times, the same clock time wherever you are)",
    )


def _calendar(args: argparse.Namespace) -> int:
    try:
        from backroutine.ical import to_ical  # noqa: PLC0415 (an optional extra)
    except ImportError as error:
        raise _BadInputError(str(error)) from None
    programme = _read_programme(args.file)
    at: dict[str, dt.time] = {}
    known = [slot.id for slot in programme.slots]
    for slot, time in args.at or ():
        if slot not in known:
            msg = (
                f"--at: the programme has no slot {slot!r} (it has {', '.join(known)})"
            )
            raise _BadInputError(msg)
        if at.setdefault(slot, time) != time:
            raise _UsageError(f"argument --at: two times for the slot {slot!r}")
    if programme.start is None and args.start is None:
        msg = "the programme has no start date: give its first day with --start"
        raise _BadInputError(msg)
    try:
        data = to_ical(
            programme, at=at, start=args.start, tz=args.tz, language=args.lang
        )
    except InvalidValueError as error:  # a --start other than the programme's
        raise _BadInputError(f"--start {error.problem}") from None
    _output(data.decode("utf-8"), args.out)
    return EXIT_OK


# -- adherence: a programme's log against its schedule ----------------------------


def _adherence_arguments(parser: argparse.ArgumentParser) -> None:
    _add_programme_and_log(
        parser,
        log_help="the programme's log of sessions: JSON Lines, one session a line",
    )
    _add_catalog(parser)
    _add_format(
        parser,
        "text",
        "json",
        "markdown",
        help_="text: a short summary (default); json: the weeks and exercises as "
        "plain JSON (not a document of the JSON format); markdown: the "
        "programme's handout with how it went, as programme_markdown writes it",
    )
    _add_out(parser)


def _adherence(args: argparse.Namespace) -> int:
    import orjson  # noqa: PLC0415 (this command only)

    from backroutine._adherence import adherence, as_plain  # noqa: PLC0415
    from backroutine._programme_handout import (  # noqa: PLC0415
        adherence_text,
        programme_markdown,
    )

    programme = _read_programme(args.programme)
    sessions = _read_log(args.log)
    catalog = _catalog_of(args)
    if args.format == "markdown":
        text = programme_markdown(
            programme, sessions, until=args.date, catalog=catalog, language=args.lang
        )
    else:
        summary = adherence(programme, sessions, until=args.date, catalog=catalog)
        if args.format == "json":
            data = orjson.dumps(as_plain(summary), option=orjson.OPT_INDENT_2)
            text = data.decode("utf-8") + "\n"
        else:
            text = adherence_text(programme, summary, language=args.lang)
    _output(text, args.out)
    return EXIT_OK


# -- adapters: the formats other systems read, and an open data set ----------------

_EXPORTS: Final = ("fhir", "fit")


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    add = parser.add_argument
    add(
        "--format",
        required=True,
        action=_Once,
        type=_any_case(*_EXPORTS),
        choices=_EXPORTS,
        help="fhir: a FHIR R4 Bundle (JSON) of a CarePlan and a ServiceRequest "
        "per exercise, for a routine or a programme; fit: a FIT workout file, "
        "for a routine",
    )
    add(
        "file",
        metavar="ROUTINE_OR_PROGRAMME",
        help="a routine or programme JSON document, or - for standard input",
    )
    add("--out", required=True, action=_Once, metavar="FILE", help="the file to write")
    add(
        "--subject",
        action=_Once,
        metavar="REFERENCE",
        help="fhir only: the person the plan is for, as a FHIR reference such as "
        "Patient/123 (default: a reference that names no one)",
    )


def _export(args: argparse.Namespace) -> int:
    value = load_document(_read(args.file))
    if not isinstance(value, (Routine, Programme)):
        kind = type(value).__name__
        msg = f"{args.file}: is a {kind} document: give a routine or a programme"
        raise _BadInputError(msg)
    if args.format == "fhir":
        try:
            from backroutine.fhir import to_json  # noqa: PLC0415 (an optional extra)
        except ImportError as error:
            raise _BadInputError(str(error)) from None
        _save(args.out, to_json(value, subject=args.subject, language=args.lang))
        return EXIT_OK
    if args.subject is not None:
        raise _UsageError("--subject is for --format fhir only")
    if not isinstance(value, Routine):
        msg = (
            f"{args.file}: a FIT workout is one routine: give a routine, such as "
            "next --format json writes for a session of the programme"
        )
        raise _BadInputError(msg)
    try:
        from backroutine.fit import to_fit  # noqa: PLC0415 (an optional extra)
    except ImportError as error:
        raise _BadInputError(str(error)) from None
    _save(args.out, to_fit(value, language=args.lang))
    return EXIT_OK


_SOURCES: Final = ("free-exercise-db",)


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    add = parser.add_argument
    add(
        "source",
        metavar="SOURCE",
        type=_any_case(*_SOURCES),
        choices=_SOURCES,
        help="the data set: free-exercise-db (its exercises.json)",
    )
    add("file", metavar="FILE", help="the data set's file, or - for standard input")
    add(
        "--out",
        required=True,
        action=_Once,
        metavar="FILE",
        help="the catalog JSON document to write, which plan and programme "
        "read with --catalog",
    )
    add(
        "--report",
        action=_Once,
        metavar="FILE",
        help="also write every exercise not read fully, with its reasons, to FILE",
    )


def _import(args: argparse.Namespace) -> int:
    from backroutine.free_exercise_db import import_catalog  # noqa: PLC0415

    # Beside the built-in exercises (--catalog built-in --catalog FILE),
    # whose own, checked for every condition, win.
    reserved = [exercise.id for exercise in default_catalog()]
    try:
        if args.file == "-":
            import json  # noqa: PLC0415 (this command only)

            source: Any = json.loads(sys.stdin.buffer.read())
        else:
            source = args.file
        imported = import_catalog(source, reserved=reserved)
    except OSError as error:
        reason = _reason(error, missing="the file does not exist")
        raise _BadInputError(f"cannot read {args.file!r}: {reason}") from None
    except (TypeError, ValueError) as error:
        where = "standard input" if args.file == "-" else args.file
        raise _BadInputError(f"{where}: {error}") from None
    for out in (args.out, args.report):
        if out is not None and not os.path.isdir(os.path.dirname(out) or "."):  # noqa: PTH112, PTH120 (pathlib is slow to import)
            raise _BadInputError(f"cannot write {out!r}: its directory does not exist")
    _save(args.out, dumps(imported.catalog, indent=2) + "\n")
    skipped = sum(not unread.imported for unread in imported.unread)
    defaults = sum(unread.imported for unread in imported.unread)
    count = len(imported.catalog)
    # Translators: the first line "backroutine import" prints; {file} is the
    # catalog file written, {dosed} how many of the exercises (any number, 0
    # included) had a dose read from their instructions, not a default one.
    summary = ngettext(
        "imported {count} exercise into {file}, {dosed} with a dose read from "
        "their instructions",
        "imported {count} exercises into {file}, {dosed} with a dose read from "
        "their instructions",
        count,
    )
    # Translators: the second line "backroutine import" prints; {skipped} and
    # {defaults} are numbers of exercises of the data set (0 included).
    not_imported = _(
        "not imported: {skipped}; imported with defaults for what could not "
        "be read: {defaults}"
    )
    lines = [
        summary.format(count=count, file=args.out, dosed=len(imported.dosed)),
        not_imported.format(skipped=skipped, defaults=defaults),
    ]
    if imported.unmapped_muscles:
        # Translators: {muscles} are the data set's own names of muscles,
        # in English, separated by commas.
        muscles = _("muscles with no body area: {muscles}")
        lines.append(muscles.format(muscles=", ".join(imported.unmapped_muscles)))
    if args.report is not None:
        report = [
            f"{unread.source_id}: {'imported, ' if unread.imported else 'left out, '}"
            + "; ".join(unread.reasons)
            for unread in imported.unread
        ]
        _save(args.report, "\n".join(report) + "\n")
        # Translators: the last line "backroutine import" prints; {file} is
        # the report written: every exercise not read fully, with its reasons.
        report_line = _("every one, with its reasons: {file}")
        lines.append(report_line.format(file=args.report))
    _write("\n".join(lines) + "\n")
    return EXIT_OK


_COMMANDS: Final = (
    _Command(
        name="exercises",
        summary="list the built-in exercises, or those that match filters",
        description=(
            "List the built-in exercises: id, name, position, targets and dose,\n"
            "or with --format json as a catalog document.\n"
            "The filters narrow the list to the exercises that match every\n"
            "option given, and for an option given more than once, any of its\n"
            "values: --position supine --position prone lists the exercises\n"
            "done in either position.  Values are spelled as in JSON or with\n"
            "hyphens, in any case: lower-back, lower_back or Lower-Back.\n"
            f"If none matches, nothing is listed, standard error says\n"
            f"{_NO_MATCH!r} with the filters, and the exit status is 1."
        ),
        example="backroutine exercises --target hips --time bedtime",
        add_arguments=_exercises_arguments,
        run=_exercises,
    ),
    _Command(
        name="show",
        summary="show one exercise in full",
        description=(
            "Show one exercise in full: what it is, when it suits, how much,\n"
            "how to do it step by step, why it helps and what to watch for;\n"
            "as text, or with --format markdown as a handout to print."
        ),
        example="backroutine show spine-press-up --format markdown",
        add_arguments=_show_arguments,
        run=_show,
    ),
    _Command(
        name="plan",
        summary="plan a routine for a time of day, areas and minutes",
        description=(
            "Plan a routine for a time of day, target areas and a time budget,\n"
            "and print it for a person to follow, as text or as a Markdown\n"
            "handout to print (or as JSON, to save and time).\n"
            "Values are spelled as in JSON or with hyphens, in any case:\n"
            "lower-back, lower_back or Lower-Back.  Repeated options add up;\n"
            "an option that takes one value, such as --time, may not be given\n"
            "twice with different values.\n"
            "\n"
            "With --sign, an urgent or emergency warning sign stops planning:\n"
            "nothing is printed to standard output and no --out file is\n"
            "written; standard error says that nothing was planned, then\n"
            "gives the screening in full (as backroutine screen prints it),\n"
            "and the exit status is 3."
        ),
        example="backroutine plan --time bedtime --target lower-back --minutes 8",
        add_arguments=_plan_arguments,
        run=_plan,
    ),
    _Command(
        name="timeline",
        summary="print a routine's timer cues, one a line",
        description=(
            "Print the cues a guided timer gives for a routine, one a line, each\n"
            "after the time it starts at (mm:ss from the start).  Before the\n"
            "first cue: the seek-help box with the emergency signs, and the\n"
            "advice to read before starting; under the cue that starts each\n"
            "exercise, its cautions for the routine's person.  Save a routine\n"
            "with: backroutine plan ... --format json --out routine.json"
        ),
        example="backroutine timeline routine.json",
        add_arguments=_timeline_arguments,
        run=_timeline,
    ),
    _Command(
        name="screen",
        summary="say whether warning signs call for care instead of exercise",
        description=(
            "Screen warning signs that back pain may need care rather than\n"
            "exercise, and print what to do: how urgent it is, every sign given\n"
            "grouped by urgency, most urgent first, each group with what to do,\n"
            "and advice to act on.  This does not diagnose.\n"
            "The screening goes to standard output, as text or with --format\n"
            "json as its document.  Exit status 0: gentle exercise is fine\n"
            "(no signs, or see a professional); 3: seek care instead of\n"
            "exercising (urgent or emergency), in either format.  Without\n"
            "--sign, it prints the screening for no warning signs.\n"
            "\n"
            "signs, most urgent first:" + _signs_by_urgency()
        ),
        example="backroutine screen --sign pain-below-knee --sign fever",
        add_arguments=_screen_arguments,
        run=_screen,
    ),
    _Command(
        name="validate",
        summary="check a JSON document of any kind",
        description=(
            "Check a JSON document of any kind (a routine, exercise, catalog,\n"
            "plan request or screening, as its kind field says) as strictly as\n"
            "the library reads it.  Print ok and exit 0 if it is valid; otherwise\n"
            "print each problem with its path to standard error, one a line, and\n"
            "exit 1."
        ),
        example="backroutine validate routine.json",
        add_arguments=_validate_arguments,
        run=_validate,
        words=False,
    ),
    _Command(
        name="schema",
        summary="print the JSON Schema of a kind of document",
        description=(
            "Print the JSON Schema (draft 2020-12) of a kind of document, the\n"
            "same text as the file schemas/KIND.schema.json, for apps in other\n"
            "languages to check documents with.  KIND is spelled as in JSON or\n"
            "with hyphens: plan_request or plan-request."
        ),
        example="backroutine schema routine",
        add_arguments=_schema_arguments,
        run=_schema,
        words=False,
    ),
    _Command(
        name="programme",
        summary="plan a programme over weeks: routines a day, days a week",
        description=(
            "Plan a home exercise programme: a routine for each --time, on\n"
            "--days-per-week days a week, for --weeks weeks, each routine\n"
            "planned as plan plans it, with the same options.  Save it with\n"
            "--format json to log sessions and get the next one."
        ),
        example=(
            "backroutine programme --time morning --time bedtime --minutes 8 --weeks 4"
        ),
        add_arguments=_programme_arguments,
        run=_programme,
    ),
    _Command(
        name="log",
        summary="add a session to a programme's log",
        description=(
            "Add a session to a programme's log (JSON Lines, one session a\n"
            "line), appending it and never rewriting what is there.  With\n"
            "--slot and --pain, the slot's routine was done as next would have\n"
            "given it that day, with that pain; --session adds a full record.\n"
            "A warning sign that says to seek care is logged, then the\n"
            "screening goes to standard error and the exit status is 3."
        ),
        example=(
            "backroutine log programme.json --log log.jsonl --date 2026-12-07 \\\n"
            "      --slot bedtime --pain 2"
        ),
        add_arguments=_log_arguments,
        run=_log,
    ),
    _Command(
        name="next",
        summary="print the next session of a programme, dosed from its log",
        description=(
            "Print the routine to do next on --date, each exercise dosed by the\n"
            "pain traffic light from the log: green, a step up; amber, the\n"
            "same; red, a step back or the easier version.  Each change is\n"
            "said in the exercise's note.  A warning sign in the log that says\n"
            "to seek care prints the screening to standard error instead, with\n"
            "exit status 3."
        ),
        example=("backroutine next programme.json --log log.jsonl --date 2026-12-08"),
        add_arguments=_next_arguments,
        run=_next,
    ),
    _Command(
        name="adherence",
        summary="sum up a programme's sessions done, due and missed",
        description=(
            "Read a programme and its log of sessions, and sum up how closely\n"
            "it was followed up to --date: each week's sessions done and due,\n"
            "and the sessions missed; as text, as the programme's Markdown\n"
            "handout with a How it went section and a chart of pain, or as\n"
            "plain JSON.  A session logged again for the same slot and day\n"
            "counts once.  A log that is not the programme's is bad input,\n"
            "each problem on a line naming the session (its line in the log)."
        ),
        example=(
            "backroutine adherence programme.json --log log.jsonl --date 2026-12-20"
        ),
        add_arguments=_adherence_arguments,
        run=_adherence,
    ),
    _Command(
        name="calendar",
        summary="write a programme as an iCalendar file",
        description=(
            "Write a programme (a JSON document of kind programme) as an\n"
            "iCalendar file to import into a calendar app: one event for each\n"
            "slot, repeating weekly on the programme's days until its last day,\n"
            "at the slot's clock time, with its exercises and the seek-help box."
        ),
        example="backroutine calendar programme.json --out programme.ics",
        add_arguments=_calendar_arguments,
        run=_calendar,
    ),
    _Command(
        name="export",
        summary="write a routine or programme as FHIR or as a FIT workout",
        description=(
            "Write a routine or a programme in a format other systems read:\n"
            "--format fhir, a FHIR R4 Bundle for clinical systems (a routine or\n"
            "a programme; the fhir extra); --format fit, a FIT workout file for\n"
            "watches (a routine; the fit extra)."
        ),
        example="backroutine export --format fit routine.json --out routine.fit",
        add_arguments=_export_arguments,
        run=_export,
    ),
    _Command(
        name="import",
        summary="read an open data set of exercises into a catalog",
        description=(
            "Read an open data set of exercises into a catalog document, which\n"
            "plan and programme read with --catalog, and say what could not be\n"
            "read.  SOURCE: free-exercise-db, its exercises.json.  An imported\n"
            "exercise's movements are not known: it is never planned for a\n"
            "person with a condition."
        ),
        example=(
            "backroutine import free-exercise-db exercises.json --out catalog.json"
        ),
        add_arguments=_import_arguments,
        run=_import,
    ),
)


def _version() -> str:
    from importlib import metadata  # noqa: PLC0415 (slow to import; --version only)

    try:
        return metadata.version("backroutine")
    except metadata.PackageNotFoundError:
        # Run from a source tree that was never installed.
        return "(version unknown: not installed)"


class _VersionAction(argparse.Action):
    """``--version``, looked up only when asked for."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        _namespace: argparse.Namespace,
        _values: object,
        _option_string: str | None = None,
    ) -> None:
        _write(f"{PROG} {_version()}\n")
        parser.exit()


def _examples(*commands: str) -> str:
    label = f"{word_for(len(commands), 'example')}:"
    return "\n  ".join([label, *commands])


def _command_list() -> str:
    # Listed by hand rather than by argparse, which before Python 3.13
    # misaligns the help of subcommand names longer than its options; the
    # usage line is written by hand because the list is hidden from argparse.
    width = max(len(command.name) for command in _COMMANDS)
    lines = [f"  {command.name:<{width}}  {command.summary}" for command in _COMMANDS]
    return "\n".join(["commands:", *lines])


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions as written; option help wrapped, never inside a word.

    argparse breaks lines at hyphens, splitting values such as
    ``side-lying`` that must be typed whole.
    """

    def _split_lines(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)


class _ArgumentParser(argparse.ArgumentParser):
    """Help on standard output goes through :func:`_write`.

    argparse itself ignores a failure to write the help, and the failure
    would come back as a traceback when Python flushes standard output.
    """

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        if file is None:
            _write(self.format_help())
        else:
            super().print_help(file)


def _parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(
        prog=PROG,
        usage="%(prog)s [-h] [--version] COMMAND ...",
        description="Gentle exercise routines for the lower back.\n\n"
        + _command_list(),
        epilog=_examples(*(command.example for command in _COMMANDS)),
        formatter_class=_HelpFormatter,
    )
    parser.add_argument(
        "--version",
        action=_VersionAction,
        nargs=0,
        help="show the version and exit",
    )
    subparsers = parser.add_subparsers(metavar="COMMAND", help=argparse.SUPPRESS)
    for command in _COMMANDS:
        subparser = subparsers.add_parser(
            command.name,
            prog=f"{PROG} {command.name}",
            description=command.description,
            epilog=_examples(command.example),
            formatter_class=_HelpFormatter,
        )
        command.add_arguments(subparser)
        if command.words:
            _add_lang(subparser)
        subparser.set_defaults(run=command.run, command=command.name, lang=None)
    return parser


def _error_lines(error: BackroutineError) -> list[str]:
    """One line per problem, each naming the program."""
    if isinstance(error, InvalidDocumentError) and len(error.problems) > 1:
        what = f"invalid {error.kind} document" if error.kind else "invalid document"
        problems = [f"{what}: {problem}" for problem in error.problems]
    else:
        problems = [str(error)]
    return [f"{PROG}: error: {problem}\n" for problem in problems]


def _output_error_line(error: OSError | None) -> str:
    """The line that says why standard output cannot be written."""
    if error is None or error.errno == errno.EBADF:
        reason = "it is closed"
    elif isinstance(error, BrokenPipeError):
        reason = "the pipe was closed by the program reading it"
    else:
        reason = error.strerror or str(error)
    return f"{PROG}: error: cannot write to standard output: {reason}\n"


def _silence_stdout() -> None:
    """Send what is left in standard output's buffer to the null device.

    Python flushes standard output at exit: the write that just failed would
    fail again there, and print "Exception ignored ..." (as the Python
    documentation's note on SIGPIPE explains).
    """
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # closed, or not a file (such as a test's capture)
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, descriptor)
    finally:
        os.close(null)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status.

    Args:
        argv: The arguments after the program's name; None for
            ``sys.argv[1:]``.

    Returns:
        0 on success, 1 for bad input, 2 for bad usage, 3 when a screening
        says to seek care; 141 when standard output is a pipe that was
        closed, 74 when it cannot be written otherwise, and 130 when
        interrupted.  Usable as ``sys.exit(main())``.
    """
    try:
        status = _run(argv)
        _flush()
    except KeyboardInterrupt:
        _complain(f"{PROG}: interrupted\n")
        return EXIT_INTERRUPTED
    except _OutputError as failure:
        _silence_stdout()
        _complain(_output_error_line(failure.error))
        if isinstance(failure.error, BrokenPipeError):
            return EXIT_BROKEN_PIPE
        return EXIT_IO_ERROR
    return status


def _run(argv: Sequence[str] | None) -> int:
    """Parse *argv* and run its command; the exit status, as main returns it."""
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
    with speaking(args.lang or language_from_environment()):
        return _run_command(run, args)


def _run_command(run: _Run, args: argparse.Namespace) -> int:
    """Run a parsed command; the exit status, as main returns it."""
    try:
        return run(args)
    except SeekCareError as error:
        # In the screening's language: a programme's, when it says to stop.
        with speaking(error.screening.language):
            _complain(f"{PROG}: {_(_NOT_PLANNED)}\n\n{screening_text(error.screening)}")
        return EXIT_SEEK_CARE
    except _UsageError as error:
        _complain(f"{PROG} {args.command}: error: {error}\n")
        return EXIT_USAGE
    except BackroutineError as error:
        _complain("".join(_error_lines(error)))
        return EXIT_BAD_INPUT
