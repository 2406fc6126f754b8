"""Check a bundle: the same checks the official's desk runs on everything it receives.

The zip is read as hostile (:mod:`desktop.bundle.reading`), its manifest must list exactly
the files present with matching hashes, and given a rule pack the answers are assessed
again and every document drafted again and compared (:mod:`desktop.bundle.proof`).  Every
problem is reported, so an official sees at once whether a file was altered, added,
removed or damaged in transit.
"""

from __future__ import annotations

from pathlib import Path

from desktop.bundle.proof import REQUIRED, Proof, prove
from desktop.rules.pack import RulePack

Verification = Proof
__all__ = ["REQUIRED", "Verification", "verify_bundle"]


def verify_bundle(path: Path, pack: RulePack | None = None, *, redraft: bool = True) -> Verification:
    return prove(path, pack, redraft=redraft)
