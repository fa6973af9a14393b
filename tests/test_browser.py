"""The notebooks in JupyterLab and the report page, driven in Debian's chromium.

Starts JupyterLab on 127.0.0.1 (a free port, a fixed token, news, update checks
and the extension manager off) over a temporary copy of notebooks/ and data/,
opens each notebook, runs all cells, checks that no cell shows an error, and saves
a screenshot per notebook (in pytest's tmp folder, printed at the end). Then
builds a report and checks that every chart on its index.html loaded.

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
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[1]
TOKEN = "econnews-browser-test"
NOTEBOOKS = sorted(p.name for p in (REPO / "notebooks").glob("*.ipynb"))
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/extensionmanager-extension/plugin.jupyterlab-settings": {"enabled": False},
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url: str) -> object:
    req = urllib.request.Request(url, headers={"Authorization": f"token {TOKEN}"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)


@pytest.fixture(scope="module")
def sync_playwright():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: apt-get install chromium (never playwright install)")
    api = pytest.importorskip("playwright.sync_api")
    return api.sync_playwright


@pytest.fixture(scope="module")
def browser(sync_playwright):
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                    args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("browser-artifacts")
    yield folder
    print(f"\nbrowser screenshots: {folder}")


@pytest.fixture(scope="module")
def lab(tmp_path_factory, sync_playwright):
    """A JupyterLab server over a copy of notebooks/ and data/; yields its base URL."""
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
           "PYTHONPATH": os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH"))
                                         if p)}
    env.pop("ECONNEWS_DATA", None)  # the notebooks run on the repository's data here
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
           f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
           f"--ServerApp.token={TOKEN}", f"--ServerApp.root_dir={root}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    log = (base / "lab.log").open("wb")
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=root)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                get_json(f"{url}/api/status")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("JupyterLab did not start:\n"
                                + (base / "lab.log").read_text(errors="replace")[-3000:])
                time.sleep(0.5)
        check_quiet(url)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


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


def wait_for_kernel(url: str, notebook: str, *, timeout: float = 120) -> None:
    """Until the notebook's kernel reports idle (clicks before that are lost)."""
    deadline = time.monotonic() + timeout
    state = "no session"
    while time.monotonic() < deadline:
        for session in get_json(f"{url}/api/sessions"):
            if session["path"].endswith(notebook) and session.get("kernel"):
                state = session["kernel"]["execution_state"]
                if state == "idle":
                    return
        time.sleep(0.5)
    pytest.fail(f"kernel for {notebook} never became idle (last state: {state})")


def shutdown_kernel(url: str, notebook: str) -> None:
    """Free the kernel (two cores on CI) before the next notebook."""
    for session in get_json(f"{url}/api/sessions"):
        if session["path"].endswith(notebook):
            req = urllib.request.Request(f"{url}/api/sessions/{session['id']}",
                                         method="DELETE",
                                         headers={"Authorization": f"token {TOKEN}"})
            urllib.request.urlopen(req, timeout=10).close()


def wait_until_all_ran(page, n_code: int, *, timeout: float = 150) -> None:
    """Until every code cell shows an execution count and none is running."""
    deadline = time.monotonic() + timeout
    prompts: list[str] = []
    while time.monotonic() < deadline:
        prompts = page.eval_on_selector_all(
            f"{PANEL} .jp-CodeCell .jp-InputPrompt", "els => els.map(e => e.textContent.trim())")
        done = [p for p in prompts if any(ch.isdigit() for ch in p) and "*" not in p]
        if len(prompts) == n_code and len(done) == n_code:
            return
        time.sleep(0.5)
    pytest.fail(f"cells did not all run: prompts {prompts}")


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
        wait_for_kernel(lab, notebook)
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
        wait_until_all_ran(page, n_code)
        wait_for_kernel(lab, notebook)
        page.wait_for_timeout(500)  # let the last outputs render
        page.screenshot(path=str(artifacts / f"{Path(notebook).stem}.png"), full_page=True)
        stderr = page.eval_on_selector_all(
            f'{PANEL} .jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]',
            "els => els.map(e => e.textContent)")
        assert not stderr, stderr
        outputs = page.eval_on_selector_all(f"{PANEL} .jp-OutputArea-output",
                                            "els => els.map(e => e.textContent)")
        assert not [o for o in outputs if "Traceback" in o or "Error:" in o], outputs
        images = page.eval_on_selector_all(
            f"{PANEL} .jp-OutputArea-output img", "els => els.map(e => e.naturalWidth)")
        assert images and all(w > 0 for w in images), images
    finally:
        page.close()
        shutdown_kernel(lab, notebook)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest's output clean
        pass


def test_report_page_shows_every_chart(browser, artifacts, tmp_path):
    from econnews.report import build_report

    report = build_report(out_dir=tmp_path / "report", formats=["png", "svg"])
    handler = functools.partial(_Quiet, directory=str(report.out_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    try:
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/index.html")
        page.wait_for_load_state("load")
        images = page.evaluate(
            "Array.from(document.images).map(i => [i.getAttribute('src'), i.complete,"
            " i.naturalWidth])")
        assert len(images) >= 3, images
        assert all(ok and width > 0 for _src, ok, width in images), images
        assert page.locator("h1").inner_text() == "econnews report"
        page.screenshot(path=str(artifacts / "report.png"), full_page=True)
    finally:
        page.close()
        server.shutdown()
        server.server_close()
