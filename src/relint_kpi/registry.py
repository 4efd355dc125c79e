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
from collections.abc import Callable
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


def trimmed(value: Any) -> str:
    """A cell's text without surrounding blanks ("" for a cell the row lacks)."""
    return "" if value is None else str(value).strip()


def required(code: str) -> Callable[[Any], str]:
    """A validator of a cell that must not be blank: a blank one is the issue ``code``."""

    def check(value: Any) -> str:
        if not trimmed(value):
            raise fail(code)
        return trimmed(value)

    return check


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
    problem = name_problem(trimmed(value))
    if problem:
        raise fail(problem.code, **dict(problem.params))
    return trimmed(value)


def _internal(value: Any) -> bool:
    text = trimmed(value).casefold()
    if text not in _YES | _NO:
        raise fail("bad-internal", value="" if value is None else str(value))
    return text in _YES


def _category(value: Any, info: ValidationInfo) -> str:
    categories = [c.id for c in info.context.stakeholder_categories]
    if trimmed(value) not in categories:
        raise fail("unknown-category", value=trimmed(value), choices=categories)
    return trimmed(value)


def _first_involved(value: Any) -> dt.date | None:
    if not trimmed(value):
        return None
    try:
        return parse_date(trimmed(value))
    except BadValue as exc:
        raise fail("bad-date", reason=message("in-field", field="first_involved", reason=exc.message)) from None


def _action(value: Any, info: ValidationInfo) -> str:
    action_ids = [a.id for a in info.context.actions]
    if trimmed(value) not in action_ids:
        raise fail("unknown-action", value=trimmed(value), choices=action_ids)
    return trimmed(value)


def _date(value: Any) -> dt.date:
    try:
        return parse_date(trimmed(value))
    except BadValue as exc:
        raise fail("bad-date", reason=exc.message) from None


def _qualitative(value: Any, info: ValidationInfo) -> str:
    wanted = [i.id for i in info.context.indicators if i.measure == "qualitative"]
    if trimmed(value) not in wanted:
        raise fail("unknown-qualitative-indicator", value=trimmed(value), choices=wanted)
    return trimmed(value)


def _level(value: Any, info: ValidationInfo) -> str:
    indicator_id = info.data.get("indicator")
    if indicator_id is None:  # the indicator was refused on its own
        return trimmed(value)
    indicator = info.context.indicator(indicator_id)
    if indicator.level_index(trimmed(value)) is None:
        raise fail("unknown-assessment-level", value=trimmed(value), id=indicator_id, choices=[level.id for level in indicator.scale])
    return trimmed(value)


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
    reason: Annotated[str, BeforeValidator(required("missing-assessment-reason"))] = Field(default="", validate_default=True)


def read_records(path: Path, plan: Plan, columns, required_columns, model, build, repeated=None) -> tuple[list, list[Issue]]:
    """The records of a small file of the data folder and its issues; a missing file holds none.

    Each row is judged by ``model`` and turned into a record by
    ``build(path, line, row)``. ``repeated(table, line, cells, row)``, when
    given, refuses a row that repeats an earlier one with the issue it returns.
    """
    if not path.exists():
        return [], []
    table = csvio.read_rows(path, columns, required_columns)
    records = []
    header = list(table.columns)
    for line, cells in table.rows:
        named = dict(zip(header, cells))
        row, issues = validate_cells(model, named, plan, path=table.path, line=line, columns=table.columns)
        clash = repeated(table, line, named, row) if repeated else None
        if clash is not None:
            issues.append(clash)
            row = None
        table.issues += issues
        if row is not None:
            records.append(build(table.path, line, row))
    return records, csvio.capped(table.issues)


def read_assessments(path: Path, plan: Plan) -> tuple[list[Assessment], list[Issue]]:
    """Read the recorded levels of qualitative indicators; a missing file means none recorded."""
    return read_records(
        path, plan, ASSESSMENT_COLUMNS, ASSESSMENT_COLUMNS, AssessmentRow,
        lambda where, line, row: Assessment(where, line, row.indicator, row.date, row.level, row.reason),
    )


def read_stakeholders(path: Path, plan: Plan) -> tuple[dict[str, Stakeholder], list[Issue]]:
    """Read the stakeholder registry; a missing file is an empty registry.

    Names are unique case-insensitively: a later row with a name already
    listed is refused.
    """
    first_lines: dict[str, int] = {}

    def repeated(table, line, cells, row) -> Issue | None:
        # Judged on the cell itself: a row refused for another reason still holds its name.
        name = trimmed(cells.get("name"))
        if not name:
            return None
        first = first_lines.setdefault(name.casefold(), line)
        if first == line:
            return None
        return Issue(table.path, line, table.columns["name"], "duplicate-stakeholder", {"name": name, "first": first})

    stakeholders, issues = read_records(
        path, plan, STAKEHOLDER_COLUMNS, ("name", "internal", "category"), StakeholderRow,
        lambda where, line, row: Stakeholder(where, line, row.name, row.internal, row.category, row.first_involved),
        repeated,
    )
    return {stakeholder.name: stakeholder for stakeholder in stakeholders}, issues


def read_deliverables(path: Path, plan: Plan) -> tuple[list[Deliverable], list[Issue]]:
    """Read the recorded deliverables; a missing file means none recorded."""
    return read_records(
        path, plan, DELIVERABLE_COLUMNS, ("action", "date"), DeliverableRow,
        lambda where, line, row: Deliverable(where, line, row.action, row.date, row.note),
    )
