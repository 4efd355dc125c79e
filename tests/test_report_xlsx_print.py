"""The XLSX report prints: A4, one page wide, header rows repeated, rows tall enough
for their wrapped text, ``dd/mm/yyyy`` dates, percentages stored as shown; and the
shipped data's workbook converted to PDF by LibreOffice fits in a few pages
(it took 32 portrait pages with columns split across them before)."""

from __future__ import annotations

import io
import textwrap

import pytest
from openpyxl import load_workbook
from test_report_docx import SOFFICE, soffice_to_pdf
from test_report_pdf import _shipped_report


@pytest.fixture(scope="module")
def shipped_xlsx() -> bytes:
    """The shipped data's 2023 report in Italian as an XLSX workbook."""
    from relint_kpi.render.report_xlsx import render_xlsx

    return render_xlsx(_shipped_report("it"))


def test_every_sheet_prints_a4_one_page_wide(shipped_xlsx):
    wb = load_workbook(io.BytesIO(shipped_xlsx))
    for ws in wb.worksheets:
        assert ws.page_setup.paperSize == 9, ws.title  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert ws.page_setup.fitToWidth == 1, ws.title
    orientation = {ws.title: ws.page_setup.orientation for ws in wb.worksheets}
    assert orientation["Relazione"] == "portrait" and orientation["Azioni"] == "landscape"
    # single-table sheets repeat their header row on every printed page
    assert wb["Azioni"].print_title_rows == "$1:$1"
    assert wb["Sintesi"].print_title_rows == "$1:$1"


def test_wrapped_text_has_room_and_dates_and_percentages_are_as_shown(shipped_xlsx):
    wb = load_workbook(io.BytesIO(shipped_xlsx))
    actions = wb["Azioni"]
    headers = [c.value for c in actions[1]]
    column = headers.index("Azione")
    width = actions.column_dimensions["ABCDEFGH"[column]].width
    wrapped = 0
    for row in actions.iter_rows(min_row=2):
        title = row[column]
        if title.alignment.wrap_text:
            wrapped += 1
            lines = len(textwrap.wrap(title.value, int(width) - 2))
            assert actions.row_dimensions[title.row].height >= 15 * lines, title.value
        date = row[headers.index("Data deliverable")]
        if date.value is not None:
            assert date.number_format == "dd/mm/yyyy"
    assert wrapped >= 5
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.number_format == "0.0%" and cell.value is not None:
                    assert cell.value == round(cell.value, 3) and len(repr(cell.value)) <= 6, (ws.title, cell.coordinate)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (apt-get install libreoffice-calc-nogui; .ci/run installs it)")
def test_xlsx_prints_in_few_pages_with_libreoffice(shipped_xlsx, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    source = tmp_path / "report.xlsx"
    source.write_bytes(shipped_xlsx)
    run, pdf = soffice_to_pdf(source, tmp_path)
    assert run.returncode == 0, run.stderr
    pages = pypdf.PdfReader(pdf).pages
    assert len(pages) <= 14  # 8 for the report's sections, 4 for the annex of indicator sheets
    landscape = [p for p in pages if p.mediabox.width > p.mediabox.height]
    assert landscape, "the wide sheets print landscape"
    for page in pages:
        assert {round(float(min(page.mediabox.width, page.mediabox.height))), round(float(max(page.mediabox.width, page.mediabox.height)))} == {595, 842}
    # the actions sheet: every column on one page, so the last column's heading shows beside the first
    text = [p.extract_text() for p in pages]
    action_page = next(t for t in text if "Tempistica" in t)
    assert "Stato" in action_page and "Azione" in action_page


def test_a_wide_one_table_sheet_narrows_its_long_text_columns_before_it_is_scaled():
    from relint_kpi.render.report_xlsx import _narrowed

    # A landscape page holds 740 pt, 132 widths of 5.6 pt.
    assert _narrowed({1: 60, 2: 60, 3: 20}) == {1: 56, 2: 56, 3: 20}
    assert _narrowed({1: 60, 2: 60, 3: 60, 4: 60}) == {1: 33, 2: 33, 3: 33, 4: 33}
    assert _narrowed({column: 60 for column in range(6)}) == {column: 30 for column in range(6)}  # never under 30
    assert _narrowed({1: 60, 2: 40}) == {1: 60, 2: 40}  # fits: kept


def test_the_headline_sheet_prints_at_a_readable_size_and_wraps_what_its_columns_cannot_hold(shipped_xlsx):
    wb = load_workbook(io.BytesIO(shipped_xlsx))
    headline = wb["Sintesi"]
    widths = {letter: dimension.width for letter, dimension in headline.column_dimensions.items()}
    assert (widths["A"], widths["J"]) == (30, 30)  # Indicatore and Motivazione, 60 each before
    assert 740 / (sum(widths.values()) * 5.6) >= 0.84  # the print's scale (0.61 before)
    for row in headline.iter_rows(min_row=2):
        title = row[0]
        if title.value and len(title.value) > 28:
            assert title.alignment.wrap_text, title.value
            assert headline.row_dimensions[title.row].height >= 15 * len(textwrap.wrap(title.value, 28)), title.value
    # A sheet of several tables keeps its widths: narrowed, its tables ran to pages of their own.
    assert max(d.width for d in wb["Criteri"].column_dimensions.values()) == 60
