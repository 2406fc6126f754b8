"""Reading drafted documents back the way a reviewer would: text, fonts, workbooks."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from pypdf import PdfReader

from desktop.applications.io import read_application
from desktop.documents.drafting import draft
from desktop.rules.database import bundled_pack
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"


def draft_example(name: str, created: dt.datetime, application: Any = None) -> dict[str, bytes]:
    app = application or read_application(EXAMPLES / name)
    return draft(app, bundled_pack(), created).documents


def pdf_text(content: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def squashed_pdf_text(content: bytes) -> str:
    return squash(pdf_text(content))


def poppler_text(pdf: Path) -> str:
    """Text of a PDF another program made (LibreOffice), read by poppler's pdftotext: pypdf 7
    collapses the glyph map of LibreOffice's font subsets into one repeated character."""
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          check=True, timeout=60)
    return squash(done.stdout.decode("utf-8"))


def sheet_of(content: bytes) -> Worksheet:
    sheet = load_workbook(io.BytesIO(content)).active
    assert isinstance(sheet, Worksheet)
    return sheet


def cell_texts(sheet: Worksheet) -> list[Any]:
    return [c.value for row in sheet.iter_rows() for c in row if c.value is not None]


def unembedded_fonts(content: bytes, tmp_path: Path) -> list[str]:
    """pdffonts lines of fonts that are not embedded as subsets (an empty list is good)."""
    path = tmp_path / "doc.pdf"
    path.write_bytes(content)
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert lines, "a PDF without fonts has no text"
    return [line for line in lines if (line.split()[-5], line.split()[-4]) != ("yes", "yes")]


def libreoffice_convert(workbooks: list[Path], out: Path, profile: Path) -> None:
    # A private profile: never touch (or wait on) a user's LibreOffice settings.  The bundled
    # fonts are offered to LibreOffice too: a bare CI machine has no Chinese font at all, and
    # 宋体 would otherwise print as boxes whose text cannot be read back.
    profile.mkdir(parents=True, exist_ok=True)
    fonts_conf = profile / "fonts.conf"
    fonts_conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f'<dir>{ROOT / "resources" / "fonts"}</dir><cachedir>{profile / "fc-cache"}</cachedir>'
        '</fontconfig>', encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(fonts_conf)}
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), *map(str, workbooks)],
                   check=True, capture_output=True, timeout=300, env=env)
