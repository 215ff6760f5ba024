"""The kinds of JSON document, the versions of the format, and migrations.

A kind of document is registered once: by adding its class to
:data:`Document`.  Its name in JSON (``"plan_request"`` for
:class:`~backroutine.PlanRequest`) is the class's name in snake case, and
the readers, writers, schemas and the command line all take their list of
kinds from here.

The format's version is counted by its migrations: version 1 needs none,
and each later version adds the migration from the one before it (see
:mod:`backroutine._migrations`).

Kept apart from the converter so that naming a kind, or generating its
schema, does not import cattrs or orjson.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Final, TypeAlias, get_args

from backroutine._catalog import Catalog
from backroutine._migrations import MIGRATIONS
from backroutine._model import Exercise, PlanRequest, Routine, Screening
from backroutine._programme_model import Programme, ProgrammeRequest, Session
from backroutine._translation import CatalogTranslation

Document: TypeAlias = (
    Catalog
    | Exercise
    | PlanRequest
    | Routine
    | Screening
    | Programme
    | ProgrammeRequest
    | Session
    | CatalogTranslation
)
"""Every class whose values are whole JSON documents.

Adding a class here registers a new kind of document, named after the
class in snake case.
"""

MAX_DOCUMENT_BYTES: Final = 16 * 1024 * 1024
"""The largest document :func:`~backroutine.loads` reads unless told otherwise.

16 MiB of UTF-8.  Larger input is refused before it is parsed, so that a
huge or hostile document costs neither the time nor the memory of reading it.
"""

Migration: TypeAlias = Callable[[dict[str, Any]], dict[str, Any]]
"""A pure function from a document of one version to the next."""


def kind_name(cls: type) -> str:
    """The kind of document *cls* is written as: its name in snake case."""
    name = cls.__name__
    return name[:1].lower() + "".join(
        f"_{letter.lower()}" if letter.isupper() else letter for letter in name[1:]
    )


class Format:
    """A version of the JSON format: its kinds of document and its migrations.

    A plain class rather than an attrs one: it is made once, at import.

    Attributes:
        classes: The classes whose values are whole documents.
        migrations: For each version after the first, the migration that
            turns a document of the version before into one of it:
            ``migrations[0]`` reads version 1 and returns version 2.
        kinds: Each kind of document and its class.
        names: Each document class and its kind.
    """

    __slots__ = ("classes", "kinds", "migrations", "names")

    def __init__(
        self, *, classes: tuple[type, ...], migrations: tuple[Migration, ...] = ()
    ) -> None:
        self.classes = classes
        self.migrations = migrations
        kinds = {kind_name(cls): cls for cls in classes}
        if len(kinds) != len(classes):
            names = sorted(kind_name(cls) for cls in classes)
            msg = f"two document classes would share a kind name: {names}"
            raise ValueError(msg)
        self.kinds: Mapping[str, type] = MappingProxyType(kinds)
        self.names: Mapping[type, str] = MappingProxyType(
            {cls: kind for kind, cls in self.kinds.items()}
        )

    def __repr__(self) -> str:
        return f"Format(version={self.version}, kinds={sorted(self.kinds)!r})"

    @property
    def version(self) -> int:
        """The version this format writes: 1, plus one for each migration."""
        return 1 + len(self.migrations)

    @property
    def readable(self) -> range:
        """Every version this format reads: from 1 to :attr:`version`."""
        return range(1, self.version + 1)

    def kind_of(self, cls: Any) -> str:
        """The kind of document *cls* is written as.

        Raises:
            TypeError: *cls* is not a document class.
        """
        kind = self.names.get(cls) if isinstance(cls, type) else None
        if kind is not None:
            return kind
        names = ", ".join(sorted(c.__name__ for c in self.classes))
        msg = f"cls must be one of the document classes {names} (got {cls!r})"
        raise TypeError(msg)

    def class_of(self, kind: object) -> type:
        """The class a document of *kind* is read as.

        Raises:
            ValueError: *kind* is not a kind of document.
        """
        cls = self.kinds.get(kind) if type(kind) is str else None
        if cls is None:
            kinds = ", ".join(map(repr, sorted(self.kinds)))
            msg = f"kind must be one of {kinds} (got {kind!r})"
            raise ValueError(msg)
        return cls

    def upgrade(self, document: dict[str, Any], version: int) -> dict[str, Any]:
        """*document*, of *version*, migrated to the current version.

        The caller's document is left as it was.
        """
        if version == self.version:
            return document
        document = copy.deepcopy(document)
        for migration in self.migrations[version - 1 :]:
            document = migration(document)
        return document


FORMAT: Final = Format(classes=get_args(Document), migrations=MIGRATIONS)
"""The format this library reads and writes."""

FORMAT_VERSION: Final = FORMAT.version
"""The version of the JSON format this library writes."""

KINDS: Final = FORMAT.kinds
"""Each kind of document and the class it is read as."""
