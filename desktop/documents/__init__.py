"""Application documents (Qt-free): PDF with reportlab, workbooks with openpyxl.

One module per document set; shared helpers for safe text (:mod:`text`), PDF layout
(:mod:`pdf`) and printable workbooks (:mod:`xlsx`).  Output is deterministic: the same input
and the same stated creation time give the same bytes.
"""

# The document builders' own version, recorded in every bundle.  Raise it whenever a builder
# would print different bytes for the same answers: a desk with another version then knows it
# cannot prove a bundle's papers byte for byte and compares what they print instead.
# 3: the body face as one TTF (the PDFs name it UMingCN, was UMingCN-0).
# 2: issue 15 fields, 由主管部门确定 cells, one-sentence loan reasons, 请示 page break.
BUILDER_VERSION = "3"
