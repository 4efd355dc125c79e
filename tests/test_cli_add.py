"""Recording commands through the CLI runner: add-activity, add-stakeholder, complete-action, import-pageviews."""

from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import invoke, records
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relint_kpi import cli
from relint_kpi.actuals import read_data

FIXTURES = Path(__file__).parent / "fixtures"
REGISTRY = "name,internal,category,first_involved\nAteneo,no,university,\n"


@pytest.fixture
def ws(mini_plan_path, data_dir):
    (data_dir / "stakeholders.csv").write_text(REGISTRY, encoding="utf-8")
    return ["--plan", str(mini_plan_path), "--data", str(data_dir)]


MEETING = ["add-activity", "--type", "incontro", "--date", "02/04/2023", "--territory", "Svezia", "--title", "Incontro"]


def test_add_activity_creates_the_quarter_file(ws, data_dir, mini_plan):
    result = invoke([*ws, *MEETING, "--stakeholder", "Ateneo", "--notes", "prima"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].endswith("2023-Q2.csv:2")
    result = invoke([*ws, *MEETING, "--allow-duplicate"])
    assert result.exit_code == 0, result.output
    path = data_dir / "actuals" / "2023-Q2.csv"
    assert path.read_bytes() == codecs.BOM_UTF8 + (
        "id;date;type;territory;title;action;participants;stakeholders;value;notes\r\n"
        "2023Q2-0001;02/04/2023;meeting;SE;Incontro;;;Ateneo;1;prima\r\n"
        "2023Q2-0002;02/04/2023;meeting;SE;Incontro;;;;1;\r\n"
    ).encode()
    log, issues = read_data(data_dir, mini_plan)
    assert issues == [] and len(records(log)) == 2


def test_append_keeps_an_excel_file_in_its_own_dialect(ws, data_dir, mini_plan):
    path = data_dir / "actuals" / "2023-Q2.csv"
    path.write_bytes(codecs.BOM_UTF8 + "id;date;type;territory;title;value\r\nx;01/04/2023;nota;SE;Città;1.000".encode("utf-8"))
    result = invoke([*ws, *MEETING, "--value", "2000"])
    assert result.exit_code == 0, result.output
    raw = path.read_bytes()
    assert raw.count(codecs.BOM_UTF8) == 1
    # The file's date form and its Italian type words, as well as its dialect.
    assert raw.endswith(b"x;01/04/2023;nota;SE;Citt\xc3\xa0;1.000\r\n2023Q2-0001;02/04/2023;incontro;SE;Incontro;2.000\r\n")
    log, issues = read_data(data_dir, mini_plan)
    assert issues == [] and [a.value for a in records(log)] == [1000, 2000]


def test_dry_run_writes_nothing(ws, data_dir):
    result = invoke([*ws, *MEETING, "--dry-run"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "Prova: la riga andrebbe in " + str(data_dir / "actuals" / "2023-Q2.csv") + " (nulla è stato scritto):"
    assert "2023Q2-…" in result.stdout
    result = invoke([*ws, *MEETING, "--dry-run", "--lang", "en"])
    assert result.stdout.splitlines()[0].startswith("Dry run: would append to ") and "nothing written" in result.stdout
    assert list((data_dir / "actuals").iterdir()) == []


def test_prompts_on_a_terminal(ws, data_dir, monkeypatch):
    monkeypatch.setattr(cli, "stdin_is_interactive", lambda: True)
    # Date, territory, title; no stakeholder, no action; yes to the summary.
    result = invoke([*ws, "add-activity", "--type", "meeting"], input="2023-05-05\nAssia\nVisita\n\n\n\n")
    assert result.exit_code == 0, result.output
    assert "Territori prioritari: DE-HE Assia, SE Svezia, CN Cina — o un qualsiasi codice\n  ISO 3166\n" in result.stdout
    assert "2023Q2-0001;05/05/2023;meeting;DE-HE;Visita;;;;1;" in (data_dir / "actuals" / "2023-Q2.csv").read_text()


@pytest.mark.usefixtures("english_cli")
def test_missing_values_without_a_terminal(ws):
    result = invoke([*ws, "add-activity", "--type", "meeting"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: missing --date, --territory, --title; give them as options "
        "(standard input is not a terminal, so relint cannot ask)\n"
    )


@pytest.mark.parametrize(
    "extra, message",
    [
        (["--type", "visita"], "add-activity: --type: unknown type 'visita' — expected one of: delegation (Delegation), meeting (Meeting),"),
        (["--stakeholder", "Nessuno"], '--stakeholder: unknown stakeholder \'Nessuno\'; register it first: relint add-stakeholder "Nessuno" --category CATEGORY --internal|--external'),
        (["--date", "2024-02-01"], "date 2024-02-01 is outside the plan period 2022-01-01..2023-12-31"),
        (["--action", "zz"], "unknown action 'zz' — expected one of the plan's action ids: a1, a2"),
    ],
)
@pytest.mark.usefixtures("english_cli")
def test_refusals(ws, data_dir, extra, message):
    args = list(MEETING)
    for flag, value in zip(extra[::2], extra[1::2]):
        if flag in args:
            args[args.index(flag) + 1] = value
        else:
            args += [flag, value]
    result = invoke([*ws, *args])
    assert result.exit_code == 1
    assert message in result.stderr
    assert list((data_dir / "actuals").iterdir()) == []


@pytest.mark.usefixtures("english_cli")
def test_add_stakeholder(ws, data_dir):
    result = invoke([*ws, "add-stakeholder", "Comune di Bologna", "--category", "local_authority", "--external"])
    assert result.exit_code == 0, result.output
    assert (data_dir / "stakeholders.csv").read_text().endswith("Comune di Bologna,no,local_authority,\n")
    again = invoke([*ws, "add-stakeholder", "comune di bologna", "--category", "local_authority", "--internal"])
    assert again.exit_code == 2 and "already registered" in again.stderr
    bad = invoke([*ws, "add-stakeholder", "X", "--category", "ngo", "--external"])
    assert bad.exit_code == 2 and bad.stderr == (
        "Error: unknown category 'ngo' — choose one of: University (university), Business (business), "
        "Local authority (local_authority)\n"
    )
    neither = invoke([*ws, "add-stakeholder", "X", "--category", "business"])
    assert neither.exit_code == 2 and "--internal" in neither.stderr


@pytest.mark.usefixtures("english_cli")
def test_complete_action(ws, data_dir, mini_plan):
    result = invoke([*ws, "complete-action", "a1", "--date", "20/05/2022", "--note", "Intesa firmata"])
    assert result.exit_code == 0, result.output
    assert (data_dir / "deliverables.csv").read_bytes() == codecs.BOM_UTF8 + b"action;date;note\r\na1;20/05/2022;Intesa firmata\r\n"
    again = invoke([*ws, "complete-action", "a1", "--date", "2022-05-20", "--note", "di nuovo"])
    assert again.exit_code == 1
    assert again.stderr.splitlines() == [
        f"{data_dir / 'deliverables.csv'}:2: the deliverable of action a1 on 20/05/2022 is already recorded here (“Intesa firmata”) [duplicate-deliverable]",
        "1 problem found.",
    ]
    log, issues = read_data(data_dir, mini_plan)
    assert issues == [] and log.deliverables[0].action == "a1"
    bad = invoke([*ws, "complete-action", "zz", "--date", "2022-05-20"])
    assert bad.exit_code == 2 and bad.stderr == (
        "Error: unknown action 'zz' — choose one of: Agreement with Hesse (a1), Relations with China (a2)\n"
    )


def test_import_pageviews_replaces_the_quarter(ws, data_dir, mini_plan):
    (data_dir / "actuals" / "2022-Q3.csv").write_text("id,date,type,territory,title\nx,2022-07-01,note,SE,a\n", encoding="utf-8")  # the folder's form
    invoke([*ws, "add-activity", "--type", "meeting", "--date", "2022-11-02", "--territory", "SE", "--title", "Prima"])
    result = invoke([*ws, "import-pageviews", str(FIXTURES / "matomo_pages_en.csv"), "--quarter", "2022Q4"])
    assert result.exit_code == 0, result.output
    invoke([*ws, "add-activity", "--type", "note", "--date", "2022-12-01", "--territory", "SE", "--title", "Dopo"])
    path = data_dir / "actuals" / "2022-Q4.csv"
    before = path.read_bytes()
    assert before.count(b",pageviews,") == 1 and b",1175," in before  # 812 + 363: page views, not unique views
    result = invoke([*ws, "import-pageviews", str(FIXTURES / "matomo_pages_it_utf16.csv"), "--quarter", "2022-Q4", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == [
        f"Recorded in {path}:4 (replaced 1 earlier row)",
        "  2 of 3 export rows matched; page views: 1250",
    ]
    after = path.read_bytes()
    assert after == (
        b"id,date,type,territory,title,action,participants,stakeholders,value,notes\n"
        b"2022Q4-0001,2022-11-02,meeting,SE,Prima,,,,1,\n"
        b"2022Q4-0002,2022-12-01,note,SE,Dopo,,,,1,\n"
        b"2022Q4-pageviews,2022-12-31,pageviews,,Page views 2022-Q4 (import matomo_pages_it_utf16.csv),,,,1250,\n"
    )
    log, issues = read_data(data_dir, mini_plan)
    assert issues == []
    # 800 + 450: unique views and the other pages are left out
    assert [(str(a.date), a.value) for a in records(log) if a.type == "pageviews"] == [("2022-12-31", 1250)]


@pytest.mark.usefixtures("english_cli")
def test_appending_to_a_cp1252_file_that_cannot_hold_the_title(ws, data_dir):
    path = data_dir / "actuals" / "2023-Q2.csv"
    path.write_bytes("id,date,type,territory,title,value\nx,2023-04-01,note,SE,Città €,\n".encode("cp1252"))
    result = invoke([*ws, *MEETING[:-1], "Łódź"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].endswith(
        "2023-Q2.csv: the file is saved as cp1252, which cannot hold 'Ł'; save it from Excel as 'CSV UTF-8' "
        "and retry, or write the text without that character [unencodable]"
    )


@pytest.mark.usefixtures("english_cli")
def test_import_pageviews_bad_quarter(ws):
    result = invoke([*ws, "import-pageviews", str(FIXTURES / "matomo_pages_en.csv"), "--quarter", "2030Q1"])
    assert result.exit_code == 2 and result.stderr == "Error: --quarter 2030Q1 is outside the plan (2022–2023)\n"


def test_add_activity_does_not_import_pandas(mini_plan_path, data_dir, tmp_path):
    code = (
        "import sys\n"
        "from relint_kpi.cli import app\n"
        f"try:\n    app(['--plan', {str(mini_plan_path)!r}, '--data', {str(data_dir)!r}, 'add-activity', '--dry-run',"
        " '--type', 'meeting', '--date', '2023-04-02', '--territory', 'SE', '--title', 'x'])\n"
        "except SystemExit:\n    pass\n"
        "app(['--help'], standalone_mode=False)\n"
        "print('pandas' in sys.modules, 'numpy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip().splitlines()[-1] == "False False", result.stdout + result.stderr


CELL = st.one_of(
    st.none(), st.text(max_size=20), st.sampled_from(["2023-04-02", "02/04/2023", "meeting", "SE", "Assia", "5.000", "-1", "Ateneo|x"])
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.fixed_dictionaries({name: CELL for name in ("type", "date", "territory", "title", "action", "participants", "stakeholders", "value", "notes")}))
def test_add_activity_arguments_never_crash(mini_plan, data_dir, fields):
    from relint_kpi.issues import DataError, UsageError
    from relint_kpi.writers import add_activity

    try:
        recorded = add_activity(data_dir, mini_plan, fields, dry_run=True)
    except (DataError, UsageError) as refused:
        assert getattr(refused, "issues", None) != []
    else:
        assert recorded.dry_run and recorded.cells["type"] in {"delegation", "meeting", "event", "mission", "note", "pageviews"}


def test_a_metric_type_typed_at_the_prompt_asks_its_figure_and_no_territory(ws, data_dir, monkeypatch):
    monkeypatch.setattr(cli, "stdin_is_interactive", lambda: True)
    result = invoke([*ws, "add-activity"], input="visualizzazioni\n2023-05-05\nVisite\n\n1.250\n\n")
    assert result.exit_code == 0, result.output
    assert "Territorio" not in result.stdout and "Stakeholder" not in result.stdout
    # A blank figure is asked again: a page-views row is never recorded as 1 view.
    assert "Quante? (Visualizzazioni): \n  serve un numero intero (per esempio 1250)\nQuante? (Visualizzazioni): 1.250\n" in result.stdout
    assert (data_dir / "actuals" / "2023-Q2.csv").read_text().splitlines()[1] == "2023Q2-0001;05/05/2023;pageviews;;Visite;;;;1.250;"


# -- add-activity checks against the plan as it is now -------------------------------


@pytest.mark.usefixtures("english_cli")
def test_a_refused_row_gets_the_readers_messages_for_each_option(ws):
    assert invoke([*ws, *MEETING, "--dry-run"]).exit_code == 0
    refused = invoke([*ws, *MEETING, "--territory", "Atlantide", "--stakeholder", "ateneo", "--value", "5.000"])
    assert refused.exit_code == 1
    assert refused.stderr.splitlines() == [
        "add-activity: --territory: unknown territory 'Atlantide' — write an ISO 3166 code (BE, DE-HE) or a plan "
        "territory's name (Assia, Hesse) [unknown-territory]",
        "add-activity: --value: value: '5.000' is not a whole number; write 5000 without a separator "
        "(a '.' thousands separator is read only in ';' files saved by Excel) [bad-value]",
        "2 problems found.",
    ]


@pytest.mark.usefixtures("english_cli")
def test_an_edit_of_the_plan_changes_what_add_activity_accepts(ws, mini_plan_path):
    late = [*MEETING, "--date", "2023-12-25", "--dry-run"]
    assert invoke([*ws, *late]).exit_code == 0
    text = mini_plan_path.read_text(encoding="utf-8")
    period = "period: {start: 2022-01-01, end: 2023-12-31}"
    assert period in text
    mini_plan_path.write_text(text.replace(period, period.replace("12-31", "12-21")), encoding="utf-8")
    result = invoke([*ws, *late])
    assert result.exit_code == 1
    assert "date 2023-12-25 is outside the plan period 2022-01-01..2023-12-21" in result.stderr


@pytest.mark.usefixtures("english_cli")
def test_a_plan_with_errors_is_reported_by_add_activity(ws, mini_plan_path):
    text = mini_plan_path.read_text(encoding="utf-8")
    mini_plan_path.write_text(text.replace("on_track: 0.9", "on_track: 1.9"), encoding="utf-8")
    result = invoke([*ws, *MEETING, "--dry-run"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{mini_plan_path}:11:24: thresholds.on_track: must be 1 or less, got 1.9 [plan-less_than_equal]",
        "1 problem found.",
    ]
    assert result.stdout == ""


@pytest.mark.parametrize("lang", ["it", "en"])
def test_a_folder_planted_as_the_lock_is_a_clean_error_in_both_languages(ws, data_dir, lang):
    lock = data_dir / "actuals" / ".relint.lock"
    lock.mkdir()
    result = invoke([*ws, *MEETING, "--lang", lang])
    assert result.exit_code == 1
    expected = {
        "it": f"Errore: {lock} è una cartella, non il file di blocco di relint; cancellatela (relint ricrea il file di blocco) e riprovate\n",
        "en": f"Error: {lock} is a folder, not relint's lock file; delete it (relint creates the lock file again) and retry\n",
    }
    assert result.stderr == expected[lang]
    assert sorted(p.name for p in (data_dir / "actuals").iterdir()) == [".relint.lock"]


def test_a_full_disk_is_a_clean_error_and_the_file_is_unchanged(ws, data_dir, monkeypatch):
    import errno
    import os

    path = data_dir / "actuals" / "2023-Q2.csv"
    path.write_text("id,date,type,territory,title,value\n2023Q2-0001,2023-04-01,note,SE,a,\n", encoding="utf-8")
    real = os.write

    def half(fd, data):
        if len(data) > 10:
            real(fd, bytes(data[:10]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", half)
    result = invoke([*ws, *MEETING])
    monkeypatch.undo()
    assert result.exit_code == 1
    assert result.stderr == (
        f"Errore: impossibile scrivere in {path}: il disco è pieno. Il file è rimasto com'era; liberate spazio e riprovate\n"
    )
    assert path.read_text(encoding="utf-8") == "id,date,type,territory,title,value\n2023Q2-0001,2023-04-01,note,SE,a,\n"
    assert invoke([*ws, "validate"]).exit_code == 0


# -- names, not only ids -------------------------------------------------------------


def test_add_activity_takes_labels_in_either_language(ws, data_dir):
    result = invoke([*ws, "add-activity", "--type", "MEETING", "--date", "2023-04-02", "--territory", "hesse", "--title", "Incontro",
                     "--action", "agreement with hesse"])
    assert result.exit_code == 0, result.output
    assert (data_dir / "actuals" / "2023-Q2.csv").read_text(encoding="utf-8").splitlines()[1] == (
        "2023Q2-0001;02/04/2023;meeting;DE-HE;Incontro;a1;;;1;"  # a new file in the Italian Excel dialect
    )


def test_add_activity_in_a_country_holding_a_priority_land_says_so(ws, data_dir):
    result = invoke([*ws, "add-activity", "--type", "Incontro", "--date", "2023-04-02", "--territory", "Germania", "--title", "Berlino",
                     "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.stderr == "Germany (DE) is not one of the plan's priority territories; the priority territories inside it are: Hesse (DE-HE).\n"
    assert (data_dir / "actuals" / "2023-Q2.csv").read_text(encoding="utf-8").splitlines()[1].split(";")[3] == "DE"


@pytest.mark.parametrize("category", ["local_authority", "Ente locale", "LOCAL AUTHORITY"])
def test_add_stakeholder_takes_a_category_label(ws, data_dir, category):
    result = invoke([*ws, "add-stakeholder", "Comune di Parma", "--category", category, "--external"])
    assert result.exit_code == 0, result.output
    assert (data_dir / "stakeholders.csv").read_text(encoding="utf-8").endswith("Comune di Parma,no,local_authority,\n")


def test_complete_action_takes_the_actions_title(ws, data_dir):
    result = invoke([*ws, "complete-action", "relazioni con la cina", "--date", "2023-10-20"])
    assert result.exit_code == 0, result.output
    assert (data_dir / "deliverables.csv").read_text(encoding="utf-8").splitlines()[1] == "a2;20/10/2023;"
    english = invoke([*ws, "complete-action", "nothing", "--date", "2023-10-20", "--lang", "en"])
    assert english.exit_code == 2
    assert english.stderr == "Error: unknown action 'nothing' — choose one of: Agreement with Hesse (a1), Relations with China (a2)\n"
