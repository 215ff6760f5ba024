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
    # pkgutil reads package data through the package's loader, like
    # importlib.resources, at a fraction of the import cost.
    import pkgutil  # noqa: PLC0415 (only when the catalog is first asked for)

    data = pkgutil.get_data("backroutine", "exercises.json")
    if data is None:  # pragma: no cover (only for loaders that cannot read)
        msg = "the built-in exercises cannot be read from this installation"
        raise RuntimeError(msg)
    return loads(data, Catalog)
