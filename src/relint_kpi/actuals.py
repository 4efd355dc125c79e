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
import operator
from collections import defaultdict
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
from relint_kpi.records import FRAME_COLUMNS, ActivityLog, Stakeholder, default_venue
from relint_kpi.registry import read_assessments, read_deliverables, read_stakeholders
from relint_kpi.rows import COLUMNS, FIELD_TYPES, REQUIRED_COLUMNS, RowContext, StakeholderName, issue_of, once_each

#: A list adapter per column: one call validates all of a column's distinct texts.
_COLUMN_ADAPTERS = {name: TypeAdapter(list[kind]) for name, kind in FIELD_TYPES.items()}
#: The stakeholders column is checked name by name: a log names a few hundred
#: stakeholders in nearly as many combinations as it has rows.
_NAME_ADAPTER = TypeAdapter(list[StakeholderName])
_FREE_TEXT = ("id", "title", "notes")


# -- activities ---------------------------------------------------------------------


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


def _check_column(name, cells, context, table, lines, bad) -> tuple[np.ndarray, list]:
    """One column validated: ``(codes, values)``, the value of row ``i`` being ``values[codes[i]]``.

    Failed rows are marked in ``bad``, their issues recorded on ``table``.
    """
    if name in _FREE_TEXT:
        # Nearly every cell differs: validating each costs less than finding the distinct ones.
        codes, distinct = np.arange(len(cells)), cells.tolist()
    else:
        codes, distinct = pd.factorize(cells, use_na_sentinel=False)
    values, errors = _validate_distinct(name, list(distinct), context)
    failed = [(np.flatnonzero(codes == index), found) for index, found in errors.items()]
    _report(failed, table, lines, bad)
    return codes, values


def _check_territories(cells, type_ids, context, table, lines, bad) -> tuple[np.ndarray, list]:
    """The territory column (as :func:`_check_column`): each distinct (type, territory) pair validated once.

    Whether a blank territory is allowed depends on the row's type, so the
    texts are validated type by type, with the type in the context.
    """
    type_codes, types = pd.factorize(_values(*type_ids).fillna(""))
    text_codes, texts = pd.factorize(cells, use_na_sentinel=False)
    width = max(len(texts), 1)
    pairs, codes = np.unique(type_codes.astype(np.int64) * width + text_codes, return_inverse=True)
    values: list = [None] * len(pairs)
    failed = []
    for type_code in np.unique(pairs // width):
        at = np.flatnonzero(pairs // width == type_code)
        typed = dataclasses.replace(context, row_type=types[type_code] or None)
        found, errors = _validate_distinct("territory", [texts[pair % width] for pair in pairs[at]], typed)
        for position, value in zip(at, found):
            values[position] = value
        failed += [(np.flatnonzero(codes == at[index]), found_errors) for index, found_errors in errors.items()]
    _report(failed, table, lines, bad)
    return codes.reshape(-1), values


def _check_stakeholders(cells, context, table, lines, bad) -> tuple[np.ndarray, list]:
    """The stakeholders column (as :func:`_check_column`): each distinct name validated once, each distinct cell assembled from its names.

    A cell's names are its ``|``-separated parts, trimmed, blank ones
    dropped, each kept once, as the field type reads them
    (:func:`~relint_kpi.rows.split_names`, :func:`~relint_kpi.rows.once_each`).
    """
    codes, distinct = pd.factorize(cells, use_na_sentinel=False)
    parts = [text.split("|") if text else [] for text in distinct]
    names = sorted(part for part in set(itertools.chain.from_iterable(parts)) if part.strip())
    found, errors = _validate_distinct("stakeholders", names, context, _NAME_ADAPTER)
    canonical = dict(zip(names, found))
    refused = {names[index]: found_errors for index, found_errors in errors.items()}
    spelled_right = not refused and all(canonical[name] == name for name in names)
    if spelled_right and all(map(operator.eq, map(len, map(set, parts)), map(len, parts))):
        # Every part is a registered name as the registry spells it, once per cell:
        # the parts are the cell's names.
        return codes, list(map(tuple, parts))
    values, failed = [], []
    for index, listed in enumerate(parts):
        problems = [error for part in listed for error in refused.get(part, ())]
        if problems:
            failed.append((np.flatnonzero(codes == index), problems))
            values.append(None)
        else:
            values.append(once_each(tuple(canonical[part] for part in listed if part in canonical)))
    _report(failed, table, lines, bad)
    return codes, values


def _report(failed: list[tuple[np.ndarray, list[dict]]], table, lines, bad) -> None:
    """Mark the rows of each failed value as bad and record issues for the first of them.

    Only the first MAX_ISSUES + 1 rows of a column in line order can be listed
    (see :func:`relint_kpi.csvio.capped`), so a column refused on every row
    of a large file does not make an issue per row.
    """
    if not failed:
        return
    for rows, _ in failed:
        bad[rows] = True
    shown = np.sort(np.concatenate([rows for rows, _ in failed]))[: MAX_ISSUES + 1]
    errors_of = {int(row): found for rows, found in failed for row in np.intersect1d(rows, shown)}
    for row in shown:
        table.issues += [issue_of(error, table.path, int(lines[row]), table.columns) for error in errors_of[int(row)]]


def _values(codes: np.ndarray, values: list, dtype: object = object) -> pd.Series:
    """A column's row values from its ``(codes, values)``, built per distinct value, then taken by code."""
    if dtype == "datetime64[ns]":
        distinct = pd.Series(pd.to_datetime(pd.Series(values, dtype=object)), dtype=dtype)
    elif dtype == "int64":
        distinct = pd.Series([value or 0 for value in values], dtype=dtype)
    else:
        distinct = pd.Series(values, dtype=dtype)
    return distinct.take(codes).reset_index(drop=True)


def frame_dtypes(plan: Plan, paths: list[str]) -> dict[str, object]:
    """The log's dtypes, with the categories every file shares (so files concatenate as categoricals)."""
    return {
        **FRAME_COLUMNS,
        "path": pd.CategoricalDtype(paths),
        "type": pd.CategoricalDtype([kind.id for kind in plan.activity_types]),
        "action": pd.CategoricalDtype([action.id for action in plan.actions]),
    }


def read_activities(
    path: Path, plan: Plan, stakeholders: dict[str, Stakeholder], dtypes: dict[str, object] | None = None
) -> tuple[pd.DataFrame, list[Issue]]:
    """Read and check one quarterly file (its quarter comes from its name) into the log's columns.

    Each column's distinct texts are validated once through the row
    contract's field types, and the verdicts mapped back to the rows; a row
    with any problem is left out and each problem reported at its line and
    column. ``dtypes``: the log's (:func:`frame_dtypes`), when several
    files are read into one log.
    """
    shown = display_path(path)
    dtypes = dtypes or frame_dtypes(plan, [shown])
    quarter = quarter_of_file_name(path.name)
    if quarter is None:
        return _empty(dtypes), [Issue(shown, 0, 0, "bad-file-name")]
    table = csvio.read_frame(path, COLUMNS, REQUIRED_COLUMNS)
    if table.rows is None:
        return _empty(dtypes), csvio.capped(table.issues)
    cells: pd.DataFrame = table.rows
    lines = cells["line"].to_numpy()
    context = RowContext(plan, stakeholders, quarter, table.delimiter)
    bad = np.zeros(len(cells), dtype=bool)
    blank = pd.Series([""] * len(cells), dtype=object)
    checked = {}
    for name in COLUMNS:
        if name not in ("territory", "stakeholders"):
            checked[name] = _check_column(name, cells.get(name, blank), context, table, lines, bad)
    checked["stakeholders"] = _check_stakeholders(cells.get("stakeholders", blank), context, table, lines, bad)
    checked["territory"] = _check_territories(cells.get("territory", blank), checked["type"], context, table, lines, bad)
    good = ~bad
    columns = {name: _values(codes[good], values, dtypes[name]) for name, (codes, values) in checked.items()}
    columns["line"] = pd.Series(lines[good], dtype="int64")
    columns["path"] = pd.Series([shown] * int(good.sum()), dtype=dtypes["path"])
    columns["year"] = columns["date"].dt.year.astype("int64")
    columns["quarter"] = columns["date"].dt.quarter.astype("int64")
    columns["venue"] = default_venue(columns["venue"], columns["territory"])
    return pd.DataFrame({name: columns[name] for name in FRAME_COLUMNS}), csvio.capped(table.issues)


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
    files = actuals_files(data_dir)
    dtypes = frame_dtypes(plan, [display_path(path) for path in files])
    frames = []
    for path in files:
        odd_file = csvio.not_a_file(path)
        if odd_file is not None:
            issues.append(odd_file)
            continue
        frame, found = read_activities(path, plan, stakeholders, dtypes)
        frames.append(frame)
        issues += found
    activities = pd.concat(frames, ignore_index=True) if frames else _empty(dtypes)
    # Territories are not known before reading: each file's become the log's categories.
    activities["territory"] = activities["territory"].astype("category")
    activities["venue"] = activities["venue"].astype("category")
    issues += _duplicate_ids(activities)
    return ActivityLog(activities, stakeholders, deliverables, notes=notes, assessments=assessments), issues



def _duplicate_ids(activities: pd.DataFrame) -> list[Issue]:
    """An issue for each row whose id an earlier row already uses (blank ids are fine)."""
    ids = activities["id"]
    repeated = ids.duplicated() & ids.ne("")
    if not repeated.any():
        return []
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
