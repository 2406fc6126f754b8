"""Every shipped application example drafts through the CLI into a bundle that verifies,
with every PDF font embedded and every workbook opened by LibreOffice."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from desktop.cli.main import main
from tests.documents.helpers import (
    EXAMPLES,
    libreoffice_convert,
    poppler_text,
    unembedded_fonts,
)

APPLICATION_EXAMPLES = sorted(EXAMPLES.glob("application_*.json"))
KINDS = {"tech_upgrade", "loan_interest", "rd_institution"}


def test_there_is_an_example_per_application_kind() -> None:
    assert {path.stem.removeprefix("application_") for path in APPLICATION_EXAMPLES} == KINDS


def _bundle(example: Path, tmp_path: Path) -> Path:
    out = tmp_path / f"{example.stem}.zip"
    assert main(["draft", str(example), "--out", str(out), "--created", "2020-01-01T09:00:00"]) == 0
    return out


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Path]:
    """Each example drafted once through the CLI; the tests below read these bundles."""
    folder = tmp_path_factory.mktemp("bundles")
    return {example: _bundle(example, folder) for example in APPLICATION_EXAMPLES}


def _documents(bundle: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(bundle) as archive:
        return {Path(name).name: archive.read(name) for name in archive.namelist()
                if name.startswith("documents/")}


@pytest.mark.parametrize("example", APPLICATION_EXAMPLES, ids=lambda p: p.stem)
def test_example_drafts_and_verifies(example: Path, bundles: dict[Path, Path], tmp_path: Path) -> None:
    bundle = bundles[example]
    assert main(["bundle", "verify", str(bundle)]) == 0
    # Drafted again: deterministic, PDFs and workbooks included.
    assert _bundle(example, tmp_path).read_bytes() == bundle.read_bytes()
    documents = _documents(bundle)
    assert any(name.endswith(".pdf") for name in documents)
    assert any(name.endswith(".xlsx") for name in documents)
    assert any("申报材料清单" in name for name in documents)


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("example", APPLICATION_EXAMPLES, ids=lambda p: p.stem)
def test_every_pdf_font_is_embedded(example: Path, bundles: dict[Path, Path], tmp_path: Path) -> None:
    for name, content in _documents(bundles[example]).items():
        if name.endswith(".pdf"):
            assert unembedded_fonts(content, tmp_path) == [], name


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_opens_every_workbook(bundles: dict[Path, Path], tmp_path: Path) -> None:
    workbooks = []
    for example in APPLICATION_EXAMPLES:
        folder = tmp_path / example.stem
        folder.mkdir()
        for name, content in _documents(bundles[example]).items():
            if name.endswith(".xlsx"):
                (folder / name).write_bytes(content)
                workbooks.append(folder / name)
    assert len(workbooks) >= 6
    out = tmp_path / "out"
    # One LibreOffice run per example: names such as 申报材料清单 repeat across examples.
    for folder in {w.parent for w in workbooks}:
        libreoffice_convert([w for w in workbooks if w.parent == folder], out / folder.name,
                            tmp_path / "lo-profile")
    for workbook in workbooks:
        converted = out / workbook.parent.name / (workbook.stem + ".pdf")
        assert converted.is_file(), workbook
        assert workbook.stem.split("_", 1)[1] in poppler_text(converted)
