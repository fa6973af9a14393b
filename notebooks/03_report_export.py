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
# report (charts a graphics editor can open, tables a spreadsheet opens) and get the
# same files every time I rebuild it?
#
# Two ways: export single charts with `econnews.plot.export`, or build the whole
# report folder with `econnews.report.build_report` (the `econnews report` command).
# This notebook writes into `notebooks/exports/` (or the folder `ECONNEWS_EXPORTS`
# names) and keeps the files there: the last cell says where they are.

# %%
# %matplotlib inline
import hashlib
import os
import re
from pathlib import Path

import econnews as en
from econnews import plot
from econnews.display import chart
from econnews.report import build_report

DATA = Path("..") / "data"
OUT = Path(os.environ.get("ECONNEWS_EXPORTS", "exports")).resolve()  # kept after the run
OUT.mkdir(parents=True, exist_ok=True)

# %% [markdown]
# ## 1. One chart, three formats
# PNG for the web, SVG for editing (its text stays text, in the report's fonts), PDF
# with embedded TrueType fonts for print. SVG and PDF carry the chart's title as their
# document title.

# %%
articles = en.load_articles(DATA)
quantities = en.normalize(en.extract_corpus(articles, progress=False))
claims = en.find_claims(articles, quantities)
figure = plot.claims_timeline(claims, concept="trade", parties=["RUS", "JPN"],
                              title="Japan–Russia trade: the 2019 target and the levels reported")
paths = plot.export(figure, OUT / "charts" / "russia_japan_trade")
chart(figure)

# %%
svg = paths["svg"].read_text(encoding="utf-8")
pdf = paths["pdf"].read_bytes()
for fmt, path in paths.items():
    print(f"{fmt}: {path.name}, {path.stat().st_size:,} bytes")
print("SVG text elements:", svg.count("<text"))
print("SVG title:", re.search(r"<title>(.*?)</title>", svg).group(1))
print("PDF has a title:", b"/Title" in pdf, "· embedded TrueType:", b"/FontFile2" in pdf)

# %% [markdown]
# ## 2. Reproducible files?
# Export the same figure again and compare the bytes of each format. The answer below
# is computed, not assumed.

# %%
again = plot.export(figure, OUT / "again" / "russia_japan_trade")
same = {fmt: hashlib.sha256(paths[fmt].read_bytes()).hexdigest()
        == hashlib.sha256(again[fmt].read_bytes()).hexdigest() for fmt in paths}
print("byte-identical:", same)

# %% [markdown]
# ## 3. The whole report
# `build_report` runs the pipeline and writes the tables (CSV and Parquet), a chart for
# every group of comparable claims in three formats (or a line saying why a group has
# none), and an `index.html` listing every article with its source link.

# %%
report = build_report(DATA, OUT / "report")
report.summary()

# %%
sorted(name for name in report.files if name.endswith(".png"))

# %% [markdown]
# ## 4. Where the files are
# Everything stays for you to open: the single chart in three formats, its second
# export, and the report folder with its `index.html`.

# %%
files = sorted(p for p in OUT.rglob("*") if p.is_file() and not p.name.startswith("."))
print(f"{len(files)} files in {OUT}")
for folder in sorted({p.parent for p in files}):
    print(f"  {folder.relative_to(OUT.parent)}/: {sum(p.parent == folder for p in files)} files")
print("open the report:", report.index)
