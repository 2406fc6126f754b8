"""The R&D-institution award wizard typed end to end, with the warning when the same
recognition was already claimed in this data folder."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from desktop.applications.stored import create_draft
from desktop.rules.results import Status
from desktop.store.startup import OpenedStore
from desktop.ui.main_window import DASHBOARD_ROW, MainWindow
from tests.ui.wizard.helpers import fill_pages

pytestmark = pytest.mark.gui
PROGRAMME = "sjz-2017-rd-institution"
DOCUMENT_NO = "发改高技〔2018〕123号"
PROFILE = {"name": "石家庄示例药业有限公司", "uscc": "91130100MA07L2T95N", "region_code": "130171",
           "industry_code": "2710", "ownership": "private", "employees": "420", "revenue": "380000000",
           "assets": "520000000", "rd_expense": "21000000"}


def test_rd_wizard_to_bundle_with_a_duplicate_warning(qtbot: QtBot, opened: OpenedStore,
                                                      window_for: Callable[[dict[str, str]], MainWindow],
                                                      tmp_path: Path) -> None:
    # Someone else in this data folder already claimed an award for the same recognition.
    other = opened.store.create_profile({"name": "另一家公司"})
    earlier = create_draft(opened.store, other, "rd_institution", programme_id=PROGRAMME, title="早先的申报",
                           rulepack_id="p", rulepack_version="1")
    opened.store.save_answer(opened.store.single_part(earlier), "institution_document_no", DOCUMENT_NO)

    window = window_for(PROFILE)
    dashboard = window.dashboard
    assert dashboard is not None
    dashboard.set_assessed_on(dt.date(2018, 6, 1))
    window.navigation.setCurrentRow(DASHBOARD_ROW)
    assert dashboard.select_programme(PROGRAMME)
    assert dashboard.current_result is not None and dashboard.current_result.status is Status.UNDETERMINED
    dashboard.detail.anchorClicked.emit(QUrl(f"apply:{PROGRAMME}"))
    frame = window.wizards.frame
    assert frame is not None and frame.page_key == "institution"

    fill_pages(qtbot, frame, {
        "institution": {"institution_name": "石家庄示例药业国家企业技术中心",
                        "institution_kind": "enterprise_tech_center", "institution_level": "national",
                        "institution_document_no": DOCUMENT_NO, "institution_recognised_on": "2018年1月15日",
                        "institution_authority": "国家发展和改革委员会"},
    })
    assert "同一认定" in frame.page_notes["institution"].text()
    fill_pages(qtbot, frame, {
        "staff": {"institution_rd_staff": "86", "institution_rd_spend": "2100万",
                  "institution_summary": "技术中心设三个研究室和一个中试基地。"},
    })
    award = frame.page_notes["staff"].text()
    assert "5,000,000.00 元" in award and "附件 31" in award and "500万元、100万元、10万元" in award
    assert dashboard.assessment is not None
    assert dashboard.assessment.result(PROGRAMME).status is Status.ELIGIBLE
    fill_pages(qtbot, frame, {"enterprise": {"contact_person": "张晓华", "contact_phone": "0311-85123456",
                                             "prepared_on": "2018-06-01"}})
    frame.page_list.setCurrentRow(frame.spec.page_index("review"))
    review = frame.review_view.toPlainText()
    assert "可以生成申报包" in review and "同一认定" in review  # a warning, not a block
    assert "国家发展和改革委员会" in review
    frame.folder.setText(str(tmp_path))
    with qtbot.waitSignal(frame.generated, timeout=60_000) as generated:
        frame.generate_button.click()
    with zipfile.ZipFile(generated.args[0]) as archive:
        names = archive.namelist()
        form = next(n for n in names if n.endswith(".xlsx") and "材料清单" not in n)
        sheet = load_workbook(io.BytesIO(archive.read(form))).active
        cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
        assert "石家庄示例药业国家企业技术中心" in cells and DOCUMENT_NO in cells
        # The recognising authority beside the document number and date.
        at = cells.index("认定单位")
        assert cells[at - 2] == "认定文件文号" and cells[at + 1] == "国家发展和改革委员会"
        assert any(c.startswith("500") for c in cells), cells
