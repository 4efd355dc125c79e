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
    "recorded.dry_run": {
        "it": "Prova: la riga andrebbe in {where} (nulla è stato scritto):",
        "en": "Dry run: would append to {where} (nothing written):",
    },
    "recorded.matched": {
        "it": "{matched} righe su {rows} dell'export corrispondono; visualizzazioni: {value}",
        "en": "{matched} of {rows} export rows matched; page views: {value}",
    },
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
    "prompt.type": {"it": "Tipo", "en": "Type"},
    "prompt.date": {"it": "Data (AAAA-MM-GG o GG/MM/AAAA)", "en": "Date (YYYY-MM-DD or DD/MM/YYYY)"},
    "prompt.territory": {"it": "Territorio", "en": "Territory"},
    "prompt.title": {"it": "Titolo", "en": "Title"},
    "recorded.territories": {
        "it": "Territori prioritari: {codes} — o un qualsiasi codice ISO 3166",
        "en": "Priority territories: {codes} — or any ISO 3166 code",
    },
    # -- --help of every command and option (cli.py; frame words in render/helptext) --
    "help.app": {
        "it": "Segue gli indicatori (KPI) di un piano di relazioni internazionali rispetto ai target.\n\n"
        "Avviato dalla cartella principale del repository usa data/plan_2022_2023.yaml e la sua cartella dati; "
        "altrimenti indicare --plan e --data.\n\nEsempio: relint status --by territory",
        "en": "Track an international-relations plan's KPIs against its targets.\n\n"
        "Run from the repository root to use data/plan_2022_2023.yaml and its data folder, "
        "or pass --plan and --data.\n\nExample: relint status --by territory",
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
        "en": "Show the plan: results, indicators and targets; territories by group; actions with timing."
        "\n\nExample: relint plan --lang en",
    },
    "help.cmd.validate": {
        "it": "Controlla il piano e tutti i file dei dati; segnala ogni problema come percorso:riga:colonna.\n\n"
        "Termina con codice 0 se è tutto valido, 1 se ci sono problemi.\n\nEsempio: relint --data data validate",
        "en": "Check the plan and every data file; print each problem as path:line:col.\n\n"
        "Exits 0 when everything is valid, 1 when there are problems.\n\nExample: relint --data data validate",
    },
    "help.cmd.add-activity": {
        "it": "Registra un'attività nel file del suo trimestre (actuals/AAAA-Tn.csv), con un nuovo id.\n\n"
        "In un terminale i valori obbligatori mancanti vengono chiesti. La riga è controllata come fa "
        "`relint validate`; gli stakeholder non ancora noti vanno prima registrati con `relint add-stakeholder`.\n\n"
        'Esempio: relint add-activity --type incontro --date 11/03/2023 --territory BE --title "Ambasciatore del Belgio"',
        "en": "Record one activity in its quarter's file (actuals/YYYY-Qn.csv), with a new id.\n\n"
        "Missing required values are asked for when run in a terminal. The row is checked exactly as "
        "`relint validate` checks files; unknown stakeholders must first be registered with `relint add-stakeholder`.\n\n"
        'Example: relint add-activity --type meeting --date 2023-03-11 --territory BE --title "Ambassador of Belgium"',
    },
    "help.cmd.add-stakeholder": {
        "it": "Registra uno stakeholder in stakeholders.csv, perché le attività possano citarlo.\n\n"
        'Esempio: relint add-stakeholder "Comune di Bologna" --category local_authority --external',
        "en": "Register a stakeholder in stakeholders.csv, so activities can name it.\n\n"
        'Example: relint add-stakeholder "Comune di Bologna" --category local_authority --external',
    },
    "help.cmd.complete-action": {
        "it": "Registra il raggiungimento dell'output di un'azione del piano (deliverables.csv).\n\n"
        'Esempio: relint complete-action quebec_agreement --date 20/10/2023 --note "Intesa firmata"',
        "en": "Record that a plan action's deliverable was achieved (deliverables.csv).\n\n"
        'Example: relint complete-action quebec_agreement --date 2023-10-20 --note "Agreement signed"',
    },
    "help.cmd.import-pageviews": {
        "it": "Registra le visualizzazioni di pagina di un trimestre della sezione web del piano da un export di "
        "statistiche.\n\nSomma le visualizzazioni (non quelle uniche) delle pagine che corrispondono ai criteri "
        "pageviews_import del piano e sostituisce l'eventuale riga precedente dello stesso trimestre.\n\n"
        "Esempio: relint import-pageviews export-2022-T4.csv --quarter 2022Q4",
        "en": "Record a quarter's page views of the plan's web section from an analytics export.\n\n"
        "Sums the page views (not unique views) of the pages matching the plan's pageviews_import patterns, "
        "and replaces any earlier page-views row of that quarter.\n\n"
        "Example: relint import-pageviews export-2022-Q4.csv --quarter 2022Q4",
    },
    "help.cmd.status": {
        "it": "Avanzamento rispetto ai target: per ogni indicatore target, valore effettivo, %, valore atteso a oggi, "
        "proiezione, quanto manca, il ritmo necessario per trimestre e lo stato.\n\n"
        "La data di riferimento è oggi (entro il periodo del piano), l'anno quello della data. "
        "--explain elenca le righe esatte da cui deriva un valore.\n\nEsempio: relint status --by territory",
        "en": "Progress against targets: per indicator the target, actual, %, expected to date, projection, "
        "what remains, the pace needed per quarter and a status.\n\n"
        "The as-of date defaults to today (clipped to the plan period), the year to the as-of date's year. "
        "--explain lists the exact rows behind a figure.\n\nExample: relint status --by territory --lang en",
    },
    "help.cmd.report": {
        "it": "Relazione annuale: indicatori rispetto ai target (con quelli dell'anno precedente), risultati, "
        "attività per territorio e tipo, stakeholder, azioni di rilevanza sistemica, criteri di valutazione del "
        "piano e punti di attenzione.\n\nFormati: table (terminale), md (tabelle Markdown), html (una pagina "
        "autonoma con grafici, stampabile in A4), xlsx (un foglio per sezione), json (tutti i dati) e csv (la "
        "tabella di sintesi). --output scrive un file e non sostituisce mai un file esistente senza --force.\n\n"
        "Esempio: relint report --year 2023 --format html --output relazione-2023.html",
        "en": "Year-end report: indicators against targets (with the previous year's), results, activity by "
        "territory and type, stakeholders, the systemic actions, the plan's evaluation criteria and what needs "
        "attention.\n\nFormats: table (terminal), md (Markdown tables), html (one self-contained page with charts, "
        "printable on A4), xlsx (one sheet per section), json (all the data) and csv (the headline table). "
        "--output writes a file and never replaces an existing one unless --force is given.\n\n"
        "Example: relint report --year 2023 --format html --output report-2023.html",
    },
    "help.cmd.demo": {
        "it": "Copia il piano e i dati di esempio in CARTELLA, per provare relint senza toccare i file forniti.\n\n"
        "Esempio: relint demo prova",
        "en": "Copy the shipped plan and data to FOLDER, to try relint without changing the shipped files.\n\n"
        "Example: relint demo trial",
    },
    "help.opt.type": {
        "it": "Tipo di attività: id o nome del piano (incontro, meeting, delegazione…).",
        "en": "Activity type: the plan's id or name (meeting, incontro, delegation…).",
    },
    "help.opt.date": {"it": "Data, AAAA-MM-GG o GG/MM/AAAA.", "en": "Date, YYYY-MM-DD or DD/MM/YYYY."},
    "help.opt.territory": {
        "it": "Codice ISO 3166 (BE, DE-HE) o nome di un territorio del piano.",
        "en": "ISO 3166 code (BE, DE-HE) or a plan territory's name.",
    },
    "help.opt.title": {"it": "Che cosa è avvenuto, in poche parole.", "en": "What happened, in a few words."},
    "help.opt.action": {"it": "L'azione del piano a cui si riferisce (il suo id).", "en": "The plan action this serves (its id)."},
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
        "it": "Una delle categorie di stakeholder del piano (vedere `relint plan`).",
        "en": "One of the plan's stakeholder categories (see `relint plan`).",
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
        "it": "L'id dell'azione del piano (vedere `relint plan`).",
        "en": "The plan action's id (see `relint plan`).",
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
    "help.opt.indicator": {"it": "Solo questo indicatore (id; ripetibile).", "en": "Only this indicator id (repeatable)."},
    "help.opt.status-territory": {
        "it": "Solo le attività in questo territorio (codice ISO o nome del piano).",
        "en": "Only activities in this territory (ISO code or plan name).",
    },
    "help.opt.explain": {
        "it": "Elenca le righe (file:riga) da cui deriva il valore di questo indicatore.",
        "en": "List the rows (file:line) behind this indicator's figure.",
    },
    "help.opt.format": {"it": "Formato di uscita.", "en": "Output format."},
    "help.opt.report-year": {"it": "L'anno del piano oggetto della relazione.", "en": "The plan year to report on."},
    "help.opt.report-as-of": {
        "it": "Conta le attività fino a questa data, AAAA-MM-GG o GG/MM/AAAA [predefinita: la fine dell'anno, o oggi].",
        "en": "Count activities up to this date, YYYY-MM-DD or DD/MM/YYYY [default: the year's end, or today].",
    },
    "help.opt.output": {
        "it": "Scrive la relazione in questo file (obbligatorio per xlsx).",
        "en": "Write the report to this file (required for xlsx).",
    },
    "help.opt.force": {"it": "Sovrascrive il file --output se esiste.", "en": "Overwrite the --output file if it exists."},
    "help.arg.folder": {"it": "La cartella da creare per la prova.", "en": "The folder to create for the trial."},
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
    "yaml-duplicate-key": {
        "it": "chiave '{key}' ripetuta (la prima alla riga {first}); eliminarne o rinominarne una",
        "en": "duplicate key '{key}' (first at line {first}); remove or rename one of them",
    },
    "yaml-syntax": {"it": "{what}", "en": "{what}"},
    "yaml-one-document": {
        "it": "un piano contiene un solo documento YAML; eliminare questo '---' e quanto segue, o unire i documenti",
        "en": "a plan holds one YAML document; remove this '---' and what follows, or merge it",
    },
    "yaml-syntax-error": {"it": "errore di sintassi YAML: {reason}", "en": "YAML syntax error: {reason}"},
    "yaml-syntax-tab": {
        "it": "errore di sintassi YAML: {reason} (YAML non ammette tabulazioni per il rientro; usare spazi)",
        "en": "YAML syntax error: {reason} (YAML does not allow tabs for indentation; use spaces)",
    },
    "yaml-error": {"it": "errore YAML: {reason}", "en": "YAML error: {reason}"},
    "yaml-empty": {
        "it": "il file è vuoto; deve contenere una mappa YAML",
        "en": "the file is empty; it must hold a YAML mapping",
    },
    "yaml-tag": {"it": "{what}", "en": "{what}"},
    "yaml-custom-tag": {
        "it": "{reason}; un piano ammette solo YAML semplice (niente !!python né tag personalizzati)",
        "en": "{reason}; only plain YAML is allowed in a plan (no !!python or custom tags)",
    },
    "yaml-tag-error": {"it": "{reason}", "en": "{reason}"},
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
        """A parameter as text: a nested message in this language, a list joined with commas."""
        if hasattr(value, "text"):
            return value.text(self.lang)
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
