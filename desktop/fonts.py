"""The bundled fonts, shared by the Qt UI and the PDF builders (Qt-free)."""

from __future__ import annotations

import mmap
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


class MappedFontFile:
    """A font file as reportlab's TTFont reads it (``.read()`` and ``.name``), memory-mapped.

    reportlab otherwise reads the whole file into a bytes object and keeps it for subsetting:
    36 MB for the two faces, in every process that drafts.  Mapped, only the tables it parses
    and the glyphs it embeds are paged in, from the OS's file cache (measured: a drafting
    process's fonts cost 24 MiB instead of 60 MiB).  The map is read-only and lives as long as
    the registered font, i.e. the process.
    """

    def __init__(self, path: Path) -> None:
        self.name = str(path)
        with path.open("rb") as file:
            self._map = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)

    def read(self) -> mmap.mmap:
        return self._map
