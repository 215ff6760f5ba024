"""A routine or a programme as FHIR R4 resources, read back by fhir.resources."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from typing import Any

import attrs
import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.careplan import CarePlan
from fhir.resources.R4B.servicerequest import ServiceRequest
from hypothesis import given, settings

from backroutine import (
    Caution,
    Condition,
    ExerciseSet,
    Frequency,
    Hold,
    InvalidTypeError,
    InvalidValueError,
    Laterality,
    Occasion,
    PlanRequest,
    Programme,
    ProgrammeRequest,
    Routine,
    RoutineStep,
    Span,
    TimeOfDay,
    Weekday,
    plan_programme,
)
from backroutine._i18n import _, speaking
from backroutine._signs import SEEK_HELP
from backroutine.fhir import DAYS_OF_WEEK, EVENT_TIMING, to_fhir, to_json
from backroutine.testing import programmes, routines
from tests.helpers import (
    examples,
    make_exercise,
    make_routine,
    morning_and_bedtime,
    small_routine,
)

# The codes as FHIR R4 publishes them: the EventTiming value set
# (http://hl7.org/fhir/R4/valueset-event-timing.html: the event-timing code
# system and the v3 TimingEvent codes it includes) and DaysOfWeek
# (http://hl7.org/fhir/R4/valueset-days-of-week.html).  Copied here by
# hand, so that a code the module made up would not pass.
EVENT_TIMING_CODES = frozenset(
    {
        *("MORN", "MORN.early", "MORN.late", "NOON", "AFT", "AFT.early"),
        *("AFT.late", "EVE", "EVE.early", "EVE.late", "NIGHT", "PHS"),
        *("HS", "WAKE", "C", "CM", "CD", "CV", "AC", "ACM", "ACD", "ACV"),
        *("PC", "PCM", "PCD", "PCV"),
    }
)
DAYS_OF_WEEK_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def two_slots(start: dt.date | None = dt.date(2026, 12, 7)) -> Programme:
    """Morning and bedtime, 5 days a week, for 4 weeks, from *start*."""
    return morning_and_bedtime(start)


def read_back(value: Routine | Programme, **options: Any) -> Bundle:
    """The JSON that to_json writes, read by fhir.resources' own R4B model."""
    return Bundle.model_validate_json(to_json(value, **options))


def resources(bundle: Bundle) -> tuple[CarePlan, list[ServiceRequest]]:
    """The bundle's care plan and its service requests, checked for their types."""
    assert bundle.entry is not None
    first, *rest = (entry.resource for entry in bundle.entry)
    assert isinstance(first, CarePlan)
    requests = [resource for resource in rest if isinstance(resource, ServiceRequest)]
    assert len(rest) == len(requests)
    return first, requests


def timings(bundle: Bundle) -> list[dict[str, Any]]:
    """Each distinct occurrenceTiming.repeat, without its duration, in order."""
    seen: list[dict[str, Any]] = []
    for request in resources(bundle)[1]:
        assert request.occurrenceTiming is not None
        repeat = json.loads(request.occurrenceTiming.model_dump_json())["repeat"]
        del repeat["duration"], repeat["durationUnit"]
        if repeat not in seen:
            seen.append(repeat)
    return seen


def check_bundle(bundle: Bundle, steps: int) -> None:
    """A bundle as a clinical system reads it: links resolve, codes are published."""
    assert bundle.type == "collection"
    assert bundle.entry is not None
    urls = [entry.fullUrl for entry in bundle.entry]
    assert len(set(urls)) == len(urls) == 1 + steps
    assert all(url is not None and url.startswith("urn:uuid:") for url in urls)
    plan, requests = resources(bundle)
    assert (plan.status, plan.intent) == ("active", "plan")
    assert plan.activity is not None
    assert [a.reference.reference for a in plan.activity if a.reference] == urls[1:]
    assert plan.note is not None
    assert _(SEEK_HELP) == plan.note[-1].text  # in the language spoken
    for request in requests:
        assert (request.status, request.intent) == ("active", "order")
        assert request.code is not None
        assert request.code.coding is None
        assert request.code.text
        assert request.patientInstruction
        assert [ref.reference for ref in request.basedOn or []] == urls[:1]
        assert request.occurrenceTiming is not None
        repeat = request.occurrenceTiming.repeat
        assert repeat is not None
        assert set(repeat.when or ()) <= EVENT_TIMING_CODES
        assert set(repeat.dayOfWeek or ()) <= set(DAYS_OF_WEEK_CODES)


class TestReadBack:
    """What fhir.resources reads back from the JSON written."""

    @settings(max_examples=examples(40, locally=8))
    @given(routines())
    def test_every_routine_reads_back(self, routine: Routine) -> None:
        """Every generated routine gives a bundle that fhir.resources reads back."""
        with speaking(routine.language):
            check_bundle(read_back(routine), len(routine.steps))

    @settings(max_examples=examples(20, locally=5))
    @given(programmes())
    def test_every_programme_reads_back(self, programme: Programme) -> None:
        """Every generated programme gives a bundle that fhir.resources reads back."""
        steps = sum(len(slot.routine.steps) for slot in programme.slots)
        with speaking(programme.language):
            check_bundle(read_back(programme, subject="Patient/1"), steps)

    def test_to_fhir_is_the_json_of_to_json(self) -> None:
        """to_fhir gives the data that to_json writes."""
        assert json.loads(to_json(two_slots())) == to_fhir(two_slots())

    def test_the_codes_are_those_published(self) -> None:
        """Every time of day and day has a published code, and no other code."""
        assert set(EVENT_TIMING.values()) <= EVENT_TIMING_CODES
        assert set(TimeOfDay) == set(EVENT_TIMING)
        assert DAYS_OF_WEEK_CODES == tuple(DAYS_OF_WEEK[day] for day in Weekday)


class TestTiming:
    """The schedule as each service request's occurrenceTiming."""

    def test_two_slots_are_two_timings(self) -> None:
        """A programme of two slots gives two timings: MORN, then HS."""
        days = ["mon", "tue", "wed", "fri", "sat"]
        period = {"start": "2026-12-07", "end": "2027-01-03"}
        expected = [
            {
                "boundsPeriod": period,
                "frequency": 1,
                "period": 1,
                "periodUnit": "d",
                "dayOfWeek": days,
                "when": [when],
            }
            for when in ("MORN", "HS")
        ]
        assert expected == timings(read_back(two_slots()))

    def test_each_slot_has_its_own_when(self) -> None:
        """Every request of a slot has that slot's when, in the slot's order."""
        plan, requests = resources(read_back(two_slots()))
        whens = [
            r.occurrenceTiming.repeat.when
            for r in requests
            if r.occurrenceTiming and r.occurrenceTiming.repeat
        ]
        morning, bedtime = (len(slot.routine.steps) for slot in two_slots().slots)
        assert [["MORN"]] * morning + [["HS"]] * bedtime == whens
        assert plan.period is not None
        assert "2026-12-07" == str(plan.period.start)

    def test_no_start_bounds_the_weeks(self) -> None:
        """A programme without a start is bounded by its weeks, in UCUM."""
        bounds = timings(read_back(two_slots(start=None)))[0]["boundsDuration"]
        assert {
            "value": 4,
            "unit": "weeks",
            "system": "http://unitsofmeasure.org",
            "code": "wk",
        } == bounds
        plan, _ = resources(read_back(two_slots(start=None)))
        assert plan.period is None

    def test_a_routine_is_daily_at_its_time(self) -> None:
        """A bedtime routine done daily is once a day, before sleep (HS)."""
        data = to_fhir(small_routine())
        timing = data["entry"][1]["resource"]["occurrenceTiming"]
        assert {
            "repeat": {
                "duration": timing["repeat"]["duration"],
                "durationUnit": "s",
                "frequency": 1,
                "period": 1,
                "periodUnit": "d",
                "when": ["HS"],
            },
            "code": {"text": "once a day, every day"},
        } == timing

    @pytest.mark.parametrize(
        ("time_of_day", "when"),
        [
            (TimeOfDay.MORNING, "MORN"),
            (TimeOfDay.MIDDAY, "NOON"),
            (TimeOfDay.EVENING, "EVE"),
            (TimeOfDay.BEDTIME, "HS"),
        ],
    )
    def test_when_follows_the_time_of_day(
        self, time_of_day: TimeOfDay, when: str
    ) -> None:
        """Each time of day is its EventTiming code."""
        data = to_fhir(make_routine(time_of_day=time_of_day))
        assert [when] == data["entry"][1]["resource"]["occurrenceTiming"]["repeat"][
            "when"
        ]

    def test_no_time_of_day_has_no_when(self) -> None:
        """A routine for no time of day says no when."""
        data = to_fhir(make_routine())
        assert "when" not in data["entry"][1]["resource"]["occurrenceTiming"]["repeat"]

    def test_some_days_a_week_once_a_day_is_weekly(self) -> None:
        """Once a day on 2 to 3 days a week is 2 to 3 times a week."""
        often = Frequency(times_a_day=Span.exactly(1), days_a_week=Span(2, 3))
        timing = to_fhir(make_routine(frequency=often))["entry"][1]["resource"][
            "occurrenceTiming"
        ]
        repeat = timing["repeat"]
        assert (2, 3, 1, "wk") == (
            repeat["frequency"],
            repeat["frequencyMax"],
            repeat["period"],
            repeat["periodUnit"],
        )
        assert {"text": "once a day, 2 to 3 days a week"} == timing["code"]

    def test_twice_a_day_on_some_days_says_the_days_in_words(self) -> None:
        """Twice a day on 3 days a week: twice a day in numbers, the days in words."""
        often = Frequency(times_a_day=Span.exactly(2), days_a_week=Span.exactly(3))
        timing = to_fhir(make_routine(frequency=often))["entry"][1]["resource"][
            "occurrenceTiming"
        ]
        assert (2, "d") == (
            timing["repeat"]["frequency"],
            timing["repeat"]["periodUnit"],
        )
        assert {"text": "twice a day, 3 days a week"} == timing["code"]

    def test_an_occasion_is_said_in_words(self) -> None:
        """A slot for an occasion says so, at the when of its time of day."""
        programme = plan_programme(
            ProgrammeRequest(
                slots=[
                    PlanRequest(
                        time_of_day=TimeOfDay.MIDDAY,
                        occasion=Occasion.AFTER_SITTING,
                        minutes=4,
                    )
                ],
                weeks=2,
            )
        )
        timing = to_fhir(programme)["entry"][1]["resource"]["occurrenceTiming"]
        assert ["NOON"] == timing["repeat"]["when"]
        assert {
            "text": "after sitting for a long time, once a day, every day"
        } == timing["code"]


class TestText:
    """Worked examples of the words each resource carries."""

    def test_the_care_plan(self) -> None:
        """Title, description and notes: the safety advice, notes, seek-help."""
        plan = to_fhir(small_routine())["entry"][0]["resource"]
        assert "Before bed" == plan["title"]
        assert plan["description"].startswith(
            "2 exercises before bed, in this order: "
            "Knees side to side lying on your back and Press-up lying face down. "
            "It takes about "
        )
        assert [
            {"text": "Stop if it hurts."},
            {"text": "Go gently."},
            {"text": SEEK_HELP},
        ] == plan["note"]
        assert {"display": "The person the plan is for"} == plan["subject"]

    def test_the_seek_help_box_comes_last_once(self) -> None:
        """A planned routine's seek-help box comes after its notes, once."""
        routine = attrs.evolve(two_slots().slots[0].routine, notes=["Go gently."])
        assert SEEK_HELP in routine.safety
        notes = [
            note["text"] for note in to_fhir(routine)["entry"][0]["resource"]["note"]
        ]
        assert ["Go gently.", SEEK_HELP] == notes[-2:]
        assert 1 == notes.count(SEEK_HELP)

    def test_a_service_request(self) -> None:
        """The name as code.text; the dose, steps and cues as patientInstruction."""
        exercise = make_exercise(
            cues=["Breathe out as you round."],
            cautions=[Caution(about="sore wrists", advice="Rest on your fists.")],
        )
        sets = [
            ExerciseSet(
                reps=5,
                hold=Hold(3),
                laterality=Laterality.BILATERAL,
                rest_after_seconds=20,
            )
        ] * 2
        routine = make_routine(
            RoutineStep(exercise=exercise, sets=sets, note="Warms the back up.")
        )
        request = to_fhir(routine)["entry"][1]["resource"]
        assert {"text": "Cat-cow"} == request["code"]
        assert (
            "Cat-cow. Round and arch the back on hands and knees.\n"
            "\n"
            "How much: 2 sets of 5 reps, hold 3 seconds, rest 20 seconds "
            "between sets, then rest 20 seconds\n"
            "\n"
            "1. Kneel on all fours.\n"
            "2. Round your back.\n"
            "3. Arch it.\n"
            "\n"
            "- Breathe out as you round."
        ) == request["patientInstruction"]
        assert [
            {"text": "Sore wrists: Rest on your fists."},
            {"text": "Warms the back up."},
        ] == request["note"]

    def test_sets_that_differ_each_have_a_line(self) -> None:
        """Sets that differ are each a line of the instruction."""
        request = to_fhir(small_routine())["entry"][2]["resource"]
        assert (
            "Set 1: 10 reps, hold 5 seconds, then rest 30 seconds\n"
            "Set 2: 8 reps, hold 3 seconds"
        ) in request["patientInstruction"]

    def test_only_the_cautions_that_concern_the_person(self) -> None:
        """The cautions of conditions the person does not have are left out."""
        caution = Caution(
            about="pregnancy",
            advice="Ask your midwife.",
            conditions=[Condition.PREGNANCY],
        )
        exercise = make_exercise(cautions=[caution])
        step = RoutineStep(exercise=exercise, sets=[ExerciseSet(reps=5)])
        without = to_fhir(make_routine(step, conditions=[]))["entry"][1]["resource"]
        assert "note" not in without
        with_it = to_fhir(make_routine(step, conditions=[Condition.PREGNANCY]))
        assert [{"text": "Pregnancy: Ask your midwife."}] == with_it["entry"][1][
            "resource"
        ]["note"]

    def test_a_subject_is_referred_to(self) -> None:
        """A subject given is the reference of every resource."""
        data = to_fhir(two_slots(), subject="Patient/123")
        subjects = {json.dumps(e["resource"]["subject"]) for e in data["entry"]}
        assert {'{"reference": "Patient/123"}'} == subjects

    def test_no_invented_codes(self) -> None:
        """No coding anywhere: only the Timing codes, which are cited."""
        assert '"coding"' not in to_json(two_slots())
        assert '"system"' not in to_json(small_routine())


class TestDeterminism:
    """The same value gives the same JSON."""

    def test_the_same_value_gives_the_same_json(self) -> None:
        """Twice, and from a copy through pickle, the same text."""
        copied = pickle.loads(pickle.dumps(two_slots()))  # noqa: S301 (our own value)
        assert to_json(two_slots()) == to_json(two_slots()) == to_json(copied)

    def test_another_name_gives_other_urls(self) -> None:
        """The URLs are made from the name: another name, other URLs."""
        first = to_fhir(small_routine())
        second = to_fhir(attrs.evolve(small_routine(), name="Evening"))
        urls = {entry["fullUrl"] for entry in first["entry"]}
        assert urls.isdisjoint(entry["fullUrl"] for entry in second["entry"])

    def test_the_same_exercise_twice_has_two_urls(self) -> None:
        """Each step is a request of its own, even of the same exercise."""
        step = RoutineStep(exercise=make_exercise(), sets=[ExerciseSet(reps=5)])
        data = to_fhir(make_routine(step, step))
        assert 3 == len({entry["fullUrl"] for entry in data["entry"]})


class TestErrors:
    """What to_fhir refuses."""

    @pytest.mark.parametrize(
        ("value", "subject", "error", "message"),
        [
            (
                "routine",
                None,
                InvalidTypeError,
                "'value' must be a Routine or a Programme (got 'routine')",
            ),
            (
                None,
                42,
                InvalidTypeError,
                "'subject' must be a reference as a string, such as 'Patient/123' (got 42)",
            ),
            (
                None,
                " Patient/1",
                InvalidValueError,
                "'subject' must be a reference without blanks around it (got ' Patient/1')",
            ),
        ],
    )
    def test_bad_arguments_are_named(
        self, value: Any, subject: Any, error: type[Exception], message: str
    ) -> None:
        with pytest.raises(error) as raised:
            to_fhir(value or small_routine(), subject=subject)
        assert message == str(raised.value)
