"""The guided start with JavaScript off, as a family on a locked-down phone would use it: from the
home page through three question pages (all links) to a page of the services that fit, with
Back and Change links; and the service page putting who it is for, how to ask and the contact
block within the first two screens of a 390 px phone."""
import re

import pytest
from selenium.webdriver.common.by import By

from a11y_browser import Viewport, set_viewport
from a11y_pages import SITE, page_address

PHONE = Viewport("phone", 390, 844, 3, True)


@pytest.fixture
def no_javascript(browser):
    browser.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    set_viewport(browser.driver, PHONE)
    yield browser
    browser.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def click_link(driver, text):
    links = [link for link in driver.find_elements(By.TAG_NAME, "a") if link.text.strip().startswith(text)]
    assert links, f"no link '{text}' on {driver.current_url}"
    links[0].click()


def ages_listed(driver):
    return [tuple(map(int, match)) for match in re.findall(r"Ages (\d+) to (\d+)", driver.find_element(By.TAG_NAME, "main").text)]


def test_three_questions_from_home_to_results_with_javascript_off(no_javascript):
    driver = no_javascript.driver
    driver.get(no_javascript.url("/"))
    click_link(driver, "Start now")
    assert "How old is your child" in driver.find_element(By.TAG_NAME, "h1").text
    click_link(driver, "7")
    assert driver.find_element(By.TAG_NAME, "h1").text == "What does a 7-year-old need help with?"
    click_link(driver, "Talking, understanding")
    assert "EHC" in driver.find_element(By.TAG_NAME, "h1").text
    click_link(driver, "No")
    heading = driver.find_element(By.TAG_NAME, "h1").text
    assert "7-year-old" in heading and "talking" in heading and "without an EHC plan" in heading
    ages = ages_listed(driver)
    assert ages, "the results page lists services"
    assert all(low <= 7 <= high for low, high in ages), ages
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "EHC plan needed" not in main.replace("No EHC plan needed", "")
    # The best answer for a 7-year-old who needs help talking is speech therapy for school-age children.
    first = driver.find_element(By.CSS_SELECTOR, ".app-service-list__title a").text
    assert "speech" in first.lower() or "language" in first.lower(), first

    # Change an answer, and go back.
    click_link(driver, "Change")
    assert "How old" in driver.find_element(By.TAG_NAME, "h1").text
    click_link(driver, "12")
    click_link(driver, "Back")
    assert "How old" in driver.find_element(By.TAG_NAME, "h1").text


def test_every_answer_leads_somewhere_that_exists():
    """Every link on every question page is a page of the built site: no dead end on a static host."""
    pages = sorted((SITE / "start").rglob("index.html"))
    assert len(pages) == 1 + 26 + 26 * 5 + 26 * 5 * 3
    for page in pages:
        if "plan-" in page.parent.name:
            continue
        for href in re.findall(r'class="app-answer" href="([^"]+)"', page.read_text()):
            target = SITE / href.lstrip("/") / "index.html"
            assert target.is_file(), f"{page_address(SITE, page)} links to {href}, which does not exist"


def test_results_rank_services_made_for_the_need_above_general_ones():
    page = (SITE / "start/age-3/need-communication-and-interaction/plan-not-sure/index.html").read_text()
    titles = re.findall(r'class="app-service-list__title"><a href="[^"]+">([^<]+)</a>', page)
    assert titles, "results are listed"
    assert not titles[0].startswith("Accessible"), f"not A to Z: {titles[:3]}"
    assert any("speech" in title.lower() for title in titles[:3]), titles[:5]


def test_results_pages_are_not_for_search_engines():
    page = (SITE / "start/age-3/need-not-sure/plan-yes/index.html").read_text()
    assert '<meta name="robots" content="noindex">' in page
    assert "/start/" not in (SITE / "sitemap.xml").read_text()


def test_on_a_phone_who_it_is_for_how_to_ask_and_the_contact_come_within_two_screens(browser):
    driver = browser.driver
    set_viewport(driver, PHONE)
    late = []
    pages = sorted(SITE.glob("services/*/index.html"))
    assert len(pages) > 60
    for page in pages:
        if page.parent.name == "page":
            continue
        driver.get(browser.url(page_address(SITE, page)))
        tops = driver.execute_script("""
            const top = (selector) => { const e = document.querySelector(selector); return e ? e.getBoundingClientRect().top + scrollY : null; };
            return {facts: top('#key-facts-heading'), contact: top('#contact-heading'),
                    contactEnd: (() => { const e = document.querySelector('.app-contact-block'); return e ? e.getBoundingClientRect().bottom + scrollY : null; })()};
        """)
        if tops["facts"] is None or tops["contact"] is None or tops["contact"] > 2 * PHONE.height:
            late.append(f"{page_address(SITE, page)}: key facts at {tops['facts']}, contact at {tops['contact']}")
    assert not late, late[:10]


def test_at_desktop_width_key_facts_and_contact_sit_beside_the_description(browser):
    driver = browser.driver
    set_viewport(driver, Viewport("desktop", 1280, 800, 1, False))
    page = sorted(SITE.glob("services/*/index.html"))[0]
    driver.get(browser.url(page_address(SITE, page)))
    boxes = driver.execute_script("""
        const box = (selector) => document.querySelector(selector).getBoundingClientRect();
        const main = box('.app-service__main'), aside = box('.app-service__aside'), contact = box('.app-contact-block');
        return {mainRight: main.right, asideLeft: aside.left, asideTop: aside.top, contactTop: contact.top};
    """)
    assert boxes["asideLeft"] >= boxes["mainRight"], boxes
    assert boxes["asideTop"] < 800, "the key facts start on the first screen"
