"""Gentle exercise routines as immutable values.

Model exercises and routines, look them up in a catalog, plan a routine for
a time of day, target areas and a time budget, time it for a guided timer,
and read and write it as a strict, versioned JSON format::

    from backroutine import PlanRequest, TimeOfDay, dumps, plan_routine

    routine = plan_routine(PlanRequest(time_of_day=TimeOfDay.BEDTIME, minutes=8))
    text = dumps(routine)

The values, the vocabulary, the catalog and the JSON functions load with the
package; the planner, timing, safety rules and rendering load on first use,
and cattrs and orjson when JSON is first read or written, so that
``import backroutine`` stays quick.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from backroutine._builtin import default_catalog
from backroutine._catalog import Catalog
from backroutine._documents import FORMAT_VERSION, MAX_DOCUMENT_BYTES, Document
from backroutine._json import (
    dumps,
    json_schema,
    load_document,
    loads,
    structure,
    unstructure,
)
from backroutine._model import (
    Caution,
    Dosage,
    Exercise,
    ExerciseSet,
    Finding,
    Frequency,
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
)
from backroutine._public import publish
from backroutine._translation import (
    CatalogTranslation,
    CautionText,
    ExerciseText,
    PhaseText,
)
from backroutine._vocabulary import (
    Bias,
    BodyArea,
    Condition,
    CueKind,
    Difficulty,
    Equipment,
    Laterality,
    Movement,
    Occasion,
    Position,
    TimeOfDay,
    Urgency,
    WarningSign,
    Weekday,
)
from backroutine.exceptions import (
    BackroutineError,
    InvalidDocumentError,
    InvalidTypeError,
    InvalidValueError,
    PlanningError,
    PlanningReason,
    SeekCareError,
    UnknownExerciseError,
    UnknownLanguageError,
    UnsupportedVersionError,
)

if TYPE_CHECKING:
    # What adherence() returns, re-exported for type checkers (see _LAZY).
    from backroutine._adherence import Adherence as Adherence
    from backroutine._adherence import AdherenceWeek as AdherenceWeek
    from backroutine._adherence import ExercisePoint as ExercisePoint
    from backroutine._adherence import ExerciseProgress as ExerciseProgress
    from backroutine._adherence import adherence
    from backroutine._log import append_session, read_log
    from backroutine._markdown import to_markdown
    from backroutine._planner import plan_routine
    from backroutine._programme import next_session, plan_programme
    from backroutine._programme_handout import programme_markdown
    from backroutine._render_text import to_text
    from backroutine._safety import CONDITION_RULES, SEEK_HELP, ConditionRule, screen
    from backroutine._timing import (
        Cue,
        Pace,
        estimate_duration,
        speaking_seconds,
        spells,
        timeline,
    )

# Names whose modules load on first use (PEP 562), and where they live.
_LAZY = {
    "CONDITION_RULES": "backroutine._safety",
    "ConditionRule": "backroutine._safety",
    "SEEK_HELP": "backroutine._safety",
    "Cue": "backroutine._timing",
    "Pace": "backroutine._timing",
    "estimate_duration": "backroutine._timing",
    "plan_routine": "backroutine._planner",
    "plan_programme": "backroutine._programme",
    "next_session": "backroutine._programme",
    "adherence": "backroutine._adherence",
    # What adherence() returns: reachable here and documented, but not in
    # __all__, as results rather than values of the model (no strategies).
    "Adherence": "backroutine._adherence",
    "AdherenceWeek": "backroutine._adherence",
    "ExercisePoint": "backroutine._adherence",
    "ExerciseProgress": "backroutine._adherence",
    "programme_markdown": "backroutine._programme_handout",
    "read_log": "backroutine._log",
    "append_session": "backroutine._log",
    "screen": "backroutine._safety",
    "speaking_seconds": "backroutine._timing",
    "spells": "backroutine._timing",
    "timeline": "backroutine._timing",
    "to_markdown": "backroutine._markdown",
    "to_text": "backroutine._render_text",
}

__all__ = [
    "CONDITION_RULES",
    "FORMAT_VERSION",
    "MAX_DOCUMENT_BYTES",
    "SEEK_HELP",
    "BackroutineError",
    "Bias",
    "BodyArea",
    "Catalog",
    "CatalogTranslation",
    "Caution",
    "CautionText",
    "Condition",
    "ConditionRule",
    "Cue",
    "CueKind",
    "Difficulty",
    "Document",
    "Dosage",
    "Equipment",
    "Exercise",
    "ExerciseDone",
    "ExerciseSet",
    "ExerciseText",
    "Finding",
    "Frequency",
    "Hold",
    "InvalidDocumentError",
    "InvalidTypeError",
    "InvalidValueError",
    "Laterality",
    "Movement",
    "Occasion",
    "Pace",
    "Phase",
    "PhaseText",
    "PlanRequest",
    "PlanningError",
    "PlanningReason",
    "Position",
    "Programme",
    "ProgrammeRequest",
    "Routine",
    "RoutineStep",
    "Screening",
    "SeekCareError",
    "Session",
    "Slot",
    "Span",
    "TimeOfDay",
    "UnknownExerciseError",
    "UnknownLanguageError",
    "UnsupportedVersionError",
    "Urgency",
    "WarningSign",
    "Weekday",
    "adherence",
    "append_session",
    "default_catalog",
    "dumps",
    "estimate_duration",
    "json_schema",
    "load_document",
    "loads",
    "next_session",
    "plan_programme",
    "plan_routine",
    "programme_markdown",
    "read_log",
    "screen",
    "speaking_seconds",
    "spells",
    "structure",
    "timeline",
    "to_markdown",
    "to_text",
    "unstructure",
]


# The names that load with the package report it as their module; those
# that load on first use do so from their own modules (see _public).
publish(
    *(
        value
        for value in map(globals().get, __all__)
        if isinstance(value, type) or callable(value)
    )
)


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        msg = f"module 'backroutine' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
