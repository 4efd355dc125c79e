"""Shared fixtures: a small complete plan and a data folder in tmp_path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def private_plan_cache(tmp_path_factory, monkeypatch):
    """Each test gets its own plan cache, never the user's."""
    monkeypatch.setenv("RELINT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def mini_plan_path(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/mini_plan.yaml in tmp_path."""
    target = tmp_path / "plan.yaml"
    shutil.copy(FIXTURES / "mini_plan.yaml", target)
    return target


@pytest.fixture
def mini_plan(mini_plan_path: Path):
    """The mini plan, loaded (fails the test if it does not load cleanly)."""
    from relint_kpi.plan import load_plan

    plan, issues = load_plan(mini_plan_path)
    assert issues == []
    return plan


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data folder with an actuals/ subfolder."""
    folder = tmp_path / "data"
    (folder / "actuals").mkdir(parents=True)
    return folder


def records(log) -> list:
    """The log's activities as :class:`~relint_kpi.records.Activity` tuples (NaN as None), for exact assertions."""
    import pandas as pd

    from relint_kpi.records import Activity

    def plain(value):
        return None if not isinstance(value, tuple) and pd.isna(value) else value

    return [
        Activity(r.path, int(r.line), r.id, r.date.date(), r.type, plain(r.territory), r.title, plain(r.action),
                 int(r.participants), r.stakeholders, int(r.value), r.notes)
        for r in log.activities.itertuples(index=False)
    ]


def invoke(args, input=None):
    """Run relint in-process through typer's CLI runner, without the user's RELINT_PLAN / RELINT_DATA."""
    from typer.testing import CliRunner

    from relint_kpi import cli

    return CliRunner().invoke(cli.app, args, input=input, env={"RELINT_PLAN": None, "RELINT_DATA": None, "COLUMNS": "80"})
