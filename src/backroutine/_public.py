"""Public names report the package as their module, as svcs's do.

A class or function defined in a private module, such as
``backroutine._model.Routine``, is used as ``backroutine.Routine``: with
its ``__module__`` set to ``"backroutine"``, reprs, the documentation and
pickles name that public path, which stays the same when the private
modules are reorganised.
"""

from __future__ import annotations

from typing import Final

PACKAGE: Final = "backroutine"


def publish(*values: object) -> None:
    """Make each of *values* report :data:`PACKAGE` as its module.

    The annotations of a published class are then evaluated in the package
    (``typing.get_type_hints`` looks there), so they name only what the
    package exports, and builtins.
    """
    for value in values:
        value.__module__ = PACKAGE
