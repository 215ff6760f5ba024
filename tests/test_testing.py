# The style is ``assert expected == actual``, which SIM300 calls a Yoda
# condition; pyproject.toml does not ignore it for tests (yet).
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from backroutine import (
    Catalog,
    Dosage,
    Exercise,
    ExerciseSet,
    Hold,
    Routine,
    RoutineStep,
    Span,
)
from backroutine.testing import (
    catalogs,
    dosages,
    exercise_sets,
    exercises,
    holds,
    routine_steps,
    routines,
    spans,
)


class TestEveryStrategy:
    @pytest.mark.parametrize(
        ("strategy", "cls"),
        [
            (spans(), Span),
            (holds(), Hold),
            (dosages(), Dosage),
            (exercise_sets(), ExerciseSet),
            (exercises(), Exercise),
            (routine_steps(), RoutineStep),
            (routines(), Routine),
            (catalogs(), Catalog),
        ],
    )
    @given(data=st.data())
    def test_yields_its_class(
        self, strategy: st.SearchStrategy[Any], cls: type, data: st.DataObject
    ) -> None:
        """Each strategy yields instances of the class it is named after."""
        assert cls is type(data.draw(strategy))

    def test_import_leaves_hypothesis_out(self) -> None:
        """Importing backroutine does not import Hypothesis, an optional extra."""
        code = "import backroutine, sys; assert 'hypothesis' not in sys.modules"
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )
        assert (0, "") == (result.returncode, result.stderr)


class TestSpans:
    @given(spans(min_value=5, max_value=7))
    def test_within_bounds(self, span: Span) -> None:
        """Both ends lie within the bounds asked for."""
        assert (True, True) == (span.low in range(5, 8), span.high in range(5, 8))

    @pytest.mark.parametrize(("min_value", "max_value"), [(-1, 5), (6, 5), (0, 10_001)])
    def test_bad_bounds(self, min_value: int, max_value: int) -> None:
        """Bounds out of order or outside what a span holds are refused."""
        with pytest.raises(InvalidArgument, match="min_value <= max_value"):
            spans(min_value=min_value, max_value=max_value)


class TestExercises:
    @given(exercises(ids=st.just("x")))
    def test_ids(self, exercise: Exercise) -> None:
        """The ids come from the strategy given."""
        assert "x" == exercise.id

    def test_non_ascii_text(self) -> None:
        """Text fields may hold characters beyond ASCII."""
        exercise = find(
            exercises(),
            lambda exercise: not exercise.name.isascii(),
            # The first example found proves the point; shrinking it is slow.
            settings=settings(phases=[Phase.generate], database=None),
        )

        assert False is exercise.name.isascii()


class TestRoutineSteps:
    @given(routine_steps(min_sets=4, max_sets=6))
    def test_set_bounds(self, step: RoutineStep) -> None:
        """The number of sets lies within the bounds asked for."""
        assert True is (4 <= len(step.sets) <= 6)

    @pytest.mark.parametrize(("min_sets", "max_sets"), [(0, 3), (3, 2), (1, 11)])
    def test_bad_bounds(self, min_sets: int, max_sets: int) -> None:
        """Bounds out of order or outside what a step holds are refused."""
        with pytest.raises(InvalidArgument, match="1 <= min_sets <= max_sets <= 10"):
            routine_steps(min_sets=min_sets, max_sets=max_sets)


class TestRoutines:
    @given(routines(min_steps=2, max_steps=2))
    def test_step_bounds(self, routine: Routine) -> None:
        """The number of steps lies within the bounds asked for."""
        assert 2 == len(routine.steps)

    @pytest.mark.parametrize(("min_steps", "max_steps"), [(0, 3), (3, 2), (1, 1_001)])
    def test_bad_bounds(self, min_steps: int, max_steps: int) -> None:
        """Bounds out of order or outside what a routine holds are refused."""
        with pytest.raises(InvalidArgument, match=r"\(got min_steps="):
            routines(min_steps=min_steps, max_steps=max_steps)


class TestCatalogs:
    @given(catalogs(min_size=3))
    def test_min_size(self, catalog: Catalog) -> None:
        """A catalog holds at least the number of exercises asked for."""
        assert True is (len(catalog) >= 3)

    @given(catalogs(max_size=1))
    def test_max_size(self, catalog: Catalog) -> None:
        """A catalog holds at most the number of exercises asked for."""
        assert True is (len(catalog) <= 1)

    @pytest.mark.parametrize(("min_size", "max_size"), [(-1, 3), (3, 2)])
    def test_bad_bounds(self, min_size: int, max_size: int) -> None:
        """Bounds out of order or negative are refused."""
        with pytest.raises(InvalidArgument, match="0 <= min_size <= max_size "):
            catalogs(min_size=min_size, max_size=max_size)
