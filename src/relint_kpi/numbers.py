"""Whole numbers and dates as office staff type them in Excel with Italian settings.

Excel with Italian settings saves ``5000`` as ``5.000`` in a ``;``-separated
file; in a ``,`` file the dot is never a thousands separator, so ``5.000``
there is refused rather than silently read as 5 or 5000.
"""

from __future__ import annotations

import datetime as dt
import re

_PLAIN = re.compile(r"^[0-9]+$")
_GROUPED = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{3})+$")
_ISO_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_IT_DATE = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")


def parse_italian_int(text: str, delimiter: str) -> int:
    """Parse a whole number ≥ 0 written by a person or by Excel.

    ``12`` and ``5000`` always; ``5.000`` only when ``delimiter`` is ``;``
    (Excel with Italian settings). Raises ValueError with a message that
    says how to write the number.
    """
    value = text.strip()
    if _PLAIN.match(value):
        return int(value)
    if delimiter == ";" and _GROUPED.match(value):
        return int(value.replace(".", ""))
    if value.startswith("-") and _PLAIN.match(value[1:]):
        raise ValueError(f"'{value}' is negative; write a whole number of 0 or more")
    if delimiter == ";":
        raise ValueError(f"'{value}' is not a whole number; write it as 5000 or 5.000, without decimals")
    if _GROUPED.match(value):
        raise ValueError(
            f"'{value}' is not a whole number; write 5000 without a separator "
            "(a '.' thousands separator is read only in ';' files saved by Excel)"
        )
    raise ValueError(f"'{value}' is not a whole number; write digits only, e.g. 12")


def format_italian_int(number: int, delimiter: str) -> str:
    """Write ``number`` the way :func:`parse_italian_int` reads it back.

    In a ``;`` file thousands get a ``.`` as Excel writes them; elsewhere
    plain digits.
    """
    if delimiter == ";":
        return f"{number:,}".replace(",", ".")
    return str(number)


def parse_date(text: str) -> dt.date:
    """Parse ``YYYY-MM-DD`` or Italian ``DD/MM/YYYY``; ValueError says which forms work."""
    value = text.strip()
    match = _ISO_DATE.match(value)
    try:
        if match:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        match = _IT_DATE.match(value)
        if match:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        raise ValueError(f"'{value}' is not a real calendar date") from None
    raise ValueError(f"'{value}' is not a date; write YYYY-MM-DD (2023-03-11) or DD/MM/YYYY (11/03/2023)")
