"""Choosing a report format by name and writing the result.

:data:`RENDERERS` maps each ``--format`` name to a function that turns a
:class:`~relint_kpi.report.Report` into bytes (UTF-8 for the text
formats). :func:`write_report` sends them to standard output or, with
``--output``, to a file written atomically that is never silently replaced.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from relint_kpi.issues import UsageError
from relint_kpi.report import Report
from relint_kpi.storage import OutputExists, refuse_odd_output, write_atomic


def _table(report: Report) -> bytes:
    # Imported when this format is asked for (a Markdown export never loads openpyxl).
    from relint_kpi.render.report_terminal import render_terminal

    return render_terminal(report).encode("utf-8")


def _md(report: Report) -> bytes:
    # Imported when this format is asked for (a Markdown export never loads openpyxl).
    from relint_kpi.render.report_markdown import render_markdown

    return render_markdown(report).encode("utf-8")


def _html(report: Report) -> bytes:
    # Imported when this format is asked for (a Markdown export never loads openpyxl).
    from relint_kpi.render.report_html import render_html

    return render_html(report).encode("utf-8")


def _xlsx(report: Report) -> bytes:
    # Imported when this format is asked for (a Markdown export never loads openpyxl).
    from relint_kpi.render.report_xlsx import render_xlsx

    return render_xlsx(report)


def _pdf(report: Report) -> bytes:
    # Imported when this format is asked for (only a PDF export loads WeasyPrint).
    from relint_kpi.render.report_pdf import render_pdf

    return render_pdf(report)


def _docx(report: Report) -> bytes:
    # Imported when this format is asked for (only a Word export loads python-docx).
    from relint_kpi.render.report_docx import render_docx

    return render_docx(report)


def _json(report: Report) -> bytes:
    # Imported when this format is asked for (a Markdown export never loads openpyxl).
    from relint_kpi.render.report_json import render_json

    return render_json(report).encode("utf-8")


def _csv(report: Report, form: str | None = None) -> bytes:
    # Imported when this format is asked for (a Markdown export never loads openpyxl).
    from relint_kpi.render.report_json import render_csv

    return render_csv(report, form).encode("utf-8")


#: Every report format by its ``--format`` name. Renderers are imported when
#: used, so a Markdown export never loads openpyxl.
RENDERERS: dict[str, Callable[[Report], bytes]] = {
    "table": _table,
    "md": _md,
    "html": _html,
    "xlsx": _xlsx,
    "pdf": _pdf,
    "docx": _docx,
    "json": _json,
    "csv": _csv,
}

#: Formats that cannot go to a terminal.
BINARY_FORMATS = frozenset({"xlsx", "pdf", "docx"})


def render_report(report: Report, fmt: str, csv_form: str | None = None) -> bytes:
    """Render ``report`` in format ``fmt`` (a key of :data:`RENDERERS`).

    ``csv_form``: the CSV's ``excel`` or ``rfc4180`` form (see :mod:`relint_kpi.render.csvout`),
    by default Excel's for an Italian report, plain otherwise.
    """
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise UsageError("unknown-format", value=fmt, choices=list(RENDERERS)) from None
    return _csv(report, csv_form) if fmt == "csv" else renderer(report)


def write_report(
    report: Report, fmt: str, output: Path | None = None, *, force: bool = False, csv_form: str | None = None
) -> None:
    """Render ``report`` and write it to ``output`` (see :func:`write_output`), or to standard output.

    A binary format (xlsx, pdf, docx) needs an ``output`` (:class:`UsageError`);
    ``csv_form``: see :func:`render_report`.
    """
    if output is None:
        if fmt in BINARY_FORMATS:
            raise UsageError("binary-needs-output", format=fmt)
        if fmt == "table":
            # Imported when this format is asked for, like every renderer.
            from relint_kpi.render.report_terminal import print_report

            print_report(report)
            return
        sys.stdout.flush()
        sys.stdout.buffer.write(render_report(report, fmt, csv_form))
        sys.stdout.buffer.flush()
        return
    write_output(render_report(report, fmt, csv_form), output, force=force, suffix=fmt)


def write_output(data: bytes, output: Path | str, *, force: bool = False, suffix: str = "out") -> None:
    """Write an export's bytes to ``output`` atomically, never silently replacing a file.

    Raises :class:`UsageError` when ``output`` is a folder, or exists and
    ``force`` is not set (also when another process created it meanwhile);
    :class:`~relint_kpi.storage.WriteError` when it exists and is not a
    regular file (a device, a FIFO, a link), whatever ``force`` says.
    """
    output = Path(output)
    if output.is_dir():
        raise UsageError("output-is-folder", path=str(output), example=str(output / ("report." + suffix)))
    refuse_odd_output(output)  # a device, a FIFO, a link: not even --force replaces it
    if output.exists() and not force:
        raise UsageError("output-exists", path=str(output))
    try:
        write_atomic(output, data, overwrite=force)
    except OutputExists:
        # another process created the file since the check above: same answer
        raise UsageError("output-exists", path=str(output)) from None
