"""Child process for the kill-during-restore test: run ``restore`` and die at line event N.

Usage: python -m tests.store.restore_child DATA_DIR SOURCE N
Counts the lines executed in desktop/store/maintenance.py and backups.py and calls
``os._exit`` at the Nth, so no ``finally`` or ``except`` runs: like a SIGKILL at that point.
Prints the total count when it was not killed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import FrameType
from typing import Any

from desktop.store import maintenance

WATCHED = ("maintenance.py", "backups.py")


def main() -> None:
    data_dir, source, kill_at = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    seen = 0

    def trace(frame: FrameType, event: str, _arg: Any) -> Any:
        nonlocal seen
        if not frame.f_code.co_filename.endswith(WATCHED):
            return None
        if event == "line":
            seen += 1
            if seen == kill_at:
                os._exit(9)
        return trace

    sys.settrace(trace)
    maintenance.restore(data_dir, source)
    sys.settrace(None)
    print(seen, flush=True)


if __name__ == "__main__":
    main()
