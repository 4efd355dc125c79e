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
    "plan.basis.level": {"it": "livello", "en": "level"},
    "report.col.baseline": {"it": "Base (anno)", "en": "Baseline (year)"},
    "plan.target": {"it": "Target", "en": "Target"},
    "plan.territories": {"it": "Territori target prioritari", "en": "Priority target territories"},
    "plan.group": {"it": "Gruppo", "en": "Group"},
    "plan.territory": {"it": "Territorio", "en": "Territory"},
    "plan.code": {"it": "Codice", "en": "Code"},
    "plan.actions": {"it": "Azioni internazionali di rilevanza sistemica", "en": "Systemic international actions"},
    "plan.action": {"it": "Azione", "en": "Action"},
    "plan.timing": {"it": "Tempistica", "en": "Timing"},
    "plan.deliverables": {"it": "Output/deliverable", "en": "Deliverables"},
    "plan.activities": {"it": "Attività", "en": "Activities"},
    "plan.countries": {"it": "Paesi del gruppo", "en": "Countries in the group"},
    # -- status ---------------------------------------------------------------
    "status.year": {"it": "anno", "en": "year"},
    "status.as_of": {"it": "dati al", "en": "as of"},
    "status.indicator": {"it": "Indicatore", "en": "Indicator"},
    "status.col.target": {"it": "Target", "en": "Target"},
    "status.col.actual": {"it": "Effettivo", "en": "Actual"},
    "status.col.percent": {"it": "%", "en": "%"},
    "status.col.expected_to_date": {"it": "Atteso a oggi", "en": "Expected"},
    "status.col.projected": {"it": "Proiezione", "en": "Projected"},
    "status.col.remaining": {"it": "Mancano", "en": "Remaining"},
    "status.col.required_per_quarter": {"it": "Ritmo/trim.", "en": "Needed/qtr"},
    "status.col.status": {"it": "Stato", "en": "Status"},
    "status.dropped": {
        "it": "Colonne omesse per mancanza di spazio (per vederle: terminale più largo, --format md o --format csv): {columns}",
        "en": "Columns left out for lack of width (to see them: a wider terminal, --format md or --format csv): {columns}",
    },
    "status.legend": {
        "it": "Atteso a oggi: target in proporzione ai trimestri trascorsi. Proiezione: a fine anno al ritmo attuale. "
        "Ritmo/trim.: quanto serve per ogni trimestre restante.",
        "en": "Expected: the target pro-rated by the quarters elapsed. Projected: year end at the current pace. "
        "Needed/qtr: what each remaining quarter must add.",
    },
    "status.legend.forecast": {
        "it": "Tra parentesi: l'intervallo di previsione a fine anno ({interval} %), poi la probabilità di raggiungere il target "
        "(modello di Poisson al ritmo finora, con l'incertezza sul ritmo; vedi il README).",
        "en": "In brackets: the year-end forecast interval ({interval} %), then the chance of reaching the target "
        "(a Poisson model at the pace so far, with the pace's uncertainty; see the README).",
    },
    "status.baseline": {"it": "base", "en": "baseline"},
    "explain.where": {"it": "File:riga", "en": "File:line"},
    "explain.id": {"it": "Id", "en": "Id"},
    "explain.date": {"it": "Data", "en": "Date"},
    "explain.amount": {"it": "Conta", "en": "Counts"},
    "explain.title": {"it": "Titolo", "en": "Title"},
    "explain.total": {"it": "Totale", "en": "Total"},
    "explain.rows": {"it": "righe", "en": "rows"},
    "breakdown.other_territories": {"it": "altri territori", "en": "other territories"},
    "breakdown.other": {"it": "altro", "en": "other"},
    "breakdown.none": {"it": "n/d (senza territorio)", "en": "n/a (no territory)"},
    "breakdown.internal": {"it": "interni all'amministrazione", "en": "internal to the administration"},
    "breakdown.external": {"it": "esterni", "en": "external"},
    # -- report ---------------------------------------------------------------
    "report.title": {"it": "Relazione annuale {year}", "en": "Year-end report {year}"},
    "report.as_of": {"it": "Dati al", "en": "Data as of"},
    "report.generated_at": {"it": "Generata il", "en": "Generated at"},
    "report.activities_total": {"it": "Attività nell'anno", "en": "Activities in the year"},
    "report.region": {"it": "Regione", "en": "Region"},
    "report.office": {"it": "Ufficio", "en": "Office"},
    "report.plan": {"it": "Piano", "en": "Plan"},
    "report.year": {"it": "Anno", "en": "Year"},
    "report.section.headline": {"it": "Sintesi degli indicatori", "en": "Indicator headline"},
    "report.section.results": {"it": "Risultati attesi e obiettivi", "en": "Expected results and objectives"},
    "report.section.activity": {"it": "Attività per territorio e tipo", "en": "Activity by territory and type"},
    "report.section.stakeholders": {"it": "Stakeholder coinvolti", "en": "Stakeholders involved"},
    "report.section.actions": {"it": "Azioni di rilevanza sistemica", "en": "Systemic actions"},
    "report.section.criteria": {"it": "Criteri di valutazione", "en": "Evaluation criteria"},
    "report.section.attention": {"it": "Punti di attenzione", "en": "Needs attention"},
    "report.sheet.info": {"it": "Relazione", "en": "Report"},
    "report.sheet.headline": {"it": "Sintesi", "en": "Headline"},
    "report.sheet.results": {"it": "Risultati", "en": "Results"},
    "report.sheet.activity": {"it": "Territori e tipi", "en": "Territories and types"},
    "report.sheet.stakeholders": {"it": "Stakeholder", "en": "Stakeholders"},
    "report.sheet.actions": {"it": "Azioni", "en": "Actions"},
    "report.sheet.criteria": {"it": "Criteri", "en": "Criteria"},
    "report.sheet.attention": {"it": "Attenzione", "en": "Attention"},
    "report.chart.indicators": {"it": "Effettivo rispetto al target", "en": "Actual against target"},
    "report.chart.groups": {"it": "Attività per gruppo di territori", "en": "Activity by territory group"},
    "report.block.by_group": {"it": "Per gruppo di territori", "en": "By territory group"},
    "report.block.by_territory": {"it": "Per territorio prioritario", "en": "By priority territory"},
    "report.block.by_type": {"it": "Per tipo di attività", "en": "By activity type"},
    "report.block.by_internal": {"it": "Interni ed esterni all'amministrazione", "en": "Internal and external"},
    "report.block.by_category": {"it": "Per categoria", "en": "By category"},
    "report.col.indicator": {"it": "Indicatore", "en": "Indicator"},
    "report.col.unit": {"it": "Unità", "en": "Unit"},
    "report.col.target": {"it": "Target", "en": "Target"},
    "report.col.actual": {"it": "Effettivo", "en": "Actual"},
    "report.col.percent": {"it": "%", "en": "%"},
    "report.col.status": {"it": "Stato", "en": "Status"},
    "report.col.target_year": {"it": "Target {year}", "en": "Target {year}"},
    "report.col.actual_year": {"it": "Effettivo {year}", "en": "Actual {year}"},
    "report.col.percent_year": {"it": "% {year}", "en": "% {year}"},
    "report.col.group": {"it": "Gruppo", "en": "Group"},
    "report.col.territory": {"it": "Territorio", "en": "Territory"},
    "report.col.type": {"it": "Tipo di attività", "en": "Activity type"},
    "report.col.activities": {"it": "Attività", "en": "Activities"},
    "report.col.participants": {"it": "Partecipanti", "en": "Participants"},
    "report.col.stakeholders": {"it": "Stakeholder", "en": "Stakeholders"},
    "report.col.active": {"it": "Attivi nell'anno", "en": "Active in the year"},
    "report.col.new": {"it": "Nuovi", "en": "New"},
    "report.col.returning": {"it": "Di ritorno", "en": "Returning"},
    "report.col.both_years": {"it": "Attivi in entrambi gli anni", "en": "Active in both years"},
    "report.col.category": {"it": "Categoria", "en": "Category"},
    "report.col.action_id": {"it": "ID", "en": "ID"},
    "report.col.action": {"it": "Azione", "en": "Action"},
    "report.col.timing": {"it": "Tempistica", "en": "Timing"},
    "report.col.activities_year": {"it": "Attività nell'anno", "en": "Activities in the year"},
    "report.col.deliverable_date": {"it": "Data deliverable", "en": "Deliverable date"},
    "report.col.deliverable": {"it": "Deliverable", "en": "Deliverable"},
    "report.col.date": {"it": "Data", "en": "Date"},
    "report.col.follow_up": {"it": "Attività di seguito", "en": "Follow-up activity"},
    "report.col.quarters": {"it": "Trimestri con attività", "en": "Quarters with activity"},
    "report.col.quarter_count": {"it": "N. trimestri", "en": "Quarters"},
    "report.col.years_active": {"it": "Anni con attività", "en": "Years with activity"},
    "report.col.continuous": {"it": "Continuità", "en": "Continuous"},
    "report.col.sector": {"it": "Settore regionale", "en": "Regional sector"},
    "report.col.actions": {"it": "Azioni", "en": "Actions"},
    "report.col.actions_with_activity": {"it": "Azioni con attività", "en": "Actions with activity"},
    "report.col.covered": {"it": "Coperto", "en": "Covered"},
    "report.col.figure": {"it": "Misura", "en": "Measure"},
    "report.col.value": {"it": "Valore", "en": "Value"},
    "report.col.out_of": {"it": "Su", "en": "Out of"},
    "report.col.attention": {"it": "Punto di attenzione", "en": "Item"},
    "report.quarter_prefix": {"it": "T", "en": "Q"},
    "report.internal": {"it": "Interni", "en": "Internal"},
    "report.external": {"it": "Esterni", "en": "External"},
    "report.other_territories": {"it": "Altri territori", "en": "Other territories"},
    "report.yes": {"it": "sì", "en": "yes"},
    "report.no": {"it": "no", "en": "no"},
    "report.empty": {"it": "Nessun dato.", "en": "No data."},
    "report.action.done": {"it": "completata", "en": "done"},
    "report.action.in_progress": {"it": "in corso", "en": "in progress"},
    "report.action.not_started": {"it": "non avviata", "en": "not started"},
    "report.action.overdue": {"it": "scaduta", "en": "overdue"},
    "report.results.objectives": {"it": "Obiettivi", "en": "Objectives"},
    "report.results.achievement": {
        "it": "Indicatori raggiunti: {achieved} su {total}; raggiungimento medio {percent}%",
        "en": "Indicators achieved: {achieved} of {total}; average achievement {percent}%",
    },
    "report.fig.territories_active": {
        "it": "Territori prioritari con attività nell'anno",
        "en": "Priority territories with activity in the year",
    },
    "report.fig.territories_continuous": {
        "it": "Territori prioritari attivi in ogni anno del piano",
        "en": "Priority territories active in every plan year",
    },
    "report.fig.territory_quarters": {
        "it": "Trimestri con attività (territori × trimestri trascorsi)",
        "en": "Quarters with activity (territories × quarters elapsed)",
    },
    "report.fig.actions_with_activity": {"it": "Azioni con attività nell'anno", "en": "Actions with activity in the year"},
    "report.fig.sectors_covered": {
        "it": "Settori regionali coinvolti da azioni con attività",
        "en": "Regional sectors involved through actions with activity",
    },
    "report.fig.stakeholders_active": {"it": "Stakeholder attivi nell'anno", "en": "Stakeholders active in the year"},
    "report.fig.stakeholders_new": {"it": "Nuovi nell'anno", "en": "New in the year"},
    "report.fig.stakeholders_returning": {"it": "Di ritorno da anni precedenti", "en": "Returning from earlier years"},
    "report.fig.stakeholders_both_years": {
        "it": "Attivi sia quest'anno sia l'anno precedente",
        "en": "Active both this year and the year before",
    },
    "report.fig.follow_up_activities": {
        "it": "Attività di seguito dopo un deliverable",
        "en": "Follow-up activities after a deliverable",
    },
    "report.fig.actions_with_follow_up": {
        "it": "Azioni completate con attività di seguito",
        "en": "Completed actions with follow-up activity",
    },
    "report.attention.indicator": {
        "it": "Indicatore «{title}»: {status}, {actual} su {target} ({percent}% del target).",
        "en": "Indicator “{title}”: {status}, {actual} of {target} ({percent}% of target).",
    },
    "report.attention.action": {
        "it": "Azione {id} «{title}»: finestra chiusa il {end} senza deliverable registrato.",
        "en": "Action {id} “{title}”: its window closed on {end} with no deliverable recorded.",
    },
    "report.attention.territory": {
        "it": "Territorio prioritario {name}: nessuna attività nel {year}.",
        "en": "Priority territory {name}: no activity in {year}.",
    },
    "report.attention.none": {"it": "Nessun punto di attenzione.", "en": "Nothing needs attention."},
    # -- recording: add-activity, add-stakeholder, complete-action, import-pageviews --
    "recorded.in": {"it": "Registrato in {where}", "en": "Recorded in {where}"},
    "recorded.replaced": {"it": " (sostituite {count} righe precedenti)", "en": " (replaced {count} earlier row(s))"},
    "recorded.dry_run": {
        "it": "Prova: la riga andrebbe in {where} (nulla è stato scritto):",
        "en": "Dry run: would append to {where} (nothing written):",
    },
    "recorded.matched": {
        "it": "{matched} righe su {rows} dell'export corrispondono; visualizzazioni: {value}",
        "en": "{matched} of {rows} export rows matched; page views: {value}",
    },
    "recorded.types": {"it": "Tipi", "en": "Types"},
    "recorded.territories": {
        "it": "Territori prioritari: {codes} — o un qualsiasi codice ISO 3166",
        "en": "Priority territories: {codes} — or any ISO 3166 code",
    },
}


def t(key: str, lang: str = DEFAULT_LANG) -> str:
    """The label ``key`` in ``lang``; the key itself when it is not catalogued."""
    entry = LABELS.get(key)
    if entry is None:
        return key
    return entry.get(lang) or entry[DEFAULT_LANG]
