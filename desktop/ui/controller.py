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

A start on an existing data folder builds the window before the store is open: the controller
then reads through the first page's plain-``sqlite3`` reader (:mod:`desktop.store.first_page`),
keeps the settings the window writes while it is built (the page shown, the last enterprise)
and writes them when :meth:`RecordController.attach_store` gives it the store, right after the
first paint and before any input is let through.  An edit before then is refused: no answer
goes anywhere but through the store.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt, Signal

from desktop.store.autosave import Autosaver, SaveResult
from desktop.store.refs import ApplicationSummary, ProfileSummary, RecordRef
from desktop.ui.debounce import DebouncedSaves

if TYPE_CHECKING:
    from desktop.store.store import Store

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


class StoreReads(Protocol):
    """The reads the window makes while it is built: the store's, or the first page's reader's."""

    def setting(self, key: str, default: Any = None) -> Any: ...

    def list_profiles(self) -> list[ProfileSummary]: ...

    def answers(self, ref: RecordRef) -> dict[str, str]: ...

    def list_applications(self, profile_id: int | None = None) -> list[ApplicationSummary]: ...


class StoreNotOpenError(RuntimeError):
    """An edit reached the controller before the store was open (input is held until it is)."""


class RecordController(QObject):
    saved = Signal(object)  # SaveResult, on the GUI thread
    save_state_changed = Signal(object)  # SaveState
    _written = Signal(object)  # from the autosave worker; queued to the GUI thread

    def __init__(self, store: Store | None, parent: QObject | None = None,
                 *, save_after_ms: int | None = None, first_page: StoreReads | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._autosaver = Autosaver(store) if store is not None else None
        # Until attach_store: the first page's reader, and the settings written meanwhile.
        self._reads: StoreReads | None = store if store is not None else first_page
        self._waiting = store is None and first_page is not None
        self._settings_meanwhile: dict[str, Any] = {}
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
    def waiting_for_store(self) -> bool:
        """Built on the first page's reader; the store is not attached yet."""
        return self._waiting

    @property
    def can_read(self) -> bool:
        """The user's data can be read (from the store, or the first page's reader)."""
        return self._reads is not None

    def attach_store(self, store: Store) -> None:
        """The store, opened after the first paint: reads and writes go to it from now on, and
        the settings written while the window was built are written now, in their order."""
        if not self._waiting:
            raise RuntimeError("attach_store is for a controller built on the first page's reader")
        self._store = self._reads = store
        self._autosaver = Autosaver(store)
        self._waiting = False
        meanwhile, self._settings_meanwhile = self._settings_meanwhile, {}
        for key, value in meanwhile.items():
            store.set_setting(key, value)

    @property
    def autosaver(self) -> Autosaver | None:
        """The one autosave worker; the wizard submits its answers to it too."""
        return self._autosaver

    # -- answers ----------------------------------------------------------------------------

    def edit(self, ref: RecordRef, field_name: str, text: str | None) -> None:
        """The user changed a field; written after the typing pause (``None``/blank clears it)."""
        if self._waiting:
            raise StoreNotOpenError(f"{ref.kind} {ref.id}.{field_name} edited before the store was open")
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
        return dict(self._reads.answers(ref)) if self._reads is not None else {}

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
        return self._reads.list_profiles() if self._reads is not None else []

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
        if self._reads is None or profile_id is None:
            return []
        return self._reads.list_applications(profile_id)

    def create_application(self, profile_id: int, kind: str, *, rulepack_id: str, rulepack_version: str,
                           programme_id: str, title: str) -> int | None:
        if self._store is None:
            return None
        return self._store.create_application(profile_id, kind, rulepack_id=rulepack_id,
                                              rulepack_version=rulepack_version,
                                              programme_id=programme_id, title=title)

    def setting(self, key: str, default: Any = None) -> Any:
        if key in self._settings_meanwhile:
            return self._settings_meanwhile[key]
        return self._reads.setting(key, default) if self._reads is not None else default

    def set_setting(self, key: str, value: Any) -> None:
        if self._store is not None:
            self._store.set_setting(key, value)
        elif self._waiting:
            self._settings_meanwhile.pop(key, None)  # re-inserted last: written in the order set
            self._settings_meanwhile[key] = value

    def close(self) -> None:
        """Write what is waiting and stop the writer (the window is closing)."""
        self.flush()
        if self._autosaver is not None:
            self._autosaver.close()
            self._autosaver = None
