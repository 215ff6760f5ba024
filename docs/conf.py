"""Sphinx configuration for backroutine's documentation.

Build it, with warnings as errors, from the repository's root::

    python -m sphinx -W --keep-going -b html docs docs/_build/html
"""

from __future__ import annotations

from importlib import metadata

# -- Project -------------------------------------------------------------------

# From the installed package's metadata: the docs describe what is installed.
_metadata = metadata.metadata("backroutine")
project = _metadata["Name"]
author = _metadata["Author"]
project_copyright = f"%Y, {author}"
release = _metadata["Version"]
version = ".".join(release.split(".")[:2])

# -- General -------------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
# Only the pages: not the build, and not this file's neighbours that are
# not pages.
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
# Every cross-reference must resolve, except to the standard library and
# Hypothesis: there is no network while building, so no intersphinx.
nitpicky = True
nitpick_ignore_regex = [
    (r"py:(class|exc)", r"(collections\.abc|hypothesis|datetime|os|zoneinfo)\..+"),
    # The type variables of loads(), structure() and testing.values(): the
    # class passed as cls.
    (r"py:class", r"backroutine\.(_json|testing)\.T"),
]

# -- MyST ----------------------------------------------------------------------

# Anchors for headings down to ###, so that links such as
# json-format.md#the-envelope resolve.
myst_heading_anchors = 3

# -- autodoc and napoleon ------------------------------------------------------

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autoclass_content = "class"
# No type aliases: the Document alias shows as the union it stands for
# (Catalog | Exercise | PlanRequest | Routine), each class a link.
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
napoleon_attr_annotations = True

# -- HTML ----------------------------------------------------------------------

html_theme = "furo"
html_title = f"backroutine {release}"
