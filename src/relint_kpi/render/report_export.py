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
from relint_kpi.storage import OutputExists, write_atomic


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


def _json(report: Report) -> bytes:
    # Imported when this format is asked for (a Markdown export never loads openpyxl).
    from relint_kpi.render.report_json import render_json

    return render_json(report).encode("utf-8")


def _csv(report: Report) -> bytes:
    # Imported when this format is asked for (a Markdown export never loads openpyxl).
    from relint_kpi.render.report_json import render_csv

    return render_csv(report).encode("utf-8")


#: Every report format by its ``--format`` name. Renderers are imported when
#: used, so a Markdown export never loads openpyxl.
RENDERERS: dict[str, Callable[[Report], bytes]] = {
    "table": _table,
    "md": _md,
    "html": _html,
    "xlsx": _xlsx,
    "json": _json,
    "csv": _csv,
}

#: Formats that cannot go to a terminal.
BINARY_FORMATS = frozenset({"xlsx"})


def render_report(report: Report, fmt: str) -> bytes:
    """Render ``report`` in format ``fmt`` (a key of :data:`RENDERERS`)."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise UsageError(f"unknown report format '{fmt}'; choose one of: {', '.join(RENDERERS)}") from None
    return renderer(report)


def write_report(report: Report, fmt: str, output: Path | None = None, *, force: bool = False) -> None:
    """Render ``report`` and write it to ``output``, or to standard output.

    Raises :class:`UsageError` when ``output`` exists and ``force`` is not
    set, or when a binary format (xlsx) has no ``output``. The file is
    written atomically (:func:`relint_kpi.storage.write_atomic`): a reader
    sees the old file or the new one, never half of one.
    """
    if output is None:
        if fmt in BINARY_FORMATS:
            raise UsageError(f"--format {fmt} writes a binary file; add --output PATH (e.g. --output report.{fmt})")
        if fmt == "table":
            # Imported when this format is asked for, like every renderer.
            from relint_kpi.render.report_terminal import print_report

            print_report(report)
            return
        sys.stdout.flush()
        sys.stdout.buffer.write(render_report(report, fmt))
        sys.stdout.buffer.flush()
        return
    write_output(render_report(report, fmt), output, force=force, suffix=fmt)


def write_output(data: bytes, output: Path | str, *, force: bool = False, suffix: str = "out") -> None:
    """Write an export's bytes to ``output`` atomically, never silently replacing a file.

    Raises :class:`UsageError` when ``output`` is a folder, or exists and
    ``force`` is not set (also when another process created it meanwhile).
    """
    output = Path(output)
    if output.is_dir():
        raise UsageError(f"'{output}' is a folder; give a file name, e.g. {output / ('report.' + suffix)}")
    if output.exists() and not force:
        raise UsageError(f"'{output}' already exists; pass --force to overwrite it")
    try:
        write_atomic(output, data, overwrite=force)
    except OutputExists:
        # another process created the file since the check above: same answer
        raise UsageError(f"'{output}' already exists; pass --force to overwrite it") from None
