"""Frozen entry point: the same as ``python -m desktop``."""

import sys

from desktop.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
