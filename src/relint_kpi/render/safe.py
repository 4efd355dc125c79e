"""Making exported text safe for spreadsheets (formula injection).

A CSV or XLSX cell whose text starts with ``=``, ``+``, ``-`` or ``@`` (or
a tab, carriage return or NUL that some programs skip before reading one)
is run as a formula by Excel and LibreOffice: a title such as
``=HYPERLINK("http://…")`` would become a live link. Such text is prefixed
with an apostrophe, the spreadsheet convention for "this is text", as
OWASP recommends. Numbers are never touched: ``-2`` stays the number -2.
"""

from __future__ import annotations

import re

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0", "{=")


def neutralise_cell(value):
    """Return ``value`` safe to put in a CSV or XLSX cell.

    Text starting with a formula character gets a leading ``'``; any other
    value (numbers, dates, None, ordinary text) is returned unchanged.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


#: Characters XML 1.0 forbids anywhere in a document (C0 controls but tab and
#: line ends, surrogates, U+FFFE and U+FFFF).
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (an XML writer refuses them)."""
    return XML_ILLEGAL.sub("", text)
