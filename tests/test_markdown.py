import string
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from backroutine import (
    CONDITION_RULES,
    SEEK_HELP,
    Bias,
    BodyArea,
    Caution,
    Condition,
    Dosage,
    Exercise,
    ExerciseSet,
    Hold,
    Laterality,
    Pace,
    PlanRequest,
    Position,
    Routine,
    RoutineStep,
    Span,
    TimeOfDay,
    default_catalog,
    dumps,
    loads,
    plan_routine,
    to_markdown,
)
from backroutine._advice import (
    ONTO_THE_BED,
    SEE_SPECIALIST,
    STOP_RULE,
    TO_THE_FLOOR,
    TO_THE_FLOOR_AND_FRONT,
    WHAT_TO_FEEL,
    GettingDown,
)
from backroutine._facts import (
    exercise_facts,
    person_name,
    routine_facts,
    routine_frequency,
    step_fields,
    step_seconds,
)
from backroutine._markdown import _escape, _list
from backroutine._signs import SEEK_HELP_LEAD
from backroutine._traffic_light import HOW_TO_SCORE, SIGNS_FIRST, ZONES
from backroutine._wrapping import WIDTH
from backroutine.testing import exercises, paces, routines
from tests.helpers import (
    KNEE_ROCK,
    OSTEOPOROSIS_CAUTION,
    PREGNANCY_CAUTION,
    PRESS_UP,
    SPREADING_CAUTION,
    STENOSIS_CAUTION,
    emergency_words,
    on_the_floor,
    planned,
    twist_routine,
)


class TestMarkdownEscape:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("*bold*", r"\*bold\*"),
            ("_it_ a_b", r"\_it\_ a\_b"),
            ("1. x", r"1\. x"),
            ("12) x", r"12\) x"),
            ("# not a heading #", r"\# not a heading \#"),
            ("> not a quote", r"\> not a quote"),
            ("- not + a list", r"\- not \+ a list"),
            ("===", r"\==="),
            ("`code` [link](url) <b>", r"\`code\` \[link\](url) \<b>"),
            ("&amp; a|b ~~c~~ back\\slash", r"\&amp; a\|b \~\~c\~\~ back\\slash"),
            (
                "Child's pose (gently), knee-to-chest: 1.5 s!",
                "Child's pose (gently), knee-to-chest: 1.5 s!",
            ),
        ],
    )
    def test_escapes(self, text: str, expected: str) -> None:
        """Characters Markdown reads as markup get a backslash; others stay."""
        assert expected == _escape(text)

    def test_whitespace(self) -> None:
        """Line breaks, tabs and runs of spaces become single spaces."""
        assert "a b c" == _escape("  a\n\t b   c \u2028")


def commonmark() -> MarkdownIt:
    """A CommonMark parser."""
    return MarkdownIt("commonmark")


def _literal(inline: Any) -> str:
    """What an inline token shows, with line breaks as spaces."""
    parts: list[str] = []
    for child in inline.children:
        if child.type in {"text", "text_special"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
    return "".join(parts)


def _check_markup(inline: Any) -> None:
    """Fail unless the only inline markup is a bold label ending with a colon."""
    children = [child.type for child in inline.children]
    markup = set(children) - {"text", "text_special", "softbreak"}
    assert markup <= {"strong_open", "strong_close"}, children
    for at, kind in enumerate(children):
        if kind == "strong_open":
            assert inline.children[at + 1].content.endswith(":")


def _kind(open_: list[str]) -> str:
    """The kind of block an inline token is in, from the blocks open around it."""
    if open_[-1].startswith("h"):
        return open_[-1]
    quoted = "blockquote_open" in open_
    for container, kind in [
        ("ordered_list_open", "numbered"),
        ("bullet_list_open", "item"),
    ]:
        if container in open_:
            return f"quoted {kind}" if quoted else kind
    return "quote" if quoted else "paragraph"


def outline(markdown: str) -> list[tuple[str, str]]:
    """Each block of rendered *markdown* as (kind, the text it shows).

    The kind is a heading's tag (``h1``...), ``item`` or ``numbered`` for a
    list item (``quoted item`` in a quote), ``quote`` or ``paragraph``.  Inline markup other than a bold
    label ending with a colon fails the test: data must read literally.
    """
    blocks: list[tuple[str, str]] = []
    open_: list[str] = []
    for token in commonmark().parse(markdown):
        if token.nesting == 1:
            open_.append(token.tag if token.type == "heading_open" else token.type)
        elif token.nesting == -1:
            open_.pop()
        elif token.type == "inline":
            _check_markup(token)
            blocks.append((_kind(open_), _literal(token)))
    return blocks


def shown_words(markdown: str) -> str:
    """All the text rendered *markdown* shows, blocks separated by spaces."""
    return " ".join(text for _, text in outline(markdown))


def shown(text: str) -> str:
    """*text* as Markdown shows it: whitespace runs as spaces, NUL replaced."""
    return " ".join(text.split()).replace("\x00", "\ufffd")


def _exercise_outline(
    exercise: Exercise, level: int, cautions: list[tuple[str, list[Caution]]]
) -> list[tuple[str, str]]:
    """The steps, why it helps, cues and each heading of *cautions*, at *level*."""
    heading = f"h{level}"
    blocks: list[tuple[str, str]] = []
    for title, kind, items in [
        ("Steps", "numbered", exercise.instructions),
        ("Why it helps", "item", exercise.benefits),
        ("Cues", "item", exercise.cues),
        *((title, "item", [c.text for c in some]) for title, some in cautions),
    ]:
        if items:
            blocks.append((heading, title))
            blocks += [(kind, shown(item)) for item in items]
    return blocks


def _not_planned_for(exercise: Exercise) -> list[tuple[str, str]]:
    """The conditions whose rules leave *exercise* out, as its handout lists them."""
    reasons = [
        f"{condition.value.replace('_', ' ').capitalize()}: {reason}"
        for condition, rule in CONDITION_RULES.items()
        if (reason := rule.why_not(exercise)) is not None
    ]
    if not reasons:
        return []
    return [("h2", "Not planned for"), *(("item", shown(r)) for r in reasons)]


def all_cautions(exercise: Exercise) -> list[tuple[str, list[Caution]]]:
    """Every caution of *exercise*, as its own handout heads them."""
    return [("Take care", list(exercise.cautions))]


def persons_cautions(
    routine: Routine, exercise: Exercise
) -> list[tuple[str, list[Caution]]]:
    """The cautions of *exercise* a routine's handout shows, as it heads them.

    Those about the person's conditions, then those about none; none about
    another condition.  When the conditions are not known, every caution,
    under Take care.
    """
    if routine.conditions is None:
        return all_cautions(exercise)
    return [
        ("For you", [c for c in exercise.cautions if c.concerns(routine.conditions)]),
        ("Take care", [c for c in exercise.cautions if not c.conditions]),
    ]


SEEK_HELP_OUTLINE = [
    ("quote", f"Seek help now: {SEEK_HELP_LEAD}:"),
    *(("quoted item", words) for words in emergency_words()),
]
"""The seek-help box as a handout shows it."""

FEEL_OUTLINE = [
    ("h2", "How it should feel"),
    ("paragraph", WHAT_TO_FEEL),
    ("paragraph", HOW_TO_SCORE),
    *(
        ("item", f"{z.colour.capitalize()}: {z.when.capitalize()}. {z.next_time}")
        for z in ZONES
    ),
    ("paragraph", SIGNS_FIRST),
]
"""What to feel and the traffic light, as a handout shows them."""


def getting_down_outline(advice: GettingDown) -> list[tuple[str, str]]:
    """How to get down and up, as a handout shows it."""
    return [
        ("h2", advice.heading),
        ("paragraph", advice.lead),
        ("h3", "Getting down"),
        *(("numbered", step) for step in advice.down),
        ("h3", "Getting up"),
        *(("numbered", step) for step in advice.up),
    ]


def floor_outline(value: Routine | Exercise) -> list[tuple[str, str]]:
    """How to get down to the floor, if a step is there, as a handout shows it."""
    if not on_the_floor(value):
        return []
    if isinstance(value, Routine) and Condition.RECENT_BACK_SURGERY in (
        value.conditions or ()
    ):
        return getting_down_outline(ONTO_THE_BED)
    exercises = value.exercises if isinstance(value, Routine) else (value,)
    if any(e.position is Position.PRONE for e in exercises):
        return getting_down_outline(TO_THE_FLOOR_AND_FRONT)
    return getting_down_outline(TO_THE_FLOOR)


def routine_outline(routine: Routine) -> list[tuple[str, str]]:
    """The blocks a routine's handout should show, from the routine alone."""
    blocks = [("h1", shown(routine.name))]
    blocks += [("item", f"{k}: {v}") for k, v in routine_facts(routine, None)]
    blocks += [("h2", "Before you start"), *SEEK_HELP_OUTLINE]
    blocks += [
        ("item", f"Stop rule: {STOP_RULE}"),
        ("item", f"See a specialist: {SEE_SPECIALIST}"),
    ]
    always = {STOP_RULE, SEE_SPECIALIST, SEEK_HELP}
    blocks += [("item", shown(s)) for s in routine.safety if s not in always]
    blocks += [*FEEL_OUTLINE, *floor_outline(routine)]
    often = routine_frequency(routine) is None
    seconds = step_seconds(routine, None)
    for number, step in enumerate(routine.steps, start=1):
        blocks.append(("h2", f"{number}. {shown(person_name(step.exercise))}"))
        fields = step_fields(
            step, seconds=seconds[number - 1], often=often, catalog=default_catalog()
        )
        blocks += [("item", f"{label}: {shown(value)}") for label, value in fields]
        cautions = persons_cautions(routine, step.exercise)
        blocks += _exercise_outline(step.exercise, 3, cautions)
    if routine.notes:
        blocks.append(("h2", "Notes"))
        blocks += [("item", shown(note)) for note in routine.notes]
    return blocks


# Characters Markdown may read as markup, often, among any others.
_MARKUP_PRONE = st.text(
    st.one_of(
        st.sampled_from(string.punctuation + string.digits + " \n"),
        st.characters(exclude_characters="\x00", exclude_categories=["Cs"]),
    ),
    min_size=1,
    max_size=300,
)


class TestMarkdownEscapeRendered:
    @given(_MARKUP_PRONE)
    def test_paragraph_reads_literally(self, text: str) -> None:
        """Escaped text renders as one paragraph showing exactly the text."""
        assume(text.split())
        assert [("paragraph", shown(text))] == outline(_escape(text))

    @given(_MARKUP_PRONE)
    def test_wrapped_list_item_reads_literally(self, text: str) -> None:
        """Wrapped in a numbered list item, the text still shows as it is."""
        assume(text.split())
        markdown = "\n".join(_list([text], numbered=True))
        assert [("numbered", shown(text))] == outline(markdown)


# Hand-built, so that the expected handouts do not change with the catalog.
PRONE_REST = Exercise(
    id="prone-rest",
    name="Prone rest",
    summary="Lie face down and let your back settle.",
    instructions=["Lie face down with your arms by your sides and breathe slowly."],
    position=Position.PRONE,
    targets=[BodyArea.LOWER_BACK],
    bias=Bias.NEUTRAL,
    times=[],
    dosage=Dosage(
        sets=Span.exactly(1), reps=Span.exactly(1), hold_seconds=Span(30, 60)
    ),
)


def wind_down() -> Routine:
    """A two-step routine whose safety repeats the stop rule, as planned ones do."""
    rock = ExerciseSet(reps=10, hold=Hold(5), laterality=Laterality.EACH_SIDE)
    return Routine(
        name="Wind-down",
        time_of_day=TimeOfDay.BEDTIME,
        targets=[BodyArea.LOWER_BACK],
        steps=[
            RoutineStep(
                exercise=KNEE_ROCK,
                sets=[attrs.evolve(rock, rest_after_seconds=30), rock],
                note="Eases the lower back before sleep.",
            ),
            RoutineStep(
                exercise=PRONE_REST,
                sets=[
                    ExerciseSet(reps=1, hold=Hold(45), rest_after_seconds=15),
                    ExerciseSet(reps=1, hold=Hold(30)),
                ],
            ),
        ],
        notes=["Go gently."],
        safety=["Move slowly.", STOP_RULE],
    )


SEEK_HELP_MARKDOWN = """\
> **Seek help now:** stop, and call emergency services or go to an emergency
> department, if you have any of these:
>
> - numbness or tingling around the genitals or buttocks
> - new trouble passing urine, or loss of bladder or bowel control
> - weakness or numbness in both legs
> - pain or tingling in both legs
> - a new loss of sexual function, such as trouble getting an erection
> - chest pain
> - back pain after a serious accident or fall
"""

STOP_RULE_MARKDOWN = """\
- **Stop rule:** Stop an exercise if it makes your pain worse, causes new pain,
  or sends symptoms down a leg.
"""

ROUTINE_ADVICE_MARKDOWN = f"""\
{STOP_RULE_MARKDOWN}\
- **See a specialist:** If your pain persists, gets worse, or spreads down a
  leg, see a spine specialist or another health professional: lasting pain can
  have a cause that needs checking.
"""

FEEL_MARKDOWN = """\
## How it should feel

You should feel a gentle stretch, or your muscles working, but not pain. Mild
discomfort that eases soon after you stop is fine.

Score your pain from 0 (none) to 10 (the worst you can imagine) while you
exercise, soon after you finish, and again the next morning, and let the score
set your next session:

- **Green:** Pain of 0 to 3 that settles soon after you finish. Carry on, and do
  a little more next time: hold a little longer first, then add a few reps. When
  an exercise feels easy, try its harder version.
- **Amber:** Pain of 4 or 5, or pain that has not settled by the next morning.
  Do the same amount next time; do not add more yet.
- **Red:** Pain of 6 or more, or pain that is worse the next day. Next time, go
  back a step (a shorter hold or fewer reps) or do the easier version. If this
  keeps happening, see a physiotherapist or your doctor.

Whatever the colour, a warning sign comes first: stop and get help as the Seek
help now box says, and see a professional if your pain persists, gets worse or
spreads down a leg.
"""

FLOOR_MARKDOWN = """\
## Getting down to the floor and back up

Take your time, and put your mat beside a sturdy chair, or the side of a bed,
that you can lean on. If getting down to the floor is too hard, or it hurts, do
the exercises that lie on your back or side on a firm bed instead.

### Getting down

1. Stand beside the chair, hold it with one hand and step one foot back.
2. Bend your knees and lower your back knee gently to the floor, then bring the
   other knee down beside it.
3. Put your hands on the floor, so that you are on your hands and knees.
4. To lie down, move your knees a little to one side, lower that hip to the
   floor, and let yourself down onto your side, taking your weight on your arms.
5. Bend your knees and roll onto your back, moving your shoulders and hips
   together.

### Getting up

1. Bend your knees and roll onto your side, moving your shoulders and hips
   together.
2. Push yourself up with your arms onto your hands and knees.
3. Move next to the chair and put both hands on its seat.
4. Bring one foot forward, flat on the floor, so that you are kneeling on one
   knee.
5. Push up through your front leg, helped by your arms, to stand. Stand still
   for a moment before you walk, in case you feel light-headed.
"""

FLOOR_FRONT_MARKDOWN = FLOOR_MARKDOWN.replace(
    """\
that you can lean on. If getting down to the floor is too hard, or it hurts, do
the exercises that lie on your back or side on a firm bed instead.""",
    """\
that you can lean on. If getting down to the floor is too hard, or it hurts, do
the exercises that lie on your back, front or side on a firm bed instead.""",
).replace(
    """\
5. Bend your knees and roll onto your back, moving your shoulders and hips
   together.""",
    """\
5. Bend your knees and roll onto your back, or onto your front, moving your
   shoulders and hips together.""",
)

WIND_DOWN_MARKDOWN = f"""\
# Wind-down

- **When:** before bed
- **Works:** lower back
- **Takes:** about 9 minutes (8 min 49 s)
- **How often:** once a day, every day if you can, and at least 3 days a week

## Before you start

{SEEK_HELP_MARKDOWN}
{ROUTINE_ADVICE_MARKDOWN}\
- Move slowly.

{FEEL_MARKDOWN}
{FLOOR_FRONT_MARKDOWN}
## 1. Knee rock

- **Position:** lying on your back
- **How much:** 2 sets of 10 reps each side, hold 5 seconds, one side at a time,
  rest 30 seconds between sets
- **Takes:** about 7 minutes
- **Note:** Eases the lower back before sleep.

### Steps

1. Lie on your back with your knees bent.
2. Let your knees sway slowly to one side, then the other, as far as is
   comfortable and no further.

### Why it helps

- Loosens the lower back.

### Cues

- Keep both shoulders on the floor.

### Take care

- Sore hips: Rock only a little way.

## 2. Prone rest

- **Position:** lying face down
- **Set 1:** 1 rep, hold 45 seconds, then rest 15 seconds
- **Set 2:** 1 rep, hold 30 seconds
- **Takes:** about 2 minutes

### Steps

1. Lie face down with your arms by your sides and breathe slowly.

## Notes

- Go gently.
"""

KNEE_ROCK_MARKDOWN = f"""\
# Knee rock

Rock your bent knees gently from side to side.

- **Position:** lying on your back
- **Works:** lower back and sides of the waist
- **Movement:** twisting
- **Suits:** in the evening or before bed
- **How much:** 1 to 2 sets of 8 to 10 reps each side, hold 3 to 5 seconds, one
  side at a time, rest 30 seconds between sets
- **How often:** once a day, every day if you can, and at least 3 days a week
- **You need:** a mat
- **Level:** beginner

## Before you start

{SEEK_HELP_MARKDOWN}
{ROUTINE_ADVICE_MARKDOWN}
{FEEL_MARKDOWN}
{FLOOR_MARKDOWN}
## Steps

1. Lie on your back with your knees bent.
2. Let your knees sway slowly to one side, then the other, as far as is
   comfortable and no further.

## Why it helps

- Loosens the lower back.

## Cues

- Keep both shoulders on the floor.

## Take care

- Sore hips: Rock only a little way.

## Not planned for

- Recent back surgery: In the first weeks after back surgery, only small, gentle
  exercises are usually allowed: no bending forwards or backwards as far as you
  can, no twisting, no lifting and no kneeling, until the surgical team clears
  them.
"""


def fits(markdown: str) -> list[str]:
    """The lines of *markdown* wider than 80 characters."""
    return [line for line in markdown.splitlines() if len(line) > WIDTH]


CAUTION_HEADS = [("h3", "For you"), ("h3", "Take care")]


class TestToMarkdown:
    def test_routine(self) -> None:
        """A hand-built routine renders as exactly this handout."""
        assert WIND_DOWN_MARKDOWN == to_markdown(wind_down())

    def test_routine_reads_as_its_outline(self) -> None:
        """Parsed as CommonMark, the handout has the blocks it should."""
        assert routine_outline(wind_down()) == outline(to_markdown(wind_down()))

    def test_exercise(self) -> None:
        """An exercise alone has its summary and facts, then the same sections."""
        assert KNEE_ROCK_MARKDOWN == to_markdown(KNEE_ROCK)

    def test_without_optional_parts(self) -> None:
        """Without time of day, targets, safety, notes or note, those are left out.

        The seek-help box, the stop rule, when to see a specialist, what to
        feel and the traffic light stay; standing, no floor section.
        """
        standing = attrs.evolve(PRONE_REST, position=Position.STANDING)
        routine = Routine(
            name="R",
            steps=[RoutineStep(exercise=standing, sets=[ExerciseSet(reps=1)])],
        )
        assert (
            "# R\n\n"
            "- **Takes:** 14 seconds\n"
            "- **How often:** once a day, every day if you can, and at least 3 "
            "days a week\n\n"
            "## Before you start\n\n"
            f"{SEEK_HELP_MARKDOWN}\n{ROUTINE_ADVICE_MARKDOWN}\n{FEEL_MARKDOWN}\n"
            "## 1. Prone rest\n\n"
            "- **Position:** standing\n"
            "- **How much:** 1 slow rep\n"
            "- **Takes:** 14 seconds\n\n"
            "### Steps\n\n"
            f"1. {PRONE_REST.instructions[0]}\n"
        ) == to_markdown(routine)

    def test_pace(self) -> None:
        """The times follow the pace they are given."""
        slow = Pace(move_seconds=4, release_seconds=4)
        fast, slower = to_markdown(wind_down()), to_markdown(wind_down(), pace=slow)
        assert "- **Takes:** about 9 minutes (8 min 49 s)\n" in fast
        assert "- **Takes:** about 12 minutes (11 min 37 s)\n" in slower
        assert "- **Takes:** about 10 minutes\n" in slower

    def test_spine_press_up(self) -> None:
        """The built-in press-up has its numbered steps and dose in plain words."""
        exercise = default_catalog()["spine-press-up"]
        markdown = to_markdown(exercise)
        assert markdown.startswith(f"# {person_name(exercise)}\n\n")
        assert "\n- **How much:** 8 to 10 reps, hold 3 to 5 seconds\n" in markdown
        flat = " ".join(markdown.split())
        for number, step in enumerate(exercise.instructions, start=1):
            assert f" {number}. {step} " in f"{flat} "
        assert "## Steps" in markdown
        assert "## Take care" in markdown

    def test_escapes_data(self) -> None:
        """Names and steps that look like Markdown are shown literally."""
        odd = attrs.evolve(
            KNEE_ROCK,
            name="*bold*",
            instructions=["1. x", "# not a heading", "see [this](https://a.b/c_d)"],
        )
        routine = attrs.evolve(
            wind_down(),
            name="<b>Hi</b>",
            steps=[RoutineStep(exercise=odd, sets=[ExerciseSet(reps=1)])],
        )
        markdown = to_markdown(routine)
        assert markdown.startswith("# \\<b>Hi\\</b>\n")
        assert "\n## 1. \\*bold\\*\n" in markdown
        assert "\n1. 1\\. x\n2. \\# not a heading\n" in markdown
        assert "\n3. see \\[this\\](https://a.b/c\\_d)\n" in markdown
        assert routine_outline(routine) == outline(markdown)

    def test_long_names(self) -> None:
        """A name too long for a heading line becomes a wrapped setext heading."""
        name = " ".join(["Stretch"] * 15)
        exercise = attrs.evolve(PRONE_REST, name=name)
        routine = Routine(
            name=name,
            steps=[RoutineStep(exercise=exercise, sets=[ExerciseSet(reps=1)])],
        )
        markdown = to_markdown(routine)
        assert [] == fits(markdown)
        assert markdown.startswith(f"{' '.join(['Stretch'] * 10)}\n")
        assert f"\n1\\. {' '.join(['Stretch'] * 9)}\n" in markdown
        assert routine_outline(routine) == outline(markdown)
        assert ("h1", name) == outline(to_markdown(exercise))[0]

    @given(routines())
    def test_deterministic(self, routine: Routine) -> None:
        """Equal routines, even built apart, give the same handout."""
        assert to_markdown(routine) == to_markdown(loads(dumps(routine), Routine))

    @given(exercises())
    def test_exercise_deterministic(self, exercise: Exercise) -> None:
        """Equal exercises, even built apart, give the same handout."""
        assert to_markdown(exercise) == to_markdown(loads(dumps(exercise), Exercise))

    @given(routines(), paces())
    def test_fits_the_width(self, routine: Routine, pace: Pace) -> None:
        """No line is wider than 80 characters, whatever the routine."""
        assert [] == fits(to_markdown(routine, pace=pace))

    @given(exercises())
    def test_exercise_fits_the_width(self, exercise: Exercise) -> None:
        """No line is wider than 80 characters, whatever the exercise."""
        assert [] == fits(to_markdown(exercise))

    @given(routines())
    def test_reads_literally(self, routine: Routine) -> None:
        """Parsed as CommonMark, any routine's handout shows its data as given.

        The outline expected is written in English: the routine is read as
        English, whatever language it was drawn in (tests/test_languages.py
        reads the other languages).
        """
        routine = attrs.evolve(routine, language="en")
        assert routine_outline(routine) == outline(to_markdown(routine))

    @given(exercises())
    def test_exercise_reads_literally(self, exercise: Exercise) -> None:
        """Parsed as CommonMark, any exercise's handout shows its data as given."""
        facts = exercise_facts(exercise, default_catalog())
        expected = [
            ("h1", shown(person_name(exercise))),
            ("paragraph", shown(exercise.summary)),
            *(("item", f"{label}: {shown(value)}") for label, value in facts),
            ("h2", "Before you start"),
            *SEEK_HELP_OUTLINE,
            ("item", f"Stop rule: {STOP_RULE}"),
            ("item", f"See a specialist: {SEE_SPECIALIST}"),
            *FEEL_OUTLINE,
            *floor_outline(exercise),
            *_exercise_outline(exercise, 2, all_cautions(exercise)),
            *_not_planned_for(exercise),
        ]
        assert expected == outline(to_markdown(exercise))

    def test_planned_routine(self) -> None:
        """A planned routine's handout fits the width and reads as its outline."""
        routine = plan_routine(PlanRequest(time_of_day=TimeOfDay.BEDTIME, minutes=8))
        markdown = to_markdown(routine)
        assert [] == fits(markdown)
        assert routine_outline(routine) == outline(markdown)

    @pytest.mark.parametrize(
        "value",
        [
            pytest.param(planned(), id="planned routine"),
            pytest.param(attrs.evolve(wind_down(), safety=()), id="no safety"),
            pytest.param(default_catalog()["spine-press-up"], id="exercise"),
        ],
    )
    def test_seek_help_box(self, value: Routine | Exercise) -> None:
        """The box is a quote under Before you start: what to do, then the signs."""
        blocks = outline(to_markdown(value))
        start = blocks.index(("h2", "Before you start"))
        box = blocks[start + 1 : start + 1 + len(SEEK_HELP_OUTLINE)]
        assert SEEK_HELP_OUTLINE == box
        assert [("quoted item", words) for words in emergency_words()] == box[1:]
        assert ("item", f"Stop rule: {STOP_RULE}") in blocks
        if isinstance(value, Routine):
            assert ("item", f"See a specialist: {SEE_SPECIALIST}") in blocks

    def test_said_once(self) -> None:
        """Advice the routine's safety holds as well is not shown twice."""
        routine = attrs.evolve(
            wind_down(), safety=[SEEK_HELP, "Go slow.", SEE_SPECIALIST, STOP_RULE]
        )
        words = shown_words(to_markdown(routine))
        assert (1, 1, 1, 0) == (
            words.count(STOP_RULE),
            words.count(SEE_SPECIALIST),
            words.count("Seek help now:"),
            words.count(SEEK_HELP),
        )

    @pytest.mark.parametrize(
        ("conditions", "shown", "hidden"),
        [
            (
                (Condition.OSTEOPOROSIS,),
                [("For you", [OSTEOPOROSIS_CAUTION])],
                [PREGNANCY_CAUTION, STENOSIS_CAUTION],
            ),
            (
                (Condition.PREGNANCY, Condition.SPINAL_STENOSIS),
                [("For you", [PREGNANCY_CAUTION])],
                [OSTEOPOROSIS_CAUTION],
            ),
            ((), [], [OSTEOPOROSIS_CAUTION, PREGNANCY_CAUTION, STENOSIS_CAUTION]),
        ],
        ids=["osteoporosis", "pregnancy and stenosis", "no conditions"],
    )
    def test_cautions_for_the_person(
        self,
        conditions: tuple[Condition, ...],
        shown: list[tuple[str, list[Caution]]],
        hidden: list[Caution],
    ) -> None:
        """A step shows the person's cautions, For you, then general ones only."""
        markdown = to_markdown(twist_routine(*conditions))
        blocks = outline(markdown)
        twist = blocks[: blocks.index(("h2", f"2. {person_name(PRESS_UP)}"))]
        expected = [*shown, ("Take care", [SPREADING_CAUTION])]
        first = next(at for at, block in enumerate(twist) if block in CAUTION_HEADS)
        cautions = twist[first:]
        assert [
            block
            for heading, some in expected
            for block in [("h3", heading), *(("item", c.text) for c in some)]
        ] == cautions
        assert [] == [c.about for c in hidden if c.advice in shown_words(markdown)]

    def test_exercise_keeps_all_its_cautions(self) -> None:
        """An exercise's own handout lists every caution under Take care."""
        exercise = twist_routine().steps[0].exercise
        blocks = outline(to_markdown(exercise))
        take_care = blocks.index(("h2", "Take care"))
        end = blocks.index(("h2", "Not planned for"))
        assert [("item", c.text) for c in exercise.cautions] == blocks[
            take_care + 1 : end
        ]

    @pytest.mark.parametrize("value", [default_catalog(), "spine-press-up", None])
    def test_not_a_routine(self, value: object) -> None:
        """Anything but a routine or an exercise is a TypeError naming it."""
        with pytest.raises(TypeError) as caught:
            to_markdown(value)  # type: ignore[arg-type]
        assert str(caught.value).startswith(
            "to_markdown() takes a Routine or an Exercise (got "
        )
        assert f"of type {type(value).__name__})" in str(caught.value)
