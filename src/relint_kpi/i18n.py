"""Every user-visible label that exists in two languages, in one place.

Titles of plan items come from the plan's ``{it, en}`` fields; everything
else (column headings, status words, section titles) comes from
:data:`LABELS`. Italian is the default language: it is the plan's language.
"""

from __future__ import annotations

DEFAULT_LANG = "it"

#: The language of messages about the user's files (``path:line:col: …``),
#: English as every such message is until the message catalogue picks the
#: run's language; each one is catalogued in both (``LABELS``, keys below).
MESSAGE_LANG = "en"

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
    "validate.unexplained": {
        "it": "avviso: indicatore '{id}': target {year} non raggiunto ({actual} su {target}, {percent}%) e nessuna "
        "motivazione registrata; aggiungila con: relint add-note {id} --year {year} \"…\"",
        "en": "warning: indicator '{id}': {year} target not achieved ({actual} of {target}, {percent}%) and no reason "
        "recorded; add one with: relint add-note {id} --year {year} \"…\"",
    },
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
    "recorded.replaced": {"it": " (sostituite {count} righe precedenti)", "en": " (replaced {count} earlier row(s))"},
    "recorded.dry_run": {
        "it": "Prova: la riga andrebbe in {where} (nulla è stato scritto):",
        "en": "Dry run: would append to {where} (nothing written):",
    },
    "recorded.matched": {
        "it": "{matched} righe su {rows} dell'export corrispondono; visualizzazioni: {value}",
        "en": "{matched} of {rows} export rows matched; page views: {value}",
    },
    "clash.metric": {
        "it": "il {quarter} ha già la sua riga di questo tipo («{title}»); sostituirla con --replace",
        "en": "{quarter} already has its row of this type (“{title}”); pass --replace to replace it",
    },
    "clash.duplicate": {
        "it": "probabile doppione: stessa data, tipo e territorio, titolo simile («{title}»); per registrarla comunque usare --allow-duplicate",
        "en": "likely duplicate: same date, type and territory, similar title (“{title}”); pass --allow-duplicate to record it anyway",
    },
    "clash.deliverable": {
        "it": "il risultato dell'azione {action} del {date} è già registrato qui («{note}»)",
        "en": "the deliverable of action {action} on {date} is already recorded here (“{note}”)",
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
    "warn.likely_duplicate": {
        "it": "probabile doppione della riga {first} («{title}»): stessa data, tipo e territorio, titolo simile",
        "en": "likely duplicate of the row at {first} (“{title}”): same date, type and territory, similar title",
    },
    "warn.count": {"it": "avvisi: {count} (non sono errori)", "en": "warnings: {count} (not errors)"},
    # -- writes that could not be done (storage.WriteError) --------------------
    "cli.error": {"it": "Errore", "en": "Error"},
    "storage.append_undone": {
        "it": "impossibile scrivere in {path}: {reason}. Il file è rimasto com'era; {advice}",
        "en": "cannot write to {path}: {reason}. The file is as it was; {advice}",
    },
    "storage.append_torn": {
        "it": "impossibile scrivere in {path}: {reason}, e la riga scritta a metà non si è potuta togliere: "
        "relint validate la segnala; cancellatela, poi {advice}",
        "en": "cannot write to {path}: {reason}, and the half-written row could not be taken back: "
        "relint validate reports it; delete it, then {advice}",
    },
    "storage.cannot_open": {
        "it": "impossibile aprire {path} in scrittura: {reason}; {advice}",
        "en": "cannot open {path} for writing: {reason}; {advice}",
    },
    "storage.cannot_write_in": {
        "it": "impossibile scrivere in {folder}: {reason}; {advice}",
        "en": "cannot write in {folder}: {reason}; {advice}",
    },
    "storage.replace_failed": {
        "it": "impossibile scrivere {path}: {reason}; il file precedente è rimasto com'era; {advice}",
        "en": "cannot write {path}: {reason}; the old file is unchanged; {advice}",
    },
    "storage.lock_not_file": {
        "it": "{lock} è {kind}, non il file di blocco di relint; {delete} (relint ricrea il file di blocco) e riprovate",
        "en": "{lock} is {kind}, not relint's lock file; {delete} (relint creates the lock file again) and retry",
    },
    "storage.output_not_file": {
        "it": "{path} è {kind}, non un file normale; relint non lo sostituisce, nemmeno con --force: scegliete un altro --output",
        "en": "{path} is {kind}, not a regular file; relint does not replace it, even with --force: choose another --output",
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
    "storage.output_exists": {
        "it": "{path} esiste già; aggiungete --force per sostituirlo",
        "en": "{path} already exists; pass --force to replace it",
    },
    "storage.folder_is_file": {
        "it": "{folder} è {kind}, non una cartella; spostatelo o rinominatelo, e relint creerà la cartella",
        "en": "{folder} is {kind}, not a folder; move or rename it, and relint will create the folder",
    },
    "writers.link_outside": {
        "it": "{link} è un collegamento simbolico a {target}, fuori dalla cartella dei dati {folder}; relint non "
        "vi scrive attraverso: mettete il file stesso nella cartella dei dati al posto del collegamento",
        "en": "{link} is a symbolic link to {target}, outside the data folder {folder}; relint does not write "
        "through it: put the file itself in the data folder in place of the link",
    },
    "recorded.types": {"it": "Tipi", "en": "Types"},
    # -- messages about the user's files (rendered by message()) ---------------------
    "yaml.no_month": {
        "it": "'{value}' non è una data: il mese {month} non esiste; scrivi la data come AAAA-MM-GG (2023-02-28)",
        "en": "'{value}' is not a date: there is no month {month}; write the date as YYYY-MM-DD (2023-02-28)",
    },
    "yaml.no_year": {
        "it": "'{value}' non è una data: l'anno 0 non esiste nel calendario",
        "en": "'{value}' is not a date: the calendar has no year 0",
    },
    "yaml.no_day": {
        "it": "'{value}' non è una data: il mese {month} del {year} ha {days} giorni",
        "en": "'{value}' is not a date: month {month} of {year} has {days} days",
    },
    "yaml.bad_value": {
        "it": "'{value}' non si può leggere come {kind}; correggi il valore",
        "en": "'{value}' cannot be read as {kind}; correct the value",
    },
    "yaml.kind.int": {"it": "numero intero", "en": "a whole number"},
    "yaml.kind.float": {"it": "numero", "en": "a number"},
    "yaml.kind.date": {"it": "data (AAAA-MM-GG)", "en": "a date (YYYY-MM-DD)"},
    "csv.cell_too_large": {
        "it": "una cella di questa riga supera {limit} MiB, il massimo che una cella può contenere; "
        "se non deve essere così grande, in questa riga manca probabilmente la chiusura di un apice doppio (\")",
        "en": "a cell in this row is larger than {limit} MiB, the most a cell may hold; "
        "if it should not be that large, a double quote (\") in this row is probably not closed",
    },
    "registry.pipe_in_name": {
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
    "plan.kind.bool": {"it": "true o false", "en": "true or false"},
    "plan.got_text": {
        "it": "serve {expected}, c'è il testo {value}; YAML l'ha letto come testo, controlla il valore",
        "en": "expected {expected}, got the text {value}; YAML read it as text, check the value",
    },
    "plan.expected": {"it": "serve {expected}, c'è {value}", "en": "expected {expected}, got {value}"},
    "plan.at_most": {"it": "deve essere al massimo {bound}, c'è {value}", "en": "must be {bound} or less, got {value}"},
    "plan.less_than": {"it": "deve essere meno di {bound}, c'è {value}", "en": "must be less than {bound}, got {value}"},
    "plan.more_than": {"it": "deve essere più di {bound}, c'è {value}", "en": "must be more than {bound}, got {value}"},
    "plan.empty_text": {"it": "il testo è vuoto; scrivilo", "en": "the text is empty; write it"},
    "plan.too_long": {"it": "più lungo di {limit} caratteri; accorcialo", "en": "longer than {limit} characters; shorten it"},
    "plan.bad_id": {
        "it": "{value} non è un id valido: lettere minuscole, cifre, '_' e '-', prima una lettera o una cifra",
        "en": "{value} is not a valid id: lower-case letters, digits, '_' and '-', starting with a letter or digit",
    },
    "plan.bad_value": {
        "it": "il valore {value} non va bene per questa chiave; controlla che tipo di valore richiede",
        "en": "the value {value} does not fit this key; check what kind of value it takes",
    },
    "yaml.merge_key": {
        "it": "le chiavi di unione ('<<') non sono ammesse in un piano: copiano chiavi senza dirlo; scrivi le chiavi per intero",
        "en": "merge keys ('<<') are not allowed in a plan: they copy keys in silently; write the keys out in full",
    },
    "yaml.same_key": {
        "it": "chiave ripetuta: '{key}' è la stessa chiave di '{first}' alla riga {line}; togline una",
        "en": "duplicate key: '{key}' is the same key as '{first}' at line {line}; remove one of them",
    },
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


def message(code: str, lang: str = MESSAGE_LANG, **params) -> str:
    """The message ``code`` of :data:`LABELS` in ``lang``, its ``{names}`` filled from ``params``."""
    return t(code, lang).format(**params)
