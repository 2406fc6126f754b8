"""``python -m desktop``: the GUI without arguments, the CLI with a subcommand."""

import sys

from desktop.cli.main import main

sys.exit(main())
