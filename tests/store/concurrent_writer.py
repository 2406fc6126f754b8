"""Child process for the two-writer test: save COUNT fields of one record, each acknowledged.

Usage: python -m tests.store.concurrent_writer DB_PATH DATA_DIR PROFILE_ID PREFIX COUNT
Opens the database directly (as a second copy would after ``huiqi.lock`` was deleted).
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.store.engine import make_engine
from desktop.store.records import RecordRef
from desktop.store.store import Store


def main() -> None:
    db_path, data_dir, profile_id, prefix, count = sys.argv[1:6]
    store = Store(make_engine(Path(db_path)), Path(data_dir))
    ref = RecordRef("profile", int(profile_id))
    for i in range(int(count)):
        store.save_answer(ref, f"{prefix}{i}", f"{prefix}-{i}")
    print("done", flush=True)
    store.close()


if __name__ == "__main__":
    main()
