"""The exceptions backroutine raises.

Every one of them is a :class:`BackroutineError`, so an app can catch the
whole family at once; each also inherits the builtin exception that fits, so
code that expects a :class:`ValueError` or a :class:`LookupError` keeps
working.
"""

from __future__ import annotations

import functools
import reprlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from backroutine._i18n import DEFAULT_LANGUAGE, speaking
from backroutine._text import join, word_for

if TYPE_CHECKING:
    from backroutine._model import Screening

__all__ = [
    "BackroutineError",
    "InvalidDocumentError",
    "InvalidTypeError",
    "InvalidValueError",
    "PlanningError",
    "PlanningReason",
    "SeekCareError",
    "UnknownExerciseError",
    "UnknownLanguageError",
    "UnsupportedVersionError",
]


class BackroutineError(Exception):
    """The root of every exception that backroutine raises on purpose."""


class InvalidValueError(BackroutineError, ValueError):
    """A value class was given a field value that its rules refuse.

    Raised when a value is built, such as ``ExerciseSet(reps=0)``; its
    message names the field, the rule and the value:
    ``'reps' must be at least 1 (got 0)``.

    Attributes:
        field: The field, with an index or sub-field where it helps:
            ``reps``, ``instructions[2]``, ``dosage.reps.low``.
        problem: What is wrong, with the value: ``must be at least 1 (got 0)``.
        rule: The rule broken, as a short name an app can act on:
            ``type``, ``minimum``, ``maximum``, ``blank``, ``max_length``,
            ``surrogate``, ``slug``, ``min_items``, ``max_items``,
            ``unique``, or one that involves more than one field
            (``low_above_high``, ``unique_id``, ``urgency_signs``).
        value: The value refused (the item, for an item of a tuple).
    """

    def __init__(self, field: str, problem: str, *, rule: str, value: object) -> None:
        super().__init__(f"{field!r} {problem}")
        self.field = field
        self.problem = problem
        self.rule = rule
        self.value = value

    def __reduce__(self) -> tuple[Any, ...]:
        rebuild = functools.partial(type(self), rule=self.rule, value=self.value)
        return rebuild, (self.field, self.problem)


class InvalidTypeError(InvalidValueError, TypeError):
    """A value class was given a field value of the wrong type.

    Also a :class:`TypeError`, as Python's own functions raise for a value
    of the wrong type; its ``rule`` is ``type``.
    """


MAX_PROBLEMS_SHOWN: Final = 20
"""The most problems the message of an :class:`InvalidDocumentError` lists."""


class InvalidDocumentError(BackroutineError, ValueError):
    """A JSON document (or its Python form) is not a valid backroutine document.

    Its message lists the first 20 problems and says how many more there
    are; :attr:`problems` holds them all.

    Attributes:
        problems: Every problem found, each as ``path: message``, for example
            ``$.steps[0].sets[1].reps: must be at least 1 (got 0)``.
        kind: The kind of document that was being read, such as
            ``"routine"``, or None when it was not known.
    """

    problems: tuple[str, ...]

    def __reduce__(self) -> tuple[Any, ...]:
        return functools.partial(type(self), kind=self.kind), (self.problems,)

    def __init__(self, problems: Iterable[str], *, kind: str | None = None) -> None:
        self.problems = tuple(problems)
        self.kind = kind
        what = f"{kind} document" if kind else "document"
        count = len(self.problems)
        if count == 1:
            message = f"invalid {what}: {self.problems[0]}"
        else:
            shown = self.problems[:MAX_PROBLEMS_SHOWN]
            lines = [f"  {problem}" for problem in shown]
            if count > len(shown):
                lines.append(f"  and {count - len(shown):,} more")
            message = f"invalid {what}, {count:,} problems:\n" + "\n".join(lines)
        super().__init__(message)


def _short(value: object) -> str:
    """A short repr of *value*, even of an integer too long to print."""
    if type(value) is int and value.bit_length() > 128:
        return f"<an integer of {value.bit_length()} bits>"
    return reprlib.repr(value)


def _versions_text(versions: Sequence[int]) -> str:
    """*versions* in words: ``1``, ``1 and 2``, or ``1 to 5`` for a longer run."""
    if len(versions) > 2 and list(versions) == list(
        range(versions[0], versions[-1] + 1)
    ):
        return f"{versions[0]} to {versions[-1]}"
    with speaking(DEFAULT_LANGUAGE):  # for developers: English, always
        return join(str(version) for version in versions)


class UnsupportedVersionError(InvalidDocumentError):
    """A document declares a format version this library cannot read.

    Attributes:
        version: The version the document declared.
        supported: The versions this library reads.
    """

    def __init__(
        self, version: int, supported: Sequence[int], *, kind: str | None = None
    ) -> None:
        self.version = version
        self.supported = tuple(supported)
        readable = _versions_text(self.supported)
        versions = word_for(len(self.supported), "version")
        problem = (
            f"$.version: this version of backroutine reads format {versions} "
            f"{readable} (got {_short(version)}); upgrade backroutine to read it"
        )
        super().__init__([problem], kind=kind)

    def __reduce__(self) -> tuple[Any, ...]:
        rebuild = functools.partial(type(self), kind=self.kind)
        return rebuild, (self.version, self.supported)


class UnknownExerciseError(BackroutineError, LookupError):
    """An exercise id that the catalog does not hold.

    Attributes:
        exercise_id: The id that was asked for.
        suggestions: The nearest known ids, best first (possibly empty).
    """

    def __init__(self, exercise_id: str, suggestions: Sequence[str] = ()) -> None:
        self.exercise_id = exercise_id
        self.suggestions = tuple(suggestions)
        message = f"unknown exercise id {exercise_id!r}"
        if self.suggestions:
            message += "; did you mean " + " or ".join(map(repr, self.suggestions))
            message += "?"
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (self.exercise_id, self.suggestions)


class UnknownLanguageError(BackroutineError, ValueError):
    """A language backroutine has no words for.

    Raised for a ``language`` argument, or a routine's own language when it
    is rendered, that is not one of ``en``, ``es`` and ``de`` (or a locale
    of one, such as ``es_MX``); the message lists those there are.
    """


class PlanningReason(NamedTuple):
    """One reason a plan request cannot be met: what rules exercises out.

    Attributes:
        constraint: The constraint of the request, in words, such as
            ``the safety rule for pregnancy``.
        reason: Why it rules them out, in words a person can read.
        ruled_out: The ids of the exercises it rules out, in catalog order.
    """

    constraint: str
    reason: str
    ruled_out: tuple[str, ...]


class PlanningError(BackroutineError, ValueError):
    """A plan request that cannot be met; the message says what to relax.

    Attributes:
        reasons: When constraints rule out every suitable exercise, what
            each rules out and why; empty when something else blocks the
            request (no exercise suits the time of day, or none fits in the
            time), which the message says.
    """

    def __init__(self, message: str, *, reasons: Sequence[PlanningReason] = ()) -> None:
        super().__init__(message)
        self.reasons = tuple(reasons)

    def __reduce__(self) -> tuple[Any, ...]:
        return functools.partial(type(self), reasons=self.reasons), (str(self),)

    def to_dict(self) -> dict[str, Any]:
        """The error as a dict of JSON values, for a web back end to send as it is.

        Plain JSON values: ``{"error": "planning_error",
        "message": ..., "reasons": [{"constraint": ..., "reason": ...,
        "ruled_out": [ids]}]}``, the body of a 422 response, say.
        """
        return {
            "error": "planning_error",
            "message": str(self),
            "reasons": [
                {
                    "constraint": reason.constraint,
                    "reason": reason.reason,
                    "ruled_out": list(reason.ruled_out),
                }
                for reason in self.reasons
            ],
        }


class SeekCareError(BackroutineError):
    """Warning signs say to seek care instead of exercising.

    Attributes:
        screening: The screening that says so: every sign, each with its
            urgency and what to do, most urgent first.  It is a document:
            ``backroutine.unstructure(error.screening)`` is its JSON form,
            for a web back end to send as the body of a refusal.
    """

    def __init__(self, screening: Screening) -> None:
        self.screening = screening
        super().__init__(screening.advice)

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (self.screening,)
