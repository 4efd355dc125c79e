"""Progress against targets: pure computation, no I/O, no printing.

Takes a validated :class:`~relint_kpi.plan.Plan` and
:class:`~relint_kpi.records.ActivityLog` and returns plain dataclasses that
every renderer formats (terminal, JSON, CSV, Markdown).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class BreakdownRow:
    """One key of a breakdown (a territory, a group, a type, a quarter…)."""

    key: str
    label: str
    actual: int


@dataclass(frozen=True)
class IndicatorStatus:
    """Where one indicator stands in a year at the as-of date."""

    id: str
    title: str
    unit: str
    basis: str  # "annual" | "cumulative"
    target: int
    actual: int
    percent: float  # actual / target * 100, rounded to 1 decimal
    expected_to_date: float
    projected: float
    remaining: int
    required_per_quarter: float
    status: str  # "achieved" | "on_track" | "at_risk" | "behind"
    breakdown: list[BreakdownRow] | None = None


@dataclass(frozen=True)
class StatusTable:
    """The result of ``relint status``: one row per indicator."""

    plan: str
    year: int
    as_of: dt.date
    lang: str
    by: str | None
    indicators: list[IndicatorStatus] = field(default_factory=list)


# compute_status(plan, log, *, year, as_of, lang, by=None, indicator_ids=None, territory=None) -> StatusTable
# is implemented below (status issue).
