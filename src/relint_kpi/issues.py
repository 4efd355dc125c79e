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

from relint_kpi import i18n

#: How many issues a reader collects before it stops and says so.
MAX_ISSUES = 200


def _frozen(params) -> tuple:
    """Parameters as a sorted tuple of pairs (hashable, comparable); lists become tuples."""
    items = params.items() if isinstance(params, dict) else params
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in items))


@dataclass(frozen=True, order=True)
class Message:
    """A catalogued message not yet put into words: its code and parameters.

    :func:`relint_kpi.i18n.render` turns it into Italian or English from the
    templates of :data:`relint_kpi.i18n.MESSAGES`; a parameter may itself be
    a :class:`Message` (a reason inside a message), rendered in the same language.
    """

    code: str
    params: tuple = ()

    def __post_init__(self):
        object.__setattr__(self, "params", _frozen(self.params))

    def text(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the run's language)."""
        return i18n.render(self.code, dict(self.params), lang)

    def __str__(self) -> str:
        return self.text()


def message(code: str, **params) -> Message:
    """The catalogued message ``code`` with ``params``."""
    return Message(code, params)


@dataclass(frozen=True, order=True)
class Issue:
    """One problem in a user's file.

    ``line`` and ``column`` are 1-based and refer to the file as the user
    sees it (header = line 1 in a CSV); 0 means "the whole file" or
    "not known". ``code`` is a short stable identifier (``unknown-type``)
    that tests and scripts can match on, and names the message's templates
    in :data:`relint_kpi.i18n.MESSAGES`; ``params`` fill them. ``subject``
    is what the message is about when it is not the cell itself (a plan
    key path ``indicators.0.id``, an option ``--territory``), shown before it.
    """

    path: str
    line: int
    column: int
    code: str
    params: tuple = ()
    subject: str = ""

    def __post_init__(self):
        object.__setattr__(self, "params", _frozen(self.params))

    def text(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the run's language), after its subject."""
        said = i18n.render(self.code, dict(self.params), lang)
        return f"{self.subject}: {said}" if self.subject else said

    @property
    def message(self) -> str:
        """The message in the run's language."""
        return self.text()


def format_issue(issue: Issue, lang: str | None = None) -> str:
    """Render an issue as ``path:line:col: message [code]`` for editors to jump to."""
    where = issue.path
    if issue.line:
        where += f":{issue.line}"
        if issue.column:
            where += f":{issue.column}"
    return f"{where}: {issue.text(lang)} [{issue.code}]"


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


class Problem(Exception):
    """An exception whose text is a catalogued :class:`Message`, rendered in the run's language."""

    def __init__(self, code: str, **params):
        self.message = Message(code, params)
        super().__init__(code)

    @property
    def code(self) -> str:
        """The message's code."""
        return self.message.code

    def text(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the run's language)."""
        return self.message.text(lang)

    def __str__(self) -> str:
        return self.message.text()


class BadValue(Problem, ValueError):
    """A text that is not the value it should be (a date, a count): the reason, as a message."""


class DataError(Exception):
    """Raised by library entry points when user data has problems.

    Carries the full list of issues so the CLI can print them all and exit 1.
    """

    def __init__(self, issues: list[Issue]):
        super().__init__(f"{len(issues)} problem(s) in the data")
        self.issues = issues


class UsageError(Problem):
    """Raised when the options a user gave cannot be honoured (exit code 2).

    ``UsageError(code, **params)``: the message names the valid choices, e.g.
    the plan's indicator ids.
    """
