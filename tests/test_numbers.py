"""Whole numbers and dates as typed in Excel with Italian settings."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relint_kpi.numbers import MAX_COUNT, format_italian_int, parse_italian_int
from relint_kpi.periods import parse_date


@pytest.mark.parametrize(
    "text, delimiter, expected",
    [
        ("12", ",", 12),
        ("12", ";", 12),
        ("5000", ",", 5000),
        ("5000", ";", 5000),
        ("5.000", ";", 5000),
        ("1.234.567", ";", 1234567),
        (" 42 ", ",", 42),
        ("007", ",", 7),
        ("0", ",", 0),
    ],
)
def test_numbers_read(text, delimiter, expected):
    assert parse_italian_int(text, delimiter) == expected


@pytest.mark.parametrize(
    "text, delimiter, message",
    [
        ("5.000", ",", "'5.000' is not a whole number; write 5000 without a separator (a '.' thousands separator is read only in ';' files saved by Excel)"),
        ("5.000", "\t", "'5.000' is not a whole number; write 5000 without a separator (a '.' thousands separator is read only in ';' files saved by Excel)"),
        ("5.5", ";", "'5.5' is not a whole number; write it as 5000 or 5.000, without decimals"),
        ("5.5", ",", "'5.5' is not a whole number; write digits only, e.g. 12"),
        ("12.34,5", ";", "'12.34,5' is not a whole number; write it as 5000 or 5.000, without decimals"),
        ("5.00", ";", "'5.00' is not a whole number; write it as 5000 or 5.000, without decimals"),
        ("5,000", ";", "'5,000' is not a whole number; write it as 5000 or 5.000, without decimals"),
        ("-3", ";", "'-3' is negative; write a whole number of 0 or more"),
        ("-3", ",", "'-3' is negative; write a whole number of 0 or more"),
        ("dodici", ",", "'dodici' is not a whole number; write digits only, e.g. 12"),
        ("", ",", "'' is not a whole number; write digits only, e.g. 12"),
        ("١٢", ",", "'١٢' is not a whole number; write digits only, e.g. 12"),
    ],
)
def test_numbers_refused(text, delimiter, message):
    with pytest.raises(ValueError) as caught:
        parse_italian_int(text, delimiter)
    assert str(caught.value) == message


@pytest.mark.parametrize("number, delimiter, text", [(5000, ";", "5.000"), (5000, ",", "5000"), (999, ";", "999"), (1234567, ";", "1.234.567")])
def test_numbers_written(number, delimiter, text):
    assert format_italian_int(number, delimiter) == text


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=MAX_COUNT), st.sampled_from([",", ";"]))
def test_numbers_round_trip(number, delimiter):
    assert parse_italian_int(format_italian_int(number, delimiter), delimiter) == number


@pytest.mark.parametrize(
    "text, delimiter, message",
    [
        ("1000000000", ",", "'1000000000' is too large; relint counts up to 999.999.999"),
        ("1.000.000.000", ";", "'1.000.000.000' is too large; relint counts up to 999.999.999"),
        ("9" * 5000, ",", "'999999999999…' is too large; relint counts up to 999.999.999"),
        ("-" + "9" * 5000, ",", "'-99999999999…' is negative; write a whole number of 0 or more"),
        ("1e400", ",", "'1e400' is not a whole number; write digits only, e.g. 12"),
    ],
)
def test_numbers_beyond_any_count_are_refused_in_plain_words(text, delimiter, message):
    with pytest.raises(ValueError) as refused:
        parse_italian_int(text, delimiter)
    assert str(refused.value) == message


def test_leading_zeros_do_not_count_as_digits():
    assert parse_italian_int("000000000000012", ",") == 12


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2023-03-11", dt.date(2023, 3, 11)),
        ("11/03/2023", dt.date(2023, 3, 11)),
        ("1/3/2023", dt.date(2023, 3, 1)),
        (" 2024-02-29 ", dt.date(2024, 2, 29)),
        ("29/02/2024", dt.date(2024, 2, 29)),
    ],
)
def test_dates_read(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text, message",
    [
        ("2023-02-29", "'2023-02-29' is not a real calendar date"),
        ("31/04/2023", "'31/04/2023' is not a real calendar date"),
        ("2023-13-01", "'2023-13-01' is not a real calendar date"),
        ("00/01/2023", "'00/01/2023' is not a real calendar date"),
        ("11 marzo 2023", "'11 marzo 2023' is not a date; write YYYY-MM-DD (2023-03-11) or DD/MM/YYYY (11/03/2023)"),
        ("03/11/23", "'03/11/23' is not a date; write YYYY-MM-DD (2023-03-11) or DD/MM/YYYY (11/03/2023)"),
        ("2023-3-11", "'2023-3-11' is not a date; write YYYY-MM-DD (2023-03-11) or DD/MM/YYYY (11/03/2023)"),
        ("2023/03/11", "'2023/03/11' is not a date; write YYYY-MM-DD (2023-03-11) or DD/MM/YYYY (11/03/2023)"),
        ("", "'' is not a date; write YYYY-MM-DD (2023-03-11) or DD/MM/YYYY (11/03/2023)"),
    ],
)
def test_dates_refused(text, message):
    with pytest.raises(ValueError) as caught:
        parse_date(text)
    assert str(caught.value) == message


@settings(max_examples=300, deadline=None)
@given(st.dates())
def test_dates_round_trip_both_forms(date):
    if date.year >= 1000:
        assert parse_date(date.isoformat()) == date
        assert parse_date(date.strftime("%d/%m/%Y")) == date


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_dates_only_raise_value_error(text):
    try:
        parse_date(text)
    except ValueError as exc:
        assert str(exc).startswith(f"'{text.strip()}' is not")
