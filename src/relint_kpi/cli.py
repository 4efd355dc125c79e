"""The ``relint`` command line: parse options, call the library, render, exit.

Nothing but option parsing and error-to-exit-code mapping lives here:
exit 0 on success, 1 when the user's data has problems (printed as
``path:line:col: message`` on stderr), 2 on a usage error.
"""

from __future__ import annotations

import shutil
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from relint_kpi import __version__
from relint_kpi.i18n import t
from relint_kpi.issues import MAX_ISSUES, DataError, UsageError, display_path, format_issue
from relint_kpi.periods import parse_date
from relint_kpi.render.safe import message_text
from relint_kpi.storage import WriteError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=(
        "Track an international-relations plan's KPIs against its targets.\n\n"
        "Run from the repository root to use data/plan_2022_2023.yaml and data/, "
        "or pass --plan and --data.\n\n"
        "Example: relint status --by territory"
    ),
)


class Lang(str, Enum):
    """Label language."""

    it = "it"
    en = "en"


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
        Optional[str], typer.Option("--plan", envvar="RELINT_PLAN", help="Plan YAML file [default: data/plan_2022_2023.yaml]")
    ] = None,
    data: Annotated[
        Optional[str], typer.Option("--data", envvar="RELINT_DATA", help="Data folder holding actuals/ [default: data]")
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on unexpected errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
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
        say(f"… and {len(problems) - MAX_ISSUES} more problems (showing the first {MAX_ISSUES})", err=True)
    for notice in notices:
        say(format_issue(notice), err=True)
    say(f"{'more than ' if notices else ''}{len(problems)} problem(s) found.", err=True)


def run(action, lang: str = "it") -> None:
    """Run a command body, mapping library errors to messages (in ``lang``) and exit codes."""
    try:
        action()
    except DataError as exc:
        print_issues(exc.issues)
        raise typer.Exit(1)
    except UsageError as exc:
        say(f"Error: {exc}", err=True)
        raise typer.Exit(2)
    except WriteError as exc:
        say(f"{t('cli.error', lang)}: {exc.text(lang)}", err=True)
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
        say(f"Internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback)", err=True)
        raise typer.Exit(3)


def workspace():
    """The plan and data locations chosen by the global options."""
    # Imported when needed, so --help loads neither pydantic nor pandas.
    from relint_kpi.workspace import locate

    return locate(STATE.plan, STATE.data)


# -- plan & validate -------------------------------------------------------------


@app.command("plan")
def plan_command(
    lang: Annotated[Lang, typer.Option("--lang", help="Label language.")] = Lang.it,
) -> None:
    """Show the plan: results, indicators and targets; territories by group; actions with timing.

    Example: relint plan --lang en
    """

    def body():
        # Imported when the command runs, so --help loads neither pydantic nor pandas.
        from relint_kpi.render.plan_view import render_plan
        from relint_kpi.workspace import load_plan_or_fail

        render_plan(load_plan_or_fail(workspace()), lang.value)

    run(body)


@app.command("validate")
def validate_command(
    year: Annotated[
        Optional[int], typer.Option("--year", help="Also warn of targets missed in this closed year with no note explaining why.")
    ] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the warnings.")] = Lang.it,
) -> None:
    """Check the plan and every data file; print each problem as path:line:col.

    Exits 0 when everything is valid, 1 when there are problems. Likely
    duplicate rows (same date, type and territory, similar title) are
    listed as warnings, with the earlier row's line. With --year, a target
    missed in that year (once it is over) with no reason in data/notes.csv
    is a warning too. Warnings are printed but the exit code stays 0.

    Example: relint --data data validate --year 2023
    """

    def body():
        # Imported when the command runs, so --help loads neither pydantic nor pandas.
        from relint_kpi.workspace import check_all, data_warnings

        ws = workspace()
        plan, log, issues = check_all(ws)
        if issues:
            raise DataError(issues)
        duplicates = data_warnings(log, lang.value)
        for warning in duplicates[:MAX_ISSUES]:
            say(format_issue(warning), err=True)
        if duplicates:
            say(t("warn.count", lang.value).format(count=len(duplicates)), err=True)
        warnings = []
        if year is not None:
            # Imported only with --year: the deviation check computes the year's status.
            from relint_kpi.notes import unexplained_deviations, year_is_running

            warnings = unexplained_deviations(plan, log, ws.data_dir(plan), year, lang=lang.value)
            if year_is_running(year):
                say(t("validate.running", lang.value).format(year=year), err=True)
        for warning in warnings:
            say(format_issue(warning), err=True)
        count = len(log.activities) if log else 0
        say(f"OK: plan {ws.plan_path} and {count} activities in {ws.data_dir(plan) / 'actuals'} are valid.")
        if warnings:
            say(t("validate.warnings", lang.value).format(count=len(warnings), year=year), err=True)

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


def _chosen(plan, kind: str, text: Optional[str], lang: Lang) -> Optional[str]:
    """The id a choice of add-activity names (id or label, either language), else the text as typed.

    Text that names nothing is left for the row contract to refuse, so that
    every problem of the row is listed at once, as `validate` lists them.
    """
    # Imported when the command runs, so --help loads neither pydantic nor pandas.
    from relint_kpi.choices import resolve_choice

    try:
        return resolve_choice(plan, kind, text, lang.value) if text else text
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
        typer.echo(t("status.filtered.inside", lang).format(name=iso_name(code, lang), code=code, inside=listed), err=True)


def _print_recorded(recorded, lang: str) -> None:
    """Print where a row went and its cells (keys are the file's column names, in both languages)."""
    where = display_path(recorded.path)
    if recorded.dry_run:
        say(t("recorded.dry_run", lang).format(where=where))
    else:
        replaced = t("recorded.replaced", lang).format(count=recorded.replaced) if recorded.replaced else ""
        say(t("recorded.in", lang).format(where=f"{where}:{recorded.line}") + replaced)
    if recorded.matched is not None:
        matched, rows = recorded.matched
        say("  " + t("recorded.matched", lang).format(matched=matched, rows=rows, value=recorded.cells["value"]))
    # Imported when needed: entry loads pydantic, which --help does without.
    from relint_kpi.entry import cell_lines

    for line in cell_lines(recorded.cells):
        say(line)
    for warning in recorded.warnings:
        say(format_issue(warning), err=True)


@app.command("add-activity")
def add_activity_command(
    type_: Annotated[Optional[str], typer.Option("--type", help="The activity type: its id or label, in Italian or English (see `relint plan`).")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="YYYY-MM-DD or DD/MM/YYYY.")] = None,
    territory: Annotated[Optional[str], typer.Option("--territory", help="ISO 3166 code (BE, DE-HE), a country's or a plan territory's name.")] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="What happened, in a few words.")] = None,
    action: Annotated[Optional[str], typer.Option("--action", help="The plan action this serves: its id or title.")] = None,
    participants: Annotated[Optional[str], typer.Option("--participants", help="Participants (events).")] = None,
    stakeholder: Annotated[Optional[list[str]], typer.Option("--stakeholder", help="A registered stakeholder (repeatable).")] = None,
    value: Annotated[Optional[str], typer.Option("--value", help="How many (default 1; page views for pageviews).")] = None,
    notes: Annotated[Optional[str], typer.Option("--notes", help="Free text.")] = None,
    venue: Annotated[Optional[str], typer.Option("--venue", help="Where it took place when not in its territory: 'regione' or an ISO code.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the row without writing it.")] = False,
    allow_duplicate: Annotated[
        bool, typer.Option("--allow-duplicate", help="Record the row even if one of the same date, type, territory and a similar title exists.")
    ] = False,
    replace: Annotated[
        bool, typer.Option("--replace", help="For page views: replace the quarter's page-views row already recorded.")
    ] = False,
    lang: Annotated[Lang, typer.Option("--lang", help="Label language.")] = Lang.it,
) -> None:
    """Record one activity in its quarter's file (data/actuals/YYYY-Qn.csv), with a new id.

    In a terminal, missing or refused values are asked for one at a time,
    each checked as it is typed; the row is shown before it is written. The
    row is checked exactly as `relint validate` checks files, and written in
    the file's own form (delimiter, dates, type words). A row like one
    already recorded (same date, type and territory, similar title) is
    refused unless --allow-duplicate; unknown stakeholders must first be
    registered with `relint add-stakeholder`.

    Example: relint add-activity --type meeting --date 2023-03-11 --territory BE --title "Ambasciatore del Belgio"
    """

    def body():
        # Imported when the command runs, so --help loads neither pydantic nor pandas.
        from relint_kpi import entry
        from relint_kpi.rows import RowContext
        from relint_kpi.workspace import load_plan_or_fail
        from relint_kpi.writers import load_registry

        ws = workspace()
        plan = load_plan_or_fail(ws)
        data_dir = ws.data_dir(plan)
        given = {
            "type": _chosen(plan, "type", type_, lang),
            "date": date,
            "territory": _chosen(plan, "territory", territory, lang),
            "title": title,
            "action": _chosen(plan, "action", action, lang),
            "participants": participants,
            "stakeholders": "|".join(stakeholder or []) or None,
            "value": value,
            "notes": notes,
            "venue": venue,
        }
        term = terminal()
        missing = entry.missing_required(plan, given)
        if missing and term is None:
            flags = ", ".join(f"--{name}" for name in missing)
            raise UsageError(f"missing {flags}; give them as options (standard input is not a terminal, so relint cannot ask)")
        review = False
        if term is not None:
            context = RowContext(plan, load_registry(data_dir, plan))
            if entry.wants_interview(plan, context, given):
                given, review = entry.interview(plan, context, given, term, lang.value), True
        fields = {name: cell for name, cell in given.items() if cell is not None}
        options = {"dry_run": dry_run, "allow_duplicate": allow_duplicate, "replace": replace}
        recorded = entry.record(data_dir, plan, fields, term, lang.value, review=review, **options)
        if recorded is None:
            raise typer.Exit(1)
        _print_recorded(recorded, lang.value)
        if fields.get("territory"):
            _say_inside(plan, _chosen(plan, "territory", fields["territory"], lang), lang.value)

    run(body, lang.value)


@app.command("add-stakeholder")
def add_stakeholder_command(
    name: Annotated[str, typer.Argument(help="The stakeholder's name, as activities will cite it.")],
    category: Annotated[str, typer.Option("--category", help="A stakeholder category of the plan: its id or label (see `relint plan`).")],
    internal: Annotated[
        Optional[bool],
        typer.Option("--internal/--external", help="Part of the regional administration, or not."),
    ] = None,
    first_involved: Annotated[
        Optional[str], typer.Option("--first-involved", help="Date of a first involvement before the log starts.")
    ] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Label language.")] = Lang.it,
) -> None:
    """Register a stakeholder in data/stakeholders.csv, so activities can name it.

    Example: relint add-stakeholder "Comune di Bologna" --category local_authority --external
    """

    def body():
        # Imported when the command runs, so --help loads neither pydantic nor pandas.
        from relint_kpi.workspace import load_plan_or_fail
        from relint_kpi.writers import add_stakeholder

        if internal is None:
            raise UsageError("say --internal (part of the regional administration) or --external")
        when = parse_date_option(first_involved, "--first-involved")
        ws = workspace()
        plan = load_plan_or_fail(ws)
        recorded = add_stakeholder(
            ws.data_dir(plan), plan, name, category=category, internal=internal, first_involved=when, lang=lang.value
        )
        _print_recorded(recorded, lang.value)

    run(body, lang.value)


@app.command("complete-action")
def complete_action_command(
    action_id: Annotated[str, typer.Argument(help="The plan action: its id or title (see `relint plan`).")],
    date: Annotated[str, typer.Option("--date", help="When the deliverable was achieved.")],
    note: Annotated[str, typer.Option("--note", help="What was delivered.")] = "",
    lang: Annotated[Lang, typer.Option("--lang", help="Label language.")] = Lang.it,
) -> None:
    """Record that a plan action's deliverable was achieved (data/deliverables.csv).

    Example: relint complete-action quebec_agreement --date 2023-10-20 --note "Intesa firmata"
    """

    def body():
        # Imported when the command runs, so --help loads neither pydantic nor pandas.
        from relint_kpi.workspace import load_plan_or_fail
        from relint_kpi.writers import complete_action

        when = parse_date_option(date, "--date")
        ws = workspace()
        plan = load_plan_or_fail(ws)
        _print_recorded(complete_action(ws.data_dir(plan), plan, action_id, date=when, note=note, lang=lang.value), lang.value)

    run(body, lang.value)


@app.command("add-note")
def add_note_command(
    subject: Annotated[str, typer.Argument(help="The indicator's or the action's id (see `relint plan`).")],
    reason: Annotated[str, typer.Argument(help="Why the target was missed or exceeded (Italian or English).")],
    year: Annotated[Optional[int], typer.Option("--year", help="The plan year the note explains (required for an indicator).")] = None,
    next_steps: Annotated[str, typer.Option("--next-steps", "--next", help="What will be done.")] = "",
    replace: Annotated[bool, typer.Option("--replace", help="Rewrite the note already written for this subject and year.")] = False,
    lang: Annotated[Lang, typer.Option("--lang", help="Label language.")] = Lang.it,
) -> None:
    """Write the office's reason for a deviation, and what will be done, in data/notes.csv.

    The report shows each note beside its indicator or action; a target missed
    in a closed year without one is listed among the points of attention. One
    note per subject and year: --replace rewrites an existing one.

    Example: relint add-note diplomatic_meetings --year 2023 "Meno visite per il rinvio della missione in Cina" --next "Missione ricalendarizzata a marzo 2024"
    """

    def body():
        # Imported when the command runs, so --help loads neither pydantic nor pandas.
        from relint_kpi.notes import add_note
        from relint_kpi.workspace import load_plan_or_fail

        ws = workspace()
        plan = load_plan_or_fail(ws)
        written = add_note(ws.data_dir(plan), plan, subject, year=year, reason=reason, next_steps=next_steps, replace=replace)
        _print_recorded(written, lang.value)

    run(body, lang.value)


@app.command("import-pageviews")
def import_pageviews_command(
    export: Annotated[str, typer.Argument(help="A Matomo / Web Analytics Italia 'Page URLs' CSV export.")],
    quarter: Annotated[str, typer.Option("--quarter", help="The quarter the export covers, e.g. 2022Q4.")],
    lang: Annotated[Lang, typer.Option("--lang", help="Label language.")] = Lang.it,
) -> None:
    """Record a quarter's page views of the plan's web section from an analytics export.

    Sums the page views (not unique views) of the pages matching the plan's
    pageviews_import patterns, and replaces any earlier page-views row of
    that quarter.

    Example: relint import-pageviews export-2022-Q4.csv --quarter 2022Q4
    """

    def body():
        # Imported when the command runs, so --help loads neither pydantic nor pandas.
        from relint_kpi.workspace import load_plan_or_fail
        from relint_kpi.writers import import_pageviews, parse_quarter

        ws = workspace()
        plan = load_plan_or_fail(ws)
        if not Path(export).is_file():
            raise UsageError(f"no file '{export}'")
        _print_recorded(import_pageviews(ws.data_dir(plan), plan, export, parse_quarter(quarter, plan)), lang.value)

    run(body, lang.value)


# -- status ------------------------------------------------------------------------


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


CSV_OPTION_HELP = (
    "CSV form: excel (Excel with Italian settings: ';', BOM, decimal comma, headings in the --lang) "
    "or rfc4180 (',', plain numbers, stable English keys) [default: excel in Italian, rfc4180 in English]."
)


def parse_date_option(text: Optional[str], option: str):
    """Parse a date option (YYYY-MM-DD or DD/MM/YYYY); malformed is a usage error."""
    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}") from None


@app.command("status")
def status_command(
    year: Annotated[Optional[int], typer.Option("--year", help="Plan year [default: the as-of date's year].")] = None,
    as_of: Annotated[
        Optional[str], typer.Option("--as-of", help="Count up to this date, YYYY-MM-DD or DD/MM/YYYY [default: today].")
    ] = None,
    by: Annotated[
        Optional[str],
        typer.Option("--by", help="Break down by: territory, group, type, quarter, category, internal."),
    ] = None,
    indicator: Annotated[
        Optional[list[str]], typer.Option("--indicator", help="Only this indicator: its id or title (repeatable).")
    ] = None,
    territory: Annotated[
        Optional[str],
        typer.Option("--territory", help="A filtered view: only activities in this territory (ISO code, country or plan name)."),
    ] = None,
    explain_id: Annotated[
        Optional[str], typer.Option("--explain", help="List the rows (file:line) behind this indicator's figure (id or title).")
    ] = None,
    interval: Annotated[
        int, typer.Option("--interval", min=1, max=99, help="The forecast interval of count indicators, in percent.")
    ] = 80,
    lang: Annotated[Lang, typer.Option("--lang", help="Label language.")] = Lang.it,
    fmt: Annotated[StatusFormat, typer.Option("--format", help="Output format.")] = StatusFormat.table,
    csv_form: Annotated[Optional[CsvForm], typer.Option("--csv", help=CSV_OPTION_HELP)] = None,
) -> None:
    """Progress against targets: per indicator the target, actual, %, expected to date,
    projection, what remains, the pace needed per quarter and a status.

    The as-of date defaults to today (clipped to the plan period), the year to
    the as-of date's year. --explain lists the exact rows behind a figure, in
    any --format. --territory gives a filtered view: the territory's actuals
    and their share of the plan's total, judged only against a target the
    plan sets for that territory. Once a year is over its pace per quarter
    is shown as — (null in JSON).
    During the year a count's projection carries a forecast: "14 (11-17), 38 %"
    is 14 at the pace so far, 11 to 17 with 80 % probability (--interval), and
    a 38 % chance of reaching the target (the model: README, "Forecast").

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
                plan, log, year=year, as_of=when, lang=lang.value, indicator_ids=[explain_id], territory=territory
            )
            rows = progress.explain(plan, log, table.indicators[0].id, year=year, as_of=when, territory=territory)
            text = render_explain(rows, table, fmt.value, form)
            if text is not None:
                typer.echo(text, nl=False)
            return
        table = progress.compute_status(
            plan, log, year=year, as_of=when, lang=lang.value, by=by, indicator_ids=indicator, territory=territory,
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


@app.command("report")
def report_command(
    year: Annotated[int, typer.Option("--year", help="The plan year to report on.")],
    as_of: Annotated[
        Optional[str],
        typer.Option("--as-of", help="Count activities up to this date, YYYY-MM-DD or DD/MM/YYYY [default: the year's end, or today]"),
    ] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", help="Output format.")] = ReportFormat.table,
    output: Annotated[
        Optional[str], typer.Option("--output", help="Write the report to this file (required for pdf, docx, xlsx).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the --output file if it exists.")] = False,
    lang: Annotated[Lang, typer.Option("--lang", help="Label language.")] = Lang.it,
    csv_form: Annotated[Optional[CsvForm], typer.Option("--csv", help=CSV_OPTION_HELP)] = None,
) -> None:
    """Year-end report: indicators against targets (with the previous year's), results,
    activity by territory and type, stakeholders, the systemic actions, the plan's
    evaluation criteria and what needs attention.

    Formats: table (terminal), md (Markdown tables), html (one self-contained page
    with charts, printable on A4), pdf (PDF/A for the archive), docx (an editable
    Word document), xlsx (one sheet per section, printable), json (all the data)
    and csv (the headline table; for Excel with Italian settings unless
    --csv rfc4180 or --lang en). --output writes a file and never replaces an
    existing one unless --force is given. Labels are in Italian unless --lang en.

    Example: relint report --year 2023 --format html --output report-2023.html
    """

    def body():
        # Imported when the command runs, so --help loads neither pydantic nor pandas.
        from relint_kpi.render.report_export import write_report
        from relint_kpi.report import build_report
        from relint_kpi.workspace import load_all

        when = parse_date_option(as_of, "--as-of")
        plan, log = load_all(workspace())
        report = build_report(plan, log, year=year, as_of=when, lang=lang.value)
        write_report(report, fmt.value, output, force=force, csv_form=csv_form.value if csv_form else None)

    run(body, lang.value)


# -- export ------------------------------------------------------------------------

export_app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Publish the plan's results in an open standard. Example: relint export iati --year 2023 --output iati.xml",
)
app.add_typer(export_app, name="export")


@export_app.command("iati")
def export_iati_command(
    year: Annotated[int, typer.Option("--year", help="The plan year measured (its actual is taken at --as-of).")],
    output: Annotated[str, typer.Option("--output", help="The XML file to write.")],
    as_of: Annotated[
        Optional[str],
        typer.Option("--as-of", help="Count activities up to this date, YYYY-MM-DD or DD/MM/YYYY [default: the year's end, or today]"),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the --output file if it exists.")] = False,
) -> None:
    """Write the plan and its results as IATI 2.03 activities (iati-activities XML).

    The plan is one activity with its results, indicators and one period per
    plan year (target, and actual up to --year, broken down by territory and
    type); each systemic action is a child activity. The file is checked
    against the official IATI 2.03 schema and the standard's rules before it
    is written; the plan's `iati` section gives the organisation identifier.

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
    """Console-script entry point."""
    app(prog_name="relint")


if __name__ == "__main__":  # pragma: no cover
    main()
    sys.exit(0)
