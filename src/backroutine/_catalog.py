"""Catalog: an immutable, ordered collection of exercises keyed by id."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Final

import attrs

from backroutine import _spec as v
from backroutine._model import Exercise
from backroutine._vocabulary import (
    Bias,
    BodyArea,
    Difficulty,
    Equipment,
    Occasion,
    Position,
    TimeOfDay,
)
from backroutine.exceptions import UnknownExerciseError

if TYPE_CHECKING:
    from backroutine._translation import CatalogTranslation


def _index(exercises: tuple[Exercise, ...]) -> dict[str, Exercise]:
    by_id: dict[str, Exercise] = {}
    for position, exercise in enumerate(exercises):
        if exercise.id in by_id:
            v.refuse(
                f"exercises[{position}].id",
                f"must be unique in a catalog (got {exercise.id!r} again)",
                rule="unique_id",
                value=exercise.id,
            )
        by_id[exercise.id] = exercise
    return by_id


def _easier(
    exercises: tuple[Exercise, ...], by_id: dict[str, Exercise]
) -> dict[str, tuple[str, ...]]:
    """Each exercise's direct easier versions, after checking every link.

    Every id an exercise names as harder must be in the catalog, and no
    chain of harder versions may lead back to where it started.
    """
    easier: dict[str, list[str]] = {}
    for position, exercise in enumerate(exercises):
        for index, harder in enumerate(exercise.harder):
            if harder not in by_id:
                v.refuse(
                    f"exercises[{position}].harder[{index}]",
                    f"must be the id of an exercise in the catalog (got {harder!r})",
                    rule="known_id",
                    value=harder,
                )
            easier.setdefault(harder, []).append(exercise.id)
    _refuse_cycles(exercises, by_id)
    return {harder: tuple(ids) for harder, ids in easier.items()}


def _refuse_cycles(exercises: tuple[Exercise, ...], by_id: dict[str, Exercise]) -> None:
    """Refuse a chain of harder versions that comes back to where it started."""
    done: set[str] = set()
    for position, start in enumerate(exercises):
        if start.id in done or not start.harder:
            continue
        # Depth first, without recursion: the path so far, and each one's
        # harder versions still to visit.
        path = [start.id]
        on_path = {start.id}
        todo = [iter(start.harder)]
        while todo:
            following = next(todo[-1], None)
            if following is None:
                finished = path.pop()
                on_path.discard(finished)
                done.add(finished)
                todo.pop()
                continue
            if following in on_path:
                cycle = [*path[path.index(following) :], following]
                v.refuse(
                    f"exercises[{position}].harder",
                    "must not lead back to the same exercise "
                    f"(got {' -> '.join(cycle)})",
                    rule="no_cycles",
                    value=start.harder,
                )
            if following in done:
                continue
            path.append(following)
            on_path.add(following)
            todo.append(iter(by_id[following].harder))


def _exercises(value: Iterable[Exercise]) -> tuple[Exercise, ...]:
    return v.to_tuple(value)


MAX_EXERCISES: Final = 10_000_000
"""The most exercises a catalog may hold."""


@attrs.frozen(repr=False, eq=False, getstate_setstate=False)
class Catalog(v.Value):
    """An immutable, ordered collection of exercises, keyed by id.

    Build one from any iterable of :class:`Exercise`; ids must be unique.
    A catalog supports ``len``, iteration in order, ``id in catalog`` and
    ``catalog[id]``, and narrows down with :meth:`select`.

    Args:
        exercises: The exercises, in the order the catalog keeps them; no
            two with the same id.

    Raises:
        ValueError: Two exercises share an id.
        TypeError: Something that is not an :class:`Exercise` was given.
    """

    exercises: tuple[Exercise, ...] = attrs.field(
        default=(),
        converter=_exercises,
        validator=v.Items(v.Nested(Exercise), max_count=MAX_EXERCISES),
    )
    # Private, and never changed once built.  Annotated with names the
    # package exports, so that typing.get_type_hints(Catalog) works.
    _by_id: dict[str, Exercise] = attrs.field(init=False, eq=False, hash=False)
    _easier: dict[str, tuple[str, ...]] = attrs.field(init=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        by_id = _index(self.exercises)
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_easier", _easier(self.exercises, by_id))

    def __repr__(self) -> str:
        ids = ", ".join(map(repr, self._by_id))
        return f"Catalog(<{len(self)} exercises: {ids}>)"

    def __len__(self) -> int:
        return len(self.exercises)

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Exercise):
            return self._by_id.get(item.id) == item
        return item in self._by_id

    def __getitem__(self, exercise_id: str) -> Exercise:
        try:
            return self._by_id[exercise_id]
        except (KeyError, TypeError):  # TypeError: an unhashable id
            raise UnknownExerciseError(
                exercise_id, self.nearest_ids(exercise_id)
            ) from None

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the exercises, in order."""
        return tuple(self._by_id)

    def get(self, exercise_id: str) -> Exercise | None:
        """The exercise with *exercise_id*, or None if there is none."""
        return self._by_id.get(exercise_id)

    def nearest_ids(self, exercise_id: object, *, count: int = 3) -> tuple[str, ...]:
        """Up to *count* known ids that look most like *exercise_id*."""
        if not isinstance(exercise_id, str):
            return ()
        import difflib  # noqa: PLC0415 (only for a mistyped id)

        return tuple(
            difflib.get_close_matches(exercise_id, self._by_id, n=count, cutoff=0.5)
        )

    def harder_than(self, exercise_id: str) -> tuple[Exercise, ...]:
        """Every harder version of an exercise, nearest first.

        The exercises its ``harder`` ids name, then
        theirs, and so on, each once, nearest first and in catalog order
        among equals.

        Raises:
            UnknownExerciseError: The catalog holds no *exercise_id*.
        """
        return self._chain(exercise_id, lambda e: e.harder)

    def easier_than(self, exercise_id: str) -> tuple[Exercise, ...]:
        """Every easier version of an exercise, nearest first.

        The exercises that name it as harder, then those that name them,
        and so on, each once, nearest first and in catalog order among
        equals.

        Raises:
            UnknownExerciseError: The catalog holds no *exercise_id*.
        """
        return self._chain(exercise_id, lambda e: self._easier.get(e.id, ()))

    def _chain(
        self, exercise_id: str, step: Callable[[Exercise], Iterable[str]]
    ) -> tuple[Exercise, ...]:
        seen = {exercise_id}
        found: list[Exercise] = []
        ring = [self[exercise_id]]
        while ring:
            following = {i for e in ring for i in step(e) if i not in seen}
            seen |= following
            ring = [e for e in self.exercises if e.id in following]
            found.extend(ring)
        return tuple(found)

    def translated(
        self, translation: CatalogTranslation, *, complete: bool = False
    ) -> Catalog:
        """This catalog with its exercises' words in *translation*'s language.

        Each exercise *translation* names takes the words it gives, field
        by field; anything it leaves out keeps the catalog's own words,
        unless *complete* says that nothing may be left out.

        Args:
            translation: The words, read from a ``catalog_translation``
                document (or built in Python).
            complete: Whether every exercise, and every one of its words,
                must be translated, as for a language an app offers in full.

        Raises:
            InvalidDocumentError: *translation* does not fit this catalog:
                it names an exercise the catalog does not have, a list has
                more or fewer items than the exercise's, it translates a
                field the exercise leaves empty, a translation adds or
                drops a placeholder such as ``{name}``, or, with
                *complete*, something is missing.  Every problem is listed
                with its path in the translation, such as
                ``$.exercises[2].instructions: must have 5 items, as
                exercise 'cat-cow' has (got 4)``.
        """
        from backroutine._translation import translate  # noqa: PLC0415 (rarely needed)

        return translate(self, translation, complete=complete)

    def select(  # noqa: PLR0913 (one keyword per thing an exercise can be asked for)
        self,
        *,
        target: BodyArea | None = None,
        time_of_day: TimeOfDay | None = None,
        occasion: Occasion | None = None,
        position: Position | None = None,
        bias: Bias | None = None,
        equipment: Iterable[Equipment] | None = None,
        max_difficulty: Difficulty | None = None,
    ) -> Catalog:
        """The exercises that match every criterion given, in catalog order.

        Args:
            target: Exercises that work this area or one of its parts.
            time_of_day: Exercises that suit this time of day.
            occasion: Exercises that suit this occasion.
            position: Exercises done in this position.
            bias: Exercises with this spinal bias.
            equipment: The equipment at hand: exercises that need nothing
                else (an empty iterable: exercises that need no equipment).
            max_difficulty: Exercises at this difficulty or easier.

        Returns:
            A new catalog; criteria left as None do not narrow it.  It is a
            catalog in its own right, so its exercises keep only the
            ``harder`` links to exercises it
            holds; ask this catalog, not the selection, for versions
            outside it.
        """
        at_hand = None if equipment is None else frozenset(equipment)

        def matches(exercise: Exercise) -> bool:
            return (
                (target is None or exercise.works(target))
                and (time_of_day is None or time_of_day in exercise.times)
                and (occasion is None or occasion in exercise.occasions)
                and (position is None or exercise.position is position)
                and (bias is None or exercise.bias is bias)
                and (at_hand is None or at_hand.issuperset(exercise.equipment))
                and (
                    max_difficulty is None
                    or exercise.difficulty.level <= max_difficulty.level
                )
            )

        kept = [exercise for exercise in self.exercises if matches(exercise)]
        ids = {exercise.id for exercise in kept}
        return Catalog(
            exercise
            if ids.issuperset(exercise.harder)
            else attrs.evolve(
                exercise, harder=tuple(i for i in exercise.harder if i in ids)
            )
            for exercise in kept
        )
