"""Recording an activity at a terminal: each answer checked as it is given, then a summary.

``relint add-activity`` run in a terminal without every value asks for
what is missing, one question at a time. Each answer goes through the row
contract's own field type (:func:`relint_kpi.rows.check_cell`), so a wrong
one is asked again at once with the reader's reason (``31/02/2023`` is not a
real calendar date) and the closest words that would do
(:func:`relint_kpi.textmatch.closest`), and the answers already given are
kept. The questions follow the type: the quantity of a metric row (page
views), the participants of a type whose participants an indicator counts,
then, optionally, the stakeholders (several, by name) and the plan action.
The row is shown before anything is written; a likely duplicate, or the
quarter's existing row of a metric type, is said and asked about.

This module asks through a :class:`Terminal` the CLI gives it (only the CLI
imports typer), and imports neither rich nor pandas. Text from the user's
files is printed as every message is (:func:`~relint_kpi.render.safe.message_text`):
controls shown escaped (``\\x1b``), so the user sees which character is there
rather than a �.
"""

from __future__ import annotations

import dataclasses
import shlex
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from relint_kpi import writers
from relint_kpi.i18n import t
from relint_kpi.issues import DataError, display_path, format_issue
from relint_kpi.plan import Plan
from relint_kpi.render.safe import message_text
from relint_kpi.rows import RowContext, check_cell
from relint_kpi.storage import WriteError
from relint_kpi.territories import country_spellings
from relint_kpi.textmatch import closest

#: The words that answer yes and no, in either language.
_YES = {"s", "si", "sì", "y", "yes"}
_NO = {"n", "no"}
#: A registry this small is listed in full when stakeholders are asked for.
_LIST_ALL = 20


@dataclass(frozen=True)
class Terminal:
    """How to talk to the person: ``ask(prompt)`` returns the answer typed; ``say(text)`` prints a line.

    ``width``: the terminal's columns; long lines are wrapped at word
    boundaries to fit, indented under their first word.
    """

    ask: Callable[[str], str]
    print_line: Callable[[str], None]
    width: int = 80

    def say(self, text: str) -> None:
        """Print ``text``, wrapped to the terminal's width (continuation lines indented two more spaces)."""
        indent = " " * (len(text) - len(text.lstrip(" ")) + 2)
        self.print_line(textwrap.fill(text, max(self.width, 40), subsequent_indent=indent, break_on_hyphens=False) if text.strip() else text)

    def say_short(self, text: str) -> None:
        """Print ``text`` on one line, cut with … where the terminal ends (for a list of choices)."""
        limit = max(self.width, 40) - 1
        self.print_line(text if len(text) <= limit else text[: limit - 1] + "…")


def cell_lines(cells: dict[str, str], lang: str) -> list[str]:
    """A row's non-empty cells, one ``  column  value`` line each under the column's label in ``lang``, aligned."""
    labels = {key: t(f"column.{key}", lang) for key in cells}
    width = max(len(label) for label in labels.values())
    return [f"  {labels[key].ljust(width)}  {message_text(value)}" for key, value in cells.items() if value]


def confirm(term: Terminal, question: str, default: bool, lang: str) -> bool:
    """Ask a yes/no question (``s``/``sì``/``y``/``yes``, ``n``/``no``; blank: ``default``) until answered."""
    suffix = t("entry.yes_no.default_yes" if default else "entry.yes_no.default_no", lang)
    while True:
        answer = term.ask(f"{question} {suffix}").strip().casefold()
        if not answer:
            return default
        if answer in _YES or answer in _NO:
            return answer in _YES
        term.say(t("entry.yes_no.again", lang))


def _check(context: RowContext, name: str, text: str, row_type: str | None = None):
    """``(value, None)`` or ``(None, issue)``: one cell checked by the row contract (``row_type``: for a territory)."""
    return check_cell(name, text, dataclasses.replace(context, row_type=row_type) if row_type else context)


class _Interview:
    """The questions of one activity, with the plan and the registry to check the answers against."""

    def __init__(self, plan: Plan, context: RowContext, term: Terminal, lang: str):
        self.plan, self.context, self.term, self.lang = plan, context, term, lang

    def refuse(self, message: str, suggestions: list[str]) -> None:
        """Say why an answer was refused, and the closest choices if any."""
        self.term.say("  " + message_text(message))
        if suggestions:
            self.term.say("  " + t("entry.maybe", self.lang).format(choices=", ".join(map(message_text, suggestions))))

    def suggestions(self, name: str, text: str) -> list[str]:
        """The closest choices to a refused answer for ``name``."""
        if name == "type":
            words = [w for kind in self.plan.activity_types for w in (kind.id, *kind.aliases, kind.label.it, kind.label.en)]
            return closest(text, words)
        if name == "territory":
            places = {f"{p.name.get(self.lang)} ({p.code})": p.code for _, p in self.plan.all_territories()}
            names = {**{p.name.it: p.code for _, p in self.plan.all_territories()}, **{p.name.en: p.code for _, p in self.plan.all_territories()}}
            found = closest(text, [*places, *names])
            if not found:
                spellings = country_spellings()
                found = [f"{name} ({spellings[name]})" for name in closest(text, spellings)]
            return [f"{n} ({names[n]})" if n in names else n for n in found]
        if name == "stakeholders":
            return closest(text, self.context.stakeholders, limit=8)
        if name == "action":
            return closest(text, [a.id for a in self.plan.actions])
        return []

    def ask(self, name: str, prompt: str, *, given: str | None = None, row_type: str | None = None, optional: bool = False):
        """Ask for one cell until the row contract takes it; ``given`` (an option's value) is checked first.

        Returns the validated value (None for a blank optional answer).
        """
        text = given
        while True:
            if text is None:
                text = self.term.ask(prompt)
            if not text.strip():
                if optional:
                    return None
                if name in ("value", "participants"):
                    # A blank cell reads as 1 (or none): asked for, the figure itself is wanted.
                    self.refuse(t("entry.needed", self.lang), [])
                    text = None
                    continue
            value, issue = _check(self.context, name, text, row_type)
            if issue is None:
                return value
            self.refuse(issue.message, self.suggestions(name, text.strip()))
            text = None

    def stakeholders(self) -> list[str]:
        """Stakeholders by name, one per answer, until a blank one; each checked against the registry."""
        names = sorted(self.context.stakeholders, key=str.casefold)
        if not names:
            return []
        if len(names) <= _LIST_ALL:
            self.term.say(t("entry.stakeholders.all", self.lang).format(names=", ".join(map(message_text, names))))
        else:
            self.term.say(t("entry.stakeholders.many", self.lang).format(count=len(names)))
        chosen: list[str] = []
        while True:
            found = self.ask("stakeholders", t("entry.prompt.stakeholder", self.lang), optional=True)
            if not found:
                return chosen
            chosen += [name for name in found if name not in chosen]


def _canonical(value) -> str:
    """A checked value as the row contract reads it back: ISO date, plain number, ``|``-joined names."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return "|".join(value)
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def missing_required(plan: Plan, given: dict[str, str | None]) -> list[str]:
    """The required cells ``given`` lacks: type, date, title, and a territory unless the type needs none."""
    kind = plan.activity_type(given["type"]) if given.get("type") else None
    needed = ["type", "date", "territory", "title"]
    if kind is not None and not kind.needs_territory:  # an unknown type may need one (the check refuses it later)
        needed.remove("territory")
    return [name for name in needed if not given.get(name)]


def wants_interview(plan: Plan, context: RowContext, given: dict[str, str | None]) -> bool:
    """True when a required cell is missing or a given one is refused: the person is then asked."""
    if missing_required(plan, given):
        return True
    # Checked as add-activity checks options: a value it would refuse is asked again.
    return any(
        _check(context, name, value, given.get("type") if name == "territory" else None)[1] is not None
        for name, value in given.items()
        if value and name in _ASKED
    )


#: The cells the interview asks for (notes are only given as an option).
_ASKED = ("type", "date", "territory", "title", "value", "participants", "action", "stakeholders")


def interview(plan: Plan, context: RowContext, given: dict[str, str | None], term: Terminal, lang: str) -> dict[str, str]:
    """Ask for the activity's cells that ``given`` lacks or that the row contract refuses; return them all.

    ``given`` holds the options' values (None when not given). Values are
    returned as the contract reads them back (type id, ISO date and code,
    plain numbers, registered names).
    """
    # Answers are numbers as Italian Excel writes them: 5.000 is 5000.
    asking = _Interview(plan, dataclasses.replace(context, delimiter=";"), term, lang)
    fields = {name: value for name, value in given.items() if value}
    for name in _ASKED:
        if given.get(name):
            value, issue = _check(asking.context, name, given[name], given.get("type") if name == "territory" else None)
            if issue is not None:
                term.say(message_text(f"--{'stakeholder' if name == 'stakeholders' else name}: {issue.message}"))
                fields.pop(name)
            else:
                fields[name] = _canonical(value)
    if "type" not in fields:
        choices = ", ".join(f"{k.id} ({k.label.get(lang)})" for k in plan.activity_types)
        term.say(f"{t('recorded.types', lang)}: {choices}")
        fields["type"] = asking.ask("type", t("entry.prompt.type", lang))
    kind = plan.activity_type(fields["type"])
    fields["type"] = kind.id
    if "date" not in fields:
        fields["date"] = _canonical(asking.ask("date", t("entry.prompt.date", lang)))
    if kind.needs_territory and "territory" not in fields:
        codes = ", ".join(f"{place.code} {place.name.get(lang)}" for _, place in plan.all_territories())
        term.say(t("recorded.territories", lang).format(codes=codes))
        fields["territory"] = asking.ask("territory", t("entry.prompt.territory", lang), row_type=kind.id)
    if "title" not in fields:
        fields["title"] = asking.ask("title", t("entry.prompt.title", lang))
    if kind.metric and "value" not in fields:
        fields["value"] = str(asking.ask("value", t("entry.prompt.value", lang).format(label=kind.label.get(lang))))
    counted = {source.activity_type for i in plan.indicators for _, source in i.sources() if source.kind == "participants"}
    if kind.id in counted and "participants" not in fields:
        fields["participants"] = str(asking.ask("participants", t("entry.prompt.participants", lang)))
    if kind.metric:
        return {name: _canonical(value) for name, value in fields.items()}  # a figure of the quarter: no one met
    if "stakeholders" not in fields:
        fields["stakeholders"] = _canonical(tuple(asking.stakeholders()))
    if "action" not in fields and plan.actions:
        term.say(t("entry.actions", lang))
        for action in plan.actions:
            term.say_short(message_text(f"  {action.id} — {action.title.get(lang)}"))
        fields["action"] = _canonical(asking.ask("action", t("entry.prompt.action", lang), optional=True))
    return {name: _canonical(value) for name, value in fields.items()}


def command_line(fields: dict[str, str]) -> str:
    """The ``relint add-activity`` command that records the same row, quoted for a shell."""
    words = ["relint", "add-activity"]
    for name, value in fields.items():
        if not value:
            continue
        if name == "stakeholders":
            for one in value.split("|"):
                words += ["--stakeholder", one]
        else:
            words += [f"--{name}", value]
    return " ".join(shlex.quote(word) for word in words)


def record(
    data_dir: Path,
    plan: Plan,
    fields: dict[str, str],
    term: Terminal | None,
    lang: str,
    *,
    review: bool,
    dry_run: bool = False,
    allow_duplicate: bool = False,
    replace: bool = False,
) -> writers.Recorded | None:
    """Record the activity, asking at the terminal (``term``) what a refusal leaves open.

    ``review``: show the row and ask before writing (after an interview).
    A likely duplicate or the quarter's existing metric row is said and,
    at a terminal, asked about; without one it is refused
    (:class:`~relint_kpi.writers.Refused`). Returns None when the person
    says no (nothing written). When the write fails after an interview, the
    command that records the row is printed, so nothing typed is lost.
    """
    options = {"dry_run": dry_run, "allow_duplicate": allow_duplicate, "replace": replace}
    try:
        if term is None or not review:
            try:
                return writers.add_activity(data_dir, plan, fields, **options)
            except writers.Refused as refused:
                if term is None:
                    raise
                warnings = refused.issues
        else:
            preview = writers.add_activity(data_dir, plan, fields, **{**options, "dry_run": True})
            # A path is not wrapped.
            term.print_line(t("entry.summary", lang).format(where=message_text(display_path(preview.path))))
            for line in cell_lines(preview.cells, lang):
                term.print_line(line)
            warnings = list(preview.warnings)
        if not _agreed(term, warnings, review, lang):
            term.say(t("entry.nothing", lang))
            return None
        agreed = {"allow_duplicate": True, "replace": any(w.code == "metric-exists" for w in warnings)}
        return writers.add_activity(data_dir, plan, fields, **{**options, **agreed})
    except (DataError, WriteError):
        if term is not None and review:
            # One line, to copy.
            term.print_line(t("entry.retry", lang).format(command=message_text(command_line(fields))))
        raise


def _agreed(term: Terminal, warnings: list, review: bool, lang: str) -> bool:
    """Say the warnings and ask the question they call for (none and no review: yes)."""
    for warning in warnings:
        term.say(message_text(format_issue(warning)))
    if any(w.code == "metric-exists" for w in warnings):
        return confirm(term, t("entry.confirm.replace", lang), False, lang)
    if warnings:
        return confirm(term, t("entry.confirm.duplicate", lang), False, lang)
    return confirm(term, t("entry.confirm", lang), True, lang) if review else True
