"""The year-end report on the terminal: rich tables, status words in colour.

Colour is used only when writing to a terminal; piped output is plain text.
Text from the plan or the data is shown literally (rich markup in a title,
such as ``[bold]``, is not interpreted).
"""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from relint_kpi.i18n import t
from relint_kpi.render.console import stdout_console
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
    "not_achieved": "bold red",
}


#: Columns left out on terminals narrower than :data:`NARROW` (the title says as much).
OPTIONAL_COLUMNS = frozenset({"unit", "action_territory", "timing", "deliverable", "reason"})
NARROW = 120


def _narrow(block: Block) -> Block:
    keep = [i for i, column in enumerate(block.columns) if column.key not in OPTIONAL_COLUMNS]
    return Block(block.title, [block.columns[i] for i in keep], [[row[i] for i in keep] for row in block.rows], block.note)


def _table(block: Block, lang: str, width: int) -> Table:
    if width < NARROW:
        block = _narrow(block)
    texts = [[cell_text(value, column.kind, lang) for value, column in zip(row, block.columns)] for row in block.rows]
    # horizontal rules only: nine columns still fit an 80-column terminal
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
    for index, column in enumerate(block.columns):
        widest = max((len(row[index]) for row in texts), default=0)
        if column.kind in ("status", "action_status"):
            # a status of two words ("non raggiunto") may wrap between them, never inside one
            longest = max((len(w) for row in texts for w in row[index].split()), default=0)
            table.add_column(Text(column.label), min_width=max(longest, len(column.label)), max_width=widest, overflow="fold")
        elif column.kind in NUMERIC_KINDS or column.kind in ("date", "bool"):
            # short cells never fold (a figure cut in two misleads); headings may wrap
            justify = "right" if column.kind in NUMERIC_KINDS else "left"
            word = max((len(w) for w in column.label.split()), default=0)
            table.add_column(Text(column.label), justify=justify, min_width=widest, max_width=max(widest, word), overflow="fold")
        else:
            table.add_column(Text(column.label), overflow="fold", min_width=min(widest, 10))
    for values, row in zip(block.rows, texts):
        cells = []
        for value, text, column in zip(values, row, block.columns):
            key = status_key(value, column.kind)
            cells.append(Text(text, style=STATUS_STYLES.get(key or "", "")))
        table.add_row(*cells)
    return table


def print_report(report: Report, console: Console | None = None) -> None:
    """Print the report to ``console`` (stdout by default, coloured on a terminal)."""
    if console is None:
        console = stdout_console(piped_width=160, highlight=False)
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
            console.print(_table(block, lang, console.width) if block.rows else Text(t("report.empty", lang), style="dim"))
            if console.width < NARROW:
                _reasons(console, block, lang)
        for item in section.items:
            console.print(Text("• " + item))


def _reasons(console: Console, block: Block, lang: str) -> None:
    """On a narrow terminal the notes' column is left out: print each note under the table, after its row's name."""
    at = next((i for i, column in enumerate(block.columns) if column.key == "reason"), None)
    notes = [(row[0], row[at]) for row in block.rows if at is not None and row[at]]
    if not notes:
        return
    console.print(Text(t("report.reasons", lang), style="bold"))
    for name, note in notes:
        console.print(Text.assemble("• ", (f"{name}: ", "bold"), note))


def render_terminal(report: Report, *, width: int = 140) -> str:
    """The terminal view as plain text (no colour codes), for files and pipes."""
    buffer = io.StringIO()
    print_report(report, Console(file=buffer, width=width, force_terminal=False, color_system=None, highlight=False))
    return buffer.getvalue()


