"""Progress against targets: pure computation, no I/O, no printing.

Takes a validated :class:`~relint_kpi.plan.Plan` and
:class:`~relint_kpi.records.ActivityLog` and returns plain dataclasses that
every renderer formats (terminal, JSON, CSV, Markdown).

pydantic has validated the rows; pandas computes on ``log.activities``: each
indicator selects its rows with boolean masks (date window, type, territory)
into a *counted* frame, one row per counted item with the amount it adds,
and sums it, or groups it for a breakdown.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from relint_kpi.i18n import t
from relint_kpi.issues import UsageError
from relint_kpi.periods import default_as_of, quarter_label, quarters_elapsed, year_and_as_of
from relint_kpi.plan import Indicator, Plan
from relint_kpi.records import ActivityLog
from relint_kpi.territories import TerritoryIndex, country_of, iso_name


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


@dataclass(frozen=True)
class ExplainRow:
    """One row behind a figure: where it is and what it adds."""

    path: str
    line: int
    id: str
    date: dt.date
    title: str
    contribution: int


BREAKDOWNS = ("territory", "group", "type", "quarter", "category", "internal")
STAKEHOLDER_BREAKDOWNS = ("category", "internal")
OTHER = "other"
NONE = "none"


# -- targets ------------------------------------------------------------------------


def target_for(indicator: Indicator, year: int, plan_years: list[int]) -> float:
    """The indicator's target for ``year``.

    Annual basis: the year's own target (0 when the plan sets none).
    Cumulative basis: the running total due by the end of ``year``; a year
    without its own target is interpolated linearly between the previous
    target (or 0 before the plan starts) and the next one.
    """
    targets = indicator.targets
    if indicator.basis == "annual":
        return float(targets.get(year, 0))
    if year in targets:
        return float(targets[year])
    if year < plan_years[0]:
        return 0.0
    before = [y for y in targets if y < year]
    after = [y for y in targets if y > year]
    prev_year, prev_value = (max(before), targets[max(before)]) if before else (plan_years[0] - 1, 0)
    if not after:
        return float(prev_value)
    next_year = min(after)
    share = (year - prev_year) / (next_year - prev_year)
    return prev_value + (targets[next_year] - prev_value) * share


# -- what counts --------------------------------------------------------------------

def first_involvement_frame(log: ActivityLog) -> pd.DataFrame:
    """Each stakeholder's first involvement, one row per stakeholder ever involved.

    Columns: ``stakeholder`` (the registered name), ``date`` (datetime64) and
    ``row``, the position in ``log.activities`` of the earliest activity naming the
    stakeholder (the first in file order on a tie), or -1 when the registry's
    ``first_involved`` is earlier than any such activity (or there is none).
    Worked out once per log (a log is never changed once read).
    """
    if log.first_involvements is None:
        log.first_involvements = _first_involvements(log)
    return log.first_involvements


def _first_involvements(log: ActivityLog) -> pd.DataFrame:
    cells = log.activities["stakeholders"].to_numpy()
    # One entry per (row, name), built in C: explode() on a million tuples costs five times more.
    rows = np.repeat(np.arange(len(cells)), np.fromiter(map(len, cells), dtype=np.int64, count=len(cells)))
    codes, names = pd.factorize(np.array(list(itertools.chain.from_iterable(cells)), dtype=object))
    dates = log.activities["date"].to_numpy()[rows]
    # By date, then by row: the first entry of each name is its first involvement (file order on a tie).
    order = np.lexsort((rows, dates))
    first = order[np.unique(codes[order], return_index=True)[1]]
    earliest = pd.DataFrame({"stakeholder": names[codes[first]], "date": dates[first], "row": rows[first]})
    registered = [(s.name, s.first_involved) for s in log.stakeholders.values() if s.first_involved is not None]
    known = pd.DataFrame(registered, columns=["stakeholder", "first_involved"])
    known["first_involved"] = pd.to_datetime(known["first_involved"])
    merged = earliest.merge(known, on="stakeholder", how="outer")
    from_registry = merged["date"].isna() | (merged["first_involved"] < merged["date"])
    merged.loc[from_registry, "date"] = merged.loc[from_registry, "first_involved"]
    merged["row"] = merged["row"].where(~from_registry, -1).astype("int64")
    return merged[["stakeholder", "date", "row"]].reset_index(drop=True)


#: The columns of a counted frame, one row per counted item: when it counts,
#: the activity behind it (what it is, where it is written), the new
#: stakeholder it counts (None for an activity row) and the amount it adds.
_DESCRIBED = ["type", "territory", "path", "line", "id", "title"]
_COUNTED = ["date", "year", "quarter", *_DESCRIBED, "stakeholder", "amount"]


def _window(plan: Plan, indicator: Indicator, year: int, as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The dates an indicator counts in ``year`` at ``as_of`` (both inclusive)."""
    start = plan.metadata.period.start if indicator.basis == "cumulative" else dt.date(year, 1, 1)
    return max(start, plan.metadata.period.start), min(as_of, dt.date(year, 12, 31))


def _counted(log: ActivityLog, indicator: Indicator, start: dt.date, end: dt.date) -> pd.DataFrame:
    """What an indicator counts between ``start`` and ``end`` (inclusive), as a :data:`_COUNTED` frame."""
    source = indicator.source
    if source.kind == "new_stakeholders":
        return _new_stakeholders(log, start, end)
    frame = log.activities
    wanted = source.metric if source.kind == "metric" else source.activity_type
    rows = frame["date"].between(pd.Timestamp(start), pd.Timestamp(end)) & (frame["type"] == wanted)
    amount = "value"
    if source.kind == "participants":
        # A row without participants adds nothing, so explain does not list it.
        rows &= frame["participants"] != 0
        amount = "participants"
    counted = frame.loc[rows, ["date", "year", "quarter", *_DESCRIBED]]
    return counted.assign(stakeholder=None, amount=frame.loc[rows, amount])


def _new_stakeholders(log: ActivityLog, start: dt.date, end: dt.date) -> pd.DataFrame:
    """The stakeholders first involved between ``start`` and ``end``, each with the activity of that involvement."""
    first = first_involvement_frame(log)
    first = first[first["date"].between(pd.Timestamp(start), pd.Timestamp(end))].reset_index(drop=True)
    # The frame's index is its row positions, so row -1 (known from the
    # registry, no activity) reindexes to a row of NaN: no type, no territory.
    activity = log.activities.reindex(first["row"])[_DESCRIBED].reset_index(drop=True)
    dates = first["date"]
    counted = activity.assign(
        date=dates, year=dates.dt.year, quarter=dates.dt.quarter, stakeholder=first["stakeholder"], amount=1
    )
    return counted[_COUNTED]


def _selected(plan, log, indicator, year, at, territory, index) -> pd.DataFrame:
    """The counted frame of ``indicator`` in ``year`` at ``at``, only in ``territory`` when given."""
    counted = _counted(log, indicator, *_window(plan, indicator, year, at))
    if territory is None:
        return counted
    return counted[counted["territory"].isin(_codes_in(index, log, territory))]


def _codes_in(index: TerritoryIndex, log: ActivityLog, territory: str) -> list[str]:
    """The log's territory codes that count under ``territory``: itself, rolled up into it, or its country."""
    return [
        code
        for code in log.activities["territory"].cat.categories
        if code == territory or index.plan_territory(code) == territory or country_of(code) == territory
    ]


# -- breakdown keys -----------------------------------------------------------------


class _Keys:
    """Turns a counted frame into breakdown keys, and a key into a label."""

    def __init__(self, plan: Plan, log: ActivityLog, lang: str):
        self.plan, self.log, self.lang = plan, log, lang
        self.index = TerritoryIndex(plan)

    def column(self, by: str, counted: pd.DataFrame) -> pd.Series:
        """Each counted item's key for breakdown ``by`` (not ``quarter``); NaN for an item with none."""
        if by == "type":
            return counted["type"]
        if by in STAKEHOLDER_BREAKDOWNS:
            registry = self.log.stakeholders.values()
            if by == "category":
                return counted["stakeholder"].map({s.name: s.category for s in registry})
            return counted["stakeholder"].map({s.name: "internal" if s.internal else "external" for s in registry})
        # A few dozen distinct codes: map the categories, not the rows.
        roll_up = self.index.plan_territory if by == "territory" else self.index.group
        codes = self.log.activities["territory"].cat.categories
        return counted["territory"].map({code: roll_up(code) or OTHER for code in codes})

    def all_keys(self, by: str) -> list[str]:
        """Keys shown even with nothing counted (so gaps are visible), in plan order."""
        if by == "territory":
            return [t.code for _, t in self.plan.all_territories()]
        if by == "group":
            return [g.id for g in self.plan.territory_groups]
        if by == "category":
            return [c.id for c in self.plan.stakeholder_categories]
        if by == "internal":
            return ["internal", "external"]
        return []

    def label(self, by: str, key: str) -> str:
        """The label of ``key`` in the table's language."""
        if key == OTHER:
            return t("breakdown.other_territories" if by in ("territory", "group") else "breakdown.other", self.lang)
        if key == NONE:
            return t("breakdown.none", self.lang)
        if by == "territory":
            for _, territory in self.plan.all_territories():
                if territory.code == key:
                    return territory.name.get(self.lang)
            return iso_name(key, self.lang)
        if by == "group":
            for group in self.plan.territory_groups:
                if group.id == key:
                    return group.title.get(self.lang)
        if by == "type":
            for kind in self.plan.activity_types:
                if kind.id == key:
                    return kind.label.get(self.lang)
        if by == "category":
            for category in self.plan.stakeholder_categories:
                if category.id == key:
                    return category.label.get(self.lang)
        if by == "internal":
            return t(f"breakdown.{key}", self.lang)
        return key


# -- the status table ---------------------------------------------------------------


def _status(plan: Plan, target: float, actual: float, expected: float, year_over: bool) -> str:
    """The status word for an indicator.

    Achieved once the target is reached. Otherwise the ratio of actual to
    expected-to-date falls in the plan's bands; once the year is over a
    missed target can no longer be "on track", so it is at risk or behind.
    """
    if actual >= target:
        return "achieved"
    ratio = actual / expected if expected > 0 else 1.0
    if ratio >= plan.thresholds.on_track and not year_over:
        return "on_track"
    if ratio >= plan.thresholds.at_risk:
        return "at_risk"
    return "behind"


def check_options(
    plan: Plan,
    *,
    year: int | None,
    by: str | None,
    indicator_ids: list[str] | None,
    territory: str | None,
) -> str | None:
    """Refuse options the plan cannot answer; return the canonical territory code.

    Raises :class:`UsageError` naming the valid choices.
    """
    if year is not None and year not in plan.years:
        raise UsageError("year-outside-plan", year=year, choices=[str(y) for y in plan.years])
    if by is not None and by not in BREAKDOWNS:
        raise UsageError("unknown-breakdown", value=by, choices=list(BREAKDOWNS))
    valid = [i.id for i in plan.indicators]
    for wanted in indicator_ids or []:
        if wanted not in valid:
            raise UsageError("unknown-indicator-option", value=wanted, choices=valid)
    if territory is None:
        return None
    code = TerritoryIndex(plan).resolve(territory)
    if code is None:
        raise UsageError("unknown-territory-option", value=territory)
    return code
def compute_status(
    plan: Plan,
    log: ActivityLog,
    *,
    year: int | None = None,
    as_of: dt.date | None = None,
    lang: str = "it",
    by: str | None = None,
    indicator_ids: list[str] | None = None,
    territory: str | None = None,
    today: dt.date | None = None,
) -> StatusTable:
    """Where each indicator stands in ``year`` at ``as_of``.

    ``as_of`` defaults to today clipped to the plan period, ``year`` to the
    as-of date's year; a past year is measured at its 31 December. With
    ``by``, each indicator gets a breakdown whose rows add up to its actual
    (stakeholder breakdowns only for stakeholder indicators). ``territory``
    keeps only activities in that territory (or rolled up into it); a new
    stakeholder counts under a territory when the activity of their first
    involvement is there (one first known from the registry's
    ``first_involved`` has no territory, so it counts under none).
    Raises :class:`UsageError` for options the plan cannot answer.
    """
    code = check_options(plan, year=year, by=by, indicator_ids=indicator_ids, territory=territory)
    year, at = _year_and_as_of(plan, year, as_of, today)
    elapsed = quarters_elapsed(year, at)
    keys = _Keys(plan, log, lang)
    rows = [
        _indicator_status(plan, log, indicator, year, at, elapsed, by, code, keys)
        for indicator in plan.indicators
        if not indicator_ids or indicator.id in indicator_ids
    ]
    return StatusTable(plan.metadata.title.get(lang), year, at, lang, by, rows)


def _year_and_as_of(plan: Plan, year: int | None, as_of: dt.date | None, today: dt.date | None) -> tuple[int, dt.date]:
    """The year asked about and the day it is measured at (see :func:`compute_status`)."""
    period = plan.metadata.period
    return year_and_as_of(plan.years, as_of or default_as_of(period.start, period.end, today), year)


def _indicator_status(plan, log, indicator, year, at, elapsed, by, territory, keys) -> IndicatorStatus:
    """One indicator's row of the status table."""
    counted = _selected(plan, log, indicator, year, at, territory, keys.index)
    actual = int(counted["amount"].sum())
    carried = 0
    if indicator.basis == "cumulative":
        carried = int(counted.loc[counted["year"] < year, "amount"].sum())
    breakdown = _breakdown(indicator, counted, by, keys) if by is not None else None
    return _figures(plan, indicator, year, elapsed, keys.lang, actual, carried, breakdown)


def _figures(plan, indicator, year, elapsed, lang, actual, carried, breakdown) -> IndicatorStatus:
    """An indicator's status from its actual and the part of it carried from earlier years."""
    target = target_for(indicator, year, plan.years)
    previous = target_for(indicator, year - 1, plan.years) if indicator.basis == "cumulative" else 0.0
    expected = previous + (target - previous) * elapsed / 4
    this_year = actual - carried
    projected = carried + (this_year * 4 / elapsed if elapsed > 0 else 0.0)
    remaining = max(target - actual, 0)
    quarters_left = 4 - elapsed
    required = remaining / quarters_left if quarters_left > 0 else 0.0
    return IndicatorStatus(
        id=indicator.id,
        title=indicator.title.get(lang),
        unit=indicator.unit.get(lang),
        basis=indicator.basis,
        target=round(target),
        actual=actual,
        percent=round(actual / target * 100, 1) if target else 100.0,
        expected_to_date=round(expected, 1),
        projected=round(projected, 1),
        remaining=round(remaining),
        required_per_quarter=round(required, 1),
        status=_status(plan, target, actual, expected, year_over=elapsed >= 4),
        breakdown=breakdown,
    )


def _breakdown(indicator, counted: pd.DataFrame, by, keys) -> list[BreakdownRow] | None:
    """The counted items' amounts added up by key, or None when ``by`` does not apply to the indicator."""
    if by in STAKEHOLDER_BREAKDOWNS and indicator.source.kind != "new_stakeholders":
        return None
    totals = dict.fromkeys(keys.all_keys(by), 0)
    if by == "quarter":
        sums = counted.groupby(["year", "quarter"])["amount"].sum()
        totals.update({quarter_label(y, q): int(total) for (y, q), total in sums.items()})
    else:
        # observed=True: a key shows when items have it, even if they add up to 0, never otherwise.
        sums = counted["amount"].groupby(keys.column(by, counted), observed=True, dropna=False).sum()
        for key, total in sums.items():
            key = NONE if pd.isna(key) else key  # a key that is itself "none" (a category) shares the row
            totals[key] = totals.get(key, 0) + int(total)
    return _breakdown_rows(by, totals, keys)


def _breakdown_rows(by, totals: dict[str, int], keys) -> list[BreakdownRow]:
    """The rows of a breakdown: the plan's keys in plan order, then the others, then other and none."""
    ordered = list(keys.all_keys(by))
    rest = sorted(k for k in totals if k not in ordered and k not in (OTHER, NONE))
    if by == "type":
        order = [k.id for k in keys.plan.activity_types]
        rest = sorted(rest, key=lambda k: order.index(k) if k in order else len(order))
    ordered += rest + [k for k in (OTHER, NONE) if totals.get(k) and k not in ordered]
    return [BreakdownRow(key, keys.label(by, key), totals.get(key, 0)) for key in ordered]


# -- explain ------------------------------------------------------------------------


def explain(
    plan: Plan,
    log: ActivityLog,
    indicator_id: str,
    *,
    year: int | None = None,
    as_of: dt.date | None = None,
    territory: str | None = None,
    today: dt.date | None = None,
) -> list[ExplainRow]:
    """The exact rows behind an indicator's actual, by date, then file and line.

    For new stakeholders, each row is the activity of a stakeholder's first
    involvement (or the registry line when ``first_involved`` comes first;
    such a row comes first on its date).
    """
    code = check_options(plan, year=year, by=None, indicator_ids=[indicator_id], territory=territory)
    year, at = _year_and_as_of(plan, year, as_of, today)
    counted = _selected(plan, log, plan.indicator(indicator_id), year, at, code, TerritoryIndex(plan))
    # A multi-column sort is stable: items equal on all three keep the counted order.
    ordered = counted.assign(
        sort_path=counted["path"].astype(object).fillna(""), sort_line=counted["line"].fillna(0)
    ).sort_values(["date", "sort_path", "sort_line"])
    columns = ("path", "line", "id", "date", "title", "stakeholder", "amount")
    return [_explain_row(log, *item) for item in zip(*(ordered[c] for c in columns))]


def _explain_row(log: ActivityLog, path, line, row_id, date, title, stakeholder, amount) -> ExplainRow:
    """One counted item as an :class:`ExplainRow`; a registry-only first involvement points at the registry line."""
    if pd.isna(path):
        entry = log.stakeholders[stakeholder]
        return ExplainRow(entry.path, entry.line, "", date.date(), f"{stakeholder} (first_involved)", int(amount))
    if stakeholder is not None:
        title = f"{stakeholder}: {title}"
    return ExplainRow(path, int(line), row_id, date.date(), title, int(amount))
