"""Numbers and dates as readers of each language write them: the one display formatter.

Every renderer (status, plan, report, the CSV exports for Excel) writes
numbers through :func:`format_number` or :func:`format_figure`. CSV cells
of the data files that must read back as numbers are another matter: see
:func:`relint_kpi.numbers.format_italian_int`.
"""

from __future__ import annotations

import datetime as dt

from relint_kpi.i18n import t

#: What a figure that has no value (a pace once the year is over, a target not set) shows.
NO_VALUE = "—"


def format_number(value: int | float, lang: str, decimals: int = 0, *, grouping: bool = True) -> str:
    """Format a number the way readers of ``lang`` write it.

    Italian groups thousands with ``.`` and writes decimals after ``,``
    (``12.345,6``); English the other way round (``12,345.6``). Without
    ``grouping`` no thousands separator is written (``12345,6``), as a
    spreadsheet cell holds it.
    """
    text = f"{value:{',' if grouping else ''}.{decimals}f}"
    if lang == "it":
        text = text.translate(_ITALIAN)
    return text


def format_figure(value: int | float | None, lang: str, *, grouping: bool = True, empty: str = NO_VALUE) -> str:
    """A figure as readers expect it: whole numbers without decimals, others with one; ``empty`` for None."""
    if value is None:
        return empty
    return format_number(value, lang, 0 if float(value).is_integer() else 1, grouping=grouping)


def long_date(date: dt.date, lang: str) -> str:
    """A date in prose: ``1 dicembre 2026``, ``1 December 2026``."""
    month = t("report.months", lang).split()[date.month - 1]
    return f"{date.day} {month} {date.year}"


def short_date(date: dt.date) -> str:
    """A date in a table: ``01/12/2026`` (day, month, year in both languages)."""
    return date.strftime("%d/%m/%Y")


_ITALIAN = str.maketrans({",": ".", ".": ","})
