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

from pydantic import ValidationError

from relint_kpi import plancache
from relint_kpi.issues import DataError, Issue, UsageError, message
from relint_kpi.plan import Plan, load_plan
from relint_kpi.runlang import DEFAULT_PLAN

if TYPE_CHECKING:
    from relint_kpi.records import ActivityLog

DEFAULT_DATA = Path("data")


@dataclass(frozen=True)
class Workspace:
    """The plan file a command works on, and the data folder given by option, if any.

    The data folder holds ``actuals/`` (quarterly CSVs),
    ``stakeholders.csv`` and ``deliverables.csv``; without an option it
    comes from the plan (see :meth:`data_dir`).
    """

    plan_path: Path
    data_option: Path | None = None

    def data_dir(self, plan: Plan | None) -> Path:
        """The data folder: the option's; else the plan's ``metadata.data_dir``; else ``data/``.

        ``plan`` is the loaded plan, or None when it did not load (its
        ``data_dir`` is then read from the YAML alone, so ``validate`` can
        report problems in both the plan and the data).
        """
        if self.data_option is not None:
            return self.data_option
        folder = plan.metadata.data_dir if plan is not None else _plan_data_dir(self.plan_path)
        return self.plan_path.parent / folder if folder else DEFAULT_DATA


def locate(plan: str | None = None, data: str | None = None) -> Workspace:
    """Pick the plan file and data folder from options, environment or defaults.

    Raises :class:`UsageError` when the plan file does not exist, naming the
    options that choose another one.
    """
    plan_path = Path(plan or os.environ.get("RELINT_PLAN") or DEFAULT_PLAN)
    if not plan_path.is_file():
        raise UsageError("no-plan-file", path=str(plan_path))
    chosen = data or os.environ.get("RELINT_DATA")
    return Workspace(plan_path, Path(chosen) if chosen else None)


def _plan_data_dir(plan_path: Path) -> str | None:
    """``metadata.data_dir`` read from the YAML, without validating the plan."""
    # PyYAML only here: a plan that loads gives its data_dir itself.
    from relint_kpi.yamlsafe import load_yaml

    try:
        data, _, _ = load_yaml(plan_path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return None
    metadata = data.get("metadata") if isinstance(data, dict) else None
    folder = metadata.get("data_dir") if isinstance(metadata, dict) else None
    return folder if isinstance(folder, str) else None


def load_plan_or_fail(workspace: Workspace) -> Plan:
    """Load the workspace's plan; raise :class:`DataError` with its issues if invalid.

    A plan validated before with the same bytes comes from
    :mod:`relint_kpi.plancache` as JSON, which pydantic turns back into the
    plan without re-reading the YAML or re-checking its ISO codes.
    """
    try:
        raw = workspace.plan_path.read_bytes()
    except OSError:
        raw = None  # the loader says why
    validated: list[Plan] = []

    def validate() -> str | None:
        plan, issues = load_plan(workspace.plan_path, raw)
        if issues or plan is None:
            raise DataError(issues)
        validated.append(plan)
        return plan.model_dump_json()

    if raw is not None:
        payload, from_cache = plancache.remember(raw, validate)
        if from_cache:
            try:
                return Plan.model_validate_json(payload)
            except ValidationError:
                pass  # an entry of another shape: validate the file itself
    if not validated:
        validate()
    return validated[0]


def load_all(workspace: Workspace) -> tuple[Plan, ActivityLog]:
    """Load the plan and every data file; raise :class:`DataError` on any issue.

    A data set with errors is never half-used: any issue anywhere stops the
    command.
    """
    # The reader imports pandas: only the commands that compute load it.
    from relint_kpi.actuals import read_data

    plan = load_plan_or_fail(workspace)
    log, issues = read_data(workspace.data_dir(plan), plan)
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
    log, data_issues = read_data(workspace.data_dir(plan), plan)
    return plan, log, issues + data_issues


def data_warnings(log: ActivityLog) -> list[Issue]:
    """What ``validate`` warns of without failing: each likely duplicate row, naming the earlier one."""
    # progress imports pandas: only the commands that compute load it.
    from relint_kpi.progress import likely_duplicates

    warnings = []
    for found in likely_duplicates(log):
        said = message("warn-likely-duplicate", first=f"{found.first_path}:{found.first_line}", title=found.first_title)
        warnings.append(Issue(found.path, found.line, 0, "likely-duplicate", {"what": said}))
    return warnings


#: The plan and data shipped with relint: the repository's data/ folder.
SHIPPED_DATA = Path(__file__).resolve().parents[2] / "data"


def copy_demo(folder: str | Path) -> Path:
    """Copy the shipped plans and their data to ``folder``/data, for trying relint on a scratch copy.

    From ``folder`` every command then finds them by default (the plan at
    ``data/plan_2022_2023.yaml``, its data beside it), and nothing the user
    tries changes the shipped files. Refuses a ``folder`` that exists and is
    not empty. Returns the copy's data folder.
    """
    # shutil only for this command.
    import shutil

    target = Path(folder)
    plan = SHIPPED_DATA / DEFAULT_PLAN.name
    if not plan.is_file():
        raise UsageError("no-shipped-data", path=str(SHIPPED_DATA))
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError("demo-folder-not-empty", path=str(target))
    data = target / "data"
    target.mkdir(parents=True, exist_ok=True)
    # The whole folder: the office's notes and the other example plans with their data come too.
    shutil.copytree(SHIPPED_DATA, data, ignore=shutil.ignore_patterns(".relint*", "__pycache__", "*.tmp"))
    return data
