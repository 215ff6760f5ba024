"""The benchmark of issue 7: backroutine beside msgspec and pydantic.

Run it from the repository root, in the environment backroutine is installed
in (msgspec and pydantic too)::

    python bench/run.py              # the full run, about a minute
    python bench/run.py --quick      # a smoke run at tiny sizes
    python bench/run.py --repeat 40  # more rounds, steadier medians

It prints one table.  Each row names a measurement, backroutine's figure,
what it is compared with, the ratio (backroutine / the other), the target
from issue 7, and whether the target is ``met`` or ``MISSED`` (``-`` for a
row given for context, without a target).

How it measures:

- Everything is interleaved: each round times every library (or catalog
  size, or command) once, in an order that rotates from round to round, so
  that a machine that speeds up or slows down during the run affects all
  alike.  A ratio is the median of the ratios within each round, a time
  the median over rounds.
- Each timed batch calls the function enough times to last a few
  milliseconds, with the garbage collector off (on again between batches),
  after a warm-up round that is not counted.
- Data is made with a fixed seed, and outside the timed regions.
- Processes are fresh interpreters (``sys.executable``), timed from start to
  exit, with bytecode cached as for an installed package.
- Memory is what tracemalloc counts as still held once a loaded value is
  made and the JSON text and everything else reading made is dropped.

The msgspec and pydantic models are in ``models_msgspec`` and
``models_pydantic``, derived from backroutine's rule specs (``derive``), so
that they follow the model with no edit: they read the exact bytes
``backroutine.dumps`` writes, which the run checks before measuring.
"""

from __future__ import annotations

import argparse
import dataclasses
import enum
import gc
import itertools
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any, Final

if __name__ == "__main__" and not __package__:  # run as ``python bench/run.py``
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import attrs

import backroutine as br
from backroutine import _compiled
from bench import models_msgspec, models_pydantic, vocabulary

SEED: Final = 7
"""The seed of every random choice, so that each run measures the same data."""
SMALL_STEPS: Final = 3
LARGE_STEPS: Final = 300
CATALOG_SIZES: Final = (100, 1_000, 10_000, 100_000)
QUICK_CATALOG_SIZES: Final = (100, 1_000)
DEFAULT_REPEAT: Final = 30
QUICK_REPEAT: Final = 3
LIBRARIES: Final = ("backroutine", "msgspec", "pydantic")

# The targets of issue 7, as ratios (backroutine / the other) unless noted.
DUMPS_VS_MSGSPEC: Final = 2.0
LOADS_VS_MSGSPEC: Final = 3.0
PLAN_GROWTH: Final = 12.0  # 10 times the catalog, at most 12 times the time
PLAN_SECONDS: Final = 0.050  # planning 10,000 exercises
IMPORT_VS_ATTRS: Final = 1.2
PLAN_PROCESS_VS_CATTRS: Final = 1.5
MEMORY_VS_MSGSPEC: Final = 1.1


# -- the table --------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Row:
    """One line of the table."""

    name: str
    value: str
    compared: str = "-"
    ratio: str = "-"
    target: str = "-"
    verdict: str = "-"


def _target_row(
    name: str,
    value: str,
    compared: str,
    ratio: float,
    limit: float | None,
) -> Row:
    """A row with *ratio*, and its verdict against *limit* (None: no target)."""
    if limit is None:
        return Row(name, value, compared, f"{ratio:.2f}x")
    verdict = "met" if ratio <= limit else "MISSED"
    return Row(name, value, compared, f"{ratio:.2f}x", f"<= {limit:g}x", verdict)


def _format_table(rows: Sequence[Row]) -> str:
    header = Row(
        "measurement", "backroutine", "compared with", "ratio", "target", "verdict"
    )
    table = [dataclasses.astuple(row) for row in (header, *rows)]
    widths = [max(len(str(line[i])) for line in table) for i in range(6)]
    right = {1, 3}  # numbers line up on the right
    lines = []
    for number, line in enumerate(table):
        cells = [
            str(cell).rjust(width) if column in right else str(cell).ljust(width)
            for column, (cell, width) in enumerate(zip(line, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def show_time(seconds: float) -> str:
    """*seconds* in the unit that suits it: ``12.3 us``, ``4.56 ms``."""
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("us", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def show_bytes(size: float) -> str:
    """*size* in KiB or MiB."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.2f} MiB"
    return f"{size / 1024:.1f} KiB"


# -- timing -----------------------------------------------------------------


def _time_batch(func: Callable[[], object], number: int) -> float:
    """Seconds per call of *func* over *number* calls, the collector off."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        start = time.perf_counter_ns()
        for _ in range(number):
            func()
        stop = time.perf_counter_ns()
    finally:
        if enabled:
            gc.enable()
    return (stop - start) / number / 1e9


def _batch_size(func: Callable[[], object], batch_seconds: float) -> int:
    """How many calls of *func* take about *batch_seconds* (at least one)."""
    func()  # warm up caches, generated code and the like
    single = _time_batch(func, 1)
    if single >= batch_seconds:
        return 1
    # A second, longer estimate: one call is too short to time well.
    number = max(1, min(1_000, int(batch_seconds / max(single, 1e-7) / 10)))
    single = _time_batch(func, number)
    return max(1, min(100_000, round(batch_seconds / max(single, 1e-9))))


Task = Callable[[], object]
Samples = dict[str, list[float]]


def interleaved(
    groups: Sequence[tuple[str, dict[str, Task]]],
    *,
    rounds: int,
    batch_seconds: float,
) -> dict[str, Samples]:
    """Time each task of each group once a round, for *rounds* rounds.

    The tasks of a group (the libraries, the catalog sizes, the commands) run
    one after the other, in an order rotated each round, so that what they
    are compared with ran moments before or after them.  The first round is
    a warm-up and is not counted.

    Returns:
        For each group, for each task, its seconds per call in each round.
    """
    numbers = {
        (group, task): _batch_size(func, batch_seconds)
        for group, tasks in groups
        for task, func in tasks.items()
    }
    samples: dict[str, Samples] = {
        group: {task: [] for task in tasks} for group, tasks in groups
    }
    for round_number in range(1 + rounds):
        gc.collect()
        for group, tasks in groups:
            names = list(tasks)
            shift = round_number % len(names)
            for task in names[shift:] + names[:shift]:
                seconds = _time_batch(tasks[task], numbers[group, task])
                if round_number:  # round 0 warms up
                    samples[group][task].append(seconds)
    return samples


def median_ratio(numerators: Sequence[float], denominators: Sequence[float]) -> float:
    """The median of the ratios taken round by round."""
    return statistics.median(
        a / b for a, b in zip(numerators, denominators, strict=True)
    )


# -- the data ---------------------------------------------------------------


def small_routine() -> br.Routine:
    """A planned bedtime routine, cut to its first three steps."""
    planned = br.plan_routine(
        br.PlanRequest(time_of_day=br.TimeOfDay.BEDTIME, minutes=8)
    )
    return attrs.evolve(planned, steps=planned.steps[:SMALL_STEPS])


def large_routine(*, steps: int = LARGE_STEPS, distinct: bool = False) -> br.Routine:
    """A long routine composed from the built-in catalog, with seeded doses.

    The steps go round the catalog's exercises, so that each exercise comes
    back many times, as it would in a long routine.  With *distinct*, each
    step's exercise is a copy with its own id and name instead: no two steps
    hold equal exercises.
    """
    rng = random.Random(SEED)  # noqa: S311 (seeded, for repeatable data)
    exercises = list(br.default_catalog())
    planned = br.plan_routine(
        br.PlanRequest(time_of_day=br.TimeOfDay.BEDTIME, minutes=8)
    )
    made = []
    for index in range(steps):
        exercise = exercises[index % len(exercises)]
        if distinct:
            exercise = attrs.evolve(
                exercise,
                id=f"{exercise.id}-{index}",
                name=f"{exercise.name} ({index})",
            )
        dosage = exercise.dosage
        count = rng.randint(dosage.sets.low, dosage.sets.high)
        reps = rng.randint(dosage.reps.low, dosage.reps.high)
        span = dosage.hold_seconds
        hold = None if span is None else br.Hold(rng.randint(span.low, span.high))
        sets = [
            br.ExerciseSet(
                reps=reps,
                hold=hold,
                laterality=dosage.laterality,
                rest_after_seconds=dosage.rest_seconds if number < count else 0,
            )
            for number in range(1, count + 1)
        ]
        note = f"Step {index + 1} of {steps}: {exercise.name}."
        made.append(br.RoutineStep(exercise=exercise, sets=sets, note=note))
    return br.Routine(
        name="A long routine for the benchmark",
        time_of_day=br.TimeOfDay.BEDTIME,
        targets=(br.BodyArea.LOWER_BACK, br.BodyArea.HIPS, br.BodyArea.CORE),
        steps=made,
        notes=planned.notes,
        safety=planned.safety,
    )


def generated_exercises(count: int) -> list[br.Exercise]:
    """*count* exercises: built-in ones with new ids, times, targets, occasions."""
    rng = random.Random(SEED)  # noqa: S311 (seeded, for repeatable data)
    builtin = list(br.default_catalog())
    times = list(br.TimeOfDay)
    areas = list(br.BodyArea)
    occasions = list(br.Occasion)
    made = []
    for index in range(count):
        exercise = builtin[index % len(builtin)]
        made.append(
            attrs.evolve(
                exercise,
                id=f"{exercise.id}-{index}",
                times=rng.sample(times, rng.randint(1, 3)),
                # Unlinked: its harder versions are under their own ids, and
                # the new times may not hold its best ones.
                best_times=(),
                harder=(),
                targets=rng.sample(areas, rng.randint(1, 3)),
                occasions=rng.sample(occasions, rng.randint(0, 2)),
            )
        )
    return made


PLAN_REQUEST: Final = br.PlanRequest(
    time_of_day=br.TimeOfDay.BEDTIME,
    targets=(
        br.BodyArea.LOWER_BACK,
        br.BodyArea.HIPS,
        br.BodyArea.CORE,
        br.BodyArea.HAMSTRINGS,
    ),
    minutes=20,
    occasion=br.Occasion.AFTER_SITTING,
    avoid_positions=(br.Position.PRONE,),
)
"""What the planner is asked for, at every catalog size."""


# -- the checks before measuring -----------------------------------------------


@dataclasses.dataclass(frozen=True)
class Library:
    """How the benchmark writes and reads a routine with one library."""

    name: str
    dumps: Callable[[Any], object]
    loads: Callable[[bytes], object]


def _backroutine_loads(data: bytes) -> br.Routine:
    return br.loads(data, br.Routine)


def _first_dumps(value: br.Routine) -> str:
    _compiled.forget()
    return br.dumps(value)


def _first_loads(data: bytes) -> br.Routine:
    _compiled.forget()
    return br.loads(data, br.Routine)


BACKROUTINE: Final = Library("backroutine", br.dumps, _backroutine_loads)
BACKROUTINE_FIRST: Final = Library("backroutine", _first_dumps, _first_loads)
"""backroutine with nothing remembered: each exercise read or written anew."""
FIRST_TIME_CASES: Final = ("small",)
"""The routines also measured with nothing remembered, for context."""
MSGSPEC: Final = Library("msgspec", models_msgspec.dumps, models_msgspec.loads)
PYDANTIC: Final = Library("pydantic", models_pydantic.dumps, models_pydantic.loads)
MSGSPEC_PLAIN: Final = Library(
    r"msgspec (no text pattern)",
    models_msgspec.dumps,
    models_msgspec.loads_plain,
)
"""msgspec's models less one rule, for context: see ``models_msgspec``."""


def check_vocabulary() -> None:
    """Check that the benchmark's enums are plain twins of backroutine's.

    Each is derived (see ``vocabulary``): a plain ``enum.Enum`` of its own,
    none of backroutine's enum behaviour, holding exactly the names and
    values of backroutine's enum of the same name.
    """
    for bench_enum in vocabulary.ALL_ENUMS:
        original = getattr(br, bench_enum.__name__)
        if bench_enum.__bases__ != (enum.Enum,):
            msg = f"bench {bench_enum.__name__} is not a plain enum.Enum"
            raise AssertionError(msg)
        ours = [(member.name, member.value) for member in original]
        theirs = [(member.name, member.value) for member in bench_enum]
        if ours != theirs:
            msg = f"bench {bench_enum.__name__} holds {theirs}, backroutine {ours}"
            raise AssertionError(msg)


def check_round_trip(data: bytes) -> None:
    """Check that msgspec and pydantic read *data* and write it back, as data."""
    expected = json.loads(data)
    for library in (MSGSPEC, PYDANTIC, MSGSPEC_PLAIN):
        written = library.dumps(library.loads(data))
        assert isinstance(written, (str, bytes))  # noqa: S101 (for mypy)
        if json.loads(written) != expected:
            msg = f"{library.name} does not write back backroutine's JSON"
            raise AssertionError(msg)


# -- the measurements -------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Settings:
    """What one run measures, and how often."""

    quick: bool
    rounds: int
    batch_seconds: float
    catalog_sizes: tuple[int, ...]
    startup_rounds: int
    progress: Callable[[str], None]


def _call(func: Callable[[Any], object], argument: object) -> Task:
    return lambda: func(argument)


def serialization(settings: Settings, documents: dict[str, bytes]) -> list[Row]:
    """Write and read each routine with each library."""
    groups: list[tuple[str, dict[str, Task]]] = []
    libraries = (BACKROUTINE, MSGSPEC, PYDANTIC)
    for case, data in documents.items():
        values = {library.name: library.loads(data) for library in libraries}
        dumps_tasks: dict[str, Task] = {}
        loads_tasks: dict[str, Task] = {}
        for library in libraries:
            dumps_tasks[library.name] = _call(library.dumps, values[library.name])
            loads_tasks[library.name] = _call(library.loads, data)
        loads_tasks[MSGSPEC_PLAIN.name] = _call(MSGSPEC_PLAIN.loads, data)
        groups.append((f"dumps {case}", dumps_tasks))
        groups.append((f"loads {case}", loads_tasks))
        if case in FIRST_TIME_CASES:
            first = {BACKROUTINE.name: BACKROUTINE_FIRST}
            for operation in ("dumps", "loads"):
                tasks = {
                    library.name: _call(
                        getattr(first.get(library.name, library), operation),
                        values[library.name] if operation == "dumps" else data,
                    )
                    for library in libraries
                }
                groups.append((f"{operation} {case}, nothing remembered", tasks))
    settings.progress(f"serialization, {settings.rounds} rounds")
    samples = interleaved(
        groups, rounds=settings.rounds, batch_seconds=settings.batch_seconds
    )
    rows = []
    for group, tasks in groups:
        operation, case = group.split(" ", 1)
        times = samples[group]
        ours = times["backroutine"]
        limit = DUMPS_VS_MSGSPEC if operation == "dumps" else LOADS_VS_MSGSPEC
        for other in tasks:
            if other == "backroutine":
                continue
            row = _target_row(
                f"{group} vs {other}",
                show_time(statistics.median(ours)),
                f"{other} {show_time(statistics.median(times[other]))}",
                median_ratio(ours, times[other]),
                limit if other == "msgspec" and case in TARGET_CASES else None,
            )
            rows.append(row)
    return rows


TARGET_CASES: Final = ("small", "large")
"""The routines the targets are for; others are measured for context."""


def _plan_task(catalog: br.Catalog) -> Task:
    return lambda: br.plan_routine(PLAN_REQUEST, catalog)


def planner(settings: Settings) -> list[Row]:
    """plan_routine against catalog size, with the growth between sizes."""
    settings.progress("planner: making catalogs")
    exercises = generated_exercises(max(settings.catalog_sizes))
    catalogs = {size: br.Catalog(exercises[:size]) for size in settings.catalog_sizes}
    del exercises
    tasks = {f"{size:,}": _plan_task(catalog) for size, catalog in catalogs.items()}
    settings.progress(f"planner, {settings.rounds} rounds")
    samples = interleaved(
        [("plan", tasks)],
        rounds=settings.rounds,
        batch_seconds=settings.batch_seconds,
    )["plan"]
    del catalogs, tasks
    gc.collect()
    # The targets are for 10,000 against 1,000; a quick run stops at 1,000
    # and checks them there instead.
    checked = 10_000 if 10_000 in settings.catalog_sizes else 1_000
    rows = []
    for smaller, size in itertools.pairwise((None, *settings.catalog_sizes)):
        times = samples[f"{size:,}"]
        name = f"plan_routine, {size:,} exercises"
        value = show_time(statistics.median(times))
        if smaller is None:
            rows.append(Row(name, value))
            continue
        before = samples[f"{smaller:,}"]
        rows.append(
            _target_row(
                name,
                value,
                f"{smaller:,}: {show_time(statistics.median(before))}",
                median_ratio(times, before),
                PLAN_GROWTH if size == checked else None,
            )
        )
        if size == checked:
            seconds = statistics.median(times)
            rows.append(
                Row(
                    f"plan_routine, {size:,} exercises, time",
                    value,
                    target=f"< {show_time(PLAN_SECONDS)}",
                    verdict="met" if seconds < PLAN_SECONDS else "MISSED",
                )
            )
    return rows


STARTUP_COMMANDS: Final = {
    "python -c pass": ("-c", "pass"),
    "import attrs": ("-c", "import attrs"),
    "import cattrs": ("-c", "import cattrs"),
    "import backroutine": ("-c", "import backroutine"),
    "backroutine plan": (
        "-m",
        "backroutine",
        "plan",
        "--time",
        "bedtime",
        "--minutes",
        "8",
        "--format",
        "text",
    ),
}
"""The fresh processes timed, by name: the arguments after ``python``."""


def _environment(bytecode: str) -> dict[str, str]:
    """The environment of the timed processes: bytecode cached in *bytecode*.

    Without cached bytecode every process would compile backroutine's
    modules from source (as it does under ``PYTHONDONTWRITEBYTECODE``, or
    from a read-only checkout) while attrs and cattrs, installed, load
    theirs: an installed backroutine loads its bytecode too, so the
    processes get a bytecode cache of their own, filled by the warm-up round.
    """
    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    environment["PYTHONPYCACHEPREFIX"] = bytecode
    return environment


def _process(arguments: Sequence[str], environment: dict[str, str]) -> Task:
    command = [sys.executable, *arguments]

    def run() -> None:
        subprocess.run(  # noqa: S603 (our own interpreter, fixed arguments)
            command,
            check=True,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    return run


DEFERRED_MODULES: Final = ("cattrs", "orjson")
"""What ``import backroutine`` should leave for the first use of JSON."""


def modules_imported_early() -> list[str]:
    """Which of :data:`DEFERRED_MODULES` ``import backroutine`` imports."""
    script = (
        "import sys, backroutine; "
        f"print(' '.join(m for m in {DEFERRED_MODULES!r} if m in sys.modules))"
    )
    done = subprocess.run(  # noqa: S603 (our own interpreter, fixed arguments)
        [sys.executable, "-c", script],
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.split()


def spec_import_share(rounds: int, environment: dict[str, str]) -> tuple[float, float]:
    """The import time of the rule specs alone, and of the whole package.

    The medians, in seconds, over *rounds* fresh processes, of what
    ``python -X importtime`` reports: the self time of ``backroutine._spec``
    (its classes and their helpers; the specs the model builds count in
    ``backroutine._model``), and the cumulative time of ``backroutine``.
    """
    own: list[float] = []
    whole: list[float] = []
    for _ in range(rounds):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import backroutine"],
            env=environment,  # bytecode cached, as for the processes timed
            check=True,
            capture_output=True,
            text=True,
        )
        for line in done.stderr.splitlines():
            self_us, cumulative_us, name = (part.strip() for part in line.split("|"))
            if name == "backroutine._spec":
                own.append(int(self_us.split()[-1]) / 1e6)
            elif name == "backroutine":
                whole.append(int(cumulative_us) / 1e6)
    return statistics.median(own), statistics.median(whole)


def startup(settings: Settings) -> list[Row]:
    """The wall time of fresh processes: imports and a whole plan command."""
    settings.progress(f"start-up, {settings.startup_rounds} rounds")
    with tempfile.TemporaryDirectory(prefix="backroutine-bench-") as bytecode:
        environment = _environment(bytecode)
        tasks = {
            name: _process(arguments, environment)
            for name, arguments in STARTUP_COMMANDS.items()
        }
        samples = interleaved(
            [("start-up", tasks)],
            rounds=settings.startup_rounds,
            batch_seconds=0.0,  # one process a batch
        )["start-up"]
        spec, whole = spec_import_share(settings.startup_rounds, environment)

    def median(name: str) -> str:
        return show_time(statistics.median(samples[name]))

    early = modules_imported_early()
    return [
        Row("process: python -c pass", median("python -c pass")),
        Row("process: import attrs", median("import attrs")),
        Row("process: import cattrs", median("import cattrs")),
        _target_row(
            "process: import backroutine",
            median("import backroutine"),
            f"import attrs {median('import attrs')}",
            median_ratio(samples["import backroutine"], samples["import attrs"]),
            IMPORT_VS_ATTRS,
        ),
        _target_row(
            "process: backroutine plan --format text",
            median("backroutine plan"),
            f"import cattrs {median('import cattrs')}",
            median_ratio(samples["backroutine plan"], samples["import cattrs"]),
            PLAN_PROCESS_VS_CATTRS,
        ),
        Row(
            "import: the rule specs' own time (_spec)",
            show_time(spec),
            f"all of import backroutine {show_time(whole)}",
            f"{spec / whole:.0%}",
        ),
        Row(
            "import backroutine imports cattrs/orjson",
            ", ".join(early) or "neither",
            target="neither",
            verdict="MISSED" if early else "met",
        ),
    ]


def retained_bytes(load: Callable[[bytes], object], data: bytes) -> int:
    """The memory the value *load* reads from *data* holds on to.

    Measured with tracemalloc, after a first load (so that caches filled on
    first use are not counted) and a collection: the JSON text and whatever
    reading it made and dropped are not counted, only what the value keeps.
    """
    load(data)
    gc.collect()
    # backroutine remembers exercises across documents: forgotten before the
    # measured load, so that the figure counts the value and what the load
    # leaves remembered, not values an earlier load made.
    _compiled.forget()
    started = not tracemalloc.is_tracing()
    if started:
        tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        value = load(data)
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        if started:
            tracemalloc.stop()
    del value
    return after - before


def memory(settings: Settings, documents: dict[str, bytes]) -> list[Row]:
    """The memory a loaded large routine retains, beside msgspec and pydantic."""
    settings.progress("memory")
    rows = []
    for case in ("large", "large distinct"):
        data = documents[case]
        sizes: dict[str, list[int]] = {name: [] for name in LIBRARIES}
        libraries = [BACKROUTINE, MSGSPEC, PYDANTIC]
        for round_number in range(3):  # the figures barely vary: three will do
            for library in libraries[round_number:] + libraries[:round_number]:
                sizes[library.name].append(retained_bytes(library.loads, data))
        ours = statistics.median(sizes["backroutine"])
        for other in ("msgspec", "pydantic"):
            theirs = statistics.median(sizes[other])
            rows.append(
                _target_row(
                    f"memory, loaded {case} routine vs {other}",
                    show_bytes(ours),
                    f"{other} {show_bytes(theirs)}",
                    ours / theirs,
                    MEMORY_VS_MSGSPEC
                    if other == "msgspec" and case in TARGET_CASES
                    else None,
                )
            )
    return rows


# -- the run ----------------------------------------------------------------


def _versions() -> str:
    names = ("backroutine", "attrs", "cattrs", "orjson", "msgspec", "pydantic")
    return ", ".join(f"{name} {metadata.version(name)}" for name in names)


def _machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    cpus = os.cpu_count()
    where = f"{platform.platform()}, {platform.machine()}, {cpus} CPUs"
    return where if load is None else f"{where}, load average {load:.2f} at start"


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python bench/run.py",
        description="backroutine beside msgspec and pydantic: one table.",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a smoke run: few rounds, catalogs of 100 and 1,000 only",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        metavar="N",
        help=f"rounds of each measurement (default {DEFAULT_REPEAT}, "
        f"{QUICK_REPEAT} with --quick); a full run times processes in twice as "
        "many rounds",
    )
    arguments = parser.parse_args(argv)
    if arguments.repeat is not None and arguments.repeat < 1:
        parser.error("--repeat must be at least 1")
    return arguments


def _stderr(message: str) -> None:
    print(f"  ... {message}", file=sys.stderr, flush=True)  # noqa: T201


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its table; the exit status."""
    arguments = _arguments(argv)
    quick: bool = arguments.quick
    rounds: int = arguments.repeat or (QUICK_REPEAT if quick else DEFAULT_REPEAT)
    settings = Settings(
        quick=quick,
        rounds=rounds,
        batch_seconds=0.002 if quick else 0.01,
        catalog_sizes=QUICK_CATALOG_SIZES if quick else CATALOG_SIZES,
        startup_rounds=rounds if quick else 2 * rounds,
        progress=_stderr,
    )
    started = time.perf_counter()
    machine = _machine()  # before the run loads the machine itself

    check_vocabulary()
    routines = {
        "small": small_routine(),
        "large": large_routine(),
        "large distinct": large_routine(distinct=True),
    }
    documents = {case: br.dumps(r).encode() for case, r in routines.items()}
    del routines
    for data in documents.values():
        check_round_trip(data)

    rows = serialization(settings, documents)
    rows += planner(settings)
    rows += startup(settings)
    rows += memory(settings, documents)

    mode = "quick run (--quick)" if quick else "full run"
    python = platform.python_version(), platform.python_implementation()
    small, large = len(documents["small"]), len(documents["large"])
    out = [
        f"backroutine benchmark (issue 7): {mode}, {rounds} rounds, seed {SEED}",
        f"Python {python[0]} ({python[1]}) on {machine}",
        _versions(),
        (
            "Checked: msgspec and pydantic read backroutine's JSON and write it back"
            " equal as data."
        ),
        (
            "Times are medians over rounds; ratios (backroutine / other) are medians"
            " of the ratios within each round."
        ),
        "",
        _format_table(rows),
        "",
        (
            f"small: {SMALL_STEPS} steps, {small:,} bytes of JSON; large:"
            f" {LARGE_STEPS} steps, {large:,} bytes, the catalog's exercises"
            " repeating; large distinct: the same, each step's exercise its own."
        ),
        (
            r"msgspec (no text pattern): msgspec's models without the non-blank rule"
            " on text, which msgspec can only state as a regex, searched with"
            " Python's re for every string."
        ),
        (
            "Processes: fresh interpreters, with a bytecode cache of their own"
            " (PYTHONPYCACHEPREFIX), as an installed package has."
        ),
        (
            "Planner: generated catalogs (built-in exercises with new ids, times,"
            " targets and occasions), a 20-minute bedtime request for four areas."
        ),
    ]
    if quick:
        out.append(
            "Quick run: the planner's targets (for 10,000 against 1,000 in a "
            "full run) are checked at 1,000 against 100."
        )
    out.append(f"Took {time.perf_counter() - started:.0f} s.")
    print("\n".join(out))  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
