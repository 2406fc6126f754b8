"""Receive bundles: one, many or a whole folder (a USB stick), proven on every core.

Proving is the expensive part (re-drafting a package costs a tenth of a second or more), so
bundles are proven in worker processes ("spawn"ed, one per core).  Each worker loads the rule
pack, plans it for triage and registers the fonts once (:func:`_start_worker`), so those fixed
costs are paid once per process, not once per bundle; it also works out the row each accepted
bundle becomes and its triage.  Only the main process writes to the database, a batch of
bundles to a transaction, and a progress callback hears about every bundle as it is done.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.bundle.proof import prove
from desktop.intake.desk import Desk, DeskError, row_values
from desktop.rules.pack import RulePack
from desktop.rules.triage import Triage

STORE_BATCH = 50  # proofs kept per transaction: one disk sync per batch, not per bundle
MAX_FOLDER_FILES = 20_000  # a USB stick with more zip files than this is not a delivery
Progress = Callable[[int, int, "Received"], None]


@dataclass
class Received:
    """What happened to one file."""

    path: Path
    accepted: bool
    id: int | None = None
    again: bool = False  # the very same bundle was received before
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def bundle_paths(paths: Iterable[Path]) -> tuple[list[Path], list[Received]]:
    """Zip files named directly or found in folders (symlinks never followed)."""
    found: list[Path] = []
    missing: list[Received] = []
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs.sort()
                for name in sorted(files):
                    file = Path(root) / name
                    if not name.lower().endswith(".zip") or name.startswith("."):
                        continue
                    if file.is_symlink():  # it could point anywhere on this PC
                        missing.append(Received(file, False, problems=["是符号链接，未读取。"]))
                    else:
                        found.append(file)
                if len(found) > MAX_FOLDER_FILES:
                    missing.append(Received(path, False, problems=[
                        f"文件夹中的 zip 文件超过 {MAX_FOLDER_FILES} 个，未全部收件。"]))
                    return found[:MAX_FOLDER_FILES], missing
        elif path.is_file():
            found.append(path)
        else:
            missing.append(Received(path, False, problems=[f"找不到文件或文件夹：{path}"]))
    return found, missing


@dataclass(frozen=True)
class Checked:
    """One bundle proven (where it was proven, a worker or this process), ready to store."""

    path: Path
    problems: list[str]
    notes: list[str]
    row: dict[str, Any] | None  # the desk's row (desk.row_values), when the bundle is acceptable


_worker: tuple[RulePack, Triage] | None = None


def _start_worker(pack_path: str | None, redraft: bool) -> None:
    """Once per worker process: the rule pack (read and planned for triage) and the fonts."""
    global _worker
    from desktop.rules.database import bundled_pack, load_any

    pack = load_any(Path(pack_path)) if pack_path else bundled_pack()
    _worker = (pack, Triage(pack))
    if redraft:
        from desktop.documents.pdf import styles

        styles()  # registers the fonts: the cold cost of every PDF


def check(path: Path, pack: RulePack, triage: Triage, *, redraft: bool) -> Checked:
    """Prove one bundle and, when it is acceptable, work out its row and its triage."""
    proof = prove(path, pack, redraft=redraft)
    row = row_values(proof, (triage, pack)) if proof.ok else None
    return Checked(proof.path, list(proof.problems), proof.notes + proof.differences, row)


def _check_in_worker(path: str, redraft: bool) -> Checked:
    assert _worker is not None, "the worker was not started"
    pack, triage = _worker
    return check(Path(path), pack, triage, redraft=redraft)


def check_all(paths: list[Path], pack: RulePack, pack_path: Path | None, *, redraft: bool,
              workers: int | None) -> Iterator[Checked]:
    """Checked bundles in the order of ``paths``; ``workers=1`` proves in this process."""
    if workers == 1 or len(paths) <= 1:
        triage = Triage(pack)
        for path in paths:
            yield check(path, pack, triage, redraft=redraft)
        return
    count = workers or min(os.cpu_count() or 1, 4)
    # "spawn": the GUI receives from a worker thread, and forking a threaded Qt process is unsafe.
    with ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_start_worker,
                             initargs=(str(pack_path) if pack_path else None, redraft)) as pool:
        futures: list[Future[Checked]] = [pool.submit(_check_in_worker, str(p), redraft) for p in paths]
        for future in futures:
            yield future.result()


def receive(desk: Desk, paths: Iterable[Path], pack: RulePack, *, who: str,
            pack_path: Path | None = None, redraft: bool = True, workers: int | None = None,
            progress: Progress | None = None) -> list[Received]:
    """Prove and store every bundle, with the desk's batch re-assessment (triage) of each new one.

    Proving, the row's values and the triage are worked out in the workers; this process only
    inserts, :data:`STORE_BATCH` bundles to a transaction.
    """
    files, outcomes = bundle_paths(paths)
    total = len(files) + len(outcomes)
    done = len(outcomes)
    waiting: list[tuple[dict[str, Any], Received]] = []

    def store_waiting() -> None:
        if not waiting:
            return
        try:
            stored = desk.store_rows([row for row, _ in waiting], who=who)
        except DeskError as exc:
            for _, outcome in waiting:
                outcome.accepted, outcome.problems = False, [str(exc)]
        else:
            for (_, outcome), kept in zip(waiting, stored, strict=True):
                outcome.id, outcome.again = kept.id, not kept.new
        waiting.clear()

    for checked in check_all(files, pack, pack_path, redraft=redraft, workers=workers):
        outcome = Received(checked.path, checked.row is not None, problems=checked.problems,
                           notes=checked.notes)
        outcomes.append(outcome)
        if checked.row is not None:
            waiting.append((checked.row, outcome))
            if len(waiting) >= STORE_BATCH:
                store_waiting()
        done += 1
        if progress is not None:
            progress(done, total, outcome)
    store_waiting()
    return outcomes
