"""惠企申报助手 (Huiqi Shenbao): offline policy self-assessment and application drafting.

Everything in this package except :mod:`desktop.ui` is Qt-free; see ``tests/test_guards.py``.
"""

__version__ = "0.1.0"
APP_NAME = "惠企申报助手"
APP_ID = "huiqi-shenbao"
