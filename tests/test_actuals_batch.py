"""The reader's column-at-a-time check gives exactly the row-at-a-time fast path's answers.

The row-at-a-time path is itself held to check_activity by test_actuals_fastpath.py,
so the batch path accepts exactly the rows the full check accepts.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from test_actuals_fastpath import CELLS, PLAN, REGISTRY

from relint_kpi.actuals import COLUMNS, MAX_ISSUES, REQUIRED_COLUMNS, _FastPath, _Table, read_activities

ROW = st.fixed_dictionaries(CELLS)


def fast_path(columns: list[str]) -> _FastPath:
    table = _Table(Path("2023-Q2.csv"), "2023-Q2.csv")
    table.columns = {name: index for index, name in enumerate(columns, start=1)}
    return _FastPath(PLAN, REGISTRY, table, (2023, 2))


@settings(max_examples=300, deadline=None)
@given(st.lists(ROW, min_size=1, max_size=25), st.sets(st.sampled_from([c for c in COLUMNS if c not in REQUIRED_COLUMNS])))
def test_batch_agrees_with_row_by_row(rows, left_out):
    # Optional columns left out of the header too: their cells read as empty.
    columns = [name for name in COLUMNS if name not in left_out]
    fast = fast_path(columns)
    batch = [(line, [row[name] for name in columns]) for line, row in enumerate(rows, start=2)]
    assert fast.check_many([line for line, _ in batch], [cells for _, cells in batch]) == [fast.check(cells, line) for line, cells in batch]


def test_issues_keep_the_order_of_the_lines(tmp_path, mini_plan):
    # Line 3 has a bad territory (found by the row check), line 4 one cell too
    # many (found by the CSV reader), line 5 a bad date.
    path = tmp_path / "2023-Q2.csv"
    path.write_text(
        "id,date,type,territory,title\n"
        "a,2023-04-02,meeting,SE,Uno\n"
        "b,2023-04-02,meeting,ZZ,Due\n"
        "c,2023-04-02,meeting,SE,Tre,extra\n"
        "d,2023-02-30,meeting,SE,Quattro\n"
        "e,2023-04-03,meeting,SE,Cinque\n",
        encoding="utf-8",
    )
    activities, issues = read_activities(path, mini_plan, {})
    assert [a.id for a in activities] == ["a", "e"]
    assert [(i.line, i.code) for i in issues] == [(3, "unknown-territory"), (4, "row-length"), (5, "bad-date")]


def test_the_issue_cap_holds_across_batches(tmp_path, mini_plan, monkeypatch):
    import relint_kpi.actuals as actuals

    monkeypatch.setattr(actuals, "_BATCH", 7)
    rows = []
    for n in range(MAX_ISSUES + 20):
        rows.append(f"x{n},2023-04-02,meeting,ZZ,T" if n % 2 else f"x{n},2023-04-02,meeting,SE,T,extra")
    path = tmp_path / "2023-Q2.csv"
    path.write_text("id,date,type,territory,title\n" + "\n".join(rows) + "\n", encoding="utf-8")
    _, issues = read_activities(path, mini_plan, {})
    assert len(issues) == MAX_ISSUES + 1
    assert [i.line for i in issues[:MAX_ISSUES]] == list(range(2, MAX_ISSUES + 2))
    assert [i.code for i in issues[:4]] == ["row-length", "unknown-territory", "row-length", "unknown-territory"]
    assert (issues[-1].line, issues[-1].code) == (MAX_ISSUES + 2, "too-many-issues")
