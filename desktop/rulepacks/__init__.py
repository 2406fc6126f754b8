"""Signed rule packs: the format, keys, verification, installation and the change report.

Qt-free.  An authority builds a pack with ``rules sign``; every PC checks it against the
keys it trusts and installs it with ``rules import`` (see docs/RULES.md, "Signed rule packs").
"""
