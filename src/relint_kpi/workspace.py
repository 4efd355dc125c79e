"""Where the plan and the data live, and loading both in one call.

The plan defaults to ``data/plan_2022_2023.yaml`` relative to the working
directory (the repository root for the shipped data). The data folder is,
in order: ``--data``/``RELINT_DATA``; the plan's ``metadata.data_dir``,
relative to the plan file (so each plan finds its own data); ``data/``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from relint_kpi.issues import DataError, Issue, UsageError
from relint_kpi.plan import Plan, load_plan
from relint_kpi.yamlsafe import load_yaml

if TYPE_CHECKING:
    from relint_kpi.records import ActivityLog

DEFAULT_PLAN = Path("data/plan_2022_2023.yaml")
DEFAULT_DATA = Path("data")


@dataclass(frozen=True)
class Workspace:
    """The plan file and the data folder a command works on.

    The data folder holds ``actuals/`` (quarterly CSVs),
    ``stakeholders.csv`` and ``deliverables.csv``.
    """

    plan_path: Path
    data_dir: Path

    @property
    def actuals_dir(self) -> Path:
        """The folder of the quarterly actuals files."""
        return self.data_dir / "actuals"


def locate(plan: str | None = None, data: str | None = None) -> Workspace:
    """Pick the plan file and data folder from options, environment or defaults.

    Raises :class:`UsageError` when the plan file does not exist, naming the
    options that choose another one.
    """
    plan_path = Path(plan or os.environ.get("RELINT_PLAN") or DEFAULT_PLAN)
    if not plan_path.is_file():
        raise UsageError(
            f"no plan file at '{plan_path}'; run relint from the repository root, "
            "or pass --plan PATH (or set RELINT_PLAN) and --data FOLDER (or RELINT_DATA)"
        )
    chosen = data or os.environ.get("RELINT_DATA")
    if chosen:
        return Workspace(plan_path, Path(chosen))
    return Workspace(plan_path, _plan_data_dir(plan_path) or DEFAULT_DATA)


def _plan_data_dir(plan_path: Path) -> Path | None:
    """Read ``metadata.data_dir`` without validating the whole plan.

    So a plan with errors still gets its data folder, and ``validate`` can
    report problems in both.
    """
    try:
        data, _, _ = load_yaml(plan_path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return None
    metadata = data.get("metadata") if isinstance(data, dict) else None
    folder = metadata.get("data_dir") if isinstance(metadata, dict) else None
    return plan_path.parent / folder if isinstance(folder, str) else None


def load_plan_or_fail(workspace: Workspace) -> Plan:
    """Load the workspace's plan; raise :class:`DataError` with its issues if invalid."""
    plan, issues = load_plan(workspace.plan_path)
    if issues or plan is None:
        raise DataError(issues)
    return plan


def load_all(workspace: Workspace) -> tuple[Plan, ActivityLog]:
    """Load the plan and every data file; raise :class:`DataError` on any issue.

    A data set with errors is never half-used: any issue anywhere stops the
    command.
    """
    # The reader imports pandas: only the commands that compute load it.
    from relint_kpi.actuals import read_data

    plan = load_plan_or_fail(workspace)
    log, issues = read_data(workspace.data_dir, plan)
    if issues:
        raise DataError(issues)
    return plan, log


def check_all(workspace: Workspace) -> tuple[Plan | None, ActivityLog | None, list[Issue]]:
    """Load the plan and every data file, returning every issue found (for ``validate``)."""
    # The reader imports pandas: only the commands that compute load it.
    from relint_kpi.actuals import read_data

    plan, issues = load_plan(workspace.plan_path)
    if plan is None:
        return None, None, issues
    log, data_issues = read_data(workspace.data_dir, plan)
    return plan, log, issues + data_issues
