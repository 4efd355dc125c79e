"""The reader's fast path accepts exactly the rows check_activity accepts, with equal records."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from relint_kpi.actuals import COLUMNS, _FastPath, _Table, check_activity
from relint_kpi.plan import load_plan
from relint_kpi.records import Stakeholder

PLAN, _ = load_plan(Path(__file__).parent / "fixtures" / "mini_plan.yaml")

CELLS = {
    "id": st.sampled_from(["", "a1", " 007 ", "NA"]),
    "date": st.sampled_from(["2023-04-02", "02/04/2023", " 2023-06-30", "2023-07-01", "2021-04-02", "2023-02-30", "", "x"]),
    "type": st.sampled_from(["meeting", "Incontro", "delegazione", "pageviews", "delegaton", "", " note "]),
    "territory": st.sampled_from(["SE", "se", "Assia", "CN-GD", "ZZ", "", " BE "]),
    "title": st.sampled_from(["Titolo", "", "  ", "=SUM(A1)"]),
    "action": st.sampled_from(["", "a1", "nope"]),
    "participants": st.sampled_from(["", "0", "12", "5.000", "-1", "1.5", "007"]),
    "stakeholders": st.sampled_from(["", "Ateneo", "ateneo", "Ateneo|Ateneo", "Ateneo| Comune ", "Nessuno", "|"]),
    "value": st.sampled_from(["", "1", "0", "3", "5.000", "x"]),
    "notes": st.sampled_from(["", " nota "]),
}
REGISTRY = {
    "Ateneo": Stakeholder("s.csv", 2, "Ateneo", False, "university", None),
    "Comune": Stakeholder("s.csv", 3, "Comune", True, "local_authority", None),
}


@settings(max_examples=400, deadline=None)
@given(st.fixed_dictionaries(CELLS), st.sampled_from([",", ";"]))
def test_fast_path_agrees_with_full_check(row, delimiter):
    table = _Table(Path("2023-Q2.csv"), "2023-Q2.csv", delimiter=delimiter)
    table.columns = {name: index for index, name in enumerate(COLUMNS, start=1)}
    fast = _FastPath(PLAN, REGISTRY, table, (2023, 2))
    cells = [row[name] for name in COLUMNS]
    quick = fast.check(cells, 7)
    full, issues = check_activity(
        row, PLAN, REGISTRY, path="2023-Q2.csv", line=7, quarter=(2023, 2), columns=table.columns, delimiter=delimiter
    )
    if quick is not None:
        assert issues == []
        assert quick == full
