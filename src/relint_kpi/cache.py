"""A cache of validated data, so unchanged files are not re-read and re-checked.

Reading and checking a million rows takes seconds; most commands run on
files that have not changed since the last one. The cache stores the
validated :class:`~relint_kpi.records.ActivityLog` under a fingerprint of
everything the result depends on:

* the reader's own code (a hash of the modules that parse and check rows)
  and the working directory (paths in the log are shown relative to it);
* the plan file's bytes;
* for every data file (``actuals/*.csv``, ``stakeholders.csv``,
  ``deliverables.csv``): its name, size, modification time and a BLAKE2b
  hash of its bytes — so a one-byte edit that keeps size and time, a file
  added or a file removed all miss the cache. It is never stale.

Only data without issues is cached: data with problems is always read again
and every problem reported. Writing the cache is best-effort and atomic; a
cache that cannot be read or written is simply ignored. ``RELINT_NO_CACHE=1``
switches it off; ``RELINT_CACHE_DIR`` moves it (default
``$XDG_CACHE_HOME/relint`` or ``~/.cache/relint``).
"""

from __future__ import annotations

import array
import contextlib
import datetime as dt
import hashlib
import itertools
import marshal
import operator
import os
import pickle
import sys
import tempfile
from pathlib import Path

from typing import TYPE_CHECKING

from relint_kpi.issues import Issue
from relint_kpi.records import Activity, ActivityLog

if TYPE_CHECKING:
    from relint_kpi.plan import Plan

FORMAT = 4
_CODE_MODULES = ("actuals.py", "numbers.py", "records.py", "plan.py", "territories.py", "cache.py", "yamlsafe.py")


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is switched off."""
    if os.environ.get("RELINT_NO_CACHE"):
        return None
    chosen = os.environ.get("RELINT_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "relint"


def _hash_file(path: Path, digest) -> None:
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)


def data_files(data_dir: Path) -> list[Path]:
    """Every file whose content the validated log depends on, in a stable order."""
    from relint_kpi.actuals import actuals_files

    files = list(actuals_files(data_dir))
    for name in ("stakeholders.csv", "deliverables.csv"):
        if (data_dir / name).is_file():
            files.append(data_dir / name)
    return files


def fingerprint(data_dir: str | Path, plan_path: str | Path) -> str:
    """A digest of the code, plan and data files a validated log depends on."""
    data_dir = Path(data_dir)
    digest = hashlib.blake2b(digest_size=32)
    digest.update(f"format {FORMAT}\npython {sys.version}\ncwd {Path.cwd()}\n".encode())
    package = Path(__file__).parent
    for module in _CODE_MODULES:
        _hash_file(package / module, digest)
    _hash_file(Path(plan_path), digest)
    digest.update(f"actuals dir {(data_dir / 'actuals').is_dir()}\n".encode())
    for path in data_files(data_dir):
        stat = path.stat()
        digest.update(f"\n{path.name} {stat.st_size} {stat.st_mtime_ns}\n".encode())
        _hash_file(path, digest)
    return digest.hexdigest()


def _entry(folder: Path, data_dir: Path) -> Path:
    name = hashlib.blake2b(str(data_dir.resolve()).encode(), digest_size=16).hexdigest()
    return folder / f"log-{name}.marshal"


def _load(entry: Path, key: str) -> ActivityLog | None:
    try:
        stored_key, columns, registry = marshal.loads(entry.read_bytes())
        if stored_key != key:
            return None
        stakeholders, deliverables = pickle.loads(registry)
        columns = [_decode(column) for column in columns]
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError, TypeError, ImportError, IndexError):
        return None
    activities = list(map(tuple.__new__, itertools.repeat(Activity), zip(*columns)))
    return ActivityLog(activities, stakeholders, deliverables)


def _store(entry: Path, key: str, log: ActivityLog) -> None:
    # The log is stored a column at a time in marshal's format: text columns
    # as one string, whole numbers as one array, any other column as its
    # distinct values and an array of codes. That writes and reads a million
    # records several times faster than pickling them one by one. marshal is
    # specific to the Python version, which is part of the key.
    columns = [_encode(list(map(operator.itemgetter(i), log.activities)), name) for i, name in enumerate(Activity._fields)]
    registry = pickle.dumps((log.stakeholders, log.deliverables), protocol=pickle.HIGHEST_PROTOCOL)
    _write_atomic(entry, marshal.dumps((key, columns, registry)))


_TEXT_FIELDS = {"id", "title", "notes"}  # nearly one distinct value per row, never None
_INT_FIELDS = {"line", "value"}  # never None
_SEPARATOR = "\x00"  # the reader refuses NUL in any data file, so no cell holds it
_NAMES_SEPARATOR = "|"  # a name in an activity's stakeholders never holds it: cells are split at it


def _encode(column: list, name: str) -> tuple:
    """One column of the log as plain values that marshal writes fast (see :func:`_decode`)."""
    if name in _TEXT_FIELDS:
        joined = _SEPARATOR.join(column)
        if joined.count(_SEPARATOR) == max(len(column) - 1, 0):
            return ("text", len(column), joined)
    if name == "stakeholders":
        joined = _SEPARATOR.join(map(_NAMES_SEPARATOR.join, column))
        names = sum(map(len, column))
        if joined.count(_SEPARATOR) == max(len(column) - 1, 0) and joined.count(_NAMES_SEPARATOR) == names - (
            len(column) - column.count(())
        ):
            return ("names", len(column), joined)
    if name in _INT_FIELDS:
        numbers = _array(column)
        return ("ints", numbers.typecode, numbers.tobytes())
    distinct = list(dict.fromkeys(column))
    code_of = {value: code for code, value in enumerate(distinct)}
    codes = _array(list(map(code_of.__getitem__, column)), unsigned=True)
    if name == "date":
        distinct = [day.toordinal() for day in distinct]
    return ("codes", name == "date", distinct, codes.typecode, codes.tobytes())


def _array(numbers: list[int], unsigned: bool = False) -> array.array:
    """The numbers in the smallest array type that holds them."""
    low, high = (min(numbers), max(numbers)) if numbers else (0, 0)
    for code in ("BHIQ" if unsigned else "bhiq"):
        size = array.array(code).itemsize * 8
        if (unsigned and high < 1 << size) or (not unsigned and -(1 << (size - 1)) <= low and high < 1 << (size - 1)):
            return array.array(code, numbers)
    raise ValueError("numbers too large for an array")


def _decode(column: tuple) -> list:
    """The column :func:`_encode` wrote."""
    kind = column[0]
    if kind == "text":
        _, count, joined = column
        return joined.split(_SEPARATOR) if count else []
    if kind == "names":
        _, count, joined = column
        cells = joined.split(_SEPARATOR) if count else []
        distinct = list(dict.fromkeys(cells))
        names = dict(zip(distinct, map(tuple, map(operator.methodcaller("split", _NAMES_SEPARATOR), distinct))))
        if "" in names:
            names[""] = ()
        return list(map(names.__getitem__, cells))
    if kind == "ints":
        return array.array(column[1], column[2]).tolist()
    _, dates, distinct, typecode, codes = column
    if dates:
        distinct = [dt.date.fromordinal(day) for day in distinct]
    return list(map(distinct.__getitem__, array.array(typecode, codes)))


def _plan_entry(raw: bytes) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.blake2b(raw, digest_size=32)
    package = Path(__file__).parent
    for module in _CODE_MODULES:
        with contextlib.suppress(OSError):
            digest.update((package / module).read_bytes())
    return folder / f"plan-{digest.hexdigest()}.pickle"


def load_plan_cached(raw: bytes) -> Plan | None:
    """The validated plan for these plan-file bytes, if an earlier run stored it."""
    entry = _plan_entry(raw)
    if entry is None:
        return None
    try:
        with entry.open("rb") as handle:
            plan = pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError, TypeError, ImportError):
        return None
    from relint_kpi.plan import Plan

    return plan if isinstance(plan, Plan) else None


def store_plan(raw: bytes, plan: Plan) -> None:
    """Remember a validated plan (best effort, atomic)."""
    entry = _plan_entry(raw)
    if entry is not None:
        _write_pickle(entry, plan)


def _write_pickle(entry: Path, payload) -> None:
    with contextlib.suppress(pickle.PickleError):
        _write_atomic(entry, pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))


def _write_atomic(entry: Path, data: bytes) -> None:
    """Write a cache file whole or not at all (best effort: errors are ignored)."""
    with contextlib.suppress(OSError):
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=entry.parent, prefix=".relint-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temp, entry)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def read_data_cached(data_dir: str | Path, plan: Plan, plan_path: str | Path) -> tuple[ActivityLog, list[Issue]]:
    """:func:`relint_kpi.actuals.read_data`, answered from the cache when nothing changed."""
    from relint_kpi.actuals import read_data

    folder = cache_dir()
    data_dir = Path(data_dir)
    if folder is None:
        return read_data(data_dir, plan)
    try:
        key = fingerprint(data_dir, plan_path)
    except OSError:
        return read_data(data_dir, plan)
    entry = _entry(folder, data_dir)
    cached = _load(entry, key)
    if cached is not None:
        return cached, []
    log, issues = read_data(data_dir, plan)
    if not issues:
        _store(entry, key, log)
    return log, issues
