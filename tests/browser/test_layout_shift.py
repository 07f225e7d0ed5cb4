"""No layout shift (WCAG-friendly, and what makes a cheap phone feel solid): nothing on a page moves
after it is first drawn, including when scripts add the "Save to my list" button."""
import time

import pytest

from a11y_browser import DESKTOP, MOBILE, set_viewport
from a11y_pages import SITE, page_address

SHIFT_JS = """
const done = arguments[arguments.length - 1];
let total = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
}).observe({ type: 'layout-shift', buffered: true });
setTimeout(() => done(total), 500);
"""


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["1280", "320"])
def test_pages_do_not_shift_after_they_are_drawn(browser, viewport):
    pages = ["/", page_address(SITE, sorted(SITE.glob("services/*/index.html"))[0]), "/search/", "/my-list/"]
    set_viewport(browser.driver, viewport)
    shifts = {}
    for path in pages:
        browser.driver.get(browser.url(path))
        time.sleep(0.2)
        shifts[path] = browser.driver.execute_async_script(SHIFT_JS)
    assert all(value < 0.01 for value in shifts.values()), shifts
