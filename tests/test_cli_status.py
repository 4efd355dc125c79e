"""`relint status` through the CLI runner, on a small CSV data set, with golden files.

Set RELINT_UPDATE_GOLDEN=1 to rewrite the golden files, then review the diff.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import check_golden_bytes

from relint_kpi import cli
from relint_kpi.cli import app

REPO = Path(__file__).resolve().parent.parent

GOLDEN = Path(__file__).parent / "golden"

ACTUALS = {
    "2023-Q1.csv": (
        "id,date,type,territory,title,action,participants,stakeholders,value,notes\n"
        "q1-1,2023-02-10,delegation,CN-GD,Delegazione del Guangdong,a2,,Ateneo,1,\n"
        "q1-2,2023-03-01,event,Assia,Evento con l'Assia,a1,30,,1,\n"
        "q1-3,2023-03-31,pageviews,,Visualizzazioni Q1,,,,600,\n"
    ),
    "2023-Q2.csv": (
        "id;date;type;territory;title;action;participants;stakeholders;value;notes\r\n"
        "q2-1;05/05/2023;delegazione;BE;Ambasciata del Belgio;;;Ateneo|Comune;2;\r\n"
        "q2-2;20/04/2023;incontro;JP;Incontro con Ibaraki;;;;;\r\n"
    ),
    "2022-Q3.csv": (
        "id,date,type,territory,title,action,participants,stakeholders,value,notes\n"
        "q3-1,2022-09-01,meeting,SE,Incontro con la Svezia,,,Comune,1,\n"
    ),
}
STAKEHOLDERS = "name,internal,category,first_involved\nAteneo,no,university,\nComune,sì,local_authority,\n"


@pytest.fixture
def workspace(mini_plan_path, data_dir):
    for name, text in ACTUALS.items():
        (data_dir / "actuals" / name).write_bytes(text.encode("utf-8"))
    (data_dir / "stakeholders.csv").write_text(STAKEHOLDERS, encoding="utf-8")
    return ["--plan", str(mini_plan_path), "--data", str(data_dir)]


def invoke(args, columns: int = 140):
    return CliRunner().invoke(app, args, env={"COLUMNS": str(columns), "RELINT_PLAN": None, "RELINT_DATA": None})


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("RELINT_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "extra, golden",
    [
        (["--lang", "en"], "status_table_en.txt"),
        (["--by", "territory"], "status_by_territory_it.txt"),
        (["--format", "json", "--by", "group"], "status_by_group.json"),
        (["--format", "csv", "--by", "type", "--csv", "rfc4180"], "status_by_type.csv"),
        (["--format", "md", "--lang", "en"], "status_en.md"),
        (["--year", "2022", "--lang", "en"], "status_2022_en.txt"),  # the year is over: no pace, a dash
        (["--territory", "Germania", "--format", "md"], "status_territory_de_it.md"),
        (["--territory", "CN", "--format", "json", "--lang", "en"], "status_territory_cn_en.json"),
        (["--territory", "Assia", "--by", "type"], "status_territory_hesse_it.txt"),
    ],
)
def test_golden(workspace, extra, golden):
    result = invoke([*workspace, "status", "--as-of", "2023-06-30", *extra])
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.stdout  # no colour codes when not a terminal
    check_golden(golden, result.stdout)


def test_json_figures(workspace):
    result = invoke([*workspace, "status", "--as-of", "30/06/2023", "--format", "json", "--indicator", "delegations_received"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["year"] == 2023 and data["as_of"] == "2023-06-30"
    assert data["indicators"] == [
        {
            "id": "delegations_received",
            "title": "Delegazioni ricevute",
            "unit": "delegazioni",
            "basis": "annual",
            "target": 8,
            "actual": 3,
            "percent": 37.5,
            "expected_to_date": 4.0,
            "projected": 6.0,
            "remaining": 5,
            "required_per_quarter": 2.5,
            "status": "at_risk",
            "measure": "count",
            "direction": "increase",
            "baseline": None,
            "parent": None,
            "children": [],
            # 3 delegations in two rows (1 and 2) in half a year: the rest of the year
            # brings a negative binomial number of rows (shape 2.5, p = 0.5), each
            # adding 1 or 2 (simulated, seeded): 33 % of the years reach 8.
            "forecast": {"low": 3, "high": 11, "interval": 0.8, "probability": 0.33},
            "reading": None,
        }
    ]


def test_explain(workspace):
    # Wide enough for the id beside the test folder's long paths.
    result = invoke([*workspace, "status", "--as-of", "2023-06-30", "--explain", "delegations_received", "--lang", "en"], columns=200)
    assert result.exit_code == 0, result.output
    lines = result.stdout
    assert "2023-Q1.csv:2" in lines and "q1-1" in lines and "Delegazione del Guangdong" in lines
    assert "2023-Q2.csv:2" in lines and "q2-1" in lines
    assert "Total: 3 (2 rows)" in lines


def test_explain_on_a_narrow_terminal_keeps_file_and_line_whole_and_leaves_out_the_id(workspace, data_dir, monkeypatch):
    monkeypatch.chdir(data_dir.parent)  # paths then read data/actuals/2023-Q1.csv, as the office sees them
    args = [*workspace, "status", "--as-of", "2023-06-30", "--explain", "delegations_received"]
    env = {"RELINT_PLAN": None, "RELINT_DATA": None}
    narrow = CliRunner().invoke(app, args, env={**env, "COLUMNS": "60"})
    assert narrow.exit_code == 0, narrow.output
    where = re.findall(r"│ (\S+\.csv:\d+) +│", narrow.stdout)
    assert where == [f"{data_dir.name}/actuals/2023-Q1.csv:2", f"{data_dir.name}/actuals/2023-Q2.csv:2"]
    assert "q1-1" not in narrow.stdout and "┃ Id" not in narrow.stdout
    assert " ".join(narrow.stdout.split()).endswith(
        "Colonne omesse per mancanza di spazio (per vederle: terminale più largo, --format md o --format csv): Id"
    )
    assert all(len(line) <= 60 for line in narrow.stdout.splitlines())
    wide = CliRunner().invoke(app, args, env={**env, "COLUMNS": "160"})
    assert "┃ Id" in wide.stdout and "q1-1" in wide.stdout and "Colonne omesse" not in wide.stdout


def test_explain_by_territory(workspace):
    result = invoke([*workspace, "status", "--as-of", "2023-06-30", "--explain", "delegations_received", "--territory", "CN"], columns=200)
    assert result.exit_code == 0, result.output
    assert "q1-1" in result.stdout and "q2-1" not in result.stdout
    assert "Totale: 1 (1 riga)" in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["--indicator", "nope"], "Error: unknown indicator 'nope' — choose one of: Delegations received (delegations_received), "
         "Meetings (cumulative) (meetings_cumulative), New stakeholders (new_stakeholders), Page views (page_views), "
         "Event participants (event_participants)\n"),
        (["--territory", "Atlantide"], "Error: unknown territory 'Atlantide' — write an ISO 3166 code (BE, DE-HE), a country's name "
         "or one of the priority territories: Hesse (DE-HE), Sweden (SE), China (CN)\n"),
        (["--year", "2019"], "Error: year 2019 is outside the plan period; choose one of: 2022, 2023\n"),
        (["--as-of", "2023-02-30"], "Error: --as-of: '2023-02-30' is not a real calendar date\n"),
        (["--as-of", "yesterday"], "Error: --as-of: 'yesterday' is not a date; write YYYY-MM-DD (2023-03-11) or DD/MM/YYYY (11/03/2023)\n"),
    ],
)
@pytest.mark.usefixtures("english_cli")
def test_usage_errors_exit_2(workspace, args, message):
    result = invoke([*workspace, "status", *args])
    assert result.exit_code == 2
    assert result.stderr == message


def test_an_unknown_breakdown_is_refused_with_the_choices_in_the_run_language(workspace):
    result = invoke([*workspace, "status", "--by", "colour"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "Uso: root status [OPZIONI]",
        "Per l'aiuto: 'root status -h'.",
        "",
        "Errore: valore non valido per '--by': 'colour' non è tra i valori ammessi: "
        "'territory', 'group', 'type', 'quarter', 'category', 'internal'.",
    ]
    result = invoke([*workspace, "status", "--by", "colour", "--lang", "en"])
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--by': 'colour' is not one of 'territory', 'group', 'type', 'quarter', 'category', 'internal'."
    )


def test_the_breakdown_choices_are_the_computations(workspace):
    from relint_kpi import progress

    assert tuple(b.value for b in cli.Breakdown) == progress.BREAKDOWNS


@pytest.mark.usefixtures("english_cli")
def test_missing_plan_exit_2(tmp_path):
    result = invoke(["--plan", str(tmp_path / "nope.yaml"), "status"])
    assert result.exit_code == 2
    assert "pass --plan PATH (or set RELINT_PLAN)" in result.stderr


@pytest.mark.usefixtures("english_cli")
def test_data_error_exit_1(workspace, data_dir):
    (data_dir / "actuals" / "2023-Q3.csv").write_text(
        "id,date,type,territory,title\nx,2023-08-01,delegaton,SE,Refuso\n", encoding="utf-8"
    )
    result = invoke([*workspace, "status"])
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first.endswith(
        "2023-Q3.csv:2:3: unknown type 'delegaton' — expected one of: delegation (Delegation), meeting (Meeting), "
        "event (Event), mission (Mission), note (Note), pageviews (Page views) (or: delegazione, incontro, evento, missione, nota, visualizzazioni) [unknown-type]"
    )
    assert result.stderr.splitlines()[-1] == "1 problem found."
    assert result.stdout == ""


def test_csv_and_markdown_are_safe_with_hostile_titles():
    import csv
    import datetime as dt
    import io

    from relint_kpi.progress import IndicatorStatus, StatusTable
    from relint_kpi.render.status import render_csv, render_markdown

    row = IndicatorStatus("x", "=HYPERLINK(\"http://e\")\rdue", "-u", "annual", 4, -1, 0.0, 1.0, 0.0, 5, 1.0, "behind")
    table = StatusTable("<script>alert(1)</script>", 2023, dt.date(2023, 6, 30), "en", None, [row])
    cells = list(csv.reader(io.StringIO(render_csv(table), newline="")))
    assert cells[1][:6] == ["x", "'=HYPERLINK(\"http://e\")\rdue", "'-u", "annual", "4", "-1"]
    markdown = render_markdown(table)
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown


# -- the table at the widths staff's terminals have -----------------------------------


@pytest.mark.parametrize("width, dropped", [
    (80, ["Atteso a oggi", "Proiezione", "Mancano", "Ritmo/trim."]),
    (100, ["Mancano", "Ritmo/trim."]),
])
def test_the_status_table_reads_at_narrow_widths(monkeypatch, width, dropped):
    import io

    from rich.console import Console

    from relint_kpi.progress import compute_status
    from relint_kpi.render.status import render_table
    from relint_kpi.workspace import load_all, locate

    monkeypatch.chdir(REPO)
    plan, log = load_all(locate())
    table = compute_status(plan, log, year=2023, as_of=dt.date(2023, 12, 31), lang="it")
    out = io.StringIO()
    render_table(table, Console(width=width, file=out, force_terminal=False))
    text = out.getvalue()
    assert max(len(line) for line in text.splitlines()) <= width
    # The indicator column, read down the table: a long name wraps onto the next lines.
    names = " ".join(line.split("│")[1].strip() for line in text.splitlines() if line.startswith("│"))
    for name in ["Delegazioni tecniche o istituzionali ricevute", "Incontri diplomatici realizzati", "Eventi realizzati",
                 'Visualizzazioni della pagina "Relazioni Internazionali" del sito regionale']:
        assert name in names
    words = " ".join(text.split())
    for status in ["non raggiunto", "raggiunto"]:
        assert status in text
    for header in ["Target", "Effettivo", "%", "Stato"]:
        assert header in text
    assert f"per mancanza di spazio (per vederle: terminale più largo, --format md o --format csv): {', '.join(dropped)}" in words


def test_piped_status_follows_columns_in_english(monkeypatch):
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(
        app, ["status", "--year", "2023", "--as-of", "2023-12-31", "--lang", "en"],
        env={"COLUMNS": "80", "RELINT_PLAN": None, "RELINT_DATA": None},
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    names = " ".join(line.split("│")[1].strip() for line in lines if line.startswith("│"))
    assert "Diplomatic meetings held" in names
    assert "Target" in result.stdout and "Status" in result.stdout and "not achieved" in result.stdout


# -- exports for Italian Excel -------------------------------------------------------


def test_italian_csv_is_for_excel_byte_for_byte(workspace):
    """Italian by default: ';', BOM, decimal commas, Italian headings and statuses, CRLF."""
    result = invoke([*workspace, "status", "--as-of", "2023-06-30", "--format", "csv", "--by", "type"])
    assert result.exit_code == 0, result.output
    data = result.stdout_bytes
    assert data.startswith("\ufeffId;Indicatore;Unità;Base;Target;Effettivo;%;".encode())
    assert data.count(b"\r\n") == data.count(b"\n")
    check_golden_bytes("status_by_type_it_excel.csv", data)


def test_plain_csv_is_todays_form(workspace):
    result = invoke([*workspace, "status", "--as-of", "2023-06-30", "--format", "csv", "--csv", "rfc4180", "--indicator", "page_views"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == (
        b"id,title,unit,basis,target,actual,percent,expected_to_date,projected,remaining,required_per_quarter,status,"
        b"baseline,baseline_year,forecast_low,forecast_high,forecast_probability_percent\r\n"
        b"page_views,Visualizzazioni,visualizzazioni,annual,2000,600,30.0,1000.0,1200.0,1400,700.0,behind,,,,,\r\n"
    )


def test_english_csv_defaults_to_plain_and_excel_form_can_be_asked(workspace):
    plain = invoke([*workspace, "status", "--as-of", "2023-06-30", "--format", "csv", "--lang", "en", "--indicator", "delegations_received"])
    assert plain.stdout_bytes.startswith(b"id,title,")
    excel = invoke([*workspace, "status", "--as-of", "2023-06-30", "--format", "csv", "--lang", "en", "--csv", "excel",
                    "--indicator", "delegations_received"])
    assert excel.stdout_bytes.decode("utf-8").splitlines()[1] == (
        "delegations_received;Delegations received;delegations;annual;8;3;37,5;4;6;5;2,5;at risk;;;3;11;33"
    )


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_with_italian_settings_splits_the_csv_into_columns_of_numbers(workspace, tmp_path):
    """LibreOffice, as Italian Excel would, opens the export as 12 columns with numbers that are numbers."""
    import subprocess

    from openpyxl import load_workbook

    result = invoke([*workspace, "status", "--as-of", "2023-06-30", "--format", "csv"])
    (tmp_path / "status.csv").write_bytes(result.stdout_bytes)
    # 59 = ';', 34 = '"', 76 = UTF-8, 1040 = Italian (decimal comma).
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--infilter=CSV:59,34,76,1,,1040",
         "--convert-to", "xlsx", "--outdir", str(tmp_path), str(tmp_path / "status.csv")],
        check=True, capture_output=True, timeout=180,
    )
    rows = list(load_workbook(tmp_path / "status.xlsx").active.iter_rows(values_only=True))
    assert rows[0] == ("Id", "Indicatore", "Unità", "Base", "Target", "Effettivo", "%", "Atteso a oggi", "Proiezione",
                       "Mancano", "Ritmo/trim.", "Stato",
                       "Valore di base", "Anno di base", "Previsione minima", "Previsione massima",
                       "Probabilità di raggiungere il target (%)")
    assert rows[1] == ("delegations_received", "Delegazioni ricevute", "delegazioni", "annuale", 8, 3, 37.5, 4, 6, 5, 2.5, "a rischio", None, None, 3, 11, 33)


# -- explain in every format --------------------------------------------------------


def test_explain_total_uses_the_tables_number_format(workspace, data_dir):
    (data_dir / "actuals" / "2023-Q2.csv").write_text(
        "id;date;type;territory;title;action;participants;stakeholders;value;notes\r\n"
        "q2-9;30/06/2023;visualizzazioni;;Visualizzazioni Q2;;;;1.200;\r\n", encoding="utf-8")
    italian = invoke([*workspace, "status", "--as-of", "2023-06-30", "--explain", "page_views"], columns=200)
    assert italian.exit_code == 0, italian.output
    assert italian.stdout.splitlines()[-1] == "Totale: 1.800 (2 righe)"
    assert "1.200" in italian.stdout
    english = invoke([*workspace, "status", "--as-of", "2023-06-30", "--explain", "Page views", "--lang", "en", "--format", "md"])
    assert english.stdout.splitlines()[-1] == "Total: 1,800 (2 rows)"
    assert any(line.endswith("2023-Q2.csv:2 | q2-9 | 2023-06-30 | 1,200 | Visualizzazioni Q2 |") for line in english.stdout.splitlines())


def test_explain_as_json_and_csv(workspace, data_dir):
    result = invoke([*workspace, "status", "--as-of", "2023-06-30", "--explain", "delegations_received", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["indicator"], data["year"], data["as_of"], data["filter"], data["total"]) == (
        "delegations_received", 2023, "2023-06-30", None, 3)
    assert [(Path(r["path"]).name, r["line"], r["id"], r["date"], r["amount"]) for r in data["rows"]] == [
        ("2023-Q1.csv", 2, "q1-1", "2023-02-10", 1), ("2023-Q2.csv", 2, "q2-1", "2023-05-05", 2)]
    plain = invoke([*workspace, "status", "--as-of", "2023-06-30", "--explain", "delegations_received", "--format", "csv",
                    "--csv", "rfc4180"])
    lines = plain.stdout_bytes.decode().split("\r\n")
    assert lines[0] == "path,line,id,date,amount,title"
    assert lines[2].endswith("2023-Q2.csv,2,q2-1,2023-05-05,2,Ambasciata del Belgio")
    excel = invoke([*workspace, "status", "--as-of", "2023-06-30", "--explain", "delegations_received", "--format", "csv"])
    assert excel.stdout_bytes.decode().startswith("\ufeffFile;Riga;Id;Data;Conta;Titolo\r\n")


# -- figures that do not mislead ----------------------------------------------------


def test_no_pace_once_the_year_is_over(workspace):
    data = json.loads(invoke([*workspace, "status", "--year", "2022", "--format", "json"]).stdout)
    assert [row["required_per_quarter"] for row in data["indicators"]] == [None] * 5
    table = invoke([*workspace, "status", "--year", "2022", "--indicator", "delegations_received"]).stdout
    row = next(line for line in table.splitlines() if line.startswith("│ Delegazioni"))
    assert [cell.strip() for cell in row.split("│")[1:-1]] == ["Delegazioni ricevute", "4", "0", "0%", "4", "0", "4", "—", "non raggiunto"]
    markdown = invoke([*workspace, "status", "--year", "2022", "--format", "md", "--indicator", "delegations_received"]).stdout
    assert "| Delegazioni ricevute | 4 | 0 | 0% | 4 | 0 | 4 | — | non raggiunto |" in markdown


def test_a_territory_view_says_it_is_filtered_and_judges_nothing_against_the_plans_target(workspace):
    result = invoke([*workspace, "status", "--as-of", "2023-06-30", "--territory", "cina", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["filter"]["territory"] == "CN" and data["filter"]["name"] == "Cina" and data["filter"]["priority"] is True
    assert data["filter"]["note"].startswith("Vista filtrata su Cina (CN):")
    delegations = data["indicators"][0]
    assert {k: delegations[k] for k in ("actual", "total", "share", "target", "percent", "status", "required_per_quarter")} == {
        "actual": 1, "total": 3, "share": 33.3, "target": None, "percent": None, "status": None, "required_per_quarter": None}
    table = invoke([*workspace, "status", "--as-of", "2023-06-30", "--territory", "CN"]).stdout
    # The title wraps at 80 columns: its words, in order, over its first lines.
    assert " ".join(" ".join(table.splitlines()[:2]).split()).startswith("Piano di prova — anno 2023, dati al 30 giugno 2023 — solo Cina (CN)")
    assert "Vista filtrata su Cina (CN)" in table and "Quota" in table and "33,3%" in table
    assert "Target" not in table and "in ritardo" not in table
    markdown = invoke([*workspace, "status", "--as-of", "2023-06-30", "--territory", "CN", "--format", "md", "--lang", "en"]).stdout
    assert markdown.startswith("## Test plan — year 2023, as of 30 June 2023 — China (CN) only\n\nFiltered view of China (CN):")
    assert "| Indicator | Actual | Plan total | Share |" in markdown
    assert "| Delegations received | 1 | 3 | 33.3% |" in markdown


def test_a_territory_target_in_the_plan_is_judged(workspace, mini_plan_path):
    text = mini_plan_path.read_text(encoding="utf-8")
    text = text.replace("    targets: {2022: 4, 2023: 8}\n", "    targets: {2022: 4, 2023: 8}\n    territory_targets: {CN: {2023: 2}}\n", 1)
    mini_plan_path.write_text(text, encoding="utf-8")
    data = json.loads(invoke([*workspace, "status", "--as-of", "2023-06-30", "--territory", "CN", "--format", "json"]).stdout)
    delegations, meetings = data["indicators"][:2]
    assert {k: delegations[k] for k in ("target", "actual", "percent", "expected_to_date", "remaining", "required_per_quarter", "status", "share")} == {
        "target": 2, "actual": 1, "percent": 50.0, "expected_to_date": 1.0, "remaining": 1, "required_per_quarter": 0.5,
        "status": "on_track", "share": 33.3}
    assert meetings["target"] is None and meetings["status"] is None
    csv_text = invoke([*workspace, "status", "--as-of", "2023-06-30", "--territory", "CN", "--format", "csv", "--csv", "rfc4180"]).stdout
    assert csv_text.splitlines()[0] == (
        "id,title,unit,basis,territory,target,actual,total,share,percent,expected_to_date,projected,remaining,required_per_quarter,status,"
        "baseline,baseline_year,forecast_low,forecast_high,forecast_probability_percent")
    assert csv_text.splitlines()[1] == "delegations_received,Delegazioni ricevute,delegazioni,annual,CN,2,1,3,33.3,50.0,1.0,2.0,1,0.5,on_track,,,1,5,64.4"


@pytest.mark.usefixtures("english_cli")
def test_a_territory_target_outside_the_priority_territories_is_a_plan_error(workspace, mini_plan_path):
    text = mini_plan_path.read_text(encoding="utf-8")
    text = text.replace("    targets: {2022: 4, 2023: 8}\n", "    targets: {2022: 4, 2023: 8}\n    territory_targets: {FR: {2023: 2}}\n", 1)
    mini_plan_path.write_text(text, encoding="utf-8")
    result = invoke([*workspace, "status"])
    assert result.exit_code == 1
    assert "unknown priority territory 'FR' — expected one of: CN, DE-HE, SE [unknown-priority-territory]" in result.stderr


@pytest.mark.parametrize("name", ["Germania", "germany", "DE", "de"])
def test_a_country_holding_a_priority_land_names_it(workspace, name):
    result = invoke([*workspace, "status", "--as-of", "2023-06-30", "--territory", name])
    assert result.exit_code == 0, result.output
    words = " ".join(result.stdout.split())
    assert "solo Germania (DE)" in words
    assert "Germania (DE) non è un territorio prioritario del piano; vi si trovano i territori prioritari: Assia (DE-HE)." in words
    data = json.loads(invoke([*workspace, "status", "--as-of", "2023-06-30", "--territory", name, "--format", "json"]).stdout)
    assert data["filter"]["inside"] == [{"code": "DE-HE", "name": "Assia"}] and data["filter"]["priority"] is False
    participants = data["indicators"][-1]
    assert (participants["actual"], participants["total"], participants["share"]) == (30, 30, 100.0)  # the event in Hesse


# -- names, not only ids ------------------------------------------------------------


@pytest.mark.parametrize("given", ["delegations_received", "DELEGAZIONI RICEVUTE", "delegations received"])
def test_an_indicator_by_id_or_label_in_either_language(workspace, given):
    data = json.loads(invoke([*workspace, "status", "--as-of", "2023-06-30", "--format", "json", "--indicator", given]).stdout)
    assert [row["id"] for row in data["indicators"]] == ["delegations_received"]


def test_the_legend_explains_only_the_columns_shown(monkeypatch, workspace):
    wide = invoke([*workspace, "status", "--as-of", "2023-06-30"]).stdout
    assert "Atteso a oggi: target" in wide and "Ritmo/trim.: quanto serve" in wide
    narrow = CliRunner().invoke(app, [*workspace, "status", "--as-of", "2023-06-30"], env={"COLUMNS": "80", "RELINT_PLAN": None, "RELINT_DATA": None})
    words = " ".join(narrow.stdout.split())
    assert "Colonne omesse" in words
    assert "Atteso a oggi: target" not in words and "Proiezione: a fine anno" not in words and "Ritmo/trim.: quanto" not in words
