"""Conventions of a good CLI: one language per run, real types in --help, shell completion, a demo copy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from relint_kpi import runlang
from relint_kpi.cli import app

REPO = Path(__file__).resolve().parent.parent


def invoke(args, **env):
    return CliRunner().invoke(app, args, env={"COLUMNS": "80", **env}, prog_name="relint")


# -- the run's language ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "environ", "plan", "expected"),
    [
        ("en", {"RELINT_LANG": "it", "LANG": "it_IT.UTF-8"}, "it", "en"),
        (None, {"RELINT_LANG": "en", "LANG": "it_IT.UTF-8"}, "it", "en"),
        (None, {"LANG": "it_IT.UTF-8"}, "en", "it"),
        (None, {"LANG": "de_DE.UTF-8"}, "it", "en"),
        (None, {"LC_ALL": "en_GB.UTF-8", "LANG": "it_IT.UTF-8"}, "it", "en"),
        (None, {"LC_MESSAGES": "it_CH.UTF-8", "LANG": "en_US.UTF-8"}, "en", "it"),
        (None, {"LANG": "C.UTF-8"}, "en", "en"),
        (None, {"LANG": "POSIX"}, "it", "it"),
        (None, {}, "en", "en"),
        (None, {}, None, "it"),
    ],
)
def test_the_language_is_resolved_in_order(option, environ, plan, expected):
    assert runlang.resolve(option, environ, lambda: plan) == expected


def test_the_plan_is_read_only_when_the_locale_names_no_language():
    def plan():
        raise AssertionError("the plan was read")

    assert runlang.resolve(None, {"LANG": "it_IT.UTF-8"}, plan) == "it"


def test_the_plan_language_is_read_from_its_metadata(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("metadata:\n  title: {it: a, en: b}\n  language: en  # English plan\nindicators: []\n  language: it\n")
    assert runlang.plan_language(path) == "en"
    path.write_text("metadata:\n  title: x\nother:\n  language: en\n")
    assert runlang.plan_language(path) is None
    assert runlang.plan_language(tmp_path / "missing.yaml") is None


def test_lang_is_accepted_before_and_after_the_command(tmp_path):
    before = invoke(["--lang", "en", "--plan", str(tmp_path / "none.yaml"), "status"])
    after = invoke(["--plan", str(tmp_path / "none.yaml"), "status", "--lang=en"])
    assert before.exit_code == after.exit_code == 2
    assert before.stderr == after.stderr
    assert before.stderr.startswith("Error: no plan file at")
    italian = invoke(["--plan", str(tmp_path / "none.yaml"), "status"])
    assert italian.stderr.startswith("Errore: nessun file del piano in")


def test_an_english_plan_speaks_english_under_a_plain_locale(mini_plan_path, data_dir):
    text = mini_plan_path.read_text(encoding="utf-8").replace("metadata:\n", "metadata:\n  language: en\n", 1)
    mini_plan_path.write_text(text, encoding="utf-8")
    result = invoke(["--plan", str(mini_plan_path), "--data", str(data_dir), "validate"], LANG="C")
    assert result.stdout.startswith("OK: plan "), result.output
    result = invoke(["--plan", str(mini_plan_path), "--data", str(data_dir), "validate"], LANG="it_IT.UTF-8")
    assert result.stdout.startswith("OK: piano "), result.output


# -- --help ------------------------------------------------------------------------------


def test_help_shows_real_types_and_choices():
    status = invoke(["status", "--help", "--lang", "en"]).stdout
    assert "--year INTEGER" in status and "--as-of DATE" in status
    assert "--by <territory|group|type|quarter|category|internal>" in status
    assert "--format <table|json|csv|md>" in status
    report = invoke(["report", "--help", "--lang", "en"]).stdout
    assert "--format <table|md|html|xlsx|pdf|docx|json|csv>" in report
    assert "--year INTEGER" in invoke(["report", "--help"]).stdout.replace("INTERO", "INTEGER")
    assert "--as-of DATA" in invoke(["status", "--help"]).stdout


def test_the_data_help_names_the_real_default_rule():
    text = " ".join(invoke(["--help", "--lang", "en"]).stdout.split())
    assert "[default: RELINT_DATA, else the plan's metadata.data_dir, relative to the plan file, else data/]" in text


def _complete(words: str, shell: str = "bash") -> list[str]:
    env = {**os.environ, "_RELINT_COMPLETE": f"complete_{shell}", "PYTHONPATH": str(REPO / "src")}
    if shell == "bash":
        env |= {"COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
    else:
        env |= {"_TYPER_COMPLETE_ARGS": words, "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    result = subprocess.run(
        [sys.executable, "-c", "from relint_kpi.cli import main; main()"],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_completion_offers_commands_options_and_the_plans_ids():
    assert _complete("relint sta") == ["status"]
    assert {"--year", "--by", "--indicator", "--format"} <= set(_complete("relint status --"))
    assert _complete("relint status --indicator ev") == ["events", "event_participants"]
    assert "quebec_agreement" in _complete("relint complete-action ")
    assert "DE-HE" in _complete("relint add-activity --territory ")
    assert _complete("relint add-stakeholder X --category loc") == ["local_authority"]


def test_completion_in_zsh_and_fish():
    assert "DE-HE" in " ".join(_complete("relint add-activity --territory D", "zsh"))
    assert _complete("relint status --indicator ev", "fish") == ["events", "event_participants"]


def test_the_completion_script_is_generated_for_each_shell():
    # What `relint --install-completion` installs: the script the shell sources.
    for shell, marker in (("bash", "complete_bash"), ("zsh", "complete_zsh"), ("fish", "complete_fish")):
        result = subprocess.run(
            [sys.executable, "-c", "from relint_kpi.cli import main; main()"],
            capture_output=True, text=True, cwd=REPO, timeout=60,
            env={**os.environ, "PYTHONPATH": str(REPO / "src"), "_RELINT_COMPLETE": f"source_{shell}"},
        )
        assert result.returncode == 0 and marker in result.stdout, (shell, result.stderr)


# -- demo --------------------------------------------------------------------------------


def test_demo_copies_the_shipped_plan_and_data(tmp_path):
    target = tmp_path / "prova"
    result = invoke(["demo", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:3] == [
        f"Piano e dati di esempio copiati in {target / 'data'}.",
        "Per provarli (i file forniti con relint restano invariati):",
        f"  cd {target}",
    ]
    assert sorted(p.name for p in (target / "data").iterdir()) == sorted(
        p.name for p in (REPO / "data").iterdir() if not p.name.startswith(".relint")
    )
    assert "notes.csv" in {p.name for p in (target / "data").iterdir()}
    assert (target / "data" / "actuals" / "2023-Q1.csv").read_bytes() == (REPO / "data" / "actuals" / "2023-Q1.csv").read_bytes()
    old = os.getcwd()
    os.chdir(target)
    try:
        assert invoke(["validate"]).stdout.startswith("OK: piano data/plan_2022_2023.yaml valido;")
    finally:
        os.chdir(old)
    again = invoke(["demo", str(target), "--lang", "en"])
    assert again.exit_code == 2
    assert again.stderr == f"Error: '{target}' already exists and is not an empty folder; give a new folder\n"
