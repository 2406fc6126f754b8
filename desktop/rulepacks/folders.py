"""Where a data folder keeps its rule packs: one name, shared by the start (which only reads the
current pack's pointer) and the import and trust machinery (which the start does not import)."""

from __future__ import annotations

from pathlib import Path

RULEPACKS_FOLDER = "rulepacks"


def packs_folder(data_dir: Path) -> Path:
    return data_dir / RULEPACKS_FOLDER
