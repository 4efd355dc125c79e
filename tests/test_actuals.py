"""The actuals reader: good files, Excel dialects, and one test per problem message."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from conftest import records
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relint_kpi import csvio
from relint_kpi.actuals import read_data
from relint_kpi.issues import MAX_ISSUES, Issue, format_issue
from relint_kpi.records import ActivityLog
from relint_kpi.rows import COLUMNS, ActivityRow
from relint_kpi.writers import format_activity

HEADER = "id,date,type,territory,title,action,participants,stakeholders,value,notes\n"
REGISTRY = "name,internal,category,first_involved\nAteneo,no,university,\nComune,sì,local_authority,2021-01-01\n"


@pytest.fixture
def folder(data_dir):
    (data_dir / "stakeholders.csv").write_text(REGISTRY, encoding="utf-8")
    return data_dir


def write(folder: Path, name: str, content, encoding="utf-8"):
    path = folder / "actuals" / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def messages(folder, plan):
    log, issues = read_data(folder, plan)
    return [format_issue(i).split("/data/", 1)[1].removeprefix("actuals/") for i in issues]


def test_clean_file(folder, mini_plan):
    write(folder, "2023-Q2.csv", HEADER + "a1,2023-04-02,meeting,SE,Incontro,a1,,Ateneo|Comune,,nota\n")
    log, issues = read_data(folder, mini_plan)
    assert issues == []
    (row,) = records(log)
    assert (row.line, row.id, str(row.date), row.type, row.territory, row.action, row.stakeholders, row.value, row.notes) == (
        2, "a1", "2023-04-02", "meeting", "SE", "a1", ("Ateneo", "Comune"), 1, "nota"
    )
    assert log.stakeholders["Comune"].internal is True


def test_excel_italian_file_equals_clean_file(folder, mini_plan, tmp_path):
    excel = "\r\n".join(
        [
            "id;date;type;territory;title;action;participants;stakeholders;value;notes",
            'x1;02/04/2023;incontro;Assia;"Incontro; con la città";;;Ateneo;;',
            "x2;03/04/2023;visualizzazioni;;Pagina;;;;5.000;",
            "x3;04/04/2023;evento;se;Evento;;1.200;;;",
        ]
    ) + "\r\n"
    clean = HEADER + '\n'.join(
        [
            'x1,2023-04-02,meeting,DE-HE,"Incontro; con la città",,,Ateneo,,',
            "x2,2023-04-03,pageviews,,Pagina,,,,5000,",
            "x3,2023-04-04,event,SE,Evento,,1200,,,",
        ]
    ) + "\n"
    write(folder, "2023-Q2.csv", codecs.BOM_UTF8 + excel.encode("utf-8"))
    excel_log, issues = read_data(folder, mini_plan)
    assert issues == []
    write(folder, "2023-Q2.csv", clean)
    clean_log, issues = read_data(folder, mini_plan)
    assert issues == []
    assert [a[1:] for a in records(excel_log)] == [a[1:] for a in records(clean_log)]
    assert records(excel_log)[1].value == 5000 and records(excel_log)[2].participants == 1200


def test_cp1252_and_utf16(folder, mini_plan):
    write(folder, "2023-Q2.csv", (HEADER + "a,2023-04-02,meeting,SE,Città €,,,,,\n").encode("cp1252"))
    log, issues = read_data(folder, mini_plan)
    assert issues == [] and records(log)[0].title == "Città €"
    write(folder, "2023-Q2.csv", codecs.BOM_UTF16_LE + (HEADER + "a,2023-04-02,meeting,SE,Città,,,,,\n").encode("utf-16-le"))
    log, issues = read_data(folder, mini_plan)
    assert issues == [] and records(log)[0].title == "Città"


def test_codes_stay_text(folder, mini_plan):
    write(folder, "2023-Q2.csv", HEADER + "007,2023-04-02,meeting,NA,NA,,,,,\n")
    log, issues = read_data(folder, mini_plan)
    assert issues == []
    assert (records(log)[0].id, records(log)[0].territory, records(log)[0].title) == ("007", "NA", "NA")


def test_header_only_file_is_valid_and_empty(folder, mini_plan):
    write(folder, "2023-Q1.csv", HEADER)
    assert read_data(folder, mini_plan) == (read_data(folder, mini_plan)[0], [])
    assert records(read_data(folder, mini_plan)[0]) == []


def test_header_only_and_missing_final_newline(folder, mini_plan):
    write(folder, "2023-Q1.csv", HEADER)
    write(folder, "2023-Q2.csv", HEADER + "a,2023-04-02,meeting,SE,Ultima riga,,,,,")
    log, issues = read_data(folder, mini_plan)
    assert issues == [] and [a.title for a in records(log)] == ["Ultima riga"]


def test_quoted_crlf_and_semicolon_round_trip(folder, mini_plan):
    write(folder, "2023-Q2.csv", HEADER + 'a,2023-04-02,meeting,SE,"riga uno\r\nriga; due",,,,,\n')
    log, issues = read_data(folder, mini_plan)
    assert issues == []
    original = records(log)[0]
    cells = format_activity(ActivityRow.model_construct(**original._asdict()))
    row = csvio.encode_row([cells[c] for c in COLUMNS], delimiter=";", newline="\r\n", encoding="utf-8")
    write(folder, "2023-Q2.csv", ";".join(COLUMNS).encode() + b"\r\n" + row)
    again, issues = read_data(folder, mini_plan)
    assert issues == [] and records(again)[0].title == "riga uno\r\nriga; due"
    assert records(again)[0][1:] == original[1:]  # every value but the path, line included


BAD_ROWS = [
    ("a,2023-04-02,delegaton,SE,x,,,,,", "2023-Q2.csv:2:3: unknown type 'delegaton' — expected one of: delegation (Delegation), meeting (Meeting), event (Event), mission (Mission), note (Note), pageviews (Page views) (or: delegazione, incontro, evento, missione, nota, visualizzazioni) [unknown-type]"),
    ("a,2023-04-02,,SE,x,,,,,", "2023-Q2.csv:2:3: missing type — expected one of: delegation (Delegation), meeting (Meeting), event (Event), mission (Mission), note (Note), pageviews (Page views) (or: delegazione, incontro, evento, missione, nota, visualizzazioni) [missing-type]"),
    ("a,,meeting,SE,x,,,,,", "2023-Q2.csv:2:2: missing date; write YYYY-MM-DD or DD/MM/YYYY [missing-date]"),
    ("a,2023-02-30,meeting,SE,x,,,,,", "2023-Q2.csv:2:2: '2023-02-30' is not a real calendar date [bad-date]"),
    ("a,April 2,meeting,SE,x,,,,,", "2023-Q2.csv:2:2: 'April 2' is not a date; write YYYY-MM-DD (2023-03-11) or DD/MM/YYYY (11/03/2023) [bad-date]"),
    ("a,2023-07-01,meeting,SE,x,,,,,", "2023-Q2.csv:2:2: date 2023-07-01 is outside this file's quarter 2023-Q2 (2023-04-01..2023-06-30); move the row to 2023-Q3.csv [date-outside-quarter]"),
    ("a,2023-04-02,meeting,ZZ,x,,,,,", "2023-Q2.csv:2:4: unknown territory 'ZZ' — write an ISO 3166 code (BE, DE-HE) or a plan territory's name (Assia, Hesse) [unknown-territory]"),
    ("a,2023-04-02,meeting,,x,,,,,", "2023-Q2.csv:2:4: missing territory for a 'meeting' row — write an ISO 3166 code (BE, DE-HE) or a plan territory's name [missing-territory]"),
    ("a,2023-04-02,meeting,SE,,,,,,", "2023-Q2.csv:2:5: missing title; say in a few words what happened [missing-title]"),
    ("a,2023-04-02,meeting,SE,x,nope,,,,", "2023-Q2.csv:2:6: unknown action 'nope' — expected one of the plan's action ids: a1, a2 [unknown-action]"),
    ("a,2023-04-02,event,SE,x,,12.5,,,", "2023-Q2.csv:2:7: participants: '12.5' is not a whole number; write digits only, e.g. 12 [bad-participants]"),
    ("a,2023-04-02,event,SE,x,,,,5.000,", "2023-Q2.csv:2:9: value: '5.000' is not a whole number; write 5000 without a separator (a '.' thousands separator is read only in ';' files saved by Excel) [bad-value]"),
    ("a,2023-04-02,event,SE,x,,,,0,", "2023-Q2.csv:2:9: value must be 1 or more (leave it empty for 1) [bad-value]"),
    ("a,2023-04-02,event,SE,x,,,,-2,", "2023-Q2.csv:2:9: value: '-2' is negative; write a whole number of 0 or more [bad-value]"),
    ("a,2023-04-02,meeting,SE,x,,,Nessuno,,", '2023-Q2.csv:2:8: unknown stakeholder \'Nessuno\'; register it first: relint add-stakeholder "Nessuno" --category CATEGORY --internal|--external [unknown-stakeholder]'),
    ("a,2023-04-02,meeting", "2023-Q2.csv:2: row has 3 cells, fewer than the 10 header columns; check for a missing or extra ',' [row-length]"),
    ("a,2023-04-02,meeting,SE,x,,,,,,extra", "2023-Q2.csv:2: row has 11 cells, more than the 10 header columns; check for a missing or extra ',' [row-length]"),
]


def test_date_outside_plan(folder, mini_plan):
    write(folder, "2024-Q1.csv", HEADER + "a,2024-02-01,meeting,SE,x,,,,,\n")
    assert messages(folder, mini_plan) == [
        "2024-Q1.csv:2:2: date 2024-02-01 is outside the plan period 2022-01-01..2023-12-31 [date-outside-plan]"
    ]


@pytest.mark.parametrize("row, message", BAD_ROWS)
def test_row_problems(folder, mini_plan, row, message):
    write(folder, "2023-Q2.csv", HEADER + row + "\nok,2023-04-03,meeting,SE,fine,,,,,\n")
    assert messages(folder, mini_plan) == [message]


def test_semicolon_file_number_rules(folder, mini_plan):
    write(folder, "2023-Q2.csv", "date;type;territory;title;value\n02/04/2023;nota;SE;x;5.5\n02/04/2023;nota;SE;y;12.34,5\n")
    assert messages(folder, mini_plan) == [
        "2023-Q2.csv:2:5: value: '5.5' is not a whole number; write it as 5000 or 5.000, without decimals [bad-value]",
        "2023-Q2.csv:3:5: value: '12.34,5' is not a whole number; write it as 5000 or 5.000, without decimals [bad-value]",
    ]


@pytest.mark.parametrize(
    "content, expected",
    [
        ("", ["2023-Q2.csv:1: the file is empty; it needs a header row: id,date,type,territory,title,action,participants,stakeholders,value,notes,venue [empty-file]"]),
        ("\r\n", ["2023-Q2.csv:1: the file is empty; it needs a header row: id,date,type,territory,title,action,participants,stakeholders,value,notes,venue [empty-file]"]),
        ("\n" + HEADER + "a,2023-04-02,meeting,SE,x,,,,,\n", ["2023-Q2.csv:1: line 1 is blank; the header row must be the first line: id,date,type,territory,title,action,participants,stakeholders,value,notes,venue [blank-header]"]),
        ("id,date,type,title,colour\n", ["2023-Q2.csv:1:5: unknown column 'colour' — expected columns: id, date, type, territory, title, action, participants, stakeholders, value, notes, venue [unknown-column]"]),
        ("id,date,type,type,title\n", ["2023-Q2.csv:1:4: column 'type' appears twice in the header; keep one [duplicate-column]"]),
        ("id,type,title\n", ["2023-Q2.csv:1: missing column 'date' in the header (required: date, type, title) [missing-column]"]),
        (HEADER + "a,2023-04-02,meeting,SE,x,,,,,\nb,2023-04-0", ["2023-Q2.csv:3: the last row is cut short (2 of 10 cells) and the file does not end with a line end: a write was interrupted; complete or delete the row [torn-row]"]),
        (HEADER + 'a,2023-04-02,meeting,SE,"x,,,,,\n', ["2023-Q2.csv:2: malformed CSV row (unexpected end of data); a quote is not closed — check the quotes in this row [bad-quoting]"]),
    ],
)
def test_file_problems(folder, mini_plan, content, expected):
    write(folder, "2023-Q2.csv", content)
    assert messages(folder, mini_plan) == expected


def test_undecodable_and_nul_bytes(folder, mini_plan):
    write(folder, "2023-Q2.csv", HEADER.encode() + b"a,2023-04-02,meeting,SE,\x81\x8d,,,,,\n")
    assert messages(folder, mini_plan) == [
        "2023-Q2.csv:2: undecodable byte at byte offset 98: the file is neither UTF-8 nor Windows-1252; save it from Excel as 'CSV UTF-8' [bad-encoding]"
    ]
    write(folder, "2023-Q2.csv", HEADER.encode() + b"a,2023-04-02,meet\x00ing,SE,x,,,,,\n")
    assert messages(folder, mini_plan) == [
        "2023-Q2.csv:2: NUL byte near byte 91: the file is not a text CSV (save it again as 'CSV UTF-8' or 'CSV (separatore: punto e virgola)') [nul-byte]"
    ]


def test_duplicate_id_message(folder, mini_plan):
    write(folder, "2023-Q1.csv", HEADER + "dup,2023-01-02,meeting,SE,x,,,,,\n")
    write(folder, "2023-Q2.csv", HEADER + "dup,2023-04-02,meeting,SE,y,,,,,\n")
    log, issues = read_data(folder, mini_plan)
    first = str(folder / "actuals" / "2023-Q1.csv")
    assert [(i.path, i.line, i.column, i.code, i.message) for i in issues] == [
        (
            str(folder / "actuals" / "2023-Q2.csv"),
            2,
            0,
            "duplicate-id",
            f"id 'dup' is already used at {first}:2; ids must be unique (clear the cell of a hand-added row)",
        )
    ]


def test_bad_file_name(folder, mini_plan):
    write(folder, "aprile.csv", HEADER)
    assert messages(folder, mini_plan) == ["aprile.csv: actuals files are named by quarter, e.g. 2023-Q1.csv; rename this file [bad-file-name]"]


def test_registry_and_deliverable_problems(data_dir, mini_plan):
    (data_dir / "stakeholders.csv").write_text(
        "name,internal,category,first_involved\nA,forse,university,\nB,no,ngo,\nA,no,business,\nC,no,business,ieri\n",
        encoding="utf-8",
    )
    (data_dir / "deliverables.csv").write_text("action,date,note\nnope,2023-01-01,x\na1,31/02/2023,y\n", encoding="utf-8")
    assert messages(data_dir, mini_plan) == [
        "stakeholders.csv:2:2: internal must be yes or no (sì/no), got 'forse' [bad-internal]",
        "stakeholders.csv:3:3: unknown category 'ngo' — expected one of: university, business, local_authority [unknown-category]",
        "stakeholders.csv:4:1: stakeholder 'A' is already listed at line 2 [duplicate-stakeholder]",
        "stakeholders.csv:5:4: first_involved: 'ieri' is not a date; write YYYY-MM-DD (2023-03-11) or DD/MM/YYYY (11/03/2023) [bad-date]",
        "deliverables.csv:2:1: unknown action 'nope' — expected one of the plan's action ids: a1, a2 [unknown-action]",
        "deliverables.csv:3:2: '31/02/2023' is not a real calendar date [bad-date]",
    ]


def test_a_registered_name_with_a_pipe_is_refused_as_add_stakeholder_refuses_it(data_dir, mini_plan):
    (data_dir / "stakeholders.csv").write_text("name,internal,category\nA|B,no,university\nC,no,business\n", encoding="utf-8")
    assert messages(data_dir, mini_plan) == [
        "stakeholders.csv:2:1: the name 'A|B' holds '|', which separates one name from the next in activities "
        "(Ateneo|Comune); write the name without '|' [bad-name]",
    ]


def test_issue_cap(folder, mini_plan):
    write(folder, "2023-Q2.csv", HEADER + "a,2023-04-02,meeting,ZZ,x,,,,,\n" * (MAX_ISSUES + 50))
    log, issues = read_data(folder, mini_plan)
    assert len(issues) == MAX_ISSUES + 1
    assert issues[-1].code == "too-many-issues"
    assert issues[-1].message == f"more than {MAX_ISSUES} problems; stopped listing them"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the resident size from /proc")
def test_fifty_megabytes_in_bounded_memory(folder, mini_plan):
    """A 50 MB file is read whole, once: memory holds its text and its cells, not copies of them."""
    import subprocess
    import sys

    row = "a{n},2023-04-02,meeting,ZZ,Incontro di lavoro con una descrizione abbastanza lunga per pesare,,,,,\n"
    path = folder / "actuals" / "2023-Q2.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER)
        n = 0
        while handle.tell() < 50 * 1024 * 1024:
            handle.write("".join(row.format(n=n + k) for k in range(1000)))
            n += 1000
    # Every row is refused (unknown territory), so no records are kept: the
    # process's peak memory is the reader's own working set.
    code = (
        "import resource, sys\n"
        "from relint_kpi.plan import load_plan\n"
        "from relint_kpi.actuals import read_data\n"
        f"plan, _ = load_plan({str(Path(__file__).parent / 'fixtures' / 'mini_plan.yaml')!r})\n"
        # The resident size now, not the peak so far: loading the plan may peak
        # higher than the reader and would hide its growth.
        "status = open('/proc/self/status').read()\n"
        "before = int(status.split('VmRSS:')[1].split()[0])\n"
        f"log, issues = read_data({str(folder)!r}, plan)\n"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(len(issues), (after - before) // 1024)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    issues, grown_mb = map(int, result.stdout.split())
    assert issues == MAX_ISSUES + 1
    print(f"\n50 MB file: peak memory {grown_mb} MB above the resident size before reading")
    # Measured about 260 MB: the text, its bytes for the parser and a DataFrame
    # of 530,000 rows of text cells. Feeding the parser a StringIO (four bytes a
    # character) measured 460 MB.
    assert grown_mb < 300, f"reading a 50 MB file grew memory by {grown_mb} MB"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=500))
def test_any_bytes_give_rows_or_issues(folder, mini_plan, raw):
    write(folder, "2023-Q1.csv", raw)
    log, issues = read_data(folder, mini_plan)
    assert isinstance(log, ActivityLog)
    assert all(isinstance(i, Issue) and i.path.endswith("2023-Q1.csv") and i.line >= 0 for i in issues)
    assert all(a.date.year == 2023 and a.quarter == 1 for a in records(log))


def test_a_wrong_width_row_leaves_the_next_row_whole(folder, mini_plan):
    """The check for a torn last row must not eat the next row's first character (12 read as 2)."""
    write(folder, "2023-Q2.csv", "value,date,type,territory,title\n3,2023-04-02,meeting\n12,2023-04-03,meeting,SE,fine\n")
    log, issues = read_data(folder, mini_plan)
    assert [format_issue(i).split("actuals/")[1] for i in issues] == [
        "2023-Q2.csv:2: row has 3 cells, fewer than the 5 header columns; check for a missing or extra ',' [row-length]"
    ]
    assert [(a.line, a.value, a.title) for a in records(log)] == [(3, 12, "fine")]


@pytest.mark.parametrize(
    "tail, expected",
    [
        ("b,2023-04-0\n", "2023-Q2.csv:3: row has 2 cells, fewer than the 10 header columns; check for a missing or extra ',' [row-length]"),
        ("b,2023-04-02,meeting,SE,x,,,,,,,", "2023-Q2.csv:3: row has 12 cells, more than the 10 header columns; check for a missing or extra ',' [row-length]"),
        ("b,2023-04-0\n\n", "2023-Q2.csv:3: row has 2 cells, fewer than the 10 header columns; check for a missing or extra ',' [row-length]"),
    ],
)
def test_short_last_row_with_a_line_end_is_not_torn(folder, mini_plan, tail, expected):
    write(folder, "2023-Q2.csv", HEADER + "a,2023-04-02,meeting,SE,x,,,,,\n" + tail)
    assert messages(folder, mini_plan) == [expected]


def test_short_row_then_unclosed_quote(folder, mini_plan):
    write(folder, "2023-Q2.csv", HEADER + 'a,2023\nb,2023-04-02,meeting,SE,"x,,,,,\n')
    assert messages(folder, mini_plan) == [
        "2023-Q2.csv:2: row has 2 cells, fewer than the 10 header columns; check for a missing or extra ',' [row-length]",
        "2023-Q2.csv:3: malformed CSV row (unexpected end of data); a quote is not closed — check the quotes in this row [bad-quoting]",
    ]


def test_undecodable_byte_after_a_character_cut_by_the_read_chunk(folder, mini_plan):
    """The reader decodes 1 MiB at a time; a character split between two reads must not shift the offset."""
    head = HEADER.encode() + b"a,2023-04-02,meeting,SE,"
    body = head + b"y" * ((1 << 20) - 1 - len(head)) + "à".encode() + b",,,,,\n"  # 'à' straddles the 1 MiB mark
    bad_at = len(body) + len(b"b,2023-04-02,meeting,SE,")
    write(folder, "2023-Q2.csv", body + b"b,2023-04-02,meeting,SE,\x81,,,,,\n")
    assert messages(folder, mini_plan) == [
        f"2023-Q2.csv:3: undecodable byte at byte offset {bad_at}: the file is neither UTF-8 nor Windows-1252; "
        "save it from Excel as 'CSV UTF-8' [bad-encoding]"
    ]
