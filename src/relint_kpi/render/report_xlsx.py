"""The year-end report as an Excel workbook (openpyxl): one sheet per section.

Each sheet holds the section's tables: a bold title, a note, a styled header
row (frozen on single-table sheets), numbers as numbers (percentages as
fractions with a ``0.0%`` format, dates as dates), status cells filled with
their colour, column widths set from the content.

Safety: no cell is ever a formula. Text goes through
:func:`~relint_kpi.render.safe.neutralise_cell` and is stored as a string
cell explicitly, so ``=HYPERLINK(…)``, ``+1``, ``@SUM(A1)`` stay text.
Control characters that the XLSX format cannot hold are dropped.

Reproducible: the workbook's created/modified properties are the report's
generation time and every zip entry carries a fixed date, so two exports of
the same report are byte-identical.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from relint_kpi.i18n import t
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
from relint_kpi.render.safe import neutralise_cell
from relint_kpi.report import Report

#: Date stamped on every zip entry (the zip format's earliest), for reproducible bytes.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

HEADER_FILL = "1D4E89"
MAX_WIDTH = 60
MIN_WIDTH = 8

#: Characters XML 1.0 (and so XLSX) cannot hold; openpyxl refuses them.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _text(value) -> str:
    # Illegal characters go first: "\x08=" stripped after the check would leave "=".
    return neutralise_cell(_ILLEGAL.sub("", str(value)))


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
        self.Alignment, self.Font, self.PatternFill = Alignment, Font, PatternFill

    def _measure(self, column: int, text: str) -> None:
        self.widths[column] = max(self.widths.get(column, 0), min(len(text) + 2, MAX_WIDTH))

    def line(self, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None) -> None:
        """A single-cell line of text (a title or a note)."""
        cell = self.ws.cell(row=self.row, column=1)
        _set_text(cell, text)
        cell.font = self.Font(bold=bold, italic=italic, size=size)
        self.row += 1

    def pair(self, label: str, value, kind: str) -> None:
        """A label/value line of the cover sheet (numbers and dates stay typed)."""
        first = self.ws.cell(row=self.row, column=1)
        _set_text(first, label)
        first.font = self.Font(bold=True)
        second = self.ws.cell(row=self.row, column=2)
        self._cell(second, value, kind)
        second.alignment = self.Alignment(horizontal="left")
        self._measure(1, label)
        self._measure(2, cell_text(value, kind, self.lang))
        self.row += 1

    def block(self, block: Block) -> int:
        """Write a block; return the row number of its header."""
        if block.title:
            self.line(block.title, bold=True, size=12)
        if block.note:
            self.line(block.note, italic=True)
        if not block.rows:
            self.line(t("report.empty", self.lang), italic=True)
            self.row += 1
            return self.row - 2
        header_row = self.row
        for index, column in enumerate(block.columns, start=1):
            cell = self.ws.cell(row=self.row, column=index)
            _set_text(cell, column.label)
            cell.font = self.Font(bold=True, color="FFFFFF")
            cell.fill = self.PatternFill("solid", fgColor=HEADER_FILL)
            cell.alignment = self.Alignment(horizontal="right" if column.kind in NUMERIC_KINDS else "left", wrap_text=True)
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
            cell.value = value / 100
            cell.number_format = "0.0%"
        elif kind == "year":
            cell.value = value
            cell.number_format = "0"
        elif kind == "int":
            cell.value = value
            cell.number_format = "#,##0"
        elif kind == "number":
            cell.value = value
            cell.number_format = "#,##0" if isinstance(value, int) else "#,##0.0"
        elif kind in ("date", "long_date"):
            cell.value = value
            cell.number_format = "dd/mm/yyyy"
        else:
            text = cell_text(value, kind, self.lang)
            _set_text(cell, text)
            if len(text) > MAX_WIDTH:
                # a long title wraps inside its column instead of running under the next one
                cell.alignment = self.Alignment(wrap_text=True, vertical="top")
            key = status_key(value, kind)
            if key in STATUS_COLOURS:
                background, colour = STATUS_COLOURS[key]
                cell.fill = self.PatternFill("solid", fgColor=background.lstrip("#").upper())
                cell.font = self.Font(bold=True, color=colour.lstrip("#").upper())

    def finish(self) -> None:
        """Set column widths from the widest cell of each column."""
        for column, width in self.widths.items():
            self.ws.column_dimensions[get_column_letter(column)].width = max(width, MIN_WIDTH)


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
        if len(blocks) == 1 and not blocks[0].title:
            ws.freeze_panes = ws.cell(row=headers[0] + 1, column=1)
        writer.finish()

    buffer = io.BytesIO()
    workbook.save(buffer)
    return _reproducible(buffer.getvalue(), generated)


def _reproducible(data: bytes, generated: dt.datetime) -> bytes:
    """Rewrite the zip with fixed entry dates and the generation time as "modified".

    openpyxl stamps the save time into ``docProps/core.xml`` and every zip
    entry; both would make two exports of the same report differ.
    """
    stamp = generated.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp + rb"\g<2>", content
                )
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, content)
    return out.getvalue()
