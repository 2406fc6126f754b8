"""The PDF fonts are memory-mapped, not read whole into each drafting process (issue 20: a GUI
session that drafts a bundle stays under 250 MiB)."""

from __future__ import annotations

import mmap
import subprocess
import sys

from reportlab.pdfbase import pdfmetrics

from desktop.documents.pdf import register_fonts
from desktop.fonts import BODY_FONT
from tests.conftest import ROOT

MEASURE = """
import resource
from desktop.documents import pdf
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
pdf.register_fonts()
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024)
"""


def test_registered_fonts_read_a_memory_map() -> None:
    body, title = register_fonts()
    for name in (body, title):
        assert isinstance(pdfmetrics.getFont(name).face._ttf_data, mmap.mmap)


def test_registering_both_fonts_costs_well_under_the_file_sizes() -> None:
    """Read whole, the two faces (36 MB on disk) cost about 60 MiB; mapped, about 25 MiB."""
    grown = float(subprocess.run([sys.executable, "-c", MEASURE], cwd=ROOT, check=True,
                                 capture_output=True, text=True).stdout)
    assert grown < 40, f"registering the PDF fonts grew the process by {grown:.0f} MiB"


def test_subsetting_reads_single_glyphs_from_the_map_not_a_copy_of_the_glyf_table() -> None:
    """reportlab's makeSubset takes the whole glyf table to cut glyphs from: it gets a window
    onto the map instead (``desktop.documents.pdf._quick_subsets``; the 20 MB copy was most of a
    drafting process's peak), and each glyph cut from that window is the file's own bytes."""
    body, _title = register_fonts()
    face = pdfmetrics.getFont(body).face
    glyf = face.get_table("glyf")
    offset, length = face.get_table_pos("glyf")
    assert not isinstance(glyf, bytes | bytearray | mmap.mmap)
    assert len(glyf) == length
    raw = BODY_FONT.path.read_bytes()
    glyph = face.charToGlyph[ord("申")]
    start, stop = face.glyphPos[glyph], face.glyphPos[glyph + 1]
    assert stop > start
    assert glyf[start:stop] == raw[offset + start:offset + stop]
    assert bytes(glyf) == raw[offset:offset + length]
    # Short reads (the tables reportlab parses field by field) are plain bytes as before.
    assert face.get_table("head") == raw[face.get_table_pos("head")[0]:][:face.get_table_pos("head")[1]]
