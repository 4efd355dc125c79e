"""Whole numbers as office staff type them in Excel with Italian settings.

Excel with Italian settings saves ``5000`` as ``5.000`` in a ``;``-separated
file; in a ``,`` file the dot is never a thousands separator, so ``5.000``
there is refused rather than silently read as 5 or 5000.
"""

from __future__ import annotations

import re

from relint_kpi.issues import BadValue

_PLAIN = re.compile(r"^[0-9]+$")
_GROUPED = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{3})+$")

#: The largest count relint reads: nine digits, beyond any count an office makes
#: (and far below what would overflow the 64-bit columns the figures are summed in).
MAX_COUNT = 999_999_999


def parse_italian_int(text: str, delimiter: str) -> int:
    """Parse a whole number ≥ 0 written by a person or by Excel.

    ``12`` and ``5000`` always; ``5.000`` only when ``delimiter`` is ``;``
    (Excel with Italian settings). Raises :class:`BadValue` (a ValueError) with a message that
    says how to write the number.
    """
    value = text.strip()
    # A cell may hold thousands of characters: messages quote its start only.
    shown = value if len(value) <= 20 else value[:12] + "…"
    if _PLAIN.match(value) or (delimiter == ";" and _GROUPED.match(value)):
        digits = value.replace(".", "").lstrip("0")
        if len(digits) > len(str(MAX_COUNT)):
            raise BadValue("number-too-large", value=shown, limit=format_italian_int(MAX_COUNT, ";"))
        return int(digits or "0")
    if value.startswith("-") and _PLAIN.match(value[1:]):
        raise BadValue("number-negative", value=shown)
    if delimiter == ";":
        raise BadValue("number-not-whole-excel", value=shown)
    if _GROUPED.match(value):
        raise BadValue("number-grouped-in-comma-file", value=shown)
    raise BadValue("number-not-whole", value=shown)


def format_italian_int(number: int, delimiter: str) -> str:
    """Write ``number`` the way :func:`parse_italian_int` reads it back.

    In a ``;`` file thousands get a ``.`` as Excel writes them; elsewhere
    plain digits.
    """
    if delimiter == ";":
        return f"{number:,}".replace(",", ".")
    return str(number)
