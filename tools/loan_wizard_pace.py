"""Count the fields a Qinghai SME with two loans must fill for the loan-subsidy application, and
time filling them at a person's pace in the real window (offscreen).

Pace: ASCII (digits, dates, codes) 0.3 s per key; Chinese through a pinyin input method 1.2 s per
character (typing plus choosing the candidate); 3 s to find and enter each field; 10 s to read
each page before starting it.  The clock is the event loop's: every wait is real.
``QT_QPA_PLATFORM=offscreen python tools/loan_wizard_pace.py``
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from desktop.store.startup import open_store
from desktop.ui.app import ROLE_SETTING, Shell

ASCII_MS, CJK_MS, FIELD_MS, PAGE_MS = 300, 1200, 3000, 10_000
if "--fast" in sys.argv:  # a check of the script itself, not a measurement
    ASCII_MS, CJK_MS, FIELD_MS, PAGE_MS = 1, 1, 1, 1
PROFILE = {"enterprise.name": "青海示例机械制造有限公司", "enterprise.uscc": "91630104MA753Q2P1D",
           "enterprise.region_code": "630104", "enterprise.industry_code": "3442",
           "enterprise.employees": "95", "enterprise.revenue": "42000000", "enterprise.assets": "36000000"}
LOANS = ({"bank": "青海银行", "contract_no": "QH-2011-0615", "principal": "500万", "start_on": "2011-06-15",
          "end_on": "2012-06-15", "annual_rate": "6.56%"},
         {"bank": "西宁农商银行", "contract_no": "XN-2011-1015", "principal": "100万",
          "start_on": "2011-10-15", "end_on": "2012-03-14", "annual_rate": "6%"})
PAGES = {"loans": {"loan_purpose": "贷款用于购买钢材等原材料和支付工资"},
         "enterprise": {"contact_person": "李春梅", "contact_phone": "0971-5123456"},
         "pledge": {"pledge_fund_name": "中小企业流动资金贷款贴息",
                    "pledge_management_measures": "青海省中小企业发展专项资金管理办法",
                    "pledge_indicators": "2012年销售收入4600万元",
                    "pledge_construction_period": "2011年12月至2012年12月"}}


def wait(ms: int) -> None:
    QTest.qWait(ms)


def type_at_pace(target: QWidget, text: str) -> None:
    wait(FIELD_MS)
    target.setFocus()
    for char in text:
        if char.isascii():
            QTest.keyClicks(target, char)
            wait(ASCII_MS)
        else:
            wait(CJK_MS)
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(target, event)
    if isinstance(target, QLineEdit):
        QTest.keyClick(target, Qt.Key.Key_Tab)


def main() -> int:
    app = QApplication(sys.argv)
    opened = open_store(Path(tempfile.mkdtemp(prefix="pace-")))
    opened.store.set_setting(ROLE_SETTING, "enterprise")
    shell = Shell(app, opened)
    shell.start("zh_CN", ask_first_run=False)
    window = shell.window
    assert window is not None
    fields = 0
    started = time.monotonic()
    window.new_profile()
    for path, text in PROFILE.items():
        edit = window.profile_editor.edits[path]
        target = edit.lineEdit() if hasattr(edit, "lineEdit") and edit.lineEdit() else edit
        type_at_pace(target, text)
        fields += 1
    assert window.dashboard is not None
    window.dashboard.set_assessed_on(dt.date(2011, 12, 10))
    window.dashboard.select_programme("qh-2011-sme-loan-interest")
    wait(PAGE_MS)
    window.follow_link(QUrl("apply:qh-2011-sme-loan-interest"))
    frame = window.wizards.frame
    assert frame is not None
    table = frame.tables["loan"]
    for row, loan in enumerate(LOANS):
        table.add_button.click()
        for column, spec in enumerate(table.columns):
            view = table.table
            view.setFocus()
            view.setCurrentCell(row, column)
            QTest.keyClick(view, Qt.Key.Key_F2)
            editors = [w for w in view.viewport().findChildren(QLineEdit) if w.isVisible()]
            type_at_pace(editors[0], loan[spec.field])
            QTest.keyClick(editors[0], Qt.Key.Key_Return)
            wait(50)
            fields += 1
    for page, answers in PAGES.items():
        frame.go_to_page(page)
        wait(PAGE_MS)
        for key, text in answers.items():
            edit = frame.inputs[key]
            type_at_pace(getattr(edit, "line", None) or edit.edit, text)
            fields += 1
    frame.go_to_page("review")
    wait(PAGE_MS)
    elapsed = time.monotonic() - started
    review = frame.current_review
    print(f"fields filled: {fields}; time: {elapsed / 60:.1f} min; "
          f"can generate: {review is not None and review.can_generate}")
    if review is not None:
        print("\n".join(review.blocking))
    shell.close()
    opened.close(backup=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
