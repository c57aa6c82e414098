"""The site in a real browser: Debian's chromium, headless, driven by Playwright against a real
`mediarch serve` (gunicorn) on 127.0.0.1."""

from __future__ import annotations

import shutil

import pytest

from archive.access.users import Users
from archive.depository import Depository
from tests.conftest import IN_CI, REPO, require_tool, serving

STAFF = ("archivist", "registrar")
PASSWORD = "a long enough password"

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
    with Depository.open(root) as dep:
        for name in STAFF:
            Users(dep.catalog).add(name, PASSWORD, "staff", actor="test")
    with serving(root) as base:
        yield base


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
    "/signin?lang=ar",
    "/register?lang=en",
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
        serious = _serious_violations(page)
    finally:
        context.close()
    assert not serious, serious


def _serious_violations(page) -> list[dict]:
    """axe-core's violations of serious or critical impact in the page as it stands."""
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        """async () => (await axe.run()).violations.map(
            v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))"""
    )
    return [v for v in violations if v["impact"] in ("serious", "critical")]


def _sign_in(context, server: str, name: str, password: str = PASSWORD):
    page = context.new_page()
    page.goto(f"{server}/signin?lang=en")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", password)
    page.click("form.room button[type=submit]")
    page.wait_for_load_state()
    return page


@pytest.mark.slow
def test_a_reader_registers_and_is_approved_by_staff(server, browser):
    reader = browser.new_context()
    page = reader.new_page()
    page.goto(f"{server}/register?lang=ar")
    assert page.get_attribute("html", "dir") == "rtl"
    page.fill("input[name=name]", "layan")
    page.fill("input[name=full_name]", "ليان مثال")
    page.fill("input[name=email]", "layan@example.org")
    page.fill("textarea[name=research]", "مفاوضات تبادل المحتجزين")
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=password_again]", PASSWORD)
    page.click("form.room button[type=submit]")
    assert "layan" in page.inner_text("p.done")
    page = _sign_in(reader, server, "layan")
    assert page.locator("p.error").count() == 1  # not approved yet
    staff = browser.new_context()
    desk = _sign_in(staff, server, "archivist")
    desk.goto(f"{server}/staff/readers?lang=en")
    assert "ليان مثال" in desk.inner_text("main")
    desk.click("button[name=approve][value=layan]")
    desk.wait_for_load_state()
    assert "layan may now sign in" in desk.inner_text("ul.flashes")
    page = _sign_in(reader, server, "layan")
    page.goto(f"{server}/account?lang=en")
    assert "layan" in page.inner_text("main")
    reader.close()
    staff.close()


@pytest.mark.slow
def test_staff_edit_a_title_and_two_of_them_release_the_record(server, browser):
    """The title carries a script, an event handler and a bidi override: shown as text, run
    never. One staff member proposes the release, another approves, and the public reads it."""
    identifier = "th-2023-r2-minutes-ar"  # public level, embargoed to 2033, listed
    hostile = 'Minutes <script>window.pwned=1</script><img src=x onerror="window.pwned=2"> \u202e'
    first, second = browser.new_context(), browser.new_context()
    page = _sign_in(first, server, "archivist")
    page.goto(f"{server}/staff/records/{identifier}/edit?lang=en")
    page.fill("#in-title_en", "")
    page.fill("#in-date", "2023-99-01")
    page.click("form.edit button[type=submit]")
    assert page.locator("#err-date").count() == 1  # refused, named by field
    page.goto(f"{server}/staff/records/{identifier}/edit?lang=en")
    page.fill("#in-title_en", hostile)
    page.click("form.edit button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("ul.flashes").count() == 1
    page.fill("input[name=basis]", "Declassified by the review board")
    page.click("text=Propose a release >> nth=-1")
    page.wait_for_load_state()
    other = _sign_in(second, server, "registrar")
    other.goto(f"{server}/staff/releases?lang=en")
    assert identifier in other.inner_text("main")
    other.click("section.card button[type=submit]")
    other.wait_for_load_state()
    assert "Released" in other.inner_text("ul.flashes")
    public = browser.new_page()
    errors = []
    public.on("pageerror", lambda e: errors.append(e))
    public.goto(f"{server}/records/{identifier}?lang=en")
    assert public.locator("p.closed").count() == 0  # open now
    assert "<script>" in public.inner_text("h1 >> nth=-1")
    assert public.evaluate("window.pwned") is None and not errors
    found = public.evaluate(
        f"fetch('/search.json?q=id:{identifier}').then(r => r.json()).then(d => d.total)"
    )
    assert found == 1
    for context in (first, second):
        context.close()
    public.close()


STAFF_PAGES = [
    "/staff?lang=ar",
    "/staff/records/wq-2019-r1-minutes/edit?lang=en",
    "/staff/audit?lang=en",
]


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_the_staff_pages_have_no_serious_accessibility_violations(server, browser, path):
    if not AXE.is_file():
        message = "axe-core is not installed (bash .ci/run installs it into .ci/.node)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    context = browser.new_context(bypass_csp=True)
    try:
        page = _sign_in(context, server, "registrar")
        page.goto(server + path)
        serious = _serious_violations(page)
    finally:
        context.close()
    assert not serious, serious
