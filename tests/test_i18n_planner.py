"""The planner's and the safety modules' words go through gettext (issue 15).

No language has its catalog yet, so these tests install a fake one that
marks every message it is asked for, «like this»: a text a person reads
that is not wholly marked is English that leaked past the translation.
Exercise names and cautions come from the catalog's data, not from
messages, and are left as they are.
"""

from __future__ import annotations

import ast
import pathlib
from collections.abc import Iterable

import pytest

import backroutine
from backroutine import (
    CONDITION_RULES,
    SEEK_HELP,
    Bias,
    BodyArea,
    Condition,
    Difficulty,
    Equipment,
    PlanningError,
    PlanRequest,
    Position,
    Routine,
    SeekCareError,
    TimeOfDay,
    Urgency,
    WarningSign,
    plan_routine,
    screen,
)
from backroutine._advice import (
    GENERAL_ADVICE,
    ONTO_THE_BED,
    SEE_SPECIALIST,
    STOP_RULE,
    TO_THE_FLOOR,
    TO_THE_FLOOR_AND_FRONT,
    WHAT_TO_FEEL,
)
from backroutine._planner import SHORTER_THAN, _constraints, says_shorter
from backroutine._safety import NERVE_REASON, NOT_CHECKED
from backroutine._signs import (
    SEEK_HELP_HEADING,
    SEEK_HELP_LEAD,
    SEEK_HELP_SIGNS,
    SIGN_WORDS,
    URGENCY_WORDS,
    signs_at,
)
from backroutine._traffic_light import HOW_TO_SCORE, SIGNS_FIRST, ZONES

SOURCES = pathlib.Path(backroutine.__file__).parent
MODULES = ("_planner", "_safety", "_signs", "_advice", "_traffic_light")


def is_marked(text: str) -> bool:
    """Whether the whole of *text* is a message that came through gettext."""
    return text.startswith("«") and text.endswith("»")


def unmarked(texts: Iterable[str]) -> list[str]:
    return [text for text in texts if not is_marked(text)]


def said(routine: Routine) -> list[str]:
    """Every text of *routine* that the planner wrote."""
    notes = [step.note for step in routine.steps if step.note is not None]
    return [routine.name, *routine.notes, *routine.safety, *notes]


RULE_TEXTS = sorted(
    {
        text
        for rule in CONDITION_RULES.values()
        for text in (*rule.reasons, rule.advice, rule.stop_signs)
        if text is not None
    }
    | {NERVE_REASON}
)


def leaked_rule_texts(texts: Iterable[str]) -> list[str]:
    """The rules' texts found in *texts* other than as translated messages."""
    return [
        rule_text
        for text in texts
        for rule_text in RULE_TEXTS
        if text.count(rule_text) != text.count(f"«{rule_text}»")
    ]


CONDITIONS = (
    Condition.PREGNANCY,
    Condition.DISC_HERNIATION,
    Condition.RECENT_BACK_SURGERY,
)


@pytest.mark.usefixtures("marked")
class TestARoutineInAnotherLanguage:
    def test_every_text_of_a_routine_with_conditions_is_a_message(self) -> None:
        """Name, notes, step notes and safety all come through gettext."""
        request = PlanRequest(
            time_of_day=TimeOfDay.EVENING,
            targets=(BodyArea.LOWER_BACK, BodyArea.HIPS),
            minutes=20,
            conditions=CONDITIONS,
            warning_signs=(WarningSign.PAIN_BELOW_KNEE,),
        )
        routine = plan_routine(request)
        assert routine.notes
        assert unmarked(said(routine)) == []
        assert leaked_rule_texts(said(routine)) == []

    def test_the_safety_advice_is_each_text_translated(self) -> None:
        """Screening, conditions' advice and stop signs, the article, seek help."""
        request = PlanRequest(
            time_of_day=TimeOfDay.MIDDAY,
            targets=(),
            minutes=10,
            conditions=CONDITIONS,
            warning_signs=(WarningSign.PERSISTENT_PAIN,),
        )
        routine = plan_routine(request)
        assert unmarked(said(routine)) == []
        safety = routine.safety
        rules = [CONDITION_RULES[condition] for condition in CONDITIONS]
        expected = [
            screen(request.warning_signs).advice,
            *(
                f"«{text}»"
                for rule in rules
                for text in (rule.advice, rule.stop_signs)
                if text
            ),
            *(f"«{text}»" for text in GENERAL_ADVICE),
            f"«{SEEK_HELP}»",
        ]
        assert list(safety) == expected

    def test_the_reasons_in_the_notes_are_the_rules_own_translated(self) -> None:
        """What a rule left out is said with its reason in the language."""
        request = PlanRequest(
            time_of_day=TimeOfDay.MIDDAY, targets=(), minutes=30, conditions=CONDITIONS
        )
        notes = plan_routine(request).notes
        pregnancy = CONDITION_RULES[Condition.PREGNANCY]
        assert any(f"«{pregnancy.reason}»" in note for note in notes)
        assert unmarked(notes) == []
        assert leaked_rule_texts(notes) == []

    def test_notes_at_a_later_step_and_short_of_time(self) -> None:
        """The notes on progression, a short routine and time on the back."""
        request = PlanRequest(
            time_of_day=TimeOfDay.BEDTIME,
            targets=(BodyArea.LOWER_BACK,),
            minutes=30,
            progression=2,
            conditions=(Condition.PREGNANCY,),
        )
        routine = plan_routine(request)
        assert len(routine.notes) >= 3
        assert unmarked(said(routine)) == []
        shorter = [note for note in routine.notes if says_shorter(note)]
        assert len(shorter) == 1
        assert not shorter[0].startswith(SHORTER_THAN)

    def test_the_routine_name_is_a_message_around_the_time_s_words(self) -> None:
        """The name is a whole message, with the time of day's words in it."""
        request = PlanRequest(time_of_day=TimeOfDay.MORNING, targets=(), minutes=5)
        assert plan_routine(request).name == "«{when} routine»".format(when="«morning»")


@pytest.mark.usefixtures("marked")
class TestReasonsAPlanCannotBeMade:
    def test_when_the_constraints_leave_none(self) -> None:
        """The message, and each reason's constraint and words, translated."""
        request = PlanRequest(
            time_of_day=TimeOfDay.MORNING,
            targets=(BodyArea.LOWER_BACK,),
            minutes=10,
            conditions=CONDITIONS,
            avoid_positions=(Position.STANDING,),
            warning_signs=(WarningSign.PAIN_BELOW_KNEE,),
        )
        with pytest.raises(PlanningError) as raised:
            plan_routine(request)
        error = raised.value
        assert is_marked(str(error))
        assert error.reasons
        for reason in error.reasons:
            assert is_marked(reason.constraint)
            # A reason is a rule's own, translated, or a caution's advice,
            # which is the exercise's data.
            cautions = {
                caution.advice
                for exercise in backroutine.default_catalog()
                if exercise.id in reason.ruled_out
                for caution in exercise.cautions
            }
            assert is_marked(reason.reason) or reason.reason in cautions
        assert leaked_rule_texts([str(error), *(r.reason for r in error.reasons)]) == []

    @pytest.mark.parametrize("equipment", [(), (Equipment.MAT, Equipment.CHAIR)])
    def test_every_constraint_is_described_in_the_language(
        self, equipment: tuple[Equipment, ...]
    ) -> None:
        request = PlanRequest(
            time_of_day=TimeOfDay.MORNING,
            conditions=CONDITIONS,
            warning_signs=(WarningSign.PAIN_BELOW_KNEE,),
            avoid_positions=(Position.PRONE, Position.KNEELING),
            avoid_biases=(Bias.FLEXION,),
            exclude=("cat-cow",),
            equipment=equipment,
            max_difficulty=Difficulty.BEGINNER,
        )
        constraints = _constraints(request)
        assert len(constraints) == 9
        assert unmarked(c.description for c in constraints) == []
        labels = [c.label for c in constraints if c.label is not None]
        assert unmarked(labels[-1:]) == []  # pain spreading down a leg

    def test_when_nothing_fits_in_the_time(self) -> None:
        for progression in (0, 3):
            request = PlanRequest(
                time_of_day=TimeOfDay.MORNING, minutes=0.5, progression=progression
            )
            with pytest.raises(PlanningError) as raised:
                plan_routine(request)
            assert is_marked(str(raised.value))


@pytest.mark.usefixtures("marked")
class TestScreeningInAnotherLanguage:
    @pytest.mark.parametrize("urgency", list(Urgency))
    def test_the_advice_and_each_sign_are_translated(self, urgency: Urgency) -> None:
        signs = signs_at(urgency)
        screening = screen(signs)
        assert is_marked(screening.advice)
        assert unmarked(finding.advice for finding in screening.findings) == []
        for sign in signs:
            assert f"«{SIGN_WORDS[sign]}»" in screening.advice

    def test_the_emergency_refusal_is_in_the_language(self) -> None:
        request = PlanRequest(
            time_of_day=TimeOfDay.MORNING,
            minutes=10,
            warning_signs=(WarningSign.SADDLE_NUMBNESS,),
        )
        with pytest.raises(SeekCareError) as raised:
            plan_routine(request)
        message = str(raised.value)
        assert message.startswith(f"«{URGENCY_WORDS[Urgency.EMERGENCY].advice}»"[:40])
        assert f"«{SIGN_WORDS[WarningSign.SADDLE_NUMBNESS]}»" in message


def test_the_texts_written_out_whole_agree_with_their_parts() -> None:
    """Whole-sentence messages that repeat another message keep its words."""
    assert (
        SEEK_HELP
        == f"{SEEK_HELP_HEADING}: {SEEK_HELP_LEAD}: {'; '.join(SEEK_HELP_SIGNS)}."
    )
    assert f"the {SEEK_HELP_HEADING} box" in SIGNS_FIRST
    assert URGENCY_WORDS[Urgency.NONE].advice.endswith(f" {STOP_RULE}")


def test_a_short_routine_is_told_in_english_too() -> None:
    request = PlanRequest(
        time_of_day=TimeOfDay.MORNING, targets=(BodyArea.LOWER_BACK,), minutes=60
    )
    notes = plan_routine(request).notes
    assert [says_shorter(n) for n in notes] == [
        n.startswith(SHORTER_THAN) for n in notes
    ]
    assert any(says_shorter(n) for n in notes)


def messages(module: str) -> set[str]:
    """The messages ``pybabel extract`` finds in *module*: first literals."""
    tree = ast.parse((SOURCES / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        keyword = node.func.id
        arguments = {"_": 1, "N_": 1, "ngettext": 2, "pgettext": 0}.get(keyword)
        if arguments is None:
            continue
        first = node.args[1:2] if keyword == "pgettext" else node.args[:arguments]
        # _(text) of a variable translates a message marked where it is kept.
        found.update(
            argument.value
            for argument in first
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str)
        )
    return found


def test_every_text_kept_in_english_is_a_message() -> None:
    """What is translated where it is used, ``_(text)``, has a msgid to find."""
    extracted = set().union(*(messages(module) for module in MODULES))
    kept = [
        STOP_RULE,
        SEE_SPECIALIST,
        WHAT_TO_FEEL,
        *GENERAL_ADVICE,
        *(
            text
            for getting_down in (TO_THE_FLOOR, TO_THE_FLOOR_AND_FRONT, ONTO_THE_BED)
            for text in (
                getting_down.heading,
                getting_down.lead,
                *getting_down.down,
                *getting_down.up,
            )
        ),
        *RULE_TEXTS,
        NOT_CHECKED.about,
        NOT_CHECKED.advice,
        *SIGN_WORDS.values(),
        *(
            text
            for words in URGENCY_WORDS.values()
            for text in (words.name, words.in_short, words.action, words.advice)
        ),
        SEEK_HELP_HEADING,
        SEEK_HELP_LEAD,
        SEEK_HELP,
        *(text for zone in ZONES for text in (zone.colour, zone.when, zone.next_time)),
        HOW_TO_SCORE,
        SIGNS_FIRST,
    ]
    assert [text for text in kept if text not in extracted] == []
