"""Renderers of the status table (``relint status``): table, json, csv, md.

One computed :class:`~relint_kpi.progress.StatusTable`, many outputs,
chosen by name through :data:`STATUS_RENDERERS`. Each renderer returns the
text to print, except ``table`` which prints with rich.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

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



#: Columns left out, in this order, when the terminal is too narrow for all
#: of them; the indicator name is never left out, the status word last of all.
DROP_ORDER = (
    "required_per_quarter",
    "remaining",
    "projected",
    "expected_to_date",
    "percent",
    "target",
    "actual",
    "status",
)

#: The narrowest the indicator column gets before more columns are dropped.
NAME_MIN_WIDTH = 20
#: The widest the indicator column gets; longer names wrap.
NAME_MAX_WIDTH = 40


def figure_cells(row: IndicatorStatus, lang: str) -> dict[str, str]:
    """The text of each figure of a status row: levels by their labels, a percentage with its counts, a projection with its forecast."""
    cells = {c: "—" if getattr(row, c) is None else _localised(getattr(row, c), lang) for c in COLUMNS}
    if row.percent is not None:
        cells["percent"] += "%"
    if row.measure == "qualitative":
        cells.update(target=row.target_level or "—", actual=row.level or "—", projected=row.level or "—")
        cells.update(expected_to_date="—", remaining="—", required_per_quarter="—")
    elif row.measure == "percentage":
        for key in ("target", "actual", "expected_to_date", "projected"):
            if getattr(row, key) is not None:
                cells[key] += " %"
        if row.denominator:
            cells["actual"] += f" ({_localised(row.numerator, lang)}/{_localised(row.denominator, lang)})"
    if row.forecast is not None:
        cells["projected"] = forecast_text(row, lang)
    return cells


def forecast_text(row: IndicatorStatus, lang: str) -> str:
    """``14 (11–17), 38 %``: the projection, the forecast interval and the chance of reaching the target."""
    found = row.forecast
    probability = format_number(found.probability * 100, lang, 0)
    return f"{_localised(row.projected, lang)} ({_localised(found.low, lang)}–{_localised(found.high, lang)}), {probability} %"


def _baseline_text(row: IndicatorStatus, lang: str) -> str | None:
    """The baseline line under an indicator: ``base 2021: 40``."""
    if row.baseline is None:
        return None
    value = row.baseline_level if row.measure == "qualitative" else _localised(row.baseline, lang)
    suffix = " %" if row.measure == "percentage" else ""
    return f"{t('status.baseline', lang)} {row.baseline_year}: {value}{suffix}"


def _table_rows(table: StatusTable) -> list[tuple[str, dict[str, str]]]:
    """(name, {column: text}) for every line of the table, baseline and breakdown lines included."""
    lang = table.lang
    rows = []
    for row in table.indicators:
        cells = figure_cells(row, lang)
        cells["status"] = f"[{STATUS_STYLES[row.status]}]{t('status.' + row.status, lang)}[/]"
        rows.append((f"↳ {row.title}" if row.parent else row.title, cells))
        baseline = _baseline_text(row, lang)
        if baseline is not None:
            rows.append((f"  · {baseline}", {}))
        for part in row.breakdown or []:
            rows.append((f"  · {part.label}", {"actual": _localised(part.actual, lang)}))
    return rows


def plan_columns(table: StatusTable, width: int) -> tuple[list[str], list[str], int | None]:
    """The columns that fit in ``width``, those left out, and the indicator column's width.

    When every column fits at its natural width, nothing is constrained
    (the width is ``None``). Otherwise columns are left out in
    :data:`DROP_ORDER` until the indicator column can be at least
    :data:`NAME_MIN_WIDTH` wide; it then takes the width that is left.
    """
    lang = table.lang
    rows = _table_rows(table)
    keys = [*COLUMNS, "status"]
    needed = {}
    for key in keys:
        cells = [Text.from_markup(cells.get(key, "")).cell_len for _, cells in rows]
        needed[key] = max([cell_len(t(f"status.col.{key}", lang)), *cells])
    name_natural = min(
        NAME_MAX_WIDTH, max([cell_len(t("status.indicator", lang)), *[cell_len(name) for name, _ in rows]])
    )
    # Each column takes its content, one space either side and one border.
    def total(shown: list[str], name_width: int) -> int:
        return 1 + (name_width + 3) + sum(needed[k] + 3 for k in shown)

    if total(keys, name_natural) <= width:
        return keys, [], None
    shown = list(keys)
    for key in DROP_ORDER:
        if total(shown, min(NAME_MIN_WIDTH, name_natural)) <= width:
            break
        shown.remove(key)
    name_width = max(1, min(name_natural, width - total(shown, 0)))
    dropped = [k for k in keys if k not in shown]
    return shown, dropped, name_width


def render_table(table: StatusTable, console=None) -> None:
    """Print the status as a rich table (no colour codes when not a terminal).

    On a narrow terminal the columns that do not fit are left out (see
    :data:`DROP_ORDER`), indicator names wrap, and a line under the table
    says which columns are missing and how to see them.
    """
    console = console or stdout_console(honour_columns=True)
    lang = table.lang
    shown, dropped, name_width = plan_columns(table, console.width)
    grid = Table(title=_title(table), title_justify="left", header_style="bold")
    if name_width is None:
        grid.add_column(t("status.indicator", lang), max_width=NAME_MAX_WIDTH)
    else:
        grid.add_column(t("status.indicator", lang), width=name_width, overflow="fold")
    for column in shown:
        grid.add_column(
            t(f"status.col.{column}", lang),
            justify="left" if column == "status" else "right",
            no_wrap=True,
            min_width=cell_len(t(f"status.col.{column}", lang)) if name_width is not None else None,
        )
    for name, cells in _table_rows(table):
        grid.add_row(name, *[cells.get(c, "") for c in shown])
    console.print(grid)
    if dropped:
        names = ", ".join(t(f"status.col.{c}", lang) for c in dropped)
        console.print(t("status.dropped", lang).replace("{columns}", names), style="dim")
    console.print(t("status.legend", lang), style="dim")
    shown_forecast = next((row.forecast for row in table.indicators if row.forecast is not None), None)
    if shown_forecast is not None and "projected" in shown:
        share = format_number(shown_forecast.interval * 100, lang, 0)
        console.print(t("status.legend.forecast", lang).replace("{interval}", share), style="dim")


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
            "measure": row.measure,
            "direction": row.direction,
            "baseline": None if row.baseline is None else {"value": row.baseline, "year": row.baseline_year},
            "parent": row.parent,
            "children": row.children,
            "forecast": None if row.forecast is None else dataclasses.asdict(row.forecast),
            "reading": row.reading,
        }
        if row.measure == "percentage":
            item.update(numerator=row.numerator, denominator=row.denominator)
        if row.measure == "qualitative":
            item.update(level=row.level, target_level=row.target_level, baseline_level=row.baseline_level, reason=row.reason)
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


#: The CSV's columns after the status: the baseline and the forecast.
EXTRA_CSV_COLUMNS = ("baseline", "baseline_year", "forecast_low", "forecast_high", "forecast_probability")


def _csv_rows(table: StatusTable) -> list[list]:
    header = ["id", "title", "unit", "basis", *COLUMNS, "status", *EXTRA_CSV_COLUMNS]
    if table.by is not None:
        header += ["breakdown_key", "breakdown_label", "breakdown_actual"]
    rows: list[list] = [header]
    for row in table.indicators:
        found = row.forecast
        extra = [row.baseline, row.baseline_year, *((found.low, found.high, found.probability) if found else (None,) * 3)]
        base = [row.id, row.title, row.unit, row.basis, *[getattr(row, c) for c in COLUMNS], row.status]
        base += ["" if value is None else value for value in extra]
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
        cells = figure_cells(row, lang)
        values = [_md_cell(cells[c]) for c in COLUMNS]
        title = f"↳ {row.title}" if row.parent else row.title
        lines.append("| " + " | ".join([_md_cell(title), *values, t("status." + row.status, lang)]) + " |")
        baseline = _baseline_text(row, lang)
        if baseline is not None:
            lines.append("| " + " | ".join([f"· {_md_cell(baseline)}"] + [""] * (len(COLUMNS) + 1)) + " |")
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
