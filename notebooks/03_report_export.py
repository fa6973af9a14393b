# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: -all
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # A report's figures, exported
#
# **Question.** How do I turn the claims found in a set of articles into files for a
# report (charts that print well, tables a spreadsheet opens) and get the same files
# every time I rebuild it?
#
# Two ways: export single charts with `econnews.plot.export`, or build the whole
# report folder with `econnews.report.build_report` (the `econnews report` command).

# %%
# %matplotlib inline
import hashlib
import tempfile
from pathlib import Path

import econnews as en
from econnews import plot
from econnews.report import build_report

DATA = Path("..") / "data"
OUT = Path(tempfile.mkdtemp(prefix="econnews-report-"))

# %% [markdown]
# ## 1. One chart, three formats
# PNG for the web, SVG for editing, PDF (with embedded TrueType fonts) for print.

# %%
articles = en.load_articles(DATA)
quantities = en.normalize(en.extract_corpus(articles, progress=False))
claims = en.find_claims(articles, quantities)
figure = plot.claims_timeline(claims, concept="trade", parties=["RUS", "JPN"],
                              title="Russia–Japan trade: claims and targets")
paths = plot.export(figure, OUT / "charts" / "russia_japan_trade")
figure

# %%
for fmt, path in paths.items():
    print(f"{fmt}: {path.name}, {path.stat().st_size:,} bytes")

# %% [markdown]
# ## 2. Reproducible files
# Exporting the same figure again gives byte-identical files: no timestamps, no random
# ids. A report can be rebuilt and diffed.

# %%
again = plot.export(figure, OUT / "again" / "russia_japan_trade")
{fmt: hashlib.sha256(paths[fmt].read_bytes()).hexdigest()
 == hashlib.sha256(again[fmt].read_bytes()).hexdigest() for fmt in paths}

# %% [markdown]
# ## 3. The whole report
# `build_report` runs the pipeline and writes the tables (CSV and Parquet), every
# chart in three formats and an `index.html` that shows them with a short summary.

# %%
report = build_report(DATA, OUT / "report")
report.summary()

# %%
sorted(report.files)
