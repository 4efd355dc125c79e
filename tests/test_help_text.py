"""A command's docstring is its English --help; the catalogue holds its Italian one; both end with an example."""

from __future__ import annotations

import inspect
import re

import pytest
from typer.testing import CliRunner

from relint_kpi.cli import app
from relint_kpi.i18n import LABELS, LANGUAGES


def _commands() -> dict[tuple[str, ...], tuple[str, object]]:
    """Every command and group by its words after ``relint``: (catalogue key of its Italian help, its function)."""
    found = {(): ("help.app", app.registered_callback.callback)}
    for info in app.registered_commands:
        found[(info.name,)] = (f"help.cmd.{info.name}", info.callback)
    for group in app.registered_groups:
        found[(group.name,)] = (f"help.cmd.{group.name}", group.typer_instance.registered_callback.callback)
        for info in group.typer_instance.registered_commands:
            found[(group.name, info.name)] = (f"help.cmd.{group.name}-{info.name}", info.callback)
    return found


COMMANDS = _commands()


def words(text: str) -> str:
    """``text`` with every run of white space one space: the help wraps lines to the terminal's width
    (after a hyphen too: ``iati-`` and ``activities`` on two lines are ``iati-activities``)."""
    return " ".join(re.sub(r"(?<=\w-)\n\s*", "", text).split())


def help_page(path: tuple[str, ...], lang: str) -> str:
    result = CliRunner().invoke(app, [*path, "--help", "--lang", lang], env={"COLUMNS": "80"}, prog_name="relint")
    assert result.exit_code == 0, result.output
    return result.stdout


def test_every_command_and_group_is_found():
    assert {("status",), ("validate",), ("export",), ("export", "iati"), ()} <= set(COMMANDS)
    assert len(COMMANDS) == 1 + len(app.registered_commands) + sum(1 + len(g.typer_instance.registered_commands) for g in app.registered_groups)


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=lambda p: " ".join(p) or "relint")
def test_the_docstring_is_the_english_help_and_the_catalogue_the_italian(path):
    key, function = COMMANDS[path]
    docstring = inspect.cleandoc(function.__doc__ or "")
    assert docstring, f"{function.__name__} has no docstring"
    assert docstring.split("\n\n")[-1].startswith("Example: relint ")
    italian = LABELS[key]["it"]
    assert italian.split("\n\n")[-1].startswith("Esempio: relint ")
    english_page, italian_page = help_page(path, "en"), help_page(path, "it")
    assert words(docstring) in words(english_page)
    assert words(italian) in words(italian_page)
    assert "Example: relint " in english_page and "Esempio: relint " in italian_page
    assert words(docstring) not in words(italian_page) and words(italian) not in words(english_page)


def test_each_paragraph_of_a_docstring_is_a_paragraph_of_the_help():
    # Line breaks inside a paragraph are the source's, not the reader's: the help rewraps them.
    page = help_page(("status",), "en")
    assert "  Example: relint status --by territory --lang en\n" in page
    assert "  The as-of date defaults to today" in page


def test_every_label_has_both_languages_and_command_help_has_its_english_in_the_docstring():
    command_keys = {key for key, _ in COMMANDS.values()}
    problems = []
    for key, entry in LABELS.items():
        expected = {"it"} if key in command_keys else set(LANGUAGES)
        if set(entry) != expected or not all(entry.values()):
            problems.append(f"{key}: has {sorted(entry)}, expected {sorted(expected)}")
    problems += [f"{key}: no Italian help in the catalogue" for key in command_keys - set(LABELS)]
    problems += [f"{key}: a command help key no command has" for key in LABELS if key.startswith("help.cmd.") and key not in command_keys]
    assert problems == []
