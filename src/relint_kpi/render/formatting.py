"""Numbers as readers of each language write them: the one display formatter.

Every renderer (status, plan, report) writes numbers through
:func:`format_number`. CSV cells that must read back as numbers are another
matter: see :func:`relint_kpi.numbers.format_italian_int`.
"""

from __future__ import annotations


def format_number(value: int | float, lang: str, decimals: int = 0) -> str:
    """Format a number the way readers of ``lang`` write it.

    Italian groups thousands with ``.`` and writes decimals after ``,``
    (``12.345,6``); English the other way round (``12,345.6``).
    """
    text = f"{value:,.{decimals}f}"
    if lang == "it":
        text = text.translate(_ITALIAN)
    return text


_ITALIAN = str.maketrans({",": ".", ".": ","})
