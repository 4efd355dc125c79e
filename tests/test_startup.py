"""Start-up stays light: help, plan and the recording commands never load pandas or numpy.

Each command runs as a real process (``python -X importtime -m relint_kpi``),
so the test sees every module the entry point imports, not only those a
test runner happens to have loaded already.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from relint_kpi.cli import app

HEAVY = ("pandas", "numpy")


def imported(args: list[str], cwd) -> set[str]:
    """Top-level names of every module a relint process imports."""
    env = dict(os.environ)
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "relint_kpi", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    names = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    assert "relint_kpi" in names  # the import log was read
    return names


def command_names() -> list[str]:
    """Every sub-command the CLI registers."""
    import typer.main

    return sorted(typer.main.get_command(app).commands)


def test_help_imports_neither_pandas_nor_numpy(tmp_path):
    assert not imported(["--help"], tmp_path) & set(HEAVY)


@pytest.mark.parametrize("command", command_names())
def test_each_command_help_is_light(command, tmp_path):
    assert not imported([command, "--help"], tmp_path) & set(HEAVY)


def add_activity_args(plan_path, data_dir, territory: str = "SE") -> list[str]:
    args = ["--plan", str(plan_path), "--data", str(data_dir), "add-activity", "--dry-run"]
    return args + ["--type", "meeting", "--date", "2023-04-02", "--territory", territory, "--title", "Incontro"]


def test_add_activity_dry_run_is_light(mini_plan_path, data_dir):
    assert not imported(add_activity_args(mini_plan_path, data_dir), data_dir) & set(HEAVY)


def test_add_activity_with_a_subdivision_is_light(mini_plan_path, data_dir):
    args = add_activity_args(mini_plan_path, data_dir, territory="CN-GD")
    assert not imported(args, data_dir) & set(HEAVY)


def test_the_recording_commands_and_plan_do_not_load_pandas(mini_plan_path, data_dir):
    ws = ["--plan", str(mini_plan_path), "--data", str(data_dir)]
    for args in (
        ["plan"],
        ["add-stakeholder", "Comune di Prova", "--category", "local_authority", "--external"],
        ["complete-action", "a1", "--date", "2022-05-02"],
        ["add-note", "page_views", "--year", "2023", "Sito in manutenzione"],
        ["add-note", "page_views", "--year", "2023", "Sito in manutenzione ad agosto", "--replace"],
    ):
        assert not imported([*ws, *args], data_dir) & set(HEAVY), args
