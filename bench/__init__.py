"""The benchmark of issue 7: backroutine beside msgspec and pydantic.

Not part of the installed package.  Run it from the repository root with
``python bench/run.py`` (``--quick`` for a smoke run, ``--repeat N`` for
more or fewer rounds).
"""
