"""The words of handouts, doses, times and timer cues are marked for translation.

No catalog is needed to prove it: a fake one marks every message it is
asked for as ``«message»``, and whatever a rendering shows that is neither
marked nor data (exercises' words, a routine's own notes) is English left
in the code.
"""

import datetime as dt
import enum
import gettext
import re
from collections.abc import Iterable, Iterator

import pytest

from backroutine import (
    Condition,
    CueKind,
    Exercise,
    ExerciseSet,
    Hold,
    Laterality,
    Pace,
    Routine,
    RoutineStep,
    WarningSign,
    _text,
    _vocabulary,
    default_catalog,
    screen,
    timeline,
    to_markdown,
    to_text,
)
from backroutine._catalog import Catalog
from backroutine._dose_words import dose_text, frequency_text
from backroutine._durations import duration_text, minutes_text
from backroutine._formats import day_text
from backroutine._model import Dosage, Frequency, Span
from backroutine._plain_words import SIDES, plain
from backroutine._render_text import exercise_list_text, screening_text
from backroutine._text import value_words, words
from backroutine._timer_text import timeline_text
from backroutine._timing import estimate_duration, speaking_seconds
from tests.helpers import planned, speak_catalog, twist_routine


class Wordy(gettext.NullTranslations):
    """A catalog whose every message takes two words more than its English."""

    def gettext(self, message: str) -> str:
        return f"so so {message}"

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:  # noqa: ARG002
        return self.gettext(message)


# The enums whose members' words people read, each member a message.
SHOWN_ENUMS = (
    _vocabulary.Condition,
    _vocabulary.WarningSign,
    _vocabulary.Urgency,
    _vocabulary.Difficulty,
    _vocabulary.TimeOfDay,
    _vocabulary.Occasion,
    _vocabulary.BodyArea,
    _vocabulary.Position,
    _vocabulary.Bias,
    _vocabulary.Movement,
    _vocabulary.Laterality,
    _vocabulary.Equipment,
)


class TestWords:
    @pytest.mark.parametrize("shown", SHOWN_ENUMS, ids=lambda e: e.__name__)
    def test_every_member_has_its_message(self, shown: type[enum.Enum]) -> None:
        """Each member's English is its value in words, as before the table."""
        table = _text._WORDS
        assert [m for m in shown if m not in table] == []
        assert {m: table[m]() for m in shown} == {
            m: str(m.value).replace("_", " ") for m in shown
        }

    @pytest.mark.usefixtures("marked")
    def test_translated(self) -> None:
        """A shown member's words are a message; the value's words are not."""
        member = Condition.DISC_HERNIATION
        assert ("«disc herniation»", "disc herniation") == (
            words(member),
            value_words(member),
        )

    @pytest.mark.usefixtures("marked")
    def test_other_enums_keep_their_values(self) -> None:
        """A member of an enum people are not shown is its value in words."""
        assert "get ready" == words(CueKind.GET_READY)


class TestPlainWords:
    def test_sides_agree_with_the_lateralitys_words(self) -> None:
        """A laterality's plain words are its two parts of a dose, joined."""
        for side, parts in SIDES.items():
            assert plain(side) == (
                ", ".join(filter(None, parts)) or "both sides together"
            )

    @pytest.mark.usefixtures("marked")
    def test_translated(self) -> None:
        assert "«lying on your back»" == plain(_vocabulary.Position.SUPINE)


class TestSmallWords:
    """Doses, frequencies and durations are whole messages, in English as before."""

    @pytest.mark.usefixtures("marked")
    def test_dose(self) -> None:
        dosage = Dosage(
            sets=Span(1, 2),
            reps=Span(8, 10),
            hold_seconds=Span.exactly(10),
            laterality=Laterality.ALTERNATING,
            rest_seconds=30,
        )
        sides = "«««8 to 10» reps» «each side»»"
        each = f"{sides}«, »«hold 10 seconds»«, »«switching sides each time»"
        expected = f"««1 to 2» sets of {each}»«, »«rest 30 seconds between sets»"
        assert expected == dose_text(dosage)

    @pytest.mark.usefixtures("marked")
    def test_frequency(self) -> None:
        frequency = Frequency(times_a_day=Span(1, 2), days_a_week=Span(3, 7))
        assert (
            "««once or twice a day», «every day if you can, and at least 3 days a week»»"
            == frequency_text(frequency)
        )

    @pytest.mark.parametrize(
        ("seconds", "expected"),
        [
            (30, "«30 seconds»"),
            (480, "«8 minutes»"),
            (479, "««about 8 minutes» («7 min 59 s»)»"),
            (3725, "««about 62 minutes» («1 h 2 min 5 s»)»"),
        ],
    )
    @pytest.mark.usefixtures("marked")
    def test_duration(self, seconds: float, expected: str) -> None:
        assert expected == duration_text(seconds)

    @pytest.mark.usefixtures("marked")
    def test_fraction_of_minutes(self) -> None:
        """In "Spanish": the message is marked, the number is Babel's."""
        assert ["«0,25 minutes»", "«1 minute»"] == [minutes_text(15), minutes_text(60)]

    def test_english_as_before(self) -> None:
        """The English words are those the code wrote before it was marked."""
        assert [
            duration_text(479),
            duration_text(3725),
            duration_text(479, exact=False),
            minutes_text(15),
            minutes_text(60),
            minutes_text(90),
            minutes_text(0),
        ] == [
            "about 8 minutes (7 min 59 s)",
            "about 62 minutes (1 h 2 min 5 s)",
            "about 8 minutes",
            "0.25 minutes",
            "1 minute",
            "1.5 minutes",
            "0 minutes",
        ]

    @pytest.mark.usefixtures("marked")
    def test_a_day_is_babel_s(self) -> None:
        """Days are Babel's dates in the language, not messages."""
        assert "lunes, 7 de diciembre de 2026" == day_text(dt.date(2026, 12, 7))


# Leaks: what a rendering shows outside the marks and the data.

_MARKED = re.compile(r"«[^«»]*»")
_LETTERS = re.compile(r"[^\W\d_]+")
_ESCAPED = re.compile(r"\\(.)")


def _exercise_data(exercise: Exercise) -> Iterator[str]:
    yield exercise.name
    if exercise.clinical_name is not None:
        yield exercise.clinical_name
        yield from re.split(r" \(|\)", exercise.clinical_name)
    yield exercise.summary
    yield from exercise.instructions
    yield from exercise.benefits
    yield from exercise.cues
    for caution in exercise.cautions:
        yield caution.text
        yield caution.advice


def _routine_data(routine: Routine, catalog: Catalog) -> Iterator[str]:
    yield routine.name
    yield from routine.notes
    for step in routine.steps:
        if step.note is not None:
            yield step.note
        yield from _exercise_data(step.exercise)
    yield from (exercise.name for exercise in catalog)


def leaks(text: str, data: Iterable[str]) -> list[str]:
    """The words of *text* that are neither marked nor *data*.

    Lines are joined (a message wrapped over lines is one span), Markdown's
    escapes are undone, *data* is taken out, then every marked span, inner
    ones first; what is left is punctuation, numbers and layout, or a leak.
    """
    flat = " ".join(_ESCAPED.sub(r"\1", text).split())
    for item in sorted({" ".join(d.split()) for d in data}, key=len, reverse=True):
        flat = flat.replace(item, "")
    while True:
        unmarked = _MARKED.sub("", flat)
        if unmarked == flat:
            break
        flat = unmarked
    return _LETTERS.findall(flat)


def _hand_built() -> Routine:
    """A routine of sets that differ, with rests, sides and a note."""
    catalog = default_catalog()
    return Routine(
        name="Mixed sets",
        steps=[
            RoutineStep(
                exercise=catalog["single-knee-to-chest"],
                sets=[
                    ExerciseSet(
                        reps=2,
                        hold=Hold(20),
                        laterality=Laterality.EACH_SIDE,
                        rest_after_seconds=30,
                    ),
                    ExerciseSet(reps=3, hold=Hold(10), laterality=Laterality.LEFT),
                    ExerciseSet(
                        reps=1,
                        hold=Hold(1),
                        laterality=Laterality.RIGHT,
                        rest_after_seconds=1,
                    ),
                ],
                note="One leg at a time.",
            ),
            RoutineStep(
                exercise=catalog["supine-lower-trunk-rotation"],
                sets=[
                    ExerciseSet(reps=2, laterality=Laterality.ALTERNATING),
                    ExerciseSet(
                        reps=2,
                        laterality=Laterality.ALTERNATING,
                        rest_after_seconds=15,
                    ),
                ],
            ),
        ],
        conditions=[Condition.OSTEOPOROSIS],
    )


QUICK = Pace(move_seconds=0, release_seconds=0, switch_side_seconds=0)
"""A pace at which moves, releases and switches say a word."""


@pytest.fixture(scope="module")
def routines() -> list[Routine]:
    """A planned routine for a person's condition, and two built by hand."""
    return [
        planned(minutes=10, conditions=[Condition.OSTEOPOROSIS]),
        _hand_built(),
        twist_routine(Condition.PREGNANCY),
    ]


class TestNoEnglishLeaks:
    @pytest.mark.usefixtures("marked")
    def test_routines(self, routines: list[Routine]) -> None:
        """Every word of a routine's text and handout is marked, or is data."""
        for routine in routines:
            # Planned in English, rendered in "Spanish": the versions of its
            # exercises are named from the Spanish catalog.
            data = [
                *_routine_data(routine, default_catalog()),
                *_routine_data(routine, default_catalog("es")),
            ]
            for render in (to_text, to_markdown):
                text = render(routine, language="es")
                assert [] == leaks(text, data), (render, routine.name)

    @pytest.mark.parametrize("pace", [Pace(), QUICK], ids=["default", "quick"])
    @pytest.mark.usefixtures("marked")
    def test_cues(self, routines: list[Routine], pace: Pace) -> None:
        """Every cue's text and advice is marked, but the names in it.

        At a quick pace, each cue says the shortest of its wordings.
        """
        catalog = default_catalog()
        for routine in routines:
            data = list(_routine_data(routine, catalog))
            cues = timeline(routine, pace, language="es")
            for cue in cues:
                assert cue.text.startswith("«"), cue
                assert [] == leaks(cue.text, data), cue
                for advice in cue.safety:
                    assert [] == leaks(advice, data), advice
            personal = routine.conditions is not None
            assert [] == leaks(timeline_text(cues, personal=personal), data)

    @pytest.mark.usefixtures("marked")
    def test_exercises(self) -> None:
        """Every word of an exercise's text and handout is marked, or is data."""
        catalog = default_catalog("es")
        for exercise_id in ("spine-press-up", "single-knee-to-chest", "cat-cow"):
            exercise = catalog.get(exercise_id)
            if exercise is None:
                continue
            data = [*_exercise_data(exercise), *(e.name for e in catalog)]
            for render in (to_text, to_markdown):
                assert [] == leaks(render(exercise), data), (render, exercise_id)

    @pytest.mark.usefixtures("marked")
    def test_exercise_list(self) -> None:
        """A listing's words are marked but the values the options take."""
        catalog = default_catalog()
        exercises = Catalog([catalog["spine-press-up"], catalog["cat-cow"]])
        values = [value_words(m) for e in exercises for m in e.targets]
        data = [*values, *(e.id for e in exercises), *(e.name for e in exercises)]
        assert [] == leaks(exercise_list_text(exercises), data)
        assert [] == leaks(exercise_list_text(Catalog([])), [])

    @pytest.mark.parametrize(
        "signs",
        [
            [],
            [WarningSign.FEVER, WarningSign.PAIN_BELOW_KNEE],
            [WarningSign.CHEST_PAIN],
        ],
    )
    @pytest.mark.usefixtures("marked")
    def test_screening(self, signs: list[WarningSign]) -> None:
        """A screening's headings and signs are marked; its advice is its own."""
        screening = screen(signs)
        data = [screening.advice, *(finding.advice for finding in screening.findings)]
        assert [] == leaks(screening_text(screening), data)


class TestTimingInAnotherLanguage:
    def test_every_cue_fits_its_words(
        self, routines: list[Routine], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A longer language's cues last as long as their words take to say.

        Its words are counted, as English words are: the cues that start an
        exercise last longer, and the others say the fullest wording that
        fits.  (The shortest wording of a cue must stay one word, as the
        timing model gives no cue less time than that: here it is three.)
        """
        speak_catalog(monkeypatch, Wordy())
        shortest = speaking_seconds("so so Hold.")
        for routine in routines:
            english = estimate_duration(routine)
            cues = timeline(routine, language="es")
            assert cues[-1].start_seconds == estimate_duration(routine, language="es")
            assert cues[-1].start_seconds > english
            for cue in cues[:-1]:
                if cue.seconds >= shortest:
                    assert speaking_seconds(cue.text) <= cue.seconds + 1e-9, cue
