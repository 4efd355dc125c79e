"""choices.resolve_choice (ids or labels, either language) and territories.priority_inside."""

from __future__ import annotations

import pytest

from relint_kpi.choices import KINDS, resolve_choice
from relint_kpi.issues import UsageError
from relint_kpi.plan import load_plan
from relint_kpi.territories import priority_inside


@pytest.mark.parametrize(
    "kind, text, expected",
    [
        ("category", "Università", "university"),
        ("category", " local authority ", "local_authority"),
        ("indicator", "Nuovi Stakeholder", "new_stakeholders"),
        ("type", "visualizzazioni", "pageviews"),
        ("type", "Page views", "pageviews"),
        ("territory", "assia", "DE-HE"),
        ("territory", "se", "SE"),
        ("territory", "Belgio", "BE"),
        ("action", "A2", "a2"),
        ("action", "Intesa con l'Assia", "a1"),
    ],
)
def test_ids_and_labels_resolve(mini_plan, kind, text, expected):
    assert resolve_choice(mini_plan, kind, text) == expected


def test_a_refusal_lists_labels_and_ids_in_the_language(mini_plan):
    with pytest.raises(UsageError) as caught:
        resolve_choice(mini_plan, "type", "visita", "en")
    assert str(caught.value) == (
        "unknown activity type 'visita' — choose one of: Delegation (delegation), Meeting (meeting), Event (event), "
        "Mission (mission), Note (note), Page views (pageviews)"
    )
    for kind in KINDS:
        with pytest.raises(UsageError):
            resolve_choice(mini_plan, kind, "   ")


def test_priority_territories_inside_a_country_or_a_region(mini_plan_path):
    text = mini_plan_path.read_text(encoding="utf-8").replace(
        "      - {code: SE, name: {it: Svezia, en: Sweden}}\n",
        "      - {code: SE, name: {it: Svezia, en: Sweden}}\n      - {code: FR-33, name: {it: Gironda, en: Gironde}}\n",
    )
    mini_plan_path.write_text(text, encoding="utf-8")
    plan, issues = load_plan(mini_plan_path)
    assert issues == []
    assert priority_inside(plan, "DE") == ["DE-HE"]
    assert priority_inside(plan, "FR-NAQ") == ["FR-33"]  # pycountry knows the department's region
    assert priority_inside(plan, "FR") == ["FR-33"]
    assert priority_inside(plan, "DE-HE") == [] and priority_inside(plan, "IT") == []
