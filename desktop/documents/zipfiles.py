"""Zip archives whose bytes depend only on their entries and a stated time."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable

# Zip timestamps cannot go below 1980.
_ZIP_EPOCH = dt.datetime(1980, 1, 1)


def deterministic_zip(entries: Iterable[tuple[str, bytes]], created: dt.datetime) -> bytes:
    """Entries in the given order, each stamped ``created`` and deflated, mode 0644."""
    stamp = max(created, _ZIP_EPOCH).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries:
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, data)
    return out.getvalue()
