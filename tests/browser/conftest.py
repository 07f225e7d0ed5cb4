"""Fixtures for the browser accessibility suite: the built site, a static server with a strict CSP,
one headless Chromium, and the page types found in the site.

LOCALOFFER_TEST_SITE   the built site (default .build/test-site; `make test` builds it first)
LOCALOFFER_TEST_SERVER nginx | python (default: nginx when installed, else Python's http.server)
LOCALOFFER_SCREENSHOTS where full-page PNGs go (default test-results/screenshots in the repository)
"""
from __future__ import annotations

import os
import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))

import a11y_browser  # noqa: E402
import a11y_pages  # noqa: E402
from a11y_server import SiteServer  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parents[2]
SCREENSHOTS = pathlib.Path(os.environ.get("LOCALOFFER_SCREENSHOTS", REPO / "test-results" / "screenshots"))


def pytest_generate_tests(metafunc):
    """`page_type` is every page type of the site; those not built carry a skip with the reason."""
    if "page_type" in metafunc.fixturenames:
        params = [pytest.param(p, id=p.id, marks=[pytest.mark.skip(reason=p.skip)] if p.skip else [])
                  for p in a11y_pages.discover(a11y_pages.SITE)]
        metafunc.parametrize("page_type", params)


@pytest.fixture(scope="session")
def site() -> pathlib.Path:
    if not (a11y_pages.SITE / "index.html").is_file():
        pytest.fail(f"no built site at {a11y_pages.SITE}: run `make test`, which builds it first, or "
                    "`.build/debug/localoffer build --output .build/test-site`")
    return a11y_pages.SITE


@pytest.fixture(scope="session")
def server(site):
    with SiteServer(site) as running:
        yield running


@pytest.fixture(scope="session")
def driver():
    try:
        chrome = a11y_browser.make_driver()
    except FileNotFoundError as error:
        pytest.fail(str(error))
    yield chrome
    chrome.quit()


@pytest.fixture(scope="session")
def axe_source() -> str:
    try:
        return a11y_browser.find_axe().read_text(encoding="utf-8")
    except FileNotFoundError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="session")
def browser(driver, server, axe_source) -> a11y_browser.Browser:
    return a11y_browser.Browser(driver, server.base, axe_source, SCREENSHOTS)
