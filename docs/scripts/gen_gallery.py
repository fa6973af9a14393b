"""Gallery page: every chart function of ``econnews.plot``, drawn from the default data.

Run by mkdocs-gen-files at build time: loads ``data/`` (the repository's articles),
extracts, finds the claims, checks them, and draws each chart with the call shown on
the page; the pictures are written into the built site only (nothing is committed).
A chart function of ``econnews.plot.__all__`` that has no entry here fails the build.
"""

from __future__ import annotations

import inspect
import io
import logging
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg", force=True)

import matplotlib.pyplot as plt
import mkdocs_gen_files
from matplotlib.figure import Figure

import econnews as en
from econnews import plot

log = logging.getLogger("mkdocs.plugins.econnews.gallery")
ROOT = Path(__file__).resolve().parents[2]
CHART_MODULES = ("timeline", "compare", "factcheck", "overview")

# The calls the page shows and runs, one or more per chart function.
EXAMPLES = [
    ("claims_timeline", "Claims over time: the Russia–Japan trade figures",
     'plot.claims_timeline(claims, concept="trade", parties=("RUS", "JPN"))'),
    ("claims_timeline", "With the figures the claims imply (implied=True)",
     'plot.claims_timeline(claims, concept="trade", parties=("RUS", "JPN"),\n'
     '                           implied=True)'),
    ("compare_claims", "The spread of claims across articles",
     'plot.compare_claims(claims[claims["concept"] == "trade_deficit"])'),
    ("claims_vs_reference", "Claims beside the official series (U.S.–China goods deficit)",
     'plot.claims_vs_reference(\n'
     '    checked[checked["parties"].str.contains("CHN", na=False)])'),
    ("quantities_overview", "What a corpus quantifies",
     "plot.quantities_overview(quantities)"),
]

SETUP = """\
import econnews as en
from econnews import plot

articles = en.load_articles("data")       # the repository's 22 articles
quantities = en.extract_corpus(articles)
claims = en.find_claims(articles, quantities)
checked = en.check(claims)"""


def chart_functions() -> list[str]:
    """The chart functions: public callables of econnews.plot defined in a chart module."""
    return [name for name in plot.__all__
            if inspect.isfunction(getattr(plot, name))
            and getattr(plot, name).__module__.rsplit(".", 1)[-1] in CHART_MODULES]


def main() -> None:
    missing = set(chart_functions()) - {name for name, _, _ in EXAMPLES}
    for name in sorted(missing):
        log.warning("gallery: chart function econnews.plot.%s has no example in "
                    "docs/scripts/gen_gallery.py", name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = en.load_articles(ROOT / "data")
        quantities = en.extract_corpus(articles, n_jobs=1, progress=False)
        claims = en.find_claims(articles, quantities)
        checked = en.check(claims)
    scope = {"en": en, "plot": plot, "articles": articles, "quantities": quantities,
             "claims": claims, "checked": checked}

    page = ["# Gallery", "",
            "Every chart function of `econnews.plot`, drawn at build time from the default "
            "data (`data/`: the model article and 21 articles of published figures). Each "
            "returns a matplotlib `Figure`; `plot.export(fig, stem)` writes it as PNG, SVG "
            "and PDF. The tables come from:", "", "```python", SETUP, "```", ""]
    for i, (name, title, call) in enumerate(EXAMPLES):
        fig = eval(call, scope)  # the call shown on the page
        if not isinstance(fig, Figure):
            raise TypeError(f"{call} returned {type(fig).__name__}, not a Figure")
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=100)
        plt.close(fig)
        png = f"gallery/{i:02d}_{name}.png"
        with mkdocs_gen_files.open(png, "wb") as f:
            f.write(buf.getvalue())
        summary = inspect.getdoc(getattr(plot, name)).split("\n\n", 1)[0]
        page += [f"## {title}", "",
                 f"[`econnews.plot.{name}`](api/plot.md#econnews.plot.{name}): "
                 + " ".join(summary.split()), "",
                 "```python", f"fig = {call}", "```", "",
                 f"![{title}]({png})", ""]
    with mkdocs_gen_files.open("gallery.md", "w") as f:
        f.write("\n".join(page))
    mkdocs_gen_files.set_edit_path("gallery.md", "scripts/gen_gallery.py")


main()
