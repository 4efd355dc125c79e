"""The rich console every terminal renderer prints to."""

from __future__ import annotations

from rich.console import Console


def stdout_console(piped_width: int = 140, **options):
    """A console on stdout; when output is piped, ``piped_width`` wide so tables do not fold.

    On a terminal the terminal's own width and colours apply; piped output
    (a file, a pager, the test runner) has no colour codes.
    """
    console = Console(**options)
    if not console.is_terminal:
        console = Console(width=piped_width, **options)
    return console
