"""The committed schemas hold to a contract that apps in other languages can trust.

DESIGN.md ("JSON"): the schemas compile with no warning under Ajv's strict
mode, and the loader and the schema agree on every input except the rules
docs/json-format.md lists as loader-only. These tests check both with tools
that share nothing with backroutine's generator:

- Ajv 8, the JSON Schema validator most JavaScript apps use, in strict mode
  (``tests/js/compile.mjs``);
- json-schema-faker, which writes documents from a schema alone
  (``tests/js/generate.mjs``): each must load, or be refused only by a
  loader-only rule;
- the Python ``jsonschema`` package and ``jsonschema-rs``, which must accept
  the schemas and the golden and version-1 documents;
- ECMAScript's own RegExp (``tests/js/code_points.mjs``), which must agree
  with the loader on every Unicode code point for text that is not blank.

The Node tools are pinned in ``tests/js/package-lock.json``; install them
with ``npm ci --prefix tests/js``. Without node, or without the tools, the
tests that need them are skipped, and say so.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import jsonschema_rs
import pytest

import backroutine
from backroutine import InvalidDocumentError, _compiled
from backroutine import _spec as v
from backroutine._documents import KINDS as CLASSES
from backroutine._spec import WHITESPACE
from tests.helpers import run_command

ROOT = Path(__file__).parent.parent
SCHEMAS = ROOT / "schemas"
JS = Path(__file__).parent / "js"
KINDS = sorted(CLASSES)
INSTALL = "npm ci --prefix tests/js"

# Documents the generator writes per kind, and the seed: 4 kinds x 100 is a
# few hundred documents, in one quick node call per kind.
COUNT = 100
SEED = 20240614

# The schemas describe the current version; older fixtures load migrated.
GOLDEN = [
    ROOT / "tests" / "golden" / "catalog.json",
    *sorted(
        (ROOT / "tests" / "fixtures" / f"v{backroutine.FORMAT_VERSION}").glob("*.json")
    ),
]


def _node_missing() -> str | None:
    """Why the Node tools cannot run here, or None when they can."""
    if shutil.which("node") is None:
        return (
            f"node is not installed: install Node.js 18 or later, then run `{INSTALL}`"
        )
    for package in ("ajv", "json-schema-faker"):
        if not (JS / "node_modules" / package / "package.json").is_file():
            return f"the Node tools in tests/js are not installed: run `{INSTALL}`"
    return None


NODE_MISSING = _node_missing()
needs_node = pytest.mark.skipif(NODE_MISSING is not None, reason=NODE_MISSING or "")


def _node(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    assert node is not None
    return run_command([node, str(JS / script), *args], cwd=ROOT, timeout=120)


def _schema_file(kind: str) -> Path:
    return SCHEMAS / f"{kind}.schema.json"


def _schema(kind: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(_schema_file(kind).read_text(encoding="utf-8"))
    return schema


# (a) Ajv's strict mode


SCHEMA_FILES = sorted(SCHEMAS.glob("*.schema.json"))


@functools.cache
def _ajv_on_schemas() -> tuple[str, ...]:
    """What compile.mjs says about every schema, in one node call."""
    result = _node("compile.mjs", *(str(path) for path in SCHEMA_FILES))
    assert "" == result.stderr
    lines = tuple(result.stdout.splitlines())
    assert (0 if all(line.startswith("ok ") for line in lines) else 1) == (
        result.returncode
    ), result.stdout
    return lines


class TestAjvStrict:
    def test_a_schema_file_per_kind(self) -> None:
        """The files checked below are the schemas of every kind."""
        assert [f"{kind}.schema.json" for kind in KINDS] == [
            path.name for path in SCHEMA_FILES
        ]

    @needs_node
    @pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda path: path.name)
    def test_compiles_with_no_warning(self, path: Path) -> None:
        """Ajv in strict mode compiles the committed schema and says nothing."""
        name = path.relative_to(ROOT).as_posix()
        said = [line for line in _ajv_on_schemas() if line.startswith(f"{name}:")]
        assert [] == said, f"Ajv strict mode on {name}:\n" + "\n".join(said)
        assert f"ok {name}" in _ajv_on_schemas()

    @needs_node
    def test_the_check_sees_every_strict_mode(self, tmp_path: Path) -> None:
        """compile.mjs fails, naming each, on a schema that breaks strict modes."""
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": {
                "loose": {"minimum": 1},  # strictTypes: no "type"
                "pair": {"type": "array", "prefixItems": [{"type": "integer"}]},
            },
            "required": ["missing"],  # strictRequired: not in properties
            "surprise": True,  # strictSchema: an unknown keyword
        }
        file = tmp_path / "broken.schema.json"
        file.write_text(json.dumps(schema), encoding="utf-8")
        result = _node("compile.mjs", str(file))
        assert 1 == result.returncode, result.stdout + result.stderr
        assert "ok " not in result.stdout
        for what in (
            "(strictTypes)",
            '"prefixItems" is 1-tuple',  # strictTuples
            "(strictRequired)",
            'unknown keyword: "surprise"',  # strictSchema
        ):
            assert what in result.stdout, what
        assert "[strict: true]" in result.stdout

    @needs_node
    def test_the_check_passes_a_clean_schema(self, tmp_path: Path) -> None:
        """compile.mjs says ok, and only that, for a schema Ajv is happy with."""
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": {"n": {"type": "integer", "minimum": 1}},
            "required": ["n"],
            "additionalProperties": False,
        }
        file = tmp_path / "clean.schema.json"
        file.write_text(json.dumps(schema), encoding="utf-8")
        result = _node("compile.mjs", str(file))
        assert (0, "") == (result.returncode, result.stderr)
        assert [f"ok {file}"] == result.stdout.splitlines()


# (b) Documents from an independent generator


def _matching(pattern: str) -> Callable[[str], bool]:
    compiled = re.compile(pattern)
    return lambda problem: compiled.search(problem) is not None


def _integral_number(problem: str) -> bool:
    """A whole number with a fraction or an exponent, such as 5.0, for an integer."""
    found = re.search(r": must be an integer \(got ([^()']*)\)$", problem)
    if found is None:
        return False
    try:
        return float(found[1]).is_integer()
    except ValueError:
        return False


# The rules of docs/json-format.md, "Rules only the loader enforces", as the
# loader words its refusals: a document the schema accepts may be refused
# for these, and for nothing else. Rules 4 (ECMA-262 patterns: the loader
# refuses what the schema refuses), 5 (a repeated key: the loader keeps the
# last value) and 13 (the size of a document, far above what is generated)
# refuse nothing generated here that the schema accepts.
LOADER_ONLY: dict[str, Callable[[str], bool]] = {
    "1. a span's low is at most its high": _matching(
        r": must be at least the low end, -?\d+ \(got -?\d+\)$"
    ),
    "2. exercise ids are unique within a catalog": _matching(
        r"\.id: must be unique in a catalog \(got '[a-z0-9-]+' again\)$"
    ),
    "3. whole numbers have no fraction or exponent": _integral_number,
    "6. text is valid Unicode": _matching(
        r"^\$: holds a lone surrogate, which is not Unicode text"
        r"|: must be valid Unicode text, with no lone surrogates"
    ),
    "7. a caution that leaves an exercise out names its conditions": _matching(
        r"\.conditions: must name the conditions to leave the exercise out for "
        r"\(got none\)$"
    ),
    "9. an exercise's phases agree with its bias": _matching(
        r"\.phases: must (move the spine|hold the spine still)"
    ),
    "10. an exercise's own fields agree": _matching(
        r"\.best_times: must be among the times it suits \(got .*\)$"
        r"|\.harder: must not name the exercise itself \(got '[a-z0-9-]+'\)$"
    ),
    "11. a catalog's links name its own exercises, and go one way": _matching(
        r"\.harder\[\d+\]: must be the id of an exercise in the catalog "
        r"\(got '[a-z0-9-]+'\)$"
        r"|\.harder: must not lead back to the same exercise \(got .*\)$"
    ),
    "8. a screening agrees with the safety rules": _matching(
        r"\.urgency: must be '[a-z_]+', the urgency of '[a-z_]+' \(got '[a-z_]+'\)$"
        r"|^\$\.findings: must name each sign once \(got .*\)$"
        r"|^\$\.findings: must list the most urgent signs first$"
        r"|^\$\.urgency: must be '[a-z_]+', the highest urgency of the \d+ signs? "
        r"found \(got '[a-z_]+'\)$"
    ),
    "12. a programme and its sessions agree": _matching(
        r"^\$\.slots: must each be for another time of day or occasion \(got .*\)$"
        r"|^\$\.slots\[\d+\]\.(conditions|warning_signs): must be the same in "
        r"every slot: it is one person \(slot '[a-z-]+' differs from '[a-z-]+'\)$"
        r"|^\$\.slots: must each have an id of its own \(got .*\)$"
        r"|^\$\.exercises: must name each exercise once \(got .*\)$"
    ),
}


def _loader_only(problem: str) -> bool:
    return any(rule(problem) for rule in LOADER_ONLY.values())


def _problem_class(problem: str) -> str:
    """*problem* without its array indices and the value it got."""
    return re.sub(r" \(got .*\)$", "", re.sub(r"\[\d+\]", "[]", problem))


def _fixture(kind: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(
        (
            ROOT
            / "tests"
            / "fixtures"
            / f"v{backroutine.FORMAT_VERSION}"
            / f"{kind}.json"
        ).read_text(encoding="utf-8")
    )
    return document


def _upside_down_span() -> tuple[str, str]:
    document = _fixture("exercise")
    document["dosage"]["reps"] = {"low": 10, "high": 8}
    return "exercise", json.dumps(document)


def _repeated_id() -> tuple[str, str]:
    document = _fixture("catalog")
    document["exercises"][1]["id"] = document["exercises"][0]["id"]
    return "catalog", json.dumps(document)


def _whole_float() -> tuple[str, str]:
    document = _fixture("exercise")
    document["dosage"]["rest_seconds"] = 5.0
    return "exercise", json.dumps(document)


def _lone_surrogate() -> tuple[str, str]:
    document = _fixture("exercise")
    document["name"] = "SURROGATE"
    return "exercise", json.dumps(document).replace("SURROGATE", "\\ud800")


def _leave_out_for_nothing() -> tuple[str, str]:
    document = _fixture("exercise")
    document["cautions"][0]["conditions"] = []
    return "exercise", json.dumps(document)


def _still_cat_cow() -> tuple[str, str]:
    document = _fixture("exercise")
    for phase in document["phases"]:
        phase["moves"] = []
    return "exercise", json.dumps(document)


def _best_at_another_time() -> tuple[str, str]:
    document = _fixture("exercise")
    document["best_times"] = ["bedtime"]
    return "exercise", json.dumps(document)


def _harder_than_itself() -> tuple[str, str]:
    document = _fixture("exercise")
    document["harder"] = [document["id"]]
    return "exercise", json.dumps(document)


def _unknown_harder_version() -> tuple[str, str]:
    document = _fixture("catalog")
    document["exercises"][0]["harder"] = ["sphnix"]
    return "catalog", json.dumps(document)


def _chain_back_to_the_start() -> tuple[str, str]:
    document = _fixture("catalog")
    exercises = document["exercises"]
    exercises[-1]["harder"] = [exercises[0]["id"]]
    exercises[0]["harder"] = [exercises[1]["id"]]
    return "catalog", json.dumps(document)


def _wrong_urgency() -> tuple[str, str]:
    document = _fixture("screening")
    document["findings"][1]["urgency"] = "urgent"
    return "screening", json.dumps(document)


def _least_urgent_first() -> tuple[str, str]:
    document = _fixture("screening")
    document["findings"].reverse()
    document["urgency"] = document["findings"][0]["urgency"]
    return "screening", json.dumps(document)


class TestLoaderOnlyRules:
    @pytest.mark.parametrize(
        ("rule", "make"),
        [
            ("1. a span's low is at most its high", _upside_down_span),
            ("2. exercise ids are unique within a catalog", _repeated_id),
            ("3. whole numbers have no fraction or exponent", _whole_float),
            ("6. text is valid Unicode", _lone_surrogate),
            (
                "7. a caution that leaves an exercise out names its conditions",
                _leave_out_for_nothing,
            ),
            ("8. a screening agrees with the safety rules", _wrong_urgency),
            ("8. a screening agrees with the safety rules", _least_urgent_first),
            ("9. an exercise's phases agree with its bias", _still_cat_cow),
            ("10. an exercise's own fields agree", _best_at_another_time),
            ("10. an exercise's own fields agree", _harder_than_itself),
            (
                "11. a catalog's links name its own exercises, and go one way",
                _unknown_harder_version,
            ),
            (
                "11. a catalog's links name its own exercises, and go one way",
                _chain_back_to_the_start,
            ),
        ],
    )
    def test_each_rule_matches_the_loaders_words(
        self, rule: str, make: Callable[[], tuple[str, str]]
    ) -> None:
        """A document breaking one loader-only rule is refused in words that rule matches."""
        kind, text = make()
        with pytest.raises(InvalidDocumentError) as refused:
            backroutine.loads(text, CLASSES[kind])
        problems = refused.value.problems
        assert problems
        for problem in problems:
            assert [rule] == [
                name for name, matches in LOADER_ONLY.items() if matches(problem)
            ], problem

    @pytest.mark.parametrize(
        "problem",
        [
            "$.dosage.rest_seconds: must be an integer (got 5.5)",
            "$.dosage.rest_seconds: must be an integer (got '5')",
            "$.dosage.rest_seconds: must be an integer (got True)",
            "$.dosage.rest_seconds: must be at most 600 (got 601)",
            "$: is not valid JSON (unexpected character: line 1 column 1 (char 0))",
            "$.id: must be lower-case letters and digits in words joined by single hyphens, such as 'spine-press-up' (got 'Cat')",
        ],
    )
    def test_other_refusals_are_not_loader_only(self, problem: str) -> None:
        """Refusals the schema should share do not pass as loader-only."""
        assert not _loader_only(problem)


@functools.cache
def _generated(kind: str) -> tuple[str, ...]:
    """COUNT documents json-schema-faker writes from the committed schema."""
    result = _node("generate.mjs", str(_schema_file(kind)), str(COUNT), str(SEED))
    assert 0 == result.returncode, result.stderr
    lines = tuple(result.stdout.splitlines())
    assert COUNT == len(lines), result.stderr
    return lines


@functools.cache
def _rs_validator(kind: str) -> jsonschema_rs.Validator:
    return jsonschema_rs.validator_for(_schema(kind))


def _refusal(kind: str, text: str) -> list[str]:
    """Why the loader refuses *text*, beyond the loader-only rules; [] if it does not."""
    try:
        backroutine.loads(text, CLASSES[kind])
    except InvalidDocumentError as error:
        return [problem for problem in error.problems if not _loader_only(problem)]
    except Exception as error:  # noqa: BLE001 (nothing else may escape loads)
        return [f"loads raised {type(error).__name__}: {error}"]
    return []


def _short(text: str, limit: int = 600) -> str:
    return text if len(text) <= limit else f"{text[: limit - 3]}..."


def _generator_draws_white_space(error: jsonschema_rs.ValidationError) -> bool:
    """Whether *error* is json-schema-faker's known slip with the text pattern.

    json-schema-faker 0.6.3 draws characters for a negated character class
    holding ranges, such as the text pattern ``[^\\u0009-\\u000D...]``, from
    outside the class only most of the time: now and then it writes ``" "``,
    which the class excludes.  The schema is right (Ajv, jsonschema and
    jsonschema-rs refuse the string, and so does the loader), the generator
    is not; only these refusals are let through.
    """
    instance = error.instance
    return (
        # The pattern itself, or "text or null" (or "texts or null") around it.
        error.kind.name in {"pattern", "anyOf"} and _holds_blank_text(instance)
    )


def _holds_blank_text(instance: object) -> bool:
    """Whether *instance* is blank text, or a list or object holding some."""
    if isinstance(instance, str):
        return not instance.strip(WHITESPACE)
    if isinstance(instance, list):
        return any(map(_holds_blank_text, instance))
    if isinstance(instance, dict):
        return any(map(_holds_blank_text, instance.values()))
    return False


def test_the_generator_slip_is_only_white_space() -> None:
    """The exemption above covers blank text, and nothing else."""
    validator = jsonschema_rs.validator_for(
        {"type": "string", "pattern": v.TEXT_PATTERN}
    )
    errors = [*validator.iter_errors(" \u3000"), *validator.iter_errors("\ufeff")]
    assert 2 == len(errors)
    assert all(_generator_draws_white_space(error) for error in errors)
    assert validator.is_valid(" a ")
    assert _holds_blank_text([{"about": "a", "advice": " "}])
    assert not _holds_blank_text(["a", {"advice": "b"}, None, 3])


class TestGeneratedDocuments:
    @needs_node
    def test_generation_is_deterministic(self) -> None:
        """The same schema, count and seed give the same documents."""
        again = _node("generate.mjs", str(_schema_file("routine")), "5", str(SEED))
        assert list(_generated("routine")[:5]) == again.stdout.splitlines()

    @needs_node
    @pytest.mark.parametrize("kind", KINDS)
    def test_load_or_are_refused_only_by_loader_only_rules(self, kind: str) -> None:
        """Each generated document loads, or breaks only a loader-only rule."""
        validator = _rs_validator(kind)
        classes: dict[str, list[int]] = {}
        examples: dict[str, tuple[int, str]] = {}
        texts = _generated(kind)
        # The property holds for what the schema accepts; the generator's
        # slips (see _generator_draws_white_space) are not part of it.
        accepted_by_schema = [
            index
            for index, text in enumerate(texts)
            if validator.is_valid(json.loads(text))
        ]
        # Enough of them to prove something: a programme holds whole
        # routines, whose many texts each risk the slip, so not all do.
        assert len(accepted_by_schema) >= 0.4 * len(texts)
        for index in accepted_by_schema:
            text = texts[index]
            for problem in _refusal(kind, text):
                key = _problem_class(problem)
                classes.setdefault(key, [])
                if index not in classes[key]:
                    classes[key].append(index)
                examples.setdefault(key, (index, problem))
        report = []
        for key, indices in sorted(classes.items()):
            index, problem = examples[key]
            accepted = sum(validator.is_valid(json.loads(texts[i])) for i in indices)
            report.append(
                f"- {key}: {len(indices)} documents, of which the schema "
                f"(jsonschema-rs) accepts {accepted}; e.g. #{index}: {problem}\n"
                f"  {_short(texts[index])}"
            )
        assert not report, (
            f"The loader refused generated {kind} documents for reasons that "
            "are not among docs/json-format.md's 'Rules only the loader "
            "enforces':\n" + "\n".join(report)
        )

    @needs_node
    @pytest.mark.parametrize("kind", KINDS)
    def test_are_valid_under_their_schema(self, kind: str) -> None:
        """json-schema-faker writes documents the schema accepts.

        When it does not, the schema misleads a generator, or the generator
        is wrong; either way the test above checks less than it should.
        """
        validator = _rs_validator(kind)
        classes: dict[str, list[int]] = {}
        texts = _generated(kind)
        for index, text in enumerate(texts):
            for error in validator.iter_errors(json.loads(text)):
                if _generator_draws_white_space(error):
                    continue
                path = "$" + "".join(
                    f"[{part}]" if isinstance(part, int) else f".{part}"
                    for part in error.instance_path
                )
                key = f"{_problem_class(path)}: {error.kind.name}"
                classes.setdefault(key, [])
                if index not in classes[key]:
                    classes[key].append(index)
        report = [
            f"- {key}: {len(indices)} documents, e.g. #{indices[0]}: "
            f"{_short(texts[indices[0]], 300)}"
            for key, indices in sorted(classes.items())
        ]
        assert not report, (
            f"json-schema-faker wrote {kind} documents that "
            f"schemas/{kind}.schema.json refuses:\n" + "\n".join(report)
        )


# (c) Other validators: the schemas, and the documents apps hold


def _golden_id(path: Path) -> str:
    return path.relative_to(ROOT / "tests").as_posix()


def _kind_of(path: Path) -> str:
    kind: str = json.loads(path.read_text(encoding="utf-8"))["kind"]
    return kind


class TestOtherValidators:
    @pytest.mark.parametrize("kind", KINDS)
    def test_jsonschema_accepts_the_schema(self, kind: str) -> None:
        """The Python jsonschema package finds each schema valid, draft 2020-12."""
        jsonschema.Draft202012Validator.check_schema(_schema(kind))

    @pytest.mark.parametrize("kind", KINDS)
    def test_jsonschema_rs_accepts_the_schema(self, kind: str) -> None:
        """jsonschema-rs finds each schema valid against the draft 2020-12 meta-schema."""
        schema = _schema(kind)
        jsonschema_rs.meta.validate(schema)
        assert isinstance(
            jsonschema_rs.validator_for(schema), jsonschema_rs.Draft202012Validator
        )

    @pytest.mark.parametrize("path", GOLDEN, ids=_golden_id)
    def test_jsonschema_accepts_golden_documents(self, path: Path) -> None:
        """The Python jsonschema package accepts the golden and version-1 documents."""
        document = json.loads(path.read_text(encoding="utf-8"))
        schema = _schema(_kind_of(path))
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)

    @pytest.mark.parametrize("path", GOLDEN, ids=_golden_id)
    def test_jsonschema_rs_accepts_golden_documents(self, path: Path) -> None:
        """jsonschema-rs accepts the golden and version-1 documents."""
        document = json.loads(path.read_text(encoding="utf-8"))
        schema = _schema(_kind_of(path))
        jsonschema_rs.meta.validate(schema)
        jsonschema_rs.validator_for(schema).validate(document)

    def test_every_kind_has_a_golden_document(self) -> None:
        """The documents above cover every kind of schema."""
        assert set(KINDS) == {_kind_of(path) for path in GOLDEN}


# (d) One definition of text: every code point, in Python and in ECMAScript


@attrs.frozen
class _Label:
    """A class with one text field, to run the generated reader on."""

    label: str = attrs.field(validator=v.Text(10))


def _ranges(points: Iterable[int]) -> list[list[int]]:
    ranges: list[list[int]] = []
    for point in points:
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return ranges


def _loader_accepts(text: str) -> bool:
    """Whether the Text spec accepts *text*, checked the loader's two ways."""
    try:
        v.Text(10).check(text)
    except v.Problem:
        checked = False
    else:
        checked = True
    try:
        _compiled.structurer(_Label)({"label": text}, None)
    except _compiled.Refused:
        read = False
    else:
        read = True
    assert checked == read, f"the spec and the generated reader disagree on {text!r}"
    return checked


SURROGATES = range(0xD800, 0xE000)


@functools.cache
def _accepted_by_the_loader() -> frozenset[int]:
    """Every code point the loader reads as text, alone."""
    return frozenset(p for p in range(0x110000) if _loader_accepts(chr(p)))


# A million code points through the reader twice: measured, not traced.
@pytest.mark.no_cover
class TestOneDefinitionOfText:
    @needs_node
    def test_every_code_point_agrees(self) -> None:
        """The loader and ECMAScript's RegExp agree on every code point.

        Surrogates, which are not characters and which no UTF-8 text can
        hold, are the loader's alone to refuse (a rule the docs list).
        """
        result = _node("code_points.mjs", v.TEXT_PATTERN)
        assert 0 == result.returncode, result.stderr
        ecmascript = json.loads(result.stdout)
        matched = set(_expand(ecmascript))
        loader = _accepted_by_the_loader()
        disagree = (matched ^ loader) - set(SURROGATES)
        assert [] == _ranges(sorted(disagree))
        # A few characters of each kind, so that a pattern that matched
        # nothing, or everything, could not pass.
        assert {0x41, 0x200B, 0x1F600} <= loader
        assert not {0x20, 0x09, 0xA0, 0x3000, 0xFEFF, 0x1C, 0x85} & loader
        assert not any(_loader_accepts(chr(p)) for p in SURROGATES)

    def test_python_re_agrees(self) -> None:
        """Python's re, which the jsonschema package runs, agrees too."""
        search = re.compile(v.TEXT_PATTERN).search
        matched = {p for p in range(0x110000) if search(chr(p))}
        disagree = (matched ^ _accepted_by_the_loader()) - set(SURROGATES)
        assert [] == _ranges(sorted(disagree))

    def test_pairs_of_tricky_characters(self) -> None:
        """The spec and the generated reader agree on text of two characters.

        Every pair of white space, letters, a zero-width space and a lone
        surrogate: the generated reader takes shortcuts for ASCII text.
        """
        tricky = [*v.WHITESPACE, "a", "\u00e9", "\u200b", "\U0001f600", "\ud800"]
        pattern = re.compile(v.TEXT_PATTERN)
        for first in tricky:
            for second in tricky:
                text = first + second
                accepted = _loader_accepts(text)  # asserts the two agree
                expected = bool(pattern.search(text)) and "\ud800" not in text
                assert expected == accepted, ascii(text)

    def test_white_space_is_both_languages_white_space(self) -> None:
        """WHITESPACE is Python's isspace() and ECMAScript's \\s together."""
        python = {chr(p) for p in range(0x110000) if chr(p).isspace()}
        ecmascript_only = {"\ufeff"}
        assert python | ecmascript_only == set(v.WHITESPACE)
        assert len(v.WHITESPACE) == len(set(v.WHITESPACE))


def _expand(ranges: list[list[int]]) -> Iterator[int]:
    for first, last in ranges:
        yield from range(first, last + 1)
