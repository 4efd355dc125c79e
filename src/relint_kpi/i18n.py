"""Every user-visible label that exists in two languages, in one place.

Titles of plan items come from the plan's ``{it, en}`` fields; everything
else (column headings, status words, section titles) comes from
:data:`LABELS`. Italian is the default language: it is the plan's language.
"""

from __future__ import annotations

DEFAULT_LANG = "it"

LABELS: dict[str, dict[str, str]] = {
    # -- status words ---------------------------------------------------------
    "status.achieved": {"it": "raggiunto", "en": "achieved"},
    "status.on_track": {"it": "in linea", "en": "on track"},
    "status.at_risk": {"it": "a rischio", "en": "at risk"},
    "status.behind": {"it": "in ritardo", "en": "behind"},
    # -- plan view ------------------------------------------------------------
    "plan.results": {"it": "Risultati attesi, indicatori e target", "en": "Expected results, indicators and targets"},
    "plan.result": {"it": "Risultato atteso", "en": "Expected result"},
    "plan.objectives": {"it": "Obiettivi", "en": "Objectives"},
    "plan.indicator": {"it": "Indicatore", "en": "Indicator"},
    "plan.unit": {"it": "Unità", "en": "Unit"},
    "plan.basis": {"it": "Base", "en": "Basis"},
    "plan.basis.annual": {"it": "annuale", "en": "annual"},
    "plan.basis.cumulative": {"it": "cumulativa", "en": "cumulative"},
    "plan.target": {"it": "Target", "en": "Target"},
    "plan.territories": {"it": "Territori target prioritari", "en": "Priority target territories"},
    "plan.group": {"it": "Gruppo", "en": "Group"},
    "plan.territory": {"it": "Territorio", "en": "Territory"},
    "plan.code": {"it": "Codice", "en": "Code"},
    "plan.actions": {"it": "Azioni internazionali di rilevanza sistemica", "en": "Systemic international actions"},
    "plan.action": {"it": "Azione", "en": "Action"},
    "plan.timing": {"it": "Tempistica", "en": "Timing"},
    "plan.deliverables": {"it": "Output/deliverable", "en": "Deliverables"},
    "plan.also": {"it": "anche", "en": "also"},
    # -- status ---------------------------------------------------------------
    # -- report ---------------------------------------------------------------
}


def t(key: str, lang: str = DEFAULT_LANG) -> str:
    """The label ``key`` in ``lang``; the key itself when it is not catalogued."""
    entry = LABELS.get(key)
    if entry is None:
        return key
    return entry.get(lang) or entry[DEFAULT_LANG]
