"""``relint report --format docx``: an editable Word document, read back with python-docx
and converted once by LibreOffice (skipped only where LibreOffice is absent)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from test_cli_report import invoke, workspace  # noqa: F401 (a fixture)
from test_report_pdf import _shipped_report

docx = pytest.importorskip("docx")

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def soffice_to_pdf(source: Path, folder: Path) -> tuple[subprocess.CompletedProcess, Path]:
    """Convert ``source`` to PDF with LibreOffice headless, with a profile of its own in ``folder``."""
    run = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), str(source)],
        capture_output=True, text=True, timeout=240,
    )
    return run, folder / (source.stem + ".pdf")


@pytest.fixture(scope="module")
def shipped_docx() -> tuple[object, bytes]:
    """The shipped data's 2023 report in Italian, and its Word document."""
    from relint_kpi.render.report_docx import render_docx

    report = _shipped_report("it")
    return report, render_docx(report)


def test_docx_headings_are_word_heading_styles(shipped_docx):
    from relint_kpi.render.report_layout import sections

    report, data = shipped_docx
    document = docx.Document(io.BytesIO(data))
    styled = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Title", "Heading"))]
    assert styled[0] == ("Title", "Relazione annuale 2023")
    assert [text for style, text in styled if style == "Heading 1"] == [s.title for s in sections(report)]
    titled = [b.title for s in sections(report) for b in s.blocks if b.title]
    assert [text for style, text in styled if style == "Heading 2"] == titled
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets == [item for s in sections(report) for item in s.items] and len(bullets) >= 3


def test_docx_tables_are_real_tables_with_repeated_headers(shipped_docx):
    from relint_kpi.render.report_layout import sections

    report, data = shipped_docx
    document = docx.Document(io.BytesIO(data))
    blocks = [b for s in sections(report) for b in s.blocks if b.rows]
    tables = document.tables[1:]  # the first is the cover's label/value pairs
    assert len(tables) == len(blocks)
    headline = tables[0]
    # the office's reasons are a full-width row under their indicator, not a column
    assert [c.text for c in headline.rows[0].cells] == [c.label for c in blocks[0].columns if c.key != "reason"]
    reasons = [row for row in blocks[0].rows if row[-1]] if blocks[0].columns[-1].key == "reason" else []
    assert len(headline.rows) == 1 + len(report.headline) + len(reasons)
    meetings = next(r for r in headline.rows if r.cells[0].text == "↳ Incontri diplomatici realizzati")
    assert [c.text for c in meetings.cells[2:6]] == ["15", "16", "106,7%", "raggiunto"]
    for table in tables:
        header = table.rows[0]._tr.trPr
        assert header.find(f"{W}tblHeader") is not None  # Word repeats it on every page
        assert all(row._tr.trPr.find(f"{W}cantSplit") is not None for row in table.rows)
        assert sum(c.width for c in table.columns) <= docx.shared.Cm(17.01)
    actions = tables[[b.columns[0].key for b in blocks].index("action")]
    assert actions.rows[0].cells[0].text == "Azione"
    assert actions.rows[1].cells[0].text == report.actions[0].title


def test_docx_charts_are_pictures_with_alternative_text(shipped_docx):
    _, data = shipped_docx
    document = docx.Document(io.BytesIO(data))
    shapes = list(document.inline_shapes)
    assert [s._inline.docPr.get("descr") for s in shapes] == ["Effettivo rispetto al target", "Attività per gruppo di territori"]
    for shape in shapes:
        blob = document.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
        assert blob.startswith(b"\x89PNG")
        assert shape.width == docx.shared.Cm(17)


def test_docx_page_is_a4_with_header_and_page_fields(shipped_docx):
    report, data = shipped_docx
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert section.header.paragraphs[0].text == f"{report.plan} — Relazione annuale 2023"
    footer = section.footer.paragraphs[0]._p
    assert [f.get(f"{W}instr") for f in footer.iter(f"{W}fldSimple")] == ["PAGE", "NUMPAGES"]
    assert section.footer.paragraphs[0].text.startswith("pagina ")
    assert document.core_properties.title == f"Relazione annuale 2023 — {report.plan}"
    assert document.core_properties.author == report.office


def test_cli_docx_in_english(workspace, tmp_path):  # noqa: F811 (the fixture)
    target = tmp_path / "report.docx"
    result = invoke([*workspace, "report", "--year", "2023", "--format", "docx", "--output", str(target), "--lang", "en"])
    assert result.exit_code == 0, result.output
    document = docx.Document(str(target))
    assert document.paragraphs[0].text == "Year-end report 2023"
    assert "page " in document.sections[0].footer.paragraphs[0].text


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui; .ci/run installs it)")
def test_docx_converts_with_libreoffice(shipped_docx, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    report, data = shipped_docx
    source = tmp_path / "report.docx"
    source.write_bytes(data)
    run, pdf = soffice_to_pdf(source, tmp_path)
    assert run.returncode == 0 and "Error" not in run.stderr, run.stderr
    pages = [page.extract_text() for page in pypdf.PdfReader(pdf).pages]
    assert 4 <= len(pages) <= 16
    assert "Relazione annuale 2023" in pages[0]
    assert f"pagina 1 di {len(pages)}" in pages[0]
    assert "106,7%" in "\n".join(pages)
