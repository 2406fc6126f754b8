"""Two different spans, worded so nobody mixes them up.

A signed pack has its own validity (``valid_from``/``valid_until`` in the manifest: when the
authority means it to be used, after which it may be stale).  The policies inside have their
in-force spans (施行期), which may have ended years ago.  A pack whose validity starts in the
future installs at once (it is the newest the authority published) and says from when it applies.
"""

from __future__ import annotations

import datetime as dt

from desktop.rulepacks.manifest import Manifest


def pack_validity_words(manifest: Manifest, on: dt.date) -> str:
    """``"规则包有效期 2027-01-01 至 2028-12-31"``, or ``"规则包自 2027-01-01 起生效，有效期至 …"``."""
    start, end = manifest.valid_from.isoformat(), manifest.valid_until.isoformat()
    if manifest.valid_from > on:
        return f"规则包自 {start} 起生效，有效期至 {end}"
    return f"规则包有效期 {start} 至 {end}"


def future_start_note(manifest: Manifest, on: dt.date | None = None) -> str | None:
    """A note for a pack whose validity starts after ``on`` (today); None otherwise."""
    on = on or dt.date.today()
    if manifest.valid_from <= on:
        return None
    return (f"注意：此规则包自 {manifest.valid_from.isoformat()} 起生效"
            f"（规则包有效期至 {manifest.valid_until.isoformat()}）。已安装并用于自评；"
            "各项政策能否申报，仍以各自政策的施行期为准。")
