"""The year-end report as JSON, and its headline table as CSV.

JSON layout (keys in this order; documented in the README):

``schema_version``, ``plan``, ``region``, ``office``, ``year``, ``as_of``
(``YYYY-MM-DD``), ``lang``, ``generated_at`` (UTC, ``YYYY-MM-DDTHH:MM:SSZ``:
the only value that changes between two exports of the same data),
``previous_year``, ``activities_total``, then the sections:
``headline`` (per indicator: ``id, title, unit, basis, target, actual,
percent, status, previous_target, previous_actual, previous_percent,
previous_status``), ``results`` (``id, title, objectives[{id, title}],
indicators[ids], achieved, average_percent``), ``by_group``,
``by_territory``, ``by_type`` (``key, label, group, activities,
participants``), ``stakeholders_by_internal``, ``stakeholders_by_category``
(``key, label, active, new, returning``), ``actions`` (``id, title,
territory, timing, start, end, activities, activities_to_date,
deliverable_date, deliverable_note, status``), ``criteria`` (``id, title,
measure, figures[{key, label, value, total, percent}], table{columns[{key,
label, kind}], rows[{column key: value}]}``) and ``attention`` (``kind,
key, text``). Percentages are percent points (``45.5`` means 45.5 %);
statuses are stable keys (``achieved``, ``on_track``, ``at_risk``,
``behind``; actions ``done``, ``in_progress``, ``not_started``,
``overdue``); a value that does not apply is ``null``.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json

from relint_kpi.render.safe import neutralise_cell
from relint_kpi.report import REPORT_SCHEMA_VERSION, Criterion, Report


def _plain(value):
    """Turn dataclasses, dates and lists into JSON values, keeping field order."""
    if isinstance(value, Criterion):
        data = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name != "table"}
        keys = [c.key for c in value.table.columns]
        data["table"] = {
            "columns": [_plain(c) for c in value.table.columns],
            "rows": [{k: _plain(v) for k, v in zip(keys, row)} for row in value.table.rows],
        }
        return data
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def report_dict(report: Report) -> dict:
    """The report as a JSON-ready dict (see the module docstring for the layout)."""
    return {"schema_version": REPORT_SCHEMA_VERSION, **_plain(report)}


def render_json(report: Report) -> str:
    """Render the report as indented JSON (UTF-8 text, ends with a newline)."""
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"


def render_csv(report: Report) -> str:
    """Render the headline table as CSV: one row per indicator, raw numbers.

    The header uses stable column keys (``id,title,…``) so scripts can rely
    on it; statuses are keys too. Text cells are neutralised against
    formula injection (a title like ``=HYPERLINK(…)`` stays text in Excel).
    """
    keys = ["id", "title", "unit", "basis", "target", "actual", "percent", "status"]
    if report.previous_year is not None:
        keys += ["previous_target", "previous_actual", "previous_percent", "previous_status"]
    out = io.StringIO()
    # CRLF as RFC 4180 says; it also makes the writer quote a field holding a lone CR
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(keys)
    for row in report.headline:
        values = [getattr(row, k) for k in keys]
        writer.writerow(["" if v is None else neutralise_cell(v) for v in values])
    return out.getvalue()
