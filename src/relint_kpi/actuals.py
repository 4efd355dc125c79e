"""Reading what happened: the data folder read into ``(log, issues)``.

The data folder holds:

* ``actuals/YYYY-Qn.csv`` — one file per quarter, one row per activity
  (columns: :data:`relint_kpi.rows.COLUMNS`, in any order; ``date``,
  ``type`` and ``title`` required). A row is valid when
  :class:`relint_kpi.rows.ActivityRow` says so.
* ``stakeholders.csv``, ``deliverables.csv`` and ``assessments.csv`` (read by
  :mod:`relint_kpi.registry`);
* ``notes.csv``, the office's reasons for deviations (read by
  :mod:`relint_kpi.notes`).

Reading never stops at the first problem: every row is checked and every
problem becomes an :class:`~relint_kpi.issues.Issue` with the file's own
line (header = 1) and the cell's column. A caller must not use data that
came with issues (see :func:`relint_kpi.workspace.load_all`).
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from pydantic import TypeAdapter, ValidationError

from relint_kpi import csvio
from relint_kpi.issues import MAX_ISSUES, Issue, display_path, message
from relint_kpi.notes import FILE_NAME as NOTES_FILE
from relint_kpi.notes import read_notes
from relint_kpi.periods import quarter_of_file_name
from relint_kpi.plan import Plan
from relint_kpi.records import FRAME_COLUMNS, ActivityLog, Stakeholder
from relint_kpi.registry import read_assessments, read_deliverables, read_stakeholders
from relint_kpi.rows import COLUMNS, FIELD_TYPES, REQUIRED_COLUMNS, RowContext, StakeholderName, issue_of, once_each

#: A list adapter per column: one call validates all of a column's distinct texts.
_COLUMN_ADAPTERS = {name: TypeAdapter(list[kind]) for name, kind in FIELD_TYPES.items()}
#: The stakeholders column is checked name by name: a log names a few hundred
#: stakeholders in nearly as many combinations as it has rows.
_NAME_ADAPTER = TypeAdapter(list[StakeholderName])
#: Columns whose cells nearly all differ: validating each costs less than finding the distinct ones
#: (notes are mostly empty).
_FREE_TEXT = ("id", "title")
#: Columns whose validity depends on the file a cell sits in: a date on the
#: file's quarter, a number on its delimiter (``5.000`` is 5000 only in ``;`` files).
_BY_FILE = ("date", "participants", "value")


# -- activities ---------------------------------------------------------------------


@dataclass
class _Cells:
    """The text cells of every readable quarterly file, one file after another, and the rows refused so far.

    Each column is validated once for the whole folder; an issue is
    recorded on the table (file) of its row, at the row's own line.
    """

    tables: list[csvio.Table]
    #: Each row's table, as a position in ``tables``.
    files: np.ndarray
    #: Each row's line in its file.
    lines: np.ndarray
    #: Rows with any problem, left out of the log.
    bad: np.ndarray

    def column(self, name: str) -> np.ndarray:
        """Every row's text cell of column ``name`` (empty where a file has no such column)."""
        parts = [
            table.rows[name].to_numpy(dtype=object) if name in table.columns else np.full(len(table.rows), "", dtype=object)
            for table in self.tables
        ]
        return parts[0] if len(parts) == 1 else np.concatenate(parts)

    def distinct(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """Column ``name`` as ``(codes, texts)``: row ``i``'s cell is ``texts[codes[i]]``, each text once."""
        if not any(name in table.columns for table in self.tables):
            return np.zeros(len(self.files), dtype=np.intp), np.array([""], dtype=object)
        return pd.factorize(self.column(name))

    def refuse(self, codes: np.ndarray | None, errors: dict[int, list[dict]], distinct: int) -> None:
        """Mark the rows of each failed distinct value as bad and record issues for the first of them in each file.

        ``codes`` gives each row's distinct value (None: each row is its own);
        ``errors`` the pydantic errors of each failed one. Only the first
        MAX_ISSUES + 1 rows of a column in a file can be listed (see
        :func:`relint_kpi.csvio.capped`), so a column refused on every row of
        a large file does not make an issue per row.
        """
        if not errors:
            return
        failed = np.zeros(distinct, dtype=bool)
        failed[list(errors)] = True
        rows = np.flatnonzero(failed if codes is None else failed[codes])
        self.bad[rows] = True
        files = self.files[rows]
        # Rows are in file order, so each file's refused rows are one run: its first ones are listed.
        rank = np.arange(len(rows)) - np.searchsorted(files, files)
        for row in rows[rank <= MAX_ISSUES].tolist():
            table = self.tables[self.files[row]]
            found = errors[row if codes is None else int(codes[row])]
            table.issues += [issue_of(error, table.path, int(self.lines[row]), table.columns) for error in found]


def _validate_distinct(name: str, texts: list, context: RowContext, adapter: TypeAdapter | None = None) -> tuple[list, dict[int, list[dict]]]:
    """Validate distinct cell texts of column ``name`` through its field type (or ``adapter``'s).

    Returns the validated value of each text (None for a text that failed)
    and the pydantic errors of each failed text by its position.
    """
    adapter = adapter or _COLUMN_ADAPTERS[name]
    try:
        return adapter.validate_python(texts, context=context), {}
    except ValidationError as exc:
        errors: dict[int, list[dict]] = defaultdict(list)
        for error in exc.errors():
            errors[error["loc"][0]].append({**error, "loc": (name, *error["loc"][1:])})
    good = [i for i in range(len(texts)) if i not in errors]
    values: list = [None] * len(texts)
    for i, value in zip(good, adapter.validate_python([texts[i] for i in good], context=context)):
        values[i] = value
    return values, errors


def _check_column(name: str, cells: _Cells, contexts: list[RowContext], keys: np.ndarray | None = None) -> tuple[np.ndarray | None, list]:
    """One column validated: ``(codes, values)``, the value of row ``i`` being ``values[codes[i]]`` (``values[i]`` when codes is None).

    Each distinct text is validated once, with ``contexts[0]``; when the
    text's validity depends on something else of its row, ``keys`` gives
    each row's key (a position in ``contexts``) and each distinct ``(key,
    text)`` pair is validated once, with its key's context. Failed rows are
    refused (:meth:`_Cells.refuse`).
    """
    codes, texts = (None, cells.column(name)) if name in _FREE_TEXT else cells.distinct(name)
    if keys is None:
        values, errors = _validate_distinct(name, texts.tolist(), contexts[0])
        cells.refuse(codes, errors, len(values))
        # A row's own values are kept in an array: the collector would walk a list of a million on every full pass.
        return codes, np.array(values, dtype=object) if codes is None else values
    width = max(len(texts), 1)
    codes, pairs = pd.factorize(keys.astype(np.int64) * width + (np.arange(len(texts)) if codes is None else codes))
    pair_keys, pair_texts = np.divmod(pairs, width)
    values: list = [None] * len(pairs)
    errors: dict[int, list[dict]] = {}
    for key in np.unique(pair_keys).tolist():
        at = np.flatnonzero(pair_keys == key)
        found, failed = _validate_distinct(name, texts[pair_texts[at]].tolist(), contexts[key])
        for position, value in zip(at.tolist(), found):
            values[position] = value
        errors.update({int(at[index]): found_errors for index, found_errors in failed.items()})
    cells.refuse(codes, errors, len(values))
    return codes, values


def _check_stakeholders(cells: _Cells, context: RowContext) -> tuple[np.ndarray, list]:
    """The stakeholders column (as :func:`_check_column`): each distinct name validated once, each distinct cell assembled from its names.

    A cell's names are its ``|``-separated parts, trimmed, blank ones
    dropped, each kept once, as the field type reads them
    (:func:`~relint_kpi.rows.split_names`, :func:`~relint_kpi.rows.once_each`).
    """
    codes, distinct = cells.distinct("stakeholders")
    # Tuples, not lists: the collector soon stops tracking a tuple of strings, so a
    # few hundred thousand cells do not make every collection slower.
    parts = [tuple(text.split("|")) if text else () for text in distinct.tolist()]
    used = set(itertools.chain.from_iterable(parts))
    names = sorted(part for part in used if part.strip())
    found, errors = _validate_distinct("stakeholders", names, context, _NAME_ADAPTER)
    canonical = dict(zip(names, found))
    refused = {names[index]: found_errors for index, found_errors in errors.items()}
    spelled_right = not refused and len(names) == len(used) and all(canonical[name] == name for name in names)
    if spelled_right and all(len(set(listed)) == len(listed) for listed in parts if len(listed) > 1):
        # Every part is a registered name as the registry spells it, once per cell:
        # the parts are the cell's names.
        return codes, parts
    values, failed = [], {}
    for index, listed in enumerate(parts):
        problems = [error for part in listed for error in refused.get(part, ())]
        if problems:
            failed[index] = problems
            values.append(None)
        else:
            values.append(once_each(tuple(canonical[part] for part in listed if part in canonical)))
    cells.refuse(codes, failed, len(parts))
    return codes, values


def _values(codes: np.ndarray | None, values: list, dtype: object, keep: np.ndarray | slice) -> pd.Series:
    """The kept rows' values of a column from its ``(codes, values)``, built per distinct value, then taken by code.

    A ``category`` column (no categories given) gets the values its kept
    rows hold, sorted, as its categories.
    """
    if codes is None:
        return pd.Series(values[keep], dtype=dtype)
    taken = codes[keep]
    if isinstance(dtype, pd.CategoricalDtype):
        return pd.Series(pd.Categorical.from_codes(pd.Categorical(values, dtype=dtype).codes[taken], dtype=dtype))
    if dtype == "category":
        used = np.zeros(len(values), dtype=bool)
        used[taken] = True
        kept = sorted({value for value, is_used in zip(values, used.tolist()) if is_used and value is not None})
        position = {value: index for index, value in enumerate(kept)}
        distinct = np.array([position.get(value, -1) for value in values], dtype=np.int64)  # -1: none
        return pd.Series(pd.Categorical.from_codes(distinct[taken], dtype=pd.CategoricalDtype(pd.Index(kept))))
    if dtype == "datetime64[ns]":
        distinct = pd.to_datetime(pd.Series(values, dtype=object)).to_numpy(dtype=dtype)
    elif dtype == "int64":
        distinct = np.array([value or 0 for value in values], dtype=dtype)
    else:
        distinct = pd.Series(values, dtype=dtype).to_numpy()
    return pd.Series(distinct[taken], dtype=dtype)


def frame_dtypes(plan: Plan, paths: list[str]) -> dict[str, object]:
    """The log's dtypes, with the categories known before reading (the files, the plan's types and actions)."""
    return {
        **FRAME_COLUMNS,
        "path": pd.CategoricalDtype(paths),
        "type": pd.CategoricalDtype([kind.id for kind in plan.activity_types]),
        "action": pd.CategoricalDtype([action.id for action in plan.actions]),
    }


def read_activities(path: Path, plan: Plan, stakeholders: dict[str, Stakeholder]) -> tuple[pd.DataFrame, list[Issue]]:
    """Read and check one quarterly file (its quarter comes from its name) into the log's columns (see :func:`read_quarters`)."""
    return read_quarters([path], plan, stakeholders)


def read_quarters(paths: list[Path], plan: Plan, stakeholders: dict[str, Stakeholder]) -> tuple[pd.DataFrame, list[Issue]]:
    """Read and check quarterly files (each one's quarter comes from its name) into one log.

    Every file's cells are read, then each column's distinct texts are
    validated once for all files through the row contract's field types,
    and the verdicts mapped back to the rows; a row with any problem is left
    out and each problem reported at its file, line and column. The issues
    come file by file, each file's in line order (:func:`csvio.capped`).
    """
    shown = [display_path(path) for path in paths]
    dtypes = frame_dtypes(plan, shown)
    base = RowContext(plan, stakeholders)
    per_file: list[list[Issue]] = []
    tables, contexts, table_paths = [], [], []
    for index, path in enumerate(paths):
        odd = csvio.not_a_file(path)
        quarter = quarter_of_file_name(path.name)
        if odd is not None or quarter is None:
            per_file.append([odd or Issue(shown[index], 0, 0, "bad-file-name")])
            continue
        table = csvio.read_frame(path, COLUMNS, REQUIRED_COLUMNS)
        per_file.append(table.issues)  # checking the rows adds to them
        if table.rows is not None and len(table.rows):
            tables.append(table)
            contexts.append(dataclasses.replace(base, quarter=quarter, delimiter=table.delimiter))
            table_paths.append(index)
    frame = _check_rows(tables, contexts, table_paths, base, dtypes) if tables else _empty(dtypes)
    return frame, [issue for found in per_file for issue in csvio.capped(found)]


def _check_rows(tables: list[csvio.Table], contexts: list[RowContext], table_paths: list[int], base: RowContext, dtypes: dict) -> pd.DataFrame:
    """The log of the tables' valid rows; each problem is recorded on its table (see :func:`read_quarters`)."""
    sizes = [len(table.rows) for table in tables]
    files = np.repeat(np.arange(len(tables)), sizes)
    lines = np.concatenate([table.rows["line"].to_numpy(dtype=np.int64) for table in tables])
    cells = _Cells(tables, files, lines, np.zeros(len(lines), dtype=bool))
    checked = {}
    for name in COLUMNS:
        if name in _BY_FILE:
            checked[name] = _check_column(name, cells, contexts, files)
        elif name not in ("territory", "stakeholders"):
            checked[name] = _check_column(name, cells, [base])
    checked["stakeholders"] = _check_stakeholders(cells, base)
    # Whether a blank territory is allowed depends on the row's type: each type's territories are validated with the type in the context.
    type_codes, type_values = checked["type"]
    type_keys, type_ids = pd.factorize(np.array([value or "" for value in type_values], dtype=object))
    typed = [dataclasses.replace(base, row_type=type_id or None) for type_id in type_ids.tolist()]
    checked["territory"] = _check_column("territory", cells, typed, type_keys[type_codes])
    # A blank venue is where the row's territory is: the venue's values, then the territory's.
    venue_codes, venue_values = checked["venue"]
    territory_codes, territory_values = checked["territory"]
    no_venue = np.array([value is None for value in venue_values], dtype=bool)
    checked["venue"] = (
        np.where(no_venue[venue_codes], len(venue_values) + territory_codes, venue_codes),
        [*venue_values, *territory_values],
    )
    keep = np.flatnonzero(~cells.bad) if cells.bad.any() else slice(None)  # a slice takes no copy
    columns = {name: _values(codes, values, dtypes[name], keep) for name, (codes, values) in checked.items()}
    columns["line"] = pd.Series(lines[keep], dtype="int64")
    columns["path"] = pd.Series(pd.Categorical.from_codes(np.array(table_paths)[files[keep]], dtype=dtypes["path"]))
    columns["year"] = columns["date"].dt.year.astype("int64")
    columns["quarter"] = columns["date"].dt.quarter.astype("int64")
    # copy=False: every column is new already; copying would also stack the columns of one dtype into one block.
    return pd.DataFrame({name: columns[name] for name in FRAME_COLUMNS}, copy=False)


def _empty(dtypes: dict[str, object]) -> pd.DataFrame:
    """A log of no rows, with the log's columns."""
    return pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in dtypes.items()})


# -- the whole data folder -------------------------------------------------------------


def actuals_files(data_dir: str | Path) -> list[Path]:
    """Every entry of ``data_dir/actuals`` named ``*.csv``, sorted by name (so by quarter)."""
    folder = Path(data_dir) / "actuals"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() == ".csv")


def read_data(data_dir: str | Path, plan: Plan) -> tuple[ActivityLog, list[Issue]]:
    """Read and check every data file of ``data_dir`` against ``plan``.

    Returns ``(log, issues)``. All files are read and all problems
    collected, including ids used twice across files.
    """
    data_dir = Path(data_dir)
    issues: list[Issue] = []
    stakeholders_path, deliverables_path = data_dir / "stakeholders.csv", data_dir / "deliverables.csv"
    assessments_path = data_dir / "assessments.csv"
    odd = [found for found in map(csvio.not_a_file, [stakeholders_path, deliverables_path, assessments_path]) if found]
    issues += odd
    stakeholders, found = read_stakeholders(stakeholders_path, plan) if not odd else ({}, [])
    issues += found
    deliverables, found = read_deliverables(deliverables_path, plan) if not odd else ([], [])
    issues += found
    assessments, found = read_assessments(assessments_path, plan) if not odd else ([], [])
    issues += found
    notes_path = data_dir / NOTES_FILE
    odd_notes = csvio.not_a_file(notes_path)
    notes, found = read_notes(notes_path, plan) if odd_notes is None else ([], [odd_notes])
    issues += found
    if not (data_dir / "actuals").is_dir():
        issues.append(Issue(display_path(data_dir), 0, 0, "no-actuals"))
    activities, found = read_quarters(actuals_files(data_dir), plan, stakeholders)
    issues += found
    issues += _duplicate_ids(activities)
    return ActivityLog(activities, stakeholders, deliverables, notes=notes, assessments=assessments), issues



def _duplicate_ids(activities: pd.DataFrame) -> list[Issue]:
    """An issue for each row whose id an earlier row already uses (blank ids are fine)."""
    listed = activities["id"].tolist()
    distinct = set(listed)
    distinct.discard("")
    if len(distinct) == len(listed) - listed.count(""):
        return []  # every id differs: a set tells so sooner than a hash table of the rows
    ids = activities["id"]
    repeated = ids.duplicated() & ids.ne("")
    first = activities[ids.ne("")].drop_duplicates("id").set_index("id")
    issues = []
    for row in activities[repeated].itertuples():
        earlier = first.loc[row.id]
        issues.append(
            Issue(
                row.path,
                row.line,
                0,
                "duplicate-id",
                {"what": message("duplicate-row-id", id=row.id, where=f"{earlier.path}:{earlier.line}")},
            )
        )
    return issues
