"""A routine as a FIT workout file, for a watch.

:func:`to_fit` writes a :class:`~backroutine.Routine` as a FIT workout
(file type ``workout``): a ``file_id`` message, a ``workout`` message and
one ``workout_step`` for each part of the routine, timed by the same model
as :func:`~backroutine.timeline`, so that a watch guides the routine as a
timer would.  See the documentation's page on FIT for what maps to what.

The file is encoded with Garmin's own `FIT SDK for Python
<https://github.com/garmin/fit-python-sdk>`_ (``garmin-fit-sdk``, which has
an ``Encoder`` as well as a ``Decoder``): install the ``fit`` extra, ``pip
install 'backroutine[fit]'``.

Annotations here are evaluated, not postponed, as in
:mod:`backroutine.ical`.
"""

import hashlib
from typing import Any, Final

from backroutine._i18n import _, pgettext, speaking_for
from backroutine._model import Exercise, ExerciseSet, Routine, RoutineStep
from backroutine._timing import ONE_WORD_SECONDS, SIDES, Pace, lead_in_seconds
from backroutine._vocabulary import Laterality
from backroutine.exceptions import InvalidValueError

try:
    import garmin_fit_sdk
except ImportError as error:  # pragma: no cover (the extra is in the tests)
    msg = (
        "backroutine.fit needs the garmin-fit-sdk library: "
        "pip install 'backroutine[fit]'"
    )
    raise ImportError(msg, name=error.name) from error

__all__ = ["EXERCISES", "MAX_STRING_BYTES", "MAX_WORKOUT_STEPS", "to_fit"]

MAX_WORKOUT_STEPS: Final = 4096
"""The most ``workout_step`` messages a file can hold.

A step's ``message_index`` keeps its number in 12 bits (the profile's
``message_index`` mask, ``0x0FFF``), and a repeat step names the first step
it repeats by that number.
"""

MAX_STRING_BYTES: Final = 254
"""The most bytes of UTF-8 text in a FIT string field.

A field's size is one byte in a FIT definition message, so a string holds
at most 255 bytes with its terminating NUL.  The profile gives the names and
notes of a workout no smaller size; a watch may show fewer characters.
"""

EXERCISES: Final = {
    "cat-cow": ("warm_up", "stretch_cat_cow"),
    "childs-pose": ("warm_up", "stretch_childs_pose"),
    "single-knee-to-chest": ("warm_up", "stretch_lying_knee_to_chest"),
    "supine-lower-trunk-rotation": ("warm_up", "stretch_lying_spinal_twist"),
    "figure-four-stretch": ("warm_up", "stretch_lying_piriformis"),
    "supine-hamstring-stretch": ("warm_up", "stretch_hamstring"),
    "prone-on-elbows": ("pose", "sphinx"),
    "glute-bridge": ("hip_raise", "hip_raise"),
    "side-lying-clamshell": ("hip_raise", "clams"),
    "dead-bug": ("hip_stability", "dead_bug"),
    "bird-dog": ("core", "arm_and_leg_extension_on_knees"),
}
"""Garmin's ``exercise_category`` and ``exercise_name`` for an exercise, by its id.

Only the built-in exercises that one of the profile's exercises truly
names; the others' steps leave both fields unset.  Each pair is a
category of the profile's ``exercise_category`` type and a name of its
``<category>_exercise_name`` type, checked against the installed profile
when this module is imported.
"""

_TYPES: Final = garmin_fit_sdk.Profile["types"]


def _exercise_numbers() -> dict[str, tuple[str, int]]:
    """Each entry of :data:`EXERCISES` as its category and the number of its name.

    ``exercise_name`` is a plain uint16 whose meaning its category gives, so
    the encoder needs the number.

    Raises:
        ImportError: The installed profile lacks one of them.
    """
    numbers = {}
    for exercise_id, (category, name) in EXERCISES.items():
        names = _TYPES.get(f"{category}_exercise_name", {})
        found = [number for number, known in names.items() if known == name]
        known = category in _TYPES["exercise_category"].values() and found
        if not known:  # pragma: no cover (the profile of garmin-fit-sdk>=21 has them)
            msg = f"the installed FIT profile has no exercise {category}/{name}"
            raise ImportError(msg)
        numbers[exercise_id] = (category, found[0])
    return numbers


_EXERCISE_NUMBERS: Final = _exercise_numbers()

_TIME_CREATED: Final = min(_TYPES["date_time"])
"""The earliest absolute FIT time (``date_time`` ``min``): no clock is read."""

_SIDE_NAMES: Final = {
    laterality: tuple(None if side is None else side.lower() for side in sides)
    for laterality, sides in SIDES.items()
}
"""The sides of each rep as the timing model orders them, for a step's name."""


def to_fit(
    routine: Routine, *, pace: Pace | None = None, language: str | None = None
) -> bytes:
    """A routine as a FIT workout file.

    Each exercise starts with a step as long as the timeline's cue that
    starts it (get ready, next exercise); each rep with a hold is three
    timed steps (move in, hold, release), as the timeline times them;
    each set of moving reps is one step of ``reps`` to count, with no
    time; each rest is a rest step.  A set's reps are one block of steps
    with a repeat step after it; each side is a step of its own, named
    for it, as FIT has no side.  So the timed steps add up, repeats
    counted, to :func:`~backroutine.estimate_duration` less the time of
    the moving reps, which a watch counts rather than times.

    The same routine and pace always give the same bytes: the file's
    ``time_created`` is a constant, and its ``serial_number`` is made from
    the steps.

    Args:
        routine: The routine.
        pace: The pace to time it by; None for the default.
        language: The language of the steps' names (get ready, rest,
            switch sides); None for the routine's own.

    Returns:
        The workout, as the bytes of a ``.fit`` file.

    Raises:
        InvalidValueError: The routine needs more than
            :data:`MAX_WORKOUT_STEPS` workout steps.
        UnknownLanguageError: *language*, or the routine's, is not one
            backroutine writes (a :class:`ValueError`).
    """
    with speaking_for(language, routine.language):
        steps = _workout_steps(routine, pace or Pace())
    if len(steps) > MAX_WORKOUT_STEPS:
        msg = (
            f"must fit in {MAX_WORKOUT_STEPS} FIT workout steps "
            f"(got {len(steps)} steps for {routine.name!r})"
        )
        raise InvalidValueError("routine", msg, rule="fit_steps", value=len(steps))
    encoder = garmin_fit_sdk.Encoder()
    encoder.write_mesg(
        {
            "mesg_num": garmin_fit_sdk.Profile["mesg_num"]["FILE_ID"],
            "type": "workout",
            "manufacturer": "development",
            "product": 0,
            "serial_number": _serial_number(routine.name, steps),
            "time_created": _TIME_CREATED,
        }
    )
    workout: dict[str, Any] = {
        "mesg_num": garmin_fit_sdk.Profile["mesg_num"]["WORKOUT"],
        "sport": "training",
        "num_valid_steps": len(steps),
    }
    _put(workout, "wkt_name", routine.name)
    encoder.write_mesg(workout)
    step_num = garmin_fit_sdk.Profile["mesg_num"]["WORKOUT_STEP"]
    for step in steps:
        encoder.write_mesg({"mesg_num": step_num, **step})
    data: bytes = encoder.close()
    return data


def _serial_number(name: str, steps: list[dict[str, Any]]) -> int:
    """A number from 1 to 2**32 - 1 made from the workout, for its ``file_id``.

    FIT asks that type, manufacturer, product and serial number together
    tell a device's workout files apart; 0 is not a valid ``uint32z``.
    """
    digest = hashlib.sha256(repr((name, steps)).encode()).digest()
    return int.from_bytes(digest[:4], "big") or 1


def _fit_text(text: str, max_bytes: int = MAX_STRING_BYTES) -> str:
    """*text* as a FIT string holds it: no NUL, at most *max_bytes* of UTF-8.

    Text cut short ends with an ellipsis; it is cut between characters.
    """
    text = text.replace("\x00", "")
    data = text.encode()
    if len(data) <= max_bytes:
        return text
    ellipsis = "\N{HORIZONTAL ELLIPSIS}"
    kept = data[: max_bytes - len(ellipsis.encode())].decode(errors="ignore")
    return kept + ellipsis


def _put(message: dict[str, Any], field: str, text: str | None) -> None:
    """Set the string *field* of *message* to *text*, unless nothing is left."""
    if text is not None and (value := _fit_text(text)):
        message[field] = value


def _side_words(side: str) -> str:
    """A side of the body, ``left`` or ``right``, in the current language."""
    if side == "left":
        # Translators: a side of the body, in brackets after a step's name on
        # a watch: "Bird dog (left)".
        return pgettext("side of the body", "left")
    # Translators: a side of the body, in brackets after a step's name on a
    # watch: "Bird dog (right)".
    return pgettext("side of the body", "right")


def _named(name: str, side: str | None) -> str:
    """*name* with its side in brackets, the side kept when the name is cut."""
    if side is None:
        return name
    suffix = f" ({_side_words(side)})"
    return _fit_text(name, MAX_STRING_BYTES - len(suffix.encode())) + suffix


class _Steps:
    """The ``workout_step`` messages of a workout, numbered as they are added."""

    def __init__(self) -> None:
        self.messages: list[dict[str, Any]] = []

    def add(self, name: str | None, notes: str | None = None, **fields: Any) -> int:
        """Add a step, and give its ``message_index``."""
        index = len(self.messages)
        message: dict[str, Any] = {"message_index": index}
        _put(message, "wkt_step_name", name)
        message.update(fields)
        _put(message, "notes", notes)
        self.messages.append(message)
        return index

    def timed(
        self, name: str, seconds: float, intensity: str, notes: str | None = None
    ) -> int:
        """Add a step of *seconds*, to the millisecond (FIT's resolution)."""
        return self.add(
            name,
            notes,
            duration_type="time",
            duration_value=round(seconds * 1000),
            target_type="open",
            intensity=intensity,
        )

    def repeat(self, first: int, times: int) -> None:
        """Repeat the steps from *first* to the last added, *times* in all."""
        if times > 1:
            self.add(
                None,
                duration_type="repeat_until_steps_cmplt",
                duration_value=first,
                target_value=times,
            )


def _lead(*, first: bool) -> str:
    """The name of the step that starts an exercise, as a message to fill in."""
    if first:
        # Translators: a step's name on a watch, before the first exercise;
        # {exercise} is its name. A watch shows few characters.
        return _("Get ready: {exercise}")
    # Translators: a step's name on a watch, before the next exercise;
    # {exercise} is its name. A watch shows few characters.
    return _("Next: {exercise}")


def _workout_steps(routine: Routine, pace: Pace) -> list[dict[str, Any]]:
    """The ``workout_step`` messages of *routine*, by *pace*, in order."""
    steps = _Steps()
    previous: Exercise | None = None
    for step in routine.steps:
        exercise = step.exercise
        seconds = lead_in_seconds(
            exercise,
            pace,
            first=previous is None,
            new_position=previous is not None
            and previous.position is not exercise.position,
        )
        steps.timed(
            _lead(first=previous is None).format(exercise=exercise.name),
            seconds,
            "rest",
            exercise.instructions[0],
        )
        for exercise_set in step.sets:
            _set_steps(steps, step, exercise_set, pace)
            if exercise_set.rest_after_seconds:
                # Translators: a step's name on a watch: rest between sets.
                rest = pgettext("workout step", "Rest")
                steps.timed(rest, exercise_set.rest_after_seconds, "rest")
        previous = exercise
    return steps.messages


def _set_steps(
    steps: _Steps, step: RoutineStep, exercise_set: ExerciseSet, pace: Pace
) -> None:
    """Add the steps of one set: its reps, side by side, as the timeline orders them."""
    sides = _SIDE_NAMES[exercise_set.laterality]
    if exercise_set.laterality is Laterality.ALTERNATING:
        # Rep 1 left, rep 1 right, rep 2 left...: one rep of each side, repeated.
        first = len(steps.messages)
        for side in sides:
            _rep_steps(steps, step, exercise_set, side, pace, reps=1)
        steps.repeat(first, exercise_set.reps)
        return
    for number, side in enumerate(sides):
        if number:
            switch = max(ONE_WORD_SECONDS, pace.switch_side_seconds)
            # Translators: a step's name on a watch: change to the other side.
            steps.timed(pgettext("workout step", "Switch sides"), switch, "rest")
        if exercise_set.hold is None:
            _rep_steps(steps, step, exercise_set, side, pace, reps=exercise_set.reps)
        else:
            first = len(steps.messages)
            _rep_steps(steps, step, exercise_set, side, pace, reps=1)
            steps.repeat(first, exercise_set.reps)


def _rep_steps(  # noqa: PLR0913 (one rep, fully described)
    steps: _Steps,
    step: RoutineStep,
    exercise_set: ExerciseSet,
    side: str | None,
    pace: Pace,
    *,
    reps: int,
) -> None:
    """Add one side's reps: *reps* to count, or, with a hold, one timed rep."""
    exercise = step.exercise
    notes = exercise.cues[0] if exercise.cues else step.note
    garmin: dict[str, Any] = {}
    if exercise.id in _EXERCISE_NUMBERS:
        category, number = _EXERCISE_NUMBERS[exercise.id]
        garmin = {"exercise_category": category, "exercise_name": number}
    name = _named(exercise.name, side)
    if exercise_set.hold is None:
        steps.add(
            name,
            notes,
            duration_type="reps",
            duration_value=reps,
            target_type="open",
            intensity="active",
            **garmin,
        )
        return
    move = max(ONE_WORD_SECONDS, pace.move_seconds)
    release = max(ONE_WORD_SECONDS, pace.release_seconds)
    # Translators: a step's name on a watch: move into the hold.
    move_in = pgettext("workout step", "Move in")
    steps.timed(_named(move_in, side), move, "active")
    index = steps.timed(name, exercise_set.hold.seconds, "active", notes)
    steps.messages[index].update(garmin)
    # Translators: a step's name on a watch: let go of the hold.
    steps.timed(pgettext("workout step", "Release"), release, "active")
