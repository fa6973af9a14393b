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
# # Quickstart: which numbers does one news article hold?
#
# **Question.** In January 2019 a news report said Putin proposed to "increase trade
# between Russia and Japan to \$30 billion", "to increase mutual trade by 1.5 times",
# and that "the total amount of Japanese investments is \$ 2.2 billion". What does
# econnews read in that article, and what do the numbers claim together?
#
# The story in four steps: load the article, extract its quantities, look at them in
# the text, and chart the claims they make.

# %%
# %matplotlib inline
from pathlib import Path

import econnews as en
from econnews import plot
from econnews.display import style_table

DATA = Path("..") / "data"  # the repository's own articles

# %% [markdown]
# ## 1. The article
# `load_articles` reads a folder (with its `manifest.csv` for dates and titles) into
# an articles table, one row per article.

# %%
articles = en.load_articles(DATA)
article = articles.set_index("id").loc["russia-japan-trade-30bn"]
print(article["title"])
print(article["date"].date())

# %% [markdown]
# ## 2. Its quantities
# `extract` finds every quantity in the text; `normalize` adds the USD amount at the
# article's date. Each row keeps its evidence: the surface text and its offsets.

# %%
quantities = en.normalize(
    en.extract(article["text"], doc_id=article.name, date=article["date"])
)
style_table(quantities[["surface", "kind", "value", "unit", "value_usd", "sentence"]])

# %% [markdown]
# ## 3. The quantities in the text
# Each highlight is coloured by kind; hover it for the value econnews read.

# %%
en.show(articles[articles["id"] == "russia-japan-trade-30bn"])

# %% [markdown]
# ## 4. What the numbers claim
# `find_claims` ties each number to a concept, the parties, the kind of claim and who
# made it. A 1.5-fold increase to \$30 billion implies trade of about \$20 billion now:
# that implied base is a claim of its own.

# %%
one = articles[articles["id"] == "russia-japan-trade-30bn"]
claims = en.find_claims(one, quantities)
style_table(claims[["concept", "parties", "claim_type", "value", "unit", "value_usd",
                    "speaker", "surface"]])

# %%
plot.compare_claims(claims, concept=["trade", "investment"], parties=["RUS", "JPN"],
                    title="Russia–Japan: trade and investment claims in one article")

# %% [markdown]
# **Answer.** The article holds a \$30 billion trade target, a 1.5× increase, and a
# \$2.2 billion investment level; the target and the ratio together imply current
# trade of about \$20 billion.
