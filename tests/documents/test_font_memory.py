"""The PDF fonts are memory-mapped, not read whole into each drafting process (issue 20: a GUI
session that drafts a bundle stays under 250 MiB)."""

from __future__ import annotations

import mmap
import subprocess
import sys

from reportlab.pdfbase import pdfmetrics

from desktop.documents.pdf import register_fonts
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
