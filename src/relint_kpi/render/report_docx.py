"""The year-end report as an editable Word document (python-docx).

The office drafts the *Relazione* in a word processor before it goes out,
so this is the same report as the HTML and the PDF, built from the same
layout (:func:`~relint_kpi.render.report_layout.sections`), in Word's own
terms: the title in the "Title" style, sections and tables under "Heading 1"
and "Heading 2" (so Word's navigation pane and table of contents see them),
notes in italics, every table a real Word table (header row repeated on
each page, rows never split across pages, numbers right-aligned, status
cells shaded in their colour), the attention points as a bulleted list.

The two charts are the HTML report's SVG drawings rasterised to PNG by
CairoSVG at twice their size, with their caption as alternative text: the
picture is the very chart of the HTML and the PDF.

A4, a running header (plan and report title) and "pagina 3 di 9" in the
footer as Word fields. Reproducible: the document's dates are the report's
generation time and every zip entry carries a fixed date.
"""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from relint_kpi.i18n import t
from relint_kpi.render.package import restamp
from relint_kpi.render.report_html import group_chart, indicator_chart
from relint_kpi.render.report_layout import (
    NUMERIC_KINDS,
    STATUS_COLOURS,
    Block,
    cell_text,
    cover,
    footer,
    page_of,
    sections,
    status_key,
    title,
)
from relint_kpi.render.safe import xml_text
from relint_kpi.report import Report

#: Width of the text on an A4 page with 2 cm margins.
TEXT_WIDTH = Cm(17)
HEADER_FILL = "1D4E89"
#: A text column's share of the spare width grows with its average text up to this many characters.
MAX_WEIGHT = 60
#: The body font: Word has it everywhere, LibreOffice shows it as Liberation Sans or DejaVu Sans.
FONT = "Arial"
#: Points per character of 8.5 pt table text and of 7.5 pt bold headers (a little over the average).
CHAR_WIDTH, HEADER_CHAR_WIDTH = 4.9, 4.6
#: A cell's left and right margin, in twentieths of a point (0.1 cm), and both together in points.
CELL_MARGIN = 57
CELL_PADDING = 2 * CELL_MARGIN / 20 + 2

def _clean(value) -> str:
    # a .docx is XML: python-docx refuses the characters XML 1.0 cannot hold
    return xml_text(str(value))


def _shade(cell, colour: str) -> None:
    """Fill a table cell with ``colour`` (``RRGGBB``)."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _row_flag(row, name: str) -> None:
    """Set an on/off property of a table row (``w:tblHeader``, ``w:cantSplit``)."""
    flag = OxmlElement(name)
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _write(cell, text: str, *, bold: bool = False, colour: str | None = None, right: bool = False, size: float = 8.5):
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    if right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run(_clean(text))
    run.font.size = Pt(size)
    run.bold = bold
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)
    return paragraph


def _cell_margins(table) -> None:
    """Narrow left and right cell margins (:data:`CELL_MARGIN`), so numbers fit their columns."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(CELL_MARGIN))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table._tbl.tblPr.append(margins)


def _widths(block: Block, shown, lang: str) -> list[int]:
    """Column widths (EMU): numbers, dates and statuses get what they need on one line,
    text columns share the rest by their average length (up to :data:`MAX_WEIGHT` characters)."""
    needs, weights = [], []
    for index, column in shown:
        word = max((len(w) for w in column.label.split()), default=1) * HEADER_CHAR_WIDTH
        lengths = [len(cell_text(row[index], column.kind, lang)) for row in block.rows] or [1]
        if column.kind == "text":
            needs.append(Pt(word + CELL_PADDING))
            weights.append(min(sum(lengths) / len(lengths), MAX_WEIGHT))
        else:
            needs.append(Pt(max((max(lengths) + 1) * CHAR_WIDTH, word) + CELL_PADDING))
            weights.append(0)
    spare = max(TEXT_WIDTH - sum(needs), 0)
    total = sum(weights) or 1
    return [int(need + spare * weight / total) for need, weight in zip(needs, weights)]


def _table(document, block: Block, lang: str) -> None:
    # as in the HTML: the office's note goes on a full-width row under its row, not in a narrow column
    shown = [(i, c) for i, c in enumerate(block.columns) if c.key != "reason"]
    reason_at = next((i for i, c in enumerate(block.columns) if c.key == "reason"), None)
    table = document.add_table(rows=1, cols=len(shown))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _cell_margins(table)
    widths = _widths(block, shown, lang)
    header = table.rows[0]
    _row_flag(header, "w:tblHeader")
    for cell, (_, column) in zip(header.cells, shown):
        _write(cell, column.label, bold=True, colour="FFFFFF", right=column.kind in NUMERIC_KINDS, size=7.5)
        _shade(cell, HEADER_FILL)
    for cell, width in zip(header.cells, widths):
        cell.width = width
    for values in block.rows:
        row = table.add_row()
        for cell, width, (index, column) in zip(row.cells, widths, shown):
            cell.width = width
            value = values[index]
            key = status_key(value, column.kind)
            if key in STATUS_COLOURS:
                background, colour = STATUS_COLOURS[key]
                _write(cell, cell_text(value, column.kind, lang), bold=True, colour=colour.lstrip("#").upper())
                _shade(cell, background.lstrip("#").upper())
            else:
                _write(cell, cell_text(value, column.kind, lang), right=column.kind in NUMERIC_KINDS)
        if reason_at is not None and values[reason_at]:
            for cell in row.cells:  # the note stays on the page of its row
                cell.paragraphs[0].paragraph_format.keep_with_next = True
            note = table.add_row().cells
            merged = note[0].merge(note[-1])
            merged.width = sum(widths)
            paragraph = _write(merged, f"{block.columns[reason_at].label}: ", bold=True, colour="52606D", size=8)
            run = paragraph.add_run(_clean(values[reason_at]))
            run.font.size = Pt(8)
            _shade(merged, "FFFDF3")
    for row in table.rows:
        _row_flag(row, "w:cantSplit")
    for column, width in zip(table.columns, widths):
        column.width = width
    document.add_paragraph()


def _block(document, block: Block, lang: str) -> None:
    if block.title:
        document.add_heading(_clean(block.title), level=2)
    if block.note:
        document.add_paragraph().add_run(_clean(block.note)).italic = True
    if not block.rows:
        document.add_paragraph().add_run(t("report.empty", lang)).italic = True
        return
    _table(document, block, lang)


def chart_png(svg: str) -> bytes:
    """A chart's SVG drawing as PNG at twice its size (CairoSVG; no browser)."""
    # Imported here: only a Word export draws pictures.
    import cairosvg

    return cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=2, background_color="white")


def _chart(document, caption: str, svg: str) -> None:
    document.add_paragraph(_clean(caption), style="Caption")
    document.add_picture(io.BytesIO(chart_png(svg)), width=TEXT_WIDTH)
    picture = document.inline_shapes[-1]._inline
    picture.docPr.set("descr", _clean(caption))  # the alternative text a screen reader reads


def _field(paragraph, code: str) -> None:
    """A Word field (``PAGE``, ``NUMPAGES``) in ``paragraph``, shown as 1 until Word updates it."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), code)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _page_furniture(section, report: Report) -> None:
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.orientation = WD_ORIENT.PORTRAIT
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)
    section.different_first_page_header_footer = True
    head = section.header.paragraphs[0]
    head.text = ""
    run = head.add_run(_clean(f"{report.plan} — {title(report)}"))
    run.font.size = Pt(8)
    run.font.color.rgb = RGBColor(0x52, 0x60, 0x6D)
    for page_footer in (section.footer, section.first_page_footer):
        paragraph = page_footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for piece in page_of(report.lang):
            if piece == "{page}":
                _field(paragraph, "PAGE")
            elif piece == "{pages}":
                _field(paragraph, "NUMPAGES")
            else:
                paragraph.add_run(piece)


def render_docx(report: Report) -> bytes:
    """Render the report as the bytes of a ``.docx`` document."""
    lang = report.lang
    heading = title(report)
    document = Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(10)
    normal.font.name = FONT
    _page_furniture(document.sections[0], report)

    generated = dt.datetime.strptime(report.generated_at, "%Y-%m-%dT%H:%M:%SZ")
    properties = document.core_properties
    properties.title = _clean(f"{heading} — {report.plan}")
    properties.author = _clean(report.office or "relint")
    properties.last_modified_by = "relint"
    properties.language = lang
    properties.created = properties.modified = generated
    properties.revision = 1

    document.add_heading(_clean(heading), level=0)
    info = document.add_table(rows=0, cols=2)
    for label, value in cover(report):
        cells = info.add_row().cells
        _write(cells[0], label, bold=True, size=10)
        _write(cells[1], value, size=10)
    for section in sections(report):
        heading_1 = document.add_heading(_clean(section.title), level=1)
        if section.key == "annex":  # the annex starts on a page of its own, as in print
            heading_1.paragraph_format.page_break_before = True
        if section.key == "headline":
            _chart(document, t("report.chart.indicators", lang), indicator_chart(report))
        if section.key == "activity":
            _chart(document, t("report.chart.groups", lang), group_chart(report))
        for block in section.blocks:
            _block(document, block, lang)
        for item in section.items:
            document.add_paragraph(_clean(item), style="List Bullet")
    closing = document.add_paragraph().add_run(_clean(footer(report)))
    closing.font.size = Pt(8)
    closing.font.color.rgb = RGBColor(0x7B, 0x87, 0x94)

    buffer = io.BytesIO()
    document.save(buffer)
    return restamp(buffer.getvalue())
