"""Screenshot the rule-pack dialog after importing a pack with a changed threshold.

Run under Xvfb (see tools/screenshot.sh for the font set-up), e.g.::

    DISPLAY=:97 QT_QPA_PLATFORM=xcb python tools/rulepack_scene.py docs/screenshots/rulepack-changes.png
    DISPLAY=:97 QT_QPA_PLATFORM=xcb python tools/rulepack_scene.py /tmp/untrusted.png untrusted

The pack is next year's shipped source with the loan-term threshold raised from 6 to 12
months and the provincial R&D award from 100 to 150 万元, signed by a key made on the spot
and trusted in a temporary data folder; one open draft of the loan programme is affected.
A tool, not a test: tests/ui/test_rulepack_dialog.py drives the same dialog and asserts.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer

from desktop.paths import resource
from desktop.rulepacks.build import sign_source
from desktop.rulepacks.keys import generate_keypair
from desktop.rulepacks.trust import trust
from desktop.store.startup import open_store
from desktop.ui.app import create_application
from desktop.ui.fonts import register_bundled_fonts
from desktop.ui.rulepack_dialog import RulePackDialog


def next_years_source(work: Path) -> Path:
    source = work / "source"
    shutil.copytree(resource("rules", "source"), source)
    # The shipped texts still state the old figures, so the edits are marked as exceptions.
    unquoted = "figure_not_in_excerpt: 示例：模拟下一年度的新规定，随包的原文仍是旧文本"
    edits = {"pack.yaml": ("version: 2026.11.1", "version: 2027.1.0"),
             "programmes/qinghai_2011.yaml": ('op: ">=", value: 6}',
                                              f'op: ">=", value: 12}}\n          {unquoted}'),
             "programmes/shijiazhuang_2017.yaml": ("fixed: 100万元", f"fixed: 150万元\n        {unquoted}")}
    for name, (old, new) in edits.items():
        path = source / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    # A threshold with a long label, and one programme dropped (its long id must show whole).
    jobs = source / "programmes" / "qinghai_2013.yaml"
    jobs.write_text(jobs.read_text(encoding="utf-8").replace(
        'unemployment_insurance_years, op: ">=", value: 1}',
        f'unemployment_insurance_years, op: ">=", value: 2}}\n        {unquoted}', 1), encoding="utf-8")
    industry = source / "programmes" / "qinghai_2013_industry.yaml"
    text = industry.read_text(encoding="utf-8")
    start = text.index("  - id: qh-2013-consumer-goods-new-enterprise")
    end = text.find("\n  - id: ", start + 1)
    industry.write_text(text[:start] + (text[end + 1:] if end > 0 else ""), encoding="utf-8")
    release = source / "release.yaml"
    notes = ("  - 流动资金贷款贴息：贷款期由6个月以上调整为12个月以上。\n"
             "  - 省级企业技术中心等一次性奖励由100万元调整为150万元。\n"
             "  - 小微企业岗位补贴：缴费年限由满一年调整为满两年；消费品工业新办企业奖励不再列出。\n")
    text = release.read_text(encoding="utf-8").replace("  - 内置规则包", notes + "  - 内置规则包")
    text = text.replace("valid_from: 2026-11-01", "valid_from: 2027-01-01").replace(
        "valid_until: 2027-12-31", "valid_until: 2028-12-31")
    release.write_text(text, encoding="utf-8")
    return source


def main(out: Path, untrusted: bool = False) -> int:
    app = create_application()
    register_bundled_fonts(app)
    work = Path(tempfile.mkdtemp(prefix="rulepack-scene-"))
    data = work / "data"
    data.mkdir()
    key = generate_keypair(work / "authority.key")
    if not untrusted:  # "untrusted": the refusal a PC shows for a key it was never given
        trust(data, work / "authority.key.pub")
    pack = work / "huiqi-2027.1.0.zip"
    sign_source(next_years_source(work), work / "authority.key", pack, resource("policies"))
    print("signed by", key.fingerprint)
    opened = open_store(data)
    profile = opened.store.create_profile({"name": "青海高原机械有限公司"})
    opened.store.create_application(profile, "loan_interest", programme_id="qh-2011-sme-loan-interest",
                                    title="2027年流动资金贷款贴息", rulepack_id="huiqi-builtin",
                                    rulepack_version="2026.11.1")
    dialog = RulePackDialog(data, opened.store.list_applications)
    dialog.move(0, 0)
    dialog.show()
    dialog.load(pack)
    if not untrusted:
        dialog.install()

    def grab() -> None:
        geometry = dialog.frameGeometry()
        app.primaryScreen().grabWindow(0, geometry.x(), geometry.y(), geometry.width(),
                                       geometry.height()).save(str(out))
        print(f"wrote {out}")
        app.quit()

    QTimer.singleShot(1500, grab)  # a tool: let the first paint settle before grabbing
    app.exec()
    dialog.close()
    opened.close(backup=False)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]).resolve(), sys.argv[2:] == ["untrusted"]))
