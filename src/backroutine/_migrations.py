"""Migrations: how a document of each released version becomes the next.

Documents of every released version keep loading, forever.  When a
version is released with a change that older documents do not follow (a
new required field, a renamed one, a new meaning), its migration joins
:data:`MIGRATIONS`: a pure function that takes a document of the version
before (a dict, with its ``kind`` and ``version``) and returns the same
document in the new version, ``version`` included.  Readers run every
migration a document needs before reading it, so they only ever read the
current version; writers only ever write it.

Each migration comes with fixtures: documents of the version it reads,
under ``tests/fixtures/vN/``, which are never edited once released
(``docs/evolving.md`` has the checklist).

Version 1 is the first version, and needs no migration.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

MIGRATIONS: Final[tuple[Callable[[dict[str, Any]], dict[str, Any]], ...]] = ()
"""The migration to each version after the first, in order: the first reads
version 1 and returns version 2."""
