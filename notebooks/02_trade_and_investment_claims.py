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
# Russia–Japan example and short articles written for econnews that report real,
# published figures (Kremlin transcripts, the U.S. Commerce Department's annual trade
# releases, ONS, India's foreign ministry), each with its source link. With
# `ECONNEWS_DATA` set to a folder holding `reuters21578/`, it reads the real 1987
# Reuters trade stories instead: Japan's trade surplus, US–Japan and Soviet–Japanese
# trade.

# %%
# %matplotlib inline
import os
from pathlib import Path

import pandas as pd

import econnews as en
from econnews import plot
from econnews.display import chart, claims_browser, style_table

REUTERS = bool(os.environ.get("ECONNEWS_DATA"))
DATA = Path("..") / "data"
# the analyst's corrections: saved by the claims browser below, applied on every run
CORRECTIONS = None if REUTERS else DATA / "corrections.csv"

# %% [markdown]
# ## 1. The corpus
# On Reuters, the editors tagged each 1987 story with the countries and topics it is
# about: we keep the stories on Japan that are about trade or also about the USSR. On
# the repository's data, each article comes with the page its figures were taken from.

# %%
if REUTERS:
    corpus = en.datasets.reuters21578(download=False)

    def tagged(column, value):
        return corpus[column].map(lambda tags: tags is not None and value in list(tags))

    articles = corpus[tagged("places", "japan") & (tagged("topics", "trade")
                                                   | tagged("places", "ussr"))]
else:
    articles = en.load_articles(DATA)
print(f"{len(articles)} articles from {articles['date'].min():%Y-%m-%d} "
      f"to {articles['date'].max():%Y-%m-%d}")
sources = [c for c in ("id", "date", "source", "statement_by", "url") if c in articles]
style_table(articles[sources].sort_values("date"), max_rows=10)

# %% [markdown]
# ## 2. Quantities and claims
# The quantities of every article (with a progress bar), their USD amounts at each
# article's date, and the claims they make, with the corrections an analyst saved in
# `corrections.csv` applied (section 6 shows how to make one).

# %%
quantities = en.normalize(en.extract_corpus(articles, progress=True))
claims = en.find_claims(articles, quantities, corrections=CORRECTIONS)
print(f"{len(quantities)} quantities, {len(claims)} claims")
claims["concept"].value_counts().head(10)

# %%
chart(plot.quantities_overview(quantities))

# %% [markdown]
# ## 3. Claims over time
# One marker per claim, shaped by its type; the axis reads in USD and turns
# logarithmic when the values span orders of magnitude. On Reuters: every figure
# given for Japan's trade surplus, monthly and yearly, global and bilateral. On the
# repository's data: the 30 billion dollar target Putin set in January 2019 against
# the Russia–Japan trade levels reported before and after it. We ask for the implied
# figures too (`implied=True`): hollow, labelled markers, derived rather than stated.
# An *implied base* is the level a target or a change starts from, an *implied
# target* the level a ratio applied to today's level aims at.

# %%
if REUTERS:
    timeline = plot.claims_timeline(
        claims, concept="trade_surplus", parties=["JPN"],
        title="Japan's trade surplus: the figures the 1987 stories give")
else:
    timeline = plot.claims_timeline(
        claims, concept="trade", parties=["JPN", "RUS"], implied=True,
        title="Japan–Russia trade: the 2019 target and the levels reported")
chart(timeline)

# %% [markdown]
# ## 4. Do the articles agree?
# One row per article (and concept); a grey bar joins only claims on the same basis
# (concept, parties and period), so a one-year level is never joined to a target. The
# implied figures are drawn again, each labelled, on the row of the claims they come
# from: the 30 billion dollar target at 1.5 times implies about 20 billion today.

# %%
if REUTERS:
    trade = ["trade", "exports", "imports", "trade_surplus", "trade_deficit"]
    compared = plot.compare_claims(claims, concept=trade, parties=["JPN", "USA"],
                                   title="US–Japan trade: claims across the 1987 stories")
else:
    compared = plot.compare_claims(claims, concept=["trade", "investment"],
                                   parties=["JPN", "RUS"], implied=True,
                                   title="Japan–Russia trade and investment: claims compared")
chart(compared)

# %% [markdown]
# ## 5. Soviet–Japanese trade, or the U.S. goods deficits by year
# On Reuters, two 1987 stories are about Soviet–Japanese trade: their headlines
# name both countries (Soviet coal for Japanese steel mills; Japanese seamless
# pipes for China and the USSR). Their sentences do not always: the pipe deal names
# its Japanese sellers by company, so its claims carry no Japanese party. So we
# pick the claims by story, not by the `parties` column. Their figures are
# volumes in tonnes and prices per tonne, not trade values: the chart compares the
# volumes and the table lists every figure.
#
# On the repository's data: the U.S. goods deficits with China and Japan as the
# Commerce Department's annual releases gave them, placed at the year each figure
# refers to (not the day it was reported), and labelled with where it was reported;
# beside them, President Trump's 504 billion dollars for 2017, which notebook 04 checks
# against the Census series.

# %%
if REUTERS:
    headline = articles["title"].str.upper()
    soviet_japanese = articles.loc[headline.str.contains("USSR|SOVIET")
                                   & headline.str.contains("JAPAN"), "id"]
    story_claims = claims[claims["doc_id"].isin(soviet_japanese)]
    third = plot.compare_claims(story_claims, unit="metric_ton",
                                title="Soviet–Japanese trade in 1987: volumes")
else:
    deficit = (claims["concept"].eq("trade_deficit")
               & claims["parties"].isin(["USA,CHN", "USA,JPN"])
               & claims["period"].str.fullmatch(r"\d{4}"))
    story_claims = claims[deficit.fillna(False)].assign(
        year=lambda c: pd.to_datetime(c["period"] + "-01-01"))
    third = plot.claims_timeline(story_claims, x="year", hue="parties", label="source",
                                 title="U.S. goods deficits with China and Japan, as reported")
chart(third)

# %%
style_table(story_claims[["date", "concept", "parties", "claim_type", "period", "value",
                          "speaker", "surface"]])

# %% [markdown]
# ## 6. The evidence, and corrections that stick
# Every claim keeps the sentence it came from: check the figures before quoting them.
# The claims browser filters by concept, parties, claim type and review state (the
# claims whose fields came from outside their sentence, or were defaulted, when the
# table says so); choose a claim to read its sentence, highlighted in the article, and
# which reading set each field. When a field is wrong, pick it under "correct", type
# the right value and save: the correction goes to `data/corrections.csv` (claim id,
# field, old and new value, who, when, note) and every later run applies it, here and
# in `econnews claims`, `econnews report` and `econnews check`. A correction whose
# claim has changed since is reported, never applied to another claim.

# %%
browser = claims_browser(claims, articles, corrections=CORRECTIONS)
browser

# %%
columns = ["date", "source", "concept", "parties", "claim_type", "value_usd", "speaker",
           "sentence"]
concepts = ["trade", "exports", "imports", "trade_surplus", "trade_deficit", "investment"]
style_table(claims.loc[claims["concept"].isin(concepts), columns], max_rows=25)
