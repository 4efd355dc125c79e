"""Tests of the locked, crash-safe writes in relint_kpi.storage."""

from __future__ import annotations

import codecs
import contextlib
import csv
import errno
import io
import os
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest
from conftest import full_disk_after

from relint_kpi import csvio, storage


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("cell", ["a\rb", "a\nb", "a\r\nb", 'say "hi"', "x,y", "x;y"])
def test_a_row_reads_back_as_its_cells_whatever_the_line_end(cell, newline):
    text = csvio.format_row(["1", cell, "z"], delimiter=";", newline=newline)
    assert text.endswith(newline)
    assert list(csv.reader(io.StringIO(text, newline=""), delimiter=";")) == [["1", cell, "z"]]


def test_a_bare_cr_is_quoted_in_a_file_with_lf_ends():
    assert csvio.format_row(["0", "0\r0"], delimiter=",", newline="\n") == '0,"0\r0"\n'


def test_appended_text_carries_no_bom():
    assert csvio.encode_row(["è"], delimiter=",", newline="\n", encoding="utf-16") == "è\n".encode("utf-16-le")
    assert csvio.encode_row(["è"], delimiter=",", newline="\n", encoding="utf-8-sig") == "è\n".encode("utf-8")


# -- faults: a full disk, odd locks, odd outputs ------------------------------------

@pytest.mark.parametrize("allowed", [0, 1, 7])
def test_a_failed_append_leaves_the_file_byte_identical(tmp_path, monkeypatch, allowed):
    path = tmp_path / "2023-Q1.csv"
    path.write_bytes(b"id,date\n2023Q1-0900,2023-01-02\n")
    full_disk_after(monkeypatch, allowed)
    with pytest.raises(storage.WriteError) as caught:
        storage.append_bytes(path, b"2023Q1-0901,2023-01-03\n")
    assert caught.value.text("en") == (
        f"cannot write to {path}: the disk is full. The file is as it was; free some space and retry"
    )
    assert caught.value.text("it") == (
        f"impossibile scrivere in {path}: il disco è pieno. Il file è rimasto com'era; liberate spazio e riprovate"
    )
    assert path.read_bytes() == b"id,date\n2023Q1-0900,2023-01-02\n"


def test_a_failed_append_to_a_new_file_leaves_no_file(tmp_path, monkeypatch):
    path = tmp_path / "2023-Q1.csv"
    full_disk_after(monkeypatch, 3)
    with pytest.raises(storage.WriteError):
        storage.append_bytes(path, b"id,date\n2023Q1-0001,2023-01-03\n")
    assert not path.exists()


def mount_tmpfs(where: Path, *options: str) -> None:
    """Mount a tmpfs at ``where`` (root only), or skip the test."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root; the simulated tests cover the same code")
    where.mkdir(exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join(options), "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")


@contextlib.contextmanager
def tiny_fs(where: Path, size: str = "16k"):
    """A real file system of ``size`` bytes at ``where`` for the duration of the block."""
    mount_tmpfs(where, f"size={size}")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=True)


def test_a_really_full_disk_leaves_the_file_byte_identical(tmp_path):
    with tiny_fs(tmp_path / "small") as folder:
        path = folder / "2023-Q1.csv"
        path.write_bytes(b"id,title\n")
        before = path.read_bytes()
        with pytest.raises(storage.WriteError) as caught:
            with storage.locked(path):
                storage.append_bytes(path, b"1," + b"x" * 64 * 1024 + b"\n")
        assert "the disk is full" in caught.value.text("en")
        assert path.read_bytes() == before


def test_a_utf16_big_endian_row_is_appended_big_endian(tmp_path):
    path = tmp_path / "be.csv"
    path.write_bytes(codecs.BOM_UTF16_BE + "id\tdate\r\n".encode("utf-16-be"))
    dialect = csvio.sniff(path)
    csvio.append_row(path, dialect, {"id": "è", "date": "2023-01-02"})
    assert path.read_bytes() == codecs.BOM_UTF16_BE + "id\tdate\r\nè\t2023-01-02\r\n".encode("utf-16-be")
    assert csvio.decode(path)[0] == "id\tdate\r\nè\t2023-01-02\r\n"


def test_a_utf16_little_endian_row_is_appended_little_endian(tmp_path):
    path = tmp_path / "le.csv"
    path.write_bytes(codecs.BOM_UTF16_LE + "id\tdate\n".encode("utf-16-le"))
    csvio.append_row(path, csvio.sniff(path), {"id": "è", "date": "x"})
    assert path.read_bytes() == codecs.BOM_UTF16_LE + "id\tdate\nè\tx\n".encode("utf-16-le")


def test_a_symlink_where_the_lock_should_be_is_refused(tmp_path):
    target = tmp_path / "elsewhere"
    (tmp_path / ".relint.lock").symlink_to(target)
    with pytest.raises(storage.WriteError) as caught:
        with storage.locked(tmp_path / "2023-Q1.csv"):
            pass
    lock = tmp_path / ".relint.lock"
    assert caught.value.text("en") == (
        f"{lock} is a symbolic link, not relint's lock file; delete it (relint creates the lock file again) and retry"
    )
    assert caught.value.text("it") == (
        f"{lock} è un collegamento simbolico, non il file di blocco di relint; cancellatelo "
        "(relint ricrea il file di blocco) e riprovate"
    )
    assert not target.exists()


def test_a_folder_where_the_lock_should_be_is_refused(tmp_path):
    (tmp_path / ".relint.lock").mkdir()
    with pytest.raises(storage.WriteError) as caught:
        with storage.locked(tmp_path / "2023-Q1.csv"):
            pass
    lock = tmp_path / ".relint.lock"
    assert caught.value.text("en") == (
        f"{lock} is a folder, not relint's lock file; delete it (relint creates the lock file again) and retry"
    )
    assert caught.value.text("it") == (
        f"{lock} è una cartella, non il file di blocco di relint; cancellatela "
        "(relint ricrea il file di blocco) e riprovate"
    )


def test_a_fifo_where_the_lock_should_be_is_refused(tmp_path):
    os.mkfifo(tmp_path / ".relint.lock")
    with pytest.raises(storage.WriteError) as caught:
        with storage.locked(tmp_path / "2023-Q1.csv"):
            pass
    assert caught.value.text("en").startswith(f"{tmp_path / '.relint.lock'} is a FIFO (named pipe), not relint's lock file;")


def test_a_lock_in_a_read_only_folder_says_so(tmp_path, monkeypatch):
    real = os.open

    def denied(path, flags, *args, **kwargs):
        if str(path).endswith(".relint.lock"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(storage.WriteError) as caught:
        with storage.locked(tmp_path / "2023-Q1.csv"):
            pass
    assert caught.value.text("en") == (
        f"cannot write in {tmp_path}: you have no permission to write there (the folder is read-only for you); "
        "ask for write access to the folder, or work on a copy of the data in a folder of yours"
    )
    assert caught.value.text("it") == (
        f"impossibile scrivere in {tmp_path}: non avete il permesso di scrivervi (la cartella è in sola lettura "
        "per voi); chiedete l'accesso in scrittura alla cartella, o lavorate su una copia dei dati in una "
        "vostra cartella"
    )


def test_a_really_read_only_folder_says_so(tmp_path):
    folder = tmp_path / "ro"
    mount_tmpfs(folder, "size=64k")
    try:
        (folder / "2023-Q1.csv").write_bytes(b"id\n")
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        with pytest.raises(storage.WriteError) as caught:
            with storage.locked(folder / "2023-Q1.csv"):
                pass
        assert caught.value.text("en").startswith(f"cannot write in {folder}: the file system is read-only;")
        assert (folder / "2023-Q1.csv").read_bytes() == b"id\n"
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_an_export_locks_beside_its_output_and_leaves_nothing(tmp_path, monkeypatch):
    target = tmp_path / "report.html"
    seen = []
    real = storage.replace_file

    def watching(path, data):
        seen.append(sorted(p.name for p in tmp_path.iterdir()))
        real(path, data)

    monkeypatch.setattr(storage, "replace_file", watching)
    before = set(os.listdir(tempfile.gettempdir()))
    storage.write_atomic(target, b"new", overwrite=False)
    assert seen == [[".report.html.relint-lock"]]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]
    assert {n for n in set(os.listdir(tempfile.gettempdir())) - before if n.startswith("relint-export")} == set()


def test_a_planted_export_lock_file_does_not_block(tmp_path):
    (tmp_path / ".report.html.relint-lock").write_text("planted")
    storage.write_atomic(tmp_path / "report.html", b"new", overwrite=False)
    assert (tmp_path / "report.html").read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def _fifo(path):
    os.mkfifo(path)


def _device(path):
    if os.geteuid() != 0:
        pytest.skip("only root can make a device node")
    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a copy of /dev/null


def _link(path):
    (path.parent / "real.md").write_text("kept")
    path.symlink_to(path.parent / "real.md")


@pytest.mark.parametrize(
    ("make", "kind_en", "kind_it"),
    [(_fifo, "a FIFO (named pipe)", "una FIFO (pipe con nome)"), (_device, "a device", "un dispositivo"), (_link, "a symbolic link", "un collegamento simbolico")],
)
@pytest.mark.parametrize("overwrite", [True, False])
def test_an_output_that_is_no_regular_file_is_never_replaced(tmp_path, make, kind_en, kind_it, overwrite):
    target = tmp_path / "out.md"
    make(target)
    before = os.lstat(target)
    with pytest.raises(storage.WriteError) as caught:
        storage.write_atomic(target, b"new", overwrite=overwrite)
    assert caught.value.text("en") == (
        f"{target} is {kind_en}, not a regular file; relint does not replace it, even with --force: choose another --output"
    )
    assert caught.value.text("it") == (
        f"{target} è {kind_it}, non un file normale; relint non lo sostituisce, nemmeno con --force: "
        "scegliete un altro --output"
    )
    after = os.lstat(target)
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "real.md") == ["out.md"]
