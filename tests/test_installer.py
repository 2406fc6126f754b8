"""The PyInstaller spec stays buildable: it parses, its entry point runs the CLI, and it ships resources."""

from __future__ import annotations

import ast
import runpy
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "installer" / "desktop.spec"


def test_spec_is_valid_python_and_ships_resources() -> None:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    text = ast.unparse(tree)
    assert "'resources'" in text and "entry.py" in text
    assert "console=False" in text and "console=True" in text


def test_frozen_entry_point_is_the_cli(monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["huiqi-shenbao-cli", "--version"])
    with pytest.raises(SystemExit) as exit_info:
        runpy.run_path(str(ROOT / "installer" / "entry.py"), run_name="__main__")
    assert exit_info.value.code == 0
    assert "0." in capsys.readouterr().out


ISS = ROOT / "installer" / "huiqi.iss"


def iss_sections() -> dict[str, list[str]]:
    """The Inno Setup script's sections and their non-comment lines (no syntax checker for .iss
    exists on PyPI or in Debian; ISCC.exe runs on Windows only, see installer/README.md)."""
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = []
        elif current:
            sections[current].append(line)
    return sections


def test_inno_setup_script_installs_per_user_in_chinese_and_keeps_data() -> None:
    sections = iss_sections()
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert setup["PrivilegesRequired"] == "lowest"  # no administrator prompt
    assert "PrivilegesRequiredOverridesAllowed" not in setup
    assert setup["DefaultDirName"].startswith("{autopf}")  # %LOCALAPPDATA%\Programs when per-user
    assert setup["AppVersion"] == "{#AppVersion}"  # passed in by build.py from the package
    assert [line.split(";")[0] for line in sections["Languages"]] == ['Name: "chinesesimplified"']
    icons = "\n".join(sections["Icons"])
    assert "{group}" in icons and "{autodesktop}" in icons and "Tasks: desktopicon" in icons
    assert any("Flags: unchecked" in line for line in sections["Tasks"])  # desktop icon optional
    assert any("recursesubdirs" in line and "SourceDir" in line for line in sections["Files"])
    code = "\n".join(sections["Code"])
    # The data folder is the one desktop.paths uses on Windows, deleted only on an explicit yes.
    assert "{localappdata}\\{#AppId}" in code and "MB_DEFBUTTON2" in code and "IDYES" in code
    assert "UninstallSilent" in code


def test_inno_setup_data_folder_matches_the_app() -> None:
    from desktop import APP_ID

    assert f'#define AppId "{APP_ID}"' in ISS.read_text(encoding="utf-8")


def test_spec_keeps_only_the_qt_parts_used() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert 'QT_MODULES_USED = {"QtCore", "QtGui", "QtWidgets"}' in text
    assert "upx=False" in text and "upx=True" not in text
    assert "QT_TRANSLATIONS_KEPT" in text


def test_build_check_names_what_is_missing(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "installer"))
    try:
        import build
    finally:
        sys.path.remove(str(ROOT / "installer"))
    folder = tmp_path / build.APP
    (folder / "_internal" / "resources" / "rules").mkdir(parents=True)
    (folder / build.APP).write_bytes(b"x" * 2_000_000)
    problems = build.check(folder, budget_mb=1)
    assert f"missing executable {build.APP}-cli" in problems
    assert "missing resource fonts/uming-cn.ttf" in problems
    assert "missing resource rules" not in problems
    assert any("over the 1 MB budget" in p for p in problems)


def test_the_optional_font_package_holds_what_the_app_treats_as_optional(tmp_path: Path) -> None:
    """The spec leaves out exactly desktop.fonts.OPTIONAL_FONTS; build.py packs them separately."""
    import zipfile

    from desktop.fonts import OPTIONAL_FONTS, OPTIONAL_FONTS_FOLDER, OPTIONAL_FONTS_PACKAGE

    sys.path.insert(0, str(ROOT / "installer"))
    try:
        import build
    finally:
        sys.path.remove(str(ROOT / "installer"))
    spec = SPEC.read_text(encoding="utf-8")
    listed = ast.literal_eval(spec.split("OPTIONAL_FONT_FILES = ", 1)[1].splitlines()[0])
    assert listed == {font.file_name for font in OPTIONAL_FONTS}
    assert build.FONT_PACKAGE == OPTIONAL_FONTS_PACKAGE
    package = build.build_font_package(tmp_path)
    with zipfile.ZipFile(package) as opened:
        names = set(opened.namelist())
    assert {f"{OPTIONAL_FONTS_FOLDER}/{font.file_name}" for font in OPTIONAL_FONTS} <= names
    assert "README.txt" in names and any("LICENSE" in name for name in names)


def test_icu_trim_keeps_chinese_english_and_shared_data_only() -> None:
    sys.path.insert(0, str(ROOT / "installer"))
    try:
        import icu_trim
    finally:
        sys.path.remove(str(ROOT / "installer"))
    kept = ["root.res", "zh.res", "zh_Hans_CN.res", "en_GB.res", "coll/zh.res", "coll/root.res",
            "coll/ucadata.icu", "coll/res_index.res", "res_index.res", "pool.res", "zone/zh.res",
            "supplementalData.res", "likelySubtags.res", "metaZones.res", "zoneinfo64.res",
            "brkitr/cjdict.dict", "brkitr/line.brk", "nfkc.nrm", "cnvalias.icu", "gb18030.cnv",
            "plurals.res"]
    dropped = ["de.res", "fr_CA.res", "coll/ja.res", "sr_Latn_BA.res", "yue_Hant.res", "es_419.res",
               "brkitr/thaidict.dict", "ibm-943_P15A-2003.cnv", "translit/root.res", "zone/ar.res"]
    assert [item for item in kept if icu_trim.dropped(item)] == []
    assert [item for item in dropped if not icu_trim.dropped(item)] == []


def test_the_spec_names_every_lazily_imported_module() -> None:
    """PyInstaller cannot see a module imported by name: each CLI command's module (the frozen
    intake, received, review and summary once crashed without intake_cmd) and the desk's
    PostgreSQL driver, with the package metadata pg8000 and scramp read on import."""
    from desktop.cli.main import COMMANDS

    spec = SPEC.read_text(encoding="utf-8")
    hidden = spec.split("hiddenimports=", 1)[1].split("]", 1)[0]
    for module in {f"desktop.cli.{name}" for name, _help in COMMANDS.values()} | {
            "sqlalchemy.dialects.postgresql.pg8000", "pg8000"}:
        assert f'"{module}"' in hidden, module
    assert 'copy_metadata("pg8000") + copy_metadata("scramp")' in spec
    assert "psycopg" not in spec
