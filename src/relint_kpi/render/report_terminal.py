"""The year-end report on the terminal: rich tables, status words in colour.

Colour is used only when writing to a terminal; piped output is plain text.
Text from the plan or the data is shown literally (rich markup in a title,
such as ``[bold]``, is not interpreted).
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from relint_kpi.i18n import t
from relint_kpi.render.report_layout import NUMERIC_KINDS, Block, cell_text, cover, sections, status_key, title
from relint_kpi.report import Report

#: Rich styles of status words, readable on dark and light backgrounds.
STATUS_STYLES = {
    "achieved": "bold green",
    "on_track": "bold cyan",
    "at_risk": "bold yellow",
    "behind": "bold red",
    "done": "bold green",
    "in_progress": "bold cyan",
    "not_started": "dim",
    "overdue": "bold red",
}


def _table(block: Block, lang: str) -> Table:
    table = Table()
    for column in block.columns:
        table.add_column(Text(column.label), justify="right" if column.kind in NUMERIC_KINDS else "left", overflow="fold")
    for row in block.rows:
        cells = []
        for value, column in zip(row, block.columns):
            key = status_key(value, column.kind)
            cells.append(Text(cell_text(value, column.kind, lang), style=STATUS_STYLES.get(key or "", "")))
        table.add_row(*cells)
    return table


def print_report(report: Report, console: Console | None = None) -> None:
    """Print the report to ``console`` (stdout by default, coloured on a terminal)."""
    console = console or Console(highlight=False)
    lang = report.lang
    console.print(Text(title(report), style="bold"))
    for label, value in cover(report):
        console.print(Text.assemble((f"{label}: ", "bold"), value))
    for section in sections(report):
        console.print()
        console.rule(Text(section.title, style="bold"), align="left")
        for block in section.blocks:
            if block.title:
                console.print(Text(block.title, style="bold"))
            if block.note:
                console.print(Text(block.note, style="italic"))
            console.print(_table(block, lang) if block.rows else Text(t("report.empty", lang), style="dim"))
        for item in section.items:
            console.print(Text("• " + item))


def render_terminal(report: Report, *, width: int = 140) -> str:
    """The terminal view as plain text (no colour codes), for files and pipes."""
    buffer = io.StringIO()
    print_report(report, Console(file=buffer, width=width, force_terminal=False, color_system=None, highlight=False))
    return buffer.getvalue()


