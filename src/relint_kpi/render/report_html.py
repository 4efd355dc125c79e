"""The year-end report as one self-contained HTML page.

Everything is inline: CSS in a ``<style>`` element, charts as inline SVG.
There are no scripts, fonts, images or links to fetch, so the file opens
offline, travels by e-mail and prints on A4: the ``@page`` rules give a
running header (plan and report title), "pagina 3 di 9" page numbers, table
headers repeated on each page, no row split across pages and no row left
alone on a page. The PDF (:mod:`relint_kpi.render.report_pdf`) is this page
printed by WeasyPrint, so whatever the page shows the PDF shows too.

Every text from the plan or the data goes through :func:`escape`, which
escapes ``& < > " '`` (safe in element content and in quoted attributes)
and breaks the ``javascript:`` / ``vbscript:`` / ``data:`` schemes so no
text can ever become a live link.
"""

from __future__ import annotations

import html
import itertools
import math
import re
import unicodedata

from relint_kpi.i18n import t
from relint_kpi.render.formatting import format_number
from relint_kpi.render.formatting import short_date
from relint_kpi.render.safe import export_text
from relint_kpi.render.report_layout import (
    NUMERIC_KINDS,
    STATUS_COLOURS,
    Block,
    cell_text,
    cover,
    footer,
    page_of,
    row_label,
    sections,
    status_key,
    title,
)
from relint_kpi.report import Report

#: Bar colours of the charts, by indicator status.
BAR_COLOURS = {
    "achieved": "#2e7d32",
    "on_track": "#1565c0",
    "at_risk": "#ef8f00",
    "behind": "#c62828",
    "not_achieved": "#c62828",
}
#: The grey of the previous year's bar.
PREVIOUS_COLOUR = "#9aa5b1"
#: Bars stop here (percent of target); a longer one is drawn cut, its label gives the figure.
BAR_CAP = 200.0

_SCHEME = re.compile(r"(java\s*script|vb\s*script|data)(\s*):", re.IGNORECASE)

#: The font size of the group chart's labels: at 10 px "Most advanced" fits in the slot of one of eight groups.
GROUP_LABEL_SIZE = 10

#: Tables with at most this many rows are kept on one page when printed.
SHORT_TABLE = 10

CSS = """
* { box-sizing: border-box; }
html { font-family: "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 10.5pt;
       color: #1f2933; line-height: 1.35; }
body { margin: 0 auto; max-width: 186mm; padding: 8mm 0; }
header { border-bottom: 3px solid #1d4e89; margin-bottom: 6mm; padding-bottom: 3mm; }
h1 { font-size: 20pt; margin: 0 0 2mm; color: #1d4e89; }
h2 { font-size: 14pt; color: #1d4e89; border-bottom: 1px solid #c9d6e3; padding-bottom: 1mm;
     margin: 8mm 0 3mm; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 2mm; break-after: avoid; page-break-after: avoid; }
h3 + p.note { break-after: avoid; page-break-after: avoid; }
dl.cover { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0; }
dl.cover dt { font-weight: bold; color: #52606d; }
dl.cover dd { margin: 0; }
p.note { margin: 0 0 2mm; color: #52606d; }
table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; font-size: 9pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
div.short { break-inside: avoid; page-break-inside: avoid; }
tbody tr:nth-child(2), tbody tr:last-child, tbody tr:nth-last-child(2), tr.reason { break-before: avoid; page-break-before: avoid; }
th { background: #1d4e89; color: #fff; text-align: left; padding: 1.2mm 1.5mm; font-weight: bold; }
td { border-bottom: 1px solid #dde3ea; padding: 1mm 1.5mm; vertical-align: top; }
tbody tr:nth-child(even) { background: #f6f8fa; }
td.num { text-align: right; white-space: nowrap; }
th.num { text-align: right; }
td.status { font-weight: bold; white-space: nowrap; }
td small { display: block; color: #7b8794; font-size: 7.5pt; word-break: break-all; }
td.col-deliverable_date, td.col-date { white-space: nowrap; }
tr.reason td { background: #fffdf3; color: #3e4c59; font-size: 8.5pt; border-bottom: 1px solid #dde3ea; padding: 0.6mm 1.5mm 1.2mm 5mm; }
tr.reason td b { color: #52606d; }
figure { margin: 2mm 0 4mm; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 1mm; }
svg { display: block; max-width: 100%; height: auto; }
ul.attention li { margin-bottom: 1mm; }
footer { margin-top: 8mm; color: #7b8794; font-size: 8.5pt; }
section#annex table { table-layout: fixed; }
section#annex th:first-child, section#annex td:first-child { width: 34mm; }
section#annex td:first-child { font-weight: bold; color: #52606d; }
@media print { body { padding: 0; max-width: none; } h2 { break-before: auto; } section#annex { break-before: page; } }
"""

#: The page box: A4, a running header from the second page on, page numbers.
#: ``{header}``, ``{title}`` and ``{numbers}`` are CSS values made by :func:`page_css`.
PAGE_CSS = """
@page { size: A4; margin: 16mm 12mm 15mm;
  @top-left { content: {header}; font-size: 7.5pt; color: #52606d; vertical-align: bottom; padding-bottom: 2mm; }
  @top-right { content: {title}; font-size: 7.5pt; color: #52606d; vertical-align: bottom; padding-bottom: 2mm; }
  @bottom-right { content: {numbers}; font-size: 8pt; color: #52606d; }
}
@page :first { @top-left { content: none; } @top-right { content: none; } }
"""


def escape(text) -> str:
    """Escape any value for HTML text or a quoted attribute.

    Besides ``html.escape(…, quote=True)``, the colon after a script or data
    scheme becomes ``&#58;``: it reads the same but can never be a URL; and
    control characters, which HTML cannot hold, are shown escaped (``\\x1b``).
    """
    escaped = html.escape(export_text(text), quote=True)
    return _SCHEME.sub(lambda m: m.group(1) + m.group(2) + "&#58;", escaped)


def css_string(text) -> str:
    """``text`` as a double-quoted CSS string that can close neither the string nor the ``<style>``.

    Every character but letters, digits, space and harmless punctuation
    becomes a CSS hex escape (``\\3c `` for ``<``).
    """
    safe = (ch if ch.isalnum() or ch in " .,;:-_()/'%·—–" else f"\\{ord(ch):x} " for ch in str(text))
    return '"' + "".join(safe) + '"'


def page_css(report: Report) -> str:
    """The ``@page`` rules of the report: the plan and title on top, "pagina 3 di 9" below."""
    numbers = [f"counter({piece[1:-1]})" if piece in ("{page}", "{pages}") else css_string(piece) for piece in page_of(report.lang)]
    return (
        PAGE_CSS.replace("{header}", css_string(report.plan))
        .replace("{title}", css_string(title(report)))
        .replace("{numbers}", " ".join(numbers))
    )


def _block(block: Block, lang: str) -> list[str]:
    out = []
    if block.title:
        out.append(f"<h3>{escape(block.title)}</h3>")
    if block.note:
        out.append(f'<p class="note">{escape(block.note)}</p>')
    if not block.rows:
        out.append(f'<p class="note">{escape(t("report.empty", lang))}</p>')
        return out
    # the office's note goes on a full-width line under its row rather than in a narrow column
    shown = [c for c in block.columns if c.key != "reason"]
    reason_at = next((i for i, c in enumerate(block.columns) if c.key == "reason"), None)
    head = "".join(
        f'<th class="num">{escape(c.label)}</th>' if c.kind in NUMERIC_KINDS else f"<th>{escape(c.label)}</th>" for c in shown
    )
    # a short table is kept on one page; its box is a div, which printers keep whole more reliably than a table
    short = len(block.rows) <= SHORT_TABLE
    out.append(('<div class="short">' if short else "") + f"<table><thead><tr>{head}</tr></thead><tbody>")
    for row in block.rows:
        cells = []
        for value, column in zip(row, block.columns):
            if column.key == "reason":
                continue
            text = escape(cell_text(value, column.kind, lang))
            key = status_key(value, column.kind)
            if key in STATUS_COLOURS:
                background, colour = STATUS_COLOURS[key]
                cells.append(f'<td class="status" style="background:{background};color:{colour}">{text}</td>')
            elif column.kind in NUMERIC_KINDS:
                cells.append(f'<td class="num">{text}</td>')
            else:
                cells.append(f'<td class="col-{escape(column.key)}">{text}</td>')
        out.append("<tr>" + "".join(cells) + "</tr>")
        if reason_at is not None and row[reason_at]:
            label = escape(block.columns[reason_at].label)
            out.append(f'<tr class="reason"><td colspan="{len(shown)}"><b>{label}:</b> {escape(row[reason_at])}</td></tr>')
    out.append("</tbody></table>" + ("</div>" if short else ""))
    return out


def chart_scale(report: Report) -> float:
    """The percentage at the right end of the bars: 100, or the largest figure rounded up to 50, at most :data:`BAR_CAP`."""
    figures = [row.percent or 0.0 for row in report.headline] + [row.previous_percent or 0.0 for row in report.headline]
    peak = max(figures, default=0.0)
    if peak <= 100:
        return 100.0
    return min(BAR_CAP, math.ceil(peak / 50) * 50)


def indicator_chart(report: Report) -> str:
    """Inline SVG: one progress bar per indicator, actual as a share of target, with a legend.

    The target is a vertical mark; a bar past it goes on beyond the mark (the
    scale reaches the largest figure, up to :data:`BAR_CAP` %), and a bar
    past the cap is drawn cut with a break mark, its label giving the real
    figure. When the report has a previous plan year, a thin grey bar under
    each shows that year's result at the same date (the legend says which).
    """
    lang = report.lang
    trend = report.previous_year is not None
    scale = chart_scale(report)
    width, left, bar_width = 680, 10, 470
    target_x = left + bar_width * 100 / scale
    row_height = 48 if trend else 34
    legend, legend_height = _legend(report, left, width)
    height = legend_height + 10 + row_height * len(report.headline)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="{escape(t("report.chart.indicators", lang))}">'
    ]
    parts += legend
    for index, row in enumerate(report.headline):
        y = legend_height + 6 + index * row_height
        parts.append(f'<text x="{left}" y="{y + 10}" font-size="11" fill="#1f2933">{escape(fit(row.title, width - 2 * left, 11))}</text>')
        if row.measure == "qualitative":
            # A level is no quantity: the bar shows the scale steps reached out of the target's.
            reached = row.actual / row.target * 100 if row.actual is not None and row.target else 0.0
            parts += _bar(left, y + 15, bar_width, 12, reached, scale, BAR_COLOURS.get(row.status, "#607d8b"))
            label = f"{report.year}: {row.level or '—'} / {row.target_level or '—'}"
        else:
            parts += _bar(left, y + 15, bar_width, 12, row.percent or 0.0, scale, BAR_COLOURS.get(row.status, "#607d8b"))
            label = f"{report.year}: {_figure(row.actual, row.target, row.percent, lang)}"
        parts.append(f'<text x="{left + bar_width + 8}" y="{y + 25}" font-size="10.5" fill="#1f2933">{escape(label)}</text>')
        if trend and row.previous_target is not None:
            parts += _bar(left, y + 31, bar_width, 6, row.previous_percent or 0.0, scale, PREVIOUS_COLOUR)
            label = f"{report.previous_year}: {_figure(row.previous_actual, row.previous_target, row.previous_percent, lang)}"
            parts.append(f'<text x="{left + bar_width + 8}" y="{y + 38}" font-size="9.5" fill="#52606d">{escape(label)}</text>')
        parts.append(
            f'<line x1="{target_x:.1f}" y1="{y + 12}" x2="{target_x:.1f}" y2="{y + (40 if trend else 30)}" '
            'stroke="#1f2933" stroke-width="1.5"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _legend(report: Report, left: int, width: int) -> tuple[list[str], int]:
    """The chart's key: a swatch per status shown, the target mark, the grey bar, the cap; and its height."""
    lang = report.lang
    entries: list[tuple[str, str]] = []
    for status in dict.fromkeys(row.status for row in report.headline):
        entries.append(("swatch:" + BAR_COLOURS.get(status, "#607d8b"), t(f"status.{status}", lang)))
    entries.append(("mark", t("report.chart.legend.target", lang)))
    if report.previous_year is not None:
        if report.closed or report.previous_as_of is None:
            text = t("report.chart.legend.previous", lang).format(year=report.previous_year)
        else:
            text = t("report.chart.legend.previous_at", lang).format(year=report.previous_year, date=short_date(report.previous_as_of))
        entries.append(("swatch:" + PREVIOUS_COLOUR, text))
    if any(max(row.percent or 0.0, row.previous_percent or 0.0) > BAR_CAP for row in report.headline):
        entries.append(("cut", t("report.chart.legend.capped", lang).format(cap=format_number(BAR_CAP, lang))))
    parts, x, y = [], left, 4
    for symbol, text in entries:
        advance = 22 + math.ceil(text_width(text, 10))
        if x + advance > width and x > left:
            x, y = left, y + 16
        if symbol == "mark":
            parts.append(f'<line x1="{x + 6}" y1="{y}" x2="{x + 6}" y2="{y + 12}" stroke="#1f2933" stroke-width="1.5"/>')
        elif symbol == "cut":
            parts += _bar(x, y + 2, 14, 8, BAR_CAP + 1, BAR_CAP, "#607d8b")
        else:
            parts.append(f'<rect x="{x}" y="{y + 2}" width="14" height="8" rx="2" fill="{symbol.split(":", 1)[1]}"/>')
        parts.append(f'<text x="{x + 18}" y="{y + 10}" font-size="10" fill="#1f2933">{escape(text)}</text>')
        x += advance
    return parts, y + 20


def _bar(x: int, y: int, width: int, height: int, percent: float, scale: float, colour: str) -> list[str]:
    """A track and a bar of ``percent`` on a track reaching ``scale`` %; past :data:`BAR_CAP` the bar ends in a break mark."""
    share = max(0.0, min(percent, BAR_CAP, scale)) / scale
    parts = [
        f'<rect x="{x}" y="{y}" width="{width}" height="{height}" rx="2" fill="#e4e9ef"/>',
        f'<rect x="{x}" y="{y}" width="{width * share:.1f}" height="{height}" rx="2" fill="{colour}"/>',
    ]
    if percent > min(BAR_CAP, scale):
        end = x + width * share
        # two white slashes near the end: the bar is longer than drawn
        for offset in (7, 4):
            parts.append(
                f'<line x1="{end - offset - 2:.1f}" y1="{y + height + 1}" x2="{end - offset + 2:.1f}" y2="{y - 1}" '
                'stroke="#ffffff" stroke-width="1.5"/>'
            )
    return parts


def _figure(actual, target, percent, lang: str) -> str:
    return f"{format_number(actual or 0, lang)} / {format_number(target, lang)} ({format_number(percent or 0.0, lang, 1)}%)"


def group_chart(report: Report) -> str:
    """Inline SVG: a vertical bar per territory group, height ∝ activities in the year."""
    lang = report.lang
    rows = report.by_group
    width, height, base, top = 680, 246, 180, 24
    slot = (width - 40) / max(len(rows), 1)
    peak = max((r.activities for r in rows), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="{escape(t("report.chart.groups", lang))}">',
        f'<line x1="20" y1="{base}" x2="{width - 20}" y2="{base}" stroke="#7b8794" stroke-width="1"/>',
    ]
    for index, row in enumerate(rows):
        x = 20 + index * slot
        bar = (base - top) * row.activities / peak
        bar_x = x + slot * 0.2
        parts += [
            f'<rect x="{bar_x:.1f}" y="{base - bar:.1f}" width="{slot * 0.6:.1f}" height="{bar:.1f}" fill="#1d4e89"/>',
            f'<text x="{x + slot / 2:.1f}" y="{base - bar - 5:.1f}" font-size="12" text-anchor="middle" '
            f'fill="#1f2933">{escape(format_number(row.activities, lang))}</text>',
        ]
        # At least 2 px between neighbouring labels, each centred under its bar.
        for line_no, line in enumerate(wrap(row_label(row, lang), slot - 2, GROUP_LABEL_SIZE, 4)):
            parts.append(
                f'<text x="{x + slot / 2:.1f}" y="{base + 15 + 12 * line_no}" font-size="{GROUP_LABEL_SIZE}" text-anchor="middle" '
                f'fill="#1f2933">{escape(line)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


#: DejaVu Sans 2.37's advance widths, in thousandths of an em, of the characters
#: from " " to "~". It is the PDF's font and wider than the browser's
#: (Helvetica, Arial), so text placed by these widths fits in both.
_ASCII_WIDTHS = tuple(int(width) for width in """
318 401 460 838 636 950 780 275 390 390 500 838 318 361 318 337 636 636 636 636 636 636 636 636 636 636 337 337
838 838 838 531 1000 684 686 698 770 632 575 775 752 295 295 656 557 863 748 787 603 787 695 635 611 732 684 989
685 611 685 390 337 390 838 500 500 613 635 550 635 615 352 635 634 278 278 579 278 974 634 612 635 635 411 521
392 634 592 818 592 592 525 636 337 636 838
""".split())


def _char_width(char: str) -> int:
    """One character's width in thousandths of an em: an accented letter as its letter, any other as a wide one."""
    code = ord(unicodedata.normalize("NFD", char)[0])
    return _ASCII_WIDTHS[code - 32] if 32 <= code <= 126 else 1000


def text_width(text: str, size: float) -> float:
    """The width of ``text`` in px at ``size`` px in DejaVu Sans (an SVG chart cannot measure its own text)."""
    return sum(map(_char_width, text)) * size / 1000


def fit(text: str, width: float, size: float) -> str:
    """``text``, cut and ended with "…" if it is wider than ``width`` px at ``size`` px (:func:`text_width`)."""
    if text_width(text, size) <= width:
        return text
    # The longest start that leaves room for the "…": one running sum, not a width per cut.
    ellipsis = _char_width("…")
    kept = sum(1 for total in itertools.accumulate(map(_char_width, text)) if (total + ellipsis) * size / 1000 <= width)
    return text[:kept].rstrip() + "…"


def wrap(text: str, width: float, size: float, most: int) -> list[str]:
    """``text`` in at most ``most`` lines of at most ``width`` px at ``size`` px, broken between words.

    A word wider than a line is cut (:func:`fit`); words left over end the
    last line as "…".
    """
    lines: list[str] = []
    for word in text.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(joined, size) <= width:
            lines[-1] = joined
        else:
            lines.append(fit(word, width, size))
    if len(lines) > most:
        lines = lines[: most - 1] + [fit(lines[most - 1] + " …", width, size)]
    return lines


def render_html(report: Report) -> str:
    """Render the report as one self-contained HTML document."""
    lang = report.lang
    heading = title(report)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(heading)} — {escape(report.plan)}</title>",
        f"<style>{CSS}{page_css(report)}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(heading)}</h1>",
        '<dl class="cover">',
    ]
    for label, value in cover(report):
        out.append(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>")
    out += ["</dl>", "</header>"]
    for section in sections(report):
        out.append(f'<section id="{escape(section.key)}">')
        out.append(f"<h2>{escape(section.title)}</h2>")
        if section.key == "headline":
            out.append(f'<figure><figcaption>{escape(t("report.chart.indicators", lang))}</figcaption>')
            out.append(indicator_chart(report) + "</figure>")
        if section.key == "activity":
            out.append(f'<figure><figcaption>{escape(t("report.chart.groups", lang))}</figcaption>')
            out.append(group_chart(report) + "</figure>")
        for block in section.blocks:
            out += _block(block, lang)
        if section.items:
            out.append('<ul class="attention">')
            out += [f"<li>{escape(item)}</li>" for item in section.items]
            out.append("</ul>")
        out.append("</section>")
    out += [f"<footer>{escape(footer(report))}</footer>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
