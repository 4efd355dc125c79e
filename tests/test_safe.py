"""Text from the user's files never acts on a terminal, a message or an export.

Hostile text (rich markup, ESC/CSI/OSC sequences, C1 controls, invisible
characters) is put in a plan's titles and in a quarter file, and every
command that shows it is run: through the CLI runner (piped: any ESC in
the output came from the data) and through a pseudo-terminal (colours on:
every escape sequence must be relint's own SGR colour codes).
"""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from relint_kpi.cli import app
from relint_kpi.render.safe import export_cell, export_text, json_text, message_text, rich_text, terminal_text

REPO = Path(__file__).resolve().parent.parent

#: What a hostile title holds, as written in a YAML double-quoted string.
YAML_HOSTILE = r"[/x] \e[5m\e[2J\e]0;pwned\a [link=https://e.x]Verbale[/link] [blink]b\e]8;;http://e.x\e\\L\x9b31m\u202eZ"
#: The same text as Python sees it.
HOSTILE = "[/x] \x1b[5m\x1b[2J\x1b]0;pwned\x07 [link=https://e.x]Verbale[/link] [blink]b\x1b]8;;http://e.x\x1b\\L\x9b31m\u202eZ"
#: How a terminal renderer shows it.
SHOWN = r"[/x] \x1b[5m\x1b[2J\x1b]0;pwned\x07 [link=https://e.x]Verbale[/link] [blink]b\x1b]8;;http://e.x\x1b\L\x9b31m\u202eZ"

#: Any character that must never reach a terminal from user data.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# -- the helpers ----------------------------------------------------------------------


def test_terminal_text_escapes_controls_and_keeps_line_feeds():
    assert terminal_text("a\x1b[2J\tb\nc\r\x9b\u202e\ud800\ufffe") == "a\\x1b[2J\\tb\nc\\r\\x9b\\u202e\\ud800\\ufffe"
    assert terminal_text("Città — «Bologna» 😀") == "Città — «Bologna» 😀"


def test_message_text_shows_invisible_characters():
    assert message_text("unknown stakeholder 'DG\xa0AGRI'") == "unknown stakeholder 'DG\\xa0AGRI'"
    assert message_text("unknown column '\ufeffdate'") == "unknown column '\\ufeffdate'"
    assert message_text("a\u200bb\u200dc\u2009d\nforged:1: line") == "a\\u200bb\\u200dc\\u2009d\\nforged:1: line"
    assert message_text("Città — «Bologna» … 😀") == "Città — «Bologna» … 😀"


def test_export_text_keeps_layout_characters_and_escapes_what_xml_forbids():
    assert export_text("a\tb\r\nc\x1b\x00\x9b\ufffe\uffff\ud800\u202e") == "a\tb\r\nc\\x1b\\x00\\x9b\\ufffe\\uffff\\ud800\\u202e"
    assert export_cell("\x08=1+1") == "\\x08=1+1"
    assert export_cell("=1+1") == "'=1+1"
    assert export_cell(-2) == -2


def test_json_text_parses_back_to_the_same_data():
    data = {"title": "a\x7fb\x9bc\u2028d\u202ee\ud800"}
    dumped = json_text(json.dumps(data, ensure_ascii=False))
    assert not RAW_CONTROL.search(dumped)
    assert json.loads(dumped) == data
    dumped.encode("utf-8")  # a lone surrogate no longer breaks UTF-8


def test_rich_text_is_never_markup():
    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=200, color_system=None).print(rich_text("[/x] [bold]b[/bold] \x1b[2J"))
    assert buffer.getvalue() == "[/x] [bold]b[/bold] \\x1b[2J\n"


# -- every command, piped ------------------------------------------------------------------

HEADER = "id,date,type,territory,title,stakeholders\n"


@pytest.fixture
def hostile(mini_plan_path, data_dir):
    """A plan whose indicator, result and territory names are hostile, and a quarter file likewise."""
    text = mini_plan_path.read_text(encoding="utf-8")
    text = text.replace("{it: Incontri (cumulati), en: Meetings (cumulative)}", f'{{it: "{YAML_HOSTILE}", en: "{YAML_HOSTILE}"}}')
    text = text.replace("{it: Risultato uno, en: Result one}", f'{{it: "{YAML_HOSTILE}", en: "{YAML_HOSTILE}"}}')
    text = text.replace("{it: Svezia, en: Sweden}", f'{{it: "{YAML_HOSTILE}", en: "{YAML_HOSTILE}"}}')
    text = text.replace('{it: "Piano di prova", en: "Test plan"}', f'{{it: "{YAML_HOSTILE}", en: "{YAML_HOSTILE}"}}')
    text = text.replace("{it: Università, en: University}", f'{{it: "{YAML_HOSTILE}", en: "{YAML_HOSTILE}"}}')
    mini_plan_path.write_text(text, encoding="utf-8")
    title = HOSTILE.replace('"', '""')
    (data_dir / "actuals" / "2023-Q2.csv").write_text(
        HEADER + f'q2-1,2023-04-02,meeting,SE,"{title}",\n', encoding="utf-8"
    )
    # an office note: its reason and next steps are shown by the report, under the table on a narrow terminal
    (data_dir / "notes.csv").write_text(
        f'subject,year,reason,next_steps\npage_views,2023,"{title}","{title}"\n', encoding="utf-8"
    )
    return ["--plan", str(mini_plan_path), "--data", str(data_dir)]


def invoke(args):
    return CliRunner().invoke(app, args, env={"COLUMNS": "400", "RELINT_PLAN": None, "RELINT_DATA": None})


COMMANDS = {
    "status": ["status", "--as-of", "2023-06-30"],
    "status --explain": ["status", "--as-of", "2023-06-30", "--explain", "meetings_cumulative"],
    "status --by territory": ["status", "--as-of", "2023-06-30", "--by", "territory"],
    "status --format md": ["status", "--as-of", "2023-06-30", "--format", "md"],
    "status --format json": ["status", "--as-of", "2023-06-30", "--format", "json"],
    "status --format csv": ["status", "--as-of", "2023-06-30", "--format", "csv"],
    "plan": ["plan"],
    "report": ["report", "--year", "2023", "--as-of", "2023-06-30"],
    "report --format md": ["report", "--year", "2023", "--as-of", "2023-06-30", "--format", "md"],
    "report --format html": ["report", "--year", "2023", "--as-of", "2023-06-30", "--format", "html"],
    "report --format json": ["report", "--year", "2023", "--as-of", "2023-06-30", "--format", "json"],
    "report --format csv": ["report", "--year", "2023", "--as-of", "2023-06-30", "--format", "csv"],
}


@pytest.mark.parametrize("name", COMMANDS)
def test_no_command_passes_control_characters_or_markup(hostile, name):
    result = invoke([*hostile, *COMMANDS[name]])
    assert result.exit_code == 0, result.output
    assert not RAW_CONTROL.search(result.stdout), name
    assert "\x1b" not in result.stdout


@pytest.mark.parametrize("name", ["status", "status --explain", "plan", "status --by territory"])
def test_terminal_views_show_hostile_text_literally(hostile, name):
    result = invoke([*hostile, *COMMANDS[name]])
    flat = re.sub(r"[\s│┃]+", "", result.stdout)
    # the whole text, escaped, in one piece (tables may wrap it, so spaces are ignored)
    assert re.sub(r"\s+", "", SHOWN) in flat


def test_json_export_keeps_the_exact_text(hostile):
    result = invoke([*hostile, *COMMANDS["status --format json"]])
    titles = [row["title"] for row in json.loads(result.stdout)["indicators"]]
    assert HOSTILE in titles


@pytest.mark.usefixtures("english_cli")
def test_validate_messages_show_escapes_and_invisible_characters(hostile, data_dir):
    (data_dir / "stakeholders.csv").write_text("name,internal,category\nDG AGRI,yes,business\n", encoding="utf-8")
    (data_dir / "actuals" / "2023-Q3.csv").write_text(
        HEADER + "q3-1,2023-07-02,meeting,SE,x,DG\xa0AGRI\n" + "q3-2,2023-07-03,\x1b[2Jmeeting,SE,x,\n", encoding="utf-8"
    )
    (data_dir / "actuals" / "2023-Q4.csv").write_bytes(b"\xef\xbb\xbf\xef\xbb\xbfdate,type,title\n")
    result = invoke([*hostile, "validate"])
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\xa0" not in result.stderr and "\ufeff" not in result.stderr
    assert "unknown stakeholder 'DG\\xa0AGRI'" in result.stderr
    assert "'\\x1b[2Jmeeting'" in result.stderr
    assert "unknown column '\\ufeffdate'" in result.stderr


def test_add_activity_echo_is_escaped_and_the_file_keeps_the_exact_text(hostile, data_dir):
    import csv

    args = [*hostile, "add-activity", "--type", "meeting", "--date", "2023-02-02", "--territory", "SE", "--title", HOSTILE]
    result = invoke(args)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x9b" not in result.stdout
    assert "\\x1b[2J\\x1b]0;pwned\\x07" in result.stdout
    with open(data_dir / "actuals" / "2023-Q1.csv", encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [row["title"] for row in rows] == [HOSTILE]


def test_usage_errors_escape_what_the_user_typed(hostile):
    result = invoke([*hostile, "status", "--explain", "nope\x1b]0;x\x07"])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "nope\\x1b]0;x\\x07" in result.stderr


def test_a_title_on_two_lines_cannot_forge_a_message(hostile, data_dir):
    (data_dir / "actuals" / "2023-Q3.csv").write_text(
        HEADER + 'q3-1,2023-07-02,mitting,SE,x,\n'.replace("mitting", '"mitting\nplan.yaml:1:1: all fine"'), encoding="utf-8"
    )
    result = invoke([*hostile, "validate"])
    assert not any(line.startswith("plan.yaml:1:1") for line in result.stderr.splitlines())
    assert "mitting\\nplan.yaml:1:1: all fine" in result.stderr


# -- through a real terminal ------------------------------------------------------------

#: Escape sequences relint itself sends to a colour terminal: SGR (colour, bold).
SGR = re.compile(rb"\x1b\[[0-9;]*m")


def run_in_pty(args: list[str], env: dict) -> bytes:
    """Every byte a pseudo-terminal received from relint (the reliability script's runner)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("reliability", REPO / "scripts" / "reliability.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.pty_run(args, env)


def test_a_real_terminal_receives_no_escape_sequence_from_user_data(hostile, data_dir, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "TERM": "xterm-256color", "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    received = {}
    # the views drawn for a terminal (the exports are checked piped, above)
    for name in ("status", "status --explain", "status --by territory", "plan", "report", "status --format md"):
        received[name] = run_in_pty([*hostile, *COMMANDS[name]], env)
    for name in ("status", "status --explain", "plan", "report"):
        assert SGR.search(received[name]), f"{name}: no colour at all: not a terminal?"
        assert b"\\x1b[2J\\x1b]0;pwned\\x07" in received[name].replace(b"\r\n", b""), name
    # a hostile type in a row: validate's message names it (the views above need valid data)
    (data_dir / "actuals" / "2023-Q3.csv").write_text(HEADER + f'q3-1,2023-07-02,"{HOSTILE}",SE,x,\n', encoding="utf-8")
    received["validate"] = run_in_pty([*hostile, "validate"], env)
    assert b"unknown" in received["validate"]
    for name, out in received.items():
        foreign = SGR.sub(b"", out)
        assert b"\x1b" not in foreign, (name, foreign[foreign.index(b"\x1b") - 20 :][:60])
        assert b"\x1b[5m" not in out, name  # the data's own SGR (blink): relint never blinks
        assert b"\xc2\x9b" not in out and b"\x07" not in out, name
        assert b"pwned" in out or name in ("validate",), name


# -- XLSX: every character XML 1.0 forbids ----------------------------------------------

def test_xlsx_with_characters_xml_forbids_reopens(mini_plan_path, data_dir, tmp_path):
    from xml.etree import ElementTree
    import zipfile

    from openpyxl import load_workbook

    text = mini_plan_path.read_text(encoding="utf-8")
    # the plan's indicator title holds U+FFFE, U+FFFF and C0 controls (YAML escapes)
    illegal = r"a\uFFFEb\uFFFFc\x01d\ee\vf"
    text = text.replace("{it: Delegazioni ricevute, en: Delegations received}", f'{{it: "{illegal}", en: "{illegal}"}}')
    mini_plan_path.write_text(text, encoding="utf-8")
    (data_dir / "actuals" / "2023-Q2.csv").write_bytes(
        ("id,date,type,territory,title\nq2-1,2023-04-02,delegation,SE,t\ufffe\uffff\x1bx\n").encode("utf-8")
    )
    output = tmp_path / "r.xlsx"
    args = ["--plan", str(mini_plan_path), "--data", str(data_dir), "report", "--year", "2023", "--format", "xlsx", "--output", str(output)]
    result = invoke(args)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(output) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                ElementTree.fromstring(archive.read(name))  # a strict XML 1.0 parser accepts every part
    workbook = load_workbook(output)
    values = {c.value for ws in workbook.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert "a\\ufffeb\\uffffc\\x01d\\x1be\\x0bf" in values
