"""The 收件台 in a named state, for screenshots (run by tools/screenshot.sh).

    SCENE_TOOL=tools/desk_scene.py SCENE=desk-duplicate SCREEN=1366x768 tools/screenshot.sh OUT.png

Scenes: ``desk-duplicate`` (the loan application sent twice, flagged), ``desk-review``
(the R&D application under review, with the county's rule pack giving another amount) and
``desk-rejected`` (the county clerk's forgery, a figure edited and the manifest re-hashed, and
a truncated zip: the 未接收 tab with every reason).
The desk is filled through the real intake core first; the county's pack is the built-in
one with the national R&D award cut to 300 万元.  A tool, not a test: tests/ui/test_desk.py
drives the same widgets and asserts on them.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer

from desktop.applications.io import read_application
from desktop.bundle.build import bundle_bytes
from desktop.documents.drafting import draft
from desktop.intake.desk import Desk, default_url
from desktop.intake.receive import receive
from desktop.rules.database import bundled_pack, load_any
from desktop.rules.pack import RulePack
from desktop.store.startup import open_store
from desktop.ui.app import ROLE_SETTING, Shell, create_application
from desktop.ui.fonts import register_bundled_fonts

ROOT = Path(__file__).resolve().parents[1]
CREATED = dt.datetime(2012, 3, 1, 9, 0)


def county_pack(folder: Path) -> RulePack:
    source = folder / "county-pack"
    shutil.copytree(ROOT / "resources" / "rules" / "source", source)
    programmes = source / "programmes" / "shijiazhuang_2017.yaml"
    text = programmes.read_text(encoding="utf-8")
    county = "fixed: 300万元\n        figure_not_in_excerpt: 县级规则包测试用的自定金额"
    programmes.write_text(text.replace("fixed: 500万元", county, 1), encoding="utf-8")
    pack_yaml = source / "pack.yaml"
    text = pack_yaml.read_text(encoding="utf-8")
    pack_yaml.write_text(text.replace("version: 2026.11.1", "version: 2026.12.1"), encoding="utf-8")
    return load_any(source)


def forged(application: bytes) -> bytes:
    """The clerk's forgery: 申请 500 → 800 万元 in application.json, the manifest re-hashed."""
    import hashlib
    import io
    import json
    import zipfile

    with zipfile.ZipFile(io.BytesIO(application)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    data = json.loads(files["application.json"])
    data["financing"]["requested_subsidy"] = "8000000"
    files["application.json"] = json.dumps(data, ensure_ascii=False).encode("utf-8")
    manifest = json.loads(files["manifest.json"])
    manifest["files"] = {n: {"sha256": hashlib.sha256(d).hexdigest(), "size": len(d)}
                         for n, d in files.items() if n != "manifest.json"}
    files["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def fill_desk(data: Path, pack: RulePack, *, hostile: bool = False) -> Desk:
    usb = data / "usb"
    usb.mkdir()
    attachment = ROOT / "examples" / "attachments" / "备案通知书.pdf"
    for kind in ("tech_upgrade", "loan_interest", "rd_institution"):
        app = read_application(ROOT / "examples" / f"application_{kind}.json")
        extra = {attachment.name: attachment.read_bytes()} if kind == "tech_upgrade" else {}
        (usb / f"{kind}.zip").write_bytes(bundle_bytes(draft(app, bundled_pack(), CREATED), extra))
    loan = read_application(ROOT / "examples" / "application_loan_interest.json")
    (usb / "loan_interest_again.zip").write_bytes(
        bundle_bytes(draft(loan, bundled_pack(), CREATED + dt.timedelta(days=1)), {}))
    if hostile:
        (usb / "技改申报包-改金额重算清单.zip").write_bytes(forged((usb / "tech_upgrade.zip").read_bytes()))
        (usb / "研发机构申报包-截断.zip").write_bytes((usb / "rd_institution.zip").read_bytes()[:3000])
    desk = Desk(default_url(data))
    outcomes = receive(desk, [usb], pack, who="王科长", workers=1)
    desk.record_rejections([(o.path, o.problems) for o in outcomes if not o.accepted], who="王科长")
    return desk


def main(scene: str, out: Path) -> int:
    app = create_application()
    register_bundled_fonts(app)
    data = Path(tempfile.mkdtemp(prefix="desk-scene-"))
    opened = open_store(data)
    opened.store.set_setting(ROLE_SETTING, "official")
    desk = fill_desk(data, county_pack(data) if scene == "desk-review" else bundled_pack(),
                     hostile=scene == "desk-rejected")
    rows = {row.file_name: row.id for row in desk.rows()}
    if scene == "desk-review":
        desk.review(rows["rd_institution.zip"], "reviewing", who="王科长")
    desk.close()
    shell = Shell(app, opened)
    shell.start(os.environ.get("SCENE_LANG", "zh_CN"), ask_first_run=False)
    window = shell.window
    assert window is not None and window.desk_page is not None
    window.move(0, 0)
    screen = app.primaryScreen().availableGeometry()  # smaller in logical pixels at 150 %
    window.resize(min(1366, screen.width()), min(740, screen.height() - 28))
    page = window.desk_page
    page.official.setText("王科长")  # type: ignore[attr-defined]
    chosen = rows["loan_interest_again.zip" if scene == "desk-duplicate" else "rd_institution.zip"]
    page.select(chosen)  # type: ignore[attr-defined]
    if scene == "desk-rejected":
        page.lists.setCurrentWidget(page.rejected)  # type: ignore[attr-defined]

    def grab() -> None:
        geometry = window.frameGeometry()
        app.primaryScreen().grabWindow(0, geometry.x(), geometry.y(), geometry.width(),
                                       geometry.height()).save(str(out))
        print(f"wrote {out}")
        app.quit()

    QTimer.singleShot(1500, grab)  # a tool: let the first paint settle before grabbing
    app.exec()
    shell.close()
    opened.close(backup=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2]).resolve()))
