"""The two forms of every CSV export: for Excel with Italian settings, or plain RFC 4180.

``excel`` is what Italian Excel opens straight into columns: ``;`` between
cells, a UTF-8 byte-order mark, decimal commas (``37,5``), CRLF line ends,
headings and status words in the user's language. ``rfc4180`` is for
scripts: ``,``, no BOM, decimal points, CRLF as RFC 4180 says, stable
English keys for headings and statuses. Text cells are neutralised against
formula injection in both.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from relint_kpi.render.formatting import format_figure
from relint_kpi.render.safe import export_cell

#: The CSV forms, by ``--csv`` name.
CSV_FORMS = ("excel", "rfc4180")


def default_form(lang: str) -> str:
    """The CSV form used when ``--csv`` is not given: Excel's for Italian, plain otherwise."""
    return "excel" if lang == "it" else "rfc4180"


def csv_cell(value, form: str):
    """One cell in ``form``: numbers with a decimal comma for Excel, None as an empty cell."""
    if value is None:
        return ""
    if form == "excel" and isinstance(value, (int, float)) and not isinstance(value, bool):
        # Excel with Italian settings reads 37,5 as a number; no thousands dot, which a script could misread.
        return format_figure(value, "it", grouping=False)
    return export_cell(value)


def render_rows(rows: Iterable[Sequence], form: str) -> str:
    """The text of a CSV export of ``rows`` (the header first) in ``form``; a BOM leads the Excel form."""
    buffer = io.StringIO()
    # CRLF in both forms: RFC 4180 says so, and it makes the writer quote a bare CR in a title.
    writer = csv.writer(buffer, delimiter=";" if form == "excel" else ",", lineterminator="\r\n")
    for row in rows:
        writer.writerow([csv_cell(cell, form) for cell in row])
    return ("\ufeff" if form == "excel" else "") + buffer.getvalue()
