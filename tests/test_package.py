import textwrap
import typing

import attrs
import pytest

import backroutine
from tests.helpers import run_python

LAZY = [
    "backroutine._dose_words",
    "backroutine._durations",
    "backroutine._facts",
    "backroutine._markdown",
    "backroutine._planner",
    "backroutine._render_text",
    "backroutine._safety",
    "backroutine._timer_text",
    "backroutine._timing",
    "backroutine._wrapping",
    "cattrs",
    "orjson",
    "hypothesis",
    "importlib.metadata",
]


class TestNamespace:
    def test_all_is_sorted_and_unique(self) -> None:
        """__all__ lists each public name once, in ruff's order."""
        assert len(set(backroutine.__all__)) == len(backroutine.__all__)
        constants = [n for n in backroutine.__all__ if n.isupper()]
        others = [n for n in backroutine.__all__ if not n.isupper()]
        assert constants + sorted(others, key=lambda n: (n[0].islower(), n)) == list(
            backroutine.__all__
        )

    @pytest.mark.parametrize("name", backroutine.__all__)
    def test_every_public_name_resolves(self, name: str) -> None:
        """Every name in __all__ can be got, and is listed by dir()."""
        assert getattr(backroutine, name) is not None
        assert name in dir(backroutine)

    @pytest.mark.parametrize("name", backroutine.__all__)
    def test_public_names_report_the_package(self, name: str) -> None:
        """Classes and functions say they are backroutine's, as svcs's do."""
        value = getattr(backroutine, name)
        if isinstance(value, type) or callable(value):
            assert "backroutine" == value.__module__

    def test_names_report_the_package_however_they_are_imported(self) -> None:
        """A name reports the package even when its own module is imported first."""
        code = (
            "import backroutine._timing as t, backroutine._markdown as m; "
            "print(t.Pace.__module__, t.timeline.__module__, m.to_markdown.__module__, "
            "repr(t.Pace)[:27])"
        )
        result = run_python("-c", code)
        assert 0 == result.returncode, result.stderr
        expected = "backroutine backroutine backroutine <class 'backroutine.Pace'>"
        assert expected == result.stdout.strip()

    @pytest.mark.parametrize(
        "name",
        [name for name in backroutine.__all__ if attrs.has(getattr(backroutine, name))],
    )
    def test_type_hints_resolve(self, name: str) -> None:
        """typing.get_type_hints works on every value class, as cattrs needs."""
        cls = getattr(backroutine, name)
        assert typing.get_type_hints(cls)

    def test_unknown_name(self) -> None:
        """An unknown name is an AttributeError that names it."""
        with pytest.raises(AttributeError, match="has no attribute 'nope'"):
            backroutine.nope  # noqa: B018


class TestImportCost:
    def test_import_loads_only_what_it_needs(self) -> None:
        """A fresh import loads no feature module, cattrs, orjson or hypothesis."""
        code = (
            "import sys, backroutine; "
            f"print(sorted(m for m in {LAZY!r} if m in sys.modules))"
        )
        result = run_python("-c", code)
        assert 0 == result.returncode, result.stderr
        assert "[]" == result.stdout.strip()

    def test_lazy_names_load_on_first_use(self) -> None:
        """Using a feature loads its module, and the name then stays put."""
        code = (
            "import sys, backroutine; "
            "first = backroutine.plan_routine; "
            "print('backroutine._planner' in sys.modules, "
            "backroutine.plan_routine is first)"
        )
        result = run_python("-c", code)
        assert 0 == result.returncode, result.stderr
        assert "True True" == result.stdout.strip()

    def test_valid_json_needs_no_cattrs(self) -> None:
        """Reading and writing valid documents does not import cattrs; errors do."""
        code = textwrap.dedent(
            """
            import sys
            import backroutine as b

            text = b.dumps(b.default_catalog())
            b.loads(text, b.Catalog)
            before = "cattrs" in sys.modules
            try:
                b.loads(text.replace('"reps"', '"rep"', 1), b.Catalog)
            except b.InvalidDocumentError:
                print(before, "cattrs" in sys.modules)
            """
        )
        result = run_python("-c", code)
        assert 0 == result.returncode, result.stderr
        assert "False True" == result.stdout.strip()
