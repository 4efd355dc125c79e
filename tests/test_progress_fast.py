"""progress: the column-based compute_status gives exactly what the per-row code gave.

The oracle below is the per-row implementation compute_status had before it
worked on columns — ``_by_type``, ``_contributions``, ``_Keys.key`` (item by
item), ``_matches_territory``, ``_counted``, ``_breakdown``'s totals and
``_indicator_status``'s two per-item sums — copied verbatim but for the
``reference_`` names. What did not change is imported, not copied: the option checks,
``first_involvements``, the window, the arithmetic from actual and carried
to the figures (``_figures``) and the breakdown's row order and labels; so
the comparison is about what counts and how it adds up.

Hypothesis builds small random logs on the mini plan: dates on and around
the edges of the period, the years and a quarter, and outside the period;
every activity type plus one the plan lacks; territories in and out of the
plan (subdivisions, countries of a group) or none; participants none, 0 or
n; values 0 to 1800; stakeholders registered, unregistered or with a
registry ``first_involved`` date. Every breakdown, with and without a
territory filter, at several years and as-of dates, must come out equal.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relint_kpi import progress
from relint_kpi.progress import (
    NONE,
    OTHER,
    STAKEHOLDER_BREAKDOWNS,
    StatusTable,
    _breakdown_rows,
    _Contribution,
    _figures,
    _Keys,
    _window,
    check_options,
    compute_status,
    default_as_of,
    first_involvements,
    quarters_elapsed,
)
from relint_kpi.records import Activity, ActivityLog, Stakeholder

D = dt.date


# -- the oracle: the per-row code compute_status used to run ----------------------------


def reference_by_type(log):
    groups = {}
    for activity in log.activities:
        groups.setdefault(activity.type, []).append(activity)
    return groups


def reference_contributions(log, indicator, by_type, start, end):
    source = indicator.source
    if source.kind == "new_stakeholders":
        return [
            _Contribution(date, 1, activity, name)
            for name, (date, activity) in first_involvements(log).items()
            if start <= date <= end
        ]
    if source.kind == "participants":
        return [
            _Contribution(a.date, a.participants, a)
            for a in by_type.get(source.activity_type, ())
            if a.participants and start <= a.date <= end
        ]
    wanted = source.metric if source.kind == "metric" else source.activity_type
    return [_Contribution(a.date, a.value, a) for a in by_type.get(wanted, ()) if start <= a.date <= end]


def reference_key(keys, by, item):
    activity = item.activity
    if by in STAKEHOLDER_BREAKDOWNS:
        stakeholder = keys.log.stakeholders.get(item.stakeholder or "")
        if stakeholder is None:
            return NONE
        return stakeholder.category if by == "category" else ("internal" if stakeholder.internal else "external")
    if by == "quarter":
        return f"{item.date.year}-Q{(item.date.month - 1) // 3 + 1}"
    if activity is None:
        return NONE
    if by == "type":
        return activity.type
    if activity.territory is None:
        return NONE
    if by == "territory":
        return keys.index.plan_territory(activity.territory) or OTHER
    return keys.index.group(activity.territory) or OTHER


def reference_matches_territory(index, item, territory):
    if territory is None:
        return True
    code = item.activity.territory if item.activity else None
    if code is None:
        return False
    return code == territory or index.plan_territory(code) == territory or code.split("-")[0] == territory


def reference_counted(plan, log, indicator, year, at, territory, index, by_type):
    start, end = _window(plan, indicator, year, at)
    items = reference_contributions(log, indicator, by_type, start, end)
    if territory is None:
        return items
    return [item for item in items if reference_matches_territory(index, item, territory)]


def reference_breakdown(indicator, counted, by, keys):
    is_stakeholder = indicator.source.kind == "new_stakeholders"
    if by in STAKEHOLDER_BREAKDOWNS and not is_stakeholder:
        return None
    totals = {key: 0 for key in keys.all_keys(by)}
    for item in counted:
        key = reference_key(keys, by, item)
        totals[key] = totals.get(key, 0) + item.amount
    return _breakdown_rows(by, totals, keys)


def reference_compute_status(plan, log, *, year=None, as_of=None, lang="it", by=None, territory=None):
    code = check_options(plan, year=year, by=by, indicator_ids=None, territory=territory)
    as_of = as_of or default_as_of(plan)
    year = year or min(max(as_of.year, plan.years[0]), plan.years[-1])
    at = min(as_of, D(year, 12, 31))
    elapsed = quarters_elapsed(year, at)
    keys = _Keys(plan, log, lang)
    by_type = reference_by_type(log)
    rows = []
    for indicator in plan.indicators:
        counted = reference_counted(plan, log, indicator, year, at, code, keys.index, by_type)
        actual = sum(item.amount for item in counted)
        carried = sum(item.amount for item in counted if item.date.year < year) if indicator.basis == "cumulative" else 0
        breakdown = reference_breakdown(indicator, counted, by, keys) if by is not None else None
        rows.append(_figures(plan, indicator, year, elapsed, lang, actual, carried, breakdown))
    return StatusTable(plan.metadata.title.get(lang), year, at, lang, by, rows)


# -- random logs ----------------------------------------------------------------------

# The period is 2022-2023: its edges, the years' edges and a quarter's edges, and days outside it.
EDGES = [D(2021, 12, 31), D(2022, 1, 1), D(2022, 3, 31), D(2022, 4, 1), D(2022, 12, 31), D(2023, 1, 1), D(2023, 6, 30), D(2023, 12, 31), D(2024, 1, 1)]
DATES = st.one_of(st.sampled_from(EDGES), st.dates(D(2021, 6, 1), D(2024, 6, 30)))
TYPES = ["delegation", "meeting", "event", "mission", "note", "pageviews", "unplanned"]
# Plan territories (DE-HE, SE, CN; JP a group's country), their subdivisions and countries, others, none.
TERRITORIES = [None, "DE-HE", "DE", "DE-BY", "SE", "CN", "CN-GD", "JP", "JP-13", "BE", "IT", "US-CA"]
NAMES = ["A", "B", "C", "D", "E", "F", "Unregistered"]
CATEGORIES = ["university", "business", "local_authority", "not_in_plan"]


@st.composite
def logs(draw) -> ActivityLog:
    count = draw(st.integers(0, 40))
    activities = [
        Activity(
            draw(st.sampled_from(["a.csv", "b.csv"])),
            line,
            f"id{line}",
            draw(DATES),
            draw(st.sampled_from(TYPES)),
            draw(st.sampled_from(TERRITORIES)),
            f"title {line}",
            None,
            draw(st.one_of(st.none(), st.just(0), st.integers(1, 300))),
            tuple(draw(st.lists(st.sampled_from(NAMES), max_size=3, unique=True))),
            draw(st.one_of(st.just(1), st.integers(0, 3), st.integers(900, 1800))),
            "",
        )
        for line in range(2, count + 2)
    ]
    registry = {
        name: Stakeholder(
            "s.csv",
            line,
            name,
            draw(st.booleans()),
            draw(st.sampled_from(CATEGORIES)),
            draw(st.one_of(st.none(), DATES)),
        )
        for line, name in enumerate(NAMES[:-1], start=2)
        if draw(st.booleans()) or name == "A"
    }
    return ActivityLog(activities, registry, [])


BYS = [None, "type", "territory", "group", "quarter", "category", "internal"]
FILTERS = [None, "SE", "CN", "DE", "JP", "BE"]
MOMENTS = st.tuples(st.sampled_from([None, 2022, 2023]), st.one_of(st.sampled_from(EDGES[1:-1]), st.dates(D(2022, 1, 1), D(2023, 12, 31))))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(log=logs(), moments=st.lists(MOMENTS, min_size=1, max_size=3))
def test_compute_status_matches_the_per_row_code(mini_plan, log, moments):
    for year, as_of in moments:
        for territory in FILTERS:
            for by in BYS:
                options = {"year": year, "as_of": as_of, "by": by, "territory": territory}
                assert compute_status(mini_plan, log, **options) == reference_compute_status(mini_plan, log, **options), options


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(log=logs(), moment=MOMENTS, territory=st.sampled_from(FILTERS))
def test_explain_rows_match_the_per_row_code(mini_plan, log, moment, territory):
    year, as_of = moment
    year = year or as_of.year
    at = min(as_of, D(year, 12, 31))
    code = check_options(mini_plan, year=year, by=None, indicator_ids=None, territory=territory)
    keys = _Keys(mini_plan, log, "it")
    for indicator in mini_plan.indicators:
        # explain lists these rows (sorted by date, keeping this order on a tie).
        counted = progress._counted(mini_plan, log, indicator, year, at, code, keys.index).contributions()
        assert counted == reference_counted(mini_plan, log, indicator, year, at, code, keys.index, reference_by_type(log))


def test_oracle_agrees_with_figures_worked_by_hand(mini_plan):
    # The per-row code reproduces a figure of tests/test_progress.py (meetings, cumulative, to 30 June 2023).
    def act(line, date, kind):
        return Activity("a.csv", line, f"id{line}", date, kind, "SE", "x", None, None, (), 1, "")

    log = ActivityLog([act(2, D(2022, 2, 1), "meeting"), act(3, D(2023, 1, 20), "meeting"), act(4, D(2024, 1, 2), "meeting")], {}, [])
    row = {r.id: r for r in reference_compute_status(mini_plan, log, as_of=D(2023, 6, 30)).indicators}["meetings_cumulative"]
    assert (row.actual, row.projected) == (2, 3.0)  # 1 carried + 1 this year * 4/2


@pytest.mark.parametrize("by", BYS)
def test_many_rows_per_key(mini_plan, by):
    # Thousands of rows repeating a few values: the per-distinct-value paths at scale.
    activities = [
        Activity("a.csv", i, f"id{i}", D(2022, 1, 1) + dt.timedelta(days=i % 800), TYPES[i % 7], TERRITORIES[i % 12], "x", None, i % 5 or None, tuple(NAMES[: i % 4]) if i % 3 else (), 1 + (i % 11 == 0) * 40, "")
        for i in range(5000)
    ]
    log = ActivityLog(activities, {"A": Stakeholder("s.csv", 2, "A", True, "university", D(2022, 5, 1))}, [])
    for as_of in (D(2022, 8, 14), D(2023, 12, 31)):
        assert compute_status(mini_plan, log, as_of=as_of, by=by) == reference_compute_status(mini_plan, log, as_of=as_of, by=by)
