"""The office's reasons for deviations: ``notes.csv`` in the data folder.

D.Lgs. 150/2009 (art. 10) asks a year-end report to explain every deviation
from a target. The office writes why an indicator missed (or exceeded) its
target in a year, or why an action is late, and what will be done, in one
CSV file beside ``stakeholders.csv`` and ``deliverables.csv``:

* ``notes.csv`` — ``subject,year,reason,next_steps``: ``subject`` is an
  indicator's or an action's id (an id naming both is the indicator);
  ``year`` a plan year, required for an indicator, optional for an action
  (blank: the note stands in every year's report); ``reason`` the
  explanation, in whatever language the office writes; ``next_steps``
  (optional) what will be done.

One note per subject and year: a second row for the same pair is refused
at its line (``relint add-note --replace`` rewrites the first). The file is
a CSV rather than YAML because the data folder is already CSVs that staff
open in Excel; a note is one line, so a change to it is a one-line diff.

Rows are judged by a pydantic model (:class:`NoteRow`) with the plan as
validation context, like every other row; problems are issues at their line
and column. :func:`add_note` writes under the folder's lock, in the
folder's own CSV dialect, through :mod:`relint_kpi.storage`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo

from relint_kpi import csvio, storage
from relint_kpi.issues import DataError, Issue, UsageError, display_path, message
from relint_kpi.render.formatting import format_number
from relint_kpi.plan import Plan
from relint_kpi.records import Note
from relint_kpi.registry import read_records, required, trimmed
from relint_kpi.rows import Text, fail, validate_cells
from relint_kpi.writers import Recorded, check_writable, encoded, row_dialect

FILE_NAME = "notes.csv"
NOTE_COLUMNS = ("subject", "year", "reason", "next_steps")


def subject_kind(plan: Plan, subject: str) -> str | None:
    """``indicator`` or ``action`` when ``subject`` is one's id in ``plan``, else None."""
    if any(indicator.id == subject for indicator in plan.indicators):
        return "indicator"
    if any(action.id == subject for action in plan.actions):
        return "action"
    return None


def _subject(value: Any, info: ValidationInfo) -> str:
    subject = trimmed(value)
    if not subject:
        raise fail("missing-subject")
    if subject_kind(info.context, subject) is None:
        indicators = ", ".join(i.id for i in info.context.indicators)
        actions = ", ".join(a.id for a in info.context.actions) or "—"
        raise fail("unknown-subject", value=subject, indicators=indicators, actions=actions)
    return subject


def _year(value: Any, info: ValidationInfo) -> int | None:
    text = trimmed(value)
    subject = info.data.get("subject")
    kind = subject_kind(info.context, subject) if subject else None
    years = info.context.years
    if not text:
        if kind == "indicator":
            raise fail("missing-year", id=subject, first=years[0], last=years[-1])
        return None
    if not text.isdigit() or int(text) not in years:
        raise fail("bad-year", value=text, choices=[str(y) for y in years])
    return int(text)


class NoteRow(BaseModel):
    """A valid row of ``notes.csv``; validate with the plan as context."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    subject: Annotated[str, BeforeValidator(_subject)] = Field(default="", validate_default=True)
    year: Annotated[int | None, BeforeValidator(_year)] = Field(default="", validate_default=True)
    reason: Annotated[str, BeforeValidator(required("missing-reason"))] = Field(default="", validate_default=True)
    next_steps: Text = Field(default="", validate_default=True)


def read_notes(path: Path, plan: Plan) -> tuple[list[Note], list[Issue]]:
    """Read the office's notes; a missing file means none written.

    A second note for the same subject and year is refused at its line.
    """
    first_lines: dict[tuple[str, int | None], int] = {}

    def repeated(table, line, cells, row) -> Issue | None:
        if row is None:
            return None
        first = first_lines.setdefault((row.subject, row.year), line)
        if first == line:
            return None
        if row.year:
            said = message("note-repeated-year", name=row.subject, year=row.year, line=first)
        else:
            said = message("note-repeated", name=row.subject, line=first)
        return Issue(table.path, line, table.columns["subject"], "duplicate-note", {"what": said})

    def note(where: str, line: int, row: NoteRow) -> Note:
        return Note(where, line, row.subject, subject_kind(plan, row.subject), row.year, row.reason, row.next_steps)

    return read_records(path, plan, NOTE_COLUMNS, ("subject", "reason"), NoteRow, note, repeated)


def note_for(notes: list[Note], subject: str, year: int) -> Note | None:
    """The note on ``subject`` for ``year``; for an action, else its note without a year."""
    by_year = next((n for n in notes if n.subject == subject and n.year == year), None)
    return by_year or next((n for n in notes if n.subject == subject and n.year is None and n.kind == "action"), None)


def add_note(
    data_dir: str | Path,
    plan: Plan,
    subject: str,
    *,
    year: int | None,
    reason: str,
    next_steps: str = "",
    replace: bool = False,
) -> Recorded:
    """Write the office's note on ``subject`` (an indicator or action id) for ``year``.

    The note is checked by :class:`NoteRow`, as the reader checks the file.
    A note for the same subject and year already in the file is refused
    (:class:`UsageError` naming its line) unless ``replace``, which rewrites
    that line and keeps every other line byte for byte. A new file takes the
    dialect of the folder's quarterly files (Italian Excel: ``;``, BOM, CRLF),
    else the plan's ``csv_format``, as a new quarterly file would.
    """
    data_dir = Path(data_dir)
    path = data_dir / FILE_NAME
    cells = {"subject": subject, "year": "" if year is None else str(year), "reason": reason, "next_steps": next_steps}
    columns = {name: index for index, name in enumerate(NOTE_COLUMNS, start=1)}
    row, issues = validate_cells(NoteRow, cells, plan, path="add-note", line=0, columns=columns)
    if row is None:
        raise DataError([Issue(i.path, 0, 0, i.code, i.params, subject=i.subject) for i in issues])
    cells = {"subject": row.subject, "year": "" if row.year is None else str(row.year), "reason": row.reason, "next_steps": row.next_steps}
    check_writable(path, data_dir)
    storage.make_folder(data_dir)
    with storage.locked(path):
        if not path.exists() or path.stat().st_size == 0:
            dialect = row_dialect(path, NOTE_COLUMNS, data_dir, plan)
            text = csvio.format_row(NOTE_COLUMNS, delimiter=dialect.delimiter, newline=dialect.newline)
            text += csvio.format_row([cells[c] for c in NOTE_COLUMNS], delimiter=dialect.delimiter, newline=dialect.newline)
            storage.replace_file(path, encoded(path, text, dialect.encoding))
            return Recorded(path, 2, cells)
        notes, problems = read_notes(path, plan)
        if problems:
            raise DataError(problems)
        existing = next((n for n in notes if n.subject == row.subject and n.year == row.year), None)
        if existing is None:
            return Recorded(path, csvio.append_row(path, csvio.dialect_for(path, NOTE_COLUMNS), cells), cells)
        if not replace:
            where = f"{display_path(path)}:{existing.line}"
            if row.year:
                raise UsageError("note-exists-year", name=row.subject, year=row.year, where=where)
            raise UsageError("note-exists", name=row.subject, where=where)
        dialect = csvio.sniff(path)
        text, _ = csvio.decode(path)
        storage.replace_file(path, encoded(path, _replace_line(text, dialect, existing.line, cells), dialect.encoding))
        return Recorded(path, existing.line, cells, replaced=1)


def _replace_line(text: str, dialect: csvio.CsvDialect, line: int, cells: dict[str, str]) -> str:
    """``text`` with the CSV record starting at ``line`` replaced by ``cells``; other records as they were."""
    lines = io.StringIO(text, newline="").readlines()
    # A quoted cell may hold a line end: the record ends where csv says it does.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=dialect.delimiter)
    start = 0
    for _ in reader:
        end = reader.line_num
        if start + 1 == line:
            row = csvio.format_row([cells.get(c, "") for c in dialect.header], delimiter=dialect.delimiter, newline=dialect.newline)
            return "".join(lines[:start]) + row + "".join(lines[end:])
        start = end
    raise ValueError(f"no record at line {line}")


def year_is_running(year: int, today: dt.date | None = None) -> bool:
    """True until ``year``'s 31 December has passed (``today`` defaults to the system date)."""
    return (today or dt.date.today()) <= dt.date(year, 12, 31)


def unexplained_deviations(plan: Plan, log, data_dir: str | Path, year: int, *, lang: str = "it", today=None) -> list[Issue]:
    """A warning for each target missed in ``year``, once the year is over, that no note explains.

    ``log`` is the data folder's :class:`~relint_kpi.records.ActivityLog`.
    Nothing while ``year`` is still running (``today`` defaults to the
    system date). Raises :class:`UsageError` for a year outside the plan.
    """
    # pandas only here: add-note and the reader of notes.csv compute nothing.
    from relint_kpi.progress import compute_status

    if year not in plan.years:
        raise UsageError("year-outside-plan", year=year, choices=[str(y) for y in plan.years])
    year_end = dt.date(year, 12, 31)
    if year_is_running(year, today):
        return []
    where = display_path(Path(data_dir) / FILE_NAME)
    warnings = []
    for row in compute_status(plan, log, year=year, as_of=year_end, lang=lang).indicators:
        if row.status == "achieved" or note_for(log.notes, row.id, year) is not None:
            continue
        said = {
            "id": row.id,
            "year": year,
            "actual": format_number(row.actual, lang),
            "target": format_number(row.target, lang),
            "percent": format_number(row.percent, lang, 1),
        }
        warnings.append(Issue(where, 0, 0, "unexplained-deviation", said))
    return warnings
