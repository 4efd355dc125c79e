"""Recording what happened: activities, stakeholders, deliverables, page views.

Each function checks its input exactly as the reader would (so a recorded
row always validates), then writes under the folder's lock through
:mod:`relint_kpi.storage`. Problems with the input are returned as issues
(:class:`~relint_kpi.issues.DataError`), never half-written.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from relint_kpi import actuals, storage
from relint_kpi.issues import DataError, Issue, UsageError, display_path
from relint_kpi.numbers import parse_date

if TYPE_CHECKING:
    # Only for annotations: add-activity with a cached plan never imports the plan's models.
    from relint_kpi.plan import Plan

RELINT_DIALECT = actuals.CsvDialect(delimiter=",", encoding="utf-8", newline="\n")


@dataclass(frozen=True)
class Recorded:
    """What a write did: the file, the row's line and the cells written."""

    path: Path
    line: int
    cells: dict[str, str]
    dry_run: bool = False
    replaced: int = 0
    matched: tuple[int, int] | None = None  # page views import: (matching rows, rows read)


def _registry(data_dir: Path, plan: Plan | actuals.RowRules):
    registry, issues = actuals.read_stakeholders(data_dir / "stakeholders.csv", plan)
    if issues:
        raise DataError(issues)
    return registry


def _count_lines(path: Path, encoding: str) -> int:
    """The number of line ends in ``path``, as the reader counts lines."""
    count = 0
    if encoding.startswith("utf-16"):
        # A 0x0A byte is half of many UTF-16 characters ('Ċ' is 0A 01): count decoded line ends.
        with path.open(encoding=encoding, newline="") as text:
            while chunk := text.read(1 << 20):
                count += chunk.count("\n")
        return count
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            count += chunk.count(b"\n")
    return count


def _append(path: Path, header: tuple[str, ...], cells: dict[str, str]) -> int:
    """Append one row in the file's own dialect (creating it with ``header``); return its line."""
    if path.exists() and path.stat().st_size > 0:
        dialect = actuals.sniff(path)
        columns = dialect.header
    else:
        dialect, columns = RELINT_DIALECT, list(header)
    missing = [name for name, value in cells.items() if value and name not in columns]
    if missing:
        raise UsageError(
            f"{display_path(path)} has no column {', '.join(repr(m) for m in missing)}; add it to the header row to record this value"
        )
    data = b""
    line = 1
    if not path.exists() or path.stat().st_size == 0:
        data += storage.encode_row(columns, delimiter=dialect.delimiter, newline=dialect.newline, encoding="utf-8")
        line = 2
    else:
        line = _count_lines(path, dialect.encoding) + 1
        if not dialect.ends_with_newline:
            # A row saved by an editor without a final line end must not be glued to ours.
            data += storage.encode_text(dialect.newline, dialect.encoding)
            line += 1
    try:
        row = storage.encode_row(
            [cells.get(name, "") for name in columns],
            delimiter=dialect.delimiter,
            newline=dialect.newline,
            encoding=dialect.encoding,
        )
    except UnicodeEncodeError as exc:
        raise DataError([_unencodable(path, dialect.encoding, exc)]) from None
    storage.append_bytes(path, data + row)
    return line


def _unencodable(path: Path, encoding: str, exc: UnicodeEncodeError) -> Issue:
    """The issue for text that the file's own encoding (cp1252) cannot hold."""
    chars = exc.object[exc.start : exc.end]
    return Issue(
        display_path(path),
        0,
        0,
        "unencodable",
        f"the file is saved as {encoding}, which cannot hold {chars!r}; save it from Excel as "
        "'CSV UTF-8' and retry, or write the text without that character",
    )


def _quarter_ids(path: Path, prefix: str) -> int:
    """The highest sequence number of ``prefix``-NNNN ids in ``path`` (0 if none)."""
    if not path.exists():
        return 0
    pattern = re.compile(re.escape(prefix) + r"-([0-9]+)$")
    dialect = actuals.sniff(path)
    highest = 0
    with path.open(encoding=dialect.encoding, newline="") as handle:
        reader = csv.reader(handle, delimiter=dialect.delimiter)
        header = [h.strip() for h in next(reader, [])]
        if "id" not in header:
            return 0
        at = header.index("id")
        for row in reader:
            if len(row) > at:
                match = pattern.match(row[at].strip())
                if match:
                    highest = max(highest, int(match[1]))
    return highest


def add_activity(
    data_dir: str | Path, plan: Plan | actuals.RowRules, fields: dict[str, str], *, dry_run: bool = False
) -> Recorded:
    """Check one activity and append it to its quarter's file, with a new id.

    ``plan`` is the plan or its :class:`~relint_kpi.actuals.RowRules` (all
    a row's check needs). ``fields`` are the raw cells (``date``, ``type``,
    ``territory`` …) as a user typed them. The id is ``YYYYQn-NNNN``, one
    more than the highest in that quarter's file, chosen under the lock so
    concurrent writers never share one. Raises DataError with the reader's
    own messages when the row would not validate.
    """
    data_dir = Path(data_dir)
    registry = _registry(data_dir, plan)
    fields = {k: v for k, v in fields.items() if v is not None}
    fields.pop("id", None)
    columns = {name: index for index, name in enumerate(actuals.COLUMNS, start=1)}
    activity, issues = actuals.check_new_activity(fields, plan, registry, path="add-activity", columns=columns)
    if issues or activity is None:
        # Name the option the user typed, not a CSV column.
        flags = {"stakeholders": "stakeholder"}
        raise DataError(
            [
                Issue(i.path, 0, 0, i.code, f"--{flags.get(actuals.COLUMNS[i.column - 1], actuals.COLUMNS[i.column - 1])}: {i.message}")
                if i.column
                else i
                for i in issues
            ]
        )
    path = actuals.quarter_file(data_dir, activity.date)
    year, quarter = actuals.quarter_of(activity.date)
    prefix = f"{year}Q{quarter}"
    if dry_run:
        return Recorded(path, 0, actuals.format_activity(activity._replace(id=f"{prefix}-…")), dry_run=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    with storage.locked(path):
        new_id = f"{prefix}-{_quarter_ids(path, prefix) + 1:04d}"
        delimiter = actuals.sniff(path).delimiter if path.exists() and path.stat().st_size else ","
        cells = actuals.format_activity(activity._replace(id=new_id), delimiter)
        line = _append(path, actuals.COLUMNS, cells)
    return Recorded(path, line, cells)


def add_stakeholder(
    data_dir: str | Path,
    plan: Plan,
    name: str,
    *,
    category: str,
    internal: bool,
    first_involved: dt.date | None = None,
) -> Recorded:
    """Register a stakeholder in ``stakeholders.csv`` (names are unique, case-insensitively)."""
    data_dir = Path(data_dir)
    name = name.strip()
    if not name or "|" in name:
        raise UsageError("a stakeholder name must be non-empty and cannot contain '|'")
    categories = [c.id for c in plan.stakeholder_categories]
    if category not in categories:
        raise UsageError(f"unknown category '{category}' — choose one of: {', '.join(categories)}")
    path = data_dir / "stakeholders.csv"
    data_dir.mkdir(parents=True, exist_ok=True)
    with storage.locked(path):
        registry = _registry(data_dir, plan)
        for existing in registry.values():
            if existing.name.casefold() == name.casefold():
                raise UsageError(f"stakeholder '{existing.name}' is already registered ({existing.path}:{existing.line})")
        cells = {
            "name": name,
            "internal": "yes" if internal else "no",
            "category": category,
            "first_involved": first_involved.isoformat() if first_involved else "",
        }
        line = _append(path, actuals.STAKEHOLDER_COLUMNS, cells)
    return Recorded(path, line, cells)


def complete_action(data_dir: str | Path, plan: Plan, action_id: str, *, date: dt.date, note: str = "") -> Recorded:
    """Record that an action's deliverable was achieved on ``date``."""
    ids = [a.id for a in plan.actions]
    if action_id not in ids:
        raise UsageError(f"unknown action '{action_id}' — choose one of: {', '.join(ids)}")
    data_dir = Path(data_dir)
    path = data_dir / "deliverables.csv"
    data_dir.mkdir(parents=True, exist_ok=True)
    with storage.locked(path):
        cells = {"action": action_id, "date": date.isoformat(), "note": note.strip()}
        line = _append(path, actuals.DELIVERABLE_COLUMNS, cells)
    return Recorded(path, line, cells)


# -- page views from a Matomo / Web Analytics Italia export ---------------------------

_LABEL_COLUMNS = ("label", "etichetta")
_URL_COLUMNS = ("url",)
_HITS_COLUMNS = ("nb_hits", "pageviews", "visualizzazioni di pagina", "visualizzazioni pagina")


def _decode_export(path: Path) -> str:
    raw = path.read_bytes()
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


@dataclass(frozen=True)
class PageViews:
    """The page views found in an analytics export."""

    total: int
    matched_rows: int
    rows: int


def read_pageviews_export(path: str | Path, plan: Plan) -> PageViews:
    """Sum the page views (not unique views) of the rows matching the plan's patterns."""
    path = Path(path)
    shown = display_path(path)
    if plan.pageviews_import is None:
        raise UsageError("the plan has no pageviews_import section saying which pages to count")
    try:
        text = _decode_export(path)
    except OSError as exc:
        raise UsageError(f"cannot read {shown}: {exc.strerror}") from None
    first = text.split("\n", 1)[0]
    delimiter = max(("\t", ",", ";"), key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().casefold() for h in next(reader, [])]

    def column(names):
        for name in names:
            if name in header:
                return header.index(name)
        return None

    hits, label, url = column(_HITS_COLUMNS), column(_LABEL_COLUMNS), column(_URL_COLUMNS)
    if hits is None or (label is None and url is None):
        raise DataError(
            [
                Issue(
                    shown,
                    1,
                    0,
                    "bad-export",
                    "not a 'Page URLs' export: expected a page-views column (nb_hits, Pageviews or "
                    "'Visualizzazioni di pagina') and a label or url column",
                )
            ]
        )
    config = plan.pageviews_import
    url_patterns = [p.casefold() for p in config.url_patterns]
    label_patterns = [p.casefold() for p in config.label_patterns]
    total = matched = rows = 0
    issues = []
    for cells in reader:
        if not cells or not any(c.strip() for c in cells):
            continue
        rows += 1
        line = reader.line_num
        page_url = cells[url].casefold() if url is not None and url < len(cells) else ""
        page_label = cells[label].casefold() if label is not None and label < len(cells) else ""
        if not (any(p in page_url for p in url_patterns) or any(p in page_label for p in label_patterns)):
            continue
        value = cells[hits].strip().replace(",", "").replace(".", "") if hits < len(cells) else ""
        if not value.isdigit():
            issues.append(Issue(shown, line, hits + 1, "bad-pageviews", f"page views '{value}' is not a whole number"))
            continue
        total += int(value)
        matched += 1
    if issues:
        raise DataError(issues)
    return PageViews(total, matched, rows)


def parse_quarter(text: str, plan: Plan) -> tuple[int, int]:
    """Read ``2022Q4`` or ``2022-Q4``; the quarter must be inside the plan period."""
    match = re.fullmatch(r"\s*([0-9]{4})-?[Qq]([1-4])\s*", text)
    if not match:
        raise UsageError(f"--quarter '{text}' is not a quarter; write it as 2022Q4")
    year, quarter = int(match[1]), int(match[2])
    if year not in plan.years:
        raise UsageError(f"--quarter {text} is outside the plan ({plan.years[0]}–{plan.years[-1]})")
    return year, quarter


def import_pageviews(data_dir: str | Path, plan: Plan, export: str | Path, quarter: tuple[int, int]) -> Recorded:
    """Record a quarter's page views from an analytics export.

    Replaces, atomically, every earlier page-views row of that quarter (the
    export is the quarter's whole figure) and keeps every other row as it was.
    """
    views = read_pageviews_export(export, plan)
    metric = plan.pageviews_import.metric
    data_dir = Path(data_dir)
    first_day, last_day = actuals.quarter_bounds(*quarter)
    period = plan.metadata.period
    year, q = quarter
    if last_day < period.start or first_day > period.end:
        raise UsageError(
            f"--quarter {year}Q{q} is outside the plan period {period.start.isoformat()}..{period.end.isoformat()}"
        )
    # The quarter's figure is dated on its last day, or on the plan's last day
    # when the plan ends inside the quarter (a later date would not validate).
    day = min(last_day, period.end)
    path = actuals.quarter_file(data_dir, day)
    path.parent.mkdir(parents=True, exist_ok=True)
    cells_in = {
        "id": f"{year}Q{q}-pageviews",
        "date": day.isoformat(),
        "type": metric,
        "title": f"Page views {year}-Q{q} (import {Path(export).name})",
        "value": str(views.total),
    }
    if views.total < 1:
        raise UsageError(f"no page views matched the plan's patterns in {display_path(export)}; nothing recorded")
    # The row must pass the reader's own check, like every recorded row.
    _, problems = actuals.check_activity(cells_in, plan, {}, path=display_path(path), line=0, quarter=quarter)
    if problems:
        raise DataError(problems)
    with storage.locked(path):
        if not path.exists() or path.stat().st_size == 0:
            line = _append(path, actuals.COLUMNS, cells_in)
            return Recorded(path, line, cells_in, matched=(views.matched_rows, views.rows))
        dialect = actuals.sniff(path)
        text = path.read_bytes().decode(dialect.encoding)
        kept, removed = _without_metric_rows(text, dialect, plan, metric)
        if kept and not kept.endswith(("\n", "\r")):
            kept += dialect.newline
        cells_in["value"] = str(views.total) if dialect.delimiter != ";" else f"{views.total:,}".replace(",", ".")
        missing = [name for name in ("type", "value") if name not in dialect.header]
        if missing:
            # Without a value column the row would read back as 1 page view.
            raise UsageError(
                f"{display_path(path)} has no column {', '.join(repr(m) for m in missing)}; "
                "add it to the header row to record the page views"
            )
        new_text = kept + storage.format_row(
            [cells_in.get(name, "") for name in dialect.header], delimiter=dialect.delimiter, newline=dialect.newline
        )
        try:
            data = new_text.encode(dialect.encoding)
        except UnicodeEncodeError as exc:
            raise DataError([_unencodable(path, dialect.encoding, exc)]) from None
        storage.replace_file(path, data)
        line = new_text.count("\n")
    return Recorded(path, line, cells_in, replaced=removed, matched=(views.matched_rows, views.rows))


def _without_metric_rows(text: str, dialect, plan: Plan, metric: str) -> tuple[str, int]:
    """The file's text without the rows of ``metric``, other rows byte-for-byte as they were."""
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=dialect.delimiter)
    header = next(reader, [])
    type_at = [h.strip() for h in header].index("type") if "type" in [h.strip() for h in header] else None
    kept = lines[: reader.line_num]
    removed = 0
    start = reader.line_num
    for row in reader:
        end = reader.line_num
        kind = plan.activity_type(row[type_at]) if type_at is not None and type_at < len(row) else None
        if kind is not None and kind.id == metric:
            removed += 1
        else:
            kept.extend(lines[start:end])
        start = end
    return "".join(kept), removed


def parse_cli_date(text: str) -> dt.date:
    """Parse a date typed on the command line (YYYY-MM-DD or DD/MM/YYYY)."""
    try:
        return parse_date(text)
    except ValueError as exc:
        raise UsageError(str(exc)) from None

