"""Printing, for families without internet access: every service page prints on one sheet with its
contacts and full web addresses; a topic page prints as a booklet, one service to a page."""
import base64
import re

from a11y_pages import SITE, page_address

PAGE_OBJECT = re.compile(rb"/Type\s*/Page[^s]")


def print_to_pdf(driver, url) -> bytes:
    driver.get(url)
    result = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": False})
    return base64.b64decode(result["data"])


def test_every_service_page_prints_on_one_sheet(browser):
    pages = sorted(SITE.glob("services/*/index.html"))
    assert len(pages) > 60
    too_long = []
    for page in pages:
        pdf = print_to_pdf(browser.driver, browser.url(page_address(SITE, page)))
        count = len(PAGE_OBJECT.findall(pdf))
        if count != 1:
            too_long.append(f"{page_address(SITE, page)}: {count} sheets")
    assert not too_long, too_long


def test_a_printed_service_shows_full_addresses(browser):
    page = sorted(SITE.glob("services/*/index.html"))[0]
    browser.driver.get(browser.url(page_address(SITE, page)))
    browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        text = browser.driver.execute_script("return document.body.innerText")
        website = browser.driver.execute_script(
            "const a = document.querySelector('.app-contact a.app-print-url');"
            "return a ? getComputedStyle(a, '::after').content : null;")
    finally:
        browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert "Full details: https://" in text
    if website is not None:
        assert "https://" in website


def test_a_topic_page_prints_as_a_booklet(browser):
    topic = sorted(SITE.glob("categories/*/index.html"))[0]
    services = len(re.findall(r'class="app-booklet__service"', topic.read_text()))
    assert services > 0
    pdf = print_to_pdf(browser.driver, browser.url(page_address(SITE, topic)))
    assert len(PAGE_OBJECT.findall(pdf)) == services
