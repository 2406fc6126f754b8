"""Build the frozen one-folder app: ``python installer/build.py``.

Runs PyInstaller on ``installer/desktop.spec`` (output in ``dist/huiqi-shenbao/``), then checks
what came out: both executables, the bundled resources, and the size budget; prints the size and
the ten largest parts.  Then writes the optional rare-character font package beside it,
``dist/huiqi-shenbao-fonts-rare-<version>.zip`` (a ``fonts/`` folder to unpack into the app's
folder; see installer/README.md).  On Windows, ``--installer`` then compiles ``installer/huiqi.iss`` with
Inno Setup's ``ISCC.exe`` (found on PATH or in the default install folder), passing the version.
Exit code 1 when a check fails.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = "huiqi-shenbao"
BUDGET_MB = 150
# What the frozen app cannot work without: each is looked up under _internal/resources.
REQUIRED_RESOURCES = ("rules", "policies", "fonts/uming-cn.ttf", "fonts/TitleKai-Bold.ttf",
                      "i18n/desktop_en.qm", "schema", "reference", "samples")
ISCC_DEFAULTS = (r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe", r"C:\Program Files\Inno Setup 6\ISCC.exe")


# The optional font package: what desktop.fonts.OPTIONAL_FONTS lists, with its licence.
FONT_PACKAGE = "huiqi-shenbao-fonts-rare"
FONT_PACKAGE_FILES = {"fonts/HanaMinB-ExtB-E.ttf": "resources/fonts/HanaMinB-ExtB-E.ttf",
                      "fonts/LICENSE-hanazono-debian-copyright.txt":
                          "resources/fonts/LICENSE-hanazono-debian-copyright.txt"}
FONT_PACKAGE_README = """惠企申报助手 生僻字字体包 {version}

内容：花园明朝 B（HanaMin B，GlyphWiki）截取的 CJK 扩展 B～E 区汉字（𠀀、𫖯、𬭚 等名字用字），
供申报材料（PDF）打印这些字。没有本字体包时程序照常使用；只是含这些字的姓名、名称在生成
材料前会被指出，请改用规范汉字或安装本字体包。

安装：把本压缩包解压到程序所在的文件夹（例如 %LOCALAPPDATA%\\Programs\\惠企申报助手\\），
使 fonts 文件夹与 huiqi-shenbao 程序放在一起，然后重新打开程序。
许可：见 fonts/LICENSE-hanazono-debian-copyright.txt（Hanazono Font License 或 SIL OFL 1.1）。
"""


def version() -> str:
    text = (ROOT / "desktop" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__\s*=\s*"([^"]+)"', text)
    assert found is not None, "desktop/__init__.py has no __version__"
    return found.group(1)


def executable(folder: Path, name: str) -> Path:
    return folder / (f"{name}.exe" if sys.platform == "win32" else name)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def largest_parts(folder: Path, count: int = 10) -> list[tuple[int, str]]:
    files = [(p.stat().st_size, p.relative_to(folder).as_posix())
             for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sorted(files, reverse=True)[:count]


def check(folder: Path, budget_mb: float) -> list[str]:
    """Problems with a built folder; empty when it is complete and within budget."""
    problems = []
    for name in (APP, f"{APP}-cli"):
        if not executable(folder, name).is_file():
            problems.append(f"missing executable {executable(folder, name).name}")
    resources = folder / "_internal" / "resources"
    problems += [f"missing resource {item}" for item in REQUIRED_RESOURCES
                 if not (resources / item).exists()]
    size_mb = folder_size(folder) / 1e6
    if size_mb > budget_mb:
        problems.append(f"the folder is {size_mb:.1f} MB, over the {budget_mb:g} MB budget")
    return problems


def report(folder: Path) -> str:
    lines = [f"{folder}: {folder_size(folder) / 1e6:.1f} MB "
             f"({sum(1 for p in folder.rglob('*') if p.is_file())} files); ten largest parts:"]
    lines += [f"  {size / 1e6:7.1f} MB  {name}" for size, name in largest_parts(folder)]
    return "\n".join(lines)


def build(dist: Path, work: Path) -> Path:
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work),
                    str(ROOT / "installer" / "desktop.spec")], cwd=ROOT, check=True)
    return dist / APP


def build_font_package(dist: Path) -> Path:
    """The optional rare-character font package: a zip holding ``fonts/`` and a README."""
    target = dist / f"{FONT_PACKAGE}-{version()}.zip"
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as package:
        for name, source in FONT_PACKAGE_FILES.items():
            package.write(ROOT / source, name)
        package.writestr("README.txt", FONT_PACKAGE_README.format(version=version()))
    return target


def find_iscc() -> str | None:
    return shutil.which("ISCC") or next((p for p in ISCC_DEFAULTS if Path(p).is_file()), None)


def build_installer(dist: Path) -> Path:
    iscc = find_iscc()
    if iscc is None:
        raise SystemExit("Inno Setup 6 (ISCC.exe) not found; see installer/README.md")
    out = dist / "installer"
    subprocess.run([iscc, f"/DAppVersion={version()}", f"/DSourceDir={dist / APP}", f"/O{out}",
                    str(ROOT / "installer" / "huiqi.iss")], check=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python installer/build.py", description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work folder")
    parser.add_argument("--check-only", action="store_true", help="check an existing build, do not build")
    parser.add_argument("--budget-mb", type=float, default=BUDGET_MB)
    parser.add_argument("--installer", action="store_true",
                        help="Windows: also compile installer/huiqi.iss with Inno Setup")
    args = parser.parse_args(argv)
    folder = args.dist / APP if args.check_only else build(args.dist, args.work)
    print(f"{APP} {version()}")
    print(report(folder))
    problems = check(folder, args.budget_mb)
    for problem in problems:
        print(f"FAILED: {problem}", file=sys.stderr)
    # The package is written whatever the checks say: smoke.py needs it beside the folder.
    package = build_font_package(args.dist)
    print(f"optional font package: {package} ({package.stat().st_size / 1e6:.1f} MB)")
    if problems:
        return 1
    if args.installer:
        print(f"installer written to {build_installer(args.dist)}")
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
