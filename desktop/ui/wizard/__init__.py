"""The application wizards: one frame (:mod:`frame`), one small module per kind declaring its
pages as data (:mod:`tech_upgrade`, :mod:`loan_interest`, :mod:`rd_institution`)."""
