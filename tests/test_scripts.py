"""Smoke runs of the benchmark and reliability scripts (the full runs live outside the suite)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_benchmark_smoke(tmp_path):
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--sizes", "1000", "--quick", "--keep", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Machine: ")
    assert "| relint --help |" in result.stdout
    assert "| relint report --format pdf (shipped data) |" in result.stdout
    assert any(line.startswith("| status --by territory, 1,000 rows |") for line in lines)
    assert "n/a" not in result.stdout


@pytest.mark.slow
def test_reliability_quick():
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "reliability.py"), "--quick"], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "| concurrent appends | 200 rows written, 200 found, 0 lost, 0 duplicated, 0 corrupt |" in out
    assert "0 tracebacks" in out
    assert "0 formula cells; 0 live CSV cells" in out
    assert ", 0 uncaught exceptions |" in out
    assert re.search(r"\| bad inputs through the CLI \| (\d+) tried, \1 clean errors \(exit 1 or 2\), \1 located .*, 0 Internal error \|", out)
    assert re.search(r"\| hostile text on a terminal \(pty\) \| \d+ commands, .* 0 escape sequences from the data \|", out)
    faults = [line for line in out.splitlines() if line.startswith("| faults survived: ")]
    assert len(faults) == 5
    for line in faults:
        tried = int(line.split(" | ")[1].split(" tried")[0])
        assert tried >= 3
        assert f"{tried} refused with a message (exit 1), {tried} with every file byte-identical, 0 Internal error" in line
    assert "1 of 1 exports done, nothing left; 0 locks in the temp folder" in out
    assert "| faults: the same writes without a fault (control) | 5 of 5 succeed |" in out
