"""CSV files as staff save them: decoding, the dialect, reading with line numbers, appending.

Files saved by Excel with Italian settings load as they are: ``;``
delimiter, UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252, CRLF
line ends. Every row read keeps the file's own line number (header = 1), so
each problem is reported where the user will find it, and every row written
keeps the file's own dialect.

Two ways through a file, one answer: :func:`read_frame` reads with pandas'
C parser, and hands a file it cannot read line for line (a quoted cell that
spans lines, a row of the wrong width, a stray CR) to :func:`read_rows`,
the csv module's parser, which reports exact lines for each problem. A
property test holds the two equal.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from relint_kpi import storage
from relint_kpi.issues import MAX_ISSUES, DataError, Issue, UsageError, display_path, message

if TYPE_CHECKING:
    import pandas as pd

#: The most characters one cell may hold (16 MiB): the csv module's limit, applied by both readers.
MAX_CELL = 1 << 24
csv.field_size_limit(MAX_CELL)

#: A file's first line: lines end at LF, CR or CRLF, as the csv module reads them.
_FIRST_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")

#: The mark read_frame appends to every line, to tell a short row from empty last cells.
_END = "\x01"


@dataclass(frozen=True)
class CsvDialect:
    """How a CSV file is written, so that appends keep its own form."""

    delimiter: str = ","
    encoding: str = "utf-8"
    newline: str = "\n"
    header: list[str] = field(default_factory=list)
    ends_with_newline: bool = True


#: The dialect of a file relint creates.
NEW_FILE_DIALECT = CsvDialect()


@dataclass
class Table:
    """What reading a CSV file gave: its header, its rows with their lines, its problems.

    ``rows`` is a list of ``(line, cells)`` from :func:`read_rows`; a
    DataFrame of text cells with a ``line`` column from :func:`read_frame`.
    ``columns`` maps each column name to its 1-based position.
    """

    path: str
    delimiter: str = ","
    columns: dict[str, int] = field(default_factory=dict)
    rows: object = None
    issues: list[Issue] = field(default_factory=list)

    def add(self, line: int, column: str | int | None, code: str, **params) -> None:
        """Record the problem ``code`` at ``line``, in the named or numbered column (0: the whole row)."""
        col = self.columns.get(column, 0) if isinstance(column, str) else (column or 0)
        self.issues.append(Issue(self.path, line, col, code, params))


def capped(issues: list[Issue]) -> list[Issue]:
    """The issues in line order, at most :data:`MAX_ISSUES` and a last one saying more were found."""
    issues = sorted(issues)
    if len(issues) <= MAX_ISSUES:
        return issues
    more = issues[MAX_ISSUES]
    return issues[:MAX_ISSUES] + [
        Issue(more.path, more.line, 0, "too-many-issues", {"limit": MAX_ISSUES})
    ]


# -- decoding ---------------------------------------------------------------------


def decode(path: Path) -> tuple[str, str]:
    """The text of a file and its encoding: by BOM, then UTF-8, then Windows-1252.

    The encoding of a file with a BOM says so: ``utf-8-sig``, ``utf-16-le``
    or ``utf-16-be`` (the text is without the BOM; :func:`encode_file` puts
    it back).

    Raises :class:`DataError` with the line and byte of the first byte no
    encoding fits, or of a NUL byte (a binary file, not a CSV).
    """
    text, encoding, _ = _decode(path)
    return text, encoding


def _decode(path: Path) -> tuple[str, str, bytes]:
    """:func:`decode`, with the file's bytes as well."""
    raw = path.read_bytes()
    shown = display_path(path)
    skip = 0
    if raw.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif raw.startswith(codecs.BOM_UTF16_LE):
        # The byte order is kept in the name, so rows are appended in the file's own order.
        candidates, skip = ["utf-16-le"], 2
    elif raw.startswith(codecs.BOM_UTF16_BE):
        candidates, skip = ["utf-16-be"], 2
    else:
        candidates = ["utf-8", "cp1252"]
    first_error: UnicodeDecodeError | None = None
    for encoding in candidates:
        try:
            text = raw[skip:].decode(encoding)
        except UnicodeDecodeError as exc:
            first_error = first_error or exc
            continue
        if "\x00" in text:
            at = text.index("\x00")
            near = {"byte": len(text[:at].encode(encoding))}
            raise DataError([Issue(shown, text.count("\n", 0, at) + 1, 0, "nul-byte", near)])
        return text, encoding, raw
    assert first_error is not None
    at = {"byte": first_error.start}
    raise DataError([Issue(shown, raw.count(b"\n", 0, first_error.start) + 1, 0, "bad-encoding", at)])


def not_a_file(path: Path) -> Issue | None:
    """The issue for a data path that exists but is no regular file (a folder, a FIFO, a device)."""
    if path.exists() and not path.is_file():
        return Issue(display_path(path), 0, 0, "not-a-file")
    return None


def delimiter_of(header_line: str) -> str:
    """The delimiter a header line uses: the most frequent of ``;``, ``,`` and tab (``,`` if none)."""
    counts = {d: header_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def sniff(path: str | Path) -> CsvDialect:
    """Describe an existing CSV file's dialect (delimiter, encoding, line end, header).

    Raises :class:`DataError` with the reader's own issue when the file
    cannot be decoded, so a command that writes reports it like ``relint
    validate`` does.
    """
    text, encoding = decode(Path(path))
    first = _FIRST_LINE.match(text)[0]
    delimiter = delimiter_of(first)
    newline = "\r\n" if first.endswith("\r\n") else "\r" if first.endswith("\r") else "\n"
    return CsvDialect(delimiter, encoding, newline, _header_names(first, delimiter), _ends_a_line(text) or not text)


def _ends_a_line(text: str) -> bool:
    """Whether ``text`` ends with a line end (LF, CRLF or a bare CR, as old Mac files end lines)."""
    return text.endswith(("\n", "\r"))


def count_lines(text: str) -> int:
    """How many line ends ``text`` holds, counted as the csv module counts lines (LF, CRLF, bare CR)."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def _header_names(first_line: str, delimiter: str) -> list[str]:
    """The column names of a header line, trimmed."""
    return [name.strip() for name in next(csv.reader([first_line.rstrip("\r\n")], delimiter=delimiter), [])]


# -- reading ------------------------------------------------------------------------


def _header(table: Table, text: str, known: Sequence[str], required: Sequence[str]) -> int | None:
    """Check the header line; return where the text after it starts, or None when the rows cannot be read."""
    first = _FIRST_LINE.match(text)[0]
    if not first.strip():
        if len(text) > len(first):
            table.add(1, None, "blank-header", columns=",".join(known))
        else:
            table.add(1, None, "empty-file", columns=",".join(known))
        return None
    table.delimiter = delimiter_of(first)
    readable = True
    for index, name in enumerate(_header_names(first, table.delimiter), start=1):
        if name not in known:
            table.add(1, index, "unknown-column", name=name, choices=list(known))
            readable = False
        elif name in table.columns:
            table.add(1, index, "duplicate-column", name=name)
            readable = False
        else:
            table.columns[name] = index
    for name in required:
        if name not in table.columns:
            table.add(1, None, "missing-column", name=name, required=list(required))
            readable = False
    return len(first) if readable else None


def _start(path: Path, known: Sequence[str], required: Sequence[str], text: str | None = None) -> tuple[Table, str, str | None]:
    """Decode a file (unless ``text`` is given) and read its header: ``(table, text, body)``.

    ``body`` is the text after the header, or None when the rows cannot be
    read (the table's issues say why).
    """
    table = Table(display_path(path))
    if text is None:
        try:
            text, _ = decode(path)
        except DataError as exc:
            table.issues += exc.issues
            return table, "", None
    start = _header(table, text, known, required)
    return table, text, None if start is None else text[start:]


def _is_blank(cells: Sequence[str]) -> bool:
    """A row with no cells, or only empty or space-only cells: skipped, never an error."""
    return not "".join(cells).strip()


def read_rows(path: Path, known: Sequence[str], required: Sequence[str], text: str | None = None) -> Table:
    """Read a CSV file with the csv module: ``table.rows`` is a list of ``(line, cells)``.

    Blank rows are skipped; a row of the wrong width, malformed quoting and
    a last row cut short by an interrupted write become issues at their
    line. ``text``: the file's decoded text, when the caller has it.
    """
    table, text, body = _start(path, known, required, text)
    table.rows = []
    if body is None:
        return table
    width = len(table.columns)
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=table.delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = table.rows
    last_line = 1
    # A row of the wrong width waits here until the next row shows whether it
    # was the file's last one (a torn write) or not.
    pending: tuple[int, int] | None = None

    def wrong_width(line: int, count: int) -> None:
        what = message("row-fewer-cells" if count < width else "row-more-cells", count=count, width=width)
        table.add(line, None, "row-length", what=what, delimiter=table.delimiter)

    while True:
        start = last_line + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            if pending is not None:
                wrong_width(*pending)
            if "field larger than field limit" in str(exc):
                table.add(start, None, "cell-too-large", limit=MAX_CELL >> 20)
            else:
                table.add(start, None, "bad-quoting", detail=str(exc))
            return table
        last_line = 1 + reader.line_num
        if pending is not None:
            wrong_width(*pending)
            pending = None
        if _is_blank(cells):
            continue
        if len(cells) != width:
            pending = (start, len(cells))
            continue
        rows.append((start, cells))
    if pending is not None:
        line, count = pending
        if count < width and not _ends_a_line(text):
            table.add(line, None, "torn-row", count=count, width=width)
        else:
            wrong_width(line, count)
    return table


def read_frame(path: Path, known: Sequence[str], required: Sequence[str]) -> Table:
    """Read a CSV file into ``table.rows``: a DataFrame of text cells, one column per header name, and ``line``.

    pandas' C parser reads the file when each row is one line of it and of
    the header's width (nearly always); otherwise :func:`read_rows` reads it
    and gives the exact problems. Blank rows are dropped; column names are
    the header's.
    """
    # pandas only here: the recording commands read small files through read_rows.
    import numpy as np
    import pandas as pd

    table = Table(display_path(path))
    try:
        text, encoding, raw = _decode(path)
    except DataError as exc:
        table.issues += exc.issues
        return table
    start = _header(table, text, known, required)
    if start is None:
        return table
    header = list(table.columns)
    # The file's bytes are let go as soon as the parser's copy is made: a large
    # file is then held twice while it is parsed (its text and the parser's bytes).
    data = _body_bytes(raw, text, start, encoding)
    del raw
    marked = _marked_lines(data, table.delimiter)
    del data
    # A cell may be over the limit on a long line: read_rows says where, as for a quoted one.
    frame = None if marked is None or _has_long_line(text, start) else _parse_lines(np, pd, marked, table.delimiter, header)
    if frame is None:
        slow = read_rows(path, known, required, text)
        lines = [line for line, _ in slow.rows]
        frame = pd.DataFrame([cells for _, cells in slow.rows], columns=header, dtype=object)
        frame["line"] = pd.Series(lines, dtype="int64")
        slow.rows = frame
        return slow
    table.rows = frame
    return table


def _body_bytes(raw: bytes, text: str, start: int, encoding: str) -> bytes:
    """The UTF-8 bytes of ``text[start:]`` (the rows): the file's own bytes after the header when the file is UTF-8."""
    if encoding in ("utf-8", "utf-8-sig"):
        bom = len(codecs.BOM_UTF8) if encoding == "utf-8-sig" else 0
        return raw[bom + len(text[:start].encode("utf-8")) :]
    return text[start:].encode("utf-8")


def _marked_lines(data: bytes, delimiter: str) -> bytes | None:
    """The rows' bytes with one more cell, :data:`_END`, at the end of every line; None when a line ends at a bare CR.

    A row whose last cell is then not _END was short or long. Were a line
    end inside a quoted cell, the parser's rows would be fewer than the
    lines, and the file is read by read_rows instead.
    """
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n")
        if b"\r" in data:
            return None
    if data and not data.endswith(b"\n"):
        data += b"\n"
    return data.replace(b"\n", (delimiter + _END + "\n").encode("utf-8"))


def _has_long_line(text: str, start: int = 0) -> bool:
    """True when a line of ``text`` from ``start`` on is longer than :data:`MAX_CELL` (a few ``rfind`` calls, no copy)."""
    while len(text) - start > MAX_CELL:
        end = text.rfind("\n", start, start + MAX_CELL + 1)
        if end < 0:
            return True
        start = end + 1
    return False


def _parse_lines(np, pd, marked: bytes, delimiter: str, header: list[str]) -> pd.DataFrame | None:
    """The rows of ``marked`` (:func:`_marked_lines`) parsed by pandas with their lines, or None when a row is not one full line."""
    if not marked:
        return pd.DataFrame({**{name: pd.Series([], dtype=object) for name in header}, "line": pd.Series([], dtype="int64")})
    # The parser reads UTF-8 bytes: a StringIO would hold four bytes a character.
    try:
        with warnings.catch_warnings():
            # A row longer than the header is cut to its width with a warning;
            # its last cell is then not _END, so the row is found below.
            warnings.simplefilter("ignore", pd.errors.ParserWarning)
            frame = pd.read_csv(
                io.BytesIO(marked),
                encoding="utf-8",
                sep=delimiter,
                header=None,
                names=[*header, _END],  # no header name is _END: every name is a known column
                dtype=object,
                na_filter=False,
                skip_blank_lines=False,
                quotechar='"',
                doublequote=True,
                index_col=False,
                engine="c",
            )
    except pd.errors.ParserError:
        return None
    marks = np.frombuffer(marked, dtype=np.uint8)
    ends = np.flatnonzero(marks == ord("\n"))
    if len(frame) != len(ends):
        return None
    end = frame.pop(_END).to_numpy()
    full = end == _END
    frame["line"] = np.arange(2, len(frame) + 2)
    if not full.all():
        cells = frame.loc[~full, header].astype(str).agg("".join, axis=1) + end[~full]
        if not cells.str.replace(_END, "", regex=False).str.strip().eq("").all():
            return None  # a short row that is not blank: read_rows says which
        frame = frame[full]
    maybe_blank = _maybe_blank_lines(np, marks, ends, delimiter)
    if len(maybe_blank):
        maybe_blank = frame.index.intersection(maybe_blank)
        cells = frame.loc[maybe_blank, header].to_numpy(dtype=object).tolist()
        frame = frame.drop(index=maybe_blank[[_is_blank(row) for row in cells]])
    return frame.reset_index(drop=True) if len(frame.index) and frame.index[-1] != len(frame) - 1 else frame


#: The bytes a blank row's line may hold besides its delimiters: ASCII
#: whitespace (as str.isspace has it), the quote, read_frame's end mark, and
#: any byte of a non-ASCII character (some of them are blanks too).
_MAYBE_BLANK = bytes([*range(9, 14), *range(28, 33), ord('"'), ord(_END), *range(128, 256)])


def _maybe_blank_lines(np, data, ends, delimiter: str):
    """The positions of the lines of ``data`` (UTF-8 bytes, lines ending at ``ends``) made of :data:`_MAYBE_BLANK` bytes and delimiters only.

    Only those rows can be blank: each is then checked cell by cell. The
    lines' first bytes are tested first, for all lines at once, so a file
    with no such line costs no second pass.
    """
    other = np.ones(256, dtype=bool)
    other[list(_MAYBE_BLANK + delimiter.encode())] = False
    starts = np.concatenate(([0], ends[:-1] + 1)) if len(ends) else ends
    if not len(starts) or other[data[starts]].all():
        return starts[:0]
    return np.flatnonzero(~np.logical_or.reduceat(other[data], starts))


# -- writing ------------------------------------------------------------------------


def format_row(cells: Sequence[str], *, delimiter: str, newline: str) -> str:
    """One CSV row, quoted as needed, ending with ``newline``.

    The csv module quotes a cell only for the characters of its own line
    terminator, so a bare CR in a cell written with ``\\n`` endings would stay
    unquoted and split the row when read back. Writing with ``\\r\\n`` makes
    it quote both; the terminator is then swapped for the file's own.
    """
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()[:-2] + newline


#: The BOM a whole file in a :func:`decode` encoding starts with.
_BOMS = {"utf-8-sig": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}


def encode_text(text: str, encoding: str) -> bytes:
    """Encode text to append to a file in ``encoding`` (a :func:`decode` encoding), without a BOM.

    A BOM belongs at the start of a file only, never before an appended row.
    UTF-16 keeps the file's byte order (``utf-16-be`` stays big-endian);
    a bare ``utf-16`` means little-endian, what Excel writes.
    """
    codec = {"utf-8-sig": "utf-8", "utf-16": "utf-16-le"}.get(encoding, encoding)
    return text.encode(codec)


def encode_file(text: str, encoding: str) -> bytes:
    """Encode a whole file's text in ``encoding`` (a :func:`decode` encoding), with the BOM it had."""
    return _BOMS.get(encoding, b"") + encode_text(text, encoding)


def encode_row(cells: Sequence[str], *, delimiter: str, newline: str, encoding: str) -> bytes:
    """One CSV row, quoted as needed, ending with ``newline``, as bytes."""
    return encode_text(format_row(cells, delimiter=delimiter, newline=newline), encoding)


def dialect_for(path: Path, header: Sequence[str], like: Sequence[Path] = (), default: CsvDialect = NEW_FILE_DIALECT) -> CsvDialect:
    """The dialect a row appended to ``path`` takes.

    The file's own when it has any content; for a new or empty file, that
    of the first readable file of ``like`` (its sibling files, newest
    first), else ``default``, with ``header`` as its columns.
    """
    if path.exists() and path.stat().st_size > 0:
        return sniff(path)
    for sibling in like:
        if sibling != path and sibling.is_file() and sibling.stat().st_size > 0:
            try:
                found = sniff(sibling)
            except DataError:
                continue  # an unreadable sibling says nothing about the folder's form
            return dataclasses.replace(found, header=list(header), ends_with_newline=True)
    return dataclasses.replace(default, header=list(header))


def _bom(encoding: str) -> bytes:
    """The byte-order mark a new file in ``encoding`` starts with (none for plain UTF-8 or cp1252)."""
    return {"utf-8-sig": codecs.BOM_UTF8, "utf-16": codecs.BOM_UTF16_LE}.get(encoding, b"")


def append_row(path: Path, dialect: CsvDialect, cells: dict[str, str]) -> int:
    """Append one row in ``dialect`` (from :func:`dialect_for`), creating the file if needed; return its line.

    The caller holds the folder's lock. A value for a column the file's
    header lacks is refused (:class:`UsageError`), as is text the file's
    encoding cannot hold (:class:`DataError`).
    """
    columns = dialect.header
    missing = [name for name, value in cells.items() if value and name not in columns]
    if missing:
        raise UsageError("file-lacks-column", path=display_path(path), columns=[repr(m) for m in missing])
    data = b""
    if not path.exists() or path.stat().st_size == 0:
        data += _bom(dialect.encoding) + encode_row(columns, delimiter=dialect.delimiter, newline=dialect.newline, encoding=dialect.encoding)
        line = 2
    else:
        text, _ = decode(path)
        line = count_lines(text) + 1
        if not dialect.ends_with_newline:
            refuse_torn(path, text, columns)
            # A row saved by an editor without a final line end must not be glued to ours.
            data += encode_text(dialect.newline, dialect.encoding)
            line += 1
    try:
        data += encode_row([cells.get(name, "") for name in columns], delimiter=dialect.delimiter, newline=dialect.newline, encoding=dialect.encoding)
    except UnicodeEncodeError as exc:
        raise DataError([unencodable(path, dialect.encoding, exc)]) from None
    storage.append_bytes(path, data)
    return line


def refuse_torn(path: Path, text: str, header: Sequence[str]) -> None:
    """Raise the reader's ``torn-row`` issue when the file's last row was cut short by an interrupted write.

    A row appended after it would turn the torn row into a row of the wrong
    width in the middle of the file; the user must first complete or delete it.
    """
    torn = [issue for issue in read_rows(path, header, (), text).issues if issue.code == "torn-row"]
    if torn:
        raise DataError(torn)


def unencodable(path: Path, encoding: str, exc: UnicodeEncodeError) -> Issue:
    """The issue for text that the file's own encoding (cp1252) cannot hold."""
    chars = exc.object[exc.start : exc.end]
    return Issue(display_path(path), 0, 0, "unencodable", {"encoding": encoding, "chars": repr(chars)})
