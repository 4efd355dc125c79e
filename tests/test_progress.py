"""progress: figures computed by hand from a small log on the mini plan.

Mini plan targets (tests/fixtures/mini_plan.yaml): delegations_received
annual 4/8, meetings_cumulative cumulative 4/10, new_stakeholders annual 2/2,
page_views annual 1000/2000, event_participants annual 100/100;
thresholds on_track 0.9, at_risk 0.7.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from relint_kpi.issues import UsageError
from relint_kpi.periods import quarters_elapsed
from relint_kpi.progress import (
    BREAKDOWNS,
    compute_status,
    explain,
    target_for,
)
from relint_kpi.records import Activity, ActivityLog, Stakeholder

D = dt.date


def act(line, date, kind, territory="SE", value=1, participants=None, stakeholders=(), title="x"):
    return Activity("a.csv", line, f"id{line}", date, kind, territory, title, None, participants, tuple(stakeholders), value, "")


def stakeholder(name, internal=False, category="university", first=None):
    return Stakeholder("s.csv", 2, name, internal, category, first)


@pytest.fixture
def log() -> ActivityLog:
    activities = [
        act(2, D(2022, 3, 3), "delegation", "DE-HE"),
        act(3, D(2022, 12, 31), "delegation", "BE"),
        act(4, D(2022, 2, 1), "meeting"),
        act(5, D(2022, 6, 1), "meeting"),
        act(6, D(2022, 9, 1), "meeting", stakeholders=["B"]),
        act(7, D(2023, 2, 10), "delegation", "CN-GD", stakeholders=["C", "A"]),
        act(8, D(2023, 5, 5), "delegation", "BE", value=2, stakeholders=["C"]),
        act(9, D(2023, 7, 10), "delegation", "SE", stakeholders=["D"]),
        act(10, D(2023, 1, 20), "meeting", stakeholders=["B"]),
        act(11, D(2023, 4, 20), "meeting", "JP"),
        act(12, D(2023, 3, 31), "pageviews", None, value=600),
        act(13, D(2023, 3, 1), "event", "DE-HE", participants=30),
        act(14, D(2023, 4, 1), "event", "IT", participants=0),
        act(15, D(2023, 4, 2), "meeting", "SE", participants=50),
    ]
    registry = {
        "A": stakeholder("A", first=D(2021, 3, 1)),
        "B": stakeholder("B", internal=True, category="local_authority"),
        "C": stakeholder("C", category="business"),
        "D": stakeholder("D"),
        "E": stakeholder("E", first=D(2023, 1, 15)),
    }
    return ActivityLog(activities, registry, [])


def by_id(table):
    return {row.id: row for row in table.indicators}


def test_quarters_elapsed():
    assert quarters_elapsed(2023, D(2023, 3, 31)) == 1.0
    assert quarters_elapsed(2023, D(2023, 6, 30)) == 2.0
    assert quarters_elapsed(2023, D(2023, 2, 15)) == pytest.approx(46 / 90)
    assert quarters_elapsed(2023, D(2022, 12, 31)) == 0.0
    assert quarters_elapsed(2022, D(2023, 5, 1)) == 4.0


def test_targets_by_basis(mini_plan):
    annual = mini_plan.indicator("delegations_received")
    cumulative = mini_plan.indicator("meetings_cumulative")
    assert target_for(annual, 2023, mini_plan.years) == 8
    assert target_for(cumulative, 2023, mini_plan.years) == 10
    assert target_for(cumulative, 2021, mini_plan.years) == 0


def test_cumulative_target_interpolated_between_years(mini_plan):
    # A plan 2018-2022 with cumulative targets only for 2019 (10) and 2022 (40):
    # 2018 = 0 + (10 - 0) * 1/2, 2020 = 10 + 30 * 1/3, 2021 = 10 + 30 * 2/3; after 2022 the last one.
    indicator = mini_plan.indicator("meetings_cumulative").model_copy(update={"targets": {2019: 10, 2022: 40}})
    years = [2018, 2019, 2020, 2021, 2022]
    assert [target_for(indicator, y, years) for y in years] == [5.0, 10.0, 20.0, 30.0, 40.0]
    assert target_for(indicator, 2023, years) == 40.0
    annual = mini_plan.indicator("delegations_received")
    assert target_for(annual, 2030, mini_plan.years) == 0.0


def test_activity_count_at_end_of_quarter(mini_plan, log):
    row = by_id(compute_status(mini_plan, log, as_of=D(2023, 6, 30)))["delegations_received"]
    # 2023-02-10 (1) + 2023-05-05 (value 2); 2023-07-10 is after the as-of date.
    assert (row.target, row.actual, row.percent) == (8, 3, 37.5)
    assert (row.expected_to_date, row.projected, row.remaining, row.required_per_quarter) == (4.0, 6.0, 5, 2.5)
    assert row.status == "at_risk"  # 3 / 4 = 0.75


def test_activity_count_inside_a_quarter(mini_plan, log):
    row = by_id(compute_status(mini_plan, log, as_of=D(2023, 2, 15)))["delegations_received"]
    # 46 of Q1's 90 days have passed: 0.511 quarters.
    assert row.actual == 1
    assert row.expected_to_date == 1.0  # 8 * 0.511 / 4 = 1.02
    assert row.projected == 7.8  # 1 * 4 / 0.511
    assert row.required_per_quarter == 2.0  # 7 / 3.489
    assert row.status == "on_track"  # 1 / 1.02 = 0.98


def test_year_end_missed_target_is_not_achieved(mini_plan, log):
    row = by_id(compute_status(mini_plan, log, year=2022, today=D(2026, 1, 1)))["delegations_received"]
    assert (row.target, row.actual, row.percent, row.status) == (4, 2, 50.0, "not_achieved")
    assert row.required_per_quarter is None  # no quarter left: no pace, rather than a 0 that reads 'nothing needed'


def test_cumulative_counts_from_plan_start(mini_plan, log):
    row = by_id(compute_status(mini_plan, log, as_of=D(2023, 6, 30)))["meetings_cumulative"]
    # 3 meetings in 2022 + 3 in 2023 up to 30 June (20 Jan, 2 Apr, 20 Apr).
    assert (row.target, row.actual) == (10, 6)
    assert row.expected_to_date == 7.0  # 4 + (10 - 4) * 2/4
    assert row.projected == 9.0  # 3 carried + 3 this year * 4/2
    assert row.status == "at_risk"  # 6 / 7 = 0.857


def test_participants_only_of_events(mini_plan, log):
    row = by_id(compute_status(mini_plan, log, as_of=D(2023, 6, 30)))["event_participants"]
    assert (row.actual, row.expected_to_date, row.status) == (30, 50.0, "behind")


def test_page_views_metric(mini_plan, log):
    row = by_id(compute_status(mini_plan, log, as_of=D(2023, 6, 30)))["page_views"]
    assert (row.actual, row.projected, row.status) == (600, 1200.0, "behind")


def test_new_stakeholders(mini_plan, log):
    # A: involved before the plan (registry) -> never new. B: 2022 and 2023 -> new in 2022 only.
    # C: twice in 2023 -> once. D: after the as-of date. E: registry date in 2023.
    row = by_id(compute_status(mini_plan, log, as_of=D(2023, 6, 30)))["new_stakeholders"]
    assert (row.actual, row.status) == (2, "achieved")
    assert [r.title for r in explain(mini_plan, log, "new_stakeholders", as_of=D(2023, 6, 30))] == [
        "E (first_involved)",
        "C: x",
    ]
    row_2022 = by_id(compute_status(mini_plan, log, year=2022, as_of=D(2023, 6, 30)))["new_stakeholders"]
    assert row_2022.actual == 1


def test_stakeholder_breakdowns(mini_plan, log):
    table = compute_status(mini_plan, log, as_of=D(2023, 12, 31), by="internal")
    rows = by_id(table)
    assert [(b.key, b.actual) for b in rows["new_stakeholders"].breakdown] == [("internal", 0), ("external", 3)]
    assert rows["delegations_received"].breakdown is None
    table = compute_status(mini_plan, log, as_of=D(2023, 12, 31), by="category")
    assert [(b.key, b.actual) for b in by_id(table)["new_stakeholders"].breakdown] == [
        ("university", 2),
        ("business", 1),
        ("local_authority", 0),
    ]


def test_non_target_territory_goes_to_other(mini_plan, log):
    table = compute_status(mini_plan, log, as_of=D(2023, 12, 31), by="territory")
    rows = by_id(table)["delegations_received"].breakdown
    assert [(b.key, b.label, b.actual) for b in rows] == [
        ("DE-HE", "Assia", 0),
        ("SE", "Svezia", 1),
        ("CN", "Cina", 1),  # CN-GD rolls up into China
        ("other", "altri territori", 2),  # BE, value 2
    ]
    groups = by_id(compute_status(mini_plan, log, as_of=D(2023, 12, 31), by="group", lang="en"))
    assert [(b.key, b.actual) for b in groups["meetings_cumulative"].breakdown] == [("europe", 5), ("asia", 1)]  # JP is one of the group's countries


def test_territory_filter(mini_plan, log):
    rows = by_id(compute_status(mini_plan, log, as_of=D(2023, 12, 31), territory="Cina"))
    assert rows["delegations_received"].actual == 1
    assert rows["page_views"].actual == 0


@pytest.mark.parametrize("by", BREAKDOWNS)
def test_breakdowns_add_up(mini_plan, log, by):
    for row in compute_status(mini_plan, log, as_of=D(2023, 12, 31), by=by).indicators:
        if row.breakdown is not None:
            assert sum(b.actual for b in row.breakdown) == row.actual, (by, row.id)


def test_explain_lists_rows(mini_plan, log):
    rows = explain(mini_plan, log, "delegations_received", as_of=D(2023, 12, 31))
    assert [(r.path, r.line, r.contribution) for r in rows] == [("a.csv", 7, 1), ("a.csv", 8, 2), ("a.csv", 9, 1)]


def test_default_as_of_is_today_clipped(mini_plan, log):
    assert compute_status(mini_plan, log, today=D(2026, 11, 24)).as_of == D(2023, 12, 31)
    assert compute_status(mini_plan, log, today=D(2019, 1, 1)).as_of == D(2022, 1, 1)
    table = compute_status(mini_plan, log, today=D(2023, 5, 2))
    assert (table.year, table.as_of) == (2023, D(2023, 5, 2))


@pytest.mark.parametrize(
    "options, message",
    [
        ({"year": 2030}, "year 2030 is outside the plan period; choose one of: 2022, 2023"),
        ({"by": "colour"}, "unknown breakdown 'colour' — choose one of: territory, group, type, quarter, category, internal"),
        (
            {"indicator_ids": ["nope"], "lang": "en"},
            "unknown indicator 'nope' — choose one of: Delegations received (delegations_received), "
            "Meetings (cumulative) (meetings_cumulative), New stakeholders (new_stakeholders), "
            "Page views (page_views), Event participants (event_participants)",
        ),
        (
            {"territory": "Atlantide", "lang": "en"},
            "unknown territory 'Atlantide' — write an ISO 3166 code (BE, DE-HE), a country's name "
            "or one of the priority territories: Hesse (DE-HE), Sweden (SE), China (CN)",
        ),
    ],
)
def test_usage_errors(mini_plan, log, options, message):
    with pytest.raises(UsageError) as caught:
        compute_status(mini_plan, log, **options)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "plan_name, data_name",
    [("plan_2022_2023.yaml", "."), ("plan_lombardia_2018_2022.yaml", "lombardia"), ("plan_esempio_indicatori.yaml", "esempio_indicatori")],
)
def test_shipped_breakdowns_add_up(plan_name, data_name):
    """Every breakdown of the shipped data adds up to its indicator's total."""
    from relint_kpi.actuals import read_data
    from relint_kpi.plan import load_plan

    data = Path(__file__).resolve().parent.parent / "data"
    plan, issues = load_plan(data / plan_name)
    assert issues == []
    shipped, issues = read_data(data / data_name, plan)
    assert issues == []
    assert len(shipped.activities), "the shipped data must not be empty"
    checked = 0
    for year in plan.years:
        for by in BREAKDOWNS:
            for row in compute_status(plan, shipped, year=year, as_of=plan.metadata.period.end, by=by).indicators:
                if row.breakdown is not None:
                    assert sum(b.actual for b in row.breakdown) == row.actual, (year, by, row.id)
                    checked += 1
    assert checked > 0


# -- edge cases ---------------------------------------------------------------------


def test_empty_log(mini_plan):
    empty = ActivityLog([], {}, [])
    table = compute_status(mini_plan, empty, as_of=D(2023, 6, 30), by="territory")
    assert [(r.id, r.actual, r.percent, r.status) for r in table.indicators] == [
        ("delegations_received", 0, 0.0, "behind"),
        ("meetings_cumulative", 0, 0.0, "behind"),
        ("new_stakeholders", 0, 0.0, "behind"),
        ("page_views", 0, 0.0, "behind"),
        ("event_participants", 0, 0.0, "behind"),
    ]
    row = by_id(table)["delegations_received"]
    assert (row.expected_to_date, row.projected, row.remaining, row.required_per_quarter) == (4.0, 0.0, 8, 4.0)
    # The plan's territories show with 0; other and none only when something counts there.
    assert [(b.key, b.actual) for b in row.breakdown] == [("DE-HE", 0), ("SE", 0), ("CN", 0)]
    assert by_id(compute_status(mini_plan, empty, as_of=D(2023, 6, 30), by="type"))["delegations_received"].breakdown == []
    assert by_id(compute_status(mini_plan, empty, as_of=D(2023, 6, 30), by="quarter"))["meetings_cumulative"].breakdown == []
    categories = by_id(compute_status(mini_plan, empty, as_of=D(2023, 6, 30), by="category"))["new_stakeholders"].breakdown
    assert [(b.key, b.actual) for b in categories] == [("university", 0), ("business", 0), ("local_authority", 0)]
    assert explain(mini_plan, empty, "delegations_received", as_of=D(2023, 6, 30)) == []
    assert explain(mini_plan, empty, "new_stakeholders", as_of=D(2023, 6, 30), territory="SE") == []


def test_year_with_no_rows_of_its_own(mini_plan):
    only_2022 = ActivityLog([act(2, D(2022, 3, 3), "delegation"), act(3, D(2022, 2, 1), "meeting"), act(4, D(2022, 9, 1), "meeting")], {}, [])
    rows = by_id(compute_status(mini_plan, only_2022, year=2023, as_of=D(2023, 12, 31), by="quarter"))
    delegations = rows["delegations_received"]
    assert (delegations.actual, delegations.projected, delegations.status, delegations.breakdown) == (0, 0.0, "not_achieved", [])
    # A cumulative indicator still carries 2022: 2 carried + 0 this year, the year over (4 quarters).
    meetings = rows["meetings_cumulative"]
    assert (meetings.target, meetings.actual, meetings.expected_to_date, meetings.projected) == (10, 2, 10.0, 2.0)
    assert (meetings.remaining, meetings.required_per_quarter, meetings.status) == (8, None, "not_achieved")
    assert [(b.key, b.actual) for b in meetings.breakdown] == [("2022-Q1", 1), ("2022-Q3", 1)]
    assert [r.line for r in explain(mini_plan, only_2022, "meetings_cumulative", year=2023, as_of=D(2023, 12, 31))] == [3, 4]


def test_cumulative_carries_earlier_years_not_rows_after_the_period(mini_plan):
    log = ActivityLog([act(2, D(2022, 2, 1), "meeting"), act(3, D(2023, 1, 20), "meeting"), act(4, D(2024, 1, 2), "meeting")], {}, [])
    row = by_id(compute_status(mini_plan, log, as_of=D(2023, 6, 30), by="quarter"))["meetings_cumulative"]
    assert (row.actual, row.projected) == (2, 3.0)  # 1 carried + 1 this year * 4/2
    assert [(b.key, b.label, b.actual) for b in row.breakdown] == [("2022-Q1", "2022-Q1", 1), ("2023-Q1", "2023-Q1", 1)]
    # An annual indicator counts its own year only.
    annual = by_id(compute_status(mini_plan, log, as_of=D(2023, 6, 30)))["delegations_received"]
    assert annual.actual == 0


def test_first_involvement_from_the_registry_has_no_territory(mini_plan, log):
    # 2023: C (line 7, CN-GD, delegation), D (line 9, SE, delegation), E (registry only).
    rows = by_id(compute_status(mini_plan, log, as_of=D(2023, 12, 31), by="territory"))
    assert [(b.key, b.actual) for b in rows["new_stakeholders"].breakdown] == [("DE-HE", 0), ("SE", 1), ("CN", 1), ("none", 1)]
    rows = by_id(compute_status(mini_plan, log, as_of=D(2023, 12, 31), by="type", lang="en"))
    assert [(b.key, b.label, b.actual) for b in rows["new_stakeholders"].breakdown] == [("delegation", "Delegation", 2), ("none", "n/a (no territory)", 1)]
    assert by_id(compute_status(mini_plan, log, as_of=D(2023, 12, 31), territory="SE"))["new_stakeholders"].actual == 1
    explained = explain(mini_plan, log, "new_stakeholders", as_of=D(2023, 12, 31))
    assert [(r.path, r.line, r.id, r.date, r.title, r.contribution) for r in explained] == [
        ("s.csv", 2, "", D(2023, 1, 15), "E (first_involved)", 1),
        ("a.csv", 7, "id7", D(2023, 2, 10), "C: x", 1),
        ("a.csv", 9, "id9", D(2023, 7, 10), "D: x", 1),
    ]
    assert [r.line for r in explain(mini_plan, log, "new_stakeholders", as_of=D(2023, 12, 31), territory="SE")] == [9]


def test_registry_first_involvement_comes_first_on_its_date(mini_plan):
    log = ActivityLog(
        [act(5, D(2023, 3, 1), "meeting", stakeholders=["B"]), act(2, D(2023, 3, 1), "meeting", stakeholders=["C"])],
        {"A": stakeholder("A", first=D(2023, 3, 1)), "B": stakeholder("B"), "C": stakeholder("C")},
        [],
    )
    explained = explain(mini_plan, log, "new_stakeholders", as_of=D(2023, 12, 31))
    assert [(r.line, r.title) for r in explained] == [(2, "A (first_involved)"), (2, "C: x"), (5, "B: x")]


def test_rows_adding_nothing_keep_their_key_but_not_other(mini_plan):
    log = ActivityLog(
        [act(2, D(2023, 2, 10), "delegation", "SE"), act(3, D(2023, 5, 5), "delegation", "BE", value=0)], {}, []
    )
    quarters = by_id(compute_status(mini_plan, log, as_of=D(2023, 12, 31), by="quarter"))["delegations_received"]
    assert [(b.key, b.actual) for b in quarters.breakdown] == [("2023-Q1", 1), ("2023-Q2", 0)]
    territories = by_id(compute_status(mini_plan, log, as_of=D(2023, 12, 31), by="territory"))["delegations_received"]
    assert [(b.key, b.actual) for b in territories.breakdown] == [("DE-HE", 0), ("SE", 1), ("CN", 0)]
    assert [(r.line, r.contribution) for r in explain(mini_plan, log, "delegations_received", as_of=D(2023, 12, 31))] == [(2, 1), (3, 0)]


def test_explain_skips_rows_without_participants(mini_plan, log):
    rows = explain(mini_plan, log, "event_participants", as_of=D(2023, 12, 31))
    assert [(r.line, r.contribution) for r in rows] == [(13, 30)]  # line 14 has 0 participants


def test_shipped_plan_reads_the_seed_s_wording():
    """event_participants counts only events held in the region; the parent adds up the five activity indicators."""
    from relint_kpi.actuals import read_data
    from relint_kpi.plan import load_plan

    data = Path(__file__).resolve().parent.parent / "data"
    plan, _ = load_plan(data / "plan_2022_2023.yaml")
    shipped, _ = read_data(data, plan)
    events = shipped.activities[shipped.activities["type"] == "event"]
    # The shipped events: 2022-10-06 in Hesse (140), 2022-12-01 in IT-45 (120),
    # 2023-05-25 in IT-45 (130), 2023-10-05 in Hesse (90), 2023-11-28 in Wielkopolska (120).
    assert sorted(zip(events["date"].dt.year, events["venue"].astype(str), events["participants"])) == [
        (2022, "DE-HE", 140), (2022, "IT-45", 120), (2023, "DE-HE", 90), (2023, "IT-45", 130), (2023, "PL-30", 120)
    ]
    for year, in_region in ((2022, 120), (2023, 130)):
        rows = {r.id: r for r in compute_status(plan, shipped, year=year, as_of=plan.metadata.period.end).indicators}
        assert rows["event_participants"].actual == in_region
        children = [rows[child] for child in plan.indicator("systemic_activities").children]
        assert rows["systemic_activities"].actual == sum(child.actual for child in children)
        assert rows["systemic_activities"].target == sum(child.target for child in children) == {2022: 48, 2023: 58}[year]
        assert all(child.parent == "systemic_activities" for child in children)
    assert plan.indicator("systemic_activities").reading.it.startswith("Ogni attività registrata conta")
