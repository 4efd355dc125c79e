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
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from relint_kpi import csvio, i18n, storage
from relint_kpi.choices import resolve_choice
from relint_kpi.i18n import DEFAULT_LANG
from relint_kpi.issues import DataError, Issue, UsageError, display_path, message
from relint_kpi.numbers import format_italian_int
from relint_kpi.periods import (
    date_style,
    format_date,
    parse_date,
    quarter_bounds,
    quarter_file_name,
    quarter_label,
    quarter_of,
    quarter_of_file_name,
)
from relint_kpi.plan import Plan
from relint_kpi.registry import (
    DELIVERABLE_COLUMNS,
    STAKEHOLDER_COLUMNS,
    name_problem,
    read_deliverables,
    read_stakeholders,
)
from relint_kpi.rows import COLUMNS, ActivityRow, RowContext, validate_row
from relint_kpi.textmatch import similar_titles


@dataclass(frozen=True)
class Recorded:
    """What a write did: the file, the row's line and the cells written.

    ``warnings``: on a dry run, what would stop the write (a likely
    duplicate, the quarter's page-views row), as issues at the existing rows.
    """

    path: Path
    line: int
    cells: dict[str, str]
    dry_run: bool = False
    replaced: int = 0
    matched: tuple[int, int] | None = None  # page views import: (matching rows, rows read)
    warnings: tuple[Issue, ...] = ()


class Refused(DataError):
    """A row that would be valid but that the folder already seems to hold (exit 1).

    The issues point at the existing rows: ``likely-duplicate`` ones (pass
    ``allow_duplicate``) or ``metric-exists`` ones (pass ``replace``).
    """


@dataclass(frozen=True)
class Conventions:
    """How a file writes its cells: the date form and the word for each activity type."""

    dates: str
    type_words: dict[str, str]

    @classmethod
    def of_plan(cls, plan: Plan) -> Conventions:
        """The plan's declared form for a folder with no rows yet (``csv_format``)."""
        declared = plan.csv_format
        aliases = declared.type_words == "alias"
        words = {kind.id: (kind.aliases[0] if aliases and kind.aliases else kind.id) for kind in plan.activity_types}
        return cls("dmy" if declared.dates == "dd/mm/yyyy" else "iso", words)

    @classmethod
    def of_rows(cls, table: csvio.Table, plan: Plan, date_column: str = "date") -> Conventions | None:
        """The form most of a file's rows use (None when no row shows a date or a type word).

        A type the file names is written as the file spells it most often;
        a type it does not name yet, as the plan's id, or as its first alias
        when most rows use aliases (``incontro`` rather than ``meeting``).
        """
        date_at, type_at = table.columns.get(date_column), table.columns.get("type")
        styles: Counter[str] = Counter()
        spellings: dict[str, Counter[str]] = {}
        by_alias = by_id = 0
        for _, cells in table.rows:
            if date_at and (style := date_style(cells[date_at - 1])):
                styles[style] += 1
            word = cells[type_at - 1].strip() if type_at else ""
            kind = plan.activity_type(word) if word else None
            if kind is not None:
                spellings.setdefault(kind.id, Counter())[word] += 1
                if word.casefold() == kind.id.casefold():
                    by_id += 1
                else:
                    by_alias += 1
        if not styles and not spellings:
            return None
        declared = cls.of_plan(plan)
        words = {}
        for kind in plan.activity_types:
            if kind.id in spellings:
                words[kind.id] = spellings[kind.id].most_common(1)[0][0]
            elif by_alias or by_id:
                words[kind.id] = kind.aliases[0] if by_alias > by_id and kind.aliases else kind.id
            else:
                words[kind.id] = declared.type_words[kind.id]
        return cls(styles.most_common(1)[0][0] if styles else declared.dates, words)


def load_registry(data_dir: Path, plan: Plan) -> dict:
    """The folder's stakeholder registry by name; DataError when it has problems."""
    registry, issues = read_stakeholders(data_dir / "stakeholders.csv", plan)
    if issues:
        raise DataError(issues)
    return registry


def encoded(path: Path, text: str, encoding: str) -> bytes:
    """A data file's whole ``text`` as bytes; DataError when its ``encoding`` (cp1252) cannot hold a character."""
    try:
        return csvio.encode_file(text, encoding)
    except UnicodeEncodeError as exc:
        raise DataError([csvio.unencodable(path, encoding, exc)]) from None


def check_writable(path: Path, data_dir: Path) -> None:
    """Refuse a target that is not a regular file (a folder, or a FIFO that would block the write),
    or a symbolic link to a file outside the data folder (a write would land there)."""
    odd = csvio.not_a_file(path)
    if odd is not None:
        raise DataError([odd])
    if path.is_symlink():
        target, folder = path.resolve(), data_dir.resolve()
        if not target.is_relative_to(folder):
            raise storage.WriteError("writers.link_outside", link=path, target=target, folder=data_dir)


def quarter_files(data_dir: Path) -> list[Path]:
    """The folder's quarter files (``actuals/YYYY-Qn.csv``), newest first."""
    folder = data_dir / "actuals"
    if not folder.is_dir():
        return []
    found = [path for path in folder.iterdir() if quarter_of_file_name(path.name) is not None]
    return sorted(found, key=lambda path: quarter_of_file_name(path.name), reverse=True)


def new_file_dialect(plan: Plan) -> csvio.CsvDialect:
    """The dialect the plan declares for the folder's first file (``csv_format``)."""
    declared = plan.csv_format
    encoding = "utf-8-sig" if declared.encoding == "utf-8" and declared.bom else declared.encoding
    return csvio.CsvDialect(declared.delimiter, encoding, "\r\n" if declared.line_end == "crlf" else "\n")


def row_dialect(path: Path, header: tuple[str, ...], data_dir: Path, plan: Plan) -> csvio.CsvDialect:
    """The file's own dialect; for a new file, the folder's quarter files', else the plan's."""
    return csvio.dialect_for(path, header, quarter_files(data_dir), new_file_dialect(plan))


def _append(path: Path, header: tuple[str, ...], cells: dict[str, str], data_dir: Path, plan: Plan) -> int:
    """Append one row in the file's own dialect (creating it in the folder's); return its line."""
    check_writable(path, data_dir)
    return csvio.append_row(path, row_dialect(path, header, data_dir, plan), cells)


def _rows(path: Path) -> csvio.Table | None:
    """The rows of an existing activity file, read with the csv module (None when there is none)."""
    if not path.is_file() or path.stat().st_size == 0:
        return None
    table = csvio.read_rows(path, COLUMNS, ())
    return table if table.columns else None


def _cell(table: csvio.Table, cells: list[str], name: str) -> str:
    at = table.columns.get(name)
    return cells[at - 1].strip() if at else ""


def _highest_id(table: csvio.Table | None, prefix: str) -> int:
    """The highest sequence number of ``prefix``-NNNN ids in the file (0 if none)."""
    if table is None:
        return 0
    pattern = re.compile(re.escape(prefix) + r"-([0-9]+)$")
    numbers = [int(match[1]) for _, cells in table.rows if (match := pattern.match(_cell(table, cells, "id")))]
    return max(numbers, default=0)


def _conventions(table: csvio.Table | None, data_dir: Path, path: Path, plan: Plan) -> Conventions:
    """The form of the file's own rows; for a file without rows, the newest quarter file's; else the plan's."""
    found = Conventions.of_rows(table, plan) if table is not None else None
    if found is not None:
        return found
    for sibling in quarter_files(data_dir):
        if sibling == path:
            continue
        try:
            other = _rows(sibling)
        except DataError:
            continue
        found = Conventions.of_rows(other, plan) if other is not None else None
        if found is not None:
            return found
    return Conventions.of_plan(plan)


def activity_columns(row: ActivityRow) -> tuple[str, ...]:
    """The header of a new quarter file for ``row``: the venue column only when the row gives a venue.

    A venue is rare (an event held somewhere other than its territory), so
    files stay as offices know them until one is needed.
    """
    return COLUMNS if row.venue else tuple(name for name in COLUMNS if name != "venue")


def format_activity(row: ActivityRow, delimiter: str = ",", conventions: Conventions | None = None) -> dict[str, str]:
    """The cells relint writes for an activity: ids, ``|``-joined names, dates and type words as the file writes them."""
    return {
        "id": row.id,
        "date": format_date(row.date, conventions.dates) if conventions else row.date.isoformat(),
        "type": conventions.type_words.get(row.type, row.type) if conventions else row.type,
        "territory": row.territory or "",
        "title": row.title,
        "action": row.action or "",
        "participants": "" if row.participants is None else format_italian_int(row.participants, delimiter),
        "stakeholders": "|".join(row.stakeholders),
        "value": format_italian_int(row.value, delimiter),
        "notes": row.notes,
        "venue": row.venue or "",
    }


def _clashes(table: csvio.Table | None, row: ActivityRow, context: RowContext, shown: str) -> list[Issue]:
    """The file's rows the new one may repeat: the quarter's row of a metric type, or a likely duplicate.

    A likely duplicate has the same date, type and territory and a similar
    title (:func:`~relint_kpi.textmatch.similar_titles`). Cells are read as
    the row contract reads them (aliases, names, either date form).
    """
    if table is None:
        return []
    kind = context.plan.activity_type(row.type)
    metric, duplicates = [], []
    for line, cells in table.rows:
        found = context.types.get(_cell(table, cells, "type").casefold())
        if found is None or found[0] != row.type:
            continue
        title = _cell(table, cells, "title")
        if kind is not None and kind.metric:
            metric.append(Issue(shown, line, 0, "metric-exists", {"quarter": quarter_label(*quarter_of(row.date)), "title": title}))
            continue
        try:
            same_day = parse_date(_cell(table, cells, "date")) == row.date
        except ValueError:
            continue
        territory = _cell(table, cells, "territory")
        place = context.territories.resolve(territory) if territory else None
        if same_day and place == row.territory and similar_titles(title, row.title):
            duplicates.append(Issue(shown, line, 0, "likely-duplicate", {"what": message("clash-duplicate", title=title)}))
    return metric or duplicates


def check_activity(data_dir: str | Path, plan: Plan, fields: dict[str, str]) -> tuple[ActivityRow, RowContext]:
    """Check one activity's raw cells with the row contract; raise DataError naming the options."""
    registry = load_registry(Path(data_dir), plan)
    fields = {k: v for k, v in fields.items() if v is not None and k != "id"}
    columns = {name: index for index, name in enumerate(COLUMNS, start=1)}
    context = RowContext(plan, registry)
    row, issues = validate_row(fields, context, path="add-activity", line=0, columns=columns)
    if row is None:
        # Name the option the user typed, not a CSV column.
        options = ["--stakeholder" if name == "stakeholders" else "--" + name for name in COLUMNS]
        raise DataError(
            [Issue(i.path, 0, 0, i.code, i.params, subject=options[i.column - 1]) if i.column else i for i in issues]
        )
    return row, context


def add_activity(
    data_dir: str | Path,
    plan: Plan,
    fields: dict[str, str],
    *,
    dry_run: bool = False,
    allow_duplicate: bool = False,
    replace: bool = False,
) -> Recorded:
    """Check one activity and append it to its quarter's file, with a new id.

    ``fields`` are the raw cells (``date``, ``type``, ``territory`` …) as a
    user typed them; they are checked by the row contract the reader uses.
    The id is ``YYYYQn-NNNN``, one more than the highest in that quarter's
    file, chosen under the lock so concurrent writers never share one. The
    row is written in the file's own form: its dialect, date form and type
    words (a new file: the folder's, else the plan's ``csv_format``).

    Raises DataError with the reader's own messages when the row would not
    validate, and :class:`Refused` when the file holds a likely duplicate
    (unless ``allow_duplicate``) or, for a metric type, the quarter's row
    already (unless ``replace``, which replaces it). A dry run raises
    neither: it returns them as ``warnings``.
    """
    data_dir = Path(data_dir)
    row, context = check_activity(data_dir, plan, fields)
    path = data_dir / "actuals" / quarter_file_name(row.date)
    shown = display_path(path)
    year, quarter = quarter_of(row.date)
    prefix = f"{year}Q{quarter}"
    check_writable(path, data_dir)
    if dry_run:
        table = _rows(path)
        dialect = row_dialect(path, activity_columns(row), data_dir, plan)
        cells = format_activity(row.model_copy(update={"id": f"{prefix}-…"}), dialect.delimiter, _conventions(table, data_dir, path, plan))
        return Recorded(path, 0, cells, dry_run=True, warnings=tuple(_clashes(table, row, context, shown)))
    storage.make_folder(path.parent)
    with storage.locked(path):
        table = _rows(path)
        clashes = _clashes(table, row, context, shown)
        metric = [issue for issue in clashes if issue.code == "metric-exists"]
        if (metric and not replace) or (clashes and not metric and not allow_duplicate):
            raise Refused(clashes)
        dialect = row_dialect(path, activity_columns(row), data_dir, plan)
        new_id = f"{prefix}-{_highest_id(table, prefix) + 1:04d}"
        cells = format_activity(row.model_copy(update={"id": new_id}), dialect.delimiter, _conventions(table, data_dir, path, plan))
        if metric:
            line, removed = _replace_metric_rows(path, dialect, plan, row.type, cells)
            return Recorded(path, line, cells, replaced=removed)
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
    lang: str = "it",
) -> Recorded:
    """Register a stakeholder in ``stakeholders.csv`` (names are unique, case-insensitively).

    ``category`` is the plan's category id or its label in either language;
    the id is written. ``lang`` is the language of a refusal.
    """
    data_dir = Path(data_dir)
    name = name.strip()
    problem = name_problem(name)
    if problem:
        raise UsageError(problem.code, **dict(problem.params))
    category = resolve_choice(plan, "category", category, lang)
    path = data_dir / "stakeholders.csv"
    storage.make_folder(data_dir)
    with storage.locked(path):
        registry = load_registry(data_dir, plan)
        for existing in registry.values():
            if existing.name.casefold() == name.casefold():
                raise UsageError("stakeholder-registered", name=existing.name, where=f"{existing.path}:{existing.line}")
        cells = {
            "name": name,
            "internal": "yes" if internal else "no",
            "category": category,
            "first_involved": format_date(first_involved, _date_style(path, STAKEHOLDER_COLUMNS, "first_involved", data_dir, plan))
            if first_involved
            else "",
        }
        line = _append(path, STAKEHOLDER_COLUMNS, cells, data_dir, plan)
    return Recorded(path, line, cells)


def _date_style(path: Path, columns: tuple[str, ...], date_column: str, data_dir: Path, plan: Plan) -> str:
    """The date form of a registry file's ``date_column``; for a file without dates, the activity files' form."""
    table = csvio.read_rows(path, columns, ()) if path.is_file() and path.stat().st_size else None
    found = Conventions.of_rows(table, plan, date_column) if table is not None else None
    return (found or _conventions(None, data_dir, path, plan)).dates


def complete_action(
    data_dir: str | Path, plan: Plan, action_id: str, *, date: dt.date, note: str = "", lang: str = DEFAULT_LANG
) -> Recorded:
    """Record that an action's deliverable was achieved on ``date``.

    A deliverable already recorded for that action and date is refused
    (:class:`Refused`, at the existing row's line); the date is written in
    the form the file's rows use. ``action_id`` is the action's id or its
    title in either language; the id is written. ``lang`` is the language
    of a refusal.
    """
    action_id = resolve_choice(plan, "action", action_id, lang)
    data_dir = Path(data_dir)
    path = data_dir / "deliverables.csv"
    storage.make_folder(data_dir)
    check_writable(path, data_dir)
    with storage.locked(path):
        deliverables, issues = read_deliverables(path, plan)
        if issues:
            raise DataError(issues)
        same = [d for d in deliverables if d.action == action_id and d.date == date]
        if same:
            said = {"action": action_id, "date": format_date(date, "dmy"), "note": same[0].note}
            raise Refused([Issue(same[0].path, same[0].line, 0, "duplicate-deliverable", said)])
        style = _date_style(path, DELIVERABLE_COLUMNS, "date", data_dir, plan)
        cells = {"action": action_id, "date": format_date(date, style), "note": note.strip()}
        line = _append(path, DELIVERABLE_COLUMNS, cells, data_dir, plan)
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
        raise UsageError("no-pageviews-import")
    try:
        text, _ = csvio.decode(path)
    except OSError as exc:
        raise UsageError("cannot-read", path=shown, reason=exc.strerror) from None
    delimiter = csvio.delimiter_of(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().casefold() for h in next(reader, [])]

    def column(names):
        return next((header.index(name) for name in names if name in header), None)

    hits, label, url = column(_HITS_COLUMNS), column(_LABEL_COLUMNS), column(_URL_COLUMNS)
    if hits is None or (label is None and url is None):
        raise DataError([Issue(shown, 1, 0, "bad-export")])
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
        # Only 0-9: str.isdigit also takes '²' and other digits int() refuses.
        if not (value.isascii() and value.isdigit()):
            issues.append(Issue(shown, line, hits + 1, "bad-pageviews", {"value": value}))
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
        raise UsageError("not-a-quarter", value=text)
    year, quarter = int(match[1]), int(match[2])
    if year not in plan.years:
        raise UsageError("quarter-outside-plan-years", value=text, first=plan.years[0], last=plan.years[-1])
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
        raise UsageError("quarter-outside-plan", value=f"{year}Q{q}", start=period.start.isoformat(), end=period.end.isoformat())
    # The quarter's figure is dated on its last day, or on the plan's last day
    # when the plan ends inside the quarter (a later date would not validate).
    day = min(last_day, period.end)
    path = data_dir / "actuals" / quarter_file_name(day)
    storage.make_folder(path.parent)
    cells_in = {
        "id": f"{year}Q{q}-pageviews",
        "date": day.isoformat(),
        "type": metric,
        "title": i18n.render("pageviews-row-title", {"quarter": f"{year}-Q{q}", "file": Path(export).name}),
        "value": str(views.total),
    }
    if views.total < 1:
        raise UsageError("no-pageviews-matched", path=display_path(export))
    # The row must pass the reader's own check, like every recorded row.
    _, problems = validate_row(cells_in, RowContext(plan, {}, quarter), path=display_path(path), line=0, columns={})
    if problems:
        raise DataError(problems)
    check_writable(path, data_dir)
    with storage.locked(path):
        conventions = _conventions(_rows(path), data_dir, path, plan)
        cells_in["date"] = format_date(day, conventions.dates)
        cells_in["type"] = conventions.type_words.get(metric, metric)
        dialect = row_dialect(path, tuple(name for name in COLUMNS if name != "venue"), data_dir, plan)
        cells_in["value"] = format_italian_int(views.total, dialect.delimiter)
        if not path.exists() or path.stat().st_size == 0:
            line = csvio.append_row(path, dialect, cells_in)
            return Recorded(path, line, cells_in, matched=(views.matched_rows, views.rows))
        line, removed = _replace_metric_rows(path, dialect, plan, metric, cells_in)
    return Recorded(path, line, cells_in, replaced=removed, matched=(views.matched_rows, views.rows))


def _replace_metric_rows(path: Path, dialect: csvio.CsvDialect, plan: Plan, metric: str, cells: dict[str, str]) -> tuple[int, int]:
    """Rewrite ``path`` (atomically) without its rows of ``metric`` and with ``cells`` last: ``(line, rows removed)``.

    The caller holds the lock; every other row stays byte for byte.
    """
    text, _ = csvio.decode(path)
    if not dialect.ends_with_newline:
        csvio.refuse_torn(path, text, dialect.header)
    kept, removed = _without_metric_rows(text, dialect, plan, metric)
    if kept and not kept.endswith(("\n", "\r")):
        kept += dialect.newline
    missing = [name for name in ("type", "value") if name not in dialect.header]
    if missing:
        # Without a value column the row would read back as 1 page view.
        raise UsageError("file-lacks-pageviews-column", path=display_path(path), columns=[repr(m) for m in missing])
    new_text = kept + csvio.format_row(
        [cells.get(name, "") for name in dialect.header], delimiter=dialect.delimiter, newline=dialect.newline
    )
    storage.replace_file(path, encoded(path, new_text, dialect.encoding))
    return csvio.count_lines(new_text), removed


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
