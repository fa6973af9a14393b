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
# **Question.** In January 2019 a news report said Putin proposed to raise trade
# between Russia and Japan to 30 billion dollars, by 1.5 times, and that Japanese
# investment in Russia totalled 2.2 billion dollars. What does econnews read in that
# article, and what do the numbers claim together?
#
# The story in four steps: load the article, extract its quantities, look at them in
# the text, and chart the claims they make.

# %%
# %matplotlib inline
from pathlib import Path

import econnews as en
from econnews import plot
from econnews.display import chart, style_table

DATA = Path("..") / "data"  # the repository's own articles

# %% [markdown]
# ## 1. The article
# `load_articles` reads a folder (with its `manifest.csv` for dates, titles and source
# links) into an articles table, one row per article.

# %%
articles = en.load_articles(DATA)
article = articles.set_index("id").loc["russia-japan-trade-30bn"]
print(article["title"])
print(article["date"].date(), "·", article["source"], "·", article["url"])

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
# made it. A rise of 1.5 times to 30 billion dollars implies trade of about 20 billion
# dollars when it was said: that *implied base* is a claim of its own.

# %%
one = articles[articles["id"] == "russia-japan-trade-30bn"]
claims = en.find_claims(one, quantities)
style_table(claims[["concept", "parties", "claim_type", "implies", "value", "unit",
                    "value_usd", "speaker", "surface"]])

# %%
figure = plot.compare_claims(claims, concept=["trade", "investment"], parties=["RUS", "JPN"],
                             title="Russia–Japan: trade and investment claims in one article")
chart(figure)

# %% [markdown]
# **Answer.** The article holds a 30 billion dollar trade target, a rise of 1.5 times,
# and a 2.2 billion dollar investment level; the target and the ratio together imply
# trade of about 20 billion dollars at the time. Notebook 02 sets that target against
# the trade levels reported before and after it.
