"""A cache of the validated plan, so quick commands do not re-check the plan file each time.

Checking a plan parses its YAML, checks its territory codes against
pycountry's ISO 3166 lists and cross-checks its references: on 2026-12-02
``add-activity --dry-run`` took 0.88 times as long with the cache as
without (the benchmark's "plan cache off" row). An entry holds the validated plan as JSON text, never code: the
caller turns it back into the plan with pydantic, which checks its shape.

An entry is keyed by the plan file's bytes and by what decides whether a
plan is valid (relint's plan-checking modules, pydantic's releases and
pycountry's ISO files), so any edit of either misses the cache. Its first line is a
SHA-256 of the key and the payload, checked on every read: an entry that
was damaged, cut short or planted under another key is ignored (and
replaced). Writing is best-effort and atomic; a cache that cannot be read
or written is simply not used.

``RELINT_NO_CACHE=1`` switches it off; ``RELINT_CACHE_DIR`` moves it
(default ``$XDG_CACHE_HOME/relint`` or ``~/.cache/relint``).

A leaf module: it knows bytes and text, not plans.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import importlib.util
import tempfile
from pathlib import Path
from typing import Callable

#: The modules whose code decides what a valid plan is.
_PLAN_CODE = ("plan.py", "periods.py", "territories.py", "yamlsafe.py", "issues.py")


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is switched off."""
    if os.environ.get("RELINT_NO_CACHE"):
        return None
    chosen = os.environ.get("RELINT_CACHE_DIR")
    if chosen:
        return Path(chosen)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "relint"


def _key(raw: bytes) -> str:
    digest = hashlib.sha256(raw)
    here = Path(__file__).parent
    for name in _PLAN_CODE:
        digest.update((here / name).read_bytes())
    # The releases that judge a plan, read without importlib.metadata's scan of every
    # installed package (2 to 3 ms a package): pydantic's own version strings, and the
    # size and time of the ISO 3166 files pycountry checks codes against.
    import pydantic_core
    from pydantic.version import VERSION

    digest.update(f"pydantic={VERSION};pydantic_core={pydantic_core.__version__};".encode())
    spec = importlib.util.find_spec("pycountry")
    if spec is None or spec.origin is None:
        raise OSError("pycountry is not installed")
    for name in ("iso3166-1.json", "iso3166-2.json"):
        found = (Path(spec.origin).parent / "databases" / name).stat()
        digest.update(f"{name}={found.st_size}:{found.st_mtime_ns};".encode())
    return digest.hexdigest()


def _seal(key: str, payload: str) -> str:
    return hashlib.sha256(f"{key}\n{payload}".encode("utf-8")).hexdigest()


def remember(raw: bytes, make_payload: Callable[[], str | None]) -> tuple[str | None, bool]:
    """The payload cached for the plan file's bytes ``raw``, or ``make_payload()``'s, stored for next time.

    Returns ``(payload, from_cache)``. ``make_payload`` returns None when there
    is nothing to cache (an invalid plan); it is called only on a miss.
    """
    folder = cache_dir()
    try:
        key = _key(raw)
    except OSError:
        folder = None
    if folder is None:
        return make_payload(), False
    entry = folder / f"plan-{key[:40]}.json"
    with contextlib.suppress(OSError, UnicodeDecodeError):
        seal, _, payload = entry.read_text(encoding="utf-8").partition("\n")
        if seal == _seal(key, payload):
            return payload, True
    payload = make_payload()
    if payload is not None:
        _store(folder, entry, f"{_seal(key, payload)}\n{payload}")
    return payload, False


def _store(folder: Path, entry: Path, text: str) -> None:
    """Write an entry atomically; give up silently (a cache is never needed)."""
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".plan-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(temp, entry)
        except OSError:
            os.unlink(temp)
            raise
