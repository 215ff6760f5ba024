"""Gentle exercise routines as immutable values.

Model exercises and routines, look them up in a catalog, plan a routine for
a time of day, target areas and a time budget, time it for a guided timer,
and read and write it as a strict, versioned JSON format::

    from backroutine import PlanRequest, TimeOfDay, dumps, plan_routine

    routine = plan_routine(PlanRequest(time_of_day=TimeOfDay.BEDTIME, minutes=8))
    text = dumps(routine)
"""

from __future__ import annotations

from backroutine._builtin import default_catalog
from backroutine._catalog import Catalog
from backroutine._documents import FORMAT_VERSION
from backroutine._json import dumps, json_schema, loads, structure, unstructure
from backroutine._model import (
    Caution,
    Cue,
    Dosage,
    Exercise,
    ExerciseSet,
    Hold,
    PlanRequest,
    Routine,
    RoutineStep,
    Screening,
    Span,
)
from backroutine._planner import plan_routine
from backroutine._render import to_markdown, to_text
from backroutine._safety import CONDITION_RULES, ConditionRule, screen
from backroutine._timing import Pace, estimate_duration, timeline
from backroutine._vocabulary import (
    Bias,
    BodyArea,
    Condition,
    CueKind,
    Difficulty,
    Equipment,
    Laterality,
    Occasion,
    Position,
    TimeOfDay,
    Urgency,
    WarningSign,
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
    "CONDITION_RULES",
    "FORMAT_VERSION",
    "BackroutineError",
    "Bias",
    "BodyArea",
    "Catalog",
    "Caution",
    "Condition",
    "ConditionRule",
    "Cue",
    "CueKind",
    "Difficulty",
    "Dosage",
    "Equipment",
    "Exercise",
    "ExerciseSet",
    "Hold",
    "InvalidDocumentError",
    "Laterality",
    "Occasion",
    "Pace",
    "PlanRequest",
    "PlanningError",
    "Position",
    "Routine",
    "RoutineStep",
    "Screening",
    "SeekCareError",
    "Span",
    "TimeOfDay",
    "UnknownExerciseError",
    "UnsupportedVersionError",
    "Urgency",
    "WarningSign",
    "default_catalog",
    "dumps",
    "estimate_duration",
    "json_schema",
    "loads",
    "plan_routine",
    "screen",
    "structure",
    "timeline",
    "to_markdown",
    "to_text",
    "unstructure",
]
