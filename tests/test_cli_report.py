"""``relint report`` end to end: CSV files in tmp_path → CLI → every format.

The data set is the one of ``tests/test_report.py`` written as quarterly CSV
files, so the figures checked there by hand are the ones in the golden
files here. Update the golden files deliberately with
``RELINT_UPDATE_GOLDEN=1 python -m pytest tests/test_cli_report.py`` and
review the diff.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from pngcheck import distinct_colours
from test_render_report import CHROMIUM, SECTIONS_IT, _parse, screenshot
from typer.testing import CliRunner

from relint_kpi.cli import app

GOLDEN = Path(__file__).parent / "golden"
HEADER = "id,date,type,territory,title,action,participants,stakeholders,value,notes"

#: The activity log of tests/test_report.py, one CSV per quarter.
ACTUALS = {
    "2022-Q1.csv": ["R1,2022-02-10,delegation,DE-HE,Delegazione dall'Assia,,,Università di Bologna,,"],
    "2022-Q2.csv": ["R2,2022-05-20,meeting,DE-HE,Incontro per l'intesa,a1,,Camera di commercio,,"],
    "2022-Q3.csv": ["R3,2022-07-05,event,SE,Evento a Stoccolma,,30,,,"],
    "2022-Q4.csv": [
        "R4,2022-11-03,meeting,JP,Incontro con il Giappone,,,,,",
        "R5,2022-12-31,pageviews,,Visualizzazioni 2022-Q4,,,,900,",
    ],
    "2023-Q1.csv": [
        "R6,2023-01-15,delegation,DE-HE,Visita di ritorno,a1,,Università di Bologna|Direzione Cultura,2,",
        "R7,2023-03-11,meeting,BE,Ambasciatore del Belgio,,,,,",
    ],
    "2023-Q2.csv": [
        "R8,2023-04-20,mission,CN,Missione in Cina,a2,,Camera di commercio,,",
        "R9,2023-05-02,event,DE-HE,Forum,,45,Direzione Cultura,,",
    ],
    "2023-Q3.csv": [
        "R10,2023-08-01,note,CN-GD,Nota sul Guangdong,,,,,",
        "R11,2023-09-30,pageviews,,Visualizzazioni 2023-Q3,,,,1500,",
    ],
    "2023-Q4.csv": ["R12,2023-12-10,delegation,DE-HE,Seconda visita,a1,,,,"],
}
STAKEHOLDERS = [
    "name,internal,category,first_involved",
    "Università di Bologna,no,university,",
    "Camera di commercio,no,business,2021-05-01",
    "Direzione Cultura,yes,local_authority,",
]
DELIVERABLES = ["action,date,note", "a1,2022-05-25,Intesa firmata"]

TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
LOCAL = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}")



def _missing() -> str | None:
    """What the report needs from the modules landing alongside it, if not there yet."""
    import importlib

    for module, name in (("relint_kpi.progress", "compute_status"), ("relint_kpi.actuals", "read_data"), ("relint_kpi.storage", "write_atomic")):
        try:
            if not hasattr(importlib.import_module(module), name):
                return f"{module}.{name}"
        except ImportError:
            return module
    return None


pytestmark = pytest.mark.skipif(_missing() is not None, reason=f"{_missing()} is not there yet")


def write_data(folder: Path, actuals: dict[str, list[str]] = ACTUALS) -> Path:
    """Write the data set's CSV files into ``folder`` and return it."""
    (folder / "actuals").mkdir(parents=True, exist_ok=True)
    for name, rows in actuals.items():
        (folder / "actuals" / name).write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    (folder / "stakeholders.csv").write_text("\n".join(STAKEHOLDERS) + "\n", encoding="utf-8")
    (folder / "deliverables.csv").write_text("\n".join(DELIVERABLES) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def workspace(mini_plan_path: Path, tmp_path: Path) -> list[str]:
    """The global options that point relint at the mini plan and the data set."""
    data = write_data(tmp_path / "data")
    return ["--plan", str(mini_plan_path), "--data", str(data)]


def invoke(args: list[str], **env):
    result = CliRunner().invoke(app, args, env={"SOURCE_DATE_EPOCH": None, **env})
    return result


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    masked = TIMESTAMP.sub("<generated_at>", text)
    if os.environ.get("RELINT_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(masked, encoding="utf-8")
    assert masked == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "fmt, lang, golden",
    [("md", "it", "report_2023_it.md"), ("md", "en", "report_2023_en.md"), ("json", "it", "report_2023.json")],
)
def test_golden(workspace, fmt, lang, golden):
    # a fixed moment in a fixed zone: the generation time in words is part of the golden text
    env = {"SOURCE_DATE_EPOCH": "1700000000", "TZ": "Europe/Rome"}
    result = invoke([*workspace, "report", "--year", "2023", "--as-of", "2023-12-31", "--format", fmt, "--lang", lang], **env)
    assert result.exit_code == 0, result.output
    _golden(golden, result.stdout)


def test_json_figures_match_the_hand_checked_ones(workspace):
    result = invoke([*workspace, "report", "--year", "2023", "--format", "json"])
    data = json.loads(result.stdout)
    assert data["as_of"] == "2023-12-31"
    assert data["activities_total"] == 7
    assert [(r["key"], r["activities"]) for r in data["by_territory"]] == [("DE-HE", 4), ("SE", 0), ("CN", 2), ("other", 1)]
    assert [(a["id"], a["status"]) for a in data["actions"]] == [("a1", "done"), ("a2", "in_progress")]
    spill = [c for c in data["criteria"] if c["measure"] == "spillover"][0]
    assert spill["figures"][0]["value"] == 3


def test_table_is_the_default_and_plain_when_piped(workspace):
    result = invoke([*workspace, "report", "--year", "2023"])
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.stdout
    for title in SECTIONS_IT:
        assert title in result.stdout


def test_csv_headline(workspace):
    result = invoke([*workspace, "report", "--year", "2023", "--format", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("id,title,unit,basis,target,actual,percent,status,previous_target")
    assert lines[4] == "page_views,Visualizzazioni,visualizzazioni,annual,2000,1500,75.0,not_achieved,1000,900,90.0,not_achieved,,"


def test_html_output_file_parses_and_has_its_charts(workspace, tmp_path):
    target = tmp_path / "report.html"
    result = invoke([*workspace, "report", "--year", "2023", "--format", "html", "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    page = target.read_text(encoding="utf-8")
    assert _parse(page).h2 == SECTIONS_IT
    assert page.count("<svg") == 2


def test_output_never_overwrites_without_force(workspace, tmp_path):
    target = tmp_path / "report.md"
    target.write_text("keep me", encoding="utf-8")
    result = invoke([*workspace, "report", "--year", "2023", "--format", "md", "--output", str(target)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: '{target}' already exists; pass --force to overwrite it\n"
    assert target.read_text(encoding="utf-8") == "keep me"
    result = invoke([*workspace, "report", "--year", "2023", "--format", "md", "--output", str(target), "--force"])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("# Relazione annuale 2023\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "plan.yaml", "report.md"]


def test_xlsx_needs_output(workspace):
    result = invoke([*workspace, "report", "--year", "2023", "--format", "xlsx"])
    assert result.exit_code == 2
    assert "--format xlsx writes a binary file; add --output PATH" in result.stderr


def test_xlsx_export_read_back(workspace, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "report.xlsx"
    result = invoke([*workspace, "report", "--year", "2023", "--format", "xlsx", "--output", str(target), "--lang", "en"])
    assert result.exit_code == 0, result.output
    wb = load_workbook(target)
    assert wb.sheetnames == [
        "Report", "Headline", "Results", "Territories and types", "Stakeholders", "Actions", "Criteria", "Attention", "Indicator sheets"
    ]
    ws = wb["Headline"]
    assert [c.value for c in ws[5]][:6] == ["Page views", "views", 2000, 1500, 0.75, "not achieved"]
    assert ws["E5"].number_format == "0.0%"
    assert ws["F5"].fill.fgColor.rgb == "00FBDADA"
    sheets = wb["Indicator sheets"]
    assert [sheets.cell(row=r, column=1).value for r in range(1, 4)] == ["Delegations received", "Item", "Code"]
    assert all(c.data_type != "f" for sheet in wb.worksheets for row in sheet.iter_rows() for c in row)


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv", "xlsx"])
def test_exports_twice_are_identical_apart_from_the_timestamp(workspace, tmp_path, fmt):
    first, second = tmp_path / f"1.{fmt}", tmp_path / f"2.{fmt}"
    for target, epoch in ((first, "1700000000"), (second, "1700003600")):
        result = invoke(
            [*workspace, "report", "--year", "2023", "--format", fmt, "--output", str(target)], SOURCE_DATE_EPOCH=epoch, TZ="Europe/Rome"
        )
        assert result.exit_code == 0, result.output
    if fmt == "xlsx":
        from openpyxl import load_workbook

        def cells(path):
            return [[c.value for c in row] for ws in load_workbook(path).worksheets for row in ws.iter_rows()]

        a, b = cells(first), cells(second)
        assert [(x, y) for x, y in zip(a, b) if x != y] == [
            (["Generato il", "14 novembre 2023 alle 23:13"], ["Generato il", "15 novembre 2023 alle 00:13"])
        ]
        again = tmp_path / "3.xlsx"
        invoke([*workspace, "report", "--year", "2023", "--format", fmt, "--output", str(again)], SOURCE_DATE_EPOCH="1700000000", TZ="Europe/Rome")
        assert again.read_bytes() == first.read_bytes()
        return
    a = first.read_text(encoding="utf-8")
    b = second.read_text(encoding="utf-8")
    if fmt == "json":
        # generated_at in UTC and generated_local with its offset
        assert TIMESTAMP.sub("T", LOCAL.sub("T", a)) == TIMESTAMP.sub("T", LOCAL.sub("T", b))
        assert '"generated_at": "2023-11-14T22:13:20Z"' in a and '"generated_local": "2023-11-14T23:13:20+01:00"' in a
    elif fmt in ("md", "html"):
        # local time, in words, in the cover and (HTML) the footer
        assert a.replace("14 novembre 2023 alle 23:13", "T") == b.replace("15 novembre 2023 alle 00:13", "T")
        assert "14 novembre 2023 alle 23:13" in a and "15 novembre 2023 alle 00:13" in b
    else:
        assert a == b


def test_bad_options_are_usage_errors(workspace):
    result = invoke([*workspace, "report", "--year", "2023", "--as-of", "yesterday"])
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: --as-of: 'yesterday' is not a date; write YYYY-MM-DD (2023-03-11) or DD/MM/YYYY (11/03/2023)\n",
    )
    result = invoke([*workspace, "report", "--year", "2023", "--as-of", "30/02/2023"])
    assert (result.exit_code, result.stderr) == (2, "Error: --as-of: '30/02/2023' is not a real calendar date\n")
    result = invoke([*workspace, "report", "--year", "2030"])
    assert (result.exit_code, result.stderr) == (2, "Error: year 2030 is outside the plan period; choose one of: 2022, 2023\n")
    result = invoke([*workspace, "report", "--year", "2023", "--as-of", "2022-06-30"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --as-of 2022-06-30 is not in 2023;")


def test_as_of_is_written_as_in_status(workspace):
    # An Italian date gives the same report as the ISO one (status takes both too).
    iso = invoke([*workspace, "report", "--year", "2023", "--as-of", "2023-06-30", "--format", "json"])
    italian = invoke([*workspace, "report", "--year", "2023", "--as-of", "30/06/2023", "--format", "json"])
    assert iso.exit_code == italian.exit_code == 0
    assert json.loads(italian.stdout)["as_of"] == "2023-06-30"
    assert TIMESTAMP.sub("T", LOCAL.sub("T", italian.stdout)) == TIMESTAMP.sub("T", LOCAL.sub("T", iso.stdout))


def test_data_errors_stop_the_report(mini_plan_path, tmp_path):
    broken = dict(ACTUALS, **{"2023-Q4.csv": ["R12,2023-12-10,delegaton,DE-HE,Seconda visita,a1,,,,"]})
    data = write_data(tmp_path / "data", broken)
    result = invoke(["--plan", str(mini_plan_path), "--data", str(data), "report", "--year", "2023"])
    assert result.exit_code == 1
    assert "2023-Q4.csv:2:" in result.stderr
    assert result.stdout == ""


def test_help_has_an_example():
    result = invoke(["report", "--help"])
    assert result.exit_code == 0
    assert "Example: relint report --year 2023 --format html --output report-2023.html" in result.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium; .ci/run installs it)")
def test_cli_html_renders_in_chromium(workspace, tmp_path):
    target = tmp_path / "report.html"
    assert invoke([*workspace, "report", "--year", "2023", "--format", "html", "--output", str(target)]).exit_code == 0
    png = screenshot(target, tmp_path / "report.png", tmp_path / "profile")
    assert distinct_colours(png) > 50


def test_a_mid_year_report_compares_with_the_previous_year_at_the_same_date(workspace):
    result = invoke([*workspace, "report", "--year", "2023", "--as-of", "30/06/2023", "--format", "md"])
    assert result.exit_code == 0, result.output
    assert "- **Confronto con l'anno precedente**: 2022 al 30 giugno 2022" in result.stdout
    assert "| Target 2022 | Effettivo al 30/06/2022 | % al 30/06/2022 | Motivazione |" in result.stdout
    # 2 delegations by 30/06/2023 (the row of 15/01 counts 2); 2022's figures are those at 30/06/2022
    assert "| Delegazioni ricevute | delegazioni | 8 | 2 | 25,0% |" in result.stdout
    assert "| Incontri (cumulati) | incontri | 10 | 3 | 30,0% |" in result.stdout
    # meetings by 30/06/2022: 1 (20/05), against 2 in the whole of 2022
    assert "| 4 | 1 | 25,0% |" in result.stdout
    assert "non raggiunto" not in result.stdout.split("## Allegato")[0]


def test_notes_reach_every_format(workspace):
    data = workspace[-1]
    Path(data, "notes.csv").write_text("subject,year,reason,next_steps\npage_views,2023,Sito fermo ad agosto,Nuova pagina\n", encoding="utf-8")
    md = invoke([*workspace, "report", "--year", "2023", "--format", "md"]).stdout
    assert "| 1.000 | 900 | 90,0% | Sito fermo ad agosto. Interventi previsti: Nuova pagina |" in md
    assert "| Motivazione 2023 | Sito fermo ad agosto |" in md
    assert "«Visualizzazioni»: non raggiunto, 1.500 su 2.000 (75,0% del target).\n" in md
    assert "«Delegazioni ricevute»: non raggiunto, 3 su 8 (37,5% del target). Nessuna motivazione registrata" in md
    headline = {row["id"]: row for row in json.loads(invoke([*workspace, "report", "--year", "2023", "--format", "json"]).stdout)["headline"]}
    assert (headline["page_views"]["reason"], headline["page_views"]["next_steps"]) == ("Sito fermo ad agosto", "Nuova pagina")
    csv_text = invoke([*workspace, "report", "--year", "2023", "--format", "csv"]).stdout
    assert csv_text.splitlines()[4].endswith(",not_achieved,Sito fermo ad agosto,Nuova pagina")
