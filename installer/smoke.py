"""Run the frozen app as a user would: ``python installer/smoke.py [--dist dist]``.

Uses only the executables in ``dist/huiqi-shenbao/`` (no Python from the checkout): ``--version``;
``assess`` on an example; ``draft`` of an example application and ``bundle verify`` of the bundle
it wrote; ``intake`` of that bundle on SQLite and on PostgreSQL (pg8000: an unreachable server
named, and a throwaway server when the PostgreSQL binaries are installed); the GUI's
``--smoke-test`` offscreen; and, with the bundled resources moved away, that
the app refuses plainly (exit 3, the message naming resources/) instead of half-working; and
that a rare name character is refused without the optional font package and prints with it.
Prints one line per check and exits 1 when any fails.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "installer"))
sys.path.insert(1, str(ROOT))  # tests.intake.postgres: a throwaway server for the desk's check
from build import APP, FONT_PACKAGE, executable, version  # noqa: E402  (installer/ is not a package)

EXAMPLES = ROOT / "examples"


def run(exe: Path, *args: str, data: Path,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe), "--data-dir", str(data), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300, env={**os.environ, **(env or {})})


def checks(folder: Path, work: Path) -> list[tuple[str, Callable[[], str | None]]]:
    cli, gui = executable(folder, f"{APP}-cli"), executable(folder, APP)
    data, bundle = work / "data", work / "rd.zip"

    def expect(result: subprocess.CompletedProcess[str], code: int = 0) -> str | None:
        if result.returncode != code:
            return f"exit {result.returncode} (wanted {code}): {result.stderr.strip()[-600:]}"
        return None

    def version_check() -> str | None:
        result = run(cli, "--version", data=data)
        return expect(result) or (None if version() in result.stdout else f"no version in {result.stdout!r}")

    def assess_check() -> str | None:
        result = run(cli, "assess", str(EXAMPLES / "sjz_rd_institution.json"), "--on", "2018-06-01",
                     "--json", data=data)
        if problem := expect(result):
            return problem
        statuses = {r["programme_id"]: r["status"] for r in json.loads(result.stdout)["results"]}
        wanted = statuses.get("sjz-2017-rd-institution")
        return None if wanted == "eligible" else f"R&D award came out {wanted!r}"

    def draft_check() -> str | None:
        result = run(cli, "draft", str(EXAMPLES / "application_rd_institution.json"), "--out", str(bundle),
                     "--created", "2018-06-01T09:00:00", data=data)
        return expect(result) or (None if bundle.stat().st_size > 10_000 else "bundle is too small")

    def verify_check() -> str | None:
        result = run(cli, "bundle", "verify", str(bundle), data=data)
        return expect(result)

    def desk_sqlite_check() -> str | None:
        return expect(run(cli, "intake", str(bundle), "--workers", "1", data=data))

    def desk_postgres_check() -> str | None:
        """pg8000 (imported by name) and scramp (reading its metadata) load in the frozen app: an
        unreachable server is named in Chinese; with the PostgreSQL binaries, a real round trip."""
        gone = f"postgresql+pg8000://desk:pw@/desk?unix_sock={work / 'none' / '.s.PGSQL.5432'}"
        refused = run(cli, "received", "--db", gone, data=data)
        if refused.returncode != 1 or "连接不上数据库服务器" not in refused.stderr:
            return f"unreachable server: exit {refused.returncode}, {refused.stderr.strip()[-300:]!r}"
        from tests.intake import postgres

        if not postgres.available():
            return None
        with postgres.throwaway_server() as url:
            received = run(cli, "intake", str(bundle), "--db", url, "--workers", "1", data=data)
            listed = run(cli, "received", "--db", url, "--json", data=data)
        if received.returncode != 0 or listed.returncode != 0:
            return expect(received) or expect(listed)
        rows = json.loads(listed.stdout)
        return None if len(rows) == 1 else f"received lists {len(rows)} applications, not 1"

    def gui_check() -> str | None:
        result = run(gui, "--smoke-test", data=data, env={"QT_QPA_PLATFORM": "offscreen"})
        return expect(result) or (None if "smoke test ok" in result.stdout else result.stdout[-600:])

    def missing_resources_check() -> str | None:
        resources = folder / "_internal" / "resources"
        moved = resources.with_name("resources.moved-by-smoke")
        resources.rename(moved)
        try:
            result = run(cli, "assess", str(EXAMPLES / "sjz_rd_institution.json"), data=data)
        finally:
            moved.rename(resources)
        return expect(result, 3) or (None if "resources" in result.stderr else result.stderr[-600:])

    def rare_character_check() -> str | None:
        """Without the optional font package a rare name character is refused, naming the
        package; with the package unpacked into the folder it prints."""
        application = json.loads((EXAMPLES / "application_rd_institution.json").read_text(encoding="utf-8"))
        application["contact"]["person"] = "王𫖯"
        source, out = work / "rare.json", work / "rare.zip"
        source.write_text(json.dumps(application, ensure_ascii=False), encoding="utf-8")
        if not (work / "attachments").exists():  # attachments are read beside the application
            shutil.copytree(EXAMPLES / "attachments", work / "attachments")
        args = ("draft", str(source), "--out", str(out), "--created", "2018-06-01T09:00:00")
        if (folder / "fonts").exists():
            return "fonts/ is already in the app folder: the build must not ship the font package"
        refused = run(cli, *args, data=data)
        if refused.returncode == 0 or FONT_PACKAGE not in refused.stdout + refused.stderr:
            return f"without the package: exit {refused.returncode}, {refused.stderr.strip()[-300:]!r}"
        package = folder.parent / f"{FONT_PACKAGE}-{version()}.zip"
        if not package.is_file():
            return f"no font package {package.name} beside the folder"
        with zipfile.ZipFile(package) as opened:
            opened.extractall(folder)
        try:
            return expect(run(cli, *args, data=data))
        finally:
            shutil.rmtree(folder / "fonts")
            (folder / "README.txt").unlink(missing_ok=True)

    return [("--version", version_check), ("assess example", assess_check), ("draft example", draft_check),
            ("bundle verify", verify_check), ("intake on SQLite", desk_sqlite_check),
            ("intake on PostgreSQL (pg8000)", desk_postgres_check),
            ("GUI --smoke-test (offscreen)", gui_check),
            ("missing resources refused", missing_resources_check),
            ("rare character: refused without the font package, printed with it", rare_character_check)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python installer/smoke.py")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    folder = args.dist / APP
    failed = []
    with tempfile.TemporaryDirectory(prefix="huiqi-frozen-") as work:
        for name, check in checks(folder, Path(work)):
            problem = check()
            verdict = "ok  " if problem is None else "FAIL"
            print(f"{verdict} frozen {name}" + (f": {problem}" if problem else ""))
            if problem is not None:
                failed.append(name)
    print(f"frozen app: {'FAILED ' + ', '.join(failed) if failed else 'every check ok'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
