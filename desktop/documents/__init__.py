"""Application documents (Qt-free): PDF with reportlab, workbooks with openpyxl.

One module per document set; shared helpers for safe text (:mod:`text`), PDF layout
(:mod:`pdf`) and printable workbooks (:mod:`xlsx`).  Output is deterministic: the same input
and the same stated creation time give the same bytes.
"""
