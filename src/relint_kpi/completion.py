"""What the shell completes from the plan: indicator, action and type ids, territory codes, categories.

Completion runs on every Tab press, so the plan is read as plain YAML
(PyYAML's C loader, no validation, no pydantic, no pandas); a plan that
cannot be read completes nothing rather than printing an error in the
middle of the user's command line.
"""

from __future__ import annotations

import os
from pathlib import Path

from relint_kpi.runlang import DEFAULT_PLAN


def _plan_data(plan: str | None) -> dict:
    """The plan file's YAML as plain data; {} when it cannot be read."""
    # PyYAML only when completing.
    import yaml

    path = Path(plan or os.environ.get("RELINT_PLAN") or DEFAULT_PLAN)
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def _ids(items) -> list[str]:
    return [str(item["id"]) for item in items or [] if isinstance(item, dict) and "id" in item]


def _territories(data: dict) -> list[str]:
    codes = []
    for group in data.get("territory_groups") or []:
        if isinstance(group, dict):
            codes += [str(t["code"]) for t in group.get("territories") or [] if isinstance(t, dict) and "code" in t]
    return codes


#: What each completed option offers, from the plan's YAML.
KINDS = {
    "indicator": lambda data: _ids(data.get("indicators")),
    "action": lambda data: _ids(data.get("actions")),
    "category": lambda data: _ids(data.get("stakeholder_categories")),
    "type": lambda data: _ids(data.get("activity_types")),
    "territory": _territories,
    "subject": lambda data: [*_ids(data.get("indicators")), *_ids(data.get("actions"))],
}


def choices(kind: str, plan: str | None, incomplete: str) -> list[str]:
    """The plan's values of ``kind`` (a key of :data:`KINDS`) that start with ``incomplete`` (case-insensitively)."""
    values = KINDS[kind](_plan_data(plan))
    start = incomplete.casefold()
    return [value for value in dict.fromkeys(values) if value.casefold().startswith(start)]
