"""Write the generated files that the tests compare against.

They are the golden catalog document (``tests/golden/catalog.json``), the
JSON Schemas (``schemas/<kind>.schema.json``), and the field tables and
the complete example of the JSON format's page (``docs/json-format.md``),
all derived from the model; and the golden handouts
(``tests/golden/handout.md`` and ``handout.txt``), a routine built by hand
from built-in exercises as ``to_markdown`` and ``to_text`` render it, and
in each other language (``handout.es.md``...) a routine planned in it.

Run it from the repository's root after a deliberate change to the format,
to the built-in catalog or to the handouts' words::

    python tests/regenerate.py

then review the difference with ``git diff`` before committing it.
"""

import json
import pathlib
import sys

if __name__ == "__main__" and not __package__:  # run as python tests/regenerate.py
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from backroutine import default_catalog, dumps, json_schema, to_markdown, to_text
from backroutine._documents import KINDS
from backroutine._i18n import DEFAULT_LANGUAGE, LANGUAGES
from tests.field_tables import with_current_example, with_tables
from tests.helpers import golden_plan, golden_routine

ROOT = pathlib.Path(__file__).parent.parent


def schema_text(kind: str) -> str:
    """The committed form of the schema of *kind*."""
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    """Write the golden catalog document and handouts, and the schemas."""
    golden = ROOT / "tests" / "golden"
    catalog = golden / "catalog.json"
    catalog.write_text(dumps(default_catalog(), indent=2) + "\n", encoding="utf-8")
    written = [catalog]
    for name, render in [("handout.md", to_markdown), ("handout.txt", to_text)]:
        handout = golden / name
        handout.write_text(render(golden_routine()), encoding="utf-8")
        written.append(handout)
        for language in LANGUAGES:
            if language != DEFAULT_LANGUAGE:
                stem, suffix = name.split(".")
                handout = golden / f"{stem}.{language}.{suffix}"
                handout.write_text(render(golden_plan(language)), encoding="utf-8")
                written.append(handout)
    for kind in KINDS:
        path = ROOT / "schemas" / f"{kind}.schema.json"
        path.parent.mkdir(exist_ok=True)
        path.write_text(schema_text(kind), encoding="utf-8")
        written.append(path)
    page = ROOT / "docs" / "json-format.md"
    text = with_current_example(with_tables(page.read_text(encoding="utf-8")))
    page.write_text(text, encoding="utf-8")
    written.append(page)
    for path in written:
        print(f"wrote {path.relative_to(ROOT)}")  # noqa: T201


if __name__ == "__main__":
    main()
