"""econnews.plot: drawn data, titles, source lines, axes and reproducible export."""

from __future__ import annotations

import re
import warnings

import matplotlib as mpl
import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.figure import Figure
from matplotlib.text import Text

from econnews import plot, schema
from econnews.errors import InputError, MissingColumnsError


def claims_table(**overrides) -> pd.DataFrame:
    """A synthetic claims table: the Russia–Japan case plus two other stories."""
    data = {
        "doc_id": ["rj", "rj", "rj", "tass", "nikkei", "us"],
        "date": pd.to_datetime(["2019-01-22", "2019-01-22", "2019-01-22", "2018-09-12",
                                "2017-05-01", "2018-03-01"]),
        "source": ["Kyodo", "Kyodo", "Kyodo", "TASS", "Nikkei", "Reuters"],
        "concept": ["trade", "trade", "investment", "trade", "trade", "trade"],
        "parties": ["RUS JPN", "RUS JPN", "JPN RUS", "RUS JPN", "JPN RUS", "USA JPN"],
        "claim_type": ["target", "implied", "level", "level", "level", "level"],
        "value": [3e10, 2e10, 2.2e9, 1.8e10, 1.6e10, 6.9e10],
        "unit": ["USD"] * 6,
        "value_usd": pd.array([3e10, 2e10, 2.2e9, 1.8e10, 1.6e10, 6.9e10], dtype="Float64"),
        "speaker": ["Putin", "Putin", "Putin", pd.NA, pd.NA, pd.NA],
    }
    data.update(overrides)
    return pd.DataFrame(data)


def quantities_table() -> pd.DataFrame:
    rows = [
        ("a", "$30 billion", "money", 3e10, "USD"),
        ("a", "1.5 times", "ratio", 1.5, "times"),
        ("a", "$ 2.2 billion", "money", 2.2e9, "USD"),
        ("b", "5%", "percent", 5.0, "percent"),
        ("b", "¥500 billion", "money", 5e11, "JPY"),
        ("b", "3,400 people", "count", 3400.0, "people"),
    ]
    frame = pd.DataFrame(rows, columns=["doc_id", "surface", "kind", "value", "unit"])
    frame["start"], frame["end"] = 0, frame["surface"].str.len()
    return schema.coerce(frame, schema.QUANTITIES)


def texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


def source_note(fig: Figure) -> str:
    notes = [t.get_text() for t in fig.findobj(Text) if t.get_gid() == "econnews-source"]
    assert len(notes) == 1, notes
    return " ".join(notes[0].split())  # the note is wrapped to the figure's width


def point_labels(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text) if t.get_gid() == "econnews-label"]


def point_sets(ax) -> dict[str, np.ndarray]:
    """Drawn scatter offsets by legend label (one label may span several concepts)."""
    out: dict[str, np.ndarray] = {}
    for c in ax.collections:
        if isinstance(c, PathCollection):
            offsets = np.asarray(c.get_offsets())
            label = c.get_label()
            out[label] = np.vstack([out[label], offsets]) if label in out else offsets
    return out


# ------------------------------------------------------------------ money axis

@pytest.mark.parametrize(("value", "currency", "expected"), [
    (2e10, "USD", "$20bn"),
    (3e10, "USD", "$30bn"),
    (2.2e9, "USD", "$2.2bn"),
    (1.5e12, "USD", "$1.5tn"),
    (7.5e6, "USD", "$7.5m"),
    (950, "USD", "$950"),
    (-2e9, "USD", "-$2bn"),
    (5e11, "JPY", "¥500bn"),
    (3e9, "RUB", "₽3bn"),
    (4e9, "EUR", "€4bn"),
    (1e8, "SEK", "SEK 100m"),
    (999_999_999.0, "USD", "$1bn"),
])
def test_format_money(value, currency, expected):
    assert plot.format_money(value, currency) == expected


# ---------------------------------------------------------------- timeline

def test_timeline_draws_each_claim_by_type_with_title_and_source():
    claims = claims_table()
    fig = plot.claims_timeline(claims, concept="trade", parties=["JPN", "RUS"], implied=True)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    points = point_sets(ax)
    assert set(points) == {"target", "implied base", "level"}
    assert points["target"][:, 1].tolist() == [3e10]
    assert points["implied base"][:, 1].tolist() == [2e10]
    assert sorted(points["level"][:, 1]) == [1.6e10, 1.8e10]  # USA–JPN and investment left out
    assert ax.get_title("left") == "Japan–Russia trade: claims"
    note = source_note(fig)
    assert note.startswith("Source: 3 articles (Kyodo, TASS, Nikkei)")
    # who made each claim: the speaker, else the source; the implied base says what it is
    assert sorted(point_labels(fig)) == ["Nikkei", "Putin", "TASS", "implied base $20bn"]
    fig.canvas.draw()
    labels = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    assert labels[0] == "$0" and all(lab.startswith("$") and lab.endswith("bn")
                                     for lab in labels[1:]), labels
    assert ax.get_yscale() == "linear" and ax.get_ylim()[0] == 0  # amounts read from zero


def test_timeline_goes_log_when_values_span_orders_of_magnitude():
    claims = claims_table(value_usd=pd.array([3e10, 2e10, 2.2e9, 1.8e10, 5e7, 6.9e10],
                                             dtype="Float64"))
    assert plot.claims_timeline(claims, concept="trade").axes[0].get_yscale() == "log"
    forced = plot.claims_timeline(claims, concept="trade", log=False)
    assert forced.axes[0].get_yscale() == "linear"


def test_timeline_counts_claims_it_cannot_place():
    claims = claims_table(date=pd.to_datetime(["2019-01-22", None, "2019-01-22", "2018-09-12",
                                               "2017-05-01", "2018-03-01"]))
    claims.loc[3, "value_usd"] = pd.NA
    fig = plot.claims_timeline(claims, concept="trade", parties=["RUS", "JPN"], implied=True)
    assert "2 claims without a date or USD value not shown" in source_note(fig)
    assert sum(len(p) for p in point_sets(fig.axes[0]).values()) == 2


def test_timeline_on_empty_selection_says_so():
    fig = plot.claims_timeline(claims_table(), concept="aid")
    assert any(t.get_gid() == "econnews-empty" for t in fig.findobj(Text))
    assert fig.axes[0].get_title("left") == "Aid claims"
    assert source_note(fig).startswith("Source: 0 articles")


def test_timeline_draws_into_given_axes_and_leaves_input_alone():
    claims = claims_table()
    before = claims.copy()
    fig = Figure()
    ax = fig.add_subplot()
    assert plot.claims_timeline(claims, ax=ax, title="Mine") is fig
    assert ax.get_title("left") == "Mine"
    pd.testing.assert_frame_equal(claims, before)


def test_timeline_names_missing_column():
    with pytest.raises(MissingColumnsError, match="value_usd"):
        plot.claims_timeline(claims_table().drop(columns="value_usd"))


def test_dollar_signs_in_data_are_not_mathtext():
    claims = claims_table(source=["$X$ Daily"] * 6)
    fig = plot.claims_timeline(claims, concept="trade", label="source")
    fig.canvas.draw()  # mathtext would fail to parse or eat the dollars
    assert "$X$ Daily" in texts(fig)


# ------------------------------------------------------------------ compare

def test_compare_shows_spread_per_source_and_implied_base_hollow():
    fig = plot.compare_claims(claims_table(), concept="trade", parties=["RUS", "JPN"],
                              implied=True)
    ax = fig.axes[0]
    rows = [t.get_text() for t in ax.get_yticklabels()]
    # a row per article, ordered by date; the implied base sits on Putin's row
    assert rows == ["1 May 2017\nNikkei", "12 Sep 2018\nTASS", "22 Jan 2019\nPutin"]
    points = point_sets(ax)
    assert set(points) == {"target", "implied base", "level"}
    implied = next(c for c in ax.collections if c.get_label() == "implied base")
    assert implied.get_facecolors().size == 0 or implied.get_facecolors()[0][3] == 0
    spread = next(c for c in ax.collections if c.get_gid() == "econnews-spread")
    segments = {tuple(map(tuple, s)) for s in spread.get_segments()}
    assert ((2e10, 2.0), (3e10, 2.0)) in segments  # Kyodo row spans $20bn → $30bn
    assert ax.get_title("left") == "Japan–Russia trade: claims compared"
    assert "implied base $20bn" in point_labels(fig)
    assert source_note(fig)


def test_compare_draws_ranges_from_low_high():
    claims = claims_table(low=[2.5e10] + [np.nan] * 5, high=[3.5e10] + [np.nan] * 5)
    ax = plot.compare_claims(claims, concept="trade", parties=["RUS", "JPN"]).axes[0]
    ranges = [c for c in ax.collections
              if isinstance(c, LineCollection) and c.get_gid() == "econnews-range"]
    assert len(ranges) == 1
    assert [tuple(map(tuple, s)) for s in ranges[0].get_segments()] == [
        ((2.5e10, 2.0), (3.5e10, 2.0))]


def test_compare_by_explicit_column_and_missing_column():
    ax = plot.compare_claims(claims_table(), y="doc_id").axes[0]
    assert {t.get_text() for t in ax.get_yticklabels()} == {"rj", "tass", "nikkei", "us"}
    with pytest.raises(MissingColumnsError, match="speaker2"):
        plot.compare_claims(claims_table(), y="speaker2")


# ----------------------------------------------------------------- overview

def test_overview_counts_kinds_currencies_and_sizes():
    q = quantities_table()
    fig = plot.quantities_overview(q)
    kinds_ax, cur_ax, size_ax = fig.axes
    widths = {t.get_text(): p.get_width() for t, p in
              zip(kinds_ax.get_yticklabels(), kinds_ax.patches, strict=True)}
    assert widths == {"money": 3, "percent": 1, "ratio": 1, "count": 1,  # no empty bars
                      }
    currencies = {t.get_text(): p.get_width() for t, p in
                  zip(cur_ax.get_yticklabels(), cur_ax.patches, strict=True)}
    assert currencies == {"USD": 2, "JPY": 1}
    assert size_ax.get_xscale() == "log"
    assert size_ax.get_title("left") == "Money sizes (USD amounts only)"
    assert sum(p.get_height() for p in size_ax.patches) == 2  # the two USD amounts
    assert fig.texts[0].get_text() == "What the articles quantify" or fig.get_suptitle()
    assert source_note(fig) == "Source: 6 quantities in 2 articles; extracted by econnews."


def test_overview_uses_value_usd_when_normalised_and_other_bucket():
    q = quantities_table().assign(value_usd=pd.array([3e10, np.nan, 2.2e9, np.nan, 4.6e9,
                                                      np.nan], dtype="Float64"))
    fig = plot.quantities_overview(q, panels=["size", "currency"], top=1)
    size_ax, cur_ax = fig.axes
    assert size_ax.get_title("left") == "Money sizes (in USD)"
    assert sum(p.get_height() for p in size_ax.patches) == 3
    assert [t.get_text() for t in cur_ax.get_yticklabels()] == ["USD", "other"]


def test_overview_rejects_unknown_panel_and_wrong_axes_count():
    with pytest.raises(InputError, match="pie"):
        plot.quantities_overview(quantities_table(), panels=["pie"])
    fig = Figure()
    with pytest.raises(InputError, match="1 Axes for 3 panel"):
        plot.quantities_overview(quantities_table(), ax=fig.add_subplot())


# -------------------------------------------------------------------- style

def test_style_is_scoped_to_the_call():
    before = dict(mpl.rcParams)
    plot.claims_timeline(claims_table())
    assert mpl.rcParams["axes.titleweight"] == before["axes.titleweight"]
    assert mpl.rcParams["text.parse_math"] == before["text.parse_math"]


def test_currency_symbols_render_without_missing_glyphs():
    fig = Figure()
    ax = fig.add_subplot()
    claims = claims_table(source=["€ ₽ ¥ ₹ £ ₩"] * 6)
    plot.claims_timeline(claims, ax=ax)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" would raise
        fig.canvas.draw()


# ------------------------------------------------------------------- export

def make_figure() -> Figure:
    return plot.claims_timeline(claims_table(), concept="trade", parties=["RUS", "JPN"])


def test_export_is_byte_identical_across_runs(tmp_path):
    first = plot.export(make_figure(), tmp_path / "one" / "timeline")
    second = plot.export(make_figure(), tmp_path / "two" / "timeline")
    assert sorted(first) == ["pdf", "png", "svg"]
    for fmt in first:
        assert first[fmt].read_bytes() == second[fmt].read_bytes(), fmt
    assert sorted(p.name for p in (tmp_path / "one").iterdir()) == [
        "timeline.pdf", "timeline.png", "timeline.svg"]  # no temp files left behind


def test_export_embeds_truetype_in_pdf(tmp_path):
    pdf = plot.export(make_figure(), tmp_path / "chart", formats=["pdf"])["pdf"].read_bytes()
    assert pdf.startswith(b"%PDF")
    assert b"/FontFile2" in pdf  # Type 42: embedded TrueType
    assert b"/Subtype /Type3" not in pdf
    assert b"CreationDate" not in pdf


def test_export_is_atomic_on_failure(tmp_path, monkeypatch):
    fig = make_figure()
    target = tmp_path / "chart.png"
    target.write_bytes(b"old")

    def broken(fh, **kwargs):
        fh.write(b"half a file")
        raise RuntimeError("disk full")

    monkeypatch.setattr(fig, "savefig", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        plot.export(fig, tmp_path / "chart", formats=["png"])
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["chart.png"]


def test_export_rejects_unknown_format_and_strips_known_suffix(tmp_path):
    with pytest.raises(InputError, match="jpeg"):
        plot.export(make_figure(), tmp_path / "c", formats=["jpeg"])
    paths = plot.export(make_figure(), tmp_path / "c.png", formats="svg")
    assert paths == {"svg": tmp_path / "c.svg"}


# ---------------------------------------------------- legible in a printed report

def crowded_claims() -> pd.DataFrame:
    """Many claims close together, long names, the latest at the right edge."""
    n = 9
    return pd.DataFrame({
        "doc_id": [f"d{i // 3}" for i in range(n)],
        "date": pd.to_datetime(["2019-01-22"] * 3 + ["2019-02-01"] * 3 + ["2019-09-30"] * 3),
        "source": ["A very long source name for a news agency"] * n,
        "concept": ["trade"] * n, "parties": ["JPN,RUS"] * n,
        "claim_type": ["level", "target", "forecast"] * 3,
        "speaker": [f"the fictional Institute of Long Names number {i}" for i in range(n)],
        "value_usd": pd.array([2.0e10, 2.1e10, 2.2e10, 2.05e10, 2.15e10, 3.0e10,
                               2.9e10, 3.0e10, 2.95e10], dtype="Float64"),
    })


def test_timeline_labels_never_overlap_or_leave_the_axes(assert_legible, drawn_texts):
    fig = plot.claims_timeline(crowded_claims())
    labels = [t for t in point_labels(fig) if not t.isdigit()]
    assert 2 <= len(labels) < 9  # those that fit nowhere are numbered and listed, not piled up
    numbered = source_note(fig).split("Numbered points: ")[1]
    assert numbered.count(" = the fictional Institute") == 9 - len(labels)
    assert_legible(fig)
    ax_box = fig.axes[0].get_window_extent()
    for text, box in drawn_texts(fig):
        if text in labels:
            assert ax_box.x0 - 2 <= box.x0 and box.x1 <= ax_box.x1 + 2, text


@pytest.mark.parametrize("chart", ["timeline", "compare", "overview"])
def test_charts_of_the_synthetic_tables_are_legible(chart, assert_legible):
    if chart == "timeline":
        fig = plot.claims_timeline(claims_table(), concept="trade")
    elif chart == "compare":
        fig = plot.compare_claims(claims_table(), concept=["trade", "investment"])
    else:
        fig = plot.quantities_overview(quantities_table())
    assert_legible(fig)


def test_long_titles_wrap_and_source_line_spans_the_figure(assert_legible):
    fig = plot.compare_claims(claims_table(), concept=["trade", "investment"],
                              title="A very long title " * 6)
    assert "\n" in fig.axes[0].get_title("left")
    assert_legible(fig)
    note = next(t for t in fig.findobj(Text) if t.get_gid() == "econnews-source")
    assert note is fig._supxlabel  # figure-wide, under everything, inside the layout


def test_source_note_sits_under_a_given_axes():
    fig = Figure(figsize=(10, 4))
    _, right = fig.subplots(1, 2)
    plot.claims_timeline(claims_table(), ax=right, title="Right")
    note = next(t for t in fig.findobj(Text) if t.get_gid() == "econnews-source")
    assert note.axes is right
    assert fig._supxlabel is None


def test_compare_rows_name_concept_pair_and_who_when_mixed():
    claims = claims_table()
    fig = plot.compare_claims(claims)
    rows = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert rows == ["1 May 2017 · Trade\nJapan–Russia · Nikkei", "1 Mar 2018 · Trade\nJapan–United States · Reuters",
                    "12 Sep 2018 · Trade\nJapan–Russia · TASS",
                    "22 Jan 2019 · Investment\nJapan–Russia · Putin",
                    "22 Jan 2019 · Trade\nJapan–Russia · Putin"]  # by date; one article, 2 concepts


def test_compare_names_articles_apart_when_their_labels_match():
    claims = claims_table(source=["Reuters"] * 6, speaker=[pd.NA] * 6,
                          date=pd.to_datetime(["2019-01-22"] * 6))
    fig = plot.compare_claims(claims, concept="trade", parties=["JPN", "RUS"])
    rows = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert sorted(rows) == ["22 Jan 2019\nnikkei", "22 Jan 2019\nrj", "22 Jan 2019\ntass"]
    claims = claims_table(source=["Reuters"] * 6, speaker=["economists"] * 6,
                          date=pd.to_datetime(["2019-01-22"] * 6))
    rows = [t.get_text() for t in plot.compare_claims(
        claims, concept="trade", parties=["JPN", "RUS"]).axes[0].get_yticklabels()]
    assert sorted(rows) == ["22 Jan 2019\neconomists\nnikkei", "22 Jan 2019\neconomists\nrj",
                            "22 Jan 2019\neconomists\ntass"]


def test_compare_without_sources_or_speakers():
    claims = claims_table(source=[pd.NA] * 6, speaker=[pd.NA] * 6)  # found as a bug
    rows = [t.get_text() for t in
            plot.compare_claims(claims, concept="trade").axes[0].get_yticklabels()]
    assert rows == ["1 May 2017\nJapan–Russia · nikkei", "1 Mar 2018\nJapan–United States · us",
                    "12 Sep 2018\nJapan–Russia · tass", "22 Jan 2019\nJapan–Russia · rj"]


def tonnes_table() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["coal", "pipes", "pipes", "coal"],
        "date": pd.to_datetime(["1987-03-09", "1987-04-03", "1987-04-03", "1987-03-09"]),
        "concept": ["imports", "exports", "exports", "prices"],
        "claim_type": ["forecast", "level", "forecast", "level"],
        "value": [4.9e6, 4e5, 2e5, 44.0], "unit": ["metric_ton"] * 3 + ["USD"],
        "value_usd": pd.array([None, None, None, 44.0], dtype="Float64"),
    })


@pytest.mark.parametrize("chart", [plot.compare_claims, plot.claims_timeline])
def test_charts_in_a_physical_unit(chart):
    fig = chart(tonnes_table(), unit="metric_ton", title="Volumes")
    ax = fig.axes[0]
    axis = ax.xaxis if chart is plot.compare_claims else ax.yaxis
    assert axis.get_label_text() == "Claimed value (metric tons)"
    drawn = sorted(float(v) for p in point_sets(ax).values()
                   for v in p[:, 0 if chart is plot.compare_claims else 1])
    assert drawn == [2e5, 4e5, 4.9e6]
    fig.canvas.draw()
    ticks = [t.get_text() for t in axis.get_ticklabels() if t.get_text()]
    assert "0" in ticks and any(t.endswith("m") for t in ticks), ticks
    assert "1 claim in other units than metric tons not shown" in source_note(fig)


@pytest.mark.parametrize(("value", "unit", "expected"), [
    (4.9e6, "metric_ton", "4.9m metric tons"),
    (4e5, "barrel / day", "400k barrels per day"),
    (2e10, "USD", "$20bn"),
    (5e11, "JPY", "¥500bn"),
    (12.0, "percent", "12 percent"),
    (3.0, "widgets?", "3 widgets?"),
])
def test_format_amount(value, unit, expected):
    assert plot.format_amount(value, unit) == expected


def test_overview_puts_the_size_panel_under_the_two_others():
    fig = plot.quantities_overview(quantities_table())
    kinds_ax, _, size_ax = fig.axes
    FigureCanvasAgg(fig).draw()  # positions after the constrained layout
    assert size_ax.get_position().width > 1.8 * kinds_ax.get_position().width
    assert size_ax.get_position().y1 < kinds_ax.get_position().y0
    assert fig.get_figwidth() <= 7.5  # legible printed 6.4in wide


# ------------------------------------------------------------ issue 15: meaning


def test_issue15_the_same_figure_exported_twice_gives_the_same_bytes(tmp_path):
    fig = make_figure()  # one figure, exported twice (the first export once differed)
    first = plot.export(fig, tmp_path / "one" / "chart")
    second = plot.export(fig, tmp_path / "two" / "chart")
    for fmt in first:
        assert first[fmt].read_bytes() == second[fmt].read_bytes(), fmt


def test_issue15_svg_keeps_text_and_both_files_carry_the_title(tmp_path):
    fig = plot.claims_timeline(claims_table(), concept="trade", parties=["RUS", "JPN"],
                               title="Russia–Japan trade: claims and targets")
    paths = plot.export(fig, tmp_path / "chart", formats=["svg", "pdf"])
    svg = paths["svg"].read_text(encoding="utf-8")
    assert svg.count("<text") > 10 and "Russia–Japan trade: claims and targets" in svg
    assert "<title>Russia–Japan trade: claims and targets</title>" in svg
    assert "Matplotlib v" not in svg.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "sans-serif" in svg  # a font fallback stack, not one font name
    pdf = paths["pdf"].read_bytes()
    title = "Russia–Japan trade: claims and targets".encode("utf-16-be")
    assert b"/Title" in pdf and title in pdf


def test_issue15_export_refuses_a_blank_chart(tmp_path):
    fig = plot.claims_timeline(claims_table(), concept="loans")
    assert plot.is_blank(fig)
    with pytest.raises(InputError, match="no data"):
        plot.export(fig, tmp_path / "blank")
    assert not list(tmp_path.iterdir())


def test_issue15_no_bar_joins_a_one_year_level_and_an_open_target():
    claims = claims_table(claim_type=["target", "level", "level", "level", "level", "level"],
                          doc_id=["rj"] * 6, period=[None, "2018", None, None, None, None])
    fig = plot.compare_claims(claims.iloc[:2], concept="trade")
    spread = [c for c in fig.axes[0].collections if c.get_gid() == "econnews-spread"]
    assert not spread or not len(spread[0].get_segments())


def test_issue15_implied_rows_are_named_by_what_they_imply():
    claims = claims_table(implies=[pd.NA, "target", pd.NA, pd.NA, pd.NA, pd.NA])
    fig = plot.claims_timeline(claims, concept="trade", parties=["RUS", "JPN"], implied=True)
    labels = {t.get_text() for t in fig.axes[0].get_legend().get_texts()}
    assert "implied target" in labels and "implied base" not in labels


def test_issue15_a_chart_mixing_concepts_says_which_is_which():
    fig = plot.claims_timeline(claims_table(), parties=["RUS", "JPN"])
    labels = {t.get_text() for t in fig.axes[0].get_legend().get_texts()}
    assert {"concept: trade", "concept: investment"} <= labels


def test_issue15_labels_wrap_and_plurals_are_right():
    long = "news report on the Putin–Abe talks (source line kept as published)"
    claims = claims_table(source=[long] * 6, speaker=[pd.NA] * 6)
    fig = plot.claims_timeline(claims, concept="trade", parties=["RUS", "JPN"],
                               label="source")
    texts = [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "econnews-label"]
    assert texts and all("…" not in t or t.endswith("…") for t in texts)
    assert any("\n" in t for t in texts) and not any("Puti…" in t for t in texts)
    assert "(s)" not in source_note(fig)


def test_issue15_date_ticks_have_one_style():
    claims = claims_table(date=pd.to_datetime(["1987-03-15", "1987-03-15", "1987-03-15",
                                               "1987-07-01", "1987-09-30", "1987-11-02"]))
    fig = plot.claims_timeline(claims, parties=["RUS", "JPN"])
    fig.canvas.draw()
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert ticks and all(re.fullmatch(r"[A-Z][a-z]{2} \d{4}", t) for t in ticks), ticks


# ------------------------------------------------------------------ issue 22


def _yearly(periods: list[str]) -> pd.DataFrame:
    n = len(periods)
    return pd.DataFrame({
        "year": pd.to_datetime([f"{p}-01-01" for p in periods]),
        "date": pd.to_datetime(["2019-02-06"] * n), "value_usd": [3.5e11 + i * 1e10 for i in range(n)],
        "claim_type": ["level"] * n, "concept": ["trade_deficit"] * n,
        "parties": ["USA,CHN"] * n, "party_from": ["USA"] * n, "party_to": ["CHN"] * n})


@pytest.mark.parametrize("periods", [["2017", "2018", "2019"], ["2004"], ["2016", "2020"]])
def test_issue22_yearly_figures_get_a_tick_per_year(periods):
    fig = plot.claims_timeline(_yearly(periods), x="year")
    fig.canvas.draw()
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert ticks and all(re.fullmatch(r"\d{4}", t) for t in ticks), ticks
    assert set(periods) <= set(ticks)


def test_issue22_one_name_a_series_with_its_direction():
    fig = plot.claims_timeline(_yearly(["2017", "2018"]), x="year")
    assert fig.axes[0].get_title("left") == "United States → China trade deficit: claims"
    gdp = claims_table(concept=["gdp"] * 6)
    assert plot.claims_timeline(gdp, parties=["RUS", "JPN"]).axes[0].get_title("left") \
        == "Japan–Russia GDP: claims"


def test_issue22_implied_rows_only_when_asked_and_then_labelled():
    fig = plot.claims_timeline(claims_table(), concept="trade", parties=["RUS", "JPN"])
    assert "implied base" not in point_sets(fig.axes[0])
    assert "1 implied figure (derived, not stated) not drawn" in source_note(fig)
    fig = plot.compare_claims(claims_table(), concept="trade", parties=["RUS", "JPN"])
    assert "implied base" not in point_sets(fig.axes[0])


def test_issue22_every_point_is_labelled_or_listed():
    many = crowded_claims()
    fig = plot.claims_timeline(many, max_labels=3)  # too many to label: numbered, listed
    numbers = [t for t in point_labels(fig) if t.isdigit()]
    assert sorted(numbers, key=int) == [str(i) for i in range(1, 10)]
    assert source_note(fig).count(" = the fictional Institute") == 9
