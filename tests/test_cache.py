"""The cache of validated data is never stale: any change to code, plan or data misses it."""

from __future__ import annotations

import os
import shutil

import pytest

from relint_kpi import cache

HEADER = "id,date,type,territory,title\n"


@pytest.fixture
def setup(mini_plan_path, mini_plan, data_dir):
    (data_dir / "actuals" / "2023-Q2.csv").write_text(HEADER + "a,2023-04-02,meeting,SE,Uno\n", encoding="utf-8")
    return mini_plan_path, mini_plan, data_dir


def titles(setup):
    plan_path, plan, data_dir = setup
    log, issues = cache.read_data_cached(data_dir, plan, plan_path)
    return [a.title for a in log.activities], [i.code for i in issues]


def entries():
    return sorted(p.name for p in cache.cache_dir().glob("log-*"))


def test_second_read_comes_from_the_cache(setup, monkeypatch):
    assert titles(setup) == (["Uno"], [])
    assert len(entries()) == 1
    import relint_kpi.actuals as actuals

    monkeypatch.setattr(actuals, "read_data", lambda *a: pytest.fail("read again although nothing changed"))
    assert titles(setup) == (["Uno"], [])


def test_one_byte_change_with_same_size_and_time(setup):
    titles(setup)
    path = setup[2] / "actuals" / "2023-Q2.csv"
    stat = path.stat()
    path.write_text(HEADER + "a,2023-04-02,meeting,SE,Due\n", encoding="utf-8")  # same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same modification time
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns
    assert titles(setup) == (["Due"], [])


def test_file_added_and_removed(setup):
    titles(setup)
    added = setup[2] / "actuals" / "2023-Q3.csv"
    added.write_text(HEADER + "b,2023-07-02,meeting,SE,Tre\n", encoding="utf-8")
    assert titles(setup) == (["Uno", "Tre"], [])
    added.unlink()
    assert titles(setup) == (["Uno"], [])
    (setup[2] / "stakeholders.csv").write_text("name,internal,category\nAteneo,no,university\n", encoding="utf-8")
    plan_path, plan, data_dir = setup
    log, _ = cache.read_data_cached(data_dir, plan, plan_path)
    assert list(log.stakeholders) == ["Ateneo"]


def test_plan_change(setup):
    plan_path, plan, data_dir = setup
    titles(setup)
    plan_path.write_text(plan_path.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert titles(setup) == (["Uno"], [])
    assert len(entries()) == 1  # the entry was rewritten under the new key
    before = entries()
    shutil.rmtree(cache.cache_dir())
    assert titles(setup) == (["Uno"], []) and entries() == before


def test_data_with_problems_is_never_cached(setup):
    (setup[2] / "actuals" / "2023-Q3.csv").write_text(HEADER + "b,2023-07-02,meeting,ZZ,Tre\n", encoding="utf-8")
    assert titles(setup) == (["Uno"], ["unknown-territory"])
    assert entries() == []
    assert titles(setup) == (["Uno"], ["unknown-territory"])


def test_cache_can_be_switched_off(setup, monkeypatch):
    monkeypatch.setenv("RELINT_NO_CACHE", "1")
    assert titles(setup) == (["Uno"], [])
    assert cache.cache_dir() is None


def test_a_damaged_cache_is_ignored(setup):
    titles(setup)
    for entry in cache.cache_dir().glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert titles(setup) == (["Uno"], [])
