"""Benchmark cases of the official's desk: receiving 1,000 bundles, duplicates and the 汇总表.

The 1,000 bundles are 1,000 different applications (the three shipped examples, each copy
under its own enterprise name and contact, so every paper prints something of its own), each
with its own small attachment; they are drafted once and kept between runs.  Receiving is the
desk's own path (``receive`` on the folder, as the CLI and the 收件台 call it), with one worker
process per core.

``HUIQI_BENCH_BUNDLES`` sets another count (the figures are per run, items per second scale).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import multiprocessing
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any

from benchmarks.runner import Case, under_ms
from desktop.applications.io import parse_application
from desktop.bundle.build import bundle_bytes
from desktop.documents import BUILDER_VERSION
from desktop.documents.drafting import draft
from desktop.intake.desk import Desk
from desktop.intake.models import Received
from desktop.intake.receive import receive
from desktop.intake.summary import summary_bytes
from desktop.rules.database import bundled_pack

ROOT = Path(__file__).resolve().parents[1]
BUNDLES = int(os.environ.get("HUIQI_BENCH_BUNDLES", "1000"))
WORKERS = 2
KINDS = ("tech_upgrade", "loan_interest", "rd_institution")
PEAK_LIMIT_MB = 300


NAME_CHARACTERS = "东南西北中华兴盛泰丰源达通宏远鑫隆昌永安康瑞祥和金银山河湖海"
PEOPLE = "王李张刘陈杨赵黄周吴"
GENERATOR_VERSION = "2"  # raise when the bundles below change


def application_of(index: int) -> dict[str, Any]:
    """The ``index``-th enterprise's application: one of the three examples under its own name.

    Every bundle differs from every other in what its papers print (the enterprise's name is on
    every page and in every workbook, the contact in most), so nothing the desk remembers
    between bundles can stand in for re-drafting one; boilerplate clauses still recur, as they
    do in real deliveries.
    """
    kind = KINDS[index % 3]
    data: dict[str, Any] = json.loads((ROOT / "examples" / f"application_{kind}.json").read_text("utf-8"))
    digits = [NAME_CHARACTERS[(index // 30 ** n) % 30] for n in range(3)]
    place = "石家庄" if kind == "rd_institution" else "青海"
    data["enterprise"]["name"] = f"{place}{''.join(digits)}{index:04d}号示例有限公司"
    data["contact"]["person"] = PEOPLE[index % 10] + NAME_CHARACTERS[(index // 10) % 30] + "明"
    return data


def _bundle(index: int) -> bytes:
    application = parse_application(application_of(index))
    drafted = draft(application, bundled_pack(), dt.datetime(2012, 3, 1, 9, 0) + dt.timedelta(minutes=index))
    return bundle_bytes(drafted, {f"收件编号{index:05d}.txt": f"第 {index} 份".encode()})


def _write(folder: str, indexes: range) -> None:
    for index in indexes:
        (Path(folder) / f"{index:05d}.zip").write_bytes(_bundle(index))


def _generator_key() -> str:
    """What the bundles depend on: the builders' version, the pack, the count, this generator.

    A builder whose bytes changed without raising BUILDER_VERSION fails
    tests/documents/test_builder_bytes.py, and the re-drafting case here (every bundle refused).
    """
    digest = hashlib.sha256(f"{GENERATOR_VERSION} {BUILDER_VERSION} {BUNDLES} "
                            f"{bundled_pack().identity.sha256}".encode())
    for source in sorted((ROOT / "examples").glob("application_*.json")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


@cache
def bundle_folder() -> Path:
    """``BUNDLES`` different bundles, as enterprises would send them (drafted on both cores once,
    then kept in the temporary folder for later runs of the same builders and pack)."""
    folder = Path(tempfile.gettempdir()) / f"huiqi-bench-usb-{_generator_key()}"
    if (folder / "complete").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    step = 50
    with ProcessPoolExecutor(WORKERS, mp_context=multiprocessing.get_context("spawn")) as pool:
        for future in [pool.submit(_write, str(folder), range(start, min(start + step, BUNDLES)))
                       for start in range(0, BUNDLES, step)]:
            future.result()
    (folder / "complete").write_text("", encoding="utf-8")
    return folder


def _cpu_seconds() -> tuple[float, float]:
    """CPU time of this process and of its finished children (the pool's workers, once shut down)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def _intake(redraft: bool) -> None:
    """One receive; says on stderr how much CPU it took, which a shared machine does not change
    much: half the total is what two idle cores would need."""
    before, wall = _cpu_seconds(), time.perf_counter()
    _receive(redraft)
    (main, workers), wall = ((a - b for a, b in zip(_cpu_seconds(), before, strict=True)),
                             time.perf_counter() - wall)
    print(f"received {BUNDLES} bundles (redraft={redraft}) in {wall:.1f} s; CPU: this process "
          f"{main:.1f} s, workers {workers:.1f} s, total {main + workers:.1f} s", file=sys.stderr)


def _receive(redraft: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-desk-") as data:
        desk = Desk(f"sqlite:///{Path(data) / 'desk.sqlite3'}")
        # What `python -m desktop intake FOLDER` and the 收件台 run: every zip in the folder, one
        # worker per core (the default), stored 50 bundles to a transaction.
        outcomes = receive(desk, [bundle_folder()], bundled_pack(), who="基准", redraft=redraft)
        desk.close()
    assert sum(o.accepted for o in outcomes) == BUNDLES, [o.problems for o in outcomes if not o.accepted][:3]


def intake_with_redraft() -> None:
    _intake(redraft=True)


def intake_without_redraft() -> None:
    _intake(redraft=False)


def hash_every_bundle() -> None:
    """The floor: reading every file once and hashing it."""
    for path in sorted(bundle_folder().iterdir()):
        hashlib.sha256(path.read_bytes()).hexdigest()


@cache
def thousand_received() -> Desk:
    """1,000 applications from 400 enterprises: some loans, attachments and programmes repeat."""
    folder = Path(tempfile.mkdtemp(prefix="bench-rows-"))
    desk = Desk(f"sqlite:///{folder / 'desk.sqlite3'}")
    programmes = [("qh-2011-tech-upgrade", "青海省工业企业技术改造项目资金支持（2011）", "630104"),
                  ("qh-2011-sme-loan-interest", "青海省中小工业企业流动资金贷款贴息（2011）", "630121"),
                  ("sjz-2017-rd-institution", "石家庄市新认定企业研发机构一次性奖励", "130102")]
    with desk.session() as session:
        for index in range(1_000):
            programme_id, title, region = programmes[index % 3]
            uscc = f"91630100MA{index % 400:08d}"
            claims = [["programme", f"{uscc}|{programme_id}", uscc],
                      ["loan", f"bank|jk-{index % 700}", f"JK-{index % 700}"],
                      ["attachment", f"{index % 900:064d}", "发票.pdf"]]
            session.add(Received(
                bundle_sha256=f"{index:064x}", file_name=f"{index}.zip", received_by="基准",
                enterprise_name=f"企业{index % 400}", uscc=uscc, region_code=region,
                programme_id=programme_id, programme_title=title, kind="tech_upgrade",
                assessed_on=dt.date(2012, 3, 1), requested_yuan=f"{100000 + index}.00",
                claimed_status="eligible", claimed_wan=None, desk_status="eligible",
                desk_yuan=f"{50000 + index}.00", application_json="{}",
                proof={"claims": claims, "claimed": "可以申报", "desk": "可以申报", "differences": []}))
    return desk


def duplicates_and_summary() -> None:
    desk = thousand_received()
    rows, flags = desk.rows(), desk.flags(bundled_pack())
    assert flags
    summary_bytes(rows, flags, desk_name="基准县", created=dt.datetime(2026, 1, 1))


def read_rows() -> None:
    thousand_received().rows()


PEAK = """
import resource, sys
from pathlib import Path
from desktop.bundle.verify import verify_bundle
from desktop.rules.database import bundled_pack
for path in sys.argv[1:]:
    assert not verify_bundle(Path(path), bundled_pack()).ok, path
# VmHWM: this program's own peak; ru_maxrss would include the parent's image from before exec.
status = Path("/proc/self/status")
if status.exists():
    print(next(int(l.split()[1]) for l in status.read_text().splitlines() if l.startswith("VmHWM")) // 1024)
else:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


@cache
def hostile_bundles() -> list[str]:
    """The review's worst cases: a 1 GiB manifest in 1 MB, a bzip2 bomb, 100,000 entries."""
    folder = Path(tempfile.mkdtemp(prefix="bench-hostile-"))
    gib = folder / "gib_manifest.zip"
    with zipfile.ZipFile(gib, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        info = zipfile.ZipInfo("manifest.json")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w") as member:
            for _ in range(1024):
                member.write(b" " * (1 << 20))
    bz = folder / "bzip2.zip"
    with zipfile.ZipFile(bz, "w", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("manifest.json", b" " * (200 * 1024 * 1024))
    many = folder / "many.zip"
    with zipfile.ZipFile(many, "w") as archive:
        for index in range(100_000):
            archive.writestr(f"attachments/{index}.txt", b"")
    return [str(gib), str(bz), str(many)]


def _verify_in_process(paths: list[str]) -> int:
    result = subprocess.run([sys.executable, "-c", PEAK, *paths], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    return int(result.stdout.strip())


def hostile_peak_memory() -> None:
    peak = _verify_in_process(hostile_bundles())
    print(f"hostile bundles: peak RSS {peak} MB", file=sys.stderr)
    assert peak < PEAK_LIMIT_MB, f"peak memory {peak} MB"


def verify_honest_in_process() -> None:
    """The floor: the same fresh process verifying nothing hostile (imports and the rule pack)."""
    _verify_in_process([])


CASES = [
    Case("intake_1000_redraft",
         f"收件 {BUNDLES:,} 个不同的申报包：校验、复核并重新生成全部文书逐字节比对（每核一个进程）",
         intake_with_redraft, "reading and hashing every bundle", hash_every_bundle, repeat=1,
         target="< 120 s", items=BUNDLES, meets=under_ms(120_000), setup=bundle_folder, warm_up=False),
    Case("intake_1000", f"收件 {BUNDLES:,} 个不同的申报包：校验与复核，不重新生成文书（每核一个进程）",
         intake_without_redraft, "reading and hashing every bundle", hash_every_bundle, repeat=1,
         target="< 30 s", items=BUNDLES, meets=under_ms(30_000), setup=bundle_folder, warm_up=False),
    Case("duplicates_summary_1000", "1,000 份收件的重复申报检测与汇总表",
         duplicates_and_summary, "reading the 1,000 rows", read_rows, repeat=3, target="< 5 s",
         meets=under_ms(5_000)),
    Case("hostile_peak_memory",
         "新进程校验三个恶意包（1 GiB 清单、bzip2 炸弹、10 万条目），峰值内存 < 300 MB 否则失败",
         hostile_peak_memory, "the same process verifying nothing", verify_honest_in_process, repeat=1,
         # The case itself fails (raises) when the peak reaches 300 MB, so a finished run met it.
         target="peak < 300 MB", meets=lambda _result: True),
]
