"""add-activity at a terminal (entry.py), the file's own form for new rows, likely duplicates.

Through the CLI runner with typed input, and once in a real pseudo-terminal (pexpect).
"""

from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path

import pytest
from conftest import invoke

from relint_kpi import cli

REGISTRY = "name,internal,category,first_involved\nAteneo di Bologna,no,university,\nComune di Parma,no,local_authority,\n"
SRC = Path(__file__).resolve().parent.parent / "src"


@pytest.fixture
def ws(mini_plan_path, data_dir):
    (data_dir / "stakeholders.csv").write_text(REGISTRY, encoding="utf-8")
    return ["--plan", str(mini_plan_path), "--data", str(data_dir)]


@pytest.fixture
def tty(monkeypatch):
    monkeypatch.setattr(cli, "stdin_is_interactive", lambda: True)


def flat(text: str) -> str:
    """Output with its line wrapping undone: words separated by single spaces."""
    return " ".join(text.split())


def lines(*answers: str) -> str:
    return "".join(answer + "\n" for answer in answers)


def test_each_wrong_answer_is_asked_again_with_its_reason_and_nothing_is_lost(ws, data_dir, tty):
    typed = lines(
        "incontor", "incontro",                     # a type misspelt
        "31/02/2023", "11/03/2023",                 # no 31 February
        "Atlantide", "Assia",                       # no such territory
        "Visita a Wiesbaden",
        "ateneo", "Ateneo di Bologna", "comune di parma", "",  # stakeholders, by name
        "zz", "a1",                                 # the plan action
        "",                                         # yes to the summary
    )
    result = invoke([*ws, "add-activity"], input=typed)
    assert result.exit_code == 0, result.output
    out = result.stdout.splitlines()
    # Long lines are wrapped at 80 columns, at word boundaries, indented under their start.
    assert out[:9] == [
        "Tipi: delegation (Delegazione), meeting (Incontro), event (Evento), mission",
        "  (Missione), note (Nota), pageviews (Visualizzazioni)",
        "Tipo: incontor",
        "  tipo di attività 'incontor' sconosciuto; valori ammessi: delegation",
        "    (Delegazione), meeting (Incontro), event (Evento), mission (Missione), note",
        "    (Nota), pageviews (Visualizzazioni) (oppure: delegazione, incontro, evento,",
        "    missione, nota, visualizzazioni)",
        "  Forse: incontro",
        "Tipo: incontro",
    ]
    assert out[9:12] == [
        "Data (GG/MM/AAAA o AAAA-MM-GG): 31/02/2023",
        "  '31/02/2023' non è una data esistente",
        "Data (GG/MM/AAAA o AAAA-MM-GG): 11/03/2023",
    ]
    text = flat(result.stdout)
    assert "Territorio: Atlantide territorio 'Atlantide' sconosciuto; indicare un codice ISO 3166 (BE, DE-HE) o il nome di un territorio del piano (Assia, Hesse) Forse: Antartide (AQ), Albania (AL) Territorio: Assia" in text
    assert "ateneo stakeholder 'ateneo' non registrato; registrarlo prima con: relint add-stakeholder \"ateneo\" --category CATEGORIA --internal|--external Forse: Ateneo di Bologna" in text
    assert "Stakeholder coinvolti (facoltativi), uno alla volta; registrati: Ateneo di Bologna, Comune di Parma" in text
    assert "Azione (vuoto per nessuna): zz azione 'zz' sconosciuta; identificativi delle azioni del piano: a1, a2" in text
    summary = out.index(f"La riga per {data_dir / 'actuals' / '2023-Q1.csv'}:")
    assert out[summary + 1 : summary + 10] == [
        "  id            2023Q1-…",
        "  data          11/03/2023",
        "  tipo          meeting",
        "  territorio    DE-HE",
        "  titolo        Visita a Wiesbaden",
        "  azione        a1",
        "  stakeholder   Ateneo di Bologna|Comune di Parma",
        "  valore        1",
        "Registrare la riga? [S/n]: ",
    ]
    assert (data_dir / "actuals" / "2023-Q1.csv").read_bytes() == codecs.BOM_UTF8 + (
        "id;date;type;territory;title;action;participants;stakeholders;value;notes\r\n"
        "2023Q1-0001;11/03/2023;meeting;DE-HE;Visita a Wiesbaden;a1;;Ateneo di Bologna|Comune di Parma;1;\r\n"
    ).encode()


def test_an_unknown_territory_is_answered_with_the_closest_names(ws, data_dir, tty):
    result = invoke([*ws, "add-activity", "--type", "meeting", "--date", "2023-03-11", "--title", "x", "--lang", "en"],
                    input=lines("Asia", "Svezzia", "Germania del nord", "SE", "", "", "n"))
    out = result.stdout.splitlines()
    assert out[out.index("Territory: Svezzia") + 3] == "  Did you mean: Svezia (SE)"
    assert out[out.index("Territory: Germania del nord") + 3] == "  Did you mean: Macedonia del Nord (MK), Corea del Nord (KP), Germania (DE)"
    # Saying no writes nothing, and says so.
    assert out[-2:] == ["Record the row? [Y/n]: n", "Nothing was recorded."]
    assert result.exit_code == 1 and list((data_dir / "actuals").iterdir()) == []


def test_refused_options_are_asked_again_rather_than_failing(ws, data_dir, tty):
    args = ["add-activity", "--type", "meeting", "--date", "31/02/2023", "--territory", "SE", "--title", "Incontro", "--value", "5.000"]
    result = invoke([*ws, *args], input=lines("28/02/2023", "", "", ""))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "--date: '31/02/2023' non è una data esistente"
    # 5.000 typed in a terminal is five thousand, as Italian Excel writes it.
    assert (data_dir / "actuals" / "2023-Q1.csv").read_text().splitlines()[1] == "2023Q1-0001;28/02/2023;meeting;SE;Incontro;;;;5.000;"


def test_an_event_asks_its_participants(ws, data_dir, tty):
    result = invoke([*ws, "add-activity", "--lang", "en"], input=lines("event", "2023-06-01", "SE", "Fiera", "tanti", "1.200", "", "", "y"))
    assert result.exit_code == 0, result.output
    assert "Participants: tanti participants: 'tanti' is not a whole number; write it as 5000 or 5.000, without decimals Participants: 1.200" in flat(result.stdout)
    assert (data_dir / "actuals" / "2023-Q2.csv").read_text().splitlines()[1] == "2023Q2-0001;01/06/2023;event;SE;Fiera;;1.200;;1;"


PAGEVIEWS = ["add-activity", "--type", "pageviews", "--date", "2023-06-30", "--title", "Visite Q2", "--value", "1250"]


def test_a_second_page_views_row_of_a_quarter_is_refused_or_replaces_the_first(ws, data_dir, monkeypatch):
    assert invoke([*ws, *PAGEVIEWS]).exit_code == 0
    path = data_dir / "actuals" / "2023-Q2.csv"
    second = [*PAGEVIEWS[:-3], "Visite bis", "--value", "2000"]
    refused = invoke([*ws, *second])
    assert refused.exit_code == 1
    assert refused.stderr.splitlines() == [
        f"{path}:2: il 2023-Q2 ha già la sua riga di questo tipo («Visite Q2»); sostituirla con --replace [metric-exists]",
        "1 problema trovato.",
    ]
    monkeypatch.setattr(cli, "stdin_is_interactive", lambda: True)
    kept = invoke([*ws, "add-activity"], input=lines("visualizzazioni", "15/05/2023", "Visite ter", "3000", "n"))
    assert kept.exit_code == 1 and "Sostituire la riga esistente con questa? [s/N]: n\nNulla è stato registrato.\n" in kept.stdout
    assert path.read_text().count("pageviews") == 1
    replaced = invoke([*ws, *second], input="s\n")
    assert replaced.exit_code == 0, replaced.output
    assert f"Sostituire la riga esistente con questa? [s/N]: s\nRegistrato in {path}:2 (sostituita 1 riga precedente)\n" in replaced.stdout
    assert path.read_text().splitlines()[1:] == ["2023Q2-0002;30/06/2023;pageviews;;Visite bis;;;;2.000;"]
    monkeypatch.setattr(cli, "stdin_is_interactive", lambda: False)
    assert invoke([*ws, *second[:-1], "2500", "--replace"]).exit_code == 0
    assert path.read_text().splitlines()[1:] == ["2023Q2-0003;30/06/2023;pageviews;;Visite bis;;;;2.500;"]


MEETING = ["add-activity", "--type", "meeting", "--date", "2023-04-02", "--territory", "SE", "--title", "Incontro con l'ambasciatore"]


def test_a_likely_duplicate_is_refused_without_a_terminal_and_asked_about_at_one(ws, data_dir, monkeypatch):
    assert invoke([*ws, *MEETING]).exit_code == 0
    path = data_dir / "actuals" / "2023-Q2.csv"
    similar = [*MEETING[:-1], "incontro con ambasciatore", "--territory", "Svezia"]
    refused = invoke([*ws, *similar])
    assert refused.exit_code == 1
    assert refused.stderr.splitlines() == [
        f"{path}:2: probabile doppione: stessa data, tipo e territorio, titolo simile («Incontro con l'ambasciatore»); "
        "per registrarla comunque usare --allow-duplicate [likely-duplicate]",
        "1 problema trovato.",
    ]
    # Another day, another territory, or a numbered title is another activity.
    assert invoke([*ws, *similar, "--date", "2023-04-03"]).exit_code == 0
    assert invoke([*ws, *similar, "--territory", "CN"]).exit_code == 0
    assert invoke([*ws, *MEETING[:-1], "Incontro con l'ambasciatore 2"]).exit_code == 0
    monkeypatch.setattr(cli, "stdin_is_interactive", lambda: True)
    asked = invoke([*ws, *similar], input="\n")
    assert asked.exit_code == 1 and asked.stdout.endswith("Registrarla comunque? [s/N]: \nNulla è stato registrato.\n")
    assert invoke([*ws, *similar], input="sì\n").exit_code == 0
    monkeypatch.setattr(cli, "stdin_is_interactive", lambda: False)
    assert invoke([*ws, *similar, "--allow-duplicate"]).exit_code == 0
    assert len(path.read_text().splitlines()) == 7


def test_validate_lists_likely_duplicates_as_warnings(ws, data_dir):
    (data_dir / "actuals" / "2023-Q2.csv").write_text(
        "id,date,type,territory,title\n"
        "a,2023-04-02,meeting,SE,Incontro con l'ambasciatore\n"
        "b,2023-04-02,note,SE,Incontro con l'ambasciatore\n"
        "c,02/04/2023,incontro,Svezia,incontro con  l'ambasciatore\n"
        "d,2023-04-02,meeting,SE,Incontro con ambasciatore\n"
        "e,2023-04-02,meeting,SE,Riunione 2\n"
        "f,2023-04-02,meeting,SE,Riunione 3\n",
        encoding="utf-8",
    )
    result = invoke([*ws, "validate", "--lang", "en"])
    assert result.exit_code == 0, result.output
    path = data_dir / "actuals" / "2023-Q2.csv"
    assert result.stderr.splitlines() == [
        f"{path}:4: likely duplicate of the row at {path}:2 (“Incontro con l'ambasciatore”): same date, type and territory, similar title [likely-duplicate]",
        f"{path}:5: likely duplicate of the row at {path}:2 (“Incontro con l'ambasciatore”): same date, type and territory, similar title [likely-duplicate]",
        "warnings: 2 (not errors)",
    ]
    assert result.stdout.startswith("OK: plan ")


def test_a_new_quarter_file_takes_the_folders_form(ws, data_dir):
    (data_dir / "actuals" / "2023-Q1.csv").write_text("id,date,type,territory,title\nx,2023-01-05,nota,SE,a\n", encoding="utf-8")
    assert invoke([*ws, *MEETING]).exit_code == 0
    assert (data_dir / "actuals" / "2023-Q2.csv").read_bytes() == (
        b"id,date,type,territory,title,action,participants,stakeholders,value,notes\n"
        b"2023Q2-0001,2023-04-02,incontro,SE,Incontro con l'ambasciatore,,,,1,\n"
    )


def test_the_plan_declares_the_form_of_the_first_file(ws, data_dir, mini_plan_path):
    text = mini_plan_path.read_text(encoding="utf-8")
    declared = 'csv_format: {delimiter: ",", bom: false, line_end: lf, dates: yyyy-mm-dd, type_words: alias}\n'
    mini_plan_path.write_text(text + declared, encoding="utf-8")
    assert invoke([*ws, *MEETING]).exit_code == 0
    assert (data_dir / "actuals" / "2023-Q2.csv").read_bytes() == (
        b"id,date,type,territory,title,action,participants,stakeholders,value,notes\n"
        b"2023Q2-0001,2023-04-02,incontro,SE,Incontro con l'ambasciatore,,,,1,\n"
    )
    mini_plan_path.write_text(text + "csv_format: {delimiter: '|'}\n", encoding="utf-8")
    bad = invoke([*ws, *MEETING])
    assert bad.exit_code == 1 and "csv_format.delimiter" in bad.stderr


def test_in_a_real_terminal(ws, data_dir, mini_plan_path):
    pexpect = pytest.importorskip("pexpect")
    env = {**os.environ, "PYTHONPATH": str(SRC), "COLUMNS": "80", "RELINT_PLAN": "", "RELINT_DATA": ""}
    child = pexpect.spawn(sys.executable, ["-m", "relint_kpi", *ws, "add-activity", "--lang", "en"], env=env,
                          encoding="utf-8", timeout=30, dimensions=(50, 80))
    for prompt, answer in [
        ("Type: ", "visita"), ("Type: ", "incontro"),
        (r"Date \(DD/MM/YYYY or YYYY-MM-DD\): ", "31/02/2023"), ("not a real calendar date", None),
        (r"Date \(DD/MM/YYYY or YYYY-MM-DD\): ", "11/03/2023"),
        ("Territory: ", "Assia"), ("Title: ", "Visita"),
        (r"Stakeholder \(blank to finish\): ", "Ateneo di Bologna"), (r"Stakeholder \(blank to finish\): ", ""),
        (r"Action \(blank for none\): ", ""), (r"Record the row\? \[Y/n\]: ", "y"),
    ]:
        child.expect(prompt)
        if answer is not None:
            child.sendline(answer)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    assert (data_dir / "actuals" / "2023-Q1.csv").read_text().splitlines()[1] == "2023Q1-0001;11/03/2023;meeting;DE-HE;Visita;;;Ateneo di Bologna;1;"


def test_a_failed_write_after_the_questions_prints_the_command_that_records_the_row(ws, data_dir, tty):
    (data_dir / "actuals" / "2023-Q2.csv").write_bytes("id,date,type,territory,title,value\nx,2023-04-01,note,SE,Città €,\n".encode("cp1252"))
    result = invoke([*ws, "add-activity", "--type", "meeting", "--territory", "SE", "--title", "Łódź"], input=lines("2023-04-02", "", "", ""))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == (
        "Per riprovare senza riscrivere le risposte: relint add-activity --type meeting --territory SE "
        "--title 'Łódź' --date 2023-04-02"
    )
    assert "non può contenere 'Ł'" in result.stderr


def test_a_dry_run_says_what_would_stop_the_write(ws, data_dir):
    assert invoke([*ws, *MEETING]).exit_code == 0
    result = invoke([*ws, *MEETING, "--dry-run", "--lang", "en"])
    assert result.exit_code == 0
    assert result.stderr.endswith("similar title (“Incontro con l'ambasciatore”); pass --allow-duplicate to record it anyway [likely-duplicate]\n")
