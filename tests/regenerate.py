"""Write the generated files that the tests compare against.

Run it from the repository's root after a deliberate change to the format or
to the built-in catalog::

    python tests/regenerate.py

then review the difference with ``git diff`` before committing it.
"""

import pathlib

from backroutine import default_catalog, dumps

ROOT = pathlib.Path(__file__).parent.parent


def main() -> None:
    """Write the golden catalog document."""
    golden = ROOT / "tests" / "golden" / "catalog.json"
    golden.write_text(dumps(default_catalog(), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {golden.relative_to(ROOT)}")  # noqa: T201


if __name__ == "__main__":
    main()
