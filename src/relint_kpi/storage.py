"""Locked, crash-safe writes: appending rows and replacing whole files.

Several people may run relint on the same shared folder at once, and a
laptop may crash mid-write. So:

* every write holds a lock on a separate ``.relint.lock`` file (filelock: the
  operating system releases it when a process dies, so a killed writer never
  blocks the next command; a lock held too long gives :class:`LockTimeout`);
* an append encodes the whole row first and writes it with a single
  ``os.write`` on an ``O_APPEND`` descriptor, then ``fsync``: a crash leaves
  either the whole row or a torn last row that the reader reports;
* a replacement writes a temporary file in the same folder, ``fsync``\\s it,
  ``os.replace``\\s it over the target and ``fsync``\\s the folder: readers
  see the old file or the new one, never a mix. On any error the temporary
  file is removed and the old file is untouched.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path
from typing import Iterator

from relint_kpi.issues import Problem

DEFAULT_LOCK_TIMEOUT = 10.0


class WriteError(Problem):
    """A write could not be done; the message says what to do. Nothing was changed."""


class OutputExists(WriteError):
    """The target file exists and the caller did not ask to replace it."""


class LockTimeout(WriteError):
    """Another relint process held the file's lock for too long."""


def _lock_timeout() -> float:
    try:
        return float(os.environ.get("RELINT_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT))
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT


def lock_path(path: str | Path) -> Path:
    """The lock file guarding ``path``: a hidden ``.relint.lock`` in its folder.

    One lock per folder: add-activity must see every quarter file unchanged
    while it picks a unique id, and an export should not litter the user's
    folder with one lock file per report.
    """
    return Path(path).parent / ".relint.lock"


def export_lock_path(path: str | Path) -> Path:
    """The lock file guarding an export: in the temp folder, named after the target.

    An export's folder is the user's (a desktop, a shared drive); it gets the
    report and nothing else.
    """
    digest = hashlib.sha1(str(Path(path).resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"relint-export-{digest}.lock"


@contextlib.contextmanager
def locked(path: str | Path, timeout: float | None = None, *, lock_file: Path | None = None) -> Iterator[None]:
    """Hold the lock guarding ``path`` (or ``lock_file``) for the duration of the block."""
    # filelock only when a command writes.
    from filelock import FileLock, Timeout

    path = Path(path)
    wait = _lock_timeout() if timeout is None else timeout
    lock = FileLock(str(lock_file or lock_path(path)), timeout=wait)
    try:
        lock.acquire()
    except Timeout:
        raise LockTimeout("locked", path=str(path), seconds=f"{wait:g}") from None
    try:
        yield
    finally:
        lock.release()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def append_bytes(path: str | Path, data: bytes) -> None:
    """Append ``data`` to ``path`` with one write on an O_APPEND fd, then fsync.

    The caller holds the lock. Raises :class:`WriteError` on OS errors.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    except OSError as exc:
        raise WriteError("cannot-open", path=str(path), reason=exc.strerror) from None
    try:
        _write_all(fd, data)
        os.fsync(fd)
    except OSError as exc:
        raise WriteError("cannot-append", path=str(path), reason=exc.strerror) from None
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def replace_file(path: str | Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically; the caller holds the lock.

    On any error the temporary file is removed, the old file is untouched
    and :class:`WriteError` says why.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise WriteError("cannot-write-in", folder=str(folder), reason=exc.strerror) from None
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(temp, path.stat().st_mode & 0o777)
        else:
            with contextlib.suppress(OSError):
                os.chmod(temp, 0o644)
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise WriteError("cannot-replace", path=str(path), reason=exc.strerror) from None
    _fsync_folder(folder)


def write_atomic(path: str | Path, data: bytes, *, overwrite: bool) -> None:
    """Write a whole file (an export) atomically under its lock.

    Refuses to replace an existing file unless ``overwrite``.
    """
    path = Path(path)
    if not path.parent.exists():
        raise WriteError("no-output-folder", folder=str(path.parent))
    with locked(path, lock_file=export_lock_path(path)):
        if path.exists() and not overwrite:
            raise OutputExists("output-exists", path=str(path))
        replace_file(path, data)
