"""``python -m backroutine``: the same as the ``backroutine`` command."""

import sys

from backroutine.cli import main

if __name__ == "__main__":
    sys.exit(main())
