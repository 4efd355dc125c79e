"""The year-end report as an Excel workbook (openpyxl): one sheet per section.

Each sheet holds the section's tables: a bold title, a note, a styled header
row (frozen on single-table sheets), numbers as numbers (percentages as
fractions rounded to the ``0.0%`` shown, dates as ``dd/mm/yyyy`` dates), status
cells filled with their colour, column widths set from the content and rows
tall enough for their wrapped text.

Printing: A4, one page wide (landscape where the columns are wider than a
portrait page), the header row of a single-table sheet repeated on every page.

Safety: no cell is ever a formula. Text goes through
:func:`~relint_kpi.render.safe.neutralise_cell` and is stored as a string
cell explicitly, so ``=HYPERLINK(…)``, ``+1``, ``@SUM(A1)`` stay text.
Characters that XML 1.0, and so XLSX, cannot hold (C0 controls, U+FFFE,
U+FFFF, lone surrogates) are shown escaped (``\\x1b``): a workbook relint
writes always opens.

Reproducible: the workbook's created/modified properties are the report's
generation time and every zip entry carries a fixed date, so two exports of
the same report are byte-identical.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import textwrap

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from relint_kpi.i18n import t
from relint_kpi.render.package import restamp
from relint_kpi.render.report_layout import (
    NUMERIC_KINDS,
    STATUS_COLOURS,
    Block,
    Column,
    cell_text,
    cover_values,
    sections,
    status_key,
    title,
)
from relint_kpi.render.safe import export_cell
from relint_kpi.report import Report

HEADER_FILL = "1D4E89"
MAX_WIDTH = 60
MIN_WIDTH = 8
#: A one-table sheet too wide for a landscape page narrows its widest columns, not
#: below this width, and wraps their text, before the whole sheet is scaled down to print.
NARROW_WIDTH = 30
#: Sheets whose columns add up to more characters than this print landscape.
PORTRAIT_WIDTH = 95
#: Points per line of 11 pt text, for the height of a row of wrapped text.
LINE_HEIGHT = 15
#: Points per unit of column width (a character of 11 pt Calibri, with its padding).
POINTS_PER_WIDTH = 5.6
#: The printable area of A4 within the default margins, in points: (width, height), by landscape.
PRINTABLE = {False: (494, 734), True: (740, 487)}
#: Excel's number format of each kind of typed cell (a float in a ``number`` column shows one decimal).
_NUMBER_FORMATS = {"year": "0", "int": "#,##0", "number": "#,##0", "date": "dd/mm/yyyy", "long_date": "dd/mm/yyyy"}


def _text(value) -> str:
    # export_cell escapes what XML 1.0 cannot hold (C0 controls, U+FFFE/U+FFFF,
    # lone surrogates) before the formula check: "\x08=" stays text.
    return export_cell(str(value))


def _set_text(cell, value) -> None:
    """Store ``value`` as a plain string cell, never a formula."""
    cell.value = _text(value)
    cell.data_type = "s"


def _sheet_name(label: str, used: set[str]) -> str:
    """A valid, unique sheet name: ≤ 31 characters, none of ``[]:*?/\\``."""
    name = re.sub(r"[\[\]:*?/\\]", " ", label).strip()[:31] or "Sheet"
    base, n = name, 2
    while name in used:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(name)
    return name


class _SheetWriter:
    """Writes blocks one under another on a worksheet, tracking column widths."""

    def __init__(self, ws, lang: str):
        self.ws, self.lang, self.row = ws, lang, 1
        self.widths: dict[int, int] = {}
        self.wrapped: list[tuple[int, int, int, str]] = []  # (row, column, columns spanned, text) of wrapping cells
        self.texts: list[tuple[int, int, str]] = []  # (row, column, text) of the table cells holding text

    def _measure(self, column: int, text: str) -> None:
        self.widths[column] = max(self.widths.get(column, 0), min(len(text) + 2, MAX_WIDTH))

    def line(self, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None, span: int = 1) -> None:
        """A line of text (a title or a note); over ``span`` columns it wraps within them instead of running on."""
        cell = self.ws.cell(row=self.row, column=1)
        _set_text(cell, text)
        cell.font = Font(bold=bold, italic=italic, size=size)
        if span > 1:
            self.ws.merge_cells(start_row=self.row, start_column=1, end_row=self.row, end_column=span)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            self.wrapped.append((self.row, 1, span, text))
        self.row += 1

    def pair(self, label: str, value, kind: str) -> None:
        """A label/value line of the cover sheet (numbers and dates stay typed)."""
        first = self.ws.cell(row=self.row, column=1)
        _set_text(first, label)
        first.font = Font(bold=True)
        second = self.ws.cell(row=self.row, column=2)
        self._cell(second, value, kind)
        second.alignment = Alignment(horizontal="left")
        self._measure(1, label)
        self._measure(2, cell_text(value, kind, self.lang))
        self.row += 1

    def block(self, block: Block) -> int:
        """Write a block; return the row number of its header."""
        span = len(block.columns)
        if block.title:
            self.line(block.title, bold=True, size=12, span=span)
        if block.note:
            self.line(block.note, italic=True, span=span)
        if not block.rows:
            self.line(t("report.empty", self.lang), italic=True)
            self.row += 1
            return self.row - 2
        header_row = self.row
        for index, column in enumerate(block.columns, start=1):
            cell = self.ws.cell(row=self.row, column=index)
            _set_text(cell, column.label)
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
            cell.alignment = Alignment(horizontal="right" if column.kind in NUMERIC_KINDS else "left", wrap_text=True)
            self._measure(index, column.label)
        self.row += 1
        for values in block.rows:
            for index, (value, column) in enumerate(zip(values, block.columns), start=1):
                self._cell(self.ws.cell(row=self.row, column=index), value, column.kind)
                self._measure(index, cell_text(value, column.kind, self.lang))
            self.row += 1
        self.row += 1  # a blank row between blocks
        return header_row

    def _cell(self, cell, value, kind: str) -> None:
        if value is None or value == "":
            return
        if kind == "percent":
            cell.value = round(value / 100, 3)  # what 0.0% shows, not 0.9329999999999999
            cell.number_format = "0.0%"
        elif kind in _NUMBER_FORMATS:
            cell.value = value
            cell.number_format = "#,##0.0" if kind == "number" and not isinstance(value, int) else _NUMBER_FORMATS[kind]
        else:
            text = cell_text(value, kind, self.lang)
            _set_text(cell, text)
            self.texts.append((cell.row, cell.column, text))
            key = status_key(value, kind)
            if key in STATUS_COLOURS:
                background, colour = STATUS_COLOURS[key]
                cell.fill = PatternFill("solid", fgColor=background.lstrip("#").upper())
                cell.font = Font(bold=True, color=colour.lstrip("#").upper())

    def finish(self, header_row: int | None = None) -> None:
        """Set column widths from the widest cell, row heights from the wrapped text, and the print layout.

        ``header_row``, when given, is repeated at the top of every printed page.
        """
        widths = {column: max(width, MIN_WIDTH) for column, width in self.widths.items()}
        if header_row is not None:
            # One table, its header repeated on every page: it can grow taller; a sheet of
            # several tables keeps its widths (a narrowed one ran to pages with a header alone).
            widths = _narrowed(widths)
        for column, width in widths.items():
            self.ws.column_dimensions[get_column_letter(column)].width = width
        for row, column, text in self.texts:
            if len(text) > widths[column] - 2:
                # a long text wraps inside its column instead of running under the next one
                cell = self.ws.cell(row=row, column=column)
                cell.alignment = Alignment(horizontal=cell.alignment.horizontal, wrap_text=True, vertical="top")
                self.wrapped.append((row, column, 1, text))
        lines: dict[int, int] = {}
        for row, column, span, text in self.wrapped:
            # the columns hold about their width - 2 characters of 11 pt text on a line
            width = sum(widths.get(c, MIN_WIDTH) for c in range(column, column + span))
            count = len(textwrap.wrap(text, max(width - 2, 1), break_long_words=True))
            lines[row] = max(lines.get(row, 1), count)
        for row, count in lines.items():
            self.ws.row_dimensions[row].height = count * LINE_HEIGHT
            for cell in self.ws[row]:  # the row's other cells line up with the first line of the wrapped one
                align = cell.alignment
                cell.alignment = Alignment(horizontal=align.horizontal, wrap_text=align.wrap_text, vertical="top")
        setup = self.ws.page_setup
        setup.paperSize = self.ws.PAPERSIZE_A4
        landscape = sum(widths.values()) > PORTRAIT_WIDTH
        setup.orientation = "landscape" if landscape else "portrait"
        # one page wide, as many pages tall as it takes; a sheet a little over one page is
        # squeezed onto one rather than leaving its last rows alone on a second page
        page_width, page_height = PRINTABLE[landscape]
        scale = min(1.0, page_width / max(sum(widths.values()) * POINTS_PER_WIDTH, 1))
        height = sum(lines.get(row, 1) * LINE_HEIGHT for row in range(1, self.ws.max_row + 1)) * scale
        setup.fitToWidth, setup.fitToHeight = 1, (1 if height <= 1.3 * page_height else 0)
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        if header_row is not None:
            self.ws.print_title_rows = f"{header_row}:{header_row}"


def _narrowed(widths: dict[int, int]) -> dict[int, int]:
    """Column widths with the widest capped, down to :data:`NARROW_WIDTH`, so that the sheet fits a landscape page.

    A wide sheet is printed scaled to one page wide; wrapping its two or
    three long text columns into more lines keeps the print larger than
    shrinking every column alike.
    """
    room = PRINTABLE[True][0] / POINTS_PER_WIDTH
    cap = max(widths.values(), default=0)
    while cap > NARROW_WIDTH and sum(min(width, cap) for width in widths.values()) > room:
        cap -= 1
    return {column: min(width, cap) for column, width in widths.items()}


def render_xlsx(report: Report) -> bytes:
    """Render the report as the bytes of an ``.xlsx`` workbook."""
    lang = report.lang
    generated = dt.datetime.strptime(report.generated_at, "%Y-%m-%dT%H:%M:%SZ")
    workbook = Workbook()
    workbook.properties.creator = "relint"
    workbook.properties.title = _text(f"{title(report)} — {report.plan}")
    workbook.properties.created = generated
    workbook.properties.modified = generated
    used: set[str] = set()

    info = workbook.active
    info.title = _sheet_name(t("report.sheet.info", lang), used)
    writer = _SheetWriter(info, lang)
    writer.line(title(report), bold=True, size=14)
    writer.row += 1
    for label, value, kind in cover_values(report):
        writer.pair(label, value, kind)
    writer.finish()

    for section in sections(report):
        ws = workbook.create_sheet(_sheet_name(t(f"report.sheet.{section.key}", lang), used))
        writer = _SheetWriter(ws, lang)
        blocks = section.blocks
        if section.items:
            blocks = [Block(None, [Column("item", t("report.col.attention", lang), "text")], [[i] for i in section.items])]
        headers = [writer.block(block) for block in blocks]
        single = len(blocks) == 1 and not blocks[0].title
        if single:
            ws.freeze_panes = ws.cell(row=headers[0] + 1, column=1)
        writer.finish(headers[0] if single else None)

    buffer = io.BytesIO()
    workbook.save(buffer)
    return _reproducible(buffer.getvalue(), generated)


def _reproducible(data: bytes, generated: dt.datetime) -> bytes:
    """Rewrite the zip with fixed entry dates and the generation time as "modified".

    openpyxl stamps the save time into ``docProps/core.xml`` and every zip
    entry; both would make two exports of the same report differ.
    """
    stamp = generated.strftime("%Y-%m-%dT%H:%M:%SZ").encode()

    def modified(name: str, content: bytes) -> bytes:
        if name != "docProps/core.xml":
            return content
        return re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp + rb"\g<2>", content)

    return restamp(data, modified)
