"""One timing model: how long a routine takes, and its cues for a timer.

A routine unfolds as a sequence of segments (get ready, move, hold,
release, switch side, rest, next exercise, done).  :func:`timeline` turns
each segment into a :class:`~backroutine.Cue`; :func:`estimate_duration`
adds up the same segments' lengths in the same order, so the two agree to
the last bit: the duration is where the timeline ends.

Every cue's text can be said within the cue at ``WORDS_PER_MINUTE`` (150;
see :func:`speaking_seconds`), whatever the pace:

- The cue that starts an exercise (get ready, next exercise) names it and
  says the position in a few words; the first also says the stop rule.  It
  lasts the pace's time, or as long as its words take to say if that is
  longer; a change of position adds its time on top of a change of
  exercise.
- Moves, releases and side switches last the pace's time, but never less
  than one word takes to say (``ONE_WORD_SECONDS``); holds and rests
  last what the routine says (at least a second).  Their text is the
  fullest of a few wordings that fits, down to one word ("Left.",
  "Release.", "Hold.").
- The final cue (done) lasts 0 seconds and starts where the routine ends:
  its few words (``DONE_TEXT``) are said as the timer stops, after the
  routine's time.

What would not fit is data on the cue, for an app to show beside it: the
cue that starts an exercise carries its steps and the cautions that concern
the routine's person; the first cue also carries the advice every routine
starts with (the stop rule, when to see a specialist, and the seek-help box
with the emergency signs).

A cue's words are in the current language, and counted in it: a timeline
in another language may last longer, where its words take longer to say.
"""

from __future__ import annotations

import functools
import gettext
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Final, NamedTuple

import attrs

from backroutine import _i18n
from backroutine._advice import GENERAL_ADVICE, STOP_RULE
from backroutine._durations import seconds_text
from backroutine._i18n import N_, _, speaking_for
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
"""The longest text of a cue an app may build (the timeline's are short)."""

START_ADVICE: Final = (*GENERAL_ADVICE, SEEK_HELP)
"""The advice the first cue of every timeline carries, as data beside its text.

In English: the cue carries it in the current language.
"""

WORDS_PER_MINUTE: Final = 150
"""How fast a timer's voice is taken to speak: every cue's text fits its cue."""

# A word: a run of letters and digits, an apostrophe inside it included
# ("child's" is one word; "knee-to-chest", three).
_WORD: Final = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


def _words(text: str) -> int:
    """How many words *text* holds, as :func:`speaking_seconds` counts them."""
    return len(_WORD.findall(text))


def speaking_seconds(text: str, *, words_per_minute: float = WORDS_PER_MINUTE) -> float:
    """How many seconds *text* takes to say at *words_per_minute*.

    A word is a run of letters and digits: an apostrophe inside it keeps it
    one word (``child's``), a hyphen does not (``knee-to-chest`` is three),
    a number is one word, and punctuation and spaces take no time.  At the
    default 150 words a minute, each word takes 0.4 seconds.

    Raises:
        ValueError: *words_per_minute* is not a finite number above 0.
    """
    if not (math.isfinite(words_per_minute) and words_per_minute > 0):
        msg = (
            "'words_per_minute' must be a finite number above 0 "
            f"(got {words_per_minute!r})"
        )
        raise ValueError(msg)
    return _words(text) * 60 / words_per_minute


def _saying(words: int) -> float:
    """How many seconds *words* words take to say at the timer's rate."""
    return words * 60 / WORDS_PER_MINUTE


ONE_WORD_SECONDS: Final = _saying(1)
"""The shortest a move, a release or a switch of side lasts: one word, 0.4 s."""

# Translators: the last cue of a timer, said as it stops.
DONE_TEXT: Final = N_("Done: well done.")
"""The text of the final cue, said as the timer stops (0 seconds long).

In English: the cue says it in the current language.
"""


def _catalog() -> gettext.NullTranslations:
    """The messages of the current language, by which words are counted."""
    return _i18n.translations(_i18n.current_language())


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
        text: A short line a timer can show or speak: in a timeline, it can
            be said within the cue at 150 words a minute (see
            :func:`speaking_seconds`), except the final cue's few words,
            said as the timer stops.
        exercise_id: The exercise it belongs to, or None.
        set_number: The set it belongs to, counted from 1, or None.
        rep_number: The rep it belongs to, counted from 1 on each side, or
            None.
        steps: How to do its exercise, step by step (the exercise's
            instructions), on the cue that starts an exercise; an app
            decides whether to show or speak them.
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
    steps: tuple[str, ...] = attrs.field(
        default=(),
        converter=_texts,
        validator=Items(Text(MAX_TEXT_LENGTH), max_count=MAX_TEXT_ITEMS),
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


def _at_least_a_word(seconds: float) -> float:
    """*seconds*, or the time one word takes to say if that is longer."""
    return max(ONE_WORD_SECONDS, seconds)


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class Pace(Value):
    """How many seconds each part of a routine takes, besides holds and rests.

    The defaults suit slow, gentle exercise; an app may measure its users
    and pass its own.  Whatever the pace, each cue is long enough for its
    words: the cue that starts an exercise lasts longer than the pace says
    when its words take longer to say, and a move, a release or a switch
    of side lasts at least the time one word takes (0.4 seconds).

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
        """How long one rep takes: move in, hold (if any), move out.

        A move and a release each last at least the time one word takes
        to say (0.4 seconds), however short the pace makes them.
        """
        # _at_least_a_word(), inline: the planner weighs many doses, and two
        # calls of max() a rep made planning a large catalog a fifth slower.
        move, release, word = self.move_seconds, self.release_seconds, ONE_WORD_SECONDS
        move = move if move > word else word  # noqa: FURB136
        release = release if release > word else word  # noqa: FURB136
        return move + (hold_seconds or 0) + release

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
            per_set += _at_least_a_word(self.switch_side_seconds)
        return sets * per_set + (sets - 1) * rest_seconds

    def change_seconds(self, before: Exercise, after: Exercise) -> float:
        """The pace's time to go from one exercise to the next.

        The cue that says the next exercise lasts this long, or longer if
        its words take longer to say (see :func:`timeline`).
        """
        seconds = self.change_exercise_seconds
        if before.position is not after.position:
            seconds += self.change_position_seconds
        return seconds


# Each position in a few plain words, as a timer would say it.
_GET_INTO: Final = MappingProxyType(
    {
        # Translators: how to get into a position, as a timer says it at the
        # start of an exercise.
        Position.SUPINE: N_("Lie on your back."),
        Position.PRONE: N_("Lie face down."),
        Position.SIDE_LYING: N_("Lie on your side."),
        Position.QUADRUPED: N_("Get on your hands and knees."),
        Position.KNEELING: N_("Kneel on the floor."),
        Position.HALF_KNEELING: N_("Kneel on one knee."),
        Position.SEATED: N_("Sit down."),
        Position.STANDING: N_("Stand up."),
    }
)


def _start_words_text(name: str, position: Position, *, first: bool) -> str:
    """What the cue that starts an exercise named *name* says, in *position*."""
    where = _(_GET_INTO[position])
    if first:
        # Translators: the first cue of a timer: the exercise's name, then how
        # to get into position ("Lie on your back."), then the stop rule.
        text = _("Get ready for {name}. {position} {stop_rule}")
        return text.format(name=name, position=where, stop_rule=_(STOP_RULE))
    # Translators: the cue that starts each exercise after the first: its
    # name, then how to get into position ("Lie on your back.").
    return _("Next: {name}. {position}").format(name=name, position=where)


def _start_text(exercise: Exercise, *, first: bool) -> str:
    """What the cue that starts *exercise* says: its name and position.

    The first cue, get ready, also says the stop rule.
    """
    return _start_words_text(exercise.name, exercise.position, first=first)


@functools.lru_cache(maxsize=8)
def _start_words(
    catalog: gettext.NullTranslations,  # noqa: ARG001 (the cache's key)
) -> Mapping[Position, tuple[int, int]]:
    """The words of each start text but the name, in the language of *catalog*.

    Counted once for each position (get ready, next exercise) and language:
    the planner asks for the lead-ins of every exercise of a catalog.  The
    name is left out, and its words added: a test checks the sums against
    the texts.  *catalog* is the current language's messages, whose words
    are counted.
    """
    return {
        position: (
            _words(_start_words_text("", position, first=True)),
            _words(_start_words_text("", position, first=False)),
        )
        for position in _GET_INTO
    }


# A catalog's names, counted once, plan after plan.
_name_words: Final = functools.lru_cache(maxsize=1024)(_words)


def lead_ins(exercise: Exercise, pace: Pace) -> tuple[float, float]:
    """How long the cue that starts *exercise* lasts, first or not, by *pace*.

    First, the cue that gets ready for it (its name, its position and the
    stop rule) lasts ``get_ready_seconds``, or as long as its words take to
    say if that is longer; getting into position is part of it.  Then the
    cue that changes to it from another exercise (its name and position)
    lasts ``change_exercise_seconds``, or as long as its words take if that
    is longer; a change of position adds ``change_position_seconds`` to it
    (see :func:`lead_in_seconds`).  The planner costs steps with these.
    """
    name = _name_words(exercise.name)
    ready, change = _start_words(_catalog())[exercise.position]
    return (
        max(pace.get_ready_seconds, _saying(ready + name)),
        max(pace.change_exercise_seconds, _saying(change + name)),
    )


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


def _no_example() -> dict[str, object]:
    return {}


def _reps_example() -> dict[str, object]:
    return {"rep": 1, "reps": 2}


def _time_example() -> dict[str, object]:
    return {"time": seconds_text(2)}


class _Wordings:
    """What a cue may say, fullest first, down to one word.

    Each wording is a message whose words are counted once in each
    language, from an example: the values put in (a number, a number of
    seconds) are the same number of words whatever they are.  The last is
    one word in every language (its translators are asked to keep it so):
    the timing model gives a cue no less time than one word takes.
    """

    __slots__ = ("_example", "_needs", "templates")
    _example: Callable[[], dict[str, object]]
    _needs: dict[gettext.NullTranslations, tuple[float, ...]]
    templates: tuple[str, ...]

    def __init__(
        self, *templates: str, example: Callable[[], dict[str, object]] = _no_example
    ) -> None:
        self.templates = templates
        self._example = example
        self._needs = {}

    def _needed(self) -> tuple[float, ...]:
        """How long each wording takes to say, in the current language."""
        catalog = _catalog()
        needs = self._needs.get(catalog)
        if needs is None:
            example = self._example()
            needs = tuple(
                speaking_seconds(_(template).format(**example))
                for template in self.templates
            )
            self._needs[catalog] = needs
        return needs

    def within(self, seconds: float, **values: object) -> str:
        """The fullest wording that can be said in *seconds*, filled in.

        In the current language.  The last, one word, is said in
        ``ONE_WORD_SECONDS``, which the timing model never goes below.
        """
        needed = self._needed()
        for template, needs in zip(self.templates[:-1], needed[:-1], strict=True):
            if needs <= seconds:
                return _(template).format(**values)
        return _(self.templates[-1]).format(**values)


# The cues of a timer, each the fullest of a few wordings that fits its
# time, down to one word.
_SIDED_MOVE: Final = {
    "Left": _Wordings(
        # Translators: a timer's cue for a rep on the left side; a shorter
        # wording is said when the cue is short; keep the last one word.
        N_("Left side: rep {rep} of {reps}."),
        N_("Left: rep {rep} of {reps}."),
        N_("Left: rep {rep}."),
        N_("Left."),
        example=_reps_example,
    ),
    "Right": _Wordings(
        # Translators: a timer's cue for a rep on the right side; a shorter
        # wording is said when the cue is short; keep the last one word.
        N_("Right side: rep {rep} of {reps}."),
        N_("Right: rep {rep} of {reps}."),
        N_("Right: rep {rep}."),
        N_("Right."),
        example=_reps_example,
    ),
}
_MOVE: Final = _Wordings(
    # Translators: a timer's cue for a rep; a shorter wording is said when the
    # cue is short, down to the rep's number alone (keep it one word).
    N_("Rep {rep} of {reps}."),
    N_("Rep {rep}."),
    N_("{rep}."),
    example=_reps_example,
)
_HOLD: Final = _Wordings(
    # Translators: a timer's cue to hold a rep; {time} is a number of seconds
    # ("10 seconds"). The short wording is said when the hold is short: keep
    # it one word.
    N_("Hold for {time}."),
    N_("Hold."),
    example=_time_example,
)
# Translators: a timer's cue to come out of a rep; keep the short one a word.
_RELEASE: Final = _Wordings(N_("Release slowly."), N_("Release."))
_SWITCH: Final = _Wordings(
    # Translators: a timer's cue to change sides between the reps of one side
    # and those of the other; a shorter wording is said when the cue is short:
    # keep the last one word.
    N_("Switch to the other side."),
    N_("Switch sides."),
    N_("Switch."),
)
_REST: Final = _Wordings(
    # Translators: a timer's cue to rest after a set; {time} is a number of
    # seconds ("30 seconds"). The short wording is said when the rest is
    # short: keep it one word.
    N_("Rest for {time}."),
    N_("Rest."),
    example=_time_example,
)


class _Segment(NamedTuple):
    kind: CueKind
    seconds: float
    text: str
    exercise: Exercise | None = None
    set_number: int | None = None
    rep_number: int | None = None
    steps: tuple[str, ...] = ()
    cautions: tuple[Caution, ...] = ()
    safety: tuple[str, ...] = ()


SIDES: Final = {
    Laterality.BILATERAL: (None,),
    Laterality.LEFT: ("Left",),
    Laterality.RIGHT: ("Right",),
    Laterality.EACH_SIDE: ("Left", "Right"),
    Laterality.ALTERNATING: ("Left", "Right"),
}
"""The side of each rep, in order, as a cue names it: None for both at once.

In English, whatever the language: a cue says the side in its own words.
"""


def _reps(
    exercise: Exercise, set_number: int, exercise_set: ExerciseSet, pace: Pace
) -> Iterator[_Segment]:
    """The segments of one set's reps, in the order they are done."""
    hold = exercise_set.hold.seconds if exercise_set.hold else None
    reps = exercise_set.reps
    sides = SIDES[exercise_set.laterality]
    if exercise_set.laterality is Laterality.ALTERNATING:
        order = [(rep, side) for rep in range(1, reps + 1) for side in sides]
    else:
        order = [(rep, side) for side in sides for rep in range(1, reps + 1)]
    move = _at_least_a_word(pace.move_seconds)
    release = _at_least_a_word(pace.release_seconds)
    for index, (rep, side) in enumerate(order):
        if index and exercise_set.laterality is Laterality.EACH_SIDE and rep == 1:
            switch = _at_least_a_word(pace.switch_side_seconds)
            yield _Segment(
                CueKind.SWITCH_SIDE,
                switch,
                _SWITCH.within(switch),
                exercise,
                set_number,
            )
        where = (exercise, set_number, rep)
        if side is None:
            text = _MOVE.within(move, rep=rep, reps=reps)
        else:
            text = _SIDED_MOVE[side].within(move, rep=rep, reps=reps)
        yield _Segment(CueKind.MOVE, move, text, *where)
        if hold is not None:
            text = _HOLD.within(hold, time=seconds_text(hold))
            yield _Segment(CueKind.HOLD, hold, text, *where)
        yield _Segment(CueKind.RELEASE, release, _RELEASE.within(release), *where)


def _safety(routine: Routine) -> tuple[str, ...]:
    """The advice the first cue carries: the routine's, then every timeline's.

    In the current language where it is the library's own advice (a
    routine's safety holds it in the words of the language it was planned
    in), so that advice the routine holds too is said once; other advice
    as the routine gives it.
    """
    own = (_(advice) for advice in routine.safety)
    return tuple(dict.fromkeys((*own, *(_(advice) for advice in START_ADVICE))))


def _segments(routine: Routine, pace: Pace) -> Iterator[_Segment]:
    """Every segment of *routine*, in order, ending with a zero-length one."""
    previous: Exercise | None = None
    for step in routine.steps:
        exercise = step.exercise
        first = previous is None
        seconds = lead_in_seconds(
            exercise,
            pace,
            first=first,
            new_position=previous is not None
            and previous.position is not exercise.position,
        )
        yield _Segment(
            CueKind.GET_READY if first else CueKind.NEXT_EXERCISE,
            seconds,
            _start_text(exercise, first=first),
            exercise,
            steps=exercise.instructions,
            cautions=routine.cautions(exercise),
            # The routine's own advice first (the screening, its person's
            # conditions), then what every timeline starts with.
            safety=_safety(routine) if first else (),
        )
        for set_number, exercise_set in enumerate(step.sets, start=1):
            yield from _reps(exercise, set_number, exercise_set, pace)
            rest = exercise_set.rest_after_seconds
            if rest:
                text = _REST.within(rest, time=seconds_text(rest))
                yield _Segment(CueKind.REST, rest, text, exercise, set_number)
        previous = exercise
    yield _Segment(CueKind.DONE, 0, _(DONE_TEXT))


def estimate_duration(
    routine: Routine, pace: Pace | None = None, *, language: str | None = None
) -> float:
    """How long *routine* takes, in seconds, by the timing model of *pace*.

    It is exactly where :func:`timeline` ends, in the same *language*: the
    cues take as long as their words do to say.
    """
    pace = pace or Pace()
    total = 0.0
    with speaking_for(language, routine.language):
        for segment in _segments(routine, pace):
            total += segment.seconds
    return total


def timeline(
    routine: Routine, pace: Pace | None = None, *, language: str | None = None
) -> tuple[Cue, ...]:
    """The cues a guided timer shows or speaks for *routine*, in order.

    Cues are contiguous: the first starts at 0, each starts where the one
    before ends, and the last (``done``, zero seconds long) starts at
    :func:`estimate_duration`.  Each cue's text can be said within it at
    150 words a minute (see :func:`speaking_seconds`), whatever the pace:
    the cue that starts an exercise lasts as long as its words if the pace
    gives it less time; a move, a release or a switch of side lasts at
    least one word's time (0.4 seconds), and says less when it is short.
    The final cue's few words are said as the timer stops.  The cue that
    starts an exercise carries its steps and the person's cautions; the
    first also carries the safety advice.

    The cues are in *language*, else the routine's own
    (``Routine.language``); a wordier language takes longer to say,
    and its timeline lasts longer.

    Raises:
        UnknownLanguageError: *language*, or the routine's, is not one
            backroutine writes (a :class:`ValueError`).
    """
    pace = pace or Pace()
    cues = []
    start = 0.0
    with speaking_for(language, routine.language):
        segments = list(_segments(routine, pace))
    for segment in segments:
        cues.append(
            Cue(
                start_seconds=start,
                seconds=segment.seconds,
                kind=segment.kind,
                text=segment.text,
                exercise_id=segment.exercise.id if segment.exercise else None,
                set_number=segment.set_number,
                rep_number=segment.rep_number,
                steps=segment.steps,
                cautions=segment.cautions,
                safety=segment.safety,
            )
        )
        start += segment.seconds
    return tuple(cues)


def spells(
    routine: Routine,
    position: Position,
    pace: Pace | None = None,
    *,
    language: str | None = None,
) -> tuple[float, ...]:
    """How long each unbroken spell in *position* lasts, in seconds, in order.

    A spell runs over the cues of consecutive exercises done in *position*,
    from the cue that leads into the first (getting into position counts)
    to the end of the last, by the timing model of *pace*.  Pregnancy keeps
    each spell lying on the back short.  Timed in *language*, else the
    routine's own, as :func:`timeline` times it.
    """
    pace = pace or Pace()
    lengths: list[float] = []
    current = 0.0
    with speaking_for(language, routine.language):
        segments = list(_segments(routine, pace))
    for segment in segments:
        if segment.exercise is not None and segment.exercise.position is position:
            current += segment.seconds
        elif current:
            lengths.append(current)
            current = 0.0
    return tuple(lengths)


publish(Cue, Pace, estimate_duration, speaking_seconds, spells, timeline)
