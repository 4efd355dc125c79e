"""A syntax error in the plan YAML is said in the user's language, not in the parser's English.

Each mistake below is one a person editing the plan by hand makes; each is run
through ``relint --plan FILE validate`` in Italian and in English, and the
line on stderr is checked word for word. Anchors and aliases are refused
before the parser can complain of a duplicate anchor or an undefined alias.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from relint_kpi import yamlsafe
from relint_kpi.cli import app

#: (name, the plan's text, the stderr line in Italian, in English)
CASES = [
    (
        'tab-indent',
        'a:\n\tb: 1\n',
        'plan.yaml:2:1: carattere di tabulazione: YAML non ammette tabulazioni nel rientro; rientrare con spazi [yaml-syntax]',
        'plan.yaml:2:1: tab character: YAML does not allow tabs in indentation; indent with spaces [yaml-syntax]',
    ),
    (
        'tab-after-value',
        'a:\n  b: 1\n\tc: 2\n',
        'plan.yaml:3:1: carattere di tabulazione: YAML non ammette tabulazioni nel rientro; rientrare con spazi [yaml-syntax]',
        'plan.yaml:3:1: tab character: YAML does not allow tabs in indentation; indent with spaces [yaml-syntax]',
    ),
    (
        'missing-colon',
        'a: 1\nb\nc: 2\n',
        "plan.yaml:3:1: manca ':' dopo la chiave alla riga 2; scrivere 'chiave: valore', o rientrare la riga se continua il testo sopra [yaml-syntax]",
        "plan.yaml:3:1: no ':' after the key at line 2; write 'key: value', or indent the line if it continues the text above [yaml-syntax]",
    ),
    (
        'colon-in-value',
        'title: Fase 1: avvio\n',
        'plan.yaml:1:14: \': \' non è ammesso qui: se i due punti fanno parte del testo, racchiudere l\'intero valore tra virgolette (title: "Fase 1: avvio"); altrimenti controllare il rientro della riga [yaml-syntax]',
        'plan.yaml:1:14: \': \' is not allowed here: if the colon is part of the text, put the whole value in quotes (title: "Phase 1: start"); otherwise check the line\'s indentation [yaml-syntax]',
    ),
    (
        'dash-in-value',
        'a: - b\n',
        "plan.yaml:1:4: un elemento di lista ('- ') non può stare sulla riga della sua chiave: spostarlo alla riga seguente, rientrato, o racchiudere il testo tra virgolette se il trattino ne fa parte [yaml-syntax]",
        "plan.yaml:1:4: a list item ('- ') cannot be on its key's line: move it to the next line, indented, or put the text in quotes if the dash is part of it [yaml-syntax]",
    ),
    (
        'bad-indent',
        'a:\n  b: 1\n c: 2\n',
        'plan.yaml:3:2: il rientro di questa riga non corrisponde a quello delle righe sopra: le chiavi della mappa alla riga 1 iniziano nella colonna 1, e una chiave annidata va rientrata più della sua chiave madre [yaml-syntax]',
        "plan.yaml:3:2: this line's indentation does not match the lines above: the keys of the mapping at line 1 start in column 1, and a nested key is indented further than its parent [yaml-syntax]",
    ),
    (
        'item-in-mapping',
        'a: 1\n- b\n',
        "plan.yaml:2:1: un elemento di lista ('- ') dove la mappa alla riga 1 (colonna 1) si aspetta una chiave: rientrare la lista sotto la sua chiave, o scrivere 'chiave: valore' [yaml-syntax]",
        "plan.yaml:2:1: a list item ('- ') where the mapping at line 1 (column 1) expects a key: indent the list under its key, or write 'key: value' [yaml-syntax]",
    ),
    (
        'bad-indent-item',
        'items:\n  - id: 1\n   name: x\n',
        "plan.yaml:3:4: qui si attende un elemento ('- ') della lista alla riga 2, nella colonna 3: controllare il rientro (una chiave dopo la lista torna alla colonna della chiave della lista) [yaml-syntax]",
        "plan.yaml:3:4: expected an item ('- ') of the list at line 2, in column 3: check the indentation (a key after the list goes back to the column of the list's own key) [yaml-syntax]",
    ),
    (
        'unclosed-double-quote',
        'a: "abc\nb: 2\n',
        'plan.yaml:3:1: le virgolette " aperte alla riga 1, colonna 4 non sono mai chiuse; aggiungere quelle di chiusura [yaml-syntax]',
        'plan.yaml:3:1: the quote " opened at line 1, column 4 is never closed; add the closing " [yaml-syntax]',
    ),
    (
        'unclosed-single-quote',
        "a: 'abc\nb: 2\n",
        "plan.yaml:3:1: le virgolette ' aperte alla riga 1, colonna 4 non sono mai chiuse; aggiungere quelle di chiusura [yaml-syntax]",
        "plan.yaml:3:1: the quote ' opened at line 1, column 4 is never closed; add the closing ' [yaml-syntax]",
    ),
    (
        'unclosed-bracket',
        'a: [1, 2\nb: 3\n',
        "plan.yaml:2:2: la parentesi '[' aperta alla riga 1, colonna 4 non è chiusa qui: aggiungere ']', o una ',' tra due elementi [yaml-syntax]",
        "plan.yaml:2:2: the bracket '[' opened at line 1, column 4 is not closed here: add ']', or a ',' between two items [yaml-syntax]",
    ),
    (
        'unclosed-brace',
        'a: {x: 1\nb: 3\n',
        "plan.yaml:2:2: la parentesi '{' aperta alla riga 1, colonna 4 non è chiusa qui: aggiungere '}', o una ',' tra due elementi [yaml-syntax]",
        "plan.yaml:2:2: the bracket '{' opened at line 1, column 4 is not closed here: add '}', or a ',' between two items [yaml-syntax]",
    ),
    (
        'flow-missing-value',
        'a: [1, , 2]\n',
        "plan.yaml:1:8: manca un valore prima di ',': eliminare la ',' in più o scrivere il valore [yaml-syntax]",
        "plan.yaml:1:8: a value is missing before ',': remove the extra ',' or write the value [yaml-syntax]",
    ),
    (
        'flow-ends-early',
        'a: [1,\n',
        "plan.yaml:2:1: il file finisce prima che una parentesi '[' o '{' sia chiusa; aggiungere la parentesi di chiusura [yaml-syntax]",
        "plan.yaml:2:1: the file ends before a bracket '[' or '{' is closed; add the closing bracket [yaml-syntax]",
    ),
    (
        'stray-closer',
        'a: ]\n',
        "plan.yaml:1:4: ']' chiude una parentesi mai aperta; eliminarla, o racchiudere l'intero valore tra virgolette [yaml-syntax]",
        "plan.yaml:1:4: ']' closes a bracket that was never opened; remove it, or put the whole value in quotes [yaml-syntax]",
    ),
    (
        'apostrophe',
        "title: 'l'attività'\n",
        'plan.yaml:1:11: testo dopo l\'apice di chiusura: per scrivere un apostrofo tra apici raddoppiarlo (\'l\'\'attività\'), o racchiudere il valore tra virgolette doppie ("l\'attività") [yaml-syntax]',
        'plan.yaml:1:11: text after the closing single quote: to write an apostrophe inside single quotes, double it (\'l\'\'attività\'), or put the value in double quotes ("l\'attività") [yaml-syntax]',
    ),
    (
        'double-quote-inside',
        'title: "il "piano""\n',
        'plan.yaml:1:13: testo dopo le virgolette di chiusura: per scrivere " tra virgolette doppie usare \\", o racchiudere il valore tra apici (\'il "piano"\') [yaml-syntax]',
        'plan.yaml:1:13: text after the closing double quote: to write " inside double quotes, write \\", or put the value in single quotes (\'the "plan"\') [yaml-syntax]',
    ),
    (
        'text-after-value',
        'a: [1, 2] x\n',
        "plan.yaml:1:11: 'x' dopo la fine del valore: un valore tra parentesi o virgolette finisce alla parentesi o virgoletta di chiusura; eliminare ciò che segue, o racchiudere l'intero valore tra virgolette [yaml-syntax]",
        "plan.yaml:1:11: 'x' after the end of the value: a value in brackets or quotes ends at its closing bracket or quote; remove what follows, or put the whole value in quotes [yaml-syntax]",
    ),
    (
        'reserved-character',
        'a: @x\n',
        'plan.yaml:1:4: un valore non può iniziare con \'@\'; racchiudere l\'intero valore tra virgolette ("@…") [yaml-syntax]',
        'plan.yaml:1:4: a value cannot begin with \'@\'; put the whole value in quotes ("@…") [yaml-syntax]',
    ),
    (
        'star',
        'a: * importante\n',
        'plan.yaml:1:5: un valore non può iniziare con \'*\'; racchiudere l\'intero valore tra virgolette ("*…") [yaml-syntax]',
        'plan.yaml:1:5: a value cannot begin with \'*\'; put the whole value in quotes ("*…") [yaml-syntax]',
    ),
    (
        'bad-escape',
        'a: "C:\\Users\\x"\n',
        "plan.yaml:1:9: '\\U' non è una sequenza ammessa tra virgolette doppie: scrivere la barra rovesciata come \\\\, o racchiudere il valore tra apici ('C:\\Dati') [yaml-syntax]",
        "plan.yaml:1:9: '\\U' is not an escape sequence YAML knows inside double quotes: write a backslash as \\\\, or put the value in single quotes ('C:\\Data') [yaml-syntax]",
    ),
    (
        'block-scalar-header',
        'a: > testo\n',
        "plan.yaml:1:6: dopo '>' il testo inizia alla riga seguente, rientrato; su questa riga può seguire solo un commento [yaml-syntax]",
        "plan.yaml:1:6: after '>' the text starts on the next line, indented; only a comment may follow on this line [yaml-syntax]",
    ),
    (
        'duplicate-anchor',
        'a: &x 1\nb: &x 2\n',
        "plan.yaml:1:4: l'ancora '&x' non è ammessa in un file del piano; scrivere il valore per esteso [yaml-alias]",
        "plan.yaml:1:4: anchor '&x' is not allowed in a plan file; write the value out in full [yaml-alias]",
    ),
    (
        'undefined-alias',
        'a: *x\n',
        "plan.yaml:1:4: l'alias '*x' non è ammesso in un file del piano; scrivere il valore per esteso [yaml-alias]",
        "plan.yaml:1:4: alias '*x' is not allowed in a plan file; write the value out in full [yaml-alias]",
    ),
    (
        'after-document-end',
        'a: 1\n...\nb: 2\n',
        "plan.yaml:3:1: il file prosegue dopo la fine del documento YAML (un '...' o un valore senza chiave prima di questa riga); un piano è un'unica mappa: eliminare il '...', o scrivere quel valore come 'chiave: valore' [yaml-syntax]",
        "plan.yaml:3:1: the file goes on after the YAML document has ended (a '...' or a value without a key before this line); a plan is one mapping: remove the '...', or write that value as 'key: value' [yaml-syntax]",
    ),
    (
        'value-without-key',
        "'Piano'\nmetadata: {}\n",
        "plan.yaml:2:1: il file prosegue dopo la fine del documento YAML (un '...' o un valore senza chiave prima di questa riga); un piano è un'unica mappa: eliminare il '...', o scrivere quel valore come 'chiave: valore' [yaml-syntax]",
        "plan.yaml:2:1: the file goes on after the YAML document has ended (a '...' or a value without a key before this line); a plan is one mapping: remove the '...', or write that value as 'key: value' [yaml-syntax]",
    ),
    (
        'list-as-key',
        'metadata:\n  ? [a, b]\n  : 1\n',
        "plan.yaml:2:5: una chiave deve essere un testo, non una lista o una mappa; scrivere la chiave come testo prima dei ':' [yaml-tag]",
        "plan.yaml:2:5: a key must be text, not a list or a mapping; write the key as text before the ':' [yaml-tag]",
    ),
    (
        'custom-tag',
        'a: !data 1\n',
        "plan.yaml:1:4: tag YAML '!data' non ammesso: un piano ammette solo YAML semplice (niente !!python né tag personalizzati) [yaml-tag]",
        "plan.yaml:1:4: YAML tag '!data' is not allowed: only plain YAML is allowed in a plan (no !!python or custom tags) [yaml-tag]",
    ),
]


def validate(folder: Path, text: str, lang: str) -> list[str]:
    """The stderr lines of ``relint --plan plan.yaml validate --lang LANG`` on a plan holding ``text``."""
    (folder / "plan.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["--plan", "plan.yaml", "validate", "--lang", lang], env={"RELINT_PLAN": None, "RELINT_DATA": None})
    assert result.exit_code == 1 and result.stdout == "", result.output
    return result.stderr.splitlines()


@pytest.mark.parametrize("text, italian, english", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_a_syntax_error_in_both_languages(tmp_path, monkeypatch, text, italian, english):
    monkeypatch.chdir(tmp_path)
    assert validate(tmp_path, text, "it") == [italian, "1 problema trovato."]
    assert validate(tmp_path, text, "en") == [english, "1 problem found."]


def _pyyaml_wording() -> set[str]:
    """The fixed words of every problem PyYAML's scanner, parser, composer and constructor raise, and libyaml's own."""
    found = set()
    for module in (yaml.scanner, yaml.parser, yaml.composer, yaml.constructor):
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        for call in ast.walk(tree):
            if isinstance(call, ast.Call) and getattr(call.func, "id", "").endswith("Error"):
                for arg in call.args:
                    arg = arg.left if isinstance(arg, ast.BinOp) else arg  # "found %r" % value
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        found |= {part.strip() for part in re.split(r"%[rsd]", arg.value) if len(part.split()) >= 2}
    # libyaml (the parser relint runs) words some problems its own way.
    return found | {
        "did not find expected", "in this context", "block sequence entries", "found a tab character",
        "violates indentation", "hexdecimal number", "unknown escape character", "cannot start any token",
    }


PYYAML_WORDING = _pyyaml_wording()


def test_the_wording_list_holds_the_parsers_phrases():
    assert {"mapping values are not allowed here", "could not find expected ':'", "found unexpected end of stream",
            "while scanning a quoted scalar", "found undefined alias", "expected <block end>, but found"} <= PYYAML_WORDING
    # What relint said before the parser's words had messages of their own is caught.
    before = "errore di sintassi YAML: found character that cannot start any token (YAML non ammette tabulazioni)"
    assert any(phrase in before for phrase in PYYAML_WORDING)


@pytest.mark.parametrize("name, italian", [(case[0], case[2]) for case in CASES], ids=[case[0] for case in CASES])
def test_italian_says_none_of_the_parsers_english(name, italian):
    said = italian.lower()
    assert [phrase for phrase in PYYAML_WORDING if phrase.lower() in said] == []
    assert "errore di sintassi yaml:" not in said  # the lead of a problem with no message of its own


@pytest.mark.parametrize("text", [case[1] for case in CASES], ids=[case[0] for case in CASES])
def test_pyyamls_own_parser_gets_the_same_message(monkeypatch, text):
    # PyYAML words its problems differently from libyaml ("… not allowed here" against
    # "… in this context"); without libyaml the plan still gets the same message.
    fast = [(p.line, p.column, p.code, p.message) for p in yamlsafe.load_yaml(text)[2]]
    monkeypatch.setattr(yamlsafe, "_FastLoader", None)
    assert [(p.line, p.column, p.code, p.message) for p in yamlsafe.load_yaml(text)[2]] == fast
