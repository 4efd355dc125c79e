"""The message catalogue: every code the source uses has an Italian and an English template.

The source is walked for the places a message is named (``Issue(…, code, …)``,
``fail(code, …)``, ``message(code, …)``, ``UsageError(code, …)``,
``table.add(line, column, code, …)``, ``render(code, {…})``, a plan check's
``(location, code, {…})``) and each code must be catalogued, with the same
parameters in both languages as the call gives.
"""

from __future__ import annotations

import ast
import functools
import string
from pathlib import Path

import pytest

from relint_kpi import i18n
from relint_kpi.i18n import MESSAGES, render
from relint_kpi.issues import Issue, Message, format_issue, message

SRC = Path(__file__).resolve().parent.parent / "src" / "relint_kpi"

#: Callables whose first argument is a message code, and those whose code comes later.
FIRST = {"fail", "message", "Message", "UsageError", "WriteError", "OutputExists", "LockTimeout", "BadValue", "Problem", "render"}
LATER = {"Issue": 3, "add": 2, "YamlProblem": 2, "count": 1}


def fields(template: str) -> set[str]:
    """The parameter names a template uses (``{n:riga|righe}`` uses ``n``)."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def _codes(node: ast.AST, assigned: dict[str, list[ast.AST]]) -> list[str] | None:
    """The codes an argument can hold: a string, either branch of ``a if c else b``, a local set so; None if not known."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        a, b = _codes(node.body, assigned), _codes(node.orelse, assigned)
        return a + b if a is not None and b is not None else None
    if isinstance(node, ast.Name) and node.id in assigned:
        found = [_codes(value, assigned) for value in assigned[node.id]]
        return [c for f in found for c in f] if all(f is not None for f in found) else None
    return None


def _params(call: ast.Call, after: int) -> set[str] | None:
    """The parameter names a call gives (keywords, or a dict literal after the code); None if not known."""
    if any(k.arg is None for k in call.keywords):
        return None
    given = {k.arg for k in call.keywords if k.arg not in ("subject",)}
    rest = call.args[after + 1 :]
    if rest:
        if not isinstance(rest[0], ast.Dict) or any(k is None for k in rest[0].keys):
            return None
        given |= {k.value for k in rest[0].keys}
    return given


@functools.cache
def uses() -> list[tuple[str, str, set[str] | None]]:
    """``(where, code, params)`` for every message the source names."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # Each call's innermost function, whose assignments say what a name holds
        # (ast.walk goes outside in, so an inner function overwrites its outer one).
        scope_of: dict[ast.Call, ast.AST] = {}
        for scope in [tree, *[n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]]:
            for node in ast.walk(scope):
                if isinstance(node, ast.Call):
                    scope_of[node] = scope
        for node, scope in scope_of.items():
            assigned: dict[str, list[ast.AST]] = {}
            for step in ast.walk(scope) if scope is not tree else tree.body:
                if isinstance(step, ast.Assign) and len(step.targets) == 1 and isinstance(step.targets[0], ast.Name):
                    assigned.setdefault(step.targets[0].id, []).append(step.value)
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            at = 0 if name in FIRST else LATER.get(name)
            if at is None or len(node.args) <= at:
                continue
            for code in _codes(node.args[at], assigned) or []:
                found.append((f"{path.name}:{node.lineno}", code, _params(node, at)))
        for node in ast.walk(tree):
            # A plan check's problem: (location, "code", {params}).
            if isinstance(node, ast.Tuple) and len(node.elts) == 3 and isinstance(node.elts[2], ast.Dict):
                code = node.elts[1]
                if isinstance(code, ast.Constant) and isinstance(code.value, str):
                    keys = {k.value for k in node.elts[2].keys if k is not None}
                    found.append((f"{path.name}:{node.lineno}", code.value, keys))
    return found


def test_the_walk_finds_the_messages():
    codes = {code for _, code, _ in uses()}
    assert {"unknown-type", "bad-date", "row-fewer-cells", "row-more-cells", "yaml-no-anchor", "duplicate-alias"} <= codes
    assert len(codes) > 100


def test_every_code_used_has_both_templates_with_the_parameters_given():
    problems = []
    for where, code, params in uses():
        entry = MESSAGES.get(code)
        if entry is None or set(entry) != {"it", "en"}:
            problems.append(f"{where}: {code} is not catalogued in both languages")
            continue
        if params is not None and fields(entry["it"]) != params:
            problems.append(f"{where}: {code} is given {sorted(params)}, its Italian template uses {sorted(fields(entry['it']))}")
    assert problems == []


def test_pydantic_codes_are_catalogued():
    from relint_kpi.plan import _PYDANTIC_KINDS, PYDANTIC_CODES

    missing = [c for c in [*PYDANTIC_CODES.values(), "plan-invalid", *_PYDANTIC_KINDS.values()] if c not in MESSAGES]
    assert missing == []


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_italian_and_english_templates_take_the_same_parameters(code):
    assert fields(MESSAGES[code]["it"]) == fields(MESSAGES[code]["en"])
    dummy = {name: 2 for name in fields(MESSAGES[code]["it"])}
    assert render(code, dummy, "it") and render(code, dummy, "en")


def test_counts_in_both_grammars():
    assert render("problems-found", {"n": 1}, "it") == "1 problema trovato."
    assert render("problems-found", {"n": 2}, "it") == "2 problemi trovati."
    assert render("problems-found", {"n": 1}, "en") == "1 problem found."
    assert render("problems-found", {"n": 2}, "en") == "2 problems found."


def test_an_issue_renders_in_the_language_asked_with_its_code():
    issue = Issue("data/actuals/2023-Q1.csv", 4, 3, "unknown-territory", {"value": "Atlantide"})
    assert format_issue(issue, "it") == (
        "data/actuals/2023-Q1.csv:4:3: territorio 'Atlantide' sconosciuto; indicare un codice ISO 3166 (BE, DE-HE) "
        "o il nome di un territorio del piano (Assia, Hesse) [unknown-territory]"
    )
    assert format_issue(issue, "en") == (
        "data/actuals/2023-Q1.csv:4:3: unknown territory 'Atlantide' — write an ISO 3166 code (BE, DE-HE) "
        "or a plan territory's name (Assia, Hesse) [unknown-territory]"
    )


def test_a_nested_message_and_a_list_render_in_the_same_language():
    outer = message("bad-value", reason=message("in-field", field="value", reason=message("number-negative", value="-3")))
    assert outer.text("it") == "value: '-3' è negativo; scrivere un numero intero pari o superiore a 0"
    assert message("unknown-category", value="x", choices=["a", "b"]).text("en") == "unknown category 'x' — expected one of: a, b"


def test_user_text_in_a_parameter_is_never_read_as_a_template():
    said = Message("unknown-type", {"value": "{0} {message}", "choices": "a"})
    assert said.text("en") == "unknown type '{0} {message}' — expected one of: a"


def test_the_run_language_is_the_default(monkeypatch):
    monkeypatch.setattr(i18n, "_run_lang", "it")
    assert Issue("p", 0, 0, "not-a-file").message.startswith("non è un file ordinario")
    monkeypatch.setattr(i18n, "_run_lang", "en")
    assert Issue("p", 0, 0, "not-a-file").message.startswith("this is not a regular file")
