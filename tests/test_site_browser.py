"""The built site in a real browser: headless Chromium (Debian's package) driven by Playwright.

The site is built from the built package (or the sample one), served from localhost, and every request that
leaves localhost is blocked and counted as a failure, so these tests also prove the site works
with no network. Outside CI the tests skip when Chromium or Playwright is missing; under CI
(CI=true) they fail instead, because CI must run them.
"""
from __future__ import annotations

import functools
import http.server
import os
import threading
import urllib.request
from collections import deque
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def _require_browser():
    """Skip (or, under CI, fail) when the browser or its driver is not installed."""
    reason = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reason = "the playwright Python package is not installed"
    if reason is None and not CHROMIUM.exists():
        reason = (f"{CHROMIUM} not found; install it with "
                  "`apt-get install -y chromium chromium-driver`")
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests must run in CI: {reason}")
        pytest.skip(reason)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="module")
def server(made):
    """The site that `make` built from the sample corpus, served on a free localhost port."""
    _require_browser()
    _, site = made
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    """A fresh page that records console errors, script errors and off-site requests."""
    ctx = browser.new_context()
    pg = ctx.new_page()
    pg.problems = []
    pg.on("console", lambda m: pg.problems.append(f"console {m.type}: {m.text}")
          if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.problems.append(f"page error: {e}"))
    pg.on("requestfailed", lambda r: pg.problems.append(f"request failed: {r.url}"))
    pg.on("response", lambda r: pg.problems.append(f"HTTP {r.status}: {r.url}")
          if r.status >= 400 else None)

    def offline(route):
        if route.request.url.startswith(server):
            route.continue_()
        else:
            pg.problems.append(f"off-site request: {route.request.url}")
            route.abort()
    ctx.route("**/*", offline)
    yield pg
    ctx.close()


def _status(url: str) -> int:
    with urllib.request.urlopen(url) as r:  # noqa: S310 - localhost only
        r.read(1)
        return r.status


def test_every_page_loads_cleanly_and_every_link_resolves(page, server):
    """Crawl from the home page: no console error on any page, every internal link (pages,
    anchors and downloads) resolves."""
    seen_pages: set[str] = set()
    queue = deque([server])
    checked: dict[str, int] = {}
    anchors: dict[str, set[str]] = {}
    wanted_anchors: list[tuple[str, str, str]] = []
    while queue:
        url = queue.popleft()
        if url in seen_pages:
            continue
        seen_pages.add(url)
        page.goto(url, wait_until="load")
        page.wait_for_timeout(200)  # let deferred scripts run and report errors
        assert not page.problems, f"{url}: {page.problems}"
        anchors[url] = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        for href in hrefs:
            target, frag = urldefrag(urljoin(url, href))
            if not target.startswith(server):
                continue
            if target not in checked:
                checked[target] = _status(target)
            assert checked[target] == 200, f"{url} links to {target}: {checked[target]}"
            if frag:
                wanted_anchors.append((url, target, frag))
            if urlparse(target).path.endswith("/") and target not in seen_pages:
                queue.append(target)
    assert len(seen_pages) >= 8, f"crawled too few pages: {sorted(seen_pages)}"
    downloads = [u for u in checked if "/downloads/" in u]
    assert any(u.endswith(".zip") for u in downloads), downloads
    assert any(u.endswith("events.parquet") for u in downloads), downloads
    assert any(u.endswith("datapackage.json") for u in downloads), downloads
    for src, target, frag in wanted_anchors:
        if target in anchors:
            assert frag in anchors[target], f"{src} links to missing anchor {target}#{frag}"


def test_search_finds_a_field_name(page, server):
    page.goto(server, wait_until="load")
    page.click("input.md-search__input", timeout=5000)
    # typed key by key: Material's search listens to keyboard events, not to a pasted value
    page.keyboard.type("resolution_score", delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    items = page.inner_text(".md-search-result__list")
    assert "Data dictionary" in items and "resolution_score" in items
    assert not page.problems, page.problems


@pytest.mark.parametrize("path, selector", [
    ("explore/", "img#events-over-time"),
    ("explore/", "img#events-map"),
    ("dictionary/", "img.relationships"),
])
def test_charts_and_map_render(page, server, path, selector):
    page.goto(server + path, wait_until="load")
    img = page.wait_for_selector(selector, timeout=5000)
    size = img.evaluate("i => [i.complete, i.naturalWidth, i.naturalHeight]")
    assert size[0] and size[1] > 100 and size[2] > 100, f"{selector} did not render: {size}"
    box = img.bounding_box()
    assert box and box["width"] > 200, box
    assert not page.problems, page.problems
