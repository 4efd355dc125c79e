"""The year-end report as plain data: computed once, rendered many ways.

:func:`build_report` takes a validated plan and activity log and returns a
:class:`Report`: frozen dataclasses of ids, keys, numbers and dates, plus the
plan's own texts (titles, names) in the report's language. Every other word
and all layout (headings, column titles, sentences) belong to the renderers
in :mod:`relint_kpi.render`. The figures are computed from the log's pandas
DataFrame (:data:`relint_kpi.records.FRAME_COLUMNS`).

Definitions used throughout (documented in the README's report section):

- an activity *counts in the year* when it is dated in the report's year on
  or before the as-of date; activity figures sum the rows' ``value``
  (1 unless the row says otherwise) over non-metric rows (page-view rows are
  indicators, not activities);
- an action's *linked activities* are the rows whose ``action`` column holds
  its id; its *deliverable* is the earliest one recorded for it (with
  ``relint complete-action``) on or before the as-of date;
- an action's status is ``done`` when it has a deliverable; ``overdue`` when
  its window ended before the as-of date without one; ``in_progress`` when
  its window has started or it has linked activities; ``not_started``
  otherwise;
- a stakeholder's *first involvement* is its earliest activity in the log,
  or the registry's ``first_involved`` date when that is earlier; it is
  *new* in the year of its first involvement and *returning* when active in
  a later year.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd

from relint_kpi.periods import quarter_of, year_and_as_of
from relint_kpi.plan import Plan
from relint_kpi.issues import UsageError
from relint_kpi.notes import note_for
from relint_kpi.progress import (
    NOT_ACHIEVED,
    OTHER,
    StatusTable,
    compute_status,
    first_involvement_frame,
    stakeholder_mentions,
    target_for,
)
from relint_kpi.records import ActivityLog, Deliverable, Note
from relint_kpi.territories import TerritoryIndex, iso_name

#: Version of the report's JSON layout; bumped when a key changes meaning.
#: 2: a closed year's missed target is ``not_achieved``; notes, indicator
#: sheets, ``closed``, ``previous_as_of``, ``generated_local`` and
#: ``other_in_groups`` added.
REPORT_SCHEMA_VERSION = 2


@dataclass(frozen=True)
class Labelled:
    """An item of the plan named by id and title (an objective, a result…)."""

    id: str
    title: str


@dataclass(frozen=True)
class HeadlineRow:
    """One indicator in the headline: the year's target, actual, % and status.

    ``previous_*`` hold the previous plan year's target and actual at
    :attr:`Report.previous_as_of` (the trend); they are ``None`` when the
    report's year is the plan's first. ``reason`` and ``next_steps`` are the
    office's note for the year (``notes.csv``), ``None`` when there is none.
    The fields after them describe the indicator as the status row does
    (:class:`~relint_kpi.progress.IndicatorStatus`): its measure and
    direction, its baseline (value and year), its parent and children, a
    percentage's counts, a qualitative indicator's levels (``level_reason``:
    why the latest level was given) and the plan's reading of its wording.
    """

    id: str
    title: str
    unit: str
    basis: str
    target: float
    actual: float | None
    percent: float | None
    status: str
    previous_target: float | None = None
    previous_actual: float | None = None
    previous_percent: float | None = None
    previous_status: str | None = None
    reason: str | None = None
    next_steps: str | None = None
    measure: str = "count"
    direction: str = "increase"
    baseline: float | None = None
    baseline_year: int | None = None
    parent: str | None = None
    children: list[str] = field(default_factory=list)
    numerator: int | None = None
    denominator: int | None = None
    level: str | None = None
    target_level: str | None = None
    baseline_level: str | None = None
    level_reason: str | None = None
    reading: str | None = None


#: The fields a headline row takes, by the same name, from its status row.
_DESCRIBING = (
    "measure", "direction", "baseline", "baseline_year", "parent", "children", "numerator", "denominator",
    "level", "target_level", "baseline_level", "reading",
)


@dataclass(frozen=True)
class ResultSummary:
    """An expected result: its objectives and how far its indicators got.

    ``indicators`` are ids of :attr:`Report.headline` rows; ``average_percent``
    is the mean of their percentages, each capped at 100 so one indicator far
    over target does not hide another far below.
    """

    id: str
    title: str
    objectives: list[Labelled]
    indicators: list[str]
    achieved: int
    average_percent: float


@dataclass(frozen=True)
class CountRow:
    """One key of an activity breakdown: activities and event participants.

    ``label`` and ``group`` are the plan's names; ``label`` is ``None`` for
    the :data:`OTHER` row, which is no item of the plan.
    """

    key: str
    label: str | None
    group: str | None
    activities: int
    participants: int


@dataclass(frozen=True)
class StakeholderRow:
    """Stakeholders of one kind active in the year, split into new and returning.

    ``label`` is the plan's name of a category; ``None`` for the ``internal``
    and ``external`` rows, which the plan does not name.
    """

    key: str
    label: str | None
    active: int
    new: int
    returning: int


@dataclass(frozen=True)
class ActionRow:
    """A systemic action: its window, linked activities, deliverable, status and the office's note."""

    id: str
    title: str
    territory: str | None
    timing: str
    start: dt.date
    end: dt.date
    activities: int
    activities_to_date: int
    deliverable_date: dt.date | None
    deliverable_note: str | None
    status: str
    reason: str | None = None
    next_steps: str | None = None


@dataclass(frozen=True)
class Figure:
    """A headline number of an evaluation criterion, optionally out of a total.

    ``value`` is ``None`` when the figure does not apply (e.g. continuity
    with the previous year in the plan's first year).
    """

    key: str
    value: int | float | None
    total: int | None = None
    percent: float | None = None


@dataclass(frozen=True)
class Criterion:
    """One of the plan's evaluation criteria with the figures computed from the data.

    ``rows`` are the detail rows, one dict per row from column key to value;
    each ``measure`` has its own keys (see the functions in :data:`_CRITERIA`).
    """

    id: str
    title: str
    measure: str
    figures: list[Figure]
    rows: list[dict]


@dataclass(frozen=True)
class AttentionItem:
    """Something that needs attention: an ``indicator``, ``action`` or ``territory``.

    ``key`` is the indicator's or action's id, or the territory's code; the
    figures behind it are in the report's headline, actions and
    ``by_territory`` rows. ``reason_missing`` marks a target missed in a
    closed year that no note explains.
    """

    kind: str
    key: str
    reason_missing: bool = False


@dataclass(frozen=True)
class SheetYear:
    """One plan year of an indicator sheet: its target and, up to the report's year, what was observed.

    ``actual``, ``percent``, ``status`` and ``as_of`` are ``None`` for a year
    after the report's.
    """

    year: int
    target: int
    actual: int | None = None
    percent: float | None = None
    status: str | None = None
    as_of: dt.date | None = None


@dataclass(frozen=True)
class IndicatorSheet:
    """The *scheda indicatore* (DPCM 18/9/2012): what an indicator is and how it is computed.

    ``source`` is the plan's source kind (``activity_count``,
    ``participants``, ``metric``, ``new_stakeholders``; ``children`` for a
    parent, ``assessments`` for a qualitative indicator; a percentage's
    numerator's kind); ``activity_type``
    the plan's name of the activity type it counts (or of the metric), None
    for new stakeholders. ``definition`` is the plan's note on the
    indicator, if any. ``plan_start`` is the day a cumulative count starts.
    ``levels``: a qualitative indicator's scale labels, worst first (its
    targets and actuals are positions in it); ``baseline`` the plan's value
    (a level id for a qualitative indicator) and ``baseline_year``;
    ``children`` the titles of a parent's children; ``reading`` how relint
    reads the plan's wording where it is ambiguous.
    """

    id: str
    title: str
    unit: str
    basis: str
    source: str
    activity_type: str | None
    definition: str | None
    disaggregations: list[str]
    plan_start: dt.date
    years: list[SheetYear]
    measure: str = "count"
    levels: list[str] = field(default_factory=list)
    baseline: float | str | None = None
    baseline_year: int | None = None
    children: list[str] = field(default_factory=list)
    reading: str | None = None


@dataclass(frozen=True)
class Report:
    """The year-end report: every section's figures, ready to render."""

    plan: str
    region: str
    office: str
    year: int
    as_of: dt.date
    lang: str
    generated_at: str
    previous_year: int | None
    activities_total: int
    headline: list[HeadlineRow] = field(default_factory=list)
    results: list[ResultSummary] = field(default_factory=list)
    by_group: list[CountRow] = field(default_factory=list)
    by_territory: list[CountRow] = field(default_factory=list)
    by_type: list[CountRow] = field(default_factory=list)
    stakeholders_by_internal: list[StakeholderRow] = field(default_factory=list)
    stakeholders_by_category: list[StakeholderRow] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)
    attention: list[AttentionItem] = field(default_factory=list)
    #: True when the as-of date is the year's last day: the year is over.
    closed: bool = False
    #: The date the previous year's figures are taken at: its 31 December for
    #: a closed year, the same day a year earlier for a mid-year report.
    previous_as_of: dt.date | None = None
    #: The generation time in the machine's local time zone (``generated_at`` is UTC).
    generated_local: dt.datetime | None = None
    #: Activities of the year outside the priority territories but in a
    #: territory group's countries: in "other" by territory, in their group by group.
    other_in_groups: int = 0
    #: Stakeholders new in the year (first involved, by the registry's date) but in no activity of the year.
    new_not_active: int = 0
    indicator_sheets: list[IndicatorSheet] = field(default_factory=list)

    def indicator(self, indicator_id: str) -> HeadlineRow:
        """The headline row of ``indicator_id`` (KeyError if none)."""
        for row in self.headline:
            if row.id == indicator_id:
                return row
        raise KeyError(indicator_id)


def _percent(part: int, whole: int) -> float | None:
    """``part`` as a percentage of ``whole``, one decimal; None when ``whole`` is 0."""
    return round(part / whole * 100, 1) if whole else None


# -- building the report -----------------------------------------------------------


def generation_time() -> dt.datetime:
    """Now, in UTC, or the time in ``SOURCE_DATE_EPOCH`` when it is set.

    ``SOURCE_DATE_EPOCH`` (seconds since 1970, the reproducible-builds
    convention) makes two exports of the same data byte-identical. A value
    that is not a whole number of seconds between 1970 and the year 9999
    (``²``, ``-1``, ``99999999999999``) is a :class:`UsageError`, as the
    convention asks: a report silently stamped "now" would not be reproducible.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.datetime.now(dt.timezone.utc)
    if epoch.isascii() and epoch.isdigit():
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
        except (OverflowError, OSError, ValueError):
            pass  # beyond the year 9999: said below
    raise UsageError("report.bad_epoch", value=epoch)


def local_zone() -> dt.tzinfo | None:
    """The time zone a report states its generation time in: ``TZ`` when set and known, else the system's (None)."""
    name = os.environ.get("TZ", "").strip().lstrip(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass  # a POSIX TZ string such as "CET-1": the C library's local time has it
    return None


def resolve_as_of(plan: Plan, year: int, as_of: dt.date | None, today: dt.date | None = None) -> dt.date:
    """Check ``year`` against the plan and pick the as-of date.

    The default is the year's last day, or today while the year is running.
    Raises :class:`UsageError` for a year outside the plan, an as-of date in
    another year, or a year that has not started yet.
    """
    years = plan.years
    if year not in years:
        raise UsageError("year-outside-plan", year=year, choices=[str(y) for y in years])
    if as_of is not None:
        if as_of.year != year:
            raise UsageError("as-of-other-year", date=as_of.isoformat(), year=year)
        return as_of
    today = today or dt.date.today()
    _, chosen = year_and_as_of(years, today, year)
    if chosen.year != year:
        raise UsageError("year-not-started", year=year, today=today.isoformat())
    return chosen


def build_report(
    plan: Plan,
    log: ActivityLog,
    *,
    year: int,
    as_of: dt.date | None = None,
    lang: str = "it",
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Report:
    """Compute the year-end report of ``year`` at ``as_of`` in ``lang``.

    ``today`` fixes "today" for the default as-of date and ``now`` the
    generation timestamp (default: :func:`generation_time`).
    Raises :class:`UsageError` for a year outside the plan or an as-of date
    outside the year.
    """
    as_of = resolve_as_of(plan, year, as_of, today)
    now = now or generation_time()
    scope = _Scope(plan, log, year, as_of, lang)
    closed = is_closed(year, as_of)

    status = compute_status(plan, log, year=year, as_of=as_of, lang=lang)
    previous = previous_as_of = None
    if scope.previous_year is not None:
        previous_as_of = same_day_in(scope.previous_year, as_of)
        previous = compute_status(plan, log, year=scope.previous_year, as_of=previous_as_of, lang=lang)
    headline = _headline(status, previous, log.notes, year, closed, is_closed(year - 1, previous_as_of) if previous_as_of else False)

    by_group, by_territory, by_type = _breakdowns(scope)
    actions = _actions(scope, log.notes)
    meta = plan.metadata
    in_year = scope.in_year
    return Report(
        plan=meta.title.get(lang),
        region=meta.region.get(lang),
        office=meta.office.get(lang),
        year=year,
        as_of=as_of,
        lang=lang,
        generated_at=now.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        previous_year=scope.previous_year,
        activities_total=int(in_year["value"].sum()),
        headline=headline,
        results=_results(plan, headline, lang),
        by_group=by_group,
        by_territory=by_territory,
        by_type=by_type,
        stakeholders_by_internal=_stakeholder_rows(scope.people, "side", {"internal": None, "external": None}),
        stakeholders_by_category=_stakeholder_rows(
            scope.people, "category", {c.id: c.label.get(lang) for c in plan.stakeholder_categories}
        ),
        actions=actions,
        criteria=[_CRITERIA[c.measure](scope, c.id, c.title.get(lang)) for c in plan.evaluation_criteria],
        attention=_attention(headline, actions, by_territory, closed),
        closed=closed,
        previous_as_of=previous_as_of,
        generated_local=now.astimezone(local_zone()).replace(microsecond=0),
        other_in_groups=int(in_year.loc[(in_year["plan_territory"] == OTHER) & (in_year["territory_group"] != OTHER), "value"].sum()),
        new_not_active=int((scope.people["new"] & ~scope.people["active"]).sum()),
        indicator_sheets=_sheets(plan, log, year, as_of, lang, headline, previous if closed else None),
    )


def is_closed(year: int, as_of: dt.date) -> bool:
    """True when ``as_of`` is ``year``'s last day or later: the year is over."""
    return as_of >= dt.date(year, 12, 31)


def same_day_in(year: int, as_of: dt.date) -> dt.date:
    """The date a year's figures are compared at: ``as_of``'s day and month in ``year``.

    A closed year compares with the whole of ``year``; 29 February becomes 28.
    """
    if is_closed(as_of.year, as_of):
        return dt.date(year, 12, 31)
    try:
        return as_of.replace(year=year)
    except ValueError:
        return dt.date(year, as_of.month, 28)


def _sheets(
    plan: Plan, log: ActivityLog, year: int, as_of: dt.date, lang: str, headline: list[HeadlineRow], previous: StatusTable | None
) -> list[IndicatorSheet]:
    """The indicator sheets: each indicator's definition and its targets and observed values per plan year.

    ``previous`` is the previous year's status at its 31 December when the
    report already has it (a closed year's trend), so it is not computed twice.
    """
    observed: dict[tuple[str, int], SheetYear] = {}
    for plan_year in plan.years:
        if plan_year > year:
            break
        at = as_of if plan_year == year else dt.date(plan_year, 12, 31)
        if plan_year == year:
            rows = {row.id: row for row in headline}
        else:
            reuse = previous is not None and previous.year == plan_year and previous.as_of == at
            table = previous if reuse else compute_status(plan, log, year=plan_year, as_of=at, lang=lang)
            rows = {row.id: row for row in _headline(table, None, [], plan_year, True, False)}
        for indicator_id, row in rows.items():
            observed[indicator_id, plan_year] = SheetYear(plan_year, row.target, row.actual, row.percent, row.status, at)
    kinds = {kind.id: kind.label.get(lang) for kind in plan.activity_types}
    sheets = []
    for indicator in plan.indicators:
        source = indicator.source or indicator.numerator
        kind = "children" if indicator.children else "assessments" if indicator.measure == "qualitative" else source.kind
        counted = None if source is None else source.metric if source.kind == "metric" else source.activity_type
        years = [
            observed.get((indicator.id, y)) or SheetYear(y, round(target_for(indicator, y, plan.years, plan), 1))
            for y in plan.years
        ]
        sheets.append(
            IndicatorSheet(
                id=indicator.id,
                title=indicator.title.get(lang),
                unit=indicator.unit.get(lang),
                basis=indicator.basis,
                source=kind,
                activity_type=kinds.get(counted) if counted else None,
                definition=indicator.notes.get(lang) if indicator.notes else None,
                disaggregations=list(indicator.disaggregations),
                plan_start=plan.metadata.period.start,
                years=years,
                measure=indicator.measure,
                levels=[level.label.get(lang) for level in indicator.scale],
                baseline=_baseline_figure(indicator),
                baseline_year=indicator.baseline.year if indicator.baseline is not None else None,
                children=[plan.indicator(child).title.get(lang) for child in indicator.children],
                reading=indicator.reading.get(lang) if indicator.reading is not None else None,
            )
        )
    return sheets


class _Scope:
    """What every section of the report is computed from.

    ``to_date`` holds the log's non-metric activities dated on or before the
    as-of date, with two more columns: ``plan_territory`` (the priority
    territory a row's code rolls up into) and ``territory_group`` (its
    group), each :data:`OTHER` for a row outside them. ``in_year`` is the
    part of ``to_date`` in the report's year. ``people`` has one row per
    registered stakeholder (see :func:`_people`).
    """

    def __init__(self, plan: Plan, log: ActivityLog, year: int, as_of: dt.date, lang: str):
        self.plan, self.year, self.as_of, self.lang = plan, year, as_of, lang
        self.previous_year = year - 1 if year - 1 in plan.years else None
        self.to_date = _activities_to_date(plan, log.activities, as_of)
        self.in_year = self.to_date[self.to_date["year"] == year]
        self.deliverables = _earliest_deliverables(log.deliverables, as_of)
        self.people = _people(log, self.to_date, year, self.previous_year, as_of)
        self._territory_names = {t.code: t.name.get(lang) for _, t in plan.all_territories()}

    def territory_name(self, code: str) -> str:
        """A priority territory's name from the plan, else pycountry's."""
        if code in self._territory_names:
            return self._territory_names[code]
        return iso_name(code, self.lang)


def _per_category(column: pd.Series, value_of: Callable[[str], object], dtype: str | None = None) -> pd.Series:
    """``value_of`` each row's entry of a categorical column, called once per category.

    NaN (NaT for dates) where a row has no entry or ``value_of`` gives None;
    ``dtype`` is the result's when every value could be None.
    A million rows repeat a few dozen territory codes or action ids, so one
    call per category replaces one per row.
    """
    per_category = pd.Series([value_of(category) for category in column.cat.categories], dtype=dtype)
    # A row's category code is its position in the categories (-1 when missing: NaN).
    return per_category.reindex(column.cat.codes.to_numpy()).set_axis(column.index)


def _activities_to_date(plan: Plan, frame: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """The non-metric activities dated on or before ``as_of``, placed in the plan's territories and groups."""
    metric_types = [kind.id for kind in plan.activity_types if kind.metric]
    rows = frame[~frame["type"].isin(metric_types) & (frame["date"] <= pd.Timestamp(as_of))]
    index = TerritoryIndex(plan)
    return rows.assign(
        plan_territory=_per_category(rows["territory"], index.plan_territory).fillna(OTHER),
        territory_group=_per_category(rows["territory"], index.group).fillna(OTHER),
    )


def _earliest_deliverables(deliverables: list[Deliverable], as_of: dt.date) -> dict[str, Deliverable]:
    """Every action's earliest deliverable recorded on or before ``as_of``."""
    earliest: dict[str, Deliverable] = {}
    for deliverable in sorted(deliverables, key=lambda d: (d.date, d.line)):
        if deliverable.date <= as_of:
            earliest.setdefault(deliverable.action, deliverable)
    return earliest


def _people(log: ActivityLog, to_date: pd.DataFrame, year: int, previous_year: int | None, as_of: dt.date) -> pd.DataFrame:
    """One row per registered stakeholder, indexed by name.

    Columns: ``side`` (``internal`` or ``external``), ``category``, and
    booleans ``active`` (in an activity of the year), ``new`` (first
    involved in the year), ``returning`` (active, first involved earlier)
    and ``both_years`` (active in the year and in the previous plan year).
    """
    registry = pd.DataFrame(
        [(s.name, "internal" if s.internal else "external", s.category) for s in log.stakeholders.values()],
        columns=["name", "side", "category"],
    ).set_index("name")
    mentions = stakeholder_mentions(log)

    def active_in(when: int):
        # to_date's index holds each activity's position in the log.
        named = mentions.loc[mentions["row"].isin(to_date.index[to_date["year"] == when]), "stakeholder"]
        return registry.index.isin(named.unique())

    first = first_involvement_frame(log)
    first = first[first["date"] <= pd.Timestamp(as_of)]
    first_year = first.set_index("stakeholder")["date"].dt.year.reindex(registry.index).to_numpy()
    active = active_in(year)
    before = active_in(previous_year) if previous_year is not None else False
    return registry.assign(
        active=active, new=first_year == year, returning=active & (first_year < year), both_years=active & before
    )


def _final(status: str, closed: bool) -> str:
    """An indicator's status word once its year is over: achieved or :data:`NOT_ACHIEVED`."""
    return NOT_ACHIEVED if closed and status != "achieved" else status


def _headline(
    status: StatusTable, previous: StatusTable | None, notes: list[Note], year: int, closed: bool, previous_closed: bool
) -> list[HeadlineRow]:
    """One row per indicator of ``status``, with its figures of ``previous`` (the previous year) if given.

    In a ``closed`` year a missed target is :data:`NOT_ACHIEVED`; each row
    carries the office's note on the indicator for ``year``, if any.
    """
    before = {row.id: row for row in previous.indicators} if previous is not None else {}
    rows = []
    for row in status.indicators:
        prior = before.get(row.id)
        trend = {}
        if prior:
            trend = {f"previous_{name}": getattr(prior, name) for name in ("target", "actual", "percent")}
            trend["previous_status"] = _final(prior.status, previous_closed)
        note = note_for(notes, row.id, year)
        rows.append(
            HeadlineRow(
                row.id, row.title, row.unit, row.basis, row.target, row.actual, row.percent, _final(row.status, closed),
                **trend,
                reason=note.reason if note else None,
                next_steps=(note.next_steps or None) if note else None,
                level_reason=row.reason,
                **{name: getattr(row, name) for name in _DESCRIBING},
            )
        )
    return rows


def _results(plan: Plan, headline: list[HeadlineRow], lang: str) -> list[ResultSummary]:
    """Each expected result of the plan with its objectives and how its indicators in ``headline`` did."""
    by_id = {row.id: row for row in headline}
    objectives = {o.id: o for o in plan.objectives}
    summaries = []
    for result in plan.results:
        rows = [by_id[i] for i in result.indicators if i in by_id]
        # A qualitative level has no percentage: it is shown, never averaged.
        capped = [min(row.percent, 100.0) for row in rows if row.percent is not None]
        summaries.append(
            ResultSummary(
                id=result.id,
                title=result.title.get(lang),
                objectives=[Labelled(str(o), objectives[o].title.get(lang)) for o in result.objectives if o in objectives],
                indicators=[row.id for row in rows],
                achieved=sum(1 for row in rows if row.status == "achieved"),
                average_percent=round(sum(capped) / len(capped), 1) if capped else 0.0,
            )
        )
    return summaries


def _count_rows(rows: pd.DataFrame, column: str, names: dict[str, tuple[str | None, str | None]]) -> list[CountRow]:
    """Activities and participants of ``rows`` per key of ``column``, one row per key of ``names`` (label, group)."""
    totals = rows.groupby(column, observed=True)[["value", "participants"]].sum().reindex(list(names), fill_value=0)
    return [
        CountRow(key, label, group, activities, participants)
        for (key, (label, group)), activities, participants in zip(
            names.items(), totals["value"].tolist(), totals["participants"].tolist()
        )
    ]


def _breakdowns(scope: _Scope) -> tuple[list[CountRow], list[CountRow], list[CountRow]]:
    """Activities in the year by territory group, by priority territory and by type.

    Rows come in plan order, every key listed even at zero (a gap is news),
    then one :data:`OTHER` row for activities outside the plan's territories.
    """
    plan, lang, rows = scope.plan, scope.lang, scope.in_year
    groups = {g.id: (g.title.get(lang), None) for g in plan.territory_groups}
    territories = {t.code: (t.name.get(lang), g.title.get(lang)) for g, t in plan.all_territories()}
    types = {kind.id: (kind.label.get(lang), None) for kind in plan.activity_types if not kind.metric}
    return (
        _count_rows(rows, "territory_group", {**groups, OTHER: (None, None)}),
        _count_rows(rows, "plan_territory", {**territories, OTHER: (None, None)}),
        _count_rows(rows, "type", types),
    )


def _stakeholder_rows(people: pd.DataFrame, column: str, labels: dict[str, str | None]) -> list[StakeholderRow]:
    """Active, new and returning stakeholders per key of ``column``, one row per key of ``labels``."""
    counts = people.groupby(column)[["active", "new", "returning"]].sum().reindex(list(labels), fill_value=0)
    return [StakeholderRow(key, labels[key], *map(int, counts.loc[key])) for key in labels]


def action_status(start: dt.date, end: dt.date, has_deliverable: bool, has_activity: bool, as_of: dt.date) -> str:
    """An action's status at ``as_of`` (see the module docstring for the rules)."""
    if has_deliverable:
        return "done"
    if end < as_of:
        return "overdue"
    if start <= as_of or has_activity:
        return "in_progress"
    return "not_started"


def _actions(scope: _Scope, notes: list[Note]) -> list[ActionRow]:
    """Each action of the plan: linked activities in the year and to date, deliverable, status and note."""
    linked = scope.to_date[scope.to_date["action"].notna()]
    linked = linked.assign(in_year=linked["value"].where(linked["year"] == scope.year, 0))
    per_action = (
        linked.groupby("action", observed=True)
        .agg(rows=("value", "size"), to_date=("value", "sum"), in_year=("in_year", "sum"))
        .reindex([action.id for action in scope.plan.actions], fill_value=0)
    )
    rows = []
    for action, counts in zip(scope.plan.actions, per_action.itertuples()):
        deliverable = scope.deliverables.get(action.id)
        note = note_for(notes, action.id, scope.year)
        timing = action.timing
        rows.append(
            ActionRow(
                id=action.id,
                title=action.title.get(scope.lang),
                territory=scope.territory_name(action.territory) if action.territory else None,
                timing=timing.label.get(scope.lang),
                start=timing.start,
                end=timing.end,
                activities=int(counts.in_year),
                activities_to_date=int(counts.to_date),
                deliverable_date=deliverable.date if deliverable else None,
                deliverable_note=deliverable.note if deliverable else None,
                status=action_status(timing.start, timing.end, deliverable is not None, counts.rows > 0, scope.as_of),
                reason=note.reason if note else None,
                next_steps=(note.next_steps or None) if note else None,
            )
        )
    return rows


# -- evaluation criteria ------------------------------------------------------------
# One function per ``measure`` of the plan's evaluation criteria; each returns
# a Criterion whose figures and detail rows are computed from the activity log.


def relations_continuity(scope: _Scope, criterion_id: str, title: str) -> Criterion:
    """Per priority territory: quarters of the year with activity, and plan years active.

    A territory is *continuous* when it was active in every plan year up to
    the report's year. Row keys: ``territory``, ``group``, ``quarters``
    (numbers 1–4), ``quarter_count``, ``years_active`` (years), ``continuous``.
    """
    plan, year = scope.plan, scope.year
    codes = [territory.code for _, territory in plan.all_territories()]
    placed = scope.to_date.loc[scope.to_date["plan_territory"] != OTHER, ["plan_territory", "year", "quarter"]]
    this_year = placed[placed["year"] == year]
    active_years = pd.crosstab(placed["plan_territory"], placed["year"]) > 0
    active_years = active_years.reindex(index=codes, columns=[y for y in plan.years if y <= year], fill_value=False)
    active_quarters = pd.crosstab(this_year["plan_territory"], this_year["quarter"]) > 0
    active_quarters = active_quarters.reindex(index=codes, columns=[1, 2, 3, 4], fill_value=False)
    rows = []
    for group, territory in plan.all_territories():
        quarters, years = active_quarters.loc[territory.code], active_years.loc[territory.code]
        rows.append(
            {
                "territory": territory.name.get(scope.lang),
                "group": group.title.get(scope.lang),
                "quarters": quarters.index[quarters.to_numpy()].tolist(),
                "quarter_count": int(quarters.sum()),
                "years_active": years.index[years.to_numpy()].tolist(),
                "continuous": bool(years.all()),
            }
        )
    total = len(codes)
    active = int(active_quarters.any(axis=1).sum())
    continuous = int(active_years.all(axis=1).sum())
    quarter_count = int(active_quarters.to_numpy().sum())
    _, elapsed = quarter_of(scope.as_of)
    figures = [
        Figure("territories_active", active, total, _percent(active, total)),
        Figure("territories_continuous", continuous, total, _percent(continuous, total)),
        Figure("territory_quarters", quarter_count, total * elapsed, _percent(quarter_count, total * elapsed)),
    ]
    return Criterion(criterion_id, title, "relations_continuity", figures, rows)


def thematic_coverage(scope: _Scope, criterion_id: str, title: str) -> Criterion:
    """Actions with activity in the year, and the regional sectors those actions involve.

    Row keys: ``sector``, ``actions``, ``actions_with_activity``, ``covered``.
    """
    actions = scope.plan.actions
    active_actions = scope.in_year["action"].dropna().unique()
    links = pd.DataFrame(
        [(sector.strip(), action.id) for action in actions for sector in action.regional_sectors],
        columns=["sector", "action"],
    )
    # one sector however its name is capitalised; the first spelling names it
    sectors = (
        links.assign(key=links["sector"].str.casefold(), with_activity=links["action"].isin(active_actions))
        .groupby("key", sort=False)
        .agg(sector=("sector", "first"), actions=("action", "size"), actions_with_activity=("with_activity", "sum"))
    )
    rows = [
        {"sector": sector, "actions": count, "actions_with_activity": active, "covered": active > 0}
        for sector, count, active in zip(
            sectors["sector"].tolist(), sectors["actions"].tolist(), sectors["actions_with_activity"].tolist()
        )
    ]
    with_activity = int(pd.Index([action.id for action in actions]).isin(active_actions).sum())
    covered = sum(row["covered"] for row in rows)
    figures = [
        Figure("actions_with_activity", with_activity, len(actions), _percent(with_activity, len(actions))),
        Figure("sectors_covered", covered, len(rows), _percent(covered, len(rows))),
    ]
    return Criterion(criterion_id, title, "thematic_coverage", figures, rows)


def stakeholder_continuity(scope: _Scope, criterion_id: str, title: str) -> Criterion:
    """Stakeholders active in the year, new vs returning, and active in both years.

    *Both years* means the report's year and the previous plan year; it does
    not apply in the plan's first year (``None``). Row keys: ``category``,
    ``active``, ``new``, ``returning``, ``both_years``.
    """
    people, has_previous = scope.people, scope.previous_year is not None
    columns = ["active", "new", "returning", "both_years"]
    categories = [category.id for category in scope.plan.stakeholder_categories]
    per_category = people.groupby("category")[columns].sum().reindex(categories, fill_value=0)
    rows = []
    for category in scope.plan.stakeholder_categories:
        counts = dict(zip(columns, map(int, per_category.loc[category.id])))
        if not has_previous:
            counts["both_years"] = None
        rows.append({"category": category.label.get(scope.lang), **counts})
    active, new, returning, both = map(int, people[columns].sum())
    figures = [
        Figure("stakeholders_active", active),
        Figure("stakeholders_new", new, active, _percent(new, active)),
        Figure("stakeholders_returning", returning, active, _percent(returning, active)),
        Figure(
            "stakeholders_both_years",
            both if has_previous else None,
            active if has_previous else None,
            _percent(both, active) if has_previous else None,
        ),
    ]
    return Criterion(criterion_id, title, "stakeholder_continuity", figures, rows)


def spillover(scope: _Scope, criterion_id: str, title: str) -> Criterion:
    """Follow-up activities: linked to an action and dated after its deliverable, in the year.

    Row keys: ``action``, ``action_title``, ``deliverable_date``, ``date``,
    ``title``, ``territory`` (``""`` for none), ``activities``; in date order.
    """
    titles = {action.id: action.title.get(scope.lang) for action in scope.plan.actions}
    delivered = {action: pd.Timestamp(deliverable.date) for action, deliverable in scope.deliverables.items()}
    rows = scope.in_year.assign(deliverable_date=_per_category(scope.in_year["action"], delivered.get, "datetime64[ns]"))
    follow_up = rows[rows["date"] > rows["deliverable_date"]]
    # file names as text: the order must not depend on how the frame's categories were built
    follow_up = follow_up.assign(file=follow_up["path"].astype(str)).sort_values(["date", "file", "line"], kind="stable")
    table = pd.DataFrame(
        {
            "action": follow_up["action"].astype(str),
            "action_title": _per_category(follow_up["action"], lambda action: titles.get(action, action)),
            "deliverable_date": follow_up["deliverable_date"].dt.date,
            "date": follow_up["date"].dt.date,
            "title": follow_up["title"],
            "territory": _per_category(follow_up["territory"], scope.territory_name).fillna(""),
            "activities": follow_up["value"],
        }
    )
    done = sum(1 for action in scope.plan.actions if action.id in scope.deliverables)
    followed = int(follow_up["action"].nunique())
    figures = [
        Figure("follow_up_activities", int(follow_up["value"].sum())),
        Figure("actions_with_follow_up", followed, done, _percent(followed, done)),
    ]
    return Criterion(criterion_id, title, "spillover", figures, table.to_dict("records"))


#: How each ``measure`` of the plan's evaluation criteria is computed.
_CRITERIA = {
    "relations_continuity": relations_continuity,
    "thematic_coverage": thematic_coverage,
    "stakeholder_continuity": stakeholder_continuity,
    "spillover": spillover,
}


def _attention(headline: list[HeadlineRow], actions: list[ActionRow], territories: list[CountRow], closed: bool) -> list[AttentionItem]:
    """What needs attention: weak or missed indicators (a missed one with no note says so), overdue actions, silent priority territories."""
    return (
        [
            AttentionItem("indicator", row.id, reason_missing=closed and row.reason is None)
            for row in headline
            if row.status in ("behind", "at_risk", NOT_ACHIEVED)
        ]
        + [AttentionItem("action", action.id) for action in actions if action.status == "overdue"]
        + [AttentionItem("territory", row.key) for row in territories if row.key != OTHER and row.activities == 0]
    )


def _baseline_figure(indicator) -> float | None:
    """An indicator's baseline as a figure: a qualitative level as its scale position."""
    if indicator.baseline is None:
        return None
    value = indicator.baseline.value
    return float(indicator.level_index(value)) if indicator.measure == "qualitative" else value
