"""build_report on the mini plan and a small hand-built activity log, figures checked by hand.

The log (2022–2023):

====  ==========  ==========  =======  =====  ==========================================
line  date        type        terr.    value  notes
====  ==========  ==========  =======  =====  ==========================================
2     2022-02-10  delegation  DE-HE    1      Università di Bologna
3     2022-05-20  meeting     DE-HE    1      action a1; Camera di commercio
4     2022-07-05  event       SE       1      30 participants
5     2022-11-03  meeting     JP       1      Asia group through its countries, not a priority territory
6     2022-12-31  pageviews   –        900
7     2023-01-15  delegation  DE-HE    2      action a1; Università di Bologna, Direzione Cultura
8     2023-03-11  meeting     BE       1      outside every group
9     2023-04-20  mission     CN       1      action a2; Camera di commercio
10    2023-05-02  event       DE-HE    1      45 participants; Direzione Cultura
11    2023-08-01  note        CN-GD    1      rolls up into CN
12    2023-09-30  pageviews   –        1500
13    2023-12-10  delegation  DE-HE    1      action a1
====  ==========  ==========  =======  =====  ==========================================

Deliverable: a1 on 2022-05-25. Registry: Camera di commercio first involved 2021-05-01.
"""

from __future__ import annotations

import datetime as dt

import pytest

from relint_kpi.issues import UsageError
from relint_kpi.records import Activity, ActivityLog, Deliverable, Note, Stakeholder
from relint_kpi.render.formatting import format_number
from relint_kpi.render.report_layout import attention_text, cover, criterion_table, row_label, sheet_rows
from relint_kpi.report import AttentionItem, action_status, build_report, same_day_in

D = dt.date
NOW = dt.datetime(2024, 1, 15, 10, 0, tzinfo=dt.timezone.utc)


def _activity(line, date, kind, territory, title, *, action=None, participants=None, stakeholders=(), value=1):
    return Activity(
        path="data/actuals/x.csv",
        line=line,
        id=f"A{line}",
        date=date,
        type=kind,
        territory=territory,
        title=title,
        action=action,
        participants=participants,
        stakeholders=tuple(stakeholders),
        value=value,
        notes="",
    )


def _stakeholder(line, name, internal, category, first=None):
    return Stakeholder("data/stakeholders.csv", line, name, internal, category, first)


def make_log(*, deliverables: bool = True) -> ActivityLog:
    """The log of the module docstring."""
    activities = [
        _activity(2, D(2022, 2, 10), "delegation", "DE-HE", "Delegazione dall'Assia", stakeholders=["Università di Bologna"]),
        _activity(3, D(2022, 5, 20), "meeting", "DE-HE", "Incontro per l'intesa", action="a1", stakeholders=["Camera di commercio"]),
        _activity(4, D(2022, 7, 5), "event", "SE", "Evento a Stoccolma", participants=30),
        _activity(5, D(2022, 11, 3), "meeting", "JP", "Incontro con il Giappone"),
        _activity(6, D(2022, 12, 31), "pageviews", None, "Visualizzazioni 2022-Q4", value=900),
        _activity(
            7,
            D(2023, 1, 15),
            "delegation",
            "DE-HE",
            "Visita di ritorno",
            action="a1",
            stakeholders=["Università di Bologna", "Direzione Cultura"],
            value=2,
        ),
        _activity(8, D(2023, 3, 11), "meeting", "BE", "Ambasciatore del Belgio"),
        _activity(9, D(2023, 4, 20), "mission", "CN", "Missione in Cina", action="a2", stakeholders=["Camera di commercio"]),
        _activity(10, D(2023, 5, 2), "event", "DE-HE", "Forum", participants=45, stakeholders=["Direzione Cultura"]),
        _activity(11, D(2023, 8, 1), "note", "CN-GD", "Nota sul Guangdong"),
        _activity(12, D(2023, 9, 30), "pageviews", None, "Visualizzazioni 2023-Q3", value=1500),
        _activity(13, D(2023, 12, 10), "delegation", "DE-HE", "Seconda visita", action="a1"),
    ]
    registry = {
        s.name: s
        for s in [
            _stakeholder(2, "Università di Bologna", False, "university"),
            _stakeholder(3, "Camera di commercio", False, "business", D(2021, 5, 1)),
            _stakeholder(4, "Direzione Cultura", True, "local_authority"),
        ]
    }
    done = [Deliverable("data/deliverables.csv", 2, "a1", D(2022, 5, 25), "Intesa firmata")] if deliverables else []
    return ActivityLog(activities=activities, stakeholders=registry, deliverables=done)


@pytest.fixture
def report_2023(mini_plan):
    return build_report(mini_plan, make_log(), year=2023, as_of=D(2023, 12, 31), now=NOW)


def _rows(rows, lang="it"):
    return [(r.key, row_label(r, lang), r.activities, r.participants) for r in rows]


def test_cover_fields(report_2023):
    r = report_2023
    assert (r.plan, r.year, r.as_of, r.lang, r.generated_at) == ("Piano di prova", 2023, D(2023, 12, 31), "it", "2024-01-15T10:00:00Z")
    assert r.previous_year == 2022
    assert r.activities_total == 7  # lines 7–11 and 13, line 7 counting 2


def test_headline_with_previous_year(report_2023):
    rows = {row.id: row for row in report_2023.headline}
    views = rows["page_views"]
    # the year is over: a missed target is not achieved, not "at risk"
    assert (views.target, views.actual, views.percent, views.status) == (2000, 1500, 75.0, "not_achieved")
    assert (views.previous_target, views.previous_actual, views.previous_percent, views.previous_status) == (
        1000,
        900,
        90.0,
        "not_achieved",
    )
    assert (report_2023.closed, report_2023.previous_as_of) == (True, D(2022, 12, 31))
    meetings = rows["meetings_cumulative"]
    # cumulative: running total from the plan's start (2 in 2022 + 1 in 2023)
    assert (meetings.target, meetings.actual, meetings.previous_target, meetings.previous_actual) == (10, 3, 4, 2)
    delegations = rows["delegations_received"]
    assert (delegations.actual, delegations.percent, delegations.previous_actual) == (3, 37.5, 1)
    assert (rows["new_stakeholders"].actual, rows["new_stakeholders"].previous_actual) == (1, 1)
    assert (rows["event_participants"].actual, rows["event_participants"].previous_actual) == (45, 30)
    assert [row.id for row in report_2023.headline] == [
        "delegations_received",
        "meetings_cumulative",
        "new_stakeholders",
        "page_views",
        "event_participants",
    ]


def test_first_plan_year_has_no_trend(mini_plan):
    report = build_report(mini_plan, make_log(), year=2022, as_of=D(2022, 12, 31), now=NOW)
    assert report.previous_year is None
    assert all(row.previous_target is None and row.previous_actual is None for row in report.headline)


def test_results_summarise_their_indicators(report_2023):
    r1, r2 = report_2023.results
    assert (r1.id, r1.title, r1.indicators, r1.achieved) == ("r1", "Risultato uno", ["delegations_received", "meetings_cumulative"], 0)
    assert [(o.id, o.title) for o in r1.objectives] == [("1", "Obiettivo uno")]
    assert r1.average_percent == 33.8  # (37.5 + 30.0) / 2
    assert r2.average_percent == 56.7  # (50.0 + 75.0 + 45.0) / 3


def test_breakdowns_by_group_territory_and_type(report_2023):
    assert _rows(report_2023.by_group) == [
        ("europe", "Regioni europee", 4, 45),
        ("asia", "Asia", 2, 0),
        ("other", "Altri territori", 1, 0),
    ]
    assert _rows(report_2023.by_territory) == [
        ("DE-HE", "Assia", 4, 45),
        ("SE", "Svezia", 0, 0),
        ("CN", "Cina", 2, 0),
        ("other", "Altri territori", 1, 0),
    ]
    assert [r.group for r in report_2023.by_territory] == ["Regioni europee", "Regioni europee", "Asia", None]
    assert _rows(report_2023.by_type) == [
        ("delegation", "Delegazione", 3, 0),
        ("meeting", "Incontro", 1, 0),
        ("event", "Evento", 1, 45),
        ("mission", "Missione", 1, 0),
        ("note", "Nota", 1, 0),
    ]
    assert sum(r.activities for r in report_2023.by_group) == report_2023.activities_total
    assert sum(r.activities for r in report_2023.by_territory) == report_2023.activities_total


def test_japan_counts_in_asia_group_in_2022(mini_plan):
    report = build_report(mini_plan, make_log(), year=2022, as_of=D(2022, 12, 31), now=NOW)
    assert _rows(report.by_group) == [("europe", "Regioni europee", 3, 30), ("asia", "Asia", 1, 0), ("other", "Altri territori", 0, 0)]
    assert _rows(report.by_territory)[-1] == ("other", "Altri territori", 1, 0)


def test_stakeholders_by_internal_and_category(report_2023):
    assert [(r.key, row_label(r, "it"), r.active, r.new, r.returning) for r in report_2023.stakeholders_by_internal] == [
        ("internal", "Interni", 1, 1, 0),
        ("external", "Esterni", 2, 0, 2),
    ]
    assert [(r.key, r.active, r.new, r.returning) for r in report_2023.stakeholders_by_category] == [
        ("university", 1, 0, 1),
        ("business", 1, 0, 1),
        ("local_authority", 1, 1, 0),
    ]


def test_actions_window_activities_deliverable_status(report_2023):
    a1, a2 = report_2023.actions
    assert (a1.id, a1.title, a1.territory, a1.timing, a1.start, a1.end) == (
        "a1",
        "Intesa con l'Assia",
        "Assia",
        "Aprile-maggio 2022",
        D(2022, 4, 1),
        D(2022, 5, 31),
    )
    assert (a1.activities, a1.activities_to_date, a1.deliverable_date, a1.deliverable_note, a1.status) == (
        3,
        4,
        D(2022, 5, 25),
        "Intesa firmata",
        "done",
    )
    assert (a2.activities, a2.deliverable_date, a2.status) == (1, None, "in_progress")


def test_action_overdue_and_not_started(mini_plan):
    report = build_report(mini_plan, make_log(deliverables=False), year=2022, as_of=D(2022, 12, 31), now=NOW)
    assert [(a.id, a.status) for a in report.actions] == [("a1", "overdue"), ("a2", "not_started")]
    assert [(i.kind, i.key, attention_text(report, i)) for i in report.attention if i.kind == "action"] == [
        (
            "action",
            "a1",
            "Azione «Intesa con l'Assia»: finestra chiusa il 31 maggio 2022 senza deliverable registrato.",
        )
    ]


def test_a_deliverable_after_the_as_of_date_does_not_count(mini_plan):
    report = build_report(mini_plan, make_log(), year=2022, as_of=D(2022, 5, 24), now=NOW)
    assert report.actions[0].status == "in_progress"
    assert report.actions[0].deliverable_date is None


@pytest.mark.parametrize(
    "has_deliverable, has_activity, as_of, expected",
    [
        (True, False, D(2022, 1, 1), "done"),
        (False, False, D(2022, 6, 1), "overdue"),
        (False, True, D(2022, 6, 1), "overdue"),
        (False, False, D(2022, 5, 31), "in_progress"),
        (False, False, D(2022, 4, 1), "in_progress"),
        (False, True, D(2022, 3, 1), "in_progress"),
        (False, False, D(2022, 3, 31), "not_started"),
    ],
)
def test_action_status_rules(has_deliverable, has_activity, as_of, expected):
    assert action_status(D(2022, 4, 1), D(2022, 5, 31), has_deliverable, has_activity, as_of) == expected


def _criterion(report, measure):
    (criterion,) = [c for c in report.criteria if c.measure == measure]
    return criterion


def _figures(criterion):
    return [(f.key, f.value, f.total, f.percent) for f in criterion.figures]


def test_relations_continuity(report_2023):
    c = _criterion(report_2023, "relations_continuity")
    assert (c.id, c.title) == ("continuity", "Continuità")
    assert _figures(c) == [
        ("territories_active", 2, 3, 66.7),
        ("territories_continuous", 1, 3, 33.3),
        ("territory_quarters", 5, 12, 41.7),
    ]
    keys = ["territory", "group", "quarters", "quarter_count", "years_active", "continuous"]
    assert c.rows == [
        dict(zip(keys, ["Assia", "Regioni europee", [1, 2, 4], 3, [2022, 2023], True])),
        dict(zip(keys, ["Svezia", "Regioni europee", [], 0, [2022], False])),
        dict(zip(keys, ["Cina", "Asia", [2, 3], 2, [2023], False])),
    ]
    table = criterion_table(c, "it")
    assert [col.key for col in table.columns] == keys
    assert table.rows == [
        ["Assia", "Regioni europee", "T1, T2, T4", 3, "2022, 2023", True],
        ["Svezia", "Regioni europee", "", 0, "2022", False],
        ["Cina", "Asia", "T2, T3", 2, "2023", False],
    ]


def test_relations_continuity_mid_year_counts_elapsed_quarters(mini_plan):
    report = build_report(mini_plan, make_log(), year=2023, as_of=D(2023, 5, 15), now=NOW)
    c = _criterion(report, "relations_continuity")
    assert _figures(c)[2] == ("territory_quarters", 3, 6, 50.0)  # DE-HE Q1+Q2, CN Q2 of 3 × 2 quarters


def test_thematic_coverage(report_2023):
    c = _criterion(report_2023, "thematic_coverage")
    assert _figures(c) == [("actions_with_activity", 2, 2, 100.0), ("sectors_covered", 1, 1, 100.0)]
    assert c.rows == [{"sector": "Gabinetto", "actions": 1, "actions_with_activity": 1, "covered": True}]


def test_thematic_coverage_counts_a_sector_once_however_capitalised(mini_plan):
    a2 = mini_plan.actions[1].model_copy(update={"regional_sectors": ["gabinetto ", "DG Agricoltura"]})
    plan = mini_plan.model_copy(update={"actions": [mini_plan.actions[0], a2]})
    report = build_report(plan, make_log(), year=2022, as_of=D(2022, 12, 31), now=NOW)
    c = _criterion(report, "thematic_coverage")
    assert criterion_table(c, "it").rows == [["Gabinetto", 2, 1, True], ["DG Agricoltura", 1, 0, False]]
    assert _figures(c)[1] == ("sectors_covered", 1, 2, 50.0)


def test_thematic_coverage_in_2022(mini_plan):
    report = build_report(mini_plan, make_log(), year=2022, as_of=D(2022, 12, 31), now=NOW)
    assert _figures(_criterion(report, "thematic_coverage")) == [
        ("actions_with_activity", 1, 2, 50.0),
        ("sectors_covered", 1, 1, 100.0),
    ]


def test_stakeholder_continuity(report_2023):
    c = _criterion(report_2023, "stakeholder_continuity")
    assert _figures(c) == [
        ("stakeholders_active", 3, None, None),
        ("stakeholders_new", 1, 3, 33.3),
        ("stakeholders_returning", 2, 3, 66.7),
        ("stakeholders_both_years", 2, 3, 66.7),
    ]
    assert criterion_table(c, "it").rows == [
        ["Università", 1, 0, 1, 1],
        ["Impresa", 1, 0, 1, 1],
        ["Ente locale", 1, 1, 0, 0],
    ]


def test_stakeholder_continuity_first_year_has_no_previous(mini_plan):
    report = build_report(mini_plan, make_log(), year=2022, as_of=D(2022, 12, 31), now=NOW)
    c = _criterion(report, "stakeholder_continuity")
    # Camera di commercio was first involved in 2021: it is returning, not new
    assert _figures(c) == [
        ("stakeholders_active", 2, None, None),
        ("stakeholders_new", 1, 2, 50.0),
        ("stakeholders_returning", 1, 2, 50.0),
        ("stakeholders_both_years", None, None, None),
    ]


def test_spillover(report_2023):
    c = _criterion(report_2023, "spillover")
    assert _figures(c) == [("follow_up_activities", 3, None, None), ("actions_with_follow_up", 1, 1, 100.0)]
    assert criterion_table(c, "it").rows == [
        ["Intesa con l'Assia", D(2022, 5, 25), D(2023, 1, 15), "Visita di ritorno", "Assia", 2],
        ["Intesa con l'Assia", D(2022, 5, 25), D(2023, 12, 10), "Seconda visita", "Assia", 1],
    ]


def test_attention_in_words(report_2023):
    texts = [attention_text(report_2023, item) for item in report_2023.attention]
    assert (
        "Indicatore «Visualizzazioni»: non raggiunto, 1.500 su 2.000 (75,0% del target). "
        "Nessuna motivazione registrata per lo scostamento." in texts
    )
    assert "Territorio prioritario Svezia: nessuna attività nel 2023." in texts
    assert [i.kind for i in report_2023.attention][-1] == "territory"
    assert not any(i.kind == "action" for i in report_2023.attention)


def test_english_report(mini_plan):
    report = build_report(mini_plan, make_log(), year=2023, as_of=D(2023, 12, 31), lang="en", now=NOW)
    assert report.plan == "Test plan"
    assert report.by_territory[0].label == "Hesse"
    assert row_label(report.by_group[-1], "en") == "Other territories"
    assert criterion_table(_criterion(report, "relations_continuity"), "en").rows[0][2] == "Q1, Q2, Q4"
    texts = [attention_text(report, i) for i in report.attention]
    assert "Priority territory Sweden: no activity in 2023." in texts
    assert "Indicator “Page views”: not achieved, 1,500 of 2,000 (75.0% of target). No reason for the deviation has been recorded." in texts


def test_year_outside_plan_is_a_usage_error(mini_plan):
    with pytest.raises(UsageError, match="^year 2021 is outside the plan period; choose one of: 2022, 2023$"):
        build_report(mini_plan, make_log(), year=2021)


def test_as_of_in_another_year_is_a_usage_error(mini_plan):
    with pytest.raises(UsageError, match=r"^--as-of 2022-12-31 is not in 2023; give a date between 2023-01-01 and 2023-12-31"):
        build_report(mini_plan, make_log(), year=2023, as_of=D(2022, 12, 31))


def test_default_as_of_is_year_end_or_today(mini_plan):
    assert build_report(mini_plan, make_log(), year=2022, today=D(2024, 3, 1), now=NOW).as_of == D(2022, 12, 31)
    assert build_report(mini_plan, make_log(), year=2023, today=D(2023, 6, 30), now=NOW).as_of == D(2023, 6, 30)
    with pytest.raises(UsageError, match="2023 has not started yet"):
        build_report(mini_plan, make_log(), year=2023, today=D(2022, 6, 30))


def test_format_number():
    assert format_number(12345.67, "it", 1) == "12.345,7"
    assert format_number(12345.67, "en", 1) == "12,345.7"
    assert format_number(-1500, "it") == "-1.500"


def test_a_plan_without_actions_criteria_or_activity_still_renders(mini_plan):
    from relint_kpi.records import ActivityLog
    from relint_kpi.render.report_export import RENDERERS, render_report

    bare = mini_plan.model_copy(update={"actions": [], "evaluation_criteria": []})
    report = build_report(bare, ActivityLog(), year=2022, as_of=D(2022, 12, 31), now=NOW)
    assert (report.actions, report.criteria, report.activities_total) == ([], [], 0)
    assert [i.key for i in report.attention if i.kind == "territory"] == ["DE-HE", "SE", "CN"]
    for fmt in RENDERERS:
        assert render_report(report, fmt)


# -- the office's notes, closed and mid-year reports, indicator sheets -------------------------


def _note(subject, year, reason, next_steps="", kind="indicator"):
    return Note("data/notes.csv", 2, subject, kind, year, reason, next_steps)


def test_a_note_stands_beside_its_indicator_and_action_and_clears_the_missing_reason(mini_plan):
    log = make_log()
    log.notes = [
        _note("page_views", 2023, "Sito in manutenzione ad agosto.", "Nuova pagina da gennaio."),
        _note("page_views", 2022, "Nota del 2022: non compare nel 2023."),
        _note("a2", None, "Missione rinviata.", kind="action"),
    ]
    report = build_report(mini_plan, log, year=2023, as_of=D(2023, 12, 31), now=NOW)
    views = report.indicator("page_views")
    assert (views.reason, views.next_steps) == ("Sito in manutenzione ad agosto.", "Nuova pagina da gennaio.")
    assert report.indicator("delegations_received").reason is None
    assert [(a.id, a.reason) for a in report.actions] == [("a1", None), ("a2", "Missione rinviata.")]
    missing = {item.key: item.reason_missing for item in report.attention if item.kind == "indicator"}
    assert missing == {
        "delegations_received": True,
        "meetings_cumulative": True,
        "new_stakeholders": True,
        "page_views": False,
        "event_participants": True,
    }
    assert attention_text(report, AttentionItem("indicator", "page_views")) == (
        "Indicatore «Visualizzazioni»: non raggiunto, 1.500 su 2.000 (75,0% del target)."
    )


def test_a_mid_year_report_compares_with_the_previous_year_at_the_same_date(mini_plan):
    report = build_report(mini_plan, make_log(), year=2023, as_of=D(2023, 6, 30), now=NOW)
    assert (report.closed, report.previous_as_of) == (False, D(2022, 6, 30))
    delegations = report.indicator("delegations_received")
    # 2 by 30/06/2023 (line 7) against 1 by 30/06/2022 (line 2), not the whole of 2022
    assert (delegations.actual, delegations.previous_actual, delegations.previous_target) == (2, 1, 4)
    assert delegations.status in ("on_track", "at_risk", "behind")
    assert report.indicator("event_participants").previous_actual == 0  # the 2022 event is on 5 July
    # a missed target mid-year is not "not achieved", and nothing says a reason is missing
    assert not any(item.reason_missing for item in report.attention)


def test_same_day_in_a_year_without_29_february():
    assert same_day_in(2023, D(2024, 2, 29)) == D(2023, 2, 28)
    assert same_day_in(2022, D(2023, 12, 31)) == D(2022, 12, 31)
    assert same_day_in(2022, D(2023, 3, 1)) == D(2022, 3, 1)


def test_other_territories_in_groups_are_counted_for_the_note(mini_plan):
    report = build_report(mini_plan, make_log(), year=2022, as_of=D(2022, 12, 31), now=NOW)
    # line 5 (JP) is in the Asia group's countries but no priority territory
    assert [(r.key, r.activities) for r in report.by_group if r.key in ("asia", "other")] == [("asia", 1), ("other", 0)]
    assert [(r.key, r.activities) for r in report.by_territory if r.key == "other"] == [("other", 1)]
    assert report.other_in_groups == 1
    assert report_2023_other(mini_plan) == 0


def report_2023_other(mini_plan):
    return build_report(mini_plan, make_log(), year=2023, as_of=D(2023, 12, 31), now=NOW).other_in_groups


def test_indicator_sheets_hold_targets_and_observed_values_per_year(report_2023):
    sheet = next(s for s in report_2023.indicator_sheets if s.id == "meetings_cumulative")
    assert (sheet.basis, sheet.source, sheet.activity_type, sheet.plan_start) == ("cumulative", "activity_count", "Incontro", D(2022, 1, 1))
    assert [(y.year, y.target, y.actual, y.percent, y.status, y.as_of) for y in sheet.years] == [
        (2022, 4, 2, 50.0, "not_achieved", D(2022, 12, 31)),
        (2023, 10, 3, 30.0, "not_achieved", D(2023, 12, 31)),
    ]
    people = next(s for s in report_2023.indicator_sheets if s.id == "new_stakeholders")
    assert (people.source, people.activity_type) == ("new_stakeholders", None)


def test_indicator_sheet_in_words(report_2023):
    sheet = next(s for s in report_2023.indicator_sheets if s.id == "meetings_cumulative")
    rows = dict(sheet_rows(report_2023, sheet))
    assert rows["Metodo di calcolo"] == (
        "Somma della colonna «value» (1 se vuota: una riga, un'attività) delle righe di tipo «Incontro» datate "
        "dall'inizio del piano (1 gennaio 2022) alla data di riferimento (valore cumulato)."
    )
    assert rows["Base"] == "Cumulativa: il target di ogni anno è il totale dall'inizio del piano."
    assert rows["Target 2022"] == "4"
    assert rows["Valore osservato 2022"] == "2 al 31/12/2022 (50,0% del target; non raggiunto)"


def test_a_sheet_before_a_later_year_says_not_yet_observed(mini_plan):
    report = build_report(mini_plan, make_log(), year=2022, as_of=D(2022, 12, 31), now=NOW)
    sheet = report.indicator_sheets[0]
    assert [(y.year, y.actual) for y in sheet.years] == [(2022, 1), (2023, None)]
    assert dict(sheet_rows(report, sheet))["Valore osservato 2023"] == "non ancora rilevato"


def test_generation_time_is_local_in_words(mini_plan, monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Rome")
    report = build_report(mini_plan, make_log(), year=2023, as_of=D(2023, 12, 31), now=NOW)
    assert report.generated_at == "2024-01-15T10:00:00Z"
    assert report.generated_local.isoformat() == "2024-01-15T11:00:00+01:00"
    assert dict(cover(report))["Generato il"] == "15 gennaio 2024 alle 11:00"
    assert dict(cover(report))["Dati al"] == "31 dicembre 2023"
