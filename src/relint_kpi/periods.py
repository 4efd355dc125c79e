"""Dates and quarters: the one place that knows the calendar rules relint uses.

A plan runs over a period of whole days; activities are filed by calendar
quarter (``2023-Q1.csv``); a status or a report is taken *as of* a day. This
module holds those rules and nothing else (standard library only, so the
commands that compute nothing import it cheaply).
"""

from __future__ import annotations

import datetime as dt
import re

from relint_kpi.issues import BadValue

_ISO_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_IT_DATE = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")
_QUARTER_FILE = re.compile(r"^([0-9]{4})-Q([1-4])\.csv$")


def parse_date(text: str) -> dt.date:
    """Parse ``YYYY-MM-DD`` or Italian ``DD/MM/YYYY``; a :class:`BadValue` (a ValueError) says which forms work."""
    value = text.strip()
    match = _ISO_DATE.match(value)
    try:
        if match:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        match = _IT_DATE.match(value)
        if match:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        raise BadValue("not-a-calendar-date", value=value) from None
    raise BadValue("not-a-date", value=value)


def date_style(text: str) -> str | None:
    """``iso`` or ``dmy`` for a cell written in that form (real date or not), None for anything else."""
    value = text.strip()
    if _ISO_DATE.match(value):
        return "iso"
    if _IT_DATE.match(value):
        return "dmy"
    return None


def format_date(date: dt.date, style: str = "iso") -> str:
    """Write ``date`` in a file's ``style``: ``iso`` (2023-03-11) or ``dmy`` (11/03/2023, as Italian Excel saves them)."""
    return f"{date.day:02d}/{date.month:02d}/{date.year:04d}" if style == "dmy" else date.isoformat()


def quarter_of(date: dt.date) -> tuple[int, int]:
    """The ``(year, quarter)`` a date falls in."""
    return date.year, (date.month - 1) // 3 + 1


def quarter_label(year: int, quarter: int) -> str:
    """``2023-Q1``: how files, breakdowns and messages name a quarter."""
    return f"{year}-Q{quarter}"


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """First and last day of a quarter."""
    start = dt.date(year, 3 * quarter - 2, 1)
    if quarter == 4:
        return start, dt.date(year, 12, 31)
    return start, dt.date(year, 3 * quarter + 1, 1) - dt.timedelta(days=1)


def quarter_file_name(date: dt.date) -> str:
    """The name of the actuals file a date belongs to: ``2022-Q2.csv``."""
    return quarter_label(*quarter_of(date)) + ".csv"


def quarter_of_file_name(name: str) -> tuple[int, int] | None:
    """The ``(year, quarter)`` an actuals file is named after, or None for another name.

    Year 0 is not a calendar year, so ``0000-Q1.csv`` names no quarter.
    """
    match = _QUARTER_FILE.match(name)
    if not match or int(match[1]) < dt.MINYEAR:
        return None
    return int(match[1]), int(match[2])


def years_between(start: dt.date, end: dt.date) -> list[int]:
    """Every calendar year a period of days touches, in order."""
    return list(range(start.year, end.year + 1))


def default_as_of(start: dt.date, end: dt.date, today: dt.date | None = None) -> dt.date:
    """Today, clipped to the plan period ``start``..``end``."""
    today = today or dt.date.today()
    return min(max(today, start), end)


def year_and_as_of(years: list[int], as_of: dt.date, year: int | None = None) -> tuple[int, dt.date]:
    """The year a status is about and the day it is measured at.

    The year defaults to the as-of date's, clipped to the plan's ``years``; a
    past year is measured at its 31 December.
    """
    year = year or min(max(as_of.year, years[0]), years[-1])
    return year, min(as_of, dt.date(year, 12, 31))


def quarters_elapsed(year: int, as_of: dt.date) -> float:
    """How many quarters of ``year`` have passed at the end of ``as_of`` (0.0–4.0).

    Whole quarters before the as-of date count 1 each; the as-of quarter
    counts the share of its days up to and including the as-of date, so
    31 March is 1.0 and 15 February about 0.51.
    """
    if as_of < dt.date(year, 1, 1):
        return 0.0
    if as_of >= dt.date(year, 12, 31):
        return 4.0
    year, quarter = quarter_of(as_of)
    start, end = quarter_bounds(year, quarter)
    return (quarter - 1) + ((as_of - start).days + 1) / ((end - start).days + 1)
