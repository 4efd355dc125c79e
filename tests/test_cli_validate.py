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


@pytest.mark.usefixtures("english_cli")
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


@pytest.mark.usefixtures("english_cli")
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
        "6 problems found.",
    ]


@pytest.mark.usefixtures("english_cli")
def test_torn_last_row_is_reported(bad_folder):
    (bad_folder / "actuals" / "2023-Q1.csv").write_text(
        "date,type,territory,title\n2023-01-05,meeting,SE,x\n2023-01-0", encoding="utf-8"
    )
    result = invoke(["--plan", "plan.yaml", "--data", "data", "validate"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "data/actuals/2023-Q1.csv:3: the last row is cut short (1 of 4 cells) and the file does not end with a line end: "
        "a write was interrupted; complete or delete the row [torn-row]",
        "1 problem found.",
    ]


@pytest.mark.usefixtures("english_cli")
def test_no_actuals_folder(bad_folder):
    shutil.rmtree(bad_folder / "actuals")
    result = invoke(["--plan", "plan.yaml", "--data", "data", "validate"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "data: no actuals/ folder here; pass --data FOLDER that holds actuals/ [no-actuals]",
        "1 problem found.",
    ]


@pytest.mark.usefixtures("english_cli")
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
        f"more than {MAX_ISSUES} problems found.",
    ]


# -- inputs a hostile trial found (numbers beyond any count, odd file names and kinds) --


@pytest.mark.usefixtures("english_cli")
def test_a_number_beyond_any_count_is_a_data_error_not_a_crash(bad_folder):
    digits = "9" * 5000
    (bad_folder / "actuals" / "2023-Q1.csv").write_text(
        "date,type,territory,title,value,participants\n"
        f"2023-01-05,meeting,SE,x,{digits},\n"
        f"2023-01-06,event,SE,y,1{'0' * 400},\n"
        f"2023-01-07,event,SE,z,,{digits}\n",
        encoding="utf-8",
    )
    for command in (["validate"], ["status", "--year", "2023"], ["report", "--year", "2023", "--format", "json"]):
        result = invoke(["--plan", "plan.yaml", "--data", "data", *command])
        assert result.exit_code == 1, command
        assert result.stderr.splitlines() == [
            "data/actuals/2023-Q1.csv:2:5: value: '999999999999…' is too large; relint counts up to 999.999.999 [bad-value]",
            "data/actuals/2023-Q1.csv:3:5: value: '100000000000…' is too large; relint counts up to 999.999.999 [bad-value]",
            "data/actuals/2023-Q1.csv:4:6: participants: '999999999999…' is too large; relint counts up to 999.999.999 [bad-participants]",
            "3 problems found.",
        ]


@pytest.mark.usefixtures("english_cli")
def test_a_number_beyond_any_count_in_an_option_is_refused(bad_folder):
    result = invoke(
        ["--plan", "plan.yaml", "--data", "data", "add-activity", "--type", "event", "--date", "2023-01-05",
         "--territory", "SE", "--title", "x", "--participants", "9" * 5000]
    )
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "add-activity: --participants: participants: '999999999999…' is too large; relint counts up to 999.999.999 [bad-participants]",
        "1 problem found.",
    ]
    assert invoke(["--plan", "plan.yaml", "status", "--year", "9" * 5000]).exit_code == 2


@pytest.mark.usefixtures("english_cli")
@pytest.mark.parametrize("name", ["0000-Q1.csv", "9999-Q4.csv"])
def test_a_quarter_file_of_a_year_far_away_is_reported(bad_folder, name):
    (bad_folder / "actuals" / name).write_text("date,type,territory,title\n2023-01-05,meeting,SE,x\n", encoding="utf-8")
    result = invoke(["--plan", "plan.yaml", "--data", "data", "validate"])
    assert result.exit_code == 1
    expected = {
        "0000-Q1.csv": "data/actuals/0000-Q1.csv: actuals files are named by quarter, e.g. 2023-Q1.csv; rename this file [bad-file-name]",
        "9999-Q4.csv": "data/actuals/9999-Q4.csv:2:1: date 2023-01-05 is outside this file's quarter 9999-Q4 "
        "(9999-10-01..9999-12-31); move the row to 2023-Q1.csv [date-outside-quarter]",
    }
    assert result.stderr.splitlines() == [expected[name], "1 problem found."]


@pytest.mark.usefixtures("english_cli")
@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_a_folder_or_fifo_named_like_a_quarter_file_is_reported_and_never_written(bad_folder, kind):
    import os

    target = bad_folder / "actuals" / "2023-Q1.csv"
    if kind == "folder":
        target.mkdir()
    else:
        os.mkfifo(target)
    message = "data/actuals/2023-Q1.csv: this is not a regular file; remove it or rename it (it cannot hold rows) [not-a-file]"
    result = invoke(["--plan", "plan.yaml", "--data", "data", "validate"])
    assert (result.exit_code, result.stderr.splitlines()) == (1, [message, "1 problem found."])
    # A FIFO would block the write while the folder lock is held: refused before.
    added = invoke(["--plan", "plan.yaml", "--data", "data", "add-activity", "--type", "meeting", "--date", "2023-01-05",
                    "--territory", "SE", "--title", "x"])
    assert (added.exit_code, added.stderr.splitlines()) == (1, [message, "1 problem found."])
