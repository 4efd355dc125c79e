"""The small files of the data folder: the stakeholder registry and the recorded deliverables.

* ``stakeholders.csv`` — ``name,internal,category,first_involved``:
  ``internal`` is yes/no (sì works), ``category`` one of the plan's
  stakeholder categories, ``first_involved`` an optional date.
* ``deliverables.csv`` — ``action,date,note`` (written by
  ``relint complete-action``).
* ``assessments.csv`` — ``indicator,date,level,reason``: the levels of the
  plan's qualitative indicators, each recorded with its reason.

Each row is judged by a pydantic model (:class:`StakeholderRow`,
:class:`DeliverableRow`) with the plan as validation context, like an
activity row; the files are read with the csv module (no pandas), since the
recording commands need the registry too.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo

from relint_kpi import csvio
from relint_kpi.issues import BadValue, Issue, Message, message
from relint_kpi.periods import parse_date
from relint_kpi.plan import Plan
from relint_kpi.records import Assessment, Deliverable, Stakeholder
from relint_kpi.rows import Text, fail, validate_cells

STAKEHOLDER_COLUMNS = ("name", "internal", "category", "first_involved")
DELIVERABLE_COLUMNS = ("action", "date", "note")
ASSESSMENT_COLUMNS = ("indicator", "date", "level", "reason")

_YES = {"yes", "y", "sì", "si", "s", "true", "1", "interno", "internal"}
_NO = {"no", "n", "false", "0", "esterno", "external"}


def _cell(value: Any) -> str:
    return "" if value is None else str(value).strip()


def name_problem(name: str) -> Message | None:
    """The message (its code is the issue's) saying why ``name`` (trimmed) cannot name a stakeholder, or None.

    The one rule for the registry's rows and for ``add-stakeholder``: a
    name is not empty and holds no ``|``, which separates the names of an
    activity's stakeholders cell (``Ateneo|Comune``).
    """
    if not name:
        return message("missing-name")
    if "|" in name:
        return message("bad-name", name=name)
    return None


def _name(value: Any) -> str:
    problem = name_problem(_cell(value))
    if problem:
        raise fail(problem.code, **dict(problem.params))
    return _cell(value)


def _internal(value: Any) -> bool:
    text = _cell(value).casefold()
    if text not in _YES | _NO:
        raise fail("bad-internal", value="" if value is None else str(value))
    return text in _YES


def _category(value: Any, info: ValidationInfo) -> str:
    categories = [c.id for c in info.context.stakeholder_categories]
    if _cell(value) not in categories:
        raise fail("unknown-category", value=_cell(value), choices=categories)
    return _cell(value)


def _first_involved(value: Any) -> dt.date | None:
    if not _cell(value):
        return None
    try:
        return parse_date(_cell(value))
    except BadValue as exc:
        raise fail("bad-date", reason=message("in-field", field="first_involved", reason=exc.message)) from None


def _action(value: Any, info: ValidationInfo) -> str:
    action_ids = [a.id for a in info.context.actions]
    if _cell(value) not in action_ids:
        raise fail("unknown-action", value=_cell(value), choices=action_ids)
    return _cell(value)


def _date(value: Any) -> dt.date:
    try:
        return parse_date(_cell(value))
    except BadValue as exc:
        raise fail("bad-date", reason=exc.message) from None


def _qualitative(value: Any, info: ValidationInfo) -> str:
    wanted = [i.id for i in info.context.indicators if i.measure == "qualitative"]
    if _cell(value) not in wanted:
        raise fail("unknown-qualitative-indicator", value=_cell(value), choices=wanted)
    return _cell(value)


def _level(value: Any, info: ValidationInfo) -> str:
    indicator_id = info.data.get("indicator")
    if indicator_id is None:  # the indicator was refused on its own
        return _cell(value)
    indicator = info.context.indicator(indicator_id)
    if indicator.level_index(_cell(value)) is None:
        raise fail("unknown-assessment-level", value=_cell(value), id=indicator_id, choices=[level.id for level in indicator.scale])
    return _cell(value)


def _reason(value: Any) -> str:
    if not _cell(value):
        raise fail("missing-assessment-reason")
    return _cell(value)


class StakeholderRow(BaseModel):
    """A valid row of the registry; validate with the plan as context."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    name: Annotated[str, BeforeValidator(_name)] = Field(default="", validate_default=True)
    internal: Annotated[bool, BeforeValidator(_internal)] = Field(default="", validate_default=True)
    category: Annotated[str, BeforeValidator(_category)] = Field(default="", validate_default=True)
    first_involved: Annotated[dt.date | None, BeforeValidator(_first_involved)] = Field(default="", validate_default=True)


class DeliverableRow(BaseModel):
    """A valid recorded deliverable; validate with the plan as context."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    action: Annotated[str, BeforeValidator(_action)] = Field(default="", validate_default=True)
    date: Annotated[dt.date, BeforeValidator(_date)] = Field(default="", validate_default=True)
    note: Text = Field(default="", validate_default=True)


class AssessmentRow(BaseModel):
    """A valid assessment of a qualitative indicator; validate with the plan as context."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    indicator: Annotated[str, BeforeValidator(_qualitative)] = Field(default="", validate_default=True)
    date: Annotated[dt.date, BeforeValidator(_date)] = Field(default="", validate_default=True)
    level: Annotated[str, BeforeValidator(_level)] = Field(default="", validate_default=True)
    reason: Annotated[str, BeforeValidator(_reason)] = Field(default="", validate_default=True)


def read_assessments(path: Path, plan: Plan) -> tuple[list[Assessment], list[Issue]]:
    """Read the recorded levels of qualitative indicators; a missing file means none recorded."""
    return _read_records(
        path, plan, ASSESSMENT_COLUMNS, ASSESSMENT_COLUMNS, AssessmentRow,
        lambda where, line, row: Assessment(where, line, row.indicator, row.date, row.level, row.reason),
    )


def _read_records(path: Path, plan: Plan, columns, required, model, build) -> tuple[list, list[Issue]]:
    """The valid rows of a small file, each judged by ``model`` and turned into a record by ``build(path, line, row)``."""
    if not path.exists():
        return [], []
    table = csvio.read_rows(path, columns, required)
    records = []
    header = list(table.columns)
    for line, cells in table.rows:
        row, issues = validate_cells(model, dict(zip(header, cells)), plan, path=table.path, line=line, columns=table.columns)
        table.issues += issues
        if row is not None:
            records.append(build(table.path, line, row))
    return records, csvio.capped(table.issues)


def read_stakeholders(path: Path, plan: Plan) -> tuple[dict[str, Stakeholder], list[Issue]]:
    """Read the stakeholder registry; a missing file is an empty registry.

    Names are unique case-insensitively: a later row with a name already
    listed is refused.
    """
    if not path.exists():
        return {}, []
    table = csvio.read_rows(path, STAKEHOLDER_COLUMNS, ("name", "internal", "category"))
    registry: dict[str, Stakeholder] = {}
    seen: dict[str, int] = {}
    header = list(table.columns)
    for line, cells in table.rows:
        row, issues = validate_cells(StakeholderRow, dict(zip(header, cells)), plan, path=table.path, line=line, columns=table.columns)
        name = _cell(dict(zip(header, cells)).get("name"))
        if name and name.casefold() in seen:
            issues.insert(0, Issue(table.path, line, table.columns["name"], "duplicate-stakeholder", {"name": name, "first": seen[name.casefold()]}))
            row = None
        if name:
            seen.setdefault(name.casefold(), line)
        table.issues += issues
        if row is not None:
            registry[row.name] = Stakeholder(table.path, line, row.name, row.internal, row.category, row.first_involved)
    return registry, csvio.capped(table.issues)


def read_deliverables(path: Path, plan: Plan) -> tuple[list[Deliverable], list[Issue]]:
    """Read the recorded deliverables; a missing file means none recorded."""
    return _read_records(
        path, plan, DELIVERABLE_COLUMNS, ("action", "date"), DeliverableRow,
        lambda where, line, row: Deliverable(where, line, row.action, row.date, row.note),
    )
