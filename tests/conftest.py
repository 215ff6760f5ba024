"""Hypothesis profiles: a quick one for local runs, a thorough one for CI.

Pick one with ``HYPOTHESIS_PROFILE=ci``; ``.ci/run`` does.
"""

import os

from hypothesis import settings

settings.register_profile("dev", max_examples=12, deadline=None)
settings.register_profile(
    "ci", max_examples=200, deadline=None, derandomize=True, print_blob=True
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
