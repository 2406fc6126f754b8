"""The one place the window writes to the user's data: widgets observe, this writes.

Pages never hold the store.  They report what the user typed as *a record, a field and the
text* (``edit(RecordRef("profile", 3), "employees", "160")``) and listen to two signals:

- ``saved(SaveResult)`` once a value is in the database (or was refused, with the message);
- ``save_state_changed(SaveState)`` for the save indicator: saving, saved at a time, or an
  error that stays until that field is saved successfully.

Writes wait for a typing pause (``SAVE_AFTER_MS``) or happen at once on ``commit`` (the user
left the field, chose an item).  ``flush`` writes everything still waiting and returns when it
is on disk: switching record, closing the window, the session ending.  The writing itself is
the autosaver's, on its own thread; results come back here on the GUI thread.

The few record-level operations the window needs (create, delete, settings) are here too, so
that no widget imports the store.  A wizard page uses the same ``edit``/``commit``/``saved``.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from desktop.store.autosave import Autosaver, SaveResult
from desktop.store.records import RecordRef
from desktop.store.store import ApplicationSummary, ProfileSummary, Store
from desktop.ui.debounce import DebouncedSaves

# Typing pauses this long (or leaves the field) before the answer is written: one audit row
# per pause, not per keystroke.
SAVE_AFTER_MS = 400

FieldKey = tuple[RecordRef, str]


class SaveKind(enum.Enum):
    SAVED = "saved"  # everything typed is in the database
    SAVING = "saving"  # something typed is not confirmed yet
    ERROR = "error"  # a value was refused; the previously saved one is still there


@dataclass(frozen=True)
class SaveState:
    kind: SaveKind
    saved_at: dt.datetime | None = None  # the last confirmed write
    errors: dict[FieldKey, str] = field(default_factory=dict)


class RecordController(QObject):
    saved = Signal(object)  # SaveResult, on the GUI thread
    save_state_changed = Signal(object)  # SaveState
    _written = Signal(object)  # from the autosave worker; queued to the GUI thread

    def __init__(self, store: Store | None, parent: QObject | None = None,
                 *, save_after_ms: int | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._autosaver = Autosaver(store) if store is not None else None
        self._values: dict[str, tuple[RecordRef, str, str | None]] = {}
        pause = SAVE_AFTER_MS if save_after_ms is None else save_after_ms  # read now: tests change it
        self._saves = DebouncedSaves(pause, self._write, self)
        self._in_flight = 0
        self._errors: dict[FieldKey, str] = {}
        self._saved_at: dt.datetime | None = None
        self._written.connect(self._on_written, Qt.ConnectionType.QueuedConnection)

    @property
    def store_open(self) -> bool:
        return self._store is not None

    @property
    def autosaver(self) -> Autosaver | None:
        """The one autosave worker; the wizard submits its answers to it too."""
        return self._autosaver

    # -- answers ----------------------------------------------------------------------------

    def edit(self, ref: RecordRef, field_name: str, text: str | None) -> None:
        """The user changed a field; written after the typing pause (``None``/blank clears it)."""
        key = f"{ref.kind}:{ref.id}:{field_name}"
        self._values[key] = (ref, field_name, text)
        self._saves.changed(key)
        self._announce()

    def commit(self, ref: RecordRef, field_name: str) -> None:
        """The user is done with the field: write it now if it has an unwritten change."""
        self._saves.commit(f"{ref.kind}:{ref.id}:{field_name}")

    def flush(self) -> None:
        """Write every waiting change and return once the database has it."""
        self._saves.flush()
        if self._autosaver is not None:
            self._autosaver.flush()

    def answers(self, ref: RecordRef) -> dict[str, str]:
        return dict(self._store.answers(ref)) if self._store is not None else {}

    def _write(self, key: str) -> None:
        ref, field_name, text = self._values.pop(key)
        if self._autosaver is None:
            return
        self._in_flight += 1
        self._autosaver.submit(ref, field_name, text, self._written.emit)

    def _on_written(self, result: SaveResult) -> None:
        self._in_flight -= 1
        key = (result.ref, result.field)
        if result.error is not None:
            self._errors[key] = result.error
        else:
            self._errors.pop(key, None)
            self._saved_at = dt.datetime.now()
        self.saved.emit(result)
        self._announce()

    def state(self) -> SaveState:
        if self._errors:
            return SaveState(SaveKind.ERROR, self._saved_at, dict(self._errors))
        if self._saves.pending or self._in_flight:
            return SaveState(SaveKind.SAVING, self._saved_at)
        return SaveState(SaveKind.SAVED, self._saved_at)

    def _announce(self) -> None:
        self.save_state_changed.emit(self.state())

    # -- records and settings ------------------------------------------------------------------

    def profiles(self) -> list[ProfileSummary]:
        return self._store.list_profiles() if self._store is not None else []

    def create_profile(self) -> int | None:
        if self._store is None:
            return None
        self.flush()
        return self._store.create_profile({})

    def delete_profile(self, profile_id: int) -> None:
        if self._store is not None:
            self.flush()
            self._store.delete_profile(profile_id)

    def applications(self, profile_id: int | None) -> list[ApplicationSummary]:
        if self._store is None or profile_id is None:
            return []
        return self._store.list_applications(profile_id)

    def create_application(self, profile_id: int, kind: str, *, rulepack_id: str, rulepack_version: str,
                           programme_id: str, title: str) -> int | None:
        if self._store is None:
            return None
        return self._store.create_application(profile_id, kind, rulepack_id=rulepack_id,
                                              rulepack_version=rulepack_version,
                                              programme_id=programme_id, title=title)

    def setting(self, key: str, default: Any = None) -> Any:
        return self._store.setting(key, default) if self._store is not None else default

    def set_setting(self, key: str, value: Any) -> None:
        if self._store is not None:
            self._store.set_setting(key, value)

    def close(self) -> None:
        """Write what is waiting and stop the writer (the window is closing)."""
        self.flush()
        if self._autosaver is not None:
            self._autosaver.close()
            self._autosaver = None
