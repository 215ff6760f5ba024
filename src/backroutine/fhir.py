"""A routine or a programme as FHIR resources, for clinical systems.

:func:`to_fhir` writes a :class:`~backroutine.Routine` or a
:class:`~backroutine.Programme` as a FHIR R4 ``Bundle`` of type
``collection``: one ``CarePlan`` for the whole, whose activities refer to
one ``ServiceRequest`` per exercise, each with the exercise's instructions
and dose in words and its schedule as a ``Timing``.  :func:`to_json` gives
the same bundle as JSON text.

The resources are built with the `fhir.resources
<https://pypi.org/project/fhir.resources/>`_ library's R4B models (FHIR
4.3, whose ``CarePlan``, ``ServiceRequest`` and ``Timing`` are those of
R4), which check every element as it is built: install the ``fhir``
extra, ``pip install 'backroutine[fhir]'``.

Annotations here are evaluated, not postponed, as in the rest of the
package's adapters.
"""

import datetime as dt
import json
import math
import uuid
from collections.abc import Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Final

from backroutine._dose_words import DEFAULT_FREQUENCY, dose_fields, frequency_text
from backroutine._durations import duration_text
from backroutine._facts import person_name, routine_frequency, step_seconds
from backroutine._i18n import N_, _, ngettext, speaking_for
from backroutine._model import Frequency, Routine, RoutineStep
from backroutine._plain_words import plain
from backroutine._programme import weekday_name
from backroutine._programme_model import Programme
from backroutine._signs import SEEK_HELP
from backroutine._text import join
from backroutine._vocabulary import Occasion, TimeOfDay, Weekday
from backroutine.exceptions import InvalidTypeError, InvalidValueError

try:
    from fhir.resources.R4B.annotation import Annotation
    from fhir.resources.R4B.bundle import Bundle, BundleEntry
    from fhir.resources.R4B.careplan import CarePlan, CarePlanActivity
    from fhir.resources.R4B.codeableconcept import CodeableConcept
    from fhir.resources.R4B.duration import Duration
    from fhir.resources.R4B.period import Period
    from fhir.resources.R4B.reference import Reference
    from fhir.resources.R4B.servicerequest import ServiceRequest
    from fhir.resources.R4B.timing import Timing, TimingRepeat
except ImportError as error:  # pragma: no cover (the extra is in the tests)
    msg = (
        "backroutine.fhir needs the fhir.resources library: "
        "pip install 'backroutine[fhir]'"
    )
    raise ImportError(msg, name=error.name) from error

__all__ = ["DAYS_OF_WEEK", "EVENT_TIMING", "to_fhir", "to_json"]

EVENT_TIMING: Final[Mapping[TimeOfDay, str]] = MappingProxyType(
    {
        TimeOfDay.MORNING: "MORN",
        TimeOfDay.MIDDAY: "NOON",
        TimeOfDay.EVENING: "EVE",
        TimeOfDay.BEDTIME: "HS",
    }
)
"""The ``Timing.repeat.when`` of each time of day.

Codes of FHIR's EventTiming value set (``http://hl7.org/fhir/event-timing``
and the v3 TimingEvent codes it includes): ``MORN`` (during the morning),
``NOON`` (around 12:00), ``EVE`` (during the evening) and ``HS`` (before
the hour of sleep).
"""

DAYS_OF_WEEK: Final[Mapping[Weekday, str]] = MappingProxyType(
    {day: day.value[:3] for day in Weekday}
)
"""The ``Timing.repeat.dayOfWeek`` of each day: FHIR's DaysOfWeek codes.

``mon``, ``tue``, ``wed``, ``thu``, ``fri``, ``sat`` and ``sun``
(``http://hl7.org/fhir/days-of-week``).
"""

_NAMESPACE: Final = uuid.uuid5(uuid.NAMESPACE_URL, "https://backroutine/fhir")
"""The namespace of the bundle's ``urn:uuid:`` names (UUID version 5)."""

_UCUM: Final = "http://unitsofmeasure.org"
"""The code system of a ``Duration``'s unit: UCUM, where a week is ``wk``."""

# Translators: in a FHIR care plan, who it is for, where no record of the
# person is named.
_SOMEONE: Final = N_("The person the plan is for")
"""The display of the subject, where no reference to the person is given."""


def to_fhir(
    value: Routine | Programme,
    *,
    subject: str | None = None,
    language: str | None = None,
) -> dict[str, Any]:
    """A routine or a programme as a FHIR R4 ``Bundle``, as JSON-ready data.

    The bundle (type ``collection``) holds a ``CarePlan`` (status
    ``active``, intent ``plan``) titled with the name, its seek-help advice
    and the routine's safety advice and notes as ``note``, and one activity
    for each exercise, in order, that refers to the exercise's
    ``ServiceRequest``.  Each ``ServiceRequest`` (status ``active``, intent
    ``order``) names the exercise in ``code.text``; says what to do and how
    much in ``patientInstruction``; gives the schedule as
    ``occurrenceTiming``; and carries the cautions that concern the person,
    and the step's own note, as ``note``.  A programme's requests are those
    of each slot in turn, each slot's with its own timing: its time of day
    (``when``), the programme's days (``dayOfWeek``) and its weeks (a
    ``boundsPeriod`` from its start, else a ``boundsDuration``).

    Each resource's ``fullUrl`` is a ``urn:uuid:`` made from the
    programme's id (a routine's name) and the exercise's place, slot and
    id, so the same value gives the same bundle, byte for byte in
    :func:`to_json`.

    Args:
        value: The routine, or the programme, to write.
        subject: A reference to the person the plan is for, such as
            ``Patient/123``, which FHIR requires of both resources; None
            for a reference that names no one, with only a display.
        language: The language of the words the bundle adds (the
            seek-help advice, the doses, the schedule); None for the
            value's own.

    Returns:
        The bundle as the dicts, lists, strings and numbers of its JSON.

    Raises:
        InvalidTypeError: *value* is neither a routine nor a programme, or
            *subject* is not a string.
        InvalidValueError: *subject* is blank.
        UnknownLanguageError: *language*, or the value's, is not one
            backroutine writes (a :class:`ValueError`).
    """
    text = _bundle(value, subject, language).model_dump_json()
    bundle: dict[str, Any] = json.loads(text)
    return bundle


def to_json(
    value: Routine | Programme,
    *,
    subject: str | None = None,
    language: str | None = None,
) -> str:
    """The bundle of :func:`to_fhir` as JSON text, indented, ending in a newline.

    Takes and raises what :func:`to_fhir` does.
    """
    return _bundle(value, subject, language).model_dump_json(indent=2) + "\n"


def _bundle(
    value: Routine | Programme, subject: str | None, language: str | None
) -> Bundle:
    """The bundle of *value*: its care plan first, then its service requests."""
    _check_value(value)
    with speaking_for(language, value.language):
        return _words_bundle(value, subject)


def _words_bundle(value: Routine | Programme, subject: str | None) -> Bundle:
    """The bundle of *value*, in the language being spoken."""
    person = _subject(subject)
    if isinstance(value, Routine):
        key = f"routine/{value.name}"
        requests = _requests(key, "", value, person, _routine_timing(value))
        title, description = value.name, _routine_description(value)
        notes = [*value.safety, *value.notes]
        period = None
    else:
        key = f"programme/{value.id}"
        requests = []
        for slot in value.slots:
            timing = _slot_timing(
                value, slot.routine, slot.request.time_of_day, slot.request.occasion
            )
            requests += _requests(key, slot.id, slot.routine, person, timing)
        title, description = value.name, _programme_description(value)
        notes = [text for slot in value.slots for text in slot.routine.safety]
        notes += [text for slot in value.slots for text in slot.routine.notes]
        period = _period(value)
    plan_url = _urn(key)
    help_box = _(SEEK_HELP)
    seek_help = {SEEK_HELP, help_box}
    care_plan = CarePlan(
        status="active",
        intent="plan",
        title=title,
        description=description,
        subject=person,
        period=period,
        activity=[
            CarePlanActivity(reference=Reference(reference=url, display=name))
            for url, name, _ in requests
        ],
        # The seek-help box last, where a planned routine has it, once.
        note=_notes([*(text for text in notes if text not in seek_help), help_box]),
    )
    entries = [BundleEntry(fullUrl=plan_url, resource=care_plan)]
    entries += [BundleEntry(fullUrl=url, resource=res) for url, _, res in requests]
    return Bundle(type="collection", entry=entries)


def _check_value(value: object) -> None:
    """Refuse a *value* that is neither a routine nor a programme."""
    if not isinstance(value, (Routine, Programme)):
        msg = f"must be a Routine or a Programme (got {value!r})"
        raise InvalidTypeError("value", msg, rule="type", value=value)


def _subject(subject: str | None) -> Reference:
    """The reference to the person: *subject*, else one with only a display."""
    if subject is None:
        return Reference(display=_(_SOMEONE))
    if type(subject) is not str:
        msg = (
            f"must be a reference as a string, such as 'Patient/123' (got {subject!r})"
        )
        raise InvalidTypeError("subject", msg, rule="type", value=subject)
    if not subject.strip():
        msg = f"must be a reference such as 'Patient/123', not blank (got {subject!r})"
        raise InvalidValueError("subject", msg, rule="blank", value=subject)
    if subject != subject.strip():
        msg = f"must be a reference without blanks around it (got {subject!r})"
        raise InvalidValueError("subject", msg, rule="blank", value=subject)
    return Reference(reference=subject)


def _urn(key: str) -> str:
    """The ``urn:uuid:`` that *key* names, the same for the same key."""
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, key)}"


def _notes(texts: Iterable[str]) -> list[Annotation]:
    """Each of *texts* as a note, once, in order."""
    return [Annotation(text=text) for text in dict.fromkeys(texts)]


class _TimingOf:
    """Makes a step's timing, from what is the same for every step of a routine."""

    def __init__(
        self,
        frequency: Frequency | None,
        *,
        when: TimeOfDay | None,
        days: tuple[Weekday, ...] = (),
        bounds: Mapping[str, Any] | None = None,
        occasion: Occasion | None = None,
    ) -> None:
        self.frequency = frequency
        self.when = when
        self.days = days
        self.bounds = dict(bounds or {})
        self.occasion = occasion

    def __call__(self, step: RoutineStep, seconds: float) -> Timing:
        """The timing of *step*, which takes *seconds* each time."""
        frequency = self.frequency or step.exercise.frequency or DEFAULT_FREQUENCY
        times, days = frequency.times_a_day, frequency.days_a_week
        if days.high < 7 and times.high == 1 and not self.days:
            # Once a day on some days a week: as often a week, exactly.
            count, period_unit = days, "wk"
        else:
            # A day's times; the days a week (or the days named) said apart.
            count, period_unit = times, "d"
        words = frequency_text(frequency)
        if self.occasion is not None:
            # Translators: when to do an exercise, in a FHIR record: {occasion}
            # is a situation ("after sitting for a long time"), {how_often}
            # how often ("once a day, every day").
            words = _("{occasion}, {how_often}").format(
                occasion=plain(self.occasion), how_often=words
            )
        return Timing(
            repeat=TimingRepeat(
                **self.bounds,
                duration=Decimal(math.ceil(seconds)),
                durationUnit="s",
                frequency=count.low,
                frequencyMax=count.high if count.high != count.low else None,
                period=Decimal(1),
                periodUnit=period_unit,
                dayOfWeek=[DAYS_OF_WEEK[day] for day in self.days] or None,
                when=None if self.when is None else [EVENT_TIMING[self.when]],
            ),
            code=CodeableConcept(text=words),
        )


def _requests(
    key: str, slot: str, routine: Routine, person: Reference, timing: _TimingOf
) -> list[tuple[str, str, ServiceRequest]]:
    """Each step of *routine* as a service request, with its URL and name."""
    requests = []
    seconds = step_seconds(routine, None)
    for number, (step, took) in enumerate(
        zip(routine.steps, seconds, strict=True), start=1
    ):
        exercise = step.exercise
        url = _urn(f"{key}/{slot}/{number}/{exercise.id}")
        notes = [caution.text for caution in routine.cautions(exercise)]
        if step.note is not None:
            notes.append(step.note)
        request = ServiceRequest(
            basedOn=[Reference(reference=_urn(key))],
            status="active",
            intent="order",
            code=CodeableConcept(text=exercise.name),
            subject=person,
            occurrenceTiming=timing(step, took),
            patientInstruction=_instruction(step),
            note=_notes(notes) or None,
        )
        requests.append((url, exercise.name, request))
    return requests


def _instruction(step: RoutineStep) -> str:
    """What to do and how much, as a person reads it, one paragraph a part."""
    exercise = step.exercise
    parts = [
        f"{person_name(exercise)}. {exercise.summary}",
        "\n".join(f"{label}: {text}" for label, text in dose_fields(step.sets)),
        "\n".join(
            f"{number}. {text}"
            for number, text in enumerate(exercise.instructions, start=1)
        ),
    ]
    if exercise.cues:
        parts.append("\n".join(f"- {cue}" for cue in exercise.cues))
    return "\n\n".join(parts)


def _routine_timing(routine: Routine) -> _TimingOf:
    """The timing of a routine's steps: as often as it says, at its time of day."""
    return _TimingOf(routine_frequency(routine), when=routine.time_of_day)


def _slot_timing(
    programme: Programme,
    routine: Routine,
    time_of_day: TimeOfDay,
    occasion: Occasion | None,
) -> _TimingOf:
    """The timing of a slot's steps: its time, the programme's days and weeks."""
    if programme.start is None:
        bounds: dict[str, Any] = {
            "boundsDuration": Duration(
                value=Decimal(programme.weeks),
                # Translators: the unit of a programme's length in a FHIR
                # record, after the number of weeks.
                unit=ngettext("week", "weeks", programme.weeks),
                system=_UCUM,
                code="wk",
            )
        }
    else:
        bounds = {"boundsPeriod": _period(programme)}
    return _TimingOf(
        Frequency.daily(1) if routine.frequency is None else routine.frequency,
        when=time_of_day,
        days=programme.days,
        bounds=bounds,
        occasion=occasion,
    )


def _period(programme: Programme) -> Period | None:
    """The programme's first and last days, when it has a start."""
    if programme.start is None:
        return None
    last: dt.date = programme.end(programme.start)
    # A FHIR dateTime may be a date alone, as these are.
    return Period.model_validate(
        {"start": programme.start.isoformat(), "end": last.isoformat()}
    )


def _routine_description(routine: Routine) -> str:
    """The routine in a sentence: its exercises in order, when, how long."""
    count = len(routine.steps)
    if routine.time_of_day is None and count > 1:
        # Translators: a routine in a FHIR care plan; {count} is its number of
        # exercises, {exercises} their names, {duration} how long it takes
        # ("about 8 minutes").
        message = ngettext(
            "{count} exercise, in this order: {exercises}. It takes {duration}.",
            "{count} exercises, in this order: {exercises}. It takes {duration}.",
            count,
        )
    elif routine.time_of_day is None:
        # Translators: a routine in a FHIR care plan; {count} is its number of
        # exercises, {exercises} their names, {duration} how long it takes
        # ("about 8 minutes").
        message = ngettext(
            "{count} exercise: {exercises}. It takes {duration}.",
            "{count} exercises: {exercises}. It takes {duration}.",
            count,
        )
    elif count > 1:
        # Translators: a routine in a FHIR care plan; {count} is its number of
        # exercises, {exercises} their names, {duration} how long it takes
        # ("about 8 minutes"), {when} when it is done
        # ("in the morning", "before bed").
        message = ngettext(
            "{count} exercise {when}, in this order: {exercises}. It takes {duration}.",
            "{count} exercises {when}, in this order: {exercises}. It takes "
            "{duration}.",
            count,
        )
    else:
        # Translators: a routine in a FHIR care plan; {count} is its number of
        # exercises, {exercises} their names, {duration} how long it takes
        # ("about 8 minutes"), {when} when it is done
        # ("in the morning", "before bed").
        message = ngettext(
            "{count} exercise {when}: {exercises}. It takes {duration}.",
            "{count} exercises {when}: {exercises}. It takes {duration}.",
            count,
        )
    return message.format(
        count=count,
        when=None if routine.time_of_day is None else plain(routine.time_of_day),
        exercises=join(step.exercise.name for step in routine.steps),
        duration=duration_text(sum(step_seconds(routine, None)), exact=False),
    )


def _programme_description(programme: Programme) -> str:
    """The programme in a sentence: its routines, days and weeks."""
    routines = []
    for slot in programme.slots:
        count = len(slot.routine.steps)
        # Translators: a routine of a programme, in a FHIR care plan: its name
        # and its number of exercises.
        routine = ngettext(
            "{routine} ({count} exercise)", "{routine} ({count} exercises)", count
        )
        routines.append(routine.format(routine=slot.routine.name, count=count))
    # Translators: a programme in a FHIR care plan. {routines} are its
    # routines, each with its number of exercises; {days} are the days of the
    # week ("Monday, Wednesday and Friday"); {count} is its weeks.
    message = ngettext(
        "{routines}; on {days}, for {count} week.",
        "{routines}; on {days}, for {count} weeks.",
        programme.weeks,
    )
    return message.format(
        routines=join(routines),
        days=join(weekday_name(day) for day in programme.days),
        count=programme.weeks,
    )
