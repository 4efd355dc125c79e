"""Measure relint's reliability promises and print one table.

    python scripts/reliability.py            # full run (about a minute)
    python scripts/reliability.py --quick    # fewer trials
    python scripts/reliability.py --fuzz-only 50000   # a long fuzz run only

Concurrent appends (rows written vs found, lost, duplicated, corrupt);
writers killed with SIGKILL at random moments (completed rows kept, torn
tails detected); a catalogue of bad inputs (the share of messages that carry
``file:line:col``); an XLSX and CSV export of hostile titles (cells with a live
formula); a fuzz run of the CSV reader, the number parser and the YAML loader
(examples run, uncaught exceptions); bad inputs through the command line
(plans, data files, registries, options: clean errors, file:line, no
``Internal error``); hostile text shown by every view on a pseudo-terminal
(escape sequences from the data that reached it); faults survived with nothing lost: a full
disk mid-append (a real tmpfs as root), a read-only data folder, a folder, link
or FIFO planted as the lock, a quarter file linked out of the data folder, a
device, FIFO or link as ``--output --force`` (tried, refused cleanly, files
byte-identical).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The messages this script looks for ("Internal error", "problems found") are English:
# every relint run it starts, in-process or not, speaks English.
os.environ["RELINT_LANG"] = "en"

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from relint_kpi.actuals import read_data  # noqa: E402
from relint_kpi.issues import format_issue  # noqa: E402
from relint_kpi.plan import load_plan  # noqa: E402

MINI_PLAN = REPO / "tests" / "fixtures" / "mini_plan.yaml"
HEADER = "id,date,type,territory,title\n"

APPENDER = """
import sys
sys.path.insert(0, {src!r})
from relint_kpi import csvio, storage
path, who, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
for n in range(count):
    row = csvio.encode_row([f"{{who}}-{{n}}", "2023-04-02", "meeting", "SE", f"row {{n}} of {{who}}"],
                             delimiter=",", newline="\\n", encoding="utf-8")
    with storage.locked(path):
        storage.append_bytes(path, row)
    print(f"{{who}}-{{n}}", flush=True)
"""


def _appender(path: Path, who: str, count: int) -> subprocess.Popen:
    code = APPENDER.format(src=str(REPO / "src"))
    return subprocess.Popen([sys.executable, "-c", code, str(path), who, str(count)], stdout=subprocess.PIPE, text=True)


def concurrent_appends(processes: int, rows: int) -> dict:
    """``processes`` writers × ``rows`` appends each on one quarter file."""
    plan, _ = load_plan(MINI_PLAN)
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        (data / "actuals").mkdir()
        target = data / "actuals" / "2023-Q2.csv"
        target.write_text(HEADER, encoding="utf-8")
        writers = [_appender(target, f"w{i}", rows) for i in range(processes)]
        for writer in writers:
            writer.communicate()
        log, issues = read_data(data, plan)
        ids = log.activities["id"].tolist()
        expected = {f"w{i}-{n}" for i in range(processes) for n in range(rows)}
        return {
            "written": processes * rows,
            "found": len(ids),
            "lost": len(expected - set(ids)),
            "duplicated": len(ids) - len(set(ids)),
            "corrupt": len(issues),
        }


def kill_trials(trials: int) -> dict:
    """Kill a writer at a random moment; check completed rows and torn tails."""
    plan, _ = load_plan(MINI_PLAN)
    kept = completed = torn = silent = 0
    rng = random.Random(3)
    for trial in range(trials):
        with tempfile.TemporaryDirectory() as folder:
            data = Path(folder)
            (data / "actuals").mkdir()
            target = data / "actuals" / "2023-Q2.csv"
            target.write_text(HEADER, encoding="utf-8")
            writer = _appender(target, f"t{trial}", 100_000)
            time.sleep(0.15 + rng.random() * 0.05)  # past start-up, into the writes
            writer.send_signal(signal.SIGKILL)
            printed = [line for line in writer.communicate()[0].splitlines() if line]
            log, issues = read_data(data, plan)
            ids = set(log.activities["id"])
            completed += len(printed)
            kept += sum(1 for row_id in printed if row_id in ids)
            codes = {i.code for i in issues}
            if codes == {"torn-row"}:
                torn += 1
            elif codes:
                silent += 1  # any other problem would be a bug
    return {"trials": trials, "completed": completed, "kept": kept, "torn_detected": torn, "other_problems": silent}


BAD_INPUTS = {
    "unknown type": HEADER + "1,2023-04-02,delegaton,SE,x\n",
    "bad date": HEADER + "1,2023-02-30,meeting,SE,x\n",
    "date outside quarter": HEADER + "1,2023-08-01,meeting,SE,x\n",
    "unknown territory": HEADER + "1,2023-04-02,meeting,ZZ,x\n",
    "missing title": HEADER + "1,2023-04-02,meeting,SE,\n",
    "short row": HEADER + "1,2023-04-02,meeting\n2,2023-04-03,meeting,SE,x\n",
    "long row": HEADER + "1,2023-04-02,meeting,SE,x,y\n",
    "unknown column": "id,date,type,territory,title,colour\n",
    "duplicate column": "id,date,type,type,title\n",
    "missing column": "id,type,territory,title\n",
    "empty file": "",
    "torn last row": HEADER + "1,2023-04-02,meeting,SE,x\n2,2023-04-0",
    "unclosed quote": HEADER + '1,2023-04-02,meeting,SE,"x\n',
    "bad number": "id,date,type,territory,title,value\n1,2023-04-02,meeting,SE,x,5.5\n",
    "thousands in , file": "id,date,type,territory,title,value\n1,2023-04-02,meeting,SE,x,5.000\n",
    "unknown stakeholder": "id,date,type,territory,title,stakeholders\n1,2023-04-02,meeting,SE,x,Nobody\n",
    "unknown action": "id,date,type,territory,title,action\n1,2023-04-02,meeting,SE,x,nope\n",
}
BAD_BYTES = {
    "undecodable bytes": b"id,date,type,territory,title\n1,2023-04-02,meeting,SE,\x81\x8d\n",
    "NUL bytes": b"id,date,type,territory,title\n1,2023-04-02,meet\x00ing,SE,x\n",
}


def bad_inputs() -> dict:
    """Each bad input must give issues whose every message starts with file:line:col."""
    plan, _ = load_plan(MINI_PLAN)
    located = tried = tracebacks = 0
    pattern = re.compile(r"^[^:]+\.csv:\d+(:\d+)?: ")
    cases = {name: text.encode("utf-8") for name, text in BAD_INPUTS.items()} | BAD_BYTES
    for name, raw in cases.items():
        with tempfile.TemporaryDirectory() as folder:
            data = Path(folder)
            (data / "actuals").mkdir()
            (data / "actuals" / "2023-Q2.csv").write_bytes(raw)
            tried += 1
            try:
                _, issues = read_data(data, plan)
            except Exception:  # noqa: BLE001 - counting what must never happen
                tracebacks += 1
                continue
            lines_ok = issues and all(pattern.match(format_issue(i)) and i.line > 0 for i in issues)
            located += 1 if lines_ok else 0
    return {"tried": tried, "with_line": located, "tracebacks": tracebacks}


HOSTILE = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "{=1+1}", "<script>alert(1)</script>"]


def hostile_exports() -> dict:
    """Export a report whose titles are hostile; count live formula cells in XLSX and CSV."""
    import csv
    import io

    from openpyxl import load_workbook

    from relint_kpi.render.report_export import render_report
    from relint_kpi.report import build_report

    plan, _ = load_plan(MINI_PLAN)
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        (data / "actuals").mkdir()
        rows = "".join(f'{n},2023-04-0{n % 9 + 1},meeting,SE,"{title.replace(chr(34), chr(34) * 2)}"\n' for n, title in enumerate(HOSTILE))
        (data / "actuals" / "2023-Q2.csv").write_text(HEADER + rows, encoding="utf-8")
        log, issues = read_data(data, plan)
        assert not issues, issues
        report = build_report(plan, log, year=2023)
        workbook = load_workbook(io.BytesIO(render_report(report, "xlsx")))
        cells = [c for sheet in workbook.worksheets for row in sheet.iter_rows() for c in row if c.value is not None]
        formulas = sum(1 for c in cells if c.data_type == "f")
        text = render_report(report, "csv").decode("utf-8")
        csv_live = sum(
            1 for row in csv.reader(io.StringIO(text)) for cell in row if cell[:1] in ("=", "+", "@", "\t", "\r") or cell.startswith("-") and not re.fullmatch(r"-[0-9.]+", cell)
        )
    return {"xlsx_cells": len(cells), "xlsx_formulas": formulas, "csv_live": csv_live}


# -- bad inputs through the command line: clean errors, with file:line where there is one ----------

GOOD_ROW = "q2-1,2023-04-02,meeting,SE,Incontro\n"
#: A plan change: (text to find in the mini plan, what to write instead).
PLAN_EDITS = {
    "yaml: duplicate key in another spelling": ("targets: {2022: 4, 2023: 8}", "targets: {2022: 4, 2023: 8, +2023: 99}"),
    "yaml: same key, 1 and true": ("targets: {2022: 4, 2023: 8}", "targets: {2022: 4, 2023: 8, 2023.0: 1}"),
    "yaml: duplicate key": ("  source_document: \"test\"\n", "  source_document: \"test\"\n  source_document: \"x\"\n"),
    "yaml: !!merge key": ("targets: {2022: 4, 2023: 8}", "targets: {2022: 4, 2023: 8, !!merge <<: {2023: 99}}"),
    "yaml: plain << key": ("targets: {2022: 4, 2023: 8}", "targets: {<<: {2023: 99}, 2022: 4}"),
    "yaml: 29 February 2023": ("end: 2023-12-31}", "end: 2023-02-29}"),
    "yaml: month 13": ("end: 2023-12-31}", "end: 2023-13-01}"),
    "yaml: year 0": ("start: 2022-01-01", "start: 0000-01-01"),
    "yaml: !!int abc": ("targets: {2022: 4, 2023: 8}", "targets: {2022: 4, 2023: !!int abc}"),
    "yaml: !!float x": ("on_track: 0.9", "on_track: !!float x"),
    "yaml: python tag": ("source_document: \"test\"", "source_document: !!python/object:os.system ls"),
    "yaml: custom tag": ("source_document: \"test\"", "source_document: !secret x"),
    "yaml: alias": ("thresholds: {on_track: 0.9, at_risk: 0.7}", "thresholds: &t {on_track: 0.9, at_risk: 0.7}\nx: *t"),
    "yaml: tab indentation": ("  source_document: \"test\"\n", "\tsource_document: \"test\"\n"),
    "yaml: unclosed quote": ("source_document: \"test\"", "source_document: \"test"),
    "yaml: second document": ("schema_version: 1\n", "schema_version: 1\n---\nx: 1\n"),
    "yaml: control character": ("source_document: \"test\"", "source_document: te\x01st"),
    "plan: unknown key": ("thresholds: {on_track: 0.9, at_risk: 0.7}", "thresholds: {on_track: 0.9, at_risk: 0.7, colour: red}"),
    "plan: missing key": ("  source_document: \"test\"\n", ""),
    "plan: 5.000 as a target": ("targets: {2022: 4, 2023: 8}", "targets: {2022: 4, 2023: 5.000}"),
    "plan: 0123 as a target": ("targets: {2022: 4, 2023: 8}", "targets: {2022: 4, 2023: 0123}"),
    "plan: negative target": ("targets: {2022: 4, 2023: 8}", "targets: {2022: 4, 2023: -1}"),
    "plan: a year that is text": ("targets: {2022: 4, 2023: 8}", "targets: {2022: 4, abc: 8}"),
    "plan: threshold over 1": ("on_track: 0.9", "on_track: 1.9"),
    "plan: threshold 0": ("on_track: 0.9", "on_track: 0"),
    "plan: threshold yes": ("on_track: 0.9", "on_track: yes"),
    "plan: bad id": ("id: delegations_received", "id: Delegations"),
    "plan: empty text": ("{it: Nota, en: Note}", "{it: \"\", en: Note}"),
    "plan: bad basis": ("basis: annual", "basis: yearly"),
    "plan: bad territory code": ("{code: SE, name:", "{code: XX, name:"),
    "plan: unknown objective": ("objectives: [1], indicators", "objectives: [7], indicators"),
    "plan: target outside period": ("targets: {2022: 4, 2023: 8}", "targets: {2022: 4, 2023: 8, 2030: 1}"),
    "plan: inverted period": ("end: 2023-12-31}", "end: 2021-12-31}"),
    "plan: text without languages": ("{it: Nota, en: Note}", "Nota"),
    "plan: date as a number": ("end: 2023-12-31}", "end: 20231231}"),
}
PLAN_BYTES = {
    "plan: not UTF-8": b"schema_version: 1\ntitle: citt\xe0\n",
    "plan: empty file": b"",
    "plan: a list": b"- 1\n- 2\n",
    "plan: deep nesting": b"a: " + b"[" * 200 + b"]" * 200 + b"\n",
}
REGISTRY_FILES = {
    "registry: name with |": ("stakeholders.csv", "name,internal,category\nA|B,no,university\n"),
    "registry: internal forse": ("stakeholders.csv", "name,internal,category\nA,forse,university\n"),
    "registry: unknown category": ("stakeholders.csv", "name,internal,category\nA,no,ngo\n"),
    "registry: name twice": ("stakeholders.csv", "name,internal,category\nA,no,university\na,no,business\n"),
    "registry: bad date": ("stakeholders.csv", "name,internal,category,first_involved\nA,no,university,ieri\n"),
    "registry: no name column": ("stakeholders.csv", "nome,internal,category\nA,no,university\n"),
    "deliverables: unknown action": ("deliverables.csv", "action,date,note\nnope,2023-01-01,x\n"),
    "deliverables: 31 February": ("deliverables.csv", "action,date,note\na1,31/02/2023,y\n"),
    "csv: NBSP in a stakeholder": ("actuals/2023-Q3.csv", "id,date,type,territory,title,stakeholders\n1,2023-07-02,meeting,SE,x,DG\xa0AGRI\n"),
    "csv: BOM inside the header": ("actuals/2023-Q3.csv", "\ufeff\ufeffdate,type,title\n"),
    "csv: escape sequence as a type": ("actuals/2023-Q3.csv", HEADER + "1,2023-07-02,\x1b[2Jmeeting,SE,x\n"),
    "csv: a cell over 16 MiB": ("actuals/2023-Q3.csv", HEADER + '1,2023-07-02,meeting,SE,"' + "x" * ((1 << 24) + 1) + '"\n'),
    "csv: a quote never closed": ("actuals/2023-Q3.csv", HEADER + '1,2023-07-02,meeting,SE,"x\n' + "2,2023-07-03,meeting,SE,y\n" * 10),
}
#: Options a user can get wrong: (name, arguments, environment); no file line applies.
OPTION_CASES = [
    ("SOURCE_DATE_EPOCH ²", ["report", "--year", "2023"], {"SOURCE_DATE_EPOCH": "²"}),
    ("SOURCE_DATE_EPOCH 99999999999999", ["report", "--year", "2023"], {"SOURCE_DATE_EPOCH": "99999999999999"}),
    ("--as-of 2023-02-30", ["status", "--as-of", "2023-02-30"], {}),
    ("--explain nope", ["status", "--explain", "nope\x1b]0;x\x07"], {}),
    ("--by colour", ["status", "--by", "colour"], {}),
    ("report --year 1999", ["report", "--year", "1999"], {}),
    ("report xlsx to the terminal", ["report", "--year", "2023", "--format", "xlsx"], {}),
    ("add-activity --date 31/02/2023", ["add-activity", "--type", "meeting", "--date", "31/02/2023", "--territory", "SE", "--title", "x"], {}),
    ("add-activity --type nope", ["add-activity", "--type", "nope", "--date", "2023-04-02", "--territory", "SE", "--title", "x"], {}),
    ("add-activity --territory ZZ", ["add-activity", "--type", "meeting", "--date", "2023-04-02", "--territory", "ZZ", "--title", "x"], {}),
    ("add-stakeholder A|B", ["add-stakeholder", "A|B", "--category", "university", "--external"], {}),
    ("add-stakeholder bad category", ["add-stakeholder", "X", "--category", "ngo", "--external"], {}),
    ("complete-action nope", ["complete-action", "nope", "--date", "2023-01-01"], {}),
    ("import-pageviews missing file", ["import-pageviews", "nope.csv", "--quarter", "2023Q2"], {}),
    ("import-pageviews bad quarter", ["import-pageviews", str(MINI_PLAN), "--quarter", "2023Q5"], {}),
]

#: A message line that names where: path:line or path:line:col.
_LOCATED = re.compile(r"^\S[^:]*:\d+(:\d+)?: ")


def _cli_workspace(folder: Path) -> list[str]:
    """A valid mini workspace in ``folder``; the global options that point at it."""
    data = folder / "data"
    (data / "actuals").mkdir(parents=True)
    (folder / "plan.yaml").write_bytes(MINI_PLAN.read_bytes())
    (data / "actuals" / "2023-Q2.csv").write_text(HEADER + GOOD_ROW, encoding="utf-8")
    (data / "stakeholders.csv").write_text("name,internal,category\nAteneo,no,university\n", encoding="utf-8")
    return ["--plan", str(folder / "plan.yaml"), "--data", str(data)]


def cli_bad_inputs(step: int = 1) -> dict:
    """Every bad input (every ``step``-th) through the CLI in-process: a clean error (exit 1 or 2), never ``Internal error``.

    Problems in a file must name it with its line on every message line;
    option mistakes (no file line applies) must be one ``Error:`` line.
    """
    from typer.testing import CliRunner

    from relint_kpi.cli import app

    mini = MINI_PLAN.read_text(encoding="utf-8")
    cases: list[tuple[str, dict, list, dict, bool]] = []  # name, files, args, env, has a line
    for name, text in BAD_INPUTS.items():
        cases.append((name, {"data/actuals/2023-Q2.csv": text.encode("utf-8")}, ["validate"], {}, True))
    for name, raw in BAD_BYTES.items():
        cases.append((name, {"data/actuals/2023-Q2.csv": raw}, ["validate"], {}, True))
    for name, (old, new) in PLAN_EDITS.items():
        assert old in mini, old
        cases.append((name, {"plan.yaml": mini.replace(old, new, 1).encode("utf-8")}, ["validate"], {}, True))
    for name, raw in PLAN_BYTES.items():
        cases.append((name, {"plan.yaml": raw}, ["validate"], {}, True))
    for name, (path, text) in REGISTRY_FILES.items():
        cases.append((name, {"data/" + path: text.encode("utf-8")}, ["validate"], {}, True))
    for name, args, env in OPTION_CASES:
        cases.append((name, {}, args, env, False))
    tried = clean = located = internal = 0
    failures = []
    runner = CliRunner()
    cases = cases[::step]
    for name, files, args, env, has_line in cases:
        with tempfile.TemporaryDirectory() as folder:
            options = _cli_workspace(Path(folder))
            for relative, raw in files.items():
                (Path(folder) / relative).write_bytes(raw)
            result = runner.invoke(app, [*options, *args], env={"SOURCE_DATE_EPOCH": None, "RELINT_PLAN": None, "RELINT_DATA": None, **env})
        tried += 1
        err = result.stderr
        if "Internal error" in err or "Traceback" in err or result.exception and not isinstance(result.exception, SystemExit):
            internal += 1
            failures.append(f"{name}: internal error: {err.strip()[:200]}")
            continue
        if result.exit_code not in (1, 2) or not err.strip() or "\x1b" in err:
            failures.append(f"{name}: exit {result.exit_code}, stderr {err[:200]!r}")
            continue
        clean += 1
        lines = [line for line in err.splitlines() if not re.search(r"problems? found\.$", line)]
        if has_line and lines and all(_LOCATED.match(line) for line in lines):
            located += 1
        elif has_line:
            failures.append(f"{name}: a message without file:line: {lines[:2]}")
        elif len([line for line in lines if line.strip() and not line.startswith(("Usage: ", "Try '"))]) == 1:
            # An option the command-line parser refuses: its usage line and help hint, then the one message.
            located += 1
        else:
            failures.append(f"{name}: not one message line: {lines[:2]}")
    with_line = sum(1 for case in cases if case[4])
    return {"tried": tried, "clean": clean, "with_line": with_line, "located": located, "internal": internal, "failures": failures}


# -- escape sequences from the data reaching a real terminal -------------------------------

#: What a hostile plan or data text holds (YAML double-quoted form, then as Python reads it).
PTY_YAML = r"[/x] \e[5m\e[2J\e]0;pwned\a [link=https://e.x]L[/link]\e]8;;http://e.x\e\\L\x9b31m\eP1$q\e\\\u202eZ"
PTY_TEXT = "[/x] \x1b[5m\x1b[2J\x1b]0;pwned\x07 [link=https://e.x]L[/link]\x1b]8;;http://e.x\x1b\\L\x9b31m\x1bP1$q\x1b\\\u202eZ"
#: The escape sequences relint sends itself: SGR (colour, bold).
_SGR = re.compile(rb"\x1b\[[0-9;]*m")
PTY_COMMANDS = [
    ["status", "--as-of", "2023-06-30"],
    ["status", "--as-of", "2023-06-30", "--explain", "meetings_cumulative"],
    ["status", "--as-of", "2023-06-30", "--by", "territory"],
    ["status", "--as-of", "2023-06-30", "--format", "md"],
    ["status", "--as-of", "2023-06-30", "--format", "json"],
    ["status", "--as-of", "2023-06-30", "--format", "csv"],
    ["plan"],
    ["report", "--year", "2023", "--as-of", "2023-06-30"],
    ["report", "--year", "2023", "--as-of", "2023-06-30", "--format", "md"],
    ["report", "--year", "2023", "--as-of", "2023-06-30", "--format", "html"],
    ["report", "--year", "2023", "--as-of", "2023-06-30", "--format", "json"],
    ["add-activity", "--type", "meeting", "--date", "2023-05-02", "--territory", "SE", "--title", PTY_TEXT, "--dry-run"],
    ["validate"],
]


def pty_run(args: list[str], env: dict) -> bytes:
    """Run relint on a pseudo-terminal (100 × 50); every byte the terminal received."""
    import fcntl
    import os
    import pty
    import select
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 100, 0, 0))
    process = subprocess.Popen([sys.executable, "-m", "relint_kpi", *args], stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    out = b""
    while select.select([master], [], [], 60)[0]:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the program closed the terminal
            break
        if not chunk:
            break
        out += chunk
    process.wait(timeout=60)
    os.close(master)
    return out


def pty_escapes(commands: list[list[str]] = PTY_COMMANDS) -> dict:
    """Hostile plan and data text shown by every view on a pty: count escape sequences from the data.

    relint's own SGR colour codes are allowed; anything else starting with
    ESC, a C1 control (U+009B, U+0090…) or a BEL, and the data's own SGR
    (blink, which relint never uses) count as reaching the terminal.
    """
    import os

    with tempfile.TemporaryDirectory() as folder:
        options = _cli_workspace(Path(folder))
        plan = MINI_PLAN.read_text(encoding="utf-8")
        hostile = f'{{it: "{PTY_YAML}", en: "{PTY_YAML}"}}'
        for old in ("{it: Incontri (cumulati), en: Meetings (cumulative)}", "{it: Svezia, en: Sweden}", '{it: "Piano di prova", en: "Test plan"}'):
            plan = plan.replace(old, hostile)
        (Path(folder) / "plan.yaml").write_text(plan, encoding="utf-8")
        cell = '"' + PTY_TEXT.replace('"', '""') + '"'
        (Path(folder) / "data" / "actuals" / "2023-Q2.csv").write_text(HEADER + f"q2-1,2023-04-02,meeting,SE,{cell}\n", encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "TERM": "xterm-256color", "COLUMNS": "100"}
        env.pop("NO_COLOR", None)
        received = escapes = coloured = 0
        for args in commands:
            if args == ["validate"]:
                # a hostile type in a row: the message names it (the other views need valid data)
                (Path(folder) / "data" / "actuals" / "2023-Q3.csv").write_text(HEADER + f"q3-1,2023-07-02,{cell},SE,x\n", encoding="utf-8")
            out = pty_run([*options, *args], env)
            received += len(out)
            coloured += bool(_SGR.search(out))
            foreign = _SGR.sub(b"", out)
            escapes += foreign.count(b"\x1b") + out.count(b"\x1b[5m") + out.count(b"\x07")
            escapes += sum(out.decode("utf-8", "replace").count(chr(c)) for c in range(0x80, 0xA0))
    return {"commands": len(commands), "bytes": received, "coloured": coloured, "escapes": escapes}


def fuzz(examples: int) -> dict:
    """Hypothesis fuzzing of the parsers; counts examples and uncaught exceptions."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from relint_kpi.numbers import parse_italian_int
    from relint_kpi.periods import parse_date
    from relint_kpi.yamlsafe import load_yaml

    plan, _ = load_plan(MINI_PLAN)
    counts = {"examples": 0, "uncaught": 0}
    folder = Path(tempfile.mkdtemp())
    (folder / "actuals").mkdir()

    def guarded(function):
        counts["examples"] += 1
        try:
            function()
        except ValueError:
            pass  # the parsers' documented refusal
        except Exception:  # noqa: BLE001
            counts["uncaught"] += 1

    config = settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))

    @config
    @given(st.binary(max_size=400))
    def csv_bytes(raw):
        (folder / "actuals" / "2023-Q2.csv").write_bytes(raw)
        guarded(lambda: read_data(folder, plan))

    @config
    @given(st.text(max_size=200))
    def yaml_text(text):
        guarded(lambda: load_yaml(text))

    @config
    @given(st.text(max_size=20), st.sampled_from([",", ";"]))
    def numbers(text, delimiter):
        guarded(lambda: parse_italian_int(text, delimiter))
        guarded(lambda: parse_date(text))

    from relint_kpi.writers import add_activity

    field = st.one_of(st.none(), st.text(max_size=30), st.sampled_from(["2023-04-02", "02/04/2023", "meeting", "SE", "Assia", "5.000", "-1"]))

    @config
    @given(st.fixed_dictionaries({name: field for name in ("type", "date", "territory", "title", "action", "participants", "stakeholders", "value", "notes")}))
    def add_activity_args(fields):
        from relint_kpi.issues import DataError, UsageError

        def attempt():
            try:
                add_activity(folder, plan, fields, dry_run=True)
            except (DataError, UsageError):
                pass

        guarded(attempt)

    for test in (csv_bytes, yaml_text, numbers, add_activity_args):
        test()
    return counts


# -- faults survived: a full disk, a read-only folder, planted locks, symlinks, odd outputs --------

QUARTER_HEADER = "id,date,type,territory,title,action,participants,stakeholders,value,notes\n"
#: Each writer: the file it appends to, the file's text before, the command's arguments.
WRITER_CASES = {
    "add-activity": (
        "actuals/2023-Q2.csv",
        QUARTER_HEADER + "2023Q2-0001,2023-04-01,note,SE,prima,,,,1,{pad}\n",
        ["add-activity", "--type", "meeting", "--date", "2023-04-02", "--territory", "SE", "--title", "Incontro"],
    ),
    "add-stakeholder": (
        "stakeholders.csv",
        "name,internal,category,first_involved\nAteneo{pad},no,university,\n",
        ["add-stakeholder", "Comune di prova", "--category", "local_authority", "--external"],
    ),
    "complete-action": (
        "deliverables.csv",
        "action,date,note\na1,2023-01-02,{pad}\n",
        ["complete-action", "a2", "--date", "2023-01-09", "--note", "Intesa firmata dalle due parti"],
    ),
    "add-note": (
        "notes.csv",
        "subject,year,reason,next_steps\na2,,Missione rinviata{pad},\n",
        ["add-note", "page_views", "--year", "2023", "Sito fermo ad agosto", "--next", "Nuova pagina"],
    ),
    "import-pageviews": (
        "actuals/2022-Q4.csv",
        QUARTER_HEADER + "2022Q4-0001,2022-11-02,note,SE,prima,,,,1,{pad}\n",
        ["import-pageviews", str(REPO / "tests" / "fixtures" / "matomo_pages_en.csv"), "--quarter", "2022Q4"],
    ),
}
REGISTRY_TEXT = "name,internal,category,first_involved\nAteneo,no,university,\n"


def _relint(data: Path, args: list[str], temp: Path | None = None) -> subprocess.CompletedProcess:
    """Run the relint CLI in a fresh process on the mini plan and ``data`` (``temp``: its temp folder)."""
    env = {"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    if temp is not None:
        env["TMPDIR"] = str(temp)
    command = [sys.executable, "-m", "relint_kpi", "--plan", str(MINI_PLAN), "--data", str(data), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def _snapshot(folder: Path) -> dict:
    """Every entry below ``folder``: its kind and bytes (or link target); relint's own folder lock left out."""
    import stat

    entries = {}
    for path in sorted(folder.rglob("*")):
        mode = path.lstat().st_mode
        if path.name == ".relint.lock" and stat.S_ISREG(mode):
            continue
        if stat.S_ISLNK(mode):
            entries[str(path.relative_to(folder))] = ("link", str(path.readlink()))
        elif stat.S_ISREG(mode):
            entries[str(path.relative_to(folder))] = ("file", path.read_bytes())
        else:
            entries[str(path.relative_to(folder))] = (stat.S_IFMT(mode), b"")
    return entries


def _fill_data(data: Path, pad_to: int | None = None) -> None:
    """A data folder with each writer's file; ``pad_to``: pad each file to that many bytes."""
    (data / "actuals").mkdir(parents=True, exist_ok=True)
    if not (data / "stakeholders.csv").exists():
        (data / "stakeholders.csv").write_text(REGISTRY_TEXT, encoding="utf-8")
    for name, text, _ in WRITER_CASES.values():
        bare = text.format(pad="")
        pad = "x" * (pad_to - len(bare.encode("utf-8"))) if pad_to else ""
        (data / name).write_text(text.format(pad=pad), encoding="utf-8")


def _judge(result: subprocess.CompletedProcess, before: dict, after: dict, counts: dict) -> None:
    """Count one fault: refused cleanly (exit 1, a message, no Internal error) with every file as it was."""
    counts["tried"] += 1
    clean = result.returncode == 1 and result.stderr.strip() and "Internal error" not in result.stderr
    clean = clean and "Traceback" not in result.stderr
    counts["clean"] += 1 if clean else 0
    counts["unchanged"] += 1 if before == after else 0
    counts["internal"] += 1 if ("Internal error" in result.stderr or "Traceback" in result.stderr) else 0
    if not clean or before != after:
        counts.setdefault("failures", []).append(result.stderr.strip()[:200])


def _new_counts(how: str = "") -> dict:
    return {"tried": 0, "clean": 0, "unchanged": 0, "internal": 0, "how": how}


def _mount_tmpfs(where: Path, size: str) -> bool:
    """Mount a tmpfs of ``size`` at ``where`` (root only); False when this machine cannot."""
    import os

    if os.geteuid() != 0:
        return False
    where.mkdir(parents=True, exist_ok=True)
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True).returncode == 0


def _fill_disk(filler: Path) -> None:
    """Write ``filler`` until the file system is full."""
    import os

    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        for chunk in (b"\0" * 4096, b"\0"):
            while True:
                try:
                    os.write(fd, chunk)
                except OSError:
                    break
    finally:
        os.close(fd)


def faults_disk_full() -> dict:
    """Each writer on a really full disk (a tmpfs, as root), the row cut after a few bytes; else a simulated one.

    Each file is padded to 10 bytes short of a 4 KiB page, so the append's
    first bytes fit and the rest does not: a real half row to take back.
    """
    with tempfile.TemporaryDirectory() as folder:
        mount = Path(folder) / "small"
        if _mount_tmpfs(mount, "256k"):
            counts = _new_counts("a full 256 KiB tmpfs")
            try:
                for name, (_, _, args) in WRITER_CASES.items():
                    data = mount / name
                    _fill_data(data, pad_to=4086)
                    _fill_disk(mount / f"filler-{name}")
                    before = _snapshot(data)
                    _judge(_relint(data, args), before, _snapshot(data), counts)
                    (mount / f"filler-{name}").unlink()
            finally:
                subprocess.run(["umount", str(mount)], check=True)
            return counts
    return _faults_disk_full_simulated()


def _faults_disk_full_simulated() -> dict:
    """Each writer with ``os.write`` failing with ENOSPC after 10 bytes, in this process through the CLI runner."""
    import pytest
    from typer.testing import CliRunner

    sys.path.insert(0, str(REPO / "tests"))
    from conftest import full_disk_after

    from relint_kpi import cli

    counts = _new_counts("simulated (os.write fails after 10 bytes)")
    for _, _, args in WRITER_CASES.values():
        with tempfile.TemporaryDirectory() as folder:
            data = Path(folder)
            _fill_data(data)
            before = _snapshot(data)
            with pytest.MonkeyPatch.context() as patch:
                full_disk_after(patch, 10)
                invoked = CliRunner().invoke(cli.app, ["--plan", str(MINI_PLAN), "--data", str(data), *args])
            result = subprocess.CompletedProcess(args, invoked.exit_code, invoked.stdout, invoked.stderr)
            _judge(result, before, _snapshot(data), counts)
    return counts


def faults_read_only() -> dict:
    """Each writer on a read-only data folder: a read-only mount as root, a folder without write permission otherwise."""
    import os

    counts = _new_counts()
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        if _mount_tmpfs(data, "1m"):
            counts["how"] = "a read-only mount"
            try:
                _fill_data(data)
                subprocess.run(["mount", "-o", "remount,ro", str(data)], check=True)
                for _, _, args in WRITER_CASES.values():
                    before = _snapshot(data)
                    _judge(_relint(data, args), before, _snapshot(data), counts)
            finally:
                subprocess.run(["umount", str(data)], check=True)
            return counts
        counts["how"] = "folders without write permission"
        _fill_data(data)
        for sub in (data / "actuals", data):
            sub.chmod(0o555)
        try:
            for _, _, args in WRITER_CASES.values():
                before = _snapshot(data)
                _judge(_relint(data, args), before, _snapshot(data), counts)
        finally:
            for sub in (data, data / "actuals"):
                os.chmod(sub, 0o755)
    return counts


def faults_planted_locks(quick: bool = False) -> dict:
    """Each writer with a folder, a symbolic link or a FIFO where its ``.relint.lock`` goes; then exports
    with a planted lock beside the output (must not block) and no lock in the temp folder (none left)."""
    import os

    counts = _new_counts()
    plants = {
        "folder": lambda lock: lock.mkdir(),
        "symlink": lambda lock: lock.symlink_to(lock.parent / "victim.txt"),
        "fifo": lambda lock: os.mkfifo(lock),
    }
    cases = list(WRITER_CASES.values())[:1 if quick else None]
    for plant in plants.values():
        for name, _, args in cases:
            with tempfile.TemporaryDirectory() as folder:
                data = Path(folder)
                _fill_data(data)
                plant((data / name).parent / ".relint.lock")
                before = _snapshot(data)
                _judge(_relint(data, args), before, _snapshot(data), counts)
    # An export: a lock planted beside the output does not block it, and nothing is left behind,
    # neither beside it nor in the temp folder (the process gets a temp folder of its own to count).
    with tempfile.TemporaryDirectory() as folder:
        out, temp = Path(folder) / "out", Path(folder) / "tmp"
        out.mkdir()
        temp.mkdir()
        _fill_data(Path(folder) / "data")
        (out / ".report.md.relint-lock").write_text("planted")
        args = ["report", "--year", "2023", "--format", "md", "--output", str(out / "report.md")]
        result = _relint(Path(folder) / "data", args, temp)
        counts["exports"] = 1
        counts["exports_ok"] = int(result.returncode == 0 and sorted(p.name for p in out.iterdir()) == ["report.md"])
        temp_after = set(os.listdir(temp))
    counts["temp_locks"] = len(temp_after)
    return counts


def faults_symlinks() -> dict:
    """Each writer's file a symbolic link to a file outside the data folder: refused, the outside file unchanged."""
    counts = _new_counts()
    for name, text, args in WRITER_CASES.values():
        with tempfile.TemporaryDirectory() as folder:
            data = Path(folder) / "data"
            _fill_data(data)
            outside = Path(folder) / "outside.csv"
            outside.write_text(text.format(pad=""), encoding="utf-8")
            (data / name).unlink()
            (data / name).symlink_to(outside)
            before = _snapshot(Path(folder))
            if name == "stakeholders.csv":
                (data / "stakeholders.csv").unlink()
                (data / "stakeholders.csv").symlink_to(outside)
                before = _snapshot(Path(folder))
            _judge(_relint(data, args), before, _snapshot(Path(folder)), counts)
    return counts


def faults_odd_outputs() -> dict:
    """``report --output X --force`` where X is a FIFO, a device (a /dev/null copy, as root), a symbolic link or a
    dangling one: refused, X untouched, nothing left beside it."""
    import os
    import stat

    counts = _new_counts()
    plants = {
        "fifo": lambda path: os.mkfifo(path),
        "symlink": lambda path: path.symlink_to(path.parent / "real.md"),
        "dangling symlink": lambda path: path.symlink_to(path.parent / "missing.md"),
    }
    if os.geteuid() == 0:
        plants["device"] = lambda path: os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    for plant in plants.values():
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "out"
            out.mkdir()
            (out / "real.md").write_text("kept")
            data = Path(folder) / "data"
            _fill_data(data)
            plant(out / "report.md")
            before = _snapshot(out)
            args = ["report", "--year", "2023", "--format", "md", "--output", str(out / "report.md"), "--force"]
            _judge(_relint(data, args), before, _snapshot(out), counts)
    return counts


def faults_control() -> dict:
    """Each writer's command on a healthy data folder: it must succeed, or the refusals above prove nothing."""
    counts = {"tried": 0, "succeeded": 0}
    for _, _, args in WRITER_CASES.values():
        with tempfile.TemporaryDirectory() as folder:
            _fill_data(Path(folder))
            counts["tried"] += 1
            counts["succeeded"] += int(_relint(Path(folder), args).returncode == 0)
    return counts


def faults(quick: bool = False) -> dict[str, dict]:
    """Every fault class: its counts (tried, refused cleanly, files unchanged, Internal errors); ``quick``: fewer locks."""
    return {
        "disk full": faults_disk_full(),
        "read-only data folder": faults_read_only(),
        "planted or odd .relint.lock": faults_planted_locks(quick),
        "writes through a symlink out of the data folder": faults_symlinks(),
        "--output --force on a non-regular file": faults_odd_outputs(),
    }


def print_faults(results: dict[str, dict]) -> None:
    """One table row per fault class."""
    control = faults_control()
    print(f"| faults: the same writes without a fault (control) | {control['succeeded']} of {control['tried']} succeed |")
    for name, c in results.items():
        how = f" ({c['how']})" if c.get("how") else ""
        extra = ""
        if "exports" in c:
            extra = f"; planted export lock: {c['exports_ok']} of {c['exports']} exports done, nothing left; {c['temp_locks']} locks in the temp folder"
        print(
            f"| faults survived: {name}{how} | {c['tried']} tried, {c['clean']} refused with a message (exit 1), "
            f"{c['unchanged']} with every file byte-identical, {c['internal']} Internal error{extra} |"
        )
        for failure in c.get("failures", []):
            print(f"|   failure | {failure} |", file=sys.stderr)


def main() -> None:
    """Run every measurement and print the table."""
    parser = argparse.ArgumentParser(description="relint reliability figures")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--fuzz-only", type=int, metavar="N", help="only fuzz, with N examples per target")
    args = parser.parse_args()
    if args.fuzz_only:
        fuzzed = fuzz(args.fuzz_only)
        print(f"{fuzzed['examples']:,} examples, {fuzzed['uncaught']} uncaught exceptions")
        raise SystemExit(1 if fuzzed["uncaught"] else 0)
    appends = concurrent_appends(4 if args.quick else 16, 50 if args.quick else 200)
    kills = kill_trials(5 if args.quick else 50)
    bad = bad_inputs()
    exports = hostile_exports()
    fuzzed = fuzz(100 if args.quick else 2000)
    cli_bad = cli_bad_inputs(4 if args.quick else 1)
    terminal = pty_escapes(PTY_COMMANDS[::4] + [["validate"]] if args.quick else PTY_COMMANDS)
    survived = faults(args.quick)
    print("| promise | measured |")
    print("|---|---|")
    print(
        f"| concurrent appends | {appends['written']:,} rows written, {appends['found']:,} found, "
        f"{appends['lost']} lost, {appends['duplicated']} duplicated, {appends['corrupt']} corrupt |"
    )
    print(
        f"| writers killed (SIGKILL) | {kills['trials']} trials, {kills['completed']:,} completed rows, "
        f"{kills['kept']:,} kept, {kills['torn_detected']} torn tails detected, {kills['other_problems']} other problems |"
    )
    print(f"| bad inputs | {bad['tried']} tried, {bad['with_line']} with file:line(:col) on every message, {bad['tracebacks']} tracebacks |")
    print(
        f"| hostile titles exported | {exports['xlsx_cells']} XLSX cells, {exports['xlsx_formulas']} formula cells; "
        f"{exports['csv_live']} live CSV cells |"
    )
    print(
        f"| bad inputs through the CLI | {cli_bad['tried']} tried, {cli_bad['clean']} clean errors (exit 1 or 2), "
        f"{cli_bad['located']} located ({cli_bad['with_line']} in files: file:line on every message; the options one message line), "
        f"{cli_bad['internal']} Internal error |"
    )
    print(
        f"| hostile text on a terminal (pty) | {terminal['commands']} commands, {terminal['bytes']:,} bytes received, "
        f"{terminal['coloured']} in colour, {terminal['escapes']} escape sequences from the data |"
    )
    print(f"| fuzzing (CSV reader, YAML loader, number and date parsers, add-activity arguments) | {fuzzed['examples']:,} examples, {fuzzed['uncaught']} uncaught exceptions |")
    for failure in cli_bad["failures"]:
        print(f"bad input not handled cleanly: {failure}", file=sys.stderr)
    print_faults(survived)


if __name__ == "__main__":
    main()
