"""The county official's desk (Qt-free): receive bundles, prove them, review and total them.

Reading and proving one bundle belongs to :mod:`desktop.bundle` (``bundle verify`` runs the
same checks); this package keeps what was received in its own database, on SQLite or a
shared PostgreSQL, and works across everything received: duplicates, the desk's batch
re-assessment, the review workflow with its audit log, and the 汇总表.
"""
