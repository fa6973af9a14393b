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
# # Fact-check: claims against the official figures
#
# **Question.** When an article says the U.S. deficit with China "hit 410 billion
# dollars in 2018", is that what the official statistics say? And the seed story:
# Putin's target of 30 billion dollars "by 1.5 times" implies current trade of about
# 20 billion dollars. What did the reported figures say?
#
# `econnews.check` holds each claim against the official figure for the same
# concept, parties (with their direction) and period, and gives a verdict:
# *consistent*, *overstated*, *understated*, *no reference* or *not comparable*. How
# far a claim may be off follows its own wording: "410 billion" is written to the
# nearest 10 billion, "about" allows 5%, "more than" is a threshold.

# %%
# %matplotlib inline
import os
from pathlib import Path

import pandas as pd

import econnews as en
from econnews import plot
from econnews.display import chart, style_table
from econnews.factcheck import reference

# %% [markdown]
# ## 1. Claims and the official figures
# The articles of the repository's `data/` folder, their claims (in dollars at each
# article's date), and the official figures econnews ships: the U.S. goods balances
# with its partners from the Census Bureau's annual FT-900 releases.

# %%
articles = en.load_articles(Path("..") / "data")
claims = en.find_claims(articles)
official = reference.bundled()
print(f"{len(articles)} articles, {len(claims)} claims; "
      f"{len(official)} official figures, {official['period'].min()}–{official['period'].max()}")
style_table(official[["concept", "party_from", "party_to", "period", "value", "basis",
                      "release"]], max_rows=8)

# %% [markdown]
# ## 2. The verdicts
# Every claim gets a verdict and a note saying why; the claims with an official
# figure to compare come first.

# %%
checked = en.check(claims)
checked["verdict"].value_counts()

# %%
columns = ["source", "speaker", "surface", "period", "ref_value", "deviation", "verdict",
           "check_note"]
compared = checked[checked["ref_value"].notna()]
style_table(compared[columns], max_rows=30)

# %% [markdown]
# ## 3. Claims beside the official series
# The official figures as a line with a band of ±5%, each claim at the year it is for,
# with its own tolerance as an error bar; the labels name who said it and, when it
# is off, by how much.

# %%
pairs = (compared.groupby(["concept", "party_from", "party_to"], observed=True).size()
         .sort_values(ascending=False))
charts = [chart(plot.claims_vs_reference(checked, concept=concept, parties=[frm, to]))
          for concept, frm, to in pairs.index[:2]]
charts[0] if charts else "no claim here has an official figure to compare with"

# %%
charts[1] if len(charts) > 1 else "only one pair of countries has official figures here"

# %% [markdown]
# ## 4. The seed: what did "1.5 times, to 30 billion dollars" imply?
# The implied current level is checked like a level of the last full year before the
# article. No official Russia–Japan series ships with econnews (Russian and Japanese
# customs count on different bases), so the reference here is what officials said
# in later statements (`source_kind="official_statement"`): the levels of
# Russia–Japan trade that the Kremlin and the Japanese government stated in the
# articles of `data/`, each with its article as provenance.

# %%
said = claims[(claims["concept"] == "trade") & claims["parties"].eq("JPN,RUS")
              & claims["speaker"].notna()]
statements = reference.from_claims(said, source_kind="official_statement")
seed = claims[(claims["doc_id"] == "russia-japan-trade-30bn")
              & (claims["claim_type"] == "implied")]
seed_checked = en.check(seed, statements) if len(statements) else en.check(seed)
style_table(seed_checked[["surface", "value", "ref_period", "ref_value", "ref_source",
                          "verdict", "check_note"]])

# %%
style_table(statements[["period", "value", "source", "note"]], max_rows=20)

# %% [markdown]
# ## 5. 1987: the U.S.–Japan deficit in the Reuters stories
# With `ECONNEWS_DATA` set to a folder holding `reuters21578/`, the 1987 stories'
# claims about the 1986 U.S.–Japan balance are checked against a reference table
# written by hand, the way a user brings their own figures: the Commerce
# Department's balance-of-payments figure for 1986, 54.6 billion dollars, as Reuters
# reported it on 11 March 1987. The stories also quote 58.6 billion dollars (and
# Japan's own customs figures, 51.5 billion): figures on other bases. The check
# flags the gap, and its note says that the claim does not state its basis: read the
# sentence before calling a figure wrong.

# %%
if os.environ.get("ECONNEWS_DATA"):
    corpus = en.datasets.reuters21578(download=False)

    def tagged(column, value):
        return corpus[column].map(lambda tags: tags is not None and value in list(tags))

    stories = corpus[tagged("topics", "trade") & (tagged("places", "usa")
                                                  | tagged("places", "japan"))]
    found = en.find_claims(stories)
    balance = found[found["concept"].isin(["trade_deficit", "trade_surplus"])
                    & found["parties"].isin(["USA,JPN", "JPN,USA"])
                    & found["period"].eq("1986")]
    commerce_1986 = reference.validate(pd.DataFrame([{
        "concept": "trade_deficit", "party_from": "USA", "party_to": "JPN",
        "period": "1986", "value": 54.6e9, "unit": "USD",
        "basis": "goods, balance of payments basis",
        "source": "U.S. Commerce Department, as reported by Reuters on 1987-03-11",
        "source_kind": "official_statement"}]))
    reuters_checked = en.check(balance, commerce_1986)
    print(f"{len(stories)} stories, {len(balance)} claims on the 1986 U.S.–Japan balance")
    view = style_table(reuters_checked[["date", "surface", "speaker", "ref_value", "deviation",
                                        "verdict", "check_note", "sentence"]], max_rows=20)
else:
    view = "Set ECONNEWS_DATA to a folder holding reuters21578/ to check the 1987 stories."
view

# %% [markdown]
# ## 6. For the report
# `econnews report` writes the same verdicts to `check.csv`, and `econnews check
# ARTICLES --reference REF.csv -o check.csv` checks against your own reference table
# (its format: `econnews/data/reference/README.md`).
