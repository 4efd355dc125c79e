"""The year-end report as a PDF/A file for the archive, printed by WeasyPrint.

The PDF is the HTML report (:func:`~relint_kpi.render.report_html.render_html`)
laid out on A4 pages by WeasyPrint: no browser, the same sections and
tables, so anything added to the report layout shows in the PDF as well.
The HTML's print rules give the running header, the page numbers in the
report's language, the table headers repeated on each page and the rows
kept whole; this module adds only what a PDF needs on top:

- one font, DejaVu Sans (Debian's ``fonts-dejavu-core``), embedded as a
  subset, so the file looks the same on every machine;
- PDF/A-3a: an sRGB output intent, the XMP identification
  (``pdfaid:part`` 3, ``pdfaid:conformance`` A) and a tagged structure
  (headings, tables with their header cells, lists), so a screen reader
  can follow it. WeasyPrint writes one variant per file; PDF/UA-1 is a
  variant of its own there and is not claimed here;
- title, author (the office), language and dates in the metadata, the dates
  being the report's generation time, so two exports of the same report are
  byte-identical.

The charts stay SVG, drawn by WeasyPrint as vector paths.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from relint_kpi.render.report_html import render_html
from relint_kpi.render.report_layout import title
from relint_kpi.report import Report

#: PDF/A-3a: PDF/A-3 with a tagged, Unicode text layer (level A).
PDF_VARIANT = "pdf/a-3a"

#: The one font of the PDF; the HTML page's stack keeps the reader's own fonts.
#: (``!important``: this sheet comes after the page's own, which names the font on ``html`` too.)
PDF_CSS = """
html, svg text { font-family: "DejaVu Sans", sans-serif !important; }
"""


@contextmanager
def _no_library_search() -> Iterator[None]:
    """While WeasyPrint loads, let a C library name that does not open stay unfound.

    WeasyPrint opens each library by trying one name per platform, and cffi
    hands every name that does not open to ``ctypes.util.find_library``,
    which on Linux runs ldconfig, gcc and ld for each: some twenty child
    processes, about half a second of a PDF export. The list holds the
    library's own file name as well (``libpango-1.0.so.0``), which opens
    without a search, so the search adds nothing but the wait. Outside Linux
    the search is cheap and stays as it is.
    """
    if not sys.platform.startswith("linux"):
        yield
        return
    # Imported here: only a PDF export on Linux needs it.
    import ctypes.util

    search = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        yield
    finally:
        ctypes.util.find_library = search


def _load_weasyprint():
    """The ``weasyprint`` module, loaded with :func:`_no_library_search`.

    Should a library open only through the search (an install whose file
    names are not among WeasyPrint's), the import is tried once more with it.
    """
    try:
        with _no_library_search():
            # Imported here: WeasyPrint loads Pango and takes about 0.3 s, paid only by a PDF export.
            import weasyprint
    except OSError:
        # The same import, now with the library search it skipped.
        import weasyprint
    return weasyprint


def render_pdf(report: Report) -> bytes:
    """Render the report as the bytes of a PDF/A-3a file (A4, fonts embedded)."""
    # Imported here: WeasyPrint loads Pango and takes about 0.3 s, paid only by a PDF export.
    weasyprint = _load_weasyprint()

    document = weasyprint.HTML(string=render_html(report)).render(stylesheets=[weasyprint.CSS(string=PDF_CSS)])
    metadata = document.metadata
    metadata.title = f"{title(report)} — {report.plan}"
    metadata.authors = [report.office] if report.office else []
    metadata.description = report.region or None
    metadata.generator = "relint"
    metadata.created = metadata.modified = report.generated_at
    metadata.lang = report.lang
    return document.write_pdf(pdf_variant=PDF_VARIANT)
