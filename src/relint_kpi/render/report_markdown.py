"""The year-end report as Markdown: headings and pipe tables for any wiki.

Text from the plan or the data is escaped so it can neither break a table
(``|``, line ends) nor turn into markup a wiki would act on (raw HTML such
as ``<script>``, links such as ``[x](javascript:…)``, emphasis).
"""

from __future__ import annotations

from relint_kpi.i18n import t
from relint_kpi.render.report_layout import NUMERIC_KINDS, Block, cell_text, cover, sections, title
from relint_kpi.render.safe import escape_md
from relint_kpi.report import Report


def _table(block: Block, lang: str) -> list[str]:
    header = [escape_md(c.label) for c in block.columns]
    align = ["---:" if c.kind in NUMERIC_KINDS else "---" for c in block.columns]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    for row in block.rows:
        cells = [escape_md(cell_text(value, column.kind, lang)) for value, column in zip(row, block.columns)]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def render_markdown(report: Report) -> str:
    """Render the report as one Markdown document (ends with a newline)."""
    lang = report.lang
    lines = [f"# {escape_md(title(report))}", ""]
    for label, value in cover(report):
        lines.append(f"- **{escape_md(label)}**: {escape_md(value)}")
    for section in sections(report):
        lines += ["", f"## {escape_md(section.title)}"]
        for block in section.blocks:
            lines.append("")
            if block.title:
                lines += [f"### {escape_md(block.title)}", ""]
            if block.note:
                lines += [escape_md(block.note), ""]
            lines += _table(block, lang) if block.rows else [escape_md(t("report.empty", lang))]
        if section.items:
            lines.append("")
            lines += [f"- {escape_md(item)}" for item in section.items]
    return "\n".join(lines) + "\n"
