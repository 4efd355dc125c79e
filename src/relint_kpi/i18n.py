"""Every user-visible label that exists in two languages, in one place.

Titles of plan items come from the plan's ``{it, en}`` fields; everything
else (column headings, status words, section titles) comes from
:data:`LABELS`. Italian is the default language: it is the plan's language.
"""

from __future__ import annotations

import string

DEFAULT_LANG = "it"

LABELS: dict[str, dict[str, str]] = {
    # -- status words ---------------------------------------------------------
    "status.achieved": {"it": "raggiunto", "en": "achieved"},
    "status.on_track": {"it": "in linea", "en": "on track"},
    "status.at_risk": {"it": "a rischio", "en": "at risk"},
    "status.behind": {"it": "in ritardo", "en": "behind"},
    "status.not_achieved": {"it": "non raggiunto", "en": "not achieved"},
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
    "status.legend.expected_to_date": {
        "it": "Atteso a oggi: target in proporzione ai trimestri trascorsi.",
        "en": "Expected: the target pro-rated by the quarters elapsed.",
    },
    "status.legend.projected": {"it": "Proiezione: a fine anno al ritmo attuale.", "en": "Projected: year end at the current pace."},
    "status.legend.required_per_quarter": {
        "it": "Ritmo/trim.: quanto serve per ogni trimestre restante (— ad anno concluso).",
        "en": "Needed/qtr: what each remaining quarter must add (— once the year is over).",
    },
    "status.legend.share": {
        "it": "Quota: parte del totale del piano registrata in questo territorio.",
        "en": "Share: the part of the whole plan's total recorded in this territory.",
    },
    "status.col.total": {"it": "Totale piano", "en": "Plan total"},
    "status.col.share": {"it": "Quota", "en": "Share"},
    "status.not_judged": {"it": "non valutato", "en": "not judged"},
    "status.filtered": {"it": "solo {name} ({code})", "en": "{name} ({code}) only"},
    "status.filtered.note": {
        "it": "Vista filtrata su {name} ({code}): attività in questo territorio e loro quota sul totale del piano. "
        "I target del piano valgono per l'intero piano: un indicatore è valutato solo se il piano fissa un target per {code}.",
        "en": "Filtered view of {name} ({code}): activities in this territory and their share of the plan's total. "
        "The plan's targets are for the whole plan: an indicator is judged only where the plan sets a target for {code}.",
    },
    "status.filtered.inside": {
        "it": "{name} ({code}) non è un territorio prioritario del piano; vi si trovano i territori prioritari: {inside}.",
        "en": "{name} ({code}) is not one of the plan's priority territories; the priority territories inside it are: {inside}.",
    },
    "status.filtered.outside": {
        "it": "{name} ({code}) non è un territorio prioritario del piano.",
        "en": "{name} ({code}) is not one of the plan's priority territories.",
    },
    "status.csv.id": {"it": "Id", "en": "Id"},
    "status.csv.unit": {"it": "Unità", "en": "Unit"},
    "status.csv.basis": {"it": "Base", "en": "Basis"},
    "status.csv.baseline": {"it": "Valore di base", "en": "Baseline"},
    "status.csv.baseline_year": {"it": "Anno di base", "en": "Baseline year"},
    "status.csv.forecast_low": {"it": "Previsione minima", "en": "Forecast low"},
    "status.csv.forecast_high": {"it": "Previsione massima", "en": "Forecast high"},
    "status.csv.forecast_probability_percent": {"it": "Probabilità di raggiungere il target (%)", "en": "Chance of reaching the target (%)"},
    "status.csv.breakdown_key": {"it": "Chiave disaggregazione", "en": "Breakdown key"},
    "status.csv.breakdown_label": {"it": "Disaggregazione", "en": "Breakdown"},
    "status.csv.breakdown_actual": {"it": "Effettivo disaggregazione", "en": "Breakdown actual"},
    "explain.path": {"it": "File", "en": "File"},
    "explain.line": {"it": "Riga", "en": "Line"},
    "explain.row_count": {"it": "{count} righe", "en": "{count} rows"},
    "explain.row_count.one": {"it": "1 riga", "en": "1 row"},
    "plan.categories": {"it": "Categorie di stakeholder", "en": "Stakeholder categories"},
    "plan.category": {"it": "Categoria", "en": "Category"},
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
    "breakdown.other_territories": {"it": "altri territori", "en": "other territories"},
    "breakdown.other": {"it": "altro", "en": "other"},
    "breakdown.none": {"it": "n/d (senza territorio)", "en": "n/a (no territory)"},
    "breakdown.internal": {"it": "interni all'amministrazione", "en": "internal to the administration"},
    "breakdown.external": {"it": "esterni", "en": "external"},
    # -- IATI export ----------------------------------------------------------
    "iati.annual": {
        "it": "Valore annuale: ogni periodo conta ciò che è stato realizzato nell'anno.",
        "en": "Annual value: each period counts what was done in that year.",
    },
    "iati.level": {
        "it": "Valore di livello: ogni periodo riporta l'ultimo valore rilevato, non una somma.",
        "en": "Level value: each period gives the latest value recorded, not a sum.",
    },
    "iati.cumulative": {
        "it": "Valore cumulato: ogni periodo riporta il totale dall'inizio del piano.",
        "en": "Cumulative value: each period gives the running total since the plan's start.",
    },
    # -- report ---------------------------------------------------------------
    "report.title": {"it": "Relazione annuale {year}", "en": "Year-end report {year}"},
    "report.as_of": {"it": "Dati al", "en": "Data as of"},
    "report.generated_at": {"it": "Generato il", "en": "Generated on"},
    "report.generated_when": {"it": "{date} alle {time}", "en": "{date} at {time}"},
    "report.footer": {"it": "Documento generato il {when}", "en": "Document generated on {when}"},
    "report.compared_with": {"it": "Confronto con l'anno precedente", "en": "Compared with the previous year"},
    "report.compared_at": {"it": "{year} al {date}", "en": "{year} as of {date}"},
    "report.months": {
        "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
        "en": "January February March April May June July August September October November December",
    },
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
    "report.section.attention": {"it": "Punti di attenzione", "en": "Points of attention"},
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
    "report.col.status_year": {"it": "Stato {year}", "en": "Status {year}"},
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
    "report.page_of": {"it": "pagina {page} di {pages}", "en": "page {page} of {pages}"},
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
        "it": "Azione «{title}»: finestra chiusa il {end} senza deliverable registrato.",
        "en": "Action “{title}”: its window closed on {end} with no deliverable recorded.",
    },
    "report.attention.territory": {
        "it": "Territorio prioritario {name}: nessuna attività nel {year}.",
        "en": "Priority territory {name}: no activity in {year}.",
    },
    "report.attention.none": {"it": "Nessun punto di attenzione.", "en": "Nothing needs attention."},
    "report.attention.no_reason": {
        "it": "Nessuna motivazione registrata per lo scostamento.",
        "en": "No reason for the deviation has been recorded.",
    },
    "report.col.reason": {"it": "Motivazione", "en": "Reason"},
    "report.col.next_steps": {"it": "Interventi previsti", "en": "What will be done"},
    "report.reason_with_steps": {"it": "{reason} Interventi previsti: {next_steps}", "en": "{reason} What will be done: {next_steps}"},
    "report.reasons": {"it": "Motivazioni", "en": "Reasons"},
    "report.col.actual_at": {"it": "Effettivo al {date}", "en": "Actual as of {date}"},
    "report.col.percent_at": {"it": "% al {date}", "en": "% as of {date}"},
    "report.col.follow_up_date": {"it": "Data dell'attività di seguito", "en": "Follow-up date"},
    "report.chart.legend.target": {"it": "Target (100%)", "en": "Target (100%)"},
    "report.chart.legend.previous": {"it": "Anno {year} (barra grigia)", "en": "Year {year} (grey bar)"},
    "report.chart.legend.previous_at": {"it": "{year} al {date} (barra grigia)", "en": "{year} as of {date} (grey bar)"},
    "report.chart.legend.capped": {"it": "Oltre il {cap}%: barra troncata", "en": "Beyond {cap}%: bar cut short"},
    "report.note.other_territories": {
        "it": "«Altri territori» conta {by_territory} attività in questa tabella e {by_group} nella tabella per gruppo: "
        "{in_groups} attività si sono svolte in paesi dei gruppi che non sono territori prioritari, e contano qui tra "
        "gli altri territori, là nel proprio gruppo.",
        "en": "“Other territories” counts {by_territory} activities in this table and {by_group} in the table by group: "
        "{in_groups} activities took place in countries of the groups that are not priority territories, so they count "
        "here under other territories and there in their group.",
    },
    "report.note.other_territories_group": {
        "it": "«Altri territori» conta {by_group} attività in questa tabella e {by_territory} nella tabella per territorio "
        "prioritario: {in_groups} attività si sono svolte in paesi dei gruppi che non sono territori prioritari, e contano "
        "qui nel proprio gruppo, là tra gli altri territori.",
        "en": "“Other territories” counts {by_group} activities in this table and {by_territory} in the table by priority "
        "territory: {in_groups} activities took place in countries of the groups that are not priority territories, so "
        "they count here in their group and there under other territories.",
    },
    "report.note.new_not_active": {
        "it": "{count} stakeholder nuovi nell'anno non compaiono in attività dell'anno (la prima partecipazione viene dalla "
        "data first_involved del registro): contano tra i «Nuovi» ma non tra gli «Attivi nell'anno».",
        "en": "{count} stakeholders new in the year appear in no activity of the year (their first involvement is the "
        "registry's first_involved date): they count as “New” but not as “Active in the year”.",
    },
    "report.section.annex": {"it": "Allegato: schede indicatore", "en": "Annex: indicator sheets"},
    "report.sheet.annex": {"it": "Schede indicatore", "en": "Indicator sheets"},
    "report.annex.note": {
        "it": "Per ogni indicatore: definizione, unità, fonte dei dati, metodo di calcolo, base, target e valori osservati (DPCM 18/9/2012).",
        "en": "For each indicator: definition, unit, data source, method of calculation, basis, targets and observed values (DPCM 18/9/2012).",
    },
    "report.col.sheet_item": {"it": "Voce", "en": "Item"},
    "report.col.sheet_text": {"it": "Contenuto", "en": "Content"},
    "report.sheet.id": {"it": "Codice", "en": "Code"},
    "report.sheet.definition": {"it": "Definizione", "en": "Definition"},
    "report.sheet.unit": {"it": "Unità di misura", "en": "Unit of measure"},
    "report.sheet.source": {"it": "Fonte dei dati", "en": "Data source"},
    "report.sheet.method": {"it": "Metodo di calcolo", "en": "Method of calculation"},
    "report.sheet.basis": {"it": "Base", "en": "Basis"},
    "report.sheet.disaggregations": {"it": "Disaggregazioni", "en": "Breakdowns"},
    "report.sheet.target": {"it": "Target {year}", "en": "Target {year}"},
    "report.sheet.observed": {"it": "Valore osservato {year}", "en": "Observed value {year}"},
    "report.sheet.observed_value": {
        "it": "{actual} al {date} ({percent}% del target; {status})",
        "en": "{actual} as of {date} ({percent}% of target; {status})",
    },
    "report.sheet.not_yet": {"it": "non ancora rilevato", "en": "not yet observed"},
    "report.sheet.reason": {"it": "Motivazione {year}", "en": "Reason {year}"},
    "report.sheet.baseline": {"it": "Valore di partenza (baseline)", "en": "Baseline"},
    "report.sheet.children": {"it": "Sotto-indicatori", "en": "Sub-indicators"},
    "report.sheet.reading": {"it": "Lettura del Piano adottata", "en": "Reading of the plan adopted"},
    "report.source.children": {
        "it": "I sotto-indicatori elencati sotto, sommati.",
        "en": "The sub-indicators listed below, added up.",
    },
    "report.method.children": {
        "it": "Somma dei valori dei sotto-indicatori {window}; senza target propri, il target è la somma dei loro.",
        "en": "The sum of the sub-indicators' values {window}; without targets of its own, its target is the sum of theirs.",
    },
    "report.source.assessments": {
        "it": "Valutazioni registrate in assessments.csv (livello e motivazione).",
        "en": "Assessments recorded in assessments.csv (level and reason).",
    },
    "report.method.assessments": {
        "it": "L'ultimo livello registrato {window}, su una scala ordinata dal peggiore al migliore; mai sommato.",
        "en": "The latest level recorded {window}, on a scale ordered from worst to best; never summed.",
    },
    "report.sheet.next_steps": {"it": "Interventi previsti", "en": "What will be done"},
    "report.source.activity_count": {
        "it": "Registro delle attività dell'Ufficio (file trimestrali actuals/AAAA-Tn.csv), righe di tipo «{type}».",
        "en": "The Office's activity log (quarterly files actuals/YYYY-Qn.csv), rows of type “{type}”.",
    },
    "report.source.participants": {
        "it": "Registro delle attività dell'Ufficio (file trimestrali actuals/AAAA-Tn.csv), colonna «participants» delle righe di tipo «{type}».",
        "en": "The Office's activity log (quarterly files actuals/YYYY-Qn.csv), column “participants” of rows of type “{type}”.",
    },
    "report.source.metric": {
        "it": "Statistiche del sito (export di Web Analytics importati con relint import-pageviews), righe di tipo «{type}» dei file trimestrali.",
        "en": "Website statistics (Web Analytics exports imported with relint import-pageviews), rows of type “{type}” of the quarterly files.",
    },
    "report.source.new_stakeholders": {
        "it": "Registro degli stakeholder (stakeholders.csv) e stakeholder citati nelle attività (colonna «stakeholders» dei file trimestrali).",
        "en": "The stakeholder registry (stakeholders.csv) and the stakeholders named in activities (column “stakeholders” of the quarterly files).",
    },
    "report.method.activity_count": {
        "it": "Somma della colonna «value» (1 se vuota: una riga, un'attività) delle righe di tipo «{type}» datate {window}.",
        "en": "Sum of the “value” column (1 when blank: one row, one activity) of the rows of type “{type}” dated {window}.",
    },
    "report.method.participants": {
        "it": "Somma della colonna «participants» delle righe di tipo «{type}» datate {window}; una riga senza partecipanti non aggiunge nulla.",
        "en": "Sum of the “participants” column of the rows of type “{type}” dated {window}; a row without participants adds nothing.",
    },
    "report.method.metric": {
        "it": "Somma delle visualizzazioni di pagina (colonna «value») delle righe di tipo «{type}» datate {window}.",
        "en": "Sum of the page views (“value” column) of the rows of type “{type}” dated {window}.",
    },
    "report.method.new_stakeholders": {
        "it": "Numero di stakeholder registrati la cui prima partecipazione cade {window}: la data della prima attività che li "
        "cita o, se precedente, la data «first_involved» del registro. Ogni stakeholder conta una volta sola, nell'anno in cui è nuovo.",
        "en": "Number of registered stakeholders whose first involvement falls {window}: the date of the first activity naming "
        "them or, when earlier, the registry's “first_involved” date. Each stakeholder counts once, in the year it is new.",
    },
    "report.window.annual": {
        "it": "nell'anno, dal 1° gennaio alla data di riferimento",
        "en": "in the year, from 1 January to the reference date",
    },
    "report.window.cumulative": {
        "it": "dall'inizio del piano ({start}) alla data di riferimento (valore cumulato)",
        "en": "from the start of the plan ({start}) to the reference date (a running total)",
    },
    "report.window.level": {
        "it": "dall'inizio del piano ({start}) alla data di riferimento (l'ultimo valore, non una somma)",
        "en": "from the start of the plan ({start}) to the reference date (the latest value, not a sum)",
    },
    "report.basis.level": {
        "it": "Livello: il target di ogni anno è il valore da avere a fine anno (l'ultimo registrato, non una somma).",
        "en": "Level: each year's target is the value to stand at by the year's end (the latest recorded, not a sum).",
    },
    "report.basis.annual": {
        "it": "Annuale: il target di ogni anno è la quantità di quell'anno.",
        "en": "Annual: each year's target is that year's own quantity.",
    },
    "report.basis.cumulative": {
        "it": "Cumulativa: il target di ogni anno è il totale dall'inizio del piano.",
        "en": "Cumulative: each year's target is the total from the start of the plan.",
    },
    "report.disaggregation.territory": {"it": "territorio", "en": "territory"},
    "report.disaggregation.type": {"it": "tipo di attività", "en": "activity type"},
    "report.disaggregation.internal": {"it": "interni o esterni all'amministrazione", "en": "internal or external to the administration"},
    "report.disaggregation.category": {"it": "categoria di stakeholder", "en": "stakeholder category"},
    # -- validate ------------------------------------------------------------------
    "validate.running": {
        "it": "Il {year} non è ancora concluso: i target mancati si segnalano a fine anno.",
        "en": "{year} is not over yet: missed targets are reported once the year has ended.",
    },
    "validate.warnings": {
        "it": "{count} avvisi: target del {year} non raggiunti senza motivazione (non sono errori: il codice di uscita resta 0).",
        "en": "{count} warning(s): {year} targets not achieved with no reason (not errors: the exit code stays 0).",
    },
    # -- recording: add-activity, add-stakeholder, complete-action, import-pageviews --
    "recorded.in": {"it": "Registrato in {where}", "en": "Recorded in {where}"},
    "recorded.dry_run": {
        "it": "Prova: la riga andrebbe in {where} (nulla è stato scritto):",
        "en": "Dry run: would append to {where} (nothing written):",
    },
    "recorded.matched": {
        "it": "{matched} righe su {rows} dell'export corrispondono; visualizzazioni: {value}",
        "en": "{matched} of {rows} export rows matched; page views: {value}",
    },
    # -- add-activity at a terminal (entry.py) ---------------------------------
    "entry.prompt.type": {"it": "Tipo", "en": "Type"},
    "entry.prompt.date": {"it": "Data (GG/MM/AAAA o AAAA-MM-GG)", "en": "Date (DD/MM/YYYY or YYYY-MM-DD)"},
    "entry.prompt.territory": {"it": "Territorio", "en": "Territory"},
    "entry.prompt.title": {"it": "Titolo", "en": "Title"},
    "entry.prompt.value": {"it": "Quante? ({label})", "en": "How many? ({label})"},
    "entry.prompt.participants": {"it": "Partecipanti", "en": "Participants"},
    "entry.prompt.stakeholder": {"it": "Stakeholder (vuoto per finire)", "en": "Stakeholder (blank to finish)"},
    "entry.prompt.action": {"it": "Azione (vuoto per nessuna)", "en": "Action (blank for none)"},
    "entry.stakeholders.all": {
        "it": "Stakeholder coinvolti (facoltativi), uno alla volta; registrati: {names}",
        "en": "Stakeholders involved (optional), one at a time; registered: {names}",
    },
    "entry.stakeholders.many": {
        "it": "Stakeholder coinvolti (facoltativi), uno alla volta: {count} registrati, scrivere parte del nome per vedere quelli che corrispondono",
        "en": "Stakeholders involved (optional), one at a time: {count} registered, type part of a name to see those that match",
    },
    "entry.actions": {"it": "Azione del piano a cui serve (facoltativa):", "en": "The plan action it serves (optional):"},
    "entry.needed": {"it": "serve un numero intero (per esempio 1250)", "en": "a whole number is needed (for example 1250)"},
    "entry.maybe": {"it": "Forse: {choices}", "en": "Did you mean: {choices}"},
    "entry.summary": {"it": "La riga per {where}:", "en": "The row for {where}:"},
    "entry.confirm": {"it": "Registrare la riga?", "en": "Record the row?"},
    "entry.confirm.duplicate": {"it": "Registrarla comunque?", "en": "Record it anyway?"},
    "entry.confirm.replace": {"it": "Sostituire la riga esistente con questa?", "en": "Replace the existing row with this one?"},
    "entry.yes_no.default_yes": {"it": "[S/n]", "en": "[Y/n]"},
    "entry.yes_no.default_no": {"it": "[s/N]", "en": "[y/N]"},
    "entry.yes_no.again": {"it": "  Rispondere s (sì) o n (no).", "en": "  Answer y (yes) or n (no)."},
    "entry.nothing": {"it": "Nulla è stato registrato.", "en": "Nothing was recorded."},
    "entry.retry": {
        "it": "Per riprovare senza riscrivere le risposte: {command}",
        "en": "To try again without typing the answers again: {command}",
    },
    "warn.count": {"it": "avvisi: {count} (non sono errori)", "en": "warnings: {count} (not errors)"},
    # -- writes that could not be done (storage.WriteError) --------------------
    "cli.error": {"it": "Errore", "en": "Error"},
    "recorded.types": {"it": "Tipi", "en": "Types"},
    "column.id": {"it": "id", "en": "id"},
    "column.date": {"it": "data", "en": "date"},
    "column.type": {"it": "tipo", "en": "type"},
    "column.territory": {"it": "territorio", "en": "territory"},
    "column.title": {"it": "titolo", "en": "title"},
    "column.action": {"it": "azione", "en": "action"},
    "column.participants": {"it": "partecipanti", "en": "participants"},
    "column.stakeholders": {"it": "stakeholder", "en": "stakeholders"},
    "column.value": {"it": "valore", "en": "value"},
    "column.notes": {"it": "note", "en": "notes"},
    "column.name": {"it": "nome", "en": "name"},
    "column.internal": {"it": "interno", "en": "internal"},
    "column.category": {"it": "categoria", "en": "category"},
    "column.first_involved": {"it": "primo coinvolgimento", "en": "first_involved"},
    "column.note": {"it": "nota", "en": "note"},
    "column.subject": {"it": "soggetto", "en": "subject"},
    "column.year": {"it": "anno", "en": "year"},
    "column.reason": {"it": "motivo", "en": "reason"},
    "column.next_steps": {"it": "prossimi passi", "en": "next_steps"},
    "prompt.type": {"it": "Tipo", "en": "Type"},
    "prompt.date": {"it": "Data (AAAA-MM-GG o GG/MM/AAAA)", "en": "Date (YYYY-MM-DD or DD/MM/YYYY)"},
    "prompt.territory": {"it": "Territorio", "en": "Territory"},
    "prompt.title": {"it": "Titolo", "en": "Title"},
    "recorded.territories": {
        "it": "Territori prioritari: {codes} — o un qualsiasi codice ISO 3166",
        "en": "Priority territories: {codes} — or any ISO 3166 code",
    },
    # -- --help of every command and option (cli.py; frame words in render/helptext) --
    # A command's English help is its function's docstring (help.app: the main callback's),
    # so help.app and help.cmd.* hold only the Italian; options' help is here in both languages.
    "help.app": {
        "it": "Segue gli indicatori (KPI) di un piano di relazioni internazionali rispetto ai target.\n\n"
        "Avviato dalla cartella principale del repository usa data/plan_2022_2023.yaml e la sua cartella dati; "
        "altrimenti indicare --plan e --data.\n\nEsempio: relint status --by territory",
    },
    "help.opt.lang": {
        "it": "Lingua di tutto ciò che relint scrive: «it» (italiano) o «en» (inglese) [predefinita: RELINT_LANG, poi la lingua del sistema (LANG), "
        "poi quella del piano].",
        "en": "Language of everything relint prints: it or en [default: RELINT_LANG, else the locale (LANG), "
        "else the plan's language].",
    },
    "help.opt.plan": {
        "it": "File YAML del piano [predefinito: RELINT_PLAN, altrimenti data/plan_2022_2023.yaml].",
        "en": "Plan YAML file [default: RELINT_PLAN, else data/plan_2022_2023.yaml].",
    },
    "help.opt.data": {
        "it": "Cartella dei dati (actuals/, stakeholders.csv, deliverables.csv) [predefinita: RELINT_DATA, altrimenti "
        "metadata.data_dir del piano, relativa al file del piano, altrimenti data/].",
        "en": "Data folder (actuals/, stakeholders.csv, deliverables.csv) [default: RELINT_DATA, else the plan's "
        "metadata.data_dir, relative to the plan file, else data/].",
    },
    "help.opt.debug": {
        "it": "In caso di errore imprevisto mostra il traceback.",
        "en": "Show a traceback on unexpected errors.",
    },
    "help.opt.version": {"it": "Mostra la versione ed esce.", "en": "Print the version and exit."},
    "help.cmd.plan": {
        "it": "Mostra il piano: risultati attesi, indicatori e target; territori per gruppo; azioni con la tempistica."
        "\n\nEsempio: relint plan --lang en",
    },
    "help.cmd.validate": {
        "it": "Controlla il piano e tutti i file dei dati; segnala ogni problema come percorso:riga:colonna.\n\nTermina con codice 0 se è tutto valido, 1 se ci sono problemi. Le righe che sembrano doppioni (stessa data, tipo e territorio, titolo simile) sono segnalate come avvisi, con la riga precedente. Con --year è un avviso anche un target mancato in quell'anno (concluso) senza una nota che ne spieghi il motivo in data/notes.csv. Gli avvisi non cambiano il codice di uscita.\n\nEsempio: relint --data data validate --year 2023",
    },
    "help.cmd.add-activity": {
        "it": 'Registra un\'attività nel file del suo trimestre (data/actuals/AAAA-Tn.csv), con un nuovo id.\n\nIn un terminale i valori mancanti o rifiutati vengono chiesti uno alla volta, ciascuno controllato appena scritto; la riga viene mostrata prima di essere scritta. La riga è controllata come fa `relint validate` e scritta nella forma del file (separatore, date, parole dei tipi). Una riga simile a una già registrata (stessa data, tipo e territorio, titolo simile) è rifiutata se non si indica --allow-duplicate; gli stakeholder non ancora noti vanno prima registrati con `relint add-stakeholder`.\n\nEsempio: relint add-activity --type incontro --date 11/03/2023 --territory BE --title "Ambasciatore del Belgio"',
    },
    "help.cmd.add-stakeholder": {
        "it": "Registra uno stakeholder in stakeholders.csv, perché le attività possano citarlo.\n\n"
        'Esempio: relint add-stakeholder "Comune di Bologna" --category local_authority --external',
    },
    "help.cmd.complete-action": {
        "it": "Registra il raggiungimento dell'output di un'azione del piano (deliverables.csv).\n\n"
        'Esempio: relint complete-action quebec_agreement --date 20/10/2023 --note "Intesa firmata"',
    },
    "help.cmd.import-pageviews": {
        "it": "Registra le visualizzazioni di pagina di un trimestre della sezione web del piano da un export di "
        "statistiche.\n\nSomma le visualizzazioni (non quelle uniche) delle pagine che corrispondono ai criteri "
        "pageviews_import del piano e sostituisce l'eventuale riga precedente dello stesso trimestre.\n\n"
        "Esempio: relint import-pageviews export-2022-T4.csv --quarter 2022Q4",
    },
    "help.cmd.status": {
        "it": "Avanzamento rispetto ai target: per ogni indicatore target, valore effettivo, %, valore atteso a oggi, proiezione, quanto manca, il ritmo necessario per trimestre e lo stato.\n\nLa data di riferimento è oggi (entro il periodo del piano), l'anno quello della data. --explain elenca le righe esatte da cui deriva un valore, in ogni --format. --territory dà una vista filtrata: i valori del territorio e la loro quota sul totale del piano, giudicati solo rispetto a un target che il piano fissa per quel territorio. Concluso l'anno, il ritmo per trimestre è mostrato come — (null in JSON).\n\nDurante l'anno la proiezione di un conteggio porta una previsione: \"14 (11-17), 38 %\" vuol dire 14 al ritmo tenuto finora, da 11 a 17 con probabilità dell'80 % (--interval) e il 38 % di probabilità di raggiungere il target (il modello: README, \"Forecast\").\n\nEsempio: relint status --by territory",
    },
    "help.cmd.report": {
        "it": "Relazione annuale: indicatori rispetto ai target (con quelli dell'anno precedente), risultati, attività per territorio e tipo, stakeholder, azioni di rilevanza sistemica, criteri di valutazione del piano e punti di attenzione.\n\nFormati: table (terminale), md (tabelle Markdown), html (una pagina autonoma con grafici, stampabile in A4), pdf (PDF/A per l'archivio), docx (un documento Word modificabile), xlsx (un foglio per sezione, stampabile), json (tutti i dati) e csv (la tabella di sintesi; per Excel con impostazioni italiane salvo --csv rfc4180). --output scrive un file e non sostituisce mai un file esistente senza --force.\n\nEsempio: relint report --year 2023 --format html --output relazione-2023.html",
    },
    "help.cmd.demo": {
        "it": "Copia il piano e i dati di esempio in CARTELLA/data, per provare relint senza toccare i file forniti; poi si lanciano i comandi da CARTELLA.\n\n"
        "Esempio: relint demo prova",
    },
    "help.opt.type": {
        "it": 'Tipo di attività: id o nome, in italiano o in inglese (vedere `relint plan`).',
        "en": 'The activity type: its id or label, in Italian or English (see `relint plan`).',
    },
    "help.opt.date": {"it": "Data, AAAA-MM-GG o GG/MM/AAAA.", "en": "Date, YYYY-MM-DD or DD/MM/YYYY."},
    "help.opt.territory": {
        "it": 'Codice ISO 3166 (BE, DE-HE), nome di un paese o di un territorio del piano.',
        "en": "ISO 3166 code (BE, DE-HE), a country's or a plan territory's name.",
    },
    "help.opt.title": {"it": "Che cosa è avvenuto, in poche parole.", "en": "What happened, in a few words."},
    "help.opt.action": {
        "it": "L'azione del piano a cui si riferisce: il suo id o titolo.",
        "en": 'The plan action this serves: its id or title.',
    },
    "help.opt.participants": {"it": "Numero di partecipanti (eventi).", "en": "Participants (events)."},
    "help.opt.stakeholder": {
        "it": "Uno stakeholder registrato (ripetibile).",
        "en": "A registered stakeholder (repeatable).",
    },
    "help.opt.value": {
        "it": "Quantità (predefinita 1; per le visualizzazioni di pagina, il loro numero).",
        "en": "How many (default 1; for page views, their number).",
    },
    "help.opt.notes": {"it": "Note libere.", "en": "Free text."},
    "help.opt.dry-run": {"it": "Mostra la riga senza scriverla.", "en": "Show the row without writing it."},
    "help.arg.name": {
        "it": "Il nome dello stakeholder, come lo citeranno le attività.",
        "en": "The stakeholder's name, as activities will cite it.",
    },
    "help.opt.category": {
        "it": 'Una categoria di stakeholder del piano: il suo id o nome (vedere `relint plan`).',
        "en": 'A stakeholder category of the plan: its id or label (see `relint plan`).',
    },
    "help.opt.internal": {
        "it": "Interno all'amministrazione regionale, o esterno.",
        "en": "Part of the regional administration, or not.",
    },
    "help.opt.first-involved": {
        "it": "Data di un primo coinvolgimento precedente all'inizio del registro.",
        "en": "Date of a first involvement before the log starts.",
    },
    "help.arg.action": {
        "it": "L'azione del piano: il suo id o titolo (vedere `relint plan`).",
        "en": 'The plan action: its id or title (see `relint plan`).',
    },
    "help.opt.deliverable-date": {"it": "Data di raggiungimento dell'output.", "en": "When the deliverable was achieved."},
    "help.opt.note": {"it": "Che cosa è stato prodotto.", "en": "What was delivered."},
    "help.arg.export": {
        "it": "Un export CSV 'URL di pagina' di Matomo / Web Analytics Italia.",
        "en": "A Matomo / Web Analytics Italia 'Page URLs' CSV export.",
    },
    "help.opt.quarter": {
        "it": "Il trimestre coperto dall'export, ad esempio 2022Q4.",
        "en": "The quarter the export covers, e.g. 2022Q4.",
    },
    "help.opt.status-year": {
        "it": "Anno del piano [predefinito: l'anno della data di riferimento].",
        "en": "Plan year [default: the as-of date's year].",
    },
    "help.opt.status-as-of": {
        "it": "Conta fino a questa data, AAAA-MM-GG o GG/MM/AAAA [predefinita: oggi].",
        "en": "Count up to this date, YYYY-MM-DD or DD/MM/YYYY [default: today].",
    },
    "help.opt.by": {"it": "Ripartisci per territorio, gruppo, tipo, trimestre, categoria o interni/esterni.", "en": "Break down by territory, group, type, quarter, category or internal/external."},
    "help.opt.indicator": {
        "it": 'Solo questo indicatore: id o titolo (ripetibile).',
        "en": 'Only this indicator: its id or title (repeatable).',
    },
    "help.opt.status-territory": {
        "it": 'Una vista filtrata: solo le attività in questo territorio (codice ISO, paese o nome del piano).',
        "en": 'A filtered view: only activities in this territory (ISO code, country or plan name).',
    },
    "help.opt.explain": {
        "it": 'Elenca le righe (file:riga) da cui deriva il valore di questo indicatore (id o titolo).',
        "en": "List the rows (file:line) behind this indicator's figure (id or title).",
    },
    "help.opt.format": {"it": "Formato di uscita.", "en": "Output format."},
    "help.opt.report-year": {"it": "L'anno del piano oggetto della relazione.", "en": "The plan year to report on."},
    "help.opt.report-as-of": {
        "it": "Conta le attività fino a questa data, AAAA-MM-GG o GG/MM/AAAA [predefinita: la fine dell'anno, o oggi].",
        "en": "Count activities up to this date, YYYY-MM-DD or DD/MM/YYYY [default: the year's end, or today].",
    },
    "help.opt.output": {
        "it": 'Scrive la relazione in questo file (obbligatorio per pdf, docx, xlsx).',
        "en": 'Write the report to this file (required for pdf, docx, xlsx).',
    },
    "help.opt.force": {"it": "Sovrascrive il file --output se esiste.", "en": "Overwrite the --output file if it exists."},
    "help.arg.folder": {"it": "La cartella da creare per la prova.", "en": "The folder to create for the trial."},
    "help.cmd.add-note": {
        "it": 'Scrive in data/notes.csv il motivo di uno scostamento, secondo l\'ufficio, e che cosa si farà.\n\nLa relazione mostra ogni nota accanto al suo indicatore o alla sua azione; un target mancato in un anno concluso senza nota è elencato tra i punti di attenzione. Una nota per soggetto e anno: --replace riscrive quella esistente.\n\nEsempio: relint add-note diplomatic_meetings --year 2023 "Meno visite per il rinvio della missione in Cina" --next "Missione ricalendarizzata a marzo 2024"',
    },
    "help.cmd.export": {
        "it": 'Pubblica i risultati del piano in uno standard aperto.\n\nEsempio: relint export iati --year 2023 --output iati.xml',
    },
    "help.cmd.export-iati": {
        "it": "Scrive il piano e i suoi risultati come attività IATI 2.03 (XML iati-activities).\n\nIl piano è un'attività con i suoi risultati, indicatori e un periodo per anno del piano (target e valore effettivo fino a --year, ripartito per territorio e tipo); ogni azione di rilevanza sistemica è un'attività figlia. Prima di essere scritto il file è controllato rispetto allo schema ufficiale IATI 2.03 e alle regole dello standard; la sezione `iati` del piano indica l'identificativo dell'organizzazione.\n\nEsempio: relint export iati --year 2023 --output iati-2023.xml",
    },
    "help.opt.validate-year": {
        "it": 'Segnala anche i target mancati in questo anno concluso senza una nota che ne spieghi il motivo.',
        "en": 'Also warn of targets missed in this closed year with no note explaining why.',
    },
    "help.opt.allow-duplicate": {
        "it": 'Registra la riga anche se ne esiste una con stessa data, tipo e territorio e titolo simile.',
        "en": 'Record the row even if one of the same date, type, territory and a similar title exists.',
    },
    "help.opt.replace-pageviews": {
        "it": 'Per le visualizzazioni di pagina: sostituisce la riga del trimestre già registrata.',
        "en": "For page views: replace the quarter's page-views row already recorded.",
    },
    "help.arg.note-subject": {
        "it": "L'id dell'indicatore o dell'azione (vedere `relint plan`).",
        "en": "The indicator's or the action's id (see `relint plan`).",
    },
    "help.arg.note-reason": {
        "it": 'Perché il target è stato mancato o superato (in italiano o in inglese).',
        "en": 'Why the target was missed or exceeded (Italian or English).',
    },
    "help.opt.note-year": {
        "it": "L'anno del piano che la nota spiega (obbligatorio per un indicatore).",
        "en": 'The plan year the note explains (required for an indicator).',
    },
    "help.opt.next-steps": {
        "it": 'Che cosa si farà.',
        "en": 'What will be done.',
    },
    "help.opt.replace-note": {
        "it": 'Riscrive la nota già scritta per questo soggetto e anno.',
        "en": 'Rewrite the note already written for this subject and year.',
    },
    "help.opt.csv": {
        "it": "Forma del CSV: excel (Excel con impostazioni italiane: ';', BOM, virgola decimale, intestazioni nella lingua della sessione) o rfc4180 (',', numeri semplici, chiavi inglesi stabili) [predefinita: excel in italiano, rfc4180 in inglese].",
        "en": "CSV form: excel (Excel with Italian settings: ';', BOM, decimal comma, headings in the run's language) or rfc4180 (',', plain numbers, stable English keys) [default: excel in Italian, rfc4180 in English].",
    },
    "help.opt.iati-year": {
        "it": "L'anno del piano misurato (il valore effettivo è preso alla data --as-of).",
        "en": 'The plan year measured (its actual is taken at --as-of).',
    },
    "help.opt.iati-output": {
        "it": 'Il file XML da scrivere.',
        "en": 'The XML file to write.',
    },
    "help.opt.venue": {
        "it": "Dove si è svolta, se non nel suo territorio: 'regione' o un codice ISO.",
        "en": "Where it took place when not in its territory: 'regione' or an ISO code.",
    },
    "help.opt.interval": {
        "it": "L'intervallo della previsione degli indicatori di conteggio, in percentuale.",
        "en": "The forecast interval of count indicators, in percent.",
    },
    "column.venue": {"it": "luogo", "en": "venue"},
    "help.opt.help": {"it": "Mostra questo aiuto ed esce.", "en": "Show this message and exit."},
    "help.opt.install-completion": {
        "it": "Installa il completamento automatico per la shell in uso (bash, zsh, fish).",
        "en": "Install completion for the current shell (bash, zsh, fish).",
    },
    "help.opt.show-completion": {
        "it": "Mostra lo script di completamento per la shell in uso, per copiarlo o personalizzarlo.",
        "en": "Show completion for the current shell, to copy it or customize the installation.",
    },
}


#: The message catalogue: every message relint prints (errors, warnings, notices),
#: by code, as Italian and English templates. ``{name}`` is a parameter;
#: ``{n:riga|righe}`` chooses the singular or plural by the number ``n``. An
#: issue's code is its message's code (tests/test_messages.py checks that every
#: code used has both templates, with the same parameters).
MESSAGES: dict[str, dict[str, str]] = {
    # -- indicators: measures, baselines, parents, where filters, venues, assessments ----
    "no-region-code": {
        "it": "'region' richiede il codice della regione del piano: aggiungere metadata.region_code (ad esempio IT-45)",
        "en": "'region' needs the plan's own region code: add metadata.region_code (e.g. IT-45)",
    },
    "unknown-where-territory": {
        "it": "'{value}' non è né un codice ISO 3166 (SE, DE-HE), né un gruppo di territori ({groups}), né 'region'",
        "en": "'{value}' is neither an ISO 3166 code (SE, DE-HE), a territory group ({groups}) nor 'region'",
    },
    "measure-mismatch": {"it": "{what}", "en": "{what}"},
    "measure-has-no": {
        "it": "un indicatore {measure} non ha '{key}'; toglierlo",
        "en": "a {measure} indicator has no '{key}'; remove it",
    },
    "measure-needs": {
        "it": "un indicatore {measure} richiede '{key}' (una fonte di righe)",
        "en": "a {measure} indicator needs '{key}' (a source of rows)",
    },
    "measure-has-no-scale": {
        "it": "un indicatore {measure} non ha una scala; toglierla",
        "en": "a {measure} indicator has no scale; remove it",
    },
    "bad-scale": {
        "it": "un indicatore qualitativo richiede una scala di due o più livelli, dal peggiore al migliore",
        "en": "a qualitative indicator needs a scale of two levels or more, worst first",
    },
    "bad-basis": {
        "it": "un indicatore qualitativo è un livello: scrivere basis: level",
        "en": "a qualitative indicator is a level: write basis: level",
    },
    "bad-direction": {
        "it": "una scala va dal peggiore al migliore: elencarne i livelli in quest'ordine e togliere direction",
        "en": "a scale goes from worst to best: list its levels in that order and leave direction out",
    },
    "unknown-level": {
        "it": "livello della scala '{value}' sconosciuto; valori ammessi: {choices}",
        "en": "unknown scale level '{value}' — expected one of: {choices}",
    },
    "bad-percentage": {
        "it": "una percentuale va da 0 a 100, trovato {value}",
        "en": "a percentage is 0 to 100, got {value}",
    },
    "no-baseline": {
        "it": "un indicatore in diminuzione richiede una baseline: l'avanzamento si misura da essa scendendo verso il target",
        "en": "a decrease indicator needs a baseline: progress is measured from it down to the target",
    },
    "bad-target": {
        "it": "un target in diminuzione deve essere sotto la baseline ({baseline})",
        "en": "a decrease target must be below the baseline ({baseline})",
    },
    "bad-baseline": {
        "it": "l'anno della baseline viene dopo il primo anno del piano, il {first}",
        "en": "the baseline year comes after the plan's first year {first}",
    },
    "bad-parent": {"it": "{what}", "en": "{what}"},
    "parent-not-count": {
        "it": "un indicatore padre somma i suoi figli: la sua misura è count",
        "en": "a parent indicator adds up its children: its measure is count",
    },
    "child-twice": {
        "it": "l'indicatore '{id}' è già figlio di '{parent}'",
        "en": "indicator '{id}' is already a child of '{parent}'",
    },
    "child-has-children": {
        "it": "l'indicatore '{id}' ha figli propri; i gruppi hanno un solo livello",
        "en": "indicator '{id}' has children of its own; groups are one level deep",
    },
    "child-does-not-add-up": {
        "it": "l'indicatore '{id}' deve essere un count con la stessa basis e direction del padre per sommarsi",
        "en": "indicator '{id}' must be a count with the parent's basis and direction to add up",
    },
    "not-a-region-code": {
        "it": "'{value}' non è un codice ISO 3166-2 (ad esempio IT-45)",
        "en": "'{value}' is not an ISO 3166-2 code (e.g. IT-45)",
    },
    "venue-no-region-code": {
        "it": "luogo '{value}': il piano non indica il codice della regione (metadata.region_code); scrivere un codice ISO 3166-2",
        "en": "venue '{value}': the plan gives no region code (metadata.region_code); write an ISO 3166-2 code",
    },
    "unknown-venue": {
        "it": "luogo '{value}' sconosciuto — scrivere 'regione' (svolto in regione), un codice ISO 3166 (IT-45, DE-HE) "
        "o il nome di un territorio",
        "en": "unknown venue '{value}' — write 'regione' (held in the region), an ISO 3166 code (IT-45, DE-HE) or a territory's name",
    },
    "unknown-qualitative-indicator": {
        "it": "indicatore qualitativo '{value}' sconosciuto; valori ammessi: {choices}",
        "en": "unknown qualitative indicator '{value}' — expected one of: {choices}",
    },
    "unknown-assessment-level": {
        "it": "livello '{value}' di '{id}' sconosciuto; valori ammessi: {choices}",
        "en": "unknown level '{value}' of '{id}' — expected one of: {choices}",
    },
    "missing-assessment-reason": {
        "it": "manca il motivo; dire in poche parole perché è stato dato questo livello",
        "en": "missing reason; say in a few words why this level was given",
    },
    "bad-interval": {
        "it": "l'intervallo della previsione deve essere tra 0 e 100 %, trovato {value} %",
        "en": "the forecast interval must be between 0 and 100 %, got {value} %",
    },
    "explain-qualitative": {
        "it": "'{id}' è qualitativo: i suoi livelli e i loro motivi sono le righe di assessments.csv",
        "en": "'{id}' is qualitative: its levels and their reasons are the rows of assessments.csv",
    },
    # -- writes that could not be done, refusals of add-activity (merged from main) ------
    "unexplained-deviation": {
        "it": "avviso: indicatore '{id}': target {year} non raggiunto ({actual} su {target}, {percent}%) e nessuna "
        "motivazione registrata; aggiungila con: relint add-note {id} --year {year} \"…\"",
        "en": "warning: indicator '{id}': {year} target not achieved ({actual} of {target}, {percent}%) and no reason "
        "recorded; add one with: relint add-note {id} --year {year} \"…\"",
    },
    # -- merged from main: IATI settings ------------------------------------------
    "iati-identifier-prefix": {
        "it": "deve iniziare con l'identificativo dell'organizzazione e un trattino ('{prefix}…')",
        "en": "must start with the organisation identifier and a hyphen ('{prefix}…')",
    },
    "iati-unknown-goals": {
        "it": "nomina obiettivi che il piano non ha: {goals}",
        "en": "names goals the plan does not have: {goals}",
    },
    "iati-sectors-incomplete": {
        "it": "deve associare ogni obiettivo strategico o nessuno; mancano: {goals}",
        "en": "must map every strategic goal or none; missing: {goals}",
    },
    "likely-duplicate": {"it": "{what}", "en": "{what}"},
    # -- office notes (notes.csv, add-note) ----------------------------------------
    "missing-subject": {
        "it": "manca il soggetto: scrivere l'id di un indicatore o di un'azione",
        "en": "missing subject: write an indicator's or an action's id",
    },
    "unknown-subject": {
        "it": "soggetto '{value}' sconosciuto — atteso un indicatore ({indicators}) o un'azione ({actions})",
        "en": "unknown subject '{value}' — expected an indicator ({indicators}) or an action ({actions})",
    },
    "missing-year": {
        "it": "una nota sull'indicatore '{id}' richiede l'anno che spiega ({first}–{last})",
        "en": "a note on indicator '{id}' needs the year it explains ({first}–{last})",
    },
    "bad-year": {
        "it": "l'anno '{value}' non è un anno del piano — scegliere tra: {choices}",
        "en": "year '{value}' is not a plan year — choose one of: {choices}",
    },
    "missing-reason": {
        "it": "manca il motivo: dire perché il target è stato mancato o superato",
        "en": "missing reason: say why the target was missed or exceeded",
    },
    "duplicate-note": {"it": "{what}", "en": "{what}"},
    "note-repeated": {
        "it": "'{name}' ha già una nota alla riga {line}; modificare quella riga, o unire i due testi in uno",
        "en": "'{name}' already has a note at line {line}; edit that line, or join the two texts in one",
    },
    "note-repeated-year": {
        "it": "'{name}' ha già una nota per il {year} alla riga {line}; modificare quella riga, o unire i due testi in uno",
        "en": "'{name}' already has a note for {year} at line {line}; edit that line, or join the two texts in one",
    },
    "note-exists": {
        "it": "'{name}' ha già una nota in {where}; aggiungere --replace per riscriverla, o modificare quella riga",
        "en": "'{name}' already has a note at {where}; pass --replace to rewrite it, or edit that line",
    },
    "note-exists-year": {
        "it": "'{name}' ha già una nota per il {year} in {where}; aggiungere --replace per riscriverla, o modificare quella riga",
        "en": "'{name}' already has a note for {year} at {where}; pass --replace to rewrite it, or edit that line",
    },
    # -- IATI export ------------------------------------------------------------------
    "iati-no-section": {
        "it": "il piano non ha una sezione 'iati': IATI richiede l'identificativo dell'organizzazione che pubblica "
        "(per esempio iati: {{organisation_identifier: IT-CF-80062590379}}); vedere la sezione IATI del README",
        "en": "the plan has no 'iati' section: IATI needs the reporting organisation's identifier "
        "(e.g. iati: {{organisation_identifier: IT-CF-80062590379}}); see the README's IATI section",
    },
    "iati-breaks-standard": {
        "it": "l'export IATI non rispetta lo standard: {problems}",
        "en": "the IATI export breaks the standard: {problems}",
    },
    # -- writes that could not be done, refusals of add-activity (merged from main) ------
    "clash-duplicate": {
        "it": "probabile doppione: stessa data, tipo e territorio, titolo simile («{title}»); per registrarla comunque usare --allow-duplicate",
        "en": "likely duplicate: same date, type and territory, similar title (“{title}”); pass --allow-duplicate to record it anyway",
    },
    "duplicate-deliverable": {
        "it": "il risultato dell'azione {action} del {date} è già registrato qui («{note}»)",
        "en": "the deliverable of action {action} on {date} is already recorded here (“{note}”)",
    },
    "metric-exists": {
        "it": "il {quarter} ha già la sua riga di questo tipo («{title}»); sostituirla con --replace",
        "en": "{quarter} already has its row of this type (“{title}”); pass --replace to replace it",
    },
    "storage.append_torn": {
        "it": "impossibile scrivere in {path}: {reason}, e la riga scritta a metà non si è potuta togliere: "
        "relint validate la segnala; cancellatela, poi {advice}",
        "en": "cannot write to {path}: {reason}, and the half-written row could not be taken back: "
        "relint validate reports it; delete it, then {advice}",
    },
    "storage.append_undone": {
        "it": "impossibile scrivere in {path}: {reason}. Il file è rimasto com'era; {advice}",
        "en": "cannot write to {path}: {reason}. The file is as it was; {advice}",
    },
    "storage.cannot_open": {
        "it": "impossibile aprire {path} in scrittura: {reason}; {advice}",
        "en": "cannot open {path} for writing: {reason}; {advice}",
    },
    "storage.cannot_write_in": {
        "it": "impossibile scrivere in {folder}: {reason}; {advice}",
        "en": "cannot write in {folder}: {reason}; {advice}",
    },
    "storage.folder_is_file": {
        "it": "{folder} è {kind}, non una cartella; spostatelo o rinominatelo, e relint creerà la cartella",
        "en": "{folder} is {kind}, not a folder; move or rename it, and relint will create the folder",
    },
    "storage.lock_not_file": {
        "it": "{lock} è {kind}, non il file di blocco di relint; {delete} (relint ricrea il file di blocco) e riprovate",
        "en": "{lock} is {kind}, not relint's lock file; {delete} (relint creates the lock file again) and retry",
    },
    "storage.lock_timeout": {
        "it": "{path} è bloccato da un altro comando relint (atteso {wait} s); riprovate tra poco, "
        "o cercate un processo relint bloccato",
        "en": "{path} is locked by another relint command (waited {wait} s); retry in a moment, "
        "or look for a relint process that hangs",
    },
    "storage.no_folder": {
        "it": "la cartella {folder} non esiste; createla o scegliete un altro --output",
        "en": "folder {folder} does not exist; create it or choose another --output",
    },
    "storage.output_not_file": {
        "it": "{path} è {kind}, non un file normale; relint non lo sostituisce, nemmeno con --force: scegliete un altro --output",
        "en": "{path} is {kind}, not a regular file; relint does not replace it, even with --force: choose another --output",
    },
    "storage.replace_failed": {
        "it": "impossibile scrivere {path}: {reason}; il file precedente è rimasto com'era; {advice}",
        "en": "cannot write {path}: {reason}; the old file is unchanged; {advice}",
    },
    "warn-likely-duplicate": {
        "it": "probabile doppione della riga {first} («{title}»): stessa data, tipo e territorio, titolo simile",
        "en": "likely duplicate of the row at {first} (“{title}”): same date, type and territory, similar title",
    },
    "writers.link_outside": {
        "it": "{link} è un collegamento simbolico a {target}, fuori dalla cartella dei dati {folder}; relint non "
        "vi scrive attraverso: mettete il file stesso nella cartella dei dati al posto del collegamento",
        "en": "{link} is a symbolic link to {target}, outside the data folder {folder}; relint does not write "
        "through it: put the file itself in the data folder in place of the link",
    },
    "choice.unknown.category": {
        "it": "categoria sconosciuta '{text}' — scegli tra: {choices}",
        "en": "unknown category '{text}' — choose one of: {choices}",
    },
    "choice.unknown.indicator": {
        "it": "indicatore sconosciuto '{text}' — scegli tra: {choices}",
        "en": "unknown indicator '{text}' — choose one of: {choices}",
    },
    "choice.unknown.type": {
        "it": "tipo di attività sconosciuto '{text}' — scegli tra: {choices}",
        "en": "unknown activity type '{text}' — choose one of: {choices}",
    },
    "choice.unknown.action": {
        "it": "azione sconosciuta '{text}' — scegli tra: {choices}",
        "en": "unknown action '{text}' — choose one of: {choices}",
    },
    "choice.unknown.territory": {
        "it": "territorio sconosciuto '{text}' — scrivi un codice ISO 3166 (BE, DE-HE), il nome di un paese "
        "o uno dei territori prioritari: {choices}",
        "en": "unknown territory '{text}' — write an ISO 3166 code (BE, DE-HE), a country's name "
        "or one of the priority territories: {choices}",
    },
    # -- messages about the user's files (rendered by message()) ---------------------
    "yaml-no-month": {
        "it": "'{value}' non è una data: il mese {month} non esiste; scrivi la data come AAAA-MM-GG (2023-02-28)",
        "en": "'{value}' is not a date: there is no month {month}; write the date as YYYY-MM-DD (2023-02-28)",
    },
    "yaml-no-year": {
        "it": "'{value}' non è una data: l'anno 0 non esiste nel calendario",
        "en": "'{value}' is not a date: the calendar has no year 0",
    },
    "yaml-no-day": {
        "it": "'{value}' non è una data: il mese {month} del {year} ha {days} giorni",
        "en": "'{value}' is not a date: month {month} of {year} has {days} days",
    },
    "yaml-bad-value": {
        "it": "'{value}' non si può leggere come {kind}; correggi il valore",
        "en": "'{value}' cannot be read as {kind}; correct the value",
    },
    "yaml-kind-int": {"it": "numero intero", "en": "a whole number"},
    "yaml-kind-float": {"it": "numero", "en": "a number"},
    "yaml-kind-date": {"it": "data (AAAA-MM-GG)", "en": "a date (YYYY-MM-DD)"},
    "cell-too-large": {
        "it": "una cella di questa riga supera {limit} MiB, il massimo che una cella può contenere; "
        "se non deve essere così grande, in questa riga manca probabilmente la chiusura di un apice doppio (\")",
        "en": "a cell in this row is larger than {limit} MiB, the most a cell may hold; "
        "if it should not be that large, a double quote (\") in this row is probably not closed",
    },
    "bad-name": {
        "it": "il nome '{name}' contiene '|', che nelle attività separa un nome dall'altro (Ateneo|Comune); "
        "scrivi il nome senza '|'",
        "en": "the name '{name}' holds '|', which separates one name from the next in activities (Ateneo|Comune); "
        "write the name without '|'",
    },
    "report.bad_epoch": {
        "it": "SOURCE_DATE_EPOCH vale '{value}': deve essere un numero intero di secondi dal 1970 (per esempio 1700000000), "
        "fino all'anno 9999; correggilo o toglilo (unset SOURCE_DATE_EPOCH)",
        "en": "SOURCE_DATE_EPOCH is '{value}': it must be a whole number of seconds since 1970 (e.g. 1700000000), "
        "up to the year 9999; correct it or remove it (unset SOURCE_DATE_EPOCH)",
    },
    "plan-kind-bool": {"it": "true o false", "en": "true or false"},
    "plan-got-text": {
        "it": "serve {expected}, c'è il testo {value}; YAML l'ha letto come testo, controlla il valore",
        "en": "expected {expected}, got the text {value}; YAML read it as text, check the value",
    },
    "plan-expected": {"it": "serve {expected}, c'è {value}", "en": "expected {expected}, got {value}"},
    "plan-at-most": {"it": "deve essere al massimo {bound}, c'è {value}", "en": "must be {bound} or less, got {value}"},
    "plan-less-than": {"it": "deve essere meno di {bound}, c'è {value}", "en": "must be less than {bound}, got {value}"},
    "plan-more-than": {"it": "deve essere più di {bound}, c'è {value}", "en": "must be more than {bound}, got {value}"},
    "plan-empty-text": {"it": "il testo è vuoto; scrivilo", "en": "the text is empty; write it"},
    "plan-too-long": {"it": "più lungo di {limit} caratteri; accorcialo", "en": "longer than {limit} characters; shorten it"},
    "plan-bad-id": {
        "it": "{value} non è un id valido: lettere minuscole, cifre, '_' e '-', prima una lettera o una cifra",
        "en": "{value} is not a valid id: lower-case letters, digits, '_' and '-', starting with a letter or digit",
    },
    "plan-value-unfit": {
        "it": "il valore {value} non va bene per questa chiave; controlla che tipo di valore richiede",
        "en": "the value {value} does not fit this key; check what kind of value it takes",
    },
    "yaml-merge-key": {
        "it": "le chiavi di unione ('<<') non sono ammesse in un piano: copiano chiavi senza dirlo; scrivi le chiavi per intero",
        "en": "merge keys ('<<') are not allowed in a plan: they copy keys in silently; write the keys out in full",
    },
    "yaml-same-key": {
        "it": "chiave ripetuta: '{key}' è la stessa chiave di '{first}' alla riga {line}; togline una",
        "en": "duplicate key: '{key}' is the same key as '{first}' at line {line}; remove one of them",
    },
    # -- values: dates and counts (periods.py, numbers.py) ---------------------------
    "not-a-calendar-date": {"it": "'{value}' non è una data esistente", "en": "'{value}' is not a real calendar date"},
    "not-a-date": {
        "it": "'{value}' non è una data; scriverla come AAAA-MM-GG (2023-03-11) o GG/MM/AAAA (11/03/2023)",
        "en": "'{value}' is not a date; write YYYY-MM-DD (2023-03-11) or DD/MM/YYYY (11/03/2023)",
    },
    "number-too-large": {
        "it": "'{value}' è troppo grande; relint conta fino a {limit}",
        "en": "'{value}' is too large; relint counts up to {limit}",
    },
    "number-negative": {
        "it": "'{value}' è negativo; scrivere un numero intero pari o superiore a 0",
        "en": "'{value}' is negative; write a whole number of 0 or more",
    },
    "number-not-whole-excel": {
        "it": "'{value}' non è un numero intero; scriverlo come 5000 o 5.000, senza decimali",
        "en": "'{value}' is not a whole number; write it as 5000 or 5.000, without decimals",
    },
    "number-grouped-in-comma-file": {
        "it": "'{value}' non è un numero intero; scrivere 5000 senza separatore (il punto come separatore "
        "delle migliaia è letto solo nei file con ';' salvati da Excel)",
        "en": "'{value}' is not a whole number; write 5000 without a separator "
        "(a '.' thousands separator is read only in ';' files saved by Excel)",
    },
    "number-not-whole": {
        "it": "'{value}' non è un numero intero; scrivere solo cifre, ad esempio 12",
        "en": "'{value}' is not a whole number; write digits only, e.g. 12",
    },
    # -- rows of the data files (rows.py, registry.py) -----------------------------
    "choices": {"it": "{ids}", "en": "{ids}"},
    "labelled-choice": {"it": "{id} ({label})", "en": "{id} ({label})"},
    "choices-with-aliases": {"it": "{ids} (oppure: {aliases})", "en": "{ids} (or: {aliases})"},
    "missing-date": {
        "it": "manca la data; scriverla come AAAA-MM-GG o GG/MM/AAAA",
        "en": "missing date; write YYYY-MM-DD or DD/MM/YYYY",
    },
    "bad-date": {"it": "{reason}", "en": "{reason}"},
    "date-outside-quarter": {
        "it": "la data {date} non cade nel trimestre di questo file, {quarter} ({first}..{last}); "
        "spostare la riga in {file}",
        "en": "date {date} is outside this file's quarter {quarter} ({first}..{last}); move the row to {file}",
    },
    "date-outside-plan": {
        "it": "la data {date} non rientra nel periodo del piano {start}..{end}",
        "en": "date {date} is outside the plan period {start}..{end}",
    },
    "missing-type": {
        "it": "manca il tipo di attività; valori ammessi: {choices}",
        "en": "missing type — expected one of: {choices}",
    },
    "unknown-type": {
        "it": "tipo di attività '{value}' sconosciuto; valori ammessi: {choices}",
        "en": "unknown type '{value}' — expected one of: {choices}",
    },
    "unknown-territory": {
        "it": "territorio '{value}' sconosciuto; indicare un codice ISO 3166 (BE, DE-HE) "
        "o il nome di un territorio del piano (Assia, Hesse)",
        "en": "unknown territory '{value}' — write an ISO 3166 code (BE, DE-HE) or a plan territory's name (Assia, Hesse)",
    },
    "missing-territory": {
        "it": "manca il territorio, obbligatorio per un'attività di tipo '{type}'; indicare un codice ISO 3166 "
        "(BE, DE-HE) o il nome di un territorio del piano",
        "en": "missing territory for a '{type}' row — write an ISO 3166 code (BE, DE-HE) or a plan territory's name",
    },
    "unknown-action": {
        "it": "azione '{value}' sconosciuta; identificativi delle azioni del piano: {choices}",
        "en": "unknown action '{value}' — expected one of the plan's action ids: {choices}",
    },
    "bad-participants": {"it": "partecipanti: {reason}", "en": "participants: {reason}"},
    "bad-value": {"it": "{reason}", "en": "{reason}"},
    "value-below-one": {
        "it": "il valore deve essere pari o superiore a 1 (lasciarlo vuoto per 1)",
        "en": "value must be 1 or more (leave it empty for 1)",
    },
    "missing-title": {
        "it": "manca il titolo; descrivere in poche parole l'attività svolta",
        "en": "missing title; say in a few words what happened",
    },
    "unknown-stakeholder": {
        "it": "stakeholder '{name}' non registrato; registrarlo prima con: "
        'relint add-stakeholder "{name}" --category CATEGORIA --internal|--external',
        "en": "unknown stakeholder '{name}'; register it first: "
        'relint add-stakeholder "{name}" --category CATEGORY --internal|--external',
    },
    "bad-cell": {"it": "{field}: valore non ammesso", "en": "{field}: this value is not accepted"},
    "missing-name": {"it": "manca il nome dello stakeholder", "en": "missing stakeholder name"},
    "bad-internal": {
        "it": "internal deve valere sì o no (yes/no), trovato '{value}'",
        "en": "internal must be yes or no (sì/no), got '{value}'",
    },
    "unknown-category": {
        "it": "categoria '{value}' sconosciuta; valori ammessi: {choices}",
        "en": "unknown category '{value}' — expected one of: {choices}",
    },
    "duplicate-stakeholder": {
        "it": "lo stakeholder '{name}' è già presente alla riga {first}",
        "en": "stakeholder '{name}' is already listed at line {first}",
    },
    # -- reading CSV files (csvio.py) ----------------------------------------------
    "too-many-issues": {
        "it": "più di {limit} problemi; l'elenco si ferma qui",
        "en": "more than {limit} problems; stopped listing them",
    },
    "nul-byte": {
        "it": "byte NUL vicino al byte {byte}: il file non è un CSV di testo "
        "(salvarlo di nuovo come 'CSV UTF-8' o 'CSV (separatore: punto e virgola)')",
        "en": "NUL byte near byte {byte}: the file is not a text CSV "
        "(save it again as 'CSV UTF-8' or 'CSV (separatore: punto e virgola)')",
    },
    "bad-encoding": {
        "it": "byte non leggibile alla posizione {byte}: il file non è né UTF-8 né Windows-1252; "
        "salvarlo da Excel come 'CSV UTF-8'",
        "en": "undecodable byte at byte offset {byte}: the file is neither UTF-8 nor Windows-1252; "
        "save it from Excel as 'CSV UTF-8'",
    },
    "not-a-file": {
        "it": "non è un file ordinario; rimuoverlo o rinominarlo (non può contenere righe)",
        "en": "this is not a regular file; remove it or rename it (it cannot hold rows)",
    },
    "blank-header": {
        "it": "la riga 1 è vuota; la prima riga deve essere l'intestazione: {columns}",
        "en": "line 1 is blank; the header row must be the first line: {columns}",
    },
    "empty-file": {
        "it": "il file è vuoto; serve una riga di intestazione: {columns}",
        "en": "the file is empty; it needs a header row: {columns}",
    },
    "unknown-column": {
        "it": "colonna '{name}' sconosciuta; colonne ammesse: {choices}",
        "en": "unknown column '{name}' — expected columns: {choices}",
    },
    "duplicate-column": {
        "it": "la colonna '{name}' compare due volte nell'intestazione; tenerne una sola",
        "en": "column '{name}' appears twice in the header; keep one",
    },
    "missing-column": {
        "it": "manca la colonna '{name}' nell'intestazione (obbligatorie: {required})",
        "en": "missing column '{name}' in the header (required: {required})",
    },
    "row-length": {
        "it": "{what}; controllare se manca o avanza un '{delimiter}'",
        "en": "{what}; check for a missing or extra '{delimiter}'",
    },
    "row-fewer-cells": {
        "it": "la riga ha {count} {count:cella|celle}, meno delle {width} colonne dell'intestazione",
        "en": "row has {count} {count:cell|cells}, fewer than the {width} header columns",
    },
    "row-more-cells": {
        "it": "la riga ha {count} {count:cella|celle}, più delle {width} colonne dell'intestazione",
        "en": "row has {count} {count:cell|cells}, more than the {width} header columns",
    },
    "bad-quoting": {
        "it": "riga CSV malformata ({detail}): delle virgolette aperte non sono chiuse; controllare le virgolette della riga",
        "en": "malformed CSV row ({detail}); a quote is not closed — check the quotes in this row",
    },
    "torn-row": {
        "it": "l'ultima riga è incompleta ({count} {count:cella|celle} su {width}) e il file non termina con un a capo: "
        "una scrittura è stata interrotta; completare o eliminare la riga",
        "en": "the last row is cut short ({count} of {width} {width:cell|cells}) and the file does not end with a "
        "line end: a write was interrupted; complete or delete the row",
    },
    "unencodable": {
        "it": "il file è salvato in {encoding}, che non può contenere {chars}; salvarlo da Excel come "
        "'CSV UTF-8' e riprovare, oppure scrivere il testo senza quel carattere",
        "en": "the file is saved as {encoding}, which cannot hold {chars}; save it from Excel as "
        "'CSV UTF-8' and retry, or write the text without that character",
    },
    "file-lacks-column": {
        "it": "{path} non ha la colonna {columns}; aggiungerla alla riga di intestazione per registrare questo valore",
        "en": "{path} has no column {columns}; add it to the header row to record this value",
    },
    "in-field": {"it": "{field}: {reason}", "en": "{field}: {reason}"},
    # -- the data folder (actuals.py) ----------------------------------------------
    "bad-file-name": {
        "it": "i file delle attività prendono il nome dal trimestre, ad esempio 2023-Q1.csv; rinominare questo file",
        "en": "actuals files are named by quarter, e.g. 2023-Q1.csv; rename this file",
    },
    "no-actuals": {
        "it": "qui non c'è la cartella actuals/; indicare con --data CARTELLA la cartella che la contiene",
        "en": "no actuals/ folder here; pass --data FOLDER that holds actuals/",
    },
    "duplicate-id": {"it": "{what}", "en": "{what}"},
    "duplicate-row-id": {
        "it": "l'id '{id}' è già usato in {where}; gli id devono essere univoci "
        "(svuotare la cella di una riga aggiunta a mano)",
        "en": "id '{id}' is already used at {where}; ids must be unique (clear the cell of a hand-added row)",
    },
    # -- the plan file (plan.py, yamlsafe.py) --------------------------------------
    "plan-not-found": {
        "it": "file del piano non trovato; indicarlo con --plan PERCORSO o con la variabile RELINT_PLAN",
        "en": "plan file not found; pass --plan PATH or set RELINT_PLAN",
    },
    "plan-unreadable": {"it": "impossibile leggere il piano: {reason}", "en": "cannot read the plan: {reason}"},
    "plan-encoding": {
        "it": "il byte {byte} non è UTF-8; salvare il piano in UTF-8",
        "en": "byte {byte} is not UTF-8; save the plan as UTF-8",
    },
    "plan-not-mapping": {
        "it": "il piano deve essere una mappa YAML (chiave: valore)",
        "en": "the plan must be a YAML mapping (key: value)",
    },
    "duplicate-plan-id": {
        "it": "l'id '{id}' è usato due volte in {where}; gli id devono essere univoci",
        "en": "{where} id '{id}' is used twice; ids must be unique",
    },
    "duplicate-territory": {
        "it": "il territorio {code} è già elencato nel gruppo '{group}'",
        "en": "territory {code} is already listed in group '{group}'",
    },
    "duplicate-alias": {
        "it": "'{word}' indica sia il tipo di attività '{first}' sia '{second}'",
        "en": "'{word}' names both activity types '{first}' and '{second}'",
    },
    "unknown-objective": {
        "it": "obiettivo '{value}' sconosciuto; valori ammessi: {choices}",
        "en": "unknown objective '{value}' — expected one of: {choices}",
    },
    "unknown-indicator": {
        "it": "indicatore '{value}' sconosciuto; valori ammessi: {choices}",
        "en": "unknown indicator '{value}' — expected one of: {choices}",
    },
    "unknown-activity-type": {
        "it": "tipo di attività '{value}' sconosciuto; valori ammessi: {choices}",
        "en": "unknown activity type '{value}' — expected one of: {choices}",
    },
    "unknown-metric": {
        "it": "metrica '{value}' sconosciuta; valori ammessi: {choices}",
        "en": "unknown metric '{value}' — expected one of: {choices}",
    },
    "unknown-goal": {
        "it": "obiettivo strategico '{value}' sconosciuto; valori ammessi: {choices}",
        "en": "unknown strategic goal '{value}' — expected one of: {choices}",
    },
    "unknown-priority-territory": {
        "it": "territorio prioritario '{value}' sconosciuto; valori ammessi: {choices}",
        "en": "unknown priority territory '{value}' — expected one of: {choices}",
    },
    "bad-period": {
        "it": "l'inizio del periodo è successivo alla fine",
        "en": "the period's start is after its end",
    },
    "no-targets": {"it": "l'indicatore '{id}' non ha target", "en": "indicator '{id}' has no targets"},
    "target-outside-period": {
        "it": "l'anno del target {year} non rientra nel periodo del piano {first}–{last}",
        "en": "target year {year} is outside the plan period {first}–{last}",
    },
    "cumulative-decreasing": {
        "it": "i target cumulativi sono totali progressivi e non possono diminuire da un anno all'altro",
        "en": "cumulative targets are running totals and cannot decrease from one year to the next",
    },
    "bad-thresholds": {
        "it": "thresholds.at_risk non può superare thresholds.on_track",
        "en": "thresholds.at_risk must not exceed thresholds.on_track",
    },
    "bad-timing": {
        "it": "l'inizio della finestra temporale è successivo alla fine",
        "en": "the timing window's start is after its end",
    },
    "bad-territory-code": {"it": "{what}", "en": "{what}"},
    "not-a-territory-code": {
        "it": "'{value}' non è un codice ISO 3166-1 alpha-2 né ISO 3166-2 (ad esempio 'SE', 'DE-HE')",
        "en": "'{value}' is not an ISO 3166-1 alpha-2 or ISO 3166-2 code (e.g. 'SE', 'DE-HE')",
    },
    "not-a-country-code": {
        "it": "'{value}' non è un codice di paese ISO 3166-1 alpha-2 (ad esempio 'TN')",
        "en": "'{value}' is not an ISO 3166-1 alpha-2 country code (e.g. 'TN')",
    },
    "plan-extra_forbidden": {"it": "{what}", "en": "{what}"},
    "plan-missing": {"it": "{what}", "en": "{what}"},
    "plan-int_type": {"it": "{what}", "en": "{what}"},
    "plan-int_parsing": {"it": "{what}", "en": "{what}"},
    "plan-bool_type": {"it": "{what}", "en": "{what}"},
    "plan-bool_parsing": {"it": "{what}", "en": "{what}"},
    "plan-float_type": {"it": "{what}", "en": "{what}"},
    "plan-float_parsing": {"it": "{what}", "en": "{what}"},
    "plan-date_type": {"it": "{what}", "en": "{what}"},
    "plan-date_parsing": {"it": "{what}", "en": "{what}"},
    "plan-date_from_datetime_parsing": {"it": "{what}", "en": "{what}"},
    "plan-string_type": {"it": "{what}", "en": "{what}"},
    "plan-model_type": {"it": "{what}", "en": "{what}"},
    "plan-dict_type": {"it": "{what}", "en": "{what}"},
    "plan-list_type": {"it": "{what}", "en": "{what}"},
    "plan-literal_error": {"it": "{what}", "en": "{what}"},
    "plan-greater_than_equal": {"it": "{what}", "en": "{what}"},
    "plan-less_than_equal": {"it": "{what}", "en": "{what}"},
    "plan-value_error": {"it": "{what}", "en": "{what}"},
    "plan-less_than": {"it": "{what}", "en": "{what}"},
    "plan-greater_than": {"it": "{what}", "en": "{what}"},
    "plan-string_too_short": {"it": "{what}", "en": "{what}"},
    "plan-string_too_long": {"it": "{what}", "en": "{what}"},
    "plan-string_pattern_mismatch": {"it": "{what}", "en": "{what}"},
    "plan-invalid": {"it": "{what}", "en": "{what}"},
    "plan-unknown-key": {
        "it": "chiave '{key}' sconosciuta; eliminarla o controllarne l'ortografia",
        "en": "unknown key '{key}'; remove it or check its spelling",
    },
    "plan-missing-key": {"it": "manca la chiave obbligatoria '{key}'", "en": "missing required key '{key}'"},
    "plan-thousands": {
        "it": "atteso un numero intero, trovato {value}; scrivere le migliaia senza separatore (5000, non 5.000)",
        "en": "expected a whole number, got {value}; write thousands without a separator (5000, not 5.000)",
    },
    "plan-read-as-text": {
        "it": "{expected}, trovato il testo {value}; YAML lo ha letto come testo, controllare il valore",
        "en": "{expected}, got the text {value}; YAML read it as text, check the value",
    },
    "plan-bad-value": {"it": "{expected}, trovato {value}", "en": "{expected}, got {value}"},
    "expected-yes-no": {"it": "atteso un valore vero o falso (true/false)", "en": "Input should be a valid boolean"},
    "expected-whole-number": {"it": "atteso un numero intero", "en": "Input should be a valid integer"},
    "expected-number": {"it": "atteso un numero", "en": "Input should be a valid number"},
    "expected-date": {"it": "attesa una data AAAA-MM-GG", "en": "Input should be a valid date"},
    "plan-expected-text": {
        "it": "atteso un testo, trovato {value}; mettere il valore tra virgolette",
        "en": "expected text, got {value}; put the value in quotes",
    },
    "plan-expected-both-languages": {
        "it": 'atteso un testo in entrambe le lingue, scritto {{it: "…", en: "…"}}',
        "en": 'expected a text in both languages, written {{it: "…", en: "…"}}',
    },
    "plan-expected-mapping": {
        "it": "attesa una mappa di chiavi e valori (chiave: valore)",
        "en": "expected a mapping of keys and values (key: value)",
    },
    "plan-expected-list": {
        "it": "attesa una lista, scritta [a, b] o come voci '- ' su righe proprie",
        "en": "expected a list, written [a, b] or as '- ' items on their own lines",
    },
    "plan-not-allowed": {
        "it": "{value} non è tra i valori ammessi; scrivere {expected}",
        "en": "{value} is not one of the allowed values; write {expected}",
    },
    "one-or-other": {"it": "{first} o {last}", "en": "{first} or {last}"},
    "plan-too-small": {
        "it": "deve essere pari o superiore a {minimum}, trovato {value}",
        "en": "must be {minimum} or more, got {value}",
    },
    "plan-too-large": {
        "it": "deve essere pari o inferiore a {maximum}, trovato {value}",
        "en": "must be {maximum} or less, got {value}",
    },
    "plan-other": {"it": "valore non valido ({detail})", "en": "{detail}"},
    "yaml-alias": {"it": "{what}", "en": "{what}"},
    "yaml-no-alias": {
        "it": "l'alias '*{name}' non è ammesso in un file del piano; scrivere il valore per esteso",
        "en": "alias '*{name}' is not allowed in a plan file; write the value out in full",
    },
    "yaml-no-anchor": {
        "it": "l'ancora '&{name}' non è ammessa in un file del piano; scrivere il valore per esteso",
        "en": "anchor '&{name}' is not allowed in a plan file; write the value out in full",
    },
    "yaml-too-deep": {"it": "{what}", "en": "{what}"},
    "yaml-deeper-than": {
        "it": "annidamento oltre {levels} livelli; un piano non ne ha mai bisogno, controllare il rientro",
        "en": "nesting deeper than {levels} levels; a plan never needs this, check the indentation",
    },
    "yaml-too-deep-indentation": {
        "it": "annidamento troppo profondo; controllare il rientro",
        "en": "nesting too deep; check the indentation",
    },
    "yaml-character": {
        "it": "il carattere {char} non è ammesso in YAML; eliminarlo o riscrivere il testo",
        "en": "character {char} is not allowed in YAML; delete it or retype the text",
    },
    "yaml-duplicate-key": {"it": "{what}", "en": "{what}"},
    "yaml-repeated-key": {
        "it": "chiave '{key}' ripetuta (la prima alla riga {first}); eliminarne o rinominarne una",
        "en": "duplicate key '{key}' (first at line {first}); remove or rename one of them",
    },
    "yaml-syntax": {"it": "{what}", "en": "{what}"},
    "yaml-one-document": {
        "it": "un piano contiene un solo documento YAML; eliminare questo '---' e quanto segue, o unire i documenti",
        "en": "a plan holds one YAML document; remove this '---' and what follows, or merge it",
    },
    "yaml-syntax-error": {"it": "errore di sintassi YAML: {reason}", "en": "YAML syntax error: {reason}"},
    "yaml-after-document-end": {
        "it": "il file prosegue dopo la fine del documento YAML (un '...' o un valore senza chiave prima di questa riga); "
        "un piano è un'unica mappa: eliminare il '...', o scrivere quel valore come 'chiave: valore'",
        "en": "the file goes on after the YAML document has ended (a '...' or a value without a key before this line); "
        "a plan is one mapping: remove the '...', or write that value as 'key: value'",
    },
    # The syntax errors a person editing a plan makes (yamlsafe._syntax_reason); any other
    # keeps the parser's own words after yaml-syntax-error's lead.
    "yaml-tab": {
        "it": "carattere di tabulazione: YAML non ammette tabulazioni nel rientro; rientrare con spazi",
        "en": "tab character: YAML does not allow tabs in indentation; indent with spaces",
    },
    "yaml-cannot-start": {
        "it": "un valore non può iniziare con '{char}'; racchiudere l'intero valore tra virgolette (\"{char}…\")",
        "en": "a value cannot begin with '{char}'; put the whole value in quotes (\"{char}…\")",
    },
    "yaml-colon-in-value": {
        "it": "': ' non è ammesso qui: se i due punti fanno parte del testo, racchiudere l'intero valore tra virgolette "
        "(title: \"Fase 1: avvio\"); altrimenti controllare il rientro della riga",
        "en": "': ' is not allowed here: if the colon is part of the text, put the whole value in quotes "
        "(title: \"Phase 1: start\"); otherwise check the line's indentation",
    },
    "yaml-dash-in-value": {
        "it": "un elemento di lista ('- ') non può stare sulla riga della sua chiave: spostarlo alla riga seguente, rientrato, "
        "o racchiudere il testo tra virgolette se il trattino ne fa parte",
        "en": "a list item ('- ') cannot be on its key's line: move it to the next line, indented, "
        "or put the text in quotes if the dash is part of it",
    },
    "yaml-missing-colon": {
        "it": "manca ':' dopo la chiave alla riga {line}; scrivere 'chiave: valore', o rientrare la riga se continua il testo sopra",
        "en": "no ':' after the key at line {line}; write 'key: value', or indent the line if it continues the text above",
    },
    "yaml-unclosed-quote": {
        "it": "le virgolette {quote} aperte alla riga {line}, colonna {column} non sono mai chiuse; aggiungere quelle di chiusura",
        "en": "the quote {quote} opened at line {line}, column {column} is never closed; add the closing {quote}",
    },
    "yaml-unclosed-bracket": {
        "it": "la parentesi '{open}' aperta alla riga {line}, colonna {column} non è chiusa qui: aggiungere '{close}', "
        "o una ',' tra due elementi",
        "en": "the bracket '{open}' opened at line {line}, column {column} is not closed here: add '{close}', "
        "or a ',' between two items",
    },
    "yaml-flow-missing-value": {
        "it": "manca un valore prima di '{found}': eliminare la ',' in più o scrivere il valore",
        "en": "a value is missing before '{found}': remove the extra ',' or write the value",
    },
    "yaml-flow-ends-early": {
        "it": "il file finisce prima che una parentesi '[' o '{{' sia chiusa; aggiungere la parentesi di chiusura",
        "en": "the file ends before a bracket '[' or '{{' is closed; add the closing bracket",
    },
    "yaml-stray-closer": {
        "it": "'{found}' chiude una parentesi mai aperta; eliminarla, o racchiudere l'intero valore tra virgolette",
        "en": "'{found}' closes a bracket that was never opened; remove it, or put the whole value in quotes",
    },
    "yaml-text-after-single-quote": {
        "it": "testo dopo l'apice di chiusura: per scrivere un apostrofo tra apici raddoppiarlo ('l''attività'), "
        "o racchiudere il valore tra virgolette doppie (\"l'attività\")",
        "en": "text after the closing single quote: to write an apostrophe inside single quotes, double it ('l''attività'), "
        "or put the value in double quotes (\"l'attività\")",
    },
    "yaml-text-after-double-quote": {
        "it": "testo dopo le virgolette di chiusura: per scrivere \" tra virgolette doppie usare \\\", "
        "o racchiudere il valore tra apici ('il \"piano\"')",
        "en": "text after the closing double quote: to write \" inside double quotes, write \\\", "
        "or put the value in single quotes ('the \"plan\"')",
    },
    "yaml-text-after-value": {
        "it": "'{found}' dopo la fine del valore: un valore tra parentesi o virgolette finisce alla parentesi o virgoletta "
        "di chiusura; eliminare ciò che segue, o racchiudere l'intero valore tra virgolette",
        "en": "'{found}' after the end of the value: a value in brackets or quotes ends at its closing bracket or quote; "
        "remove what follows, or put the whole value in quotes",
    },
    "yaml-bad-indent": {
        "it": "il rientro di questa riga non corrisponde a quello delle righe sopra: le chiavi della mappa alla riga {line} "
        "iniziano nella colonna {column}, e una chiave annidata va rientrata più della sua chiave madre",
        "en": "this line's indentation does not match the lines above: the keys of the mapping at line {line} "
        "start in column {column}, and a nested key is indented further than its parent",
    },
    "yaml-item-in-mapping": {
        "it": "un elemento di lista ('- ') dove la mappa alla riga {line} (colonna {column}) si aspetta una chiave: "
        "rientrare la lista sotto la sua chiave, o scrivere 'chiave: valore'",
        "en": "a list item ('- ') where the mapping at line {line} (column {column}) expects a key: "
        "indent the list under its key, or write 'key: value'",
    },
    "yaml-bad-indent-item": {
        "it": "qui si attende un elemento ('- ') della lista alla riga {line}, nella colonna {column}: controllare il rientro "
        "(una chiave dopo la lista torna alla colonna della chiave della lista)",
        "en": "expected an item ('- ') of the list at line {line}, in column {column}: check the indentation "
        "(a key after the list goes back to the column of the list's own key)",
    },
    "yaml-bad-escape": {
        "it": "'{escape}' non è una sequenza ammessa tra virgolette doppie: scrivere la barra rovesciata come \\\\, "
        "o racchiudere il valore tra apici ('C:\\Dati')",
        "en": "'{escape}' is not an escape sequence YAML knows inside double quotes: write a backslash as \\\\, "
        "or put the value in single quotes ('C:\\Data')",
    },
    "yaml-block-scalar-header": {
        "it": "dopo '{indicator}' il testo inizia alla riga seguente, rientrato; su questa riga può seguire solo un commento",
        "en": "after '{indicator}' the text starts on the next line, indented; only a comment may follow on this line",
    },
    "yaml-error": {"it": "errore YAML: {reason}", "en": "YAML error: {reason}"},
    "yaml-empty": {
        "it": "il file è vuoto; deve contenere una mappa YAML",
        "en": "the file is empty; it must hold a YAML mapping",
    },
    "yaml-tag": {"it": "{what}", "en": "{what}"},
    "yaml-custom-tag": {
        "it": "tag YAML '{tag}' non ammesso: un piano ammette solo YAML semplice (niente !!python né tag personalizzati)",
        "en": "YAML tag '{tag}' is not allowed: only plain YAML is allowed in a plan (no !!python or custom tags)",
    },
    "yaml-complex-key": {
        "it": "una chiave deve essere un testo, non una lista o una mappa; scrivere la chiave come testo prima dei ':'",
        "en": "a key must be text, not a list or a mapping; write the key as text before the ':'",
    },
    "yaml-value": {"it": "valore non leggibile: {reason}", "en": "{reason}"},
    # -- writing files (storage.py, writers.py) ------------------------------------
    "locked": {
        "it": "{path} è bloccato da un altro comando relint (attesa di {seconds} s); riprovare tra poco "
        "o verificare se un processo relint è rimasto bloccato",
        "en": "{path} is locked by another relint command (waited {seconds} s); retry in a moment, "
        "or look for a relint process that hangs",
    },
    "cannot-open": {
        "it": "impossibile aprire {path} in scrittura: {reason}",
        "en": "cannot open {path} for writing: {reason}",
    },
    "cannot-append": {"it": "impossibile scrivere in {path}: {reason}", "en": "cannot write to {path}: {reason}"},
    "cannot-write-in": {
        "it": "impossibile scrivere nella cartella {folder}: {reason}",
        "en": "cannot write in {folder}: {reason}",
    },
    "cannot-replace": {
        "it": "impossibile scrivere {path}: {reason}; il file precedente è rimasto invariato",
        "en": "cannot write {path}: {reason}; the old file is unchanged",
    },
    "no-output-folder": {
        "it": "la cartella {folder} non esiste; crearla o indicare un altro --output",
        "en": "folder {folder} does not exist; create it or choose another --output",
    },
    "output-exists": {
        "it": "'{path}' esiste già; aggiungere --force per sovrascriverlo",
        "en": "'{path}' already exists; pass --force to overwrite it",
    },
    "bad-stakeholder-name": {
        "it": "il nome dello stakeholder non può essere vuoto né contenere '|'",
        "en": "a stakeholder name must be non-empty and cannot contain '|'",
    },
    "unknown-category-option": {
        "it": "categoria '{value}' sconosciuta; scegliere tra: {choices}",
        "en": "unknown category '{value}' — choose one of: {choices}",
    },
    "stakeholder-registered": {
        "it": "lo stakeholder '{name}' è già registrato ({where})",
        "en": "stakeholder '{name}' is already registered ({where})",
    },
    "unknown-action-option": {
        "it": "azione '{value}' sconosciuta; scegliere tra: {choices}",
        "en": "unknown action '{value}' — choose one of: {choices}",
    },
    "no-pageviews-import": {
        "it": "il piano non ha una sezione pageviews_import che indichi quali pagine contare",
        "en": "the plan has no pageviews_import section saying which pages to count",
    },
    "cannot-read": {"it": "impossibile leggere {path}: {reason}", "en": "cannot read {path}: {reason}"},
    "bad-export": {
        "it": "non è un export 'URL di pagina': servono una colonna delle visualizzazioni (nb_hits, Pageviews o "
        "'Visualizzazioni di pagina') e una colonna label o url",
        "en": "not a 'Page URLs' export: expected a page-views column (nb_hits, Pageviews or "
        "'Visualizzazioni di pagina') and a label or url column",
    },
    "bad-pageviews": {
        "it": "le visualizzazioni di pagina '{value}' non sono un numero intero",
        "en": "page views '{value}' is not a whole number",
    },
    "not-a-quarter": {
        "it": "--quarter '{value}' non è un trimestre; scriverlo come 2022Q4",
        "en": "--quarter '{value}' is not a quarter; write it as 2022Q4",
    },
    "quarter-outside-plan-years": {
        "it": "--quarter {value} non rientra nel piano ({first}–{last})",
        "en": "--quarter {value} is outside the plan ({first}–{last})",
    },
    "quarter-outside-plan": {
        "it": "--quarter {value} non rientra nel periodo del piano {start}..{end}",
        "en": "--quarter {value} is outside the plan period {start}..{end}",
    },
    "pageviews-row-title": {
        "it": "Visualizzazioni di pagina {quarter} (importate da {file})",
        "en": "Page views {quarter} (import {file})",
    },
    "no-pageviews-matched": {
        "it": "nessuna visualizzazione di pagina corrisponde ai criteri del piano in {path}; nulla è stato registrato",
        "en": "no page views matched the plan's patterns in {path}; nothing recorded",
    },
    "file-lacks-pageviews-column": {
        "it": "{path} non ha la colonna {columns}; aggiungerla alla riga di intestazione per registrare "
        "le visualizzazioni di pagina",
        "en": "{path} has no column {columns}; add it to the header row to record the page views",
    },
    # -- options (workspace.py, progress.py, report.py, render/report_export.py, cli.py) --
    "no-plan-file": {
        "it": "nessun file del piano in '{path}'; avviare relint dalla cartella principale del repository "
        "oppure indicare --plan PERCORSO (o la variabile RELINT_PLAN) e --data CARTELLA (o RELINT_DATA)",
        "en": "no plan file at '{path}'; run relint from the repository root, "
        "or pass --plan PATH (or set RELINT_PLAN) and --data FOLDER (or RELINT_DATA)",
    },
    "year-outside-plan": {
        "it": "l'anno {year} non rientra nel periodo del piano; scegliere tra: {choices}",
        "en": "year {year} is outside the plan period; choose one of: {choices}",
    },
    "as-of-other-year": {
        "it": "--as-of {date} non cade nel {year}; indicare una data tra {year}-01-01 e {year}-12-31 "
        "oppure ometterlo per la fine dell'anno",
        "en": "--as-of {date} is not in {year}; give a date between {year}-01-01 and {year}-12-31, "
        "or leave it out for the year's end",
    },
    "year-not-started": {
        "it": "il {year} non è ancora iniziato (oggi è il {today}); per un'anteprima indicare --as-of {year}-MM-GG",
        "en": "{year} has not started yet (today is {today}); pass --as-of {year}-MM-DD to preview it",
    },
    "unknown-breakdown": {
        "it": "ripartizione '{value}' sconosciuta; scegliere tra: {choices}",
        "en": "unknown breakdown '{value}' — choose one of: {choices}",
    },
    "unknown-indicator-option": {
        "it": "indicatore '{value}' sconosciuto; scegliere tra: {choices}",
        "en": "unknown indicator '{value}' — choose one of: {choices}",
    },
    "unknown-territory-option": {
        "it": "territorio '{value}' sconosciuto; indicare un codice ISO 3166 (BE, DE-HE) o il nome di un territorio del piano",
        "en": "unknown territory '{value}' — write an ISO 3166 code (BE, DE-HE) or a plan territory's name",
    },
    "unknown-format": {
        "it": "formato '{value}' sconosciuto; scegliere tra: {choices}",
        "en": "unknown report format '{value}'; choose one of: {choices}",
    },
    "binary-needs-output": {
        "it": "--format {format} produce un file binario; aggiungere --output PERCORSO (ad esempio --output relazione.{format})",
        "en": "--format {format} writes a binary file; add --output PATH (e.g. --output report.{format})",
    },
    "output-is-folder": {
        "it": "'{path}' è una cartella; indicare il nome di un file, ad esempio {example}",
        "en": "'{path}' is a folder; give a file name, e.g. {example}",
    },
    # -- the command line (cli.py) -------------------------------------------------
    "error": {"it": "Errore: {message}", "en": "Error: {message}"},
    "internal-error": {
        "it": "Errore interno: {kind}: {detail} (rieseguire con --debug per vedere il traceback)",
        "en": "Internal error: {kind}: {detail} (run with --debug for a traceback)",
    },
    "more-problems": {
        "it": "… e altri {n} {n:problema|problemi} (sono mostrati i primi {shown})",
        "en": "… and {n} more {n:problem|problems} (showing the first {shown})",
    },
    "problems-found": {
        "it": "{n} {n:problema trovato|problemi trovati}.",
        "en": "{n} {n:problem|problems} found.",
    },
    "problems-found-over": {
        "it": "più di {n} {n:problema trovato|problemi trovati}.",
        "en": "more than {n} {n:problem|problems} found.",
    },
    "validate-ok": {
        "it": "OK: piano {plan} valido; {n} {n:attività valida|attività valide} in {folder}.",
        "en": "OK: plan {plan} and {n} {n:activity|activities} in {folder} are valid.",
    },
    "missing-options": {
        "it": "mancano {options}; indicarli come opzioni (l'input standard non è un terminale, quindi relint non può chiederli)",
        "en": "missing {options}; give them as options (standard input is not a terminal, so relint cannot ask)",
    },
    "recorded-replaced": {
        "it": " ({n:sostituita|sostituite} {n} {n:riga precedente|righe precedenti})",
        "en": " (replaced {n} earlier {n:row|rows})",
    },
    "internal-or-external": {
        "it": "indicare --internal (interno all'amministrazione regionale) o --external",
        "en": "say --internal (part of the regional administration) or --external",
    },
    "no-such-file": {"it": "il file '{path}' non esiste", "en": "no file '{path}'"},
    "rows": {"it": "{n} {n:riga|righe}", "en": "{n} {n:row|rows}"},
    "no-shipped-data": {
        "it": "i dati di esempio non sono in {path} (relint è stato installato senza il repository)",
        "en": "the shipped data is not in {path} (relint was installed without its repository)",
    },
    "demo-folder-not-empty": {
        "it": "'{path}' esiste già e non è una cartella vuota; indicare una cartella nuova",
        "en": "'{path}' already exists and is not an empty folder; give a new folder",
    },
    "demo-copied": {
        "it": "Piano e dati di esempio copiati in {data}.\nPer provarli (i file forniti con relint restano invariati):\n"
        "  cd {folder}\n  relint validate\n  relint status\n  relint add-activity --dry-run --type incontro "
        "--date 11/03/2023 --territory BE --title \"Ambasciatore del Belgio\"",
        "en": "Shipped plan and data copied to {data}.\nTo try them (the files shipped with relint stay unchanged):\n"
        "  cd {folder}\n  relint validate\n  relint status\n  relint add-activity --dry-run --type meeting "
        "--date 2023-03-11 --territory BE --title \"Ambassador of Belgium\"",
    },
}

def t(key: str, lang: str = DEFAULT_LANG) -> str:
    """The label ``key`` in ``lang``; the key itself when it is not catalogued."""
    entry = LABELS.get(key)
    if entry is None:
        return key
    return entry.get(lang) or entry[DEFAULT_LANG]


# -- the run's language -------------------------------------------------------------

LANGUAGES = ("it", "en")

_run_lang: str | None = None


def set_lang(lang: str | None) -> None:
    """Fix the language of this run (``None``: back to :data:`DEFAULT_LANG`)."""
    global _run_lang
    _run_lang = lang


def current_lang() -> str:
    """The language this run speaks: the one :func:`set_lang` fixed, else :data:`DEFAULT_LANG`."""
    return _run_lang or DEFAULT_LANG


# -- rendering catalogued messages ------------------------------------------------


class _Formatter(string.Formatter):
    """``str.format`` plus plural choices: ``{count:riga|righe}`` picks by ``count``."""

    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value, format_spec):
        if "|" in format_spec:
            one, many = format_spec.split("|", 1)
            return one if value == 1 else many
        return super().format_field(self.plain(value), format_spec)

    def plain(self, value):
        """A parameter as text: a nested message or a ``{it, en}`` dict in this language, a list joined with commas."""
        if hasattr(value, "text"):
            return value.text(self.lang)
        if isinstance(value, dict) and DEFAULT_LANG in value:
            return value.get(self.lang) or value[DEFAULT_LANG]
        if isinstance(value, (list, tuple)):
            return ", ".join(str(self.plain(v)) for v in value)
        return value


def render(code: str, params: dict, lang: str | None = None) -> str:
    """The message ``code`` of :data:`MESSAGES` in ``lang`` (default: the run's), filled with ``params``.

    An unknown code renders as the code and its parameters (the tests make
    sure every code used has both templates).
    """
    lang = lang or current_lang()
    entry = MESSAGES.get(code)
    if entry is None:
        return code + "".join(f" {k}={v}" for k, v in params.items())
    return _Formatter(lang).vformat(entry.get(lang) or entry[DEFAULT_LANG], (), params)


def count(n: int, key: str, lang: str | None = None) -> str:
    """``n`` with the noun ``key`` of :data:`MESSAGES` in the right number: ``1 riga``, ``2 righe``."""
    return render(key, {"n": n}, lang)
