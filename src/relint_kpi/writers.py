"""Recording what happened: activities, stakeholders, deliverables, page views.

Each function checks its input exactly as the reader would (so a recorded
row always validates), then writes under the folder's lock through
:mod:`relint_kpi.storage`. Problems with the input are returned as issues
(:class:`~relint_kpi.issues.DataError`), never half-written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from relint_kpi import csvio, storage
from relint_kpi.issues import DataError, Issue, UsageError, display_path
from relint_kpi.numbers import format_italian_int
from relint_kpi.periods import quarter_bounds, quarter_file_name, quarter_of
from relint_kpi.plan import Plan
from relint_kpi.registry import DELIVERABLE_COLUMNS, STAKEHOLDER_COLUMNS, read_stakeholders
from relint_kpi.rows import COLUMNS, ActivityRow, RowContext, validate_row


@dataclass(frozen=True)
class Recorded:
    """What a write did: the file, the row's line and the cells written."""

    path: Path
    line: int
    cells: dict[str, str]
    dry_run: bool = False
    replaced: int = 0
    matched: tuple[int, int] | None = None  # page views import: (matching rows, rows read)


def _registry(data_dir: Path, plan: Plan):
    registry, issues = read_stakeholders(data_dir / "stakeholders.csv", plan)
    if issues:
        raise DataError(issues)
    return registry


def _writable(path: Path) -> None:
    """Refuse a target that is not a regular file: a folder, or a FIFO that would block the write."""
    odd = csvio.not_a_file(path)
    if odd is not None:
        raise DataError([odd])


def _append(path: Path, header: tuple[str, ...], cells: dict[str, str]) -> int:
    """Append one row in the file's own dialect (creating it with ``header``); return its line."""
    _writable(path)
    return csvio.append_row(path, csvio.dialect_for(path, header), cells)


def _quarter_ids(path: Path, prefix: str) -> int:
    """The highest sequence number of ``prefix``-NNNN ids in ``path`` (0 if none)."""
    if not path.exists():
        return 0
    pattern = re.compile(re.escape(prefix) + r"-([0-9]+)$")
    table = csvio.read_rows(path, COLUMNS, ())
    if "id" not in table.columns:
        return 0
    at = table.columns["id"] - 1
    numbers = [int(match[1]) for _, cells in table.rows if (match := pattern.match(cells[at].strip()))]
    return max(numbers, default=0)


def format_activity(row: ActivityRow, delimiter: str = ",") -> dict[str, str]:
    """The cells relint writes for an activity (ISO date, ids, ``|``-joined names)."""
    return {
        "id": row.id,
        "date": row.date.isoformat(),
        "type": row.type,
        "territory": row.territory or "",
        "title": row.title,
        "action": row.action or "",
        "participants": "" if row.participants is None else format_italian_int(row.participants, delimiter),
        "stakeholders": "|".join(row.stakeholders),
        "value": format_italian_int(row.value, delimiter),
        "notes": row.notes,
        "venue": row.venue or "",
    }


def add_activity(data_dir: str | Path, plan: Plan, fields: dict[str, str], *, dry_run: bool = False) -> Recorded:
    """Check one activity and append it to its quarter's file, with a new id.

    ``fields`` are the raw cells (``date``, ``type``, ``territory`` …) as a
    user typed them; they are checked by the row contract the reader uses.
    The id is ``YYYYQn-NNNN``, one more than the highest in that quarter's
    file, chosen under the lock so concurrent writers never share one.
    Raises DataError with the reader's own messages when the row would not
    validate.
    """
    data_dir = Path(data_dir)
    registry = _registry(data_dir, plan)
    fields = {k: v for k, v in fields.items() if v is not None and k != "id"}
    columns = {name: index for index, name in enumerate(COLUMNS, start=1)}
    row, issues = validate_row(fields, RowContext(plan, registry), path="add-activity", line=0, columns=columns)
    if row is None:
        # Name the option the user typed, not a CSV column.
        flags = {"stakeholders": "stakeholder"}
        raise DataError(
            [
                Issue(i.path, 0, 0, i.code, f"--{flags.get(COLUMNS[i.column - 1], COLUMNS[i.column - 1])}: {i.message}")
                if i.column
                else i
                for i in issues
            ]
        )
    path = data_dir / "actuals" / quarter_file_name(row.date)
    year, quarter = quarter_of(row.date)
    prefix = f"{year}Q{quarter}"
    if dry_run:
        return Recorded(path, 0, format_activity(row.model_copy(update={"id": f"{prefix}-…"})), dry_run=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    _writable(path)
    with storage.locked(path):
        new_id = f"{prefix}-{_quarter_ids(path, prefix) + 1:04d}"
        dialect = csvio.dialect_for(path, COLUMNS)
        cells = format_activity(row.model_copy(update={"id": new_id}), dialect.delimiter)
        line = csvio.append_row(path, dialect, cells)
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
        line = _append(path, STAKEHOLDER_COLUMNS, cells)
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
        line = _append(path, DELIVERABLE_COLUMNS, cells)
    return Recorded(path, line, cells)


# -- page views from a Matomo / Web Analytics Italia export ---------------------------

_LABEL_COLUMNS = ("label", "etichetta")
_URL_COLUMNS = ("url",)
_HITS_COLUMNS = ("nb_hits", "pageviews", "visualizzazioni di pagina", "visualizzazioni pagina")


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
        text, _ = csvio.decode(path)
    except OSError as exc:
        raise UsageError(f"cannot read {shown}: {exc.strerror}") from None
    delimiter = csvio.delimiter_of(text.split("\n", 1)[0])
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
    first_day, last_day = quarter_bounds(*quarter)
    period = plan.metadata.period
    year, q = quarter
    if last_day < period.start or first_day > period.end:
        raise UsageError(
            f"--quarter {year}Q{q} is outside the plan period {period.start.isoformat()}..{period.end.isoformat()}"
        )
    # The quarter's figure is dated on its last day, or on the plan's last day
    # when the plan ends inside the quarter (a later date would not validate).
    day = min(last_day, period.end)
    path = data_dir / "actuals" / quarter_file_name(day)
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
    _, problems = validate_row(cells_in, RowContext(plan, {}, quarter), path=display_path(path), line=0, columns={})
    if problems:
        raise DataError(problems)
    _writable(path)
    with storage.locked(path):
        if not path.exists() or path.stat().st_size == 0:
            line = _append(path, COLUMNS, cells_in)
            return Recorded(path, line, cells_in, matched=(views.matched_rows, views.rows))
        dialect = csvio.sniff(path)
        text = path.read_bytes().decode(dialect.encoding)
        kept, removed = _without_metric_rows(text, dialect, plan, metric)
        if kept and not kept.endswith(("\n", "\r")):
            kept += dialect.newline
        cells_in["value"] = format_italian_int(views.total, dialect.delimiter)
        missing = [name for name in ("type", "value") if name not in dialect.header]
        if missing:
            # Without a value column the row would read back as 1 page view.
            raise UsageError(
                f"{display_path(path)} has no column {', '.join(repr(m) for m in missing)}; "
                "add it to the header row to record the page views"
            )
        new_text = kept + csvio.format_row(
            [cells_in.get(name, "") for name in dialect.header], delimiter=dialect.delimiter, newline=dialect.newline
        )
        try:
            data = new_text.encode(dialect.encoding)
        except UnicodeEncodeError as exc:
            raise DataError([csvio.unencodable(path, dialect.encoding, exc)]) from None
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
