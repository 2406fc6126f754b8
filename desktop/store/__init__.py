"""The local user database (Qt-free): profiles, application drafts, autosave, backups.

Start with :func:`desktop.store.startup.open_store`; see ``docs/STORE.md``.
"""
