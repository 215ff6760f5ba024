"""The built-in exercises, loaded from ``exercises.json`` like any app's catalog."""

from __future__ import annotations

import functools

from backroutine._catalog import Catalog
from backroutine._json import loads


@functools.cache
def default_catalog() -> Catalog:
    """The exercises that ship with backroutine.

    They are read from the package's data file through the same strict
    loader that reads an app's own catalog, once; the catalog is immutable,
    so every call returns the same one.
    """
    from importlib import resources  # noqa: PLC0415 (slow to import; needed once)

    data = resources.files("backroutine").joinpath("exercises.json").read_bytes()
    return loads(data, Catalog)
