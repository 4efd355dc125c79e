"""Telling near-misses from strangers: close spellings and similar titles (difflib).

Two uses, one notion of "close": a word a user typed that names nothing
(``incontor``) is answered with the closest words that do, and two activity
rows of the same day, type and territory whose titles nearly match are a
likely duplicate. Standard library only: the recording commands use it
without pandas.
"""

from __future__ import annotations

import difflib
import re
from typing import Iterable

#: How alike two titles must be (difflib's ratio, 0–1) to call two rows a likely duplicate.
TITLE_SIMILARITY = 0.8


def normalised(text: str) -> str:
    """``text`` casefolded, its runs of blanks made one space, trimmed."""
    return " ".join(text.casefold().split())


def similar_titles(first: str, second: str) -> bool:
    """True when two titles are the same but for case and spacing, or differ by a few letters."""
    a, b = normalised(first), normalised(second)
    if a == b:
        return True
    if _numbers(a) != _numbers(b):
        return False  # "Riunione 1" and "Riunione 2" are two meetings, not one typed twice
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= TITLE_SIMILARITY


def _numbers(text: str) -> list[str]:
    """The runs of digits in ``text``, in order."""
    return re.findall(r"[0-9]+", text)


def closest(word: str, choices: Iterable[str], limit: int = 3) -> list[str]:
    """The choices closest to ``word`` (case-insensitive), best first, as the choices spell them.

    A choice that starts with or contains what was typed (``Bol`` for
    ``Comune di Bologna``) comes first; then difflib's close matches.
    """
    wanted = normalised(word)
    if not wanted:
        return []
    spelled: dict[str, str] = {}
    for choice in choices:
        spelled.setdefault(normalised(choice), choice)
    found = [key for key in spelled if key.startswith(wanted)]
    found += [key for key in spelled if wanted in key and key not in found]
    found += [key for key in difflib.get_close_matches(wanted, list(spelled), n=limit, cutoff=0.6) if key not in found]
    return [spelled[key] for key in found[:limit]]
