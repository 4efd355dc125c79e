"""`relint validate` through the CLI runner: the shipped data, and bad data folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from relint_kpi.cli import app

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"


def invoke(args):
    return CliRunner().invoke(app, args, env={"RELINT_PLAN": None, "RELINT_DATA": None})


def test_shipped_data_is_valid(monkeypatch):
    from relint_kpi.actuals import read_data
    from relint_kpi.plan import load_plan

    monkeypatch.chdir(REPO)
    plan, issues = load_plan("data/plan_2022_2023.yaml")
    log, data_issues = read_data("data", plan)
    assert issues == [] and data_issues == [] and len(log.activities) > 0
    result = invoke(["validate"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"OK: plan data/plan_2022_2023.yaml and {len(log.activities)} activities in data/actuals are valid.\n"
    assert result.stderr == ""


@pytest.fixture
def bad_folder(tmp_path, monkeypatch):
    """A plan and data folder in the working directory, so messages carry short relative paths."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "mini_plan.yaml", tmp_path / "plan.yaml")
    (tmp_path / "data" / "actuals").mkdir(parents=True)
    return tmp_path / "data"


def test_bad_data_lists_every_problem_and_exits_1(bad_folder):
    (bad_folder / "stakeholders.csv").write_text("name,internal,category\nAteneo,forse,university\n", encoding="utf-8")
    (bad_folder / "actuals" / "2023-Q1.csv").write_text(
        "date,type,territory,title,value\n"
        "2023-01-05,meeting,ZZ,x,\n"
        "2023-05-01,meeting,SE,y,\n"
        "2023-01-06,event,SE,z,5.000\n"
        "2023-01-07,meeting,SE,ultima,,extra",
        encoding="utf-8",
    )
    (bad_folder / "actuals" / "2023-Q2.csv").write_bytes(b"date;type;title\r\n02/04/2023;nota;\x81\r\n")
    result = invoke(["--plan", "plan.yaml", "--data", "data", "validate"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "data/stakeholders.csv:2:2: internal must be yes or no (sì/no), got 'forse' [bad-internal]",
        "data/actuals/2023-Q1.csv:2:3: unknown territory 'ZZ' — write an ISO 3166 code (BE, DE-HE) or a plan territory's name (Assia, Hesse) [unknown-territory]",
        "data/actuals/2023-Q1.csv:3:1: date 2023-05-01 is outside this file's quarter 2023-Q1 (2023-01-01..2023-03-31); move the row to 2023-Q2.csv [date-outside-quarter]",
        "data/actuals/2023-Q1.csv:4:5: value: '5.000' is not a whole number; write 5000 without a separator (a '.' thousands separator is read only in ';' files saved by Excel) [bad-value]",
        "data/actuals/2023-Q1.csv:5: row has 6 cells, more than the 5 header columns; check for a missing or extra ',' [row-length]",
        "data/actuals/2023-Q2.csv:2: undecodable byte at byte offset 33: the file is neither UTF-8 nor Windows-1252; save it from Excel as 'CSV UTF-8' [bad-encoding]",
        "6 problem(s) found.",
    ]


def test_torn_last_row_is_reported(bad_folder):
    (bad_folder / "actuals" / "2023-Q1.csv").write_text(
        "date,type,territory,title\n2023-01-05,meeting,SE,x\n2023-01-0", encoding="utf-8"
    )
    result = invoke(["--plan", "plan.yaml", "--data", "data", "validate"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "data/actuals/2023-Q1.csv:3: the last row is cut short (1 of 4 cells) and the file does not end with a line end: "
        "a write was interrupted; complete or delete the row [torn-row]",
        "1 problem(s) found.",
    ]


def test_no_actuals_folder(bad_folder):
    shutil.rmtree(bad_folder / "actuals")
    result = invoke(["--plan", "plan.yaml", "--data", "data", "validate"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "data: no actuals/ folder here; pass --data FOLDER that holds actuals/ [no-actuals]",
        "1 problem(s) found.",
    ]


def test_a_capped_listing_says_more_than(bad_folder):
    from relint_kpi.issues import MAX_ISSUES

    rows = "".join(f"2023-01-05,meeting,ZZ,riga {n}\n" for n in range(MAX_ISSUES + 50))
    (bad_folder / "actuals" / "2023-Q1.csv").write_text("date,type,territory,title\n" + rows, encoding="utf-8")
    result = invoke(["--plan", "plan.yaml", "--data", "data", "validate"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == MAX_ISSUES + 2
    assert lines[-2:] == [
        f"data/actuals/2023-Q1.csv:{MAX_ISSUES + 2}: more than {MAX_ISSUES} problems; stopped listing them [too-many-issues]",
        f"more than {MAX_ISSUES} problem(s) found.",
    ]
