"""The kinds of JSON document and the versions of the format.

Kept apart from the converter so that naming a kind, or generating its
schema, does not import cattrs.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from backroutine._catalog import Catalog
from backroutine._model import Exercise, PlanRequest, Routine

FORMAT_VERSION: Final = 1
"""The version of the JSON format this library writes."""
READABLE_VERSIONS: Final = (1,)
"""Every version of the JSON format this library reads."""

KINDS: Final[MappingProxyType[type, str]] = MappingProxyType(
    {
        Catalog: "catalog",
        Exercise: "exercise",
        PlanRequest: "plan_request",
        Routine: "routine",
    }
)
"""Each document class and the kind its documents declare."""

CLASSES: Final[MappingProxyType[str, type]] = MappingProxyType(
    {kind: cls for cls, kind in KINDS.items()}
)
"""Each kind of document and the class it is read as."""


def kind_of(cls: type) -> str:
    """The kind of document *cls* is written as; TypeError for other classes."""
    try:
        return KINDS[cls]
    except KeyError:
        names = ", ".join(sorted(c.__name__ for c in KINDS))
        msg = f"cls must be one of {names} (got {cls!r})"
        raise TypeError(msg) from None


def class_of(kind: str) -> type:
    """The class a document of *kind* is read as; ValueError for other kinds."""
    try:
        return CLASSES[kind]
    except (KeyError, TypeError):
        kinds = ", ".join(map(repr, sorted(CLASSES)))
        msg = f"kind must be one of {kinds} (got {kind!r})"
        raise ValueError(msg) from None
