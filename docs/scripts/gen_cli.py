"""The CLI help page: ``econnews --help`` and every sub-command's ``--help``, as the
installed command prints them (so the page cannot drift from the code)."""

from __future__ import annotations

import argparse
import contextlib
import io

import mkdocs_gen_files

from econnews import cli


def _help(argv: list[str]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        cli.main(argv)
    return out.getvalue().rstrip()


def main() -> None:
    action = next(a for a in cli._parser()._actions
                  if isinstance(a, argparse._SubParsersAction))
    page = ["# Command-line help", "",
            "What `econnews --help` and each `econnews COMMAND --help` print, generated "
            "when this site was built. The guide: [The command line](cli.md).", "",
            "## econnews", "", "```text", _help(["--help"]), "```", ""]
    for name in sorted(action.choices):
        page += [f"## econnews {name}", "", "```text", _help([name, "--help"]), "```", ""]
    with mkdocs_gen_files.open("guide/cli-help.md", "w") as f:
        f.write("\n".join(page))
    mkdocs_gen_files.set_edit_path("guide/cli-help.md", "../scripts/gen_cli.py")


main()
