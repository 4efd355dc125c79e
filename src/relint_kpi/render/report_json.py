"""The year-end report as JSON, and its headline table as CSV.

JSON layout (keys in this order; documented in the README):

``schema_version``, ``plan``, ``region``, ``office``, ``year``, ``as_of``
(``YYYY-MM-DD``), ``lang``, ``generated_at`` (UTC, ``YYYY-MM-DDTHH:MM:SSZ``:
with ``generated_local``, the only values that change between two exports
of the same data), ``previous_year``, ``activities_total``, then the sections:
``headline`` (per indicator: ``id, title, unit, basis, target, actual,
percent, status, previous_target, previous_actual, previous_percent,
previous_status, reason, next_steps``; the last two are the office's note
from ``notes.csv``; then ``measure, direction, baseline, baseline_year,
parent, children, numerator, denominator, level, target_level,
baseline_level, level_reason, reading``: a qualitative indicator's
``target`` and ``actual`` are scale positions, its ``level`` and
``target_level`` their labels), ``results`` (``id, title, objectives[{id, title}],
indicators[ids], achieved, average_percent``), ``by_group``,
``by_territory``, ``by_type`` (``key, label, group, activities,
participants``), ``stakeholders_by_internal``, ``stakeholders_by_category``
(``key, label, active, new, returning``), ``actions`` (``id, title,
territory, timing, start, end, activities, activities_to_date,
deliverable_date, deliverable_note, status, reason, next_steps``), ``criteria`` (``id, title,
measure, figures[{key, label, value, total, percent}], table{columns[{key,
label, kind}], rows[{column key: value}]}``), ``attention`` (``kind,
key, reason_missing, text``), ``closed`` (the as-of date is the year's
last day), ``previous_as_of`` (the date the previous year is taken at: its
31 December, or the same day for a mid-year report), ``generated_local``
(ISO with the UTC offset), ``other_in_groups`` (activities counted under
"other" by territory but in a group by group), ``new_not_active``
(stakeholders new in the year, by the registry's date, in no activity of
the year) and ``indicator_sheets``
(per indicator: ``id, title, unit, basis, source, activity_type,
definition, disaggregations, plan_start, years[{year, target, actual,
percent, status, as_of}]`` and ``rows[{label, text}]``, the sheet in words).
Percentages are percent points (``45.5`` means 45.5 %); statuses are
stable keys (``achieved``, ``on_track``, ``at_risk``, ``behind``, and
``not_achieved`` for a target missed in a closed year; actions ``done``,
``in_progress``, ``not_started``, ``overdue``); a value that does not
apply is ``null``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from relint_kpi.i18n import t
from relint_kpi.render.csvout import default_form, render_rows
from relint_kpi.render.report_layout import attention_text, criterion_table, figure_label, row_label, sheet_rows
from relint_kpi.render.safe import json_text
from relint_kpi.report import REPORT_SCHEMA_VERSION, Report

#: Sections whose rows the report names only by key where the plan names nothing.
_LABELLED_ROWS = ("by_group", "by_territory", "by_type", "stakeholders_by_internal", "stakeholders_by_category")


def _plain(value):
    """Turn dataclasses, dates and lists into JSON values, keeping field order."""
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def report_dict(report: Report) -> dict:
    """The report as a JSON-ready dict (see the module docstring for the layout)."""
    lang = report.lang
    data = {"schema_version": REPORT_SCHEMA_VERSION, **_plain(report)}
    for section in _LABELLED_ROWS:
        for row, item in zip(getattr(report, section), data[section]):
            item["label"] = row_label(row, lang)
    criteria = []
    for criterion in report.criteria:
        table = criterion_table(criterion, lang)
        keys = [column.key for column in table.columns]
        criteria.append(
            {
                "id": criterion.id,
                "title": criterion.title,
                "measure": criterion.measure,
                "figures": [{"key": f.key, "label": figure_label(f.key, lang), **_plain(f)} for f in criterion.figures],
                "table": {
                    "columns": [_plain(column) for column in table.columns],
                    "rows": [{key: _plain(cell) for key, cell in zip(keys, row)} for row in table.rows],
                },
            }
        )
    data["criteria"] = criteria
    data["attention"] = [
        {"kind": i.kind, "key": i.key, "reason_missing": i.reason_missing, "text": attention_text(report, i)} for i in report.attention
    ]
    for sheet, item in zip(report.indicator_sheets, data["indicator_sheets"]):
        item["rows"] = [{"label": label, "text": text} for label, text in sheet_rows(report, sheet)]
    return data


def render_json(report: Report) -> str:
    """Render the report as indented JSON (UTF-8 text, ends with a newline)."""
    return json_text(json.dumps(report_dict(report), ensure_ascii=False, indent=2)) + "\n"


#: The label of each column of the headline CSV in the Excel form (``{year}``: the previous year).
_CSV_HEADS = {
    "id": "status.csv.id",
    "title": "report.col.indicator",
    "unit": "report.col.unit",
    "basis": "status.csv.basis",
    "target": "report.col.target",
    "actual": "report.col.actual",
    "percent": "report.col.percent",
    "status": "report.col.status",
    "previous_target": "report.col.target_year",
    "previous_actual": "report.col.actual_year",
    "previous_percent": "report.col.percent_year",
    "previous_status": "report.col.status_year",
    "reason": "report.col.reason",
    "next_steps": "report.col.next_steps",
}


def render_csv(report: Report, form: str | None = None) -> str:
    """Render the headline table as CSV: one row per indicator, numbers as numbers, the office's note.

    The indicator sheets do not fit one table of raw figures: they are in
    the JSON, XLSX and the text formats.

    ``form`` is ``excel`` (Excel with Italian settings: ``;``, BOM,
    decimal commas, headings, bases and statuses in the report's language;
    the default for Italian) or ``rfc4180`` (``,``, stable column keys
    ``id,title,…`` and status keys that scripts can rely on). Text cells
    are neutralised against formula injection in both (a title like
    ``=HYPERLINK(…)`` stays text in Excel) and their control characters
    escaped (:func:`~relint_kpi.render.safe.export_cell`).
    """
    lang = report.lang
    form = form or default_form(lang)
    keys = ["id", "title", "unit", "basis", "target", "actual", "percent", "status"]
    if report.previous_year is not None:
        keys += ["previous_target", "previous_actual", "previous_percent", "previous_status"]
    keys += ["reason", "next_steps"]
    words = form == "excel"
    header = [t(_CSV_HEADS[k], lang).format(year=report.previous_year) for k in keys] if words else keys
    rows = [header]
    for row in report.headline:
        values = {k: getattr(row, k) for k in keys}
        if words:
            values["basis"] = t(f"plan.basis.{row.basis}", lang)
            for key in ("status", "previous_status"):
                if values.get(key):
                    values[key] = t(f"status.{values[key]}", lang)
        rows.append(list(values.values()))
    return render_rows(rows, form)
