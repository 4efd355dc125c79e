"""Start-up stays light: help and the recording commands never load pandas or numpy,
and add-activity on a plan it has seen before loads neither pydantic nor YAML.

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
PLAN_LOADING = ("pydantic", "pydantic_core", "yaml")


def imported(args: list[str], cwd, cache_dir=None) -> set[str]:
    """Top-level names of every module a relint process imports.

    The cache is off unless ``cache_dir`` is given.
    """
    env = {**os.environ, "RELINT_NO_CACHE": "1"}
    if cache_dir is not None:
        del env["RELINT_NO_CACHE"]
        env["RELINT_CACHE_DIR"] = str(cache_dir)
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


def test_add_activity_on_a_cached_plan_loads_neither_pydantic_nor_yaml(mini_plan_path, data_dir, tmp_path):
    args = add_activity_args(mini_plan_path, data_dir)
    first = imported(args, data_dir, cache_dir=tmp_path / "cache")
    assert {"pydantic", "yaml"} <= first  # the first run validates the plan (and caches its row rules)
    again = imported(args, data_dir, cache_dir=tmp_path / "cache")
    assert not again & set(PLAN_LOADING + HEAVY)
    # A country code is checked against the ISO codes cached with the rules.
    assert "pycountry" not in again


def test_a_subdivision_on_a_cached_plan_still_loads_no_plan_models(mini_plan_path, data_dir, tmp_path):
    args = add_activity_args(mini_plan_path, data_dir, territory="CN-GD")
    imported(args, data_dir, cache_dir=tmp_path / "cache")
    assert not imported(args, data_dir, cache_dir=tmp_path / "cache") & set(PLAN_LOADING + HEAVY)
