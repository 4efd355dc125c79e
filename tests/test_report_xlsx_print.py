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
