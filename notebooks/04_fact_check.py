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
# *consistent*, *overstated*, *understated*, *basis differs* (the claim measures
# something else: a partner's customs figure, imports valued c.i.f., goods and
# services), *no reference* or *not comparable*. How far a claim may be off follows
# its own wording: "410 billion" is written to the nearest 10 billion, "about" allows
# 5%, "more than" is a threshold. A claim is judged against the figure known at its
# date (the figure as first published, or the later revision), and the row says which.

# %%
# %matplotlib inline
import os
from pathlib import Path

import econnews as en
from econnews import plot
from econnews.display import chart, style_table
from econnews.factcheck import reference

# %% [markdown]
# ## 1. Claims and the official figures
# The articles of the repository's `data/` folder, their claims (in dollars at each
# article's date), and the official figures econnews ships: the Census Bureau's
# series of U.S. trade in goods by partner (exports, imports and the balance, every
# month and year from 1985, vintage `census_2024-06`), and 20 U.S. balances as first
# published in the FT-900 releases of 2017–2021 (vintage `first_published`).

# %%
articles = en.load_articles(Path("..") / "data")
claims = en.find_claims(articles)
official = reference.bundled()
vintages = official.groupby("vintage")["period"].agg(["size", "min", "max"])
print(f"{len(articles)} articles, {len(claims)} claims; {len(official):,} official figures")
vintages

# %%
style_table(official[official["vintage"] == "first_published"][
    ["concept", "party_from", "party_to", "period", "value", "basis", "release"]], max_rows=8)

# %% [markdown]
# ## 2. The verdicts
# Every claim gets a verdict and a note saying why; the claims with an official
# figure to compare come first.

# %%
checked = en.check(claims)
print("Coverage:", en.factcheck.coverage_line(checked))
checked["verdict"].value_counts()

# %%
columns = ["source", "speaker", "surface", "period", "ref_value", "ref_vintage", "deviation",
           "verdict", "check_note"]
compared = checked[checked["ref_value"].notna()]
style_table(compared[columns], max_rows=30)

# %% [markdown]
# ### Real statements that the series does not bear out as stated
# Three articles of `data/reported/` report statements checked here against the Census
# series, not against the news that quoted them: President Trump's 504 billion dollars
# for the 2017 U.S. deficit with China (close to what the U.S. imported from China that
# year, not to the deficit: *overstated*), and China's and Japan's own customs counts of
# their surpluses with the U.S. (*basis differs*: the same trade counted by the other
# side, with both figures shown, never called understated).

# %%
off = compared[compared["verdict"].isin(["overstated", "understated", "basis_differs"])]
style_table(off[["source", "speaker", "surface", "period", "ref_value", "ref_vintage",
                 "deviation", "verdict"]])

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
# ## 5. 1987: U.S. trade with its partners in the Reuters stories
# With `ECONNEWS_DATA` set to a folder holding `reuters21578/`, the 1987 trade stories'
# claims about U.S. trade with a partner are checked against the Census series. Most
# of them are figures on another basis: Taiwan's, Korea's and Japan's own customs
# counts of their surplus with the U.S., or the U.S. figures of the time, which valued
# imports c.i.f. (the 1986 deficit with Japan, 58.6 billion dollars, is 55.0 billion
# with imports at customs value, as the series has it). The check says *basis
# differs* for those, with both figures, rather than calling them wrong; a sector
# figure ("farm exports") is not held against the total.

# %%
if os.environ.get("ECONNEWS_DATA"):
    corpus = en.datasets.reuters21578(download=False)
    trade = corpus["topics"].map(lambda tags: tags is not None and "trade" in list(tags))
    stories = corpus[trade & corpus["has_body"].fillna(False).astype(bool)]
    reuters_checked = en.check(en.find_claims(stories))
    us_pair = reuters_checked["parties"].map(
        lambda p: isinstance(p, str) and "USA" in p.split(",") and len(p.split(",")) == 2)
    money = (reuters_checked["kind"] == "money") & (reuters_checked["claim_type"] == "level") \
        & reuters_checked["period"].notna() & us_pair
    print(f"{len(stories)} stories; U.S.-partner money levels with a period: "
          f"{en.factcheck.coverage_line(reuters_checked[money])}")
    view = style_table(reuters_checked[money & reuters_checked["ref_value"].notna()][
        ["date", "surface", "period", "ref_value", "deviation", "verdict", "check_note"]],
        max_rows=20)
else:
    view = "Set ECONNEWS_DATA to a folder holding reuters21578/ to check the 1987 stories."
view

# %% [markdown]
# ## 6. For the report
# `econnews report` writes the same verdicts to `check.csv`, and `econnews check
# ARTICLES --reference REF.csv -o check.csv` checks against your own reference table
# (its format: `econnews/data/reference/README.md`).
