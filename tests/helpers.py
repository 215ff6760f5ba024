"""Pieces that several test modules share.

Import them as ``from tests.helpers import ...``: ``tests`` is a package, so
this works under pytest's default import mode and under
``--import-mode=importlib`` alike.
"""

import copy
import datetime as dt
import functools
import gettext
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
from hypothesis import settings
from hypothesis import strategies as st

from backroutine import (
    Bias,
    BodyArea,
    Caution,
    Condition,
    Dosage,
    Equipment,
    Exercise,
    ExerciseSet,
    Hold,
    Laterality,
    PlanRequest,
    Position,
    Programme,
    ProgrammeRequest,
    Routine,
    RoutineStep,
    Span,
    TimeOfDay,
    Urgency,
    Weekday,
    default_catalog,
    plan_programme,
    plan_routine,
    unstructure,
)
from backroutine._advice import GENERAL_ADVICE
from backroutine._signs import SEEK_HELP, SIGN_WORDS, URGENCY_WORDS, signs_at

# Values, exercises and routines.


def make_exercise(**changes: Any) -> Exercise:
    """A valid cat-cow exercise, with the fields in *changes* replaced."""
    fields: dict[str, Any] = {
        "id": "cat-cow",
        "name": "Cat-cow",
        "summary": "Round and arch the back on hands and knees.",
        "instructions": ["Kneel on all fours.", "Round your back.", "Arch it."],
        "position": Position.QUADRUPED,
        "targets": [BodyArea.LOWER_BACK],
        "bias": Bias.MIXED,
        "times": [TimeOfDay.MORNING],
        "dosage": Dosage(sets=Span.exactly(1), reps=Span(5, 10)),
    }
    fields.update(changes)
    return Exercise(**fields)


def make_routine(*steps: RoutineStep, **changes: Any) -> Routine:
    """A valid routine of *steps*, with the fields in *changes* replaced.

    Without steps, it has one step: five reps of :func:`make_exercise`.
    """
    fields: dict[str, Any] = {
        "name": "Morning",
        "steps": steps
        or [RoutineStep(exercise=make_exercise(), sets=[ExerciseSet(reps=5)])],
    }
    fields.update(changes)
    return Routine(**fields)


def planned(**request: Any) -> Routine:
    """The routine the library plans for a request with the fields *request*.

    By default the request is for 8 minutes at bedtime.
    """
    fields: dict[str, Any] = {"time_of_day": TimeOfDay.BEDTIME, "minutes": 8}
    fields.update(request)
    return plan_routine(PlanRequest(**fields))


def desk_break() -> Routine:
    """A routine of two held sets of the built-in press-up, with a note."""
    catalog = default_catalog()
    return Routine(
        name="Desk break",
        steps=[
            RoutineStep(
                exercise=catalog["spine-press-up"],
                sets=[
                    ExerciseSet(reps=8, hold=Hold(3)),
                    ExerciseSet(reps=8, hold=Hold(3)),
                ],
                note="Counters sitting.",
            )
        ],
    )


# Values to render, hand-built or with cautions of the tests' own, so that
# the expected texts do not change whenever the catalog's wording does.

ROTATION = attrs.evolve(default_catalog()["supine-lower-trunk-rotation"], cautions=())
STENOSIS_CAUTION = Caution(
    about="spinal stenosis",
    advice="Bending backwards may bring on your symptoms: ask a professional "
    "before you do this exercise.",
    conditions=[Condition.SPINAL_STENOSIS],
)
SPREADING_CAUTION = Caution(
    about="pain spreading down a leg", advice="Stop the exercise."
)
PRESS_UP = attrs.evolve(
    default_catalog()["spine-press-up"],
    cautions=[STENOSIS_CAUTION, SPREADING_CAUTION],
)


def alternating(reps: int, hold: int) -> ExerciseSet:
    """A set of *reps* alternating sides, each rep held *hold* seconds."""
    return ExerciseSet(reps=reps, hold=Hold(hold), laterality=Laterality.ALTERNATING)


def small_routine() -> Routine:
    """A two-step bedtime routine: alike sets, then sets that differ."""
    return Routine(
        name="Before bed",
        time_of_day=TimeOfDay.BEDTIME,
        targets=[BodyArea.LOWER_BACK],
        steps=[
            RoutineStep(
                exercise=ROTATION,
                sets=[alternating(8, 12)],
                note="Eases the lower back before sleep.",
            ),
            RoutineStep(
                exercise=PRESS_UP,
                sets=[
                    ExerciseSet(reps=10, hold=Hold(5), rest_after_seconds=30),
                    ExerciseSet(reps=8, hold=Hold(3)),
                ],
            ),
        ],
        notes=["Go gently."],
        safety=["Stop if it hurts."],
    )


KNEE_ROCK = Exercise(
    id="knee-rock",
    name="Knee rock",
    summary="Rock your bent knees gently from side to side.",
    instructions=[
        "Lie on your back with your knees bent.",
        (
            "Let your knees sway slowly to one side, then the other, as far as "
            "is comfortable and no further."
        ),
    ],
    position=Position.SUPINE,
    targets=[BodyArea.LOWER_BACK, BodyArea.OBLIQUES],
    bias=Bias.ROTATION,
    times=[TimeOfDay.EVENING, TimeOfDay.BEDTIME],
    dosage=Dosage(
        sets=Span(1, 2),
        reps=Span(8, 10),
        hold_seconds=Span(3, 5),
        laterality=Laterality.EACH_SIDE,
        rest_seconds=30,
    ),
    benefits=["Loosens the lower back."],
    cues=["Keep both shoulders on the floor."],
    cautions=[Caution(about="sore hips", advice="Rock only a little way.")],
    equipment=[Equipment.MAT],
)


GOLDEN_REQUEST = PlanRequest(
    time_of_day=TimeOfDay.BEDTIME,
    targets=(BodyArea.LOWER_BACK,),
    minutes=8,
    conditions=(Condition.DISC_HERNIATION,),
)
"""The request of the golden handouts in other languages: a planned routine,
whose notes, safety advice and cautions are all in the language."""


def golden_plan(language: str) -> Routine:
    """The routine of the golden handouts in *language*: planned in it."""
    return plan_routine(GOLDEN_REQUEST, language=language)


def golden_routine() -> Routine:
    """The routine of the golden handouts: built by hand, never planned.

    A bedtime routine of built-in exercises, all lying on the back: a pelvic
    tilt to start gently, then the single knee-to-chest stretch before the
    double (a chain of easier and harder versions), then the lower trunk
    rotation; with the advice every planned routine carries, and no
    conditions, so that only the cautions anyone may need are shown.
    """
    catalog = default_catalog()
    return Routine(
        name="Bedtime stretches for the lower back",
        time_of_day=TimeOfDay.BEDTIME,
        targets=[BodyArea.LOWER_BACK],
        steps=[
            RoutineStep(
                exercise=catalog["supine-posterior-pelvic-tilt"],
                sets=[ExerciseSet(reps=10, hold=Hold(3))],
                note="A small, gentle movement to start: it wakes up the "
                "muscles that steady your lower back.",
            ),
            RoutineStep(
                exercise=catalog["single-knee-to-chest"],
                sets=[
                    ExerciseSet(reps=2, hold=Hold(20), laterality=Laterality.EACH_SIDE)
                ],
                note="One leg at a time first, to ease into the stretch.",
            ),
            RoutineStep(
                exercise=catalog["double-knee-to-chest"],
                sets=[ExerciseSet(reps=5, hold=Hold(10))],
                note="Both knees together stretch the whole lower back.",
            ),
            RoutineStep(
                exercise=catalog["supine-lower-trunk-rotation"],
                sets=[
                    ExerciseSet(
                        reps=8, hold=Hold(10), laterality=Laterality.ALTERNATING
                    )
                ],
                note="A gentle twist to finish, before you sleep.",
            ),
        ],
        notes=["A first session: each exercise starts at the low end of its guidance."],
        safety=[*GENERAL_ADVICE, SEEK_HELP],
        conditions=[],
    )


# Cautions for one person: the exercise has cautions about two conditions,
# listed before and after one about no condition.

OSTEOPOROSIS_CAUTION = Caution(
    about="osteoporosis",
    advice="Lower your knees only part of the way.",
    conditions=[Condition.OSTEOPOROSIS],
)
PREGNANCY_CAUTION = Caution(
    about="pregnancy",
    advice="After the first trimester, do this lying on your side.",
    conditions=[Condition.PREGNANCY],
)
TWIST = attrs.evolve(
    ROTATION, cautions=[PREGNANCY_CAUTION, SPREADING_CAUTION, OSTEOPOROSIS_CAUTION]
)


def twist_routine(*conditions: Condition) -> Routine:
    """:data:`TWIST`, then :data:`PRESS_UP`, for a person with *conditions*."""
    return Routine(
        name="Twist and press",
        steps=[
            RoutineStep(exercise=TWIST, sets=[alternating(2, 5)]),
            RoutineStep(exercise=PRESS_UP, sets=[ExerciseSet(reps=2)]),
        ],
        conditions=conditions,
    )


# Where a handout says how to get down to the floor and back up: lying,
# kneeling, or on hands and knees (not sitting on a chair, nor standing).
FLOOR = frozenset(Position) - {Position.SEATED, Position.STANDING}


def on_the_floor(value: Routine | Exercise) -> bool:
    """Whether a step of *value* (or the exercise itself) is on the floor."""
    exercises = value.exercises if isinstance(value, Routine) else (value,)
    return any(exercise.position in FLOOR for exercise in exercises)


def emergency_words() -> list[str]:
    """Each emergency sign in words, as a person reads it in the seek-help box."""
    return [SIGN_WORDS[sign] for sign in signs_at(Urgency.EMERGENCY)]


def one_line(text: str) -> str:
    """*text* with its line breaks and runs of spaces made single spaces."""
    return " ".join(text.split())


def tiers_shown(text: str) -> list[tuple[str, list[str], str]]:
    """Each tier a screening's text shows: its heading, signs and what to do.

    In the order shown; a sign or advice wrapped over lines is one string.
    """
    headings = {f"{words.name.capitalize()}:" for words in URGENCY_WORDS.values()}
    tiers: list[tuple[str, list[str], str]] = []
    for block in text.split("\n\n"):
        heading, *lines = block.splitlines()
        if heading not in headings:
            continue
        signs: list[str] = []
        advice: list[str] = []
        for line in lines:
            if line.startswith("  - "):
                signs.append(line[4:])
            elif line.startswith("    "):
                signs[-1] += f" {line.strip()}"
            else:
                advice.append(line)
        tiers.append((heading, signs, " ".join(advice)))
    return tiers


# Documents as Python data, and ways to break them.


def document() -> dict[str, Any]:
    """A valid routine document (of :func:`desk_break`) as fresh, mutable data."""
    return copy.deepcopy(unstructure(desk_break()))


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
    max_leaves=20,
)


def mutated(document: Any, data: st.DataObject) -> Any:
    """The document with one value somewhere replaced by an arbitrary one."""
    if isinstance(document, dict) and document:
        key = data.draw(st.sampled_from(sorted(document)))
    elif isinstance(document, list) and document:
        key = data.draw(st.integers(0, len(document) - 1))
    else:
        return data.draw(JSON_VALUES)
    if data.draw(st.booleans()):
        document[key] = data.draw(JSON_VALUES)
    else:
        document[key] = mutated(document[key], data)
    return document


def _set(path: tuple[str | int, ...], value: object) -> Any:
    def change(doc: Any) -> None:
        for key in path[:-1]:
            doc = doc[key]
        doc[path[-1]] = value

    return change


def _pop(path: tuple[str | int, ...]) -> Any:
    def change(doc: Any) -> None:
        for key in path[:-1]:
            doc = doc[key]
        del doc[path[-1]]

    return change


# The strictness table: documents the loader and the schema both refuse.

SET1 = ("steps", 0, "sets", 1)
EXERCISE = ("steps", 0, "exercise")

# (what is wrong, the change, the problem expected in .problems)
REFUSALS = [
    (
        "an int out of range",
        _set((*SET1, "reps"), 0),
        "$.steps[0].sets[1].reps: must be at least 1 (got 0)",
    ),
    (
        "a float for an int",
        _set((*SET1, "reps"), 5.7),
        "$.steps[0].sets[1].reps: must be an integer (got 5.7)",
    ),
    (
        "a whole float for an int",
        _set((*SET1, "reps"), 5.0),
        "$.steps[0].sets[1].reps: must be an integer (got 5.0)",
    ),
    (
        "a string for an int",
        _set((*SET1, "reps"), "5"),
        "$.steps[0].sets[1].reps: must be an integer (got '5')",
    ),
    (
        "a bool for an int",
        _set((*SET1, "reps"), True),
        "$.steps[0].sets[1].reps: must be an integer (got True)",
    ),
    (
        "null for an int",
        _set((*SET1, "reps"), None),
        "$.steps[0].sets[1].reps: must be an integer (got None)",
    ),
    ("an int for a string", _set(("name",), 5), "$.name: must be a string (got 5)"),
    (
        "a bool for a string",
        _set(("name",), False),
        "$.name: must be a string (got False)",
    ),
    ("a blank string", _set(("name",), " "), "$.name: must not be blank (got ' ')"),
    (
        "a string for an array",
        _set((*EXERCISE, "instructions"), "abc"),
        "$.steps[0].exercise.instructions: must be an array (got 'abc')",
    ),
    (
        "an object for an array",
        _set((*EXERCISE, "instructions"), {"a": 1}),
        "$.steps[0].exercise.instructions: must be an array (got {'a': 1})",
    ),
    (
        "an array for an object",
        _set((*SET1, "hold"), [3]),
        "$.steps[0].sets[1].hold: must be an object (got [3])",
    ),
    (
        "a number for an object",
        _set((*SET1, "hold"), 3),
        "$.steps[0].sets[1].hold: must be an object (got 3)",
    ),
    (
        "'false' for an enum",
        _set((*EXERCISE, "position"), "false"),
        "$.steps[0].exercise.position: must be one of 'supine', 'prone', 'side_lying', 'quadruped', 'kneeling', 'half_kneeling', 'seated', 'standing' (got 'false')",
    ),
    (
        "an unknown enum value",
        _set(("time_of_day",), "noon"),
        "$.time_of_day: must be one of 'morning', 'midday', 'evening', 'bedtime' (got 'noon')",
    ),
    (
        "an enum name for its value",
        _set(("time_of_day",), "MORNING"),
        "$.time_of_day: must be one of 'morning', 'midday', 'evening', 'bedtime' (got 'MORNING')",
    ),
    (
        "a number for an enum",
        _set((*SET1, "laterality"), 1),
        "$.steps[0].sets[1].laterality: must be one of 'bilateral', 'alternating', 'each_side', 'left', 'right' (got 1)",
    ),
    (
        "an unknown key at the top",
        _set(("colour",), "red"),
        "$.colour: is not a known field (known: name, time_of_day, targets, steps, notes, safety, conditions, frequency, language)",
    ),
    (
        "an unknown key in a step",
        _set(("steps", 0, "colour"), "red"),
        "$.steps[0].colour: is not a known field (known: exercise, sets, note)",
    ),
    (
        "an unknown key in a set",
        _set((*SET1, "weight"), 5),
        "$.steps[0].sets[1].weight: is not a known field (known: reps, hold, laterality, rest_after_seconds)",
    ),
    (
        "an unknown key in a span",
        _set((*EXERCISE, "dosage", "reps", "mid"), 9),
        "$.steps[0].exercise.dosage.reps.mid: is not a known field (known: low, high)",
    ),
    (
        "an odd unknown key",
        _set(("a b",), 1),
        '$["a b"]: is not a known field (known: name, time_of_day, targets, steps, notes, safety, conditions, frequency, language)',
    ),
    ("a missing required field", _pop(("name",)), "$.name: is required"),
    (
        "a missing nested field",
        _pop((*SET1, "reps")),
        "$.steps[0].sets[1].reps: is required",
    ),
    (
        "a span upside down",
        _set((*EXERCISE, "dosage", "reps"), {"low": 10, "high": 8}),
        "$.steps[0].exercise.dosage.reps.high: must be at least the low end, 10 (got 8)",
    ),
    (
        "a hold of a week",
        _set((*SET1, "hold", "seconds"), 604_800),
        "$.steps[0].sets[1].hold.seconds: must be at most 600 (got 604800)",
    ),
    (
        "a million reps",
        _set((*SET1, "reps"), 1_000_000),
        "$.steps[0].sets[1].reps: must be at most 100 (got 1000000)",
    ),
    (
        "a repeated target",
        _set((*EXERCISE, "targets"), ["lumbar_spine", "lumbar_spine"]),
        "$.steps[0].exercise.targets[1]: must not repeat an item (got 'lumbar_spine' again)",
    ),
    (
        "a bad slug",
        _set((*EXERCISE, "id"), "Spine Press-Up"),
        "$.steps[0].exercise.id: must be lower-case letters and digits in words joined by single hyphens, such as 'spine-press-up' (got 'Spine Press-Up')",
    ),
    ("no steps", _set(("steps",), []), "$.steps: must hold at least 1 item (got 0)"),
    (
        "the wrong kind",
        _set(("kind",), "exercise"),
        "$.kind: must be 'routine' (got 'exercise')",
    ),
    ("no kind", _pop(("kind",)), "$.kind: is required"),
    ("no version", _pop(("version",)), "$.version: is required"),
    (
        "a string version",
        _set(("version",), "1"),
        "$.version: must be an integer (got '1')",
    ),
    ("version zero", _set(("version",), 0), "$.version: must be at least 1 (got 0)"),
]


# Subprocesses.


def run_command(
    command: Sequence[str],
    *,
    input: str | None = None,  # noqa: A002 (as subprocess.run names it)
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """Run *command* and capture what it writes, as UTF-8 text.

    It runs in this process's environment with ``COLUMNS=80`` (so that help
    text wraps the same everywhere) and *env* added on top.  Its exit status
    is not checked: callers assert on it.
    """
    return subprocess.run(
        command,
        input=input,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "COLUMNS": "80", **(env or {})},
        cwd=cwd,
        timeout=timeout,
        check=False,
    )


def run_python(
    *args: str,
    input: str | None = None,  # noqa: A002 (as subprocess.run names it)
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """Run ``sys.executable`` with *args*, as :func:`run_command` does."""
    return run_command(
        [sys.executable, *args], input=input, env=env, cwd=cwd, timeout=timeout
    )


def run_python_bytes(
    *args: str,
    input: bytes | None = None,  # noqa: A002 (as subprocess.run names it)
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[bytes]:
    """Run this Python with *args* as :func:`run_python` does, keeping bytes."""
    return subprocess.run(
        [sys.executable, *args],
        input=input,
        capture_output=True,
        env={**os.environ, "COLUMNS": "80", **(env or {})},
        cwd=cwd,
        timeout=timeout,
        check=False,
    )


def examples(most: int, *, locally: int | None = None) -> int:
    """A property's budget of examples: *most*, but no more than the profile's.

    A property that is slow to run names the examples CI gives it; a local
    run (the ``dev`` profile, whose budget is smaller) gives it no more than
    any other property, or *locally* if that is fewer still.
    """
    profile = settings.default
    if profile is None or profile.max_examples >= most:
        return most
    return min(most, profile.max_examples, locally or most)


@functools.cache
def morning_and_bedtime(start: dt.date | None = dt.date(2026, 12, 7)) -> Programme:
    """Morning and bedtime, 6 minutes each, 5 days a week, for 4 weeks, from *start*."""
    return plan_programme(
        ProgrammeRequest(
            slots=[
                PlanRequest(time_of_day=TimeOfDay.MORNING, minutes=6),
                PlanRequest(time_of_day=TimeOfDay.BEDTIME, minutes=6),
            ],
            weeks=4,
            days=Weekday.spread(5),
            start=start,
        )
    )


class Marked(gettext.NullTranslations):
    """A catalog that marks every message it gives: ``«message»``.

    Spoken as another language (:func:`speak_catalog`), it shows which text
    came through gettext and which did not, with no real translation.
    """

    def gettext(self, message: str) -> str:
        return f"«{message}»"

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return f"«{msgid1 if n == 1 else msgid2}»"

    def pgettext(self, context: str, message: str) -> str:  # noqa: ARG002 (the message alone is marked)
        return f"«{message}»"


def speak_catalog(monkeypatch: Any, catalog: gettext.NullTranslations) -> None:
    """Give every language but English *catalog*'s messages; English its own."""
    from backroutine import _i18n  # noqa: PLC0415 (kept with its one use)

    english = _i18n.translations(_i18n.DEFAULT_LANGUAGE)

    def translations(language: str) -> gettext.NullTranslations:
        return english if language == _i18n.DEFAULT_LANGUAGE else catalog

    monkeypatch.setattr(_i18n, "translations", translations)
