"""A plan's row rules: what add-activity checks a row against without loading the plan.

The rules must answer exactly as the plan does (same records, same issues),
and their cache entry must follow the plan file's bytes.
"""

from __future__ import annotations

import pickle

import pycountry
from hypothesis import given, settings
from hypothesis import strategies as st
from test_actuals_fastpath import CELLS, PLAN, REGISTRY

from relint_kpi import cache
from relint_kpi.actuals import COLUMNS, RowRules, activity_kind, check_activity, check_new_activity
from relint_kpi.territories import TerritoryIndex, country_codes

RULES = RowRules.of_plan(PLAN, country_codes())
FLAGS = {name: index for index, name in enumerate(COLUMNS, start=1)}


def test_rules_survive_pickling():
    assert pickle.loads(pickle.dumps(RULES)) == RULES
    assert RULES == RowRules.of_plan(PLAN, country_codes())
    assert RULES != RowRules.of_plan(PLAN)  # the known countries are part of the rules


def test_rules_find_activity_types_like_the_plan():
    for word in ["meeting", "Incontro", " NOTA ", "pageviews", "Visualizzazioni", "visita", ""]:
        kind = PLAN.activity_type(word)
        assert activity_kind(RULES, word) == (kind and (kind.id, kind.needs_territory))


COUNTRY_TEXTS = sorted(
    {c.alpha_2 for c in pycountry.countries}
    | {c.alpha_2.lower() + " " for c in pycountry.countries}
    | {c.name for c in pycountry.countries}
    | {"Belgio", "Germania", "Assia", "Hesse", "DE-HE", "de-he", "CN-GD", "XX-YY", "ZZ", "B1", "ÄB", "B E", "", "-"}
)


def test_known_countries_resolve_exactly_as_pycountry():
    with_codes, without = TerritoryIndex(PLAN, country_codes()), TerritoryIndex(PLAN)
    assert [with_codes.resolve(text) for text in COUNTRY_TEXTS] == [without.resolve(text) for text in COUNTRY_TEXTS]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=8))
def test_known_countries_resolve_any_text_as_pycountry(text):
    assert TerritoryIndex(PLAN, country_codes()).resolve(text) == TerritoryIndex(PLAN).resolve(text)


@settings(max_examples=400, deadline=None)
@given(st.fixed_dictionaries(CELLS))
def test_a_new_row_checks_as_check_activity_does(row):
    # check_new_activity takes the fast path when it can: same record, same issues.
    full = check_activity(row, PLAN, REGISTRY, path="add-activity", line=0, quarter=None, columns=FLAGS)
    assert check_new_activity(row, RULES, REGISTRY, path="add-activity", columns=FLAGS) == full
    assert check_new_activity(row, PLAN, REGISTRY, path="add-activity", columns=FLAGS) == full


def test_cached_rules_follow_the_plan_bytes(mini_plan_path):
    raw = mini_plan_path.read_bytes()
    assert cache.load_rules_cached(raw) is None
    cache.store_rules(raw, "data", RULES)
    assert cache.load_rules_cached(raw) == ("data", RULES)
    edited = raw.replace(b"on_track: 0.9", b"on_track: 0.8")
    assert len(edited) == len(raw) and edited != raw  # one byte
    assert cache.load_rules_cached(edited) is None


def test_a_damaged_or_switched_off_rules_cache_is_a_miss(mini_plan_path, monkeypatch):
    raw = mini_plan_path.read_bytes()
    cache.store_rules(raw, None, RULES)
    (entry,) = cache.cache_dir().glob("rules-*.pickle")
    entry.write_bytes(entry.read_bytes()[:-10])
    assert cache.load_rules_cached(raw) is None
    cache.store_rules(raw, None, RULES)
    monkeypatch.setenv("RELINT_NO_CACHE", "1")
    assert cache.load_rules_cached(raw) is None
