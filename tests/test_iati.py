"""``relint export iati``: IATI 2.03 XML that the official schema accepts, with the status figures."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from test_cli_report import write_data
from typer.testing import CliRunner

from relint_kpi.cli import app
from relint_kpi.iati import FINALISATION, PLANNED_END, PLANNED_START, Activity, IatiExport, Share, check_iati, whole_percentages
from relint_kpi.plan import Text
from relint_kpi.render.iati_xml import activity_schema

REPO = Path(__file__).resolve().parent.parent
IATI_SECTION = """
iati:
  organisation_identifier: "IT-CF-00000000000"
  activity_identifier: "IT-CF-00000000000-MINI"
"""
EPOCH = {"SOURCE_DATE_EPOCH": "1767139200"}  # 2025-12-31T00:00:00Z


def invoke(args: list[str], env: dict | None = None):
    return CliRunner().invoke(app, args, env={"SOURCE_DATE_EPOCH": None, **(env or EPOCH)})


@pytest.fixture
def workspace(mini_plan_path: Path, tmp_path: Path) -> list[str]:
    """The mini plan with an iati section, and the report tests' data set."""
    mini_plan_path.write_text(mini_plan_path.read_text(encoding="utf-8") + IATI_SECTION, encoding="utf-8")
    data = write_data(tmp_path / "data")
    return ["--plan", str(mini_plan_path), "--data", str(data)]


def export(workspace: list[str], tmp_path: Path, *extra: str) -> etree._Element:
    output = tmp_path / "iati.xml"
    result = invoke([*workspace, "export", "iati", "--year", "2023", "--output", str(output), *extra])
    assert result.exit_code == 0, result.output
    return etree.parse(str(output)).getroot()


def test_mini_plan_export_validates_and_holds_the_plan_and_its_actions(workspace, tmp_path):
    root = export(workspace, tmp_path)
    assert activity_schema().validate(root), activity_schema().error_log
    assert root.get("version") == "2.03"
    ids = [e.text for e in root.iter("iati-identifier")]
    assert ids == ["IT-CF-00000000000-MINI", "IT-CF-00000000000-MINI-a1", "IT-CF-00000000000-MINI-a2"]
    plan = root.find("iati-activity")
    assert [n.text for n in plan.find("title")] == ["Piano di prova", "Test plan"]
    assert plan.find("title")[1].get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert plan.find("activity-status").get("code") == "3"  # finished plan, exported after its end
    dates = {(d.get("type"), d.get("iso-date")) for d in plan.iter("activity-date")}
    assert dates == {("1", "2022-01-01"), ("2", "2022-01-01"), ("3", "2023-12-31"), ("4", "2023-12-31")}
    # DE 6 (DE-HE rows, one worth 2), CN 2 (CN and CN-GD), SE 1, JP 1: BE is no priority country
    countries = {c.get("code"): c.get("percentage") for c in plan.iter("recipient-country")}
    assert countries == {"DE": "60", "SE": "10", "CN": "20", "JP": "10"}
    sectors = [(s.get("code"), s.get("vocabulary"), s.get("percentage")) for s in plan.iter("sector")]
    assert sectors == [("g1", "99", "100")]
    related = [(r.get("ref"), r.get("type")) for r in plan.iter("related-activity")]
    assert related == [("IT-CF-00000000000-MINI-a1", "2"), ("IT-CF-00000000000-MINI-a2", "2")]
    a1, a2 = root.findall("iati-activity")[1:]
    assert a1.find("activity-status").get("code") == "3"  # its deliverable is recorded
    assert ("4", "2022-05-25") in {(d.get("type"), d.get("iso-date")) for d in a1.iter("activity-date")}
    assert a1.find("recipient-country").attrib == {"code": "DE"}  # one country: no percentage
    assert a2.find("activity-status").get("code") == "2"
    assert [(r.get("ref"), r.get("type")) for r in a2.iter("related-activity")] == [("IT-CF-00000000000-MINI", "1")]


def test_no_element_is_empty(workspace, tmp_path):
    root = export(workspace, tmp_path)
    empty = [e.tag for e in root.iter() if not len(e) and not e.attrib and not (e.text or "").strip()]
    assert empty == []


def _periods(root: etree._Element) -> dict[tuple[str, int], tuple[str, str | None]]:
    """(indicator title in Italian, year) → (target, total actual) as written."""
    found = {}
    for indicator in root.find("iati-activity").iter("indicator"):
        title = indicator.find("title")[0].text
        for period in indicator.iter("period"):
            year = int(period.find("period-start").get("iso-date")[:4])
            actuals = [a for a in period.findall("actual") if a.find("dimension") is None]
            if indicator.get("measure") == "5":  # qualitative: a level named in a comment, no value
                continue
            found[title, year] = (period.find("target").get("value"), actuals[0].get("value") if actuals else None)
    return found


@pytest.mark.parametrize(
    "plan_file, year",
    [("data/plan_2022_2023.yaml", 2023), ("data/plan_lombardia_2018_2022.yaml", 2022), ("data/plan_esempio_indicatori.yaml", 2025)],
)
def test_shipped_plans_export_valid_iati_with_the_status_figures(tmp_path, monkeypatch, plan_file, year):
    monkeypatch.chdir(REPO)
    output = tmp_path / "iati.xml"
    result = invoke(["--plan", plan_file, "export", "iati", "--year", str(year), "--output", str(output)])
    assert result.exit_code == 0, result.output
    root = etree.parse(str(output)).getroot()
    assert activity_schema().validate(root), activity_schema().error_log
    periods = _periods(root)
    plan_years = sorted({y for _, y in periods})
    for measured in plan_years:
        status = invoke(["--plan", plan_file, "status", "--year", str(measured), "--format", "json"])
        assert status.exit_code == 0, status.output
        for row in json.loads(status.output)["indicators"]:
            if row["measure"] == "qualitative":
                continue
            target, actual = periods[row["title"], measured]
            assert float(target) == row["target"]
            if row["actual"] is None:  # a percentage with nothing to divide by
                assert actual is None, (row["id"], measured)
            else:
                assert actual is not None and float(actual) == row["actual"], (row["id"], measured)
    for activity in root.iter("iati-activity"):
        shares = [int(c.get("percentage")) for c in activity.iter("recipient-country") if c.get("percentage")]
        assert not shares or sum(shares) == 100
        assert sum(int(s.get("percentage")) for s in activity.iter("sector")) == 100


def test_breakdowns_are_dimensions_that_add_up(workspace, tmp_path):
    root = export(workspace, tmp_path)
    indicator = next(i for i in root.iter("indicator") if i.find("title")[0].text == "Delegazioni ricevute")
    period_2023 = indicator.findall("period")[1]
    parts = {}
    for actual in period_2023.findall("actual"):
        dimension = actual.find("dimension")
        key = "total" if dimension is None else (dimension.get("name"), dimension.get("value"))
        parts[key] = actual.get("value")
    # R6 (worth 2) and R12, both in Hesse
    assert parts == {"total": "3", ("territory", "DE-HE"): "3", ("activity-type", "delegation"): "3"}


def test_a_year_not_yet_measured_has_its_target_and_no_actual(workspace, tmp_path):
    output = tmp_path / "iati.xml"
    result = invoke([*workspace, "export", "iati", "--year", "2022", "--output", str(output)])
    assert result.exit_code == 0, result.output
    periods = _periods(etree.parse(str(output)).getroot())
    assert periods["Delegazioni ricevute", 2022] == ("4", "1")
    assert periods["Delegazioni ricevute", 2023] == ("8", None)


def test_dac_codes_replace_the_regions_own_vocabulary_when_every_goal_is_mapped(workspace, tmp_path, mini_plan_path):
    mini_plan_path.write_text(mini_plan_path.read_text(encoding="utf-8") + '  dac_sectors: {g1: "15110"}\n', encoding="utf-8")
    root = export(workspace, tmp_path)
    assert [(s.get("code"), s.get("vocabulary"), s.get("percentage")) for s in root.find("iati-activity").iter("sector")] == [
        ("15110", "1", "100")
    ]


@pytest.mark.usefixtures("english_cli")
def test_a_plan_without_an_iati_section_is_refused_with_what_to_add(mini_plan_path, tmp_path):
    data = write_data(tmp_path / "data")
    output = tmp_path / "iati.xml"
    result = invoke(["--plan", str(mini_plan_path), "--data", str(data), "export", "iati", "--year", "2023", "--output", str(output)])
    assert result.exit_code == 2
    assert "the plan has no 'iati' section" in result.output
    assert "organisation_identifier" in result.output
    assert not output.exists()


@pytest.mark.usefixtures("english_cli")
def test_an_activity_identifier_without_the_organisation_prefix_is_a_plan_error(workspace, tmp_path, mini_plan_path):
    text = mini_plan_path.read_text(encoding="utf-8").replace('"IT-CF-00000000000-MINI"', '"MINI-PLAN"')
    mini_plan_path.write_text(text, encoding="utf-8")
    line = text.splitlines().index('  activity_identifier: "MINI-PLAN"') + 1
    result = invoke([*workspace, "export", "iati", "--year", "2023", "--output", str(tmp_path / "x.xml")])
    assert result.exit_code == 1
    assert (
        f"plan.yaml:{line}:24: iati.activity_identifier: must start with the organisation identifier and a hyphen "
        "('IT-CF-00000000000-…') [iati-identifier-prefix]"
    ) in result.output


@pytest.mark.usefixtures("english_cli")
def test_a_partial_dac_map_is_a_plan_error(workspace, tmp_path, mini_plan_path):
    text = mini_plan_path.read_text(encoding="utf-8").replace("strategic_goals:\n", "strategic_goals:\n  - {id: g2, title: {it: Due, en: Two}}\n")
    mini_plan_path.write_text(text + '  dac_sectors: {g1: "15110"}\n', encoding="utf-8")
    result = invoke([*workspace, "export", "iati", "--year", "2023", "--output", str(tmp_path / "x.xml")])
    assert result.exit_code == 1
    assert "iati.dac_sectors: must map every strategic goal or none; missing: g2 [iati-sectors-incomplete]" in result.output


def test_an_existing_output_is_kept_without_force(workspace, tmp_path):
    output = tmp_path / "iati.xml"
    output.write_text("keep me", encoding="utf-8")
    result = invoke([*workspace, "export", "iati", "--year", "2023", "--output", str(output)])
    assert result.exit_code == 2
    assert output.read_text(encoding="utf-8") == "keep me"
    export(workspace, tmp_path, "--force")


def _activity(**changes) -> Activity:
    fields = dict(
        identifier="ORG-1-A",
        title=Text(it="t", en="t"),
        description=Text(it="d", en="d"),
        status=FINALISATION,
        dates=[(PLANNED_START, dt.date(2022, 1, 1)), (PLANNED_END, dt.date(2023, 12, 31))],
        countries=[],
        sectors=[],
        related=[],
    )
    fields.update(changes)
    return Activity(**fields)


def _export(*activities: Activity) -> IatiExport:
    return IatiExport("ORG-1", "11", Text(it="o", en="o"), "it", dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc), list(activities))


def test_the_rules_a_schema_does_not_check():
    assert check_iati(_export(_activity())) == []
    problems = check_iati(
        _export(
            _activity(identifier="OTHER-A"),
            _activity(dates=[(PLANNED_START, dt.date(2023, 1, 1)), (PLANNED_END, dt.date(2022, 1, 1))]),
            _activity(countries=[Share("DE", 60), Share("FR", 30)]),
            _activity(sectors=[Share("g1", 50, None, "99"), Share("15110", 100, None, "1")]),
        )
    )
    assert problems == [
        "OTHER-A: identifier does not start with the organisation identifier 'ORG-1-'",
        "ORG-1-A: end date 2022-01-01 is before start date 2023-01-01",
        "ORG-1-A: recipient-country percentages add up to 90, not 100",
        "ORG-1-A: sector percentages of vocabulary 99 add up to 50, not 100",
    ]


def test_whole_percentages_examples():
    assert whole_percentages({}) == {}
    assert whole_percentages({"a": 0, "b": 0, "c": 0}) == {"a": 34, "b": 33, "c": 33}
    assert whole_percentages({"a": 2, "b": 1}) == {"a": 67, "b": 33}


@given(st.dictionaries(st.text(min_size=1, max_size=3), st.integers(0, 10**6), min_size=1, max_size=40))
def test_whole_percentages_always_add_up_to_100(weights):
    shares = whole_percentages(weights)
    assert list(shares) == list(weights)
    assert sum(shares.values()) == 100
    assert all(0 <= share <= 100 for share in shares.values())
    total = sum(weights.values())
    if total:
        assert all(abs(shares[k] - weights[k] * 100 / total) < 1 for k in weights)


def test_the_vendored_schema_names_its_source_and_licence():
    notice = (REPO / "src/relint_kpi/schemas/iati_2_03/SOURCE.md").read_text(encoding="utf-8")
    assert "https://github.com/IATI/IATI-Schemas" in notice
    assert "CC BY 4.0" in notice


def test_the_example_plan_exports_measures_directions_baselines_and_levels(tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    output = tmp_path / "iati.xml"
    result = invoke(["--plan", "data/plan_esempio_indicatori.yaml", "export", "iati", "--year", "2025", "--output", str(output)])
    assert result.exit_code == 0, result.output
    root = etree.parse(str(output)).getroot()
    assert activity_schema().validate(root), activity_schema().error_log
    indicators = {i.find("title")[0].text: i for i in root.find("iati-activity").iter("indicator")}
    measures = sorted({(i.get("measure"), i.get("ascending")) for i in indicators.values()})
    assert measures == [("1", "0"), ("1", "1"), ("2", "1"), ("5", "1")]
    qualitative = next(i for i in indicators.values() if i.get("measure") == "5")
    assert qualitative.find("baseline").get("value") is None and qualitative.find("baseline/comment/narrative").text
    assert all(t.get("value") is None and t.find("comment") is not None for t in qualitative.iter("target"))
    decrease = next(i for i in indicators.values() if i.get("ascending") == "0")
    assert decrease.find("baseline").attrib == {"year": "2023", "value": "30"}
