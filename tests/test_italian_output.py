"""Italian output has no English words: the main commands and the --help of every command.

Each output is taken in Italian from a scratch copy of the shipped plan and
data; what is not prose is set aside first (option names, choices in
``<a|b>``, quoted values, ids with ``_`` or digits, paths, file names), and
the remaining words are checked against a list of common English words.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from relint_kpi.cli import app

REPO = Path(__file__).resolve().parent.parent

#: Common English words that are not also Italian words (per, no, note, data, date, all' are) (or an Italian office's loanword:
#: target, file, stakeholder, deliverable, export, output are used in the plan itself).
ENGLISH = set(
 """
 the and of to is are was were been with for not this that these those from by or on at as an
 it its has have had will would should could can cannot must may you your we our they their which
 when where what how why who any each every only also than then there here into onto out over
 under about after before between both either neither yes more most less least other such some
 show shows print prints write writes give gives pass run runs read reads add adds set sets use uses
 missing unknown found error errors problem problems warning row rows line lines value values
 dates year years quarter quarters actual actuals expected projected remaining needed status
 report plan plans option options usage default required help exit command commands argument
 arguments choose one two three found valid invalid checked check folder path name names title
 type types territory territories group groups action actions indicator indicators result results
 objective objectives unit basis annual cumulative timing activities activity participants notes
 recorded dry would append nothing written replaced earlier page views import matched
 language languages copy copies shipped trial try record records register registered
 breakdown internal external category categories format formats table summary total counts
 day days month months today since until while without within against behind achieved risk
 track done progress started overdue none other
 """.split()
)

#: Words of the plan's own identifiers and formats that may stand in Italian prose.
ALLOWED = {"csv", "json", "md", "html", "xlsx", "table", "ok", "id", "iso", "yaml", "utf", "bom", "relint"}


def prose_words(text: str) -> set[str]:
    """The words of ``text`` a reader reads as prose, lowercased."""
    text = re.sub(r"relint .*", " ", text)  # command lines (examples)
    text = re.sub(r"^  [a-z-]+(?=  )", " ", text, flags=re.M)  # the column of command names
    text = re.sub(r"--[\w-]+", " ", text)  # option names
    text = re.sub(r"<[^>]*>", " ", text)  # choices <a|b>
    text = re.sub(r"\[[^\]]*\|[^\]]*\]", " ", text)  # choices [a|b]
    text = re.sub(r"'[^'\n]*'|`[^`\n]*`|\"[^\"\n]*\"|«[^»\n]*»", " ", text)  # quoted values and commands
    text = re.sub(r"\S*[/\\]\S*|\S+\.(?:csv|yaml|md|html|xlsx|json)\b", " ", text)  # paths and file names
    words = set()
    for word in re.findall(r"[A-Za-zÀ-ÿ]+(?:[_-][A-Za-z0-9]+)*", text):
        if "_" in word or "-" in word:
            continue  # an id (local_authority, add-activity)
        words.add(word.lower())
    return words - ALLOWED


@pytest.fixture
def scratch(tmp_path) -> list[str]:
    """A copy of the shipped plan and data: the options that point relint at it."""
    folder = tmp_path / "demo"
    shutil.copytree(REPO / "data", folder, ignore=shutil.ignore_patterns("lombardia", "plan_lombardia*"))
    return ["--plan", str(folder / "plan_2022_2023.yaml"), "--data", str(folder)]


def italian(args: list[str]) -> str:
    """stdout and stderr of a relint run in Italian (RELINT_LANG=it)."""
    result = CliRunner().invoke(app, args, env={"COLUMNS": "100", "RELINT_LANG": "it"}, prog_name="relint")
    assert result.exit_code in (0, 1, 2), result.output
    return result.stdout + result.stderr


MAIN_COMMANDS = [
    ["status", "--year", "2023", "--as-of", "2023-06-30"],
    ["status", "--year", "2023", "--as-of", "2023-06-30", "--by", "territory"],
    ["plan"],
    ["validate"],
    ["report", "--year", "2022", "--format", "md"],
    ["add-activity", "--dry-run", "--type", "incontro", "--date", "11/03/2023", "--territory", "BE", "--title", "Ambasciatore"],
    ["add-activity", "--dry-run", "--type", "visita", "--date", "31/02/2023", "--territory", "Atlantide", "--title", "x"],
    ["status", "--year", "2019"],
    ["report", "--year", "2023", "--format", "xlsx"],
]


def plan_ids(scratch: list[str]) -> set[str]:
    """Words that are data, not relint's prose: every ``id`` the plan declares (a category ``other``, shown beside
    its Italian label), and the column and key the shipped plan's own Italian text cites (``action``, ``where``)."""
    import yaml

    found, stack = {"action", "where"}, [yaml.safe_load(Path(scratch[1]).read_text(encoding="utf-8"))]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("id"), str):
                found.add(node["id"].lower())
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


@pytest.mark.parametrize("args", MAIN_COMMANDS, ids=lambda a: " ".join(a[:3]))
def test_no_english_word_in_italian_output(scratch, args):
    assert prose_words(italian([*scratch, *args])) & ENGLISH - plan_ids(scratch) == set()


def _commands() -> list[str]:
    return sorted(typer.main.get_command(app).commands)


@pytest.mark.parametrize("command", ["", *_commands()])
def test_no_english_word_in_italian_help(scratch, command):
    args = [*scratch, *([command] if command else []), "--help"]
    assert prose_words(italian(args)) & ENGLISH == set()


def test_the_check_catches_english(scratch):
    english = CliRunner().invoke(app, [*scratch, "status", "--help"], env={"RELINT_LANG": "en"}).stdout
    assert {"show", "the", "options"} <= prose_words(english) & ENGLISH
