"""Renderers of the status table (``relint status``): table, json, csv, md, and of ``--explain``.

One computed :class:`~relint_kpi.progress.StatusTable`, many outputs,
chosen by name through :func:`render_status`. Each renderer returns the
text to print, except ``table`` which prints with rich.

A view filtered to one territory says so in its title, shows the
territory's actual with the whole plan's total and its share, and judges
an indicator only where the plan sets a target for that territory.
"""

from __future__ import annotations

import dataclasses
import json

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from relint_kpi.i18n import t
from relint_kpi.progress import ExplainRow, IndicatorStatus, StatusTable
from relint_kpi.render.console import stdout_console
from relint_kpi.render.csvout import default_form, render_rows
from relint_kpi.render.formatting import format_figure, format_number, long_date
from relint_kpi.render.safe import escape_md, json_text, rich_text

#: Colours readable on dark and light terminals; the status word is always
#: printed too, so meaning never depends on colour.
STATUS_STYLES = {"achieved": "bold green", "on_track": "green", "at_risk": "bold yellow", "behind": "bold red", "not_achieved": "bold red", None: "dim"}

#: The figure columns of an unfiltered status, in order.
COLUMNS = (
    "target",
    "actual",
    "percent",
    "expected_to_date",
    "projected",
    "remaining",
    "required_per_quarter",
)

#: Columns only a view filtered to one territory has: the whole plan's actual and the territory's share of it.
FILTER_COLUMNS = ("total", "share")

#: Columns that judge an indicator against a target: a filtered view shows them only when it judges one.
JUDGED_COLUMNS = ("target", "percent", "expected_to_date", "projected", "remaining", "required_per_quarter")

#: Columns shown as a percentage.
PERCENT_COLUMNS = ("percent", "share")

#: Columns the legend under the table explains (the others say what they are).
EXPLAINED_COLUMNS = ("expected_to_date", "projected", "required_per_quarter", "share")

#: Columns left out, in this order, when the terminal is too narrow for all
#: of them; the indicator name is never left out, the status word last of all.
DROP_ORDER = (
    "required_per_quarter",
    "remaining",
    "projected",
    "expected_to_date",
    "total",
    "percent",
    "share",
    "target",
    "actual",
    "status",
)

#: The narrowest the indicator column gets before more columns are dropped.
NAME_MIN_WIDTH = 20
#: The widest the indicator column gets; longer names wrap.
NAME_MAX_WIDTH = 40


def _judges(table: StatusTable) -> bool:
    """Whether any indicator of ``table`` is judged against a target (always, unless filtered)."""
    return table.territory is None or any(row.target is not None for row in table.indicators)


def figure_columns(table: StatusTable) -> list[str]:
    """The figure columns of ``table``, in order: those of a filtered view when it is one."""
    if table.territory is None:
        return list(COLUMNS)
    ordered = ("target", "actual", *FILTER_COLUMNS, *COLUMNS[2:])
    return [c for c in ordered if _judges(table) or c not in JUDGED_COLUMNS]


def _with_status(table: StatusTable, columns: list[str]) -> list[str]:
    """``columns`` and the status word, unless nothing in ``table`` is judged (a filtered view without territory targets)."""
    return [*columns, "status"] if _judges(table) else columns


def _figure(row: IndicatorStatus, column: str, lang: str) -> str:
    value = getattr(row, column)
    return format_figure(value, lang) + ("%" if column in PERCENT_COLUMNS and value is not None else "")


def figure_cells(row: IndicatorStatus, columns: list[str], lang: str) -> dict[str, str]:
    """The text of each figure of a status row: levels by their labels, a percentage with its counts, a projection with its forecast."""
    cells = {c: _figure(row, c, lang) for c in columns}
    if row.measure == "qualitative":
        cells.update(target=row.target_level or "—", actual=row.level or "—", projected=row.level or "—")
        cells.update(expected_to_date="—", remaining="—", required_per_quarter="—")
    elif row.measure == "percentage":
        for key in ("target", "actual", "expected_to_date", "projected"):
            if getattr(row, key) is not None and key in cells:
                cells[key] += " %"
        if row.denominator and "actual" in cells:
            cells["actual"] += f" ({format_figure(row.numerator, lang)}/{format_figure(row.denominator, lang)})"
    if row.forecast is not None and "projected" in cells:
        cells["projected"] = forecast_text(row, lang)
    return {c: cells[c] for c in columns}


def forecast_text(row: IndicatorStatus, lang: str) -> str:
    """``14 (11–17), 38 %``: the projection, the forecast interval and the chance of reaching the target."""
    found = row.forecast
    probability = format_number(found.probability * 100, lang, 0)
    return f"{format_figure(row.projected, lang)} ({format_figure(found.low, lang)}–{format_figure(found.high, lang)}), {probability} %"


def _baseline_text(row: IndicatorStatus, lang: str) -> str | None:
    """The baseline line under an indicator: ``base 2021: 40``."""
    if row.baseline is None:
        return None
    value = row.baseline_level if row.measure == "qualitative" else format_figure(row.baseline, lang)
    suffix = " %" if row.measure == "percentage" else ""
    return f"{t('status.baseline', lang)} {row.baseline_year}: {value}{suffix}"


def _status_word(status: str | None, lang: str) -> str:
    return t(f"status.{status}" if status else "status.not_judged", lang)


def _title(table: StatusTable) -> str:
    lang = table.lang
    title = f"{table.plan} — {t('status.year', lang)} {table.year}, {t('status.as_of', lang)} {long_date(table.as_of, lang)}"
    if table.territory is not None:
        title += " — " + t("status.filtered", lang).format(name=table.territory.name, code=table.territory.code)
    return title


def filter_notes(table: StatusTable) -> list[str]:
    """The sentences that say what a filtered view is (none for the whole plan)."""
    view, lang = table.territory, table.lang
    if view is None:
        return []
    notes = [t("status.filtered.note", lang).format(name=view.name, code=view.code)]
    if view.inside:
        inside = ", ".join(f"{name} ({code})" for code, name in view.inside)
        notes.append(t("status.filtered.inside", lang).format(name=view.name, code=view.code, inside=inside))
    elif not view.priority:
        notes.append(t("status.filtered.outside", lang).format(name=view.name, code=view.code))
    return notes


def _table_rows(table: StatusTable) -> list[tuple[Text, dict[str, Text]]]:
    """(name, {column: text}) for every line of the table, baseline and breakdown lines included.

    Every cell is a rich ``Text``: a title is shown as written, never read as markup.
    """
    lang = table.lang
    rows = []
    for row in table.indicators:
        cells = {c: Text(v) for c, v in figure_cells(row, figure_columns(table), lang).items()}
        cells["status"] = Text(_status_word(row.status, lang), style=STATUS_STYLES[row.status])  # shown only if judged
        rows.append((rich_text(f"↳ {row.title}" if row.parent else row.title), cells))
        baseline = _baseline_text(row, lang)
        if baseline is not None:
            rows.append((rich_text(f"  · {baseline}"), {}))
        for part in row.breakdown or []:
            rows.append((rich_text(f"  · {part.label}"), {"actual": Text(format_figure(part.actual, lang))}))
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
    keys = _with_status(table, figure_columns(table))
    needed = {}
    for key in keys:
        cells = [cells[key].cell_len for _, cells in rows if key in cells]
        needed[key] = max([cell_len(t(f"status.col.{key}", lang)), *cells])
    name_natural = min(
        NAME_MAX_WIDTH, max([cell_len(t("status.indicator", lang)), *[name.cell_len for name, _ in rows]])
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
        if key in shown:
            shown.remove(key)
    name_width = max(1, min(name_natural, width - total(shown, 0)))
    dropped = [k for k in keys if k not in shown]
    return shown, dropped, name_width


def legend(table: StatusTable, shown: list[str]) -> str:
    """One sentence for each shown column that needs explaining, and none for the others."""
    return " ".join(t(f"status.legend.{c}", table.lang) for c in EXPLAINED_COLUMNS if c in shown)


def render_table(table: StatusTable, console=None) -> None:
    """Print the status as a rich table (no colour codes when not a terminal).

    On a narrow terminal the columns that do not fit are left out (see
    :data:`DROP_ORDER`), indicator names wrap, and a line under the table
    says which columns are missing and how to see them. The legend
    explains the columns shown, not those left out.
    """
    console = console or stdout_console(honour_columns=True)
    lang = table.lang
    shown, dropped, name_width = plan_columns(table, console.width)
    grid = Table(title=rich_text(_title(table)), title_justify="left", header_style="bold")
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
        grid.add_row(name, *[cells.get(c, Text()) for c in shown])
    console.print(grid)
    for note in filter_notes(table):
        console.print(rich_text(note))
    if dropped:
        names = ", ".join(t(f"status.col.{c}", lang) for c in dropped)
        console.print(Text(t("status.dropped", lang).replace("{columns}", names), style="dim"))
    if text := legend(table, shown):
        console.print(Text(text, style="dim"))
    shown_forecast = next((row.forecast for row in table.indicators if row.forecast is not None), None)
    if shown_forecast is not None and "projected" in shown:
        share = format_number(shown_forecast.interval * 100, lang, 0)
        console.print(Text(t("status.legend.forecast", lang).replace("{interval}", share), style="dim"))


def _filter_dict(table: StatusTable) -> dict | None:
    view = table.territory
    if view is None:
        return None
    return {
        "territory": view.code,
        "name": view.name,
        "priority": view.priority,
        "inside": [{"code": code, "name": name} for code, name in view.inside],
        "note": " ".join(filter_notes(table)),
    }


def to_dict(table: StatusTable) -> dict:
    """The documented JSON structure of ``relint status --format json``.

    ``filter`` is ``null`` for the whole plan; for a view filtered to one
    territory it names the territory (``territory``, ``name``, ``priority``,
    ``inside``: the priority territories within it, ``note``), and each
    indicator has ``total`` (the whole plan's actual) and ``share``. A
    figure without a value (the pace once the year is over; a target the
    plan does not set for the territory, and all judged against it) is
    ``null``.
    """
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
        if table.territory is not None:
            item |= {"total": row.total, "share": row.share}
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
    return {
        "plan": table.plan,
        "year": table.year,
        "as_of": table.as_of.isoformat(),
        "filter": _filter_dict(table),
        "indicators": indicators,
    }


def render_json(table: StatusTable, form: str | None = None) -> str:
    """JSON text, stable key order, UTF-8 characters kept (``form`` is for CSV only)."""
    return json_text(json.dumps(to_dict(table), ensure_ascii=False, indent=2)) + "\n"


#: The CSV's columns after the status: the baseline and the forecast.
EXTRA_CSV_COLUMNS = ("baseline", "baseline_year", "forecast_low", "forecast_high", "forecast_probability_percent")


def _csv_rows(table: StatusTable, form: str) -> list[list]:
    """The header and rows of the CSV export: stable keys in the plain form, words in the Excel form."""
    lang, words = table.lang, form == "excel"
    columns = figure_columns(table)
    keys = ["id", "title", "unit", "basis"] + (["territory"] if table.territory else []) + [*columns, "status", *EXTRA_CSV_COLUMNS]
    if table.by is not None:
        keys += ["breakdown_key", "breakdown_label", "breakdown_actual"]
    heads = {"title": "status.indicator", "territory": "plan.territory"}
    rows: list[list] = [[t(heads.get(k) or _csv_head(k), lang) for k in keys] if words else keys]
    for row in table.indicators:
        basis = t(f"plan.basis.{row.basis}", lang) if words else row.basis
        status = _status_word(row.status, lang) if words else row.status
        where = [table.territory.code] if table.territory else []
        base = [row.id, row.title, row.unit, basis, *where, *[getattr(row, c) for c in columns], status]
        found = row.forecast
        base += [row.baseline, row.baseline_year, *((found.low, found.high, round(found.probability * 100, 1)) if found else (None,) * 3)]
        if table.by is None:
            rows.append(base)
            continue
        rows.append(base + [None, None, None])
        for part in row.breakdown or []:
            rows.append(base + [part.key, part.label, part.actual])
    return rows


def _csv_head(key: str) -> str:
    return f"status.col.{key}" if key in (*COLUMNS, *FILTER_COLUMNS, "status") else f"status.csv.{key}"


def render_csv(table: StatusTable, form: str | None = None) -> str:
    """CSV in ``form`` (:mod:`relint_kpi.render.csvout`; default: Excel's for Italian): one row per indicator and breakdown key."""
    return render_rows(_csv_rows(table, form or default_form(table.lang)), form or default_form(table.lang))


def _md_cell(value) -> str:
    return escape_md(str(value))


def _md_table(heads: list[str], aligns: list[str], rows: list[list[str]]) -> list[str]:
    """Markdown table lines; ``aligns`` holds ``---`` or ``---:`` per column; cells are escaped here."""
    lines = ["| " + " | ".join(heads) + " |", "|" + "|".join(aligns) + "|"]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return lines


def render_markdown(table: StatusTable, form: str | None = None) -> str:
    """A Markdown table with a heading (and what a filtered view is), for wikis and e-mails."""
    lang = table.lang
    columns = _with_status(table, figure_columns(table))
    heads = [t("status.indicator", lang), *[t(f"status.col.{c}", lang) for c in columns]]
    rows = []
    for row in table.indicators:
        cells = figure_cells(row, [c for c in columns if c != "status"], lang) | {"status": _status_word(row.status, lang)}
        rows.append([f"↳ {row.title}" if row.parent else row.title, *[cells[c] for c in columns]])
        baseline = _baseline_text(row, lang)
        if baseline is not None:
            rows.append([f"· {baseline}", *[""] * len(columns)])
        for part in row.breakdown or []:
            cells = {"actual": format_figure(part.actual, lang)}
            rows.append([f"· {part.label}", *[cells.get(c, "") for c in columns]])
    lines = [f"## {_md_cell(_title(table))}", ""]
    lines += [_md_cell(note) + "\n" for note in filter_notes(table)]
    aligns = ["---", *["---" if c == "status" else "---:" for c in columns]]
    lines += _md_table(heads, aligns, rows)
    return "\n".join(lines) + "\n"


#: The status renderers that return text, by ``--format`` name.
STATUS_RENDERERS = {"json": render_json, "csv": render_csv, "md": render_markdown}


def render_status(table: StatusTable, fmt: str, form: str | None = None) -> str:
    """The status as text in ``fmt`` (json, csv, md); ``form`` chooses the CSV form."""
    return STATUS_RENDERERS[fmt](table, form)


# -- explain ------------------------------------------------------------------------

#: The columns of ``--explain``, by stable key.
EXPLAIN_KEYS = ("path", "line", "id", "date", "amount", "title")


def _row_count(count: int, lang: str) -> str:
    return t("explain.row_count.one", lang) if count == 1 else t("explain.row_count", lang).format(count=format_number(count, lang))


def _explain_title(table: StatusTable) -> str:
    title = table.indicators[0].title
    if table.territory is not None:
        title += " — " + t("status.filtered", table.lang).format(name=table.territory.name, code=table.territory.code)
    return title


def explain_total(rows: list[ExplainRow], lang: str) -> str:
    """The line under the rows: their total in the table's number format, and how many rows."""
    total = sum(r.contribution for r in rows)
    return f"{t('explain.total', lang)}: {format_number(total, lang)} ({_row_count(len(rows), lang)})"


#: The narrowest the title column of ``--explain`` may get before the id column is left out.
EXPLAIN_TITLE_MIN_WIDTH = 24


def render_explain(rows: list[ExplainRow], table: StatusTable, fmt: str = "table", form: str | None = None, console=None) -> str | None:
    """The rows behind an indicator's figure in ``fmt``: printed for ``table``, returned as text otherwise.

    ``table`` is the status of that one indicator (its title, language and
    filter). ``json`` gives the indicator, the filter, the rows and their
    total; ``csv`` one row per contributing row (``form`` as for the
    status); ``md`` a table with the total under it.
    """
    lang = table.lang
    if fmt == "json":
        data = {
            "indicator": table.indicators[0].id,
            "title": table.indicators[0].title,
            "year": table.year,
            "as_of": table.as_of.isoformat(),
            "filter": _filter_dict(table),
            "rows": [
                {"path": r.path, "line": r.line, "id": r.id, "date": r.date.isoformat(), "amount": r.contribution, "title": r.title}
                for r in rows
            ],
            "total": sum(r.contribution for r in rows),
        }
        return json_text(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
    values = [[r.path, r.line, r.id, r.date.isoformat(), r.contribution, r.title] for r in rows]
    if fmt == "csv":
        form = form or default_form(lang)
        header = [t(f"explain.{k}", lang) for k in EXPLAIN_KEYS] if form == "excel" else list(EXPLAIN_KEYS)
        return render_rows([header, *values], form)
    heads = [t("explain.where", lang), t("explain.id", lang), t("explain.date", lang), t("explain.amount", lang), t("explain.title", lang)]
    cells = [[f"{r.path}:{r.line}", r.id, r.date.isoformat(), format_number(r.contribution, lang), r.title] for r in rows]
    if fmt == "md":
        lines = [f"## {_md_cell(_explain_title(table))}", ""]
        lines += [_md_cell(note) + "\n" for note in filter_notes(table)]
        lines += _md_table(heads, ["---", "---", "---", "---:", "---"], cells)
        return "\n".join([*lines, "", _md_cell(explain_total(rows, lang))]) + "\n"
    console = console or stdout_console(honour_columns=True)
    # Where a row is (file:line) is never cut; on a narrow terminal the id goes first,
    # so that the title keeps room to be read.
    widths = [max([cell_len(head), *(cell_len(str(line[index])) for line in cells)]) for index, head in enumerate(heads)]
    shown = [0, 1, 2, 3, 4]
    if console.width - sum(widths[:4]) - 3 * len(shown) - 1 < EXPLAIN_TITLE_MIN_WIDTH:
        shown.remove(1)
    grid = Table(header_style="bold", title=rich_text(_explain_title(table)), title_justify="left")
    for index in shown:
        grid.add_column(heads[index], justify="right" if index == 3 else "left", no_wrap=index < 4, min_width=widths[index] if index < 4 else None)
    for line in cells:
        grid.add_row(*[rich_text(str(line[index])) for index in shown])
    for note in filter_notes(table):
        console.print(rich_text(note))
    console.print(grid)
    console.print(Text(explain_total(rows, lang)))
    if len(shown) < len(heads):
        console.print(Text(t("status.dropped", lang).replace("{columns}", heads[1]), style="dim"))
    return None
