"""The row contract: one pydantic model decides, for a whole file as for one row.

The reader validates each distinct cell of a column once and maps the
verdicts back to the rows; ``add-activity`` validates its one row with the
model. Whatever the cells, both must accept the same rows with the same
values and refuse the others with the same issues.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relint_kpi.actuals import read_activities
from relint_kpi.plan import load_plan
from relint_kpi.records import Stakeholder
from relint_kpi.rows import COLUMNS, ActivityRow, RowContext, validate_row
from relint_kpi.writers import format_activity

PLAN, _ = load_plan(Path(__file__).parent / "fixtures" / "mini_plan.yaml")
REGISTRY = {
    "Ateneo": Stakeholder("s.csv", 2, "Ateneo", False, "university", None),
    "Comune di Prova": Stakeholder("s.csv", 3, "Comune di Prova", True, "local_authority", None),
}
CELLS = {
    "id": st.sampled_from(["", "a", " b ", "2023Q2-0001"]),
    "date": st.sampled_from(["2023-04-02", "02/04/2023", " 2023-06-30 ", "2023-07-01", "2023-02-30", "", "aprile", "2024-04-01"]),
    "type": st.sampled_from(["meeting", "Incontro", " NOTA ", "pageviews", "visualizzazioni", "", "visita"]),
    "territory": st.sampled_from(["SE", "se", "Assia", "Hesse", "DE-HE", "CN-GD", "Belgio", "", " ", "ZZ", "XX-YY"]),
    "title": st.sampled_from(["Incontro", " x ", "", "  ", "riga\nnuova", "=1+1"]),
    "action": st.sampled_from(["", "a1", "a2", "a9"]),
    "participants": st.sampled_from(["", "0", "12", "5.000", "-3", "1e3", "9" * 12]),
    "stakeholders": st.sampled_from(["", "Ateneo", "ateneo", "Ateneo|Comune di Prova", " Ateneo | ", "Ateneo|ATENEO", "Nessuno", "Nessuno|Altro", "|"]),
    "value": st.sampled_from(["", "1", "0", "7", "5.000", "x"]),
    "notes": st.sampled_from(["", " nota ", "a;b"]),
    "venue": st.sampled_from(["", "regione", "Sul territorio", "Regione di prova", "DE-HE", "Assia", "ZZ"]),
}
ROWS = st.lists(st.fixed_dictionaries(CELLS), min_size=1, max_size=12)


def quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=ROWS, delimiter=st.sampled_from([",", ";"]), left_out=st.sets(st.sampled_from(["id", "action", "notes", "value", "participants", "stakeholders", "territory", "venue"])))
def test_the_file_reader_and_the_row_model_agree(tmp_path, rows, delimiter, left_out):
    columns = [name for name in COLUMNS if name not in left_out]
    path = tmp_path / "2023-Q2.csv"
    lines = [delimiter.join(columns)] + [delimiter.join(quoted(row[name]) for name in columns) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    frame, issues = read_activities(path, PLAN, REGISTRY)

    header = {name: index for index, name in enumerate(columns, start=1)}
    context = RowContext(PLAN, REGISTRY, (2023, 2), delimiter)
    expected_rows, expected_issues = [], []
    line = 2
    for row, text in zip(rows, lines[1:]):
        if not "".join(row[name] for name in columns).strip():
            line += text.count("\n") + 1
            continue  # a blank row is skipped, never an error
        checked, found = validate_row({name: row[name] for name in columns}, context, path=str(path), line=line, columns=header)
        expected_issues += found
        if checked is not None:
            expected_rows.append((line, checked))
        line += text.count("\n") + 1  # a quoted cell may span lines
    assert issues == sorted(expected_issues)
    got = [
        (int(r.line), r.id, r.date.date(), r.type, None if isinstance(r.territory, float) else r.territory, r.title,
         None if isinstance(r.action, float) else r.action, r.participants, r.stakeholders, r.value, r.notes,
         None if isinstance(r.venue, float) else r.venue)
        for r in frame.itertuples()
    ]
    want = [
        (line, c.id, c.date, c.type, c.territory, c.title, c.action, c.participants or 0, c.stakeholders, c.value, c.notes,
         c.venue or c.territory)
        for line, c in expected_rows
    ]
    assert got == want


def test_a_valid_row_is_typed_and_canonical():
    context = RowContext(PLAN, REGISTRY, None, ";")
    cells = {"date": "02/04/2023", "type": "Incontro", "territory": "Hesse", "title": " Visita ", "value": "5.000",
             "stakeholders": "ateneo | Comune di Prova|Ateneo"}
    row, issues = validate_row(cells, context, path="add-activity", line=0, columns={})
    assert issues == []
    assert format_activity(row, ";") == {
        "id": "", "date": "2023-04-02", "type": "meeting", "territory": "DE-HE", "title": "Visita", "action": "",
        "participants": "", "stakeholders": "Ateneo|Comune di Prova", "value": "5.000", "notes": "", "venue": "",
    }


def test_every_problem_of_a_row_is_an_issue_at_its_column_with_no_pydantic_words():
    context = RowContext(PLAN, REGISTRY, (2023, 2))
    cells = {"date": "2023-07-01", "type": "meeting", "title": " ", "action": "a9", "participants": "-1", "value": "0",
             "stakeholders": "Nessuno|Altro"}
    columns = {name: index for index, name in enumerate(COLUMNS, start=1)}
    _, issues = validate_row(cells, context, path="f.csv", line=7, columns=columns)
    assert [(i.line, i.column, i.code) for i in issues] == [
        (7, 2, "date-outside-quarter"),
        (7, 4, "missing-territory"),
        (7, 5, "missing-title"),
        (7, 6, "unknown-action"),
        (7, 7, "bad-participants"),
        (7, 8, "unknown-stakeholder"),
        (7, 8, "unknown-stakeholder"),
        (7, 9, "bad-value"),
    ]
    assert not any("Input should" in i.message or "pydantic" in i.message for i in issues)


def test_user_text_in_a_message_is_never_read_as_a_template():
    context = RowContext(PLAN, REGISTRY, None)
    _, issues = validate_row({"date": "2023-04-02", "type": "{0} {message}", "title": "x"}, context, path="p", line=0, columns={})
    assert issues[0].message.startswith("unknown type '{0} {message}'")


@pytest.mark.parametrize("territory, code", [("CN-GD", "CN-GD"), ("belgio", "BE"), ("Assia", "DE-HE"), ("de-he", "DE-HE")])
def test_territories_resolve_to_iso_codes(territory, code):
    row = ActivityRow.model_validate({"date": "2023-04-02", "type": "meeting", "territory": territory, "title": "x"},
                                     context=RowContext(PLAN, REGISTRY))
    assert row.territory == code
