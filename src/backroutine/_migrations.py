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

Version 1 is the first version, and needs no migration.  Version 2 is open:
it collects changes until a release in the CHANGELOG names it, and its
migration from version 1 grows with it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final


def _to_version_2(document: dict[str, Any]) -> dict[str, Any]:
    """A version 1 document as version 2.

    Version 2 adds only fields with defaults that keep a version 1 document's
    meaning:

    - an exercise's ``phases`` (empty: the exercise is described by its
      ``bias``, and a ``mixed`` one is taken to bend both forwards and
      backwards), ``tensions_sciatic_nerve``, ``loads_spine`` and
      ``early_after_surgery`` (false: version 1 did not say, and nothing is
      allowed early after surgery unless marked so);
    - a caution's ``leave_out`` (false: every version 1 caution says to take
      care, not to leave out);
    - a routine's ``conditions`` (null: version 1 did not record them, so
      they are not known, and every caution is shown, as version 1 did) and
      ``frequency`` (null: as often as its exercises say);
    - new kinds, which version 1 did not have: ``screening``, and the
      programme's ``programme_request``, ``programme`` and ``session``.

    So the migration only says which version the document now follows.
    """
    return {**document, "version": 2}


MIGRATIONS: Final[tuple[Callable[[dict[str, Any]], dict[str, Any]], ...]] = (
    _to_version_2,
)
"""The migration to each version after the first, in order: the first reads
version 1 and returns version 2."""
