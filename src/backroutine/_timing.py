"""One timing model: how long a routine takes, and its cues for a timer.

The first cue says the rule to stop an exercise that hurts more or sends
symptoms down a leg, and carries, as data beside its text, the advice every
routine starts with: the stop rule, when to see a specialist, and the
seek-help box with the emergency signs.  The cue that starts each exercise
carries, as data, the cautions that concern the routine's person.

A routine unfolds as a sequence of segments (get ready, move, hold,
release, switch side, rest, next exercise, done).  :func:`timeline` turns
each segment into a :class:`~backroutine.Cue`; :func:`estimate_duration`
adds up the same segments' lengths in the same order, so the two agree to
the last bit: the duration is where the timeline ends.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Final, NamedTuple

import attrs

from backroutine._advice import GENERAL_ADVICE, STOP_RULE
from backroutine._durations import seconds_text
from backroutine._model import (
    MAX_ID_LENGTH,
    MAX_REPS,
    MAX_SETS,
    MAX_TEXT_ITEMS,
    MAX_TEXT_LENGTH,
    Caution,
    Exercise,
    ExerciseSet,
    Routine,
)
from backroutine._public import publish
from backroutine._signs import SEEK_HELP
from backroutine._spec import (
    Integer,
    Items,
    Maybe,
    Member,
    Nested,
    Number,
    Slug,
    Text,
    Value,
    to_tuple,
)
from backroutine._vocabulary import CueKind, Laterality, Position

MAX_PACE_SECONDS: Final = 600
"""The longest any one part of the pace may take."""


_PACE_SECONDS: Final = Number(0, MAX_PACE_SECONDS, unit="seconds")

MAX_CUE_TEXT_LENGTH: Final = 100_000
"""The longest text of a cue: room for an exercise's name and a step."""

START_ADVICE: Final = (*GENERAL_ADVICE, SEEK_HELP)
"""The advice the first cue of every timeline carries, as data beside its text."""


# A cue is output, not input: a hand-built routine may run for days, so
# there is no upper bound.
_CUE_SECONDS: Final = Number(0)


def _cautions(value: Iterable[Caution]) -> tuple[Caution, ...]:
    return to_tuple(value)


def _texts(value: Iterable[str]) -> tuple[str, ...]:
    return to_tuple(value)


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class Cue(Value):
    """One moment of a guided timer: what to do, from when, for how long.

    Args:
        start_seconds: When the cue starts, in seconds from the start.
        seconds: How long it lasts (0 for the final cue).
        kind: What it asks the person to do.
        text: A short line a timer can show or speak.
        exercise_id: The exercise it belongs to, or None.
        set_number: The set it belongs to, counted from 1, or None.
        rep_number: The rep it belongs to, counted from 1 on each side, or
            None.
        cautions: The cautions of its exercise that concern the routine's
            person (see :meth:`Routine.cautions <backroutine.Routine.cautions>`),
            on the cue that starts an exercise; an app decides whether to
            show or speak them.
        safety: Advice to show before starting, on the first cue: the
            routine's own safety advice (what warning signs say, what the
            person's conditions call for), then the stop rule, when to see a
            specialist, and the seek-help box with the emergency signs and
            what to do.
    """

    start_seconds: float = attrs.field(validator=_CUE_SECONDS)
    seconds: float = attrs.field(validator=_CUE_SECONDS)
    kind: CueKind = attrs.field(validator=Member(CueKind))
    text: str = attrs.field(validator=Text(MAX_CUE_TEXT_LENGTH))
    exercise_id: str | None = attrs.field(
        default=None, validator=Maybe(Slug(MAX_ID_LENGTH))
    )
    set_number: int | None = attrs.field(
        default=None, validator=Maybe(Integer(1, MAX_SETS))
    )
    rep_number: int | None = attrs.field(
        default=None, validator=Maybe(Integer(1, MAX_REPS))
    )
    cautions: tuple[Caution, ...] = attrs.field(
        default=(),
        converter=_cautions,
        validator=Items(Nested(Caution), max_count=MAX_TEXT_ITEMS),
    )
    safety: tuple[str, ...] = attrs.field(
        default=(),
        converter=_texts,
        validator=Items(
            Text(MAX_TEXT_LENGTH), max_count=MAX_TEXT_ITEMS + len(START_ADVICE)
        ),
    )

    @property
    def end_seconds(self) -> float:
        """When the cue ends, its start plus its length."""
        return self.start_seconds + self.seconds


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class Pace(Value):
    """How many seconds each part of a routine takes, besides holds and rests.

    The defaults suit slow, gentle exercise; an app may measure its users
    and pass its own.

    Args:
        get_ready_seconds: To read the first exercise and get into position
            (default 10).
        move_seconds: To move into a rep (default 2).
        release_seconds: To move out of a rep, back to the start (default 2).
        switch_side_seconds: To change sides between the reps of one side
            and those of the other, for ``each_side`` sets (default 5).
        change_exercise_seconds: To read the next exercise and set up for
            it (default 10).
        change_position_seconds: Added to a change of exercise when the next
            one is done in another position, to get up or down (default 10).
    """

    get_ready_seconds: float = attrs.field(default=10, validator=_PACE_SECONDS)
    move_seconds: float = attrs.field(default=2, validator=_PACE_SECONDS)
    release_seconds: float = attrs.field(default=2, validator=_PACE_SECONDS)
    switch_side_seconds: float = attrs.field(default=5, validator=_PACE_SECONDS)
    change_exercise_seconds: float = attrs.field(default=10, validator=_PACE_SECONDS)
    change_position_seconds: float = attrs.field(default=10, validator=_PACE_SECONDS)

    def rep_seconds(self, hold_seconds: int | None) -> float:
        """How long one rep takes: move in, hold (if any), move out."""
        return self.move_seconds + (hold_seconds or 0) + self.release_seconds

    def sets_seconds(
        self,
        *,
        sets: int,
        reps: int,
        hold_seconds: int | None,
        laterality: Laterality,
        rest_seconds: int,
    ) -> float:
        """How long *sets* equal sets take, with *rest_seconds* between them.

        The closed form of the cues :func:`timeline` spells out for such
        sets (no rest after the last), for the planner, which weighs many
        doses; a test checks that the two agree.
        """
        per_set = reps * laterality.sides * self.rep_seconds(hold_seconds)
        if laterality is Laterality.EACH_SIDE:
            per_set += self.switch_side_seconds
        return sets * per_set + (sets - 1) * rest_seconds

    def change_seconds(self, before: Exercise, after: Exercise) -> float:
        """How long it takes to go from one exercise to the next."""
        seconds = self.change_exercise_seconds
        if before.position is not after.position:
            seconds += self.change_position_seconds
        return seconds


def lead_ins(exercise: Exercise, pace: Pace) -> tuple[float, float]:
    """How long the cue that starts *exercise* lasts, first or not, by *pace*.

    First, the cue that gets ready for it lasts ``get_ready_seconds``;
    getting into position is part of it.  Then the cue that changes to it
    from another exercise lasts ``change_exercise_seconds``; a change of
    position adds ``change_position_seconds`` to it (see
    :func:`lead_in_seconds`).  The planner costs steps with these.
    """
    del exercise  # each lasts what the pace says, whatever the exercise
    return pace.get_ready_seconds, pace.change_exercise_seconds


def lead_in_seconds(
    exercise: Exercise, pace: Pace, *, first: bool, new_position: bool = False
) -> float:
    """How long the cue that starts *exercise* lasts, by *pace*.

    *first*: the routine starts with it (get ready), else another exercise
    comes before it (next exercise), done in another position if
    *new_position* (which does not count when *first*).  See
    :func:`lead_ins`.
    """
    ready, change = lead_ins(exercise, pace)
    if first:
        return ready
    return change + pace.change_position_seconds if new_position else change


class _Segment(NamedTuple):
    kind: CueKind
    seconds: float
    text: str
    exercise: Exercise | None = None
    set_number: int | None = None
    rep_number: int | None = None
    cautions: tuple[Caution, ...] = ()
    safety: tuple[str, ...] = ()


_SIDES: Final = {
    Laterality.BILATERAL: ("",),
    Laterality.LEFT: (", left side",),
    Laterality.RIGHT: (", right side",),
    Laterality.EACH_SIDE: (", left side", ", right side"),
    Laterality.ALTERNATING: (", left side", ", right side"),
}


def _reps(
    exercise: Exercise, set_number: int, exercise_set: ExerciseSet, pace: Pace
) -> Iterator[_Segment]:
    """The segments of one set's reps, in the order they are done."""
    hold = exercise_set.hold.seconds if exercise_set.hold else None
    sides = _SIDES[exercise_set.laterality]
    if exercise_set.laterality is Laterality.ALTERNATING:
        order = [
            (rep, side) for rep in range(1, exercise_set.reps + 1) for side in sides
        ]
    else:
        order = [
            (rep, side) for side in sides for rep in range(1, exercise_set.reps + 1)
        ]
    for index, (rep, side) in enumerate(order):
        if index and exercise_set.laterality is Laterality.EACH_SIDE and rep == 1:
            yield _Segment(
                CueKind.SWITCH_SIDE,
                pace.switch_side_seconds,
                "Switch to the other side.",
                exercise,
                set_number,
            )
        where = (exercise, set_number, rep)
        yield _Segment(
            CueKind.MOVE,
            pace.move_seconds,
            f"Rep {rep} of {exercise_set.reps}{side}: move into position.",
            *where,
        )
        if hold is not None:
            yield _Segment(
                CueKind.HOLD, hold, f"Hold for {seconds_text(hold)}.", *where
            )
        yield _Segment(CueKind.RELEASE, pace.release_seconds, "Release slowly.", *where)


def _segments(routine: Routine, pace: Pace) -> Iterator[_Segment]:
    """Every segment of *routine*, in order, ending with a zero-length one."""
    previous: Exercise | None = None
    for step in routine.steps:
        exercise = step.exercise
        cautions = routine.cautions(exercise)
        if previous is None:
            yield _Segment(
                CueKind.GET_READY,
                lead_in_seconds(exercise, pace, first=True),
                f"Get ready for {exercise.name}. {STOP_RULE} "
                f"{exercise.instructions[0]}",
                exercise,
                cautions=cautions,
                # The routine's own advice first (the screening, its
                # person's conditions), then what every timeline starts with.
                safety=tuple(dict.fromkeys((*routine.safety, *START_ADVICE))),
            )
        else:
            yield _Segment(
                CueKind.NEXT_EXERCISE,
                lead_in_seconds(
                    exercise,
                    pace,
                    first=False,
                    new_position=previous.position is not exercise.position,
                ),
                f"Next: {exercise.name}. {exercise.instructions[0]}",
                exercise,
                cautions=cautions,
            )
        for set_number, exercise_set in enumerate(step.sets, start=1):
            yield from _reps(exercise, set_number, exercise_set, pace)
            if exercise_set.rest_after_seconds:
                yield _Segment(
                    CueKind.REST,
                    exercise_set.rest_after_seconds,
                    f"Rest for {seconds_text(exercise_set.rest_after_seconds)}.",
                    exercise,
                    set_number,
                )
        previous = exercise
    yield _Segment(CueKind.DONE, 0, "Done: well done.")


def estimate_duration(routine: Routine, pace: Pace | None = None) -> float:
    """How long *routine* takes, in seconds, by the timing model of *pace*.

    It is exactly where :func:`timeline` ends.
    """
    pace = pace or Pace()
    total = 0.0
    for segment in _segments(routine, pace):
        total += segment.seconds
    return total


def timeline(routine: Routine, pace: Pace | None = None) -> tuple[Cue, ...]:
    """The cues a guided timer shows or speaks for *routine*, in order.

    Cues are contiguous: the first starts at 0, each starts where the one
    before ends, and the last (``done``, zero seconds long) starts at
    :func:`estimate_duration`.
    """
    pace = pace or Pace()
    cues = []
    start = 0.0
    for segment in _segments(routine, pace):
        cues.append(
            Cue(
                start_seconds=start,
                seconds=segment.seconds,
                kind=segment.kind,
                text=segment.text,
                exercise_id=segment.exercise.id if segment.exercise else None,
                set_number=segment.set_number,
                rep_number=segment.rep_number,
                cautions=segment.cautions,
                safety=segment.safety,
            )
        )
        start += segment.seconds
    return tuple(cues)


def spells(
    routine: Routine, position: Position, pace: Pace | None = None
) -> tuple[float, ...]:
    """How long each unbroken spell in *position* lasts, in seconds, in order.

    A spell runs over the cues of consecutive exercises done in *position*,
    from the cue that leads into the first (getting into position counts)
    to the end of the last, by the timing model of *pace*.  Pregnancy keeps
    each spell lying on the back short.
    """
    pace = pace or Pace()
    lengths: list[float] = []
    current = 0.0
    for segment in _segments(routine, pace):
        if segment.exercise is not None and segment.exercise.position is position:
            current += segment.seconds
        elif current:
            lengths.append(current)
            current = 0.0
    return tuple(lengths)


publish(Cue, Pace, estimate_duration, spells, timeline)
