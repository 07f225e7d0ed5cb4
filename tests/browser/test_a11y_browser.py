"""Every page type in headless Chromium, at 1280 px and 320 px wide and at 400% zoom:
axe-core (WCAG 2.2 A and AA), console errors (CSP violations, failed loads), reflow, screenshots.

Each page is loaded once per viewport (a11y_browser.Browser caches the visit), so the tests below
share the loads: axe, console and screenshot of home-320 come from one visit.
"""
import struct
import urllib.error
import urllib.request

import pytest

from a11y_browser import DESKTOP, MAX_SHOT_HEIGHT, MOBILE, READY_TIMEOUT, ZOOM_400, describe_violations
from a11y_pages import MISSING_PATH
from a11y_server import CSP

WIDTHS = [pytest.param(DESKTOP, id="1280"), pytest.param(MOBILE, id="320")]


@pytest.mark.parametrize("viewport", WIDTHS)
def test_axe_finds_no_wcag_22_aa_violations(browser, page_type, viewport):
    visit = browser.visit(page_type, viewport)
    if not visit.ready:
        pytest.fail(f"{visit.url}: what the page's scripts draw did not appear within {READY_TIMEOUT} s "
                    f"({page_type.ready} stayed false); console: {visit.console_errors}", pytrace=False)
    assert visit.axe_error is None, f"axe-core failed on {visit.url}: {visit.axe_error}"
    if visit.violations:
        pytest.fail((
            f"axe-core {visit.axe_version}: {len(visit.violations)} WCAG 2.2 AA rule(s) fail on {visit.url} "
            f"at {viewport.width} px:\n{describe_violations(visit.violations)}"), pytrace=False)


@pytest.mark.parametrize("viewport", WIDTHS)
def test_no_console_errors(browser, page_type, viewport):
    visit = browser.visit(page_type, viewport)
    if visit.console_errors:
        pytest.fail((
            f"console errors on {visit.url} at {viewport.width} px (CSP: {CSP}):\n- "
            + "\n- ".join(visit.console_errors)), pytrace=False)


@pytest.mark.parametrize("viewport", [pytest.param(MOBILE, id="320"),
                                      pytest.param(ZOOM_400, id="1280-at-400pc")])
def test_no_horizontal_scrolling(browser, page_type, viewport):
    """WCAG 1.4.10 Reflow: content fits 320 CSS px without scrolling sideways."""
    visit = browser.visit(page_type, viewport, axe=False, screenshot=False) if viewport is ZOOM_400 \
        else browser.visit(page_type, viewport)
    o = visit.overflow
    # A page without <meta name="viewport"> is laid out 980 px wide and shrunk on phones: no scroll
    # bar, but unreadable; the layout viewport must be the device width.
    if o["clientWidth"] > viewport.width:
        pytest.fail(f"{visit.url} is laid out {o['clientWidth']} px wide in a {viewport.width} px viewport "
                    "(is <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"> missing?)",
                    pytrace=False)
    # On a phone Chrome widens the layout viewport (innerWidth) to fit wide content instead of
    # scrolling, so the limit is the emulated width itself.
    if o["scrollWidth"] > viewport.width or o["innerWidth"] > viewport.width:
        pytest.fail(f"{visit.url} scrolls sideways at {viewport.name}: content is {o['scrollWidth']} px wide "
                    f"(window.innerWidth {o['innerWidth']}) in a {viewport.width} px viewport. "
                    f"What sticks out: {', '.join(o['culprits']) or 'not found'}", pytrace=False)


@pytest.mark.parametrize("viewport", WIDTHS)
def test_full_page_screenshot(browser, page_type, viewport):
    """Full-page PNGs in test-results/screenshots/ for people to look at (<page type>-<width>.png)."""
    visit = browser.visit(page_type, viewport)
    assert visit.screenshot_error is None, f"no screenshot of {visit.url}: {visit.screenshot_error}"
    png = visit.screenshot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n", f"{visit.screenshot} is not a PNG"
    width, height = struct.unpack(">II", png[16:24])
    assert width == viewport.width, f"{visit.screenshot} is {width} px wide, not {viewport.width}"
    # A phone shrinks a page that is too wide to fit (the reflow test reports that): scale to match.
    shrink = viewport.width / max(viewport.width, visit.layout_width)
    expected = max(viewport.height, min(visit.page_height, MAX_SHOT_HEIGHT)) * shrink
    assert abs(height - expected) <= 2, (f"{visit.screenshot} is {height} px tall; the page is "
                                         f"{visit.page_height} px: not a full-page screenshot")


def _fetch(url):
    """(status, headers, body) of a GET, whatever the status."""
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as answer:
        return answer.code, answer.headers, answer.read()


def test_missing_address_gets_the_404_page(server, site):
    status, headers, body = _fetch(server.url(MISSING_PATH))
    assert status == 404, f"{MISSING_PATH} answered {status}, not 404"
    assert body == (site / "404.html").read_bytes(), f"the 404 answer for {MISSING_PATH} is not 404.html"
    assert headers.get("Content-Security-Policy") == CSP, "the 404 answer has no Content-Security-Policy"


def test_pages_are_served_with_the_content_security_policy(server):
    status, headers, _ = _fetch(server.url("/"))
    assert status == 200, f"/ answered {status}"
    assert headers.get("Content-Security-Policy") == CSP, \
        f"Content-Security-Policy: {headers.get('Content-Security-Policy')!r}, not {CSP!r}"
    assert headers.get_content_type() == "text/html"


def test_missing_address_shows_the_404_page_in_the_browser(browser, site):
    from a11y_pages import PageStructure, discover
    missing = next(p for p in discover(site) if p.id == "missing-url")
    if missing.skip:
        pytest.skip(missing.skip)
    visit = browser.visit(missing, DESKTOP)
    expected = PageStructure((site / "404.html").read_text(encoding="utf-8")).title.strip()
    assert visit.title.strip() == expected, f"{visit.url} shows {visit.title!r}, not the 404 page {expected!r}"
