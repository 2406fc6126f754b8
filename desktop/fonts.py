"""The bundled fonts, shared by the Qt UI and the PDF builders (Qt-free)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.paths import resource


@dataclass(frozen=True)
class BundledFont:
    family: str
    file_name: str
    # Index inside a TrueType collection (.ttc); 0 for plain .ttf files.
    subfont_index: int = 0

    @property
    def path(self) -> Path:
        return resource("fonts", self.file_name)


# AR PL UMing CN: a Ming/Song body face with TrueType outlines, so reportlab can embed it.
BODY_FONT = BundledFont("AR PL UMing CN", "uming.ttc", subfont_index=0)
# LXGW WenKai Bold: TrueType with a real bold weight, for titles.
TITLE_FONT = BundledFont("LXGW WenKai", "LXGWWenKai-Bold.ttf")
