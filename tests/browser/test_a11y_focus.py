"""Keyboard focus in headless Chromium: Tab through the page as a keyboard user does and check that
every focused element shows where focus is (WCAG 2.4.7) and is big enough to hit (WCAG 2.5.8).

A visible focus indicator is one of: an outline that is not none, at least 2 px wide and not
transparent; a box-shadow that the element does not have without focus; or a background colour that
differs from the unfocused one.

Target size (2.5.8, AA): at least 24 x 24 CSS px, unless an exception applies:
- inline: a link laid out inline in running text (inside <p>, <li> or <dd>);
- spacing: a 24 px circle centred on the target meets no other target (nor another small target's circle).
"""
import re

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from a11y_browser import DESKTOP, MOBILE

MAX_TABS = 60

SNAPSHOT_JS = """
// Styles of every focusable element before anything has focus, to compare with its focused style.
window.__unfocused = new Map();
for (const el of document.querySelectorAll('a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]')) {
  const s = getComputedStyle(el);
  window.__unfocused.set(el, {background: s.backgroundColor, boxShadow: s.boxShadow,
                              outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, color: s.color});
}
document.activeElement && document.activeElement.blur && document.activeElement.blur();
window.scrollTo(0, 0);
"""

FOCUSED_JS = """
const el = document.activeElement;
if (!el || el === document.body || el === document.documentElement) return null;
const describe = (e) => {
  let path = [];
  for (let n = e; n && n.nodeType === 1 && n !== document.body && path.length < 4; n = n.parentElement) {
    let part = n.tagName.toLowerCase();
    if (n.id) { path.unshift(part + '#' + n.id); break; }
    if (n.classList.length) part += '.' + [...n.classList].join('.');
    path.unshift(part);
  }
  return path.join(' > ');
};
const targets = [...document.querySelectorAll(
    'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
  .filter(t => { const r = t.getBoundingClientRect(); return r.width > 0 && r.height > 0; });
const s = getComputedStyle(el);
const r = el.getBoundingClientRect();
const small = (q) => q.width < 24 || q.height < 24;
// WCAG 2.5.8 spacing exception: a 24 px circle centred on the target's box meets no other target,
// and no other undersized target's circle.
let spacingOk = true, crowdedBy = null;
const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
for (const other of targets) {
  if (other === el || other.contains(el) || el.contains(other)) continue;
  const q = other.getBoundingClientRect();
  const dx = Math.max(q.left - cx, 0, cx - q.right), dy = Math.max(q.top - cy, 0, cy - q.bottom);
  const near = Math.hypot(dx, dy) < 12
    || (small(q) && Math.hypot(q.left + q.width / 2 - cx, q.top + q.height / 2 - cy) < 24);
  if (near) { spacingOk = false; crowdedBy = describe(other) + ' "' + (other.innerText || '').trim().slice(0, 40) + '"'; break; }
}
const block = el.parentElement && el.parentElement.closest('p, li, dd');
return {
  element: describe(el), html: el.outerHTML.slice(0, 160), tag: el.tagName.toLowerCase(),
  text: (el.innerText || el.value || '').trim().slice(0, 60),
  outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0, outlineColor: s.outlineColor,
  boxShadow: s.boxShadow, background: s.backgroundColor, before: window.__unfocused.get(el) || null,
  focusVisible: el.matches(':focus-visible'),
  rect: {left: r.left, top: r.top, width: r.width, height: r.height},
  inViewport: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
              && r.left < window.innerWidth && r.top < window.innerHeight,
  inlineInText: s.display === 'inline' && Boolean(block),
  spacingOk, crowdedBy,
};
"""

ALPHA = re.compile(r"rgba?\(([^)]*)\)")


def _opaque(colour: str) -> bool:
    match = ALPHA.match(colour.strip())
    if not match:
        return colour.strip() not in ("transparent", "")
    parts = [p for p in re.split(r"[\s,/]+", match[1]) if p]
    return len(parts) < 4 or float(parts[3].rstrip("%")) > 0


def focus_indicator(f) -> str | None:
    """How the focused element shows focus, or None when it does not."""
    before = f["before"] or {}
    if f["outlineStyle"] not in ("none", "hidden") and f["outlineWidth"] >= 2 and _opaque(f["outlineColor"]):
        return f"outline {f['outlineWidth']:g}px {f['outlineStyle']} {f['outlineColor']}"
    if f["boxShadow"] != "none" and f["boxShadow"] != before.get("boxShadow"):
        return f"box-shadow {f['boxShadow']}"
    if before and f["background"] != before.get("background"):
        return f"background {before.get('background')} -> {f['background']}"
    return None


def target_size_problem(f) -> str | None:
    w, h = f["rect"]["width"], f["rect"]["height"]
    if w >= 24 and h >= 24:
        return None
    if f["tag"] == "a" and f["inlineInText"]:
        return None
    if f["spacingOk"]:
        return None
    return f"{w:.0f}x{h:.0f} px, closer than 24 px to {f['crowdedBy']}"


def tab_through(driver, limit=MAX_TABS):
    """Press Tab up to `limit` times from the top of the page; the state of each focused element."""
    driver.execute_script(SNAPSHOT_JS)
    seen, stops = [], []
    for _ in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focused = driver.execute_script(FOCUSED_JS)
        if focused is None:            # focus left the page (past the last element)
            break
        key = (focused["element"], focused["html"])
        if stops and key == seen[0]:   # wrapped round to the first element
            break
        seen.append(key)
        stops.append(focused)
    return stops


# The home page (as the issue asks), and the page types with the most kinds of control: a service
# (contacts, the save button), search (form controls), results and a list drawn by JavaScript.
FOCUS_PAGES = [("home", DESKTOP), ("home", MOBILE), ("service", DESKTOP), ("search", DESKTOP),
               ("search-results", MOBILE), ("my-list-shared", MOBILE)]


@pytest.fixture(scope="module")
def tab_stops(browser, site):
    """Tab stops per (page id, viewport name), recorded once for both tests below."""
    from a11y_pages import discover
    pages = {p.id: p for p in discover(site)}
    recorded = {}

    def record(page_id, viewport):
        page = pages[page_id]
        if page.skip:
            pytest.skip(page.skip)
        key = (page_id, viewport.name)
        if key not in recorded:
            if not browser.load(page.path, viewport, page.ready):
                pytest.fail(f"{page.path}: what the page's scripts draw did not appear ({page.ready}); "
                            f"console: {browser.console_errors()}", pytrace=False)
            recorded[key] = (browser.url(page.path), tab_through(browser.driver))
        return recorded[key]
    return record


@pytest.mark.parametrize("page_id,viewport", [pytest.param(p, v, id=f"{p}-{v.name}") for p, v in FOCUS_PAGES])
def test_focus_is_always_visible(tab_stops, page_id, viewport):
    url, stops = tab_stops(page_id, viewport)
    assert stops, f"Tab focused nothing on {url}"
    first = stops[0]
    assert "#main-content" in first["html"], f"the first Tab on {url} focuses {first['element']}, not the skip link"
    problems = []
    for n, f in enumerate(stops, 1):
        where = f"Tab {n}: {f['element']} {f['text']!r}"
        if not f["inViewport"]:
            problems.append(f"{where} is focused but not on screen (rect {f['rect']})")
        elif focus_indicator(f) is None:
            problems.append(f"{where} has no visible focus indicator (outline {f['outlineStyle']} "
                            f"{f['outlineWidth']}px {f['outlineColor']}, box-shadow {f['boxShadow']}, "
                            f"background {f['background']} vs {(f['before'] or {}).get('background')})")
    if problems:
        pytest.fail(f"{url} at {viewport.width} px, {len(stops)} Tab stops:\n- " + "\n- ".join(problems),
                    pytrace=False)


@pytest.mark.parametrize("page_id,viewport", [pytest.param(p, v, id=f"{p}-{v.name}") for p, v in FOCUS_PAGES])
def test_focus_targets_are_at_least_24_px(tab_stops, page_id, viewport):
    url, stops = tab_stops(page_id, viewport)
    assert stops, f"Tab focused nothing on {url}"
    problems = [f"Tab {n}: {f['element']} {f['text']!r}: {problem}"
                for n, f in enumerate(stops, 1) if (problem := target_size_problem(f))]
    if problems:
        pytest.fail(f"{url} at {viewport.width} px: targets smaller than 24x24 CSS px (WCAG 2.5.8):\n- "
                    + "\n- ".join(problems), pytrace=False)
