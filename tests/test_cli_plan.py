"""`relint plan`, `relint validate`, global options and help texts, through the CLI runner."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from relint_kpi.cli import app

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"


def invoke(args, **env):
    return CliRunner().invoke(app, args, env={"COLUMNS": "140", "RELINT_PLAN": None, "RELINT_DATA": None, **env})


@pytest.fixture
def at_repo(monkeypatch):
    monkeypatch.chdir(REPO)


@pytest.mark.parametrize("lang, options", [("it", []), ("en", ["--lang", "en"])])
def test_plan_golden(at_repo, lang, options):
    result = invoke(["plan", *options])
    assert result.exit_code == 0, result.output
    golden = GOLDEN / f"plan_{lang}.txt"
    if os.environ.get("RELINT_UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


@pytest.mark.usefixtures("english_cli")
def test_validate_shipped_data(at_repo):
    result = invoke(["validate"])
    assert result.exit_code == 0, result.output
    assert re.fullmatch(r"OK: plan data/plan_2022_2023\.yaml and \d+ activities in data/actuals are valid\.\n", result.stdout)


def test_second_plan_needs_no_code(at_repo):
    outputs = {}
    for command in (["plan"], ["plan", "--lang", "en"], ["validate"], ["status", "--year", "2022", "--format", "csv", "--csv", "rfc4180"]):
        result = invoke(["--plan", "data/plan_lombardia_2018_2022.yaml", *command])
        assert result.exit_code == 0, result.output
        outputs[" ".join(command)] = result.stdout
    # Five target-year columns still leave the indicator ids whole.
    rows = [line for line in outputs["plan --lang en"].splitlines() if "│ cumulative │" in line]
    assert [row.split("│")[-2].strip() for row in rows] == ["350", "25"]
    assert "(institutional_meetings)" in outputs["plan --lang en"]
    assert "(international_missions)" in outputs["plan --lang en"]
    assert "│ cumulativa │" in outputs["plan"]
    assert "institutional_meetings,Incontri istituzionali" in result.stdout
    assert ",cumulative,350," in result.stdout


def test_plan_from_environment(at_repo):
    result = invoke(["validate"], RELINT_PLAN="data/plan_lombardia_2018_2022.yaml")
    assert result.exit_code == 0 and "data/lombardia/actuals" in result.stdout


@pytest.mark.usefixtures("english_cli")
def test_missing_plan_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke(["plan"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: no plan file at 'data/plan_2022_2023.yaml'; run relint from the repository root, or pass --plan PATH "
        "(or set RELINT_PLAN) and --data FOLDER (or RELINT_DATA)\n"
    )


@pytest.mark.usefixtures("english_cli")
def test_plan_with_errors_exits_1(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text("schema_version: 1\nmetadata: {}\ncolour: red\n", encoding="utf-8")
    result = invoke(["--plan", str(plan), "validate"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any(re.search(r"plan\.yaml:3:9: colour: unknown key 'colour'; remove it or check its spelling", l) for l in lines)
    assert lines[-1].endswith("problems found.")
    assert "Traceback" not in result.output


@pytest.mark.usefixtures("english_cli")
def test_bad_data_exits_1(tmp_path, mini_plan_path, data_dir):
    (data_dir / "actuals" / "2023-Q1.csv").write_text(
        "date,type,territory,title\n2023-01-05,meeting,ZZ,x\n2023-05-01,meeting,SE,y\n", encoding="utf-8"
    )
    result = invoke(["--plan", str(mini_plan_path), "--data", str(data_dir), "validate"])
    assert result.exit_code == 1
    assert [l.split("2023-Q1.csv", 1)[1] for l in result.stderr.splitlines()[:2]] == [
        ":2:3: unknown territory 'ZZ' — write an ISO 3166 code (BE, DE-HE) or a plan territory's name (Assia, Hesse) [unknown-territory]",
        ":3:1: date 2023-05-01 is outside this file's quarter 2023-Q1 (2023-01-01..2023-03-31); move the row to 2023-Q2.csv [date-outside-quarter]",
    ]


def test_every_command_has_help_with_an_example():
    import typer.main

    group = typer.main.get_command(app)
    assert set(group.commands) >= {
        "plan", "validate", "status", "report", "add-activity", "add-stakeholder", "complete-action", "import-pageviews"
    }
    for name in group.commands:
        result = invoke([name, "--help"])
        assert result.exit_code == 0
        assert "Esempio: relint " in result.stdout, name
        result = invoke([name, "--help", "--lang", "en"])
        assert result.exit_code == 0
        assert "Example: relint " in result.stdout, name


def test_no_region_is_named_in_code():
    pattern = re.compile(r"emilia|romagna|lombard", re.IGNORECASE)
    # Every file a checkout ships under src/ (build output and bytecode are not written by hand).
    files = [p for p in (REPO / "src").rglob("*") if p.is_file() and p.suffix != ".pyc" and ".egg-info" not in str(p)]
    assert any(p.name == "cli.py" for p in files)
    offenders = [str(p) for p in files if pattern.search(p.read_text(encoding="utf-8", errors="replace"))]
    assert offenders == []
