"""The site in a real browser: Debian's chromium, headless, driven by Playwright against a real
`mediarch serve` (gunicorn) on 127.0.0.1."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import IN_CI, REPO, require_tool

# The closed network refuses chromium's background connections; these keep it from trying.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def server(ingested_corpus, tmp_path_factory):
    root = tmp_path_factory.mktemp("browser") / "depository"
    shutil.copytree(ingested_corpus[0], root)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "archive.cli", "--root", str(root), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/index.json", timeout=5).close()
            break
        except OSError:
            time.sleep(0.3)
    yield base
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture(scope="module")
def browser():
    executable = require_tool("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def test_search_in_arabic_reads_right_to_left_with_the_served_font(server, browser):
    page = browser.new_page()
    served = []
    page.on("response", lambda r: served.append(r.url))
    page.goto(f"{server}/?lang=ar")
    assert page.get_attribute("html", "dir") == "rtl"
    page.fill("input[name=q]", "وقف إطلاق النار")
    page.click("button[type=submit]")
    page.wait_for_selector("ol.hits li")
    assert "وثيقة" in page.inner_text("p.count")
    assert page.evaluate("document.fonts.check('17px \"Depository Naskh\"', 'وقف')")
    page.evaluate("document.fonts.ready")
    assert any(url.endswith("NotoNaskhArabic-Regular.ttf") for url in served)
    assert all(url.startswith(server) for url in served)  # nothing from elsewhere
    page.close()


def test_a_facet_narrows_and_paging_keeps_the_query(server, browser):
    page = browser.new_page()
    page.goto(f"{server}/search?q=ceasefire&lang=en")
    before = page.inner_text("p.count")
    page.click("aside.facets a >> nth=0")  # the first value of the first facet
    page.wait_for_load_state()
    assert "process:" in page.input_value("input[name=q]")
    assert page.inner_text("p.count") != before
    page.goto(f"{server}/search?q=&lang=en")
    page.click("a[rel=next]")
    page.wait_for_load_state()
    assert "Page 2" in page.inner_text("nav.pages")
    page.click("text=العربية")
    page.wait_for_load_state()
    assert page.get_attribute("html", "dir") == "rtl" and "page=2" in page.url
    page.close()


def test_a_record_page_opens_from_a_hit_and_switches_language(server, browser):
    page = browser.new_page()
    page.goto(f"{server}/search?q=elders&lang=en")
    page.click("ol.hits li a >> nth=0")
    page.wait_for_selector("h1")
    assert "/records/" in page.url
    assert "█████" in page.inner_text("section.text-page")
    errors = []
    page.on("pageerror", lambda e: errors.append(e))
    page.reload()
    assert not errors
    page.close()


def test_the_process_timeline_is_drawn_by_the_server(server, browser):
    page = browser.new_page()
    page.goto(f"{server}/?lang=en")
    page.click("ul.processes a >> nth=0")
    page.wait_for_selector("figure.timeline svg")
    circles = page.locator("figure.timeline svg circle").count()
    assert circles == page.locator("ol.sessions > li").count() > 0
    page.close()


AXE = REPO / ".ci" / ".node" / "node_modules" / "axe-core" / "axe.min.js"  # bash .ci/run
MAIN_PAGES = [
    "/?lang=ar",
    "/?lang=en",
    "/search?q=ceasefire&lang=en",
    "/search?q=وقف إطلاق النار&lang=ar",
    "/records/th-2024-agreement?lang=en",
    "/records/sg-2025-s2-elders-note?lang=ar",
    "/records/th-2024-r3-liaison-memo?lang=en",
    "/processes/wadi-qarnun?lang=ar",
    "/agents/astrid-solvang?lang=en",
    "/browse?lang=ar",
]


@pytest.mark.parametrize("path", MAIN_PAGES)
def test_the_main_pages_have_no_serious_accessibility_violations(server, browser, path):
    """axe-core's rules (WCAG 2.x A and AA among them) run in the page: no violation of
    serious or critical impact."""
    if not AXE.is_file():
        message = "axe-core is not installed (bash .ci/run installs it into .ci/.node)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    context = browser.new_context(bypass_csp=True)  # to add axe's script to the page
    try:
        page = context.new_page()
        page.goto(server + path)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            """async () => (await axe.run()).violations.map(
                v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))"""
        )
    finally:
        context.close()
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, serious
