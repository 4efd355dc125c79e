"""The recording library: ids, dialects, refusals and the page-views import, without the CLI."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from conftest import records
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relint_kpi import writers
from relint_kpi.actuals import read_data
from relint_kpi.issues import DataError, Issue, UsageError

FIXTURES = Path(__file__).parent / "fixtures"
HEADER = "id,date,type,territory,title,action,participants,stakeholders,value,notes\n"
MEETING = {"type": "meeting", "date": "2023-04-02", "territory": "SE", "title": "Incontro"}


@pytest.fixture
def registry(data_dir):
    (data_dir / "stakeholders.csv").write_text("name,internal,category,first_involved\nAteneo,no,university,\n", encoding="utf-8")
    return data_dir


def test_ids_count_up_per_quarter_and_the_file_gets_its_header(registry, mini_plan):
    first = writers.add_activity(registry, mini_plan, MEETING)
    second = writers.add_activity(registry, mini_plan, {**MEETING, "date": "30/06/2023", "stakeholders": "ateneo"})
    other = writers.add_activity(registry, mini_plan, {**MEETING, "date": "2023-07-01"})
    assert (first.cells["id"], first.line, second.cells["id"], second.line) == ("2023Q2-0001", 2, "2023Q2-0002", 3)
    assert (other.cells["id"], other.path.name) == ("2023Q3-0001", "2023-Q3.csv")
    # An empty folder gets the plan's declared form, by default Italian Excel's: ';', BOM, CRLF, 02/04/2023.
    assert (registry / "actuals" / "2023-Q2.csv").read_bytes() == codecs.BOM_UTF8 + (
        "id;date;type;territory;title;action;participants;stakeholders;value;notes\r\n"
        "2023Q2-0001;02/04/2023;meeting;SE;Incontro;;;;1;\r\n2023Q2-0002;30/06/2023;meeting;SE;Incontro;;;Ateneo;1;\r\n"
    ).encode()
    # A new quarter file takes the form of the folder's other quarter files.
    assert (registry / "actuals" / "2023-Q3.csv").read_bytes().startswith(codecs.BOM_UTF8 + b"id;date;")
    log, issues = read_data(registry, mini_plan)
    assert issues == [] and [a.id for a in records(log)] == ["2023Q2-0001", "2023Q2-0002", "2023Q3-0001"]


def test_next_id_follows_the_highest_and_a_missing_line_end_is_added(registry, mini_plan):
    path = registry / "actuals" / "2023-Q2.csv"
    path.write_text(HEADER + "2023Q2-0007,2023-04-01,note,SE,a mano,,,,,\n,2023-04-01,note,SE,senza id,,,,,", encoding="utf-8")
    recorded = writers.add_activity(registry, mini_plan, MEETING)
    assert (recorded.cells["id"], recorded.line) == ("2023Q2-0008", 4)
    assert path.read_text(encoding="utf-8").endswith(",2023-04-01,note,SE,senza id,,,,,\n2023Q2-0008,2023-04-02,meeting,SE,Incontro,,,,1,\n")
    assert read_data(registry, mini_plan)[1] == []


def test_dry_run_writes_nothing(registry, mini_plan):
    recorded = writers.add_activity(registry, mini_plan, MEETING, dry_run=True)
    assert recorded.dry_run and recorded.cells["id"] == "2023Q2-…" and recorded.line == 0
    assert list((registry / "actuals").iterdir()) == []


def test_refused_row_names_the_option(registry, mini_plan):
    with pytest.raises(DataError) as caught:
        writers.add_activity(registry, mini_plan, {**MEETING, "territory": "Atlantide", "participants": "5.000"})
    assert caught.value.issues == [
        Issue("add-activity", 0, 0, "unknown-territory", "--territory: unknown territory 'Atlantide' — write an ISO 3166 code (BE, DE-HE) or a plan territory's name (Assia, Hesse)"),
        Issue("add-activity", 0, 0, "bad-participants", "--participants: participants: '5.000' is not a whole number; write 5000 without a separator (a '.' thousands separator is read only in ';' files saved by Excel)"),
    ]
    assert list((registry / "actuals").iterdir()) == []


def test_text_a_cp1252_file_cannot_hold_is_refused(registry, mini_plan):
    path = registry / "actuals" / "2023-Q2.csv"
    before = (HEADER + "x,2023-04-01,note,,Città €,,,,,\n").encode("cp1252")
    path.write_bytes(before)
    with pytest.raises(DataError) as caught:
        writers.add_activity(registry, mini_plan, {**MEETING, "title": "Kraków – Łódź"})
    assert [(i.code, i.message) for i in caught.value.issues] == [
        ("unencodable", "the file is saved as cp1252, which cannot hold 'Ł'; save it from Excel as 'CSV UTF-8' and retry, or write the text without that character")
    ]
    assert path.read_bytes() == before
    recorded = writers.add_activity(registry, mini_plan, {**MEETING, "title": "Kraków – città"})
    assert path.read_bytes() == before + "2023Q2-0001,2023-04-02,meeting,SE,Kraków – città,,,,1,\n".encode("cp1252")
    assert recorded.line == 3


def test_an_undecodable_file_is_reported_not_appended_to(registry, mini_plan):
    path = registry / "actuals" / "2023-Q2.csv"
    before = HEADER.encode() + b"x,2023-04-01,note,,\x81,,,,,\n"
    path.write_bytes(before)
    with pytest.raises(DataError) as caught:
        writers.add_activity(registry, mini_plan, MEETING)
    ((line, code, message),) = [(i.line, i.code, i.message) for i in caught.value.issues]
    assert (line, code) == (2, "bad-encoding")
    assert message.startswith("undecodable byte at byte offset 93:")
    assert path.read_bytes() == before


def test_a_file_without_the_value_column_is_not_given_a_silent_1(registry, mini_plan):
    path = registry / "actuals" / "2023-Q2.csv"
    path.write_text("id,date,type,territory,title\n", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        writers.add_activity(registry, mini_plan, {**MEETING, "value": "3"})
    assert str(caught.value) == f"{path} has no column 'value'; add it to the header row to record this value"


def test_add_stakeholder_and_complete_action(registry, mini_plan):
    import datetime as dt

    writers.add_stakeholder(registry, mini_plan, " Comune ", category="local_authority", internal=True, first_involved=dt.date(2021, 5, 1))
    # No date in the registry yet: the folder's (here the plan's) date form.
    assert (registry / "stakeholders.csv").read_text().endswith("Ateneo,no,university,\nComune,yes,local_authority,01/05/2021\n")
    with pytest.raises(UsageError) as caught:
        writers.add_stakeholder(registry, mini_plan, "ATENEO", category="university", internal=False)
    assert str(caught.value) == f"stakeholder 'Ateneo' is already registered ({registry / 'stakeholders.csv'}:2)"
    with pytest.raises(UsageError) as caught:
        writers.add_stakeholder(registry, mini_plan, "A|B", category="university", internal=False)
    assert str(caught.value) == "a stakeholder name must be non-empty and cannot contain '|'"
    recorded = writers.complete_action(registry, mini_plan, "a2", date=dt.date(2023, 1, 9), note=" fatto ")
    assert recorded.line == 2
    assert (registry / "deliverables.csv").read_bytes() == codecs.BOM_UTF8 + b"action;date;note\r\na2;09/01/2023;fatto\r\n"
    with pytest.raises(writers.Refused) as caught:
        writers.complete_action(registry, mini_plan, "a2", date=dt.date(2023, 1, 9), note="ancora", lang="en")
    assert caught.value.issues == [
        Issue(str(registry / "deliverables.csv"), 2, 0, "duplicate-deliverable",
              "the deliverable of action a2 on 09/01/2023 is already recorded here (“fatto”)")
    ]
    assert writers.complete_action(registry, mini_plan, "a2", date=dt.date(2023, 1, 10)).line == 3
    log, issues = read_data(registry, mini_plan)
    assert issues == [] and log.stakeholders["Comune"].internal and log.deliverables[0].action == "a2"


def test_pageviews_exports_sum_page_views_of_matching_rows(mini_plan):
    english = writers.read_pageviews_export(FIXTURES / "matomo_pages_en.csv", mini_plan)
    assert english == writers.PageViews(total=812 + 363, matched_rows=2, rows=4)
    italian = writers.read_pageviews_export(FIXTURES / "matomo_pages_it_utf16.csv", mini_plan)
    assert italian == writers.PageViews(total=800 + 450, matched_rows=2, rows=3)


def test_an_export_that_is_not_page_urls(tmp_path, mini_plan):
    export = tmp_path / "visits.csv"
    export.write_text("date,nb_visits\n2022-10-01,12\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        writers.read_pageviews_export(export, mini_plan)
    assert [(i.line, i.code) for i in caught.value.issues] == [(1, "bad-export")]


@pytest.mark.parametrize(
    "text, expected",
    [("2022Q4", (2022, 4)), ("2022-Q4", (2022, 4)), (" 2023q1 ", (2023, 1))],
)
def test_parse_quarter(mini_plan, text, expected):
    assert writers.parse_quarter(text, mini_plan) == expected


@pytest.mark.parametrize(
    "text, message",
    [
        ("2022Q5", "--quarter '2022Q5' is not a quarter; write it as 2022Q4"),
        ("Q4 2022", "--quarter 'Q4 2022' is not a quarter; write it as 2022Q4"),
        ("2030Q1", "--quarter 2030Q1 is outside the plan (2022–2023)"),
    ],
)
def test_parse_quarter_refused(mini_plan, text, message):
    with pytest.raises(UsageError) as caught:
        writers.parse_quarter(text, mini_plan)
    assert str(caught.value) == message


def test_import_replaces_only_the_quarters_page_views_in_an_excel_file(data_dir, mini_plan):
    path = data_dir / "actuals" / "2022-Q4.csv"
    lines = [
        "id;date;type;territory;title;value\r\n",
        'm1;02/11/2022;incontro;SE;"Incontro; due righe\r\nseconda";\r\n',
        "old;31/12/2022;visualizzazioni;;vecchio import;9.999\r\n",
        "m2;03/11/2022;nota;SE;Città;1.000\r\n",
    ]
    path.write_bytes(codecs.BOM_UTF8 + "".join(lines).encode("utf-8"))
    first = writers.import_pageviews(data_dir, mini_plan, FIXTURES / "matomo_pages_en.csv", (2022, 4))
    second = writers.import_pageviews(data_dir, mini_plan, FIXTURES / "matomo_pages_it_utf16.csv", (2022, 4))
    assert (first.replaced, second.replaced) == (1, 1)
    expected = lines[0] + lines[1] + lines[3] + "2022Q4-pageviews;31/12/2022;visualizzazioni;;Page views 2022-Q4 (import matomo_pages_it_utf16.csv);1.250\r\n"
    assert path.read_bytes() == codecs.BOM_UTF8 + expected.encode("utf-8")
    log, issues = read_data(data_dir, mini_plan)
    assert issues == []
    assert [(a.id, a.value) for a in records(log) if a.type == "pageviews"] == [("2022Q4-pageviews", 1250)]


def test_import_into_a_file_without_a_value_column_is_refused(data_dir, mini_plan):
    path = data_dir / "actuals" / "2022-Q4.csv"
    path.write_text("date;type;territory;title\n31/12/2022;nota;SE;x\n", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        writers.import_pageviews(data_dir, mini_plan, FIXTURES / "matomo_pages_en.csv", (2022, 4))
    assert str(caught.value) == f"{path} has no column 'value'; add it to the header row to record the page views"
    assert path.read_text(encoding="utf-8") == "date;type;territory;title\n31/12/2022;nota;SE;x\n"


def test_append_to_a_utf16_tab_file_keeps_its_form_and_counts_lines(registry, mini_plan):
    path = registry / "actuals" / "2023-Q2.csv"
    header = "id\tdate\ttype\tterritory\ttitle\tvalue\r\nx\t01/04/2023\tnota\tSE\tCittà\t1000"
    path.write_bytes(codecs.BOM_UTF16_LE + header.encode("utf-16-le"))
    first = writers.add_activity(registry, mini_plan, {**MEETING, "title": "Ċ due"})  # 'Ċ' holds a 0x0A byte
    second = writers.add_activity(registry, mini_plan, {**MEETING, "title": "tre"})
    assert (first.line, second.line) == (3, 4)
    raw = path.read_bytes()
    assert raw.count(codecs.BOM_UTF16_LE) == 1
    # The file's own date form and type words, as well as its dialect.
    assert raw.decode("utf-16") == header + "\r\n2023Q2-0001\t02/04/2023\tincontro\tSE\tĊ due\t1\r\n2023Q2-0002\t02/04/2023\tincontro\tSE\ttre\t1\r\n"
    log, issues = read_data(registry, mini_plan)
    assert issues == [] and [(a.line, a.title) for a in records(log)] == [(2, "Città"), (3, "Ċ due"), (4, "tre")]


TEXT = st.text(
    alphabet=st.one_of(st.sampled_from(list(',;"\r\n\t|€àÈ =+-@')), st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")),
    min_size=1,
    max_size=25,
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=TEXT, notes=TEXT, excel=st.booleans(), participants=st.integers(0, 10**7))
def test_every_recorded_row_reads_back_as_recorded(registry, mini_plan, title, notes, excel, participants):
    path = registry / "actuals" / "2023-Q2.csv"
    if excel:
        path.write_bytes(codecs.BOM_UTF8 + ";".join(HEADER.strip().split(",")).encode() + b"\r\n")
    else:
        path.write_text(HEADER, encoding="utf-8")
    fields = {**MEETING, "type": "event", "title": title, "notes": notes, "participants": str(participants)}
    try:
        recorded = writers.add_activity(registry, mini_plan, fields)
    except DataError as refused:  # only a blank title may be refused
        assert [i.code for i in refused.issues] == ["missing-title"] and not title.strip()
        return
    log, issues = read_data(registry, mini_plan)
    assert issues == []
    (activity,) = records(log)
    assert (activity.line, activity.title, activity.notes, activity.participants) == (
        recorded.line,
        title.strip(),
        notes.strip(),
        participants,
    )


def _plan_with_period(tmp_path, start, end):
    from relint_kpi.plan import load_plan

    text = (FIXTURES / "mini_plan.yaml").read_text(encoding="utf-8")
    assert "period: {start: 2022-01-01, end: 2023-12-31}" in text
    path = tmp_path / "short_plan.yaml"
    path.write_text(text.replace("period: {start: 2022-01-01, end: 2023-12-31}", f"period: {{start: {start}, end: {end}}}"), encoding="utf-8")
    plan, issues = load_plan(path)
    assert issues == []
    return plan


def test_import_for_the_quarter_the_plan_ends_in_is_dated_on_the_plans_last_day(tmp_path, data_dir):
    plan = _plan_with_period(tmp_path, "2022-01-01", "2023-11-15")
    recorded = writers.import_pageviews(data_dir, plan, FIXTURES / "matomo_pages_en.csv", (2023, 4))
    assert recorded.cells["date"] == "15/11/2023"
    log, issues = read_data(data_dir, plan)
    assert issues == [] and [(str(a.date), a.value) for a in records(log)] == [("2023-11-15", 1175)]


def test_import_for_a_quarter_before_the_plan_starts_is_refused(tmp_path, data_dir):
    plan = _plan_with_period(tmp_path, "2022-04-01", "2023-12-31")
    with pytest.raises(UsageError) as caught:
        writers.import_pageviews(data_dir, plan, FIXTURES / "matomo_pages_en.csv", (2022, 1))
    assert str(caught.value) == "--quarter 2022Q1 is outside the plan period 2022-04-01..2023-12-31"
    assert list((data_dir / "actuals").iterdir()) == []


def test_conventions_follow_most_rows_and_the_plan_for_an_empty_folder(registry, mini_plan):
    from relint_kpi import csvio

    path = registry / "actuals" / "2023-Q2.csv"
    path.write_text("id,date,type,title,territory\n,01/04/2023,Incontro,a,SE\n,2023-04-02,incontro,b,SE\n,03/04/2023,meeting,c,SE\n", encoding="utf-8")
    found = writers.Conventions.of_rows(csvio.read_rows(path, writers.COLUMNS, ()), mini_plan)
    # Two of three dates are DD/MM/YYYY; 'meeting' as the file spells it most often (a tie: the first seen);
    # a type the file does not use yet gets its alias, since most rows use aliases.
    assert found.dates == "dmy"
    assert (found.type_words["meeting"], found.type_words["event"], found.type_words["pageviews"]) == ("Incontro", "evento", "visualizzazioni")
    assert writers.Conventions.of_plan(mini_plan) == writers.Conventions("dmy", {k.id: k.id for k in mini_plan.activity_types})
    path.write_text("id,date,type,title,territory\n", encoding="utf-8")
    assert writers.Conventions.of_rows(csvio.read_rows(path, writers.COLUMNS, ()), mini_plan) is None
