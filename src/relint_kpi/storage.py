"""Locked, crash-safe writes: appending rows and replacing whole files.

Several people may run relint on the same shared folder at once, and a
laptop may crash mid-write. So:

* every write holds a lock on a separate ``.relint.lock`` file (filelock: the
  operating system releases it when a process dies, so a killed writer never
  blocks the next command; a lock held too long gives :class:`LockTimeout`);
  a lock that cannot be taken (a read-only folder, a folder or a symbolic
  link planted where the lock file goes) is a :class:`WriteError` saying
  what is wrong and what to do;
* an append encodes the whole row first and writes it with a single
  ``os.write`` on an ``O_APPEND`` descriptor, then ``fsync``: a crash leaves
  either the whole row or a torn last row that the reader reports. An append
  that fails (a full disk) is undone: the file is truncated back to its old
  size (a file the append created is removed), so it is byte for byte as it
  was;
* a replacement writes a temporary file in the same folder, ``fsync``\\s it,
  ``os.replace``\\s it over the target and ``fsync``\\s the folder: readers
  see the old file or the new one, never a mix. On any error the temporary
  file is removed and the old file is untouched. An export locks a hidden
  file beside its output for the duration of the write and removes it after;
  it never replaces a target that is not a regular file (a device, a FIFO, a
  folder, a symbolic link), even when asked to overwrite.

Every message exists in Italian and English: :class:`WriteError` carries an
:mod:`relint_kpi.i18n` key and its values, ``str()`` is the English text and
:meth:`WriteError.text` gives either.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Iterator

from relint_kpi.issues import Problem

DEFAULT_LOCK_TIMEOUT = 10.0


class WriteError(Problem):
    """A write could not be done; the message says what to do. Nothing was changed.

    ``WriteError(code, **params)``: a parameter may be a ``{it, en}`` dict (an
    OS error's reason, an advice), rendered in the message's language.
    """


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
    """The lock file guarding an export: hidden, beside the output, removed once the write is done.

    Not in the shared temp folder, where any local user could plant it at a
    name worked out in advance and block the export.
    """
    path = Path(path)
    return path.parent / f".{path.name}.relint-lock"


#: What an OS error means for the user, and what to do: ``errno → (reason, advice)``, each ``{it, en}``.
_NO_ACCESS_ADVICE = {
    "it": "chiedete l'accesso in scrittura alla cartella, o lavorate su una copia dei dati in una vostra cartella",
    "en": "ask for write access to the folder, or work on a copy of the data in a folder of yours",
}
_FREE_SPACE = {"it": "liberate spazio e riprovate", "en": "free some space and retry"}
_REASONS: dict[int, tuple[dict[str, str], dict[str, str]]] = {
    # (EDQUOT is missing on Windows: ENOSPC's entry is then written twice, the second wins.)
    getattr(errno, "EDQUOT", errno.ENOSPC): (
        {"it": "la vostra quota disco è esaurita", "en": "your disk quota is used up"},
        _FREE_SPACE,
    ),
    errno.ENOSPC: ({"it": "il disco è pieno", "en": "the disk is full"}, _FREE_SPACE),
    errno.EACCES: (
        {"it": "non avete il permesso di scrivervi", "en": "you have no permission to write there"},
        _NO_ACCESS_ADVICE,
    ),
    errno.EROFS: ({"it": "il file system è in sola lettura", "en": "the file system is read-only"}, _NO_ACCESS_ADVICE),
}
_REASONS[errno.EPERM] = _REASONS[errno.EACCES]

#: What a path that is not a regular file is, for messages: ``S_IFMT → ({it, en}, Italian "delete it")``.
_KINDS = {
    stat.S_IFDIR: ({"it": "una cartella", "en": "a folder"}, "cancellatela"),
    stat.S_IFLNK: ({"it": "un collegamento simbolico", "en": "a symbolic link"}, "cancellatelo"),
    stat.S_IFIFO: ({"it": "una FIFO (pipe con nome)", "en": "a FIFO (named pipe)"}, "cancellatela"),
    stat.S_IFSOCK: ({"it": "un socket", "en": "a socket"}, "cancellatelo"),
    stat.S_IFCHR: ({"it": "un dispositivo", "en": "a device"}, "cancellatelo"),
    stat.S_IFBLK: ({"it": "un dispositivo", "en": "a device"}, "cancellatelo"),
}


def _reason(exc: OSError) -> tuple[dict[str, str] | str, dict[str, str]]:
    """The reason and the advice for an OS error, in both languages (the system's text when unknown)."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return exc.strerror or str(exc), {"it": "riprovate; se si ripete, controllate il disco", "en": "retry; if it happens again, check the disk"}


def _odd_kind(path: Path) -> int | None:
    """The file type (``S_IFMT``) of ``path`` when it exists and is not a regular file, else None. Links are not followed."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None
    return None if stat.S_ISREG(mode) else stat.S_IFMT(mode)


def _lock_failed(lock: Path, exc: OSError) -> WriteError:
    """The error for a lock file that could not be opened: something planted in its place, or a folder relint cannot write."""
    kind = _odd_kind(lock)
    if kind is not None:
        what, delete = _KINDS.get(kind, ({"it": "un file speciale", "en": "a special file"}, "cancellatelo"))
        return WriteError("storage.lock_not_file", lock=lock, kind=what, delete={"it": delete, "en": "delete it"})
    if exc.errno in (errno.EACCES, errno.EPERM):
        reason = {
            "it": "non avete il permesso di scrivervi (la cartella è in sola lettura per voi)",
            "en": "you have no permission to write there (the folder is read-only for you)",
        }
        return WriteError("storage.cannot_write_in", folder=lock.parent, reason=reason, advice=_NO_ACCESS_ADVICE)
    reason, advice = _reason(exc)
    return WriteError("storage.cannot_write_in", folder=lock.parent, reason=reason, advice=advice)


@contextlib.contextmanager
def locked(path: str | Path, timeout: float | None = None, *, lock_file: Path | None = None, remove: bool = False) -> Iterator[None]:
    """Hold the lock guarding ``path`` (or ``lock_file``) for the duration of the block.

    ``remove``: delete the lock file before letting the lock go, so nothing is
    left behind (a process waiting on the deleted file notices and takes a
    fresh one: filelock checks the file is still linked once it holds it).
    """
    # filelock only when a command writes.
    from filelock import FileLock, Timeout

    path = Path(path)
    lock_file = Path(lock_file or lock_path(path))
    wait = _lock_timeout() if timeout is None else timeout
    lock = FileLock(str(lock_file), timeout=wait)
    if _odd_kind(lock_file) is not None:
        # A FIFO or a device would lock, but is not relint's: say so rather than use it.
        raise _lock_failed(lock_file, OSError(errno.EEXIST, "not a regular file"))
    try:
        lock.acquire()
    except Timeout:
        raise LockTimeout("storage.lock_timeout", path=path, wait=f"{wait:g}") from None
    except OSError as exc:
        raise _lock_failed(lock_file, exc) from None
    try:
        yield
    finally:
        if remove:
            with contextlib.suppress(OSError):
                os.unlink(lock_file)
        lock.release()


def make_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) if missing; :class:`WriteError` says why it cannot be."""
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        kind, _ = _KINDS.get(_odd_kind(folder) or 0, ({"it": "un file", "en": "a file"}, ""))
        raise WriteError("storage.folder_is_file", folder=folder, kind=kind) from None
    except OSError as exc:
        reason, advice = _reason(exc)
        raise WriteError("storage.cannot_write_in", folder=Path(folder).parent, reason=reason, advice=advice) from None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _undo_append(fd: int, path: Path, size: int | None) -> bool:
    """Cut the file back to ``size`` bytes and fsync it, or remove it when the append created it (``size`` None); True if done."""
    try:
        if size is None:
            try:
                os.unlink(path)
                return True
            except OSError:
                # Windows cannot remove an open file: an empty file reads as no file (relint writes the header).
                size = 0
        os.ftruncate(fd, size)
        os.fsync(fd)
        return True
    except OSError:
        return False


def append_bytes(path: str | Path, data: bytes) -> None:
    """Append ``data`` to ``path`` with one write on an O_APPEND fd, then fsync.

    The caller holds the lock. On an OS error (a full disk) whatever was
    written is undone, so the file is byte for byte as it was (a file the
    append created is removed), and :class:`WriteError` says why.
    """
    path = Path(path)
    existed = os.path.lexists(path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    except OSError as exc:
        reason, advice = _reason(exc)
        raise WriteError("storage.cannot_open", path=path, reason=reason, advice=advice) from None
    # Under the lock nobody else appends: the size now is where our row starts.
    size = os.fstat(fd).st_size if existed else None
    try:
        _write_all(fd, data)
        os.fsync(fd)
    except OSError as exc:
        reason, advice = _reason(exc)
        undone = _undo_append(fd, path, size)
        key = "storage.append_undone" if undone else "storage.append_torn"
        raise WriteError(key, path=path, reason=reason, advice=advice) from None
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
    and :class:`WriteError` says why. Through a symbolic link (one the caller
    allowed, inside the data folder) the file it points to is replaced, as an
    append would write there: the link stays a link.
    """
    path = Path(path)
    if path.is_symlink():
        path = path.resolve()
    folder = path.parent
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        reason, advice = _reason(exc)
        raise WriteError("storage.cannot_write_in", folder=folder, reason=reason, advice=advice) from None
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        with contextlib.suppress(OSError):
            os.chmod(temp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        reason, advice = _reason(exc)
        raise WriteError("storage.replace_failed", path=path, reason=reason, advice=advice) from None
    _fsync_folder(folder)


def refuse_odd_output(path: Path) -> None:
    """Raise :class:`WriteError` when ``path`` exists and is not a regular file (checked without following a link)."""
    kind = _odd_kind(path)
    if kind is not None:
        what, _ = _KINDS.get(kind, ({"it": "un file speciale", "en": "a special file"}, ""))
        raise WriteError("storage.output_not_file", path=path, kind=what)


def write_atomic(path: str | Path, data: bytes, *, overwrite: bool) -> None:
    """Write a whole file (an export) atomically under its lock.

    Refuses to replace an existing file unless ``overwrite``, and never
    replaces what is not a regular file (a device such as ``/dev/null``, a
    FIFO, a folder, a symbolic link). The lock is a hidden file beside
    ``path``, removed once the write is done.
    """
    path = Path(path)
    if not path.parent.exists():
        raise WriteError("storage.no_folder", folder=path.parent)
    refuse_odd_output(path)
    with locked(path, lock_file=export_lock_path(path), remove=True):
        refuse_odd_output(path)
        if path.exists() and not overwrite:
            raise OutputExists("output-exists", path=str(path))
        replace_file(path, data)
