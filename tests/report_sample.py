"""A hand-built year-end report for the renderer tests (no plan, no CSV).

``hostile`` puts attack strings in every text the data or the plan could
control: titles, labels, notes, sentences.
"""

from __future__ import annotations

import datetime as dt

from relint_kpi.report import (
    ActionRow,
    AttentionItem,
    CountRow,
    Criterion,
    Figure,
    HeadlineRow,
    IndicatorSheet,
    Labelled,
    Report,
    ResultSummary,
    SheetYear,
    StakeholderRow,
)

#: Texts that must come out inert in every format.
HOSTILE = [
    "<script>alert(1)</script>",
    '" onmouseover="x',
    "javascript:alert(1)",
    '=HYPERLINK("http://evil.example","x")',
    "+1",
    "-2+3",
    "@SUM(A1)",
    "\tTAB",
    "\rCR",
    "{=1+1}",
]


def sample_report(*, lang: str = "it", hostile: bool = False, generated_at: str = "2024-01-15T10:00:00Z") -> Report:
    """A small complete report: 3 indicators, 2 results, 2 actions, 4 criteria."""

    def text(index: int, plain: str) -> str:
        return HOSTILE[index % len(HOSTILE)] if hostile else plain

    headline = [
        HeadlineRow("delegations", text(0, "Delegazioni ricevute"), "delegazioni", "annual", 8, 10, 125.0, "achieved", 4, 5, 125.0, "achieved"),
        HeadlineRow("meetings", text(1, "Incontri"), "incontri", "cumulative", 10, 6, 60.0, "behind", 4, 3, 75.0, "at_risk"),
        HeadlineRow(
            "views", text(2, "Visualizzazioni"), "visualizzazioni", "annual", 2000, 1730, 86.5, "at_risk", 1000, 1200, 120.0, "achieved",
            reason=text(3, "Sito fermo ad agosto."), next_steps=text(4, "Nuova pagina."),
        ),
    ]
    return Report(
        plan=text(3, "Piano di prova"),
        region="Regione di prova",
        office="Ufficio di prova",
        year=2023,
        as_of=dt.date(2023, 12, 31),
        lang=lang,
        generated_at=generated_at,
        previous_year=2022,
        activities_total=23,
        headline=headline,
        results=[
            ResultSummary("r1", text(4, "Risultato uno"), [Labelled("1", text(5, "Obiettivo uno"))], ["delegations", "meetings"], 1, 80.0),
            ResultSummary("r2", "Risultato due", [Labelled("2", "Obiettivo due")], ["views"], 0, 86.5),
        ],
        by_group=[
            CountRow("europe", text(6, "Regioni europee"), None, 15, 40),
            CountRow("asia", "Asia", None, 5, 0),
            CountRow("other", None, None, 3, 0),
        ],
        by_territory=[
            CountRow("DE-HE", text(7, "Assia"), "Regioni europee", 15, 40),
            CountRow("SE", "Svezia", "Regioni europee", 0, 0),
            CountRow("CN", "Cina", "Asia", 5, 0),
            CountRow("other", None, None, 3, 0),
        ],
        by_type=[CountRow("delegation", "Delegazione", None, 10, 0), CountRow("event", "Evento", None, 13, 40)],
        stakeholders_by_internal=[StakeholderRow("internal", None, 2, 1, 1), StakeholderRow("external", None, 5, 3, 2)],
        stakeholders_by_category=[StakeholderRow("university", text(8, "Università"), 4, 2, 2)],
        actions=[
            ActionRow("a1", text(9, "Intesa con l'Assia"), "Assia", "Aprile-maggio 2022", dt.date(2022, 4, 1), dt.date(2022, 5, 31), 3, 5, dt.date(2022, 5, 20), text(0, "Intesa firmata"), "done"),
            ActionRow("a2", "Relazioni con la Cina", "Cina", "2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31), 0, 0, None, None, "in_progress"),
        ],
        criteria=[
            Criterion(
                "continuity",
                "Continuità",
                "relations_continuity",
                [Figure("territories_active", 2, 3, 66.7), Figure("territories_continuous", -1)],
                [
                    {"territory": "Assia", "group": "Regioni europee", "quarters": [1, 2, 4], "quarter_count": 3, "years_active": [2022, 2023], "continuous": True},
                    {"territory": "Svezia", "group": "Regioni europee", "quarters": [], "quarter_count": 0, "years_active": [2022], "continuous": False},
                ],
            ),
            Criterion("stakeholders", "Stakeholder", "stakeholder_continuity", [Figure("stakeholders_both_years", None)], []),
            Criterion(
                "spillover",
                "Spillover",
                "spillover",
                [Figure("follow_up_activities", 2)],
                [
                    {"action": "a1", "action_title": "Intesa con l'Assia", "deliverable_date": dt.date(2022, 5, 20), "date": dt.date(2023, 3, 1), "title": text(1, "Visita di ritorno"), "territory": "Assia", "activities": 1},
                    {"action": "a1", "action_title": "Intesa con l'Assia", "deliverable_date": dt.date(2022, 5, 20), "date": dt.date(2023, 6, 1), "title": "-5", "territory": "", "activities": 1},
                ],
            ),
        ],
        attention=[AttentionItem("indicator", "meetings", reason_missing=True), AttentionItem("territory", "SE")],
        closed=True,
        previous_as_of=dt.date(2022, 12, 31),
        other_in_groups=2,
        indicator_sheets=[
            IndicatorSheet(
                "views",
                text(2, "Visualizzazioni"),
                "visualizzazioni",
                "annual",
                "metric",
                text(5, "Visualizzazioni pagina web"),
                text(6, "Pagina del sito"),
                [],
                dt.date(2022, 1, 1),
                [SheetYear(2022, 1000, 1200, 120.0, "achieved", dt.date(2022, 12, 31)), SheetYear(2023, 2000, 1730, 86.5, "at_risk", dt.date(2023, 12, 31))],
            )
        ],
    )
