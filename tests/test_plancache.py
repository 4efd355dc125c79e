"""The cache of the validated plan: JSON only, sealed, and never trusted when damaged."""

from __future__ import annotations

import pytest

from relint_kpi import plancache
from relint_kpi.plan import Plan, load_plan
from relint_kpi.workspace import Workspace, load_plan_or_fail


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("RELINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("RELINT_NO_CACHE", raising=False)
    return folder


def entry(folder):
    (found,) = folder.glob("plan-*.json")
    return found


def test_a_plan_is_cached_as_sealed_json_and_read_back_equal(cache, mini_plan_path):
    first = load_plan_or_fail(Workspace(mini_plan_path))
    seal, _, payload = entry(cache).read_text(encoding="utf-8").partition("\n")
    assert len(seal) == 64 and payload.startswith("{")  # a hex digest, then JSON: nothing that can run
    assert Plan.model_validate_json(payload) == first
    assert load_plan_or_fail(Workspace(mini_plan_path)) == first == load_plan(mini_plan_path)[0]


def test_remember_says_whether_it_answered_from_the_cache(cache):
    calls = []

    def make():
        calls.append(1)
        return '{"a": 1}'

    assert plancache.remember(b"plan bytes", make) == ('{"a": 1}', False)
    assert plancache.remember(b"plan bytes", make) == ('{"a": 1}', True)
    assert plancache.remember(b"other bytes", make) == ('{"a": 1}', False)
    assert len(calls) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text.replace('"targets":{"2022":4', '"targets":{"2022":9'),  # one figure changed
        lambda text: text[: len(text) // 2],  # cut short
        lambda text: "0" * 64 + text[64:],  # seal replaced
        lambda text: "",  # emptied
    ],
)
def test_a_damaged_entry_is_ignored_and_replaced(cache, mini_plan_path, damage):
    plan = load_plan_or_fail(Workspace(mini_plan_path))
    path = entry(cache)
    original = path.read_text(encoding="utf-8")
    damaged = damage(original)
    assert damaged != original
    path.write_text(damaged, encoding="utf-8")
    assert load_plan_or_fail(Workspace(mini_plan_path)) == plan
    assert path.read_text(encoding="utf-8") == original  # the file's plan, validated again and stored


def test_an_entry_planted_under_another_plans_key_is_ignored(cache, mini_plan_path, tmp_path):
    load_plan_or_fail(Workspace(mini_plan_path))
    planted = entry(cache).read_text(encoding="utf-8")
    other = tmp_path / "other.yaml"
    other.write_text(mini_plan_path.read_text(encoding="utf-8").replace("on_track: 0.9", "on_track: 0.8"), encoding="utf-8")
    load_plan_or_fail(Workspace(other))
    for path in cache.glob("plan-*.json"):
        path.write_text(planted, encoding="utf-8")  # the first plan's sealed entry under every name
    assert load_plan_or_fail(Workspace(other)).thresholds.on_track == 0.8


def test_no_cache_when_switched_off(tmp_path, monkeypatch, mini_plan_path):
    monkeypatch.setenv("RELINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("RELINT_NO_CACHE", "1")
    load_plan_or_fail(Workspace(mini_plan_path))
    assert not (tmp_path / "cache").exists()


def test_an_invalid_plan_is_never_cached(cache, mini_plan_path):
    text = mini_plan_path.read_text(encoding="utf-8")
    mini_plan_path.write_text(text.replace("on_track: 0.9", "on_track: 1.9"), encoding="utf-8")
    with pytest.raises(Exception):
        load_plan_or_fail(Workspace(mini_plan_path))
    assert not list(cache.glob("plan-*.json"))
