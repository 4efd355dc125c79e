"""The one language of a run, chosen before anything is parsed or printed.

In order: ``--lang it|en`` anywhere on the command line (before or after the
command); ``RELINT_LANG``; the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``,
the first set: ``it_*`` is Italian, any other language English); and where
the locale names no language (``C``, ``POSIX``, unset), the plan's own
``metadata.language`` (Italian when it declares none).

It is chosen from the raw arguments because ``--help`` is written before
the options are parsed. Standard library only: the plan's language is read
from its text with one pattern, not by loading the plan.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Mapping, Sequence

from relint_kpi.i18n import DEFAULT_LANG, LANGUAGES

#: The plan file used when neither --plan nor RELINT_PLAN names one.
DEFAULT_PLAN = Path("data/plan_2022_2023.yaml")

_METADATA = re.compile(r"^metadata:[ \t]*(?:#.*)?$", re.MULTILINE)
_LANGUAGE = re.compile(r"^[ \t]+language:[ \t]*[\"']?([A-Za-z]{2})[\"']?[ \t]*(?:#.*)?$", re.MULTILINE)
_TOP_LEVEL = re.compile(r"^[^\s#]", re.MULTILINE)


def option_value(args: Sequence[str], name: str) -> str | None:
    """The last value given to option ``name`` in ``args`` (``--name V`` or ``--name=V``), before ``--``."""
    found = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == name and index + 1 < len(args):
            found = args[index + 1]
        elif arg.startswith(name + "="):
            found = arg[len(name) + 1 :]
    return found


def locale_language(environ: Mapping[str, str]) -> str | None:
    """``it`` or ``en`` from the locale variables; None when the locale names no language."""
    locale = next((environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)), "")
    language = locale.split(".")[0].split("@")[0].split("_")[0].lower()
    if not language or language in ("c", "posix"):
        return None
    return "it" if language == "it" else "en"


def plan_language(path: Path) -> str | None:
    """The ``metadata.language`` a plan file declares (``it`` or ``en``), read from its text; None if none."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    start = _METADATA.search(text)
    if start is None:
        return None
    following = _TOP_LEVEL.search(text, start.end())
    block = text[start.end() : following.start() if following else len(text)]
    found = _LANGUAGE.search(block)
    language = found[1].lower() if found else None
    return language if language in LANGUAGES else None


def resolve(option: str | None, environ: Mapping[str, str], plan_lang: Callable[[], str | None] | None = None) -> str:
    """The run's language from ``--lang``'s value, the environment and (last) ``plan_lang()``."""
    for chosen in (option, environ.get("RELINT_LANG")):
        if chosen and chosen.lower() in LANGUAGES:
            return chosen.lower()
    found = locale_language(environ) or (plan_lang() if plan_lang is not None else None)
    return found if found in LANGUAGES else DEFAULT_LANG


def from_command_line(args: Sequence[str], environ: Mapping[str, str]) -> str:
    """The run's language for the command line ``args`` (without the program name)."""
    plan = option_value(args, "--plan") or environ.get("RELINT_PLAN") or str(DEFAULT_PLAN)
    return resolve(option_value(args, "--lang"), environ, lambda: plan_language(Path(plan)))
