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

import dataclasses
import datetime as dt
import itertools
import re
import zlib
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from relint_kpi.choices import resolve_choice
from relint_kpi.i18n import t
from relint_kpi.issues import UsageError
from relint_kpi.periods import default_as_of, quarter_label, quarters_elapsed, year_and_as_of
from relint_kpi.plan import REGION, Indicator, Plan, Source, Where
from relint_kpi.records import ActivityLog
from relint_kpi.territories import TerritoryIndex, country_of, iso_name, priority_inside
from relint_kpi.textmatch import normalised, similar_titles


@dataclass(frozen=True)
class BreakdownRow:
    """One key of a breakdown (a territory, a group, a type, a quarter…)."""

    key: str
    label: str
    actual: int


@dataclass(frozen=True)
class Forecast:
    """The year-end figure a count indicator is heading for, with its uncertainty.

    ``low``–``high``: the central ``interval`` share of the forecast
    distribution (see :func:`forecast`); ``probability``: the chance of
    reaching the target (of staying at or under it for a decrease indicator).
    """

    low: int
    high: int
    interval: float
    probability: float


@dataclass(frozen=True)
class IndicatorStatus:
    """Where one indicator stands in a year at the as-of date.

    In a view filtered to one territory (:attr:`StatusTable.territory`) an
    indicator without a target of its own for that territory is not judged:
    ``target`` and every figure measured against it are ``None``, and
    ``total`` / ``share`` say what part of the whole plan's actual the
    territory holds. ``required_per_quarter`` is ``None`` once the year is
    over (no quarter is left to make up the difference).

    ``target`` and ``actual`` are numbers for count and percentage
    indicators (a percentage's in percent points, with its ``numerator`` and
    ``denominator``); for a qualitative indicator they are scale positions
    (0 = worst) and ``level``/``target_level`` name the levels (``actual`` is
    None before any assessment). ``percent`` is None where nothing can be
    measured (no assessment, a zero denominator). ``parent`` names the
    indicator this one is part of; ``children`` those it adds up.
    """

    id: str
    title: str
    unit: str
    basis: str  # "annual" | "cumulative" | "level"
    target: float | None
    actual: float | None
    percent: float | None  # % achieved, rounded to 1 decimal
    expected_to_date: float | None
    projected: float | None
    remaining: float | None
    required_per_quarter: float | None
    status: str | None  # "achieved" | "on_track" | "at_risk" | "behind"; None when not judged
    breakdown: list[BreakdownRow] | None = None
    total: float | None = None  # filtered view: the whole plan's actual
    share: float | None = None  # filtered view: actual / total * 100, rounded to 1 decimal
    measure: str = "count"
    direction: str = "increase"
    baseline: float | None = None  # a scale position for a qualitative indicator
    baseline_year: int | None = None
    numerator: int | None = None
    denominator: int | None = None
    level: str | None = None  # the level's label (qualitative)
    target_level: str | None = None
    baseline_level: str | None = None
    reason: str | None = None  # why the latest level was given
    parent: str | None = None
    children: list[str] = field(default_factory=list)
    forecast: Forecast | None = None
    reading: str | None = None


@dataclass(frozen=True)
class TerritoryView:
    """The territory a status is filtered to, with the priority territories inside it."""

    code: str
    name: str
    priority: bool  # the code is itself one of the plan's priority territories
    inside: list[tuple[str, str]] = field(default_factory=list)  # (code, name) of priority territories within


@dataclass(frozen=True)
class StatusTable:
    """The result of ``relint status``: one row per indicator."""

    plan: str
    year: int
    as_of: dt.date
    lang: str
    by: str | None
    indicators: list[IndicatorStatus] = field(default_factory=list)
    territory: TerritoryView | None = None  # set when the view is filtered to one territory


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
#: The status of a target missed in a year that is over.
NOT_ACHIEVED = "not_achieved"


# -- targets ------------------------------------------------------------------------


def target_for(
    indicator: Indicator, year: int, plan_years: list[int], plan: Plan | None = None, *, territory: str | None = None
) -> float | None:
    """The indicator's target for ``year`` (for one ``territory`` when given).

    Annual basis: the year's own target (0 when the plan sets none).
    Cumulative and level bases: the value due by the end of ``year``; a year
    without its own target is interpolated linearly between the previous
    target (or, before the plan starts, the baseline, else 0) and the next
    one. A qualitative target is its level's scale position. A parent
    without targets of its own has the sum of its children's (``plan``
    gives the children). With ``territory``, the plan's ``territory_targets``
    for that code are used the same way, and ``None`` is returned when the
    plan sets none for it.
    """
    if territory is not None:
        if territory not in indicator.territory_targets:
            return None
        targets = {y: float(v) for y, v in indicator.territory_targets[territory].items()}
    elif not indicator.targets and indicator.children and plan is not None:
        return sum(target_for(plan.indicator(child), year, plan_years, plan) for child in indicator.children)
    else:
        targets = {y: _number(indicator, v) for y, v in indicator.targets.items()}
    if indicator.basis == "annual":
        return float(targets.get(year, 0))
    if year in targets:
        return float(targets[year])
    start = _number(indicator, indicator.baseline.value) if indicator.baseline is not None else 0
    if year < plan_years[0]:
        return float(start)
    before = [y for y in targets if y < year]
    after = [y for y in targets if y > year]
    prev_year, prev_value = (max(before), targets[max(before)]) if before else (plan_years[0] - 1, start)
    if not after:
        return float(prev_value)
    next_year = min(after)
    share = (year - prev_year) / (next_year - prev_year)
    return prev_value + (targets[next_year] - prev_value) * share


def _number(indicator: Indicator, value: object) -> float:
    """A target or baseline as a number: a qualitative level as its scale position."""
    if indicator.measure == "qualitative":
        return float(indicator.level_index(value))
    return float(value)


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


def stakeholder_mentions(log: ActivityLog) -> pd.DataFrame:
    """Each stakeholder each activity names, one row per (activity, name), in file order.

    Columns: ``row`` (the activity's position in ``log.activities``) and
    ``stakeholder`` (categorical). Worked out once per log.
    """
    if log.mentions is None:
        cells = log.activities["stakeholders"].to_numpy()
        # Built in C: explode() on a million tuples costs five times more.
        counts = np.fromiter(map(len, cells), dtype=np.int64, count=len(cells))
        names = np.fromiter(itertools.chain.from_iterable(cells), dtype=object, count=int(counts.sum()))
        codes, distinct = pd.factorize(names)
        log.mentions = pd.DataFrame(
            {"row": np.repeat(np.arange(len(cells)), counts), "stakeholder": pd.Categorical.from_codes(codes, distinct)}
        )
    return log.mentions


def _first_involvements(log: ActivityLog) -> pd.DataFrame:
    mentions = stakeholder_mentions(log)
    rows, codes, names = mentions["row"].to_numpy(), mentions["stakeholder"].cat.codes.to_numpy(), mentions["stakeholder"].cat.categories
    dates = log.activities["date"].to_numpy()[rows]
    # Each name's earliest date, then its first entry on that date (entries are in file order).
    earliest = np.full(len(names), np.iinfo(np.int64).max)
    np.minimum.at(earliest, codes, dates.view(np.int64))
    on_earliest = np.flatnonzero(dates.view(np.int64) == earliest[codes])
    first = on_earliest[np.unique(codes[on_earliest], return_index=True)[1]]
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
#: what the activity behind it is, ``row`` (that activity's position in the
#: log, -1 for none), the new stakeholder it counts (None for an activity
#: row) and the amount it adds. Where an activity is written (file, line, id,
#: title) is looked up by ``row`` only when rows are listed (:func:`explain`):
#: at a million rows, carrying those columns through every indicator's
#: selection doubled its cost.
_DESCRIBED = ["type", "territory", "venue", "action", "stakeholders"]
_COUNTED = ["date", "year", "quarter", *_DESCRIBED, "row", "stakeholder", "amount"]


def _window(plan: Plan, indicator: Indicator, year: int, as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The dates an indicator counts in ``year`` at ``as_of`` (both inclusive).

    An annual indicator counts its year; a cumulative one, and a level (the
    latest value recorded), everything from the plan's start.
    """
    start = dt.date(year, 1, 1) if indicator.basis == "annual" else plan.metadata.period.start
    return max(start, plan.metadata.period.start), min(as_of, dt.date(year, 12, 31))


def _counted(plan: Plan, log: ActivityLog, source: Source, start: dt.date, end: dt.date) -> pd.DataFrame:
    """What ``source`` counts between ``start`` and ``end`` (inclusive), as a :data:`_COUNTED` frame."""
    if source.kind == "new_stakeholders":
        counted = _new_stakeholders(log, start, end)
    else:
        frame = log.activities
        rows = frame["date"].between(pd.Timestamp(start), pd.Timestamp(end))
        wanted = source.metric if source.kind == "metric" else source.activity_type
        if wanted is not None:
            rows &= frame["type"] == wanted
        amount = "value"
        if source.kind == "participants":
            # A row without participants adds nothing, so explain does not list it.
            rows &= frame["participants"] != 0
            amount = "participants"
        counted = frame.loc[rows.to_numpy(), ["date", "year", "quarter", *_DESCRIBED, amount]]
        counted = counted.assign(row=counted.index, stakeholder=None, amount=counted[amount])[_COUNTED]
    if source.where is not None:
        counted = counted[_where_mask(plan, log, counted, source.where)]
    return counted


def _where_mask(plan: Plan, log: ActivityLog, counted: pd.DataFrame, where: Where) -> pd.Series:
    """The counted items a ``where`` filter keeps (every list it gives must match)."""
    keep = pd.Series(True, index=counted.index)
    if where.types:
        keep &= counted["type"].isin(where.types)
    index = TerritoryIndex(plan)
    for column, words in (("territory", where.territories), ("held_in", where.held_in)):
        if words:
            column = "venue" if column == "held_in" else column
            codes = pd.Series(counted[column].astype(object).dropna().unique(), dtype=object)
            inside = [code for code in codes if _code_in(plan, index, code, words)]
            keep &= counted[column].isin(inside)
    if where.linked_to_action is not None:
        keep &= counted["action"].notna() == where.linked_to_action
    if where.stakeholder_categories:
        category = {s.name: s.category for s in log.stakeholders.values()}
        # A new stakeholder counts by their own category; an activity when it names one of those categories.
        own = counted["stakeholder"].map(category).isin(where.stakeholder_categories)
        mentions = stakeholder_mentions(log)
        in_category = mentions["stakeholder"].map(category).isin(where.stakeholder_categories)
        naming = mentions.loc[in_category.to_numpy(), "row"].unique()
        keep &= own.where(counted["stakeholder"].notna(), counted["row"].isin(naming))
    return keep


def _code_in(plan: Plan, index: TerritoryIndex, code: str, words: list[str]) -> bool:
    """Whether territory ``code`` falls under one of ``words``: a code (itself, rolled up, its country), a group id, or the region."""
    for word in words:
        if word == REGION:
            word = plan.metadata.region_code
        if code == word or index.plan_territory(code) == word or country_of(code) == word or index.group(code) == word:
            return True
    return False


def _new_stakeholders(log: ActivityLog, start: dt.date, end: dt.date) -> pd.DataFrame:
    """The stakeholders first involved between ``start`` and ``end``, each with the activity of that involvement."""
    first = first_involvement_frame(log)
    first = first[first["date"].between(pd.Timestamp(start), pd.Timestamp(end))].reset_index(drop=True)
    # The frame's index is its row positions, so row -1 (known from the
    # registry, no activity) reindexes to a row of NaN: no type, no territory.
    activity = log.activities.reindex(first["row"])[_DESCRIBED].reset_index(drop=True)
    dates = first["date"]
    counted = activity.assign(
        date=dates, year=dates.dt.year, quarter=dates.dt.quarter, row=first["row"], stakeholder=first["stakeholder"], amount=1
    )
    return counted[_COUNTED]


def _selected(plan, log, indicator, year, at, territory, index, key: str = "source", done: dict | None = None) -> pd.DataFrame:
    """The counted frame of ``indicator``'s source ``key`` in ``year`` at ``at``, only in ``territory`` when given.

    A parent's frame holds its children's items (a child's figure is part of its parent's).
    ``done`` keeps the frames already worked out for one year and date, so a
    child counted for its parent is not counted again for itself.
    """
    known = (indicator.id, key, territory)
    if done is not None and known in done:
        return done[known]
    if indicator.children:
        frames = [_selected(plan, log, plan.indicator(child), year, at, territory, index, done=done) for child in indicator.children]
        counted = pd.concat(frames)
    else:
        counted = _counted(plan, log, getattr(indicator, key), *_window(plan, indicator, year, at))
        if territory is not None:
            counted = counted[counted["territory"].isin(_codes_in(index, log, territory))]
    if done is not None:
        done[known] = counted
    return counted


def _codes_in(index: TerritoryIndex, log: ActivityLog, territory: str) -> list[str]:
    """The log's territory codes that count under ``territory``: itself, rolled up into it, or its country."""
    return [
        code
        for code in log.activities["territory"].cat.categories
        if code == territory or index.plan_territory(code) == territory or country_of(code) == territory
    ]


def _total(counted: pd.DataFrame, basis: str) -> int:
    """A counted frame's figure: the sum of its amounts, or for a level the latest amount (by date, then file order)."""
    if basis != "level":
        return int(counted["amount"].sum())
    if counted.empty:
        return 0
    return int(counted.sort_values("date", kind="stable")["amount"].iloc[-1])


# -- breakdown keys -----------------------------------------------------------------


class _Keys:
    """What one status shares across its indicators: breakdown keys and labels, and the counted frames."""

    def __init__(self, plan: Plan, log: ActivityLog, lang: str):
        self.plan, self.log, self.lang = plan, log, lang
        self.index = TerritoryIndex(plan)
        #: The counted frames of this status's indicators (see :func:`_selected`).
        self.counted: dict = {}

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
    """The status word for an indicator where more is better.

    Achieved once the target is reached. Otherwise the ratio of actual to
    expected-to-date falls in the plan's bands; once the year is over a
    missed target can no longer be "on track", so it is at risk or behind.
    """
    if actual >= target:
        return "achieved"
    ratio = actual / expected if expected > 0 else 1.0
    return _band(plan, ratio, year_over)


def _band(plan: Plan, ratio: float, year_over: bool) -> str:
    """The status word of a target not (yet) reached, from the ratio of progress made to progress expected.

    Once the year is over a missed target is :data:`NOT_ACHIEVED`: it is no
    longer at risk or behind, it was not reached.
    """
    if year_over:
        return NOT_ACHIEVED
    if ratio >= plan.thresholds.on_track:
        return "on_track"
    if ratio >= plan.thresholds.at_risk:
        return "at_risk"
    return "behind"


def _decrease_status(plan: Plan, baseline: float, target: float, value: float, expected: float, accumulating: bool, year_over: bool) -> str:
    """The status word for an indicator where less is better, measured from its baseline.

    A level or a percentage is achieved once at or under the target; a count
    that adds up over the year only when the year is over (until then it can
    still grow), and it is behind as soon as it passes the target. ``value``
    is the figure judged: for a count that adds up, its projection to the
    year's end, which is then compared with the target itself.
    """
    if accumulating:
        if value > target and year_over or expected > target:
            return "behind"
        if year_over:
            return "achieved"
        expected = target
    elif value <= target:
        return "achieved"
    wanted = baseline - expected
    ratio = (baseline - value) / wanted if wanted > 0 else 1.0
    return "on_track" if ratio >= 1 and not year_over else _band(plan, ratio, year_over)


def check_options(
    plan: Plan,
    *,
    year: int | None,
    by: str | None,
    indicator_ids: list[str] | None,
    territory: str | None,
    lang: str = "it",
) -> tuple[list[str] | None, str | None]:
    """Refuse options the plan cannot answer; return the indicator ids and the territory code they name.

    Indicators and the territory may be given by id or by label in either
    language (:func:`relint_kpi.choices.resolve_choice`). Raises
    :class:`UsageError` naming the valid choices.
    """
    if year is not None and year not in plan.years:
        raise UsageError("year-outside-plan", year=year, choices=[str(y) for y in plan.years])
    if by is not None and by not in BREAKDOWNS:
        raise UsageError("unknown-breakdown", value=by, choices=list(BREAKDOWNS))
    ids = None if indicator_ids is None else [resolve_choice(plan, "indicator", wanted, lang) for wanted in indicator_ids]
    code = None if territory is None else resolve_choice(plan, "territory", territory, lang)
    return ids, code


def territory_view(plan: Plan, code: str, lang: str) -> TerritoryView:
    """What a view filtered to ``code`` is: its name, and the priority territories that lie inside it."""
    index = TerritoryIndex(plan)
    names = {t.code: t.name.get(lang) for _, t in plan.all_territories()}
    inside = [(c, names[c]) for c in priority_inside(plan, code)]
    return TerritoryView(code, names.get(code) or iso_name(code, lang), code in index.by_code, inside)


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
    interval: float = 0.8,
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
    Count indicators carry a :class:`Forecast` with the central
    ``interval`` share (0.8: 80 %) of the year-end figures it deems likely.
    Raises :class:`UsageError` for options the plan cannot answer.
    """
    indicator_ids, code = check_options(
        plan, year=year, by=by, indicator_ids=indicator_ids, territory=territory, lang=lang
    )
    if not 0 < interval < 1:
        raise UsageError("bad-interval", value=f"{interval * 100:g}")
    year, at = _year_and_as_of(plan, year, as_of, today)
    elapsed = quarters_elapsed(year, at)
    keys = _Keys(plan, log, lang)
    rows = [
        _indicator_status(plan, log, indicator, year, at, elapsed, by, code, keys, interval)
        for indicator in plan.indicators
        if not indicator_ids or indicator.id in indicator_ids
    ]
    view = territory_view(plan, code, lang) if code is not None else None
    return StatusTable(plan.metadata.title.get(lang), year, at, lang, by, rows, view)


def _year_and_as_of(plan: Plan, year: int | None, as_of: dt.date | None, today: dt.date | None) -> tuple[int, dt.date]:
    """The year asked about and the day it is measured at (see :func:`compute_status`)."""
    period = plan.metadata.period
    return year_and_as_of(plan.years, as_of or default_as_of(period.start, period.end, today), year)


def _indicator_status(plan, log, indicator, year, at, elapsed, by, territory, keys, interval) -> IndicatorStatus:
    """One indicator's row of the status table."""
    if indicator.measure == "qualitative":
        return _qualitative_status(plan, log, indicator, year, at, elapsed, keys.lang)
    key = "numerator" if indicator.measure == "percentage" else "source"
    counted = _selected(plan, log, indicator, year, at, territory, keys.index, key, keys.counted)
    figures = {}
    if indicator.measure == "percentage":
        denominators = _selected(plan, log, indicator, year, at, territory, keys.index, "denominator", keys.counted)
        numerator, denominator = _total(counted, indicator.basis), _total(denominators, indicator.basis)
        actual = round(numerator / denominator * 100, 1) if denominator else None
        figures = {"numerator": numerator, "denominator": denominator}
        carried = 0
    else:
        actual = _total(counted, indicator.basis)
        carried = int(counted.loc[counted["year"] < year, "amount"].sum()) if indicator.basis == "cumulative" else 0
    breakdown = None
    if by is not None and indicator.measure == "count" and indicator.basis != "level":
        breakdown = _breakdown(indicator, counted, by, keys)
    if territory is not None:
        # Filtered: the territory's part of the whole, judged only against a target of its own.
        figures |= _share_of_whole(plan, log, indicator, year, at, keys, key, actual)
        if target_for(indicator, year, plan.years, plan, territory=territory) is None:
            return _unjudged(plan, indicator, keys.lang, actual, breakdown, figures)
    row = _figures(plan, indicator, year, elapsed, keys.lang, actual, carried, breakdown, territory)
    if indicator.measure == "count" and indicator.basis != "level" and "metric" not in _source_kinds(plan, indicator):
        this_year = counted.loc[counted["year"] == year, "amount"]
        found = forecast(
            this_year.to_numpy(),
            elapsed / 4,
            target=row.target - carried,
            interval=interval,
            decrease=indicator.direction == "decrease",
            unit_amounts=_unit_amounts(plan, indicator),
            seed=_seed(indicator.id, year, at),
        )
        if found is not None:
            figures["forecast"] = Forecast(found.low + carried, found.high + carried, found.interval, found.probability)
    return dataclasses.replace(row, **figures)


def _source_kinds(plan: Plan, indicator: Indicator) -> set[str]:
    """The kinds of source an indicator's figure comes from (its children's, for a parent).

    A metric (page views) is recorded as one total per period, not as items
    that arrive one by one, so it gets no forecast (see :func:`forecast`).
    """
    sources = [plan.indicator(child).source for child in indicator.children] if indicator.children else [indicator.source]
    return {source.kind for source in sources}


def _unit_amounts(plan: Plan, indicator: Indicator) -> bool:
    """Whether each item of the indicator adds 1 (rows counted, stakeholders), so a year without items yet still has a forecast."""
    return _source_kinds(plan, indicator) <= {"activity_count", "new_stakeholders"}


def _seed(indicator_id: str, year: int, at: dt.date) -> int:
    """A fixed seed per indicator, year and as-of date, so the same data give the same forecast."""
    return zlib.crc32(f"{indicator_id}|{year}|{at.isoformat()}".encode())


def _describe(plan: Plan, indicator: Indicator, lang: str) -> dict:
    """What a status row says about an indicator whatever its figures: its kind, baseline, parent, children, reading."""
    parent = plan.parent_of(indicator.id)
    baseline = indicator.baseline
    return {
        "measure": indicator.measure,
        "direction": indicator.direction,
        "baseline": _number(indicator, baseline.value) if baseline is not None else None,
        "baseline_year": baseline.year if baseline is not None else None,
        "parent": parent.id if parent is not None else None,
        "children": list(indicator.children),
        "reading": indicator.reading.get(lang) if indicator.reading is not None else None,
    }


def _share_of_whole(plan, log, indicator, year, at, keys, key, actual) -> dict:
    """``total`` (the whole plan's actual) and ``share`` (the territory's part of it) for a filtered view."""
    whole = _selected(plan, log, indicator, year, at, None, keys.index, key, keys.counted)
    if indicator.measure != "count":
        return {"total": None, "share": None}
    total = _total(whole, indicator.basis)
    return {"total": total, "share": round(actual / total * 100, 1) if total and actual is not None else None}


def _unjudged(plan, indicator, lang, actual, breakdown, figures: dict) -> IndicatorStatus:
    """A filtered view's row for an indicator without a target for the territory: its actual, nothing judged."""
    unjudged = dict.fromkeys(("target", "percent", "expected_to_date", "projected", "remaining", "required_per_quarter", "status"))
    return IndicatorStatus(
        id=indicator.id,
        title=indicator.title.get(lang),
        unit=indicator.unit.get(lang),
        basis=indicator.basis,
        actual=actual,
        breakdown=breakdown,
        **unjudged,
        **_describe(plan, indicator, lang),
        **figures,
    )


def _figures(plan, indicator, year, elapsed, lang, actual, carried, breakdown, territory=None) -> IndicatorStatus:
    """An indicator's status from its actual and the part of it carried from earlier years.

    For a count that adds up over the year (annual, cumulative) the
    projection is the pace so far carried to the year's end; a level and a
    percentage project as they stand. ``territory`` chooses the plan's
    target for that territory instead of the whole plan's.
    """
    target = target_for(indicator, year, plan.years, plan, territory=territory)
    accumulating = indicator.measure == "count" and indicator.basis != "level"
    previous = 0.0
    if indicator.basis != "annual" or indicator.measure == "percentage":
        previous = target_for(indicator, year - 1, plan.years, plan, territory=territory) or 0.0
    if indicator.measure == "percentage" and year == plan.years[0]:
        previous = _number(indicator, indicator.baseline.value) if indicator.baseline is not None else target
    expected = previous + (target - previous) * elapsed / 4
    quarters_left = 4 - elapsed
    described = _describe(plan, indicator, lang)
    if actual is None:
        # Nothing measured yet (a share of no activities, an average of none): no projection
        # and no distance to the target, not 0, which reads "nothing missing".
        projected, percent, remaining = None, None, None
    else:
        this_year = actual - carried
        projected = carried + (this_year * 4 / elapsed if elapsed > 0 else 0.0) if accumulating else actual
        remaining = max(target - actual, 0) if indicator.direction == "increase" else max(actual - target, 0)
        percent = _percent_achieved(indicator, target, actual)
    # Once the year is over no quarter is left: the pace needed has no value (not 0, which reads "nothing needed").
    required = None
    if quarters_left > 0 and remaining is not None:
        required = 0.0 if accumulating and indicator.direction == "decrease" else remaining / quarters_left
    if actual is None:
        status = NOT_ACHIEVED if elapsed >= 4 else "at_risk"
    elif indicator.direction == "decrease":
        judged = actual if elapsed >= 4 or not accumulating else projected
        status = _decrease_status(plan, described["baseline"], target, judged, expected, accumulating, elapsed >= 4)
    else:
        status = _status(plan, target, actual, expected, year_over=elapsed >= 4)
    return IndicatorStatus(
        id=indicator.id,
        title=indicator.title.get(lang),
        unit=indicator.unit.get(lang),
        basis=indicator.basis,
        target=round(target) if indicator.measure == "count" else round(target, 1),
        actual=actual,
        percent=percent,
        expected_to_date=round(expected, 1),
        projected=None if projected is None else round(projected, 1),
        remaining=None if remaining is None else round(remaining) if indicator.measure == "count" else round(remaining, 1),
        required_per_quarter=round(required, 1) if required is not None else None,
        status=status,
        breakdown=breakdown,
        **described,
    )


def _percent_achieved(indicator: Indicator, target: float, actual: float) -> float | None:
    """% achieved: actual ÷ target, or for a decrease (baseline − actual) ÷ (baseline − target)."""
    if indicator.direction == "decrease":
        start = _number(indicator, indicator.baseline.value)
        return round((start - actual) / (start - target) * 100, 1) if start != target else 100.0
    return round(actual / target * 100, 1) if target else 100.0


def _qualitative_status(plan: Plan, log: ActivityLog, indicator: Indicator, year: int, at: dt.date, elapsed: float, lang: str) -> IndicatorStatus:
    """A qualitative indicator's row: the latest level recorded by ``at`` in the plan period, never a sum."""
    start, end = _window(plan, indicator, year, at)
    records = pd.DataFrame(
        [(a.date, a.level, a.reason) for a in log.assessments if a.indicator == indicator.id],
        columns=["date", "level", "reason"],
    )
    records = records[records["date"].between(start, end)].sort_values("date", kind="stable")
    latest = records.iloc[-1] if not records.empty else None
    actual = float(indicator.level_index(latest["level"])) if latest is not None else None
    row = _figures(plan, indicator, year, elapsed, lang, actual, 0, None)
    labels = {level.id: level.label.get(lang) for level in indicator.scale}
    by_position = list(labels.values())
    target_level = by_position[int(row.target)] if indicator.targets or row.target else None
    if actual is not None and actual >= row.target:
        status = "achieved"
    else:
        status = NOT_ACHIEVED if elapsed >= 4 else "at_risk"
    return dataclasses.replace(
        row,
        level=labels[latest["level"]] if latest is not None else None,
        reason=latest["reason"] if latest is not None else None,
        target_level=target_level,
        baseline_level=by_position[int(row.baseline)] if row.baseline is not None else None,
        status=status,
        percent=None,
        projected=actual,
        remaining=0,
        required_per_quarter=0.0,
    )


# -- the forecast -------------------------------------------------------------------

#: How many simulated years a forecast draws.
FORECAST_DRAWS = 20_000


def forecast(
    amounts: np.ndarray,
    share: float,
    *,
    target: float,
    interval: float = 0.8,
    decrease: bool = False,
    unit_amounts: bool = True,
    seed: int = 0,
    draws: int = FORECAST_DRAWS,
) -> Forecast | None:
    """The year-end total of a count, with an interval and the chance of reaching ``target``.

    ``amounts``: what each item counted so far this year added (a row, its
    participants, its page views); ``share``: the part of the year elapsed.

    The model (README, "Forecast"): items arrive as a Poisson process whose
    yearly rate is unknown. With the Jeffreys prior, after ``n`` items in
    ``share`` of a year the rate is Gamma(n + ½, share); the items still to
    come are Poisson at that rate over the rest of the year (so, over the
    rate's uncertainty, negative binomial), and each adds an amount drawn
    from those recorded so far (1 each when there are none yet and
    ``unit_amounts``). The total is simulated ``draws`` times with ``seed``;
    the interval is the central ``interval`` share of the simulated totals,
    the probability the share of them at or over ``target`` (at or under it
    when ``decrease``). None before the year starts, once it is over, and
    when nothing counted yet tells how much an item adds.
    """
    if not 0 < share < 1:
        return None
    amounts = np.asarray(amounts, dtype=np.float64)
    if amounts.size == 0 and not unit_amounts:
        return None
    rng = np.random.default_rng(seed)
    rates = rng.gamma(amounts.size + 0.5, 1 / share, size=draws)
    arrivals = rng.poisson(rates * (1 - share))
    if amounts.size == 0 or np.all(amounts == 1):
        still = arrivals.astype(np.float64)
    else:
        drawn = rng.choice(amounts, size=int(arrivals.sum()))
        still = np.bincount(np.repeat(np.arange(draws), arrivals), weights=drawn, minlength=draws)
    totals = amounts.sum() + still
    tail = (1 - interval) / 2
    low, high = np.quantile(totals, [tail, 1 - tail], method="inverted_cdf")
    reached = totals <= target if decrease else totals >= target
    return Forecast(int(low), int(high), interval, round(float(reached.mean()), 3))


def _breakdown(indicator, counted: pd.DataFrame, by, keys) -> list[BreakdownRow] | None:
    """The counted items' amounts added up by key, or None when ``by`` does not apply to the indicator."""
    if by in STAKEHOLDER_BREAKDOWNS and indicator.source is None or by in STAKEHOLDER_BREAKDOWNS and indicator.source.kind != "new_stakeholders":
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

    A parent's rows are its children's; a percentage's are its numerator's.

    For new stakeholders, each row is the activity of a stakeholder's first
    involvement (or the registry line when ``first_involved`` comes first;
    such a row comes first on its date).
    """
    (indicator_id,), code = check_options(plan, year=year, by=None, indicator_ids=[indicator_id], territory=territory)
    indicator = plan.indicator(indicator_id)
    if indicator.measure == "qualitative":
        raise UsageError("explain-qualitative", id=indicator_id)
    year, at = _year_and_as_of(plan, year, as_of, today)
    key = "numerator" if indicator.measure == "percentage" else "source"
    counted = _selected(plan, log, indicator, year, at, code, TerritoryIndex(plan), key).reset_index(drop=True)
    # Row -1 (a registry-only first involvement) reindexes to no file, line, id or title.
    written = log.activities.reindex(counted["row"].to_numpy())[["path", "line", "id", "title"]].reset_index(drop=True)
    counted = counted.join(written)
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


# -- likely duplicates (relint validate's warnings) ------------------------------------


@dataclass(frozen=True)
class LikelyDuplicate:
    """A row that seems to record again what an earlier row records (same day, type, territory; similar title)."""

    path: str
    line: int
    title: str
    first_path: str
    first_line: int
    first_title: str


#: A group of same-day, same-type, same-territory rows with more distinct titles
#: than this has its titles compared for equality only (difflib costs a pair each).
_FUZZY_GROUP = 20
_DIGITS = re.compile(r"[0-9]+")


def likely_duplicates(log: ActivityLog) -> list[LikelyDuplicate]:
    """Rows with the same date, type and territory as an earlier row and a similar title, in file order.

    Titles that are equal but for case and spacing are found over the whole
    log with array codes (each distinct title normalised once); titles that
    differ a little (:func:`~relint_kpi.textmatch.similar_titles`) are
    compared pairwise, only among the distinct titles of a day, type and
    territory with the same numbers.
    """
    activities = log.activities
    if activities.empty:
        return []
    days = activities["date"].to_numpy().astype("datetime64[D]").view(np.int64)
    kinds = activities["type"].cat.codes.to_numpy().astype(np.int64)
    territories = activities["territory"].cat.codes.to_numpy().astype(np.int64) + 1  # 0: none
    # One key per day, type and territory (a plan spans a few thousand days: no overflow).
    width = len(activities["territory"].cat.categories) + 1
    key = ((days - days.min()) * len(activities["type"].cat.categories) + kinds) * width + territories
    group = pd.factorize(key)[0]
    # Only rows that share their day, type and territory with another row can repeat one.
    rows = np.flatnonzero(np.bincount(group)[group] > 1)
    if not len(rows):
        return []
    group = group[rows]
    title_codes, titles = pd.factorize(activities["title"].to_numpy(dtype=object)[rows])
    norm_of_title, norms = pd.factorize(np.array([normalised(title) for title in titles.tolist()], dtype=object))
    norm = norm_of_title[title_codes]
    # The same title but for case and spacing: each later row repeats the first of its group.
    first_at = _first_of_each(_pair_codes(group, norm))
    repeats = np.flatnonzero(first_at != np.arange(len(first_at)))
    later, earlier = [repeats], [first_at[repeats]]
    # Other similar titles: compared pair by pair, among the distinct titles of a day, type and territory with the same numbers.
    firsts = np.flatnonzero(first_at == np.arange(len(first_at)))
    firsts = firsts[np.bincount(group[firsts])[group[firsts]] > 1]
    inverse, wanted = pd.factorize(norm[firsts])
    # Titles that differ in their numbers never match ("Riunione 1", "Riunione 2").
    numbers = pd.factorize(np.array([" ".join(_DIGITS.findall(norms[code])) for code in wanted.tolist()], dtype=object))[0]
    bucket = _pair_codes(group[firsts], numbers[inverse])
    sizes = np.bincount(bucket)[bucket] if len(bucket) else bucket
    compared = (sizes > 1) & (sizes <= _FUZZY_GROUP)
    members, buckets = firsts[compared], bucket[compared]
    order = np.argsort(buckets, kind="stable")  # a bucket's members stay in file order
    members, buckets = members[order], buckets[order]
    title_of = titles[title_codes[members]].tolist()
    similar = [
        (member, next((e for e in range(start, member) if similar_titles(title_of[e], title_of[member])), None))
        for start, end in _runs(buckets)
        for member in range(start + 1, end)
    ]
    later += [members[[member for member, match in similar if match is not None]]]
    earlier += [members[[match for _, match in similar if match is not None]]]
    later, earlier = rows[np.concatenate(later)], rows[np.concatenate(earlier)]
    if not len(later):
        return []
    paths, lines = activities["path"].astype(object).to_numpy(), activities["line"].to_numpy()
    all_titles = activities["title"].to_numpy(dtype=object)
    pairs = [
        LikelyDuplicate(paths[a], int(lines[a]), all_titles[a], paths[b], int(lines[b]), all_titles[b])
        for a, b in zip(later.tolist(), earlier.tolist())
    ]
    return sorted(pairs, key=lambda p: (p.path, p.line))


def _pair_codes(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """A code per row for its pair of non-negative integer codes, in order of first appearance."""
    return pd.factorize(first.astype(np.int64) * (int(second.max(initial=0)) + 1) + second)[0]


def _first_of_each(codes: np.ndarray) -> np.ndarray:
    """For each row, the position of the first row with its code (codes in order of first appearance, as pd.factorize gives)."""
    new = np.ones(len(codes), dtype=bool)
    new[1:] = codes[1:] > np.maximum.accumulate(codes)[:-1]
    return np.flatnonzero(new)[codes]


def _runs(values: np.ndarray) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each run of equal values of a sorted array."""
    bounds = [0, *(np.flatnonzero(np.diff(values)) + 1).tolist(), len(values)]
    return list(itertools.pairwise(bounds)) if len(values) else []
