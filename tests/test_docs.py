"""The JSON format's documentation agrees with the code.

``docs/json-format.md`` is what clients in other languages are written
from, so these tests keep it from drifting: its complete example loads and
is written back to the same text, every field of every document class has a
row in its class's table (and every row is a field), and every value of
every enum the documents use is listed under its enum.
"""

from __future__ import annotations

import enum
import io
import pathlib
import re
import shlex
import sys
import typing

import attrs
import pytest

import backroutine
from backroutine import (
    Catalog,
    Condition,
    Exercise,
    PlanRequest,
    Routine,
    Screening,
    Urgency,
    WarningSign,
    cli,
)
from backroutine._safety import SIGN_WORDS
from tests.field_tables import with_tables
from tests.helpers import run_python, run_python_bytes

DOC = pathlib.Path(__file__).parent.parent / "docs" / "json-format.md"
EXAMPLE_HEADING = "## A complete example"
DOCUMENT_CLASSES = (Routine, Exercise, Catalog, PlanRequest, Screening)


def _doc() -> str:
    return DOC.read_text(encoding="utf-8")


def _section(heading: str) -> str:
    """The text under the level-3 *heading* (a name in backticks), to the next."""
    text = _doc()
    match = re.search(
        rf"^### `{re.escape(heading)}`\n(.*?)(?=^##)", text, re.DOTALL | re.MULTILINE
    )
    assert match, f"docs/json-format.md has no section headed ### `{heading}`"
    return match.group(1)


def _walk(cls: type, classes: dict[type, None], enums: dict[type, None]) -> None:
    """Collect the attrs classes and enums reachable from the fields of *cls*."""
    if cls in classes:
        return
    classes[cls] = None
    attrs.resolve_types(cls)
    for field in attrs.fields(cls):
        if field.init:
            _walk_type(field.type, classes, enums)


def _walk_type(
    type_: object, classes: dict[type, None], enums: dict[type, None]
) -> None:
    if isinstance(type_, type) and attrs.has(type_):
        _walk(type_, classes, enums)
    elif isinstance(type_, type) and issubclass(type_, enum.Enum):
        enums[type_] = None
    else:
        for argument in typing.get_args(type_):
            _walk_type(argument, classes, enums)


def _reachable() -> tuple[tuple[type, ...], tuple[type[enum.Enum], ...]]:
    classes: dict[type, None] = {}
    enums: dict[type, None] = {}
    for cls in DOCUMENT_CLASSES:
        _walk(cls, classes, enums)
    return tuple(classes), tuple(enums)


CLASSES, ENUMS = _reachable()


def test_the_walk_finds_every_object_type() -> None:
    names = {cls.__name__ for cls in CLASSES}
    assert {
        "Routine",
        "RoutineStep",
        "ExerciseSet",
        "Hold",
        "Exercise",
        "Dosage",
        "Span",
        "Caution",
        "Catalog",
        "PlanRequest",
        "Phase",
        "Frequency",
        "Screening",
        "Finding",
    } == names
    assert {
        "TimeOfDay",
        "Occasion",
        "BodyArea",
        "Position",
        "Laterality",
        "Bias",
        "Movement",
        "Equipment",
        "Difficulty",
        "Condition",
        "WarningSign",
        "Urgency",
    } == {enum_type.__name__ for enum_type in ENUMS}


def _example() -> str:
    text = _doc()
    assert text.count(EXAMPLE_HEADING + "\n") == 1
    after = text.split(EXAMPLE_HEADING + "\n", 1)[1]
    after = re.split(r"^## ", after, maxsplit=1, flags=re.MULTILINE)[0]
    match = re.search(r"^```json\n(.*?)\n```$", after, re.DOTALL | re.MULTILINE)
    assert match, f"no ```json block under {EXAMPLE_HEADING!r}"
    return match.group(1)


def test_the_complete_example_loads_and_is_written_back_the_same() -> None:
    text = _example()
    routine = backroutine.loads(text, Routine)
    assert text == backroutine.dumps(routine, indent=2)


def test_the_complete_example_is_of_the_current_version() -> None:
    routine = backroutine.loads(_example(), Routine)
    assert backroutine.unstructure(routine)["version"] == backroutine.FORMAT_VERSION
    assert len(routine.steps) >= 2


def test_the_field_tables_are_current() -> None:
    """Each object's table is what the model's specs and docstrings say."""
    assert with_tables(_doc()) == _doc(), (
        "docs/json-format.md's field tables are out of date: "
        "run python tests/regenerate.py"
    )


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_every_field_has_a_row_and_every_row_is_a_field(cls: type) -> None:
    rows = re.findall(r"^\| `(\w+)` \|", _section(cls.__name__), re.MULTILINE)
    fields = [field.name for field in attrs.fields(cls) if field.init]
    assert fields == rows


@pytest.mark.parametrize("enum_type", ENUMS, ids=lambda enum_type: enum_type.__name__)
def test_every_enum_value_is_listed_under_its_enum(enum_type: type[enum.Enum]) -> None:
    section = _section(enum_type.__name__)
    listed = set(re.findall(r"`(\w+)`", section))
    missing = [member.value for member in enum_type if member.value not in listed]
    assert [] == missing


def test_every_field_name_and_enum_value_appears_in_the_doc() -> None:
    text = _doc()
    for cls in CLASSES:
        for field in attrs.fields(cls):
            if field.init:
                assert f"`{field.name}`" in text, f"{cls.__name__}.{field.name}"
    for enum_type in ENUMS:
        for member in enum_type:
            assert f"`{member.value}`" in text, f"{enum_type.__name__}.{member.name}"


# The other pages: the command line's examples run, and the tables that
# restate the library's data agree with it.

DOCS = DOC.parent
CLI_DOC = DOCS / "cli.md"
COMMANDS = (
    "plan",
    "timeline",
    "exercises",
    "show",
    "validate",
    "schema",
    "screen",
    "programme",
    "log",
    "next",
    "adherence",
    "calendar",
    "export",
)
# Commands documented on the page whose examples need a file it cannot
# make (the free-exercise-db data set): tests/test_cli_adapters.py runs them.
NOT_RUN_HERE = ("import",)
_STATUS = re.compile(r"\s+# exit status (\d+)$")
# A word in capitals, such as FILE or ID, or an ellipsis: not a runnable line.
_PLACEHOLDER = re.compile(r"\b[A-Z]{2,}\b|\.\.\.")
# Shell syntax the test does not run: only plain commands and pipes are run.
_SHELL = re.compile(r"[;&<>$`()]|\|\|")


def _page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def _sections(text: str) -> dict[str, str]:
    """The text under each level-2 heading of *text*, by heading."""
    parts = re.split(r"^## (.+)\n", text, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def _table(section: str) -> list[list[str]]:
    """The cells of each body row of the first Markdown table in *section*."""
    rows = [
        [cell.strip() for cell in line.strip("|").split(" | ")]
        for line in section.splitlines()
        if line.startswith("|") and not line.startswith("|---")
    ]
    return rows[1:]


@attrs.frozen
class _Example:
    """One ``backroutine`` line of a ```sh block in docs/cli.md."""

    line: str
    status: int

    @property
    def commands(self) -> list[list[str]]:
        """The commands of the line's pipeline, each as its arguments."""
        return [shlex.split(part) for part in self.line.split(" | ")]


def _cli_examples(text: str | None = None) -> list[_Example]:
    """The examples of docs/cli.md, or of the Markdown *text*."""
    text = _page("cli.md") if text is None else text
    examples = []
    for block in re.findall(r"^```sh\n(.*?)^```$", text, re.DOTALL | re.MULTILINE):
        for line in block.splitlines():
            if not line.startswith("backroutine "):
                continue
            match = _STATUS.search(line)
            command = _STATUS.sub("", line)
            if _PLACEHOLDER.search(command):
                continue
            examples.append(_Example(command, int(match.group(1)) if match else 0))
    return examples


def _run(example: _Example, cwd: pathlib.Path) -> tuple[int, str]:
    """Run *example* in *cwd*; its exit status and what it wrote to stderr."""
    stdin = None
    for args in example.commands:
        assert "backroutine" == args[0], example.line
        result = run_python_bytes("-m", "backroutine", *args[1:], input=stdin, cwd=cwd)
        stdin = result.stdout
        if result.returncode and args is not example.commands[-1]:
            break
    return result.returncode, result.stderr.decode("utf-8")


def _run_here(example: _Example, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """Run *example* in this process, as :func:`_run` runs it in another."""
    stdin = b""
    status = 0
    for args in example.commands:
        assert "backroutine" == args[0], example.line
        out, err = io.BytesIO(), io.BytesIO()
        streams = {
            "stdin": io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"),
            "stdout": io.TextIOWrapper(out, encoding="utf-8", newline=""),
            "stderr": io.TextIOWrapper(err, encoding="utf-8", newline=""),
        }
        with monkeypatch.context() as patched:
            for name, stream in streams.items():
                patched.setattr(sys, name, stream)
            status = cli.main(list(args[1:]))
            sys.stdout.flush()
            sys.stderr.flush()
        stdin = out.getvalue()
        if status and args is not example.commands[-1]:
            break
    return status, err.getvalue().decode("utf-8")


class TestCommandLineExamples:
    """The examples in docs/cli.md run, and exit with the status it says."""

    def test_every_example_exits_with_the_status_it_states(
        self, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Run every example in order, in one empty directory, as the page says.

        The first runs as a person would run it, in a process of its own;
        the rest run in this one, which is many times quicker.
        """
        monkeypatch.chdir(tmp_path)
        monkeypatch.setenv("COLUMNS", "80")
        failures = []
        for number, example in enumerate(_cli_examples()):
            if number == 0:
                status, stderr = _run(example, tmp_path)
            else:
                status, stderr = _run_here(example, monkeypatch)
            if status != example.status:
                failures.append(f"{example.line}: exit {status}\n{stderr}")
            elif "Traceback" in stderr or (status in (1, 2) and not stderr):
                failures.append(f"{example.line}: no clear error\n{stderr}")
        assert [] == failures

    @staticmethod
    def run_readme_section(
        heading: str, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
    ) -> list[str]:
        """Run the README's commands under *heading*, in order, in *tmp_path*.

        Each must succeed quietly on standard error.  The extras are
        installed here already: a line's ``pip install ... &&`` is left out,
        and the command after it run.  Returns the commands run, by name.
        """
        readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
        section = readme.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
        section = re.sub(r"(?m)^pip install '[^']+' && ", "", section)
        examples = _cli_examples(section)
        monkeypatch.chdir(tmp_path)
        ran = [(example.line, *_run_here(example, monkeypatch)) for example in examples]
        assert [(line, 0, "") for line, _, _ in ran] == ran
        return [example.commands[0][1] for example in examples]

    def test_the_readmes_programme_commands_run_in_order(
        self, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The README's programme, log, next and adherence, as a new user types them."""
        ran = self.run_readme_section("A programme over weeks", tmp_path, monkeypatch)
        assert ["programme", "log", "next", "adherence"] == ran

    def test_the_readmes_adapter_commands_run_in_order(
        self, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The README's two commands for a FIT workout and for a FHIR bundle."""
        ran = self.run_readme_section("Optional extras", tmp_path, monkeypatch)
        assert ["plan", "export", "plan", "export"] == ran
        assert (tmp_path / "routine.fit").read_bytes()[8:12] == b".FIT"
        fhir = (tmp_path / "routine.fhir.json").read_text(encoding="utf-8")
        assert '"resourceType": "Bundle"' in fhir

    def test_examples_are_plain_commands_that_write_only_here(self) -> None:
        """Every example is a command or a pipe of them, writing relative paths."""
        for example in _cli_examples():
            assert not _SHELL.search(example.line), example.line
            for args in example.commands:
                for value in args:
                    assert not value.startswith(("/", "~", "..")), example.line

    def test_every_command_and_exit_status_has_an_example(self) -> None:
        """Each of the seven commands, and each exit status, is shown at work."""
        examples = _cli_examples()
        used = {args[1] for example in examples for args in example.commands}
        assert set(COMMANDS) == used
        assert {0, 1, 2, 3} == {example.status for example in examples}

    def test_the_page_has_a_section_for_every_command(self) -> None:
        """The page has one section per command, named as the command."""
        sections = _sections(_page("cli.md"))
        assert {*COMMANDS, *NOT_RUN_HERE} <= set(sections)

    @pytest.mark.parametrize("command", [*COMMANDS, *NOT_RUN_HERE])
    def test_every_option_and_choice_is_documented(self, command: str) -> None:
        """Each option (and choice) in a command's usage appears in its section."""
        result = run_python("-m", "backroutine", command, "--help")
        assert 0 == result.returncode, result.stderr
        usage = result.stdout.split("\n\n", 1)[0]
        section = _sections(_page("cli.md"))[command]
        options = set(re.findall(r"--[a-z][a-z-]*", usage)) - {"--help"}
        missing = [option for option in sorted(options) if f"`{option}" not in section]
        for choices in re.findall(r"\{([a-z,]+)\}", usage):
            missing += [c for c in choices.split(",") if f"`{c}`" not in section]
        assert [] == missing


class TestSafetyPage:
    """The tables in docs/safety.md agree with the safety rules."""

    def test_the_conditions_table_matches_the_rules(self) -> None:
        """Each condition has one row: what its rule leaves out, and why."""
        rows = _table(_sections(_page("safety.md"))["Conditions and their rules"])
        assert [c.value for c in Condition] == [row[0].strip("`") for row in rows]
        for value, leaves_out, why in rows:
            rule = backroutine.CONDITION_RULES[Condition(value.strip("`"))]
            named = {
                *(movement.value for movement in rule.avoid_movements),
                *(movement.value for movement in rule.avoid_loaded_or_end_range),
                *(position.value for position in rule.avoid_positions),
                *(["early_after_surgery"] if rule.early_after_surgery_only else []),
                *(["supine"] if rule.max_seconds_on_back else []),
            }
            assert named == set(re.findall(r"`(\w+)`", leaves_out)), value
            assert rule.reason == why

    def test_the_warning_signs_table_matches_the_screening(self) -> None:
        """Each warning sign has one row, with its words and its urgency."""
        rows = _table(_sections(_page("safety.md"))["Warning signs"])
        signs = rows[: len(WarningSign)]
        assert [s.value for s in WarningSign] == [row[0].strip("`") for row in signs]
        for value, words, urgency in signs:
            screening = backroutine.screen([WarningSign(value.strip("`"))])
            assert screening.urgency.value == urgency.strip("`"), value
            assert words == SIGN_WORDS[screening.signs[0]], value

    def test_the_urgency_table_lists_every_urgency(self) -> None:
        """Each urgency has one row, most urgent first."""
        rows = _table(
            _sections(_page("safety.md"))["Warning signs"].split("The urgencies", 1)[1]
        )
        expected = sorted(Urgency, key=lambda urgency: -urgency.level)
        assert [u.value for u in expected] == [row[0].strip("`") for row in rows]


class TestApiReference:
    """docs/api.md documents the whole public API."""

    def test_every_public_name_is_documented(self) -> None:
        """Every name in ``backroutine.__all__`` has an entry of its own."""
        text = _page("api.md")
        documented = set(
            re.findall(r"^\.\. (?:auto\w+|py:\w+):: (\w+)", text, re.MULTILINE)
        )
        assert [] == sorted(set(backroutine.__all__) - documented)

    def test_the_public_submodules_are_documented(self) -> None:
        """The exceptions module and the test strategies have their sections."""
        text = _page("api.md")
        assert ".. automodule:: backroutine.testing" in text
        assert "backroutine.exceptions" in text


class TestPages:
    """Every page is in the table of contents, and no page is left out."""

    def test_every_page_is_in_the_toctree(self) -> None:
        """The index lists every Markdown page in docs/ but itself."""
        toctree = re.search(r"```\{toctree\}\n(.*?)```", _page("index.md"), re.DOTALL)
        assert toctree
        listed = {line for line in toctree.group(1).splitlines() if line[:1].isalpha()}
        pages = {path.stem for path in DOCS.glob("*.md")} - {"index"}
        assert pages == listed
