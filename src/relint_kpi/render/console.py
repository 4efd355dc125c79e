"""The rich console every terminal renderer prints to."""

from __future__ import annotations

import os

from rich.console import Console


def stdout_console(piped_width: int = 140, honour_columns: bool = False, **options):
    """A console on stdout; when output is piped, ``piped_width`` wide so tables do not fold.

    On a terminal the terminal's own width and colours apply; piped output
    (a file, a pager, the test runner) has no colour codes. With
    ``honour_columns``, piped output is as wide as ``COLUMNS`` says when that
    is set to a positive number. Markup and highlighting are off unless
    ``options`` turn them on.
    """
    # Text from the user's files is never markup: a title "[/x]" or
    # "[link=…]" prints as written (renderers pass Text, this is the backstop).
    options = {"markup": False, "highlight": False, **options}
    console = Console(**options)
    if not console.is_terminal:
        width = piped_width
        if honour_columns:
            columns = os.environ.get("COLUMNS", "").strip()
            if columns.isdigit() and int(columns) > 0:
                width = int(columns)
        console = Console(width=width, **options)
    return console
