"""backroutine's Routine as pydantic v2 models, for the benchmark.

The models are derived from backroutine's rule specs by :mod:`bench.derive`
(see there for each spec's annotation and what is left out, the same as for
``models_msgspec``), so that a field added to the model needs no edit here.
They hold the same fields as backroutine's, under the same names, in the
same order, with the same defaults, and read and write the same JSON, the
``"kind"`` and ``"version"`` envelope included: :func:`loads` reads the
exact bytes ``backroutine.dumps`` writes.  Every model is made with
``pydantic.create_model`` on a base that is frozen, strict (no coercion)
and refuses unknown fields; ``Field`` constraints give the same ranges,
lengths and counts as backroutine's rules, and numbers must be finite.
"""

from __future__ import annotations

from typing import Any, Final

from pydantic import BaseModel, ConfigDict, create_model
from pydantic import Field as Constraint

import backroutine
from backroutine import _spec
from bench.derive import REQUIRED, Dialect, Field, Models


class _Strict(BaseModel):
    """The configuration every model below shares."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


def _model(name: str, doc: str, fields: list[Field]) -> type[_Strict]:
    """A model on :class:`_Strict`: frozen, strict, refusing unknown fields."""
    definitions: dict[str, Any] = {
        field.name: (
            field.annotation,
            ... if field.default is REQUIRED else field.default,
        )
        for field in fields
    }
    return create_model(
        name, __base__=_Strict, __module__=__name__, __doc__=doc, **definitions
    )


DIALECT: Final = Dialect[_Strict](
    constraint=Constraint,
    make_class=_model,
    # pydantic's regex engine (Rust's regex) reads $ as the end of the text.
    slug_pattern=_spec.SLUG_PATTERN,
    number={"allow_inf_nan": False},
)

Routine: Final = Models(DIALECT).document(backroutine.Routine)
"""A routine document, envelope included."""


def dumps(routine: BaseModel) -> str:
    """*routine* as JSON, as the benchmark times it."""
    return routine.model_dump_json()


def loads(data: bytes | str) -> BaseModel:
    """A routine read from JSON, as the benchmark times it."""
    return Routine.model_validate_json(data)
