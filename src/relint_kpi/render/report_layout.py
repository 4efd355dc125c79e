"""The year-end report laid out as sections of titled tables, in words.

Every report renderer (terminal, Markdown, HTML, XLSX, JSON) shows the same
sections with the same columns; this module decides that layout once from a
:class:`~relint_kpi.report.Report`, and names everything the report only
holds by key: column titles, figure names, the "other" and internal/external
rows, the attention sentences. Cells keep their raw values (numbers stay
numbers); :func:`cell_text` turns one into text for the text formats.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from relint_kpi.i18n import t
from relint_kpi.render.formatting import format_number, long_date, short_date
from relint_kpi.report import OTHER, AttentionItem, CountRow, Criterion, IndicatorSheet, Report, StakeholderRow, local_zone

#: Column kinds whose cells are numbers (right-aligned, numeric in XLSX).
NUMERIC_KINDS = frozenset({"int", "percent", "number"})

#: Colours of status cells and bars: (background, text).
STATUS_COLOURS = {
    "achieved": ("#d8f0dc", "#1b5e20"),
    "on_track": ("#e3f0fb", "#0d47a1"),
    "at_risk": ("#fff1cc", "#7a4f00"),
    "behind": ("#fbdada", "#8e1b1b"),
    "not_achieved": ("#fbdada", "#8e1b1b"),
    "done": ("#d8f0dc", "#1b5e20"),
    "in_progress": ("#e3f0fb", "#0d47a1"),
    "not_started": ("#eeeeee", "#424242"),
    "overdue": ("#fbdada", "#8e1b1b"),
}


@dataclass(frozen=True)
class Column:
    """A column of a table: stable key, heading and value kind.

    ``kind`` tells renderers how to format the cells: ``text``, ``int``,
    ``number`` (int or float), ``percent`` (a number of percent points),
    ``date``, ``bool``, ``year``, or ``status`` / ``action_status`` (a status
    key shown as a coloured word).
    """

    key: str
    label: str
    kind: str


@dataclass(frozen=True)
class Block:
    """One table of a section, with an optional title and a note under it."""

    title: str | None
    columns: list[Column]
    rows: list[list]
    note: str | None = None


@dataclass(frozen=True)
class Section:
    """A section of the report: a key, a heading, its tables and sentences."""

    key: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    items: list[str] = field(default_factory=list)


def cover_values(report: Report) -> list[tuple[str, object, str]]:
    """The report's identification lines as (label, raw value, column kind).

    Dates are ``long_date`` (``31 dicembre 2023`` in text); the generation
    time is ``generated``: local time, in words.
    """
    lang = report.lang
    lines = [
        (t("report.plan", lang), report.plan, "text"),
        (t("report.region", lang), report.region, "text"),
        (t("report.office", lang), report.office, "text"),
        (t("report.year", lang), report.year, "year"),
        (t("report.as_of", lang), report.as_of, "long_date"),
    ]
    if report.previous_as_of is not None and not report.closed:
        compared = t("report.compared_at", lang).format(year=report.previous_year, date=long_date(report.previous_as_of, lang))
        lines.append((t("report.compared_with", lang), compared, "text"))
    return lines + [
        (t("report.activities_total", lang), report.activities_total, "int"),
        (t("report.generated_at", lang), generated_local(report), "generated"),
    ]


def generated_local(report: Report) -> dt.datetime:
    """When the report was generated, in local time (from ``generated_at`` when the report lacks it)."""
    if report.generated_local is not None:
        return report.generated_local
    utc = dt.datetime.strptime(report.generated_at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
    return utc.astimezone(local_zone())


def when_text(moment: dt.datetime, lang: str) -> str:
    """A moment in words: ``1 dicembre 2026 alle 18:51``."""
    return t("report.generated_when", lang).format(date=long_date(moment.date(), lang), time=moment.strftime("%H:%M"))


def footer(report: Report) -> str:
    """The line at the end of a document: the plan and when it was generated, in words."""
    return f"{report.plan} · " + t("report.footer", report.lang).format(when=when_text(generated_local(report), report.lang))


def cover(report: Report) -> list[tuple[str, str]]:
    """The report's identification lines as (label, text) pairs."""
    return [(label, cell_text(value, kind, report.lang)) for label, value, kind in cover_values(report)]


def page_of(lang: str) -> list[str]:
    """The "pagina 3 di 9" footer as text pieces and the fields ``{page}`` and ``{pages}``, in order.

    ``["pagina ", "{page}", " di ", "{pages}"]`` in Italian: each format puts
    its own page counters where the fields are.
    """
    return [piece for piece in re.split(r"(\{pages?\})", t("report.page_of", lang)) if piece]


def title(report: Report) -> str:
    """The report's main heading, e.g. "Relazione annuale 2023"."""
    return t("report.title", report.lang).format(year=report.year)


def cell_text(value, kind: str, lang: str) -> str:
    """A cell as text in ``lang``: numbers grouped, statuses in words, ``—`` when empty."""
    if value is None or value == "":
        return "—" if kind in NUMERIC_KINDS or kind in ("date", "status", "action_status") else ""
    if isinstance(value, str) and kind in NUMERIC_KINDS:
        return value  # a qualitative level's label in a column of figures
    if kind == "int":
        return format_number(value, lang)
    if kind == "percent":
        return format_number(value, lang, 1) + "%"
    if kind == "number":
        return format_number(value, lang, 0 if isinstance(value, int) else 1)
    if kind == "status":
        return t(f"status.{value}", lang)
    if kind == "action_status":
        return t(f"report.action.{value}", lang)
    if kind == "bool":
        return t("report.yes" if value else "report.no", lang)
    if kind == "generated" and isinstance(value, dt.datetime):
        return when_text(value, lang)
    if kind == "long_date" and isinstance(value, dt.date):
        return long_date(value, lang)
    if isinstance(value, (dt.date, dt.datetime)):
        return short_date(value)
    return str(value)


def status_key(value, kind: str) -> str | None:
    """The colour key of a status cell (``achieved``, ``overdue``…), else None."""
    if kind in ("status", "action_status") and value:
        return str(value)
    return None


def _col(key: str, label_key: str, kind: str, lang: str, **fmt) -> Column:
    label = t(label_key, lang)
    return Column(key, label.format(**fmt) if fmt else label, kind)


def reason_text(reason: str | None, next_steps: str | None, lang: str) -> str:
    """The office's note in one cell: the reason, then what will be done ("" when there is no note)."""
    if not reason:
        return ""
    if not next_steps:
        return reason
    # the two texts read as two sentences even when the office left out the full stop
    sentence = reason if reason.endswith((".", "!", "?", "…")) else reason + "."
    return t("report.reason_with_steps", lang).format(reason=sentence, next_steps=next_steps)


def headline_block(report: Report) -> Block:
    """The headline table: one row per indicator, with the previous year's when there is one.

    The previous year's figures are its whole year's for a closed year, and
    those at the same date a year earlier for a mid-year report (the
    headings say which). The last column holds the office's note, if any.
    """
    lang = report.lang
    columns = [
        _col("indicator", "report.col.indicator", "text", lang),
        _col("unit", "report.col.unit", "text", lang),
        _col("target", "report.col.target", "number", lang),
        _col("actual", "report.col.actual", "number", lang),
        _col("percent", "report.col.percent", "percent", lang),
        _col("status", "report.col.status", "status", lang),
    ]
    trend = report.previous_year is not None
    if trend:
        year = report.previous_year
        columns.append(_col("previous_target", "report.col.target_year", "int", lang, year=year))
        if report.closed or report.previous_as_of is None:
            columns += [
                _col("previous_actual", "report.col.actual_year", "int", lang, year=year),
                _col("previous_percent", "report.col.percent_year", "percent", lang, year=year),
            ]
        else:
            date = short_date(report.previous_as_of)
            columns += [
                _col("previous_actual", "report.col.actual_at", "int", lang, date=date),
                _col("previous_percent", "report.col.percent_at", "percent", lang, date=date),
            ]
    columns.append(_col("reason", "report.col.reason", "text", lang))
    with_baseline = any(row.baseline is not None for row in report.headline)
    if with_baseline:
        columns.insert(2, _col("baseline", "report.col.baseline", "text", lang))
    rows = []
    for row in report.headline:
        target, actual = headline_figures(row)
        cells = [f"↳ {row.title}" if row.parent else row.title, row.unit, target, actual, row.percent, row.status]
        if with_baseline:
            cells.insert(2, baseline_text(row, lang))
        if trend:
            cells += [row.previous_target, row.previous_actual, row.previous_percent]
        rows.append(cells + [reason_text(row.reason, row.next_steps, lang)])
    return Block(None, columns, rows)


def headline_figures(row) -> tuple:
    """A headline row's target and actual as shown: levels by their labels for a qualitative indicator."""
    if row.measure == "qualitative":
        return row.target_level, row.level
    return row.target, row.actual


def baseline_text(row, lang: str) -> str:
    """A headline row's baseline as ``40 (2021)``, or empty when it has none."""
    if row.baseline is None:
        return ""
    value = row.baseline_level if row.measure == "qualitative" else format_number(row.baseline, lang, 0 if float(row.baseline).is_integer() else 1)
    return f"{value}{' %' if row.measure == 'percentage' else ''} ({row.baseline_year})"


def _result_blocks(report: Report) -> list[Block]:
    lang = report.lang
    columns = [
        _col("indicator", "report.col.indicator", "text", lang),
        _col("target", "report.col.target", "int", lang),
        _col("actual", "report.col.actual", "int", lang),
        _col("percent", "report.col.percent", "percent", lang),
        _col("status", "report.col.status", "status", lang),
    ]
    blocks = []
    for result in report.results:
        shown = [report.indicator(indicator_id) for indicator_id in result.indicators]
        rows = [[row.title, row.target, row.actual, row.percent, row.status] for row in shown]
        objectives = "; ".join(f"{o.id}. {o.title}" for o in result.objectives)
        achievement = t("report.results.achievement", lang).format(
            achieved=result.achieved,
            total=len(result.indicators),
            percent=format_number(result.average_percent, lang, 1),
        )
        note = f"{t('report.results.objectives', lang)}: {objectives}. {achievement}."
        blocks.append(Block(result.title, columns, rows, note))
    return blocks


def _count_block(
    report: Report, title_key: str, rows, key: str, label_key: str, with_group: bool = False, note: str | None = None
) -> Block:
    lang = report.lang
    columns = [_col(key, label_key, "text", lang)]
    if with_group:
        columns.append(_col("group", "report.col.group", "text", lang))
    columns += [
        _col("activities", "report.col.activities", "int", lang),
        _col("participants", "report.col.participants", "int", lang),
    ]
    cells = []
    for row in rows:
        cells.append([row_label(row, lang), *([row.group or ""] if with_group else []), row.activities, row.participants])
    return Block(t(title_key, lang), columns, cells, note)


def other_territories_note(report: Report, key: str = "report.note.other_territories") -> str | None:
    """Why "other territories" counts differently by group and by territory, or None when it does not.

    ``key`` is the sentence for the territory table or, with
    ``report.note.other_territories_group``, for the group table.
    """
    if not report.other_in_groups:
        return None
    by_territory = next((row.activities for row in report.by_territory if row.key == OTHER), 0)
    by_group = next((row.activities for row in report.by_group if row.key == OTHER), 0)
    return t(key, report.lang).format(
        by_territory=format_number(by_territory, report.lang),
        by_group=format_number(by_group, report.lang),
        in_groups=format_number(report.other_in_groups, report.lang),
    )


def _stakeholder_block(report: Report, title_key: str, rows, key: str, label_key: str) -> Block:
    lang = report.lang
    note = None
    if report.new_not_active:
        note = t("report.note.new_not_active", lang).format(count=format_number(report.new_not_active, lang))
    columns = [
        _col(key, label_key, "text", lang),
        _col("active", "report.col.active", "int", lang),
        _col("new", "report.col.new", "int", lang),
        _col("returning", "report.col.returning", "int", lang),
    ]
    return Block(t(title_key, lang), columns, [[row_label(r, lang), r.active, r.new, r.returning] for r in rows], note)


def actions_block(report: Report) -> Block:
    """The systemic actions table."""
    lang = report.lang
    columns = [
        _col("action", "report.col.action", "text", lang),
        _col("action_territory", "report.col.territory", "text", lang),
        _col("timing", "report.col.timing", "text", lang),
        _col("activities", "report.col.activities_year", "int", lang),
        _col("deliverable_date", "report.col.deliverable_date", "date", lang),
        _col("deliverable", "report.col.deliverable", "text", lang),
        _col("status", "report.col.status", "action_status", lang),
        _col("reason", "report.col.reason", "text", lang),
    ]
    rows = [
        [a.title, a.territory or "", a.timing, a.activities, a.deliverable_date, a.deliverable_note or "", a.status]
        + [reason_text(a.reason, a.next_steps, lang)]
        for a in report.actions
    ]
    return Block(None, columns, rows)


def _criterion_blocks(report: Report) -> list[Block]:
    lang = report.lang
    figure_columns = [
        _col("figure", "report.col.figure", "text", lang),
        _col("value", "report.col.value", "number", lang),
        _col("out_of", "report.col.out_of", "int", lang),
        _col("percent", "report.col.percent", "percent", lang),
    ]
    blocks = []
    for criterion in report.criteria:
        rows = [[figure_label(f.key, lang), f.value, f.total, f.percent] for f in criterion.figures]
        blocks.append(Block(criterion.title, figure_columns, rows))
        blocks.append(criterion_table(criterion, lang))
    return blocks


#: The detail table of each criterion ``measure``: (row key, label key, kind) per column.
CRITERION_COLUMNS = {
    "relations_continuity": [
        ("territory", "report.col.territory", "text"),
        ("group", "report.col.group", "text"),
        ("quarters", "report.col.quarters", "text"),
        ("quarter_count", "report.col.quarter_count", "int"),
        ("years_active", "report.col.years_active", "text"),
        ("continuous", "report.col.continuous", "bool"),
    ],
    "thematic_coverage": [
        ("sector", "report.col.sector", "text"),
        ("actions", "report.col.actions", "int"),
        ("actions_with_activity", "report.col.actions_with_activity", "int"),
        ("covered", "report.col.covered", "bool"),
    ],
    "stakeholder_continuity": [
        ("category", "report.col.category", "text"),
        ("active", "report.col.active", "int"),
        ("new", "report.col.new", "int"),
        ("returning", "report.col.returning", "int"),
        ("both_years", "report.col.both_years", "int"),
    ],
    "spillover": [
        ("action_title", "report.col.action", "text"),
        ("deliverable_date", "report.col.deliverable_date", "date"),
        ("date", "report.col.follow_up_date", "date"),
        ("title", "report.col.follow_up", "text"),
        ("territory", "report.col.territory", "text"),
        ("activities", "report.col.activities", "int"),
    ],
}


def criterion_table(criterion: Criterion, lang: str) -> Block:
    """A criterion's detail rows as a table: its measure's columns, quarters and years in words."""
    columns = [_col(key, label_key, kind, lang) for key, label_key, kind in CRITERION_COLUMNS[criterion.measure]]
    quarter = t("report.quarter_prefix", lang)
    words = {
        "quarters": lambda numbers: ", ".join(f"{quarter}{n}" for n in numbers),
        "years_active": lambda years: ", ".join(map(str, years)),
    }
    rows = [[words[c.key](row[c.key]) if c.key in words else row[c.key] for c in columns] for row in criterion.rows]
    return Block(None, columns, rows)


def figure_label(key: str, lang: str) -> str:
    """The name of a criterion's figure (``territories_active`` …) in ``lang``."""
    return t(f"report.fig.{key}", lang)


#: Label keys of the breakdown rows that name no item of the plan.
_ROW_LABELS = {OTHER: "report.other_territories", "internal": "report.internal", "external": "report.external"}


def row_label(row: CountRow | StakeholderRow, lang: str) -> str:
    """A breakdown row's name: the plan's, or ours for the "other" and internal/external rows."""
    return row.label if row.label is not None else t(_ROW_LABELS[row.key], lang)


def attention_text(report: Report, item: AttentionItem) -> str:
    """What needs attention about ``item``, as a sentence in the report's language."""
    lang = report.lang
    if item.kind == "indicator":
        row = report.indicator(item.key)
        target, actual = headline_figures(row)
        text = t("report.attention.indicator", lang).format(
            title=row.title,
            status=t(f"status.{row.status}", lang),
            actual=cell_text(actual, "number", lang),
            target=cell_text(target, "number", lang),
            percent="—" if row.percent is None else format_number(row.percent, lang, 1),
        )
        return text + " " + t("report.attention.no_reason", lang) if item.reason_missing else text
    if item.kind == "action":
        action = next(a for a in report.actions if a.id == item.key)
        return t("report.attention.action", lang).format(title=action.title, end=long_date(action.end, lang))
    territory = next(row for row in report.by_territory if row.key == item.key)
    return t("report.attention.territory", lang).format(name=row_label(territory, lang), year=report.year)


def sections(report: Report) -> list[Section]:
    """The report's sections in reading order, each with its tables."""
    lang = report.lang
    by_group = _count_block(
        report, "report.block.by_group", report.by_group, "group", "report.col.group",
        note=other_territories_note(report, "report.note.other_territories_group"),
    )
    by_territory = _count_block(
        report, "report.block.by_territory", report.by_territory, "territory", "report.col.territory",
        with_group=True, note=other_territories_note(report),
    )
    by_type = _count_block(report, "report.block.by_type", report.by_type, "type", "report.col.type")
    by_internal = _stakeholder_block(
        report, "report.block.by_internal", report.stakeholders_by_internal, "stakeholders", "report.col.stakeholders"
    )
    by_category = _stakeholder_block(
        report, "report.block.by_category", report.stakeholders_by_category, "category", "report.col.category"
    )
    attention = [attention_text(report, item) for item in report.attention] or [t("report.attention.none", lang)]
    return [
        Section("headline", t("report.section.headline", lang), [headline_block(report)]),
        Section("results", t("report.section.results", lang), _result_blocks(report)),
        Section("activity", t("report.section.activity", lang), [by_group, by_territory, by_type]),
        Section("stakeholders", t("report.section.stakeholders", lang), [by_internal, by_category]),
        Section("actions", t("report.section.actions", lang), [actions_block(report)]),
        Section("criteria", t("report.section.criteria", lang), _criterion_blocks(report)),
        Section("attention", t("report.section.attention", lang), [], attention),
        Section("annex", t("report.section.annex", lang), [sheet_block(report, sheet) for sheet in report.indicator_sheets]),
    ]


def sheet_rows(report: Report, sheet: IndicatorSheet) -> list[tuple[str, str]]:
    """An indicator sheet as (item, text) pairs: definition, unit, source, method, basis, targets, observed values, note."""
    lang = report.lang
    kind = sheet.activity_type or ""
    window = t(f"report.window.{sheet.basis}", lang).format(start=long_date(sheet.plan_start, lang))
    definition = sheet.title if not sheet.definition else f"{sheet.title}. {sheet.definition}"
    breakdowns = ", ".join(t(f"report.disaggregation.{d}", lang) for d in sheet.disaggregations) or "—"
    rows = [
        (t("report.sheet.id", lang), sheet.id),
        (t("report.sheet.definition", lang), definition),
        (t("report.sheet.unit", lang), sheet.unit),
        (t("report.sheet.source", lang), t(f"report.source.{sheet.source}", lang).format(type=kind)),
        (t("report.sheet.method", lang), t(f"report.method.{sheet.source}", lang).format(type=kind, window=window)),
        (t("report.sheet.basis", lang), t(f"report.basis.{sheet.basis}", lang)),
        (t("report.sheet.disaggregations", lang), breakdowns),
    ]
    if sheet.baseline is not None:
        rows.append((t("report.sheet.baseline", lang), _sheet_figure(sheet, sheet.baseline, lang) + f" ({sheet.baseline_year})"))
    if sheet.children:
        rows.append((t("report.sheet.children", lang), "; ".join(sheet.children)))
    if sheet.reading:
        rows.append((t("report.sheet.reading", lang), sheet.reading))
    rows += [(t("report.sheet.target", lang).format(year=y.year), _sheet_figure(sheet, y.target, lang)) for y in sheet.years]
    for y in sheet.years:
        if y.actual is None:
            observed = t("report.sheet.not_yet", lang)
        else:
            observed = t("report.sheet.observed_value", lang).format(
                actual=_sheet_figure(sheet, y.actual, lang),
                date=short_date(y.as_of),
                percent="—" if y.percent is None else format_number(y.percent, lang, 1),
                status=t(f"status.{y.status}", lang),
            )
        rows.append((t("report.sheet.observed", lang).format(year=y.year), observed))
    row = next((r for r in report.headline if r.id == sheet.id), None)
    if row is not None and row.reason:
        rows.append((t("report.sheet.reason", lang).format(year=report.year), row.reason))
        if row.next_steps:
            rows.append((t("report.sheet.next_steps", lang), row.next_steps))
    return rows


def sheet_block(report: Report, sheet: IndicatorSheet) -> Block:
    """An indicator sheet as a two-column table titled with the indicator's name."""
    lang = report.lang
    columns = [_col("item", "report.col.sheet_item", "text", lang), _col("text", "report.col.sheet_text", "text", lang)]
    return Block(sheet.title, columns, [list(pair) for pair in sheet_rows(report, sheet)])


def _sheet_figure(sheet: IndicatorSheet, value, lang: str) -> str:
    """A target, baseline or actual on an indicator sheet: a level's label for a qualitative indicator."""
    if sheet.measure == "qualitative":
        if isinstance(value, str):  # a baseline is the plan's level id
            return value
        return sheet.levels[int(value)] if 0 <= int(value) < len(sheet.levels) else "—"
    text = format_number(value, lang, 0 if float(value).is_integer() else 1)
    return text + " %" if sheet.measure == "percentage" else text
