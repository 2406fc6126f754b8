"""The issuing authority's public keys, embedded in the app: two slots, so a key can be rotated.

Slot 1 holds the current key; slot 2 the next one (announced a release ahead, so that PCs
already trust it when the authority starts signing with it), or ``None``.

DEVELOPMENT KEY: slot 1 below is a development key made for this repository.  Its private half
was never committed and is not kept; no real pack can be signed with it.  Before a release,
the real authority runs ``python -m desktop rules keygen`` on its offline machine and pastes
the ``.pub`` contents here (docs/RULES.md, "Key ceremony").  Tests make their own keys and
trust them through the data folder (``rules trust``).
"""

from __future__ import annotations

from functools import cache

from desktop.rulepacks.keys import PublicKey, parse_public_key

SLOT_1 = """-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEA6saCAcNKsamJTKBgOzZqiyO4ubNXjlBZU1PGvlXaYFk=
-----END PUBLIC KEY-----
"""
SLOT_1_LABEL = "内置主管部门公钥（槽 1，开发用占位密钥）"
SLOT_1_FINGERPRINT = "b830154f7f10bb3c89a1b9f571488b8fbf7246a8c18a1e6f6cbea1ab9a9a4077"

SLOT_2: str | None = None
SLOT_2_LABEL = "内置主管部门公钥（槽 2，轮换用）"


@cache
def embedded_keys() -> tuple[PublicKey, ...]:
    slots = ((SLOT_1, SLOT_1_LABEL), (SLOT_2, SLOT_2_LABEL))
    return tuple(parse_public_key(pem.encode("ascii"), label) for pem, label in slots if pem)
