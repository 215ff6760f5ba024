"""Gentle exercise routines as immutable values.

Model exercises and routines, look them up in a catalog, and read and write
them as a strict, versioned JSON format::

    from backroutine import default_catalog, dumps

    press_up = default_catalog()["spine-press-up"]
    text = dumps(press_up)
"""

from __future__ import annotations

from backroutine._builtin import default_catalog
from backroutine._catalog import Catalog
from backroutine._json import dumps, loads, structure, unstructure
from backroutine._model import (
    Dosage,
    Exercise,
    ExerciseSet,
    Hold,
    Routine,
    RoutineStep,
    Span,
)
from backroutine._vocabulary import (
    Bias,
    BodyArea,
    Difficulty,
    Equipment,
    Laterality,
    Occasion,
    Position,
    TimeOfDay,
)
from backroutine.exceptions import (
    BackroutineError,
    InvalidDocumentError,
    PlanningError,
    SeekCareError,
    UnknownExerciseError,
    UnsupportedVersionError,
)

__all__ = [
    "BackroutineError",
    "Bias",
    "BodyArea",
    "Catalog",
    "Difficulty",
    "Dosage",
    "Equipment",
    "Exercise",
    "ExerciseSet",
    "Hold",
    "InvalidDocumentError",
    "Laterality",
    "Occasion",
    "PlanningError",
    "Position",
    "Routine",
    "RoutineStep",
    "SeekCareError",
    "Span",
    "TimeOfDay",
    "UnknownExerciseError",
    "UnsupportedVersionError",
    "default_catalog",
    "dumps",
    "loads",
    "structure",
    "unstructure",
]
