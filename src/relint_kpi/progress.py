"""Progress against targets: pure computation, no I/O, no printing.

Takes a validated :class:`~relint_kpi.plan.Plan` and
:class:`~relint_kpi.records.ActivityLog` and returns plain dataclasses that
every renderer formats (terminal, JSON, CSV, Markdown).
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pandas as pd

from relint_kpi.i18n import t
from relint_kpi.issues import UsageError
from relint_kpi.plan import Indicator, Plan
from relint_kpi.records import Activity, ActivityLog
from relint_kpi.territories import TerritoryIndex, iso_name


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


# -- time ---------------------------------------------------------------------------


def default_as_of(plan: Plan, today: dt.date | None = None) -> dt.date:
    """Today, clipped to the plan period."""
    today = today or dt.date.today()
    period = plan.metadata.period
    return min(max(today, period.start), period.end)


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
    quarter = (as_of.month - 1) // 3 + 1
    start = dt.date(year, 3 * quarter - 2, 1)
    end = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
    return (quarter - 1) + ((as_of - start).days + 1) / (end - start).days


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


def first_involvements(log: ActivityLog) -> dict[str, tuple[dt.date, Activity | None]]:
    """Each stakeholder's first involvement: date and the activity, if any.

    The earliest activity naming the stakeholder, unless the registry's
    ``first_involved`` is earlier (then there is no activity).
    """
    first: dict[str, tuple[dt.date, Activity | None]] = {}
    frame = first_involvement_frame(log)
    for name, date, row in zip(frame["stakeholder"], frame["date"], frame["row"]):
        first[name] = (date.date(), None if row < 0 else log.activities[row])
    return first


def first_involvement_frame(log: ActivityLog) -> pd.DataFrame:
    """Each stakeholder's first involvement, one row per stakeholder ever involved.

    Columns: ``stakeholder`` (the registered name), ``date`` (datetime64) and
    ``row``, the position in ``log.frame`` of the earliest activity naming the
    stakeholder (the first in file order on a tie), or -1 when the registry's
    ``first_involved`` is earlier than any such activity (or there is none).
    """
    frame = log.frame
    named = frame["stakeholders"].explode().dropna()
    involved = pd.DataFrame(
        {"stakeholder": named.to_numpy(dtype=object), "date": frame["date"].to_numpy()[named.index], "row": named.index}
    )
    # A stable sort keeps file order among equal dates, so the first row wins a tie.
    earliest = involved.sort_values("date", kind="stable").drop_duplicates("stakeholder")
    registered = [(s.name, s.first_involved) for s in log.stakeholders.values() if s.first_involved is not None]
    known = pd.DataFrame(registered, columns=["stakeholder", "first_involved"])
    known["first_involved"] = pd.to_datetime(known["first_involved"])
    merged = earliest.merge(known, on="stakeholder", how="outer")
    from_registry = merged["date"].isna() | (merged["first_involved"] < merged["date"])
    merged.loc[from_registry, "date"] = merged.loc[from_registry, "first_involved"]
    merged["row"] = merged["row"].where(~from_registry, -1).astype("int64")
    return merged[["stakeholder", "date", "row"]].reset_index(drop=True)


class _Contribution(NamedTuple):
    """One counted item: an activity row, or a stakeholder's first involvement."""

    date: dt.date
    amount: int
    activity: Activity | None
    stakeholder: str | None = None


_DATE = operator.attrgetter("date")
_VALUE = operator.attrgetter("value")
_PARTICIPANTS = operator.attrgetter("participants")


class _Selection(NamedTuple):
    """What an indicator counts, as parallel columns: one entry per counted item.

    Columns rather than a :class:`_Contribution` per item: a million-row log
    puts hundreds of thousands of items behind one figure, and C-level
    ``map``/``compress``/``Counter`` over plain lists are several times
    faster than a Python loop that builds a tuple for each.
    """

    dates: list[dt.date]
    amounts: list[int]
    activities: list[Activity | None]  # None: a first involvement known from the registry
    stakeholders: list[str | None]  # the new stakeholder an item counts; None for activity rows

    def keep(self, wanted: list) -> _Selection:
        """The items whose entry in ``wanted`` is true (not 0, None or False), in the same order."""
        return _Selection(*(list(itertools.compress(column, wanted)) for column in self))

    def activity_field(self, name: str, missing: object) -> list:
        """Field ``name`` of each item's activity; ``missing`` for an item without one."""
        getter = operator.attrgetter(name)
        if self.stakeholders.count(None) == len(self.stakeholders):
            # Activity rows only (no new stakeholder's item): all have an activity, no test per item.
            return list(map(getter, self.activities))
        return [getter(activity) if activity is not None else missing for activity in self.activities]

    def contributions(self) -> list[_Contribution]:
        """One :class:`_Contribution` per item, for :func:`explain`."""
        # tuple.__new__ builds each named tuple without its Python-level __new__.
        return list(map(tuple.__new__, itertools.repeat(_Contribution), zip(*self)))


def _each_distinct(values: list, function: Callable[[Any], Any]) -> list:
    """``function`` of each value, called once per distinct value.

    A column repeats a few values many times (a few hundred dates, a few
    dozen territory codes in a million rows): a dict look-up per item
    replaces a Python call per item.
    """
    results = {value: function(value) for value in set(values)}
    return list(map(results.__getitem__, values))


class _Rows:
    """The log's activities cut by date window and split by type, kept for one computation."""

    def __init__(self, log: ActivityLog):
        self.log = log
        self._dates: list[dt.date] | None = None
        self._windows: dict[tuple[dt.date, dt.date], dict[str, list[Activity]]] = {}
        self._found: dict[tuple[str, dt.date, dt.date], tuple[list[Activity], list[dt.date]]] = {}

    def between(self, kind: str, start: dt.date, end: dt.date) -> tuple[list[Activity], list[dt.date]]:
        """The activities of type ``kind`` dated ``start`` to ``end`` (inclusive), in log order, and their dates.

        The window is cut from the whole log in one go, then split by type,
        rather than each type's rows being read and filtered one by one: a
        column read in log order is several times faster than one read
        across a type's scattered rows. The indicators of one basis share
        the window; the event count and the event participants share rows.
        """
        window = (start, end)
        if window not in self._windows:
            if self._dates is None:
                self._dates = list(map(_DATE, self.log.activities))
            # Every day of the window (a plan period has a few hundred): a set look-up per row, in C.
            days = {start + dt.timedelta(days=n) for n in range((end - start).days + 1)}
            by_type: dict[str, list[Activity]] = defaultdict(list)
            for activity in itertools.compress(self.log.activities, map(days.__contains__, self._dates)):
                by_type[activity.type].append(activity)
            self._windows[window] = by_type
        if (kind, start, end) not in self._found:
            found = self._windows[window].get(kind, [])
            self._found[kind, start, end] = (found, list(map(_DATE, found)))
        return self._found[kind, start, end]


def _contributions(log: ActivityLog, indicator: Indicator, rows: _Rows, start: dt.date, end: dt.date) -> _Selection:
    """What an indicator counts between ``start`` and ``end`` (inclusive)."""
    source = indicator.source
    if source.kind == "new_stakeholders":
        first = [(name, found) for name, found in first_involvements(log).items() if start <= found[0] <= end]
        dates = [date for _, (date, _) in first]
        activities = [activity for _, (_, activity) in first]
        return _Selection(dates, [1] * len(first), activities, [name for name, _ in first])
    if source.kind == "participants":
        found, dates = rows.between(source.activity_type, start, end)
        participants = list(map(_PARTICIPANTS, found))
        # A row without participants (empty or 0) adds nothing and is not listed.
        counted = _Selection(dates, participants, found, [None] * len(found))
        return counted.keep(participants)
    wanted = source.metric if source.kind == "metric" else source.activity_type
    found, dates = rows.between(wanted, start, end)
    return _Selection(dates, list(map(_VALUE, found)), found, [None] * len(found))


def _window(plan: Plan, indicator: Indicator, year: int, as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The dates an indicator counts in ``year`` at ``as_of`` (both inclusive)."""
    start = plan.metadata.period.start if indicator.basis == "cumulative" else dt.date(year, 1, 1)
    return max(start, plan.metadata.period.start), min(as_of, dt.date(year, 12, 31))


# -- breakdown keys -----------------------------------------------------------------


class _Keys:
    """Turns what an item is broken down by into a breakdown key, and a key into a label."""

    def __init__(self, plan: Plan, log: ActivityLog, lang: str):
        self.plan, self.log, self.lang = plan, log, lang
        self.index = TerritoryIndex(plan)

    def values(self, by: str, counted: _Selection) -> list:
        """What decides each counted item's key: a stakeholder, a date, a type or a territory code."""
        if by in STAKEHOLDER_BREAKDOWNS:
            return counted.stakeholders
        if by == "quarter":
            return counted.dates
        if by == "type":
            return counted.activity_field("type", missing=NONE)
        return counted.activity_field("territory", missing=None)

    def key(self, by: str, value: Any) -> str:
        """The breakdown key of an item whose :meth:`values` entry is ``value``."""
        if by in STAKEHOLDER_BREAKDOWNS:
            stakeholder = self.log.stakeholders.get(value or "")
            if stakeholder is None:
                return NONE
            return stakeholder.category if by == "category" else ("internal" if stakeholder.internal else "external")
        if by == "quarter":
            return f"{value.year}-Q{(value.month - 1) // 3 + 1}"
        if by == "type":
            return value
        if value is None:
            return NONE
        if by == "territory":
            return self.index.plan_territory(value) or OTHER
        return self.index.group(value) or OTHER

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


def _in_territory(index: TerritoryIndex, code: str | None, territory: str) -> bool:
    """True when an activity in ``code`` (None: no territory) counts under ``territory``."""
    if code is None:
        return False
    return code == territory or index.plan_territory(code) == territory or code.split("-")[0] == territory


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
        raise UsageError(f"year {year} is outside the plan — choose one of: {', '.join(map(str, plan.years))}")
    if by is not None and by not in BREAKDOWNS:
        raise UsageError(f"unknown breakdown '{by}' — choose one of: {', '.join(BREAKDOWNS)}")
    valid = [i.id for i in plan.indicators]
    for wanted in indicator_ids or []:
        if wanted not in valid:
            raise UsageError(f"unknown indicator '{wanted}' — choose one of: {', '.join(valid)}")
    if territory is None:
        return None
    code = TerritoryIndex(plan).resolve(territory)
    if code is None:
        raise UsageError(f"unknown territory '{territory}' — write an ISO 3166 code (BE, DE-HE) or a plan territory's name")
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
    as_of = as_of or default_as_of(plan, today)
    year = year or min(max(as_of.year, plan.years[0]), plan.years[-1])
    at = min(as_of, dt.date(year, 12, 31))
    elapsed = quarters_elapsed(year, at)
    keys = _Keys(plan, log, lang)
    log_rows = _Rows(log)
    rows = []
    for indicator in plan.indicators:
        if indicator_ids and indicator.id not in indicator_ids:
            continue
        rows.append(_indicator_status(plan, log, indicator, year, at, elapsed, by, code, keys, lang, log_rows))
    return StatusTable(plan.metadata.title.get(lang), year, at, lang, by, rows)


def _counted(plan, log, indicator, year, at, territory, index, rows=None) -> _Selection:
    start, end = _window(plan, indicator, year, at)
    counted = _contributions(log, indicator, rows if rows is not None else _Rows(log), start, end)
    if territory is None:
        return counted
    codes = counted.activity_field("territory", missing=None)
    return counted.keep(_each_distinct(codes, lambda code: _in_territory(index, code, territory)))


def _indicator_status(plan, log, indicator, year, at, elapsed, by, territory, keys, lang, rows) -> IndicatorStatus:
    counted = _counted(plan, log, indicator, year, at, territory, keys.index, rows)
    actual = sum(counted.amounts)
    carried = 0
    if indicator.basis == "cumulative":
        before_year = _each_distinct(counted.dates, lambda date: date.year < year)
        carried = sum(itertools.compress(counted.amounts, before_year))
    breakdown = _breakdown(indicator, counted, by, keys) if by is not None else None
    return _figures(plan, indicator, year, elapsed, lang, actual, carried, breakdown)


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


def _breakdown(indicator, counted: _Selection, by, keys) -> list[BreakdownRow] | None:
    is_stakeholder = indicator.source.kind == "new_stakeholders"
    if by in STAKEHOLDER_BREAKDOWNS and not is_stakeholder:
        return None
    totals: dict[str, int] = {key: 0 for key in keys.all_keys(by)}
    # One key per distinct value (a few dozen), not one per item.
    for value, amount in _sum_by(keys.values(by, counted), counted.amounts).items():
        key = keys.key(by, value)
        totals[key] = totals.get(key, 0) + amount
    return _breakdown_rows(by, totals, keys)


def _sum_by(values: list, amounts: list[int]) -> dict[Any, int]:
    """The total amount of each distinct value; one whose items add up to 0 is kept."""
    if amounts.count(1) == len(amounts):  # every item counts 1 (activity counts, stakeholders)
        return Counter(values)
    totals: dict[Any, int] = {}
    # Amounts are whole numbers, so an amount times its count is exactly their sum.
    for (value, amount), times in Counter(zip(values, amounts)).items():
        totals[value] = totals.get(value, 0) + amount * times
    return totals


def _breakdown_rows(by, totals: dict[str, int], keys) -> list[BreakdownRow]:
    """The rows of a breakdown: the plan's keys in plan order, then the others, then other and none."""
    ordered = list(keys.all_keys(by))
    rest = sorted(k for k in totals if k not in ordered and k not in (OTHER, NONE))
    if by == "type":
        order = [k.id for k in keys.plan.activity_types]
        rest = sorted(rest, key=lambda k: order.index(k) if k in order else len(order))
    ordered += rest + [k for k in (OTHER, NONE) if totals.get(k) and k not in ordered]
    return [BreakdownRow(key, keys.label(by, key), totals.get(key, 0)) for key in ordered]


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
    """The exact rows behind an indicator's actual, in date order.

    For new stakeholders, each row is the activity of a stakeholder's first
    involvement (or the registry line when ``first_involved`` comes first).
    """
    code = check_options(plan, year=year, by=None, indicator_ids=[indicator_id], territory=territory)
    as_of = as_of or default_as_of(plan, today)
    year = year or min(max(as_of.year, plan.years[0]), plan.years[-1])
    at = min(as_of, dt.date(year, 12, 31))
    indicator = plan.indicator(indicator_id)
    counted = _counted(plan, log, indicator, year, at, code, TerritoryIndex(plan)).contributions()
    rows = []
    for item in sorted(counted, key=lambda i: (i.date, i.activity.path if i.activity else "", i.activity.line if i.activity else 0)):
        if item.activity is not None:
            a = item.activity
            title = a.title if item.stakeholder is None else f"{item.stakeholder}: {a.title}"
            rows.append(ExplainRow(a.path, a.line, a.id, item.date, title, item.amount))
        else:
            s = log.stakeholders[item.stakeholder]
            rows.append(ExplainRow(s.path, s.line, "", item.date, f"{s.name} (first_involved)", item.amount))
    return rows
