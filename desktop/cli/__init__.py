"""Command-line interface (Qt-free; the GUI is imported only when it is started)."""
