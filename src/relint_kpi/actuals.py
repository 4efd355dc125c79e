"""Reading what happened: the quarterly actuals, the stakeholder registry, the deliverables.

The data folder holds:

* ``actuals/YYYY-Qn.csv`` — one file per quarter, one row per activity.
  Columns, in any order: ``id,date,type,territory,title,action,participants,
  stakeholders,value,notes``. ``date``, ``type`` and ``title`` must be in
  the header; the others may be left out. Unknown or repeated columns are
  errors.
* ``stakeholders.csv`` — ``name,internal,category,first_involved``.
* ``deliverables.csv`` — ``action,date,note`` (written by
  ``relint complete-action``).

Files saved by Excel with Italian settings load as they are: ``;``
delimiter, UTF-8 with or without BOM, UTF-16 with BOM, cp1252, CRLF line
ends, thousands written ``5.000`` (only in a ``;`` file).

Reading never stops at the first problem: every row is checked and every
problem becomes an :class:`~relint_kpi.issues.Issue` with the file's own
line (header = 1) and the cell's column. A caller must not use data that
came with issues (see :func:`relint_kpi.workspace.load_all`).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import itertools
import operator
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, NamedTuple, Sequence

from relint_kpi.issues import MAX_ISSUES, DataError, Issue, display_path
from relint_kpi.numbers import format_italian_int, parse_date, parse_italian_int
from relint_kpi.records import Activity, ActivityLog, Deliverable, Stakeholder
from relint_kpi.territories import TerritoryIndex

if TYPE_CHECKING:
    # Only for annotations: importing the plan's models means importing
    # pydantic, which add-activity with a cached plan never needs.
    from relint_kpi.plan import Plan

COLUMNS = ("id", "date", "type", "territory", "title", "action", "participants", "stakeholders", "value", "notes")
REQUIRED_COLUMNS = ("date", "type", "title")
STAKEHOLDER_COLUMNS = ("name", "internal", "category", "first_involved")
DELIVERABLE_COLUMNS = ("action", "date", "note")

QUARTER_FILE = re.compile(r"^([0-9]{4})-Q([1-4])\.csv$")
_YES = {"yes", "y", "sì", "si", "s", "true", "1", "interno", "internal"}
_NO = {"no", "n", "false", "0", "esterno", "external"}

csv.field_size_limit(1 << 24)


@dataclass(frozen=True)
class CsvDialect:
    """How a CSV file is written, so that appends keep its own form."""

    delimiter: str = ","
    encoding: str = "utf-8"
    newline: str = "\n"
    header: list[str] = field(default_factory=list)
    ends_with_newline: bool = True


def quarter_of(date: dt.date) -> tuple[int, int]:
    """The ``(year, quarter)`` a date falls in."""
    return date.year, (date.month - 1) // 3 + 1


def quarter_file(data_dir: str | Path, date: dt.date) -> Path:
    """The actuals file a date belongs to: ``data_dir/actuals/2022-Q2.csv``."""
    year, quarter = quarter_of(date)
    return Path(data_dir) / "actuals" / f"{year}-Q{quarter}.csv"


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """First and last day of a quarter."""
    start = dt.date(year, 3 * quarter - 2, 1)
    end = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
    return start, end - dt.timedelta(days=1)


# -- decoding ---------------------------------------------------------------------


def _detect_encoding(path: Path) -> tuple[str | None, Issue | None]:
    """Pick the encoding by BOM, then UTF-8, then cp1252; or say why none fits."""
    shown = display_path(path)
    with path.open("rb") as handle:
        head = handle.read(4)
    if head.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "cp1252"]
    first_error: UnicodeDecodeError | None = None
    first_error_line = 0
    for encoding in candidates:
        decoder = codecs.getincrementaldecoder(encoding)("strict")
        offset = 0
        line = 1
        try:
            with path.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    # Bytes of a character cut by the previous chunk sit in the decoder,
                    # and an error's start counts them: take them off for the offset.
                    held = len(decoder.getstate()[0])
                    try:
                        text = decoder.decode(chunk)
                    except UnicodeDecodeError as exc:
                        exc.line = line + chunk[: max(exc.start - held, 0)].count(b"\n")
                        exc.start -= held
                        raise
                    if "\x00" in text:
                        at = text.index("\x00")
                        nul_line = line + text.count("\n", 0, at)
                        return None, Issue(
                            shown,
                            nul_line,
                            0,
                            "nul-byte",
                            f"NUL byte near byte {offset + at}: the file is not a text CSV "
                            "(save it again as 'CSV UTF-8' or 'CSV (separatore: punto e virgola)')",
                        )
                    line += text.count("\n")
                    offset += len(chunk)
                decoder.decode(b"", final=True)
            return encoding, None
        except UnicodeDecodeError as exc:
            if first_error is None:
                first_error = exc
                first_error_line = getattr(exc, "line", line)
                first_error.start += offset  # make the offset absolute for the message
    byte = first_error.start if first_error else 0
    return None, Issue(
        shown,
        first_error_line,
        0,
        "bad-encoding",
        f"undecodable byte at byte offset {byte}: the file is neither UTF-8 nor Windows-1252; "
        "save it from Excel as 'CSV UTF-8'",
    )


def sniff(path: str | Path) -> CsvDialect:
    """Describe an existing CSV file's dialect (delimiter, encoding, line end, header).

    Writers use it to append rows in the file's own form. Raises
    :class:`~relint_kpi.issues.DataError` with the reader's own issue (line
    and byte offset) when the file cannot be decoded, so a command that
    writes reports it like ``relint validate`` does.
    """
    path = Path(path)
    encoding, problem = _detect_encoding(path)
    if problem is not None or encoding is None:
        raise DataError([problem or Issue(display_path(path), 0, 0, "bad-encoding", "cannot decode the file")])
    with path.open(encoding=encoding, newline="") as handle:
        first = handle.readline()
    newline = "\r\n" if first.endswith("\r\n") else "\n"
    delimiter = _delimiter_of(first)
    header = next(csv.reader([first.rstrip("\r\n")], delimiter=delimiter), [])
    raw = path.read_bytes()[-4:]
    ends = raw.endswith(b"\n") or raw.endswith(b"\n\x00") or not raw
    return CsvDialect(delimiter, encoding, newline, [h.strip() for h in header], ends)


def _delimiter_of(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


# -- generic table reading ----------------------------------------------------------


@dataclass
class _Table:
    path: Path
    shown: str
    delimiter: str = ","
    columns: dict[str, int] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)

    def header(self) -> list[str]:
        """The column names in file order (once the header has been read)."""
        return sorted(self.columns, key=self.columns.__getitem__)

    def add(self, line: int, column: str | int | None, code: str, message: str) -> None:
        col = self.columns.get(column, 0) if isinstance(column, str) else (column or 0)
        if len(self.issues) < MAX_ISSUES:
            self.issues.append(Issue(self.shown, line, col, code, message))
        elif len(self.issues) == MAX_ISSUES:
            self.issues.append(
                Issue(self.shown, line, 0, "too-many-issues", f"more than {MAX_ISSUES} problems; stopped listing them")
            )


_BATCH = 20_000  # rows checked together by the CSV path
_CHUNK = 1 << 21  # characters read at a time by the plain path (about 20,000 rows)


def _is_blank(cells: list[str]) -> bool:
    """A row with no cells, or only empty or space-only cells: skipped, never an error."""
    return not "".join(cells).strip()


def _row_batches(table: _Table, known: tuple[str, ...], required: tuple[str, ...]) -> Iterator[tuple[Sequence[int], list[list[str]]]]:
    """Yield ``(lines, rows)``: batches of data rows of the header's width, with their lines.

    Decodes the file, checks the header (setting ``table.columns`` and
    ``table.delimiter``) and reads the rows a chunk at a time, so memory holds
    one chunk, not the file. Problems with the file's shape go to
    ``table.issues``, each recorded after the batch of the rows before it
    has been yielded, so a caller that checks rows as they come keeps issues
    in the order of the lines.
    """
    encoding, problem = _detect_encoding(table.path)
    if problem is not None:
        table.issues.append(problem)
        return
    with table.path.open(encoding=encoding, newline="") as handle:
        first = handle.readline()
        if not first.strip():
            if handle.read(1):
                table.add(1, None, "blank-header", f"line 1 is blank; the header row must be the first line: {','.join(known)}")
            else:
                table.add(1, None, "empty-file", f"the file is empty; it needs a header row: {','.join(known)}")
            return
        table.delimiter = _delimiter_of(first)
        header = [h.strip() for h in next(csv.reader([first.rstrip("\r\n")], delimiter=table.delimiter))]
        bad_header = False
        for index, name in enumerate(header, start=1):
            if name not in known:
                table.add(1, index, "unknown-column", f"unknown column '{name}' — expected columns: {', '.join(known)}")
                bad_header = True
            elif name in table.columns:
                table.add(1, index, "duplicate-column", f"column '{name}' appears twice in the header; keep one")
                bad_header = True
            else:
                table.columns[name] = index
        for name in required:
            if name not in table.columns:
                table.add(1, None, "missing-column", f"missing column '{name}' in the header (required: {', '.join(required)})")
                bad_header = True
        if bad_header:
            return
        line = 2  # the line of the next row
        while chunk := handle.read(_CHUNK):
            if not chunk.endswith("\n"):
                chunk += handle.readline()  # end the chunk at a line end
            rows = _plain_rows(chunk, table.delimiter, len(header))
            if rows is None:
                # The CSV parser takes over from the start of this chunk: earlier
                # chunks had no quotes, so no quoted cell is open here.
                source = itertools.chain(io.StringIO(chunk, newline=""), handle)
                yield from _csv_batches(table, len(header), source, line)
                return
            yield range(line, line + len(rows)), rows
            line += len(rows)


def _plain_rows(text: str, delimiter: str, width: int) -> list[list[str]] | None:
    """The rows of whole lines of text, split without the CSV parser when that gives its answer.

    That is when no cell is quoted (no ``"``), no CR stands outside a CRLF
    line end, and every line has the header's width: then each line is one
    row and splitting at the delimiter is exactly what ``csv`` does, at a
    fraction of the cost. Otherwise None, and the caller uses
    :func:`_csv_batches`, which reports the exact problems.
    """
    if '"' in text:
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n")
        if "\r" in text:
            return None
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    rows = list(map(operator.methodcaller("split", delimiter), lines))
    if rows and set(map(len, rows)) != {width}:
        return None
    return rows


def _csv_batches(
    table: _Table, width: int, source: Iterator[str], first_line: int
) -> Iterator[tuple[list[int], list[list[str]]]]:
    """:func:`_row_batches` through the CSV parser, for text with quotes or uneven rows.

    ``source`` yields the physical lines from line ``first_line`` on. Blank
    rows are skipped; rows of the wrong width, malformed quoting and a last
    row cut short by an interrupted write are recorded on ``table``.
    """
    reader = csv.reader(source, delimiter=table.delimiter, strict=True)
    last_line = first_line - 1
    lines: list[int] = []
    rows: list[list[str]] = []
    # A row of the wrong width waits here until the next row shows whether it
    # was the file's last one (a torn write) or not.
    pending: tuple[int, int] | None = None

    def wrong_width(line: int, count: int) -> None:
        what = "fewer" if count < width else "more"
        table.add(
            line,
            None,
            "row-length",
            f"row has {count} cells, {what} than the {width} header columns; "
            f"check for a missing or extra '{table.delimiter}'",
        )

    while True:
        start = last_line + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            if rows:
                yield lines, rows
                lines, rows = [], []
            if pending is not None:
                wrong_width(*pending)
            table.add(
                start, None, "bad-quoting", f"malformed CSV row ({exc}); a quote is not closed — check the quotes in this row"
            )
            return
        last_line = first_line - 1 + reader.line_num
        if pending is not None:
            if rows:
                yield lines, rows
                lines, rows = [], []
            wrong_width(*pending)
            pending = None
        if _is_blank(cells):
            continue
        if len(cells) != width:
            pending = (start, len(cells))
            continue
        lines.append(start)
        rows.append(cells)
        if len(rows) >= _BATCH:
            yield lines, rows
            lines, rows = [], []
    if rows:
        yield lines, rows
    if pending is not None:
        line, count = pending
        if count < width and not _ends_with_newline(table.path):
            table.add(
                line,
                None,
                "torn-row",
                f"the last row is cut short ({count} of {width} cells) and the file does not end with a "
                "line end: a write was interrupted; complete or delete the row",
            )
        else:
            wrong_width(line, count)


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - 2))
        tail = handle.read()
    return tail.endswith(b"\n") or tail.endswith(b"\n\x00")


def _rows(table: _Table, required: tuple[str, ...], known: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line, cells by column name)`` for each non-blank data row (small files)."""
    for lines, rows in _row_batches(table, known, required):
        header = table.header()
        for line, cells in zip(lines, rows):
            if not _is_blank(cells):
                yield line, dict(zip(header, cells))


# -- activities ---------------------------------------------------------------------


class ActivityKind(NamedTuple):
    """An activity type as rows name it: its id, its aliases, whether a row needs a territory."""

    id: str
    aliases: tuple[str, ...]
    needs_territory: bool


@dataclass(frozen=True)
class RowRules:
    """What checking an activity row needs from a plan, as plain values.

    Derived from a validated plan by :meth:`of_plan`. Plain and picklable,
    so the cache (:func:`relint_kpi.cache.store_rules`) can keep them and
    ``add-activity`` can check a row without loading the plan's pydantic
    models. Every function that checks rows takes either a plan or its rules.
    """

    period: tuple[dt.date, dt.date]  # the plan period, both days inclusive
    activity_types: tuple[ActivityKind, ...]
    action_ids: tuple[str, ...]
    stakeholder_categories: tuple[str, ...]
    territories: TerritoryIndex

    @classmethod
    def of_plan(cls, plan: Plan, known_countries: frozenset[str] | None = None) -> RowRules:
        """The rules of a validated plan.

        ``known_countries``: the ISO 3166-1 codes
        (:func:`relint_kpi.territories.country_codes`), for rules that will
        be cached, so that checking a country code needs no pycountry.
        """
        period = plan.metadata.period
        return cls(
            period=(period.start, period.end),
            activity_types=tuple(ActivityKind(k.id, tuple(k.aliases), k.needs_territory) for k in plan.activity_types),
            action_ids=tuple(a.id for a in plan.actions),
            stakeholder_categories=tuple(c.id for c in plan.stakeholder_categories),
            territories=TerritoryIndex(plan, known_countries),
        )


def row_rules(plan: Plan | RowRules) -> RowRules:
    """The row rules of a plan (derived once per plan object), or the rules given."""
    return _checker(plan).rules


def activity_kind(plan: Plan | RowRules, word: str) -> tuple[str, bool] | None:
    """``(type id, needs a territory)`` of the type a word names (id or alias, any case), as rows are read."""
    return _checker(plan).types.get(word.strip().casefold())


class _RowChecker:
    """Per-plan caches for checking rows fast: type words, territories, dates."""

    def __init__(self, source: Plan | RowRules):
        self.source = source
        rules = source if isinstance(source, RowRules) else RowRules.of_plan(source)
        self.rules = rules
        self.index = rules.territories
        self.types: dict[str, tuple[str, bool]] = {}
        for kind in rules.activity_types:
            for word in [kind.id, *kind.aliases]:
                self.types[word.casefold()] = (kind.id, kind.needs_territory)
        self.type_choices = ", ".join(k.id for k in rules.activity_types)
        italian = [a for k in rules.activity_types for a in k.aliases[:1]]
        if italian:
            self.type_choices += f" (or: {', '.join(italian)})"
        self.action_ids = set(rules.action_ids)
        self.territory_cache: dict[str, str | None] = {}
        self.date_cache: dict[str, dt.date | str] = {}

    def date(self, text: str) -> dt.date | str:
        cached = self.date_cache.get(text)
        if cached is None:
            try:
                cached = parse_date(text)
            except ValueError as exc:
                cached = str(exc)
            self.date_cache[text] = cached
        return cached

    def territory(self, text: str) -> str | None:
        if text not in self.territory_cache:
            self.territory_cache[text] = self.index.resolve(text)
        return self.territory_cache[text]


_CHECKERS: dict[int, _RowChecker] = {}


def _checker(source: Plan | RowRules) -> _RowChecker:
    checker = _CHECKERS.get(id(source))
    if checker is None or checker.source is not source:
        checker = _CHECKERS[id(source)] = _RowChecker(source)
    return checker


def check_activity(
    fields: dict[str, str],
    plan: Plan | RowRules,
    stakeholders: dict[str, Stakeholder],
    *,
    path: str,
    line: int,
    quarter: tuple[int, int] | None,
    columns: dict[str, int] | None = None,
    delimiter: str = ",",
) -> tuple[Activity | None, list[Issue]]:
    """Check one raw row (text cells by column name) against the plan.

    The reader calls this for every row and ``add-activity`` for the row it
    is about to write, so both give the same messages. ``quarter`` is the
    ``(year, quarter)`` of the file the row lives in; ``columns`` maps
    column names to 1-based column numbers; ``delimiter`` decides whether
    ``5.000`` means 5000 (only in ``;`` files). ``plan`` may be the plan's
    :class:`RowRules` instead.
    """
    checker = _checker(plan)
    columns = columns or {}
    issues: list[Issue] = []

    def problem(column: str, code: str, message: str) -> None:
        issues.append(Issue(path, line, columns.get(column, 0), code, message))

    get = fields.get
    # date
    date_text = (get("date") or "").strip()
    date: dt.date | None = None
    if not date_text:
        problem("date", "missing-date", "missing date; write YYYY-MM-DD or DD/MM/YYYY")
    else:
        parsed = checker.date(date_text)
        if isinstance(parsed, str):
            problem("date", "bad-date", parsed)
        else:
            date = parsed
            first_day, last_day = checker.rules.period
            if quarter is not None and quarter_of(date) != quarter:
                first, last = quarter_bounds(*quarter)
                problem(
                    "date",
                    "date-outside-quarter",
                    f"date {date.isoformat()} is outside this file's quarter {quarter[0]}-Q{quarter[1]} "
                    f"({first.isoformat()}..{last.isoformat()}); move the row to "
                    f"{quarter_of(date)[0]}-Q{quarter_of(date)[1]}.csv",
                )
            elif not first_day <= date <= last_day:
                problem(
                    "date",
                    "date-outside-plan",
                    f"date {date.isoformat()} is outside the plan period "
                    f"{first_day.isoformat()}..{last_day.isoformat()}",
                )
    # type
    type_text = (get("type") or "").strip()
    kind = checker.types.get(type_text.casefold()) if type_text else None
    if not type_text:
        problem("type", "missing-type", f"missing type — expected one of: {checker.type_choices}")
    elif kind is None:
        problem("type", "unknown-type", f"unknown type '{type_text}' — expected one of: {checker.type_choices}")
    # territory
    territory_text = (get("territory") or "").strip()
    territory: str | None = None
    if territory_text:
        territory = checker.territory(territory_text)
        if territory is None:
            problem(
                "territory",
                "unknown-territory",
                f"unknown territory '{territory_text}' — write an ISO 3166 code (BE, DE-HE) "
                "or a plan territory's name (Assia, Hesse)",
            )
    elif kind is not None and kind[1]:
        problem(
            "territory",
            "missing-territory",
            f"missing territory for a '{kind[0]}' row — write an ISO 3166 code (BE, DE-HE) or a plan territory's name",
        )
    # title
    title = (get("title") or "").strip()
    if not title:
        problem("title", "missing-title", "missing title; say in a few words what happened")
    # action
    action = (get("action") or "").strip() or None
    if action is not None and action not in checker.action_ids:
        problem(
            "action",
            "unknown-action",
            f"unknown action '{action}' — expected one of the plan's action ids: {', '.join(sorted(checker.action_ids))}",
        )
    # numbers
    participants: int | None = None
    participants_text = (get("participants") or "").strip()
    if participants_text:
        try:
            participants = parse_italian_int(participants_text, delimiter)
        except ValueError as exc:
            problem("participants", "bad-participants", f"participants: {exc}")
    value = 1
    value_text = (get("value") or "").strip()
    if value_text:
        try:
            value = parse_italian_int(value_text, delimiter)
            if value < 1:
                problem("value", "bad-value", "value must be 1 or more (leave it empty for 1)")
        except ValueError as exc:
            problem("value", "bad-value", f"value: {exc}")
    # stakeholders
    names: list[str] = []
    for raw_name in (get("stakeholders") or "").split("|"):
        name = raw_name.strip()
        if not name:
            continue
        known = stakeholders.get(name) or _casefold_lookup(stakeholders, name)
        if known is None:
            problem(
                "stakeholders",
                "unknown-stakeholder",
                f"unknown stakeholder '{name}'; register it first: "
                f'relint add-stakeholder "{name}" --category CATEGORY --internal|--external',
            )
        elif known.name not in names:
            names.append(known.name)
    if issues or date is None or kind is None:
        return None, sorted(issues)
    from relint_kpi.activity_row import ActivityRow

    row = ActivityRow(
        id=(get("id") or "").strip(),
        date=date,
        type=kind[0],
        territory=territory,
        title=title,
        action=action,
        participants=participants,
        stakeholders=tuple(names),
        value=value,
        notes=(get("notes") or "").strip(),
    )
    return Activity(path, line, *(getattr(row, name) for name in COLUMNS)), []


def check_new_activity(
    fields: dict[str, str],
    plan: Plan | RowRules,
    stakeholders: dict[str, Stakeholder],
    *,
    path: str,
    columns: dict[str, int] | None = None,
) -> tuple[Activity | None, list[Issue]]:
    """:func:`check_activity` for a row about to be written (no file quarter, line 0).

    A plainly valid row is built by the reader's fast path, which needs no
    pydantic and is held equal to the full check by
    tests/test_actuals_fastpath.py; any other row gets the full check, so
    the messages are its own.
    """
    date = _checker(plan).date((fields.get("date") or "").strip())
    if not isinstance(date, str):
        table = _Table(Path(path), path)
        table.columns = {name: index for index, name in enumerate(COLUMNS, start=1)}
        # The file the row goes to is its date's quarter's, so the quarter check passes.
        fast = _FastPath(plan, stakeholders, table, quarter_of(date))
        activity = fast.check([fields.get(name) or "" for name in COLUMNS], 0)
        if activity is not None:
            return activity, []
    return check_activity(fields, plan, stakeholders, path=path, line=0, quarter=None, columns=columns)


def _casefold_lookup(stakeholders: dict[str, Stakeholder], name: str) -> Stakeholder | None:
    wanted = name.casefold()
    for key, stakeholder in stakeholders.items():
        if key.casefold() == wanted:
            return stakeholder
    return None


def format_activity(activity: Activity, delimiter: str = ",") -> dict[str, str]:
    """The cells relint writes for an activity (ISO date, ids, ``|``-joined names)."""
    return {
        "id": activity.id,
        "date": activity.date.isoformat(),
        "type": activity.type,
        "territory": activity.territory or "",
        "title": activity.title,
        "action": activity.action or "",
        "participants": "" if activity.participants is None else format_italian_int(activity.participants, delimiter),
        "stakeholders": "|".join(activity.stakeholders),
        "value": format_italian_int(activity.value, delimiter),
        "notes": activity.notes,
    }


def read_activities(
    path: Path, plan: Plan, stakeholders: dict[str, Stakeholder]
) -> tuple[list[Activity], list[Issue]]:
    """Read and check one quarterly file; the quarter comes from its name."""
    table = _Table(path, display_path(path))
    match = QUARTER_FILE.match(path.name)
    if not match:
        return [], [
            Issue(table.shown, 0, 0, "bad-file-name", "actuals files are named by quarter, e.g. 2023-Q1.csv; rename this file")
        ]
    quarter = (int(match[1]), int(match[2]))
    fast: _FastPath | None = None
    activities: list[Activity] = []
    # Rows are checked a batch at a time, column by column (see
    # _FastPath.check_many); a row that is not plainly valid gets the full
    # check, which gives the exact messages (or the row after all).
    for lines, rows in _row_batches(table, COLUMNS, REQUIRED_COLUMNS):
        if fast is None:  # the header has been read by now
            fast = _FastPath(plan, stakeholders, table, quarter)
        checked = fast.check_many(lines, rows)
        if None not in checked:
            activities += checked
            continue
        for line, cells, activity in zip(lines, rows, checked):
            if activity is None and not _is_blank(cells):
                activity, issues = check_activity(
                    dict(zip(fast.header, cells)),
                    plan,
                    stakeholders,
                    path=table.shown,
                    line=line,
                    quarter=quarter,
                    columns=table.columns,
                    delimiter=table.delimiter,
                )
                for issue in issues:
                    table.add(issue.line, issue.column, issue.code, issue.message)
            if activity is not None:
                activities.append(activity)
    return activities, table.issues


_BAD = object()


class _FastPath:
    """Accepts the common, plainly valid row quickly; anything else goes to check_activity.

    A million-row log is mostly clean rows with repeated dates, types and
    territories: this path caches those per file and builds the record
    directly. It never reports a problem itself, so messages stay those of
    :func:`check_activity`, and a test checks both paths give equal records.
    """

    def __init__(self, plan: Plan | RowRules, stakeholders: dict[str, Stakeholder], table: _Table, quarter: tuple[int, int]):
        self.stakeholders = stakeholders
        self.path = table.shown
        self.header = table.header()
        at = {name: index - 1 for name, index in table.columns.items()}
        self.at = [at.get(name) for name in COLUMNS]
        self.quarter = quarter
        checker = _checker(plan)
        self.checker = checker
        self.dates: dict[str, dt.date | None] = {}
        self.kinds: dict[str, tuple[str, bool] | None] = {}
        self.period = checker.rules.period
        self.needs_territory = {kind.id for kind in checker.rules.activity_types if kind.needs_territory}

    def _date(self, text: str) -> dt.date | None:
        if text not in self.dates:
            parsed = self.checker.date(text.strip())
            ok = (
                not isinstance(parsed, str)
                and quarter_of(parsed) == self.quarter
                and self.period[0] <= parsed <= self.period[1]
            )
            self.dates[text] = parsed if ok else None
        return self.dates[text]

    def _kind(self, text: str) -> tuple[str, bool] | None:
        if text not in self.kinds:
            self.kinds[text] = self.checker.types.get(text.strip().casefold()) if text.strip() else None
        return self.kinds[text]

    def check_many(self, lines: Sequence[int], rows: list[list[str]]) -> list[Activity | None]:
        """:meth:`check` for many rows of equal width (``lines[i]`` is the line of ``rows[i]``).

        Works a column at a time: each distinct cell text of a column is
        judged once and the column is mapped through the verdicts with C-level
        ``map``/``zip``, so a clean million-row log costs a few look-ups per
        cell rather than Python code per row. Gives exactly what :meth:`check`
        gives row by row (a property test holds it).
        """
        count = len(rows)
        columns = list(zip(*rows)) or [()] * len(self.header)
        i_id, i_date, i_type, i_territory, i_title, i_action, i_participants, i_stakeholders, i_value, i_notes = self.at
        blank = ("",) * count
        bad: set[int] = set()

        def mapped(index: int | None, judge_all) -> list:
            cells = columns[index] if index is not None else blank
            distinct = list(set(cells))
            verdicts = judge_all(distinct)
            seen = dict(zip(distinct, verdicts))
            values = list(map(seen.__getitem__, cells))
            if any(verdict is _BAD for verdict in verdicts):
                bad.update(itertools.compress(range(count), map(operator.is_, values, itertools.repeat(_BAD))))
            return values

        def each(judge):
            return lambda texts: list(map(judge, texts))

        checker = self.checker
        dates = mapped(i_date, each(lambda text: self._date(text) or _BAD))
        type_ids = mapped(i_type, each(lambda text: (self._kind(text) or (_BAD,))[0]))

        def territory(text: str):
            text = text.strip()
            if not text:
                return None
            found = checker.territory(text)
            return _BAD if found is None else found

        territories = mapped(i_territory, each(territory))
        if self.needs_territory and None in territories:
            for i in itertools.compress(range(count), map(operator.is_, territories, itertools.repeat(None))):
                if type_ids[i] in self.needs_territory:
                    bad.add(i)
        titles = list(map(str.strip, columns[i_title]))
        if "" in titles:
            bad.update(i for i, title in enumerate(titles) if not title)

        def action(text: str):
            text = text.strip()
            return _BAD if text and text not in checker.action_ids else (text or None)

        def participants(text: str):
            text = text.strip()
            if not text:
                return None
            return int(text) if text.isascii() and text.isdigit() else _BAD

        def value(text: str):
            text = text.strip()
            if not text:
                return 1
            return int(text) if text.isascii() and text.isdigit() and int(text) >= 1 else _BAD

        actions = mapped(i_action, each(action))
        people = mapped(i_participants, each(participants))
        values = mapped(i_value, each(value))
        involved = mapped(i_stakeholders, self._names_of)
        ids = list(map(str.strip, columns[i_id])) if i_id is not None else blank
        notes = list(map(str.strip, columns[i_notes])) if i_notes is not None else blank
        fields = zip(itertools.repeat(self.path), lines, ids, dates, type_ids, territories, titles, actions, people, involved, values, notes)
        records: list[Activity | None] = list(map(tuple.__new__, itertools.repeat(Activity), fields))
        for i in bad:
            records[i] = None
        return records

    def _names(self, text: str) -> tuple[str, ...] | object:
        """A stakeholders cell as registered names, or _BAD (unknown or repeated name)."""
        if not text.strip():
            return ()
        listed = [n.strip() for n in text.split("|") if n.strip()]
        if any(n not in self.stakeholders for n in listed) or len(set(listed)) != len(listed):
            return _BAD
        return tuple(listed)

    def _names_of(self, texts: list[str]) -> list:
        """:meth:`_names` for many distinct cells at once.

        Stakeholder cells are the one column with nearly as many distinct
        texts as rows. Cells made only of exact registered names joined by
        ``|`` are split and checked with C-level ``map``; the rest (spaces
        around a name, an unknown or blank name) go through :meth:`_names`.
        """
        parts = list(map(operator.methodcaller("split", "|"), texts))
        unknown = set().union(*parts) - self.stakeholders.keys() if parts else set()
        plain = list(map(unknown.isdisjoint, parts))
        names: list = list(map(tuple, parts))
        repeated = map(operator.ne, map(len, map(set, parts)), map(len, parts))
        for i in itertools.compress(range(len(texts)), repeated):
            names[i] = _BAD
        for i in itertools.compress(range(len(texts)), map(operator.not_, plain)):
            names[i] = self._names(texts[i])
        return names

    def check(self, cells: list[str], line: int) -> Activity | None:
        """The row's record when it is plainly valid, else None."""
        i_id, i_date, i_type, i_territory, i_title, i_action, i_participants, i_stakeholders, i_value, i_notes = self.at
        date = self._date(cells[i_date])
        if date is None:
            return None
        kind = self._kind(cells[i_type])
        if kind is None:
            return None
        territory = None
        if i_territory is not None and cells[i_territory].strip():
            territory = self.checker.territory(cells[i_territory].strip())
            if territory is None:
                return None
        elif kind[1]:
            return None
        title = cells[i_title].strip()
        if not title:
            return None
        action = cells[i_action].strip() if i_action is not None else ""
        if action and action not in self.checker.action_ids:
            return None
        participants = None
        if i_participants is not None:
            text = cells[i_participants].strip()
            if text:
                if not (text.isascii() and text.isdigit()):
                    return None
                participants = int(text)
        value = 1
        if i_value is not None:
            text = cells[i_value].strip()
            if text:
                if not (text.isascii() and text.isdigit()) or int(text) < 1:
                    return None
                value = int(text)
        names = self._names(cells[i_stakeholders]) if i_stakeholders is not None else ()
        if names is _BAD:
            return None
        return Activity(
            self.path,
            line,
            cells[i_id].strip() if i_id is not None else "",
            date,
            kind[0],
            territory,
            title,
            action or None,
            participants,
            names,
            value,
            cells[i_notes].strip() if i_notes is not None else "",
        )


# -- stakeholders and deliverables ---------------------------------------------------


def read_stakeholders(path: Path, plan: Plan | RowRules) -> tuple[dict[str, Stakeholder], list[Issue]]:
    """Read the stakeholder registry; a missing file is an empty registry."""
    if not path.exists():
        return {}, []
    table = _Table(path, display_path(path))
    categories = list(row_rules(plan).stakeholder_categories)
    registry: dict[str, Stakeholder] = {}
    seen: dict[str, int] = {}
    for line, cells in _rows(table, ("name", "internal", "category"), STAKEHOLDER_COLUMNS):
        name = cells.get("name", "").strip()
        ok = True
        if not name:
            table.add(line, "name", "missing-name", "missing stakeholder name")
            ok = False
        elif name.casefold() in seen:
            table.add(line, "name", "duplicate-stakeholder", f"stakeholder '{name}' is already listed at line {seen[name.casefold()]}")
            ok = False
        internal_text = cells.get("internal", "").strip().casefold()
        if internal_text not in _YES | _NO:
            table.add(line, "internal", "bad-internal", f"internal must be yes or no (sì/no), got '{cells.get('internal', '')}'")
            ok = False
        category = cells.get("category", "").strip()
        if category not in categories:
            table.add(
                line, "category", "unknown-category", f"unknown category '{category}' — expected one of: {', '.join(categories)}"
            )
            ok = False
        first: dt.date | None = None
        first_text = cells.get("first_involved", "").strip()
        if first_text:
            try:
                first = parse_date(first_text)
            except ValueError as exc:
                table.add(line, "first_involved", "bad-date", f"first_involved: {exc}")
                ok = False
        if name:
            seen.setdefault(name.casefold(), line)
        if ok:
            registry[name] = Stakeholder(table.shown, line, name, internal_text in _YES, category, first)
    return registry, table.issues


def read_deliverables(path: Path, plan: Plan) -> tuple[list[Deliverable], list[Issue]]:
    """Read the recorded deliverables; a missing file means none recorded."""
    if not path.exists():
        return [], []
    table = _Table(path, display_path(path))
    action_ids = [a.id for a in plan.actions]
    deliverables = []
    for line, cells in _rows(table, ("action", "date"), DELIVERABLE_COLUMNS):
        action = cells.get("action", "").strip()
        ok = True
        if action not in action_ids:
            table.add(line, "action", "unknown-action", f"unknown action '{action}' — expected one of: {', '.join(action_ids)}")
            ok = False
        try:
            date = parse_date(cells.get("date", ""))
        except ValueError as exc:
            table.add(line, "date", "bad-date", str(exc))
            ok = False
        if ok:
            deliverables.append(Deliverable(table.shown, line, action, date, cells.get("note", "").strip()))
    return deliverables, table.issues


# -- the whole data folder -------------------------------------------------------------


def actuals_files(data_dir: str | Path) -> list[Path]:
    """Every CSV file of ``data_dir/actuals``, sorted by name (so by quarter)."""
    folder = Path(data_dir) / "actuals"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() == ".csv" and p.is_file())


QuarterReader = Callable[[list[Path], "Plan", dict[str, Stakeholder]], Iterator[tuple[list[Activity], list[Issue]]]]


def read_quarters(
    files: list[Path], plan: Plan, stakeholders: dict[str, Stakeholder]
) -> Iterator[tuple[list[Activity], list[Issue]]]:
    """``(activities, issues)`` of each quarterly file, in order, read one after the other."""
    for path in files:
        yield read_activities(path, plan, stakeholders)


def read_data(
    data_dir: str | Path, plan: Plan, read_files: QuarterReader = read_quarters
) -> tuple[ActivityLog, list[Issue]]:
    """Read and check every data file of ``data_dir`` against ``plan``.

    Returns ``(log, issues)``. All files are read and all problems
    collected, including ids used twice across files. ``read_files`` reads
    the quarterly files given the registry (:func:`relint_kpi.cache.read_data_cached`
    passes one that answers unchanged files from its cache).
    """
    data_dir = Path(data_dir)
    issues: list[Issue] = []
    stakeholders, found = read_stakeholders(data_dir / "stakeholders.csv", plan)
    issues += found
    deliverables, found = read_deliverables(data_dir / "deliverables.csv", plan)
    issues += found
    if not (data_dir / "actuals").is_dir():
        issues.append(
            Issue(display_path(data_dir), 0, 0, "no-actuals", "no actuals/ folder here; pass --data FOLDER that holds actuals/")
        )
    activities: list[Activity] = []
    for rows, found in read_files(actuals_files(data_dir), plan, stakeholders):
        activities += rows
        issues += found
    issues += _duplicate_ids(activities)
    return ActivityLog(activities, stakeholders, deliverables), issues



def _duplicate_ids(activities: list[Activity]) -> list[Issue]:
    """An issue for each row whose id an earlier row already uses (blank ids are fine)."""
    ids = list(map(operator.attrgetter("id"), activities))
    used = set(ids)
    used.discard("")
    if len(used) == len(ids) - ids.count(""):  # the usual case, checked without a Python loop
        return []
    issues = []
    first: dict[str, Activity] = {}
    for activity in activities:
        if not activity.id:
            continue
        earlier = first.setdefault(activity.id, activity)
        if earlier is not activity:
            issues.append(
                Issue(
                    activity.path,
                    activity.line,
                    0,
                    "duplicate-id",
                    f"id '{activity.id}' is already used at {earlier.path}:{earlier.line}; ids must be unique "
                    "(clear the cell of a hand-added row)",
                )
            )
    return issues
