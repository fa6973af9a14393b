"""The notebooks in JupyterLab and the report page, driven in Debian's chromium.

Starts JupyterLab on 127.0.0.1 (a free port, a fixed token, news, update checks
and the extension manager off) over a temporary copy of notebooks/ and data/,
opens each notebook, runs all cells, checks that no cell shows an error, and saves
a screenshot per notebook (in pytest's tmp folder, printed at the end). Then
builds a report and checks that every chart on its index.html loaded.

Every wait is on a real condition (the server answers, the kernel reports idle,
every code cell shows an execution count, every image decoded), never a fixed
sleep; the Run All click is retried once, and only when the kernel was not idle
when it was clicked (a click the frontend drops while its kernel connects).

Never ``playwright install``: the browser is /usr/bin/chromium (apt-get install
chromium), and the test skips with a message where it is absent.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[1]
TOKEN = "econnews-browser-test"
NOTEBOOKS = sorted(p.name for p in (REPO / "notebooks").glob("*.ipynb"))
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
INDICATOR = f"{PANEL} .jp-Notebook-ExecutionIndicator"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/extensionmanager-extension/plugin.jupyterlab-settings": {"enabled": False},
}
#: Seconds: JupyterLab's start, a kernel's start, one notebook's run.
LAB_START, KERNEL_IDLE, RUN_ALL = 90, 90, 180
#: Seconds a Run All click gets to show that it started before it counts as lost.
CLICK_TAKES = 15

#: True when every code cell shows an execution count and none is queued or running.
ALL_RAN_JS = """([panel, n]) => {
  const prompts = Array.from(document.querySelectorAll(panel + ' .jp-CodeCell .jp-InputPrompt'))
    .map(e => e.textContent.trim());
  return prompts.length === n && prompts.every(p => /\\d/.test(p) && !p.includes('*'));
}"""
#: True once any code cell is queued, running or done: the Run All click took.
RUN_STARTED_JS = """(panel) => Array.from(
  document.querySelectorAll(panel + ' .jp-CodeCell .jp-InputPrompt'))
  .some(e => /[*\\d]/.test(e.textContent))"""
#: Rendered math in a notebook (MathJax 3 in JupyterLab 4, older MathJax classes, KaTeX).
MATH = "mjx-container, .MathJax, .MathJax_Display, .MathJax_Preview, .katex"
#: Amounts as the notebooks' markdown writes them ("30 billion dollars", "2.2 billion").
AMOUNT = re.compile(r"\b\d+(?:\.\d+)? (?:billion|trillion|million)\b")
#: The scrolling area of the open notebook (screenshots page through it).
SCROLLER = f"{PANEL} .jp-WindowedPanel-outer"
#: True when the notebook's last cell (index n - 1) is drawn and ends inside the view.
LAST_CELL_SHOWN_JS = """([panel, scroller, n]) => {
  const r = document.querySelector(scroller).getBoundingClientRect();
  const last = document.querySelector(
    panel + ' .jp-Cell[data-windowed-list-index="' + (n - 1) + '"]');
  if (!last) return false;
  const b = last.getBoundingClientRect();
  return b.height > 0 && b.bottom <= r.bottom + 1 && b.bottom > r.top;
}"""
#: True when every output image has been fetched and decoded.
IMAGES_READY_JS = """(panel) => Array.from(
  document.querySelectorAll(panel + ' .jp-OutputArea-output img'))
  .every(i => i.complete && i.naturalWidth > 0)"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url: str) -> Any:
    req = urllib.request.Request(url, headers={"Authorization": f"token {TOKEN}"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)


def wait_until(check: Callable[[], Any], *, timeout: float, what: str,
               interval: float = 0.2) -> Any:
    """Poll ``check`` until it returns something truthy; fail naming ``what`` on timeout."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(interval)


@pytest.fixture(scope="module")
def sync_playwright():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: apt-get install chromium to run the browser test "
                    "(never playwright install)")
    api = pytest.importorskip("playwright.sync_api",
                              reason="playwright is not installed: pip install -e '.[dev]'")
    return api.sync_playwright


@pytest.fixture(scope="module")
def browser(sync_playwright):
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                    args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("browser-artifacts")
    yield folder
    print(f"\nbrowser screenshots: {folder}")


@pytest.fixture(scope="module")
def lab_process(tmp_path_factory, sync_playwright) -> Iterator[tuple[subprocess.Popen, str, Path]]:
    """Start JupyterLab (without waiting for it) over a copy of notebooks/ and data/."""
    base = tmp_path_factory.mktemp("lab")
    root = base / "root"
    shutil.copytree(REPO / "notebooks", root / "notebooks",
                    ignore=shutil.ignore_patterns("*.py", ".ipynb_checkpoints"))
    shutil.copytree(REPO / "data", root / "data")
    config = base / "config"
    config.mkdir()
    (config / "jupyter_lab_config.json").write_text(json.dumps({"LabApp": {
        "news_url": None,
        "check_for_updates_class": "jupyterlab.NeverCheckForUpdate",
        "extension_manager": "readonly",
    }}))
    settings = base / "user-settings"
    for name, value in LAB_SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value))
    port = free_port()
    env = {**os.environ,
           "JUPYTER_CONFIG_DIR": str(config),
           "JUPYTERLAB_SETTINGS_DIR": str(settings),
           "JUPYTERLAB_WORKSPACES_DIR": str(base / "workspaces"),
           "MPLBACKEND": "module://matplotlib_inline.backend_inline",
           "PYTHONPATH": os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH"))
                                         if p)}
    env.pop("ECONNEWS_DATA", None)  # the notebooks run on the repository's data here
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
           f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
           f"--ServerApp.token={TOKEN}", f"--ServerApp.root_dir={root}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    log_path = base / "lab.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=root)
        LAB_ROOT[f"http://127.0.0.1:{port}"] = root
        try:
            yield proc, f"http://127.0.0.1:{port}", log_path
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


@pytest.fixture(scope="module")
def lab(lab_process) -> str:
    """The base URL of a JupyterLab that answers, with its news and extension manager off."""
    proc, url, log_path = lab_process

    def up() -> bool:
        if proc.poll() is not None:
            pytest.fail("JupyterLab exited:\n" + log_path.read_text(errors="replace")[-3000:])
        try:
            get_json(f"{url}/api/status")
        except (OSError, urllib.error.URLError):
            return False
        return True

    wait_until(up, timeout=LAB_START, what="JupyterLab to answer on /api/status")
    check_quiet(url)
    return url


def check_quiet(url: str) -> None:
    """The lab's page config has news fetching off and the extension manager read-only."""
    req = urllib.request.Request(f"{url}/lab?token={TOKEN}")
    with urllib.request.urlopen(req, timeout=10) as resp:
        page = resp.read().decode("utf-8")
    match = re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>',
                      page, re.S)
    assert match, "no page config in /lab"
    config = json.loads(match.group(1))
    assert config.get("news") == {"disabled": True}, config.get("news")
    assert config.get("extensionManager", {}).get("name") == "read-only", config.get(
        "extensionManager")


def kernel_state(url: str, notebook: str) -> str:
    """The notebook's kernel execution state as the server reports it ('no session' if none)."""
    for session in get_json(f"{url}/api/sessions"):
        if session["path"].endswith(notebook) and session.get("kernel"):
            return str(session["kernel"]["execution_state"])
    return "no session"


def wait_for_idle_kernel(page, url: str, notebook: str) -> None:
    """Until the server reports the kernel idle and the notebook's own indicator says so."""
    wait_until(lambda: kernel_state(url, notebook) == "idle", timeout=KERNEL_IDLE,
               what=f"the kernel of {notebook} to report idle on /api/sessions")
    page.wait_for_selector(f'{INDICATOR}[data-status="idle"]', state="attached",
                           timeout=KERNEL_IDLE * 1000)


def shutdown_kernel(url: str, notebook: str) -> None:
    """Free the kernel (two cores on CI) before the next notebook."""
    for session in get_json(f"{url}/api/sessions"):
        if session["path"].endswith(notebook):
            req = urllib.request.Request(f"{url}/api/sessions/{session['id']}",
                                         method="DELETE",
                                         headers={"Authorization": f"token {TOKEN}"})
            urllib.request.urlopen(req, timeout=10).close()


def click_run_all(page) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).first.click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).first.click()


def run_all(page, url: str, notebook: str) -> int:
    """Click Run → Run All Cells once the kernel is idle; returns the number of clicks.

    A click is retried once, and only if the kernel was not idle when it was made
    (the frontend drops it while its kernel connection is still settling); a
    click on an idle kernel that starts nothing fails the test.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in (1, 2):
        wait_for_idle_kernel(page, url, notebook)
        before = (kernel_state(url, notebook),
                  page.get_attribute(INDICATOR, "data-status") or "no indicator")
        click_run_all(page)
        try:
            page.wait_for_function(RUN_STARTED_JS, arg=PANEL, timeout=CLICK_TAKES * 1000)
            return attempt
        except PlaywrightTimeout:
            if before == ("idle", "idle") or attempt == 2:
                pytest.fail(f"Run All Cells started nothing in {notebook} (kernel state at the "
                            f"click: server {before[0]!r}, notebook {before[1]!r})")
    raise AssertionError("unreachable")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest's output clean
        pass


@pytest.mark.browser
def test_report_page_shows_every_chart(lab_process, browser, artifacts, tmp_path):
    # runs first: JupyterLab (lab_process) starts in the background while the report builds
    from econnews.report import build_report

    report = build_report(out_dir=tmp_path / "report", formats=["png", "svg"])
    charts = sorted(p.name for p in (report.out_dir / "charts").glob("*.png"))
    handler = functools.partial(_Quiet, directory=str(report.out_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/index.html")
        page.wait_for_function("Array.from(document.images).every(i => i.complete)",
                               timeout=30_000)
        images = page.evaluate(
            "Array.from(document.images).map(i => [i.getAttribute('src'), i.complete,"
            " i.naturalWidth])")
        assert sorted(src.rsplit("/", 1)[-1] for src, _ok, _w in images) == charts
        assert len(images) >= 3, images
        assert all(ok and width > 0 for _src, ok, width in images), images
        assert page.locator("h1").inner_text() == "econnews report"
        # issue 22: no wider than a 1280 px window, no pandas row numbers
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 1280, f"the report page is {width} px wide"
        assert page.locator("#fact-check th.row_heading").count() == 0
        assert page.locator("#fact-check table").count() == 1
        page.screenshot(path=str(artifacts / "report.png"), full_page=True)
    finally:
        page.close()
        server.shutdown()
        server.server_close()


@pytest.mark.browser
@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_runs_in_jupyterlab(lab, browser, artifacts, notebook):
    n_code = sum(c["cell_type"] == "code" for c in json.loads(
        (REPO / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"])
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        # a fresh workspace per notebook: only this notebook is open
        page.goto(f"{lab}/lab/workspaces/{Path(notebook).stem}/tree/notebooks/{notebook}"
                  f"?reset&token={TOKEN}")
        page.wait_for_selector(f"{PANEL} .jp-Cell", timeout=60_000)
        run_all(page, lab, notebook)
        page.wait_for_function(ALL_RAN_JS, arg=[PANEL, n_code], timeout=RUN_ALL * 1000)
        wait_for_idle_kernel(page, lab, notebook)
        page.wait_for_function(IMAGES_READY_JS, arg=PANEL, timeout=30_000)
        n_cells = len(json.loads((REPO / "notebooks" / notebook).read_text(encoding="utf-8"))
                      ["cells"])
        screenshots(page, artifacts / Path(notebook).stem, n_cells=n_cells)
        check_markdown_is_text(page, notebook)
        check_no_math_anywhere(page, notebook)
        if notebook.startswith("02_"):
            drive_claims_browser(page, artifacts)
            correct_in_the_browser(page, artifacts, lab_root(lab))
        errors = page.eval_on_selector_all(
            f"{PANEL} .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'], "
            f"{PANEL} .jp-RenderedText[data-mime-type='application/vnd.jupyter.stderr']",
            "els => els.map(e => e.textContent)")
        assert not errors, errors
        outputs = page.eval_on_selector_all(f"{PANEL} .jp-OutputArea-output",
                                            "els => els.map(e => e.textContent)")
        assert not [o for o in outputs if "Traceback" in o or "Error:" in o], outputs
        images = page.eval_on_selector_all(
            f"{PANEL} .jp-OutputArea-output img", "els => els.map(e => e.naturalWidth)")
        assert images and all(w > 0 for w in images), images
    finally:
        page.close()
        shutdown_kernel(lab, notebook)


def screenshots(page, stem: Path, *, most: int = 12, n_cells: int = 0) -> None:
    """Page through the notebook (it scrolls inside its panel) and save each screen."""
    height = page.evaluate(f"document.querySelector('{SCROLLER}').scrollHeight")
    view = page.evaluate(f"document.querySelector('{SCROLLER}').clientHeight")
    last = -1
    for i in range(min(most, max(1, -(-height // max(view, 1))))):
        top = page.evaluate(f"(() => {{ const s = document.querySelector('{SCROLLER}'); "
                            f"s.scrollTop = {i * view}; return s.scrollTop; }})()")
        if top <= last:  # the end (the windowed panel's height was an estimate): no blank page
            break
        last = top
        page.wait_for_function(IMAGES_READY_JS, arg=PANEL, timeout=30_000)
        page.screenshot(path=f"{stem}-{i + 1:02d}.png")
        if n_cells and page.evaluate(LAST_CELL_SHOWN_JS, [PANEL, SCROLLER, n_cells]):
            break  # the end: no blank page after it
    page.evaluate(f"document.querySelector('{SCROLLER}').scrollTop = 0")


def check_markdown_is_text(page, notebook: str) -> None:
    """Issue 15: no markdown cell renders as math, and every amount it writes is there
    as text (a pair of dollar signs once turned "$30 billion … $ 2.2 billion" into
    run-together italics)."""
    cells = json.loads((REPO / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    amounts = {m for c in cells if c["cell_type"] == "markdown"
               for m in AMOUNT.findall("".join(c["source"]))}
    rendered = page.eval_on_selector_all(f"{PANEL} .jp-MarkdownCell .jp-RenderedMarkdown",
                                         "els => els.map(e => e.textContent)")
    assert len(rendered) == sum(c["cell_type"] == "markdown" for c in cells), rendered
    math = page.eval_on_selector_all(f"{PANEL} .jp-MarkdownCell :is({MATH})",
                                     "els => els.map(e => e.textContent)")
    assert not math, f"{notebook}: markdown rendered as math: {math}"
    text = " ".join(" ".join(r.split()) for r in rendered)
    missing = sorted(a for a in amounts if a not in text)
    assert not missing, f"{notebook}: amounts not shown as text: {missing}"


def check_no_math_anywhere(page, notebook: str) -> None:
    """Issue 22: nothing in the notebook renders as math, outputs included (a styled
    table once set "$1.3 billion in 2015 and reached $1.7 billion" as italics)."""
    math = page.eval_on_selector_all(f"{PANEL} :is({MATH})",
                                     "els => els.map(e => e.textContent)")
    assert not math, f"{notebook}: rendered as math: {math}"
    dollars = page.eval_on_selector_all(
        f"{PANEL} .jp-OutputArea-output", "els => els.filter(e => e.textContent.includes('$'))"
        ".length")
    if not notebook.startswith("03_"):  # 03 shows files, not amounts
        assert dollars, f"{notebook}: no output shows a dollar amount as text"


def drive_claims_browser(page, artifacts: Path) -> None:
    """Notebook 02's claims browser: filter by concept, parties and claim type, choose a
    claim, and see its sentence highlighted in the article."""
    box = page.locator(f"{PANEL} .econnews-claims-browser")
    box.scroll_into_view_if_needed()
    dropdowns = box.locator(".widget-dropdown select")
    assert dropdowns.count() == 5  # concept, parties, claim type, review; the field to correct
    count = box.locator(".widget-html-content").first

    def shown() -> int:
        match = re.match(r"\s*([\d,]+) of", count.text_content() or "")
        return int(match.group(1).replace(",", "")) if match else -1

    everything = wait_until(lambda: shown() > 0 and shown(), timeout=30,
                            what="the claims browser to count its claims")
    dropdowns.nth(0).select_option("trade_deficit")
    wait_until(lambda: shown() < everything, timeout=20, what="the concept filter")
    after_concept = shown()
    dropdowns.nth(1).select_option("USA,CHN")
    wait_until(lambda: 0 < shown() < after_concept, timeout=20, what="the parties filter")
    after_parties = shown()
    dropdowns.nth(2).select_option("level")
    wait_until(lambda: 0 < shown() < after_parties, timeout=20, what="the claim type filter")
    listing = box.locator(".widget-select select")

    def options() -> list[str]:
        return [o.replace("\xa0", " ") for o in listing.locator("option").all_inner_texts()]

    wait_until(lambda: len(options()) == shown(), timeout=20, what="the list of claims")
    assert all("trade_deficit · USA,CHN · level" in o for o in options()), options()
    listing.select_option(index=len(options()) - 1)
    mark = box.locator('mark[data-econnews="sentence"]')
    mark.wait_for(state="visible", timeout=20_000)
    sentence = mark.inner_text()
    assert "deficit with China" in sentence and "billion" in sentence, sentence
    assert box.locator('mark[data-econnews="sentence"] strong').inner_text().startswith("$")
    assert box.locator(".econnews-evidence").count() == 1  # which reading set each field
    box.screenshot(path=str(artifacts / "02_claims_browser.png"))


def lab_root(url: str) -> Path:
    """The folder JupyterLab serves (the copy of notebooks/ and data/)."""
    return LAB_ROOT[url]


#: base URL -> the folder that JupyterLab serves (set by the lab_process fixture)
LAB_ROOT: dict[str, Path] = {}


def correct_in_the_browser(page, artifacts: Path, root: Path) -> None:
    """Issue 22: a correction made in the browser is saved to data/corrections.csv and
    changes the next run's claims table, chart and report; once the article's text
    changes, the correction is reported as stale, never moved to another claim."""
    import warnings

    import pandas as pd

    import econnews as en
    from econnews.claims.corrections import CorrectionWarning, read_corrections
    from econnews.report import build_report
    from econnews.report_charts import charts

    box = page.locator(f"{PANEL} .econnews-claims-browser")
    box.locator(".widget-dropdown select").nth(4).select_option("value")
    box.locator(".widget-text input").first.fill("123000000000")
    box.locator(".widget-text input").nth(1).fill("browser test")
    box.locator("button", has_text="Save correction").click()
    status = box.get_by_text("Saved to corrections.csv")
    status.wait_for(state="visible", timeout=20_000)
    assert "✎" in box.locator(".widget-select select option").last.inner_text()
    box.screenshot(path=str(artifacts / "02_claims_browser_corrected.png"))
    saved = read_corrections(root / "data" / "corrections.csv")
    assert saved[["field", "new", "note"]].iloc[-1].tolist() == ["value", "123000000000",
                                                                 "browser test"]
    cid = saved["claim_id"].iloc[-1]
    # the next run: claims table, chart and report
    report = build_report(root / "data", root / "report", formats=["png"], progress=False)
    row = report.claims[report.claims["claim_id"] == cid].iloc[0]
    assert row["value_usd"] == 1.23e11 and row["corrected"] == "value"
    assert "✎" in report.index.read_text(encoding="utf-8")
    drawn = []
    for name, _caption, make in charts(report.quantities, report.claims, ("trade",)):
        if name.startswith("trade-deficit_usa-to-chn"):
            drawn += [y for c in make().axes[0].collections for _x, y in c.get_offsets()]
    assert 1.23e11 in drawn, drawn
    # the text changes: the claim's id is gone, and the correction is reported
    doc = cid.rsplit(":", 1)[0]
    listed = report.articles.set_index("id")["path"]
    path = Path(listed[doc]) if Path(listed[doc]).is_absolute() else root / listed[doc]
    if not path.is_file():  # a path relative to the folder given
        path = next(p for p in (root / "data").rglob(Path(listed[doc]).name))
    text = path.read_text(encoding="utf-8")
    cut = text.index("---", 3) + 4 if text.startswith("---") else 0  # after front matter
    path.write_text(text[:cut] + "Washington. " + text[cut:], encoding="utf-8")
    articles = en.load_articles(root / "data")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        claims = en.find_claims(articles, corrections=root / "data" / "corrections.csv")
    stale = [w for w in caught if issubclass(w.category, CorrectionWarning)]
    assert stale and cid in str(stale[0].message), [str(w.message) for w in caught]
    assert not (pd.to_numeric(claims["value_usd"]) == 1.23e11).any()
    # the notebooks after this one run on the data as it was
    path.write_text(text, encoding="utf-8")
    (root / "data" / "corrections.csv").unlink()
    shutil.rmtree(root / "report")


# ------------------------------------------- the click logic, without a browser


class FakePage:
    """Just enough of a playwright Page for :func:`run_all`: each click either starts
    the run or is lost, and the notebook's indicator shows a given kernel status."""

    def __init__(self, lost: int, indicator: list[str]) -> None:
        self.lost, self.indicator, self.clicks = lost, indicator, 0

    def locator(self, *_args: Any, **_kwargs: Any) -> FakePage:
        return self

    @property
    def first(self) -> FakePage:
        return self

    def click(self) -> None:
        if "Run All" in self.menu:
            self.clicks += 1

    def get_attribute(self, *_args: Any) -> str:
        return self.indicator[min(self.clicks, len(self.indicator) - 1)]

    def wait_for_function(self, *_args: Any, **_kwargs: Any) -> None:
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        if self.clicks <= self.lost:
            raise PlaywrightTimeout("nothing ran")


@pytest.fixture
def fake_lab(monkeypatch):
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    states: list[str] = []
    monkeypatch.setattr(sys.modules[__name__], "wait_for_idle_kernel", lambda *a: None)
    monkeypatch.setattr(sys.modules[__name__], "kernel_state",
                        lambda *a: states.pop(0) if len(states) > 1 else states[0])

    def menus(page: FakePage) -> None:
        page.menu = ""
        original = page.locator

        def locator(selector: str, has_text: Any = None) -> FakePage:
            page.menu = getattr(has_text, "pattern", "") or ""
            return original(selector)

        page.locator = locator  # type: ignore[method-assign]

    return states, menus


def test_run_all_clicks_once_when_the_kernel_is_idle(fake_lab):
    states, menus = fake_lab
    states[:] = ["idle"]
    page = FakePage(lost=0, indicator=["idle"])
    menus(page)
    assert run_all(page, "http://lab", "nb.ipynb") == 1
    assert page.clicks == 1


def test_run_all_retries_a_click_lost_while_the_kernel_was_not_idle(fake_lab):
    states, menus = fake_lab
    states[:] = ["idle", "idle"]
    page = FakePage(lost=1, indicator=["starting", "idle"])  # the frontend still connecting
    menus(page)
    assert run_all(page, "http://lab", "nb.ipynb") == 2
    assert page.clicks == 2


def test_run_all_never_retries_a_click_lost_on_an_idle_kernel(fake_lab):
    states, menus = fake_lab
    states[:] = ["idle"]
    page = FakePage(lost=1, indicator=["idle"])
    menus(page)
    with pytest.raises(pytest.fail.Exception, match=r"started nothing .*'idle'.*'idle'"):
        run_all(page, "http://lab", "nb.ipynb")
    assert page.clicks == 1
