"""Hypothesis profiles, and the fixture that speaks a marking catalog.

Pick a profile with ``HYPOTHESIS_PROFILE=ci``; ``.ci/run`` does: a quick
one for local runs, a thorough one for CI.
"""

import os
from collections.abc import Iterator

import pytest
from hypothesis import settings

from backroutine._i18n import speaking
from tests.helpers import Marked, speak_catalog

settings.register_profile("dev", max_examples=12, deadline=None)
settings.register_profile(
    "ci", max_examples=200, deadline=None, derandomize=True, print_blob=True
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture
def marked(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Speak "Spanish" as :class:`~tests.helpers.Marked`: every message marked."""
    speak_catalog(monkeypatch, Marked())
    with speaking("es"):
        yield
