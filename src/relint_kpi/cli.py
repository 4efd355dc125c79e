"""The ``relint`` command line: parse options, call the library, render, exit.

Nothing but option parsing and error-to-exit-code mapping lives here:
exit 0 on success, 1 when the user's data has problems (printed as
``path:line:col: message`` on stderr), 2 on a usage error.
"""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from relint_kpi.issues import MAX_ISSUES, DataError, UsageError, format_issue
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
        from relint_kpi import __version__

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


def print_issues(issues) -> None:
    """Print issues as ``path:line:col: message`` on stderr, capped at MAX_ISSUES."""
    for issue in issues[:MAX_ISSUES]:
        typer.echo(format_issue(issue), err=True)
    if len(issues) > MAX_ISSUES:
        typer.echo(f"… and {len(issues) - MAX_ISSUES} more problems (showing the first {MAX_ISSUES})", err=True)
    typer.echo(f"{len(issues)} problem(s) found.", err=True)


def run(action) -> None:
    """Run a command body, mapping library errors to messages and exit codes."""
    try:
        action()
    except DataError as exc:
        print_issues(exc.issues)
        raise typer.Exit(1)
    except UsageError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(2)
    except WriteError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(1)
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except Exception as exc:  # noqa: BLE001 - last line of defence: no traceback unless --debug
        if STATE.debug:
            raise
        typer.echo(f"Internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback)", err=True)
        raise typer.Exit(3)


def workspace():
    """The plan and data locations chosen by the global options."""
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
        from relint_kpi.render.plan_view import render_plan
        from relint_kpi.workspace import load_plan_or_fail

        render_plan(load_plan_or_fail(workspace()), lang.value)

    run(body)


@app.command("validate")
def validate_command() -> None:
    """Check the plan and every data file; print each problem as path:line:col.

    Exits 0 when everything is valid, 1 when there are problems.

    Example: relint --data data validate
    """

    def body():
        from relint_kpi.workspace import check_all

        ws = workspace()
        plan, log, issues = check_all(ws)
        if issues:
            raise DataError(issues)
        count = len(log.activities) if log else 0
        typer.echo(
            f"OK: plan {ws.plan_path} and {count} activities in {ws.actuals_dir} are valid."
        )

    run(body)


# -- actuals: add-activity, add-stakeholder, import-pageviews, complete-action ----


# -- status ------------------------------------------------------------------------


class StatusFormat(str, Enum):
    """Output formats of ``relint status``."""

    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


def parse_date_option(text: Optional[str], option: str):
    """Parse a date option (YYYY-MM-DD or DD/MM/YYYY); malformed is a usage error."""
    from relint_kpi.numbers import parse_date

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
        Optional[list[str]], typer.Option("--indicator", help="Only this indicator id (repeatable).")
    ] = None,
    territory: Annotated[
        Optional[str], typer.Option("--territory", help="Only activities in this territory (ISO code or plan name).")
    ] = None,
    explain_id: Annotated[
        Optional[str], typer.Option("--explain", help="List the rows (file:line) behind this indicator's figure.")
    ] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Label language.")] = Lang.it,
    fmt: Annotated[StatusFormat, typer.Option("--format", help="Output format.")] = StatusFormat.table,
) -> None:
    """Progress against targets: per indicator the target, actual, %, expected to date,
    projection, what remains, the pace needed per quarter and a status.

    The as-of date defaults to today (clipped to the plan period), the year to
    the as-of date's year. --explain lists the exact rows behind a figure.

    Example: relint status --by territory --lang en
    """

    def body():
        from relint_kpi import progress
        from relint_kpi.workspace import load_all

        when = parse_date_option(as_of, "--as-of")
        ws = workspace()
        plan, log = load_all(ws)
        if explain_id is not None:
            from relint_kpi.render.status import render_explain

            rows = progress.explain(plan, log, explain_id, year=year, as_of=when, territory=territory)
            table = progress.compute_status(
                plan, log, year=year, as_of=when, lang=lang.value, indicator_ids=[explain_id], territory=territory
            )
            render_explain(rows, table.indicators[0], lang.value)
            return
        table = progress.compute_status(
            plan, log, year=year, as_of=when, lang=lang.value, by=by, indicator_ids=indicator, territory=territory
        )
        if fmt is StatusFormat.table:
            from relint_kpi.render.status import render_table

            render_table(table)
        else:
            from relint_kpi.render.status import STATUS_RENDERERS

            typer.echo(STATUS_RENDERERS[fmt.value](table), nl=False)

    run(body)


# -- report ------------------------------------------------------------------------


class ReportFormat(str, Enum):
    """Output formats of ``relint report``."""

    table = "table"
    md = "md"
    html = "html"
    xlsx = "xlsx"
    json = "json"
    csv = "csv"


def _report_date(text: Optional[str]):
    """Parse ``--as-of`` (YYYY-MM-DD); a malformed date is a usage error."""
    import datetime as dt

    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"--as-of '{text}' is not a date; write it as YYYY-MM-DD, e.g. 2023-12-31") from None


@app.command("report")
def report_command(
    year: Annotated[int, typer.Option("--year", help="The plan year to report on.")],
    as_of: Annotated[
        Optional[str],
        typer.Option("--as-of", help="Count activities up to this date, YYYY-MM-DD [default: the year's end, or today]"),
    ] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", help="Output format.")] = ReportFormat.table,
    output: Annotated[
        Optional[str], typer.Option("--output", help="Write the report to this file (required for xlsx).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the --output file if it exists.")] = False,
    lang: Annotated[Lang, typer.Option("--lang", help="Label language.")] = Lang.it,
) -> None:
    """Year-end report: indicators against targets (with the previous year's), results,
    activity by territory and type, stakeholders, the systemic actions, the plan's
    evaluation criteria and what needs attention.

    Formats: table (terminal), md (Markdown tables), html (one self-contained page
    with charts, printable on A4), xlsx (one sheet per section), json (all the data)
    and csv (the headline table). --output writes a file and never replaces an
    existing one unless --force is given. Labels are in Italian unless --lang en.

    Example: relint report --year 2023 --format html --output report-2023.html
    """

    def body():
        from relint_kpi.render.report_export import write_report
        from relint_kpi.report import build_report
        from relint_kpi.workspace import load_all

        when = _report_date(as_of)
        plan, log = load_all(workspace())
        report = build_report(plan, log, year=year, as_of=when, lang=lang.value)
        write_report(report, fmt.value, output, force=force)

    run(body)


def main() -> None:
    """Console-script entry point."""
    app(prog_name="relint")


if __name__ == "__main__":  # pragma: no cover
    main()
    sys.exit(0)
