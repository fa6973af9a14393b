"""Documentation keeps up with the code (STYLE.md item 12).

Every CLI sub-command has help with examples that parse, and is in the README;
every command line the README shows parses; every public name has a docstring
with an example; the README's install and test commands are the ones CI runs.
"""

from __future__ import annotations

import argparse
import inspect
import re
import shlex
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

import econnews as en
from econnews import cli

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
CI = (REPO / ".ci" / "run").read_text(encoding="utf-8")
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def subcommands() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in cli._parser()._actions
                  if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def econnews_argv(line: str) -> list[str] | None:
    """The arguments of the ``econnews`` call in a shell line, or None if there is none."""
    line = line.split(" #", 1)[0].strip()
    for part in re.split(r"\|\|?|&&|;", line):
        words = shlex.split(part)
        if words and words[0] == "econnews":
            return words[1:]
    return None


def parses(argv: list[str]) -> bool:
    try:
        cli._parser().parse_args(argv)
    except SystemExit as exc:
        return exc.code == 0
    return True


def code_blocks(text: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", text, flags=re.DOTALL)


# ------------------------------------------------------------------ the CLI


@pytest.mark.parametrize("command", sorted(subcommands()))
def test_command_is_documented_in_the_readme(command):
    assert re.search(rf"`econnews {command}\b|^econnews {command}\b", README, re.MULTILINE), (
        f"README.md never shows `econnews {command}`")


@pytest.mark.parametrize("command", sorted(subcommands()))
def test_command_help_has_examples_that_parse(capsys, command):
    assert cli.main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert "examples:" in out, f"econnews {command} --help has no examples"
    examples = [econnews_argv(line) for line in out.split("examples:", 1)[1].splitlines()]
    examples = [argv for argv in examples if argv]
    assert examples, f"econnews {command} --help shows no example command"
    for argv in examples:
        assert argv[0] == command, argv
        assert parses(argv), f"the help example `econnews {shlex.join(argv)}` does not parse"


def test_every_command_line_in_the_readme_parses():
    lines = [econnews_argv(line) for block in code_blocks(README, "bash")
             for line in block.splitlines()]
    shown = [argv for argv in lines if argv]
    assert {argv[0] for argv in shown} >= set(subcommands())
    for argv in shown:
        assert parses(argv), f"README shows `econnews {shlex.join(argv)}`, which does not parse"


# ------------------------------------------------------------------ docstrings


@pytest.mark.parametrize("name", en.__all__)
def test_public_name_has_a_docstring_with_an_example(name):
    obj = getattr(en, name)
    doc = inspect.getdoc(obj) or ""
    assert doc, f"econnews.{name} has no docstring"
    assert ">>>" in doc, f"econnews.{name}'s docstring has no example (>>>)"


OWNED_MODULES = [
    "econnews.schema",
    "econnews.errors",
    "econnews.load",
    "econnews.extraction",
    "econnews.normalization",
    "econnews.normalization.convert",
    "econnews.claims",
    "econnews.common",
]


@pytest.mark.parametrize("module_name", OWNED_MODULES)
def test_module_functions_have_examples_and_classes_docstrings(module_name):
    module = __import__(module_name, fromlist=["_"])
    assert module.__all__, module_name
    for name in module.__all__:
        obj = getattr(module, name)
        doc = inspect.getdoc(obj) or ""
        if inspect.isclass(obj):
            assert doc, f"{module_name}.{name} has no docstring"
        elif inspect.isfunction(obj):
            assert ">>>" in doc, f"{module_name}.{name} has no example in its docstring"


# ------------------------------------------------------------------ README, CI


def test_readme_keeps_its_top_what_it_is_then_two_commands():
    head = README.split("\n## ", 2)
    assert head[0].startswith("# econnews\n")
    assert head[1].startswith("Two commands")


def readme_test_command() -> str:
    section = README.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    block = code_blocks(section, "bash")[0]
    commands = [line for line in block.splitlines() if line and not line.startswith("#")]
    assert len(commands) == 2, commands
    return commands[1]


def test_ci_runs_the_readme_test_command_and_install():
    # issue 14: CI runs the README's two commands as written (read from the README),
    # with the venv's own pip; the user install holds no test tools, the test command
    # installs '.[dev]' first
    assert readme_test_command() == "pip install -e '.[dev]' && python -m pytest -q"
    assert "## Two commands" in CI and "README.md" in CI
    assert re.search(r"^\s*(timeout [^\n]*)?python -m pytest -q\b", CI, re.MULTILINE)
    assert "ruff check ." in CI and "pip check" in CI
    assert "--upgrade pip" not in CI and "install -U pip" not in CI
    section = README.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    first = code_blocks(section, "bash")[0].splitlines()
    assert any("pip install -e . &&" in line and "econnews report --out report" in line
               for line in first)
    env = (REPO / "environment.yml").read_text(encoding="utf-8")
    assert "-e .[notebooks]" in env


def test_the_test_command_runs_everything():
    """No marker filter in addopts: browser, slow and shared tests skip by themselves."""
    opts = PYPROJECT["tool"]["pytest"]["ini_options"]["addopts"]
    assert not re.search(r"(^|\s)-m\b", opts), f"addopts deselects tests: {opts}"
    assert "--doctest-modules" in opts
    markers = {m.split(":")[0] for m in PYPROJECT["tool"]["pytest"]["ini_options"]["markers"]}
    assert markers == {"shared", "browser", "slow"}


def test_ci_fails_loudly_when_no_test_runs():
    assert re.search(r"^\s*5\)", CI, re.MULTILINE), "CI does not handle pytest exit 5"
    assert "set -euo pipefail" in CI


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash on this machine")
def test_ci_script_is_valid_bash():
    result = subprocess.run(["bash", "-n", str(REPO / ".ci" / "run")], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_readme_names_the_notebooks_and_the_data_variables():
    for nb in sorted((REPO / "notebooks").glob("*.ipynb")):
        assert nb.stem in README, f"README.md does not mention notebooks/{nb.name}"
    assert "jupyter lab notebooks/" in README
    for word in ("ECONNEWS_DATA", "ECONNEWS_SHARED", "errors_table", 'errors="collect"',
                 "manifest.csv", "index.html"):
        assert word in README, f"README.md does not mention {word}"
