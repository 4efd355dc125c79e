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

import contextlib
import datetime as dt
import hashlib
import marshal
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

FORMAT = 3
_DATE = Activity._fields.index("date")
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
    return folder / f"log-{name}.pickle"


def _load(entry: Path, key: str) -> ActivityLog | None:
    try:
        with entry.open("rb") as handle:
            stored = pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError, TypeError, ImportError):
        return None
    if not isinstance(stored, dict) or stored.get("key") != key:
        return None
    columns = list(marshal.loads(stored["columns"]))
    ordinals: dict[int, dt.date] = {}
    columns[_DATE] = [ordinals.get(o) or ordinals.setdefault(o, dt.date.fromordinal(o)) for o in columns[_DATE]]
    activities = list(map(Activity._make, zip(*columns))) if columns[_DATE] else []
    return ActivityLog(activities, stored["stakeholders"], stored["deliverables"])


def _store(entry: Path, key: str, log: ActivityLog) -> None:
    columns = [list(column) for column in zip(*log.activities)] or [[] for _ in Activity._fields]
    # Columns of plain values (dates as day numbers), in marshal's format:
    # several times faster to write and read than a million record or date
    # objects through pickle. marshal is specific to the Python version,
    # which is part of the key.
    columns[_DATE] = [d.toordinal() for d in columns[_DATE]]
    payload = {
        "key": key,
        "columns": marshal.dumps(columns),
        "stakeholders": log.stakeholders,
        "deliverables": log.deliverables,
    }
    _write_pickle(entry, payload)


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
    with contextlib.suppress(OSError, pickle.PickleError):
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=entry.parent, prefix=".relint-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
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
