"""The plan and its results as IATI 2.03 activities, as numbers and keys.

:func:`build_iati` turns a validated plan and activity log into an
:class:`IatiExport`: the plan as one activity (its results, indicators and one
period per plan year with target and actual, broken down by the indicator's
own disaggregations) and each systemic action as a child activity linked to
it. :func:`check_iati` applies the standard's rules that a schema cannot
express. Writing the XML and validating it against the official schema belong
to :mod:`relint_kpi.render.iati_xml`.

Choices, also in the README's IATI table:

- recipient countries are the countries of the plan's priority territories,
  each with the share of the plan's activities (to the as-of date) held
  there, in whole percentages that add up to 100 (equal shares while no
  activity is logged);
- sectors are the plan's strategic goals in the region's own vocabulary (99),
  each weighted by its number of actions, unless the plan maps every goal to
  a DAC 5-digit purpose code (vocabulary 1);
- dimensions use codes, not words: ``territory`` (ISO 3166 codes, ``other``
  for activity outside the priority territories) and ``activity-type`` (the
  plan's type ids).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from relint_kpi.issues import UsageError
from relint_kpi.plan import Plan, Text
from relint_kpi.progress import compute_status, target_for
from relint_kpi.records import ActivityLog
from relint_kpi.report import action_status, resolve_as_of
from relint_kpi.territories import country_of

IATI_VERSION = "2.03"

#: IATI ActivityStatus codes for a plan or an action.
PIPELINE, IMPLEMENTATION, FINALISATION = 1, 2, 3
#: IATI ActivityDateType codes.
PLANNED_START, ACTUAL_START, PLANNED_END, ACTUAL_END = 1, 2, 3, 4
#: IATI RelatedActivityType codes.
PARENT, CHILD = 1, 2
#: IATI SectorVocabulary codes: DAC 5-digit purpose codes, the reporting organisation's own.
DAC_5_DIGIT, OWN_VOCABULARY = "1", "99"

#: How relint's breakdown names appear as IATI dimension names.
DIMENSION_NAMES = {"territory": "territory", "type": "activity-type", "internal": "internal", "category": "category"}


@dataclass(frozen=True)
class Share:
    """A code with its percentage of the activity (a country or a sector)."""

    code: str
    percentage: int
    name: Text | None = None
    vocabulary: str | None = None


@dataclass(frozen=True)
class Figure:
    """A target, an actual or a baseline: its value and its breakdown as ``(dimension, code, value)``.

    A qualitative indicator's figure has no value but the scale ``level`` it names.
    """

    value: float | None
    dimensions: list[tuple[str, str, int]] = field(default_factory=list)
    level: Text | None = None


@dataclass(frozen=True)
class Period:
    """One plan year of an indicator: its dates, target and (once measured) actual."""

    start: dt.date
    end: dt.date
    target: Figure
    actual: Figure | None


@dataclass(frozen=True)
class Indicator:
    """An indicator of a result, with one period per plan year."""

    id: str
    title: Text
    basis: str  # "annual" | "cumulative" | "level"
    measure: str  # "count" | "percentage" | "qualitative"
    ascending: bool
    baseline: tuple[int, Figure] | None
    periods: list[Period]


@dataclass(frozen=True)
class Result:
    """An expected result of the plan and its indicators."""

    id: str
    title: Text
    indicators: list[Indicator]


@dataclass(frozen=True)
class Activity:
    """One IATI activity: the plan itself, or one of its actions."""

    identifier: str
    title: Text
    description: Text
    status: int
    dates: list[tuple[int, dt.date]]
    countries: list[Share]
    sectors: list[Share]
    related: list[tuple[int, str]]
    results: list[Result] = field(default_factory=list)
    hierarchy: int = 1


@dataclass(frozen=True)
class IatiExport:
    """The whole document: who reports, when, and the activities."""

    organisation_identifier: str
    organisation_type: str
    organisation_name: Text
    language: str
    generated_at: dt.datetime
    activities: list[Activity]


def build_iati(
    plan: Plan, log: ActivityLog, *, year: int, as_of: dt.date | None, generated_at: dt.datetime, today: dt.date | None = None
) -> IatiExport:
    """The plan as IATI activities, measured in ``year`` at ``as_of``.

    Every plan year gets a period with its target; the years up to ``year``
    also get their actual (the last at ``as_of``). Raises
    :class:`UsageError` when the plan has no ``iati`` section, which holds
    the organisation identifier the standard requires.
    """
    settings = plan.iati
    if settings is None:
        raise UsageError("iati-no-section")
    at = resolve_as_of(plan, year, as_of, today)
    plan_id = settings.activity_identifier
    frame = log.activities
    metric_types = [kind.id for kind in plan.activity_types if kind.metric]
    done = frame[(frame["date"] <= pd.Timestamp(at)) & ~frame["type"].isin(metric_types)]
    plan_activity = Activity(
        identifier=plan_id,
        title=plan.metadata.title,
        description=settings.description or plan.metadata.approving_act,
        status=_plan_status(plan, at, generated_at.date()),
        dates=_dates(plan.metadata.period.start, plan.metadata.period.end, at, finished=at >= plan.metadata.period.end),
        countries=_countries(plan, done),
        sectors=_sectors(plan, Counter(action.goal for action in plan.actions)),
        related=[(CHILD, _action_identifier(plan_id, action.id)) for action in plan.actions],
        results=_results(plan, log, year, at),
        hierarchy=1,
    )
    actions = [_action_activity(plan, log, plan_id, action, done, at) for action in plan.actions]
    return IatiExport(
        organisation_identifier=settings.organisation_identifier,
        organisation_type=settings.organisation_type,
        organisation_name=plan.metadata.region,
        language=settings.language,
        generated_at=generated_at,
        activities=[plan_activity, *actions],
    )


def _action_identifier(plan_id: str, action_id: str) -> str:
    return f"{plan_id}-{action_id}"


def _plan_status(plan: Plan, at: dt.date, today: dt.date) -> int:
    period = plan.metadata.period
    if today < period.start:
        return PIPELINE
    return FINALISATION if today > period.end and at >= period.end else IMPLEMENTATION


def _dates(start: dt.date, end: dt.date, at: dt.date, *, finished: bool) -> list[tuple[int, dt.date]]:
    """Planned start and end; actual start once begun, actual end once finished (never after ``at``)."""
    dates = [(PLANNED_START, start), (PLANNED_END, end)]
    if start <= at:
        dates.append((ACTUAL_START, start))
    if finished:
        dates.append((ACTUAL_END, min(end, at)))
    return dates


def whole_percentages(weights: dict[str, float]) -> dict[str, int]:
    """Whole percentages proportional to ``weights`` that add up to exactly 100.

    Largest remainder method; equal shares when every weight is zero; keys
    keep their order. An empty ``weights`` gives an empty result.
    """
    if not weights:
        return {}
    total = sum(weights.values())
    if total <= 0:
        weights, total = {key: 1.0 for key in weights}, float(len(weights))
    exact = {key: weight * 100 / total for key, weight in weights.items()}
    shares = {key: int(value) for key, value in exact.items()}
    by_remainder = sorted(exact, key=lambda key: exact[key] - shares[key], reverse=True)
    for key in by_remainder[: 100 - sum(shares.values())]:
        shares[key] += 1
    return shares


def _countries(plan: Plan, done: pd.DataFrame) -> list[Share]:
    """Each country of the priority territories and of the groups' countries, once, with its share of ``done``."""
    per_group = ([t.code for t in group.territories] + group.countries for group in plan.territory_groups)
    countries = list(dict.fromkeys(country_of(code) for codes in per_group for code in codes))
    counted = done.dropna(subset=["territory"])
    per_country = counted["value"].groupby(counted["territory"].astype(str).map(country_of)).sum()
    weights = {country: float(per_country.get(country, 0)) for country in countries}
    return [Share(code, percentage) for code, percentage in whole_percentages(weights).items()]


def _sectors(plan: Plan, weights: dict[str, float]) -> list[Share]:
    """Strategic goals as sectors: DAC codes when the plan maps every goal, else the region's own."""
    mapping = plan.iati.dac_sectors if plan.iati else {}
    goals = {goal.id: goal for goal in plan.strategic_goals}
    shares = whole_percentages(weights)
    if mapping:
        dac: dict[str, int] = {}
        for goal_id, percentage in shares.items():
            dac[mapping[goal_id]] = dac.get(mapping[goal_id], 0) + percentage
        return [Share(code, percentage, None, DAC_5_DIGIT) for code, percentage in dac.items()]
    return [Share(goal_id, percentage, goals[goal_id].title, OWN_VOCABULARY) for goal_id, percentage in shares.items()]


def _results(plan: Plan, log: ActivityLog, year: int, at: dt.date) -> list[Result]:
    measured = {y: _statuses(plan, log, y, at if y == year else dt.date(y, 12, 31)) for y in plan.years if y <= year}
    results = []
    for result in plan.results:
        indicators = [_indicator(plan, plan.indicator(i), measured) for i in plan.with_families(result.indicators)]
        results.append(Result(result.id, result.title, indicators))
    return results


def _statuses(plan: Plan, log: ActivityLog, year: int, at: dt.date) -> dict[tuple[str | None, str], object]:
    """Each indicator's status in ``year`` at ``at``, plain and for each breakdown an indicator declares."""
    wanted = {None} | {by for indicator in plan.indicators for by in indicator.disaggregations}
    statuses = {}
    for by in wanted:
        table = compute_status(plan, log, year=year, as_of=min(at, plan.metadata.period.end), by=by)
        for row in table.indicators:
            statuses[by, row.id] = row
    return statuses


def _level(indicator, value) -> Text | None:
    """The scale level of a qualitative figure (a level id, or its position on the scale)."""
    if isinstance(value, str):
        return next((level.label for level in indicator.scale if level.id == value), None)
    return indicator.scale[int(value)].label if value is not None and 0 <= int(value) < len(indicator.scale) else None


def _figure(indicator, value, dimensions=()) -> Figure:
    if indicator.measure == "qualitative":
        return Figure(None, [], _level(indicator, value))
    return Figure(value, list(dimensions))


def _indicator(plan, indicator, measured) -> Indicator:
    periods = []
    for year in plan.years:
        start = max(dt.date(year, 1, 1), plan.metadata.period.start)
        end = min(dt.date(year, 12, 31), plan.metadata.period.end)
        target = _figure(indicator, target_for(indicator, year, plan.years, plan))
        actual = None
        if year in measured:
            row = measured[year][None, indicator.id]
            dimensions = []
            for by in indicator.disaggregations:
                broken = measured[year][by, indicator.id].breakdown or []
                dimensions += [(DIMENSION_NAMES[by], part.key, part.actual) for part in broken if part.actual]
            if row.actual is not None:
                actual = _figure(indicator, row.actual, dimensions)
        periods.append(Period(start, end, target, actual))
    baseline = None
    if indicator.baseline is not None:
        baseline = (indicator.baseline.year, _figure(indicator, indicator.baseline.value))
    return Indicator(
        indicator.id, indicator.title, indicator.basis, indicator.measure, indicator.direction != "decrease", baseline, periods
    )


def _action_activity(plan: Plan, log: ActivityLog, plan_id: str, action, done: pd.DataFrame, at: dt.date) -> Activity:
    deliverables = sorted(d.date for d in log.deliverables if d.action == action.id and d.date <= at)
    linked = done[done["action"].astype(object) == action.id]
    status = action_status(action.timing.start, action.timing.end, bool(deliverables), not linked.empty, at)
    iati_status = {"done": FINALISATION, "not_started": PIPELINE}.get(status, IMPLEMENTATION)
    description = Text(
        it="; ".join(d.it for d in action.deliverables), en="; ".join(d.en for d in action.deliverables)
    )
    countries = [Share(country_of(action.territory), 100)] if action.territory else []
    started = action.timing.start <= at or not linked.empty
    dates = [(PLANNED_START, action.timing.start), (PLANNED_END, action.timing.end)]
    if started:
        first = linked["date"].min().date() if not linked.empty else action.timing.start
        dates.append((ACTUAL_START, min(first, action.timing.start, at)))
    if deliverables:
        dates.append((ACTUAL_END, deliverables[0]))
    return Activity(
        identifier=_action_identifier(plan_id, action.id),
        title=action.title,
        description=description,
        status=iati_status,
        dates=dates,
        countries=countries,
        sectors=_sectors(plan, {action.goal: 1.0}),
        related=[(PARENT, plan_id)],
        hierarchy=2,
    )


# -- the standard's rules that a schema does not check ------------------------------


def check_iati(export: IatiExport) -> list[str]:
    """The rules of IATI 2.03 that exporters get wrong, as plain problems (empty: all kept).

    Identifiers start with the reporting organisation's identifier; an end
    date is not before its start; actual dates are not in the future;
    percentages per vocabulary add up to 100; a period's end follows its
    start. (Figures need no check: they are counts and the plan's targets,
    which the plan's checks bound to finite numbers.)
    """
    problems = []
    prefix = export.organisation_identifier + "-"
    today = export.generated_at.date()
    for activity in export.activities:
        where = activity.identifier
        if not activity.identifier.startswith(prefix):
            problems.append(f"{where}: identifier does not start with the organisation identifier '{prefix}'")
        dates = dict(activity.dates)
        for start, end in ((PLANNED_START, PLANNED_END), (ACTUAL_START, ACTUAL_END)):
            if start in dates and end in dates and dates[end] < dates[start]:
                problems.append(f"{where}: end date {dates[end]} is before start date {dates[start]}")
        for kind in (ACTUAL_START, ACTUAL_END):
            if kind in dates and dates[kind] > today:
                problems.append(f"{where}: actual date {dates[kind]} is in the future")
        if len(activity.countries) > 1 and sum(c.percentage for c in activity.countries) != 100:
            problems.append(f"{where}: recipient-country percentages add up to {sum(c.percentage for c in activity.countries)}, not 100")
        for vocabulary in {s.vocabulary for s in activity.sectors}:
            total = sum(s.percentage for s in activity.sectors if s.vocabulary == vocabulary)
            if total != 100:
                problems.append(f"{where}: sector percentages of vocabulary {vocabulary} add up to {total}, not 100")
        for result in activity.results:
            for indicator in result.indicators:
                for period in indicator.periods:
                    if period.end < period.start:
                        problems.append(f"{where}/{indicator.id}: period ends {period.end} before it starts {period.start}")
    return problems
