"""Writes under concurrency and crashes: nothing lost, nothing duplicated, nothing corrupt."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import records

from relint_kpi import storage
from relint_kpi.actuals import read_data

SRC = str(Path(__file__).resolve().parent.parent / "src")
HEADER = "id,date,type,territory,title\n"

ADD_ACTIVITY = """
import sys
sys.path.insert(0, {src!r})
from relint_kpi.cli import app
# The CLI in-process, 50 times: the whole add-activity path without 50 interpreter start-ups.
for n in range(int(sys.argv[4])):
    try:
        app(["--plan", sys.argv[1], "--data", sys.argv[2], "add-activity", "--type", "meeting",
             "--date", "2023-04-02", "--territory", "SE", "--title", f"{{sys.argv[3]}} {{n}}"])
    except SystemExit as done:
        if done.code:
            raise
"""

APPEND = """
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

# A writer that is NOT relint's: each row goes out in two writes with a pause
# between, cut inside the date cell, so a kill there leaves a torn row.
SPLIT_APPEND = """
import os, sys, time
path, who, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
fd = os.open(path, os.O_WRONLY | os.O_APPEND)
for n in range(count):
    row = f"{{who}}-{{n}},2023-04-02,meeting,SE,row {{n}}\\n".encode()
    cut = row.index(b",") + 5
    os.write(fd, row[:cut])
    time.sleep(0.003)
    os.write(fd, row[cut:])
    print(f"{{who}}-{{n}}", flush=True)
"""

HOLD = """
import sys, time
sys.path.insert(0, {src!r})
from relint_kpi import csvio, storage
with storage.locked(sys.argv[1]):
    print("locked", flush=True)
    time.sleep(60)
"""


def python(code: str, *args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code.format(src=SRC), *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


@pytest.mark.slow
def test_eight_add_activity_processes(mini_plan_path, mini_plan, data_dir):
    workers = [python(ADD_ACTIVITY, mini_plan_path, data_dir, f"w{i}", 50) for i in range(8)]
    for worker in workers:
        _, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
    log, issues = read_data(data_dir, mini_plan)
    assert issues == []
    assert len(records(log)) == 400
    ids = [a.id for a in records(log)]
    assert sorted(ids) == [f"2023Q2-{n:04d}" for n in range(1, 401)]  # unique, none skipped
    assert sorted(a.title for a in records(log)) == sorted(f"w{i} {n}" for i in range(8) for n in range(50))
    print(f"\n8 add-activity processes x 50: written 400, found {len(ids)}, duplicate ids {len(ids) - len(set(ids))}")


def test_sixteen_appenders(mini_plan, data_dir):
    target = data_dir / "actuals" / "2023-Q2.csv"
    target.write_text(HEADER, encoding="utf-8")
    workers = [python(APPEND, target, f"w{i}", 200) for i in range(16)]
    for worker in workers:
        worker.communicate(timeout=120)
        assert worker.returncode == 0
    log, issues = read_data(data_dir, mini_plan)
    ids = [a.id for a in records(log)]
    assert issues == []  # 0 corrupt
    assert len(ids) == 3200 and len(set(ids)) == 3200  # 0 lost, 0 duplicated
    assert set(ids) == {f"w{i}-{n}" for i in range(16) for n in range(200)}
    assert target.read_bytes().count(b"\n") == 3201  # header + rows, nothing else
    print(f"\n16 appenders x 200: written 3200, found {len(ids)}, duplicates {len(ids) - len(set(ids))}, corrupt {len(issues)}")


@pytest.mark.slow
def test_killed_writers_lose_no_completed_row(mini_plan, data_dir):
    rng = random.Random(11)
    target = data_dir / "actuals" / "2023-Q2.csv"
    printed_total = found_total = torn = 0
    for trial in range(50):
        target.write_text(HEADER, encoding="utf-8")
        writer = python(APPEND, target, f"t{trial}", 100000)
        assert writer.stdout.readline()  # it is writing
        time.sleep(rng.random() * 0.05)
        writer.send_signal(signal.SIGKILL)
        printed = [writer.stdout.readline().strip()]
        printed += [line.strip() for line in writer.stdout.read().splitlines()]
        writer.wait()
        log, issues = read_data(data_dir, mini_plan)
        found = [a.id for a in records(log)]
        assert {p for p in printed if p} <= set(found)  # every completed (printed after fsync) row is kept
        assert len(found) == len(set(found))
        lines = target.read_bytes().split(b"\n")
        assert {i.code for i in issues} <= {"torn-row"}  # never another problem
        if issues:  # a torn tail is reported on the file's last line and is not counted
            assert [i.line for i in issues] == [len(lines)] and lines[-1] != b""
            torn += 1
        # Every data line is either a counted row or the reported torn tail: nothing silently dropped.
        assert len(found) + len(issues) == len([line for line in lines[1:] if line])
        printed_total += len([p for p in printed if p])
        found_total += len(found)
    print(f"\n50 SIGKILL trials: rows printed {printed_total}, found {found_total}, torn tails detected {torn}")


@pytest.mark.slow
def test_rows_torn_by_a_kill_are_reported_not_counted(mini_plan, data_dir):
    rng = random.Random(5)
    target = data_dir / "actuals" / "2023-Q2.csv"
    torn = 0
    for trial in range(25):
        target.write_text(HEADER, encoding="utf-8")
        writer = python(SPLIT_APPEND, target, f"s{trial}", 100000)
        assert writer.stdout.readline()
        time.sleep(rng.random() * 0.05)
        writer.send_signal(signal.SIGKILL)
        printed = {line.strip() for line in writer.stdout.read().splitlines()}
        writer.wait()
        log, issues = read_data(data_dir, mini_plan)
        found = {a.id for a in records(log)}
        assert printed <= found
        last_line = target.read_bytes().count(b"\n") + 1
        if target.read_bytes().endswith(b"\n"):
            assert issues == []
        else:
            assert [(i.line, i.code) for i in issues] == [(last_line, "torn-row")]
            torn += 1
    print(f"\n25 SIGKILL trials of a two-write writer: torn tails detected {torn}")
    assert torn > 0  # the kill lands between the two writes in most trials


def test_torn_tail_is_reported_not_counted(mini_plan, data_dir):
    target = data_dir / "actuals" / "2023-Q2.csv"
    target.write_text(HEADER + "a,2023-04-02,meeting,SE,ok\nb,2023-04-0", encoding="utf-8")
    log, issues = read_data(data_dir, mini_plan)
    assert [(i.line, i.code) for i in issues] == [(3, "torn-row")]


def test_killed_lock_holder_does_not_block(tmp_path):
    target = tmp_path / "file.csv"
    holder = python(HOLD, target)
    assert holder.stdout.readline().strip() == "locked"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    start = time.perf_counter()
    with storage.locked(target, timeout=5):
        pass
    assert time.perf_counter() - start < 1


def test_lock_held_too_long(tmp_path, monkeypatch):
    target = tmp_path / "file.csv"
    holder = python(HOLD, target)
    try:
        assert holder.stdout.readline().strip() == "locked"
        monkeypatch.setenv("RELINT_LOCK_TIMEOUT", "0.5")
        with pytest.raises(storage.LockTimeout) as caught:
            with storage.locked(target):
                pass
        assert str(caught.value) == (
            f"{target} is locked by another relint command (waited 0.5 s); retry in a moment, "
            "or look for a relint process that hangs"
        )
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.parametrize("failing", ["replace", "write"])
def test_failed_export_leaves_old_file(tmp_path, monkeypatch, failing):
    target = tmp_path / "report.html"
    target.write_bytes(b"old report")

    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    if failing == "replace":
        monkeypatch.setattr(storage.os, "replace", full_disk)
    else:
        monkeypatch.setattr(storage.os, "write", full_disk)
    with pytest.raises(storage.WriteError) as caught:
        storage.write_atomic(target, b"new report", overwrite=True)
    assert str(caught.value) == f"cannot write {target}: the disk is full; the old file is unchanged; free some space and retry"
    assert caught.value.text("it") == (
        f"impossibile scrivere {target}: il disco è pieno; il file precedente è rimasto com'era; liberate spazio e riprovate"
    )
    assert target.read_bytes() == b"old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_read_only_filesystem(tmp_path, monkeypatch):
    target = tmp_path / "report.html"
    target.write_bytes(b"old report")

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(storage.tempfile, "mkstemp", read_only)
    with pytest.raises(storage.WriteError) as caught:
        storage.write_atomic(target, b"new report", overwrite=True)
    assert str(caught.value) == (
        f"cannot write in {tmp_path}: the file system is read-only; "
        "ask for write access to the folder, or work on a copy of the data in a folder of yours"
    )
    assert target.read_bytes() == b"old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_read_only_folder(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root ignores folder permissions; test_read_only_filesystem covers the same path")
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "report.html").write_bytes(b"old")
    folder.chmod(0o500)
    try:
        with pytest.raises(storage.WriteError):
            storage.write_atomic(folder / "report.html", b"new", overwrite=True)
        assert (folder / "report.html").read_bytes() == b"old"
    finally:
        folder.chmod(0o700)


def test_write_atomic_refuses_to_overwrite(tmp_path):
    target = tmp_path / "out.md"
    target.write_text("keep")
    with pytest.raises(storage.OutputExists) as caught:
        storage.write_atomic(target, b"new", overwrite=False)
    assert str(caught.value) == f"'{target}' already exists; pass --force to overwrite it"
    assert isinstance(caught.value, storage.WriteError)
    assert target.read_text() == "keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]
    storage.write_atomic(target, b"new", overwrite=True)
    assert target.read_bytes() == b"new"
