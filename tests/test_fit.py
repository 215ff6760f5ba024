"""A routine as a FIT workout: read by Garmin's decoder and by fitparse."""

from __future__ import annotations

import io
import pathlib
import re
from typing import Any, cast

import attrs
import fitparse
import garmin_fit_sdk
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backroutine import (
    CueKind,
    ExerciseSet,
    Hold,
    InvalidValueError,
    Laterality,
    Pace,
    Routine,
    RoutineStep,
    default_catalog,
    estimate_duration,
    timeline,
)
from backroutine._i18n import speaking
from backroutine.fit import (
    EXERCISES,
    MAX_STRING_BYTES,
    MAX_WORKOUT_STEPS,
    _fit_text,
    _workout_steps,
    to_fit,
)
from backroutine.testing import paces, routines
from tests.helpers import examples

REPEAT = "repeat_until_steps_cmplt"
PELVIC_TILT = default_catalog()["supine-posterior-pelvic-tilt"]
TILT = PELVIC_TILT.name


def garmin_messages(data: bytes) -> dict[str, list[dict[str, Any]]]:
    """The messages of *data* as Garmin's decoder reads them, after its checks."""
    assert garmin_fit_sdk.Decoder(
        garmin_fit_sdk.Stream.from_byte_array(bytearray(data))
    ).check_integrity()
    decoder = garmin_fit_sdk.Decoder(
        garmin_fit_sdk.Stream.from_byte_array(bytearray(data))
    )
    messages, errors = decoder.read()
    assert [] == errors
    # Read as plain dicts: the SDK's TypedDicts do not take a key in a variable.
    return cast("dict[str, list[dict[str, Any]]]", messages)


def fitparse_messages(data: bytes, name: str) -> list[dict[str, Any]]:
    """The values of each *name* message of *data*, as fitparse reads them."""
    fit_file = fitparse.FitFile(io.BytesIO(data), check_crc=True)
    return [message.get_values() for message in fit_file.get_messages(name)]


def as_read(message: dict[str, Any]) -> dict[str, Any]:
    """A step as :func:`to_fit` means it, with the subfields a reader names.

    A decoder names ``duration_value`` and ``target_value`` by what the
    ``duration_type`` makes them: a time in seconds, reps, or a repeat.
    """
    read = dict(message)
    value = read.pop("duration_value")
    kind = read["duration_type"]
    if kind == "time":
        read["duration_time"] = value / 1000
    elif kind == "reps":
        read["duration_reps"] = value
    else:
        read["duration_step"] = value
        read["repeat_steps"] = read.pop("target_value")
    return read


def executed(steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The steps a watch goes through, in order: each repeat block done in full.

    A repeat step sends the watch back to its ``duration_step`` until the
    block has been done ``repeat_steps`` times in all.
    """
    done: list[dict[str, Any]] = []
    rounds: dict[int, int] = {}
    index = 0
    while index < len(steps):
        step = steps[index]
        if step["duration_type"] != REPEAT:
            done.append(step)
        elif rounds.get(index, 1) < step["repeat_steps"]:
            rounds[index] = rounds.get(index, 1) + 1
            index = step["duration_step"]
            continue
        else:
            rounds.pop(index, None)
        index += 1
    return done


def timed_cues_ms(routine: Routine, pace: Pace | None) -> list[int]:
    """The timeline's cues a FIT step times, in order, in milliseconds.

    Every cue but the final one and the moves and releases of sets with no
    hold: FIT counts those reps (a ``reps`` step) rather than timing them.
    """
    ms = []
    step = -1
    for cue in timeline(routine, pace):
        if cue.kind in {CueKind.GET_READY, CueKind.NEXT_EXERCISE}:
            step += 1
        if cue.kind is CueKind.DONE:
            continue
        if cue.kind in {CueKind.MOVE, CueKind.RELEASE}:
            assert cue.set_number is not None
            if routine.steps[step].sets[cue.set_number - 1].hold is None:
                continue
        ms.append(round(cue.seconds * 1000))
    return ms


def counted_reps(routine: Routine) -> list[int]:
    """The reps a watch counts, in order: one per side of each moving set."""
    counts = []
    for step in routine.steps:
        for one in step.sets:
            if one.hold is not None:
                continue
            if one.laterality is Laterality.ALTERNATING:
                counts.extend([1, 1] * one.reps)
            else:
                counts.extend([one.reps] * one.laterality.sides)
    return counts


def moving_seconds(routine: Routine, pace: Pace) -> float:
    """What the timing model gives the reps of the sets with no hold."""
    return sum(
        one.reps * one.laterality.sides * pace.rep_seconds(None)
        for step in routine.steps
        for one in step.sets
        if one.hold is None
    )


def one_set(laterality: Laterality, *, hold: int | None) -> Routine:
    """A routine of one pelvic tilt set of 2 reps on *laterality*."""
    return Routine(
        name="Tilts",
        steps=[
            RoutineStep(
                exercise=PELVIC_TILT,
                sets=[
                    ExerciseSet(
                        reps=2,
                        hold=None if hold is None else Hold(hold),
                        laterality=laterality,
                    )
                ],
            )
        ],
    )


def shape(data: bytes) -> list[tuple[str | None, str, float]]:
    """Each step fitparse reads: its name, its kind and its time, reps or count."""
    values = {"time": "duration_time", "reps": "duration_reps", REPEAT: "repeat_steps"}
    return [
        (
            step.get("wkt_step_name"),
            step["duration_type"],
            step[values[step["duration_type"]]],
        )
        for step in fitparse_messages(data, "workout_step")
    ]


class TestEveryRoutine:
    @settings(max_examples=examples(40, locally=8))
    @given(routine=routines(), pace=st.none() | paces())
    def test_read_back(self, routine: Routine, pace: Pace | None) -> None:
        """Both decoders read every step back, and the steps follow the timeline."""
        data = to_fit(routine, pace=pace)
        garmin = garmin_messages(data)
        with speaking(routine.language):  # as to_fit names the steps
            steps = _workout_steps(routine, pace or Pace())
        meant = [as_read(step) for step in steps]
        read = fitparse_messages(data, "workout_step")
        assert meant == read
        # Garmin's decoder reads the same fields, with both raw and named values.
        assert read == [
            {key: step[key] for key in read_step}
            for read_step, step in zip(read, garmin["workout_step_mesgs"], strict=True)
        ]
        (workout,) = garmin["workout_mesgs"]
        assert {
            "wkt_name": _fit_text(routine.name),
            "sport": "training",
            "num_valid_steps": len(read),
        } == workout
        done = executed(read)
        assert timed_cues_ms(routine, pace) == [
            round(step["duration_time"] * 1000)
            for step in done
            if step["duration_type"] == "time"
        ]
        assert counted_reps(routine) == [
            step["duration_reps"] for step in done if step["duration_type"] == "reps"
        ]

    @settings(max_examples=examples(40, locally=8))
    @given(routine=routines())
    def test_total_time(self, routine: Routine) -> None:
        """The timed steps, repeats done, last what the timing model gives them.

        That is :func:`estimate_duration` less the time it gives the moving
        reps (move in and release of each rep of a set with no hold), which
        the watch counts in ``reps`` steps instead.  Each step holds its
        time to the millisecond, so the sum is within half a millisecond a
        step.
        """
        done = executed(fitparse_messages(to_fit(routine), "workout_step"))
        times = [
            step["duration_time"] for step in done if step["duration_type"] == "time"
        ]
        expected = estimate_duration(routine) - moving_seconds(routine, Pace())
        assert abs(expected - sum(times)) <= 0.0005 * len(times) + 1e-9

    @settings(max_examples=examples(40, locally=8))
    @given(routine=routines())
    def test_deterministic(self, routine: Routine) -> None:
        """The same routine gives the same bytes."""
        assert to_fit(routine) == to_fit(routine)


class TestFile:
    def test_file_id(self) -> None:
        """A workout file from the development manufacturer, at a fixed time."""
        data = to_fit(one_set(Laterality.BILATERAL, hold=5))
        (file_id,) = fitparse_messages(data, "file_id")
        assert "workout" == file_id["type"]
        assert "development" == file_id["manufacturer"]
        (garmin_id,) = garmin_messages(data)["file_id_mesgs"]
        assert 1998 == garmin_id["time_created"].year
        assert 0 < file_id["serial_number"] < 2**32

    def test_serial_numbers_differ(self) -> None:
        """Two workouts have two serial numbers, so a watch keeps both."""
        serials = {
            fitparse_messages(to_fit(one_set(side, hold=5)), "file_id")[0][
                "serial_number"
            ]
            for side in Laterality
        }
        assert len(Laterality) == len(serials)

    def test_workout(self) -> None:
        """The workout is named for the routine, in the training sport."""
        (workout,) = fitparse_messages(
            to_fit(one_set(Laterality.LEFT, hold=5)), "workout"
        )
        assert {
            "wkt_name": "Tilts",
            "sport": "training",
            "num_valid_steps": 5,
        } == workout

    def test_same_bytes(self) -> None:
        """A planned routine gives the same bytes each time."""
        routine = one_set(Laterality.EACH_SIDE, hold=5)
        assert to_fit(routine) == to_fit(routine)


class TestLaterality:
    @pytest.mark.parametrize(
        ("laterality", "expected"),
        [
            (
                Laterality.BILATERAL,
                [
                    ("Move in", "time", 2.0),
                    (TILT, "time", 5.0),
                    ("Release", "time", 2.0),
                    (None, REPEAT, 2),
                ],
            ),
            (
                Laterality.LEFT,
                [
                    ("Move in (left)", "time", 2.0),
                    (f"{TILT} (left)", "time", 5.0),
                    ("Release", "time", 2.0),
                    (None, REPEAT, 2),
                ],
            ),
            (
                Laterality.RIGHT,
                [
                    ("Move in (right)", "time", 2.0),
                    (f"{TILT} (right)", "time", 5.0),
                    ("Release", "time", 2.0),
                    (None, REPEAT, 2),
                ],
            ),
            (
                Laterality.EACH_SIDE,
                [
                    ("Move in (left)", "time", 2.0),
                    (f"{TILT} (left)", "time", 5.0),
                    ("Release", "time", 2.0),
                    (None, REPEAT, 2),
                    ("Switch sides", "time", 5.0),
                    ("Move in (right)", "time", 2.0),
                    (f"{TILT} (right)", "time", 5.0),
                    ("Release", "time", 2.0),
                    (None, REPEAT, 2),
                ],
            ),
            (
                Laterality.ALTERNATING,
                [
                    ("Move in (left)", "time", 2.0),
                    (f"{TILT} (left)", "time", 5.0),
                    ("Release", "time", 2.0),
                    ("Move in (right)", "time", 2.0),
                    (f"{TILT} (right)", "time", 5.0),
                    ("Release", "time", 2.0),
                    (None, REPEAT, 2),
                ],
            ),
        ],
    )
    def test_holds(
        self, laterality: Laterality, expected: list[tuple[str | None, str, float]]
    ) -> None:
        """Held reps are timed steps, each side named, in a repeat of the reps."""
        data = to_fit(one_set(laterality, hold=5))
        assert [(f"Get ready: {TILT}", "time", 12.4), *expected] == shape(data)

    @pytest.mark.parametrize(
        ("laterality", "expected"),
        [
            (Laterality.BILATERAL, [(TILT, "reps", 2)]),
            (Laterality.LEFT, [(f"{TILT} (left)", "reps", 2)]),
            (Laterality.RIGHT, [(f"{TILT} (right)", "reps", 2)]),
            (
                Laterality.EACH_SIDE,
                [
                    (f"{TILT} (left)", "reps", 2),
                    ("Switch sides", "time", 5.0),
                    (f"{TILT} (right)", "reps", 2),
                ],
            ),
            (
                Laterality.ALTERNATING,
                [
                    (f"{TILT} (left)", "reps", 1),
                    (f"{TILT} (right)", "reps", 1),
                    (None, REPEAT, 2),
                ],
            ),
        ],
    )
    def test_moving_reps(
        self, laterality: Laterality, expected: list[tuple[str | None, str, float]]
    ) -> None:
        """Moving reps are counted, per side: one rep of each side in turn if alternating."""
        data = to_fit(one_set(laterality, hold=None))
        assert [(f"Get ready: {TILT}", "time", 12.4), *expected] == shape(data)


class TestFields:
    def test_rest(self) -> None:
        """A rest after a set is a rest step of its seconds."""
        two = ExerciseSet(reps=2, rest_after_seconds=30)
        routine = Routine(
            name="Tilts",
            steps=[RoutineStep(exercise=PELVIC_TILT, sets=[two, two])],
        )
        steps = fitparse_messages(to_fit(routine), "workout_step")
        rests = [step for step in steps if step.get("wkt_step_name") == "Rest"]
        assert [30.0, 30.0] == [step["duration_time"] for step in rests]
        assert {"rest"} == {step["intensity"] for step in rests}

    def test_notes_and_exercise(self) -> None:
        """The first cue is in the notes; Garmin's exercise where one fits."""
        exercise = default_catalog()["supine-lower-trunk-rotation"]
        routine = Routine(
            name="Twist",
            steps=[
                RoutineStep(
                    exercise=exercise, sets=[ExerciseSet(reps=1, hold=Hold(10))]
                )
            ],
        )
        steps = fitparse_messages(to_fit(routine), "workout_step")
        (hold,) = [step for step in steps if step.get("duration_time") == 10.0]
        assert exercise.cues[0] == hold["notes"]
        assert "warm_up" == hold["exercise_category"]
        garmin_names = garmin_fit_sdk.Profile["types"]["warm_up_exercise_name"]
        assert "stretch_lying_spinal_twist" == garmin_names[hold["exercise_name"]]
        assert exercise.instructions[0] == steps[0]["notes"]

    def test_no_exercise_without_a_match(self) -> None:
        """An exercise Garmin's profile has nothing like leaves the fields unset."""
        steps = fitparse_messages(
            to_fit(one_set(Laterality.BILATERAL, hold=5)), "workout_step"
        )
        assert all("exercise_category" not in step for step in steps)

    def test_the_table_names_profile_exercises(self) -> None:
        """Every exercise mapped is a category and a name of the installed profile."""
        types = garmin_fit_sdk.Profile["types"]
        catalog = default_catalog()
        for exercise_id, (category, name) in EXERCISES.items():
            assert exercise_id in catalog
            assert category in types["exercise_category"].values()
            assert name in types[f"{category}_exercise_name"].values()

    def test_the_docs_table_agrees(self) -> None:
        """The docs' table of Garmin's exercises restates the module's, in full."""
        page = (pathlib.Path(__file__).parent.parent / "docs" / "fit.md").read_text(
            encoding="utf-8"
        )
        rows = re.findall(r"^\| `([a-z-]+)` \| `(\w+)` / `(\w+)`", page, re.MULTILINE)
        assert EXERCISES == {row[0]: (row[1], row[2]) for row in rows}

    def test_long_text_is_cut(self) -> None:
        """Names and notes are cut to a FIT string's size, keeping the side."""
        long = "\N{MUSICAL SYMBOL G CLEF}" * 120
        exercise = default_catalog()["supine-posterior-pelvic-tilt"]
        exercise = attrs.evolve(exercise, name=long, cues=["ü" * 1000])
        routine = Routine(
            name=long,
            steps=[
                RoutineStep(
                    exercise=exercise,
                    sets=[
                        ExerciseSet(reps=1, hold=Hold(5), laterality=Laterality.LEFT)
                    ],
                )
            ],
        )
        steps = fitparse_messages(to_fit(routine), "workout_step")
        (hold,) = [step for step in steps if step.get("duration_time") == 5.0]
        assert hold["wkt_step_name"].endswith("\N{HORIZONTAL ELLIPSIS} (left)")
        assert MAX_STRING_BYTES >= len(hold["wkt_step_name"].encode())
        assert MAX_STRING_BYTES >= len(hold["notes"].encode())

    def test_nul_is_left_out(self) -> None:
        """A FIT string ends at a NUL, so text drops them; a name of NULs is left unset."""
        exercise = attrs.evolve(PELVIC_TILT, name="\x00", cues=["Slow\x00ly."])
        routine = Routine(
            name="Tilts",
            steps=[RoutineStep(exercise=exercise, sets=[ExerciseSet(reps=3)])],
        )
        (_, reps) = fitparse_messages(to_fit(routine), "workout_step")
        assert "wkt_step_name" not in reps
        assert "Slowly." == reps["notes"]

    def test_too_many_steps(self) -> None:
        """A routine that needs more steps than FIT can number is refused."""
        held = ExerciseSet(reps=1, hold=Hold(5), laterality=Laterality.EACH_SIDE)
        step = RoutineStep(exercise=PELVIC_TILT, sets=[held] * 10)
        routine = Routine(name="Long", steps=[step] * 60)
        with pytest.raises(InvalidValueError, match=str(MAX_WORKOUT_STEPS)):
            to_fit(routine)
