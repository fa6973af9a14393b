"""MkDocs hooks: the build fails (under ``--strict``) when the API reference misses a
public name, or a public name has no docstring or no example.

A problem is logged as a warning; ``mkdocs build --strict`` (the README's command,
and CI's) turns any warning into a failed build.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# the checkout being documented comes first (as mkdocstrings' `paths: [.]` reads it), and
# this folder, for api_coverage
sys.path[:0] = [str(HERE.parents[1]), str(HERE)]

import api_coverage  # noqa: E402

log = logging.getLogger("mkdocs.plugins.econnews")


def on_pre_build(config, **kwargs) -> None:
    api_dir = Path(config["docs_dir"]) / "api"
    for name in api_coverage.missing(api_dir):
        log.warning("API reference: public name %s is on no page of docs/api/ "
                    "(add a '::: %s' directive)", name, name)
    for problem in api_coverage.docstring_problems():
        log.warning("docstring: %s", problem)
