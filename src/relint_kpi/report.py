"""The year-end report as plain data: computed once, rendered many ways.

:func:`build_report` takes a validated plan and activity log and returns a
:class:`Report`: frozen dataclasses of numbers and words in one language,
with no formatting. The renderers in :mod:`relint_kpi.render` (terminal,
Markdown, HTML, XLSX, JSON, CSV) only lay these values out.

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
from collections import defaultdict
from dataclasses import dataclass, field

from relint_kpi.i18n import t
from relint_kpi.issues import UsageError
from relint_kpi.plan import Plan
from relint_kpi.progress import compute_status, first_involvements
from relint_kpi.records import Activity, ActivityLog
from relint_kpi.territories import TerritoryIndex

#: Version of the report's JSON layout; bumped when a key changes meaning.
REPORT_SCHEMA_VERSION = 1

#: Action statuses, in the order renderers list them.
ACTION_STATUSES = ("done", "in_progress", "not_started", "overdue")

#: Key of the breakdown row that collects everything outside the plan's territories.
OTHER = "other"


@dataclass(frozen=True)
class Labelled:
    """An item of the plan named by id and title (an objective, a result…)."""

    id: str
    title: str


@dataclass(frozen=True)
class HeadlineRow:
    """One indicator in the headline: the year's target, actual, % and status.

    ``previous_*`` hold the previous plan year's target and year-end actual
    (the trend); they are ``None`` when the report's year is the plan's first.
    """

    id: str
    title: str
    unit: str
    basis: str
    target: int
    actual: int
    percent: float
    status: str
    previous_target: int | None = None
    previous_actual: int | None = None
    previous_percent: float | None = None
    previous_status: str | None = None


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
    """One key of an activity breakdown: activities and event participants."""

    key: str
    label: str
    group: str | None
    activities: int
    participants: int


@dataclass(frozen=True)
class StakeholderRow:
    """Stakeholders of one kind active in the year, split into new and returning."""

    key: str
    label: str
    active: int
    new: int
    returning: int


@dataclass(frozen=True)
class ActionRow:
    """A systemic action: its window, linked activities, deliverable and status."""

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


@dataclass(frozen=True)
class Figure:
    """A headline number of an evaluation criterion, optionally out of a total.

    ``value`` is ``None`` when the figure does not apply (e.g. continuity
    with the previous year in the plan's first year).
    """

    key: str
    label: str
    value: int | float | None
    total: int | None = None
    percent: float | None = None


@dataclass(frozen=True)
class Column:
    """A column of a detail table: stable key, heading and value kind.

    ``kind`` tells renderers how to format the cells: ``text``, ``int``,
    ``number`` (int or float), ``percent`` (a number of percent points),
    ``date``, ``bool``, ``year``, or ``status`` / ``action_status`` (a status
    key shown as a coloured word).
    """

    key: str
    label: str
    kind: str


@dataclass(frozen=True)
class Table:
    """A small table of detail rows; each row has one value per column."""

    columns: list[Column]
    rows: list[list]


@dataclass(frozen=True)
class Criterion:
    """One of the plan's evaluation criteria with the figures computed from the data."""

    id: str
    title: str
    measure: str
    figures: list[Figure]
    table: Table


@dataclass(frozen=True)
class AttentionItem:
    """Something that needs attention, as a sentence in the report's language.

    ``kind`` is ``indicator``, ``action`` or ``territory``; ``key`` the id
    or code it is about.
    """

    kind: str
    key: str
    text: str


@dataclass(frozen=True)
class Report:
    """The year-end report: every section, in one language, ready to render."""

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

    def indicator(self, indicator_id: str) -> HeadlineRow:
        """The headline row of ``indicator_id`` (KeyError if none)."""
        for row in self.headline:
            if row.id == indicator_id:
                return row
        raise KeyError(indicator_id)


# -- formatting of numbers in sentences -----------------------------------------


def format_number(value: int | float, lang: str, decimals: int = 0) -> str:
    """Format a number the way readers of ``lang`` write it.

    Italian groups thousands with ``.`` and writes decimals after ``,``
    (``12.345,6``); English the other way round (``12,345.6``).
    """
    text = f"{value:,.{decimals}f}"
    if lang == "it":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def _percent(part: int, whole: int) -> float | None:
    return round(part / whole * 100, 1) if whole else None


# -- building the report -----------------------------------------------------------


def generation_time() -> dt.datetime:
    """Now, in UTC, or the time in ``SOURCE_DATE_EPOCH`` when it is set.

    ``SOURCE_DATE_EPOCH`` (seconds since 1970, the reproducible-builds
    convention) makes two exports of the same data byte-identical.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc)


def resolve_as_of(plan: Plan, year: int, as_of: dt.date | None, today: dt.date | None = None) -> dt.date:
    """Check ``year`` against the plan and pick the as-of date.

    The default is the year's last day, or today while the year is running.
    Raises :class:`UsageError` for a year outside the plan, an as-of date in
    another year, or a year that has not started yet.
    """
    years = plan.years
    if year not in years:
        choices = ", ".join(str(y) for y in years)
        raise UsageError(f"year {year} is outside the plan period; choose one of: {choices}")
    if as_of is not None:
        if as_of.year != year:
            raise UsageError(
                f"--as-of {as_of.isoformat()} is not in {year}; give a date between "
                f"{year}-01-01 and {year}-12-31, or leave it out for the year's end"
            )
        return as_of
    today = today or dt.date.today()
    chosen = min(dt.date(year, 12, 31), today)
    if chosen.year != year:
        raise UsageError(f"{year} has not started yet (today is {today.isoformat()}); pass --as-of {year}-MM-DD to preview it")
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
    previous_year = year - 1 if year - 1 in plan.years else None

    status = compute_status(plan, log, year=year, as_of=as_of, lang=lang)
    previous = None
    if previous_year is not None:
        previous = compute_status(plan, log, year=previous_year, as_of=dt.date(previous_year, 12, 31), lang=lang)
    headline = _headline(status, previous)

    context = _Context(plan, log, year, as_of, lang)
    by_group, by_territory, by_type = _breakdowns(context)
    by_internal, by_category = _stakeholder_breakdowns(context)
    actions = _actions(context)
    criteria = [_CRITERIA[c.measure](context, c.id, c.title.get(lang)) for c in plan.evaluation_criteria]

    meta = plan.metadata
    return Report(
        plan=meta.title.get(lang),
        region=meta.region.get(lang),
        office=meta.office.get(lang),
        year=year,
        as_of=as_of,
        lang=lang,
        generated_at=now.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        previous_year=previous_year,
        activities_total=sum(a.value for a in context.in_year),
        headline=headline,
        results=_results(plan, headline, lang),
        by_group=by_group,
        by_territory=by_territory,
        by_type=by_type,
        stakeholders_by_internal=by_internal,
        stakeholders_by_category=by_category,
        actions=actions,
        criteria=criteria,
        attention=_attention(context, headline, actions, by_territory),
    )


class _Context:
    """The activities and look-ups every section of the report works from."""

    def __init__(self, plan: Plan, log: ActivityLog, year: int, as_of: dt.date, lang: str):
        self.plan, self.log, self.year, self.as_of, self.lang = plan, log, year, as_of, lang
        self.index = TerritoryIndex(plan)
        metric_types = {kind.id for kind in plan.activity_types if kind.metric}
        #: Non-metric activities up to the as-of date, and those in the year.
        self.to_date = [a for a in log.activities if a.type not in metric_types and a.date <= as_of]
        self.in_year = [a for a in self.to_date if a.date.year == year]
        #: Every action's earliest deliverable on or before the as-of date.
        self.deliverables = {}
        for deliverable in sorted(log.deliverables, key=lambda d: (d.date, d.line)):
            if deliverable.date <= as_of:
                self.deliverables.setdefault(deliverable.action, deliverable)
        self.first_involved = _first_involvement(log, as_of)
        # Look-ups by distinct territory code and by year, computed once: a
        # log may hold a million activities and every section walks them.
        codes = {a.territory for a in self.to_date} - {None}
        #: Plan territory (or None) and territory group (or None) of each ISO code in the log.
        self.plan_territory = {code: self.index.plan_territory(code) for code in codes}
        self.group = {code: self.index.group(code) for code in codes}
        self._active: dict[int, set[str]] = {}

    def territory_label(self, code: str) -> str:
        """A priority territory's name from the plan, else pycountry's."""
        from relint_kpi.territories import iso_name

        for _, territory in self.plan.all_territories():
            if territory.code == code:
                return territory.name.get(self.lang)
        return iso_name(code, self.lang)

    def active_stakeholders(self, year: int) -> set[str]:
        """Names of the stakeholders taking part in an activity of ``year`` (to the as-of date)."""
        if year not in self._active:
            self._active[year] = {name for a in self.to_date if a.date.year == year for name in a.stakeholders}
        return self._active[year]


def _first_involvement(log: ActivityLog, as_of: dt.date) -> dict[str, dt.date]:
    """Each stakeholder's first involvement, for those first involved on or before ``as_of``."""
    return {name: date for name, (date, _) in first_involvements(log).items() if date <= as_of}


def _headline(status, previous) -> list[HeadlineRow]:
    before = {row.id: row for row in previous.indicators} if previous is not None else {}
    rows = []
    for row in status.indicators:
        prior = before.get(row.id)
        rows.append(
            HeadlineRow(
                id=row.id,
                title=row.title,
                unit=row.unit,
                basis=row.basis,
                target=row.target,
                actual=row.actual,
                percent=row.percent,
                status=row.status,
                previous_target=prior.target if prior else None,
                previous_actual=prior.actual if prior else None,
                previous_percent=prior.percent if prior else None,
                previous_status=prior.status if prior else None,
            )
        )
    return rows


def _results(plan: Plan, headline: list[HeadlineRow], lang: str) -> list[ResultSummary]:
    by_id = {row.id: row for row in headline}
    objectives = {o.id: o for o in plan.objectives}
    summaries = []
    for result in plan.results:
        rows = [by_id[i] for i in result.indicators if i in by_id]
        capped = [min(row.percent, 100.0) for row in rows]
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


def _count(activities: list[Activity]) -> tuple[int, int]:
    return sum(a.value for a in activities), sum(a.participants or 0 for a in activities)


def _breakdowns(ctx: _Context) -> tuple[list[CountRow], list[CountRow], list[CountRow]]:
    """Activities in the year by territory group, by priority territory and by type.

    Rows come in plan order, every key listed even at zero (a gap is news),
    then one "other" row for activities outside the plan's territories.
    """
    lang = ctx.lang
    by_group: dict[str, list[Activity]] = defaultdict(list)
    by_territory: dict[str, list[Activity]] = defaultdict(list)
    by_type: dict[str, list[Activity]] = defaultdict(list)
    for activity in ctx.in_year:
        code = activity.territory
        by_group[(ctx.group[code] if code else None) or OTHER].append(activity)
        by_territory[(ctx.plan_territory[code] if code else None) or OTHER].append(activity)
        by_type[activity.type].append(activity)
    groups = []
    for group in ctx.plan.territory_groups:
        groups.append(CountRow(group.id, group.title.get(lang), None, *_count(by_group[group.id])))
    groups.append(CountRow(OTHER, t("report.other_territories", lang), None, *_count(by_group[OTHER])))
    territories = []
    for group, territory in ctx.plan.all_territories():
        territories.append(
            CountRow(territory.code, territory.name.get(lang), group.title.get(lang), *_count(by_territory[territory.code]))
        )
    territories.append(CountRow(OTHER, t("report.other_territories", lang), None, *_count(by_territory[OTHER])))
    types = [
        CountRow(kind.id, kind.label.get(lang), None, *_count(by_type[kind.id]))
        for kind in ctx.plan.activity_types
        if not kind.metric
    ]
    return groups, territories, types


def _stakeholder_counts(ctx: _Context, names: set[str]) -> tuple[int, int, int]:
    active = names & ctx.active_stakeholders(ctx.year)
    new = {n for n in names if n in ctx.first_involved and ctx.first_involved[n].year == ctx.year}
    returning = {n for n in active if n in ctx.first_involved and ctx.first_involved[n].year < ctx.year}
    return len(active), len(new), len(returning)


def _stakeholder_breakdowns(ctx: _Context) -> tuple[list[StakeholderRow], list[StakeholderRow]]:
    """Stakeholders by internal/external and by category: active, new, returning in the year."""
    lang, registry = ctx.lang, ctx.log.stakeholders
    internal = []
    for key, flag in (("internal", True), ("external", False)):
        names = {n for n, s in registry.items() if s.internal is flag}
        internal.append(StakeholderRow(key, t(f"report.{key}", lang), *_stakeholder_counts(ctx, names)))
    categories = []
    for category in ctx.plan.stakeholder_categories:
        names = {n for n, s in registry.items() if s.category == category.id}
        categories.append(StakeholderRow(category.id, category.label.get(lang), *_stakeholder_counts(ctx, names)))
    return internal, categories


def action_status(start: dt.date, end: dt.date, has_deliverable: bool, has_activity: bool, as_of: dt.date) -> str:
    """An action's status at ``as_of`` (see the module docstring for the rules)."""
    if has_deliverable:
        return "done"
    if end < as_of:
        return "overdue"
    if start <= as_of or has_activity:
        return "in_progress"
    return "not_started"


def _actions(ctx: _Context) -> list[ActionRow]:
    by_action: dict[str, list[Activity]] = defaultdict(list)
    for activity in ctx.to_date:
        if activity.action:
            by_action[activity.action].append(activity)
    rows = []
    for action in ctx.plan.actions:
        linked_to_date = by_action[action.id]
        linked = [a for a in linked_to_date if a.date.year == ctx.year]
        deliverable = ctx.deliverables.get(action.id)
        timing = action.timing
        rows.append(
            ActionRow(
                id=action.id,
                title=action.title.get(ctx.lang),
                territory=ctx.territory_label(action.territory) if action.territory else None,
                timing=timing.label.get(ctx.lang),
                start=timing.start,
                end=timing.end,
                activities=sum(a.value for a in linked),
                activities_to_date=sum(a.value for a in linked_to_date),
                deliverable_date=deliverable.date if deliverable else None,
                deliverable_note=deliverable.note if deliverable else None,
                status=action_status(timing.start, timing.end, deliverable is not None, bool(linked_to_date), ctx.as_of),
            )
        )
    return rows


# -- evaluation criteria ------------------------------------------------------------
# One function per ``measure`` of the plan's evaluation criteria; each returns
# a Criterion whose figures and table are computed from the activity log.


def _quarter_label(quarter: int, lang: str) -> str:
    return t("report.quarter_prefix", lang) + str(quarter)


def relations_continuity(ctx: _Context, criterion_id: str, title: str) -> Criterion:
    """Per priority territory: quarters of the year with activity, and plan years active.

    A territory is *continuous* when it was active in every plan year up to
    the report's year.
    """
    lang, years = ctx.lang, [y for y in ctx.plan.years if y <= ctx.year]
    quarters: dict[str, set[int]] = defaultdict(set)
    active_years: dict[str, set[int]] = defaultdict(set)
    for activity in ctx.to_date:
        code = ctx.plan_territory[activity.territory] if activity.territory else None
        if code is None:
            continue
        active_years[code].add(activity.year)
        if activity.year == ctx.year:
            quarters[code].add(activity.quarter)
    elapsed = (ctx.as_of.month - 1) // 3 + 1
    rows = []
    for group, territory in ctx.plan.all_territories():
        code = territory.code
        rows.append(
            [
                territory.name.get(lang),
                group.title.get(lang),
                ", ".join(_quarter_label(q, lang) for q in sorted(quarters[code])),
                len(quarters[code]),
                ", ".join(str(y) for y in sorted(active_years[code] & set(years))),
                set(years) <= active_years[code],
            ]
        )
    total = len(rows)
    active = sum(1 for row in rows if row[3])
    continuous = sum(1 for row in rows if row[5])
    quarter_count = sum(row[3] for row in rows)
    return Criterion(
        id=criterion_id,
        title=title,
        measure="relations_continuity",
        figures=[
            Figure("territories_active", t("report.fig.territories_active", lang), active, total, _percent(active, total)),
            Figure(
                "territories_continuous",
                t("report.fig.territories_continuous", lang),
                continuous,
                total,
                _percent(continuous, total),
            ),
            Figure(
                "territory_quarters",
                t("report.fig.territory_quarters", lang),
                quarter_count,
                total * elapsed,
                _percent(quarter_count, total * elapsed),
            ),
        ],
        table=Table(
            [
                Column("territory", t("report.col.territory", lang), "text"),
                Column("group", t("report.col.group", lang), "text"),
                Column("quarters", t("report.col.quarters", lang), "text"),
                Column("quarter_count", t("report.col.quarter_count", lang), "int"),
                Column("years_active", t("report.col.years_active", lang), "text"),
                Column("continuous", t("report.col.continuous", lang), "bool"),
            ],
            rows,
        ),
    )


def thematic_coverage(ctx: _Context, criterion_id: str, title: str) -> Criterion:
    """Actions with activity in the year, and the regional sectors those actions involve."""
    lang = ctx.lang
    active_actions = {a.action for a in ctx.in_year if a.action}
    # one sector however its name is capitalised; the first spelling names it
    sectors: dict[str, tuple[str, list[str]]] = {}
    for action in ctx.plan.actions:
        for sector in action.regional_sectors:
            sectors.setdefault(sector.strip().casefold(), (sector.strip(), []))[1].append(action.id)
    rows = []
    for name, action_ids in sectors.values():
        with_activity = sum(1 for a in action_ids if a in active_actions)
        rows.append([name, len(action_ids), with_activity, with_activity > 0])
    actions_total = len(ctx.plan.actions)
    actions_active = sum(1 for a in ctx.plan.actions if a.id in active_actions)
    covered = sum(1 for row in rows if row[3])
    return Criterion(
        id=criterion_id,
        title=title,
        measure="thematic_coverage",
        figures=[
            Figure(
                "actions_with_activity",
                t("report.fig.actions_with_activity", lang),
                actions_active,
                actions_total,
                _percent(actions_active, actions_total),
            ),
            Figure("sectors_covered", t("report.fig.sectors_covered", lang), covered, len(rows), _percent(covered, len(rows))),
        ],
        table=Table(
            [
                Column("sector", t("report.col.sector", lang), "text"),
                Column("actions", t("report.col.actions", lang), "int"),
                Column("actions_with_activity", t("report.col.actions_with_activity", lang), "int"),
                Column("covered", t("report.col.covered", lang), "bool"),
            ],
            rows,
        ),
    )


def stakeholder_continuity(ctx: _Context, criterion_id: str, title: str) -> Criterion:
    """Stakeholders active in the year, new vs returning, and active in both years.

    *Both years* means the report's year and the previous plan year; it does
    not apply in the plan's first year.
    """
    lang, registry = ctx.lang, ctx.log.stakeholders
    active = ctx.active_stakeholders(ctx.year) & set(registry)
    previous_year = ctx.year - 1 if ctx.year - 1 in ctx.plan.years else None
    before = ctx.active_stakeholders(previous_year) if previous_year else set()
    rows = []
    for category in ctx.plan.stakeholder_categories:
        names = {n for n, s in registry.items() if s.category == category.id}
        both_years = len(names & active & before) if previous_year else None
        rows.append([category.label.get(lang), *_stakeholder_counts(ctx, names), both_years])
    _, new, returning = _stakeholder_counts(ctx, set(registry))
    both = len(active & before) if previous_year else None
    return Criterion(
        id=criterion_id,
        title=title,
        measure="stakeholder_continuity",
        figures=[
            Figure("stakeholders_active", t("report.fig.stakeholders_active", lang), len(active)),
            Figure("stakeholders_new", t("report.fig.stakeholders_new", lang), new, len(active), _percent(new, len(active))),
            Figure(
                "stakeholders_returning",
                t("report.fig.stakeholders_returning", lang),
                returning,
                len(active),
                _percent(returning, len(active)),
            ),
            Figure(
                "stakeholders_both_years",
                t("report.fig.stakeholders_both_years", lang),
                both,
                len(active) if previous_year else None,
                _percent(both, len(active)) if previous_year else None,
            ),
        ],
        table=Table(
            [
                Column("category", t("report.col.category", lang), "text"),
                Column("active", t("report.col.active", lang), "int"),
                Column("new", t("report.col.new", lang), "int"),
                Column("returning", t("report.col.returning", lang), "int"),
                Column("both_years", t("report.col.both_years", lang), "int"),
            ],
            rows,
        ),
    )


def spillover(ctx: _Context, criterion_id: str, title: str) -> Criterion:
    """Follow-up activities: linked to an action and dated after its deliverable, in the year."""
    lang = ctx.lang
    titles = {a.id: a.title.get(lang) for a in ctx.plan.actions}
    rows = []
    actions_with_follow_up = set()
    follow_up = 0
    for activity in sorted(ctx.in_year, key=lambda a: (a.date, a.path, a.line)):
        deliverable = ctx.deliverables.get(activity.action) if activity.action else None
        if deliverable is None or activity.date <= deliverable.date:
            continue
        actions_with_follow_up.add(activity.action)
        follow_up += activity.value
        rows.append(
            [
                activity.action,
                titles.get(activity.action, activity.action),
                deliverable.date,
                activity.date,
                activity.title,
                ctx.territory_label(activity.territory) if activity.territory else "",
                activity.value,
            ]
        )
    done = sum(1 for a in ctx.plan.actions if a.id in ctx.deliverables)
    follow = len(actions_with_follow_up)
    return Criterion(
        id=criterion_id,
        title=title,
        measure="spillover",
        figures=[
            Figure("follow_up_activities", t("report.fig.follow_up_activities", lang), follow_up),
            Figure("actions_with_follow_up", t("report.fig.actions_with_follow_up", lang), follow, done, _percent(follow, done)),
        ],
        table=Table(
            [
                Column("action", t("report.col.action_id", lang), "text"),
                Column("action_title", t("report.col.action", lang), "text"),
                Column("deliverable_date", t("report.col.deliverable_date", lang), "date"),
                Column("date", t("report.col.date", lang), "date"),
                Column("title", t("report.col.follow_up", lang), "text"),
                Column("territory", t("report.col.territory", lang), "text"),
                Column("activities", t("report.col.activities", lang), "int"),
            ],
            rows,
        ),
    )


#: How each ``measure`` of the plan's evaluation criteria is computed.
_CRITERIA = {
    "relations_continuity": relations_continuity,
    "thematic_coverage": thematic_coverage,
    "stakeholder_continuity": stakeholder_continuity,
    "spillover": spillover,
}


def _attention(
    ctx: _Context, headline: list[HeadlineRow], actions: list[ActionRow], territories: list[CountRow]
) -> list[AttentionItem]:
    """What needs attention, in words: weak indicators, overdue actions, silent territories."""
    lang = ctx.lang
    items = []
    for row in headline:
        if row.status in ("behind", "at_risk"):
            text = t("report.attention.indicator", lang).format(
                title=row.title,
                status=t(f"status.{row.status}", lang),
                actual=format_number(row.actual, lang),
                target=format_number(row.target, lang),
                percent=format_number(row.percent, lang, 1),
            )
            items.append(AttentionItem("indicator", row.id, text))
    for action in actions:
        if action.status == "overdue":
            text = t("report.attention.action", lang).format(
                id=action.id, title=action.title, end=action.end.isoformat()
            )
            items.append(AttentionItem("action", action.id, text))
    for row in territories:
        if row.key != OTHER and row.activities == 0:
            text = t("report.attention.territory", lang).format(name=row.label, year=ctx.year)
            items.append(AttentionItem("territory", row.key, text))
    return items
