"""Issue 22: the analyst's corrections stick (corrections.csv, applied on every run)."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import econnews as en
from econnews.claims.corrections import (
    CorrectionWarning,
    add_correction,
    apply_corrections,
    default_path,
    read_corrections,
    stale,
)
from econnews.errors import InputError

TEXT = ("Putin proposed to increase trade between Russia and Japan to $30 billion. "
        "The total amount of Japanese investments is $ 2.2 billion.")
ARTICLE = {"id": "seed", "date": "2019-01-22", "text": TEXT}


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return en.find_claims(ARTICLE)


def _id(claims: pd.DataFrame, surface: str) -> str:
    return str(claims.loc[claims["surface"].eq(surface), "claim_id"].iloc[0])


def test_claim_ids_are_stable_across_runs(claims):
    again = en.find_claims(dict(ARTICLE))
    assert claims["claim_id"].tolist() == again["claim_id"].tolist()
    assert claims["claim_id"].is_unique


def test_a_correction_is_saved_and_applied_by_find_claims(claims, tmp_path):
    path = tmp_path / "corrections.csv"
    cid = _id(claims, "$ 2.2 billion")
    add_correction(path, claims, cid, "period", "2018", who="ana", note="stock at end-2018")
    add_correction(path, claims, cid, "value", 2.3e9, who="ana")
    table = read_corrections(path)
    assert table.columns.tolist() == ["claim_id", "field", "old", "new", "who", "when", "note"]
    assert table["field"].tolist() == ["period", "value"]
    assert table["old"].tolist()[1] == "2200000000"
    fixed = en.find_claims(ARTICLE, corrections=path)
    row = fixed[fixed["claim_id"] == cid].iloc[0]
    assert row["period"] == "2018" and row["value"] == 2.3e9
    assert row["value_usd"] == pytest.approx(2.3e9)  # the conversion follows the value
    assert row["corrected"] == "period,value"
    assert fixed["corrected"].notna().sum() == 1


def test_not_a_claim_removes_the_row(claims):
    cid = _id(claims, "$30 billion")
    fixes = pd.DataFrame({"claim_id": [cid], "field": ["not_a_claim"], "old": [""],
                          "new": ["true"]})
    fixed = apply_corrections(claims, fixes)
    assert cid not in set(fixed["claim_id"]) and len(fixed) == len(claims) - 1


def test_a_correction_of_a_claim_that_is_gone_is_reported_never_moved(claims):
    fixes = pd.DataFrame({"claim_id": ["seed:9999"], "field": ["concept"], "old": ["trade"],
                          "new": ["fdi"]})
    with pytest.warns(CorrectionWarning, match=r"1 correction .* seed:9999 concept"):
        fixed = apply_corrections(claims, fixes)
    assert fixed["corrected"].isna().all()
    assert fixed["concept"].astype(str).tolist() == claims["concept"].astype(str).tolist()
    assert [s["status"] for s in stale(fixed)] == ["missing"]


def test_a_correction_whose_old_value_changed_is_reported(claims):
    cid = _id(claims, "$ 2.2 billion")
    fixes = pd.DataFrame({"claim_id": [cid], "field": ["concept"], "old": ["aid"],
                          "new": ["fdi"]})
    with pytest.warns(CorrectionWarning, match="it was 'aid' when corrected"):
        fixed = apply_corrections(claims, fixes)
    assert str(fixed.loc[fixed["claim_id"] == cid, "concept"].iloc[0]) == "investment"
    assert stale(fixed)[0]["status"] == "changed"


def test_a_reading_that_now_gives_the_corrected_value_is_quiet(claims):
    cid = _id(claims, "$ 2.2 billion")
    fixes = pd.DataFrame({"claim_id": [cid], "field": ["concept"], "old": ["other"],
                          "new": ["investment"]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fixed = apply_corrections(claims, fixes)
    assert fixed.attrs["corrections"][0]["status"] == "already"


def test_the_text_changed_so_the_id_is_gone(tmp_path, claims):
    path = tmp_path / "corrections.csv"
    add_correction(path, claims, _id(claims, "$ 2.2 billion"), "concept", "fdi")
    edited = {**ARTICLE, "text": "Moscow, Jan 22. " + TEXT}  # every offset moves
    with pytest.warns(CorrectionWarning, match="no claim with this id"):
        fixed = en.find_claims(edited, corrections=path)
    assert "fdi" not in set(fixed["concept"].astype(str))


def test_parties_and_direction_stay_in_step(claims):
    cid = _id(claims, "$ 2.2 billion")
    before = claims.set_index("claim_id").loc[cid]
    olds = ["" if pd.isna(before[f]) else before[f] for f in ("party_from", "party_to")]
    fixes = pd.DataFrame({"claim_id": [cid, cid], "field": ["party_from", "party_to"],
                          "old": olds, "new": ["RUS", "JPN"]})
    row = apply_corrections(claims, fixes).set_index("claim_id").loc[cid]
    assert (row["party_from"], row["party_to"], row["parties"]) == ("RUS", "JPN", "RUS,JPN")
    fixes = pd.DataFrame({"claim_id": [cid, cid], "field": ["party_from", "parties"],
                          "old": [olds[0], before["parties"]], "new": ["RUS", "CHN,JPN"]})
    row = apply_corrections(claims, fixes, warn=False).set_index("claim_id").loc[cid]
    # the second correction was made on the first reading: its old no longer holds
    assert row["parties"] == "RUS,JPN" and row["corrected"] == "party_from"
    fixes = fixes.iloc[[1]]
    row = apply_corrections(claims, fixes).set_index("claim_id").loc[cid]
    assert row["parties"] == "CHN,JPN" and row["party_from"] == "JPN" and pd.isna(row["party_to"])


def test_bad_corrections_say_the_fix(tmp_path, claims):
    bad = tmp_path / "corrections.csv"
    bad.write_text("claim_id,field,new\nseed:1,colour,red\n")
    with pytest.raises(InputError, match="row 2: field 'colour' cannot be corrected"):
        read_corrections(bad)
    with pytest.raises(InputError, match="concept 'weather' is not known"):
        add_correction(tmp_path / "c.csv", claims, _id(claims, "$30 billion"), "concept",
                       "weather")


def test_default_path_is_the_data_folder(tmp_path):
    assert default_path([tmp_path]) is None
    (tmp_path / "corrections.csv").write_text("claim_id,field,old,new\n")
    (tmp_path / "a.txt").write_text("x")
    assert default_path([tmp_path]) == tmp_path / "corrections.csv"
    assert default_path([tmp_path / "a.txt"]) == tmp_path / "corrections.csv"


def test_the_browser_shows_evidence_filters_review_and_saves_a_correction(tmp_path, claims):
    pytest.importorskip("ipywidgets")
    from econnews.review import claims_browser

    flagged = claims.assign(
        concept_by=["phrase"] * len(claims), period_by=["default"] * len(claims),
        needs_review=pd.array([True] + [False] * (len(claims) - 1), dtype="boolean"),
        review_reason=["period <defaulted>"] + [None] * (len(claims) - 1))
    path = tmp_path / "corrections.csv"
    browser = claims_browser(flagged, pd.DataFrame([ARTICLE]), corrections=path, who="ana")
    assert len(browser.filter(needs_review=True)) == 1
    assert "⚑ needs review: period &lt;defaulted&gt;" in browser.evidence.value
    assert "phrase" in browser.evidence.value
    index = browser.matching().index[0]
    browser.correct(index, "concept", "trade_deficit", note="a test")
    assert "corrected by the analyst" in browser.evidence.value
    assert browser.list.options[0][0].startswith("⚑ ✎ ")
    saved = read_corrections(path)
    assert saved[["field", "new", "who", "note"]].iloc[0].tolist() == [
        "concept", "trade_deficit", "ana", "a test"]
    again = en.find_claims(ARTICLE, corrections=path)
    assert "trade_deficit" in set(again["concept"].astype(str))


def test_a_browser_without_the_evidence_columns_still_works(claims):
    pytest.importorskip("ipywidgets")
    from econnews.review import claims_browser

    bare = claims.drop(columns=[c for c in claims.columns
                                if c.endswith("_by") or c in ("needs_review", "review_reason",
                                                              "evidence")])
    browser = claims_browser(bare, pd.DataFrame([ARTICLE]))
    assert browser.review.disabled and browser.save.disabled
    assert len(browser.filter()) == len(claims)
    with pytest.raises(InputError, match="no corrections file"):
        browser.correct(0, "period", "2018")


def test_corrections_csv_beside_the_articles_is_not_an_article(tmp_path, claims):
    (tmp_path / "seed.txt").write_text(TEXT, encoding="utf-8")
    add_correction(tmp_path / "corrections.csv", claims, _id(claims, "$30 billion"),
                   "period", "2019")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        articles = en.load_articles(tmp_path)
    assert articles["id"].tolist() == ["seed"] and not articles.attrs.get("skipped")
