"""The cache of validated data is never stale: any change to code, plan or data misses it."""

from __future__ import annotations

import marshal
import os
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relint_kpi import cache
from relint_kpi.records import Activity

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
    return sorted(p.name for p in cache.cache_dir().glob("rows-*"))


def test_second_read_comes_from_the_cache(setup, monkeypatch):
    assert titles(setup) == (["Uno"], [])
    assert len(entries()) == 1
    import relint_kpi.actuals as actuals

    monkeypatch.setattr(actuals, "read_activities", lambda *a: pytest.fail("read again although nothing changed"))
    assert titles(setup) == (["Uno"], [])


def files_read(monkeypatch) -> list[str]:
    """Names of the quarterly files read (not answered from the cache) from now on."""
    import relint_kpi.actuals as actuals

    read, real = [], actuals.read_activities

    def spy(path, *args):
        read.append(path.name)
        return real(path, *args)

    monkeypatch.setattr(actuals, "read_activities", spy)
    return read


def test_only_the_changed_file_is_read_again(setup, monkeypatch):
    data_dir = setup[2]
    (data_dir / "actuals" / "2023-Q3.csv").write_text(HEADER + "b,2023-07-02,meeting,SE,Tre\n", encoding="utf-8")
    assert titles(setup) == (["Uno", "Tre"], [])
    read = files_read(monkeypatch)
    with (data_dir / "actuals" / "2023-Q3.csv").open("a", encoding="utf-8") as handle:
        handle.write("c,2023-07-03,meeting,SE,Quattro\n")
    assert titles(setup) == (["Uno", "Tre", "Quattro"], [])
    assert read == ["2023-Q3.csv"]


def test_a_registry_change_misses_every_entry(setup, monkeypatch):
    data_dir = setup[2]
    titles(setup)
    read = files_read(monkeypatch)
    (data_dir / "stakeholders.csv").write_text("name,internal,category\nAteneo,no,university\n", encoding="utf-8")
    assert titles(setup) == (["Uno"], [])
    assert read == ["2023-Q2.csv"]


@pytest.mark.parametrize("cached", [False, True])
def test_workers_give_the_same_answer(setup, monkeypatch, cached):
    # Worker processes are used only for large folders: here for any size.
    from relint_kpi.actuals import read_data

    plan_path, plan, data_dir = setup
    (data_dir / "actuals" / "2023-Q3.csv").write_text(
        HEADER + "b,2023-07-02,meeting,SE,Tre\nc,2023-07-02,meeting,ZZ,Quattro\nd,2023-07-03,meeting,BE,Cinque\n",
        encoding="utf-8",
    )
    (data_dir / "actuals" / "2023-Q4.csv").write_text(HEADER + "a,2023-10-02,meeting,SE,Sei\n", encoding="utf-8")
    if cached:  # Q4 comes from the cache; Q2 changed and Q3 has a problem, so both are read
        cache.read_data_cached(data_dir, plan, plan_path)
        (data_dir / "actuals" / "2023-Q2.csv").write_text(HEADER + "a,2023-04-02,meeting,SE,Uno\n\n", encoding="utf-8")
    else:
        monkeypatch.setenv("RELINT_NO_CACHE", "1")
    monkeypatch.setattr(cache, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(cache, "_cores", lambda: 2)
    started, real = [], cache._read_in_workers
    monkeypatch.setattr(cache, "_read_in_workers", lambda jobs, *a: started.append(len(jobs)) or real(jobs, *a))
    assert cache.read_data_cached(data_dir, plan, plan_path) == read_data(data_dir, plan)
    assert started == [2 if cached else 3]
    log, issues = read_data(data_dir, plan)
    assert [a.title for a in log.activities] == ["Uno", "Tre", "Cinque", "Sei"]
    assert [(i.path.split("/")[-1], i.line, i.code) for i in issues] == [
        ("2023-Q3.csv", 3, "unknown-territory"),
        ("2023-Q4.csv", 2, "duplicate-id"),
    ]
    if cached:  # the files without issues were cached by the first run, the other is not
        assert len(entries()) == 2


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


def test_a_file_with_problems_is_never_cached(setup, monkeypatch):
    (setup[2] / "actuals" / "2023-Q3.csv").write_text(HEADER + "b,2023-07-02,meeting,ZZ,Tre\n", encoding="utf-8")
    assert titles(setup) == (["Uno"], ["unknown-territory"])
    assert len(entries()) == 1  # 2023-Q2.csv only
    read = files_read(monkeypatch)
    assert titles(setup) == (["Uno"], ["unknown-territory"])
    assert read == ["2023-Q3.csv"]


def test_cache_can_be_switched_off(setup, monkeypatch):
    monkeypatch.setenv("RELINT_NO_CACHE", "1")
    assert titles(setup) == (["Uno"], [])
    assert cache.cache_dir() is None


def test_a_damaged_cache_is_ignored(setup):
    titles(setup)
    for entry in cache.cache_dir().glob("*"):
        entry.write_bytes(b"not a cache entry")
    assert titles(setup) == (["Uno"], [])


ACTIVITY = st.builds(
    Activity,
    path=st.sampled_from(["data/actuals/2023-Q2.csv", "b.csv"]),
    line=st.integers(min_value=2, max_value=2**40),
    id=st.text(max_size=5),
    date=st.dates(),
    type=st.sampled_from(["meeting", "event"]),
    territory=st.one_of(st.none(), st.sampled_from(["SE", "DE-HE"])),
    title=st.text(min_size=1, max_size=8),
    action=st.one_of(st.none(), st.text(max_size=3)),
    participants=st.one_of(st.none(), st.integers(min_value=0, max_value=2**70)),
    stakeholders=st.lists(st.text(max_size=4), max_size=3).map(tuple),
    value=st.integers(min_value=1, max_value=2**70),
    notes=st.text(max_size=4),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(ACTIVITY, max_size=20))
def test_rows_survive_the_cache_format(activities):
    # Any text, "|" and NUL included (the reader never lets NUL through; the
    # format falls back to codes for a column where it would be ambiguous).
    stored = marshal.loads(marshal.dumps(cache.encode_rows(activities)))
    assert cache.decode_rows(stored) == activities


def test_a_pycountry_upgrade_misses_every_entry(setup, monkeypatch):
    # Its ISO 3166 lists decide which territories a row may name.
    titles(setup)
    read = files_read(monkeypatch)
    monkeypatch.setattr(cache, "_pycountry_release", lambda: b"pycountry-99.1.1.dist-info")
    assert titles(setup) == (["Uno"], [])
    assert read == ["2023-Q2.csv"]
