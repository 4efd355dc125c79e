"""Measure relint's reliability promises and print one table.

    python scripts/reliability.py            # full run (about a minute)
    python scripts/reliability.py --quick    # fewer trials
    python scripts/reliability.py --fuzz-only 50000   # a long fuzz run only

Concurrent appends (rows written vs found, lost, duplicated, corrupt);
writers killed with SIGKILL at random moments (completed rows kept, torn
tails detected); a catalogue of bad inputs (the share of messages that carry
``file:line:col``); an XLSX and CSV export of hostile titles (cells with a live
formula); a fuzz run of the CSV reader, the number parser and the YAML loader
(examples run, uncaught exceptions).
"""

from __future__ import annotations

import argparse
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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
    print(f"| fuzzing (CSV reader, YAML loader, number and date parsers, add-activity arguments) | {fuzzed['examples']:,} examples, {fuzzed['uncaught']} uncaught exceptions |")


if __name__ == "__main__":
    main()
