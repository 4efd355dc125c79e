"""The small files of the data folder: the stakeholder registry and the recorded deliverables.

* ``stakeholders.csv`` — ``name,internal,category,first_involved``:
  ``internal`` is yes/no (sì works), ``category`` one of the plan's
  stakeholder categories, ``first_involved`` an optional date.
* ``deliverables.csv`` — ``action,date,note`` (written by
  ``relint complete-action``).

Read with the csv module (no pandas), since the recording commands need
the registry too.
"""

from __future__ import annotations

from pathlib import Path

from relint_kpi import csvio
from relint_kpi.issues import Issue
from relint_kpi.periods import parse_date
from relint_kpi.plan import Plan
from relint_kpi.records import Deliverable, Stakeholder

STAKEHOLDER_COLUMNS = ("name", "internal", "category", "first_involved")
DELIVERABLE_COLUMNS = ("action", "date", "note")

_YES = {"yes", "y", "sì", "si", "s", "true", "1", "interno", "internal"}
_NO = {"no", "n", "false", "0", "esterno", "external"}



def read_stakeholders(path: Path, plan: Plan) -> tuple[dict[str, Stakeholder], list[Issue]]:
    """Read the stakeholder registry; a missing file is an empty registry."""
    if not path.exists():
        return {}, []
    table = csvio.read_rows(path, STAKEHOLDER_COLUMNS, ("name", "internal", "category"))
    categories = [c.id for c in plan.stakeholder_categories]
    registry: dict[str, Stakeholder] = {}
    seen: dict[str, int] = {}
    header = list(table.columns)
    for line, row in table.rows:
        cells = dict(zip(header, row))
        name = cells.get("name", "").strip()
        ok = True
        if not name:
            table.add(line, "name", "missing-name", "missing stakeholder name")
            ok = False
        elif name.casefold() in seen:
            table.add(line, "name", "duplicate-stakeholder", f"stakeholder '{name}' is already listed at line {seen[name.casefold()]}")
            ok = False
        internal_text = cells.get("internal", "").strip().casefold()
        if internal_text not in _YES | _NO:
            table.add(line, "internal", "bad-internal", f"internal must be yes or no (sì/no), got '{cells.get('internal', '')}'")
            ok = False
        category = cells.get("category", "").strip()
        if category not in categories:
            table.add(line, "category", "unknown-category", f"unknown category '{category}' — expected one of: {', '.join(categories)}")
            ok = False
        first = None
        first_text = cells.get("first_involved", "").strip()
        if first_text:
            try:
                first = parse_date(first_text)
            except ValueError as exc:
                table.add(line, "first_involved", "bad-date", f"first_involved: {exc}")
                ok = False
        if name:
            seen.setdefault(name.casefold(), line)
        if ok:
            registry[name] = Stakeholder(table.path, line, name, internal_text in _YES, category, first)
    return registry, csvio.capped(table.issues)


def read_deliverables(path: Path, plan: Plan) -> tuple[list[Deliverable], list[Issue]]:
    """Read the recorded deliverables; a missing file means none recorded."""
    if not path.exists():
        return [], []
    table = csvio.read_rows(path, DELIVERABLE_COLUMNS, ("action", "date"))
    action_ids = [a.id for a in plan.actions]
    deliverables = []
    header = list(table.columns)
    for line, row in table.rows:
        cells = dict(zip(header, row))
        action = cells.get("action", "").strip()
        ok = True
        if action not in action_ids:
            table.add(line, "action", "unknown-action", f"unknown action '{action}' — expected one of: {', '.join(action_ids)}")
            ok = False
        try:
            date = parse_date(cells.get("date", ""))
        except ValueError as exc:
            table.add(line, "date", "bad-date", str(exc))
            ok = False
        if ok:
            deliverables.append(Deliverable(table.path, line, action, date, cells.get("note", "").strip()))
    return deliverables, csvio.capped(table.issues)
