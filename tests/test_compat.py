"""Documents of format version 1 keep loading, to the same values, for ever.

The files in ``tests/fixtures/v1/`` are version-1 documents as backroutine
wrote them: a routine, an exercise, a catalog and a plan request, between
them using every field, with optional fields both set and left at their
defaults, and non-ASCII text. Apps have stored documents like these, and
every later version of backroutine must read them.

NEVER EDIT THESE FILES, nor the values below that they must load to. A
later version of the format adds its own fixtures (``tests/fixtures/v2/``
and so on) beside them; these keep loading, migrated to whatever the
current version is. If a test here fails, the change that broke it breaks
the documents apps have stored: fix the change, not the test.

While version 1 is the current version, a round trip also gives each file
back byte for byte.
"""

from __future__ import annotations

import enum
import pathlib

import pytest

import backroutine
from backroutine import (
    Bias,
    BodyArea,
    Catalog,
    Caution,
    Condition,
    Difficulty,
    Dosage,
    Equipment,
    Exercise,
    ExerciseSet,
    Hold,
    Laterality,
    Occasion,
    PlanRequest,
    Position,
    Routine,
    RoutineStep,
    Span,
    TimeOfDay,
    WarningSign,
)
from backroutine._documents import KINDS

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "v1"

Document = Catalog | Exercise | PlanRequest | Routine


def knees_to_chest_rock() -> Exercise:
    """An exercise with every optional field set, in French and Japanese."""
    return Exercise(
        id="knees-to-chest-rock",
        name="Bascule genoux-poitrine · 膝抱えゆらし",
        summary=(
            "Allongé sur le dos, ramenez les genoux vers la poitrine et "
            "balancez-vous doucement. 仰向けで両膝を抱え、左右にゆっくり揺らします。"
        ),
        instructions=(
            "Allongez-vous sur le dos, genoux pliés.",
            "Ramenez un genou puis l'autre vers la poitrine.",
            "Balancez-vous doucement d'un côté à l'autre.",
        ),
        position=Position.SUPINE,
        targets=(BodyArea.LOWER_BACK, BodyArea.LUMBAR_SPINE, BodyArea.GLUTES),
        bias=Bias.FLEXION,
        times=(TimeOfDay.EVENING, TimeOfDay.BEDTIME),
        occasions=(Occasion.AFTER_SITTING, Occasion.AFTER_ACTIVITY),
        dosage=Dosage(
            sets=Span(1, 2),
            reps=Span(6, 10),
            hold_seconds=Span(3, 5),
            laterality=Laterality.EACH_SIDE,
            rest_seconds=20,
        ),
        benefits=(
            "Détend le bas du dos.",
            "腰の筋肉をやさしく伸ばします。",
        ),
        cues=('Expirez en ramenant les genoux : un "haa" doux suffit.',),
        cautions=(
            Caution(
                about="ostéoporose",
                advice="Gardez le mouvement petit, et demandez conseil à un professionnel.",
                conditions=(Condition.OSTEOPOROSIS, Condition.DISC_HERNIATION),
            ),
            Caution(
                about="膝の痛み",
                advice="Tenez l'arrière des cuisses plutôt que les genoux.",
            ),
        ),
        equipment=(Equipment.MAT, Equipment.PILLOW),
        difficulty=Difficulty.INTERMEDIATE,
    )


def pelvic_clock() -> Exercise:
    """An exercise with every optional field left at its default."""
    return Exercise(
        id="pelvic-clock",
        name="Pelvic clock",
        summary="Lying on your back, you tilt your pelvis round a clock face.",
        instructions=("Tilt your pelvis towards twelve, three, six and nine o'clock.",),
        position=Position.SUPINE,
        targets=(BodyArea.CORE,),
        bias=Bias.MIXED,
        times=(),
        dosage=Dosage(sets=Span(1, 1), reps=Span.exactly(8)),
    )


def expected_routine() -> Routine:
    return Routine(
        name="Étirements du soir · 夜のストレッチ",
        time_of_day=TimeOfDay.EVENING,
        targets=(BodyArea.LOWER_BACK, BodyArea.HIPS),
        steps=(
            RoutineStep(
                exercise=knees_to_chest_rock(),
                sets=(
                    ExerciseSet(
                        reps=8,
                        hold=Hold(4),
                        laterality=Laterality.EACH_SIDE,
                        rest_after_seconds=20,
                    ),
                    ExerciseSet(reps=6, hold=Hold(5), laterality=Laterality.EACH_SIDE),
                ),
                note="Choisi pour le bas du dos. 腰のために選びました。",
            ),
            RoutineStep(exercise=pelvic_clock(), sets=(ExerciseSet(reps=8),)),
            RoutineStep(
                exercise=Exercise(
                    id="side-lying-hip-opener",
                    name="Side-lying hip opener",
                    summary="Lying on one side, you lift the top knee and lower it.",
                    instructions=("Keep your feet together as the knee opens.",),
                    position=Position.SIDE_LYING,
                    targets=(BodyArea.HIPS, BodyArea.GLUTES),
                    bias=Bias.NEUTRAL,
                    times=(TimeOfDay.MORNING, TimeOfDay.MIDDAY),
                    dosage=Dosage(
                        sets=Span(2, 2),
                        reps=Span(10, 12),
                        laterality=Laterality.ALTERNATING,
                    ),
                ),
                sets=(
                    ExerciseSet(
                        reps=10, laterality=Laterality.LEFT, rest_after_seconds=5
                    ),
                    ExerciseSet(reps=10, laterality=Laterality.RIGHT),
                ),
                note="Works each hip on its own.",
            ),
        ),
        notes=("Prévu pour environ 6 minutes. 約6分です。",),
        safety=(
            "Bougez lentement et arrêtez si la douleur augmente.",
            "痛みが強くなったり脚に広がったりしたら、専門家に相談してください。",
        ),
    )


def expected_exercise() -> Exercise:
    return Exercise(
        id="cat-cow",
        name="Gato-vaca · Katze-Kuh · 🐈",
        summary=(
            "A cuatro patas, redondee la espalda y luego déjela bajar, "
            "al ritmo de la respiración."
        ),
        instructions=(
            "Colóquese a cuatro patas, manos bajo los hombros.",
            "Espire y redondee la espalda; inspire y déjela bajar con suavidad.",
        ),
        position=Position.QUADRUPED,
        targets=(BodyArea.LOWER_BACK, BodyArea.ABDOMINALS),
        bias=Bias.MIXED,
        times=(TimeOfDay.MORNING,),
        occasions=(Occasion.AFTER_SITTING,),
        dosage=Dosage(
            sets=Span(1, 1),
            reps=Span(5, 10),
            laterality=Laterality.BILATERAL,
            rest_seconds=0,
        ),
        benefits=("Moves the whole spine gently, one segment at a time.",),
        cues=("Move with your breath 🫁, never into pain.",),
        cautions=(
            Caution(
                about="sore wrists",
                advice="Rest on your fists or forearms instead of flat hands.",
            ),
        ),
        equipment=(Equipment.MAT,),
        difficulty=Difficulty.BEGINNER,
    )


def expected_catalog() -> Catalog:
    return Catalog(
        [
            Exercise(
                id="prone-press-up",
                name="Extension couchée",
                summary="Couché sur le ventre, on se redresse sur les mains.",
                instructions=(
                    "Allongez-vous sur le ventre, mains sous les épaules.",
                    "Poussez pour soulever le haut du corps, hanches au sol.",
                ),
                position=Position.PRONE,
                targets=(BodyArea.LOWER_BACK,),
                bias=Bias.EXTENSION,
                times=(TimeOfDay.MORNING, TimeOfDay.EVENING),
                dosage=Dosage(
                    sets=Span(1, 3),
                    reps=Span(8, 10),
                    hold_seconds=Span(2, 3),
                    rest_seconds=30,
                ),
                benefits=("Counters long hours of sitting bent forward.",),
                cautions=(
                    Caution(
                        about="spinal problems that dislike arching",
                        advice="Leave it out, or ask a professional first.",
                        conditions=(
                            Condition.SPINAL_STENOSIS,
                            Condition.SPONDYLOLISTHESIS,
                            Condition.FACET_JOINT_PAIN,
                        ),
                    ),
                    Caution(
                        about="pregnancy or recent surgery",
                        advice="Do not lie on your front; choose another exercise.",
                        conditions=(
                            Condition.PREGNANCY,
                            Condition.RECENT_BACK_SURGERY,
                        ),
                    ),
                ),
                equipment=(Equipment.PILLOW,),
            ),
            Exercise(
                id="wall-sit",
                name="Wall sit",
                summary="Back against a wall, you slide down to a shallow sit and hold.",
                instructions=(
                    "Slide down the wall until your knees are bent a little.",
                ),
                position=Position.STANDING,
                targets=(BodyArea.CORE, BodyArea.HAMSTRINGS, BodyArea.HIP_FLEXORS),
                bias=Bias.NEUTRAL,
                times=(TimeOfDay.MORNING, TimeOfDay.MIDDAY),
                occasions=(Occasion.AFTER_SITTING,),
                dosage=Dosage(
                    sets=Span(2, 3),
                    reps=Span.exactly(1),
                    hold_seconds=Span(20, 45),
                    rest_seconds=60,
                ),
                cues=("Keep your lower back against the wall.",),
                equipment=(Equipment.WALL, Equipment.CHAIR, Equipment.TOWEL),
                difficulty=Difficulty.ADVANCED,
            ),
            Exercise(
                id="half-kneeling-twist",
                name="Torsion à genou · 片膝ツイスト",
                summary="On one knee, you turn your chest towards the front knee.",
                instructions=("Turn slowly, then come back to the middle.",),
                position=Position.HALF_KNEELING,
                targets=(BodyArea.OBLIQUES, BodyArea.HIP_FLEXORS),
                bias=Bias.ROTATION,
                times=(TimeOfDay.MIDDAY,),
                dosage=Dosage(
                    sets=Span(1, 1),
                    reps=Span(3, 5),
                    hold_seconds=Span(5, 5),
                    laterality=Laterality.EACH_SIDE,
                ),
            ),
            Exercise(
                id="seated-pelvic-rock",
                name="Seated pelvic rock",
                summary="Sitting tall, you roll your pelvis back and forward.",
                instructions=(
                    "Roll your pelvis back, then forward; keep still above.",
                ),
                position=Position.SEATED,
                targets=(BodyArea.LOWER_BACK,),
                bias=Bias.MIXED,
                times=(TimeOfDay.MIDDAY,),
                occasions=(Occasion.AFTER_SITTING,),
                dosage=Dosage(sets=Span(1, 1), reps=Span(5, 8)),
                difficulty=Difficulty.INTERMEDIATE,
            ),
        ]
    )


def expected_plan_request() -> PlanRequest:
    return PlanRequest(
        time_of_day=TimeOfDay.MIDDAY,
        targets=(BodyArea.LOWER_BACK, BodyArea.HAMSTRINGS, BodyArea.OBLIQUES),
        minutes=12.5,
        occasion=Occasion.AFTER_SITTING,
        avoid_positions=(Position.PRONE, Position.KNEELING),
        avoid_biases=(Bias.EXTENSION,),
        exclude=("spine-press-up", "prone-on-elbows"),
        equipment=(Equipment.CHAIR,),
        max_difficulty=Difficulty.INTERMEDIATE,
        conditions=(Condition.SPINAL_STENOSIS, Condition.PREGNANCY),
        warning_signs=(WarningSign.PERSISTENT_PAIN,),
    )


def _read(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_routine_fixture_loads() -> None:
    assert expected_routine() == backroutine.loads(_read("routine.json"), Routine)


def test_exercise_fixture_loads() -> None:
    assert expected_exercise() == backroutine.loads(_read("exercise.json"), Exercise)


def test_catalog_fixture_loads() -> None:
    assert expected_catalog() == backroutine.loads(_read("catalog.json"), Catalog)


def test_plan_request_fixture_loads() -> None:
    expected = expected_plan_request()
    assert expected == backroutine.loads(_read("plan_request.json"), PlanRequest)


CURRENT = FIXTURES.parent / f"v{backroutine.FORMAT_VERSION}"


@pytest.mark.parametrize(
    "path", sorted(CURRENT.glob("*.json")), ids=lambda path: path.name
)
def test_round_trip_gives_the_file_back_byte_for_byte(path: pathlib.Path) -> None:
    """A document of the current version is written back exactly as it was.

    When this fails after a change to the model, the change altered a
    released kind of document: release a new version, with its migration
    and fixtures (docs/evolving.md).
    """
    data = path.read_bytes()
    value = backroutine.load_document(data)
    written = (backroutine.dumps(value, indent=2) + "\n").encode("utf-8")
    assert data == written, (
        f"{path.name} no longer writes back as it was: a released kind of "
        "document changed, so the format needs a new version (docs/evolving.md)"
    )


def test_every_kind_has_a_fixture_of_the_current_version() -> None:
    """Each kind of document has a fixture written by the current version."""
    assert sorted(f"{kind}.json" for kind in KINDS) == sorted(
        path.name for path in CURRENT.glob("*.json")
    )


# Every enum value of format version 1, spelled out: a value is never
# renamed or removed, so documents that use it keep loading.
V1_ENUM_VALUES: dict[type[enum.Enum], tuple[str, ...]] = {
    TimeOfDay: ("morning", "midday", "evening", "bedtime"),
    Occasion: ("after_sitting", "after_activity"),
    BodyArea: (
        "lower_back",
        "lumbar_spine",
        "abdominals",
        "core",
        "hips",
        "hip_flexors",
        "glutes",
        "hamstrings",
        "obliques",
    ),
    Position: (
        "supine",
        "prone",
        "side_lying",
        "quadruped",
        "kneeling",
        "half_kneeling",
        "seated",
        "standing",
    ),
    Laterality: ("bilateral", "alternating", "each_side", "left", "right"),
    Bias: ("flexion", "extension", "rotation", "neutral", "mixed"),
    Equipment: ("mat", "pillow", "towel", "chair", "wall"),
    Difficulty: ("beginner", "intermediate", "advanced"),
    Condition: (
        "spinal_stenosis",
        "spondylolisthesis",
        "facet_joint_pain",
        "disc_herniation",
        "osteoporosis",
        "pregnancy",
        "recent_back_surgery",
    ),
    WarningSign: (
        "saddle_numbness",
        "bladder_or_bowel_change",
        "both_legs_weak_or_numb",
        "serious_trauma",
        "fever",
        "unexplained_weight_loss",
        "cancer_history",
        "night_pain",
        "progressive_leg_weakness",
        "back_shape_change",
        "pain_below_knee",
        "persistent_pain",
        "worsening_pain",
    ),
}


@pytest.mark.parametrize(
    "enum_type", V1_ENUM_VALUES, ids=lambda enum_type: enum_type.__name__
)
def test_every_version_1_enum_value_still_loads(enum_type: type[enum.Enum]) -> None:
    for value in V1_ENUM_VALUES[enum_type]:
        assert value == enum_type(value).value


def test_every_version_1_enum_value_loads_in_a_plan_request() -> None:
    document = {
        "kind": "plan_request",
        "version": 1,
        "time_of_day": "bedtime",
        "targets": list(V1_ENUM_VALUES[BodyArea]),
        "occasion": "after_activity",
        "avoid_positions": list(V1_ENUM_VALUES[Position]),
        "avoid_biases": list(V1_ENUM_VALUES[Bias]),
        "equipment": list(V1_ENUM_VALUES[Equipment]),
        "max_difficulty": "advanced",
        "conditions": list(V1_ENUM_VALUES[Condition]),
        "warning_signs": list(V1_ENUM_VALUES[WarningSign]),
    }
    request = backroutine.structure(document, PlanRequest)
    assert tuple(BodyArea) == request.targets
    signs = tuple(map(WarningSign, V1_ENUM_VALUES[WarningSign]))
    assert signs == request.warning_signs
