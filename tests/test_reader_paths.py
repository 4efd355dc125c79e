"""The CSV reader's two ways through a file give one answer.

pandas' C parser reads a file whose rows are each one full line; anything
else (a quoted cell spanning lines, a row of the wrong width, a stray CR)
goes to the csv module's parser. Whatever the text, the rows (with their
lines) and the issues must be those of the csv module alone.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relint_kpi import csvio
from relint_kpi.rows import COLUMNS, REQUIRED_COLUMNS

HEADER = ["id", "date", "type", "territory", "title"]
CELL = st.one_of(
    st.sampled_from(["", " ", "a", "2023-04-02", "meeting", "SE", "x;y", "x,y", 'di "Bologna"', "riga\nnuova", "a\rb", "\x01"]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=6),
)


def quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'


def line_of(cells: list[str], delimiter: str, quote_all: bool) -> str:
    written = [quoted(c) if quote_all or any(ch in c for ch in '",;\r\n') else c for c in cells]
    return delimiter.join(written)


ROW = st.lists(CELL, min_size=len(HEADER), max_size=len(HEADER))
ODD = st.sampled_from(["", " ", ",,,,", "a,2023-04-02,meeting", "x,2023-04-02,meeting,SE,Tre,extra", '"open'])


def rows_of(table: csvio.Table) -> list[tuple[int, list[str]]]:
    if table.rows is None or isinstance(table.rows, list):
        return table.rows or []
    header = list(table.columns)
    return [(int(line), list(cells)) for line, *cells in table.rows[["line", *header]].itertuples(index=False)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    lines=st.lists(st.one_of(ROW, ODD), max_size=12),
    delimiter=st.sampled_from([",", ";"]),
    newline=st.sampled_from(["\n", "\r\n"]),
    quote_all=st.booleans(),
    final_newline=st.booleans(),
)
def test_pandas_and_csv_module_agree(tmp_path, lines, delimiter, newline, quote_all, final_newline):
    text = [delimiter.join(HEADER)]
    for line in lines:
        text.append(line_of(line, delimiter, quote_all) if isinstance(line, list) else line.replace(",", delimiter))
    path = tmp_path / "2023-Q2.csv"
    path.write_text(newline.join(text) + (newline if final_newline else ""), encoding="utf-8", newline="")
    by_pandas = csvio.read_frame(path, COLUMNS, REQUIRED_COLUMNS)
    by_csv = csvio.read_rows(path, COLUMNS, REQUIRED_COLUMNS)
    assert (rows_of(by_pandas), by_pandas.issues) == (rows_of(by_csv), by_csv.issues)


def test_a_plain_file_is_read_by_pandas(tmp_path):
    path = tmp_path / "2023-Q2.csv"
    path.write_text('id;date;type;territory;title\r\na;2023-04-02;meeting;SE;"Uno; due"\r\n\r\nb;2023-04-03;meeting;SE;Tre\r\n')
    table = csvio.read_frame(path, COLUMNS, REQUIRED_COLUMNS)
    assert not isinstance(table.rows, list)  # a DataFrame: the C parser read it
    assert rows_of(table) == [(2, ["a", "2023-04-02", "meeting", "SE", "Uno; due"]), (4, ["b", "2023-04-03", "meeting", "SE", "Tre"])]


def test_a_cell_spanning_lines_keeps_the_lines_of_the_rows_after_it(tmp_path):
    path = tmp_path / "2023-Q2.csv"
    path.write_text('id,date,type,territory,title\na,2023-04-02,meeting,SE,"riga\nnuova"\nb,2023-04-03,meeting,SE,Tre\n')
    table = csvio.read_frame(path, COLUMNS, REQUIRED_COLUMNS)
    assert rows_of(table) == [(2, ["a", "2023-04-02", "meeting", "SE", "riga\nnuova"]), (4, ["b", "2023-04-03", "meeting", "SE", "Tre"])]


import pytest  # noqa: E402

TOO_LARGE = (
    "a cell in this row is larger than 16 MiB, the most a cell may hold; "
    'if it should not be that large, a double quote (") in this row is probably not closed'
)


@pytest.mark.slow
@pytest.mark.parametrize(
    "cell",
    [
        '"' + "x" * (csvio.MAX_CELL + 1) + '"',  # quoted, on one line: pandas would read it
        '"a\nb' + "x" * csvio.MAX_CELL + '"',  # quoted, over two lines
        "x" * (csvio.MAX_CELL + 1),  # not quoted
        '"never closed\n' + "2,2023-04-03,meeting,SE,y\n" * (csvio.MAX_CELL // 25),  # the rest of the file swallowed
    ],
)
def test_a_cell_over_the_limit_is_too_large_in_both_readers(tmp_path, cell):
    path = tmp_path / "2023-Q2.csv"
    path.write_text("id,date,type,territory,title\n0,2023-04-01,meeting,SE,fine\n1,2023-04-02,meeting,SE," + cell + "\n", encoding="utf-8")
    for reader in (csvio.read_rows, csvio.read_frame):
        table = reader(path, COLUMNS, REQUIRED_COLUMNS)
        assert [(i.line, i.column, i.code, i.message) for i in table.issues] == [(3, 0, "cell-too-large", TOO_LARGE)], reader
