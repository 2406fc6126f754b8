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
BODY_FONT = BundledFont("AR PL UMing CN", "uming.ttc", subfont_index=0)
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


# A slice of the mapped file longer than this is handed out as a window onto the map, not copied.
_WINDOW_FROM = 1 << 20


class _FontMap(mmap.mmap):
    """The mapped file; a long slice of it (in practice only the ``glyf`` table that reportlab's
    ``makeSubset`` takes whole to cut glyphs out of) is a :class:`_Span`, not a copy."""

    def __getitem__(self, key):  # type: ignore[no-untyped-def]  # mmap's own overloads
        if isinstance(key, slice) and key.step is None:
            start, stop, _ = key.indices(len(self))
            if stop - start > _WINDOW_FROM:
                return _Span(self, start, stop)
        return super().__getitem__(key)


class _Span:
    """Part of a mapped font file; slicing it copies only the bytes asked for (one glyph)."""

    def __init__(self, source: mmap.mmap, start: int, stop: int) -> None:
        self._source, self._start, self._stop = source, start, stop

    def __len__(self) -> int:
        return self._stop - self._start

    def __getitem__(self, key: slice) -> bytes:
        start, stop, step = key.indices(len(self))
        if step != 1:
            raise ValueError("a font table span is sliced contiguously")
        return mmap.mmap.__getitem__(self._source, slice(self._start + start, self._start + stop))

    def __bytes__(self) -> bytes:
        return mmap.mmap.__getitem__(self._source, slice(self._start, self._stop))


class MappedFontFile:
    """A font file as reportlab's TTFont reads it (``.read()`` and ``.name``), memory-mapped.

    reportlab otherwise reads the whole file into a bytes object and keeps it for subsetting:
    36 MB for the two faces, in every process that drafts.  Mapped, the pages come from the OS's
    file cache, shared with every other process that has the file open, and only the pages
    actually read count in the process's resident memory.  reportlab's ``makeSubset`` takes the
    whole ``glyf`` table (``get_table('glyf')``) to cut the used glyphs out of it: the map hands
    that out as a :class:`_Span`, so only the glyphs a document uses are read and copied (before,
    the 20 MB table was copied whole at every subsetting, and every page of it touched).
    """

    def __init__(self, path: Path) -> None:
        self.name = str(path)
        with path.open("rb") as file:
            self._map = _FontMap(file.fileno(), 0, access=mmap.ACCESS_READ)

    def read(self) -> mmap.mmap:
        return self._map
