"""Tests of the locked, crash-safe writes in relint_kpi.storage."""

from __future__ import annotations

import csv
import io

import pytest

from relint_kpi import csvio


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
