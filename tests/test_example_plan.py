"""The example plan (data/plan_esempio_indicatori.yaml): every kind of indicator, counted by hand.

Its data folder holds 18 rows. The figures below are worked out from those
rows in the comments, not read back from relint.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from relint_kpi.actuals import read_data
from relint_kpi.plan import load_plan
from relint_kpi.progress import compute_status

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def example():
    plan, issues = load_plan(DATA / "plan_esempio_indicatori.yaml")
    assert issues == []
    log, issues = read_data(DATA / "esempio_indicatori", plan)
    assert issues == []
    return plan, log


def rows_at(example, as_of):
    plan, log = example
    return {row.id: row for row in compute_status(plan, log, as_of=as_of).indicators}


def figures(row):
    return (row.target, row.actual, row.percent, row.status)


def test_year_end_figures(example):
    rows = rows_at(example, dt.date(2024, 12, 31))
    # Meetings held in the region: 2024Q1-0001 and -0002 and 2024Q3-0001 say venue
    # "regione"; 2024Q4-0002 has none but its territory is IT-55, the region itself.
    # 2024Q2-0001 was held in Bavaria. 4 of 6.
    assert figures(rows["meetings_in_region"]) == (6, 4, 66.7, "not_achieved")
    # Missions to the "europe" group: Bavaria (Q1) and Lyon (Q4); São Paulo is not in it.
    assert figures(rows["missions_europe"]) == (2, 2, 100.0, "achieved")
    # The parent: 4 + 2 of 6 + 2, with its baseline.
    parent = rows["activities"]
    assert figures(parent) == (8, 6, 75.0, "not_achieved")
    assert (parent.baseline, parent.baseline_year, parent.children) == (10, 2023, ["meetings_in_region", "missions_europe"])
    assert rows["meetings_in_region"].parent == "activities"
    # Meetings naming a plan action: Q1-0001, Q2-0001, Q3-0001 (3 of 5).
    assert figures(rows["linked_meetings"]) == (5, 3, 60.0, "not_achieved")
    # Meetings and missions: 5 meetings + 3 missions = 8; linked: 3 meetings + 2 missions = 5; 62.5 % of 60 %.
    share = rows["share_linked"]
    assert (share.numerator, share.denominator) == (5, 8)
    assert figures(share) == (60, 62.5, 104.2, "achieved")
    # A level: the latest recording (5 on 31/12), not 3 + 4 + 4 + 5.
    assert figures(rows["agreements_in_force"]) == (5, 5, 100.0, "achieved")
    # A decrease: 19 days against a baseline of 30 and a target of 20: (30 − 19) ÷ (30 − 20) = 110 %.
    assert figures(rows["response_days"]) == (20, 19, 110.0, "achieved")
    # Qualitative: the latest assessment (20/10, "structured") is the target level.
    quality = rows["partnership_quality"]
    assert (quality.level, quality.target_level, quality.baseline_level, quality.status) == (
        "Strutturato", "Strutturato", "Iniziale", "achieved"
    )
    assert quality.reason.startswith("Tavolo di lavoro congiunto") and quality.percent is None
    # New universities: Università di Esempio (14/05) and Politecnico di Esempio (09/07).
    assert figures(rows["universities_involved"]) == (2, 2, 100.0, "achieved")
    # Events naming a business: only 2024Q2-0002 (Impresa Alfa); the São Paulo event names a local authority.
    assert figures(rows["events_with_business"]) == (2, 1, 50.0, "not_achieved")
    # Participants in events held in the region: 80 (Q2); the 50 of São Paulo do not count.
    assert figures(rows["participants_in_region"]) == (100, 80, 80.0, "not_achieved")
    # The year is over: no forecast for anything.
    assert all(row.forecast is None for row in rows.values())


def test_mid_year_figures(example):
    rows = rows_at(example, dt.date(2024, 6, 30))
    # Two meetings in the region by 30/06, half of the year gone: expected 3.
    assert figures(rows["meetings_in_region"]) == (6, 2, 33.3, "behind")
    assert rows["meetings_in_region"].expected_to_date == 3.0
    # The share: 3 linked (Q1-0001, Q1-0003, Q2-0001) of 5 (3 meetings, 2 missions).
    share = rows["share_linked"]
    assert (share.numerator, share.denominator, share.actual) == (3, 5, 60.0)
    # Expected on the way from the baseline 50 to 60: 55 at mid-year.
    assert share.expected_to_date == 55.0
    # Agreements: 4 on 30/06, on the way from 3 to 5 (expected 4): on track, 80 % of the target.
    assert figures(rows["agreements_in_force"]) == (5, 4, 80.0, "on_track")
    # Days: 24; (30 − 24) ÷ (30 − 20) = 60 %; expected by now 25, and 24 is better.
    days = rows["response_days"]
    assert figures(days) == (20, 24, 60.0, "on_track") and days.expected_to_date == 25.0
    # Only the March assessment ("initial") by 30/06: below the target level, the year not over.
    quality = rows["partnership_quality"]
    assert (quality.level, quality.status) == ("Iniziale", "at_risk")
    # Counts carry a forecast; levels, percentages and qualitative levels do not.
    assert rows["meetings_in_region"].forecast is not None
    assert rows["activities"].forecast is not None
    for name in ("share_linked", "agreements_in_force", "response_days", "partnership_quality"):
        assert rows[name].forecast is None


def test_a_share_of_no_activities_has_no_projection_and_no_distance_to_its_target(example):
    # No meeting or mission in 2025: the share has no value, so neither a projection nor what remains
    # (0 would read "nothing missing" beside a target of 70 % not reached).
    share = rows_at(example, dt.date(2025, 12, 31))["share_linked"]
    assert (share.numerator, share.denominator, share.actual, share.percent) == (0, 0, None, None)
    assert (share.projected, share.remaining, share.required_per_quarter, share.status) == (None, None, None, "not_achieved")
    mid_year = rows_at(example, dt.date(2025, 6, 30))["share_linked"]
    assert (mid_year.projected, mid_year.remaining, mid_year.required_per_quarter, mid_year.status) == (None, None, None, "at_risk")


def test_the_example_s_status_table_shows_a_dash_for_what_has_no_value(example):
    from relint_kpi.cli import app

    result = CliRunner().invoke(
        app, ["--plan", str(DATA / "plan_esempio_indicatori.yaml"), "status", "--as-of", "2025-12-31", "--indicator", "share_linked"],
        env={"COLUMNS": "140", "RELINT_PLAN": None, "RELINT_DATA": None},
    )
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if line.startswith("│ Quota di incontri"))
    assert [cell.strip() for cell in row.strip("│").split("│")][1:] == ["70 %", "—", "—", "70 %", "—", "—", "—", "non raggiunto"]


def test_the_example_is_marked_as_one(example):
    plan, _ = example
    assert plan.metadata.title.it.startswith("ESEMPIO") and plan.metadata.title.en.startswith("EXAMPLE")


# -- the plan's checks, on the example edited -----------------------------------------


def edited_plan(tmp_path, old, new):
    text = (DATA / "plan_esempio_indicatori.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "plan.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    plan, issues = load_plan(path)
    assert plan is None
    return [(issue.line, issue.code, issue.message) for issue in issues]


def line_of(tmp_path, text):
    """The line of the edited plan that holds ``text``."""
    lines = (tmp_path / "plan.yaml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


@pytest.mark.parametrize(
    "old, new, where, code, message",
    [
        (
            "targets: {2024: structured, 2025: consolidated}",
            "targets: {2024: structured, 2025: excellent}",
            "targets: {2024: structured, 2025: excellent}",
            "unknown-level",
            "indicators.7.targets.2025: unknown scale level 'excellent' — expected one of: none, initial, structured, consolidated",
        ),
        (
            "    baseline: {value: 30, year: 2023}\n",
            "",
            "direction: decrease",
            "no-baseline",
            "indicators.6.direction: a decrease indicator needs a baseline: progress is measured from it down to the target",
        ),
        (
            "    targets: {2024: 20, 2025: 15}",
            "    targets: {2024: 20, 2025: 35}",
            "targets: {2024: 20, 2025: 35}",
            "bad-target",
            "indicators.6.targets.2025: a decrease target must be below the baseline (30)",
        ),
        (
            "    denominator: {kind: activity_count, where: {types: [meeting, mission]}}\n",
            "",
            "id: share_linked",
            "measure-mismatch",
            "indicators.4: a percentage indicator needs 'denominator' (a source of rows)",
        ),
        (
            "where: {territories: [europe]}",
            "where: {territories: [eurasia]}",
            "where: {territories: [eurasia]}",
            "unknown-where-territory",
            "indicators.2.source.where.territories.0: 'eurasia' is neither an ISO 3166 code (SE, DE-HE), a territory group (europe, americas) nor 'region'",
        ),
        (
            "children: [meetings_in_region, missions_europe]",
            "children: [meetings_in_region, agreements_in_force]",
            "children: [meetings_in_region, agreements_in_force]",
            "bad-parent",
            "indicators.0.children.1: indicator 'agreements_in_force' must be a count with the parent's basis and direction to add up",
        ),
        (
            "    basis: level\n    baseline: {value: initial, year: 2023}",
            "    basis: annual\n    baseline: {value: initial, year: 2023}",
            "measure: qualitative",
            "bad-basis",
            "indicators.7.basis: a qualitative indicator is a level: write basis: level",
        ),
    ],
)
def test_plan_checks(tmp_path, old, new, where, code, message):
    found = edited_plan(tmp_path, old, new)
    assert [(c, m) for _, c, m in found] == [(code, message)]
    if code != "bad-basis":
        assert found[0][0] == line_of(tmp_path, where)


def test_region_needs_a_region_code(tmp_path):
    found = edited_plan(tmp_path, "  region_code: IT-55\n", "")
    assert [(c, m) for _, c, m in found] == [
        ("no-region-code", "indicators.1.source.where.held_in.0: 'region' needs the plan's own region code: add metadata.region_code (e.g. IT-45)"),
        ("no-region-code", "indicators.10.source.where.held_in.0: 'region' needs the plan's own region code: add metadata.region_code (e.g. IT-45)"),
    ]


def test_assessments_are_checked_row_by_row(tmp_path, example):
    plan, _ = example
    from relint_kpi.registry import read_assessments

    path = tmp_path / "assessments.csv"
    path.write_text(
        "indicator,date,level,reason\n"
        "partnership_quality,2024-03-15,initial,ok\n"
        "partnership_quality,2024-04-01,excellent,troppo\n"
        "agreements_in_force,2024-04-01,initial,non qualitativo\n"
        "partnership_quality,2024-05-01,structured,\n",
        encoding="utf-8",
    )
    records, issues = read_assessments(path, plan)
    assert [(r.line, r.level) for r in records] == [(2, "initial")]
    assert [(i.line, i.column, i.code) for i in issues] == [
        (3, 3, "unknown-assessment-level"),
        (4, 1, "unknown-qualitative-indicator"),
        (5, 4, "missing-assessment-reason"),
    ]
    assert issues[0].message == "unknown level 'excellent' of 'partnership_quality' — expected one of: none, initial, structured, consolidated"


@pytest.mark.parametrize("fmt", ["table", "md", "html", "json", "csv", "xlsx"])
def test_the_example_s_report_renders_every_kind(tmp_path, fmt):
    from conftest import invoke

    plan = str(DATA / "plan_esempio_indicatori.yaml")
    for year, as_of in (("2024", "2024-12-31"), ("2025", "2025-03-31")):
        out = tmp_path / f"report-{year}.{fmt}"
        result = invoke(["--plan", plan, "report", "--year", year, "--as-of", as_of, "--format", fmt, "--output", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    if fmt == "md":
        text = (tmp_path / "report-2024.md").read_text(encoding="utf-8")
        # The headline: a baseline column, children under their parent, levels by their labels.
        # (A closed year's missed target reads "non raggiunto"; the last column is the office's note.)
        assert "| Attività dell'Ufficio, per tipologia | attività | 10 (2023) | 8 | 6 | 75,0% | non raggiunto |  |" in text
        assert "| ↳ Missioni in Europa | missioni |  | 2 | 2 | 100,0% | raggiunto |  |" in text
        assert "| Iniziale (2023) | Strutturato | Strutturato | — | raggiunto |  |" in text
