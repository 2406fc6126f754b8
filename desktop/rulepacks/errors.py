"""The one error a pack operation raises: a plain message the user can act on."""

from __future__ import annotations

from desktop.oserrors import os_error_words

__all__ = ["PackRefusedError", "os_error_words"]


class PackRefusedError(Exception):
    """A pack (or key) was refused; ``str(exc)`` is the message shown to the user.

    ``details`` lists individual problems (for example every rule-load error).
    """

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []
