"""df.econnews: fits quantities and claims tables only, returns new index-aligned results."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from pandas.io.formats.style import Styler

import econnews as en
import econnews.accessor  # registers df.econnews (econnews/__init__ will import it)
from econnews import schema
from econnews.accessor import table_kind
from econnews.display import ArticleView
from econnews.errors import CurrencyMixError, InputError

TEXT = ("Putin proposed to increase trade between Russia and Japan to $30 billion. "
        "The total amount of Japanese investments is $ 2.2 billion.")
ARTICLE = {"id": "rj", "date": "2019-01-22", "text": TEXT}


@pytest.fixture(scope="module")
def quantities() -> pd.DataFrame:
    q = en.extract(TEXT, doc_id="rj", date="2019-01-22")
    q.index = pd.Index([101, 102], name="mention")  # a non-default index must survive
    return q


@pytest.fixture(scope="module")
def claims(quantities) -> pd.DataFrame:
    return en.find_claims(ARTICLE, en.normalize(quantities))


def test_registered_under_econnews():
    assert pd.DataFrame._accessors >= {"econnews"}
    assert econnews.accessor.EconnewsAccessor is type(schema.empty(schema.QUANTITIES).econnews)


@pytest.mark.parametrize(("columns", "expected"), [
    (list(schema.QUANTITIES), "quantities"),
    (["surface", "kind", "value", "unit"], "quantities"),
    (list(schema.CLAIMS), "claims"),
    (["concept", "claim_type"], "claims"),
    (["surface", "kind", "value"], None),
    (["id", "date", "text"], None),
    ([], None),
], ids=["quantities", "quantities-minimal", "claims", "claims-minimal", "no-unit", "articles",
        "empty"])
def test_table_kind(columns, expected):
    assert table_kind(pd.DataFrame(columns=columns)) == expected


def test_frames_that_do_not_fit_raise_attribute_error_naming_what_they_lack():
    articles = pd.DataFrame({"id": ["a"], "text": ["Trade was $5 billion."]})
    assert not hasattr(articles, "econnews")
    with pytest.raises(AttributeError, match=r"quantities table .*'surface', 'kind', 'value', "
                                             r"'unit'.* claims table .*'concept', 'claim_type'"):
        articles.econnews  # noqa: B018


def test_kind_of_each_table(quantities, claims):
    assert quantities.econnews.kind == "quantities"
    assert claims.econnews.kind == "claims"
    assert schema.empty(schema.QUANTITIES).econnews.kind == "quantities"


def test_normalize_is_new_and_index_aligned(quantities):
    before = quantities.copy()
    out = quantities.econnews.normalize()
    assert out is not quantities
    assert out.index.equals(quantities.index)
    assert out["value_usd"].tolist() == [3e10, 2.2e9]
    pd.testing.assert_frame_equal(quantities, before)
    eur = quantities.econnews.normalize(to="EUR")
    assert "value_eur" in eur and eur["value_eur"].notna().all()
    pd.testing.assert_frame_equal(out, en.normalize(quantities))


def test_claims_from_quantities(quantities):
    out = quantities.econnews.claims(ARTICLE)
    assert out["concept"].astype(str).tolist() == ["trade", "investment"]
    assert out["value"].tolist() == [3e10, 2.2e9]
    assert out["quantity_index"].tolist() == [0, 1]  # positions in the quantities table
    assert list(out.columns) == list(schema.CLAIMS)


@pytest.mark.parametrize("method", ["normalize", "highlight"])
def test_quantity_only_steps_refuse_a_claims_table(claims, method):
    args = () if method == "normalize" else (TEXT,)
    with pytest.raises(InputError, match=rf"econnews\.{method}\(\) works on a quantities table"):
        getattr(claims.econnews, method)(*args)


def test_claims_refuses_a_claims_table(claims):
    with pytest.raises(InputError, match="quantities table"):
        claims.econnews.claims(ARTICLE)


def test_to_pint_keeps_the_index(quantities):
    money = quantities.econnews.to_pint()
    assert str(money.dtype) == "pint[USD][Float64]"
    assert money.index.equals(quantities.index)
    usd = quantities.econnews.normalize().econnews.to_pint("value_usd")
    assert usd.pint.magnitude.tolist() == [3e10, 2.2e9]


def test_to_pint_refuses_mixed_currencies():
    q = en.extract("Exports were $5 billion and imports 300 billion yen.", date="2019-01-22")
    with pytest.raises(CurrencyMixError, match="several currencies"):
        q.econnews.to_pint()


def test_show_and_to_html_escape_the_table(claims):
    evil = claims.assign(sentence='<script>alert("x")</script>', speaker="<img onerror=x>")
    styler = evil.econnews.show(max_rows=1)
    assert isinstance(styler, Styler)
    for page in (styler.to_html(), evil.econnews.to_html()):
        assert "<script>" not in page and "<img" not in page
        assert "&lt;script&gt;" in page and "&lt;img onerror=x&gt;" in page
    assert "$30bn" in evil.econnews.to_html()  # value_usd reads as money
    assert "1 of 2 rows" in evil.econnews.to_html(max_rows=1)


def test_highlight_places_each_quantity_in_the_text(quantities):
    view = quantities.econnews.highlight(TEXT)
    assert isinstance(view, ArticleView)
    placed, skipped = view.spans()
    assert [TEXT[s:e] for s, e, _ in placed] == ["$30 billion", "$ 2.2 billion"]
    assert skipped == []
    other = quantities.econnews.highlight("Some other text.")
    assert other.spans()[1] == ["$30 billion", "$ 2.2 billion"]  # listed, not dropped


def points(fig: Figure) -> list[float]:
    ax = fig.axes[0]
    return sorted(float(v) for c in ax.collections if isinstance(c, PathCollection)
                  for v in c.get_offsets()[:, 1 if ax.get_xlabel().startswith("Date") else 0])


def test_plot_dispatches_to_the_chart_of_the_table(quantities, claims):
    overview = quantities.econnews.plot()
    assert overview.axes[0].get_title("left") == "Mentions by kind"
    timeline = claims.econnews.plot(concept="trade", title="Russia–Japan trade")
    assert timeline.axes[0].get_title("left") == "Russia–Japan trade"
    assert points(timeline) == [3e10]
    compared = claims.econnews.plot("compare", concept=["trade", "investment"])
    assert points(compared) == [2.2e9, 3e10]


@pytest.mark.parametrize(("table", "kind"), [("quantities", "timeline"), ("claims", "overview"),
                                             ("claims", "pie")])
def test_plot_rejects_a_chart_the_table_cannot_draw(request, table, kind):
    frame = request.getfixturevalue(table)
    with pytest.raises(InputError, match=f"plot\\(kind='{kind}'\\)"):
        frame.econnews.plot(kind)
