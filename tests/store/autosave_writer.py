"""Child process for the hard-kill test: autosave forever, acknowledging each returned write.

Usage: python -m tests.store.autosave_writer DATA_DIR APPLICATION_ID
Prints "line <id>" once, then "ack <i>" after each ``save_answer`` has returned.
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.store.startup import open_store


def main() -> None:
    data_dir, app_id = Path(sys.argv[1]), int(sys.argv[2])
    store = open_store(data_dir).store
    line = store.add_line(app_id, "equipment")
    print(f"line {line.id}", flush=True)
    i = 0
    while True:
        store.save_answer(line, f"f{i}", f"值{i}" * (1 + i % 7))
        print(f"ack {i}", flush=True)
        i += 1


if __name__ == "__main__":
    main()
