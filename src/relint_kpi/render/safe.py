"""Making text from the user's files safe to show: terminals, messages, exports, spreadsheets.

Titles, names and notes come from files anyone can edit, so they can hold
what a display would act on rather than show:

* **control characters** — ESC starts the CSI/OSC sequences that clear a
  screen (``ESC[2J``), retitle a window (``ESC]0;…``) or plant a link
  (OSC 8); the C1 controls (U+0080–U+009F, e.g. U+009B, a one-character
  CSI) do the same; CR and backspace overwrite what was printed. Every
  renderer shows them *visibly escaped*, as Python writes them (``\\x1b``,
  ``\\x9b``), so the user sees that they are there and where.
* **bidirectional embeddings, overrides and isolates** (U+202A–U+202E,
  U+2066–U+2069) reorder what is shown ("Trojan Source"): escaped in every
  output, like the controls.
* **invisible characters** — a no-break space, a BOM, a zero-width space —
  make ``'DG AGRI'`` look like a registered name or ``'\\ufeffdate'`` like
  the column ``date``: messages show them escaped (:func:`message_text`),
  since a message is read to find out what is wrong.
* **rich markup** (``[/x]``, ``[link=…]``, ``[blink]``): terminal renderers
  hand user text to rich only as :class:`rich.text.Text` (:func:`rich_text`),
  never as a markup string.
* **spreadsheet formulas** — a CSV or XLSX cell whose text starts with
  ``=``, ``+``, ``-`` or ``@`` (or a tab, carriage return or NUL that some
  programs skip before reading one) is run as a formula by Excel and
  LibreOffice: such text gets a leading apostrophe (:func:`neutralise_cell`),
  as OWASP recommends. Numbers are never touched: ``-2`` stays -2.

* **XML** (the IATI export) cannot hold C0 controls, U+FFFE/U+FFFF or
  lone surrogates at all: :func:`xml_text` removes them.

The data files themselves are never rewritten: a title keeps its bytes in
the CSV it was typed in; only what relint *shows* or *exports* is escaped.
"""

from __future__ import annotations

import re
import unicodedata

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0", "{=")

# C0 controls, DEL and the C1 controls; lone surrogates (a YAML "\ud800"
# escape) and the noncharacters U+FFFE/U+FFFF, which no file format or
# terminal can hold.
_UNHOLDABLE = "\ud800-\udfff\ufffe\uffff"
# Bidirectional embeddings, overrides and isolates, line and paragraph separators.
_REORDERING = "\u202a-\u202e\u2066-\u2069"
_SEPARATORS = "\u2028\u2029"

_TERMINAL = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{_UNHOLDABLE}{_REORDERING}{_SEPARATORS}]")
_EXPORT = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_UNHOLDABLE}{_REORDERING}]")
_JSON = re.compile(f"[\x7f-\x9f{_UNHOLDABLE}{_REORDERING}{_SEPARATORS}]")


_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def escape_char(char: str) -> str:
    """``char`` as Python writes it in a string literal: ``\\t``, ``\\x1b``, ``\\u200b``, ``\\U000e0001``."""
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _escape(match: re.Match) -> str:
    return escape_char(match.group())


def terminal_text(text) -> str:
    """``text`` safe to print on a terminal: every control character but the line feed escaped.

    Also escaped: tabs (they break a table's columns), bidirectional
    overrides, line separators, lone surrogates and U+FFFE/U+FFFF. A line
    feed stays: it starts a new line inside a table cell and cannot move
    back over what was printed.
    """
    return _TERMINAL.sub(_escape, str(text))


def _invisible(char: str) -> bool:
    category = unicodedata.category(char)
    return category in ("Cc", "Cf", "Cs", "Zl", "Zp") or (category == "Zs" and char != " ") or char in "\ufffe\uffff"


def message_text(text) -> str:
    """``text`` for a one-line message: every control and every invisible character escaped.

    Beyond :func:`terminal_text`, line feeds (a message is one line: a title
    holding one must not forge a second message), format characters (BOM,
    zero-width space and joiner, bidirectional marks), spaces other than
    U+0020 (no-break and thin spaces) and U+FFFE/U+FFFF are escaped, so the user sees why ``'DG\\xa0AGRI'`` is unknown.
    """
    text = str(text)
    if text.isascii() and text.isprintable():
        return text
    return "".join(escape_char(c) if _invisible(c) else c for c in text)


def export_text(text) -> str:
    """``text`` for an exported document (Markdown, HTML, CSV, XLSX): control characters escaped.

    Tab, line feed and carriage return stay (each format handles them: a
    quoted CSV cell holds them, HTML folds them into a space); every other
    C0 and C1 control, bidirectional override, lone surrogate and
    U+FFFE/U+FFFF (which XML 1.0, and so XLSX, forbids) becomes a visible escape.
    """
    return _EXPORT.sub(_escape, str(text))


def json_text(dumped: str) -> str:
    """JSON text (from :func:`json.dumps`) with DEL, C1 controls, overrides and the like as ``\\uXXXX``.

    ``json.dumps`` escapes only the C0 controls; the result parses to the
    same data, but no character in it can act on a terminal or break UTF-8.
    """
    return _JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def rich_text(value, style: str = ""):
    """``value`` as a rich :class:`~rich.text.Text`: shown literally (no markup), controls escaped."""
    # rich only when a terminal renderer asks: exports and messages use this module without it.
    from rich.text import Text

    return Text(terminal_text(value), style=style)


def export_cell(value):
    """``value`` for a CSV or XLSX cell: text with its controls escaped, then neutralised; other values unchanged."""
    return neutralise_cell(export_text(value)) if isinstance(value, str) else value


def neutralise_cell(value):
    """Return ``value`` safe to put in a CSV or XLSX cell.

    Text starting with a formula character gets a leading ``'``; any other
    value (numbers, dates, None, ordinary text) is returned unchanged.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


#: Characters XML 1.0 forbids anywhere in a document (C0 controls but tab and
#: line ends, surrogates, U+FFFE and U+FFFF).
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (an XML writer refuses them)."""
    return XML_ILLEGAL.sub("", text)


_ENTITY = re.compile(r"&(?=#?\w+;)")
_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def escape_md(text: str) -> str:
    """Escape ``text`` for a Markdown paragraph or table cell.

    HTML-significant characters become entities, Markdown punctuation gets
    a backslash, line ends become spaces (a table row is one line) and
    other control characters are shown escaped (``\\x1b``).
    """
    # Line ends first (a table row is one line), then every other control shown
    # escaped: the document is as often read on a terminal as on a wiki.
    text = terminal_text(re.sub(r"[\r\n\t]+", " ", text))
    # "&" only where it would start an entity ("R&D" stays as written)
    text = _ENTITY.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)
