"""Reading the data folder fast: a per-file cache of validated rows, and worker processes.

Reading and checking a million rows takes seconds; most commands run on
files that have not changed since the last one, and staff edit one quarter
at a time. So each quarterly file's validated rows are cached on their own,
under a key made of everything they depend on:

* the reader's own code (a hash of the modules that parse and check rows),
  the Python version and the working directory (paths in the records are
  shown relative to it);
* the plan file's bytes and the stakeholder registry's bytes;
* the file's name, size, modification time and a BLAKE2b hash of its bytes
  — so a one-byte edit that keeps size and time misses the cache.

A file added is read; a file removed is no longer listed, so its rows are
gone; a changed plan or registry misses every entry. The cache is never
stale. Only a file without issues is cached: a file with problems is read
again each time and every problem reported. The registry and the
deliverables (small files) are always read.

Files that must be read are read in worker processes when there are
several and they are large (one process per core), since checking rows is
pure Python. Each worker writes its file's cache entry itself and sends
back the rows in the cache's column format.

Writing the cache is best-effort and atomic; a cache that cannot be read or
written is ignored. ``RELINT_NO_CACHE=1`` switches it off;
``RELINT_CACHE_DIR`` moves it (default ``$XDG_CACHE_HOME/relint`` or
``~/.cache/relint``). An entry is named after its file's path, so a changed
file replaces its entry; entries of files deleted since stay until the
cache folder is emptied.

The plan file has entries of its own, keyed by its bytes and the code: the
validated plan (:func:`store_plan`) and its row rules with its
``metadata.data_dir`` (:func:`store_rules`), which let ``add-activity``
check a row without importing pydantic or YAML.
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
from typing import TYPE_CHECKING, Iterator

from relint_kpi.issues import Issue
from relint_kpi.records import Activity, ActivityLog

if TYPE_CHECKING:
    from relint_kpi.actuals import RowRules
    from relint_kpi.plan import Plan
    from relint_kpi.records import Stakeholder

FORMAT = 5
_CODE_MODULES = (
    "actuals.py", "activity_row.py", "numbers.py", "records.py", "plan.py", "territories.py", "cache.py", "yamlsafe.py"
)
# Below this many bytes still to read, worker processes cost more than they save.
PARALLEL_BYTES = 4 << 20


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


def _hash_stat_and_bytes(path: Path, digest) -> None:
    stat = path.stat()
    digest.update(f"\n{path.name} {stat.st_size} {stat.st_mtime_ns}\n".encode())
    _hash_file(path, digest)


def base_key(data_dir: str | Path, plan_path: str | Path) -> bytes:
    """A digest of what every quarterly file's rows depend on besides the file itself."""
    digest = hashlib.blake2b(digest_size=32)
    digest.update(f"format {FORMAT}\npython {sys.version}\ncwd {Path.cwd()}\n".encode())
    _hash_code(digest)
    _hash_file(Path(plan_path), digest)
    registry = Path(data_dir) / "stakeholders.csv"
    if registry.is_file():
        _hash_stat_and_bytes(registry, digest)
    return digest.digest()


def file_key(base: bytes, path: Path) -> str:
    """The cache key of one quarterly file: :func:`base_key` plus the file's name, size, time and bytes."""
    digest = hashlib.blake2b(base, digest_size=32)
    _hash_stat_and_bytes(path, digest)
    return digest.hexdigest()


def _entry(folder: Path, path: Path) -> Path:
    name = hashlib.blake2b(str(path.resolve()).encode(), digest_size=16).hexdigest()
    return folder / f"rows-{name}.marshal"


def _load(entry: Path, key: str) -> list[Activity] | None:
    """The rows an earlier run stored under ``key``, or None (missing, other key, damaged)."""
    try:
        stored_key, columns = marshal.loads(entry.read_bytes())
        if stored_key != key:
            return None
        return decode_rows(columns)
    except (OSError, EOFError, ValueError, TypeError, IndexError):
        return None


def _store(entry: Path, key: str, columns: list[tuple]) -> None:
    _write_atomic(entry, marshal.dumps((key, columns)))


def encode_rows(activities: list[Activity]) -> list[tuple]:
    """Activities as columns of plain values, which marshal writes and reads fast.

    Text columns become one string, whole numbers one array, any other
    column its distinct values and an array of codes: several times faster
    than pickling a million records one by one. marshal is specific to the
    Python version, which is part of the key.
    """
    return [_encode(list(map(operator.itemgetter(i), activities)), name) for i, name in enumerate(Activity._fields)]


def decode_rows(columns: list[tuple]) -> list[Activity]:
    """The activities :func:`encode_rows` encoded."""
    values = [_decode(column) for column in columns]
    return list(map(tuple.__new__, itertools.repeat(Activity), zip(*values)))


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
        names = set(itertools.chain.from_iterable(column))
        if all(n and _SEPARATOR not in n and _NAMES_SEPARATOR not in n for n in names):
            return ("names", len(column), _SEPARATOR.join(map(_NAMES_SEPARATOR.join, column)))
    numbers = _array(column) if name in _INT_FIELDS else None
    if numbers is not None:
        return ("ints", numbers.typecode, numbers.tobytes())
    distinct = list(dict.fromkeys(column))
    code_of = {value: code for code, value in enumerate(distinct)}
    codes = _array(list(map(code_of.__getitem__, column)), unsigned=True)
    if name == "date":
        distinct = [day.toordinal() for day in distinct]
    return ("codes", name == "date", distinct, codes.typecode, codes.tobytes())


def _array(numbers: list[int], unsigned: bool = False) -> array.array | None:
    """The numbers in the smallest array type that holds them (None if none does)."""
    low, high = (min(numbers), max(numbers)) if numbers else (0, 0)
    for code in "BHIQ" if unsigned else "bhiq":
        bits = array.array(code).itemsize * 8
        if (unsigned and high < 1 << bits) or (not unsigned and -(1 << (bits - 1)) <= low and high < 1 << (bits - 1)):
            return array.array(code, numbers)
    return None


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


def _plan_entry(raw: bytes, kind: str = "plan") -> Path | None:
    """The cache file of what was derived from these plan-file bytes (``kind``: plan, rules)."""
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.blake2b(raw, digest_size=32)
    with contextlib.suppress(OSError):
        _hash_code(digest)
    return folder / f"{kind}-{digest.hexdigest()}.pickle"


def _hash_code(digest) -> None:
    """Add what every cached result depends on besides its input: relint's checking code and pycountry's release."""
    package = Path(__file__).parent
    for module in _CODE_MODULES:
        _hash_file(package / module, digest)
    digest.update(_pycountry_release())


def _pycountry_release() -> bytes:
    """The installed pycountry's release, read without importing it.

    Its ISO 3166 lists decide which territory codes and names a check
    accepts, so an upgrade must miss every cached plan, rules and rows entry.
    """
    import importlib.util

    spec = importlib.util.find_spec("pycountry")
    if spec is None or spec.origin is None:
        return b"no pycountry"
    site = Path(spec.origin).parent.parent
    return " ".join(sorted(p.name for p in site.glob("pycountry-*.dist-info"))).encode()


def _read_pickle(entry: Path | None):
    """What an earlier run pickled at ``entry``, or None (no entry, damaged, or from other code)."""
    if entry is None:
        return None
    try:
        with entry.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError, TypeError, ImportError):
        return None


def load_plan_cached(raw: bytes) -> Plan | None:
    """The validated plan for these plan-file bytes, if an earlier run stored it."""
    plan = _read_pickle(_plan_entry(raw))
    if plan is None:
        return None
    from relint_kpi.plan import Plan

    return plan if isinstance(plan, Plan) else None


def store_plan(raw: bytes, plan: Plan) -> None:
    """Remember a validated plan (best effort, atomic)."""
    entry = _plan_entry(raw)
    if entry is not None:
        _write_pickle(entry, plan)


def load_rules_cached(raw: bytes) -> tuple[str | None, RowRules] | None:
    """``(metadata.data_dir, row rules)`` of a validated plan with these bytes, if stored.

    Unpickling them imports neither pydantic nor YAML: this is what lets
    ``add-activity`` start fast on a plan it has seen before.
    """
    stored = _read_pickle(_plan_entry(raw, "rules"))
    if stored is None:
        return None  # a miss imports nothing more (locate asks on every command)
    from relint_kpi.actuals import RowRules

    if isinstance(stored, tuple) and len(stored) == 2 and isinstance(stored[1], RowRules):
        return stored
    return None


def store_rules(raw: bytes, data_dir: str | None, rules: RowRules) -> None:
    """Remember a validated plan's data folder and row rules (best effort, atomic)."""
    entry = _plan_entry(raw, "rules")
    if entry is not None:
        _write_pickle(entry, (data_dir, rules))


def _write_pickle(entry: Path, payload) -> None:
    with contextlib.suppress(pickle.PickleError):
        _write_atomic(entry, pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))


def _write_atomic(entry: Path, data: bytes) -> None:
    """Write a cache file whole or not at all (best effort: errors are ignored).

    Unlike :func:`relint_kpi.storage.replace_file` there is no fsync and no
    lock: a cache entry lost in a crash is only read again from its file.
    """
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
    """:func:`relint_kpi.actuals.read_data`, with unchanged quarterly files answered from the cache."""
    from relint_kpi.actuals import read_data

    folder = cache_dir()
    try:
        base = base_key(data_dir, plan_path) if folder is not None else None
    except OSError:
        folder = base = None

    def read_files(files: list[Path], plan: Plan, stakeholders: dict[str, Stakeholder]):
        return _read_quarters(files, plan, stakeholders, folder, base)

    return read_data(data_dir, plan, read_files)


def _read_quarters(
    files: list[Path], plan: Plan, stakeholders: dict[str, Stakeholder], folder: Path | None, base: bytes | None
) -> Iterator[tuple[list[Activity], list[Issue]]]:
    """``(activities, issues)`` of each file in order: from the cache, or read (in workers when large)."""
    from concurrent.futures.process import BrokenProcessPool

    cached: dict[int, list[Activity]] = {}
    to_read: dict[int, tuple[Path, Path | None, str | None]] = {}
    for index, path in enumerate(files):
        entry = key = None
        if folder is not None and base is not None:
            with contextlib.suppress(OSError):
                entry, key = _entry(folder, path), file_key(base, path)
                rows = _load(entry, key)
                if rows is not None:
                    cached[index] = rows
                    continue
        to_read[index] = (path, entry, key)
    in_workers = _read_in_workers(to_read, plan, stakeholders) if _worth_workers(to_read) else {}
    for index, path in enumerate(files):
        if index in cached:
            yield cached[index], []
            continue
        if index in in_workers:
            with contextlib.suppress(BrokenProcessPool):  # a worker died: read the file here instead
                columns, issues = in_workers[index].result()
                yield decode_rows(columns), issues
                continue
        yield _read_file(*to_read[index], plan, stakeholders)


def _read_file(
    path: Path, entry: Path | None, key: str | None, plan: Plan, stakeholders: dict[str, Stakeholder], as_columns: bool = False
) -> tuple[list, list[Issue]]:
    """Read one quarterly file and cache its rows if it has no issues.

    Gives the activities, or with ``as_columns`` (in a worker process) the
    columns of :func:`encode_rows`, which travel between processes far
    faster than records.
    """
    from relint_kpi.actuals import read_activities

    activities, issues = read_activities(path, plan, stakeholders)
    cacheable = entry is not None and key is not None and not issues
    columns = encode_rows(activities) if as_columns or cacheable else None
    if cacheable:
        _store(entry, key, columns)
    return (columns if as_columns else activities), issues


def _cores() -> int:
    with contextlib.suppress(AttributeError, OSError):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _worth_workers(to_read: dict[int, tuple]) -> bool:
    if len(to_read) < 2 or _cores() < 2:
        return False
    size = 0
    for path, _, _ in to_read.values():
        with contextlib.suppress(OSError):
            size += path.stat().st_size
    return size >= PARALLEL_BYTES


def _read_in_workers(to_read: dict[int, tuple], plan: Plan, stakeholders: dict[str, Stakeholder]) -> dict:
    """Start reading the files in worker processes: futures by file index ({} if workers cannot start)."""
    import concurrent.futures
    import functools
    import multiprocessing

    # fork starts a worker in milliseconds with everything already imported;
    # where it is not the safe choice (macOS, Windows) the platform's default is used.
    context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
    read = functools.partial(_read_file, plan=plan, stakeholders=stakeholders, as_columns=True)
    try:
        pool = concurrent.futures.ProcessPoolExecutor(max_workers=min(_cores(), len(to_read)), mp_context=context)
        # The largest files first, so that no worker is left with a big one at the end.
        ordered = sorted(to_read.items(), key=lambda item: -item[1][0].stat().st_size)
        futures = {index: pool.submit(read, *job) for index, job in ordered}
    except OSError:
        return {}
    pool.shutdown(wait=False)  # the workers exit once their files are done
    return futures
