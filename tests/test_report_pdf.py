"""``relint report --format pdf``: a PDF/A-3a file on A4, read back with pypdf.

The shipped plan and data (``data/``) give a report of several pages, so the
page furniture (running header, "pagina N di M", table headers repeated on
the next page, short tables kept whole) is checked on a real layout; the
small data set of ``test_cli_report`` checks the command end to end. That two renders are
byte-identical is checked for every format in ``test_render_report``.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pngcheck import distinct_colours
from test_cli_report import invoke, workspace  # noqa: F401 (a fixture)

pypdf = pytest.importorskip("pypdf")

REPO = Path(__file__).resolve().parent.parent
PLAN = REPO / "data" / "plan_2022_2023.yaml"
PDFTOPPM = shutil.which("pdftoppm")
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"


def _shipped_report(lang: str):
    from relint_kpi.report import build_report
    from relint_kpi.workspace import load_all, locate

    plan, log = load_all(locate(str(PLAN), str(REPO / "data")))
    return build_report(plan, log, year=2023, lang=lang)


@pytest.fixture(scope="module")
def shipped_it() -> tuple[object, bytes]:
    """The shipped data's 2023 report in Italian, and its PDF."""
    from relint_kpi.render.report_pdf import render_pdf

    report = _shipped_report("it")
    return report, render_pdf(report)


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def test_pdf_is_pdfa_3a_in_the_xmp_metadata(shipped_it):
    report, data = shipped_it
    reader = pypdf.PdfReader(io.BytesIO(data))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    ids = [d for d in ET.fromstring(xmp.split(b"?>", 1)[1].rsplit(b"<?xpacket", 1)[0]).iter(f"{RDF}Description")
           if f"{PDFAID}part" in d.attrib]
    assert [(d.attrib[f"{PDFAID}part"], d.attrib[f"{PDFAID}conformance"]) for d in ids] == [("3", "A")]
    assert data.startswith(b"%PDF-1.7")
    assert reader.metadata.title == f"Relazione annuale 2023 — {report.plan}"
    assert reader.metadata.author == report.office
    assert "/OutputIntents" in reader.trailer["/Root"]
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged: headings and tables for a screen reader


def test_pdf_pages_are_a4_fonts_embedded_and_charts_vectors(shipped_it):
    _, data = shipped_it
    reader = pypdf.PdfReader(io.BytesIO(data))
    fonts, images = set(), 0
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) == (595.3, 841.9)
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]).split("+", 1)[1])
        for xobject in resources.get("/XObject", {}).values():
            images += xobject.get_object().get("/Subtype") == "/Image"
    assert fonts == {"DejaVu-Sans", "DejaVu-Sans-Bold"}
    assert images == 0  # the two charts are drawn as paths, not pictures


def test_pdf_text_has_the_headline_figures_page_numbers_and_running_header(shipped_it):
    report, data = shipped_it
    pages = _pages(data)
    total = len(pages)
    assert 6 <= total <= 20
    text = "\n".join(pages)
    assert "Relazione annuale 2023" in pages[0]
    for row in report.headline:
        assert row.title.split()[0] in text
    # "Incontri diplomatici realizzati": 16 of 15, 106,7 %, in Italian numbers
    assert "106,7%" in text and "raggiunto" in text
    for number, page in enumerate(pages, start=1):
        assert f"pagina {number} di {total}" in page
        if number > 1:  # the running header: the plan and the report's title, from page 2 on
            assert report.plan in page and "Relazione annuale 2023" in page
    assert report.plan not in pages[0].split("Relazione annuale 2023")[0]


def test_pdf_keeps_short_tables_whole_and_repeats_long_tables_headers(shipped_it):
    report, data = shipped_it
    pages = _pages(data)
    first, last = report.headline[0].title, report.headline[-1].title.split()[0]
    annex = next(n for n, page in enumerate(pages) if "Allegato: schede indicatore" in page)
    holding = [n for n, page in enumerate(pages[:annex]) if "Target 2022" in page]
    assert len(holding) == 1 and last in pages[holding[0]].split("Target 2022", 1)[1]
    assert first.split()[0] in pages[holding[0]]
    # the spillover table (3 rows) is not split either, though it comes at the end of a full page
    spillover = next(c for c in report.criteria if c.measure == "spillover").rows
    assert 2 <= len(spillover) <= 10
    dates = {row["date"].strftime("%d/%m/%Y") for row in spillover}  # the follow-up activities' dates
    holding = [n for n, page in enumerate(pages[:annex]) if all(d in page for d in dates)]
    assert len(holding) == 1 and not any(d in pages[holding[0] - 1] for d in dates)
    # the systemic actions take several pages; each one starts with the table's header
    action_pages = [page for page in pages if "Tempistica" in page]
    assert len(action_pages) >= 2
    assert all("Azione" in page.split("Tempistica")[0] for page in action_pages)


@pytest.mark.skipif(PDFTOPPM is None, reason="pdftoppm is not installed (apt-get install poppler-utils; .ci/run installs it)")
def test_pdf_pages_render_and_are_not_blank(shipped_it, tmp_path):
    _, data = shipped_it
    (tmp_path / "report.pdf").write_bytes(data)
    subprocess.run([PDFTOPPM, "-r", "20", "-png", str(tmp_path / "report.pdf"), str(tmp_path / "page")], check=True, timeout=120)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == len(_pages(data))
    for image in images:
        assert distinct_colours(image.read_bytes(), step=3) > 20, image.name


def test_cli_pdf_in_english(workspace, tmp_path):  # noqa: F811 (the fixture)
    target = tmp_path / "report.pdf"
    result = invoke([*workspace, "report", "--year", "2023", "--format", "pdf", "--output", str(target), "--lang", "en"])
    assert result.exit_code == 0, result.output
    pages = _pages(target.read_bytes())
    text = "\n".join(pages)
    assert "Year-end report 2023" in text and "Indicator headline" in text
    assert f"page 1 of {len(pages)}" in pages[0]
    assert "pagina" not in text


@pytest.mark.usefixtures("english_cli")
def test_cli_pdf_needs_output(workspace):  # noqa: F811 (the fixture)
    result = invoke([*workspace, "report", "--year", "2023", "--format", "pdf"])
    assert result.exit_code == 2
    assert "--format pdf writes a binary file; add --output PATH (e.g. --output report.pdf)" in result.stderr


def test_render_leaves_the_cycle_collector_and_the_library_search_as_they_were(shipped_it):
    # The render pauses the one and skips the other while WeasyPrint loads; neither may leak out.
    import ctypes.util
    import gc

    assert gc.isenabled()
    assert ctypes.util.find_library.__module__ == "ctypes.util"
