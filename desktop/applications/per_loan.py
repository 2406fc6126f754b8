"""Which listed materials are asked once per loan (a loan contract, a 借款凭证...).

A loan subsidy asks for each loan's own contract, so an attached file must say which loan it
belongs to (``AttachmentRef.loan``).  The checklist (desktop/documents/materials.py) and the
wizard's materials page must agree on which items those are; the rule is kept here, in the
core, and a test checks that the checklist's words are the same.
"""

from __future__ import annotations

from typing import Final

# Words of a material that a drafted list or form never supplies: only an attached file does.
FILE_ONLY_WORDS: Final = ("合同", "借款凭证", "承诺函")


def asks_per_loan(kind: str, material: str) -> bool:
    """True for a loan subsidy's item that needs one file for every loan (e.g. 贷款合同)."""
    return kind == "loan_interest" and "贷款" in material and any(w in material for w in FILE_ONLY_WORDS)
