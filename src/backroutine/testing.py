"""Hypothesis strategies that build valid backroutine values.

Install the ``testing`` extra (``pip install 'backroutine[testing]'``) and
test your own code with any valid routine, exercise or catalog::

    from hypothesis import given

    from backroutine import Routine
    from backroutine.testing import routines


    @given(routines())
    def test_summary_names_every_exercise(routine: Routine) -> None:
        text = summarize(routine)
        assert all(exercise.name in text for exercise in routine.exercises)

Every strategy builds valid values directly, without filtering, so drawing
is quick and never gives up.  Each field is drawn from the rule spec the
model states for it (:func:`values` does it for any value class), so a
field added to the model is drawn too, with no list of fields to update.
Text includes non-ASCII characters; it is kept short so that examples stay
fast, and never reaches the model's length limits.  This is the only module
of backroutine that imports Hypothesis.
"""

from __future__ import annotations

import math
import string
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from backroutine import _spec as v
from backroutine._catalog import Catalog
from backroutine._documents import FORMAT, Document
from backroutine._i18n import LANGUAGES
from backroutine._model import (
    MAX_EXCLUDED,
    MAX_HOLD_SECONDS,
    MAX_ID_LENGTH,
    MAX_MINUTES,
    MAX_PROGRESSION,
    MAX_REPS,
    MAX_REST_SECONDS,
    MAX_SETS,
    MAX_SPAN,
    MAX_STEPS,
    MAX_TIMES_A_DAY,
    Caution,
    Dosage,
    Exercise,
    ExerciseSet,
    Finding,
    Hold,
    Phase,
    PlanRequest,
    Routine,
    RoutineStep,
    Screening,
    Span,
)
from backroutine._programme_model import (
    ExerciseDone,
    Programme,
    ProgrammeRequest,
    Session,
    Slot,
    slot_id,
)
from backroutine._safety import screen
from backroutine._timing import MAX_PACE_SECONDS, Pace
from backroutine._translation import CatalogTranslation, ExerciseText
from backroutine._vocabulary import (
    Bias,
    BodyArea,
    Condition,
    Movement,
    Position,
    TimeOfDay,
    WarningSign,
)

__all__ = [
    "catalog_translations",
    "catalogs",
    "cautions",
    "documents",
    "dosages",
    "exercise_sets",
    "exercises",
    "findings",
    "holds",
    "languages",
    "paces",
    "plan_requests",
    "programme_requests",
    "programmes",
    "routine_steps",
    "routines",
    "screenings",
    "sessions",
    "spans",
    "values",
]

T = TypeVar("T")

_SLUG_ALPHABET = string.ascii_lowercase + string.digits
_MAX_WORD_LENGTH = 12
# As many words as fit: the longest slug is exactly MAX_ID_LENGTH long.
_MAX_WORDS = (MAX_ID_LENGTH + 1) // (_MAX_WORD_LENGTH + 1)

# Text is padded on each side of one character that is not whitespace, so it
# is never blank and at most 2 * _MAX_PADDING + 1 characters long: far below
# MAX_NAME_LENGTH and MAX_TEXT_LENGTH, and quick to draw.
_MAX_PADDING = 15
# Any character outside the model's white space keeps text from being
# blank.  No surrogates (Cs): a lone one cannot be encoded as UTF-8, so the
# model refuses it.
_NON_BLANK = st.characters(exclude_categories=["Cs"], exclude_characters=v.WHITESPACE)
_CHARACTERS = st.characters(exclude_categories=["Cs"])
_PADDING = st.text(_CHARACTERS, max_size=_MAX_PADDING)
_TEXTS = st.builds("{}{}{}".format, _PADDING, _NON_BLANK, _PADDING)
# The most items a list of values other than enum members is drawn with.
_MAX_LIST_SIZE = 3


def _texts(max_length: int) -> st.SearchStrategy[str]:
    if max_length >= 2 * _MAX_PADDING + 1:
        return _TEXTS
    padding = st.text(_CHARACTERS, max_size=(max_length - 1) // 2)
    return st.builds("{}{}{}".format, padding, _NON_BLANK, padding)


def _from_spec(spec: v.Spec) -> st.SearchStrategy[Any]:  # noqa: C901, PLR0911 (one per spec)
    """Valid values for a field with *spec*."""
    if isinstance(spec, v.Integer):
        return st.integers(min_value=spec.minimum, max_value=spec.maximum)
    if isinstance(spec, v.Number):
        floats = st.floats(
            min_value=spec.minimum,
            max_value=spec.maximum,
            exclude_min=spec.exclusive_minimum,
            allow_nan=False,
            allow_infinity=False,
        )
        low = math.floor(spec.minimum) + 1 if spec.exclusive_minimum else spec.minimum
        whole = st.integers(
            min_value=math.ceil(low),
            max_value=None if spec.maximum is None else math.floor(spec.maximum),
        )
        return floats | whole
    if isinstance(spec, v.Text):
        return _texts(spec.max_length)
    if isinstance(spec, v.Slug):
        return _slugs(spec.max_length)
    if isinstance(spec, v.Flag):
        return st.booleans()
    if isinstance(spec, v.Date):
        return st.dates()
    if isinstance(spec, v.Member):
        return st.sampled_from(spec.enum)
    if isinstance(spec, v.Nested):
        narrowed = {name: _from_spec(inner) for name, inner in spec.narrow}
        special = _SPECIAL.get(spec.cls)
        if special is not None:
            return special(spec)
        return values(spec.cls, **narrowed)
    if isinstance(spec, v.Maybe):
        return st.none() | _from_spec(spec.inner)
    if isinstance(spec, v.Items):
        every_member = isinstance(spec.item, v.Member)
        most = spec.max_count if every_member else spec.min_count + _MAX_LIST_SIZE
        return st.lists(
            _from_spec(spec.item),
            min_size=spec.min_count,
            max_size=min(spec.max_count, most),
            unique=spec.unique,
        )
    msg = f"no strategy for the spec {spec!r}"
    raise InvalidArgument(msg)


def values(cls: type[T], **fields: st.SearchStrategy[Any]) -> st.SearchStrategy[T]:
    """Valid values of any backroutine value class, each field from its spec.

    Every field of *cls* is drawn from the rule the model states for it, so
    a field added to the model is drawn without any change here.  Values
    whose fields depend on each other (a span's ends, a catalog's ids) have
    strategies of their own, such as :func:`spans` and :func:`catalogs`.

    Args:
        cls: The value class, such as :class:`~backroutine.Hold`.
        fields: A strategy for some of its fields, to draw those from
            instead; each must give valid values.

    Returns:
        A strategy for *cls*.

    Raises:
        hypothesis.errors.InvalidArgument: *cls* is not a value class, or
            *fields* names a field it does not have.
    """
    if not attrs.has(cls):
        msg = f"cls must be a backroutine value class (got {cls!r})"
        raise InvalidArgument(msg)
    known = {field.name: field for field in v.fields_of(cls)}
    unknown = sorted(set(fields) - set(known))
    if unknown:
        msg = f"{cls.__name__} has no field {', '.join(unknown)}"
        raise InvalidArgument(msg)
    drawn = {
        name: fields[name] if name in fields else _from_spec(v.spec_of(field))
        for name, field in known.items()
    }
    built: st.SearchStrategy[T] = st.builds(cast("Callable[..., T]", cls), **drawn)
    return built


def _check_bounds(  # noqa: PLR0913 (the bounds are keyword-only)
    names: tuple[str, str],
    low: float,
    high: float,
    *,
    floor: float,
    ceiling: float | None = None,
    above_floor: bool = False,
) -> None:
    """Raise InvalidArgument unless ``floor <= low <= high <= ceiling``.

    With *above_floor*, *low* must lie strictly above *floor*.  NaN is
    always refused.
    """
    low_ok = floor < low if above_floor else floor <= low
    high_ok = ceiling is None or high <= ceiling
    if not (low_ok and low <= high and high_ok):
        low_name, high_name = names
        bounds = f"{floor} {'<' if above_floor else '<='} {low_name} <= {high_name}"
        if ceiling is not None:
            bounds += f" <= {ceiling}"
        msg = f"need {bounds} (got {low_name}={low!r}, {high_name}={high!r})"
        raise InvalidArgument(msg)


def spans(*, min_value: int = 0, max_value: int = MAX_SPAN) -> st.SearchStrategy[Span]:
    """Spans whose ends both lie from *min_value* to *max_value*.

    Args:
        min_value: The smallest end, at least 0.
        max_value: The largest end, at most 10,000.

    Returns:
        A strategy for :class:`~backroutine.Span`, including single numbers.

    Raises:
        hypothesis.errors.InvalidArgument: The bounds are out of order or
            outside what a span may hold.
    """
    _check_bounds(
        ("min_value", "max_value"), min_value, max_value, floor=0, ceiling=MAX_SPAN
    )
    ends = st.integers(min_value=min_value, max_value=max_value)
    return st.tuples(ends, ends).map(lambda pair: Span(min(pair), max(pair)))


def holds() -> st.SearchStrategy[Hold]:
    """Static holds of any valid length.

    Returns:
        A strategy for :class:`~backroutine.Hold`.
    """
    return values(Hold)


def dosages(
    *,
    max_sets: int = MAX_SETS,
    max_reps: int = MAX_REPS,
    max_hold_seconds: int = MAX_HOLD_SECONDS,
    max_rest_seconds: int = MAX_REST_SECONDS,
) -> st.SearchStrategy[Dosage]:
    """Dosages within the model's limits, with or without a hold.

    Args:
        max_sets: The most sets a dosage may ask for, from 1 to 10.
        max_reps: The most reps, from 1 to 100.
        max_hold_seconds: The longest hold, from 1 to 600 seconds.
        max_rest_seconds: The longest rest between sets, from 0 to 600.

    Returns:
        A strategy for :class:`~backroutine.Dosage`; lower the maxima for
        dosages of everyday size.

    Raises:
        hypothesis.errors.InvalidArgument: A maximum is outside its range.
    """
    for name, value, floor, ceiling in (
        ("max_sets", max_sets, 1, MAX_SETS),
        ("max_reps", max_reps, 1, MAX_REPS),
        ("max_hold_seconds", max_hold_seconds, 1, MAX_HOLD_SECONDS),
        ("max_rest_seconds", max_rest_seconds, 0, MAX_REST_SECONDS),
    ):
        _check_bounds((str(floor), name), floor, value, floor=floor, ceiling=ceiling)
    return values(
        Dosage,
        sets=spans(min_value=1, max_value=max_sets),
        reps=spans(min_value=1, max_value=max_reps),
        hold_seconds=st.none() | spans(min_value=1, max_value=max_hold_seconds),
        rest_seconds=st.integers(min_value=0, max_value=max_rest_seconds),
    )


_dosages = dosages


def exercise_sets() -> st.SearchStrategy[ExerciseSet]:
    """Sets anywhere within the model's limits, with or without a hold.

    Returns:
        A strategy for :class:`~backroutine.ExerciseSet`.
    """
    return values(ExerciseSet)


def _slugs(max_length: int = MAX_ID_LENGTH) -> st.SearchStrategy[str]:
    """Slugs of at most *max_length* characters: words of up to 12 letters."""
    longest = min(_MAX_WORD_LENGTH, max_length)
    most = (max_length + 1) // (longest + 1)
    words = st.text(_SLUG_ALPHABET, min_size=1, max_size=longest)
    return st.lists(words, min_size=1, max_size=most).map("-".join)


def cautions() -> st.SearchStrategy[Caution]:
    """Cautions about a condition or a situation.

    Returns:
        A strategy for :class:`~backroutine.Caution`, naming none, one or a
        few conditions.
    """
    conditions = st.lists(st.sampled_from(Condition), max_size=3, unique=True)
    # Only a caution about a condition may leave the exercise out for it.
    return conditions.flatmap(
        lambda named: values(
            Caution,
            conditions=st.just(named),
            leave_out=st.booleans() if named else st.just(False),
        )
    )


def screenings() -> st.SearchStrategy[Screening]:
    """Screenings of any warning signs, none, one or many.

    Returns:
        A strategy for :class:`~backroutine.Screening`, as
        :func:`~backroutine.screen` makes them.
    """
    signs = st.lists(st.sampled_from(WarningSign), unique=True)
    return signs.map(screen)


def findings() -> st.SearchStrategy[Finding]:
    """Findings of one warning sign each, with its urgency and advice.

    Returns:
        A strategy for :class:`~backroutine.Finding`.
    """
    return st.sampled_from(WarningSign).map(lambda sign: screen([sign]).findings[0])


def exercises(
    *,
    ids: st.SearchStrategy[str] | None = None,
    dosages: st.SearchStrategy[Dosage] | None = None,
) -> st.SearchStrategy[Exercise]:
    """Exercises with every field valid, optional ones sometimes left empty.

    Args:
        ids: A strategy for the ids, which must be valid slugs; by default,
            any slug up to 64 characters long.
        dosages: A strategy for the dosages; by default :func:`dosages`.

    Returns:
        A strategy for :class:`~backroutine.Exercise`, naming no harder
        version: :func:`catalogs` links its exercises.
    """
    return (
        st.sampled_from(Bias)
        .flatmap(
            lambda bias: values(
                Exercise,
                id=_slugs() if ids is None else ids,
                dosage=_dosages() if dosages is None else dosages,
                bias=st.just(bias),
                phases=_phases(bias),
                best_times=st.just(()),
                harder=st.just(()),
            )
        )
        .flatmap(_with_links)
    )


_exercises = exercises


def _with_links(exercise: Exercise) -> st.SearchStrategy[Exercise]:
    """*exercise* with some of its times as its best."""
    if not exercise.times:
        return st.just(exercise)
    best = st.lists(st.sampled_from(exercise.times), unique=True)
    return best.map(lambda times: attrs.evolve(exercise, best_times=times))


def _agreeing(bias: Bias, phases: list[Phase]) -> tuple[Phase, ...]:
    """*phases* made to agree with *bias*, as an exercise's must."""
    if not phases:
        return ()
    if bias is Bias.NEUTRAL:
        return tuple(attrs.evolve(phase, moves=()) for phase in phases)
    moved = {move for phase in phases for move in phase.moves}
    needed = {
        Bias.FLEXION: {Movement.FLEXION},
        Bias.EXTENSION: {Movement.EXTENSION},
        Bias.ROTATION: {Movement.ROTATION},
        Bias.MIXED: set() if len(moved) > 1 else {Movement.FLEXION, Movement.EXTENSION},
    }[bias] - moved
    first = phases[0]
    first = attrs.evolve(first, moves=(*first.moves, *sorted(needed, key=str)))
    return (first, *phases[1:])


def _phases(bias: Bias) -> st.SearchStrategy[tuple[Phase, ...]]:
    """Phases that agree with *bias*: none, or some that move as it says."""
    drawn = _from_spec(v.spec_of(attrs.fields(Exercise).phases))
    return drawn.map(lambda phases: _agreeing(bias, list(phases)))


def routine_steps(
    *, min_sets: int = 1, max_sets: int = 3
) -> st.SearchStrategy[RoutineStep]:
    """Steps of any exercise, with or without a note.

    Args:
        min_sets: The fewest sets in a step, at least 1.
        max_sets: The most sets in a step, at most 10.

    Returns:
        A strategy for :class:`~backroutine.RoutineStep`.

    Raises:
        hypothesis.errors.InvalidArgument: The bounds are out of order or
            outside what a step may hold.
    """
    _check_bounds(
        ("min_sets", "max_sets"), min_sets, max_sets, floor=1, ceiling=MAX_SETS
    )
    return values(
        RoutineStep,
        sets=st.lists(exercise_sets(), min_size=min_sets, max_size=max_sets),
    )


def routines(*, min_steps: int = 1, max_steps: int = 4) -> st.SearchStrategy[Routine]:
    """Routines with every field valid, optional ones sometimes left empty.

    Args:
        min_steps: The fewest steps in a routine, at least 1.
        max_steps: The most steps in a routine, at most 1,000.

    Returns:
        A strategy for :class:`~backroutine.Routine`.

    Raises:
        hypothesis.errors.InvalidArgument: The bounds are out of order or
            outside what a routine may hold.
    """
    _check_bounds(
        ("min_steps", "max_steps"), min_steps, max_steps, floor=1, ceiling=MAX_STEPS
    )
    return values(
        Routine,
        steps=st.lists(routine_steps(), min_size=min_steps, max_size=max_steps),
        language=languages(),
    )


def languages() -> st.SearchStrategy[str]:
    """The languages backroutine writes, English first (it shrinks to it).

    A routine or a screening may say any language tag; drawn ones say one
    whose headings backroutine can write, so that they can be rendered.
    """
    return st.sampled_from(LANGUAGES)


def paces(*, max_seconds: float = MAX_PACE_SECONDS) -> st.SearchStrategy[Pace]:
    """Paces with each part anywhere from 0 to *max_seconds*.

    Each part is a whole number, a number of tenths such as 2.5 or 0.1
    (most tenths have no exact binary form, so their sums round), or any
    float in range.

    Args:
        max_seconds: The longest any part may take, from 0 to 600 seconds.

    Returns:
        A strategy for :class:`~backroutine.Pace`.

    Raises:
        hypothesis.errors.InvalidArgument: *max_seconds* is out of range.
    """
    _check_bounds(
        ("0", "max_seconds"), 0, max_seconds, floor=0, ceiling=MAX_PACE_SECONDS
    )
    seconds = st.one_of(
        st.integers(min_value=0, max_value=int(max_seconds)),
        st.integers(min_value=0, max_value=int(max_seconds * 10)).map(
            lambda tenths: tenths / 10
        ),
        st.floats(min_value=0, max_value=max_seconds),
    )
    return values(Pace, **dict.fromkeys(attrs.fields_dict(Pace), seconds))


def catalogs(
    *,
    min_size: int = 0,
    max_size: int = 5,
    exercises: st.SearchStrategy[Exercise] | None = None,
) -> st.SearchStrategy[Catalog]:
    """Catalogs of exercises with unique ids, some naming harder versions.

    Each exercise may name later ones in the catalog as its harder
    versions, so the chains never come back on themselves.

    Args:
        min_size: The fewest exercises in a catalog, at least 0.
        max_size: The most exercises in a catalog.
        exercises: A strategy for the exercises; by default
            :func:`exercises`.  Their own ``harder`` links are replaced.

    Returns:
        A strategy for :class:`~backroutine.Catalog`.

    Raises:
        hypothesis.errors.InvalidArgument: The bounds are out of order or
            negative.
    """
    _check_bounds(("min_size", "max_size"), min_size, max_size, floor=0)
    return st.lists(
        _exercises() if exercises is None else exercises,
        min_size=min_size,
        max_size=max_size,
        unique_by=lambda exercise: exercise.id,
    ).flatmap(_linked)


def _linked(found: list[Exercise]) -> st.SearchStrategy[Catalog]:
    """A catalog of *found*, each naming harder versions only after it: no cycle."""
    links = [
        st.lists(st.sampled_from([e.id for e in found[index + 1 :]]), unique=True)
        if index + 1 < len(found)
        else st.just([])
        for index in range(len(found))
    ]
    return st.tuples(*links).map(
        lambda drawn: Catalog(
            attrs.evolve(exercise, harder=ids)
            for exercise, ids in zip(found, drawn, strict=True)
        )
    )


def plan_requests(
    *,
    exercise_ids: Sequence[str] = (),
    min_minutes: float = 0.5,
    max_minutes: float = MAX_MINUTES,
    stopping_signs: bool = False,
) -> st.SearchStrategy[PlanRequest]:
    """Plan requests for any time of day, with or without constraints.

    Args:
        exercise_ids: The ids a request may exclude, such as those of the
            catalog under test, so that every excluded id exists there;
            repeats count once.  By default, a request excludes nothing.
        min_minutes: The smallest budget, above 0.
        max_minutes: The largest budget, at most 240.
        stopping_signs: Whether requests may carry warning signs that stop
            planning (emergency or urgent ones, for which
            :func:`~backroutine.plan_routine` raises
            :class:`~backroutine.SeekCareError`); by default only signs
            that say to see a professional are drawn.

    Returns:
        A strategy for :class:`~backroutine.PlanRequest`, whose budget is
        sometimes given as an int.

    Raises:
        hypothesis.errors.InvalidArgument: The bounds are out of order or
            outside what a request may ask for, or an id is not a valid
            exercise id.
    """
    _check_bounds(
        ("min_minutes", "max_minutes"),
        min_minutes,
        max_minutes,
        floor=0,
        ceiling=MAX_MINUTES,
        above_floor=True,
    )
    if isinstance(exercise_ids, str):
        msg = f"exercise_ids must be a sequence of ids (got {exercise_ids!r})"
        raise InvalidArgument(msg)
    ids = tuple(dict.fromkeys(exercise_ids))
    check_id = v.Slug(MAX_ID_LENGTH).check
    for exercise_id in ids:
        try:
            check_id(exercise_id)
        except v.Problem as problem:
            msg = f"each of exercise_ids {problem.problem}"
            raise InvalidArgument(msg) from None

    minutes: st.SearchStrategy[float] = st.floats(
        min_value=min_minutes, max_value=max_minutes
    )
    whole_minutes = range(math.ceil(min_minutes), math.floor(max_minutes) + 1)
    if whole_minutes:
        minutes |= st.integers(min_value=whole_minutes[0], max_value=whole_minutes[-1])
    return values(
        PlanRequest,
        targets=st.lists(st.sampled_from(BodyArea), max_size=3, unique=True),
        minutes=minutes,
        avoid_positions=st.lists(st.sampled_from(Position), max_size=2, unique=True),
        avoid_biases=st.lists(st.sampled_from(Bias), max_size=2, unique=True),
        exclude=(
            st.lists(st.sampled_from(ids), max_size=MAX_EXCLUDED, unique=True)
            if ids
            else st.just(())
        ),
        conditions=st.lists(st.sampled_from(Condition), max_size=2, unique=True),
        warning_signs=st.lists(
            st.sampled_from(WarningSign if stopping_signs else _PLANNABLE_SIGNS),
            max_size=2,
            unique=True,
        ),
        # Mostly a first session or the first few steps, as programmes ask.
        progression=st.integers(0, 6) | st.integers(0, MAX_PROGRESSION),
    )


def programme_requests(*, max_slots: int = 3) -> st.SearchStrategy[ProgrammeRequest]:
    """Valid programme requests: slots for other times, for one person.

    Args:
        max_slots: The most slots a request has.

    Returns:
        A strategy for :class:`~backroutine.ProgrammeRequest`, whose slots
        share their conditions and warning signs, and each have a time of
        day (or occasion) of their own.
    """
    _check_slots(max_slots, len(TimeOfDay))
    return st.builds(
        _one_person,
        st.lists(plan_requests(), min_size=1, max_size=max_slots, unique_by=slot_id),
    ).flatmap(lambda slots: values(ProgrammeRequest, slots=st.just(slots)))


def _check_slots(max_slots: int, most: int) -> None:
    if type(max_slots) is not int or not 1 <= max_slots <= most:
        msg = f"max_slots must be a whole number from 1 to {most} (got {max_slots!r})"
        raise InvalidArgument(msg)


def _one_person(slots: list[PlanRequest]) -> list[PlanRequest]:
    first = slots[0]
    return [
        attrs.evolve(
            slot, conditions=first.conditions, warning_signs=first.warning_signs
        )
        for slot in slots
    ]


def programmes(
    *, max_slots: int = 2, max_steps: int = 2
) -> st.SearchStrategy[Programme]:
    """Valid programmes, each slot with an id of its own.

    Their routines are drawn as :func:`routines` draws them, not planned:
    for planned ones, plan :func:`programme_requests`.

    Args:
        max_slots: The most slots a programme has.
        max_steps: The most steps a slot's routine has.
    """
    _check_slots(max_slots, MAX_TIMES_A_DAY)

    def slots(language: str) -> st.SearchStrategy[list[Slot]]:
        # A programme's routines all speak its language.
        routine = routines(max_steps=max_steps).map(
            lambda drawn: attrs.evolve(drawn, language=language)
        )
        return st.lists(
            values(Slot, routine=routine),
            min_size=1,
            max_size=max_slots,
            unique_by=lambda slot: slot.id,
        )

    return (
        languages()
        .flatmap(slots)
        .flatmap(lambda drawn: values(Programme, slots=st.just(drawn)))
    )


def sessions() -> st.SearchStrategy[Session]:
    """Valid sessions, each exercise named once, of any programme and slot."""
    done = st.lists(
        values(ExerciseDone), max_size=3, unique_by=lambda one: one.exercise
    )
    return values(Session, exercises=done)


def catalog_translations() -> st.SearchStrategy[CatalogTranslation]:
    """Valid catalog translations, each exercise translated once.

    Their ids and words are drawn as any: for a translation that fits a
    catalog, build one from its exercises.

    Returns:
        A strategy for :class:`~backroutine.CatalogTranslation`.
    """
    texts = st.lists(
        values(ExerciseText), max_size=_MAX_LIST_SIZE, unique_by=lambda text: text.id
    )
    return values(CatalogTranslation, exercises=texts)


def documents() -> st.SearchStrategy[Document]:
    """Any value that is a whole document: what :func:`~backroutine.dumps` writes.

    Every kind of document is drawn (see :data:`~backroutine.Document`),
    each from its own strategy with default arguments, or from
    :func:`values` for a kind without one.  Plan requests may carry any
    warning sign, including those that stop planning, since a document
    need not be plannable.

    Returns:
        A strategy for :class:`~backroutine.Routine`,
        :class:`~backroutine.Exercise`, :class:`~backroutine.Catalog`,
        :class:`~backroutine.PlanRequest` and any other kind of document.
    """
    made: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
        Routine: routines,
        Exercise: exercises,
        Catalog: catalogs,
        PlanRequest: lambda: plan_requests(stopping_signs=True),
        Screening: screenings,
        ProgrammeRequest: lambda: programme_requests(max_slots=1),
        # Each programme holds whole routines: one slot of one step keeps a
        # draw of every kind of document about as quick as a routine's.
        Programme: lambda: programmes(max_slots=1, max_steps=1),
        Session: sessions,
        CatalogTranslation: catalog_translations,
    }
    return st.one_of(
        *(made.get(cls, lambda cls=cls: values(cls))() for cls in FORMAT.classes)
    )


def _narrowed_spans(spec: v.Nested) -> st.SearchStrategy[Span]:
    """Spans within the narrowed ends of *spec*, if any."""
    low, high = 0, MAX_SPAN
    for _, end in spec.narrow:
        if isinstance(end, v.Integer):
            low, high = max(low, end.minimum), min(high, end.maximum)
    return spans(min_value=low, max_value=high)


# Classes whose fields depend on each other: drawn by their own strategy.
_SPECIAL: dict[type, Callable[[v.Nested], st.SearchStrategy[Any]]] = {
    Span: _narrowed_spans,
    Catalog: lambda _: catalogs(),
    Exercise: lambda _: exercises(),
    Caution: lambda _: cautions(),
    Finding: lambda _: findings(),
    Screening: lambda _: screenings(),
    ProgrammeRequest: lambda _: programme_requests(),
    Programme: lambda _: programmes(),
    Session: lambda _: sessions(),
    CatalogTranslation: lambda _: catalog_translations(),
}


# Signs that still let the planner plan (it puts their advice first).
_PLANNABLE_SIGNS = tuple(
    sign for sign in WarningSign if not screen([sign]).stops_exercise
)
