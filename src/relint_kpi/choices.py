"""One resolver for every choice a user names: by id or by label, in either language.

``--category``, ``--indicator``, ``--type``, ``--territory`` and ``--action``
(and the action argument of ``complete-action``) accept the plan's id or
its label in Italian or English, case-insensitively. A name that matches
nothing is refused with the choices listed as ``label (id)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from relint_kpi.issues import UsageError
from relint_kpi.territories import TerritoryIndex

if TYPE_CHECKING:
    from relint_kpi.plan import Plan

#: The kinds of choice :func:`resolve_choice` knows.
KINDS = ("category", "indicator", "type", "territory", "action")

#: The message refusing a name that matches no choice of each kind.
_UNKNOWN = {kind: f"choice.unknown.{kind}" for kind in KINDS}


def choices(plan: Plan, kind: str) -> list[tuple[str, dict[str, str], tuple[str, ...]]]:
    """``(id, {lang: label}, aliases)`` of every choice of ``kind`` in the plan, in plan order."""
    if kind == "category":
        return [(c.id, c.label.model_dump(), ()) for c in plan.stakeholder_categories]
    if kind == "indicator":
        return [(i.id, i.title.model_dump(), ()) for i in plan.indicators]
    if kind == "type":
        return [(k.id, k.label.model_dump(), tuple(k.aliases)) for k in plan.activity_types]
    if kind == "territory":
        return [(p.code, p.name.model_dump(), ()) for _, p in plan.all_territories()]
    if kind == "action":
        return [(a.id, a.title.model_dump(), ()) for a in plan.actions]
    raise ValueError(f"unknown kind of choice {kind!r}")


def listed(plan: Plan, kind: str, lang: str) -> str:
    """The choices of ``kind`` as the user reads them: ``label (id), …`` in ``lang``."""
    return ", ".join(f"{label.get(lang) or label.get('it')} ({key})" for key, label, _ in choices(plan, kind))


def resolve_choice(plan: Plan, kind: str, text: str, lang: str = "it") -> str:
    """The id that ``text`` names among the plan's choices of ``kind``.

    ``text`` may be the id, the label in Italian or English or (types) an
    alias, in any case. A territory may also be any ISO 3166 code or a
    country's name ("Germania"). Raises :class:`UsageError` listing the
    choices by label and id when nothing matches.
    """
    wanted = text.strip().casefold()
    if kind == "territory":
        code = TerritoryIndex(plan).resolve(text) if wanted else None
        if code is not None:
            return code
    else:
        for key, label, aliases in choices(plan, kind):
            if wanted in {key.casefold(), *(v.casefold() for v in label.values() if v), *(a.casefold() for a in aliases)}:
                return key
    raise UsageError(_UNKNOWN[kind], text=text, choices=listed(plan, kind, lang))
