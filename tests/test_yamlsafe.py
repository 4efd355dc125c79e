"""Safe YAML: every trap is a clean path:line:col issue, fast, never a changed value."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relint_kpi.plan import load_plan
from relint_kpi.yamlsafe import load_yaml


def problems(text):
    data, _, found = load_yaml(text)
    return data, [(p.line, p.column, p.code, p.message) for p in found]


def test_duplicate_keys():
    assert problems("a: 1\nb:\n  c: 2\n  c: 3\n")[1] == [
        (4, 3, "yaml-duplicate-key", "duplicate key 'c' (first at line 3); remove or rename one of them")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "targets: {2022: 12, 2023: 15, +2023: 99}\n",
            [(1, 31, "yaml-duplicate-key", "duplicate key: '+2023' is the same key as '2023' at line 1; remove one of them")],
        ),
        (
            "targets:\n  2023: 15\n  2023.0: 1\n",
            [(3, 3, "yaml-duplicate-key", "duplicate key: '2023.0' is the same key as '2023' at line 2; remove one of them")],
        ),
        (
            "x: {1: a, true: b}\n",
            [(1, 11, "yaml-duplicate-key", "duplicate key: 'true' is the same key as '1' at line 1; remove one of them")],
        ),
    ],
)
def test_keys_equal_once_built_are_duplicates(text, expected):
    assert problems(text) == (None, expected)


MERGE = "merge keys ('<<') are not allowed in a plan: they copy keys in silently; write the keys out in full"


@pytest.mark.parametrize(
    "text, where",
    [
        ("targets:\n  2023: 15\n  !!merge <<: {2023: 99}\n", (3, 3)),
        ("targets:\n  <<: {2023: 99}\n  2022: 1\n", (2, 3)),
        ("a: {<<: {b: 1}}\n", (1, 5)),
    ],
)
def test_merge_keys_refused(text, where):
    assert problems(text) == (None, [(*where, "yaml-merge-key", MERGE)])


def test_a_quoted_double_angle_is_an_ordinary_key():
    assert problems('a: {"<<": 1}\n') == ({"a": {"<<": 1}}, [])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("period:\n  start: 2023-01-01\n  end: 2023-02-29\n", (3, 8, "'2023-02-29' is not a date: month 2 of 2023 has 28 days")),
        (
            "a: [1, 2023-13-01]\n",
            (1, 8, "'2023-13-01' is not a date: there is no month 13; write the date as YYYY-MM-DD (2023-02-28)"),
        ),
        ("a:\n  b: 0000-01-01\n", (2, 6, "'0000-01-01' is not a date: the calendar has no year 0")),
        ("a:\n  - !!int abc\n", (2, 5, "'abc' cannot be read as a whole number; correct the value")),
        ("a: {b: !!float x}\n", (1, 8, "'x' cannot be read as a number; correct the value")),
        ("a:\n  2023-02-30: 1\n", (2, 3, "'2023-02-30' is not a date: month 2 of 2023 has 28 days")),
    ],
)
def test_values_that_cannot_be_built_are_reported_where_they_are(text, expected):
    line, column, message = expected
    assert problems(text) == (None, [(line, column, "yaml-value", message)])


def test_billion_laughs_refused_fast():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 10):
        lines.append(f"{chr(97 + n)}: &{chr(97 + n)} [" + ",".join(f"*{chr(96 + n)}" for _ in range(9)) + "]")
    start = time.perf_counter()
    data, found = problems("\n".join(lines) + "\n")
    assert time.perf_counter() - start < 1
    assert data is None
    assert found == [(1, 4, "yaml-alias", "anchor '&a' is not allowed in a plan file; write the value out in full")]


TOO_DEEP = "nesting deeper than 64 levels; a plan never needs this, check the indentation"


@pytest.mark.parametrize(
    "text, position",
    [
        # libyaml itself stops flow nesting at 1,000 levels; the message is the same.
        ("[" * 20000 + "]" * 20000, (1, 1001)),
        # Block nesting written compactly ("- - - x"): 20,000 levels in 40 KB, where indented
        # mappings 20,000 deep would take 400 MB of spaces.
        ("- " * 20000 + "x\n", (1, 129)),
        ("".join("  " * i + "a:\n" for i in range(200)) + "  " * 200 + "1\n", (65, 129)),
    ],
    ids=["flow", "block", "indented"],
)
def test_deep_nesting_refused_fast(text, position):
    start = time.perf_counter()
    data, found = problems(text)
    assert time.perf_counter() - start < 1
    assert data is None
    assert found == [(*position, "yaml-too-deep", TOO_DEEP)]


def test_python_tags_refused():
    data, found = problems("x: !!python/object/apply:os.system ['echo hacked']\n")
    assert data is None
    assert found[0][:3] == (1, 4, "yaml-tag")
    assert found[0][3] == (
        "YAML tag '!!python/object/apply:os.system' is not allowed: only plain YAML is allowed in a plan (no !!python or custom tags)"
    )


def test_tabs_and_syntax_errors_have_positions():
    assert problems("a:\n\tb: 1\n")[1] == [
        (2, 1, "yaml-syntax", "tab character: YAML does not allow tabs in indentation; indent with spaces")
    ]
    assert problems("a: 1\n---\nb: 2\n")[1] == [
        (2, 1, "yaml-syntax", "a plan holds one YAML document; remove this '---' and what follows, or merge it")
    ]
    assert problems("a: [1, 2\nb: 3\n")[1] == [
        (
            2,
            2,
            "yaml-syntax",
            "the bracket '[' opened at line 1, column 4 is not closed here: add ']', or a ',' between two items",
        )
    ]


def test_a_syntax_error_without_its_own_message_keeps_the_parsers_words():
    assert problems("%YAML 1.1\n%YAML 1.1\n---\na: 1\n")[1] == [
        (2, 1, "yaml-syntax", "YAML syntax error: found duplicate %YAML directive")
    ]


def test_control_characters():
    assert problems("a: 1\nb: x\x81y\n")[1] == [
        (2, 5, "yaml-character", "character U+0081 is not allowed in YAML; delete it or retype the text")
    ]


def test_yaml_11_traps_keep_their_text():
    data, found = problems("a: NO\nb: 0123\nc: 5.000\nd: 1:30\ne: yes\nf: 2022-01-01\ng: 12\nh: true\n")
    assert found == []
    assert data["a"] == "NO" and data["b"] == "0123" and data["d"] == "1:30" and data["e"] == "yes"
    assert data["c"] == 5.0  # typed as a float, so an integer field refuses it (see test_plan)
    assert data["g"] == 12 and data["h"] is True
    assert str(data["f"]) == "2022-01-01"


def test_norway_stays_a_territory_code(tmp_path):
    from pathlib import Path

    mini = (Path(__file__).parent / "fixtures" / "mini_plan.yaml").read_text(encoding="utf-8")
    path = tmp_path / "plan.yaml"
    path.write_text(mini.replace("{code: SE, name:", "{code: NO, name:"), encoding="utf-8")
    plan, issues = load_plan(path)
    assert issues == []
    assert [t.code for _, t in plan.all_territories()] == ["DE-HE", "NO", "CN"]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_a_plan_or_issues(text):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        plan, issues = load_plan(path)
        assert (plan is None) == bool(issues)
