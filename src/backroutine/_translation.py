"""The words of a catalog's exercises in another language, as data.

A :class:`CatalogTranslation` holds, for some exercises of a catalog, the
text a person reads (name, summary, steps, benefits, cues, cautions and the
names of phases) in one language, keyed by exercise id and field.  It is a
document of its own (kind ``catalog_translation``), kept beside the catalog
it translates: the built-in exercises in ``exercises.json`` have theirs in
``exercises.es.json`` and ``exercises.de.json``, and an app's catalog can
carry its own the same way.

:meth:`Catalog.translated <backroutine.Catalog.translated>` reads one onto a
catalog and checks it against it: every exercise it names is in the
catalog, every list has as many items as the exercise's, nothing is
translated that the exercise does not have, no translation adds or drops a
placeholder, and, for a complete language, nothing is left untranslated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Final

import attrs

from backroutine import _spec as v
from backroutine._model import (
    MAX_ID_LENGTH,
    MAX_LANGUAGE_LENGTH,
    MAX_NAME_LENGTH,
    MAX_PHASES,
    MAX_TEXT_ITEMS,
    MAX_TEXT_LENGTH,
    Exercise,
)
from backroutine._spec import Items, Maybe, Nested, Slug, Text, Value
from backroutine.exceptions import InvalidDocumentError

if TYPE_CHECKING:
    from backroutine._catalog import Catalog

MAX_TRANSLATED: Final = 10_000_000
"""The most exercises a translation may hold: as many as a catalog."""

_PLACEHOLDER: Final = re.compile(
    r"\{[^{}]*\}|%(?:\([^)]*\))?[#0+-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]"
)
"""A ``str.format`` or ``%`` placeholder: ``{name}``, ``{}``, ``%s``, ``%(n)d``.

A per cent sign in prose is not one: ``50% effort`` and ``50 % Anstrengung``
have none, as a conversion follows ``%`` with no space.
"""


def _strings(value: Iterable[str] | None) -> tuple[str, ...] | None:
    return None if value is None else v.to_tuple(value)


def _texts() -> Maybe:
    return Maybe(Items(Text(MAX_TEXT_LENGTH), max_count=MAX_TEXT_ITEMS))


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class CautionText(Value):
    """A caution's words in another language.

    Args:
        about: What the caution is about, as ``Caution.about`` says it.
        advice: What to do, as ``Caution.advice`` says it.
    """

    about: str = attrs.field(validator=Text(MAX_NAME_LENGTH))
    advice: str = attrs.field(validator=Text(MAX_TEXT_LENGTH))


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class PhaseText(Value):
    """A phase's name in another language.

    Args:
        name: The phase's name, or None for a phase that has none.
    """

    name: str | None = attrs.field(default=None, validator=Maybe(Text(MAX_NAME_LENGTH)))


def _cautions(value: Iterable[CautionText] | None) -> tuple[CautionText, ...] | None:
    return None if value is None else v.to_tuple(value)


def _phases(value: Iterable[PhaseText] | None) -> tuple[PhaseText, ...] | None:
    return None if value is None else v.to_tuple(value)


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class ExerciseText(Value):
    """One exercise's words in another language, field by field.

    A field left as None is not translated: the exercise keeps its own
    words there.  A list, when given, has one item for each of the
    exercise's, in the same order.

    Args:
        id: The id of the exercise translated.
        name: Its name.
        clinical_name: Its clinical name.
        summary: Its summary.
        instructions: Its steps.
        benefits: Why it helps.
        cues: What to keep in mind.
        cautions: Its cautions' words.
        phases: Its phases' names.
    """

    id: str = attrs.field(validator=Slug(MAX_ID_LENGTH))
    name: str | None = attrs.field(default=None, validator=Maybe(Text(MAX_NAME_LENGTH)))
    clinical_name: str | None = attrs.field(
        default=None, validator=Maybe(Text(MAX_NAME_LENGTH))
    )
    summary: str | None = attrs.field(
        default=None, validator=Maybe(Text(MAX_TEXT_LENGTH))
    )
    instructions: tuple[str, ...] | None = attrs.field(
        default=None, converter=_strings, validator=_texts()
    )
    benefits: tuple[str, ...] | None = attrs.field(
        default=None, converter=_strings, validator=_texts()
    )
    cues: tuple[str, ...] | None = attrs.field(
        default=None, converter=_strings, validator=_texts()
    )
    cautions: tuple[CautionText, ...] | None = attrs.field(
        default=None,
        converter=_cautions,
        validator=Maybe(Items(Nested(CautionText), max_count=MAX_TEXT_ITEMS)),
    )
    phases: tuple[PhaseText, ...] | None = attrs.field(
        default=None,
        converter=_phases,
        validator=Maybe(Items(Nested(PhaseText), max_count=MAX_PHASES)),
    )


def _exercise_texts(value: Iterable[ExerciseText]) -> tuple[ExerciseText, ...]:
    return v.to_tuple(value)


@attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
class CatalogTranslation(Value):
    """A catalog's words in one language: a document, kind ``catalog_translation``.

    Read one onto its catalog with :meth:`Catalog.translated
    <backroutine.Catalog.translated>`.

    Args:
        language: The language, as a lower-case BCP 47 tag (``es``).
        exercises: The exercises translated, each once.

    Raises:
        InvalidValueError: Two entries translate the same exercise.
    """

    language: str = attrs.field(validator=Slug(MAX_LANGUAGE_LENGTH))
    exercises: tuple[ExerciseText, ...] = attrs.field(
        default=(),
        converter=_exercise_texts,
        validator=Items(Nested(ExerciseText), max_count=MAX_TRANSLATED),
    )

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for position, text in enumerate(self.exercises):
            if text.id in seen:
                v.refuse(
                    f"exercises[{position}].id",
                    f"must translate each exercise once (got {text.id!r} again)",
                    rule="unique_id",
                    value=text.id,
                )
            seen.add(text.id)


def placeholders(text: str) -> list[str]:
    """The placeholders in *text*, sorted: ``{name}``, ``%s`` and the like.

    Sorted, as a translation may put them in any order; ``{{`` and ``}}``
    are braces written out, not placeholders.
    """
    return sorted(_PLACEHOLDER.findall(text.replace("{{", "").replace("}}", "")))


_MISSING: Final = "is missing (the language is complete)"

_TEXT_FIELDS: Final = ("name", "clinical_name", "summary")
_LIST_FIELDS: Final = ("instructions", "benefits", "cues")


class _Check:
    """The problems of one exercise's translation, each as ``path: message``."""

    def __init__(self, path: str, exercise: Exercise, *, complete: bool) -> None:
        self.path = path
        self.exercise = exercise
        self.complete = complete
        self.problems: list[str] = []

    def missing(self, field: str, *, needed: bool) -> None:
        """Say that *field* is missing, if it is *needed* for a complete language."""
        if self.complete and needed:
            self.problems.append(f"{self.path}.{field}: {_MISSING}")

    def text(self, field: str, own: str | None, translated: str | None) -> None:
        """Check one text: there is one to translate, with the same placeholders."""
        path = f"{self.path}.{field}"
        if translated is None:
            self.missing(field, needed=own is not None)
        elif own is None:
            self.problems.append(
                f"{path}: must be null, as exercise {self.exercise.id!r} has "
                f"nothing there (got {v.show(translated)})"
            )
        elif placeholders(own) != placeholders(translated):
            self.problems.append(
                f"{path}: must have the placeholders of the exercise's own "
                f"text, {placeholders(own)} (got {placeholders(translated)})"
            )

    def count(self, field: str, own: int, translated: int) -> bool:
        """Whether a list has as many items as the exercise's; say so if not."""
        if own == translated:
            return True
        self.problems.append(
            f"{self.path}.{field}: must have {own} items, as exercise "
            f"{self.exercise.id!r} has (got {translated})"
        )
        return False

    def texts(
        self,
        field: str,
        own: tuple[str | None, ...],
        translated: tuple[str | None, ...],
        *,
        item: str = "{field}[{index}]",
    ) -> None:
        """Check a list of texts, item by item, each at the path *item* names."""
        if self.count(field, len(own), len(translated)):
            for index, (mine, theirs) in enumerate(zip(own, translated, strict=True)):
                self.text(item.format(field=field, index=index), mine, theirs)

    def exercise_text(self, text: ExerciseText) -> None:
        """Check every field of *text* against the exercise."""
        exercise = self.exercise
        for field in _TEXT_FIELDS:
            self.text(field, getattr(exercise, field), getattr(text, field))
        for field in _LIST_FIELDS:
            own, translated = getattr(exercise, field), getattr(text, field)
            if translated is None:
                self.missing(field, needed=bool(own))
            else:
                self.texts(field, own, translated)
        if text.cautions is None:
            self.missing("cautions", needed=bool(exercise.cautions))
        elif self.count("cautions", len(exercise.cautions), len(text.cautions)):
            for index, (caution, words) in enumerate(
                zip(exercise.cautions, text.cautions, strict=True)
            ):
                self.text(f"cautions[{index}].about", caution.about, words.about)
                self.text(f"cautions[{index}].advice", caution.advice, words.advice)
        if text.phases is None:
            self.missing("phases", needed=any(p.name for p in exercise.phases))
        else:
            self.texts(
                "phases",
                tuple(phase.name for phase in exercise.phases),
                tuple(words.name for words in text.phases),
                item="{field}[{index}].name",
            )


def _problems(
    catalog: Catalog, translation: CatalogTranslation, *, complete: bool
) -> Iterator[str]:
    translated = set()
    for position, text in enumerate(translation.exercises):
        path = f"$.exercises[{position}]"
        exercise = catalog.get(text.id)
        if exercise is None:
            near = catalog.nearest_ids(text.id)
            hint = f"; did you mean {', '.join(map(repr, near))}?" if near else ""
            yield f"{path}.id: is not in the catalog (got {text.id!r}){hint}"
            continue
        translated.add(text.id)
        check = _Check(path, exercise, complete=complete)
        check.exercise_text(text)
        yield from check.problems
    if complete:
        for exercise in catalog:
            if exercise.id not in translated:
                yield (
                    f"$.exercises: must translate {exercise.id!r} "
                    "(the language is complete)"
                )


def _evolved(exercise: Exercise, text: ExerciseText) -> Exercise:
    """*exercise* with the words *text* gives it, its own where *text* has none."""
    changes: dict[str, Any] = {
        name: value
        for name in (
            "name",
            "clinical_name",
            "summary",
            "instructions",
            "benefits",
            "cues",
        )
        if (value := getattr(text, name)) is not None
    }
    if text.cautions is not None:
        changes["cautions"] = tuple(
            attrs.evolve(caution, about=words.about, advice=words.advice)
            for caution, words in zip(exercise.cautions, text.cautions, strict=True)
        )
    if text.phases is not None:
        changes["phases"] = tuple(
            attrs.evolve(phase, name=words.name)
            for phase, words in zip(exercise.phases, text.phases, strict=True)
        )
    return attrs.evolve(exercise, **changes)


def translate(
    catalog: Catalog, translation: CatalogTranslation, *, complete: bool = False
) -> Catalog:
    """*catalog* with the words of *translation*; see :meth:`Catalog.translated`."""
    from backroutine._catalog import Catalog  # noqa: PLC0415 (the catalog imports this)

    problems = list(_problems(catalog, translation, complete=complete))
    if problems:
        raise InvalidDocumentError(problems, kind="catalog_translation")
    texts = {text.id: text for text in translation.exercises}
    return Catalog(
        _evolved(exercise, texts[exercise.id]) if exercise.id in texts else exercise
        for exercise in catalog
    )
