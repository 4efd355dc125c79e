"""The plan loader: the real plans, and one test per class of plan error."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relint_kpi.issues import format_issue
from relint_kpi.progress import target_for
from relint_kpi.plan import load_plan

REPO = Path(__file__).resolve().parent.parent
MINI = (Path(__file__).parent / "fixtures" / "mini_plan.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def plan():
    loaded, issues = load_plan(REPO / "data" / "plan_2022_2023.yaml")
    assert issues == []
    return loaded


def test_real_plan_indicators_and_targets(plan):
    assert {i.id: (i.targets.get(2022), i.targets.get(2023), i.basis) for i in plan.indicators} == {
        "systemic_activities": (None, None, "annual"),
        "delegations_received": (12, 15, "annual"),
        "diplomatic_meetings": (12, 15, "annual"),
        "events": (2, 3, "annual"),
        "system_missions": (2, 3, "annual"),
        "technical_notes": (20, 22, "annual"),
        "new_stakeholders": (100, 120, "annual"),
        "page_views": (5000, 6000, "annual"),
        "event_participants": (250, 400, "annual"),
    }
    assert plan.indicator("new_stakeholders").disaggregations == ["internal", "category"]
    assert plan.indicator("events").disaggregations == ["territory", "type"]
    assert plan.indicator("page_views").source.metric == "pageviews"
    # The parent holds the five activity indicators; its target is theirs added up.
    assert plan.indicator("systemic_activities").children == [
        "delegations_received", "diplomatic_meetings", "events", "system_missions", "technical_notes"
    ]
    assert [target_for(plan.indicator("systemic_activities"), y, plan.years, plan) for y in plan.years] == [48, 58]
    assert plan.indicator("event_participants").source.where.held_in == ["region"]
    assert plan.metadata.region_code == "IT-45"


def test_real_plan_structure(plan):
    assert plan.metadata.period.start == dt.date(2022, 1, 1) and plan.metadata.period.end == dt.date(2023, 12, 31)
    assert [len(o.activities) for o in plan.objectives] == [6, 3, 5, 7, 2, 3]
    assert [(r.id, r.objectives) for r in plan.results] == [
        ("systemic_support", [1, 4, 5]),
        ("stakeholder_base", [2, 3]),
        ("sharing_results", [6]),
    ]
    assert [a.id for a in plan.actions] == [
        "nouvelle_aquitaine_agreement",
        "catalonia_agreement",
        "hesse_thirtieth_anniversary",
        "wielkopolska_relations",
        "sweden_relations",
        "luxembourg_relations",
        "pennsylvania_agreement",
        "quebec_agreement",
        "california_relations",
        "massachusetts_collaboration",
        "argentina_relations",
        "chile_communities",
        "cameroon_decentralisation",
        "mediterranean_competences",
        "china_relations",
        "japan_relations",
    ]
    timing = plan.action("nouvelle_aquitaine_agreement").timing
    assert (timing.label.it, timing.start, timing.end) == ("Aprile-maggio 2022", dt.date(2022, 4, 1), dt.date(2022, 5, 31))
    timing = plan.action("quebec_agreement").timing
    assert (timing.start, timing.end) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert {g.id: [t.code for t in g.territories] for g in plan.territory_groups} == {
        "eu_regions": ["DE-HE", "FR-NAQ", "PL-30", "SE", "LU", "ES-CT"],
        "north_america": ["US-CA", "US-PA", "US-MA", "CA-QC"],
        "latin_america": ["AR", "CL"],
        "africa": ["CM"],
        "mediterranean": [],
        "china": ["CN"],
        "japan": ["JP"],
    }
    windows = {a.id: (a.territory, a.timing.label.it, a.timing.start, a.timing.end) for a in plan.actions}
    assert windows["massachusetts_collaboration"] == ("US-MA", "Giugno 2022", dt.date(2022, 6, 1), dt.date(2022, 6, 30))
    assert windows["cameroon_decentralisation"] == ("CM", "2022-2023", dt.date(2022, 1, 1), dt.date(2023, 12, 31))
    assert windows["mediterranean_competences"] == (None, "2022", dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    # The only window that runs past the plan period, as the matrix says.
    assert windows["china_relations"] == ("CN", "2023-2024", dt.date(2023, 1, 1), dt.date(2024, 12, 31))
    assert [(g.id, sum(a.goal == g.id for a in plan.actions)) for g in plan.strategic_goals] == [
        ("european_leadership", 6),
        ("north_america", 4),
        ("south_america", 2),
        ("development_cooperation", 1),
        ("mediterranean", 1),
        ("internationalisation", 2),
    ]
    assert plan.action("argentina_relations").spillover[0].it == "Implementazione di scambi di competenze sul […]"
    assert plan.territory_groups[4].countries == ["AL", "BA", "ME", "MK", "RS", "TR", "LB", "IL", "PS", "SY", "EG", "LY", "TN", "DZ", "MA"]
    assert [c.id for c in plan.stakeholder_categories] == [
        "university", "research_centre", "business", "business_association", "local_authority", "regional_body",
        "agency", "foundation", "third_sector", "cultural_institution", "other",
    ]
    assert [a.id for a in plan.activity_types] == ["delegation", "meeting", "event", "mission", "note", "pageviews"]
    assert (plan.thresholds.on_track, plan.thresholds.at_risk) == (0.9, 0.7)
    assert plan.pageviews_import.url_patterns == ["/relazioni-internazionali", "/international-relations"]
    assert [c.measure for c in plan.evaluation_criteria] == [
        "relations_continuity",
        "thematic_coverage",
        "stakeholder_continuity",
        "spillover",
    ]


def test_lombardy_plan_is_cumulative():
    plan, issues = load_plan(REPO / "data" / "plan_lombardia_2018_2022.yaml")
    assert issues == []
    assert {i.id: (i.basis, i.targets) for i in plan.indicators} == {
        "institutional_meetings": ("cumulative", {2022: 350}),
        "international_missions": ("cumulative", {2022: 25}),
    }
    assert (plan.metadata.period.start, plan.metadata.period.end) == (dt.date(2018, 1, 1), dt.date(2022, 12, 31))
    assert plan.metadata.data_dir == "lombardia"
    assert [a.id for a in plan.activity_types] == ["meeting", "mission", "agreement", "event"]
    assert len(plan.actions) == 10 and {a.goal for a in plan.actions} == {"cooperation_agreements"}
    assert [t.code for _, t in plan.all_territories()] == [
        "UY", "AU-VIC", "CZ-64", "SM", "SI", "PE-LAL", "CA-QC", "KR-11", "UZ-SA", "TN-82"
    ]
    assert [a.territory for a in plan.actions] == [t.code for _, t in plan.all_territories()]
    assert [c.id for c in plan.stakeholder_categories] == [
        "consular_corps", "ministry", "chambers_of_commerce", "embassies_consulates", "business_association",
        "technology_cluster", "cultural_institute", "third_sector", "olympic_committee", "business", "non_profit", "other",
    ]


def load_text(tmp_path, text):
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    plan, issues = load_plan(path)
    assert plan is None
    return [format_issue(i).split(": ", 1)[0].split("plan.yaml", 1)[1] + " " + i.message + " [" + i.code + "]" for i in issues]


def edit(old, new):
    assert old in MINI, old
    return MINI.replace(old, new, 1)


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "thresholds: {on_track: 0.9, at_risk: 0.7}",
            "thresholds: {on_track: 0.9, at_risk: 0.7, colour: red}",
            [":11:51 thresholds.colour: unknown key 'colour'; remove it or check its spelling [plan-extra_forbidden]"],
        ),
        (
            '  source_document: "test"\n',
            "",
            [":5:3 metadata.source_document: missing required key 'source_document' [plan-missing]"],
        ),
        (
            "targets: {2022: 4, 2023: 8}",
            "targets: {2022: 4, 2023: 5.000}",
            [
                ":36:30 indicators.0.targets.2023: expected a whole number, got 5.0; write thousands without a "
                "separator (5000, not 5.000) [plan-int_type]"
            ],
        ),
        (
            "targets: {2022: 4, 2023: 8}",
            "targets: {2022: 4, 2023: 0123}",
            [
                ":36:30 indicators.0.targets.2023: expected a whole number, got the text '0123'; "
                "YAML read it as text, check the value [plan-int_type]"
            ],
        ),
        (
            "  - {id: 2, title:",
            "  - {id: 1, title:",
            [
                ":25:10 objectives.1.id: objectives id '1' is used twice; ids must be unique [duplicate-id]",
                ":28:71 results.1.objectives.0: unknown objective '2' — expected one of: 1 [unknown-objective]",
            ],
        ),
        (
            "objectives: [1], indicators",
            "objectives: [7], indicators",
            [":27:71 results.0.objectives.0: unknown objective '7' — expected one of: 1, 2 [unknown-objective]"],
        ),
        (
            "indicators: [delegations_received, meetings_cumulative]",
            "indicators: [delegations_received, meetings]",
            [
                ":27:110 results.0.indicators.1: unknown indicator 'meetings' — expected one of: delegations_received, "
                "meetings_cumulative, new_stakeholders, page_views, event_participants [unknown-indicator]"
            ],
        ),
        (
            "source: {kind: activity_count, activity_type: delegation}",
            "source: {kind: activity_count, activity_type: visit}",
            [
                ":33:51 indicators.0.source.activity_type: unknown activity type 'visit' — expected one of: "
                "delegation, meeting, event, mission, note [unknown-activity-type]"
            ],
        ),
        (
            "source: {kind: metric, metric: pageviews}",
            "source: {kind: metric, metric: hits}",
            [":54:36 indicators.3.source.metric: unknown metric 'hits' — expected one of: pageviews [unknown-metric]"],
        ),
        (
            "    goal: g1\n    title: {it: Intesa",
            "    goal: g9\n    title: {it: Intesa",
            [":78:11 actions.0.goal: unknown strategic goal 'g9' — expected one of: g1 [unknown-goal]"],
        ),
        (
            "    territory: CN\n",
            "    territory: JP\n",
            [":88:16 actions.1.territory: unknown priority territory 'JP' — expected one of: CN, DE-HE, SE [unknown-priority-territory]"],
        ),
        (
            "targets: {2022: 100, 2023: 100}",
            "targets: {2022: 100, 2024: 100}",
            [":62:32 indicators.4.targets.2024: target year 2024 is outside the plan period 2022–2023 [target-outside-period]"],
        ),
        (
            "{code: SE, name:",
            "{code: XX, name:",
            [
                ":68:16 territory_groups.0.territories.1.code: 'XX' is not an ISO 3166-1 alpha-2 or ISO 3166-2 code "
                "(e.g. 'SE', 'DE-HE') [bad-territory-code]"
            ],
        ),
        (
            "thresholds: {on_track: 0.9, at_risk: 0.7}",
            "thresholds: {on_track: 0.7, at_risk: 0.9}",
            [":11:38 thresholds.at_risk: thresholds.at_risk must not exceed thresholds.on_track [bad-thresholds]"],
        ),
        (
            "targets: {2022: 4, 2023: 10}",
            "targets: {2022: 10, 2023: 4}",
            [
                ":43:14 indicators.1.targets: cumulative targets are running totals and cannot decrease from one "
                "year to the next [cumulative-decreasing]"
            ],
        ),
        (
            "period: {start: 2022-01-01, end: 2023-12-31}",
            "period: {start: 2024-01-01, end: 2023-12-31}",
            [":8:11 metadata.period: the period's start is after its end [bad-period]"],
        ),
        (
            "start: 2022-04-01, end: 2022-05-31",
            "start: 2022-06-01, end: 2022-05-31",
            [":81:13 actions.0.timing: the timing window's start is after its end [bad-timing]"],
        ),
        (
            "aliases: [incontro]",
            "aliases: [delegazione]",
            [
                ":14:64 activity_types.1.aliases: 'delegazione' names both activity types 'delegation' and 'meeting' "
                "[duplicate-alias]"
            ],
        ),
        (
            "      - {code: SE, name: {it: Svezia, en: Sweden}}\n",
            "      - {code: SE, name: {it: Svezia, en: Sweden}}\n      - {code: SE, name: {it: Svezia, en: Sweden}}\n",
            [
                ":69:16 territory_groups.0.territories.2.code: territory SE is already listed in group 'europe' "
                "[duplicate-territory]"
            ],
        ),
        (
            "targets: {2022: 100, 2023: 100}",
            "targets: {}",
            [":62:14 indicators.4.targets: indicator 'event_participants' has no targets [no-targets]"],
        ),
        (
            "  - id: a2\n",
            "  - id: a1\n",
            [":85:9 actions.1.id: actions id 'a1' is used twice; ids must be unique [duplicate-id]"],
        ),
        (
            "countries: [JP]",
            "countries: [ZZ]",
            [
                ":73:17 territory_groups.1.countries.0: 'ZZ' is not an ISO 3166-1 alpha-2 country code (e.g. 'TN') "
                "[bad-territory-code]"
            ],
        ),
        (
            "{id: 2, title: {it: Obiettivo due, en: Objective two}, activities: []}",
            "{id: 2, title: Obiettivo due, activities: []}",
            [':25:20 objectives.1.title: expected a text in both languages, written {it: "…", en: "…"} [plan-model_type]'],
        ),
        (
            "objectives: [1], indicators",
            "objectives: 1, indicators",
            [":27:70 results.0.objectives: expected a list, written [a, b] or as '- ' items on their own lines [plan-list_type]"],
        ),
        (
            "thresholds: {on_track: 0.9, at_risk: 0.7}",
            "thresholds: [0.9, 0.7]",
            [":11:13 thresholds: expected a mapping of keys and values (key: value) [plan-model_type]"],
        ),
        (
            "basis: annual\n    disaggregations: [territory, type]\n    targets: {2022: 4, 2023: 8}",
            "basis: yearly\n    disaggregations: [territory, type]\n    targets: {2022: 4, 2023: 8}",
            [":34:12 indicators.0.basis: 'yearly' is not one of the allowed values; write 'annual', 'cumulative' or 'level' [plan-literal_error]"],
        ),
        (
            "targets: {2022: 4, 2023: 8}",
            "targets: {2022: 4, 2023: -1}",
            [":36:30 indicators.0.targets.2023: must be 0 or more, got -1 [plan-greater_than_equal]"],
        ),
        # plain words, never pydantic's ("Input should be …"), each at its value
        ("on_track: 0.9", "on_track: 1.9", [":11:24 thresholds.on_track: must be 1 or less, got 1.9 [plan-less_than_equal]"]),
        ("on_track: 0.9", "on_track: 0", [":11:24 thresholds.on_track: must be more than 0, got 0 [plan-greater_than]"]),
        (
            "targets: {2022: 4, 2023: 8}",
            "targets: {2022: 4, abc: 8}",
            [
                ":36:29 indicators.0.targets.abc: expected a whole number, got the text 'abc'; "
                "YAML read it as text, check the value [plan-int_type]"
            ],
        ),
        (
            "id: delegations_received",
            "id: Delegations",
            [
                ":30:9 indicators.0.id: 'Delegations' is not a valid id: lower-case letters, digits, '_' and '-', "
                "starting with a letter or digit [plan-string_pattern_mismatch]"
            ],
        ),
        ("{it: Nota, en: Note}", '{it: "", en: Note}', [":17:28 activity_types.4.label.it: the text is empty; write it [plan-string_too_short]"]),
        ("metric: true, needs", "metric: 3, needs", [":18:103 activity_types.5.metric: expected true or false, got 3 [plan-bool_type]"]),
        ("end: 2023-12-31}", "end: 20231231}", [":8:36 metadata.period.end: expected a date (YYYY-MM-DD), got 20231231 [plan-date_type]"]),
        ("end: 2023-12-31}", "end: 2023-02-29}", [":8:36 '2023-02-29' is not a date: month 2 of 2023 has 28 days [yaml-value]"]),
        (
            "targets: {2022: 4, 2023: 8}",
            "targets: {2022: 4, 2023: 8, +2023: 99}",
            [":36:33 duplicate key: '+2023' is the same key as '2023' at line 36; remove one of them [yaml-duplicate-key]"],
        ),
    ],
)
def test_plan_errors(tmp_path, old, new, expected):
    assert load_text(tmp_path, edit(old, new)) == expected


def test_no_plan_error_speaks_pydantic(tmp_path):
    from relint_kpi.plan import _pydantic_message

    error = {"type": "date_from_datetime_inexact", "loc": ("x",), "msg": "Input should be a valid date", "input": "x"}
    assert _pydantic_message(error).text("en") == "the value 'x' does not fit this key; check what kind of value it takes"


def test_all_problems_at_once(tmp_path):
    text = edit("objectives: [1], indicators", "objectives: [7], indicators").replace("{code: SE, name:", "{code: XX, name:")
    codes = [line.rsplit("[", 1)[1] for line in load_text(tmp_path, text)]
    assert codes == ["unknown-objective]", "bad-territory-code]"]


def test_missing_and_unreadable_files(tmp_path):
    plan, issues = load_plan(tmp_path / "nope.yaml")
    assert plan is None
    assert [(i.line, i.column, i.code, i.message) for i in issues] == [
        (0, 0, "plan-not-found", "plan file not found; pass --plan PATH or set RELINT_PLAN")
    ]
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes(b"schema_version: 1\ntitle: citt\xe0\n")
    plan, issues = load_plan(bad)
    assert [(i.line, i.column, i.code, i.message) for i in issues] == [
        (2, 12, "plan-encoding", "byte 29 is not UTF-8; save the plan as UTF-8")
    ]
    listing = tmp_path / "list.yaml"
    listing.write_text("- a\n- b\n", encoding="utf-8")
    plan, issues = load_plan(listing)
    assert [(i.line, i.column, i.code, i.message) for i in issues] == [
        (1, 1, "plan-not-mapping", "the plan must be a YAML mapping (key: value)")
    ]


VALUES = st.one_of(
    st.integers(-10, 3000).map(str),
    st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31)).map(str),
    st.sampled_from(["", "[]", "{}", "NO", "0123", "5.000", "1:30", "~", "[1, 2]", "{it: a, en: b}", "XX", "CN", "-1"]),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(line=st.integers(0, MINI.count("\n") - 1), value=VALUES)
def test_any_one_changed_value_gives_a_plan_or_issues(tmp_path, line, value):
    # Random text rarely gets past the YAML and model layers; changing one value of a
    # valid plan reaches the cross-checks (an inverted period once crashed them).
    lines = MINI.split("\n")
    head, sep, _ = lines[line].rpartition(": ")
    lines[line] = head + sep + value if sep else value
    path = tmp_path / "plan.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    plan, issues = load_plan(path)
    assert (plan is None) == bool(issues)
    assert all(issue.line >= 1 for issue in issues)
