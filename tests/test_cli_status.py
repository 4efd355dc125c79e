"""`relint status` through the CLI runner, on a small CSV data set, with golden files.

Set RELINT_UPDATE_GOLDEN=1 to rewrite the golden files, then review the diff.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

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


def invoke(args):
    return CliRunner().invoke(app, args, env={"COLUMNS": "140", "RELINT_PLAN": None, "RELINT_DATA": None})


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
        (["--format", "csv", "--by", "type"], "status_by_type.csv"),
        (["--format", "md", "--lang", "en"], "status_en.md"),
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
    result = invoke([*workspace, "status", "--as-of", "2023-06-30", "--explain", "delegations_received", "--lang", "en"])
    assert result.exit_code == 0, result.output
    lines = result.stdout
    assert "2023-Q1.csv:2" in lines and "q1-1" in lines and "Delegazione del Guangdong" in lines
    assert "2023-Q2.csv:2" in lines and "q2-1" in lines
    assert "Total: 3 (2 rows)" in lines


def test_explain_by_territory(workspace):
    result = invoke([*workspace, "status", "--as-of", "2023-06-30", "--explain", "delegations_received", "--territory", "CN"])
    assert result.exit_code == 0, result.output
    assert "q1-1" in result.stdout and "q2-1" not in result.stdout
    assert "Totale: 1 (1 righe)" in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["--indicator", "nope"], "Error: unknown indicator 'nope' — choose one of: delegations_received, meetings_cumulative, new_stakeholders, page_views, event_participants\n"),
        (["--year", "2019"], "Error: year 2019 is outside the plan — choose one of: 2022, 2023\n"),
        (["--as-of", "2023-02-30"], "Error: --as-of: '2023-02-30' is not a real calendar date\n"),
        (["--as-of", "yesterday"], "Error: --as-of: 'yesterday' is not a date; write YYYY-MM-DD (2023-03-11) or DD/MM/YYYY (11/03/2023)\n"),
        (["--by", "colour"], "Error: unknown breakdown 'colour' — choose one of: territory, group, type, quarter, category, internal\n"),
    ],
)
def test_usage_errors_exit_2(workspace, args, message):
    result = invoke([*workspace, "status", *args])
    assert result.exit_code == 2
    assert result.stderr == message


def test_missing_plan_exit_2(tmp_path):
    result = invoke(["--plan", str(tmp_path / "nope.yaml"), "status"])
    assert result.exit_code == 2
    assert "pass --plan PATH (or set RELINT_PLAN)" in result.stderr


def test_data_error_exit_1(workspace, data_dir):
    (data_dir / "actuals" / "2023-Q3.csv").write_text(
        "id,date,type,territory,title\nx,2023-08-01,delegaton,SE,Refuso\n", encoding="utf-8"
    )
    result = invoke([*workspace, "status"])
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first.endswith(
        "2023-Q3.csv:2:3: unknown type 'delegaton' — expected one of: delegation, meeting, event, mission, note, "
        "pageviews (or: delegazione, incontro, evento, missione, nota, visualizzazioni) [unknown-type]"
    )
    assert result.stderr.splitlines()[-1] == "1 problem(s) found."
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
    for status in ["a rischio", "raggiunto", "in ritardo"]:
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
    assert "Target" in result.stdout and "Status" in result.stdout and "at risk" in result.stdout
