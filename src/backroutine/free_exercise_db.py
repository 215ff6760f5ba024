"""Read the open exercise data set free-exercise-db into a catalog.

`free-exercise-db <https://github.com/yuhonas/free-exercise-db>`_ describes
873 exercises in JSON, released into the public domain; hold times and
sides live only in their instructions' prose.  :func:`import_catalog`
reads what it can, gives documented defaults for what the data set does
not say, and reports every exercise it could not read fully, with why.

It never claims a safety fact it did not read: how an exercise moves the
spine is not in the data set, so every imported exercise carries
:data:`NOT_CHECKED`, which leaves it out of any plan for a person with a
health condition, and the routine's notes say so.

The module needs no third-party library (the standard library's ``json``
and ``re`` do the reading); it is an extra, ``pip install
'backroutine[free-exercise-db]'``, like the other adapters.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

import attrs

from backroutine._catalog import Catalog
from backroutine._model import (
    MAX_ID_LENGTH,
    MAX_NAME_LENGTH,
    MAX_TEXT_ITEMS,
    MAX_TEXT_LENGTH,
    Dosage,
    Exercise,
    Span,
)
from backroutine._safety import NOT_CHECKED
from backroutine._vocabulary import (
    Bias,
    BodyArea,
    Difficulty,
    Equipment,
    Laterality,
    Position,
    TimeOfDay,
)

MUSCLES: Final[Mapping[str, BodyArea]] = MappingProxyType(
    {
        "lower back": BodyArea.LOWER_BACK,
        "abdominals": BodyArea.ABDOMINALS,
        "hamstrings": BodyArea.HAMSTRINGS,
        "glutes": BodyArea.GLUTES,
        # The hip's abductors (gluteus medius and minimus) and adductors
        # move the hip: the area, not one of its named parts.
        "abductors": BodyArea.HIPS,
        "adductors": BodyArea.HIPS,
    }
)
"""The data set's muscle names that map to a :class:`~backroutine.BodyArea`.

The data set names no hip flexors (its ``quadriceps`` holds one, the rectus
femoris, among three that are not) and no obliques; its other names
(``middle back``, ``quadriceps``, ``calves``, the arms, chest, shoulders
and neck) are outside the areas backroutine knows, and are reported."""

LEVELS: Final[Mapping[str, Difficulty]] = MappingProxyType(
    {
        "beginner": Difficulty.BEGINNER,
        "intermediate": Difficulty.INTERMEDIATE,
        "expert": Difficulty.ADVANCED,
    }
)
"""The data set's ``level`` as a :class:`~backroutine.Difficulty`."""

CATEGORIES: Final = frozenset({"stretching", "strength", "cardio"})
"""The categories imported; the others (powerlifting, olympic weightlifting,
strongman, plyometrics) are not gentle back care, and are reported."""

DEFAULT_POSITION: Final = Position.STANDING
"""The position of an exercise whose instructions name none."""

DEFAULT_DOSAGE: Final = Dosage(sets=Span.exactly(1), reps=Span(8, 10))
"""The dose of a moving exercise whose instructions give none."""

DEFAULT_STRETCH_DOSAGE: Final = Dosage(
    sets=Span.exactly(1), reps=Span.exactly(1), hold_seconds=Span(10, 30)
)
"""The dose of a stretch whose instructions give none, a hold of 10 to 30
seconds once (the data set's own most common hold)."""

# The vocabulary's equipment, as the prose names it.
_EQUIPMENT_WORDS: Final = (
    (re.compile(r"\b(?:exercise |yoga )?mats?\b", re.IGNORECASE), Equipment.MAT),
    (re.compile(r"\bpillows?\b", re.IGNORECASE), Equipment.PILLOW),
    (re.compile(r"\btowels?\b", re.IGNORECASE), Equipment.TOWEL),
    (re.compile(r"\bchairs?\b", re.IGNORECASE), Equipment.CHAIR),
    (re.compile(r"\bwalls?\b", re.IGNORECASE), Equipment.WALL),
)

# Each position, as the prose puts it: the earliest mention wins.
_POSITIONS: Final = (
    (
        (
            r"on (?:your|the) back|lying supine|\bsupine\b"
            r"|l[ai]e (?:down |flat )*on (?:the|a) (?:floor|mat|bench)"
            r"|lying (?:flat )?on the floor|from a lying position"
        ),
        Position.SUPINE,
    ),
    (
        r"face down|on your (?:stomach|belly)|\bprone\b|lie down on your front",
        Position.PRONE,
    ),
    (r"on your side|side-lying|side lying", Position.SIDE_LYING),
    (r"hands and knees|all fours|quadruped", Position.QUADRUPED),
    (
        r"half[- ]kneel|kneel(?:ing)? on one knee|on one knee",
        Position.HALF_KNEELING,
    ),
    (r"\bkneel", Position.KNEELING),
    (r"\bsit\b|\bsitting\b|\bseated\b", Position.SEATED),
    (r"\bstand", Position.STANDING),
)
_NO_DOSE: Final = "no dose in the instructions"
"""How the report says an exercise was given the default dose."""

_PARTNER: Final = re.compile(r"\bpartner\b", re.IGNORECASE)
"""Instructions for two people: not a home exercise for one."""

_POSITION_PATTERN: Final = re.compile(
    "|".join(
        f"(?P<p{i}>{pattern})" for i, (pattern, _position) in enumerate(_POSITIONS)
    ),
    re.IGNORECASE,
)

_RANGE = r"(\d+)(?:\s*(?:-|\u2013|to|or)\s*(\d+))?"
_HOLD: Final = re.compile(
    _RANGE + r"(?:\s+or\s+more)?[\s-]+(seconds?|minutes?)\b", re.IGNORECASE
)
_REPS: Final = re.compile(_RANGE + r"\s+(?:repetitions|reps|times)\b", re.IGNORECASE)
_SETS: Final = re.compile(_RANGE + r"\s+sets\b", re.IGNORECASE)
_ALTERNATING: Final = re.compile(r"\balternat", re.IGNORECASE)
_EACH_SIDE: Final = re.compile(
    r"other (?:side|leg|arm|foot)|switch (?:sides|legs|arms|feet)"
    r"|opposite (?:side|leg|arm)|each (?:side|leg|arm)|both sides",
    re.IGNORECASE,
)


@attrs.frozen(kw_only=True)
class Unread:
    """An exercise of the data set that was not read fully, and why.

    Args:
        source_id: Its ``id`` in the data set.
        name: Its name in the data set.
        reasons: What could not be read, one sentence each.
        imported: Whether it is in the catalog all the same, with defaults
            for what was not read.
    """

    source_id: str
    name: str
    reasons: tuple[str, ...]
    imported: bool


@attrs.frozen(kw_only=True)
class Imported:
    """What :func:`import_catalog` read: the catalog and a report.

    Args:
        catalog: The exercises imported.
        unread: Every exercise not read fully, in the data set's order.
        unmapped_muscles: The muscle names of the data set that map to no
            :class:`~backroutine.BodyArea`, sorted.
        dosed: The ids of the imported exercises whose dose was read from
            their instructions, in catalog order.
    """

    catalog: Catalog
    unread: tuple[Unread, ...]
    unmapped_muscles: tuple[str, ...]
    dosed: tuple[str, ...]


def slugify(source_id: str) -> str:
    """The data set's *source_id* as an exercise id: ``3_4_Sit-Up``, ``3-4-sit-up``."""
    words = re.findall(r"[a-z0-9]+", source_id.lower())
    slug = "-".join(words)
    if len(slug) > MAX_ID_LENGTH:
        slug = slug[:MAX_ID_LENGTH].rstrip("-")
    return slug


def read_position(instructions: Iterable[str]) -> Position | None:
    """The position the *instructions* start in, or None if they name none."""
    found = _POSITION_PATTERN.search(" ".join(instructions))
    if found is None:
        return None
    index = int(next(k for k, v in found.groupdict().items() if v)[1:])
    return _POSITIONS[index][1]


def _span(match: re.Match[str], *, scale: int = 1) -> Span:
    low = int(match.group(1)) * scale
    high = int(match.group(2)) * scale if match.group(2) else low
    return Span(min(low, high), max(low, high))


def read_laterality(instructions: Iterable[str]) -> Laterality:
    """The sides the *instructions* work: alternating, each side, else both."""
    text = " ".join(instructions)
    if _ALTERNATING.search(text):
        return Laterality.ALTERNATING
    if _EACH_SIDE.search(text):
        return Laterality.EACH_SIDE
    return Laterality.BILATERAL


def read_dosage(instructions: Iterable[str]) -> Dosage | None:
    """The dose the *instructions* give in prose, or None if they give none.

    The first hold ("hold for 10 to 20 seconds"), the first repetitions
    ("repeat for 10-15 reps", "5-10 times") and sets ("3 sets"), and the
    sides ("switch sides", "repeat on the other side" are each side;
    "alternate" is alternating).  A hold without repetitions is done once,
    and one set when no sets are given.

    Raises:
        InvalidValueError: A number is outside what a dosage allows.
    """
    texts = tuple(instructions)
    text = " ".join(texts)
    hold = _HOLD.search(text)
    reps = _REPS.search(text)
    if hold is None and reps is None:
        return None
    sets = _SETS.search(text)
    minutes = hold is not None and hold.group(3).lower().startswith("minute")
    return Dosage(
        sets=Span.exactly(1) if sets is None else _span(sets),
        reps=Span.exactly(1) if reps is None else _span(reps),
        hold_seconds=None if hold is None else _span(hold, scale=60 if minutes else 1),
        laterality=read_laterality(texts),
    )


def _texts(values: object) -> tuple[str, ...] | None:
    if not isinstance(values, list) or not all(isinstance(t, str) for t in values):
        return None
    return tuple(t.strip() for t in values if t.strip())


class _Reader:
    """Reads one exercise after another, keeping the report."""

    def __init__(self, reserved: frozenset[str] = frozenset()) -> None:
        self.reserved = reserved
        self.exercises: list[Exercise] = []
        self.unread: list[Unread] = []
        self.unmapped: set[str] = set()
        self.dosed: list[str] = []
        self.ids: set[str] = set()

    def read(self, index: int, item: object) -> None:
        if not isinstance(item, Mapping):
            self.unread.append(
                Unread(
                    source_id=f"[{index}]",
                    name="",
                    reasons=(f"not an object (got {type(item).__name__})",),
                    imported=False,
                )
            )
            return
        reasons: list[str] = []
        exercise = self._exercise(item, reasons)
        if reasons or exercise is None:
            self.unread.append(
                Unread(
                    source_id=str(item.get("id", f"[{index}]")),
                    name=str(item.get("name", "")),
                    reasons=tuple(reasons),
                    imported=exercise is not None,
                )
            )
        if exercise is not None:
            self.exercises.append(exercise)
            self.ids.add(exercise.id)

    def _exercise(  # noqa: C901, PLR0911 (one check per field of the data set)
        self, item: Mapping[str, Any], reasons: list[str]
    ) -> Exercise | None:
        source_id, name = item.get("id"), item.get("name")
        instructions = _texts(item.get("instructions"))
        if not isinstance(source_id, str) or not isinstance(name, str):
            reasons.append("no id or name")
            return None
        name = name.strip()
        slug = slugify(source_id)
        if not slug or not name or len(name) > MAX_NAME_LENGTH:
            reasons.append(f"id {source_id!r} or name {name!r} cannot be used")
            return None
        if slug in self.ids:
            reasons.append(f"id {slug!r} is taken by an exercise imported before")
            return None
        if slug in self.reserved:
            reasons.append(f"id {slug!r} is taken by an exercise it is planned beside")
            return None
        unusable = _unusable(instructions)
        if unusable is not None or instructions is None:
            reasons.append(unusable or "no instructions")
            return None
        category = item.get("category")
        if category not in CATEGORIES:
            reasons.append(f"category {category!r} is not gentle back care")
            return None
        level = item.get("level")
        difficulty = LEVELS.get(level) if isinstance(level, str) else None
        if difficulty is None:
            reasons.append(f"unknown level {level!r}")
            return None
        targets = self._targets(item, reasons)
        if not targets:
            reasons.append("no muscle maps to a body area")
            return None
        equipment = self._equipment(item.get("equipment"), instructions, reasons)
        if equipment is None:
            return None
        position = read_position(instructions)
        if position is None:
            reasons.append(
                f"no position in the instructions: {DEFAULT_POSITION.value} assumed"
            )
        dosage = self._dosage(instructions, category, reasons)
        if dosage is None:
            return None
        if not any(r.startswith(_NO_DOSE) for r in reasons):
            self.dosed.append(slug)
        return Exercise(
            id=slug,
            name=name,
            # Data in the data set's language, English, as its name and
            # steps are: a catalog translation can give it in another.
            summary=(
                f"{name}: a {category} exercise from the free-exercise-db data "
                "set, not checked for back care."
            ),
            instructions=instructions,
            position=position or DEFAULT_POSITION,
            targets=targets,
            # Not read: mixed, with no phases, is taken to bend both ways,
            # the cautious reading for a request that avoids a bias.
            bias=Bias.MIXED,
            # Not read either: the cautious answer leaves it out for a
            # person with leg symptoms.
            tensions_sciatic_nerve=True,
            times=tuple(TimeOfDay),
            dosage=dosage,
            cautions=(NOT_CHECKED,),
            equipment=equipment,
            difficulty=difficulty,
        )

    def _targets(
        self, item: Mapping[str, Any], reasons: list[str]
    ) -> tuple[BodyArea, ...]:
        muscles: list[str] = []
        for key in ("primaryMuscles", "secondaryMuscles"):
            found = item.get(key)
            if isinstance(found, list):
                muscles.extend(m for m in found if isinstance(m, str))
        unmapped = sorted({m for m in muscles if m not in MUSCLES})
        self.unmapped.update(unmapped)
        if unmapped:
            reasons.append(f"unmapped muscles: {', '.join(unmapped)}")
        return tuple(dict.fromkeys(MUSCLES[m] for m in muscles if m in MUSCLES))

    @staticmethod
    def _equipment(
        given: object, instructions: Sequence[str], reasons: list[str]
    ) -> tuple[Equipment, ...] | None:
        text = " ".join(instructions)
        named = tuple(e for pattern, e in _EQUIPMENT_WORDS if pattern.search(text))
        if given == "body only":
            return named
        if given is None:
            reasons.append("equipment not stated: only what the instructions name")
            return named
        if given == "other" and named:
            reasons.append("equipment 'other': what the instructions name")
            return named
        reasons.append(f"equipment {given!r} has no word in the vocabulary")
        return None

    @staticmethod
    def _dosage(
        instructions: Sequence[str], category: str, reasons: list[str]
    ) -> Dosage | None:
        try:
            dosage = read_dosage(instructions)
        except ValueError as error:
            reasons.append(f"dose out of range: {error}")
            return None
        if dosage is not None:
            return dosage
        default = DEFAULT_STRETCH_DOSAGE if category == "stretching" else DEFAULT_DOSAGE
        reasons.append(f"{_NO_DOSE}: the default dose")
        # The prose may still say to switch sides, where it gives no dose.
        return attrs.evolve(default, laterality=read_laterality(instructions))


def _unusable(instructions: Sequence[str] | None) -> str | None:
    """Why an exercise with these *instructions* cannot be imported, if so."""
    if not instructions:
        return "no instructions"
    if _PARTNER.search(" ".join(instructions)):
        return "done with a partner: not a home exercise for one"
    if len(instructions) > MAX_TEXT_ITEMS or any(
        len(t) > MAX_TEXT_LENGTH for t in instructions
    ):
        return "instructions too long"
    return None


def import_catalog(
    data_or_path: str | os.PathLike[str] | Sequence[Any],
    *,
    reserved: Iterable[str] = (),
) -> Imported:
    """Read free-exercise-db's exercises into a catalog, with a report.

    Args:
        data_or_path: The data set's ``exercises.json``, as a path, or as
            the list it holds, already parsed.
        reserved: Ids the catalog must not take, such as those of the
            built-in exercises it is to be planned beside: an exercise with
            one is left out, and reported.

    Returns:
        The catalog of the exercises it could read, and every exercise it
        could not read fully, with the reasons: a malformed exercise is
        reported, never raised.

    Raises:
        OSError: The file cannot be read.
        ValueError: The file is not JSON.
        TypeError: The data is not a list of exercises.
    """
    if isinstance(data_or_path, (str, os.PathLike)):
        data = json.loads(Path(data_or_path).read_text(encoding="utf-8"))
    else:
        data = data_or_path
    if not isinstance(data, Sequence) or isinstance(data, (str, bytes)):
        msg = f"free-exercise-db data must be a list (got {type(data).__name__})"
        raise TypeError(msg)
    reader = _Reader(frozenset(reserved))
    for index, item in enumerate(data):
        reader.read(index, item)
    return Imported(
        catalog=Catalog(reader.exercises),
        unread=tuple(reader.unread),
        unmapped_muscles=tuple(sorted(reader.unmapped)),
        dosed=tuple(reader.dosed),
    )


__all__ = [
    "CATEGORIES",
    "DEFAULT_DOSAGE",
    "DEFAULT_POSITION",
    "DEFAULT_STRETCH_DOSAGE",
    "LEVELS",
    "MUSCLES",
    "NOT_CHECKED",
    "Imported",
    "Unread",
    "import_catalog",
    "read_dosage",
    "read_laterality",
    "read_position",
    "slugify",
]
