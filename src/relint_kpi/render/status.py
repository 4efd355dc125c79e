"""Renderers of the status table (``relint status``): table, json, csv, md.

One computed :class:`~relint_kpi.progress.StatusTable`, many outputs,
chosen by name through :data:`STATUS_RENDERERS`. Each renderer returns the
text to print, except ``table`` which prints with rich.
"""

from __future__ import annotations

import csv
import io
import json

from rich.table import Table

from relint_kpi.i18n import t
from relint_kpi.progress import ExplainRow, IndicatorStatus, StatusTable
from relint_kpi.render.console import stdout_console
from relint_kpi.render.formatting import format_number
from relint_kpi.render.report_markdown import escape_md
from relint_kpi.render.safe import neutralise_cell

#: Colours readable on dark and light terminals; the status word is always
#: printed too, so meaning never depends on colour.
STATUS_STYLES = {"achieved": "bold green", "on_track": "green", "at_risk": "bold yellow", "behind": "bold red"}

COLUMNS = (
    "target",
    "actual",
    "percent",
    "expected_to_date",
    "projected",
    "remaining",
    "required_per_quarter",
)


def _localised(value: float, lang: str) -> str:
    """A figure as readers expect it: whole numbers without decimals, others with one."""
    return format_number(value, lang, 0 if float(value).is_integer() else 1)


def _title(table: StatusTable) -> str:
    return f"{table.plan} — {t('status.year', table.lang)} {table.year}, {t('status.as_of', table.lang)} {table.as_of.isoformat()}"



def render_table(table: StatusTable, console=None) -> None:
    """Print the status as a rich table (no colour codes when not a terminal)."""
    console = console or stdout_console()
    lang = table.lang
    grid = Table(title=_title(table), title_justify="left", header_style="bold")
    grid.add_column(t("status.indicator", lang), max_width=40)
    for column in COLUMNS:
        grid.add_column(t(f"status.col.{column}", lang), justify="right", no_wrap=True)
    grid.add_column(t("status.col.status", lang), no_wrap=True)
    for row in table.indicators:
        values = [_localised(getattr(row, c), lang) + ("%" if c == "percent" else "") for c in COLUMNS]
        grid.add_row(row.title, *values, f"[{STATUS_STYLES[row.status]}]{t('status.' + row.status, lang)}[/]")
        for part in row.breakdown or []:
            grid.add_row(f"  · {part.label}", "", _localised(part.actual, lang), *[""] * (len(COLUMNS) - 1))
    console.print(grid)
    console.print(t("status.legend", lang), style="dim")


def to_dict(table: StatusTable) -> dict:
    """The documented JSON structure of ``relint status --format json``."""
    indicators = []
    for row in table.indicators:
        item = {
            "id": row.id,
            "title": row.title,
            "unit": row.unit,
            "basis": row.basis,
            "target": row.target,
            "actual": row.actual,
            "percent": row.percent,
            "expected_to_date": row.expected_to_date,
            "projected": row.projected,
            "remaining": row.remaining,
            "required_per_quarter": row.required_per_quarter,
            "status": row.status,
        }
        if table.by is not None:
            item["breakdown"] = (
                None
                if row.breakdown is None
                else [{"key": b.key, "label": b.label, "actual": b.actual} for b in row.breakdown]
            )
        indicators.append(item)
    return {"plan": table.plan, "year": table.year, "as_of": table.as_of.isoformat(), "indicators": indicators}


def render_json(table: StatusTable) -> str:
    """JSON text, stable key order, UTF-8 characters kept."""
    return json.dumps(to_dict(table), ensure_ascii=False, indent=2) + "\n"


def _csv_rows(table: StatusTable) -> list[list]:
    header = ["id", "title", "unit", "basis", *COLUMNS, "status"]
    if table.by is not None:
        header += ["breakdown_key", "breakdown_label", "breakdown_actual"]
    rows: list[list] = [header]
    for row in table.indicators:
        base = [row.id, row.title, row.unit, row.basis, *[getattr(row, c) for c in COLUMNS], row.status]
        if table.by is None:
            rows.append(base)
            continue
        rows.append(base + ["", "", ""])
        for part in row.breakdown or []:
            rows.append(base + [part.key, part.label, part.actual])
    return rows


def render_csv(table: StatusTable) -> str:
    """CSV: one row per indicator (and per breakdown key); text cells neutralised."""
    buffer = io.StringIO()
    # CRLF as RFC 4180 says: it also makes the csv module quote a bare CR in a title.
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in _csv_rows(table):
        writer.writerow([neutralise_cell(cell) for cell in row])
    return buffer.getvalue()


def _md_cell(value) -> str:
    return escape_md(str(value))


def render_markdown(table: StatusTable) -> str:
    """A Markdown table with a heading, for wikis and e-mails."""
    lang = table.lang
    heads = [t("status.indicator", lang), *[t(f"status.col.{c}", lang) for c in COLUMNS], t("status.col.status", lang)]
    lines = [f"## {_md_cell(_title(table))}", "", "| " + " | ".join(heads) + " |", "|" + "---|" + "---:|" * len(COLUMNS) + "---|"]
    for row in table.indicators:
        values = [_localised(getattr(row, c), lang) + ("%" if c == "percent" else "") for c in COLUMNS]
        lines.append("| " + " | ".join([_md_cell(row.title), *values, t("status." + row.status, lang)]) + " |")
        for part in row.breakdown or []:
            lines.append("| " + " | ".join([f"· {_md_cell(part.label)}", "", _localised(part.actual, lang)] + [""] * (len(COLUMNS) - 1)) + " |")
    return "\n".join(lines) + "\n"


STATUS_RENDERERS = {"json": render_json, "csv": render_csv, "md": render_markdown}


def render_explain(rows: list[ExplainRow], indicator: IndicatorStatus | None, lang: str, console=None) -> None:
    """Print the rows behind a figure as ``file:line  id  date  amount  title``."""
    console = console or stdout_console()
    grid = Table(header_style="bold", title=indicator.title if indicator else None, title_justify="left")
    for key in ("explain.where", "explain.id", "explain.date", "explain.amount", "explain.title"):
        grid.add_column(t(key, lang), justify="right" if key == "explain.amount" else "left")
    for row in rows:
        grid.add_row(f"{row.path}:{row.line}", row.id, row.date.isoformat(), str(row.contribution), row.title)
    console.print(grid)
    total = sum(r.contribution for r in rows)
    console.print(f"{t('explain.total', lang)}: {total} ({len(rows)} {t('explain.rows', lang)})")
