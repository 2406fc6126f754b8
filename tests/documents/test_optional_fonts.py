"""The rare-character face (CJK Ext-B…E, 27 MB) is an optional font package next to the app.

Without it the app and its PDFs work, and a name holding such a character is refused before
drafting with the field, the character and where to put the package; with the package's
``fonts/`` folder beside the program, the character prints from it.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop import fonts
from desktop.applications.io import read_application
from desktop.documents import pdf
from desktop.documents.drafting import DraftError, draft
from desktop.rules.database import bundled_pack
from tests.documents.helpers import pdf_text

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "application_rd_institution.json"
CREATED = dt.datetime(2018, 6, 1, 9, 0)
SHIPPED = fonts.resource("fonts", fonts.EXT_B_FONT.file_name)


@pytest.fixture
def frozen_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A frozen app in ``tmp_path/app`` whose resources have no rare-character face."""
    app = tmp_path / "app"
    resources = tmp_path / "resources"
    (resources / "fonts").mkdir(parents=True)
    real = fonts.resource

    def resource(*parts: str) -> Path:
        if parts == ("fonts", fonts.EXT_B_FONT.file_name):
            return resources.joinpath(*parts)  # not there: the package is not in the app folder
        return real(*parts)

    monkeypatch.setattr(fonts, "resource", resource)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app / "huiqi-shenbao"))
    pdf._fallback.cache_clear()
    yield app
    pdf._fallback.cache_clear()


def _draft_with_contact(person: str) -> bytes:
    application = read_application(EXAMPLE)
    application.contact.person = person
    result = draft(application, bundled_pack(), CREATED)
    return result.documents["01_研发机构奖励申请表.pdf"]


def test_without_the_package_a_rare_character_is_refused_naming_the_package(frozen_app: Path) -> None:
    assert not fonts.EXT_B_FONT.available
    assert fonts.EXT_B_FONT.path == frozen_app / "fonts" / fonts.EXT_B_FONT.file_name
    with pytest.raises(DraftError) as caught:
        _draft_with_contact("王𫖯")
    problem = next(p for p in caught.value.problems if "contact.person" in p)
    assert "𫖯" in problem and "U+2B5AF" in problem
    assert fonts.OPTIONAL_FONTS_PACKAGE in problem and "生僻字字体包" in problem
    # Everything else still drafts, in the bundled faces.
    assert "王建国" in pdf_text(_draft_with_contact("王建国"))


def test_a_character_no_font_has_is_not_blamed_on_the_package(frozen_app: Path) -> None:
    with pytest.raises(DraftError) as caught:
        _draft_with_contact("王😀")
    problem = next(p for p in caught.value.problems if "contact.person" in p)
    assert fonts.OPTIONAL_FONTS_PACKAGE not in problem and "请改用规范汉字" in problem


def test_the_package_next_to_the_app_prints_the_rare_character(frozen_app: Path) -> None:
    (frozen_app / "fonts").mkdir(parents=True)
    (frozen_app / "fonts" / fonts.EXT_B_FONT.file_name).symlink_to(SHIPPED)
    assert fonts.EXT_B_FONT.available
    content = _draft_with_contact("王𫖯")
    assert "王𫖯" in pdf_text(content)
    used = {str(font.get_object()["/BaseFont"])
            for font in PdfReader(io.BytesIO(content)).pages[0]["/Resources"]["/Font"].values()}
    assert any("HanaMinB" in name for name in used)
