import concurrent.futures
import contextlib
import json
import pathlib
import textwrap
from typing import Any

import attrs
import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

import backroutine
from backroutine import (
    Catalog,
    Exercise,
    ExerciseSet,
    Hold,
    InvalidDocumentError,
    PlanRequest,
    Routine,
    RoutineStep,
    UnsupportedVersionError,
    _compiled,
    _converter,
    default_catalog,
    dumps,
    loads,
    structure,
    unstructure,
)
from backroutine import _spec as v
from backroutine._documents import Format
from backroutine.testing import documents, routines
from tests.helpers import (
    JSON_VALUES,
    REFUSALS,
    desk_break,
    document,
    mutated,
    run_python,
)

GOLDEN = pathlib.Path(__file__).parent / "golden" / "catalog.json"
REGENERATE = "python tests/regenerate.py"


class TestRoundTrip:
    @given(documents())
    def test_loads_dumps(
        self, value: Routine | Exercise | Catalog | PlanRequest
    ) -> None:
        """Every value comes back equal, and its text comes back identical."""
        text = dumps(value)
        loaded = loads(text, type(value))
        assert value == loaded
        assert text == dumps(loaded)

    @given(documents())
    def test_indented_text_loads_the_same(
        self, value: Routine | Exercise | Catalog | PlanRequest
    ) -> None:
        """Indenting changes the text but not what it loads to."""
        assert value == loads(dumps(value, indent=2).encode(), type(value))

    @given(documents())
    def test_unstructure_is_the_parsed_text(
        self, value: Routine | Exercise | Catalog | PlanRequest
    ) -> None:
        """unstructure gives exactly what parsing dumps' text gives."""
        assert json.loads(dumps(value)) == unstructure(value)
        assert value == structure(unstructure(value), type(value))

    @given(documents())
    def test_dumps_is_orjson_of_unstructure(
        self, value: Routine | Exercise | Catalog | PlanRequest
    ) -> None:
        """dumps' fast writer gives exactly the bytes of the unstructured document."""
        assert orjson.dumps(unstructure(value)).decode() == dumps(value)
        assert orjson.dumps(
            unstructure(value), option=orjson.OPT_INDENT_2
        ).decode() == (dumps(value, indent=2))

    def test_equal_exercises_are_shared(self) -> None:
        """Equal exercises in one document are read once and shared."""
        routine = desk_break()
        twice = Routine(name="Twice", steps=[*routine.steps, *routine.steps])
        loaded = loads(dumps(twice), Routine)
        assert twice == loaded
        assert loaded.steps[0].exercise is loaded.steps[1].exercise
        other = loads(dumps(twice), Routine)
        assert other.steps[0].exercise is loaded.steps[0].exercise  # remembered
        apart = structure(unstructure(twice), Routine)  # not JSON text: not shared
        assert apart.steps[0].exercise is not apart.steps[1].exercise


class TestRemembered:
    """Exercises read or written are remembered across documents, by their text."""

    def test_a_changed_exercise_is_read_anew(self) -> None:
        """The same id with other content is a value of its own, checked anew."""
        routine = desk_break()
        first = loads(dumps(routine), Routine).steps[0].exercise
        doc = document()
        doc["steps"][0]["exercise"]["name"] = "Another name"
        changed = structure(json.loads(json.dumps(doc)), Routine)
        again = loads(json.dumps(doc), Routine).steps[0].exercise
        assert "Another name" == again.name == changed.steps[0].exercise.name
        assert again is not first
        doc["steps"][0]["exercise"]["name"] = " "
        with pytest.raises(InvalidDocumentError, match="must not be blank"):
            loads(json.dumps(doc), Routine)

    def test_one_is_not_another_in_disguise(self) -> None:
        """1.0 and true are not 1: text that differs is never taken for a remembered one."""
        text = dumps(desk_break())
        loads(text, Routine)
        for odd in ('"rest_seconds":0.0', '"rest_seconds":false'):
            with pytest.raises(InvalidDocumentError, match="rest_seconds"):
                loads(text.replace('"rest_seconds":0', odd), Routine)

    def test_memory_is_bounded(self) -> None:
        """At most MAX_REMEMBERED_VALUES exercises are remembered, each way."""
        limit = _compiled.MAX_REMEMBERED_VALUES
        base = default_catalog()["spine-press-up"]
        many = [attrs.evolve(base, id=f"press-up-{n}") for n in range(limit + 50)]
        for exercise in many:
            routine = Routine(
                name="One",
                steps=[RoutineStep(exercise=exercise, sets=[ExerciseSet(reps=1)])],
            )
            assert routine == loads(dumps(routine), Routine)
        remembered = [
            value.recent
            for function in _compiled._STRUCTURERS.values()
            for value in function.__globals__.values()
            if hasattr(value, "recent")
        ]
        assert remembered
        assert all(len(recent.values) <= limit for recent in remembered)
        written = [
            value
            for function in _compiled._UNSTRUCTURERS.values()
            for name, value in function.__globals__.items()
            if name == "_written"
        ]
        assert written
        assert all(len(recent.values) <= limit for recent in written)

    def test_threads_read_and_write_alike(self) -> None:
        """Many threads reading and writing at once get the same values and text."""
        routines = [
            Routine(
                name=f"Routine {n}",
                steps=[
                    RoutineStep(exercise=exercise, sets=[ExerciseSet(reps=1 + n % 5)])
                    for exercise in list(default_catalog())[n % 7 :: 3]
                ],
            )
            for n in range(40)
        ]
        expected = [orjson.dumps(unstructure(r)).decode() for r in routines]

        def work(index: int) -> tuple[str, bool]:
            text = dumps(routines[index])
            return text, loads(text, Routine) == routines[index]

        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(work, list(range(40)) * 10))
        assert all(ok for _, ok in results)
        assert [expected[i] for i in list(range(40)) * 10] == [t for t, _ in results]

    def test_non_ascii_survives_unescaped(self) -> None:
        """Non-ASCII text is written as UTF-8, not escaped, and reads back."""
        routine = Routine(
            name="Étirements du soir, 夜のストレッチ 🌙", steps=desk_break().steps
        )
        text = dumps(routine)
        assert "Étirements du soir, 夜のストレッチ 🌙" in text
        assert routine == loads(text.encode("utf-8"), Routine)

    def test_envelope_comes_first(self) -> None:
        """A document starts with its kind and format version."""
        assert ["kind", "version", "name"] == list(unstructure(desk_break()))[:3]
        version = backroutine.FORMAT_VERSION
        assert dumps(desk_break()).startswith(
            f'{{"kind":"routine","version":{version},'
        )

    def test_indent(self) -> None:
        """indent=2 indents by two spaces; other indents are refused."""
        assert dumps(desk_break(), indent=2).startswith('{\n  "kind": "routine",')
        with pytest.raises(ValueError, match=r"indent must be None or 2 \(got 4\)"):
            dumps(desk_break(), indent=4)

    def test_not_a_document_class(self) -> None:
        """Only documents can be written or read."""
        with pytest.raises(
            TypeError,
            match="cls must be one of the document classes Catalog, CatalogTranslation, "
            "Exercise, "
            "PlanRequest, Programme, ProgrammeRequest, Routine, Screening, Session",
        ):
            loads("{}", ExerciseSet)  # type: ignore[type-var]
        with pytest.raises(TypeError, match="cls must be one of"):
            dumps(ExerciseSet(reps=1))  # type: ignore[arg-type]


class TestStrictness:
    @pytest.mark.parametrize(
        ("change", "problem"),
        [pytest.param(change, problem, id=what) for what, change, problem in REFUSALS],
    )
    def test_refused_with_path(self, change: Any, problem: str) -> None:
        """Each kind of bad value is refused, and the problem names its path."""
        doc = document()
        change(doc)
        with pytest.raises(InvalidDocumentError) as caught:
            loads(json.dumps(doc), Routine)
        assert [problem] == list(caught.value.problems)
        assert problem in str(caught.value)
        assert isinstance(caught.value, ValueError)

    def test_every_problem_is_listed(self) -> None:
        """Several problems are all reported, each with its own path."""
        doc = document()
        doc["name"] = 5
        doc["steps"][0]["sets"][0]["reps"] = 0
        doc["steps"][0]["sets"][1]["reps"] = "9"
        with pytest.raises(InvalidDocumentError) as caught:
            structure(doc, Routine)
        assert [
            "$.name: must be a string (got 5)",
            "$.steps[0].sets[0].reps: must be at least 1 (got 0)",
            "$.steps[0].sets[1].reps: must be an integer (got '9')",
        ] == sorted(caught.value.problems)
        assert str(caught.value).startswith("invalid routine document, 3 problems:\n")

    def test_nan_and_infinity(self) -> None:
        """NaN and Infinity are not JSON and are refused."""
        text = json.dumps(document())
        for bad in ("NaN", "Infinity", "-Infinity", "1e400"):
            bad_text = text.replace('"reps": 8', f'"reps": {bad}', 1)
            # The column of the first character that cannot start a number.
            column = bad_text.index(bad) + 1 + bad.startswith("-")
            with pytest.raises(InvalidDocumentError) as caught:
                loads(bad_text, Routine)
            expected = f"$: is not JSON (line 1, column {column})"
            assert (expected,) == caught.value.problems

    def test_newer_version(self) -> None:
        """A newer format version is refused, saying which versions are read."""
        doc = document()
        newer = backroutine.FORMAT_VERSION + 1
        doc["version"] = newer
        with pytest.raises(UnsupportedVersionError) as caught:
            structure(doc, Routine)
        assert newer == caught.value.version
        assert (1, 2) == caught.value.supported
        assert f"reads format versions 1 and 2 (got {newer})" in str(caught.value)
        assert isinstance(caught.value, InvalidDocumentError)

    def test_null_kind_is_not_a_missing_kind(self) -> None:
        """An explicit null kind or version is a wrong value, not a missing one."""
        doc = document()
        doc["kind"] = None
        doc["version"] = None
        with pytest.raises(InvalidDocumentError) as caught:
            structure(doc, Routine)
        assert [
            "$.kind: must be 'routine' (got None)",
            "$.version: must be an integer (got None)",
        ] == list(caught.value.problems)

    def test_extra_keys_of_mixed_types(self) -> None:
        """Python data with extra keys of several types is refused, not a crash."""
        doc: dict[Any, Any] = document()
        doc[1] = "one"
        doc["zz"] = "two"
        with pytest.raises(InvalidDocumentError) as caught:
            structure(doc, Routine)
        assert 2 == len(caught.value.problems)

    def test_duplicate_catalog_ids(self) -> None:
        """A catalog document with a repeated id says where."""
        doc = unstructure(default_catalog())
        doc["exercises"].append(doc["exercises"][0])
        with pytest.raises(InvalidDocumentError) as caught:
            structure(doc, Catalog)
        last = len(doc["exercises"]) - 1
        assert [
            (
                f"$.exercises[{last}].id: must be unique in a catalog "
                "(got 'supine-posterior-pelvic-tilt' again)"
            )
        ] == list(caught.value.problems)


_KIND_OF = {
    Routine: "routine",
    Exercise: "exercise",
    Catalog: "catalog",
    PlanRequest: "plan_request",
}


class TestRobustness:
    @given(st.binary())
    def test_arbitrary_bytes(self, data: bytes) -> None:
        """Arbitrary bytes either load or raise InvalidDocumentError."""
        try:
            loaded = loads(data, Routine)
        except InvalidDocumentError as error:
            problems = error.problems
        else:
            problems = (f"loaded {loaded!r}",)
        assert problems

    @given(JSON_VALUES)
    def test_arbitrary_json(self, value: Any) -> None:
        """Any JSON value either loads or raises InvalidDocumentError."""
        for cls in (Routine, Exercise, Catalog, PlanRequest):
            with contextlib.suppress(InvalidDocumentError):
                loads(json.dumps(value), cls)

    @given(
        st.sampled_from([Routine, Exercise, Catalog, PlanRequest]),
        st.dictionaries(st.text(max_size=12), JSON_VALUES, max_size=6),
    )
    def test_arbitrary_fields(self, cls: type[Any], fields: dict[str, Any]) -> None:
        """Arbitrary fields in a valid envelope load, or each problem has a path."""
        doc = {**fields, "kind": _KIND_OF[cls], "version": 1}
        try:
            value = structure(doc, cls)
        except InvalidDocumentError as error:
            problems = error.problems
        else:
            assert value == structure(unstructure(value), cls)
            return
        assert problems
        assert all(p.startswith(("$.", "$[")) for p in problems)
        # Private fields are never offered as fields (a key "_by_id" in the
        # document is refused as unknown, like any other).
        known = " ".join(p.partition("(known: ")[2] for p in problems)
        assert "_by_id" not in known

    @given(routines(), st.data())
    def test_mutated_documents(self, routine: Routine, data: st.DataObject) -> None:
        """A valid document with one value changed loads or raises InvalidDocumentError."""
        doc = mutated(unstructure(routine), data)
        try:
            loaded = structure(doc, Routine)
        except InvalidDocumentError as error:
            problems = error.problems
        else:
            assert loaded == structure(unstructure(loaded), Routine)
            problems = ("$ loaded",)
        assert problems
        assert all(p.startswith("$") for p in problems)

    def test_deeply_nested(self) -> None:
        """A document nested 100,000 arrays deep is refused, not a crash."""
        for data in ("[" * 100_000 + "]" * 100_000, '{"steps":' * 100_000):
            with pytest.raises(InvalidDocumentError):
                loads(data, Routine)

    def test_deeply_nested_python(self) -> None:
        """Deeply nested Python data given to structure is refused too."""
        nested: Any = []
        for _ in range(100_000):
            nested = [nested]
        doc = document()
        doc["steps"] = nested
        with pytest.raises(InvalidDocumentError):
            structure(doc, Routine)

    @pytest.mark.parametrize(
        ("cls", "kind"),
        [
            (Routine, "routine"),
            (Exercise, "exercise"),
            (Catalog, "catalog"),
            (PlanRequest, "plan_request"),
        ],
    )
    def test_huge_document(self, cls: type[Any], kind: str) -> None:
        """A huge document of the wrong shape is refused cleanly, for every kind."""
        with pytest.raises(InvalidDocumentError) as caught:
            loads("[" + ",".join(["1"] * 1_000_000) + "]", cls)
        expected = f"$: must be a JSON object, a document of kind {kind!r} (got [1, 1,"
        assert caught.value.problems[0].startswith(expected)

    @pytest.mark.parametrize(
        ("data", "problem"),
        [
            (b"\xff\xfe{\x00}\x00", "$: is not UTF-8 (invalid byte at offset 0)"),
            (b'{"name": "\xc3\x28"}', "$: is not UTF-8 (invalid byte at offset 10)"),
            (
                '{"name": "caf\xe9"}'.encode("latin-1"),
                "$: is not UTF-8 (invalid byte at offset 13)",
            ),
            (
                "{}".encode("utf-16-le"),
                "$: is not UTF-8 JSON text (a NUL byte at offset 1, as in UTF-16)",
            ),
            (bytes(range(256)), "$: is not UTF-8 (invalid byte at offset 128)"),
            (
                '{"name": "\ud800"}',
                "$: is not valid Unicode text (a lone surrogate at character 10)",
            ),
            (
                b"\xef\xbb\xbf{}",
                "$: starts with a byte order mark, which JSON text must not have",
            ),
        ],
    )
    def test_not_utf8(self, data: str | bytes, problem: str) -> None:
        """Text that is not UTF-8 is refused in the library's words, with where."""
        with pytest.raises(InvalidDocumentError) as caught:
            loads(data, Routine)
        assert (problem,) == caught.value.problems

    @pytest.mark.parametrize("data", [None, 5, {"kind": "routine"}, ["x"]])
    def test_not_text(self, data: Any) -> None:
        """loads wants text; anything else is an InvalidDocumentError that says so."""
        with pytest.raises(
            InvalidDocumentError, match=r"must be JSON text as str or bytes"
        ):
            loads(data, Routine)


class TestGolden:
    def test_default_catalog_matches_golden_file(self) -> None:
        """The built-in catalog's JSON changes only on purpose."""
        expected = GOLDEN.read_text(encoding="utf-8")
        actual = dumps(default_catalog(), indent=2) + "\n"
        assert expected == actual, (
            f"the catalog's JSON changed; if on purpose, run {REGENERATE}"
        )

    def test_golden_file_loads(self) -> None:
        """The golden file loads to the built-in catalog."""
        assert default_catalog() == loads(GOLDEN.read_bytes(), Catalog)

    def test_public_functions_are_exported(self) -> None:
        """The JSON functions are part of the public namespace."""
        assert {"dumps", "loads", "structure", "unstructure"} <= set(
            backroutine.__all__
        )


def _nested(depth: int) -> Any:
    nested: Any = []
    for _ in range(depth):
        nested = [nested]
    return nested


class TestNothingEscapes:
    @pytest.mark.parametrize("where", ["name", "notes", "steps", "extra"])
    def test_value_nested_100000_deep(self, where: str) -> None:
        """A value nested 100,000 deep anywhere is refused in the library's words."""
        doc = document()
        doc[where] = _nested(100_000)
        with pytest.raises(InvalidDocumentError) as caught:
            structure(doc, Routine)
        text = str(caught.value)
        assert "recursion" not in text
        assert len(text) < 1_000

    def test_loads_1000_deep(self) -> None:
        """A value nested 1,000 deep in JSON text is refused with a message of its own."""
        text = json.dumps(document()).replace(
            '"name": "Desk break"', '"name": ' + "[" * 1_000 + "]" * 1_000
        )
        with pytest.raises(InvalidDocumentError) as caught:
            loads(text, Routine)
        assert caught.value.problems[0].startswith("$.name: must be a string (got [[[")
        assert "recursion" not in str(caught.value)

    def test_json_nested_past_the_parser_limit(self) -> None:
        """Text nested deeper than the parser goes is 'nested too deeply'."""
        with pytest.raises(InvalidDocumentError) as caught:
            loads("[" * 2_000 + "]" * 2_000, Routine)
        assert caught.value.problems[0].startswith("$: is nested too deeply (line 1,")

    @pytest.mark.parametrize("key", ["\ud800", "a\udfffb", "\ud800" * 100])
    def test_key_with_a_lone_surrogate(self, key: str) -> None:
        """Python data may hold keys JSON cannot: still an InvalidDocumentError."""
        doc = document()
        doc[key] = 1
        doc["steps"][0][key] = 2
        with pytest.raises(InvalidDocumentError) as caught:
            structure(doc, Routine)
        assert all("is not a known field" in p for p in caught.value.problems)
        assert (
            "\\ud800" in caught.value.problems[0]
            or "\\udfff" in caught.value.problems[0]
        )

    def test_huge_values_are_shown_short(self) -> None:
        """A refused value is echoed in a few dozen characters, however large."""
        doc = document()
        doc["name"] = ["x" * 10_000_000]
        doc["x" * 1_000_000] = 1
        doc["time_of_day"] = 10**100_000
        with pytest.raises(InvalidDocumentError) as caught:
            structure(doc, Routine)
        assert len(str(caught.value)) < 1_000
        assert any("an integer of" in p for p in caught.value.problems)

    def test_problems_listed_are_bounded(self) -> None:
        """A message lists 20 problems, then how many more there are."""
        catalog = unstructure(default_catalog())
        catalog["exercises"] = [{"id": f"x-{n}"} for n in range(2_000)]
        with pytest.raises(InvalidDocumentError) as caught:
            structure(catalog, Catalog)
        count = len(caught.value.problems)
        assert count > 2_000
        lines = str(caught.value).splitlines()
        assert f"invalid catalog document, {count:,} problems:" == lines[0]
        assert 22 == len(lines)
        assert f"  and {count - 20:,} more" == lines[-1]

    @pytest.mark.parametrize(
        "version",
        ["123456789012345678901234567890", "1e300", str(2**63), str(2**64 + 5)],
    )
    def test_version_too_large_for_an_integer(self, version: str) -> None:
        """A version no integer holds is a version this library cannot read."""
        current = f'"version": {backroutine.FORMAT_VERSION}'
        text = json.dumps(document()).replace(current, f'"version": {version}')
        with pytest.raises(UnsupportedVersionError):
            loads(text, Routine)

    def test_huge_python_version(self) -> None:
        """structure() of a Python int version beyond any release says so too."""
        doc = document()
        doc["version"] = 10**400
        with pytest.raises(UnsupportedVersionError) as caught:
            structure(doc, Routine)
        assert len(str(caught.value)) < 300

    def test_unknown_kind_for_json_schema(self) -> None:
        """json_schema of something that is not a kind is a ValueError that says so."""
        for kind in (["routine"], None, "Routine", {"routine": 1}):
            with pytest.raises(ValueError, match="kind must be one of 'catalog'"):
                backroutine.json_schema(kind)  # type: ignore[arg-type]

    def test_not_a_class(self) -> None:
        """loads with a cls that is not a document class is a TypeError that says so."""
        odd: list[Any] = [[Catalog], None, "routine", ExerciseSet]
        for cls in odd:
            with pytest.raises(TypeError, match="cls must be one of the document"):
                loads("{}", cls)


class TestSizeLimit:
    def test_default_limit(self) -> None:
        """Input over 16 MiB is refused before it is parsed."""
        assert 16 * 1024 * 1024 == backroutine.MAX_DOCUMENT_BYTES
        data = b" " * (backroutine.MAX_DOCUMENT_BYTES + 1)
        with pytest.raises(InvalidDocumentError) as caught:
            loads(data, Routine)
        assert caught.value.problems[0].startswith(
            "$: is too large to read: more than 16,777,216 bytes"
        )

    def test_limit_is_a_keyword(self) -> None:
        """max_bytes sets the limit, both ways."""
        text = dumps(desk_break())
        size = len(text.encode())
        assert desk_break() == loads(text, Routine, max_bytes=size)
        with pytest.raises(InvalidDocumentError, match="more than 99 bytes"):
            loads(text, Routine, max_bytes=99)
        with pytest.raises(InvalidDocumentError, match="too large"):
            backroutine.load_document(text, max_bytes=size - 1)

    def test_text_counts_in_utf8_bytes(self) -> None:
        """A str is measured as the UTF-8 it stands for, not in characters."""
        doc = document()
        doc["name"] = "é" * 100
        text = json.dumps(doc, ensure_ascii=False)
        size = len(text.encode())
        assert len(text) < size
        assert loads(text, Routine, max_bytes=size).name == "é" * 100
        with pytest.raises(InvalidDocumentError, match="too large"):
            loads(text, Routine, max_bytes=size - 1)


class TestReviewed:
    """Edge cases a review found, each failing before its fix."""

    def test_first_documents_read_by_threads_at_once(self) -> None:
        """Two threads reading their first documents of two kinds both succeed."""
        code = textwrap.dedent(
            """
            import sys, threading
            import backroutine as b
            sys.setswitchinterval(1e-6)
            routine = b.dumps(b.plan_routine(b.PlanRequest(time_of_day=b.TimeOfDay.BEDTIME)))
            exercise = b.dumps(b.default_catalog()["cat-cow"])
            from backroutine import _compiled
            _compiled._STRUCTURERS.clear(); _compiled._SHARERS.clear()
            barrier = threading.Barrier(2)
            errors = []
            def read(text, cls):
                barrier.wait()
                try:
                    b.loads(text, cls)
                except Exception as error:
                    errors.append(repr(error))
            threads = [threading.Thread(target=read, args=(routine, b.Routine)),
                       threading.Thread(target=read, args=(exercise, b.Exercise))]
            for t in threads: t.start()
            for t in threads: t.join()
            b.loads(routine, b.Routine)
            print(errors)
            """
        )
        for _ in range(5):
            result = run_python("-c", code)
            assert 0 == result.returncode, result.stderr
            assert "[]" == result.stdout.strip()

    def test_shared_classes_do_not_stand_in_for_each_other(self) -> None:
        """Two shared classes with one id in a document stay of their class."""

        @attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
        class A(v.Value):
            id: str = attrs.field(validator=v.Slug(10))

        @attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
        class B(v.Value):
            id: str = attrs.field(validator=v.Slug(10))

        @attrs.frozen(kw_only=True, repr=False, eq=False, getstate_setstate=False)
        class Box(v.Value):
            a: A = attrs.field(validator=v.Nested(A, share=True))
            b: B = attrs.field(validator=v.Nested(B, share=True))

        fmt = Format(classes=(Box,))
        text = '{"kind":"box","version":1,"a":{"id":"x"},"b":{"id":"x"}}'
        box = _converter.loads(text, Box, fmt=fmt)
        assert (A, B) == (type(box.a), type(box.b))

    def test_an_edited_exercise_is_shared_from_then_on(self) -> None:
        """A changed exercise repeated in a document is read once, and shared."""
        loads(dumps(desk_break()), Routine)  # the original, remembered
        doc = document()
        doc["steps"][0]["exercise"]["name"] = "Renamed"
        doc["steps"] = doc["steps"] * 3
        loaded = loads(json.dumps(doc), Routine)
        assert "Renamed" == loaded.steps[0].exercise.name
        assert loaded.steps[0].exercise is loaded.steps[2].exercise
        again = loads(json.dumps(doc), Routine)
        assert again.steps[0].exercise is loaded.steps[0].exercise

    def test_what_is_remembered_stays_small(self) -> None:
        """Large exercises, and large documents, are not remembered across documents."""
        base = default_catalog()["spine-press-up"]
        big = attrs.evolve(base, id="big-one", instructions=["x" * 1_000] * 50)
        text = dumps(
            Routine(
                name="Big",
                steps=[RoutineStep(exercise=big, sets=[ExerciseSet(reps=1)])],
            )
        )
        assert len(text) > _compiled.MAX_REMEMBERED_TEXT
        first = loads(text, Routine).steps[0].exercise
        assert first is not loads(text, Routine).steps[0].exercise
        small = dumps(desk_break())
        assert (
            loads(small, Routine).steps[0].exercise
            is loads(small, Routine).steps[0].exercise
        )

    @pytest.mark.parametrize("big", [10**5000, -(10**5000)], ids=["huge", "-huge"])
    def test_integers_beyond_python_s_printing_limit(self, big: int) -> None:
        """Integers of thousands of digits are refused in the library's words."""
        with pytest.raises(backroutine.InvalidValueError) as caught:
            Hold(big)
        assert len(str(caught.value)) < 200
        doc = document()
        doc["steps"][0]["sets"][0]["reps"] = big
        with pytest.raises(InvalidDocumentError, match="an integer of"):
            structure(doc, Routine)
        doc = document()
        doc["version"] = big
        with pytest.raises(InvalidDocumentError) as refused:
            structure(doc, Routine)
        assert len(str(refused.value)) < 300

    def test_a_kind_that_compares_strangely(self) -> None:
        """A kind that is not a string is refused, whatever its __eq__ does."""

        class Odd:
            def __eq__(self, other: object) -> bool:
                raise RuntimeError

            __hash__ = object.__hash__

        doc = document()
        doc["kind"] = Odd()
        with pytest.raises(InvalidDocumentError, match=r"\$\.kind: must be 'routine'"):
            structure(doc, Routine)

    def test_a_string_subclass_is_not_a_value(self) -> None:
        """structure() refuses a str subclass in a list of enum values, always."""

        class Name(str):
            __slots__ = ()

        loads(dumps(desk_break()), Routine)  # remembers ("lower_back",)-like lists
        doc = document()
        doc["steps"][0]["exercise"]["targets"] = [Name("lumbar_spine")]
        with pytest.raises(InvalidDocumentError):
            structure(doc, Routine)

    def test_max_bytes_must_be_a_number_of_bytes(self) -> None:
        """A max_bytes that is not a whole number is a TypeError that says so."""
        with pytest.raises(TypeError, match="max_bytes must be a whole number"):
            loads("{}", Routine, max_bytes="5")  # type: ignore[arg-type]

    def test_kinds_must_have_names_of_their_own(self) -> None:
        """Two document classes whose kind names clash are refused."""

        class routine:  # noqa: N801 (its snake-case name is the point)
            pass

        with pytest.raises(ValueError, match="share a kind name"):
            Format(classes=(Routine, routine))


def _broken(document: dict[str, Any]) -> dict[str, Any]:
    return {**document, "version": 2, "language": document["missing"]}


def _version_1(routine: Routine) -> str:
    """*routine* as a version 1 document, for a format that migrates it."""
    return _converter.dumps(routine, fmt=Format(classes=(Routine,)))


class TestMigrationFailures:
    def test_a_migration_that_fails_is_the_document_s_fault(self) -> None:
        """A migration's own error comes out as InvalidDocumentError."""
        fmt = Format(classes=(Routine,), migrations=(_broken,))
        with pytest.raises(InvalidDocumentError) as caught:
            _converter.loads(_version_1(desk_break()), Routine, fmt=fmt)
        assert caught.value.problems[0].startswith(
            "$: a version 1 document that cannot be read as version 2 (KeyError"
        )

    def test_a_migration_that_forgets_the_envelope(self) -> None:
        """A migration that gives no document of the new version is caught."""
        fmt = Format(classes=(Routine,), migrations=(lambda d: {**d},))
        with pytest.raises(InvalidDocumentError, match="did not give a document"):
            _converter.loads(_version_1(desk_break()), Routine, fmt=fmt)
