"""Close spellings and similar titles: what counts as a near-miss and as a likely duplicate."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from relint_kpi.textmatch import closest, similar_titles


@pytest.mark.parametrize(
    "first, second, similar",
    [
        ("Incontro con l'ambasciatore", "incontro  con l'AMBASCIATORE ", True),  # case and spacing
        ("Incontro con l'ambasciatore", "Incontro con ambasciatore", True),  # a few letters
        ("Riunione 1", "Riunione 2", False),  # other numbers: another meeting
        ("Visita 2023", "Visita 2023 ", True),
        ("Delegazione dalla Catalogna", "Nota tecnica sul Québec", False),
        ("Fiera", "Fiere", True),
        ("Fiera", "Festa", False),
    ],
)
def test_similar_titles(first, second, similar):
    assert similar_titles(first, second) is similar


@given(st.text(max_size=40), st.text(max_size=40))
def test_similarity_is_symmetric_and_reflexive(first, second):
    assert similar_titles(first, first)
    assert similar_titles(first, second) == similar_titles(second, first)


def test_closest_puts_what_starts_or_contains_the_text_first():
    names = ["Comune di Parma", "Comune di Forlì", "Ateneo di Bologna", "Città metropolitana di Bologna"]
    assert closest("bologna", names) == ["Ateneo di Bologna", "Città metropolitana di Bologna"]
    assert closest("Comune di Forl", names) == ["Comune di Forlì", "Comune di Parma"]
    assert closest("incontor", ["incontro", "evento", "nota"]) == ["incontro"]
    assert closest("", names) == [] and closest("zzz", names) == []
