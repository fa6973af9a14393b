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
# # Trade and investment claims across articles
#
# **Question.** When several articles quote figures for the same trade or investment
# relationship, do the claims agree? Which are levels, which are targets or
# forecasts, and what current levels do the targets imply?
#
# By default this notebook reads the repository's own `data/` folder: the
# Russia–Japan example and short illustrative articles written for the project.
# With `ECONNEWS_DATA` set to a folder holding `reuters21578/`, it reads the real
# 1987 Reuters trade stories instead: Japan's trade surplus, US–Japan and
# Soviet–Japanese trade.

# %%
# %matplotlib inline
import os
from pathlib import Path

import econnews as en
from econnews import plot
from econnews.display import style_table

REUTERS = bool(os.environ.get("ECONNEWS_DATA"))

# %% [markdown]
# ## 1. The corpus

# %%
if REUTERS:
    corpus = en.datasets.reuters21578(download=False)

    def tagged(column, value):
        return corpus[column].map(lambda tags: tags is not None and value in list(tags))

    articles = corpus[tagged("places", "japan") & (tagged("topics", "trade")
                                                   | tagged("places", "ussr"))]
    pair, concepts = ["JPN", "USA"], ["trade", "trade_surplus", "trade_deficit", "exports"]
else:
    articles = en.load_articles(Path("..") / "data")
    pair, concepts = ["JPN", "RUS"], ["trade", "investment"]
print(f"{len(articles)} articles from {articles['date'].min():%Y-%m-%d} "
      f"to {articles['date'].max():%Y-%m-%d}")

# %% [markdown]
# ## 2. Quantities and claims
# The quantities of every article (with a progress bar), their USD amounts at each
# article's date, and the claims they make.

# %%
quantities = en.normalize(en.extract_corpus(articles, progress=True))
claims = en.find_claims(articles, quantities)
print(f"{len(quantities)} quantities, {len(claims)} claims")
claims["concept"].value_counts().head(10)

# %%
plot.quantities_overview(quantities)

# %% [markdown]
# ## 3. Claims over time
# One marker per claim, shaped by its type; the axis reads in USD and turns
# logarithmic when the values span orders of magnitude.

# %%
plot.claims_timeline(claims, concept=concepts, parties=pair)

# %% [markdown]
# ## 4. Do the articles agree?
# One row per source and speaker; the grey bar spans what each row claims, and hollow
# diamonds are the bases that targets imply.

# %%
plot.compare_claims(claims, concept=concepts, parties=pair)

# %%
if REUTERS:
    chart = plot.compare_claims(claims, concept=concepts, parties=["JPN", "SUN"],
                                 title="Soviet–Japanese trade claims, 1987")
else:
    chart = plot.claims_timeline(claims, concept="investment",
                                  title="Investment claims over time")
chart

# %% [markdown]
# ## 5. The evidence
# Every claim keeps the sentence it came from: check the figures before quoting them.

# %%
columns = ["date", "source", "concept", "parties", "claim_type", "value_usd", "speaker",
           "sentence"]
style_table(claims.loc[claims["concept"].isin(concepts), columns], max_rows=25)
