"""econnews.show and the table views: highlighting, tooltips, and HTML escaping."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import pytest

import econnews
from econnews import display, schema
from econnews.errors import InputError, MissingColumnsError

SAFE_TAGS = {"div", "mark", "span"}


class Tags(HTMLParser):
    """Every start tag and attribute in a fragment, and the text it displays."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(fragment: str) -> Tags:
    parser = Tags()
    parser.feed(fragment)
    parser.close()
    return parser


def quantities_for(text: str, spans: list[tuple[str, str, float, str]]) -> pd.DataFrame:
    """A quantities table locating each (surface, kind, value, unit) in ``text``."""
    rows = []
    for surface, kind, value, unit in spans:
        start = text.index(surface)
        rows.append({"start": start, "end": start + len(surface), "surface": surface,
                     "kind": kind, "value": value, "low": value, "high": value, "unit": unit,
                     "bound": "="})
    return schema.coerce(pd.DataFrame(rows), schema.QUANTITIES)


HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)",
    "</mark></div><script>alert(1)</script>",
    "&lt;script&gt; already escaped",
]


@pytest.mark.parametrize("evil", HOSTILE)
def test_show_escapes_text_title_source_and_tooltips(evil):
    text = f"{evil} Trade rose to $30 billion {evil}, up 5% {evil}."
    q = quantities_for(text, [("$30 billion", "money", 3e10, "USD"),
                              ("5%", "percent", 5.0, evil)])
    view = econnews.show({"text": text, "title": evil, "source": evil, "id": evil}, quantities=q)
    out = view._repr_html_()
    parsed = parse(out)
    assert {tag for tag, _ in parsed.tags} <= SAFE_TAGS
    for _tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs), attrs
        assert set(attrs) <= {"class", "style", "title", "data-kind"}
    # the hostile text survives as visible text, exactly as written
    shown = "".join(parsed.text)
    assert text in shown and shown.count(evil) >= 5
    tooltip = [a["title"] for t, a in parsed.tags if t == "mark" and a["data-kind"] == "percent"]
    assert tooltip == [f"percent: 5 {evil}"]


def test_show_highlights_every_quantity_by_kind_with_normalised_tooltip():
    text = "Putin wants trade up 1.5 times to $30 billion; investment is $ 2.2 billion."
    q = quantities_for(text, [("1.5 times", "ratio", 1.5, "times"),
                              ("$30 billion", "money", 3e10, "USD"),
                              ("$ 2.2 billion", "money", 2.2e9, "USD")])
    marks = [(a["data-kind"], a["title"]) for t, a in parse(display.show(text, quantities=q)
                                                             ._repr_html_()).tags if t == "mark"]
    assert marks == [("ratio", "ratio: 1.5 times"),
                     ("money", "money: 30,000,000,000 USD ($30bn)"),
                     ("money", "money: 2,200,000,000 USD ($2.2bn)")]


def test_show_tooltip_gives_usd_for_other_currencies_and_ranges():
    row = {"kind": "money", "value": 2.5e9, "low": 2e9, "high": 3e9, "unit": "EUR",
           "bound": "=", "value_usd": 2.8e9, "change": "down"}
    assert display.describe(row) == (
        "money: 2,000,000,000–3,000,000,000 EUR (€2.5bn) ≈ $2.8bn at the article's date, a fall")


def test_show_lists_spans_whose_offsets_do_not_match():
    text = "Exports were $5 billion and imports $4 billion."
    q = quantities_for(text, [("$5 billion", "money", 5e9, "USD"),
                              ("$4 billion", "money", 4e9, "USD")])
    q.loc[1, "start"] = q.loc[1, "start"] + 1  # corrupt: text[start:end] != surface
    view = display.show(text, quantities=q)
    out = view._repr_html_()
    assert [a["data-kind"] for t, a in parse(out).tags if t == "mark"] == ["money"]
    assert "Not highlighted" in out and "$4 billion" in out.split("Not highlighted")[1]


def test_show_accepts_article_rows_and_rejects_other_input():
    text = "Trade hit $30 billion."
    q = quantities_for(text, [("$30 billion", "money", 3e10, "USD")])
    articles = pd.DataFrame({"id": ["a1"], "title": ["Trade"], "text": [text],
                             "date": pd.to_datetime(["2019-01-22"]), "source": ["Kyodo"]})
    view = display.show(articles, quantities=q)
    assert view.title == "Trade" and view.meta == {"source": "Kyodo", "date": "2019-01-22",
                                                   "id": "a1"}
    assert display.show(articles.iloc[0], quantities=q).text == text
    with pytest.raises(InputError, match="2 rows"):
        display.show(pd.concat([articles, articles]), quantities=q)
    with pytest.raises(InputError, match="int"):
        display.show(42)
    with pytest.raises(InputError, match="'text'"):
        display.show({"title": "no text"})
    with pytest.raises(MissingColumnsError, match="kind"):
        display.show(text, quantities=q.drop(columns="kind"))


def test_show_runs_extract_on_plain_text():
    view = econnews.show("Trade should grow 1.5 times to $30 billion.")
    kinds = {a["data-kind"]: a["title"] for t, a in parse(view._repr_html_()).tags if t == "mark"}
    assert "money" in kinds and "$30bn" in kinds["money"]
    assert "ratio" in kinds


# ------------------------------------------------------------------- tables

def test_table_html_escapes_cells_and_headers_and_formats_usd():
    frame = pd.DataFrame({"surface": ["<script>alert(1)</script>"], "<b>col</b>": ['"q"'],
                          "value_usd": pd.array([2e10], dtype="Float64"),
                          "kind": pd.Categorical(["money"])})
    before = frame.copy()
    out = display.table_html(frame)
    assert "<script>" not in out and "<b>col</b>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out and "&lt;b&gt;col&lt;/b&gt;" in out
    assert ">$20bn<" in out
    assert display.table_html(frame) == out  # deterministic ids
    pd.testing.assert_frame_equal(frame, before)


def test_table_html_caps_rows_and_says_so():
    frame = pd.DataFrame({"claim_type": ["level", "target"] * 30, "sentence": ["x" * 400] * 60})
    out = display.table_html(frame, max_rows=10)
    assert "10 of 60 rows" in out
    assert out.count("<tr>") == 11  # header + 10
    assert "x" * 159 + "…" in out and "x" * 161 not in out


# ----------------------------------------------- issue 15: charts and claims browser


def browser_inputs():
    articles = pd.DataFrame({
        "id": ["rj", "us"], "title": ["Russia–Japan <b>talks</b>", "U.S. deficits"],
        "text": ["Putin said trade between Russia and Japan was $20 billion in 2018. "
                 "<script>alert(1)</script> Japanese investment in Russia is $2.2 billion.",
                 "The U.S. goods deficit with China was $419.2 billion in 2018."]})
    return econnews.find_claims(articles), articles


def test_claims_browser_filters_and_highlights_the_chosen_sentence():
    pytest.importorskip("ipywidgets")
    claims, articles = browser_inputs()
    browser = display.claims_browser(claims, articles)
    assert browser.count.value.startswith(f"<b>{len(claims)}</b>")
    shown = browser.filter(concept="trade_deficit")
    assert shown["concept"].tolist() == ["trade_deficit"]
    assert len(browser.list.options) == 1
    page = browser.choose(shown.index[0])
    tags = parse(page)
    assert "script" not in {t for t, _ in tags.tags}
    assert '<mark data-econnews="sentence"' in page and "<strong>$419.2 billion</strong>" in page
    browser.filter(concept="investment", parties="JPN,RUS")
    page = browser.article.value
    assert "&lt;script&gt;" in page and "<strong>$2.2 billion</strong>" in page
    assert "Russia–Japan &lt;b&gt;talks&lt;/b&gt;" in page
    assert browser.filter(concept="investment", parties="USA,CHN").empty
    assert "No claim matches" in browser.article.value


def test_claims_browser_needs_the_claim_columns_and_the_articles():
    pytest.importorskip("ipywidgets")
    claims, articles = browser_inputs()
    with pytest.raises(MissingColumnsError, match="concept"):
        display.claims_browser(claims.drop(columns=["concept"]), articles)
    with pytest.raises(InputError, match="articles table"):
        display.claims_browser(claims, articles.drop(columns=["text"]))


def test_chart_view_carries_alt_text_in_html_and_png_metadata():
    from econnews import plot

    claims, _ = browser_inputs()
    view = display.chart(plot.compare_claims(claims, title='Trade <"quoted">'))
    data, meta = view._repr_mimebundle_()
    assert meta["image/png"]["alt"] == view.alt
    assert view.alt.startswith('Chart: Trade <"quoted">. Source:')
    img = parse(data["text/html"]).tags[0]
    assert img[0] == "img" and img[1]["alt"] == view.alt
    with pytest.raises(InputError, match="Figure"):
        display.chart("not a figure")
