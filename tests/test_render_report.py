"""The report renderers on a hand-built report: layout, languages, safety, determinism."""

from __future__ import annotations

import csv
import datetime as dt
import dataclasses
import html
import io
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pngcheck import distinct_colours, png_size
from report_sample import HOSTILE, sample_report

from relint_kpi.issues import UsageError
from relint_kpi.render.report_export import RENDERERS, render_report, write_report
from relint_kpi.render.report_html import escape, render_html
from relint_kpi.render.report_json import render_csv, render_json
from relint_kpi.render.report_markdown import render_markdown
from relint_kpi.render.safe import escape_md
from relint_kpi.render.report_terminal import render_terminal

SECTIONS_IT = [
    "Sintesi degli indicatori",
    "Risultati attesi e obiettivi",
    "Attività per territorio e tipo",
    "Stakeholder coinvolti",
    "Azioni di rilevanza sistemica",
    "Criteri di valutazione",
    "Punti di attenzione",
    "Allegato: schede indicatore",
]
SECTIONS_EN = [
    "Indicator headline",
    "Expected results and objectives",
    "Activity by territory and type",
    "Stakeholders involved",
    "Systemic actions",
    "Evaluation criteria",
    "Points of attention",
    "Annex: indicator sheets",
]
SHEETS_IT = ["Relazione", "Sintesi", "Risultati", "Territori e tipi", "Stakeholder", "Azioni", "Criteri", "Attenzione", "Schede indicatore"]


class _Page(HTMLParser):
    """Collects what the safety and layout tests look at in an HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.h2: list[str] = []
        self.text: list[str] = []
        self._in_h2 = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]
        self._in_h2 = tag == "h2"

    def handle_endtag(self, tag):
        if tag == "h2":
            self._in_h2 = False

    def handle_data(self, data):
        self.text.append(data)
        if self._in_h2:
            self.h2.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


# -- Markdown -------------------------------------------------------------------


def test_markdown_headline_table_with_trend():
    text = render_markdown(sample_report())
    assert "| Indicatore | Unità | Target | Effettivo | % | Stato | Target 2022 | Effettivo 2022 | % 2022 | Motivazione |" in text
    assert "| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |" in text
    assert (
        "| Visualizzazioni | visualizzazioni | 2.000 | 1.730 | 86,5% | a rischio | 1.000 | 1.200 | 120,0% | "
        "Sito fermo ad agosto. Interventi previsti: Nuova pagina. |" in text
    )
    assert [line[3:] for line in text.splitlines() if line.startswith("## ")] == SECTIONS_IT


def test_markdown_in_english_uses_english_words_and_numbers():
    text = render_markdown(sample_report(lang="en"))
    assert [line[3:] for line in text.splitlines() if line.startswith("## ")] == SECTIONS_EN
    assert (
        "| Visualizzazioni | visualizzazioni | 2,000 | 1,730 | 86.5% | at risk | 1,000 | 1,200 | 120.0% | "
        "Sito fermo ad agosto. What will be done: Nuova pagina. |" in text
    )
    labels = text.split("## Points of attention")[0]  # the attention sentences are data, built in Italian here
    for italian in ("raggiunto", "in ritardo", "completata", "Obiettivi"):
        assert italian not in labels


def test_markdown_empty_table_says_so():
    text = render_markdown(sample_report())
    assert "### Stakeholder\n\n| Misura | Valore | Su | % |" in text
    assert "| Attivi sia quest'anno sia l'anno precedente | — | — | — |\n\nNessun dato.\n" in text


def test_escape_md_neutralises_markup():
    assert escape_md("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert escape_md("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))"
    assert escape_md("a|b\r\nc") == "a\\|b c"
    assert escape_md("R&D &amp; &#60;") == "R&D &amp;amp; &amp;#60;"


def test_markdown_hostile_text_stays_text():
    text = render_markdown(sample_report(hostile=True))
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert all(line.count("|") == text.splitlines()[13].count("|") for line in text.splitlines()[13:17])


# -- HTML -------------------------------------------------------------------------


def test_html_has_every_section_and_one_svg_per_chart():
    page = render_html(sample_report())
    parsed = _parse(page)
    assert parsed.h2 == SECTIONS_IT
    assert page.count("<svg") == 2
    assert parsed.tags.count("svg") == 2
    assert "@page { size: A4" in page
    assert 'lang="it"' in page


def test_html_is_self_contained():
    page = render_html(sample_report())
    parsed = _parse(page)
    assert {"script", "link", "img", "iframe", "object", "embed"}.isdisjoint(parsed.tags)
    assert "@import" not in page and "url(" not in page
    assert all(name not in ("src", "href") for name, _ in parsed.attributes)


def test_html_escape_covers_attributes_and_schemes():
    assert escape('" onmouseover="x') == "&quot; onmouseover=&quot;x"
    assert escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert escape("JavaScript:alert(1)") == "JavaScript&#58;alert(1)"
    assert escape("it's") == "it&#x27;s"


def test_html_hostile_text_is_inert():
    page = render_html(sample_report(hostile=True))
    parsed = _parse(page)
    assert "script" not in parsed.tags
    assert all(not name.startswith("on") for name, _ in parsed.attributes)
    assert "javascript:" not in page.lower()
    visible = "".join(parsed.text)
    # the hostile texts are shown to the reader as they are
    assert "<script>alert(1)</script>" in visible
    assert '" onmouseover="x' in visible
    assert "javascript:alert(1)" in visible


def test_html_in_english():
    parsed = _parse(render_html(sample_report(lang="en")))
    assert parsed.h2 == SECTIONS_EN
    assert "achieved" in "".join(parsed.text)


# -- JSON and CSV ---------------------------------------------------------------------


def test_json_key_order_and_values():
    data = json.loads(render_json(sample_report()))
    assert list(data)[:10] == [
        "schema_version",
        "plan",
        "region",
        "office",
        "year",
        "as_of",
        "lang",
        "generated_at",
        "previous_year",
        "activities_total",
    ]
    assert data["as_of"] == "2023-12-31"
    assert data["headline"][1] == {
        "id": "meetings",
        "title": "Incontri",
        "unit": "incontri",
        "basis": "cumulative",
        "target": 10,
        "actual": 6,
        "percent": 60.0,
        "status": "behind",
        "previous_target": 4,
        "previous_actual": 3,
        "previous_percent": 75.0,
        "previous_status": "at_risk",
        "reason": None,
        "next_steps": None,
        "measure": "count",
        "direction": "increase",
        "baseline": None,
        "baseline_year": None,
        "parent": None,
        "children": [],
        "numerator": None,
        "denominator": None,
        "level": None,
        "target_level": None,
        "baseline_level": None,
        "level_reason": None,
        "reading": None,
    }
    continuity = data["criteria"][0]
    assert continuity["table"]["rows"][0] == {
        "territory": "Assia",
        "group": "Regioni europee",
        "quarters": "T1, T2, T4",
        "quarter_count": 3,
        "years_active": "2022, 2023",
        "continuous": True,
    }
    assert data["criteria"][2]["table"]["rows"][1] == {
        "action_title": "Intesa con l'Assia",
        "deliverable_date": "2022-05-20",
        "date": "2023-06-01",
        "title": "-5",
        "territory": "",
        "activities": 1,
    }
    assert data["actions"][0]["deliverable_date"] == "2022-05-20"


def test_csv_headline_is_raw_and_neutralised():
    rows = list(csv.reader(io.StringIO(render_csv(sample_report(hostile=True), "rfc4180"))))
    assert rows[0] == [
        "id",
        "title",
        "unit",
        "basis",
        "target",
        "actual",
        "percent",
        "status",
        "previous_target",
        "previous_actual",
        "previous_percent",
        "previous_status",
        "reason",
        "next_steps",
    ]
    assert [row[1] for row in rows[1:]] == ["<script>alert(1)</script>", '" onmouseover="x', "javascript:alert(1)"]
    assert rows[1][4:8] == ["8", "10", "125.0", "achieved"]


@pytest.mark.parametrize("form, delimiter", [("rfc4180", ","), ("excel", ";")])
@pytest.mark.parametrize("text", HOSTILE)
def test_csv_neutralises_every_formula_start(text, form, delimiter):
    report = sample_report()
    row = report.headline[0]
    hostile = dataclasses.replace(report, headline=[dataclasses.replace(row, title=text)])
    rows = list(csv.reader(io.StringIO(render_csv(hostile, form).removeprefix("\ufeff"), newline=""), delimiter=delimiter))
    cell = rows[1][1]
    if text[0] in "=+-@\t\r" or text.startswith("{="):
        assert cell == "'" + text
    else:
        assert cell == text
    assert rows[1][4] == "8"


def test_csv_headline_for_italian_excel():
    text = render_csv(sample_report(), "excel")
    assert text.startswith("\ufeffId;Indicatore;Unità;Base;Target;Effettivo;%;Stato;Target 2022;")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";"))
    assert rows[1][3:8] == ["annuale", "8", "10", "125", "raggiunto"]


# -- XLSX ---------------------------------------------------------------------------


def _workbook(report):
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(render_report(report, "xlsx")))


def test_xlsx_sheets_header_numbers_and_status_colours():
    wb = _workbook(sample_report())
    assert wb.sheetnames == SHEETS_IT
    ws = wb["Sintesi"]
    header = [c.value for c in ws[1]]
    assert header == ["Indicatore", "Unità", "Target", "Effettivo", "%", "Stato", "Target 2022", "Effettivo 2022", "% 2022", "Motivazione"]
    assert ws["A1"].font.b is True
    assert ws["A1"].fill.fgColor.rgb == "001D4E89"
    assert ws.freeze_panes == "A2"
    assert ws["C4"].value == 2000 and ws["C4"].data_type == "n"
    assert ws["E4"].value == 0.865  # stored as shown (0.0%), never 0.8649999999999999
    assert ws["E4"].number_format == "0.0%"
    assert ws["F2"].value == "raggiunto"
    assert ws["F2"].fill.fgColor.rgb == "00D8F0DC"
    assert ws["F3"].value == "in ritardo"
    assert ws["F3"].fill.fgColor.rgb == "00FBDADA"
    assert ws.column_dimensions["A"].width >= len("Delegazioni ricevute")
    actions = wb["Azioni"]
    assert [c.value for c in actions[1]][:5] == ["Azione", "Territorio", "Tempistica", "Attività nell'anno", "Data deliverable"]
    assert actions["E2"].number_format == "dd/mm/yyyy"
    assert actions["G2"].value == "completata"
    assert actions["G2"].fill.fgColor.rgb == "00D8F0DC"
    cover = wb["Relazione"]
    assert (cover["A7"].value, cover["B7"].value, cover["B7"].number_format) == ("Dati al", dt.datetime(2023, 12, 31), "dd/mm/yyyy")
    assert (cover["A9"].value, cover["B9"].value[:21]) == ("Generato il", "15 gennaio 2024 alle ")


def test_xlsx_hostile_text_has_no_formula_and_numbers_stay_numbers():
    wb = _workbook(sample_report(hostile=True))
    formulas, leading, negatives = [], [], []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    formulas.append(cell.coordinate)
                if isinstance(cell.value, str) and cell.value[:1] in ("=", "+", "-", "@", "\t", "\r"):
                    leading.append(cell.value)
                if isinstance(cell.value, int) and cell.value < 0:
                    negatives.append(cell.value)
    assert formulas == []
    assert leading == []
    assert negatives == [-1]
    texts = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "'=HYPERLINK(\"http://evil.example\",\"x\")" in texts
    assert "'{=1+1}" in texts
    assert "'+1" in texts
    assert "'@SUM(A1)" in texts
    assert "'-5" in texts


def test_xlsx_in_english_names_sheets_in_english():
    wb = _workbook(sample_report(lang="en"))
    assert wb.sheetnames == [
        "Report", "Headline", "Results", "Territories and types", "Stakeholders", "Actions", "Criteria", "Attention", "Indicator sheets"
    ]
    assert wb["Headline"]["F2"].value == "achieved"


# -- determinism and the format registry -------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_exports_are_reproducible(fmt):
    first = render_report(sample_report(), fmt)
    assert render_report(sample_report(), fmt) == first
    later = render_report(sample_report(generated_at="2024-02-01T08:30:00Z"), fmt)
    if fmt in ("md", "html", "json", "table"):
        changed = [
            (a, b) for a, b in zip(first.decode().splitlines(), later.decode().splitlines()) if a != b
        ]
        # the generation time: in words in local time in the text formats, UTC and local in the JSON
        stamps = ("2024-01-15T10:00:00Z", "2024-02-01T08:30:00Z") if fmt == "json" else ("15 gennaio 2024 alle", "1 febbraio 2024 alle")
        assert changed and all(stamps[0] in a and stamps[1] in b for a, b in changed)


def test_terminal_text_has_no_colour_codes():
    text = render_terminal(sample_report())
    assert "\x1b[" not in text
    for title in SECTIONS_IT:
        assert title in text
    assert "raggiunto" in text


def test_registry_names_every_format():
    assert list(RENDERERS) == ["table", "md", "html", "xlsx", "pdf", "docx", "json", "csv"]
    with pytest.raises(UsageError, match="unknown report format 'odt'; choose one of: table, md, html, xlsx, pdf, docx, json, csv"):
        render_report(sample_report(), "odt")


def test_xlsx_needs_an_output_file():
    with pytest.raises(UsageError, match=r"--format xlsx writes a binary file; add --output PATH"):
        write_report(sample_report(), "xlsx", None)


def test_output_refuses_to_overwrite_without_force(tmp_path: Path):
    pytest.importorskip("relint_kpi.storage", reason="relint_kpi.storage (atomic writes) is not there yet")
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(UsageError, match="already exists; pass --force to overwrite it"):
        write_report(sample_report(), "md", target)
    assert target.read_text(encoding="utf-8") == "old"
    write_report(sample_report(), "md", target, force=True)
    assert target.read_text(encoding="utf-8").startswith("# Relazione annuale 2023\n")
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


# -- the HTML in a real browser -----------------------------------------------------------

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


def screenshot(html_path: Path, png_path: Path, profile: Path) -> bytes:
    """Render ``html_path`` in headless Chromium at A4-like size; return the PNG bytes."""
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--screenshot={png_path}",
            "--window-size=1240,1754",
            html_path.resolve().as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return png_path.read_bytes()


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium; .ci/run installs it)")
def test_html_renders_in_headless_chromium(tmp_path: Path):
    page = tmp_path / "report.html"
    page.write_text(render_html(sample_report(hostile=True)), encoding="utf-8")
    png = screenshot(page, tmp_path / "report.png", tmp_path / "profile")
    assert png_size(png) == (1240, 1754)
    assert distinct_colours(png) > 50


# -- properties: any text at all stays inert ------------------------------------------------

from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from relint_kpi.render.safe import FORMULA_STARTS, export_text, neutralise_cell  # noqa: E402

_TRICKY = st.text(alphabet=st.sampled_from(list("=+-@{}<>\"'&:;()|[]*_`\\\t\r\n\0 aJjSsvVtTpPcCrRiIxXdDAbB1")), max_size=30)
_ANY = st.one_of(st.text(max_size=40), _TRICKY)


@given(_ANY)
def test_escape_is_reversible_and_leaves_no_markup(text):
    # Reversible up to the control characters HTML cannot hold, which show escaped (\x1b).
    import html as html_module

    escaped = escape(text)
    assert not set("<>\"'") & set(escaped)
    assert "javascript:" not in escaped.lower().replace(" ", "")
    assert html_module.unescape(escaped) == export_text(text)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]", escaped)


@given(_ANY)
def test_neutralise_cell_never_leaves_a_formula_start(text):
    safe = neutralise_cell(text)
    assert not safe.startswith(FORMULA_STARTS)
    assert safe in (text, "'" + text)


@settings(max_examples=25, deadline=None)
@given(st.lists(_ANY, min_size=3, max_size=3))
@example(["", "", "\x08="])  # a control character the XLSX writer drops, hiding a formula start
def test_xlsx_of_any_titles_has_no_formula(titles):
    from openpyxl import load_workbook

    report = sample_report()
    rows = [dataclasses.replace(row, title=title) for row, title in zip(report.headline, titles)]
    wb = load_workbook(io.BytesIO(render_report(dataclasses.replace(report, headline=rows), "xlsx")))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f"
                assert not (isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")))


# -- a reader's report: bars past the target, legend, notes, the indicator sheets ----------------


def _with_percents(report, *percents):
    rows = [dataclasses.replace(row, percent=p) for row, p in zip(report.headline, percents)]
    return dataclasses.replace(report, headline=rows)


def _rect_widths(svg: str, colour: str) -> list[float]:
    import re

    return [float(w) for w in re.findall(r'<rect x="10" y="[0-9.]+" width="([0-9.]+)" height="12" rx="2" fill="' + colour, svg)]


def test_bars_past_100_percent_continue_beyond_the_target_mark():
    from relint_kpi.render.report_html import chart_scale, indicator_chart

    report = _with_percents(sample_report(), 106.7, 60.0, 150.0)
    assert chart_scale(report) == 150.0
    svg = indicator_chart(report)
    # a track of 470 px reaching 150 %: the target mark at 100 % is at 10 + 313.3
    assert 'x1="323.3"' in svg
    assert _rect_widths(svg, "#2e7d32") == [334.3]  # 106.7 %: past the mark
    assert _rect_widths(svg, "#ef8f00") == [470.0]  # 150 %: the whole track


def test_bars_stop_at_200_percent_with_a_break_mark_and_the_legend_says_so():
    from relint_kpi.render.report_html import chart_scale, indicator_chart

    report = _with_percents(sample_report(), 450.0, 60.0, 86.5)
    assert chart_scale(report) == 200.0
    svg = indicator_chart(report)
    assert _rect_widths(svg, "#2e7d32") == [470.0]
    assert 'stroke="#ffffff"' in svg  # the break mark on the cut bar
    assert "Oltre il 200%: barra troncata" in svg
    assert "2023: 10 / 8 (450,0%)" in svg  # the label gives the real figure


def test_the_chart_has_a_legend_with_statuses_target_and_previous_year():
    from relint_kpi.render.report_html import indicator_chart

    svg = indicator_chart(sample_report())
    for text in ("raggiunto", "in ritardo", "a rischio", "Target (100%)", "Anno 2022 (barra grigia)"):
        assert f">{text}</text>" in svg
    assert "Oltre il" not in svg
    mid = dataclasses.replace(sample_report(), closed=False, previous_as_of=dt.date(2022, 6, 30))
    assert ">2022 al 30/06/2022 (barra grigia)</text>" in indicator_chart(mid)


def test_html_puts_the_note_on_a_line_under_its_row():
    page = render_html(sample_report())
    assert "<th>Motivazione</th>" not in page
    assert (
        '<tr class="reason"><td colspan="9"><b>Motivazione:</b> Sito fermo ad agosto. Interventi previsti: Nuova pagina.</td></tr>'
        in page
    )
    hostile = render_html(sample_report(hostile=True))
    assert "<tr class=\"reason\"><td colspan=\"9\"><b>Motivazione:</b> =HYPERLINK(&quot;http&#58;" not in hostile
    assert "<script>" not in hostile


def test_html_footer_says_when_in_words():
    page = render_html(sample_report())
    assert "<footer>Piano di prova · Documento generato il 15 gennaio 2024 alle " in page
    assert "2024-01-15T10:00:00Z" not in page


def test_narrow_terminal_lists_the_notes_under_the_table():
    narrow = render_terminal(sample_report(), width=80)
    assert "Motivazione" not in narrow.split("Motivazioni")[0]
    assert "• Visualizzazioni: Sito fermo ad agosto. Interventi previsti: Nuova pagina." in narrow
    wide = render_terminal(sample_report(), width=200)
    assert "Motivazione" in wide and "• Visualizzazioni:" not in wide


def test_the_indicator_sheet_is_in_every_format():
    report = sample_report()
    expected = "Somma delle visualizzazioni di pagina (colonna «value») delle righe di tipo «Visualizzazioni pagina web»"
    assert expected in render_markdown(report)
    assert expected in render_html(report)
    terminal = render_terminal(report, width=200)
    assert "Allegato: schede indicatore" in terminal and "Metodo di calcolo" in terminal
    assert "Somma delle visualizzazioni di pagina" in terminal
    data = json.loads(render_json(report))
    sheet = data["indicator_sheets"][0]
    assert (sheet["id"], sheet["source"], sheet["years"][1]["status"]) == ("views", "metric", "at_risk")
    rows = {row["label"]: row["text"] for row in sheet["rows"]}
    assert rows["Valore osservato 2023"] == "1.730 al 31/12/2023 (86,5% del target; a rischio)"
    assert rows["Motivazione 2023"] == "Sito fermo ad agosto." and rows["Interventi previsti"] == "Nuova pagina."
    ws = _workbook(report)["Schede indicatore"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0][0] == "Visualizzazioni" and values[1][:2] == ["Voce", "Contenuto"]
    assert ["Fonte dei dati", values[5][1]] == values[5][:2] and values[5][1].startswith("Statistiche del sito")


def test_the_count_notes_say_why_other_territories_differ():
    md = render_markdown(sample_report())
    assert (
        "«Altri territori» conta 3 attività in questa tabella e 3 nella tabella per territorio prioritario: "
        "2 attività si sono svolte in paesi dei gruppi che non sono territori prioritari" in md
    )
    assert "«Altri territori» conta 3 attività in questa tabella e 3 nella tabella per gruppo: 2 attività" in md


# -- chart text: widths estimated from DejaVu Sans, labels that never overlap ------------


def test_text_width_is_dejavu_sans_advance_widths():
    from relint_kpi.render.report_html import text_width

    # DejaVu Sans 2.37 at 10 px: "M" 8.63, "o" 6.12, "s" 5.21, "t" 3.92; 'à' is read as 'a'
    assert text_width("Most", 10) == pytest.approx(8.63 + 6.12 + 5.21 + 3.92)
    assert text_width("Most advanced", 10) == pytest.approx(75.93)
    assert text_width("à", 10) == text_width("a", 10) == pytest.approx(6.13)
    assert text_width("中", 10) == 10.0  # outside DejaVu's Latin: as wide as an em
    assert text_width("", 10) == 0.0


def test_fit_cuts_only_what_is_too_wide_and_ends_with_an_ellipsis():
    from relint_kpi.render.report_html import fit, text_width

    assert fit("Africa", 40, 10) == "Africa"
    cut = fit("Mediterranean,", 60, 10)
    assert cut == "Mediterra…"
    assert text_width(cut, 10) <= 60 < text_width("Mediterran…", 10)


def test_wrap_breaks_between_words_and_ends_leftovers_with_an_ellipsis():
    from relint_kpi.render.report_html import wrap

    label = "Most advanced and innovative European regions"
    assert wrap(label, 78, 10, 4) == ["Most advanced", "and innovative", "European", "regions"]
    assert wrap(label, 78, 10, 3) == ["Most advanced", "and innovative", "European …"]
    assert wrap("Mediterranean, Balkans and North Africa", 40, 10, 4) == ["Medit…", "Balkans", "and", "North…"]


@pytest.mark.parametrize("lang", ["it", "en"])
@pytest.mark.parametrize("groups", [3, 8, 14])
def test_group_chart_labels_never_reach_a_neighbours(lang, groups):
    from relint_kpi.render.report_html import GROUP_LABEL_SIZE, group_chart, text_width

    names = ["Most advanced and innovative European regions", "Mediterranean, Balkans and North Africa", "North America"]
    rows = [dataclasses.replace(sample_report().by_group[0], key=f"g{i}", label=names[i % 3]) for i in range(groups)]
    svg = group_chart(dataclasses.replace(sample_report(lang=lang), by_group=rows))
    labels = re.findall(rf'<text x="([0-9.]+)" y="([0-9]+)" font-size="{GROUP_LABEL_SIZE}" text-anchor="middle" fill="#1f2933">([^<]+)</text>', svg)
    centres = sorted({float(x) for x, _, _ in labels})
    assert len(centres) == groups
    slot = centres[1] - centres[0]
    assert all(text_width(html.unescape(text), GROUP_LABEL_SIZE) <= slot - 2 for _, _, text in labels)
    assert max(int(y) for _, y, _ in labels) <= 246  # inside the chart's height
