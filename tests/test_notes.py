"""notes.csv: the office's reasons for deviations, read, written by add-note, and checked by validate --year."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from relint_kpi.cli import app
from relint_kpi.issues import DataError, UsageError
from relint_kpi.notes import add_note, note_for, read_notes, unexplained_deviations
from relint_kpi.records import ActivityLog, Note

FIXTURES = Path(__file__).parent / "fixtures"


def _write(folder: Path, text: str, encoding: str = "utf-8") -> Path:
    path = folder / "notes.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_read_notes_keeps_subject_year_reason_and_next_steps(mini_plan, data_dir):
    path = _write(
        data_dir,
        "subject;year;reason;next_steps\r\n"
        "page_views;2023;Sito in manutenzione ad agosto;Nuova pagina da gennaio\r\n"
        "a2;;Missione rinviata, la Cina ha chiesto tempo;\r\n",
        "utf-8-sig",
    )
    notes, issues = read_notes(path, mini_plan)
    assert issues == []
    shown = str(path)
    assert notes == [
        Note(notes[0].path, 2, "page_views", "indicator", 2023, "Sito in manutenzione ad agosto", "Nuova pagina da gennaio"),
        Note(notes[1].path, 3, "a2", "action", None, "Missione rinviata, la Cina ha chiesto tempo", ""),
    ]
    assert notes[0].path.endswith("notes.csv") and shown.endswith("notes.csv")
    # an action's note without a year stands in every year; an indicator's only in its own
    assert note_for(notes, "a2", 2022) is notes[1]
    assert note_for(notes, "page_views", 2022) is None


def test_bad_notes_are_issues_at_line_and_column(mini_plan, data_dir):
    path = _write(
        data_dir,
        "subject,year,reason,next_steps\n"
        "nessuno,2023,x,\n"
        "page_views,,senza anno,\n"
        "page_views,2030,anno fuori dal piano,\n"
        "page_views,2023,,\n"
        "page_views,2023,prima,\n"
        "page_views,2023,seconda,\n",
    )
    notes, issues = read_notes(path, mini_plan)
    assert [(i.line, i.column, i.code) for i in issues] == [
        (2, 1, "unknown-subject"),
        (3, 2, "missing-year"),
        (4, 2, "bad-year"),
        (5, 3, "missing-reason"),
        (7, 1, "duplicate-note"),
    ]
    assert issues[4].message == "'page_views' already has a note for 2023 at line 6; edit that line, or join the two texts in one"
    assert issues[2].message == "year '2030' is not a plan year — choose one of: 2022, 2023"
    assert [n.line for n in notes] == [6]


@pytest.mark.usefixtures("english_cli")
def test_validate_reports_a_bad_notes_file(mini_plan_path, data_dir, monkeypatch):
    monkeypatch.chdir(data_dir.parent)
    (data_dir / "notes.csv").write_text("subject,year,reason\npage_views,2023,\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["--plan", "plan.yaml", "--data", "data", "validate"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == "data/notes.csv:2:3: missing reason: say why the target was missed or exceeded [missing-reason]"


def test_add_note_creates_the_file_in_the_folder_dialect_then_appends(mini_plan, data_dir):
    (data_dir / "actuals" / "2023-Q1.csv").write_bytes("\ufeffdate;type;territory;title\r\n".encode("utf-8"))
    first = add_note(data_dir, mini_plan, "page_views", year=2023, reason="Sito fermo; pagina rifatta", next_steps="Nuova pagina")
    second = add_note(data_dir, mini_plan, "a2", year=None, reason="Missione rinviata")
    assert (first.line, second.line) == (2, 3)
    assert (data_dir / "notes.csv").read_bytes() == (
        "\ufeffsubject;year;reason;next_steps\r\n"
        'page_views;2023;"Sito fermo; pagina rifatta";Nuova pagina\r\n'
        "a2;;Missione rinviata;\r\n"
    ).encode("utf-8")
    notes, issues = read_notes(data_dir / "notes.csv", mini_plan)
    assert issues == [] and [(n.subject, n.year) for n in notes] == [("page_views", 2023), ("a2", None)]


def test_a_first_note_in_a_folder_without_quarter_files_takes_the_plans_csv_format(mini_plan, data_dir):
    assert not any((data_dir / "actuals").glob("*.csv"))
    add_note(data_dir, mini_plan, "page_views", year=2023, reason="Sito fermo; pagina rifatta")
    # The plan's default form, Excel with Italian settings, as a first quarter file would be written.
    assert (data_dir / "notes.csv").read_bytes() == (
        '\ufeffsubject;year;reason;next_steps\r\npage_views;2023;"Sito fermo; pagina rifatta";\r\n'
    ).encode("utf-8")
    declared = mini_plan.csv_format.model_copy(update={"delimiter": "\t", "bom": False, "line_end": "lf"})
    (data_dir / "notes.csv").unlink()
    add_note(data_dir, mini_plan.model_copy(update={"csv_format": declared}), "page_views", year=2023, reason="Sito fermo")
    assert (data_dir / "notes.csv").read_bytes() == b"subject\tyear\treason\tnext_steps\npage_views\t2023\tSito fermo\t\n"


def test_add_note_refuses_a_second_note_unless_replace_and_keeps_other_lines(mini_plan, data_dir):
    add_note(data_dir, mini_plan, "page_views", year=2023, reason="Prima versione")
    add_note(data_dir, mini_plan, "event_participants", year=2022, reason="Altro")
    with pytest.raises(UsageError, match=r"^'page_views' already has a note for 2023 at .*notes.csv:2; pass --replace"):
        add_note(data_dir, mini_plan, "page_views", year=2023, reason="Seconda")
    written = add_note(data_dir, mini_plan, "page_views", year=2023, reason="Seconda versione", next_steps="Poi", replace=True)
    assert (written.line, written.replaced) == (2, 1)
    assert (data_dir / "notes.csv").read_bytes() == (
        "\ufeffsubject;year;reason;next_steps\r\npage_views;2023;Seconda versione;Poi\r\nevent_participants;2022;Altro;\r\n"
    ).encode("utf-8")


def test_add_note_checks_like_the_reader(mini_plan, data_dir):
    with pytest.raises(DataError) as caught:
        add_note(data_dir, mini_plan, "page_views", year=None, reason="  ")
    assert [i.code for i in caught.value.issues] == ["missing-year", "missing-reason"]
    assert not (data_dir / "notes.csv").exists()


def _cli(plan_path, data_dir, *args, **env):
    return CliRunner().invoke(app, ["--plan", str(plan_path), "--data", str(data_dir), *args], env=env or None)


def test_add_note_command(mini_plan_path, data_dir):
    result = _cli(mini_plan_path, data_dir, "add-note", "page_views", "--year", "2023", "Sito fermo", "--next", "Nuova pagina")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == [
        "  soggetto        page_views",
        "  anno            2023",
        "  motivo          Sito fermo",
        "  prossimi passi  Nuova pagina",
    ]
    again = _cli(mini_plan_path, data_dir, "add-note", "page_views", "--year", "2023", "Altro")
    assert again.exit_code == 2 and "aggiungere --replace per riscriverla" in again.stderr
    english = _cli(mini_plan_path, data_dir, "add-note", "page_views", "--year", "2023", "Altro", "--lang", "en")
    assert english.exit_code == 2 and "pass --replace to rewrite it" in english.stderr
    unknown = _cli(mini_plan_path, data_dir, "add-note", "nessuno", "--year", "2023", "x")
    assert unknown.exit_code == 1 and "[unknown-subject]" in unknown.stderr
    assert "Esempio: relint add-note diplomatic_meetings --year 2023" in _cli(mini_plan_path, data_dir, "add-note", "--help").stdout
    assert "Example: relint add-note diplomatic_meetings --year 2023" in _cli(mini_plan_path, data_dir, "add-note", "--help", "--lang", "en").stdout


def _plan_and_log(mini_plan, notes=()):
    from test_report import make_log

    log = make_log()
    log.notes = list(notes)
    return mini_plan, log


def test_unexplained_deviations_once_the_year_is_over(mini_plan, data_dir):
    plan, log = _plan_and_log(mini_plan, [Note("n", 2, "page_views", "indicator", 2023, "Sito fermo", "")])
    warnings = unexplained_deviations(plan, log, data_dir, 2023, today=dt.date(2024, 1, 2))
    assert [w.message.split("'")[1] for w in warnings] == ["delegations_received", "meetings_cumulative", "new_stakeholders", "event_participants"]
    assert (warnings[0].line, warnings[0].column, warnings[0].code) == (0, 0, "unexplained-deviation")
    assert warnings[0].text("it") == (
        "avviso: indicatore 'delegations_received': target 2023 non raggiunto (3 su 8, 37,5%) e nessuna motivazione "
        'registrata; aggiungila con: relint add-note delegations_received --year 2023 "…"'
    )
    assert unexplained_deviations(plan, log, data_dir, 2023, today=dt.date(2023, 12, 31)) == []
    with pytest.raises(UsageError):
        unexplained_deviations(plan, log, data_dir, 2030)


def test_validate_year_warns_and_exits_0(tmp_path, monkeypatch):
    from test_cli_report import write_data

    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "mini_plan.yaml", tmp_path / "plan.yaml")
    write_data(tmp_path / "data")
    (tmp_path / "data" / "notes.csv").write_text(
        "subject,year,reason,next_steps\n" + "".join(
            f"{i},2023,spiegato,\n" for i in ("delegations_received", "meetings_cumulative", "new_stakeholders", "page_views")
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["--plan", "plan.yaml", "--data", "data", "validate", "--year", "2023", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "data/notes.csv: warning: indicator 'event_participants': 2023 target not achieved (45 of 100, 45.0%) and no "
        'reason recorded; add one with: relint add-note event_participants --year 2023 "…" [unexplained-deviation]',
        "1 warning(s): 2023 targets not achieved with no reason (not errors: the exit code stays 0).",
    ]
    assert result.stdout.startswith("OK: plan plan.yaml")
    plain = CliRunner().invoke(app, ["--plan", "plan.yaml", "--data", "data", "validate"])
    assert (plain.exit_code, plain.stderr) == (0, "")


def test_shipped_notes_are_valid_and_explain_some_2023_deviations():
    repo = Path(__file__).resolve().parent.parent
    from relint_kpi.plan import load_plan

    plan, _ = load_plan(repo / "data" / "plan_2022_2023.yaml")
    notes, issues = read_notes(repo / "data" / "notes.csv", plan)
    assert issues == []
    assert {(n.subject, n.year) for n in notes} >= {("delegations_received", 2023), ("system_missions", 2023), ("quebec_agreement", 2023)}


def test_empty_log_has_no_notes():
    assert ActivityLog().notes == []


@pytest.fixture(scope="module")
def _plan():
    from relint_kpi.plan import load_plan

    plan, issues = load_plan(FIXTURES / "mini_plan.yaml")
    assert issues == []
    return plan


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=60
).filter(lambda s: s.strip() == s and s)


@settings(max_examples=40, deadline=None)
@given(reason=_TEXT, next_steps=_TEXT, dialect=st.sampled_from([",", ";"]))
def test_any_note_written_reads_back_the_same(_plan, tmp_path_factory, reason, next_steps, dialect):
    folder = tmp_path_factory.mktemp("notes")
    (folder / "actuals").mkdir()
    (folder / "actuals" / "2023-Q1.csv").write_text(f"date{dialect}type{dialect}title\n", encoding="utf-8")
    add_note(folder, _plan, "page_views", year=2023, reason=reason, next_steps=next_steps)
    add_note(folder, _plan, "page_views", year=2023, reason=next_steps, next_steps=reason, replace=True)
    notes, issues = read_notes(folder / "notes.csv", _plan)
    assert issues == []
    assert [(n.line, n.reason, n.next_steps) for n in notes] == [(2, next_steps, reason)]


def test_year_is_running_until_its_last_day():
    from relint_kpi.notes import year_is_running

    assert year_is_running(2023, dt.date(2023, 12, 31)) is True
    assert year_is_running(2023, dt.date(2024, 1, 1)) is False


@pytest.mark.parametrize("bom, codec", [(b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le")])
def test_add_note_in_a_utf16_folder_writes_a_readable_utf16_file(mini_plan, data_dir, bom, codec):
    (data_dir / "actuals" / "2023-Q1.csv").write_bytes(bom + "date\ttype\ttitle\r\n".encode(codec))
    add_note(data_dir, mini_plan, "page_views", year=2023, reason="Città")
    add_note(data_dir, mini_plan, "a2", year=None, reason="Rinvio")
    add_note(data_dir, mini_plan, "page_views", year=2023, reason="Città, bis", replace=True)
    expected = "subject\tyear\treason\tnext_steps\r\npage_views\t2023\tCittà, bis\t\r\na2\t\tRinvio\t\r\n"
    assert (data_dir / "notes.csv").read_bytes() == bom + expected.encode(codec)
    notes, issues = read_notes(data_dir / "notes.csv", mini_plan)
    assert issues == [] and [n.reason for n in notes] == ["Città, bis", "Rinvio"]


def test_add_note_on_a_full_disk_leaves_the_file_as_it_was(mini_plan, data_dir, monkeypatch):
    from conftest import full_disk_after

    from relint_kpi import storage

    path = _write(data_dir, "subject,year,reason,next_steps\na2,,Rinvio,\n")
    full_disk_after(monkeypatch, 4)
    with pytest.raises(storage.WriteError):
        add_note(data_dir, mini_plan, "page_views", year=2023, reason="Sito fermo")
    monkeypatch.undo()
    assert path.read_bytes() == b"subject,year,reason,next_steps\na2,,Rinvio,\n"


def test_replacing_a_note_through_a_link_inside_the_data_folder_keeps_the_link(mini_plan, data_dir):
    real = data_dir / "archive" / "notes-2023.csv"
    real.parent.mkdir()
    real.write_text("subject,year,reason,next_steps\npage_views,2023,Sito fermo,\n", encoding="utf-8")
    link = data_dir / "notes.csv"
    link.symlink_to(real)
    add_note(data_dir, mini_plan, "page_views", year=2023, reason="Sito rifatto", replace=True)
    assert link.is_symlink() and link.resolve() == real
    assert real.read_text(encoding="utf-8") == "subject,year,reason,next_steps\npage_views,2023,Sito rifatto,\n"
    assert sorted(p.name for p in real.parent.iterdir()) == ["notes-2023.csv"]  # no temporary file left


def test_add_note_does_not_write_through_a_link_out_of_the_data_folder(mini_plan, data_dir, tmp_path):
    from relint_kpi import storage

    outside = tmp_path / "outside.csv"
    outside.write_text("subject,year,reason,next_steps\n", encoding="utf-8")
    (data_dir / "notes.csv").symlink_to(outside)
    with pytest.raises(storage.WriteError) as caught:
        add_note(data_dir, mini_plan, "page_views", year=2023, reason="Sito fermo")
    assert "outside the data folder" in caught.value.text("en")
    assert outside.read_text(encoding="utf-8") == "subject,year,reason,next_steps\n"
