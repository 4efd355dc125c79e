"""The reader's two ways through a file give one answer.

Lines without quotes are split directly (the plain path); a chunk with a
quote, a stray CR or a row of the wrong width goes through the CSV parser
from there on. Whatever the mix, the records and the issues (with their
lines) must be those of the CSV parser alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_actuals_fastpath import CELLS, PLAN, REGISTRY

import relint_kpi.actuals as actuals
from relint_kpi.actuals import COLUMNS, read_activities

ROW = st.fixed_dictionaries(CELLS)
# Lines that are not plain rows: each forces the CSV parser from its chunk on.
ODD_LINES = st.sampled_from(["", " ", ",,,,,,,,,", "a,2023-04-02,meeting", "x,2023-04-02,meeting,SE,Tre,,,,,,extra"])


def quoted(cells: list[str], delimiter: str) -> str:
    return delimiter.join('"' + cell.replace('"', '""') + '"' for cell in cells)


def read(path: Path, text: str):
    path.write_text(text, encoding="utf-8", newline="")
    return read_activities(path, PLAN, REGISTRY)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    lines=st.lists(st.one_of(ROW, ODD_LINES), min_size=0, max_size=30),
    delimiter=st.sampled_from([",", ";"]),
    newline=st.sampled_from(["\n", "\r\n"]),
    chunk=st.sampled_from([16, 100, 1 << 21]),
    final_newline=st.booleans(),
)
def test_plain_and_csv_paths_agree(tmp_path, monkeypatch, lines, delimiter, newline, chunk, final_newline):
    monkeypatch.setattr(actuals, "_CHUNK", chunk)
    header = delimiter.join(COLUMNS)
    plain, parsed = [header], [header]
    for line in lines:
        if isinstance(line, dict):
            cells = [line[name] for name in COLUMNS]
            plain.append(delimiter.join(cells))
            parsed.append(quoted(cells, delimiter))  # every cell quoted: only the CSV parser reads it
        else:
            line = line.replace(",", delimiter)
            plain.append(line)
            parsed.append(line)
    end = newline if final_newline else ""
    by_split = read(tmp_path / "2023-Q2.csv", newline.join(plain) + end)
    by_parser = read(tmp_path / "2023-Q2.csv", newline.join(parsed) + end)
    assert by_split == by_parser


def test_line_numbers_stay_right_across_chunks(tmp_path, monkeypatch):
    # Small chunks: the bad row sits well past the first chunk, after the
    # reader has switched to the CSV parser for a quoted cell.
    monkeypatch.setattr(actuals, "_CHUNK", 40)
    rows = [f"r{n},2023-04-02,meeting,SE,Riga {n}" for n in range(10)]
    rows[4] = 'r4,2023-04-02,meeting,SE,"Riga, con virgola"'
    rows[7] = "r7,2023-04-02,meeting,ZZ,Riga 7"
    activities, issues = read(tmp_path / "2023-Q2.csv", "id,date,type,territory,title\n" + "\n".join(rows) + "\n")
    assert [a.line for a in activities] == [2, 3, 4, 5, 6, 7, 8, 10, 11]
    assert activities[4].title == "Riga, con virgola"
    assert [(i.line, i.column, i.code) for i in issues] == [(9, 4, "unknown-territory")]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_plain_file_keeps_every_row(tmp_path, newline):
    rows = [f"r{n};0{n % 9 + 1}/04/2023;incontro;SE;Riga {n};;;;;" for n in range(50)]
    text = "id;date;type;territory;title;action;participants;stakeholders;value;notes" + newline
    activities, issues = read(tmp_path / "2023-Q2.csv", text + newline.join(rows) + newline)
    assert issues == []
    assert [a.id for a in activities] == [f"r{n}" for n in range(50)]
    assert [a.line for a in activities] == list(range(2, 52))
    assert {a.type for a in activities} == {"meeting"}
