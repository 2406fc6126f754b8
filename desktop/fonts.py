"""The bundled fonts, shared by the Qt UI and the PDF builders (Qt-free)."""

from __future__ import annotations

import mmap
import sys
from dataclasses import dataclass
from pathlib import Path

from desktop.paths import resource

# The optional font package: faces too large to ship in every installation, unpacked next to
# the app as ``fonts/`` (installer/README.md).  The app and its PDFs work without it; a
# character only such a face has is then named before drafting (desktop.documents.glyphs).
OPTIONAL_FONTS_PACKAGE = "huiqi-shenbao-fonts-rare"
OPTIONAL_FONTS_FOLDER = "fonts"


def app_folder() -> Path:
    """The folder the program was started from: the frozen app's own folder, or the checkout."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class BundledFont:
    family: str
    file_name: str
    # Index inside a TrueType collection (.ttc); 0 for plain .ttf files.
    subfont_index: int = 0
    # Shipped in the optional font package rather than in every installation.
    optional: bool = False

    @property
    def path(self) -> Path:
        """Where the face is: the bundled resources, else (optional faces) the font package."""
        bundled = resource("fonts", self.file_name)
        if not self.optional or bundled.is_file():
            return bundled
        return app_folder() / OPTIONAL_FONTS_FOLDER / self.file_name

    @property
    def available(self) -> bool:
        return self.path.is_file()


# AR PL UMing CN: a Ming/Song body face with TrueType outlines, so reportlab can embed it.
BODY_FONT = BundledFont("AR PL UMing CN", "uming-cn.ttf")
# LXGW WenKai Bold: TrueType with a real bold weight, for titles; cut to the characters titles
# use and renamed "Huiqi Title Kai", as the OFL asks of a modified font (tools/cut_fonts.py).
TITLE_FONT = BundledFont("Huiqi Title Kai", "TitleKai-Bold.ttf")
# Fallbacks for characters the body face lacks, tried in this order (docs/DOCUMENTS.md).
# HanaMin B (GlyphWiki, Hanazono licence or OFL; Debian fonts-hanazono), cut to CJK Ext-B…E:
# the rare characters of names (𠀀, 𫖯, 𬭚) that UMing, a BMP font, does not have.
# 27 MB of outlines for names' rare characters: in the optional font package, not the app folder.
EXT_B_FONT = BundledFont("HanaMinB", "HanaMinB-ExtB-E.ttf", optional=True)
# What the optional package holds, and the characters only it covers (CJK Ext-B…E).
OPTIONAL_FONTS = (EXT_B_FONT,)
OPTIONAL_RANGES = ((0x20000, 0x2CEAF),)
# HanaMin A cut to the CJK characters of the BMP that UMing lacks (Ext-A, 鿏 and later additions).
BMP_SUPPLEMENT_FONT = BundledFont("HanaMinA", "HanaMinA-Supplement.ttf")
# DejaVu Sans (Debian fonts-dejavu-core), cut to Latin and U+2000–2BFF: ™, arrows, math signs.
SYMBOL_FONT = BundledFont("DejaVu Sans", "DejaVuSans-Symbols.ttf")


class MappedFontFile:
    """A font file as reportlab's TTFont reads it (``.read()`` and ``.name``), memory-mapped.

    reportlab otherwise reads the whole file into a bytes object and keeps it for subsetting:
    36 MB for the two faces, in every process that drafts.  Mapped, the pages come from the OS's
    file cache, shared with every other process that has the file open, and only the pages
    actually read count in the process's resident memory.  Subsetting slices glyphs out of the
    map one by one instead of copying the whole ``glyf`` table (``desktop.documents.pdf``).
    """

    def __init__(self, path: Path) -> None:
        self.name = str(path)
        with path.open("rb") as file:
            self._map = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)

    def read(self) -> mmap.mmap:
        return self._map
