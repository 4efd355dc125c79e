"""The ``relint`` command line: parse options, call the library, render, exit.

Nothing but option parsing and error-to-exit-code mapping lives here:
exit 0 on success, 1 when the user's data has problems (printed as
``path:line:col: message`` on stderr), 2 on a usage error.

No ``from __future__ import annotations`` here: the command-line library
reads every command's signature at each run, and string annotations would
make it compile each one again (about 15 ms of every command).
"""

import contextlib
import gc
import os
import shutil
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
import typer.core
from typer._click.exceptions import UsageError as ClickUsageError  # typer ships its own click
from typer.core import TyperCommand, TyperGroup

from relint_kpi import __version__, i18n, runlang
from relint_kpi.i18n import current_lang, render, t
from relint_kpi.issues import MAX_ISSUES, BadValue, DataError, UsageError, display_path, format_issue
from relint_kpi.periods import parse_date
from relint_kpi.render import helptext
from relint_kpi.render.safe import message_text
from relint_kpi.storage import WriteError

#: Help keys of the options the command-line library adds itself, by parameter name.
_BUILT_IN_HELP = {
    "help": "help.opt.help",
    "install_completion": "help.opt.install-completion",
    "show_completion": "help.opt.show-completion",
}


def _command_help(command, key: str, lang: str) -> str:
    """The help text of ``command`` in ``lang``: English is its function's docstring, other languages the catalogue's ``key``.

    The command-line library has already read the docstring (``inspect.cleandoc``)
    into ``command.help``; it is kept aside, so that a later run in English finds it.
    """
    if not hasattr(command, "english_help"):
        command.english_help = command.help
    return command.english_help if lang == "en" else t(key, lang)


def _localize(command, lang: str, key: str = "help.app") -> None:
    """Put the help of ``command``, its options and its sub-commands in ``lang``.

    ``key`` is the catalogue key of the command's Italian help: ``help.app`` for
    relint itself, ``help.cmd.<name>`` for a command, ``help.cmd.<group>-<name>``
    for a command of a group (``help.cmd.export-iati``). Options' help texts are
    catalogue keys in both languages.
    """
    command.help = _command_help(command, key, lang)
    for item in command.params:
        key_of_option = getattr(item, "help_key", None) or _BUILT_IN_HELP.get(item.name) or item.help
        if key_of_option and key_of_option.startswith("help."):
            item.help_key, item.help = key_of_option, t(key_of_option, lang)
    for param in command.params:
        param.english_metavar = getattr(param, "english_metavar", param.metavar)
        param.metavar = helptext.metavar(param.english_metavar, lang)
    command.options_metavar = helptext.USAGE[lang]["options"]
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = helptext.USAGE[lang]["command"]
    prefix = "help.cmd." if key == "help.app" else key + "-"
    for name, sub in getattr(command, "commands", {}).items():
        _localize(sub, lang, prefix + name)


class _Localized:
    """What the group and its commands share: the usage line and the help option in the run's language."""

    def format_usage(self, ctx, formatter) -> None:
        """The usage line, its prefix in the run's language."""
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=helptext.USAGE[current_lang()]["prefix"])

    def get_help_option(self, ctx):
        """The ``--help`` option, its own help in the run's language."""
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = t("help.opt.help", current_lang())
        return option

    def make_context(self, *args, **kwargs):
        """Parse the options; an option error speaks the run's language."""
        with _local_usage_errors():
            return super().make_context(*args, **kwargs)


class LocalUsageError(ClickUsageError):
    """An option error of the command-line library, shown in the run's language."""

    def show(self, file=None) -> None:
        """Print the usage line, where to find help and the error, as the library does."""
        lang = current_lang()
        if self.ctx is not None:
            hint = helptext.usage_hint(self.ctx.command_path, self.ctx.help_option_names[0], lang)
            typer.echo(self.ctx.get_usage() + "\n" + hint + "\n", err=True)
        say(render("error", {"message": helptext.error_message(self.format_message(), lang)}), err=True)


@contextlib.contextmanager
def _local_usage_errors():
    """Turn the library's option errors into :class:`LocalUsageError`."""
    try:
        yield
    except LocalUsageError:
        raise
    except ClickUsageError as exc:
        raise LocalUsageError(exc.format_message(), exc.ctx) from None


class RelintCommand(_Localized, TyperCommand):
    """A command whose help page and option errors are in the run's language."""


class RelintGroup(_Localized, TyperGroup):
    """The command group: fixes the run's language from the raw command line before parsing.

    ``--help`` is written before any option is parsed, so ``--lang``, the
    environment and the plan's language are read here (:mod:`relint_kpi.runlang`).
    """

    def main(self, args=None, *pos, **kwargs):
        """Choose the language of this run, put the help in it, then parse and run the command."""
        args = list(sys.argv[1:] if args is None else args)
        lang = runlang.from_command_line(args, os.environ)
        i18n.set_lang(lang)
        _localize(self, lang)
        # typer writes "Options", "[default: …]", "[required]" through gettext: give it the run's language.
        typer.core._ = helptext.gettext(lang)
        return super().main(args, *pos, **kwargs)

    def resolve_command(self, ctx, args):
        """Find the sub-command; an unknown one is refused in the run's language."""
        with _local_usage_errors():
            return super().resolve_command(ctx, args)


app = typer.Typer(
    cls=RelintGroup,
    add_completion=True,
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def command(name: str):
    """Register a command: its docstring is its English ``--help``, the catalogue's ``help.cmd.<name>`` its Italian one.

    The docstring is written for the person running relint, and ends with an
    ``Example:`` line; a test keeps the two languages in step.
    """
    return app.command(name, cls=RelintCommand)


def complete(kind: str):
    """A completion callback offering the plan's values of ``kind`` (see :mod:`relint_kpi.completion`)."""

    def offer(ctx: typer.Context, incomplete: str) -> list[str]:
        # Imported on a Tab press only: it reads the plan's YAML.
        from relint_kpi.completion import choices

        return choices(kind, ctx.find_root().params.get("plan"), incomplete)

    return offer


class Lang(str, Enum):
    """The language relint speaks (see :mod:`relint_kpi.runlang`)."""

    it = "it"
    en = "en"


#: ``--lang``, accepted before and after the command. Its value is read from the raw
#: command line before parsing (runlang), so the help is already in that language.
LangOption = Annotated[Optional[Lang], typer.Option("--lang", help="help.opt.lang")]


class State:
    """Global options, shared by every command through the typer context."""

    plan: Optional[str] = None
    data: Optional[str] = None
    debug: bool = False


STATE = State()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"relint {__version__}")
        raise typer.Exit()


@app.callback()
def _global(
    plan: Annotated[
        Optional[str], typer.Option("--plan", metavar="PATH", help="help.opt.plan")
    ] = None,
    data: Annotated[
        Optional[str], typer.Option("--data", metavar="FOLDER", help="help.opt.data")
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="help.opt.debug")] = False,
    language: LangOption = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="help.opt.version")
    ] = False,
) -> None:
    """Track an international-relations plan's KPIs against its targets.

    Run from the repository root to use data/plan_2022_2023.yaml and its data folder, or pass --plan and
    --data.

    Example: relint status --by territory
    """
    STATE.plan, STATE.data, STATE.debug = plan, data, debug


def say(text: str, err: bool = False, nl: bool = True) -> None:
    """Print one message line; text from the user's files in it is shown escaped, never acted on.

    Control characters (ESC, C1), invisible ones (no-break space, BOM,
    zero-width) and line ends appear as ``\\x1b``, ``\\xa0``, ``\\ufeff``,
    ``\\n`` (:func:`~relint_kpi.render.safe.message_text`).
    """
    typer.echo(message_text(text), err=err, nl=nl)


def say_lines(text: str) -> None:
    """Print lines relint laid out itself (a wrapped paragraph): each line escaped as :func:`say` does."""
    for line in text.split("\n"):
        say(line)


def print_issues(issues) -> None:
    """Print issues as ``path:line:col: message`` on stderr, capped at MAX_ISSUES.

    A reader that stopped listing (a ``too-many-issues`` notice) makes the
    count a lower bound, and the summary says so rather than a wrong figure.
    """
    notices = [i for i in issues if i.code == "too-many-issues"]
    problems = [i for i in issues if i.code != "too-many-issues"]
    for issue in problems[:MAX_ISSUES]:
        say(format_issue(issue), err=True)
    if len(problems) > MAX_ISSUES:
        say(render("more-problems", {"n": len(problems) - MAX_ISSUES, "shown": MAX_ISSUES}), err=True)
    for notice in notices:
        say(format_issue(notice), err=True)
    say(render("problems-found-over" if notices else "problems-found", {"n": len(problems)}), err=True)


def run(action) -> None:
    """Run a command body, mapping library errors to messages (in the run's language) and exit codes."""
    try:
        action()
    except DataError as exc:
        print_issues(exc.issues)
        raise typer.Exit(1)
    except UsageError as exc:
        say(render("error", {"message": exc.message}), err=True)
        raise typer.Exit(2)
    except WriteError as exc:
        say(render("error", {"message": exc.message}), err=True)
        raise typer.Exit(1)
    except BrokenPipeError:
        # The reader went away (`relint status | head`): stop quietly, as Unix tools do.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(1)
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except Exception as exc:  # noqa: BLE001 - last line of defence: no traceback unless --debug
        if STATE.debug:
            raise
        say(render("internal-error", {"kind": type(exc).__name__, "detail": str(exc)}), err=True)
        raise typer.Exit(3)


def workspace():
    """The plan and data locations chosen by the global options."""
    # Imported when needed, so --help loads neither pydantic nor pandas.
    from relint_kpi.workspace import locate

    return locate(STATE.plan, STATE.data)


# -- plan & validate -------------------------------------------------------------


@command("plan")
def plan_command(
    language: LangOption = None,
) -> None:
    """Show the plan: results, indicators and targets; territories by group; actions with timing.

    Example: relint plan --lang en
    """

    def body():
        # Imported when the command runs, so --help loads neither pydantic nor pandas.
        from relint_kpi.render.plan_view import render_plan
        from relint_kpi.workspace import load_plan_or_fail

        render_plan(load_plan_or_fail(workspace()), current_lang())

    run(body)


@command("validate")
def validate_command(
    year: Annotated[Optional[int], typer.Option("--year", metavar="INTEGER", help="help.opt.validate-year")] = None,
    language: LangOption = None,
) -> None:
    """Check the plan and every data file; print each problem as path:line:col.

    Exits 0 when everything is valid, 1 when there are problems. Likely duplicate rows (same date, type
    and territory, similar title) are listed as warnings, with the earlier row's line. With --year, a
    target missed in that year (once it is over) with no reason in data/notes.csv is a warning too.
    Warnings are printed but the exit code stays 0.

    Example: relint --data data validate --year 2023
    """

    def body():
        # Imported when the command runs, so --help loads neither pydantic nor pandas.
        from relint_kpi.workspace import check_all, data_warnings

        ws = workspace()
        plan, log, issues = check_all(ws)
        if issues:
            raise DataError(issues)
        lang = current_lang()
        duplicates = data_warnings(log)
        for warning in duplicates[:MAX_ISSUES]:
            say(format_issue(warning), err=True)
        if duplicates:
            say(t("warn.count", lang).format(count=len(duplicates)), err=True)
        warnings = []
        if year is not None:
            # Imported only with --year: the deviation check computes the year's status.
            from relint_kpi.notes import unexplained_deviations, year_is_running

            warnings = unexplained_deviations(plan, log, ws.data_dir(plan), year, lang=lang)
            if year_is_running(year):
                say(t("validate.running", lang).format(year=year), err=True)
        for warning in warnings:
            say(format_issue(warning), err=True)
        rows = len(log.activities) if log else 0
        say(render("validate-ok", {"plan": ws.plan_path, "n": rows, "folder": ws.data_dir(plan) / "actuals"}))
        if warnings:
            say(t("validate.warnings", lang).format(count=len(warnings), year=year), err=True)

    run(body)


@command("demo")
def demo_command(
    folder: Annotated[str, typer.Argument(metavar="FOLDER", help="help.arg.folder")],
    language: LangOption = None,
) -> None:
    """Copy the shipped plan and data into FOLDER/data, to try relint without changing the shipped
    files; then run the commands from FOLDER.

    Example: relint demo trial
    """

    def body():
        # Imported when the command runs, so --help loads neither pydantic nor pandas.
        from relint_kpi.workspace import copy_demo

        data = copy_demo(folder)
        say_lines(render("demo-copied", {"data": display_path(data), "folder": folder}))

    run(body)


# -- actuals: add-activity, add-stakeholder, import-pageviews, complete-action ----


def stdin_is_interactive() -> bool:
    """True when a person can answer prompts (tests replace this)."""
    return sys.stdin.isatty()


def terminal():
    """The prompts and lines of an interactive run, or None when standard input is not a terminal."""
    if not stdin_is_interactive():
        return None
    # Imported when needed: entry loads pydantic, which --help does without.
    from relint_kpi.entry import Terminal

    ask = lambda text: typer.prompt(text, default="", show_default=False)  # noqa: E731
    return Terminal(ask=ask, print_line=say_lines, width=shutil.get_terminal_size().columns)


def _chosen(plan, kind: str, text: Optional[str]) -> Optional[str]:
    """The id a choice of add-activity names (id or label, either language), else the text as typed.

    Text that names nothing is left for the row contract to refuse, so that
    every problem of the row is listed at once, as `validate` lists them.
    """
    # Imported when the command runs, so --help loads neither pydantic nor pandas.
    from relint_kpi.choices import resolve_choice

    try:
        return resolve_choice(plan, kind, text, current_lang()) if text else text
    except UsageError:
        return text


def _say_inside(plan, code: str, lang: str) -> None:
    """Tell, on stderr, which priority territories lie inside a territory that is not one itself."""
    # Imported when the command runs, so --help loads neither pydantic nor pandas.
    from relint_kpi.territories import iso_name, priority_inside

    inside = priority_inside(plan, code)
    if inside:
        names = {p.code: p.name.get(lang) for _, p in plan.all_territories()}
        listed = ", ".join(f"{names[c]} ({c})" for c in inside)
        say(t("status.filtered.inside", lang).format(name=iso_name(code, lang), code=code, inside=listed), err=True)


def _print_recorded(recorded, lang: str) -> None:
    """Print where a row went and its cells, each under its column's label in the run's language."""
    where = display_path(recorded.path)
    if recorded.dry_run:
        say(t("recorded.dry_run", lang).format(where=where))
    else:
        replaced = render("recorded-replaced", {"n": recorded.replaced}, lang) if recorded.replaced else ""
        say(t("recorded.in", lang).format(where=f"{where}:{recorded.line}") + replaced)
    if recorded.matched is not None:
        matched, rows = recorded.matched
        say("  " + t("recorded.matched", lang).format(matched=matched, rows=rows, value=recorded.cells["value"]))
    # Imported when needed: entry loads pydantic, which --help does without.
    from relint_kpi.entry import cell_lines

    for line in cell_lines(recorded.cells, lang):
        say(line)
    for warning in recorded.warnings:
        say(format_issue(warning), err=True)


@command("add-activity")
def add_activity_command(
    type_: Annotated[Optional[str], typer.Option("--type", metavar="TYPE", help="help.opt.type", autocompletion=complete("type"))] = None,
    date: Annotated[Optional[str], typer.Option("--date", metavar="DATE", help="help.opt.date")] = None,
    territory: Annotated[Optional[str], typer.Option("--territory", metavar="TERRITORY", help="help.opt.territory", autocompletion=complete("territory"))] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="help.opt.title")] = None,
    action: Annotated[Optional[str], typer.Option("--action", metavar="ACTION_ID", help="help.opt.action", autocompletion=complete("action"))] = None,
    participants: Annotated[Optional[str], typer.Option("--participants", metavar="INTEGER", help="help.opt.participants")] = None,
    stakeholder: Annotated[Optional[list[str]], typer.Option("--stakeholder", metavar="NAME", help="help.opt.stakeholder")] = None,
    value: Annotated[Optional[str], typer.Option("--value", metavar="INTEGER", help="help.opt.value")] = None,
    notes: Annotated[Optional[str], typer.Option("--notes", help="help.opt.notes")] = None,
    venue: Annotated[Optional[str], typer.Option("--venue", metavar="VENUE", help="help.opt.venue")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="help.opt.dry-run")] = False,
    allow_duplicate: Annotated[bool, typer.Option("--allow-duplicate", help="help.opt.allow-duplicate")] = False,
    replace: Annotated[bool, typer.Option("--replace", help="help.opt.replace-pageviews")] = False,
    language: LangOption = None,
) -> None:
    """Record one activity in its quarter's file (data/actuals/YYYY-Qn.csv), with a new id.

    In a terminal, missing or refused values are asked for one at a time, each checked as it is typed;
    the row is shown before it is written. The row is checked exactly as `relint validate` checks files,
    and written in the file's own form (delimiter, dates, type words). A row like one already recorded
    (same date, type and territory, similar title) is refused unless --allow-duplicate; unknown
    stakeholders must first be registered with `relint add-stakeholder`.

    Example: relint add-activity --type meeting --date 2023-03-11 --territory BE --title "Ambassador of Belgium"
    """

    def body():
        # Imported when the command runs, so --help loads neither pydantic nor pandas.
        from relint_kpi import entry
        from relint_kpi.rows import RowContext
        from relint_kpi.workspace import load_plan_or_fail
        from relint_kpi.writers import load_registry

        ws = workspace()
        plan = load_plan_or_fail(ws)
        lang = current_lang()
        data_dir = ws.data_dir(plan)
        given = {
            "type": _chosen(plan, "type", type_),
            "date": date,
            "territory": _chosen(plan, "territory", territory),
            "title": title,
            "action": _chosen(plan, "action", action),
            "participants": participants,
            "stakeholders": "|".join(stakeholder or []) or None,
            "value": value,
            "notes": notes,
            "venue": venue,
        }
        term = terminal()
        missing = entry.missing_required(plan, given)
        if missing and term is None:
            raise UsageError("missing-options", options=[f"--{name}" for name in missing])
        review = False
        if term is not None:
            context = RowContext(plan, load_registry(data_dir, plan))
            if entry.wants_interview(plan, context, given):
                given, review = entry.interview(plan, context, given, term, lang), True
        fields = {name: cell for name, cell in given.items() if cell is not None}
        options = {"dry_run": dry_run, "allow_duplicate": allow_duplicate, "replace": replace}
        recorded = entry.record(data_dir, plan, fields, term, lang, review=review, **options)
        if recorded is None:
            raise typer.Exit(1)
        _print_recorded(recorded, lang)
        if fields.get("territory"):
            _say_inside(plan, _chosen(plan, "territory", fields["territory"]), lang)

    run(body)


@command("add-stakeholder")
def add_stakeholder_command(
    name: Annotated[str, typer.Argument(metavar="NAME", help="help.arg.name")],
    category: Annotated[str, typer.Option("--category", metavar="CATEGORY", help="help.opt.category", autocompletion=complete("category"))],
    internal: Annotated[
        Optional[bool],
        typer.Option("--internal/--external", help="help.opt.internal"),
    ] = None,
    first_involved: Annotated[
        Optional[str], typer.Option("--first-involved", metavar="DATE", help="help.opt.first-involved")
    ] = None,
    language: LangOption = None,
) -> None:
    """Register a stakeholder in stakeholders.csv, so activities can name it.

    Example: relint add-stakeholder "Comune di Bologna" --category local_authority --external
    """

    def body():
        # Imported when the command runs, so --help loads neither pydantic nor pandas.
        from relint_kpi.workspace import load_plan_or_fail
        from relint_kpi.writers import add_stakeholder

        if internal is None:
            raise UsageError("internal-or-external")
        when = parse_date_option(first_involved, "--first-involved")
        ws = workspace()
        plan = load_plan_or_fail(ws)
        recorded = add_stakeholder(
            ws.data_dir(plan), plan, name, category=category, internal=internal, first_involved=when, lang=current_lang()
        )
        _print_recorded(recorded, current_lang())

    run(body)


@command("complete-action")
def complete_action_command(
    action_id: Annotated[str, typer.Argument(metavar="ACTION_ID", help="help.arg.action", autocompletion=complete("action"))],
    date: Annotated[str, typer.Option("--date", metavar="DATE", help="help.opt.deliverable-date")],
    note: Annotated[str, typer.Option("--note", help="help.opt.note")] = "",
    language: LangOption = None,
) -> None:
    """Record that a plan action's deliverable was achieved (deliverables.csv).

    Example: relint complete-action quebec_agreement --date 2023-10-20 --note "Agreement signed"
    """

    def body():
        # Imported when the command runs, so --help loads neither pydantic nor pandas.
        from relint_kpi.workspace import load_plan_or_fail
        from relint_kpi.writers import complete_action

        when = parse_date_option(date, "--date")
        ws = workspace()
        plan = load_plan_or_fail(ws)
        _print_recorded(complete_action(ws.data_dir(plan), plan, action_id, date=when, note=note, lang=current_lang()), current_lang())

    run(body)


@command("add-note")
def add_note_command(
    subject: Annotated[str, typer.Argument(metavar="SUBJECT", help="help.arg.note-subject", autocompletion=complete("subject"))],
    reason: Annotated[str, typer.Argument(metavar="REASON", help="help.arg.note-reason")],
    year: Annotated[Optional[int], typer.Option("--year", metavar="INTEGER", help="help.opt.note-year")] = None,
    next_steps: Annotated[str, typer.Option("--next-steps", "--next", metavar="TEXT", help="help.opt.next-steps")] = "",
    replace: Annotated[bool, typer.Option("--replace", help="help.opt.replace-note")] = False,
    language: LangOption = None,
) -> None:
    """Write the office's reason for a deviation, and what will be done, in data/notes.csv.

    The report shows each note beside its indicator or action; a target missed in a closed year without
    one is listed among the points of attention. One note per subject and year: --replace rewrites an
    existing one.

    Example: relint add-note diplomatic_meetings --year 2023 "Fewer visits as the mission to China was postponed" --next "Mission rescheduled for March 2024"
    """

    def body():
        # Imported when the command runs, so --help loads neither pydantic nor pandas.
        from relint_kpi.notes import add_note
        from relint_kpi.workspace import load_plan_or_fail

        ws = workspace()
        plan = load_plan_or_fail(ws)
        written = add_note(ws.data_dir(plan), plan, subject, year=year, reason=reason, next_steps=next_steps, replace=replace)
        _print_recorded(written, current_lang())

    run(body)


@command("import-pageviews")
def import_pageviews_command(
    export: Annotated[str, typer.Argument(metavar="FILE", help="help.arg.export")],
    quarter: Annotated[str, typer.Option("--quarter", metavar="QUARTER", help="help.opt.quarter")],
    language: LangOption = None,
) -> None:
    """Record a quarter's page views of the plan's web section from an analytics export.

    Sums the page views (not unique views) of the pages matching the plan's pageviews_import patterns,
    and replaces any earlier page-views row of that quarter.

    Example: relint import-pageviews export-2022-Q4.csv --quarter 2022Q4
    """

    def body():
        # Imported when the command runs, so --help loads neither pydantic nor pandas.
        from relint_kpi.workspace import load_plan_or_fail
        from relint_kpi.writers import import_pageviews, parse_quarter

        ws = workspace()
        plan = load_plan_or_fail(ws)
        if not Path(export).is_file():
            raise UsageError("no-such-file", path=export)
        _print_recorded(import_pageviews(ws.data_dir(plan), plan, export, parse_quarter(quarter, plan)), current_lang())

    run(body)


# -- status ------------------------------------------------------------------------


class Breakdown(str, Enum):
    """What ``relint status --by`` breaks down by (progress.BREAKDOWNS; a test keeps them equal)."""

    territory = "territory"
    group = "group"
    type = "type"
    quarter = "quarter"
    category = "category"
    internal = "internal"


class StatusFormat(str, Enum):
    """Output formats of ``relint status``."""

    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


class CsvForm(str, Enum):
    """The two forms of a CSV export."""

    excel = "excel"
    rfc4180 = "rfc4180"


def parse_date_option(text: Optional[str], option: str):
    """Parse a date option (YYYY-MM-DD or DD/MM/YYYY); malformed is a usage error."""
    if text is None:
        return None
    try:
        return parse_date(text)
    except BadValue as exc:
        raise UsageError("in-field", field=option, reason=exc.message) from None


@command("status")
def status_command(
    year: Annotated[Optional[int], typer.Option("--year", metavar="INTEGER", help="help.opt.status-year")] = None,
    as_of: Annotated[
        Optional[str], typer.Option("--as-of", metavar="DATE", help="help.opt.status-as-of")
    ] = None,
    by: Annotated[Optional[Breakdown], typer.Option("--by", help="help.opt.by")] = None,
    indicator: Annotated[
        Optional[list[str]], typer.Option("--indicator", metavar="INDICATOR", help="help.opt.indicator", autocompletion=complete("indicator"))
    ] = None,
    territory: Annotated[
        Optional[str], typer.Option("--territory", metavar="TERRITORY", help="help.opt.status-territory", autocompletion=complete("territory"))
    ] = None,
    explain_id: Annotated[
        Optional[str], typer.Option("--explain", metavar="INDICATOR", help="help.opt.explain", autocompletion=complete("indicator"))
    ] = None,
    interval: Annotated[int, typer.Option("--interval", min=1, max=99, metavar="INTEGER", help="help.opt.interval")] = 80,
    language: LangOption = None,
    fmt: Annotated[StatusFormat, typer.Option("--format", help="help.opt.format")] = StatusFormat.table,
    csv_form: Annotated[Optional[CsvForm], typer.Option("--csv", help="help.opt.csv")] = None,
) -> None:
    """Progress against targets: per indicator the target, actual, %, expected to date, projection, what
    remains, the pace needed per quarter and a status.

    The as-of date defaults to today (clipped to the plan period), the year to the as-of date's year.
    --explain lists the exact rows behind a figure, in any --format. --territory gives a filtered view:
    the territory's actuals and their share of the plan's total, judged only against a target the plan
    sets for that territory. Once a year is over its pace per quarter is shown as — (null in JSON).

    During the year a count's projection carries a forecast: "14 (11-17), 38 %" is 14 at the pace so
    far, 11 to 17 with 80 % probability (--interval), and a 38 % chance of reaching the target (the
    model: README, "Forecast").

    Example: relint status --by territory --lang en
    """

    def body():
        # Imported when the command runs, so --help loads neither pydantic nor pandas.
        from relint_kpi import progress
        from relint_kpi.workspace import load_all

        when = parse_date_option(as_of, "--as-of")
        ws = workspace()
        plan, log = load_all(ws)
        form = csv_form.value if csv_form else None
        if explain_id is not None:
            # Imported when the command runs, so --help loads neither pydantic nor pandas.
            from relint_kpi.render.status import render_explain

            table = progress.compute_status(
                plan, log, year=year, as_of=when, lang=current_lang(), indicator_ids=[explain_id], territory=territory
            )
            rows = progress.explain(plan, log, table.indicators[0].id, year=year, as_of=when, territory=territory)
            text = render_explain(rows, table, fmt.value, form)
            if text is not None:
                typer.echo(text, nl=False)
            return
        table = progress.compute_status(
            plan, log, year=year, as_of=when, lang=current_lang(), by=by.value if by else None, indicator_ids=indicator, territory=territory,
            interval=interval / 100,
        )
        if fmt is StatusFormat.table:
            # Imported when the command runs, so --help loads neither pydantic nor pandas.
            from relint_kpi.render.status import render_table

            render_table(table)
        else:
            # Imported when the command runs, so --help loads neither pydantic nor pandas.
            from relint_kpi.render.status import render_status

            typer.echo(render_status(table, fmt.value, form), nl=False)

    run(body)


# -- report ------------------------------------------------------------------------


class ReportFormat(str, Enum):
    """Output formats of ``relint report``."""

    table = "table"
    md = "md"
    html = "html"
    xlsx = "xlsx"
    pdf = "pdf"
    docx = "docx"
    json = "json"
    csv = "csv"


@command("report")
def report_command(
    year: Annotated[int, typer.Option("--year", metavar="INTEGER", help="help.opt.report-year")],
    as_of: Annotated[
        Optional[str],
        typer.Option("--as-of", metavar="DATE", help="help.opt.report-as-of"),
    ] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", help="help.opt.format")] = ReportFormat.table,
    output: Annotated[
        Optional[str], typer.Option("--output", metavar="FILE", help="help.opt.output")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="help.opt.force")] = False,
    language: LangOption = None,
    csv_form: Annotated[Optional[CsvForm], typer.Option("--csv", help="help.opt.csv")] = None,
) -> None:
    """Year-end report: indicators against targets (with the previous year's), results, activity by
    territory and type, stakeholders, the systemic actions, the plan's evaluation criteria and what
    needs attention.

    Formats: table (terminal), md (Markdown tables), html (one self-contained page with charts,
    printable on A4), pdf (PDF/A for the archive), docx (an editable Word document), xlsx (one sheet per
    section, printable), json (all the data) and csv (the headline table; for Excel with Italian
    settings unless --csv rfc4180 or --lang en). --output writes a file and never replaces an existing
    one unless --force is given.

    Example: relint report --year 2023 --format html --output report-2023.html
    """

    def body():
        # Imported when the command runs, so --help loads neither pydantic nor pandas.
        from relint_kpi.render.report_export import write_report
        from relint_kpi.report import build_report
        from relint_kpi.workspace import load_all

        when = parse_date_option(as_of, "--as-of")
        plan, log = load_all(workspace())
        report = build_report(plan, log, year=year, as_of=when, lang=current_lang())
        write_report(report, fmt.value, output, force=force, csv_form=csv_form.value if csv_form else None)

    run(body)


# -- export ------------------------------------------------------------------------

export_app = typer.Typer(cls=RelintGroup, no_args_is_help=True, rich_markup_mode=None)
app.add_typer(export_app, name="export")


@export_app.callback()
def _export(language: LangOption = None) -> None:
    """Publish the plan's results in an open standard.

    Example: relint export iati --year 2023 --output iati.xml
    """
    # The group's only option is --lang, so that it is accepted here too; the run's
    # language is already chosen from the raw command line (runlang).


@export_app.command("iati", cls=RelintCommand)
def export_iati_command(
    year: Annotated[int, typer.Option("--year", metavar="INTEGER", help="help.opt.iati-year")],
    output: Annotated[str, typer.Option("--output", metavar="FILE", help="help.opt.iati-output")],
    as_of: Annotated[
        Optional[str],
        typer.Option("--as-of", metavar="DATE", help="help.opt.report-as-of"),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="help.opt.force")] = False,
    language: LangOption = None,
) -> None:
    """Write the plan and its results as IATI 2.03 activities (iati-activities XML).

    The plan is one activity with its results, indicators and one period per plan year (target, and
    actual up to --year, broken down by territory and type); each systemic action is a child activity.
    The file is checked against the official IATI 2.03 schema and the standard's rules before it is
    written; the plan's `iati` section gives the organisation identifier.

    Example: relint export iati --year 2023 --output iati-2023.xml
    """

    def body():
        # Imported when the command runs, so --help loads neither pydantic nor pandas.
        from relint_kpi.iati import build_iati
        from relint_kpi.render.iati_xml import render_iati
        from relint_kpi.render.report_export import write_output
        from relint_kpi.report import generation_time
        from relint_kpi.workspace import load_all

        when = parse_date_option(as_of, "--as-of")
        plan, log = load_all(workspace())
        export = build_iati(plan, log, year=year, as_of=when, generated_at=generation_time())
        write_output(render_iati(export), output, force=force, suffix="xml")

    run(body)


def main() -> None:
    """Console-script entry point.

    A run is one short process, so Python's cycle collector is off for it:
    what it would free dies with the process, and its passes over every
    object loaded (pandas, WeasyPrint, a million rows' values) cost a PDF
    export about a tenth of its time. At the end what is still alive is
    frozen, so the interpreter's shutdown does not walk it again.
    """
    gc.disable()
    try:
        app(prog_name="relint")
    finally:
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    main()
    sys.exit(0)
