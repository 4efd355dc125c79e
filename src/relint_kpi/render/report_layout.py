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
from dataclasses import dataclass, field

from relint_kpi.i18n import t
from relint_kpi.render.formatting import format_number
from relint_kpi.report import OTHER, AttentionItem, CountRow, Criterion, Report, StakeholderRow

#: Column kinds whose cells are numbers (right-aligned, numeric in XLSX).
NUMERIC_KINDS = frozenset({"int", "percent", "number"})

#: Colours of status cells and bars: (background, text).
STATUS_COLOURS = {
    "achieved": ("#d8f0dc", "#1b5e20"),
    "on_track": ("#e3f0fb", "#0d47a1"),
    "at_risk": ("#fff1cc", "#7a4f00"),
    "behind": ("#fbdada", "#8e1b1b"),
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
    """The report's identification lines as (label, raw value, column kind)."""
    lang = report.lang
    return [
        (t("report.plan", lang), report.plan, "text"),
        (t("report.region", lang), report.region, "text"),
        (t("report.office", lang), report.office, "text"),
        (t("report.year", lang), report.year, "year"),
        (t("report.as_of", lang), report.as_of, "date"),
        (t("report.activities_total", lang), report.activities_total, "int"),
        (t("report.generated_at", lang), report.generated_at, "text"),
    ]


def cover(report: Report) -> list[tuple[str, str]]:
    """The report's identification lines as (label, text) pairs."""
    return [(label, cell_text(value, kind, report.lang)) for label, value, kind in cover_values(report)]


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
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def status_key(value, kind: str) -> str | None:
    """The colour key of a status cell (``achieved``, ``overdue``…), else None."""
    if kind in ("status", "action_status") and value:
        return str(value)
    return None


def _col(key: str, label_key: str, kind: str, lang: str, **fmt) -> Column:
    label = t(label_key, lang)
    return Column(key, label.format(**fmt) if fmt else label, kind)


def headline_block(report: Report) -> Block:
    """The headline table: one row per indicator, with the previous year's when there is one."""
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
        columns += [
            _col("previous_target", "report.col.target_year", "int", lang, year=year),
            _col("previous_actual", "report.col.actual_year", "int", lang, year=year),
            _col("previous_percent", "report.col.percent_year", "percent", lang, year=year),
        ]
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
        rows.append(cells)
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
        rows = []
        for indicator_id in result.indicators:
            row = report.indicator(indicator_id)
            rows.append([row.title, row.target, row.actual, row.percent, row.status])
        objectives = "; ".join(f"{o.id}. {o.title}" for o in result.objectives)
        achievement = t("report.results.achievement", lang).format(
            achieved=result.achieved,
            total=len(result.indicators),
            percent=format_number(result.average_percent, lang, 1),
        )
        note = f"{t('report.results.objectives', lang)}: {objectives}. {achievement}."
        blocks.append(Block(result.title, columns, rows, note))
    return blocks


def _count_block(report: Report, title_key: str, rows, first: Column, with_group: bool = False) -> Block:
    lang = report.lang
    columns = [first]
    if with_group:
        columns.append(_col("group", "report.col.group", "text", lang))
    columns += [
        _col("activities", "report.col.activities", "int", lang),
        _col("participants", "report.col.participants", "int", lang),
    ]
    cells = []
    for row in rows:
        cells.append([row_label(row, lang), *([row.group or ""] if with_group else []), row.activities, row.participants])
    return Block(t(title_key, lang), columns, cells)


def _stakeholder_block(report: Report, title_key: str, rows, first: Column) -> Block:
    lang = report.lang
    columns = [
        first,
        _col("active", "report.col.active", "int", lang),
        _col("new", "report.col.new", "int", lang),
        _col("returning", "report.col.returning", "int", lang),
    ]
    return Block(t(title_key, lang), columns, [[row_label(r, lang), r.active, r.new, r.returning] for r in rows])


def actions_block(report: Report) -> Block:
    """The systemic actions table."""
    lang = report.lang
    columns = [
        _col("id", "report.col.action_id", "text", lang),
        _col("action", "report.col.action", "text", lang),
        _col("action_territory", "report.col.territory", "text", lang),
        _col("timing", "report.col.timing", "text", lang),
        _col("activities", "report.col.activities_year", "int", lang),
        _col("deliverable_date", "report.col.deliverable_date", "date", lang),
        _col("deliverable", "report.col.deliverable", "text", lang),
        _col("status", "report.col.status", "action_status", lang),
    ]
    rows = [
        [a.id, a.title, a.territory or "", a.timing, a.activities, a.deliverable_date, a.deliverable_note or "", a.status]
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
        ("action", "report.col.action_id", "text"),
        ("action_title", "report.col.action", "text"),
        ("deliverable_date", "report.col.deliverable_date", "date"),
        ("date", "report.col.date", "date"),
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
    rows = []
    for row in criterion.rows:
        rows.append([words[c.key](row[c.key]) if c.key in words else row[c.key] for c in columns])
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
        return t("report.attention.indicator", lang).format(
            title=row.title,
            status=t(f"status.{row.status}", lang),
            actual=cell_text(actual, "number", lang),
            target=cell_text(target, "number", lang),
            percent="—" if row.percent is None else format_number(row.percent, lang, 1),
        )
    if item.kind == "action":
        action = next(a for a in report.actions if a.id == item.key)
        return t("report.attention.action", lang).format(id=action.id, title=action.title, end=action.end.isoformat())
    territory = next(row for row in report.by_territory if row.key == item.key)
    return t("report.attention.territory", lang).format(name=row_label(territory, lang), year=report.year)


def sections(report: Report) -> list[Section]:
    """The report's sections in reading order, each with its tables."""
    lang = report.lang
    territory = _col("territory", "report.col.territory", "text", lang)
    return [
        Section("headline", t("report.section.headline", lang), [headline_block(report)]),
        Section("results", t("report.section.results", lang), _result_blocks(report)),
        Section(
            "activity",
            t("report.section.activity", lang),
            [
                _count_block(report, "report.block.by_group", report.by_group, _col("group", "report.col.group", "text", lang)),
                _count_block(report, "report.block.by_territory", report.by_territory, territory, with_group=True),
                _count_block(report, "report.block.by_type", report.by_type, _col("type", "report.col.type", "text", lang)),
            ],
        ),
        Section(
            "stakeholders",
            t("report.section.stakeholders", lang),
            [
                _stakeholder_block(
                    report,
                    "report.block.by_internal",
                    report.stakeholders_by_internal,
                    _col("stakeholders", "report.col.stakeholders", "text", lang),
                ),
                _stakeholder_block(
                    report,
                    "report.block.by_category",
                    report.stakeholders_by_category,
                    _col("category", "report.col.category", "text", lang),
                ),
            ],
        ),
        Section("actions", t("report.section.actions", lang), [actions_block(report)]),
        Section("criteria", t("report.section.criteria", lang), _criterion_blocks(report)),
        Section(
            "attention",
            t("report.section.attention", lang),
            [],
            [attention_text(report, item) for item in report.attention] or [t("report.attention.none", lang)],
        ),
    ]
