"""Receive bundles: one, many or a whole folder (a USB stick), proven on every core.

Proving is the expensive part (re-drafting a package costs a fraction of a second), so
bundles are proven in worker processes.  Each worker loads the rule pack and registers the
fonts once (:func:`_start_worker`), so the builders' fixed costs are paid once per process,
not once per bundle.  Only the main process writes to the database, one bundle at a time,
and a progress callback hears about every bundle as it is done.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from desktop.bundle.proof import Proof, prove
from desktop.intake.desk import Desk, DeskError
from desktop.rules.pack import RulePack

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


_worker_pack: RulePack | None = None


def _start_worker(pack_path: str | None, redraft: bool) -> None:
    global _worker_pack
    from desktop.rules.database import bundled_pack, load_any

    _worker_pack = load_any(Path(pack_path)) if pack_path else bundled_pack()
    if redraft:
        from desktop.documents.pdf import styles

        styles()  # registers the fonts: the cold cost of every PDF


def _prove_in_worker(path: str, redraft: bool) -> Proof:
    return prove(Path(path), _worker_pack, redraft=redraft)


def prove_all(paths: list[Path], pack: RulePack, pack_path: Path | None, *, redraft: bool,
              workers: int | None) -> Iterator[Proof]:
    """Proofs in the order of ``paths``; ``workers=1`` proves in this process."""
    if workers == 1 or len(paths) <= 1:
        for path in paths:
            yield prove(path, pack, redraft=redraft)
        return
    count = workers or min(os.cpu_count() or 1, 4)
    # "spawn": the GUI receives from a worker thread, and forking a threaded Qt process is unsafe.
    with ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_start_worker,
                             initargs=(str(pack_path) if pack_path else None, redraft)) as pool:
        futures: list[Future[Proof]] = [pool.submit(_prove_in_worker, str(p), redraft) for p in paths]
        for future in futures:
            yield future.result()


def receive(desk: Desk, paths: Iterable[Path], pack: RulePack, *, who: str,
            pack_path: Path | None = None, redraft: bool = True, workers: int | None = None,
            progress: Progress | None = None) -> list[Received]:
    """Prove and store every bundle; then the desk's batch re-assessment of what was new."""
    files, outcomes = bundle_paths(paths)
    total = len(files) + len(outcomes)
    done = len(outcomes)
    new_ids: list[int] = []
    waiting: list[tuple[Proof, Received]] = []

    def store_waiting() -> None:
        if not waiting:
            return
        try:
            stored = desk.store_many([proof for proof, _ in waiting], who=who)
        except DeskError as exc:
            for _, outcome in waiting:
                outcome.accepted, outcome.problems = False, [str(exc)]
        else:
            for (_, outcome), kept in zip(waiting, stored, strict=True):
                outcome.id, outcome.again = kept.id, not kept.new
                if kept.new:
                    new_ids.append(kept.id)
        waiting.clear()

    for proof in prove_all(files, pack, pack_path, redraft=redraft, workers=workers):
        outcome = Received(proof.path, proof.ok, problems=list(proof.problems),
                           notes=proof.notes + proof.differences)
        outcomes.append(outcome)
        if proof.ok:
            waiting.append((proof, outcome))
            if len(waiting) >= STORE_BATCH:
                store_waiting()
        done += 1
        if progress is not None:
            progress(done, total, outcome)
    store_waiting()
    if new_ids:
        desk.reassess(pack, new_ids)
    return outcomes
