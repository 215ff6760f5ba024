"""Every command and output format, in each language, with no English leaking in.

Each translated language runs every command that writes words, in every
format, over varied requests: conditions, warning signs, a programme and its
log. Two scans read what a person would read (text, the text fields of the
JSON documents, the calendar's and FHIR bundle's words):

- no run of English words from a message of the catalog template, or from
  the built-in exercises, appears, unless the language writes it the same;
- no common English word appears outside ids and option values.

A message left unmarked, a constant translated at import, or a text taken
from the English catalog fails them.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import re
from collections.abc import Iterator
from typing import Any

import attrs
import icalendar
import pytest
from babel.messages.pofile import read_po

import backroutine
from backroutine._chart import ChartDay, pain_and_dose_svg
from backroutine._i18n import DEFAULT_LANGUAGE, DOMAIN, LANGUAGES, LOCALE_DIR, speaking
from tests.test_cli import CommandLine, run

__all__ = ["run"]

TRANSLATED = [language for language in LANGUAGES if language != DEFAULT_LANGUAGE]
PACKAGE = pathlib.Path(backroutine.__file__).parent
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# A run of at least three words, or two long ones: shorter runs ("of the")
# could be anything.
WORDS = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
# Ids and option values (lower-back, after_sitting, cat-cow) are codes.
CODE = re.compile(r"\b[a-z0-9]+(?:[-_][a-z0-9]+)+\b")
# The tags of an inline SVG chart, with their attributes.
MARKUP = re.compile(r"<[^<>]*>")
# Words English has and Spanish and German do not ("minute" is German too).
ENGLISH = re.compile(
    r"\b(?:the|your|you|with|and|each|when|this|that|should|seconds?|"
    r"sides?|exercises?|pain|back|stop|hold|breathe|lying|knees?|slowly|then)\b",
    re.IGNORECASE,
)


def _messages_po(language: str) -> list[tuple[str, str]]:
    """Each English message and plural of the template, with its translation."""
    path = pathlib.Path(LOCALE_DIR) / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as file:
        catalog = read_po(file)
    pairs = []
    for message in catalog:
        if not message.id:
            continue
        ids = (message.id,) if isinstance(message.id, str) else tuple(message.id)
        strings = (
            (message.string,)
            if isinstance(message.string, str)
            else tuple(message.string or ())
        )
        pairs += [(english, " ".join(strings)) for english in ids]
    return pairs


def _exercise_texts(catalog: backroutine.Catalog) -> Iterator[str]:
    for exercise in catalog:
        yield exercise.name
        yield exercise.summary
        yield from exercise.instructions
        yield from exercise.benefits
        yield from exercise.cues
        for caution in exercise.cautions:
            yield caution.about
            yield caution.advice


def _runs(text: str) -> Iterator[str]:
    """The runs of words of *text* between its placeholders, long enough to tell."""
    for part in PLACEHOLDER.split(text):
        for piece in re.split(r"[.;:!?()\[\]\"“”]", part):
            words = WORDS.findall(piece)
            if len(words) >= 3 or (len(words) == 2 and len(" ".join(words)) >= 12):
                yield " ".join(words)


def probes(language: str) -> frozenset[str]:
    """English runs that must not appear in *language*'s output."""
    translated = " ".join(
        [*(form for _, form in _messages_po(language))],
    ) + " ".join(_exercise_texts(backroutine.default_catalog(language)))
    found = set()
    sources = [english for english, _ in _messages_po(language)]
    sources += list(_exercise_texts(backroutine.default_catalog()))
    for source in sources:
        for words in _runs(source):
            if words not in translated:
                found.add(words)
    return frozenset(found)


def _strings(value: Any) -> Iterator[str]:
    """Every string of a JSON value with a space in it: its words, not its codes."""
    if isinstance(value, str):
        if " " in value.strip():
            yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def _calendar_words(data: bytes) -> list[str]:
    calendar = icalendar.Calendar.from_ical(data)
    return [
        str(component.get(field))
        for component in calendar.walk("VEVENT")
        for field in ("SUMMARY", "DESCRIPTION")
    ]


def leaks(text: str, english: frozenset[str]) -> list[str]:
    """The English in *text*: runs of a message, and English words.

    Markup is not read: an inline chart's tags and classes are code.
    """
    text = MARKUP.sub(" ", text)
    flat = " ".join(WORDS.findall(text))
    found = sorted(words for words in english if words in flat)
    words = ENGLISH.findall(CODE.sub(" ", text))
    return found + sorted(set(words))


@pytest.fixture(scope="module")
def english() -> dict[str, frozenset[str]]:
    return {language: probes(language) for language in TRANSLATED}


class Outputs:
    """Everything a person reads from each command, in one language."""

    def __init__(self, run: CommandLine, language: str, tmp: pathlib.Path) -> None:
        self.run = run
        self.language = language
        self.tmp = tmp
        self.texts: dict[str, str] = {}

    def text(self, name: str, *args: str, status: int | None = 0) -> str:
        """The output of a run, kept; *status* None takes any exit status."""
        result = self.run(*args, "--lang", self.language)
        assert status in {None, result.status}, (args, result.err)
        self.texts[name] = result.out + result.err
        return result.out

    def own(self, name: str, *args: str, status: int | None = 0) -> str:
        """The output of a run without --lang: the document's own language."""
        result = self.run(*args)
        assert status in {None, result.status}, (args, result.err)
        self.texts[name] = result.out + result.err
        return result.out

    def document(self, name: str, *args: str, status: int = 0) -> dict[str, Any]:
        out = self.text(name, *args, "--format", "json", status=status)
        document: dict[str, Any] = json.loads(out)
        self.texts[name] = "\n".join(_strings(document))
        return document

    def file(self, name: str, *args: str, out: str) -> pathlib.Path:
        path = self.tmp / out
        self.text(name, *args, "--out", str(path))
        return path


PLANS = {
    "bedtime": ("--time", "bedtime", "--minutes", "8"),
    "pregnancy": (
        "--time",
        "morning",
        "--minutes",
        "15",
        "--condition",
        "pregnancy",
    ),
    "stenosis after sitting": (
        "--time",
        "midday",
        "--occasion",
        "after-sitting",
        "--minutes",
        "5",
        "--condition",
        "spinal-stenosis",
    ),
    "two conditions and a mild sign": (
        "--time",
        "evening",
        "--minutes",
        "12",
        "--condition",
        "disc-herniation",
        "--condition",
        "osteoporosis",
        "--sign",
        "persistent-pain",
    ),
    "after surgery": (
        "--time",
        "morning",
        "--minutes",
        "6",
        "--condition",
        "recent-back-surgery",
    ),
}


def _every_output(outputs: Outputs) -> None:
    """Run every command that writes words, in every format."""
    for name, request in PLANS.items():
        outputs.text(f"plan {name}", "plan", *request)
        outputs.text(f"plan {name} markdown", "plan", *request, "--format", "markdown")
        routine = outputs.document(f"plan {name} json", "plan", *request)
        assert outputs.language == routine["language"]
        path = outputs.tmp / f"{name}.json"
        path.write_text(json.dumps(routine), encoding="utf-8")
        outputs.text(f"timeline {name}", "timeline", str(path))
        outputs.file(
            f"fhir {name}",
            "export",
            "--format",
            "fhir",
            str(path),
            out=f"{name}.fhir.json",
        )
        outputs.texts[f"fhir {name}"] = "\n".join(
            _strings(json.loads((outputs.tmp / f"{name}.fhir.json").read_bytes()))
        )
    outputs.text(
        "seek care", "plan", "--time", "bedtime", "--sign", "saddle-numbness", status=3
    )
    outputs.text("too short", "plan", "--time", "bedtime", "--minutes", "0.2", status=1)
    outputs.text(
        "screen", "screen", "--sign", "fever", "--sign", "night-pain", status=3
    )
    outputs.text("screen mild", "screen", "--sign", "persistent-pain")
    outputs.document("screen json", "screen", "--sign", "chest-pain", status=3)
    outputs.text("exercises", "exercises")
    outputs.text(
        "no exercise",
        "exercises",
        "--time",
        "bedtime",
        "--position",
        "standing",
        status=1,
    )
    outputs.document("exercises json", "exercises")
    for exercise in ("cat-cow", "spine-press-up", "supine-lower-trunk-rotation"):
        outputs.text(f"show {exercise}", "show", exercise)
        outputs.text(
            f"show {exercise} markdown", "show", exercise, "--format", "markdown"
        )
    # A programme, a log with every light, and what comes of it.
    programme = outputs.file(
        "programme",
        "programme", "--time", "morning", "--time", "bedtime", "--minutes", "8",
        "--weeks", "3", "--start", "2026-12-07", "--format", "json",
        out="programme.json",
    )  # fmt: skip
    outputs.texts["programme"] = "\n".join(_strings(json.loads(programme.read_bytes())))
    outputs.text(
        "programme text", "programme", "--time", "morning", "--minutes", "8",
        "--condition", "pregnancy",
    )  # fmt: skip
    outputs.text(
        "programme markdown", "programme", "--time", "evening", "--format", "markdown"
    )
    log = outputs.tmp / "log.jsonl"
    pains = {7: 2, 8: 7, 9: 2, 11: 5, 14: 2, 15: 8, 16: 8}
    for day, pain in pains.items():
        date = dt.date(2026, 12, day).isoformat()
        for slot in ("morning", "bedtime"):
            outputs.text(
                f"log {date} {slot}", "log", str(programme), "--log", str(log),
                "--date", date, "--slot", slot, "--pain", str(pain),
                "--next-morning", str(min(pain + 1, 10)),
            )  # fmt: skip
    for day in (8, 10, 12, 17, 28):
        date = dt.date(2026, 12, day).isoformat()
        outputs.text(
            f"next {date}",
            "next",
            str(programme),
            "--log",
            str(log),
            "--date",
            date,
            status=None,
        )
    outputs.text(
        "next 2027",
        "next",
        str(programme),
        "--log",
        str(log),
        "--date",
        "2027-01-05",
        status=None,
    )
    outputs.text(
        "adherence",
        "adherence",
        str(programme),
        "--log",
        str(log),
        "--date",
        "2026-12-20",
    )
    outputs.text(
        "adherence markdown", "adherence", str(programme), "--log", str(log),
        "--date", "2026-12-20", "--format", "markdown",
    )  # fmt: skip
    # Without --lang, in an English environment: the documents' own language.
    outputs.own(
        "timeline, its own language", "timeline", str(outputs.tmp / "bedtime.json")
    )
    outputs.own(
        "next, its own language",
        "next",
        str(programme),
        "--log",
        str(log),
        "--date",
        "2026-12-10",
        status=None,
    )
    outputs.own(
        "adherence, its own language",
        "adherence",
        str(programme),
        "--log",
        str(log),
        "--date",
        "2026-12-20",
    )
    calendar = outputs.file("calendar", "calendar", str(programme), out="programme.ics")
    outputs.texts["calendar"] = "\n".join(_calendar_words(calendar.read_bytes()))
    fhir = outputs.file(
        "programme fhir",
        "export",
        "--format",
        "fhir",
        str(programme),
        out="p.fhir.json",
    )
    outputs.texts["programme fhir"] = "\n".join(_strings(json.loads(fhir.read_bytes())))
    outputs.text(
        "stopped by a sign", "log", str(programme), "--log", str(log), "--date",
        "2026-12-18", "--slot", "morning", "--pain", "3", "--sign", "bladder-or-bowel-change",
        status=None,
    )  # fmt: skip


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_english_leaks_into_any_output(
    run: CommandLine,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    english: dict[str, frozenset[str]],
    tmp_path: pathlib.Path,
) -> None:
    """Every command's output in *language* holds no English a person reads."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    outputs = Outputs(run, language, tmp_path)
    _every_output(outputs)
    found = {
        name: leaked
        for name, text in outputs.texts.items()
        if (leaked := leaks(text, english[language]))
    }
    assert {} == found


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_scan_finds_english(
    run: CommandLine, language: str, english: dict[str, frozenset[str]]
) -> None:
    """The scan is not blind: English output, scanned as *language*, leaks."""
    out = run.ok("plan", "--time", "bedtime", "--minutes", "8", "--lang", "en")
    assert len(leaks(out, english[language])) > 10
    assert [] == leaks(
        run.ok("plan", "--time", "bedtime", "--minutes", "8", "--lang", language),
        english[language],
    )


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_programme_s_next_routine_speaks_its_language(language: str) -> None:
    """The next routine says the programme's language, or the one asked for.

    And it fits its slot's minutes as timed in that language, its cues
    taking as long as their words do to say.
    """
    request = backroutine.ProgrammeRequest(
        slots=[
            backroutine.PlanRequest(
                time_of_day=backroutine.TimeOfDay.MORNING, minutes=8
            )
        ],
        start=dt.date(2026, 12, 7),
    )
    programme = backroutine.plan_programme(request, language=language)
    assert language == programme.language
    routine = backroutine.next_session(programme, [], on=dt.date(2026, 12, 7))
    assert language == routine.language
    assert backroutine.estimate_duration(routine) <= 8 * 60
    other = "de" if language == "es" else "es"
    assert (
        other
        == backroutine.next_session(
            programme, [], on=dt.date(2026, 12, 7), language=other
        ).language
    )


@pytest.mark.parametrize(
    ("language", "name", "described"),
    [
        ("en", "Morning, 1 day a week, for 4 weeks", "Pain on 1 day with a session"),
        (
            "es",
            "Por la mañana, 1 día a la semana, durante 4 semanas",
            "Dolor en 1 día con sesión",
        ),
        (
            "de",
            "Am Morgen, an 1 Tag pro Woche, 4 Wochen lang",
            "Schmerzen an 1 Tag mit einer Einheit",
        ),
    ],
)
def test_one_of_a_thing_is_said_in_the_singular(
    language: str, name: str, described: str
) -> None:
    """One day a week, and a chart of one day, in each language's singular."""
    request = backroutine.ProgrammeRequest(
        slots=[
            backroutine.PlanRequest(
                time_of_day=backroutine.TimeOfDay.MORNING, minutes=8
            )
        ],
        days=[backroutine.Weekday.MONDAY],
        start=dt.date(2026, 12, 7),
    )
    assert name == backroutine.plan_programme(request, language=language).name
    with speaking(language):
        svg = pain_and_dose_svg([ChartDay(date=dt.date(2026, 12, 7), pain=3, dose=10)])
    assert described in svg
    assert "2026-12-07: 3 " in svg


def test_a_language_asked_for_holds_inside_a_handout() -> None:
    """A Spanish programme's handout asked for in German is German throughout.

    Its advice, headings and each routine's section speak German: the
    functions it calls are told the language, and do not fall back on the
    programme's own.
    """
    start = dt.date(2026, 12, 7)
    request = backroutine.ProgrammeRequest(
        slots=[
            backroutine.PlanRequest(
                time_of_day=backroutine.TimeOfDay.MORNING, minutes=8
            )
        ],
        start=start,
    )
    programme = backroutine.plan_programme(request, language="es")
    first = backroutine.next_session(programme, [], on=start)
    sessions = [
        backroutine.Session(
            programme=programme.id,
            slot="morning",
            date=start + dt.timedelta(days=day),
            exercises=[
                backroutine.ExerciseDone(
                    exercise=step.exercise.id, sets=step.sets, pain=7
                )
                for step in first.steps
            ],
        )
        for day in (0, 1)
    ]
    spanish = backroutine.programme_markdown(programme, sessions)
    german = backroutine.programme_markdown(programme, sessions, language="de")
    assert "## Antes de continuar" in spanish
    assert "## Bevor Sie weitermachen" in german
    assert "Antes de" not in german
    with speaking("es"):
        headings = {backroutine._i18n._(heading) for heading in ("Exercises", "Notes")}
    assert not [heading for heading in headings if f"\n{heading}\n" in german]


def test_an_app_s_catalog_takes_its_words_from_beside_it(
    run: CommandLine, tmp_path: pathlib.Path
) -> None:
    """``--catalog my.json`` in Spanish reads ``my.es.json``, and says where it is wrong."""
    mine = backroutine.Catalog([backroutine.default_catalog()["cat-cow"]])
    catalog = tmp_path / "my.json"
    catalog.write_text(backroutine.dumps(mine), encoding="utf-8")
    plan = ("plan", "--time", "morning", "--minutes", "3", "--catalog", str(catalog))
    assert "Cat-cow on hands and knees" in run.ok(*plan, "--lang", "es")
    beside = tmp_path / "my.es.json"
    translation = backroutine.CatalogTranslation(
        language="es",
        exercises=[backroutine.ExerciseText(id="cat-cow", name="El gato y la vaca")],
    )
    beside.write_text(backroutine.dumps(translation), encoding="utf-8")
    assert "El gato y la vaca" in run.ok(*plan, "--lang", "es")
    assert "Cat-cow on hands and knees" in run.ok(*plan, "--lang", "en")
    wrong = backroutine.CatalogTranslation(
        language="de",
        exercises=[backroutine.ExerciseText(id="cat-cw", name="Katze")],
    )
    beside.write_text(backroutine.dumps(wrong), encoding="utf-8")
    assert [
        (
            f"backroutine: error: {beside}: must be the 'es' translation of {catalog} "
            "(it says 'de')"
        )
    ] == run.failed(*plan, "--lang", "es", status=1)
    beside.write_text(
        backroutine.dumps(attrs.evolve(wrong, language="es")), encoding="utf-8"
    )
    assert [
        (
            f"backroutine: error: invalid catalog_translation document: {beside}: "
            "$.exercises[0].id: is not in the catalog (got 'cat-cw'); did you mean 'cat-cow'?"
        )
    ] == run.failed(*plan, "--lang", "es", status=1)
