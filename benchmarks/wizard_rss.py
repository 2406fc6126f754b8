"""Peak memory of a GUI session: open the window and dashboard, run the loan-subsidy wizard to a
bundle.  ``python -m benchmarks.wizard_rss`` prints the peak RSS in MB (target: under 250 MB).

The session runs in a fresh process (offscreen Qt, a new data folder), as a user's would, and
reads its own peak resident set size at the end (``getrusage``: the kernel's high-water mark).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_MB = 250
SESSION = r"""
import datetime as dt, json, resource, sys
from pathlib import Path
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWidgets import QApplication
from desktop.store.startup import open_store
from desktop.ui.app import ROLE_SETTING, Shell

app = QApplication([])
opened = open_store(Path(sys.argv[1]))
opened.store.set_setting(ROLE_SETTING, "enterprise")
profile = opened.store.create_profile({
    "name": "青海示例机械制造有限公司", "uscc": "91630104MA753Q2P1D", "region_code": "630104",
    "industry_code": "3442", "ownership": "private", "employees": "95", "revenue": "42000000",
    "assets": "36000000"})
shell = Shell(app, opened)
shell.start("zh_CN", ask_first_run=False)
window = shell.window
window._fill_profiles(select=profile)
window.dashboard.set_assessed_on(dt.date(2011, 12, 10))
window.dashboard.select_programme("qh-2011-sme-loan-interest")
window.follow_link(QUrl("apply:qh-2011-sme-loan-interest"))
frame = window.wizards.frame
for loan in ({"bank": "青海银行", "contract_no": "QH-2011-0615", "principal": "500万",
              "start_on": "2011-06-15", "end_on": "2012-06-15", "annual_rate": "6.56%"},
             {"bank": "西宁农商银行", "contract_no": "XN-2011-1015", "principal": "100万",
              "start_on": "2011-10-15", "end_on": "2012-03-14", "annual_rate": "6%"}):
    frame.add_rows("loan", [loan])
for key, text in {"loan_purpose": "购买原材料", "contact_person": "李春梅", "contact_phone": "0971-5123456",
                  "pledge_fund_name": "中小企业流动资金贷款贴息", "pledge_management_measures": "管理办法",
                  "pledge_indicators": "按期还款", "pledge_construction_period": "2011年12月至2012年12月",
                  "prepared_on": "2011-12-10"}.items():
    frame.inputs[key].set_answer(text)
    frame.edited(key, text)
frame.go_to_page("review")
frame.folder.setText(sys.argv[2])
frame.generated.connect(lambda path: app.quit())
QTimer.singleShot(0, frame.generate)
QTimer.singleShot(120_000, app.quit)
app.exec()
ok = frame.bundle_path is not None and frame.bundle_path.exists()
shell.close()
opened.close(backup=False)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"bundle": ok, "peak_rss_mb": round(peak, 1)}))
"""


def measure() -> dict[str, object]:
    with tempfile.TemporaryDirectory() as work:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
        done = subprocess.run([sys.executable, "-c", SESSION, str(Path(work) / "data"), work],
                              capture_output=True, text=True, env=env, cwd=ROOT, timeout=300, check=True)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


if __name__ == "__main__":
    figures = measure()
    figures["target_mb"] = TARGET_MB
    print(json.dumps(figures, ensure_ascii=False))
