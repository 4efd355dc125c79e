"""User data problems as values.

Every problem relint finds in the user's files (the plan YAML, the actuals
CSVs, the stakeholder registry) becomes an :class:`Issue` that carries where
it is and how to fix it. Loaders return ``(result, issues)`` and never print
or exit; the CLI prints the issues with :func:`format_issue` and picks the
exit code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: How many issues a reader collects before it stops and says so.
MAX_ISSUES = 200


@dataclass(frozen=True, order=True)
class Issue:
    """One problem in a user's file.

    ``line`` and ``column`` are 1-based and refer to the file as the user
    sees it (header = line 1 in a CSV); 0 means "the whole file" or
    "not known". ``code`` is a short stable identifier (``unknown-type``)
    that tests and scripts can match on.
    """

    path: str
    line: int
    column: int
    code: str
    message: str


def format_issue(issue: Issue) -> str:
    """Render an issue as ``path:line:col: message`` for editors to jump to."""
    where = issue.path
    if issue.line:
        where += f":{issue.line}"
        if issue.column:
            where += f":{issue.column}"
    return f"{where}: {issue.message} [{issue.code}]"


def display_path(path: str | Path) -> str:
    """Return ``path`` relative to the working directory when it lies below it.

    Messages then read ``data/actuals/2022-Q1.csv:4:3`` instead of a long
    absolute path, which is what users type and what editors open.
    """
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)


class DataError(Exception):
    """Raised by library entry points when user data has problems.

    Carries the full list of issues so the CLI can print them all and exit 1.
    """

    def __init__(self, issues: list[Issue]):
        super().__init__(f"{len(issues)} problem(s) in the data")
        self.issues = issues


class UsageError(Exception):
    """Raised when the options a user gave cannot be honoured (exit code 2).

    The message names the valid choices, e.g. the plan's indicator ids.
    """
