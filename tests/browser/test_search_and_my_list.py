"""What runs in the browser for families: a keyboard-only journey from the home page to a saved
service in "My list". (The relevance suites through the real search page are in test_search_page.py.)"""
import time

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from a11y_browser import AXE_RUN_JS, AXE_TAGS, DESKTOP, MOBILE, describe_violations, set_viewport
from test_a11y_focus import FOCUSED_JS, SNAPSHOT_JS, focus_indicator


def focused(driver):
    state = driver.execute_script(FOCUSED_JS)
    assert state is not None, "focus left the page"
    assert focus_indicator(state), f"{state['element']} has no visible focus indicator"
    return state


def tab_until(driver, matches, shift=False, limit=80):
    """Presses Tab (or Shift+Tab) until `matches(state)`; every stop on the way must show focus."""
    for _ in range(limit):
        keys = ActionChains(driver)
        (keys.key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT) if shift else keys.send_keys(Keys.TAB)).perform()
        state = focused(driver)
        if matches(state):
            return state
    raise AssertionError("never reached the element with the keyboard")


def wait_for(driver, expression, timeout=10):
    deadline = time.monotonic() + timeout
    while not driver.execute_script(f"return {expression};"):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        time.sleep(0.1)


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["1280", "320"])
def test_keyboard_only_from_home_through_search_to_my_list(browser, axe_source, viewport):
    driver = browser.driver
    set_viewport(driver, viewport)
    driver.get(browser.url("/my-list/"))
    driver.execute_script("localStorage.clear();")
    driver.get(browser.url("/"))
    driver.execute_script(SNAPSHOT_JS)

    tab_until(driver, lambda s: 'id="home-search"' in s["html"])
    ActionChains(driver).send_keys("portage").send_keys(Keys.ENTER).perform()
    wait_for(driver, "location.pathname.endsWith('/search/') && document.querySelector('[data-search-results] h3 a')")
    driver.execute_script(SNAPSHOT_JS)
    result = tab_until(driver, lambda s: s["tag"] == "a" and "/services/" in s["html"] and "app-service-list" in s["element"])
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    wait_for(driver, "location.pathname.startsWith('/services/') && document.querySelector('button[data-save-service]:not([hidden])')")
    slug = driver.execute_script("return location.pathname.split('/').filter(Boolean).pop();")
    assert slug in result["html"]

    driver.execute_script(SNAPSHOT_JS)
    tab_until(driver, lambda s: s["tag"] == "button" and "data-save-service" in s["html"])
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    saved = driver.execute_script("return JSON.parse(localStorage.getItem('localoffer:my-list') || '[]').map(s => s.slug);")
    assert saved == [slug]
    assert driver.execute_script("return document.querySelector('button[data-save-service]').getAttribute('aria-pressed');") == "true"

    # Back up to the header's "My list" link with Shift+Tab, and open it.
    tab_until(driver, lambda s: s["tag"] == "a" and s["text"] == "My list", shift=True)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    wait_for(driver, "document.querySelector('[data-my-list] li h2 a')")
    assert driver.execute_script("return document.querySelector('[data-my-list] li h2 a').pathname;") == f"/services/{slug}/"
    assert driver.execute_script("return Boolean(document.querySelector('[data-my-list] .app-contact'));"), "contacts are shown"

    # My list with an item is a page type of its own for the accessibility audit.
    driver.execute_script(axe_source)
    audit = driver.execute_async_script(AXE_RUN_JS, AXE_TAGS)
    assert not audit.get("error"), audit.get("error")
    assert not audit["violations"], describe_violations(audit["violations"])
    if browser.screenshot_dir is not None:
        browser.full_page_screenshot(f"my-list-with-items-{viewport.name}", viewport)
