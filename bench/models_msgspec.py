"""backroutine's Routine as msgspec ``Struct`` classes, for the benchmark.

The classes are derived from backroutine's rule specs by
:mod:`bench.derive` (see there for each spec's annotation and what is left
out), so that a field added to the model needs no edit here.  They hold the
same fields as backroutine's, under the same names, in the same order, with
the same defaults, and read and write the same JSON, the ``"kind"`` and
``"version"`` envelope included: :func:`loads` reads the exact bytes
``backroutine.dumps`` writes.  Every class is made with
``msgspec.defstruct``: frozen, keyword-only, refusing unknown fields; msgspec
is strict by default (no ``"5"`` for 5, no 5.7 for an int).  ``Meta``
constraints give the same ranges, lengths and counts as backroutine's
rules: a span's ends are checked against the range of the field that holds
it (``sets`` 1 to 10, ``reps`` 1 to 100, holds 1 to 600 seconds), text must
be non-blank and not too long, lists hold no more items than backroutine
allows.

What backroutine checks and these models do not (so msgspec's figure is, if
anything, a little flattering): that a span's high end is at least its low
end, that enum lists hold no repeats, and that text holds no lone
surrogates.  Those are cross-field or Python-level rules msgspec has no
declarative form for.
"""

from __future__ import annotations

from typing import Final

import msgspec

import backroutine
from backroutine import _spec
from bench.derive import REQUIRED, Dialect, Field, Models


def _struct(name: str, doc: str, fields: list[Field]) -> type[msgspec.Struct]:
    """A frozen, keyword-only ``Struct`` that refuses unknown fields."""
    return msgspec.defstruct(
        name,
        [
            (field.name, field.annotation)
            if field.default is REQUIRED
            else (field.name, field.annotation, field.default)
            for field in fields
        ],
        module=__name__,
        namespace={"__doc__": doc},
        frozen=True,
        kw_only=True,
        forbid_unknown_fields=True,
    )


DIALECT: Final = Dialect[msgspec.Struct](
    constraint=msgspec.Meta,
    make_class=_struct,
    # msgspec searches with Python's re, whose $ also matches before a final
    # line break: \Z is the end of the text, as the ECMAScript $ is.
    slug_pattern=_spec.SLUG_PATTERN.removesuffix("$") + r"\Z",
)

Routine: Final = Models(DIALECT).document(backroutine.Routine)
"""A routine document, envelope included."""


def dumps(routine: msgspec.Struct) -> bytes:
    """*routine* as JSON, as the benchmark times it."""
    return msgspec.json.encode(routine)


def loads(data: bytes | str) -> msgspec.Struct:
    """A routine read from JSON, as the benchmark times it."""
    return msgspec.json.decode(data, type=Routine)


# -- The same models without the non-blank rule --------------------------------
#
# msgspec has no declarative "not blank" for text but a regex, and checks a
# regex with Python's ``re`` for every string: most of its reading time for
# a routine, which is mostly text.  These twins leave that one rule out
# (lengths, ranges, the slug pattern and the rest stay), to show what it
# costs; the benchmark reports them for context, beside the models above
# that carry the targets.

PlainRoutine: Final = Models(DIALECT, prefix="Plain", text_pattern=False).document(
    backroutine.Routine
)
"""A :data:`Routine` whose text may be blank."""


def loads_plain(data: bytes | str) -> msgspec.Struct:
    """A routine read from JSON without the non-blank rule."""
    return msgspec.json.decode(data, type=PlainRoutine)
